"""The keys a KB entity is found by, one definition for every store (in memory, SQLite).

An entity's Arabic labels are found by their normal key (:func:`arnews.core.names.key`; the first label is
``exact``, the others ``alias``), its English labels by the normal key too (``alias``); non-person Arabic labels
also by their loose key (:func:`arnews.core.names.loose`); English labels (and a person's short forms, "Kamala
Harris" for "Kamala D. Harris") by their phonetic key (:func:`arnews.core.names.phonetic`), a person's by the
phonetic key of their surname, and any multi-word English label by its initials ("AOC").
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Final, Literal

from arnews.core.memo import word_cache
from arnews.core.names import key, loose_word, one_word, phonetic, phonetic_word, strip_article, words
from arnews.core.names import loose as _loose
from arnews.core.text import normalize

if TYPE_CHECKING:
    from arnews.kb.store import KbEntry

__all__ = [
    "HOW_SCORE",
    "PREFIX_WORDS",
    "Index",
    "NameKeys",
    "WordKeys",
    "begins_key",
    "continues_key",
    "entry_keys",
    "name_keys",
    "phonetic_fits",
    "word_keys",
    "written_forms",
]

Index = Literal["exact", "loose", "phonetic", "surname", "initials"]

#: How a name matched, and what that adds to the popularity prior when candidates are ranked.
HOW_SCORE = {"exact": 3.0, "alias": 2.0, "loose": 1.5, "phonetic": 1.0}

#: Word-prefixes of KB names are looked at up to this many words (the gazetteer grows a span to five at most): a
#: label of thousands of words costs memory in proportion to its length, not to its square.
PREFIX_WORDS: Final = 8

# name tokens that are not part of a person's usual name: initials, suffixes
_NAME_NOISE = frozenset({"jr", "sr", "ii", "iii", "iv"})


def short_forms(label: str) -> list[str]:
    """A person's English label with middle names and initials dropped: "Kamala D. Harris" -> "Kamala Harris"."""
    toks = [t for t in words(normalize(label)) if t not in _NAME_NOISE]
    toks = [t for t in toks if len(t) > 1] or toks
    out = []
    if len(toks) > 2:
        out.append(f"{toks[0]} {toks[-1]}")
        if len(toks) > 3:
            out.append(f"{toks[0]} {toks[-2]} {toks[-1]}")
    return out


def entry_keys(e: KbEntry) -> Iterator[tuple[Index, str, str]]:
    """Every (index, key, how) an entity is found by; ``how`` is ``exact`` or ``alias`` in the exact index and
    the index's own name elsewhere."""
    for i, label in enumerate(e.ar):
        yield "exact", key(label), "exact" if i == 0 else "alias"
    for label in e.en:
        yield "exact", key(label), "alias"
    for label in e.ar if e.type != "PER" else ():
        lk = _loose(label)
        if len(lk.replace(" ", "")) >= 4:
            yield "loose", lk, "loose"
    # the phonetic key reads Latin labels only: Arabic spellings of one name meet through `loose`
    forms = list(e.en)
    if e.type == "PER":
        for label in e.en:
            forms.extend(short_forms(label))
    for form in forms:
        ph = phonetic(form)
        if ph and (" " in ph or len(ph) >= 5):
            yield "phonetic", ph, "phonetic"
        if e.type == "PER":
            toks = ph.split()
            if len(toks) >= 2:
                yield "surname", toks[-1], "surname"
    for label in e.en:
        toks = [t for t in words(label.replace("-", " ")) if t.lower() not in _NAME_NOISE]
        if len(toks) >= 2:
            yield "initials", "".join(t[0] for t in toks).lower(), "initials"


def phonetic_fits(e: KbEntry, ph: str) -> bool:
    """A person is found by sound only on a full name, each word with two consonants or more, never one word."""
    parts = ph.split()
    return e.type != "PER" or (len(parts) >= 2 and min(map(len, parts)) >= 2)


#: The normal, loose and phonetic keys of one word.
WordKeys = tuple[str, str, str]
#: The normal, loose and phonetic keys of a name of one or more words (the words' keys joined by spaces).
NameKeys = tuple[str, str, str]


@word_cache(200_000)
def word_keys(word: str) -> WordKeys:
    """The normal, loose and phonetic keys of one normalised word (:func:`arnews.core.names.key`, ``loose``,
    ``phonetic``, which all work word by word)."""
    if one_word(word):  # a token: the three keys straight from the word (asked of every new word of an article)
        k = strip_article(word)
        return k, loose_word(k), phonetic_word(word)
    return key(word, normalized=True), _loose(word, normalized=True), phonetic(word, normalized=True)


def name_keys(keyed: Iterable[WordKeys]) -> NameKeys:
    """A name's three keys from its words' keys: ``name_keys(map(word_keys, words(name)))`` equals
    ``(key(name), loose(name), phonetic(name))`` for a normalised ``name``, without reading the name again (the
    gazetteer grows a span a word at a time and keys each word once).

    >>> from arnews.core.names import words
    >>> name_keys(word_keys(w) for w in words("الحزب الديمقراطي"))
    ('حزب ديمقراطي', 'حزب دمقرط', 'alhsb aldmkrt')
    """
    ks, los, phs = [], [], []
    for k, lo, ph in keyed:
        ks.append(k)
        los.append(lo)
        if ph:
            phs.append(ph)
    return " ".join(ks), " ".join(los), " ".join(phs)


@word_cache(100_000)
def written_forms(entry: KbEntry) -> tuple[frozenset[str], frozenset[tuple[bool, str]]]:
    """An entity's labels as written (normal form, article kept), and their loose keys with whether each has the
    article."""
    written = [" ".join(words(normalize(label))) for label in entry.ar + entry.en]
    return frozenset(written), frozenset((w.startswith("ال"), _loose(w)) for w in written)


def begins_key(firsts: frozenset[str], word: str) -> bool:
    """Some key whose first words are ``firsts`` may begin with the normalised ``word``: the word as written or
    without its article, or its loose or phonetic key, is one of them (:meth:`arnews.kb.KnowledgeBase.could_start`,
    asked of every new word of an article; compiled with the gazetteer in a compiled build)."""
    _k, lo, ph = word_keys(word)  # keyed once, for the gazetteer too
    return (
        (word[2:] if word.startswith("ال") and len(word) > 3 else word) in firsts
        or word in firsts
        or lo in firsts
        or (len(ph) >= 2 and ph in firsts)
    )


def continues_key(prefixes: frozenset[tuple[str, ...]], keyed: tuple[WordKeys, ...]) -> bool:
    """Some key whose word-prefixes (up to :data:`PREFIX_WORDS` words) are ``prefixes`` begins with the words keyed
    ``keyed`` (:func:`word_keys`), by their normal, loose or phonetic keys
    (:meth:`arnews.kb.KnowledgeBase.continues`). A tuple, which a compiled build reads by index."""
    if not keyed:
        return () in prefixes
    if len(keyed) == 2:  # most spans asked: a word that may begin a name and the word after it
        (k1, lo1, ph1), (k2, lo2, ph2) = keyed
        if (k1, k2) in prefixes or (lo1, lo2) in prefixes:
            return True
        return ((ph1, ph2) if ph1 and ph2 else (ph1 or ph2,) if ph1 or ph2 else ()) in prefixes
    head = keyed if len(keyed) <= PREFIX_WORDS else keyed[:PREFIX_WORDS]
    # the words' normal, loose and phonetic keys (a word may have no phonetic key); each made only if the one before
    # begins no key (most spans: all three), in comprehensions, which a compiled build runs natively (a call to
    # zip(..., strict=True) costs more there than the three look-ups)
    return (
        tuple([k for k, _lo, _ph in head]) in prefixes
        or tuple([lo for _k, lo, _ph in head]) in prefixes
        or tuple([ph for _k, _lo, ph in head if ph]) in prefixes
    )

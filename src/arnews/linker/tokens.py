"""The article's words as the entity linker reads them (normal-form tokens of the text regions) and the word lists
the passes use (the passes' records are in :mod:`arnews.linker.cands`).
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Callable, Sequence
from functools import cache
from itertools import pairwise

from arnews.core.lexicons import known_names, load_set, load_table, titles
from arnews.core.memo import Memo, word_cache
from arnews.core.names import key, letter_names, strip_clitics, words
from arnews.core.text import ARABIC_LETTERS, TextView, normalize
from arnews.core.tokens import Token, tokenize
from arnews.document import Structure
from arnews.kb import Candidate, KnowledgeBase
from arnews.kb.keys import NameKeys, WordKeys, continues_key, name_keys, word_keys
from arnews.linker.cands import Cand
from arnews.models import EntityKind

# priorities of mention sources, highest first wins an overlap
P_KB_MULTI, P_ORG, P_CUE, P_KB_ONE, P_NER, P_WEAK = 6, 5, 4, 3, 2.5, 1

#: A person the KB knows only from a long list (a legislator of one of some ninety parliaments) has this prior or
#: less: linked on a name written out as a label, never by sound.
OBSCURE_PRIOR = 0.3


def obscure_by_sound(c: Candidate) -> bool:
    """A KB person met only by a looser key than a written label, and too obscure for that ("محمد حسين" sounds like
    the legislator "Muhammad ʿAbdallah Hasan")."""
    return c.entry.type == "PER" and c.entry.prior <= OBSCURE_PRIOR and c.how not in ("exact", "alias")


QID = re.compile(r"Q[1-9][0-9]*")

LATIN = re.compile(r"^[a-z][a-z0-9]*$")
ARABIC = re.compile(rf"^[{ARABIC_LETTERS}\u0671-\u06d3]+$")
MARKS = re.compile(r"[\u0610-\u061a\u064b-\u065f\u0670\u0640]")
#: The characters that :data:`MARKS` deletes, and the first letters of the article and of "لل".
_MARK_OR_LAM_OR_ALEF = frozenset(
    [*map(chr, range(0x0610, 0x061B)), *map(chr, range(0x064B, 0x0660)), "\u0670", "\u0640", "ا", "ل"]
)
OPEN_QUOTES = frozenset("“\"«„'")
CLOSE_QUOTES = frozenset("”\"»'“")
LATIN_CONNECTORS = frozenset({"of", "for", "the", "with", "and", "de", "y", "la", "el", "del", "to", "on", "in"})
MAX_SKIP = 6


# --- lexicons ------------------------------------------------------------------------------------------------


def norm_words(phrase: str) -> tuple[str, ...]:
    return tuple(t.text for t in tokenize(normalize(phrase)))


_LINKED_TITLE_KINDS = frozenset({"title", "role", "abbrev", "sole"})


@cache
def title_table() -> dict[tuple[str, ...], str]:
    """Title phrase -> kind (title, role, abbrev) from ``titles.tsv``. The ambiguous rows (محافظة: also a
    governorate, الفريق: also a team, أمين: also a given name) and the descriptions (المواطن) are left to the
    speaker phrases after a cue verb: before a name to link they would take a place or a club for a person."""
    return {norm_words(t.text): t.kind for t in titles() if t.kind in _LINKED_TITLE_KINDS}


@cache
def title_heads() -> frozenset[str]:
    return frozenset(t[0] for t in title_table())


@cache
def max_title() -> int:
    return max((len(t) for t in title_table()), default=1)


@cache
def org_head_words() -> dict[str, bool]:
    return {normalize(w): flag == "yes" for w, flag in load_table("org_heads")}


@cache
def not_names() -> frozenset[str]:
    """Words that never begin or end a name a model proposes: currencies, number words, months, weekdays."""
    words = [row[0] for table in ("currencies", "number_words", "months", "weekdays") for row in load_table(table)]
    return frozenset(key(w) for w in words if " " not in w.strip())


@cache
def known_name_kinds() -> dict[str, EntityKind]:
    return {key(n.text): n.kind for n in known_names()}


@cache
def known_firsts() -> frozenset[str]:
    return frozenset(k.split(" ", 1)[0] for k in known_name_kinds())


@cache
def known_prefixes() -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(k.split()[:n]) for k in known_name_kinds() for n in range(1, len(k.split()) + 1))


@word_cache(200_000)
def stem_keys(word: str) -> tuple[WordKeys, ...]:
    """The KB keys of each word of a normalised token or stem (one word, but "1,500" is two)."""
    return tuple(word_keys(w) for w in words(word))


#: Entries each memo of :class:`KbMemo` holds at most (:class:`arnews.core.memo.Memo`: two generations of half
#: as many, so that a long run keeps the words that recur and forgets the rest).
_MEMO_WORDS = 400_000


class KbMemo:
    """What the gazetteer asks of the KB about words, remembered per KB and process: the readings of a word that may
    begin a name, whether it names something alone, its surname prior, and what a run of words names. Every word of
    every article is asked, and most words recur from article to article. A run is keyed by its words joined by
    spaces. Whether a run may begin a name (:meth:`grows`) is not remembered: it is asked of runs of two words and
    more, most of them met once."""

    __slots__ = ("_alone", "_known_prefixes", "_names", "_prefixes", "_readings", "_surname", "kb", "known_readings")

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self._known_prefixes = known_prefixes()  # asked with the KB's own test of every run of two words and more
        # the KB's prefixes, where its test is the in-memory KB's own (not a subclass's, as the SQLite KB's): looked
        # up here, without a call through the KB's method for every run
        self._prefixes = kb.key_prefixes if type(kb).continues is KnowledgeBase.continues else None
        self._readings: Memo[str, tuple[tuple[int, str, bool], ...]] = Memo(_MEMO_WORDS)
        self._alone: Memo[str, bool] = Memo(_MEMO_WORDS)
        self._surname: Memo[str, float] = Memo(_MEMO_WORDS)
        # () for a run that names nothing (most runs)
        self._names: Memo[str, tuple[NameKeys, tuple[Candidate, ...]] | tuple[()]] = Memo(_MEMO_WORDS)
        #: :meth:`start_readings` of a word met lately, or None (:attr:`arnews.core.memo.Memo.recent`: the gazetteer
        #: asks it of every word, most of them met before).
        self.known_readings = self._readings.recent

    def start_readings(self, word: str) -> tuple[tuple[int, str, bool], ...]:
        """The readings of a normalised word (:func:`arnews.core.names.strip_clitics`) that may begin a name of the
        KB or of the known names."""
        found = self._readings.get(word)
        if found is None:
            first, kb = known_firsts(), self.kb
            found = tuple(r for r in strip_clitics(word) if kb.could_start(r[1]) or word_keys(r[1])[0] in first)
            self._readings.put(word, found)
        return found

    def surname_prior(self, word: str) -> float:
        """:meth:`arnews.kb.KnowledgeBase.surname_prior` of a normalised word (asked of every word of an article)."""
        prior = self._surname.get(word)
        if prior is None:
            prior = self.kb.surname_prior_of(word_keys(word)[2])  # keyed once, for the gazetteer too
            self._surname.put(word, prior)
        return prior

    def names_alone(self, word: str) -> bool:
        """Some reading of the normalised ``word`` (:meth:`start_readings`) names something by itself: a KB name or
        a known name of one word that is no stop word and has three letters or more. Most words that may begin a
        name ("من"، "على") name nothing alone: the gazetteer passes them over at once."""
        hit = self._alone.get(word)
        if hit is None:
            stop = stop_words()
            hit = any(
                stem not in stop and len(stem) >= 3 and self.names(stem) is not None
                for _off, stem, _fused in self.start_readings(word)
            )
            self._alone.put(word, hit)
        return hit

    def grows(self, keyed: tuple[WordKeys, ...]) -> bool:
        """Some KB name or known name begins with the words keyed ``keyed`` (:func:`stem_keys` of a stem and of the
        tokens after it; :meth:`arnews.kb.KnowledgeBase.continues`). Not remembered: most runs of two words are met
        once (two in three, in a long run), and the test is a few set look-ups of the keys the words have already."""
        prefixes = self._prefixes
        begins = continues_key(prefixes, keyed) if prefixes is not None else self.kb.continues(keyed)
        return begins or tuple([k for k, _lo, _ph in keyed]) in self._known_prefixes

    def names(self, text: str) -> tuple[NameKeys, tuple[Candidate, ...]] | None:
        """The keys of the name ``text`` writes (normalised words joined by single spaces) and the KB entities it
        may denote (:meth:`arnews.kb.KnowledgeBase.lookup_keys`); None when it is neither a KB name nor a known name
        (most runs)."""
        hit = self._names.get(text)
        if hit is None:
            keys = name_keys([wk for w in text.split(" ") for wk in stem_keys(w)])
            found = tuple(self.kb.lookup_keys(keys))
            hit = (keys, found) if found or keys[0] in known_name_kinds() else ()
            self._names.put(text, hit)
        return hit or None


_MEMOS: weakref.WeakKeyDictionary[KnowledgeBase, KbMemo] = weakref.WeakKeyDictionary()


def kb_memo(kb: KnowledgeBase) -> KbMemo:
    """The :class:`KbMemo` of ``kb`` (one per KB and process)."""
    memo = _MEMOS.get(kb)
    if memo is None:
        memo = _MEMOS[kb] = KbMemo(kb)
    return memo


def stop_words() -> frozenset[str]:
    return load_set("name_stop")


# --- tokens ----------------------------------------------------------------------------------------------------


class Words:
    """The tokens of one article's regions and the matching helpers that read them."""

    def __init__(
        self,
        view: TextView,
        structure: Structure,
        kb: KnowledgeBase,
        tokens: Callable[[int, int], Sequence[Token]],
    ) -> None:
        """``tokens``: the document's tokens of a normal-form range (:meth:`arnews.document.Doc.norm_tokens`), made
        once for every stage."""
        self.view = view
        self.norm = view.norm
        self.kb = kb
        self.toks: list[Token] = []
        merged: list[tuple[int, int]] = []
        # people credited in source notes ("ساهمت فلانة في إعداد التقرير") are named in the text too
        self.credited: list[tuple[int, int]] = []
        src = structure.source
        for name in (*src.contributors, src.author, src.translator):
            target = normalize(name or "").strip()
            if len(target.split()) >= 2:
                at = self.norm.find(target)
                if at >= 0:
                    self.credited.append((at, at + len(target)))
        regions = list(structure.regions()) + [view.raw_span(a, b) for a, b in self.credited]
        for rs, re_ in sorted(regions):
            if merged and rs <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], re_))
            else:
                merged.append((rs, re_))
        for rs, re_ in merged:
            ns, ne = view.norm_index(rs), view.norm_index(re_)
            self.toks.extend(tokens(ns, ne))
        self._join_all()
        # titles met before a name (title key, the name's first token) and alone (title key, first, last token)
        self.titled: list[tuple[tuple[str, ...], int]] = []
        self.bare_titles: list[tuple[tuple[str, ...], int, int]] = []
        self.dateline = (
            (view.norm_index(structure.dateline.start), view.norm_index(structure.dateline.end))
            if structure.dateline
            else None
        )

    def joined(self, i: int) -> bool:
        """Tokens i and i+1 are words with only spaces between them (no line break)."""
        return i < self._last and self._joined[i]

    def _join_all(self) -> None:
        """Whether each token is joined to the next, worked out once (the passes ask it of every word, often)."""
        toks, norm = self.toks, self.norm
        self._last = len(toks) - 1
        self._joined: list[bool] = []
        for a, b in pairwise(toks):
            gap = norm[a.end : b.start]
            self._joined.append(a.word and b.word and (gap == "" or (gap.isspace() and "\n" not in gap)))

    def bare(self, i: int) -> list[str]:
        """Readings of token i: as it is, and without proclitics."""
        return [stem for _off, stem, _fused in strip_clitics(self.toks[i].text)]

    def articled(self, i: int) -> bool:
        """Token i starts with the article as written (a bare alef: "الرئيس", not "أليجمان") or with لل."""
        return written_articled(self.raw(i))

    def is_latin(self, i: int) -> bool:
        """Token i is a Latin word ("g20"): the tokenizer's ``latin`` kind, which :data:`LATIN` matches."""
        return self.toks[i].kind == "latin"

    def raw(self, i: int) -> str:
        t = self.toks[i]
        s, e = self.view.raw_span(t.start, t.end)
        return self.view.raw[s:e]


def written_articled(raw: str) -> bool:
    """``raw`` (a word as written) starts with the article or with لل once its marks are deleted
    (``MARKS.sub("", raw).startswith(("ال", "لل"))``), most words told without deleting anything."""
    if raw.startswith(("ال", "لل")):
        return True  # no mark among the first two letters (most words with the article)
    if raw[:1] not in _MARK_OR_LAM_OR_ALEF:
        return False  # the first letter is neither ا nor ل, nor a mark (most words)
    return MARKS.sub("", raw).startswith(("ال", "لل"))


def words_of(doc: Words, c: Cand) -> list[str]:
    return [t.text for t in doc.toks[c.first_tok : c.last_tok + 1]]


def surface(doc: Words, c: Cand) -> str:
    return doc.norm[c.start : c.end]


def spelled_letters(words: list[str]) -> list[bool]:
    """Which words are spelled-out Latin letters: only inside a run of two or more ("إن بي سي"), so that
    "في", "أو", "إن" alone stay Arabic words."""
    letters = letter_names()
    inside = [w in letters for w in words]
    return [on and ((n > 0 and inside[n - 1]) or (n + 1 < len(words) and inside[n + 1])) for n, on in enumerate(inside)]

"""Matching keys for names: normal keys, clitic stripping with offsets, and a transliteration-aware phonetic key.

Three keys, from strict to loose:

* :func:`key`: the normal form (:func:`arnews.core.text.normalize`) without punctuation, the article ``ال`` taken off
  each word. ``"الحزب الديمقراطي"`` and ``"حزب ديمقراطي"`` share it.
* :func:`phonetic`: Arabic and Latin letters mapped onto one consonant skeleton (vowels dropped inside words,
  ك/ق/ج/غ ~ k/g/q/j, ت/ط ~ t, س/ص/ز ~ s/z, ف ~ f/v/ph, ب ~ b/p, ش/تش ~ sh/ch, doubled letters once), so that
  ``"كامالا هاريس"`` and ``"Kamala Harris"``, ``"أليجمان"`` and ``"أليكمان"`` share a key.
* :func:`strip_clitics`: the ways a word may carry a proclitic (و ف ب ل ك, the article ال, لل), each with the
  offset where the stem starts, so a mention keeps exact offsets ("وبايدن" -> "بايدن" at +1).

And the enclitics: the possessive and object suffixes (:func:`pronoun_stems`: "عملهم" is "عمل" and "هم").
"""

from __future__ import annotations

import re
from functools import cache
from typing import Final

from arnews.core.lexicons import load_set, load_table
from arnews.core.memo import word_cache
from arnews.core.text import normalize

__all__ = [
    "CONJUNCTIONS",
    "PROCLITICS",
    "key",
    "loose",
    "loose_word",
    "one_word",
    "phonetic",
    "phonetic_word",
    "possessive_suffixes",
    "pronoun_stems",
    "pronoun_suffixes",
    "strip_article",
    "strip_clitics",
    "words",
]

_WORD = re.compile(r"[^\W_]+", re.UNICODE)

#: Proclitic letters and their combinations, longest first (the article is handled apart).
PROCLITICS: tuple[str, ...] = ("وب", "ول", "وك", "فب", "فل", "و", "ف", "ب", "ل", "ك")

#: The conjunctions و/ف: the first letters of the two-letter proclitics.
CONJUNCTIONS: Final = frozenset(p[0] for p in PROCLITICS if len(p) == 2)

#: :data:`PROCLITICS` by their first letter, in the same order (a word is tried only against those it begins with).
_PROCLITICS_BY_FIRST: dict[str, tuple[str, ...]] = {
    first: tuple(p for p in PROCLITICS if p[0] == first) for first in dict.fromkeys(p[0] for p in PROCLITICS)
}


def words(text: str) -> list[str]:
    """The words of a normalised string (letters and digits; punctuation and hyphens split)."""
    if text.isalnum():
        return [text]  # one word (most calls: a token): every character is one :data:`_WORD` reads
    return _WORD.findall(text)


def strip_article(word: str) -> str:
    """``word`` without a leading article ``ال`` (kept when too little would remain)."""
    if word.startswith("ال") and len(word) > 3:
        return word[2:]
    return word


@word_cache(65536)
def key(text: str, *, normalized: bool = False) -> str:
    """The normal matching key: normal form, no punctuation, each word without its article.

    ``normalized=True`` says ``text`` is already in normal form (a faster path for the linker)."""
    return " ".join(strip_article(w) for w in words(text if normalized else normalize(text)))


@word_cache(65536)
def strip_clitics(word: str) -> tuple[tuple[int, str, bool], ...]:
    """Ways to read a normalised ``word`` as proclitics + stem: ``(offset of stem, stem, fused_article)``.

    The unstripped reading comes first. ``fused_article`` is True when the stem lost an article fused with
    the preposition ``ل`` (``للأمم`` -> ``امم``): such a mention keeps the whole word as its span.
    """
    out: list[tuple[int, str, bool]] = [(0, word, False)]
    seen = {word}
    for pre in _PROCLITICS_BY_FIRST.get(word[:1], ()):
        if word.startswith(pre) and len(word) - len(pre) >= 2:
            stem = word[len(pre) :]
            if stem not in seen:
                out.append((len(pre), stem, False))
                seen.add(stem)
            if pre.endswith("ل") and stem.startswith("ل") and len(stem) >= 4:
                # ل + ال fused into لل: the stem is an article-less word
                fused = stem[1:]
                if fused not in seen:
                    out.append((len(pre), "ال" + fused, True))
                    seen.add(fused)
    return tuple(out)


#: Long vowels and hamza seats deleted, every other character kept (a table indexed by code point: :meth:`str.translate`
#: reads a list faster than a dictionary; a character beyond it stays as it is).
_LONG_VOWELS: list[str] = ["" if chr(code) in "اويىءئؤ" else chr(code) for code in range(0x700)]


@word_cache(65536)
def loose(text: str, *, normalized: bool = False) -> str:
    """The normal key with long vowels and hamza seats dropped inside words ("فيرجينيا" ~ "فرجينيا").

    Stricter than :func:`phonetic` (letters keep their identity); for Arabic spellings of one name."""
    return " ".join(map(loose_word, key(text, normalized=normalized).split()))


def loose_word(word: str) -> str:
    """:func:`loose` of one word of a normal key (no article): its long vowels and hamza seats dropped after the
    first letter."""
    return word[0] + word[1:].translate(_LONG_VOWELS) if len(word) > 1 else word


def one_word(text: str) -> bool:
    """``text`` is a single word of :func:`words` (letters and digits only): its keys need no splitting.
    :meth:`str.isalnum` is the test :data:`_WORD` makes of each character (``[^\\W_]``: a word character but the
    underscore), without the regular expression engine."""
    return text.isalnum()


# --- the phonetic key ---------------------------------------------------------------------------------------

_AR = {
    "ب": "b", "پ": "b", "ت": "t", "ط": "t", "ث": "t", "ج": "k", "ق": "k", "ك": "k", "غ": "k", "گ": "k", "خ": "k",
    "ح": "h", "ه": "h", "د": "d", "ض": "d", "ذ": "d", "ر": "r", "ز": "s", "ظ": "s", "س": "s", "ص": "s", "ش": "S",
    "ف": "f", "ڤ": "f", "ل": "l", "م": "m", "ن": "n",
}  # fmt: skip
_AR_VOWELS = set("اويىءئؤعآأإة")
_LAT = {
    "b": "b", "p": "b", "t": "t", "d": "d", "k": "k", "q": "k", "g": "k", "j": "k", "f": "f", "v": "f",
    "s": "s", "z": "s", "l": "l", "m": "m", "n": "n", "r": "r", "h": "h",
}  # fmt: skip
_LAT_VOWELS = set("aeiouyw")


#: Arabic letters onto the skeleton's consonants; every other character below U+0700 (vowels, hamza seats, digits,
#: Latin letters inside an Arabic word, marks) is dropped (:func:`_arabic_skeleton`); a table indexed by code point,
#: which :meth:`str.translate` reads faster than a dictionary.
_AR_TABLE: list[str] = [_AR.get(chr(code), "") for code in range(0x700)]
#: The consonant codes of the skeleton: a character outside them left by :data:`_AR_TABLE` (above U+0700) goes.
_STRAY = re.compile("[^" + "".join(sorted(set(_AR.values()))) + "]")
#: A word's first letter when it is a vowel or a hamza seat: kept as a vowel code ("أليجمان" is not "ليجمان").
_INITIAL = {ch: "w" if ch == "و" else "y" if ch == "ي" else "a" for ch in _AR_VOWELS}
#: A letter of the Arabic block: the word is read as Arabic (:func:`phonetic_word`).
_ARABIC_LETTER = re.compile("[\u0600-\u06ff]")
#: A run of one consonant code: written once in the skeleton.
_DOUBLED = re.compile(r"(.)\1+", re.DOTALL)


def _arabic_skeleton(word: str) -> str:
    """The consonants of an Arabic word as codes: a first vowel as w/y/a, تش as ش, other vowels dropped. One
    :meth:`str.translate` (every word of every article is keyed: no loop over its letters in Python)."""
    if "تش" in word:
        word = word.replace("تش", "ش")  # left to right, as read: "تتش" is t + S
    head = _INITIAL.get(word[:1])
    out = (word[1:] if head else word).translate(_AR_TABLE)
    if not out.isascii():
        out = _STRAY.sub("", out)  # a letter beyond the table (U+0700 on) names no consonant
    return head + out if head else out


def _latin_skeleton(word: str) -> str:
    out: list[str] = []
    i, n = 0, len(word)
    while i < n:
        ch = word[i]
        nxt = word[i + 1] if i + 1 < n else ""
        if i == 0 and ch in "aeiou":
            out.append("a")
        elif i == 0 and ch in "wy":
            out.append(ch)
        elif (ch in "sc" and nxt == "h") or (ch == "t" and nxt == "c" and word[i + 2 : i + 3] == "h"):
            out.append("S")
            i += 3 if ch == "t" else 2
            continue
        elif ch in "ptkg" and nxt == "h":
            out.append("f" if ch == "p" else _LAT[ch])
            i += 2
            continue
        elif ch == "c":
            if nxt == "k":
                i += 1
            out.append("s" if nxt in ("e", "i", "y") else "k")
        elif ch == "x":
            out.append("ks")
        elif ch == "h" and (i == n - 1 or (i > 0 and word[i - 1] in _LAT_VOWELS and nxt not in _LAT_VOWELS)):
            pass  # silent h: "Sarah", "John"
        elif ch in _LAT:
            out.append(_LAT[ch])
        i += 1
    return "".join(out)


def _first_letter(m: re.Match[str]) -> str:
    return m.group(1)


@word_cache(65536)
def phonetic_word(word: str) -> str:
    """The consonant skeleton of one normalised word (Arabic or Latin letters); doubled letters once."""
    word = word.lower()
    # most words begin with an Arabic letter: read as Arabic without searching for one
    arabic = not word.isascii() and ("\u0600" <= word[0] <= "\u06ff" or _ARABIC_LETTER.search(word) is not None)
    raw = _arabic_skeleton(word) if arabic else _latin_skeleton(word)
    if raw.endswith("h") and len(raw) > 1:
        raw = raw[:-1]  # final ة/ه and a final h are vowels
    if _DOUBLED.search(raw) is None:
        return raw  # most words: the search is cheaper than a substitution
    return _DOUBLED.sub(_first_letter, raw)  # a function: r"\1" is expanded by re's Python code


@word_cache(65536)
def phonetic(text: str, *, normalized: bool = False) -> str:
    """The transliteration-aware key of a name: one skeleton per word (an initial ال stays: "أليجمان")."""
    parts = (phonetic_word(w) for w in words(text if normalized else normalize(text)))
    return " ".join(p for p in parts if p)


# --- enclitics --------------------------------------------------------------------------------------------


@cache
def letter_names() -> dict[str, str]:
    """Latin letters as Arabic spells them out (``letter_names.tsv``): normal form -> letter ("دبليو" -> "w")."""
    return {normalize(ar): lat for ar, lat in load_table("letter_names")}


@cache
def possessive_suffixes() -> tuple[str, ...]:
    return tuple(sorted(load_set("possessive_suffixes"), key=len, reverse=True))


@cache
def pronoun_suffixes() -> tuple[str, ...]:
    """The third-person suffixes of two letters or more (ها، هم، هما): a long word ending so is not a name."""
    return tuple(x for x in possessive_suffixes() if len(x) >= 2 and x[0] == "ه")


def pronoun_stems(word: str) -> tuple[str, ...]:
    """``word`` without a third-person suffix of ``possessive_suffixes.txt`` (ه، ها، هم، هما), longest suffix first,
    each stem of three letters or more, as written.

    >>> pronoun_stems("أعلنته"), pronoun_stems("عملهم"), pronoun_stems("بلاتر")
    (('أعلنت',), ('عمل',), ())
    """
    return tuple(
        word[: -len(s)] for s in possessive_suffixes() if s[0] == "ه" and word.endswith(s) and len(word) - len(s) >= 3
    )

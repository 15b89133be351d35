"""The pieces numbers are read from: the tokens of the normal form (digit runs, Arabic words, Latin words, other
characters), the values of digit runs with their separators, and the number words of ``number_words.tsv``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from attrs import frozen

from arnews.core.lexicons import load_table
from arnews.core.names import PROCLITICS
from arnews.core.text import normalize
from arnews.core.tokens import Token

#: The most tokens one number may span (bounds every scan: "ثلاثمائة وخمسة وعشرون مليونا وستمائة ألف...").
MAX_TOKENS = 40

VAGUE_OF_SCALE = {1000: "thousands", 1_000_000: "millions", 1_000_000_000: "billions", 10**12: "billions"}

_THOUSANDS_COMMA = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_THOUSANDS_ARABIC = re.compile(r"\d{1,3}(?:٬\d{3})+(?:٫\d+)?")
_THOUSANDS_DOTS = re.compile(r"\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?")
_ONE_DOT_GROUP = re.compile(r"\d{1,3}\.\d{3}")
_DECIMAL = re.compile(r"\d+(?:[.٫,]\d+)?")
_EGYPTIAN = re.compile(r"(\d+)ر(\d+)")


@frozen
class NumberMatch:
    """A number found in a normal-form string, ``norm[start:end]``.

    ``value`` is None for a vague count, whose ``vague`` is one of tens, hundreds, thousands, millions, billions,
    several. ``scale`` is the last power of a thousand the number was multiplied by (None for a bare "10"), which
    lets the first member of a range inherit the scale of the second ("بين 10 و20 مليون").
    """

    start: int
    end: int
    value: Decimal | None
    vague: str | None = None
    scale: int | None = None
    next_index: int = 0
    words: bool = False


@lru_cache(maxsize=1)
def number_lexicon() -> dict[str, tuple[str, str]]:
    table: dict[str, tuple[str, str]] = {}
    for form, value, kind in load_table("number_words"):
        table[normalize(form)] = (value, kind)
    return table


def digits_value(text: str, *, before_scale: bool = False) -> Decimal | None:
    """The value of a digit run with its separators, None when it is no number (a date such as 12.5.2015)."""
    try:
        egyptian = _EGYPTIAN.fullmatch(text)
        if egyptian:  # "536ر15" is 15.536: the fraction stands before the ر
            return Decimal(f"{egyptian.group(2)}.{egyptian.group(1)}")
        if text.isdigit():
            return Decimal(text)
        if _THOUSANDS_COMMA.fullmatch(text):
            return Decimal(text.replace(",", ""))
        if _THOUSANDS_ARABIC.fullmatch(text):
            return Decimal(text.replace("٬", "").replace("٫", "."))
        if _THOUSANDS_DOTS.fullmatch(text):
            return Decimal(text.replace(".", "").replace(",", "."))
        if _ONE_DOT_GROUP.fullmatch(text) and not before_scale:
            return Decimal(text.replace(".", ""))  # "1.500 ريال": a thousands dot; "1.500 مليون" is 1.5 million
        if _DECIMAL.fullmatch(text):
            return Decimal(text.replace("٫", ".").replace(",", "."))
    except InvalidOperation:  # pragma: no cover - the patterns only let digits through
        return None
    return None


@lru_cache(maxsize=1)
def number_first_words() -> dict[str, tuple[str, str, int]]:
    """Every form a number's first word may take: (value, kind, clitic length) by form."""
    table: dict[str, tuple[str, str, int]] = {}
    for form, (value, kind) in number_lexicon().items():
        for prefix in PROCLITICS:  # "بخمسة", "ولنحو" is handled by qualifiers
            table.setdefault(prefix + form, (value, kind, len(prefix)))
    for form, (value, kind) in number_lexicon().items():
        table[form] = (value, kind, 0)
    return table


def number_word(text: str, first: bool) -> tuple[str, str, int] | None:
    """(value, kind, prefix length) of a number word, trying the clitic prefixes a first word may carry."""
    if first:
        return number_first_words().get(text)
    entry = number_lexicon().get(text)
    return (entry[0], entry[1], 0) if entry is not None else None


def is_scale_word(tok: Token | None) -> bool:
    if tok is None or tok.kind != "word":
        return False
    entry = number_lexicon().get(tok.text)
    return entry is not None and entry[1] in ("scale", "dual", "plural")


def scale_of(tok: Token | None) -> int:
    """The scale a scale word stands for (0 for anything else)."""
    if tok is None or tok.kind != "word":
        return 0
    entry = number_lexicon().get(tok.text)
    return int(entry[0]) if entry is not None and entry[1] in ("scale", "dual", "plural") else 0


def merge_space_groups(norm: str, toks: Sequence[Token], i: int) -> tuple[str, int]:
    """Digits written with single spaces between groups of three ("10 000 000"), or a decimal point followed by a
    stray space before a scale word ("4. 5 مليار"): the joined text and the last index."""
    text = toks[i].text
    j = i
    if not (text.isdigit() and len(text) <= 3):
        return text, i
    if (  # "4. 5 مليار": a decimal point with a stray space after it, before a scale word
        i + 3 < len(toks)
        and toks[i + 1].text == "."
        and toks[i + 1].start == toks[i].end
        and toks[i + 2].kind == "num"
        and toks[i + 2].text.isdigit()
        and len(toks[i + 2].text) <= 2
        and norm[toks[i + 1].end : toks[i + 2].start] == " "
        and is_scale_word(toks[i + 3])
    ):
        return f"{text}.{toks[i + 2].text}", i + 2
    while (
        j - i < 6
        and j + 1 < len(toks)
        and toks[j + 1].kind == "num"
        and len(toks[j + 1].text) == 3
        and toks[j + 1].text.isdigit()
        and norm[toks[j].end : toks[j + 1].start] == " "
    ):
        j += 1
        text += toks[j].text
    return text, j

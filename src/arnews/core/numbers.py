"""Arabic numbers in digits and in words, read to exact :class:`~decimal.Decimal` values.

Usable alone::

    >>> from arnews.core.numbers import read_number
    >>> read_number("مليار ونصف المليار")
    Decimal('1500000000.0')
    >>> read_number("536ر15")  # the Egyptian decimal comma
    Decimal('15.536')

:func:`find_numbers` scans a normal-form string (see :func:`arnews.core.text.normalize`) and yields every number it
holds with its offsets. Digits may carry thousands separators (``,`` ``٬`` ``.`` or single spaces where the
groups are unambiguous) and decimals (``.`` ``٫`` or the Egyptian ``ر``). Words cover units, teens, tens,
hundreds, thousands to trillions in the singular, dual (every case) and plural, fractions of a scale ("مليار
ونصف"), and vague counts ("عشرات الآلاف", "ملايين") whose value is None and whose :attr:`NumberMatch.vague`
says how vague. The word list is the lexicon ``number_words.tsv``. Ordinals ("الخامس", "الحادي والعشرين") are read
by :func:`read_ordinal` from ``ordinal_words.tsv``. Every scan is linear in its input: a number
holds at most :data:`MAX_TOKENS` tokens.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import NamedTuple

from attrs import frozen

from arnews.core.lexicons import load_table
from arnews.core.names import PROCLITICS
from arnews.core.text import normalize

__all__ = [
    "MAX_TOKENS",
    "NumberMatch",
    "Tok",
    "find_numbers",
    "ordinals",
    "parse_at",
    "read_number",
    "read_ordinal",
    "tokenize",
]

#: The most tokens one number may span (bounds every scan: "ثلاثمائة وخمسة وعشرون مليونا وستمائة ألف...").
MAX_TOKENS = 40

_TOKEN = re.compile(r"(?P<num>\d+(?:[.,٬٫ر]\d+)*)|(?P<word>[\u0621-\u064a]+)|(?P<latin>[a-z]+)|(?P<other>\S)")
_VAGUE_OF_SCALE = {1000: "thousands", 1_000_000: "millions", 1_000_000_000: "billions", 10**12: "billions"}

_THOUSANDS_COMMA = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_THOUSANDS_ARABIC = re.compile(r"\d{1,3}(?:٬\d{3})+(?:٫\d+)?")
_THOUSANDS_DOTS = re.compile(r"\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?")
_ONE_DOT_GROUP = re.compile(r"\d{1,3}\.\d{3}")
_DECIMAL = re.compile(r"\d+(?:[.٫,]\d+)?")
_EGYPTIAN = re.compile(r"(\d+)ر(\d+)")


class Tok(NamedTuple):
    """A token of the normal form: ``kind`` is num, word (Arabic), latin or other."""

    kind: str
    text: str
    start: int
    end: int


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
def _lexicon() -> dict[str, tuple[str, str]]:
    table: dict[str, tuple[str, str]] = {}
    for form, value, kind in load_table("number_words"):
        table[normalize(form)] = (value, kind)
    return table


def tokenize(norm: str, start: int = 0, end: int | None = None) -> list[Tok]:
    """The tokens of ``norm[start:end]``: digit runs (with their separators), Arabic words, other characters."""
    stop = len(norm) if end is None else end
    tokens = []
    for m in _TOKEN.finditer(norm, start, stop):
        kind = m.lastgroup or "other"
        tokens.append(Tok(kind, m.group(), m.start(), m.end()))
    return tokens


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
def _first_words() -> dict[str, tuple[str, str, int]]:
    """Every form a number's first word may take: (value, kind, clitic length) by form."""
    table: dict[str, tuple[str, str, int]] = {}
    for form, (value, kind) in _lexicon().items():
        for prefix in PROCLITICS:  # "بخمسة", "ولنحو" is handled by qualifiers
            table.setdefault(prefix + form, (value, kind, len(prefix)))
    for form, (value, kind) in _lexicon().items():
        table[form] = (value, kind, 0)
    return table


def _word(text: str, first: bool) -> tuple[str, str, int] | None:
    """(value, kind, prefix length) of a number word, trying the clitic prefixes a first word may carry."""
    if first:
        return _first_words().get(text)
    entry = _lexicon().get(text)
    return (entry[0], entry[1], 0) if entry is not None else None


def _is_scale_word(tok: Tok | None) -> bool:
    if tok is None or tok.kind != "word":
        return False
    entry = _lexicon().get(tok.text)
    return entry is not None and entry[1] in ("scale", "dual", "plural")


def _scale_of(tok: Tok | None) -> int:
    """The scale a scale word stands for (0 for anything else)."""
    if tok is None or tok.kind != "word":
        return 0
    entry = _lexicon().get(tok.text)
    return int(entry[0]) if entry is not None and entry[1] in ("scale", "dual", "plural") else 0


def _merge_space_groups(norm: str, toks: Sequence[Tok], i: int) -> tuple[str, int]:
    """Digits written with single spaces between groups of three ("10 000 000"): the joined text and last index."""
    text = toks[i].text
    j = i
    if not (text.isdigit() and len(text) <= 3):
        return text, i
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


def parse_at(norm: str, toks: Sequence[Tok], i: int) -> NumberMatch | None:
    """The number that begins at token ``i``, or None."""
    total = Decimal(0)
    cur: Decimal | None = None
    cur_kind: str | None = None
    last_scale: int | None = None
    vague: str | None = None
    words = False
    parts = 0
    start = -1
    end = -1
    j = i
    limit = min(len(toks), i + MAX_TOKENS)
    fraction_done = False
    while j < limit:
        tok = toks[j]
        conj = False
        k = j
        if parts and tok.kind == "word" and tok.text == "و" and j + 1 < limit:
            conj, k = True, j + 1  # "مليون و500 ألف"
        piece = toks[k]
        text = piece.text
        prefix = 0
        if parts and piece.kind == "word" and not conj and text.startswith("و") and text[1:] in _lexicon():
            conj, text, prefix = True, text[1:], 1
        if piece.kind == "num":
            if parts and not conj:
                break
            if parts and (cur is not None or last_scale is None):
                break
            joined, last = _merge_space_groups(norm, toks, k)
            after = toks[last + 1] if last + 1 < len(toks) else None
            if after is not None and after.kind == "other" and after.text == "%":
                return None  # a percentage is no amount
            value = digits_value(joined, before_scale=_is_scale_word(after))
            if value is None:
                break
            if parts and last_scale is not None and (value >= last_scale or _scale_of(after) >= last_scale):
                break  # "10 ملايين و20 مليون" is a range, not 10,000,020
            cur, cur_kind = value, "digits"
            if start < 0:
                start = piece.start
            end, j, parts = toks[last].end, last + 1, parts + 1
            continue
        if piece.kind == "other" and not parts and text == "(":
            # a parenthesised number "ب(50) مليون"
            if k + 2 < len(toks) and toks[k + 1].kind == "num" and toks[k + 2].text == ")":
                after = toks[k + 3] if k + 3 < len(toks) else None
                value = digits_value(toks[k + 1].text, before_scale=_is_scale_word(after))
                if value is None:
                    return None
                cur, cur_kind = value, "digits"
                start, end, j, parts = piece.start, toks[k + 2].end, k + 3, 1
                continue
            return None
        if piece.kind != "word" or fraction_done:
            break
        found = _word(text, first=not parts)
        if found is None:
            break
        raw_value, kind, plen = found
        prefix += plen
        accepted = False
        if kind in ("unit", "ten", "hundred", "teen"):
            value = Decimal(raw_value)
            if not parts:
                cur, cur_kind, accepted = value, kind, True
            elif not conj:
                if kind == "teen" and cur_kind == "unit" and cur is not None and cur % 100 < 10:
                    cur, cur_kind, accepted = cur + 10, "teen", True
                elif kind == "hundred" and value == 100 and cur_kind == "unit" and cur is not None and 3 <= cur < 10:
                    cur, cur_kind, accepted = cur * 100, "hundred", True  # "ثلاث مائة"
            else:
                following = toks[k + 1] if k + 1 < len(toks) else None
                if cur is None and last_scale is not None and value < last_scale and _scale_of(following) < last_scale:
                    cur, cur_kind, accepted = value, kind, True  # "مليون وخمسمائة ألف"
                elif cur is not None and cur_kind == "unit" and kind == "ten" and cur % 100 < 10:
                    cur, cur_kind, accepted = cur + value, "ten", True  # "خمسة وعشرون"
                elif cur is not None and cur_kind == "hundred" and kind in ("unit", "ten", "teen") and value < 100:
                    cur, cur_kind, accepted = cur + value, "unit" if kind == "unit" else "ten", True
        elif kind in ("scale", "dual", "plural"):
            scale = int(raw_value)
            smaller = last_scale is None or scale < last_scale
            if not parts:
                if kind == "scale":
                    total, last_scale, accepted = Decimal(scale), scale, True
                elif kind == "dual":
                    total, last_scale, accepted = Decimal(2 * scale), scale, True
                else:
                    vague, last_scale, accepted = _VAGUE_OF_SCALE[scale], scale, True
            elif vague is not None:
                if not conj and kind == "plural" and smaller:
                    last_scale, accepted = scale, True  # "عشرات الآلاف"
            elif not conj and cur is not None and smaller and kind in ("scale", "plural"):
                total, cur, cur_kind, last_scale, accepted = total + cur * scale, None, None, scale, True
            elif conj and cur is None and smaller and kind in ("scale", "dual"):
                total += scale * (2 if kind == "dual" else 1)
                last_scale, accepted = scale, True  # "مليون وألف"
            elif (
                not conj
                and fraction_done is False
                and cur is None
                and last_scale == scale
                and kind == "scale"
                and toks[k].text.startswith("ال")
                and cur_kind == "after_fraction"
            ):
                accepted = True
        elif kind == "fraction":
            value = Decimal(raw_value)
            if not parts:
                cur, cur_kind, accepted = value, "fraction", True
            elif conj and cur is None and last_scale is not None and vague is None:
                total += value * last_scale
                cur_kind, accepted = "after_fraction", True
        elif kind == "vague" and not parts:
            vague, accepted = raw_value, True
        if not accepted:
            break
        words = True
        if start < 0:
            start = piece.start + prefix
        end, j, parts = piece.end, k + 1, parts + 1
        if cur_kind == "after_fraction" and kind == "scale":
            fraction_done = True
    if not parts:
        return None
    if vague is not None:
        return NumberMatch(start, end, None, vague, last_scale, j, words)
    if cur is not None:
        if cur_kind == "fraction":
            return None  # "نصف" alone is no amount
        total += cur
    return NumberMatch(start, end, total, None, last_scale, j, words)


def find_numbers(norm: str, start: int = 0, end: int | None = None) -> Iterator[NumberMatch]:
    """Every number in ``norm[start:end]`` (a normal-form string), left to right, without overlaps."""
    toks = tokenize(norm, start, end)
    first_words = _first_words()
    i = 0
    while i < len(toks):
        tok = toks[i]
        if (
            (tok.kind == "other" and tok.text != "(")
            or tok.kind == "latin"
            or (tok.kind == "word" and tok.text not in first_words)
        ):
            i += 1
            continue
        match = parse_at(norm, toks, i)
        if match is None:
            i += 1
            continue
        yield match
        i = max(match.next_index, i + 1)


def read_number(text: str) -> Decimal | None:
    """The value of ``text`` when the whole of it is one number (digits or words), else None."""
    norm = normalize(text.strip())
    toks = tokenize(norm)
    if not toks:
        return None
    match = parse_at(norm, toks, 0)
    if match is None or match.next_index != len(toks):
        return None
    return match.value


@lru_cache(maxsize=1)
def ordinals() -> dict[str, int]:
    """Every definite ordinal phrase from 1 to 99 in its normal form (one space between words), with its value.

    Units stand alone ("الخامس", "الأولى"); a unit before عشر/عشرة makes 11-19 ("الحادي عشر"); a unit, و and a
    ten make 21-99 ("الحادي والعشرين", "الثالث و الثلاثين"); a ten stands alone ("العشرين").
    """
    alone: dict[str, int] = {}
    openers: dict[str, int] = {}
    teens: list[str] = []
    tens: dict[str, int] = {}
    for form, value, kind in load_table("ordinal_words"):
        word, number = normalize(form), int(value)
        if kind == "unit":
            alone[word] = number
            if 2 <= number <= 9:
                openers[word] = number
        elif kind == "compound_unit":
            openers[word] = number
        elif kind == "teen":
            teens.append(word)
        else:
            tens[word] = number
    table = dict(alone)
    table.update(tens)
    for opener, number in openers.items():
        for teen in teens:
            table[f"{opener} {teen}"] = number + 10
        for ten, tens_value in tens.items():
            table[f"{opener} و{ten}"] = number + tens_value
            table[f"{opener} و {ten}"] = number + tens_value
    return table


def read_ordinal(text: str) -> int | None:
    """The value of ``text`` when the whole of it is one definite ordinal ("الحادي والعشرين" -> 21), else None."""
    return ordinals().get(" ".join(normalize(text).split()))

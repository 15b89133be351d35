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

from collections.abc import Iterator, Sequence
from decimal import Decimal
from functools import lru_cache

from attrs import define

from arnews.core.lexicons import load_table
from arnews.core.number_words import (
    MAX_TOKENS,
    VAGUE_OF_SCALE,
    NumberMatch,
    digits_value,
    is_scale_word,
    merge_space_groups,
    number_first_words,
    number_lexicon,
    number_word,
    scale_of,
)
from arnews.core.text import normalize
from arnews.core.tokens import Token, tokenize

__all__ = [
    "MAX_TOKENS",
    "NumberMatch",
    "find_numbers",
    "numbers_in",
    "ordinals",
    "parse_at",
    "read_number",
    "read_ordinal",
]


@define
class _Reading:
    """The state of one number being read, token by token."""

    total: Decimal = Decimal(0)
    cur: Decimal | None = None  # the group being built below the last scale word
    cur_kind: str | None = None
    last_scale: int | None = None
    vague: str | None = None
    words: bool = False
    parts: int = 0
    start: int = -1
    end: int = -1
    j: int = 0
    fraction_done: bool = False

    def took(self, start: int, end: int, j: int) -> None:
        if self.start < 0:
            self.start = start
        self.end, self.j, self.parts = end, j, self.parts + 1

    def result(self) -> NumberMatch | None:
        if not self.parts:
            return None
        if self.vague is not None:
            return NumberMatch(self.start, self.end, None, self.vague, self.last_scale, self.j, self.words)
        total = self.total
        if self.cur is not None:
            if self.cur_kind == "fraction":
                return None  # "نصف" alone is no amount
            total += self.cur
        return NumberMatch(self.start, self.end, total, None, self.last_scale, self.j, self.words)


_STOP, _NEXT, _NONE = "stop", "next", "none"


def parse_at(norm: str, toks: Sequence[Token], i: int) -> NumberMatch | None:
    """The number that begins at token ``i``, or None."""
    st = _Reading(j=i)
    limit = min(len(toks), i + MAX_TOKENS)
    while st.j < limit:
        tok = toks[st.j]
        conj = False
        k = st.j
        if st.parts and tok.kind == "word" and tok.text == "و" and st.j + 1 < limit:
            conj, k = True, st.j + 1  # "مليون و500 ألف"
        piece = toks[k]
        text = piece.text
        prefix = 0
        if st.parts and piece.kind == "word" and not conj and text.startswith("و") and text[1:] in number_lexicon():
            conj, text, prefix = True, text[1:], 1
        if piece.kind == "num":
            step = _digits(st, norm, toks, k, conj=conj)
        elif piece.kind == "other" and not st.parts and text == "(":
            step = _parenthesised(st, toks, k)
        elif piece.kind != "word" or st.fraction_done:
            step = _STOP
        else:
            step = _number_word(st, toks, k, text, prefix, conj=conj)
        if step == _NONE:
            return None
        if step == _STOP:
            break
    return st.result()


def _digits(st: _Reading, norm: str, toks: Sequence[Token], k: int, *, conj: bool) -> str:
    """A digit run (with its space-separated groups) at token ``k``."""
    if st.parts and (not conj or st.cur is not None or st.last_scale is None):
        return _STOP
    joined, last = merge_space_groups(norm, toks, k)
    after = toks[last + 1] if last + 1 < len(toks) else None
    if after is not None and after.kind == "other" and after.text == "%":
        return _NONE  # a percentage is no amount
    value = digits_value(joined, before_scale=is_scale_word(after))
    if value is None:
        return _STOP
    if st.parts and st.last_scale is not None and (value >= st.last_scale or scale_of(after) >= st.last_scale):
        return _STOP  # "10 ملايين و20 مليون" is a range, not 10,000,020
    st.cur, st.cur_kind = value, "digits"
    st.took(toks[k].start, toks[last].end, last + 1)
    return _NEXT


def _parenthesised(st: _Reading, toks: Sequence[Token], k: int) -> str:
    """A parenthesised number "ب(50) مليون"."""
    if k + 2 < len(toks) and toks[k + 1].kind == "num" and toks[k + 2].text == ")":
        after = toks[k + 3] if k + 3 < len(toks) else None
        value = digits_value(toks[k + 1].text, before_scale=is_scale_word(after))
        if value is None:
            return _NONE
        st.cur, st.cur_kind = value, "digits"
        st.start, st.end, st.j, st.parts = toks[k].start, toks[k + 2].end, k + 3, 1
        return _NEXT
    return _NONE


def _number_word(st: _Reading, toks: Sequence[Token], k: int, text: str, prefix: int, *, conj: bool) -> str:
    """A number word at token ``k`` (``text`` without a و already read as a conjunction)."""
    found = number_word(text, first=not st.parts)
    if found is None:
        return _STOP
    raw_value, kind, plen = found
    if kind in ("unit", "ten", "hundred", "teen"):
        accepted = _group_word(st, toks, k, Decimal(raw_value), kind, conj=conj)
    elif kind in ("scale", "dual", "plural"):
        accepted = _scale_word(st, toks, k, int(raw_value), kind, conj=conj)
    elif kind == "fraction":
        accepted = _fraction_word(st, Decimal(raw_value), conj=conj)
    else:
        accepted = kind == "vague" and not st.parts
        if accepted:
            st.vague = raw_value
    if not accepted:
        return _STOP
    st.words = True
    st.took(toks[k].start + prefix + plen, toks[k].end, k + 1)
    if st.cur_kind == "after_fraction" and kind == "scale":
        st.fraction_done = True
    return _NEXT


def _group_word(st: _Reading, toks: Sequence[Token], k: int, value: Decimal, kind: str, *, conj: bool) -> bool:
    """A unit, ten, teen or hundred word: starts the group, or joins it ("خمسة وعشرون", "ثلاث مائة")."""
    cur = st.cur
    if not st.parts:
        st.cur, st.cur_kind = value, kind
        return True
    if not conj:
        if kind == "teen" and st.cur_kind == "unit" and cur is not None and cur % 100 < 10:
            st.cur, st.cur_kind = cur + 10, "teen"
            return True
        if kind == "hundred" and value == 100 and st.cur_kind == "unit" and cur is not None and 3 <= cur < 10:
            st.cur, st.cur_kind = cur * 100, "hundred"  # "ثلاث مائة"
            return True
        return False
    following = toks[k + 1] if k + 1 < len(toks) else None
    last_scale = st.last_scale
    if cur is None and last_scale is not None and value < last_scale and scale_of(following) < last_scale:
        st.cur, st.cur_kind = value, kind  # "مليون وخمسمائة ألف"
        return True
    if cur is not None and st.cur_kind == "unit" and kind == "ten" and cur % 100 < 10:
        st.cur, st.cur_kind = cur + value, "ten"  # "خمسة وعشرون"
        return True
    if cur is not None and st.cur_kind == "hundred" and kind in ("unit", "ten", "teen") and value < 100:
        st.cur, st.cur_kind = cur + value, "unit" if kind == "unit" else "ten"
        return True
    return False


def _scale_word(st: _Reading, toks: Sequence[Token], k: int, scale: int, kind: str, *, conj: bool) -> bool:
    """A scale word (ألف، مليون), its dual or its plural: multiplies the group, or starts a vague amount."""
    smaller = st.last_scale is None or scale < st.last_scale
    if not st.parts:
        if kind == "scale":
            st.total = Decimal(scale)
        elif kind == "dual":
            st.total = Decimal(2 * scale)
        else:
            st.vague = VAGUE_OF_SCALE[scale]
        st.last_scale = scale
        return True
    if st.vague is not None:
        if not conj and kind == "plural" and smaller:
            st.last_scale = scale  # "عشرات الآلاف"
            return True
        return False
    if not conj and st.cur is not None and smaller and kind in ("scale", "plural"):
        st.total, st.cur, st.cur_kind, st.last_scale = st.total + st.cur * scale, None, None, scale
        return True
    if conj and st.cur is None and smaller and kind in ("scale", "dual"):
        st.total += scale * (2 if kind == "dual" else 1)
        st.last_scale = scale  # "مليون وألف"
        return True
    return (
        not conj
        and st.fraction_done is False
        and st.cur is None
        and st.last_scale == scale
        and kind == "scale"
        and toks[k].text.startswith("ال")
        and st.cur_kind == "after_fraction"
    )


def _fraction_word(st: _Reading, value: Decimal, *, conj: bool) -> bool:
    """A fraction (نصف، ربع): a number of its own, or a part of the last scale ("مليون ونصف")."""
    if not st.parts:
        st.cur, st.cur_kind = value, "fraction"
        return True
    if conj and st.cur is None and st.last_scale is not None and st.vague is None:
        st.total += value * st.last_scale
        st.cur_kind = "after_fraction"
        return True
    return False


def find_numbers(norm: str, start: int = 0, end: int | None = None) -> Iterator[NumberMatch]:
    """Every number in ``norm[start:end]`` (a normal-form string), left to right, without overlaps."""
    return numbers_in(norm, tokenize(norm, start, end))


def numbers_in(norm: str, toks: Sequence[Token]) -> Iterator[NumberMatch]:
    """Every number among tokens of ``norm`` already made (:func:`arnews.core.tokens.tokenize`), in order."""
    first_words = number_first_words()
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

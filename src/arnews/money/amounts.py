"""Monetary amounts: numbers in digits or words with a currency and a qualifier.

An amount is a number (:mod:`arnews.core.numbers`) followed by a currency word, or preceded by a currency symbol
(:mod:`arnews.money.currencies`). The span holds the number and the currency ("15 مليون دولار", "مليوني دولار",
"ملايين الدولارات"); the qualifier words around it ("أكثر من", "نحو", "تقريبا") stay outside the span and set
:attr:`~arnews.models.Money.qualifier`. A range ("بين 10 و20 مليون دولار") gives two amounts, the first taking
the scale and currency of the second. Percentages and counts of people or things carry no currency and are
not money.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from functools import lru_cache

from attrs import frozen

from arnews.core.lexicons import load_table
from arnews.core.numbers import NumberMatch, find_numbers, numbers_in
from arnews.core.regexes import alternation, proclitic
from arnews.core.text import TextView, normalize
from arnews.core.tokens import Token
from arnews.document import Doc
from arnews.models import Money, Qualifier
from arnews.money.currencies import (
    CurrencyMatch,
    any_currency,
    code_from_context,
    currency_in_tokens,
    match_currency,
    symbol_before,
)

__all__ = ["AmountMatch", "extract_money", "find_amounts", "qualifier_after", "qualifier_before"]

_RANGE_JOIN = re.compile(r"\s*(?:و|الي|الى|حتي|-|–|—)\s*")
_RANGE_OPEN = re.compile(r"(?:^|[^\w])(?:ما\s+)?(?:بين|من)\s*$")
_DASH_JOIN = re.compile(r"\s*[-–—]\s*")
_QUALIFIER_WINDOW = 40
_CONVERSION = re.compile(r"\s*[(\[]\s*(?:اي|أي|ما يعادل|ما يوازي|يعادل|يوازي)?\s*")


@frozen
class AmountMatch:
    """An amount found in a normal-form string: ``norm[start:end]``."""

    start: int
    end: int
    value: Decimal | None
    currency: str
    qualifier: Qualifier | None = None
    vague: str | None = None


_PREPOSITIONS = frozenset({"الي", "على", "علي", "عن", "من"})  # normal form: إلى is الي, على may be علي


@lru_cache(maxsize=1)
def _qualifier_res() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], dict[str, Qualifier]]:
    """The qualifiers before and after an amount, the phrases that cancel one ("لتصل إلى" is where a change
    ends, not a ceiling), and the qualifier of each phrase (its words one space apart)."""
    before: list[str] = []
    after: list[str] = []
    cancel: list[str] = []
    between: list[str] = []
    kinds: dict[str, Qualifier] = {}
    for phrase, kind, position in load_table("qualifiers"):
        form = " ".join(normalize(phrase).split())
        if position == "between":
            between.append(form)
            continue
        if kind == "none":
            cancel.append(form)
            continue
        kinds[form] = kind  # type: ignore[assignment]  # the lexicon holds only the five qualifiers
        (after if position == "after" else before).append(form)
    # a verb and its preposition may hold one word between them ("تصل قيمته إلى", "تصل سنويا إلى")
    loose = [
        rf"{re.escape(' '.join(f.split()[:-1]))}(?:\s+[^\W\d]+)?\s+{re.escape(f.split()[-1])}"
        for f in before
        if len(f.split()) >= 2 and f.split()[-1] in _PREPOSITIONS
    ]
    fillers = rf"(?:\s+(?:{alternation(between)}))?" if between else ""
    tail = rf"{fillers}\s*[(\[«]?\s*$"  # "نحو (560 مليون يورو)", "ما يزيد على مبلغ 1.4 مليار"
    before_alt = "|".join([alternation(before), *loose])
    before_re = re.compile(rf"(?:^|[^\w]){proclitic()}(?P<q>{before_alt}){tail}")
    cancel_re = re.compile(rf"(?:^|[^\w])(?:{alternation(cancel) if cancel else '(?!x)x'}){tail}")
    after_re = re.compile(rf"\s*[،,]?\s*(?P<q>{alternation(after)})(?![\w])")
    return before_re, after_re, cancel_re, kinds


def _kind_of(phrase: str, kinds: dict[str, Qualifier]) -> Qualifier | None:
    words = phrase.split()
    key = " ".join(words)
    if key in kinds:
        return kinds[key]
    return kinds.get(" ".join([*words[:-2], words[-1]]))  # a word stood between the verb and its preposition


def qualifier_before(norm: str, pos: int, floor: int = 0) -> Qualifier | None:
    """The qualifier written just before ``pos`` ("أكثر من", "بنحو", "تصل قيمته إلى", "نحو (" ), if any."""
    before_re, _after, cancel_re, kinds = _qualifier_res()
    lo = max(floor, pos - _QUALIFIER_WINDOW)
    if cancel_re.search(norm, lo, pos):
        return None
    m = before_re.search(norm, lo, pos)
    return _kind_of(m.group("q"), kinds) if m else None


def qualifier_after(norm: str, pos: int, ceiling: int | None = None) -> Qualifier | None:
    """The qualifier written just after ``pos`` ("تقريبا", "على الأقل"), if any."""
    _before, after_re, _cancel, kinds = _qualifier_res()
    m = after_re.match(norm, pos, len(norm) if ceiling is None else ceiling)
    return _kind_of(m.group("q"), kinds) if m else None


#: The largest amount read as money: a quadrillion (no news amount is larger; a longer digit run is an ID or noise,
#: and Decimal arithmetic beyond 28 digits would fail).
MAX_AMOUNT = Decimal(10) ** 15


def _plausible(value: Decimal | None) -> bool:
    return value is None or (value.is_finite() and abs(value) <= MAX_AMOUNT)


def _clean(value: Decimal) -> Decimal:
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.quantize(Decimal("0.000001")).normalize()


def _range_partner(
    norm: str, first: NumberMatch | None, second: NumberMatch, floor: int, taken: int
) -> NumberMatch | None:
    """The first member of a range whose second member is ``second`` ("بين 10 و20 مليون دولار")."""
    if first is None or first.value is None or first.start < taken:
        return None
    join = norm[first.end : second.start]
    if not _RANGE_JOIN.fullmatch(join):
        return None
    if _RANGE_OPEN.search(norm[max(floor, first.start - 12) : first.start]) or _DASH_JOIN.fullmatch(join):
        return first
    return None


def find_amounts(
    norm: str, start: int = 0, end: int | None = None, *, tokens: Sequence[Token] | None = None
) -> list[AmountMatch]:
    """Every amount of money in ``norm[start:end]``, in order. ``tokens``: the tokens of that range already made
    (:meth:`arnews.document.Doc.norm_tokens`), not made again."""
    stop = len(norm) if end is None else end
    if not (any_currency(norm, start, stop) if tokens is None else currency_in_tokens(tokens)):
        return []  # most regions name no currency
    numbers = list(find_numbers(norm, start, stop) if tokens is None else numbers_in(norm, tokens))
    found: list[AmountMatch] = []
    taken = start  # the end of the last amount: spans never overlap
    for idx, number in enumerate(numbers):
        if number.start < taken or not _plausible(number.value):
            continue
        currency: CurrencyMatch | None = match_currency(norm, number.end, vague=number.value is None)
        span_start, span_end = number.start, number.end
        if currency is not None and currency.end <= stop:
            span_end = currency.end
        else:
            currency = symbol_before(norm, number.start)
            if currency is None or currency.start < max(start, taken):
                continue
            span_start = currency.start
        code = code_from_context(norm, currency)
        partner = _range_partner(norm, numbers[idx - 1] if idx else None, number, start, taken)
        qualifier_floor = partner.start if partner is not None else span_start
        qualifier = qualifier_before(norm, qualifier_floor, taken) or qualifier_after(norm, span_end, stop)
        if qualifier is None and found and _CONVERSION.fullmatch(norm, found[-1].end, span_start):
            qualifier = found[-1].qualifier  # "تصل إلى 86 مليار يورو (94 مليار دولار)": the same sum
        if partner is not None and partner.value is not None and _plausible(partner.value):
            first = partner.value
            if partner.scale is None and number.scale is not None:
                first *= number.scale
            if _plausible(first):
                found.append(AmountMatch(partner.start, partner.end, _clean(first), code, qualifier))
        value = None if number.value is None else _clean(number.value)
        found.append(AmountMatch(span_start, span_end, value, code, qualifier, number.vague))
        taken = span_end
    return found


def to_money(view: TextView, amount: AmountMatch) -> Money:
    """The :class:`~arnews.models.Money` record of an amount, its span in the input's own characters."""
    start, end = view.raw_span(amount.start, amount.end)
    return Money(
        text=view.raw[start:end],
        start=start,
        end=end,
        value=amount.value,
        currency=amount.currency,
        qualifier=amount.qualifier,
        vague=amount.vague,
    )


def extract_money(doc: Doc) -> tuple[Money, ...]:
    """Every monetary amount of the article's title, paragraphs and captions, in text order."""
    found: list[Money] = []
    for nstart, nend in doc.regions:
        amounts = find_amounts(doc.view.norm, nstart, nend, tokens=doc.norm_tokens(nstart, nend))
        found.extend(to_money(doc.view, amount) for amount in amounts)
    return tuple(found)

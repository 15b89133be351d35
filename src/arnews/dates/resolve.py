"""From a candidate to a calendar date: absolute, Hijri, weekday, relative and 'ago' forms resolved against the anchor,
with the granularity the text states.
"""

from __future__ import annotations

import calendar as _calendar
import datetime as _dt
import re
from collections.abc import Callable

from arnews.core.numbers import ordinals
from arnews.dates.calendars import Calendar, gregorian_to_hijri, hijri_to_gregorian
from arnews.dates.patterns import WORD, Cand, Lex, count_of, one_spaced
from arnews.models import Granularity

# --- resolution --------------------------------------------------------------------------------------------


def _add_months(date: _dt.date, months: int) -> _dt.date:
    index = date.year * 12 + date.month - 1 + months
    year, month = divmod(index, 12)
    last = _calendar.monthrange(year, month + 1)[1]
    return date.replace(year=year, month=month + 1, day=min(date.day, last))


def _shift(anchor: _dt.date, unit: str, amount: int) -> _dt.date:
    if unit == "day":
        return anchor + _dt.timedelta(days=amount)
    if unit == "week":
        return anchor + _dt.timedelta(weeks=amount)
    return _add_months(anchor, amount * (12 if unit == "year" else 1))


def _relative(unit: str, amount: int, anchor: _dt.datetime) -> _dt.date | None:
    """A relative expression ("أمس", "الأسبوع الماضي", "منذ ثلاثة أيام") by calendar arithmetic from the anchor
    (None when the date falls outside the calendar: "قبل 999 عاما" from an anchor in the year 500). The lexicon
    gives each form the shift dateparser reads in it where dateparser reads it whole (a test holds the two
    together); arithmetic also reads what dateparser reads only in part ("أمس الأول" as "أمس")."""
    try:
        return _shift(anchor.date(), unit, amount)
    except (OverflowError, ValueError):
        return None


def _nearest_year(month: int, day: int, anchor: _dt.date) -> _dt.date | None:
    options = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            options.append(_dt.date(year, month, day))
        except ValueError:
            continue
    return min(options, key=lambda d: abs((d - anchor).days)) if options else None


def _nearest_hijri_year(month: int, day: int, anchor: _dt.date) -> _dt.date | None:
    year = gregorian_to_hijri(anchor)[0]
    options = [hijri_to_gregorian(y, month, day) for y in (year - 1, year, year + 1)]
    return min(options, key=lambda d: abs((d - anchor).days))


def _month_of(lex: Lex, m: re.Match[str]) -> tuple[int, Calendar]:
    return lex.months[one_spaced(m["mon"])]


#: How many years before and after the publication's Hijri year a bare year may be read as Hijri (in a Hijri
#: context): "منذ عام 1428" and "بحلول العام 1440" in 1436 (2015); not "عام 1453" (the fall of Constantinople).
HIJRI_ERA_BEFORE = 15
HIJRI_ERA_AFTER = 4


def _year_calendar(year: int, era: str | None, hijri_year: int | None) -> Calendar:
    """The calendar of a written year: Hijri with a Hijri marker ("1436 هـ"); a bare year is Gregorian ("عام 1453")
    unless the article is in a Hijri context and the year lies in the era of the publication's Hijri year
    (``hijri_year``, None without a Hijri context or a publication date)."""
    if era:
        return "hijri" if era.startswith("ه") else "gregorian"
    if hijri_year is not None and hijri_year - HIJRI_ERA_BEFORE <= year <= hijri_year + HIJRI_ERA_AFTER:
        return "hijri"
    return "gregorian"


#: A Gregorian year written beside a year ("1343/ 1924", "1382-1962", "1391 الموافق 1971").
_GREGORIAN_PAIR = re.compile(r"\s*(?:[/\-]|الموافق(?:\s+ل)?)\s*(?P<g>\d{4})(?!\d)")
_HIJRI_GAP = (578, 584)  # Gregorian minus Hijri year number, over the years 1 to 1600 AH


_MODERN_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def hijri_context(norm: str, regions: list[tuple[int, int]], lex: Lex) -> bool:
    """Whether the article dates things by the Hijri calendar: it writes a Hijri date ("1436هـ", "5 رمضان"), or
    it writes no Gregorian year of the modern era at all (a Saudi local report: "منذ عام 1428")."""
    if any(lex.hijri_marks.search(norm, s, e) for s, e in regions):
        return True
    return not any(_MODERN_YEAR.search(norm, s, e) for s, e in regions)


def _date_of(year: int, month: int, day: int, cal: Calendar) -> _dt.date | None:
    try:
        if cal == "hijri":
            return hijri_to_gregorian(year, month, day)
        if not 1000 <= year <= 2300:
            return None
        return _dt.date(year, month, day)
    except ValueError:
        return None


def _future_context(norm: str, cand: Cand, lex: Lex, sentence: tuple[int, int]) -> bool:
    """Whether the sentence of a weekday speaks of the future ("من المقرر", "سوف", "ستعقد"): the words of its
    sentence up to 200 characters before it and 120 after."""
    begin = max(sentence[0], cand.start - 200)
    finish = min(sentence[1], cand.end + 120)
    for word in WORD.findall(norm, begin, finish):
        if word in lex.future or (word[0] in "وف" and word[1:] in lex.future):
            return True
    return False


def _weekday(weekday: int, direction: int | None, future: bool, anchor: _dt.date) -> _dt.date:
    back = (anchor.weekday() - weekday) % 7
    ahead = (weekday - anchor.weekday()) % 7
    if direction == -1:
        return anchor - _dt.timedelta(days=back or 7)
    if direction == 1:
        return anchor + _dt.timedelta(days=ahead or 7)
    if direction == 0 or future:
        return anchor + _dt.timedelta(days=ahead)
    return anchor - _dt.timedelta(days=back)


_Resolved = tuple[_dt.date | None, Calendar, Granularity]  # a clock time may attach where the granularity is a day


_UNIT_GRANULARITY: dict[str, Granularity] = {"day": "day", "week": "week", "month": "month", "year": "year"}


def _granularity(unit: str) -> Granularity:
    return _UNIT_GRANULARITY.get(unit, "day")


def _numeric(m: re.Match[str], hijri_year: int | None) -> _Resolved:
    """ "2024-07-29", "29/7/2024": day first, month first only where day first is impossible."""
    a, b, c = m["a"], m["b"], m["c"]
    year_digits = a if len(a) == 4 else c
    cal = _year_calendar(int(year_digits), m["era"], hijri_year if len(year_digits) == 4 else None)
    if len(a) == 4 and len(c) <= 2:
        return _date_of(int(a), int(b), int(c), cal), cal, "day"
    if len(c) == 4 and len(a) <= 2:
        first = _date_of(int(c), int(b), int(a), cal)
        return (first or _date_of(int(c), int(a), int(b), cal)), cal, "day"
    return None, cal, "day"


def _year(norm: str, cand: Cand, hijri_year: int | None) -> _Resolved:
    """ "عام 2020", "2015م", "1436هـ", "في 2014": the first day of the year, in the calendar the text implies."""
    m = cand.match
    if cand.form == "prep_year":
        year, era = int(m["s"]), None
    else:
        year, era = (int(m["y"]), m["era"]) if m["y"] else (int(m["y2"]), m["era2"])
    pair = _GREGORIAN_PAIR.match(norm, cand.end) if era is None else None
    if pair is not None and _HIJRI_GAP[0] <= int(pair["g"]) - year <= _HIJRI_GAP[1]:
        era = "هـ"  # "عام 1343/ 1924", "عام 1391 الموافق 1971": the Gregorian year beside it says so
    cal = _year_calendar(year, era, hijri_year)
    return _date_of(year, 1, 1, cal), cal, "year"


def resolve_date(
    norm: str,
    cand: Cand,
    anchor: _dt.datetime | None,
    lex: Lex,
    *,
    hijri_year: int | None,
    sentence: tuple[int, int] | None = None,
) -> _Resolved:
    """The date a candidate writes (None when it needs an anchor and has none), its calendar and granularity.
    ``sentence``: the normal-form range of its sentence (default: the whole text)."""
    m = cand.match
    day_of_anchor = anchor.date() if anchor else None
    if cand.form in ("absolute", "ordinal"):
        month, cal = _month_of(lex, m)
        day = int(m["d"]) if cand.form == "absolute" else ordinals()[one_spaced(m["ord"])]
        if m["y"]:
            year = int(m["y"])
            return _date_of(year, month, day, cal), cal, "day"
        if day_of_anchor is None:
            return None, cal, "day"
        finder: Callable[[int, int, _dt.date], _dt.date | None]
        finder = _nearest_hijri_year if cal == "hijri" else _nearest_year
        return finder(month, day, day_of_anchor), cal, "day"
    if cand.form == "month_year":
        month, cal = _month_of(lex, m)
        return _date_of(int(m["y"]), month, 1, cal), cal, "month"
    if cand.form == "numeric":
        return _numeric(m, hijri_year)
    if cand.form in ("year", "prep_year"):
        return _year(norm, cand, hijri_year)
    if cand.form == "weekday":
        if day_of_anchor is None:
            return None, "gregorian", "day"
        weekday = lex.weekdays[one_spaced(m["wd"])][0]
        direction = lex.modifiers[one_spaced(m["mod"])] if m["mod"] else None
        future = direction is None and _future_context(norm, cand, lex, sentence or (0, len(norm)))
        return _weekday(weekday, direction, future, day_of_anchor), "gregorian", "day"
    if cand.form == "relative":
        unit, amount = lex.relative[one_spaced(m["rel"])]
        if anchor is None:
            return None, "gregorian", _granularity(unit)
        return _relative(unit, amount, anchor), "gregorian", _granularity(unit)
    # "ago": منذ/قبل + count + unit
    unit, implied = lex.units[one_spaced(m["unit"])]
    count = int(m["n"]) if m["n"] else (count_of(m["nw"]) or implied) if m["nw"] else implied
    if anchor is None:
        return None, "gregorian", _granularity(unit)
    return _relative(unit, -count, anchor), "gregorian", _granularity(unit)

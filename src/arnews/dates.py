"""Date expressions resolved against the publication date.

:func:`extract_dates` finds date expressions in the article's text regions by rules over the normal form
(every word list is a data file under ``data/lexicons/ar/``), reports exact input spans, and resolves each to an
ISO 8601 ``value``:

- absolute dates: "25 يوليو 2024", "23 يوليو/تموز 2024", "31 ديسمبر (كانون الأول) عام 2012", "2024-07-29",
  "29/7/2024" (day first, month first only where day first is impossible), "20 آب (أغسطس)" (no year: the
  occurrence nearest the publication date);
- ordinal days: "الخامس من يوليو 2024", "الحادي والعشرين من مايو" (ordinals and counts in words are read by
  :mod:`arnews.numbers`);
- months and years: "يوليو 2024", "عام 2020", "2015م", "1436هـ" (the first day of the period: the value has day
  precision, the expression does not). A bare year is Gregorian ("عام 1453"); it is Hijri with a Hijri marker or
  month, or in a Hijri context (the article writes Hijri dates, or no modern Gregorian year) when the year lies
  in the era of the publication date's Hijri year (:data:`HIJRI_ERA_BEFORE`, :data:`HIJRI_ERA_AFTER`);
- Hijri dates ("06 شوال 1436 هـ"): ``calendar="hijri"``, value converted to Gregorian with the tabular
  (arithmetic) Islamic calendar, which can differ from Umm al-Qura or a sighted month by one day;
- weekdays: "يوم الجمعة" is the nearest Friday on or before the publication date, or on or after it when the
  sentence speaks of the future ("من المقرر", "سوف", "ستعقد"); "السبت الماضي" is strictly before it and
  "الخميس المقبل" strictly after it;
- relative expressions: "أمس", "أمس الأول", "اليوم", "غدا", "الأسبوع الماضي" (publication date - 7 days),
  "الشهر الماضي" (- 1 month), "العام الماضي" (- 1 year), "منذ ثلاثة أيام", "قبل يومين"; resolved with
  ``dateparser`` (``RELATIVE_BASE`` = publication date, ``PREFER_DATES_FROM="past"``, Arabic) where it reads
  the form, and by the same calendar arithmetic where it does not;
- a clock time next to a day ("في الساعة الخامسة صباحًا يوم الثلاثاء الماضي") makes the value a date-time.

Without a publication date (``anchor=None``) every expression that needs one (relative words, weekdays, a day
and month without a year) gets ``value=None``: values never depend on the machine's clock.
Ages ("63 عاما"), durations ("خلال 24 ساعة", "20 دقيقة") and "عام" meaning "general" are not dates.
"""

from __future__ import annotations

import calendar as _calendar
import datetime as _dt
import re
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import Any, Literal, NamedTuple

from arnews.lexicons import load_set, load_table
from arnews.models import DateMention, Granularity
from arnews.names import PROCLITICS
from arnews.numbers import ordinals, read_number
from arnews.parser import Structure
from arnews.regexes import alternation
from arnews.text import TextView, normalize

__all__ = ["extract_dates", "extract_with_forms", "gregorian_to_hijri", "hijri_to_gregorian", "read_date"]

Calendar = Literal["gregorian", "hijri"]

# --- the tabular Islamic calendar --------------------------------------------------------------------------

_HIJRI_EPOCH_ORDINAL = _dt.date(622, 7, 19).toordinal() - 1  # 1 Muharram 1 AH (Julian 16 July 622) is ordinal +1
_HIJRI_EPOCH = _dt.date.fromordinal(_HIJRI_EPOCH_ORDINAL + 1)


def hijri_to_gregorian(year: int, month: int, day: int) -> _dt.date:
    """The Gregorian date of a Hijri date by the tabular Islamic calendar (may differ from Umm al-Qura by 1 day)."""
    if not (1 <= month <= 12 and 1 <= day <= 30 and year >= 1):
        raise ValueError(f"no Hijri date {year}-{month}-{day}")
    days = day + (59 * (month - 1) + 1) // 2 + 354 * (year - 1) + (3 + 11 * year) // 30
    return _dt.date.fromordinal(_HIJRI_EPOCH_ORDINAL + days)


def gregorian_to_hijri(date: _dt.date) -> tuple[int, int, int]:
    """The tabular Hijri (year, month, day) of a Gregorian date: the inverse of :func:`hijri_to_gregorian`."""
    days = date.toordinal() - _HIJRI_EPOCH_ORDINAL
    year = (30 * days + 10646) // 10631
    while year > 1 and hijri_to_gregorian(year, 1, 1) > date:
        year -= 1
    while hijri_to_gregorian(year + 1, 1, 1) <= date:
        year += 1
    month = 12
    while month > 1 and hijri_to_gregorian(year, month, 1) > date:
        month -= 1
    return year, month, (date - hijri_to_gregorian(year, month, 1)).days + 1


# --- lexicons, compiled once -------------------------------------------------------------------------------

# a word start, bare or after a proclitic ("وفي", "بالأمس"): one fixed-width lookbehind per proclitic
_W0 = "(?:(?<!\\w)" + "".join(f"|(?<=(?<!\\w){p})" for p in PROCLITICS) + ")"
_WE = r"(?!\w)"
_AR = "[\u0621-\u064a]"  # an Arabic letter of the normal form
_MAX_COUNT = 999  # the largest count of "منذ/قبل N unit" (digits: at most three)
_ERA = r"(?:\s*(?P<era>ميلاديه|ميلادي|هجريه|هجري|م|ه)(?!\w))?"


def _alt(words: Iterable[str]) -> str:
    """A regex matching any of ``words`` in their normal form (see :func:`arnews.regexes.alternation`)."""
    return alternation(normalize(w) for w in words)


def _first(words: Iterable[str]) -> str:
    """A lookahead for the first characters of normalised ``words``."""
    return "(?=[" + "".join(sorted({re.escape(normalize(w)[0]) for w in words})) + "])"


def _key(text: str) -> str:
    return " ".join(text.split())


class _Lex(NamedTuple):
    months: dict[str, tuple[int, Calendar]]
    weekdays: dict[str, tuple[int, bool]]
    modifiers: dict[str, int]
    relative: dict[str, tuple[str, int]]
    units: dict[str, tuple[str, int]]
    hours: dict[str, int]
    minutes: dict[str, int]
    day_parts: dict[str, str]
    patterns: dict[str, re.Pattern[str]]
    time_patterns: tuple[re.Pattern[str], ...]
    future: frozenset[str]  # single words
    names: re.Pattern[str]  # names ending in a date word, anchored at the end
    hijri_marks: re.Pattern[str]  # a year or day written as Hijri ("1436هـ", "5 رمضان", "شوال 1436")


@lru_cache(maxsize=1)
def _lex() -> _Lex:
    months: dict[str, tuple[int, Calendar]] = {}
    for name, number, cal in load_table("months"):
        months[normalize(name)] = (int(number), "hijri" if cal == "hijri" else "gregorian")
    weekdays = {normalize(n): (int(i), amb == "1") for n, i, amb in load_table("weekdays")}
    modifiers = {normalize(w): int(d) for w, d in load_table("date_modifiers")}
    relative = {normalize(p): (u, int(a)) for p, u, a in load_table("relative_dates")}
    units = {normalize(w): (u, int(c)) for w, u, c in load_table("date_units")}
    hours = {normalize(w): int(h) for w, h in load_table("clock_hours")}
    minutes = {normalize(w): int(m) for w, m in load_table("clock_minutes")}
    day_parts = {normalize(w): kind for w, kind in load_table("day_parts")}
    # construct forms ("صباح يوم الجمعة", "مساء أمس") stand before a day; adverbs ("صباحا") follow a clock time
    before_day = [w for w in day_parts if not w.endswith("ا") and not w.startswith("ال") and not w.startswith("بعد")]

    mon = _alt(months)
    mod = _alt(modifiers)
    part = _alt(before_day)
    alt_month = rf"(?:\s*[/\-]?\s*(?:{mon}){_WE}|\s*\(\s*(?:{mon})\s*\))?"
    year_tail = rf"\s*[,،]?\s*(?:(?:من\s+)?(?:ال)?(?:عام|سنه)\s+)?(?P<y>\d{{4}})(?!\d){_ERA}"
    day = r"(?<![\d/:\-])(?<!\d\.)(?P<d>0?[1-9]|[12]\d|3[01])"
    # each pattern opens with a look at its possible first characters: most positions fail there, cheaply,
    # before the word-boundary lookbehinds run
    weekday_words = [*before_day, "يوم", *weekdays]
    relative_words = [*before_day, *relative]
    patterns = {
        "absolute": rf"(?=\d){_W0}{day}\s*(?P<mon>{mon}){_WE}{alt_month}(?:{year_tail})?",
        "month_year": rf"{_first(['شهر', *months])}{_W0}(?:شهر\s+)?(?P<mon>{mon}){_WE}{alt_month}{year_tail}",
        "numeric": r"(?=\d)(?<![\d/\-])(?<!\d\.)(?P<a>\d{1,4})(?P<sep>[/.\-])(?P<b>\d{1,2})(?P=sep)(?P<c>\d{1,4})"
        rf"(?![\d/\-])(?!\.\d){_ERA}",
        "year": rf"(?=[اعس\d]){_W0}(?:(?:ال)?(?:عام|سنه)\s+(?P<y>\d{{4}})(?!\d){_ERA}"
        r"|(?P<y2>\d{4})\s*(?P<era2>م|ه)(?!\w))",
        "prep_year": r"(?=[فمحقبخناا])(?<!\w)(?:في|منذ|حتي|قبل|بعد|خلال|مطلع|بدايه|نهايه|اواخر|اوائل|منتصف)\s+"
        r"(?P<s>(?:19|20)\d\d)(?=\s*(?:[.,،؛:)\]\n]|$))",
        "weekday": rf"{_first(weekday_words)}{_W0}(?:(?P<part>{part})\s+)?(?:(?P<yawm>يوم)\s+)?"
        rf"(?P<wd>{_alt(weekdays)}){_WE}(?:\s+(?P<mod>{mod}){_WE})?",
        "relative": rf"{_first(relative_words)}{_W0}(?:(?P<part>{part})\s+(?:يوم\s+)?)?(?P<rel>{_alt(relative)}){_WE}",
        # "nw": up to four words that numbers.read_number must read as a count ("خمسة عشر يوما")
        "ago": rf"(?=[مق]){_W0}(?:منذ|قبل)\s+(?:(?P<n>\d{{1,3}})\s+|(?P<nw>{_AR}+(?:\s+{_AR}+){{0,3}}?)\s+)?"
        rf"(?P<unit>{_alt(units)}){_WE}",
        # "الخامس من يوليو", "الحادي والعشرين من شهر مايو 2024"
        "ordinal": rf"(?=ال){_W0}(?P<ord>{_alt(ordinals())})\s+من\s+(?:شهر\s+)?(?P<mon>{mon}){_WE}{alt_month}"
        rf"(?:{year_tail})?",
    }
    clock_suffix = rf"(?:\s+(?:من\s+)?(?P<dp>{_alt(day_parts)}){_WE})?"
    time_patterns = (
        re.compile(
            rf"(?=[فعتاس]){_W0}(?:(?:في|عند)\s+)?(?P<t>(?:تمام\s+)?(?:ال)?ساعه)\s+"
            rf"(?:(?P<hh>\d{{1,2}})(?::(?P<mm>\d{{2}}))?(?!\d)"
            rf"|(?P<hw>{_alt(hours)}){_WE}(?:\s+و\s*(?:(?P<frac>{_alt(minutes)}){_WE}|(?P<fm>\d{{1,2}})\s+دقيقه{_WE}))?)"
            + clock_suffix
        ),
        re.compile(
            rf"(?=\d)(?<![\d:])(?P<t>)(?P<hh>\d{{1,2}}):(?P<mm>\d{{2}})(?![\d:])\s*(?P<dp>{_alt(day_parts)}){_WE}"
        ),
    )
    future = load_set("future_cues")
    hijri_months = _alt(name for name, (_number, cal) in months.items() if cal == "hijri")
    hijri_marks = re.compile(
        rf"(?<!\d)\d{{3,4}}\s*(?:هجريه|هجري|ه)(?!\w)|(?<!\d)\d{{1,2}}\s*(?:{hijri_months}){_WE}"
        rf"|(?<!\w)(?:{hijri_months})\s*[,،]?\s*\d{{3,4}}(?!\d)"
    )
    return _Lex(
        months,
        weekdays,
        modifiers,
        relative,
        units,
        hours,
        minutes,
        day_parts,
        {name: re.compile(p) for name, p in patterns.items()},
        time_patterns,
        future,
        re.compile(rf"(?<!\w)(?:{_alt(load_set('date_word_names'))})$"),
        hijri_marks,
    )


# --- candidates --------------------------------------------------------------------------------------------


class _Cand(NamedTuple):
    start: int  # normal-form offsets
    end: int
    form: str
    match: re.Match[str]


_CONTEXT_AFTER_DAY = re.compile(r"\s+من(?!\w)|\s*\d|\s+ال")  # "قبل يومين من ...", "منذ عام 2010", "قبل يوم الجمعة"
_WEEKDAY_DATE_GAP = re.compile(r"[ \t]*[,،\-]?[ \t]*(?:الموافق[ \t]+|الموافق[ \t]*ل[ \t]*)?")
_TIME_BEFORE_GAP = re.compile(r"[ \t]*[,،]?[ \t]*(?:(?:من|في)[ \t]+)?")
_TIME_AFTER_GAP = re.compile(r"[ \t]*[,،]?[ \t]*(?:و[ \t]*)?(?:(?:في|عند)[ \t]+)?")
_DAY_WEEKDAY_GAP = re.compile(r"[ \t]*[,،\-]?[ \t]*\(?[ \t]*")
_CLOSE_PAREN = re.compile(r"[ \t]*\)")
_YEAR_AFTER = re.compile(
    r"[ \t]*[,،\-]?[ \t]*\(?[ \t]*(?P<y>\d{4})(?!\d)(?:[ \t]*(?P<era>ميلاديه|ميلادي|هجريه|هجري|م|ه)(?!\w))?"
    r"(?:[ \t]*\))?(?P<y2>)(?P<era2>)"
)
_HABIT_BEFORE = re.compile(r"(?<!\w)(?:كل|ايام)\s+$")
_SENTENCE_END = re.compile(r"[.!?؟\n]")
_WORD = re.compile(r"\w+")


def _keep(norm: str, cand: _Cand, lex: _Lex) -> bool:
    """Rules that reject a pattern match which is not a date here."""
    m = cand.match
    if cand.form == "relative":
        if lex.names.search(norm, max(0, cand.end - 40), cand.end):  # "عين اليوم", "روسيا اليوم"
            return False
        rel = _key(m["rel"])
        if rel in ("اليوم", "الامس") and not m["part"]:
            if re.match(r"\s+ال\w", norm[cand.end : cand.end + 8]):  # "اليوم الوطني", "اليوم التالي"
                return False
            if re.search(r"(?<!\w)(?:هذا|ذلك|مثل)\s+$", norm[max(0, cand.start - 12) : cand.start]):
                return False
        return True
    if cand.form == "weekday":  # "كل يوم جمعة", "أيام الثلاثاء": a habit or a schedule, not one day
        return not _HABIT_BEFORE.search(norm, max(0, cand.start - 12), cand.start)
    if cand.form == "ago":
        implied = lex.units[_key(m["unit"])][1]
        if m["nw"] and _count(m["nw"]) is None:
            return False  # "منذ بداية العام": no count
        if not (m["n"] or m["nw"] or implied):
            return False
        return not _CONTEXT_AFTER_DAY.match(norm, cand.end)
    if cand.form == "ordinal":
        return ordinals()[_key(m["ord"])] <= 31
    return True


def _count(words: str) -> int | None:
    """The count that number words give ("ثلاثة", "خمسة عشر"), None when they are no whole count from 1 to 999
    (as many as three digits may write: "منذ مليون عام" is no date)."""
    value = read_number(words)
    if value is None or not 1 <= value <= _MAX_COUNT or value != value.to_integral_value():
        return None
    return int(value)


def _candidates(norm: str, start: int, end: int, lex: _Lex) -> list[_Cand]:
    found: list[_Cand] = []
    for form, pattern in lex.patterns.items():
        for m in pattern.finditer(norm, start, end):
            s, e = m.span("s") if "s" in pattern.groupindex else m.span()
            cand = _Cand(s, e, form, m)
            if _keep(norm, cand, lex):
                found.append(cand)
    found.sort(key=lambda c: (c.start, -c.end))
    chosen: list[_Cand] = []
    for cand in found:
        if chosen and cand.start < chosen[-1].end:
            continue
        chosen.append(cand)
    return chosen


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


@lru_cache(maxsize=4096)
def _dateparser_date(text: str, anchor: _dt.datetime) -> _dt.date | None:
    """What dateparser reads in ``text`` relative to ``anchor`` (None when it reads nothing)."""
    import dateparser  # heavy: imported on the first relative expression, never at module import

    settings: Any = {
        "RELATIVE_BASE": anchor,
        "PREFER_DATES_FROM": "past",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    try:
        parsed = dateparser.parse(text, languages=["ar"], settings=settings)
    except Exception:  # dateparser raises assorted errors on odd input: our own arithmetic takes over
        return None
    return parsed.date() if parsed is not None else None


def _relative(text: str, unit: str, amount: int, anchor: _dt.datetime) -> _dt.date | None:
    """A relative expression: dateparser's reading when it agrees in kind, else calendar arithmetic (None when
    the date falls outside the calendar: "قبل 999 عاما" from an anchor in the year 500)."""
    try:
        own = _shift(anchor.date(), unit, amount)
    except (OverflowError, ValueError):
        return None
    parsed = _dateparser_date(text, anchor)
    # dateparser reads some Arabic forms partly ("أمس الأول" as "أمس"); trust it only where it matches the
    # lexicon's meaning, so the value never depends on which forms a dateparser release happens to read
    return parsed if parsed == own else own


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


def _month_of(lex: _Lex, m: re.Match[str]) -> tuple[int, Calendar]:
    return lex.months[_key(m["mon"])]


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


def _hijri_context(norm: str, regions: list[tuple[int, int]], lex: _Lex) -> bool:
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


def _future_context(norm: str, cand: _Cand, lex: _Lex) -> bool:
    lo = max(0, cand.start - 200)
    ends = [m.end() for m in _SENTENCE_END.finditer(norm, lo, cand.start)]
    begin = ends[-1] if ends else lo
    stop = _SENTENCE_END.search(norm, cand.end, min(len(norm), cand.end + 120))
    finish = stop.start() if stop else min(len(norm), cand.end + 120)
    for word in _WORD.findall(norm, begin, finish):
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


def _resolve(
    norm: str, cand: _Cand, raw: str, anchor: _dt.datetime | None, lex: _Lex, *, hijri_year: int | None
) -> _Resolved:
    m = cand.match
    day_of_anchor = anchor.date() if anchor else None
    if cand.form in ("absolute", "ordinal"):
        month, cal = _month_of(lex, m)
        day = int(m["d"]) if cand.form == "absolute" else ordinals()[_key(m["ord"])]
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
        a, b, c = m["a"], m["b"], m["c"]
        year_digits = a if len(a) == 4 else c
        cal = _year_calendar(int(year_digits), m["era"], hijri_year if len(year_digits) == 4 else None)
        if len(a) == 4 and len(c) <= 2:
            return _date_of(int(a), int(b), int(c), cal), cal, "day"
        if len(c) == 4 and len(a) <= 2:
            first = _date_of(int(c), int(b), int(a), cal)
            return (first or _date_of(int(c), int(a), int(b), cal)), cal, "day"
        return None, cal, "day"
    if cand.form in ("year", "prep_year"):
        if cand.form == "prep_year":
            year, era = int(m["s"]), None
        else:
            year, era = (int(m["y"]), m["era"]) if m["y"] else (int(m["y2"]), m["era2"])
        pair = _GREGORIAN_PAIR.match(norm, cand.end) if era is None else None
        if pair is not None and _HIJRI_GAP[0] <= int(pair["g"]) - year <= _HIJRI_GAP[1]:
            era = "هـ"  # "عام 1343/ 1924", "عام 1391 الموافق 1971": the Gregorian year beside it says so
        cal = _year_calendar(year, era, hijri_year)
        return _date_of(year, 1, 1, cal), cal, "year"
    if cand.form == "weekday":
        if day_of_anchor is None:
            return None, "gregorian", "day"
        weekday = lex.weekdays[_key(m["wd"])][0]
        direction = lex.modifiers[_key(m["mod"])] if m["mod"] else None
        future = direction is None and _future_context(norm, cand, lex)
        return _weekday(weekday, direction, future, day_of_anchor), "gregorian", "day"
    if cand.form == "relative":
        unit, amount = lex.relative[_key(m["rel"])]
        if anchor is None:
            return None, "gregorian", _granularity(unit)
        return _relative(_key(m["rel"]), unit, amount, anchor), "gregorian", _granularity(unit)
    # "ago": منذ/قبل + count + unit
    unit, implied = lex.units[_key(m["unit"])]
    count = int(m["n"]) if m["n"] else (_count(m["nw"]) or implied) if m["nw"] else implied
    if anchor is None:
        return None, "gregorian", _granularity(unit)
    return _relative(raw, unit, -count, anchor), "gregorian", _granularity(unit)


def _clock(m: re.Match[str], lex: _Lex) -> tuple[int, int] | None:
    hour = int(m["hh"]) if m["hh"] else lex.hours[_key(m["hw"])]
    groups = m.groupdict()
    minute = int(m["mm"]) if m["mm"] else 0
    if groups.get("frac"):
        minute = lex.minutes[_key(groups["frac"])]
    elif groups.get("fm"):
        minute = int(groups["fm"])
    kind = lex.day_parts.get(_key(m["dp"])) if m["dp"] else None
    if (kind == "pm" and hour < 12) or (kind == "noon" and 1 <= hour <= 5) or (kind == "night" and 6 <= hour < 12):
        hour += 12
    elif kind in ("am", "night") and hour == 12:
        hour = 0
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        return None
    return hour, minute


_Time = tuple[int, int, re.Match[str]]


def _times(norm: str, start: int, end: int, lex: _Lex) -> list[_Time]:
    """Clock times of a region, without overlaps, in order (so both their starts and ends ascend)."""
    found = sorted(
        ((m.start("t"), m.end(), m) for p in lex.time_patterns for m in p.finditer(norm, start, end)),
        key=lambda t: (t[0], -t[1]),
    )
    out: list[_Time] = []
    for t in found:
        if not out or t[0] >= out[-1][1]:
            out.append(t)
    return out


def _adjacent_times(norm: str, times: list[_Time], s: int, e: int) -> list[_Time]:
    """The clock time just before ``[s, e)`` and the one just after it, where only a small gap separates them."""
    out: list[_Time] = []
    i = _last_end_at_most(times, s)
    if i > 0:
        te = times[i - 1][1]
        gap = _TIME_BEFORE_GAP.match(norm, te, s)
        if gap is not None and gap.end() == s:
            out.append(times[i - 1])
    j = i
    while j < len(times) and times[j][0] < e:
        j += 1
    if j < len(times):
        gap = _TIME_AFTER_GAP.match(norm, e, times[j][0])
        if gap is not None and gap.end() == times[j][0]:
            out.append(times[j])
    return out


def _last_end_at_most(times: list[_Time], pos: int) -> int:
    """How many times end at or before ``pos`` (a binary search over ascending ends)."""
    lo, hi = 0, len(times)
    while lo < hi:
        mid = (lo + hi) // 2
        if times[mid][1] <= pos:
            lo = mid + 1
        else:
            hi = mid
    return lo


# --- the entry point ---------------------------------------------------------------------------------------


def _is_year_word(cand: _Cand, lex: _Lex) -> bool:
    return lex.relative[_key(cand.match["rel"])][0] == "year"


def _region_dates(
    view: TextView, start: int, end: int, anchor: _dt.datetime | None, lex: _Lex, *, hijri_year: int | None
) -> list[tuple[DateMention, str]]:
    norm = view.norm
    cands = _candidates(norm, start, end, lex)
    times = _times(norm, start, end, lex)
    out: list[tuple[DateMention, str]] = []
    i = 0
    while i < len(cands):
        cand = cands[i]
        s, e = cand.start, cand.end
        value_cand = cand
        written_weekday: int | None = None  # a weekday written beside a relative day ("أمس الأحد")
        nxt = cands[i + 1] if i + 1 < len(cands) else None
        if cand.form == "weekday" and nxt is not None and nxt.form in ("absolute", "ordinal", "numeric"):
            gap = _WEEKDAY_DATE_GAP.match(norm, e, nxt.start)
            if gap and gap.end() == nxt.start:  # "الجمعة 26 يوليو 2024": one date, the absolute one
                value_cand = nxt
                e = nxt.end
                i += 1
        elif cand.form == "relative" and _is_year_word(cand, lex) and (y := _YEAR_AFTER.match(norm, e, end)):
            # "العام الماضي 2014", "هذا العام 1436هـ": the written year is the value
            value_cand = _Cand(y.start("y"), y.end(), "year", y)
            e = y.end()
            if nxt is not None and nxt.start < e:
                i += 1
        elif cand.form == "relative" and nxt is not None and nxt.form == "weekday" and not nxt.match["mod"]:
            gap = _DAY_WEEKDAY_GAP.match(norm, e, nxt.start)
            if gap and gap.end() == nxt.start:  # "اليوم (الاثنين)": one date, the relative one
                close = _CLOSE_PAREN.match(norm, nxt.end, end) if "(" in gap.group() else None
                e = close.end() if close else nxt.end
                written_weekday = lex.weekdays[_key(nxt.match["wd"])][0]
                i += 1
        i += 1
        m = cand.match
        if value_cand is cand and cand.form == "weekday":
            ambiguous = lex.weekdays[_key(m["wd"])][1]
            if ambiguous and not (m["part"] or m["yawm"] or m["mod"]):
                continue
        raw_s, raw_e = view.raw_span(s, e)
        date, cal, granularity = _resolve(norm, value_cand, view.raw[raw_s:raw_e], anchor, lex, hijri_year=hijri_year)
        if date is not None and cal == "hijri" and cand.form == "weekday" and value_cand is not cand:
            # the tabular calendar can be a day off the one in use; a weekday written beside the date settles it
            weekday = lex.weekdays[_key(m["wd"])][0]
            for shift in (0, -1, 1):
                if (date + _dt.timedelta(days=shift)).weekday() == weekday:
                    date += _dt.timedelta(days=shift)
                    break
        if date is not None and written_weekday is not None and date.weekday() != written_weekday:
            # the written weekday is the stronger evidence: the anchor (often a crawl time) can be a day late
            shift = (written_weekday - date.weekday() + 3) % 7 - 3
            date += _dt.timedelta(days=shift)
        clock = None
        if granularity == "day":
            for ts, te, tm in _adjacent_times(norm, times, s, e):
                clock = _clock(tm, lex)
                if clock is not None:
                    s, e = min(s, ts), max(e, te)
                    break
        raw_s, raw_e = view.raw_span(s, e)
        if date is None:
            value = None
        elif clock is not None:
            value = _dt.datetime(date.year, date.month, date.day, clock[0], clock[1]).isoformat(timespec="minutes")
            granularity = "minute"
        else:
            value = date.isoformat()
        mention = DateMention(view.raw[raw_s:raw_e], raw_s, raw_e, value=value, calendar=cal, granularity=granularity)
        out.append((mention, value_cand.form))
    return out


def read_date(text: str) -> _dt.date | None:
    """The first date with its day, month and year written in ``text`` (month names of every family, Hijri
    months, or numbers), in the Gregorian calendar; None when there is none. For source notes and datelines.

    >>> read_date("06 شوال 1436 هـ")
    datetime.date(2015, 7, 23)
    >>> read_date("نشر في 3 كانون الثاني 2016 الساعة 10:30")
    datetime.date(2016, 1, 3)
    >>> read_date("منذ ثلاثة أيام") is None
    True
    """
    lex = _lex()
    norm = normalize(text)
    for cand in _candidates(norm, 0, len(norm), lex):
        if cand.form in ("absolute", "ordinal", "numeric"):
            date, _cal, granularity = _resolve(norm, cand, text, None, lex, hijri_year=None)
            if date is not None and granularity == "day":
                return date
    return None


def extract_with_forms(
    view: TextView, structure: Structure, anchor: _dt.datetime | None
) -> list[tuple[DateMention, str]]:
    """:func:`extract_dates` with the form of each mention (absolute, ordinal, numeric, month_year, year, prep_year,
    weekday, relative, ago): for benchmarks and diagnostics."""
    if not view.norm:
        return []
    lex = _lex()
    if anchor is not None and anchor.tzinfo is not None:
        anchor = anchor.replace(tzinfo=None)  # a local publication time: its calendar day is what counts
    regions = [(view.norm_index(raw_start), view.norm_index(raw_end)) for raw_start, raw_end in structure.regions()]
    hijri_year = None
    if anchor is not None and anchor.date() >= _HIJRI_EPOCH and _hijri_context(view.norm, regions, lex):
        hijri_year = gregorian_to_hijri(anchor.date())[0]  # bare years of its era may be Hijri
    seen: set[tuple[int, int]] = set()
    found: list[tuple[DateMention, str]] = []
    for nstart, nend in regions:
        for mention, form in _region_dates(view, nstart, nend, anchor, lex, hijri_year=hijri_year):
            if (mention.start, mention.end) not in seen:
                seen.add((mention.start, mention.end))
                found.append((mention, form))
    found.sort(key=lambda pair: pair[0].start)
    return found


def extract_dates(view: TextView, structure: Structure, anchor: _dt.datetime | None) -> tuple[DateMention, ...]:
    """Every date expression in the article's text regions, in order, resolved against ``anchor``.

    ``anchor`` is the publication date; without it, expressions that need one get ``value=None``.
    """
    return tuple(mention for mention, _form in extract_with_forms(view, structure, anchor))

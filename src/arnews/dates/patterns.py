"""Date expressions as written: the lexicon tables compiled once into patterns per form, and the candidates they find
in a region.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from typing import NamedTuple

from arnews.core.lexicons import load_set, load_table
from arnews.core.names import PROCLITICS
from arnews.core.numbers import ordinals, read_number
from arnews.core.regexes import alternation
from arnews.core.text import ARABIC_LETTERS, normalize
from arnews.dates.calendars import Calendar

# --- lexicons, compiled once -------------------------------------------------------------------------------

# a word start, bare or after a proclitic ("وفي", "بالأمس"): one fixed-width lookbehind per proclitic
_W0 = "(?:(?<!\\w)" + "".join(f"|(?<=(?<!\\w){p})" for p in PROCLITICS) + ")"
_WE = r"(?!\w)"
_AR = f"[{ARABIC_LETTERS}]"  # an Arabic letter of the normal form
_MAX_COUNT = 999  # the largest count of "منذ/قبل N unit" (digits: at most three)
_AGO = ("منذ", "قبل")  # "منذ ثلاثة أيام", "قبل عامين"
_FOUR_DIGITS = re.compile(r"\d{4}")
_ERA = r"(?:\s*(?P<era>ميلاديه|ميلادي|هجريه|هجري|م|ه)(?!\w))?"


def _alt(words: Iterable[str]) -> str:
    """A regex matching any of ``words`` in their normal form (see :func:`arnews.core.regexes.alternation`)."""
    return alternation(normalize(w) for w in words)


def _first(words: Iterable[str]) -> str:
    """A lookahead for the first three characters of normalised ``words`` (most word starts fail there, before the
    word-start lookbehinds and the alternations run; two are too few: "ما" opens مارس and مايو and a word met in
    every sentence)."""
    rests: dict[str, set[str]] = {}
    for w in words:
        n = normalize(w)
        rests.setdefault(n[0], set()).add(n[1:3])
    branches = []
    for first, after in sorted(rests.items()):
        if "" in after:  # a one-letter word: its first letter is all there is to look at
            branches.append(re.escape(first))
        else:  # the shorter rest of a two-letter word after the longer ones that begin with it
            rest = sorted(after, key=lambda r: (-len(r), r))
            branches.append(re.escape(first) + "(?:" + "|".join(re.escape(r) for r in rest) + ")")
    return "(?=" + "|".join(branches) + ")"


def _cover(phrases: Iterable[str]) -> re.Pattern[str]:
    """A pattern that finds, in a text that writes any of the normalised ``phrases``, a word of it: words that
    between them stand in every phrase, the word most phrases hold chosen first ("العام" for "العام الماضي" and
    "هذا العام", not "هذا")."""
    left = [frozenset(p.split()) for p in sorted({" ".join(p.split()) for p in phrases})]
    chosen: list[str] = []
    while left:
        held = Counter(w for words in left for w in words)
        best = min(held, key=lambda w: (-held[w], w))
        chosen.append(best)
        left = [words for words in left if best not in words]
    return re.compile(alternation(chosen))


def one_spaced(text: str) -> str:
    return " ".join(text.split())


class Lex(NamedTuple):
    months: dict[str, tuple[int, Calendar]]
    weekdays: dict[str, tuple[int, bool]]
    modifiers: dict[str, int]
    relative: dict[str, tuple[str, int]]
    units: dict[str, tuple[str, int]]
    hours: dict[str, int]
    minutes: dict[str, int]
    day_parts: dict[str, str]
    patterns: dict[str, re.Pattern[str]]
    #: For a form, a pattern that finds in a region something each of the form's matches holds (a word it cannot do
    #: without, digits): where it finds nothing, the form's pattern is not run (:func:`candidates`).
    evidence: dict[str, re.Pattern[str]]
    time_patterns: tuple[re.Pattern[str], ...]
    #: For each of :attr:`time_patterns`, what each of its matches holds ("ساعه"; two digits with a colon between
    #: them): a region without it is not scanned by that pattern.
    time_evidence: tuple[re.Pattern[str], ...]
    future: frozenset[str]  # single words
    names: re.Pattern[str]  # names ending in a date word, anchored at the end
    hijri_marks: re.Pattern[str]  # a year or day written as Hijri ("1436هـ", "5 رمضان", "شوال 1436")


@lru_cache(maxsize=1)
def lexicon() -> Lex:
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

    return Lex(
        months,
        weekdays,
        modifiers,
        relative,
        units,
        hours,
        minutes,
        day_parts,
        _patterns(months, weekdays, modifiers, relative, units=units, before_day=before_day),
        _evidence(months, weekdays, relative),
        _time_patterns(hours, minutes, day_parts),
        (re.compile("ساعه"), re.compile(r"\d:\d")),
        load_set("future_cues"),
        re.compile(rf"(?<!\w)(?:{_alt(load_set('date_word_names'))})$"),
        _hijri_marks(months),
    )


def _patterns(
    months: dict[str, tuple[int, Calendar]],
    weekdays: dict[str, tuple[int, bool]],
    modifiers: dict[str, int],
    relative: dict[str, tuple[str, int]],
    *,
    units: dict[str, tuple[str, int]],
    before_day: list[str],
) -> dict[str, re.Pattern[str]]:
    """The date patterns by form, compiled from the month, weekday, modifier, relative and unit tables."""
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
        "year": rf"(?=\d|عام|سنه|ال[عس]){_W0}(?:(?:ال)?(?:عام|سنه)\s+(?P<y>\d{{4}})(?!\d){_ERA}"
        r"|(?P<y2>\d{4})\s*(?P<era2>م|ه)(?!\w))",
        "prep_year": r"(?=[فمحقبخناا])(?<!\w)(?:في|منذ|حتي|قبل|بعد|خلال|مطلع|بدايه|نهايه|اواخر|اوائل|منتصف)\s+"
        r"(?P<s>(?:19|20)\d\d)(?=\s*(?:[.,،؛:)\]\n]|$))",
        "weekday": rf"{_first(weekday_words)}{_W0}(?:(?P<part>{part})\s+)?(?:(?P<yawm>يوم)\s+)?"
        rf"(?P<wd>{_alt(weekdays)}){_WE}(?:\s+(?P<mod>{mod}){_WE})?",
        "relative": rf"{_first(relative_words)}{_W0}(?:(?P<part>{part})\s+(?:يوم\s+)?)?(?P<rel>{_alt(relative)}){_WE}",
        # "nw": up to four words that numbers.read_number must read as a count ("خمسة عشر يوما")
        "ago": rf"(?=[مق]){_W0}(?:{_alt(_AGO)})\s+(?:(?P<n>\d{{1,3}})\s+|(?P<nw>{_AR}+(?:\s+{_AR}+){{0,3}}?)\s+)?"
        rf"(?P<unit>{_alt(units)}){_WE}",
        # "الخامس من يوليو", "الحادي والعشرين من شهر مايو 2024"
        "ordinal": rf"(?=ال){_W0}(?P<ord>{_alt(ordinals())})\s+من\s+(?:شهر\s+)?(?P<mon>{mon}){_WE}{alt_month}"
        rf"(?:{year_tail})?",
    }
    return {name: re.compile(p) for name, p in patterns.items()}


def _evidence(months: Iterable[str], weekdays: Iterable[str], relative: Iterable[str]) -> dict[str, re.Pattern[str]]:
    """What each form's matches cannot do without (see :attr:`Lex.evidence`), read off :func:`_patterns`: a part of
    the form's pattern that each of its matches holds and that a region without it is told from at little cost (a
    scan that skips to a digit, to "من" or to a few letters' words): the day's number before the month's name, the
    month's name after "من", two numbers with a separator between them, a year's four digits, the weekday's name,
    the relative phrase, "منذ" or "قبل"."""
    mon = _alt(months)
    return {
        "absolute": re.compile(rf"\d\s*(?:{mon})"),
        "ordinal": re.compile(rf"من\s+(?:شهر\s+)?(?:{mon})"),
        "numeric": re.compile(r"\d[/.\-]\d"),
        "year": _FOUR_DIGITS,
        "month_year": _FOUR_DIGITS,
        "prep_year": re.compile(r"(?:19|20)\d\d"),
        "weekday": _cover(weekdays),
        "relative": _cover(relative),
        "ago": _cover(_AGO),
    }


def _time_patterns(
    hours: dict[str, int], minutes: dict[str, int], day_parts: dict[str, str]
) -> tuple[re.Pattern[str], ...]:
    """Clock times: "الساعة العاشرة والنصف صباحا", "في تمام الساعة 10:30", "10:30 مساء"."""
    clock_suffix = rf"(?:\s+(?:من\s+)?(?P<dp>{_alt(day_parts)}){_WE})?"
    return (
        re.compile(
            rf"(?=في|عند|تمام|ساعه|الساعه){_W0}(?:(?:في|عند)\s+)?(?P<t>(?:تمام\s+)?(?:ال)?ساعه)\s+"
            rf"(?:(?P<hh>\d{{1,2}})(?::(?P<mm>\d{{2}}))?(?!\d)"
            rf"|(?P<hw>{_alt(hours)}){_WE}(?:\s+و\s*(?:(?P<frac>{_alt(minutes)}){_WE}|(?P<fm>\d{{1,2}})\s+دقيقه{_WE}))?)"
            + clock_suffix
        ),
        re.compile(
            rf"(?=\d)(?<![\d:])(?P<t>)(?P<hh>\d{{1,2}}):(?P<mm>\d{{2}})(?![\d:])\s*(?P<dp>{_alt(day_parts)}){_WE}"
        ),
    )


def _hijri_marks(months: dict[str, tuple[int, Calendar]]) -> re.Pattern[str]:
    """A year or day written as Hijri ("1436هـ", "5 رمضان", "شوال 1436")."""
    names = [name for name, (_number, cal) in months.items() if cal == "hijri"]
    hijri_months = _alt(names)
    return re.compile(  # each branch opens with a look at its first characters (see :func:`_first`)
        rf"(?=\d)(?<!\d)(?:\d{{3,4}}\s*(?:هجريه|هجري|ه)(?!\w)|\d{{1,2}}\s*(?:{hijri_months}){_WE})"
        rf"|{_first(names)}(?<!\w)(?:{hijri_months})\s*[,،]?\s*\d{{3,4}}(?!\d)"
    )


# --- candidates --------------------------------------------------------------------------------------------


class Cand(NamedTuple):
    start: int  # normal-form offsets
    end: int
    form: str
    match: re.Match[str]


_CONTEXT_AFTER_DAY = re.compile(r"\s+من(?!\w)|\s*\d|\s+ال")  # "قبل يومين من ...", "منذ عام 2010", "قبل يوم الجمعة"
WEEKDAY_DATE_GAP = re.compile(r"[ \t]*[,،\-]?[ \t]*(?:الموافق[ \t]+|الموافق[ \t]*ل[ \t]*)?")
TIME_BEFORE_GAP = re.compile(r"[ \t]*[,،]?[ \t]*(?:(?:من|في)[ \t]+)?")
TIME_AFTER_GAP = re.compile(r"[ \t]*[,،]?[ \t]*(?:و[ \t]*)?(?:(?:في|عند)[ \t]+)?")
DAY_WEEKDAY_GAP = re.compile(r"[ \t]*[,،\-]?[ \t]*\(?[ \t]*")
CLOSE_PAREN = re.compile(r"[ \t]*\)")
YEAR_AFTER = re.compile(
    r"[ \t]*[,،\-]?[ \t]*\(?[ \t]*(?P<y>\d{4})(?!\d)(?:[ \t]*(?P<era>ميلاديه|ميلادي|هجريه|هجري|م|ه)(?!\w))?"
    r"(?:[ \t]*\))?(?P<y2>)(?P<era2>)"
)
_HABIT_BEFORE = re.compile(r"(?<!\w)(?:كل|ايام)\s+$")

WORD = re.compile(r"\w+")


def _keep(norm: str, cand: Cand, lex: Lex) -> bool:
    """Rules that reject a pattern match which is not a date here."""
    m = cand.match
    if cand.form == "relative":
        if lex.names.search(norm, max(0, cand.end - 40), cand.end):  # "عين اليوم", "روسيا اليوم"
            return False
        rel = one_spaced(m["rel"])
        if rel in ("اليوم", "الامس") and not m["part"]:
            if re.match(r"\s+ال\w", norm[cand.end : cand.end + 8]):  # "اليوم الوطني", "اليوم التالي"
                return False
            if re.search(r"(?<!\w)(?:هذا|ذلك|مثل)\s+$", norm[max(0, cand.start - 12) : cand.start]):
                return False
        return True
    if cand.form == "weekday":  # "كل يوم جمعة", "أيام الثلاثاء": a habit or a schedule, not one day
        return not _HABIT_BEFORE.search(norm, max(0, cand.start - 12), cand.start)
    if cand.form == "ago":
        implied = lex.units[one_spaced(m["unit"])][1]
        if m["nw"] and count_of(m["nw"]) is None:
            return False  # "منذ بداية العام": no count
        if not (m["n"] or m["nw"] or implied):
            return False
        return not _CONTEXT_AFTER_DAY.match(norm, cand.end)
    if cand.form == "ordinal":
        return ordinals()[one_spaced(m["ord"])] <= 31
    return True


def count_of(words: str) -> int | None:
    """The count that number words give ("ثلاثة", "خمسة عشر"), None when they are no whole count from 1 to 999
    (as many as three digits may write: "منذ مليون عام" is no date)."""
    value = read_number(words)
    if value is None or not 1 <= value <= _MAX_COUNT or value != value.to_integral_value():
        return None
    return int(value)


#: The forms whose pattern reads a day's number or a year in digits, and so cannot match where no digit stands.
NEED_DIGITS = frozenset({"absolute", "month_year", "numeric", "year", "prep_year"})
_DIGIT = re.compile(r"\d")


def has_digit(norm: str, start: int, end: int) -> bool:
    """Some digit stands in ``norm[start:end]``."""
    return _DIGIT.search(norm, start, end) is not None


def candidates(norm: str, start: int, end: int, lex: Lex) -> list[Cand]:
    """The date patterns' matches in ``norm[start:end]``, the longest first where they overlap, in order. A region
    with no digit (most paragraphs) is not scanned by the patterns of :data:`NEED_DIGITS`, nor one without a form's
    :attr:`~Lex.evidence` by that form's pattern."""
    found: list[Cand] = []
    digits = has_digit(norm, start, end)
    # evidence shared by forms is looked for once, keyed by the pattern's identity: a pattern's hash reads its whole
    # compiled code each time (thousands of instructions for the months' alternatives)
    held: dict[int, bool] = {}
    for form, pattern in lex.patterns.items():
        if not digits and form in NEED_DIGITS:
            continue
        needed = lex.evidence.get(form)
        if needed is not None:
            found_here = held.get(id(needed))
            if found_here is None:
                found_here = held[id(needed)] = needed.search(norm, start, end) is not None
            if not found_here:
                continue
        for m in pattern.finditer(norm, start, end):
            s, e = m.span("s") if "s" in pattern.groupindex else m.span()
            cand = Cand(s, e, form, m)
            if _keep(norm, cand, lex):
                found.append(cand)
    found.sort(key=lambda c: (c.start, -c.end))
    chosen: list[Cand] = []
    for cand in found:
        if chosen and cand.start < chosen[-1].end:
            continue
        chosen.append(cand)
    return chosen

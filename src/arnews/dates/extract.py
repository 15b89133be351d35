"""The entry of the dates stage: candidates per region, joined where two write one date, resolved."""

from __future__ import annotations

import bisect
import datetime as _dt
import re
from collections.abc import Sequence

from arnews.core.text import TextView, normalize
from arnews.dates.calendars import HIJRI_EPOCH, Calendar, gregorian_to_hijri
from arnews.dates.patterns import (
    CLOSE_PAREN,
    DAY_WEEKDAY_GAP,
    TIME_AFTER_GAP,
    TIME_BEFORE_GAP,
    WEEKDAY_DATE_GAP,
    YEAR_AFTER,
    Cand,
    Lex,
    candidates,
    lexicon,
    one_spaced,
)
from arnews.dates.resolve import hijri_context, resolve_date
from arnews.document import Doc
from arnews.models import DateMention

__all__ = ["extract_dates", "extract_with_forms", "read_date"]


def _clock(m: re.Match[str], lex: Lex) -> tuple[int, int] | None:
    hour = int(m["hh"]) if m["hh"] else lex.hours[one_spaced(m["hw"])]
    groups = m.groupdict()
    minute = int(m["mm"]) if m["mm"] else 0
    if groups.get("frac"):
        minute = lex.minutes[one_spaced(groups["frac"])]
    elif groups.get("fm"):
        minute = int(groups["fm"])
    kind = lex.day_parts.get(one_spaced(m["dp"])) if m["dp"] else None
    if (kind == "pm" and hour < 12) or (kind == "noon" and 1 <= hour <= 5) or (kind == "night" and 6 <= hour < 12):
        hour += 12
    elif kind in ("am", "night") and hour == 12:
        hour = 0
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        return None
    return hour, minute


_Time = tuple[int, int, re.Match[str]]


def _times(norm: str, start: int, end: int, lex: Lex) -> list[_Time]:
    """Clock times of a region, without overlaps, in order (so both their starts and ends ascend). A clock time
    names the hour ("الساعة العاشرة") or writes it in digits ("10:30 مساء"): each pattern scans only a region that
    holds its evidence (:attr:`~arnews.dates.patterns.Lex.time_evidence`), most regions none."""
    runs = [
        pattern
        for pattern, needed in zip(lex.time_patterns, lex.time_evidence, strict=True)
        if needed.search(norm, start, end) is not None
    ]
    if not runs:
        return []
    found = sorted(
        ((m.start("t"), m.end(), m) for p in runs for m in p.finditer(norm, start, end)),
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
        gap = TIME_BEFORE_GAP.match(norm, te, s)
        if gap is not None and gap.end() == s:
            out.append(times[i - 1])
    j = i
    while j < len(times) and times[j][0] < e:
        j += 1
    if j < len(times):
        gap = TIME_AFTER_GAP.match(norm, e, times[j][0])
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


def _is_year_word(cand: Cand, lex: Lex) -> bool:
    return lex.relative[one_spaced(cand.match["rel"])][0] == "year"


def _weekday_settles(
    date: _dt.date | None, cal: Calendar, weekday_cand: Cand | None, written_weekday: int | None, lex: Lex
) -> _dt.date | None:
    """A date moved to the weekday written beside it: a Hijri date written with its weekday (``weekday_cand``; the
    tabular calendar can be a day off the one in use), or a relative day with its weekday ("أمس الأحد"; the
    anchor, often a crawl time, can be a day late)."""
    if date is not None and cal == "hijri" and weekday_cand is not None and weekday_cand.form == "weekday":
        weekday = lex.weekdays[one_spaced(weekday_cand.match["wd"])][0]
        for shift in (0, -1, 1):
            if (date + _dt.timedelta(days=shift)).weekday() == weekday:
                return date + _dt.timedelta(days=shift)
    if date is not None and written_weekday is not None and date.weekday() != written_weekday:
        return date + _dt.timedelta(days=(written_weekday - date.weekday() + 3) % 7 - 3)
    return date


def _sentence_of(sentences: Sequence[tuple[int, int, int]], starts: Sequence[int], pos: int) -> tuple[int, int] | None:
    """The sentence (normal-form range) that holds ``pos``, or None."""
    k = bisect.bisect_right(starts, pos) - 1
    return (sentences[k][0], sentences[k][1]) if k >= 0 and pos < sentences[k][1] else None


def _region_dates(
    view: TextView,
    region: tuple[int, int],
    anchor: _dt.datetime | None,
    lex: Lex,
    *,
    hijri_year: int | None,
    sentence_index: tuple[Sequence[tuple[int, int, int]], Sequence[int]],
) -> list[tuple[DateMention, str]]:
    norm = view.norm
    start, end = region
    sentences, starts = sentence_index  # the document's sentences and their starts, made once per document
    cands = candidates(norm, start, end, lex)
    times = _times(norm, start, end, lex)
    out: list[tuple[DateMention, str]] = []
    i = 0
    while i < len(cands):
        cand = cands[i]
        s = cand.start
        value_cand, e, written_weekday, used = _joined(norm, cands, i, end, lex)
        i += 1 + used
        m = cand.match
        if value_cand is cand and cand.form == "weekday":
            ambiguous = lex.weekdays[one_spaced(m["wd"])][1]
            if ambiguous and not (m["part"] or m["yawm"] or m["mod"]):
                continue
        sentence = _sentence_of(sentences, starts, value_cand.start) or region
        try:
            date, cal, granularity = resolve_date(
                norm, value_cand, anchor, lex, hijri_year=hijri_year, sentence=sentence
            )
            date = _weekday_settles(date, cal, cand if value_cand is not cand else None, written_weekday, lex)
        except (ValueError, OverflowError):  # beyond the calendars' range (years 1 to 9999): left unresolved
            date, cal, granularity = None, "gregorian", "day"
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


def _joined(norm: str, cands: list[Cand], i: int, end: int, lex: Lex) -> tuple[Cand, int, int | None, int]:
    """Candidate ``i`` joined with the one right after it when the two write one date: the candidate that gives
    the value, the end of the mention, a weekday written beside a relative day ("أمس الأحد"), and how many
    following candidates the mention took in (0 or 1)."""
    cand = cands[i]
    e = cand.end
    nxt = cands[i + 1] if i + 1 < len(cands) else None
    if cand.form == "weekday" and nxt is not None and nxt.form in ("absolute", "ordinal", "numeric"):
        gap = WEEKDAY_DATE_GAP.match(norm, e, nxt.start)
        if gap and gap.end() == nxt.start:  # "الجمعة 26 يوليو 2024": one date, the absolute one
            return nxt, nxt.end, None, 1
    elif cand.form == "relative" and _is_year_word(cand, lex) and (y := YEAR_AFTER.match(norm, e, end)):
        # "العام الماضي 2014", "هذا العام 1436هـ": the written year is the value
        used = 1 if nxt is not None and nxt.start < y.end() else 0
        return Cand(y.start("y"), y.end(), "year", y), y.end(), None, used
    elif cand.form == "relative" and nxt is not None and nxt.form == "weekday" and not nxt.match["mod"]:
        gap = DAY_WEEKDAY_GAP.match(norm, e, nxt.start)
        if gap and gap.end() == nxt.start:  # "اليوم (الاثنين)": one date, the relative one
            close = CLOSE_PAREN.match(norm, nxt.end, end) if "(" in gap.group() else None
            return cand, close.end() if close else nxt.end, lex.weekdays[one_spaced(nxt.match["wd"])][0], 1
    return cand, e, None, 0


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
    lex = lexicon()
    norm = normalize(text)
    for cand in candidates(norm, 0, len(norm), lex):
        if cand.form in ("absolute", "ordinal", "numeric"):
            try:
                date, _cal, granularity = resolve_date(norm, cand, None, lex, hijri_year=None)
            except (ValueError, OverflowError):  # beyond the calendars' range
                continue
            if date is not None and granularity == "day":
                return date
    return None


def extract_with_forms(doc: Doc) -> list[tuple[DateMention, str]]:
    """:func:`extract_dates` with the form of each mention (absolute, ordinal, numeric, month_year, year, prep_year,
    weekday, relative, ago): for benchmarks and diagnostics."""
    view, anchor = doc.view, doc.anchor
    if not view.norm:
        return []
    lex = lexicon()
    if anchor is not None and anchor.tzinfo is not None:
        anchor = anchor.replace(tzinfo=None)  # a local publication time: its calendar day is what counts
    regions = doc.regions
    hijri_year = None
    if anchor is not None and anchor.date() >= HIJRI_EPOCH and hijri_context(view.norm, regions, lex):
        try:
            hijri_year = gregorian_to_hijri(anchor.date())[0]  # bare years of its era may be Hijri
        except (ValueError, OverflowError):  # an anchor at the calendar's edge ("9999-12-31")
            hijri_year = None
    seen: set[tuple[int, int]] = set()
    found: list[tuple[DateMention, str]] = []
    starts = [s for s, _e, _r in doc.norm_sentences]
    for nstart, nend in regions:
        found_here = _region_dates(
            view, (nstart, nend), anchor, lex, hijri_year=hijri_year, sentence_index=(doc.norm_sentences, starts)
        )
        for mention, form in found_here:
            if (mention.start, mention.end) not in seen:
                seen.add((mention.start, mention.end))
                found.append((mention, form))
    found.sort(key=lambda pair: pair[0].start)
    return found


def extract_dates(doc: Doc) -> tuple[DateMention, ...]:
    """Every date expression in the article's text regions, in order, resolved against the document's
    :attr:`~arnews.document.Doc.anchor` (the publication date); without one, expressions that need it get
    ``value=None``.
    """
    return tuple(mention for mention, _form in extract_with_forms(doc))

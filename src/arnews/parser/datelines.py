"""Datelines (place, agency, reporter, date) at the head of the first paragraph, and the dates of source notes."""

from __future__ import annotations

import datetime as _dt
import re
from functools import lru_cache

from attrs import frozen

from arnews.core.lexicons import known_names, load_list, load_set, load_table
from arnews.core.text import TextView, normalize
from arnews.dates import read_date
from arnews.kb import KnowledgeBase, default_kb
from arnews.parser.lines import DASH, SEP, Line, agencies, agency_re, phrase_key

# --- dates of source notes ---------------------------------------------------------------------------------

_CLOCK = re.compile(r"(?<!\d)(?P<H>\d{1,2}):(?P<M>[0-5]\d)(?!\d)")
_ISO_LIKE = re.compile(  # on the normal form, where Latin letters are lower case ("2015-07-22t10:05")
    r"(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?:[ t]+(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?)?"
)
_DMY = re.compile(
    r"(?P<d>\d{1,2})[-/.](?P<m>\d{1,2})[-/.](?P<y>\d{4})(?:\s+(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?)?"
)


def parse_datetime(text: str) -> _dt.datetime | None:
    """A date-time written in a source note or dateline: ISO-like numbers first, then a date in words (every
    month-name family, Hijri months: :func:`arnews.dates.read_date`) with a clock time beside it, then dateparser.

    >>> parse_datetime("نشر في 3 كانون الثاني 2016 الساعة 10:30")
    datetime.datetime(2016, 1, 3, 10, 30)
    >>> parse_datetime("2015-07-22T10:05")
    datetime.datetime(2015, 7, 22, 10, 5)
    """
    norm = normalize(text)
    for pattern in (_ISO_LIKE, _DMY):
        m = pattern.search(norm)
        if m:
            try:
                return _dt.datetime(
                    int(m["y"]), int(m["m"]), int(m["d"]), int(m["H"] or 0), int(m["M"] or 0), int(m["S"] or 0)
                )
            except ValueError:
                continue
    if not re.search(r"\d", norm):
        return None
    day = read_date(text)
    if day is not None:
        clock = _CLOCK.search(norm)
        hour, minute = (int(clock["H"]), int(clock["M"])) if clock and int(clock["H"]) < 24 else (0, 0)
        return _dt.datetime(day.year, day.month, day.day, hour, minute)
    import dateparser  # heavy: imported only when a note has a date no rule reads

    # absolute dates only: a relative one ("منذ 5 دقائق") would be read against the clock of the run
    settings = {
        "PREFER_DAY_OF_MONTH": "first",
        "RETURN_AS_TIMEZONE_AWARE": False,
        "REQUIRE_PARTS": ["year"],
        "PARSERS": ["custom-formats", "absolute-time"],
    }
    parsed: _dt.datetime | None = dateparser.parse(text, languages=["ar", "en"], settings=settings)
    return parsed


@lru_cache(maxsize=1)
def _dateline_res() -> list[re.Pattern[str]]:
    agency = agency_re()
    # a place word holds no dash: dashes separate the parts, and a run of them must not be split between the two
    # (that backtracking was exponential on a line of dashes)
    place = r"[^\s.،:؛,()«»\"“”0-9" + DASH + "]+"
    places = rf"{place}(?:\s{place}){{0,2}}(?:\s*[،,]\s*{place}(?:\s{place}){{0,2}})?"
    months = r"\S+"
    aside = r"(?:\s*[" + DASH + r"]?\s*\([^()]{1,60}\))?"  # "(ليبيا)", "(تصوير: فلان)" before the colon
    return [
        # الرياض 06 شوال 1436 هـ الموافق 22 يوليو 2015 م واس
        re.compile(
            rf"^(?P<dl>(?P<place>{places})\s+\d{{1,2}}\s+{months}(?:\s+{months})?\s+\d{{4}}\s*(?:ه|هـ)?\s*"
            rf"(?:الموافق\s+\d{{1,2}}\s+{months}\s+\d{{4}}\s*م?)?\s*(?P<agency>{agency}))\s*[:{DASH}]?\s*"
        ),
        # القاهرة (رويترز) - / (رويترز) -
        re.compile(rf"^(?P<dl>(?:(?P<place>{places})\s*)?\((?P<agency>{agency})\))\s*[:{DASH}]?\s*"),
        # واس - الرياض: / رويترز- بنغازي (ليبيا): / سبق- جدة (تصوير: فلان):
        re.compile(rf"^(?P<dl>(?P<agency>{agency}){SEP}(?P<place>{places}){aside})\s*[:{DASH}]\s*"),
        # الرياض - واس / طوكيو 01- واس (the day) / الكويت - أحمد العويد، واس / بروفينسيتاون ، ماساتشوستس –
        re.compile(
            rf"^(?P<dl>(?P<place>{places})(?:\s+\d{{1,2}})?(?:{SEP}|\s*:\s*)(?:(?P<agency>{agency})|(?P<author>{place}(?:\s{place}){{1,2}})\s*[،,]\s*(?P<agency2>{agency})))"
            rf"\s*[:{DASH}]?(?:\s+|$)"
        ),
        # سبق ـ أبها: / فهد الغبيوي - سبق - مكة المكرمة: / بدر الجبل-مهنا التميمي-سبق-تبوك-القريات:
        # (reporters, outlet, region, then place, closed by a colon)
        re.compile(rf"^(?P<dl>(?:{places}{SEP}){{1,4}}(?P<place>{places}){aside})\s*:\s*"),
        # الرياض - ... (a bare place: it must be a known one, see _BARE_PLACE)
        re.compile(rf"^(?P<dl>(?P<place>{places})){SEP}(?=\S)"),
        # خالد سجاف ـ الدمام ... / الرياضي ـ الكويت  (reporter or outlet, then a known place: see _WHO_PLACE)
        re.compile(rf"^(?P<who>{place}(?:\s{place}){{0,2}}){SEP}(?P<rest>{place}(?:\s{place})?)(?=\s|$)"),
        # لندن: فلان الفلاني  (a line of its own)
        re.compile(rf"^(?P<dl>(?P<place>{place}(?:\s{place})?)\s*:\s*(?P<author>{place}(?:\s{place}){{1,3}}))\s*$"),
    ]


_CHAIN = 4  # index in _dateline_res() of "reporters – outlet – place:", whose first parts name people
_BARE_PLACE = 5  # index of the bare "place –" form, the one that needs a known place
_WHO_PLACE = 6  # index of "reporter or outlet – place", whose place must be known


@lru_cache(maxsize=1)
def _listed_places() -> frozenset[str]:
    return frozenset(phrase_key(n.text) for n in known_names() if n.kind == "LOC")


def _known_place(phrase: str, kb: KnowledgeBase | None) -> bool:
    """Some part of a dateline phrase ("بروفينسيتاون ، ماساتشوستس") is a place the lexicons or the KB know (the
    pipeline's KB; the bundled one, loaded once, when none is given)."""
    if kb is None:
        kb = default_kb()
    for part in re.split(r"\s*[،,]\s*", phrase.strip()):
        k = phrase_key(part)
        if k in _listed_places():
            return True
        if any(c.entry.type == "LOC" and c.how in ("exact", "alias") for c in kb.lookup(k)):
            return True
    return False


@frozen
class Dateline:
    """What a dateline says, in normal-form offsets of the text: its whole extent, its place (None when it names
    none: "(رويترز) -", "فلان – عين اليوم"), the agency, the outlet, the reporters, and a date."""

    nstart: int
    nend: int
    place: tuple[int, int] | None = None
    agency: str | None = None
    outlet: str | None = None
    reporters: tuple[str, ...] = ()
    published: _dt.datetime | None = None


@lru_cache(maxsize=1)
def outlets() -> dict[str, str]:
    """Newspapers and sites as datelines and bylines name them (``outlets.tsv``): key -> canonical name."""
    return {phrase_key(alias): canonical for alias, canonical in load_table("outlets")}


@lru_cache(maxsize=1)
def _desks() -> frozenset[str]:
    return frozenset(phrase_key(w) for w in load_list("dateline_desks"))


def _credit_word(phrase: str) -> bool:
    """An agency, an outlet or a desk word ("متابعات"): a part of a dateline that names no place."""
    k = phrase_key(phrase)
    return k in agencies() or k in outlets() or k in _desks()


def _reporter(phrase: str) -> bool:
    """Two to four words, none of them a credit word: a person who signs the dateline."""
    words = phrase.split()
    return 2 <= len(words) <= 4 and not _credit_word(phrase) and not any(w.isdigit() for w in words)


def find_dateline(view: TextView, line: Line, kb: KnowledgeBase | None) -> Dateline | None:
    """The dateline at the head of a paragraph (or the whole of a short line), or None."""
    norm = view.norm[line.nstart : line.nend]
    for i, pattern in enumerate(_dateline_res()):
        m = pattern.match(norm)
        if not m:
            continue
        if i == _BARE_PLACE and (len(m["dl"].split()) > 5 or m.end() >= len(norm) or not _known_place(m["dl"], kb)):
            continue  # a bare "place –" needs a short known place and text after it ("أكد الوزير - ..." is none)
        if i == _WHO_PLACE:
            found = _who_place(view, line, m, kb)
            if found is None:
                continue
            return found
        groups = m.groupdict()
        agency_n = groups.get("agency") or groups.get("agency2")
        agency = agencies().get(phrase_key(agency_n)) if agency_n else None
        reporters: list[str] = []
        if groups.get("author"):
            s, e = view.raw_span(line.nstart + m.start("author"), line.nstart + m.end("author"))
            reporters.append(view.raw[s:e])
        outlet = None
        if i == _CHAIN:  # reporters and outlets before the place: "منى سعد - سبق - المدينة المنورة:"
            for piece in re.split(SEP, m["dl"][: m.start("place") - m.start("dl")]):
                part = piece.strip()
                k = phrase_key(part)
                outlet = outlet or outlets().get(k)
                agency = agency or agencies().get(k)
                if _reporter(part):
                    reporters.append(_raw_of(view, line, norm, part))
        published = None
        if i == 0:  # the Gregorian date after "الموافق", else the whole (Hijri) date
            gregorian = re.search(r"الموافق\s+(\d{1,2}\s+\S+\s+\d{4})", m["dl"])
            published = parse_datetime(gregorian.group(1) if gregorian else m["dl"])
        place = None
        if groups.get("place"):
            place = (line.nstart + m.start("place"), line.nstart + m.end("place"))
            if _credit_word(m["place"]):
                place = None  # "عين اليوم – متابعات"
        return Dateline(
            line.nstart + m.start("dl"),
            line.nstart + m.end("dl"),
            place,
            agency,
            outlet,
            tuple(reporters),
            published,
        )
    return None


def _raw_of(view: TextView, line: Line, norm: str, part: str) -> str:
    """The raw text of ``part``, a piece of the normal form of ``line``."""
    at = norm.find(part)
    s, e = view.raw_span(line.nstart + at, line.nstart + at + len(part))
    return view.raw[s:e]


def _who_place(view: TextView, line: Line, m: re.Match[str], kb: KnowledgeBase | None) -> Dateline | None:
    """A reporter (two words or more) or an outlet, a dash, then a place the lexicons or the KB know (two words
    tried before one): "خالد سجاف ـ الدمام أعرب ...". After an outlet, any short word that is no credit word is the
    place ("عين اليوم – برشلونة"); a reporter, a dash and an outlet or agency is a dateline without a place
    ("علي السحاري – عين اليوم"). A line that opens with a known place is the bare form."""
    who = m["who"]
    if _known_place(who, kb):
        return None
    who_k = phrase_key(who)
    outlet = outlets().get(who_k)
    agency = agencies().get(who_k)
    reporters: tuple[str, ...] = ()
    if outlet is None and agency is None and len(who.split()) >= 2:
        s, e = view.raw_span(line.nstart + m.start("who"), line.nstart + m.end("who"))
        reporters = (view.raw[s:e],)
    words = m["rest"].split()
    rest_start = line.nstart + m.start("rest")
    for n in (2, 1):
        if len(words) < n:
            continue
        phrase = " ".join(words[:n])  # the words are one whitespace apart
        end = rest_start + len(phrase)
        if _known_place(phrase, kb):
            return Dateline(line.nstart, end, (rest_start, end), agency, outlet, reporters)
        k = phrase_key(phrase)
        credit_outlet, credit_agency = outlets().get(k), agencies().get(k)
        if (credit_outlet or credit_agency) and (reporters or outlet or agency):
            return Dateline(line.nstart, end, None, agency or credit_agency, outlet or credit_outlet, reporters)
    if (outlet or agency) and len(words) == 1 and m.end() == len(view.norm[line.nstart : line.nend]):
        end = rest_start + len(words[0])
        place = None if _credit_word(words[0]) or words[0] in _function_words() else (rest_start, end)
        return Dateline(line.nstart, end, place, agency, outlet, reporters)
    return None


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    return load_set("common_words")

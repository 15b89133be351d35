"""Structure: title, dateline, paragraphs, photo captions, bylines, source notes and site furniture.

The parser reads plain text as people have it (copied pages, scraped feeds, re-published translations): one
line a paragraph or blocks separated by blank lines. It classifies each line by the lexicons in
``data/lexicons/ar`` and returns a :class:`Structure` whose spans index the input exactly.
"""

from __future__ import annotations

import datetime as _dt
import re
from functools import lru_cache
from urllib.parse import urlsplit

from attrs import field, frozen

from arnews.lexicons import load_list, load_set, load_table
from arnews.models import Caption, Paragraph, Source, Span
from arnews.regexes import alternation
from arnews.text import TextView, normalize

__all__ = ["Structure", "parse_datetime", "parse_structure"]

_PUNCT = re.compile(r"[^\w\s%]")
_MAX_NOTE = 200  # characters: source notes and bylines are short lines
_WEB_ADDRESS = re.compile(r"^(?:https?://|www\.)\S+$|^[\w-]+(?:\.[\w-]+)+(?:/\S*)?$")
_DASHES = "-–—ـ−"
_DASH = r"\-–—ـ−"  # for use inside a regex character class
_SEP = rf"\s*[{_DASH}]+\s*"


@frozen
class Structure:
    """The parts of an article's page, found by :func:`parse_structure`."""

    title: Span | None = None
    dateline: Span | None = None
    paragraphs: tuple[Paragraph, ...] = ()
    captions: tuple[Caption, ...] = ()
    source: Source = field(factory=Source)
    published: _dt.datetime | None = None
    removed: tuple[Span, ...] = ()

    def regions(self) -> list[tuple[int, int]]:
        """The input ranges that hold article text (title, dateline, paragraphs, captions), in order."""
        spans: list[Span] = [s for s in (self.title, self.dateline) if s is not None]
        spans.extend(self.paragraphs)
        for cap in self.captions:
            spans.extend(s for s in (cap.title_span, cap) if s is not None)
        return sorted({(s.start, s.end) for s in spans})


# --- lexicons, compiled once -----------------------------------------------------------------------------


def key(text: str) -> str:
    """The matching key of a line: normal form without punctuation, spaces collapsed."""
    return " ".join(_PUNCT.sub(" ", normalize(text)).split())


@lru_cache(maxsize=1)
def _furniture() -> dict[str, list[str]]:
    kinds: dict[str, list[str]] = {"line": [], "prefix": [], "end": [], "cut": []}
    for phrase, kind in load_table("furniture"):
        kinds[kind].append(key(phrase))
    return kinds


@lru_cache(maxsize=1)
def _cut_pattern() -> re.Pattern[str] | None:
    phrases = [re.escape(normalize(p)) for p, kind in load_table("furniture") if kind == "cut"]
    return re.compile("|".join(phrases)) if phrases else None


@lru_cache(maxsize=1)
def _agencies() -> dict[str, str]:
    return {key(alias): canonical for alias, canonical, _qid in load_table("agencies")}


@lru_cache(maxsize=1)
def _agency_re() -> str:
    # agency names as they stand in the normal form (dots and spaces tolerated between letters of acronyms)
    alts = []
    for alias in {normalize(a) for a, _c, _q in load_table("agencies")}:
        alts.append(r"\.?\s?".join(re.escape(part) for part in re.split(r"[\s.]+", alias) if part))
    return "|".join(sorted(alts, key=len, reverse=True))


@lru_cache(maxsize=1)
def _source_labels() -> list[tuple[str, str]]:
    rows = [(key(label), fieldname) for label, fieldname in load_table("source_notes")]
    return sorted(rows, key=lambda r: len(r[0]), reverse=True)


@lru_cache(maxsize=1)
def _byline_re() -> re.Pattern[str]:
    words = [normalize(row[0]) for row in load_table("bylines")]
    return re.compile(rf"^[{_DASH}\s]*(?P<word>{alternation(words)})\s*[:：{_DASH}]?\s*(?P<rest>.*)$")


@lru_cache(maxsize=1)
def _byline_roles() -> dict[str, tuple[str, str]]:
    """word -> (role, mark) from bylines.tsv."""
    return {normalize(w): (role, mark) for w, role, mark in load_table("bylines")}


@lru_cache(maxsize=1)
def _contribution_re() -> re.Pattern[str]:
    tasks = alternation(sorted(load_set("byline_tasks")))
    return re.compile(rf"(?P<names>.+?)\s+(?:في|ب)\s*(?:{tasks})")


@lru_cache(maxsize=1)
def _credit_re() -> re.Pattern[str]:
    labels = alternation([normalize(w) for w in load_list("photo_credit_labels")])
    agency = _agency_re()
    return re.compile(
        rf"^(?:(?:{labels})\s*[:：{_DASH}]\s*\S.{{0,80}}"  # تصوير: فلان
        rf"|[^/\n]{{2,60}}\s/\s*(?:{agency})(?:\s.{{0,30}})?"  # فلان / جيتي إيماجيز
        rf"|\(?(?:{agency})\)?)$"  # (رويترز)
    )


@lru_cache(maxsize=1)
def _translators() -> dict[str, str]:
    return {key(name): canonical for name, canonical in load_table("translators")}


# --- lines -------------------------------------------------------------------------------------------------


@frozen
class _Line:
    start: int  # raw offsets, whitespace trimmed
    end: int
    nstart: int  # normal-form offsets
    nend: int
    block: int  # lines of one block have no blank line between them


def _lines(view: TextView) -> list[_Line]:
    lines: list[_Line] = []
    block = 0
    norm = view.norm
    pos = 0
    for chunk in norm.split("\n"):
        nstart, nend = pos, pos + len(chunk)
        pos = nend + 1
        while nstart < nend and norm[nstart].isspace():
            nstart += 1
        while nend > nstart and norm[nend - 1].isspace():
            nend -= 1
        if nend == nstart:
            block += 1
            continue
        start, end = view.raw_span(nstart, nend)
        lines.append(_Line(start, end, nstart, nend, block))
    return lines


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
    from arnews.dates import read_date  # the dates stage reads the parser's Structure: imported here, not above

    day = read_date(text)
    if day is not None:
        clock = _CLOCK.search(norm)
        hour, minute = (int(clock["H"]), int(clock["M"])) if clock and int(clock["H"]) < 24 else (0, 0)
        return _dt.datetime(day.year, day.month, day.day, hour, minute)
    import dateparser  # heavy: imported only when a note has a date no rule reads

    settings = {"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False, "REQUIRE_PARTS": ["year"]}
    parsed: _dt.datetime | None = dateparser.parse(text, languages=["ar", "en"], settings=settings)
    return parsed


# --- the parser --------------------------------------------------------------------------------------------


def _line_key(view: TextView, line: _Line) -> str:
    return " ".join(_PUNCT.sub(" ", view.norm[line.nstart : line.nend]).split())


def _furniture_kind(k: str) -> str | None:
    table = _furniture()
    if not k:
        return "line"  # punctuation only ("* * *", ". . .")
    for kind in ("end", "line"):
        if k in table[kind]:
            return kind
    if any(k.startswith(p) for p in table["prefix"]):
        return "line"
    return None


def _is_breadcrumb(view: TextView, line: _Line) -> bool:
    text = view.norm[line.nstart : line.nend]
    parts = [p.strip() for p in re.split(r"[>»›|/\\]", text)]
    return len(parts) >= 2 and key(parts[0]) in _furniture()["line"] and all(len(p.split()) <= 4 for p in parts)


def _source_note(view: TextView, line: _Line, k: str) -> tuple[str, str] | None:
    """(field, value) when the line (whose key is ``k``) is a re-publisher note such as "الموقع : www.cbsnews.com"."""
    if len(k) > _MAX_NOTE:
        return None  # a paragraph, not a note
    norm = view.norm[line.nstart : line.nend]
    for label, fieldname in _source_labels():
        if k == label:
            return fieldname, ""
        if k.startswith(label + " ") or (fieldname != "translator" and k.startswith(label)):
            # the value is what follows the label and its colon in the line itself (raw characters)
            after = len(_match_prefix(norm, label))
            colon = re.match(r"\s*[:：\-–]?\s*", norm[after:])
            if fieldname == "translator" and not (colon and colon.group().strip() in (":", "：")):
                continue  # "ترجمة" opening a sentence is not a credit
            rs, re_ = view.raw_span(line.nstart + after + (colon.end() if colon else 0), line.nend)
            return fieldname, view.raw[rs:re_].strip()
    return None


def _match_prefix(norm: str, label_key: str) -> str:
    """The shortest prefix of ``norm`` whose key is ``label_key``."""
    words = label_key.split()
    m = re.match(r"\W*" + r"\W+".join(re.escape(w) for w in words), norm)
    return m.group() if m else ""


def _byline(view: TextView, line: _Line) -> tuple[str, list[str]] | None:
    """(role, names) when the line credits an author or contributors."""
    norm = view.norm[line.nstart : line.nend]
    if len(norm) > _MAX_NOTE:
        return None
    m = _byline_re().match(norm)
    if not m:
        return None
    role, mark = _byline_roles().get(m["word"], ("author", "colon"))
    rest_n = m["rest"]
    if role == "contributors":
        cm = _contribution_re().match(rest_n)
        if not cm:
            return None
        offset = line.nstart + m.start("rest")
        rs, re_ = view.raw_span(offset + cm.start("names"), offset + cm.end("names"))
    else:
        if not rest_n or len(rest_n.split()) > 6 or not re.match(r"^[\w\s.،,]+$", rest_n):
            return None
        if mark == "colon" and not re.search(rf"[:：{_DASH}]", norm[: m.start("rest")]):
            return None  # "كتب الرئيس ...", "إعداد الكوادر ..." open sentences unless a colon or dash marks a byline
        rs, re_ = view.raw_span(line.nstart + m.start("rest"), line.nend)
    names = [n.strip(" .،,") for n in re.split(r"\s*(?:،|,|\sو(?=\S))\s*", view.raw[rs:re_]) if n.strip(" .،,")]
    return (role or "author"), names


def _caption_credit(view: TextView, line: _Line) -> bool:
    norm = view.norm[line.nstart : line.nend].strip()
    return len(norm) <= 120 and bool(_credit_re().match(norm))


@lru_cache(maxsize=1)
def _dateline_res() -> list[re.Pattern[str]]:
    agency = _agency_re()
    place = r"[^\s.،:؛,()«»\"“”0-9]+"
    places = rf"{place}(?:\s{place}){{0,2}}(?:\s*[،,]\s*{place}(?:\s{place}){{0,2}})?"
    months = r"\S+"
    aside = r"(?:\s*[" + _DASH + r"]?\s*\([^()]{1,60}\))?"  # "(ليبيا)", "(تصوير: فلان)" before the colon
    return [
        # الرياض 06 شوال 1436 هـ الموافق 22 يوليو 2015 م واس
        re.compile(
            rf"^(?P<dl>(?P<place>{places})\s+\d{{1,2}}\s+{months}(?:\s+{months})?\s+\d{{4}}\s*(?:ه|هـ)?\s*"
            rf"(?:الموافق\s+\d{{1,2}}\s+{months}\s+\d{{4}}\s*م?)?\s*(?P<agency>{agency}))\s*[:{_DASH}]?\s*"
        ),
        # القاهرة (رويترز) - / (رويترز) -
        re.compile(rf"^(?P<dl>(?:(?P<place>{places})\s*)?\((?P<agency>{agency})\))\s*[:{_DASH}]?\s*"),
        # واس - الرياض: / رويترز- بنغازي (ليبيا): / سبق- جدة (تصوير: فلان):
        re.compile(rf"^(?P<dl>(?P<agency>{agency}){_SEP}(?P<place>{places}){aside})\s*[:{_DASH}]\s*"),
        # الرياض - واس / الكويت - أحمد العويد، واس / بروفينسيتاون ، ماساتشوستس –
        re.compile(
            rf"^(?P<dl>(?P<place>{places})(?:{_SEP}|\s*:\s*)(?:(?P<agency>{agency})|(?P<author>{place}(?:\s{place}){{1,2}})\s*[،,]\s*(?P<agency2>{agency})))"
            rf"\s*[:{_DASH}]?(?:\s+|$)"
        ),
        # سبق ـ أبها: / فهد الغبيوي - سبق - مكة المكرمة:  (reporters, outlet, then place, closed by a colon)
        re.compile(rf"^(?P<dl>(?:{places}{_SEP}){{1,3}}(?P<place>{places}){aside})\s*:\s*"),
        # الرياض - ... (a bare place: it must be a known one, see _BARE_PLACE)
        re.compile(rf"^(?P<dl>(?P<place>{places})){_SEP}(?=\S)"),
        # خالد سجاف ـ الدمام ... / الرياضي ـ الكويت  (reporter or outlet, then a known place: see _WHO_PLACE)
        re.compile(rf"^(?P<who>{place}(?:\s{place}){{0,2}}){_SEP}(?P<rest>{place}(?:\s{place})?)(?=\s|$)"),
        # لندن: فلان الفلاني  (a line of its own)
        re.compile(rf"^(?P<dl>(?P<place>{place}(?:\s{place})?)\s*:\s*(?P<author>{place}(?:\s{place}){{1,3}}))\s*$"),
    ]


_BARE_PLACE = 5  # index in _dateline_res() of the bare "place –" form, the one that needs a known place
_WHO_PLACE = 6  # index of "reporter or outlet – place", whose place must be known


@lru_cache(maxsize=1)
def _listed_places() -> frozenset[str]:
    return frozenset(key(name) for name, kind in load_table("known_names") if kind == "LOC")


def _known_place(phrase: str) -> bool:
    """Some part of a dateline phrase ("بروفينسيتاون ، ماساتشوستس") is a place the lexicons or the KB know."""
    from arnews.kb import default_kb  # loaded once, only when a bare dateline needs checking

    kb = default_kb()
    for part in re.split(r"\s*[،,]\s*", phrase.strip()):
        k = key(part)
        if k in _listed_places():
            return True
        if any(c.entry.type == "LOC" and c.how in ("exact", "alias") for c in kb.lookup(k)):
            return True
    return False


def _dateline(view: TextView, line: _Line) -> tuple[int, int, str | None, str | None, _dt.datetime | None] | None:
    """(normal start, normal end of the dateline, agency, author, date) at the head of a paragraph."""
    norm = view.norm[line.nstart : line.nend]
    for i, pattern in enumerate(_dateline_res()):
        m = pattern.match(norm)
        if not m:
            continue
        if i == _BARE_PLACE and (len(m["dl"].split()) > 5 or m.end() >= len(norm) or not _known_place(m["dl"])):
            continue  # a bare "place –" needs a short known place and text after it ("أكد الوزير - ..." is none)
        if i == _WHO_PLACE:
            return _who_place(view, line, m)
        groups = m.groupdict()
        agency_n = groups.get("agency") or groups.get("agency2")
        agency = _agencies().get(key(agency_n)) if agency_n else None
        author = None
        if groups.get("author"):
            s, e = view.raw_span(line.nstart + m.start("author"), line.nstart + m.end("author"))
            author = view.raw[s:e]
        published = None
        if i == 0:  # the Gregorian date after "الموافق", else the whole (Hijri) date
            gregorian = re.search(r"الموافق\s+(\d{1,2}\s+\S+\s+\d{4})", m["dl"])
            published = parse_datetime(gregorian.group(1) if gregorian else m["dl"])
        return line.nstart + m.start("dl"), line.nstart + m.end("dl"), agency, author, published
    return None


def _who_place(
    view: TextView, line: _Line, m: re.Match[str]
) -> tuple[int, int, str | None, str | None, _dt.datetime | None] | None:
    """A reporter (two words or more) or an outlet, a dash, then a place the lexicons or the KB know (two words
    tried before one): "خالد سجاف ـ الدمام أعرب ...". A line that opens with a known place is the bare form."""
    if _known_place(m["who"]):
        return None
    words = m["rest"].split()
    for n in (2, 1):
        if len(words) >= n and _known_place(" ".join(words[:n])):
            end = m.start("rest") + len(" ".join(words[:n]))  # the words are one whitespace apart
            who = m["who"]
            agency = _agencies().get(key(who))
            author = None
            if agency is None and len(who.split()) >= 2:
                s, e = view.raw_span(line.nstart + m.start("who"), line.nstart + m.end("who"))
                author = view.raw[s:e]
            return line.nstart, line.nstart + end, agency, author, None
    return None


def _span(view: TextView, nstart: int, nend: int) -> Span:
    s, e = view.raw_span(nstart, nend)
    return Span(view.raw[s:e], s, e)


def _trim(view: TextView, nstart: int, nend: int) -> tuple[int, int]:
    norm = view.norm
    while nstart < nend and (norm[nstart].isspace() or norm[nstart] in _DASHES + ":،,"):
        nstart += 1
    while nend > nstart and norm[nend - 1].isspace():
        nend -= 1
    return nstart, nend


def _site_from_url(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url if "//" in url else "//" + url).hostname
    return host or None


def parse_structure(view: TextView, *, url: str | None = None) -> Structure:
    """Find the parts of the article in ``view``: the entry point of this stage.

    >>> from arnews.text import view
    >>> structure = parse_structure(view("عنوان الخبر\\n\\nالرياض - واس\\nافتتح الوزير المشروع."))
    >>> structure.title.text, structure.dateline.text, [p.text for p in structure.paragraphs]
    ('عنوان الخبر', 'الرياض - واس', ['افتتح الوزير المشروع.'])
    """
    lines = _lines(view)
    removed: list[Span] = []
    notes: dict[str, str] = {}
    contributors: list[str] = []
    author: str | None = None
    translated = False
    translator: str | None = None
    body: list[_Line] = []

    # 1. furniture, notes and bylines out; the rest is candidate text
    cut_re = _cut_pattern()
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        k = _line_key(view, line)
        kind = _furniture_kind(k)
        if kind is None and _is_breadcrumb(view, line):
            kind = "line"
        if kind == "end":
            removed.extend(_span(view, ln.nstart, ln.nend) for ln in lines[index - 1 :])
            break
        if kind == "line":
            removed.append(_span(view, line.nstart, line.nend))
            continue
        if cut_re is not None:
            m = cut_re.search(view.norm, line.nstart, line.nend)
            if m:
                removed.append(_span(view, m.start(), line.nend))
                nstart, nend = _trim(view, line.nstart, m.start())
                if nend > nstart:
                    body.append(_Line(*view.raw_span(nstart, nend), nstart, nend, line.block))
                continue
        note = _source_note(view, line, k)
        if note is not None and note[0] == "url" and note[1] and not _WEB_ADDRESS.match(note[1]):
            note = None  # "رابط الخبر بصحيفة ..." is no address
        if note is not None:
            fieldname, value = note
            removed.append(_span(view, line.nstart, line.nend))
            if fieldname == "translated":
                translated = True
                translator = _translators().get(key(value), value or None) if value else translator
            elif fieldname == "translator":
                translated = True
                translator = value or translator
            elif fieldname != "header" and value:
                notes.setdefault(fieldname, value)
            continue
        byline = _byline(view, line) if len(body) > 0 or index > 1 else None
        if byline is not None:
            role, names = byline
            removed.append(_span(view, line.nstart, line.nend))
            if role == "contributors":
                contributors.extend(names)
            elif names and author is None:
                author = " و".join(names) if len(names) > 1 else names[0]
            continue
        body.append(line)

    # 2. photo captions: a credit line, and the one or two lines of the block before it
    captions: list[Caption] = []
    caption_lines: set[int] = set()
    for i, line in enumerate(body):
        if i == 0 or not _caption_credit(view, line):
            continue
        block_id = body[i - 1].block
        group = []
        for j in range(i - 1, max(0, i - 4), -1):  # three lines back at most: a caption has two
            if body[j].block != block_id or j in caption_lines:
                break
            group.append(j)
        if not group or len(group) > 2 or (group[-1] == 1 and body[0].block == block_id):
            continue  # a caption is one or two lines of their own; a longer block is body text
        text_line = body[group[0]]
        title_line = body[group[1]] if len(group) == 2 else None
        credit = _span(view, line.nstart, line.nend)
        text = _span(view, text_line.nstart, text_line.nend)
        heading = _span(view, title_line.nstart, title_line.nend) if title_line else None
        captions.append(
            Caption(
                text.text,
                text.start,
                text.end,
                title=heading.text if heading else None,
                credit=credit.text,
                title_span=heading,
                credit_span=credit,
            )
        )
        caption_lines.update(group)
        caption_lines.add(i)
    kept = [ln for j, ln in enumerate(body) if j not in caption_lines]

    # 3. title, then a dateline at the head of the first paragraph
    title: Span | None = None
    if kept:
        first = kept[0]
        title = _span(view, first.nstart, first.nend)
        kept = kept[1:] if len(kept) > 1 else kept
    dateline: Span | None = None
    agency: str | None = None
    published: _dt.datetime | None = None
    if kept and (len(kept) > 1 or title is None or kept[0].nstart != view.norm_index(title.start)):
        found = _dateline(view, kept[0])
        if found is not None:
            dstart, dend, agency, dl_author, published = found
            dstart, dend = _trim(view, dstart, dend)
            dateline = _span(view, dstart, dend)
            author = author or dl_author
            head = kept[0]
            nstart, nend = _trim(view, dend, head.nend)
            nstart = max(nstart, dend)
            if nend > nstart:
                s, e = view.raw_span(nstart, nend)
                kept[0] = _Line(s, e, nstart, nend, head.block)
            else:
                kept = kept[1:]

    # 4. paragraphs, exact duplicates dropped
    paragraphs: list[Paragraph] = []
    seen: set[str] = set()
    for line in kept:
        k = _line_key(view, line)
        if k in seen:
            removed.append(_span(view, line.nstart, line.nend))
            continue
        seen.add(k)
        s, e = line.start, line.end
        paragraphs.append(Paragraph(view.raw[s:e], s, e))

    if "published" in notes:
        published = parse_datetime(notes["published"]) or published
    site = notes.get("site") or _site_from_url(notes.get("url") or url)
    source = Source(
        site=site,
        url=url or notes.get("url"),
        author=notes.get("author") or author,
        translated=translated,
        translator=translator,
        contributors=tuple(dict.fromkeys(contributors)),
        agency=agency,
    )
    return Structure(
        title=title,
        dateline=dateline,
        paragraphs=tuple(paragraphs),
        captions=tuple(captions),
        source=source,
        published=published,
        removed=tuple(removed),
    )

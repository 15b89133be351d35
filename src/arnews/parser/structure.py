"""The entry of the structure stage: a page's lines sorted into furniture, notes, bylines, captions, title, dateline
and paragraphs.
"""

from __future__ import annotations

import datetime as _dt
import re

from attrs import define, field

from arnews.core.grammar import is_title
from arnews.core.lexicons import load_set
from arnews.core.text import TextView
from arnews.document import Structure
from arnews.kb import KnowledgeBase
from arnews.models import Paragraph, Source, Span
from arnews.pages import Page
from arnews.parser.captions import caption_end, credit_captions, figure_captions
from arnews.parser.datelines import Dateline, find_dateline, parse_datetime
from arnews.parser.lines import (
    WEB_ADDRESS,
    Line,
    agencies,
    credit_line,
    cut_pattern,
    furniture_kind,
    is_breadcrumb,
    is_clock_line,
    is_contact,
    is_signature,
    line_key,
    page_lines,
    phrase_key,
    read_byline,
    site_from_url,
    source_note,
    span_of,
    strip_pattern,
    tag_line_start,
    tail_pattern,
    translators,
    trim,
)

__all__ = ["parse_structure"]


def parse_structure(
    view: TextView, *, url: str | None = None, kb: KnowledgeBase | None = None, page: Page | None = None
) -> Structure:
    """Find the parts of the article in ``view``: the entry point of this stage.

    >>> from arnews.core.text import view
    >>> structure = parse_structure(view("عنوان الخبر\\n\\nالرياض - واس\\nافتتح الوزير المشروع."))
    >>> structure.title.text, structure.dateline.text, [p.text for p in structure.paragraphs]
    ('عنوان الخبر', 'الرياض - واس', ['افتتح الوزير المشروع.'])
    """
    lines = page_lines(view)
    figures = figure_captions(view, page)
    if figures:
        lines = [ln for ln in lines if not any(c.start <= ln.start < caption_end(c) for c in figures)]
    sorted_ = _sort_lines(view, lines)
    captions, kept = credit_captions(view, sorted_.body)
    captions = sorted([*figures, *captions], key=lambda c: c.start)
    title, kept = _title(view, kept)
    signed = [name for line in ([lines[0]] if lines else []) if (name := _signed_heading(view, line)) is not None]
    dateline, found, kept = _head_dateline(view, kept, title, kb)
    place = span_of(view, *trim(view, *found.place)) if found and found.place else None
    paragraphs = _paragraphs(view, kept, sorted_.removed, sorted_.keys)
    source, published = _source(sorted_, found, signed, url, page)
    return Structure(
        title=title,
        dateline=dateline,
        dateline_place=place,
        paragraphs=tuple(paragraphs),
        captions=tuple(captions),
        source=source,
        published=published,
        removed=tuple(sorted_.removed),
    )


def _source(
    sorted_: _Sorted, found: Dateline | None, signed: list[str], url: str | None, page: Page | None
) -> tuple[Source, _dt.datetime | None]:
    """The page's source (site, address, author, credits) and publication date, from its notes, bylines and
    dateline, and a web page's metadata where the text says nothing."""
    notes = sorted_.notes
    reporters = list(found.reporters) if found else []
    published = page.published if page is not None and page.published is not None else None
    published = published or (found.published if found else None)
    if "published" in notes:
        published = parse_datetime(notes["published"]) or published
    url = url or (page.url if page else None)
    site = (
        notes.get("site")
        or (page.site if page else None)
        or site_from_url(notes.get("url") or url)
        or (found.outlet if found else None)
    )
    author = (
        notes.get("author")
        or sorted_.author
        or (page.author if page else None)
        or (reporters[0] if reporters else None)
    )
    source = Source(
        site=site,
        url=url or notes.get("url"),
        author=author,
        categories=page.categories if page else (),
        tags=page.tags if page else (),
        translated=sorted_.translated,
        translator=sorted_.translator,
        # every person the page credits: reporters of the dateline, bylines, contributors
        contributors=tuple(dict.fromkeys([*signed, *reporters, *sorted_.credited, *sorted_.contributors])),
        agency=(found.agency if found else None) or sorted_.agency,
    )
    return source, published


@define
class _Sorted:
    """The lines of a page sorted: candidate body lines, removed spans, and what notes and bylines said."""

    body: list[Line] = field(factory=list)
    removed: list[Span] = field(factory=list)
    notes: dict[str, str] = field(factory=dict)
    contributors: list[str] = field(factory=list)
    credited: list[str] = field(factory=list)  # the names of author bylines
    author: str | None = None
    agency: str | None = None
    translated: bool = False
    translator: str | None = None
    #: The key of each line read (:func:`~arnews.parser.lines.line_key`), by its normal-form offsets: worked out
    #: once, for the furniture tests and for the duplicates among the paragraphs.
    keys: dict[tuple[int, int], str] = field(factory=dict)

    def note(self, fieldname: str, value: str) -> None:
        """Record a source note's field."""
        if fieldname == "translated":
            self.translated = True
            self.translator = translators().get(phrase_key(value), value or None) if value else self.translator
        elif fieldname == "translator":
            self.translated = True
            self.translator = value or self.translator
        elif fieldname != "header" and value:
            self.notes.setdefault(fieldname, value)

    def byline(self, role: str, names: list[str]) -> None:
        """Record a byline's names."""
        if role == "contributors":
            self.contributors.extend(names)
        elif names:
            self.credited.extend(names)
            if self.author is None:
                self.author = " و".join(names) if len(names) > 1 else names[0]

    def credit(self, fieldname: str, name: str) -> None:
        """Record a syndication credit ("خدمة «نيويورك تايمز»")."""
        if fieldname == "agency":
            self.agency = self.agency or agencies().get(phrase_key(name), name)
        else:
            self.notes.setdefault(fieldname, name)

    def remove(self, view: TextView, nstart: int, nend: int) -> None:
        """Record a piece of furniture."""
        if nend > nstart:
            self.removed.append(span_of(view, nstart, nend))

    def keep(self, view: TextView, nstart: int, nend: int, block: int) -> None:
        """Keep what is left of a line once furniture is cut from it."""
        nstart, nend = trim(view, nstart, nend)
        if nend > nstart:
            self.body.append(Line(*view.raw_span(nstart, nend), nstart, nend, block))


def _sort_lines(view: TextView, lines: list[Line]) -> _Sorted:
    """Furniture, source notes and bylines out; the rest is candidate text."""
    out = _Sorted()
    cut_re = cut_pattern()
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        stripped = _strip_head(view, line, out)
        if stripped is None:
            continue
        line = stripped
        if _page_tail(view, lines, index - 1, out):
            break
        k = out.keys[line.nstart, line.nend] = line_key(view, line)
        kind = furniture_kind(k)
        if kind is None and (
            is_breadcrumb(view, line) or is_clock_line(view, line) or is_contact(view, line.nstart, line.nend)
        ):
            kind = "line"
        if kind == "end":
            out.removed.extend(span_of(view, ln.nstart, ln.nend) for ln in lines[index - 1 :])
            break
        if kind == "line":
            out.remove(view, line.nstart, line.nend)
            continue
        if cut_re is not None:
            m = cut_re.search(view.norm, line.nstart, line.nend)
            if m:
                out.remove(view, m.start(), line.nend)
                out.keep(view, line.nstart, m.start(), line.block)
                continue
        note = source_note(view, line, k)
        if note is not None and note[0] == "url" and note[1] and not WEB_ADDRESS.match(note[1]):
            note = None  # "رابط الخبر بصحيفة ..." is no address
        if note is not None:
            out.remove(view, line.nstart, line.nend)
            out.note(*note)
            continue
        credits = credit_line(view, line)
        if credits:
            out.remove(view, line.nstart, line.nend)
            for fieldname, name in credits:
                out.credit(fieldname, name)
            continue
        byline = read_byline(view, line) if len(out.body) > 0 or index > 1 else None
        if byline is not None:
            out.remove(view, line.nstart, line.nend)
            out.byline(*byline)
            continue
        out.body.append(line)
    _page_end(view, out)
    return out


def _strip_head(view: TextView, line: Line, out: _Sorted) -> Line | None:
    """The line without the furniture at its head ("Next Previous" before the dateline); None if nothing is
    left."""
    head = strip_pattern().match(view.norm, line.nstart, line.nend)
    if head is None or head.end() == line.nstart:
        return line
    out.remove(view, *trim(view, line.nstart, head.end()))
    nstart, nend = trim(view, head.end(), line.nend)
    return Line(*view.raw_span(nstart, nend), nstart, nend, line.block) if nend > nstart else None


def _page_tail(view: TextView, lines: list[Line], i: int, out: _Sorted) -> bool:
    """A writer's contact footer or list of other articles inside ``lines[i]``: it and all after it are
    furniture (True), the text before it is kept."""
    line = lines[i]
    tail = tail_pattern().search(view.norm, line.nstart, line.nend)
    if tail is None:
        return False
    if is_contact(view, line.nstart, tail.start()):  # the writer's address glued to the footer
        out.remove(view, *trim(view, line.nstart, tail.start()))
    else:
        out.keep(view, line.nstart, tail.start(), line.block)
    out.remove(view, tail.start(), line.nend)
    for rest in lines[i + 1 :]:
        out.remove(view, rest.nstart, rest.nend)
    return True


def _plain_furniture(view: TextView, line: Line) -> bool:
    """A breadcrumb, an agency time stamp, or a writer's address standing as a line."""
    return is_breadcrumb(view, line) or is_clock_line(view, line) or is_contact(view, line.nstart, line.nend)


def _page_end(view: TextView, out: _Sorted) -> None:
    """The furniture that closes a page: a tag line after the last paragraph's last sentence, and the line that
    signs an opinion piece with its author's profession."""
    if len(out.body) < 2:
        return  # a one-line text is all title and body
    last = out.body[-1]
    if is_signature(view, last):
        out.body.pop()
        out.remove(view, last.nstart, last.nend)
        return
    at = tag_line_start(view, last)
    if at is not None:
        out.body.pop()
        out.remove(view, at, last.nend)
        out.keep(view, last.nstart, at, last.block)


def _title(view: TextView, kept: list[Line]) -> tuple[Span | None, list[Line]]:
    """The first line is the title; a one-line text is its own title and body."""
    if not kept:
        return None, kept
    first = kept[0]
    return span_of(view, first.nstart, first.nend), kept[1:] if len(kept) > 1 else kept


def _signed_heading(view: TextView, line: Line) -> str | None:
    """The name of a writer heading the page with their office ("سعيد بن علي البسامي، رئيس لجنة النقل في غرفة
    جدة"): a person's name (a listed given name first, or a name chain with بن), a comma, then a title."""
    norm = view.norm[line.nstart : line.nend]
    m = _SIGNED.match(norm)
    if m is None or len(norm.split()) > _MAX_SIGNED:
        return None
    name = m["name"].split()
    if any(is_title(w) for w in name) or not is_title(m["office"]):
        return None
    if not (name[0] in load_set("first_names") or any(w in ("بن", "بنت") for w in name[1:-1])):
        return None
    s, e = view.raw_span(line.nstart + m.start("name"), line.nstart + m.end("name"))
    return view.raw[s:e]


_SIGNED = re.compile(r"^(?P<name>[^\W\d_]+(?:\s[^\W\d_]+){1,4})\s*[،,]\s*(?P<office>[^\W\d_]+)")
_MAX_SIGNED = 14  # words


def _head_dateline(
    view: TextView, kept: list[Line], title: Span | None, kb: KnowledgeBase | None
) -> tuple[Span | None, Dateline | None, list[Line]]:
    """A dateline at the head of the first paragraph: its span, what it says, and the lines with the dateline cut
    off the first."""
    if not kept or not (len(kept) > 1 or title is None or kept[0].nstart != view.norm_index(title.start)):
        return None, None, kept
    found = find_dateline(view, kept[0], kb)
    if found is None:
        return None, None, kept
    dstart, dend = trim(view, found.nstart, found.nend)
    dateline = span_of(view, dstart, dend)
    head = kept[0]
    nstart, nend = trim(view, dend, head.nend)
    nstart = max(nstart, dend)
    if nend > nstart:
        s, e = view.raw_span(nstart, nend)
        kept = [Line(s, e, nstart, nend, head.block), *kept[1:]]
    else:
        kept = kept[1:]
    return dateline, found, kept


def _paragraphs(
    view: TextView, kept: list[Line], removed: list[Span], keys: dict[tuple[int, int], str]
) -> list[Paragraph]:
    """The body paragraphs, exact duplicates dropped (and recorded as removed); ``keys``: the lines' keys known
    already, by normal offsets."""
    paragraphs: list[Paragraph] = []
    seen: set[str] = set()
    for line in kept:
        k = keys.get((line.nstart, line.nend))
        if k is None:
            k = line_key(view, line)  # a line cut since it was sorted (its dateline, a tail)
        if k in seen:
            removed.append(span_of(view, line.nstart, line.nend))
            continue
        seen.add(k)
        s, e = line.start, line.end
        paragraphs.append(Paragraph(view.raw[s:e], s, e))
    return paragraphs

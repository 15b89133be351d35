"""The entry of the structure stage: a page's lines sorted into furniture, notes, bylines, captions, title, dateline
and paragraphs.
"""

from __future__ import annotations

import datetime as _dt

from attrs import define, field

from arnews.core.text import TextView
from arnews.document import Structure
from arnews.kb import KnowledgeBase
from arnews.models import Caption, Paragraph, Source, Span
from arnews.parser.datelines import find_dateline, parse_datetime
from arnews.parser.lines import (
    WEB_ADDRESS,
    Line,
    cut_pattern,
    furniture_kind,
    is_breadcrumb,
    is_caption_credit,
    line_key,
    page_lines,
    phrase_key,
    read_byline,
    site_from_url,
    source_note,
    span_of,
    translators,
    trim,
)

__all__ = ["parse_structure"]


def parse_structure(view: TextView, *, url: str | None = None, kb: KnowledgeBase | None = None) -> Structure:
    """Find the parts of the article in ``view``: the entry point of this stage.

    >>> from arnews.core.text import view
    >>> structure = parse_structure(view("عنوان الخبر\\n\\nالرياض - واس\\nافتتح الوزير المشروع."))
    >>> structure.title.text, structure.dateline.text, [p.text for p in structure.paragraphs]
    ('عنوان الخبر', 'الرياض - واس', ['افتتح الوزير المشروع.'])
    """
    lines = page_lines(view)
    sorted_ = _sort_lines(view, lines)
    captions, kept = _captions(view, sorted_.body)
    title, kept = _title(view, kept)
    dateline, found, kept = _head_dateline(view, kept, title, kb)
    agency, dl_author, published = found
    paragraphs = _paragraphs(view, kept, sorted_.removed)
    notes = sorted_.notes
    if "published" in notes:
        published = parse_datetime(notes["published"]) or published
    site = notes.get("site") or site_from_url(notes.get("url") or url)
    source = Source(
        site=site,
        url=url or notes.get("url"),
        author=notes.get("author") or sorted_.author or dl_author,
        translated=sorted_.translated,
        translator=sorted_.translator,
        contributors=tuple(dict.fromkeys(sorted_.contributors)),
        agency=agency,
    )
    return Structure(
        title=title,
        dateline=dateline,
        paragraphs=tuple(paragraphs),
        captions=tuple(captions),
        source=source,
        published=published,
        removed=tuple(sorted_.removed),
    )


@define
class _Sorted:
    """The lines of a page sorted: candidate body lines, removed spans, and what notes and bylines said."""

    body: list[Line] = field(factory=list)
    removed: list[Span] = field(factory=list)
    notes: dict[str, str] = field(factory=dict)
    contributors: list[str] = field(factory=list)
    author: str | None = None
    translated: bool = False
    translator: str | None = None

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
        elif names and self.author is None:
            self.author = " و".join(names) if len(names) > 1 else names[0]


def _sort_lines(view: TextView, lines: list[Line]) -> _Sorted:
    """Furniture, source notes and bylines out; the rest is candidate text."""
    out = _Sorted()
    cut_re = cut_pattern()
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        k = line_key(view, line)
        kind = furniture_kind(k)
        if kind is None and is_breadcrumb(view, line):
            kind = "line"
        if kind == "end":
            out.removed.extend(span_of(view, ln.nstart, ln.nend) for ln in lines[index - 1 :])
            break
        if kind == "line":
            out.removed.append(span_of(view, line.nstart, line.nend))
            continue
        if cut_re is not None:
            m = cut_re.search(view.norm, line.nstart, line.nend)
            if m:
                out.removed.append(span_of(view, m.start(), line.nend))
                nstart, nend = trim(view, line.nstart, m.start())
                if nend > nstart:
                    out.body.append(Line(*view.raw_span(nstart, nend), nstart, nend, line.block))
                continue
        note = source_note(view, line, k)
        if note is not None and note[0] == "url" and note[1] and not WEB_ADDRESS.match(note[1]):
            note = None  # "رابط الخبر بصحيفة ..." is no address
        if note is not None:
            out.removed.append(span_of(view, line.nstart, line.nend))
            out.note(*note)
            continue
        byline = read_byline(view, line) if len(out.body) > 0 or index > 1 else None
        if byline is not None:
            out.removed.append(span_of(view, line.nstart, line.nend))
            out.byline(*byline)
            continue
        out.body.append(line)
    return out


def _captions(view: TextView, body: list[Line]) -> tuple[list[Caption], list[Line]]:
    """Photo captions (a credit line, and the one or two lines of the block before it) and the lines left."""
    captions: list[Caption] = []
    caption_lines: set[int] = set()
    for i, line in enumerate(body):
        if i == 0 or not is_caption_credit(view, line):
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
        credit = span_of(view, line.nstart, line.nend)
        text = span_of(view, text_line.nstart, text_line.nend)
        heading = span_of(view, title_line.nstart, title_line.nend) if title_line else None
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
    return captions, [ln for j, ln in enumerate(body) if j not in caption_lines]


def _title(view: TextView, kept: list[Line]) -> tuple[Span | None, list[Line]]:
    """The first line is the title; a one-line text is its own title and body."""
    if not kept:
        return None, kept
    first = kept[0]
    return span_of(view, first.nstart, first.nend), kept[1:] if len(kept) > 1 else kept


_NoDateline = tuple[str | None, str | None, _dt.datetime | None]


def _head_dateline(
    view: TextView, kept: list[Line], title: Span | None, kb: KnowledgeBase | None
) -> tuple[Span | None, _NoDateline, list[Line]]:
    """A dateline at the head of the first paragraph: its span, (agency, author, published), and the lines with
    the dateline cut off the first."""
    nothing: _NoDateline = (None, None, None)
    if not kept or not (len(kept) > 1 or title is None or kept[0].nstart != view.norm_index(title.start)):
        return None, nothing, kept
    found = find_dateline(view, kept[0], kb)
    if found is None:
        return None, nothing, kept
    dstart, dend, agency, dl_author, published = found
    dstart, dend = trim(view, dstart, dend)
    dateline = span_of(view, dstart, dend)
    head = kept[0]
    nstart, nend = trim(view, dend, head.nend)
    nstart = max(nstart, dend)
    if nend > nstart:
        s, e = view.raw_span(nstart, nend)
        kept = [Line(s, e, nstart, nend, head.block), *kept[1:]]
    else:
        kept = kept[1:]
    return dateline, (agency, dl_author, published), kept


def _paragraphs(view: TextView, kept: list[Line], removed: list[Span]) -> list[Paragraph]:
    """The body paragraphs, exact duplicates dropped (and recorded as removed)."""
    paragraphs: list[Paragraph] = []
    seen: set[str] = set()
    for line in kept:
        k = line_key(view, line)
        if k in seen:
            removed.append(span_of(view, line.nstart, line.nend))
            continue
        seen.add(k)
        s, e = line.start, line.end
        paragraphs.append(Paragraph(view.raw[s:e], s, e))
    return paragraphs

"""Web pages: the article text and metadata of an HTML page.

The main text, title, publication date (``article:published_time``, ``<time datetime>``, JSON-LD), author, site
name, categories and tags come from `trafilatura <https://trafilatura.readthedocs.io>`_ (with lxml), which leaves
navigation, share bars, related-article lists and comments out and decodes entities. Figure captions
(``<figure>``/``<figcaption>``, with a credit in ``<cite>``, ``<small>`` or an element whose class says "credit")
are read before extraction, which drops them.

The page becomes a plain text laid out as arnews reads articles (the title, a blank line, each caption block, then
the paragraphs, blank lines between blocks): :attr:`Page.text`. That is the text the parsed article carries
(:attr:`arnews.Article.text`) and every span of it indexes.

>>> page = read_page("<html><body><h1>عنوان الخبر</h1><p>الرياض&nbsp;- واس</p><p>نص الخبر.</p></body></html>")
>>> print(page.text)
عنوان الخبر
<BLANKLINE>
الرياض - واس
<BLANKLINE>
نص الخبر.
"""

from __future__ import annotations

import datetime as _dt
import json
import re
import warnings
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from attrs import field, frozen

from arnews.errors import InputError

if TYPE_CHECKING:
    from lxml.html import HtmlElement
    from trafilatura.settings import Document

__all__ = ["Figure", "Page", "read_page"]


@frozen
class Figure:
    """A figure caption of the page: the caption's range in :attr:`Page.text` and its credit's, when it has one."""

    start: int
    end: int
    credit: tuple[int, int] | None = None


def _tuple(value: Any) -> tuple[Any, ...]:
    return tuple(value)


@frozen
class Page:
    """What an HTML page holds: the article as plain text, the figure captions in it, and the page's metadata."""

    text: str
    title: str | None = None
    published: _dt.datetime | None = None
    author: str | None = None
    site: str | None = None
    url: str | None = None
    categories: tuple[str, ...] = field(default=(), converter=_tuple)
    tags: tuple[str, ...] = field(default=(), converter=_tuple)
    figures: tuple[Figure, ...] = field(default=(), converter=_tuple)


def read_page(markup: str, *, name: str = "input") -> Page:
    """Read an HTML page (a whole page or a fragment). A page with no article text gives an empty
    :attr:`Page.text` and a warning naming ``name``; markup lxml cannot read at all is an
    :class:`~arnews.errors.InputError` naming it."""
    from lxml import etree, html

    try:
        tree = html.document_fromstring(markup)
    except (etree.ParserError, ValueError) as exc:
        raise InputError(f"{name}: cannot be read as HTML ({exc})") from None
    captions = list(_figures(tree))
    # a whole page goes through trafilatura; a fragment (an article body, no <html> or <body>) is the article
    found = _extract(tree) if _PAGE.search(markup) else None
    title = _clean(found.title) if found is not None and found.title else None
    blocks = list(_blocks(found.body)) if found is not None and found.body is not None else []
    if not blocks:  # a fragment or a page trafilatura finds no article in: its text, block by block
        body = tree.find("body")
        blocks = list(_blocks(body)) if body is not None else []
    if title:
        blocks = _after_heading(blocks, title)
    elif blocks:  # no stated title: the first line is the heading
        title, _, rest = blocks[0].partition("\n")
        blocks = [rest, *blocks[1:]] if rest else blocks[1:]
    text, figures = _layout(title, captions, blocks)
    if not text.strip():
        warnings.warn(f"{name}: the page holds no article text", stacklevel=2)
    if found is None:
        return Page(text=text, title=title, figures=figures)
    return Page(
        text=text,
        title=title,
        published=_published(found.date, tree),
        author=_clean(found.author) if found.author else None,
        site=_clean(found.sitename) if found.sitename else None,
        url=found.url or None,
        categories=tuple(_clean(c) for c in found.categories or () if c.strip()),
        tags=tuple(_clean(t) for t in found.tags or () if t.strip()),
        figures=figures,
    )


def _extract(tree: HtmlElement) -> Document | None:
    """trafilatura's reading of a whole page: main text (no comments, no images) and metadata."""
    import trafilatura

    found = trafilatura.bare_extraction(
        tree,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        favor_recall=True,
        deduplicate=False,
        date_extraction_params={"extensive_search": False, "original_date": True, "outputformat": _DATE_FORMAT},
    )
    return found if found is not None and not isinstance(found, dict) else None


_DATE_FORMAT = "%Y-%m-%dT%H:%M:%S"
_PAGE = re.compile(r"<(?:html|body|!doctype)\b", re.IGNORECASE)
_SPACE = re.compile(r"\s+")
# blocks of the extracted body (trafilatura's XML) and of a page read as it is
_BLOCKS = frozenset(
    {
        *("p", "head", "list", "item", "quote", "table", "row", "cell", "div", "section", "article", "main"),
        *("header", "footer", "aside", "nav", "ul", "ol", "li", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5"),
        *("h6", "blockquote", "pre", "tr", "td", "th", "figure", "figcaption", "address", "form", "title", "body"),
        "html",
    }
)
_BREAKS = frozenset({"lb", "br"})
# (a page read as it is: its figures were read apart; "head" is a heading in trafilatura's XML, and the page's
# <head> is never walked)
_SKIPPED = frozenset({"script", "style", "noscript", "template", "nav", "footer", "aside", "form", "svg", "figure"})
# containers whose figures are not the article's
_OUTSIDE = re.compile(r"related|comment|share|social|sidebar|footer|header|menu|widget|promo|advert|\bads?\b", re.I)
_CREDIT = re.compile(r"credit|copyright|photographer|byline|source|author", re.I)


def _clean(value: str) -> str:
    return _SPACE.sub(" ", value).strip()


def _blocks(root: HtmlElement | Any) -> Iterator[str]:
    """The text blocks under ``root``: one for each block element's own run of text, line breaks kept."""
    lines: list[str] = []

    def flush() -> Iterator[str]:
        text = "\n".join(line for line in (_clean(piece) for piece in "".join(lines).split("\n")) if line)
        lines.clear()
        if text:
            yield text

    def walk(el: Any) -> Iterator[str]:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in _SKIPPED or (tag == "" and el is not root):  # comments, processing instructions
            if el.tail:
                lines.append(el.tail)
            return
        block = tag in _BLOCKS
        if block:
            yield from flush()
        if tag in _BREAKS:
            lines.append("\n")
        if el.text:
            lines.append(el.text)
        for child in el:
            yield from walk(child)
        if block:
            yield from flush()
        if el.tail and el is not root:
            lines.append(el.tail)

    yield from walk(root)
    yield from flush()


def _after_heading(blocks: list[str], title: str) -> list[str]:
    """The body without the heading repeated in its first lines, nor what stands before it there (breadcrumbs,
    a menu that a short page's extraction kept)."""
    lines = [(b, ln) for b, block in enumerate(blocks[:_HEAD_LINES]) for ln in block.split("\n")][:_HEAD_LINES]
    for k, (b, line) in enumerate(lines):
        if line == title:
            rest = blocks[b].split("\n")[sum(1 for bb, _ in lines[:k] if bb == b) + 1 :]
            return [x for x in ["\n".join(rest), *blocks[b + 1 :]] if x]
    return blocks


_HEAD_LINES = 6


def _figures(tree: HtmlElement) -> Iterator[tuple[str, str | None]]:
    """Each article figure's caption and credit."""
    figures = [f for f in tree.iter("figure") if not any(_outside(a) for a in f.iterancestors())]
    inside = [f for f in figures if any(a.tag in ("article", "main") for a in f.iterancestors())]
    for figure in inside or figures:
        caption = figure.find(".//figcaption")
        if caption is None:
            continue
        credits = [el for el in caption.iter() if el is not caption and _is_credit(el)]
        credit = _clean(" ".join(el.text_content() for el in credits)) or None
        text = _clean("".join(_text_outside(caption, credits)))
        if text:
            yield text, credit


def _text_outside(el: HtmlElement, left_out: list[HtmlElement], *, top: bool = True) -> Iterator[str]:
    """The text of ``el`` without that of the elements ``left_out`` (their tails kept)."""
    if el not in left_out:
        yield el.text or ""
        for child in el:
            yield from _text_outside(child, left_out, top=False)
    if not top:
        yield el.tail or ""


def _outside(el: HtmlElement) -> bool:
    if el.tag in ("header", "nav", "footer", "aside"):
        return True
    return bool(_OUTSIDE.search(f"{el.get('class', '')} {el.get('id', '')}"))


def _is_credit(el: HtmlElement) -> bool:
    if el.tag in ("cite", "small"):
        return True
    return bool(_CREDIT.search(f"{el.get('class', '')} {el.get('itemprop', '')}"))


def _layout(
    title: str | None, captions: list[tuple[str, str | None]], blocks: list[str]
) -> tuple[str, tuple[Figure, ...]]:
    """The page's text (title, caption blocks, paragraphs; blank lines between blocks) and where captions lie."""
    parts: list[str] = []
    figures: list[Figure] = []
    at = 0

    def add(piece: str) -> tuple[int, int]:
        nonlocal at
        if parts:
            parts.append("\n\n")
            at += 2
        parts.append(piece)
        at += len(piece)
        return at - len(piece), at

    if title:
        add(title)
    for caption, credit in captions:
        start, end = add(caption)
        span = None
        if credit:
            parts.append("\n")
            at += 1
            parts.append(credit)
            span = (at, at + len(credit))
            at += len(credit)
        figures.append(Figure(start, end, span))
    for block in blocks:
        add(block)
    return "".join(parts), tuple(figures)


def _published(value: str | None, tree: HtmlElement) -> _dt.datetime | None:
    """The page's publication date (trafilatura's, from the page's markup), with its time of day where the page
    states one for that date (local time as written; the UTC offset is dropped, as in dates read from text)."""
    try:
        found = _dt.datetime.strptime(value, _DATE_FORMAT) if value else None
    except ValueError:
        found = None
    if found is None:
        return None
    for stated in _stated_times(tree):
        if stated.date() == found.date():
            return stated.replace(tzinfo=None)
    return found


_TIME_META = (
    "//meta[@property='article:published_time' or @itemprop='datePublished' or @name='pubdate'"
    " or @name='publish-date' or @property='og:published_time']/@content | //time/@datetime"
)


def _stated_times(tree: HtmlElement) -> Iterator[_dt.datetime]:
    """Date-times with a time of day stated in the page's meta tags, ``<time>`` elements and JSON-LD."""
    values: list[str] = [str(v) for v in tree.xpath(_TIME_META)]
    for script in tree.xpath("//script[@type='application/ld+json']/text()"):
        try:
            values.extend(_json_dates(json.loads(str(script))))
        except ValueError:
            continue
    for text in values:
        try:
            stated = _dt.datetime.fromisoformat(text.strip())
        except ValueError:
            continue
        if "T" in text or " " in text.strip():
            yield stated


def _json_dates(data: object) -> Iterator[str]:
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "datePublished" and isinstance(value, str):
                yield value
            else:
                yield from _json_dates(value)
    elif isinstance(data, list):
        for item in data:
            yield from _json_dates(item)

"""How the ``arnews`` command writes an article: its dict or JSON line with the input's name under ``file``, or
the text format's summary; and names and messages made safe to print."""

from __future__ import annotations

import json
import re
from typing import Any

from arnews.models import Article

__all__ = ["rendered", "shown", "summary", "with_file"]

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def shown(name: str) -> str:
    """A file name or message as it may be printed: control characters escaped (a name with a newline or an ANSI
    escape cannot forge output lines or colours), and bytes that are not UTF-8 shown as ``\\xNN``.

    >>> shown("a\\nb\\x1b[31m.txt")
    'a\\\\nb\\\\x1b[31m.txt'
    """
    text = name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def summary(article: Article, name: str) -> str:
    """The text format's summary of an article: its title, dateline, source, and a line for each entity, quote,
    amount, donation and date."""
    out = [f"== {name}", f"title:     {article.title}"]
    if article.dateline_span:
        out.append(f"dateline:  {article.dateline_span.text}")
    if article.dateline:
        out.append(f"place:     {article.dateline}")
    if article.published:
        out.append(f"published: {article.published.isoformat()}")
    src = article.source
    for label, value in (
        ("site", src.site),
        ("author", src.author),
        ("agency", src.agency),
        ("translator", src.translator),
    ):
        if value:
            out.append(f"{(label + ':').ljust(10)} {value}")  # "translator: Google Translate" keeps its space
    if src.translated:
        out.append("translated: yes")
    if src.contributors:
        out.append(f"contributors: {', '.join(src.contributors)}")
    out.append(f"paragraphs: {len(article.paragraphs)}")
    for cap in article.captions:
        out.append(f"caption:   {cap.text[:70]} [{cap.credit or ''}]")
    for ent in article.entities:
        out.append(f"entity:    {ent.type:4} {ent.name} {ent.wikidata or ''} ({len(ent.mentions)} mentions)")
    for q in article.quotes:
        who = (q.speaker.name if q.speaker else "?") if not (q.speaker and q.speaker.anonymous) else "anonymous"
        out.append(f"quote:     {q.kind:8} {who}: {q.text[:70]}")
    for m in article.money:
        out.append(f"money:     {m.text} = {m.value} {m.currency} {m.qualifier or ''}".rstrip())
    for d in article.donations:
        org = d.organizer.name if d.organizer else ""
        out.append(f"donation:  {d.amount.value} {d.amount.currency} {org}".rstrip())
    for dm in article.dates:
        out.append(f"date:      {dm.text} = {dm.value}")
    return "\n".join(out)


def rendered(article: Article, name: str, fmt: str) -> tuple[dict[str, Any], str | None]:
    """The article's dict (with the input's name under ``file``) and, for the text format, its summary."""
    data = article.to_dict()
    data["file"] = printed = shown(name)
    return data, (summary(article, printed) + "\n\n" if fmt == "text" else None)


def with_file(text: str, name: str) -> str:
    """An article's JSON text (:meth:`Article.to_json <arnews.models.Article.to_json>`) as the line that
    :func:`rendered`'s dict is written as: the input's name added last, under ``file``.

    >>> with_file('{"title": "t"}', "a.txt")
    '{"title": "t", "file": "a.txt"}\\n'
    """
    return f'{text[:-1]}, "file": {json.dumps(shown(name), ensure_ascii=False)}}}\n'

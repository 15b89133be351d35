"""What a pipeline is given: a text, the path of a file, or an :class:`ArticleInput` (a text with what is known of
it); and the error of an input, named after it."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

from attrs import frozen

from arnews.errors import ArnewsError

__all__ = ["ArticleInput", "Item", "named_error"]


@frozen
class ArticleInput:
    """One article to parse with what is known of it beside its text: an ``id`` that names it in errors and
    output, its publication date and its address (a record of a JSONL corpus, a row of a table).

    >>> from arnews import ArticleInput, Pipeline
    >>> item = ArticleInput("عنوان\\n\\nنص الخبر.", id="a-1", url="https://example.com/a-1")
    >>> next(Pipeline(processors=["structure"]).parse_many([item])).source.url
    'https://example.com/a-1'
    """

    text: str
    id: str | None = None
    published: _dt.datetime | _dt.date | str | None = None
    url: str | None = None


#: What a pipeline parses: a text, the path of a file, or an article with what is known of it.
Item = str | Path | ArticleInput


def named_error(exc: ArnewsError, item: object, n: int) -> ArnewsError:
    """The error of the ``n``-th input (0-based) with that input named: its path, or its place in the run."""
    if isinstance(item, ArticleInput) and item.id is not None:
        return type(exc)(f"{item.id}: {exc}")
    where = str(item) if isinstance(item, Path) else f"item {n}"
    message = str(exc)
    if isinstance(item, Path) and message.startswith(where):
        return exc
    return type(exc)(f"{where}: {message}")

"""arnews: Arabic news articles as typed, linked, citable data.

>>> import arnews
>>> article = arnews.parse("عنوان\\n\\nالقاهرة - أ ف ب\\nقال المتحدث: «نحن مستعدون».")
>>> article.dateline, article.dateline_span.text
('القاهرة', 'القاهرة - أ ف ب')
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Literal, overload

from arnews.document import Doc
from arnews.errors import ArnewsError, InputError, KnowledgeBaseError, ModelError, WorkerError
from arnews.inputs import ArticleInput
from arnews.kb import KnowledgeBase
from arnews.models import (
    Article,
    Caption,
    DateMention,
    Donation,
    Entity,
    EntityRef,
    Mention,
    Money,
    Paragraph,
    Participants,
    Quote,
    Source,
    Span,
    Speaker,
)
from arnews.pipeline import Pipeline
from arnews.tables import to_frame

__version__ = "0.1.0"

__all__ = [
    "ArnewsError",
    "Article",
    "ArticleInput",
    "Caption",
    "DateMention",
    "Doc",
    "Donation",
    "Entity",
    "EntityRef",
    "InputError",
    "KnowledgeBase",
    "KnowledgeBaseError",
    "Mention",
    "ModelError",
    "Money",
    "Paragraph",
    "Participants",
    "Pipeline",
    "Quote",
    "Source",
    "Span",
    "Speaker",
    "WorkerError",
    "__version__",
    "parse",
    "parse_many",
    "to_frame",
]

_default: Pipeline | None = None


def _pipeline() -> Pipeline:
    global _default
    if _default is None:
        _default = Pipeline()
    return _default


def parse(
    text: str,
    *,
    published: _dt.datetime | _dt.date | str | None = None,
    url: str | None = None,
) -> Article:
    """Parse one Arabic news article (plain text, title first) into an :class:`Article`.

    ``published`` anchors relative dates when the text carries no date of its own; ``url`` is recorded in
    ``article.source``.
    """
    return _pipeline().parse(text, published=published, url=url)


@overload
def parse_many(
    items: Iterable[str | Path | ArticleInput],
    *,
    published: _dt.datetime | _dt.date | str | None = None,
    errors: Literal["raise", "skip"] = "raise",
    n_process: int = 1,
) -> Iterator[Article]: ...
@overload
def parse_many(
    items: Iterable[str | Path | ArticleInput],
    *,
    published: _dt.datetime | _dt.date | str | None = None,
    errors: Literal["return"],
    n_process: int = 1,
) -> Iterator[Article | ArnewsError]: ...
def parse_many(
    items: Iterable[str | Path | ArticleInput],
    *,
    published: _dt.datetime | _dt.date | str | None = None,
    errors: Literal["raise", "skip", "return"] = "raise",
    n_process: int = 1,
) -> Iterator[Article] | Iterator[Article | ArnewsError]:
    """Parse many articles (texts, or ``pathlib.Path`` of files in any encoding :func:`arnews.io.read_text`
    reads), batched and streamed, in order.

    A ``str`` item is always article text; pass a :class:`pathlib.Path` to read a file. One ``str`` instead of
    an iterable is a ``TypeError``. ``errors`` says what an input that cannot be read or parsed does:
    ``"raise"`` (the default) its :class:`~arnews.errors.ArnewsError`, after every article before it;
    ``"skip"`` a warning naming it, and the run goes on; ``"return"`` the error in its place. ``n_process``:
    worker processes (``-1``: one per core), each loading the models once; the articles come in input order.

    >>> import arnews
    >>> texts = ["عنوان أول\\n\\nنص الخبر الأول.", "عنوان ثان\\n\\nنص الخبر الثاني."]
    >>> [a.title for a in arnews.parse_many(texts)]
    ['عنوان أول', 'عنوان ثان']
    """
    if errors == "return":
        return _pipeline().parse_many(items, published=published, errors="return", n_process=n_process)
    return _pipeline().parse_many(items, published=published, errors=errors, n_process=n_process)

"""Flat tables for analysis: one row per quote, entity, amount, donation or date of many articles, as plain rows
(:func:`rows`, no dependency) or a pandas DataFrame (:func:`to_frame`, the optional extra ``arnews[pandas]``).

>>> import arnews
>>> article = arnews.Pipeline(exclude=["ner"]).parse("عنوان\\n\\nتبرع رجل الأعمال بمبلغ 5 ملايين ريال للجمعية.")
>>> [(r["text"], r["value"], r["currency"]) for r in rows([article], "money")]
[('5 ملايين ريال', '5000000', 'SAR')]
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, Literal, get_args

from arnews.models import Article, EntityRef

if TYPE_CHECKING:  # pandas is optional: imported by to_frame only
    import pandas

__all__ = ["KINDS", "TableKind", "arrow_schema", "columns", "rows", "to_frame"]

TableKind = Literal["quotes", "entities", "money", "donations", "dates"]
KINDS: tuple[str, ...] = get_args(TableKind)

_COLUMNS: dict[str, tuple[str, ...]] = {
    "quotes": (
        "kind",
        "text",
        "speaker",
        "speaker_entity",
        "speaker_wikidata",
        "anonymous",
        "cue",
        "according_to",
        "start",
        "end",
    ),
    "entities": ("entity", "name", "type", "wikidata", "mentions", "first_start"),
    "money": ("text", "value", "currency", "qualifier", "vague", "start", "end"),
    "donations": (
        "value",
        "currency",
        "qualifier",
        "amount_text",
        "organizer",
        "organizer_wikidata",
        "recipient",
        "recipient_wikidata",
        "donor",
        "donor_wikidata",
        "participants",
        "date",
        "evidence",
        "start",
        "end",
    ),
    "dates": ("text", "value", "granularity", "calendar", "start", "end"),
}
_ARTICLE_COLUMNS = ("article", "title", "published", "site", "url")


def columns(kind: TableKind) -> tuple[str, ...]:
    """The columns of a table: the article's (its id or place in the run, title, date, site, address), then the
    row's own."""
    if kind not in _COLUMNS:
        raise ValueError(f"kind must be one of {list(KINDS)}, not {kind!r}")
    return _ARTICLE_COLUMNS + _COLUMNS[kind]


#: Columns of whole numbers (offsets, counts) and of flags; every other column holds text (or nothing).
_INTEGERS = frozenset({"start", "end", "first_start", "mentions", "participants"})
_BOOLEANS = frozenset({"anonymous"})


def arrow_schema(kind: TableKind) -> Any:
    """The columns of a table as a ``pyarrow.Schema``: whole numbers for offsets and counts, booleans for flags,
    text for the rest (``article`` included), each nullable. A table written in parts (Parquet row groups) has one
    type a column whatever each part holds. Needs pyarrow (``pip install 'arnews[parquet]'``)."""
    import pyarrow as pa

    def arrow_type(column: str) -> Any:
        return pa.int64() if column in _INTEGERS else pa.bool_() if column in _BOOLEANS else pa.string()

    return pa.schema([(column, arrow_type(column)) for column in columns(kind)])


def rows(articles: Iterable[Article], kind: TableKind, *, ids: Iterable[str] | None = None) -> Iterator[dict[str, Any]]:
    """One dict per quote, entity, amount, donation or date of ``articles``, in order, with the article's columns
    first (``article`` is the id from ``ids``, else the article's place in the run)."""
    columns(kind)  # checks the kind
    names = iter(ids) if ids is not None else None
    for n, article in enumerate(articles):
        head = {
            "article": next(names) if names is not None else n,
            "title": article.title,
            "published": article.published.isoformat() if article.published else None,
            "site": article.source.site,
            "url": article.source.url,
        }
        for row in _ROWS[kind](article):
            yield {**head, **row}


def _ref(ref: EntityRef | None) -> tuple[str | None, str | None]:
    return (ref.name, ref.wikidata) if ref is not None else (None, None)


def _quotes(article: Article) -> Iterator[dict[str, Any]]:
    for q in article.quotes:
        sp = q.speaker
        yield {
            "kind": q.kind,
            "text": q.text,
            "speaker": sp.name if sp else None,
            "speaker_entity": sp.entity if sp else None,
            "speaker_wikidata": sp.wikidata if sp else None,
            "anonymous": sp.anonymous if sp else False,
            "cue": q.cue,
            "according_to": q.according_to,
            "start": q.start,
            "end": q.end,
        }


def _entities(article: Article) -> Iterator[dict[str, Any]]:
    for e in article.entities:
        yield {
            "entity": e.id,
            "name": e.name,
            "type": e.type,
            "wikidata": e.wikidata,
            "mentions": len(e.mentions),
            "first_start": min((m.start for m in e.mentions), default=None),
        }


def _money(article: Article) -> Iterator[dict[str, Any]]:
    for m in article.money:
        yield {
            "text": m.text,
            "value": str(m.value) if m.value is not None else None,
            "currency": m.currency,
            "qualifier": m.qualifier,
            "vague": m.vague,
            "start": m.start,
            "end": m.end,
        }


def _donations(article: Article) -> Iterator[dict[str, Any]]:
    for d in article.donations:
        organizer, organizer_qid = _ref(d.organizer)
        recipient, recipient_qid = _ref(d.recipient)
        donor, donor_qid = _ref(d.donor)
        yield {
            "value": str(d.amount.value) if d.amount.value is not None else None,
            "currency": d.amount.currency,
            "qualifier": d.amount.qualifier,
            "amount_text": d.amount.text,
            "organizer": organizer,
            "organizer_wikidata": organizer_qid,
            "recipient": recipient,
            "recipient_wikidata": recipient_qid,
            "donor": donor,
            "donor_wikidata": donor_qid,
            "participants": d.participants.value if d.participants else None,
            "date": d.date,
            "evidence": d.evidence.text,
            "start": d.amount.start,
            "end": d.amount.end,
        }


def _dates(article: Article) -> Iterator[dict[str, Any]]:
    for dm in article.dates:
        yield {
            "text": dm.text,
            "value": dm.value,
            "granularity": dm.granularity,
            "calendar": dm.calendar,
            "start": dm.start,
            "end": dm.end,
        }


_ROWS = {"quotes": _quotes, "entities": _entities, "money": _money, "donations": _donations, "dates": _dates}


def to_frame(articles: Iterable[Article], kind: TableKind, *, ids: Iterable[str] | None = None) -> pandas.DataFrame:
    """The table of ``kind`` as a pandas DataFrame (columns: :func:`columns`), empty with its columns when there
    is no row. Needs pandas (``pip install 'arnews[pandas]'``)."""
    try:
        import pandas as pd
    except ImportError:  # pragma: no cover - the extra is installed in the test environment
        raise ImportError("arnews.to_frame needs pandas: pip install 'arnews[pandas]'") from None
    return pd.DataFrame(list(rows(articles, kind, ids=ids)), columns=list(columns(kind)))

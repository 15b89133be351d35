"""Many machines: parse a Dask bag or dataframe of article texts on a cluster, one pipeline built per worker process
and reused for every partition it runs (the optional extra ``arnews[dask]``).

>>> import dask.bag as db
>>> from arnews.dask import parse_bag
>>> bag = db.from_sequence(["عنوان أول\\n\\nنص الخبر.", "عنوان ثان\\n\\nنص آخر."], npartitions=2)
>>> [d["title"] for d in parse_bag(bag, exclude=("ner",)).compute(scheduler="sync")]
['عنوان أول', 'عنوان ثان']

On a cluster, ``client = distributed.Client(...)`` first; ``parse_bag(bag).map(...)``, ``.to_dataframe()`` or
:func:`table_bag` then run there. See the docs page "Many machines with Dask".
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from attrs import frozen

from arnews.records import DEFAULT_KEYS, RecordKeys
from arnews.tables import TableKind, columns, rows

if TYPE_CHECKING:  # dask is optional: imported when these functions run
    import dask.bag
    import dask.dataframe

__all__ = ["parse_bag", "parse_frame", "table_bag"]


@frozen
class _Config:
    """How the pipeline of every worker is built: small enough to send with each task, the key of its cache."""

    processors: tuple[str, ...] | None
    exclude: tuple[str, ...]
    kb: str | None
    batch_size: int
    keys: RecordKeys = DEFAULT_KEYS


_PIPELINES: dict[_Config, Any] = {}  # one pipeline per configuration in each worker process


def _pipeline(config: _Config) -> Any:
    found = _PIPELINES.get(config)
    if found is None:
        from arnews.pipeline import Pipeline

        found = _PIPELINES[config] = Pipeline(
            processors=config.processors, exclude=config.exclude, kb=config.kb, batch_size=config.batch_size
        )
    return found


def _parse_partition(texts: Iterable[Any], config: _Config) -> list[dict[str, Any]]:
    """Parse one partition: a dict per text or record, in order; an input that cannot be read or parsed gives
    ``{"error": message}`` with its id, so one bad text never stops the job."""
    from arnews.inputs import ArticleInput
    from arnews.records import Failure, record_input

    items = [record_input(t, keys=config.keys) if isinstance(t, dict) else t for t in texts]
    good = [item for item in items if not isinstance(item, Failure)]
    parsed = iter(_pipeline(config).parse_many(good, errors="return"))
    out: list[dict[str, Any]] = []
    for item in items:
        if isinstance(item, Failure):  # a record with no text: named, and the partition goes on
            out.append({"id": item.name or None, "error": item.message})
            continue
        result = next(parsed)
        ident = item.id if isinstance(item, ArticleInput) else None
        if isinstance(result, Exception):
            out.append({"id": ident, "error": str(result)})
            continue
        data = result.to_dict()
        if ident is not None:
            data["id"] = ident
        out.append(data)
    return out


def parse_bag(
    bag: dask.bag.Bag,
    *,
    processors: Sequence[str] | None = None,
    exclude: Sequence[str] = (),
    kb: str | None = None,
    batch_size: int = 32,
    keys: RecordKeys = DEFAULT_KEYS,
) -> dask.bag.Bag:
    """A bag of article dicts (the JSON shape of :meth:`arnews.Article.to_dict`) from a bag of texts or of records
    (dicts read as the command line reads them, :func:`arnews.records.record_input`: ``text``, ``content`` or
    ``body``, ``title``, ``id``, ``published``, ``url``, or the keys ``keys`` name); the pipeline options are those
    of :class:`arnews.Pipeline` (``kb`` as a path every worker can read). A record with no text gives
    ``{"id", "error"}`` in its place."""
    config = _Config(tuple(processors) if processors is not None else None, tuple(exclude), kb, batch_size, keys)
    return bag.map_partitions(_parse_partition, config)


def parse_frame(
    frame: dask.dataframe.DataFrame,
    *,
    text: str = "text",
    id: str | None = None,
    **options: Any,
) -> dask.bag.Bag:
    """:func:`parse_bag` over a Dask dataframe's ``text`` column (and ``id``, ``published``, ``url`` columns when
    present, the id column named by ``id``)."""
    keep = [c for c in (text, id, "published", "url") if c is not None and c in frame.columns]
    records = frame[keep].to_bag(format="dict")

    def _record(row: dict[str, Any]) -> dict[str, Any]:
        return {
            "text": row[text],
            "id": str(row[id]) if id is not None else None,
            "published": row.get("published"),
            "url": row.get("url"),
        }

    return parse_bag(records.map(_record), **options)


def table_bag(articles: dask.bag.Bag, kind: TableKind) -> dask.dataframe.DataFrame:
    """The table of ``kind`` (:mod:`arnews.tables`) of a bag of article dicts, as a Dask dataframe."""
    from arnews.models import Article

    def _rows(part: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
        good = [d for d in part if "error" not in d]
        ids = [str(d.get("id", "")) for d in good]
        clean = [{k: v for k, v in d.items() if k not in ("id", "file")} for d in good]
        return list(rows((Article.from_dict(d) for d in clean), kind, ids=ids))

    meta = {c: "object" for c in columns(kind)}
    return articles.map_partitions(_rows).to_dataframe(meta=meta)

"""Parsing on many cores: worker processes that each build one :class:`~arnews.pipeline.Pipeline` (the model and
the knowledge base loaded once per worker), one torch thread each, articles returned in input order, and a bounded
number of batches in flight, so memory stays flat however long the input is.

Use it through :meth:`arnews.Pipeline.parse_many` (``n_process=``) or ``arnews parse --jobs``.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from multiprocessing.pool import AsyncResult
from typing import Any

from attrs import frozen

from arnews.errors import ArnewsError
from arnews.models import Article

__all__ = ["WorkerSpec", "parse_in_workers", "worker_count"]

_IN_FLIGHT = 2  # batches queued per worker: enough to keep every worker busy, few enough to bound memory


@frozen
class WorkerSpec:
    """What a worker needs to build the same pipeline as the parent's: sent once to each worker."""

    processors: tuple[str, ...]
    kb_path: str | None
    analyzer: str | None  # None: the default analyzer; "rules": arnews.nlp.RuleAnalyzer
    batch_size: int
    max_chars: int


def worker_count(n_process: int) -> int:
    """The number of worker processes ``n_process`` asks for: -1 (or any number below 1 but 0) is every core."""
    if not isinstance(n_process, int) or isinstance(n_process, bool) or n_process == 0:
        raise ValueError(f"n_process must be a whole number (1 or more, or -1 for every core), not {n_process!r}")
    return max(1, os.cpu_count() or 1) if n_process < 0 else n_process


_PIPELINE: Any = None  # the worker's pipeline, built once by _start


def _start(spec: WorkerSpec) -> None:
    """Build the worker's pipeline once and load what it loads (:meth:`arnews.Pipeline.load`); torch (when the
    pipeline runs NER) uses one thread per worker."""
    global _PIPELINE
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    from arnews.pipeline import Pipeline

    analyzer = None
    if spec.analyzer == "rules":
        from arnews.nlp import RuleAnalyzer

        analyzer = RuleAnalyzer()
    if "ner" in spec.processors:
        import torch

        torch.set_num_threads(1)
    _PIPELINE = Pipeline(
        processors=spec.processors,
        analyzer=analyzer,
        kb=spec.kb_path,
        batch_size=spec.batch_size,
        max_chars=spec.max_chars,
    ).load(freeze=True)  # a worker's work is parsing: its models load once, and full collections skip them


def _parse_batch(batch: list[Any], published: Any, first: int) -> list[Article | ArnewsError]:
    """Parse one batch in a worker: an article, or the error (naming the input or its place in the whole run),
    for each item in order."""
    from arnews.document import Doc

    return [
        doc.to_article() if isinstance(doc, Doc) else doc
        for doc in _PIPELINE._many(batch, published=published, errors="return", first=first)
    ]


def parse_in_workers(
    spec: WorkerSpec, items: Iterable[Any], *, n_process: int, published: Any = None
) -> Iterator[Article | ArnewsError]:
    """Parse ``items`` in ``n_process`` worker processes; yield an article, or the error of an input that could
    not be read or parsed, for each item in input order. Workers start with the ``spawn`` method (safe with torch
    and with threads in the parent) and each loads its models once."""
    workers = worker_count(n_process)
    context = multiprocessing.get_context("spawn")
    with context.Pool(workers, initializer=_start, initargs=(spec,)) as pool:
        pending: deque[AsyncResult[list[Article | ArnewsError]]] = deque()
        first = 0
        for batch in _batches(items, spec.batch_size):
            pending.append(pool.apply_async(_parse_batch, (batch, published, first)))
            first += len(batch)
            if len(pending) >= workers * _IN_FLIGHT:  # bounded: read the oldest batch before sending more
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()


def _batches(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch

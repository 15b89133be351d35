"""Parsing on many cores: worker processes forked from the parent with its :class:`~arnews.pipeline.Pipeline` as it
is (its model and knowledge base shared, nothing loaded again), or spawned where fork is not safe, each then
building the pipeline once (:func:`start_method`); one torch thread each, articles returned in input order, and a
bounded number of batches in flight, so memory stays flat however long the input is.

Use it through :meth:`arnews.Pipeline.parse_many` (``n_process=``) or ``arnews parse --jobs``.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import sys
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from multiprocessing.pool import AsyncResult
from typing import Any

from attrs import frozen

from arnews.errors import ArnewsError
from arnews.models import Article

__all__ = ["WorkerSpec", "parse_in_workers", "start_method", "worker_count"]

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


_PIPELINE: Any = None  # the worker's pipeline: built once by _start, or the parent's, inherited by _adopt

_METHODS = ("fork", "spawn", "forkserver")


def start_method() -> str:
    """How worker processes start: ``fork`` where the platform has it and the parent runs no thread of its own but
    the main one (forked workers inherit the parent's pipeline, its loaded model and knowledge base, at once and
    in shared memory), else ``spawn`` (each worker imports arnews and loads its models). The environment variable
    ``ARNEWS_START_METHOD`` (fork, spawn or forkserver) chooses instead.

    >>> start_method() in ("fork", "spawn", "forkserver")
    True
    """
    chosen = os.environ.get("ARNEWS_START_METHOD", "").strip().lower()
    if chosen:
        if chosen not in _METHODS or chosen not in multiprocessing.get_all_start_methods():
            raise ValueError(
                f"ARNEWS_START_METHOD must be one of {', '.join(_METHODS)} on this platform, not {chosen!r}"
            )
        return chosen
    if "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1:
        return "fork"
    return "spawn"


def _no_interrupts() -> None:
    """A worker leaves Ctrl-C to the parent: the terminal sends it to every process of the group, and a worker
    that took it would die mid-batch with a traceback of its own (the pool forks another, and the batch it held
    is never answered); the parent stops the run and ends its workers when it leaves the pool."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _one_torch_thread() -> None:
    os.environ["OMP_NUM_THREADS"] = "1"
    if "torch" in sys.modules:  # a forked worker: before its first torch operation, as torch's data loaders do
        import torch

        torch.set_num_threads(1)


def _adopt() -> None:
    """A forked worker: parse with the pipeline inherited from the parent, one torch thread (a worker that used
    the parent's thread pool could wait on threads fork did not copy), its models loaded once; then everything it
    holds is frozen (:func:`gc.freeze`) without a collection first: a collection would walk every object inherited
    from the parent and write to each one's header, copying the parent's memory into the worker page by page (two
    workers with the model started in 0.3 s that way, 0.1 s this way), where freezing only moves the collector's
    lists."""
    _no_interrupts()
    _one_torch_thread()
    _PIPELINE.load()  # nothing to load when the parent loaded it; else once, here
    gc.freeze()


def _start(spec: WorkerSpec) -> None:
    """Build the worker's pipeline once and load what it loads (:meth:`arnews.Pipeline.load`); torch (when the
    pipeline runs NER) uses one thread per worker."""
    global _PIPELINE
    _no_interrupts()
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
    source: WorkerSpec | Any, items: Iterable[Any], *, n_process: int, published: Any = None
) -> Iterator[Article | ArnewsError]:
    """Parse ``items`` in ``n_process`` worker processes; yield an article, or the error of an input that could
    not be read or parsed, for each item in input order.

    ``source``: a :class:`WorkerSpec`, from which each worker (started with ``spawn``, safe with torch and with
    threads in the parent) builds its pipeline and loads its models; or the parent's :class:`~arnews.Pipeline`,
    which workers started with ``fork`` inherit as it is (:func:`start_method`)."""
    global _PIPELINE
    workers = worker_count(n_process)
    forked = not isinstance(source, WorkerSpec)
    context = multiprocessing.get_context("fork" if forked else start_method())
    before = _PIPELINE
    if forked:
        _PIPELINE = source  # what the workers inherit (a worker that dies is forked again while the pool lives)
    try:
        init, args = (_adopt, ()) if forked else (_start, (source,))
        with context.Pool(workers, initializer=init, initargs=args) as pool:
            pending: deque[AsyncResult[list[Article | ArnewsError]]] = deque()
            first = 0
            for batch in _batches(items, max(1, source.batch_size)):
                pending.append(pool.apply_async(_parse_batch, (batch, published, first)))
                first += len(batch)
                if len(pending) >= workers * _IN_FLIGHT:  # bounded: read the oldest batch before sending more
                    yield from pending.popleft().get()
            while pending:
                yield from pending.popleft().get()
    finally:
        _PIPELINE = before


def _batches(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch

"""Parsing on many cores: worker processes forked from the parent with its :class:`~arnews.pipeline.Pipeline` as it
is (its model and knowledge base shared, nothing loaded again), or spawned where fork is not safe, each then
building the pipeline once (:func:`start_method`); one torch thread each, articles returned in input order, and a
bounded number of batches in flight, so memory stays flat however long the input is. A worker that dies (killed when
memory runs out, a crash in native code) costs the run only the article that killed it (:class:`_Workers`); Ctrl-C
is left to the parent, which ends the workers.

Use it through :meth:`arnews.Pipeline.parse_many` (``n_process=``) or ``arnews parse --jobs``.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from attrs import define, frozen

from arnews.collector import YOUNG_GENERATION, settle_collector
from arnews.errors import ArnewsError, WorkerError
from arnews.inputs import named_error
from arnews.models import Article

__all__ = ["YOUNG_GENERATION", "WorkerSpec", "parse_in_workers", "settle_collector", "start_method", "worker_count"]

_IN_FLIGHT = 2  # batches queued per worker: enough to keep every worker busy, few enough to bound memory
_POLL_SECONDS = 1.0  # how often a wait for an answer looks at the workers


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
    that took it would die mid-batch with a traceback of its own; the parent stops the run and ends its workers."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _leave_with_parent() -> None:
    """A worker ends when the process that started it is gone (killed, out of memory): it would otherwise wait on
    its queue for ever, holding its model's memory."""
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(_POLL_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="arnews-parent-watch", daemon=True).start()


def _one_torch_thread() -> None:
    os.environ["OMP_NUM_THREADS"] = "1"
    if "torch" in sys.modules:  # a forked worker: before its first torch operation, as torch's data loaders do
        import torch

        torch.set_num_threads(1)


def _adopt() -> None:
    """A forked worker: parse with the pipeline inherited from the parent, one torch thread (a worker that used
    the parent's thread pool could wait on threads fork did not copy), its models loaded once; then everything it
    holds is frozen (:func:`settle_collector`) without a collection first: a collection would walk every object
    inherited from the parent and write to each one's header, copying the parent's memory into the worker page by
    page (two workers with the model started in 0.3 s that way, 0.1 s this way), where freezing only moves the
    collector's lists."""
    _no_interrupts()
    _leave_with_parent()
    _one_torch_thread()
    _PIPELINE.load()  # nothing to load when the parent loaded it; else once, here
    settle_collector(collect=False)


def _start(spec: WorkerSpec) -> None:
    """Build the worker's pipeline once and load what it loads (:meth:`arnews.Pipeline.load`); torch (when the
    pipeline runs NER) uses one thread per worker."""
    global _PIPELINE
    _no_interrupts()
    _leave_with_parent()
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


def _parse_batch(batch: list[Any], published: Any, first: int, as_json: bool) -> list[Article | str | ArnewsError]:
    """Parse one batch in a worker: an article (or, ``as_json``, its JSON text, :meth:`Article.to_json
    <arnews.models.Article.to_json>`), or the error (naming the input or its place in the whole run), for each
    item in order. JSON text is made here because it travels to the parent for about a sixth of what an article
    costs to send and rebuild there, where it would then be made anyway."""
    from arnews.document import Doc

    return [
        (doc.to_article().to_json() if as_json else doc.to_article()) if isinstance(doc, Doc) else doc
        for doc in _PIPELINE._many(batch, published=published, errors="return", first=first)
    ]


def _ready() -> bool:
    """A task that only says a worker has started (its pipeline built or inherited)."""
    return True


@define
class _Batch:
    """A batch in flight: its items, the place of the first in the whole run, and its answer to come."""

    items: list[Any]
    first: int
    future: Future[list[Article | str | ArnewsError]] | None


class _Workers:
    """Worker processes (:class:`concurrent.futures.ProcessPoolExecutor`) that outlive the death of one: a worker
    killed by the system (out of memory), or by a crash in native code, breaks the executor, which says so to every
    batch in flight; the workers are started again and the batches sent again, the oldest one article at a time with
    nothing else in flight, so that an article whose parsing kills its worker is found and reported in its place
    (:class:`~arnews.errors.WorkerError`) while the others are parsed. Workers that die as they start (their
    pipeline cannot be built) end the run with a :class:`~arnews.errors.WorkerError`."""

    def __init__(
        self,
        context: Any,
        workers: int,
        init: Callable[..., None],
        args: tuple[Any, ...],
        *,
        published: Any,
        as_json: bool,
    ) -> None:
        self._context, self._workers, self._init, self._args = context, workers, init, args
        self._published, self._as_json = published, as_json  # the same for every batch of the run
        self._pool = self._executor()

    def _executor(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self._workers, mp_context=self._context, initializer=self._init, initargs=self._args)

    def send(self, batch: _Batch) -> _Batch:
        """Send ``batch`` to the workers; to be sent again (its future None) when the executor has broken."""
        try:
            batch.future = self._pool.submit(_parse_batch, batch.items, self._published, batch.first, self._as_json)
        except BrokenProcessPool:
            batch.future = None
        return batch

    def restart(self) -> None:
        """New workers after the executor broke; they must start."""
        self._pool.shutdown(wait=True, cancel_futures=True)  # its threads gone before the next fork
        self._pool = self._executor()
        try:
            self._pool.submit(_ready).result()
        except BrokenProcessPool as exc:
            self._pool.shutdown(wait=True)
            raise WorkerError("the worker processes die as they start: their pipeline cannot be built") from exc

    def oldest(self, pending: deque[_Batch]) -> list[Article | str | ArnewsError]:
        """The articles of the oldest batch in flight, in order; if a worker died, the workers are started again
        and every batch whose answer was lost sent again."""
        head = pending[0]
        while head.future is None:  # not sent: the executor had broken
            self._again(pending)
        pending.popleft()
        try:
            return self._answer(head.future)
        except BrokenProcessPool:
            pass
        self.restart()
        done: list[Article | str | ArnewsError] = []
        for k, item in enumerate(head.items):  # alone in flight: a death now is this article's
            alone = self.send(_Batch([item], head.first + k, None))
            while alone.future is None:  # a worker died before it was sent
                self.restart()
                self.send(alone)
            try:
                done += self._answer(alone.future)
            except BrokenProcessPool:
                done.append(_died(item, head.first + k))
                self.restart()
        self._again(pending, restart=False)
        return done

    def _answer(self, future: Future[list[Article | str | ArnewsError]]) -> list[Article | str | ArnewsError]:
        """The answer of ``future``, or :class:`BrokenProcessPool` if a worker died. A worker killed while it was
        sending an answer leaves the executor reading the rest of the message for ever (its pipe is still open in
        this process): a worker found dead twice in a row, the executor not broken, is taken for that, and the
        pipe is closed under the reader, which breaks the executor as a death otherwise does."""
        dead_before = False
        while True:
            try:
                return future.result(timeout=_POLL_SECONDS)
            except TimeoutError:
                dead = any(p.exitcode is not None for p in self._processes())
                if dead and dead_before and not getattr(self._pool, "_broken", True):
                    self._unblock()
                dead_before = dead

    def _processes(self) -> list[Any]:
        return list((getattr(self._pool, "_processes", None) or {}).values())  # no public way before Python 3.14

    def _unblock(self) -> None:
        for process in self._processes():
            process.terminate()
        queue = getattr(self._pool, "_result_queue", None)
        if queue is not None:
            queue._writer.close()  # the last open end: the reader gets the end of the file, and the executor breaks

    def _again(self, pending: deque[_Batch], *, restart: bool = True) -> None:
        """Send again every batch whose answer was lost, on new workers."""
        if restart:
            self.restart()
        for batch in pending:
            if _lost(batch.future):
                self.send(batch)

    def close(self, *, kill: bool) -> None:
        """Let the workers finish and go; or, with ``kill`` (the run stopped: Ctrl-C, an error, the caller gone),
        end them now."""
        if kill:
            self._unblock()
        self._pool.shutdown(wait=True, cancel_futures=True)


def _lost(future: Future[Any] | None) -> bool:
    """Whether a batch's answer will never come: not sent yet, or sent to an executor that broke (or was shut
    down) before answering."""
    if future is None or future.cancelled():
        return True
    return future.done() and isinstance(future.exception(), BrokenProcessPool)


def _died(item: Any, n: int) -> ArnewsError:
    return named_error(
        WorkerError(
            "the worker process parsing it died (killed by the system: out of memory? or a crash in native "
            "code); the other inputs were parsed"
        ),
        item,
        n,
    )


def parse_in_workers(
    source: WorkerSpec | Any, items: Iterable[Any], *, n_process: int, published: Any = None, as_json: bool = False
) -> Iterator[Article | str | ArnewsError]:
    """Parse ``items`` in ``n_process`` worker processes; yield an article (``as_json``: its JSON text, made in
    the worker), or the error of an input that could not be read or parsed, for each item in input order. An
    input whose parsing kills its worker process gives a :class:`~arnews.errors.WorkerError` in its place, and the
    run goes on (:class:`_Workers`).

    ``source``: a :class:`WorkerSpec`, from which each worker (started with ``spawn``, safe with torch and with
    threads in the parent) builds its pipeline and loads its models; or the parent's :class:`~arnews.Pipeline`,
    which workers started with ``fork`` inherit as it is (:func:`start_method`)."""
    global _PIPELINE
    workers = worker_count(n_process)
    forked = not isinstance(source, WorkerSpec)
    context = multiprocessing.get_context("fork" if forked else start_method())
    before = _PIPELINE
    if forked:
        _PIPELINE = source  # what the workers inherit (workers started again after a death too)
    init, args = (_adopt, ()) if forked else (_start, (source,))
    pool = _Workers(context, workers, init, args, published=published, as_json=as_json)
    stopped = True
    try:
        pending: deque[_Batch] = deque()
        first = 0
        for items_ in _batches(items, max(1, source.batch_size)):
            pending.append(pool.send(_Batch(items_, first, None)))
            first += len(items_)
            if len(pending) >= workers * _IN_FLIGHT:  # bounded: read the oldest batch before sending more
                yield from pool.oldest(pending)
        while pending:
            yield from pool.oldest(pending)
        stopped = False
    finally:
        pool.close(kill=stopped)
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

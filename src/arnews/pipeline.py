"""The pipeline: text -> :class:`~arnews.document.Doc` -> structure -> tokens -> NER -> entities -> quotes, money,
dates -> donations -> :class:`~arnews.models.Article`.

Each arrow is one processor (:mod:`arnews.processors`). A pipeline runs all of them, or the subset named by
``processors=`` or left by ``exclude=``, with what they require added in.
"""

from __future__ import annotations

import datetime as _dt
import time
import warnings
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Literal, TypeVar, cast, overload

from arnews.collector import collector_for_run, settle_collector
from arnews.core.memo import trim_word_caches
from arnews.core.text import MAX_CHARS, MAX_CHARS_NER, MAX_CHARS_RULES, check_input, looks_like_html, view
from arnews.document import Doc
from arnews.errors import ArnewsError, InputError
from arnews.inputs import ArticleInput, Item, named_error
from arnews.io import read_text
from arnews.kb import KnowledgeBase
from arnews.models import Article
from arnews.nlp import Analyzer
from arnews.pages import read_page
from arnews.parallel import WorkerSpec, parse_in_workers, start_method, worker_count
from arnews.processors import PROCESSORS, NerProcessor, Processor, resolve_processors

__all__ = ["Pipeline", "json_lines"]

#: A publication date as callers give it: a datetime, a date, an ISO 8601 string, or None.
Published = _dt.datetime | _dt.date | str | None
_Item = tuple[str, Published, str | None]


Errors = Literal["raise", "skip", "return"]
_Result = TypeVar("_Result")


def _as_datetime(published: object) -> _dt.datetime | None:
    if published is None or isinstance(published, _dt.datetime):
        return published
    if isinstance(published, _dt.date):
        return _dt.datetime(published.year, published.month, published.day)
    if isinstance(published, str):
        try:
            return _dt.datetime.fromisoformat(published)
        except ValueError:
            pass
    raise InputError(f"published must be a datetime, a date or an ISO 8601 string, not {published!r}")


def _as_url(url: object) -> str | None:
    if url is None or isinstance(url, str):
        return url
    raise InputError(f"url must be a string, not {type(url).__name__}")


class Pipeline:
    """Runs the processors over one text or many. Build one to reuse its loaded models across calls.

    >>> from arnews import Pipeline
    >>> article = Pipeline().parse("عنوان الخبر\\n\\nالرياض - واس\\nقال الوزير إن المشروع اكتمل.")
    >>> article.title, article.dateline
    ('عنوان الخبر', 'الرياض')
    >>> Pipeline(exclude=["ner"]).names
    ('structure', 'tokenize', 'entities', 'quotes', 'money', 'dates', 'donations')
    """

    def __init__(
        self,
        *,
        processors: Sequence[str] | None = None,
        exclude: Sequence[str] = (),
        analyzer: Analyzer | None = None,
        kb: KnowledgeBase | str | Path | None = None,
        batch_size: int = 32,
        max_chars: int | None = None,
    ) -> None:
        """``processors``: the names of the processors to run (default: all; see :mod:`arnews.processors`); what
        they require is added. ``exclude``: names to leave out, e.g. ``["ner"]`` to run without the model (and
        without importing torch). ``analyzer``: the NLP layer of the ``ner`` processor (default:
        :func:`arnews.nlp.default_analyzer`, resolved on first use).
        ``kb``: a :class:`~arnews.kb.KnowledgeBase` or the path of a KB file (default: the bundled KB), used by
        entity linking and dateline checks.
        ``batch_size``: how many texts :meth:`parse_many` sends through the processors at once.
        ``max_chars``: the longest text accepted; a longer one is an :class:`~arnews.errors.InputError`. The
        default is :data:`~arnews.core.text.MAX_CHARS_NER` (2 million characters, about 40 s on one core) when the
        pipeline runs NER, else :data:`~arnews.core.text.MAX_CHARS_RULES` (5 million, about 30 s); it can be set
        up to :data:`~arnews.core.text.MAX_CHARS` (10 million).
        """
        if kb is not None and not isinstance(kb, (KnowledgeBase, str, Path)):
            raise InputError(f"kb must be a KnowledgeBase or the path of a KB file, not {type(kb).__name__}")
        self.kb = KnowledgeBase.load(kb) if isinstance(kb, (str, Path)) else kb
        self._kb_path = str(kb) if isinstance(kb, (str, Path)) else None
        self._kb_given = kb is not None
        self._analyzer_given = analyzer
        self.batch_size = batch_size
        self.names = resolve_processors(processors, exclude)
        default = MAX_CHARS_NER if "ner" in self.names else MAX_CHARS_RULES
        if max_chars is not None and (
            not isinstance(max_chars, int) or isinstance(max_chars, bool) or not 0 < max_chars <= MAX_CHARS
        ):
            raise InputError(f"max_chars must be a whole number from 1 to {MAX_CHARS:,}, not {max_chars!r}")
        #: The longest text this pipeline accepts.
        self.max_chars = default if max_chars is None else max_chars
        self.processors: tuple[Processor, ...] = tuple(PROCESSORS[n](analyzer, self.kb) for n in self.names)
        #: Seconds spent in each processor so far, by name (for profiling and benchmarks).
        self.seconds: dict[str, float] = dict.fromkeys(self.names, 0.0)

    @property
    def analyzer(self) -> Analyzer | None:
        """The NLP analyzer of the ``ner`` processor, resolved on first use; None when the pipeline has no NER."""
        for proc in self.processors:
            if isinstance(proc, NerProcessor):
                return proc.analyzer
        return None

    def load(self, *, freeze: bool = False) -> Pipeline:
        """Load now what the processors otherwise load with the first article (the knowledge base, the NER model
        when the pipeline runs it, the lexicons and their indexes), by parsing a short text; returns the pipeline.

        ``freeze=True`` then collects garbage and moves every object the process holds into the collector's permanent
        generation (:func:`gc.freeze`): Python's full collections stop walking the knowledge base's and the model's
        objects (four of them took 0.19 s of 1.59 in 300 articles through the rule layers, compiled build, the
        collector's young collections 0.10 s more); and the collector's young generation grows to
        :data:`arnews.collector.YOUNG_GENERATION` objects (half the collector's time again:
        :func:`arnews.collector.settle_collector`). It is a setting of the whole process, for a program whose work is
        parsing many articles: the ``arnews`` command and spawned workers of ``n_process`` use it (forked ones freeze
        without collecting: :mod:`arnews.parallel`). :meth:`parse_many` and :meth:`process_many` make the same settings
        for their run alone, and put the collector back when it ends (:func:`arnews.collector.collector_for_run`).

        >>> Pipeline(exclude=["ner"]).load().names[-1]
        'donations'
        """
        self._process([_document(_WARM_UP, None, None)])  # not checked against max_chars: the pipeline's own text
        if freeze:
            settle_collector(collect=True)
        return self

    def process(self, text: str, *, published: Published = None, url: str | None = None) -> Doc:
        """Run the processors over one text and return the :class:`~arnews.document.Doc` they filled."""
        return next(self._run([(text, published, url)]))

    def process_many(
        self, items: Iterable[Item], *, published: Published = None, errors: Errors = "raise"
    ) -> Iterator[Doc]:
        """:meth:`process` for many texts (or paths of files), in batches, one document per item, in order.

        ``errors`` says what an item that cannot be read or parsed (an unreadable file, binary or oversized text)
        does: ``"raise"`` its :class:`~arnews.errors.ArnewsError` after every document before it has been
        yielded; ``"skip"`` a warning naming it, and the run goes on. (:meth:`parse_many` also takes
        ``"return"``.)
        """
        for doc in self._many(items, published=published, errors=errors):
            if isinstance(doc, Doc):
                yield doc

    def _many(
        self, items: Iterable[Item], *, published: Published, errors: Errors, first: int = 0
    ) -> Iterator[Doc | ArnewsError]:
        """Documents (or errors) in order; ``first`` is the place in the whole run of the first item (errors
        name it)."""
        _check_run(items, errors)
        with collector_for_run():  # the collector set for a long run, then as it was
            batch: list[_Item | ArnewsError] = []
            for n, item in enumerate(items, first):
                try:
                    # a file's or a record's text is checked here, where its name is known
                    if isinstance(item, ArticleInput):
                        text = check_input(item.text, self.max_chars)
                        batch.append((text, item.published if item.published is not None else published, item.url))
                    else:
                        text = check_input(read_text(item), self.max_chars) if isinstance(item, Path) else item
                        batch.append((text, published, None))
                except ArnewsError as exc:
                    if errors == "raise":
                        yield from self._run([b for b in batch if not isinstance(b, ArnewsError)])
                        raise
                    batch.append(named_error(exc, item, n))
                if len(batch) >= self.batch_size:
                    yield from _run_isolated(self, batch, errors, start=first)
                    batch, first = [], n + 1
            if batch:
                yield from _run_isolated(self, batch, errors, start=first)

    def parse(self, text: str, *, published: Published = None, url: str | None = None) -> Article:
        """Parse one article given as text.

        >>> Pipeline().parse("عنوان\\n\\nنص", url="https://example.com/a").source.url
        'https://example.com/a'
        """
        return self.process(text, published=published, url=url).to_article()

    @overload
    def parse_many(
        self,
        items: Iterable[Item],
        *,
        published: Published = None,
        errors: Literal["raise", "skip"] = "raise",
        n_process: int = 1,
    ) -> Iterator[Article]: ...
    @overload
    def parse_many(
        self, items: Iterable[Item], *, published: Published = None, errors: Literal["return"], n_process: int = 1
    ) -> Iterator[Article | ArnewsError]: ...
    def parse_many(
        self, items: Iterable[Item], *, published: Published = None, errors: Errors = "raise", n_process: int = 1
    ) -> Iterator[Article] | Iterator[Article | ArnewsError]:
        """Parse texts (or paths of files) in batches, yielding one article per item, in order.

        ``errors="raise"`` (the default): an item that cannot be read or parsed (an unreadable file, binary or
        oversized text) raises its :class:`~arnews.errors.ArnewsError` after every article before it has been
        yielded. ``"skip"``: a warning names it and the run goes on. ``"return"``: the error stands in its place.

        ``n_process``: worker processes (``-1``: one per core); the articles come in input order and equal those
        of one process. Forked workers inherit this pipeline as it is, with what it has loaded; spawned workers (no
        fork on the platform, or threads in this process: :func:`arnews.parallel.start_method`) each build it
        once, and it must then have been built with the default analyzer or :class:`~arnews.nlp.RuleAnalyzer`
        and with the bundled KB or a KB path.

        >>> found = Pipeline(processors=["structure"]).parse_many(["عنوان", "\\x00"], errors="return")
        >>> [type(a).__name__ for a in found]
        ['Article', 'InputError']
        """
        run = _results(self, items, published=published, errors=errors, n_process=n_process, as_json=False)
        return cast("Iterator[Article | ArnewsError]", run)

    def _process(self, docs: list[Doc]) -> None:
        if not docs:
            return
        for proc in self.processors:
            started = time.perf_counter()
            proc.process_many(docs)
            self.seconds[proc.name] += time.perf_counter() - started
            for doc in docs:
                doc.done = (*doc.done, proc.name)
        trim_word_caches()  # what the batch taught the word caches stays within their bounds

    def _run(self, batch: list[_Item]) -> Iterator[Doc]:
        docs: list[Doc] = []
        failure: ArnewsError | None = None
        for text, published, url in batch:
            try:
                checked = check_input(text, self.max_chars)
                docs.append(_document(checked, published, url))
            except ArnewsError as exc:
                failure = exc  # the documents before this one are still yielded, then the error is raised
                break
        self._process(docs)
        yield from docs
        if failure is not None:
            raise failure


#: A short article that reaches every processor (a title, a dateline, a name, a quote, an amount, a date).
_WARM_UP = (
    "الوزير يعلن ميزانية العام\n\n"
    "الرياض - واس\n"
    "قال وزير المالية محمد الجدعان يوم الأحد 5 يناير 2025 إن الميزانية بلغت 1.2 تريليون ريال، مضيفا: «نعمل على"
    " خفض العجز». وتبرع رجل أعمال بمليون ريال للجمعية."
)


def _document(text: str, published: Published, url: str | None) -> Doc:
    """The document of one checked input: a web page is read into its article text first (:mod:`arnews.pages`)."""
    if looks_like_html(text):
        page = read_page(text)
        return Doc(view(page.text), published=_as_datetime(published), url=_as_url(url), page=page)
    return Doc(view(text), published=_as_datetime(published), url=_as_url(url))


def json_lines(
    pipeline: Pipeline, items: Iterable[Item], *, published: Published = None, n_process: int = 1
) -> Iterator[str | ArnewsError]:
    """Each article's JSON text (:meth:`Article.to_json() <arnews.models.Article.to_json>`, one line), or the
    error of an input that could not be read or parsed, in input order: :meth:`Pipeline.parse_many` with
    ``errors="return"``, for writing JSON Lines. With ``n_process`` the worker processes make the JSON, which
    travels to this process for a fraction of what an article costs to send and rebuild (``arnews parse -o
    out.jsonl``).

    >>> next(json_lines(Pipeline(processors=["structure"]), ["عنوان"]))[:20]
    '{"title": "عنوان", "'
    """
    run = _results(pipeline, items, published=published, errors="return", n_process=n_process, as_json=True)
    return cast("Iterator[str | ArnewsError]", run)


def _results(
    pipeline: Pipeline, items: Iterable[Item], *, published: Published, errors: Errors, n_process: int, as_json: bool
) -> Iterator[Article | str | ArnewsError]:
    """What :meth:`Pipeline.parse_many` and :func:`json_lines` yield: the articles, or their JSON text."""
    _check_run(items, errors)
    if worker_count(n_process) > 1:
        # forked workers inherit the pipeline as it is; spawned ones build it again from its spec
        source = pipeline if start_method() == "fork" else _worker_spec(pipeline)
        run = parse_in_workers(source, items, n_process=n_process, published=published, as_json=as_json)
        return _apply_errors(run, errors)
    return (
        (doc.to_article().to_json() if as_json else doc.to_article()) if isinstance(doc, Doc) else doc
        for doc in pipeline._many(items, published=published, errors=errors)
    )


def _check_run(items: object, errors: object) -> None:
    """A run takes an iterable of items (one ``str`` is a mistake) and one of the three ways with errors."""
    if isinstance(items, (str, bytes)):
        raise TypeError(
            "parse_many takes an iterable of texts or paths, not one str: use parse() for one article, or pass [text]"
        )
    if errors not in ("raise", "skip", "return"):
        raise ValueError(f"errors must be 'raise', 'skip' or 'return', not {errors!r}")


def _apply_errors(results: Iterator[_Result], errors: Errors) -> Iterator[_Result]:
    """Worker results with ``errors`` applied: an error raised, warned about and skipped, or yielded. The workers
    stop as soon as this ends, raised or left unfinished, not when the garbage collector finds them."""
    try:
        for result in results:
            if isinstance(result, ArnewsError):
                if errors == "raise":
                    raise result
                if errors == "skip":
                    warnings.warn(f"arnews: skipped: {result}", stacklevel=3)
                    continue
            yield result
    finally:
        close = getattr(results, "close", None)
        if close is not None:
            close()  # the pool's context ends: its processes and threads stop


def _worker_spec(pipeline: Pipeline) -> WorkerSpec:
    """What worker processes need to build ``pipeline`` again."""
    from arnews.nlp import RuleAnalyzer

    if pipeline._kb_given and pipeline._kb_path is None:
        raise ValueError("n_process > 1 needs the KB as a file path (Pipeline(kb='kb.jsonl.gz')), not an object")
    given = pipeline._analyzer_given
    if given is not None and not isinstance(given, RuleAnalyzer):
        raise ValueError("n_process > 1 builds the default analyzer or RuleAnalyzer in each worker, not another")
    return WorkerSpec(
        processors=pipeline.names,
        kb_path=pipeline._kb_path,
        analyzer="rules" if isinstance(given, RuleAnalyzer) else None,
        batch_size=pipeline.batch_size,
        max_chars=pipeline.max_chars,
    )


def _run_isolated(
    pipeline: Pipeline, batch: list[_Item | ArnewsError], errors: Errors, *, start: int
) -> Iterator[Doc | ArnewsError]:
    """The documents of a batch in order; with ``errors`` "skip" or "return", an item that fails stands alone
    (a warning, or the error in its place) and the others go on."""
    if errors == "raise":
        yield from pipeline._run([b for b in batch if not isinstance(b, ArnewsError)])
        return
    docs: list[Doc | ArnewsError] = []
    for k, item in enumerate(batch):
        if isinstance(item, ArnewsError):
            docs.append(item)
            continue
        text, pub, url = item
        try:
            checked = check_input(text, pipeline.max_chars)
            docs.append(_document(checked, pub, url))
        except ArnewsError as exc:
            docs.append(named_error(exc, None, start + k))
    pipeline._process([d for d in docs if isinstance(d, Doc)])
    for doc in docs:
        if isinstance(doc, ArnewsError) and errors == "skip":
            warnings.warn(f"arnews: skipped: {doc}", stacklevel=4)
            continue
        yield doc

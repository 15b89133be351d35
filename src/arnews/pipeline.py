"""The pipeline: text -> normalised view -> structure -> NLP -> entities -> quotes, money, dates, donations.

Each arrow is one call to the entry function of one stage module. A stage that needs another's result gets it
as an argument.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Iterator
from pathlib import Path

from arnews import dates as _dates
from arnews import donations as _donations
from arnews import linker as _linker
from arnews import money as _money
from arnews import parser as _parser
from arnews import quotes as _quotes
from arnews.errors import ArnewsError, InputError
from arnews.io import read_text
from arnews.kb import KnowledgeBase
from arnews.models import Article
from arnews.nlp import Analyzer, default_analyzer
from arnews.text import TextView, check_input, view

__all__ = ["Pipeline"]


def _as_datetime(published: _dt.datetime | _dt.date | str | None) -> _dt.datetime | None:
    if published is None or isinstance(published, _dt.datetime):
        return published
    if isinstance(published, _dt.date):
        return _dt.datetime(published.year, published.month, published.day)
    try:
        return _dt.datetime.fromisoformat(published)
    except ValueError:
        raise InputError(f"published must be a datetime or an ISO 8601 string, not {published!r}") from None


class Pipeline:
    """Runs every stage over one text or many. Build one to reuse its loaded models across calls.

    >>> from arnews import Pipeline
    >>> article = Pipeline().parse("عنوان الخبر\\n\\nالرياض - واس\\nقال الوزير إن المشروع اكتمل.")
    >>> article.title, article.dateline
    ('عنوان الخبر', 'الرياض - واس')
    """

    def __init__(
        self,
        *,
        analyzer: Analyzer | None = None,
        kb: KnowledgeBase | str | Path | None = None,
        batch_size: int = 32,
    ) -> None:
        """``analyzer``: the NLP layer (default: :func:`arnews.nlp.default_analyzer`, resolved on first use).
        ``kb``: a :class:`~arnews.kb.KnowledgeBase` or the path of a KB file (default: the bundled KB).
        ``batch_size``: how many texts :meth:`parse_many` sends through the NLP layer at once.
        """
        self._analyzer = analyzer
        self.kb = KnowledgeBase.load(kb) if isinstance(kb, (str, Path)) else kb
        self.batch_size = batch_size

    @property
    def analyzer(self) -> Analyzer:
        """The NLP analyzer, resolved on first use."""
        if self._analyzer is None:
            self._analyzer = default_analyzer()
        return self._analyzer

    def parse(
        self,
        text: str,
        *,
        published: _dt.datetime | _dt.date | str | None = None,
        url: str | None = None,
    ) -> Article:
        """Parse one article given as text.

        >>> Pipeline().parse("عنوان\\n\\nنص", url="https://example.com/a").source.url
        'https://example.com/a'
        """
        return next(self._run([(text, published, url)]))

    def parse_many(
        self,
        items: Iterable[str | Path],
        *,
        published: _dt.datetime | _dt.date | str | None = None,
    ) -> Iterator[Article]:
        """Parse texts (or paths of UTF-8 files) in batches, yielding one article per item, in order.

        An item that cannot be read or parsed (an unreadable file, binary or oversized text) raises its
        :class:`~arnews.errors.ArnewsError` after every article before it has been yielded.
        """
        batch: list[tuple[str, _dt.datetime | _dt.date | str | None, str | None]] = []
        for item in items:
            try:
                text = read_text(item) if isinstance(item, Path) else item
            except ArnewsError:
                yield from self._run(batch)
                raise
            batch.append((text, published, None))
            if len(batch) >= self.batch_size:
                yield from self._run(batch)
                batch = []
        if batch:
            yield from self._run(batch)

    def _run(self, batch: list[tuple[str, _dt.datetime | _dt.date | str | None, str | None]]) -> Iterator[Article]:
        prepared = []
        failure: ArnewsError | None = None
        for text, published, url in batch:
            try:
                v = view(check_input(text))
                anchor = _as_datetime(published)
            except ArnewsError as exc:
                failure = exc  # the articles before this one are still yielded, then the error is raised
                break
            structure = _parser.parse_structure(v, url=url)
            prepared.append((v, structure, anchor or structure.published))
        yield from self._finish(prepared)
        if failure is not None:
            raise failure

    def _finish(self, prepared: list[tuple[TextView, _parser.Structure, _dt.datetime | None]]) -> Iterator[Article]:
        if not prepared:
            return
        analyses = self.analyzer.analyze_many([(v.raw, s.regions()) for v, s, _ in prepared])
        for (v, structure, anchor), analysis in zip(prepared, analyses, strict=True):
            entities = _linker.link_entities(v, structure, analysis, kb=self.kb)
            quotes = _quotes.extract_quotes(v, structure, analysis, entities)
            money = _money.extract_money(v, structure)
            dates = _dates.extract_dates(v, structure, anchor)
            donations = _donations.extract_donations(v, structure, money, entities, dates)
            yield Article(
                title=structure.title.text if structure.title else "",
                dateline=structure.dateline.text if structure.dateline else None,
                published=anchor,
                source=structure.source,
                paragraphs=structure.paragraphs,
                captions=structure.captions,
                entities=entities,
                quotes=quotes,
                money=money,
                donations=donations,
                dates=dates,
                title_span=structure.title,
                dateline_span=structure.dateline,
            )

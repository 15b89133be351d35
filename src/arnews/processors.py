"""The stages of arnews as processors: each reads the :class:`~arnews.document.Doc` and writes its own part.

Every processor has a ``name``, the names it ``requires`` (run before it), and ``process(doc)``; a processor that
gains from batching (the NER model) also overrides ``process_many(docs)``. :data:`PROCESSORS` lists them in the
order a :class:`~arnews.Pipeline` runs them:

=============  ====================  =============================================================================
name           requires              writes
=============  ====================  =============================================================================
structure      -                     ``doc.structure``: title, dateline, paragraphs, captions, source, furniture
tokenize       structure             ``doc.sentences``, ``doc.tokens``: the one sentence splitter
ner            tokenize              ``doc.ner``: the NER model's spans (loads the model, and torch, on first use)
entities       structure             ``doc.entities``: recognised, linked to the KB and clustered (reads ``ner``)
quotes         tokenize, entities    ``doc.quotes``: direct, partial and indirect, with speakers
money          structure             ``doc.money``: amounts with currency and qualifier
dates          tokenize              ``doc.dates``: resolved against ``doc.anchor``
donations      tokenize, money,      ``doc.donations``: money given, raised or pledged, with its roles
               entities, dates
=============  ====================  =============================================================================

The rule stages match on the normal form with one tokenizer (:mod:`arnews.core.tokens`) and read sentences from
:attr:`Doc.norm_sentences <arnews.document.Doc.norm_sentences>`; names are read by one grammar
(:mod:`arnews.core.grammar`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import partial
from typing import ClassVar

from arnews.dates import extract_dates
from arnews.document import Doc
from arnews.kb import KnowledgeBase
from arnews.linker import link_entities
from arnews.money import extract_donations, extract_money
from arnews.nlp import Analysis, Analyzer, default_analyzer, sentences_of, tokens_of
from arnews.parser import parse_structure
from arnews.quotes import extract_quotes

__all__ = ["PROCESSORS", "REQUIRES", "Processor", "resolve_processors"]


class Processor:
    """One stage. Subclasses set :attr:`name` and :attr:`requires` and implement :meth:`process`."""

    name: ClassVar[str] = ""
    requires: ClassVar[tuple[str, ...]] = ()

    def process(self, doc: Doc) -> None:
        """Read ``doc`` and write this stage's results onto it."""
        raise NotImplementedError

    def process_many(self, docs: Sequence[Doc]) -> None:
        """Process a batch of documents (one at a time unless the stage batches)."""
        for doc in docs:
            self.process(doc)


class StructureProcessor(Processor):
    name = "structure"

    def __init__(self, kb: KnowledgeBase | None) -> None:
        self.kb = kb

    def process(self, doc: Doc) -> None:
        doc.structure = parse_structure(doc.view, url=doc.url, kb=self.kb, page=doc.page)


class TokenizeProcessor(Processor):
    name = "tokenize"
    requires = ("structure",)

    def process(self, doc: Doc) -> None:
        text, regions = doc.text, doc.structure.regions()
        doc.sentences = sentences_of(text, regions)
        doc.defer_tokens(partial(tokens_of, text, regions))  # made when the model reads them


class NerProcessor(Processor):
    name = "ner"
    requires = ("tokenize",)

    def __init__(self, analyzer: Analyzer | None) -> None:
        self._analyzer = analyzer

    @property
    def analyzer(self) -> Analyzer:
        """The NLP analyzer, resolved on first use (:func:`arnews.nlp.default_analyzer`)."""
        if self._analyzer is None:
            self._analyzer = default_analyzer()
        return self._analyzer

    def process(self, doc: Doc) -> None:
        self.process_many([doc])

    def process_many(self, docs: Sequence[Doc]) -> None:
        analyzer = self.analyzer
        tag_many = getattr(analyzer, "tag_many", None)
        if tag_many is not None:  # tags the document's own sentences and tokens
            found = tag_many([(d.text, Analysis(d.sentences, d.tokens)) for d in docs])
            for doc, spans in zip(docs, found, strict=True):
                doc.ner = tuple(spans)
            return
        analyses = analyzer.analyze_many([(d.text, d.structure.regions()) for d in docs])
        for doc, analysis in zip(docs, analyses, strict=True):
            doc.ner = analysis.entities


class EntityProcessor(Processor):
    name = "entities"
    requires = ("structure",)

    def __init__(self, kb: KnowledgeBase | None) -> None:
        self.kb = kb

    def process(self, doc: Doc) -> None:
        doc.entities = link_entities(doc, kb=self.kb)


class QuoteProcessor(Processor):
    name, requires = "quotes", ("tokenize", "entities")

    def process(self, doc: Doc) -> None:
        doc.quotes = extract_quotes(doc)


class MoneyProcessor(Processor):
    name, requires = "money", ("structure",)

    def process(self, doc: Doc) -> None:
        doc.money = extract_money(doc)


class DateProcessor(Processor):
    name, requires = "dates", ("tokenize",)

    def process(self, doc: Doc) -> None:
        doc.dates = extract_dates(doc)


class DonationProcessor(Processor):
    name, requires = "donations", ("tokenize", "money", "entities", "dates")

    def process(self, doc: Doc) -> None:
        doc.donations = extract_donations(doc)


_CLASSES: tuple[type[Processor], ...] = (
    StructureProcessor,
    TokenizeProcessor,
    NerProcessor,
    EntityProcessor,
    QuoteProcessor,
    MoneyProcessor,
    DateProcessor,
    DonationProcessor,
)

#: Every processor by name, in the order a pipeline runs them, each with how it is built from the pipeline's
#: analyzer and knowledge base.
PROCESSORS: dict[str, Callable[[Analyzer | None, KnowledgeBase | None], Processor]] = {
    "structure": lambda analyzer, kb: StructureProcessor(kb),
    "tokenize": lambda analyzer, kb: TokenizeProcessor(),
    "ner": lambda analyzer, kb: NerProcessor(analyzer),
    "entities": lambda analyzer, kb: EntityProcessor(kb),
    "quotes": lambda analyzer, kb: QuoteProcessor(),
    "money": lambda analyzer, kb: MoneyProcessor(),
    "dates": lambda analyzer, kb: DateProcessor(),
    "donations": lambda analyzer, kb: DonationProcessor(),
}

#: What each processor requires to have run before it, by name.
REQUIRES: dict[str, tuple[str, ...]] = {cls.name: cls.requires for cls in _CLASSES}


def _with_requirements(wanted: Iterable[str]) -> set[str]:
    """``wanted`` and everything it requires, transitively."""
    names: set[str] = set()
    todo = list(wanted)
    while todo:
        name = todo.pop()
        if name not in names:
            names.add(name)
            todo.extend(REQUIRES[name])
    return names


def _check_names(names: Iterable[str], what: str) -> list[str]:
    names = list(names)
    unknown = [n for n in names if n not in PROCESSORS]
    if unknown:
        raise ValueError(f"unknown {what} {unknown}: the processors are {list(PROCESSORS)}")
    return names


def resolve_processors(processors: Iterable[str] | None = None, exclude: Iterable[str] = ()) -> tuple[str, ...]:
    """The processor names a pipeline runs, in order: ``processors`` (default: all) with their requirements, less
    ``exclude``. Excluding a processor that another one requires is an error.

    >>> resolve_processors(["money"])
    ('structure', 'money')
    >>> resolve_processors(exclude=["ner"])
    ('structure', 'tokenize', 'entities', 'quotes', 'money', 'dates', 'donations')
    """
    wanted = _check_names(PROCESSORS if processors is None else processors, "processors")
    dropped = set(_check_names(exclude, "processors in exclude"))
    kept = [n for n in wanted if n not in dropped]
    names = _with_requirements(kept)
    clash = sorted(names & dropped)
    if clash:
        needs = sorted(n for n in kept if _with_requirements([n]) & dropped)
        raise ValueError(f"cannot exclude {clash}: {needs} require them")
    return tuple(n for n in PROCESSORS if n in names)

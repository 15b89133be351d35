"""The document every stage reads and extends.

:class:`Doc` holds the input text and its normalised view, then what each processor adds: the page structure,
sentences and tokens, the NER model's spans, entities (with an index answering "which entity covers this span"),
quotes, money, dates and donations. A processor reads what earlier ones wrote and never re-derives it. Spans at
stage boundaries are input offsets (``doc.text[start:end] == span.text``); the one conversion to normal-form
offsets is :attr:`Doc.regions`.

>>> from arnews import Pipeline
>>> doc = Pipeline(processors=["structure", "money"]).process("عنوان\\n\\nتبرع بمبلغ 5 ملايين ريال.")
>>> [m.text for m in doc.money], doc.done
(['5 ملايين ريال'], ('structure', 'money'))
"""

from __future__ import annotations

import bisect
import datetime as _dt
from collections.abc import Callable, Sequence

from attrs import define, field, frozen

from arnews.core.text import TextView, normalize
from arnews.core.tokens import Token as NormToken
from arnews.core.tokens import tokenize
from arnews.models import (
    Article,
    Caption,
    DateMention,
    Donation,
    Entity,
    EntityKind,
    Money,
    Paragraph,
    Quote,
    Source,
    Span,
)
from arnews.pages import Page

__all__ = ["Doc", "EntityIndex", "NerSpan", "Sentence", "Structure", "Token"]


@frozen
class Token:
    """A word or a punctuation mark of the input (input offsets)."""

    text: str
    start: int
    end: int


@frozen
class Sentence:
    """A sentence of the input (input offsets), as the one sentence splitter cut it."""

    text: str
    start: int
    end: int


@frozen
class NerSpan:
    """A named-entity span proposed by the NER model (input offsets)."""

    text: str
    start: int
    end: int
    type: EntityKind
    score: float = 1.0


@frozen
class Structure:
    """The parts of an article's page, found by the structure processor."""

    title: Span | None = None
    dateline: Span | None = None  # the whole dateline: place, agency, reporters, date
    dateline_place: Span | None = None  # its place, when it names one
    paragraphs: tuple[Paragraph, ...] = ()
    captions: tuple[Caption, ...] = ()
    source: Source = field(factory=Source)
    published: _dt.datetime | None = None
    removed: tuple[Span, ...] = ()

    def regions(self) -> list[tuple[int, int]]:
        """The input ranges that hold article text (title, dateline, paragraphs, captions), in order."""
        spans: list[Span] = [s for s in (self.title, self.dateline) if s is not None]
        spans.extend(self.paragraphs)
        for cap in self.captions:
            spans.extend(s for s in (cap.title_span, cap) if s is not None)
        return sorted({(s.start, s.end) for s in spans})


class EntityIndex:
    """The entities of one article, indexed once: mentions sorted by start offset (bisect), and every name and
    mention text by its normal form and by its last word. Each look-up costs a bisect and a dict access, so an
    article with thousands of quotes and entities stays linear."""

    def __init__(self, entities: Sequence[Entity]) -> None:
        self.entities = tuple(entities)
        spans = sorted((m.start, m.end, i) for i, ent in enumerate(self.entities) for m in ent.mentions)
        self._spans = spans
        self._starts = [s for s, _, _ in spans]
        self._longest = max((e - s for s, e, _ in spans), default=0)
        self._by_form: dict[str, int] = {}
        self._by_last: dict[str, list[int]] = {}
        for i, ent in enumerate(self.entities):
            forms = {normalize(ent.name).strip()} | {normalize(m.text).strip() for m in ent.mentions}
            for form in sorted(forms):
                if not form:
                    continue
                self._by_form.setdefault(form, i)
                same_last = self._by_last.setdefault(form.split()[-1], [])
                if not same_last or same_last[-1] != i:
                    same_last.append(i)

    def covering(self, span: tuple[int, int]) -> Entity | None:
        """The first entity (in entity order) with a mention overlapping ``span`` (input offsets)."""
        lo = bisect.bisect_left(self._starts, span[0] - self._longest)
        hi = bisect.bisect_left(self._starts, span[1])
        best = min((i for _, end, i in self._spans[lo:hi] if end > span[0]), default=None)
        return None if best is None else self.entities[best]

    def containing(self, span: tuple[int, int]) -> Entity | None:
        """The first entity (in entity order) with a mention that holds all of ``span`` (input offsets)."""
        lo = bisect.bisect_left(self._starts, span[1] - self._longest)
        hi = bisect.bisect_right(self._starts, span[0])
        best = min((i for s, end, i in self._spans[lo:hi] if s <= span[0] and end >= span[1]), default=None)
        return None if best is None else self.entities[best]

    def mention_at(self, start: int) -> tuple[int, int, Entity] | None:
        """The longest mention that begins at ``start`` (an input offset), with its offsets; None when none does."""
        lo, hi = bisect.bisect_left(self._starts, start), bisect.bisect_right(self._starts, start)
        found = max(((e, i) for _, e, i in self._spans[lo:hi]), default=None)
        return None if found is None else (start, found[0], self.entities[found[1]])

    def person_within(self, span: tuple[int, int]) -> tuple[int, int, Entity] | None:
        """The one person mention lying inside ``span`` (input offsets), with its offsets; None when there is no
        such mention or more than one."""
        lo = bisect.bisect_left(self._starts, span[0])
        hi = bisect.bisect_left(self._starts, span[1])
        found = [(s, e, i) for s, e, i in self._spans[lo:hi] if e <= span[1] and self.entities[i].type == "PER"]
        if len(found) != 1:
            return None
        s, e, i = found[0]
        return s, e, self.entities[i]

    def named(self, name: str) -> Entity | None:
        """The entity whose name or a mention is ``name``; else the only entity (people first) that shares
        its last word."""
        key = normalize(name).strip()
        if not key:
            return None
        exact = self._by_form.get(key)
        if exact is not None:
            return self.entities[exact]
        by_last = [self.entities[i] for i in self._by_last.get(key.split()[-1], ())]
        people = [e for e in by_last if e.type == "PER"] or by_last
        return people[0] if len({e.id for e in people}) == 1 else None


@define(eq=False)
class Doc:
    """One article on its way through the pipeline: the input, its normal form, and each stage's results.

    ``published`` is the publication date the caller gave; :attr:`anchor` is the date relative expressions are
    resolved against (the caller's, else the one the page states). ``done`` names the processors that ran.
    ``sentences`` are the one sentence splitter's; ``tokens`` are the words the NER model reads, as it was trained
    to (input offsets; words joined across inner dots and underscores: "U.S", "وسم_ما"); the rule stages match on
    the tokens of :func:`arnews.core.tokens.tokenize` over the normal form.
    """

    view: TextView
    published: _dt.datetime | None = None
    url: str | None = None
    page: Page | None = None  # the web page the text was read from, when the input was HTML
    structure: Structure = field(factory=Structure)
    sentences: tuple[Sentence, ...] = ()
    # the tokens, or what makes them the first time they are read (:meth:`defer_tokens`); the argument is ``tokens``
    _tokens: tuple[Token, ...] | Callable[[], tuple[Token, ...]] = ()
    ner: tuple[NerSpan, ...] = ()
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    money: tuple[Money, ...] = ()
    dates: tuple[DateMention, ...] = ()
    donations: tuple[Donation, ...] = ()
    done: tuple[str, ...] = ()
    # caches, each with the value it was derived from: a stage that writes a new structure or new sentences makes
    # them stale, and they are made again
    _regions: tuple[Structure, list[tuple[int, int]]] | None = field(default=None, init=False, repr=False)
    _norm_sentences: tuple[tuple[Sentence, ...], Structure, list[tuple[int, int, int]]] | None = field(
        default=None, init=False, repr=False
    )
    _index: EntityIndex | None = field(default=None, init=False, repr=False)
    _norm_tokens: dict[tuple[int, int], tuple[NormToken, ...]] = field(factory=dict, init=False, repr=False)
    _all_tokens: tuple[TextView, list[NormToken], list[int]] | None = field(default=None, init=False, repr=False)

    @property
    def tokens(self) -> tuple[Token, ...]:
        """The words the NER model reads (see the class); made on first reading when the tokenize processor
        deferred them (:meth:`defer_tokens`)."""
        made = self._tokens
        if not isinstance(made, tuple):
            made = self._tokens = made()
        return made

    @tokens.setter
    def tokens(self, value: tuple[Token, ...]) -> None:
        self._tokens = value

    def defer_tokens(self, make: Callable[[], tuple[Token, ...]]) -> None:
        """Make :attr:`tokens` with ``make`` when they are first read: only the NER model reads them, so a run
        without it never makes them."""
        self._tokens = make

    @property
    def text(self) -> str:
        """The text every span indexes: the input as given, or a web page's article text (:attr:`page`)."""
        return self.view.raw

    @property
    def anchor(self) -> _dt.datetime | None:
        """The date relative expressions resolve against: the caller's ``published``, else the page's own."""
        return self.published or self.structure.published

    @property
    def regions(self) -> list[tuple[int, int]]:
        """The article's text regions (title, dateline, paragraphs, captions) as normal-form ranges, in order and
        without overlaps: the one place input offsets become normal-form offsets for the rule stages."""
        if self._regions is None or self._regions[0] is not self.structure:
            ranges: list[tuple[int, int]] = []
            for raw_start, raw_end in self.structure.regions():
                nstart, nend = self.view.norm_index(raw_start), self.view.norm_index(raw_end)
                if ranges and nstart < ranges[-1][1]:
                    nstart = ranges[-1][1]
                if nend > nstart:
                    ranges.append((nstart, nend))
            self._regions = (self.structure, ranges)
        return self._regions[1]

    @property
    def norm_sentences(self) -> list[tuple[int, int, int]]:
        """The sentences of the one splitter (:attr:`sentences`, written by the tokenize processor) as normal-form
        ranges, each with the index of the region (:attr:`regions`) it lies in, in order."""
        regions = self.regions  # made again first if the structure changed
        made = self._norm_sentences
        if made is None or made[0] is not self.sentences or made[1] is not self.structure:
            starts = [s for s, _e in regions]
            out: list[tuple[int, int, int]] = []
            for sent in self.sentences:
                s, e = self.view.norm_index(sent.start), self.view.norm_index(sent.end)
                if e > s:
                    out.append((s, e, max(0, bisect.bisect_right(starts, s) - 1)))
            self._norm_sentences = made = (self.sentences, self.structure, out)
        return made[2]

    def norm_tokens(self, start: int, end: int) -> tuple[NormToken, ...]:
        """The tokens of the normal form between ``start`` and ``end`` (:func:`arnews.core.tokens.tokenize`), made
        once per range however many stages read it (the entity linker and the quote stage read every region): a
        slice of the whole normal form's tokens, tokenized once, unless a token crosses an edge of the range."""
        made = self._norm_tokens.get((start, end))
        if made is None:
            made = self._norm_tokens[start, end] = self._tokens_between(start, end)
        return made

    def _tokens_between(self, start: int, end: int) -> tuple[NormToken, ...]:
        whole = self._all_tokens
        if whole is None or whole[0] is not self.view:
            toks = tokenize(self.view.norm)
            whole = self._all_tokens = (self.view, toks, [t.start for t in toks])
        _view, toks, starts = whole
        lo, hi = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
        if (lo > 0 and toks[lo - 1].end > start) or (hi > lo and toks[hi - 1].end > end):
            return tuple(tokenize(self.view.norm, start, end))  # a token crosses an edge: the range's own tokens
        return tuple(toks[lo:hi])

    @property
    def entity_index(self) -> EntityIndex:
        """The article's entities indexed once (built on first use after the entity stage)."""
        if self._index is None or self._index.entities is not self.entities:
            self._index = EntityIndex(self.entities)
        return self._index

    def to_article(self) -> Article:
        """The :class:`~arnews.models.Article` record of this document (the public JSON shape)."""
        s = self.structure
        return Article(
            title=s.title.text if s.title else "",
            dateline=s.dateline_place.text if s.dateline_place else None,
            published=self.anchor,
            source=s.source,
            paragraphs=s.paragraphs,
            captions=s.captions,
            entities=self.entities,
            quotes=self.quotes,
            money=self.money,
            donations=self.donations,
            dates=self.dates,
            title_span=s.title,
            dateline_span=s.dateline,
            dateline_place=s.dateline_place,
            text=self.text,
        )

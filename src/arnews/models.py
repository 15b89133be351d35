"""The typed record of a parsed article.

Plain ``attrs`` declarations only: no parsing, no I/O. Serialisation lives in :mod:`arnews.serialize`.
Every class that stands for a piece of the input carries ``text``, ``start`` and ``end`` with
``input[start:end] == text``.
"""

from __future__ import annotations

import datetime as _dt
import re
from decimal import Decimal
from typing import Any, Literal

import attrs
from attrs import field, frozen

__all__ = [
    "Article",
    "Caption",
    "DateMention",
    "Donation",
    "Entity",
    "EntityKind",
    "EntityRef",
    "Granularity",
    "Mention",
    "Money",
    "Paragraph",
    "Participants",
    "Qualifier",
    "Quote",
    "QuoteKind",
    "Source",
    "Span",
    "Speaker",
]

EntityKind = Literal["PER", "ORG", "LOC", "MISC"]
QuoteKind = Literal["direct", "partial", "indirect"]
Qualifier = Literal["more_than", "less_than", "about", "at_least", "up_to"]
Granularity = Literal["minute", "day", "week", "month", "year"]

ENTITY_KINDS: frozenset[str] = frozenset({"PER", "ORG", "LOC", "MISC"})
QUOTE_KINDS: frozenset[str] = frozenset({"direct", "partial", "indirect"})
GRANULARITIES: frozenset[str] = frozenset({"minute", "day", "week", "month", "year"})
QUALIFIERS: frozenset[str] = frozenset({"more_than", "less_than", "about", "at_least", "up_to"})
VAGUENESS: frozenset[str] = frozenset({"tens", "hundreds", "thousands", "millions", "billions", "several"})

_CURRENCY = re.compile(r"^[A-Z]{3}$")
_QID = re.compile(r"^Q[1-9][0-9]*$")


def _one_of(allowed: frozenset[str]) -> Any:
    def check(inst: object, att: attrs.Attribute[Any], value: object) -> None:
        if value not in allowed:
            raise ValueError(f"{type(inst).__name__}.{att.name} must be one of {sorted(allowed)}, not {value!r}")

    return check


def _optional_one_of(allowed: frozenset[str]) -> Any:
    inner = _one_of(allowed)

    def check(inst: object, att: attrs.Attribute[Any], value: object) -> None:
        if value is not None:
            inner(inst, att, value)

    return check


def _qid(inst: object, att: attrs.Attribute[Any], value: str | None) -> None:
    if value is not None and not _QID.match(value):
        raise ValueError(f"{type(inst).__name__}.{att.name} must be a Wikidata QID such as 'Q76', not {value!r}")


def _non_negative(inst: object, att: attrs.Attribute[Any], value: int) -> None:
    if value < 0:
        raise ValueError(f"{type(inst).__name__}.{att.name} must be >= 0, not {value}")


def _iso_date(inst: object, att: attrs.Attribute[Any], value: str | None) -> None:
    if value is None:
        return
    try:
        _dt.datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{type(inst).__name__}.{att.name} must be an ISO 8601 date, not {value!r}") from None


def _tuple(value: Any) -> tuple[Any, ...]:
    return tuple(value)


class _Record:
    """What every record shares: a JSON-ready dict through the one converter of :mod:`arnews.serialize`."""

    __slots__ = ()

    def to_dict(self) -> dict[str, Any]:
        """This record as a JSON-ready dict (Decimals as strings, datetimes in ISO 8601)."""
        from arnews.serialize import unstructure

        result: dict[str, Any] = unstructure(self)
        return result


@frozen
class Span(_Record):
    """A piece of the input: ``input[start:end] == text``.

    >>> text = "قال الوزير"
    >>> Span(text[4:10], 4, 10)
    Span(text='الوزير', start=4, end=10)
    >>> Span("الوزير", 4, 9)
    Traceback (most recent call last):
    ...
    ValueError: span [4:9] has text of 6 characters, not 5
    """

    text: str
    start: int = field(validator=_non_negative)
    end: int = field(validator=_non_negative)

    def __attrs_post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"span end {self.end} is before its start {self.start}")
        if self.end - self.start != len(self.text):
            width = self.end - self.start
            raise ValueError(f"span [{self.start}:{self.end}] has text of {len(self.text)} characters, not {width}")


@frozen
class Paragraph(Span):
    """A paragraph of the article's body."""


@frozen
class Mention(Span):
    """One place in the text where an entity is named."""


@frozen
class Caption(Span):
    """A photo caption: the span is the caption text; title and credit are the lines around it."""

    title: str | None = None
    credit: str | None = None
    title_span: Span | None = None
    credit_span: Span | None = None


@frozen
class Source(_Record):
    """Where the article comes from: the site, its author, and re-publisher notes."""

    site: str | None = None
    url: str | None = None
    author: str | None = None
    translated: bool = False
    translator: str | None = None
    contributors: tuple[str, ...] = field(default=(), converter=_tuple)
    agency: str | None = None
    categories: tuple[str, ...] = field(default=(), converter=_tuple)  # a web page's sections (its metadata)
    tags: tuple[str, ...] = field(default=(), converter=_tuple)  # a web page's tags (its metadata)


@frozen
class Entity(_Record):
    """A person, organisation, place or other named thing, with every mention of it."""

    id: str
    name: str
    type: EntityKind = field(validator=_one_of(ENTITY_KINDS))
    wikidata: str | None = field(default=None, validator=_qid)
    mentions: tuple[Mention, ...] = field(default=(), converter=_tuple)
    description: str | None = None


@frozen
class EntityRef(_Record):
    """A reference to an entity by name, linked where it could be (organizer, recipient, donor)."""

    name: str
    entity: str | None = None
    wikidata: str | None = field(default=None, validator=_qid)


@frozen
class Speaker(_Record):
    """Who a quote is attributed to. Anonymous sources keep their description and no name."""

    name: str
    entity: str | None = None
    wikidata: str | None = field(default=None, validator=_qid)
    anonymous: bool = False
    description: str | None = None
    span: Span | None = None


@frozen
class Quote(Span):
    """Words attributed to a speaker: the text is what stands inside the marks (or the reported clause)."""

    kind: QuoteKind = field(default="direct", validator=_one_of(QUOTE_KINDS))
    cue: str | None = None
    speaker: Speaker | None = None
    according_to: str | None = None


@frozen
class Money(Span):
    """A monetary amount. ``value`` is None for vague amounts ("ملايين الدولارات"), which set ``vague``.

    >>> from decimal import Decimal
    >>> text = "بلغت التبرعات 15 مليون دولار"
    >>> money = Money(text[14:28], 14, 28, value=Decimal("15000000"), currency="USD")
    >>> money.text, money.to_dict()["value"]
    ('15 مليون دولار', '15000000')
    """

    value: Decimal | None = None
    currency: str = field(default="USD")
    qualifier: Qualifier | None = field(default=None, validator=_optional_one_of(QUALIFIERS))
    vague: str | None = field(default=None, validator=_optional_one_of(VAGUENESS))

    @currency.validator
    def _check_currency(self, att: attrs.Attribute[str], value: str) -> None:
        if not _CURRENCY.match(value):
            raise ValueError(f"Money.currency must be an ISO 4217 code such as 'USD', not {value!r}")


@frozen
class Participants(_Record):
    """How many took part in a donation drive ("بمشاركة 53 ألف مشارك")."""

    value: int = field(validator=_non_negative)
    text: str
    qualifier: Qualifier | None = field(default=None, validator=_optional_one_of(QUALIFIERS))
    start: int | None = None
    end: int | None = None


@frozen
class Donation(_Record):
    """Money given, raised, pledged or granted voluntarily, with who organised, gave and received it."""

    amount: Money
    evidence: Span
    organizer: EntityRef | None = None
    recipient: EntityRef | None = None
    donor: EntityRef | None = None
    participants: Participants | None = None
    date: str | None = field(default=None, validator=_iso_date)


@frozen
class DateMention(Span):
    """A date or time expression, resolved to ISO 8601 where it could be (``value``), else None.

    ``granularity`` says how much of ``value`` the text states: "عام 2020" is ``2020-01-01`` with granularity
    ``year``, "يوليو 2024" is ``2024-07-01`` with ``month``, "الأسبوع الماضي" is a day seven days back with ``week``,
    "الخميس الساعة 10 صباحا" is a date-time with ``minute``.
    """

    value: str | None = field(default=None, validator=_iso_date)
    calendar: Literal["gregorian", "hijri"] = "gregorian"
    granularity: Granularity = field(default="day", validator=_one_of(GRANULARITIES))


@frozen
class Article(_Record):
    """Everything arnews found in one article. Build one with :func:`arnews.parse`.

    >>> import arnews
    >>> article = arnews.parse("عنوان الخبر\\n\\nالرياض - واس\\nافتتح الوزير المشروع.")
    >>> article.title, article.dateline, article.dateline_span.text, len(article.paragraphs)
    ('عنوان الخبر', 'الرياض', 'الرياض - واس', 1)

    ``dateline`` is the place the dateline names (None when it names none, as in "(رويترز) -");
    ``dateline_span`` is the whole dateline as it stands in the input (place, agency, reporters, date), and
    ``dateline_place`` the place's span.

    ``text`` is the text every span indexes (``article.text[s.start:s.end] == s.text``): the input itself for
    plain text; for an HTML page, the article text arnews read from it (:mod:`arnews.pages`).
    """

    title: str
    dateline: str | None = None
    published: _dt.datetime | None = None
    source: Source = field(factory=Source)
    paragraphs: tuple[Paragraph, ...] = field(default=(), converter=_tuple)
    captions: tuple[Caption, ...] = field(default=(), converter=_tuple)
    entities: tuple[Entity, ...] = field(default=(), converter=_tuple)
    quotes: tuple[Quote, ...] = field(default=(), converter=_tuple)
    money: tuple[Money, ...] = field(default=(), converter=_tuple)
    donations: tuple[Donation, ...] = field(default=(), converter=_tuple)
    dates: tuple[DateMention, ...] = field(default=(), converter=_tuple)
    title_span: Span | None = None
    dateline_span: Span | None = None
    dateline_place: Span | None = None
    text: str = ""

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        """The exact inverse of :meth:`to_dict`.

        >>> article = Article(title="عنوان", paragraphs=[Paragraph("نص الخبر", 7, 15)])
        >>> Article.from_dict(article.to_dict()) == article
        True
        """
        from arnews.serialize import structure

        return structure(data, cls)

    def to_json(self, *, indent: int | None = None) -> str:
        """The dict of :meth:`to_dict` as a JSON string (UTF-8 text, Arabic kept readable)."""
        from arnews.serialize import to_json

        return to_json(self, indent=indent)

    @classmethod
    def from_json(cls, data: str | bytes) -> Article:
        """Read back what :meth:`to_json` wrote.

        >>> article = Article(title="عنوان")
        >>> Article.from_json(article.to_json()) == article
        True
        """
        from arnews.serialize import from_json

        return from_json(data, cls)

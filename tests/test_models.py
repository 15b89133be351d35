"""The models: validation, and the exact to_dict/from_dict round trip (property-based)."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from arnews import (
    Article,
    Caption,
    DateMention,
    Donation,
    Entity,
    EntityRef,
    InputError,
    Mention,
    Money,
    Paragraph,
    Participants,
    Quote,
    Source,
    Span,
    Speaker,
)
from arnews.serialize import json_schema


def test_span_rejects_end_before_start() -> None:
    with pytest.raises(ValueError, match="before its start"):
        Span("", 5, 3)


def test_span_rejects_text_of_wrong_width() -> None:
    with pytest.raises(ValueError, match="characters"):
        Span("abc", 0, 2)


def test_money_currency_must_be_iso_4217() -> None:
    with pytest.raises(ValueError, match="ISO 4217"):
        Money("5 دولارات", 0, 9, value=Decimal(5), currency="usd")


def test_kinds_are_checked() -> None:
    with pytest.raises(ValueError, match="one of"):
        Quote("x", 0, 1, kind="hearsay")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="one of"):
        Entity(id="L1", name="x", type="PERSON")  # type: ignore[arg-type]


def test_wikidata_ids_are_checked() -> None:
    with pytest.raises(ValueError, match="QID"):
        EntityRef(name="x", wikidata="76")


def test_dict_uses_strings_for_decimals_and_iso_datetimes() -> None:
    article = Article(
        title="t",
        published=dt.datetime(2024, 7, 29, 13, 0, 5),
        money=[Money("1.5 مليون دولار", 10, 25, value=Decimal("1500000"), currency="USD", qualifier="more_than")],
    )
    d = article.to_dict()
    assert d["published"] == "2024-07-29T13:00:05"
    assert d["money"][0]["value"] == "1500000"
    assert Article.from_dict(d) == article
    assert Article.from_json(article.to_json()) == article


texts = st.text(alphabet="ابتثجحخدذرزسشصضطظعغفقكلمنهوي «»“” 0123456789", max_size=12)


@st.composite
def spans(draw: st.DrawFn, cls: type = Span) -> object:
    text = draw(texts)
    start = draw(st.integers(min_value=0, max_value=10_000))
    return cls(text, start, start + len(text))


qids = st.none() | st.integers(min_value=1, max_value=10**8).map(lambda n: f"Q{n}")
qualifiers = st.sampled_from([None, "more_than", "less_than", "about", "at_least", "up_to"])
refs = st.none() | st.builds(EntityRef, name=texts, entity=st.none() | texts, wikidata=qids)


@st.composite
def moneys(draw: st.DrawFn) -> Money:
    text = draw(texts)
    start = draw(st.integers(min_value=0, max_value=10_000))
    value = draw(
        st.none() | st.decimals(allow_nan=False, allow_infinity=False, places=3, min_value=0, max_value=10**12)
    )
    return Money(
        text,
        start,
        start + len(text),
        value=value,
        currency=draw(st.sampled_from(["USD", "SAR", "EUR", "EGP"])),
        qualifier=draw(qualifiers),
    )


@st.composite
def articles(draw: st.DrawFn) -> Article:
    def spans_of(cls: type) -> list[object]:
        return draw(st.lists(spans(cls), max_size=3))

    entities = [
        Entity(
            id=f"L{i}",
            name=draw(texts),
            type=draw(st.sampled_from(["PER", "ORG", "LOC", "MISC"])),
            wikidata=draw(qids),
            mentions=spans_of(Mention),
        )
        for i in range(draw(st.integers(0, 3)))
    ]
    quotes = []
    for q in spans_of(Span):
        assert isinstance(q, Span)
        speaker = draw(
            st.none()
            | st.builds(Speaker, name=texts, wikidata=qids, anonymous=st.booleans(), description=st.none() | texts)
        )
        quotes.append(
            Quote(
                q.text,
                q.start,
                q.end,
                kind=draw(st.sampled_from(["direct", "partial", "indirect"])),
                cue=draw(st.none() | texts),
                speaker=speaker,
                according_to=draw(st.none() | texts),
            )
        )
    money = draw(st.lists(moneys(), max_size=3))
    donations = [
        Donation(
            amount=m,
            evidence=draw(spans()),
            organizer=draw(refs),
            recipient=draw(refs),
            donor=draw(refs),
            participants=draw(
                st.none() | st.builds(Participants, value=st.integers(0, 10**7), text=texts, qualifier=qualifiers)
            ),
            date=draw(st.none() | st.dates().map(dt.date.isoformat)),
        )
        for m in money
    ]
    captions = [
        Caption(c.text, c.start, c.end, title=draw(st.none() | texts), credit=draw(st.none() | texts))
        for c in spans_of(Span)
        if isinstance(c, Span)
    ]
    return Article(
        title=draw(texts),
        dateline=draw(st.none() | texts),
        published=draw(st.none() | st.datetimes(min_value=dt.datetime(1900, 1, 1))),
        source=Source(
            site=draw(st.none() | texts), translated=draw(st.booleans()), contributors=draw(st.lists(texts, max_size=2))
        ),
        paragraphs=spans_of(Paragraph),
        captions=captions,
        entities=entities,
        quotes=quotes,
        money=money,
        donations=donations,
        dates=[
            DateMention(d.text, d.start, d.end, value=draw(st.none() | st.dates().map(dt.date.isoformat)))
            for d in spans_of(Span)
            if isinstance(d, Span)
        ],
    )


@given(articles())
def test_round_trip_is_exact(article: Article) -> None:
    d = article.to_dict()
    assert Article.from_dict(d) == article
    assert Article.from_dict(json.loads(json.dumps(d))) == article


@given(articles())
def test_every_dict_fits_the_shipped_schema(article: Article) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.validate(article.to_dict(), json_schema())


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([1, 2], "JSON object"),
        ({"title": "x", "money": [{"text": "a", "start": 0, "end": 1, "value": "1", "currency": "XXXX"}]}, "ISO 4217"),
        ({"title": "x", "dates": [{"text": "a", "start": 0, "end": 1, "value": "zz"}]}, "ISO 8601"),
        ({"title": "x", "published": "not a date"}, r"\$\.published"),
        ({"title": "x", "entities": [{"id": "Q1", "name": "n", "type": "PERSON"}]}, r"\$\.entities\[0\]\.type"),
        ({"title": "x", "paragraphs": [{"text": "نص", "start": 0}]}, "required field missing"),
    ],
)
def test_from_dict_of_bad_data_is_an_input_error_naming_the_place(data: object, message: str) -> None:
    with pytest.raises(InputError, match=message):
        Article.from_dict(data)  # type: ignore[arg-type]

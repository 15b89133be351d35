"""The document and the processors: subsets of the pipeline, their requirements, and what each one writes."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import arnews
from arnews import Pipeline
from arnews.document import Doc
from arnews.kb import KbEntry, KnowledgeBase
from arnews.nlp import RuleAnalyzer, split, tokens_of
from arnews.pipeline import resolve_processors
from arnews.processors import PROCESSORS, REQUIRES
from process_helpers import run_fresh

ARTICLE = (
    "جمعية خيرية تجمع مليون ريال للأسر المحتاجة\n\n"
    "الرياض - واس\n"
    "أعلنت جمعية البر الخيرية يوم الخميس الماضي أنها جمعت تبرعات بلغت مليون ريال لصالح الأسر المحتاجة.\n"
    "وقال رئيس الجمعية خالد العلي: «سنوزع المبلغ قبل رمضان».\n"
)


def test_every_processor_requires_only_earlier_ones() -> None:
    order = list(PROCESSORS)
    for name, needs in REQUIRES.items():
        assert all(order.index(n) < order.index(name) for n in needs), name


@pytest.mark.parametrize(
    ("processors", "exclude", "expected"),
    [
        (None, (), tuple(PROCESSORS)),
        (["money"], (), ("structure", "money")),
        (["donations"], (), ("structure", "tokenize", "entities", "money", "dates", "donations")),
        (["quotes"], (), ("structure", "tokenize", "entities", "quotes")),
        (["ner"], (), ("structure", "tokenize", "ner")),
        (None, ["ner"], ("structure", "tokenize", "entities", "quotes", "money", "dates", "donations")),
        (None, ["ner", "quotes", "donations"], ("structure", "tokenize", "entities", "money", "dates")),
    ],
)
def test_requirements_are_added_in_pipeline_order(
    processors: list[str] | None, exclude: list[str], expected: tuple[str, ...]
) -> None:
    assert resolve_processors(processors, exclude) == expected
    assert Pipeline(processors=processors, exclude=exclude).names == expected


def test_unknown_and_required_names_are_refused_clearly() -> None:
    with pytest.raises(ValueError, match="unknown processors \\['speakers'\\]"):
        Pipeline(processors=["speakers"])
    with pytest.raises(ValueError, match="unknown processors in exclude"):
        Pipeline(exclude=["nerr"])
    with pytest.raises(ValueError, match="cannot exclude \\['entities'\\]: \\['donations', 'quotes'\\] require them"):
        Pipeline(exclude=["entities"])


def test_a_subset_writes_only_its_parts_and_says_what_ran() -> None:
    doc = Pipeline(processors=["money"]).process(ARTICLE)
    assert doc.done == ("structure", "money")
    assert [m.value for m in doc.money] == [1_000_000, 1_000_000]
    assert doc.entities == () and doc.quotes == () and doc.dates == () and doc.tokens == () and doc.sentences == ()
    article = doc.to_article()
    assert article.title == "جمعية خيرية تجمع مليون ريال للأسر المحتاجة"
    assert article.dateline == "الرياض"


def test_a_subset_gives_what_the_whole_pipeline_gives_for_its_parts() -> None:
    full = Pipeline(exclude=["ner"]).process(ARTICLE, published="2015-07-20")
    money = Pipeline(processors=["money"]).process(ARTICLE, published="2015-07-20")
    dates = Pipeline(processors=["dates"]).process(ARTICLE, published="2015-07-20")
    assert money.money == full.money
    assert dates.dates == full.dates
    assert [d.value for d in full.dates] == ["2015-07-16"]  # the Thursday before publication
    assert full.donations and full.quotes


def test_rule_analyzer_pipeline_equals_excluding_ner() -> None:
    ruled = Pipeline(analyzer=RuleAnalyzer()).parse(ARTICLE)
    assert Pipeline(exclude=["ner"]).parse(ARTICLE) == ruled


def test_tokenize_fills_sentences_and_tokens_with_exact_offsets() -> None:
    doc = Pipeline(processors=["tokenize"]).process(ARTICLE)
    assert [s.text for s in doc.sentences][:2] == ["جمعية خيرية تجمع مليون ريال للأسر المحتاجة", "الرياض - واس"]
    assert len(doc.sentences) == 4
    for piece in (*doc.sentences, *doc.tokens):
        assert ARTICLE[piece.start : piece.end] == piece.text
    assert doc.ner == ()


def test_the_models_tokens_are_made_only_when_read(monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[int] = []

    def counted(text: str, regions: list[tuple[int, int]]) -> tuple[arnews.nlp.Token, ...]:
        made.append(len(regions))
        return tokens_of(text, regions)

    monkeypatch.setattr("arnews.processors.tokens_of", counted)
    doc = Pipeline(exclude=["ner"]).process(ARTICLE)
    assert made == [] and doc.quotes  # the rule stages never read them
    first = doc.tokens
    assert first == split(ARTICLE, doc.structure.regions()).tokens and doc.tokens is first
    assert made == [len(doc.structure.regions())]  # made once, on first reading
    doc.tokens = first[:2]
    assert doc.tokens == first[:2]


def test_regions_are_the_one_conversion_to_normal_offsets() -> None:
    doc = Pipeline(processors=["structure"]).process("عنوانٌ\n\nنصُّ الخبرِ هنا.")
    assert [doc.view.norm[s:e] for s, e in doc.regions] == ["عنوان", "نص الخبر هنا."]
    assert doc.regions is doc.regions  # computed once
    doc.structure = attrs.evolve(doc.structure, paragraphs=())  # a stage writes anew: the caches follow
    assert [doc.view.norm[s:e] for s, e in doc.regions] == ["عنوان"]


def test_norm_sentences_follow_the_sentences_written() -> None:
    doc = Pipeline(processors=["tokenize"]).process("عنوان\n\nجملة أولى. جملة ثانية.")
    assert len(doc.norm_sentences) == 3
    doc.sentences = doc.sentences[:1]
    assert [doc.view.norm[s:e] for s, e, _r in doc.norm_sentences] == ["عنوان"]


def test_entity_index_follows_the_entities() -> None:
    doc = Pipeline(processors=["entities"]).process(ARTICLE)
    person = next(e for e in doc.entities if e.type == "PER")
    mention = person.mentions[0]
    assert mention.text == "خالد العلي"
    assert doc.entity_index.covering((mention.start, mention.end)) == person
    doc.entities = ()
    assert doc.entity_index.covering((mention.start, mention.end)) is None


def test_parse_is_process_then_to_article(seed_texts: list[str]) -> None:
    pipe = Pipeline(exclude=["ner"])
    for text in seed_texts:
        assert pipe.process(text).to_article() == pipe.parse(text)


def test_process_many_keeps_order_and_records_stage_times(seed_texts: list[str]) -> None:
    pipe = Pipeline(exclude=["ner"], batch_size=2)
    docs = list(pipe.process_many(seed_texts))
    assert [isinstance(d, Doc) for d in docs] == [True] * len(seed_texts)
    assert [d.to_article() for d in docs] == [pipe.parse(t) for t in seed_texts]
    assert set(pipe.seconds) == set(pipe.names) and all(s > 0 for s in pipe.seconds.values())


def test_the_pipeline_kb_decides_bare_datelines() -> None:
    text = "عنوان الخبر\n\nزمردستان - افتتح الوزير المشروع الجديد أمس.\nوقال إن العمل سيستمر."
    assert Pipeline(processors=["structure"]).parse(text).dateline is None
    kb = KnowledgeBase([KbEntry("Q4115189", "LOC", ("زمردستان",))])
    assert Pipeline(processors=["structure"], kb=kb).parse(text).dateline == "زمردستان"
    assert Pipeline(exclude=["ner"], kb=kb).parse(text).entities[0].wikidata == "Q4115189"


def test_a_kb_of_the_wrong_type_is_refused() -> None:
    with pytest.raises(arnews.InputError, match="kb must be a KnowledgeBase"):
        Pipeline(kb=123)  # type: ignore[arg-type]


def test_excluding_ner_imports_no_torch() -> None:
    code = (
        "import sys, arnews\n"
        "doc = arnews.Pipeline(exclude=['ner']).process(open('seeds/001_620adf704482ae50.txt').read())\n"
        "assert doc.entities and doc.quotes and doc.money and doc.donations\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('torch', 'stanza'))\n"
        "print(bad)\n"
        "sys.exit(1 if bad else 0)\n"
    )
    done = run_fresh(code)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_normal_form_is_tokenized_once_per_region_for_every_stage() -> None:
    from arnews.core.tokens import tokenize

    pipe = Pipeline(analyzer=RuleAnalyzer())
    doc = pipe.process(ARTICLE)
    assert doc.regions, "the article has text regions"
    for s, e in doc.regions:
        made = doc.norm_tokens(s, e)
        assert list(made) == tokenize(doc.view.norm, s, e)
        assert doc.norm_tokens(s, e) is made  # the linker and the quote stage read the same tokens
    # both stages asked for the paragraphs' tokens: the cache holds them, made once
    assert set(doc.regions) <= set(doc._norm_tokens)


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet='قال الرئيس 1,500.3 ريال «»"g20ـ-\n،.', max_size=60),
    st.integers(0, 70),
    st.integers(0, 70),
)
def test_the_tokens_of_a_range_are_those_the_range_alone_gives(text: str, a: int, b: int) -> None:
    """A range's tokens are cut from the whole text's tokens, one tokenization per article; a range whose edge
    falls inside a token ("1,5|00", "الرئ|يس") gets its own, as if tokenized alone."""
    from arnews.core.text import view
    from arnews.core.tokens import tokenize

    doc = Doc(view(text))
    n = len(doc.view.norm)
    start, end = min(a, b, n), min(max(a, b), n)
    doc.norm_tokens(0, n)  # the whole text first: later ranges are slices of it
    assert list(doc.norm_tokens(start, end)) == tokenize(doc.view.norm, start, end)

"""Tagging word lists with the pipeline's NER models: the same entities as the whole Stanza pipeline."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from arnews.nlp import StanzaAnalyzer, resources, stanza_available
from arnews.nlp.ner_model import reads_sentence_characters, remember_characters, remember_words, skip_loss
from arnews.nlp.rules import split
from arnews.nlp.word_lists import direct_tagger, padded, tag_tensor, viterbi_paths
from corpus_helpers import corpus_articles, corpus_text

pytestmark = pytest.mark.skipif(not stanza_available(), reason="stanza not installed")

SEEDS = sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt"))

HARD = [
    "",
    "ـــ ً ٌ",  # nothing the model can read
    " ".join(["زار وزير الخارجية المصري القاهرة"] * 60),  # one sentence of 300 words: tagged in pieces
    "وقال الرئيس الفرنسي إيمانويل ماكرون في باريس إن بلاده ستواصل دعم أوكرانيا.",
    "1,500,000 ريال 2015/03/04 ABC-Corp «الهلال» و(النصر) - جدة: قال م. سعيد بن علي الغامدي...",
    "الرياض - واس\n\nاستقبل الملك سلمان بن عبدالعزيز رئيس وزراء باكستان نواز شريف.\n\nأ ب ت ث",
]


@pytest.fixture(scope="module")
def analyzers() -> tuple[StanzaAnalyzer, StanzaAnalyzer]:
    spec = resources.resolve_ner_model(resources.embedded_model_dir())
    return StanzaAnalyzer(spec, direct=True), StanzaAnalyzer(spec, direct=False)


def _items(texts: list[str]) -> list[tuple[str, Any]]:
    return [(t, split(t, [(0, len(t))])) for t in texts]


def test_the_embedded_model_is_tagged_directly(analyzers: tuple[StanzaAnalyzer, StanzaAnalyzer]) -> None:
    from arnews.nlp.tagger import _pipeline

    direct, _ = analyzers
    nlp, _lock = _pipeline(direct.spec)
    assert direct_tagger(nlp) is nlp.processors["ner"]


@pytest.mark.slow
def test_seeds_and_hard_cases_get_the_pipelines_entities(analyzers: tuple[StanzaAnalyzer, StanzaAnalyzer]) -> None:
    direct, whole = analyzers
    items = _items([p.read_text(encoding="utf-8") for p in SEEDS] + HARD)
    got = direct.tag_many(items)
    assert got == whole.tag_many(items)
    assert [direct.tag_many([item])[0] for item in items] == got  # alone or in a batch: the same
    assert any(got)


@pytest.mark.slow
@pytest.mark.corpus
def test_real_articles_get_the_pipelines_entities(analyzers: tuple[StanzaAnalyzer, StanzaAnalyzer]) -> None:
    direct, whole = analyzers
    items = _items([corpus_text(a) for a in corpus_articles(limit=60, every=41)])
    got = direct.tag_many(items)
    assert got == whole.tag_many(items)
    assert sum(map(len, got)) > 300


@pytest.mark.slow
@pytest.mark.corpus
def test_remembered_characters_and_no_training_loss_change_no_entity(
    analyzers: tuple[StanzaAnalyzer, StanzaAnalyzer], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each word's character representation, remembered per word, is the one the model works out for it in any
    batch, each word's ids are those the vocabularies give, and tagging reads no loss: the entities with the memo cold,
    warm, tiny (words forgotten within a batch) and without it, with the model's own word ids, and with the CRF
    layers computing their loss, are the same."""
    from arnews.nlp import ner_model, tagger, word_lists

    direct, _ = analyzers
    texts = [p.read_text(encoding="utf-8") for p in SEEDS] + HARD
    texts += [corpus_text(a) for a in corpus_articles(limit=12, every=997)]
    items = _items(texts)
    ner = direct_tagger(tagger._pipeline(direct.spec)[0])
    model = ner.trainers[0].model
    first = direct.tag_many(items)
    memo = model.charmodel
    assert isinstance(memo, ner_model._character_memo_class())
    assert remember_characters(model) and model.charmodel is memo  # once per model
    assert remember_words(model) and remember_words(model)
    assert skip_loss(model) and skip_loss(model)
    computed = memo.computed
    assert direct.tag_many(items) == first and memo.computed == computed  # every word remembered
    assert memo.met > 2 * computed > 0
    monkeypatch.setattr(word_lists, "remember_characters", lambda _model, size=0: False)
    monkeypatch.setattr(word_lists, "remember_words", lambda _model: False)
    monkeypatch.setattr(word_lists, "skip_loss", lambda _model: False)
    monkeypatch.setattr(word_lists, "reads_sentence_characters", lambda _model: True)  # made, and not read
    crits = list(model.crits)
    assert all(isinstance(c, ner_model._transitions_class()) for c in crits)
    try:
        model.charmodel = ner_model._character_memo_class()(memo.inner, 4)
        assert direct.tag_many(items) == first
        model.charmodel = memo.inner
        assert direct.tag_many(items) == first
        del model.extract_static_embeddings  # the model's own word ids, through the vocabulary's methods
        ner_model._IDS.clear()  # and each word's character ids mapped again
        ner_model._TAG_NAMES.clear()
        assert direct.tag_many(items) == first
        for n, crit in enumerate(crits):  # the CRF layers computing their loss: the model as Stanza loads it
            model.crits[n] = crit.inner
        assert direct.tag_many(items) == first
    finally:
        model.charmodel = memo
        remember_words(model)
        for n, crit in enumerate(crits):
            model.crits[n] = crit
    assert any(first)


def test_a_model_of_another_shape_is_left_as_it_is() -> None:
    class Model:
        def __init__(self) -> None:
            self.args = {"char": True, "charlm": True, "char_emb_dim": 100}  # a character LM over the sentence
            self.charmodel = object()
            self.crits = [object()]  # no transitions

    model = Model()
    charmodel, crits = model.charmodel, list(model.crits)
    assert not remember_characters(model) and not skip_loss(model) and not remember_words(model)
    assert model.charmodel is charmodel and model.crits == crits
    assert not remember_characters(object()) and not skip_loss(object()) and not remember_words(object())


def test_a_pipeline_of_another_shape_is_not_tagged_directly() -> None:
    class Processor:
        def __init__(self, trainers: list[object]) -> None:
            self.trainers, self.configs = trainers, [{"batch_size": 8} for _ in trainers]

    class Pipeline:
        def __init__(self, ner: Processor) -> None:
            self.processors = {"ner": ner}

    assert direct_tagger(object()) is None
    assert direct_tagger(Pipeline(Processor([object()]))) is None  # a trainer without model, vocab and args
    assert direct_tagger(Pipeline(Processor([]))) is None


def test_a_stanza_loader_of_another_shape_goes_through_the_pipeline(
    analyzers: tuple[StanzaAnalyzer, StanzaAnalyzer], monkeypatch: pytest.MonkeyPatch
) -> None:
    from stanza.models.ner.data import DataLoader

    from arnews.nlp import tagger

    direct, whole = analyzers
    nlp = tagger._pipeline(direct.spec)[0]
    with monkeypatch.context() as patched:
        patched.delattr(DataLoader, "process_chars")  # as a Stanza version without it would be
        assert direct_tagger(nlp) is None
    items = _items([HARD[3]])
    expected = whole.tag_many(items)
    monkeypatch.setattr(tagger, "direct_tagger", lambda _nlp: None)  # what such a version gives the analyzer
    assert direct.tag_many(items) == expected
    assert {e.text for e in expected[0]} >= {"إيمانويل ماكرون", "باريس"}


# --- decoding a batch at once: the paths of Stanza's one-sentence Viterbi ---------------------------------------


@st.composite
def _batches(draw: st.DrawFn) -> tuple[list[list[list[float]]], list[list[float]], list[int]]:
    tags = draw(st.integers(1, 6))
    lengths = draw(st.lists(st.integers(1, 12), min_size=1, max_size=6))
    # small integers: many ties, which must go to the first tag as numpy's argmax sends them
    value = st.one_of(st.integers(-3, 3).map(float), st.floats(-50, 50, width=32))
    scores = [
        [[draw(value) for _ in range(tags)] for _ in range(max(lengths))] for _ in lengths
    ]  # padded to the longest
    transitions = [[draw(value) for _ in range(tags)] for _ in range(tags)]
    return scores, transitions, lengths


@settings(max_examples=200, deadline=None)
@given(_batches())
def test_batch_viterbi_finds_stanzas_paths(batch: tuple[list[list[list[float]]], list[list[float]], list[int]]) -> None:
    import numpy as np
    import torch
    from stanza.models.common.crf import viterbi_decode

    scores, transitions, lengths = batch
    got = viterbi_paths(torch.tensor(scores), torch.tensor(transitions), lengths)
    trans = np.array(transitions, dtype=np.float32)
    for row, length, path in zip(scores, lengths, got, strict=True):
        expected, _score = viterbi_decode(np.array(row[:length], dtype=np.float32), trans)
        assert path == [int(x) for x in expected]


def test_batch_viterbi_of_nothing() -> None:
    import torch

    assert viterbi_paths(torch.zeros((0, 0, 3)), torch.zeros((3, 3)), []) == []


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.lists(st.integers(0, 500), min_size=1, max_size=9), min_size=1, max_size=8),
    st.integers(0, 3),
    st.integers(0, 2),
)
def test_padded_rows_are_stanzas_long_tensor(rows: list[list[int]], extra: int, pad: int) -> None:
    import torch
    from stanza.models.common.data import get_long_tensor

    assert torch.equal(padded(rows, len(rows) + extra, pad), get_long_tensor(rows, len(rows) + extra, pad_id=pad))


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.integers(1, 9), min_size=1, max_size=8),
    st.one_of(st.integers(0, 40), st.lists(st.integers(0, 40), min_size=1, max_size=3)),
    st.integers(0, 3),
)
def test_a_tag_tensor_is_stanzas_long_tensor(lengths: list[int], tag: int | list[int], extra: int) -> None:
    """Every word's one tag (an id, or ids of several tag sets) as Stanza's loader makes the tensor of the tags."""
    import torch
    from stanza.models.common.data import get_long_tensor

    rows = [[tag] * n for n in lengths]
    assert torch.equal(tag_tensor(rows, len(rows) + extra), get_long_tensor(rows, len(rows) + extra))


def test_only_a_character_language_model_reads_the_sentences_characters() -> None:
    class Model:
        def __init__(self, **args: object) -> None:
            self.args = args

    assert reads_sentence_characters(Model(char=True, char_emb_dim=100, charlm=True))
    assert not reads_sentence_characters(Model(char=True, char_emb_dim=50, charlm=False))  # the embedded model's
    assert not reads_sentence_characters(Model(char=False, charlm=True))
    assert not reads_sentence_characters(Model(char=True, char_emb_dim=0, charlm=True))
    assert reads_sentence_characters(Model()) and reads_sentence_characters(object())  # unknown: made, as Stanza does

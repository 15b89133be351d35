"""A paragraph's openings, found in one pass with each word's roles remembered, are the words each reader of the
quote stage would pick by asking its own question of every token."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from arnews.core import cue_verbs
from arnews.core.grammar import Tok
from arnews.core.text import normalize
from arnews.core.tokens import tokenize
from arnews.quotes.frames import opens_attribution
from arnews.quotes.openings import PARTIES, PARTY_SUFFIXES, Openings, openings, opens_document, opens_title
from arnews.quotes.turns import _party
from corpus_helpers import corpus_articles, corpus_text

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _token_by_token(toks: Sequence[Tok]) -> Openings:
    return Openings(
        [k for k, t in enumerate(toks) if cue_verbs.cue_of(t[2]) is not None],
        [k for k, t in enumerate(toks) if cue_verbs.narration_of(t[2]) is not None],
        [k for k, t in enumerate(toks) if opens_attribution(t[2])],
        [k for k, t in enumerate(toks) if opens_document(t[2])],
        [k for k, t in enumerate(toks) if t[2].endswith(PARTY_SUFFIXES)],
        [k for k, t in enumerate(toks) if opens_title(t[2])],
    )


def _paragraphs(text: str) -> list[list[Tok]]:
    return [list(tokenize(normalize(p))) for p in text.split("\n") if p.strip()]


def test_openings_of_crafted_paragraphs() -> None:
    toks = tokenize(normalize("ومن جانبه، قال الدكتور خالد بحسب ما وورد في البيان، وأشاد د. سالم بالجهود"))
    found = openings(toks)
    words = [t.text for t in toks]
    assert [words[k] for k in found.cues] == ["قال"]
    assert [words[k] for k in found.narrations] == ["واشاد"]
    assert [words[k] for k in found.attributions] == ["بحسب"]
    assert [words[k] for k in found.documents] == ["وورد"]
    assert [words[k] for k in found.parties] == ["جانبه"]
    assert [words[k] for k in found.titles] == ["الدكتور", "د"]
    assert openings([]) == Openings([], [], [], [], [], [])


def test_openings_equal_the_token_by_token_reading_on_seeds_and_corpus() -> None:
    paragraphs = [p for seed in sorted(SEEDS.glob("*.txt")) for p in _paragraphs(seed.read_text(encoding="utf-8"))]
    assert len(paragraphs) > 20
    for article in corpus_articles(limit=120, every=61):
        paragraphs.extend(_paragraphs(corpus_text(article)))
    found = [openings(toks) for toks in paragraphs]
    assert found == [_token_by_token(toks) for toks in paragraphs]
    assert sum(len(f.cues) for f in found) > 100 and sum(len(f.parties) for f in found) > 100
    assert found == [openings(toks) for toks in paragraphs]  # remembered roles answer as before


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["قال", "وأكد", "بحسب", "وجاء", "جانبه", "الوزير", "د", ".", "،", "في", "أشاد"])))
def test_openings_of_any_word_sequence(words: list[str]) -> None:
    toks = tokenize(normalize(" ".join(words)))
    assert openings(toks) == _token_by_token(toks)


def test_a_party_adverbial_ends_with_one_of_the_suffixes_the_turns_read() -> None:
    # each suffix the openings look for gives the turns its party's gender and number, the longest suffix first
    assert [_party("بدور" + suffix) for suffix in PARTY_SUFFIXES] == [(g, n) for _suffix, g, n in PARTIES]

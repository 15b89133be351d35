"""An article's openings for the entity stage, found in one pass with each word's roles remembered per word and
knowledge base, are the words each pass would pick by asking its own question of every token."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import arnews
from arnews.core.lexicons import load_set
from arnews.kb import default_kb
from arnews.linker.gazetteer import behind_b
from arnews.linker.grammar import FAMOUS
from arnews.linker.institutions import institution_head
from arnews.linker.openings import Openings, openings
from arnews.linker.passes import cue_word, org_head
from arnews.linker.tokens import Words, kb_memo
from corpus_helpers import corpus_articles, corpus_text

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
_PIPE = arnews.Pipeline(processors=["structure", "tokenize"])


def _words(text: str) -> Words:
    doc = _PIPE.process(text)
    return Words(doc.view, doc.structure, default_kb(), doc.norm_tokens)


def _token_by_token(doc: Words) -> Openings:
    toks, locative, memo = doc.toks, load_set("locative_words"), kb_memo(doc.kb)
    return Openings(
        [n for n, t in enumerate(toks) if t.word and cue_word(t.text)],
        [n for n, t in enumerate(toks) if t.word and org_head(t.text) is not None],
        [n for n, t in enumerate(toks) if t.word and institution_head(t.text) is not None],
        [n for n, t in enumerate(toks) if t.word and (behind_b(t.text) or (n > 0 and toks[n - 1].text in locative))],
        frozenset(w for w in {t.text for t in toks if t.word} if memo.surname_prior(w) >= FAMOUS),
    )


def test_openings_of_a_crafted_article() -> None:
    doc = _words("قال الرئيس أوباما في مدينة كاليه إن شركة أرامكو ووزارة الصحة تعملان بعرعر.")
    found = openings(doc)
    words = [t.text for t in doc.toks]
    assert [words[k] for k in found.cue_words][:2] == ["قال", "الرئيس"]
    assert [words[k] for k in found.org_heads] == ["شركه", "ووزاره"]
    assert "ووزاره" in [words[k] for k in found.institution_heads]
    assert {"كاليه", "بعرعر"} <= {words[k] for k in found.places}
    assert found.famous == {"اوباما"}
    assert found == _token_by_token(doc)


def test_openings_equal_the_token_by_token_reading_on_seeds_and_corpus() -> None:
    texts = [seed.read_text(encoding="utf-8") for seed in sorted(SEEDS.glob("*.txt"))]
    texts.extend(corpus_text(a) for a in corpus_articles(limit=80, every=71))
    docs = [_words(text) for text in texts]
    found = [openings(doc) for doc in docs]
    assert found == [_token_by_token(doc) for doc in docs]
    assert all(f.cue_words for f in found[:3]) and sum(len(f.places) for f in found) > 50
    assert found == [openings(doc) for doc in docs]  # remembered roles answer as before


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["في", "مدينة", "بعرعر", "شركة", "الوزارة", "قال", "محمد", "،", ".", "\n", "بن"])))
def test_openings_of_any_word_sequence(words: list[str]) -> None:
    doc = _words(" ".join(words) or "نص")
    assert openings(doc) == _token_by_token(doc)

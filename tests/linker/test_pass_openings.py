"""An article's openings for the entity stage, found in one pass with each word's roles remembered per word and
knowledge base, are the words each pass would pick by asking its own question of every token."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import arnews
from arnews.core.lexicons import load_set
from arnews.core.text import normalize
from arnews.kb import default_kb
from arnews.linker.gazetteer import behind_b
from arnews.linker.grammar import FAMOUS
from arnews.linker.institutions import any_head, institution_head
from arnews.linker.openings import Openings, _lexical_roles, openings
from arnews.linker.passes import cue_word, org_head
from arnews.linker.tokens import Words, kb_memo, not_names, org_head_words, title_heads
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


# words of every lexicon a role is looked up in, everyday words and words no name is, behind every proclitic
_LEXICON_WORDS = sorted(
    set().union(
        *(
            sorted(words)[::step]
            for words, step in (
                (load_set("name_speech_verbs"), 1),
                (load_set("first_names"), 7),
                (load_set("common_words"), 5),
                (load_set("locative_words"), 1),
                (not_names(), 1),
                (title_heads(), 1),
                (frozenset(org_head_words()), 1),
                (any_head(), 1),
            )
        )
    )
)
_PROCLITICS = ["", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك", "ال", "بال", "وال", "لل", "ولل"]


def _one_at_a_time(word: str) -> int:
    """The roles of ``word`` as the passes' predicates read them, in the bits of :mod:`arnews.linker.openings`."""
    return (
        (1 if cue_word(word) else 0)
        | (2 if org_head(word) is not None else 0)
        | (4 if institution_head(word) is not None else 0)
        | (8 if behind_b(word) else 0)
        | (16 if word in load_set("locative_words") else 0)
    )


@settings(max_examples=400, deadline=None)
@given(
    st.sampled_from(_PROCLITICS),
    st.one_of(st.sampled_from(_LEXICON_WORDS), st.text(alphabet="ابتلمنوهيةعرس", min_size=1, max_size=7)),
)
def test_a_words_roles_read_in_one_pass_are_the_predicates(proclitic: str, word: str) -> None:
    written = proclitic + word
    assert _lexical_roles(written) == _one_at_a_time(written)


def test_a_words_roles_on_corpus_words() -> None:
    texts = [corpus_text(a) for a in corpus_articles(limit=60, every=53)]
    words = {t.text for text in texts for t in _words(text).toks if t.word}
    words |= {normalize(w) for w in ("قال", "الرئيس", "وزارة", "بعرعر", "للجمعية", "والشركة", "بمدينة", "لمحمد")}
    assert {w: _lexical_roles(w) for w in words} == {w: _one_at_a_time(w) for w in words}

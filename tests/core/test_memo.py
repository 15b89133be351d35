"""The bounded memo of long runs: never a stale value, never more entries than its size, the words that recur kept
while the words met once go."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import arnews
from arnews import pipeline
from arnews.core import memo as memo_module
from arnews.core.memo import Memo, trim_word_caches, word_cache
from arnews.kb import default_kb
from arnews.linker import tokens
from arnews.linker.tokens import KbMemo
from corpus_helpers import CORPUS, corpus_articles, corpus_text

SEEDS = sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt"))
OPS = st.lists(st.tuples(st.booleans(), st.integers(0, 30), st.integers(1, 5)), max_size=300)


@given(size=st.integers(2, 12), ops=OPS)
def test_memo_returns_the_last_value_put_or_none_and_stays_bounded(size: int, ops: list[tuple[bool, int, int]]) -> None:
    memo: Memo[int, int] = Memo(size)
    last: dict[int, int] = {}
    for put, k, v in ops:
        if put:
            memo.put(k, v)
            last[k] = v
        else:
            got = memo.get(k)
            assert got is None or got == last[k]  # forgotten, or the value put last: never an older one
        assert len(memo) <= size


@given(size=st.integers(2, 12), ops=OPS)
def test_recent_answers_as_get_or_none_after_any_turn_of_the_generations(
    size: int, ops: list[tuple[bool, int, int]]
) -> None:
    """``recent``, taken once (as the hot loops take it), stays the young generation's look-up however often the
    generations turn: never a value ``get`` would not give, and every value put a moment before."""
    memo: Memo[int, int] = Memo(size)
    recent = memo.recent
    for put, k, v in ops:
        if put:
            memo.put(k, v)
            assert recent(k) == v
        else:
            fast = recent(k)
            assert fast is None or fast == memo.get(k)


def test_a_recurring_word_survives_a_long_stream_of_words_met_once() -> None:
    memo: Memo[str, int] = Memo(100)
    memo.put("قال", 1)
    for n in range(10_000):
        memo.put(f"word{n}", n)
        if n % 40 == 0:  # asked again within each generation's span (50 entries)
            assert memo.get("قال") == 1
    assert memo.get("قال") == 1
    assert memo.get("word0") is None  # met once, long ago
    assert memo.get("word9999") == 9999
    assert len(memo) <= 100


def test_a_memo_that_emptied_itself_when_full_forgot_the_recurring_words_too() -> None:
    """What the generations change: a plain dict cleared at its bound loses the word asked a moment before."""
    memo: Memo[str, int] = Memo(4)
    memo.put("قال", 1)
    memo.put("a", 2)
    assert memo.get("قال") == 1
    memo.put("b", 3)  # the young generation (2 entries) was full: it became the old one
    memo.put("c", 4)
    assert memo.get("قال") == 1  # from the old generation, moved back into the young one
    memo.put("d", 5)
    memo.put("e", 6)
    assert memo.get("قال") == 1
    assert memo.get("a") is None  # met once: gone after two generations


def test_a_memo_has_room_for_two_entries() -> None:
    with pytest.raises(ValueError, match="at least 2"):
        Memo(1)


def test_the_gazetteer_memo_answers_the_same_after_its_generations_turn(monkeypatch: pytest.MonkeyPatch) -> None:
    """A KB memo of a few entries (its generations turn over at once) reads every word as the unbounded one does."""
    kb = default_kb()
    big = KbMemo(kb)
    monkeypatch.setattr(tokens, "_MEMO_WORDS", 4)
    small = KbMemo(kb)
    words = ["الرياض", "وزير", "الخارجية", "قال", "محمد", "بن", "سلمان", "والرياض", "في"] * 3
    for w in words:
        assert small.start_readings(w) == big.start_readings(w)
        assert small.names_alone(w) == big.names_alone(w)
        assert small.names(w) == big.names(w)
    assert small.names("محمد بن سلمان") is not None


def test_a_word_cache_answers_as_its_function_and_is_emptied_past_its_bound() -> None:
    calls: list[str] = []

    @word_cache(3)
    def reversed_word(word: str) -> str:
        calls.append(word)
        return word[::-1]

    assert [reversed_word(w) for w in ["قال", "في", "قال"]] == ["لاق", "يف", "لاق"]
    assert calls == ["قال", "في"]  # the second "قال" came from the cache
    trim_word_caches()
    assert reversed_word.cache_info().currsize == 2  # within its bound: kept
    for w in ["من", "إلى", "على"]:
        reversed_word(w)
    trim_word_caches()
    assert reversed_word.cache_info().currsize == 0  # five answers, three allowed: emptied
    assert reversed_word("قال") == "لاق"
    assert calls[-1] == "قال"  # worked out again


def test_a_word_cache_has_room_for_one_entry() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        word_cache(0)


def test_the_pipeline_keeps_every_word_cache_within_its_bound_and_parses_the_same(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Articles parsed with word caches of 20 answers (filled past that within a batch, emptied after it) equal
    those parsed with roomy caches."""
    texts = [p.read_text(encoding="utf-8") for p in SEEDS]
    if any(CORPUS.glob("*.zip")):  # real newswire too where the corpus is beside the project; the seeds alone else
        texts += [corpus_text(a) for a in corpus_articles(limit=6, every=97)]
    pipe = arnews.Pipeline(exclude=["ner"], batch_size=2)
    roomy = [a.to_dict() for a in pipe.parse_many(texts)]
    caches = [cached for cached, _size in memo_module._WORD_CACHES]
    assert len(caches) >= 15  # the word caches of every stage are registered
    monkeypatch.setattr(memo_module, "_WORD_CACHES", [(cached, 20) for cached in caches])
    for cached in caches:
        cached.cache_clear()
    before: list[int] = []
    after: list[int] = []

    def trim() -> None:
        before.extend(cached.cache_info().currsize for cached in caches)
        trim_word_caches()
        after.extend(cached.cache_info().currsize for cached in caches)

    monkeypatch.setattr(pipeline, "trim_word_caches", trim)
    tight = [a.to_dict() for a in pipe.parse_many(texts)]
    assert tight == roomy
    assert len(before) == len(caches) * -(-len(texts) // 2)  # after each batch of two
    assert max(before) > 20 and max(after) <= 20

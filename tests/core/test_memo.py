"""The bounded memo of long runs: never a stale value, never more entries than its size, the words that recur kept
while the words met once go."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from arnews.core.memo import Memo
from arnews.kb import default_kb
from arnews.linker import tokens
from arnews.linker.tokens import KbMemo

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
    for a, b in pairwise(words):
        assert small.grows_joined(f"{a} {b}") == big.grows_joined(f"{a} {b}")
    assert small.names("محمد بن سلمان") is not None

"""A bounded memo for the long runs of big jobs: what a stage works out about a word or a run of words, remembered
across articles, in at most a fixed number of entries, without forgetting the words that keep coming back.

A memo that empties itself when full forgets the most frequent words with the rest, and every article after that
works them out again; a memo that never empties grows with the vocabulary of the corpus (the runs of two words of
31,030 articles are some millions). :class:`Memo` keeps two generations: entries go into the young one; when it
is full the old one is dropped and the young one becomes old; an entry asked for from the old one moves back into
the young one. A word that recurs within a generation's span stays; one met once goes after two generations.

>>> memo: Memo[str, int] = Memo(4)
>>> for n, word in enumerate(["في", "قال", "الرياض", "في"]):
...     memo.put(word, n)
>>> memo.get("في"), memo.get("قال"), memo.get("جدة")
(3, 1, None)
>>> len(memo) <= 4
True
"""

from __future__ import annotations

from typing import Generic, TypeVar

__all__ = ["Memo"]

K = TypeVar("K")
V = TypeVar("V")


class Memo(Generic[K, V]):
    """At most ``size`` entries in two generations of ``size // 2``; values are never None (``get`` returns None
    for a key it does not hold). The generations are plain dictionaries: holding only strings, numbers and
    booleans, as most memos do, they cost Python's garbage collector nothing, however big they grow."""

    __slots__ = ("_half", "_new", "_old")

    def __init__(self, size: int) -> None:
        if size < 2:
            raise ValueError(f"a memo of {size} entries: at least 2")
        self._half = size // 2
        self._new: dict[K, V] = {}
        self._old: dict[K, V] = {}

    def get(self, key: K) -> V | None:
        """The value remembered for ``key``, or None."""
        hit = self._new.get(key)
        if hit is None:
            hit = self._old.get(key)
            if hit is not None:
                self.put(key, hit)  # recurring: into the young generation
        return hit

    def put(self, key: K, value: V) -> None:
        """Remember ``value`` for ``key``."""
        new = self._new
        if len(new) >= self._half and key not in new:
            self._old, self._new = new, {}  # the young generation grows old; the old one is dropped
            new = self._new
        new[key] = value

    def __len__(self) -> int:
        """How many entries both generations hold (a key asked again may be in both)."""
        return len(self._new) + len(self._old)

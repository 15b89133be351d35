"""Bounded memory for the long runs of big jobs: what a stage works out about a word or a run of words, remembered
across articles, in at most a fixed number of entries.

:func:`word_cache` is for functions of a word asked everywhere (a word's normal form, its readings, its keys): the
answers are kept in a plain dictionary (:func:`functools.cache`, as fast as a cache gets), emptied by
:func:`trim_word_caches` when it holds more than its bound; the pipeline trims after every batch. Not
``functools.lru_cache(maxsize=...)``: it keeps its entries on a linked list that every full collection of Python's
garbage collector walks, entry by entry (21 such caches made each full collection of a long run of the rule
layers take 84 ms instead of 30), where a dictionary of strings, numbers and tuples of them leaves the collector's
care.

:class:`Memo` is for what a stage remembers on its own, where forgetting the words that keep coming back would
cost. A memo that empties itself when full forgets the most frequent words with the rest, and every article after that
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

from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING, Any, Generic, TypeVar

if TYPE_CHECKING:
    from functools import _lru_cache_wrapper

__all__ = ["Memo", "trim_word_caches", "word_cache"]

K = TypeVar("K")
V = TypeVar("V")
R = TypeVar("R")

#: Every :func:`word_cache` of the process, with its bound.
_WORD_CACHES: list[tuple[_lru_cache_wrapper[Any], int]] = []


def word_cache(size: int) -> Callable[[Callable[..., R]], _lru_cache_wrapper[R]]:
    """Remember what the decorated function gives for its arguments (a word, mostly) in a plain dictionary,
    emptied by :func:`trim_word_caches` once it holds more than ``size`` answers. The function keeps
    ``cache_info()``, ``cache_clear()`` and ``__wrapped__`` (:func:`functools.cache`).

    >>> @word_cache(2)
    ... def length(word: str) -> int:
    ...     return len(word)
    >>> [length(w) for w in ["قال", "في", "الرياض"]]
    [3, 2, 6]
    >>> length.cache_info().currsize
    3
    >>> trim_word_caches()
    >>> length.cache_info().currsize
    0
    """
    if size < 1:
        raise ValueError(f"a word cache of {size} entries: at least 1")

    def wrap(fn: Callable[..., R]) -> _lru_cache_wrapper[R]:
        cached = cache(fn)
        _WORD_CACHES.append((cached, size))
        return cached

    return wrap


def trim_word_caches() -> None:
    """Empty every :func:`word_cache` that holds more answers than its bound (the words it has met most come back
    within the next articles). The pipeline calls it after each batch; a program that calls the cached functions
    in a loop of its own may call it too."""
    for cached, size in _WORD_CACHES:
        if cached.cache_info().currsize > size:
            cached.cache_clear()


class Memo(Generic[K, V]):
    """At most ``size`` entries in two generations of ``size // 2``; values are never None (``get`` returns None
    for a key it does not hold). The generations are plain dictionaries: holding only strings, numbers and
    booleans, as most memos do, they cost Python's garbage collector nothing, however big they grow."""

    __slots__ = ("_half", "_new", "_old", "recent")

    def __init__(self, size: int) -> None:
        if size < 2:
            raise ValueError(f"a memo of {size} entries: at least 2")
        self._half = size // 2
        self._new: dict[K, V] = {}
        self._old: dict[K, V] = {}
        #: :meth:`get` of the young generation alone, as the dictionary's own method: where a loop asks of every
        #: token, ``recent(word)`` first and :meth:`get` only on None saves two Python calls a word that recurs.
        #: The young generation stays one dictionary for the memo's life, so the method stays valid.
        self.recent: Callable[[K], V | None] = self._new.get

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
            self._old = new.copy()  # the young generation grows old; the old one is dropped
            new.clear()
        new[key] = value

    def __len__(self) -> int:
        """How many entries both generations hold (a key asked again may be in both)."""
        return len(self._new) + len(self._old)

"""Word lists and tables that rules match against, read from ``arnews/data/lexicons/<lang>/``.

A list file holds one entry a line; a table file holds tab-separated columns. ``#`` starts a comment, blank
lines are skipped. Entries are returned as written; callers normalise them with :func:`arnews.core.text.normalize`.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

__all__ = ["load_list", "load_set", "load_table"]


def _lines(name: str, lang: str) -> list[str]:
    path = resources.files("arnews").joinpath(f"data/lexicons/{lang}/{name}")
    try:
        content = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise FileNotFoundError(f"arnews has no lexicon {lang}/{name}") from None
    rows = []
    for raw in content.splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if line.strip():
            rows.append(line)
    return rows


@cache
def load_list(name: str, lang: str = "ar") -> tuple[str, ...]:
    """The entries of list ``<name>.txt`` (stripped), in file order.

    >>> "مصدر" in load_list("anonymous_sources")
    True
    """
    return tuple(line.strip() for line in _lines(f"{name}.txt", lang))


@cache
def load_table(name: str, lang: str = "ar") -> tuple[tuple[str, ...], ...]:
    """The rows of table ``<name>.tsv``, each a tuple of stripped cells.

    >>> ("دولار", "دولار", "USD") in load_table("currencies")
    True
    """
    return tuple(tuple(cell.strip() for cell in line.split("\t")) for line in _lines(f"{name}.tsv", lang))


@cache
def load_set(name: str, lang: str = "ar") -> frozenset[str]:
    """The entries of list ``<name>.txt`` in their normal form (:func:`arnews.core.text.normalize`), for membership
    tests.

    >>> "مصدر" in load_set("anonymous_sources")
    True
    """
    from arnews.core.text import normalize

    return frozenset(normalize(entry) for entry in load_list(name, lang))

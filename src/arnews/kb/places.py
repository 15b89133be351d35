"""Places without a Wikidata id: GeoNames cities with an Arabic name, for recognising a place the KB lacks ("في
كاليه", "بعرعر"), never for linking.

The bundled table ``arnews/data/kb/places.tsv`` (name, country, population) holds the cities of 50,000 people or
more from GeoNames (CC BY 4.0, https://www.geonames.org); ``python -m arnews.kb.places SOURCE.csv -o places.tsv``
writes it from the ``loc_geonames_ar_noqid.csv`` table (``geonames_id,name_ar,name_en,country,population,
aliases_ar``). A name that is also an everyday word, a given name or a function word ("ساري", "سالم", "غالي") is
left out when the table is read, so the lexicons decide, not the file.
"""

from __future__ import annotations

import argparse
import csv
import weakref
from collections.abc import Sequence
from functools import cache
from importlib import resources
from pathlib import Path

from arnews.core.lexicons import load_set
from arnews.core.names import strip_article
from arnews.core.text import normalize
from arnews.kb.store import KnowledgeBase

__all__ = ["MIN_POPULATION", "main", "place_names", "write_places"]

MIN_POPULATION = 50_000
_MIN_LETTERS = 3


def write_places(source: str | Path, out: str | Path, min_population: int = MIN_POPULATION) -> int:
    """Write the cities of ``source`` with at least ``min_population`` people to ``out`` (TSV: name, country,
    population; most populous first); returns the number of rows."""
    rows: dict[str, tuple[str, int]] = {}
    with Path(source).open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            name = " ".join(row["name_ar"].replace("\u200f", "").replace("\u200e", "").split())
            population = int(row.get("population") or 0)
            if name and population >= min_population and population > rows.get(name, ("", -1))[1]:
                rows[name] = (row.get("country") or "", population)
    ordered = sorted(rows.items(), key=lambda kv: (-kv[1][1], kv[0]))
    with Path(out).open("w", encoding="utf-8") as fh:
        fh.write(
            "# GeoNames cities with an Arabic name (CC BY 4.0, https://www.geonames.org): name, country, population\n"
        )
        for name, (country, population) in ordered:
            fh.write(f"{name}\t{country}\t{population}\n")
    return len(ordered)


def place_names(kb: KnowledgeBase) -> frozenset[tuple[str, ...]]:
    """The bundled city names in the normal form, as word tuples, without those that are also everyday words
    (with or without the article), given names, function words, place nouns or ``not_places.txt``, and without
    those ``kb`` knows: the KB pass reads those, with its own care ("الخبر" is also "the news"). Worked out once
    per KB a process uses."""
    names = _BY_KB.get(kb)
    if names is None:
        names = _BY_KB[kb] = frozenset(
            n
            for n in _bundled()
            if not any(c.how in ("exact", "alias") for c in kb.lookup(" ".join(n), normalized=True))
        )
    return names


_BY_KB: weakref.WeakKeyDictionary[KnowledgeBase, frozenset[tuple[str, ...]]] = weakref.WeakKeyDictionary()


@cache
def _bundled() -> frozenset[tuple[str, ...]]:
    common, given, stop = load_set("common_words"), load_set("first_names"), load_set("name_stop")
    heads = load_set("place_heads") | load_set("not_places")
    text = resources.files("arnews").joinpath("data/kb/places.tsv").read_text(encoding="utf-8")
    names: set[tuple[str, ...]] = set()
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        words = tuple(normalize(line.split("\t", 1)[0]).split())
        if not words or len("".join(words)) < _MIN_LETTERS:
            continue
        if any(w in common or w in given or w in stop or strip_article(w) in common for w in words):
            continue  # "المدينه": "مدينه" is an everyday word
        if len(words) == 1 and (words[0] in heads or strip_article(words[0]) in heads):
            continue  # "الحي", "معسكر" (not_places.txt)
        names.add(words)
    return frozenset(names)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m arnews.kb.places", description=__doc__.split("\n\n")[0])
    ap.add_argument("source", help="loc_geonames_ar_noqid.csv")
    ap.add_argument("-o", "--output", required=True, help="the TSV to write")
    ap.add_argument("--min-population", type=int, default=MIN_POPULATION)
    args = ap.parse_args(argv)
    count = write_places(args.source, args.output, args.min_population)
    print(f"wrote {count} places to {args.output}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())

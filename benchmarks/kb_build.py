"""Benchmark: build a KB from the fixture dump and from a synthetic ~100 MB Wikidata dump; print time and peak memory.

    .venv/bin/python benchmarks/kb_build.py [--mb 100] [--keep]

The synthetic dump is written to a temporary folder in the real dump format (a JSON array, one entity a line,
gzip-compressed); about a third of its items are kept (Arabic label and a wanted class). The build streams, so peak
memory stays flat whatever the size of the dump: it grows with the entities kept, not with the dump.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import tempfile
import time
import tracemalloc
from pathlib import Path

from arnews.kb.build import build

FIXTURE = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "wikidata_sample.json"
_CLASSES = ["Q5", "Q5", "Q515", "Q43229", "Q11424", "Q7725634", "Q4167836"]  # people, places, orgs, and others
_SYLLABLES = ["كا", "ما", "لا", "هـا", "ري", "سو", "نو", "بي", "دن", "تر", "مب", "جو", "فر", "ان"]
_LATIN = ["ka", "ma", "la", "ha", "ri", "so", "no", "bi", "den", "tr", "mp", "jo", "fr", "an"]


def _claim(cls: str) -> dict[str, object]:
    value = {"entity-type": "item", "numeric-id": int(cls[1:]), "id": cls}
    snak = {"snaktype": "value", "property": "P31", "datavalue": {"value": value, "type": "wikibase-entityid"}}
    return {"mainsnak": snak, "type": "statement", "rank": "normal"}


def synthetic_dump(path: Path, megabytes: int, seed: int = 7) -> int:
    """Write a gzip dump of about ``megabytes`` MB of (uncompressed) JSON; returns the number of items."""
    rnd = random.Random(seed)
    target = megabytes * 1_000_000
    written = 0
    n = 0
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=1) as fh:
        fh.write("[\n")
        while written < target:
            n += 1
            k = rnd.randint(2, 4)
            ar = (
                "".join(rnd.choice(_SYLLABLES) for _ in range(k))
                + " "
                + "".join(rnd.choice(_SYLLABLES) for _ in range(k))
            )
            en = "".join(rnd.choice(_LATIN) for _ in range(k)).title()
            labels: dict[str, object] = {"en": {"language": "en", "value": en}}
            if rnd.random() < 0.5:
                labels["ar"] = {"language": "ar", "value": ar}
            item = {
                "type": "item",
                "id": f"Q{1_000_000 + n}",
                "labels": labels,
                "descriptions": {"en": {"language": "en", "value": "synthetic item " * rnd.randint(1, 8)}},
                "aliases": {"en": [{"language": "en", "value": en + " " + str(i)} for i in range(rnd.randint(0, 4))]},
                "claims": {"P31": [_claim(rnd.choice(_CLASSES))], "P17": [_claim("Q30")] * rnd.randint(0, 6)},
                "sitelinks": {
                    f"wiki{i}": {"site": f"wiki{i}", "title": en, "badges": []} for i in range(rnd.randint(0, 9))
                },
            }
            line = json.dumps(item, ensure_ascii=False)
            fh.write(line + ",\n" if written + len(line) < target else line + "\n")
            written += len(line.encode("utf-8")) + 2
        fh.write("]\n")
    return n


def measure(label: str, dump: Path, out: Path) -> None:
    """Build twice: once for the time (untraced), once under tracemalloc for the peak of Python memory."""
    started = time.perf_counter()
    count = build(out, dumps=[dump], curated=False)
    seconds = time.perf_counter() - started
    tracemalloc.start()
    build(out, dumps=[dump], curated=False)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    size = dump.stat().st_size / 1e6
    print(f"{label:20} gzip {size:6.1f} MB  kept {count:7,}  {seconds:7.2f} s  peak Python memory {peak / 1e6:6.2f} MB")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=int, default=100, help="size of the synthetic dump in MB of JSON (default 100)")
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="arnews-kb-bench-"))
    measure("fixture (7 items)", FIXTURE, tmp / "fixture.jsonl.gz")
    for mb in sorted({max(1, args.mb // 10), args.mb}):
        dump = tmp / f"synthetic-{mb}.json.gz"
        started = time.perf_counter()
        items = synthetic_dump(dump, mb)
        print(f"generated {items:,} items ({mb} MB of JSON) in {time.perf_counter() - started:.1f} s")
        measure(f"synthetic {mb} MB", dump, tmp / f"synthetic-{mb}.jsonl.gz")
    if not args.keep:
        for p in tmp.iterdir():
            p.unlink()
        tmp.rmdir()


if __name__ == "__main__":
    main()

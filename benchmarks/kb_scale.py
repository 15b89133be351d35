"""Knowledge bases at scale, side by side in one run: the bundled KB (load time, peak memory, in memory and as
SQLite), and a synthetic KB of a million entities written as SQLite (build time, file size), then opened and
matched in a fresh process (open time, look-ups per second, peak memory of the whole process).

    .venv/bin/python benchmarks/kb_scale.py [--entities 1000000] [--lookups 20000] [--keep DIR]

The synthetic entities have one to three Arabic labels of two or three words drawn from syllables, an English
label, a type and a prior, like a Wikidata build's. Each figure is measured in its own process, so a peak memory
(``ru_maxrss``) is that figure's own, the interpreter and arnews included. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from arnews.kb import KbEntry
from arnews.kb.sqlite import write_sqlite

_SYLLABLES = ["كا", "ما", "لا", "ها", "ري", "سو", "نو", "بي", "دن", "تر", "مب", "جو", "فر", "ان", "عب", "حس", "طه"]
_LATIN = ["ka", "ma", "la", "ha", "ri", "so", "no", "bi", "den", "tr", "mb", "jo", "fr", "an", "ab", "has", "ta"]
_TYPES = ["PER", "PER", "PER", "ORG", "LOC", "MISC"]


def synthetic(n: int, seed: int = 11) -> Iterator[KbEntry]:
    rnd = random.Random(seed)
    for i in range(n):
        words = rnd.randint(2, 3)
        picks = [[rnd.randrange(len(_SYLLABLES)) for _ in range(rnd.randint(2, 3))] for _ in range(words)]
        ar = " ".join("".join(_SYLLABLES[k] for k in word) for word in picks)
        en = " ".join("".join(_LATIN[k] for k in word).capitalize() for word in picks)
        aliases = [ar.split()[-1] + " " + ar.split()[0]] if rnd.random() < 0.5 else []
        yield KbEntry(f"Q{i + 1}", rnd.choice(_TYPES), [ar, *aliases], [en], None, round(rnd.random(), 3))


def _word(rnd: random.Random, syllables: int) -> str:
    return "".join(rnd.choice(_SYLLABLES) for _ in range(syllables))


_MEASURE = """
import json, resource, sys, time
from arnews.kb import KnowledgeBase, default_kb
from arnews.core.text import normalize
path, names = sys.argv[1], json.loads(sys.stdin.read())
started = time.perf_counter()
kb = default_kb() if path == "bundled" else KnowledgeBase.load(path)
opened = time.perf_counter() - started
started = time.perf_counter()
hits = 0
for name in names:
    hits += bool(kb.lookup(name))
    kb.could_continue(normalize(name))
    for word in normalize(name).split():
        kb.could_start(word)
matched = time.perf_counter() - started
print(json.dumps({"entities": len(kb), "open_s": opened, "lookups_per_s": len(names) / matched, "hits": hits,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def measure(path: str, names: list[str]) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, "-c", _MEASURE, path],
        input=json.dumps(names, ensure_ascii=False), capture_output=True, text=True, check=True,
    )  # fmt: skip
    result: dict[str, float] = json.loads(out.stdout)
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--entities", type=int, default=1_000_000)
    ap.add_argument("--lookups", type=int, default=20_000)
    ap.add_argument("--keep", type=Path, default=None, help="write the synthetic KB into this folder and keep it")
    args = ap.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="arnews-kb-"))
    folder.mkdir(parents=True, exist_ok=True)

    from arnews.kb import default_kb

    rnd = random.Random(3)
    bundled = [e for e in default_kb() if e.ar or e.en]
    names = [rnd.choice(e.ar or e.en) for e in rnd.sample(bundled, min(args.lookups, len(bundled)))]
    bundled_sqlite = folder / "bundled.sqlite"
    write_sqlite(default_kb(), bundled_sqlite)
    rows = [
        ("bundled KB, in memory", measure("bundled", names)),
        ("bundled KB, SQLite", measure(str(bundled_sqlite), names)),
    ]

    path = folder / f"synthetic_{args.entities}.sqlite"
    started = time.perf_counter()
    count = write_sqlite(synthetic(args.entities), path)
    built = time.perf_counter() - started
    sample = [e.ar[0] for e in synthetic(min(args.entities, args.lookups * 5))][::5]
    misses = [_word(rnd, 3) + " " + _word(rnd, 2) for _ in range(len(sample))]  # names the KB does not hold
    rows.append((f"synthetic {count:,} entities, SQLite", measure(str(path), sample + misses)))

    print(f"synthetic KB: {count:,} entities written as SQLite in {built:.1f} s, {path.stat().st_size / 1e6:.0f} MB")
    print(f"{'KB':38} {'entities':>10} {'open/load s':>12} {'lookups/s':>10} {'peak MB':>8}")
    for label, r in rows:
        line = f"{label:38} {int(r['entities']):>10,} {r['open_s']:>12.3f} {r['lookups_per_s']:>10,.0f}"
        print(f"{line} {r['peak_mb']:>8.0f}")
    if args.keep is None:
        for p in folder.iterdir():
            p.unlink()
        folder.rmdir()


if __name__ == "__main__":
    main()

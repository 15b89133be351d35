"""Machine instructions the rule layers execute an article, counted by Valgrind's callgrind, optionally side by side
with another checkout of arnews: a figure that the load of a shared machine does not move, for changes too small
for the noise of articles per second (``rule_layers.py``).

    .venv/bin/python benchmarks/instructions.py [--n 100] [--every 37] [--compare OTHER_CHECKOUT] [--jobs 2]

Each checkout (its ``src/``) runs three times under ``valgrind --tool=callgrind``, each in a fresh process with
``PYTHONHASHSEED=0``: loading ``Pipeline(exclude=["ner"])`` and parsing one article (the start-up), then that and
the sample once (word caches cold), then that and the sample a second time (word caches warm). The differences,
divided by the sample's size, are the instructions an article costs cold and warm. The runs are independent, so they
run ``--jobs`` at a time: counting instructions, they do not slow each other's figures. Needs ``valgrind`` on the
path; a run of 100 articles takes a few minutes (Valgrind runs Python some 50 times slower). Instructions are not
time (a cache miss costs more than an addition): report both. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent

_RUN = """
import sys
sys.path.insert(0, {benchmarks!r})
from corpus import texts
import arnews
docs = list(texts(limit={n}, every={every}))
pipe = arnews.Pipeline(exclude=["ner"])
pipe.parse(docs[0])
for _ in range({passes}):
    sum(1 for _ in pipe.parse_many(docs))
"""

_COLLECTED = re.compile(r"Collected\s*:\s*([\d,]+)")


def count(src: Path, n: int, every: int, passes: int) -> int:
    """Instructions of one run, in a fresh process with ``src`` first on the import path."""
    code = _RUN.format(benchmarks=str(HERE), n=n, every=every, passes=passes)
    env = {**os.environ, "PYTHONPATH": str(src), "PYTHONHASHSEED": "0"}
    cmd = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, "-c", code]
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, check=True)
    found = _COLLECTED.search(done.stderr)
    if found is None:
        raise SystemExit(f"valgrind gave no instruction count:\n{done.stderr[-2000:]}")
    return int(found.group(1).replace(",", ""))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=100, help="articles in the sample")
    ap.add_argument("--every", type=int, default=37, help="take every K-th article of the corpus")
    ap.add_argument("--compare", type=Path, default=None, help="another checkout of arnews to count side by side")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="valgrind runs at a time")
    args = ap.parse_args()
    if shutil.which("valgrind") is None:
        print("valgrind is not on the path: nothing to count", file=sys.stderr)
        return 2
    checkouts = {"this": HERE.parent / "src"}
    if args.compare is not None:
        checkouts["other"] = args.compare / "src"
    runs = [(label, src, passes) for label, src in checkouts.items() for passes in (0, 1, 2)]
    with ThreadPoolExecutor(max(1, args.jobs)) as pool:
        counted = list(pool.map(lambda run: count(run[1], args.n, args.every, run[2]), runs))
    found = {(label, passes): c for (label, _src, passes), c in zip(runs, counted, strict=True)}
    per: dict[str, tuple[float, float]] = {}
    for label in checkouts:
        start, once, twice = (found[label, p] for p in (0, 1, 2))
        per[label] = ((once - start) / args.n / 1e6, (twice - once) / args.n / 1e6)
        print(
            f"{label:5} checkout: start-up {start / 1e9:.2f} G instructions; an article {per[label][0]:.2f} M cold, "
            f"{per[label][1]:.2f} M warm ({args.n} articles, every {args.every}th)"
        )
    if "other" in per:
        cold, warm = (per["this"][k] / per["other"][k] for k in (0, 1))
        print(f"this/other = {cold:.3f} cold, {warm:.3f} warm")
    return 0


if __name__ == "__main__":
    sys.exit(main())

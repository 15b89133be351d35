"""Speed of the rule layers (every stage but the NER model) over a SaudiNewsNet sample, optionally side by side with
another checkout of arnews.

    .venv/bin/python benchmarks/rule_layers.py [--n 300] [--every 37] [--rounds 5] [--compare OTHER_CHECKOUT]
                                               [--freeze]

Each round parses the same sample with ``Pipeline(exclude=["ner"])`` and prints articles per second; with
``--compare``, every round also runs the other checkout's source (its ``src/``) in a fresh process, in turn (A B A
B ...), so both are measured on the same machine state. Each round parses the sample twice in one process: the
first time with cold word caches (a short run), the second with the caches a long run has warmed (each word's KB
keys and readings are computed once per process). A checkout from before ``exclude=`` existed runs as
``Pipeline(analyzer=RuleAnalyzer())``, the same work. ``--freeze`` moves what the warm-up loaded out of Python's
full garbage collections and makes the young generation larger (``arnews.parallel.settle_collector``, as
:meth:`arnews.Pipeline.load` does with ``freeze=True`` in the ``arnews`` command and in worker processes; a checkout
from before it only freezes). The medians are printed last, with the ratio. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

_MEASURE = """
import json, sys, time
sys.path.insert(0, {benchmarks!r})
from corpus import texts
import arnews
docs = list(texts(limit={n}, every={every}))
try:
    pipe = arnews.Pipeline(exclude=["ner"])
    stages = pipe.seconds
except TypeError:
    from arnews.nlp import RuleAnalyzer
    pipe, stages = arnews.Pipeline(analyzer=RuleAnalyzer()), {{}}
pipe.parse(docs[0])
if {freeze}:
    try:
        from arnews.parallel import settle_collector
        settle_collector(collect=True)  # what Pipeline.load(freeze=True) does
    except ImportError:  # a checkout from before it, when freezing was all
        import gc
        gc.collect()
        gc.freeze()
for name in stages:
    stages[name] = 0.0
t = time.perf_counter()
n = sum(1 for _ in pipe.parse_many(docs))
seconds = time.perf_counter() - t
first = dict(stages)
t = time.perf_counter()
sum(1 for _ in pipe.parse_many(docs))
print(json.dumps({{"articles": n, "seconds": seconds, "again": time.perf_counter() - t, "stages": first}}))
"""


def measure(src: Path, n: int, every: int, freeze: bool = False) -> dict[str, object]:
    """One round in a fresh process with ``src`` first on the import path."""
    env = {**os.environ, "PYTHONPATH": str(src)}
    code = _MEASURE.format(benchmarks=str(HERE), n=n, every=every, freeze=freeze)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=300, help="articles in the sample")
    ap.add_argument("--every", type=int, default=37, help="take every K-th article of the corpus")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--compare", type=Path, default=None, help="another checkout of arnews to run side by side")
    ap.add_argument(
        "--freeze", action="store_true", help="gc.freeze() after the warm-up, as Pipeline.load(freeze=True) does"
    )
    args = ap.parse_args()
    mine = HERE.parent / "src"
    runs: dict[str, list[float]] = {"this": [], "other": []}
    again: dict[str, list[float]] = {"this": [], "other": []}
    for k in range(args.rounds):
        for label, src in (("this", mine), ("other", args.compare)):
            if src is None:
                continue
            res = measure(src if label == "this" else src / "src", args.n, args.every, args.freeze)
            rate = float(res["articles"]) / float(res["seconds"])  # type: ignore[arg-type]
            runs[label].append(rate)
            again[label].append(float(res["articles"]) / float(res.get("again") or res["seconds"]))  # type: ignore[arg-type]
            stages = res["stages"]
            per = ", ".join(f"{s} {1000 * v / float(res['articles']):.1f}" for s, v in stages.items())  # type: ignore[attr-defined,arg-type]
            print(
                f"round {k + 1} {label:5}: {res['articles']} articles, {rate:6.1f} articles/s, "
                f"{again[label][-1]:6.1f} the second time" + (f" (ms/article: {per})" if per else "")
            )
    for label in ("this", "other"):
        if runs[label]:
            first, second = statistics.median(runs[label]), statistics.median(again[label])
            print(f"median {label} checkout: {first:.1f} articles/s, {second:.1f} the second time")
    if runs["other"]:
        ratio = statistics.median(runs["this"]) / statistics.median(runs["other"])
        ratio2 = statistics.median(again["this"]) / statistics.median(again["other"])
        print(f"this/other = {ratio:.3f}, the second time {ratio2:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

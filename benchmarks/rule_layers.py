"""Speed of the rule layers (every stage but the NER model) over a SaudiNewsNet sample, optionally side by side with
another checkout of arnews.

    .venv/bin/python benchmarks/rule_layers.py [--n 300] [--every 37] [--rounds 5] [--compare OTHER_CHECKOUT]

Each round parses the same sample with ``Pipeline(exclude=["ner"])`` and prints articles per second; with
``--compare``, every round also runs the other checkout's source (its ``src/``) in a fresh process, in turn (A B A
B ...), so both are measured on the same machine state. A checkout from before ``exclude=`` existed runs as
``Pipeline(analyzer=RuleAnalyzer())``, the same work. The medians are printed last, with the ratio. Prints figures;
asserts nothing.
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
for name in stages:
    stages[name] = 0.0
t = time.perf_counter()
n = sum(1 for _ in pipe.parse_many(docs))
print(json.dumps({{"articles": n, "seconds": time.perf_counter() - t, "stages": stages}}))
"""


def measure(src: Path, n: int, every: int) -> dict[str, object]:
    """One round in a fresh process with ``src`` first on the import path."""
    env = {**os.environ, "PYTHONPATH": str(src)}
    code = _MEASURE.format(benchmarks=str(HERE), n=n, every=every)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=300, help="articles in the sample")
    ap.add_argument("--every", type=int, default=37, help="take every K-th article of the corpus")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--compare", type=Path, default=None, help="another checkout of arnews to run side by side")
    args = ap.parse_args()
    mine = HERE.parent / "src"
    runs: dict[str, list[float]] = {"this": [], "other": []}
    for k in range(args.rounds):
        for label, src in (("this", mine), ("other", args.compare)):
            if src is None:
                continue
            res = measure(src if label == "this" else src / "src", args.n, args.every)
            rate = float(res["articles"]) / float(res["seconds"])  # type: ignore[arg-type]
            runs[label].append(rate)
            stages = res["stages"]
            per = ", ".join(f"{s} {1000 * v / float(res['articles']):.1f}" for s, v in stages.items())  # type: ignore[union-attr,arg-type]
            print(
                f"round {k + 1} {label:5}: {res['articles']} articles, {rate:6.1f} articles/s"
                + (f" (ms/article: {per})" if per else "")
            )
    this = statistics.median(runs["this"])
    print(f"median this checkout:  {this:.1f} articles/s")
    if runs["other"]:
        other = statistics.median(runs["other"])
        print(f"median other checkout: {other:.1f} articles/s; this/other = {this / other:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

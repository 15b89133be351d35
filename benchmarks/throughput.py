"""Throughput of every way of running arnews, side by side in one run over one SaudiNewsNet sample: the structure
stage alone, the rule layers (every stage but NER), NER alone, the full pipeline (and its ratio to NER alone), NER
batched versus one call per article, and the full pipeline in 2 worker processes versus 1; peak memory of each.

    .venv/bin/python benchmarks/throughput.py [--n 200] [--every 97] [--jobs 2]

Each figure is measured in a fresh process (so the peak memory is that figure's own), after a warm-up that loads
the knowledge base and the model (the "frozen" rows then settle the garbage collector as
``Pipeline.load(freeze=True)`` does in the ``arnews`` command: full collections skip what was loaded, and the young
generation is larger); worker processes load theirs inside the measured time (their start-up is part of what
``--jobs`` costs), so the two-process figure needs a sample of some hundreds of articles to mean anything; the rate
without the start-up (timed apart: a pool that parses a one-line text per worker) is printed beside it. The last
column ends with the seconds the measuring process spent in Python's garbage collections (gc callbacks; a run of
``parse_many`` sets the collector for itself: :func:`arnews.collector.collector_for_run`).
Run it with the Python of a compiled install (``ARNEWS_COMPILE=1``) to measure that build: the first line says which
build runs. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

_MEASURE = """
import gc, json, resource, sys, time
sys.path.insert(0, {benchmarks!r})
from corpus import texts
import arnews
docs = list(texts(limit={n}, every={every}))
mode = {mode!r}
if mode == "ner-alone":
    pipe = arnews.Pipeline(processors=["ner"])
elif mode == "ner-one-by-one":
    pipe = arnews.Pipeline(processors=["ner"], batch_size=1)
elif mode == "structure":
    pipe = arnews.Pipeline(processors=["structure"])
elif mode == "rules":
    pipe = arnews.Pipeline(exclude=["ner"])
else:
    pipe = arnews.Pipeline()
from arnews.kb import default_kb
default_kb()  # the warm-up loads what is loaded lazily: the bundled KB (datelines, linking) and the model
pipe.parse(docs[0])
if {freeze}:
    from arnews.parallel import settle_collector
    settle_collector(collect=True)  # as Pipeline.load(freeze=True) does in the arnews command and in workers
for name in pipe.seconds:
    pipe.seconds[name] = 0.0
jobs = {jobs}
startup = 0.0
if jobs > 1:  # what starting the workers costs: a pool that parses a one-line text per worker
    t = time.perf_counter()
    sum(1 for _ in pipe.parse_many(["قال الوزير إن العمل مستمر."] * jobs, n_process=jobs))
    startup = time.perf_counter() - t
collector = [0.0, 0.0]  # seconds in this process's garbage collections, the start of the one under way
def _timed(phase, info):
    if phase == "start":
        collector[1] = time.perf_counter()
    else:
        collector[0] += time.perf_counter() - collector[1]
gc.callbacks.append(_timed)
t = time.perf_counter()
n = sum(1 for _ in pipe.parse_many(docs, n_process=jobs))
seconds = time.perf_counter() - t
gc.callbacks.remove(_timed)
steady = n / (seconds - startup) if seconds > startup else 0.0
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(json.dumps({{"articles": n, "seconds": seconds, "steady": steady, "startup": startup,
                  "peak_mb": peak, "worker_peak_mb": children,
                  "stages": dict(pipe.seconds), "collector": collector[0]}}))
"""

RUNS = [
    ("structure", "structure stage alone", 1, False),
    ("rules", "rule layers (no NER)", 1, False),
    ("rules", "rule layers, frozen (as the CLI)", 1, True),
    ("ner-alone", "NER alone (batched)", 1, False),
    ("ner-alone", "NER alone, frozen", 1, True),
    ("ner-one-by-one", "NER alone, one call per article", 1, False),
    ("full", "full pipeline", 1, False),
    ("full", "full pipeline, frozen (as the CLI)", 1, True),
    ("full", "full pipeline, worker processes", 2, False),
]


def measure(mode: str, n: int, every: int, jobs: int, freeze: bool = False) -> dict[str, object]:
    code = _MEASURE.format(benchmarks=str(HERE), n=n, every=every, mode=mode, jobs=jobs, freeze=freeze)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=200, help="articles in the sample")
    ap.add_argument("--every", type=int, default=97, help="take every K-th article of the corpus")
    ap.add_argument("--jobs", type=int, default=2, help="worker processes of the last run")
    args = ap.parse_args()
    rates: dict[str, float] = {}
    steady: dict[str, float] = {}  # articles/s with the workers' start-up (timed apart) left out
    startups: dict[str, float] = {}
    from arnews.native import version  # which build runs: pure Python or compiled (ARNEWS_COMPILE=1)

    print(f"{version()}, {sys.executable}")
    print(f"{'run':42} {'articles/s':>10} {'seconds':>8} {'peak MB':>8}  stages (s)")
    for mode, label, workers, freeze in RUNS:
        jobs = args.jobs if workers > 1 else 1
        r = measure(mode, args.n, args.every, jobs, freeze)
        seconds = float(r["seconds"])  # type: ignore[arg-type]
        rate = int(r["articles"]) / seconds  # type: ignore[call-overload]
        key = f"{mode}/{jobs}" + ("/frozen" if freeze else "")
        rates[key] = rate
        steady[key] = float(r.get("steady") or 0.0)  # type: ignore[arg-type]
        startups[key] = float(r.get("startup") or 0.0)  # type: ignore[arg-type]
        peak = max(float(r["peak_mb"]), float(r["worker_peak_mb"]))  # type: ignore[arg-type]
        stages = ", ".join(f"{k} {v:.1f}" for k, v in r["stages"].items() if v)  # type: ignore[attr-defined]
        collector = f"collector {float(r.get('collector') or 0.0):.2f}"  # type: ignore[arg-type]
        stages = f"{stages}; {collector}" if stages else f"{collector} (the parent's)"
        name = f"{label} ({jobs})" if jobs > 1 else label
        print(f"{name:42} {rate:10.1f} {seconds:8.1f} {peak:8.0f}  {stages}")
    print()
    print(f"full / NER alone (time ratio): {rates['ner-alone/1'] / rates['full/1']:.2f}")
    print(f"full / NER alone, both frozen (time ratio): {rates['ner-alone/1/frozen'] / rates['full/1/frozen']:.2f}")
    print(f"NER batched / one call per article: {rates['ner-alone/1'] / rates['ner-one-by-one/1']:.2f}x")
    many, one = f"full/{args.jobs}", "full/1/frozen"  # workers freeze what they load, as the CLI does
    print(f"full pipeline, {args.jobs} processes / 1 (frozen): {rates[many] / rates[one]:.2f}x")
    if steady[many] and steady[one]:
        print(
            f"  without the workers' start-up ({startups[many]:.2f} s, timed apart: a one-line text per worker): "
            f"{steady[many]:.1f} vs {steady[one]:.1f} articles/s = {steady[many] / steady[one]:.2f}x"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())

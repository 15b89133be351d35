"""The whole SaudiNewsNet corpus (31,030 articles) through arnews the way a user runs a big job: the ``arnews``
command over a JSONL file with worker processes, and the rule layers (every stage but NER) in one process, where
the word caches of a long run are warm for most articles.

    .venv/bin/python benchmarks/whole_corpus.py [--limit N] [--jobs 2] [--skip-cli] [--skip-rules]

The JSONL input (one article a line: ``id``, ``text`` = title, a blank line, content; ``url``; ``published``) and
the command's output are written to a temporary folder and removed afterwards: the corpus is never copied into the
project. Prints the wall time, articles per second, the peak memory of the largest process and what was found
(quotes, entities, amounts); the rule layers also per block of 2,000 articles, to show the steady rate. Asserts
nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import CORPUS, records, text_of  # noqa: E402

_BLOCK = 2000

_RULES = """
import json, resource, sys, time
import arnews
pipe = arnews.Pipeline(exclude=["ner"])
pipe.parse("تجربة")  # the warm-up loads the knowledge base and the lexicons
from arnews.parallel import settle_collector
settle_collector(collect=True)  # as Pipeline.load(freeze=True) does in the arnews command
texts = (json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8"))
start = block = time.perf_counter()
n = 0
for _ in pipe.parse_many(texts, errors="return"):
    n += 1
    if n % {block} == 0:
        now = time.perf_counter()
        print(f"  articles {{n - {block} + 1:,}}-{{n:,}}: {{{block} / (now - block):.1f}} articles/s", flush=True)
        block = now
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({{"articles": n, "seconds": seconds, "peak_mb": peak}}))
"""


def write_jsonl(path: Path, limit: int | None) -> int:
    """The corpus as one JSONL file of articles; how many were written."""
    n = 0
    with path.open("w", encoding="utf-8") as out:
        for n, record in enumerate(records(CORPUS), start=1):
            row = {"id": str(n), "text": text_of(record), "url": record.get("url")}
            day = (record.get("date_extracted") or "")[:10]
            if day:
                row["published"] = day
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            if limit is not None and n >= limit:
                break
    return n


def run_cli(src: Path, out: Path, jobs: int) -> None:
    # the command as a module of this interpreter: no console script to look for beside it
    command = [sys.executable, "-m", "arnews", "parse", str(src), "--jobs", str(jobs), "-o", str(out), "-q"]
    t = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - t
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    found = {"quotes": 0, "entities": 0, "money": 0}
    articles = 0
    with out.open(encoding="utf-8") as lines:
        for line in lines:
            article = json.loads(line)
            articles += 1
            for key in found:
                found[key] += len(article.get(key) or [])
    notes = [line for line in done.stderr.splitlines() if line.startswith("arnews:")]
    print(f"arnews parse --jobs {jobs}: {articles:,} articles in {seconds / 60:.1f} min = {articles / seconds:.1f}")
    print(f"  articles/s; exit status {done.returncode}; peak memory of the largest process {peak:.0f} MB")
    print(f"  {len(notes)} inputs reported on standard error (empty articles and the like)")
    print("  found: " + ", ".join(f"{v:,} {k}" for k, v in found.items()))


def run_rules(src: Path) -> None:
    code = _RULES.format(block=_BLOCK)
    done = subprocess.run([sys.executable, "-c", code, str(src)], capture_output=True, text=True, check=True)
    lines = done.stdout.rstrip().splitlines()
    result = json.loads(lines[-1])
    rate = result["articles"] / result["seconds"]
    print(f"rule layers, one process: {result['articles']:,} articles in {result['seconds']:.0f} s = {rate:.1f}")
    print(f"  articles/s; peak memory {result['peak_mb']:.0f} MB")
    print("\n".join(lines[:-1]))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=None, help="the first N articles only")
    ap.add_argument("--jobs", type=int, default=2, help="worker processes of the arnews command")
    ap.add_argument("--skip-cli", action="store_true", help="no run of the arnews command (the full pipeline)")
    ap.add_argument("--skip-rules", action="store_true", help="no run of the rule layers alone")
    args = ap.parse_args()
    if not CORPUS.is_dir():
        print(f"no corpus at {CORPUS}: nothing to measure")
        return 0
    with tempfile.TemporaryDirectory(prefix="arnews-corpus-") as tmp:
        src = Path(tmp) / "corpus.jsonl"
        n = write_jsonl(src, args.limit)
        print(f"{n:,} articles of {CORPUS}, on {os.cpu_count()} cores")
        if not args.skip_cli:
            run_cli(src, Path(tmp) / "out.jsonl", args.jobs)
        if not args.skip_rules:
            run_rules(src)
    return 0


if __name__ == "__main__":
    sys.exit(main())

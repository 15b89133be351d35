"""NER speed and memory: load time and peak RSS of the default model, batch vs one-by-one on real articles.

    .venv/bin/python benchmarks/nlp_batch.py [--n 100] [--model PATH]

Reads the first N SaudiNewsNet articles (../shared/corpus/saudinewsnet; title + blank line + content), parses
their structure as the pipeline does, then runs StanzaAnalyzer.analyze_many over all of them in one call and
analyze() on each one separately. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time

from corpus import CORPUS, texts


def articles(n: int) -> list[str]:
    return list(texts(limit=n))


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--model", default=None)
    args = ap.parse_args()
    texts = articles(args.n)
    if not texts:
        print("SaudiNewsNet corpus not found at", CORPUS)
        return 1

    from arnews import Pipeline
    from arnews.nlp import StanzaAnalyzer

    items = [(d.text, d.structure.regions()) for d in Pipeline(processors=["structure"]).process_many(texts)]
    chars = sum(len(t) for t in texts)
    rss0 = rss_mb()
    t0 = time.perf_counter()
    import torch  # noqa: F401  (timed on its own: the load figure below includes it)

    t1 = time.perf_counter()
    import stanza  # noqa: F401

    t2 = time.perf_counter()
    analyzer = StanzaAnalyzer(args.model)
    analyzer.load()
    t3 = time.perf_counter()
    print(f"model: {analyzer.spec.describe()}")
    print(
        f"load: {t3 - t0:.2f} s (torch import {t1 - t0:.2f} s, stanza import {t2 - t1:.2f} s, model {t3 - t2:.2f} s);"
        f" peak RSS before load {rss0:.0f} MB, after load {rss_mb():.0f} MB"
    )

    analyzer.analyze(*items[0])  # warm-up
    t0 = time.perf_counter()
    batch = analyzer.analyze_many(items)
    batch_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    single = [analyzer.analyze(t, r) for t, r in items]
    single_s = time.perf_counter() - t0
    tokens = sum(len(a.tokens) for a in batch)
    ents = sum(len(a.entities) for a in batch)
    print(f"{len(texts)} articles, {chars:,} chars, {tokens:,} tokens, {ents:,} entities")
    print(f"one analyze_many call: {batch_s:.2f} s ({tokens / batch_s:,.0f} tokens/s)")
    print(f"{len(texts)} analyze calls:     {single_s:.2f} s ({tokens / single_s:,.0f} tokens/s)")
    print(f"batch speed-up: x{single_s / batch_s:.2f}; same entities: {batch == single}")
    print(f"peak RSS: {rss_mb():.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())

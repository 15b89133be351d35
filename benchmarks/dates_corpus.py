"""Date expressions over SaudiNewsNet: mentions by form, how many resolved, time per article.

    python benchmarks/dates_corpus.py [--corpus ../shared/corpus/saudinewsnet] [--limit 2000 | --all]
                                      [--sample 30] [--seed 1]

Input for one article is title + "\\n\\n" + content; the anchor is the article's ``date_extracted`` (the crawl
time, which can be a day after publication). ``--sample N`` prints N random mentions with their context and
value, for checking by hand. Only the structure and date stages run (no NLP models).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
from collections import Counter
from pathlib import Path

from corpus import CORPUS, records

from arnews import Pipeline
from arnews.dates import extract_with_forms

DEFAULT_CORPUS = CORPUS


def _articles(corpus: Path) -> list[dict[str, str]]:
    return list(records(corpus))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--limit", type=int, default=2000, help="random articles to read (default 2000)")
    ap.add_argument("--all", action="store_true", help="read every article")
    ap.add_argument("--sample", type=int, default=0, help="print this many random mentions with context")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    articles = _articles(args.corpus)
    if not articles:
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 2
    rng = random.Random(args.seed)
    if not args.all and args.limit < len(articles):
        articles = rng.sample(articles, args.limit)
    structure = Pipeline(processors=["structure"])  # the document the dates stage reads
    warm = structure.process("عنوان\n\nقال أمس إن", published=dt.datetime(2015, 7, 21))
    extract_with_forms(warm)  # load lexicons and dateparser before timing
    by_form: Counter[str] = Counter()
    resolved: Counter[str] = Counter()
    hijri = with_time = 0
    seconds = 0.0
    slowest = (0.0, "")
    pool: list[tuple[str, str, str | None, str, str]] = []
    for article in articles:
        text = article["title"] + "\n\n" + article["content"]
        anchor = dt.datetime.fromisoformat(article["date_extracted"])
        t0 = time.perf_counter()
        found = extract_with_forms(structure.process(text, published=anchor))
        took = time.perf_counter() - t0
        seconds += took
        slowest = max(slowest, (took, article["url"]))
        for mention, form in found:
            by_form[form] += 1
            if mention.value is not None:
                resolved[form] += 1
            hijri += mention.calendar == "hijri"
            with_time += mention.value is not None and "T" in mention.value
            context = text[max(0, mention.start - 60) : mention.end + 40].replace("\n", " ")
            pool.append((form, mention.text, mention.value, article["date_extracted"], context))
    total = sum(by_form.values())
    print(f"articles: {len(articles)}   mentions: {total}   per article: {total / len(articles):.2f}")
    print(f"resolved: {sum(resolved.values())} ({100 * sum(resolved.values()) / max(total, 1):.1f}%)")
    print(f"hijri: {hijri}   with a clock time: {with_time}")
    for form, n in by_form.most_common():
        print(f"  {form:<12} {n:>7}   resolved {resolved[form]:>7}")
    print(f"time per article: {1000 * seconds / len(articles):.2f} ms (structure + dates, after a warm-up call)")
    print(f"slowest article: {1000 * slowest[0]:.1f} ms  {slowest[1]}")
    if args.sample:
        print()
        for form, mention_text, value, anchor_text, context in rng.sample(pool, min(args.sample, len(pool))):
            print(f"[{form}] {mention_text!r} -> {value}   (anchor {anchor_text})")
            print(f"    ... {context} ...")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Money and donations over the SaudiNewsNet corpus: amounts per currency, donation records, time taken.

Usage (from the project root)::

    .venv/bin/python benchmarks/money_corpus.py [--limit N] [--sample 50] [--donations 20] [--seed 1]

``--sample N`` prints N random amounts with their context for judging by hand; ``--donations N`` prints N
donation records. The corpus is read from ../shared/corpus/saudinewsnet (zip files of JSON lists).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from collections.abc import Iterator

from corpus import CORPUS, texts

from arnews import Pipeline
from arnews.models import Donation, Money


def articles(limit: int | None) -> Iterator[str]:
    return texts(limit=limit)


def context(text: str, start: int, end: int, width: int = 60) -> str:
    left = text[max(0, start - width) : start].replace("\n", " ")
    right = text[end : end + width].replace("\n", " ")
    return f"…{left}[[{text[start:end]}]]{right}…"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=None, help="read only the first N articles")
    ap.add_argument("--sample", type=int, default=0, help="print N random amounts with context")
    ap.add_argument("--donations", type=int, default=20, help="print N random donation records")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    if not any(CORPUS.glob("*.zip")):
        print(f"no corpus at {CORPUS}", file=sys.stderr)
        return 1
    rng = random.Random(args.seed)
    per_currency: Counter[str] = Counter()
    vague: Counter[str] = Counter()
    qualifiers: Counter[str] = Counter()
    amounts_seen = donations_seen = docs = with_money = 0
    sample: list[tuple[str, Money]] = []
    donation_sample: list[tuple[str, Donation]] = []
    pipe = Pipeline(processors=["money", "donations"])  # with the entities and dates donations read; no NER
    started = time.perf_counter()
    for doc in pipe.process_many(articles(args.limit)):
        docs += 1
        text, money, donations = doc.text, doc.money, doc.donations
        with_money += bool(money)
        for m in money:
            assert text[m.start : m.end] == m.text
            per_currency[m.currency] += 1
            if m.vague:
                vague[m.vague] += 1
            if m.qualifier:
                qualifiers[m.qualifier] += 1
            amounts_seen += 1
            if len(sample) < args.sample:
                sample.append((text, m))
            elif args.sample and rng.randrange(amounts_seen) < args.sample:
                sample[rng.randrange(args.sample)] = (text, m)
        for d in donations:
            donations_seen += 1
            if len(donation_sample) < args.donations:
                donation_sample.append((text, d))
            elif args.donations and rng.randrange(donations_seen) < args.donations:
                donation_sample[rng.randrange(args.donations)] = (text, d)
    total = time.perf_counter() - started
    print(f"articles: {docs:,}  with money: {with_money:,}  amounts: {amounts_seen:,}  donations: {donations_seen:,}")
    stages = ", ".join(f"{name} {secs:.1f}s" for name, secs in pipe.seconds.items())
    print(f"time: {total:.1f}s in all ({docs / total:.0f} articles/s); {stages}")
    print("amounts per currency:", ", ".join(f"{c} {n:,}" for c, n in per_currency.most_common()))
    print("vague amounts:", dict(vague.most_common()), " qualifiers:", dict(qualifiers.most_common()))
    if sample:
        print(f"\n--- {len(sample)} random amounts ---")
        for k, (text, m) in enumerate(sample, 1):
            print(f"{k:3}. {m.value} {m.currency} q={m.qualifier} v={m.vague}  {context(text, m.start, m.end)}")
    if donation_sample:
        print(f"\n--- {len(donation_sample)} random donation records ---")
        for k, (text, d) in enumerate(donation_sample, 1):
            org = d.organizer.name if d.organizer else None
            rec = d.recipient.name if d.recipient else None
            donor = d.donor.name if d.donor else None
            part = d.participants.value if d.participants else None
            print(f"{k:3}. {d.amount.value} {d.amount.currency} | ev: {d.evidence.text[:90]}")
            where = context(text, d.amount.start, d.amount.end)
            print(f"      org={org} rec={rec} donor={donor} part={part} | {where}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

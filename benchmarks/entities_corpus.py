"""Entities over SaudiNewsNet: how many are found per type, the share linked to Wikidata, and the names that are not
clean mentions: a name that starts with a proclitic before the article ("والبنك المركزي"; ل fused with it,
"للكونغرس", counted apart), and a name that is a currency word ("دولار"). ``--sample N`` prints N random entities
(name, type, QID, first mention in its sentence) for judging by eye.

    .venv/bin/python benchmarks/entities_corpus.py [--limit 500] [--every 7] [--sample 100] [--seed 1] [--rules]

The full pipeline runs (the NER model included) unless ``--rules``. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import random
import re
import time
from collections import Counter

from corpus import texts

import arnews
from arnews.core.lexicons import load_table
from arnews.core.text import normalize

# a proclitic (و ف ب ك) before the article, which could be cut off: never the start of a name (a name that begins
# with those letters, "كاليفورنيا", "بالي", is counted too: read the list)
_CLITIC = re.compile(r"^(?:[وفبك]ال|وبال|ولل|فلل)\S")
# ل fused with the article (لل): the article's alef is gone, so no mention can start after the ل without rewriting
# the text; the guidelines keep such a name as written when it is the only form ("للأمم المتحدة")
_FUSED = re.compile(r"^لل\S")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--limit", type=int, default=500)
    ap.add_argument("--every", type=int, default=7)
    ap.add_argument("--sample", type=int, default=0)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--rules", action="store_true", help="without the NER model")
    args = ap.parse_args()
    pipe = arnews.Pipeline(exclude=["ner"]) if args.rules else arnews.Pipeline()
    currencies = {normalize(row[0]) for row in load_table("currencies")}
    started = time.perf_counter()
    found: list[tuple[arnews.Entity, str]] = []
    for text in texts(limit=args.limit, every=args.every):
        article = pipe.parse(text)
        found.extend((e, article.text) for e in article.entities)
    seconds = time.perf_counter() - started
    entities = [e for e, _t in found]
    by_type = Counter(e.type for e in entities)
    linked = Counter(e.type for e in entities if e.wikidata)
    clitic = [f"{e.name} ({e.type})" for e in entities if _CLITIC.match(normalize(e.name))]
    fused = [f"{e.name} ({e.type})" for e in entities if _FUSED.match(normalize(e.name))]
    money = [e.name for e in entities if normalize(e.name).strip() in currencies]
    how = "rules only" if args.rules else "with NER"
    print(f"articles {args.limit} (every {args.every}th), {seconds:.1f} s, {how}")
    print(f"entities {len(entities):,}; linked {sum(linked.values()) / max(1, len(entities)):.1%}")
    for kind in ("PER", "ORG", "LOC", "MISC"):
        print(f"  {kind:5} {by_type[kind]:6,}  linked {linked[kind] / max(1, by_type[kind]):6.1%}")
    print(f"names starting with a detachable proclitic: {len(clitic)}  {', '.join(clitic[:40])}")
    print(f"names starting with ل fused with the article (kept as written): {len(fused)}  {', '.join(fused[:10])}")
    print(f"currency words as entities: {len(money)}  {', '.join(money[:15])}")
    if args.sample:
        rnd = random.Random(args.seed)
        for e, text in rnd.sample(found, min(args.sample, len(found))):
            m = e.mentions[0]
            lo, hi = text.rfind("\n", 0, m.start) + 1, text.find("\n", m.end)
            lo, hi = max(lo, m.start - 60), min(hi if hi >= 0 else len(text), m.end + 40)
            context = text[lo : m.start] + "[" + m.text + "]" + text[m.end : hi]
            print(f"- {e.type:4} {e.wikidata or '-':10} {e.name}  |  {' '.join(context.split())}")


if __name__ == "__main__":
    main()

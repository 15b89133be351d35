"""Entity linker speed: time of :func:`arnews.linker.link_entities` on real articles and on adversarial ones.

    .venv/bin/python benchmarks/linker_speed.py [--n 300] [--rule]

Reads the first N SaudiNewsNet articles (../shared/corpus/saudinewsnet; title + blank line + content), parses their
structure and runs the analyzer once (the default one with its NER model, or the rule analyzer with ``--rule``),
then times only the linker over all of them, and the share of its gazetteer pass. Then two adversarial articles:
5,000 distinct two-word names, and one surname repeated 20,000 times after a full name. Prints figures; asserts
nothing (speed is measured here, never in tests).
"""

from __future__ import annotations

import argparse
import sys
import time

from corpus import CORPUS, texts

from arnews import Pipeline
from arnews.document import Doc
from arnews.kb import default_kb
from arnews.linker import link, link_entities
from arnews.linker.cands import Cand
from arnews.linker.tokens import Words


def articles(n: int) -> list[str]:
    return list(texts(limit=n))


def adversarial() -> dict[str, str]:
    letters = "بتثجحخدذرزسشصضطظعغفقكلمنهي"
    names = []
    for n in range(5000):
        names.append(f"سامر{letters[n % 26]}{letters[n // 26 % 26]} حداد{letters[n // 676]}")
    return {
        "5000 distinct two-word names": "عنوان\n\n" + "، ".join(f"قال {x}" for x in names) + ".\n",
        "20000 repetitions of one surname": "عنوان\n\nقال الرئيس جو بايدن " + " و".join(["بايدن"] * 20000) + ".\n",
    }


def time_linker(docs: list[Doc]) -> tuple[float, float]:
    """Seconds in link_entities, and in its gazetteer pass."""
    spent = [0.0]
    inner = link.kb_pass

    def timed(doc: Words, out: list[Cand]) -> None:
        t = time.perf_counter()
        inner(doc, out)
        spent[0] += time.perf_counter() - t

    link.kb_pass = timed
    try:
        t0 = time.perf_counter()
        for doc in docs:
            link_entities(doc)
        total = time.perf_counter() - t0
    finally:
        link.kb_pass = inner
    return total, spent[0]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--rule", action="store_true", help="rule analyzer (no NER model)")
    args = ap.parse_args()
    default_kb()  # loaded once, not timed
    texts = articles(args.n)
    if not texts:
        print(f"no corpus at {CORPUS}", file=sys.stderr)
    # what the linker reads: structure, and the model's spans unless --rule
    before = Pipeline(processors=["structure"] if args.rule else ["ner"])
    docs = list(before.process_many(texts))
    link_entities(docs[0]) if docs else None  # lexicons loaded, not timed
    total, kb = time_linker(docs)
    print(f"{len(texts)} articles, {sum(map(len, texts))} chars, {'no NER' if args.rule else 'with NER'}")
    print(f"linker {total:.2f} s ({1000 * total / max(1, len(texts)):.1f} ms/article), gazetteer pass {kb:.2f} s")
    structure = Pipeline(processors=["structure"])
    for label, text in adversarial().items():
        doc = structure.process(text)
        t0 = time.perf_counter()
        ents = link_entities(doc)
        took = time.perf_counter() - t0
        print(f"{label}: {len(text)} chars, {len(ents)} entities, linker {took:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())

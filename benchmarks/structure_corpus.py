"""Parse every SaudiNewsNet article (title + "\\n\\n" + content): articles per second, peak memory, failures.

    python benchmarks/structure_corpus.py [--corpus ../shared/corpus/saudinewsnet] [--limit N] [--rules | --full]

By default only the structure stage runs (what this benchmark measures); ``--rules`` runs every stage but the NER
model and ``--full`` the whole pipeline. With either, every span of every article is checked against the text
(``text[start:end] == span.text``) and every article against its JSON round trip (``from_dict(to_dict())``).
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
import traceback
import zipfile
from collections import Counter
from pathlib import Path
from typing import Any

from arnews import Article, Pipeline

DEFAULT_CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "saudinewsnet"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--full", action="store_true", help="run the whole pipeline, not only the structure stage")
    ap.add_argument("--rules", action="store_true", help="run every stage but the NER model")
    args = ap.parse_args()
    zips = sorted(args.corpus.glob("*.zip"))
    if not zips:
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 2
    count = failures = chars = 0
    found: Counter[str] = Counter()
    seconds = 0.0
    pipe = Pipeline() if args.full else Pipeline(exclude=["ner"]) if args.rules else Pipeline(processors=["structure"])
    checked = args.full or args.rules
    spans = bad_spans = bad_trips = 0
    for z in zips:
        with zipfile.ZipFile(z) as archive:
            for name in archive.namelist():
                for item in json.loads(archive.read(name)):
                    if args.limit is not None and count >= args.limit:
                        break
                    text = item["title"] + "\n\n" + item["content"]
                    started = time.perf_counter()
                    try:
                        doc = pipe.process(text)
                        s = doc.structure
                        paragraphs, dateline, captions = s.paragraphs, s.dateline, s.captions
                        if checked:
                            article = doc.to_article()
                            data = article.to_dict()
                            for span in _spans(data):
                                spans += 1
                                bad_spans += text[span["start"] : span["end"]] != span["text"]
                            bad_trips += Article.from_dict(data) != article
                    except Exception:
                        failures += 1
                        traceback.print_exc()
                        continue
                    finally:
                        seconds += time.perf_counter() - started
                    count += 1
                    chars += len(text)
                    found["with dateline"] += dateline is not None
                    found["with captions"] += bool(captions)
                    found["paragraphs"] += len(paragraphs)
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"articles:        {count:,} ({chars / 1e6:.1f} M characters)")
    print(f"exceptions:      {failures}")
    if checked:
        print(f"spans checked:   {spans:,}, offsets wrong: {bad_spans}, round trips failed: {bad_trips}")
    print(f"time:            {seconds:.1f} s parsing, {count / seconds:,.0f} articles/s")
    print(f"peak memory:     {peak_mib:,.0f} MiB (max RSS of the process)")
    for k, v in found.items():
        print(f"{k + ':':16} {v:,}")
    return 1 if failures or bad_spans or bad_trips else 0


def _spans(node: Any) -> list[dict[str, Any]]:
    """Every span of an article dict: a mapping with a text, a start and an end."""
    if isinstance(node, dict):
        typed = (("text", str), ("start", int), ("end", int))
        own = [node] if all(isinstance(node.get(k), t) for k, t in typed) else []
        return own + [s for value in node.values() for s in _spans(value)]
    if isinstance(node, list):
        return [s for value in node for s in _spans(value)]
    return []


if __name__ == "__main__":
    sys.exit(main())

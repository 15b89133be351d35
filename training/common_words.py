"""Build ``src/arnews/data/lexicons/ar/common_words.txt``: frequent words of Arabic news that are never names.

    .venv/bin/python training/common_words.py [--min-count 3]

Reads the train and dev documents of ANERcorp (the test split is never read, so scores on it stay honest), counts
every word and its clitic-free stems (:func:`arnews.core.names.strip_clitics`) outside entities, and keeps those seen at
least ``--min-count`` times outside entities and never inside one. The linker drops a one-word person or
organisation the model proposes when the word or its stem is in this list ("للأسر", "بتغلبه", "صبي"): a frequency
test, not a list of seed words.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import ner_data  # noqa: E402

from arnews.core.names import strip_clitics  # noqa: E402
from arnews.core.text import normalize  # noqa: E402

OUT = HERE.parent / "src" / "arnews" / "data" / "lexicons" / "ar" / "common_words.txt"
HEADER = """# Frequent words of Arabic news that are never names: seen at least {n} times outside entities and never
# inside one in the train and dev documents of ANERcorp (Benajiba et al. 2007; the test split is not read). Normal form.
# Built by training/common_words.py; the linker drops a one-word person or organisation the model proposes when
# the word or its clitic-free stem is listed here ("للأسر", "صبي").
"""


def forms(word: str) -> set[str]:
    w = normalize(word)
    return {stem for _off, stem, _fused in strip_clitics(w)} | {w}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=HERE.parent.parent / "shared" / "data" / "ner")
    ap.add_argument("--min-count", type=int, default=3)
    args = ap.parse_args()
    split = ner_data.split_documents(ner_data.load_anercorp(args.data / "ANERCorp_HassanAzzam.txt"))
    outside: Counter[str] = Counter()
    inside: set[str] = set()
    for part in ("train", "dev"):
        for doc in split[part]:
            for sent in doc:
                for word, tag in sent:
                    if not any(ch.isalpha() for ch in word):
                        continue
                    if tag == "O":
                        outside.update(forms(word))
                    else:
                        inside.update(forms(word))
    keep = sorted(w for w, n in outside.items() if n >= args.min_count and w not in inside and len(w) >= 2)
    OUT.write_text(HEADER.format(n=args.min_count) + "\n".join(keep) + "\n", encoding="utf-8")
    print(f"{len(keep)} words -> {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

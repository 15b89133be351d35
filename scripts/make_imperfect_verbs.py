"""Write ``src/arnews/data/lexicons/ar/imperfect_verbs.txt``: third-person imperfect verbs ("يتحرك"، "تهاجم"،
"يعيشون") read off the openly licensed Arabic text in ``../shared/data`` (ANERcorp, NewsFANE, WikiFANE, UD
Arabic-PUD) by their paradigm: a word that opens with ي or ت is listed when the same stem also stands with the other
prefix (ي/ت) and as the perfect or with أ/ن ("يشاهد"، "تشاهد"، "شاهد"). A surname seldom has that paradigm; a given
name that does ("تامر"، "يزيد") is left out through ``first_names.txt``.

Usage: .venv/bin/python scripts/make_imperfect_verbs.py [--data ../shared/data] [--check]

``--check`` exits 1 when the file on disk differs from what the data gives (and 0 without the data).
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from lexicon_file import write_or_check

from arnews.core.lexicons import load_set
from arnews.core.text import normalize

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "arnews" / "data" / "lexicons" / "ar" / "imperfect_verbs.txt"
DATA = ROOT.parent / "shared" / "data"

HEADER = """\
# Third-person imperfect verbs ("يتحرك"، "تهاجم"، "يعيشون"), written by scripts/make_imperfect_verbs.py (do not edit by
# hand) from the words of ANERcorp, NewsFANE and WikiFANE (CC BY-SA 3.0) and UD Arabic-PUD (CC BY-SA 3.0): a word
# that opens with ي or ت whose stem also stands with the other prefix and as the perfect or with أ/ن. After a name,
# one of them opens the name's predicate ("روحاني يتحرك نحو"): it ends the name unless punctuation, a title or
# إن/أن follows it, where it is more likely a surname that looks like a verb ("جانيت يلين، رئيسة").
"""

#: Object and subject suffixes an imperfect form may carry ("يشاهده"، "يعيشون"); the stem keeps four letters at least.
_SUFFIXES = ("ون", "ان", "ها", "هم", "ني", "ه", "ك", "")


def _words(data: Path) -> Iterator[str]:
    for path in sorted((data / "ner").glob("*.txt")):
        sep = " " if "ANER" in path.name else "\t"
        for line in path.read_text(encoding="utf-8-sig").splitlines():
            cells = line.rsplit(sep, 1) if sep == " " else line.split(sep)
            if len(cells) == 2:
                yield cells[0].replace("\u200e", "").strip()
    for path in sorted((data / "ud").glob("*.conllu")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                cells = line.split("\t")
                if len(cells) > 1 and "-" not in cells[0]:
                    yield cells[1]


def _is_imperfect(word: str, seen: Counter[str]) -> bool:
    if len(word) < 4 or word[0] not in "يت":
        return False
    for suffix in _SUFFIXES:
        if suffix and (not word.endswith(suffix) or len(word) - len(suffix) < 4):
            continue
        stem = word[1 : len(word) - len(suffix)]
        other = ("ت" if word[0] == "ي" else "ي") + stem
        if seen[other] and (seen[stem] or seen["ن" + stem] or seen["ا" + stem]):
            return True
    return False


def build(data: Path) -> str:
    """The file's text: a header, then every form, sorted."""
    seen = Counter(w for w in map(normalize, _words(data)) if w)
    given = load_set("first_names")
    forms = sorted(w for w in seen if w not in given and _is_imperfect(w, seen))
    return HEADER + "".join(f"{form}\n" for form in forms)


def main(argv: list[str]) -> int:
    data = Path(argv[argv.index("--data") + 1]) if "--data" in argv else DATA
    if not (data / "ner").is_dir():
        print(f"no data at {data}", file=sys.stderr)
        return 0 if "--check" in argv else 2
    return write_or_check(OUT, build(data), HEADER, check="--check" in argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

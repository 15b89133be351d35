"""Build ``src/arnews/data/lexicons/ar/imperfect_verbs.txt``: third-person imperfect verbs ("يتحرك"، "تهاجم"،
"يعيشون") read off the train and dev documents of ANERcorp and WikiFANE (the test splits are never read, so scores
on them stay honest) by their paradigm: a word that opens with ي or ت is listed when the same stem also stands with
the other prefix (ي/ت) and as the perfect or with أ/ن ("يشاهد"، "تشاهد"، "شاهد"). A surname seldom has that
paradigm; a given name that does ("تامر"، "يزيد") is left out through ``first_names.txt``.

    .venv/bin/python training/imperfect_verbs.py [--data ../shared/data/ner] [--check]

``--check`` exits 1 when the file on disk differs from what the data gives (and 0 without the data).
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import ner_data  # noqa: E402

from arnews.core.lexicons import load_set  # noqa: E402
from arnews.core.text import normalize  # noqa: E402

OUT = HERE.parent / "src" / "arnews" / "data" / "lexicons" / "ar" / "imperfect_verbs.txt"
DATA = HERE.parent.parent / "shared" / "data" / "ner"

HEADER = """\
# Third-person imperfect verbs ("يتحرك"، "تهاجم"، "يعيشون"), written by training/imperfect_verbs.py (do not edit by
# hand) from the words of the train and dev documents of ANERcorp (Benajiba et al. 2007) and WikiFANE (Alotaibi & Lee
# 2014, CC BY-SA 3.0): a word that opens with ي or ت whose stem also stands with the other prefix and as the perfect
# or with أ/ن. After a name, one of them opens the name's predicate ("روحاني يتحرك نحو"): it ends the name unless
# punctuation, a title or إن/أن follows it, where it is more likely a surname that looks like a verb ("جانيت يلين،
# رئيسة").
"""

#: Object and subject suffixes an imperfect form may carry ("يشاهده"، "يعيشون"); the stem keeps four letters at least.
_SUFFIXES = ("ون", "ان", "ها", "هم", "ني", "ه", "ك", "")


def _words(data: Path) -> Iterator[str]:
    """The words of the train and dev documents of ANERcorp and WikiFANE, as written."""
    for docs in (
        ner_data.load_anercorp(data / "ANERCorp_HassanAzzam.txt"),
        ner_data.load_fane(data / "WikiFANE_Gold_2014_500K.txt"),
    ):
        split = ner_data.split_documents(docs)
        for part in ("train", "dev"):
            for doc in split[part]:
                for sent in doc:
                    yield from (word for word, _tag in sent)


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
    if not (data / "ANERCorp_HassanAzzam.txt").is_file():
        print(f"no data at {data}", file=sys.stderr)
        return 0 if "--check" in argv else 2
    text = build(data)
    if "--check" in argv:
        return 0 if OUT.exists() and OUT.read_text(encoding="utf-8") == text else 1
    OUT.write_text(text, encoding="utf-8")
    print(f"{text.count(chr(10)) - HEADER.count(chr(10))} forms -> {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

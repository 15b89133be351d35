"""Write ``src/arnews/data/lexicons/ar/nationalities.txt``: the nationality adjectives (nisba) of the countries of
the bundled knowledge base, derived from their one-word Arabic labels ("البرازيل" gives "البرازيلي"، "البرازيلية";
"إسبانيا" gives "الإسباني"، "الإسبانية"; "مصر" gives "المصري"، "المصرية"), and ``country_names.txt``: those labels
written without the article ("فرنسا"، "مالطا"), which the name grammar reads after a title's portfolio ("وزير خارجية
فرنسا") and never as a participle of manner ("مالطا" has the shape of "مبتسما").

Usage: .venv/bin/python scripts/make_nationalities.py [--check]

A derived form that is another everyday adjective ("المالي" is financial far more often than Malian) or the name of
a country itself ("السعودية") is left out. An irregular adjective ("النمساوي") is not derived;
the rule's form for it ("النمسي") is harmless, as news never writes it. ``--check`` exits 1 when a file on disk
differs from what the knowledge base gives.
"""

from __future__ import annotations

import sys
from pathlib import Path

from arnews.core.text import normalize
from arnews.kb import default_kb

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "arnews" / "data" / "lexicons" / "ar" / "nationalities.txt"
COUNTRIES_OUT = OUT.with_name("country_names.txt")

HEADER = """\
# Nationality adjectives (nisba) with the article, masculine and feminine, derived from the one-word Arabic labels of
# the countries in the bundled knowledge base by scripts/make_nationalities.py (do not edit by hand). Before a name
# they describe the person as a title does ("كشف البرازيلي إيلتون ألميدا"، "قال الأرجنتيني ليونيل ميسي").
# Left out: forms that are other everyday adjectives ("المالي": financial) or country names ("السعودية").
"""

COUNTRIES_HEADER = """\
# The one-word Arabic labels, without the article, of the countries in the bundled knowledge base, written by
# scripts/make_nationalities.py (do not edit by hand). After a title and its portfolio they are the country the
# title holds in ("وزير خارجية فرنسا لوران فابيوس"), never the start of the person's name, and a word that has the
# shape of a participle of manner ("مالطا" like "مبتسما") is no participle when it is one of them.
"""

#: Derived forms that news writes as another adjective far more often than as the nationality.
EVERYDAY = frozenset({"المالي", "المالية"})


def _nisba(label: str) -> str | None:
    """The masculine nisba with the article of a one-word country label, or None."""
    word = label[2:] if label.startswith("ال") else label
    if " " in label or len(word) < 3:
        return None
    if word.endswith(("ا", "ة", "ه")):
        word = word[:-1]
    return "ال" + word + ("" if word.endswith("ي") else "ي")  # "كينيا" gives "الكيني"، "جيبوتي" "الجيبوتي"


def _countries() -> list[tuple[str, ...]]:
    """The Arabic labels of each country of the knowledge base."""
    return [tuple(e.ar) for e in default_kb() if e.type == "LOC" and "country" in (e.description or "").lower()]


def build_countries() -> str:
    """``country_names.txt``: a header, then every one-word label without the article, sorted."""
    labels = {label for names in _countries() for label in names if " " not in label and not label.startswith("ال")}
    return COUNTRIES_HEADER + "".join(f"{label}\n" for label in sorted(labels, key=normalize))


def build() -> str:
    """``nationalities.txt``: a header, then every form, sorted."""
    countries = _countries()
    labels = {normalize(form) for names in countries for label in names for form in (label, "ال" + label)}
    everyday = {normalize(w) for w in EVERYDAY}
    forms: dict[str, None] = {}
    for names in countries:
        for masc in filter(None, map(_nisba, names)):
            for form in (masc, masc + "ة"):
                key = normalize(form)
                if key not in everyday and key not in labels:
                    forms[form] = None
    return HEADER + "".join(f"{form}\n" for form in sorted(forms))


def main(argv: list[str]) -> int:
    files = ((OUT, build(), HEADER), (COUNTRIES_OUT, build_countries(), COUNTRIES_HEADER))
    if "--check" in argv:
        return 0 if all(out.exists() and out.read_text(encoding="utf-8") == text for out, text, _ in files) else 1
    for out, text, header in files:
        out.write_text(text, encoding="utf-8")
        print(f"{out.relative_to(ROOT)}: {text.count(chr(10)) - header.count(chr(10))} lines")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

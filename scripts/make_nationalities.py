"""Write ``src/arnews/data/lexicons/ar/nationalities.txt``: the nationality adjectives (nisba) of the countries of
the bundled knowledge base, derived from their one-word Arabic labels ("البرازيل" gives "البرازيلي"، "البرازيلية";
"إسبانيا" gives "الإسباني"، "الإسبانية"; "مصر" gives "المصري"، "المصرية").

Usage: .venv/bin/python scripts/make_nationalities.py [--check]

A derived form that is another everyday adjective ("المالي" is financial far more often than Malian) or the name of
a country itself ("السعودية") is left out. An irregular adjective ("النمساوي") is not derived;
the rule's form for it ("النمسي") is harmless, as news never writes it. ``--check`` exits 1 when the file on disk
differs from what the knowledge base gives.
"""

from __future__ import annotations

import sys
from pathlib import Path

from arnews.core.text import normalize
from arnews.kb import default_kb

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "arnews" / "data" / "lexicons" / "ar" / "nationalities.txt"

HEADER = """\
# Nationality adjectives (nisba) with the article, masculine and feminine, derived from the one-word Arabic labels of
# the countries in the bundled knowledge base by scripts/make_nationalities.py (do not edit by hand). Before a name
# they describe the person as a title does ("كشف البرازيلي إيلتون ألميدا"، "قال الأرجنتيني ليونيل ميسي").
# Left out: forms that are other everyday adjectives ("المالي": financial) or country names ("السعودية").
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


def build() -> str:
    """The file's text: a header, then every form, sorted."""
    countries = [e.ar for e in default_kb() if e.type == "LOC" and "country" in (e.description or "").lower()]
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
    text = build()
    if "--check" in argv:
        return 0 if OUT.exists() and OUT.read_text(encoding="utf-8") == text else 1
    OUT.write_text(text, encoding="utf-8")
    print(f"{OUT.relative_to(ROOT)}: {text.count(chr(10)) - HEADER.count(chr(10))} forms")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

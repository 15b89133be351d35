"""Writing or checking a lexicon file that a script derives from data (``make_nationalities.py``,
``make_imperfect_verbs.py``)."""

from __future__ import annotations

from pathlib import Path


def write_or_check(out: Path, text: str, header: str, *, check: bool) -> int:
    """With ``check``: 0 when ``out`` holds ``text``, else 1. Without: write it and say how many entries it has."""
    if check:
        return 0 if out.exists() and out.read_text(encoding="utf-8") == text else 1
    out.write_text(text, encoding="utf-8")
    root = Path(__file__).resolve().parent.parent
    print(f"{out.relative_to(root)}: {text.count(chr(10)) - header.count(chr(10))} forms")
    return 0

"""The gazetteer of cities without QIDs: written from GeoNames rows, read without everyday words and KB names."""

from __future__ import annotations

from pathlib import Path

from arnews.kb import default_kb
from arnews.kb.places import main, place_names, write_places

ROWS = """geonames_id,name_ar,name_en,country,population,aliases_ar
1,كاليه,Calais,FR,74433,
2,كاليه,Calais,FR,1000,
3,قرية صغيرة,Small,XX,900,
4,بوسطن\u200f,Boston,US,617594,
"""


def test_write_places_keeps_the_populous_once(tmp_path: Path) -> None:
    source = tmp_path / "geo.csv"
    source.write_text(ROWS, encoding="utf-8")
    out = tmp_path / "places.tsv"
    assert write_places(source, out) == 2
    lines = [line.split("\t") for line in out.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    assert lines == [["بوسطن", "US", "617594"], ["كاليه", "FR", "74433"]]  # most populous first, marks gone


def test_the_command_writes_the_table(tmp_path: Path) -> None:
    source = tmp_path / "geo.csv"
    source.write_text(ROWS, encoding="utf-8")
    assert main([str(source), "-o", str(tmp_path / "p.tsv"), "--min-population", "500"]) == 0
    assert "قرية صغيرة" in (tmp_path / "p.tsv").read_text(encoding="utf-8")


def test_the_bundled_names_leave_out_everyday_words_and_kb_names() -> None:
    names = place_names(default_kb())
    assert ("كاليه",) in names
    assert ("معسكر",) not in names  # not_places.txt
    assert ("الحي",) not in names  # a place noun
    assert ("صنعاء",) not in names  # the KB knows it: the KB pass reads it


def test_the_names_of_a_kb_are_worked_out_once_and_let_go_with_it() -> None:
    import gc

    from arnews.kb import KnowledgeBase
    from arnews.kb.places import _BY_KB

    kb = KnowledgeBase([])
    first = place_names(kb)
    assert place_names(kb) is first and ("كاليه",) in first
    held = len(_BY_KB)
    del kb
    gc.collect()
    assert len(_BY_KB) == held - 1

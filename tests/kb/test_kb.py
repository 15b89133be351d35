"""The knowledge base: the bundled file, lookups, and building from CSV sources and Wikidata dumps."""

from __future__ import annotations

import bz2
import gzip
import json
import shutil
from pathlib import Path

import pytest

from arnews.cli import main
from arnews.core.text import view
from arnews.errors import KnowledgeBaseError
from arnews.kb import KbEntry, KnowledgeBase, default_kb
from arnews.kb.build import build, from_csv_dir, iter_wikidata
from arnews.linker import link_entities
from docs_helpers import make_doc

FIXTURE = Path(__file__).parent / "fixtures" / "wikidata_sample.json"
SHARED_KB = Path(__file__).resolve().parents[3] / "shared" / "data" / "kb"


def test_bundled_kb_has_verified_entities() -> None:
    kb = default_kb()
    assert kb is default_kb()  # loaded once
    assert len(kb) > 1000
    for qid, kind in (("Q6279", "PER"), ("Q22686", "PER"), ("Q29552", "ORG"), ("Q130879", "ORG"), ("Q771", "LOC")):
        entry = kb.get(qid)
        assert entry is not None and entry.type == kind


def test_lookup_prefers_exact_arabic_label_then_phonetic() -> None:
    kb = default_kb()
    assert kb.lookup("كامالا هاريس")[0].entry.id == "Q10853588"
    assert kb.lookup("كامالا هاريس")[0].how == "exact"
    # a KB row with only an English label, reached through the transliteration key
    horsford = kb.lookup("ستيفن هورسفورد")
    assert horsford and horsford[0].how == "phonetic" and horsford[0].entry.type == "PER"
    assert kb.lookup("الحزب الديمقراطي")[0].entry.id == "Q29552"


def test_lookup_never_links_a_person_by_one_word_of_sound() -> None:
    kb = default_kb()
    assert not [c for c in kb.lookup("هورسفورد") if c.entry.type == "PER" and c.how == "phonetic"]


def test_initials_and_surnames() -> None:
    kb = default_kb()
    assert kb.by_initials("AOC")[0].id == "Q55223040"
    assert kb.by_surname("بايدن")[0].id == "Q6279"


def _fixture_entries(path: Path) -> dict[str, KbEntry]:
    return {e.id: e for e in iter_wikidata(path)}


@pytest.mark.parametrize("compress", ["plain", "gz", "bz2"])
def test_build_from_dump(tmp_path: Path, compress: str) -> None:
    dump = tmp_path / "dump.json"
    shutil.copy(FIXTURE, dump)
    if compress == "gz":
        dump = tmp_path / "dump.json.gz"
        dump.write_bytes(gzip.compress(FIXTURE.read_bytes()))
    elif compress == "bz2":
        dump = tmp_path / "dump.json.bz2"
        dump.write_bytes(bz2.compress(FIXTURE.read_bytes()))
    entries = _fixture_entries(dump)
    assert set(entries) == {"Q76", "Q1124", "Q62", "Q1065"}  # no film, no label-less item, no property
    assert entries["Q76"].type == "PER" and "أوباما" in entries["Q76"].ar
    assert entries["Q62"].type == "LOC" and entries["Q1065"].type == "ORG"
    assert entries["Q76"].prior > entries["Q62"].prior  # more sitelinks, more popular
    out = tmp_path / "kb.jsonl.gz"
    assert build(out, dumps=[dump], curated=False) == 4
    kb = KnowledgeBase.load(out)
    assert kb.lookup("الأمم المتحدة")[0].entry.id == "Q1065"


def test_cli_builds_a_kb_the_linker_uses(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "mine.jsonl.gz"
    assert main(["kb", "build", str(FIXTURE), "--no-curated", "-o", str(out)]) == 0
    assert "wrote 4 entities" in capsys.readouterr().out
    kb = KnowledgeBase.load(out)
    text = "عنوان\n\nدعا باراك أوباما وبيل كلينتون إلى جمع التبرعات في سان فرانسيسكو، وقال أوباما إن الوقت حان."
    v = view(text)
    found = link_entities(make_doc(v.raw), kb=kb)
    linked = {e.wikidata: [m.text for m in e.mentions] for e in found if e.wikidata}
    assert linked["Q76"] == ["باراك أوباما", "أوباما"]
    assert linked["Q1124"] == ["وبيل كلينتون"[1:]]
    assert "Q62" in linked


def test_bad_dump_line_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('[\n{"type": "item", "id": "Q1",\n]\n', encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match=r"bad\.json:2"):
        list(iter_wikidata(bad))


def test_bad_kb_file_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "kb.jsonl"
    bad.write_text(json.dumps({"id": "Q1", "type": "PERSON"}) + "\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match="PERSON"):
        KnowledgeBase.load(bad)
    with pytest.raises(KnowledgeBaseError):
        KnowledgeBase.load(tmp_path / "missing.jsonl.gz")


def test_save_and_load_round_trip(tmp_path: Path) -> None:
    kb = KnowledgeBase([KbEntry("Q2", "LOC", ["الأرض"], ["Earth"], "كوكب", 0.9)])
    kb.save(tmp_path / "k.jsonl.gz")
    again = KnowledgeBase.load(tmp_path / "k.jsonl.gz")
    assert again.get("Q2") == kb.get("Q2")


@pytest.mark.skipif(not SHARED_KB.is_dir(), reason="shared KB sources are not here")
def test_csv_sources_read() -> None:
    entries = list(from_csv_dir(SHARED_KB))
    assert len(entries) > 1500
    assert {e.type for e in entries} == {"PER", "ORG", "LOC"}


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        (b"\xff\xfe\x00not utf-8\n", "not UTF-8"),
        (b'["Q1", "PER"]\n', "JSON object"),
        (b'{"id": "Q1", "type": "PER", "ar": "\xd8\xb9\xd9\x84\xd9\x8a"}\n', "list of strings"),
        (b'{"id": "Q1", "type": "PER", "ar": ["x"], "desc": 5}\n', "'desc'"),
    ],
)
def test_malformed_user_kb_is_a_knowledge_base_error(tmp_path: Path, payload: bytes, message: str) -> None:
    path = tmp_path / "kb.jsonl"
    path.write_bytes(payload)
    with pytest.raises(KnowledgeBaseError, match=message):
        KnowledgeBase.load(path)


def test_truncated_gzip_kb_is_a_knowledge_base_error(tmp_path: Path) -> None:
    rows = "".join(json.dumps({"id": f"Q{i}", "type": "LOC", "ar": [f"مدينة {i}"]}) + "\n" for i in range(5000))
    whole = gzip.compress(rows.encode())
    path = tmp_path / "kb.jsonl.gz"
    path.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(KnowledgeBaseError, match=r"truncated|cannot read"):
        KnowledgeBase.load(path)


def test_surname_lookups_are_most_popular_first() -> None:
    kb = KnowledgeBase(
        [
            KbEntry("Q1", "PER", ("أحمد سالم",), ("Ahmed Salem",), None, 0.2),
            KbEntry("Q2", "PER", ("خالد سالم",), ("Khaled Salem",), None, 0.9),
        ]
    )
    assert [e.id for e in kb.by_surname("سالم")] == ["Q2", "Q1"]
    assert kb.surname_prior("سالم") == 0.9  # the most popular of them
    assert kb.surname_prior("ناصر") == 0.0
    assert kb.has_label(kb.entries["Q1"], "أحمد سالم")
    assert not kb.has_label(kb.entries["Q1"], "خالد سالم")


def test_prefix_index_says_which_spans_may_grow() -> None:
    kb = KnowledgeBase(
        [
            KbEntry("Q1", "ORG", ("جامعة الدول العربية",), ("Arab League",)),
            KbEntry("Q2", "LOC", ("تونس",), ("Tunisia",)),
        ]
    )
    assert kb.could_continue("جامعه")
    assert kb.could_continue("جامعه الدول")
    assert kb.could_continue("جامعه الدول العربيه")
    assert not kb.could_continue("جامعه الدول العربيه اليوم")  # longer than any name
    assert not kb.could_continue("تونس الخضراء")
    assert kb.could_continue("arab league")  # the phonetic key of an English label


def test_curated_rows_say_where_each_qid_was_verified() -> None:
    from importlib import resources

    rows = [
        line.split("\t")
        for line in resources.files("arnews").joinpath("data/kb/curated.tsv").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert len(rows) >= 40
    qids = [r[0] for r in rows]
    assert len(qids) == len(set(qids))
    assert all(len(r) == 7 and r[6].strip() for r in rows)  # a source for every QID
    kb = default_kb()
    for label, qid in (("نانسي بيلوسي", "Q170581"), ("بيرني ساندرز", "Q359442"), ("ميتش ماكونيل", "Q355522")):
        assert kb.lookup(label)[0].entry.id == qid


@pytest.mark.parametrize(
    ("name", "qid"),
    [("القاهرة", "Q85"), ("الرياض", "Q3692"), ("بيروت", "Q3820"), ("موسكو", "Q649"), ("واشنطن", "Q61")],
)
def test_bundled_kb_knows_capitals(name: str, qid: str) -> None:
    assert default_kb().lookup(name)[0].entry.id == qid


def test_washington_the_city_and_the_state() -> None:
    text = "زار الوزير واشنطن أمس، ثم توجه إلى ولاية واشنطن في الشمال الغربي."
    v = view(text)
    entities = link_entities(make_doc(v.raw), kb=default_kb())
    assert {e.wikidata for e in entities if "واشنطن" in e.name} == {"Q61", "Q1223"}


@pytest.mark.parametrize(
    ("name", "qid"),
    [
        ("المملكة العربية السعودية", "Q851"),
        ("بريطانيا", "Q145"),
        ("الإمارات", "Q878"),
        ("جمهورية مصر العربية", "Q79"),
        ("الولايات المتحدة الأمريكية", "Q30"),
        ("أميركا", "Q30"),
    ],
)
def test_bundled_kb_knows_countries_by_their_official_and_common_names(name: str, qid: str) -> None:
    found = default_kb().lookup(name)
    assert found and found[0].entry.id == qid


def test_aliases_come_after_the_sources_own_names(tmp_path: Path) -> None:
    # the alias table adds names; the entity keeps the name its source gives first (the name arnews shows)
    assert default_kb().get("Q851").ar[0] == "السعودية"  # type: ignore[union-attr]
    src = tmp_path / "src"
    src.mkdir()
    (src / "countries.csv").write_text(
        "wikidata,name_ar,name_en,type,category\nQ851,السعودية,Saudi Arabia,LOC,"
        "category=country/territory (NE TYPE: Sovereign country)\n",
        encoding="utf-8",
    )
    build(tmp_path / "kb.jsonl", sources=src)
    entry = KnowledgeBase.load(tmp_path / "kb.jsonl").get("Q851")
    assert entry is not None
    assert entry.ar[:2] == ("السعودية", "المملكة العربية السعودية")
    assert entry.description == "Sovereign country"  # no bracket left dangling


def test_every_alias_row_names_an_entity_of_the_bundled_kb() -> None:
    from arnews.kb.build import alias_table

    kb = default_kb()
    for qid, (ar, _en) in alias_table().items():
        entry = kb.get(qid)
        assert entry is not None, qid
        assert set(ar) <= set(entry.ar)

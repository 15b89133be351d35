"""The NER training data readers: WikiFANE's clitic-segmented tokens rejoined into words as written, its fine classes
mapped onto PER/ORG/LOC/MISC, and ANERcorp's split kept apart."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "training"))

import ner_data  # noqa: E402

FANE = ROOT.parent / "shared" / "data" / "ner" / "WikiFANE_Gold_2014_500K.txt"


def test_proclitics_join_the_next_word_and_take_its_tag() -> None:
    sent = [("و", "O"), ("ب", "O"), ("الرياض", "B-LOC"), ("ف", "O"), ("قد", "O")]
    assert ner_data.rejoin_clitics(sent) == [("وبالرياض", "B-LOC"), ("فقد", "O")]


def test_lam_before_the_article_drops_its_alef() -> None:
    assert ner_data.rejoin_clitics([("ل", "O"), ("الحكومة", "B-ORG")]) == [("للحكومة", "B-ORG")]


def test_pronoun_suffixes_join_the_word_before() -> None:
    sent = [("عاصمة", "O"), ("ها", "O"), ("نتائج", "O"), ("ه", "O"), ("بلاد", "O"), ("نا", "O")]
    assert [w for w, _ in ner_data.rejoin_clitics(sent)] == ["عاصمتها", "نتائجه", "بلادنا"]


def test_hum_after_a_word_with_the_article_is_a_pronoun_of_its_own() -> None:
    # "الشماليين هم تجار": a separate pronoun; "رحلات هم": a suffix
    assert [w for w, _ in ner_data.rejoin_clitics([("الشماليين", "O"), ("هم", "O")])] == ["الشماليين", "هم"]
    assert [w for w, _ in ner_data.rejoin_clitics([("رحلات", "O"), ("هم", "O")])] == ["رحلاتهم"]


def test_a_suffix_never_joins_punctuation_and_a_lone_clitic_at_the_end_stays() -> None:
    assert ner_data.rejoin_clitics([("،", "O"), ("ه", "O"), ("و", "O")]) == [("،", "O"), ("ه", "O"), ("و", "O")]


def test_fine_classes_map_onto_four_and_common_noun_classes_onto_nothing() -> None:
    assert ner_data._fane_tag("B-Politician") == "B-PER"
    assert ner_data._fane_tag("I-Government") == "I-ORG"
    assert ner_data._fane_tag("B-Population-Center") == "B-LOC"
    assert ner_data._fane_tag("B-Book") == "B-MISC"
    for common in ("B-Group", "B-Celestial", "I-Projectile", "B-Food", "B-Air"):
        assert ner_data._fane_tag(common) == "O"
    assert ner_data._fane_tag("") == "O"


def test_an_inside_tag_after_a_dropped_class_opens_a_mention() -> None:
    assert ner_data._fix_iob([("a", "O"), ("b", "I-PER"), ("c", "I-PER"), ("d", "I-LOC")]) == [
        ("a", "O"), ("b", "B-PER"), ("c", "I-PER"), ("d", "B-LOC"),
    ]  # fmt: skip


@pytest.mark.skipif(not FANE.is_file(), reason="../shared/data/ner is not beside the project")
def test_wikifane_reads_as_words_with_four_types() -> None:
    docs = ner_data.load_fane(FANE)
    sents = [s for d in docs for s in d]
    assert len(sents) > 10_000
    tags = {t for s in sents for _w, t in s}
    assert tags <= {"O", *(f"{p}-{k}" for p in "BI" for k in ("PER", "ORG", "LOC", "MISC"))}
    words = [w for s in sents for w, _t in s]
    # clitics are written on: a lone "و" or "ها" is rare (only where the data has a stray one)
    assert sum(w in ("و", "ها", "ه") for w in words) / len(words) < 0.002
    assert all(len(s) <= ner_data.MAX_SENT_TOKENS for s in sents)
    assert all(not s[0][1].startswith("I-") for s in sents)
    split = ner_data.split_documents(docs)
    train = {tuple(w for w, _ in s) for d in split["train"] for s in d}
    test = [tuple(w for w, _ in s) for d in split["test"] for s in d]
    assert not any(len(s) > 3 and s in train for s in test), "no test sentence is trained on"

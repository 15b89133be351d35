"""The SQLite knowledge base: it answers every question as the in-memory KB holding the same entities does, links
articles identically, and reports files that are not KBs."""

from __future__ import annotations

import itertools
import pickle
import sqlite3
from pathlib import Path

import pytest

import arnews
from arnews.cli import main
from arnews.core import memo
from arnews.core.text import normalize
from arnews.errors import KnowledgeBaseError
from arnews.kb import KbEntry, KnowledgeBase, default_kb
from arnews.kb.sqlite import SqliteKnowledgeBase, write_sqlite


@pytest.fixture(scope="module")
def bundled_sqlite(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    path = tmp_path_factory.mktemp("kb") / "bundled.sqlite"
    assert write_sqlite(default_kb(), path) == len(default_kb())
    return KnowledgeBase.load(path)


def test_an_sqlite_file_is_opened_not_read(bundled_sqlite: KnowledgeBase) -> None:
    assert isinstance(bundled_sqlite, SqliteKnowledgeBase)
    assert len(bundled_sqlite) == len(default_kb())
    assert bundled_sqlite.get("Q851") == default_kb().get("Q851")
    assert bundled_sqlite.get("Q0") is None
    first = list(itertools.islice(bundled_sqlite, 50))
    assert first == list(itertools.islice(default_kb(), 50))


def _names(every: int) -> list[str]:
    names: list[str] = []
    for e in itertools.islice(default_kb(), 0, None, every):
        names.extend([*e.ar[:2], *e.en[:1]])
    return names


def test_every_answer_equals_the_in_memory_kb(bundled_sqlite: KnowledgeBase) -> None:
    memory = default_kb()
    names = [*_names(every=23), "القاهره", "الكاميرون", "Barack Obama", "اوباما", "AOC", "x", "ال"]
    for name in names:
        assert _ranked(memory.lookup(name)) == _ranked(bundled_sqlite.lookup(name)), name
        assert memory.could_continue(name) == bundled_sqlite.could_continue(name), name
        last = name.split()[-1] if name.split() else name
        assert [e.id for e in memory.by_surname(last)] == [e.id for e in bundled_sqlite.by_surname(last)]
        assert memory.surname_prior(last) == bundled_sqlite.surname_prior(last), last
        for word in normalize(name).split():
            assert memory.could_start(word) == bundled_sqlite.could_start(word), word
    for acronym in ("aoc", "un", "nato", "gcc"):
        assert [e.id for e in memory.by_initials(acronym)] == [e.id for e in bundled_sqlite.by_initials(acronym)]


def _ranked(cands: list[arnews.kb.Candidate]) -> list[tuple[str, str, float]]:
    return [(c.entry.id, c.how, round(c.score, 6)) for c in cands]


def test_articles_are_linked_the_same_with_either_store(bundled_sqlite: KnowledgeBase, seed_texts: list[str]) -> None:
    assert isinstance(bundled_sqlite, SqliteKnowledgeBase)
    memory = arnews.Pipeline(exclude=["ner"])
    on_disk = arnews.Pipeline(exclude=["ner"], kb=bundled_sqlite.path)
    for text in seed_texts:
        assert on_disk.parse(text) == memory.parse(text)


def test_it_pickles_as_its_path(bundled_sqlite: KnowledgeBase) -> None:
    again = pickle.loads(pickle.dumps(bundled_sqlite))
    assert isinstance(again, SqliteKnowledgeBase) and len(again) == len(bundled_sqlite)
    assert _ranked(again.lookup("السعودية")) == _ranked(bundled_sqlite.lookup("السعودية"))


def test_saving_and_building_write_sqlite_by_the_name(tmp_path: Path) -> None:
    kb = KnowledgeBase([KbEntry("Q85", "LOC", ["القاهرة"], ["Cairo"], "عاصمة مصر", 0.8)])
    kb.save(tmp_path / "mine.db")
    loaded = KnowledgeBase.load(tmp_path / "mine.db")
    assert isinstance(loaded, SqliteKnowledgeBase) and list(loaded) == list(kb)
    assert main(["kb", "build", "-o", str(tmp_path / "curated.sqlite")]) == 0
    assert len(KnowledgeBase.load(tmp_path / "curated.sqlite")) > 100


def test_an_sqlite_file_that_is_no_kb_is_an_error_naming_it(tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE t(x)")
    with pytest.raises(KnowledgeBaseError, match=r"other\.sqlite: not an arnews KB file"):
        KnowledgeBase.load(other)
    broken = tmp_path / "broken.sqlite"
    broken.write_bytes(b"SQLite format 3\x00" + b"\xff" * 200)
    with pytest.raises(KnowledgeBaseError, match=r"broken\.sqlite"):
        KnowledgeBase.load(broken)


def test_two_entities_with_one_id_are_an_error(tmp_path: Path) -> None:
    twice = [KbEntry("Q1", "LOC", ["أ"]), KbEntry("Q1", "ORG", ["ب"])]
    with pytest.raises(KnowledgeBaseError, match="share an id"):
        write_sqlite(twice, tmp_path / "twice.sqlite")
    assert not (tmp_path / "twice.sqlite").exists()


def _many_entries(count: int) -> list[KbEntry]:
    """``count`` people with distinct two-word Arabic names."""
    letters = "بتثجحخدذرزسشصضطظعغفقكلمنهي"
    names = ("".join(three) + "ان" for three in itertools.product(letters, repeat=3))
    return [
        KbEntry(f"Q{n}", "PER", [f"{name} {letters[n % len(letters)]}ي"])
        for n, name in enumerate(itertools.islice(names, count))
    ]


@pytest.mark.parametrize("kind", ["memory", "sqlite"])
def test_building_a_big_kb_keeps_the_word_caches_within_their_bounds(
    kind: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The keys of every name of a big KB go through the word caches (normal form, keys, skeletons): building it
    trims them as it goes, as the pipeline does after each batch, so that a Wikidata build of millions of names
    does not hold all of them."""
    caches = [cached for cached, _size in memo._WORD_CACHES]
    monkeypatch.setattr(memo, "_WORD_CACHES", [(cached, 100) for cached in caches])
    for cached in caches:
        cached.cache_clear()
    entries = _many_entries(12_000)
    if kind == "memory":
        kb = KnowledgeBase(entries)
        assert len(kb.entries) == 12_000
    else:
        assert write_sqlite(entries, tmp_path / "big.sqlite3") == 12_000
    # 12,000 distinct names went through normalize; trimmed after 10,000 (memory) or every 5,000 (SQLite)
    assert normalize.cache_info().currsize < 6_000

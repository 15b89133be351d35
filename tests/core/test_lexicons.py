"""The word lists and tables: every file is named in the typed lists, and the shared tables decode once."""

from __future__ import annotations

from importlib import resources

import pytest

from arnews.core import lexicons
from arnews.core.text import normalize


def _files(suffix: str) -> set[str]:
    folder = resources.files("arnews").joinpath("data/lexicons/ar")
    return {p.name[: -len(suffix)] for p in folder.iterdir() if p.name.endswith(suffix)}


def test_every_lexicon_file_has_a_typed_name() -> None:
    assert set(lexicons.LIST_NAMES) == _files(".txt")
    assert set(lexicons.TABLE_NAMES) == _files(".tsv")


@pytest.mark.parametrize("name", lexicons.LIST_NAMES)
def test_every_list_loads_with_entries(name: lexicons.ListName) -> None:
    assert lexicons.load_list(name)
    assert all(entry == entry.strip() and entry for entry in lexicons.load_list(name))


@pytest.mark.parametrize("name", lexicons.TABLE_NAMES)
def test_every_table_loads_with_rows(name: lexicons.TableName) -> None:
    rows = lexicons.load_table(name)
    assert rows and all(len(row) >= 2 for row in rows), name


def test_titles_decode_once_with_their_kind() -> None:
    found = {t.text: t for t in lexicons.titles()}
    assert found["وزير الخارجية"].words == (normalize("وزير"), normalize("الخارجية"))
    assert found["وزير الخارجية"].kind in ("title", "role")
    assert {t.kind for t in lexicons.titles()} == {"title", "role", "ambiguous", "description", "abbrev", "sole"}
    assert lexicons.titles() is lexicons.titles()


def test_known_names_carry_entity_kinds() -> None:
    kinds = {n.text: n.kind for n in lexicons.known_names()}
    assert kinds["البيت الأبيض"] == "LOC"
    assert set(kinds.values()) <= {"PER", "ORG", "LOC", "MISC"}

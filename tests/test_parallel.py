"""Many cores: worker processes give the same articles as one process, in input order, with bad inputs isolated."""

from __future__ import annotations

from pathlib import Path

import pytest

import arnews
from arnews.errors import InputError
from arnews.nlp import RuleAnalyzer
from arnews.parallel import worker_count

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def _texts() -> list[str | Path]:
    made: list[str | Path] = [
        f"عنوان الخبر {n}\n\nالرياض - واس\nتبرع رجل الأعمال خالد العلي بمبلغ {n} ملايين ريال للجمعية الخيرية."
        for n in range(1, 12)
    ]
    return [*SEEDS, *made]


def test_workers_give_the_articles_of_one_process_in_order() -> None:
    pipe = arnews.Pipeline(analyzer=RuleAnalyzer(), batch_size=3)
    items = _texts()
    serial = [a.to_dict() for a in pipe.parse_many(items)]
    parallel = [a.to_dict() for a in pipe.parse_many(items, n_process=2)]
    assert parallel == serial
    assert len(parallel) == len(items)


def test_a_bad_input_in_a_worker_is_named_and_isolated(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    items: list[str | Path] = ["عنوان أول\n\nنص.", bad, "عنوان ثالث\n\nنص.", "\x00", "عنوان خامس"]
    pipe = arnews.Pipeline(exclude=["ner"], batch_size=2)
    got = list(pipe.parse_many(items, n_process=2, errors="return"))
    assert [type(r).__name__ for r in got] == ["Article", "InputError", "Article", "InputError", "Article"]
    assert str(bad) in str(got[1]) and str(got[3]).startswith("item 3:")  # its place in the whole run
    with pytest.warns(UserWarning, match="skipped"):
        kept = list(pipe.parse_many(items, n_process=2, errors="skip"))
    assert [a.title for a in kept] == ["عنوان أول", "عنوان ثالث", "عنوان خامس"]
    with pytest.raises(InputError, match=r"bad\.txt"):
        list(pipe.parse_many(items, n_process=2))


def test_worker_counts_and_what_workers_cannot_rebuild() -> None:
    assert worker_count(1) == 1 and worker_count(-1) >= 1
    with pytest.raises(ValueError, match="n_process"):
        worker_count(0)
    kb = arnews.KnowledgeBase([])
    with pytest.raises(ValueError, match="KB as a file path"):
        list(arnews.Pipeline(exclude=["ner"], kb=kb).parse_many(["عنوان"], n_process=2))

"""The whole pipeline: every span of every stage indexes the input exactly, on seeds, corpus and odd input; the
same input gives the same output in every process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import arnews
from arnews.nlp import RuleAnalyzer
from corpus_helpers import corpus_articles, corpus_text
from process_helpers import run_fresh


def spans(node: Any) -> Iterator[dict[str, Any]]:
    """Every dict in a to_dict() tree that stands for a piece of the input."""
    if isinstance(node, dict):
        if (
            isinstance(node.get("text"), str)
            and isinstance(node.get("start"), int)
            and isinstance(node.get("end"), int)
        ):
            yield node
        for value in node.values():
            yield from spans(value)
    elif isinstance(node, list):
        for value in node:
            yield from spans(value)


def assert_exact(text: str, article: arnews.Article) -> int:
    count = 0
    for span in spans(article.to_dict()):
        assert text[span["start"] : span["end"]] == span["text"], span
        count += 1
    return count


def test_seeds_round_trip_and_offsets(seed_texts: list[str]) -> None:
    for text in seed_texts:
        article = arnews.parse(text)
        assert arnews.Article.from_dict(article.to_dict()) == article
        assert assert_exact(text, article) > 20


def test_seed_output_fits_the_schema(seed_texts: list[str]) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    from arnews.serialize import json_schema

    for text in seed_texts:
        jsonschema.validate(arnews.parse(text).to_dict(), json_schema())


def test_parse_many_matches_parse(seed_texts: list[str]) -> None:
    many = list(arnews.parse_many(seed_texts))
    assert many == [arnews.parse(t) for t in seed_texts]


def test_parse_many_reads_paths(tmp_path: Any, seed_texts: list[str]) -> None:
    path = tmp_path / "a.txt"
    path.write_text(seed_texts[2], encoding="utf-8")
    [article] = list(arnews.parse_many([path]))
    assert article == arnews.parse(seed_texts[2])


@pytest.mark.corpus
def test_corpus_articles_parse_with_exact_offsets() -> None:
    count = 0
    for item in corpus_articles(limit=60, every=53, files=2):
        text = corpus_text(item)
        article = arnews.parse(text, published=item["date_extracted"][:10])
        assert_exact(text, article)
        count += 1
    assert count >= 30


adversarial = [
    "“" * 20_000,
    "«" * 10_000 + "»" * 3,
    "قال: " * 5_000,
    "مليون " * 5_000,
    "يوم الجمعة " * 3_000,
    "الرئيس " * 5_000,
    ("&quot;" * 5_000) + " قال الوزير",
]


@pytest.mark.parametrize("text", adversarial, ids=[t[:12] for t in adversarial])
def test_adversarial_input_finishes_with_exact_offsets(text: str) -> None:
    assert_exact(text, arnews.parse(text))


arabic_soup = st.text(alphabet="ابتجدهوزحطيكلمنسعفصقرشتثخذضظغءأإآةى «»“”\"'.,،:؛!؟-ـ\n0123456789٠١٢٣", max_size=300)


@given(arabic_soup)
def test_any_text_gives_exact_offsets(text: str) -> None:
    assert_exact(text, arnews.parse(text))


@pytest.mark.parametrize("bad", ["\x00\x01\x02" * 400, "\x00" * 2000])
def test_parse_many_yields_the_good_items_before_a_bad_one(bad: str) -> None:
    pipeline = arnews.Pipeline(analyzer=RuleAnalyzer(), batch_size=8)
    good = ["عنوان أول\n\nقال الوزير إن المشروع اكتمل.", "عنوان ثان\n\nأعلنت الوزارة الخطة."]
    got: list[arnews.Article] = []
    with pytest.raises(arnews.InputError):
        for article in pipeline.parse_many([*good, bad, "عنوان ثالث\n\nنص."]):
            got.append(article)
    assert [a.title for a in got] == ["عنوان أول", "عنوان ثان"]


def test_parse_many_yields_the_files_before_an_unreadable_one(tmp_path: Any) -> None:
    pipeline = arnews.Pipeline(analyzer=RuleAnalyzer())
    first = tmp_path / "a.txt"
    first.write_text("عنوان أول\n\nنص الخبر الأول.", encoding="utf-8")
    broken = tmp_path / "b.txt"
    broken.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00 not text")
    got: list[str] = []
    with pytest.raises(arnews.InputError, match=r"b\.txt"):
        for article in pipeline.parse_many([first, broken]):
            got.append(article.title)
    assert got == ["عنوان أول"]


def test_load_parses_once_and_freeze_settles_what_was_loaded() -> None:
    """``load()`` loads what the first article would (the knowledge base among it); ``freeze=True`` leaves the
    objects loaded out of later full collections and makes the young generation larger. Run in a process of its
    own: the collector's settings are process-wide."""
    code = """
import gc, arnews
from arnews.kb import store
from arnews.parallel import YOUNG_GENERATION
pipe = arnews.Pipeline(exclude=["ner"])
assert gc.get_freeze_count() == 0
before = gc.get_threshold()
assert pipe.load() is pipe and gc.get_freeze_count() == 0 and gc.get_threshold() == before
assert sum(pipe.seconds.values()) > 0, "the warm-up text went through every processor"
pipe.load(freeze=True)
kbs = [o for o in gc.get_objects() if isinstance(o, store.KnowledgeBase)]
assert gc.get_freeze_count() > 10_000 and not kbs, (gc.get_freeze_count(), len(kbs))
assert gc.get_threshold() == (YOUNG_GENERATION, *before[1:]), gc.get_threshold()
gc.set_threshold(50_000)
pipe.load(freeze=True)
assert gc.get_threshold()[0] == 50_000  # a larger young generation is left as it is
a = pipe.parse("قال الوزير محمد الجدعان إن الميزانية بلغت مليار ريال.")
assert a.quotes and a.money
"""
    done = run_fresh(code)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_output_does_not_follow_the_hash_seed(tmp_path: Path) -> None:
    # sets and dicts of strings are read in an order each process's hash seed picks: no result may follow it
    source = tmp_path / "articles.jsonl"
    with source.open("w", encoding="utf-8") as out:
        for n, article in enumerate(corpus_articles(limit=300, every=10)):
            out.write(json.dumps({"id": str(n), "text": corpus_text(article)}, ensure_ascii=False) + "\n")
    outputs = []
    for seed in ("1", "2"):
        target = tmp_path / f"seed{seed}.jsonl"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        command = [sys.executable, "-m", "arnews", "parse", str(source), "-o", str(target)]
        done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
        assert done.returncode == 0, done.stderr[-2000:]
        outputs.append(target.read_text(encoding="utf-8").splitlines())
    assert len(outputs[0]) == 300
    differing = [n for n, (a, b) in enumerate(zip(*outputs, strict=True)) if a != b]
    assert differing == []

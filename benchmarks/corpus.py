"""The SaudiNewsNet corpus the benchmarks read: ../shared/corpus/saudinewsnet/*.zip, each zip a set of JSON lists of
articles (source, url, date_extracted, title, author, content). Research use only: never copied into the package."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "saudinewsnet"


def records(corpus: Path = CORPUS) -> Iterator[dict[str, str]]:
    """Every article record, zip by zip (sorted), file by file."""
    for z in sorted(corpus.glob("*.zip")):
        with zipfile.ZipFile(z) as archive:
            for name in archive.namelist():
                if name.endswith(".json"):
                    yield from json.loads(archive.read(name))


def text_of(record: dict[str, str]) -> str:
    """The article as arnews reads it: title, a blank line, content."""
    return (record.get("title") or "") + "\n\n" + (record.get("content") or "")


def texts(corpus: Path = CORPUS, limit: int | None = None, every: int = 1) -> Iterator[str]:
    """Article texts: every ``every``-th record, at most ``limit`` of them."""
    count = 0
    for n, record in enumerate(records(corpus)):
        if limit is not None and count >= limit:
            return
        if n % every:
            continue
        yield text_of(record)
        count += 1

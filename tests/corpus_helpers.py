"""Reading the SaudiNewsNet corpus beside the project, for tests that use real articles."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "saudinewsnet"


def corpus_articles(limit: int | None = None, every: int = 1, files: int | None = None) -> Iterator[dict[str, str]]:
    """Articles of the SaudiNewsNet corpus (skips the test when the corpus is absent).

    ``every`` keeps one article in that many; ``files`` reads only the first that many daily zip files.
    """
    zips = sorted(CORPUS.glob("*.zip"))[:files]
    if not zips:
        pytest.skip("SaudiNewsNet corpus not present")
    count = 0
    for z in zips:
        with zipfile.ZipFile(z) as archive:
            for name in archive.namelist():
                for i, article in enumerate(json.loads(archive.read(name))):
                    if i % every:
                        continue
                    yield article
                    count += 1
                    if limit is not None and count >= limit:
                        return


def corpus_text(article: dict[str, str]) -> str:
    return article["title"] + "\n\n" + article["content"]

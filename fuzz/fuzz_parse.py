"""Fuzz the pipeline with atheris (without the NER model, or with it when ``ARNEWS_FUZZ_NER=1``): any input gives
an article whose spans index the text and that round-trips through JSON, or an :class:`arnews.ArnewsError`.
Anything else is a crash.

    .venv/bin/pip install -e '.[fuzz]'
    mkdir -p /tmp/fuzz && .venv/bin/python fuzz/fuzz_parse.py /tmp/fuzz fuzz/corpus -max_total_time=600 -timeout=10
    ARNEWS_FUZZ_NER=1 .venv/bin/python fuzz/fuzz_parse.py /tmp/fuzz fuzz/corpus -max_total_time=600 -timeout=30
    .venv/bin/python fuzz/fuzz_parse.py CRASH_FILE                          # replay one input

New inputs go to the first folder (keep it out of the repository); ``-timeout=10`` reports an input that runs over
ten seconds as a crash (a hang is a defect too).

The seed corpus (``fuzz/corpus/``) holds small crafted articles (a dateline, quotes, amounts, dates, HTML) and the
inputs the fuzzer found (``regression-*``), each also a test in ``tests/test_reliability.py``.
"""

from __future__ import annotations

import os
import sys
from typing import Any

import atheris

with atheris.instrument_imports():
    import arnews

# the model path runs about a hundred times fewer inputs a second; the rule layers are where the parsing is
PIPELINE = arnews.Pipeline() if os.environ.get("ARNEWS_FUZZ_NER") == "1" else arnews.Pipeline(exclude=["ner"])


def _spans(node: Any) -> list[dict[str, Any]]:
    if isinstance(node, dict):
        found = [node] if isinstance(node.get("text"), str) and isinstance(node.get("start"), int) else []
        return found + [s for value in node.values() for s in _spans(value)]
    if isinstance(node, list):
        return [s for value in node for s in _spans(value)]
    return []


def test_one_input(data: bytes) -> None:
    provider = atheris.FuzzedDataProvider(data)
    text = provider.ConsumeUnicodeNoSurrogates(len(data))
    try:
        article = PIPELINE.parse(text)
    except arnews.ArnewsError:
        return
    as_dict = article.to_dict()
    for span in _spans(as_dict):
        if "end" in span and text[span["start"] : span["end"]] != span["text"]:
            raise AssertionError(f"span {span} does not index the text")
    if arnews.Article.from_json(article.to_json()) != article:
        raise AssertionError("the article does not round-trip through JSON")


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()

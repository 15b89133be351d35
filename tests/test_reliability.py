"""Hostile input gets an arnews error naming it, or a result: never a foreign exception from deep inside."""

from __future__ import annotations

import copy
import datetime as dt
import gzip
import json
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import arnews
from arnews.cli import main
from arnews.core.text import MAX_CHARS, MAX_CHARS_NER, MAX_CHARS_RULES, looks_like_html
from arnews.errors import InputError, KnowledgeBaseError
from arnews.kb import KnowledgeBase
from arnews.kb.build import build

RULES = arnews.Pipeline(exclude=["ner"])


def test_an_amount_beyond_any_news_amount_is_no_money() -> None:
    text = "عنوان\n\nتبرع بأكثر من 10000000000000000000000000000000000000000 $ و5 ملايين دولار للجمعية."
    article = RULES.parse(text)
    assert [(m.text, m.value) for m in article.money] == [("5 ملايين دولار", 5_000_000)]
    assert RULES.parse("عنوان\n\nبلغت 900000000000000 تريليون دولار.").money == ()


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("تاريخ النشر: 31 ديسمبر 9999\n\nقال يوم الخميس إن العمل مستمر.", None),
        ("عنوان\n\nقال يوم الخميس الماضي إن العمل مستمر.", "9999-12-31"),
        ("عنوان\n\nقال يوم الخميس الماضي إن غدا والعام المقبل والشهر القادم.", "9999-12-31"),
        ("عنوان\n\nقال يوم الخميس الماضي قبل ثلاثة أيام إن العمل مستمر.", "0001-01-01"),
    ],
)
def test_dates_at_the_calendars_edge_stay_unresolved(text: str, published: str | None) -> None:
    article = RULES.parse(text, published=published)
    assert article.dates
    for d in article.dates:
        assert d.value is None or "0001-01-01" <= d.value[:10] <= "9999-12-31"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"published": 12345}, "published must be"),
        ({"published": "yesterday"}, "published must be"),
        ({"url": 123}, "url must be a string"),
    ],
)
def test_wrong_argument_types_are_input_errors(kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(InputError, match=message):
        RULES.parse("عنوان\n\nنص", **kwargs)


def test_a_kb_of_the_wrong_type_is_an_input_error() -> None:
    with pytest.raises(InputError, match="kb must be"):
        arnews.Pipeline(kb=123)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def article_dict(seed_texts: list[str]) -> dict[str, Any]:
    return RULES.parse(seed_texts[1]).to_dict()


@pytest.mark.parametrize(
    ("where", "value", "message"),
    [
        (("title",), 5, "expected a string, not int 5 @ $.title"),
        (("source", "translated"), "false", "expected true or false"),
        (("source", "contributors"), "abc", "expected a list of strings"),
        (("paragraphs", 0, "start"), 1.5, "expected a whole number, not float 1.5 @ $.paragraphs[0].start"),
        (("money", 0, "value"), "NaN", "not a finite decimal number"),
        (("money", 0, "value"), True, "not a decimal number"),
    ],
)
def test_from_dict_refuses_wrong_types_instead_of_coercing(
    article_dict: dict[str, Any], where: tuple[Any, ...], value: object, message: str
) -> None:
    data = copy.deepcopy(article_dict)
    node = data
    for key in where[:-1]:
        node = node[key]
    node[where[-1]] = value
    with pytest.raises(InputError) as caught:
        arnews.Article.from_dict(data)
    assert message in str(caught.value)
    assert arnews.Article.from_dict(article_dict).to_dict() == article_dict  # the good dict still round-trips


@pytest.mark.parametrize("text", ["{bad", "[" * 100_000 + "]" * 100_000, ""])
def test_from_json_of_broken_json_is_an_input_error(text: str) -> None:
    with pytest.raises(InputError, match="not valid JSON"):
        arnews.Article.from_json(text)


def _corrupt_gzip(path: Path) -> None:
    good = gzip.compress(b'{"id":"Q1","type":"LOC","ar":["x"]}\n' * 1000)
    path.write_bytes(good[:30] + bytes(b ^ 0x55 for b in good[30:60]) + good[60:])


@pytest.mark.parametrize(
    ("name", "write", "message"),
    [
        ("corrupt.jsonl.gz", _corrupt_gzip, "corrupt.jsonl.gz:1: the compressed file is corrupt"),
        ("deep.jsonl", lambda p: p.write_text("[" * 100_000 + "]" * 100_000 + "\n"), "deep.jsonl:1: JSON nested"),
        (
            "long.jsonl",
            lambda p: p.write_text('{"id":"Q1","type":"LOC","ar":["' + "x" * 1_100_000 + '"]}\n'),
            "long.jsonl:1: a line longer than 1,000,000 characters",
        ),
    ],
)
def test_a_broken_kb_file_is_a_kb_error_naming_the_line(tmp_path: Path, name: str, write: Any, message: str) -> None:
    path = tmp_path / name
    write(path)
    with pytest.raises(KnowledgeBaseError, match=message):
        KnowledgeBase.load(path)


def test_odd_dump_items_are_skipped_or_read(tmp_path: Path) -> None:
    items = [
        {"type": "item", "id": "Q5", "labels": {"ar": {"value": "س"}}, "claims": ["P31"]},
        {"type": "item", "id": "Q6", "labels": {"ar": {"value": "س"}}, "claims": {"P31": [{"mainsnak": 5}]}},
        {"type": "item", "id": "Q8", "labels": ["ar"], "claims": {"P31": 5}},
        {
            "type": "item",
            "id": "Q7",
            "labels": {"ar": {"value": "مدينة"}},
            "claims": {"P31": [{"mainsnak": {"datavalue": {"value": {"id": "Q515"}}}}]},
            "sitelinks": 7,
        },
    ]
    dump = tmp_path / "dump.json"
    dump.write_text("[\n" + ",\n".join(json.dumps(i) for i in items) + "\n]\n", encoding="utf-8")
    out = tmp_path / "kb.jsonl.gz"
    assert build(out, dumps=[dump], curated=False) == 1
    assert [e.id for e in KnowledgeBase.load(out)] == ["Q7"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 16, "not UTF-8 text"),
        (("[\n" + "[" * 100_000 + "]" * 100_000 + "\n]\n").encode(), "JSON nested too deeply"),
    ],
)
def test_a_bad_dump_leaves_the_previous_output_whole(
    tmp_path: Path, content: bytes, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    dump, out = tmp_path / "dump.json", tmp_path / "kb.jsonl.gz"
    dump.write_bytes(content)
    out.write_bytes(b"the previous build")
    assert main(["kb", "build", str(dump), "-o", str(out), "--no-curated"]) == 1
    assert message in capsys.readouterr().err
    assert out.read_bytes() == b"the previous build"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dump.json", "kb.jsonl.gz"]  # no half-written file left


def test_a_file_is_size_checked_before_it_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import arnews.io

    path = tmp_path / "big.txt"
    path.write_text("عنوان\n\n" + "نص " * 1000, encoding="utf-8")
    monkeypatch.setattr(arnews.io, "MAX_BYTES", 1000)
    with pytest.raises(InputError, match=r"big.txt: [\d,]+ bytes, larger than the limit of 1,000"):
        arnews.io.read_text(path)
    with path.open("rb") as fh, pytest.raises(InputError, match="stream: larger than the limit"):
        arnews.io.read_stream(fh, "stream")


def test_standard_input_follows_the_rules_of_files() -> None:
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "arnews", "parse", "-", "--format", "jsonl"],
        input="عنوان\n\nنص \xff الخبر".encode().replace(b"\xc3\xbf", b"\xff"),
        capture_output=True,
        check=False,
    )
    assert done.returncode == 1
    assert "<stdin>: not UTF-8 text" in done.stderr.decode()
    assert done.stdout == b""


def test_binary_after_text_is_found() -> None:
    junk = "".join(chr(b) for b in range(1, 32) if chr(b) not in "\t\n\r") * 4000
    with pytest.raises(InputError, match="looks binary"):
        RULES.parse("عنوان\n\n" + "نص الخبر. " * 7000 + junk)


@pytest.mark.parametrize("note", ["تاريخ النشر: منذ 5 دقائق", "تاريخ النشر: أمس"])
def test_a_relative_source_note_does_not_read_the_clock(note: str) -> None:
    assert RULES.parse(f"عنوان\n\nنص الخبر\n{note}").published is None
    assert RULES.parse("عنوان\n\nنص الخبر\nتاريخ النشر: July 3, 2016").published is not None


_PIECES = [
    "قال", " الوزير", " خالد بن أحمد العلي", ": «", "»", "“", "”", " إن ", "أن ", " مليون", " ريال", " دولار", "5",
    "1,500", "3.5", "%", " يوم الخميس", " أمس", " 1436هـ", " عام 2015", "&amp;", "&nbsp;", "<p>", "</p>", "<",
    ">", "\n", "\n\n", " ـ ", " - ", "واس", "تبرع", " بمبلغ", " لصالح", " جمعية", "د.", " بن", "ً", "\u200f",
    "\x1a", "\t", "\u0640", "(", ")", "،", ".", "؟", "!", "https://example.com/a",
]  # fmt: skip
_soup = st.lists(st.sampled_from(_PIECES), max_size=120).map("".join)
_published = st.one_of(st.none(), st.datetimes(min_value=dt.datetime(1, 1, 1), max_value=dt.datetime(9999, 12, 31)))


def _holds(pipeline: arnews.Pipeline, text: str, published: dt.datetime | None) -> None:
    """Only an arnews error escapes; every span indexes the text; the JSON round-trips."""
    try:
        article = pipeline.parse("عنوان\n\n" + text, published=published)
    except arnews.ArnewsError:
        return
    data = article.to_dict()
    assert arnews.Article.from_dict(data) == article
    assert arnews.Article.from_json(article.to_json()) == article
    full = article.text  # the input, or a web page's article text
    if not looks_like_html("عنوان\n\n" + text):
        assert full == "عنوان\n\n" + text
    for piece in (*article.paragraphs, *article.quotes, *article.money, *article.dates):
        assert full[piece.start : piece.end] == piece.text
    for entity in article.entities:
        for mention in entity.mentions:
            assert full[mention.start : mention.end] == mention.text


@settings(max_examples=40)
@given(_soup, _published)
def test_any_input_gives_a_result_or_an_arnews_error(text: str, published: dt.datetime | None) -> None:
    _holds(RULES, text, published)


@settings(max_examples=12, deadline=None)
@given(text=_soup, published=_published)
def test_any_input_through_the_model_gives_a_result_or_an_arnews_error(
    text: str, published: dt.datetime | None, full_pipeline: arnews.Pipeline
) -> None:
    _holds(full_pipeline, text, published)


def test_the_longest_article_is_a_setting_with_a_default_per_pipeline() -> None:
    assert RULES.max_chars == MAX_CHARS_RULES < MAX_CHARS
    assert arnews.Pipeline().max_chars == MAX_CHARS_NER < MAX_CHARS
    assert arnews.Pipeline(exclude=["ner"], max_chars=MAX_CHARS).max_chars == MAX_CHARS
    small = arnews.Pipeline(exclude=["ner"], max_chars=100)
    assert small.parse("عنوان\n\n" + "نص " * 20).title == "عنوان"
    with pytest.raises(InputError, match=r"larger than the limit of 100 .*max-chars"):
        small.parse("عنوان\n\n" + "نص " * 40)
    for wrong in (0, -5, MAX_CHARS + 1, 2.5, True, "100"):
        with pytest.raises(InputError, match="max_chars"):
            arnews.Pipeline(exclude=["ner"], max_chars=wrong)  # type: ignore[arg-type]


def test_the_command_line_names_an_input_over_the_limit(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "long.txt"
    path.write_text("عنوان\n\n" + "نص الخبر. " * 50, encoding="utf-8")
    assert main(["parse", str(path), "--max-chars", "100"]) == 1
    err = capsys.readouterr().err
    assert str(path) in err and "larger than the limit of 100" in err
    assert main(["parse", str(path), "--max-chars", "0"]) == 1
    assert "max_chars must be" in capsys.readouterr().err


def test_odd_file_names_are_printed_escaped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a\nb\x1b[31m.txt").write_text("عنوان\n\nنص الخبر.", encoding="utf-8")
    odd = os.fsencode(str(folder)) + b"/\xff.txt"  # a name that is not UTF-8
    with open(odd, "wb") as fh:
        fh.write("عنوان آخر\n\nنص.".encode())
    assert main(["parse", str(folder), "--format", "text"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "a\\nb\\x1b[31m.txt" in out and "\\xff.txt" in out
    assert main(["parse", str(folder), "--format", "jsonl"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    for line in lines:
        line.encode("utf-8")  # valid UTF-8: no lone surrogate from the name
        assert json.loads(line)["title"]


@pytest.mark.parametrize("dash", ["-", "–", "ـ"])
def test_a_line_of_dashes_is_no_dateline_and_no_backtracking(dash: str) -> None:
    # found by the fuzzer: a place word could hold dashes, so a run of them was split every way between the place
    # words and the separators of the dateline patterns (exponential: 112 dashes ran for minutes)
    article = RULES.parse("\x04Y\n" + dash * 112 + "1")
    assert article.dateline is None
    assert RULES.parse("عنوان\n\n" + "الرياض " + dash * 5000 + " واس\nنص الخبر.").title == "عنوان"


def test_a_label_of_thousands_of_words_indexes_a_bounded_prefix() -> None:
    from arnews.core.text import normalize
    from arnews.kb import KbEntry
    from arnews.kb.store import PREFIX_WORDS

    letters = "بتثجحخدذرزسشصضطظعغفقكلمنهي"
    words = [a + b + c for a in letters for b in letters for c in letters][:8000]
    kb = KnowledgeBase([KbEntry("Q1", "ORG", (" ".join(words),)), KbEntry("Q2", "LOC", ("مدينة الملك عبدالله",))])
    assert kb.could_continue(" ".join(words[:3])) and not kb.could_continue(" ".join(words[1::-1]))
    assert kb.could_continue(normalize("مدينة الملك")) and [c.entry.id for c in kb.lookup("مدينة الملك عبدالله")] == [
        "Q2"
    ]
    assert max(len(p) for p in kb._prefixes) == PREFIX_WORDS  # memory in proportion to the label, not its square

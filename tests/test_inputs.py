"""Inputs as users have them: legacy Arabic encodings, UTF-16, broken bytes, stdin and files under one rule, folders
read by pattern, empty inputs, and batch runs where one bad input does not stop the others."""

from __future__ import annotations

import json
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

import arnews
from arnews.cli import main
from arnews.errors import InputError
from arnews.io import decode, iter_paths, read_text

TEXT = "عنوان الخبر\n\nالرياض - واس\nأعلنت وزارة الصحة اليوم عن إطلاق حملة وطنية للتطعيم في جميع مناطق المملكة.\n"


@pytest.mark.parametrize("encoding", ["cp1256", "iso8859_6", "utf-16", "utf-16-le", "utf-16-be", "utf-8-sig"])
def test_an_article_file_is_read_in_its_encoding(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "a.txt"
    data = TEXT.encode(encoding)
    if encoding in ("utf-16-le", "utf-16-be"):
        data = "\ufeff".encode(encoding) + data  # a BOM says which
    path.write_bytes(data)
    assert read_text(path) == TEXT


def test_a_short_legacy_text_reads_as_arabic() -> None:
    assert decode("كلمة".encode("cp1256"), "x") == "كلمة"


def test_an_encoding_can_be_forced_and_a_wrong_one_is_named(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(TEXT.encode("cp1256"))
    assert read_text(path, encoding="cp1256") == TEXT
    with pytest.raises(InputError, match=r"a.txt: not utf-8 text"):
        read_text(path, encoding="utf-8")
    with pytest.raises(InputError, match="unknown encoding 'klingon'"):
        read_text(path, encoding="klingon")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("عنوان\n\nنص \xff الخبر".encode().replace(b"\xc3\xbf", b"\xff"), "broken UTF-8"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 16, "not text in UTF-8"),
    ],
)
def test_broken_bytes_and_binary_data_are_named_errors(tmp_path: Path, data: bytes, message: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(InputError, match=message) as info:
        read_text(path)
    assert str(path) in str(info.value)


def test_control_bytes_in_a_file_are_named_when_parsed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "ctl.txt"
    path.write_bytes(b"\x00\x01\x02" * 500)
    assert main(["parse", str(path)]) == 1
    assert f"{path}: input looks binary" in capsys.readouterr().err


def _cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "arnews", "parse", *args], input=stdin, capture_output=True, check=False
    )


def test_standard_input_and_files_follow_one_rule(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(TEXT.encode("cp1256"))
    from_file = _cli(str(path), "--format", "jsonl")
    from_stdin = _cli("-", "--format", "jsonl", stdin=TEXT.encode("cp1256"))
    assert from_file.returncode == from_stdin.returncode == 0
    a, b = json.loads(from_file.stdout), json.loads(from_stdin.stdout)
    assert a["title"] == b["title"] == "عنوان الخبر"
    assert a["paragraphs"] == b["paragraphs"]
    broken = TEXT.encode().replace("الخبر".encode(), b"\xff")
    path.write_bytes(broken)
    for done in (_cli(str(path)), _cli("-", stdin=broken)):
        assert done.returncode == 1 and done.stdout == b""
        assert b"broken UTF-8" in done.stderr
    assert str(path).encode() in _cli(str(path)).stderr
    assert b"<stdin>: " in _cli("-", stdin=broken).stderr


def test_the_command_line_forces_an_encoding(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(TEXT.encode("cp1256"))
    assert main(["parse", str(path), "--encoding", "cp1256", "--format", "jsonl"]) == 0
    assert json.loads(capsys.readouterr().out)["title"] == "عنوان الخبر"


def test_a_folder_gives_its_article_files_only(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.html").write_text("<html><body><h1>عنوان</h1><p>نص الخبر.</p></body></html>", encoding="utf-8")
    (tmp_path / "README.md").write_text("# notes about the folder\n", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.htm").write_text("<p>عنوان</p>", encoding="utf-8")
    assert [p.name for p in iter_paths([tmp_path])] == ["a.txt", "b.html", "c.htm"]
    assert [p.name for p in iter_paths([tmp_path], ["*.md"])] == ["README.md"]
    assert main(["parse", str(tmp_path), "--glob", "*.txt", "--format", "jsonl"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 1


def test_an_empty_input_is_an_empty_article_with_a_word(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert main(["parse", str(path), "--format", "jsonl"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["title"] == ""
    assert "empty.txt: empty input" in captured.err


def test_a_bad_file_in_a_folder_is_named_and_the_others_are_parsed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 16)
    (tmp_path / "c.txt").write_text(TEXT, encoding="utf-8")
    assert main(["parse", str(tmp_path), "--format", "jsonl"]) == 1
    captured = capsys.readouterr()
    assert len(captured.out.splitlines()) == 2
    assert str(tmp_path / "b.txt") in captured.err


def test_parse_many_refuses_one_string() -> None:
    with pytest.raises(TypeError, match="not one str"):
        list(arnews.parse_many("abc"))  # type: ignore[arg-type]


def test_parse_many_isolates_bad_inputs(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01" * 100)
    items: list[str | Path] = [TEXT, bad, "\x00binary", TEXT]
    pipe = arnews.Pipeline(exclude=["ner"], batch_size=2)
    returned = list(pipe.parse_many(items, errors="return"))
    assert [type(r).__name__ for r in returned] == ["Article", "InputError", "InputError", "Article"]
    assert str(bad) in str(returned[1]) and "item 2" in str(returned[2])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        kept = list(pipe.parse_many(items, errors="skip"))
    assert [a.title for a in kept] == ["عنوان الخبر", "عنوان الخبر"]
    assert len(caught) == 2 and str(bad) in str(caught[0].message)
    with pytest.raises(InputError):
        list(pipe.parse_many(items))
    with pytest.raises(ValueError, match="errors must be"):
        list(pipe.parse_many(items, errors="ignore"))  # type: ignore[call-overload]

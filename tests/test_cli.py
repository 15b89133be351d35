"""The command line: files, folders, stdin, formats, BOM/CRLF, and a clear error for non-UTF-8 files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from arnews.cli import main

ROOT = Path(__file__).resolve().parent.parent


def test_parse_folder_as_jsonl(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(ROOT / "seeds"), "--format", "jsonl"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 3
    docs = [json.loads(line) for line in lines]
    assert docs[0]["title"].startswith("تترك المانحون")
    assert docs[1]["source"]["translated"] is True


def test_bom_crlf_and_bad_encoding(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "a.txt"
    good.write_bytes("\ufeffعنوان الخبر\r\n\r\nالرياض - واس\r\nنص الخبر هنا.\r\n".encode())
    bad = tmp_path / "b.txt"
    bad.write_bytes("عنوان الخبر".encode() + b"\xff" + "نص".encode())  # UTF-8 with a broken byte
    status = main(["parse", str(bad), str(good)])
    captured = capsys.readouterr()
    assert status == 1
    assert "b.txt" in captured.err and "not UTF-8 text" in captured.err
    doc = json.loads(captured.out)
    assert doc["title"] == "عنوان الخبر"
    assert doc["dateline"] == "الرياض"
    assert doc["dateline_span"]["text"] == "الرياض - واس"


def test_text_format(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(ROOT / "seeds" / "001_620adf704482ae50.txt"), "--format", "text"]) == 0
    out = capsys.readouterr().out
    assert "title:" in out and "caption:" in out and "translated: yes" in out


def test_missing_file_is_reported(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "/nonexistent/x.txt"]) == 1
    assert "x.txt" in capsys.readouterr().err


def test_python_dash_m_reads_stdin() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "arnews", "parse", "-", "--format", "jsonl"],
        input="عنوان\n\nالقاهرة - أ ف ب\nقال المتحدث إن الاجتماع انتهى.\n",
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    )
    doc = json.loads(result.stdout)
    assert doc["dateline"] == "القاهرة"
    assert doc["source"]["agency"] == "AFP"


def test_import_does_not_load_heavy_modules() -> None:
    code = "import sys, arnews; print(sorted(m for m in ('torch', 'stanza', 'dateparser') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_empty_folder_is_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "notes.csv").write_text("a,b\n", encoding="utf-8")
    assert main(["parse", str(tmp_path)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "no article files" in captured.err and str(tmp_path) in captured.err


def test_the_text_format_keeps_a_space_after_long_labels(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(ROOT / "seeds" / "001_620adf704482ae50.txt"), "--format", "text"]) == 0
    out = capsys.readouterr().out
    assert "translator: " in out and "translator:G" not in out

"""The command line: files, folders, stdin, formats, BOM/CRLF, and a clear error for non-UTF-8 files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import arnews
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


def test_exclude_ner_runs_the_rule_layers_without_torch() -> None:
    code = (
        "import sys, json; from arnews.cli import main; "
        f"status = main(['parse', {str(ROOT / 'seeds')!r}, '--exclude', 'ner', '--format', 'jsonl', '--jobs', '2']); "
        "print(json.dumps([status, 'torch' in sys.modules]), file=sys.stderr)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, encoding="utf-8", check=True)
    assert json.loads(done.stderr.strip().splitlines()[-1]) == [0, False]
    got = [json.loads(line) for line in done.stdout.splitlines()]
    want = [a.to_dict() for a in arnews.Pipeline(exclude=["ner"]).parse_many(sorted((ROOT / "seeds").glob("*.txt")))]
    assert [{k: v for k, v in g.items() if k != "file"} for g in got] == want
    assert all(g["quotes"] for g in got)


def test_processors_run_only_what_is_asked(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(ROOT / "seeds"), "--processors", "money, dates", "--format", "jsonl"]) == 0
    docs = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert all(d["dates"] for d in docs) and sum(len(d["money"]) for d in docs) == 10
    assert not any(d["quotes"] or d["entities"] or d["donations"] for d in docs)


def test_processor_options_are_checked(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["parse", str(ROOT / "seeds"), "--exclude", "nerr"])
    assert stop.value.code == 2
    assert "'nerr': the processors are structure, tokenize, ner" in capsys.readouterr().err
    assert main(["parse", str(ROOT / "seeds"), "--exclude", "entities"]) == 1
    assert "cannot exclude ['entities']: ['donations', 'quotes'] require them" in capsys.readouterr().err
    assert main(["parse", str(ROOT / "seeds"), "--processors", "money", "--table", "quotes"]) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and "--table quotes needs the quotes processor" in captured.err


def _stdin_run(args: list[str], records: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "arnews", "parse", "-", "--exclude", "ner", *args]
    return subprocess.run(
        command, input=records, capture_output=True, text=True, encoding="utf-8", cwd=tmp_path, check=False
    )


def test_standard_input_as_records(tmp_path: Path) -> None:
    lines = [
        {"id": "a1", "title": "عنوان أول", "content": "الرياض - واس\nقال الوزير إن العمل مستمر."},
        "not json",
        {"text": "القاهرة - أ ف ب\nأكد المتحدث أن الاجتماع انتهى.", "published": "2015-07-23"},
        {"id": "a1", "text": "عنوان\n\nنص آخر بالمعرف نفسه."},
    ]
    records = "".join((json.dumps(r, ensure_ascii=False) if isinstance(r, dict) else r) + "\n" for r in lines)
    done = _stdin_run(["--stdin", "jsonl", "-o", "out.jsonl"], records, tmp_path)
    assert done.returncode == 1
    assert "<stdin>:2: not a JSON line" in done.stderr
    docs = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [d["file"] for d in docs] == ["a1", "<stdin>:3", "<stdin>:4"]  # a taken id: named by its line
    assert docs[0]["title"] == "عنوان أول" and docs[1]["published"] == "2015-07-23T00:00:00"
    assert docs[0]["quotes"] and docs[1]["quotes"]
    again = _stdin_run(["--stdin", "jsonl", "-o", "out.jsonl", "--resume"], records, tmp_path)
    assert again.returncode == 1  # the bad line again; nothing written twice
    assert len((tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()) == 3
    listed = _stdin_run(["--stdin", "json", "--format", "jsonl"], json.dumps([lines[0], lines[2]]), tmp_path)
    assert listed.returncode == 0
    assert [json.loads(line)["file"] for line in listed.stdout.splitlines()] == ["a1", "<stdin>:2"]
    for fmt in ("jsonl", "json"):  # a filter upstream that let nothing through: said, not silent
        nothing = _stdin_run(["--stdin", fmt, "-o", "none.jsonl"], "" if fmt == "jsonl" else "[]", tmp_path)
        assert nothing.returncode == 1 and "arnews: <stdin>: no records in it" in nothing.stderr

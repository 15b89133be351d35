"""Big jobs on the command line: JSONL corpora in, a JSONL file or a folder out, --resume, --jobs."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

from arnews.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

RECORDS = [
    {
        "id": "a1",
        "title": "تبرع لجمعية خيرية",
        "content": "الرياض - واس\nتبرع رجل الأعمال بمبلغ 5 ملايين ريال للجمعية الخيرية.",
        "url": "https://example.org/a1",
    },
    {"id": "a2", "text": "عنوان ثان\n\nقال المتحدث إن الاجتماع انتهى.", "published": "2015-07-21"},
]


def _corpus(tmp_path: Path, *extra: str) -> Path:
    path = tmp_path / "corpus.jsonl"
    lines = [json.dumps(r, ensure_ascii=False) for r in RECORDS] + list(extra)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_jsonl_corpus_is_read_a_record_a_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = _corpus(tmp_path, "not json", json.dumps({"id": "a3"}))
    assert main(["parse", str(corpus), "--format", "jsonl"]) == 1  # two bad lines, reported
    captured = capsys.readouterr()
    docs = [json.loads(line) for line in captured.out.splitlines()]
    assert [d["file"] for d in docs] == ["a1", "a2"]
    assert docs[0]["title"] == "تبرع لجمعية خيرية" and docs[0]["source"]["url"] == "https://example.org/a1"
    assert docs[0]["dateline"] == "الرياض" and docs[0]["donations"]
    assert docs[1]["published"].startswith("2015-07-21")
    assert "corpus.jsonl:3: not a JSON line" in captured.err and "corpus.jsonl:4: no text" in captured.err


def test_output_to_a_file_and_resume(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.jsonl"
    corpus = _corpus(tmp_path)
    assert main(["parse", str(corpus), "-o", str(out)]) == 0
    assert [json.loads(line)["file"] for line in out.read_text(encoding="utf-8").splitlines()] == ["a1", "a2"]
    with out.open("a", encoding="utf-8") as fh:
        fh.write('{"file": "a3", "tit')  # a run killed mid-line
    assert main(["parse", str(corpus), str(SEEDS), "-o", str(out), "--resume"]) == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    files = [json.loads(line)["file"] for line in lines if line.endswith("}")]
    assert files[:2] == ["a1", "a2"] and len(files) == 5  # the seeds added, a1 and a2 not parsed again
    assert capsys.readouterr().out == ""


def test_output_to_a_folder_and_resume(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["parse", str(SEEDS), "-o", str(out) + "/"]) == 0
    written = sorted(p.name for p in out.iterdir())
    assert len(written) == 3 and all(name.endswith(".txt.json") for name in written)
    first = out / written[0]
    first.write_text("{}", encoding="utf-8")
    assert main(["parse", str(SEEDS), "-o", str(out), "--resume"]) == 0
    assert first.read_text(encoding="utf-8") == "{}"  # done before: left alone


def test_resume_needs_an_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(SEEDS), "--resume"]) == 1
    assert "--resume needs -o" in capsys.readouterr().err


def test_jobs_give_the_output_of_one_process(tmp_path: Path) -> None:
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    corpus = _corpus(tmp_path)
    assert main(["parse", str(SEEDS), str(corpus), "-o", str(one), "--batch-size", "2"]) == 0
    assert main(["parse", str(SEEDS), str(corpus), "-o", str(two), "--batch-size", "2", "--jobs", "2"]) == 0
    assert one.read_text(encoding="utf-8") == two.read_text(encoding="utf-8")
    assert main(["parse", str(SEEDS), "--jobs", "0"]) == 1


def test_a_jsonl_line_holds_what_a_folders_file_holds(tmp_path: Path) -> None:
    # JSON Lines are made from each article's JSON text, in the workers with --jobs; a folder's files from its dict
    records = [{**RECORDS[0], "id": 'a "quoted"\nname\\ \u0628\x1b'}, RECORDS[1]]
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8")
    for jobs in ("1", "2"):
        lines, folder = tmp_path / f"out{jobs}.jsonl", tmp_path / f"out{jobs}"
        assert main(["parse", str(corpus), "--exclude", "ner", "--jobs", jobs, "-o", str(lines)]) == 0
        assert main(["parse", str(corpus), "--exclude", "ner", "--jobs", jobs, "-o", f"{folder}/"]) == 0
        from_lines = [json.loads(line) for line in lines.read_text(encoding="utf-8").splitlines()]
        from_files = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.iterdir())]
        assert sorted(from_lines, key=lambda d: d["file"]) == sorted(from_files, key=lambda d: d["file"])
        assert from_lines[0]["file"] == 'a "quoted"\\nname\\ \u0628\\x1b'  # printable: control characters escaped
        assert [list(d)[-1] for d in from_lines] == ["file", "file"]
        assert lines.read_text(encoding="utf-8").splitlines()[1] == json.dumps(from_lines[1], ensure_ascii=False)


def test_an_output_that_cannot_be_written_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    for args in (["-o", str(blocker / "out.jsonl")], ["--table", "money", "-o", str(blocker / "rows.csv")]):
        assert main(["parse", str(SEEDS), *args]) == 1
        assert "cannot write" in capsys.readouterr().err


def _stopped_after(count: int) -> Callable[..., Iterator[Any]]:
    """A progress bar that passes on ``count`` results, then is stopped as Ctrl-C stops a run."""

    def bar(items: Iterable[Any], **_: Any) -> Iterator[Any]:
        for k, item in enumerate(items):
            if k == count:
                raise KeyboardInterrupt
            yield item

    return bar


@pytest.mark.parametrize("folder", [False, True])
def test_ctrl_c_says_how_far_the_run_got_and_resume_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], folder: bool
) -> None:
    from arnews import runs

    out = str(tmp_path / "out") + "/" if folder else str(tmp_path / "out.jsonl")
    corpus = _corpus(tmp_path)
    with monkeypatch.context() as patched:
        patched.setattr(runs, "progress", _stopped_after(2))
        assert main(["parse", str(corpus), str(SEEDS), "-o", out]) == 130
    err = capsys.readouterr().err
    assert f"interrupted after 2 articles, written to {out}; the same command with --resume" in err
    assert "Traceback" not in err
    assert main(["parse", str(corpus), str(SEEDS), "-o", out, "--resume"]) == 0
    if folder:
        written = sorted(p.name for p in (tmp_path / "out").iterdir())
        assert written[:2] == ["a1.json", "a2.json"] and len(written) == 5  # and no file cut off
    else:
        lines = Path(out).read_text(encoding="utf-8").splitlines()
        assert [json.loads(line)["file"] for line in lines][:2] == ["a1", "a2"] and len(lines) == 5


def test_ctrl_c_on_standard_output_and_on_a_table(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from arnews import runs

    monkeypatch.setattr(runs, "progress", _stopped_after(1))
    assert main(["parse", str(SEEDS)]) == 130
    assert capsys.readouterr().err.strip().endswith("arnews: interrupted after 1 article")
    rows = tmp_path / "rows.csv"
    assert main(["parse", str(SEEDS), "--table", "entities", "-o", str(rows)]) == 130
    assert f"interrupted after 1 article; {rows} holds their rows" in capsys.readouterr().err
    assert rows.read_text(encoding="utf-8").count("\n") > 1  # the header and the first article's entities


def test_a_file_cut_off_in_a_folder_is_not_taken_as_done(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    seed = sorted(SEEDS.glob("*.txt"))[0]
    from arnews.runs import Sink

    path = Sink(str(out), fmt="json", resume=True).path_for(str(seed))
    assert path is not None
    (out / f".{path.name}.part").write_text('{"title": "cut', encoding="utf-8")  # a run killed mid-write
    (out / ".an_input_of_another_run.json.part").write_text('{"ti', encoding="utf-8")
    assert main(["parse", str(seed), "-o", str(out), "--resume"]) == 0
    assert json.loads(path.read_text(encoding="utf-8"))["title"]  # parsed, not skipped
    assert [p.name for p in out.glob("*.json")] == [path.name]
    assert [p.name for p in out.iterdir()] == [path.name]  # and the cut-off file removed


def test_the_inputs_are_counted_for_the_progress_bar(tmp_path: Path) -> None:
    from arnews.io import ARTICLE_GLOBS
    from arnews.runs import count_inputs

    corpus = _corpus(tmp_path, "", "   ", "not json")  # blank lines are no records; a broken one is an input
    assert count_inputs([str(corpus), str(SEEDS)], globs=ARTICLE_GLOBS) == 3 + len(list(SEEDS.glob("*.txt")))
    assert count_inputs([str(tmp_path / "missing.jsonl")], globs=ARTICLE_GLOBS) == 1
    assert count_inputs([str(SEEDS), "-"], globs=ARTICLE_GLOBS) is None


def test_the_progress_bar_knows_how_many_are_left(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from arnews import runs

    totals: list[int | None] = []

    def bar(items: Iterable[Any], *, total: Callable[[], int | None], enabled: bool) -> Iterable[Any]:
        totals.append(total())
        return items

    monkeypatch.setattr(runs, "progress", bar)
    out, corpus = tmp_path / "out.jsonl", _corpus(tmp_path)
    assert main(["parse", str(corpus), "-o", str(out)]) == 0
    assert main(["parse", str(corpus), str(SEEDS), "-o", str(out), "--resume"]) == 0
    assert totals == [2, 3]  # the two records; then the three seeds, the records written before


def test_a_jsonl_line_over_the_size_limit_is_named_and_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from arnews import records, runs
    from arnews.io import ARTICLE_GLOBS

    monkeypatch.setattr(records, "MAX_BYTES", 300)
    long = json.dumps({"id": "long", "text": "نص " * 200}, ensure_ascii=False)
    corpus = _corpus(tmp_path, long, json.dumps({"id": "a3", "text": "عنوان ثالث"}, ensure_ascii=False))
    found = list(records.jsonl_records(corpus))
    assert [getattr(f, "id", None) for f in found] == ["a1", "a2", None, "a3"]
    assert isinstance(found[2], records.Failure) and found[2].name == f"{corpus}:3"
    assert "a line of more than 300 bytes" in found[2].message
    assert runs.count_inputs([str(corpus)], globs=ARTICLE_GLOBS) == 4


def test_records_of_two_files_with_the_same_ids_are_all_written(tmp_path: Path) -> None:
    days = []
    for day in ("day1", "day2"):
        path = tmp_path / f"{day}.jsonl"
        lines = [json.dumps({"id": str(n), "text": f"عنوان {day} {n}\n\nنص."}, ensure_ascii=False) for n in (1, 2)]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        days.append(str(path))
    out, folder = tmp_path / "out.jsonl", tmp_path / "out"
    assert main(["parse", *days, "-o", str(out)]) == 0
    names = [json.loads(line)["file"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert names == ["1", "2", f"{days[1]}:1", f"{days[1]}:2"]  # numbered again from 1: named by file and line
    assert main(["parse", *days, "-o", str(out), "--resume"]) == 0
    assert out.read_text(encoding="utf-8").count("\n") == 4  # every one known as done
    assert main(["parse", *days, "-o", str(folder) + "/"]) == 0
    assert len(list(folder.glob("*.json"))) == 4  # none overwritten


def _jsonl(path: Path, records: list[dict[str, str]]) -> str:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return str(path)


def test_names_a_folder_cannot_tell_apart_go_to_files_of_their_own(tmp_path: Path) -> None:
    records = [
        {"id": ident, "text": f"عنوان {n}\n\nقال الوزير إن العمل مستمر."}
        for n, ident in enumerate(["a/b", "a_b", "a b", "A_B"])
    ]
    corpus, out = _jsonl(tmp_path / "c.jsonl", records), tmp_path / "out"
    assert main(["parse", corpus, "-o", str(out) + "/"]) == 0
    files = sorted(out.glob("*.json"))
    assert len({p.name.casefold() for p in files}) == 4  # one file each, even where case is not told apart
    assert sorted(json.loads(p.read_text(encoding="utf-8"))["file"] for p in files) == sorted(
        ["a/b", "a_b", "a b", "A_B"]
    )
    assert (out / "a_b.json").is_file()  # the first keeps its plain name; the others add a hash of theirs
    (out / "a_b.json").unlink()
    assert main(["parse", corpus, "-o", str(out), "--resume"]) == 0
    assert (
        len(list(out.glob("*.json"))) == 4
        and json.loads((out / "a_b.json").read_text(encoding="utf-8"))["file"] == "a/b"
    )


def test_resume_names_the_files_as_the_first_run_did_when_an_article_failed(tmp_path: Path) -> None:
    long_text = "عنوان\n\n" + "قال الوزير إن العمل مستمر. " * 40
    records = [{"id": "a/b", "text": long_text}, {"id": "a_b", "text": "عنوان\n\nنص قصير."}]
    corpus, out = _jsonl(tmp_path / "c.jsonl", records), tmp_path / "out"
    assert main(["parse", corpus, "-o", str(out) + "/", "--max-chars", "200"]) == 1  # a/b too long: not written
    assert [p.name for p in out.glob("*.json")] != ["a_b.json"]  # a_b did not take the file a/b is named to
    assert main(["parse", corpus, "-o", str(out), "--resume"]) == 0
    files = {json.loads(p.read_text(encoding="utf-8"))["file"]: p.name for p in out.glob("*.json")}
    assert set(files) == {"a/b", "a_b"} and files["a/b"] == "a_b.json"


def test_a_long_arabic_file_name_is_cut_to_what_a_file_system_holds(tmp_path: Path) -> None:
    # a headline as a file name: 132 letters, 245 bytes in UTF-8; with ".json.part" it would pass 255 bytes
    headline = (
        "وزير الخارجية يلتقي نظيره في الرياض ويبحث معه العلاقات الثنائية والقضايا الإقليمية"
        " وآخر تطورات الأوضاع في المنطقة وسبل تعزيز التعاون"
    )
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / f"{headline}.txt").write_text("الرياض - قال الوزير إن العمل مستمر.\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["parse", str(tmp_path / "in"), "-o", str(out) + "/"]) == 0
    [written] = out.glob("*.json")
    assert len(written.name.encode("utf-8")) <= 205 and written.name.endswith("وسبل_تعزيز_التعاون.txt.json")
    assert main(["parse", str(tmp_path / "in"), "-o", str(out), "--resume"]) == 0  # found again: done


def test_a_write_that_fails_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from arnews.runs import Sink

    out, seed = tmp_path / "out", sorted(SEEDS.glob("*.txt"))[0]
    out.mkdir()
    path = Sink(str(out), fmt="json", resume=False).path_for(str(seed))
    assert path is not None
    (out / f".{path.name}.part").mkdir()  # the file cannot be written, whoever runs the test (root too)
    assert main(["parse", str(seed), "-o", str(out) + "/", "-q"]) == 1
    err = capsys.readouterr().err
    assert f"arnews: {out}/: cannot write" in err and "Traceback" not in err


def test_a_reader_that_goes_away_ends_the_command_quietly() -> None:
    import subprocess
    import sys

    command = [sys.executable, "-m", "arnews", "parse", str(SEEDS), "--format", "jsonl", "-q"]
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # as `arnews parse ... | head`
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.read(10)
    proc.stdout.close()
    err = proc.stderr.read()
    assert proc.wait(timeout=300) == 0 and err == b""


def test_the_progress_bar_counts_the_inputs_that_fail_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from arnews import runs

    seen: list[tuple[int | None, int]] = []

    def bar(items: Iterable[Any], *, total: Callable[[], int | None], enabled: bool) -> Iterator[Any]:
        count = 0
        for item in items:
            count += 1
            yield item
        seen.append((total(), count))

    monkeypatch.setattr(runs, "progress", bar)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("عنوان\n\nقال الوزير إن العمل مستمر.", encoding="utf-8")
    (folder / "b.txt").write_bytes(b"\x00\x01\x02binary\xff" * 50)  # not text: reported, not parsed
    corpus = _corpus(tmp_path, "not json", "{}")  # a broken line; a record with no text
    assert main(["parse", str(folder), str(corpus), "-o", str(tmp_path / "out.jsonl")]) == 1
    assert seen == [(6, 6)]  # the bar reaches its total: 3 articles and 3 inputs that could not be read
    err = capsys.readouterr().err.splitlines()
    assert [line.split(": ")[1] for line in err] == [str(folder / "b.txt"), f"{corpus}:3", f"{corpus}:4"]


def test_a_gzip_output_reads_as_the_plain_one_and_resumes_after_a_kill(tmp_path: Path) -> None:
    import gzip

    plain, packed = tmp_path / "out.jsonl", tmp_path / "out.jsonl.gz"
    assert main(["parse", str(SEEDS), "-o", str(plain), "-q"]) == 0
    assert main(["parse", str(SEEDS), "-o", str(packed), "-q"]) == 0
    assert gzip.decompress(packed.read_bytes()) == plain.read_bytes()  # one gzip stream to readers, line for line
    assert packed.stat().st_size < plain.stat().st_size / 3
    whole = packed.stat().st_size
    with packed.open("ab") as fh:  # a run killed while it wrote the next article: a member cut off
        member = gzip.compress(b'{"file": "a1", "title": "' + "عنوان".encode() * 500 + b'"}\n')
        fh.write(member[: len(member) // 2])
    with pytest.raises(EOFError):
        gzip.decompress(packed.read_bytes())  # as readers see the file now
    corpus = _corpus(tmp_path)
    assert main(["parse", str(SEEDS), str(corpus), "-o", str(packed), "--resume", "-q"]) == 0
    lines = gzip.decompress(packed.read_bytes()).decode("utf-8").splitlines()  # whole again
    files = [json.loads(line)["file"] for line in lines]
    assert len(files) == 5 and files[3:] == ["a1", "a2"]  # the seeds kept; the cut-off article parsed again
    assert packed.stat().st_size > whole


def test_a_gzip_output_broken_inside_is_not_appended_to(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import gzip

    packed = tmp_path / "out.jsonl.gz"
    data = bytearray(gzip.compress(b'{"file": "x"}\n' * 2000) + gzip.compress(b'{"file": "y"}\n'))
    data[40:60] = b"\xff" * 20  # damage in the first member, not a run's unfinished last one
    packed.write_bytes(bytes(data))
    assert main(["parse", str(SEEDS), "-o", str(packed), "--resume", "-q"]) == 1
    assert "not gzip from byte 0 on" in capsys.readouterr().err
    assert packed.read_bytes() == bytes(data)  # left as it was


def test_an_output_named_for_another_compression_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    packed = tmp_path / "out.jsonl.xz"
    assert main(["parse", str(SEEDS), "-o", str(packed), "-q"]) == 1
    assert "arnews writes plain or gzip output (.gz), not .xz" in capsys.readouterr().err and not packed.exists()
    packed.write_text('{"file": "x"}\n', encoding="utf-8")  # plain text under that name, from elsewhere
    assert main(["parse", str(SEEDS), "-o", str(packed), "--resume", "-q"]) == 1
    err = capsys.readouterr().err
    assert "not .xz" in err and "Traceback" not in err
    assert main(["parse", str(SEEDS), "--table", "money", "-o", str(tmp_path / "rows.csv.bz2"), "-q"]) == 1
    assert "not .bz2" in capsys.readouterr().err


def test_a_folder_run_resumed_claims_file_names_as_the_first_run_did(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # "a/b" fails to parse (too long) and would have the file "a_b.json"; "a_b", after it, takes another file. The
    # resumed run must name them alike: else "a/b" finds a file that is not its own and is taken as done, and "a_b"
    # is parsed and written again.
    records = [{"id": "a/b", "text": "عنوان\n\n" + "نص طويل " * 40}, {"id": "a_b", "text": "عنوان قصير"}]
    corpus = tmp_path / "clash.jsonl"
    corpus.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    out = tmp_path / "out"
    argv = ["parse", str(corpus), "-o", f"{out}/", "--max-chars", "100", "-q"]
    assert main(argv) == 1
    first = sorted(p.name for p in out.iterdir())
    assert len(first) == 1 and first[0].startswith("a_b~")  # a/b failed; a_b wrote the second name
    capsys.readouterr()
    assert main([*argv, "--resume"]) == 1
    err = capsys.readouterr().err
    assert "a/b:" in err and "a_b:" not in err  # a/b fails again; a_b, written, is skipped
    assert sorted(p.name for p in out.iterdir()) == first

"""Corpora as they come: JSON Lines, JSON lists (SaudiNewsNet's daily files), compressed, and ZIP archives."""

from __future__ import annotations

import bz2
import gzip
import json
import lzma
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from arnews import records
from arnews.cli import main
from arnews.inputs import ArticleInput
from arnews.io import ARTICLE_GLOBS
from arnews.records import Failure, count_records, inputs_of, record_format

RECORDS: list[dict[str, Any]] = [
    {"id": "r1", "title": "تبرع لجمعية خيرية", "content": "الرياض - تبرع رجل الأعمال بمبلغ 5 ملايين ريال."},
    {"text": "قال المتحدث إن الاجتماع انتهى.", "published": "2015-07-21", "url": "https://example.org/2"},
    {"id": "r3", "text": "عنوان ثالث\n\nنص ثالث."},
]


def _lines() -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in RECORDS).encode("utf-8")


def _read(path: Path) -> list[ArticleInput | Failure]:
    return list(inputs_of(path, globs=ARTICLE_GLOBS, encoding=None, ids=set()))


def _texts(found: list[ArticleInput | Failure]) -> list[str]:
    return [item.text if isinstance(item, ArticleInput) else f"failed: {item.name}" for item in found]


def test_the_format_of_a_file_is_read_off_its_suffixes() -> None:
    formats = {name: record_format(Path(name)) for name in ("a.jsonl", "a.JSONL.GZ", "a.json.xz", "a.json", "a.txt")}
    assert formats == {"a.jsonl": "jsonl", "a.JSONL.GZ": "jsonl", "a.json.xz": "json", "a.json": "json", "a.txt": None}
    assert record_format(Path("report.2015.gz")) is None  # a compressed file of no record format is an article file


@pytest.mark.parametrize("suffix, compress", [(".gz", gzip.compress), (".bz2", bz2.compress), (".xz", lzma.compress)])
def test_compressed_json_lines_read_as_the_plain_file(tmp_path: Path, suffix: str, compress: Any) -> None:
    plain, packed = tmp_path / "c.jsonl", tmp_path / f"c.jsonl{suffix}"
    plain.write_bytes(_lines())
    packed.write_bytes(compress(_lines()))
    found = _read(packed)
    assert _texts(found) == _texts(_read(plain)) and len(found) == 3
    assert [getattr(f, "id", None) for f in found] == ["r1", f"{packed}:2", "r3"]
    assert count_records(packed, globs=ARTICLE_GLOBS) == 3


def test_a_json_file_holds_one_record_or_a_list(tmp_path: Path) -> None:
    many, one = tmp_path / "day.json", tmp_path / "one.json"
    many.write_text(json.dumps(RECORDS, ensure_ascii=False), encoding="utf-8")
    one.write_text(json.dumps({"title": "عنوان", "content": "نص الخبر."}, ensure_ascii=False), encoding="utf-8")
    found = _read(many)
    assert [getattr(f, "id", None) for f in found] == ["r1", f"{many}:2", "r3"]
    assert isinstance(found[1], ArticleInput) and found[1].published == "2015-07-21"
    assert _texts(_read(one)) == ["عنوان\n\nنص الخبر."] and _read(one)[0].id == str(one)  # type: ignore[union-attr]
    assert count_records(many, globs=ARTICLE_GLOBS) == 3 and count_records(one, globs=ARTICLE_GLOBS) == 1


def test_a_json_file_that_is_no_record_is_named(tmp_path: Path) -> None:
    broken, numbers = tmp_path / "broken.json", tmp_path / "numbers.json"
    broken.write_text('[{"text": "نص"', encoding="utf-8")
    numbers.write_text("[1, 2]", encoding="utf-8")
    [failure] = _read(broken)
    assert isinstance(failure, Failure) and failure.name == str(broken) and "not JSON" in failure.message
    assert [(f.name, f.message) for f in _read(numbers) if isinstance(f, Failure)] == [
        (f"{numbers}:1", "a record must be a JSON object"),
        (f"{numbers}:2", "a record must be a JSON object"),
    ]


def test_a_byte_order_mark_opens_a_json_lines_file(tmp_path: Path) -> None:
    path = tmp_path / "bom.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + _lines())  # as editors on Windows save UTF-8
    assert all(isinstance(f, ArticleInput) for f in _read(path)) and len(_read(path)) == 3


def test_a_compressed_file_cut_off_gives_what_it_holds_then_names_the_break(tmp_path: Path) -> None:
    path = tmp_path / "cut.jsonl.gz"
    whole = gzip.compress(_lines() * 200)
    path.write_bytes(whole[: len(whole) // 2])  # a download that stopped half way
    found = _read(path)
    assert all(isinstance(f, ArticleInput) for f in found[:-1]) and len(found) > 10
    last = found[-1]
    assert isinstance(last, Failure) and "cannot read further (EOFError" in last.message
    assert last.name == f"{path}:{len(found)}"  # the line where the stream broke
    assert count_records(path, globs=ARTICLE_GLOBS) == len(found)


def _archive(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def test_a_zip_archive_gives_its_records_and_article_files_in_name_order(tmp_path: Path) -> None:
    listed = json.dumps(RECORDS[:2], ensure_ascii=False).encode("utf-8")
    archive = _archive(
        tmp_path / "corpus.zip",
        {
            "b/day.json": listed,
            "a.txt": "عنوان\n\nقال الوزير إن العمل مستمر.".encode(),
            "c.jsonl.gz": gzip.compress(_lines()),
            "notes.md": b"# not an article",  # matches no glob
            "__MACOSX/._a.txt": b"\x00\x05\x16\x07",  # what macOS's archiver adds
            ".hidden.txt": "نص".encode(),
        },
    )
    found = _read(archive)
    names = [f.id if isinstance(f, ArticleInput) else f.name for f in found]
    assert names == [
        f"{archive}/a.txt",
        "r1",
        f"{archive}/b/day.json:2",
        f"{archive}/c.jsonl.gz:1",  # "r1" again: named by its place
        f"{archive}/c.jsonl.gz:2",
        "r3",
    ]
    assert count_records(archive, globs=ARTICLE_GLOBS) == len(found) == 6


def test_an_archive_member_larger_than_an_input_is_named_not_inflated(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from arnews import io

    monkeypatch.setattr(io, "MAX_BYTES", 1_000)  # an article's limit
    monkeypatch.setattr(records, "JSON_MAX_BYTES", 1_000)
    big = ("نص " * 5_000).encode()  # 25,000 bytes that compress to a few hundred
    archive = _archive(tmp_path / "bomb.zip", {"a.txt": big, "b.json": b'[{"text": "' + big + b'"}]'})
    found = _read(archive)
    assert [type(f).__name__ for f in found] == ["Failure", "Failure"]
    assert "larger than the limit" in found[0].message and "a JSON file of more than 1,000 bytes" in found[1].message


def test_an_archive_with_nothing_to_read_is_named(tmp_path: Path) -> None:
    archive = _archive(tmp_path / "notes.zip", {"readme.md": b"# notes", "__MACOSX/._a.txt": b"\x00"})
    [failure] = _read(archive)
    assert isinstance(failure, Failure) and failure.message.startswith("no record or article files in this archive")
    assert count_records(archive, globs=ARTICLE_GLOBS) == 1


def test_a_record_file_with_no_records_is_named(tmp_path: Path) -> None:
    files = {"empty.jsonl": b"", "blank.jsonl.gz": gzip.compress(b"\n  \n\n"), "empty.json": b"[ ]"}
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
        [failure] = _read(tmp_path / name)
        assert isinstance(failure, Failure) and failure.name == str(tmp_path / name)
        assert failure.message.startswith("no records in it")
        assert count_records(tmp_path / name, globs=ARTICLE_GLOBS) == 1
    archive = _archive(tmp_path / "day.zip", {"a.json": b"[]", "b.json": json.dumps(RECORDS[:1]).encode()})
    failed, parsed = _texts(_read(archive))
    assert failed == f"failed: {archive}/a.json" and parsed.endswith(RECORDS[0]["content"])


def test_a_file_named_zip_that_is_none_is_named(tmp_path: Path) -> None:
    path = tmp_path / "fake.zip"
    path.write_bytes(b"not a zip at all")
    [failure] = _read(path)
    assert isinstance(failure, Failure) and failure.message.startswith("not a ZIP archive")


def test_the_command_parses_an_archive_and_resumes_it(tmp_path: Path) -> None:
    archive = _archive(tmp_path / "day.zip", {"day.json": json.dumps(RECORDS, ensure_ascii=False).encode("utf-8")})
    out = tmp_path / "out.jsonl"
    assert main(["parse", str(archive), "-o", str(out)]) == 0
    files = [json.loads(line)["file"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert files == ["r1", f"{archive}/day.json:2", "r3"]
    assert main(["parse", str(archive), "-o", str(out), "--resume"]) == 0
    assert out.read_text(encoding="utf-8").count("\n") == 3  # nothing parsed twice


def test_keys_name_what_a_corpus_calls_its_fields(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from arnews.errors import InputError
    from arnews.records import RecordKeys

    record = {
        "headline": "وزير يفتتح مشروعا",
        "article_body": "افتتح الوزير أمس المشروع الجديد.",
        "date_extracted": "2015-07-21 02:51:35",  # SaudiNewsNet's crawl time
        "link": "https://example.org/1",
    }
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    assert main(["parse", str(corpus), "--format", "jsonl", "-q"]) == 1  # no text under the usual keys
    assert "no text (text, content, body)" in capsys.readouterr().err
    given = ["--key", "text=article_body", "--key", "title=headline", "--key", "published=date_extracted"]
    assert main(["parse", str(corpus), "--format", "jsonl", "-q", *given, "--key", "url=link"]) == 0
    article = json.loads(capsys.readouterr().out)
    assert article["title"] == "وزير يفتتح مشروعا" and article["source"]["url"] == "https://example.org/1"
    assert article["published"].startswith("2015-07-21")
    assert [(d["text"], d["value"]) for d in article["dates"]] == [("أمس", "2015-07-20")]
    assert RecordKeys.given(["id=a", "id=b"]).id == ("a", "b") and RecordKeys.given([]) == RecordKeys()
    for bad in ("author=writer", "text", "text="):
        with pytest.raises(InputError, match="give ROLE=KEY, ROLE one of text, title, id, published, url"):
            RecordKeys.given([bad])


_LINE = st.one_of(
    st.builds(lambda r: json.dumps(r, ensure_ascii=False).encode(), st.sampled_from(RECORDS)),
    st.binary(max_size=40).filter(lambda b: b"\n" not in b),
    st.sampled_from([b"", b"  ", b"[]", b"{}", b'{"text": 5}', b"\xef\xbb\xbf{}", b'"x"', b"[" * 5000]),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=st.lists(_LINE, max_size=12), packing=st.sampled_from(["", ".gz", ".xz"]), cut=st.floats(0.2, 1.0))
def test_any_lines_give_inputs_or_failures_as_many_as_counted(
    tmp_path: Path, lines: list[bytes], packing: str, cut: float
) -> None:
    data = b"\n".join(lines) + b"\n"
    if packing:
        data = (gzip.compress if packing == ".gz" else lzma.compress)(data)
        data = data[: max(1, int(len(data) * cut))]  # sometimes cut off
    path = tmp_path / f"c.jsonl{packing}"
    path.write_bytes(data)
    found = _read(path)
    assert all(isinstance(f, ArticleInput | Failure) for f in found)
    assert count_records(path, globs=ARTICLE_GLOBS) == len(found)


def test_archives_found_in_a_folder_by_glob_give_their_article_files(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    _archive(folder / "day1.zip", {"a.txt": "عنوان\n\nقال الوزير إن العمل مستمر.".encode()})
    out = tmp_path / "out.jsonl"
    assert main(["parse", str(folder), "--glob", "*.zip", "-o", str(out), "-q"]) == 0
    assert [json.loads(line)["file"] for line in out.read_text(encoding="utf-8").splitlines()] == [
        f"{folder / 'day1.zip'}/a.txt"
    ]

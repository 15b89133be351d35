"""Tables for analysis: one row per quote, entity, amount, donation or date, as rows, DataFrames and CLI files."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

import arnews
from arnews.cli import main
from arnews.tables import KINDS, columns, rows

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


@pytest.fixture(scope="module")
def articles() -> list[arnews.Article]:
    return list(arnews.Pipeline(exclude=["ner"]).parse_many(SEEDS))


@pytest.mark.parametrize("kind", KINDS)
def test_every_table_has_its_columns_and_a_row_per_item(articles: list[arnews.Article], kind: str) -> None:
    pd = pytest.importorskip("pandas")
    frame = arnews.to_frame(articles, kind)  # type: ignore[arg-type]
    assert isinstance(frame, pd.DataFrame)
    assert list(frame.columns) == list(columns(kind))  # type: ignore[arg-type]
    per_article = {"quotes": "quotes", "entities": "entities", "money": "money", "donations": "donations"}
    field = per_article.get(kind, "dates")
    assert len(frame) == sum(len(getattr(a, field)) for a in articles)
    assert set(frame["article"]) <= {0, 1, 2}


def test_rows_hold_the_values_of_the_records(articles: list[arnews.Article]) -> None:
    donations = list(rows(articles, "donations", ids=["a", "b", "c"]))
    first = articles[0].donations[0]
    assert donations[0]["article"] == "a" and donations[0]["value"] == str(first.amount.value)
    assert donations[0]["recipient"] == (first.recipient.name if first.recipient else None)
    quotes = list(rows(articles, "quotes"))
    assert all(SEEDS and q["text"] for q in quotes)
    with pytest.raises(ValueError, match="kind must be one of"):
        list(rows(articles, "people"))  # type: ignore[arg-type]


def test_an_empty_table_keeps_its_columns() -> None:
    frame = arnews.to_frame([], "quotes")
    assert frame.empty and list(frame.columns) == list(columns("quotes"))


def test_the_command_line_writes_a_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(ROOT / "seeds"), "--table", "money"]) == 0
    table = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert table and set(table[0]) == set(columns("money"))
    assert table[0]["article"].endswith(".txt")
    out = tmp_path / "q.parquet"
    assert main(["parse", str(ROOT / "seeds"), "--table", "quotes", "-o", str(out)]) == 0
    pd = pytest.importorskip("pandas")
    assert list(pd.read_parquet(out).columns) == list(columns("quotes"))


@pytest.mark.parametrize("kind", KINDS)
def test_a_parquet_table_is_written_in_parts_with_one_type_a_column(
    articles: list[arnews.Article], kind: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    from arnews import runs

    monkeypatch.setattr(runs, "PARQUET_ROWS", 3)  # a row group every 3 rows: parts with and without empty columns
    out = tmp_path / "t.parquet"
    sink = runs.TableSink(kind, str(out))
    many = articles * 3  # each seed three times: nine articles
    names = [f"a{n}" for n in range(len(many))]
    for name, article in zip(names, many, strict=True):
        sink.write(article, name)
    sink.close()
    expected = list(rows(many, kind, ids=names))  # type: ignore[arg-type]
    table = pq.read_table(out)
    assert table.to_pylist() == expected and table.column_names == list(columns(kind))  # type: ignore[arg-type]
    held, groups = 0, 0  # a part is written once 3 rows or more are held after an article
    for article in many:
        held += len(list(rows([article], kind)))  # type: ignore[arg-type]
        groups, held = (groups + 1, 0) if held >= 3 else (groups, held)
    assert pq.ParquetFile(out).metadata.num_row_groups == groups + (held > 0) and groups > 1
    types = {field.name: str(field.type) for field in table.schema}
    assert types["start" if "start" in types else "first_start"] == "int64" and types["article"] == "string"


def test_an_empty_parquet_table_keeps_its_columns(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    from arnews.runs import TableSink

    out = tmp_path / "none.parquet"
    TableSink("quotes", str(out)).close()
    table = pq.read_table(out)
    assert table.num_rows == 0 and table.column_names == list(columns("quotes"))


def test_a_table_named_gz_is_compressed(tmp_path: Path) -> None:
    import gzip

    plain, packed = tmp_path / "rows.csv", tmp_path / "rows.csv.gz"
    assert main(["parse", str(ROOT / "seeds"), "--table", "entities", "-o", str(plain), "-q"]) == 0
    assert main(["parse", str(ROOT / "seeds"), "--table", "entities", "-o", str(packed), "-q"]) == 0
    assert gzip.decompress(packed.read_bytes()) == plain.read_bytes() and plain.read_bytes().count(b"\n") > 10


def test_tables_of_a_finished_run_equal_those_parsed_anew(tmp_path: Path) -> None:
    seeds = str(ROOT / "seeds")
    packed, folder = tmp_path / "out.jsonl.gz", tmp_path / "out"
    assert main(["parse", seeds, "-o", str(packed), "-q"]) == 0
    assert main(["parse", seeds, "-o", str(folder) + "/", "-q"]) == 0
    for kind in ("quotes", "donations"):
        fresh, again, from_folder = (tmp_path / f"{kind}{n}.csv" for n in range(3))
        assert main(["parse", seeds, "--table", kind, "-o", str(fresh), "-q"]) == 0
        assert main(["table", kind, str(packed), "-o", str(again), "-q"]) == 0
        assert again.read_bytes() == fresh.read_bytes() and fresh.read_bytes().count(b"\n") > 3
        assert main(["table", kind, str(folder), "-o", str(from_folder), "-q"]) == 0
        assert len(from_folder.read_bytes()) == len(fresh.read_bytes())  # the same rows (named by file, sorted)


def test_a_table_of_a_broken_output_names_what_it_skips(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import gzip
    import json

    out = tmp_path / "out.jsonl"
    assert main(["parse", str(ROOT / "seeds"), "-o", str(out), "-q"]) == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    broken = tmp_path / "broken.jsonl.gz"
    error = '{"id": "x", "error": "empty input"}'  # a line of arnews.dask's output for a failed input
    kept = [lines[0], "not json", "[1]", '{"title": 5}', error, lines[1]]
    member = gzip.compress(("\n".join(kept) + "\n").encode())
    cut = gzip.compress((lines[2] + "\n").encode())
    broken.write_bytes(member + cut[: len(cut) // 2])  # and a member a killed run left cut off
    rows = tmp_path / "rows.csv"
    assert main(["table", "quotes", str(broken), str(tmp_path / "missing.jsonl"), "-o", str(rows), "-q"]) == 1
    err = capsys.readouterr().err
    assert (
        f"{broken}:2: not JSON" in err and f"{broken}:3: not an article" in err and f"{broken}:4: not an article" in err
    )
    assert f"{broken}:5: a failed input, not an article (empty input)" in err
    assert "missing.jsonl: no such file or folder" in err and "Traceback" not in err
    files = {r["article"] for r in csv.DictReader(io.StringIO(rows.read_text(encoding="utf-8")))}
    assert files == {json.loads(lines[0])["file"], json.loads(lines[1])["file"]}  # the two whole articles' rows
    assert main(["parse", str(ROOT / "seeds"), "--table", "quotes", "--resume", "-o", str(rows)]) == 1
    assert "then `arnews table KIND OUT.jsonl -o ROWS`" in capsys.readouterr().err

"""Many machines: the Dask functions on a distributed.LocalCluster give the articles of parse_many."""

from __future__ import annotations

from pathlib import Path

import pytest

import arnews

dask_bag = pytest.importorskip("dask.bag")
distributed = pytest.importorskip("distributed")
pd = pytest.importorskip("pandas")

from arnews.dask import parse_bag, parse_frame, table_bag  # noqa: E402
from arnews.tables import columns  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
TEXTS = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))] + [
    "عنوان الخبر\n\nالرياض - واس\nتبرع رجل الأعمال خالد العلي بمبلغ 5 ملايين ريال للجمعية الخيرية.",
    "\x00 binary",
]


@pytest.fixture(scope="module")
def client() -> object:
    with (
        distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        distributed.Client(cluster) as c,
    ):
        yield c


def test_a_bag_on_a_local_cluster_gives_the_articles_of_parse_many(client: object) -> None:
    pipe = arnews.Pipeline(exclude=["ner"])
    expected = [a.to_dict() if isinstance(a, arnews.Article) else None for a in pipe.parse_many(TEXTS, errors="return")]
    bag = dask_bag.from_sequence(TEXTS, npartitions=3)
    got = parse_bag(bag, exclude=("ner",)).compute()
    assert len(got) == len(TEXTS)
    assert [g for g in got if "error" not in g] == [e for e in expected if e is not None]
    assert "binary" in got[-1]["error"]


def test_a_dataframe_and_its_tables(client: object) -> None:
    import dask.dataframe as dd

    frame = dd.from_pandas(pd.DataFrame({"doc": [f"d{i}" for i in range(4)], "text": TEXTS[:4]}), npartitions=2)
    articles = parse_frame(frame, id="doc", exclude=("ner",))
    assert [a["id"] for a in articles.compute()] == ["d0", "d1", "d2", "d3"]
    table = table_bag(articles, "donations").compute()
    assert list(table.columns) == list(columns("donations"))
    assert set(table["article"]) <= {"d0", "d1", "d2", "d3"} and len(table) >= 5
    assert "5000000" in set(table["value"])


def test_records_are_read_as_the_command_line_reads_them(client: object) -> None:
    from arnews.records import RecordKeys, record_input

    records = [
        {"title": "تبرع لجمعية", "content": "الرياض - واس\nتبرع رجل الأعمال بمبلغ 5 ملايين ريال للجمعية الخيرية."},
        {"id": "no-text", "title": "عنوان بلا نص"},  # SaudiNewsNet has such records
        {"id": "s1", "text": "قال الوزير إن العمل مستمر.", "date_extracted": "2015-07-21 02:51:35"},
    ]
    got = parse_bag(dask_bag.from_sequence(records, npartitions=2), exclude=("ner",)).compute()
    assert got[0]["title"] == "تبرع لجمعية" and got[0]["money"][0]["value"] == "5000000"
    assert got[1] == {"id": "no-text", "error": "no text (text, content, body)"}
    assert got[2]["id"] == "s1" and got[2]["published"] is None
    keys = RecordKeys(published=("date_extracted",))
    dated = parse_bag(dask_bag.from_sequence(records[2:], npartitions=1), exclude=("ner",), keys=keys).compute()
    assert dated[0]["published"].startswith("2015-07-21")
    assert record_input(records[0]).id is None and record_input([1]).name == ""  # type: ignore[union-attr]

"""``arnews kb fetch`` against a local SPARQL server on loopback that answers in the endpoint's JSON results format:
pages, resuming after a failure, busy answers, bad answers, and the KB written."""

from __future__ import annotations

import json
import re
import threading
import urllib.parse
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from arnews.cli import main
from arnews.errors import KnowledgeBaseError
from arnews.kb import KnowledgeBase
from arnews.kb.fetch import FetchPlan, fetch
from arnews.kb.sqlite import SqliteKnowledgeBase

PAGES = Path(__file__).parent / "fixtures" / "sparql"
PLAN = FetchPlan({"Q5": "PER", "Q43229": "ORG"}, min_sitelinks=5, page_size=2)
EMPTY = json.dumps({"head": {"vars": ["item"]}, "results": {"bindings": []}}).encode()


class Endpoint:
    """What the server answers: a recorded page by class and offset, an empty page past the last, and failures
    planned per (class, offset)."""

    def __init__(self) -> None:
        self.asked: list[tuple[str, int]] = []
        self.agents: list[str] = []
        self.fail: dict[tuple[str, int], list[tuple[int, dict[str, str], bytes]]] = {}

    def answer(self, query: str, agent: str) -> tuple[int, dict[str, str], bytes]:
        cls = re.search(r"wdt:P31 wd:(Q\d+)", query)
        offset = re.search(r"OFFSET (\d+)", query)
        assert cls and offset and "LIMIT 2" in query
        where = (cls.group(1), int(offset.group(1)))
        self.asked.append(where)
        self.agents.append(agent)
        planned = self.fail.get(where)
        if planned:
            return planned.pop(0)
        page = PAGES / f"{where[0]}-{where[1] // 2}.json"
        body = page.read_bytes() if page.exists() else EMPTY
        return 200, {"Content-Type": "application/sparql-results+json"}, body


@pytest.fixture
def endpoint(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[str, Endpoint]]:
    for name in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    state = Endpoint()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            params = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query)
            assert params.get("format") == ["json"]
            status, headers, body = state.answer(params["query"][0], self.headers.get("User-Agent", ""))
            self.send_response(status)
            for k, v in headers.items():
                self.send_header(k, v)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/sparql", state
    finally:
        server.shutdown()
        server.server_close()


def test_every_page_of_every_class_is_fetched_and_written(tmp_path: Path, endpoint: tuple[str, Endpoint]) -> None:
    url, state = endpoint
    out = tmp_path / "kb.jsonl.gz"
    assert fetch(out, plan=PLAN, endpoint=url, curated=False, log=lambda _: None) == 4
    assert state.asked == [("Q5", 0), ("Q5", 2), ("Q5", 4), ("Q43229", 0)]
    assert all(agent.startswith("arnews/") for agent in state.agents)
    kb = KnowledgeBase.load(out)
    obama = kb.get("Q76")
    assert obama is not None and obama.type == "PER"
    assert obama.ar == ("باراك أوباما", "أوباما", "باراك حسين أوباما") and obama.en == ("Barack Obama",)
    assert obama.prior == 1.0 and obama.description == "الرئيس الرابع والأربعون للولايات المتحدة"
    assert [c.entry.id for c in kb.lookup("انجيلا ميركل")][:1] == ["Q567"]
    imf = kb.get("Q7804")
    assert imf is not None and imf.type == "ORG" and 0.8 < imf.prior < 1.0
    assert kb.get("Q22316") is not None and len(kb) == 4  # the row that is no Wikidata item is left out


def test_a_fetch_that_fails_resumes_where_it_stopped(tmp_path: Path, endpoint: tuple[str, Endpoint]) -> None:
    url, state = endpoint
    out = tmp_path / "kb.jsonl.gz"
    state.fail[("Q5", 2)] = [(500, {}, b"busy")] * 2
    with pytest.raises(KnowledgeBaseError, match="run the command again to resume"):
        fetch(out, plan=PLAN, endpoint=url, curated=False, waits=(0.0,), log=lambda _: None)
    assert not out.exists() and (tmp_path / "kb.jsonl.gz.parts" / "Q5-00000.json").exists()
    state.asked.clear()
    assert fetch(out, plan=PLAN, endpoint=url, curated=False, waits=(0.0,), log=lambda _: None) == 4
    assert state.asked == [("Q5", 2), ("Q5", 4), ("Q43229", 0)]  # page 0 was not asked again
    state.asked.clear()
    assert fetch(out, plan=PLAN, endpoint=url, curated=False, log=lambda _: None) == 4
    assert state.asked == []  # every class done: the KB is written from the pages on disk


def test_a_busy_endpoint_is_asked_again_after_its_retry_after(tmp_path: Path, endpoint: tuple[str, Endpoint]) -> None:
    url, state = endpoint
    state.fail[("Q43229", 0)] = [(429, {"Retry-After": "0"}, b"too many requests")]
    plan = FetchPlan({"Q43229": "ORG"}, page_size=2)
    assert fetch(tmp_path / "kb.jsonl.gz", plan=plan, endpoint=url, curated=False, log=lambda _: None) == 1
    assert state.asked == [("Q43229", 0), ("Q43229", 0)]


def test_an_answer_that_is_no_sparql_result_is_an_error(tmp_path: Path, endpoint: tuple[str, Endpoint]) -> None:
    url, state = endpoint
    state.fail[("Q43229", 0)] = [(200, {"Content-Type": "text/html"}, b"<html>maintenance</html>")]
    plan = FetchPlan({"Q43229": "ORG"}, page_size=2)
    with pytest.raises(KnowledgeBaseError, match="not a SPARQL JSON result"):
        fetch(tmp_path / "kb.jsonl.gz", plan=plan, endpoint=url, curated=False, log=lambda _: None)
    state.fail[("Q43229", 0)] = [(400, {}, b"bad query")]
    with pytest.raises(KnowledgeBaseError, match="answered 400"):
        fetch(tmp_path / "kb.jsonl.gz", plan=plan, endpoint=url, curated=False, log=lambda _: None)


def test_the_command_writes_an_sqlite_kb_with_the_curated_entities(
    tmp_path: Path, endpoint: tuple[str, Endpoint], capsys: pytest.CaptureFixture[str]
) -> None:
    url, _state = endpoint
    out = tmp_path / "kb.sqlite"
    argv = ["kb", "fetch", "-o", str(out), "--endpoint", url, "--classes", "Q5", "--page-size", "2"]
    assert main(argv) == 0
    assert "wrote" in capsys.readouterr().out
    kb = KnowledgeBase.load(out)
    assert isinstance(kb, SqliteKnowledgeBase) and kb.get("Q567") is not None and len(kb) > 100
    assert main(["kb", "fetch", "-o", str(out), "--endpoint", url, "--classes", "Q999999999"]) == 2

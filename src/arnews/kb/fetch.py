"""``arnews kb fetch``: a large knowledge base built from Wikidata's public SPARQL endpoint.

For every class of ``data/kb/wikidata_classes.tsv`` (people, organisations, places...), the items with an Arabic
label are asked for page by page, most linked first (``wikibase:sitelinks``, which also gives the popularity
prior), with their English label, Arabic aliases and Arabic description. Each page is kept as it arrives in a
folder beside the output (``OUT.parts/``), so an interrupted fetch resumes where it stopped; when every class is
done, the pages and the curated entities bundled with arnews are merged into one KB file (``.jsonl.gz``, or
``.sqlite`` for a KB too large for memory: :mod:`arnews.kb.sqlite`).

This is the one command of arnews (with ``arnews download``) that uses the network, and only when asked.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import urllib.parse
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from attrs import frozen

from arnews import __version__
from arnews.errors import KnowledgeBaseError
from arnews.kb.build import from_curated, merge, prior_from_sitelinks, wanted_classes
from arnews.kb.store import KbEntry, write_entries
from arnews.models import EntityKind

__all__ = ["ENDPOINT", "RETRY_WAITS", "FetchPlan", "add_arguments", "fetch", "http_get", "query", "run"]

#: Wikidata's public SPARQL endpoint.
ENDPOINT = "https://query.wikidata.org/sparql"
_USER_AGENT = f"arnews/{__version__} (https://github.com/arnews/arnews; arnews kb fetch)"
_ENTITY = "http://www.wikidata.org/entity/"
_SEP = "\u001f"  # between aliases in one binding


@frozen
class FetchPlan:
    """What to fetch: the classes (QID -> type), the fewest sitelinks an item needs, the page size, and the most
    items of one class (None: all)."""

    classes: dict[str, EntityKind]
    min_sitelinks: int = 5
    page_size: int = 5000
    max_per_class: int | None = None


def query(cls: str, plan: FetchPlan, offset: int) -> str:
    """The SPARQL query of one page of one class: the page's items, most linked first, then their labels."""
    return f"""SELECT ?item ?sitelinks ?ar ?en ?desc (GROUP_CONCAT(DISTINCT ?alias; separator="{_SEP}") AS ?aliases)
WHERE {{
  {{ SELECT ?item ?sitelinks WHERE {{
      ?item wdt:P31 wd:{cls} ; wikibase:sitelinks ?sitelinks .
      FILTER(?sitelinks >= {plan.min_sitelinks})
      FILTER EXISTS {{ ?item rdfs:label ?label . FILTER(LANG(?label) = "ar") }}
    }} ORDER BY DESC(?sitelinks) ?item LIMIT {plan.page_size} OFFSET {offset} }}
  ?item rdfs:label ?ar . FILTER(LANG(?ar) = "ar")
  OPTIONAL {{ ?item rdfs:label ?en . FILTER(LANG(?en) = "en") }}
  OPTIONAL {{ ?item schema:description ?desc . FILTER(LANG(?desc) = "ar") }}
  OPTIONAL {{ ?item skos:altLabel ?alias . FILTER(LANG(?alias) = "ar") }}
}} GROUP BY ?item ?sitelinks ?ar ?en ?desc"""


Get = Callable[[str], bytes]

#: Seconds to wait before each retry of a failed request (a 429 or 5xx answer, or no answer).
RETRY_WAITS = (5.0, 20.0, 60.0)


def fetch(
    out: str | Path,
    *,
    plan: FetchPlan | None = None,
    endpoint: str = ENDPOINT,
    waits: tuple[float, ...] | None = None,
    curated: bool = True,
    log: Callable[[str], None] = print,
) -> int:
    """Fetch every page not yet fetched, then write the KB to ``out``; returns the number of entities.

    Pages are read with :func:`http_get`, which retries after each of ``waits`` seconds (default
    :data:`RETRY_WAITS`)."""
    plan = plan or FetchPlan(wanted_classes())
    parts = Path(f"{out}.parts")
    parts.mkdir(parents=True, exist_ok=True)
    pauses = RETRY_WAITS if waits is None else waits

    def reader(url: str) -> bytes:
        return http_get(url, waits=pauses)

    for cls, kind in plan.classes.items():
        got = _fetch_class(parts, cls, kind, plan, endpoint=endpoint, get=reader)
        log(f"{cls} ({kind}): {got:,} items")
    entries = merge([*(from_curated() if curated else ()), *_read_parts(parts, plan)])
    return write_entries(entries.values(), out)


def _fetch_class(parts: Path, cls: str, kind: EntityKind, plan: FetchPlan, *, endpoint: str, get: Get) -> int:
    """Fetch the pages of one class that are not on disk yet; returns the number of items on disk."""
    total = 0
    for page in range(10**9):
        offset = page * plan.page_size
        path = parts / f"{cls}-{page:05d}.json"
        if not path.exists():
            if (parts / f"{cls}.done").exists():
                break
            url = f"{endpoint}?{urllib.parse.urlencode({'query': query(cls, plan, offset), 'format': 'json'})}"
            body = get(url)
            rows = _bindings(body, url)
            tmp = path.with_suffix(".part")
            tmp.write_bytes(body)
            tmp.replace(path)  # a page is on disk whole or not at all
        else:
            rows = _bindings(path.read_bytes(), str(path))
        total += len(rows)
        full = plan.max_per_class is not None and offset + plan.page_size >= plan.max_per_class
        if len(rows) < plan.page_size or full:
            (parts / f"{cls}.done").write_text(kind, encoding="utf-8")
            break
    return total


def _bindings(body: bytes, where: str) -> list[dict[str, Any]]:
    """The result rows of a SPARQL JSON response."""
    try:
        data = json.loads(body)
        rows = data["results"]["bindings"]
    except (ValueError, KeyError, TypeError):
        raise KnowledgeBaseError(f"{where[:200]}: not a SPARQL JSON result") from None
    if not isinstance(rows, list):
        raise KnowledgeBaseError(f"{where[:200]}: not a SPARQL JSON result")
    return rows


def _read_parts(parts: Path, plan: FetchPlan) -> Iterator[KbEntry]:
    """The entities of the fetched pages, class by class in the plan's order (an item in two classes keeps the
    type of the first)."""
    for cls, kind in plan.classes.items():
        for path in sorted(parts.glob(f"{cls}-*.json")):
            for row in _bindings(path.read_bytes(), str(path)):
                entry = _entry(row, kind)
                if entry is not None:
                    yield entry


def _value(row: dict[str, Any], name: str) -> str:
    cell = row.get(name)
    return str(cell.get("value", "")).strip() if isinstance(cell, dict) else ""


def _entry(row: dict[str, Any], kind: EntityKind) -> KbEntry | None:
    uri = _value(row, "item")
    qid = uri.removeprefix(_ENTITY)
    if not uri.startswith(_ENTITY) or not qid[1:].isdigit() or not qid.startswith("Q"):
        return None
    ar = _value(row, "ar")
    if not ar:
        return None
    aliases = [a.strip() for a in _value(row, "aliases").split(_SEP) if a.strip() and a.strip() != ar]
    en = _value(row, "en")
    try:
        sitelinks = int(_value(row, "sitelinks") or 0)
    except ValueError:
        sitelinks = 0
    return KbEntry(qid, kind, [ar, *aliases], [en] if en else [], _value(row, "desc") or None,
                   prior_from_sitelinks(sitelinks))  # fmt: skip


def http_get(url: str, *, waits: tuple[float, ...] = RETRY_WAITS, timeout: float = 300.0) -> bytes:
    """GET ``url`` as the endpoint asks of clients (a User-Agent naming arnews, JSON results), retrying when the
    server is busy (honouring Retry-After) or unreachable; other errors are a
    :class:`~arnews.errors.KnowledgeBaseError`."""
    import urllib.error  # the network, imported by the one command that uses it: never by `arnews parse`
    import urllib.request

    request = urllib.request.Request(
        url, headers={"User-Agent": _USER_AGENT, "Accept": "application/sparql-results+json"}
    )
    for attempt in range(len(waits) + 1):
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                body: bytes = response.read()
                return body
        except urllib.error.HTTPError as exc:
            if exc.code != 429 and exc.code < 500:
                raise KnowledgeBaseError(f"the SPARQL endpoint answered {exc.code} {exc.reason}") from None
            reason = f"{exc.code} {exc.reason}"
            retry_after = exc.headers.get("Retry-After", "") if exc.headers else ""
        except (urllib.error.URLError, TimeoutError, ConnectionError) as exc:
            reason, retry_after = str(getattr(exc, "reason", exc)), ""
        if attempt == len(waits):
            break
        wait = float(retry_after) if retry_after.isdigit() else waits[attempt]
        time.sleep(min(wait, 600.0))
    raise KnowledgeBaseError(f"the SPARQL endpoint did not answer ({reason}); run the command again to resume")


def add_arguments(ap: argparse.ArgumentParser) -> None:
    """The options of ``arnews kb fetch``."""
    ap.add_argument("-o", "--output", required=True, help="the KB file to write (.jsonl.gz, or .sqlite)")
    ap.add_argument("--classes", default=None, help="Wikidata classes to fetch, comma-separated (default: all)")
    ap.add_argument("--min-sitelinks", type=int, default=5, help="fetch items linked from this many sites or more")
    ap.add_argument("--page-size", type=int, default=5000, help="items asked for in one query")
    ap.add_argument("--max-per-class", type=int, default=None, help="at most this many items of each class")
    ap.add_argument("--endpoint", default=None, help="the SPARQL endpoint (default: query.wikidata.org)")
    ap.add_argument("--no-curated", action="store_true", help="leave out the curated entities bundled with arnews")


def _to_stderr(line: str) -> None:
    print(line, file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    """``arnews kb fetch`` with the options of :func:`add_arguments`; returns the exit status."""
    classes = wanted_classes()
    if args.classes:
        asked = [c.strip() for c in args.classes.split(",") if c.strip()]
        unknown = [c for c in asked if c not in classes]
        if unknown:
            print(f"arnews: unknown classes {', '.join(unknown)}; known: {', '.join(classes)}", file=sys.stderr)
            return 2
        classes = {c: classes[c] for c in asked}
    plan = FetchPlan(classes, args.min_sitelinks, args.page_size, args.max_per_class)
    count = fetch(
        args.output, plan=plan, endpoint=args.endpoint or ENDPOINT, curated=not args.no_curated, log=_to_stderr
    )
    print(f"wrote {count:,} entities to {args.output}")
    return 0

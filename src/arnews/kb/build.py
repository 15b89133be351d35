"""Build a knowledge-base file from CSV sources and from Wikidata JSON dumps.

* :func:`from_csv_dir` reads the CSV files of a source folder (columns ``wikidata,name_ar,name_en,...[,type]``).
* :func:`from_curated` reads ``arnews/data/kb/curated.tsv``: Arabic labels and aliases for entities whose QIDs
  were verified in public sources (the file says where).
* :func:`iter_wikidata` streams a Wikidata JSON dump (``.json``, ``.json.gz`` or ``.json.bz2``: a JSON array with
  one entity a line) and keeps items with an Arabic label whose P31 (instance of) is a wanted class; the classes
  and the type each gives are data (``arnews/data/kb/wikidata_classes.tsv``). Memory stays flat: one line at a time.

``python -m arnews.kb.build --sources ../shared/data/kb -o src/arnews/data/kb/kb.jsonl.gz`` rebuilds the bundled KB;
``arnews kb build DUMP.json.gz -o my_kb.jsonl.gz`` builds one from a dump.
"""

from __future__ import annotations

import argparse
import bz2
import csv
import gzip
import json
import math
import re
import zlib
from collections.abc import Iterable, Iterator, Sequence
from functools import cache
from importlib import resources
from pathlib import Path
from typing import IO, Any, cast

from arnews.errors import KnowledgeBaseError
from arnews.kb.store import KbEntry, bounded_lines, write_entries
from arnews.models import ENTITY_KINDS, EntityKind

__all__ = ["alias_table", "build", "from_csv_dir", "from_curated", "iter_wikidata", "main", "merge", "wanted_classes"]

_QID = re.compile(r"^Q[1-9][0-9]*$")
_BRACKET = re.compile(r"\s*\[[^\]]*\]")

# the popularity prior a source row gets, by what the row is (curated rows carry their own)
_PRIOR_BY_CATEGORY = (
    ("US executive", 0.9),
    ("country", 0.75),
    ("US state", 0.7),
    ("IGO", 0.7),
    ("news agency", 0.6),
    ("media", 0.6),
    ("political party", 0.5),
    ("US Congress", 0.45),
)


def _prior(category: str) -> float:
    for needle, prior in _PRIOR_BY_CATEGORY:
        if needle in category:
            return prior
    return 0.3


def _clean_en(name: str) -> str:
    name = _BRACKET.sub("", name).strip()
    return name.replace("_", " ") if " " not in name else name


def from_csv_dir(folder: str | Path) -> Iterator[KbEntry]:
    """Entities from the CSV files of ``folder`` (rows without a QID or a type are skipped).

    Columns: ``wikidata, name_ar, name_en`` (labels separated by ``|``), optional ``aliases_ar``, ``type``,
    ``country``, ``legislature`` or ``category`` (what the row is, for the description and the popularity prior) and
    ``corpus_count`` (how often Arabic news names it: a higher prior). An alias listed for its QID in
    ``news_entities_ambiguous_aliases.tsv`` (it also names other things: "الشرقية"، "حماس") is left out, so that the
    entity is never linked on it alone."""
    ambiguous = _ambiguous_aliases(Path(folder))
    for path in sorted(Path(folder).glob("*.csv")):
        default_type = "PER" if path.name.startswith(("per_", "people_")) else None
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                entry = _csv_entry(row, default_type, ambiguous)
                if entry is not None:
                    yield entry


def _csv_entry(row: dict[str, str], default_type: str | None, ambiguous: dict[str, set[str]]) -> KbEntry | None:
    qid = (row.get("wikidata") or "").strip()
    kind_text = (row.get("type") or default_type or "").strip()
    if not _QID.match(qid) or kind_text not in ENTITY_KINDS:
        return None
    kind = cast(EntityKind, kind_text)
    labels = "|".join(x for x in (row.get("name_ar"), row.get("aliases_ar")) if x)
    skip = ambiguous.get(qid, set())
    ar = list(dict.fromkeys(x.strip() for x in labels.split("|") if x.strip() and x.strip() not in skip))
    en = [_clean_en(x) for x in (row.get("name_en") or "").split("|") if x.strip()]
    category = row.get("legislature") or row.get("category") or ""
    desc = _category_text(category)
    if row.get("country") and row["country"] not in ("-99",):
        desc = f"{desc}, {row['country']}" if desc else row["country"]
    prior = _prior(category)
    count = (row.get("corpus_count") or "").strip()
    if count.isdigit():  # named 10 times in the corpus: 0.4; 1,000 times: 0.6; 10,000 times: 0.7
        prior = max(prior, min(0.8, 0.3 + 0.1 * math.log10(max(1, int(count)))))
    return KbEntry(qid, kind, ar, [e for e in en if e], desc, prior)


def _category_text(category: str) -> str | None:
    """What a row is, for its description: ``category=country/territory (NE TYPE: Sovereign country)`` gives
    "Sovereign country", a legislature "Majlis" stays "Majlis"; no bracket is left unbalanced."""
    text = category.split("=", 1)[-1].split(":", 1)[-1].strip()
    if text.count(")") > text.count("("):
        text = text.replace(")", "").strip()
    return text or None


def _ambiguous_aliases(folder: Path) -> dict[str, set[str]]:
    path = folder / "news_entities_ambiguous_aliases.tsv"
    found: dict[str, set[str]] = {}
    if not path.is_file():
        return found
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            qid, alias = (row.get("wikidata") or "").strip(), (row.get("ambiguous_alias") or "").strip()
            if _QID.match(qid) and alias:
                found.setdefault(qid, set()).add(alias)
    return found


def from_curated(path: str | Path | None = None) -> Iterator[KbEntry]:
    """Entities of the curated table (``qid, type, ar labels|..., en labels|..., description, prior, source``)."""
    if path is None:
        text = resources.files("arnews").joinpath("data/kb/curated.tsv").read_text(encoding="utf-8")
    else:
        text = Path(path).read_text(encoding="utf-8")
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        cells = [c.strip() for c in line.split("\t")]
        if len(cells) < 6 or not _QID.match(cells[0]) or cells[1] not in ENTITY_KINDS:
            raise KnowledgeBaseError(f"curated.tsv:{n}: expected qid, type, ar, en, description, prior[, source]")
        kind: EntityKind = cells[1]  # type: ignore[assignment]
        yield KbEntry(cells[0], kind, [x for x in cells[2].split("|") if x], [x for x in cells[3].split("|") if x],
                      cells[4] or None, float(cells[5]))  # fmt: skip


def alias_table(path: str | Path | None = None) -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    """More names for entities the sources hold (``data/kb/aliases.tsv``: ``qid, ar names|..., en names|...,
    source``), by QID; :func:`build` adds them after the entity's own names, so that its usual name stays first."""
    if path is None:
        text = resources.files("arnews").joinpath("data/kb/aliases.tsv").read_text(encoding="utf-8")
    else:
        text = Path(path).read_text(encoding="utf-8")
    table: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        cells = [c.strip() for c in line.split("\t")]
        if len(cells) < 3 or not _QID.match(cells[0]):
            raise KnowledgeBaseError(f"aliases.tsv:{n}: expected qid, ar names, en names[, source]")
        ar, en = table.get(cells[0], ((), ()))
        table[cells[0]] = (
            ar + tuple(x for x in cells[1].split("|") if x),
            en + tuple(x for x in cells[2].split("|") if x),
        )
    return table


def _with_aliases(
    entries: Iterable[KbEntry], table: dict[str, tuple[tuple[str, ...], tuple[str, ...]]]
) -> Iterator[KbEntry]:
    for e in entries:
        more = table.get(e.id)
        if more is None:
            yield e
        else:
            ar, en = tuple(dict.fromkeys(e.ar + more[0])), tuple(dict.fromkeys(e.en + more[1]))
            yield KbEntry(e.id, e.type, ar, en, e.description, e.prior)


def merge(entries: Iterable[KbEntry]) -> dict[str, KbEntry]:
    """Entries joined by QID: labels united in order (earlier first), the highest prior, the first description."""
    out: dict[str, KbEntry] = {}
    for e in entries:
        old = out.get(e.id)
        if old is None:
            out[e.id] = e
            continue
        ar = tuple(dict.fromkeys(old.ar + e.ar))
        en = tuple(dict.fromkeys(old.en + e.en))
        out[e.id] = KbEntry(e.id, old.type, ar, en, old.description or e.description, max(old.prior, e.prior))
    return out


# --- Wikidata dumps ------------------------------------------------------------------------------------------


@cache
def wanted_classes() -> dict[str, EntityKind]:
    """P31 classes kept from a dump, and the entity type each gives (``data/kb/wikidata_classes.tsv``)."""
    text = resources.files("arnews").joinpath("data/kb/wikidata_classes.tsv").read_text(encoding="utf-8")
    out: dict[str, EntityKind] = {}
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if line:
            qid, kind = line.split("\t")[:2]
            if kind.strip() in ENTITY_KINDS:
                out[qid.strip()] = kind.strip()  # type: ignore[assignment]
    return out


def _open_dump(path: str | Path) -> IO[str]:
    p = str(path)
    if p.endswith(".gz"):
        return gzip.open(p, "rt", encoding="utf-8")
    if p.endswith(".bz2"):
        return bz2.open(p, "rt", encoding="utf-8")
    return open(p, encoding="utf-8")


def _labels(item: dict[str, Any], field_name: str, lang: str) -> list[str]:
    by_lang = item.get(field_name)
    value = by_lang.get(lang) if isinstance(by_lang, dict) else None
    if value is None:
        return []
    if isinstance(value, dict):
        value = [value]
    return [v["value"] for v in value if isinstance(v, dict) and isinstance(v.get("value"), str)]


def _instance_of(item: dict[str, Any]) -> list[str]:
    claims = item.get("claims")
    p31 = claims.get("P31") if isinstance(claims, dict) else None
    out = []
    for claim in p31 if isinstance(p31, list) else ():
        try:
            value = claim["mainsnak"]["datavalue"]["value"]["id"]
        except (KeyError, TypeError, IndexError):
            continue
        if isinstance(value, str):
            out.append(value)
    return out


def entry_from_item(item: dict[str, Any], classes: dict[str, EntityKind] | None = None) -> KbEntry | None:
    """The KB entry of one dump item, or None when it has no Arabic label or no wanted class."""
    classes = wanted_classes() if classes is None else classes
    qid = item.get("id")
    if item.get("type") != "item" or not isinstance(qid, str) or not _QID.match(qid):
        return None
    ar = _labels(item, "labels", "ar")
    if not ar:
        return None
    kind = next((classes[c] for c in _instance_of(item) if c in classes), None)
    if kind is None:
        return None
    ar += [a for a in _labels(item, "aliases", "ar") if a not in ar]
    en = _labels(item, "labels", "en")
    en += [a for a in _labels(item, "aliases", "en") if a not in en]
    desc = next(iter(_labels(item, "descriptions", "ar") or _labels(item, "descriptions", "en")), None)
    links = item.get("sitelinks")
    sitelinks = len(links) if isinstance(links, dict) else 0
    return KbEntry(qid, kind, ar, en, desc, prior_from_sitelinks(sitelinks))


def prior_from_sitelinks(sitelinks: int) -> float:
    """The popularity prior of an item linked from ``sitelinks`` Wikipedias (and sister sites): 0.1 for none, 1.0
    from 300 on, logarithmic between."""
    return round(min(1.0, math.log1p(sitelinks) / math.log(300)), 3) if sitelinks > 0 else 0.1


#: The longest line of a dump, in characters (the largest Wikidata entities take a few megabytes).
MAX_DUMP_LINE = 64_000_000


def iter_wikidata(path: str | Path, classes: dict[str, EntityKind] | None = None) -> Iterator[KbEntry]:
    """Stream the wanted entities of a Wikidata JSON dump, one line at a time."""
    n = 0
    try:
        with _open_dump(path) as fh:
            for n, raw in enumerate(bounded_lines(fh, str(path), MAX_DUMP_LINE), 1):
                item = _dump_item(raw, path, n)
                if isinstance(item, dict):
                    entry = entry_from_item(item, classes)
                    if entry is not None:
                        yield entry
    except UnicodeDecodeError as exc:
        raise KnowledgeBaseError(f"{path}:{n + 1}: not UTF-8 text ({exc.reason})") from None
    except (EOFError, zlib.error, OSError) as exc:
        raise KnowledgeBaseError(f"{path}:{n + 1}: cannot read the dump ({exc})") from None


def _dump_item(raw: str, path: str | Path, n: int) -> Any:
    """The JSON value of one dump line (None for the array's brackets)."""
    line = raw.strip()
    if line in ("[", "]", ""):
        return None
    if line.endswith(","):
        line = line[:-1]
    try:
        return json.loads(line)
    except ValueError:
        raise KnowledgeBaseError(f"{path}:{n}: not a Wikidata dump line (one JSON entity a line)") from None
    except RecursionError:
        raise KnowledgeBaseError(f"{path}:{n}: JSON nested too deeply") from None


def build(
    out: str | Path,
    *,
    dumps: Sequence[str | Path] = (),
    sources: str | Path | None = None,
    curated: bool = True,
) -> int:
    """Build a KB file from dumps, a CSV source folder and the curated tables (entities, then more names for
    them: :func:`alias_table`); returns the number of entities."""
    streams: list[Iterable[KbEntry]] = []
    if curated:
        streams.append(from_curated())
    if sources is not None:
        streams.append(from_csv_dir(sources))
    aliases = alias_table() if curated else {}
    if not dumps:
        merged = merge(e for s in streams for e in s)
        return write_entries(_with_aliases(merged.values(), aliases), out)
    # dumps may be huge: curated and CSV rows are merged in memory, dump rows stream straight to the file
    small = merge(e for s in streams for e in s)
    return write_entries(_with_aliases(_with_dumps(small, dumps), aliases), out, sort=False)


def _with_dumps(small: dict[str, KbEntry], dumps: Sequence[str | Path]) -> Iterator[KbEntry]:
    for dump in dumps:
        for e in iter_wikidata(dump):
            if e.id in small:
                yield merge([small.pop(e.id), e])[e.id]
            else:
                yield e
    yield from small.values()


def add_arguments(ap: argparse.ArgumentParser) -> None:
    ap.add_argument("dumps", nargs="*", help="Wikidata JSON dumps (.json, .json.gz, .json.bz2)")
    ap.add_argument(
        "-o", "--output", required=True, help="the KB file to write (.jsonl.gz; .sqlite for a KB too large for memory)"
    )
    ap.add_argument("--sources", default=None, help="a folder of CSV sources (wikidata,name_ar,name_en,...,type)")
    ap.add_argument("--no-curated", action="store_true", help="leave out the curated entities bundled with arnews")


def run(args: argparse.Namespace) -> int:
    count = build(args.output, dumps=args.dumps, sources=args.sources, curated=not args.no_curated)
    print(f"wrote {count} entities to {args.output}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m arnews.kb.build", description=__doc__.split("\n\n")[0])
    add_arguments(ap)
    return run(ap.parse_args(argv))


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())

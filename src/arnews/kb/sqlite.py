"""A knowledge base in an SQLite file, for KBs too large to hold in memory (a Wikidata build of a million entities).

The file holds the entities and one indexed table of the keys each is found by (:func:`arnews.kb.keys.entry_keys`,
the same keys the in-memory :class:`~arnews.kb.KnowledgeBase` builds), so opening it reads nothing but its header
and every look-up is an index search. Answers equal those of the in-memory KB holding the same entities.

>>> import tempfile
>>> from pathlib import Path
>>> from arnews.kb import KbEntry, KnowledgeBase
>>> path = Path(tempfile.mkdtemp()) / "kb.sqlite"
>>> write_sqlite([KbEntry("Q85", "LOC", ["القاهرة"], ["Cairo"], "عاصمة مصر", 0.8)], path)
1
>>> kb = KnowledgeBase.load(path)
>>> [(c.entry.id, c.how) for c in kb.lookup("القاهرة")], len(kb)
([('Q85', 'exact')], 1)
"""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from arnews.core.memo import Memo, trim_word_caches
from arnews.core.names import loose as _loose
from arnews.core.names import phonetic
from arnews.errors import KnowledgeBaseError
from arnews.kb.keys import PREFIX_WORDS, NameKeys, WordKeys, entry_keys, phonetic_fits
from arnews.kb.store import Candidate, KbEntry, KnowledgeBase, offer, write_entries

__all__ = ["FORMAT", "SqliteKnowledgeBase", "is_sqlite", "write_sqlite"]

#: What the ``meta`` table says of a KB file arnews wrote (and reads).
FORMAT = "arnews-kb-sqlite-1"
_INDEX = {"exact": 0, "loose": 1, "phonetic": 2, "surname": 3, "initials": 4}
_HOW = ("exact", "alias", "loose", "phonetic", "surname", "initials")
_HEADER = b"SQLite format 3\x00"
_BATCH = 5000


def is_sqlite(path: str | Path) -> bool:
    """The file at ``path`` is an SQLite database (by its first 16 bytes)."""
    try:
        with open(path, "rb") as fh:
            return fh.read(16) == _HEADER
    except OSError:
        return False


def write_sqlite(entries: Iterable[KbEntry], path: str | Path) -> int:
    """Write entries (streamed: a dump of any size) to an SQLite KB file; returns the count. Written beside the
    target and moved into place at the end, so a failing input never leaves a half file."""
    p = Path(path)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{p.name}.", suffix=".part", dir=p.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    count = 0
    try:
        db = sqlite3.connect(tmp)
        try:
            db.executescript(
                "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
                "CREATE TABLE meta(k TEXT PRIMARY KEY, v TEXT);"
                "CREATE TABLE entity(n INTEGER PRIMARY KEY, id TEXT NOT NULL, type TEXT NOT NULL, ar TEXT NOT NULL,"
                " en TEXT NOT NULL, descr TEXT, prior REAL NOT NULL);"
                "CREATE TABLE name(k TEXT NOT NULL, ix INTEGER NOT NULL, how INTEGER NOT NULL, n INTEGER NOT NULL);"
            )
            rows: list[tuple[Any, ...]] = []
            names: list[tuple[str, int, int, int]] = []
            for n, e in enumerate(entries, 1):
                rows.append((n, e.id, e.type, _dumps(e.ar), _dumps(e.en), e.description, e.prior))
                names.extend((k, _INDEX[ix], _HOW.index(how), n) for ix, k, how in dict.fromkeys(entry_keys(e)) if k)
                count = n
                if len(rows) >= _BATCH:
                    _flush(db, rows, names)
                    trim_word_caches()  # the keys of millions of names: the word caches stay within their bounds
            _flush(db, rows, names)
            db.executescript("CREATE UNIQUE INDEX entity_id ON entity(id); CREATE INDEX name_k ON name(k, ix);")
            db.executemany("INSERT INTO meta VALUES (?, ?)", [("format", FORMAT), ("count", str(count))])
            db.commit()
        except sqlite3.IntegrityError as exc:
            raise KnowledgeBaseError(f"{p}: two entities share an id ({exc})") from None
        finally:
            db.close()
        os.replace(tmp, p)
    finally:
        tmp.unlink(missing_ok=True)
    return count


def _dumps(labels: tuple[str, ...]) -> str:
    return json.dumps(list(labels), ensure_ascii=False, separators=(",", ":"))


def _flush(db: sqlite3.Connection, rows: list[tuple[Any, ...]], names: list[tuple[str, int, int, int]]) -> None:
    db.executemany("INSERT INTO entity VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
    db.executemany("INSERT INTO name VALUES (?, ?, ?, ?)", names)
    rows.clear()
    names.clear()


_ENTITY = "SELECT e.n, e.id, e.type, e.ar, e.en, e.descr, e.prior"
#: Some key of the name indexes (exact, loose, phonetic) is ``?1`` or begins with its words (``?2`` = ``?1 + " "``,
#: ``?3`` = ``?1 + "!"``: the keys between them are those that go on after a space).
_BEGINS = (
    "SELECT EXISTS(SELECT 1 FROM name WHERE k = ?1 AND ix <= 2)"
    " OR EXISTS(SELECT 1 FROM name WHERE k >= ?2 AND k < ?3 AND ix <= 2)"
)
_MEMO = 400_000  # entries of each memo (two generations: :class:`arnews.core.memo.Memo`)


class SqliteKnowledgeBase(KnowledgeBase):
    """A :class:`~arnews.kb.KnowledgeBase` read from an SQLite file (:func:`write_sqlite`) as it is asked.

    Open one with ``KnowledgeBase.load(path)`` (an SQLite file is told by its header). Memory stays small whatever
    the KB's size: SQLite's page cache, and bounded memos of the words and entities met."""

    def __init__(self, path: str | Path) -> None:  # the in-memory indexes are not built
        self.path = Path(path)
        try:
            self._db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            meta = dict(self._db.execute("SELECT k, v FROM meta").fetchall())
        except sqlite3.Error as exc:
            raise KnowledgeBaseError(f"{self.path}: not an arnews KB file ({exc})") from None
        if meta.get("format") != FORMAT:
            raise KnowledgeBaseError(f"{self.path}: not an arnews KB file (format {meta.get('format')!r})")
        self._count = int(meta.get("count", "0"))
        self._begins: Memo[str, bool] = Memo(_MEMO)
        self._could_start: Memo[str, bool] = Memo(_MEMO)
        self._entries: Memo[int, KbEntry] = Memo(_MEMO)

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[KbEntry]:
        for row in self._db.execute(f"{_ENTITY} FROM entity e ORDER BY e.n"):
            yield _entry(row)

    def __reduce__(self) -> tuple[Any, ...]:
        return (SqliteKnowledgeBase, (self.path,))  # a worker process opens the file again

    def get(self, qid: str) -> KbEntry | None:
        row = self._db.execute(f"{_ENTITY} FROM entity e WHERE e.id = ?", (qid,)).fetchone()
        return None if row is None else self._cached(row)

    def _cached(self, row: tuple[Any, ...]) -> KbEntry:
        found = self._entries.get(row[0])
        if found is None:
            found = _entry(row)
            self._entries.put(row[0], found)
        return found

    def _named(self, k: str, index: str) -> list[tuple[KbEntry, str]]:
        rows = self._db.execute(
            f"{_ENTITY}, m.how FROM name m JOIN entity e ON e.n = m.n WHERE m.k = ? AND m.ix = ? ORDER BY e.n",
            (k, _INDEX[index]),
        ).fetchall()
        return [(self._cached(row[:7]), _HOW[row[7]]) for row in rows]

    def _begins_with(self, prefix: str) -> bool:
        hit = self._begins.get(prefix)
        if hit is None:
            row = self._db.execute(_BEGINS, (prefix, prefix + " ", prefix + "!")).fetchone()
            hit = bool(row[0])
            self._begins.put(prefix, hit)
        return hit

    def could_start(self, word: str) -> bool:
        hit = self._could_start.get(word)
        if hit is None:
            bare = word[2:] if word.startswith("ال") and len(word) > 3 else word
            ph = phonetic(word, normalized=True)
            # the first word of some key: a form that is more than one word is none
            forms = [bare, word, _loose(word, normalized=True)] + ([ph] if len(ph) >= 2 else [])
            hit = any(" " not in form and self._begins_with(form) for form in forms)
            self._could_start.put(word, hit)
        return hit

    def continues(self, keyed: Sequence[WordKeys]) -> bool:
        keyed = keyed[:PREFIX_WORDS]
        return (
            self._begins_with(" ".join(k for k, _l, _p in keyed))
            or self._begins_with(" ".join(lo for _k, lo, _p in keyed))
            or self._begins_with(" ".join(p for _k, _l, p in keyed if p))
        )

    def lookup_keys(self, keys: NameKeys) -> list[Candidate]:
        k, lo, ph = keys
        found: dict[str, Candidate] = {}
        for e, how in self._named(k, "exact"):
            offer(found, e, how)
        for e, _how in self._named(lo, "loose"):
            offer(found, e, "loose")
        for e, _how in self._named(ph, "phonetic"):
            if phonetic_fits(e, ph):
                offer(found, e, "phonetic")
        return sorted(found.values(), key=lambda c: -c.score)

    def by_surname(self, word: str) -> list[KbEntry]:
        ph = phonetic(word)
        if len(ph) < 3:
            return []
        return sorted((e for e, _how in self._named(ph, "surname")), key=lambda e: -e.prior)

    def surname_prior_of(self, ph: str) -> float:
        return max((e.prior for e, _how in self._named(ph, "surname")), default=0.0) if len(ph) >= 3 else 0.0

    def by_initials(self, acronym: str) -> list[KbEntry]:
        return sorted((e for e, _how in self._named(acronym.lower(), "initials")), key=lambda e: -e.prior)

    def save(self, path: str | Path) -> None:
        write_entries(self, path, sort=False)  # streamed: the file may not fit in memory


def _entry(row: tuple[Any, ...]) -> KbEntry:
    _n, qid, kind, ar, en, desc, prior = row
    return KbEntry(qid, kind, json.loads(ar), json.loads(en), desc, prior)

"""The knowledge base: entities with QID, type, Arabic and English labels, description and popularity prior.

A KB file is gzip-compressed JSON lines, one entity a line::

    {"id": "Q76", "type": "PER", "ar": ["باراك أوباما"], "en": ["Barack Obama"], "desc": "...", "prior": 0.9}

The bundled default (``arnews/data/kb/kb.jsonl.gz``, built by :mod:`arnews.kb.build`) is loaded lazily, once per
process, by :func:`default_kb`. Users pass their own with ``KnowledgeBase.load(path)``.
"""

from __future__ import annotations

import gzip
import json
import os
import tempfile
import zlib
from collections.abc import Iterable, Iterator, Sequence
from functools import cache
from importlib import resources
from pathlib import Path
from typing import IO, Any

from attrs import field, frozen

from arnews.core.memo import trim_word_caches
from arnews.core.names import key, phonetic, words
from arnews.core.names import loose as _loose
from arnews.core.text import normalize
from arnews.errors import KnowledgeBaseError
from arnews.kb.keys import (
    HOW_SCORE,
    PREFIX_WORDS,
    NameKeys,
    WordKeys,
    begins_key,
    continues_key,
    entry_keys,
    phonetic_fits,
    word_keys,
    written_forms,
)
from arnews.models import ENTITY_KINDS, EntityKind

__all__ = ["Candidate", "KbEntry", "KnowledgeBase", "default_kb"]


def _strs(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


@frozen
class KbEntry:
    """One entity of the knowledge base."""

    id: str
    type: EntityKind
    ar: tuple[str, ...] = field(default=(), converter=_strs)
    en: tuple[str, ...] = field(default=(), converter=_strs)
    description: str | None = None
    prior: float = 0.5

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "type": self.type, "ar": list(self.ar), "en": list(self.en),
                "desc": self.description, "prior": round(self.prior, 3)}  # fmt: skip

    @classmethod
    def from_json(cls, row: Any) -> KbEntry:
        if not isinstance(row, dict):
            raise KnowledgeBaseError(f"a KB entity is a JSON object, not {type(row).__name__}")
        kind = row.get("type")
        if kind not in ENTITY_KINDS:
            raise KnowledgeBaseError(f"KB entity {row.get('id')!r} has type {kind!r}, not one of PER/ORG/LOC/MISC")
        labels = {}
        for lang in ("ar", "en"):
            value = row.get(lang) or []
            if not isinstance(value, list) or not all(isinstance(x, str) for x in value):
                raise KnowledgeBaseError(f"KB entity {row.get('id')!r}: {lang!r} must be a list of strings")
            labels[lang] = value
        desc = row.get("desc")
        if desc is not None and not isinstance(desc, str):
            raise KnowledgeBaseError(f"KB entity {row.get('id')!r}: 'desc' must be a string")
        return cls(str(row["id"]), kind, labels["ar"], labels["en"], desc, float(row.get("prior", 0.5)))


@frozen
class Candidate:
    """A KB entity a name may denote, and how it was matched (``exact`` > ``alias`` > ``phonetic``)."""

    entry: KbEntry
    how: str
    score: float


def offer(found: dict[str, Candidate], e: KbEntry, how: str) -> None:
    """Keep ``e`` among the candidates ``found`` with its best score (how it matched, plus its prior)."""
    score = HOW_SCORE[how] + e.prior
    old = found.get(e.id)
    if old is None or old.score < score:
        found[e.id] = Candidate(e, how, score)


def _index(indexes: dict[str, dict[str, list[Any]]], e: KbEntry) -> None:
    """Add ``e`` under each of its keys (:func:`arnews.kb.keys.entry_keys`) to the index they belong to."""
    for index, k, how in entry_keys(e):
        if not k:
            continue
        bucket = indexes[index].setdefault(k, [])
        value = (e.id, how) if index == "exact" else e.id
        if value not in bucket:
            bucket.append(value)


def _frozen(index: dict[str, list[Any]]) -> dict[str, tuple[Any, ...]]:
    return {k: tuple(v) for k, v in index.items()}


class KnowledgeBase:
    """Entities and the indexes that find them by name."""

    def __init__(self, entries: Iterable[KbEntry]) -> None:
        self.entries: dict[str, KbEntry] = {}
        for e in entries:
            self.entries[e.id] = e
        # built as lists, kept as tuples: tuples of strings leave the cyclic garbage collector's care, lists never
        # do, and every full collection of a long run would walk the whole KB again
        built: dict[str, dict[str, list[Any]]] = {
            ix: {} for ix in ("exact", "loose", "phonetic", "surname", "initials")
        }
        for n, e in enumerate(self.entries.values(), 1):
            _index(built, e)
            if n % 10_000 == 0:
                trim_word_caches()  # a KB of millions of names keeps the word caches within their bounds
        self._exact: dict[str, tuple[tuple[str, str], ...]] = _frozen(built["exact"])
        self._loose: dict[str, tuple[str, ...]] = _frozen(built["loose"])
        self._phonetic: dict[str, tuple[str, ...]] = _frozen(built["phonetic"])
        # first words of every indexed key (exact, loose, phonetic), and every word-prefix of every indexed key: a
        # span that is no prefix of a key stops growing (the gazetteer pass asks this for every word of an article,
        # so it is a set lookup, built once per KB)
        first: set[str] = set()
        prefixes: set[tuple[str, ...]] = set()
        for index in (self._exact, self._loose, self._phonetic):
            first.update(k.split(" ", 1)[0] for k in index)
            for k in index:
                parts = tuple(k.split())[:PREFIX_WORDS]
                prefixes.update(parts[:n] for n in range(1, len(parts) + 1))
        self._first: frozenset[str] = frozenset(first)
        self._prefixes: frozenset[tuple[str, ...]] = frozenset(prefixes)
        # most popular first, sorted once here (by_surname is asked for every word of every article)
        self._surname_sorted: dict[str, tuple[KbEntry, ...]] = self._by_prior(built["surname"])
        self._initials_sorted: dict[str, tuple[KbEntry, ...]] = self._by_prior(built["initials"])

    def _by_prior(self, index: dict[str, list[str]]) -> dict[str, tuple[KbEntry, ...]]:
        return {k: tuple(sorted((self.entries[i] for i in ids), key=lambda e: -e.prior)) for k, ids in index.items()}

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[KbEntry]:
        return iter(self.entries.values())

    def get(self, qid: str) -> KbEntry | None:
        """The entity with id ``qid``, or None."""
        return self.entries.get(qid)

    def could_start(self, word: str) -> bool:
        """A cheap filter: some name in the KB may start with the normalised ``word`` (the word's keys are
        remembered, :func:`arnews.kb.keys.word_keys`, and the test is four set look-ups: no memo of its own)."""
        return begins_key(self._first, word)

    def could_continue(self, name: str) -> bool:
        """Some indexed name begins with the normalised words of ``name`` (by its normal, loose or phonetic key)."""
        return self.continues(tuple(word_keys(w) for w in words(name)))

    def continues(self, keyed: Sequence[WordKeys]) -> bool:
        """:meth:`could_continue` for a name given by its words' keys (:func:`arnews.kb.keys.word_keys`): the
        gazetteer keys each word of an article once and asks this as it grows a span, a word at a time."""
        return continues_key(self._prefixes, keyed if isinstance(keyed, tuple) else tuple(keyed))

    @property
    def key_prefixes(self) -> frozenset[tuple[str, ...]]:
        """Every word-prefix (up to :data:`~arnews.kb.keys.PREFIX_WORDS` words) of every indexed key: what
        :meth:`continues` looks its words' keys up in (:func:`arnews.kb.keys.continues_key`)."""
        return self._prefixes

    def has_label(self, entry: KbEntry, text: str, *, loose: bool = False) -> bool:
        """``text`` is one of the entry's labels as written, article included (``loose``: by :func:`loose` keys)."""
        target = " ".join(words(normalize(text)))
        forms = written_forms(entry)
        if target in forms[0]:
            return True
        return loose and (target.startswith("ال"), _loose(target)) in forms[1]

    def lookup(self, name: str, *, normalized: bool = False) -> list[Candidate]:
        """KB entities ``name`` may denote, best first: those with ``name`` as a label as written (article
        included: "الإمارات" is the country's name before it is a brand's "امارات"), then by how it matched and
        the popularity prior.

        ``normalized=True`` says ``name`` is already in normal form (:func:`arnews.core.text.normalize`)."""
        n = normalized
        found = self.lookup_keys((key(name, normalized=n), _loose(name, normalized=n), phonetic(name, normalized=n)))
        if len(found) > 1:
            found.sort(key=lambda c: not self.has_label(c.entry, name))  # stable: score order within each group
        return found

    def lookup_keys(self, keys: NameKeys) -> list[Candidate]:
        """:meth:`lookup` for a name given by its normal, loose and phonetic keys (:func:`arnews.kb.keys.name_keys`)."""
        k, lo, ph = keys
        exact, looser, sound = self._exact.get(k), self._loose.get(lo), self._phonetic.get(ph)
        if not (exact or looser or sound):
            return []  # most n-grams of an article name nothing: no ranking, no objects
        found: dict[str, Candidate] = {}
        for qid, how in exact or ():
            self._offer(found, qid, how)
        for qid in looser or ():
            self._offer(found, qid, "loose")
        for qid in sound or ():
            if phonetic_fits(self.entries[qid], ph):
                self._offer(found, qid, "phonetic")
        return sorted(found.values(), key=lambda c: -c.score)

    def _offer(self, found: dict[str, Candidate], qid: str, how: str) -> None:
        offer(found, self.entries[qid], how)

    def by_surname(self, word: str) -> list[KbEntry]:
        """People whose name ends with ``word`` (phonetically), most popular first."""
        ph = phonetic(word)
        if len(ph) < 3:
            return []
        return list(self._surname_sorted.get(ph, ()))

    def surname_prior(self, word: str) -> float:
        """The highest popularity prior among people whose name ends with ``word`` (phonetically); 0 when none.
        Cheaper than :meth:`by_surname` for "is some famous person called so?", asked of every word."""
        return self.surname_prior_of(phonetic(word))

    def surname_prior_of(self, ph: str) -> float:
        """:meth:`surname_prior` of a word given by its phonetic key (:func:`arnews.core.names.phonetic`: the
        gazetteer has every word's keys already, :func:`arnews.kb.keys.word_keys`)."""
        found = self._surname_sorted.get(ph) if len(ph) >= 3 else None
        return found[0].prior if found else 0.0

    def by_initials(self, acronym: str) -> list[KbEntry]:
        """Entities whose English label's initials spell ``acronym`` ("AOC"), most popular first."""
        return list(self._initials_sorted.get(acronym.lower(), ()))

    # --- files ----------------------------------------------------------------------------------------------

    @classmethod
    def load(cls, path: str | Path) -> KnowledgeBase:
        """Read a KB file: gzip JSON lines, plain JSON lines when the name does not end in .gz, or an SQLite KB
        (:mod:`arnews.kb.sqlite`, told by its header), which is opened, not read into memory."""
        p = Path(path)
        from arnews.kb.sqlite import SqliteKnowledgeBase, is_sqlite

        if is_sqlite(p):
            return SqliteKnowledgeBase(p)
        rows = _Lines()
        try:
            opener = gzip.open if p.suffix == ".gz" else open
            with opener(p, "rt", encoding="utf-8") as fh:
                return cls(_read_rows(rows.counted(bounded_lines(fh, str(p), MAX_KB_LINE)), str(p)))
        except UnicodeDecodeError as exc:
            raise KnowledgeBaseError(f"{p}:{rows.n + 1}: not UTF-8 text ({exc.reason})") from None
        except EOFError:
            raise KnowledgeBaseError(f"{p}:{rows.n + 1}: the compressed file is truncated") from None
        except zlib.error as exc:
            raise KnowledgeBaseError(f"{p}:{rows.n + 1}: the compressed file is corrupt ({exc})") from None
        except OSError as exc:
            raise KnowledgeBaseError(f"cannot read knowledge base {p}: {exc}") from exc

    def save(self, path: str | Path) -> None:
        """Write this KB as gzip JSON lines (sorted by id, so builds are reproducible), or as an SQLite KB when
        the name ends in .sqlite, .sqlite3 or .db."""
        write_entries(self.entries.values(), path)


class _Lines:
    """Counts the lines read from an open file, so that a decoding error can name its line."""

    def __init__(self) -> None:
        self.n = 0

    def counted(self, lines: Iterable[str]) -> Iterator[str]:
        for line in lines:
            self.n += 1
            yield line


#: The longest line a KB file may hold, in characters (an entity with hundreds of labels takes a few thousand).
MAX_KB_LINE = 1_000_000


def bounded_lines(fh: IO[str], name: str, limit: int) -> Iterator[str]:
    """The lines of an open text file, each read with at most ``limit`` characters in memory: a longer line is a
    :class:`~arnews.errors.KnowledgeBaseError` naming it, not a read of gigabytes."""
    n = 0
    while True:
        line = fh.readline(limit + 1)
        if not line:
            return
        n += 1
        if len(line) > limit:
            raise KnowledgeBaseError(f"{name}:{n}: a line longer than {limit:,} characters")
        yield line


def _read_rows(lines: Iterable[str], name: str) -> Iterator[KbEntry]:
    for n, raw in enumerate(lines, 1):
        line = raw.strip()
        if not line:
            continue
        try:
            yield KbEntry.from_json(json.loads(line))
        except KnowledgeBaseError as exc:
            raise KnowledgeBaseError(f"{name}:{n}: {exc}") from None
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise KnowledgeBaseError(f"{name}:{n}: not a KB entity line ({exc})") from None
        except RecursionError:
            raise KnowledgeBaseError(f"{name}:{n}: JSON nested too deeply") from None


#: File names that ask for an SQLite KB (:mod:`arnews.kb.sqlite`) rather than JSON lines.
SQLITE_SUFFIXES = (".sqlite", ".sqlite3", ".db")


def write_entries(entries: Iterable[KbEntry], path: str | Path, *, sort: bool = True) -> int:
    """Write entries to a KB file, the one writer of every format: gzip JSON lines, plain JSON lines when the name
    does not end in .gz, or SQLite when it ends in one of :data:`SQLITE_SUFFIXES`; returns the count.

    ``sort=False`` streams them in the order given (for dumps too large to hold); sorted by id, builds are
    reproducible."""
    p = Path(path)
    ordered = sorted(entries, key=lambda e: (len(e.id), e.id)) if sort else entries
    if p.suffix in SQLITE_SUFFIXES:
        from arnews.kb.sqlite import write_sqlite

        return write_sqlite(ordered, p)
    count = 0
    opener = gzip.open if p.suffix == ".gz" else open
    # written beside the target and moved into place at the end: a failing input never leaves a half file
    fd, tmp_name = tempfile.mkstemp(prefix=f".{p.name}.", suffix=".part", dir=p.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        with opener(tmp, "wt", encoding="utf-8") as fh:
            for e in ordered:
                fh.write(json.dumps(e.to_json(), ensure_ascii=False, separators=(",", ":")) + "\n")
                count += 1
        os.replace(tmp, p)
    finally:
        tmp.unlink(missing_ok=True)
    return count


@cache
def default_kb() -> KnowledgeBase:
    """The bundled knowledge base, loaded on first use."""
    ref = resources.files("arnews").joinpath("data/kb/kb.jsonl.gz")
    with resources.as_file(ref) as path:
        if not path.exists():
            return KnowledgeBase(())
        return KnowledgeBase.load(path)

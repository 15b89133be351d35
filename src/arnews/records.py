"""Files of article records, as corpora come: JSON Lines (a record a line), JSON (one record, or a list of them:
SaudiNewsNet's daily files), either compressed (``.gz``, ``.bz2``, ``.xz``), and ZIP archives of such files and of
article files. Each record is a named :class:`~arnews.ArticleInput`; what cannot be read is a
:class:`Failure` naming the file (and its line, item or member), and what follows it is still read.

Every read is bounded: a line, a JSON file and an archive member are read with at most a fixed number of bytes in
memory, so a compressed file that inflates without end (a "ZIP bomb") is named, not read."""

from __future__ import annotations

import bz2
import fnmatch
import gzip
import json
import lzma
import sys
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from pathlib import Path, PurePosixPath
from typing import Any, BinaryIO, cast

import attrs
from attrs import frozen

from arnews.errors import ArnewsError, InputError
from arnews.inputs import ArticleInput
from arnews.io import ARTICLE_GLOBS, MAX_BYTES, read_stream, read_text

__all__ = [
    "DATE_KEYS",
    "DEFAULT_KEYS",
    "JSON_MAX_BYTES",
    "STDIN_FORMATS",
    "TEXT_KEYS",
    "Failure",
    "RecordKeys",
    "count_records",
    "inputs_of",
    "jsonl_records",
    "open_binary",
    "record_format",
    "record_input",
    "stdin_inputs",
]

#: Keys of a record that hold the text and the date (SaudiNewsNet's records have ``title`` and ``content``; most
#: scraped corpora ``text``).
TEXT_KEYS = ("text", "content", "body")
DATE_KEYS = ("published", "date", "date_published")


@frozen
class RecordKeys:
    """Which keys of a record hold what: for each role, its keys, the first present one taken (``--key`` on the
    command line: ``--key published=date_extracted`` for SaudiNewsNet's crawl times)."""

    text: tuple[str, ...] = TEXT_KEYS
    title: tuple[str, ...] = ("title",)
    id: tuple[str, ...] = ("id",)
    published: tuple[str, ...] = DATE_KEYS
    url: tuple[str, ...] = ("url",)

    @classmethod
    def given(cls, pairs: Iterable[str]) -> RecordKeys:
        """The keys with ``ROLE=KEY`` pairs in place of a role's defaults (a role named twice takes both keys, in
        order). Raises :class:`~arnews.errors.InputError` for a pair that names no role."""
        roles = [f.name for f in attrs.fields(cls)]
        chosen: dict[str, tuple[str, ...]] = {}
        for pair in pairs:
            role, _, key = pair.partition("=")
            if role not in roles or not key:
                raise InputError(f"--key {pair}: give ROLE=KEY, ROLE one of {', '.join(roles)}")
            chosen[role] = (*chosen.get(role, ()), key)
        return cls(**chosen)


DEFAULT_KEYS = RecordKeys()

#: The most bytes of one JSON file (or archive member) read to take its records: a JSON document is parsed whole.
JSON_MAX_BYTES = 5 * MAX_BYTES

#: How a compressed file is opened for reading, by its last suffix: a path (the opener owns the file) or a file
#: object (an archive member, which its own ``with`` closes).
_OPENERS: dict[str, Callable[[Any], Any]] = {
    ".gz": partial(gzip.open, mode="rb"),
    ".bz2": partial(bz2.open, mode="rb"),
    ".xz": partial(lzma.open, mode="rb"),
}

#: What reading a broken file raises: a cut-off or corrupt compressed stream, a broken archive, an I/O error.
_BROKEN = (OSError, EOFError, zlib.error, lzma.LZMAError, zipfile.BadZipFile, RuntimeError, NotImplementedError)


@frozen
class Failure:
    """An input that could not be read, named."""

    name: str
    message: str


def record_format(path: PurePosixPath | Path) -> str | None:
    """``"jsonl"`` or ``"json"`` for a file of records, compressed or not (``corpus.jsonl.gz``), None for an
    article file."""
    suffixes = [s.lower() for s in path.suffixes[-2:]]
    if suffixes and suffixes[-1] in _OPENERS:
        suffixes.pop()
    return suffixes[-1][1:] if suffixes and suffixes[-1] in (".jsonl", ".json") else None


def inputs_of(
    path: Path,
    *,
    globs: tuple[str, ...],
    encoding: str | None,
    ids: set[str] | None = None,
    keys: RecordKeys = DEFAULT_KEYS,
) -> Iterator[ArticleInput | Failure]:
    """The articles of one file: its records (:func:`record_format`; ``keys`` say which keys hold what), the records
    and article files (by ``globs``) of a ``.zip`` archive, or the file itself as an article. ``ids``: the ids given
    so far in the run, which this adds to; a record with one of them is named ``FILE:LINE`` (or ``FILE:ITEM``)."""
    if path.suffix.lower() == ".zip":
        yield from _zip_inputs(path, globs=globs, encoding=encoding, ids=ids, keys=keys)
        return
    fmt = record_format(path)
    if fmt is None:
        yield _read(lambda: read_text(path, encoding=encoding), str(path))
    else:
        yield from _file_records(path, fmt, encoding, ids, keys)


def jsonl_records(
    path: Path, *, encoding: str | None = None, ids: set[str] | None = None, keys: RecordKeys = DEFAULT_KEYS
) -> Iterator[ArticleInput | Failure]:
    """The articles of a JSON Lines file (compressed or not), one JSON object a line: its text (``text``,
    ``content`` or ``body``, after a ``title`` when the text does not open with it), ``id`` (else ``FILE:LINE``),
    ``published`` (or ``date``) and ``url``. A line that is no such object is a :class:`Failure` naming the file and
    the line. ``ids`` and ``keys`` as for :func:`inputs_of`."""
    return _file_records(path, "jsonl", encoding, ids, keys)


def _file_records(
    path: Path, fmt: str, encoding: str | None, ids: set[str] | None, keys: RecordKeys
) -> Iterator[ArticleInput | Failure]:
    try:
        handle = open_binary(path)
    except OSError as exc:
        yield Failure(str(path), f"cannot read ({exc.strerror or exc})")
        return
    with handle:
        yield from _stream_records(handle, fmt, str(path), (encoding, keys), ids)


#: What standard input may hold: one article (``text``) or records, JSON Lines or JSON (``--stdin``).
STDIN_FORMATS = ("text", "jsonl", "json")


def stdin_inputs(
    encoding: str | None, *, fmt: str = "text", ids: set[str] | None = None, keys: RecordKeys = DEFAULT_KEYS
) -> Iterator[ArticleInput | Failure]:
    """Standard input as one article named ``<stdin>`` (``fmt="text"``), or its records, JSON Lines or JSON (a
    stream from ``zcat``, ``jq`` or a scraper), named by their ids, else ``<stdin>:LINE``; ``ids`` and ``keys`` as
    for :func:`inputs_of`."""
    if fmt not in STDIN_FORMATS:
        raise InputError(f"standard input holds one of {', '.join(STDIN_FORMATS)}, not {fmt!r}")
    if fmt == "text":
        yield _read(lambda: read_stream(sys.stdin.buffer, "<stdin>", encoding=encoding), "<stdin>")
    else:
        yield from _stream_records(sys.stdin.buffer, fmt, "<stdin>", (encoding, keys), ids)


def count_records(path: Path, *, globs: tuple[str, ...]) -> int:
    """How many inputs :func:`inputs_of` gives for ``path``, for a progress bar: a JSON Lines file's non-blank lines
    (counted, not parsed), a JSON file's records, an archive's; 1 for an article file, one that cannot be read or
    one with no records."""
    fmt = record_format(path)
    if fmt == "jsonl":
        count = 0
        try:
            with open_binary(path) as handle:
                for raw in _lines(handle):
                    count += raw is None or bool(raw.strip())
        except _BROKEN:
            return count + 1  # the records before the break, and the break
        return max(count, 1)  # none: the file is reported
    if fmt == "json" or path.suffix.lower() == ".zip":
        return sum(1 for _ in inputs_of(path, globs=globs, encoding=None))
    return 1


def open_binary(path: Path) -> BinaryIO:
    """``path`` opened for reading bytes, decompressed by its suffix (``.gz``, ``.bz2``, ``.xz``)."""
    opener = _OPENERS.get(path.suffix.lower())
    handle: BinaryIO = opener(path) if opener is not None else path.open("rb")
    return handle


def _stream_records(
    handle: BinaryIO, fmt: str, label: str, how: tuple[str | None, RecordKeys], ids: set[str] | None
) -> Iterator[ArticleInput | Failure]:
    """The records of an open file (``fmt``: ``"jsonl"`` or ``"json"``); a stream that breaks off (a cut-off or
    corrupt compressed file) ends in a :class:`Failure` naming where, after the records read before it, and one
    that holds no record (an empty file, an empty list, nothing on standard input) is a :class:`Failure`."""
    read = _jsonl_records if fmt == "jsonl" else _json_records
    empty = True
    for item, name in read(handle, label, *how):
        empty = False
        yield _named(item, name, ids)
    if empty:  # as an archive or a folder with nothing to read is reported
        what = "empty, or blank lines only" if fmt == "jsonl" else "an empty list"
        yield Failure(label, f"no records in it ({what})")


def _broken(name: str, exc: BaseException) -> _Named:
    return Failure(name, f"cannot read further ({type(exc).__name__}: {exc})"), name


_Named = tuple["ArticleInput | Failure", str]


def _jsonl_records(handle: BinaryIO, label: str, encoding: str | None, keys: RecordKeys) -> Iterator[_Named]:
    lines, number = _lines(handle), 0
    while True:
        try:
            raw = next(lines, b"")
        except _BROKEN as exc:
            yield _broken(f"{label}:{number + 1}", exc)  # the line being read when the stream broke
            return
        if not raw and raw is not None:
            return
        number += 1
        name = f"{label}:{number}"
        if raw is None:
            yield Failure(name, f"a line of more than {MAX_BYTES:,} bytes, the limit of an input"), name
            continue
        if not raw.strip():
            continue
        try:
            record = json.loads(raw.decode(encoding or "utf-8-sig"))  # a BOM opens files made on Windows
        except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
            yield Failure(name, f"not a JSON line ({type(exc).__name__})"), name
            continue
        yield _record(record, name, keys), name


def _json_records(handle: BinaryIO, label: str, encoding: str | None, keys: RecordKeys) -> Iterator[_Named]:
    try:
        data = handle.read(JSON_MAX_BYTES + 1)
    except _BROKEN as exc:
        yield _broken(label, exc)
        return
    if len(data) > JSON_MAX_BYTES:
        yield Failure(label, f"a JSON file of more than {JSON_MAX_BYTES:,} bytes: write it as JSON Lines"), label
        return
    try:
        document = json.loads(data.decode(encoding or "utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        yield Failure(label, f"not JSON ({type(exc).__name__})"), label
        return
    if not isinstance(document, list):
        yield _record(document, label, keys), label
        return
    for number, record in enumerate(document, 1):
        yield _record(record, f"{label}:{number}", keys), f"{label}:{number}"


def _lines(handle: BinaryIO) -> Iterator[bytes | None]:
    """The lines of a binary file, each read with at most :data:`~arnews.io.MAX_BYTES` in memory; None for a longer
    one, skipped to its end."""
    while raw := handle.readline(MAX_BYTES + 1):
        if len(raw) > MAX_BYTES and not raw.endswith(b"\n"):
            while raw and not raw.endswith(b"\n"):
                raw = handle.readline(1 << 20)
            yield None
        else:
            yield raw


def _named(item: ArticleInput | Failure, place: str, ids: set[str] | None) -> ArticleInput | Failure:
    """A record under a name no earlier record of the run has: one whose ``id`` is taken (corpora split by day
    often number each file's records from 1) is named by its ``place``, ``FILE:LINE``."""
    if ids is None or not isinstance(item, ArticleInput) or item.id is None:
        return item
    ident = item.id
    if ident in ids:  # another record's id: the output would overwrite that record's article
        ident = place
        item = attrs.evolve(item, id=place)
    ids.add(ident)
    return item


def record_input(record: Any, name: str | None = None, keys: RecordKeys = DEFAULT_KEYS) -> ArticleInput | Failure:
    """One record as an article: its text (``keys.text``; the title put first when the text does not open with
    it), id (else ``name``), publication date and address; a :class:`Failure` named by ``name``, else by the
    record's id, else ``""``, when it is no JSON object or holds no text. What every reader of records here (files,
    archives, :mod:`arnews.dask`) makes of a record."""
    found = _record(record, name or "", keys)
    if isinstance(found, Failure) and not name:
        ident = (
            next((record[k] for k in keys.id if record.get(k) is not None), None) if isinstance(record, dict) else None
        )
        return Failure(str(ident) if ident is not None else "", found.message)
    if isinstance(found, ArticleInput) and not found.id:
        return attrs.evolve(found, id=None)
    return found


def _record(record: Any, name: str, keys: RecordKeys) -> ArticleInput | Failure:
    if not isinstance(record, dict):
        return Failure(name, "a record must be a JSON object")
    text = _first_text(record, keys.text)
    if text is None:
        return Failure(name, f"no text ({', '.join(keys.text)})")
    title = _first_text(record, keys.title)
    if title is not None and title.strip() and not text.lstrip().startswith(title.strip()):
        text = title.strip() + "\n\n" + text
    ident = next((record[k] for k in keys.id if record.get(k) is not None), None)
    published, url = _first_text(record, keys.published), _first_text(record, keys.url)
    return ArticleInput(text, id=str(ident) if ident is not None else name, published=published, url=url)


def _first_text(record: dict[str, Any], keys: tuple[str, ...]) -> str | None:
    return next((record[k] for k in keys if isinstance(record.get(k), str)), None)


def _read(read: Callable[[], str], name: str) -> ArticleInput | Failure:
    try:
        return ArticleInput(read(), id=name)
    except ArnewsError as exc:
        return Failure(name, str(exc).removeprefix(name + ": "))


def _zip_inputs(
    path: Path, *, globs: tuple[str, ...], encoding: str | None, ids: set[str] | None, keys: RecordKeys
) -> Iterator[ArticleInput | Failure]:
    """The records and article files of a ZIP archive, members in name order (hidden ones left out), each named
    ``ARCHIVE/MEMBER``; article files are those ``globs`` or the default ones match (``--glob '*.zip'``, which
    finds archives in folders, still reads the ``.txt`` files inside them)."""
    try:
        archive = zipfile.ZipFile(path)
    except _BROKEN as exc:
        yield Failure(str(path), f"not a ZIP archive that can be read ({exc})")
        return
    patterns = tuple(dict.fromkeys((*globs, *ARTICLE_GLOBS)))
    with archive:
        members = _members(archive, patterns)
        if not members:  # as a folder with no article files is reported
            yield Failure(str(path), f"no record or article files in this archive ({', '.join(patterns)})")
        for info, member in members:
            fmt = record_format(member)
            label = f"{path}/{info.filename}"
            try:
                with archive.open(info) as raw:
                    opener = _OPENERS.get(member.suffix.lower())
                    handle: BinaryIO = opener(raw) if opener is not None else cast(BinaryIO, raw)
                    if fmt is None:
                        yield _read(partial(_text, handle, label, encoding), label)
                    else:
                        yield from _stream_records(handle, fmt, label, (encoding, keys), ids)
            except _BROKEN as exc:
                yield Failure(label, f"cannot read ({type(exc).__name__}: {exc})")


def _members(archive: zipfile.ZipFile, patterns: tuple[str, ...]) -> list[tuple[zipfile.ZipInfo, PurePosixPath]]:
    """The members an archive gives, in name order: record files and article files (by ``patterns``); folders,
    hidden files and macOS's ``__MACOSX`` left out."""
    found = []
    for info in sorted(archive.infolist(), key=lambda i: i.filename):
        member = PurePosixPath(info.filename)
        if info.is_dir() or any(p.startswith(".") or p == "__MACOSX" for p in member.parts):
            continue
        if record_format(member) or any(fnmatch.fnmatch(member.name, g) for g in patterns):
            found.append((info, member))
    return found


def _text(handle: BinaryIO, label: str, encoding: str | None) -> str:
    try:
        return read_stream(handle, label, encoding=encoding)
    except _BROKEN as exc:
        raise InputError(f"{label}: cannot read ({type(exc).__name__}: {exc})") from None

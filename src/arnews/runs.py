"""Big jobs on the command line: inputs (files, folders, standard input, and the records of JSON Lines, JSON and
ZIP corpora: :mod:`arnews.records`) as a stream of named :class:`~arnews.ArticleInput`, outputs (standard
output, a JSONL file, a folder of JSON files), what an earlier run already wrote (``--resume``), and a progress bar
on a terminal."""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import re
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO, Protocol, TextIO

from arnews.errors import InputError
from arnews.inputs import ArticleInput
from arnews.io import iter_paths
from arnews.records import DEFAULT_KEYS, Failure, RecordKeys, count_records, inputs_of, stdin_inputs

__all__ = ["Sink", "TableSink", "count_inputs", "named_inputs", "progress", "say"]


def named_inputs(
    paths: Iterable[str],
    *,
    globs: tuple[str, ...],
    encoding: str | None,
    keys: RecordKeys = DEFAULT_KEYS,
    stdin: str = "text",
) -> Iterator[ArticleInput | Failure]:
    """Every input the command line names, in order: files and the files of folders (by ``globs``), standard input
    for ``-`` (one article, or records: ``stdin`` is ``"jsonl"`` or ``"json"``), and each record of a JSON Lines,
    JSON or ZIP file (:func:`arnews.records.inputs_of`); what cannot be read is a :class:`Failure` and the run goes
    on; ``keys`` say which keys of a record hold what.
    Names are unique in a run (the output names each article by its input, and ``--resume`` reads them back): a
    record whose ``id`` an earlier record had (corpora split by day often number each file's records from 1) is
    named ``FILE:LINE``."""
    ids: set[str] = set()
    for raw in paths:
        if raw == "-":
            yield from stdin_inputs(encoding, fmt=stdin, ids=ids, keys=keys)
            continue
        found = list(iter_paths([raw], globs))
        if not found:
            yield Failure(raw, f"no article files in this folder ({', '.join(globs)})")
        for path in found:
            yield from inputs_of(path, globs=globs, encoding=encoding, ids=ids, keys=keys)


_UNSAFE = re.compile(r"[^\w.-]+")

#: The most bytes of a folder's file name before ``.json`` (file systems allow 255; ``.NAME.json.part`` adds 11).
NAME_BYTES = 200


def _tail(name: str, limit: int) -> str:
    """The end of ``name`` that is at most ``limit`` bytes in UTF-8 (a letter cut in two is left out)."""
    raw = name.encode("utf-8", "surrogatepass")
    return name if len(raw) <= limit else raw[-limit:].decode("utf-8", "ignore")


class Sink:
    """Where articles go: standard output, a JSONL file (``-o out.jsonl``, or compressed: ``-o out.jsonl.gz``), or a
    folder of JSON files (``-o out/``), one per input named after it."""

    def __init__(self, output: str | None, *, fmt: str, resume: bool) -> None:
        self.folder: Path | None = None
        self.stream: _Writer = sys.stdout
        self.fmt = fmt
        self.output = output or "<stdout>"
        self._own = False
        self._claimed: dict[str, str] = {}  # a folder's file names (case folded) given in this run -> their inputs
        if output is None:
            return
        target = Path(output)
        if output.endswith(("/", "\\")) or target.is_dir():
            _writable(lambda: target.mkdir(parents=True, exist_ok=True), output)
            self.folder = target
            if resume:  # the files a killed run was writing: never whole, never done, and ours to remove
                for part in target.glob(".*.json.part"):
                    part.unlink(missing_ok=True)
            return
        self._own = True
        if target.suffix.lower() == ".gz":
            self.stream = _Members(target, resume=resume)
        else:
            cut = resume and target.is_file() and target.stat().st_size > 0 and _last_byte(target) != b"\n"
            self.stream = _open_output(target, "a" if resume else "w")
            if cut:
                self.stream.write("\n")  # a line an earlier run left cut off ends here; the next article starts whole
        if self.fmt == "json":
            self.fmt = "jsonl"  # a file holds one article a line

    def path_for(self, name: str) -> Path | None:
        """The file an input's article goes to when the output is a folder: the input's name with what a file name
        cannot hold replaced by ``_``, its last :data:`NAME_BYTES` bytes (an Arabic headline as a file name is two
        bytes a letter). A name whose file an earlier input of the run has (``a/b`` and ``a_b``, or names equal
        but for case, one file on macOS and Windows) gets a hash of itself added: ``a_b~3f2a9c81d0.json``. Inputs
        are named in the order they come, so the same inputs again (``--resume``) go to the same files."""
        if self.folder is None:
            return None
        safe = _UNSAFE.sub("_", name.strip("/\\")).strip("_") or "_"
        stem = _tail(safe, NAME_BYTES)
        if self._claimed.setdefault(stem.casefold(), name) != name:
            digest = hashlib.blake2b(name.encode("utf-8", "surrogatepass"), digest_size=5).hexdigest()
            stem = f"{_tail(safe, NAME_BYTES - 11)}~{digest}"  # "~" is in no plain name: this file is the name's
        return self.folder / f"{stem}.json"

    @property
    def lines(self) -> bool:
        """Whether each article is written as one JSON line (a JSONL file, or ``--format jsonl``): then
        :meth:`write_line` takes the line as it is made, without the article."""
        return self.folder is None and self.fmt == "jsonl"

    def write(self, data: dict[str, Any], name: str, rendered: str | None) -> None:
        """Write one article; an OS error (a full disk, a folder removed under the run) is an
        :class:`~arnews.errors.InputError` naming the output."""
        _writable(lambda: self._write(data, name, rendered), self.output)

    def write_line(self, line: str) -> None:
        """Write one article's JSON line (:attr:`lines`); an OS error as for :meth:`write`."""
        _writable(lambda: self.stream.write(line), self.output)

    def _write(self, data: dict[str, Any], name: str, rendered: str | None) -> None:
        path = self.path_for(name)
        if path is not None:
            # whole or not at all: a run stopped mid-write leaves no cut-off file that --resume would take as done
            part = path.with_name(f".{path.name}.part")
            part.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
            os.replace(part, path)
        elif rendered is not None:
            self.stream.write(rendered)
        elif self.fmt == "jsonl":
            self.stream.write(json.dumps(data, ensure_ascii=False) + "\n")
        else:
            self.stream.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")

    def close(self) -> None:
        """Write what is held and close the output; an OS error is an :class:`~arnews.errors.InputError`."""
        _writable(lambda: _close(self.stream, own=self._own), self.output)


def _close(stream: _Writer, *, own: bool) -> None:
    stream.flush()
    if own:
        stream.close()


class _Writer(Protocol):
    def write(self, text: str, /) -> int: ...
    def flush(self) -> None: ...
    def close(self) -> None: ...


#: How hard a ``.gz`` output is compressed: gzip's default, about 6 x smaller than the JSON for 1 ms an article.
GZIP_LEVEL = 6
#: The characters a ``.gz`` output holds before it writes them as one gzip member (a few articles, many rows).
GZIP_MEMBER_CHARS = 1 << 16


class _Members:
    """A ``.gz`` output written as gzip members of whole writes (articles, table rows), each member at least
    :data:`GZIP_MEMBER_CHARS` characters once the writes reach it: gzip readers (``zcat``, pandas, arnews itself)
    read the members as one stream, and a run killed mid-write leaves at most its last member cut off, which
    ``--resume`` cuts away before it appends (readers would stop at it, and so miss what follows)."""

    def __init__(self, path: Path, *, resume: bool) -> None:
        _writable(lambda: path.parent.mkdir(parents=True, exist_ok=True), str(path))
        if resume and path.is_file():
            _writable(lambda: _cut_to_whole_members(path), str(path))
        self._file: BinaryIO = _writable(lambda: path.open("ab" if resume else "wb"), str(path))
        self._held: list[str] = []
        self._chars = 0

    def write(self, text: str, /) -> int:
        self._held.append(text)
        self._chars += len(text)
        if self._chars >= GZIP_MEMBER_CHARS:
            self._compress()
        return len(text)

    def _compress(self) -> None:
        if self._held:
            data = "".join(self._held).encode("utf-8")
            self._held, self._chars = [], 0
            self._file.write(gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0))

    def flush(self) -> None:
        self._compress()
        self._file.flush()

    def close(self) -> None:
        try:
            self.flush()
        finally:
            self._file.close()


def _cut_to_whole_members(path: Path) -> None:
    """Cut the end of a gzip file back to its last whole member: what a killed run left unfinished. Broken data
    before the end is not ours to cut: it is an :class:`~arnews.errors.InputError`."""
    whole = offset = 0  # where the last whole member ends; how far the reading is
    inflate = zlib.decompressobj(wbits=31)
    with path.open("rb") as fh:
        while chunk := fh.read(1 << 20):
            while chunk:
                try:
                    inflate.decompress(chunk)
                except zlib.error:
                    raise InputError(
                        f"{path}: not gzip from byte {whole:,} on; --resume appends only to whole data"
                    ) from None
                if not inflate.eof:
                    offset += len(chunk)
                    break
                offset += len(chunk) - len(inflate.unused_data)
                whole, chunk = offset, inflate.unused_data
                inflate = zlib.decompressobj(wbits=31)
    if whole < offset:
        os.truncate(path, whole)


#: Rows a Parquet table holds in memory before it writes them as a row group.
PARQUET_ROWS = 20_000


class TableSink:
    """Rows of one table (:mod:`arnews.tables`) written as CSV (standard output or ``-o rows.csv``) or as Parquet
    (``-o rows.parquet``, pyarrow), :data:`PARQUET_ROWS` rows at a time, so that a table of any size is written in
    bounded memory."""

    def __init__(self, kind: Any, output: str | None) -> None:
        import csv

        from arnews.tables import columns

        self.kind = kind
        self.columns = columns(kind)
        self.parquet = output is not None and output.endswith(".parquet")
        self.collected: list[dict[str, Any]] = []
        self.output = output or "<stdout>"
        self._own = output is not None and not self.parquet
        if self.parquet:
            self._open_parquet(self.output)
            return
        self.stream: _Writer = sys.stdout
        if output is not None:
            target = Path(output)
            gz = target.suffix.lower() == ".gz"
            self.stream = _Members(target, resume=False) if gz else _open_output(target, "w")
        self.writer = csv.DictWriter(self.stream, fieldnames=self.columns, extrasaction="ignore")
        self.writer.writeheader()

    def _open_parquet(self, output: str) -> None:
        import importlib.util

        if importlib.util.find_spec("pyarrow") is None:  # the Parquet engine: checked before the run, not after
            raise InputError(f"{output}: writing Parquet needs pyarrow: pip install 'arnews[parquet]'")
        import pyarrow.parquet as pq

        from arnews.tables import arrow_schema

        self.schema = arrow_schema(self.kind)
        _writable(lambda: Path(output).parent.mkdir(parents=True, exist_ok=True), output)
        self.parquet_writer = _writable(lambda: pq.ParquetWriter(output, self.schema), output)

    def write(self, article: Any, name: str) -> None:
        from arnews.tables import rows

        for row in rows([article], self.kind, ids=[name]):
            if self.parquet:
                self.collected.append(row)
            else:
                _writable(lambda row=row: self.writer.writerow(row), self.output)
        if len(self.collected) >= PARQUET_ROWS:
            self._flush()

    def _flush(self) -> None:
        if self.collected:
            import pyarrow as pa

            table = pa.Table.from_pylist(self.collected, schema=self.schema)
            _writable(lambda: self.parquet_writer.write_table(table), self.output)
            self.collected.clear()

    def close(self) -> None:
        """Write what is held and close the output (a Parquet file is whole only once closed)."""
        if self.parquet:
            try:
                self._flush()
            finally:
                _writable(self.parquet_writer.close, self.output)
            return
        _writable(lambda: _close(self.stream, own=self._own), self.output)


def _writable(act: Any, name: str) -> Any:
    """Do ``act`` on the output ``name``; an OS error (no such folder, no permission, a full disk) is an
    :class:`~arnews.errors.InputError` naming the output."""
    try:
        return act()
    except BrokenPipeError:
        raise  # the reader went away (``arnews parse ... | head``): the command ends quietly
    except OSError as exc:
        raise InputError(f"{name}: cannot write ({exc.strerror or exc})") from None


def _open_output(target: Path, mode: str) -> TextIO:
    """An output file opened for text (its folders made first); the sink that opens it closes it. A name that says
    another compression than gzip is refused: its file would hold plain text that readers of its suffix refuse."""
    if target.suffix.lower() in (".bz2", ".xz", ".zip", ".zst"):
        raise InputError(f"{target}: arnews writes plain or gzip output (.gz), not {target.suffix}")
    _writable(lambda: target.parent.mkdir(parents=True, exist_ok=True), str(target))
    stream: TextIO = _writable(lambda: target.open(mode, encoding="utf-8", newline=""), str(target))
    return stream


def _last_byte(path: Path) -> bytes:
    with path.open("rb") as fh:
        fh.seek(-1, 2)
        return fh.read(1)


def count_inputs(paths: Iterable[str], *, globs: tuple[str, ...], skip: int = 0) -> int | None:
    """How many inputs :func:`named_inputs` gives for ``paths`` (a file each, a record each non-blank line of a
    JSON Lines file, each record of a JSON file or an archive: :func:`arnews.records.count_records`), less ``skip``
    (those an earlier run wrote, which ``--resume`` skips), for a progress bar's total and time left; None when
    standard input is one of them."""
    total = 0
    for raw in paths:
        if raw == "-":
            return None
        for path in iter_paths([raw], globs):
            total += count_records(path, globs=globs)
    return max(0, total - skip)


def progress(items: Iterable[Any], *, total: int | Callable[[], int | None] | None, enabled: bool) -> Iterable[Any]:
    """``items`` with a progress bar on standard error when it is a terminal (tqdm), else as they are. ``total``:
    how many items there are, or a function that counts them (called only when the bar is shown)."""
    if not enabled or not sys.stderr.isatty():
        return items
    from tqdm import tqdm

    tqdm.monitor_interval = 0  # no monitor thread: worker processes are forked from a process with one thread
    count = total() if callable(total) else total
    return tqdm(items, total=count, unit="article", file=sys.stderr, dynamic_ncols=True)


def say(message: str) -> None:
    """Print ``message`` on standard error, above the progress bar when one is shown (a line printed under a bar
    would be cut by its next redraw)."""
    if "tqdm" in sys.modules:
        from tqdm import tqdm

        tqdm.write(message, file=sys.stderr)
    else:
        print(message, file=sys.stderr)

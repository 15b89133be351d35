"""Big jobs on the command line: inputs (files, folders, standard input, JSONL corpora of one article a line) as a
stream of named :class:`~arnews.pipeline.ArticleInput`, outputs (standard output, a JSONL file, a folder of JSON
files), what an earlier run already wrote (``--resume``), and a progress bar on a terminal."""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO, TextIO

import attrs
from attrs import frozen

from arnews.errors import ArnewsError, InputError
from arnews.io import MAX_BYTES, iter_paths, read_stream, read_text
from arnews.pipeline import ArticleInput

__all__ = [
    "Failure",
    "Sink",
    "TableSink",
    "count_inputs",
    "done_names",
    "jsonl_records",
    "named_inputs",
    "progress",
    "say",
]

#: Keys of a JSONL record that hold the text, the title, an id, the date and the address (SaudiNewsNet's records
#: have ``title`` and ``content``; most scraped corpora ``text``).
TEXT_KEYS = ("text", "content", "body")
DATE_KEYS = ("published", "date", "date_published")


@frozen
class Failure:
    """An input that could not be read, named."""

    name: str
    message: str


def named_inputs(
    paths: Iterable[str], *, globs: tuple[str, ...], encoding: str | None
) -> Iterator[ArticleInput | Failure]:
    """Every input the command line names, in order: files and the files of folders (by ``globs``), standard input
    for ``-``, and each record of a ``.jsonl`` file; what cannot be read is a :class:`Failure` and the run goes on.
    Names are unique in a run (the output names each article by its input, and ``--resume`` reads them back): a
    record whose ``id`` an earlier record had (corpora split by day often number each file's records from 1) is
    named ``FILE:LINE``."""
    ids: set[str] = set()
    for raw in paths:
        if raw == "-":
            yield _read(lambda: read_stream(sys.stdin.buffer, "<stdin>", encoding=encoding), "<stdin>")
            continue
        found = list(iter_paths([raw], globs))
        if not found:
            yield Failure(raw, f"no article files in this folder ({', '.join(globs)})")
        for path in found:
            if path.suffix.lower() == ".jsonl":
                yield from jsonl_records(path, encoding=encoding, ids=ids)
            else:
                yield _read(lambda path=path: read_text(path, encoding=encoding), str(path))


def _read(read: Any, name: str) -> ArticleInput | Failure:
    try:
        return ArticleInput(read(), id=name)
    except ArnewsError as exc:
        message = str(exc)
        return Failure(name, message.removeprefix(name + ": "))


def jsonl_records(
    path: Path, *, encoding: str | None = None, ids: set[str] | None = None
) -> Iterator[ArticleInput | Failure]:
    """The articles of a JSONL file, one JSON object a line: its text (``text``, ``content`` or ``body``, after a
    ``title`` when the text does not open with it), ``id`` (else ``FILE:LINE``), ``published`` (or ``date``) and
    ``url``. A line that is no such object is a :class:`Failure` naming the file and the line. ``ids``: the ids
    given so far in the run, which this adds to; a record with one of them is named ``FILE:LINE`` instead."""
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield Failure(str(path), f"cannot read ({exc.strerror or exc})")
        return
    with handle:
        for number, raw in enumerate(_lines(handle), 1):
            name = f"{path}:{number}"
            if raw is None:
                yield Failure(name, f"a line of more than {MAX_BYTES:,} bytes, the limit of an input")
                continue
            if not raw.strip():
                continue
            try:
                record = json.loads(raw.decode(encoding or "utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
                yield Failure(name, f"not a JSON line ({type(exc).__name__})")
                continue
            item = _record(record, name)
            if ids is not None and isinstance(item, ArticleInput) and item.id is not None:
                ident = item.id
                if ident in ids:  # another record's id: the output would overwrite that record's article
                    ident = name
                    item = attrs.evolve(item, id=name)
                ids.add(ident)
            yield item


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


def _record(record: Any, name: str) -> ArticleInput | Failure:
    if not isinstance(record, dict):
        return Failure(name, "a JSON line must be an object")
    text = next((record[k] for k in TEXT_KEYS if isinstance(record.get(k), str)), None)
    if text is None:
        return Failure(name, f"no text ({', '.join(TEXT_KEYS)})")
    title = record.get("title")
    if isinstance(title, str) and title.strip() and not text.lstrip().startswith(title.strip()):
        text = title.strip() + "\n\n" + text
    ident = record.get("id")
    published = next((record[k] for k in DATE_KEYS if isinstance(record.get(k), str)), None)
    url = record.get("url") if isinstance(record.get("url"), str) else None
    return ArticleInput(text, id=str(ident) if ident is not None else name, published=published, url=url)


_UNSAFE = re.compile(r"[^\w.-]+")

#: The most bytes of a folder's file name before ``.json`` (file systems allow 255; ``.NAME.json.part`` adds 11).
NAME_BYTES = 200


def _tail(name: str, limit: int) -> str:
    """The end of ``name`` that is at most ``limit`` bytes in UTF-8 (a letter cut in two is left out)."""
    raw = name.encode("utf-8", "surrogatepass")
    return name if len(raw) <= limit else raw[-limit:].decode("utf-8", "ignore")


class Sink:
    """Where articles go: standard output, a JSONL file (``-o out.jsonl``), or a folder of JSON files (``-o
    out/``), one per input named after it."""

    def __init__(self, output: str | None, *, fmt: str, resume: bool) -> None:
        self.folder: Path | None = None
        self.stream: TextIO = sys.stdout
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
            return
        cut = resume and target.is_file() and target.stat().st_size > 0 and _last_byte(target) != b"\n"
        self.stream = _open_output(target, "a" if resume else "w")
        if cut:
            self.stream.write("\n")  # a line an earlier run left cut off ends here; the next article starts whole
        self._own = True
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

    def has_file(self, name: str) -> bool:
        """Whether an earlier run wrote ``name``'s article to the output folder (``--resume``; a JSONL file's are
        read by :func:`done_names`). Asked of every input in order, as :meth:`path_for` names them."""
        path = self.path_for(name)
        return path is not None and path.is_file()

    def write(self, data: dict[str, Any], name: str, rendered: str | None) -> None:
        """Write one article; an OS error (a full disk, a folder removed under the run) is an
        :class:`~arnews.errors.InputError` naming the output."""
        _writable(lambda: self._write(data, name, rendered), self.output)

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
        self.stream.flush()
        if self._own:
            self.stream.close()


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
        self.stream: TextIO = _open_output(Path(output), "w") if output else sys.stdout
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
        self.stream.flush()
        if self._own:
            self.stream.close()


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
    """An output file opened for text (its folders made first); the sink that opens it closes it."""
    _writable(lambda: target.parent.mkdir(parents=True, exist_ok=True), str(target))
    stream: TextIO = _writable(lambda: target.open(mode, encoding="utf-8", newline=""), str(target))
    return stream


def _last_byte(path: Path) -> bytes:
    with path.open("rb") as fh:
        fh.seek(-1, 2)
        return fh.read(1)


def done_names(output: str | None) -> set[str]:
    """The inputs an earlier run already wrote to ``output`` (the ``file`` of each line of a JSONL file, or the
    names of a folder's JSON files), for ``--resume``; a broken last line (a run killed mid-write) is not done."""
    if output is None:
        raise InputError("--resume needs -o/--output: the file or folder an earlier run wrote")
    target = Path(output)
    if target.is_dir():
        return {p.stem for p in target.glob("*.json")}
    if not target.is_file():
        return set()
    names: set[str] = set()
    with target.open("rb") as fh:
        for raw in fh:
            try:
                data = json.loads(raw)
            except (json.JSONDecodeError, UnicodeDecodeError):
                continue
            if isinstance(data, dict) and isinstance(data.get("file"), str):
                names.add(data["file"])
    return names


def count_inputs(paths: Iterable[str], *, globs: tuple[str, ...]) -> int | None:
    """How many inputs :func:`named_inputs` gives for ``paths`` (a file each, a record each non-blank line of a
    ``.jsonl`` file), for a progress bar's total and time left; None when standard input is one of them."""
    total = 0
    for raw in paths:
        if raw == "-":
            return None
        for path in iter_paths([raw], globs):
            total += _records(path) if path.suffix.lower() == ".jsonl" else 1
    return total


def _records(path: Path) -> int:
    try:
        with path.open("rb") as handle:
            return sum(1 for raw in _lines(handle) if raw is None or raw.strip())
    except OSError:
        return 1  # reported as one input that cannot be read


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

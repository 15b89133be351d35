"""Reading article files: UTF-8 with or without BOM, any line endings, clear errors naming the file."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from arnews.core.text import MAX_CHARS
from arnews.errors import InputError

__all__ = ["MAX_BYTES", "clean_text", "iter_paths", "read_stream", "read_text"]

#: File endings read when a folder is given.
TEXT_SUFFIXES = (".txt", ".text", ".md", ".html", ".htm")


def read_text(path: str | Path) -> str:
    """The text of an article file. A BOM is dropped and CRLF/CR become LF.

    Raises :class:`~arnews.errors.InputError` naming the file when it cannot be read as UTF-8 or is larger than
    :data:`~arnews.core.text.MAX_CHARS` allows (checked before the file is read whole).

    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "article.txt"
    >>> _ = path.write_bytes("\\ufeffعنوان\\r\\nنص الخبر".encode("utf-8"))
    >>> read_text(path)
    'عنوان\\nنص الخبر'
    """
    path = Path(path)
    try:
        size = path.stat().st_size if path.is_file() else 0  # a device or a pipe is bounded while it is read
        if size > MAX_BYTES:
            raise InputError(f"{path}: {size:,} bytes, larger than the limit of {MAX_BYTES:,}")
        with path.open("rb") as fh:
            return read_stream(fh, str(path))
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None


#: The most bytes read from one input: :data:`~arnews.core.text.MAX_CHARS` characters of 4 bytes at most.
MAX_BYTES = 4 * MAX_CHARS


def read_stream(stream: BinaryIO, name: str) -> str:
    """The text of an open binary stream (a file, standard input), read with at most :data:`MAX_BYTES` in memory
    and decoded as UTF-8 (a BOM dropped, CRLF/CR made LF); errors name ``name``."""
    data = stream.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise InputError(f"{name}: larger than the limit of {MAX_BYTES:,} bytes")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: not UTF-8 text (byte {exc.start}: {data[exc.start : exc.start + 1]!r})") from None
    return clean_text(text)


def clean_text(text: str) -> str:
    """``text`` without a leading BOM, with CRLF and CR line ends made LF.

    >>> clean_text("\\ufeffسطر\\r\\nسطر")
    'سطر\\nسطر'
    """
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def iter_paths(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files named, and the text files inside folders named (sorted, recursively)."""
    for p in paths:
        path = Path(p)
        if path.is_dir():
            yield from sorted(f for f in path.rglob("*") if f.is_file() and f.suffix.lower() in TEXT_SUFFIXES)
        else:
            yield path

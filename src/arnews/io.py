"""Reading article files: UTF-8 with or without BOM, any line endings, clear errors naming the file."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from arnews.errors import InputError

__all__ = ["clean_text", "iter_paths", "read_text"]

#: File endings read when a folder is given.
TEXT_SUFFIXES = (".txt", ".text", ".md", ".html", ".htm")


def read_text(path: str | Path) -> str:
    """The text of an article file. A BOM is dropped and CRLF/CR become LF.

    Raises :class:`~arnews.errors.InputError` naming the file when it cannot be read as UTF-8.

    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "article.txt"
    >>> _ = path.write_bytes("\\ufeffعنوان\\r\\nنص الخبر".encode("utf-8"))
    >>> read_text(path)
    'عنوان\\nنص الخبر'
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text (byte {exc.start}: {data[exc.start : exc.start + 1]!r})") from None
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

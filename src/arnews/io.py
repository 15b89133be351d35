"""Reading article files as people have them: UTF-8 with or without BOM, UTF-16 and UTF-32 with a BOM, and the
legacy Arabic encodings (Windows-1256, ISO-8859-6) found by charset-normalizer; any line endings; clear errors that
name the input. Files and standard input follow the same rules."""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from arnews.core.text import MAX_CHARS
from arnews.errors import InputError

__all__ = ["ARTICLE_GLOBS", "MAX_BYTES", "clean_text", "decode", "iter_paths", "read_stream", "read_text"]

#: The files read when a folder is given, unless a pattern is named (``arnews parse DIR --glob``).
ARTICLE_GLOBS = ("*.txt", "*.html", "*.htm")


def read_text(path: str | Path, *, encoding: str | None = None) -> str:
    """The text of an article file in its encoding (see :func:`decode`; ``encoding`` forces one). A BOM is
    dropped and CRLF/CR become LF.

    Raises :class:`~arnews.errors.InputError` naming the file when it is not text in an encoding arnews can tell,
    or is larger than :data:`~arnews.core.text.MAX_CHARS` allows (checked before the file is read whole).

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
            return read_stream(fh, str(path), encoding=encoding)
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None


#: The most bytes read from one input: :data:`~arnews.core.text.MAX_CHARS` characters of 4 bytes at most.
MAX_BYTES = 4 * MAX_CHARS


def read_stream(stream: BinaryIO, name: str, *, encoding: str | None = None) -> str:
    """The text of an open binary stream (a file, standard input), read with at most :data:`MAX_BYTES` in memory
    and decoded by :func:`decode` (a BOM dropped, CRLF/CR made LF); errors name ``name``."""
    data = stream.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise InputError(f"{name}: larger than the limit of {MAX_BYTES:,} bytes")
    return clean_text(decode(data, name, encoding=encoding))


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_LETTER = re.compile(r"[^\W\d_]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
#: The legacy encodings of Arabic text, tried when the bytes are not UTF-8.
LEGACY_ENCODINGS = ("cp1256", "iso8859_6")


def decode(data: bytes, name: str, *, encoding: str | None = None) -> str:
    """The text of ``data``: in ``encoding`` when one is given, else by its BOM, else UTF-8, else the reading
    (Windows-1256, ISO-8859-6, or what charset-normalizer proposes) whose letters are most Arabic and that holds no
    control characters. Raises :class:`~arnews.errors.InputError` naming ``name`` when no reading is text.

    >>> decode("نص الخبر".encode("cp1256"), "old.txt")
    'نص الخبر'
    >>> decode("نص".encode("utf-16"), "wide.txt")
    'نص'
    """
    if encoding is not None:
        try:
            return data.decode(encoding)
        except LookupError:
            raise InputError(f"{name}: unknown encoding {encoding!r}") from None
        except UnicodeDecodeError as exc:
            raise InputError(
                f"{name}: not {encoding} text (byte {exc.start}: {data[exc.start : exc.start + 1]!r})"
            ) from None
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec).removeprefix("\ufeff")
            except UnicodeDecodeError:
                break
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    lenient = data.decode("utf-8", errors="replace")
    bad = lenient.count("\ufffd")
    wide = sum(1 for ch in lenient if ord(ch) > 127) - bad
    if wide > 0 and bad * 10 <= wide:  # mostly UTF-8 with a few broken bytes: no legacy encoding reads that right
        raise InputError(
            f"{name}: not UTF-8 text (byte {first_bad}: {data[first_bad : first_bad + 1]!r}): broken UTF-8; "
            "name the encoding with --encoding if it is another one"
        )
    best = _best_reading(data)
    if best is None:
        raise InputError(
            f"{name}: not text in UTF-8, UTF-16 or a legacy Arabic encoding "
            f"(byte {first_bad}: {data[first_bad : first_bad + 1]!r}); name one with --encoding"
        )
    return best


def _best_reading(data: bytes) -> str | None:
    """The most Arabic reading of bytes that are not UTF-8, among the legacy encodings and charset-normalizer's
    guess; None when every reading holds control characters (binary data)."""
    from charset_normalizer import from_bytes  # imported when a non-UTF-8 input is met

    readings: list[str] = []
    guess = from_bytes(data).best()
    if guess is not None:
        readings.append(str(guess))
    for codec in LEGACY_ENCODINGS:
        try:
            readings.append(data.decode(codec))
        except UnicodeDecodeError:
            continue
    best, best_score = None, -1.0
    for text in readings:
        if "\x00" in text or len(_CONTROL.findall(text)) > len(text) // 1000:
            continue
        letters = len(_LETTER.findall(text))
        score = len(_ARABIC.findall(text)) / letters if letters else 0.0
        if score > best_score:
            best, best_score = text, score
    return best


def clean_text(text: str) -> str:
    """``text`` without a leading BOM, with CRLF and CR line ends made LF.

    >>> clean_text("\\ufeffسطر\\r\\nسطر")
    'سطر\\nسطر'
    """
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def iter_paths(paths: Iterable[str | Path], globs: Iterable[str] = ARTICLE_GLOBS) -> Iterator[Path]:
    """Files named, and the files inside folders named that match one of ``globs`` (sorted, recursively; hidden
    files and folders left out): a folder's ``README.md`` or ``.DS_Store`` is no article."""
    patterns = tuple(globs)
    for p in paths:
        path = Path(p)
        if path.is_dir():
            found = {
                f
                for pattern in patterns
                for f in path.rglob(pattern)
                if f.is_file() and not any(part.startswith(".") for part in f.relative_to(path).parts)
            }
            yield from sorted(found)
        else:
            yield path

"""What ``arnews parse`` wrote, read back: the inputs an output already holds (``--resume``) and its articles
(``arnews table``, which makes tables of a finished run without parsing again). An output is a JSONL file of
article dicts, each with ``file`` naming its input (plain or ``.gz``), or a folder of one JSON file an article."""

from __future__ import annotations

import json
import lzma
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from arnews.errors import ArnewsError, InputError
from arnews.models import Article
from arnews.records import Failure, open_binary

__all__ = ["done_names", "saved_articles"]


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
    with open_binary(target) as fh:
        try:
            for raw in fh:
                try:
                    data = json.loads(raw)
                except (json.JSONDecodeError, UnicodeDecodeError):
                    continue
                if isinstance(data, dict) and isinstance(data.get("file"), str):
                    names.add(data["file"])
        except (EOFError, OSError, zlib.error, lzma.LZMAError):
            pass  # a gzip member a killed run left cut off (or damage, which appending reports): the rest is not done
    return names


def saved_articles(paths: Iterable[str]) -> Iterator[tuple[str, Article] | Failure]:
    """The articles of ``arnews parse`` outputs, in order, each with the name of its input (``file``; else
    ``OUTPUT:LINE``): JSONL files (plain or ``.gz``) and folders of JSON files. A line or file that is no article
    dict is a :class:`~arnews.records.Failure` naming it, and the reading goes on."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for file in sorted(path.glob("*.json")):
                yield _article(_read_file(file), str(file))
        elif not path.is_file():
            yield Failure(raw, "no such file or folder")
        else:
            yield from _jsonl_articles(path, raw)


def _read_file(path: Path) -> bytes | Failure:
    try:
        return path.read_bytes()
    except OSError as exc:
        return Failure(str(path), f"cannot read ({exc.strerror or exc})")


def _article(raw: bytes | Failure, place: str) -> tuple[str, Article] | Failure:
    if isinstance(raw, Failure):
        return raw
    try:
        data = json.loads(raw)
        if not isinstance(data, dict):
            return Failure(place, "not an article (a JSON object that arnews parse wrote)")
        if "error" in data and "title" not in data:  # what arnews.dask gives for an input it could not parse
            return Failure(place, f"a failed input, not an article ({str(data['error'])[:200]})")
        name = data.pop("file", None)
        data.pop("id", None)  # what arnews.dask adds
        return (name if isinstance(name, str) else place), Article.from_dict(data)
    except (json.JSONDecodeError, UnicodeDecodeError, RecursionError) as exc:
        return Failure(place, f"not JSON ({type(exc).__name__})")
    except (ArnewsError, ValueError, TypeError, KeyError) as exc:
        return Failure(place, f"not an article ({(str(exc).splitlines() or [type(exc).__name__])[0][:200]})")


def _jsonl_articles(path: Path, raw: str) -> Iterator[tuple[str, Article] | Failure]:
    number = 0
    try:
        with open_binary(path) as fh:
            for number, line in enumerate(fh, 1):
                if line.strip():
                    yield _article(line, f"{raw}:{number}")
    except EOFError:
        return  # a gzip member a killed run left cut off: what comes before it is whole
    except (OSError, zlib.error, lzma.LZMAError) as exc:
        yield Failure(f"{raw}:{number + 1}", f"cannot read ({type(exc).__name__}: {exc})")

"""The one place where records become JSON-ready dicts and back (a ``cattrs`` converter)."""

from __future__ import annotations

import datetime as _dt
import json
from decimal import Decimal, InvalidOperation
from importlib import resources
from typing import Any, TypeVar

import attrs
import cattrs

from arnews.errors import InputError

__all__ = ["converter", "from_json", "json_schema", "structure", "to_json", "unstructure"]

T = TypeVar("T")

converter = cattrs.Converter(omit_if_default=False)


def _structure_decimal(value: Any, _: type) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise ValueError(f"not a decimal number: {value!r}")
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        raise ValueError(f"not a decimal number: {value!r}") from None
    if not number.is_finite():
        raise ValueError(f"not a finite decimal number: {value!r}")
    return number


# Scalars are taken as they are, never coerced: a title of 5, a "false" flag or an offset of 1.5 is bad data.
def _structure_str(value: Any, _: type) -> str:
    if not isinstance(value, str):
        raise ValueError(f"expected a string, not {type(value).__name__} {value!r}")
    return value


def _structure_bool(value: Any, _: type) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"expected true or false, not {type(value).__name__} {value!r}")
    return value


def _structure_int(value: Any, _: type) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"expected a whole number, not {type(value).__name__} {value!r}")
    return value


def _structure_float(value: Any, _: type) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError(f"expected a number, not {type(value).__name__} {value!r}")
    return float(value)


def _structure_strings(value: Any, _: type) -> tuple[str, ...]:
    if not isinstance(value, (list, tuple)):
        raise ValueError(f"expected a list of strings, not {type(value).__name__} {value!r}")
    return tuple(_structure_str(item, str) for item in value)


def _structure_datetime(value: Any, _: type) -> _dt.datetime:
    if isinstance(value, _dt.datetime):
        return value
    return _dt.datetime.fromisoformat(str(value))


converter.register_unstructure_hook(Decimal, str)
converter.register_structure_hook(Decimal, _structure_decimal)
converter.register_structure_hook(str, _structure_str)
converter.register_structure_hook(bool, _structure_bool)
converter.register_structure_hook(int, _structure_int)
converter.register_structure_hook(float, _structure_float)
converter.register_structure_hook_func(lambda t: t == tuple[str, ...], _structure_strings)
converter.register_unstructure_hook(_dt.datetime, _dt.datetime.isoformat)
converter.register_structure_hook(_dt.datetime, _structure_datetime)


def unstructure(record: object) -> Any:
    """A record as plain dicts, lists, strings, numbers, booleans and None."""
    return converter.unstructure(record)


def _why(exc: BaseException, kind: type | None) -> str:
    if isinstance(exc, KeyError):
        return "required field missing"
    if isinstance(exc, cattrs.ForbiddenExtraKeysError):
        return f"unknown keys {sorted(exc.extra_fields)}"
    return str(exc) or type(exc).__name__


def structure(data: Any, cls: type[T]) -> T:
    """Rebuild a record of type ``cls`` from what :func:`unstructure` gave.

    Data that does not fit (a missing key, a wrong type, a value a validator refuses) raises
    :class:`~arnews.errors.InputError` naming every place that is wrong.

    >>> from arnews.models import Span
    >>> structure({"text": "نص", "start": 0}, Span)
    Traceback (most recent call last):
    ...
    arnews.errors.InputError: not a valid Span: required field missing @ $.end
    """
    if attrs.has(cls) and not isinstance(data, dict):
        raise InputError(f"a {cls.__name__} is a JSON object, not {type(data).__name__}")
    try:
        return converter.structure(data, cls)
    except cattrs.BaseValidationError as exc:
        problems = "; ".join(cattrs.transform_error(exc, format_exception=_why))
        raise InputError(f"not a valid {cls.__name__}: {problems}") from exc
    except (ValueError, TypeError, AttributeError) as exc:
        raise InputError(f"not a valid {cls.__name__}: {exc}") from exc
    except RecursionError:
        raise InputError(f"not a valid {cls.__name__}: nested too deeply") from None


def to_json(record: object, *, indent: int | None = None) -> str:
    """A record as JSON text, with Arabic left readable.

    >>> from arnews.models import Span
    >>> to_json(Span("نص", 0, 2))
    '{"text": "نص", "start": 0, "end": 2}'
    """
    return json.dumps(unstructure(record), ensure_ascii=False, indent=indent)


def from_json(data: str | bytes, cls: type[T]) -> T:
    """Rebuild a record from :func:`to_json` output.

    >>> from arnews.models import Span
    >>> from_json('{"text": "نص", "start": 0, "end": 2}', Span)
    Span(text='نص', start=0, end=2)
    """
    try:
        parsed = json.loads(data)
    except (ValueError, RecursionError) as exc:  # JSONDecodeError is a ValueError; deep nesting a RecursionError
        raise InputError(f"not valid JSON for {cls.__name__}: {str(exc)[:200]}") from None
    return structure(parsed, cls)


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of ``Article.to_dict()``, shipped in the package.

    >>> schema = json_schema()
    >>> schema["$schema"], schema["title"]
    ('https://json-schema.org/draft/2020-12/schema', 'arnews Article')
    """
    text = resources.files("arnews").joinpath("data/article.schema.json").read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema

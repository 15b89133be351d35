"""The exceptions arnews raises. Catch :class:`ArnewsError` to catch them all."""

from __future__ import annotations

__all__ = ["ArnewsError", "InputError", "KnowledgeBaseError", "ModelError", "WorkerError"]


class ArnewsError(Exception):
    """Base class of every error arnews raises on purpose.

    >>> import arnews
    >>> try:
    ...     arnews.parse(b"not text")
    ... except arnews.ArnewsError as exc:
    ...     print(type(exc).__name__)
    InputError
    """


class InputError(ArnewsError, ValueError):
    """The input cannot be read as an article (not text, binary, too large, undecodable)."""


class ModelError(ArnewsError, RuntimeError):
    """A model file is missing, mismatched or unsafe to load."""


class KnowledgeBaseError(ArnewsError, RuntimeError):
    """A knowledge base file is missing or malformed."""


class WorkerError(ArnewsError, RuntimeError):
    """A worker process of a parallel run (``n_process=``, ``arnews parse --jobs``) died: while parsing an input
    (killed by the system, out of memory, or a crash in native code; the input is named and the run goes on), or
    as it started (the run ends)."""

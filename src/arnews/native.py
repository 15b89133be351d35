"""Whether this installation runs the rule layers compiled. ``ARNEWS_COMPILE=1 pip install arnews`` (or ``.`` in a
checkout) builds the modules of the rule layers with mypyc: C extensions made from the same typed source, which
parse the same articles to the same results, faster (``docs/guide/big-jobs.md`` gives the figures). A plain install
runs that source interpreted. ``arnews --version`` says which.

>>> version() == f"arnews {__version__} (compiled: {'yes' if compiled() else 'no'})"
True
"""

from __future__ import annotations

from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path
from types import ModuleType

from arnews import __version__

__all__ = ["compiled", "compiled_module", "version"]

#: A module every compiled build compiles (``setup.py``), looked for as a file so that nothing is imported.
_SENTINEL = Path(__file__).resolve().parent / "quotes" / "marks"


def compiled() -> bool:
    """True when this installation's rule layers are C extensions compiled by mypyc."""
    return any(_SENTINEL.with_name(_SENTINEL.name + suffix).is_file() for suffix in EXTENSION_SUFFIXES)


def compiled_module(module: ModuleType) -> bool:
    """True when ``module`` was loaded from a C extension (a module of a compiled build keeps no docstrings).

    >>> import arnews.native
    >>> compiled_module(arnews.native)  # never compiled: it answers for the build
    False
    """
    return (getattr(module, "__file__", None) or "").endswith(tuple(EXTENSION_SUFFIXES))


def version() -> str:
    """What ``arnews --version`` prints: the version, and whether this build is compiled."""
    return f"arnews {__version__} (compiled: {'yes' if compiled() else 'no'})"

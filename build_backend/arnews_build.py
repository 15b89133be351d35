"""The build backend: setuptools', which for a compiled wheel (``ARNEWS_COMPILE=1``, ``setup.py``) also asks for mypy,
whose mypyc compiles, and for the packages whose types it reads (setuptools' documented way to add build requirements
dynamically). An editable install is never compiled, so it asks for nothing more."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any

from setuptools import build_meta as _setuptools
from setuptools.build_meta import *  # noqa: F403 (the backend's other hooks, as setuptools defines them)

#: Needed by a compiled build beside the project's own dependencies.
COMPILER = ["mypy>=1.10", "types-tqdm", "pandas-stubs"]

#: Dependencies a compiled build does without: stanza brings torch, and mypy is told to ignore its types.
UNTYPED = ("stanza",)


def _compiler() -> list[str]:
    if os.environ.get("ARNEWS_COMPILE", "").strip().lower() not in {"1", "true", "yes"}:
        return []
    project = tomllib.loads(Path("pyproject.toml").read_text(encoding="utf-8"))["project"]
    typed = [d for d in project["dependencies"] if not d.startswith(UNTYPED)]
    return [*COMPILER, *typed]


def get_requires_for_build_wheel(config_settings: dict[str, Any] | None = None) -> list[str]:
    return [*_setuptools.get_requires_for_build_wheel(config_settings), *_compiler()]

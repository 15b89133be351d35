"""The build backend: setuptools', which for a compiled wheel (``ARNEWS_COMPILE=1``) also asks for what
``setup.py`` says compiling needs (setuptools' documented way to add build requirements dynamically). An editable
install is never compiled, so it asks for nothing more."""

from __future__ import annotations

import runpy
from pathlib import Path
from typing import Any

from setuptools import build_meta as _setuptools
from setuptools.build_meta import *  # noqa: F403 (the backend's other hooks, as setuptools defines them)


def get_requires_for_build_wheel(config_settings: dict[str, Any] | None = None) -> list[str]:
    setup = runpy.run_path(str(Path("setup.py").resolve()), run_name="setup")  # its definitions, not setup()
    compiler: list[str] = setup["compile_requirements"]()
    return [*_setuptools.get_requires_for_build_wheel(config_settings), *compiler]

"""Build hook: ``ARNEWS_COMPILE=1 pip install .`` compiles the rule layers' modules with mypyc (C extensions
beside the same Python source); without it the build is pure Python. See ``docs/guide/big-jobs.md``."""

from __future__ import annotations

import os
import sys
import tomllib
from pathlib import Path

from setuptools import setup

#: The packages of the rule layers and of the page's structure, compiled whole but for the modules below.
COMPILED_PACKAGES = ("core", "linker", "quotes", "dates", "money", "parser")

#: Modules compiled from packages otherwise left in Python: the KB's keys, which the gazetteer asks of every new
#: word (the KB itself stays a Python class: it is pickled for spawned workers and weakly referenced by its memos),
#: and the rule splitter of sentences (the rest of ``arnews.nlp`` holds the model's loaders).
COMPILED_MODULES = ("kb/keys.py", "nlp/rules.py")

#: Modules left in Python: their attrs classes take a default from ``attrs.field(factory=...)``, which compiled
#: class bodies reject (mypyc checks the ``field()`` value against the attribute's type).
LEFT_IN_PYTHON = frozenset(
    {"linker/cands.py", "linker/model.py", "quotes/reading.py", "money/donation_article.py", "parser/structure.py"}
)

#: The setuptools commands that compile: building a wheel or installing. Metadata and the sdist compile nothing,
#: nor does an editable install (``editable_wheel``): a compiled module would hide the source being edited.
BUILDS = frozenset({"bdist_wheel", "build", "build_ext", "install"})


def compiling() -> bool:
    """Whether this build compiles (``ARNEWS_COMPILE`` set to 1, true or yes)."""
    return os.environ.get("ARNEWS_COMPILE", "").strip().lower() in {"1", "true", "yes"}


#: Needed by a compiled build beside the project's dependencies; of those, stanza is left out (it brings torch,
#: and mypy is told to ignore its types).
COMPILER = ("mypy>=1.10", "types-tqdm", "pandas-stubs")
UNTYPED = ("stanza",)


def compile_requirements() -> list[str]:
    """What the build environment needs to compile (mypy holds mypyc; it reads the dependencies' types); nothing
    when this build does not compile. Asked by the build backend (``build_backend/arnews_build.py``)."""
    if not compiling():
        return []
    project = tomllib.loads((Path(__file__).resolve().parent / "pyproject.toml").read_text(encoding="utf-8"))
    return [*COMPILER, *(d for d in project["project"]["dependencies"] if not d.startswith(UNTYPED))]


def compiled_sources() -> list[str]:
    """The source files mypyc compiles, relative to the project's root."""
    root = Path(__file__).resolve().parent / "src" / "arnews"
    whole = [
        path
        for package in COMPILED_PACKAGES
        for path in sorted((root / package).glob("*.py"))
        if path.name != "__init__.py" and f"{package}/{path.name}" not in LEFT_IN_PYTHON
    ]
    return [str(path.relative_to(root.parent.parent)) for path in [*whole, *(root / m for m in COMPILED_MODULES)]]


def ext_modules() -> list[object]:
    if not compiling() or not BUILDS & set(sys.argv):
        return []  # metadata, requirements and the sdist: nothing to compile (the wheel's build compiles)
    try:
        from mypyc.build import mypycify
    except ImportError:
        raise SystemExit("ARNEWS_COMPILE=1: the build needs mypy, whose mypyc compiles (pip install mypy)") from None

    return list(mypycify(compiled_sources(), opt_level="3", separate=False))


if __name__ == "__main__":  # as setuptools runs it (the tests read the lists above without building)
    setup(ext_modules=ext_modules())

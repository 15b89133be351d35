"""The documentation's promises: every public name is documented, docstring examples run, the API reference and
the tutorial notebooks are complete and up to date."""

from __future__ import annotations

import doctest
import importlib
import inspect
import json
import pkgutil
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

import arnews
from arnews.native import compiled_module

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
EXAMPLES = ROOT / "examples"

#: The entry function of every pipeline stage, documented in the API reference next to ``arnews.__all__``.
STAGE_ENTRIES = [
    ("arnews.core.text", "view"),
    ("arnews.core.text", "normalize"),
    ("arnews.parser", "parse_structure"),
    ("arnews.nlp", "default_analyzer"),
    ("arnews.linker", "link_entities"),
    ("arnews.quotes", "extract_quotes"),
    ("arnews.money", "extract_money"),
    ("arnews.dates", "extract_dates"),
    ("arnews.money.donations", "extract_donations"),
]


def _modules() -> list[ModuleType]:
    found = pkgutil.walk_packages(arnews.__path__, "arnews.")
    names = ["arnews", *sorted(m.name for m in found if not m.name.endswith("__main__"))]
    return [importlib.import_module(n) for n in names]


def _public_names() -> list[str]:
    return [n for n in arnews.__all__ if not n.startswith("_")]


def _own_public_members(cls: type) -> list[str]:
    """Methods and properties written in the class body (not those attrs generates), not starting with ``_``."""
    out = []
    for name, value in vars(cls).items():
        if name.startswith("_"):
            continue
        func = value.__func__ if isinstance(value, (classmethod, staticmethod)) else value
        if inspect.isfunction(func) or isinstance(func, property):
            out.append(name)
    return out


@pytest.mark.parametrize("name", _public_names())
def test_every_public_name_has_a_docstring(name: str) -> None:
    obj = getattr(arnews, name)
    doc = inspect.getdoc(obj)
    assert doc and len(doc.split()) >= 4, f"arnews.{name} needs a docstring that says what it is"
    if inspect.isclass(obj):
        for member in _own_public_members(obj):
            assert inspect.getdoc(getattr(obj, member)), f"arnews.{name}.{member} has no docstring"


@pytest.mark.parametrize(("module", "name"), STAGE_ENTRIES)
def test_every_stage_entry_function_has_a_docstring(module: str, name: str) -> None:
    obj = getattr(importlib.import_module(module), name)
    if compiled_module(sys.modules[obj.__module__]):  # mypyc keeps no docstrings: the pure build's run checks them
        pytest.skip(f"{obj.__module__} is compiled: its docstrings are checked in the pure build")
    assert inspect.getdoc(obj), f"{module}.{name} has no docstring"


@pytest.mark.parametrize("module", _modules(), ids=lambda m: m.__name__)
def test_every_module_says_what_it_does(module: ModuleType) -> None:
    if compiled_module(module):
        pytest.skip(f"{module.__name__} is compiled: its docstring is checked in the pure build")
    assert module.__doc__ and module.__doc__.strip(), f"{module.__name__} has no module docstring"


def _modules_with_examples() -> list[ModuleType]:
    finder = doctest.DocTestFinder(exclude_empty=True)
    return [m for m in _modules() if any(t.examples for t in finder.find(m, m.__name__))]


@pytest.mark.parametrize("module", _modules_with_examples(), ids=lambda m: m.__name__)
def test_docstring_examples_run(module: ModuleType) -> None:
    finder = doctest.DocTestFinder(exclude_empty=True)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    report: list[str] = []
    for test in finder.find(module, module.__name__):
        runner.run(test, out=report.append)
    result = runner.summarize(verbose=False)
    assert result.attempted > 0
    assert result.failed == 0, "".join(report)


def test_the_api_reference_lists_every_public_name() -> None:
    api = (DOCS / "api.rst").read_text(encoding="utf-8")
    words = set(re.findall(r"[A-Za-z_][A-Za-z0-9_]*", api))
    missing = [n for n in _public_names() if n not in words]
    assert not missing, f"docs/api.rst does not document {missing}"
    missing = [f"{m}.{n}" for m, n in STAGE_ENTRIES if n not in words or m not in api]
    assert not missing, f"docs/api.rst does not document the stage entries {missing}"


def test_every_docs_page_is_in_a_toctree() -> None:
    pages = {p.relative_to(DOCS).with_suffix("").as_posix() for p in DOCS.rglob("*.md")} | {
        p.relative_to(DOCS).with_suffix("").as_posix() for p in DOCS.rglob("*.rst")
    }
    pages = {p for p in pages if not p.startswith("_build/")} - {"index"}
    listed: set[str] = set()
    for source in [*DOCS.rglob("*.md"), *DOCS.rglob("*.rst")]:
        text = source.read_text(encoding="utf-8")
        for block in re.findall(r"```\{toctree\}(.*?)```", text, flags=re.S):
            base = source.parent.relative_to(DOCS)
            for line in block.splitlines():
                entry = line.strip()
                if entry and not entry.startswith(":"):
                    listed.add((base / entry).as_posix() if str(base) != "." else entry)
    globbed = {p for p in pages for pat in listed if "*" in pat and Path(p).match(pat)}
    missing = sorted(pages - listed - globbed)
    assert not missing, f"docs pages outside every toctree: {missing}"


def _notebooks() -> list[Path]:
    return sorted(EXAMPLES.glob("*.ipynb"))


def test_there_are_tutorial_notebooks() -> None:
    names = [p.name for p in _notebooks()]
    assert "01_parse_one_article.ipynb" in names
    assert len(names) >= 3


@pytest.mark.parametrize("path", _notebooks(), ids=lambda p: p.name)
def test_notebooks_are_valid_and_stored_with_their_outputs(path: Path) -> None:
    nb = json.loads(path.read_text(encoding="utf-8"))
    assert nb["nbformat"] == 4
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert code, "a notebook with no code"
    # executed top to bottom by scripts/run_notebooks.py --write: every cell ran, in order, none failed
    assert [c["execution_count"] for c in code] == list(range(1, len(code) + 1)), "run scripts/run_notebooks.py --write"
    assert not [o for c in code for o in c["outputs"] if o["output_type"] == "error"]
    assert all("execution" not in c.get("metadata", {}) for c in code), "no timings: outputs stay comparable"
    assert nb["cells"][0]["cell_type"] == "markdown" and "".join(nb["cells"][0]["source"]).startswith("# ")
    for cell in code:
        compile("".join(cell["source"]), f"{path.name}:{cell.get('id')}", "exec")  # the code at least parses


def test_notebooks_match_their_generator() -> None:
    pytest.importorskip("nbformat")
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "make_notebooks.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def _pages_with_examples() -> list[Path]:
    return sorted(
        p
        for p in DOCS.rglob("*.md")
        if "_build" not in p.parts and "examples" not in p.parts and "```pycon" in p.read_text(encoding="utf-8")
    )


@pytest.mark.parametrize("page", _pages_with_examples(), ids=lambda p: p.relative_to(DOCS).as_posix())
def test_the_examples_of_the_guides_run(page: Path) -> None:
    """Every ```pycon block of a docs page runs as a doctest (the blocks of one page share their names)."""
    blocks = re.findall(r"```pycon\n(.*?)```", page.read_text(encoding="utf-8"), flags=re.S)
    source = "\n".join(blocks)
    test = doctest.DocTestParser().get_doctest(source, {}, page.name, str(page), 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    report: list[str] = []
    runner.run(test, out=report.append)
    assert test.examples
    assert runner.failures == 0, "".join(report)


def _self_contained_console_examples() -> list[tuple[str, str, str]]:
    """(page, command, expected output) of every ```console block that is one `printf ... |` command and its output."""
    found = []
    for page in sorted(DOCS.rglob("*.md")):
        if "_build" in page.parts:
            continue
        for block in re.findall(r"```console\n(.*?)```", page.read_text(encoding="utf-8"), flags=re.S):
            lines = block.rstrip("\n").split("\n")
            commands = [line for line in lines if line.startswith("$ ")]
            if len(commands) == 1 and lines[0].startswith("$ printf ") and len(lines) > 1:
                found.append((page.name, lines[0][2:], "\n".join(lines[1:])))
    return found


@pytest.mark.parametrize(("page", "command", "expected"), _self_contained_console_examples())
def test_the_console_examples_print_what_the_docs_show(page: str, command: str, expected: str) -> None:
    bin_dir = Path(sys.executable).parent
    done = subprocess.run(
        ["bash", "-c", command],
        capture_output=True,
        text=True,
        check=False,
        env={"PATH": f"{bin_dir}:/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": str(ROOT)},
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.rstrip("\n") == expected.rstrip("\n")


def test_there_are_console_examples() -> None:
    assert _self_contained_console_examples()

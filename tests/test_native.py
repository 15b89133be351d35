"""The compiled build (``ARNEWS_COMPILE=1``, ``setup.py``): :func:`arnews.native.compiled` and ``arnews
--version`` say which build runs, and a compiled build holds every module ``setup.py`` names as an extension. CI
runs the whole suite against both builds."""

from __future__ import annotations

import importlib
import runpy
from pathlib import Path

import pytest

import arnews
from arnews.cli import main
from arnews.native import compiled, compiled_module

ROOT = Path(__file__).resolve().parent.parent


def _is_extension(module: str) -> bool:
    return compiled_module(importlib.import_module(module))


def _setup_sources() -> list[str]:
    found: list[str] = runpy.run_path(str(ROOT / "setup.py"), run_name="setup")["compiled_sources"]()
    return found


def test_compiled_says_whether_the_rule_layers_are_extensions() -> None:
    assert compiled() is _is_extension("arnews.quotes.marks")


def test_the_version_says_which_build_runs(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--version"])
    built = "yes" if compiled() else "no"
    assert capsys.readouterr().out.strip() == f"arnews {arnews.__version__} (compiled: {built})"


def test_a_build_compiles_every_module_setup_names_or_none() -> None:
    sources = _setup_sources()
    modules = [s.removeprefix("src/").removesuffix(".py").replace("/", ".") for s in sources]
    assert "arnews.quotes.marks" in modules and "arnews.linker.kb_names" in modules
    assert "arnews.linker.cands" not in modules  # left in Python (its attrs defaults)
    assert "arnews.kb.keys" in modules and "arnews.kb.store" not in modules  # the KB's keys, not the KB
    assert "arnews.parser.lines" in modules and "arnews.parser.structure" not in modules  # its attrs defaults
    assert "arnews.nlp.rules" in modules and "arnews.nlp.tagger" not in modules  # the splitter, not the model
    assert [m for m in modules if _is_extension(m) != compiled()] == []


def test_a_compiled_build_asks_for_mypy_and_the_typed_dependencies_only(monkeypatch: pytest.MonkeyPatch) -> None:
    setup = runpy.run_path(str(ROOT / "setup.py"), run_name="setup")
    monkeypatch.delenv("ARNEWS_COMPILE", raising=False)
    assert setup["compile_requirements"]() == []
    monkeypatch.setenv("ARNEWS_COMPILE", "1")
    wanted = setup["compile_requirements"]()
    assert wanted[0].startswith("mypy") and any(w.startswith("attrs") for w in wanted)
    assert not any(w.startswith("stanza") for w in wanted)  # it would bring torch into the build

"""The shape of the package: data flows one way (no import circle), units stay small enough to read, and nothing
remembered per word grows without bound over a long run or weighs on the garbage collector."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "arnews"
MAX_MODULE_LINES = 400
MAX_CLASS_LINES = 200
MAX_FUNCTION_LINES = 60


def _module_name(path: Path) -> str:
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, ast.Module]:
    return {_module_name(p): ast.parse(p.read_text(encoding="utf-8")) for p in sorted(SRC.rglob("*.py"))}


def _top_level_imports(name: str, tree: ast.Module, known: set[str]) -> set[str]:
    """arnews modules imported when ``name`` is imported (imports inside functions are deferred and left out)."""
    found: set[str] = set()
    package = name if name in known and any(k.startswith(name + ".") for k in known) else name.rsplit(".", 1)[0]
    for node in tree.body:
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.startswith("arnews"))
        elif isinstance(node, ast.ImportFrom) and node.module:
            base = node.module if node.level == 0 else package.rsplit(".", node.level - 1)[0] + "." + node.module
            if not base.startswith("arnews"):
                continue
            for alias in node.names:  # "from arnews.quotes import speakers" imports a module
                found.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base)
    return {m for m in found if m in known and m != name}


def test_no_import_circle() -> None:
    modules = _modules()
    known = set(modules)
    graph = {name: _top_level_imports(name, tree, known) for name, tree in modules.items()}
    assert graph["arnews.pipeline"] >= {"arnews.processors", "arnews.document"}  # the graph is read
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                pytest.fail("import circle: " + " -> ".join([*path[path.index(nxt) :], nxt]))
            if nxt not in state:
                visit(nxt)
        path.pop()
        state[node] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name)


@pytest.mark.parametrize("path", sorted(SRC.rglob("*.py")), ids=lambda p: str(p.relative_to(SRC)))
def test_units_are_small(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert len(text.splitlines()) <= MAX_MODULE_LINES, f"{path.name} has over {MAX_MODULE_LINES} lines"
    for node in ast.walk(ast.parse(text)):
        size = (node.end_lineno or node.lineno) - node.lineno + 1 if hasattr(node, "lineno") else 0
        if isinstance(node, ast.ClassDef):
            assert size <= MAX_CLASS_LINES, f"class {node.name} has {size} lines"
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            assert size <= MAX_FUNCTION_LINES, f"{node.name}() has {size} lines"


#: Argument types that a cache without a bound may be keyed by: a closed set of names, not the words of a corpus.
CLOSED_KEYS = frozenset({"ListName", "TableName"})


def _unbounded(decorator: ast.expr) -> bool:
    """``@cache``, ``@functools.cache`` or ``@lru_cache(maxsize=None)``."""
    if isinstance(decorator, ast.Call):
        return ast.unparse(decorator.func).endswith("lru_cache") and any(
            k.arg == "maxsize" and isinstance(k.value, ast.Constant) and k.value.value is None
            for k in decorator.keywords
        )
    return ast.unparse(decorator) in ("cache", "functools.cache")


def _open_keys(node: ast.FunctionDef) -> list[str]:
    """The arguments of ``node`` whose values a corpus keeps bringing new ones of (a word, a phrase, a number)."""
    args = [*node.args.posonlyargs, *node.args.args, *node.args.kwonlyargs]
    return [
        a.arg
        for a in args
        if not (a.arg == "lang" or (a.annotation is not None and ast.unparse(a.annotation) in CLOSED_KEYS))
    ]


@pytest.mark.parametrize("path", sorted(SRC.rglob("*.py")), ids=lambda p: str(p.relative_to(SRC)))
def test_nothing_is_remembered_per_word_without_a_bound(path: Path) -> None:
    """A process that parses an archive meets new words to the end: what it remembers about words has a bound
    (``lru_cache(maxsize=...)`` or :class:`arnews.core.memo.Memo`); ``@cache`` is for lexicons, loaded once."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and any(map(_unbounded, node.decorator_list)):
            assert not _open_keys(node), f"{node.name}() remembers every {_open_keys(node)} it is given"


#: The most entries an ``lru_cache`` may hold: a bigger one keeps its entries on a linked list that every full
#: collection of the garbage collector walks (:func:`arnews.core.memo.word_cache` keeps them in a dictionary).
MAX_LRU = 64


def _lru_size(decorator: ast.expr) -> int | None:
    """The entries an ``lru_cache`` decorator lets its function keep (128 unless it says), None for another one."""
    call = decorator if isinstance(decorator, ast.Call) else None
    if not ast.unparse(call.func if call else decorator).endswith("lru_cache"):
        return None
    sizes = (
        [k.value.value for k in call.keywords if k.arg == "maxsize" and isinstance(k.value, ast.Constant)]
        if call
        else []
    )
    if not sizes:
        return 128  # lru_cache's default
    return sizes[0] if isinstance(sizes[0], int) else sys.maxsize  # maxsize=None: no bound at all


@pytest.mark.parametrize("path", sorted(SRC.rglob("*.py")), ids=lambda p: str(p.relative_to(SRC)))
def test_words_are_cached_in_dictionaries(path: Path) -> None:
    """Per-word caches are :func:`arnews.core.memo.word_cache` (bounded by the pipeline's trimming), not big
    ``lru_cache`` objects whose entries every full garbage collection walks."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for decorator in node.decorator_list:
                size = _lru_size(decorator)
                assert size is None or size <= MAX_LRU, f"{node.name}() is an lru_cache of {size}: use word_cache"

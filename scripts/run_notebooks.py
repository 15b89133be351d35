"""Execute every notebook of examples/ top to bottom with nbclient; exit 1 on the first error.

Usage::

    .venv/bin/python scripts/run_notebooks.py [NOTEBOOK...] [--write | --check] [--docs docs/examples]
        [--executed DIR] [--timeout S]

The kernel is this interpreter (``sys.executable``, which needs ipykernel): a kernel spec is written to a
temporary Jupyter path for the run, so nothing has to be registered and a kernel named ``python3`` elsewhere on
the machine is not used by mistake. Each notebook runs with its own folder as the working directory.

``--write`` stores the outputs in the notebooks of examples/ (they are committed with their outputs); ``--check``
exits 1 when an output differs from the committed one (text, tables and errors compared exactly; an image only
for being there, as its pixels depend on fonts). A notebook whose metadata names data it needs
(``"arnews": {"needs": "../../shared/corpus/saudinewsnet"}``, relative to examples/) is run but not compared
where that data is absent. ``--docs DIR`` writes each executed notebook as a MyST Markdown page (code, text
output, tables and images) into DIR for the Sphinx site; ``--executed DIR`` writes the executed ``.ipynb`` files.
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
KERNEL = "arnews-notebooks"


def _kernel_path(tmp: Path) -> None:
    spec_dir = tmp / "kernels" / KERNEL
    spec_dir.mkdir(parents=True)
    spec = {
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": f"arnews ({sys.executable})",
        "language": "python",
        "env": {"MPLBACKEND": "module://matplotlib_inline.backend_inline", "PYTHONWARNINGS": "ignore"},
    }
    (spec_dir / "kernel.json").write_text(json.dumps(spec), encoding="utf-8")
    os.environ["JUPYTER_PATH"] = os.pathsep.join(filter(None, [str(tmp), os.environ.get("JUPYTER_PATH")]))


def execute(path: Path, timeout: int) -> nbformat.NotebookNode:
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb,
        timeout=timeout,
        kernel_name=KERNEL,
        resources={"metadata": {"path": str(path.parent)}},
        allow_errors=False,
        record_timing=False,
    )
    client.execute()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    return nb


def _shown(nb: nbformat.NotebookNode) -> list[list[tuple[str, str]]]:
    """What each cell shows: text and tables exactly (a stream's chunks joined), an image as being there."""
    shown = []
    for cell in nb.cells:
        outs: list[tuple[str, str]] = []
        for out in cell.get("outputs", []) if cell.cell_type == "code" else []:
            kind = out.get("output_type", "")
            if kind == "stream":
                name, text = str(out.get("name", "")), str(out.get("text", ""))
                if outs and outs[-1][0] == name:  # a stream comes in chunks that vary from run to run
                    outs[-1] = (name, outs[-1][1] + text)
                else:
                    outs.append((name, text))
            elif kind == "error":
                outs.append(("error", f"{out.get('ename')}: {out.get('evalue')}"))
            else:
                data = out.get("data", {})
                for mime in ("image/png", "text/html", "text/plain"):
                    if mime in data:
                        outs.append((mime, "" if mime == "image/png" else str(data[mime])))
                        break
        shown.append(outs)
    return shown


def compare(committed: Path, executed: nbformat.NotebookNode) -> list[str]:
    """The cells whose outputs differ between the committed notebook and this run."""
    old = _shown(nbformat.read(committed, as_version=4))
    new = _shown(executed)
    if len(old) != len(new):
        return [f"{committed.name}: {len(old)} cells committed, {len(new)} run"]
    return [
        f"{committed.name}, cell {i}: committed {a!r:.300} != run {b!r:.300}"
        for i, (a, b) in enumerate(zip(old, new, strict=True))
        if a != b
    ]


def _needs_missing(nb: nbformat.NotebookNode, folder: Path) -> str | None:
    needs = nb.metadata.get("arnews", {}).get("needs")
    return needs if needs and not (folder / needs).exists() else None


def _fence(body: str, lang: str = "text") -> str:
    ticks = "```"
    while ticks in body:
        ticks += "`"
    return f"{ticks}{lang}\n{body.rstrip()}\n{ticks}\n"


def _output_md(out: dict[str, Any], images: Path, stem: str, counter: list[int]) -> str:
    kind = out.get("output_type")
    if kind == "stream":
        return _fence(str(out.get("text", "")))
    if kind in ("execute_result", "display_data"):
        data = out.get("data", {})
        if "image/png" in data:
            counter[0] += 1
            images.mkdir(parents=True, exist_ok=True)
            name = f"{stem}_{counter[0]}.png"
            (images / name).write_bytes(base64.b64decode(data["image/png"]))
            return f"![output of the cell above]({images.name}/{name})\n"
        if "text/html" in data:
            html = str(data["text/html"])
            return '```{raw} html\n<div class="nb-output">\n' + html.strip() + "\n</div>\n```\n"
        if "text/plain" in data:
            return _fence(str(data["text/plain"]))
    return ""


def _joined_streams(outputs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The outputs with consecutive chunks of one stream joined into one."""
    joined: list[dict[str, Any]] = []
    for out in outputs:
        prev = joined[-1] if joined else None
        same = prev is not None and out.get("name") == prev.get("name")
        if same and prev and out.get("output_type") == "stream" == prev.get("output_type"):
            joined[-1] = {**prev, "text": str(prev.get("text", "")) + str(out.get("text", ""))}
        else:
            joined.append(out)
    return joined


def to_markdown(nb: nbformat.NotebookNode, stem: str, out_dir: Path) -> str:
    """A MyST page of an executed notebook; images go to ``out_dir/<stem>_files``."""
    images = out_dir / f"{stem}_files"
    shutil.rmtree(images, ignore_errors=True)
    counter = [0]
    parts = []
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            parts.append(cell.source.strip() + "\n")
        elif cell.cell_type == "code":
            parts.append(_fence(cell.source, "python"))
            parts.extend(_output_md(o, images, stem, counter) for o in _joined_streams(cell.get("outputs", [])))
    source = f"examples/{stem}.ipynb"
    parts.insert(1, f"*This page is the notebook `{source}`, executed by `scripts/run_notebooks.py`.*\n")
    return "\n".join(p for p in parts if p)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("notebooks", nargs="*", type=Path, help="notebooks to run (default: every examples/*.ipynb)")
    mode = ap.add_mutually_exclusive_group()
    mode.add_argument("--write", action="store_true", help="store the outputs in the notebooks of examples/")
    mode.add_argument("--check", action="store_true", help="exit 1 when an output differs from the committed one")
    ap.add_argument("--docs", type=Path, help="write executed notebooks as MyST Markdown pages into this folder")
    ap.add_argument("--executed", type=Path, help="write executed .ipynb copies into this folder")
    ap.add_argument("--timeout", type=int, default=600, help="seconds allowed per cell (default 600)")
    args = ap.parse_args(argv)
    notebooks = [p.resolve() for p in args.notebooks] or sorted(EXAMPLES.glob("*.ipynb"))
    if not notebooks:
        print("no notebooks found", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="arnews-kernel-") as tmp:
        _kernel_path(Path(tmp))
        total = time.perf_counter()
        for path in notebooks:
            began = time.perf_counter()
            try:
                nb = execute(path, args.timeout)
            except CellExecutionError as exc:
                print(f"FAILED {path.name}:\n{exc}", file=sys.stderr)
                return 1
            print(f"ok {path.name} ({time.perf_counter() - began:.1f} s)")
            if args.check:
                missing = _needs_missing(nb, path.parent)
                if missing:
                    print(f"   outputs not compared: {missing} is absent")
                elif differences := compare(path, nb):
                    print("\n".join(["outputs differ from the committed ones:", *differences]), file=sys.stderr)
                    return 1
            if args.write:
                nbformat.write(nb, path)
            if args.executed:
                args.executed.mkdir(parents=True, exist_ok=True)
                nbformat.write(nb, args.executed / path.name)
            if args.docs:
                args.docs.mkdir(parents=True, exist_ok=True)
                page = args.docs / f"{path.stem}.md"
                page.write_text(to_markdown(nb, path.stem, args.docs), encoding="utf-8")
        print(f"{len(notebooks)} notebooks in {time.perf_counter() - total:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())

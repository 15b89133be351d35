"""Execute every notebook of examples/ top to bottom with nbclient; exit 1 on the first error.

Usage::

    .venv/bin/python scripts/run_notebooks.py [NOTEBOOK...] [--docs docs/examples] [--executed DIR] [--timeout S]

The kernel is this interpreter (``sys.executable``, which needs ipykernel): a kernel spec is written to a
temporary Jupyter path for the run, so nothing has to be registered and a kernel named ``python3`` elsewhere on
the machine is not used by mistake. Each notebook runs with its own folder as the working directory.

``--docs DIR`` writes each executed notebook as a MyST Markdown page (code, text output, tables and images) into
DIR for the Sphinx site; ``--executed DIR`` writes the executed ``.ipynb`` files.
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
    )
    client.execute()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    return nb


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
            parts.extend(_output_md(o, images, stem, counter) for o in cell.get("outputs", []))
    source = f"examples/{stem}.ipynb"
    parts.insert(1, f"*This page is the notebook `{source}`, executed by `scripts/run_notebooks.py`.*\n")
    return "\n".join(p for p in parts if p)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("notebooks", nargs="*", type=Path, help="notebooks to run (default: every examples/*.ipynb)")
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

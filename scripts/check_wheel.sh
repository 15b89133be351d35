#!/usr/bin/env bash
# Release check: build the sdist and the wheel, `twine check` them, install the wheel into a fresh venv in a
# temporary folder and smoke-test it there, outside the source tree:
#   - every file under src/arnews/data (lexicons, schema, models, knowledge base) and py.typed is in the wheel;
#   - the installed package is imported from the venv, not from the source tree, and finds its data files;
#   - `arnews parse` runs on the seed articles and prints valid JSON.
#
# Usage: scripts/check_wheel.sh [--keep]      (--keep leaves the temporary folder for inspection)
# Environment: PYTHON (default .venv/bin/python) builds; BASE_PYTHON (default python3) makes the fresh venv.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PYTHON=${PYTHON:-$ROOT/.venv/bin/python}
BASE_PYTHON=${BASE_PYTHON:-python3}
KEEP=0
[ "${1:-}" = "--keep" ] && KEEP=1

TMP=$(mktemp -d -t arnews-wheel-XXXXXX)
cleanup() { if [ "$KEEP" = 1 ]; then echo "kept $TMP"; else rm -rf "$TMP"; fi; }
trap cleanup EXIT

echo "== build (sdist + wheel) into $TMP/dist"
"$PYTHON" -m build --outdir "$TMP/dist" . >"$TMP/build.log" 2>&1 || { tail -40 "$TMP/build.log"; exit 1; }
WHEEL=$(ls "$TMP"/dist/arnews-*.whl)
SDIST=$(ls "$TMP"/dist/arnews-*.tar.gz)
ls -l "$WHEEL" "$SDIST"

echo "== twine check"
"$PYTHON" -m twine check --strict "$WHEEL" "$SDIST"

echo "== package data inside the wheel and the sdist"
"$PYTHON" - "$WHEEL" "$SDIST" "$ROOT/src/arnews" <<'EOF'
import sys
import tarfile
import zipfile
from pathlib import Path

wheel, sdist, pkg = sys.argv[1], sys.argv[2], Path(sys.argv[3])
expected = {"arnews/py.typed"}
expected |= {
    "arnews/" + p.relative_to(pkg).as_posix()
    for p in (pkg / "data").rglob("*")
    if p.is_file() and "__pycache__" not in p.parts
}
in_wheel = set(zipfile.ZipFile(wheel).namelist())
missing = sorted(expected - in_wheel)
if missing:
    sys.exit(f"missing from the wheel: {missing}")
with tarfile.open(sdist) as tar:
    in_sdist = {n.split("/", 1)[1] for n in tar.getnames() if "/" in n}
missing = sorted(f for f in expected if "src/" + f not in in_sdist)
if missing:
    sys.exit(f"missing from the sdist: {missing}")
stray = sorted(n for n in in_wheel if n.startswith(("tests/", "training/", "benchmarks/", "seeds/")))
if stray:
    sys.exit(f"files outside the package in the wheel: {stray}")
kinds = sorted({f.split("/")[2] for f in expected if f.startswith("arnews/data/") and f.count("/") > 2})
print(f"ok: {len(expected)} data files (folders: {', '.join(kinds)}) in both")
EOF

echo "== fresh venv"
"$BASE_PYTHON" -m venv "$TMP/venv"
VPY=$TMP/venv/bin/python
"$VPY" -m pip install -q torch==2.13.0 >"$TMP/pip.log" 2>&1 || { tail -20 "$TMP/pip.log"; exit 1; }
"$VPY" -m pip install -q "$WHEEL" >>"$TMP/pip.log" 2>&1 || { tail -20 "$TMP/pip.log"; exit 1; }

echo "== smoke test outside the source tree ($TMP/run)"
mkdir -p "$TMP/run"
cp -r "$ROOT/seeds" "$TMP/run/seeds"
cd "$TMP/run"
HAS_MODEL=0; [ -f "$ROOT/src/arnews/data/models/ar_ner.json" ] && HAS_MODEL=1
HAS_KB=0; [ -f "$ROOT/src/arnews/data/kb/kb.jsonl.gz" ] && HAS_KB=1
"$VPY" - "$ROOT" "$HAS_MODEL" "$HAS_KB" <<'EOF'
import sys
from importlib import resources
from pathlib import Path

import arnews
from arnews.core.lexicons import load_list, load_table
from arnews.serialize import json_schema

root, has_model, has_kb = Path(sys.argv[1]), sys.argv[2] == "1", sys.argv[3] == "1"
where = Path(arnews.__file__).resolve()
assert root not in where.parents, f"arnews was imported from the source tree: {where}"
assert "torch" not in sys.modules and "stanza" not in sys.modules, "import arnews loaded torch or stanza"
data = resources.files("arnews").joinpath("data")
assert resources.files("arnews").joinpath("py.typed").is_file()
assert json_schema()["type"] == "object"
lexicons = sorted(p.name for p in data.joinpath("lexicons/ar").iterdir())
assert lexicons, "no lexicons in the installed package"
for name in lexicons:
    stem, suffix = name.rsplit(".", 1)
    rows = load_list(stem) if suffix == "txt" else load_table(stem)
    assert rows, f"lexicon {name} is empty"
if has_model:
    assert data.joinpath("models/ar_ner.json").is_file(), "the embedded NER model is not installed"
if has_kb:
    assert data.joinpath("kb/kb.jsonl.gz").is_file(), "the knowledge base is not installed"
print(f"ok: arnews {arnews.__version__} from {where.parent}, {len(lexicons)} lexicons, "
      f"model={'yes' if has_model else 'absent in source'}, kb={'yes' if has_kb else 'absent in source'}")
EOF
"$TMP/venv/bin/arnews" parse seeds --format jsonl >"$TMP/out.jsonl"
"$VPY" - "$TMP/out.jsonl" <<'EOF'
import json
import sys

import arnews

rows = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
assert len(rows) == 3, f"expected 3 articles, got {len(rows)}"
for row in rows:
    article = arnews.Article.from_dict({k: v for k, v in row.items() if k != "file"})
    assert article.title and article.paragraphs, row["file"]
    print(f"ok: {row['file']}: {len(article.paragraphs)} paragraphs, {len(article.entities)} entities, "
          f"{len(article.quotes)} quotes, {len(article.money)} money, {len(article.dates)} dates")
EOF
"$TMP/venv/bin/arnews" --version
echo "== wheel check passed ($(du -h "$WHEEL" | cut -f1) wheel)"

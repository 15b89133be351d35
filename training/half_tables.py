"""Store a trained tagger's embedding tables in float16 (half the size on disk; Stanza copies them into float32
parameters when it loads them, so tagging runs in float32 as before).

    .venv/bin/python training/half_tables.py MODEL_DIR

Rewrites MODEL_DIR/ar_ner.pt (tables of at least a million numbers: the word-embedding delta) and the pretrain
file its ar_ner.json names, and updates the SHA-256 sums there.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

BIG = 1_000_000  # numbers in a table worth halving; the LSTMs stay float32


def _half(value: Any) -> Any:
    import numpy as np
    import torch

    if isinstance(value, np.ndarray) and value.dtype == np.float32 and value.size >= BIG:
        return torch.from_numpy(value).half()
    if isinstance(value, torch.Tensor) and value.dtype == torch.float32 and value.numel() >= BIG:
        return value.half()
    return value


def half_file(path: Path, key: str) -> None:
    """Halve the big float tables of ``path``: the tensors of its ``key`` dict (``model``) or ``key`` itself
    (``emb``)."""
    import torch

    data = torch.load(path, map_location="cpu", weights_only=True)
    part = data[key]
    data[key] = {k: _half(v) for k, v in part.items()} if isinstance(part, dict) else _half(part)
    torch.save(data, path)


def half_model_dir(directory: Path) -> None:
    meta_path = directory / "ar_ner.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    files: dict[str, str] = meta["files"]
    half_file(directory / files["ner"], "model")
    if files.get("pretrain"):
        half_file(directory / files["pretrain"], "emb")
    meta["sha256"] = {name: hashlib.sha256((directory / name).read_bytes()).hexdigest() for name in files.values()}
    meta["tables"] = "embedding tables stored in float16 (training/half_tables.py); loaded into float32"
    meta_path.write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("directory", type=Path)
    half_model_dir(ap.parse_args().directory)
    return 0


if __name__ == "__main__":
    sys.exit(main())

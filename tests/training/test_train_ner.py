"""Continuing a checkpoint (``train_ner.py --init``): Stanza trains it with the settings stored inside and saves
next to it, so the script hands it a copy in its own directory that carries this run's settings."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "training"))

torch = pytest.importorskip("torch")

import train_ner  # noqa: E402


def test_a_continued_checkpoint_is_a_copy_with_this_runs_settings(tmp_path: Path) -> None:
    init = tmp_path / "shipped" / "ar_ner.pt"
    init.parent.mkdir()
    weights = {"w": torch.ones(2, 2)}
    torch.save(
        {"config": {"lr": 0.002, "max_steps": 5000, "eval_interval": 250, "optim": "adam"}, "model": weights}, init
    )
    before = init.read_bytes()
    args = argparse.Namespace(init=init, lr=0.0003, steps=1500, eval_interval=100, seed=7)
    target = tmp_path / "work" / "ar_ner.pt"
    target.parent.mkdir()

    assert train_ner._continue_from(args, target) == target
    copy = torch.load(target, weights_only=True)
    assert copy["config"] == {"lr": 0.0003, "max_steps": 1500, "eval_interval": 100, "optim": "adam", "seed": 7}
    assert torch.equal(copy["model"]["w"], weights["w"])
    assert init.read_bytes() == before  # the checkpoint given is left as it was

"""Shared fixtures: the seed articles."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import settings

import arnews

# no per-example deadline: timing is measured in benchmarks/, and CI machines are shared
settings.register_profile("arnews", deadline=None, max_examples=60)
settings.load_profile("arnews")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


@pytest.fixture(scope="session")
def seed_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in SEEDS]


@pytest.fixture(scope="session")
def full_pipeline() -> arnews.Pipeline:
    """The whole pipeline, NER model included (loaded once for the session)."""
    return arnews.Pipeline()

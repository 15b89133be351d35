"""Monetary amounts: numbers in digits or words with a currency and a qualifier."""

from __future__ import annotations

from arnews.models import Money
from arnews.parser import Structure
from arnews.text import TextView

__all__ = ["extract_money"]


def extract_money(view: TextView, structure: Structure) -> tuple[Money, ...]:
    """Every monetary amount of the article. Not built yet: returns none."""
    return ()

"""Money and donations: amounts in digits and words with their currency and qualifier
(:mod:`arnews.money.amounts`, :mod:`arnews.money.currencies`), and the amounts given, raised, pledged or granted
(:mod:`arnews.money.donations`)."""

from __future__ import annotations

from arnews.money.amounts import extract_money
from arnews.money.donations import extract_donations

__all__ = ["extract_donations", "extract_money"]

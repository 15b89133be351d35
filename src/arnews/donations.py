"""Donations: money given, raised, pledged or granted, with organizer, recipient, donor and participants."""

from __future__ import annotations

from arnews.models import DateMention, Donation, Entity, Money
from arnews.parser import Structure
from arnews.text import TextView

__all__ = ["extract_donations"]


def extract_donations(
    view: TextView,
    structure: Structure,
    money: tuple[Money, ...],
    entities: tuple[Entity, ...],
    dates: tuple[DateMention, ...],
) -> tuple[Donation, ...]:
    """Every donation of the article. Not built yet: returns none."""
    return ()

"""Quote attribution: direct, partial and indirect quotes with their speakers."""

from __future__ import annotations

from arnews.models import Entity, Quote
from arnews.nlp import Analysis
from arnews.parser import Structure
from arnews.text import TextView

__all__ = ["extract_quotes"]


def extract_quotes(
    view: TextView, structure: Structure, analysis: Analysis, entities: tuple[Entity, ...]
) -> tuple[Quote, ...]:
    """Every quote of the article's body. Not built yet: returns no quotes."""
    return ()

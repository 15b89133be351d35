"""The entity linker: named-entity spans joined with the knowledge base, clustered per document."""

from __future__ import annotations

from arnews.models import Entity
from arnews.nlp import Analysis
from arnews.parser import Structure
from arnews.text import TextView

__all__ = ["link_entities"]


def link_entities(view: TextView, structure: Structure, analysis: Analysis) -> tuple[Entity, ...]:
    """Every entity of the article with all its mentions. Not built yet: returns no entities."""
    return ()

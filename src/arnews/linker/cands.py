"""The records of the entity linker's passes: a candidate mention (:class:`Cand`) and an entity its mentions make
(:class:`Ent`). A module of their own, left interpreted in a compiled build (``setup.py``): their attrs defaults
are not for compiled class bodies."""

from __future__ import annotations

from attrs import define, field

from arnews.models import EntityKind

__all__ = ["Cand", "Ent"]


@define
class Cand:
    start: int  # normal-form offsets
    end: int
    type: EntityKind
    priority: float
    qid: str | None = None
    source: str = ""
    first_tok: int = 0
    last_tok: int = 0  # inclusive


@define(eq=False)  # compared by identity: an entity is itself, however many mentions it holds
class Ent:
    type: EntityKind
    qid: str | None = None
    mentions: list[Cand] = field(factory=list)
    latin: str | None = None

"""Documents for stage-level tests: a :class:`~arnews.document.Doc` as the structure and tokenize processors leave it,
with whatever the stage under test reads set by hand (entities, dates, NER spans)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from arnews import Pipeline
from arnews.document import Doc, NerSpan
from arnews.linker import link_entities
from arnews.models import Entity

_BEFORE_STAGES = Pipeline(processors=["tokenize"])


def make_doc(text: str, *, published: dt.datetime | None = None, **fields: Any) -> Doc:
    """A document of ``text`` with its structure, sentences and tokens, and ``fields`` (``entities=...``,
    ``ner=...``) set."""
    doc = _BEFORE_STAGES.process(text, published=published)
    for name, value in fields.items():
        setattr(doc, name, value)
    return doc


def linked(text: str, ner: tuple[NerSpan, ...] = ()) -> tuple[Entity, ...]:
    """The entity stage over ``text`` with the model spans ``ner``; every mention is checked against the text."""
    found = link_entities(make_doc(text, ner=ner))
    for ent in found:
        for m in ent.mentions:
            assert text[m.start : m.end] == m.text
    return found


def owner(found: tuple[Entity, ...], mention: str) -> Entity:
    """The one entity that has ``mention`` among its mentions."""
    owners = [e for e in found if any(m.text == mention for m in e.mentions)]
    assert len(owners) == 1, f"{mention!r} belongs to {[e.name for e in owners]}"
    return owners[0]

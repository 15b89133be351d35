"""Documents for stage-level tests: a :class:`~arnews.document.Doc` as the structure and tokenize processors leave it,
with whatever the stage under test reads set by hand (entities, dates, NER spans)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from arnews import Pipeline
from arnews.document import Doc

_BEFORE_STAGES = Pipeline(processors=["tokenize"])


def make_doc(text: str, *, published: dt.datetime | None = None, **fields: Any) -> Doc:
    """A document of ``text`` with its structure, sentences and tokens, and ``fields`` (``entities=...``,
    ``ner=...``) set."""
    doc = _BEFORE_STAGES.process(text, published=published)
    for name, value in fields.items():
        setattr(doc, name, value)
    return doc

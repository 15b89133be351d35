"""Documents for stage-level tests: a :class:`~arnews.document.Doc` with its structure parsed and whatever the
stage under test reads set by hand (entities, dates, NER spans), as the earlier processors would have left it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from arnews.core.text import view
from arnews.document import Doc
from arnews.nlp import split
from arnews.parser import parse_structure


def make_doc(text: str, *, published: dt.datetime | None = None, **fields: Any) -> Doc:
    """A document of ``text`` with its structure, sentences and tokens, and ``fields`` (``entities=...``,
    ``ner=...``) set."""
    doc = Doc(view(text), published=published)
    doc.structure = parse_structure(doc.view)
    analysis = split(doc.text, doc.structure.regions())
    doc.sentences, doc.tokens = analysis.sentences, analysis.tokens
    for name, value in fields.items():
        setattr(doc, name, value)
    return doc

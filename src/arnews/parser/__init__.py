"""Structure: title, dateline, paragraphs, photo captions, bylines, source notes and site furniture.

The parser reads plain text as people have it (copied pages, scraped feeds, re-published translations): one
line a paragraph or blocks separated by blank lines. It classifies each line by the lexicons in
``data/lexicons/ar`` and returns a :class:`Structure` whose spans index the input exactly.
"""

from __future__ import annotations

from arnews.document import Structure
from arnews.parser.datelines import parse_datetime
from arnews.parser.structure import parse_structure

__all__ = ["Structure", "parse_datetime", "parse_structure"]

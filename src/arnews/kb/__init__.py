"""The knowledge base that entities are linked to: :mod:`arnews.kb.store` reads and matches it,
:mod:`arnews.kb.build` builds one (``arnews kb build``) from CSV tables and Wikidata dumps."""

from __future__ import annotations

from arnews.kb.store import Candidate, KbEntry, KnowledgeBase, default_kb, write_entries

__all__ = ["Candidate", "KbEntry", "KnowledgeBase", "default_kb", "write_entries"]

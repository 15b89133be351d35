"""The entry of the entity stage: every recognition pass, the model's spans, clustering, records."""

from __future__ import annotations

from arnews.document import Doc
from arnews.kb import KnowledgeBase, default_kb
from arnews.linker.cands import Cand
from arnews.linker.cluster import cluster_candidates, entity_record, scan_names
from arnews.linker.gazetteer import gazetteer_pass
from arnews.linker.institutions import institution_pass
from arnews.linker.kb_names import kb_pass
from arnews.linker.model import choose, defer_to_model, ner_pass
from arnews.linker.openings import openings
from arnews.linker.passes import (
    credited_pass,
    cue_pass,
    latin_pass,
    org_pass,
    outlet_pass,
    place_pass,
)
from arnews.linker.states import join_bare_states
from arnews.linker.titles import join_bare_titles
from arnews.linker.tokens import Words, words_of
from arnews.models import Entity

__all__ = ["link_entities"]


def link_entities(article: Doc, kb: KnowledgeBase | None = None) -> tuple[Entity, ...]:
    """Every entity of the article with all its mentions, sorted by first mention: read from the document's
    structure and the NER model's spans (``article.ner``, empty when the model did not run).

    ``kb`` is the knowledge base to link to (default: the bundled one, :func:`arnews.kb.default_kb`).
    """
    doc = Words(article.view, article.structure, kb if kb is not None else default_kb(), article.norm_tokens)
    if not doc.toks:
        return ()
    opened = openings(doc)
    kb_cands: list[Cand] = []
    kb_pass(doc, kb_cands)
    loc_starts = {c.first_tok: c.last_tok + 1 for c in kb_cands if c.type == "LOC"}
    cands = list(kb_cands)
    cue_pass(doc, loc_starts, cands, opened.cue_words)
    latin_pass(doc, cands)
    credited_pass(doc, cands)
    if article.ner:  # the model's spans (none when it did not run): read, and later deferred to
        ner_pass(doc, article.ner, cands)
    strong = ("kb", "title", "speech")
    per_words = (
        frozenset(w for c in cands if c.type == "PER" and c.source in strong for w in words_of(doc, c)) | opened.famous
    )
    org_pass(doc, per_words, cands, opened.org_heads)
    institution_pass(doc, cands, opened.institution_heads)
    outlet_pass(doc, cands)
    taken_toks = {n for c in kb_cands for n in range(c.first_tok, c.last_tok + 1)}
    place_pass(doc, kb_cands, taken_toks, cands)
    gazetteer_pass(doc, taken_toks, cands, opened.places)
    chosen = choose(defer_to_model(doc, cands) if article.ner else cands, len(doc.norm))
    ents = cluster_candidates(doc, chosen)
    taken = bytearray(len(doc.norm) + 1)
    for ent in ents:
        for c in ent.mentions:
            taken[c.start : c.end] = b"\x01" * (c.end - c.start)
    for c in chosen:  # a word inside a Latin name or an organisation is not a surname of its own
        if c.type != "PER" or c.last_tok > c.first_tok:
            taken[c.start : c.end] = b"\x01" * (c.end - c.start)
    scan_names(doc, ents, taken)
    join_bare_titles(doc, ents, taken)
    join_bare_states(doc, ents, taken)
    ents.sort(key=lambda e: min(c.start for c in e.mentions) if e.mentions else 0)
    # entities outside the KB get document-local ids in the order of first mention
    result: list[Entity] = []
    local = 0
    for ent in ents:
        built = entity_record(doc, ent, f"L{local + 1}")
        if built is not None:
            result.append(built)
            local += ent.qid is None
    return tuple(result)

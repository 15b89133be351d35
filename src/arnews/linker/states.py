"""A state named by the head of its official name alone ("المملكة" for "المملكة العربية السعودية", "السلطنة" for
"سلطنة عمان"): the mention joins the one such state the article names."""

from __future__ import annotations

from functools import cache

from arnews.core.lexicons import load_set
from arnews.core.names import strip_article, strip_clitics
from arnews.core.text import normalize
from arnews.kb import KbEntry
from arnews.linker.cands import Cand, Ent
from arnews.linker.tokens import P_WEAK, Words

__all__ = ["join_bare_states"]


@cache
def _bare_heads() -> frozenset[str]:
    return frozenset(strip_article(w) for w in load_set("bare_state_heads"))


def _heads_of(entry: KbEntry, heads: frozenset[str]) -> set[str]:
    """The heads (article stripped) that begin one of the entry's Arabic labels ("مملكه" for "مملكة البحرين")."""
    out: set[str] = set()
    for label in entry.ar:
        words = normalize(label).split()
        if len(words) > 1 and strip_article(words[0]) in heads:
            out.add(strip_article(words[0]))
    return out


def join_bare_states(doc: Words, ents: list[Ent], taken: bytearray) -> None:
    """ "المملكة" (with its clitics: "بالمملكة") alone joins the state of the article whose official name it heads,
    when exactly one such state is named, or else when the places the article names lie in one such state (their
    KB descriptions say which: "جدة", "مدينة في السعودية"). More than one (the United Kingdom beside Saudi
    Arabia): the word stays no one's."""
    heads = _bare_heads()
    states: dict[str, list[Ent]] = {}
    for ent in ents:
        entry = doc.kb.get(ent.qid) if ent.qid and ent.type == "LOC" else None
        if entry is not None:
            for head in _heads_of(entry, heads):
                states.setdefault(head, []).append(ent)
    if not states:
        states = _states_of_places(doc, ents, heads)
    if not states:
        return
    for i, tok in enumerate(doc.toks):
        if not tok.word or not any(head in tok.text for head in states):
            continue  # a reading's head, article stripped, is written inside the word (most words hold none)
        reading = next(((off, stem) for off, stem, _f in strip_clitics(tok.text) if stem.startswith("ال")), None)
        if reading is None or strip_article(reading[1]) not in states or _continues_name(doc, i, reading[1]):
            continue
        if i > 0 and doc.toks[i - 1].text in load_set("demonstratives"):
            continue  # "هذه المملكة": a kingdom the text speaks of, not the state
        owners = states[strip_article(reading[1])]
        start = tok.start + reading[0]
        if len(owners) != 1 or 1 in taken[start : tok.end]:
            continue
        if owners[0] not in ents:
            ents.append(owners[0])  # a state the article names only through its places
        owners[0].mentions.append(Cand(start, tok.end, "LOC", P_WEAK, owners[0].qid, "bare_state", i, i))
        taken[start : tok.end] = b"\x01" * (tok.end - start)


_DESCRIPTION_WORDS = 2  # the last words of a place's description that may name its state


def _states_of_places(doc: Words, ents: list[Ent], heads: frozenset[str]) -> dict[str, list[Ent]]:
    """The states whose official name a head begins, found through the KB descriptions of the places the article
    names ("جدة": "مدينة في السعودية"), when all those places lie in one such state per head."""
    found: dict[str, dict[str, KbEntry]] = {}
    for ent in ents:
        entry = doc.kb.get(ent.qid) if ent.qid and ent.type == "LOC" else None
        words = normalize(entry.description or "").split() if entry is not None else []
        for n in range(1, min(_DESCRIPTION_WORDS, len(words)) + 1):
            text = " ".join(words[-n:])
            for c in doc.kb.lookup(text, normalized=True):
                if c.entry.type == "LOC" and c.how in ("exact", "alias") and doc.kb.has_label(c.entry, text):
                    for head in _heads_of(c.entry, heads):
                        found.setdefault(head, {})[c.entry.id] = c.entry
    return {head: [Ent("LOC", next(iter(by_id)))] for head, by_id in found.items() if len(by_id) == 1}


def _continues_name(doc: Words, i: int, head: str) -> bool:
    """ "المملكة المتحدة", "المملكة الأردنية": the head (token ``i`` read as ``head``) begins a longer name here,
    one the KB knows or a head and its relative adjective, not the state alone."""
    if not doc.joined(i):
        return False
    nxt = doc.toks[i + 1].text
    return doc.articled(i + 1) and (nxt.endswith(("يه", "ي")) or doc.kb.could_continue(f"{head} {nxt}"))

"""What the words of a model span say about its extent: a head that only announces a name, a place after its
head, proclitics before the article, a given name the KB also knows as a place."""

from __future__ import annotations

from arnews.core.lexicons import load_set
from arnews.linker.cands import Cand
from arnews.linker.tokens import Words, org_head_words

__all__ = ["announcing_head", "clitic_before_article", "coordinated_person", "given_name_place", "headed_place"]


def announcing_head(doc: Words, first: int, last: int) -> bool:
    """Token ``first`` is a head word that only announces a body's name (``org_heads.tsv``, "no": "شركة", "وكالة",
    "صحيفة") and a proper name follows it (no article: "منظمة الصحة العالمية" is the name whole), unless the KB
    knows the whole span as written."""
    heads = org_head_words()
    if not any(heads.get(stem) is False for stem in doc.bare(first)) or doc.articled(first + 1):
        return False
    text = " ".join(t.text for t in doc.toks[first : last + 1])
    return not any(c.how == "exact" for c in doc.kb.lookup(text, normalized=True))


def headed_place(doc: Words, first: int, last: int) -> str | None:
    """The KB place that the words after a place head name, written as one of its labels."""
    text = " ".join(t.text for t in doc.toks[first : last + 1])
    for c in doc.kb.lookup(text, normalized=True):
        if c.entry.type == "LOC" and c.how in ("exact", "alias") and doc.kb.has_label(c.entry, text):
            return c.entry.id
    return None


def clitic_before_article(doc: Words, k: int, words: set[str]) -> int:
    """How many letters of proclitics stand before the article of token k ("والبنك", "وبالمملكة"): 0 unless what
    follows them is a frequent word, a KB name or a word the article writes alone ("والتر", "بالتيمور",
    "فالنسيا" keep their letters); a و before a definite word of three letters or more is always a conjunction."""
    lead = doc.toks[k].text
    for n in (2, 1):
        clitic, rest = lead[:n], lead[n:]
        if len(rest) < 4 or not rest.startswith("ال") or any(ch not in "وفبك" for ch in clitic):
            continue
        if rest in words or rest in load_set("common_words"):
            return n
        if any(c.how == "exact" for c in doc.kb.lookup(rest, normalized=True)):
            return n
        if clitic == "و" and len(rest) >= _DEFINITE_AFTER_WAW and not _known_as_written(doc, lead):
            return n  # "والقامشلي"، "والأهلي": و and a definite word of three letters or more ("والتر" stays)
    return 0


def coordinated_person(doc: Words, first: int, person_ends: set[int]) -> bool:
    """Token ``first`` opens a model's person with و right after another person the model found ("منير بشير ونصير
    شمة"، "كندة علوش، وباسل خياط"): the conjunction of a list of people, no part of the name (a given name written
    with its و, "وليد", keeps it). ``person_ends``: the last tokens of the model's person spans."""
    lead = doc.toks[first].text
    if lead[:1] != "و" or len(lead) < 4 or lead in load_set("first_names"):
        return False
    before = first - 1 - (first > 0 and doc.toks[first - 1].text in ("،", ","))
    return before in person_ends


_DEFINITE_AFTER_WAW = 5  # letters of "ال" + a stem of three or more, after a و read as a conjunction


def _known_as_written(doc: Words, word: str) -> bool:
    """The KB or the given names know ``word`` with its first letter ("والتون", "والاس")."""
    return word in load_set("first_names") or any(c.how == "exact" for c in doc.kb.lookup(word, normalized=True))


def given_name_place(doc: Words, c: Cand, first: int) -> bool:
    """KB candidate ``c`` is a one-word place, written as a given name, that begins a model's person ("الدكتور
    ناصر باعوم": a person, not the locality "ناصر")."""
    return c.first_tok == c.last_tok == first and doc.toks[first].text in load_set("first_names")

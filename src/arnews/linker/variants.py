"""Shortened and reworded names of one body or place: "مطار عدن" after "مطار عدن الدولي", "الصندوق العقاري"
after "صندوق التنمية العقارية", "هيئة السياحة" after "الهيئة العامة للسياحة والتراث الوطني", "حكومة اليونان"
beside "الحكومة اليونانية".

Each name of two or more words is read as its word stems: without the article (also when fused with ل: "للسياحة"),
without the endings of a relative adjective or a feminine noun ("اليونانية" and "اليونان" are both "يونان"). A
name whose stems are the beginning word and then some of the words, in order, of exactly one other entity's name
of the same type is that entity. People are left to the name grammar; a name the KB linked keeps its link.
"""

from __future__ import annotations

from arnews.linker.cands import Ent
from arnews.linker.tokens import Words, surface

__all__ = ["join_bracketed", "join_shortened"]

_MIN_STEM = 3  # letters a stem keeps when an ending is cut


def _stem(word: str) -> str:
    """A word of a name in the normal form, without its article and the ending of a relative adjective or a
    feminine noun: "للسياحه" -> "سياح", "العقاريه" -> "عقار", "اليونان" -> "يونان", "ايطاليا" -> "ايطال"."""
    if word.startswith(("لل", "ال")) and len(word) > 4:
        word = word[2:]
    if word.endswith("ا") and len(word) > 4:
        word = word[:-1]  # "ايطاليا" as "الايطاليه": the country's final alef is not in its adjective
    for ending in ("يه", "ي", "ه"):
        if word.endswith(ending) and len(word) - len(ending) >= _MIN_STEM:
            return word[: -len(ending)]
    return word


def _within(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """``short`` begins as ``long`` does and its other stems follow in ``long`` in order."""
    if len(short) > len(long) or short[0] != long[0]:
        return False
    it = iter(long[1:])
    return all(any(s == w for w in it) for s in short[1:])


def join_shortened(doc: Words, ents: list[Ent]) -> None:
    """Merge each entity outside the KB whose names (two words or more) are all shortened or reworded forms of
    one other entity's names of the same type (never a person; never two entities that could both own it)."""
    forms: dict[int, set[tuple[str, ...]]] = {}
    for ent in ents:
        if ent.type == "PER":
            continue
        forms[id(ent)] = {
            tuple(_stem(w) for w in words) for c in ent.mentions if len(words := surface(doc, c).split()) > 1
        }
    by_first: dict[str, list[Ent]] = {}  # the entities with a name of that first stem: no pair of all entities
    for ent in ents:
        for f in forms.get(id(ent), ()):
            if ent not in by_first.setdefault(f[0], []):
                by_first[f[0]].append(ent)
    gone: set[int] = set()
    for ent in ents:
        mine = forms.get(id(ent))
        if not mine or ent.qid is not None:
            continue
        owners = {
            id(other): other
            for f in mine
            for other in by_first.get(f[0], ())
            if other is not ent
            and id(other) not in gone
            and other.type == ent.type
            and any(_within(f, g) for g in forms[id(other)])
        }
        if len(owners) != 1:
            continue
        owner = next(iter(owners.values()))
        owner.mentions.extend(ent.mentions)
        forms[id(owner)] |= mine
        for f in mine:  # the owner is now found by the merged names too
            if owner not in by_first.setdefault(f[0], []):
                by_first[f[0]].append(owner)
        gone.add(id(ent))
    ents[:] = [e for e in ents if id(e) not in gone]


def join_bracketed(doc: Words, ents: list[Ent]) -> None:
    """Merge a short name outside the KB written in brackets right after the name of a body outside the KB into
    that body: the acronym or short form a news text gives it ("الوكالة الأميركية للتنمية الدولية (USAID)", "مؤسسة الملك
    عبدالعزيز ورجاله للموهبة والإبداع (موهبة)")."""
    toks = doc.toks
    ends: dict[int, Ent] = {}
    for ent in ents:
        if ent.type == "ORG" and ent.qid is None:  # a KB body's acronyms are matched on its labels
            for c in ent.mentions:
                ends.setdefault(c.last_tok, ent)
    for ent in list(ents):
        if ent.qid is not None or ent.type != "ORG":
            continue
        owner = next(
            (
                ends[c.first_tok - 2]
                for c in ent.mentions
                if c.first_tok == c.last_tok
                and 2 <= c.first_tok < len(toks) - 1
                and doc.raw(c.first_tok - 1) == "("
                and doc.raw(c.first_tok + 1) == ")"
                and ends.get(c.first_tok - 2) not in (None, ent)
            ),
            None,
        )
        if owner is None:
            continue
        owner.mentions.extend(ent.mentions)
        ents.remove(ent)

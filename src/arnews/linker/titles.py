"""A title alone ("وقالت الرئيسة", "خادم الحرمين الشريفين") joined to the person who holds it in the article."""

from __future__ import annotations

from arnews.core.lexicons import load_set
from arnews.core.names import strip_clitics
from arnews.linker.cands import Cand, Ent
from arnews.linker.grammar import described_titles, name_run, sole_titles
from arnews.linker.tokens import P_WEAK, Words, title_heads

__all__ = ["join_bare_titles", "read_sole_title"]


def join_bare_titles(doc: Words, ents: list[Ent], taken: bytearray) -> None:
    """A title alone ("وقالت الرئيسة") after the article named the person holding it ("الرئيسة X Y") joins that
    person, when exactly one person in the article holds that title (named with it, or so described in the KB);
    else it stays unlinked."""
    if not doc.bare_titles:
        return
    owner_at: dict[int, Ent] = {}
    for ent in ents:
        if ent.type == "PER":
            for c in ent.mentions:
                owner_at.setdefault(c.first_tok, ent)
    holders: dict[tuple[str, ...], dict[int, tuple[int, Ent]]] = {}
    for title, at in doc.titled:
        holder = owner_at.get(at)
        if holder is not None:
            seen = holders.setdefault(title, {}).setdefault(id(holder), (at, holder))
            holders[title][id(holder)] = (min(seen[0], at), holder)
    for ent in ents:  # the KB's description names a title too ("الرئيس السادس والأربعون")
        entry = doc.kb.get(ent.qid) if ent.qid and ent.type == "PER" else None
        if entry is not None and ent.mentions:
            at = min(c.first_tok for c in ent.mentions)
            for title in described_titles(entry.description):
                seen = holders.setdefault(title, {}).setdefault(id(ent), (at, ent))
                holders[title][id(ent)] = (min(seen[0], at), ent)
    sole: dict[tuple[str, ...], Ent] = {}
    for title, first, last in doc.bare_titles:
        people = list(holders.get(title, {}).values())
        if not people and title in sole_titles():
            ent = sole.get(title) or Ent("PER")  # "خادم الحرمين الشريفين": one person, named or not
        elif len(people) != 1 or people[0][0] > first:
            continue  # nobody, or more than one person, holds it; or the name comes only later
        else:
            ent = people[0][1]
        tok = doc.toks[first]
        off = next((o for o, stem, _f in strip_clitics(tok.text) if stem in title_heads()), 0)
        start, end = tok.start + off, doc.toks[last].end
        if 1 in taken[start:end]:
            continue
        ent.mentions.append(Cand(start, end, "PER", P_WEAK, ent.qid, "bare_title", first, last))
        taken[start:end] = b"\x01" * (end - start)
        if not people and title not in sole:
            sole[title] = ent
            ents.append(ent)


def read_sole_title(doc: Words, loc_starts: dict[int, int], held: tuple[str, ...], i: int, after: int) -> None:
    """An honorific that names one person (tokens ``i`` to ``after - 1``) holds the name after it, with royal
    titles between or not ("خادم الحرمين الشريفين الملك سلمان"); after a title that governs it, it stands alone
    ("مستشار خادم الحرمين الشريفين الأمير خالد الفيصل": the adviser is the prince, not the king)."""
    k = after
    while k < len(doc.toks) and doc.toks[k].text in load_set("royal_titles"):
        k += 1
    governed = i > 0 and any(stem in title_heads() for _o, stem, _f in strip_clitics(doc.toks[i - 1].text))
    if not governed and name_run(doc, k, loc_starts) > k:
        doc.titled.extend([(held, k), (held, after)] if k > after else [(held, k)])  # a KB label keeps "الملك"
    else:
        doc.bare_titles.append((held, i, after - 1))

"""Candidates into entities: clustering per document (surnames, acronyms, spelled letters, bare titles) and the entity
records with their KB links.
"""

from __future__ import annotations

import bisect
import re

from arnews.core import grammar
from arnews.core.lexicons import load_set
from arnews.core.names import letter_names, phonetic, phonetic_word, strip_clitics
from arnews.core.text import normalize
from arnews.linker.cands import Cand, Ent
from arnews.linker.grammar import FAMOUS, head_noun, match_title
from arnews.linker.tokens import (
    LATIN,
    P_WEAK,
    QID,
    Words,
    obscure_by_sound,
    spelled_letters,
    stop_words,
    surface,
    words_of,
)
from arnews.linker.variants import join_bracketed, join_shortened
from arnews.models import Entity, EntityKind, Mention


class _Affixes:
    """Phonetic word tuples that begin or end a person's full name -> the latest person so named: the
    suffix/prefix join of :func:`cluster_candidates` in one dict lookup per mention ("أوكاسيو كورتيز" -> "ألكساندريا
    أوكاسيو كورتيز"), not a scan of every entity."""

    def __init__(self) -> None:
        self.owner: dict[tuple[str, ...], tuple[int, Ent]] = {}
        self.order: dict[int, int] = {}

    def note(self, doc: Words, ent: Ent, c: Cand) -> None:
        if ent.type != "PER" or len(ent.mentions) > 8:
            return
        rank = self.order.setdefault(id(ent), len(self.order))
        full = tuple(phonetic_word(w) for w in surface(doc, c).split())
        for n in range(1, len(full)):
            for part in (full[-n:], full[:n]):
                if self.owner.get(part, (-1, ent))[0] <= rank:
                    self.owner[part] = (rank, ent)

    def find(self, words: list[str]) -> Ent | None:
        hit = self.owner.get(tuple(phonetic_word(w) for w in words))
        return hit[1] if hit else None


def cluster_candidates(doc: Words, chosen: list[Cand]) -> list[Ent]:
    ents: list[Ent] = []
    by_qid: dict[str, Ent] = {}
    by_key: dict[tuple[str, str], Ent] = {}
    affixes = _Affixes()
    singles: list[Cand] = []
    acronyms: list[Cand] = []
    for c in chosen:
        if c.source.startswith("acronym"):
            acronyms.append(c)
            continue
        words = surface(doc, c).split()
        if c.type == "PER" and c.qid is None and len(words) == 1:
            singles.append(c)
            continue
        if c.qid is None and c.type == "PER":
            found = doc.kb.lookup(surface(doc, c))
            entry = next((x.entry for x in found if x.entry.type == "PER" and not obscure_by_sound(x)), None)
            if entry is not None:
                c.qid = entry.id
        written = ("nf", _unfused(words))
        if c.qid is not None:
            ent = by_qid.get(c.qid)
            if ent is None:
                entry = doc.kb.get(c.qid)
                ent = by_qid[c.qid] = Ent(entry.type if entry else c.type, c.qid)
                ents.append(ent)
            ent.mentions.append(c)
            affixes.note(doc, ent, c)
            by_key.setdefault(written, ent)  # the same name met where the KB pass did not read it
            continue
        latin = _latin_form(doc, c)
        keys = [("ph", phonetic(surface(doc, c)))] + ([("lat", latin)] if latin else [])
        # a name written the same, word for word, is one entity whatever type a pass gave it ("ستاندرد آند بورز"
        # ORG and MISC); a name that only sounds the same must agree in type
        ent = by_key.get(written) if len(words) > 1 else None
        if ent is not None and ent.type != c.type and (ent.qid is not None or c.source == "outlet"):
            ent = None  # a KB entity's type is its own; an outlet is no region ("لـ«الشرق الأوسط»")
        if ent is None and written in by_key and by_key[written].type == c.type:
            ent = by_key[written]
        ent = ent or next((by_key[k] for k in keys if k in by_key and by_key[k].type == c.type), None)
        if ent is None and c.type == "PER":
            ent = affixes.find(words)
        if ent is None:
            ent = Ent(c.type, None, latin=latin)
            ents.append(ent)
        for k in [*keys, written]:
            by_key.setdefault(k, ent)
        ent.mentions.append(c)
        affixes.note(doc, ent, c)
    for ent in ents:
        if ent.qid is None:
            ent.type = _voted_type(ent)
    _join_headless(doc, ents)
    join_shortened(doc, ents)
    join_bracketed(doc, ents)
    _join_singles(doc, ents, singles)
    _join_acronyms(doc, ents, acronyms)
    return ents


def _unfused(words: list[str]) -> str:
    """The written key of a name: a leading لل, the article fused with ل, reads as the article ("للحكومة
    اليمنية" is written "الحكومة اليمنية" when met without the preposition)."""
    first = words[0] if words else ""
    if len(words) > 1 and first.startswith("لل") and len(first) > 4:
        return " ".join(["ال" + first[2:], *words[1:]])
    return " ".join(words)


def _join_headless(doc: Words, ents: list[Ent]) -> None:
    """A name written without the head noun of a fuller name the article gives is that entity: "هارفارد" after
    "جامعة هارفارد", "النصر" after "نادي النصر", "الشرقية" after "المنطقة الشرقية" (same type; never two KB
    entities)."""
    full: dict[tuple[EntityKind, str], Ent] = {}
    for ent in ents:
        for c in ent.mentions:
            words = words_of(doc, c)
            if len(words) > 1 and any(head_noun(stem) for _o, stem, _f in strip_clitics(words[0])):
                full.setdefault((ent.type, " ".join(words[1:])), ent)
    if not full:
        return
    heads = {id(ent) for ent in full.values()}
    for ent in list(ents):
        if id(ent) in heads:
            continue  # "النادي الأهلي" owns "الأهلي": a headed name of its own, no part of "أكاديمية النادي الأهلي"
        names = [
            " ".join([stem, *words[1:]])
            for c in ent.mentions
            if (words := words_of(doc, c))
            for _o, stem, _f in strip_clitics(words[0])
        ]
        owner = next((full[(ent.type, n)] for n in names if (ent.type, n) in full), None)
        if owner is None or owner is ent or (ent.qid is not None and ent.qid != owner.qid):
            continue
        owner.mentions.extend(ent.mentions)
        ents.remove(ent)


def _voted_type(ent: Ent) -> EntityKind:
    """The type of an entity outside the KB whose mentions were read with different types: the one with the most
    evidence (the sum of the mentions' priorities; the first mention's type on a tie)."""
    votes: dict[EntityKind, float] = {}
    for c in ent.mentions:
        votes[c.type] = votes.get(c.type, 0.0) + c.priority
    if len(votes) < 2:
        return ent.type
    best = max(votes.values())
    return ent.type if votes.get(ent.type) == best else max(votes, key=lambda k: votes[k])


def _latin_form(doc: Words, c: Cand) -> str | None:
    """ "NBC News" for both "NBC News" and "إن بي سي نيوز" (letters spelled out in Arabic, then the rest)."""
    words = words_of(doc, c)
    letters = letter_names()
    spelled = spelled_letters(words)
    out: list[str] = []
    acro = ""
    for w, letter in zip(words, spelled, strict=True):
        if letter:
            acro += letters[w]
            continue
        if acro:
            out.append(acro)
            acro = ""
        out.append(w if LATIN.match(w) else phonetic_word(w))
    if acro:
        out.append(acro)
    if not any(spelled) and not all(LATIN.match(w) for w in words):
        return None
    return " ".join(phonetic_word(w) for w in out)


def _join_singles(doc: Words, ents: list[Ent], singles: list[Cand]) -> None:
    index = _NameIndex(doc, ents)
    lone: dict[str, Ent] = {}
    for c in singles:
        word = surface(doc, c)
        ent = index.person(word, c.start, phonetic_ok=True)
        if ent is None:
            for off, stem, fused in strip_clitics(word)[1:]:  # "لهاريس": the person named "... هاريس" in the text
                ent = index.person(stem, c.start, phonetic_ok=False)
                if ent is not None:
                    c.start += 0 if fused else off  # "للدوسري" keeps its whole word, as fused articles do
                    break
        if ent is None and c.source in ("title", "ner"):
            # a surname alone names a KB person the text never names in full only when that person is famous
            # ("ترامب"); by sound alone, everyday words meet the surnames of obscure people ("مسؤولو" ~ "Moussali")
            people = [p for p in doc.kb.by_surname(word) if p.prior >= FAMOUS]
            if people and (len(people) == 1 or people[0].prior - people[1].prior >= 0.2):
                ent = next((e for e in ents if e.qid == people[0].id), None)
                if ent is None:
                    ent = Ent("PER", people[0].id)
                    ents.append(ent)
        if ent is None and word in lone:
            ent = lone[word]  # the same one-word name again
        if ent is None and c.source == "ner" and _lone_name(doc, c, word):
            ent = lone[word] = Ent("PER", None)
            ents.append(ent)
        if ent is not None:
            ent.mentions.append(c)


def _lone_name(doc: Words, c: Cand, word: str) -> bool:
    """A one-word person outside the KB and never named in full in the text stands only as a known given name
    ("جودي", "سارة") or as the one who speaks ("قال جوتاكا ..."): a model's lone word is otherwise too often an
    everyday word ("نفوز", "رفيعي", "جانبا")."""
    if any(stem in load_set("first_names") for _off, stem, _f in strip_clitics(word)):
        return True
    k = c.first_tok - 1
    if k < 0 or not doc.toks[k].word:
        return False
    before = doc.toks[k].text
    bare = before[1:] if before[:1] in ("و", "ف") and len(before) > 3 else before
    return bare in load_set("name_speech_verbs") or match_title(doc, k) == c.first_tok


class _NameIndex:
    """Where each person's multi-word names stand: word -> sorted (start, entity), for nearest-mention joins."""

    def __init__(self, doc: Words, ents: list[Ent]) -> None:
        self.by_last: dict[str, list[tuple[int, int, Ent]]] = {}
        self.by_last_ph: dict[str, list[tuple[int, int, Ent]]] = {}
        self.by_first: dict[str, list[tuple[int, int, Ent]]] = {}
        for n, ent in enumerate(ents):
            if ent.type != "PER":
                continue
            for m in ent.mentions:
                parts = surface(doc, m).split()
                if len(parts) < 2:
                    continue
                row = (m.start, n, ent)
                self.by_last.setdefault(parts[-1], []).append(row)
                ph = phonetic_word(parts[-1])
                if len(ph) >= 3:
                    self.by_last_ph.setdefault(ph, []).append(row)
                if parts[0] not in stop_words() and parts[-2] not in grammar.name_links():
                    self.by_first.setdefault(parts[0], []).append(row)
        for index in (self.by_last, self.by_last_ph, self.by_first):
            for rows in index.values():
                rows.sort(key=lambda r: (r[0], r[1]))

    def person(self, word: str, at: int, *, phonetic_ok: bool) -> Ent | None:
        """The person whose name has ``word`` as last (or first) word; the nearest full mention before decides,
        else the nearest after (a binary search in each sorted list: no quadratic time)."""
        lists = [self.by_last.get(word, [])]
        if phonetic_ok:
            lists.append(self.by_last_ph.get(phonetic_word(word), []))
        if not any(lists):
            lists = [self.by_first.get(word, [])]
        before: tuple[int, int, Ent] | None = None
        after: tuple[int, int, Ent] | None = None
        for rows in lists:
            if not rows:
                continue
            i = bisect.bisect_right(rows, at, key=lambda r: r[0])
            if i > 0 and (before is None or rows[i - 1][0] > before[0]):
                before = rows[i - 1]
            if i < len(rows) and (after is None or rows[i][0] < after[0]):
                after = rows[i]
        best = before or after
        return best[2] if best else None


def _join_acronyms(doc: Words, ents: list[Ent], acronyms: list[Cand]) -> None:
    """An acronym joins the first entity whose English label or Latin name it spells (one dict built once)."""
    spelled: dict[str, Ent] = {}
    for e in ents:
        entry = doc.kb.get(e.qid) if e.qid else None
        forms = {"".join(w[0] for w in re.split(r"[\s\-]+", lab.lower()) if w) for lab in entry.en} if entry else set()
        if e.latin:
            forms.add("".join(w[0] for w in e.latin.split() if w))
        for form in forms:
            spelled.setdefault(form, e)
    for c in acronyms:
        ent = spelled.get(doc.raw(c.first_tok).lower())
        if ent is None and c.source == "acronym_org":
            ent = Ent("ORG", None)
            ents.append(ent)
        if ent is not None:
            ent.mentions.append(c)


def scan_names(doc: Words, ents: list[Ent], taken: bytearray) -> None:
    """Every word that is the surname (or first name) of a person met in full joins that person."""
    words: dict[str, list[Ent]] = {}
    for ent in ents:
        if ent.type != "PER":
            continue
        entry = doc.kb.get(ent.qid) if ent.qid else None
        for label in entry.ar if entry else ():
            parts = normalize(label).split()
            if len(parts) >= 2 and parts[-1] not in stop_words() and parts[-2] not in grammar.name_links():
                words.setdefault(parts[-1], []).append(ent)  # not "العزيز" of "عبد العزيز"
        for m in ent.mentions:
            parts = surface(doc, m).split()
            if len(parts) >= 2:
                for n, w in enumerate((parts[0], parts[-1])):
                    if (n == 1 and parts[-2] in grammar.name_links()) or w in grammar.name_links():
                        continue  # "عبد الله": neither part stands for the person
                    if len(w) >= 2 and w not in stop_words() and w not in load_set("name_speech_verbs"):
                        bucket = words.setdefault(w, [])
                        if ent not in bucket:
                            bucket.append(ent)
    if not words:
        return
    index = _NameIndex(doc, ents)
    endings = tuple(words)  # a stem read off its clitics ends the word (most words end in none of these)
    for n, tok in enumerate(doc.toks):
        if not tok.word or not tok.text.endswith(endings) or 1 in taken[tok.start : tok.end]:
            continue
        for off, stem, fused in strip_clitics(tok.text):
            if fused or stem not in words:
                continue
            owner = index.person(stem, tok.start, phonetic_ok=False)
            if owner is None and len(set(map(id, words[stem]))) == 1:
                owner = words[stem][0]
            if owner is None:
                continue
            c = Cand(tok.start + off, tok.end, "PER", P_WEAK, owner.qid, "scan", n, n)
            owner.mentions.append(c)
            taken[c.start : c.end] = b"\x01" * (c.end - c.start)
            break


def entity_record(doc: Words, ent: Ent, local_id: str) -> Entity | None:
    view = doc.view
    mentions: dict[tuple[int, int], Mention] = {}
    for c in ent.mentions:
        s, e = view.raw_span(c.start, c.end)
        if e > s:
            mentions[(s, e)] = Mention(view.raw[s:e], s, e)
    if not mentions:
        return None
    ordered = sorted(mentions.values(), key=lambda m: m.start)
    entry = doc.kb.get(ent.qid) if ent.qid else None
    if entry is not None and entry.ar:
        name = entry.ar[0]
    else:
        name = max(ordered, key=lambda m: (len(m.text.split()), len(m.text))).text
    return Entity(
        id=ent.qid or local_id,
        name=name,
        type=entry.type if entry else ent.type,
        wikidata=ent.qid if ent.qid and QID.fullmatch(ent.qid) else None,  # a user KB may use ids of its own
        mentions=tuple(ordered),
        description=entry.description if entry else None,
    )

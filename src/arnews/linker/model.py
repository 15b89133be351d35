"""The NER model's spans among the rule candidates: where the model's extent stands, where a strong cue cuts it, and
the choice among overlapping candidates.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from arnews.core.lexicons import load_set
from arnews.core.names import key
from arnews.document import NerSpan
from arnews.linker.grammar import clitic_person, common_word, match_title, ner_breaks, possessed_noun, said, verb_form
from arnews.linker.tokens import P_NER, Cand, Words, known_name_kinds, not_names, surface, words_of
from arnews.models import EntityKind


def ner_pass(doc: Words, spans: Sequence[NerSpan], out: list[Cand]) -> None:
    """NER spans, trimmed only by strong signs: a person's name ends at a stop word, a verb of saying, a title or a
    person met apart behind a clitic ("بايدن لهاريس" -> "بايدن"); a leading title or verb is dropped ("الرئيس
    صالح" -> "صالح"); and a word of a person met by cue is a person whatever the model says."""
    view = doc.view
    starts = {t.start: n for n, t in enumerate(doc.toks)}
    ends = {t.end: n for n, t in enumerate(doc.toks)}
    person_words: set[str] = set()
    full_names: set[str] = set()  # words of people met by full name or in the KB
    pairs: set[tuple[str, str]] = set()  # adjacent words of one person's name met by cue or KB
    surnames: set[str] = set()  # last words of people met by full name: a name ends there ("بايدن المتحمسين")
    for c in out:
        if c.type == "PER" and c.source != "ner":
            words = words_of(doc, c)
            person_words.update(words)
            pairs.update(itertools.pairwise(words))
            if len(words) > 1 or c.qid is not None:
                full_names.update(words)
            if len(words) > 1 and c.source in ("kb", "title", "speech"):
                surnames.add(words[-1])
    given = load_set("first_names")
    # places and bodies the KB found: a person's name a model proposes does not begin or end with one
    # ("وممثل فلوريدا ماكسويل فروست" -> "ماكسويل فروست")
    kb_from = {c.first_tok: c.last_tok for c in out if c.source in ("kb", "known") and c.type != "PER"}
    kb_to = {c.last_tok: c.first_tok for c in out if c.source in ("kb", "known") and c.type != "PER"}
    for span in spans:
        ns, ne = view.norm_index(span.start), view.norm_index(span.end)
        if ns not in starts or ne not in ends:
            continue
        first, last = starts[ns], ends[ne]
        kind: EntityKind = span.type
        whole = (first, last)
        while first <= last and any(stem in not_names() for stem in doc.bare(first)):
            first += 1  # "مليون ريال للأسر" is no organisation
        while last >= first and any(stem in not_names() for stem in doc.bare(last)):
            last -= 1
        if last < first:
            if kind != "MISC":
                continue
            first, last = whole  # a currency alone: ANERcorp-style MISC ("ألف جنيه")
        if kind == "PER":
            while first < last:
                after = match_title(doc, first)
                if after > first:
                    first = min(after, last)  # "الرئيس صالح" -> "صالح"
                elif said(doc.toks[first].text):
                    first += 1  # "وقال هاريس" -> "هاريس"
                elif kb_from.get(first, last) < last:
                    first = kb_from[first] + 1
                else:
                    break
            while last > first and doc.is_latin(first) and not doc.is_latin(last):
                first += 1  # "Meet the Press كريستين": a Latin title before an Arabic name
            while last > first and kb_to.get(last, first) > first:
                last = kb_to[last] - 1
            last = next(
                (
                    k - 1
                    for k in range(first + 1, last + 1)
                    if ner_breaks(doc, k, person_words)
                    or (doc.toks[k - 1].text in surnames and doc.toks[k].text not in person_words)
                ),
                last,
            )
            words = [doc.toks[k].text for k in range(first, last + 1)]
            if last > first and all(w in full_names for w in words) and not pairs & set(itertools.pairwise(words)):
                # "بايدن هاريس": names of people met apart, side by side: one mention each
                for k in range(first, last + 1):
                    out.append(Cand(doc.toks[k].start, doc.toks[k].end, "PER", P_NER, None, "ner", k, k))
                continue
        elif first == last and any(stem in person_words for stem in doc.bare(first)):
            kind = "PER"
        else:
            # "المكالمة ببايدن": a person met apart, behind a clitic, ends a place, body or event the model proposes
            cut = next((k for k in range(first + 1, last + 1) if clitic_person(doc, k, full_names)), None)
            if cut is not None:
                last = cut - 1
        if first == last and kind in ("PER", "ORG") and common_word(doc, first, person_words):
            continue  # "للأسر", "صبي": a frequent word of news, not a name
        if first == last and kind in ("PER", "ORG") and possessed_noun(doc, first):
            continue  # "رئيسنا", "وزارتها": a title or head word with a possessive pronoun, not a name
        if first == last and kind == "PER" and doc.toks[first].text not in person_words and verb_form(doc, first):
            continue  # "أبحروا", "سيتداولون", "ليسدد": a verb, not a person
        start = doc.toks[first].start
        lead = doc.toks[first].text
        if kind == "PER" and lead[:1] in "وف" and lead not in given and lead[1:] in given:
            start += 1  # "وسالم يوسف": the conjunction is no part of the name ("وليد" is a name of its own)
        text = " ".join(t.text for t in doc.toks[first : last + 1])
        qid = None
        cands = [c for c in doc.kb.lookup(text, normalized=True) if c.entry.type == kind]
        if cands and (kind != "PER" or last > first) and (cands[0].how != "phonetic" or last > first):
            qid = cands[0].entry.id
        out.append(Cand(start, doc.toks[last].end, kind, P_NER, qid, "ner", first, last))


_CUE_SOURCES = frozenset({"title", "speech", "speech1", "given"})


def _join_split_names(cands: list[Cand]) -> list[Cand]:
    """Model persons side by side that exactly fill one cue's name are one person the model split ("كريستين" +
    "ويلكر" after "لمضيفة البرنامج")."""
    ner_at = {c.first_tok: c for c in cands if c.source == "ner" and c.type == "PER"}
    gone: set[int] = set()
    joined: list[Cand] = []
    for c in cands:
        if c.source not in ("title", "given") or c.type != "PER" or c.first_tok not in ner_at:
            continue
        parts, k = [], c.first_tok
        while k in ner_at and ner_at[k].last_tok <= c.last_tok:
            parts.append(ner_at[k])
            k = ner_at[k].last_tok + 1
        if len(parts) >= 2 and k == c.last_tok + 1 and not gone.intersection(map(id, parts)):
            gone.update(map(id, parts))
            joined.append(Cand(c.start, c.end, "PER", P_NER, None, "ner", c.first_tok, c.last_tok))
    return [c for c in cands if id(c) not in gone] + joined


def defer_to_model(doc: Words, cands: list[Cand]) -> list[Cand]:
    """Where the model and the rules disagree on an extent, the model's stands unless the KB or a strong cue gives
    a better one. A cue's person overlapping a model's person gives way to it, but lends it the words it has
    before the model's start (a title or verb of saying anchors a name's start: "لمضيفة البرنامج كريستين ويلكر"
    where the model saw "ويلكر") and the words after its end that the article also uses alone as a name ("الناشطة
    شانون واتس ... قالت واتس"), or the one word after a one-word model person in a cue's name run. A cue's
    person overlapping a model's span of another type gives way unless both cover the same words; a KB match
    strictly inside a model's longer span gives way ("أسامة بن لادن", "نيويورك تايمز"), but not a place or body
    inside a model's person. Linear: candidates are a few tokens long, indexed by token."""
    cands = _join_split_names(cands)
    by_tok: dict[int, list[Cand]] = {}
    alone = {surface(doc, c) for c in cands if c.type == "PER" and c.first_tok == c.last_tok and c.source != "ner"}
    modelled = {k for c in cands if c.source == "ner" for k in range(c.first_tok, c.last_tok + 1)}
    for c in cands:
        if c.source != "ner":
            for k in range(c.first_tok, c.last_tok + 1):
                by_tok.setdefault(k, []).append(c)
    dropped: set[int] = set()
    for n in cands:
        if n.source != "ner":
            continue
        first, last = n.first_tok, n.last_tok
        for k in range(first, last + 1):
            for c in by_tok.get(k, ()):
                same = (c.first_tok, c.last_tok) == (first, last)
                if c.source in _CUE_SOURCES and c.type == "PER" and (n.type == "PER" or not same):
                    dropped.add(id(c))
                    if n.type != "PER" or c.first_tok > first or c.last_tok < last:
                        continue  # the cue is another name beside the model's, or inside it
                    head = range(c.first_tok, n.first_tok)
                    if c.source in ("title", "given") and head and not modelled.intersection(head):
                        n.first_tok, n.start = c.first_tok, c.start
                    tail = range(n.last_tok + 1, c.last_tok + 1)
                    if (
                        tail
                        and not modelled.intersection(tail)
                        and (
                            all(doc.toks[t].text in alone for t in tail)
                            # a model's one-word person and the next name word of a run that a verb of saying or a
                            # title opens ("قال جوتاكا إيدي، مؤسس ..." where the model saw "جوتاكا")
                            or (first == last and len(tail) == 1 and c.source in ("speech", "title"))
                        )
                    ):
                        n.last_tok, n.end = c.last_tok, c.end
                        # the cue makes the added words part of a person's name: no KB place or body inside them
                        # ("الصحفي رولاند مارتن" is no "موريتانيا" by sound)
                        dropped.update(id(x) for t in tail for x in by_tok.get(t, ()) if x.source in ("kb", "known"))
                elif (
                    c.source in ("kb", "known")
                    and (n.qid is not None or known_name_kinds().get(key(surface(doc, n), normalized=True)) == n.type)
                    and c.type == n.type
                    and c.first_tok <= first
                    and last <= c.last_tok
                    and c.last_tok - c.first_tok > last - first
                ):
                    dropped.add(id(c))  # "مكة" in "مكة المكرمة": the model's span is a KB name too, its extent stands
                elif (
                    c.source in ("kb", "known")
                    and (n.type != "PER" or c.type == "PER")
                    and first <= c.first_tok
                    and c.last_tok <= last
                    and last - first > c.last_tok - c.first_tok
                ):
                    dropped.add(id(c))
    return [c for c in cands if id(c) not in dropped]


# --- choosing, clustering ------------------------------------------------------------------------------------


def choose(cands: list[Cand], size: int) -> list[Cand]:
    taken = bytearray(size + 1)
    chosen: list[Cand] = []
    for c in sorted(cands, key=lambda c: (-c.priority, -(c.end - c.start), c.start)):
        if c.end <= c.start or any(taken[c.start : c.end]):
            continue
        taken[c.start : c.end] = b"\x01" * (c.end - c.start)
        chosen.append(c)
    return sorted(chosen, key=lambda c: c.start)

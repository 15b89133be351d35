"""The NER model's spans among the rule candidates: where the model's extent stands, where a strong cue cuts it, and
the choice among overlapping candidates.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from attrs import define, field

from arnews.core.grammar import name_links
from arnews.core.lexicons import load_set
from arnews.core.names import key, strip_article, strip_clitics
from arnews.document import NerSpan
from arnews.linker import extents
from arnews.linker.cands import Cand
from arnews.linker.grammar import (
    clitic_person,
    common_word,
    family_before_break,
    head_noun,
    match_title,
    ner_breaks,
    nisba_of,
    person_by_context,
    possessed_noun,
    said,
    verb_form,
)
from arnews.linker.tokens import (
    P_NER,
    P_ORG,
    Words,
    known_name_kinds,
    not_names,
    obscure_by_sound,
    stop_words,
    surface,
    words_of,
)
from arnews.models import EntityKind


@define
class _Met:
    """What the rule passes found before the model's spans are read: the words of people met by cue or KB, and the
    places and bodies the KB found (by first and by last token)."""

    person_words: set[str] = field(factory=set)
    full_names: set[str] = field(factory=set)  # words of people met by full name or in the KB
    pairs: set[tuple[str, str]] = field(factory=set)  # adjacent words of one person's name met by cue or KB
    surnames: set[str] = field(factory=set)  # last words of people met by full name: a name ends there
    kb_from: dict[int, int] = field(factory=dict)
    kb_to: dict[int, int] = field(factory=dict)
    words: set[str] = field(factory=set)  # every word of the article as written
    person_ends: set[int] = field(factory=set)  # the last tokens of the model's person spans


def _met(doc: Words, out: list[Cand]) -> _Met:
    met = _Met()
    for c in out:
        if c.type == "PER" and c.source != "ner":
            words = words_of(doc, c)
            met.person_words.update(words)
            met.pairs.update(itertools.pairwise(words))
            if len(words) > 1 or c.qid is not None:
                met.full_names.update(words)
            if len(words) > 1 and c.source in ("kb", "title", "speech"):
                met.surnames.add(words[-1])  # "بايدن المتحمسين"
    # places and bodies the KB found: a person's name a model proposes does not begin or end with one
    # ("وممثل فلوريدا ماكسويل فروست" -> "ماكسويل فروست")
    met.kb_from = {c.first_tok: c.last_tok for c in out if c.source in ("kb", "known") and c.type != "PER"}
    met.kb_to = {c.last_tok: c.first_tok for c in out if c.source in ("kb", "known") and c.type != "PER"}
    met.words = {t.text for t in doc.toks if t.word}
    return met


def ner_pass(doc: Words, spans: Sequence[NerSpan], out: list[Cand]) -> None:
    """NER spans, trimmed only by strong signs: a person's name ends at a stop word, a verb of saying, a title or a
    person met apart behind a clitic ("بايدن لهاريس" -> "بايدن"); a leading title or verb is dropped ("الرئيس
    صالح" -> "صالح"); and a word of a person met by cue is a person whatever the model says."""
    view = doc.view
    starts = {t.start: n for n, t in enumerate(doc.toks)}
    ends = {t.end: n for n, t in enumerate(doc.toks)}
    met = _met(doc, out)
    met.person_ends = {n for s in spans if s.type == "PER" and (n := ends.get(view.norm_index(s.end))) is not None}
    for span in spans:
        ns, ne = view.norm_index(span.start), view.norm_index(span.end)
        if ns in starts and ne in ends:
            out.extend(_from_span(doc, met, span.type, starts[ns], ends[ne]))


def _from_span(doc: Words, met: _Met, kind: EntityKind, first: int, last: int) -> list[Cand]:
    """The candidates one model span gives (none, one, or one per person met apart)."""
    if kind == "MISC" and doc.toks[first].text in stop_words():
        return []  # "أنا أؤمن بقلبي": a clause in marks, not the title of a work
    while first <= last and (_not_name(doc, first) or doc.toks[first].text in stop_words()):
        first += 1  # "مليون ريال للأسر" is no organisation; no name begins with "في" or "أنا"
    while last >= first and _not_name(doc, last):
        last -= 1
    if last < first:
        return []  # a currency, an amount ("ألف جنيه", "دولار"): no entity
    if last > first and all(common_word(doc, k, met.person_words) for k in range(first, last + 1)):
        return []  # "بالغموض والتشويش", "الفكر المتطرف": everyday words the model took for a name
    if kind == "PER":
        if last + 1 < len(doc.toks) and doc.articled(last + 1) and family_before_break(doc, last + 1, named=True):
            last += 1  # "الشيخ جعفر الربح،": the family name the model left out
        first, last = _person_extent(doc, met, first, last)
        words = [doc.toks[k].text for k in range(first, last + 1)]
        if last > first and all(w in met.full_names for w in words) and not met.pairs & set(itertools.pairwise(words)):
            # "بايدن هاريس": names of people met apart, side by side: one mention each
            return [
                Cand(doc.toks[k].start, doc.toks[k].end, "PER", P_NER, None, "ner", k, k)
                for k in range(first, last + 1)
            ]
    elif first == last and any(stem in met.person_words for stem in doc.bare(first)):
        kind = "PER"
    else:
        # "المكالمة ببايدن": a person met apart, behind a clitic, ends a place, body or event the model proposes
        cut = next((k for k in range(first + 1, last + 1) if clitic_person(doc, k, met.full_names)), None)
        if cut is not None:
            last = cut - 1
        if kind == "ORG" and last > first and extents.announcing_head(doc, first, last):
            first += 1  # "شركة أرامكو السعودية": the name is "أرامكو السعودية"
        kind = "PER" if kind != "MISC" and person_by_context(doc, first, last) else kind  # "X نائب رئيس"
    if first == last and _no_name_word(doc, met, kind, first):
        return []
    return [_model_candidate(doc, kind, first, last, met)]


def _not_name(doc: Words, k: int) -> bool:
    """Token k is a currency, number word, month or weekday, clitics and article aside ("بالدولار")."""
    return any(stem in not_names() or key(stem, normalized=True) in not_names() for stem in doc.bare(k))


def _person_extent(doc: Words, met: _Met, first: int, last: int) -> tuple[int, int]:
    """A model person's span without a leading title, verb of saying, place or Latin title, cut where a strong
    sign ends the name."""
    while first < last:
        after = match_title(doc, first)
        if after > first:
            first = min(after, last)  # "الرئيس صالح" -> "صالح"
        elif said(doc.toks[first].text) or doc.toks[first].text in load_set("nisba"):
            first += 1  # "وقال هاريس" -> "هاريس"; "الديمقراطي بيرني ساندرز" -> "بيرني ساندرز"
        elif met.kb_from.get(first, last) < last and doc.toks[first].text not in load_set("first_names"):
            first = met.kb_from[first] + 1
        else:
            break
    while last > first and doc.is_latin(first) and not doc.is_latin(last):
        first += 1  # "Meet the Press كريستين": a Latin title before an Arabic name
    if last > first and _governs_person(doc, met, first, last):
        first += 1  # "مستشاري بايدن", "تنفير بايدن": a noun of which the person met is the genitive
    while last > first and met.kb_to.get(last, first) > first:
        last = met.kb_to[last] - 1
    last = next(
        (
            k - 1
            for k in range(first + 1, last + 1)
            if ner_breaks(doc, k, met.person_words)
            or (
                doc.toks[k - 1].text in met.surnames
                and doc.toks[k].text not in met.person_words
                and not (k - 2 >= first and doc.toks[k - 2].text in name_links())  # "بن سعد الهلال"
            )
        ),
        last,
    )
    return first, last


def _glued_unknown(doc: Words, met: _Met, k: int) -> bool:
    """Token k is a preposition (ب ك ل) glued to a definite word that neither the KB knows as written nor the
    article writes without the preposition ("بالليالي"; but "بالظهران" is a KB place, and "بالسويداء" after
    "السويداء" the place the article names)."""
    for off, stem, fused in strip_clitics(doc.toks[k].text)[1:]:
        lead = doc.toks[k].text[:off]
        if not lead or lead[0] not in "بكل" or not (stem.startswith("ال") or fused):
            continue
        name = stem if stem.startswith("ال") else "ال" + stem
        known = any(doc.kb.has_label(c.entry, name) for c in doc.kb.lookup(name, normalized=True))
        return not (name in met.words or known)
    return False


def _governs_person(doc: Words, met: _Met, first: int, last: int) -> bool:
    """Token ``first`` is a noun governing the person named by the rest of the span, a person the article names
    elsewhere: a frequent word, a definite noun, a plural in construct ("مستشاري", "مؤيدي") or a verbal noun of
    the taf'il pattern ("تنفير"); never a given name or a word of a person met ("هنتر بايدن" stays whole)."""
    word = doc.toks[first].text
    if word in met.person_words or word in load_set("first_names"):
        return False
    if not all(doc.toks[k].text in met.person_words for k in range(first + 1, last + 1)):
        return False
    bare = word[1:] if word[:1] in "وف" and len(word) > 4 else word
    construct = len(bare) >= 5 and bare.endswith("ي") and bare[:1] == "م"
    masdar = len(bare) == 5 and bare[0] == "ت" and bare[3] == "ي"
    return common_word(doc, first, met.person_words) or bare.startswith("ال") or construct or masdar


def _no_name_word(doc: Words, met: _Met, kind: EntityKind, k: int) -> bool:
    """A one-word person or body that is no name: a frequent word, a possessed noun, a verb, an adjective that
    stands between a title and a name ("السيناتور الديمقراطي")."""
    if kind in ("PER", "ORG") and doc.toks[k].text in load_set("nisba"):
        return True
    if kind != "PER" and head_noun(doc.toks[k].text):
        return True  # "قرية", "مطعم": a head noun alone is no place or body
    if kind != "PER" and _glued_unknown(doc, met, k):
        return True  # "بالليالي", "بالأقمشة": a preposition glued to an everyday noun
    if kind in ("PER", "ORG") and common_word(doc, k, met.person_words):
        return True  # "للأسر", "صبي": a frequent word of news, not a name
    if kind in ("PER", "ORG") and possessed_noun(doc, k):
        return True  # "رئيسنا", "وزارتها": a title or head word with a possessive pronoun, not a name
    # "أبحروا", "سيتداولون", "ليسدد": a verb, not a person
    return kind == "PER" and doc.toks[k].text not in met.person_words and verb_form(doc, k)


def _model_candidate(doc: Words, kind: EntityKind, first: int, last: int, met: _Met) -> Cand:
    """The candidate of a model span, linked when the KB has its exact text with the model's type."""
    start, lead, words = doc.toks[first].start, doc.toks[first].text, met.words
    given = load_set("first_names")
    if kind == "PER" and extents.coordinated_person(doc, first, met.person_ends):
        start += 1  # "منير بشير ونصير شمة": a list of people
    elif kind == "PER" and lead[:1] in "وف" and lead not in given and lead[1:] in given | load_set("name_links"):
        start += 1  # "وسالم يوسف", "وأبو القعقاع": the conjunction is no part of the name ("وليد" is a name)
    elif lead[:1] in "وف" and len(lead) > 3 and lead[1:] in words:
        start += 1  # "وإنجلترا" where the article also writes "إنجلترا"
    else:
        start += extents.clitic_before_article(doc, first, words)  # "والبنك المركزي" -> "البنك المركزي"
    text = " ".join(t.text for t in doc.toks[first : last + 1])
    qid = None
    cands = [c for c in doc.kb.lookup(text, normalized=True) if c.entry.type == kind and not obscure_by_sound(c)]
    if first == last:
        # one word by spelling only: a short Arabic word differs by a long vowel ("بردة" is no "بريدة"), and an
        # adjective of a place is no place ("اسباني")
        cands = [
            c
            for c in cands
            if c.how in ("exact", "alias") or (c.how == "loose" and len(text) >= 6 and not nisba_of(text, c.entry))
        ]
    if cands and (kind != "PER" or last > first) and (cands[0].how != "phonetic" or last > first):
        qid = cands[0].entry.id
    elif kind == "LOC" and last > first and any(strip_article(b) in load_set("place_heads") for b in doc.bare(first)):
        qid = extents.headed_place(doc, first + 1, last)  # "ولاية نيفادا": the state the KB knows as "نيفادا"
    return Cand(start, doc.toks[last].end, kind, P_NER, qid, "ner", first, last)


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
    for c in cands:
        if c.source != "ner":
            for k in range(c.first_tok, c.last_tok + 1):
                by_tok.setdefault(k, []).append(c)
    ctx = _Overlaps(
        by_tok,
        alone={surface(doc, c) for c in cands if c.type == "PER" and c.first_tok == c.last_tok and c.source != "ner"},
        modelled={k for c in cands if c.source == "ner" for k in range(c.first_tok, c.last_tok + 1)},
    )
    for n in cands:
        if n.source != "ner":
            continue
        first, last = n.first_tok, n.last_tok
        if _tiled_by_kb(doc, by_tok, first, last):
            ctx.dropped.add(id(n))  # "البنك المركزي الأوروبي اليونان": two KB names side by side, not one body
            continue
        for k in range(first, last + 1):
            for c in by_tok.get(k, ()):
                _settle(doc, ctx, n, c, (first, last))
    return [c for c in cands if id(c) not in ctx.dropped]


def _tiled_by_kb(doc: Words, by_tok: dict[int, list[Cand]], first: int, last: int) -> bool:
    """Tokens ``first`` to ``last`` are covered, end to end, by two or more KB names, none after the first of
    which may be an adjective ("أرامكو السعودية" is one name: "السعودية" is also "Saudi")."""
    k, names = first, 0
    while k <= last:
        ends = [c.last_tok for c in by_tok.get(k, ()) if c.source == "kb" and c.first_tok == k and c.last_tok <= last]
        if not ends or (names and k == max(ends) and doc.toks[k].text.endswith(("يه", "ي"))):
            return False
        k, names = max(ends) + 1, names + 1
    return names >= 2


@define
class _Overlaps:
    """The rule candidates by token, and what :func:`defer_to_model` has decided so far."""

    by_tok: dict[int, list[Cand]]
    alone: set[str]  # people the article names by one word
    modelled: set[int]  # tokens inside a model span
    dropped: set[int] = field(factory=set)  # ids of candidates that give way


def _settle(doc: Words, ctx: _Overlaps, n: Cand, c: Cand, extent: tuple[int, int]) -> None:
    """Model span ``n`` (first and last token as the model gave them: ``extent``) against rule candidate ``c``."""
    first, last = extent
    same = (c.first_tok, c.last_tok) == (first, last)
    if c.source in _CUE_SOURCES and c.type == "PER" and (n.type == "PER" or not same):
        ctx.dropped.add(id(c))
        if n.type == "PER" and c.first_tok <= first and c.last_tok >= last:
            _lend_words(doc, ctx, n, c, extent)  # else the cue is another name beside the model's, or inside it
    elif (
        c.source in ("kb", "known")
        and (n.qid is not None or known_name_kinds().get(key(surface(doc, n), normalized=True)) == n.type)
        and c.type == n.type
        and not (c.first_tok < first and doc.toks[c.first_tok].text in load_set("royal_titles"))
        and c.first_tok <= first
        and last <= c.last_tok
        and c.last_tok - c.first_tok > last - first
    ):
        # "مكة" in "مكة المكرمة": the model's span is a KB name too, its extent stands; but a KB label that
        # begins with a royal title is the name as written ("الملك سلمان بن عبدالعزيز")
        ctx.dropped.add(id(c))
    elif (
        c.source == "institution"
        and c.priority <= P_ORG
        and c.type == n.type
        and c.first_tok == first
        and c.last_tok < last
        and not any(doc.articled(k) for k in range(c.last_tok + 1, last + 1))
    ):
        ctx.dropped.add(id(c))  # "شركة الظهران اكسبو": the model reads on over a name the description stops at
    elif (
        c.source in ("kb", "known")
        and (n.type != "PER" or c.type == "PER" or extents.given_name_place(doc, c, first))
        and first <= c.first_tok
        and c.last_tok <= last
        and last - first > c.last_tok - c.first_tok
    ):
        ctx.dropped.add(id(c))


def _lend_words(doc: Words, ctx: _Overlaps, n: Cand, c: Cand, extent: tuple[int, int]) -> None:
    """A cue's person around a model's person lends it the words before its start (a title or verb of saying
    anchors a name's start) and after its end that the article also uses alone as a name."""
    first, last = extent
    head = range(c.first_tok, n.first_tok)
    if c.source in ("title", "given") and head and not ctx.modelled.intersection(head):
        n.first_tok, n.start = c.first_tok, c.start
    tail = range(n.last_tok + 1, c.last_tok + 1)
    if (
        tail
        and not ctx.modelled.intersection(tail)
        and (
            all(doc.toks[t].text in ctx.alone for t in tail)
            # a model's one-word person and the next name word of a run that a verb of saying or a
            # title opens ("قال جوتاكا إيدي، مؤسس ..." where the model saw "جوتاكا")
            or (first == last and len(tail) == 1 and c.source in ("speech", "title"))
        )
    ):
        n.last_tok, n.end = c.last_tok, c.end
        # the cue makes the added words part of a person's name: no KB place or body inside them
        # ("الصحفي رولاند مارتن" is no "موريتانيا" by sound)
        ctx.dropped.update(id(x) for t in tail for x in ctx.by_tok.get(t, ()) if x.source in ("kb", "known"))


# --- choosing, clustering ------------------------------------------------------------------------------------


def choose(cands: list[Cand], size: int) -> list[Cand]:
    taken = bytearray(size + 1)
    chosen: list[Cand] = []
    for c in sorted(cands, key=lambda c: (-c.priority, -(c.end - c.start), c.start)):
        if c.end <= c.start or 1 in taken[c.start : c.end]:
            continue
        taken[c.start : c.end] = b"\x01" * (c.end - c.start)
        chosen.append(c)
    return sorted(chosen, key=lambda c: c.start)

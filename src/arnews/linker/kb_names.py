"""The knowledge base as a gazetteer: every KB name the article writes (the longest first, clitics read off),
or a name of the known-name lexicon, and whom it names. A person found this way reads on over the ``بن`` chain that
follows; an everyday word names nothing unless it is a place the news names all the time."""

from __future__ import annotations

from collections.abc import Sequence

from arnews.core import grammar
from arnews.core.lexicons import load_set
from arnews.core.names import strip_clitics
from arnews.kb import Candidate, KbEntry
from arnews.linker.cands import Cand
from arnews.linker.grammar import head_noun, name_like, nisba_of
from arnews.linker.tokens import (
    LATIN,
    P_KB_MULTI,
    P_KB_ONE,
    KbMemo,
    Words,
    kb_memo,
    known_name_kinds,
    obscure_by_sound,
    stem_keys,
    stop_words,
)

__all__ = ["kb_pass"]


def kb_pass(doc: Words, out: list[Cand]) -> None:
    toks, kb, stop, known = doc.toks, doc.kb, stop_words(), known_name_kinds()
    memo = kb_memo(kb)
    i = 0
    links = load_set("name_links")
    readings_of = memo.known_readings
    while i < len(toks):
        if not toks[i].word or (i > 0 and toks[i - 1].text in links and doc.joined(i - 1)):
            i += 1  # "فيصل بن بندر بن عبدالعزيز": no KB name begins inside a chain of names
            continue
        readings = readings_of(toks[i].text)
        if readings is None:
            readings = memo.start_readings(toks[i].text)
        if not readings:
            i += 1  # most words begin no name: nothing more to read
            continue
        best: Cand | None = None
        reach = _reach(doc, memo, i, readings)
        if reach == i and not memo.names_alone(toks[i].text):
            i += 1  # one word, and it names nothing by itself
            continue
        for last in range(reach, i - 1, -1):
            rest = tuple(t.text for t in toks[i + 1 : last + 1])
            for off, stem, fused in readings:
                single = last == i
                if single and (stem in stop or len(stem) < 3 or (LATIN.match(stem) and len(stem) < 3)):
                    continue
                text = " ".join((stem, *rest))
                named = memo.names(text)
                if named is None:
                    continue  # neither a KB name nor a known name
                keys, found = named
                # "بايدن هاريس": a word that as written begins a KB name is not read without a clitic as another
                # person (asked only of a run that names something: most do not)
                stripped = stem != toks[i].text and kb.could_start(toks[i].text)
                cand = _kb_candidate(doc, i, text, found, single, stripped=stripped)
                kind = known.get(keys[0])
                start = toks[i].start + (0 if fused else off)
                if cand is not None:
                    prio = P_KB_ONE if single else P_KB_MULTI
                    best = Cand(start, toks[last].end, cand.type, prio, cand.id, "kb", i, last)
                elif kind is not None:
                    best = Cand(start, toks[last].end, kind, P_KB_ONE if single else P_KB_MULTI, None, "known", i, last)
                if best is not None:
                    break
            if best is not None:
                break
        if best is not None:
            if best.type == "PER":
                _lengthen_chain(doc, best)
            out.append(best)
            i = best.last_tok + 1
        else:
            i += 1


def _reach(doc: Words, memo: KbMemo, i: int, readings: tuple[tuple[int, str, bool], ...]) -> int:
    """The last token a KB or known name beginning at token ``i`` (read as one of its ``readings``) may reach: the
    span grows only while it is the beginning of some name, so the pass stays linear in the article; each word is
    keyed once (:func:`~arnews.linker.tokens.stem_keys`) and a span's keys are its words' keys."""
    if not doc.joined(i):
        return i  # a line ends after the word: no name runs on
    toks, reach = doc.toks, i
    second = stem_keys(toks[i + 1].text)
    for _off, stem, _fused in readings:
        keyed = stem_keys(stem) + second
        k = i
        while memo.grows(keyed):  # a method call, which a compiled build makes directly (no bound method made)
            k += 1
            if k - i >= 4 or not doc.joined(k):
                break
            keyed += stem_keys(toks[k + 1].text)
        reach = max(reach, k)
    return reach


def _lengthen_chain(doc: Words, c: Cand) -> None:
    """A KB person read on over the ``بن`` chain that follows the KB's name: "الأمير محمد بن سلمان بن عبدالعزيز"
    is the KB's "الأمير محمد بن سلمان" named with his grandfather."""
    toks, links = doc.toks, load_set("name_links")
    k = c.last_tok
    while True:
        if c.last_tok < k and toks[k].text in links and doc.joined(k) and name_like(doc, k + 1, False):
            k += 1  # "بن عبد العزيز": a link word begins a compound name
        elif k + 2 < len(toks) and toks[k + 1].text in links and doc.joined(k) and doc.joined(k + 1):
            if not name_like(doc, k + 2, False):
                break
            k += 2
        else:
            break
    c.last_tok, c.end = k, toks[k].end


def _kb_candidate(
    doc: Words, i: int, text: str, found: Sequence[Candidate], single: bool, *, stripped: bool = False
) -> KbEntry | None:
    """The KB entity ``text`` (starting at token ``i``) names, of those its keys find (``found``, best first).
    ``stripped``: a clitic was taken off a first word that as written begins a KB name too; then no person is read
    ("بايدن هاريس" is not the legislator "ايدن هاريس")."""
    if not found:
        return None
    parts = text.split()
    cands = [c for c in found if not ((c.entry.type == "PER" and stripped) or obscure_by_sound(c))]
    if single and (head_noun(text) or (text in load_set("common_words") and not _news_place(doc, i, text, found))):
        return None  # "على الأرض" (on the ground), "الشمس": an everyday word is not read as the KB's entity
    if cands and any(p in load_set("common_words") for p in parts):
        # "زيادة عدد" sounds like a person's name: words of everyday news meet the KB by spelling only
        cands = [c for c in cands if c.how in ("exact", "alias")]
    if cands and any(p in stop_words() for p in parts):
        # a function or head word inside: only a KB label written out in full ("جامعة الدول العربية") counts
        cands = [c for c in cands if c.how == "exact" and len(parts) > 1]
    if not cands:
        return None
    if single:
        articled = any(stem.startswith("ال") for _o, stem, _f in strip_clitics(text))
        # one word: the article must agree ("المالي" is not "مالي"); by sound only for places and bodies
        # written without an article ("ماريلاند" ~ "Maryland"); by a loose spelling only when long enough to be a
        # transliteration (a short word differs by a long vowel: "بردة" is no "بريدة")
        # and a person is linked by one word only where the KB labels the person with that one word ("بوتين"،
        # "خامنئي"): never by one word of a longer name (a surname), only through the full name
        cands = [
            c
            for c in cands
            if (c.how in ("exact", "alias") and doc.kb.has_label(c.entry, text))
            or (c.how == "loose" and len(text) >= 6 and not articled and doc.kb.has_label(c.entry, text, loose=True))
            or (c.how == "phonetic" and c.entry.type != "PER" and not articled)
        ]
        # "اسباني"، "فرنسي": an adjective of the place, not the place, when only its sound meets the label
        cands = [c for c in cands if c.how in ("exact", "alias") or not nisba_of(text, c.entry)]
    if not cands:
        return None
    # "ولاية جورجيا": a state, not the country
    if i > 0 and any(s in ("ولايه", "بولايه") for s in doc.bare(i - 1)[:1]):
        states = [c for c in cands if c.entry.description and "state" in c.entry.description]
        cands = states or cands
    return cands[0].entry


_NEWS_PLACE_PRIOR = 0.6  # a place the news names a thousand times and more (the KB's prior of such a row)


def _news_place(doc: Words, i: int, text: str, found: Sequence[Candidate]) -> bool:
    """Whether a frequent word is a place the news names all the time ("الطائف"، "مسقط"), written as the KB labels
    it and not the head of a construct ("مسقط رأسه", his birthplace): with the article, or before no word that could
    be its complement."""
    if not any(c.how == "exact" and c.entry.type == "LOC" and c.entry.prior >= _NEWS_PLACE_PRIOR for c in found):
        return False
    nxt = i + 1
    return (
        text.startswith("ال")
        or nxt >= len(doc.toks)
        or not doc.toks[nxt].word
        or doc.toks[nxt].text in stop_words()
        or grammar.is_stop(doc.toks[nxt].text)
    )

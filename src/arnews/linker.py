"""The entity linker: names found in the article, linked to the knowledge base and clustered per document.

Recognition joins four sources of mentions, all matched on the normal form and reported with exact input offsets:

1. NER spans from the analyzer, when it has a model;
2. the knowledge base as a gazetteer (longest match on word boundaries, proclitics و ف ب ل ك ال لل stripped, so
   "وبايدن" gives the mention "بايدن"; a name whose article is fused into لل keeps the whole word: "للأمم المتحدة");
3. cues of Arabic news (lexicons in ``data/lexicons/ar``): titles and roles before a name ("نائبة الرئيس كامالا
   هاريس", "الاستراتيجي الديمقراطي بكاري سيلرز"), verbs of saying before a name ("قالت ميليسا موراليس"), given
   names ("سارة شاه"), organisation head words before a name, a quoted name or a Latin-script name ("منظمة Win With
   Black Men", "شبكة سي بي إس نيوز"), suffixes of Latin organisation names ("Bison PAC"), and the place before
   "، ولاية X" or in a dateline ("بروفينسيتاون ، ماساتشوستس");
4. the names of people already found, met again alone: a surname or first name joins the full name
   ("هاريس" -> "كامالا هاريس"). When two people share it, the nearest full-name mention before it decides
   (else the nearest after). Acronyms join the entity whose English label or name they spell ("AOC"). A title
   alone ("وقالت الرئيسة") joins the one person the article named with that title, if there is exactly one.

Where the model and the rules disagree on an extent, the model's stands unless the KB or a strong cue gives a
better one (:func:`_ner_pass`, :func:`_defer_to_model`); a one-word person or organisation that is a frequent word
of news (``common_words.txt``) is dropped. Every pass is linear in the article: the gazetteer grows a span only while
it is the beginning of some KB name (:meth:`arnews.kb.KnowledgeBase.could_continue`), and joins use dicts.

Linking prefers an exact Arabic label, then an alias, then the transliteration-aware key of
:func:`arnews.names.phonetic` (which must agree on the full name for people), and the popularity prior among equals.
A surname alone is linked only through a full name in the document, or after a title when one person in the KB
carries that surname clearly more prominently than any other ("الرئيس بايدن").
"""

from __future__ import annotations

import bisect
import itertools
import re
from functools import cache

from attrs import define, field

from arnews.kb import KbEntry, KnowledgeBase, default_kb
from arnews.lexicons import load_set, load_table
from arnews.models import Entity, EntityKind, Mention
from arnews.names import key, phonetic, phonetic_word, strip_clitics
from arnews.nlp import Analysis
from arnews.parser import Structure
from arnews.text import TextView, normalize

_QID = re.compile(r"Q[1-9][0-9]*")
__all__ = ["link_entities"]

_TOKEN = re.compile(r"[a-z][a-z0-9]*|[^\W_a-z]+|[^\w\s]", re.UNICODE)
_LATIN = re.compile(r"^[a-z][a-z0-9]*$")
_ARABIC = re.compile(r"^[\u0621-\u064a\u0671-\u06d3]+$")
_MARKS = re.compile(r"[\u0610-\u061a\u064b-\u065f\u0670\u0640]")
_OPEN_QUOTES = frozenset("“\"«„'")
_CLOSE_QUOTES = frozenset("”\"»'“")
_LATIN_CONNECTORS = frozenset({"of", "for", "the", "with", "and", "de", "y", "la", "el", "del", "to", "on", "in"})
_COMPOUND_HEADS = frozenset({"عبد", "ابو", "بن", "ابن", "بنت", "ام"})
_MAX_NAME = 3
_MAX_SKIP = 6

# priorities of mention sources, highest first wins an overlap
_P_KB_MULTI, _P_ORG, _P_CUE, _P_KB_ONE, _P_NER, _P_WEAK = 6, 5, 4, 3, 2.5, 1


# --- lexicons ------------------------------------------------------------------------------------------------


def _norm_words(phrase: str) -> tuple[str, ...]:
    return tuple(_TOKEN.findall(normalize(phrase)))


_LINKED_TITLE_KINDS = frozenset({"title", "role", "abbrev"})


@cache
def _titles() -> dict[tuple[str, ...], str]:
    """Title phrase -> kind (title, role, abbrev) from ``titles.tsv``. The ambiguous rows (محافظة: also a
    governorate, الفريق: also a team, أمين: also a given name) and the descriptions (المواطن) are left to the
    speaker phrases after a cue verb: before a name to link they would take a place or a club for a person."""
    return {_norm_words(t): kind for t, kind in load_table("titles") if kind in _LINKED_TITLE_KINDS}


@cache
def _title_heads() -> frozenset[str]:
    return frozenset(t[0] for t in _titles())


@cache
def _max_title() -> int:
    return max((len(t) for t in _titles()), default=1)


@cache
def _org_heads() -> dict[str, bool]:
    return {normalize(w): flag == "yes" for w, flag in load_table("org_heads")}


@cache
def _letters() -> dict[str, str]:
    return {normalize(ar): lat for ar, lat in load_table("letter_names")}


@cache
def _not_names() -> frozenset[str]:
    """Words that never begin or end a name a model proposes: currencies, number words, months, weekdays."""
    words = [row[0] for table in ("currencies", "number_words", "months", "weekdays") for row in load_table(table)]
    return frozenset(key(w) for w in words if " " not in w.strip())


@cache
def _known_names() -> dict[str, EntityKind]:
    out: dict[str, EntityKind] = {}
    for name, kind in load_table("known_names"):
        if kind in ("PER", "ORG", "LOC", "MISC"):
            out[key(name)] = kind  # type: ignore[assignment]
    return out


@cache
def _known_firsts() -> frozenset[str]:
    return frozenset(k.split(" ", 1)[0] for k in _known_names())


@cache
def _known_prefixes() -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(k.split()[:n]) for k in _known_names() for n in range(1, len(k.split()) + 1))


def _stop() -> frozenset[str]:
    return load_set("name_stop")


# --- tokens and candidates -----------------------------------------------------------------------------------


@define
class _Tok:
    text: str  # normal form
    start: int  # normal-form offsets
    end: int
    word: bool


@define
class _Cand:
    start: int  # normal-form offsets
    end: int
    type: EntityKind
    priority: float
    qid: str | None = None
    source: str = ""
    first_tok: int = 0
    last_tok: int = 0  # inclusive


@define(eq=False)  # compared by identity: an entity is itself, however many mentions it holds
class _Ent:
    type: EntityKind
    qid: str | None = None
    mentions: list[_Cand] = field(factory=list)
    latin: str | None = None


class _Doc:
    """The tokens of one article's regions and the matching helpers that read them."""

    def __init__(self, view: TextView, structure: Structure, kb: KnowledgeBase) -> None:
        self.view = view
        self.norm = view.norm
        self.kb = kb
        self.toks: list[_Tok] = []
        merged: list[tuple[int, int]] = []
        # people credited in source notes ("ساهمت فلانة في إعداد التقرير") are named in the text too
        self.credited: list[tuple[int, int]] = []
        src = structure.source
        for name in (*src.contributors, src.author, src.translator):
            target = normalize(name or "").strip()
            if len(target.split()) >= 2:
                at = self.norm.find(target)
                if at >= 0:
                    self.credited.append((at, at + len(target)))
        regions = list(structure.regions()) + [view.raw_span(a, b) for a, b in self.credited]
        for rs, re_ in sorted(regions):
            if merged and rs <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], re_))
            else:
                merged.append((rs, re_))
        for rs, re_ in merged:
            ns, ne = view.norm_index(rs), view.norm_index(re_)
            for m in _TOKEN.finditer(self.norm, ns, ne):
                text = m.group()
                self.toks.append(_Tok(text, m.start(), m.end(), text[0].isalnum()))
        # titles met before a name (title key, the name's first token) and alone (title key, first, last token)
        self.titled: list[tuple[tuple[str, ...], int]] = []
        self.bare_titles: list[tuple[tuple[str, ...], int, int]] = []
        self.dateline = (
            (view.norm_index(structure.dateline.start), view.norm_index(structure.dateline.end))
            if structure.dateline
            else None
        )

    def joined(self, i: int) -> bool:
        """Tokens i and i+1 are words with only spaces between them (no line break)."""
        if i + 1 >= len(self.toks):
            return False
        a, b = self.toks[i], self.toks[i + 1]
        gap = self.norm[a.end : b.start]
        return a.word and b.word and (gap == "" or (gap.isspace() and "\n" not in gap))

    def bare(self, i: int) -> list[str]:
        """Readings of token i: as it is, and without proclitics."""
        return [stem for _off, stem, _fused in strip_clitics(self.toks[i].text)]

    def articled(self, i: int) -> bool:
        """Token i starts with the article as written (a bare alef: "الرئيس", not "أليجمان") or with لل."""
        raw = _MARKS.sub("", self.raw(i))
        return raw.startswith(("ال", "لل"))

    def is_latin(self, i: int) -> bool:
        return self.toks[i].word and bool(_LATIN.match(self.toks[i].text))

    def raw(self, i: int) -> str:
        t = self.toks[i]
        s, e = self.view.raw_span(t.start, t.end)
        return self.view.raw[s:e]


# --- the passes ----------------------------------------------------------------------------------------------


def _kb_pass(doc: _Doc, out: list[_Cand]) -> None:
    toks, kb, stop, known = doc.toks, doc.kb, _stop(), _known_names()
    known_first = _known_firsts()
    i = 0
    while i < len(toks):
        if not toks[i].word:
            i += 1
            continue
        best: _Cand | None = None
        readings = [
            r for r in strip_clitics(toks[i].text) if kb.could_start(r[1]) or key(r[1], normalized=True) in known_first
        ]
        # grow the span only while it is the beginning of some KB or known name: linear in the article
        reach = i
        for _off, stem, _fused in readings:
            words = [stem]
            k = i
            while k - i < 4 and doc.joined(k):
                words.append(toks[k + 1].text)
                text = " ".join(words)
                if not (kb.could_continue(text) or tuple(key(text, normalized=True).split()) in _known_prefixes()):
                    break
                k += 1
            reach = max(reach, k)
        for last in range(reach, i - 1, -1) if readings else ():
            rest = [toks[k].text for k in range(i + 1, last + 1)]
            for off, stem, fused in readings:
                text = " ".join([stem, *rest])
                single = last == i
                if single and (stem in stop or len(stem) < 3 or (_LATIN.match(stem) and len(stem) < 3)):
                    continue
                cand = _kb_candidate(doc, i, text, single)
                kind = known.get(key(text, normalized=True))
                start = toks[i].start + (0 if fused else off)
                if cand is not None:
                    prio = _P_KB_ONE if single else _P_KB_MULTI
                    best = _Cand(start, toks[last].end, cand.type, prio, cand.id, "kb", i, last)
                elif kind is not None:
                    best = _Cand(
                        start, toks[last].end, kind, _P_KB_ONE if single else _P_KB_MULTI, None, "known", i, last
                    )
                if best is not None:
                    break
            if best is not None:
                break
        if best is not None:
            out.append(best)
            i = best.last_tok + 1
        else:
            i += 1


def _kb_candidate(doc: _Doc, i: int, text: str, single: bool) -> KbEntry | None:
    parts = text.split()
    cands = doc.kb.lookup(text, normalized=True)
    if cands and any(p in load_set("common_words") for p in parts):
        # "زيادة عدد" sounds like a person's name: words of everyday news meet the KB by spelling only
        cands = [c for c in cands if c.how in ("exact", "alias")]
    if cands and any(p in _stop() for p in parts):
        # a function or head word inside: only a KB label written out in full ("جامعة الدول العربية") counts
        cands = [c for c in cands if c.how == "exact" and len(parts) > 1]
    if not cands:
        return None
    if single:
        articled = any(stem.startswith("ال") for _o, stem, _f in strip_clitics(text))
        # one word: the article must agree ("المالي" is not "مالي"); by sound only for places and bodies
        # written without an article ("ماريلاند" ~ "Maryland")
        # and a person is never linked by one word of an alias (a surname): only through a full name
        cands = [
            c
            for c in cands
            if (
                c.how in ("exact", "alias")
                and doc.kb.has_label(c.entry, text)
                and (c.how == "exact" or c.entry.type != "PER")
            )
            or (c.how == "loose" and not articled and doc.kb.has_label(c.entry, text, loose=True))
            or (c.how == "phonetic" and c.entry.type != "PER" and not articled)
        ]
    if not cands:
        return None
    # "ولاية جورجيا": a state, not the country
    if i > 0 and any(s in ("ولايه", "بولايه") for s in doc.bare(i - 1)[:1]):
        states = [c for c in cands if c.entry.description and "state" in c.entry.description]
        cands = states or cands
    return cands[0].entry


def _match_title(doc: _Doc, i: int) -> int:
    """The index after the longest title phrase starting at token i (clitics و ف ب ل allowed), or i."""
    titles, toks = _titles(), doc.toks
    if not toks[i].word:
        return i
    best = i
    for _off, stem, _fused in strip_clitics(toks[i].text):
        if stem not in _title_heads():
            continue
        words = [stem]
        k = i
        while True:
            if tuple(words) in titles:
                best = max(best, k + 1)
            if len(words) >= _max_title() or not doc.joined(k):
                break
            k += 1
            words.append(toks[k].text)
    return best


def _verb_like(text: str) -> bool:
    """An imperfect verb ("يشكل", "تعقد") rather than a name word: only used for words after a name's first."""
    return len(text) >= 3 and (text[0] == "ي" or (text[0] == "ت" and text[1] not in "شيوا"))


def _name_like(doc: _Doc, k: int, first: bool) -> bool:
    """Token k may be (the first) word of a person's name."""
    t = doc.toks[k]
    if not t.word or not _ARABIC.match(t.text) or len(t.text) < 2:
        return False
    text = t.text
    if text in _stop() or text in load_set("nisba") or text in load_set("name_speech_verbs"):
        return False
    if text in load_set("common_words") and text not in load_set("first_names"):
        return False  # a frequent word of news that is never a name ("زيادة", "تشكيل", "أمام")
    readings = [stem for off, stem, _f in strip_clitics(text) if off]
    for bare in readings:
        if bare in _stop() or bare in _title_heads() or bare in _org_heads() or bare in load_set("nisba"):
            return False
        if len(bare) >= 5 and bare.startswith("ال"):
            return False
    if text in _title_heads() or text in _org_heads():
        return False
    if doc.articled(k):
        prev = doc.toks[k - 1].text if k > 0 else ""
        # after a first name, a family name in the nisba form ("جاسر العتيبي", "فهد القحطاني"); adjectives of
        # party, country or rank ("الديمقراطي", "الأمريكي") are in the nisba lexicon and stay out
        family = len(text) >= 5 and text.endswith("ي") and text not in load_set("nisba") and not doc.is_latin(k)
        return not first and (prev in _COMPOUND_HEADS or family)
    written = doc.raw(k)
    if any(mark in written for mark in "\u064b\u064c\u064d"):
        return False  # tanween: "نائبًا ثانيًا" are not names
    raw = _MARKS.sub("", written)
    if not first:
        if raw.endswith(("ة", "ها", "هم")) or _verb_like(text):
            return False
        if text[0] == "ل" and len(text) > 3 and text[1] not in "اوي":
            return False  # ل + a noun ("لدعم", "لنائبة"), not a surname
    elif raw.endswith(("ة", "ها", "هم")) and text not in load_set("first_names"):
        return False
    return True


def _leading_verb(text: str) -> bool:
    """A verb that a model may take into a name before it: "يدعم", "ويدعم"."""
    bare = text[1:] if text[:1] in ("و", "ف") and len(text) > 3 else text
    return (len(bare) >= 3 and bare[0] == "ي") or text in _stop()


def _common_word(doc: _Doc, k: int, person_words: set[str]) -> bool:
    """Token k, or its stem without proclitics, is a frequent word of news that is never a name (a frequency
    list, ``common_words.txt``), and neither a person met in the article nor a KB label."""
    common = load_set("common_words")
    readings = doc.bare(k)
    if not any(r in common for r in readings) or any(r in person_words for r in readings):
        return False
    return not any(c.how == "exact" for r in readings for c in doc.kb.lookup(r, normalized=True))


def _verb_form(doc: _Doc, k: int) -> bool:
    """Token k has the shape of a verb and is no given name: a plural past ("أبحروا", "ووصلوا") or a plural
    future ("سيتداولون"); names like "ستيفن" or "ليندسي" keep theirs."""
    text = doc.toks[k].text
    if text in load_set("first_names") or not _ARABIC.match(text) or len(text) < 4:
        return False
    bare = text[1:] if text[0] in "وف" and len(text) > 4 else text
    return bare.endswith("وا") or (bare.startswith(("سي", "ست")) and bare.endswith("ون") and len(bare) >= 6)


def _said(text: str) -> bool:
    """A verb of saying, a function word or و/ف + an imperfect verb: never the first word of a name."""
    bare = text[1:] if text[:1] in ("و", "ف") and len(text) > 3 else text
    if bare in load_set("name_speech_verbs") or text in _stop() or bare in _stop():
        return True
    # "ويدعم هاريس": a conjunction and an imperfect verb (a bare "يانكو" may be a name)
    return bare is not text and bare[0] == "ي" and bare not in load_set("first_names")


_FAMOUS = 0.8  # the popularity prior from which a KB person is known by surname alone


def _known_person_word(doc: _Doc, text: str) -> bool:
    return len(phonetic_word(text)) >= 3 and any(p.prior >= _FAMOUS for p in doc.kb.by_surname(text))


def _name_run(doc: _Doc, k: int) -> int:
    """The index after a person's name starting at token k (1-3 name-like words), or k when there is none."""
    if k >= len(doc.toks) or not _name_like(doc, k, True):
        return k
    end = k + 1
    if _known_person_word(doc, doc.toks[k].text):
        return end  # "الرئيس بايدن بعمل جيد": a well-known surname ends the name
    while end - k < _MAX_NAME and doc.joined(end - 1) and _name_like(doc, end, False):
        end += 1
    if doc.toks[end - 1].text in _COMPOUND_HEADS and end - 1 < len(doc.toks) - 1 and doc.joined(end - 1):
        end += 1  # "عبد الله", "محمد بن سلمان": a name does not end on عبد / بن
    while end > k + 1 and doc.toks[end - 1].text in _COMPOUND_HEADS:
        end -= 1
    return end


def _skip_modifiers(doc: _Doc, k: int, loc_starts: dict[int, int]) -> int:
    """After a title: skip adjectives, definite complements, prepositions and places ("عن ولاية جورجيا")."""
    toks, skipped = doc.toks, 0
    nisba, preps = load_set("nisba"), ("في", "عن", "من", "ب", "ولايه", "بولايه", "مدينه")
    while k < len(toks) and skipped < _MAX_SKIP and toks[k].word:
        if k in loc_starts:
            k = loc_starts[k]
            skipped += 1
            continue
        text = toks[k].text
        if text in _stop():
            break
        bare = text[1:] if text[0] in "ول" and len(text) > 3 else text
        if text in nisba or text in preps or doc.articled(k) or bare in _title_heads():
            k += 1
            skipped += 1
            continue
        if doc.is_latin(k):
            k += 1
            skipped += 1
            continue
        break
    return k


def _cue_pass(doc: _Doc, loc_starts: dict[int, int], out: list[_Cand]) -> None:
    toks = doc.toks
    verbs, given = load_set("name_speech_verbs"), load_set("first_names")
    in_title = -1  # the last token of the title phrase being read ("نائبة الرئيس": "الرئيس" is no title of its own)
    for i, tok in enumerate(toks):
        if not tok.word:
            continue
        # titles and roles
        after = _match_title(doc, i)
        if after == i + 1 and _titles().get((tok.text,)) == "abbrev":
            # "د. مهنا الدلامي": an abbreviated title counts only with its dot
            after = after + 1 if after < len(toks) and toks[after].text == "." else i
        if after > i:
            k = _skip_modifiers(doc, after, loc_starts)
            end = _name_run(doc, k)
            if i > in_title:
                if end > k:
                    doc.titled.append((_title_key(doc, i, after), k))
                elif k == after or k >= len(toks) or not toks[k].word or toks[k].text in _stop():
                    doc.bare_titles.append((_title_key(doc, i, after), i, after - 1))
                in_title = after - 1
            if end > k:
                out.append(_Cand(toks[k].start, toks[end - 1].end, "PER", _P_CUE, None, "title", k, end - 1))
            continue
        # verbs of saying
        text = tok.text
        bare = text[1:] if text[0] in "وف" and text[1:] in verbs else text
        if bare in verbs and i + 1 < len(toks):
            k = _match_title(doc, i + 1)
            titled = k > i + 1
            k = _skip_modifiers(doc, k, loc_starts) if titled else i + 1
            end = _name_run(doc, k)
            if end > k:
                source = "speech" if end - k > 1 else "title" if titled else "speech1"
                out.append(_Cand(toks[k].start, toks[end - 1].end, "PER", _P_CUE, None, source, k, end - 1))
            continue
        # a given name and one or two more name words
        if text in given and (i == 0 or not toks[i - 1].word or toks[i - 1].text not in given):
            end = _name_run(doc, i)
            if end - i >= 2:
                out.append(_Cand(tok.start, toks[end - 1].end, "PER", _P_CUE - 0.5, None, "given", i, end - 1))


def _title_key(doc: _Doc, i: int, after: int) -> tuple[str, ...]:
    """A title phrase without proclitics, article or feminine ending: "الرئيسة" and "والرئيس" meet."""
    words = [next((stem for _o, stem, _f in strip_clitics(doc.toks[i].text) if stem in _title_heads()), "")]
    return _title_words_key(words + [doc.toks[k].text for k in range(i + 1, after)])


def _title_words_key(words: list[str]) -> tuple[str, ...]:
    out = []
    for w in words:
        bare = w[2:] if w.startswith("ال") and len(w) > 3 else w
        out.append(bare[:-1] if bare.endswith("ه") and len(bare) > 2 else bare)
    return tuple(out)


@cache
def _title_keys() -> frozenset[tuple[str, ...]]:
    return frozenset(_title_words_key(list(t)) for t in _titles())


def _described_titles(description: str | None) -> set[tuple[str, ...]]:
    """The title keys a KB description gives its person, longest first and without overlap ("نائبة رئيس الولايات
    المتحدة" -> نائب رئيس, not رئيس)."""
    words = _title_words_key(list(_norm_words(description or "")))
    keys, out, j = _title_keys(), set(), 0
    while j < len(words):
        n = next((n for n in range(min(_max_title(), len(words) - j), 0, -1) if words[j : j + n] in keys), 0)
        if n:
            out.add(words[j : j + n])
        j += max(n, 1)
    return out


def _join_bare_titles(doc: _Doc, ents: list[_Ent], taken: bytearray) -> None:
    """A title alone ("وقالت الرئيسة") after the article named the person holding it ("الرئيسة X Y") joins that
    person, when exactly one person in the article holds that title (named with it, or so described in the KB);
    else it stays unlinked."""
    if not doc.bare_titles:
        return
    owner_at: dict[int, _Ent] = {}
    for ent in ents:
        if ent.type == "PER":
            for c in ent.mentions:
                owner_at.setdefault(c.first_tok, ent)
    holders: dict[tuple[str, ...], dict[int, tuple[int, _Ent]]] = {}
    for title, at in doc.titled:
        holder = owner_at.get(at)
        if holder is not None:
            seen = holders.setdefault(title, {}).setdefault(id(holder), (at, holder))
            holders[title][id(holder)] = (min(seen[0], at), holder)
    for ent in ents:  # the KB's description names a title too ("الرئيس السادس والأربعون")
        entry = doc.kb.get(ent.qid) if ent.qid and ent.type == "PER" else None
        if entry is not None and ent.mentions:
            at = min(c.first_tok for c in ent.mentions)
            for title in _described_titles(entry.description):
                seen = holders.setdefault(title, {}).setdefault(id(ent), (at, ent))
                holders[title][id(ent)] = (min(seen[0], at), ent)
    for title, first, last in doc.bare_titles:
        people = list(holders.get(title, {}).values())
        if len(people) != 1 or people[0][0] > first:
            continue  # nobody, or more than one person, holds it; or the name comes only later
        ent = people[0][1]
        tok = doc.toks[first]
        off = next((o for o, stem, _f in strip_clitics(tok.text) if stem in _title_heads()), 0)
        start, end = tok.start + off, doc.toks[last].end
        if any(taken[start:end]):
            continue
        ent.mentions.append(_Cand(start, end, "PER", _P_WEAK, ent.qid, "bare_title", first, last))
        taken[start:end] = b"\x01" * (end - start)


def _credited_pass(doc: _Doc, out: list[_Cand]) -> None:
    starts = {t.start: n for n, t in enumerate(doc.toks)}
    ends = {t.end: n for n, t in enumerate(doc.toks)}
    for a, b in doc.credited:
        if a in starts and b in ends:
            out.append(_Cand(a, b, "PER", _P_CUE, None, "title", starts[a], ends[b]))


def _latin_pass(doc: _Doc, out: list[_Cand]) -> None:
    toks = doc.toks
    suffixes = load_set("org_suffixes")
    i = 0
    while i < len(toks):
        if not doc.is_latin(i) or not doc.raw(i)[:1].isupper():
            i += 1
            continue
        end = i + 1
        while end < len(toks) and doc.is_latin(end) and (toks[end].start - toks[end - 1].end) <= 1:
            raw = doc.raw(end)
            if raw[:1].isupper() or (raw in _LATIN_CONNECTORS and end + 1 < len(toks) and doc.is_latin(end + 1)):
                end += 1
            else:
                break
        while end - 1 > i and toks[end - 1].text in _LATIN_CONNECTORS:
            end -= 1
        text = " ".join(t.text for t in toks[i:end])
        cued = _org_cue_before(doc, i)
        entry = next((c.entry for c in doc.kb.lookup(text) if c.how != "phonetic"), None)
        kind: EntityKind
        if entry is not None:
            kind, qid = entry.type, entry.id
        elif end - i == 1 and doc.raw(i).isupper() and len(doc.raw(i)) <= 6:
            out.append(
                _Cand(toks[i].start, toks[i].end, "ORG", _P_WEAK, None, "acronym" + ("_org" if cued else ""), i, i)
            )
            i = end
            continue
        elif toks[end - 1].text in suffixes or cued:
            kind, qid = "ORG", None
        elif end - i >= 2:
            kind, qid = "MISC", None
        else:
            i = end
            continue
        prio = _P_KB_MULTI + 0.5 if end - i > 1 else _P_ORG
        out.append(_Cand(toks[i].start, toks[end - 1].end, kind, prio, qid, "latin", i, end - 1))
        i = end


def _org_cue_before(doc: _Doc, i: int) -> bool:
    """An organisation head word or a founder/head role just before token i (clitics allowed)."""
    heads = _org_heads()
    roles = ("مؤسس", "مؤسسه", "رئيس", "رئيسه", "مدير", "مديره")
    for k in (i - 1, i - 2):
        if k < 0 or not doc.toks[k].word:
            return False
        for stem in doc.bare(k):
            if stem in heads or stem in roles:
                return True
        if not doc.is_latin(k) and k == i - 1 and doc.toks[k].text not in load_set("nisba"):
            continue
    return False


def _org_pass(doc: _Doc, per_words: frozenset[str], out: list[_Cand]) -> None:
    toks, heads, suffixes, letters = doc.toks, _org_heads(), load_set("org_suffixes"), _letters()
    for i, tok in enumerate(toks):
        if not tok.word:
            continue
        head: str | None = None
        off = 0
        for o, stem, _fused in strip_clitics(tok.text):
            if stem in heads:
                head, off = stem, o
                break
        if head is None or i + 1 >= len(toks):
            continue
        in_name = heads[head]
        nxt = toks[i + 1]
        if not nxt.word and doc.raw(i + 1) in _OPEN_QUOTES:
            close = next((k for k in range(i + 2, min(len(toks), i + 12)) if doc.raw(k) in _CLOSE_QUOTES), None)
            if close is not None and close > i + 2:
                out.append(
                    _Cand(toks[i + 2].start, toks[close - 1].end, "ORG", _P_ORG, None, "quoted", i + 2, close - 1)
                )
            continue
        if not doc.joined(i) or doc.is_latin(i + 1):
            continue  # Latin names are the Latin pass's
        end = i + 1
        while end < len(toks) and end - i <= 5 and toks[end].word and _ARABIC.match(toks[end].text):
            w = toks[end].text
            pair = [toks[k].text for k in (end - 1, end, end + 1) if k < len(toks)]
            letter = w in letters and sum(_spelled(pair)) >= 2  # "في" is a letter only beside another
            if doc.articled(end) or (w in _stop() and not letter) or w in load_set("nisba"):
                break
            if w not in letters and w not in suffixes and not _name_like(doc, end, end == i + 1):
                break
            end += 1
            if not doc.joined(end - 1):
                break
        run = [toks[k].text for k in range(i + 1, end)]
        if not run:
            continue
        last_suffix = max((n for n, w in enumerate(run) if w in suffixes), default=-1)
        if last_suffix >= 0:
            run = run[: last_suffix + 1]
        else:
            cut = next((n for n, w in enumerate(run) if w in _stop()), len(run))
            run = run[:cut]
        if not run or any(w in per_words for w in run):
            continue
        spelled = sum(_spelled(run))
        if not in_name and last_suffix < 0 and spelled < 2:
            continue
        last = i + len(run)
        start = tok.start + off if in_name else toks[i + 1].start
        first = i if in_name else i + 1
        out.append(_Cand(start, toks[last].end, "ORG", _P_ORG, None, "head", first, last))


def _place_pass(doc: _Doc, kb_cands: list[_Cand], taken: set[int], out: list[_Cand]) -> None:
    """A place named before "، X" in the dateline, or before "(ب)ولاية X", where X is a known place."""
    toks = doc.toks
    for c in kb_cands:
        if c.type != "LOC":
            continue
        j = c.first_tok - 1
        if j < 1:
            continue
        in_dateline = doc.dateline is not None and doc.dateline[0] <= c.start < doc.dateline[1]
        if toks[j].text in ("ولايه", "بولايه") or (toks[j].text in ("،", ",") and in_dateline):
            end = j
        else:
            continue
        k = end - 1
        while k >= 0 and end - k <= 2 and _name_like(doc, k, True) and k not in taken:
            k -= 1
            if k >= 0 and not doc.joined(k):
                break
        k += 1
        before = doc.toks[k - 1].text if k > 0 else ""
        if k < end and (k == 0 or not doc.toks[k - 1].word or before in ("في", "من", "الى") or in_dateline):
            out.append(_Cand(toks[k].start, toks[end - 1].end, "LOC", _P_CUE, None, "place", k, end - 1))


def _ner_breaks(doc: _Doc, k: int, person_words: set[str]) -> bool:
    """Token k (after a name's first word) cannot continue a person's name a model proposes: strong signs only,
    so that the model's extent stands otherwise ("فاطمة الزهراء", "سالم يوسف")."""
    t = doc.toks[k]
    if not t.word or t.text in _stop() or t.text in load_set("name_speech_verbs") or t.text in load_set("nisba"):
        return True
    if any(mark in doc.raw(k) for mark in "\u064b\u064c\u064d"):
        return True  # tanween: "نائبًا ثانيًا"
    for off, stem, _fused in strip_clitics(t.text):
        if stem in _title_heads() or stem in _org_heads() or stem in _not_names():
            return True
        if off and stem in person_words and t.text not in person_words:
            return True  # "بايدن لهاريس": a person met apart, joined by a clitic
    return False


@cache
def _possessives() -> tuple[str, ...]:
    return tuple(sorted(load_set("possessive_suffixes"), key=len, reverse=True))


def _possessed_noun(doc: _Doc, k: int) -> bool:
    """Token k is a title, an organisation head or a frequent news word with a possessive pronoun attached
    ("رئيسنا", "حملته", "وزارتها": the ta marbuta is written ت before the pronoun), or a frequent plural noun
    before its complement ("مسؤولو")."""
    heads, common = _title_heads(), load_set("common_words")
    marbuta = _MARKS.sub("", doc.raw(k)).endswith("ة")  # "سلامة" is a name: its ة is no pronoun ه
    for reading in doc.bare(k):
        for suffix in _possessives():
            stem = reading[: -len(suffix)]
            if not reading.endswith(suffix) or len(stem) < 3 or (marbuta and suffix == "ه"):
                continue
            for form in (stem, stem[:-1] + "ه" if stem.endswith("ت") else stem):
                if form in heads or form in _org_heads() or form in common or "ال" + form in heads:
                    return True
        # a sound plural before its complement ("مسؤولو الحملة", "ممثلو الشركات"): the noun's plural is common
        if reading.endswith("و") and len(reading) >= 5 and {reading + "ن", reading[:-1] + "ين"} & common:
            return True
    return False


def _clitic_person(doc: _Doc, k: int, full_names: set[str]) -> bool:
    """Token k is a clitic and a word of a person met by full name ("ببايدن", "لهاريس")."""
    return any(off and stem in full_names for off, stem, _f in strip_clitics(doc.toks[k].text))


def _ner_pass(doc: _Doc, analysis: Analysis, out: list[_Cand]) -> None:
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
            words = _words_of(doc, c)
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
    for span in analysis.entities:
        ns, ne = view.norm_index(span.start), view.norm_index(span.end)
        if ns not in starts or ne not in ends:
            continue
        first, last = starts[ns], ends[ne]
        kind: EntityKind = span.type
        whole = (first, last)
        while first <= last and any(stem in _not_names() for stem in doc.bare(first)):
            first += 1  # "مليون ريال للأسر" is no organisation
        while last >= first and any(stem in _not_names() for stem in doc.bare(last)):
            last -= 1
        if last < first:
            if kind != "MISC":
                continue
            first, last = whole  # a currency alone: ANERcorp-style MISC ("ألف جنيه")
        if kind == "PER":
            while first < last:
                after = _match_title(doc, first)
                if after > first:
                    first = min(after, last)  # "الرئيس صالح" -> "صالح"
                elif _said(doc.toks[first].text):
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
                    if _ner_breaks(doc, k, person_words)
                    or (doc.toks[k - 1].text in surnames and doc.toks[k].text not in person_words)
                ),
                last,
            )
            words = [doc.toks[k].text for k in range(first, last + 1)]
            if last > first and all(w in full_names for w in words) and not pairs & set(itertools.pairwise(words)):
                # "بايدن هاريس": names of people met apart, side by side: one mention each
                for k in range(first, last + 1):
                    out.append(_Cand(doc.toks[k].start, doc.toks[k].end, "PER", _P_NER, None, "ner", k, k))
                continue
        elif first == last and any(stem in person_words for stem in doc.bare(first)):
            kind = "PER"
        else:
            # "المكالمة ببايدن": a person met apart, behind a clitic, ends a place, body or event the model proposes
            cut = next((k for k in range(first + 1, last + 1) if _clitic_person(doc, k, full_names)), None)
            if cut is not None:
                last = cut - 1
        if first == last and kind in ("PER", "ORG") and _common_word(doc, first, person_words):
            continue  # "للأسر", "صبي": a frequent word of news, not a name
        if first == last and kind in ("PER", "ORG") and _possessed_noun(doc, first):
            continue  # "رئيسنا", "وزارتها": a title or head word with a possessive pronoun, not a name
        if first == last and kind == "PER" and doc.toks[first].text not in person_words and _verb_form(doc, first):
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
        out.append(_Cand(start, doc.toks[last].end, kind, _P_NER, qid, "ner", first, last))


_CUE_SOURCES = frozenset({"title", "speech", "speech1", "given"})


def _join_split_names(cands: list[_Cand]) -> list[_Cand]:
    """Model persons side by side that exactly fill one cue's name are one person the model split ("كريستين" +
    "ويلكر" after "لمضيفة البرنامج")."""
    ner_at = {c.first_tok: c for c in cands if c.source == "ner" and c.type == "PER"}
    gone: set[int] = set()
    joined: list[_Cand] = []
    for c in cands:
        if c.source not in ("title", "given") or c.type != "PER" or c.first_tok not in ner_at:
            continue
        parts, k = [], c.first_tok
        while k in ner_at and ner_at[k].last_tok <= c.last_tok:
            parts.append(ner_at[k])
            k = ner_at[k].last_tok + 1
        if len(parts) >= 2 and k == c.last_tok + 1 and not gone.intersection(map(id, parts)):
            gone.update(map(id, parts))
            joined.append(_Cand(c.start, c.end, "PER", _P_NER, None, "ner", c.first_tok, c.last_tok))
    return [c for c in cands if id(c) not in gone] + joined


def _defer_to_model(doc: _Doc, cands: list[_Cand]) -> list[_Cand]:
    """Where the model and the rules disagree on an extent, the model's stands unless the KB or a strong cue gives
    a better one. A cue's person overlapping a model's person gives way to it, but lends it the words it has
    before the model's start (a title or verb of saying anchors a name's start: "لمضيفة البرنامج كريستين ويلكر"
    where the model saw "ويلكر") and the words after its end that the article also uses alone as a name ("الناشطة
    شانون واتس ... قالت واتس"), or the one word after a one-word model person in a cue's name run. A cue's
    person overlapping a model's span of another type gives way unless both cover the same words; a KB match
    strictly inside a model's longer span gives way ("أسامة بن لادن", "نيويورك تايمز"), but not a place or body
    inside a model's person. Linear: candidates are a few tokens long, indexed by token."""
    cands = _join_split_names(cands)
    by_tok: dict[int, list[_Cand]] = {}
    alone = {_surface(doc, c) for c in cands if c.type == "PER" and c.first_tok == c.last_tok and c.source != "ner"}
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
                    and (n.qid is not None or _known_names().get(key(_surface(doc, n), normalized=True)) == n.type)
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


def _resolve(cands: list[_Cand], size: int) -> list[_Cand]:
    taken = bytearray(size + 1)
    chosen: list[_Cand] = []
    for c in sorted(cands, key=lambda c: (-c.priority, -(c.end - c.start), c.start)):
        if c.end <= c.start or any(taken[c.start : c.end]):
            continue
        taken[c.start : c.end] = b"\x01" * (c.end - c.start)
        chosen.append(c)
    return sorted(chosen, key=lambda c: c.start)


def _words_of(doc: _Doc, c: _Cand) -> list[str]:
    return [t.text for t in doc.toks[c.first_tok : c.last_tok + 1]]


def _surface(doc: _Doc, c: _Cand) -> str:
    return doc.norm[c.start : c.end]


class _Affixes:
    """Phonetic word tuples that begin or end a person's full name -> the latest person so named: the
    suffix/prefix join of :func:`_cluster` in one dict lookup per mention ("أوكاسيو كورتيز" -> "ألكساندريا
    أوكاسيو كورتيز"), not a scan of every entity."""

    def __init__(self) -> None:
        self.owner: dict[tuple[str, ...], tuple[int, _Ent]] = {}
        self.order: dict[int, int] = {}

    def note(self, doc: _Doc, ent: _Ent, c: _Cand) -> None:
        if ent.type != "PER" or len(ent.mentions) > 8:
            return
        rank = self.order.setdefault(id(ent), len(self.order))
        full = tuple(phonetic_word(w) for w in _surface(doc, c).split())
        for n in range(1, len(full)):
            for part in (full[-n:], full[:n]):
                if self.owner.get(part, (-1, ent))[0] <= rank:
                    self.owner[part] = (rank, ent)

    def find(self, words: list[str]) -> _Ent | None:
        hit = self.owner.get(tuple(phonetic_word(w) for w in words))
        return hit[1] if hit else None


def _cluster(doc: _Doc, chosen: list[_Cand]) -> list[_Ent]:
    ents: list[_Ent] = []
    by_qid: dict[str, _Ent] = {}
    by_key: dict[tuple[str, str], _Ent] = {}
    affixes = _Affixes()
    singles: list[_Cand] = []
    acronyms: list[_Cand] = []
    for c in chosen:
        if c.source.startswith("acronym"):
            acronyms.append(c)
            continue
        words = _surface(doc, c).split()
        if c.type == "PER" and c.qid is None and len(words) == 1:
            singles.append(c)
            continue
        if c.qid is None and c.type == "PER":
            entry = next((x.entry for x in doc.kb.lookup(_surface(doc, c)) if x.entry.type == "PER"), None)
            if entry is not None:
                c.qid = entry.id
        if c.qid is not None:
            ent = by_qid.get(c.qid)
            if ent is None:
                entry = doc.kb.get(c.qid)
                ent = by_qid[c.qid] = _Ent(entry.type if entry else c.type, c.qid)
                ents.append(ent)
            ent.mentions.append(c)
            affixes.note(doc, ent, c)
            continue
        latin = _latin_form(doc, c)
        keys = [("ph", phonetic(_surface(doc, c)))] + ([("lat", latin)] if latin else [])
        ent = next((by_key[k] for k in keys if k in by_key and by_key[k].type == c.type), None)
        if ent is None and c.type == "PER":
            ent = affixes.find(words)
        if ent is None:
            ent = _Ent(c.type, None, latin=latin)
            ents.append(ent)
        for k in keys:
            by_key.setdefault(k, ent)
        ent.mentions.append(c)
        affixes.note(doc, ent, c)
    _join_singles(doc, ents, singles)
    _join_acronyms(doc, ents, acronyms)
    return ents


def _spelled(words: list[str]) -> list[bool]:
    """Which words are spelled-out Latin letters: only inside a run of two or more ("إن بي سي"), so that
    "في", "أو", "إن" alone stay Arabic words."""
    letters = _letters()
    inside = [w in letters for w in words]
    return [on and ((n > 0 and inside[n - 1]) or (n + 1 < len(words) and inside[n + 1])) for n, on in enumerate(inside)]


def _latin_form(doc: _Doc, c: _Cand) -> str | None:
    """ "NBC News" for both "NBC News" and "إن بي سي نيوز" (letters spelled out in Arabic, then the rest)."""
    words = _words_of(doc, c)
    letters = _letters()
    spelled = _spelled(words)
    out: list[str] = []
    acro = ""
    for w, letter in zip(words, spelled, strict=True):
        if letter:
            acro += letters[w]
            continue
        if acro:
            out.append(acro)
            acro = ""
        out.append(w if _LATIN.match(w) else phonetic_word(w))
    if acro:
        out.append(acro)
    if not any(spelled) and not all(_LATIN.match(w) for w in words):
        return None
    return " ".join(phonetic_word(w) for w in out)


def _join_singles(doc: _Doc, ents: list[_Ent], singles: list[_Cand]) -> None:
    index = _NameIndex(doc, ents)
    for c in singles:
        word = _surface(doc, c)
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
            people = [p for p in doc.kb.by_surname(word) if p.prior >= _FAMOUS]
            if people and (len(people) == 1 or people[0].prior - people[1].prior >= 0.2):
                ent = next((e for e in ents if e.qid == people[0].id), None)
                if ent is None:
                    ent = _Ent("PER", people[0].id)
                    ents.append(ent)
        if ent is None and c.source == "ner" and _lone_name(doc, c, word):
            ent = _Ent("PER", None)
            ents.append(ent)
        if ent is not None:
            ent.mentions.append(c)


def _lone_name(doc: _Doc, c: _Cand, word: str) -> bool:
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
    return bare in load_set("name_speech_verbs") or _match_title(doc, k) == c.first_tok


class _NameIndex:
    """Where each person's multi-word names stand: word -> sorted (start, entity), for nearest-mention joins."""

    def __init__(self, doc: _Doc, ents: list[_Ent]) -> None:
        self.by_last: dict[str, list[tuple[int, int, _Ent]]] = {}
        self.by_last_ph: dict[str, list[tuple[int, int, _Ent]]] = {}
        self.by_first: dict[str, list[tuple[int, int, _Ent]]] = {}
        for n, ent in enumerate(ents):
            if ent.type != "PER":
                continue
            for m in ent.mentions:
                parts = _surface(doc, m).split()
                if len(parts) < 2:
                    continue
                row = (m.start, n, ent)
                self.by_last.setdefault(parts[-1], []).append(row)
                ph = phonetic_word(parts[-1])
                if len(ph) >= 3:
                    self.by_last_ph.setdefault(ph, []).append(row)
                if parts[0] not in _stop() and parts[-2] not in _COMPOUND_HEADS:
                    self.by_first.setdefault(parts[0], []).append(row)
        for index in (self.by_last, self.by_last_ph, self.by_first):
            for rows in index.values():
                rows.sort(key=lambda r: (r[0], r[1]))

    def person(self, word: str, at: int, *, phonetic_ok: bool) -> _Ent | None:
        """The person whose name has ``word`` as last (or first) word; the nearest full mention before decides,
        else the nearest after (a binary search in each sorted list: no quadratic time)."""
        lists = [self.by_last.get(word, [])]
        if phonetic_ok:
            lists.append(self.by_last_ph.get(phonetic_word(word), []))
        if not any(lists):
            lists = [self.by_first.get(word, [])]
        before: tuple[int, int, _Ent] | None = None
        after: tuple[int, int, _Ent] | None = None
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


def _join_acronyms(doc: _Doc, ents: list[_Ent], acronyms: list[_Cand]) -> None:
    """An acronym joins the first entity whose English label or Latin name it spells (one dict built once)."""
    spelled: dict[str, _Ent] = {}
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
            ent = _Ent("ORG", None)
            ents.append(ent)
        if ent is not None:
            ent.mentions.append(c)


def _scan_names(doc: _Doc, ents: list[_Ent], taken: bytearray) -> None:
    """Every word that is the surname (or first name) of a person met in full joins that person."""
    words: dict[str, list[_Ent]] = {}
    for ent in ents:
        if ent.type != "PER":
            continue
        entry = doc.kb.get(ent.qid) if ent.qid else None
        for label in entry.ar if entry else ():
            parts = normalize(label).split()
            if len(parts) >= 2 and parts[-1] not in _stop():
                words.setdefault(parts[-1], []).append(ent)
        for m in ent.mentions:
            parts = _surface(doc, m).split()
            if len(parts) >= 2:
                for n, w in enumerate((parts[0], parts[-1])):
                    if (n == 1 and parts[-2] in _COMPOUND_HEADS) or w in _COMPOUND_HEADS:
                        continue  # "عبد الله": neither part stands for the person
                    if len(w) >= 2 and w not in _stop() and w not in load_set("name_speech_verbs"):
                        bucket = words.setdefault(w, [])
                        if ent not in bucket:
                            bucket.append(ent)
    if not words:
        return
    index = _NameIndex(doc, ents)
    for n, tok in enumerate(doc.toks):
        if not tok.word or any(taken[tok.start : tok.end]):
            continue
        for off, stem, fused in strip_clitics(tok.text):
            if fused or stem not in words:
                continue
            owner = index.person(stem, tok.start, phonetic_ok=False)
            if owner is None and len(set(map(id, words[stem]))) == 1:
                owner = words[stem][0]
            if owner is None:
                continue
            c = _Cand(tok.start + off, tok.end, "PER", _P_WEAK, owner.qid, "scan", n, n)
            owner.mentions.append(c)
            taken[c.start : c.end] = b"\x01" * (c.end - c.start)
            break


def _entity(doc: _Doc, ent: _Ent, local_id: str) -> Entity | None:
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
        wikidata=ent.qid if ent.qid and _QID.fullmatch(ent.qid) else None,  # a user KB may use ids of its own
        mentions=tuple(ordered),
        description=entry.description if entry else None,
    )


def link_entities(
    view: TextView, structure: Structure, analysis: Analysis, kb: KnowledgeBase | None = None
) -> tuple[Entity, ...]:
    """Every entity of the article with all its mentions, sorted by first mention.

    ``kb`` is the knowledge base to link to (default: the bundled one, :func:`arnews.kb.default_kb`).
    """
    doc = _Doc(view, structure, kb if kb is not None else default_kb())
    if not doc.toks:
        return ()
    kb_cands: list[_Cand] = []
    _kb_pass(doc, kb_cands)
    loc_starts = {c.first_tok: c.last_tok + 1 for c in kb_cands if c.type == "LOC"}
    cands = list(kb_cands)
    _cue_pass(doc, loc_starts, cands)
    _latin_pass(doc, cands)
    _credited_pass(doc, cands)
    _ner_pass(doc, analysis, cands)
    strong = ("kb", "title", "speech")
    per_words = frozenset(
        w for c in cands if c.type == "PER" and c.source in strong for w in _words_of(doc, c)
    ) | frozenset(
        w for w in (t.text for t in doc.toks if t.word) if any(p.prior >= _FAMOUS for p in doc.kb.by_surname(w))
    )
    _org_pass(doc, per_words, cands)
    taken_toks = {n for c in kb_cands for n in range(c.first_tok, c.last_tok + 1)}
    _place_pass(doc, kb_cands, taken_toks, cands)
    chosen = _resolve(_defer_to_model(doc, cands), len(doc.norm))
    ents = _cluster(doc, chosen)
    taken = bytearray(len(doc.norm) + 1)
    for ent in ents:
        for c in ent.mentions:
            taken[c.start : c.end] = b"\x01" * (c.end - c.start)
    for c in chosen:  # a word inside a Latin name or an organisation is not a surname of its own
        if c.type != "PER" or c.last_tok > c.first_tok:
            taken[c.start : c.end] = b"\x01" * (c.end - c.start)
    _scan_names(doc, ents, taken)
    _join_bare_titles(doc, ents, taken)
    ents.sort(key=lambda e: min(c.start for c in e.mentions) if e.mentions else 0)
    # entities outside the KB get document-local ids in the order of first mention
    result: list[Entity] = []
    local = 0
    for ent in ents:
        built = _entity(doc, ent, f"L{local + 1}")
        if built is not None:
            result.append(built)
            local += ent.qid is None
    return tuple(result)

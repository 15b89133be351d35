"""Quote attribution: direct, partial and indirect quotes with their speakers.

Per paragraph, one linear pass pairs the quotation marks (a stack; context before glyph, so a closing mark
used as an opener still opens), keeping only outermost quotes. Each quote is then classified:

* a name (an organisation, campaign, title: ``منظمة “الفوز مع النساء السود”``) is dropped, and so is a quote of
  one to three words that the linker or ``known_names.tsv`` knows, that a Latin gloss or a colon and the speech
  follow, or that is the subject or object of a clause going on after it (``إن «أرامكو» ستبني``);
* ``direct``: a whole clause introduced by a cue verb (``قال X:``), followed by one (``”، كما قالت X``), or
  continuing the previous quote;
* ``partial``: a fragment inside narration (``وصف الأمر بأنه “سوء الإدارة”``).

Indirect speech is a cue verb, its speaker phrase and ``إن/أن``; the reported clause runs to the sentence end.
Speakers come from the phrase after the cue (titles skipped, anonymous sources kept as such); an implicit
subject (``وقال إنه``) goes to the nearest fitting person before it, unless a title phrase, a source or an
organisation stands right before the verb (``وزير الصحة قال إن``، ``وكان الوزير قد أكد أن``). Cue verbs,
titles, anonymous heads and the rest are data files under ``data/lexicons/ar``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from functools import cache

from attrs import define, field

from arnews import speakers as sp
from arnews.lexicons import load_set, load_table
from arnews.models import Entity, Quote, Span, Speaker
from arnews.nlp import Analysis
from arnews.parser import Structure
from arnews.speakers import Tok
from arnews.text import TextView, normalize

__all__ = ["extract_quotes"]

_MAX_LOOK = 40  # tokens looked at around a quote or a cue: bounded windows keep the pass linear
_MAX_SPEAKER_WORDS = 8  # words between a cue verb and a short quote that may still be the speaker phrase
_RESOLVE_CHARS = 3000  # how far back an implicit subject may find its antecedent
_MAX_NAMES = 400
_MAX_CLAUSE = 400  # tokens of a reported clause at most


@cache
def _marks() -> dict[str, tuple[str, str]]:
    """Quotation mark -> (family, direction), from ``quote_marks.tsv``."""
    return {row[0]: (row[1], row[2]) for row in load_table("quote_marks") if len(row) >= 3}


@define
class _Open:
    tok: int
    family: str


@define
class _Raw:
    """A quote as found: token indices of its marks (close None when left open) and inner normal offsets."""

    open_tok: int
    close_tok: int | None
    start: int
    end: int
    after: int  # index of the first token after the quote


@define
class _Guess:
    """A resolved speaker in normal-form offsets (span may be an antecedent far before the quote)."""

    span: tuple[int, int]
    anonymous: bool = False
    description: tuple[int, int] | None = None
    gender: str = ""
    number: str = ""
    person: bool = False  # named by the phrase itself as a person or a source (not a title or institution)
    addressee: tuple[int, int] | None = None


def _guess_of(phrase: sp.Phrase, cue: sp.Cue) -> _Guess:
    """The speaker a subject phrase names, with the gender and number its cue verb gives."""
    return _Guess(
        phrase.name,
        anonymous=phrase.anonymous,
        description=phrase.description,
        gender=cue.gender,
        number=cue.number,
        person=not phrase.institution,
        addressee=phrase.addressee,
    )


@define
class _State:
    """What the article has said so far: speakers, name mentions, interview turns."""

    view: TextView
    events: list[tuple[int, int, _Guess]] = field(factory=list)  # (position, order, guess), sorted
    mentions: list[tuple[int, int]] = field(factory=list)  # (start, end) of known person names, sorted
    mention_starts: list[int] = field(factory=list)
    last_quote: _Guess | None = None
    interviewee: tuple[int, int] | None = None
    genders: dict[str, str] = field(factory=dict)

    def add_event(self, guess: _Guess) -> None:
        item = (guess.span[0], len(self.events), guess)
        bisect.insort(self.events, item)
        if guess.gender and not guess.anonymous:
            self.genders.setdefault(self.key(guess.span), guess.gender)

    def key(self, span: tuple[int, int]) -> str:
        text = self.view.norm[span[0] : span[1]].split()
        return text[-1] if text else ""


def _tokens(view: TextView, start: int, end: int) -> list[Tok]:
    """Tokens of ``view.norm[start:end]``. A word whose "ال" was "أل"/"إل" in the input (أليكس، ألكساندريا)
    keeps its hamza, so that it is not mistaken for a word with the article."""
    out: list[Tok] = []
    raw = view.raw
    for m in sp.TOKEN_RE.finditer(view.norm, start, end):
        t = m.group()
        if len(t) > 3 and t.startswith("ال") and raw[view.raw_start(m.start())] in "أإآ":
            t = "أ" + t[1:]
        elif t == "علي" and raw[view.raw_end(m.end()) - 1] == "ي":
            t = "علي\u0651"  # the name علي, not the preposition على
        out.append((m.start(), m.end(), t))
    return out


def _is_open_context(ch: str | None) -> bool:
    return ch is None or ch.isspace() or ch in "([{:،,؛;—–-" or ch in _marks()


def _is_close_context(ch: str | None) -> bool:
    return ch is None or ch.isspace() or ch in ".,،؛;:!?؟)]}…-–—" or ch in _marks()


def _cue_at(toks: Sequence[Tok], i: int, *, colon_ends: bool = False) -> tuple[int, sp.Cue] | None:
    """The cue verb that opens an attribution clause at ``toks[i]`` ("قال أليكمان ..."), past up to three marks
    and a lead-in word, with its index; None when there is none (or, with ``colon_ends``, a colon comes first)."""
    k = i
    while k < len(toks) and k < i + 3 and not sp.is_word(toks[k]):
        if colon_ends and toks[k][2] == ":":
            return None
        k += 1
    if k < len(toks) and toks[k][2] in load_set("quote_lead_ins"):
        k += 1
    if k >= len(toks):
        return None
    cue = sp.cue_of(toks[k][2])
    return (k, cue) if cue is not None and cue.role != "describe" else None


def _starts_attribution(toks: Sequence[Tok], i: int) -> bool:
    """Whether the words from ``toks[i]`` open an attribution clause ("قال أليكمان ...")."""
    return _cue_at(toks, i) is not None


def _pair_marks(norm: str, toks: Sequence[Tok], p_start: int, p_end: int) -> list[_Raw]:
    """Outermost quotes of one paragraph, in one pass over its tokens."""
    marks = _marks()
    stack: list[_Open] = []
    found: list[_Raw] = []
    last_end = -1  # the last sentence-ending token so far
    bottom_stray = False  # whether the outermost open quote opened right on a cue verb
    for i, (s, e, t) in enumerate(toks):
        info = marks.get(t)
        if info is None:
            if t in sp.SENTENCE_END:
                last_end = i
            continue
        family, direction = info
        prev = norm[s - 1] if s > p_start else None
        nxt = norm[e] if e < p_end else None
        opens, closes = _is_open_context(prev), _is_close_context(nxt)
        if family == "single":
            if prev is not None and nxt is not None and (prev.isalnum() and nxt.isalnum()):
                continue  # an apostrophe inside a word (O'Malley)
            if opens and not closes:
                role = "open"
            elif closes and not opens:
                role = "close"
            else:
                continue
        elif opens and not closes:
            role = "open"
        elif closes and not opens:
            role = "close"
        elif not any(o.family == family for o in stack[-1:]):
            role = "open"
        else:
            role = "open" if direction == "open" and opens else "close"
        if role == "open":
            if stack and family == "double" and stack[0].family == "double":
                bottom = stack[0]
                # an attribution clause inside an open quote ("“إنها ... . قال أليكمان: “") ends the quote
                # left open before it; a quote that opens right on a cue verb was a stray mark
                boundary = last_end if last_end > bottom.tok else None
                if bottom_stray:
                    stack.clear()
                elif boundary is not None and _starts_attribution(toks, boundary + 1):
                    found.append(_Raw(bottom.tok, None, toks[bottom.tok][1], toks[boundary][1], boundary + 1))
                    stack.clear()
            if not stack:
                bottom_stray = _starts_attribution(toks, i + 1)
            stack.append(_Open(i, family))
        elif stack and stack[-1].family == family:
            top = stack.pop()
            if not stack:
                found.append(_Raw(top.tok, i, toks[top.tok][1], s, i + 1))
        elif stack and any(o.family == family for o in stack[-2:]):
            while stack and stack[-1].family != family:
                stack.pop()
            top = stack.pop()
            if not stack:
                found.append(_Raw(top.tok, i, toks[top.tok][1], s, i + 1))
    if stack:
        bottom = stack[0]
        if not _starts_attribution(toks, bottom.tok + 1) or len(stack) == 1:
            end = toks[-1][1] if toks else p_end
            found.append(_Raw(bottom.tok, None, toks[bottom.tok][1], end, len(toks)))
    result = []
    for q in found:
        s, e = q.start, q.end
        while s < e and norm[s].isspace():
            s += 1
        while e > s and (norm[e - 1].isspace() or norm[e - 1] in marks):
            e -= 1
        if e > s and any(c.isalnum() for c in norm[s:e]):
            result.append(_Raw(q.open_tok, q.close_tok, s, e, q.after))
    return result


def _words_in(toks: Sequence[Tok], q: _Raw) -> int:
    """How many words a quote holds, counted in a bounded window: only "more than 7 words?" matters."""
    return sum(1 for t in toks[q.open_tok + 1 : min(q.after, q.open_tok + 10)] if sp.is_word(t) and t[0] < q.end)


def _clause_start(toks: Sequence[Tok], i: int, floor: int) -> int:
    """Index of the first token of the clause that ends before ``toks[i]`` (back to a sentence end)."""
    k = i - 1
    while k >= max(floor, 0) and k > i - _MAX_LOOK:
        if toks[k][2] in sp.SENTENCE_END:
            return k + 1
        k -= 1
    return k + 1


def _phrase_end(toks: Sequence[Tok], i: int, stop: int) -> int:
    """End index (exclusive) of the speaker phrase that starts at ``toks[i]``."""
    k = i
    while k < stop and k < i + 20:
        t = toks[k][2]
        if t in load_set("complementizers") or t in ":" or t in _marks() or t in sp.SENTENCE_END:
            break
        k += 1
    return k


def _according_to(view: TextView, start: int, end: int) -> str | None:
    m = sp.according_to_re().search(view.norm, start, end)
    if m is None:
        return None
    toks = _tokens(view, m.end(), min(end, m.end() + 200))
    k = 0
    while k < len(toks) and k < 8 and sp.is_word(toks[k]) and toks[k][2] not in load_set("complementizers"):
        k += 1
    if k == 0:
        return None
    rs, re_ = view.raw_span(toks[0][0], toks[k - 1][1])
    return view.raw[rs:re_]


class _Extractor:
    def __init__(self, view: TextView, structure: Structure, entities: tuple[Entity, ...]) -> None:
        self.view = view
        self.structure = structure
        self.entities = entities
        self.entity_index = sp.EntityIndex(entities)
        self.state = _State(view)
        self.quotes: list[Quote] = []
        self._token_cache: dict[tuple[int, int], list[Tok]] = {}
        self._raw_at: dict[int, _Raw] = {}  # the paragraph's quotes by the index of their opening mark

    # ---- speakers -------------------------------------------------------------------------------------
    def _guess(self, toks: Sequence[Tok], cue: sp.Cue) -> _Guess | None:
        if cue.participle:
            return None  # "مؤكدا استعداد بلاده": an object follows a participle; its subject is the speaker
        phrase = sp.parse_phrase(toks)
        if phrase is None:
            return None
        name = phrase.name
        if phrase.titled and toks:
            # "النائبة عن ولاية نيويورك ألكساندريا أوكاسيو كورتيز": a known name inside the phrase wins
            st = self.state
            m = bisect.bisect_left(st.mention_starts, name[1])
            if m < len(st.mentions) and st.mentions[m][1] <= toks[-1][1]:
                name = st.mentions[m]
                phrase = sp.Phrase(name, addressee=phrase.addressee)
        return _guess_of(phrase, cue)

    def _subject_before(self, toks: Sequence[Tok], i: int, cue: sp.Cue) -> _Guess | None:
        """The speaker named before the cue verb at ``toks[i]`` ("وزير الصحة قال إن"، "وكان الوزير قد أكد أن")."""
        aux = load_set("speech_auxiliaries")

        def is_aux(k: int) -> bool:
            return toks[k][2] in aux or sp.strip_proclitic(toks[k][2]) in aux

        end = i - 1 if i > 0 and is_aux(i - 1) else i
        lo = end - 1
        while lo >= 0 and end - lo <= 8 and sp.is_word(toks[lo]) and not is_aux(lo):
            lo -= 1
        if lo >= 0 and not (is_aux(lo) or toks[lo][2] in sp.PUNCT_STOP):
            return None  # too long, or a quote mark: not a subject standing alone before its verb
        phrase = sp.subject_phrase(toks[lo + 1 : end])
        if phrase is None:
            return None
        return _guess_of(phrase, cue)

    def _resolve(self, pos: int, cue: sp.Cue) -> _Guess | None:
        """The speaker of a cue verb with no subject of its own."""
        st = self.state
        if cue.role == "add":
            k = bisect.bisect_left(st.events, (pos, -1, _Guess((0, 0))))
            if k and pos - st.events[k - 1][0] <= _RESOLVE_CHARS:
                return st.events[k - 1][2]
            if st.last_quote is not None:
                return st.last_quote
        if cue.role == "answer" and st.interviewee is not None:
            return _Guess(st.interviewee, gender=cue.gender)
        plural = cue.number in ("p", "d")

        def fits(g: _Guess) -> bool:
            return (g.number in ("p", "d")) == plural or (not g.number and not plural)

        def pick(cands: list[_Guess]) -> _Guess | None:
            fitting = [g for g in cands if fits(g)]
            for g in fitting[:3]:
                if not cue.gender or not g.gender or g.gender == cue.gender:
                    return g
            return fitting[0] if fitting else None  # machine translation often gets the verb's gender wrong

        k = bisect.bisect_left(st.events, (pos, -1, _Guess((0, 0))))
        events = [it for it in reversed(st.events[max(0, k - 8) : k]) if pos - it[0] <= _RESOLVE_CHARS]
        m = bisect.bisect_left(st.mention_starts, pos)
        mentions: list[tuple[int, _Guess]] = []
        for ms, me in reversed(st.mentions[max(0, m - 8) : m]):
            if pos - ms > _RESOLVE_CHARS or me > pos or self._governed(ms):
                continue
            mentions.append((ms, _Guess((ms, me), gender=st.genders.get(st.key((ms, me)), ""))))
        # "رسالة من سيلرز تقول:": a name right before the verb is its subject
        if mentions and pos - mentions[0][1].span[1] <= 2 and fits(mentions[0][1]):
            return mentions[0][1]
        # a person named as the subject since the last speaker (إن هاريس ... أشادت) comes before that speaker
        last_event = next((it[0] for it in events if fits(it[2])), -1)
        recent = [g for ms, g in mentions if ms > last_event and self._subject_like(ms)]
        chosen = pick(recent) if recent else None
        if chosen is None:
            chosen = pick([it[2] for it in events])
        if chosen is None:
            chosen = pick([g for _, g in mentions])
        return chosen

    def _subject_like(self, pos: int) -> bool:
        """Whether a name at ``pos`` stands where a subject does: after إن/أن, a cue verb, or a sentence end."""
        norm = self.view.norm
        j = pos - 1
        while j >= 0 and norm[j] == " ":
            j -= 1
        if j < 0 or norm[j] in ".!?؟\n":
            return True
        k = j
        while k >= 0 and norm[k].isalnum() and j - k < 8:
            k -= 1
        word = norm[k + 1 : j + 1]
        return word in load_set("complementizers") or sp.cue_of(word) is not None

    def _governed(self, pos: int) -> bool:
        """Whether a name at ``pos`` is the object of a preposition (ببايدن، من سيلرز), not a subject."""
        norm = self.view.norm
        if pos > 0 and norm[pos - 1] in "بل" and (pos < 2 or not norm[pos - 2].isalnum()):
            return True
        j = pos - 1
        while j >= 0 and norm[j] == " ":
            j -= 1
        k = j
        while k >= 0 and norm[k].isalnum() and j - k < 6:
            k -= 1
        return norm[k + 1 : j + 1] in load_set("governing_prepositions")

    def _speaker(self, guess: _Guess | None) -> Speaker | None:
        if guess is None:
            return None
        v = self.view
        rs, re_ = v.raw_span(*guess.span)
        name = v.raw[rs:re_]
        if not name.strip():
            return None
        description = None
        if guess.description is not None:
            ds, de = v.raw_span(*guess.description)
            description = v.raw[ds:de]
        inner = None if guess.anonymous else self.entity_index.person_within((rs, re_))
        if inner is not None and inner[0] > rs:
            head = self.entity_index.covering((rs, rs + 1))
            if head is not None and head is not inner[2]:
                # "قال محافظ جدة مشعل بن ماجد": the phrase opens with a place or body; the speaker is the person in it
                rs, re_ = inner[0], inner[1]
                name = v.raw[rs:re_]
        ent = None if guess.anonymous else sp.entity_for(name, (rs, re_), self.entity_index)
        return Speaker(
            name=name,
            entity=ent.id if ent else None,
            wikidata=ent.wikidata if ent else None,
            anonymous=guess.anonymous,
            description=description,
            span=Span(name, rs, re_),
        )

    def _cue_in(self, toks: Sequence[Tok], lo: int, hi: int) -> tuple[int, sp.Cue, _Guess | None] | None:
        """The attributing cue of a clause ``toks[lo:hi]``: the last one with a subject, else the last one."""
        best: tuple[int, sp.Cue, _Guess | None] | None = None
        explicit = False
        for k in range(lo, hi):
            cue = sp.cue_of(toks[k][2])
            if cue is None or (k > lo and toks[k - 1][2] in load_set("relative_pronouns")):
                continue
            end = _phrase_end(toks, k + 1, hi)
            guess = self._guess(toks[k + 1 : end], cue)
            # a strict form right before the quote counts too ("رسالة من سيلرز تقول: “...”")
            if (
                cue.strict
                and not (end >= hi - 1 and end - k <= 4)
                and not self._strict_ok(toks, k, end, guess, k == lo)
            ):
                continue
            if guess is not None:
                best, explicit = (k, cue, guess), True
                self._note_turn(cue, guess)
            elif not explicit:
                best = (k, cue, self._subject_before(toks, k, cue) or self._resolve(toks[k][0], cue))
        return best

    def _strict_ok(self, toks: Sequence[Tok], k: int, end: int, guess: _Guess | None, at_start: bool) -> bool:
        """Whether a form that is also a common word (بين، يقول، تابع) is a cue here: it must lead into
        إن/أن, a colon or the quote, and stand at a clause start or have a person named right after it."""
        if end >= len(toks) or not (
            toks[end][2] in load_set("complementizers") or toks[end][2] == ":" or toks[end][2] in _marks()
        ):
            return False
        if at_start or toks[k - 1][2] in sp.PUNCT_STOP or toks[k - 1][2] in load_set("quote_lead_ins"):
            return True
        if guess is None or not guess.person:
            return False
        # the phrase must be the speaker and little else ("في هذا السياق يقول الصحافي صديق آبا إن")
        return sum(1 for t in toks[k + 1 : end] if t[0] >= guess.span[1]) <= 3

    def _note_turn(self, cue: sp.Cue, guess: _Guess) -> None:
        if guess.addressee is not None and cue.role in ("say", "ask"):
            self.state.interviewee = guess.addressee

    # ---- quotes ---------------------------------------------------------------------------------------
    def _is_name(self, toks: Sequence[Tok], q: _Raw, words: int) -> bool:
        """A quoted name (organisation, campaign, title), not words spoken."""
        if words > 7:
            return False
        if words <= 3 and q.close_tok is not None and self._in_speaker_slot(toks, q):
            return True  # "وبينت مصادر «سبق» أن"، "ويرى “جون ديغنان” خبير المدن أن": part of the speaker phrase
        if words <= 3 and self._short_name(toks, q):
            self._last_name_end = toks[q.close_tok][1] if q.close_tok is not None else -1
            return True
        if words <= 3 and self._after_speaker(toks, q):
            return False  # "قالت الوزيرة «نعم»": the speaker's words, not a name after a common noun
        k = q.open_tok - 1
        if k < 0:
            return False
        prev = toks[k][2]
        glued = toks[q.open_tok][0] == toks[k][1]
        if glued and sp.is_word(toks[k]) and prev in sp.GLUED_PREPOSITIONS:
            return True
        if not sp.is_word(toks[k]):
            return prev == ":" and k > 0 and sp.in_lexicon(toks[k - 1][2], sp.naming_words())
        if sp.common_noun(prev) or sp.in_lexicon(prev, sp.naming_words()) or prev in sp.name_prepositions():
            return True
        # "في كتابه القيم «...»"، "فيلم الرسوم المتحركة الجديد «...»": a work or body named after its adjectives
        k -= 1
        while k >= 0 and k > q.open_tok - 4 and sp.is_word(toks[k]) and toks[k][2].startswith("ال"):
            k -= 1
        return 0 <= k < q.open_tok - 1 and sp.is_word(toks[k]) and sp.common_noun(toks[k][2])

    def _paragraph(self, p_start: int, p_end: int) -> None:
        v = self.view
        norm = v.norm
        toks = self._tokens(p_start, p_end)
        raws = _pair_marks(norm, toks, p_start, p_end)
        self._raw_at = {q.open_tok: q for q in raws}
        items: list[tuple[int, str, object]] = [(q.start, "q", q) for q in raws]
        spans = [(toks[q.open_tok][0], toks[q.close_tok][1] if q.close_tok is not None else q.end) for q in raws]
        items.extend((toks[i][0], "i", i) for i in self._indirect_cues(toks, spans))
        items.sort(key=lambda x: x[0])
        prev_end_tok = -1  # token index where the previous speech quote ended
        self._prev = None
        covered = -1  # normal offset up to which an indirect clause already reaches
        for _, kind, obj in items:
            if kind == "q":
                assert isinstance(obj, _Raw)
                prev_end_tok = self._quote(toks, obj, prev_end_tok, raws)
            else:
                assert isinstance(obj, int)
                if toks[obj][0] < covered:
                    continue
                covered = self._indirect(toks, obj, spans)

    def _quote(self, toks: Sequence[Tok], q: _Raw, prev_end_tok: int, raws: Sequence[_Raw]) -> int:
        v = self.view
        words = _words_in(toks, q)
        if self._is_name(toks, q, words):
            return prev_end_tok
        lo = _clause_start(toks, q.open_tok, prev_end_tok + 1)
        before = [t for t in toks[lo : q.open_tok] if sp.is_word(t) or t[2] == ":"]
        ends_colon = bool(before) and before[-1][2] == ":"
        has_compl = any(t[2] in load_set("complementizers") for t in before[-6:])
        cue_before = self._cue_in(toks, lo, q.open_tok) if before else None
        kind = "partial"
        attribution_end = -1
        guess: _Guess | None = None
        cue_tok: int | None = None
        prev = self._prev
        adjacent = prev is not None and prev_end_tok >= 0 and prev_end_tok >= q.open_tok - 3
        if cue_before is not None and cue_before[1].role != "describe" and (ends_colon or not has_compl):
            k, _, g = cue_before
            # a short quote inside its sentence ("سألت دورية «...» ماكارثر"، "بين مستخدمي «تويتر» وبين") is a
            # term or a name, not a whole clause: only after a colon or ending the sentence is it direct
            whole = ends_colon or words > 3 or q.after >= len(toks) or toks[q.after][2] in sp.SENTENCE_END
            whole = whole or self._after_speaker(toks, q)  # "قال المتحدث «لا» ثم انصرف"
            if whole and (ends_colon or q.open_tok - k <= 12):
                kind, cue_tok, guess = "direct", k, g
        if kind != "direct" and (not before or ends_colon):
            # the quote opens its sentence: a cue right after it, or the previous quote's speaker
            after = self._cue_after(toks, q.after)
            if after is not None:
                kind, cue_tok, guess = "direct", after[0], after[1]
                attribution_end = after[2]
            elif adjacent and prev is not None:
                kind, guess, cue_tok = prev[0], prev[1], None
            elif prev_end_tok < 0 and lo == 0 and self._follows_quote():
                kind, guess = "direct", self.state.last_quote
            elif words >= 4:
                kind, guess = "direct", None
            else:
                return prev_end_tok
        elif kind != "direct":
            # a fragment in narration: the cue of its sentence, else the quote it is coordinated with
            lo_sent = _clause_start(toks, q.open_tok, 0)
            coordinated = prev is not None and prev_end_tok >= q.open_tok - 2
            if words <= 2 and not coordinated and not self._predicate_slot(toks, q.open_tok):
                return prev_end_tok  # a quoted term in narration («القاعدة»، "فضيحة"): scare quotes or a name
            found = self._cue_in(toks, lo_sent, q.open_tok)
            if found is not None:
                cue_tok, guess = found[0], found[2]
            elif prev is not None and prev_end_tok >= lo_sent:
                guess = prev[1]
            if guess is None and cue_tok is None and words < 4:
                return prev_end_tok  # a short quoted term with nobody saying it: a name or scare quotes
        rs, re_ = v.raw_span(q.start, q.end)
        cue_text = None
        if cue_tok is not None:
            cs, ce = v.raw_span(toks[cue_tok][0], toks[cue_tok][1])
            cue_text = v.raw[cs:ce]
        sent_end = self._sentence_end(toks, q.after)
        according = _according_to(v, toks[lo][0] if lo < len(toks) else q.start, sent_end)
        self.quotes.append(
            Quote(
                text=v.raw[rs:re_],
                start=rs,
                end=re_,
                kind=kind,  # type: ignore[arg-type]
                cue=cue_text,
                speaker=self._speaker(guess),
                according_to=according,
            )
        )
        if guess is not None:
            self.state.add_event(guess)
            if kind == "direct":
                self.state.last_quote = guess
        self._prev = (kind, guess)
        self._last_quote_end = q.end
        return max(q.after - 1, attribution_end)

    _prev: tuple[str, _Guess | None] | None = None
    _last_quote_end = -1
    _last_paragraph_start = -1

    def _follows_quote(self) -> bool:
        """Whether the previous paragraph ended with a quote (a speaker's words running on)."""
        return self._last_quote_end >= 0 and self._last_quote_end >= self._prev_paragraph_tail

    _prev_paragraph_tail = -1

    _last_name_end = -1  # normal offset where the last quoted name closed

    def _short_name(self, toks: Sequence[Tok], q: _Raw) -> bool:
        """Whether a quote of one to three words is a name («بوينج»، «أرامكو»، «كي تي إن»), not speech: the
        linker or ``known_names.tsv`` knows it, it is listed with a quoted name just before it, a Latin gloss or
        a quoted speech follows it, or it is the subject or object of a clause that goes on after it."""
        v = self.view
        if self.entity_index.containing(v.raw_span(q.start, q.end)) is not None:
            return True
        if v.norm[q.start : q.end].strip() in sp.known_names():
            return True
        k = q.open_tok - 1
        j = k
        while j >= 0 and j > k - 2 and (toks[j][2] in "،," or toks[j][2] in sp.CONJUNCTIONS):
            j -= 1
        if 0 <= j < k and toks[j][1] == self._last_name_end:
            return True  # «إيربي إن بي» و«ريديت»: one of a list of names
        if q.close_tok is None:
            return False
        close = q.close_tok
        for _ in range(10):  # a list of short quotes («جوجل» و«ياهو» ستستفيد): what follows the list decides
            j = close + 1
            while j < len(toks) and j <= close + 2 and (toks[j][2] in "،," or toks[j][2] in sp.CONJUNCTIONS):
                j += 1
            item = self._raw_at.get(j) if j > close + 1 else None
            if item is None or item.close_tok is None or _words_in(toks, item) > 3:
                break
            close = item.close_tok
        if close + 1 >= len(toks):
            return False
        nxt = toks[close + 1]
        if nxt[2] == ":" and close + 2 < len(toks) and toks[close + 2][2] in _marks():
            return True  # "لمحطة التلفزيون الكينية «كي تي إن»: «...»": the speech is the next quote
        if not sp.is_word(nxt) or nxt[0] - toks[close][1] > 1:
            return False
        word = nxt[2]
        if word.isascii() and word.isalpha():
            return True  # «أوكيلوس ريفت» Oculus Rift
        if k >= 0 and sp.is_word(toks[k]) and sp.cue_of(toks[k][2]) is not None:
            return True  # "أعلنت «فلاي دبي» عن"، "سألت «الشرق الأوسط» الرؤساء": the verb's subject, named
        if len(word) < 3 or word[0] in sp.CONJUNCTIONS or sp.is_stop(word):
            return False  # "“سوء الإدارة” و”مستعجل”"، "«سخيفة» قبل": the clause or a list goes on
        if k < 0 or not sp.is_word(toks[k]):
            return True  # «أوبك» قادرة ...: the subject of its clause
        prev = toks[k][2]
        if prev in load_set("complementizers"):
            # after bare إن/أن the quote is the subject; after أنه/بأنها it is the predicate (the words reported)
            return len(prev.removeprefix("ب")) == 2
        return sp.cue_of(prev) is None and prev not in load_set("predicate_words")

    def _after_speaker(self, toks: Sequence[Tok], q: _Raw) -> bool:
        """Whether a short quote comes right after a cue verb and the speaker it names, and ends its clause
        ("قالت الوزيرة «نعم»."، "وقال المتحدث الرسمي «لا» ثم انصرف"): words spoken, not a name. The speaker is
        a person, a title or an anonymous source that reaches the quote (not "صحيفة «عكاظ»", not "رئيس تحرير
        صحيفة «عكاظ»"), and no إن/أن follows in the sentence (then the quote is in the speaker's phrase)."""
        o = q.open_tok
        k = o - 1
        while k >= 0 and k >= o - _MAX_SPEAKER_WORDS and sp.is_word(toks[k]) and sp.cue_of(toks[k][2]) is None:
            k -= 1
        if k < 0 or k == o - 1 or not sp.is_word(toks[k]):
            return False
        if any(sp.is_stop(t[2]) or t[2] in load_set("complementizers") for t in toks[k + 1 : o]):
            return False  # "قال أحد السكان إنه سمع «انفجارا»"، "أحد الأعضاء في «داعش»": not the speaker alone
        cue = sp.cue_of(toks[k][2])
        if cue is None or cue.participle or cue.role == "describe":
            return False
        if cue.strict and k > 0 and toks[k - 1][2] not in sp.PUNCT_STOP:
            return False  # "بين مستخدمي «تويتر»": a strict form is a cue only at a clause start
        if toks[o - 1][2] in sp.GLUED_PREPOSITIONS or toks[o - 1][2][0] in "لب":
            return False  # "أفادت مصادر المقاومة لـ«الشرق الأوسط»": the quote is whom the speaker told
        phrase = sp.parse_phrase(toks[k + 1 : o])
        if phrase is None or (phrase.institution and not phrase.titled):
            return False
        # the speaker's name, title or (anonymous source) description reaches the quote
        desc_end = phrase.description[1] if phrase.description else -1
        if toks[o - 1][1] not in (phrase.name[1], desc_end):
            return False
        close = q.close_tok
        if close is None:
            return False
        nxt = close + 1
        if nxt + 1 < len(toks) and toks[nxt][2] in "،,":
            nxt += 1  # "«نعم»، ثم غادرت"
        # the clause going on after the quote makes it a name in it ("أكد مرشحون «خاسرون» لم ..."), unless the
        # next clause opens there ("«نعم» ثم غادرت"، "«لا» وأضاف")
        if (
            nxt < len(toks)
            and toks[nxt][2] not in sp.SENTENCE_END
            and not (
                sp.is_word(toks[nxt])
                and (self._next_cue(toks, nxt) or sp.strip_proclitic(toks[nxt][2]) in load_set("speech_clause_links"))
            )
        ):
            return False
        for j in range(nxt, min(len(toks), nxt + 10)):
            t = toks[j][2]
            if t in load_set("complementizers"):
                return False
            if t in sp.SENTENCE_END or self._next_cue(toks, j):
                break  # "«لا» وأضاف أن ...": that أن is the next cue's
        return True

    @staticmethod
    def _next_cue(toks: Sequence[Tok], k: int) -> bool:
        """Whether ``toks[k]`` is a cue verb opening a new clause: behind و/ف ("وأضاف") or a clause link ("ثم
        أضاف")."""
        word = toks[k][2]
        if sp.cue_of(word) is None:
            return False
        links = load_set("speech_clause_links")
        return sp.strip_proclitic(word) != word or (k > 0 and sp.strip_proclitic(toks[k - 1][2]) in links)

    def _in_speaker_slot(self, toks: Sequence[Tok], q: _Raw) -> bool:
        """Whether a short quote stands between a cue verb and its إن/أن, where the speaker is named."""
        before = [k for k in range(max(0, q.open_tok - 2), q.open_tok) if sp.is_word(toks[k])]
        if not any(sp.cue_of(toks[k][2]) is not None for k in before):
            return False
        for k in range(q.after, min(len(toks), q.after + 10)):
            t = toks[k][2]
            if t in load_set("complementizers"):
                return True
            if t in sp.SENTENCE_END or t == ":" or self._next_cue(toks, k):
                return False  # "قال المتحدث «لا» ثم أضاف أن": that أن is the next cue's
        return False

    def _predicate_slot(self, toks: Sequence[Tok], open_tok: int) -> bool:
        """Whether a short quote stands where words are reported: after أن/بأنه, هو/هي, or a cue verb."""
        for k in range(open_tok - 1, max(-1, open_tok - 4), -1):
            t = toks[k][2]
            if t in load_set("complementizers") or t in load_set("predicate_words"):
                return True
            cue = sp.cue_of(t)
            if cue is not None:
                # a strict form (بين، ذكر) is a cue only at a clause start: "بين المنتجين داخل «أوبك»" is not
                return not cue.strict or k == 0 or toks[k - 1][2] in sp.PUNCT_STOP
            if not sp.is_word(toks[k]):
                return False
        return False

    def _cue_after(self, toks: Sequence[Tok], i: int) -> tuple[int, _Guess | None, int] | None:
        found = _cue_at(toks, i, colon_ends=True)
        if found is None:
            return None
        k, cue = found
        end = _phrase_end(toks, k + 1, len(toks))
        guess = self._guess(toks[k + 1 : end], cue)
        if guess is None:
            guess = self._resolve(toks[k][0], cue)
        else:
            self._note_turn(cue, guess)
        while end < len(toks) and end < k + _MAX_LOOK and toks[end][2] not in sp.SENTENCE_END:
            if toks[end][2] in _marks():
                break
            end += 1
        return k, guess, end

    def _sentence_end(self, toks: Sequence[Tok], i: int) -> int:
        last = min(len(toks), i + _MAX_LOOK)
        for k in range(i, last):
            if toks[k][2] in sp.SENTENCE_END:
                return toks[k][0]
        return toks[last - 1][1] if last > 0 else 0

    # ---- indirect speech ------------------------------------------------------------------------------
    def _indirect_cues(self, toks: Sequence[Tok], spans: Sequence[tuple[int, int]]) -> list[int]:
        found = []
        j = 0
        for i, (s, _, t) in enumerate(toks):
            while j < len(spans) and spans[j][1] <= s:
                j += 1
            if j < len(spans) and spans[j][0] <= s < spans[j][1]:
                continue
            cue = sp.cue_of(t)
            if cue is None or cue.role in ("describe", "ask"):
                continue
            if i > 0 and toks[i - 1][2] in load_set("relative_pronouns"):
                continue
            if sp.in_lexicon(t, sp.impersonal()) or sp.strip_proclitic(t) in sp.impersonal():
                continue
            found.append(i)
        return found

    def _indirect(self, toks: Sequence[Tok], i: int, spans: Sequence[tuple[int, int]]) -> int:
        """An indirect quote from the cue at ``toks[i]``; returns the offset its clause reaches."""
        cue = sp.cue_of(toks[i][2])
        assert cue is not None
        k = i + 1
        limit = min(len(toks), i + 20)
        while k < limit:
            t = toks[k][2]
            if t in _marks():
                # a short quoted name inside the speaker phrase ("صرح لـ«عكاظ» بأن") is stepped over
                close = next((m for m in range(k + 2, min(limit, k + 6)) if toks[m][2] in _marks()), None)
                if close is None:
                    break
                k = close + 1
                continue
            if t in load_set("complementizers") or t == ":" or t in sp.SENTENCE_END:
                break
            k += 1
        if k >= limit or toks[k][2] not in load_set("complementizers"):
            return -1
        c = k
        if c + 1 < len(toks) and toks[c + 1][2] in _marks():
            # "أعلن أنها “سخيفة”": the quote itself is the report, unless it is a name ("إن «أرامكو» ستبني")
            q = self._raw_at.get(c + 1)
            if q is None or _words_in(toks, q) > 3 or not self._short_name(toks, q):
                return -1
        phrase = list(toks[i + 1 : c])
        while phrase and phrase[-1][2] in load_set("speaker_phrase_tails"):
            phrase.pop()
        guess = self._guess(phrase, cue) if phrase else None
        before = self._subject_before(toks, i, cue) if guess is None else None
        # a subject standing before the verb opens the clause, as the verb itself would
        if cue.strict and not self._strict_ok(toks, i, c, guess, i == 0 or before is not None):
            return -1
        if guess is None:
            guess = before or self._resolve(toks[i][0], cue)
        else:
            self._note_turn(cue, guess)
        # the reported clause: after إن/أن to the sentence end, or to a direct quote that starts inside it
        start = toks[c][1]
        end_k = c + 1
        stop = min(len(toks), c + _MAX_CLAUSE)
        while end_k < stop and toks[end_k][2] not in sp.SENTENCE_END:
            if toks[end_k][2] == ":" and end_k + 1 < len(toks) and toks[end_k + 1][2] in _marks():
                break
            end_k += 1
        end = toks[end_k - 1][1] if end_k - 1 > c else start
        norm = self.view.norm
        while start < end and norm[start].isspace():
            start += 1
        while end > start and (norm[end - 1] in "،,؛;" or norm[end - 1].isspace()):
            end -= 1
        if end - start < 3 or not any(ch.isalnum() for ch in norm[start:end]):
            return -1
        v = self.view
        rs, re_ = v.raw_span(start, end)
        cs, ce = v.raw_span(toks[i][0], toks[i][1])
        according = _according_to(v, toks[i][0], end)
        self.quotes.append(
            Quote(
                text=v.raw[rs:re_],
                start=rs,
                end=re_,
                kind="indirect",
                cue=v.raw[cs:ce],
                speaker=self._speaker(guess),
                according_to=according,
            )
        )
        if guess is not None:
            self.state.add_event(guess)
        return end

    # ---- the article ----------------------------------------------------------------------------------
    def _index_names(self, bounds: Sequence[tuple[int, int]]) -> None:
        """Person names the article gives with a title or as a speaker, and every place they recur."""
        norm = self.view.norm
        names: dict[str, None] = {}
        for ent in self.entities:
            if ent.type == "PER":
                for form in [ent.name, *(m.text for m in ent.mentions)]:
                    n = normalize(form).strip()
                    if len(n) > 2:
                        names[n] = None
        for s, e in bounds:
            toks = self._tokens(s, e)
            for a, b in sp.title_names(toks):
                names[norm[a:b]] = None
            for k, tok in enumerate(toks):
                if len(names) >= _MAX_NAMES:
                    break
                cue = sp.cue_of(tok[2])
                if cue is None or cue.role == "describe" or cue.strict or cue.participle:
                    continue
                phrase = sp.parse_phrase(toks[k + 1 : _phrase_end(toks, k + 1, len(toks))])
                if phrase is not None and not phrase.anonymous and not phrase.institution:
                    names[norm[phrase.name[0] : phrase.name[1]]] = None
        forms: set[str] = set()
        stops = sp.stopwords()
        for n in list(names)[:_MAX_NAMES]:
            words = n.split()
            if not words:
                continue
            forms.add(n)
            if len(words) > 1 and len(words[-1]) > 2 and words[-1] not in stops:
                forms.add(words[-1])
        if not forms:
            return
        alternation = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
        pattern = re.compile(rf"(?<!\w)[وفبل]?({alternation})(?!\w)")
        for s, e in bounds:
            for m in pattern.finditer(norm, s, e):
                self.state.mentions.append((m.start(1), m.end(1)))
        self.state.mentions.sort()
        self.state.mention_starts = [m[0] for m in self.state.mentions]

    def _tokens(self, start: int, end: int) -> list[Tok]:
        key = (start, end)
        if key not in self._token_cache:
            self._token_cache[key] = _tokens(self.view, start, end)
        return self._token_cache[key]

    def run(self) -> tuple[Quote, ...]:
        v = self.view
        bounds = []
        for para in self.structure.paragraphs:
            s, e = v.norm_index(para.start), v.norm_index(para.end)
            if e > s:
                bounds.append((s, e))
        self._index_names(bounds)
        for s, e in bounds:
            self._prev_paragraph_tail = self._last_paragraph_end_quote_floor(s)
            self._paragraph(s, e)
            self._last_paragraph_start = s
        return tuple(sorted(self.quotes, key=lambda q: (q.start, q.end)))

    def _last_paragraph_end_quote_floor(self, s: int) -> int:
        """A quote that ended within a few characters of the previous paragraph's end counts as its last words."""
        return s - 8


def extract_quotes(
    view: TextView, structure: Structure, analysis: Analysis, entities: tuple[Entity, ...]
) -> tuple[Quote, ...]:
    """Every quote of the article's body (direct, partial and indirect), with its speaker where one is found."""
    del analysis  # sentences come from the quotation marks and punctuation themselves
    if not view.norm or not structure.paragraphs:
        return ()
    return _Extractor(view, structure, entities).run()

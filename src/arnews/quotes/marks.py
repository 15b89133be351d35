"""Quotation marks and the tokens around them: tokens of a paragraph, pairing of marks into quotes (a stack, linear),
cue verbs next to a mark, clause bounds and 'according to' phrases.
"""

from __future__ import annotations

from collections.abc import Container, Sequence
from functools import cache

from attrs import define

from arnews.core import cue_verbs, grammar
from arnews.core.grammar import Tok
from arnews.core.lexicons import load_set, load_table
from arnews.core.text import SHADDA, TextView, normalize
from arnews.core.tokens import tokenize
from arnews.quotes import cues

MAX_LOOK = 40  # tokens looked at around a quote or a cue: bounded windows keep the pass linear
MAX_SPEAKER_WORDS = 8  # words between a cue verb and a short quote that may still be the speaker phrase
MAX_CLAUSE = 400  # tokens of a reported clause at most


@cache
def mark_table() -> dict[str, tuple[str, str]]:
    """Quotation mark -> (family, direction), from ``quote_marks.tsv``."""
    return {row[0]: (row[1], row[2]) for row in load_table("quote_marks") if len(row) >= 3}


def in_marks(text: str, start: int, end: int) -> bool:
    """The words ``text[start:end]`` stand right inside quotation marks (a body's name: وكالة «معاً»)."""
    return 0 < start <= end < len(text) and text[start - 1] in mark_table() and text[end] in mark_table()


@define
class _Open:
    tok: int
    family: str


@define
class RawQuote:
    """A quote as found: token indices of its marks (close None when left open) and inner normal offsets."""

    open_tok: int
    close_tok: int | None
    start: int
    end: int
    after: int  # index of the first token after the quote


#: How far after a sentence-final mark its sentence may end (closing quotes and brackets, the rest of "...").
_END_REACH = 3


def paragraph_tokens(
    view: TextView, start: int, end: int, sentence_ends: Container[int] = (), *, made: Sequence[Tok] | None = None
) -> list[Tok]:
    """Tokens of ``view.norm[start:end]``. A word whose "ال" was "أل"/"إل" in the input (أليكس، ألكساندريا)
    keeps its hamza, so that it is not mistaken for a word with the article. A sentence-final mark where the one
    sentence splitter ends a sentence (one of ``sentence_ends``, normal-form offsets, right after the mark or
    its closing quotes; every such mark when no sentence ends are given) has the kind
    :data:`~arnews.quotes.cues.END`. ``made``: the tokens of that range already made
    (:meth:`arnews.document.Doc.norm_tokens`)."""
    out = list(made) if made is not None else tokenize(view.norm, start, end)
    raw = view.raw
    for n, tok in enumerate(out):
        t = tok.text
        if t in cues.SENTENCE_END:
            if not sentence_ends or any(tok.end + k in sentence_ends for k in range(_END_REACH)):
                out[n] = Tok(tok.start, tok.end, t, cues.END, tok.word)  # not _replace, which costs more
        elif len(t) > 3 and t.startswith("ال") and raw[view.raw_start(tok.start)] in "أإآ":
            out[n] = Tok(tok.start, tok.end, "أ" + t[1:], tok.kind, tok.word)
        elif t == "علي" and raw[view.raw_end(tok.end) - 1] == "ي":
            out[n] = Tok(tok.start, tok.end, "علي" + SHADDA, tok.kind, tok.word)  # a name, not the preposition على
    return out


def _is_open_context(ch: str | None) -> bool:
    return ch is None or ch.isspace() or ch in "([{:،,؛;—–-" or ch in mark_table()


def _is_close_context(ch: str | None) -> bool:
    return ch is None or ch.isspace() or ch in ".,،؛;:!?؟)]}…-–—" or ch in mark_table()


def cue_at(toks: Sequence[Tok], i: int, *, colon_ends: bool = False) -> tuple[int, cue_verbs.Cue] | None:
    """The cue verb that opens an attribution clause at ``toks[i]`` ("قال أليكمان ..."), past up to three marks
    and a lead-in word, with its index; None when there is none (or, with ``colon_ends``, a colon comes first)."""
    k = i
    while k < len(toks) and k < i + 3 and not grammar.is_word(toks[k]):
        if colon_ends and toks[k][2] == ":":
            return None
        k += 1
    lead = k
    while k < len(toks) and k < lead + 2 and toks[k][2] in load_set("quote_lead_ins"):
        k += 1
    if k >= len(toks):
        return None
    cue = cue_verbs.cue_of(toks[k][2])
    if cue is not None and k == lead and not cues.narrow_ok(cue, toks, k, k + 1):
        return None  # "«عكاظ» تحدثت المصادر": a narrow cue after a quote only behind a lead-in ("هكذا تحدث")
    return (k, cue) if cue is not None and cue.role != "describe" else None


def _starts_attribution(toks: Sequence[Tok], i: int) -> bool:
    """Whether the words from ``toks[i]`` open an attribution clause ("قال أليكمان ...")."""
    return cue_at(toks, i) is not None


def pair_marks(norm: str, toks: Sequence[Tok], p_start: int, p_end: int) -> list[RawQuote]:
    """Outermost quotes of one paragraph, in one pass over its tokens."""
    marks = mark_table()
    stack: list[_Open] = []
    found: list[RawQuote] = []
    last_end = -1  # the last sentence-ending token so far
    bottom_stray = False  # whether the outermost open quote opened right on a cue verb
    for i, (s, e, t, kind, _word) in enumerate(toks):
        info = marks.get(t)
        if info is None:
            if kind == cues.END:
                last_end = i
            continue
        family, direction = info
        prev = norm[s - 1] if s > p_start else None
        nxt = norm[e] if e < p_end else None
        role = _role(family, direction, prev, nxt, stack)
        if role is None:
            continue
        if role == "open":
            if stack and family == "double" and stack[0].family == "double":
                bottom = stack[0]
                # an attribution clause inside an open quote ("“إنها ... . قال أليكمان: “") ends the quote
                # left open before it; a quote that opens right on a cue verb was a stray mark
                boundary = last_end if last_end > bottom.tok else None
                if bottom_stray:
                    stack.clear()
                elif boundary is not None and _starts_attribution(toks, boundary + 1):
                    found.append(RawQuote(bottom.tok, None, toks[bottom.tok][1], toks[boundary][1], boundary + 1))
                    stack.clear()
            if not stack:
                bottom_stray = _starts_attribution(toks, i + 1)
            stack.append(_Open(i, family))
        elif stack and stack[-1].family == family:
            top = stack.pop()
            if not stack:
                found.append(RawQuote(top.tok, i, toks[top.tok][1], s, i + 1))
        elif stack and any(o.family == family for o in stack[-2:]):
            while stack and stack[-1].family != family:
                stack.pop()
            top = stack.pop()
            if not stack:
                found.append(RawQuote(top.tok, i, toks[top.tok][1], s, i + 1))
    if stack:
        bottom = stack[0]
        if not _starts_attribution(toks, bottom.tok + 1) or len(stack) == 1:
            stop = _narration_resumes(toks, bottom.tok + 1)
            end = toks[stop][0] if stop < len(toks) else (toks[-1][1] if toks else p_end)
            found.append(RawQuote(bottom.tok, None, toks[bottom.tok][1], end, stop))
    return _trimmed(norm, found)


def _narration_resumes(toks: Sequence[Tok], i: int) -> int:
    """Where a quote left open gives way to narration: a comma before a participle cue ("«أن البرنامج فعال،
    مبينا أن ...") ends the speaker's words; else the paragraph's end (``len(toks)``)."""
    for k in range(i + 1, len(toks) - 1):
        if toks[k][2] in "،," and grammar.is_word(toks[k + 1]):
            cue = cue_verbs.cue_of(toks[k + 1][2])
            if cue is not None and cue.participle:
                return k
    return len(toks)


def _role(family: str, direction: str, prev: str | None, nxt: str | None, stack: list[_Open]) -> str | None:
    """Whether a mark opens or closes a quote, from the characters around it (context before glyph), or None
    when it does neither (an apostrophe inside a word, a lone single mark between spaces)."""
    opens, closes = _is_open_context(prev), _is_close_context(nxt)
    if family == "single":
        if prev is not None and nxt is not None and (prev.isalnum() and nxt.isalnum()):
            return None  # an apostrophe inside a word (O'Malley)
        if opens != closes:
            return "open" if opens else "close"
        return None
    if opens != closes:
        return "open" if opens else "close"
    if not any(o.family == family for o in stack[-1:]):
        return "open"
    return "open" if direction == "open" and opens else "close"


def _trimmed(norm: str, found: list[RawQuote]) -> list[RawQuote]:
    """Quotes without edge spaces and marks; those with no letter or digit left are dropped."""
    marks = mark_table()
    result = []
    for q in found:
        s, e = q.start, q.end
        while s < e and norm[s].isspace():
            s += 1
        while e > s and (norm[e - 1].isspace() or norm[e - 1] in marks):
            e -= 1
        if e > s and any(c.isalnum() for c in norm[s:e]):
            result.append(RawQuote(q.open_tok, q.close_tok, s, e, q.after))
    return result


def words_in(toks: Sequence[Tok], q: RawQuote) -> int:
    """How many words a quote holds, counted in a bounded window: only "more than 7 words?" matters."""
    return sum(1 for t in toks[q.open_tok + 1 : min(q.after, q.open_tok + 10)] if grammar.is_word(t) and t[0] < q.end)


def clause_start(toks: Sequence[Tok], i: int, floor: int) -> int:
    """Index of the first token of the clause that ends before ``toks[i]`` (back to a sentence end)."""
    k = i - 1
    while k >= max(floor, 0) and k > i - MAX_LOOK:
        if cues.ends(toks[k]):
            return k + 1
        k -= 1
    return k + 1


#: A pronoun spoken to or of, between a cue verb and its speaker ("وقال له الأمين"، "ويقول عنه الوزير").
PRONOUN_OBJECTS: frozenset[str] = cues.PRONOUN_OBJECTS


def phrase_end(toks: Sequence[Tok], i: int, stop: int) -> int:
    """End index (exclusive) of the speaker phrase that starts at ``toks[i]``; a name in marks that opens it is
    read whole ("وأعلن «المرصد السوري لحقوق الإنسان»، أن")."""
    k = i + 1 if i < stop and toks[i][2] in PRONOUN_OBJECTS else i
    if k < stop and toks[k][2] == "ل" and outlet_end(toks, k + 1, stop) > k + 1:
        k = outlet_end(toks, k + 1, stop)  # "وقال لـ«عكاظ» المتحدث الإعلامي": the outlet spoken to
        if k < stop and toks[k][2] in ("،", ","):
            k += 1
    named = quoted_end(toks, k, 7, stop)
    if named > k:
        after = named + 1 if named < stop and toks[named][2] in ("،", ",") else named
        if after < stop and (toks[after][2] in load_set("complementizers") or toks[after][2] == ":"):
            k = named  # the name, then إن/أن or a colon ('وأضاف "أنور": "..."'): not "قال «لا» ثم انصرف"
        elif after < stop and grammar.is_word(toks[after]) and grammar.is_title(toks[after][2]):
            k = named  # "قال "عذبي العقيل" مدير عام المبيعات:": the name, then a title in apposition
        elif _words_to_colon(toks, after, stop) or _said_in(toks, after, stop):
            k = named  # "وقالت «نعيم للسمسرة» في مذكرة: «...»": the name, then where it said it
    while k < stop and k < i + 20:
        t = toks[k][2]
        if t in mark_table() and k == i + 1 and _body_named_in_marks(toks, k, stop):
            k = quoted_end(toks, k, 5, stop)  # "وقالت شركة "بيكر هيوز" للخدمات النفطية "...": the body's name
            continue
        if t in mark_table() and titled_quoted_name(toks, k, stop) is not None:
            k = quoted_end(toks, k, _TITLED_QUOTED_WORDS, stop)  # "ويقول السيد «فركاش»، وهو ...": the titled name
            continue
        if t in load_set("complementizers") or t in ":" or t in mark_table() or cues.ends(toks[k]):
            break
        k += 1
    return k


def _body_named_in_marks(toks: Sequence[Tok], k: int, stop: int) -> bool:
    """The marks at ``toks[k]`` hold the name of the body whose noun, without the article or a preposition, opens the
    speaker phrase before them ("وقالت شركة «بيكر هيوز» للخدمات النفطية"): a noun in construct needs its name, so
    what the marks hold is no quote."""
    head = toks[k - 1][2]
    return (
        grammar.is_word(toks[k - 1])
        and grammar.strip_proclitic(head) in grammar.organisation_heads()  # not "لصحيفة «غارديان»", spoken to
        and quoted_end(toks, k, 5, stop) > k
    )


def _words_to_colon(toks: Sequence[Tok], k: int, stop: int) -> bool:
    """Whether a few words, and nothing else, lead from ``toks[k]`` to a colon or إن/أن before ``stop``."""
    for m in range(k, min(stop, k + 8)):
        t = toks[m][2]
        if t == ":" or t in load_set("complementizers"):
            return m > k
        if not grammar.is_word(toks[m]):
            return False
    return False


def _said_in(toks: Sequence[Tok], k: int, stop: int) -> bool:
    """Whether the words from ``toks[k]`` to the next quotation mark say what the words were said in, and nothing
    else: في and a statement noun, a place before it ("في مصر في مذكرة «...»"), or ب and the noun ("بعبارة"); the
    mark may stand at ``stop``, where the quote opens."""
    for m in range(k, min(len(toks), stop + 1, k + 6)):
        if toks[m][2] in mark_table():
            first = toks[k][2]
            if first[:1] == "ب":
                return m > k and cues.carrier_noun(first[1:]) is not None  # "بعبارة": ب on the statement itself
            return m > k and first == "في" and any(cues.carrier_noun(t[2]) is not None for t in toks[k:m])
        if not grammar.is_word(toks[m]):
            return False
    return False


def outlet_end(toks: Sequence[Tok], k: int, stop: int | None = None) -> int:
    """The index after the name of an outlet at ``toks[k]`` that ل or إلى governs: in marks ("لـ«عكاظ»") or in
    brackets, as some papers write their own name ("لـ(عكاظ)"); ``k`` when none opens there."""
    stop = len(toks) if stop is None else min(stop, len(toks))
    if k < stop and toks[k][2] == "(":
        close = next((m for m in range(k + 2, min(stop, k + 6)) if toks[m][2] == ")"), None)
        return k if close is None else close + 1
    return quoted_end(toks, k, 5, stop)


def quoted_end(toks: Sequence[Tok], k: int, words: int = 5, stop: int | None = None) -> int:
    """The index after a quoted name of at most ``words`` tokens opening at ``toks[k]`` («عكاظ») and closing
    before ``stop`` (default: the end), or ``k`` when none does."""
    stop = len(toks) if stop is None else min(stop, len(toks))
    if k >= stop or toks[k][2] not in mark_table():
        return k
    close = next((m for m in range(k + 2, min(stop, k + words + 2)) if toks[m][2] in mark_table()), None)
    return k if close is None else close + 1


_TITLED_QUOTED_WORDS = 3  # the most words of a name in marks right after a title


def titled_quoted_name(toks: Sequence[Tok], i: int, stop: int | None = None) -> tuple[int, int] | None:
    """The name in marks right after a title with its article that ends before ``toks[i]`` ("ويقول السيد «فركاش»"،
    "تقول الدكتورة «هتون الفاسي»"): the words' span inside the marks. A title in construct is followed by the body it
    heads ("رئيس «فيفا»"، "مدير قناة «تي»"), and words after the marks (before ``stop``) make them the title's
    complement."""
    if i == 0 or not grammar.has_article(toks[i - 1][2]) or not grammar.is_title(toks[i - 1][2]):
        return None
    stop = len(toks) if stop is None else min(stop, len(toks))
    after = quoted_end(toks, i, _TITLED_QUOTED_WORDS, stop)
    words = toks[i + 1 : after - 1]
    if after == i or not all(grammar.is_word(t) and not grammar.everyday(t[2]) for t in words):
        return None  # "وقال الوزير «لا»": a word, not a name
    if after < stop and grammar.is_word(toks[after]) and toks[after][2] not in load_set("complementizers"):
        return None  # "الرئيس «التنفيذي» للشركة"
    return toks[i + 1][0], toks[after - 2][1]


def past_quoted_names(toks: Sequence[Tok], end: int) -> int:
    """Where the phrase ending at ``toks[end]`` ends when short quoted names inside it are stepped over ("منتج مسلسل
    «أوراق التوت» الفنان ماجد العبيد"): the reach of a later titled name."""
    while end < len(toks) and toks[end][2] not in cues.PUNCT_STOP:
        after = quoted_end(toks, end)
        if after == end:
            break
        end = after
        while end < len(toks) and grammar.is_word(toks[end]):
            end += 1
    return end


def addressee_end(toks: Sequence[Tok]) -> int:
    """Where the speaker phrase begins after what may open it: the outlet spoken to ("لـ«عكاظ»"، "لرويترز") and the
    statement it was made in ("في تصريح لـ«الوطن»"، "في حديثه إلى «الشرق الأوسط»"، "في كلمة له")."""
    k, n = 0, len(toks)
    while k < n:
        t = toks[k][2]
        if t == "ل" and outlet_end(toks, k + 1) > k + 1:
            k = outlet_end(toks, k + 1)  # "لـ«عكاظ»"، "لـ(عكاظ)"
            if k < n and toks[k][2] in ("،", ","):
                k += 1  # "وقال لـ«الشرق الأوسط»، الدكتور فهمي صبحة"
        elif t[:1] == "ل" and "ال" + t[1:] in load_set("audience_nouns") and outlet_end(toks, k + 1) > k + 1:
            k = outlet_end(toks, k + 1)  # "وأضاف لقناة «سكاي نيوز» أنه": the outlet spoken to, named in marks
            if k < n and toks[k][2] in ("،", ","):
                k += 1
        elif t in PRONOUN_OBJECTS:
            k += 1  # "وقال له الأمين"، "ويقول عنه الوزير": the one spoken to or of is a pronoun
        elif t[0] == "ب" and t[1:] in load_set("demonstratives"):
            # "صرح بذلك الوكيل": what was said; "ويقول بهذا الصدد": the demonstrative's noun with it
            k += 2 if k + 1 < n and grammar.has_article(toks[k + 1][2]) else 1
        elif t == "في" and k + 1 < n and toks[k + 1][2] in load_set("statement_nouns"):
            k += 2
            while k < n and normalize(toks[k][2]) in load_set("statement_modifiers"):
                k += 1
            if k < n and toks[k][2] in ("الي", "ل") and outlet_end(toks, k + 1) > k + 1:
                k = outlet_end(toks, k + 1)  # "إلى «الشرق الأوسط»"
            elif k < n and toks[k][2].startswith("ل") and len(toks[k][2]) > 3 and grammar.is_word(toks[k]):
                k = addressee_complement(toks, k + 1)  # "لرويترز"، "للصحيفة"، "لوسائل إعلام جزائرية"
        else:
            break
    return k


def addressee_complement(toks: Sequence[Tok], k: int) -> int:
    """Where the one spoken to ends, ``toks[k - 1]`` its ل-word: a common noun without the article heads a construct,
    and its complement and the adjectives after it are the addressee's too ("في تصريحات لوسائل إعلام جزائرية"،
    "لوكالة الأنباء الفرنسية"); a name ("لرويترز") or a definite noun ("للصحيفة") ends it."""
    head = toks[k - 1][2]
    common = head[1:] in load_set("common_words") or head[1:] in grammar.organisation_heads()
    if head.startswith("لل") or not common or k >= len(toks):
        return k
    if not grammar.is_word(toks[k]) or toks[k][2] in load_set("complementizers") or grammar.is_title(toks[k][2]):
        return k
    definite = grammar.has_article(toks[k][2])
    k += 1
    while k < len(toks) and grammar.is_word(toks[k]) and toks[k][2] not in load_set("complementizers"):
        w = toks[k][2]
        if not (grammar.has_article(w) if definite else w.endswith(("يه", "ي"))):
            break
        k += 1
    return k

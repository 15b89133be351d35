"""Direct and partial quotes: the cue before or after a quote, continuations of the previous speaker, fragments in
narration.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from attrs import define

from arnews.core import cue_verbs, grammar
from arnews.core.grammar import Tok
from arnews.core.lexicons import load_set
from arnews.core.text import normalize
from arnews.models import Quote
from arnews.quotes import cues, documents, frames, nearby
from arnews.quotes import speakers as sp
from arnews.quotes.attribution import cue_in, guess_speaker, note_turn, resolve_subject, speaker_record
from arnews.quotes.colons import colon_subject, narrated, narrator
from arnews.quotes.indirect import according_text, sentence_end, source_guess
from arnews.quotes.marks import (
    MAX_LOOK,
    RawQuote,
    clause_start,
    cue_at,
    mark_table,
    phrase_end,
    quoted_end,
    words_in,
)
from arnews.quotes.names import after_speaker, credit_line, follows_quote, is_name, predicate_slot
from arnews.quotes.reading import Guess, Reading


@define
class _Found:
    """What a quote is: its kind, the token of its cue, its speaker, and the last token the attribution takes."""

    kind: str
    cue_tok: int | None = None
    guess: Guess | None = None
    attribution_end: int = -1
    narrated: bool = False  # the narrator's own words: not a speaker later verbs go on from


def read_quote(ctx: Reading, toks: Sequence[Tok], q: RawQuote, prev_end_tok: int, raws: Sequence[RawQuote]) -> int:
    """Read one paired quote: a name (skipped), or direct or partial speech with its speaker. Returns the token
    where the quote's attribution ends (the floor of the next quote's clause)."""
    words = words_in(toks, q)
    if is_name(ctx, toks, q, words):
        return prev_end_tok
    lo = clause_start(toks, q.open_tok, prev_end_tok + 1)
    if narrated(toks, lo, q.open_tok):
        # "فقلت له: «...»": the narrator's words, theirs where the article names who says "I" (a memoir's title)
        found: _Found | None = _Found("direct", None, narrator(ctx), narrated=True)
    else:
        found = _classify(ctx, toks, q, prev_end_tok, lo=lo, words=words)
    if found is None:
        return prev_end_tok
    _record(ctx, toks, q, lo, found)
    return max(q.after - 1, found.attribution_end)


_SOURCED_WORDS = 7  # the fewest words of a fragment that an attribution opening its sentence speaks for, plus one
_SOURCE_OPENS = 3  # tokens before an attribution's source that open its sentence ("ووفقا للمصادر"، "كذلك، ووفقا")
_CUE_REACH = 12  # tokens from a cue to the direct quote it opens with no colon ("قال الوزير للصحفيين «...»")


def _classify(
    ctx: Reading, toks: Sequence[Tok], q: RawQuote, prev_end_tok: int, *, lo: int, words: int
) -> _Found | None:
    """Direct speech (a cue before it, a cue after it, the previous quote's speaker), a fragment in narration
    (partial), or None for a quoted term nobody says."""
    before = [t for t in toks[lo : q.open_tok] if grammar.is_word(t) or t[2] == ":"]
    ends_colon = bool(before) and before[-1][2] == ":"
    has_compl = any(t[2] in load_set("complementizers") for t in before[-6:])
    cue_before = cue_in(ctx, toks, lo, q.open_tok) if before else None
    prev = ctx.prev
    adjacent = prev is not None and prev_end_tok >= 0 and prev_end_tok >= q.open_tok - 3
    # a cue that only describes ("يصف") introduces speech when a colon leads from its named subject to the quote
    describes = cue_before is not None and cue_before[1].role == "describe"
    if (
        cue_before is not None
        and (not describes or (ends_colon and cue_before[2] is not None))
        and (ends_colon or not has_compl)
    ):
        k, _, g = cue_before
        # a short quote inside its sentence ("سألت دورية «...» ماكارثر"، "بين مستخدمي «تويتر» وبين") is a
        # term or a name, not a whole clause: only after a colon or ending the sentence is it direct
        whole = ends_colon or words > 3 or q.after >= len(toks) or cues.ends(toks[q.after])
        whole = whole or after_speaker(ctx, toks, q)  # "قال المتحدث «لا» ثم انصرف"
        # a quoted name right before the quote ends the speaker's phrase ("وقالت السا غونزاليس في تصريح إلى محطة
        # التلفزيون "تي في إي" "..."), as does an aside in commas ("تقول أمل صقر، وهي فلسطينية ...، «...»")
        reach = _CUE_REACH * 2 if q.open_tok > 0 and toks[q.open_tok - 1][1] == ctx.last_name_end else _CUE_REACH
        past = next((j for j in range(k + 1, q.open_tok) if g is not None and toks[j][0] >= g.span[1]), k)
        reach = q.open_tok - k if nearby.aside_after(toks, past, until=q.open_tok) == q.open_tok - 1 else reach
        if whole and (ends_colon or q.open_tok - k <= reach):
            return _Found("direct", k, g)
    if not before or ends_colon:
        return _opening(ctx, toks, q, prev_end_tok, lo=lo, words=words, bare=not before, adjacent=adjacent)
    # a fragment in narration: the cue of its sentence, else the quote it is coordinated with
    lo_sent = clause_start(toks, q.open_tok, 0)
    coordinated = prev is not None and prev_end_tok >= q.open_tok - 2
    cue = cue_in(ctx, toks, lo_sent, q.open_tok)
    # "ووفقا للمصادر فقد تم النقاش حول ...، وسبل «...»": no verb, but the attribution that opens the sentence names
    # the source of a long fragment (a short one is more often a name: "وفقا لدراسة نشرت في «دورية الحساسية ...»")
    source = frames.according_phrase(toks, lo_sent, q.open_tok) if cue is None else None
    # a quoted term in narration («القاعدة»، "فضيحة"): scare quotes or a name, unless somebody speaks in its
    # sentence and it reads as their words: two words, or one with the article ("من «الضياع»"; a bare foreign
    # word in quotes is a name: «بيرسون»)
    fragment = words == 2 or (words == 1 and q.open_tok + 1 < len(toks) and toks[q.open_tok + 1][2].startswith("ال"))
    if words <= 2 and not coordinated and not predicate_slot(ctx, toks, q.open_tok) and not (cue and fragment):
        return None
    found = _Found("partial")
    if cue is not None:
        found.cue_tok, found.guess = cue[0], cue[2]
    elif prev is not None and prev_end_tok >= lo_sent:
        found.guess = prev[1]
    elif source is not None and words > _SOURCED_WORDS and source.start <= lo_sent + _SOURCE_OPENS:
        found.guess = source_guess(ctx, toks, source)
        if speaker_record(ctx, found.guess) is None:
            return None  # "ووفقا لدراسة نشرت في العدد الأخير من «...»": no source that speaks
    if found.guess is None and found.cue_tok is None and not _reported_clause(toks, q, lo_sent):
        # a quoted term with nobody saying it in its sentence ("زلزال «تسونامي جنوب شرقي آسيا» في ..."): a name,
        # a title or scare quotes
        return None
    return found


def _opening(
    ctx: Reading,
    toks: Sequence[Tok],
    q: RawQuote,
    prev_end_tok: int,
    *,
    lo: int,
    words: int,
    bare: bool,
    adjacent: bool,
) -> _Found | None:
    """A quote that opens its sentence (``bare``) or follows a colon with no cue before it: a name and a colon, a
    cue right after it, the previous quote's speaker, an attribution, or the report just before it."""
    prev = ctx.prev
    if not bare:
        named = _named_line(ctx, toks, q, lo)
        if named is not None:
            return named
    after = cue_after(ctx, toks, q.after)
    if after is not None:
        return _Found("direct", after[0], after[1], after[2])
    if adjacent and prev is not None:
        return _Found(prev[0], None, prev[1])
    if prev_end_tok < 0 and lo == 0 and follows_quote(ctx):
        return _Found("direct", None, ctx.state.last_quote)
    if bare:
        after_quote = _according_after(ctx, toks, q)
        if after_quote is not None:
            return after_quote
    else:
        before_colon = documents.attributed(ctx, toks, q, lo)
        if before_colon is not None:
            return _Found("direct", before_colon[0], before_colon[1])
    if words < 4:
        return None
    if bare and q.open_tok > 0 and toks[q.open_tok - 1][2] in ("؟", "?"):
        # "- أي نوع من التدريب قمت به؟ «رياضي أساسا ...»": the answer to an interview's question
        answer = cue_verbs.cue_of("اجاب")
        return _Found("direct", None, resolve_subject(ctx, q.start, answer) if answer else None)
    if bare:
        opens = toks[q.open_tok][0]
        return _Found(
            "direct", None, credit_line(ctx, toks, q) or _last_reporter(ctx, q.start, opens) or _trailed(ctx, opens)
        )
    return _Found("direct", None, colon_subject(ctx, toks, q, lo) or credit_line(ctx, toks, q))


_NARRATED_CHARS = 400  # how far back the speaker of a bare quote's narration may stand


def _last_reporter(ctx: Reading, pos: int, opens: int) -> Guess | None:
    """The speaker a bare quote goes on with: the one whose words the sentences just before it report ("ويشير
    حسان إلى أن ... .. «...»"), when that report ended a sentence back at most; after an ellipsis ("يقول ياسر
    فراويلة إن ... عاجلة. أولا إنهاء حالة الفوضى.. «...»"), which carries the paragraph's report on, anywhere in
    its paragraph. ``opens``: where the quote's opening mark stands."""
    reports = ctx.state.reports
    if not reports or reports[-1][0] > pos:
        return None
    at, guess = reports[-1]
    norm = ctx.view.norm
    if norm[max(0, opens - 4) : opens].rstrip().endswith(("..", "…")):
        previous, reach = norm.rfind("\n", max(0, opens - _NARRATED_CHARS * 3), opens) + 1, _NARRATED_CHARS * 3
    else:
        # a sentence back, or two within the quote's paragraph ("يؤكد أحد قادة القبائل أن ... الغربية.. يحدث هذا منذ
        # يوم السبت الماضي. «...»": the writer's remark between the report and the words)
        back = ctx.sentence_start(max(0, ctx.sentence_start(pos) - 2))
        two_back = max(ctx.sentence_start(max(0, back - 2)), pos - _NARRATED_CHARS)  # nothing further is in reach
        two_back = max(two_back, norm.rfind("\n", two_back, opens) + 1)  # (a bounded look: no quadratic time)
        previous, reach = min(back, two_back), _NARRATED_CHARS
    if pos - at > reach or at < previous:
        return None
    name = ctx.view.norm[guess.span[0] : guess.span[1]]
    return guess if guess.anonymous or sp.speaker_problem(name) is None else None


def _trailed(ctx: Reading, opens: int) -> Guess | None:
    """ "ويتعجب «جديدي» من وصول القبيلتين إلى هذا الحد من الخصام.. «...»"، "وكان أبو هريرة يجتمع مع مقاتلين آخرين..
    «...»": after an ellipsis, which lets the sentence before trail into the words, a bare quote with no report before
    it is said by the person that sentence opens with as its subject."""
    norm = ctx.view.norm
    head = norm[max(0, opens - 4) : opens].rstrip()
    if not head.endswith(("..", "…")):
        return None
    dots = max(0, opens - 4) + len(head) - (1 if head.endswith("…") else 2)  # where the ellipsis begins
    return nearby.opening_subject(ctx, dots) or nearby.sentence_subject(ctx, dots) or _quoted_opening(ctx, dots)


_QUOTED_NAME_WORDS = 3  # the most words of a person's name in marks after the verb that opens a sentence


def _quoted_opening(ctx: Reading, pos: int) -> Guess | None:
    """ "ويتعجب «جديدي» من ...": a name in marks right after the word that opens the sentence before ``pos``, a verb
    (no noun with the article, no particle), as the subject a feature's writer names an interviewee by."""
    toks = ctx.tokens(ctx.sentence_start(pos), pos)
    if len(toks) < 4 or not grammar.is_word(toks[0]) or grammar.is_stop(toks[0][2]):
        return None
    if grammar.has_article(grammar.strip_proclitic(toks[0][2])):
        return None
    after = quoted_end(toks, 1, _QUOTED_NAME_WORDS)
    return Guess((toks[2][0], toks[after - 2][1]), person=True) if after > 2 else None


def _according_after(ctx: Reading, toks: Sequence[Tok], q: RawQuote) -> _Found | None:
    """ "«...»، على حد تعبير المحلل تركي فدعق"، "«...»، بحسب مصدر مطلع": the attribution right after a quote that
    opens its sentence names the speaker."""
    k = q.after
    while k < len(toks) and toks[k][2] in ("،", ","):
        k += 1
    own = _own_words(toks, k)
    if own is not None:
        return _Found("direct", k, resolve_subject(ctx, toks[k][0], own[1]), own[0] + 1)
    these = _these_words(ctx, toks, k + (k < len(toks) and toks[k][2] == "."))
    if these is not None:
        return these
    source = frames.according_phrase(toks, k, sentence_end(toks, k)) if k < len(toks) else None
    if source is None or source.start > k + 4:
        return None
    return _Found("direct", k, source_guess(ctx, toks, source), source.end)


def _these_words(ctx: Reading, toks: Sequence[Tok], k: int) -> _Found | None:
    """ "«...»، بهذه الكلمات أوجز القائد العسكري العميد عبدالله صبيحي أحداث أمس": the subject of the verb after
    "these words" said the quote (the verb's form gives no more than its gender)."""
    if k + 3 >= len(toks) or toks[k + 1][2] not in load_set("utterance_nouns"):
        return None
    if toks[k][2][:1] != "ب" or toks[k][2][1:] not in load_set("demonstratives"):
        return None
    verb = k + 2
    if not grammar.is_word(toks[verb]) or toks[verb][2] in grammar.stopwords():
        return None  # "بهذه الكلمات في مقدمة رواية": no verb, no subject
    said = cue_verbs.cue_of(toks[verb][2]) or cue_verbs.cue_of("قالت" if toks[verb][2][:1] == "ت" else "قال")
    if said is None:
        return None
    end = phrase_end(toks, verb + 1, len(toks))
    guess = guess_speaker(ctx, toks[verb + 1 : end], said)
    return None if guess is None else _Found("direct", verb, guess, end)


_LINE_NAME_WORDS = 4  # the longest name that opens a line of speech ("شهد حسن: "...""، "Bero Thabet: "..."")


def _named_line(ctx: Reading, toks: Sequence[Tok], q: RawQuote, lo: int) -> _Found | None:
    """A person's name, then a colon and the words, as a transcript or a list of comments gives them ("شهد حسن:
    "..."" ): the whole clause before the colon is one person mention."""
    first = q.open_tok - 1  # the colon
    while first > lo and grammar.is_word(toks[first - 1]) and q.open_tok - 1 - first <= _LINE_NAME_WORDS:
        first -= 1
    words = list(range(first, q.open_tok - 1))
    if not words or len(words) > _LINE_NAME_WORDS or (first > 0 and toks[first - 1][2] in mark_table()):
        return None
    v = ctx.view
    rs, re_ = v.raw_span(toks[words[0]][0], toks[words[-1]][1])
    person = ctx.entity_index.person_within((rs, re_))
    span = (toks[words[0]][0], toks[words[-1]][1])
    # the label is a person's name: a mention of its own, a mention with given names before it ("شهد حسن"), or
    # the shape of a name
    whole = person is not None and person[1] == re_ and (person[0] == rs or _name_shaped(v.raw[rs:re_], person[0] - rs))
    if whole or _name_shaped(v.raw[rs:re_]):
        return _Found("direct", None, Guess(span, person=True))
    opens_line = first == 0 or "\n" in v.norm[toks[first - 1][1] : toks[first][0]]
    label = [toks[k][2] for k in words]
    if (
        opens_line
        and grammar.strip_proclitic(label[0]) == label[0]
        and not any(cue_verbs.cue_of(w) or grammar.is_stop(w) for w in label)
    ):
        # a label that opens its line ("Èsrãá Ämêr: "..."" in a list of comments): its quote is nobody's known
        # words rather than those of the line before
        return _Found("direct", None, None)
    return None


def _name_shaped(label: str, known: int = -1) -> bool:
    """A label written as a name: Latin words that each open with a capital ("Mohamed Abd Elmonem"), a given name
    of the lexicon before words that are no stopword or common noun, or (``known``: where a person mention starts in
    it) one word before that mention that is a given name or no everyday word, stopword, common noun, title, word
    with the article or with و/ف before it ("X حسن")."""
    words = label.split()
    if all(w[0].isupper() and w.isalpha() for w in words):
        return True
    if known > 0:
        before = [normalize(w) for w in label[:known].split()]
        return len(before) == 1 and (
            grammar.given_name(before[0])
            or not (
                grammar.everyday(before[0])
                or grammar.is_stop(before[0])
                or grammar.common_noun(before[0])
                or grammar.is_title(before[0])
                or grammar.has_article(before[0])
                or grammar.strip_proclitic(before[0]) != before[0]
            )
        )
    norm = [normalize(w) for w in words]
    return grammar.given_name(norm[0]) and not any(grammar.is_stop(w) or grammar.common_noun(w) for w in norm[1:])


@cache
def _by_words() -> frozenset[str]:
    """The words of the attribution phrases (``according_to.txt``: "على حد قوله"، "حسب قولها"), the ل left out."""
    return frozenset(w for phrase in load_set("according_to") for w in phrase.split() if w != "ل")


def _own_words(toks: Sequence[Tok], k: int) -> tuple[int, cue_verbs.Cue] | None:
    """ "«...» حسب قولها"، "«...»، على حد قوله": the speaker's own words, by a verbal noun with a pronoun; the token
    of the noun and its cue (gender and number from the pronoun)."""
    j = k
    while j < min(len(toks), k + 2) and toks[j][2] in _by_words():
        j += 1
    if j == k or j >= len(toks):
        return None
    cue = cue_verbs.cue_of(toks[j][2])
    return (j, cue) if cue is not None and toks[j][2].startswith("قول") else None


def _reported_clause(toks: Sequence[Tok], q: RawQuote, lo: int) -> bool:
    """Whether a quote is a reported clause by its form: إن/أن opens it or comes before it in its sentence."""
    first = toks[q.open_tok + 1][2] if q.open_tok + 1 < len(toks) else ""
    complementizers = load_set("complementizers")
    return first in complementizers or any(t[2] in complementizers for t in toks[max(lo, q.open_tok - 12) : q.open_tok])


def _record(ctx: Reading, toks: Sequence[Tok], q: RawQuote, lo: int, found: _Found) -> None:
    """Add the quote to the article's quotes and to what the reading remembers."""
    v = ctx.view
    rs, re_ = v.raw_span(q.start, q.end)
    cue_text = None
    if found.cue_tok is not None:
        cs, ce = v.raw_span(toks[found.cue_tok][0], toks[found.cue_tok][1])
        cue_text = v.raw[cs:ce]
    according = according_text(ctx, toks, frames.according_phrase(toks, lo, sentence_end(toks, q.after)))
    ctx.quotes.append(
        Quote(
            text=v.raw[rs:re_],
            start=rs,
            end=re_,
            kind=found.kind,  # type: ignore[arg-type]
            cue=cue_text,
            speaker=speaker_record(ctx, found.guess),
            according_to=according,
        )
    )
    if q.close_tok is not None:
        ctx.state.note_quoted(q.start, q.end)
    guess = found.guess
    if guess is not None and not found.narrated:
        ctx.state.add_event(guess, reported_to=q.end)
        if found.kind == "direct":
            ctx.state.last_quote = guess
    ctx.prev = (found.kind, None if found.narrated else guess)
    ctx.last_quote_end = q.end


def cue_after(ctx: Reading, toks: Sequence[Tok], i: int) -> tuple[int, Guess | None, int] | None:
    found = cue_at(toks, i, colon_ends=True)
    if found is None:
        return None
    k, cue = found
    end = phrase_end(toks, k + 1, len(toks))
    guess = guess_speaker(ctx, toks[k + 1 : end], cue)
    if guess is None:
        guess = resolve_subject(ctx, toks[k][0], cue)
    else:
        note_turn(ctx, cue, guess)
    while end < len(toks) and end < k + MAX_LOOK and not cues.ends(toks[end]):
        if toks[end][2] in mark_table():
            break
        end += 1
    return k, guess, end

"""Direct and partial quotes: the cue before or after a quote, continuations of the previous speaker, fragments in
narration.
"""

from __future__ import annotations

from collections.abc import Sequence

from arnews.core.lexicons import load_set
from arnews.models import Quote
from arnews.quotes import speakers as sp
from arnews.quotes.attribution import cue_in, guess_speaker, note_turn, resolve_subject, speaker_record
from arnews.quotes.indirect import sentence_end
from arnews.quotes.marks import (
    MAX_LOOK,
    RawQuote,
    according_to_phrase,
    clause_start,
    cue_at,
    mark_table,
    phrase_end,
    words_in,
)
from arnews.quotes.names import after_speaker, follows_quote, is_name, predicate_slot
from arnews.quotes.reading import Guess, Reading
from arnews.quotes.speakers import Tok


def read_quote(ctx: Reading, toks: Sequence[Tok], q: RawQuote, prev_end_tok: int, raws: Sequence[RawQuote]) -> int:
    v = ctx.view
    words = words_in(toks, q)
    if is_name(ctx, toks, q, words):
        return prev_end_tok
    lo = clause_start(toks, q.open_tok, prev_end_tok + 1)
    before = [t for t in toks[lo : q.open_tok] if sp.is_word(t) or t[2] == ":"]
    ends_colon = bool(before) and before[-1][2] == ":"
    has_compl = any(t[2] in load_set("complementizers") for t in before[-6:])
    cue_before = cue_in(ctx, toks, lo, q.open_tok) if before else None
    kind = "partial"
    attribution_end = -1
    guess: Guess | None = None
    cue_tok: int | None = None
    prev = ctx.prev
    adjacent = prev is not None and prev_end_tok >= 0 and prev_end_tok >= q.open_tok - 3
    if cue_before is not None and cue_before[1].role != "describe" and (ends_colon or not has_compl):
        k, _, g = cue_before
        # a short quote inside its sentence ("سألت دورية «...» ماكارثر"، "بين مستخدمي «تويتر» وبين") is a
        # term or a name, not a whole clause: only after a colon or ending the sentence is it direct
        whole = ends_colon or words > 3 or q.after >= len(toks) or toks[q.after][2] in sp.SENTENCE_END
        whole = whole or after_speaker(ctx, toks, q)  # "قال المتحدث «لا» ثم انصرف"
        if whole and (ends_colon or q.open_tok - k <= 12):
            kind, cue_tok, guess = "direct", k, g
    if kind != "direct" and (not before or ends_colon):
        # the quote opens its sentence: a cue right after it, or the previous quote's speaker
        after = cue_after(ctx, toks, q.after)
        if after is not None:
            kind, cue_tok, guess = "direct", after[0], after[1]
            attribution_end = after[2]
        elif adjacent and prev is not None:
            kind, guess, cue_tok = prev[0], prev[1], None
        elif prev_end_tok < 0 and lo == 0 and follows_quote(ctx):
            kind, guess = "direct", ctx.state.last_quote
        elif words >= 4:
            kind, guess = "direct", None
        else:
            return prev_end_tok
    elif kind != "direct":
        # a fragment in narration: the cue of its sentence, else the quote it is coordinated with
        lo_sent = clause_start(toks, q.open_tok, 0)
        coordinated = prev is not None and prev_end_tok >= q.open_tok - 2
        if words <= 2 and not coordinated and not predicate_slot(ctx, toks, q.open_tok):
            return prev_end_tok  # a quoted term in narration («القاعدة»، "فضيحة"): scare quotes or a name
        found = cue_in(ctx, toks, lo_sent, q.open_tok)
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
    sent_end = sentence_end(ctx, toks, q.after)
    according = according_to_phrase(v, toks[lo][0] if lo < len(toks) else q.start, sent_end)
    ctx.quotes.append(
        Quote(
            text=v.raw[rs:re_],
            start=rs,
            end=re_,
            kind=kind,  # type: ignore[arg-type]
            cue=cue_text,
            speaker=speaker_record(ctx, guess),
            according_to=according,
        )
    )
    if guess is not None:
        ctx.state.add_event(guess)
        if kind == "direct":
            ctx.state.last_quote = guess
    ctx.prev = (kind, guess)
    ctx.last_quote_end = q.end
    return max(q.after - 1, attribution_end)


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
    while end < len(toks) and end < k + MAX_LOOK and toks[end][2] not in sp.SENTENCE_END:
        if toks[end][2] in mark_table():
            break
        end += 1
    return k, guess, end

"""Indirect speech: a cue verb, its speaker phrase and إن/أن; the reported clause runs to the sentence end."""

from __future__ import annotations

from collections.abc import Sequence

from arnews.core import grammar
from arnews.core.grammar import Tok
from arnews.core.lexicons import load_set
from arnews.models import Quote
from arnews.quotes import cues
from arnews.quotes.attribution import (
    guess_speaker,
    note_turn,
    resolve_subject,
    speaker_record,
    strict_ok,
    subject_before,
)
from arnews.quotes.marks import MAX_CLAUSE, MAX_LOOK, according_to_phrase, mark_table, words_in
from arnews.quotes.names import short_name
from arnews.quotes.reading import Reading


def sentence_end(ctx: Reading, toks: Sequence[Tok], i: int) -> int:
    last = min(len(toks), i + MAX_LOOK)
    for k in range(i, last):
        if cues.ends(toks[k]):
            return toks[k][0]
    return toks[last - 1][1] if last > 0 else 0


def indirect_cues(ctx: Reading, toks: Sequence[Tok], spans: Sequence[tuple[int, int]]) -> list[int]:
    found = []
    j = 0
    for i, (s, _, t, _kind, _word) in enumerate(toks):
        while j < len(spans) and spans[j][1] <= s:
            j += 1
        if j < len(spans) and spans[j][0] <= s < spans[j][1]:
            continue
        cue = grammar.cue_of(t)
        if cue is None or cue.role in ("describe", "ask"):
            continue
        if i > 0 and toks[i - 1][2] in load_set("relative_pronouns"):
            continue
        if grammar.in_lexicon(t, cues.impersonal()) or grammar.strip_proclitic(t) in cues.impersonal():
            continue
        found.append(i)
    return found


def read_indirect(ctx: Reading, toks: Sequence[Tok], i: int, spans: Sequence[tuple[int, int]]) -> int:
    """An indirect quote from the cue at ``toks[i]``; returns the offset its clause reaches."""
    cue = grammar.cue_of(toks[i][2])
    assert cue is not None
    c = _complementizer(toks, i)
    if c < 0:
        return -1
    if c + 1 < len(toks) and toks[c + 1][2] in mark_table():
        # "أعلن أنها “سخيفة”": the quote itself is the report, unless it is a name ("إن «أرامكو» ستبني")
        q = ctx.raw_at.get(c + 1)
        if q is None or words_in(toks, q) > 3 or not short_name(ctx, toks, q):
            return -1
    phrase = list(toks[i + 1 : c])
    while phrase and phrase[-1][2] in load_set("speaker_phrase_tails"):
        phrase.pop()
    guess = guess_speaker(ctx, phrase, cue) if phrase else None
    before = subject_before(ctx, toks, i, cue) if guess is None else None
    # a subject standing before the verb opens the clause, as the verb itself would
    if cue.strict and not strict_ok(ctx, toks, i, c, guess, at_start=i == 0 or before is not None):
        return -1
    if guess is None:
        guess = before or resolve_subject(ctx, toks[i][0], cue)
    else:
        note_turn(ctx, cue, guess)
    start, end = _clause(ctx.view.norm, toks, c)
    if end - start < 3 or not any(ch.isalnum() for ch in ctx.view.norm[start:end]):
        return -1
    v = ctx.view
    rs, re_ = v.raw_span(start, end)
    cs, ce = v.raw_span(toks[i][0], toks[i][1])
    according = according_to_phrase(v, toks[i][0], end)
    ctx.quotes.append(
        Quote(
            text=v.raw[rs:re_],
            start=rs,
            end=re_,
            kind="indirect",
            cue=v.raw[cs:ce],
            speaker=speaker_record(ctx, guess),
            according_to=according,
        )
    )
    if guess is not None:
        ctx.state.add_event(guess)
    return end


def _complementizer(toks: Sequence[Tok], i: int) -> int:
    """The index of إن/أن after the cue at ``toks[i]`` and its speaker phrase (a short quoted name inside the phrase
    stepped over), or -1 when none follows within reach."""
    k = i + 1
    limit = min(len(toks), i + 20)
    while k < limit:
        t = toks[k][2]
        if t in mark_table():
            # a short quoted name inside the speaker phrase ("صرح لـ«عكاظ» بأن") is stepped over
            close = next((m for m in range(k + 2, min(limit, k + 6)) if toks[m][2] in mark_table()), None)
            if close is None:
                break
            k = close + 1
            continue
        if t in load_set("complementizers") or t == ":" or cues.ends(toks[k]):
            break
        k += 1
    if k >= limit or toks[k][2] not in load_set("complementizers"):
        return -1
    return k


def _clause(norm: str, toks: Sequence[Tok], c: int) -> tuple[int, int]:
    """The reported clause (normal-form offsets): after إن/أن at ``toks[c]`` to the sentence end, or to a direct
    quote that starts inside it, without edge spaces and trailing commas."""
    start = toks[c][1]
    end_k = c + 1
    stop = min(len(toks), c + MAX_CLAUSE)
    while end_k < stop and not cues.ends(toks[end_k]):
        if toks[end_k][2] == ":" and end_k + 1 < len(toks) and toks[end_k + 1][2] in mark_table():
            break
        end_k += 1
    end = toks[end_k - 1][1] if end_k - 1 > c else start
    while start < end and norm[start].isspace():
        start += 1
    while end > start and (norm[end - 1] in "،,؛;" or norm[end - 1].isspace()):
        end -= 1
    return start, end

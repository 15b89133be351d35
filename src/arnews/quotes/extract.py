"""The entry of the quote stage: paragraph by paragraph, quotation marks and cue verbs in text order."""

from __future__ import annotations

import attrs

from arnews.document import Doc
from arnews.models import Quote
from arnews.quotes.direct import read_quote
from arnews.quotes.documents import document_starts, read_document_report
from arnews.quotes.indirect import indirect_cues, narration_starts, read_according, read_indirect, read_narration
from arnews.quotes.marks import RawQuote, pair_marks
from arnews.quotes.mentions import index_names
from arnews.quotes.reading import Reading
from arnews.quotes.turns import read_turn, turn_starts

__all__ = ["extract_quotes"]


def read_paragraph(ctx: Reading, p_start: int, p_end: int) -> None:
    v = ctx.view
    norm = v.norm
    toks, opened = ctx.tokens(p_start, p_end), ctx.openings(p_start, p_end)
    raws = pair_marks(norm, toks, p_start, p_end)
    ctx.raw_at = {q.open_tok: q for q in raws}
    ctx.quote_opens = sorted(ctx.raw_at)
    items: list[tuple[int, str, object]] = [(q.start, "q", q) for q in raws]
    spans = [(toks[q.open_tok][0], toks[q.close_tok][1] if q.close_tok is not None else q.end) for q in raws]
    items.extend((toks[i][0], "i", i) for i in indirect_cues(ctx, toks, spans, opened.cues))
    # an attribution inside quotation marks is part of the quoted words ("«مع ذلك، وبحسب الإحصاءات، فإن ...»")
    attributions = [i for i in opened.attributions if not any(s <= toks[i][0] < e for s, e in spans)]
    items.extend((toks[i][0], "a", i) for i in attributions)
    items.extend((toks[i][0], "d", i) for i in document_starts(toks, spans, opened.documents))
    items.extend((toks[i][0], "t", i) for i in turn_starts(toks, opened.parties))
    items.extend((toks[i][0], "n", i) for i in narration_starts(toks, spans, opened.narrations))
    items.sort(key=lambda x: x[0])
    prev_end_tok = -1  # token index where the previous speech quote ended
    ctx.prev = None
    covered = -1  # normal offset up to which an indirect clause already reaches
    for _, kind, obj in items:
        if kind == "q":
            assert isinstance(obj, RawQuote)
            prev_end_tok = read_quote(ctx, toks, obj, prev_end_tok, raws)
        elif kind == "t":
            assert isinstance(obj, int)
            read_turn(ctx, toks, obj)
        elif kind == "n":
            assert isinstance(obj, int)
            if toks[obj][0] >= covered:  # not a verb inside a report ("وقال إن الوزير استقبل")
                read_narration(ctx, toks, obj)
        else:
            assert isinstance(obj, int)
            if toks[obj][0] < covered:
                continue
            if kind == "i":
                reached = read_indirect(ctx, toks, obj, spans)
            else:
                reached = read_according(ctx, toks, obj) if kind == "a" else read_document_report(ctx, toks, obj)
            covered = reached if kind == "i" else max(covered, reached)


def read_article(ctx: Reading) -> tuple[Quote, ...]:
    v = ctx.view
    bounds: list[tuple[int, int]] = []
    for para in ctx.structure.paragraphs:
        s, e = v.norm_index(para.start), v.norm_index(para.end)
        if e <= s:
            continue
        if bounds and v.norm[bounds[-1][0] : bounds[-1][1]].rstrip().endswith((":", "：")):
            bounds[-1] = (bounds[-1][0], e)  # "وقال الوزير:" and the quote on the next line are read as one
        else:
            bounds.append((s, e))
    index_names(ctx, bounds)
    for n, (s, e) in enumerate(bounds):
        ctx.prev_paragraph_tail = last_paragraph_end_quote_floor(ctx, s)
        ctx.next_paragraph = bounds[n + 1] if n + 1 < len(bounds) else None
        read_paragraph(ctx, s, e)
    return _inside_reports(sorted(ctx.quotes, key=lambda q: (q.start, q.end)))


_CLOSING = 2  # a fragment's closing mark (and a space) may stand past the end of the clause that holds it


def _inside_reports(quotes: list[Quote]) -> tuple[Quote, ...]:
    """A fragment in marks with no speaker of its own inside a reported clause that has one is that speaker's
    words: "إلا أن المصدر يقول أيضا إن فرنسا «تمكنت من مطاردة ...»"، "وجاء في القرار أن المجلس «يصادق» على". A
    fragment whose own verb names another speaker keeps it ("أشار الإعلام إلى أن السيسي شدد ... «...»")."""
    out: list[Quote] = []
    report: Quote | None = None  # the last reported clause with a speaker, in text order
    for q in quotes:
        if q.kind == "indirect" and q.speaker is not None:
            report = q
        elif (
            q.kind == "partial"
            and q.speaker is None
            and q.cue is None
            and report is not None
            and report.start <= q.start
            and q.end <= report.end + _CLOSING
        ):
            out.append(attrs.evolve(q, speaker=report.speaker, cue=report.cue))
            continue
        out.append(q)
    return tuple(out)


def last_paragraph_end_quote_floor(ctx: Reading, s: int) -> int:
    """A quote that ended within a few characters of the previous paragraph's end counts as its last words."""
    return s - 8


def extract_quotes(doc: Doc) -> tuple[Quote, ...]:
    """Every quote of the article's body (direct, partial and indirect), with its speaker where one is found.

    Reads the document's structure and entities (:attr:`~arnews.document.Doc.entity_index`)."""
    if not doc.view.norm or not doc.structure.paragraphs:
        return ()
    return read_article(Reading(doc))

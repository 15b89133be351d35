"""Speech credited to a document: an attribution or a document before the colon ("بحسب الخطي: «...»"، "وجاء في البيان:
«...»"), what a document says through إن/أن ("وجاء في البيان أن ...") and a message's text ("تغريدة لفلان كان نصها:
«...»"); the document's owner ("بيان الوزارة"، "بيان لها"، "بيان لوزارة ...") or issuer ("بيان صادر عن وزارة
الخارجية") speaks."""

from __future__ import annotations

from collections.abc import Sequence

from arnews.core import cue_verbs, grammar
from arnews.core.grammar import Tok
from arnews.core.lexicons import load_set
from arnews.quotes import frames, nearby
from arnews.quotes import speakers as sp
from arnews.quotes.attribution import resolve_subject
from arnews.quotes.indirect import emit_report, source_guess
from arnews.quotes.marks import PRONOUN_OBJECTS, RawQuote
from arnews.quotes.reading import Guess, Reading


def attributed(ctx: Reading, toks: Sequence[Tok], q: RawQuote, lo: int) -> tuple[int, Guess | None] | None:
    """ "بحسب الخطي: «...»"، "حسب قول سيندي تشاو: «...»": an attribution before the colon names the speaker. A
    bracket right before the colon is read over ("قول الشاعر الروماني هوراس (65 ق.م - 8 ق.م): «...»")."""
    colon = _before_bracket(toks, lo, q.open_tok - 1)
    message = _message_text(ctx, toks, lo, colon)
    if message is not None:
        return message
    for k in range(lo, colon):
        source = frames.according_source(toks, k, colon) or _saying(toks, k, colon)
        if source is not None:  # "بحسب مصادر الوزارة: «...»": the sources, not the ministry
            return k, source_guess(ctx, toks, source)
        source = _document(toks, k, colon)
        if source is not None:
            return k, _document_speaker(ctx, toks, k, source, colon)
    return None


#: "نصها"، "مفاده"، "فحواها": the text of a message, in normal form
_TEXT_OF = frozenset({"نصها", "نصه", "مفادها", "مفاده", "فحواها", "فحواه"})


def _message_text(ctx: Reading, toks: Sequence[Tok], lo: int, colon: int) -> tuple[int, Guess | None] | None:
    """ "وحصلت تغريدة لخادم الحرمين الشريفين كان نصها: «...»"، "أطلق خادم الحرمين الشريفين تغريدة نصها: «...»": the
    words of a message whose text follows the colon are its owner's (after ل), else those of the person who opens
    the sentence as its verb's subject; None when neither is named (the other readings of the colon then try)."""
    k = colon - 1
    if k <= lo or toks[k][2] not in _TEXT_OF:
        return None
    end = k
    while end > lo and toks[end - 1][2] in load_set("auxiliary_verbs"):
        end -= 1  # "كان نصها"
    for d in range(max(lo, end - _DOCUMENT_WORDS), end - 1):
        owner = _owner_after_li(toks, frames.Source(d, end))
        if owner is not None:
            return d, owner
    subject = nearby.opening_subject(ctx, toks[k][0])
    return (k, subject) if subject is not None else None


def _document_speaker(ctx: Reading, toks: Sequence[Tok], k: int, source: frames.Source, stop: int) -> Guess | None:
    """Who speaks through the document that ``source`` names (its opener at ``toks[k]``): whom "بيان لها" names,
    the owner of "بيان الوزارة", the issuer of "بيان صادر عن الوزارة", else the document."""
    owner = _OWNERS.get(toks[source.end][2]) if source.end < stop else None
    cue = cue_verbs.cue_of(owner) if owner else None
    if cue is not None:  # "وجاء في بيان لها: «...»": the statement of whom the pronoun names
        return resolve_subject(ctx, toks[k][0], cue)
    return _owner_after_li(toks, source) or _owner(ctx, toks, source) or source_guess(ctx, toks, source)


def _owner_after_li(toks: Sequence[Tok], source: frames.Source) -> Guess | None:
    """ "وجاء في بيان لوزارة الخارجية الباكستانية"، "في بيان للحكومة اليمنية": the body after the ل of a document
    without the article speaks for it; after ل on the article, which drops its alef, from the word's third letter
    ("حكومة اليمنية"), as an attribution's source is read (:func:`arnews.quotes.frames.according_at`)."""
    if source.end - source.start < 2 or grammar.has_article(grammar.strip_proclitic(toks[source.start][2])):
        return None
    first = toks[source.start + 1]
    if not first.text.startswith("ل") or len(first.text) < 4 or first.end - first.start != len(first.text):
        return None
    skip = 2 if first.text.startswith("لل") else 1  # the phrase is read with its article: "للحكومة" as "الحكومة"
    read = first._replace(start=first.start + skip, text=("ال" if skip == 2 else "") + first.text[skip:])
    owner = sp.parse_phrase([read, *toks[source.start + 2 : source.end]])
    if owner is None or owner.anonymous or not owner.institution:
        return None
    return Guess(owner.name, person=False)


_WHAT = frozenset({"ما", "مما", "لما", "بما", "فيما", "كما"})


def document_starts(toks: Sequence[Tok], spans: Sequence[tuple[int, int]], firsts: Sequence[int]) -> list[int]:
    """The indices of the words that may open a document's report ("وجاء في"، "وورد في"), outside quotes, of the
    words that begin a document opener (``firsts``: :attr:`arnews.quotes.openings.Openings.documents`)."""
    return [
        k
        for k in firsts
        if not (k and toks[k - 1][2] in _WHAT)  # "التعليق على ما جاء في ادعاءاته": what it says, no report
        and not any(a <= toks[k][0] < b for a, b in spans)
    ]


def read_document_report(ctx: Reading, toks: Sequence[Tok], k: int) -> int:
    """ "وجاء في البيان أن ..."، "وورد في تقرير لجنة التحقيق أن ...": what a document says, reported through إن/أن;
    its owner or issuer speaks, else the document itself. Returns the offset the clause reaches, or -1."""
    c = k + 1
    while c < min(len(toks), k + _DOCUMENT_WORDS + 4) and toks[c][2] not in load_set("complementizers"):
        if not (grammar.is_word(toks[c]) or toks[c][2] in ("،", ",")):
            return -1
        c += 1
    if c >= len(toks) or toks[c][2] not in load_set("complementizers"):
        return -1
    source = _document(toks, k, c)
    if source is None:
        return -1
    guess = _document_speaker(ctx, toks, k, source, c)
    return emit_report(ctx, toks, k, frames.reported_first(toks, c), guess, source=source)


_BRACKETS = {")": "(", "]": "["}


def _before_bracket(toks: Sequence[Tok], lo: int, colon: int) -> int:
    """Where a bracketed aside that ends right before the colon opens, else the colon."""
    opener = _BRACKETS.get(toks[colon - 1][2]) if colon > lo else None
    if opener is None:
        return colon
    for k in range(colon - 2, lo - 1, -1):
        if toks[k][2] == opener:
            return k
        if toks[k][2] in _BRACKETS:
            break
    return colon


def _saying(toks: Sequence[Tok], k: int, colon: int) -> frames.Source | None:
    """ "يأخذني قول أحد مستشاري الرئيس الروسي: «...»"، "يندرج قول بعضهم: «...»": the verbal noun of saying in
    construct with the speaker, the speaker's phrase running to the colon."""
    if not grammar.is_word(toks[k]) or grammar.strip_proclitic(toks[k][2]) != "قول" or k + 1 >= colon:
        return None
    if colon - (k + 1) > _DOCUMENT_WORDS or not all(grammar.is_word(t) for t in toks[k + 1 : colon]):
        return None
    return frames.Source(k + 1, colon)


def _owner(ctx: Reading, toks: Sequence[Tok], source: frames.Source) -> Guess | None:
    """ "وجاء في بيان الوزارة: «...»": a document without the article in construct with a body or a person speaks
    for them."""
    if source.end - source.start < 2 or grammar.has_article(grammar.strip_proclitic(toks[source.start][2])):
        return None
    if toks[source.start - 1][2] in ("عن", "من"):
        return None  # the body a document is issued by ("بيان صادر عن وزارة الخارجية"), whole
    phrase = sp.parse_phrase(toks[source.start + 1 : source.end])
    if phrase is None or phrase.anonymous:
        return None
    inside = ctx.entity_index.person_within(ctx.view.raw_span(*phrase.name))
    return Guess(phrase.name, person=not phrase.institution) if phrase.institution or inside else None


# the pronoun of a document's owner ("بيان لها") and a cue of its gender and number, to find whom it names
_OWNERS = {"له": "قال", "لها": "قالت", "لهم": "قالوا", "لهما": "قالا"}


_DOCUMENT_WORDS = 6  # the longest document name read between its opener and the colon


def _document(toks: Sequence[Tok], k: int, colon: int) -> frames.Source | None:
    """ "وجاء في البيان: «...»"، "وورد في التقرير الصادر أمس: «...»": a document opener at ``toks[k]``, then the
    document's name up to the colon (a comma or a relative clause may close it sooner)."""
    for phrase in load_set("document_openers"):
        words = phrase.split()
        first = grammar.strip_proclitic(toks[k][2]) if grammar.is_word(toks[k]) else ""
        if first != words[0] or k + len(words) > colon:
            continue
        if any(toks[k + n][2] != w for n, w in enumerate(words[1:], 1)):
            continue
        start = k + len(words)
        issuer = _issuer(toks, start, colon)
        if issuer is not None:
            return issuer
        end = start
        while end < colon and grammar.is_word(toks[end]) and toks[end][2] not in load_set("relative_pronouns"):
            end += 1
            if toks[end - 1][2] in PRONOUN_OBJECTS:
                end -= 1  # "وجاء في بيان لها: «...»": the statement, whoever "her" is
                break
        if start < end <= start + _DOCUMENT_WORDS and all(
            grammar.is_word(t) or t[2] in ("،", ",") for t in toks[end:colon]
        ):
            return frames.Source(start, end)
    return None


def _issuer(toks: Sequence[Tok], start: int, colon: int) -> frames.Source | None:
    """ "وجاء في بيان صادر عن وزارة الخارجية العمانية اليوم: «...»": a document issued by a body speaks for it."""
    for k in range(start + 1, min(colon - 1, start + 3)):
        if toks[k][2] in load_set("document_issuers") and toks[k + 1][2] in ("عن", "من"):
            end = k + 2
            while end < colon and grammar.is_word(toks[end]):
                end += 1
            return frames.Source(k + 2, end) if end == colon and end - (k + 2) <= _DOCUMENT_WORDS else None
    return None

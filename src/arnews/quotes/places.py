"""Places in speaker phrases: a place behind ب where a title holds, before the speaker's name ("المدير العام للتعليم
بجدة عبدالله الثقفي"), and a place or body a title is in construct with, which no name follows ("عمدة لندن"). Both are
found by the entity stage, which the name grammar alone cannot tell from a person's name."""

from __future__ import annotations

from collections.abc import Sequence

from arnews.core import grammar, titles
from arnews.core.grammar import Tok
from arnews.quotes import speakers as sp
from arnews.quotes.reading import Reading

__all__ = ["past_place", "place_title"]


def past_place(ctx: Reading, toks: Sequence[Tok], phrase: sp.Phrase) -> sp.Phrase:
    """ "المدير العام للتعليم بجدة عبدالله الثقفي"، "القائد العسكري بعدن العميد عبدالله صبيحي": a place behind ب,
    which the entity stage found, is where the title holds, not the start of a name; the speaker comes after it."""
    k = next((n for n, t in enumerate(toks) if t[0] == phrase.name[0]), len(toks))
    w = toks[k][2] if k + 1 < len(toks) else ""
    if not (w.startswith("ب") and len(w) > 3) or grammar.has_article(w):
        return phrase
    place = ctx.entity_index.containing(ctx.view.raw_span(toks[k][0] + 1, toks[k][1]))
    if place is None or place.type != "LOC":
        return phrase
    while k + 1 < len(toks) and ctx.entity_index.containing(ctx.view.raw_span(*toks[k + 1][:2])) is place:
        k += 1  # "بمكة المكرمة": the place's every word
    after = sp.parse_phrase(toks[k + 1 :])
    return after if after is not None and not after.anonymous else phrase


def place_title(ctx: Reading, toks: Sequence[Tok], phrase: sp.Phrase) -> sp.Phrase:
    """ "وقال عمدة لندن إنه"، "وقال رئيس بلدية باريس إن": the title run of the phrase ``toks`` ends where its name
    begins, and the whole name lies in a place or body the entity stage found: the title holds there, and the speaker
    is the title and the place, not a person named "لندن" (a person named further on wins, as for any titled
    phrase)."""
    k = next((n for n, t in enumerate(toks) if t[0] == phrase.name[0]), 0)
    end, saw = titles.title_run(toks, 0)
    if k == 0 or not saw or end != k:
        return phrase
    rs, re_ = ctx.view.raw_span(*phrase.name)
    found = ctx.entity_index.containing((rs, re_))
    if found is None or found.type == "PER":
        return phrase
    # "محمد بن فهد" in "مؤسسة الأمير محمد بن فهد للتنمية الإنسانية" and "جامعة الملك عبدالعزيز" is the body's name; a
    # name opened by a given name, ending the mention, with no royal title before it, is a person the model ran into a
    # place ("بالأحساء علي الغوينم"، "بالقصيم العقيد إبراهيم")
    tail = any(m.start <= rs and m.end == re_ for m in found.mentions)
    first = ctx.view.norm[phrase.name[0] : phrase.name[1]].split()[0]
    if tail and grammar.given_name(first) and not grammar.is_title(toks[k - 1][2]):
        return phrase
    before = ctx.entity_index.covering(ctx.view.raw_span(*toks[k - 1][:2]))
    if before is not None and before is not found:
        return phrase  # "سفيرة الولايات المتحدة لدى الأمم المتحدة سامنثا باور": a name after the title's place
    return sp.Phrase((toks[0][0], phrase.name[1]), institution=True, titled=True, addressee=phrase.addressee)

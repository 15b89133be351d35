"""Whom an honorific with a pronoun stands for ("وقال سموه"، "وأكد معاليه"): the person who opens a sentence before
as its verb's subject, when the honorific fits them, else the last person it fits."""

from __future__ import annotations

from arnews.core import grammar
from arnews.quotes.nearby import opening_subject
from arnews.quotes.reading import RESOLVE_CHARS, Guess, Reading, fits_honorific
from arnews.quotes.wellformed import honorific_of

__all__ = ["honorific_antecedent"]


_SUBJECT_SENTENCES = 6  # the sentences back whose opening subject an honorific may stand for


def honorific_antecedent(ctx: Reading, raw_pos: int, pronoun: str) -> Guess | None:
    """Whom an honorific with a pronoun ("وقال سموه"، "وأكد معاليه") at input offset ``raw_pos`` stands for: the
    person who opens one of the sentences before as its verb's subject, nearest first, when the honorific fits them
    ("رفع الأمير فهد بن سلطان ... التهاني لخادم الحرمين ... وولي ولي العهد الأمير محمد بن سلمان ... وقال سموه":
    the prince who congratulates, not the one congratulated); else the last person it fits
    (:meth:`~arnews.quotes.reading.Reading.person_before`)."""
    honorific = honorific_of(pronoun)
    if honorific is None:
        return ctx.person_before(raw_pos)
    pos = ctx.view.norm_index(raw_pos)
    start = ctx.sentence_start(pos)
    for _ in range(_SUBJECT_SENTENCES):
        if start <= 0 or pos - start > RESOLVE_CHARS:
            break
        end, start = start - 1, ctx.sentence_start(start - 1)
        subject = _titled_person(ctx, opening_subject(ctx, end))
        if subject is not None and fits_honorific(ctx.view.raw, ctx.view.raw_span(*subject.span), honorific):
            return subject
    return ctx.person_before(raw_pos, honorific=honorific)


def _titled_person(ctx: Reading, subject: Guess | None) -> Guess | None:
    """The subject, or the person named right after it when it is a title alone ("صاحب السمو الملكي الأمير فهد بن
    سلطان": the model may find "الأمير" and the name as two mentions)."""
    if subject is None or not grammar.is_title(ctx.view.norm[subject.span[0] : subject.span[1]]):
        return subject
    after = ctx.mention_within(subject.span[1], subject.span[1] + 80)
    if after is None or ctx.view.norm[subject.span[1] : after[0]].strip():
        return subject
    return Guess(after, person=True)

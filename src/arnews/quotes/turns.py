"""Whose turn it is: an adverbial that names a party ("من جانبه"، "من جهتها"، "بدورهم") opens a clause whose subject
takes the turn, though its verb reports nothing ("من جانبه وصف محافظ الهيئة المهندس عبداللطيف العثمان، المملكة
بالخيار الأمثل"); a later verb of saying with no subject of its own ("وأشار إلى أن") is theirs."""

from __future__ import annotations

from collections.abc import Sequence

from arnews.core import grammar
from arnews.core.cue_verbs import cue_of
from arnews.core.grammar import Tok
from arnews.quotes import cues
from arnews.quotes import speakers as sp
from arnews.quotes.attribution import guess_speaker
from arnews.quotes.marks import phrase_end
from arnews.quotes.openings import PARTIES
from arnews.quotes.reading import Guess, Reading

__all__ = ["read_turn", "turn_starts"]

_PHRASE_WORDS = 14  # the longest subject phrase read after the verb


def turn_starts(toks: Sequence[Tok], parties: Sequence[int]) -> list[int]:
    """The indices of the verbs right after an adverbial naming a party that opens its clause (a comma between): a
    preposition and a noun with the party's pronoun ("من جانبه"، "بدورها"; not "في الوقت نفسه", whose pronoun is
    the time's). ``parties``: the words with a party's pronoun (:attr:`arnews.quotes.openings.Openings.parties`),
    one of which ends the adverbial."""
    found = []
    for k in (p + 1 for p in parties if p + 1 < len(toks)):
        words = cues.opener_before(toks, k)
        if words is None or len(words) > 2 or not _party(words[-1]):
            continue
        verb = k + 1 if toks[k][2] in ("،", ",") else k
        if verb < len(toks) and grammar.is_word(toks[verb]):
            found.append(verb)
    return found


def _party(word: str) -> tuple[str, str] | None:
    """The gender and number the possessive suffix of an opener's last word gives ("جانبها": f), or None."""
    return next(((g, n) for suffix, g, n in PARTIES if word.endswith(suffix)), None)


def read_turn(ctx: Reading, toks: Sequence[Tok], verb: int) -> None:
    """Remember the subject of the verb at ``toks[verb]`` as the one whose turn it is, when it names a person the
    entity stage found (a verb of saying's subject as that verb reads it, whether or not words follow it)."""
    stop = min(len(toks), verb + 1 + _PHRASE_WORDS)
    cue = cue_of(toks[verb][2])
    if cue is None and grammar.is_stop(toks[verb][2]):
        return  # "من جانبه، لم ييأس معاذ": a particle, not the verb
    if cue is not None:
        guess = guess_speaker(ctx, toks[verb + 1 : phrase_end(toks, verb + 1, stop)], cue)
        span = guess.span if guess is not None and not guess.anonymous else None
    else:
        phrase = sp.parse_phrase(toks[verb + 1 : stop])
        span = phrase.name if phrase is not None and not phrase.anonymous else None
    # a person, not a place or a noun the phrase ran on into ("كثفت تونس مشاوراتها"، "قدم ابن السجين شكره")
    person = ctx.entity_index.person_within(ctx.view.raw_span(*span)) if span is not None else None
    if person is None:
        return
    opener = toks[verb - 2][2] if toks[verb - 1][2] in ("،", ",") else toks[verb - 1][2]
    gender, number = _party(opener) or ("", "")
    ctx.state.add_event(
        Guess(
            (ctx.view.norm_index(person[0]), ctx.view.norm_index(person[1])), gender=gender, number=number, person=True
        )
    )

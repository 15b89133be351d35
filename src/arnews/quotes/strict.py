"""Forms of saying that are also common words (بين "between", يقول, تابع "followed", كتب): when such a strict form is
a cue. It must lead into إن/أن, a colon or the quote, and stand at a clause start or have a person named right after
it (``strict`` in ``cue_verbs.tsv``)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from arnews.core import cue_verbs, grammar
from arnews.core.grammar import Tok
from arnews.core.lexicons import load_set
from arnews.quotes import cues, nearby
from arnews.quotes.marks import mark_table
from arnews.quotes.reading import Guess, Reading

__all__ = ["REPORTED_FROM", "strict_ok"]

#: "عن X" right before a verbal noun of saying: whom the words are reported from ("نقلت رويترز عن مصدر مطلع قوله";
#: "عن محمد علي جعفري قائد الحرس الثوري، قوله": the source, its title, and a comma before the verbal noun).
REPORTED_FROM = re.compile(r"(?:^|\s)عن\s+([^،,.:؛«»\"“”]{2,80}?)\s*[،,]?\s*$")


def strict_ok(ctx: Reading, toks: Sequence[Tok], k: int, end: int, guess: Guess | None, *, at_start: bool) -> bool:
    """Whether a form that is also a common word (بين، يقول، تابع) is a cue here: it must lead into
    إن/أن, a colon or the quote, and stand at a clause start or have a person named right after it."""
    if end >= len(toks) or not (
        toks[end][2] in load_set("complementizers") or toks[end][2] == ":" or toks[end][2] in mark_table()
    ):
        return False
    cue = cue_verbs.cue_of(toks[k][2])
    if cue is not None and not cues.narrow_ok(cue, toks, k, end):
        return False  # "يذهب السائح إلى موقع ساحر ويقرر أنه": the verb's everyday sense
    if toks[k][2][0] == "ل" and cue_verbs.cue_of(toks[k][2][1:]) is not None:
        return True  # "ومضى ليندمان ليقول إن": the ل of purpose, the subject the main verb's
    if at_start or not grammar.is_word(toks[k - 1]) or toks[k - 1][2] in load_set("quote_lead_ins"):
        return True  # a clause start: after punctuation or a bullet ("* ويقول مانويل مورينو: «...»")
    if cues.after_opener(toks, k):
        return True  # "من جهتها تقول الوزارة إن": after an adverbial that opens the clause
    if cues.subjunctive(toks, k):
        return True  # "قبل أن يتابع، مستحضرا ...: «...»": the verb of a clause after a subordinator
    if (
        end == k + 1
        and toks[k][2].startswith("قول")
        and REPORTED_FROM.search(ctx.view.norm, max(0, toks[k][0] - 100), toks[k][0])
    ):
        return True  # "نقلت رويترز عن مصدر مطلع قوله إن": the words of whom they are reported from
    if guess is None or not guess.person:
        return False
    # the phrase must be the speaker and little else ("في هذا السياق يقول الصحافي صديق آبا إن"), not counting an
    # aside in commas after it ("يقول ياسر فراويلة، وهو شخصية قريبة من ...، إن"، "...، «")
    rest = [j for j in range(k + 1, end) if toks[j][0] >= guess.span[1]]
    if rest and nearby.aside_after(toks, rest[0], until=end) == end - 1:
        rest = rest[:1]
    return len(rest) <= 3

"""Sacred words quoted in the news and who says them, for a verb of saying with no subject of its own: a hadith's
narrator ("عن ابن عباس رضي الله عنهما قال:"), God ("قال الله عز وجل:"، "يقول الله تعالى في كتابه:"; before the verb,
"لأن الله يقول"، "ربنا يقول", ``god_names.txt``) and the Prophet
("قال صلى الله عليه وسلم:"، "قال عليه الصلاة والسلام:"), told apart by the formula of praise that follows the name or
the verb (``sacred_formulas.tsv``; the Prophet's names, ``prophet_titles.txt``). "قال تعالى" names God by the formula
alone: no speaker phrase, and nobody else's words."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache

from arnews.core.cue_verbs import Cue
from arnews.core.grammar import Tok
from arnews.core.lexicons import ListName, load_set, load_table
from arnews.core.text import normalize
from arnews.quotes.reading import RESOLVE_CHARS, Guess, Reading

__all__ = ["formula_before", "god_before", "prophet_before", "sacred_speaker"]

_NARRATOR_CHARS = 80  # how far before its verb a narrator's name and formula may begin
_NAME_WORDS = 4  # the most words of a narrator's name between عن and the formula ("عبد الله بن عمر")


def _alternatives(phrases: Iterable[str]) -> str:
    """A regular expression of phrases in the normal form, the longest first, each word apart by any spaces."""
    forms = sorted({normalize(p) for p in phrases}, key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(w) for w in f.split()) for f in forms)


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The narrator before the verb; God and the Prophet's formula after it; the Prophet named with the formula."""
    rows = load_table("sacred_formulas")

    def of(who: str) -> str:
        return _alternatives(row[0] for row in rows if row[1] == who)

    word = r"(?!عن\b)[^\W\d_]+"  # "روى عن أبيه عن ابن عباس": the last narrator of the chain
    name = rf"{word}(?:\s+{word}){{0,{_NAME_WORDS - 1}}}?"
    # "عن ابن عباس رضي الله عنهما قال"، "لحديث ابن عمر رضي الله عنهما قال": the last one the hadith is told from
    narrator = re.compile(rf"(?:^|\s)(?:و?عن|[وفل]?حديث)\s+({name})\s+(?:{of('companion')})\s*[،,]?\s*$")
    god = re.compile(rf"\s*((?:الله\s+)?(?:{of('god')}))(?!\w)")
    prophet_after = re.compile(rf"\s*(?:{of('prophet')})(?!\w)")
    prophet = re.compile(rf"(?<!\w)[وفبل]?({_alternatives(load_set('prophet_titles'))})\s*[،,]?\s*(?:{of('prophet')})")
    return narrator, god, prophet_after, prophet


def sacred_speaker(ctx: Reading, pos: int, cue: Cue) -> Guess | None:
    """Who says the words of the verb of saying at normal offset ``pos``: the narrator named with a companion's
    formula right before it, God named with His formula right after "قال" (not after "دعا الله", where He is
    prayed to), or the Prophet when his formula follows the verb (the last name of the Prophet that the formula
    follows before it, within reach); else None."""
    norm = ctx.view.norm
    narrator, god, prophet_after, prophet = _patterns()
    found = narrator.search(norm, max(0, pos - _NARRATOR_CHARS), pos)
    if found is not None:
        return Guess(found.span(1), person=True, sacred=True)  # "عن ابن عباس رضي الله عنهما قال"
    end = pos
    while end < len(norm) and not norm[end].isspace():
        end += 1  # the verb itself
    said = god.match(norm, end) if normalize(cue.lemma) == "قال" else None
    if said is not None:
        # "قال الله عز وجل": the name with its formula (الله alone names none); "قال تعالى": the formula alone, which
        # names nobody as a speaker phrase, so that God's words are nobody else's
        return Guess(said.span(1), person=True, sacred=True)
    if prophet_after.match(norm, end) is None:
        return None
    named = [m.span(1) for m in prophet.finditer(norm, max(0, pos - RESOLVE_CHARS), pos)]
    return Guess(named[-1], person=True, sacred=True) if named else None


@cache
def _formulas() -> tuple[tuple[tuple[str, ...], str], ...]:
    """Every formula of praise or prayer (``sacred_formulas.tsv``) as its words in the normal form, and whom it
    follows; the longest first ("سبحانه وتعالى" before "تعالى")."""
    rows = {tuple(normalize(row[0]).split()): row[1] for row in load_table("sacred_formulas")}
    return tuple(sorted(rows.items(), key=lambda row: -len(row[0])))


def formula_before(toks: Sequence[Tok], end: int) -> tuple[int, str]:
    """Where a formula of praise or prayer that ends right before ``toks[end]`` begins, commas around it passed over
    ("والرسول صلى الله عليه وسلم يقول"، "عند رسول الله، صلى الله عليه وسلم، فقال"، "الأمير نايف رحمه الله يقول"),
    and whom it follows (god, prophet, companion, person); ``(end, "")`` when none does."""
    k = end - 1 if end > 0 and toks[end - 1][2] in ("،", ",") else end
    for words, who in _formulas():
        lo = k - len(words)
        if lo >= 0 and all(toks[lo + n][2] == w for n, w in enumerate(words)):
            return (lo - 1 if lo > 0 and toks[lo - 1][2] in ("،", ",") else lo), who
    return end, ""


@cache
def _names(lexicon: ListName) -> frozenset[tuple[str, ...]]:
    """The names of a lexicon (``prophet_titles.txt``, ``god_names.txt``) as their words in the normal form."""
    return frozenset(tuple(normalize(t).split()) for t in load_set(lexicon))


def _name_ending(lexicon: ListName, toks: Sequence[Tok], end: int, clitics: str) -> tuple[int, int] | None:
    """The longest name of ``lexicon`` whose words end right before ``toks[end]``, one of ``clitics`` allowed on its
    first word: the index of its first token and how many letters the clitic takes there (0 or 1); None if none."""
    names = _names(lexicon)
    for size in sorted({len(n) for n in names}, reverse=True):
        lo = end - size
        if lo < 0:
            continue
        words = [t[2] for t in toks[lo:end]]
        first = words[0]
        for start, word in ((0, first), (1, first[1:])):
            if tuple([word, *words[1:]]) in names and (start == 0 or first[0] in clitics):
                return lo, start
    return None


def prophet_before(toks: Sequence[Tok], end: int) -> tuple[int, int] | None:
    """The normal span of a name of the Prophet (``prophet_titles.txt``) that ends right before ``toks[end]``, a
    conjunction or preposition on it read off ("والرسول"، "لرسول الله"); None when the words there are no such name."""
    found = _name_ending("prophet_titles", toks, end, "وفبل")
    return None if found is None else (toks[found[0]][0] + found[1], toks[end - 1][1])


def god_before(toks: Sequence[Tok], end: int) -> tuple[int, int] | None:
    """The normal span of a name of God (``god_names.txt``) that ends right before ``toks[end]``, opening its clause
    (after punctuation, with و/ف on it, or after إن/أن/لأن: "لأن الله يقول"، "ربنا يقول"، "والله سبحانه وتعالى
    يقول"), never the last word of a name ("عبد الله يقول"، "حزب الله يقول"); None when there is none."""
    found = _name_ending("god_names", toks, end, "وف")
    if found is None:
        return None
    lo, joined = found  # "والله"، "فربنا": the conjunction opens the clause
    before = toks[lo - 1][2] if lo > 0 else "."
    if joined or not before[:1].isalnum() or before in _OPENS_GOD or before in load_set("complementizers"):
        return toks[lo][0] + joined, toks[end - 1][1]
    return None


_OPENS_GOD = frozenset({"لان", "فان", "لكن", "ولكن"})  # "لأن الله يقول"، "فإن الله يقول" (normal form)

"""The cue verbs of reported speech (``cue_verbs.tsv``): every written form with its lemma, gender, number and role,
and the cue a word is, with or without the conjunction before it. Read by the name grammar
(:mod:`arnews.core.grammar`, where a verb of saying ends a name) and by the quote stage."""

from __future__ import annotations

from functools import cache

from attrs import frozen

from arnews.core.lexicons import load_table
from arnews.core.memo import word_cache
from arnews.core.names import CONJUNCTIONS
from arnews.core.text import normalize

__all__ = ["Cue", "cue_forms", "cue_of", "narration_forms", "narration_of"]


@frozen
class Cue:
    """One form of a cue verb."""

    form: str
    lemma: str
    gender: str
    number: str
    role: str
    strict: bool
    participle: bool = False  # مضيفا، مؤكدة: the words after it are never its subject


@cache
def cue_forms() -> dict[str, Cue]:
    """Normalised form -> cue, from ``cue_verbs.tsv``."""
    table: dict[str, Cue] = {}
    for row in load_table("cue_verbs"):
        form, lemma, gender, number, role, strict, participle = [*row, "", "", "", "", "", "0", "0"][:7]
        key = normalize(form)
        table.setdefault(key, Cue(form, lemma, gender, number, role, strict == "1", participle == "1"))
    return table


@word_cache(65536)
def cue_of(word: str) -> Cue | None:
    """The cue verb a token is, with or without و/ف before it (an imperfect also behind ل: "ليقول"); every stage
    asks it of every word, so the answer is remembered per word."""
    forms = cue_forms()
    hit = forms.get(word)
    if hit is None and len(word) > 2 and word[0] in CONJUNCTIONS:
        hit = forms.get(word[1:])
    if hit is None and len(word) > 4 and word[0] == "ل" and word[1] in "يت":
        hit = forms.get(word[1:])  # "ومضى ليندمان ليقول إن": an imperfect behind the ل of purpose
        hit = hit if hit is not None and hit.strict else None
    return hit


@cache
def narration_forms() -> dict[str, Cue]:
    """Normalised form -> verb of narration (``narration_verbs.tsv``): an act of news whose subject, named after it,
    speaks next ("وأشاد مدير أمن الطرق العقيد زيد الشمري بما تحقق، وقال: «...»"); read as a verb of saying that
    reports nothing."""
    return {
        normalize(form): Cue(form, form, gender, number, "say", False)
        for form, gender, number in load_table("narration_verbs")
    }


def narration_of(word: str) -> Cue | None:
    """The verb of narration a token is, with or without و/ف before it (:func:`narration_forms`)."""
    forms = narration_forms()
    hit = forms.get(word)
    if hit is None and len(word) > 2 and word[0] in CONJUNCTIONS:
        hit = forms.get(word[1:])
    return hit

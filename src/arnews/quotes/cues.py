"""The words of reported speech: cue verbs (with gender, number and role), 'according to' phrases, and the word lists a
speaker phrase is read with.
"""

from __future__ import annotations

import re
from functools import cache

from attrs import frozen

from arnews.core.lexicons import load_list, load_set, load_table
from arnews.core.names import PROCLITICS
from arnews.core.text import normalize

Tok = tuple[int, int, str]

TOKEN_RE = re.compile(r"\d+(?:[.,٫٬]\d+)+|\w+|[^\w\s]")  # "265.2" is one token, not a sentence end
SENTENCE_END = frozenset(".!?؟…")
PUNCT_STOP = frozenset(".!?؟…،,؛;:()[]{}")
#: The conjunctions و/ف: the first letters of the two-letter proclitics of :data:`arnews.core.names.PROCLITICS`.
CONJUNCTIONS = frozenset(p[0] for p in PROCLITICS if len(p) == 2)
#: Every one-letter proclitic (و ف ب ل ك).
CLITIC_LETTERS = frozenset(p for p in PROCLITICS if len(p) == 1)
#: Prepositions written glued to the next word (ب ل ك), and ل fused with the article (لل): "لـ«عكاظ»".
GLUED_PREPOSITIONS = (CLITIC_LETTERS - CONJUNCTIONS) | {"لل"}


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


def name_links() -> frozenset[str]:
    """Words inside a name that link its parts (بن، أبو، عبد ...)."""
    return load_set("name_links")


@cache
def titles() -> frozenset[str]:
    """Words that open a title before a speaker's name: the first word of every row of ``titles.tsv`` (titles,
    roles and descriptions such as "المواطن"; three letters or more: not the abbreviations د. and م.). A row
    written without ال matches with it too ("وزير" covers "الوزير"), see :func:`in_lexicon`."""
    first_words = {normalize(row[0]).split()[0] for row in load_table("titles") if row and row[0].strip()}
    return frozenset(w for w in first_words if len(w.strip(".")) >= 3)


def title_modifiers() -> frozenset[str]:
    return load_set("title_modifiers")


def anonymous_heads() -> frozenset[str]:
    return load_set("anonymous_sources")


def organisation_heads() -> frozenset[str]:
    return load_set("organisation_heads")


def place_heads() -> frozenset[str]:
    return load_set("place_heads")


def impersonal() -> frozenset[str]:
    return load_set("impersonal_reports")


def name_prepositions() -> frozenset[str]:
    return load_set("name_prepositions")


def naming_words() -> frozenset[str]:
    return load_set("naming_words")


def stopwords() -> frozenset[str]:
    return load_set("speech_stopwords")


@cache
def name_breaks() -> frozenset[str]:
    """Words that end a name after a cue verb: the speech stopwords and the adverbs of ``name_breaks.txt``."""
    return stopwords() | load_set("name_breaks")


@cache
def possessive_suffixes() -> tuple[str, ...]:
    return tuple(sorted(load_set("possessive_suffixes"), key=len, reverse=True))


@cache
def pronoun_suffixes() -> tuple[str, ...]:
    """The third-person suffixes of two letters or more (ها، هم، هما): a long word ending so is not a name."""
    return tuple(x for x in possessive_suffixes() if len(x) >= 2 and x[0] == "ه")


@cache
def according_to_re() -> re.Pattern[str]:
    """``بحسب``, ``وفقا لـ`` ... followed by the source: group 1 is where the source begins."""
    parts = []
    for entry in sorted(load_list("according_to"), key=len, reverse=True):
        words = normalize(entry).split()
        if words and words[-1] == "ل":
            parts.append(r"\s+".join(map(re.escape, words[:-1])) + r"\s+ل")
        else:
            parts.append(r"\s+".join(map(re.escape, words)) + r"\s+")
    return re.compile(r"(?<!\w)[وف]?(?:" + "|".join(parts) + r")(?=\S)")


def is_word(tok: Tok) -> bool:
    return tok[2][0].isalnum() or tok[2][0] == "_"


def strip_proclitic(word: str) -> str:
    """``word`` without a leading conjunction و/ف."""
    return word[1:] if len(word) > 2 and word[0] in CONJUNCTIONS else word


def cue_of(word: str) -> Cue | None:
    """The cue verb a token is, with or without و/ف before it."""
    forms = cue_forms()
    hit = forms.get(word)
    if hit is None and len(word) > 2 and word[0] in CONJUNCTIONS:
        hit = forms.get(word[1:])
    return hit


@cache
def known_names() -> frozenset[str]:
    """Names of places and organisations the package knows without a KB (``known_names.tsv``), normalised."""
    return frozenset(normalize(row[0]) for row in load_table("known_names") if row and row[0])

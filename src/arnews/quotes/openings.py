"""The words of a paragraph that may open what the quote stage reads: a cue verb, a verb of narration, an
attribution ("بحسب"), a document's report ("جاء في"), a party's adverbial ("من جانبه"), a title. Found in one pass
over the paragraph's tokens, each word's roles worked out once per process (a few bits, remembered per word):
every reader then visits only its own candidates instead of asking its own question of every token.

>>> from arnews.core.text import normalize
>>> from arnews.core.tokens import tokenize
>>> toks = tokenize(normalize("وقال الوزير بحسب ما جاء في البيان"))
>>> found = openings(toks)
>>> found.cues, found.attributions, found.documents, found.titles
([0], [2], [4], [1])
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from attrs import frozen

from arnews.core import cue_verbs, grammar
from arnews.core.grammar import Tok
from arnews.core.lexicons import load_set
from arnews.core.memo import Memo
from arnews.quotes.frames import opens_attribution

__all__ = ["PARTIES", "PARTY_SUFFIXES", "Openings", "document_firsts", "openings", "opens_document", "opens_title"]

#: The possessive suffixes that name a party, with the gender and number each gives (theirs two, theirs, hers, his):
#: the last letters of the adverbial that opens a party's turn ("من جانبه"، "بدورهم"; :mod:`arnews.quotes.turns`).
PARTIES = (("هما", "", "d"), ("هم", "m", "p"), ("ها", "f", ""), ("ه", "m", ""))
#: The suffixes of :data:`PARTIES` alone, longest first.
PARTY_SUFFIXES = tuple(suffix for suffix, _gender, _number in PARTIES)

_CUE, _NARRATION, _ATTRIBUTION, _DOCUMENT, _PARTY, _TITLE = 1, 2, 4, 8, 16, 32

#: Words whose roles each process remembers at most (:class:`arnews.core.memo.Memo`).
_MEMO_WORDS = 200_000
_ROLES: Memo[str, int] = Memo(_MEMO_WORDS)


@frozen
class Openings:
    """Token indices, in order, of a paragraph's words by what they may open."""

    #: Cue verbs (:func:`arnews.core.cue_verbs.cue_of`).
    cues: list[int]
    #: Verbs of narration (:func:`arnews.core.cue_verbs.narration_of`).
    narrations: list[int]
    #: Words that open an attribution (:func:`arnews.quotes.frames.opens_attribution`).
    attributions: list[int]
    #: Words that begin a document opener of two words or more (:func:`opens_document`).
    documents: list[int]
    #: Words that end with a party's possessive suffix (:data:`PARTY_SUFFIXES`).
    parties: list[int]
    #: Words that may open a title phrase (:func:`opens_title`).
    titles: list[int]


@cache
def document_firsts() -> frozenset[str]:
    """The first words of the document openers of two words or more ("جاء في"، "ورد في"): not "نص" alone, which is
    as often a noun ("كتب نص الاتفاق") or a law's stipulation."""
    return frozenset(phrase.split()[0] for phrase in load_set("document_openers") if " " in phrase)


def opens_title(word: str) -> bool:
    """A title word, or a title abbreviated to a letter and a dot ("د."، "م."): a title phrase may begin here."""
    return word in grammar.abbreviated_titles() or grammar.is_title(word)


def opens_document(word: str) -> bool:
    """A word, with or without و/ف, that begins a document opener of two words or more ("وجاء"، "ورد")."""
    return (word[0].isalnum() or word[0] == "_") and grammar.strip_proclitic(word) in document_firsts()


def _roles(word: str) -> int:
    roles = _ROLES.get(word)
    if roles is None:
        roles = (
            (_CUE if cue_verbs.cue_of(word) is not None else 0)
            | (_NARRATION if cue_verbs.narration_of(word) is not None else 0)
            | (_ATTRIBUTION if opens_attribution(word) else 0)
            | (_DOCUMENT if opens_document(word) else 0)
            | (_PARTY if word.endswith(PARTY_SUFFIXES) else 0)
            | (_TITLE if opens_title(word) else 0)
        )
        _ROLES.put(word, roles)
    return roles


def openings(toks: Sequence[Tok]) -> Openings:
    """The words of ``toks`` (a paragraph's tokens) by what they may open, in one pass."""
    found = Openings([], [], [], [], [], [])
    lists = (
        (_CUE, found.cues),
        (_NARRATION, found.narrations),
        (_ATTRIBUTION, found.attributions),
        (_DOCUMENT, found.documents),
        (_PARTY, found.parties),
        (_TITLE, found.titles),
    )
    known = _ROLES.recent
    for k, tok in enumerate(toks):
        roles = known(tok[2])
        if roles is None:
            roles = _roles(tok[2])
        if roles:
            for bit, into in lists:
                if roles & bit:
                    into.append(k)
    return found

"""The words of an article where the entity stage's passes may begin a name: after a title, a verb of saying or a
given name (the cue pass), an organisation's head word, an institution's head noun, a place behind ب or after a
word of place (the gazetteer), and the surnames of famous people. Found in one pass over the article's tokens, each
word's roles worked out once per process and knowledge base (a few bits, remembered per word): every pass then
visits only its own candidates instead of asking its own question of every token.
"""

from __future__ import annotations

import weakref

from attrs import frozen

from arnews.core.lexicons import load_set
from arnews.core.memo import Memo
from arnews.kb import KnowledgeBase
from arnews.linker.gazetteer import behind_b
from arnews.linker.grammar import FAMOUS
from arnews.linker.institutions import institution_head
from arnews.linker.passes import cue_word, org_head
from arnews.linker.tokens import Words, kb_memo

__all__ = ["Openings", "openings"]

_CUE, _ORG, _INSTITUTION, _BEHIND_B, _LOCATIVE, _FAMOUS = 1, 2, 4, 8, 16, 32

#: Words whose roles each process remembers at most, per knowledge base (:class:`arnews.core.memo.Memo`).
_MEMO_WORDS = 200_000
_MEMOS: weakref.WeakKeyDictionary[KnowledgeBase, Memo[str, int]] = weakref.WeakKeyDictionary()


@frozen
class Openings:
    """Token indices, in order, of an article's words (:class:`arnews.linker.tokens.Words`) by what may begin
    there; and the words that are surnames of famous people."""

    #: Words the cue pass reads on from (:func:`arnews.linker.passes.cue_word`).
    cue_words: list[int]
    #: Organisation head words (:func:`arnews.linker.passes.org_head`).
    org_heads: list[int]
    #: Words that begin with an institution's head noun (:func:`arnews.linker.institutions.institution_head`).
    institution_heads: list[int]
    #: Words a place of the gazetteer may begin at: behind ب (:func:`arnews.linker.gazetteer.behind_b`) or after a
    #: word of place (``locative_words.txt``).
    places: list[int]
    #: Words that are the surname of a person the KB knows by surname alone (a prior of
    #: :data:`arnews.linker.grammar.FAMOUS` or more).
    famous: frozenset[str]


def _roles(memo: Memo[str, int], doc: Words, word: str) -> int:
    roles = memo.get(word)
    if roles is None:
        roles = (
            (_CUE if cue_word(word) else 0)
            | (_ORG if org_head(word) is not None else 0)
            | (_INSTITUTION if institution_head(word) is not None else 0)
            | (_BEHIND_B if behind_b(word) else 0)
            | (_LOCATIVE if word in load_set("locative_words") else 0)
            | (_FAMOUS if kb_memo(doc.kb).surname_prior(word) >= FAMOUS else 0)
        )
        memo.put(word, roles)
    return roles


def _memo(kb: KnowledgeBase) -> Memo[str, int]:
    memo = _MEMOS.get(kb)
    if memo is None:
        memo = _MEMOS[kb] = Memo(_MEMO_WORDS)
    return memo


def openings(doc: Words) -> Openings:
    """The words of ``doc`` by what may begin there, in one pass over its tokens."""
    memo, toks = _memo(doc.kb), doc.toks
    cues: list[int] = []
    orgs: list[int] = []
    institutions: list[int] = []
    places: list[int] = []
    famous: set[str] = set()
    after_place = False  # the token before is a word of place
    for k, tok in enumerate(toks):
        roles = _roles(memo, doc, tok.text) if tok.word else 0
        if roles & _CUE:
            cues.append(k)
        if roles & _ORG:
            orgs.append(k)
        if roles & _INSTITUTION:
            institutions.append(k)
        if tok.word and (roles & _BEHIND_B or after_place):
            places.append(k)
        if roles & _FAMOUS:
            famous.add(tok.text)
        after_place = bool(roles & _LOCATIVE)
    return Openings(cues, orgs, institutions, places, frozenset(famous))

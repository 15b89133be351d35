"""The words of an article where the entity stage's passes may begin a name: after a title, a verb of saying or a
given name (the cue pass), an organisation's head word, an institution's head noun, a place behind ب or after a
word of place (the gazetteer), and the surnames of famous people. Found in one pass over the article's tokens, each
word's roles worked out once per process and knowledge base (a few bits, remembered per word): every pass then
visits only its own candidates instead of asking its own question of every token.

A word's roles are read in one pass over its readings (:func:`arnews.core.names.strip_clitics`), the lexicons
looked up there; the passes' predicates (:func:`~arnews.linker.passes.cue_word`,
:func:`~arnews.linker.passes.org_head`, :func:`~arnews.linker.institutions.institution_head`,
:func:`~arnews.linker.gazetteer.behind_b`) say the same of one word at a time, and the tests hold the two equal.
"""

from __future__ import annotations

import weakref
from functools import cache
from typing import NamedTuple

from attrs import frozen

from arnews.core.lexicons import load_set
from arnews.core.memo import Memo
from arnews.core.names import strip_article, strip_clitics
from arnews.kb import KnowledgeBase
from arnews.linker.gazetteer import MIN_STEM
from arnews.linker.grammar import FAMOUS
from arnews.linker.institutions import any_head
from arnews.linker.tokens import KbMemo, Words, kb_memo, not_names, org_head_words, title_heads

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


class _Lexicons(NamedTuple):
    """The word lists a word's roles are looked up in, fetched once."""

    verbs: frozenset[str]  # verbs of saying a name follows
    given: frozenset[str]  # given names
    common: frozenset[str]  # everyday words
    not_names: frozenset[str]
    titles: frozenset[str]  # words that begin a title
    org_heads: frozenset[str]
    institution_heads: frozenset[str]
    locative: frozenset[str]  # words of place a place's name follows


@cache
def _lexicons() -> _Lexicons:
    return _Lexicons(
        load_set("name_speech_verbs"),
        load_set("first_names"),
        load_set("common_words"),
        not_names(),
        title_heads(),
        frozenset(org_head_words()),
        any_head(),
        load_set("locative_words"),
    )


def _lexical_roles(word: str) -> int:
    """The roles the lexicons give a word (all but :data:`_FAMOUS`), its readings gone through once. A cue word:
    a reading begins a title, or the word is a verb of saying (with و or ف) or a given name (behind ل or ب too,
    unless it is an everyday word). An organisation head: a reading is one. An institution's head: a reading behind
    at most two letters is one, article off. A place behind ب: a reading behind a proclitic with ب, its article not
    fused, of :data:`~arnews.linker.gazetteer.MIN_STEM` letters or more, without the article, the word itself no
    everyday word and none a name never is."""
    lex = _lexicons()
    verbs, given = lex.verbs, lex.given
    cue = (
        word in verbs
        or (word[:1] in "وف" and word[1:] in verbs)
        or word in given
        or (word[:1] in "لب" and word[1:] in given and word not in lex.common)
    )
    may_be_place = word not in lex.common and word not in lex.not_names
    roles = _LOCATIVE if word in lex.locative else 0
    for off, stem, fused in strip_clitics(word):
        if stem in lex.titles:
            cue = True
        if stem in lex.org_heads:
            roles |= _ORG
        if off <= 2 and strip_article(stem) in lex.institution_heads:
            roles |= _INSTITUTION
        behind_b = may_be_place and off and "ب" in word[:off] and not fused and len(stem) >= MIN_STEM
        if behind_b and not stem.startswith("ال"):
            roles |= _BEHIND_B
    return (roles | _CUE) if cue else roles


def _roles(memo: Memo[str, int], kb: KbMemo, word: str) -> int:
    roles = memo.get(word)
    if roles is None:
        roles = _lexical_roles(word) | (_FAMOUS if kb.surname_prior(word) >= FAMOUS else 0)
        memo.put(word, roles)
    return roles


def _memo(kb: KnowledgeBase) -> Memo[str, int]:
    memo = _MEMOS.get(kb)
    if memo is None:
        memo = _MEMOS[kb] = Memo(_MEMO_WORDS)
    return memo


def openings(doc: Words) -> Openings:
    """The words of ``doc`` by what may begin there, in one pass over its tokens."""
    memo, keyed, toks = _memo(doc.kb), kb_memo(doc.kb), doc.toks
    known = memo.recent
    roles: list[int] = []
    append = roles.append
    for tok in toks:
        if tok.word:
            found = known(tok.text)
            append(_roles(memo, keyed, tok.text) if found is None else found)
        else:
            append(0)
    cues: list[int] = []
    orgs: list[int] = []
    institutions: list[int] = []
    places: list[int] = []
    famous: set[str] = set()
    last = len(toks) - 1
    for k, word_roles in [(k, r) for k, r in enumerate(roles) if r]:  # most words have none
        if word_roles & _CUE:
            cues.append(k)
        if word_roles & _ORG:
            orgs.append(k)
        if word_roles & _INSTITUTION:
            institutions.append(k)
        if word_roles & _BEHIND_B and (not places or places[-1] != k):
            places.append(k)  # a word is a place's first at most once: behind ب, or after a word of place
        if word_roles & _FAMOUS:
            famous.add(toks[k].text)
        if word_roles & _LOCATIVE and k < last and toks[k + 1].word:
            places.append(k + 1)
    return Openings(cues, orgs, institutions, places, frozenset(famous))

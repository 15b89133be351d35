"""Sentences, tokens and named entities, with exact offsets into the input.

This module owns Stanza: it resolves which model to use, loads it lazily once per process and runs it.
Until a model is configured, :class:`RuleAnalyzer` splits sentences and tokens by rule and finds no entities.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from attrs import frozen

from arnews.models import EntityKind
from arnews.text import normalize

__all__ = ["Analysis", "Analyzer", "NerSpan", "RuleAnalyzer", "Sentence", "Token", "default_analyzer"]


@frozen
class Token:
    text: str
    start: int
    end: int


@frozen
class Sentence:
    text: str
    start: int
    end: int


@frozen
class NerSpan:
    text: str
    start: int
    end: int
    type: EntityKind
    score: float = 1.0


@frozen
class Analysis:
    """What the NLP layer found in the regions of one text (offsets index the whole input)."""

    sentences: tuple[Sentence, ...] = ()
    tokens: tuple[Token, ...] = ()
    entities: tuple[NerSpan, ...] = ()


class Analyzer(Protocol):
    """Anything that turns regions of a text into an :class:`Analysis`."""

    name: str

    def analyze(self, text: str, regions: Sequence[tuple[int, int]]) -> Analysis: ...

    def analyze_many(self, items: Sequence[tuple[str, Sequence[tuple[int, int]]]]) -> list[Analysis]: ...


def model_form(token: str) -> str:
    """A token as the NER model saw it in training: :func:`arnews.text.normalize` (alef, ya, ta marbuta, digits,
    no diacritics or tatweel), or the token itself when nothing would be left."""
    return normalize(token) or token


_SENTENCE_END = re.compile(r"[^.!?؟…\n]*(?:[.!?؟…]+[\"'”»)]*|\n|$)")
_TOKEN = re.compile(r"\w+(?:[.,٫٬]\w+)*|[^\w\s]", re.UNICODE)


class RuleAnalyzer:
    """Sentences and tokens by rule; no named entities. The fallback when no model is available."""

    name = "rules"

    def analyze(self, text: str, regions: Sequence[tuple[int, int]]) -> Analysis:
        sentences: list[Sentence] = []
        tokens: list[Token] = []
        for start, end in regions:
            for m in _SENTENCE_END.finditer(text, start, end):
                s, e = m.start(), m.end()
                while s < e and text[s].isspace():
                    s += 1
                while e > s and text[e - 1].isspace():
                    e -= 1
                if e > s:
                    sentences.append(Sentence(text[s:e], s, e))
            tokens.extend(Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text, start, end))
        return Analysis(tuple(sentences), tuple(tokens), ())

    def analyze_many(self, items: Sequence[tuple[str, Sequence[tuple[int, int]]]]) -> list[Analysis]:
        return [self.analyze(text, regions) for text, regions in items]


def default_analyzer() -> Analyzer:
    """The analyzer :func:`arnews.parse` uses when none is given."""
    return RuleAnalyzer()

"""Sentences, tokens and named entities, with exact offsets into the input.

:mod:`arnews.nlp.rules` holds the one tokenizer and sentence splitter; :mod:`arnews.nlp.tagger` the Stanza NER
model (loaded lazily: importing this package does not import torch); :mod:`arnews.nlp.resources` resolves which
model to load.
"""

from __future__ import annotations

from arnews.document import NerSpan, Sentence, Token
from arnews.nlp.rules import Analysis, Analyzer, RuleAnalyzer, model_form, sentences_of, split, tokens_of
from arnews.nlp.tagger import StanzaAnalyzer, default_analyzer, stanza_available

__all__ = [
    "Analysis",
    "Analyzer",
    "NerSpan",
    "RuleAnalyzer",
    "Sentence",
    "StanzaAnalyzer",
    "Token",
    "default_analyzer",
    "model_form",
    "sentences_of",
    "split",
    "stanza_available",
    "tokens_of",
]

"""Sentences, tokens and named entities, with exact offsets into the input.

This module owns Stanza: :class:`StanzaAnalyzer` loads the model chosen by :mod:`arnews.resources` lazily, once
per process (thread-safe), and runs it in bulk. Sentences and tokens come from the rule splitter of
:class:`RuleAnalyzer`; the NER model sees every token in :func:`model_form`, the form it was trained on, and each
entity is mapped back to exact offsets of the input. With the official Stanza models (``arnews download``) Stanza
tokenizes each sentence itself and its character offsets are used. Without stanza installed,
:func:`default_analyzer` returns the :class:`RuleAnalyzer` (sentences and tokens, no entities).
"""

from __future__ import annotations

import importlib.util
import re
import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Protocol

from attrs import frozen

from arnews.errors import ModelError
from arnews.models import ENTITY_KINDS, EntityKind
from arnews.resources import ModelSpec, find_ner_model, resolve_ner_model
from arnews.text import normalize

if TYPE_CHECKING:
    import os

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
    "stanza_available",
]


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
# a word keeps its diacritics and tatweel (combining marks are not \w): "الأُمَم" is one token
_WORD = r"(?:\w|[\u0610-\u061a\u064b-\u065f\u0670\u0640\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed])+"
_TOKEN = re.compile(rf"{_WORD}(?:[.,٫٬]{_WORD})*|[^\w\s]", re.UNICODE)


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


#: Sentences longer than this many tokens reach the tagger in pieces (bounded memory and time).
MAX_TAGGER_TOKENS = 200
#: Sentences per Stanza call in :meth:`StanzaAnalyzer.analyze_many` (one call per chunk, bounded memory).
BULK_SENTENCES = 2000

_LOAD_LOCK = threading.Lock()
_PIPELINES: dict[tuple[str, str, str], tuple[Any, threading.Lock]] = {}


def stanza_available() -> bool:
    """Whether stanza (and so torch) can be imported, without importing it."""
    return importlib.util.find_spec("stanza") is not None


def _check_checkpoint(spec: ModelSpec) -> None:
    """Refuse a tagger trained with word vectors when no pretrain file comes with it (it would output garbage)."""
    import torch

    assert spec.ner_path is not None
    try:
        checkpoint = torch.load(spec.ner_path, map_location="cpu", weights_only=True)
    except Exception as exc:  # torch raises many kinds (UnpicklingError, RuntimeError, EOFError...)
        raise ModelError(f"cannot load NER model {spec.ner_path}: {exc}") from exc
    config = checkpoint.get("config") if isinstance(checkpoint, dict) else None
    if not isinstance(config, dict):
        raise ModelError(f"{spec.ner_path} is not a Stanza NER model (no config in the checkpoint)")
    if config.get("pretrain") and (spec.pretrain_path is None or not spec.pretrain_path.is_file()):
        raise ModelError(
            f"the NER model {spec.ner_path} was trained with word vectors but no pretrain file comes with it; "
            "give a model directory whose ar_ner.json names files.pretrain"
        )


def _build_pipeline(spec: ModelSpec) -> Any:
    import logging
    import tempfile

    import stanza

    logging.getLogger("stanza").setLevel(logging.ERROR)
    if spec.layout == "stanza":
        try:
            return stanza.Pipeline(
                "ar",
                dir=str(spec.location),
                processors="tokenize,mwt,ner",
                download_method=None,
                logging_level="ERROR",
            )
        except Exception as exc:  # stanza raises plain exceptions for missing or broken resources
            raise ModelError(f"cannot load the Stanza Arabic models in {spec.location}: {exc}") from exc
    _check_checkpoint(spec)
    with tempfile.TemporaryDirectory(prefix="arnews-stanza-") as tmp:
        resources = f"{tmp}/resources.json"
        with open(resources, "w", encoding="utf-8") as fh:
            fh.write("{}")
        kwargs: dict[str, Any] = {
            "lang": "ar",
            "processors": "tokenize,ner",
            "tokenize_pretokenized": True,
            "ner_model_path": str(spec.ner_path),
            "download_method": None,
            "resources_filepath": resources,
            "dir": tmp,
            "allow_unknown_language": True,
            "logging_level": "ERROR",
            "use_gpu": False,
        }
        if spec.pretrain_path is not None:
            kwargs["ner_pretrain_path"] = str(spec.pretrain_path)
        try:
            return stanza.Pipeline(**kwargs)
        except Exception as exc:
            raise ModelError(f"cannot load NER model {spec.ner_path}: {exc}") from exc


def _pipeline(spec: ModelSpec) -> tuple[Any, threading.Lock]:
    key = (spec.layout, str(spec.location), str(spec.ner_path))
    with _LOAD_LOCK:
        loaded = _PIPELINES.get(key)
        if loaded is None:
            loaded = (_build_pipeline(spec), threading.Lock())
            _PIPELINES[key] = loaded
        return loaded


def _kind(label: str) -> EntityKind:
    label = label.upper()
    if label in ("PERS", "PERSON"):
        return "PER"
    if label == "ORGANIZATION":
        return "ORG"
    if label in ("GPE", "LOCATION"):
        return "LOC"
    return label if label in ENTITY_KINDS else "MISC"  # type: ignore[return-value]


class StanzaAnalyzer:
    """Sentences and tokens by rule, named entities by a Stanza NER model (loaded on first use, once)."""

    def __init__(self, model: ModelSpec | str | os.PathLike[str] | None = None) -> None:
        self.spec = model if isinstance(model, ModelSpec) else resolve_ner_model(model)
        self.name = f"stanza:{self.spec.name}"
        self._rules = RuleAnalyzer()

    def load(self) -> None:
        """Load the model now (it is otherwise loaded by the first call that needs it)."""
        _pipeline(self.spec)

    def analyze(self, text: str, regions: Sequence[tuple[int, int]]) -> Analysis:
        return self.analyze_many([(text, regions)])[0]

    def analyze_many(self, items: Sequence[tuple[str, Sequence[tuple[int, int]]]]) -> list[Analysis]:
        base = [self._rules.analyze(text, regions) for text, regions in items]
        if not any(a.tokens for a in base):
            return base
        if self.spec.layout == "stanza":
            found = self._entities_raw(items, base)
        else:
            found = self._entities_pretokenized(items, base)
        return [Analysis(a.sentences, a.tokens, ents) for a, ents in zip(base, found, strict=True)]

    def _entities_pretokenized(
        self, items: Sequence[tuple[str, Sequence[tuple[int, int]]]], base: list[Analysis]
    ) -> list[tuple[NerSpan, ...]]:
        # one list of token pieces for the whole batch, each remembering its document
        pieces: list[tuple[int, tuple[Token, ...]]] = []
        for doc, analysis in enumerate(base):
            tokens = analysis.tokens
            i = 0
            for sent in analysis.sentences:
                while i < len(tokens) and tokens[i].end <= sent.start:
                    i += 1
                j = i
                while j < len(tokens) and tokens[j].start < sent.end:
                    j += 1
                for k in range(i, j, MAX_TAGGER_TOKENS):
                    pieces.append((doc, tokens[k : min(j, k + MAX_TAGGER_TOKENS)]))
                i = j
        found: list[list[NerSpan]] = [[] for _ in items]
        nlp, lock = _pipeline(self.spec)
        for c in range(0, len(pieces), BULK_SENTENCES):
            chunk = pieces[c : c + BULK_SENTENCES]
            with lock:
                doc_out = nlp([[model_form(t.text) for t in toks] for _, toks in chunk])
            for (doc, toks), sent in zip(chunk, doc_out.sentences, strict=True):
                text = items[doc][0]
                for ent in sent.ents:
                    first = ent.tokens[0].id[0] - 1
                    last = ent.tokens[-1].id[-1] - 1
                    start, end = toks[first].start, toks[last].end
                    found[doc].append(NerSpan(text[start:end], start, end, _kind(ent.type)))
        return [tuple(f) for f in found]

    def _entities_raw(
        self, items: Sequence[tuple[str, Sequence[tuple[int, int]]]], base: list[Analysis]
    ) -> list[tuple[NerSpan, ...]]:
        import stanza

        nlp, lock = _pipeline(self.spec)
        found: list[list[NerSpan]] = [[] for _ in items]
        jobs = [(doc, sent) for doc, a in enumerate(base) for sent in a.sentences]
        for c in range(0, len(jobs), BULK_SENTENCES):
            chunk = jobs[c : c + BULK_SENTENCES]
            with lock:
                outs = nlp.bulk_process([stanza.Document([], text=sent.text) for _, sent in chunk])
            for (doc, sent), out in zip(chunk, outs, strict=True):
                text = items[doc][0]
                for ent in out.ents:
                    start, end = sent.start + ent.start_char, sent.start + ent.end_char
                    if text[start:end].strip():
                        found[doc].append(NerSpan(text[start:end], start, end, _kind(ent.type)))
        return [tuple(f) for f in found]


def default_analyzer() -> Analyzer:
    """The analyzer :func:`arnews.parse` uses when none is given: Stanza NER with the resolved model
    (:func:`arnews.resources.resolve_ner_model`), or :class:`RuleAnalyzer` when stanza is not installed or no
    model exists at all. A model path that is configured but broken raises :class:`~arnews.errors.ModelError`."""
    if not stanza_available():
        return RuleAnalyzer()
    spec = find_ner_model()
    return StanzaAnalyzer(spec) if spec is not None else RuleAnalyzer()

"""Named entities by a Stanza NER model, with exact offsets into the input.

:class:`StanzaAnalyzer` loads the model chosen by :mod:`arnews.nlp.resources` lazily, once per process
(thread-safe), and runs it in bulk. Sentences and tokens come from :func:`arnews.nlp.rules.split`; the NER model
sees every token in :func:`~arnews.nlp.rules.model_form`, the form it was trained on (the word lists go to the
pipeline's NER models without Stanza documents: :mod:`arnews.nlp.word_lists`), and each entity is mapped back to
exact offsets of the input. With the official Stanza models (``arnews download``) Stanza tokenizes each
sentence itself and its character offsets are used. Without stanza installed, :func:`default_analyzer` returns
the :class:`~arnews.nlp.rules.RuleAnalyzer` (sentences and tokens, no entities). torch is imported only when a
model is loaded.
"""

from __future__ import annotations

import contextlib
import importlib.util
import threading
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from arnews.core.text import normalize
from arnews.document import NerSpan, Token
from arnews.errors import ModelError
from arnews.models import ENTITY_KINDS, EntityKind
from arnews.nlp.resources import ModelSpec, find_ner_model, resolve_ner_model
from arnews.nlp.rules import MAX_TOKEN_CHARS, Analysis, Analyzer, RuleAnalyzer, split
from arnews.nlp.word_lists import WordEntity, direct_tagger, tag_word_lists

if TYPE_CHECKING:
    import os

__all__ = ["StanzaAnalyzer", "default_analyzer", "stanza_available"]


#: Sentences longer than this many tokens reach the tagger in pieces (bounded memory and time: Stanza's NER
#: data loader is quadratic in the length of one sentence).
MAX_TAGGER_TOKENS = 200
#: Sentences per Stanza call in :meth:`StanzaAnalyzer.analyze_many` (one call per chunk, bounded memory).
BULK_SENTENCES = 2000
#: Sentences per tagger batch; the batch's sentences have similar lengths (little padding).
TAGGER_BATCH = 64
#: Torch threads while tagging. The tagger is a small BiLSTM that gains little from intra-op threads, and threads
#: competing for busy cores cost a lot: on 2 shared cores, 20 articles took 20.8 s with 2 threads, 4.3 s with 1.
TORCH_THREADS = 1

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


@contextlib.contextmanager
def _no_optimizer() -> Iterator[None]:
    """Stanza's NER trainer builds a training optimizer even to tag; creating a torch optimizer imports
    ``torch._dynamo`` (about 3 s). Nothing here trains, so the optimizer is skipped while a pipeline is built."""
    from stanza.models.common import utils

    original = getattr(utils, "get_optimizer", None)
    if original is None:  # another stanza version: nothing to skip
        yield
        return
    utils.get_optimizer = lambda *args, **kwargs: None
    try:
        yield
    finally:
        utils.get_optimizer = original


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
    if spec.metadata is None:
        _check_checkpoint(spec)  # a bare .pt file: nothing says whether it needs word vectors
    with tempfile.TemporaryDirectory(prefix="arnews-stanza-") as tmp:
        resources = f"{tmp}/resources.json"
        with open(resources, "w", encoding="utf-8") as fh:
            fh.write("{}")
        kwargs: dict[str, Any] = {
            "lang": "ar",
            "processors": "tokenize,ner",
            "tokenize_pretokenized": True,
            "ner_model_path": str(spec.ner_path),
            "ner_batch_size": TAGGER_BATCH,
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
            with _no_optimizer():
                nlp = stanza.Pipeline(**kwargs)
        except Exception as exc:
            raise ModelError(f"cannot load NER model {spec.ner_path}: {exc}") from exc
    config = nlp.processors["ner"].trainers[0].args
    if config.get("pretrain") and spec.pretrain_path is None:
        raise ModelError(
            f"the NER model {spec.ner_path} was trained with word vectors but no pretrain file comes with it; "
            "give a model directory whose ar_ner.json names files.pretrain"
        )
    return nlp


@contextlib.contextmanager
def _torch_threads(n: int | None) -> Iterator[None]:
    """Run with ``n`` torch threads, then restore the caller's setting (None: leave it alone)."""
    import torch

    before = torch.get_num_threads()
    if n is None or n == before:
        yield
        return
    torch.set_num_threads(n)
    try:
        yield
    finally:
        torch.set_num_threads(before)


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

    def __init__(
        self,
        model: ModelSpec | str | os.PathLike[str] | None = None,
        *,
        threads: int | None = TORCH_THREADS,
        direct: bool = True,
    ) -> None:
        """``model``: see :func:`arnews.nlp.resources.resolve_ner_model`. ``threads``: torch threads while tagging (the
        process-wide setting is restored after each call); None leaves torch's setting alone. ``direct``: tag the word
        lists with the pipeline's NER models (:mod:`arnews.nlp.word_lists`, the same entities without building Stanza
        documents); False runs the whole Stanza pipeline."""
        self.spec = model if isinstance(model, ModelSpec) else resolve_ner_model(model)
        self.name = f"stanza:{self.spec.name}"
        self.threads = threads
        self.direct = direct

    def load(self) -> None:
        """Load the model now (it is otherwise loaded by the first call that needs it)."""
        _pipeline(self.spec)

    def analyze(self, text: str, regions: Sequence[tuple[int, int]]) -> Analysis:
        return self.analyze_many([(text, regions)])[0]

    def analyze_many(self, items: Sequence[tuple[str, Sequence[tuple[int, int]]]]) -> list[Analysis]:
        base = [split(text, regions) for text, regions in items]
        found = self.tag_many([(text, a) for (text, _), a in zip(items, base, strict=True)])
        return [Analysis(a.sentences, a.tokens, ents) for a, ents in zip(base, found, strict=True)]

    def tag_many(self, items: Sequence[tuple[str, Analysis]]) -> list[tuple[NerSpan, ...]]:
        """The model's entities for texts already split into sentences and tokens (by :func:`split`)."""
        if not any(a.tokens for _, a in items):
            return [() for _ in items]
        if self.spec.layout == "stanza":
            return self._entities_raw(items)
        return self._entities_pretokenized(items)

    def _entities_pretokenized(self, items: Sequence[tuple[str, Analysis]]) -> list[tuple[NerSpan, ...]]:
        # the tagger's input: per sentence, its tokens in model form, minus those empty after normalisation (bare
        # diacritics), cut into pieces of at most MAX_TAGGER_TOKENS; each piece remembers its document and its
        # tokens (whose offsets map entities back)
        pieces: list[tuple[int, list[Token], list[str]]] = []
        for doc, (_text, analysis) in enumerate(items):
            tokens = analysis.tokens
            i = 0
            for sent in analysis.sentences:
                while i < len(tokens) and tokens[i].end <= sent.start:
                    i += 1
                toks: list[Token] = []
                forms: list[str] = []
                while i < len(tokens) and tokens[i].start < sent.end:
                    tok = tokens[i]
                    i += 1
                    norm = normalize(tok.text[: 4 * MAX_TOKEN_CHARS])
                    if not norm:
                        continue  # only diacritics or tatweel: nothing the model could read
                    form = norm[:MAX_TOKEN_CHARS]
                    toks.append(tok)
                    forms.append(form)
                    if len(toks) == MAX_TAGGER_TOKENS:
                        pieces.append((doc, toks, forms))
                        toks, forms = [], []
                if toks:
                    pieces.append((doc, toks, forms))
        # similar lengths together: the tagger pads every sentence of a batch to the longest one
        order = sorted(range(len(pieces)), key=lambda n: len(pieces[n][2]))
        found: list[list[NerSpan]] = [[] for _ in items]
        nlp, lock = _pipeline(self.spec)
        for c in range(0, len(order), BULK_SENTENCES):
            chunk = [pieces[n] for n in order[c : c + BULK_SENTENCES]]
            with lock, _torch_threads(self.threads):
                tagged = self._tag(nlp, [forms for _, _, forms in chunk])
            for (doc, toks, _), ents in zip(chunk, tagged, strict=True):
                text = items[doc][0]
                for first, last, label in ents:
                    start, end = toks[first].start, toks[last].end
                    found[doc].append(NerSpan(text[start:end], start, end, _kind(label)))
        return [tuple(sorted(f, key=lambda e: (e.start, e.end))) for f in found]

    def _tag(self, nlp: Any, sentences: list[list[str]]) -> list[list[WordEntity]]:
        """Each sentence's entities (first word, last word, type): by the pipeline's NER models run on the word
        lists (:mod:`arnews.nlp.word_lists`), or through the whole pipeline when its NER processor has another
        shape (``direct=False``, or another Stanza version)."""
        ner = direct_tagger(nlp) if self.direct else None
        if ner is not None:
            return tag_word_lists(ner, sentences)
        out = nlp(sentences)
        return [[(e.tokens[0].id[0] - 1, e.tokens[-1].id[-1] - 1, e.type) for e in s.ents] for s in out.sentences]

    def _entities_raw(self, items: Sequence[tuple[str, Analysis]]) -> list[tuple[NerSpan, ...]]:
        import stanza

        nlp, lock = _pipeline(self.spec)
        found: list[list[NerSpan]] = [[] for _ in items]
        jobs = [(doc, sent) for doc, (_text, a) in enumerate(items) for sent in a.sentences]
        for c in range(0, len(jobs), BULK_SENTENCES):
            chunk = jobs[c : c + BULK_SENTENCES]
            with lock, _torch_threads(self.threads):
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
    (:func:`arnews.nlp.resources.resolve_ner_model`), or :class:`RuleAnalyzer` when stanza is not installed or no
    model exists at all. A model path that is configured but broken raises :class:`~arnews.errors.ModelError`."""
    if not stanza_available():
        return RuleAnalyzer()
    spec = find_ner_model()
    return StanzaAnalyzer(spec) if spec is not None else RuleAnalyzer()

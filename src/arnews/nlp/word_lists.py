"""Tagging lists of words with a loaded Stanza NER processor, without Stanza documents.

A Stanza pipeline given pretokenized sentences builds a :class:`stanza.Document` (a ``Token`` and a ``Word`` object
per word, their ``misc`` fields written and parsed again), the NER processor reads the words back out of it, tags
them, writes the tags into it and decodes its entities. For arnews, which keeps its own tokens and offsets, that
round trip was a fifth of the time of the NER stage; decoding the tag paths one sentence at a time in numpy another
tenth, and padding the character ids one word at a time another. :func:`tag_word_lists` gives the NER processor's
data loader the word lists themselves and runs each of the processor's models as :meth:`NERProcessor.process` does
(the same batches and tensors, the same model calls, the same merge of several models' tags and the same BIOES
decoding), decoding each batch's paths at once (:func:`viterbi_paths`) and filling each padded tensor in one step
(:func:`padded`): the entities are the ones the pipeline finds. :func:`direct_tagger` says whether a pipeline's NER
processor has the shape this needs; otherwise the caller goes through the pipeline.

A model that reads each word's characters with a character BiLSTM of its own (no character language model over the
sentence) gives a word the same representation wherever it stands: the tagger remembers it per word (its character
ids) for the process (:func:`~arnews.nlp.ner_model.remember_characters`), and each batch runs the character LSTM
only over the words it has not met. That LSTM was two fifths of the tagger's time; most words of news recur. For the
same reason each word's ids in the model's vocabularies (its characters' ids, its id in the word embeddings) are
looked up once per process (:func:`~arnews.nlp.ner_model.remember_words`), not once per call and word as Stanza's
vocabularies do, and a tag's name once per model; and a batch holds the sentences' characters only for a model with
a character language model, the one reader of them (:func:`~arnews.nlp.ner_model.reads_sentence_characters`).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any

from arnews.nlp.ner_model import (
    reads_sentence_characters,
    remember_characters,
    remember_words,
    skip_loss,
    tag_names,
    vocabulary_ids,
)

__all__ = ["WordEntity", "direct_tagger", "padded", "tag_tensor", "tag_word_lists", "viterbi_paths"]

_UNTAGGED = (None,)  # the tags of a word before NER, as a Stanza document gives them to the loader
_SPANNING = frozenset({"B-", "I-", "E-"})  # the BIOES prefixes of a tag within an entity of several words

#: One entity of a sentence: its first and last word (0-based, inclusive) and its type as the model writes it.
WordEntity = tuple[int, int, str]


def direct_tagger(nlp: Any) -> Any | None:
    """The NER processor of the Stanza pipeline ``nlp`` when its models can be run on word lists (a Stanza version
    whose processor, trainers and data loader look as this module expects), else None."""
    try:  # every name the tagging below uses
        from stanza.models.common.utils import unsort  # noqa: F401
        from stanza.models.common.vocab import VOCAB_PREFIX_SIZE  # noqa: F401
        from stanza.models.ner.data import DataLoader
        from stanza.models.ner.trainer import fix_singleton_tags, unpack_batch  # noqa: F401
        from stanza.models.ner.utils import decode_from_bioes, merge_tags  # noqa: F401
    except ImportError:
        return None
    ner = getattr(nlp, "processors", {}).get("ner")
    trainers, configs = getattr(ner, "trainers", None), getattr(ner, "configs", None)
    if not trainers or not configs or len(trainers) != len(configs):
        return None
    if any(c.get("bert_model") for c in configs):
        return None  # the loader may drop sentences too long for a transformer: the pipeline handles those
    if not all(hasattr(t, "vocab") and hasattr(t, "args") and hasattr(t, "model") for t in trainers):
        return None
    if not all(hasattr(t.model, "bert_tokenizer") for t in trainers):
        return None
    if not all(callable(getattr(DataLoader, name, None)) for name in ("_load_doc", "process_chars", "chunk_batches")):
        return None  # the loader methods the word-list loader overrides or calls
    return ner


@cache
def _loader_class() -> type:
    from stanza.models.ner.data import DataLoader

    class WordListLoader(DataLoader):  # type: ignore[misc]
        """Stanza's NER data loader fed word lists: each word untagged, as a document's words are before NER."""

        #: Whether a batch holds the sentences' characters (:func:`reads_sentence_characters`; set per model).
        sentence_characters = True

        def _load_doc(self, doc: Any, scheme: Any) -> list[list[list[Any]]]:
            return [[[word, _UNTAGGED] for word in sentence] for sentence in doc]

        def preprocess(self, data: Any, vocab: Any, args: Any) -> list[list[Any]]:
            return _preprocess(data, vocab, args)

        def __getitem__(self, key: int) -> tuple[Any, ...]:
            if not 0 <= key < len(self.data):
                raise IndexError(key)
            return _batch(self, self.data[key])

    return WordListLoader


def _preprocess(data: Any, vocab: Any, args: Any) -> list[list[Any]]:
    """``DataLoader.preprocess``: each sentence's words, their character ids and their tags' ids; each distinct
    word's characters are mapped once a process (:func:`~arnews.nlp.ner_model.vocabulary_ids`: most words recur)
    and the one tag every word has once."""
    lower = bool(args.get("char_lowercase", False))
    chars, tag = vocab["char"], vocab["tag"].map([_UNTAGGED])[0]
    memo = vocabulary_ids(chars, lower)
    known = memo.recent
    processed: list[list[Any]] = []
    for sent in data:
        words = [w[0] for w in sent]
        ids: list[tuple[int, ...]] = []
        for word in words:
            found = known(word)
            if found is None:
                found = memo.get(word)  # an older word comes back young
                if found is None:
                    found = tuple(chars.map([x.lower() for x in word] if lower else list(word)))
                    memo.put(word, found)
            ids.append(found)  # shared between a word's occurrences and calls: the loader only reads them
        processed.append([words, ids, [tag] * len(words)])
    return processed


def _batch(loader: Any, sentences: list[list[Any]]) -> tuple[Any, ...]:
    """``DataLoader.__getitem__`` for one batch of preprocessed sentences: the same tensors, sorted the same ways,
    each padded tensor of word ids and character ids filled in one step instead of one row (a word: thousands a
    batch) at a time."""
    import torch
    from stanza.models.common.data import sort_all
    from stanza.models.common.vocab import PAD_ID

    batch = list(zip(*sentences, strict=True))
    batch_size = len(batch[0])
    batch, orig_idx = sort_all(batch, [len(x) for x in batch[0]])  # sentences, longest first
    sentlens = [len(x) for x in batch[0]]
    chars: Any = None
    offsets: list[Any] = []
    char_orig_idx: list[int] = []
    charlens: list[int] = []
    if loader.sentence_characters:  # the sentences' characters, which only a character language model reads
        forward, backward, offsets_forward, offsets_backward, charlens = loader.process_chars(batch[1])
        (forward, backward, offsets_forward, offsets_backward), char_orig_idx = sort_all(
            [forward, backward, offsets_forward, offsets_backward], charlens
        )
        charlens = [len(sent) for sent in forward]
        space = loader.vocab["char"].unit2id(" ")
        chars = torch.cat(
            [padded(forward, batch_size, space).unsqueeze(0), padded(backward, batch_size, space).unsqueeze(0)]
        )
        offsets = [offsets_forward, offsets_backward]
    words_chars = [w for sent in batch[1] for w in sent]
    (words_chars,), word_orig_idx = sort_all([words_chars], [len(x) for x in words_chars])
    wordlens = [len(x) for x in words_chars]
    wordchars = padded(words_chars, len(wordlens), PAD_ID)
    tags = tag_tensor(batch[2], batch_size)  # read only by the training loss
    mask = torch.eq(wordchars, PAD_ID)
    indexes = (orig_idx, word_orig_idx, char_orig_idx, sentlens, wordlens, charlens)
    return (batch[0], wordchars, mask, chars, tags, *indexes, offsets)


def padded(rows: Sequence[Sequence[int]], size: int, pad: int) -> Any:
    """A ``size`` x longest-row long tensor holding ``rows`` (ids) from the left, ``pad`` after them and in rows
    past the last: Stanza's ``get_long_tensor`` for rows of ids, filled at once."""
    import torch

    width = max(map(len, rows), default=0)
    out = torch.full((size, width), pad, dtype=torch.long)
    lengths = torch.tensor([len(row) for row in rows], dtype=torch.long)
    inside = torch.arange(width).unsqueeze(0) < lengths.unsqueeze(1)
    out[: len(rows)][inside] = torch.tensor([x for row in rows for x in row], dtype=torch.long)
    return out


def tag_tensor(rows: Sequence[Sequence[Any]], size: int) -> Any:
    """Stanza's ``get_long_tensor`` of rows whose items are all one tag (an id, or a list of ids for a model of
    several tag sets: :func:`_preprocess` gives every word the untagged one), filled at once instead of a row at a
    time."""
    import torch
    from stanza.models.common.vocab import PAD_ID

    tag = rows[0][0]
    if not isinstance(tag, list):
        return padded(rows, size, PAD_ID)
    width = max(map(len, rows))
    out = torch.full((size, width, len(tag)), PAD_ID, dtype=torch.long)
    lengths = torch.tensor([len(row) for row in rows], dtype=torch.long)
    inside = torch.arange(width).unsqueeze(0) < lengths.unsqueeze(1)
    out[: len(rows)][inside] = torch.tensor(tag, dtype=torch.long)
    return out


def tag_word_lists(ner: Any, sentences: Sequence[Sequence[str]]) -> list[list[WordEntity]]:
    """The entities the NER processor ``ner`` (:func:`direct_tagger`) finds in each sentence of words, as
    :meth:`stanza.pipeline.ner_processor.NERProcessor.process` would find them (no sentence may be empty)."""
    import torch
    from stanza.models.ner.utils import decode_from_bioes, merge_tags

    if not sentences:
        return []
    loader_class = _loader_class()
    data = [list(sentence) for sentence in sentences]
    all_preds: list[list[list[str]]] = []
    with torch.no_grad():
        for trainer, config in zip(ner.trainers, ner.configs, strict=True):
            remember_characters(trainer.model)
            remember_words(trainer.model)
            skip_loss(trainer.model)
            loader = loader_class(
                data,
                config["batch_size"],
                config,
                vocab=trainer.vocab,
                evaluation=True,
                preprocess_tags=False,
                bert_tokenizer=trainer.model.bert_tokenizer,
            )
            loader.sentence_characters = reads_sentence_characters(trainer.model)
            preds: list[list[str]] = []
            for batch in loader:
                preds += _predict(trainer, batch)
            all_preds.append(preds)
    found: list[list[WordEntity]] = []
    for per_model in zip(*all_preds, strict=True):
        tags = per_model[0] if len(per_model) == 1 else merge_tags(*per_model)
        if all(tag == "O" for tag in tags):
            found.append([])  # a sentence that names nothing (most): nothing to decode
            continue
        found.append([(e["start"], e["end"], e["type"]) for e in decode_from_bioes(tags)])
    return found


def _predict(trainer: Any, batch: Any) -> list[list[str]]:
    """:meth:`stanza.models.ner.trainer.Trainer.predict` with the Viterbi decoding of the whole batch at once
    (:func:`viterbi_paths`) instead of one sentence at a time: the same tags, a tenth of the decoding time."""
    from stanza.models.common import utils
    from stanza.models.common.vocab import VOCAB_PREFIX_SIZE
    from stanza.models.ner.trainer import fix_singleton_tags, unpack_batch

    device = next(trainer.model.parameters()).device
    inputs, orig_idx, word_orig, char_orig, sentlens, wordlens, charlens, charoffsets = unpack_batch(batch, device)
    word, wordchars, wordchars_mask, chars, tags = inputs
    trainer.model.eval()
    _, logits, trans = trainer.model(
        word, wordchars, wordchars_mask, tags, word_orig, sentlens, wordlens, chars, charoffsets, charlens, char_orig
    )
    columns = [viterbi_paths(x, y, sentlens) for x, y in zip(logits, trans, strict=True)]
    predict_tagset = trainer.args.get("predict_tagset") or 0
    tag_vocab = trainer.vocab["tag"]
    names = tag_names(tag_vocab)
    tag_seqs: list[list[str]] = []
    for i in range(len(sentlens)):
        ids = [[x if x >= VOCAB_PREFIX_SIZE else VOCAB_PREFIX_SIZE for x in column[i]] for column in columns]
        unmapped: list[Any] = []  # ``tag_vocab.unmap``: a few distinct tags, each named once per model
        for key in zip(*ids, strict=True):
            name = names.get(key)
            if name is None:
                name = names[key] = tag_vocab.id2unit(key)
            unmapped.append(name)
        picked = [x[predict_tagset] if isinstance(x, list) else x for x in unmapped]
        # only a B-, I- or E- tag can be a singleton to fix: most sentences have none (all O, or an S- tag)
        tag_seqs.append(fix_singleton_tags(picked) if any(t[:2] in _SPANNING for t in picked) else picked)
    return list(utils.unsort(tag_seqs, orig_idx))


def viterbi_paths(scores: Any, transitions: Any, lengths: Sequence[int]) -> list[list[int]]:
    """The best tag path of each sentence of a batch: ``scores`` (batch x words x tags, padded), ``transitions``
    (tags x tags, from the row's tag to the column's), ``lengths`` the sentences' lengths. Each sentence's path is
    the one :func:`stanza.models.common.crf.viterbi_decode` finds for it alone: the same float32 sums and maxima,
    ties going to the first tag."""
    import torch

    scores = scores.detach().float().cpu()
    transitions = transitions.detach().float().cpu()
    n, most = len(lengths), max(lengths, default=0)
    if n == 0 or most == 0:
        return [[] for _ in lengths]
    lens = torch.tensor(list(lengths))
    trellis = scores[:, 0].clone()
    back: list[Any] = []
    for t in range(1, most):
        best, pointer = (trellis.unsqueeze(2) + transitions).max(dim=1)  # [b, i, j]: from tag i to tag j
        trellis = torch.where((lens > t).unsqueeze(1), scores[:, t] + best, trellis)
        back.append(pointer)
    final = trellis.argmax(dim=1)
    paths = torch.empty((n, most), dtype=torch.long)
    current = final
    for t in range(most - 1, -1, -1):
        current = torch.where(lens - 1 == t, final, current)  # a sentence's path begins at its last word
        paths[:, t] = current
        if t > 0:
            current = back[t - 1].gather(1, current.unsqueeze(1)).squeeze(1)
    rows: list[list[int]] = paths.tolist()
    return [row[:length] for row, length in zip(rows, lengths, strict=True)]

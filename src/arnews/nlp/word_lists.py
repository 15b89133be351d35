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
ids) for the process (:func:`remember_characters`), and each batch runs the character LSTM only over the words it
has not met. That LSTM was two fifths of the tagger's time; most words of news recur. For the same reason each
word's ids in the model's vocabularies (its characters' ids, its id in the word embeddings) are looked up once per
process (:func:`remember_words`), not once per call and word as Stanza's vocabularies do; and a tag's name once per
model (:func:`_predict`).
"""

from __future__ import annotations

import weakref
from collections.abc import Sequence
from functools import cache
from typing import Any

from arnews.core.memo import Memo

__all__ = [
    "CHARACTER_MEMO_WORDS",
    "WORD_ID_MEMO_WORDS",
    "WordEntity",
    "direct_tagger",
    "padded",
    "reads_sentence_characters",
    "remember_characters",
    "remember_words",
    "skip_loss",
    "tag_tensor",
    "tag_word_lists",
    "viterbi_paths",
]

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
    word's characters are mapped once a process (:func:`_ids_memo`: most words recur) and the one tag every word has
    once."""
    lower = bool(args.get("char_lowercase", False))
    chars, tag = vocab["char"], vocab["tag"].map([_UNTAGGED])[0]
    memo = _ids_memo(chars, lower)
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


#: Words whose ids each process remembers at most, per vocabulary and case (:class:`arnews.core.memo.Memo`; a
#: tuple of character ids or one word id each).
WORD_ID_MEMO_WORDS = 100_000
_IDS: weakref.WeakKeyDictionary[Any, dict[bool, Memo[str, Any]]] = weakref.WeakKeyDictionary()


def _ids_memo(vocab: Any, lower: bool) -> Memo[str, Any]:
    """The ids of words in a Stanza vocabulary (read lowercased or not) remembered for the process: the model's
    vocabularies do not change once it is loaded."""
    memos = _IDS.get(vocab)
    if memos is None:
        memos = _IDS[vocab] = {}
    memo = memos.get(lower)
    if memo is None:
        memo = memos[lower] = Memo(WORD_ID_MEMO_WORDS)
    return memo


def remember_words(model: Any) -> bool:
    """Make the Stanza NER ``model`` look each word's id in its word-embedding vocabularies up once per process
    (``extract_static_embeddings``: the model's own method maps every word of every sentence through the vocabulary's
    Python methods). The same ids, the same tensors. True when it does (now or already)."""
    if getattr(model, "extract_static_embeddings", None) is _static_embeddings:
        return True
    if not hasattr(model, "extract_static_embeddings") or not hasattr(model, "args"):
        return False
    model.extract_static_embeddings = _static_embeddings  # the instance's, before the class's static method
    return True


def _static_embeddings(args: Any, sentences: Sequence[Sequence[str]], vocab: Any) -> tuple[Any, Any]:
    """``NERModel.extract_static_embeddings``: each sentence's word ids in ``vocab`` (the word lowercased unless the
    model says otherwise), padded, and the mask of the padding."""
    import torch
    from stanza.models.common.vocab import PAD_ID

    lower = bool(args.get("lowercase", True))
    memo = _ids_memo(vocab, lower)
    known = memo.recent
    rows: list[list[int]] = []
    for sentence in sentences:
        row: list[int] = []
        for word in sentence:
            found = known(word)
            if found is None:
                found = memo.get(word)  # an older word comes back young
                if found is None:
                    found = vocab.unit2id(word.lower() if lower else word)
                    memo.put(word, found)
            row.append(found)
        rows.append(row)
    words = padded(rows, len(sentences), PAD_ID)
    return words, torch.eq(words, PAD_ID)


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


def reads_sentence_characters(model: Any) -> bool:
    """Whether a Stanza NER ``model`` reads the characters of whole sentences (a character language model does;
    a model that reads each word's characters alone does not): the loader makes them only for such a model."""
    args = getattr(model, "args", None) or {}
    return bool(args.get("char", True) and args.get("char_emb_dim", 1) > 0 and args.get("charlm", True))


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


#: Words whose character representation each process remembers at most (:class:`arnews.core.memo.Memo`): about
#: 800 bytes each with the bundled model (two directions of 100 floats).
CHARACTER_MEMO_WORDS = 60_000


@cache
def _character_memo_class() -> type:
    import torch
    from stanza.models.common.utils import tensor_unsort
    from torch.nn.utils.rnn import PackedSequence, pack_padded_sequence, pack_sequence, pad_packed_sequence

    class Memoized(torch.nn.Module):
        """A Stanza ``CharacterModel`` whose word representations are remembered per word (see
        :func:`remember_characters`): the same call, the same result."""

        def __init__(self, inner: Any, size: int) -> None:
            super().__init__()
            self.inner = inner
            self.memo: Memo[tuple[int, ...], bytes] = Memo(size)  # character ids -> the representation's bytes
            self.met = self.computed = 0  # words asked for and words whose representation was worked out

        def _reps(self, chars: Any, lens: list[int]) -> Any:
            """``CharacterModel.forward`` up to the words' representations, in the characters' order."""
            inner = self.inner
            embs = inner.dropout(inner.char_emb(chars))
            size = embs.size(0)
            layers, hidden = inner.num_dir * inner.args["char_num_layers"], inner.args["char_hidden_dim"]
            h0 = inner.charlstm_h_init.expand(layers, size, hidden).contiguous()
            c0 = inner.charlstm_c_init.expand(layers, size, hidden).contiguous()
            output = inner.charlstm(pack_padded_sequence(embs, lens, batch_first=True), lens, hx=(h0, c0))
            if inner.attn:
                reps = output[0]
                weights = torch.sigmoid(inner.char_attn(inner.dropout(reps.data)))
                padded_reps, _ = pad_packed_sequence(PackedSequence(reps.data * weights, reps.batch_sizes), True)
                return padded_reps.sum(1)
            h, _c = output[1]
            return h[-2:].transpose(0, 1).contiguous().view(size, -1)

        def forward(self, chars: Any, chars_mask: Any, word_orig_idx: Any, sentlens: Any, wordlens: Any) -> Any:
            if self.training:
                return self.inner(chars, chars_mask, word_orig_idx, sentlens, wordlens)
            keys = [tuple(row[:n]) for row, n in zip(chars.tolist(), wordlens, strict=True)]
            memo = self.memo
            found: dict[tuple[int, ...], bytes] = {}
            new: dict[tuple[int, ...], int] = {}  # words not remembered, each once, longest first as given
            for i, k in enumerate(keys):
                if k not in found and k not in new:
                    hit = memo.get(k)
                    if hit is None:
                        new[k] = i
                    else:
                        found[k] = hit
            self.met += len(keys)
            if new:
                rows = list(new.values())
                self.computed += len(rows)
                reps = self._reps(chars[rows][:, : wordlens[rows[0]]], [wordlens[i] for i in rows])
                for k, rep in zip(new, reps.contiguous().numpy(), strict=True):
                    found[k] = rep.tobytes()
                    memo.put(k, found[k])
            res = torch.frombuffer(bytearray().join([found[k] for k in keys]), dtype=torch.float32)
            packed = pack_sequence(tensor_unsort(res.view(len(keys), -1), word_orig_idx).split(sentlens))
            return pad_packed_sequence(packed, batch_first=True)[0] if self.inner.pad else packed

    return Memoized


def remember_characters(model: Any, size: int = CHARACTER_MEMO_WORDS) -> bool:
    """Make the Stanza NER ``model`` remember each word's character representation (up to ``size`` words): when
    the model reads characters with a ``CharacterModel`` of float32 weights (no character language model, whose
    representations depend on the sentence). True when the model remembers them (now or already)."""
    args = getattr(model, "args", None) or {}
    inner = getattr(model, "charmodel", None)
    memoized = _character_memo_class()
    if isinstance(inner, memoized):
        return True
    if not args.get("char") or args.get("charlm") or args.get("char_emb_dim", 0) <= 0 or inner is None:
        return False
    import torch
    from stanza.models.common.char_model import CharacterModel

    weight = inner.char_emb.weight
    if type(inner) is not CharacterModel or weight.dtype != torch.float32 or weight.device.type != "cpu":
        return False  # the memo keeps float32 bytes on the CPU
    model.charmodel = memoized(inner, size)
    return True


@cache
def _transitions_class() -> type:
    import torch

    class Transitions(torch.nn.Module):
        """A Stanza ``CRFLoss`` that, outside training, gives its transition matrix and no loss: tagging reads only
        the transitions (:func:`viterbi_paths`), and the loss's forward algorithm over every batch took 8 % of the
        model's time in a profile of the bundled model."""

        def __init__(self, inner: Any) -> None:
            super().__init__()
            self.inner = inner

        def forward(self, inputs: Any, masks: Any, tag_indices: Any) -> tuple[Any, Any]:
            if self.training:
                return self.inner(inputs, masks, tag_indices)  # type: ignore[no-any-return]
            return inputs.new_zeros(()), self.inner._transitions

    return Transitions


def skip_loss(model: Any) -> bool:
    """Make the Stanza NER ``model`` skip its training loss outside training (its CRF layers then give only their
    transitions). True when it does (now or already)."""
    crits = getattr(model, "crits", None)
    transitions = _transitions_class()
    if crits is None or not all(isinstance(c, transitions) or hasattr(c, "_transitions") for c in crits):
        return False
    for n, crit in enumerate(crits):
        if not isinstance(crit, transitions):
            crits[n] = transitions(crit)
    return True


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
    names = _tag_names(tag_vocab)
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


_TAG_NAMES: weakref.WeakKeyDictionary[Any, dict[tuple[int, ...], Any]] = weakref.WeakKeyDictionary()


def _tag_names(vocab: Any) -> dict[tuple[int, ...], Any]:
    """The names of the tags (each a tuple of ids, one per tag set) of a model's tag vocabulary, as its ``id2unit``
    gives them, remembered for the process: a model has a few dozen."""
    names = _TAG_NAMES.get(vocab)
    if names is None:
        names = _TAG_NAMES[vocab] = {}
    return names


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

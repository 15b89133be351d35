"""What arnews changes in a loaded Stanza NER model for tagging, each only where the model has the shape it
expects, each giving the same tags: a word's character representation remembered per word
(:func:`remember_characters`), its ids in the model's vocabularies looked up once per process
(:func:`remember_words`, :func:`vocabulary_ids`), the tags' names once per model (:func:`tag_names`), no training
loss (:func:`skip_loss`), and whether the model reads the characters of whole sentences
(:func:`reads_sentence_characters`). :mod:`arnews.nlp.word_lists` tags with the model so changed."""

from __future__ import annotations

import weakref
from collections.abc import Sequence
from functools import cache
from typing import Any

from arnews.core.memo import Memo

__all__ = [
    "CHARACTER_MEMO_WORDS",
    "WORD_ID_MEMO_WORDS",
    "reads_sentence_characters",
    "remember_characters",
    "remember_words",
    "skip_loss",
    "tag_names",
    "vocabulary_ids",
]


#: Words whose ids each process remembers at most, per vocabulary and case (:class:`arnews.core.memo.Memo`; a
#: tuple of character ids or one word id each).
WORD_ID_MEMO_WORDS = 100_000
_IDS: weakref.WeakKeyDictionary[Any, dict[bool, Memo[str, Any]]] = weakref.WeakKeyDictionary()


def vocabulary_ids(vocab: Any, lower: bool) -> Memo[str, Any]:
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

    from arnews.nlp.word_lists import padded  # the module that tags with the model so changed

    lower = bool(args.get("lowercase", True))
    memo = vocabulary_ids(vocab, lower)
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


def reads_sentence_characters(model: Any) -> bool:
    """Whether a Stanza NER ``model`` reads the characters of whole sentences (a character language model does;
    a model that reads each word's characters alone does not): the loader makes them only for such a model."""
    args = getattr(model, "args", None) or {}
    return bool(args.get("char", True) and args.get("char_emb_dim", 1) > 0 and args.get("charlm", True))


_TAG_NAMES: weakref.WeakKeyDictionary[Any, dict[tuple[int, ...], Any]] = weakref.WeakKeyDictionary()


def tag_names(vocab: Any) -> dict[tuple[int, ...], Any]:
    """The names of the tags (each a tuple of ids, one per tag set) of a model's tag vocabulary, as its ``id2unit``
    gives them, remembered for the process: a model has a few dozen."""
    names = _TAG_NAMES.get(vocab)
    if names is None:
        names = _TAG_NAMES[vocab] = {}
    return names


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
        the transitions (:func:`~arnews.nlp.word_lists.viterbi_paths`), and the loss's forward algorithm over every
        batch took 8 % of the model's time in a profile of the bundled model."""

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

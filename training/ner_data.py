"""Read ANERcorp, cut it into pseudo-documents and split them into train/dev/test by document.

ANERcorp (``../shared/data/ner/ANERCorp_HassanAzzam.txt``) is raw newswire text, one ``token TAG`` per line, IOB
tags PERS/LOC/ORG/MISC. Its tokens are whitespace words with clitics attached, which is what
:class:`arnews.nlp.StanzaAnalyzer` feeds the model at run time. NewsFANE (the same text annotated again) is
ATB-segmented (``ان ه``, ``ب هدف``), a form arnews cannot reproduce at run time without a segmenter, so it is not
used for training.

Documents: the corpus has no document markers. A sentence ends at a ``.`` token; a new document starts at a
dateline (``بغداد ( اف ب )``: a parenthesis within the first four tokens that closes within the next four) and
at the latest every :data:`MAX_DOC_SENTENCES` sentences, so every split holds whole stretches of text. Sentences
repeated verbatim (the corpus repeats some documents) are kept only at their first occurrence, so no test
sentence is ever seen in training. Documents are shuffled with a fixed seed and cut 80/10/10.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path

from arnews.nlp import model_form

__all__ = ["MAX_DOC_SENTENCES", "SEED", "load_anercorp", "split_documents", "write_stanza_json"]

SEED = 20140823
MAX_DOC_SENTENCES = 25
MAX_SENT_TOKENS = 120
TAG_MAP = {"PERS": "PER", "PER": "PER", "LOC": "LOC", "ORG": "ORG", "MISC": "MISC"}

Sentence = list[tuple[str, str]]


def _sentences(path: Path) -> Iterator[Sentence]:
    cur: Sentence = []
    with path.open(encoding="utf-8-sig") as fh:
        for raw in fh:
            line = raw.strip("\r\n").lstrip("\u200e")
            if not line.strip():
                continue
            word, _, tag = line.rpartition(" ")
            word = word.strip()
            if not word:
                continue
            if tag != "O":
                prefix, _, kind = tag.partition("-")
                tag = f"{prefix}-{TAG_MAP[kind]}"
            cur.append((word, tag))
            if word == "." or len(cur) >= MAX_SENT_TOKENS:
                yield cur
                cur = []
    if cur:
        yield cur


def _is_dateline(sent: Sentence) -> bool:
    words = [w for w, _ in sent[:8]]
    for i, w in enumerate(words[1:4], start=1):
        if w.startswith("("):
            return any(")" in x for x in words[i : i + 5])
    return False


def load_anercorp(path: Path) -> list[list[Sentence]]:
    """The corpus as documents of sentences, verbatim duplicates removed."""
    docs: list[list[Sentence]] = []
    seen: set[tuple[str, ...]] = set()
    cur: list[Sentence] = []
    for sent in _sentences(path):
        key = tuple(w for w, _ in sent)
        if len(key) > 3 and key in seen:
            continue
        seen.add(key)
        if cur and (_is_dateline(sent) or len(cur) >= MAX_DOC_SENTENCES):
            docs.append(cur)
            cur = []
        cur.append(sent)
    if cur:
        docs.append(cur)
    return docs


def split_documents(docs: list[list[Sentence]], seed: int = SEED) -> dict[str, list[list[Sentence]]]:
    order = list(range(len(docs)))
    random.Random(seed).shuffle(order)
    n_test = n_dev = len(docs) // 10
    return {
        "test": [docs[i] for i in order[:n_test]],
        "dev": [docs[i] for i in order[n_test : n_test + n_dev]],
        "train": [docs[i] for i in order[n_test + n_dev :]],
    }


def write_stanza_json(docs: list[list[Sentence]], path: Path) -> int:
    """Write Stanza's NER json (tokens in the model's normal form); returns the number of sentences."""
    sents = [[{"text": model_form(w), "ner": t} for w, t in s] for d in docs for s in d]
    path.write_text(json.dumps(sents, ensure_ascii=False), encoding="utf-8")
    return len(sents)

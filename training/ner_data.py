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


# --- WikiFANE ----------------------------------------------------------------------------------------------------

#: WikiFANE's fine classes (ACE-like, Alotaibi & Lee 2014) onto the model's four. Classes whose mentions are mostly
#: common nouns in news ("المسيحيين" Group, "الشمس" Celestial, weapons, vehicles, food, plants, drugs) map to O:
#: arnews must not read them as names (a group of people is no speaker, the sun no place).
FANE_MAP: dict[str, str] = {
    **dict.fromkeys(
        ["Politician", "Religious_PER", "Artist", "Other_PER", "Scientist", "Athlete", "Businessperson", "Engineer",
         "Lawyer", "Police"], "PER"),
    **dict.fromkeys(
        ["Government", "Commercial", "Educational", "Media", "Non-Governmental", "Religious_ORG", "Sports",
         "Entertainment", "Medical-Science"], "ORG"),
    **dict.fromkeys(
        ["Nation", "Population-Center", "State-or-Province", "County-or-District", "GPE-Cluster", "Continent",
         "Water-Body", "Land-Region-Natural", "Building-Grounds", "Airport", "Path", "Subarea-Facility"], "LOC"),
    **dict.fromkeys(["Book", "Movie", "Software", "Hardware", "Sound"], "MISC"),
}  # fmt: skip

#: Proclitics WikiFANE writes as tokens of their own, joined back onto the next word ("و تعتبر" -> "وتعتبر").
FANE_PREFIXES = frozenset({"و", "ف", "ب", "ل", "ك"})
#: Pronoun suffixes written apart, joined back onto the word before ("عاصمة ها" -> "عاصمتها"). "هم" also stands as
#: a pronoun of its own ("الشماليين هم تجار"): it is joined only to a word without the article.
FANE_SUFFIXES = frozenset({"ه", "ها", "هما", "هن", "نا", "كم", "كما", "ي"})


def _fane_tag(raw: str) -> str:
    if raw in ("", "O"):
        return "O"
    prefix, _, fine = raw.partition("-")
    kind = FANE_MAP.get(fine)
    return f"{prefix}-{kind}" if kind else "O"


def _attach_suffix(word: str, suffix: str) -> str:
    """``word`` with a pronoun suffix written on: a final ta marbuta becomes ta ("عاصمة" + "ها" -> "عاصمتها")."""
    if word.endswith("ة"):
        word = word[:-1] + "ت"
    elif word.endswith("ى") and suffix != "ي":
        word = word[:-1] + "ا"
    return word + suffix


def rejoin_clitics(tokens: Sentence) -> Sentence:
    """A clitic-segmented sentence as written: proclitics joined to the next word (tagged as that word; "ل" before
    "ال" drops the alef: "ل الحكومة" -> "للحكومة"), pronoun suffixes to the word before (tagged as that word).

    >>> rejoin_clitics([("و", "O"), ("تعتبر", "O"), ("جوبا", "B-LOC"), ("عاصمة", "O"), ("ها", "O")])
    [('وتعتبر', 'O'), ('جوبا', 'B-LOC'), ('عاصمتها', 'O')]
    """
    out: Sentence = []
    pending = ""  # proclitics waiting for their word
    for word, tag in tokens:
        if word in FANE_PREFIXES and not pending.endswith(("ب", "ل", "ك")):
            pending += word
            continue
        joinable = out and not pending and out[-1][0][-1:].isalpha() and out[-1][0] not in FANE_PREFIXES
        if joinable and (word in FANE_SUFFIXES or (word == "هم" and not out[-1][0].startswith("ال"))):
            out[-1] = (_attach_suffix(out[-1][0], word), out[-1][1])
            continue
        written = word
        if pending:
            if pending.endswith("ل") and word.startswith("ال") and len(word) > 2:
                written = word[1:]
            written = pending + written
            pending = ""
        out.append((written, tag))
    if pending:
        out.append((pending, "O"))
    return out


def _fix_iob(sent: Sentence) -> Sentence:
    """An I- tag that follows O or another type opens a mention (classes mapped to O leave such tags behind)."""
    fixed: Sentence = []
    prev = "O"
    for word, tag in sent:
        opened = "B-" + tag[2:] if tag.startswith("I-") and prev[2:] != tag[2:] else tag
        fixed.append((word, opened))
        prev = opened
    return fixed


def load_fane(path: Path) -> list[list[Sentence]]:
    """WikiFANE (or NewsFANE) as documents of sentences, words as written (:func:`rejoin_clitics`), tags mapped
    by :data:`FANE_MAP`, verbatim duplicate sentences removed; a document is at most :data:`MAX_DOC_SENTENCES`
    sentences (the files have no document marks)."""
    docs: list[list[Sentence]] = []
    cur_doc: list[Sentence] = []
    seen: set[tuple[str, ...]] = set()

    def close(sent: Sentence) -> None:
        nonlocal cur_doc
        if not sent:
            return
        joined = rejoin_clitics(sent)
        key = tuple(w for w, _ in joined)
        if len(key) > 3 and key in seen:
            return
        seen.add(key)
        for start in range(0, len(joined), MAX_SENT_TOKENS):
            cur_doc.append(_fix_iob(joined[start : start + MAX_SENT_TOKENS]))
        if len(cur_doc) >= MAX_DOC_SENTENCES:
            docs.append(cur_doc)
            cur_doc = []

    sent: Sentence = []
    with path.open(encoding="utf-8-sig") as fh:
        for raw in fh:
            word, _, tag = raw.rstrip("\r\n").partition("\t")
            word = word.replace("\u200e", "").replace("\u200f", "").strip()
            if not word:
                close(sent)
                sent = []
                continue
            sent.append((word, _fane_tag(tag.strip())))
    close(sent)
    if cur_doc:
        docs.append(cur_doc)
    return docs

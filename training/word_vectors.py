"""Train word vectors for the NER tagger (gensim word2vec) and write them as a Stanza pretrain file.

    .venv/bin/pip install gensim
    .venv/bin/python training/word_vectors.py [--dim 100] [--max-vocab 60000] [--out training/work/ar_vectors.pt]

The text: every SaudiNewsNet article in ../shared/corpus/saudinewsnet (2015, CC BY-NC-SA 4.0: vectors trained on it
are for non-commercial research use, like the tagger trained on ANERcorp) except those whose title is one of the
annotated articles in ../shared/gold (they are scored, so the vectors never see them), plus the training parts of
ANERcorp and WikiFANE (the split of ner_data.py; their test parts are left out). Tokens are the tagger's own: the
rule tokenizer of :func:`arnews.nlp.rules.split` in :func:`arnews.nlp.rules.model_form`, so that a word looks the
same to the vectors, in training and at run time.

Writes the word2vec text file, then the Stanza pretrain (``{"vocab", "emb"}``, loaded with ``weights_only=True``),
keeping the ``--max-vocab`` most frequent words.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "benchmarks"))

import corpus  # noqa: E402
import ner_data  # noqa: E402

from arnews.nlp.rules import model_form, split  # noqa: E402


def gold_titles(gold: Path = SHARED / "gold") -> set[str]:
    """Titles of the annotated articles (dev and seeds), whitespace-collapsed."""
    titles: set[str] = set()
    for path in gold.glob("*.json"):
        for doc in json.loads(path.read_text(encoding="utf-8")).get("documents", []):
            if doc.get("title"):
                titles.add(" ".join(doc["title"].split()))
    return titles


def corpus_sentences(skip_titles: set[str]) -> Iterator[list[str]]:
    """Sentences of the corpus articles in the tagger's token form; articles with a gold title skipped."""
    skipped = 0
    for record in corpus.records():
        if " ".join((record.get("title") or "").split()) in skip_titles:
            skipped += 1
            continue
        text = corpus.text_of(record)
        analysis = split(text, [(0, len(text))])
        tokens = iter(analysis.tokens)
        tok = next(tokens, None)
        for sent in analysis.sentences:
            words: list[str] = []
            while tok is not None and tok.start < sent.end:
                if tok.start >= sent.start:
                    words.append(model_form(tok.text))
                tok = next(tokens, None)
            if words:
                yield words
    print(f"corpus: {skipped} articles with a gold title left out", flush=True)


def ner_sentences(data: Path) -> Iterator[list[str]]:
    """The training and dev parts of ANERcorp and WikiFANE (never their test parts), in the tagger's form."""
    for docs in (
        ner_data.load_anercorp(data / "ANERCorp_HassanAzzam.txt"),
        ner_data.load_fane(data / "WikiFANE_Gold_2014_500K.txt"),
    ):
        parts = ner_data.split_documents(docs)
        for doc in parts["train"] + parts["dev"]:
            for sent in doc:
                yield [model_form(w) for w, _ in sent]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=SHARED / "data" / "ner")
    ap.add_argument("--out", type=Path, default=HERE / "work" / "ar_vectors.pt")
    ap.add_argument("--dim", type=int, default=100)
    ap.add_argument("--window", type=int, default=5)
    ap.add_argument("--min-count", type=int, default=5)
    ap.add_argument("--epochs", type=int, default=5)
    ap.add_argument("--max-vocab", type=int, default=60000, help="most frequent words kept in the pretrain file")
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()

    from gensim.models import Word2Vec
    from stanza.models.common.pretrain import Pretrain

    t0 = time.time()
    sentences = list(corpus_sentences(gold_titles())) + list(ner_sentences(args.data))
    n_tokens = sum(map(len, sentences))
    print(f"{len(sentences)} sentences, {n_tokens} tokens read in {time.time() - t0:.0f} s", flush=True)

    t0 = time.time()
    model = Word2Vec(
        sentences,
        vector_size=args.dim,
        window=args.window,
        min_count=args.min_count,
        workers=args.workers,
        epochs=args.epochs,
        sg=1,
        seed=1,
    )
    print(f"word2vec: {len(model.wv)} words in {time.time() - t0:.0f} s", flush=True)

    args.out.parent.mkdir(parents=True, exist_ok=True)
    vec = args.out.with_suffix(".vec")
    words = model.wv.index_to_key[: args.max_vocab]  # most frequent first
    with vec.open("w", encoding="utf-8") as fh:
        fh.write(f"{len(words)} {args.dim}\n")
        for word in words:
            fh.write(word + " " + " ".join(f"{x:.5f}" for x in model.wv[word]) + "\n")
    args.out.unlink(missing_ok=True)
    pretrain = Pretrain(str(args.out), str(vec), max_vocab=args.max_vocab)
    pretrain.load()
    print(f"wrote {args.out}: {len(pretrain)} words x {args.dim}", flush=True)
    meta = {
        "text": "SaudiNewsNet (CC BY-NC-SA 4.0, gold-titled articles left out) + ANERcorp and WikiFANE train/dev parts",
        "sentences": len(sentences),
        "tokens": n_tokens,
        "word2vec": {"dim": args.dim, "window": args.window, "min_count": args.min_count, "epochs": args.epochs,
                     "sg": 1, "seed": 1},
        "words": len(pretrain),
    }  # fmt: skip
    args.out.with_suffix(".json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

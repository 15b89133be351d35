"""Train the default Arabic NER model that ships with arnews (reproducible; reads only ../shared/data).

    .venv/bin/python training/train_ner.py [--steps 1500] [--data ../shared/data/ner]

Prepares a document-level train/dev/test split of ANERcorp (see ner_data.py; fixed seed), trains a Stanza NER
tagger (BiLSTM-CRF with character model, no pretrained word vectors) on train, selects on dev, then scores the
held-out test split (entity level, exact span and type) with evaluate_ner.py and writes
src/arnews/data/models/ar_ner.pt and ar_ner.json (data, split, seed, steps, scores). The test split is never
used for training or model selection.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import ner_data  # noqa: E402

MODEL_DIR = ROOT / "src" / "arnews" / "data" / "models"
MODEL_NAME = "ar_ner.pt"
META_NAME = "ar_ner.json"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "ner")
    ap.add_argument("--work", type=Path, default=HERE / "work")
    ap.add_argument("--steps", type=int, default=700)
    ap.add_argument("--eval-interval", type=int, default=175)
    ap.add_argument("--lr", type=float, default=0.002, help="Adam learning rate (SGD is far too slow for few steps)")
    ap.add_argument("--seed", type=int, default=1234, help="torch seed of the tagger (the split seed is fixed)")
    ap.add_argument("--out", type=Path, default=MODEL_DIR)
    ap.add_argument("--init", type=Path, default=None, help="continue training this checkpoint (its vocabulary)")
    ap.add_argument("--hidden", type=int, default=128, help="the tagger's LSTM size")
    ap.add_argument("--char-hidden", type=int, default=64, help="the character LSTM's size")
    ap.add_argument("--word-dim", type=int, default=64, help="word embedding size")
    ap.add_argument(
        "--wikifane",
        action="store_true",
        help="train on WikiFANE too (words rejoined as written, classes mapped; 90%% of its documents, the other "
        "10%% a test split of its own)",
    )
    ap.add_argument(
        "--max-minutes", type=float, default=None, help="stop training after this long; the best dev checkpoint is kept"
    )
    args = ap.parse_args()

    corpus = args.data / "ANERCorp_HassanAzzam.txt"
    args.work.mkdir(parents=True, exist_ok=True)
    docs = ner_data.load_anercorp(corpus)
    split = ner_data.split_documents(docs)
    counts = {}
    for name, part in split.items():
        n = ner_data.write_stanza_json(part, args.work / f"ar_anercorp.{name}.json")
        counts[name] = {"documents": len(part), "sentences": n}
    fane_test: list[list[ner_data.Sentence]] = []
    if args.wikifane:
        fane = ner_data.split_documents(ner_data.load_fane(args.data / "WikiFANE_Gold_2014_500K.txt"))
        fane_train, fane_test = fane["train"] + fane["dev"], fane["test"]
        n = ner_data.write_stanza_json(split["train"] + fane_train, args.work / "ar_anercorp.train.json")
        counts["train"] = {"documents": len(split["train"]) + len(fane_train), "sentences": n}
        counts["wikifane_test"] = {
            "documents": len(fane_test),
            "sentences": ner_data.write_stanza_json(fane_test, args.work / "wikifane.test.json"),
        }
    print("split:", counts, flush=True)

    save = args.work / "model"
    save.mkdir(exist_ok=True)
    cmd = [
        sys.executable, "-m", "stanza.models.ner_tagger",
        "--mode", "train", "--shorthand", "ar_anercorp", "--no_pretrain", "--cpu",
        "--train_file", str(args.work / "ar_anercorp.train.json"),
        "--eval_file", str(args.work / "ar_anercorp.dev.json"),
        "--save_dir", str(save), "--save_name", MODEL_NAME,
        "--max_steps", str(args.steps), "--eval_interval", str(args.eval_interval),
        "--seed", str(args.seed), "--log_step", "10",
        # a small tagger: trains in minutes on a shared 2-core CPU and stays about 2 MB
        "--optim", "adam", "--lr", str(args.lr),
        "--hidden_dim", str(args.hidden), "--char_hidden_dim", str(args.char_hidden), "--char_emb_dim", "50",
        "--word_emb_dim", str(args.word_dim),
    ]  # fmt: skip
    if args.init is not None:
        cmd += ["--finetune", "--finetune_load_name", str(args.init)]
    print(" ".join(cmd), flush=True)
    t0 = time.time()
    env = {**os.environ, "OMP_NUM_THREADS": os.environ.get("OMP_NUM_THREADS", "1")}
    timeout = 60 * args.max_minutes if args.max_minutes else None
    try:
        subprocess.run(cmd, check=True, env=env, timeout=timeout)
    except subprocess.TimeoutExpired:
        print(f"stopped after {args.max_minutes} minutes; keeping the best dev checkpoint", flush=True)
    train_seconds = round(time.time() - t0, 1)

    args.out.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(save / MODEL_NAME, args.out / MODEL_NAME)
    import evaluate_ner

    dev = evaluate_ner.evaluate(args.out / MODEL_NAME, split["dev"])
    test = evaluate_ner.evaluate(args.out / MODEL_NAME, split["test"])
    scores = {"dev": dev, "test": test}
    if fane_test:
        scores["wikifane_test"] = evaluate_ner.evaluate(args.out / MODEL_NAME, fane_test)
    data = {"corpus": "ANERcorp (ANERCorp_HassanAzzam.txt)", "licence": "ANERcorp: free for research use"}
    if args.wikifane:
        data = {
            "corpus": "ANERcorp (ANERCorp_HassanAzzam.txt) + WikiFANE Gold 2014 (clitics rejoined, classes mapped)",
            "licence": "ANERcorp: free for research use; WikiFANE: CC BY-SA 3.0 (Alotaibi & Lee 2014)",
        }
    meta = {
        "name": "arnews-ar-ner-anercorp",
        "format": "stanza-ner",
        "stanza_version": __import__("stanza").__version__,
        "files": {"ner": MODEL_NAME},
        "sha256": {MODEL_NAME: hashlib.sha256((args.out / MODEL_NAME).read_bytes()).hexdigest()},
        "requires_pretrain": False,
        "token_form": "arnews.nlp.model_form (arnews.core.text.normalize per whitespace/punctuation token)",
        "tags": ["PER", "ORG", "LOC", "MISC"],
        "data": data,
        "split": {
            "unit": f"document (datelines, at most {ner_data.MAX_DOC_SENTENCES} sentences)",
            "seed": ner_data.SEED,
            "ratio": "80/10/10 train/dev/test",
            **counts,
        },
        "training": {
            "steps": args.steps,
            "continued_from": str(args.init) if args.init else None,
            "max_minutes": args.max_minutes,
            "optimizer": f"adam lr={args.lr}",
            "seed": args.seed,
            "seconds": train_seconds,
            "command": cmd[1:],
        },
        "scores": scores,
    }
    (args.out / META_NAME).write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(meta["scores"], indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Train the default Arabic NER model that ships with arnews (reproducible; reads only ../shared/data).

    .venv/bin/python training/train_ner.py [--steps 1500] [--data ../shared/data/ner]

Prepares a document-level train/dev/test split of ANERcorp (see ner_data.py; fixed seed), trains a Stanza NER
tagger (BiLSTM-CRF with character model; word vectors from ``--pretrain``, a Stanza pretrain file made by
word_vectors.py, or none) on train, selects on dev, then scores the held-out test split (entity level, exact span
and type) with evaluate_ner.py and writes src/arnews/data/models/ar_ner.pt, the pretrain file as ar_vectors.pt
when there is one, and ar_ner.json (data, split, seed, steps, files, scores). The test split is never used for
training or model selection.
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
VECTORS_NAME = "ar_vectors.pt"
WIKIFANE_FILE = "WikiFANE_Gold_2014_500K.txt"


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
        "--pretrain", type=Path, default=None, help="a Stanza pretrain file of word vectors (word_vectors.py)"
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
    extra_tests: dict[str, list[list[ner_data.Sentence]]] = {}
    # NewsFANE is not offered: it is ANERcorp's own text annotated anew, so training on it would train on
    # ANERcorp's test split
    if args.wikifane:
        fane = ner_data.split_documents(ner_data.load_fane(args.data / WIKIFANE_FILE))
        train = split["train"] + fane["train"] + fane["dev"]
        extra_tests["wikifane"] = fane["test"]
        counts["wikifane_test"] = {
            "documents": len(fane["test"]),
            "sentences": ner_data.write_stanza_json(fane["test"], args.work / "wikifane.test.json"),
        }
        n = ner_data.write_stanza_json(train, args.work / "ar_anercorp.train.json")
        counts["train"] = {"documents": len(train), "sentences": n}
    print("split:", counts, flush=True)

    save = args.work / "model"
    save.mkdir(exist_ok=True)
    cmd = [
        sys.executable, "-m", "stanza.models.ner_tagger",
        "--mode", "train", "--shorthand", "ar_anercorp", "--cpu",
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
    if args.pretrain is None:
        cmd += ["--no_pretrain"]
    else:
        cmd += ["--wordvec_pretrain_file", str(args.pretrain), "--pretrain_max_vocab", "1000000"]
    if args.init is not None:
        # Stanza continues a checkpoint with the settings stored in it and saves next to it: a copy in the save
        # directory carries this run's learning rate, steps and evaluation interval, so the continued model is
        # written there and the checkpoint given stays as it was
        cmd += ["--finetune", "--finetune_load_name", str(_continue_from(args, save / MODEL_NAME))]
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
    files = {"ner": MODEL_NAME}
    vectors: dict[str, object] | None = None
    if args.pretrain is not None:
        shutil.copyfile(args.pretrain, args.out / VECTORS_NAME)
        files["pretrain"] = VECTORS_NAME
        about = args.pretrain.with_suffix(".json")
        vectors = json.loads(about.read_text(encoding="utf-8")) if about.is_file() else {}
    meta = _meta(args, files=files, counts=counts, cmd=cmd, train_seconds=train_seconds, vectors=vectors)
    (args.out / META_NAME).write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    import evaluate_ner
    import half_tables

    half_tables.half_model_dir(args.out)  # what ships is what is scored
    meta = json.loads((args.out / META_NAME).read_text(encoding="utf-8"))

    scores = {
        "dev": evaluate_ner.evaluate(args.out, split["dev"]),
        "test": evaluate_ner.evaluate(args.out, split["test"]),
    }
    for name, docs in extra_tests.items():
        scores[f"{name}_test"] = evaluate_ner.evaluate(args.out, docs)
    meta["scores"] = scores
    (args.out / META_NAME).write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(meta["scores"], indent=2))
    return 0


def _continue_from(args: argparse.Namespace, target: Path) -> Path:
    """Copy the checkpoint ``--init`` to ``target`` with this run's optimiser settings in its config."""
    import torch

    checkpoint = torch.load(args.init, map_location="cpu", weights_only=True)
    checkpoint["config"].update(
        lr=args.lr, max_steps=args.steps, eval_interval=args.eval_interval, seed=args.seed, optim="adam"
    )
    torch.save(checkpoint, target)
    return target


def _meta(
    args: argparse.Namespace,
    *,
    files: dict[str, str],
    counts: dict[str, dict[str, int]],
    cmd: list[str],
    train_seconds: float,
    vectors: dict[str, object] | None,
) -> dict[str, object]:
    """The model card's machine-readable part (ar_ner.json), scores added once they are measured."""
    data: dict[str, object] = {
        "corpus": "ANERcorp (ANERCorp_HassanAzzam.txt)",
        "licence": "ANERcorp: free for research use",
    }
    if args.wikifane:
        data = {
            "corpus": "ANERcorp (ANERCorp_HassanAzzam.txt) + WikiFANE Gold 2014 (clitics rejoined, classes mapped)",
            "licence": "ANERcorp: free for research use; WikiFANE: CC BY-SA 3.0 (Alotaibi & Lee 2014)",
        }
    if vectors is not None:
        data["vectors"] = vectors
        data["licence"] = str(data["licence"]) + (
            "; word vectors: trained on SaudiNewsNet (CC BY-NC-SA 4.0), so the model is for non-commercial use"
        )
    return {
        "name": "arnews-ar-ner-anercorp",
        "format": "stanza-ner",
        "stanza_version": __import__("stanza").__version__,
        "files": files,
        "sha256": {name: hashlib.sha256((args.out / name).read_bytes()).hexdigest() for name in files.values()},
        "requires_pretrain": "pretrain" in files,
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
        "scores": None,
    }


if __name__ == "__main__":
    sys.exit(main())

"""Entity-level scores (exact span and type) of an NER model on the held-out ANERcorp test split.

    .venv/bin/python training/evaluate_ner.py [--model DIR] [--split test|dev]

Without --model the model arnews resolves by default is scored (see arnews.nlp.resources). Two figures:
``gold_tokens``: the tagger run on the corpus tokens (comparable with published token-level scores);
``arnews``: the text rebuilt from the tokens and run through :class:`arnews.nlp.StanzaAnalyzer` (rule sentences
and tokens, entities as character spans); ``stack``: the same text through the whole recognition stack of
:func:`arnews.linker.link_entities` (model + knowledge base + cues), every mention of every entity with the
entity's type, i.e. what users of arnews get in ``Article.entities``. The stack reports names without their
proclitics by design ("وفرنسا" -> "فرنسا", "وسالم يوسف" -> "سالم يوسف") where ANERcorp tags the whole word, so the
``*_clitic_free`` rows are the like-for-like comparison of stack and model.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import ner_data  # noqa: E402

from arnews import Pipeline  # noqa: E402
from arnews.linker import link_entities  # noqa: E402
from arnews.nlp import StanzaAnalyzer, model_form  # noqa: E402
from arnews.nlp.resources import resolve_ner_model  # noqa: E402
from arnews.nlp.tagger import _pipeline  # noqa: E402

Span = tuple[int, int, int, str]  # (sentence or doc, start, end, type)


def _gold_token_spans(sent: ner_data.Sentence) -> list[tuple[int, int, str]]:
    spans: list[tuple[int, int, str]] = []
    start, kind = -1, ""
    for i, (_, tag) in enumerate([*sent, ("", "O")]):
        if start >= 0 and not (tag.startswith("I-") and tag[2:] == kind):
            spans.append((start, i - 1, kind))
            start = -1
        if tag.startswith("B-") or (tag.startswith("I-") and start < 0):
            start, kind = i, tag[2:]
    return spans


def _prf(gold: set[Span], pred: set[Span]) -> dict[str, float | int]:
    tp = len(gold & pred)
    p = tp / len(pred) if pred else 0.0
    r = tp / len(gold) if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(100 * p, 2), "recall": round(100 * r, 2), "f1": round(100 * f, 2), "gold": len(gold)}


def _report(gold: set[Span], pred: set[Span]) -> dict[str, object]:
    out: dict[str, object] = dict(_prf(gold, pred))
    kinds = sorted(Counter(s[3] for s in gold))
    out["by_type"] = {k: _prf({s for s in gold if s[3] == k}, {s for s in pred if s[3] == k}) for k in kinds}
    return out


def _clitic_free(texts: list[str], spans: set[Span]) -> set[Span]:
    """Spans with up to two leading proclitic letters (و ف ب ل ك) dropped, applied alike to gold and prediction:
    ANERcorp tags "وروسيا" where arnews reports the name "روسيا"; this figure forgives only that difference."""
    out: set[Span] = set()
    for d, a, b, k in spans:
        skip = 0
        while skip < 2 and b - (a + skip) > 2 and texts[d][a + skip] in "وفبلك":
            skip += 1
        out.add((d, a + skip, b, k))
    return out


def evaluate(model: Path | None, docs: list[list[ner_data.Sentence]]) -> dict[str, object]:
    if model is not None and model.is_dir() and not (model / "ar_ner.json").exists():
        model = model / "ar_ner.pt"  # a model being trained: no metadata written yet
    spec = resolve_ner_model(model)
    sents = [s for d in docs for s in d]
    # 1. the tagger on the corpus tokens
    gold_t: set[Span] = set()
    pred_t: set[Span] = set()
    for n, s in enumerate(sents):
        gold_t.update((n, a, b, k) for a, b, k in _gold_token_spans(s))
    if spec.layout == "arnews":
        nlp, _ = _pipeline(spec)
        out = nlp([[model_form(w) for w, _ in s] for s in sents])
        for n, sent in enumerate(out.sentences):
            for ent in sent.ents:
                pred_t.add((n, ent.tokens[0].id[0] - 1, ent.tokens[-1].id[-1] - 1, ent.type))
    # 2. through arnews: text rebuilt from the tokens, entities as character spans
    gold_c: set[Span] = set()
    items: list[tuple[str, list[tuple[int, int]]]] = []
    for d_i, doc in enumerate(docs):
        parts: list[str] = []
        pos = 0
        for s in doc:
            offsets = []
            for w, _ in s:
                offsets.append((pos, pos + len(w)))
                parts.append(w + " ")
                pos += len(w) + 1
            parts.append("\n")
            pos += 1
            gold_c.update((d_i, offsets[a][0], offsets[b][1], k) for a, b, k in _gold_token_spans(s))
        text = "".join(parts)
        items.append((text, [(0, len(text))]))
    analyses = StanzaAnalyzer(spec).analyze_many(items)
    pred_c: set[Span] = {(d_i, e.start, e.end, str(e.type)) for d_i, a in enumerate(analyses) for e in a.entities}
    # 3. the whole recognition stack: model + knowledge base + cues, as Article.entities has them
    pred_s: set[Span] = set()
    structure = Pipeline(processors=["structure"])
    for d_i, ((text, _), analysis) in enumerate(zip(items, analyses, strict=True)):
        parsed = structure.process(text)
        parsed.ner = analysis.entities  # the model's spans, as the ner processor would leave them
        for ent in link_entities(parsed):
            pred_s.update((d_i, m.start, m.end, ent.type) for m in ent.mentions)
    texts = [text for text, _ in items]
    gold_l = _clitic_free(texts, gold_c)
    result: dict[str, object] = {
        "sentences": len(sents),
        "arnews": _report(gold_c, pred_c),
        "stack": _report(gold_c, pred_s),
        "arnews_clitic_free": _report(gold_l, _clitic_free(texts, pred_c)),
        "stack_clitic_free": _report(gold_l, _clitic_free(texts, pred_s)),
    }
    if spec.layout == "arnews":
        result["gold_tokens"] = _report(gold_t, pred_t)
    return result


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", type=Path, default=None, help="model directory or .pt file (default: as arnews)")
    ap.add_argument("--data", type=Path, default=HERE.parent.parent / "shared" / "data" / "ner")
    ap.add_argument("--split", choices=("test", "dev"), default="test")
    args = ap.parse_args()
    split = ner_data.split_documents(ner_data.load_anercorp(args.data / "ANERCorp_HassanAzzam.txt"))
    spec = resolve_ner_model(args.model)
    print(f"model: {spec.describe()}", file=sys.stderr)
    print(json.dumps(evaluate(args.model, split[args.split]), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())

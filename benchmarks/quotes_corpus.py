"""Quote attribution over SaudiNewsNet: quotes by kind, the share with no speaker, the share of speakers that are not
well-formed noun phrases (:func:`arnews.quotes.speakers.speaker_problem`: a preposition, particle, verb, bare clitic,
time word or cut name; the attribution already drops those, so this share is a check of the filter, not of the
speakers), the speakers that nothing but the grammar backs (no entity, no title, body or given name: to read), the
most frequent speakers, and the time it takes.

    python benchmarks/quotes_corpus.py [--corpus ../shared/corpus/saudinewsnet] [--limit N] [--every K]
                                       [--sample 50] [--seed 1] [--ner]

Each article is title + "\\n\\n" + content, run through ``Pipeline(processors=["quotes"])`` (structure, entities
from the KB and cues, quotes; no NER model unless ``--ner``); the time is the quote stage's own. ``--sample N`` prints
N random quotes with their speaker and the text around them, for judging by eye.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from corpus import CORPUS, texts

from arnews import Pipeline
from arnews.core import grammar
from arnews.core.lexicons import load_set
from arnews.core.text import normalize
from arnews.models import Quote, Speaker
from arnews.quotes.marks import in_marks
from arnews.quotes.speakers import short_given_names, speaker_problem

DEFAULT_CORPUS = CORPUS


def articles(corpus: Path, limit: int | None, every: int) -> Iterator[str]:
    return texts(corpus, limit, every)


@cache
def _heads() -> frozenset[str]:
    """Titles and institution heads (:func:`arnews.core.grammar.common_noun` reads the heads of bodies and places)."""
    return grammar.title_words() | load_set("institution_heads")


def supported(speaker: Speaker) -> bool:
    """Whether something besides the speaker grammar backs the speaker: an entity of the document, an anonymous
    source, or a word that the lexicons know as a title, a description, the head of a body or a given name. Read
    apart from :func:`speaker_problem` (which the attribution itself applies), the unsupported speakers are the
    ones to read by eye: most are right (a name the KB and the lexicons do not know), some are not names at all."""
    if speaker.entity is not None or speaker.anonymous:
        return True
    heads = _heads()
    for word in normalize(speaker.name).split():
        if grammar.given_name(word) or grammar.given_name(grammar.strip_proclitic(word)):
            return True
        if grammar.in_lexicon(word, heads) or grammar.common_noun(word):
            return True
    return False


def context(text: str, q: Quote, width: int = 90) -> str:
    left = text[max(0, q.start - width) : q.start].replace("\n", " ")
    right = text[q.end : q.end + width // 2].replace("\n", " ")
    return f"...{left}⟦{q.text}⟧{right}..."


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--limit", type=int, default=3000)
    ap.add_argument("--every", type=int, default=1, help="take every K-th article of each file")
    ap.add_argument("--sample", type=int, default=0)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--ner", action="store_true", help="run the NER model too (person names found by the model)")
    args = ap.parse_args()
    if not sorted(args.corpus.glob("*.zip")):
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 2
    # structure and entities from the KB and cues; with --ner the model's names too
    pipe = Pipeline(processors=["ner", "quotes"] if args.ner else ["quotes"])
    kinds: Counter[str] = Counter()
    resolved: Counter[str] = Counter()
    anonymous = bad_offsets = docs = chars = with_quotes = 0
    problems: Counter[str] = Counter()
    unsupported: Counter[str] = Counter()
    speakers: Counter[str] = Counter()
    sample: list[tuple[str, Quote]] = []
    rng = random.Random(args.seed)
    seen = 0
    for doc in pipe.process_many(articles(args.corpus, args.limit, args.every)):
        text, quotes = doc.text, doc.quotes
        docs += 1
        chars += len(text)
        with_quotes += bool(quotes)
        # "عز" of "عز الدين ذو الفقار": a two-letter given name the article writes in full is a name
        short = short_given_names(m.text for e in doc.entities if e.type == "PER" for m in e.mentions)
        for q in quotes:
            kinds[q.kind] += 1
            resolved[f"{q.kind}_with_speaker" if q.speaker else f"{q.kind}_no_speaker"] += 1
            anonymous += bool(q.speaker and q.speaker.anonymous)
            if q.speaker is not None:
                speakers[q.speaker.name] += 1
                span = q.speaker.span  # a body's name in marks may carry the accusative: وكالة «معاً»
                quoted = span is not None and in_marks(text, span.start, span.end)
                problem = speaker_problem(q.speaker.name, quoted=quoted, short_names=short)
                if problem is not None:
                    problems[f"{problem}: {q.speaker.name}"] += 1
                if not supported(q.speaker):
                    unsupported[q.speaker.name] += 1
            bad_offsets += text[q.start : q.end] != q.text
            seen += 1
            if args.sample:  # reservoir sampling: every quote has the same chance
                if len(sample) < args.sample:
                    sample.append((text, q))
                else:
                    j = rng.randrange(seen)
                    if j < args.sample:
                        sample[j] = (text, q)
    total = sum(kinds.values())
    print(f"articles                {docs}")
    print(f"articles with quotes    {with_quotes}")
    print(f"quotes                  {total}")
    for kind in ("direct", "partial", "indirect"):
        n = kinds[kind]
        ok = resolved[f"{kind}_with_speaker"]
        print(
            f"  {kind:<10} {n:>7}   with speaker {ok:>7} ({100 * ok / n if n else 0:.1f}%), "
            f"no speaker {n - ok} ({100 * (n - ok) / n if n else 0:.1f}%)"
        )
    named = sum(speakers.values())
    bad = sum(problems.values())
    print(f"anonymous speakers      {anonymous}")
    print(f"ill-formed speakers     {bad} of {named} ({100 * bad / named if named else 0:.2f}%)")
    for problem, n in problems.most_common(10):
        print(f"    {n:>5}  {problem}")
    loose = sum(unsupported.values())
    print(
        f"speakers with no entity, title, body or given name  {loose} of {named} "
        f"({100 * loose / named if named else 0:.2f}%): read them"
    )
    print("    " + "، ".join(f"{name} ({n})" for name, n in unsupported.most_common(40)))
    print("most frequent speakers  " + "، ".join(f"{name} ({n})" for name, n in speakers.most_common(25)))
    print(f"offsets wrong           {bad_offsets}")
    seconds = pipe.seconds["quotes"]
    print(
        f"quote stage seconds     {seconds:.2f} ({docs / seconds if seconds else 0:.0f} articles/s, "
        f"{chars / 1e6 / seconds if seconds else 0:.2f} M chars/s)"
    )
    for n, (text, q) in enumerate(sample, 1):
        spk = q.speaker
        who = "-" if spk is None else spk.name + (" [anonymous]" if spk.anonymous else "")
        print(f"\n#{n} {q.kind} cue={q.cue} speaker={who} according_to={q.according_to}")
        print("   ", context(text, q))
    return 0


if __name__ == "__main__":
    sys.exit(main())

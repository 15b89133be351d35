"""Cities the KB lacks, read where the words say a place is meant: after a preposition or noun of place ("في
كاليه", "مدينة كاليه"), or behind the clitic ب at the end of a phrase ("خذ بيدي بعرعر،"). The names are
GeoNames' (:mod:`arnews.kb.places`); the mention is not linked."""

from __future__ import annotations

from collections.abc import Sequence

from arnews.core.lexicons import load_set
from arnews.core.memo import word_cache
from arnews.core.names import strip_clitics
from arnews.kb.places import place_names
from arnews.linker.cands import Cand
from arnews.linker.tokens import P_KB_ONE, Words, not_names

__all__ = ["gazetteer_pass"]

_MAX_WORDS = 3
MIN_STEM = 4  # letters of a name read behind ب


def gazetteer_pass(doc: Words, taken: set[int], out: list[Cand], at: Sequence[int]) -> None:
    """A city of the bundled gazetteer, one to three words, in a place's context; tokens in ``taken`` (read by the
    KB) are left alone. ``at``: the words a name may begin at, after a word of place or behind ب
    (:attr:`arnews.linker.openings.Openings.places`; the loop below says which)."""
    names = place_names(doc.kb)
    if not names:
        return
    toks, locative = doc.toks, load_set("locative_words")
    for i in at:
        tok = toks[i]
        if i in taken:
            continue
        after_place_word = i > 0 and toks[i - 1].word and toks[i - 1].text in locative and doc.joined(i - 1)
        # "بعرعر", but not "بليون" (billion) or "باكرا" (early): the word as written is no everyday word
        written_word = tok.text in load_set("common_words") or tok.text in not_names()
        # "ساو باولو": the word ends a longer name begun before it, ب and all
        written_word = written_word or (i > 0 and doc.joined(i - 1) and (toks[i - 1].text, tok.text) in names)
        for off, stem, fused in strip_clitics(tok.text):
            behind_b = (
                off > 0
                and "ب" in tok.text[:off]
                and not fused
                and len(stem) >= MIN_STEM
                and not stem.startswith("ال")
                and not written_word
            )
            if not (after_place_word and off == 0) and not behind_b:
                continue
            last = _longest(doc, names, i, stem, taken)
            if last is not None and off and ((tok.text,) in names or not _phrase_ends(doc, last)):
                last = None  # "باولو سيزار", "بسطات بيع" go on; "بروكلين" is a city whole
            if last is not None:
                out.append(Cand(tok.start + off, toks[last].end, "LOC", P_KB_ONE, None, "gazetteer", i, last))
                break


@word_cache(65536)
def behind_b(word: str) -> bool:
    """A reading of the word behind the clitic ب may be a place's name: the stem is long enough and has no article,
    and the word as written is no everyday word. Asked once per word and process."""
    if word in load_set("common_words") or word in not_names():
        return False
    return any(
        off > 0 and "ب" in word[:off] and not fused and len(stem) >= MIN_STEM and not stem.startswith("ال")
        for off, stem, fused in strip_clitics(word)
    )


def _phrase_ends(doc: Words, k: int) -> bool:
    """Token ``k`` ends its phrase: punctuation, a line's end, a word with و, or a function word follows."""
    if k + 1 >= len(doc.toks) or not doc.joined(k):
        return True
    nxt = doc.toks[k + 1].text
    return nxt.startswith("و") or nxt in load_set("name_stop")


def _longest(doc: Words, names: frozenset[tuple[str, ...]], i: int, stem: str, taken: set[int]) -> int | None:
    """The last token of the longest gazetteer name that begins with ``stem`` at token ``i``, or None."""
    words = [stem]
    best = i if (stem,) in names else None
    k = i
    while len(words) < _MAX_WORDS and doc.joined(k) and k + 1 not in taken:
        k += 1
        words.append(doc.toks[k].text)
        if tuple(words) in names:
            best = k
    return best

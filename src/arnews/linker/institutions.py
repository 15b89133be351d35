"""Institutions named by description ("وزارة الشؤون الاجتماعية", "الهيئة العامة للسياحة", "غرفة جدة"): a head
noun of ``institution_heads.txt`` and the definite words that describe it, found where no KB name or model span
holds them."""

from __future__ import annotations

from functools import lru_cache

from arnews.core.grammar import is_title
from arnews.core.lexicons import load_list
from arnews.core.names import strip_article, strip_clitics
from arnews.core.text import normalize
from arnews.linker.grammar import name_like
from arnews.linker.tokens import P_ORG, Cand, Words, stop_words

__all__ = ["institution_pass"]

_DESCRIBED_WORDS = 6  # words after the head of a descriptive institution name


@lru_cache(maxsize=1)
def _institution_heads() -> frozenset[str]:
    return frozenset(normalize(w) for w in load_list("institution_heads"))


def institution_pass(doc: Words, out: list[Cand]) -> None:
    """Institutions named by description: a head noun (``institution_heads.txt``), with or without its article,
    then definite genitives and adjectives, ``ل`` complements, a royal name, or one known place ("وزارة الشؤون
    الاجتماعية", "الهيئة العامة للسياحة", "الحكومة اليونانية", "جامعة الملك عبدالعزيز", "غرفة جدة"). A
    coordinated noun ("والتراث") is left out: it as often starts a second body."""
    toks, heads = doc.toks, _institution_heads()
    for i, tok in enumerate(toks):
        if not tok.word or not doc.joined(i):
            continue
        head = next(
            # ل+ال fused into لل keeps the whole word (offsets are sacred): "للجمعية الخيرية"
            (
                (0 if fused else o, stem)
                for o, stem, fused in strip_clitics(tok.text)
                if strip_article(stem) in heads and o <= 2
            ),
            None,
        )
        if head is None:
            continue
        last = _described_end(doc, i)
        if last == i:
            continue
        off = head[0]
        out.append(Cand(tok.start + off, toks[last].end, "ORG", P_ORG, None, "institution", i, last))


_ROYAL = frozenset({"الملك", "الامير", "الشيخ", "السلطان"})  # "جامعة الملك عبدالعزيز": a name follows


def _described_end(doc: Words, i: int) -> int:
    """The last token of an institution's descriptive name whose head is token ``i`` (``i`` when there is none):
    definite genitives and adjectives, a ``ل`` complement before a definite noun ("لكرة القدم"), a royal name
    ("الملك فهد"), or one known place right after the head; a title ("الدكتور") starts a person and ends it."""
    toks = doc.toks
    last = i
    k = i + 1
    while k < min(len(toks), i + 1 + _DESCRIBED_WORDS):
        w = toks[k].text
        if not toks[k].word or w in stop_words() or (doc.articled(k) and is_title(w)):
            break
        definite = doc.articled(k)
        dative = w.startswith("ل") and len(w) > 3 and doc.joined(k) and doc.articled(k + 1)
        royal = toks[k - 1].text in _ROYAL and k > i + 1 and name_like(doc, k, False)
        place = k == i + 1 and not doc.articled(k) and doc.kb.could_start(w) and _is_place(doc, w)
        if not (definite or dative or royal or place):
            break
        last = k
        if place or not doc.joined(k):
            break
        nxt = toks[k + 1].text
        if definite and _nisba(w) and not (_nisba(nxt) and doc.articled(k + 1)) and not nxt.startswith("ل"):
            break  # "الحكومة اليونانية الخطة": after its adjective a definite noun is the verb's object
        k += 1
    return last


def _nisba(word: str) -> bool:
    """A relative adjective in the normal form ("اليونانيه", "المدني", "الاجتماعيه")."""
    return len(word) > 4 and word.endswith(("يه", "ي"))


def _is_place(doc: Words, word: str) -> bool:
    return any(c.entry.type == "LOC" and c.how in ("exact", "alias") for c in doc.kb.lookup(word, normalized=True))

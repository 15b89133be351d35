"""Institutions named by description ("وزارة الشؤون الاجتماعية", "الهيئة العامة للسياحة", "غرفة جدة"): a head
noun of ``institution_heads.txt`` and the definite words that describe it, found where no KB name or model span
holds them."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from arnews.core.grammar import description_words, in_lexicon, is_title
from arnews.core.lexicons import load_list, load_set, load_table
from arnews.core.memo import word_cache
from arnews.core.names import strip_article, strip_clitics
from arnews.core.text import normalize
from arnews.linker.cands import Cand
from arnews.linker.grammar import name_like
from arnews.linker.tokens import ARABIC, P_KB_MULTI, P_ORG, Words, org_head_words, stop_words
from arnews.models import EntityKind

__all__ = ["institution_pass"]

_DESCRIBED_WORDS = 6  # words after the head of a descriptive institution name


#: A name that a royal's name completes ("مركز الملك سلمان للإغاثة") outranks the KB's person inside it.
P_NAMED_AFTER = P_KB_MULTI + 0.5


@lru_cache(maxsize=1)
def _institution_heads() -> frozenset[str]:
    return frozenset(normalize(w) for w in load_list("institution_heads"))


@lru_cache(maxsize=1)
def _named_after_heads() -> dict[str, EntityKind]:
    """Heads of names given after a royal (``named_after_heads.tsv``), with the type of what they name."""
    return {normalize(w): kind for w, kind in load_table("named_after_heads")}  # type: ignore[misc]


@lru_cache(maxsize=1)
def any_head() -> frozenset[str]:
    """Every word that may head an institution's or a place's name."""
    heads = _institution_heads() | frozenset(_named_after_heads()) | load_set("weak_institution_heads")
    return frozenset(heads | load_set("place_name_heads"))


@word_cache(65536)
def institution_head(word: str) -> tuple[int, str] | None:
    """The head noun a word begins an institution's name with, and its offset in the word, or None (most words):
    asked once per word and process, not of every token of every article."""
    every = any_head()
    return next(
        # ل+ال fused into لل keeps the whole word (offsets are sacred): "للجمعية الخيرية"
        (
            (0 if fused else o, strip_article(stem))
            for o, stem, fused in strip_clitics(word)
            if strip_article(stem) in every and o <= 2
        ),
        None,
    )


def institution_pass(doc: Words, out: list[Cand], at: Sequence[int]) -> None:
    """Institutions named by description: a head noun (``institution_heads.txt``), with or without its article,
    then definite genitives and adjectives, ``ل`` complements, a royal name, or one known place ("وزارة الشؤون
    الاجتماعية", "الهيئة العامة للسياحة", "الحكومة اليونانية", "جامعة الملك عبدالعزيز", "غرفة جدة"). A
    coordinated noun ("والتراث") is left out: it as often starts a second body. ``at``: the words that begin with a
    head noun (:attr:`arnews.linker.openings.Openings.institution_heads`)."""
    toks, heads, named = doc.toks, _institution_heads(), _named_after_heads()
    weak = load_set("weak_institution_heads")
    # a body or place the KB pass read from this word on is the KB's ("مدينة الملك عبدالعزيز للعلوم والتقنية")
    kb_bodies = {c.first_tok for c in out if c.source == "kb" and c.type != "PER"}
    # places the KB pass read: a body named after one ("أمانة المنطقة الشرقية", "غرفة تجارة وصناعة جدة") is the body
    places = {c.first_tok: c.last_tok for c in out if c.source in ("kb", "known") and c.type == "LOC"}
    # where a name of its own begins (the KB's or the model's), a coordinated noun starts a second body
    starts = {c.first_tok for c in out if c.source in ("kb", "ner")}
    for i in at:
        tok = toks[i]
        head = institution_head(tok.text)
        if head is None or not doc.joined(i):
            continue
        # a head that only announces a name ("شركة أرامكو السعودية": the company "أرامكو") is named after no place
        announcing = org_head_words().get(head[1]) is False
        last, royal = _described_end(doc, i, {} if announcing else places, starts, announcing=announcing)
        kind: EntityKind = named.get(head[1], "ORG")
        if not royal and head[1] in load_set("place_name_heads") and not doc.articled(i) and doc.articled(i + 1):
            last, kind = i + 1, "LOC"  # "حي المنتزه", "منفذ الوديعة"
        else:
            named_body = royal or head[1] in heads or (head[1] in weak and _fully_described(doc, i, last))
            if last == i or (royal and i in kb_bodies) or not named_body:
                continue
        cand = Cand(tok.start + head[0], toks[last].end, kind, P_ORG, None, "institution", i, last)
        if royal:  # outranks the person inside
            cand.priority = P_NAMED_AFTER
            _link_named(doc, cand)
        elif i not in kb_bodies and not announcing and any(i < k <= last for k in places):
            cand.priority = P_NAMED_AFTER  # outranks the place inside: "إمارة عسير" is the body, not the region
        out.append(cand)


def _link_named(doc: Words, cand: Cand) -> None:
    """Link a name given after a royal when the KB knows it, whole or its longest beginning ("جامعة الملك سعود
    بالرياض" is "جامعة الملك سعود"): the span is cut to the KB's name."""
    for end in range(cand.last_tok, cand.first_tok + 1, -1):
        text = doc.norm[cand.start : doc.toks[end].end]
        known = next((c.entry for c in doc.kb.lookup(text, normalized=True) if c.entry.type != "PER"), None)
        if known is not None and doc.kb.has_label(known, text):
            cand.qid, cand.type, cand.last_tok, cand.end = known.id, known.type, end, doc.toks[end].end
            return


_LINKS = frozenset({"بن", "بنت"})


def _described_end(
    doc: Words, i: int, places: dict[int, int], starts: set[int], *, announcing: bool
) -> tuple[int, bool]:
    """The last token of an institution's descriptive name whose head is token ``i`` (``i`` when there is none),
    and whether a royal's name completes it: definite genitives and adjectives, a ``ل`` complement before a
    definite noun ("لكرة القدم") and the nouns coordinated with it ("للإغاثة والأعمال الإنسانية"), one
    indefinite noun that an indefinite head governs ("هيئة تنظيم الكهرباء"), a royal name with its ``بن`` chain
    ("الأمير سلطان بن عبدالعزيز"), or one known place right after the head; a title ("الدكتور") starts a person
    and ends it. ``starts`` are the tokens where a KB name or a model span begins: a coordinated noun there
    starts a second body. After a head that only ``announcing`` a name ("شركة أرامكو") only a frequent noun is
    governed ("جمعية حماية المستهلك")."""
    toks = doc.toks
    last, royal_name, complement = i, False, False
    k = i + 1
    while k < min(len(toks), i + 1 + _DESCRIBED_WORDS):
        w = toks[k].text
        bears = k == i + 1 and w in load_set(
            "royal_titles"
        )  # "مركز الملك ...": the royal's name follows, not a person of its own
        nisba = w.endswith(("ي", "يه")) and in_lexicon(w, description_words())  # "المركز الإعلامي"
        person = doc.articled(k) and is_title(w) and not bears and not nisba
        if not toks[k].word or w in stop_words() or person:
            break  # a title starts a person; an adjective of description qualifies the body ("المركز الإعلامي")
        if w in load_set("not_name_adjectives"):
            break  # "الإدارة الجديدة للنادي": the body's state, not its name
        definite = doc.articled(k)
        dative = w.startswith("ل") and len(w) > 3 and doc.joined(k) and doc.articled(k + 1)
        if k == i + 1 and (dative or w.startswith("لل")) and not doc.articled(i):
            break  # "لجنة للتحقيق", "مركز للصحة النفسية": a body described, not named
        complement = complement or dative or w.startswith("لل")
        royal = toks[k - 1].text in load_set("royal_titles") and k > i + 1 and name_like(doc, k, False)
        place = k == i + 1 and not doc.articled(k) and doc.kb.could_start(w) and _is_place(doc, w)
        # after a head that announces a name, only a frequent noun is governed: "جمعية حماية المستهلك", not
        # "شركة أرامكو السعودية"
        governed = k == i + 1 and _governed_noun(doc, i, k) and (not announcing or w in load_set("common_words"))
        if complement and not definite and _coordinated(doc, k, starts):
            definite = True  # "للسياحة والتراث الوطني": one name, not a second body
        if not (definite or dative or royal or place or governed):
            if k == i + 1 and (reach := _place_after_nouns(doc, k, places)) is not None:
                last = reach  # "غرفة تجارة وصناعة جدة", "هيئة تطوير الرياض": indefinite nouns, then the place
            break
        last = k
        if royal:
            royal_name = k == i + 2  # the royal stands right after the head: the place or body bears the name
            while k + 2 < len(toks) and toks[k + 1].text in _LINKS and doc.joined(k) and doc.joined(k + 1):
                if not name_like(doc, k + 2, False):
                    break
                k += 2
                last = k
        if place or not doc.joined(k):
            break
        nxt = toks[k + 1].text
        if definite and _nisba(w) and not (_nisba(nxt) and doc.articled(k + 1)) and not nxt.startswith("ل"):
            break  # "الحكومة اليونانية الخطة": after its adjective a definite noun is the verb's object
        k += 1
    return last, royal_name


_NOUNS_BEFORE_PLACE = 2


def _place_after_nouns(doc: Words, k: int, places: dict[int, int]) -> int | None:
    """The last token of a KB place that follows token ``k`` after at most two indefinite nouns (joined by و or
    not), or None."""
    toks = doc.toks
    for j in range(k, min(len(toks), k + _NOUNS_BEFORE_PLACE + 1)):
        if j > k and j in places:
            return places[j]
        w = toks[j].text
        if not toks[j].word or w in stop_words() or doc.articled(j) or is_title(w) or not doc.joined(j):
            return None
    return None


def _fully_described(doc: Words, i: int, last: int) -> bool:
    """The words after head ``i`` up to ``last`` are two or more, one a ``ل`` complement or a relative adjective:
    a name a weak head ("الإدارة العامة للمرور", "دار الوثائق القومية") gives a body, unless they begin with
    another body ("إدارة النادي الأهلي": the club's management)."""
    words = [doc.toks[k].text for k in range(i + 1, last + 1)]
    if len(words) < 2 or strip_article(words[0]) in _institution_heads() or strip_article(words[0]) in org_head_words():
        return False
    return any(w.startswith("لل") or (w.startswith("ال") and _nisba(w)) for w in words)


def _governed_noun(doc: Words, i: int, k: int) -> bool:
    """Token ``k`` is an indefinite noun that the indefinite head ``i`` governs and that a definite genitive
    completes ("هيئة تنظيم الكهرباء", "جمعية حماية المستهلك"); an indefinite adjective ("جمعية خيرية") is no
    such noun."""
    w = doc.toks[k].text
    return (
        not doc.articled(i)
        and doc.joined(k)
        and doc.articled(k + 1)
        and not is_title(doc.toks[k + 1].text)
        and ARABIC.match(w) is not None
        and not is_title(w)
        and w not in load_set("weak_institution_heads")  # "مجلس إدارة الشركة": the company's board
        and w not in _institution_heads()
        and not (_nisba(w) and not w.endswith("ايه"))  # "حمايه", "رعايه" are nouns; "خيريه" an adjective
    )


def _coordinated(doc: Words, k: int, starts: set[int]) -> bool:
    """Token ``k`` is a definite noun after و that continues a name's complement ("للإغاثة والأعمال"), not the
    head of a second body ("والهيئة", a KB name, a model span)."""
    w = doc.toks[k].text
    if not w.startswith("وال") or len(w) < 5 or k in starts or not doc.joined(k - 1) or w[1:] in stop_words():
        return False  # "والذي" begins a clause
    bare = strip_article(w[1:])
    return bare not in _institution_heads() and bare not in org_head_words() and bare not in _named_after_heads()


def _nisba(word: str) -> bool:
    """A relative adjective in the normal form ("اليونانيه", "المدني", "الاجتماعيه")."""
    return len(word) > 4 and word.endswith(("يه", "ي"))


def _is_place(doc: Words, word: str) -> bool:
    return any(c.entry.type == "LOC" and c.how in ("exact", "alias") for c in doc.kb.lookup(word, normalized=True))

"""Who receives a gift, read from its clause: the dative after the amount ("311 مليون دولار للبنان"), the one named
before the word that states it ("مساعدات لكييف بقيمة ..."), the people it is counted in ("على 4154 أسرة"), and the
charity that hands it out; every role a well-formed noun phrase.
"""

from __future__ import annotations

from collections.abc import Sequence

from arnews.core.lexicons import load_set
from arnews.core.tokens import Token
from arnews.money.donation_roles import Name, name_after
from arnews.money.donation_triggers import bare_word, frame_table
from arnews.quotes.speakers import speaker_problem  # the one check of noun phrases

__all__ = ["charity_name", "counted_receiver", "receiver_after", "receiver_before", "well_formed"]

_TO = ("الي", "إلى", "إلي")  # normal forms of إلى
_ALLOTTED = frozenset({"خصص", "خصصت", "مخصص", "مخصصه", "المخصص", "المخصصه", "تذهب", "يذهب"})


def receiver_after(norm: str, toks: Sequence[Token], aend: int) -> Name | None:
    """Who an amount goes to, named right after it: "311 مليون دولار للبنان", "65 مليون دولار لبرنامج الغذاء
    العالمي", "تسليم 300 ألف ريال إلى جمعية ..." (a bracket or a dash between allowed)."""
    k = next((i for i, t in enumerate(toks) if t.start >= aend), len(toks))
    while k < len(toks) and toks[k].kind == "other" and toks[k].text in ")]-–—":
        k += 1
    if k + 1 < len(toks) and toks[k].kind == "word" and toks[k].text in _ALLOTTED:
        k += 1  # "530 مليون دولار خصص لأنشطتها"
    if k >= len(toks) or toks[k].kind != "word":
        return None
    tok = toks[k]
    skip = load_set("donation_not_recipients")
    if tok.text == "من":  # "65 مليون دولار من الولايات المتحدة لبرنامج الغذاء العالمي": the giver, then whom
        for j in range(k + 2, min(len(toks), k + 6)):
            if toks[j].kind != "word":
                return None
            if toks[j].text.startswith("ل") and not toks[j].text.startswith(("لي", "لن")) and len(toks[j].text) >= 4:
                k, tok = j, toks[j]
                break
        else:
            return None
    if tok.text in _TO:
        if k + 1 >= len(toks) or toks[k + 1].kind != "word" or toks[k + 1].text in skip:
            return None
        found = name_after(norm, toks, k + 1)
        return Name(found[0], found[1], 3) if found else None
    if not tok.text.startswith("ل") or len(tok.text) < 4 or tok.text[1:] in skip or tok.text[2:] in skip:
        return None
    if tok.text.startswith(("لي", "لن")):
        return None  # "ليتمكن المستفيد": ل before a verb says what for, not for whom
    if bare_word(tok.text, frame_table()) is not None:
        return None  # "لصالح", "لدعم": a frame, read by the frames
    rest = name_after(norm, toks, k + 1)
    return Name(tok.start + 1, rest[1] if rest else tok.end, 3)


_BACK_TO_RECEIVER = 4  # tokens between a receiver and the value word before the amount


def receiver_before(norm: str, toks: Sequence[Token], astart: int) -> Name | None:
    """Who an amount goes to, named before the word that states it: "مساعدات مالية لكييف بقيمة 600 مليون يورو",
    "منحة لبرنامج الغذاء العالمي بمبلغ 65 مليون دولار"."""
    first = next((k for k, t in enumerate(toks) if t.start >= astart), len(toks))
    values = load_set("donation_values")
    v = next(
        (k for k in range(first - 1, max(-1, first - 4), -1) if toks[k].kind == "word" and _value_word(toks[k].text)),
        None,
    )
    if v is None:
        return None
    skip = load_set("donation_not_recipients")
    for k in range(v - 1, max(-1, v - 1 - _BACK_TO_RECEIVER), -1):
        tok = toks[k]
        if tok.kind != "word" or bare_word(tok.text, values) is not None:
            return None
        if tok.text.startswith("ل") and len(tok.text) >= 4 and tok.text[1:] not in skip and tok.text[2:] not in skip:
            if bare_word(tok.text, frame_table()) is not None:
                return None
            return Name(tok.start + 1, toks[v - 1].end, 3)
    return None


def _value_word(text: str) -> bool:
    values = load_set("donation_values")
    return any(bare_word(w, values) is not None for w in (text, text[:-2] if text.endswith("ها") else text))


_COUNT_OPENERS = frozenset({"ل", "لعدد", "على", "علي", "الى", "إلى", "لنحو", "لحوالي"})


def counted_receiver(toks: Sequence[Token], floor: int, astart: int) -> Name | None:
    """The people a gift is counted in, in its clause before the amount ("توزيع زكاة الفطر على 4154 أسرة مستحقة
    بتكلفة ...", "كسوة العيد لعدد 457 يتيم ... بقيمة ...", "تأثيث 148 منزل ... بقيمة ..."): a preposition or a goods
    word, a number, and a noun of ``beneficiary_nouns.txt``; the nearest before the amount, after ``floor``."""
    nouns, goods = load_set("beneficiary_nouns"), load_set("donation_goods")
    best = None
    for k in range(1, len(toks) - 1):
        num, noun = toks[k], toks[k + 1]
        if num.start < floor or noun.end > astart:
            continue
        if num.kind != "num" or noun.kind != "word" or bare_word(noun.text, nouns) is None:
            continue
        opener = toks[k - 1]
        if opener.kind == "word" and (opener.text in _COUNT_OPENERS or bare_word(opener.text, goods) is not None):
            best = Name(num.start, noun.end, 3)
    return best


def charity_name(norm: str, toks: Sequence[Token], astart: int) -> Name | None:
    """The charity named nearest before an amount ("الجمعية قدمت ...", "جمعية “نفع” الخيرية"): a charity word and the
    quoted name and article-adjectives after it."""
    words = load_set("charity_words")
    best = None
    for k, tok in enumerate(toks):
        if tok.start >= astart:
            break
        if tok.kind == "word" and bare_word(tok.text, words) is not None:
            if best is not None and tok.start < best.end:
                continue  # "جمعية البر الخيرية": one name
            end = tok.end
            for nxt in toks[k + 1 : k + 5]:  # "جمعية “نفع” الخيرية", "جمعية البر الخيرية": to the last such word
                if nxt.kind == "other" and nxt.text in '“”«»"':
                    continue
                if nxt.kind != "word" or nxt.start >= astart:
                    break
                quoted = norm[nxt.start - 1 : nxt.start] in ("“", "«", '"')
                if quoted or bare_word(nxt.text, words) is not None:
                    end = nxt.end
            clitic = 1 if tok.text[:1] in ("ب", "ل", "و") and tok.text[1:3] == "ال" else 0
            best = Name(tok.start + clitic, end, 3)
    return best


def well_formed(norm: str, name: Name | None) -> Name | None:
    """The name when it is a well-formed noun phrase (no verb fragment, pronoun or preposition at its head:
    "فيه بين الأيتام", "حفظه الله"), else None."""
    if name is None:
        return None
    text = norm[name.start : name.end]
    if text.startswith("لل"):  # the dative of "للأسر المحتاجة" is no part of the phrase checked
        text = "ال" + text[2:]
    return None if speaker_problem(text) else name

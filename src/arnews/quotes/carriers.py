"""The speaker of a cue verb that points back to a statement with فيه/فيها ("in which"): who made the statement
("أصدر المتحدث باسم الجيش بيانا أكد فيه أن"، "ألقى رئيس البلدية كلمة أوضح فيها أن"، "توجه معاذ برسالة قال فيها") or
whose it is ("تصريحات المرشد الأعلى علي خامنئي الأخيرة التي أكد فيها"، "مقابلة مع أبي مالك قال فيها"). The nouns
of statements are ``statement_carriers.txt``."""

from __future__ import annotations

import re
from collections.abc import Sequence

from arnews.core import cue_verbs, grammar
from arnews.core.grammar import Tok
from arnews.core.lexicons import load_set
from arnews.core.text import normalize
from arnews.quotes import speakers as sp
from arnews.quotes.cues import PUNCT_STOP, carrier_noun
from arnews.quotes.reading import Guess, Reading, guess_of

__all__ = ["statement_author"]

#: "أكد فيه"، "قال لهم فيها": the pronoun of "in which" right after the cue verb (normal form: ة is ه).
_IN_WHICH = re.compile(r"\w+\s+(?:ل(?:ه|ها|هم|هما)\s+)?في(?:ه|ها|هما|هم)(?!\w)")
#: How many words back from the cue the statement's noun may stand, and how long a speaker phrase may be.
_NOUN_REACH = 30
_PHRASE_WORDS = 9


def statement_author(ctx: Reading, pos: int, cue: cue_verbs.Cue) -> Guess | None:
    """The speaker of the cue verb at normal-form offset ``pos`` when "فيه/فيها" follows it and a statement's noun
    stands before it in its sentence; None when the pattern is not there or names nobody."""
    norm = ctx.view.norm
    if _IN_WHICH.match(norm, pos) is None:
        return None
    toks = ctx.tokens(ctx.sentence_start(pos), pos)
    for n in range(len(toks) - 1, max(-1, len(toks) - 1 - _NOUN_REACH), -1):
        noun = carrier_noun(toks[n][2]) if grammar.is_word(toks[n]) else None
        if noun is None:
            continue
        after = toks[n + 1 :]
        if noun in load_set("interview_nouns") and after and after[0][2] == "مع":
            return _phrase(ctx, after[1:], cue)  # "مقابلة مع أبي مالك الشامي ... قال فيها"
        # whose it is, when ل or a verb of making says so ("مقال لرئيس التحرير"، "مقالة كتبها الناقد"); else
        # who made it ("ألقى رئيس البلدية كلمة اللجنة"); else the genitive ("تصريحات المرشد الأعلى")
        return (
            _owner(ctx, toks[n][2], after, cue, genitive=False)
            or _maker(ctx, toks[:n], cue)
            or _owner(ctx, toks[n][2], after, cue, genitive=True)
        )
    return None


def _makes(word: str) -> bool:
    """Whether ``word`` (normal form) is a verb of ``statement_verbs.txt``, with و/ف or not."""
    return grammar.strip_proclitic(word) in load_set("statement_verbs") or word in load_set("statement_verbs")


def _maker(ctx: Reading, toks: Sequence[Tok], cue: cue_verbs.Cue) -> Guess | None:
    """ "أصدر المتحدث الرسمي باسم الجيش بيانا": the subject of the verb that made the statement
    (``statement_verbs.txt``): the words between that verb and the noun, or before the verb when it stands right
    before the noun ("أن داود أوغلو أجرى اتصالات")."""
    lo = max(0, len(toks) - _PHRASE_WORDS - 1)
    for v in range(len(toks) - 1, lo - 1, -1):
        word = normalize(toks[v][2])  # "ألقى" keeps its hamza in the quote stage's tokens
        if word in PUNCT_STOP:
            return None
        if not _makes(word):
            continue
        if v < len(toks) - 1:
            return _phrase(ctx, toks[v + 1 :], cue)
        first = v
        while first > 0 and v - first < 6 and grammar.is_word(toks[first - 1]):
            if toks[first - 1][2] in load_set("complementizers"):
                break
            first -= 1
        phrase = sp.subject_phrase(toks[first:v])
        return None if phrase is None else guess_of(phrase, cue)
    return None


def _owner(ctx: Reading, noun: str, toks: Sequence[Tok], cue: cue_verbs.Cue, *, genitive: bool) -> Guess | None:
    """Whose a statement is, named after its noun: a genitive ("تصريحات المرشد الأعلى ..."), ل of possession
    ("تصريحات للسيدة الأولى باربرا بوش"، "مقال افتتاحي لرئيس التحرير"), or the subject of a verb of making with
    the noun's pronoun ("مقالة قديمة كتبها الناقد رونالد برغن"); the genitive only when ``genitive``.
    Indefinite adjectives after the noun are read over ("خطاب حماسي"); a noun with the article takes no
    genitive."""
    bare = noun[1:] if len(noun) > 3 and noun[0] in "وفبل" else noun
    definite = bare.startswith("ال") or noun.startswith("لل")
    for k, tok in enumerate(toks[:3]):
        w = tok[2]
        if not grammar.is_word(tok) or grammar.is_stop(w):
            return None
        if w.startswith("ال"):
            return None if definite or k or not genitive else _phrase(ctx, toks[k:], cue)
        if w.startswith("لل") and len(w) > 4:  # "للسيدة الأولى باربرا بوش": ل and the article, then a name
            found = _phrase(ctx, [Tok(tok[0], tok[1], "ال" + w[2:]), *toks[k + 1 :]], cue)
            return found if found is not None and found.span[0] >= tok[1] else None
        if w[0] == "ل" and len(w) > 3 and (grammar.is_title(w[1:]) or grammar.given_name(w[1:])):
            return _phrase(ctx, [Tok(tok[0] + 1, tok[1], w[1:]), *toks[k + 1 :]], cue)
        stem = normalize(w)
        for suffix in ("ها", "ه"):
            if stem.endswith(suffix):
                made = stem[: -len(suffix)]
                if _makes(made) or (made.endswith("ا") and _makes(made[:-1] + "ي")):  # ألقاها
                    return _phrase(ctx, toks[k + 1 :], cue)
    return None


def _phrase(ctx: Reading, toks: Sequence[Tok], cue: cue_verbs.Cue) -> Guess | None:
    """The speaker phrase ``toks`` open with; a known name inside a titled phrase wins ("الناقد البريطاني رونالد
    برغن")."""
    toks = toks[:_PHRASE_WORDS]
    phrase = sp.parse_phrase(toks)
    if phrase is None:
        return None
    known = ctx.mention_within(phrase.name[1], toks[-1][1]) if phrase.titled else None
    return guess_of(phrase if known is None else sp.Phrase(known), cue)

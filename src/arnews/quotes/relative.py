"""Relative clauses of saying: the person a clause such as "محمد الثبيتي، الذي يقول: «...»" or "الوزيرة السابقة درية
شرف الدين، التي قالت إن ..." describes is the one who speaks (or, where no name the article knows stands there, the
title phrase, anonymous source or body: "المدير التنفيذي للمؤسسة التي قالت: «...»"); and the name a described
speaker is given ("متطوع يدعى أبو زهراء البصراوي")."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from arnews.core import cue_verbs, grammar
from arnews.core.grammar import Tok
from arnews.core.lexicons import load_set
from arnews.core.tokens import word_end
from arnews.quotes import cues
from arnews.quotes.marks import PRONOUN_OBJECTS
from arnews.quotes.reading import Guess, Reading

#: The relative pronouns a described person stands before (الذي، التي، الذين، اللذان، اللتان; normal form).
_WHO = r"(?:ال|ا)?(?:لذي|لتي|لذين|للذان|للتان)"
_RELATIVE = re.compile(rf"(?:^|\s){_WHO}\s*$")
_RELATIVE_IN = re.compile(rf"(?:^|\s){_WHO}\s")
# "مسعود هونارماندي، رجل أعمال، الذي قال": a short description between commas stands between name and relative
_APPOSITION = re.compile(r"\s*[،,]\s*[^\W\d_]+(?:\s+[^\W\d_]+){0,3}\s*[،,]\s*")


def antecedent(ctx: Reading, pos: int) -> Guess | None:
    """The name a relative clause's cue at ``pos`` (a normal-form offset) speaks for: "... محمد الثبيتي، الذي
    يقول: «...»" (a name ending right before the relative pronoun, a comma or a short description between commas
    allowed)."""
    before = ctx.view.norm[max(0, pos - 12) : pos]
    m = _RELATIVE.search(before)
    if m is None:
        return None
    rel = pos - len(before) + m.start()
    st = ctx.state
    k = bisect.bisect_right(st.mention_starts, rel) - 1
    if k < 0:
        return None
    ms, me = st.mentions[k]
    if me > rel:
        return None
    between = ctx.view.norm[me:rel]
    if between.strip(" ،,") != "" and not _APPOSITION.fullmatch(between):
        return None
    return Guess((ms, me), gender=st.genders.get(st.key((ms, me)), ""))


_TITLE_WORDS = 8  # the most words of a title phrase before the relative pronoun ("المدير التنفيذي لمؤسسة ...")


def clause_antecedent(ctx: Reading, toks: Sequence[Tok], k: int, cue: cue_verbs.Cue) -> Guess | None:
    """Who the relative clause whose cue is ``toks[k]`` describes: a name the article knows
    (:func:`antecedent`), else a title phrase, anonymous source or body (:func:`titled_antecedent`)."""
    return antecedent(ctx, toks[k][0]) or titled_antecedent(toks, k - 1, cue)


def titled_antecedent(toks: Sequence[Tok], rel: int, cue: cue_verbs.Cue) -> Guess | None:
    """ "المدير التنفيذي لمؤسسة دبي للمهرجانات والتجزئة التي قالت: «...»"، "إلى الوزارة التي قالت إن": when no name
    the article knows ends right before the relative pronoun at ``toks[rel]``, the phrase up to the pronoun that a
    title, an anonymous source or a body opens with the article, after a particle or punctuation."""
    j = rel
    while j > 0 and rel - j < _TITLE_WORDS and grammar.is_word(toks[j - 1]) and not grammar.is_stop(toks[j - 1][2]):
        j -= 1
    if j == rel:
        return None
    if j + 1 < rel and _verb_before(toks[j][2]) and _person_head(toks[j + 1][2]):
        j += 1  # "يسعد الابنة التي قالت"، "وقابلت الطبيب الذي قال": the verb whose object the clause describes
    head = grammar.strip_proclitic(toks[j][2])
    if not grammar.has_article(head):
        return None  # a verb, or a noun in construct with no article ("شكر مغردون أمير مكة الذي"): no phrase opens
    anonymous = grammar.in_lexicon(head, cues.anonymous_heads())
    body = not (anonymous or _person_head(head))
    if body and not grammar.in_lexicon(head, grammar.organisation_heads()):
        return None  # "الرواية التي تقول إن": a thing, nobody who speaks
    return Guess(
        (word_end(toks[j], head).start, toks[rel - 1][1]), gender=cue.gender, person=not body, anonymous=anonymous
    )


def _person_head(word: str) -> bool:
    """A definite noun that names a person: a title ("الطبيب"), an anonymous source ("الموظف") or a relative
    ("الابنة"، "الزوجة"; ``kinship_nouns.txt``)."""
    head = grammar.strip_proclitic(word)
    return grammar.has_article(head) and (
        grammar.is_title(head)
        or grammar.in_lexicon(head, cues.anonymous_heads())
        or grammar.in_lexicon(head, load_set("kinship_nouns"))
    )


def _verb_before(word: str) -> bool:
    """A word without the article that is no title, body or everyday noun: before a definite person, the verb
    whose object it is ("يسعد"، "وقابلت"), not a noun in construct with it ("نائب الرئيس"، "مدير المستشفى")."""
    bare = grammar.strip_proclitic(word)
    return not (
        grammar.has_article(bare)
        or grammar.is_title(bare)
        or grammar.in_lexicon(bare, grammar.organisation_heads())
        or grammar.everyday(bare)
        or grammar.given_name(bare)
    )


def _person(ctx: Reading, guess: Guess | None) -> Guess | None:
    """``guess`` when its words are one person's mention; a body ("شركة هارمونيكس، التي تصنع ...") or a thing
    ("الرواية التي تقول إن"، "المثل الذي يقول إن") is nobody who speaks here."""
    if guess is None or ctx.entity_index.person_within(ctx.view.raw_span(*guess.span)) is None:
        return None
    return guess


def relative_subject(ctx: Reading, pos: int) -> Guess | None:
    """ "حضور رئيس النادي عبد اللطيف الخضير، الذي تمنى أن ...، مؤكدا بأنه": a participle after a relative clause in
    its sentence goes on from the clause's verb, whose subject is the person the clause describes."""
    start = ctx.sentence_start(pos)
    last = None
    for m in _RELATIVE_IN.finditer(ctx.view.norm, start, pos):
        last = m
    return _person(ctx, antecedent(ctx, last.end()) if last is not None else None)


def antecedent_speaks(toks: Sequence[Tok], i: int) -> bool:
    """The cue at ``toks[i]`` opens a relative clause whose subject is its antecedent ("غروس الذي أكد أن"): a relative
    pronoun before it, and neither an object pronoun ("الذي قالت عنه ميركل إنه") nor a subject of its own ("مكان
    الاحتجاز الذي قالت المحطة إنه") after it."""
    if i == 0 or toks[i - 1][2] not in load_set("relative_pronouns"):
        return False
    return not ((i + 1 < len(toks) and toks[i + 1][2] in PRONOUN_OBJECTS) or cues.own_subject(toks, i))


def described_speaker(ctx: Reading, toks: Sequence[Tok], i: int) -> Guess | None:
    """The person who reports when the cue at ``toks[i]`` opens a relative clause that describes them ("المدرب
    السويسري غروس الذي أكد أن"، "تسيبي ليفني، وزيرة العدل الإسرائيلية السابقة، التي أشارت إلى أن"); None when the
    clause has a subject of its own (:func:`antecedent_speaks`) or describes no person."""
    return _person(ctx, antecedent(ctx, toks[i][0])) if antecedent_speaks(toks, i) else None


_NAMED_REACH = 8  # tokens from a described speaker to the word that gives their name ("مريض آخر ... ويدعى")


def named_as(toks: Sequence[Tok], after: int) -> tuple[int, int] | None:
    """ "قالت الوالدة وتدعى إليزابيث أوسبورن «...»"، "وقالت معلمة تدعى هدى حسين": a naming word
    (``person_naming_words.txt``) within a few words after the described speaker, which ends at ``toks[after]``,
    and the name after it: its first and last token index; None when there is none or a clause boundary comes
    first (a comma, a mark, إن/أن)."""
    naming = load_set("person_naming_words")
    for j in range(after, min(len(toks), after + _NAMED_REACH)):
        word = toks[j][2]
        if word in naming or grammar.strip_proclitic(word) in naming:
            end = grammar.name_run(toks, j + 1)
            if end > j + 2 and end < len(toks) and grammar.everyday(toks[end - 1][2]) and grammar.is_stop(toks[end][2]):
                end -= 1  # "يدعى أبو بكر جاء إلى السوق": a verb and its preposition after the name
            return (j + 1, end - 1) if end > j + 1 else None
        if not grammar.is_word(toks[j]) or toks[j][2] in load_set("complementizers"):
            return None
    return None

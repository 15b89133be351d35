"""Who speaks in a clause that ends with a colon before a quote and has no verb of saying: "ودافعت ابنته دالما عن
والدتها في مقابلة مع إذاعة «أونس دييس»: «...»"، "وتلخص صحيفة الفايننشال تايمز هذه المسألة ...: «...»". The clause
opens with a verb, and its subject right after it speaks; or it opens with a person, then a comma and a verb ("الفقيه
عبد الحميد الخطي، يزيد في مداخلته: «...»")."""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence

from arnews.core import cue_verbs, grammar, names, titles
from arnews.core.grammar import Tok
from arnews.core.lexicons import load_set
from arnews.core.text import ARABIC_LETTERS
from arnews.quotes import cues
from arnews.quotes.attribution import guess_speaker, resolve_subject
from arnews.quotes.marks import RawQuote, phrase_end
from arnews.quotes.reading import Guess, Reading

__all__ = ["colon_subject", "narrated", "narrator"]

_ARABIC_START = re.compile(f"[{ARABIC_LETTERS}]")  # a word that opens with an Arabic letter (no Latin label)
_CLAUSE_TOKENS = 14  # the longest clause before a colon read for a subject ("ودافعت ابنته دالما ... «أونس دييس»:")


def colon_subject(ctx: Reading, toks: Sequence[Tok], q: RawQuote, lo: int) -> Guess | None:
    """The subject of the clause ``toks[lo:]`` before the colon of quote ``q``: of the verb that opens it
    (:func:`_verb_subject`), or the person it opens with before a comma and a verb (:func:`_named_before_verb`), or
    whoever owns the words it names (:func:`_words_owner`); else None."""
    return _verb_subject(ctx, toks, q, lo) or _named_before_verb(ctx, toks, q, lo) or _words_owner(ctx, toks, q, lo)


# the pronouns that own a noun of words, longest first, and the verb of saying of the same person and number
_OWNERS = (("هما", "قالوا"), ("هم", "قالوا"), ("ها", "قالت"), ("ه", "قال"))


def _words_owner(ctx: Reading, toks: Sequence[Tok], q: RawQuote, lo: int) -> Guess | None:
    """ "ووجه كلامه إليهم: «...»"، "بدأ حديثه إلى مجلس الشورى: «...»"، "وفي ردها على سؤال: «...»": a noun of one's
    own words (``own_words_nouns.txt``) with a pronoun of the third person in the clause before the colon gives the
    words to whom the pronoun stands for, read as a verb of saying with no subject of its own is (the pronoun's
    gender and number, the speakers and names before it)."""
    colon = q.open_tok - 1
    if colon - lo > _CLAUSE_TOKENS:
        return None
    for k in range(lo, colon):
        form = _owned(toks[k][2]) if grammar.is_word(toks[k]) else None
        if form is not None:
            cue = cue_verbs.cue_of(form)
            return resolve_subject(ctx, toks[k][0], cue) if cue is not None else None
    return None


def _owned(word: str) -> str | None:
    """The verb of saying (قال، قالت، قالوا) of the pronoun that owns ``word`` when it is a noun of one's own words
    with a pronoun of the third person ("كلامه"، "كلمتها"، "بقولهم"), else None."""
    bare = grammar.strip_proclitic(word)
    nouns = load_set("own_words_nouns")
    for suffix, form in _OWNERS:
        stem = bare[: -len(suffix)]
        if bare.endswith(suffix) and (stem in nouns or (stem.endswith("ت") and stem[:-1] + "ه" in nouns)):
            return form
    return None


def _verb_subject(ctx: Reading, toks: Sequence[Tok], q: RawQuote, lo: int) -> Guess | None:
    """The subject of the verb that opens the clause ``toks[lo:]`` before the colon of quote ``q``: a person the
    entity stage found in the next two words, else a name, a relative's name or a body the speaker grammar reads
    right after the verb; None when the clause opens with no verb or its subject is anything else ("تعرف الكفاءة
    بالآتي: «...»"، "وصار الواقع هكذا: «...»")."""
    if lo >= q.open_tok - 2 or not grammar.is_word(toks[lo]):
        return None
    verb = toks[lo][2]
    auxiliary = grammar.strip_proclitic(verb) in load_set("auxiliary_verbs")  # "وكان كارتر أعلنه بوضوح: «...»"
    if (grammar.is_stop(verb) and not auxiliary) or grammar.has_article(grammar.strip_proclitic(verb)):
        return None
    if grammar.is_title(verb):  # "وزير الخارجية: «...»" is a label, not a clause
        return None
    return _person_after(ctx, toks, q, lo) or _phrase_after(ctx, toks, q, lo)


def _person_after(ctx: Reading, toks: Sequence[Tok], q: RawQuote, lo: int) -> Guess | None:
    """ "يفسر بايتون هذا الأمر: «...»": a person's mention in one of the two words after the verb."""
    v = ctx.view
    colon = v.raw_span(toks[q.open_tok - 1][0], toks[q.open_tok - 1][1])[0]
    for k in range(lo + 1, min(lo + 3, q.open_tok - 1)):
        if not grammar.is_word(toks[k]) or (k > lo + 1 and grammar.is_stop(toks[k - 1][2])):
            return None  # "مع محمد: «...»": a preposition's object is not the subject
        rs = v.raw_span(toks[k][0], toks[k][1])[0]
        person = ctx.entity_index.person_within((rs, colon))
        if person is None or person[0] != rs:
            continue
        for j in range(k, q.open_tok - 1):
            if v.raw_span(toks[j][0], toks[j][1])[1] == person[1]:
                return Guess((toks[k][0], toks[j][1]), person=True)
        return None
    return None


def _phrase_after(ctx: Reading, toks: Sequence[Tok], q: RawQuote, lo: int) -> Guess | None:
    """The speaker phrase right after the verb, when it is a name of two words or more or one opened by a given name
    ("وشككت دالما"، "ودافعت ابنته دالما": behind a noun of kinship too), or a body in construct ("وتلخص صحيفة
    الفايننشال تايمز"); not an everyday noun with the article ("تتحول الغرفة"), nor a word behind و, nor in a
    clause of more than a few words, where the colon ends narration more often than it opens speech."""
    verb = toks[lo][2]
    if q.open_tok - 1 - lo > _CLAUSE_TOKENS or not _ARABIC_START.match(verb):
        return None  # a long clause, or a Latin word before the colon ("Èsrãá Ämêr:", a commenter's label)
    said = cue_verbs.cue_of("قالت" if grammar.strip_proclitic(verb)[:1] == "ت" else "قال")
    end = phrase_end(toks, lo + 1, q.open_tok - 1)
    guess = guess_speaker(ctx, toks[lo + 1 : end], said) if said is not None else None
    if guess is None or guess.span[0] != toks[lo + 1][0]:
        return None
    last = next((k for k in range(lo + 1, end) if toks[k][1] >= guess.span[1]), end - 1)
    first = toks[lo + 1][2]
    kin = grammar.in_lexicon(first, load_set("kinship_nouns")) and not grammar.has_article(first)
    at = lo + 2 if kin else lo + 1
    word = toks[at][2]
    plain = grammar.strip_proclitic(word) == word and not grammar.has_article(word)
    run = grammar.name_run(toks, at)
    named = run > last and (run - at >= 2 or grammar.given_name(word) or kin or _heard(ctx, word))
    body = grammar.in_lexicon(first, grammar.organisation_heads())
    return guess if plain and (named or body) else None


def _heard(ctx: Reading, word: str) -> bool:
    """Whether ``word`` is the name a speaker the article has heard is known by ("وشككت دالما (28 عاما) بدوافع والدها:
    «...»" after "ابنته دالما" spoke): the last word of that speaker's name."""
    return any(ctx.state.key(guess.span) == word for _, _, guess in ctx.state.events)


_VERB_SEGMENT = 8  # the most tokens from the comma after a subject to the colon ("، يزيد في مداخلته:")


def _named_before_verb(ctx: Reading, toks: Sequence[Tok], q: RawQuote, lo: int) -> Guess | None:
    """ "الفقيه عبد الحميد الخطي، يزيد في مداخلته: «...»"، "الكاتب السوري وليد معماري، لخّص حكاية صدورها: «...»": the
    person named right before the last comma of the clause, when a plain word follows that comma (no article, title,
    function word or given name: a verb) and nobody else is named after it, and the clause opens with that person:
    the mention itself, the titles that name the person, or an earlier mention of the same person ("الخطي، الذي هو
    ابن ...، الفقيه عبد الحميد الخطي، يزيد")."""
    colon = q.open_tok - 1
    comma = next((k for k in range(colon - 2, max(lo, colon - _VERB_SEGMENT), -1) if toks[k][2] in ("،", ",")), -1)
    if comma - 1 <= lo or any(not grammar.is_word(t) for t in toks[comma + 1 : colon]):
        return None
    verb = toks[comma + 1][2]
    bare = grammar.strip_proclitic(verb)
    if grammar.is_stop(verb) or grammar.has_article(bare) or grammar.is_title(bare) or grammar.given_name(bare):
        return None
    if ctx.mention_within(toks[comma + 1][0], toks[colon][0]) is not None:
        return None
    st = ctx.state
    m = bisect.bisect_left(st.mention_starts, toks[lo][0])
    spans = list(itertools.takewhile(lambda s: s[1] <= toks[comma - 1][1], itertools.islice(st.mentions, m, None)))
    if not spans or spans[-1][1] != toks[comma - 1][1]:
        return None
    person = spans[-1]
    first = next((k for k in range(lo, comma) if toks[k][0] >= spans[0][0]), comma)  # a mention inside a word
    opens = first <= lo + 1 and (spans[0] == person or st.key(spans[0]) == st.key(person))
    if not opens and not _titled(toks[lo:comma], person[0]):
        return None
    return Guess(person, person=True, gender=st.genders.get(st.key(person), ""))


def _titled(toks: Sequence[Tok], name_start: int) -> bool:
    """Whether the words before the name at ``name_start`` are titles that open the clause and name that person,
    one run or two ("صاحب الامتياز ورئيس تحريرها الكاتب السوري الساخر وليد معماري")."""
    before = [t for t in toks if t[1] <= name_start]
    end, saw = titles.title_run(before, 0)
    if not before or not saw or any(not grammar.is_word(t) for t in before):
        return False
    whole = (len(before), True)
    return end == len(before) or any(titles.title_run(before, j) == whole for j in range(end, len(before)))


def narrated(toks: Sequence[Tok], lo: int, hi: int) -> bool:
    """Whether the clause ``toks[lo:hi]`` ends with a colon and leads to its quote through a verb of saying in the
    first person (``first_person_speech.txt``: "فقلت له وأنا أغالب الضحك:"، "وأجبت بغيظ:"، "وصحت قائلة:"), with no
    verb of saying in the third person after it, or ends in "myself" (``first_person_reflexives.txt``: "وسألت نفسي
    «...»", colon or not): the narrator's own words, which no person the article names says."""
    if hi <= lo:
        return False
    end = hi - 1 if toks[hi - 1][2] == ":" else hi
    if end > lo + 1 and toks[end - 1][2] in load_set("first_person_reflexives"):
        return True  # "وسألت نفسي «...»": the narrator asks herself
    if toks[hi - 1][2] != ":":
        return False
    last = max((k for k in range(lo, hi) if grammar.is_word(toks[k]) and _first_person(toks[k][2])), default=-1)
    if last < 0:
        return False
    return not any((cue := cues.verb_at(toks, k)) is not None and not cue.participle for k in range(last + 1, hi))


def _first_person(word: str) -> bool:
    said = load_set("first_person_speech")
    word = grammar.strip_proclitic(word)
    return word in said or any(word.endswith(s) and word[: -len(s)] in said for s in names.possessive_suffixes())


def narrator(ctx: Reading) -> Guess | None:
    """The person who says "I" in the article, when the article names them: the one whose own account its title
    names ("«الشرق الأوسط» تنشر مذكرات فاتن حمامة (5): ..."، ``memoir_nouns.txt``), else the author its byline
    credits, named in its text; None otherwise. The narrator speaks the words :func:`narrated` finds."""
    found = ctx.narrator
    if found is None:
        found = ctx.narrator = (_memoir_person(ctx) or _byline_author(ctx),)
    return found[0]


def _memoir_person(ctx: Reading) -> Guess | None:
    title = ctx.structure.title
    if title is None:
        return None
    v = ctx.view
    toks = ctx.tokens(v.norm_index(title.start), v.norm_index(title.end))
    memoirs = load_set("memoir_nouns")
    k = next((k for k, t in enumerate(toks) if grammar.strip_proclitic(t[2]) in memoirs), len(toks))
    second = toks[k + 1][2] if k + 2 < len(toks) else ""
    if second[:1] == "و" and grammar.strip_proclitic(second) != second and not grammar.given_name(second):
        k += 1  # "مذكرات وسيرة فاتن حمامة": a second noun joined by و (not "مذكرات وليد جنبلاط")
    if k + 1 >= len(toks):
        return None
    run = grammar.name_run(toks, k + 1)
    if run < k + 3:
        return None  # a name of two words or more
    # a person the body mentions: by the same name ("مذكرات فاتن حمامة" ... "فاتن حمامة هي الرحيق"), else by its
    # last word alone ("حمامة"; not "أحمد حمامة", a relative); the body's mention speaks, not the title's words,
    # which a model may read as one name with the noun before them
    st, norm, named = ctx.state, ctx.view.norm, (toks[k + 1][0], toks[run - 1][1])
    span = next(((s, e) for s, e in st.mentions if norm[s:e] == norm[named[0] : named[1]]), None)
    span = span or next(((s, e) for s, e in st.mentions if norm[s:e] == st.key(named)), None)
    return None if span is None else Guess(span, person=True, gender=st.genders.get(st.key(span), ""))


def _byline_author(ctx: Reading) -> Guess | None:
    author = ctx.structure.source.author
    if not author or " و" in author:
        return None  # nobody credited, or several authors: no one "I"
    v = ctx.view
    at = v.raw.find(author)
    if at < 0:
        return None
    return Guess((v.norm_index(at), v.norm_index(at + len(author))), person=True)

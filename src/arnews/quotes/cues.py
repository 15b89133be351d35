"""The words of reported speech: cue verbs (with gender, number and role), 'according to' phrases, and the word lists a
speaker phrase is read with.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Final

from arnews.core.cue_verbs import Cue, cue_of
from arnews.core.grammar import (
    Tok,
    everyday,
    given_name,
    has_article,
    in_lexicon,
    is_stop,
    is_word,
    name_breaks,
    readings,
    strip_proclitic,
)
from arnews.core.lexicons import known_names as lexicon_known_names
from arnews.core.lexicons import load_list, load_set, load_table
from arnews.core.names import possessive_suffixes, pronoun_suffixes, strip_article
from arnews.core.text import SHADDA, TextView, normalize
from arnews.core.tokens import Token

SENTENCE_END: Final = frozenset(".!?؟…")
#: The kind of a sentence-final mark, among the tokens of a paragraph (:func:`arnews.quotes.marks.paragraph_tokens`).
END: Final = "end"


def ends(tok: Token) -> bool:
    """Whether a token closes its sentence (the one sentence splitter says so; a dot after "د." does not)."""
    return tok.kind == END


PUNCT_STOP: Final = frozenset(".!?؟…،,؛;:()[]{}")


def anonymous_heads() -> frozenset[str]:
    return load_set("anonymous_sources")


def impersonal() -> frozenset[str]:
    return load_set("impersonal_reports")


def name_prepositions() -> frozenset[str]:
    return load_set("name_prepositions")


def naming_words() -> frozenset[str]:
    return load_set("naming_words")


def work_noun(word: str) -> bool:
    """ "كتاب": a noun of works (``work_nouns.txt``); "ومن أشهر كتبه"، "مؤلفاتها": a plural of works with a
    possessive suffix (``work_plurals.txt``)."""
    bare = strip_proclitic(word)
    if bare in load_set("work_nouns"):
        return True
    plurals = load_set("work_plurals")
    return any(bare.endswith(s) and bare[: -len(s)] in plurals for s in possessive_suffixes())


_LISTED_REACH = 12  # words back from a pointer ("ومن بينها") to the plural it points at


def works_listed(toks: Sequence[Tok], k: int) -> bool:
    """ "ومؤلف عدد من الكتب، ومن بينها: «...»"، "أفلاما سعودية منها: «...»": ``toks[k]``, before a colon, points
    back (``list_pointers.txt``) at a plural of works in its sentence, so what the marks after it hold is a title."""
    if strip_proclitic(toks[k][2]) not in load_set("list_pointers"):
        return False
    works = _works()
    for j in range(k - 1, max(-1, k - _LISTED_REACH - 1), -1):
        word = toks[j][2]
        if word in PUNCT_STOP and word not in ("،", ","):
            return False
        bare = strip_article(strip_proclitic(word))
        if bare in works or (bare.endswith("ا") and bare[:-1] in works):  # "أفلاما": the accusative's alif
            return True
    return False


@cache
def _works() -> frozenset[str]:
    """The nouns of works, singular and plural (``work_nouns.txt``, ``work_plurals.txt``)."""
    return load_set("work_plurals") | load_set("work_nouns")


def verb_at(toks: Sequence[Tok], k: int) -> Cue | None:
    """The cue verb ``toks[k]`` is, unless a preposition before it makes it a verbal noun ("عبر كشف طرق ...")."""
    cue = cue_of(toks[k][2])
    if cue is None or (k > 0 and toks[k - 1][2] in load_set("noun_prepositions")):
        return None
    if k > 0 and toks[k - 1][2] in _bare_complementizers() and not subjunctive(toks, k):
        return None  # "قال إن توعد خامنئي بتحدي السياسات «مزعج»": a noun follows إن/أن, never a verb
    return cue


def subjunctive(toks: Sequence[Tok], k: int) -> bool:
    """ "قبل أن يستدرك"، "بعد أن تضيف": an imperfect verb of going on (role add) after أن behind a subordinator
    reports; "قبل أن تقول إن" is as often a hypothesis, and stays none."""
    if k < 2 or strip_proclitic(toks[k - 2][2]) not in load_set("subordinators") or toks[k][2][:1] not in "يت":
        return False
    cue = cue_of(toks[k][2])
    return cue is not None and cue.role == "add"


@cache
def _openers() -> dict[str, tuple[tuple[str, ...], ...]]:
    """The phrases of ``clause_openers.txt`` (normal form, word by word), by their last word."""
    found: dict[str, list[tuple[str, ...]]] = {}
    for phrase in load_list("clause_openers"):
        words = tuple(normalize(phrase).split())
        found.setdefault(words[-1], []).append(words)
    return {last: tuple(phrases) for last, phrases in found.items()}


def after_opener(toks: Sequence[Tok], k: int) -> bool:
    """An adverbial phrase that opens its clause ends right before ``toks[k]`` ("من جهتها تقول"، "وفي الوقت نفسه
    تؤكد"): the verb there stands at the clause start."""
    return opener_before(toks, k) is not None


def opener_length(toks: Sequence[Tok]) -> int:
    """How many words of ``toks`` an adverbial phrase that opens the clause takes ("وعلى ذات السياق أشاد ..."،
    "من جهته قدم ..."): 0 when none opens it."""
    for k in range(1, min(len(toks), _OPENER_MOST + 1)):
        words = opener_before(toks, k)
        if words is not None and len(words) == k:
            return k
    return 0


_OPENER_MOST = 4  # the most words of an opening adverbial ("على صعيد آخر"، "في السياق ذاته")


def opener_before(toks: Sequence[Tok], k: int) -> tuple[str, ...] | None:
    """The words of the opening adverbial (:func:`after_opener`) that ends right before ``toks[k]``, or None."""
    if k == 0:
        return None
    last = toks[k - 1][2]
    bare = strip_proclitic(last)  # "وبدورها": the conjunction before a one-word adverbial
    phrases = _openers().get(last, ()) + (_openers().get(bare, ()) if bare != last else ())
    for words in phrases:
        s = k - len(words)
        if s < 0 or any(toks[s + n][2] != w for n, w in enumerate(words[1:], 1)):
            continue
        first = toks[s][2]
        if words[0] in (first, strip_proclitic(first)) and (s == 0 or not is_word(toks[s - 1])):
            return words
    return None


@cache
def _bare_complementizers() -> frozenset[str]:
    """إن and أن without a pronoun (their normal form ان): the ones of ``complementizers.txt`` of two letters."""
    return frozenset(w for w in load_set("complementizers") if len(w) == 2)


@cache
def known_names() -> frozenset[str]:
    """Names of places and organisations the package knows without a KB (``known_names.tsv``), normalised."""
    return frozenset(normalize(n.text) for n in lexicon_known_names())


@cache
def _narrow() -> dict[str, tuple[frozenset[str], frozenset[str]]]:
    found: dict[str, tuple[frozenset[str], frozenset[str]]] = {}
    for lemma, *rest in load_table("narrow_cues"):
        before, ending = (*rest, "", "")[:2]
        found[normalize(lemma)] = (
            frozenset(normalize(w) for w in before.split()),
            frozenset(normalize(w) for w in ending.split()),
        )
    return found


@cache
def _relay_prepositions() -> dict[str, str]:
    return {normalize(lemma): normalize(prep) for lemma, prep, *_ in load_table("relay_verbs")}


def relayed_from(cue: Cue, toks: Sequence[Tok]) -> int | None:
    """Where the source of a report the cue relays begins in the phrase after it (``relay_verbs.tsv``: "الصحيفة عن
    مصادر مطلعة" after نقل, at مصادر), or None when its preposition names no source."""
    prep = _relay_prepositions().get(normalize(cue.lemma))
    if prep is None:
        return None  # a relay verb with no row in relay_verbs.tsv names no source
    for j, t in enumerate(toks[: _RELAYER_WORDS + 1]):
        if t[2] == prep:
            return j + 1 if j + 1 < len(toks) and toks[j + 1][2] not in load_set("relay_idioms") else None
        comma_before_an = t[2] in "،," and j + 1 < len(toks) and toks[j + 1][2] == prep  # "صحيفة «الخبر»، عن"
        if (t[2] in "،,.؛;:" and not comma_before_an) or t[2] in load_set("noun_prepositions"):
            # "نقل غير صحيح، فما ..."، "علمت إدارة الفندق بقدومه قبل 12 ساعة من وصوله": a noun and its clause, or
            # a time or place, not the name of who relays
            return None
    return None


_RELAYER_WORDS = 10  # the most tokens between the verb and عن ("صحيفة «وول ستريت جورنال» الأميركية")


def narrow_ok(cue: Cue, toks: Sequence[Tok], k: int, end: int) -> bool:
    """Whether a cue of ``narrow_cues.tsv`` (ذهب، خلص، تحدث) at ``toks[k]`` reports here: one of its words stands
    among the last two of the speaker phrase ``toks[k + 1 : end]``, or ends it. A relaying verb (نقل) reports only
    from a source after عن ("نقل المصابين إلى المستشفى" is no report). Any other cue: True."""
    if cue.role == "relay":
        return relayed_from(cue, toks[k + 1 : end]) is not None
    need = _narrow().get(normalize(cue.lemma))
    if need is None:
        return True
    before, ending = need
    if end < len(toks) and toks[end][2] in ending:
        return True
    return any(t[2] in before for t in toks[max(k + 1, end - 2) : end])


@cache
def _carriers() -> frozenset[str]:
    return load_set("statement_carriers")


def carrier_noun(word: str) -> str | None:
    """The statement noun ``word`` is (its readings, :func:`arnews.core.grammar.readings`, with the accusative ا
    read off too), or None.

    >>> carrier_noun("بيانا"), carrier_noun("برساله"), carrier_noun("والتصريحات"), carrier_noun("بيت")
    ('بيان', 'رساله', 'تصريحات', None)
    """
    for reading in readings(word):
        for form in (reading, _unaccused(reading)):
            if form in _carriers():
                return form
    return None


def _unaccused(word: str) -> str:
    """``word`` without the alef of an indefinite accusative ("بيانا"، "حضورا"); a word too short keeps it."""
    return word[:-1] if word.endswith("ا") and len(word) > 3 else word


_OWN_SUBJECT_WORDS = 3  # the words of a subject between a relative clause's cue and its إن/أن


def own_subject(toks: Sequence[Tok], i: int) -> bool:
    """Whether the cue at ``toks[i]``, in a relative clause, has a subject of its own before إن/أن ("مكان الاحتجاز
    الذي قالت المحطة إنه"، "الانخفاضات التي قالت الفاو بأنها"): the subject's words, not the antecedent's."""
    for k in range(i + 1, min(len(toks), i + 2 + _OWN_SUBJECT_WORDS)):
        word = toks[k][2]
        if word in load_set("complementizers"):
            return k > i + 1
        if not is_word(toks[k]) or is_stop(word) or word in load_set("noun_prepositions"):
            return False
    return False


_LEADS_INTO = ("الي", "علي", ":", "،", ",")  # what a participle of saying leads into, besides إن/أن


def adjectival(toks: Sequence[Tok], k: int) -> bool:
    """Whether the participle at ``toks[k]`` is an adjective, no report: right after an indefinite everyday noun or
    كان ("عدوى مؤكدة فتاكة"، "نتائج مؤكدة حيال"، "حضورا لافتا في"، "كان لافتا بصورة أكبر"), with no إن/أن, إلى,
    على or colon after it, which a participle of saying leads into ("في تصريح صحفي مؤكدا أن")."""
    nxt = toks[k + 1][2] if k + 1 < len(toks) else ""
    if k == 0 or not is_word(toks[k - 1]) or nxt in _LEADS_INTO or nxt in load_set("complementizers"):
        return False
    prev = toks[k - 1][2]
    if prev in load_set("auxiliary_verbs"):
        return True
    if has_article(prev) or time_word(prev) or given_name(prev) or prev.endswith(pronoun_suffixes()):
        return False
    cue = cue_of(toks[k][2])
    if cue is not None and cue.gender == "m" and prev.endswith("ه"):
        return False  # "في بلاده مؤكدا وحدة المصير": no agreement, so no adjective; the sentence's subject speaks
    return everyday(prev) or everyday(_unaccused(prev))  # "حضورا": the accusative's alef off


@cache
def _weekdays() -> frozenset[str]:
    return frozenset(normalize(row[0]) for row in load_table("weekdays"))


def time_word(word: str) -> bool:
    """A day of the week (with or without the article) or a name break: never the head of a speaker."""
    return word in _weekdays() or strip_article(word) in _weekdays() or word in name_breaks()


def time_lead(toks: Sequence[Tok]) -> int:
    """How many words of time open a phrase after a verb ("وأعلنت أمس الشرطة الكينية"، "وقال صباح أمس الوزير"،
    "وأكد الثلاثاء وزير الخارجية"): a run that ends with a day; not a name opened by a word of time ("صباح الأحمد")."""
    k = 0
    while k < min(len(toks), 3) and is_word(toks[k]) and time_word(toks[k][2]):
        k += 1
    while k and (w := toks[k - 1][2]) not in load_set("day_words") and not {w, strip_article(w)} & _weekdays():
        k -= 1
    if 0 < k < len(toks) and toks[k - 1][2] == "امس" and toks[k][2] == "الاول":
        k += 1  # "أمس الأول": the day before yesterday
    return k


def topic_opened(norm: str, start: int, pos: int) -> bool:
    """The sentence from normal-form offset ``start`` to the verb at ``pos`` opens with a preposition of its topic
    ("وعن جديده الذي يحضره مع الفنان مساري أجاب:"): the words before the verb are no subject of it."""
    words = norm[start:pos].split(maxsplit=1)
    return bool(words) and in_lexicon(words[0], load_set("topic_prepositions"))


# the pronouns a preposition takes: those of possessive_suffixes.txt, and ك and هن, which that list leaves out as
# they end too many nouns where it strips a possessor (written out: the module is imported with arnews, before any
# lexicon is read)
_OBJECT_SUFFIXES = ("ه", "ها", "هم", "هما", "هن", "ك", "كم", "نا")

#: A pronoun spoken to or of, between a cue verb and its speaker ("وقال له الأمين"، "ويقول عنه الوزير").
PRONOUN_OBJECTS: frozenset[str] = frozenset(p + s for p in ("ل", "عن") for s in _OBJECT_SUFFIXES) | {"لي", "عني"}


def pronoun_object(view: TextView, tok: Token) -> bool:
    """``tok`` is a preposition with a pronoun that a verb reaches before its subject: "له"، "إليه"، "عليها"، "معه",
    and "إليّ" (to me), which the normal form writes as "إلى" (told apart by the shadda as written)."""
    word = tok.text
    if word == "الي":
        rs, re_ = view.raw_span(tok.start, tok.end)
        return view.raw[rs:re_].endswith(SHADDA)
    return preposition_pronoun(word)


def preposition_pronoun(word: str, *, by: bool = False, every: bool = False) -> bool:
    """A preposition with a pronoun of the third person or the second (normal form): "له"، "عنه"، "إليه"، "عليها"،
    "معه"; ``by``: "به"، "بها" too, which only a verb that takes ب has ("ما جاء به الوزير"); ``every``: those of من
    and في as well, and "مني"، "بي"، "معي" ("يطلب مني": what follows a verb, never a name)."""
    heads = ("الي", "علي", "مع", *(("ب",) if by or every else ()), *(("من", "في") if every else ()))
    if every and word in _FIRST_PERSON_OBJECTS:
        return True
    return word in PRONOUN_OBJECTS or any(
        word != p and word.startswith(p) and word[len(p) :] in _OBJECT_SUFFIXES for p in heads
    )


# the first person after من، ب، مع (normal form); not "علي" or "الي", which are also the name علي and إلى
_FIRST_PERSON_OBJECTS = frozenset({"مني", "بي", "معي"})

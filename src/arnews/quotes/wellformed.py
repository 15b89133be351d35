"""Whether a speaker phrase is a well-formed noun phrase (:func:`speaker_problem`): the one check of speakers that
the attribution applies, that donations apply to their receivers, and that ``benchmarks/quotes_corpus.py`` counts.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from functools import cache

from arnews.core import cue_verbs, grammar, names, titles
from arnews.core.lexicons import ListName, load_set, load_table
from arnews.core.text import SHADDA, normalize
from arnews.quotes import cues

__all__ = ["honorific_of", "short_given_names", "speaker_problem"]


def _idiom_object(word: str) -> bool:
    objects, suffixes = load_set("idiom_objects"), (*names.possessive_suffixes(), "ي")
    return word in objects or any(word.endswith(s) and word[: -len(s)] in objects for s in suffixes)


#: Lexicons whose words never open a speaker: particles, prepositions, complementizers, reports with no subject,
#: the adverbs of time and manner and first-person verbs that end a name ("آنذاك"، "أعتقد"), and relative and
#: interrogative words ("كيف يمكن"، "الذي").
_NOT_OPENING: tuple[ListName, ...] = (
    "speech_stopwords",
    "noun_prepositions",
    "complementizers",
    "verb_particles",
    "impersonal_reports",
    "name_breaks",
    "relative_pronouns",
)


def _formula(words: list[str]) -> bool:
    """A time word, quantifier, verb or formula (``not_speakers.txt``) alone or before الله/وجل ("صلى الله"), also
    behind ب/ل ("بوجود" in "واعترف بوجود «...»": what is admitted, not who admits)."""
    first = words[0]
    alone = len(words) == 1 or words[1] in ("الله", "وجل")
    return alone and bool({first, first[1:] if first[0] in "بل" else first} & load_set("not_speakers"))


def short_given_names(full_names: Iterable[str]) -> frozenset[str]:
    """The two-letter words that open a person's full name (normal form): "عز" of "عز الدين ذو الفقار"، "مي" of "مي
    زيادة"، "جو" of "جو بايدن". Such a word is a name where the article writes it alone; never a link word ("بن"،
    "آل") nor a word that never opens a speaker ("لي" of "لي كوان يو" is "to me" after a verb of saying)."""
    found = set()
    for full in full_names:
        words = normalize(full).split()
        if len(words) >= 2 and len(words[0]) == 2 and words[0].isalpha():
            found.add(words[0])
    return frozenset(found - _never_short())


@cache
def _never_short() -> frozenset[str]:
    return frozenset().union(*(load_set(lexicon) for lexicon in _NOT_OPENING), grammar.name_links())


def speaker_problem(name: str, *, quoted: bool = False, short_names: Collection[str] = ()) -> str | None:
    """Why a speaker phrase is not a well-formed noun phrase, or None when it is one. A speaker is a name, a title
    phrase, an institution or an anonymous description; never a preposition, particle, verb or adverb, a bare clitic,
    a lone time word or quantifier, a formula ("بالقول"، "لـ"، "يكون"، "الأسبوع"، "صلى الله"), nor a name cut after a
    link word ("عاطي بن"), nor an indefinite accusative ("قديماً"; ``quoted``: the name stands in marks, as a body's
    name may: وكالة «معاً»). ``short_names``: the article's two-letter given names (:func:`short_given_names`),
    each a name when it stands alone."""
    raw_words = name.replace("ـ", " ").split()
    words = [normalize(w) for w in raw_words]
    if len(words) == 1 and words[0] in short_names:
        return None  # "فقال عز بهدوء": a short given name the article writes in full elsewhere
    if not words or sum(len(w) for w in words) < 3 or not any(len(w) > 2 for w in words):
        return "too short"
    if not any(ch.isalpha() for ch in name):
        return "a number"  # "ويقول 51.3 في المائة إن": a share of people, cut to its figure
    first, last = words[0], words[-1]
    pointing = first in load_set("demonstratives") or first in load_set("quantity_words")
    if len(words) > 1 and pointing and last not in grammar.name_links():
        return None  # "هذه المصادر"، "عدد من الشهود": an anaphoric or anonymous source (not "مجموعة بن": cut)
    full_title = titles.stop_title_length(words) > 0  # "ولي العهد": ولي is the title here, not و + لي
    for word in () if full_title or grammar.dutch_name(words) else {first, grammar.strip_proclitic(first)}:
        if word == "علي" and _ali(raw_words[0]):
            continue  # the name علي, not the preposition على (one normal form)
        for lexicon in _NOT_OPENING:
            if word in load_set(lexicon):
                return f"opens with a word of {lexicon}"
    ali = last == "علي" and _ali(raw_words[-1])  # the name علي, not على
    ends_in = load_set("noun_prepositions") | load_set("complementizers") | grammar.GLUED_PREPOSITIONS
    if len(words) > 1 and not ali and last in ends_in:
        return "ends with a preposition"  # "المدير العام للمنظمة في"، "علي لـ": the phrase runs on past the name
    if _formula(words):
        return "a time word, quantifier, verb or formula"
    if len(words) == 1 and _idiom_object(first):
        return "the object of its verb"  # "ولفت نظري أنه": what caught the eye, nobody's words
    if len(words) >= 2 and last == "الله" and words[-2].startswith("ال"):
        return "a subject and the object of its verb"  # "ودعت القيادة الله أن ...": the subject alone speaks
    common = load_set("common_words")
    lone_a = len(words) == 1 and len(first) > 3 and first.endswith("ا") and first in common
    if grammar.manner_adverb(first) or (lone_a and first not in load_set("anonymous_sources")):
        return "an adverb"  # "بدلا"، "رسميا": an indefinite accusative ("أحدهما" speaks); "بلهجة آمرة": how, not who
    if first.startswith(("وال", "فال")) and first[1:] in common and first not in load_set("kinship_nouns"):
        return "opens with a conjunction"  # "للإعلاميين والجهات الداعمة": the addressees go on
    if first[0] in names.CONJUNCTIONS and not grammar.given_name(first) and _second(raw_words[0][1:]):
        return "opens with a conjunction"  # "الممثل والمدير العام"، "وحكومته": a second title, noun or phrase
    if first.startswith(("بال", "لل")) or _glued(first) or _told(first):
        return "opens with a preposition"
    if cue_verbs.cue_of(first) is not None:
        return "opens with a verb"
    if not quoted and any(_TANWEEN_A in w for w in raw_words):
        return "an indefinite accusative"  # "قديماً"، "تقدماً كبيراً"، "توكل نموذجاً": an adverb or an object, no name
    if len(words) == 1 and (alone := _lone_word_problem(raw_words[0], first)) is not None:
        return alone
    if any(grammar.strip_proclitic(w) in load_set("personal_pronouns") for w in words[1:]):
        return "a clause"  # "أشار نحوي وأنا أجلس": a pronoun subject, not a noun phrase
    if len(words) > 1 and first in load_set("imperfect_verbs") and cues.preposition_pronoun(words[1], every=True):
        return "a clause"  # "فصاح يطلب مني أن": a verb and its object, the subject left unsaid
    # "عاطي بن"، "أبي": a link word ends the name (a name written with آ, "آبي", is none)
    cut = len(words) > 1 and last in grammar.name_links()
    cut = cut or (len(words) == 1 and first in grammar.name_links() and not raw_words[0].startswith("آ"))
    return "a name cut after a link word" if cut else None


_TANWEEN_A = "\u064b"  # the tanween of the accusative (ـً), which no name carries


def _glued(first: str) -> bool:
    """ "بالإضافة"، "لوكالة الأنباء الألمانية" (the one spoken to): a preposition on a common word or a body's head
    ("لهيئة الهلال الأحمر": ب/ل on a body's head, even where the glued form is itself a common word), or on a word
    of quantity ("لأحد الأصدقاء"، "لبعض الصحف": whom it was told)."""
    common = load_set("common_words")
    return (
        first[0] in "بل"
        and len(first) >= 4
        and not grammar.given_name(first)
        and (
            (first not in common and first[1:] in common)
            or grammar.in_lexicon(first[1:], grammar.organisation_heads())
            or first[1:] in load_set("quantity_words")
        )
    )


def _ali(raw: str) -> bool:
    """Whether a word written علي is the name (with ي in the input, or marked with a shadda by the speaker grammar's
    tokens: "علي\u0651"), not the preposition على."""
    return raw.rstrip(SHADDA).endswith("ي")


def _second(raw: str) -> bool:
    """A word after و/ف that continues a coordination: a title, a preposition on the article or on an everyday noun
    ("وبتكلفة"), a possessed noun."""
    word = normalize(raw)
    return grammar.is_title(word) or word.startswith(("لل", "بال")) or _possessed(raw) or _glued(word)


def _lone_word_problem(raw: str, word: str) -> str | None:
    """What a one-word speaker (``raw`` as written, ``word`` its normal form) is instead of a speaker, or None."""
    if _honorific_pronoun(word):
        return "a pronoun"  # "وقال سموه": the person named before speaks
    if word in load_set("personal_pronouns"):
        return "a personal pronoun"  # "أنا"، "نحن": the one it stands for speaks, if anybody can tell
    own = word[:-2] if word.endswith("نا") else ""  # not ي: "فهمي", "شكري" are names
    if len(own) >= 3 and own in load_set("common_words"):
        return "a noun of ours"  # "وقال هدفنا هو ...": the speech begins, unmarked
    if _possessed(raw):
        return "a possessed noun"  # "عملها"، "مقاله": what somebody has, not who speaks
    if _everyday_in_i(word):
        return "an everyday word"  # "عسكري" of "متحدث عسكري"، "نفسي" of "سألت نفسي": an adjective or a noun, no name
    if grammar.circumstantial(word):
        return "an adverb"  # "معلقا"، "مشيرا": a participle of circumstance
    bare = word[1:] if word[:1] in names.CONJUNCTIONS else word
    if len(bare) >= 6 and bare.startswith(("يست", "تست")):
        return "a verb"  # "ويستأثر قطاع الاتصالات": an imperfect verb of the form استفعل, no name
    if word != bare and len(bare) >= 6 and bare.endswith("ه") and bare.startswith(("ت", "است", "ان")):
        return "a possessed noun"  # "وتعميمه"، "واستقطابه": a verbal noun of his, after و
    return None


def _everyday_in_i(word: str) -> bool:
    """A frequent word ending in ي without the article that names nobody: an adjective of relation ("عسكري"،
    "اقتصادي") or a noun ("نفسي"، "سعي"); not a given name, a title or an anonymous source ("دبلوماسي")."""
    return (
        word.endswith("ي")
        and not grammar.has_article(word)
        and word in load_set("common_words")
        and not grammar.given_name(word)
        and not grammar.is_title(word)
        and word not in load_set("anonymous_sources")
    )


def _honorific_pronoun(word: str) -> bool:
    """ "سموه"، "معاليه"، "سماحتها": an honorific with a pronoun suffix."""
    return honorific_of(word) is not None


def honorific_of(word: str) -> str | None:
    """The honorific (normal form) a word with a pronoun suffix is ("سموه" -> "سمو"، "معاليه" -> "معالي"), or None."""
    return next((stem for stem in _noun_stems(normalize(word)) if stem in load_set("honorifics")), None)


def _noun_stems(word: str) -> tuple[str, ...]:
    """The normal forms of a noun without a third-person suffix (:func:`arnews.core.names.pronoun_stems`), a final
    ت read as ة ("سماحته" -> "سماحه", "فكرتها" -> "فكره")."""
    return tuple(normalize(s[:-1] + "ة" if s.endswith("ت") else s) for s in names.pronoun_stems(word))


@cache
def _agencies() -> frozenset[str]:
    return frozenset(normalize(alias) for alias, *_ in load_table("agencies"))


def _told(word: str) -> bool:
    """ "لرويترز"، "لهادي": ل on an agency or a given name, the one spoken to ("لبنى" is a name of its own)."""
    rest = word[1:]
    return (
        word[0] == "ل"
        and len(rest) >= 3
        and not grammar.given_name(word)
        and (rest in _agencies() or grammar.given_name(rest))
    )


def _possessed(raw: str) -> bool:
    """ "عملها"، "فكرتها"، "مقاله": an everyday noun with a possessive suffix of the third person, read as written
    (in the normal form ة is ه too: "الشرطة" is no "الشرط" of his)."""
    word = normalize(raw)
    if raw.startswith("ال") or grammar.given_name(word) or word in load_set("anonymous_sources"):
        return False  # "إحداهما": one of the two, an anonymous speaker
    # "بعضهم"، "جميعهم": some or all of them (quantity_words.txt) is a speaker, an anonymous one
    common, quantities = load_set("common_words"), load_set("quantity_words")
    return any(stem in common and stem not in quantities for stem in _noun_stems(raw))


_NAME_TAIL = 2  # the most words a person's mention may add to a speaker phrase


def name_goes_on(rest: str) -> bool:
    """Whether the words ``rest`` after a speaker phrase are the rest of a person's name ("غونزاليس" of "السا
    غونزاليس"، "مودينا"، "السيف"): a word or two of letters; not an everyday word without the article ("أشهر"), a
    time word, a verb of saying ("فأشار"), a participle ("متحدثا"), whom it was said to ("للصحافيين"، "للصحيفة"),
    a formula after a name ("رحمه الله"), a title, a link word, or God's name last ("سألت سعاد الحربي الله أن ...";
    so "الجار الله" stays cut where the phrase ends before it)."""
    words = [normalize(w) for w in rest.split()]
    if not 0 < len(words) <= _NAME_TAIL or not all(len(w) > 1 and w.isalpha() for w in words):
        return False
    if words[-1] in load_set("god_names"):
        return False
    if words[-1] in grammar.name_links() or any(grammar.is_title(w) for w in words):
        return False  # "آل" of "آل الشيخ" cut again; "أمين" of "أمين عام الغرفة", a title in apposition
    common, formulas = load_set("common_words"), load_set("religious_formulas")
    for w in words:
        if (grammar.everyday(w) and not grammar.has_article(w)) or cues.time_word(w) or w in formulas:
            return False
        if titles.addressed(w) or _glued(w) or (w[0] in "لب" and (grammar.has_article(w[1:]) or w[1:] in common)):
            return False
        if cue_verbs.cue_of(w) is not None or cue_verbs.cue_of(grammar.strip_proclitic(w)) is not None:
            return False
        if w.endswith("ا") and (grammar.is_title(w[:-1]) or w[:-1] in common):
            return False  # "متحدثا"، "معلقا": a participle of manner after the name
    return True

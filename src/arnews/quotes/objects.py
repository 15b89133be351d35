"""What stands between a cue verb and its quote beside the speaker: the object of a verb of expressing or
describing ("أبدى المصدر اعتقاده بأن"، "ويصف المالكي البرنامج ممازحا:") and the one spoken to before a colon
("الذي قال لوكالة الصحافة الفرنسية:")."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from arnews.core import cue_verbs, grammar, titles
from arnews.core.grammar import Tok
from arnews.core.lexicons import load_set
from arnews.core.text import normalize
from arnews.quotes.cues import time_lead
from arnews.quotes.marks import addressee_complement, addressee_end

__all__ = ["SpokenTo", "leads_to_quote", "subject_words"]


class SpokenTo(Protocol):
    """Whether a word (normal form) glued to ل is the one spoken to (:meth:`arnews.quotes.reading.Reading.told`);
    ``alone``: nothing but punctuation or إن/أن follows it."""

    def __call__(self, word: str, *, alone: bool = False) -> bool: ...


def subject_words(toks: Sequence[Tok], cue: cue_verbs.Cue, spoken_to: SpokenTo | None = None) -> Sequence[Tok]:
    """The words after a cue that may name its speaker: after a time ("وأعلنت أمس الشرطة الكينية أن"), without a
    comma before them ("وقال، روبرتو أزيفيدو، المدير العام"; none after a comma and و: "وقال، والدموع في عينيه"), a
    stance noun that is the verb's object ("أبدى وزير الخارجية تفاؤله بأن") or a participle of manner after the
    speaker ("وتابع انريكي متحدثا"), and, after a verb that describes, what it describes; none when a verb that
    addresses people has them right after it ("ودعت المتقدمين إلى"). ``spoken_to``: whether a word glued to ل is the one
    spoken to (:meth:`arnews.quotes.reading.Reading.told`), which is passed over ("حيث قال لبرينان:")."""
    if spoken_to is not None:
        toks = _past_told(toks, spoken_to)
    if toks and _addressed(toks[0][2]) and normalize(cue.lemma) in load_set("addressing_verbs"):
        return ()
    describes = cue.role == "describe"
    lead = time_lead(toks)  # "وأعلنت أمس الشرطة الكينية أن": the time, then the subject (not a verb: "... استطاعت")
    if lead and lead < len(toks) and grammar.is_word(toks[lead]) and _subject_word(toks[lead][2]):
        toks = toks[lead:]
    if toks and toks[0][2] in ("،", ","):
        toks = toks[1:]
        first = toks[0][2] if toks else ""
        if first[:1] in ("و", "ف") and grammar.strip_proclitic(first) != first and not grammar.given_name(first):
            return ()  # "وقال، والدموع في عينيه:": a clause of circumstance after the comma, not the subject
    cut = next((k for k in range(1, len(toks)) if _participle(toks[k][2]) and not _linked(toks[k - 1][2])), len(toks))
    toks = toks[:cut]  # "وتابع انريكي متحدثا عن ميسي:": the speaker ends before the participle of manner
    told = next((k for k in range(1, len(toks)) if len(toks) - k <= _TOLD_AFTER and _told(toks[k][2])), len(toks))
    toks = toks[:told]  # "وقال الوزير لقناة محلية «...»": the one spoken to ends the phrase
    while len(toks) > 1 and _stance(toks[-1][2]):
        toks = toks[:-1]
    return _without_object(toks) if describes else toks


def _subject_word(word: str) -> bool:
    """A word that may open a subject after a time: with the article, a title, a given name, or no everyday word."""
    return grammar.has_article(word) or grammar.is_title(word) or grammar.given_name(word) or not grammar.everyday(word)


def _addressed(word: str) -> bool:
    """A definite sound masculine plural in the accusative ("المتقدمين"، "اللاعبين"), long enough not to be a
    name ("الحسين"، "الأمين")."""
    return word.startswith("ال") and word.endswith("ين") and len(word) >= 8 and not grammar.given_name(word)


def _without_object(toks: Sequence[Tok]) -> Sequence[Tok]:
    """The subject of a verb that describes something ("ووصف الوزير القرار بأنه"، "ويصف المالكي البرنامج
    ممازحا:"): the phrase without its adverbial last words (``ممازحا``: the accusative ending) and the definite
    object after the subject."""
    end = len(toks)
    while end > 1 and toks[end - 1][2].endswith("ا") and grammar.is_word(toks[end - 1]) and end > 2:
        end -= 1  # "ممازحا" (normal form of "ممازحاً")
    if end > 1 and grammar.has_article(toks[end - 1][2]) and grammar.is_word(toks[end - 2]):
        end -= 1
    return toks[:end]


_PARTICIPLE_LETTERS = 5
_TOLD_AFTER = 3  # the most words of the one spoken to after a speaker ("لقناة محلية"، "لصحيفة الرياض")


def _participle(word: str) -> bool:
    """An active participle in the accusative, an adverb of manner after the speaker ("متحدثا"، "موجزا"، "مبتسما":
    "وتابع انريكي متحدثا عن ميسي"); a given name that looks the same ("ماريا") is not one."""
    return (
        word.startswith("م")
        and word.endswith("ا")
        and len(word) >= _PARTICIPLE_LETTERS
        and word not in load_set("first_names")
        and word not in load_set("country_names")  # "رئيس وزراء مالطا جوزيف موسكات"
    )


def _linked(word: str) -> bool:
    """A word after which a name goes on, whatever its shape: a link of an Arabic name (بن، أبو) or a particle or
    initial of a foreign one ("ستيفان دي ميستورا": not the participle of manner its shape suggests)."""
    return word in grammar.name_links() or word in load_set("initial_letters")


def _stance(word: str) -> bool:
    """A noun of stance with a possessive pronoun ("اعتقاده"، "تفاؤلها", ``stance_nouns.txt``)."""
    for suffix in sorted(load_set("possessive_suffixes"), key=len, reverse=True):
        stem = word[: -len(suffix)]
        if word.endswith(suffix) and len(stem) >= 2:
            forms = (stem, stem[:-1] + "ه") if stem.endswith("ت") else (stem,)
            return any(form in load_set("stance_nouns") for form in forms)
    return False


def _past_told(toks: Sequence[Tok], told: SpokenTo) -> Sequence[Tok]:
    """The words after the one spoken to, glued to its ل, right after the cue ("حيث قال لبرينان:"، "وقال لمناصريه
    إنه"): the one spoken to never speaks. Its complement and adjectives go with it ("لوسائل إعلام محلية"، "لشبكات
    التلفزيون الايطالية"), up to a title; what follows speaks only where it opens with a title, a given name or a
    definite noun ("وقال لرويترز المتحدث باسم الوزارة"); else nothing after the cue names the speaker ("وقال لأستاذه
    بمهارة القط:"، "ليقول لهؤلاء اتركوا النظام")."""
    if not toks or not grammar.is_word(toks[0]):
        return toks
    alone = len(toks) == 1 or not grammar.is_word(toks[1]) or toks[1][2] in load_set("complementizers")
    if not told(toks[0][2], alone=alone):
        return toks
    k = addressee_complement(toks, 1)
    while k < min(len(toks), _ADDRESSEE_WORDS) and grammar.is_word(toks[k]) and grammar.has_article(toks[k][2]):
        if grammar.is_title(toks[k][2]) or grammar.is_stop(toks[k][2]):
            break
        k += 1
    rest = toks[k:]
    if rest and grammar.is_word(rest[0]):
        w = rest[0][2]
        if not (grammar.is_title(w) or grammar.given_name(w) or grammar.has_article(w)) or grammar.is_stop(w):
            return ()
    return rest


_ADDRESSEE_WORDS = 5  # "لوكالة الصحافة الفرنسية": the longest addressee read between a cue and its colon
_CIRCUMSTANCE_WORDS = 8  # "قبل أشهر قليلة من افتتاح الفيلم": the longest circumstance read before that colon


def leads_to_quote(toks: Sequence[Tok], a: int, hi: int) -> bool:
    """Tokens ``a`` to ``hi`` are only a colon, or the one spoken to and then a colon ("الذي قال لوكالة الصحافة
    الفرنسية: «...»", "الذي قال لـ«عكاظ»:"), with a circumstance of a few words before the colon ("الذي قال
    لـ«الشرق الأوسط» قبل أشهر قليلة من افتتاح الفيلم:"): no verb of saying, no إن/أن, no other quote there."""
    rest = [t for t in toks[a:hi] if t[2] != ":"]
    if not rest or (len(rest) == 1 and rest[0][2] in load_set("complementizers") and toks[hi - 1][2] == ":"):
        return True  # "الذي صرح بأن: «...»"
    told = addressee_end(toks[a:hi])
    if told >= len(rest):
        return True
    if toks[hi - 1][2] != ":":
        return False
    lead = rest[0][2]
    if lead.startswith("ل") and len(lead) > 3 and len(rest) <= _ADDRESSEE_WORDS and all(map(grammar.is_word, rest)):
        return True
    after = toks[a + told : hi - 1]
    return len(after) <= _CIRCUMSTANCE_WORDS and all(
        grammar.is_word(t) and t[2] not in load_set("complementizers") and cue_verbs.cue_of(t[2]) is None for t in after
    )


_TOLD_REACH = 8  # words from a verb of saying to the one it tells, before a quote with no colon


def told_before(toks: Sequence[Tok], open_tok: int) -> bool:
    """ "وقال الوزير لقناة محلية «...»": the words right before a quote are the one spoken to (a word with ل, two
    words after it at most) and a verb of saying opens the clause a few words before that: the quote is the words
    said, not a name after a common noun."""
    j = open_tok - 1
    while j >= max(0, open_tok - 3) and grammar.is_word(toks[j]) and not _told(toks[j][2]):
        j -= 1
    if j < max(0, open_tok - 3) or not _told(toks[j][2]):
        return False
    if j == open_tok - 1 and not titles.addressed(toks[j][2]):
        return False  # "لشبكة «إم إس إن بي سي»": the quote names the outlet the construct heads
    for c in range(j - 1, max(-1, j - _TOLD_REACH - 1), -1):
        if not grammar.is_word(toks[c]):
            return False
        cue = cue_verbs.cue_of(toks[c][2])
        if cue is not None:
            return cue.role in ("say", "add", "answer", "ask")
    return False


def _told(word: str) -> bool:
    """ "للصحفيين"، "لقناة"، "لصحيفة": ل on a noun of ``audience_nouns.txt``, with its article or in construct
    ("لقناة محلية"، "لوكالة رويترز"); "لحقوق" (المرصد السوري لحقوق الإنسان) is a body's name going on."""
    if len(word) < 4 or word[0] != "ل":
        return False
    return titles.addressed(word) or (word[1] != "ل" and "ال" + word[1:] in load_set("audience_nouns"))

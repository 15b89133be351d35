"""What follows a title in the one name grammar and belongs to it, not to the name after it: a nationality
("البرازيلي إيلتون ألميدا"), an adjective of relation ("متحدث عسكري"), a noun in construct and its complement ("وزير
حقوق الإنسان"، "الاتحاد الدولي لكرة القدم"), a portfolio and the country it is of ("وزير خارجية فرنسا"). The title
run (:func:`arnews.core.titles.title_run`) asks these of each word.
"""

from __future__ import annotations

from collections.abc import Sequence

from arnews.core.cue_verbs import cue_of
from arnews.core.grammar import (
    Tok,
    everyday,
    given_name,
    has_article,
    in_lexicon,
    is_stop,
    is_title,
    is_word,
    organisation_heads,
    place_heads,
)
from arnews.core.lexicons import load_set
from arnews.core.text import SHADDA

__all__ = [
    "chained_construct",
    "construct_after_l",
    "in_construct",
    "indefinite_adjective",
    "nationality",
    "portfolio",
    "relative_adjective",
]


def nationality(word: str) -> bool:
    """A nationality adjective with the article ("البرازيلي"، "الأرجنتينية"; ``nationalities.txt``, derived from the
    countries of the knowledge base), which before a name describes the person as a title does."""
    return word in load_set("nationalities")


def relative_adjective(word: str) -> bool:
    """An adjective of relation (nisba) without the article, in the normal form: "اقتصادي"، "عسكري"، "تنفيذي"،
    "سعودي", and their feminine ("امنيه"): a word ending in ي that is an everyday word or whose stem is one
    ("تنفيذ"، "نفط"، "سياسه"), a feminine in يه whose masculine or stem is one (not a noun such as "ولايه"), or a
    nationality without its article. Never a given name ("مجدي")."""
    if len(word) < 4 or has_article(word) or given_name(word) or in_lexicon(word, place_heads()):
        return False
    common = load_set("common_words")
    if word.endswith("يه"):
        stem = word[:-2]
        return word[:-1] in common or (len(stem) >= 3 and stem in common) or nationality("ال" + word)
    if not word.endswith("ي"):
        return False
    stem = word[:-1]
    return word in common or (len(stem) >= 3 and (stem in common or stem + "ه" in common)) or nationality("ال" + word)


def indefinite_adjective(toks: Sequence[Tok], i: int) -> bool:
    """``toks[i]`` is an adjective of relation agreeing with the title before it, both without the article ("متحدث
    عسكري في"، "محلل اقتصادي سعودي"، "مفوض تجاري علي الليثي"): an indefinite title has no name right after it. Only
    where no noun follows that it could be in construct with ("قائد مقاتلي عشائر"), nor a word with the article,
    which makes ``toks[i]`` a name before a family name ("مساعد غالي العنزي")."""
    prev = toks[i - 1][2]
    if has_article(prev) or not (is_title(prev) or relative_adjective(prev)) or not relative_adjective(toks[i][2]):
        return False  # "المتحدث باسم حماس فوزي برهوم": after the body spoken for, a name
    if i + 1 >= len(toks) or not is_word(toks[i + 1]):
        return True
    nxt = toks[i + 1][2]
    named = given_name(nxt.replace(SHADDA, ""))  # the normal form marks the name "عليّ" apart from "على"
    return not has_article(nxt) and (
        named or is_stop(nxt) or _preposition_on(nxt) or relative_adjective(nxt) or cue_of(nxt) is not None
    )


def _preposition_on(word: str) -> bool:
    """ل or ب on a definite word, a function word or a quantity ("للصحفيين"، "لإحدى"): not a name ("برهوم")."""
    rest = word[1:]
    return (
        word[0] in "لب" and len(rest) > 1 and (has_article(word) or is_stop(rest) or rest in load_set("quantity_words"))
    )


def in_construct(toks: Sequence[Tok], i: int) -> bool:
    """``toks[i]`` is a noun in construct with the title before it, its own complement after it: a word that is no
    given name after a title written without the article, before a word with the article, or before an everyday
    noun and then one (:func:`chained_construct`) ("وزير حقوق الإنسان"، "مدير إدارة المرور"; not "الوزير سالم
    الحربي", nor an honorific before a name, "معالي", nor a name before a family name in the nisba form, "مساعد
    غالي العنزي", nor a body's name, "مؤسسة جسر الملك فهد")."""
    prev, w = toks[i - 1][2], toks[i][2]
    if i + 1 >= len(toks) or not is_word(toks[i + 1]):
        return False
    nxt = toks[i + 1][2]
    return (
        is_title(prev)
        and not has_article(prev)
        and prev not in load_set("honorifics")
        and not in_lexicon(prev, organisation_heads())
        and not given_name(w)
        and not has_article(w)
        and (has_article(nxt) or chained_construct(toks, i + 1))
        and not nxt.endswith("ي")
        and not is_title(nxt)  # "مساعد غالي المتحدث الرسمي": a name, then the title in apposition
    )


def chained_construct(toks: Sequence[Tok], k: int) -> bool:
    """``toks[k]``, an everyday noun without the article after a noun in construct, goes on the construct to the
    definite word after it ("قائد قوة أمن الطرق"): the title's complement still, unless the noun before heads a
    body."""
    if k + 1 >= len(toks) or not is_word(toks[k]) or not is_word(toks[k + 1]):
        return False
    w, nxt = toks[k][2], toks[k + 1][2]
    if has_article(w) or given_name(w) or is_title(w) or not everyday(w):
        return False
    if in_lexicon(toks[k - 1][2], organisation_heads()):
        return False  # "عضو مجلس قيادة الثورة": a body's name, read as bodies are
    return has_article(nxt) and not is_title(nxt) and not nxt.endswith("ي")


def portfolio(toks: Sequence[Tok], i: int) -> bool:
    """``toks[i]`` is a portfolio (``title_portfolios.txt``) in construct with the title without the article before
    it, and a country's name without the article follows it ("وزير خارجية فرنسا لوران فابيوس"، "رئيس وزراء
    لوكسمبورغ"): not a given name, a title or a function word, which would begin the name."""
    prev, w = toks[i - 1][2], toks[i][2]
    if i + 1 >= len(toks) or not is_word(toks[i + 1]) or w not in load_set("title_portfolios"):
        return False
    nxt = toks[i + 1][2]
    if not is_title(prev) or has_article(prev) or has_article(nxt) or given_name(nxt) or is_title(nxt):
        return False
    return not is_stop(nxt)


def construct_after_l(toks: Sequence[Tok], i: int) -> bool:
    """``toks[i]`` is ل on an indefinite noun in construct with the definite word after it, the complement of a title
    and what qualifies it ("الاتحاد الدولي لكرة القدم"، "الرئيس العام لشؤون المسجد الحرام"), not a name ("لمحمد
    الحربي"، "لاكور بالكذب") nor those the speaker addresses ("لوسائل الإعلام"، "السفير لمحطة التلفزيون")."""
    w = toks[i][2]
    if i == 0 or not (w[0] == "ل" and len(w) > 3) or i + 1 >= len(toks) or not is_word(toks[i + 1]):
        return False  # a complement needs the noun it completes before it
    noun, nxt = w[1:], toks[i + 1][2]
    return (
        not is_title(toks[i - 1][2])  # "وقال السفير لمحطة التلفزيون": whom the title speaks to
        and not has_article(noun)
        and not noun.startswith("ل")
        and not given_name(noun)
        and not given_name(w)
        and "ال" + noun not in load_set("audience_nouns")
        and nxt.startswith("ال")
        and not is_title(nxt)
    )

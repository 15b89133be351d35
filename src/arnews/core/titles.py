"""Titles in the one name grammar: where a run of titles and what qualifies them ends before a person's name
("المتحدث الرسمي لوزارة الصحة الدكتور"، "وزير حقوق الإنسان"، "الممثل ومقدم التلفزيون"، "سمو ولي العهد"), a
nationality that describes the person as a title does ("البرازيلي إيلتون ألميدا"), those a speaker addresses
("للصحافيين"), and the name after the last title of a phrase ("عميد كلية ... الدكتور حامد الربيعي"). It reads
words with :mod:`arnews.core.grammar`; speaker phrases (:mod:`arnews.quotes`) call it.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from arnews.core.cue_verbs import cue_of
from arnews.core.grammar import (
    Tok,
    abbreviated_titles,
    article_after_clitic,
    common_noun,
    everyday,
    given_name,
    has_article,
    in_lexicon,
    is_stop,
    is_title,
    is_word,
    name_links,
    name_run,
    organisation_heads,
    place_heads,
    strip_proclitic,
    title_modifiers,
)
from arnews.core.lexicons import load_set
from arnews.core.lexicons import titles as title_rows
from arnews.core.names import CONJUNCTIONS, letter_names
from arnews.core.text import SHADDA

__all__ = [
    "addressed",
    "aide_phrase_end",
    "body_end",
    "construct_after_l",
    "construct_opens",
    "full_name",
    "later_titled_name",
    "nationality",
    "of_organisation",
    "relative_adjective",
    "stop_title_length",
    "title_run",
]


def nationality(word: str) -> bool:
    """A nationality adjective with the article ("البرازيلي"، "الأرجنتينية"; ``nationalities.txt``, derived from the
    countries of the knowledge base), which before a name describes the person as a title does."""
    return word in load_set("nationalities")


def addressed(word: str) -> bool:
    """ "للصحافيين"، "للحضور": ل on a noun of ``audience_nouns.txt``, those a speaker addresses, not a title's
    complement."""
    return word.startswith("لل") and "ال" + word[2:] in load_set("audience_nouns")


def of_organisation(w: str) -> bool:
    """ "لوزارة"، "بالهيئة": an organisation a title belongs to."""
    return w[0] in "لب" and len(w) > 3 and (in_lexicon(w[1:], organisation_heads()) or w[1:].startswith("ال"))


@cache
def _stop_titles() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Titles of two words or more whose first word is also a function word ("ولي العهد": ولي reads as و + لي),
    longest first, by that first word."""
    found: dict[str, list[tuple[str, ...]]] = {}
    for row in title_rows():
        if len(row.words) > 1 and is_stop(row.words[0]):
            found.setdefault(row.words[0], []).append(row.words)
    return {first: tuple(sorted(rows, key=len, reverse=True)) for first, rows in found.items()}


@cache
def _longest_stop_title() -> int:
    """The most words of such a title: how far :func:`title_run` reads ahead for one."""
    return max((len(row) for rows in _stop_titles().values() for row in rows), default=0)


def stop_title_length(words: Sequence[str]) -> int:
    """How many of ``words`` (normal form) a title written out in full covers when its first word is also a function
    word ("ولي ولي العهد"، "ولي العهد"); 0 when none does."""
    for row in _stop_titles().get(words[0], ()) if words else ():
        if tuple(words[: len(row)]) == row:
            return len(row)
    return 0


def _names_next(toks: Sequence[Tok], i: int) -> bool:
    """Whether ``toks[i]`` may open a name: a word, no function word, article or everyday noun."""
    if i >= len(toks) or not is_word(toks[i]):
        return False
    w = toks[i][2]
    return not (is_stop(w) or has_article(w) or everyday(w) or is_title(w) or cue_of(w) is not None)


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


def _indefinite_adjective(toks: Sequence[Tok], i: int) -> bool:
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


def _in_construct(toks: Sequence[Tok], i: int) -> bool:
    """``toks[i]`` is a noun in construct with the title before it, its own complement after it: a word that is no
    given name after a title written without the article, before a word with the article ("وزير حقوق الإنسان"،
    "مدير إدارة المرور"; not "الوزير سالم الحربي", nor an honorific before a name, "معالي", nor a name before a
    family name in the nisba form, "مساعد غالي العنزي", nor a body's name, "مؤسسة جسر الملك فهد")."""
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
        and has_article(nxt)
        and not nxt.endswith("ي")
        and not is_title(nxt)  # "مساعد غالي المتحدث الرسمي": a name, then the title in apposition
    )


def title_run(toks: Sequence[Tok], i: int) -> tuple[int, bool]:
    """Skip titles and what qualifies them ("المتحدث الرسمي لوزارة الصحة الدكتور"); return (end, saw_title)."""
    saw = False
    orgs = organisation_heads()
    mods = title_modifiers()
    while i < len(toks) and is_word(toks[i]):
        w = toks[i][2]
        full = stop_title_length([t[2] for t in toks[i : i + _longest_stop_title()]]) if is_stop(w) else 0
        if full:
            saw, i = True, i + full  # "سمو ولي العهد": a title whose first word is also a function word
            continue
        if is_stop(w) and not (saw and in_lexicon(w, mods)):  # "مدير عام": "عام" qualifies the title
            break
        if is_title(w) or (saw and w[0] in CONJUNCTIONS and is_title(w[1:])):
            saw = True  # "الممثل ومقدم التلفزيون": a title coordinated with the one before
        elif not saw and nationality(w) and _names_next(toks, i + 1):
            saw = True  # "كشف البرازيلي إيلتون ألميدا": the nationality describes the person named after it
        elif w in abbreviated_titles() and i + 1 < len(toks) and toks[i + 1][2] == ".":
            saw = True  # "د." and "م." with their dot: "قال م. خالد العلي"
            i += 1
        elif saw and _in_construct(toks, i):
            pass  # "وزير حقوق الإنسان": a noun in construct after a title without the article
        elif saw and _indefinite_adjective(toks, i):
            pass  # "متحدث عسكري"، "خبير اقتصادي"، "رئيس تنفيذي": the title's adjective, not a name
        elif saw and construct_after_l(toks, i):
            pass  # "رئيس الاتحاد الدولي لكرة القدم": ل on a noun in construct with the definite noun after it
        elif saw and in_lexicon(w, place_heads()) and not has_article(w) and i + 1 < len(toks) and is_word(toks[i + 1]):
            i += 1  # "حاكم ولاية تكساس": the place and its name ("لصحة المنطقة" names none)
            if is_stop(toks[i][2]):
                break
        elif not saw or not (in_lexicon(w, mods) or has_article(w) or in_lexicon(w, orgs) or of_organisation(w)):
            break
        elif given_name(w):
            break  # "الدكتور باسم عوض الله": a given name (read as ب + اسم too) begins the name
        elif addressed(w):
            break  # "وقال المحافظ للصحافيين": whom the speaker addresses
        i += 1
        if saw and i + 1 < len(toks) and toks[i][2] in load_set("title_prepositions") and is_word(toks[i + 1]):
            nxt = toks[i + 1][2]
            if in_lexicon(nxt, orgs) or (has_article(nxt) and not in_lexicon(nxt, place_heads())):
                i += 1
        if saw and i < len(toks) and toks[i][2] == "باسم" and any(_speaks_for(t[2]) for t in toks[max(0, i - 3) : i]):
            i = _spoken_for(toks, i + 1)  # "المتحدث (الرسمي) باسم ...": whom the spokesman speaks for
    return i, saw


@cache
def _spokesmen() -> frozenset[str]:
    """The titles "باسم" completes in ``titles.tsv`` ("المتحدث باسم"، "الناطقة باسم"), by their first word."""
    return frozenset(row.words[0] for row in title_rows() if len(row.words) == 2 and row.words[1] == "باسم")


def _speaks_for(word: str) -> bool:
    """Whether a title before "باسم" is a spokesman's ("المتحدث"، "وناطق"): "باسم" then names whom they speak for,
    not the given name it also is ("الدكتور باسم عوض الله")."""
    spokesmen = _spokesmen()
    bare = strip_proclitic(word)
    return any(w in spokesmen or "ال" + w in spokesmen for w in (word, bare))


@cache
def _title_pairs() -> frozenset[tuple[str, str]]:
    """The first two words of every title of two words or more ("نائب الرئيس"، "رئيس الوزراء")."""
    return frozenset((row.words[0], row.words[1]) for row in title_rows() if len(row.words) > 1)


def aide_phrase_end(toks: Sequence[Tok], end: int) -> int:
    """Where the phrase ``toks[:end]`` ends when it opens with an aide's title in construct with an office ("مستشار
    الرئيس الأمريكي باراك أوباما"، "نائب المستشارة الألمانية أنجيلا ميركل"; ``aide_titles.txt``,
    ``principal_titles.txt``), its adjectives and a name: the name is the office holder's, and the aide, unnamed, is
    meant; 0 for any other phrase. Not a title of its own ("نائب الرئيس جو بايدن"), nor with a title before the
    name, which is then the aide's own ("مساعد المدير العام للشؤون الهندسية المهندس صالح الرعوجي")."""
    if (
        end < 3
        or strip_proclitic(toks[0][2]) not in load_set("aide_titles")
        or toks[1][2] not in load_set("principal_titles")
    ):
        return 0
    if (strip_proclitic(toks[0][2]), toks[1][2]) in _title_pairs():
        return 0  # "نائب الرئيس": a title of two words
    k = 2
    while k < end and has_article(toks[k][2]) and not is_title(toks[k][2]):
        k += 1  # "الأمريكي"
    if k >= end or is_title(toks[k][2]) or everyday(toks[k][2]):
        return 0
    named = min(name_run(toks, k), end)
    return named if named > k else 0


def _spoken_for(toks: Sequence[Tok], i: int) -> int:
    """After a spokesman's "باسم" (``toks[i]`` the word after it), the body they speak for, whatever its head
    ("المتحدث باسم قيادة المقاومة علي الأحمدي"، "المتحدث باسم جبهة ردفان العند"، "متحدث باسم قصر باكنغهام إن"): an
    indefinite head and the indefinite nouns in construct after it, up to a word with the article, which the title run
    reads on, or to the last word before the clause goes on; never a given name, which begins the spokesman's name
    ("المتحدث باسم حماس فوزي برهوم"). Returns where the title run goes on."""
    if i < len(toks) and toks[i][2] in load_set("demonstratives"):
        i += 1  # "المتحدثة باسم هذه المنظمة الدولية ريم ندا"
    head = True
    while i < len(toks) and is_word(toks[i]) and not has_article(toks[i][2]):
        w = toks[i][2]
        if given_name(w) or is_stop(w) or (is_title(w) and not head):
            break
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        ends = nxt is None or not is_word(nxt) or is_stop(nxt[2])
        if not (head or ends or (nxt is not None and has_article(nxt[2]))):
            break  # "حماس فوزي": a name goes on after the body's own name
        i, head = i + 1, len(w) <= 2  # "باسم دي ميستورا": a particle and the name it opens
    return i


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


def body_before_title(toks: Sequence[Tok], named: int) -> bool:
    """Whether the phrase opens with a body's head noun whose complement, nouns and titles only, leads to the titled
    name at ``toks[named]`` ("إدارة الرئيس الأميركي"، "جامعة الملك"، "القوات الموالية لحكومة الرئيس اليمني"; not
    "اللجنة ألقاها رئيس لجنة الاحتفالات")."""
    head = toks[0][2]
    if not in_lexicon(head, organisation_heads()) or is_title(head):
        return False
    for _, _, w, *_ in toks[1:named]:
        bare = w[1:] if w[0] in "لب" and len(w) > 3 else w
        if not (has_article(w) or w in ("من", "عن") or is_title(bare) or common_noun(bare)):
            return False
    return True


def full_name(name: Sequence[Tok]) -> bool:
    """A name after the first title that keeps a later title for its description ("العقيد منصور بن أحمد الغامدي مدير
    جوازات المنطقة"، "الدكتور فهمي صبحة محلل أسواق المال"): opened by a given name, joined by بن, or with no
    everyday word in it (unlike the complement "عميد كلية خدمة المجتمع الدكتور حامد الربيعي" gives)."""
    return (
        name[0][2] in load_set("first_names")
        or any(t[2] in name_links() for t in name)
        or not any(everyday(t[2]) or (k > 0 and _coordinated_noun(t[2])) for k, t in enumerate(name))
    )


def _coordinated_noun(word: str) -> bool:
    """و/ف on an everyday noun of four letters or more inside a run ("طب وجراحة العيون"): nouns coordinated in a
    title's complement, not a name (a shorter stem is as often a name's own letters: "واحة"، "وليد")."""
    stem = strip_proclitic(word)
    return stem != word and len(stem) >= 4 and everyday(stem)


def body_end(toks: Sequence[Tok], end_all: int) -> int:
    """Where the name of a body that opens ``toks`` ends (before ``end_all``): its adjectives and definite
    complements ("وزارة الصحة"), its own name after its noun ("وكالة بلومبرج"، "شبكة بي بي سي"), and a complement
    in construct behind ل ("الاتحاد الدولي لكرة القدم"), a few words at most."""
    first = toks[0][2]
    head, letters = in_lexicon(first, organisation_heads()), letter_names()
    k, most = 1, 4
    while k < end_all and k < most and not is_stop(toks[k][2]):
        if construct_after_l(toks, k) and k + 1 < end_all:
            k, most = k + 2, 6  # "الاتحاد الدولي لكرة القدم": ل on a noun in construct, the body's complement
            continue
        if k > 1 and toks[k][2] in letters and toks[k - 1][2] in letters:
            k += 1  # "شبكة بي بي سي": a name spelled in Latin letters
            continue
        w = toks[k][2]
        if not (head or has_article(first) or has_article(w)) and (in_lexicon(w, place_heads()) or _body_noun(w)):
            # "وزراء منطقة اليورو"، "بيانات إدارة شئون الجمارك": a place's or body's noun in construct, up to the
            # definite noun that closes the chain
            close = next((m for m in range(k + 1, min(end_all, k + 3)) if has_article(toks[m][2])), None)
            if close is not None and not any(is_stop(t[2]) or given_name(t[2]) for t in toks[k + 1 : close + 1]):
                k = close + 1
                continue
        # ل/ب open a complement ("للأنباء"، "بالمنطقة"), unless the word names the head before it ("وكالة بلومبرج")
        named = k == 1 and head and not has_article(first) and not has_article(toks[k][2])
        if (toks[k][2][0] in "لب" and not named) or not (has_article(toks[k][2]) or head):
            break
        k += 1
    if most > 4 and k >= most and k < end_all and toks[k - 1][2][0] in "وف" and not is_stop(toks[k][2]):
        k -= 1  # not the first word of a coordinated name the limit cuts ("... الهلال الأحمر والصليب")
    return k


def _body_noun(word: str) -> bool:
    """The noun of a body (an organisation's or institution's head: "إدارة"، "وزارة"، "هيئة")."""
    return in_lexicon(word, organisation_heads()) or in_lexicon(word, load_set("institution_heads"))


def construct_opens(toks: Sequence[Tok], end_all: int) -> bool:
    """An everyday noun (not a given name) opens ``toks`` before a definite noun, or before a place's or body's noun in
    construct ("وزراء منطقة اليورو"): the words are a construct, not a name."""
    return everyday(toks[0][2]) and (has_article(toks[1][2]) or body_end(toks, end_all) > 2)


def later_titled_name(toks: Sequence[Tok], start: int, stop: int, *, named: bool) -> tuple[int, int] | None:
    """ "عميد كلية خدمة المجتمع الدكتور حامد الربيعي": the name after the last title of the phrase."""
    found = None
    k = start
    while k < stop:
        w = toks[k][2]
        if w in abbreviated_titles() and k + 2 < len(toks) and toks[k + 1][2] == ".":
            n_end = name_run(toks, k + 2)  # "م. جديع بن نهار القحطاني": the dot a token of its own
            if n_end > k + 2:
                found = (k + 2, n_end)
                k = n_end
                continue
        # after a name, a title behind a conjunction ("عبدالله الكعبي والمحامي سعد") names a second speaker
        if is_title(w) and w[0] != "ل" and not (named and w[0] in CONJUNCTIONS and article_after_clitic(w)):
            t_end, _ = title_run(toks, k)
            n_end = name_run(toks, t_end)
            if n_end > t_end:
                found = (t_end, n_end)
                k = n_end
                continue
            k = max(t_end, k + 1)
        else:
            k += 1
    return found

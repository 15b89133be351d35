"""Titles in the one name grammar: where a run of titles and what qualifies them ends before a person's name
("المتحدث الرسمي لوزارة الصحة الدكتور"، "وزير حقوق الإنسان"، "الممثل ومقدم التلفزيون"، "سمو ولي العهد"), a
nationality that describes the person as a title does ("البرازيلي إيلتون ألميدا"), those a speaker addresses
("للصحافيين"), and the name after the last title of a phrase ("عميد كلية ... الدكتور حامد الربيعي"). It reads
words with :mod:`arnews.core.grammar` and asks :mod:`arnews.core.complements` what after a title still belongs to
it; speaker phrases (:mod:`arnews.quotes`) call it.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from arnews.core.complements import (
    chained_construct,
    construct_after_l,
    in_construct,
    indefinite_adjective,
    nationality,
    portfolio,
    relative_adjective,
)
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
        if saw and w == "ال" and i + 1 < len(toks) and toks[i + 1][2].isdigit():
            i += 2  # "وزراء خارجية الدول الـ28": the article on a number that counts the complement
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
        elif saw and portfolio(toks, i):
            # "وزير خارجية فرنسا"، "رئيس وزراء مالطا": the portfolio, then the country it is of ("وزير داخلية إقليم
            # بلوشستان": a place's head and its name, as after any title)
            i += 0 if in_lexicon(toks[i + 1][2], place_heads()) else 1
        elif saw and in_construct(toks, i):
            i += chained_construct(toks, i + 1)  # "وزير حقوق الإنسان"، "قائد قوة أمن الطرق": nouns in construct
        elif saw and indefinite_adjective(toks, i):
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

"""Speaker phrases of reported speech: who is named after (or before) a cue verb.

Package-private helper of :mod:`arnews.quotes`. Everything works on tokens of :attr:`TextView.norm`
(``(start, end, text)`` in normal-form offsets); callers map spans back to the input with ``raw_span``.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from attrs import frozen

from arnews.core.lexicons import load_set
from arnews.core.names import strip_article, strip_clitics
from arnews.document import EntityIndex
from arnews.models import Entity
from arnews.quotes.cues import (
    CLITIC_LETTERS,
    CONJUNCTIONS,
    PUNCT_STOP,
    Tok,
    anonymous_heads,
    cue_of,
    is_word,
    name_breaks,
    name_links,
    organisation_heads,
    place_heads,
    possessive_suffixes,
    pronoun_suffixes,
    strip_proclitic,
    title_modifiers,
    titles,
)


def _bare(word: str) -> str:
    """A word without its proclitics and article (for lexicon look-ups of nouns): the shortest reading."""
    return min(_readings(word), key=len)


@cache
def _readings(word: str) -> frozenset[str]:
    """A word as written, without its proclitics (:func:`arnews.core.names.strip_clitics`) and without the article."""
    out = set()
    for _, stem, _ in strip_clitics(word):
        out.add(stem)
        out.add(strip_article(stem))
    return frozenset(out)


def in_lexicon(word: str, lexicon: frozenset[str]) -> bool:
    return word in lexicon or not lexicon.isdisjoint(_readings(word))


@cache
def common_noun(word: str) -> bool:
    """An organisation head or a title, bare or with a possessive suffix (حملة، حملته): not a name. The word is
    read as written and without و/ف (a root و stays: وزارة)."""
    if in_lexicon(word, organisation_heads()) or in_lexicon(word, place_heads()):
        return True
    for w in {word, strip_proclitic(word)}:
        for suffix in possessive_suffixes():
            if w.endswith(suffix) and len(w) - len(suffix) >= 3:
                stem = w[: -len(suffix)]
                stem = stem[:-1] + "ه" if stem.endswith("ت") else stem
                if in_lexicon(stem, organisation_heads()) or _is_title(stem):
                    return True
    return False


def _is_title(word: str) -> bool:
    return in_lexicon(word, titles())


def _has_article(word: str) -> bool:
    """The article, alone or behind a conjunction or ل/ب (الوزير، والوزير، للوزير، بالوزارة)."""
    w = strip_proclitic(word) if word.startswith(("وال", "فال")) else word
    return w.startswith(("ال", "لل", "بال"))


def _article_after_clitic(word: str) -> str | None:
    """The stem with its article of a word whose article follows a proclitic (للصحفيين، بالأمس، كالمعتاد،
    والمحامي، وبالأمس), else None. The stem must keep two letters after the article."""
    for offset, stem, fused in strip_clitics(word)[1:]:
        if stem.startswith("ال") and len(stem) >= 4 and (fused or offset):
            return stem
    return None


def is_stop(word: str) -> bool:
    """Whether a word ends a name: a speech stopword or name break (also behind ب/ل/ك + article), or a cue."""
    return _is_stop(word)


def _is_stop(word: str) -> bool:
    stops = name_breaks()
    if word.startswith("أ"):
        word = "ا" + word[1:]
    if word in stops or strip_proclitic(word) in stops or cue_of(word) is not None:
        return True
    stem = _article_after_clitic(word)  # "بالأمس"، "لليوم"
    return stem is not None and (stem in stops or strip_article(stem) in stops)


@frozen
class Phrase:
    """What a speaker phrase names, in normal-form token spans (start, end offsets)."""

    name: tuple[int, int]
    anonymous: bool = False
    institution: bool = False
    titled: bool = False
    description: tuple[int, int] | None = None
    addressee: tuple[int, int] | None = None


def _ends_name(w: str, prev: str, run: int) -> bool:
    """Whether ``w``, the word after ``run`` words of a name, ends it (a title, a suffixed noun, a clitic)."""
    links = name_links()
    linked = prev in links
    if w in links:
        return False
    stem = _article_after_clitic(w)
    if stem is not None and w not in load_set("first_names"):
        # a preposition before the article ("جو بايدن للصحفيين"، "خالد العلي بالأمس"، "كالمعتاد") starts a
        # phrase; so does a conjunction ("عبدالله الكعبي والمحامي") after two words or before a common noun
        # (a second word such as "والش"، "والكر" is a transliterated surname)
        if strip_proclitic(w) != stem:
            return True
        return run >= 2 or common_noun(stem) or _is_title(stem)
    if _has_article(w):
        # "عبدالرحمن الزامل"، "محمد بن فيصل العتيبي": a family name with the article
        return not (w.endswith("ي") or linked or (run <= 2 and not common_noun(w) and not _is_title(w)))
    if (
        w[0] in CLITIC_LETTERS
        and not linked
        and (run >= 2 or common_noun(w[1:]) or _is_title(w[1:]) or w[1:].startswith("ال"))
    ):
        return True
    if common_noun(w) or _is_title(w) or w.endswith("يه"):
        return True
    if len(w) >= 5 and w.endswith(pronoun_suffixes()) and not linked:
        return True
    return run >= 3 and not linked and w not in links


def _name_run(toks: Sequence[Tok], i: int, limit: int = 5) -> int:
    """The end index of a person's name starting at ``toks[i]`` (== i when there is none)."""
    j = i
    while j < len(toks) and j - i < limit:
        w = toks[j][2]
        if not is_word(toks[j]) or _is_stop(w):
            break
        if w.isdigit():
            break
        if j == i:
            if len(w) < 2 or _has_article(w) or (w[0] in "لب" and w[1:].startswith("ال")) or w.startswith("لل"):
                break
            if w[0] in "لب" and (in_lexicon(w[1:], organisation_heads()) or _is_title(w[1:])):
                break
            if len(w) >= 5 and w.endswith(pronoun_suffixes()):
                break
            if common_noun(w):
                break
        elif _ends_name(w, toks[j - 1][2], j - i) or toks[j][0] - toks[j - 1][1] > 1:
            break
        j += 1
    return j


def _of_organisation(w: str) -> bool:
    """ "لوزارة"، "بالهيئة": an organisation a title belongs to."""
    return w[0] in "لب" and len(w) > 3 and (in_lexicon(w[1:], organisation_heads()) or w[1:].startswith("ال"))


def _title_run(toks: Sequence[Tok], i: int) -> tuple[int, bool]:
    """Skip titles and what qualifies them ("المتحدث الرسمي لوزارة الصحة الدكتور"); return (end, saw_title)."""
    saw = False
    orgs = organisation_heads()
    mods = title_modifiers()
    while i < len(toks) and is_word(toks[i]):
        w = toks[i][2]
        if _is_stop(w):
            break
        if _is_title(w):
            saw = True
        elif saw and in_lexicon(w, place_heads()) and i + 1 < len(toks) and is_word(toks[i + 1]):
            i += 1  # "حاكم ولاية تكساس": the place and its name
            if _is_stop(toks[i][2]):
                break
        elif not saw or not (in_lexicon(w, mods) or _has_article(w) or in_lexicon(w, orgs) or _of_organisation(w)):
            break
        i += 1
        if saw and i + 1 < len(toks) and toks[i][2] in load_set("title_prepositions") and is_word(toks[i + 1]):
            nxt = toks[i + 1][2]
            if in_lexicon(nxt, orgs) or (_has_article(nxt) and not in_lexicon(nxt, place_heads())):
                i += 1
    return i, saw


def _later_titled_name(toks: Sequence[Tok], start: int, stop: int, *, named: bool) -> tuple[int, int] | None:
    """ "عميد كلية خدمة المجتمع الدكتور حامد الربيعي": the name after the last title of the phrase."""
    found = None
    k = start
    while k < stop:
        w = toks[k][2]
        # after a name, a title behind a conjunction ("عبدالله الكعبي والمحامي سعد") names a second speaker
        if _is_title(w) and w[0] != "ل" and not (named and w[0] in CONJUNCTIONS and _article_after_clitic(w)):
            t_end, _ = _title_run(toks, k)
            n_end = _name_run(toks, t_end)
            if n_end > t_end:
                found = (t_end, n_end)
                k = n_end
                continue
            k = max(t_end, k + 1)
        else:
            k += 1
    return found


def parse_phrase(toks: Sequence[Tok]) -> Phrase | None:
    """The speaker a phrase after a cue verb names, or None when it names nobody (an implicit subject)."""
    if not toks or not is_word(toks[0]):
        return None
    anon = anonymous_heads()
    end_all = len(toks)
    for k, tok in enumerate(toks):
        if tok[2] in PUNCT_STOP or not is_word(tok):
            end_all = k
            break
    if end_all == 0:
        return None
    # an anonymous source: "مصدر مطلع"، "أحد المانحين"، "ذلك الشخص"، "أربعة أشخاص"، "مسؤولو الحملة"
    quantities = load_set("quantity_words")
    for k in range(min(2, end_all)):
        w = toks[k][2]
        if k == 1 and not (toks[0][2].isdigit() or in_lexicon(toks[0][2], quantities)):
            break
        if not in_lexicon(w, anon):
            continue
        if _is_title(w):
            t_end, _ = _title_run(toks, k)
            if _name_run(toks, t_end) > t_end:
                break
        head_end = k + 1
        if head_end < end_all and not _is_stop(toks[head_end][2]):
            nxt = toks[head_end][2]
            if _bare(w) in quantities or (not _has_article(w) and _has_article(nxt)):
                head_end += 1
        desc_end = min(end_all, 15)
        return Phrase(
            (toks[0][0], toks[head_end - 1][1]), anonymous=True, description=(toks[0][0], toks[desc_end - 1][1])
        )
    i, saw = _title_run(toks, 0)
    j = _name_run(toks, i)
    later = _later_titled_name(toks, max(j, i + 1), end_all, named=j > i)
    if later is not None:
        i, j = later
    if j > i:
        addressee = _addressee(toks, j)
        return Phrase((toks[i][0], toks[j - 1][1]), addressee=addressee)
    if saw and end_all + 1 < len(toks) and toks[end_all][2] in "،,":
        # "حاكم ولاية تكساس، غريغ أبوت": the name in apposition
        k = _name_run(toks, end_all + 1)
        if k > end_all + 1 and (k == len(toks) or not is_word(toks[k])):
            return Phrase((toks[end_all + 1][0], toks[k - 1][1]))
    if saw:  # a title with no name after it: the title is the speaker ("المتحدث الرسمي")
        return Phrase((toks[0][0], toks[max(i, 1) - 1][1]), institution=True, titled=True)
    first = toks[0][2]
    if _is_stop(first):
        return None
    # an institution: "وزارة الخارجية"، "حملة هاريس"، "البيان"، "المجموعة"
    k = 1
    while k < end_all and k < 4 and not _is_stop(toks[k][2]) and toks[k][2][0] not in "لب":
        if not (_has_article(toks[k][2]) or in_lexicon(first, organisation_heads())):
            break
        k += 1
    return Phrase((toks[0][0], toks[k - 1][1]), institution=True)


def subject_phrase(toks: Sequence[Tok]) -> Phrase | None:
    """The speaker named before its cue verb ("وزير الصحة قال إن"، "الوزير أكد أن"، "وكان مصدر مطلع قد ذكر أن"):
    ``toks`` are the words from the clause start to the verb. They must be a title phrase, an anonymous source,
    an organisation, or a name opened by a known first name, and end right before the verb."""
    toks = list(toks)
    if not toks or not all(is_word(t) for t in toks):
        return None
    s, e, first = toks[0]
    rest = strip_proclitic(first)
    if rest != first and (rest.startswith("ال") or _is_title(rest) or rest in load_set("first_names")):
        toks[0] = (s + len(first) - len(rest), e, rest)  # "والوزير أكد": the speaker without و
        first = rest
    phrase = parse_phrase(toks)
    if phrase is None:
        return None
    if phrase.anonymous:
        return phrase
    if phrase.name[1] != toks[-1][1]:
        return None
    if _is_title(first) or in_lexicon(first, organisation_heads()) or first in load_set("first_names"):
        return phrase
    return None


def _addressee(toks: Sequence[Tok], j: int) -> tuple[int, int] | None:
    """The person spoken to: "قال ويلكر للنائب أوكاسيو كورتيز"."""
    if j >= len(toks) or not is_word(toks[j]):
        return None
    w = toks[j][2]
    if not w.startswith("ل") or len(w) < 3:
        return None
    rest = w[2:] if w.startswith("لل") else w[1:]
    if not (_is_title(rest) or _is_title("ال" + rest)):
        return None
    i, _ = _title_run(toks, j + 1)
    k = _name_run(toks, i, limit=3)
    return (toks[i][0], toks[k - 1][1]) if k > i else None


def title_names(toks: Sequence[Tok]) -> list[tuple[int, int]]:
    """Names introduced by a title anywhere in a token list ("نائبة الرئيس كامالا هاريس")."""
    found: list[tuple[int, int]] = []
    i = 0
    while i < len(toks):
        if is_word(toks[i]) and _is_title(toks[i][2]):
            end, _ = _title_run(toks, i)
            stop = _name_run(toks, end)
            if stop > end and len(toks[end][2]) > 1:
                found.append((toks[end][0], toks[stop - 1][1]))
                i = stop
                continue
            i = max(end, i + 1)
        else:
            i += 1
    return found


def entity_for(name: str, span: tuple[int, int] | None, index: EntityIndex) -> Entity | None:
    """The entity a speaker is: the one whose mention covers the speaker's span, else the one whose name or
    a mention is the speaker's name, full or by surname."""
    if not index.entities:
        return None
    if span is not None:
        found = index.covering(span)
        if found is not None:
            return found
    return index.named(name)

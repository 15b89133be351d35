"""The one name grammar of arnews: where a person's name starts, runs and ends, which words are titles and what
qualifies them, and which words end a name (verbs of saying, function words, common nouns, suffixed nouns).

Entity recognition (:mod:`arnews.linker`) and speaker phrases (:mod:`arnews.quotes`) both read names with it.
It works on tokens of the normal form, ``(start, end, text)``; the word lists are data files under
``data/lexicons/ar`` (``titles.tsv`` through :func:`arnews.core.lexicons.titles`, ``cue_verbs.tsv``, name links,
organisation and place heads, stopwords).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Final

from arnews.core.cue_verbs import cue_of
from arnews.core.lexicons import load_set
from arnews.core.lexicons import titles as title_rows
from arnews.core.memo import word_cache
from arnews.core.names import (
    CONJUNCTIONS,
    PROCLITICS,
    possessive_suffixes,
    pronoun_suffixes,
    strip_article,
    strip_clitics,
)
from arnews.core.tokens import Token

#: A token of the normal form (:class:`arnews.core.tokens.Token`): ``tok[0]``, ``tok[1]``, ``tok[2]`` are its
#: start, end and text.
Tok = Token


#: Every one-letter proclitic (و ف ب ل ك).
CLITIC_LETTERS = frozenset(p for p in PROCLITICS if len(p) == 1)

#: Prepositions written glued to the next word (ب ل ك), and ل fused with the article (لل): "لـ«عكاظ»".
GLUED_PREPOSITIONS: Final = (CLITIC_LETTERS - CONJUNCTIONS) | {"لل"}


def name_links() -> frozenset[str]:
    """Words inside a name that link its parts (بن، أبو، عبد ...)."""
    return load_set("name_links")


@cache
def title_words() -> frozenset[str]:
    """Words that open a title before a speaker's name: the first word of every row of ``titles.tsv`` (titles,
    roles and descriptions such as "المواطن"; three letters or more: not the abbreviations د. and م.). A row
    written without ال matches with it too ("وزير" covers "الوزير"), see :func:`in_lexicon`."""
    first_words = {t.words[0] for t in title_rows() if t.words}
    return frozenset(w for w in first_words if len(w.strip(".")) >= 3)


@cache
def description_words() -> frozenset[str]:
    """First words of the ``description`` rows of ``titles.tsv`` only ("المواطن", "الإعلامي"): they describe a
    speaker before a name, and as adjectives they also qualify a body ("المركز الإعلامي")."""
    rows = title_rows()
    other = {t.words[0] for t in rows if t.words and t.kind != "description"}
    return frozenset(t.words[0] for t in rows if t.words and t.kind == "description" and t.words[0] not in other)


@cache
def abbreviated_titles() -> frozenset[str]:
    """Titles written as one letter and a dot (the ``abbrev`` rows of ``titles.tsv``: د. and م.)."""
    return frozenset(t.words[0] for t in title_rows() if t.kind == "abbrev" and t.words)


def title_modifiers() -> frozenset[str]:
    return load_set("title_modifiers")


def organisation_heads() -> frozenset[str]:
    return load_set("organisation_heads")


def place_heads() -> frozenset[str]:
    return load_set("place_heads")


def stopwords() -> frozenset[str]:
    return load_set("speech_stopwords")


@cache
def name_breaks() -> frozenset[str]:
    """Words that end a name after a cue verb: the speech stopwords, the adverbs of ``name_breaks.txt`` and the forms
    of كان (``auxiliary_verbs.txt``)."""
    return stopwords() | load_set("name_breaks") | load_set("auxiliary_verbs")


def given_name(word: str) -> bool:
    return word in load_set("first_names")


def everyday(word: str) -> bool:
    """A frequent word of news (``common_words.txt``) that is not a given name: never a name of its own."""
    return word in load_set("common_words") and not given_name(word)


def is_word(tok: Tok) -> bool:
    return tok[2][0].isalnum() or tok[2][0] == "_"


def strip_proclitic(word: str) -> str:
    """``word`` without a leading conjunction و/ف."""
    return word[1:] if len(word) > 2 and word[0] in CONJUNCTIONS else word


def shortest_reading(word: str) -> str:
    """A word without its proclitics and article (for lexicon look-ups of nouns): the shortest reading."""
    return min(readings(word), key=len)


@word_cache(65536)
def readings(word: str) -> tuple[str, ...]:
    """A word as written, without its proclitics (:func:`arnews.core.names.strip_clitics`) and without the article,
    each once, in that order. (A tuple of strings: remembered across articles (:func:`~arnews.core.memo.word_cache`),
    it costs the garbage collector nothing, where a set would be walked in every full collection.)"""
    out: dict[str, None] = {}
    for _, stem, _ in strip_clitics(word):
        out[stem] = None
        out[strip_article(stem)] = None
    return tuple(out)


def in_lexicon(word: str, lexicon: frozenset[str]) -> bool:
    return word in lexicon or not lexicon.isdisjoint(readings(word))


@word_cache(65536)
def common_noun(word: str) -> bool:
    """An organisation head or a title, bare or with a possessive suffix (حملة، حملته): not a name. The word is
    read as written and without و/ف (a root و stays: وزارة). A noun of claims (مزاعم، أنباء) is none either."""
    if in_lexicon(word, organisation_heads()) or in_lexicon(word, place_heads()):
        return True
    if in_lexicon(word, load_set("claim_nouns")):
        return True
    for w in {word, strip_proclitic(word)}:
        for suffix in possessive_suffixes():
            if w.endswith(suffix) and len(w) - len(suffix) >= 3:
                stem = w[: -len(suffix)]
                stem = stem[:-1] + "ه" if stem.endswith("ت") else stem
                if in_lexicon(stem, organisation_heads()) or is_title(stem):
                    return True
    return False


@word_cache(65536)
def is_title(word: str) -> bool:
    return in_lexicon(word, title_words())


def has_article(word: str) -> bool:
    """The article, alone or behind a conjunction or ل/ب (الوزير، والوزير، للوزير، بالوزارة)."""
    w = strip_proclitic(word) if word.startswith(("وال", "فال")) else word
    return w.startswith(("ال", "لل", "بال"))


def article_after_clitic(word: str) -> str | None:
    """The stem with its article of a word whose article follows a proclitic (للصحفيين، بالأمس، كالمعتاد،
    والمحامي، وبالأمس), else None. The stem must keep two letters after the article."""
    for offset, stem, fused in strip_clitics(word)[1:]:
        if stem.startswith("ال") and len(stem) >= 4 and (fused or offset):
            return stem
    return None


def manner_adverb(word: str) -> bool:
    """Whether a word is an adverb of manner: ب and a noun of ``manner_nouns.txt`` with no article, a possessive
    suffix allowed ("بهدوء"، "بغيظ"، "بصوته"، "بلهجتها"), or بلا ("بلا حماس")."""
    w = strip_proclitic(word)
    if len(w) < 3 or w[0] != "ب":
        return False
    stem = w[1:]
    nouns = load_set("manner_nouns")
    if stem in nouns or stem == "لا":
        return True
    for suffix in possessive_suffixes():
        if stem.endswith(suffix) and len(stem) - len(suffix) >= 2:
            base = stem[: -len(suffix)]
            if base in nouns or (base.endswith("ت") and base[:-1] + "ه" in nouns):
                return True
    return False


@word_cache(65536)
def is_stop(word: str) -> bool:
    """Whether a word ends a name: a speech stopword or name break (also behind ب/ل/ك + article), a cue, or an
    adverb of manner ("فقال عز بهدوء")."""
    stops = name_breaks()
    if word.startswith("أ"):
        word = "ا" + word[1:]
    if word in stops or strip_proclitic(word) in stops or cue_of(word) is not None or manner_adverb(word):
        return True
    stem = article_after_clitic(word)  # "بالأمس"، "لليوم"
    return stem is not None and (stem in stops or strip_article(stem) in stops)


@word_cache(65536)
def ends_name(w: str, prev: str, run: int) -> bool:
    """Whether ``w``, after ``run`` parts of a name (a link word and the name after it are one part), ends it: a
    title, a suffixed noun, a clitic, a frequent word."""
    links = name_links()
    # a link ("عادل بن أحمد") or a Latin initial spelled out ("جورج دبليو بوش") makes one part with the word after it
    linked = prev in links or prev in load_set("initial_letters")
    if w in links:
        return False
    if w == "الله":
        # "عبد الله"، "نصر الله": the second word of a name; after a definite word ("وسألت الموظفة سعاد الحربي الله
        # أن يحفظ"), which no construct opens, the object of a verb of prayer
        return has_article(prev)
    if w in load_set("religious_formulas"):
        return True  # "أبو سعيد الخدري رضي الله عنه"، "الملك سلمان حفظه الله": a formula after the name
    family = has_article(w) and w.endswith("ي")  # a family name in the nisba form: "شذى المغربي"
    # a frequent word of news that is never a name ends one ("عبدالفتاح السيسي نقل"، "كيري الشهر"), except as the
    # second word, which is often a given name or a surname that is also a word ("خالد سعيد"، "جوتاكا إيدي")
    second = run == 1 and not has_article(w)
    if not (linked or family or second) and everyday(w):
        return True
    stem = article_after_clitic(w)
    if stem is not None and w not in load_set("first_names"):
        # a preposition before the article ("جو بايدن للصحفيين"، "خالد العلي بالأمس"، "كالمعتاد") starts a
        # phrase; so does a conjunction ("عبدالله الكعبي والمحامي") after two words or before a common noun
        # (a second word such as "والش"، "والكر" is a transliterated surname)
        if strip_proclitic(w) != stem:
            return True
        return run >= 2 or common_noun(stem) or is_title(stem)
    if has_article(w):
        if not linked and run >= 2 and len(w) >= 7 and w[2:].startswith(("مت", "مست")) and not w.endswith("ه"):
            # "فتحي المراغي المتخصص في": a participle of the derived verbs describes the name; a feminine one agrees
            # with a noun of the name ("الأمم المتحدة"، "الولايات المتحدة")
            return True
        # "عبدالرحمن الزامل"، "محمد بن فيصل العتيبي": a family name with the article
        return not (w.endswith("ي") or linked or (run <= 2 and not common_noun(w) and not is_title(w)))
    if (
        w[0] in CLITIC_LETTERS
        and not linked
        and (run >= 2 or common_noun(w[1:]) or is_title(w[1:]) or w[1:].startswith("ال"))
    ):
        return True
    if ((common_noun(w) or is_title(w)) and not linked) or (w.endswith("يه") and not linked):
        # a noun in -iyya ends a name, but not after أبو/بن/آل ("أبو هنية", "بن رقية"); nor does a word that is
        # also a title or a noun after the link ("خالد بن مساعد السهلي"، "عبدالله بن أمير")
        return True
    if len(w) >= 5 and w.endswith(pronoun_suffixes()) and not linked:
        return True
    if run >= 2 and not linked and circumstantial(w):
        return True  # "باراك أوباما مروجا لاتفاقه"
    return run >= 3 and not linked and w not in links


def circumstantial(w: str) -> bool:
    """Whether ``w`` has the form of a participle in the accusative of circumstance (مروجا، مشيرا، متسائلا،
    مستدركا: م, three to five letters, ا), which follows a name and is never part of it. A second letter ا
    (ماريا، مالطا) and the given names of the lexicon are names."""
    return (
        5 <= len(w) <= 7
        and w[0] == "م"
        and w[-1] == "ا"
        and w[1] != "ا"
        and w not in load_set("first_names")
        and not given_name(w)
    )


#: The most words a person's name runs to.
NAME_WORDS: Final = 5


def _preposition_phrase(toks: Sequence[Tok], j: int) -> bool:
    """``toks[j]``, after a name's first word, opens a prepositional phrase: ب or ل on an everyday word, with a word
    of the phrase after it ("بعدم استقدام"، "لوسائل الإعلام"; not "راجح بادي،" or "تيد بيكون إن", names that end
    the phrase)."""
    w = toks[j][2]
    if w[0] not in "لب" or len(w) < 4 or w[1:] not in load_set("common_words") or given_name(w):
        return False
    nxt = toks[j + 1] if j + 1 < len(toks) else None
    return nxt is not None and is_word(nxt) and nxt[2] not in load_set("complementizers")


_VAN = "فان"  # the Dutch "van" and the particle فإن share a normal form


def _van(toks: Sequence[Tok], i: int, j: int) -> bool:
    """Whether فان at ``toks[j]`` is the particle of a Dutch name, before a word that is no stopword, number, or word
    with the article: inside a name run ("لويس فان غال"), right after a verb of saying ("وقال فان بيرسي"), or
    opening a phrase as a name of two words or with دير/در ("فان غال:"، "فان دير سار"); not "كذلك فإن نتنياهو"،
    "وقال فإن الحكومة"، "الأرجح، فإن فيدال سيغادر"."""
    if j + 1 >= len(toks) or not is_word(toks[j + 1]) or toks[j + 1][0] - toks[j][1] > 1:
        return False
    nxt = toks[j + 1][2]
    if is_stop(nxt) or nxt.isdigit() or has_article(nxt) or len(nxt) < 2 or everyday(nxt) or given_name(nxt):
        return False  # "بدر السحيباني فإن شرطة"، "الحكم، فإن حسين": فإن before a noun or a new name
    if j > i or (i > 0 and is_word(toks[i - 1]) and cue_of(toks[i - 1][2]) is not None):
        return True
    # opening a phrase read on its own: a two-word name that ends the phrase ("فان غال:"), or van der/den
    return j + 2 >= len(toks) or not is_word(toks[j + 2]) or nxt in load_set("van_particles")


def dutch_name(words: Sequence[str]) -> bool:
    """Whether normal-form words opening with فان are a Dutch name that the grammar reads whole ("فان غال"، "فان
    دير سار"), not the particle فإن."""
    toks = [Tok(k, k, w) for k, w in enumerate(words)]
    return len(words) > 1 and words[0] == _VAN and name_run(toks, 0) == len(words)


def _initial_dot(toks: Sequence[Tok], j: int) -> bool:
    """Whether the dot at ``toks[j]`` closes a Latin initial spelled out in Arabic, glued to it, with a word
    after it."""
    return (
        toks[j][2] == "."
        and toks[j][0] == toks[j - 1][1]
        and toks[j - 1][2] in load_set("initial_letters")
        and j + 1 < len(toks)
        and is_word(toks[j + 1])
    )


def opens_predicate(toks: Sequence[Tok], j: int) -> bool:
    """Whether ``toks[j]``, after a name, is an imperfect verb that opens the name's predicate ("روحاني يتحرك نحو"،
    "كارولين تسيطر على"): a form of ``imperfect_verbs.txt`` with a word after it that is no title and no إن/أن (a
    surname that looks like a verb stands before punctuation or a title: "جانيت يلين، رئيسة")."""
    if toks[j][2] not in load_set("imperfect_verbs") or j + 1 >= len(toks) or not is_word(toks[j + 1]):
        return False
    after = toks[j + 1][2]
    return not (is_title(after) or after in load_set("complementizers"))


def name_run(toks: Sequence[Tok], i: int, limit: int = NAME_WORDS, *, first_known: bool = False) -> int:
    """The end index of a person's name starting at ``toks[i]`` (== i when there is none).

    ``first_known``: the caller has already read ``toks[i]`` as the first word of a name, with what it knows beyond
    the normal form (the letters as written, the knowledge base); the grammar then decides how far the name runs.

    >>> toks = [(0, 3, "قال"), (4, 8, "خالد"), (9, 14, "العلي"), (15, 22, "للصحفيين")]
    >>> name_run(toks, 1)
    3
    >>> words = "عادل بن احمد الجبير للصحفيين".split()
    >>> name_run([(k, k, w) for k, w in enumerate(words)], 0)
    4
    """
    j = i + 1 if first_known and i < len(toks) else i
    links = 0
    while j < len(toks) and j - i < limit:
        w = toks[j][2]
        if w == _VAN and _van(toks, i, j):
            links += 1  # "لويس فان غال"، "وقال فان دير سار": the Dutch particle, not فإن, and its name: one part
            j += 2
            continue
        if not is_word(toks[j]) or is_stop(w):
            break
        if w.isdigit():
            break
        if j > i and j + 2 < len(toks) and _initial_dot(toks, j + 1) and not is_stop(toks[j + 2][2]):
            links += 2  # "لورا إيه. كولانجيلو"، "جورج دبليو. بوش": a spelled-out initial and the name it stands in
            j += 3
            continue
        if j == i and w == "ال" and j + 1 < len(toks) and is_word(toks[j + 1]):
            links += 1  # "آل ثابت"، "آل الشيخ": a family name opened by آل (its normal form looks like an article)
            j += 1
            continue
        if j == i:
            if len(w) < 2 or has_article(w) or (w[0] in "لب" and w[1:].startswith("ال")) or w.startswith("لل"):
                break
            if w[0] in "لب" and not given_name(w) and (in_lexicon(w[1:], organisation_heads()) or is_title(w[1:])):
                break  # "لوزارة"، "بمدير": a preposition on a body or a title ("باسم" is a name)
            if w[0] == "ل" and i > 0 and toks[i - 1][2] in load_set("lam_governors"):
                break  # "القوات الموالية لهادي": the adjective's complement through ل, not a name
            if w[0] in "لب" and len(w) >= 4 and w[1:] in load_set("common_words") and not given_name(w):
                break  # "لمحطة"، "بمدينة"، "لدول": a preposition on an everyday noun ("باسم"، "لورا" are names)
            if len(w) >= 5 and w.endswith(pronoun_suffixes()):
                break
            if common_noun(w) and not given_name(w):
                break  # "نادية" and "باسم" read as نادي + ه and ب + اسم too, but are names
        elif (
            len(w) < 2
            or ends_name(w, toks[j - 1][2], j - i - links)
            or toks[j][0] - toks[j - 1][1] > 1
            or opens_predicate(toks, j)
        ):
            break  # "مظلوم لـ«الشرق الأوسط»": a lone letter is a preposition, and the name ends before it
        elif _preposition_phrase(toks, j) or _kin_after_link(toks, j):
            # "مكتب استقدام بعدم استقدام"، "كاتسيلي لوسائل الإعلام": a preposition's phrase ends the name; so does
            # a relative after it ("وسام اللحاف ابن شقيقة سائق السيارة": a nephew, not a part of the name)
            break
        links += toks[j][2] in name_links()  # "عادل بن أحمد": a link and its name are one part of the name
        j += 1
    return j


def _kin_after_link(toks: Sequence[Tok], j: int) -> bool:
    """``toks[j]`` is a link word ("ابن"، "بنت") whose next word is a relative ("شقيقة"، "عم"): "son of the sister of
    ...", an apposition."""
    if toks[j][2] not in name_links() or j + 1 >= len(toks):
        return False
    kin = toks[j + 1][2]
    return kin in load_set("kinship_nouns") or kin in load_set("kin_after_link")

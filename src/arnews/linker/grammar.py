"""The name grammar of the linker: titles before a name, where a person's name runs and ends, words that are verbs,
common nouns or possessed nouns rather than names.
"""

from __future__ import annotations

from collections.abc import Container
from functools import cache

from arnews.core import grammar
from arnews.core.lexicons import load_set, load_table
from arnews.core.memo import word_cache
from arnews.core.names import phonetic_word, strip_article, strip_clitics
from arnews.core.text import normalize
from arnews.kb import KbEntry
from arnews.linker.tokens import (
    ARABIC,
    MARKS,
    MAX_SKIP,
    Words,
    kb_memo,
    max_title,
    norm_words,
    not_names,
    org_head_words,
    stop_words,
    title_heads,
    title_table,
)


def match_title(doc: Words, i: int) -> int:
    """The index after the longest title phrase starting at token i (clitics و ف ب ل allowed), or i."""
    toks = doc.toks
    if not toks[i].word:
        return i
    heads = title_stems(toks[i].text)
    if not heads:
        return i  # most words begin no title
    titles, longest = title_table(), max_title()
    best = i
    for stem in heads:
        words = [stem]
        k = i
        while True:
            if tuple(words) in titles:
                best = max(best, k + 1)
            if len(words) >= longest or not doc.joined(k):
                break
            k += 1
            words.append(toks[k].text)
    return best


@word_cache(65536)
def title_stems(word: str) -> tuple[str, ...]:
    """The readings of a word (clitics و ف ب ل off) that begin a title phrase, asked of every word."""
    return tuple(stem for _off, stem, _fused in strip_clitics(word) if stem in title_heads())


def _verb_like(text: str) -> bool:
    """An imperfect verb ("يشكل", "تعقد") rather than a name word: only used for words after a name's first."""
    return len(text) >= 3 and (text[0] == "ي" or (text[0] == "ت" and text[1] not in "شيوا"))


def name_like(doc: Words, k: int, first: bool) -> bool:
    """Token k may be (the first) word of a person's name."""
    t = doc.toks[k]
    if not t.word or not ARABIC.match(t.text) or len(t.text) < 2:
        return False
    text = t.text
    if (
        text in stop_words()
        or text in load_set("nisba")
        or text in load_set("name_speech_verbs")
        or grammar.is_stop(text)
    ):
        return False
    if not first and doc.articled(k) and text not in title_heads() and family_before_break(doc, k):
        return True
    if grammar.everyday(text):
        return False  # a frequent word of news that is never a name ("زيادة", "تشكيل", "أمام")
    readings = [stem for off, stem, _f in strip_clitics(text) if off]
    for bare in readings:
        if bare in stop_words() or bare in title_heads() or bare in org_head_words() or bare in load_set("nisba"):
            return False
        if len(bare) >= 5 and bare.startswith("ال"):
            return False
    if text in title_heads() or text in org_head_words():
        return False
    if doc.articled(k):
        prev = doc.toks[k - 1].text if k > 0 else ""
        # after a first name, a family name in the nisba form ("جاسر العتيبي", "فهد القحطاني"); adjectives of
        # party, country or rank ("الديمقراطي", "الأمريكي") are in the nisba lexicon and stay out
        family = len(text) >= 5 and text.endswith("ي") and text not in load_set("nisba") and not doc.is_latin(k)
        return not first and (prev in grammar.name_links() or family)
    written = doc.raw(k)
    if any(mark in written for mark in "\u064b\u064c\u064d"):
        return False  # tanween: "نائبًا ثانيًا" are not names
    raw = MARKS.sub("", written)
    if not first:
        # after أبو/بن/آل a word in ة is a name's ("أبو هنية", "أبو عبيدة"); elsewhere a noun's ("الخبير حسن دراسة")
        after_link = doc.toks[k - 1].text in grammar.name_links()
        if (raw.endswith(("ة", "ها", "هم")) and not after_link) or _verb_like(text):
            return False
        if text[0] == "ل" and len(text) > 3 and text[1] not in "اوي":
            return False  # ل + a noun ("لدعم", "لنائبة"), not a surname
    elif raw.endswith(("ة", "ها", "هم")) and text not in load_set("first_names"):
        return False
    return True


def family_before_break(doc: Words, k: int, *, named: bool = False) -> bool:
    """Definite token k, after a given name (or a name the model read: ``named``) and before a colon or a reported
    clause ("أن", "إن", after a comma or not), is a family name whatever word it also is ("وأكد الشيخ جعفر
    الربح، أن", "فيصل الهلال:"); a date word is not ("قال محمد اليوم، إن")."""
    if k == 0 or doc.toks[k].text in _date_words() or doc.toks[k].text in title_heads():
        return False
    if not named and doc.toks[k - 1].text not in load_set("first_names"):
        return False
    if doc.toks[k].text in load_set("nisba") or doc.toks[k].text in stop_words():
        return False
    toks, clause = doc.toks, load_set("complementizers")
    after = k + 1
    if after < len(toks) and not toks[after].word and doc.raw(after) == ":":
        return True
    if after < len(toks) and not toks[after].word and doc.raw(after) in "،,":
        after += 1  # "جعفر الربح، أن": an object would be followed by more of the clause, not by أن
    return after < len(toks) and toks[after].word and toks[after].text in clause


@cache
def _date_words() -> frozenset[str]:
    """Words of time that may follow a name: "اليوم", "أمس", and the weekdays and months of :func:`not_names`."""
    return frozenset(normalize(w) for row in load_table("relative_dates") for w in row[0].split()) | not_names()


def common_word(doc: Words, k: int, person_words: set[str]) -> bool:
    """Token k, or its stem without proclitics, is a frequent word of news that is never a name (a frequency
    list, ``common_words.txt``), and neither a person met in the article nor a KB label."""
    common = load_set("common_words")
    readings = doc.bare(k)
    if not any(r in common for r in readings) or any(r in person_words for r in readings):
        return False
    return not any(c.how == "exact" for r in readings for c in doc.kb.lookup(r, normalized=True))


def verb_form(doc: Words, k: int) -> bool:
    """Token k has the shape of a verb and is no given name: a plural past ("أبحروا", "ووصلوا") or a plural
    future ("سيتداولون"); names like "ستيفن" or "ليندسي" keep theirs."""
    text = doc.toks[k].text
    if text in load_set("first_names") or not ARABIC.match(text) or len(text) < 4:
        return False
    bare = text[1:] if text[0] in "وف" and len(text) > 4 else text
    return bare.endswith("وا") or (bare.startswith(("سي", "ست")) and bare.endswith("ون") and len(bare) >= 6)


def said(text: str) -> bool:
    """A verb of saying, a function word or و/ف + an imperfect verb: never the first word of a name."""
    bare = text[1:] if text[:1] in ("و", "ف") and len(text) > 3 else text
    if bare in load_set("name_speech_verbs") or text in stop_words() or bare in stop_words():
        return True
    # "ويدعم هاريس": a conjunction and an imperfect verb (a bare "يانكو" may be a name; "فيصل" is one)
    given = load_set("first_names")
    return bare is not text and bare[0] == "ي" and bare not in given and text not in given


FAMOUS = 0.8  # the popularity prior from which a KB person is known by surname alone


def _known_person_word(doc: Words, text: str) -> bool:
    return len(phonetic_word(text)) >= 3 and kb_memo(doc.kb).surname_prior(text) >= FAMOUS


def name_run(doc: Words, k: int, places: Container[int] = ()) -> int:
    """The index after a person's name starting at token k, or k when there is none.

    The first word must be name-like (:func:`name_like`, which reads the letters as written); the one name grammar
    (:func:`arnews.core.grammar.name_run`) decides how far the name runs. What the KB knows ends it sooner: a
    famous surname as the first word ("الرئيس بايدن انسحابه"), or a place behind a glued preposition (a token in
    ``places``: "جمعية الملك عبدالعزيز ببريدة")."""
    if k >= len(doc.toks) or not name_like(doc, k, True):
        return k
    if _known_person_word(doc, doc.toks[k].text):
        return k + 1
    end = k + grammar.name_run(doc.toks[k : k + grammar.NAME_WORDS], 0, first_known=True)
    glued = grammar.GLUED_PREPOSITIONS
    return next((n for n in range(k + 1, end) if n in places and doc.toks[n].text[:1] in glued), end)


def skip_modifiers(doc: Words, k: int, loc_starts: dict[int, int]) -> int:
    """After a title: skip adjectives, definite complements, prepositions and places ("عن ولاية جورجيا")."""
    toks, skipped = doc.toks, 0
    nisba, preps = load_set("nisba"), ("في", "عن", "من", "ب", "ولايه", "بولايه", "مدينه")
    while k < len(toks) and skipped < MAX_SKIP and toks[k].word:
        if k in loc_starts:
            k = loc_starts[k]
            skipped += 1
            continue
        text = toks[k].text
        if text in stop_words():
            break
        bare = text[1:] if text[0] in "ول" and len(text) > 3 else text
        if text in nisba or text in preps or doc.articled(k) or bare in title_heads():
            k += 1
            skipped += 1
            continue
        if doc.is_latin(k):
            k += 1
            skipped += 1
            continue
        break
    return k


@cache
def sole_titles() -> frozenset[tuple[str, ...]]:
    """The keys (:func:`title_key`) of honorifics that name one person by themselves (``titles.tsv``, kind
    sole: "خادم الحرمين الشريفين")."""
    return frozenset(_title_words_key(list(words)) for words, kind in title_table().items() if kind == "sole")


def title_key(doc: Words, i: int, after: int) -> tuple[str, ...]:
    """A title phrase without proclitics, article or feminine ending: "الرئيسة" and "والرئيس" meet."""
    words = [next((stem for _o, stem, _f in strip_clitics(doc.toks[i].text) if stem in title_heads()), "")]
    return _title_words_key(words + [doc.toks[k].text for k in range(i + 1, after)])


def _title_words_key(words: list[str]) -> tuple[str, ...]:
    out = []
    for w in words:
        bare = w[2:] if w.startswith("ال") and len(w) > 3 else w
        out.append(bare[:-1] if bare.endswith("ه") and len(bare) > 2 else bare)
    return tuple(out)


@cache
def _title_keys() -> frozenset[tuple[str, ...]]:
    return frozenset(_title_words_key(list(t)) for t in title_table())


def described_titles(description: str | None) -> set[tuple[str, ...]]:
    """The title keys a KB description gives its person, longest first and without overlap ("نائبة رئيس الولايات
    المتحدة" -> نائب رئيس, not رئيس)."""
    words = _title_words_key(list(norm_words(description or "")))
    keys, out, j = _title_keys(), set(), 0
    while j < len(words):
        n = next((n for n in range(min(max_title(), len(words) - j), 0, -1) if words[j : j + n] in keys), 0)
        if n:
            out.add(words[j : j + n])
        j += max(n, 1)
    return out


def ner_breaks(doc: Words, k: int, person_words: set[str]) -> bool:
    """Token k (after a name's first word) cannot continue a person's name a model proposes: strong signs only,
    so that the model's extent stands otherwise ("فاطمة الزهراء", "سالم يوسف")."""
    t = doc.toks[k]
    if not t.word or t.text in stop_words() or t.text in load_set("name_speech_verbs") or t.text in load_set("nisba"):
        return True
    if any(mark in doc.raw(k) for mark in "\u064b\u064c\u064d"):
        return True  # tanween: "نائبًا ثانيًا"
    for off, stem, _fused in strip_clitics(t.text):
        if stem in title_heads() or stem in org_head_words() or stem in not_names():
            return True
        if off and stem in person_words and t.text not in person_words:
            return True  # "بايدن لهاريس": a person met apart, joined by a clitic
        if off and len(stem) >= 5 and stem.endswith(_PLURAL_POSSESSIVES) and t.text not in person_words:
            return True  # "أسعد بخدمتكم": a preposition and a pronoun on one word make no name's part
    return False


_PLURAL_POSSESSIVES = ("كم", "هم", "هما", "نا", "كن", "هن")


@cache
def _possessives() -> tuple[str, ...]:
    return tuple(sorted(load_set("possessive_suffixes"), key=len, reverse=True))


def possessed_noun(doc: Words, k: int) -> bool:
    """Token k is a title, an organisation head or a frequent news word with a possessive pronoun attached
    ("رئيسنا", "حملته", "وزارتها": the ta marbuta is written ت before the pronoun), or a frequent plural noun
    before its complement ("مسؤولو")."""
    heads, common = title_heads(), load_set("common_words")
    marbuta = MARKS.sub("", doc.raw(k)).endswith("ة")  # "سلامة" is a name: its ة is no pronoun ه
    for reading in doc.bare(k):
        for suffix in _possessives():
            stem = reading[: -len(suffix)]
            if not reading.endswith(suffix) or len(stem) < 3 or (marbuta and suffix == "ه"):
                continue
            for form in (stem, stem[:-1] + "ه" if stem.endswith("ت") else stem):
                if form in heads or form in org_head_words() or form in common or "ال" + form in heads:
                    return True
        # a sound plural before its complement ("مسؤولو الحملة", "ممثلو الشركات"): the noun's plural is common
        if reading.endswith("و") and len(reading) >= 5 and {reading + "ن", reading[:-1] + "ين"} & common:
            return True
    return False


def clitic_person(doc: Words, k: int, full_names: set[str]) -> bool:
    """Token k is a clitic and a word of a person met by full name ("ببايدن", "لهاريس")."""
    return any(off and stem in full_names for off, stem, _f in strip_clitics(doc.toks[k].text))


_NISBA_ENDINGS = ("يين", "يون", "يه", "ي")


def nisba_of(word: str, entry: KbEntry) -> bool:
    """``word`` (normal form, one word) is a relative adjective of the entity ("اسباني" of إسبانيا): it ends in
    ي/ية/يون/يين and none of the entity's Arabic labels ends so."""
    ending = next((e for e in _NISBA_ENDINGS if word.endswith(e) and len(word) > len(e) + 2), None)
    return ending is not None and not any(normalize(label).endswith(ending) for label in entry.ar)


def head_noun(word: str) -> bool:
    """A normalised word is a head noun of place or body names ("قرية", "المدينة", "وزارة"): alone, it names
    nothing, even where a gazetteer holds it as a name ("The Village" is "قرية")."""
    bare = strip_article(word)
    return bare in load_set("place_heads") or bare in org_head_words() or bare in load_set("institution_heads")


_TITLE_REACH = 4  # the words of a title that may stand right before a name


def person_by_context(doc: Words, first: int, last: int) -> bool:
    """A name of two or more Arabic words, no article, no head noun and no number, that a person's title stands
    right before ("الطبيبة (سارة لينتون)") or after ("تترأسها يكاتيرينا تروفيموفا نائب رئيس المصرف"), or a word
    that names a person ("مسؤولة تدعى نارونج سايونج"), stands right before: a person, whatever body or place a
    model took it for. (An aside after it, "وهي من ...", says nothing: a company is "هي" too.)"""
    toks = doc.toks
    named = first > 0 and grammar.strip_proclitic(toks[first - 1].text) in load_set("person_naming_words")
    if named and last > first and all(toks[k].text.isalpha() and not doc.is_latin(k) for k in range(first, last + 1)):
        return True  # "شابا يدعى كمال الدباغ": the name given to a person described, an article or not
    if last <= first or any(
        doc.articled(k) or head_noun(toks[k].text) or doc.is_latin(k) or not toks[k].text.isalpha()
        for k in range(first, last + 1)
    ):
        return False
    before = first - 1 if first > 0 and toks[first - 1].text == "(" else first
    if any(match_title(doc, k) == before for k in range(max(0, before - _TITLE_REACH), before)):
        return True
    after = last + 1
    while after < len(toks) and toks[after].text in (")", "،", ","):
        after += 1
    return after < len(toks) and match_title(doc, after) > after

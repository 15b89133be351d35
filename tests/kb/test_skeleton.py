"""The phonetic key's Arabic skeleton, made with one :meth:`str.translate`, reads every word as the letter-by-letter
definition does: a first vowel or hamza seat as w/y/a, تش as one ش, every other vowel, digit, mark or Latin letter
dropped, a final h dropped and doubled consonants once."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from arnews.core.names import _AR, _AR_VOWELS, _latin_skeleton, loose_word, phonetic_word
from arnews.core.text import normalize
from arnews.core.tokens import tokenize
from corpus_helpers import corpus_articles, corpus_text


def _letter_by_letter(word: str) -> str:
    """The definition, one letter at a time."""
    word = word.lower()
    out: list[str] = []
    if any("\u0600" <= ch <= "\u06ff" for ch in word):
        i = 0
        while i < len(word):
            ch = word[i]
            if ch == "ت" and word[i + 1 : i + 2] == "ش":
                out.append("S")
                i += 2
                continue
            if i == 0 and ch in _AR_VOWELS:
                out.append("w" if ch == "و" else "y" if ch == "ي" else "a")
            elif ch in _AR:
                out.append(_AR[ch])
            i += 1
    else:
        out.append(_latin_skeleton(word))
    raw = "".join(out)
    if raw.endswith("h") and len(raw) > 1:
        raw = raw[:-1]
    once: list[str] = []
    for ch in raw:
        if not once or once[-1] != ch:
            once.append(ch)
    return "".join(once)


# Arabic letters (Persian ones too), تش runs, hamza seats, the tatweel, digits, Latin letters, a Persian yeh and
# heh (beyond the skeleton's table) and a private-use character
_LETTERS = st.sampled_from([*"ابتثجحخدذرزسشصضطظعغفقكلمنهويىءئؤآأإةپگڤـ", "تش", "تتش", *"09azSH", "ی", "ۀ", "\ue000"])


@settings(max_examples=3000, deadline=None)
@given(st.lists(_LETTERS, max_size=12).map("".join))
def test_skeleton_equals_the_letter_by_letter_reading(word: str) -> None:
    phonetic_word.cache_clear()
    assert phonetic_word(word) == _letter_by_letter(word)


def test_transliterations_keep_their_skeletons() -> None:
    assert phonetic_word("أليجمان") == phonetic_word("أليكمان") == "alkmn"
    assert phonetic_word("تشرشل") == phonetic_word("churchill") == "SrSl"
    assert phonetic_word("التشريعات") == "alSrt"
    assert phonetic_word("كامالا") == phonetic_word("kamala")
    assert phonetic_word("مكة") == "mk" and phonetic_word("ه") == "h"


def test_skeleton_of_corpus_words() -> None:
    seen: set[str] = set()
    for article in corpus_articles(limit=150, every=53):
        seen.update(t.text for t in tokenize(normalize(corpus_text(article))) if t.word)
    assert len(seen) > 5000
    assert [w for w in seen if phonetic_word(w) != _letter_by_letter(w)] == []


@settings(max_examples=1000, deadline=None)
@given(st.lists(_LETTERS, min_size=1, max_size=12).map("".join))
def test_loose_word_drops_long_vowels_and_hamza_seats_after_the_first_letter(word: str) -> None:
    assert loose_word(word) == word[0] + "".join(ch for ch in word[1:] if ch not in "اويىءئؤ")

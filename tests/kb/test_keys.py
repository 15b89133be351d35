"""A name's keys made from its words' keys equal the keys of the whole name, and keyed look-ups equal look-ups by
text: the gazetteer keys each word of an article once and grows spans from those keys."""

from __future__ import annotations

import gc
from functools import cache

from hypothesis import given, settings
from hypothesis import strategies as st

from arnews.core.names import key, loose, phonetic, words
from arnews.core.text import normalize
from arnews.kb import default_kb
from arnews.kb.keys import PREFIX_WORDS, WordKeys, continues_key, name_keys, word_keys

# Arabic letters (with the article and clitics), Latin letters, digits and separators
_ALPHABET = st.sampled_from(list("ابتثجحخدذرسشصضطظعغفقكلمنهويةءأإآىئؤ") + list("abcdhkstz09") + [" ", "-", "."])
_NAMES = st.text(_ALPHABET, min_size=0, max_size=30).map(normalize)


@settings(max_examples=400, deadline=None)
@given(_NAMES)
def test_name_keys_equal_the_keys_of_the_whole_name(name: str) -> None:
    keyed = [word_keys(w) for w in words(name)]
    assert name_keys(keyed) == (
        key(name, normalized=True),
        loose(name, normalized=True),
        phonetic(name, normalized=True),
    )


@settings(max_examples=400, deadline=None)
@given(_NAMES)
def test_word_keys_equal_the_three_keys(text: str) -> None:
    # a token (one word) takes the short way; a token with punctuation inside ("1,500") is split as a name is
    word_keys.cache_clear()
    assert word_keys(text) == (
        key(text, normalized=True),
        loose(text, normalized=True),
        phonetic(text, normalized=True),
    )


def test_keyed_lookups_equal_lookups_by_text() -> None:
    kb = default_kb()
    for name in [
        "الولايات المتحدة",
        "وزارة الداخلية",
        "كامالا هاريس",
        "Kamala Harris",
        "الرياض",
        "فرجينيا",
        "زيادة عدد",
    ]:
        norm = normalize(name)
        keyed = [word_keys(w) for w in words(norm)]
        assert kb.lookup_keys(name_keys(keyed)) == kb.lookup(norm, normalized=True)
        assert kb.continues(keyed) == kb.could_continue(norm)
    assert kb.lookup(normalize("الرياض"), normalized=True), "a known place is found"


@cache
def _two_word_prefixes() -> list[tuple[str, ...]]:
    return sorted(p for p in default_kb()._prefixes if len(p) == 2)[::97]


def _continues_plainly(prefixes: frozenset[tuple[str, ...]], keyed: tuple[WordKeys, ...]) -> bool:
    head = keyed[:PREFIX_WORDS]
    return any(
        tuple(w[n] for w in head if w[n] or n < 2) in prefixes for n in range(3)
    )  # the phonetic keys without the words that have none


@settings(max_examples=400, deadline=None)
@given(st.lists(_NAMES, min_size=0, max_size=4), st.data())
def test_the_key_test_of_two_words_and_more_is_the_plain_one(texts: list[str], data: st.DataObject) -> None:
    prefixes = default_kb()._prefixes
    pair = data.draw(st.sampled_from(_two_word_prefixes()))  # most random pairs begin nothing: the KB's own too
    for keyed in (
        tuple(word_keys(t) for t in texts if t),
        tuple((k, k, k) for k in pair),
        tuple((k, k, "") for k in pair),
        ((pair[0], "", ""), (pair[1], pair[1], "")),
        (("", pair[0], pair[0]), ("x", pair[1], pair[1])),
    ):
        assert continues_key(prefixes, keyed) == _continues_plainly(prefixes, keyed), keyed


def test_kb_indexes_stay_out_of_the_collectors_way() -> None:
    kb = default_kb()
    gc.collect()
    # buckets are tuples of strings, which the cyclic collector stops tracking: a full collection in a long run
    # does not walk the whole KB's indexes again
    assert not any(gc.is_tracked(b) for b in list(kb._loose.values())[:1000])
    assert not any(gc.is_tracked(b) for b in list(kb._exact.values())[:1000])


@settings(max_examples=300, deadline=None)
@given(_NAMES)
def test_surname_prior_of_a_words_phonetic_key_equals_the_words_surname_prior(name: str) -> None:
    kb = default_kb()
    for word in words(name):
        assert kb.surname_prior_of(word_keys(word)[2]) == kb.surname_prior(word)
    assert kb.surname_prior_of(word_keys("اوباما")[2]) == kb.surname_prior("أوباما") >= 0.9

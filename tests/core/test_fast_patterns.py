"""Patterns written for speed (a cheap test first, the same set of characters or the same matches) against the
plain patterns they stand for: the sentence ends of the rule splitter, a line's key, a word's article as written,
one word of the name keys and the words of a string, a word read as Arabic (the tokenizer's word-first order is
held to its documented pattern in :mod:`tests.core.test_tokens`)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from arnews.core import names
from arnews.core.text import normalize
from arnews.linker.tokens import MARKS, written_articled
from arnews.nlp.rules import _SENTENCE_END
from arnews.parser.lines import _PUNCT
from corpus_helpers import corpus_articles, corpus_text

_PLAIN_SENTENCE_END = re.compile(r"[.!?؟…]+[\"'”»)]*|\n")
_PLAIN_PUNCT = re.compile(r"[^\w\s%]")
_PLAIN_WORD = re.compile(r"[^\W_]+")

#: Characters next to every border of the patterns: Arabic letters at both ends of the listed range and past it,
#: marks, the tatweel, Persian and Urdu letters, Latin letters, digits of three scripts, end marks, closing quotes,
#: "%", "_", spaces of several kinds and line breaks.
_CHARS = st.sampled_from(list("ءغػؿـفيًٌٍَٰٱپچکگیےabzAZ_09٠٩۰۹.!?؟…\"'”»)(«%،؛:- \t\n\r\u00a0\u200f\u2028"))
_TEXTS = st.one_of(st.lists(_CHARS, max_size=60).map("".join), st.text(max_size=60))


@settings(max_examples=400)
@given(_TEXTS)
def test_sentence_ends_are_the_plain_patterns(text: str) -> None:
    assert [m.span() for m in _SENTENCE_END.finditer(text)] == [m.span() for m in _PLAIN_SENTENCE_END.finditer(text)]


@settings(max_examples=400)
@given(_TEXTS)
def test_a_line_key_drops_what_the_plain_pattern_drops(text: str) -> None:
    assert _PUNCT.sub(" ", text) == _PLAIN_PUNCT.sub(" ", text)


def test_every_character_is_kept_or_dropped_as_by_the_plain_pattern() -> None:
    for code in range(0x10000):
        char = chr(code)
        assert (_PUNCT.match(char) is None) == (_PLAIN_PUNCT.match(char) is None), hex(code)


@settings(max_examples=400)
@given(_TEXTS)
def test_a_word_has_the_article_as_written_as_the_plain_test_says(text: str) -> None:
    for word in (text, "ا" + text, "ل" + text, "ال" + text, "\u064e" + text, "ا\u0651" + text):
        assert written_articled(word) == MARKS.sub("", word).startswith(("ال", "لل")), word


def test_corpus_paragraphs_split_and_key_as_by_the_plain_patterns() -> None:
    for article in corpus_articles(limit=150, every=97):
        text = corpus_text(article)
        ends = [m.span() for m in _SENTENCE_END.finditer(text)]
        assert ends == [m.span() for m in _PLAIN_SENTENCE_END.finditer(text)]
        norm = normalize(text)
        assert _PUNCT.sub(" ", norm) == _PLAIN_PUNCT.sub(" ", norm)


def test_every_character_is_one_word_as_the_plain_pattern_says() -> None:
    for code in range(0x110000):
        char = chr(code)
        assert names.one_word(char) == (_PLAIN_WORD.fullmatch(char) is not None), hex(code)


@settings(max_examples=400)
@given(_TEXTS)
def test_one_word_and_the_words_of_a_string_are_the_plain_patterns(text: str) -> None:
    assert names.one_word(text) == (_PLAIN_WORD.fullmatch(text) is not None)
    assert names.words(text) == _PLAIN_WORD.findall(text)


@settings(max_examples=400)
@given(_TEXTS)
def test_a_word_is_read_as_arabic_as_when_searched_for_an_arabic_letter(text: str) -> None:
    """:func:`arnews.core.names.phonetic_word` reads a word that begins with an Arabic letter as Arabic without
    searching it: the same skeleton as the word's with the search made (a Latin letter first, then the word)."""
    for word in (text, "b" + text, "ب" + text):
        searched = names._ARABIC_LETTER.search(word.lower()) is not None and not word.lower().isascii()
        skeleton = names._arabic_skeleton if searched else names._latin_skeleton
        raw = skeleton(word.lower())
        raw = raw[:-1] if raw.endswith("h") and len(raw) > 1 else raw
        assert names.phonetic_word.__wrapped__(word) == names._DOUBLED.sub(lambda m: m.group(1), raw), word

"""Sentences and tokens by rule: the one tokenizer and the one sentence splitter of arnews.

A sentence ends at ``. ! ? ؟ …`` (with closing quotes or brackets) or a line break, but not at a decimal point or
after an abbreviation listed in the lexicons. :class:`RuleAnalyzer` is also the fallback analyzer when no NER model
is available (sentences and tokens, no entities).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import cache
from typing import Protocol

from attrs import frozen

from arnews.core import lexicons
from arnews.core.names import letter_names
from arnews.core.text import normalize
from arnews.document import NerSpan, Sentence, Token

__all__ = ["Analysis", "Analyzer", "RuleAnalyzer", "model_form", "sentences_of", "split", "tokens_of"]


@frozen
class Analysis:
    """What the NLP layer found in the regions of one text (offsets index the whole input)."""

    sentences: tuple[Sentence, ...] = ()
    tokens: tuple[Token, ...] = ()
    entities: tuple[NerSpan, ...] = ()


class Analyzer(Protocol):
    """Anything that turns regions of a text into an :class:`Analysis`."""

    name: str

    def analyze(self, text: str, regions: Sequence[tuple[int, int]]) -> Analysis: ...

    def analyze_many(self, items: Sequence[tuple[str, Sequence[tuple[int, int]]]]) -> list[Analysis]: ...


#: A token reaches the tagger cut to this many characters (no name is longer; a 100k-letter "word" stays cheap).
MAX_TOKEN_CHARS = 40


def model_form(token: str) -> str:
    """A token as the NER model saw it in training: :func:`arnews.core.text.normalize` (alef, ya, ta marbuta, digits,
    no diacritics or tatweel), or the token itself when nothing would be left; at most :data:`MAX_TOKEN_CHARS`
    characters."""
    return (normalize(token[: 4 * MAX_TOKEN_CHARS]) or token)[:MAX_TOKEN_CHARS]


# a run of end marks with the closing quotes after it, or a line break: one character class first (the engine
# skips to one of those characters; a pattern that opens with alternatives is tried at every position)
_SENTENCE_END = re.compile(r"[\n.!?؟…](?:(?<=\n)|[.!?؟…]*[\"'”»)]*)")
# a word keeps its diacritics and tatweel (combining marks are not \w): "الأُمَم" is one token
_MARK = r"\u0610-\u061a\u064b-\u065f\u0670\u0640\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed"
_WORD = rf"(?:\w|[{_MARK}])+"
_TOKEN = re.compile(rf"{_WORD}(?:[.,٫٬]{_WORD})*|[^\w\s]", re.UNICODE)
# a token behind the white space before it: every character is white space or in a token, so ``findall`` gives each
# token's offset from where the one before ended, without a match object a token
_SPACED_TOKEN = re.compile(rf"(\s*)({_TOKEN.pattern})", re.UNICODE)
# the word (with inner dots: "U.S") that ends right before a dot; bounded so the look-back stays constant-time
_WORD_BEFORE_DOT = re.compile(rf"(?:\w|[{_MARK}.])+\Z")
_ABBREV_LOOKBACK = 16


@cache
def _abbreviations() -> frozenset[str]:
    """Words that a dot follows without ending the sentence ("د. محمد", "U.S. officials"), in normal form: the
    ``abbrev`` rows of ``titles.tsv`` plus ``abbreviations.txt``."""
    titles = {normalize(t.text) for t in lexicons.titles() if t.kind == "abbrev"}
    return frozenset(titles | lexicons.load_set("abbreviations"))


def _dot_continues(text: str, i: int, start: int) -> bool:
    """Whether the single dot at ``text[i]`` is inside a sentence: a decimal point ("3.5", "2.75%") or the dot of
    an abbreviation or a Latin initial ("د. محمد", "أ. د. خالد", "U.S.", "J. Smith")."""
    if i + 1 < len(text) and text[i + 1].isdigit() and i > start and text[i - 1].isdigit():
        return True
    m = _WORD_BEFORE_DOT.search(text, max(start, i - _ABBREV_LOOKBACK), i)
    if m is None:
        return False
    word = m.group().strip(".")
    if i + 1 < len(text) and not text[i + 1].isspace():
        # inside a Latin word ("e.g", "U.S.A", "example.com") or after one letter ("ص.ب"); Arabic words joined by a
        # dot for want of a space ("انتهى.وقال") still split
        last = word.rsplit(".", 1)[-1]
        return len(last) == 1 or (text[i - 1].isascii() and text[i - 1].isalnum() and text[i + 1].isascii())
    if len(word) == 1 and word.isascii() and word.isupper():
        return True  # a Latin initial
    before = m.start() - 1
    while before > max(start, m.start() - 4) and text[before] == " ":
        before -= 1
    if before >= start and text[before].isdigit():
        return False  # after a number "م." is an era ("عام 2020 م."), not a title: the sentence may end
    spelled = normalize(word)
    if spelled in letter_names() and spelled not in lexicons.load_set("speech_stopwords"):
        return _spelled_initial(text, i, spelled, m.start(), start)  # not after إن، في، أو: "(إن. بي. سي)" as before
    # the word itself ("U.S", "ص.ب") or its part after the last inner dot ("أ.د" -> "د")
    return spelled in _abbreviations() or normalize(word.rsplit(".", 1)[-1]) in _abbreviations()


_WORD_AFTER = re.compile(r"[ \t]{1,3}(\w+)")
_WORD_BEFORE = re.compile(r"(\w+)[ \t]{1,3}\Z")


def _spelled_initial(text: str, i: int, letter: str, word_start: int, start: int) -> bool:
    """Whether the dot at ``text[i]`` after a spelled-out Latin letter (``letter``, normal form, written from
    ``word_start``) marks an initial: another spelled letter follows ("سي. آي. إيه"، "جي. كيه. رولينغ"), or a name
    goes on after a word that is no letter ("جورج دبليو. بوش"، "لورا إيه. كولانجيلو"). After a run of letters ("بي
    بي سي. وأضاف") or before و/ف ("فيتامين سي. والآن") the sentence ends."""
    after = _WORD_AFTER.match(text, i + 1)
    if after is None:
        return False
    following = normalize(after.group(1))
    if following in letter_names() and following not in lexicons.load_set("speech_stopwords"):
        return True  # a spelled letter after the dot, even one that is also a word ("سي. آي. إيه"; not في، إن)
    if letter not in lexicons.load_set("initial_letters"):
        return False  # "مر بي. ثم": a spelled letter that is also a word, before a word
    before = _WORD_BEFORE.search(text, max(start, word_start - _ABBREV_LOOKBACK), word_start)
    if before is None or normalize(before.group(1)) in letter_names():
        return False
    return following[:1] not in ("و", "ف")


def _sentence_ends(text: str, start: int, end: int) -> Iterator[int]:
    """End offsets of the sentences of ``text[start:end]`` (the last one is ``end``), in one linear scan."""
    for m in _SENTENCE_END.finditer(text, start, end):
        if m.group() == "." and _dot_continues(text, m.start(), start):
            continue
        yield m.end()
    yield end


def split(text: str, regions: Sequence[tuple[int, int]]) -> Analysis:
    """Sentences and tokens of ``text`` inside ``regions`` (input offsets), with no entities.

    >>> a = split("قال د. محمد إن النمو بلغ 3.5 في المئة. وأضاف أنه سيستمر.", [(0, 56)])
    >>> [s.text for s in a.sentences]
    ['قال د. محمد إن النمو بلغ 3.5 في المئة.', 'وأضاف أنه سيستمر.']
    """
    return Analysis(sentences_of(text, regions), tokens_of(text, regions), ())


def sentences_of(text: str, regions: Sequence[tuple[int, int]]) -> tuple[Sentence, ...]:
    """The sentences of :func:`split` alone (without their surrounding spaces)."""
    sentences: list[Sentence] = []
    for start, end in regions:
        s = start
        for e in _sentence_ends(text, start, end):
            a, b = s, e
            s = e
            while a < b and text[a].isspace():
                a += 1
            while b > a and text[b - 1].isspace():
                b -= 1
            if b > a:
                sentences.append(Sentence(text[a:b], a, b))
    return tuple(sentences)


def tokens_of(text: str, regions: Sequence[tuple[int, int]]) -> tuple[Token, ...]:
    """The tokens of :func:`split` alone: the words the NER model reads (input offsets), :data:`_TOKEN`'s matches."""
    out: list[Token] = []
    for start, end in regions:
        pos = start
        found: list[tuple[str, str]] = _SPACED_TOKEN.findall(text, start, end)
        for spaces, token in found:
            begin = pos + len(spaces)
            pos = begin + len(token)
            out.append(Token(token, begin, pos))
    return tuple(out)


class RuleAnalyzer:
    """Sentences and tokens by rule (:func:`split`); no named entities. The fallback when no model is available."""

    name = "rules"

    def analyze(self, text: str, regions: Sequence[tuple[int, int]]) -> Analysis:
        return split(text, regions)

    def analyze_many(self, items: Sequence[tuple[str, Sequence[tuple[int, int]]]]) -> list[Analysis]:
        return [split(text, regions) for text, regions in items]

    def tag_many(self, items: Sequence[tuple[str, Analysis]]) -> list[tuple[NerSpan, ...]]:
        """No entities: rules tag nothing."""
        return [() for _ in items]

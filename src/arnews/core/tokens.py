"""The one tokenizer of the normal form: every rule stage (numbers and money, donations, entities, quotes) reads
the same tokens.

A token is a run of digits with its separators (``num``: "1,500", "3.5", the Egyptian decimal "15ر536"), a Latin
word with the digits that follow it (``latin``: "g20"), a run of letters of any other script (``word``: Arabic), or
one other character (``other``: punctuation, marks). Offsets index the normal form (:attr:`TextView.norm
<arnews.core.text.TextView.norm>`); a stage maps spans back to the input with ``raw_span``.

>>> [t.text for t in tokenize("تبرع بنحو 1,500 ريال ل«g20» ـ")]
['تبرع', 'بنحو', '1,500', 'ريال', 'ل', '«', 'g20', '»', 'ـ']
>>> [t.kind for t in tokenize("تبرع بنحو 1,500 ريال ل«g20» ـ")]
['word', 'word', 'num', 'word', 'word', 'other', 'latin', 'other', 'other']
"""

from __future__ import annotations

import re
from typing import NamedTuple

__all__ = ["TOKEN_RE", "Token", "tokenize", "word_end"]

# a tatweel standing alone in the normal form is a dash ("القاهرة ـ"): "other", not a word
TOKEN_RE = re.compile(
    r"(?P<num>\d+(?:[.,٬٫ر]\d+)*)|(?P<latin>[a-z][a-z0-9]*)|(?P<word>[^\W\d_a-z\u0640]+)|(?P<other>\S)"
)


class Token(NamedTuple):
    """A token of the normal form: ``norm[start:end]`` is ``text`` (a stage may read a letter back from the input
    into ``text``, as quotes do for a hamza), ``kind`` is num, latin, word or other."""

    start: int
    end: int
    text: str
    kind: str = "word"
    #: A word, a Latin word or a number: anything but punctuation and marks (``kind != "other"``).
    word: bool = True


#: :data:`TOKEN_RE` behind the spaces before it: ``findall`` gives each token as (spaces, word, num, latin, other),
#: one of the last four not empty, in one call to the regular expression engine for the whole text. The word comes
#: first (most tokens are words; no word begins with a digit or a Latin letter, so the order changes no token): a
#: word is no longer tried as a number and a Latin word before it is read.
_SPACED_RE = re.compile(
    r"(\s*)(?:(?P<word>[^\W\d_a-z\u0640]+)|(?P<num>\d+(?:[.,٬٫ر]\d+)*)|(?P<latin>[a-z][a-z0-9]*)|(?P<other>\S))"
)


def tokenize(norm: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The tokens of ``norm[start:end]``, in order."""
    stop = len(norm) if end is None else end
    new = tuple.__new__  # a Token without its constructor's Python call
    out: list[Token] = []
    append = out.append
    pos = start
    # no match object a token (a match, its span and its group's name cost more than the token): each token's
    # offset is where the one before ended plus the spaces before it
    found: list[tuple[str, str, str, str, str]] = _SPACED_RE.findall(norm, start, stop)
    for spaces, word, num, latin, other in found:
        s = pos + len(spaces) if spaces else pos
        if word:
            pos = s + len(word)
            append(new(Token, (s, pos, word, "word", True)))
        elif other:
            pos = s + 1
            append(new(Token, (s, pos, other, "other", False)))
        elif num:
            pos = s + len(num)
            append(new(Token, (s, pos, num, "num", True)))
        else:
            pos = s + len(latin)
            append(new(Token, (s, pos, latin, "latin", True)))
    return out


def word_end(tok: Token, rest: str) -> Token:
    """The word of ``tok`` from where ``rest``, its last letters, begins: a proclitic read off ("والوزير" ->
    "الوزير"), the offsets still those of the normal form."""
    return Token(tok[1] - len(rest), tok[1], rest)

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


def tokenize(norm: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The tokens of ``norm[start:end]``, in order."""
    stop = len(norm) if end is None else end
    new = tuple.__new__  # every alternative of TOKEN_RE is a named group: lastgroup is the kind
    out: list[Token] = []
    append = out.append
    for m in TOKEN_RE.finditer(norm, start, stop):
        kind = m.lastgroup
        s, e = m.span()
        append(new(Token, (s, e, norm[s:e], kind, kind != "other")))
    return out


def word_end(tok: Token, rest: str) -> Token:
    """The word of ``tok`` from where ``rest``, its last letters, begins: a proclitic read off ("والوزير" ->
    "الوزير"), the offsets still those of the normal form."""
    return Token(tok[1] - len(rest), tok[1], rest)

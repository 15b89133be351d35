"""Small regular-expression builders shared by the rule modules.

:func:`alternation` turns a word list (a lexicon) into one regex alternative that matches the longest word
possible at a position and fails at once where no word starts; :func:`proclitic` is the optional proclitic
(و ف ب ل ك and their pairs, :data:`arnews.core.names.PROCLITICS`) a word may carry in running text.

    >>> import re
    >>> re.fullmatch(alternation(["دولار", "دولارات", "ر.س"]), "دولارات") is not None
    True
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from typing import Any

from arnews.core.names import PROCLITICS

__all__ = ["alternation", "proclitic"]

_NEVER = "(?!)"


def alternation(words: Iterable[str]) -> str:
    """A regex (no capturing groups) that matches any of ``words`` as written, longest first.

    The words are compiled into a trie, one branch per shared prefix, so a position that starts no word fails at
    its first character. A run of white space inside a word matches any run of white space. An empty list gives
    a regex that never matches.
    """
    trie: dict[str, Any] = {}
    for word in {" ".join(w.split()) for w in words}:
        if not word:
            continue
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_regex(trie) if trie else _NEVER


def _trie_regex(node: dict[str, Any]) -> str:
    branches = []
    ends_here = False
    for char in sorted(node):
        if char == "":
            ends_here = True
            continue
        token = r"\s+" if char == " " else re.escape(char)
        branches.append(token + _trie_regex(node[char]))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends_here:  # the longer words first: an optional continuation, greedy
        return "(?:" + body + ")?"
    return body


@cache
def proclitic() -> str:
    """An optional proclitic before a word: ``(?:وب|ول|...|ك)?`` (no capturing group)."""
    return f"(?:{alternation(PROCLITICS)})?"

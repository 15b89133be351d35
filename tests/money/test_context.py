"""Whether a text speaks of fundraising, donations or aid (:func:`arnews.money.donation_triggers.has_context`): its
two-step search (the context words first, then the whole pattern where a match may begin) answers as the whole
pattern's own search does, on crafted texts, random mixtures of the words and their clitics, and real paragraphs."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from arnews.core.lexicons import load_set
from arnews.core.names import PROCLITICS
from arnews.core.text import normalize
from arnews.money.donation_triggers import CONTEXT_LEAD, _context_re, has_context
from corpus_helpers import corpus_articles, corpus_text


def _plain(norm: str, start: int, end: int) -> bool:
    return _context_re().search(norm, start, end) is not None


def test_the_lead_covers_every_run_of_letters_a_match_opens_with() -> None:
    # the pattern as the regex parser reads it: a look behind, the lead (clitic, article, "لل"), the words, a look
    # ahead; the lead's widest match is what the two-step search steps back over
    parsed = re._parser.parse(_context_re().pattern)
    assert parsed[0][0] is re._constants.ASSERT_NOT
    assert parsed[1:2].getwidth() == (0, CONTEXT_LEAD) and len("وبال") == CONTEXT_LEAD
    assert parsed[2:3].getwidth()[0] > 0  # the words: none empty
    for text in ("وبالتبرعات", "وللتبرعات", "تبرعات"):
        assert _context_re().match(text), text


def test_crafted_texts() -> None:
    crafted = ("أطلق حملة تبرعات لصالح المتضررين", "وللمساعدات الإنسانية دور", "بالتبرعات", "قال الوزير إن النمو", "")
    for text in crafted:
        norm = normalize(text)
        assert has_context(norm, 0, len(norm)) == _plain(norm, 0, len(norm)), text
    norm = normalize("تبرعات المحسنين")
    assert has_context(norm, 0, len(norm)) and not has_context(norm, 1, len(norm))  # a match begins at the start


_WORDS = sorted(load_set("donation_context"))
_PIECES = st.one_of(
    st.sampled_from(_WORDS),
    st.sampled_from([*PROCLITICS, "ال", "لل", "ولل", "وبال", "كال"]),
    st.sampled_from([" ", "  ", "\n", "،", ".", "ا", "م", "1", "x", "_"]),
)


@settings(max_examples=400)
@given(st.lists(_PIECES, max_size=14).map("".join), st.integers(0, 40), st.integers(0, 80))
def test_random_mixtures_of_words_and_clitics(text: str, start: int, length: int) -> None:
    start = min(start, len(text))
    end = min(len(text), start + length)
    assert has_context(text, start, end) == _plain(text, start, end)
    assert has_context(text, 0, len(text)) == _plain(text, 0, len(text))


def test_real_paragraphs() -> None:
    for article in corpus_articles(limit=150, every=89):
        norm = normalize(corpus_text(article))
        for m in re.finditer(r"[^\n]+", norm):
            assert has_context(norm, m.start(), m.end()) == _plain(norm, m.start(), m.end())

"""The one tokenizer (:func:`arnews.core.tokens.tokenize`) reads one ``findall`` of the whole text and works each
token's offsets out from the lengths before it: it must give what a match of :data:`TOKEN_RE` at a time gives,
offsets, kinds and all, for any text and any window of it."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from arnews.core.text import normalize
from arnews.core.tokens import TOKEN_RE, Token, tokenize
from arnews.linker.tokens import LATIN

#: Pieces that meet every alternative of the pattern and every border between them: Arabic words, a tatweel, Latin
#: words with digits, numbers with each separator, punctuation, quotation marks, spaces, tabs and line breaks.
_PIECES = st.sampled_from(
    ["قال", "الوزير", "ـ", "ب", "g20", "abc", "1,500", "3.5", "15ر536", "٢٠١٥", "١٬٥", "«", "»", "،", ".", "_", "-",
     " ", "  ", "\n", "\t", "\u00a0", "x", "9"]
)  # fmt: skip


def _one_match_at_a_time(norm: str, start: int, end: int) -> list[Token]:
    return [
        Token(m.start(), m.end(), m.group(), str(m.lastgroup), m.lastgroup != "other")
        for m in TOKEN_RE.finditer(norm, start, end)
    ]


@settings(max_examples=300)
@given(st.lists(_PIECES, max_size=40).map("".join), st.integers(0, 50), st.integers(0, 60))
def test_tokenize_equals_one_match_at_a_time(text: str, start: int, length: int) -> None:
    start = min(start, len(text))
    end = min(len(text), start + length)
    assert tokenize(text, start, end) == _one_match_at_a_time(text, start, end)
    assert tokenize(text) == _one_match_at_a_time(text, 0, len(text))


@given(st.text(max_size=60))
def test_every_token_is_its_slice_of_the_text(text: str) -> None:
    norm = normalize(text)
    toks = tokenize(norm)
    assert all(norm[t.start : t.end] == t.text and t.word == (t.kind != "other") for t in toks)
    assert all(a.end <= b.start for a, b in pairwise(toks))
    assert "".join(t.text for t in toks) == "".join(norm.split())  # every letter but the spaces, once


def test_tokens_of_a_dateline_and_an_amount() -> None:
    norm = "الرياض ـ  تبرع بنحو 1,500 ريال\nلـ«g20»"
    assert [(t.text, t.kind) for t in tokenize(norm)] == [
        ("الرياض", "word"),
        ("ـ", "other"),
        ("تبرع", "word"),
        ("بنحو", "word"),
        ("1,500", "num"),
        ("ريال", "word"),
        ("ل", "word"),
        ("ـ", "other"),
        ("«", "other"),
        ("g20", "latin"),
        ("»", "other"),
    ]
    assert tokenize(norm)[4][:2] == (20, 25) and norm[20:25] == "1,500"
    assert tokenize(norm, 7, 19) == [t for t in tokenize(norm) if t.start >= 7 and t.end <= 19]


@given(st.one_of(st.lists(_PIECES, max_size=40).map("".join), st.text(max_size=60)))
def test_the_latin_kind_is_what_the_linker_calls_latin(text: str) -> None:
    """The linker reads a token's kind for "a Latin word" (:meth:`arnews.linker.tokens.Words.is_latin`) instead of
    matching :data:`arnews.linker.tokens.LATIN` again: the two agree on every token of any normalised text."""
    for tok in tokenize(normalize(text)):
        assert (tok.kind == "latin") == (tok.word and LATIN.match(tok.text) is not None), tok

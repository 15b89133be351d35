"""The normal form: the short-string path of ``normalize`` equals the normal form of the full view, and the view
equals a reading of the text one character at a time."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from arnews.core.text import (
    _CHANGED,
    _DELETABLE,
    _DELETABLE_RE,
    _ONE_TO_ONE,
    _ONE_TO_ONE_MAP,
    _SKIP_OR_ENTITY,
    _decode_entity,
    _one_to_one,
    normalize,
    view,
)

_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهويىةأإآءؤئکی ًٌٍَُِّْٰـ٠١٢٣٤٥٦٧٨٩۱۲ABCxyz\u00a0\u2009\u200f\ufeff\u202b&;#amp"


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=_LETTERS, max_size=24))
def test_normalize_equals_the_views_normal_form(text: str) -> None:
    assert normalize.__wrapped__(text) == view(text).norm


def test_normalize_examples() -> None:
    assert normalize("قالَ الرئيسُ") == "قال الرئيس"
    assert normalize("مدرسةٌ") == "مدرسه"
    assert normalize("٢٠٢٤") == "2024"
    assert normalize("القاهرة ـ") == "القاهره ـ"  # a tatweel standing alone is a dash
    assert normalize("&quot;نص&quot;") == '"نص"'


#: What the view deletes or decodes, written plainly (the view's own pattern is written for speed): a run of marks, a
#: run of tatweel after a letter or a mark, an entity.
_PLAIN_SKIP_OR_ENTITY = re.compile(
    rf"[{_DELETABLE}]+|(?<=[\u0620-\u064a\u064b-\u065f\u0670])\u0640+"
    r"|&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,30});"
)


def _reference_view(text: str) -> tuple[str, list[int], list[int]]:
    """The normal form and offset map read one character at a time: a kept character maps to itself; a run of marks
    (or a stretching tatweel) is deleted and belongs to the character before it; an entity html knows becomes its
    characters, each mapped to the whole entity."""
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    for match in _PLAIN_SKIP_OR_ENTITY.finditer(text):
        for k in range(pos, match.start()):
            out.append(str(_ONE_TO_ONE_MAP.get(ord(text[k]), text[k])))
            starts.append(k)
            ends.append(k + 1)
        piece = match.group()
        if piece[0] != "&":
            if ends and ends[-1] == match.start():
                ends[-1] = match.end()
        else:
            decoded = _decode_entity(piece).translate(_ONE_TO_ONE_MAP)
            if decoded == piece:  # no entity html knows: kept character by character
                for k in range(match.start(), match.end()):
                    out.append(text[k])
                    starts.append(k)
                    ends.append(k + 1)
            else:
                for ch in _DELETABLE_RE.sub("", decoded):
                    out.append(ch)
                    starts.append(match.start())
                    ends.append(match.end())
        pos = match.end()
    for k in range(pos, len(text)):
        out.append(str(_ONE_TO_ONE_MAP.get(ord(text[k]), text[k])))
        starts.append(k)
        ends.append(k + 1)
    return "".join(out), starts, ends


# Arabic letters, marks, tatweel, entities, digits, Latin capitals, spaces and a character beyond the BMP
_VIEW_PIECES = st.sampled_from(
    [
        *"قالأإآىةکی٢۳AZz \n",
        "\u064e",
        "\u0651",
        "\u0640",
        "\u200f",
        "&amp;",
        "&#1604;",
        "&nbsp;",
        "&bogus;",
        "&Bogus;",
        "&AMP;",
        "&#1614;",
        "😀",
        # a run long enough to be mapped by replacements
        "الأمم المتحدة في عام ٢٠٢٤ وقالت ABC إن المدرسة الأولى في الرياض ",
    ]
)


@settings(max_examples=1500, deadline=None)
@given(st.lists(_VIEW_PIECES, max_size=40).map("".join), st.integers(0, 60))
def test_view_equals_the_character_by_character_reading(text: str, offset: int) -> None:
    v = view(text)
    norm, starts, ends = _reference_view(text)
    assert (v.norm, list(v._starts), list(v._ends)) == (norm, starts, ends)
    assert v.norm_index(offset) == next((n for n, s in enumerate(starts) if s >= offset), len(norm))


def test_view_of_a_text_longer_than_the_offset_table() -> None:
    text = ("قالَ الرئيسُ " * 12_000) + "&amp;" + "ـ"
    v = view(text)
    assert len(text) > 1 << 17
    norm, starts, ends = _reference_view(text)
    assert (v.norm, list(v._starts), list(v._ends)) == (norm, starts, ends)


@settings(max_examples=1500, deadline=None)
@given(st.text(alphabet=_LETTERS + "".join(old for old, _new in _CHANGED), max_size=200))
def test_the_one_to_one_mapping_of_a_run_is_the_tables(run: str) -> None:
    assert _one_to_one(run) == run.translate(_ONE_TO_ONE)
    assert not {new for _old, new in _CHANGED} & {old for old, _new in _CHANGED}  # any order gives the same


@settings(max_examples=1500, deadline=None)
@given(st.text(alphabet=_LETTERS + "\u0640\u0651\u200c&#;x1", max_size=40))
def test_the_views_pattern_finds_what_the_plain_one_finds(text: str) -> None:
    plain = [m.span() for m in _PLAIN_SKIP_OR_ENTITY.finditer(text)]
    assert [m.span() for m in _SKIP_OR_ENTITY.finditer(text)] == plain

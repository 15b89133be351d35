"""The normal form: the short-string path of ``normalize`` equals the normal form of the full view."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from arnews.core.text import _DELETABLE_RE, _ONE_TO_ONE_MAP, _SKIP_OR_ENTITY, _decode_entity, normalize, view

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


def _reference_view(text: str) -> tuple[str, list[int], list[int]]:
    """The normal form and offset map read one character at a time: a kept character maps to itself; a run of marks
    (or a stretching tatweel) is deleted and belongs to the character before it; an entity html knows becomes its
    characters, each mapped to the whole entity."""
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    for match in _SKIP_OR_ENTITY.finditer(text):
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

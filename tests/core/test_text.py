"""The normal form: the short-string path of ``normalize`` equals the normal form of the full view."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from arnews.core.text import normalize, view

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

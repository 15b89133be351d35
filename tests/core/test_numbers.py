"""Arabic numbers in digits and words: values, offsets, vagueness, and linear scans on hostile input."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from arnews.core.numbers import MAX_TOKENS, find_numbers, read_number, read_ordinal
from arnews.core.text import normalize, view
from arnews.core.tokens import tokenize

# --- a writer of Arabic number words, independent of the reader under test ------------------------------------

_UNITS = ["", "واحد", "اثنان", "ثلاثة", "أربعة", "خمسة", "ستة", "سبعة", "ثمانية", "تسعة"]
_TENS = ["", "عشرة", "عشرون", "ثلاثون", "أربعون", "خمسون", "ستون", "سبعون", "ثمانون", "تسعون"]
_HUNDREDS = ["", "مائة", "مائتان", "ثلاثمائة", "أربعمائة", "خمسمائة", "ستمائة", "سبعمائة", "ثمانمائة", "تسعمائة"]
_SCALES = [
    (10**9, "مليار", "ملياران", "مليارات"),
    (10**6, "مليون", "مليونان", "ملايين"),
    (1000, "ألف", "ألفان", "آلاف"),
]


def _under_100(n: int) -> str:
    if n < 10:
        return _UNITS[n]
    if n == 10:
        return "عشرة"
    if n == 11:
        return "أحد عشر"
    if n == 12:
        return "اثنا عشر"
    if n < 20:
        return f"{_UNITS[n - 10]} عشر"
    tens, units = divmod(n, 10)
    return f"{_UNITS[units]} و{_TENS[tens]}" if units else _TENS[tens]


def _under_1000(n: int) -> str:
    hundreds, rest = divmod(n, 100)
    parts = [p for p in (_HUNDREDS[hundreds], _under_100(rest) if rest else "") if p]
    return " و".join(parts)


def arabic_words(n: int) -> str:
    """``n`` (1 to 10**12 - 1) in Arabic words, the way a careful news writer spells it."""
    parts = []
    for scale, one, two, plural in _SCALES:
        count, n = divmod(n, scale)
        if not count:
            continue
        if count == 1:
            parts.append(one)
        elif count == 2:
            parts.append(two)
        elif count <= 10:
            parts.append(f"{_under_1000(count)} {plural}")
        else:
            parts.append(f"{_under_1000(count)} {one}")
    if n:
        parts.append(_under_1000(n))
    return " و".join(parts)


def test_word_writer_spells_known_numbers() -> None:
    assert arabic_words(2_500_000) == "مليونان وخمسمائة ألف"
    assert arabic_words(325_000) == "ثلاثمائة وخمسة وعشرون ألف"


# --- examples ---------------------------------------------------------------------------------------------------

EXAMPLES = [
    ("15", "15"),
    ("١٥", "15"),
    ("۱۵۰۰", "1500"),
    ("1,500,000", "1500000"),
    ("١٬٥٠٠٬٠٠٠", "1500000"),
    ("1.500.000", "1500000"),
    ("10 000 000", "10000000"),
    ("1.5", "1.5"),
    ("١٫٥", "1.5"),
    ("536ر15", "15.536"),
    ("1.500", "1500"),
    ("1.500 مليون", "1500000"),
    ("(50) مليون", "50000000"),
    ("خمسة", "5"),
    ("خمسة عشر", "15"),
    ("أحد عشر", "11"),
    ("إحدى عشرة", "11"),
    ("اثنا عشر", "12"),
    ("خمسة وعشرون", "25"),
    ("واحد وعشرين", "21"),
    ("مائة", "100"),
    ("مئة", "100"),
    ("مائة وخمسة عشر", "115"),
    ("ثلاثمائة", "300"),
    ("ثلاثمئة", "300"),
    ("ثلاث مائة", "300"),
    ("مائتين", "200"),
    ("مئتي", "200"),
    ("ألف", "1000"),
    ("ألفا", "1000"),
    ("ألفان", "2000"),
    ("ألفين", "2000"),
    ("ألفي", "2000"),
    ("ثلاثة آلاف", "3000"),
    ("ثلاثة آلاف وخمسمائة", "3500"),
    ("عشرة آلاف", "10000"),
    ("مليون", "1000000"),
    ("مليونا", "1000000"),
    ("مليونان", "2000000"),
    ("مليونين", "2000000"),
    ("مليوني", "2000000"),
    ("خمسة ملايين", "5000000"),
    ("مليار", "1000000000"),
    ("ملياران", "2000000000"),
    ("مليارين", "2000000000"),
    ("ملياري", "2000000000"),
    ("سبعة مليارات", "7000000000"),
    ("بليون", "1000000000"),
    ("تريليون", "1000000000000"),
    ("ترليونين", "2000000000000"),
    ("مليار ونصف", "1500000000"),
    ("مليار ونصف المليار", "1500000000"),
    ("مليون وربع", "1250000"),
    ("نصف مليون", "500000"),
    ("ربع مليار", "250000000"),
    ("2.5 مليار", "2500000000"),
    ("3 ملايين و500 ألف", "3500000"),
    ("مليون و500 ألف", "1500000"),
    ("ثلاثمائة وخمسة وعشرون ألفا", "325000"),
    ("مائة وخمسون ألف", "150000"),
    ("بخمسة ملايين", "5000000"),
    ("وثلاثة آلاف", "3000"),
]


@pytest.mark.parametrize(("text", "value"), EXAMPLES)
def test_read_number(text: str, value: str) -> None:
    assert read_number(text) == Decimal(value)


@pytest.mark.parametrize("text", ["", "نصف", "مرحبا", "12.5.2015", "15%", "عشرات الآلاف", "ملايين", "كتاب خمسة"])
def test_not_a_definite_number(text: str) -> None:
    assert read_number(text) is None


@pytest.mark.parametrize(
    ("text", "vague"),
    [
        ("عشرات الآلاف", "tens"),
        ("مئات الملايين", "hundreds"),
        ("آلاف", "thousands"),
        ("ملايين", "millions"),
        ("مليارات", "billions"),
        ("عدة ملايين", "several"),
        ("بضعة آلاف", "several"),
        ("عشرات", "tens"),
    ],
)
def test_vague_counts(text: str, vague: str) -> None:
    found = list(find_numbers(normalize(text)))
    assert len(found) == 1
    assert found[0].value is None
    assert found[0].vague == vague


def test_range_members_stay_apart() -> None:
    norm = normalize("بين 10 ملايين و20 مليونا")
    values = [m.value for m in find_numbers(norm)]
    assert values == [Decimal(10_000_000), Decimal(20_000_000)]


def test_percentage_is_no_number_for_money() -> None:
    assert [m.value for m in find_numbers(normalize("ارتفع 15% في عام 2015"))] == [Decimal(2015)]


def test_offsets_in_the_input() -> None:
    text = "تبرّع بخمسةِ ملايينٍ و١٥ ألفا، ثم 3.5 مليار."
    v = view(text)
    got = []
    for m in find_numbers(v.norm):
        start, end = v.raw_span(m.start, m.end)
        got.append((text[start:end], m.value))
    assert got == [("خمسةِ ملايينٍ و١٥ ألفا", Decimal(5_015_000)), ("3.5 مليار", Decimal("3.5E9"))]


# --- properties -----------------------------------------------------------------------------------------------


@given(st.integers(min_value=0, max_value=10**15))
def test_digits_read_back(n: int) -> None:
    assert read_number(str(n)) == n
    assert read_number(f"{n:,}") == n
    hindi = str(n).translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
    assert read_number(hindi) == n
    assert read_number(f"{n:,}".replace(",", "٬").translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))) == n


@given(st.integers(min_value=1000, max_value=10**15))
def test_spaced_and_dotted_thousands_read_back(n: int) -> None:
    assert read_number(f"{n:,}".replace(",", " ")) == n
    assert read_number(f"{n:,}".replace(",", ".")) == n


@settings(max_examples=300)
@given(st.integers(min_value=1, max_value=10**12 - 1))
def test_arabic_words_read_back(n: int) -> None:
    assert read_number(arabic_words(n)) == n


@given(st.integers(min_value=1, max_value=10**6), st.text(alphabet="أبجد هوز ، .", max_size=20))
def test_offsets_always_exact(n: int, noise: str) -> None:
    text = f"{noise} {arabic_words(n)} {noise} {n:,} {noise}"
    v = view(text)
    for m in find_numbers(v.norm):
        start, end = v.raw_span(m.start, m.end)
        assert normalize(text[start:end]) == v.norm[m.start : m.end]


# --- hostile input ----------------------------------------------------------------------------------------------


def test_two_hundred_thousand_digits() -> None:
    digits = "7" * 200_000
    found = list(find_numbers(digits))
    assert len(found) == 1
    assert (found[0].start, found[0].end) == (0, 200_000)
    assert found[0].value is not None
    assert found[0].value > Decimal(10) ** 199_999  # kept to the precision of the decimal context


def test_endless_number_words_are_cut_into_bounded_numbers() -> None:
    norm = normalize("مليون " * 50_000)
    found = list(find_numbers(norm))
    assert len(found) == 50_000
    assert all(m.value == 1_000_000 for m in found)


def test_endless_conjoined_words_stay_bounded() -> None:
    norm = normalize("خمسة " + "وعشرون " * 100_000)
    toks = tokenize(norm)
    found = list(find_numbers(norm))
    assert found[0].value == 25
    assert all(len(tokenize(norm, m.start, m.end)) <= MAX_TOKENS for m in found)
    assert len(toks) == 100_001


def test_endless_separators() -> None:
    norm = "1" + ",000" * 60_000 + " ر" * 1000 + "." * 50_000
    found = list(find_numbers(norm))
    assert found[0].value == Decimal(10) ** 180_000


# --- ordinals ------------------------------------------------------------------------------------------------

_ORDINAL_UNITS = ["", "الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع"]
_ORDINAL_TENS = ["", "", "العشرين", "الثلاثين", "الأربعين", "الخمسين", "الستين", "السبعين", "الثمانين", "التسعين"]


def _write_ordinal(n: int) -> str:
    """A masculine definite ordinal, written independently of the reader under test."""
    tens, unit = divmod(n, 10)
    if n == 10:
        return "العاشر"
    if tens == 0:
        return _ORDINAL_UNITS[unit]
    if tens == 1:
        return ("الحادي" if unit == 1 else _ORDINAL_UNITS[unit]) + " عشر"
    if unit == 0:
        return _ORDINAL_TENS[tens]
    return ("الحادي" if unit == 1 else _ORDINAL_UNITS[unit]) + " و" + _ORDINAL_TENS[tens]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("الخامس", 5),
        ("الأولى", 1),
        ("العاشرة", 10),
        ("الحادي عشر", 11),
        ("الثانية عشرة", 12),
        ("الحادي والعشرين", 21),
        ("الثالث و الثلاثين", 33),
        ("العشرين", 20),
        ("التاسع والتسعين", 99),
    ],
)
def test_read_ordinal(text: str, value: int) -> None:
    assert read_ordinal(text) == value


@pytest.mark.parametrize("text", ["الحادي", "خامس", "الخامس من", "العاشر عشر", "الأول والعشرين", "", "5"])
def test_not_an_ordinal(text: str) -> None:
    assert read_ordinal(text) is None


@given(st.integers(min_value=1, max_value=99))
def test_every_written_ordinal_reads_back(n: int) -> None:
    assert read_ordinal(_write_ordinal(n)) == n

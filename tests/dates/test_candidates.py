"""A region with no digit is not scanned by the date patterns that read digits, nor one without a form's evidence by
that form's pattern: the candidates are those of every pattern scanning every region, on crafted hard cases, random
date words and real articles; and each match of a form holds its evidence."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from arnews.core.text import normalize
from arnews.dates import extract, patterns
from arnews.dates.patterns import NEED_DIGITS, Cand, candidates, lexicon
from corpus_helpers import corpus_articles, corpus_text


def _every_pattern(norm: str, start: int, end: int) -> list[Cand]:
    """The candidates with every pattern scanning the region (as before the digit test and the evidence)."""
    skipped = patterns.NEED_DIGITS
    patterns.NEED_DIGITS = frozenset()
    try:
        return candidates(norm, start, end, lexicon()._replace(evidence={}))
    finally:
        patterns.NEED_DIGITS = skipped


def _same(norm: str) -> None:
    got = [(c.start, c.end, c.form) for c in candidates(norm, 0, len(norm), lexicon())]
    assert got == [(c.start, c.end, c.form) for c in _every_pattern(norm, 0, len(norm))]
    for form, pattern in lexicon().patterns.items():  # what a match cannot do without, it holds
        needed = lexicon().evidence.get(form)
        for m in pattern.finditer(norm) if needed is not None else ():
            assert needed.search(norm, m.start(), m.end()), (form, m.group())


def test_the_patterns_that_need_digits_find_nothing_without_one() -> None:
    lex = lexicon()
    assert set(lex.patterns) >= NEED_DIGITS
    for text in ["في الخامس من شهر مايو عام", "منذ عام الفين وعشرين", "يوم الجمعة الماضي", "مطلع العام المقبل"]:
        norm = normalize(text)
        assert not any(lex.patterns[form].search(norm) for form in NEED_DIGITS)
        _same(norm)
    for text in ["في 5 مايو 2015", "عام 2014م", "في 12/3/2015", "خلال 2016.", "مايو 2015"]:
        _same(normalize(text))
        assert candidates(normalize(text), 0, len(normalize(text)), lex)


def test_a_form_without_its_evidence_is_not_run() -> None:
    lex = lexicon()
    assert set(lex.evidence) <= set(lex.patterns)
    for form, text in [
        ("weekday", "يوم الجمعة الماضي"),
        ("relative", "مساء أمس"),
        ("ago", "منذ ثلاثة أيام"),
        ("ordinal", "في الخامس من شهر مايو"),
        ("absolute", "في 5 مايو"),
        ("year", "عام 2015"),
        ("numeric", "في 12/3/2015"),
        ("prep_year", "خلال 2016."),
    ]:
        norm = normalize(text)
        assert lex.evidence[form].search(norm) and lex.patterns[form].search(norm), form
    # no weekday's name, no month after "من", no "منذ"/"قبل": those forms find nothing and are not run
    norm = normalize("قال الوزير إن الخامس من المشاريع يبدأ بعد ثلاثة أيام")
    for form in ("weekday", "ordinal", "ago", "absolute"):
        assert not lex.evidence[form].search(norm) and not lex.patterns[form].search(norm), form
    _same(norm)


_DATE_WORDS = ["في", "منذ", "عام", "العام", "سنة", "مايو", "شهر", "يوم", "الجمعة", "الخامس", "من", "أمس", "قبل"]
_WORDS = st.sampled_from([*_DATE_WORDS, "ثلاثة", "أيام", "2015", "5", "12/3/2015", "1436هـ", "م", "،", "."])


@settings(max_examples=400, deadline=None)
@given(st.lists(_WORDS, max_size=14))
def test_candidates_of_random_date_words(words: list[str]) -> None:
    _same(normalize(" ".join(words)))


def test_candidates_of_corpus_paragraphs() -> None:
    seen = 0
    for article in corpus_articles(limit=150, every=41):
        for paragraph in corpus_text(article).split("\n"):
            if paragraph.strip():
                _same(normalize(paragraph))
                seen += 1
    assert seen > 500


def _every_clock_time(norm: str, start: int, end: int) -> list[tuple[int, int]]:
    """The clock times of a region with every time pattern scanning it, overlaps resolved as :func:`extract._times`
    resolves them."""
    found = sorted(
        ((m.start("t"), m.end()) for p in lexicon().time_patterns for m in p.finditer(norm, start, end)),
        key=lambda t: (t[0], -t[1]),
    )
    out: list[tuple[int, int]] = []
    for t in found:
        if not out or t[0] >= out[-1][1]:
            out.append(t)
    return out


def _same_times(norm: str) -> None:
    lex = lexicon()
    assert [(s, e) for s, e, _m in extract._times(norm, 0, len(norm), lex)] == _every_clock_time(norm, 0, len(norm))
    for pattern, needed in zip(lex.time_patterns, lex.time_evidence, strict=True):
        for m in pattern.finditer(norm):  # what a match cannot do without, it holds
            assert needed.search(norm, m.start(), m.end()), m.group()


def test_clock_times_of_real_paragraphs_and_crafted_ones() -> None:
    for text in ("في تمام الساعة 10:30 صباحا", "الساعة العاشرة والنصف مساء", "10:30 مساء", "في 12/3/2015 الساعة 9"):
        _same_times(normalize(text))
    for article in corpus_articles(limit=150, every=43):
        for paragraph in corpus_text(article).split("\n"):
            _same_times(normalize(paragraph))


def _clock_times(norm: str) -> list[tuple[int, int]]:
    """Every match of the clock-time patterns (the regions' times are these, overlaps resolved)."""
    return sorted((m.start("t"), m.end()) for p in lexicon().time_patterns for m in p.finditer(norm))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["الساعة", "العاشرة", "صباحا", "في", "تمام", "10:30", "مساء", "و", "النصف", "يوم"])))
def test_a_region_with_no_hour_word_and_no_digit_has_no_clock_time(words: list[str]) -> None:
    norm = normalize(" ".join(words))
    _same_times(norm)
    times = [(s, e) for s, e, _m in extract._times(norm, 0, len(norm), lexicon())]
    assert set(times) <= set(_clock_times(norm))
    assert bool(times) == bool(_clock_times(norm))
    if "ساعه" not in norm and not any(ch.isdigit() for ch in norm):
        assert times == []

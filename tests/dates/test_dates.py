"""Date expressions: forms, negatives, anchors, offsets, Hijri conversion, adversarial input."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import arnews
from arnews.core.lexicons import load_table
from arnews.core.text import view
from arnews.dates import extract_dates, gregorian_to_hijri, hijri_to_gregorian
from arnews.models import DateMention
from arnews.nlp import RuleAnalyzer
from docs_helpers import make_doc

ANCHOR = dt.datetime(2024, 7, 29, 13, 0, 5)  # a Monday


def dates(body: str, anchor: dt.datetime | None = ANCHOR) -> list[DateMention]:
    text = "عنوان الخبر\n\n" + body
    found = list(extract_dates(make_doc(text, published=anchor)))
    for d in found:
        assert text[d.start : d.end] == d.text
    return found


def pairs(body: str, anchor: dt.datetime | None = ANCHOR) -> list[tuple[str, str | None]]:
    return [(d.text, d.value) for d in dates(body, anchor)]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("تحدثت نائبة الرئيس في هيوستن في 25 يوليو 2024، أمام المعلمين.", [("25 يوليو 2024", "2024-07-25")]),
        ("أعلن الحزب في 23 يوليو/تموز 2024 أنه سيدعمها.", [("23 يوليو/تموز 2024", "2024-07-23")]),
        (
            "انتهت المهلة في 31 ديسمبر (كانون الأول) عام 2012 دون اتفاق.",
            [("31 ديسمبر (كانون الأول) عام 2012", "2012-12-31")],
        ),
        ("صدر القرار بتاريخ 2024-07-29 ونشر في الجريدة.", [("2024-07-29", "2024-07-29")]),
        ("وقعت الاتفاقية في 29/7/2024 بحضور الوزير.", [("29/7/2024", "2024-07-29")]),
        ("يعقد المؤتمر في 20 آب (أغسطس) في شيكاغو.", [("20 آب (أغسطس)", "2024-08-20")]),
        ("وصل الوفد في 3 كانون الثاني 2023 إلى بغداد.", [("3 كانون الثاني 2023", "2023-01-03")]),
        ("تأسست المجموعة في عام 2020 ولعبت دورا فعالا.", [("عام 2020", "2020-01-01")]),
        ("ولد الشاعر سنة 1950م في القاهرة.", [("سنة 1950م", "1950-01-01")]),
        ("ارتفعت الأسعار في يوليو 2024 بنسبة كبيرة.", [("يوليو 2024", "2024-07-01")]),
        ("وفاز بالانتخابات في 2016، ثم خسر.", [("2016", "2016-01-01")]),
    ],
)
def test_absolute_dates(body: str, expected: list[tuple[str, str]]) -> None:
    assert pairs(body) == expected


def test_day_month_without_year_takes_the_occurrence_nearest_the_anchor() -> None:
    assert pairs("اجتمعوا في 28 ديسمبر لبحث الأزمة.", dt.datetime(2025, 1, 3)) == [("28 ديسمبر", "2024-12-28")]
    assert pairs("اجتمعوا في 28 ديسمبر لبحث الأزمة.", None) == [("28 ديسمبر", None)]


def test_hijri_dates_are_marked_and_converted() -> None:
    found = dates("صدر الأمر الملكي في 06 شوال 1436 هـ بتعيينه.")
    assert [(d.text, d.calendar) for d in found] == [("06 شوال 1436 هـ", "hijri")]
    value = dt.date.fromisoformat(found[0].value or "")
    assert abs((value - dt.date(2015, 7, 22)).days) <= 1  # Umm al-Qura: 22 July 2015
    year = dates("في ميزانية العام المالي 1436هـ ارتفعت الإيرادات.")
    assert [(d.text, d.value, d.calendar) for d in year] == [("1436هـ", "2014-10-25", "hijri")]


def test_a_weekday_beside_a_hijri_date_corrects_the_tabular_day() -> None:
    found = dates("وذلك يوم الأربعاء 6 شوال 1436هـ الموافق 22 يوليو 2015م.")
    assert [(d.text, d.value, d.calendar) for d in found] == [
        ("يوم الأربعاء 6 شوال 1436هـ", "2015-07-22", "hijri"),
        ("22 يوليو 2015م", "2015-07-22", "gregorian"),
    ]


def test_weekday_and_date_are_one_mention() -> None:
    assert pairs("وفي يوم الجمعة 26 يوليو 2024، خرج المتظاهرون.") == [("يوم الجمعة 26 يوليو 2024", "2024-07-26")]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("التقى الرئيس بالوفد يوم الجمعة في البيت الأبيض.", [("يوم الجمعة", "2024-07-26")]),
        ("وأعلن الحاكم الاثنين الماضي ترشحه.", [("الاثنين الماضي", "2024-07-22")]),
        ("ومن المقرر إجراء المكالمة الأخيرة يوم الاثنين مع المنظمين.", [("يوم الاثنين", "2024-07-29")]),
        ("وقد أصيب ثلاثة أشخاص يوم السبت الماضي في الحادث.", [("يوم السبت الماضي", "2024-07-27")]),
        ("ويزور الوزير الرياض الخميس المقبل.", [("الخميس المقبل", "2024-08-01")]),
        ("وستعقد القمة يوم الأربعاء في الدوحة.", [("يوم الأربعاء", "2024-07-31")]),
        ("وكان الرئيس قد وصل الأربعاء إلى الدوحة.", [("الأربعاء", "2024-07-24")]),
        ("وألقى كلمة مساء الخميس أمام أنصاره.", [("مساء الخميس", "2024-07-25")]),
    ],
)
def test_weekdays(body: str, expected: list[tuple[str, str]]) -> None:
    assert pairs(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("وقال المتحدث أمس إن المحادثات مستمرة.", [("أمس", "2024-07-28")]),
        ("ووقع الانفجار أمس الأول قرب الحدود.", [("أمس الأول", "2024-07-27")]),
        ("وأعلنت الوزارة اليوم عن خطة جديدة.", [("اليوم", "2024-07-29")]),
        ("ويصل الوفد غدا إلى عمان.", [("غدا", "2024-07-30")]),
        ("وأطلقت حملتها الأسبوع الماضي بعد انسحاب بايدن.", [("الأسبوع الماضي", "2024-07-22")]),
        ("وارتفع التضخم الشهر الماضي إلى أعلى مستوى.", [("الشهر الماضي", "2024-06-29")]),
        ("وسجلت الشركة أرباحا قياسية العام الماضي.", [("العام الماضي", "2023-07-29")]),
        ("وتبدأ المفاوضات الأسبوع المقبل في جنيف.", [("الأسبوع المقبل", "2024-08-05")]),
        ("واعتقل المشتبه به منذ ثلاثة أيام في دبي.", [("منذ ثلاثة أيام", "2024-07-26")]),
        ("وكان قد صرح قبل يومين بأن الاتفاق قريب.", [("قبل يومين", "2024-07-27")]),
        ("وهاجر إلى كندا قبل 20 عاما مع عائلته.", [("قبل 20 عاما", "2004-07-29")]),
        ("وعاد الرئيس إلى العاصمة صباح أمس.", [("صباح أمس", "2024-07-28")]),
    ],
)
def test_relative_expressions(body: str, expected: list[tuple[str, str]]) -> None:
    assert pairs(body) == expected


def test_time_of_day_attaches_to_the_date() -> None:
    assert pairs("ووقع الهجوم في الساعة الخامسة صباحًا يوم الثلاثاء الماضي قرب المطار.") == [
        ("الساعة الخامسة صباحًا يوم الثلاثاء الماضي", "2024-07-23T05:00")
    ]
    assert pairs("وتبدأ الجلسة يوم الخميس المقبل الساعة 10:30 مساء.") == [
        ("يوم الخميس المقبل الساعة 10:30 مساء", "2024-08-01T22:30")
    ]
    assert pairs("وصلت الطائرة أمس عند الساعة الثالثة والنصف عصرا.") == [
        ("أمس عند الساعة الثالثة والنصف عصرا", "2024-07-28T15:30")
    ]


def test_a_clock_time_alone_is_not_a_date() -> None:
    assert pairs("واستمر الاجتماع حتى الساعة العاشرة مساء.") == []


@pytest.mark.parametrize(
    "body",
    [
        "توفي الفنان محمد عبده (63 عاما) في المستشفى.",
        "ويبلغ من العمر 81 عامًا ويعيش في الرياض.",
        "استمرت المكالمة 20 دقيقة وانتهت خلال 24 ساعة.",
        "توقف البث لعدة ثوان ثم عاد.",
        "وأثار القرار غضب الرأي العام قبيل الانتخابات العامة.",
        "وشارك 2024 شخصا في السباق الذي جمع 15 مليون دولار.",
        "واحتفلت المملكة باليوم الوطني في اليوم التالي.",
        "وأدى المصلون صلاة الجمعة في الحرم.",
        "وقال الأمين العام إن الاتفاق بين الاثنين قائم.",
        "وتراجع المؤشر إلى صفر تقريبا ومارس الضغط.",
        "وأكد أنه سيرد قبل يومين من موعد الانتخابات.",
    ],
)
def test_not_dates(body: str) -> None:
    assert pairs(body) == []


def test_without_anchor_relative_values_are_none_and_absolute_ones_stay() -> None:
    body = "وقال أمس إن اجتماع يوم الجمعة الماضي الذي عقد في 25 يوليو 2024 نجح قبل يومين."
    assert pairs(body, None) == [
        ("أمس", None),
        ("يوم الجمعة الماضي", None),
        ("25 يوليو 2024", "2024-07-25"),
        ("قبل يومين", None),
    ]


def test_offsets_are_exact_with_diacritics_clitics_and_arabic_indic_digits() -> None:
    body = "وَفِي يَوْمِ الجُمُعَةِ الماضِي، وبالأمس، وفي ٢٥ يوليو ٢٠٢٤."
    found = dates(body)
    assert [(d.text, d.value) for d in found] == [
        ("يَوْمِ الجُمُعَةِ الماضِي", "2024-07-26"),
        ("الأمس", "2024-07-28"),
        ("٢٥ يوليو ٢٠٢٤", "2024-07-25"),
    ]


def test_dates_in_captions_and_title_are_found() -> None:
    text = "قمة الرياض تنطلق الأحد المقبل\n\nوصل القادة إلى الرياض.\n\n"
    v = view(text)
    found = extract_dates(make_doc(v.raw, published=ANCHOR))
    assert [(d.text, d.value) for d in found] == [("الأحد المقبل", "2024-08-04")]


def test_empty_and_plain_inputs() -> None:
    v = view("")
    assert extract_dates(make_doc(v.raw, published=ANCHOR)) == ()
    assert pairs("لا تاريخ في هذا النص على الإطلاق.") == []


@pytest.mark.parametrize("unit", ["يوم ", "1", "2024 ", "الجمعة ", "الساعة ", "منذ ", "(", "/1"])
def test_adversarial_repetition_finishes(unit: str) -> None:
    text = "عنوان\n\n" + unit * 100_000
    v = view(text)
    found = extract_dates(make_doc(v.raw, published=ANCHOR))
    for d in found:
        assert text[d.start : d.end] == d.text


def test_tabular_hijri_round_trips_and_known_dates() -> None:
    assert hijri_to_gregorian(1, 1, 1) == dt.date(622, 7, 19)
    assert hijri_to_gregorian(1445, 9, 1) == dt.date(2024, 3, 11)  # Ramadan 1445 began on 11 March 2024
    assert gregorian_to_hijri(dt.date(2024, 7, 29)) == (1446, 1, 22)  # Umm al-Qura: 23 Muharram, one day on
    with pytest.raises(ValueError):
        hijri_to_gregorian(1445, 13, 1)


@given(st.dates(min_value=dt.date(700, 1, 1), max_value=dt.date(2200, 12, 31)))
def test_gregorian_hijri_round_trip(date: dt.date) -> None:
    y, m, d = gregorian_to_hijri(date)
    assert hijri_to_gregorian(y, m, d) == date


GREGORIAN_NAMES = [(name, int(n)) for name, n, cal in load_table("months") if cal == "gregorian"]


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)), st.sampled_from(GREGORIAN_NAMES))
def test_any_written_date_reads_back(date: dt.date, name_month: tuple[str, int]) -> None:
    name, month = name_month
    try:
        date = date.replace(month=month)
    except ValueError:
        date = date.replace(month=month, day=28)
    written = f"{date.day} {name} {date.year}"
    assert pairs(f"وقع ذلك في {written} كما قيل.", None) == [(written, date.isoformat())]


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="يوم الجمعة أمس 2024/7-(عام)منذ قبل الساعة 12345 ", max_size=200))
def test_arbitrary_date_like_text_never_breaks_offsets(body: str) -> None:
    for d in dates(body):
        if d.value is not None:
            dt.datetime.fromisoformat(d.value)


def test_relative_lexicon_agrees_with_dateparser_where_it_reads_the_form() -> None:
    import dateparser

    from arnews.dates.resolve import _shift

    settings = {"RELATIVE_BASE": ANCHOR, "PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    read = 0
    for phrase, unit, amount in load_table("relative_dates"):
        parsed = dateparser.parse(phrase, languages=["ar"], settings=settings)
        if parsed is not None:
            read += 1
            assert parsed.date() == _shift(ANCHOR.date(), unit, int(amount)), phrase
    assert read >= 5  # "أمس", "اليوم", "غدا", ... are read by dateparser: the check is not empty


def test_import_does_not_load_dateparser() -> None:
    code = "import sys, arnews, arnews.dates; print('dateparser' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_a_weekday_beside_a_relative_day_is_one_mention_and_wins_over_a_late_anchor() -> None:
    crawled = dt.datetime(2015, 7, 21, 2, 51)  # a Tuesday: the article was published on Monday
    body = "حدد رئيس الوزراء اليوم (الاثنين) ملامح استراتيجية جديدة، بعد أن التقى أمس الأحد وزير الداخلية."
    assert pairs(body, crawled) == [("اليوم (الاثنين)", "2015-07-20"), ("أمس الأحد", "2015-07-19")]


def test_names_holding_a_date_word_are_not_dates() -> None:
    assert pairs("عين اليوم – متابعات: أعلنت الوزارة عن خطة. وقالت روسيا اليوم إن الوفد وصل.") == []


def test_two_month_names_side_by_side_are_one_date() -> None:
    assert pairs("ستستضيف الكويت البطولة في ديسمبر كانون الأول 2016 أو يناير كانون الثاني 2017.") == [
        ("ديسمبر كانون الأول 2016", "2016-12-01"),
        ("يناير كانون الثاني 2017", "2017-01-01"),
    ]


def test_a_written_year_after_a_relative_year_gives_the_value() -> None:
    assert pairs("وارتفعت الأرباح العام الماضي 2014 بنسبة 5%.", dt.datetime(2015, 7, 22)) == [
        ("العام الماضي 2014", "2014-01-01")
    ]
    found = dates("بمناسبة إعلان ميزانية الدولة لهذا العام 1436هـ، قال الوزير", dt.datetime(2015, 7, 22))
    assert [(d.text, d.value, d.calendar) for d in found] == [("هذا العام 1436هـ", "2014-10-25", "hijri")]


def test_a_weekday_as_a_habit_is_not_a_date() -> None:
    assert pairs("وتقام المحاضرات أيام الثلاثاء من كل أسبوع.") == []
    assert pairs("ويزور والده كل يوم الجمعة في القرية.") == []


# --- Hijri years need a Hijri marker or a Hijri article near its own era ----------------------------------------


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("سقطت القسطنطينية عام 1453 على يد السلطان محمد الفاتح.", [("عام 1453", "1453-01-01", "gregorian")]),
        ("بني المسجد سنة 1350 في عهد المماليك.", [("سنة 1350", "1350-01-01", "gregorian")]),
        ("اكتشف كولومبوس أمريكا عام 1492 بدعم من ملكة إسبانيا.", [("عام 1492", "1492-01-01", "gregorian")]),
        ("وافتتح المبنى في عام 1436 هـ بحضور أمير المنطقة.", [("عام 1436 هـ", "2014-10-25", "hijri")]),
        ("أقرت الخطة عام 1436 هجري لتطوير الأحياء.", [("عام 1436 هجري", "2014-10-25", "hijri")]),
        ("وأقيم الحفل عام 1436م في الرياض.", [("عام 1436م", "1436-01-01", "gregorian")]),
    ],
)
def test_a_bare_year_is_gregorian_and_a_marked_one_hijri(body: str, expected: list[tuple[str, str, str]]) -> None:
    found = dates(body, dt.datetime(2015, 6, 1))
    assert [(d.text, d.value, d.calendar) for d in found] == expected


def test_a_bare_year_near_the_era_is_hijri_only_in_an_article_that_writes_hijri_dates() -> None:
    anchor = dt.datetime(2015, 6, 1)  # Hijri 1436
    hijri_article = "صدرت الميزانية في 06 شوال 1436 هـ. وتبدأ المرحلة الثانية عام 1437 وفق الخطة."
    found = dates(hijri_article, anchor)
    assert [(d.text, d.calendar) for d in found] == [("06 شوال 1436 هـ", "hijri"), ("عام 1437", "hijri")]
    assert found[1].value == "2015-10-15"
    # the same bare year without Hijri dates elsewhere, or far from the publication's era, stays Gregorian
    plain = "وتبدأ المرحلة الثانية عام 1437 وفق الخطة التي أقرت في عام 2014."
    assert [d.calendar for d in dates(plain, anchor)] == ["gregorian", "gregorian"]
    # an article that writes no modern Gregorian year dates by the Hijri calendar (a Saudi local report)
    local = "أكد رئيس البلدية أن العمل في المشروع بدأ منذ عام 1428، ويكتمل بحلول العام 1440."
    assert [(d.text, d.calendar) for d in dates(local, anchor)] == [("عام 1428", "hijri"), ("العام 1440", "hijri")]
    far = dates("صدرت الميزانية عام 1436هـ. وفي عام 1453 سقطت القسطنطينية.", anchor)
    assert [(d.text, d.calendar) for d in far] == [("عام 1436هـ", "hijri"), ("عام 1453", "gregorian")]
    # without a publication date no era is known: a bare year stays Gregorian
    assert dates(hijri_article, None)[1].calendar == "gregorian"


# --- counts and ordinal days are read by arnews.core.numbers --------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("وصل الوفد إلى جدة في الخامس من يوليو 2024 لبدء المحادثات.", [("الخامس من يوليو 2024", "2024-07-05")]),
        ("عقد الاجتماع يوم الحادي والعشرين من مايو الماضي.", [("الحادي والعشرين من مايو", "2024-05-21")]),
        ("تنطلق البطولة في الأول من أغسطس في الدوحة.", [("الأول من أغسطس", "2024-08-01")]),
        ("وقعت الحادثة في الثاني عشر من شهر يونيو 2023.", [("الثاني عشر من شهر يونيو 2023", "2023-06-12")]),
        ("انتهت المهلة في الحادي و الثلاثين من ديسمبر 2023.", [("الحادي و الثلاثين من ديسمبر 2023", "2023-12-31")]),
        ("أعلنت الوزارة في العاشرة من صباح اليوم النتائج.", [("صباح اليوم", "2024-07-29")]),
        ("بدأت الأزمة منذ خمسة عشر يوما ولم تنته.", [("منذ خمسة عشر يوما", "2024-07-14")]),
        ("غادر البلاد قبل عشرين عاما ولم يعد.", [("قبل عشرين عاما", "2004-07-29")]),
        ("اختفى منذ ثلاثة أسابيع في ظروف غامضة.", [("منذ ثلاثة أسابيع", "2024-07-08")]),
        ("تراجعت الأسعار منذ بداية عام جديد.", []),
    ],
)
def test_ordinal_days_and_counted_units(body: str, expected: list[tuple[str, str]]) -> None:
    assert pairs(body) == expected


def test_an_ordinal_day_beside_a_weekday_is_one_date_and_a_hijri_month_is_hijri() -> None:
    found = dates("يبدأ الصيام يوم الخميس الأول من رمضان.", dt.datetime(2015, 6, 1))
    assert [(d.text, d.value, d.calendar) for d in found] == [("يوم الخميس الأول من رمضان", "2015-06-18", "hijri")]
    assert pairs("الخامس والثلاثين من يوليو") == []  # no such day


@pytest.mark.parametrize("body", ["منذ مليون عام", "منذ ألف عام", "منذ ملايين السنين", "قبل مليار سنة", "منذ نصف عام"])
def test_counts_beyond_three_digits_or_vague_are_no_dates(body: str) -> None:
    assert pairs(f"وقال الباحث إن الصخور تكونت {body} في المنطقة.") == []


def test_a_count_past_the_start_of_the_calendar_has_no_value() -> None:
    assert pairs("وقع الحادث قبل 999 عاما.", dt.datetime(500, 1, 1)) == [("قبل 999 عاما", None)]
    assert pairs("وقع الحادث قبل تسعمائة وتسعة وتسعين عاما.", dt.datetime(2015, 1, 1)) == [
        ("قبل تسعمائة وتسعة وتسعين عاما", "1016-01-01")
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("وتأسس مجلس الوكلاء عام 1350/ 1931 في مكة، وتطور في عام 2015.", ("عام 1350", "1931-05-19", "hijri")),
        ("وبدأ الصندوق نشاطه اعتبارا من عام 1391 الموافق 1971، ثم توسع في 2014.", ("عام 1391", "1971-02-27", "hijri")),
        ("وعين وزيرا للداخلية في عام 1382-1962 ثم رئيسا في 2010.", ("عام 1382", "1962-06-04", "hijri")),
        (
            "وفي عام 1453/1454 سقطت المدينة بعد حصار طويل، كما ذكر كتاب صدر في 2010.",
            ("عام 1453", "1453-01-01", "gregorian"),
        ),
    ],
)
def test_a_year_paired_with_its_gregorian_year_is_hijri(body: str, expected: tuple[str, str, str]) -> None:
    found = dates(body, dt.datetime(2015, 6, 1))
    assert (found[0].text, found[0].value, found[0].calendar) == expected


@pytest.mark.parametrize(
    ("phrase", "granularity"),
    [
        ("يوم الخميس الساعة 10 صباحا", "minute"),
        ("في 5 مارس 2021", "day"),
        ("أمس", "day"),
        ("الأسبوع الماضي", "week"),
        ("في يوليو 2024", "month"),
        ("الشهر المقبل", "month"),
        ("عام 2020", "year"),
        ("منذ ثلاث سنوات", "year"),
        ("عام 1436 هـ", "year"),
    ],
)
def test_granularity_says_how_much_of_the_value_the_text_states(phrase: str, granularity: str) -> None:
    text = f"عنوان\n\nقال الوزير إن المشروع بدأ {phrase} في المدينة."
    article = arnews.Pipeline(analyzer=RuleAnalyzer()).parse(text, published=dt.datetime(2024, 10, 1))
    [mention] = article.dates
    assert mention.granularity == granularity
    assert text[mention.start : mention.end] == mention.text

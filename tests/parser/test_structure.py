"""The structure parser on the seeds, on crafted hard cases and on real corpus articles."""

from __future__ import annotations

import datetime as dt

import pytest

import arnews
from arnews.core.text import view
from arnews.nlp import RuleAnalyzer
from arnews.parser import parse_structure
from corpus_helpers import corpus_articles, corpus_text

# structure needs no model: the rule analyzer keeps these tests independent of the NER model
parse = arnews.Pipeline(analyzer=RuleAnalyzer()).parse


def structure(text: str):  # type: ignore[no-untyped-def]
    return parse_structure(view(text))


def spans_exact(text: str, article: arnews.Article) -> None:
    d = article.to_dict()
    pieces = list(d["paragraphs"]) + list(d["captions"]) + [d["title_span"], d["dateline_span"]]
    for piece in pieces:
        if piece is not None:
            assert text[piece["start"] : piece["end"]] == piece["text"]


# --- seeds -----------------------------------------------------------------------------------------------


def test_seed_000_title_and_dateline(seed_texts: list[str]) -> None:
    a = parse(seed_texts[0])
    assert a.title == "تترك المانحون كامالا هاريس المكالمة محبطة وغاضبة"
    assert a.dateline == "بروفينسيتاون ، ماساتشوستس"
    assert a.paragraphs[0].text.startswith("أحبطت مكالمة")
    assert not any("اترك تعليق" in p.text or "بريدك الإلكتروني" in p.text for p in a.paragraphs)


def test_seed_001_notes_captions_and_furniture(seed_texts: list[str]) -> None:
    a = parse(seed_texts[1])
    assert a.title.startswith("منظمون شعبيون")  # the breadcrumb "الرئيسية" above it is skipped
    assert a.published == dt.datetime(2024, 7, 29, 13, 0, 5)
    assert a.source.site == "www.cbsnews.com"
    assert a.source.translated is True
    assert a.source.translator == "Google Translate"
    assert a.source.contributors == ("أليسون نوفيلو",)
    assert [c.credit for c in a.captions] == [
        "مونتينيك مونرو / جيتي إيماجيز",
        "كيفن ديتش / جيتي إيماجيز",
        "جيم فوندروسكا / جيتي إيماجيز",
    ]
    assert a.captions[0].title is not None and a.captions[0].title.startswith("نائبة الرئيس كامالا هاريس تلقي")
    assert a.captions[0].text.startswith("تتحدث نائبة الرئيس")
    body = "\n".join(p.text for p in a.paragraphs)
    for leaked in ("مقالات ذات صلة", "زر الذهاب", "ادارة الموقع", "جيتي إيماجيز", "ساهمت", "الكاتب:"):
        assert leaked not in body


def test_seed_002_duplicate_paragraph_dropped(seed_texts: list[str]) -> None:
    a = parse(seed_texts[2])
    texts = [p.text for p in a.paragraphs]
    assert len(texts) == len(set(texts))
    assert sum("يشير تقرير جديد لشبكة NBC News" in t for t in texts) == 1


def test_seed_offsets_exact(seed_texts: list[str]) -> None:
    for text in seed_texts:
        spans_exact(text, parse(text))


# --- datelines ---------------------------------------------------------------------------------------------

BODY = "أعلنت الوزارة اليوم عن إطلاق مبادرة جديدة لدعم الأسر المحتاجة في المنطقة."


@pytest.mark.parametrize(
    ("head", "whole", "place", "agency", "reporters"),
    [
        ("الرياض - واس", "الرياض - واس", "الرياض", "وكالة الأنباء السعودية", ()),
        ("طوكيو 01- واس", "طوكيو 01- واس", "طوكيو", "وكالة الأنباء السعودية", ()),
        ("القاهرة ـ", "القاهرة", "القاهرة", None, ()),
        ("(رويترز) -", "(رويترز)", None, "Reuters", ()),
        ("بيروت (أ ف ب) -", "بيروت (أ ف ب)", "بيروت", "AFP", ()),
        (
            "الكويت - أحمد العويد، واس",
            "الكويت - أحمد العويد، واس",
            "الكويت",
            "وكالة الأنباء السعودية",
            ("أحمد العويد",),
        ),
        ("بروفينسيتاون ، ماساتشوستس –", "بروفينسيتاون ، ماساتشوستس", "بروفينسيتاون ، ماساتشوستس", None, ()),
        ("سبق ـ أبها:", "سبق ـ أبها", "أبها", None, ()),
        ("جدة : واس", "جدة : واس", "جدة", "وكالة الأنباء السعودية", ()),
        ("رويترز- طرابلس (ليبيا):", "رويترز- طرابلس (ليبيا)", "طرابلس", "Reuters", ()),
        ("سبق- تبوك- (تصوير: سالم العنزي):", "سبق- تبوك- (تصوير: سالم العنزي)", "تبوك", None, ()),
        ("منى سعد - سبق - المدينة المنورة:", "منى سعد - سبق - المدينة المنورة", "المدينة المنورة", None, ("منى سعد",)),
        ("سامي الحربي ـ الدمام", "سامي الحربي ـ الدمام", "الدمام", None, ("سامي الحربي",)),
        ("الرياضي ـ القاهرة", "الرياضي ـ القاهرة", "القاهرة", None, ()),
    ],
)
def test_datelines_of_arab_outlets(
    head: str, whole: str, place: str | None, agency: str | None, reporters: tuple[str, ...]
) -> None:
    text = f"عنوان الخبر\n\n{head} {BODY}\nفقرة ثانية من الخبر."
    a = parse(text)
    assert a.dateline == place
    assert a.dateline_span is not None and a.dateline_span.text == whole
    if place is not None:
        assert a.dateline_place is not None and a.dateline_place.text == place
    assert a.source.agency == agency
    assert a.source.contributors == reporters
    if reporters:
        assert a.source.author == reporters[0]
    assert a.paragraphs[0].text == BODY
    spans_exact(text, a)


@pytest.mark.parametrize(
    ("line", "place", "site", "reporters"),
    [
        ("عين اليوم – برشلونة", "برشلونة", "عين اليوم", ()),  # after an outlet, the word is the place
        ("عين اليوم – متابعات", None, "عين اليوم", ()),  # a desk is no place
        ("علي السحاري – عين اليوم", None, "عين اليوم", ("علي السحاري",)),  # reporter and outlet, no place
        ("عبدالرحمن الشهري – جدة", "جدة", None, ("عبدالرحمن الشهري",)),
    ],
)
def test_datelines_of_a_line_of_their_own(
    line: str, place: str | None, site: str | None, reporters: tuple[str, ...]
) -> None:
    text = f"عنوان الخبر\n\n{line}\n{BODY}\nفقرة ثانية."
    a = parse(text)
    assert a.dateline == place
    assert a.dateline_span is not None and a.dateline_span.text == line
    assert a.source.site == site
    assert a.source.contributors == reporters
    assert [p.text for p in a.paragraphs] == [BODY, "فقرة ثانية."]
    spans_exact(text, a)


def test_dateline_on_its_own_line_with_author() -> None:
    text = "عنوان الخبر\n\nلندن: رنيم حنوش\n" + BODY
    a = parse(text)
    assert a.dateline == "لندن"
    assert a.dateline_span is not None and a.dateline_span.text == "لندن: رنيم حنوش"
    assert a.source.author == "رنيم حنوش"
    assert [p.text for p in a.paragraphs] == [BODY]


def test_dated_spa_dateline_gives_publication_date() -> None:
    text = "عنوان الخبر\n\nالرياض 06 شوال 1436 هـ الموافق 22 يوليو 2015 م واس " + BODY
    a = parse(text)
    assert a.dateline == "الرياض"
    assert a.dateline_span is not None and a.dateline_span.text.startswith("الرياض 06 شوال 1436")
    assert a.source.agency == "وكالة الأنباء السعودية"
    assert a.published is not None and a.published.date() == dt.date(2015, 7, 22)
    assert a.paragraphs[0].text == BODY


def test_no_dateline_in_an_ordinary_first_sentence() -> None:
    text = "عنوان الخبر\n\nقال وزير الخارجية إن المحادثات - التي بدأت أمس - ستستمر أسبوعا.\nفقرة ثانية."
    a = parse(text)
    assert a.dateline is None
    assert a.paragraphs[0].text.startswith("قال وزير الخارجية")


@pytest.mark.parametrize(
    "head",
    [
        "أكد الوزير - في مؤتمر صحفي عقده أمس -",
        "وأضاف المتحدث الرسمي -",
        "المملكة العربية السعودية والكويت -",
    ],
)
def test_a_dash_aside_is_no_bare_dateline(head: str) -> None:
    text = f"عنوان الخبر\n\n{head} {BODY}\nفقرة ثانية."
    a = parse(text)
    assert a.dateline is None
    assert a.paragraphs[0].text.startswith(head.split(maxsplit=1)[0])


def test_a_known_place_makes_a_bare_dateline() -> None:
    text = f"عنوان الخبر\n\nالقاهرة - {BODY}\nفقرة ثانية."
    a = parse(text)
    assert a.dateline == "القاهرة"
    assert a.paragraphs[0].text == BODY


# --- captions, bylines, notes, furniture ----------------------------------------------------------------------


def test_caption_with_photo_credit_label() -> None:
    text = (
        "عنوان الخبر\n\n" + BODY + "\n\nأمير المنطقة يدشن المشروع\nجانب من حفل التدشين أمس في جدة.\n"
        "تصوير: خالد المالكي\n\nفقرة أخيرة من الخبر."
    )
    a = parse(text)
    assert len(a.captions) == 1
    cap = a.captions[0]
    assert (cap.title, cap.text, cap.credit) == (
        "أمير المنطقة يدشن المشروع",
        "جانب من حفل التدشين أمس في جدة.",
        "تصوير: خالد المالكي",
    )
    assert [p.text for p in a.paragraphs] == [BODY, "فقرة أخيرة من الخبر."]
    spans_exact(text, a)


def test_agency_credit_alone_makes_a_caption() -> None:
    text = "عنوان\n\n" + BODY + "\n\nمتظاهرون في وسط المدينة يوم الجمعة\n(رويترز)\n\nفقرة أخيرة."
    a = parse(text)
    assert [c.credit for c in a.captions] == ["(رويترز)"]
    assert a.captions[0].title is None


def test_byline_and_contributors() -> None:
    text = "عنوان\n\nبقلم: سارة أحمد\n" + BODY + "\nساهم محمد علي وليلى حسن في إعداد هذا التقرير.\n"
    a = parse(text)
    assert a.source.author == "سارة أحمد"
    assert a.source.contributors == ("سارة أحمد", "محمد علي", "ليلى حسن")  # everyone the page credits
    assert [p.text for p in a.paragraphs] == [BODY]


@pytest.mark.parametrize(
    "line",
    [
        "إعداد الكوادر الوطنية أولوية للوزارة في المرحلة المقبلة",
        "كتب الرئيس رسالة إلى نظيره",
        "تقرير اللجنة صدر أمس",
    ],
)
def test_a_sentence_opening_with_a_byline_word_is_body(line: str) -> None:
    text = f"عنوان\n\n{BODY}\n{line}\n"
    a = parse(text)
    assert a.source.author is None
    assert line in [p.text for p in a.paragraphs]


def test_byline_word_with_a_colon_is_a_byline() -> None:
    text = f"عنوان\n\nإعداد: منى خالد\n{BODY}\n"
    a = parse(text)
    assert a.source.author == "منى خالد"
    assert [p.text for p in a.paragraphs] == [BODY]


def test_many_credit_lines_in_one_block_stay_linear() -> None:
    # a caption looks back three lines at most, so a long run of credit lines cannot make the walk quadratic
    credits = "\n".join(f"صورة رقم {i}\n(رويترز)" for i in range(3000))
    text = f"عنوان\n\n{BODY}\n{credits}\n"
    a = parse(text)
    assert len(a.captions) >= 1000
    spans_exact(text, a)


def test_furniture_lines_and_related_articles_are_dropped() -> None:
    text = (
        "الرئيسية > أخبار > محليات\nعنوان الخبر\n\n" + BODY + "\nشارك\nطباعة\nاقرأ أيضاً:\n"
        "جميع الحقوق محفوظة لصحيفة المثال 2015\nأخبار ذات صلة\nخبر آخر لا علاقة له\nخبر ثالث\n"
    )
    a = parse(text)
    assert a.title == "عنوان الخبر"
    assert [p.text for p in a.paragraphs] == [BODY]


def test_a_breadcrumb_line_goes_and_a_paragraph_with_slashes_stays() -> None:
    dated = "الرئيسية / أعلنت الوزارة يوم 2015/5/3 عن نتائج المسابقة التي شارك فيها آلاف الطلاب من مختلف المناطق."
    a = parse("الرئيسية › أخبار › محليات\nعنوان الخبر\n\n" + BODY + "\n" + dated)
    assert a.title == "عنوان الخبر"
    assert [p.text for p in a.paragraphs] == [BODY, dated]


def test_trailing_link_furniture_is_cut_inside_a_paragraph() -> None:
    text = "عنوان\n\n" + BODY + " رابط الخبر بصحيفة الوئام: عنوان الخبر"
    a = parse(text)
    assert [p.text for p in a.paragraphs] == [BODY]


def test_republisher_notes() -> None:
    text = (
        "عنوان\n\n" + BODY + "\n\nالمصدر\nالكاتب: جون سميث\nالموقع : www.example.com\n"
        "نشر الخبر اول مرة بتاريخ : 2023-01-05 08:30:00\nتم نشر الخبر مترجم عبر خدمة جوجل\n"
    )
    a = parse(text)
    assert a.source.author == "جون سميث"
    assert a.source.site == "www.example.com"
    assert a.published == dt.datetime(2023, 1, 5, 8, 30)
    assert a.source.translated and a.source.translator == "Google Translate"
    assert [p.text for p in a.paragraphs] == [BODY]


def test_user_published_date_wins_over_none_and_url_gives_site() -> None:
    a = parse("عنوان\n\n" + BODY, published="2015-07-21", url="http://www.spa.gov.sa/123")
    assert a.published == dt.datetime(2015, 7, 21)
    assert a.source.url == "http://www.spa.gov.sa/123"
    assert a.source.site == "www.spa.gov.sa"


def test_html_entities_are_understood_but_offsets_index_the_input() -> None:
    text = "عنوان\n\nالشركة &quot;المثال&quot; تعلن نتائجها &amp; خططها.\nاقرأ&nbsp;أيضا\n"
    a = parse(text)
    assert [p.text for p in a.paragraphs] == ["الشركة &quot;المثال&quot; تعلن نتائجها &amp; خططها."]
    spans_exact(text, a)


def test_stray_diacritics_in_furniture() -> None:
    a = parse("ٍَالرئيسية\nالعنوان الحقيقي\n\n" + BODY)
    assert a.title == "العنوان الحقيقي"


# --- odd input -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "   ", "\n\n\n", "\ufeff", "\r\n\r\n"])
def test_empty_input_gives_an_empty_article(text: str) -> None:
    a = parse(text)
    assert a.title == ""
    assert a.paragraphs == () and a.quotes == () and a.entities == ()


def test_single_line_is_title_and_body() -> None:
    a = parse("قال الوزير إن المشروع اكتمل")
    assert a.title == "قال الوزير إن المشروع اكتمل"
    assert [p.text for p in a.paragraphs] == ["قال الوزير إن المشروع اكتمل"]


def test_crlf_input_keeps_exact_offsets() -> None:
    text = "عنوان الخبر\r\n\r\nالرياض - واس\r\n" + BODY + "\r\nفقرة ثانية.\r\n"
    a = parse(text)
    assert a.dateline == "الرياض"
    assert [p.text for p in a.paragraphs] == [BODY, "فقرة ثانية."]
    spans_exact(text, a)


@pytest.mark.parametrize("bad", [b"\x00\x01binary", 42, None])
def test_non_text_input_is_a_clear_error(bad: object) -> None:
    with pytest.raises(arnews.InputError):
        parse(bad)  # type: ignore[arg-type]


def test_binary_looking_text_is_rejected() -> None:
    with pytest.raises(arnews.InputError, match="binary"):
        parse("abc\x00def" * 10)


def test_too_large_input_is_rejected() -> None:
    from arnews.core.text import MAX_CHARS

    with pytest.raises(arnews.InputError, match="limit"):
        parse("ا" * (MAX_CHARS + 1))


def test_five_megabyte_input_parses() -> None:
    paragraph = "وقال المتحدث الرسمي إن «الوزارة مستمرة في جهودها» لدعم 1.5 مليون أسرة في 13 منطقة. "
    text = "عنوان طويل\n\n" + "\n".join([paragraph * 20] * (5_000_000 // (len(paragraph) * 20)))
    with pytest.raises(arnews.InputError, match="larger than the limit of 2,000,000"):
        parse(text)  # the default limit with the model
    a = arnews.Pipeline(max_chars=6_000_000).parse(text)
    assert len(a.paragraphs) == 1  # every line is the same paragraph: duplicates dropped
    spans_exact(text, a)


def test_not_arabic_input_does_not_crash() -> None:
    a = parse("Breaking news\n\nLONDON (Reuters) - Shares rose on Monday.")
    assert a.title == "Breaking news"
    assert a.paragraphs


def test_broken_html_does_not_crash() -> None:
    text = "<html><body><h1>عنوان</h1><p>نص <b>غير مغلق\n<div class=x>قال الوزير &quot;نعم"
    a = parse(text)
    assert a.title == "عنوان"
    body = "\n".join(p.text for p in a.paragraphs)
    assert 'قال الوزير "نعم' in body and "غير مغلق" in body and "<" not in a.text
    spans_exact(a.text, a)


# --- the corpus ------------------------------------------------------------------------------------------------


BIDI = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


@pytest.mark.corpus
def test_corpus_sample_structure_has_exact_offsets() -> None:
    count = 0
    for article in corpus_articles(limit=400, every=7, files=1):
        text = corpus_text(article)
        s = structure(text)
        title = article["title"].strip(BIDI + " \n\t\xa0")
        assert (s.title.text.strip(BIDI) if s.title else "") == title or not title
        for piece in [*s.paragraphs, *s.captions, *(x for x in (s.title, s.dateline) if x is not None)]:
            assert text[piece.start : piece.end] == piece.text
        assert s.paragraphs or not article["content"].strip()
        count += 1
    assert count > 100


def test_a_link_label_without_an_address_is_not_a_source_note() -> None:
    text = "عنوان\n\n" + BODY + "\nرابط الخبر بصحيفة الوئام: عنوان الخبر\n"
    a = parse(text)
    assert a.source.site is None and a.source.url is None
    assert [p.text for p in a.paragraphs] == [BODY]
    a = parse("عنوان\n\n" + BODY + "\nرابط الخبر: https://www.example.com/news/1\n")
    assert a.source.url == "https://www.example.com/news/1"
    assert a.source.site == "www.example.com"


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("06 شوال 1436 هـ", dt.datetime(2015, 7, 23)),
        ("22 تموز 2015", dt.datetime(2015, 7, 22)),
        ("3 كانون الثاني 2016 الساعة 10:30", dt.datetime(2016, 1, 3, 10, 30)),
        ("2015-07-22T10:05", dt.datetime(2015, 7, 22, 10, 5)),
        ("22/07/2015", dt.datetime(2015, 7, 22)),
        ("July 22, 2015", dt.datetime(2015, 7, 22)),
        ("بلا تاريخ", None),
    ],
)
def test_parse_datetime_reads_every_month_family(written: str, expected: dt.datetime | None) -> None:
    from arnews.parser import parse_datetime

    assert parse_datetime(written) == expected


def test_hijri_only_dated_dateline_gives_publication_date() -> None:
    text = "عنوان الخبر\n\nالرياض 06 شوال 1436 هـ واس " + BODY
    a = parse(text)
    assert a.published is not None and a.published.date() == dt.date(2015, 7, 23)


def test_reporters_outlet_region_and_place_joined_by_bare_dashes() -> None:
    s = parse("عنوان الخبر\n\nخالد العلي-سعد الحربي-سبق-الرياض-الخرج: افتتح المحافظ المشروع الجديد.")
    assert s.dateline_span is not None and s.dateline_span.text == "خالد العلي-سعد الحربي-سبق-الرياض-الخرج"
    assert s.dateline == "الخرج"
    assert s.source.contributors == ("خالد العلي", "سعد الحربي")


# --- furniture of the outlets: agency feeds, tag lines, writers' footers ------------------------------------------

LAST = "وأكد المتحدث أن العمل سيستمر حتى نهاية العام."


@pytest.mark.parametrize(
    ("tail", "furniture"),
    [
        ("\n // انتهى //\n 16:02 ت م \n", ["// انتهى //", "16:02 ت م"]),  # an agency feed's end and time stamp
        ("\n // يتبع //\n 17:58 ت م\n", ["// يتبع //", "17:58 ت م"]),
        ("\n//انتهى//\n11:53 ت م NNNN\n", ["//انتهى//", "11:53 ت م NNNN"]),
        ("\nمقالات أخرى للكاتبعنوان مقال سابقعنوان مقال آخر", ["مقالات أخرى للكاتبعنوان مقال سابقعنوان مقال آخر"]),
        (
            "\nname.surname@example.comللتواصل مع الكاتب ارسل رسالة SMS تبدأ بالرمز (77) ثم مسافة ثم نص الرسالة"
            " إلى 88591 - Stc\n635031 - Mobily 737221 - Zain",
            ["name.surname@example.com", "للتواصل مع الكاتب ارسل رسالة SMS"],
        ),
        ("\nلمراسلة الكاتب: writer@example.net", ["لمراسلة الكاتب: writer@example.net"]),
        ("\nتويتر: @writer_handle", ["تويتر: @writer_handle"]),
        ("\n\x1a أديب وكاتب صحفي ", ["أديب وكاتب صحفي"]),  # the writer's signature
        ("\n* أكاديمي سعودي", ["أكاديمي سعودي"]),
    ],
)
def test_page_furniture_leaves_the_body(tail: str, furniture: list[str]) -> None:
    text = f"عنوان الخبر\n\n{BODY}\n{LAST}{tail}"
    a = parse(text)
    assert [p.text for p in a.paragraphs] == [BODY, LAST]
    for piece in furniture:
        assert not any(piece in p.text for p in a.paragraphs)
    spans_exact(text, a)


def test_a_tag_line_after_the_last_sentence_is_cut_off() -> None:
    text = f"عنوان الخبر\n\n{BODY}\n{LAST} سمات اسبانيا الجهاديين الحرب السلمية برشلونة "
    a = parse(text)
    assert [p.text for p in a.paragraphs] == [BODY, LAST]
    spans_exact(text, a)


@pytest.mark.parametrize(
    "last",
    [
        "وهناك كونسول مركزي في السيارة، وهو من سمات بعض سيارات الشركة الأخرى.",  # the word in a sentence
        "وتابع أن من أبرز سمات المرحلة المقبلة التعاون بين الجهات",
        "وقال إن سمات الشخصية القيادية تظهر في الأزمات.",
    ],
)
def test_the_word_of_a_tag_label_inside_a_sentence_stays(last: str) -> None:
    a = parse(f"عنوان الخبر\n\n{BODY}\n{last}")
    assert [p.text for p in a.paragraphs] == [BODY, last]


def test_next_previous_before_a_dateline_is_furniture() -> None:
    text = f"عنوان الخبر\n\n Next Previous طوكيو 01- واس\n{BODY}\n{LAST}"
    a = parse(text)
    assert a.dateline == "طوكيو"
    assert a.source.agency == "وكالة الأنباء السعودية"
    assert [p.text for p in a.paragraphs] == [BODY, LAST]
    spans_exact(text, a)


@pytest.mark.parametrize(
    ("line", "agency", "site"),
    [
        ("* خدمة «نيويورك تايمز»", "نيويورك تايمز", None),
        ("* خدمة {واشنطن بوست} خاص بـ{الشرق الأوسط}", "واشنطن بوست", "الشرق الأوسط"),
        ("* بالاتفاق مع «بلومبيرغ»", "بلومبيرغ", None),
    ],
)
def test_syndication_credits_name_the_agency(line: str, agency: str, site: str | None) -> None:
    text = f"عنوان الخبر\n\n{BODY}\n{LAST}\n{line}"
    a = parse(text)
    assert a.source.agency == agency
    assert a.source.site == site
    assert [p.text for p in a.paragraphs] == [BODY, LAST]


def test_a_body_line_that_opens_with_a_credit_word_stays() -> None:
    last = "خدمة العملاء متاحة على مدار الساعة في جميع الفروع."
    a = parse(f"عنوان الخبر\n\n{BODY}\n{last}")
    assert [p.text for p in a.paragraphs] == [BODY, last]
    assert a.source.agency is None


def test_a_writer_heading_the_page_is_credited() -> None:
    text = f"سعيد بن علي الغامدي، رئيس لجنة النقل في الغرفة التجارية\n\n{BODY}\n{LAST}"
    a = parse(text)
    assert a.title.startswith("سعيد بن علي الغامدي")
    assert a.source.contributors == ("سعيد بن علي الغامدي",)


def test_a_heading_that_merely_opens_with_a_name_credits_nobody() -> None:
    a = parse(f"الرياض، عاصمة القرار العربي\n\n{BODY}\n{LAST}")
    assert a.source.contributors == ()


@pytest.mark.parametrize(
    "line",
    [
        "(الكاتب الأميركي ديفيد إغناتيوس، المقرب من إدارة أوباما).",
        "الكاتب والإعلامي غازي الصويغ إلى رحمة الله",
        "الموقعون :",
    ],
)
def test_a_sentence_opening_with_a_note_label_is_no_source_note(line: str) -> None:
    # a one-word label ("الكاتب"، "الموقع") marks a note only with its colon, and only as a whole word
    a = parse("عنوان\n\n" + BODY + "\n" + line + "\n" + BODY)
    assert a.source.author is None and a.source.site is None
    assert line in [p.text for p in a.paragraphs]

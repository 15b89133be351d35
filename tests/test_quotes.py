"""Quote attribution: marks, kinds, speakers, quoted names, adversarial input and exact offsets."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from arnews.models import Entity, Mention, Quote
from arnews.nlp import Analysis
from arnews.parser import parse_structure
from arnews.quotes import extract_quotes
from arnews.text import view
from corpus_helpers import corpus_articles, corpus_text


def quotes_of(body: str, entities: tuple[Entity, ...] = (), title: str = "عنوان الخبر") -> tuple[str, list[Quote]]:
    text = f"{title}\n\n{body}"
    v = view(text)
    found = list(extract_quotes(v, parse_structure(v), Analysis(), entities))
    for q in found:
        assert text[q.start : q.end] == q.text
        if q.speaker is not None and q.speaker.span is not None:
            sp = q.speaker.span
            assert text[sp.start : sp.end] == sp.text
    return text, found


def one(body: str, kind: str | None = None) -> Quote:
    _, found = quotes_of(body)
    if kind is not None:
        found = [q for q in found if q.kind == kind]
    assert len(found) == 1, [(q.kind, q.text) for q in found]
    return found[0]


def speaker(q: Quote) -> str | None:
    return q.speaker.name if q.speaker else None


# ---- marks -------------------------------------------------------------------------------------------


def test_direct_quote_with_curly_marks_and_cue_before() -> None:
    q = one("وقال وزير الخارجية فيصل بن فرحان: “المملكة تدعم الحل السياسي في اليمن”.")
    assert (q.kind, q.text, q.cue, speaker(q)) == (
        "direct",
        "المملكة تدعم الحل السياسي في اليمن",
        "وقال",
        "فيصل بن فرحان",
    )


def test_guillemets_saudi_style() -> None:
    q = one("وقال أمير منطقة الرياض الأمير فيصل بن بندر: «نعمل على تطوير الخدمات في جميع المحافظات».")
    assert q.text == "نعمل على تطوير الخدمات في جميع المحافظات"
    assert speaker(q) == "فيصل بن بندر"


def test_html_quot_entities_give_raw_offsets() -> None:
    text, found = quotes_of("قال الوزير خالد الفالح: &quot;نحن ماضون في الإصلاح الاقتصادي&quot;.")
    assert len(found) == 1
    q = found[0]
    assert q.text == "نحن ماضون في الإصلاح الاقتصادي"
    assert text[q.start - 6 : q.start] == "&quot;"
    assert speaker(q) == "خالد الفالح"


def test_ascii_double_and_single_marks() -> None:
    assert one('وأضاف المدير العام أحمد الزهراني: "سنفتتح الفرع الجديد الشهر المقبل".').text == (
        "سنفتتح الفرع الجديد الشهر المقبل"
    )
    assert one("وقال المدرب: 'الفريق جاهز للمباراة النهائية'.").text == "الفريق جاهز للمباراة النهائية"


def test_closing_mark_used_as_opener() -> None:
    q = one("وقال المدير التنفيذي سامي الحربي: ”سنبدأ العمل في المشروع غدا”.")
    assert q.text == "سنبدأ العمل في المشروع غدا"
    assert speaker(q) == "سامي الحربي"


def test_quote_left_open_runs_to_paragraph_end() -> None:
    q = one("وقال المتحدث باسم الشرطة ماجد العتيبي: “تم القبض على المتهمين وإحالتهم إلى النيابة العامة")
    assert q.text == "تم القبض على المتهمين وإحالتهم إلى النيابة العامة"
    assert speaker(q) == "ماجد العتيبي"


def test_nested_quote_stays_inside_the_outer_one() -> None:
    _, found = quotes_of(
        "قال نيوتن: “في بيئة الأعمال، عليك أن تذهب إليه وتقول له: “لقد حلت جودي محلك”. هذا ليس ممتعًا”."
    )
    assert [q.text for q in found] == [
        "في بيئة الأعمال، عليك أن تذهب إليه وتقول له: “لقد حلت جودي محلك”. هذا ليس ممتعًا"
    ]
    assert speaker(found[0]) == "نيوتن"


def test_stray_mark_before_an_attribution_clause() -> None:
    _, found = quotes_of("“قال جيمس: “الكثير من هذا الزخم يحدث خارج الحملة، وهذا أمر جيد”.")
    assert [(q.text, speaker(q)) for q in found] == [("الكثير من هذا الزخم يحدث خارج الحملة، وهذا أمر جيد", "جيمس")]


def test_attribution_inside_an_open_quote_closes_it() -> None:
    _, found = quotes_of(
        "“إنها على حبل مشدود. قال أليكمان عندما سئل عن الخطاب: “عليها أن تكون حريصة جدًا”. "
        "“أريد حقاً أن أرى كامالا على رأس التذكرة."
    )
    assert [q.text for q in found] == [
        "إنها على حبل مشدود.",
        "عليها أن تكون حريصة جدًا",
        "أريد حقاً أن أرى كامالا على رأس التذكرة.",
    ]
    assert {speaker(q) for q in found} == {"أليكمان"}


# ---- kinds and speakers --------------------------------------------------------------------------------


def test_cue_after_the_quote() -> None:
    q = one("“هناك اعتقاد خاطئ بأن الشباب لا يدعمون المبادرة. هذا غير صحيح”، كما قالت جيمس.")
    assert (q.kind, speaker(q), q.cue) == ("direct", "جيمس", "قالت")
    q = one("“أنا هنا الليلة لأن لدينا عملا كبيرا نقوم به جميعًا،” قال الممثلة كوني بريتون في المكالمة.")
    assert speaker(q) == "كوني بريتون"


def test_continuations_keep_the_speaker() -> None:
    _, found = quotes_of(
        "وقال المصدر: “إنه فشل كامل”. “لقد تسبب في أضرار. وكان التخطيط سيئا.”\n\n"
        "وقالت ميليسا موراليس في المكالمة: “ساعدونا في رفض لهجة هذه المحادثة علنًا”.\n\n"
        "وأضافت: “لقد حان الوقت لوقف التسريبات”."
    )
    assert [speaker(q) for q in found] == ["المصدر", "المصدر", "ميليسا موراليس", "ميليسا موراليس"]
    assert found[1].kind == "direct"


def test_indirect_speech_runs_to_the_sentence_end() -> None:
    q = one("وأوضح المتحدث الرسمي لوزارة الصحة الدكتور محمد العبدالعالي أن الوزارة سجلت 20 حالة جديدة. وانتهى المؤتمر.")
    assert (q.kind, q.text, speaker(q), q.cue) == (
        "indirect",
        "الوزارة سجلت 20 حالة جديدة",
        "محمد العبدالعالي",
        "وأوضح",
    )


@pytest.mark.parametrize(
    ("body", "name"),
    [
        (
            "وأشار عضو مجلس الأعمال في مجلس الغرف السعودية محمد بن فيصل آل صقر إلى أن العجز متوقع.",
            "محمد بن فيصل آل صقر",
        ),
        ("وأكد الدكتور عبدالرحمن الزامل أن الأمور تسير من حسن إلى أحسن.", "عبدالرحمن الزامل"),
        ("وصرح المقدم علي الشهراني بأن الدفاع المدني باشر الحادث.", "علي الشهراني"),
        ("وشدد الوزير على أن المشروع سيكتمل هذا العام.", "الوزير"),
        ("وقالت وزارة الخارجية في بيان إن الاجتماع بحث التعاون.", "وزارة الخارجية"),
        ("وأعلنت الحملة الأحد أنها جمعت أكثر من 200 مليون دولار.", "الحملة"),
        ("وقال حاكم ولاية تكساس، غريغ أبوت، إن القرار نهائي.", "غريغ أبوت"),
    ],
)
def test_indirect_speakers(body: str, name: str) -> None:
    assert speaker(one(body, "indirect")) == name


def test_implicit_subject_goes_to_the_nearest_person() -> None:
    _, found = quotes_of("قال الوزير خالد الفالح إن الإنتاج مستقر. وقال إنه يتوقع ارتفاع الطلب في الربع المقبل.")
    assert [speaker(q) for q in found] == ["خالد الفالح", "خالد الفالح"]


def test_implicit_subject_prefers_the_verbs_gender() -> None:
    _, found = quotes_of(
        "قالت الوزيرة سارة العلي إن الخطة جاهزة. وقال السفير جون سميث إن بلاده تدعمها. "
        "وقالت إنها ستعرض الخطة على المجلس قريبا."
    )
    assert [speaker(q) for q in found] == ["سارة العلي", "جون سميث", "سارة العلي"]


def test_implicit_subject_skips_a_plural_speaker() -> None:
    _, found = quotes_of(
        "وقال مسؤولو الحملة إن هاريس أشادت خلال المكالمة ببايدن.\n\n"
        "وقال هاريس: “أنا أؤمن بقلبي”. وقال، بحسب مسؤولي الحملة: “سوف نفوز”."
    )
    direct = [q for q in found if q.kind == "direct"]
    assert [speaker(q) for q in direct] == ["هاريس", "هاريس"]
    assert direct[1].according_to == "مسؤولي الحملة"


def test_anonymous_sources() -> None:
    q = one("وقال مصدر في المكالمة تحدث شريطة عدم الكشف عن هويته: “إنه فشل كامل”.")
    assert q.speaker is not None and q.speaker.anonymous
    assert q.speaker.name == "مصدر"
    assert q.speaker.description is not None and "شريطة عدم الكشف" in q.speaker.description
    q = one("حيث أعلن أحد المانحين أنها “سخيفة” قبل انتهائها.")
    assert (q.kind, speaker(q)) == ("partial", "أحد المانحين")
    assert q.speaker is not None and q.speaker.anonymous
    q = one("وقالت مصادر مطلعة إن المفاوضات ستستأنف الأسبوع المقبل.")
    assert q.speaker is not None and q.speaker.anonymous and q.speaker.name.startswith("مصادر")


def test_partial_quotes_in_narration() -> None:
    _, found = quotes_of("ووصف أحد الأشخاص في المكالمة الأمر بأنه “سوء الإدارة” و”مستعجل”.")
    assert [(q.kind, q.text, speaker(q)) for q in found] == [
        ("partial", "سوء الإدارة", "أحد الأشخاص"),
        ("partial", "مستعجل", "أحد الأشخاص"),
    ]


def test_according_to() -> None:
    q = one("وقال الوزير إن الاتفاق سيوقع قريبا، وفقا لمصادر مطلعة.")
    assert q.according_to == "مصادر مطلعة"


def test_interview_answer_goes_to_the_interviewee() -> None:
    _, found = quotes_of(
        "قال المذيع جون سميث للوزيرة سارة العلي: “هل ستترشحين للانتخابات المقبلة؟”\n\n"
        "وأجابت: “لا أنوي ذلك في الوقت الحالي”."
    )
    assert [speaker(q) for q in found] == ["جون سميث", "سارة العلي"]


# ---- not quotes ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "كانت منظمة “الفوز مع النساء السود” واحدة من أولى المنظمات التي عقدت مكالمة.",
        "ومن المقرر إجراء المكالمة الأخيرة يوم الاثنين مع “الرجال البيض من أجل هاريس”.",
        "فقد نظمت مجموعة أطلقت عليها اسم “النساء البيض: أجبن على النداء”.",
        "انضمت أكثر من 7000 امرأة إلى مكالمات “لاتينيات من أجل هاريس”.",
        "وتابع الجمهور مسلسل «طاش ما طاش» في رمضان.",
        "ويجري النظر إلى نصب «بوابة الهند» باعتباره نقطة البداية.",
        "إذ يقول في كتابه القيم «الأديان العامة في العالم الحديث» إن الدين عاد.",
        "يذكر أن المهرجان يستمر أسبوعا كاملا.",
    ],
)
def test_quoted_names_are_not_speech(body: str) -> None:
    _, found = quotes_of(body)
    assert [q for q in found if q.kind != "indirect"] == []
    assert all("«" not in q.text or "»" in q.text for q in found)


def test_newspaper_name_after_la_is_not_a_quote() -> None:
    _, found = quotes_of("وصرح مدير الإدارة لـ«عكاظ» بأن المشروع اكتمل بنسبة 90%.")
    assert [(q.kind, q.text) for q in found] == [("indirect", "المشروع اكتمل بنسبة 90%")]


# ---- entities ------------------------------------------------------------------------------------------


def test_speaker_is_joined_to_the_entity_by_span_or_name() -> None:
    body = "وقال وزير الخارجية فيصل بن فرحان: “المملكة تدعم الحل السياسي”. وقال فرحان إن الحوار مستمر."
    text = f"عنوان الخبر\n\n{body}"
    start = text.index("فيصل بن فرحان")
    ent = Entity(
        id="e1",
        name="فيصل بن فرحان",
        type="PER",
        wikidata="Q3067459",
        mentions=(Mention("فيصل بن فرحان", start, start + len("فيصل بن فرحان")),),
    )
    _, found = quotes_of(body, entities=(ent,))
    assert [(q.speaker.entity, q.speaker.wikidata) for q in found if q.speaker] == [
        ("e1", "Q3067459"),
        ("e1", "Q3067459"),
    ]


def test_anonymous_speakers_are_not_linked() -> None:
    ent = Entity(id="e9", name="مصدر", type="PER")
    _, found = quotes_of("وقال مصدر مطلع: “الاتفاق قريب جدا من التوقيع”.", entities=(ent,))
    assert found[0].speaker is not None and found[0].speaker.entity is None


# ---- bad and adversarial input -----------------------------------------------------------------------------


def test_empty_and_quote_free_text() -> None:
    assert quotes_of("")[1] == []
    assert quotes_of("افتتح المعرض اليوم في الرياض بحضور عدد من المسؤولين.")[1] == []


@pytest.mark.parametrize("mark", ["“", "”", "«", "»", '"', "'", "&quot;"])
def test_hundred_thousand_unbalanced_marks(mark: str) -> None:
    body = "قال الوزير: " + (mark + "كلمة ") * 100_000
    text, found = quotes_of(body)
    assert all(text[q.start : q.end] == q.text for q in found)


def test_megabyte_paragraph_of_quotes() -> None:
    unit = "وقال المدير: “المشروع يسير وفق الخطة المرسومة”، وأضاف أن العمل مستمر. "
    body = unit * (1_000_000 // len(unit))
    text, found = quotes_of(body)
    assert len(found) >= 2 * (1_000_000 // len(unit)) - 2
    assert all(text[q.start : q.end] == q.text for q in found)


_PIECES = st.sampled_from(
    ["“", "”", "«", "»", '"', "'", "&quot;", ":", "،", ".", " ", "\n", "\n\n", "قال", "وقالت", "إن", "أن", "الوزير",
     "مصدر", "أحمد", "العلي", "منظمة", "لـ", "بحسب", "وأضاف", "أجابت", "لل", "كلمة", "ـ", "\u064e", "؟"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=60).map("".join))
def test_random_marks_and_words_never_crash(body: str) -> None:
    text, found = quotes_of(body)
    for q in found:
        assert text[q.start : q.end] == q.text
        assert q.text.strip()


# ---- real articles -------------------------------------------------------------------------------------------


def test_seed_articles_offsets_and_names(seed_texts: list[str]) -> None:
    for text in seed_texts:
        v = view(text)
        found = extract_quotes(v, parse_structure(v), Analysis(), ())
        assert found
        for q in found:
            assert text[q.start : q.end] == q.text
        assert not any(q.text in ("الرجال البيض من أجل هاريس", "الفوز مع النساء السود") for q in found)


def test_saudinewsnet_offsets() -> None:
    for article in corpus_articles(limit=60, every=50):
        text = corpus_text(article)
        v = view(text)
        for q in extract_quotes(v, parse_structure(v), Analysis(), ()):
            assert text[q.start : q.end] == q.text


@pytest.mark.parametrize(
    "body",
    [
        "يذكر أن المهرجان يستمر أسبوعا كاملا.",
        "ويتوقع أن يزوروا أثينا في الأسبوع المقبل.",
        "يشار إلى أن الحفل أقيم أمس.",
    ],
)
def test_impersonal_formulas_are_not_reports(body: str) -> None:
    assert quotes_of(body)[1] == []


def test_decimal_number_does_not_end_the_reported_clause() -> None:
    q = one("وأكد التقرير أن المسدد من القروض بلغ 265.2 مليون ريال في العام الماضي. وارتفعت الودائع.")
    assert q.text == "المسدد من القروض بلغ 265.2 مليون ريال في العام الماضي"
    assert speaker(q) == "التقرير"

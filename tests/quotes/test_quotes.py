"""Quote attribution: marks, kinds, speakers, quoted names, adversarial input and exact offsets."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import arnews
from arnews.core.lexicons import load_set
from arnews.core.text import normalize, view
from arnews.document import EntityIndex
from arnews.models import Entity, Mention, Quote
from arnews.quotes import extract_quotes
from arnews.quotes.reading import entity_for
from corpus_helpers import corpus_articles, corpus_text
from docs_helpers import make_doc


def quotes_of(body: str, entities: tuple[Entity, ...] = (), title: str = "عنوان الخبر") -> tuple[str, list[Quote]]:
    text = f"{title}\n\n{body}"
    v = view(text)
    found = list(extract_quotes(make_doc(v.raw, entities=entities)))
    for q in found:
        assert text[q.start : q.end] == q.text
        if q.speaker is not None and q.speaker.span is not None:
            sp = q.speaker.span
            assert text[sp.start : sp.end] == sp.text
    return text, found


def people(body: str, *names: str) -> tuple[Entity, ...]:
    """Person entities for ``names`` at their first place in the article ``quotes_of`` builds around ``body``."""
    text = f"عنوان الخبر\n\n{body}"
    found = []
    for n, name in enumerate(names):
        at = text.index(name)
        found.append(Entity(id=f"e{n}", name=name, type="PER", mentions=(Mention(name, at, at + len(name)),)))
    return tuple(found)


def one(body: str, kind: str | None = None) -> Quote:
    _, found = quotes_of(body)
    if kind is not None:
        found = [q for q in found if q.kind == kind]
    assert len(found) == 1, [(q.kind, q.text) for q in found]
    return found[0]


def speaker(q: Quote) -> str | None:
    return q.speaker.name if q.speaker else None


def spoken(body: str, *named: str, kind: str | None = None) -> list[str | None]:
    """The speakers of the quotes of ``body`` (of one ``kind``), with person entities for the ``named``."""
    _, found = quotes_of(body, people(body, *named))
    return [speaker(q) for q in found if kind is None or q.kind == kind]


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
        # imperfect forms of confessing and expressing
        ("وتعترف الرئيسة التنفيذية للشركة سارة العتيبي بأن البيع بالتجزئة تغير كثيرا.", "سارة العتيبي"),
        ("ويعرب الخبراء عن القلق بشأن صحة سكان المدن في موجات الحر.", "الخبراء"),
        ("وقال هذا الأمر إن السوق ستتعافى.", None),  # a demonstrative opens no group
        # the name علي after a title, as the speaker grammar's tokens mark it apart from the preposition على
        ("ويؤكد د. علي لـ«الشرق الأوسط» أن الروبوت سيغير حياتنا اليومية.", "علي"),
    ],
)
def test_indirect_speakers(body: str, name: str | None) -> None:
    assert speaker(one(body, "indirect")) == name


@pytest.mark.parametrize(
    ("body", "name", "clause"),
    [
        (
            "ويقول سامي الغامدي، وهو مهندس عمل في مشاريع الطرق بالمنطقة الشرقية، وكان مستشارا لأمانة الدمام لسنوات "
            "طويلة قبل تقاعده، إن المشروع تأخر عامين.",
            "سامي الغامدي",
            "المشروع تأخر عامين",
        ),
        (
            "ومن جدة تقول الباحثة منى العتيبي، وهي أستاذة في كلية الاقتصاد بجامعة الملك عبدالعزيز، إن الأسعار سترتفع.",
            "منى العتيبي",
            "الأسعار سترتفع",
        ),
        (
            "وأوضح مسؤول سابق في الهيئة، وهي جهة حكومية تأسست قبل عشرين عاما لمراقبة الأسواق، أن الرقابة ضعيفة.",
            "مسؤول",
            "الرقابة ضعيفة",
        ),
        # with no commas the aside still ends the speaker's phrase: a name in it is not who speaks
        (
            "ويقول «الورفلي» وهو من أبناء المدينة وأحد المقربين من الرئيس السابق عبد الرحمن السويحلي إن الأوضاع صعبة.",
            "الورفلي",
            "الأوضاع صعبة",
        ),
        (
            "وقال السناتور الجمهوري توم كوتون وهو من منتقدي الرئيس باراك أوباما إن الاتفاق سيئ.",
            "السناتور الجمهوري",
            "الاتفاق سيئ",
        ),
    ],
)
def test_an_aside_between_speaker_and_report(body: str, name: str, clause: str) -> None:
    # "يقول فلان، وهو ...، إن" (or with no commas): an aside opened by و and a pronoun stands before إن/أن
    q = one(body, "indirect")
    assert (speaker(q), q.text) == (name, clause)


def test_an_aside_is_no_report_when_no_complementizer_closes_it() -> None:
    _, found = quotes_of("ويقول سامي الغامدي، وهو مهندس عمل في مشاريع الطرق، كلاما كثيرا عن المشروع.")
    assert found == []


@pytest.mark.parametrize(
    ("body", "name"),
    [
        (
            "أعلنت جمعية الأيدي الحرفية عن وظائف شاغرة في مقرها بجدة. ودعت المتقدمين إلى إرفاق بياناتهم كاملة.",
            "جمعية الأيدي الحرفية",
        ),
        ("وأوضح المدرب غروس أن البرنامج سيستمر أسبوعين. وطالب اللاعبين بمضاعفة الجهد في التدريبات المقبلة.", "غروس"),
        # a name of this shape is a subject all the same ("ودعا الحسين إلى"), and so is a plural after another verb
        ("وقال الباحث سعد الحسين إن الدراسة اكتملت.", "سعد الحسين"),
        ("ويرى المختصين أن السوق ستتعافى.", "المختصين"),
    ],
)
def test_people_addressed_right_after_the_verb_are_not_its_subject(body: str, name: str) -> None:
    # "ودعت المتقدمين إلى": a sound masculine plural in the accusative after دعا، طالب، ناشد ... is the object
    assert speaker([q for q in quotes_of(body)[1] if q.kind == "indirect"][-1]) == name


def test_a_titled_speaker_after_a_comma_and_fi_hin_ends_the_report_before() -> None:
    # "...، في حين أكد وزير الخارجية عادل الجبير على": a conjunction of time, a cue, a title and a name: the report
    # before ends at the comma, and the cue's own report, through its preposition, is the next one
    _, found = quotes_of(
        "وكان المحافظ خالد العتيبي قد أكد على أهمية مشاركة شباب المحافظة في المهرجان، في حين أكد وزير الخارجية "
        "عادل الجبير على أهمية مثل هذه المهرجانات في احتواء الشباب، مشيرا إلى أن المحافظة تزخر بالمواهب."
    )
    assert [(speaker(q), q.text) for q in found] == [
        ("خالد العتيبي", "أهمية مشاركة شباب المحافظة في المهرجان"),
        ("عادل الجبير", "أهمية مثل هذه المهرجانات في احتواء الشباب"),
        ("عادل الجبير", "المحافظة تزخر بالمواهب"),
    ]


def test_a_titled_speaker_after_a_comma_and_wa_ends_the_report_before() -> None:
    # "...، وبينت المتطوعة روان نبيل أن": a cue with و after a comma and a title and a name right after it is
    # another speaker's turn, even for a form that is also a common word ("ورد رئيس الزمالك ... بقسوة")
    _, found = quotes_of(
        "وقالت المشرفة سارة النفيسي إن الفريق وزع ألف وجبة على الأسر، وبينت المتطوعة روان نبيل أن مشاركتها "
        "في العمل التطوعي مكنتها من زيارة دار المسنين."
    )
    assert [(speaker(q), q.text) for q in found] == [
        ("سارة النفيسي", "الفريق وزع ألف وجبة على الأسر"),
        ("روان نبيل", "مشاركتها في العمل التطوعي مكنتها من زيارة دار المسنين"),
    ]
    q = one(
        "وأصدر النادي بيانا، مؤكدا أن الفريق تعرض لظلم شديد على مدار البطولة، ورد رئيس النادي المنافس خالد "
        "العمري بقسوة على البيان.",
        "indirect",
    )
    assert q.text == "الفريق تعرض لظلم شديد على مدار البطولة"
    # a title with the one spoken to before the name goes on in the report ("وقال اللاعب لبرنامج ... مع الإعلامي")
    q = one(
        "وأوضح المدرب سعد الشهري أن اللاعب سيتوجه إلى جدة، وقال اللاعب لبرنامج في المرمى مع الإعلامي بتال القوس "
        "كلاما كثيرا.",
        "indirect",
    )
    assert q.text.endswith("كلاما كثيرا")


def test_the_subordinator_likay_ends_a_speakers_name() -> None:
    q = one("ورأى مخرج الفيلم لكي يوفق بين عملي الفني وبين الدراسة أن أركب الطائرة صباح كل يوم.", "indirect")
    assert (speaker(q), q.text) == ("مخرج الفيلم", "أركب الطائرة صباح كل يوم")


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("وقال مدرب الفريق يا جماعة إن المباراة صعبة على الجميع.", "مدرب الفريق"),
        ("وقال رئيس النادي أيها الإخوة إن الموسم صعب على الجميع.", "رئيس النادي"),
    ],
)
def test_a_vocative_particle_ends_a_speakers_name(body: str, name: str) -> None:
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


def test_a_name_inside_the_last_speakers_report_does_not_take_her_next_words() -> None:
    # أوباما is the subject of the clause سارة reports, not the next verb's; "وقالت" goes on with her
    body = (
        "وأكدت «ماما سارة» أنها لم تصب بخيبة الأمل، معتبرة أن باراك أوباما هو قبل أي شيء آخر ضيف كينيا. وقالت"
        " للصحف الكينية: «على الأرجح ليس لديه متسع من الوقت هذه المرة»."
    )
    assert spoken(body, "باراك أوباما", kind="direct") == ["ماما سارة"]


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


@pytest.mark.parametrize(
    ("body", "said"),
    [
        # a long fragment in a sentence that an attribution opens, with no verb of saying: the source speaks it
        (
            "ووفقا للمصادر فقد تناول الاجتماع ملف الضرائب، وسبل «خفض العجز في الميزانية خلال العامين المقبلين "
            "دون المساس بالرواتب».",
            [("indirect", "مصادر"), ("partial", "مصادر")],
        ),
        (
            "وبحسب التقرير، فإن «قوات الأمن استخدمت القوة المفرطة ضد المتظاهرين في أكثر من مدينة».",
            [("partial", "التقرير")],
        ),
        # a short one is a name or a term; a source that names nobody speaks nothing
        ("ووفقا للتقرير فإن الشركة حققت أرباحا من بيع «مليون وحدة حرارية بريطانية» من الغاز.", [("indirect", "تقرير")]),
        (
            "ووفقا لدراسة نشرت في العدد الأخير من «دورية الحساسية والربو وعلم المناعة السريرية والتطبيقية الأمريكية».",
            [],
        ),
    ],
)
def test_a_long_fragment_in_a_sentence_an_attribution_opens_is_the_sources(
    body: str, said: list[tuple[str, str | None]]
) -> None:
    _, found = quotes_of(body)
    assert [(q.kind, speaker(q)) for q in found] == said


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
        "ويدير رانتيز الآن مجموعة غير ربحية تسمى «الحسابات الشخصية للجيل الجديد» التي تساعد المدرسين.",
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
        found = extract_quotes(make_doc(v.raw))
        assert found
        for q in found:
            assert text[q.start : q.end] == q.text
        assert not any(q.text in ("الرجال البيض من أجل هاريس", "الفوز مع النساء السود") for q in found)


def test_saudinewsnet_offsets() -> None:
    for article in corpus_articles(limit=60, every=50):
        text = corpus_text(article)
        v = view(text)
        for q in extract_quotes(make_doc(v.raw)):
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


# ---- review fixes: name boundaries, subjects before the verb, quoted names, entity index -------------------


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("قال جو بايدن للصحفيين إن الاقتصاد الأمريكي قوي.", "جو بايدن"),
        ("قال خالد العلي بالأمس إن الاقتصاد قوي.", "خالد العلي"),
        ("وقال بايدن للصحفيين في البيت الأبيض إن الاقتصاد قوي.", "بايدن"),
        ("وقال سعد الحربي لليوم الثاني إن الإضراب مستمر.", "سعد الحربي"),
        ("وأكد محمد السبيعي كالمعتاد أن الفريق جاهز.", "محمد السبيعي"),
        ("وقال ناصر القحطاني صباح أمس إن الحادث وقع.", "ناصر القحطاني"),
        ("وقال عبدالله الكعبي والمحامي سعد الدوسري إن القضية انتهت.", "عبدالله الكعبي"),
        ("وقال جون والش إن القضية انتهت.", "جون والش"),
        ("ويقول الإعلامي والناشط حسين رشيد إن القرار مؤسف.", "حسين رشيد"),
        ("ولفت فهد الفغم النظر إلى أن الأجهزة الأمنية مستعدة.", "فهد الفغم"),
        ("وقالت وزارة خارجية التشيك اليوم إن خمسة مواطنين فقدوا.", "وزارة خارجية التشيك"),
    ],
)
def test_a_preposition_with_the_article_or_a_time_word_ends_the_name(body: str, name: str) -> None:
    assert speaker(one(body, "indirect")) == name


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("وأوضح وسام اللحاف ابن شقيقة سائق السيارة المفقود أن الأجهزة الأمنية توسعت بالتحقيق.", "وسام اللحاف"),
        ("وقال محمد العتيبي ابن عم الضحية إن الحادث وقع فجرا.", "محمد العتيبي"),
        ("وقالت سارة الشمري ابنة خالة المصاب إن حالته مستقرة.", "سارة الشمري"),
        # a link before a name is a part of the name, even a name that begins like a relative ("خالد"، "عمر")
        ("وقال محمد بن خالد إن الأمر انتهى.", "محمد بن خالد"),
        ("وقال عبدالله بن عمر إن الأمر انتهى.", "عبدالله بن عمر"),
    ],
)
def test_a_son_or_daughter_of_a_relative_after_the_name_ends_it(body: str, name: str) -> None:
    assert speaker(one(body, "indirect")) == name


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("وزير الصحة قال إن المستشفى جاهز لاستقبال المرضى.", "وزير الصحة"),
        ("الوزير أكد أن المشروع سيكتمل قبل نهاية العام.", "الوزير"),
        ("وكان الوزير خالد الفالح قد أكد أن الإنتاج مستقر.", "خالد الفالح"),
        ("وكانت مصادر مطلعة قد ذكرت أن الاتفاق قريب.", "مصادر"),
        ("والمتحدث باسم الشرطة ماجد العتيبي أوضح أن التحقيق مستمر.", "ماجد العتيبي"),
    ],
)
def test_subject_before_the_cue_verb(body: str, name: str) -> None:
    assert speaker(one(body, "indirect")) == name


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("والوزير خالد العلي، وهو المسؤول عن الملف، أكد أن المشكلة كبيرة.", "خالد العلي"),
        ("أما الفنان نمير عبد الحسين، وهو أحد من شملهم الاعتقال، فقال: «فوجئت باقتحام القوة».", "نمير عبد الحسين"),
    ],
)
def test_an_aside_between_the_subject_and_its_verb(body: str, name: str) -> None:
    # "وهو ..." in commas describes the subject; the verb after it is still the subject's, not the last speaker's
    _, found = quotes_of("وقال مسؤول إن الوضع هادئ. " + body)
    assert [speaker(q) for q in found] == ["مسؤول", name]


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("وأعلنت إدارة الرئيس الأميركي باراك أوباما أن واشنطن تحقق في التقارير.", "إدارة الرئيس الأميركي باراك أوباما"),
        ("وشددت جامعة الملك سعود على أن من لم تراجع سيستبعد.", "جامعة الملك سعود"),
        ("وقال مكتب رئيس الوزراء بنيامين نتنياهو إن الاجتماع انتهى.", "مكتب رئيس الوزراء بنيامين نتنياهو"),
        # the person, where no body heads the phrase
        ("وقال رئيس الوزراء الإسرائيلي بنيامين نتنياهو إن الاجتماع انتهى.", "بنيامين نتنياهو"),
    ],
)
def test_a_body_headed_by_a_titled_person_speaks_as_the_body(body: str, name: str) -> None:
    assert speaker(one(body, "indirect")) == name


def test_a_person_a_verb_of_saying_names_speaks_next() -> None:
    # the verb reports no words of its own (a participle's clause follows), yet its subject is who goes on
    body = (
        "وقال طلال عبدالله إن البرنامج ناجح. وقال الفنان عامر الحمود مغرداً عبر حسابه الشخصي مادحاً الدور الكبير "
        "للقنوات. وأضاف: «التلفزيون السعودي له فضل كبير»."
    )
    article = arnews.Pipeline(exclude=["ner"]).parse("عنوان الخبر\n\n" + body)
    assert [(q.kind, speaker(q)) for q in article.quotes] == [("indirect", "طلال عبدالله"), ("direct", "عامر الحمود")]


def test_whom_a_message_was_sent_to_does_not_speak_next() -> None:
    # the embedded model takes the preposition into the name ("لزيد رعد الحسين"); after "بعث بها" that person is
    # whom the message was sent to, not who speaks next
    body = (
        "وقال مسؤول إن الوضع هادئ. وأكد وزير حقوق الإنسان عز الدين الأصبحي أن الحكومة عادت. وأكد الوزير الأصبحي، في "
        "رسالة بعث بها لزيد رعد الحسين، مفوض الأمم المتحدة السامي لحقوق الإنسان، أهمية الزيارة. "
        "وقال: «ستعمل الحكومة على ترتيب الزيارة»."
    )
    article = arnews.Pipeline().parse("عنوان الخبر\n\n" + body)
    assert [speaker(q) for q in article.quotes][-1] == "عز الدين الأصبحي"


def test_a_name_before_a_title_in_apposition_speaks() -> None:
    # "NAME، TITLE VERB": the name that opens the clause, not the title after its comma
    body = (
        "وقال مسؤول إن الوضع هادئ. خالد العلي، رئيس مؤسسة بدرخان للثقافة والفنون قال في حديث لنا: «تمكنا من "
        "كتابة تاريخ المدينة»."
    )
    article = arnews.Pipeline(exclude=["ner"]).parse("عنوان الخبر\n\n" + body)
    assert [speaker(q) for q in article.quotes] == ["مسؤول", "خالد العلي"]


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("وقال الملياردير إيلون ماسك إن الشركة ستطلق صاروخا جديدا.", "إيلون ماسك"),
        ("وقالت الداعية نورة السعد إن الحملة نجحت.", "نورة السعد"),
    ],
)
def test_titles_of_the_linker_table_are_speaker_titles(body: str, name: str) -> None:
    assert speaker(one(body, "indirect")) == name


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("وقال المهندس خالد العلي إن المشروع سيكتمل العام المقبل.", "خالد العلي"),
        ("وأكد النقيب سعد الحربي أن الحادث وقع فجرا.", "سعد الحربي"),
        ("وقال محافظ الطائف سعد الميموني إن الأمطار توقفت.", "سعد الميموني"),
        ("وأوضح الناطق الإعلامي لشرطة الرياض العقيد فواز الميمان أن الجاني قبض عليه.", "فواز الميمان"),
        ("وقالت المواطنة سارة الأحمد إن الخدمة تحسنت كثيرا.", "سارة الأحمد"),
    ],
)
def test_titles_rows_of_every_kind_open_a_speaker_phrase(body: str, name: str) -> None:
    # one title list (titles.tsv): ranks, ambiguous titles and descriptions all open the speaker's phrase
    assert speaker(one(body, "indirect")) == name


def test_titles_table_has_every_kind_and_no_second_list() -> None:
    from importlib.resources import files

    from arnews.core.grammar import title_words
    from arnews.core.lexicons import load_table

    kinds = {row[1] for row in load_table("titles")}
    assert kinds == {"title", "role", "ambiguous", "description", "abbrev", "sole"}
    assert not files("arnews").joinpath("data/lexicons/ar/speaker_titles.txt").is_file()
    assert {normalize(w) for w in ("المهندس", "المقدم", "الناطق", "وكيل", "المواطن", "مديرو")} <= title_words()
    assert "د" not in title_words() and "م" not in title_words()


@pytest.mark.parametrize(
    ("body", "text", "name"),
    [
        ("قالت الوزيرة «نعم».", "نعم", "الوزيرة"),
        ("وقال المتحدث: «لا».", "لا", "المتحدث"),
        ("وقال المتحدث الرسمي لوزارة الصحة «لا تعليق».", "لا تعليق", "المتحدث"),
        ("قالت الوزيرة «نعم» ثم غادرت القاعة.", "نعم", "الوزيرة"),
        ("قالت الوزيرة «نعم»، ثم غادرت القاعة.", "نعم", "الوزيرة"),
        ("قال المهندس خالد العلي «ممتاز جدا».", "ممتاز جدا", "خالد العلي"),
        ("وقال مصدر مطلع «ربما».", "ربما", "مصدر"),
    ],
)
def test_short_quote_after_cue_and_speaker_is_speech(body: str, text: str, name: str) -> None:
    q = one(body)
    assert (q.kind, q.text, speaker(q)) == ("direct", text, name)


def test_short_quote_before_the_next_cue_is_speech() -> None:
    _, found = quotes_of("قال المتحدث «لا» وأضاف أن القرار نهائي.")
    assert [(q.kind, q.text, speaker(q)) for q in found] == [
        ("direct", "لا", "المتحدث"),
        ("indirect", "القرار نهائي", "المتحدث"),
    ]


@pytest.mark.parametrize(
    "body",
    [
        "وأعلنت «أرامكو» عن أرباح قياسية.",  # the cue's subject, named in quotes
        "وتعمل «أرامكو» في الظهران منذ عقود.",  # no cue at all
        "قالت صحيفة «الوطن».",  # an institution, not a speaker, before the quote
        "كشفت إحدى الصحف اليونانية «سبورت» عن قيمة الصفقة.",  # the clause goes on after the quote
        "حسبما أفادت مصادر المقاومة لـ«الشرق الأوسط».",  # whom the speaker told
        "وقال رئيس تحرير صحيفة «عكاظ» إن الخبر صحيح.",  # a name inside the speaker phrase
        "وبينت مصادر «سبق» أن الخبر صحيح.",
    ],
)
def test_short_quoted_names_stay_names(body: str) -> None:
    _, found = quotes_of(body)
    assert all(q.kind == "indirect" for q in found), [(q.kind, q.text) for q in found]


def test_a_clause_before_the_verb_is_not_its_subject() -> None:
    q = one("وفي هذا الصدد أكد أن المشروع اكتمل.", "indirect")
    assert q.speaker is None or q.speaker.name not in ("وفي هذا الصدد", "هذا الصدد")
    q = one("التقى الوزير بالسفير وقال إن العلاقات قوية.", "indirect")
    assert speaker(q) != "التقي الوزير بالسفير"


def test_a_participle_is_not_followed_by_its_subject() -> None:
    _, found = quotes_of(
        "قال الوزير خالد الفالح إن الإنتاج مستقر. وتحدث عن السوق، مؤكدا استعداد بلاده أن تزيد الإنتاج. "
        "وأعلن السفير جون سميث أن بلاده تدعم الخطة. وقال إن الطلب سيرتفع."
    )
    assert [speaker(q) for q in found] == ["خالد الفالح", "خالد الفالح", "جون سميث", "جون سميث"]


@pytest.mark.parametrize(
    "body",
    [
        "قال علماء أوروبيون أمس إن المجس الفضائي «فيلة» توقف عن إرسال إشارات.",
        "وقال المتحدث إن «بوينج» عممت على شركات الطيران مذكرة جديدة.",
        "كشفت الشركة عن أول أجهزتها «أوكيلوس ريفت» Oculus Rift في المعرض.",
        "أعلنت «فلاي دبي» عن وصول رحلتها الافتتاحية إلى المدينة.",
        "وحين سألت «الشرق الأوسط» الرؤساء الثلاثة عن التزامهم أجابوا بالإيجاب.",
        "وقال مسؤول في الشركة إن شركات مثل «جوجل» و«ياهو» ستستفيد من القرار.",
    ],
)
def test_short_quoted_names_are_not_speech(body: str) -> None:
    _, found = quotes_of(body)
    assert [q.text for q in found if q.kind != "indirect"] == []


def test_a_quoted_name_after_inna_keeps_the_indirect_quote() -> None:
    q = one("وقال الوزير إن «أرامكو» ستبني مصنعا جديدا في الجبيل.")
    assert (q.kind, q.text, speaker(q)) == ("indirect", "«أرامكو» ستبني مصنعا جديدا في الجبيل", "الوزير")


def test_a_quoted_name_before_the_speech_is_part_of_the_attribution() -> None:
    _, found = quotes_of('وقال مسؤول في شركتي "هيونداي" و"كيا": "تخطط الشركتان لتوسيع أنواع السيارات الهجينة".')
    assert [(q.kind, q.text, speaker(q)) for q in found] == [
        ("direct", "تخطط الشركتان لتوسيع أنواع السيارات الهجينة", "مسؤول")
    ]

    # a journal named after its noun and where the words were written, then the words
    _, found = quotes_of("قال إدوارد لاسكي، في دورية «أميركان ثنكار» (المفكر الأميركي): «توصلت شيرمان إلى اتفاق».")
    assert [(q.kind, q.text, speaker(q)) for q in found] == [("direct", "توصلت شيرمان إلى اتفاق", "إدوارد لاسكي")]


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("وقال لويس فان غال المدير الفني للفريق: «نحن جاهزون».", "لويس فان غال"),
        ("وقال فان غال: «نحن جاهزون».", "فان غال"),
        ("وأكد فان دير سار أن الفريق جاهز.", "فان دير سار"),
    ],
)
def test_a_dutch_name_with_van_speaks(body: str, name: str) -> None:
    assert speaker(one(body)) == name


def test_fa_inna_after_a_verb_of_saying_opens_no_name() -> None:
    _, found = quotes_of("وقال الوزير فإن الحكومة ستعمل على ذلك. وقال فإن الحكومة ستعمل.")
    assert all(speaker(q) in (None, "الوزير") for q in found)


def test_short_quotes_that_are_speech_stay() -> None:
    q = one("وهنا قالت سارة العلي «نعم».")
    assert (q.kind, q.text, speaker(q)) == ("direct", "نعم", "سارة العلي")
    _, found = quotes_of("ووصف أحد الأشخاص الأمر بأنه “سوء الإدارة” و”مستعجل”.")
    assert [q.text for q in found] == ["سوء الإدارة", "مستعجل"]


def test_a_quoted_name_the_linker_found_is_not_a_quote() -> None:
    body = "وقال المدير إن «نيوم» ستفتتح مكتبا جديدا، مضيفا أن العمل بدأ."
    text = f"عنوان الخبر\n\n{body}"
    start = text.index("نيوم")
    ent = Entity(id="e3", name="نيوم", type="ORG", mentions=(Mention("نيوم", start, start + 4),))
    _, found = quotes_of(body, entities=(ent,))
    assert all(q.kind == "indirect" for q in found)
    assert found and found[0].text.startswith("«نيوم»")


def test_thousands_of_quotes_and_entities_link_through_one_index() -> None:
    # every speaker is linked by name (its mention is elsewhere): a scan of all entities per quote is quadratic
    letters = "دذرزسشصضطظعغقمنه"
    common = load_set("common_words")  # a frequent word ends a name: keep the made-up surnames out of that list
    surnames = (f"{a}{b}{c}ي" for a, b, c in itertools.product(letters, repeat=3))
    names = [f"سالم {w}" for w in itertools.islice((w for w in surnames if w not in common), 3000)]
    body = " ".join(f"وقال {n} إن العمل مستمر." for n in names) + "\n\nوحضر اللقاء: " + "، ".join(names) + "."
    text = f"عنوان الخبر\n\n{body}"
    entities = []
    pos = text.index("وحضر اللقاء")
    for i, n in enumerate(names):
        pos = text.index(n, pos)
        entities.append(Entity(id=f"e{i}", name=n, type="PER", mentions=(Mention(n, pos, pos + len(n)),)))
        pos += len(n)
    _, found = quotes_of(body, entities=tuple(entities))
    assert len(found) == 3000
    assert [q.speaker.entity for q in found if q.speaker] == [f"e{i}" for i in range(3000)]


def _entity_for_by_scan(name: str, span: tuple[int, int], entities: tuple[Entity, ...]) -> Entity | None:
    """The plain definition of a speaker's entity: a mention overlapping the span, else the name by its forms."""
    for ent in entities:
        if any(m.start < span[1] and span[0] < m.end for m in ent.mentions):
            return ent
    key = normalize(name).strip()
    if not key:
        return None
    same_last: list[Entity] = []
    for ent in entities:
        forms = {normalize(ent.name).strip()} | {normalize(m.text).strip() for m in ent.mentions}
        if key in forms:
            return ent
        if any(f and f.split()[-1] == key.split()[-1] for f in forms):
            same_last.append(ent)
    people = [e for e in same_last if e.type == "PER"] or same_last
    return people[0] if len({e.id for e in people}) == 1 else None


_WORDS = st.sampled_from(["سالم", "العلي", "هاريس", "كامالا", "بايدن", "جو", "وزارة"])


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.lists(_WORDS, min_size=1, max_size=3).map(" ".join),
            st.sampled_from(["PER", "ORG"]),
            st.lists(st.tuples(st.integers(0, 60), st.integers(1, 12)), max_size=3),
        ),
        max_size=6,
    ),
    st.lists(_WORDS, min_size=1, max_size=2).map(" ".join),
    st.integers(0, 70),
    st.integers(1, 15),
)
def test_entity_index_agrees_with_a_plain_scan(
    ents: list[tuple[str, str, list[tuple[int, int]]]], name: str, start: int, length: int
) -> None:
    entities = tuple(
        Entity(
            id=f"e{i}",
            name=n,
            type=t,  # type: ignore[arg-type]
            mentions=tuple(Mention(n, s, s + len(n)) for s, _ in spans),
        )
        for i, (n, t, spans) in enumerate(ents)
    )
    span = (start, start + length)
    assert entity_for(name, span, EntityIndex(entities)) == _entity_for_by_scan(name, span, entities)


def test_a_place_after_the_title_is_not_part_of_the_speaker() -> None:
    import arnews

    text = "عنوان\n\nقال محافظ جدة مشعل بن ماجد إن المشروع سيكتمل العام المقبل."
    article = arnews.parse(text)
    [quote] = article.quotes
    assert quote.speaker is not None and quote.speaker.name == "مشعل بن ماجد"
    assert quote.speaker.wikidata is None
    assert quote.speaker.span is not None and text[quote.speaker.span.start : quote.speaker.span.end] == "مشعل بن ماجد"


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("وأشار مدير عام المصنع أن الإنتاج ارتفع هذا العام.", "مدير عام المصنع"),
        ("وقال مدير عام التعليم إن العام الدراسي سيبدأ في موعده.", "مدير عام التعليم"),
        ("وأكد الأمين العام للمجلس أن الاجتماع سيعقد غدا.", "الأمين العام للمجلس"),
    ],
)
def test_a_title_qualified_by_general_is_one_speaker_phrase(body: str, speaker: str) -> None:
    quote = one(body)
    assert quote.speaker is not None and quote.speaker.name == speaker


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        # the words of whom a report quotes
        ("ونقلت وكالة الأنباء عن وزارة الداخلية قولها: «إن التفجير تسبب بإصابات».", "وزارة الداخلية"),
        ("ونقلت الصحيفة عن الوزير خالد العلي قوله: «لن نتراجع عن القرار».", "خالد العلي"),
        # the cue ends one line, the quote opens the next
        ("وقال وزير الخارجية عادل الجبير في المؤتمر:\n«إن المملكة لن تتهاون في أمنها».", "عادل الجبير"),
        # a reply or a closing word, and a manner adverb after the name
        ("ويرد فاروفاكيس ضاحكا: «أعرف هذا جيدا».", "فاروفاكيس"),
        ("ويختم المالكي: «كل ما يهمنا هو نجاح العمل».", "المالكي"),
        ("وقال الوزير مبتسما: «نحن مستعدون لكل الاحتمالات».", "الوزير"),
        # an honorific before the title and the name
        ("وقال معالي أمين العاصمة المقدسة الدكتور أسامة البار: «المشروع سيكتمل قريبا».", "أسامة البار"),
        ("وقال سمو أمير منطقة نجران: «إن القصر يوثق مرحلة مهمة».", "سمو أمير منطقة نجران"),
    ],
)
def test_direct_speech_patterns_of_newswire(body: str, speaker: str) -> None:
    quote = one(body, "direct")
    assert quote.speaker is not None and quote.speaker.name == speaker


def test_a_report_quoted_from_a_source_with_its_verbal_noun() -> None:
    quote = one("ونقلت رويترز عن مصدر مطلع قوله إن المفاوضات ستستأنف الأسبوع المقبل.", "indirect")
    assert quote.speaker is not None and quote.speaker.anonymous and quote.speaker.name.startswith("مصدر")


def test_an_honorific_with_a_pronoun_speaks_for_the_person_named_before() -> None:
    body = (
        "استقبل صاحب السمو الملكي الأمير فيصل بن بندر أمير منطقة الرياض وفد الجمعية. "
        "وقال سموه: «إن الجمعية تقوم بدور مهم»."
    )
    at = f"عنوان الخبر\n\n{body}".index("فيصل بن بندر")
    prince = Entity("L1", "فيصل بن بندر", "PER", mentions=(Mention("فيصل بن بندر", at, at + len("فيصل بن بندر")),))
    _, found = quotes_of(body, entities=(prince,))
    (quote,) = [q for q in found if q.kind == "direct"]
    assert quote.speaker is not None and quote.speaker.name == "فيصل بن بندر"


@pytest.mark.parametrize(
    ("body", "names", "speaker"),
    [
        # "سموه" is a prince, not the king named after him
        (
            "نقل الأمير متعب بن عبدالله وزير الحرس الوطني تهاني خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز"
            " إلى منسوبي الحرس. وقال سموه إن الحرس يقوم بواجبه على أكمل وجه.",
            ("متعب بن عبدالله", "سلمان بن عبدالعزيز"),
            "متعب بن عبدالله",
        ),
        # "معاليه" is nobody royal, nor the late king a formula of mercy follows
        (
            "وأكد الرئيس العام لشؤون الحرمين الشيخ عبدالرحمن السديس أن مشروع الملك عبدالله بن عبدالعزيز - رحمه الله -"
            " يسير وفق الخطة، وذلك بحضور الأمير خالد الفيصل. وأوضح معاليه أن الأعمال ستنتهي قبل موسم الحج.",
            ("عبدالرحمن السديس", "عبدالله بن عبدالعزيز", "خالد الفيصل"),
            "عبدالرحمن السديس",
        ),
        # the prince who opens the sentence before as its subject, not the prince it congratulates
        (
            "رفع الأمير فهد بن سلطان أمير منطقة تبوك التهاني لخادم الحرمين الشريفين وللأمير محمد بن سلمان ولي ولي"
            " العهد على نجاح الخطط الأمنية. وقال سموه إن رجال الأمن قاموا بواجبهم.",
            ("فهد بن سلطان", "محمد بن سلمان"),
            "فهد بن سلطان",
        ),
        # a speaker named by title alone before, whom the honorific fits
        (
            "وهنأ خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز المواطنين بالعيد. وأكد وزير الصحة أن المستشفيات"
            " جاهزة. وقال معاليه إن الخطة تشمل جميع المناطق.",
            ("سلمان بن عبدالعزيز",),
            "وزير الصحة",
        ),
        # nobody the honorific fits: no speaker rather than the wrong one
        (
            "وهنأ خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز المواطنين بالعيد. وقال معاليه إن البلاد بخير.",
            ("سلمان بن عبدالعزيز",),
            None,
        ),
    ],
)
def test_an_honorific_speaks_for_the_last_person_of_its_rank(
    body: str, names: tuple[str, ...], speaker: str | None
) -> None:
    _, found = quotes_of(body, entities=people(body, *names))
    last = [q for q in found if q.kind == "indirect"][-1]
    assert (last.speaker.name if last.speaker else None) == speaker


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("وكشفت صحيفة «كاثيميريني» اليونانية أن موظفي المفوضية أعدوا خطة سرية.", "كاثيميريني"),
        ("ويقول رئيس رابطة المحامين لسيادة القانون، المحامي صالح ذيبان لـ«الشرق» إن المدينة تتنفس.", "صالح ذيبان"),
        ("وقالت نقابة المعلمين إن الإضراب مستمر حتى الأسبوع المقبل.", "نقابة المعلمين"),
    ],
)
def test_a_body_named_in_marks_and_a_titled_name_in_apposition_speak(body: str, speaker: str) -> None:
    quote = one(body, "indirect")
    assert quote.speaker is not None and quote.speaker.name == speaker


def test_a_noun_of_ours_after_the_verb_is_the_speech_not_the_speaker() -> None:
    _, found = quotes_of(
        "وأكد الوزير خالد العلي التزام بلاده، وقال إن الاتفاق مهم. وقال هدفنا هو تنفيذ الاتفاقية. "
        "وأضاف: «سنعمل مع حلفائنا»."
    )
    assert all(q.speaker is None or q.speaker.name != "هدفنا" for q in found)
    for name in ("فهمي", "شكري", "علي"):
        quote = one(f"وقال {name} إن الفريق جاهز للمباراة.", "indirect")
        assert quote.speaker is not None and quote.speaker.name == name


# ---- speaker phrases: a comma after the verb, kunya names, roles, continuations ---------------------------------


def test_a_comma_between_the_verb_and_its_subject() -> None:
    q = one(
        'وقال، روبرتو أزيفيدو، المدير العام لمنظمة التجارة العالمية، في تغريدة له على تويتر: "أنا متفائل جدا '
        'بأن الصفقة ستنجح".'
    )
    assert q.kind == "direct" and speaker(q) == "روبرتو أزيفيدو"


def test_a_name_goes_on_after_abu_even_in_ta_marbuta() -> None:
    _, found = quotes_of(
        "وقال الخبير حسن أبو هنية إن السجون مكتظة. ومن ثم أضاف أبو هنية: «المهاجع يجري استغلالها لتكوين حلقات "
        "للدراسة والقراءة»."
    )
    assert [speaker(q) for q in found] == ["حسن أبو هنية", "أبو هنية"]


def test_a_party_official_is_a_role_before_the_name() -> None:
    q = one("وأكد القيادي أبو عبيدة الجراح أن المعركة مستمرة حتى النهاية.")
    assert speaker(q) == "أبو عبيدة الجراح"
    # with the entity stage, the body the official belongs to stays out of the name
    found = arnews.parse("عنوان الخبر\n\nوقال القيادي في حركة حماس موسى أبو مرزوق إن الحوار مع الفصائل مستمر.")
    assert [speaker(q) for q in found.quotes] == ["موسى أبو مرزوق"]


def test_the_imperfect_of_jazama_reports() -> None:
    # "يجزم"، "تجزم" (asserts) report as "يؤكد"، "تؤكد" do
    assert speaker(one("ويجزم الخبير الاقتصادي فضل البوعينين بأن الأسعار سترتفع هذا العام.")) == "فضل البوعينين"
    body = "وتجزم مؤسسة الصحيفة أن المنطقة العربية بحاجة إلى منصة جديدة تسهم في فهم أعمق للحياة."
    assert [speaker(q) for q in quotes_of(body)[1]] == ["مؤسسة الصحيفة"]


def test_the_imperfect_of_istatrada_continues_the_last_speaker() -> None:
    _, found = quotes_of(
        "وكما يشرح الباحث مايكل هول فإن «القصف أكثر خطرًا من إطلاق الرصاص لأنه لا يميز». ويستطرد: «أكثر القصص "
        "إيلامًا هي التي تروي فقدان الأحبة»."
    )
    assert [speaker(q) for q in found] == ["مايكل هول", "مايكل هول"]


@pytest.mark.parametrize(
    ("body", "name"),
    [
        # a title's complement coordinated with و, then a later titled name: the name speaks
        (
            "وأكد أستاذ طب وجراحة الأسنان المشارك ونائب رئيس الجمعية الدكتور سامي بن علي القحطاني أن العلاج متاح.",
            "سامي بن علي القحطاني",
        ),
        # ل on a noun in construct with a definite noun: the title's complement, not a name
        (
            "من جانبه، أكد رئيس الاتحاد الآسيوي لكرة السلة المستقيل أنه لن يترشح.",
            "رئيس الاتحاد الآسيوي لكرة السلة المستقيل",
        ),
        ("وقال لاعب الفريق الأول لكرة القدم بنادي الشباب ماجد الدوسري إن الفوز مستحق.", "ماجد الدوسري"),
        # a run after a body's noun names the body; the titled name after it speaks
        ("وقال المدير التنفيذي لشركة نخلة جدة المهندس فيصل الشهري إن المشروع اكتمل.", "فيصل الشهري"),
        # a place head with the article names no place after it: the name after it speaks
        ("وأوضح المتحدث الرسمي لصحة المنطقة عبدالرحيم الغامدي أن الحالات مستقرة.", "عبدالرحيم الغامدي"),
        ("وأفاد المتحدث الرسمي للدفاع المدني بالمنطقة سعد بن محمد الشهراني أن الحريق أخمد.", "سعد بن محمد الشهراني"),
        # a nickname after the name describes the speaker
        ('وقال هاملتون الملقب بالسهم الأسود للصحافيين "كانت ليلة صعبة".', "هاملتون"),
    ],
)
def test_the_title_phrase_reads_its_complements_to_the_name(body: str, name: str) -> None:
    assert speaker(one(body)) == name


@pytest.mark.parametrize(
    "body",
    [
        "وقال السفير لمحطة التلفزيون المحلية إن الزيارة ناجحة.",  # whom the title speaks to
        "وأقر السيد لامبرت بالخطأ في الدراسة، وأضاف أنه سيصححها.",  # a name in ل is no complement
        "وقال المتحدث لوسائل الإعلام إن الأمر انتهى.",
    ],
)
def test_a_complement_in_l_is_neither_an_addressee_nor_a_name(body: str) -> None:
    assert speaker(one(body)) in ("السفير", "السيد لامبرت", "لامبرت", "المتحدث")


@pytest.mark.parametrize(
    ("body", "name"),
    [
        # a body's noun opens the phrase and its name in marks follows: the name speaks, whatever the marks
        ('وقالت شركة "نوفا تك" للخدمات الهندسية "إن الطلب ارتفع بمقدار 7 في المئة خلال الربع".', "نوفا تك"),
        ("وقالت صحيفة «الأيام» البحرينية: «إن الاجتماع تأجل إلى الأسبوع المقبل».", "الأيام"),
        # a statement issued by a body: the body speaks
        ("من ناحية أخرى، شدد تقرير صادر عن وكالة الطاقة الدولية على أهمية تسريع الجهود.", "وكالة الطاقة الدولية"),
        ("وذكر بيان صادر عن وزارة الداخلية أن الطريق فتح أمام السيارات.", "وزارة الداخلية"),
        ("وقال تقرير حديث إن النمو تباطأ.", "تقرير"),
    ],
)
def test_a_body_named_after_its_noun_or_issuing_a_statement_speaks(body: str, name: str) -> None:
    assert speaker(one(body)) == name


def test_a_body_spoken_to_in_marks_is_not_the_speaker() -> None:
    _, found = quotes_of("وقال الوزير خالد الشمري: «الأمر انتهى». وأضاف لصحيفة «الأيام»: «سنبدأ غدا».")
    assert [speaker(q) for q in found] == ["خالد الشمري", "خالد الشمري"]


@pytest.mark.parametrize(
    "body",
    [
        "كما دعا الداعية سالم المطيري، المقرب من «حركة الإصلاح» ومن «الجبهة»، إلى الحوار.",  # behind و and من
        "وبعد نجاحها في المسرح قررت أن تنتج أول أفلامها «ليلة في القاهرة» عام 1960.",  # a work in the plural
        "وقال المصممون إن الجهاز يعمل بمعالج من نوع «سنابدراجون 615».",  # a kind or model named
        "وأكد المسؤولون أن الأجهزة الجديدة تنتمي لطراز «آي آر 2».",
    ],
)
def test_a_name_in_marks_after_a_preposition_a_work_or_a_kind_is_nobodys_words(body: str) -> None:
    assert not any(q.kind == "partial" for q in quotes_of(body)[1])


def test_a_verb_inside_quotation_marks_attributes_nothing_after_it() -> None:
    # "«اعترف بتراجع ...»، لكنه قال إن قواته «...»": the quoted words are somebody's, not the narration's cue
    _, found = quotes_of(
        "ونقلت الصحيفة أن المسؤول «اعترف بتراجع القوات في المدينة»، لكنه قال إن قواته «تحارب لاسترداد الأراضي»."
    )
    last = found[-1]
    assert (last.kind, last.text, last.cue) == ("partial", "تحارب لاسترداد الأراضي", "قال")
    assert speaker(last) != "بتراجع القوات"
    # and a title in marks whose words hold a verb of saying is no quote of the sentence's speaker
    _, found = quotes_of("وتعرض الليلة مسرحية «قال الراوي»، وغدا «شقة من وسط البلد».")
    assert found == []


def test_a_clause_in_marks_coordinated_with_the_cues_preposition_stays_a_quote() -> None:
    _, found = quotes_of("وأكد الوزير خالد الشمري على حياد البلاد وعلى «جاهزية الجيش لحماية الحدود».")
    assert any("جاهزية الجيش لحماية الحدود" in q.text and speaker(q) == "خالد الشمري" for q in found)


def parsed_quotes(body: str) -> list[tuple[str, str | None]]:
    """The kind and speaker of each of the body's quotes, the entity stage run first (its people are whom a turn may
    go to, and the person a verb of narration names must be one it found)."""
    article = arnews.Pipeline(exclude=["ner"]).parse("عنوان الخبر\n\n" + body)
    return [(q.kind, q.speaker.name if q.speaker else None) for q in article.quotes]


def parsed_speakers(body: str) -> list[str | None]:
    """The speakers of the body's quotes (:func:`parsed_quotes`)."""
    return [who for _, who in parsed_quotes(body)]


def test_the_subject_of_a_verb_of_narration_speaks_when_a_verb_of_saying_follows_in_its_sentence() -> None:
    body = (
        "وقال مدير الدفاع المدني اللواء سعد العتيبي إن الحالة مستقرة. "
        "وأشاد مدير المرور في المنطقة العقيد فهد الشهري بما تحقق من إنجاز، وقال: «نحمد الله على ذلك»."
    )
    assert parsed_speakers(body) == ["سعد العتيبي", "فهد الشهري"]


def test_a_sentence_that_only_narrates_leaves_the_speakers_as_they_were() -> None:
    body = (
        "وقال مدير الدفاع المدني اللواء سعد العتيبي إن الحالة مستقرة. "
        "واستقبل أمير المنطقة الأمير فيصل بن خالد وفد الجمعية أمس. وأضاف أن الفرق جاهزة."
    )
    assert parsed_speakers(body) == ["سعد العتيبي", "سعد العتيبي"]


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("قال الاتحاد الدولي لكرة السلة (فيبا) اليوم الاثنين إنه سيشكل لجنة للإصلاح.", "الاتحاد الدولي لكرة السلة"),
        ("وقال المرصد الوطني لحقوق الإنسان إن الاشتباكات تجددت.", "المرصد الوطني لحقوق الإنسان"),
        ("وذكرت وكالة بلومبرغ للأنباء الاقتصادية أن الصفقة اكتملت.", "وكالة بلومبرغ"),
        ("وذكرت شبكة بي بي سي أن النادي توصل إلى اتفاق.", "شبكة بي بي سي"),
        # the limit of a body's name does not cut a coordinated name in two
        (
            "وأكد الاتحاد الدولي لجمعيات الهلال الأحمر والصليب الأحمر أن المملكة من أول الداعمين.",
            "الاتحاد الدولي لجمعيات الهلال الأحمر",
        ),
    ],
)
def test_a_body_speaks_with_its_complement_and_its_foreign_name(body: str, name: str) -> None:
    assert speaker(one(body)) == name


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("ويقول الكثير من الخبراء بأن الأسعار سترتفع.", "الكثير من الخبراء"),
        ("وأكد عديد من سفراء الدول أن التعاون مستمر.", "عديد من سفراء الدول"),
        ("وقال العديد من السكان المحليين إن الرجل غادر.", "العديد من السكان"),
        # part of a group by its definite plural, with its adjectives of relation and the nouns coordinated with it
        ("بعض التحليلات تقول إن هذا الأمر مثير للقلق لدى الناخبين.", "بعض التحليلات"),
        ("وقال أحد المسؤولين ورفض نشر اسمه إن الهجوم وقع فجرا.", "أحد المسؤولين"),
        ("وقال أحد الدبلوماسيين الغربيين إن المفاوضات متعثرة.", "أحد الدبلوماسيين الغربيين"),
        ("ويرى بعض السياسيين والإداريين أن دمج الوزارات يؤثر على العمل.", "بعض السياسيين والإداريين"),
    ],
)
def test_many_of_a_group_is_an_anonymous_source(body: str, name: str) -> None:
    q = one(body)
    assert speaker(q) == name and q.speaker is not None and q.speaker.anonymous


@pytest.mark.parametrize(
    ("body", "name"),
    [
        # people named by their calling or their place, as a group: no names, however the name grammar reads them
        (
            "استنكر علماء ووجهاء محافظة القطيف الجريمة الإرهابية في عسير، مؤكدين أن الجريمة لن تفرق بين أبناء الوطن.",
            "علماء",
        ),
        ("حاولت أن أفهم السبب، وعلماء النفس يؤكدون أن الوصول إلى أصل المشكلة هو الحل.", "علماء النفس"),
        ("وهي حبوب يقول الأطباء إنها تصيب الإنسان بحالة من الهدوء.", "الأطباء"),
        ("وقال أهالي الحي في شكواهم إن المياه انقطعت منذ أسبوع.", "أهالي الحي"),
    ],
)
def test_a_group_named_by_its_calling_is_an_anonymous_source(body: str, name: str) -> None:
    _, found = quotes_of(body)
    assert [(speaker(q), q.speaker is not None and q.speaker.anonymous) for q in found] == [(name, True)]


def test_much_behind_a_preposition_is_how_not_who() -> None:
    _, found = quotes_of('وقالت المديرة سارة الشمري: «سننجح». وقالت بكثير من الحماس "هذه علامة تجارية فريدة".')
    assert [speaker(q) for q in found] == ["سارة الشمري", "سارة الشمري"]


@pytest.mark.parametrize(
    ("body", "name"),
    [
        # a body's short name in construct with the title, then the person, opened by a given name
        ("وأوضح مدير فنون الطائف محمد الزهراني أن الحفل يبدأ مساء.", "محمد الزهراني"),
        ("وقال مدير تعليم تبوك محمد بن سعد العنزي إن الدراسة تبدأ غدا.", "محمد بن سعد العنزي"),
        # a name whose given name follows بن is one name
        ("وقال المدير التنفيذي للسوق عادل بن صالح الغامدي إن الخطوة مهمة.", "عادل بن صالح الغامدي"),
    ],
)
def test_the_person_after_a_bodys_short_name_speaks(body: str, name: str) -> None:
    assert speaker(one(body)) == name


@pytest.mark.parametrize(
    ("body", "name", "clause"),
    [
        # a titled speaker of twenty tokens with an abbreviation's dot ("م.") before إن/أن
        (
            "أوضح مدير عام فرع وزارة الزراعة بمنطقة الجوف المشرف العام على برنامج مكافحة سوسة النخيل م. خالد بن "
            "سعد الرويلي أن الفرق الميدانية أنهت مسح المزارع.",
            "خالد بن سعد الرويلي",
            "الفرق الميدانية أنهت مسح المزارع",
        ),
        # a longer phrase, with its appositions, that a comma closes before إن
        (
            "قال ماجد الحربي، مدير التسويق في شركة للأجهزة المنزلية في جدة وهو من أقدم العاملين في قطاع التجزئة "
            "بالمنطقة الغربية، إن المبيعات تضاعفت.",
            "ماجد الحربي",
            "المبيعات تضاعفت",
        ),
    ],
)
def test_a_long_speaker_phrase_before_its_report(body: str, name: str, clause: str) -> None:
    q = one(body, "indirect")
    assert (speaker(q), q.text) == (name, clause)


@pytest.mark.parametrize(
    "body",
    [
        "وسعى العلماء إلى كشف أسرار الشيخوخة عبر سلسلة طويلة من التجارب على الحيوانات، إلا أن النتائج جاءت متواضعة.",
        "ويعتبر الموعد مكسبا للرئيس الذي أراد تأخير الانتخابات عامين كاملين، في حين أن الاتحاد الأوروبي طالب بها.",
        "قد لا يكون الإعراض ماديا نراه رأي العين أو نسمعه معبرا عنه في كل مرة، غير أننا نستشعره في السلوك.",
    ],
)
def test_a_conjunction_of_contrast_opens_no_report(body: str) -> None:
    # "إلا أن"، "في حين أن"، "غير أن" open a clause of the narration, whatever verb stood before them
    assert [q for q in quotes_of(body)[1] if q.kind == "indirect"] == []


@pytest.mark.parametrize(
    ("body", "name", "clause"),
    [
        # a sound plural participle after the verb that opens its sentence and the group it names
        (
            "وأشاد عدد من المراجعين بمبادرة المستشفى بتوزيع الهدايا، مؤكدين أنها أدخلت البهجة على المرضى.",
            "عدد من المراجعين",
            "أدخلت البهجة على المرضى",
        ),
        (
            "من جهتهم، اشتكى الأهالي من تراكم المخلفات، مشيرين إلى أن الروائح باتت لا تطاق.",
            "الأهالي",
            "الروائح باتت لا تطاق",
        ),
        # the staff of a body (منسوبو، منتسبو: Gulf usage)
        (
            "أشاد منسوبو القوات المسلحة من الجنود المرابطين بمبادرة الأهالي، مشيرين إلى أن هذه البادرة ليست غريبة.",
            "منسوبو القوات",
            "هذه البادرة ليست غريبة",
        ),
    ],
)
def test_a_plural_participle_goes_on_from_the_group_named_after_the_verb(body: str, name: str, clause: str) -> None:
    q = [q for q in quotes_of(body)[1] if q.kind == "indirect"][-1]
    assert (speaker(q), q.text) == (name, clause)


def test_a_feminine_plural_verb_reports() -> None:
    q = one("وسأل الباحثون الأمهات عن التغيرات بعد الولادة، فذكرن أنهن أصبحن أكثر صبرا مع الآخرين.", "indirect")
    assert q.text == "أصبحن أكثر صبرا مع الآخرين"


def test_a_plural_participle_takes_no_object_of_a_preposition_for_its_speaker() -> None:
    # "ونادوا بضرورة الحفاظ ...، مضيفين: «...»": nobody is named after the opening verb
    body = "ونادوا بضرورة الحفاظ على الألعاب الشعبية وتبني جمعيات محلية لها، مضيفين: «يجب أن نحمي تراثنا من الاندثار»."
    q = one(body, "direct")
    assert speaker(q) is None


def test_a_verb_and_its_participle_of_saying_after_a_comma_end_the_report_before() -> None:
    # "...، وأضاف قائلا: «...»": وأضاف opens the next report with قائلا, so it is no word of the clause before it
    body = "وعبر اللاعب عن فرحته بالفوز الأول هذا العام، وأضاف قائلا: «تمكنا أخيرا من إظهار قدراتنا»."
    assert one(body, "indirect").text == "فرحته بالفوز الأول هذا العام"


@pytest.mark.parametrize(
    "body",
    [
        "ودعا الوزير المنظمات الإغاثية إلى زيارة عدن والقيام بواجباتها الإنسانية وقال: إننا نعد برنامجا للأسر.",
        "وأعلن المتحدث أن الشركة اعترضت على تجديد الامتياز واعتبر أن وجود الشركة الأجنبية غير مقبول.",
    ],
)
def test_a_cue_with_wa_right_before_its_colon_or_anna_opens_a_report_without_a_comma(body: str) -> None:
    # "... والإنسانية وقال: إننا"، "... الامتياز واعتبر أن": the report before ends there, and a second one begins
    _, found = quotes_of(body)
    assert [q.kind for q in found] == ["indirect", "indirect"]
    assert not any("وقال" in q.text or "واعتبر" in q.text for q in found)


@pytest.mark.parametrize(
    ("body", "second"),
    [
        (
            "وقال الوزير إن الطائرات وصلت لإعادة تشغيل المطار خلال يوم، وأوضح المدير الإقليمي للشركة أن البرج جاهز.",
            "البرج جاهز",
        ),
        (
            "وأكد التقرير أن الأسواق تراجعت هذا الشهر، ولفت التقرير الثاني إلى أن المصارف كانت مرنة.",
            "المصارف كانت مرنة",
        ),
        # a form that is also a common word (بين، ذكر، يقول): with its speaker and أن after the comma
        (
            "وقال المدير إن الملتقى سيكون نقطة انطلاق قوية، وبيّن الغامدي أن ذلك أتى بناء على توجيهات عليا.",
            "ذلك أتى بناء على توجيهات عليا",
        ),
        (
            "وأكد الجيش أن المعسكر سقط بعد قصف عنيف، وذكرت مصادر محلية أن المعسكر كان مخزنا للسلاح.",
            "المعسكر كان مخزنا للسلاح",
        ),
        # a comma may close the speaker phrase before its أن
        (
            "وأكد أنه سيتشرف بارتداء قميص الأهلي، وبيّن المهاجم السوري، أنه لم يخرج من ناديه بسبب مشكلات مالية.",
            "لم يخرج من ناديه بسبب مشكلات مالية",
        ),
    ],
)
def test_a_cue_with_wa_after_a_comma_and_its_speaker_opens_the_next_report(body: str, second: str) -> None:
    # "...، وأوضح المدير الإقليمي للشركة أن": the clause before ends at the comma, and the next report begins
    _, found = quotes_of(body)
    assert [q.text for q in found][1:] == [second]
    assert "،" not in found[0].text[-3:] and "وأوضح" not in found[0].text and "ولفت" not in found[0].text


@pytest.mark.parametrize(
    ("body", "name", "clause"),
    [
        (
            "وتعرضت الشركة لضغوط من صعود الدولار الذي قال سماسرة إنه قد يضر بأرباح الشركات.",
            "سماسرة",
            "قد يضر بأرباح الشركات",
        ),
        (
            "وتقام هذا الشهر مزادات العقار التي تعتقد مصادر السوق أنها توفر أفضل الفرص للمستثمرين.",
            "مصادر السوق",
            "توفر أفضل الفرص للمستثمرين",
        ),
    ],
)
def test_a_relative_clause_with_a_subject_of_its_own_reports(body: str, name: str, clause: str) -> None:
    # "الذي قال سماسرة إنه": the subject after the cue speaks, not the antecedent ("الذي قال إن" stays no report)
    q = one(body, "indirect")
    assert (speaker(q), q.text) == (name, clause)


def test_a_report_after_a_comma_and_a_conjunction_of_time_is_a_report_of_its_own() -> None:
    body = "وأكد الوزير أن قيادة التحالف كانت واضحة، عندما أعلنت أن العمليات العسكرية ستستمر حتى تحرير المدينة."
    _, found = quotes_of(body)
    assert [q.text for q in found if q.kind == "indirect"] == [
        "قيادة التحالف كانت واضحة",
        "العمليات العسكرية ستستمر حتى تحرير المدينة",
    ]


def test_a_participle_goes_on_from_the_titled_name_when_the_title_is_a_mention_of_its_own() -> None:
    # "السفير" names عمرو رمضان later in the article, so it is a mention of its own right before his name; the
    # participle goes on from him, not from the speaker of the sentence before
    body = (
        "أقام السفير عمرو رمضان، مندوب مصر الدائم لدى الأمم المتحدة بجنيف، حفلا بمناسبة العيد الوطني.\n"
        "وقال الأمير أحمد فؤاد إنه سعيد بالمشاركة في الحفل لأول مرة.\n"
        "وألقى السفير عمرو رمضان كلمة في بداية الحفل شكر فيها الحضور على تلبيتهم الدعوة، مشيرًا إلى أن الثورة "
        "أسست لأول جمهورية في البلاد.\n"
        "وشدد السفير على أن استذكار هذه الدروس يعد في غاية الأهمية."
    )
    article = arnews.Pipeline(processors=["quotes"]).process(body)  # with the entity stage that finds the alias
    q = next(q for q in article.quotes if q.text.startswith("الثورة"))
    assert speaker(q) == "عمرو رمضان"


def test_a_cue_behind_the_lam_of_purpose_speaks_for_the_person_of_its_sentence() -> None:
    # "وهذا ما دعا (سارة الحربي) إلى ... لتقول:": the person the sentence names goes on to say it, not the speaker
    # of the quote before
    body = (
        'تقول الباحثة منى العتيبي في إحدى فقرات كتابها: "الأمومة تغير الدماغ". وهذا ما دعا (سارة الحربي) إلى '
        'التقاط هذه الفكرة في إحدى فقرات كتابها الجديد عن الأمومة لتقول: "الأمهات أكثر صبرا مما نظن".'
    )
    article = arnews.Pipeline(processors=["quotes"]).process(body)
    assert [speaker(q) for q in article.quotes] == ["منى العتيبي", "سارة الحربي"]


@pytest.mark.parametrize(
    ("body", "name"),
    [
        # an everyday word read as a one-word name gives way to the titled name after it, past a quoted name
        ("أكد منتج مسلسل «ليالي الصيف» الفنان خالد الحربي أن العمل سيعرض في رمضان.", "خالد الحربي"),
        (
            'وأوضح مدير عام "تعليم الخرج" الدكتور عبدالرحمن بن عبدالله العبدالجبار أن اللجان بدأت أعمالها.',
            "عبدالرحمن بن عبدالله العبدالجبار",
        ),
    ],
)
def test_a_titled_name_past_a_quoted_name_in_the_speaker_phrase(body: str, name: str) -> None:
    assert speaker(one(body, "indirect")) == name


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("وقال الوزير إن الوضع صعب. أما جبر الشوفي، فيشير إلى أن الحل قريب.", "جبر الشوفي"),
        (
            "وقال الوزير إن الوضع صعب. أما بيرنهارد كوفاتش الشريك المؤسس للمبادرة فقال: «الحل قريب جدا».",
            "بيرنهارد كوفاتش",
        ),
        ("وقال الوزير إن الوضع صعب. أما علي محمد فقال: الحل قريب جدا من الجميع.", "علي محمد"),
        # a topic behind a preposition is no subject: the last speaker goes on
        ("وقال الوزير إن الوضع صعب. أما عن الشعر السياسي، فقال: «الحل قريب جدا».", "الوزير"),
    ],
)
def test_the_topic_of_amma_speaks_through_the_verb_behind_fa(body: str, name: str) -> None:
    # "أما X ... فقال": the topic أما opens is the subject of the cue ف opens, not the speaker before
    assert speaker(quotes_of(body)[1][-1]) == name


def test_a_plural_verb_with_no_subject_goes_on_from_the_group_after_the_opening_verb() -> None:
    q = one("واجتمع أعضاء المجلس البلدي بالأهالي أمس في مقر البلدية، وأكدوا أن المشروع سيكتمل قريبا.", "indirect")
    assert (speaker(q) or "").startswith("أعضاء المجلس")


@pytest.mark.parametrize(
    ("body", "name"),
    [
        (
            "عزت أمانة المنطقة الشرقية كثرة التحويلات إلى مشروعات الطرق في الدمام، مؤكدة أهمية هذه المشروعات للمرور.\n"
            "فيما شددت على أنها تسعى لوضع الخطط الاستراتيجية لحركة النقل.",
            "أمانة المنطقة الشرقية",
        ),
        (
            "اعتذرت وزارة الصحة للمراجعين عن تأخر المواعيد مؤكدة حرصها على خدمة المرضى في كل المستشفيات.",
            "وزارة الصحة",
        ),
        (
            "أطلقت أمانة منطقة الرياض حملة النظافة أمس، مؤكدة أهمية المشاركة في الحملة من جميع الأهالي.",
            "أمانة منطقة الرياض",
        ),
    ],
)
def test_a_singular_participle_goes_on_from_the_body_after_the_opening_verb(body: str, name: str) -> None:
    # the body the entity stage found, not the verb's object the phrase would run on into ("... الشرقية كثرة")
    article = arnews.Pipeline(exclude=["ner"]).parse("عنوان الخبر\n\n" + body)
    assert [q.speaker.name if q.speaker else None for q in article.quotes] == [name] * len(article.quotes)
    assert article.quotes


def test_a_participle_that_disagrees_with_the_opening_verb_takes_no_body() -> None:
    # "أطلقت": a feminine verb and its body; "مؤكدا": a masculine participle, whose subject is someone else
    article = arnews.Pipeline(exclude=["ner"]).parse(
        "عنوان الخبر\n\nأطلقت أمانة منطقة الرياض حملة النظافة أمس، مؤكدا أهمية المشاركة في الحملة من جميع الأهالي."
    )
    assert [q.speaker.name if q.speaker else None for q in article.quotes] == [None]


def test_a_plural_noun_in_construct_opens_no_verb_phrase() -> None:
    # "مسؤولو الاتحاد": a sound plural in construct, not a verb whose subject follows it
    q = one("وفي الوقت نفسه، مسؤولو الاتحاد الذين أصروا على الشروط، وأكدوا أن الاتفاق قريب.", "indirect")
    assert speaker(q) != "الاتحاد"


def test_a_relative_clause_after_the_speaker_holds_no_complement_of_the_cue() -> None:
    # "وشدد جعجع، الذي يعد أحد ... على": the preposition belongs to the clause that describes the speaker
    body = "وشدد جعجع، الذي يعد أحد أبرز المتنافسين على منصب الرئاسة الشاغر في لبنان منذ انتهاء ولاية الرئيس السابق."
    assert [q for q in quotes_of(body)[1] if q.kind == "indirect"] == []
    body = "وشدد جعجع، الذي يعد أحد أبرز المتنافسين على الرئاسة، على أن السعودية لم تتدخل في الشأن اللبناني."
    assert speaker(one(body, "indirect")) == "جعجع"


@pytest.mark.parametrize(
    ("body", "name"),
    [
        (
            "وقال الوزير إن السوق مستقرة. يشار إلى أن الصندوق العقاري أفاد بأن آلاف المواطنين سيحصلون على قروض.",
            "الصندوق العقاري",
        ),
        ("وقال الوزير إن الخطة جاهزة. غير أن محللين آخرين يرون أن الخطة تحتاج إلى تمويل إضافي.", "محللين"),
    ],
)
def test_a_subject_after_a_bare_anna_speaks_through_the_verb_after_it(body: str, name: str) -> None:
    # "يشار إلى أن الصندوق العقاري أفاد بأن": the subject stands between أن and its verb, not the speaker before
    assert speaker(quotes_of(body)[1][-1]) == name


def test_a_subject_before_a_chain_of_auxiliaries_speaks() -> None:
    # "يذكر أن بعض المتعاملين كانوا قد حذروا من أن": كانوا and قد both stand between the subject and its verb
    body = "يذكر أن بعض المتعاملين كانوا قد حذروا من أن السماح بالتداول دون قيود من شأنه أن يشكل خطرا."
    assert speaker(one(body, "indirect")) == "بعض المتعاملين"


@pytest.mark.parametrize(
    "body",
    [
        'وقال عبدالله إن المشكلة كبيرة. وأضاف "أنور": "نحن مجتمع محافظ، واكتسبنا ذلك من تمسكنا بديننا".',
        "وقال عبدالله إن المشكلة كبيرة. وأضاف «أنور»: «نحن مجتمع محافظ».",
    ],
)
def test_a_quoted_name_between_a_cue_and_its_colon_speaks(body: str) -> None:
    # 'وأضاف "أنور": "..."': Saudi papers put the speaker's surname in marks before the colon
    assert speaker(one(body, "direct")) == "أنور"


def test_a_figure_alone_is_no_speaker() -> None:
    # "ويقول 51.3 في المائة إن": the share of people cut to its figure speaks for nobody
    body = "ويسمح نصف المديرين للموظفين باستخدام أجهزتهم الشخصية، ويقول 51.3 في المائة إن الموظفين يدخلون الشبكة."
    _, found = quotes_of(body)
    assert [q.text for q in found] == ["الموظفين يدخلون الشبكة"]
    assert all(any(ch.isalpha() for ch in speaker(q) or "x") for q in found)


# ---- verbs with no subject after long interviews and names inside quotes --------------------------------------------


@pytest.mark.parametrize(
    ("body", "named", "spoke"),
    [
        # a name inside the quote is the quoted person's words, not the subject of the next verb
        (
            "وقال مدرب المنتخب في مؤتمره: «أعتقد أن محمد الشهري سيعود إلى التشكيلة في المباراة المقبلة».\n"
            "وعن استعدادات الفريق قال: «الفريق جاهز للمباراة».",
            "محمد الشهري",
            "مدرب المنتخب",
        ),
        (
            "وقالت وزيرة الخارجية الإسبانية: «نعلم أن سيرغي لافروف سيحضر الاجتماع».\n"
            "وعن الملف الليبي قالت: «الحل سياسي».",
            "سيرغي لافروف",
            "وزيرة الخارجية الإسبانية",
        ),
    ],
)
def test_a_name_inside_a_quote_is_no_antecedent(body: str, named: str, spoke: str) -> None:
    assert spoken(body, named) == [spoke, spoke]


def test_a_speaker_who_keeps_speaking_stays_within_reach() -> None:
    # an interview whose speaker was described once, thousands of characters before her last answer
    said = (
        "أنا سعيدة بهذا العمل لأنه منحني فرصة لتقديم شخصية مختلفة عن كل ما قدمته في السابق، وقد تعلمت الكثير "
        "من فريق العمل خلال أشهر التصوير الطويلة. "
    )
    episodes = ["الأولى", "الثانية", "الثالثة", "الرابعة", "الخامسة", "السادسة", "السابعة", "الثامنة"]
    body = (
        "ولفتت الممثلة المصرية إلى أن المسلسل حقق نجاحا كبيرا.\n"
        + "".join(f"وعن الحلقة {e} أضافت: «{said * 3}».\n" for e in episodes)
        + "وعن عملها مع المخرج محمد خان في فيلمها الأخير قالت: «كان تعاونا مثمرا»."
    )
    assert body.index("قالت") - body.index("الممثلة المصرية") > 3000
    assert spoken(body, "محمد خان")[-2:] == ["الممثلة المصرية", "الممثلة المصرية"]


@pytest.mark.parametrize(
    ("body", "named", "spoke"),
    [
        (
            "وقالت الشرطة إن الشاب لم يكن يعرف السباحة. واستبعدت الشرطة وجود عمل إجرامي.\n"
            "وأصدرت مور (52 عاما) بيانا قالت فيه: «أشعر بصدمة تامة».",
            ("مور",),
            "مور",
        ),
        (
            "وقال رئيس الاتحاد أحمد عيد إن البطولة نجحت.\n"
            "ووجه النائب خالد الضاهر انتقادات إلى الحكومة، وقال في تصريحات صحفية إن الحكومة فشلت.",
            ("أحمد عيد", "خالد الضاهر"),
            "خالد الضاهر",
        ),
        (
            "وقال المتحدث باسم الوزارة إن التحقيق مستمر.\n"
            "وبذل زكي طليمات مجهودا كبيرا في إخفاء ابتسامته ثم قال: «طيب تعالي يا فاتن».",
            ("زكي طليمات",),
            "زكي طليمات",
        ),
        # a title in construct whose name comes later is no subject by itself; the name is
        (
            "وقال رئيس الاتحاد أحمد عيد إن البطولة نجحت.\n"
            "وأشاد رئيس بعثة المنتخب للبطولة خالد الشافعي بالتنظيم، وقال إن المنتخب استفاد كثيرا من المعسكر.",
            ("أحمد عيد", "خالد الشافعي"),
            "خالد الشافعي",
        ),
    ],
)
def test_a_verb_of_saying_goes_on_from_the_subject_of_its_sentence(
    body: str, named: tuple[str, ...], spoke: str
) -> None:
    assert spoken(body, *named)[-1] == spoke


@pytest.mark.parametrize(
    ("body", "name", "description"),
    [
        # whom a spokesman speaks for, whatever the head of its name, then the spokesman's own name
        (
            "وقال المتحدث باسم قيادة المقاومة علي الأحمدي في تصريحات صحفية إن المقاتلين سيطروا على الحي.",
            "علي الأحمدي",
            None,
        ),
        ("وقال المتحدث باسم حماس فوزي برهوم إن الاحتلال يتحمل المسؤولية.", "فوزي برهوم", None),
        ("وقالت المتحدثة باسم هذه المنظمة الدولية ريم ندا: «إنها أول سفينة تبلغ المرفأ».", "ريم ندا", None),
        # an unnamed spokesman: the body spoken for is the description, not the speaker
        (
            "وقال متحدث باسم قصر باكنغهام: «إنه لأمر مخيب للآمال أن يتم الحصول على هذه اللقطات».",
            "متحدث",
            "متحدث باسم قصر باكنغهام",
        ),
        ("وقالت متحدثة باسم فيشر إن موعد الزيارة لم يتحدد بعد.", "متحدثة", "متحدثة باسم فيشر"),
        # given names that also read as a preposition on a noun (ب + اسم) or a noun with a pronoun (نادي + ه)
        ("وقال الدكتور باسم عوض الله إن الاقتصاد يتعافى.", "باسم عوض الله", None),
        ("وقالت الفنانة نادية الجندي إن الدور كان صعبا.", "نادية الجندي", None),
    ],
)
def test_a_spokesman_speaks_for_a_body_and_basim_is_a_name(body: str, name: str, description: str | None) -> None:
    q = one(body)
    assert q.speaker is not None and (q.speaker.name, q.speaker.description) == (name, description)


@pytest.mark.parametrize(
    ("body", "spoke"),
    [
        # a hadith's narrator, named with the companion's formula right before the verb
        ("وهي تجب على كل مسلم. عن ابن عمر رضي الله عنهما قال: «فرض رسول الله زكاة الفطر صاعا من تمر».", "ابن عمر"),
        ("والواجب إخراجها من قوت البلد لحديث ابن عمر رضي الله عنهما قال: «فرض رسول الله زكاة الفطر».", "ابن عمر"),
        # God, named with His formula after the verb
        ("فكانوا كما قال الله عز وجل: «ومن الناس من يعجبك قوله في الحياة الدنيا».", "الله عز وجل"),
        # the Prophet, by the formula after the verb and his name before it
        (
            "وأفتتح مقالي بحديث شريف عن الرسول، صلى الله عليه وسلم، قال عليه الصلاة والسلام: «إن الأمير إذا ابتغى "
            "الريبة في الناس أفسدهم».",
            "الرسول",
        ),
        # God named by the formula alone: no speaker phrase, and not the person named before
        ("وقال الشيخ خالد العلي إن العيد فرحة. لقد قال تعالى «قل بفضل الله وبرحمته فبذلك فليفرحوا».", None),
        # the Prophet before his verb, the formula between them (not "وسلم", the formula's last word)
        ("وعن أبي هريرة رضي الله عنه أن النبي صلى الله عليه وسلم قال: «من غشنا فليس منا».", "النبي"),
        ("ودخل أبو بكر فقال: أمزمارة عند رسول الله، صلى الله عليه وسلم، فقال: «دعهما».", "رسول الله"),
        # a prayer for the dead between a subject and its verb
        ("ونرى الأمن مع وعي المواطن، حيث كان الأمير نايف رحمه الله يقول: «المواطن هو رجل الأمن الأول».", "نايف"),
    ],
)
def test_sacred_words_and_who_says_them(body: str, spoke: str | None) -> None:
    assert spoken(body, kind="direct")[-1] == spoke


def test_god_prayed_to_is_no_speaker_and_a_sacred_speaker_does_not_go_on() -> None:
    body = (
        "وهنأ الأمير خالد الفيصل المواطنين بالعيد، داعيا الله عز وجل أن يعيده على الجميع بالخير.\n"
        "وفي الحديث عن الرسول صلى الله عليه وسلم قال عليه الصلاة والسلام: «الدين النصيحة».\n"
        "وقال إن الأمن مسؤولية الجميع."
    )
    assert spoken(body, "خالد الفيصل") == ["خالد الفيصل", "الرسول", "خالد الفيصل"]


def test_a_bare_quote_after_an_ellipsis_is_said_by_the_subject_of_the_sentence_it_trails() -> None:
    body = (
        "وكان أبو هريرة يجتمع في محاضرات بالمعسكرات مع مقاتلين آخرين.. «هنا تستطيع أن تعثر على كتب الفقهاء في كل "
        "مكان».\n"
        "ووصلت الخلافات الفقهية إلى حد رفع الأسلحة أم لا.. «سحب أحدهم بندقيته وأراد إطلاق النار على خصمه»."
    )
    assert spoken(body, "أبو هريرة", kind="direct") == ["أبو هريرة", None]  # no person opens the second sentence


def test_a_name_in_marks_that_opens_the_trailing_sentence_says_the_quote() -> None:
    body = "ويتعجب «سليمان» من وصول القبيلتين إلى هذا الحد من الخصام.. «أن يتقاتل أبناء الجنوب أمر محزن للغاية»."
    assert spoken(body, kind="direct") == ["سليمان"]


def test_a_plural_verb_goes_on_from_the_group_a_verb_of_saying_opens_with() -> None:
    # "انتقد" is a verb of saying too, but with a noun for its object it reports nothing: the group it opens with
    # speaks for the plural verb after it
    body = (
        "انتقد عدد من شباب الطائف عدم وجود مناطق خاصة بهم تصلح للاحتفال بالعيد. وقالوا إنهم يقضون أوقاتهم في "
        "السلام على الأقارب."
    )
    assert spoken(body) == ["عدد من شباب الطائف"]


def test_a_group_that_goes_on_is_described_by_its_own_words_only() -> None:
    _, found = quotes_of(
        "وقال الشخص ومصدران آخران إن المانحين انضموا إلى المكالمة. وقالوا إن المانحين غادروا بخيبة أمل."
    )
    described = [q.speaker.description for q in found if q.speaker is not None]
    assert described == ["الشخص ومصدران آخران", "الشخص ومصدران آخران"]


def test_l_on_a_name_the_article_writes_alone_is_the_one_spoken_to() -> None:
    assert "لرزق" not in spoken("وجلس رزق في بهو الفندق ينتظر.\nثم قال لرزق: «لا تتأخر عن موعدك غدا».")
    assert spoken("وقال لافروف: «لا تتأخر عن موعدك غدا».") == ["لافروف"]  # a name that begins with ل


def test_the_one_spoken_to_after_the_verb_leaves_the_speaker_to_the_clause_before() -> None:
    # "حيث قال لبرينان:": the man the article names without ل is told; who mocked the economy speaks
    body = (
        "عمل ألبرتو فرنانديز سنوات مع جون برينان. وخلالها سخر ألبرتو فرنانديز من الاقتصاد الأميركي، حيث قال "
        "لبرينان: «ليس الأمر بأن التنظيم عظيم للغاية»."
    )
    assert spoken(body, "ألبرتو فرنانديز", "جون برينان") == ["ألبرتو فرنانديز"]


def test_l_on_the_plural_of_an_everyday_noun_is_the_one_spoken_to() -> None:
    # "لشبكات التلفزيون الايطالية": the networks told, with their complement and adjective; the minister goes on
    body = (
        "وقال وزير الخارجية الايطالي باولو جينتيلوني إن المنطقة شهدت سوابق. واضاف لشبكات التلفزيون الايطالية "
        "«ما زال من الصعب بعد ساعات فقط التأكد من شيء»."
    )
    assert spoken(body, "باولو جينتيلوني") == ["باولو جينتيلوني", "باولو جينتيلوني"]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("وقال رئيس وزراء مالطا جوزيف موسكات في بيان له إن الاتحاد سيتحرك.", "جوزيف موسكات"),
        ("وقال وزير خارجية بلجيكا ديدييه ريندرز إن الاتحاد سيتحرك.", "ديدييه ريندرز"),
        ("أما رئيس وزراء لوكسمبورغ، فقد أكد أن نتائج الاستفتاء ستحترم.", "رئيس وزراء لوكسمبورغ"),
        ("وقال وزير داخلية إقليم بلوشستان أكبر حسين دوراني إن الهجوم فشل.", "أكبر حسين دوراني"),
        # two nouns in construct after the title before the definite complement: all the title's
        ("وشدد قائد قوة أمن الطرق على ضرورة الانتباه للأطفال أثناء التوقف.", "قائد قوة أمن الطرق"),
    ],
)
def test_a_title_with_a_portfolio_and_a_country_before_the_name(body: str, speaker: str) -> None:
    # "خارجية فرنسا" is the minister's portfolio and country, not a name; "مالطا" is no participle of manner
    assert spoken(body) == [speaker]


def test_a_name_that_begins_with_l_and_a_short_word_keeps_its_speaker() -> None:
    # "بني" is a word of the article too ("بني سويف"), but three letters after ل make a one-spoken-to only alone
    body = (
        "زار وفد البرنامج مدارس بني سويف. وحول الزيارة، قالت لبنى ألمان، مدير البرنامج في مصر: «اليوم التقينا "
        "أطفالا رائعين»."
    )
    assert spoken(body) == ["لبنى ألمان"]


def test_a_title_after_the_one_spoken_to_begins_the_speaker() -> None:
    body = "الرياض (رويترز) - وقال لرويترز المتحدث باسم وزارة الداخلية منصور التركي إن الوضع مستقر."
    assert spoken(body) == ["منصور التركي"]

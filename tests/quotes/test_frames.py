"""Reported speech that no إن/أن opens (a preposition of the cue, a participle's object, a colon, an attribution),
and quoted names that are nobody's words."""

from __future__ import annotations

import pytest
from test_quotes import quotes_of

from arnews.core.text import view
from arnews.models import Quote
from arnews.quotes import cues
from arnews.quotes.marks import paragraph_tokens
from arnews.quotes.speakers import speaker_problem


def indirect(body: str) -> list[tuple[str, str | None]]:
    _, found = quotes_of(body)
    return [(q.text, q.speaker.name if q.speaker else None) for q in found if q.kind == "indirect"]


def speech(body: str) -> list[Quote]:
    _, found = quotes_of(body)
    return found


@pytest.mark.parametrize(
    ("body", "start", "speaker"),
    [
        ("وأشار المتحدث الرسمي للوزارة إلى ارتفاع عدد الزوار خلال العام الجاري.", "ارتفاع عدد الزوار", "المتحدث"),
        ("وشدد وزير الصحة على ضرورة الالتزام بالإجراءات الوقائية في المدارس.", "ضرورة الالتزام", "وزير الصحة"),
        ("وأعرب السفير عن أمله في أن تتطور العلاقات بين البلدين.", "أمله في أن تتطور", "السفير"),
        ("وتعهد رئيس الحكومة خالد العلي، بدعم المشروعات الصغيرة في المناطق.", "بدعم المشروعات", "خالد العلي"),
        ("ودعا المحافظ المواطنين إلى التعاون مع الجهات الأمنية في الإبلاغ.", "التعاون مع الجهات", "المحافظ"),
        ("وحذرت الهيئة من التعامل مع المكاتب غير المرخصة في الاستقدام.", "التعامل مع المكاتب", "الهيئة"),
        ("ومن جانبه عبر رئيس النادي سعد الحربي عن سعادته بهذه الرعاية الكريمة.", "سعادته بهذه الرعاية", "سعد الحربي"),
    ],
)
def test_a_preposition_of_the_cue_opens_the_clause(body: str, start: str, speaker: str) -> None:
    found = indirect(body)
    assert len(found) == 1, found
    text, who = found[0]
    assert text.startswith(start)
    assert who is not None and speaker in who


def test_a_participle_reports_its_own_clause_for_the_same_speaker() -> None:
    found = indirect("وقال المدير العام إن النتائج جيدة، مشيرا إلى أن الخطة ستستمر حتى نهاية العام.")
    assert [t for t, _ in found] == ["النتائج جيدة", "الخطة ستستمر حتى نهاية العام"]
    assert {w for _, w in found} == {"المدير العام"}
    found = indirect("وقال الوزير إن العمل مستمر، مؤكدا حرص الحكومة على إنجاز المشروعات في وقتها.")
    assert [t for t, _ in found] == ["العمل مستمر", "حرص الحكومة على إنجاز المشروعات في وقتها"]


def test_a_participle_of_calling_reports_from_its_object_unless_anna_follows_it() -> None:
    # "داعيا الجمعيات ... للتنسيق": whom the speaker calls on, and to what, is the report; "داعيا الله العلي القدير أن
    # يحفظ" reports from أن; the أن of a subordinator ("دون أن") or of the next verb of saying is not the object's
    found = indirect(
        "وقال المتحدث الرسمي إن اللائحة نصت على ذلك، داعيا الجمعيات والمؤسسات الوطنية للتنسيق فيما بينها للاتفاق."
    )
    assert [t for t, _ in found][1:] == ["الجمعيات والمؤسسات الوطنية للتنسيق فيما بينها للاتفاق"]
    found = indirect("وقال المحافظ إن الحادث مؤلم، داعيا الله العلي القدير أن يتغمد المتوفين بواسع رحمته.")
    assert [t for t, _ in found][1:] == ["يتغمد المتوفين بواسع رحمته"]
    found = indirect("وقال الوزير إن المساكن واسعة، منتقدا المساحات الكبيرة دون أن يكون لها حاجة ملحة.")
    assert [t for t, _ in found][1:] == ["المساحات الكبيرة دون أن يكون لها حاجة ملحة"]


@pytest.mark.parametrize(
    ("body", "start", "speaker", "anonymous"),
    [
        ("ووفقا لمصادر مطلعة فإن الاجتماع سيعقد الأسبوع المقبل في الرياض.", "الاجتماع سيعقد", "مصادر مطلعة", True),
        ("وبحسب وزارة الصحة، سجلت المستشفيات انخفاضا في عدد الحالات.", "سجلت المستشفيات", "وزارة الصحة", False),
        ("ونقلا عن مسؤول في الشركة، فإن الإنتاج سيرتفع مطلع العام.", "الإنتاج سيرتفع", "مسؤول في الشركة", True),
    ],
)
def test_an_attribution_at_a_clause_start_reports_its_source(
    body: str, start: str, speaker: str, anonymous: bool
) -> None:
    _, found = quotes_of(body)
    assert len(found) == 1, [(q.kind, q.text) for q in found]
    q = found[0]
    assert q.kind == "indirect" and q.text.startswith(start)
    assert q.speaker is not None and q.speaker.name in speaker and q.speaker.anonymous is anonymous
    assert q.according_to == speaker


@pytest.mark.parametrize(
    ("body", "speaker", "according"),
    [
        # ل on the article drops its alef ("للتقرير" = ل + التقرير): the source is "تقرير", never "لتقرير"
        ("ووفقا للتقرير فإن الصندوق سيزيد قروضه للدول الأعضاء.", "تقرير", "تقرير"),
        (
            "ووفقا للمصادر العسكرية الليبية، فإن الكتيبة استولت على مخازن الأسلحة.",
            "مصادر العسكرية الليبية",
            "مصادر العسكرية الليبية",
        ),
        # a titled name in the source speaks
        (
            "ووفقا للناطق الإعلامي لشرطة منطقة القصيم الرائد بدر السحيباني، فإن الجهات المختصة باشرت التحقيق.",
            "بدر السحيباني",
            "ناطق الإعلامي لشرطة منطقة القصيم الرائد بدر السحيباني",
        ),
        # a rule, a custom or a condition the clause goes by says nothing: according_to only
        (
            "ووفقا للعادة الأميركية في مشاركة عائلة المرشح، وقف أبناؤه يعلنون مساندتهم.",
            None,
            "عادة الأميركية في مشاركة عائلة المرشح",
        ),
        ("وحسب القانون، يعاقب المخالف بالسجن مدة لا تقل عن سنة.", None, "القانون"),
    ],
)
def test_an_attribution_with_the_article_after_its_lam_names_its_source(
    body: str, speaker: str | None, according: str | None
) -> None:
    (q,) = speech(body)
    assert ((q.speaker.name if q.speaker else None), q.according_to) == (speaker, according)


def test_a_quantity_or_a_demonstrative_opens_the_clause_after_an_attribution() -> None:
    assert indirect("ووفقا لوزارة الصحة فإن عدد الإصابات ارتفع إلى عشرين حالة.") == [
        ("عدد الإصابات ارتفع إلى عشرين حالة", "وزارة الصحة")
    ]
    assert indirect("وبحسب المصادر، فإن هذه الخطوة ستؤدي إلى خفض الأسعار.") == [
        ("هذه الخطوة ستؤدي إلى خفض الأسعار", "المصادر")
    ]


def test_an_attribution_that_closes_a_clause_reports_nothing_after_a_conjunction_of_narration() -> None:
    # "بحسب وزارة الداخلية" is the source of the clause before it; the army's announcement after فيما is not its
    body = (
        "وقتل المدنيون عندما أطلق المتمردون النيران على البلدة، بحسب وزارة الداخلية، فيما أعلن الجيش مقتل الجندي "
        "في منطقة لوغانسك المجاورة."
    )
    assert indirect(body) == []
    assert indirect("وتقع الحقول في الشرق، وفقا لإدارة الطاقة، وبينما يبلغ الإنتاج عشرة ملايين قدم مكعب.") == []


def test_an_attribution_inside_quotation_marks_is_part_of_the_quoted_words() -> None:
    found = speech("وقال الخبير: «مع ذلك، وبحسب الإحصاءات الرسمية، فإن العاملين في القطاع ثابتون عند 21 مليونا».")
    assert [(q.kind, q.speaker.name if q.speaker else None) for q in found] == [("direct", "الخبير")]


def test_a_plural_verb_goes_on_from_the_people_who_open_the_sentence_before() -> None:
    assert indirect("أشاد عدد من المواطنين بجهود رجال الأمن في المنطقة. وأكدوا أن الأمن نعمة يجب المحافظة عليها.") == [
        ("الأمن نعمة يجب المحافظة عليها", "عدد من المواطنين")
    ]
    # a body opening the sentence before is no subject of a plural verb
    assert indirect("أعلنت الشركة نتائجها المالية للربع الثاني من العام. وقالوا إن الأرباح ارتفعت كثيرا.") == [
        ("الأرباح ارتفعت كثيرا", None)
    ]


def test_an_attribution_before_a_cue_leaves_the_report_to_the_cue() -> None:
    assert indirect("وبحسب المصادر، قال الوزير إن الاجتماع تأجل إلى الأسبوع المقبل.") == [
        ("الاجتماع تأجل إلى الأسبوع المقبل", "الوزير")
    ]
    assert indirect("وسيبدأ العمل حسب الخطة الموضوعة في الربع الأول.") == []


def test_speech_after_a_colon_without_marks() -> None:
    assert indirect("وأضاف المدير التنفيذي للشركة: المشروع سيكتمل خلال عامين.") == [
        ("المشروع سيكتمل خلال عامين", "المدير التنفيذي للشركة")
    ]
    assert indirect("وأوضح المدير: إن المشروع سيكتمل خلال عامين.") == [("المشروع سيكتمل خلال عامين", "المدير")]
    # inside a question the colon gives the asker's supposition, not anybody's words
    assert speech("هل تواصلت معك الوزارة وقالت: نريد منك المساعدة في المشروع؟ سأل المذيع.") == []
    # with marks it is a direct quote, not an indirect one
    found = speech("وقال الوزير: «المشروع سيكتمل خلال عامين».")
    assert [q.kind for q in found] == ["direct"]


@pytest.mark.parametrize(
    "body",
    [
        "نشر الكاتب مقالا بعنوان «الطريق إلى الرياض: رحلة طويلة في الصحراء الكبرى؟» في الصحيفة.",
        "ومما يذكر أن «نماء» قد حصلت على جائزة التميز لهذا العام.",
        "وتعرض الشركات منتجاتها في «معرض الرياض للكتاب 2016» الذي تنظمه الوزارة.",
        "يهدف البرنامج إلى التوعية عبر كشف أساليب “الاحتيال الإلكتروني الحديث” في المواقع.",
        "وتسبب إعصار “كاترينا العظيم في الجنوب” في خسائر كبيرة للولاية.",
        'ومنها هواية الغوص والرحلات البحرية "جزيرة المرجان، والفناتير بالجبيل، وشاطئ نصف القمر" للزوار.',
        "وأكد أن الحاجة ماسة إلى نموذج جديد يعيد توجيه اهتمامنا نحو ” اقتصاديات الكفاءة” في الخطة.",
    ],
)
def test_quoted_names_and_terms_are_nobodys_words(body: str) -> None:
    found = [q for q in speech(body) if q.kind != "indirect"]
    assert found == [], [(q.kind, q.text) for q in found]


@pytest.mark.parametrize(
    ("body", "partial"),
    [
        ("وذكر المتحدث في مؤتمره الصحافي أن المسألة تشكل «أولوية للحكومة» هذا العام.", "أولوية للحكومة"),
        ("وقال الوزير إن الاتفاق يعد «خطوة تاريخية» للبلدين.", "خطوة تاريخية"),
    ],
)
def test_a_quoted_predicate_of_a_reported_clause_is_a_partial_quote(body: str, partial: str) -> None:
    found = [q for q in speech(body) if q.kind == "partial"]
    assert [q.text for q in found] == [partial]


def test_a_survey_reports_its_finding() -> None:
    found = indirect("وأظهر استطلاع أجرته الهيئة الشهر الماضي أن 60% من المشاركين يفضلون العمل عن بعد.")
    assert found and found[0][0].startswith("60%") and found[0][1] is not None and "استطلاع" in found[0][1]
    assert indirect("والتقى المدير الذي أظهرت مشاركته حرصه على العمل بالطلاب.") == []


def test_an_unclosed_run_of_cues_and_prepositions_stays_linear() -> None:
    # every cue reaches for a preposition within a bounded window: 20,000 of them read once each
    body = "وأشار المتحدث إلى " * 20_000 + "ارتفاع عدد الزوار."
    _, found = quotes_of(body)
    assert len(found) <= 20_000


def test_a_name_opening_the_speaker_phrase_is_the_speaker_not_the_body_after_its_title() -> None:
    _, found = quotes_of(
        "وصرح سامي الخالدي الأستاذ في كلية الإعلام في جامعة الملك سعود لوكالة الأنباء “إنها أبرز صحيفة في المنطقة”."
    )
    assert [q.speaker.name if q.speaker else None for q in found] == ["سامي الخالدي"]


@pytest.mark.parametrize("cue", ["تشرح هند", "وزاد اللواء الدكتور الغامدي", "واختتم المدير كلمته بقوله"])
def test_explaining_adding_and_closing_cues(cue: str) -> None:
    _, found = quotes_of(f"{cue}: «نحن نعمل على تطوير الخدمات في كل المناطق».")
    assert [q.kind for q in found] == ["direct"]
    assert found[0].speaker is not None


def test_a_bare_quote_goes_on_with_the_speaker_the_sentence_before_reports() -> None:
    _, found = quotes_of(
        "ويشير الخبير سامي الخالدي إلى أن شعبية الرئيس جاءت في ظروف معينة.. «الانتخابات المقبلة ستكون مختلفة تماما عن"
        " سابقتها في كل شيء»."
    )
    direct = [q for q in found if q.kind == "direct"]
    assert [q.speaker.name if q.speaker else None for q in direct] == ["سامي الخالدي"]
    _, found = quotes_of(
        "وقال الخبير سامي الخالدي إن الانتخابات مهمة. ثم تحدثنا عن الطقس والزراعة في المنطقة طويلا دون نتيجة.\n"
        "«الانتخابات المقبلة ستكون مختلفة تماما عن سابقتها في كل شيء»."
    )
    assert [q.speaker for q in found if q.kind == "direct"] == [None]  # narration came between: nobody is guessed


def test_a_quote_left_open_ends_where_narration_resumes() -> None:
    _, found = quotes_of(
        "وأضاف في كلمة له «أن البرنامج من أنجح البرامج في المركز، مبينًا أن ثمار البرنامج واضحة للجميع في المنطقة."
    )
    texts = [(q.kind, q.text) for q in found]
    assert texts[0] == ("direct", "أن البرنامج من أنجح البرامج في المركز")
    assert ("indirect", "ثمار البرنامج واضحة للجميع في المنطقة") in texts


@pytest.mark.parametrize(
    "name",
    [
        "بالقول", "لـ", "يكون", "الأسبوع", "صلى الله", "عاطي بن", "آل", "على الفور", "أن", "قد", "بالتالي", "57", "كل",
        "احتمال", "القيادة الله", "بوجود", "بكثير", "الله", "ذات", "ويستأثر", "يستفيد", "وتعميمه", "واستقطابه",
        "قديماً", "تقدماً كبيراً", "توكل نموذجاً", "علنًا", "أنا", "نحن", "كيف يمكن", "لماذا يقول", "الذي قال",
    ],
)  # fmt: skip
def test_ill_formed_speaker_phrases_are_named(name: str) -> None:
    assert speaker_problem(name) is not None


def test_a_body_named_in_marks_may_carry_the_accusative() -> None:
    # "وأوضحت وكالة «معاً» الفلسطينية": the agency's name, quoted, is no adverb
    assert speaker_problem("معاً", quoted=True) is None
    _, found = quotes_of("وأوضحت وكالة «معاً» الفلسطينية أن السيارات الخمس انفجرت في وقت متزامن.")
    assert [q.speaker.name if q.speaker else None for q in found] == ["معاً"]


@pytest.mark.parametrize(
    "name",
    [
        "آل ثابت", "علي الغامدي", "عز الدين", "هذه المصادر", "عدد من الشهود", "بعض المصادر", "بيانات البنك المركزي",
        "بدر العلي", "وزير الخارجية", "مصدر مطلع", "الوزارة", "عبد الله بن زايد آل نهيان", "بندر آل فهيد", "بلال",
        "لبنى", "ذات المصدر", "وتوت", "واتسون", "ويتمان",
    ],
)  # fmt: skip
def test_well_formed_speakers_pass(name: str) -> None:
    assert speaker_problem(name) is None


def test_no_quote_keeps_an_ill_formed_speaker() -> None:
    body = (
        "وأضاف آل ثابت أن الصحيفة تهدف إلى خلق شراكة مجتمعية واسعة. "
        "وأوضح المتحدث الرسمي لانتخابات المجالس البلدية م. سعد بن ناصر القحطاني أن التسجيل بدأ أمس."
    )
    found = indirect(body)
    assert [w for _, w in found] == ["آل ثابت", "سعد بن ناصر القحطاني"]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("وقال لـ«عكاظ» المتحدث الرسمي للوزارة خالد العلي إن العمل مستمر.", "خالد العلي"),
        ('وأكد لـ"الاقتصادية" المحلل المالي محمد السالم أن الأسواق مستقرة.', "محمد السالم"),
        ("وبين لـ«عكاظ» المهندس سعد الحربي أن المشروع سيكتمل.", "سعد الحربي"),
        ("وقال الوزير في حديثه إلى «الشرق الأوسط» إن العمل مستمر.", "الوزير"),
        ("وقال في كلمة ألقاها المدير العام خالد العلي إن العمل مستمر.", "خالد العلي"),
        # the outlet's noun and its complement are the one spoken to ("لوسائل إعلام جزائرية"، "لوكالة الأنباء")
        (
            "وأكد السفير عمر أبو العيش أن بلاده لم تتلق طلبا. وقال في تصريحات لوسائل إعلام جزائرية إن الأخبار"
            " غير صحيحة.",
            "عمر أبو العيش",
        ),
        ("وأكد الوزير علي غريب أن الهدنة صامدة. وأوضح في تصريح لوكالة الأنباء السعودية، أن العمل مستمر.", "علي غريب"),
        # a name spoken to ends the addressee: the speaker follows
        ("وقال في تصريح لرويترز وزير الخارجية إن العمل مستمر.", "وزير الخارجية"),
        ("وقال في تصريح لصحيفة الحياة وزير الخارجية إن العمل مستمر.", "وزير الخارجية"),
    ],
)
def test_the_outlet_spoken_to_and_the_statement_come_before_the_speaker(body: str, speaker: str) -> None:
    assert indirect(body)[-1][1] == speaker


def test_coordinated_addressees_are_not_the_speaker() -> None:
    body = (
        "وأطلق أمير المنطقة الأمير فيصل بن خالد الصحيفة أمس. "
        "وأكد في كلمة ألقاها للإعلاميين والجهات الداعمة للمشروع أن الإعلام له دور مهم."
    )
    assert [w for _, w in indirect(body)] != ["والجهات الداعمة"]
    assert speaker_problem("والجهات الداعمة") is not None
    assert speaker_problem("فالديس دومبروفسكيس") is None


def test_a_participle_takes_the_subject_of_its_own_sentence() -> None:
    body = (
        "والتقى الرئيس الأميركي باراك أوباما القادة في البيت الأبيض. وقال مسؤولون إن الزيارة مهمة. "
        "وخلال القمة رد أوباما على المخاوف، متعهدا بدعم الحلفاء ضد أي تهديد خارجي."
    )
    found = indirect(body)
    assert found[-1] == ("بدعم الحلفاء ضد أي تهديد خارجي", "أوباما")


def test_an_adverb_is_no_speaker() -> None:
    assert speaker_problem("بدلا") is not None
    assert speaker_problem("رضا") is None


def test_speech_after_a_colon_may_open_with_a_particle() -> None:
    assert indirect("وقال الشيخ حسن العلي: ما حدث من اعتداء يفرض علينا الوقوف صفا واحدا.") == [
        ("ما حدث من اعتداء يفرض علينا الوقوف صفا واحدا", "حسن العلي")
    ]


def test_a_short_fragment_is_speech_only_where_somebody_speaks() -> None:
    _, found = quotes_of("وقال الوزير إن الحكومة ستحمي الحدود ضد أي «خطر خارجي».")
    assert ("partial", "خطر خارجي") in [(q.kind, q.text) for q in found]
    _, found = quotes_of("وتحمي الحكومة الحدود ضد أي «خطر خارجي».")
    assert found == []
    # a bare foreign word in quotes is a name, and so is a quote after a head noun with its adjectives
    _, found = quotes_of("وأعلنت المجموعة الإعلامية اليابانية “نيكاي” أنها اشترت الصحيفة.")
    assert [q.kind for q in found] == ["indirect"]


def test_known_names_are_found_in_one_pass_with_or_without_a_proclitic() -> None:
    from arnews.quotes.marks import paragraph_tokens
    from arnews.quotes.mentions import _mentions_in

    v = view("والتقى بخالد العلي ثم قال العلي وعليّ الحربي")
    toks = paragraph_tokens(v, 0, len(v.norm))
    found = _mentions_in(v.norm, toks, {"خالد": [["خالد", "العلي"]], "العلي": [["العلي"]]})
    assert [v.norm[s:e] for s, e in found] == ["خالد العلي", "العلي"]


def test_a_narrating_verb_is_no_speaker() -> None:
    assert speaker_problem("روى الزوج") is not None
    found = indirect("وروى الزوج ما حدث في الطريق، وقال إن السيارة انقلبت بعد منتصف الليل.")
    assert found and found[-1][0].startswith("السيارة انقلبت")


@pytest.mark.parametrize(
    "body",
    [
        "وقالت مصادر مطلعة إن الوفد «سيعمل على إيجاد موقع قدم لانطلاق العمل الحكومي، حسب أهداف المشروع».",
        "وقال المدير: «سنوزع السلال وفقا للخطة التي أقرها المجلس».",
    ],
)
def test_an_attribution_inside_the_quoted_words_is_not_the_quote_s_source(body: str) -> None:
    _, found = quotes_of(body)
    assert found
    assert [q.according_to for q in found] == [None] * len(found)


def test_an_attribution_after_the_quote_is_its_source() -> None:
    _, found = quotes_of("«سيعود الوفد إلى عدن الأسبوع المقبل»، بحسب مصادر حكومية.")
    assert [q.according_to for q in found] == ["مصادر حكومية"]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("بحسب الخطي: «استثمرت إيران في عامل التمييز الذي أضر بالأقليات».", "الخطي"),
        ("وهي قطع من المستحيل استنساخها حسب قول سيندي تشاو: «مهما حاولت لن أصوغها بالشكل نفسه».", "سيندي تشاو"),
    ],
)
def test_an_attribution_before_a_colon_names_the_speaker_of_the_quote(body: str, speaker: str) -> None:
    _, found = quotes_of(body)
    assert [(q.kind, q.speaker.name if q.speaker else None) for q in found] == [("direct", speaker)]


@pytest.mark.parametrize(
    ("body", "according"),
    [
        ("وأكد المدير وفقاً لـ”الرياض”، أن الوزارة حريصة على صرف البدلات.", "الرياض"),
        ("وقال المسؤول إنه بحسب الوثائق فإن من بين هؤلاء عسكريين.", "الوثائق"),
    ],
)
def test_according_to_names_the_source_only(body: str, according: str) -> None:
    _, found = quotes_of(body)
    assert [q.according_to for q in found] == [according]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("وأصدرت الوزارة بيانا اليوم. وجاء في البيان: «ستبدأ الدراسة في موعدها المحدد دون أي تأجيل».", "البيان"),
        ("وجاء في الدراسة، التي أعدها المعهد: «نعتقد أن عدد الحسابات كبير جدا في هذه الفترة».", "الدراسة"),
        ("والتقينا في جدة الدكتور يوسف الثبيتي، الذي يقول: «الشعر حياة كاملة لا يعرفها إلا من عاشها».", "يوسف الثبيتي"),
        ("وتحدثت إلى الطالبة سارة أحمد التي قالت: «الامتحانات كانت صعبة جدا هذا العام على الجميع».", "سارة أحمد"),
        # the one spoken to and a circumstance of a few words between the relative clause's verb and its colon
        (
            "والتقينا الدكتور يوسف الثبيتي، الذي قال لـ«الشرق الأوسط» قبل أشهر قليلة من افتتاح المعرض: «الشعر حياة "
            "كاملة لا يعرفها إلا من عاشها».",
            "يوسف الثبيتي",
        ),
        ("خذوا تصريح الدكتور يوسف الثبيتي الذي قال فيه: «الشعر حياة كاملة لا يعرفها إلا من عاشها».", "يوسف الثبيتي"),
        # the person the clause describes is the object of the verb before it: a relative, a title
        ("ولم يكن أي منها يسعد الابنة التي قالت: «كان الأمر اختراقا لعالمي الخاص».", "الابنة"),
        ("وقابلت الطبيب الذي قال: «الأمر خطير جدا في هذه المرحلة من المرض».", "الطبيب"),
        # (a guard) a title in construct with the definite noun is the title's, not a verb's object
        ("واستقبل نائب الرئيس الذي قال: «الأمر خطير جدا في هذه المرحلة من المرض».", None),
    ],
)  # fmt: skip
def test_a_document_or_a_relative_clause_names_the_speaker_before_the_colon(body: str, speaker: str | None) -> None:
    found = [q for q in speech(body) if q.kind == "direct"]
    assert [q.speaker.name if q.speaker else None for q in found] == [speaker]


def test_a_relative_clause_inside_a_sentence_attributes_nothing() -> None:
    assert speech("وزار الوفد المدرسة التي قالت مديرتها إن الطلاب متفوقون في الامتحانات.") == [] or all(
        q.speaker is None or "المدرسة" not in q.speaker.name
        for q in speech("وزار الوفد المدرسة التي قالت مديرتها إن الطلاب متفوقون.")
    )


@pytest.mark.parametrize(
    ("body", "start", "speaker"),
    [
        (  # a relative clause with the one spoken to before the colon
            "وقتل عشرون شخصا في القرية، بحسب النائب محمد ساندو، الذي قال لوكالة الصحافة الفرنسية: «لقد أقام "
            "المسلحون حاجزا على الطريق أمس».",
            "لقد أقام",
            "محمد ساندو",
        ),
        (  # a body named in marks between the cue and أن
            "وأعلن «المرصد الوطني لحقوق الإنسان»، أن «عملية التبادل جرت بين الطرفين أمس».",
            "عملية التبادل",
            "المرصد الوطني لحقوق الإنسان",
        ),
        (  # a stance noun is the object of the verb of expressing
            "وأبدى المصدر اعتقاده بأن «الجثث تعود لمقاتلين أجانب سقطوا في المعارك».",
            "الجثث تعود",
            "المصدر",
        ),
        (  # a describing verb with its object, then a colon
            "ويصف الكاتب البرنامج ممازحا: «يمكن اعتبار البرنامج بمثابة مسابقة كبيرة للجميع».",
            "يمكن اعتبار",
            "الكاتب",
        ),
    ],
)
def test_quotes_framed_by_relative_clauses_quoted_bodies_and_objects(body: str, start: str, speaker: str) -> None:
    found = [q for q in speech(body) if q.kind != "indirect"]
    assert len(found) == 1, [(q.text, q.kind) for q in found]
    assert found[0].text.startswith(start)
    assert found[0].speaker is not None and found[0].speaker.name == speaker


def test_a_stance_noun_leaves_the_speaker_of_an_indirect_report() -> None:
    assert indirect("وأبدى وزير الخارجية تفاؤله بأن المفاوضات ستنجح قريبا.") == [
        ("المفاوضات ستنجح قريبا", "وزير الخارجية")
    ]


def test_a_short_answer_after_a_cue_names_no_speaker() -> None:
    found = speech("وسئل الوزير عن الاتفاق فقال «لا» ثم انصرف إلى مكتبه.")
    assert not any(q.speaker is not None and q.speaker.name == "لا" for q in found)


def test_a_participle_of_manner_ends_the_speaker_phrase() -> None:
    found = [q for q in speech("وتابع المدرب انريكي متحدثا عن لاعبه: «إنه يحتاج إلى الراحة بعد الموسم الطويل».")]
    assert [q.speaker.name if q.speaker else None for q in found] == ["انريكي"]


def test_the_one_spoken_to_is_no_speaker() -> None:
    assert speaker_problem("لوكالة الأنباء الألمانية") is not None
    assert speaker_problem("ماريا") is None


def test_a_name_after_an_anonymous_head_and_its_adjective_is_the_speaker() -> None:
    found = speech("وقال المسؤول الانفصالي ألكسندر زاخارتشنكو للحاضرين، «نحن مستعدون لتقديم كل المساعدة».")
    assert [q.speaker.name if q.speaker else None for q in found] == ["ألكسندر زاخارتشنكو"]
    plain = indirect("وقال المسؤول الأمريكي إن المحادثات مستمرة.")
    assert plain == [("المحادثات مستمرة", "المسؤول")]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("وغادر الوزير القاعة رغم أن الجلسة لم تنته بعد.", []),  # no cue reports this clause
        ("وقال الوزير «الزيارة انتهت» أمس، رغم أن وفده بقي في المدينة.", []),
        ("وقال الوزير بعد أن وصل إلى المطار إن الزيارة ناجحة.", [("الزيارة ناجحة", "الوزير")]),
        # a noun of degree before a clause of result
        ("أبدى السلطان غضبه لدرجة أنه رفع غطاء رأسه عدة مرات أمام الضيف.", []),
        ("وانتقد النائب الخطة إلى حد أن بعض زملائه غادروا الجلسة.", []),
    ],
)
def test_an_that_after_a_subordinator_is_no_report(body: str, expected: list[tuple[str, str | None]]) -> None:
    assert indirect(body) == expected


def test_the_subject_of_a_cue_after_according_ma_is_the_source() -> None:
    # "بحسب ما ذكر X"، "وفقا لما أعلنته X": the source is the subject after ما and its verb, not "ما ذكر X"
    for body, source in [
        ("وبحسب ما ذكر الموقع الرسمي فإن الوفد وصل أمس.", "الموقع الرسمي"),
        ("ووفقا لما أعلنته الوزارة، فإن الوفد وصل أمس.", "الوزارة"),
    ]:
        (q,) = speech(body)
        assert (q.speaker.name if q.speaker else None, q.according_to) == (source, source)
    (q,) = speech("وبحسب ما لدينا من معلومات فإن الوفد وصل أمس.")  # ما and no verb of saying: the whole phrase
    assert q.according_to == "ما لدينا من معلومات"


def test_a_report_inside_according_ma_is_no_cue_of_its_own() -> None:
    (q,) = speech("وأضاف شيخ الأزهر، بحسب ما ذكر الموقع الرسمي للمشيخة، بقوله: «ومن يقول غير ذلك فهو مخطئ».")
    assert (q.speaker.name if q.speaker else None, q.according_to) == ("شيخ الأزهر", "الموقع الرسمي للمشيخة")
    # with nobody else named, the one it is according to speaks ("قائلا" names no subject of its own)
    (q,) = speech(
        "وتلقى اللاعب عروضا كثيرة بحسب ما أكد غولييلموني للصحيفة الفرنسية قائلا: «أعربت أندية كبرى عن اهتمامها»."
    )
    assert (q.speaker.name if q.speaker else None, q.according_to) == ("غولييلموني", "غولييلموني للصحيفة الفرنسية")
    # a cue with no subject goes on with the last speaker; the attribution stays the source
    found = speech("وقال الوزير إن الأمر انتهى. وأضاف، بحسب ما ذكر الموقع الرسمي، أن الوفد وصل.")
    assert [(q.speaker.name if q.speaker else None, q.according_to) for q in found][-1] == ("الوزير", "الموقع الرسمي")


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("وأوردت صحيفة «الغارديان» البريطانية أن أكثر من ثلاثة ملايين عراقي تركوا بلادهم.", "الغارديان"),
        ("وأورد التقرير أن حركة الرياح ستكون جنوبية.", "التقرير"),
        ("وتعتقد الحكومة أن الأسعار سترتفع العام المقبل.", "الحكومة"),
    ],
)
def test_verbs_of_citing_and_believing_report(body: str, speaker: str) -> None:
    (q,) = speech(body)
    assert (q.kind, q.speaker.name if q.speaker else None) == ("indirect", speaker)


def test_a_passive_believed_names_nobody() -> None:
    assert speech("ويعتقد أن الفيديو تم تصويره في سوريا.") == []


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("وبحسب بيان الوزارة فإن الوفد وصل أمس.", "الوزارة"),
        ("وبحسب بيان صادر عن الوزارة فإن الوفد وصل أمس.", "الوزارة"),
        ("وبحسب تصريحات وزير الخارجية فإن الوفد وصل أمس.", "وزير الخارجية"),
        ("وحسب وصف المخرج، يتعرف البطل على الناس الذين سيصبحون ضحاياه.", "المخرج"),
        # a statement with the article takes no genitive: no owner is named, and the statement is the source (its
        # ل and the article's ل left out, as in "للمصادر")
        ("وفقا للرواية الرسمية فإن الوفد وصل أمس.", "رواية الرسمية"),
    ],
)
def test_whose_statement_an_attribution_names_speaks(body: str, speaker: str | None) -> None:
    (q,) = speech(body)
    assert (q.kind, q.speaker.name if q.speaker else None) == ("indirect", speaker)


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("من جهتها تقول الوزارة إن القرار نهائي.", "الوزارة"),
        ("وفي الوقت نفسه تؤكد الصحيفة أن القرار نهائي.", "الصحيفة"),
        ("وبدورها تؤكد الشركة أن القرار نهائي.", "الشركة"),
        ("وفي هذا السياق يقول البيان إن القرار نهائي.", "البيان"),
    ],
)
def test_a_verb_after_an_adverbial_that_opens_the_clause_reports(body: str, speaker: str) -> None:
    assert indirect(body) == [("القرار نهائي", speaker)]


def test_an_opening_adverbial_must_open_its_clause() -> None:
    inside = view("وتبقى الوزارة من جهتها تقول إن القرار نهائي")
    toks = paragraph_tokens(inside, 0, len(inside.norm))
    assert not cues.after_opener(toks, [t[2] for t in toks].index("تقول"))
    opening = view("من جهتها تقول الوزارة")
    assert cues.after_opener(paragraph_tokens(opening, 0, len(opening.norm)), 2)


@pytest.mark.parametrize(
    ("body", "clause"),
    [
        ("وقال الوزير: إننا نعد برنامجا لرعاية أسر الشهداء.", "إننا نعد برنامجا لرعاية أسر الشهداء"),
        ("وأكد المدير أنني لا أتحدث باسم رؤساء الأندية الأدبية.", "أنني لا أتحدث باسم رؤساء الأندية الأدبية"),
        # a pronoun of the third person is who the words are about, already named: the clause starts after it
        ("وأكد المدير أنه لا يتحدث باسم رؤساء الأندية الأدبية.", "لا يتحدث باسم رؤساء الأندية الأدبية"),
    ],
)
def test_a_first_person_pronoun_on_anna_is_part_of_the_reported_words(body: str, clause: str) -> None:
    assert [text for text, _ in indirect(body)] == [clause]


@pytest.mark.parametrize(
    "body",
    [
        "وتوصلت الاختبارات إلى نتائج مؤكدة حيال تسرب الكيماويات من العبوات البلاستيكية.",
        "وأظهرت الإحصائيات رصد 1048 حالة إصابة مؤكدة بكورونا منذ عام 1433هـ في المملكة.",
        "وقال اللاعب إنه لاحظ حضورا لافتا في اللقاء الأول مع الفريق، إضافة إلى أن الجماهير تتفاعل.",
        "بل لقد كان لافتا بصورة أكبر أنه حتى أداء السوق العقارية تحسن في النصف الأول.",
    ],
)
def test_a_participle_as_an_adjective_reports_nothing(body: str) -> None:
    # "نتائج مؤكدة"، "حضورا لافتا"، "كان لافتا": the participle agrees with a noun or follows كان
    assert not any(q.cue and q.cue.startswith(("مؤكد", "لافت")) for q in speech(body))


def test_a_participle_of_saying_after_a_noun_still_reports() -> None:
    # "في تصريح صحفي مؤكدا أن"، "في بلاده مؤكدا وحدة": إن/أن after it, or no agreement with the noun before it
    assert [text for text, _ in indirect("وقال الوزير في تصريح صحفي مؤكدا أن الطرق ستفتح غدا.")] == ["الطرق ستفتح غدا"]
    found = speech("وأشاد السفير بالإنجازات الأمنية الأخيرة في بلاده مؤكدا وحدة المصير بين البلدين الشقيقين.")
    assert [q.cue for q in found] == ["مؤكدا"]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the first من names where the speaker is from; the second, before أن, opens the clause
        (
            "وحذر الباحثون من جامعة مونتريال من أن الجلوس أمام التلفزيون يجعل الأطفال أكثر خجلا.",
            [("الجلوس أمام التلفزيون يجعل الأطفال أكثر خجلا", "الباحثون")],
        ),
        (
            "وحذر مصدر رسمي من داخل المحافظة من أن الوضع متوتر جدا وقد ينفجر.",
            [("الوضع متوتر جدا وقد ينفجر", "مصدر")],
        ),
        # and the people the verb addresses after where the speaker is from
        (
            "وحذر الناشط غاري فرانتشي من موقع نيوز نتورك متصفحي الموقع من أن هذه التمارين تستهدفهم.",
            [("هذه التمارين تستهدفهم", "غاري فرانتشي")],
        ),
        (
            "وأشارت البيانات التي وصلت إلى مراكز الاتصال والمتابعة على الأرض إلى أن المركبة لم تتعرض لأي مشاكل.",
            [("المركبة لم تتعرض لأي مشاكل", "البيانات")],
        ),
        # one من only: the clause opens after it
        ("وحذر الوزير من الجلوس أمام التلفزيون لساعات طويلة.", [("الجلوس أمام التلفزيون لساعات طويلة", "الوزير")]),
    ],
)
def test_a_preposition_of_the_speakers_origin_before_the_cues_own(
    body: str, expected: list[tuple[str, str | None]]
) -> None:
    assert indirect(body) == expected

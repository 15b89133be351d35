"""Frames of commentary and recollection: a comment (علق)، a conclusion (خلص إلى)، what somebody said (ما قاله)، the
speaker after the quote (هكذا يقول)، "in the words of" (على حد تعبير)، words reported from somebody (عن فلان قوله)،
and the everyday senses of the same verbs, which report nothing."""

from __future__ import annotations

import pytest
from test_quotes import parsed_quotes, parsed_speakers, people, quotes_of, spoken

from arnews import Pipeline
from arnews.models import Entity, Mention, Quote


def said(body: str) -> list[tuple[str, str, str | None]]:
    _, found = quotes_of(body)
    return [(q.kind, q.text, q.speaker.name if q.speaker else None) for q in found]


def only(body: str) -> Quote:
    _, found = quotes_of(body)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("وعلق رئيس الغرفة التجارية سعد الشهري على القرار بالقول: «هذه خطوة تأخرت كثيرا عن موعدها».", "سعد الشهري"),
        ("وعلقت الصحيفة البريطانية على الحادثة بالقول: «لم يسبق أن رأينا شيئا كهذا في المدينة».", "الصحيفة البريطانية"),
        ("ويعلق المدرب الوطني خالد القروني: «الفريق يحتاج إلى مزيد من الوقت للانسجام».", "خالد القروني"),
        ("وتحدث محافظ الهيئة ماجد العتيبي للصحفيين: «سنبدأ التطبيق مطلع العام المقبل».", "ماجد العتيبي"),
    ],
)
def test_a_comment_names_its_speaker(body: str, speaker: str) -> None:
    q = only(body)
    assert q.kind == "direct"
    assert q.speaker is not None and q.speaker.name == speaker


def test_a_conclusion_goes_on_with_the_speaker_before_it() -> None:
    found = said(
        "وقال وزير المالية إبراهيم العساف إن الإنفاق سيبقى عند مستواه. وخلص إلى القول: «لن نوقف مشروعات التنمية»."
    )
    assert found[-1] == ("direct", "لن نوقف مشروعات التنمية", "إبراهيم العساف")


def test_a_study_concludes_and_somebody_argues() -> None:
    found = said("وخلصت الدراسة إلى أن معدلات البطالة ارتفعت بين الشباب في المدن.")
    assert found == [("indirect", "معدلات البطالة ارتفعت بين الشباب في المدن", "الدراسة")]
    found = said("وذهب الباحث فهد العنزي إلى أن الأسعار ستتراجع خلال الربع الأخير.")
    assert found == [("indirect", "الأسعار ستتراجع خلال الربع الأخير", "فهد العنزي")]


@pytest.mark.parametrize(
    "body",
    [
        "وعلقت الحكومة العمل بالقانون حتى إشعار آخر بسبب الاعتراضات.",
        "وذهب الوفد إلى باريس لحضور المؤتمر الدولي للمانحين.",
        "وتحدث الوزير عن خطط الوزارة في العام المقبل أمام الحضور.",
        "وخلص الاجتماع إلى عدة توصيات بشأن تطوير قطاع النقل.",
        # نقل relays only from a source after عن
        "ونقل المسعفون المصابين إلى المستشفى بعد أن وقع الحادث.",
        "ونقلت الشركة الركاب عن طريق الحافلات بعد أن تعطل القطار.",
        "إن هذا نقل غير صحيح، فما أفتى به كان عن رجل جادله في أن الأمر ممكن.",
        "وعلمت «الشرق الأوسط» أن الأعمال ستبدأ قريبا.",  # who learned it, and from nobody named
        "وعلمت إدارة الفندق بقدومه قبل 12 ساعة من وصوله، خاصة أن الرحلة كانت سرية.",
        "وهذا ما علمت من أجل الوطن، خاصة أن مصر كانت خارجة من الحرب.",
    ],
)
def test_the_same_verbs_in_their_everyday_senses_report_nothing(body: str) -> None:
    assert said(body) == []


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("ومما قاله قائد القوات البحرية حبيب الله سياري أمس: «مياه الخليج آمنة وستبقى كذلك».", "حبيب الله سياري"),
        ("ونتذكر هنا ما قاله وزير الخارجية الأمير سعود الفيصل في مؤتمر باريس: «الإرهاب عابر للقارات».", "سعود الفيصل"),
        # a preposition on the relative's pronoun between the verb and its subject
        ("وهو ما شدد عليه الملك في كلمته إلى الشعب السعودي: «سنظل متمسكين بالنهج القويم».", "الملك"),
        ("وهذا ما أشار إليه الوزير عادل الجبير في المؤتمر: «لا مكان للإرهاب في المنطقة».", "عادل الجبير"),
    ],
)
def test_what_somebody_said_then_a_colon_is_their_words(body: str, speaker: str) -> None:
    q = only(body)
    assert q.speaker is not None and q.speaker.name == speaker


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            "وزار رئيس الوزراء ألكسندر زاخارتشنكو موقع الحادث أمس. ووجه كلامه إلى الصحافيين: «إذا رغبتم في المجيء إلى"
            " هنا فإننا نضمن سلامتكم».",
            "ألكسندر زاخارتشنكو",
        ),
        (
            "وحضر الأمير سعود الفيصل جلسة المجلس. بدأ حديثه إلى مجلس الشورى السعودي: «أستميحكم عذرا لأنني في طور"
            " النقاهة».",
            "سعود الفيصل",
        ),
        (
            "وقالت الوزيرة هند الصبيح إن الخطة جاهزة. وفي ردها على سؤال عن موعدها: «سنعلن الموعد بعد الاجتماع المقبل».",
            "هند الصبيح",
        ),
    ],
)
def test_a_noun_of_ones_words_before_a_colon_gives_them_to_its_owner(body: str, speaker: str) -> None:
    found = said(body)
    assert (found[-1][0], found[-1][2]) == ("direct", speaker)


def test_a_noun_of_words_owned_by_nobody_named_gives_no_speaker() -> None:
    # the pronoun's owner is nobody the article names: no guess
    assert said("بدأ حديثه إلى مجلس الشورى: «أستميحكم عذرا لأنني في طور النقاهة بعد العملية».") == [
        ("direct", "أستميحكم عذرا لأنني في طور النقاهة بعد العملية", None)
    ]


def test_a_participle_goes_on_from_a_strict_verb_that_reports_nothing_by_itself() -> None:
    body = (
        "وفاز الحي بالجائزة. حيث علق بنهور ابالوس رئيس حي ماندليونغ في العاصمة الفلبينية على هذا الإنجاز بقوله"
        ' "إنه تكريم مزدوج بالنسبة لنا لأننا نملك جائزتين".'
    )
    assert [w for _, _, w in said(body)] == ["بنهور ابالوس"]


def test_what_somebody_said_without_their_words_is_no_quote() -> None:
    assert said("وهذا ما قاله الرئيس أمس في كلمته أمام البرلمان عن الاقتصاد.") == []
    found = said("ونفى الوزير ما قاله النائب عن الصفقة، مؤكدا أن العقود سليمة.")
    assert [(k, w) for k, _, w in found] == [("indirect", "الوزير")]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("«انظر ماذا فعلوا بالقرية»؛ هكذا يقول المستشار عبد الكريم العبيدي وهو يشير إلى البيوت.", "عبد الكريم العبيدي"),
        ("«يمكننا أن نصنع كل شيء هنا»، هكذا تحدث رجل الأعمال سام والتون في تسجيل قديم.", "سام والتون"),
        ("«الأسعار ستتراجع قريبا»، على حد تعبير المحلل المالي تركي فدعق في تصريحه.", "تركي فدعق"),
        ("«الاجتماع تأجل إلى الأسبوع المقبل»، بحسب مصدر مطلع في الوزارة.", "مصدر"),
    ],
)
def test_the_speaker_after_the_quote(body: str, speaker: str) -> None:
    _, found = quotes_of(body)
    assert len(found) == 1
    assert found[0].speaker is not None and found[0].speaker.name == speaker


def test_in_the_words_of_names_the_speaker_before_the_colon() -> None:
    q = only("وعلى حد تعبير الخبير الاستراتيجي أدريان مووات من بنك جيه بي مورغان: «سيتدخل صناع السياسة عند الحاجة».")
    assert q.speaker is not None and q.speaker.name == "أدريان مووات"


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            "ونقل موقع شانا عن محسن قمصري مدير الشؤون الدولية في شركة النفط الوطنية قوله إن آسيا سوق ذات أولوية.",
            "محسن قمصري",
        ),
        ("ونقلت الوكالة عن وزارة الداخلية قولها إن الهجوم أسفر عن مقتل ثلاثة أشخاص.", "وزارة الداخلية"),
    ],
)
def test_words_reported_from_somebody_are_theirs_not_the_reporters(body: str, speaker: str) -> None:
    q = only(body)
    assert q.kind == "indirect"
    assert q.speaker is not None and q.speaker.name == speaker


def test_a_pronoun_spoken_to_stands_before_the_speaker() -> None:
    q = only("ورحب بنا في مكتبه، وقال لي الأمين العام للمجلس: «أبوابنا مفتوحة للجميع في كل وقت».")
    assert q.speaker is not None and q.speaker.name.startswith("الأمين العام")


def test_a_name_written_with_a_madda_is_no_cut_kunya() -> None:
    q = only("وأقر البرلمان القوانين. وقال آبي: «القانون سيقلص خطر الحرب ولن يزيده».")
    assert q.speaker is not None and q.speaker.name == "آبي"


def test_a_preposition_on_an_everyday_noun_opens_no_name() -> None:
    q = only("وقال السفير لمحطة التلفزيون المحلية: «بوسعي أن أؤكد أن الزيارة ستتم في موعدها».")
    assert q.speaker is not None and q.speaker.name == "السفير"


def test_a_bare_quote_goes_on_with_the_report_just_before_it() -> None:
    found = said(
        "وقال المستشار عبد الكريم العبيدي إن الجيش تقدم في المدينة. ويرى أن الكلمة الأخيرة لا بد أن تبقى للبرلمان.. "
        "«هناك ثوابت لدى البرلمان لا يمكن تجاوزها»."
    )
    assert found[-1] == ("direct", "هناك ثوابت لدى البرلمان لا يمكن تجاوزها", "عبد الكريم العبيدي")


@pytest.mark.parametrize(
    ("between", "who"),
    [
        # the writer's remark of one sentence between the report and the words, in the same paragraph
        (" يحدث هذا منذ يوم السبت الماضي. ", "عبد الكريم العبيدي"),
        # a new paragraph after that remark: the report no longer carries over (a guard)
        (" يحدث هذا منذ يوم السبت الماضي.\n\n", None),
    ],
)
def test_a_bare_quote_goes_on_with_a_report_one_remark_back(between: str, who: str | None) -> None:
    found = said(
        f"وأكد المستشار عبد الكريم العبيدي أن الجيش تقدم كثيرا في المنطقة الغربية..{between}"
        "«الجيش وأبناؤنا معه سيطروا على منطقة تمركز الميليشيا»."
    )
    assert found[-1] == ("direct", "الجيش وأبناؤنا معه سيطروا على منطقة تمركز الميليشيا", who)


def test_this_is_what_somebody_says_after_the_quote() -> None:
    found = said(
        "وقال المحلل سامي العلي إن الأسواق مستقرة. «هنا تشعر بأنك في جزء آخر من العالم» هذا ما يقوله رفيق بازرجي "
        "صاحب الفكرة."
    )
    assert found[-1] == ("direct", "هنا تشعر بأنك في جزء آخر من العالم", "رفيق بازرجي")


def test_in_her_own_words_after_the_quote_is_the_last_speaker() -> None:
    found = said(
        "وقالت الوزيرة سارة الهاشمي إن البرنامج سيتوسع. «لسنا مجرد جهة تمويل، نحن شركاء في المشروعات» حسب قولها."
    )
    assert found[-1] == ("direct", "لسنا مجرد جهة تمويل، نحن شركاء في المشروعات", "سارة الهاشمي")


def test_a_work_named_behind_a_colon_is_no_speech() -> None:
    assert said("ومن مؤلفاته كتاب: «لماذا يكره الطلاب المدرسة؟ وكيف نغير ذلك في الفصل»، وقد نشر عام 2009.") == []
    found = said("وقال مقدم البرنامج: «نحن سعداء بعودة الجمهور إلى الاستوديو بعد غياب طويل».")
    assert found == [("direct", "نحن سعداء بعودة الجمهور إلى الاستوديو بعد غياب طويل", "مقدم البرنامج")]


@pytest.mark.parametrize(
    "body",
    [
        "نشر الشاعر عشرين كتابا. ومن أشهر كتبه: «أسباب كثيرة تجعل المهاجرين يعبرون الحدود في الليل».",
        "ومن أبرز مؤلفاتها: «المرأة والعمل في المجتمع الخليجي المعاصر بين التقاليد والتحديث».",
        "وتضم المجموعة عشر قصص، من بين قصصها: «الرجل الذي اكتشف الطمأنينة في مدينة لا تنام».",
        # a pronoun before the colon points back at the plural of works
        "وهو مؤلف عدد من الكتب، ومن بينها: «لماذا يكره الطلاب المدرسة وكيف نغير ذلك في الفصل الدراسي؟».",
        "وعرضت الخيمة أفلاما سعودية قصيرة منها: «الليلة الأخيرة في مدينة لا تعرف النوم أبدا».",
        "وتألق الممثل في الكثير من المسلسلات التلفزيونية وأشهرها: «لن أعيش في جلباب أبي مهما حدث».",
    ],
)
def test_works_named_behind_a_plural_of_works_are_no_speech(body: str) -> None:
    assert said(body) == []


def test_a_pointer_at_a_document_before_a_colon_is_still_speech() -> None:
    body = "وتقول مذكرة بحثية، حصلت الصحيفة على نسخة منها: «لم يعد الذهب ذلك الملاذ الآمن الذي يسعى إليه المستثمرون»."
    assert [kind for kind, _, _ in said(body)] == ["direct"]


def test_a_verb_of_writing_before_a_colon_is_speech_not_a_work() -> None:
    found = said("وكتب: «لقد وصلت أسعار الأسهم إلى مستوى يبدو وكأنه هضبة مرتفعة دائمة».")
    assert [kind for kind, _, _ in found] == ["direct"]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            'وقال "عذبي العقيل" مدير عام مبيعات كبار العملاء في الشركة: "نعي شغف المشتركين بالخدمات الحصرية".',
            "عذبي العقيل",
        ),
        ('ويقول عنه "كوشنير" وزير خارجية فرنسا: "الأمير سعود أكبر الساسة في العالم حنكة".', "كوشنير"),
        # a participle of saying after the name in marks goes on from it
        ('واختتم "الحربي" بقوله: "نفخر بما حققناه هذا العام مع شركائنا جميعا".', "الحربي"),
        ("ويرد «سليمان» قائلا: «المشكلة ليست في القبيلة، ولكن في الحكومات المتعاقبة».", "سليمان"),
    ],
)
def test_a_person_named_in_marks_with_a_title_after_speaks(body: str, speaker: str) -> None:
    q = only(body)
    assert (q.kind, q.speaker.name if q.speaker else None) == ("direct", speaker)


@pytest.mark.parametrize(
    ("body", "kind", "speaker"),
    [
        # a name in marks, then in which statement it said it
        ("وقالت «نعيم للسمسرة» في مذكرة: «مع تحسن جودة الائتمان يبدو البنك أكثر جاذبية».", "direct", "نعيم للسمسرة"),
        ("وقالت «الاقتصادية» في تقرير لها إن الأسعار سترتفع.", "indirect", "الاقتصادية"),
        ('وأضاف "كورتز" في تغريدة له إن مشروع القرار سيمر.', "indirect", "كورتز"),
        # no colon: the statement, a place before it, then the quote; or ب and the statement
        (
            'وقالت "نعيم للسمسرة" في مصر في مذكرة "مع تحسن جودة الائتمان والسيولة يبدو البنك في وضع جيد".',
            "direct",
            "نعيم للسمسرة",
        ),
        ('وهتف "أهل درعا" بعبارة صارت عنوانا للثورة: "الموت ولا المذلة".', "direct", "أهل درعا"),
        # a verb of telling: the name in marks is the one told
        ("وأبلغ «الشرق الأوسط» مصدر مطلع أن الوضع خطير جدا.", "indirect", "مصدر"),
        ("وأبلغ الوزير «عكاظ» أن الوضع خطير جدا.", "indirect", "الوزير"),
    ],
)
def test_a_name_in_marks_speaks_in_its_statement_and_is_told_after_a_verb_of_telling(
    body: str, kind: str, speaker: str
) -> None:
    q = only(body)
    assert (q.kind, q.speaker.name if q.speaker else None) == (kind, speaker)


@pytest.mark.parametrize(
    "body",
    [
        "وقالت «نعم» في الاستفتاء: «نريد التغيير الآن في كل شيء».",  # في, but no statement: not its speaker
        "وأبلغ «الشرق الأوسط» في تصريح أن الوضع خطير جدا.",  # the one told, and no subject after it
        "وقالت «نعم» في الاستفتاء «نريد التغيير الآن في كل شيء».",  # no statement before the quote either
        "وقالت «نعم» بيان الحزب: «نريد التغيير الآن في كل شيء».",  # "بيان" is no ب on a statement
    ],
)
def test_a_name_in_marks_that_is_no_speaker(body: str) -> None:
    q = only(body)
    assert q.speaker is None


@pytest.mark.parametrize(
    "body",
    [
        "وكشفت الشركة النقاب عن نسختها الجديدة «دي بي 9 جي تي»، وهي طراز جديد.",
        "وتعمل هذه الخاصية ما دامت المسافة ميلا واحدا، حسبما تقول «دي جيه آي».",
        "وأجري المسح من خلال شركة أبحاث السوق المستقلة: «لايت سبيد جي إم آي»، وشمل ألف شخص.",
        "واستولت المقاومة على مدرعة «بي آر دي إم» ومدفع هاون.",
    ],
)
def test_a_spelled_acronym_in_marks_is_a_name(body: str) -> None:
    assert said(body) == []


def test_a_spelled_acronym_inside_speech_leaves_it_speech() -> None:
    found = said("وقال المدير: «نحن نستخدم جي بي إس في كل شيء».")
    assert found == [("direct", "نحن نستخدم جي بي إس في كل شيء", "المدير")]
    for words in ("نحن جي بي", "هذا هو جي بي"):  # a pronoun or a stop word: a clause
        assert said(f"وقال المدير: «{words}».") == [("direct", words, "المدير")]


def test_a_quoted_name_ending_the_speakers_phrase_leads_to_the_quote() -> None:
    body = (
        "وقالت إلسا غونزاليس في تصريح إلى محطة التلفزيون العامة الإسبانية «تي في إي» «في الوقت الحاضر لا يمكننا"
        " إلا الحديث عن اختفاء»، موضحة أن لا أخبار عنهم."
    )
    assert said(body)[0] == ("direct", "في الوقت الحاضر لا يمكننا إلا الحديث عن اختفاء", "إلسا غونزاليس")


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        # a name after a form of كان is the subject of the verb that follows
        (
            "وكان نايف البكري يشغل قبل ذلك منصب وكيل محافظة عدن لشؤون المديريات، وطالب في تصريحات سابقة بسرعة"
            " تأهيل المدينة، مشيرا إلى أن جرائم المتمردين خلفت آلاف الجرحى.",
            "نايف البكري",
        ),
        (
            "ويلتقي وزير الدفاع الأميركي آشتون كارتر نظيره اليوم. وكان كارتر أعلنه بوضوح قبل أن يصل: «لن أسعى"
            " لتغيير رأي أحد في هذا البلد».",
            "كارتر",
        ),
    ],
)
def test_a_name_after_a_form_of_kana_is_the_subject(body: str, speaker: str) -> None:
    article = Pipeline(exclude=["ner"]).parse("عنوان الخبر\n\n" + body)  # the linker's mentions too
    found = [q.speaker.name if q.speaker else None for q in article.quotes]
    assert found and all(who == speaker for who in found), found


def test_a_short_quote_before_a_form_of_kana_is_its_subject() -> None:
    assert said("ورغم أن موسم «الهوت كوتير» كان ولا يزال عن الفخامة، فإن الأسعار نارية.") == []


def test_a_strict_cue_after_a_bullet_opens_its_clause() -> None:
    q = only("* ويقول مانويل مورينو إيبانيز، من جامعة برشلونة المستقلة: «يمثل غلافنا الجوي درعا فاعلا يحمينا».")
    assert q.speaker is not None and q.speaker.name == "مانويل مورينو إيبانيز"


def test_a_person_then_a_colon_opens_a_line_of_speech() -> None:
    name = "محمد عبد المنعم"
    body = f'وأثار البيان تعليقات ساخرة.\n{name}: "الخبر فعلا غير مجرى حياتي كلها".'
    text = f"عنوان الخبر\n\n{body}"
    at = text.index(name)
    person = Entity(id="e1", name=name, type="PER", mentions=(Mention(name, at, at + len(name)),))
    _, found = quotes_of(body, entities=(person,))
    assert [(q.kind, q.speaker.name if q.speaker else None) for q in found] == [("direct", name)]
    # a label that is no person names nobody
    found = said("المادة الثانية. الفقرة الخامسة: «الإيمان بالقيادة ودورها الأساسي في الدولة».")
    assert [who for _, _, who in found] == [None]


def test_narrow_cues_report_only_through_their_own_words() -> None:
    assert said("يذهب السائح إلى موقع ساحر لقضاء العطلة ويقرر فور وصوله أنه يريد شراء عقار هناك.") == []
    _, found = quotes_of("وتحدث رئيس الجمعية عمر الجاسر عن الأنشطة والبرامج، وقال إن الميزانية متواضعة هذا العام.")
    assert [(q.kind, q.cue) for q in found] == [("indirect", "وقال")]
    found = said("وتحدث «الحداد» عن فكرة مشروعه بأنه انطلق من قيم إنسانية خالصة.")
    assert found == [("indirect", "انطلق من قيم إنسانية خالصة", "الحداد")]


def test_a_relative_clause_verb_after_an_auxiliary_speaks_not() -> None:
    q = only("وقال الوزير زيغمار غابريال الذي كان يتحدث بحضور وزير النفط بيجان زنغنه: «أمن إسرائيل أولوية لنا».")
    assert q.speaker is not None and q.speaker.name == "زيغمار غابريال"


def test_a_relative_verb_with_a_pronoun_object_has_its_own_subject() -> None:
    found = said("وهو الوضع الذي قالت عنه المستشارة الألمانية أنجيلا ميركل إنه ليس حياة طبيعية على الإطلاق.")
    assert found == [("indirect", "ليس حياة طبيعية على الإطلاق", "أنجيلا ميركل")]
    q = only("ويتذكر الباحث سعد الدوسري اليوم الذي قال له الوزير: «انتظر قليلا حتى تنتهي الدراسة».")
    assert q.speaker is not None and q.speaker.name == "الوزير"


def test_a_full_name_after_a_title_keeps_the_later_title_as_its_description() -> None:
    found = said("أكد العقيد منصور بن أحمد الغامدي مدير جوازات منطقة الباحة المكلف أن إدارته بدأت في استقبال الطلبات.")
    assert [who for _, _, who in found] == ["منصور بن أحمد الغامدي"]


def test_a_claim_after_an_anonymous_source_is_no_name() -> None:
    found = said("ونفى متحدث باسم المتمردين مزاعم الحكومة السبت بسيطرتها على عدن وقال إنها حرب نفسية ومحاولة يائسة.")
    assert [(k, who) for k, _, who in found] == [("indirect", "متحدث")]


def test_a_preposition_after_a_noun_is_no_cue() -> None:
    body = "وتنتقل هذه الاهتزازات عبر سطح الطاولة إلى الهاتف ويمكن حساب بعد كل زر عن الهاتف بطرق رياضية معقدة."
    assert said(body) == []


def test_a_quote_box_credits_the_speaker_on_the_next_line() -> None:
    body = (
        "قالوا\n\n* «نحن في حالة حرب مع هذه الخلايا الإرهابية وسننتصر عليها».\n\n"
        "(وزير الداخلية الكويتي الشيخ محمد الخالد الصباح، أمام مجلس الأمة).\n\n"
        "وشهدت المنطقة هذا الأسبوع أحداثا متسارعة على أكثر من صعيد."
    )
    found = said(body)
    assert found == [("direct", "نحن في حالة حرب مع هذه الخلايا الإرهابية وسننتصر عليها", "محمد الخالد الصباح")]
    # a quote that narration goes on after is not a box, whatever the next line says
    body = (
        "«نحن في حالة حرب مع الخلايا الإرهابية» عبارة ترددت كثيرا هذا الأسبوع في المجلس.\n\n"
        "(وزير الداخلية الكويتي الشيخ محمد الخالد الصباح، أمام مجلس الأمة).\n\nوشهدت المنطقة أحداثا متسارعة."
    )
    assert [who for _, _, who in said(body)] == [None]


def test_a_quote_after_an_interview_question_is_the_interviewees_answer() -> None:
    body = (
        "التقت الصحيفة المخرج بايتون ريد في لوس أنجليس. وقال بايتون ريد إن الفيلم استغرق سنوات.\n\n"
        "- أي نوع من التدريب قمت به لهذا الدور؟ «رياضي أساسا. لا يوجد تدريب فعلي غير ذلك»."
    )
    assert said(body)[-1] == ("direct", "رياضي أساسا. لا يوجد تدريب فعلي غير ذلك", "بايتون ريد")


def test_a_clause_ends_where_the_next_report_begins() -> None:
    found = said("وكشف المشيقح عن علاقته بالشاعر ياسر التويجري قائلا: إنهما كانا يدرسان سويا في المرحلة الابتدائية.")
    assert [(t, who) for _, t, who in found] == [
        ("علاقته بالشاعر ياسر التويجري", "المشيقح"),
        ("كانا يدرسان سويا في المرحلة الابتدائية", "المشيقح"),  # إنهما: the dual opens the clause too
    ]
    found = said(
        "وكان المدير التنفيذي قد أكد عبر حسابه أن المفاوضات مع اللاعب توقفت، وقال: «المفاوضات أخذت مسارا جديا»."
    )
    # the indirect clause stops before "وقال", and a word before the comma ("توقفت") is nobody
    assert found == [
        ("indirect", "المفاوضات مع اللاعب توقفت", "المدير التنفيذي"),
        ("direct", "المفاوضات أخذت مسارا جديا", "المدير التنفيذي"),
    ]
    # the statement and the one spoken to stand between the next cue and its إن
    found = said(
        "أكد عمر أبو العيش، سفير مصر لدى الجزائر، أن بلاده لم تتلق طلبا بالوساطة، وقال في تصريحات لوسائل إعلام"
        " جزائرية إن الأخبار التي وردت غير صحيحة."
    )
    assert [(t, who) for _, t, who in found] == [
        ("بلاده لم تتلق طلبا بالوساطة", "عمر أبو العيش"),
        ("الأخبار التي وردت غير صحيحة", "عمر أبو العيش"),
    ]
    assert [t for _, t, _ in said("أكد الوزير أن الاتفاق صامد، وأكد له أن العمل مستمر.")] == [
        "الاتفاق صامد",
        "العمل مستمر",
    ]


def test_a_cue_form_after_inna_is_a_noun() -> None:
    found = said(
        "وقال وزير الخارجية جون كيري: إن توعد الزعيم الإيراني علي خامنئي بتحدي السياسات الأميركية «مزعج للغاية»."
    )
    assert {who for _, _, who in found} == {"جون كيري"}
    assert found[0][1].startswith("توعد الزعيم الإيراني")


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("كتب خالد الشمري عمن يحتاج للرعاية: «اللي أعمارهم فوق العشرين تعاملهم كأنهم أطفال».", "خالد الشمري"),
        ("وقال عبد الملك الزعبي إخصائي اجتماعي، إن الألفاظ الجارحة تؤثر في شخصيات الأطفال.", "عبد الملك الزعبي"),
    ],
)
def test_a_name_ends_before_a_relative_word_or_an_occupation(body: str, speaker: str) -> None:
    assert [who for _, _, who in said(body)] == [speaker]


def test_a_cues_clause_in_marks_after_its_preposition_is_speech() -> None:
    found = said("وشدد الوزير على «ضرورة الالتزام بالأنظمة» في كل المشاريع الجديدة.")
    assert found == [("partial", "ضرورة الالتزام بالأنظمة", "الوزير")]
    # a place named after a preposition far from any cue stays a name
    assert said("وأقيمت المباراة على «ملعب برج العرب» في الإسكندرية أمس.") == []


def test_a_cue_behind_a_word_of_time_speaks_for_the_person_before_it() -> None:
    name = "يحيى رحيم صفوي"
    body = (
        "وقال الرئيس الفلسطيني محمود عباس إن المنطقة تمر بمرحلة صعبة. "  # the last speaker, not this one
        f"وجاء تصريح {name}، مستشار المرشد للشؤون العسكرية، حين قال إن نفوذ إيران تجاوز العراق وسوريا."
    )
    at = f"عنوان الخبر\n\n{body}".index(name)
    person = Entity(id="e1", name=name, type="PER", mentions=(Mention(name, at, at + len(name)),))
    _, found = quotes_of(body, entities=(person,))
    assert [(q.text, q.speaker.name if q.speaker else None) for q in found][-1] == (
        "نفوذ إيران تجاوز العراق وسوريا",
        name,
    )


@pytest.mark.parametrize(
    ("sentence", "spoke"),
    [
        # the subject of the sentence's opening verb, not the last speaker
        ("وقد مثل جيفري ويب أمام المحكمة في نيويورك، حيث أكد أنه غير مذنب في كل التهم.", "جيفري ويب"),
        ("وتعكس تصريحات علي خامنئي انعداما للثقة؛ إذ قال إن الرؤساء الأميركيين سعوا لإخضاع إيران.", "علي خامنئي"),
        # a plural verb: the subject's people (no mention here), neither the subject nor the last speaker
        ("فقد خسر أليكسيس تسيبراس 39 صوتا من نواب حزبه، حيث اعتبروا أنه خان نتائج الاستفتاء.", None),
    ],
)
def test_a_cue_behind_haythu_or_idh_speaks_for_the_subject_of_its_sentence(sentence: str, spoke: str | None) -> None:
    body = f"وقال الرئيس الفلسطيني محمود عباس إن المنطقة تمر بمرحلة صعبة. {sentence}"
    people = ("محمود عباس", "جيفري ويب", "علي خامنئي", "أليكسيس تسيبراس")
    assert spoken(body, *(name for name in people if name in body))[-1] == spoke


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("وقال لـ«الشرق الأوسط»، الدكتور فهمي صبحة محلل أسواق المال إن الأسهم ستواصل الارتفاع.", "فهمي صبحة"),
        ("وقال لـ«عكاظ» المتحدث الإعلامي للهيئة ماجد العنزي «باشرت الفرق الإسعافية الحادث على الطريق».", "ماجد العنزي"),
    ],
)
def test_the_outlet_spoken_to_stands_before_the_speaker(body: str, speaker: str) -> None:
    assert [who for _, _, who in said(body)][-1] == speaker


def test_an_imperfect_behind_the_lam_of_purpose_reports_for_the_subject_before_it() -> None:
    found = said("وقال المحلل ستيفان ليندمان إن الوعود لا تكفي. ومضى ليندمان ليقول إن الإدارة لا تفي بوعودها أبدا.")
    assert found[-1] == ("indirect", "الإدارة لا تفي بوعودها أبدا", "ليندمان")


def test_everyday_words_after_a_title_are_its_verbs_object_not_a_name() -> None:
    found = said(
        "وقال رئيس الغرفة سامي الحربي إن الأسواق مستقرة. وأكد الوزير دعم الحكومة للمشروعات، مبيناً أن البرنامج سيتوسع."
    )
    assert found[-1] == ("indirect", "البرنامج سيتوسع", "الوزير")
    # nor a name the next subject-less cue could resolve to
    found = said("وأكد الوزير دعم الحكومة للمشروعات الصغيرة في المدن. وقال: «سنواصل العمل حتى نهاية العام».")
    assert [who for _, _, who in found] == [None]  # was "دعم"; None rather than a guess


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("وأبان مدير إدارة المرور بالرياض أن الحركة تحسنت كثيرا.", "مدير إدارة المرور بالرياض"),
        ("وأبانت المصادر أنه تم استدعاء المدافع للحاق بالبعثة.", "المصادر"),
        ("وألمح التقرير إلى أن الاختلاف في معدلات البطالة كبير.", "التقرير"),
        ("وأفصحت الوزارة أن البرنامج سيبدأ الشهر المقبل.", "الوزارة"),
    ],
)
def test_verbs_of_disclosing_and_hinting_report(body: str, speaker: str) -> None:
    assert said(body)[-1][0] == "indirect"
    assert said(body)[-1][2] == speaker


@pytest.mark.parametrize(
    ("body", "first", "second"),
    [
        # a participle that leads into إلى أن starts a report of its own, with or without a comma before it
        (
            "وأبان التاجر أن العيد أنعش السوق إذ وصلت المبيعات إلى أعلى مستوياتها مشيرًا إلى أن المربين استعدوا مبكرا.",
            "العيد أنعش السوق إذ وصلت المبيعات إلى أعلى مستوياتها",
            "المربين استعدوا مبكرا",
        ),
        (
            "وألمح التقرير إلى أن الاختلاف كبير في دول الاتحاد، وأشار إلى أن أقل المعدلات في ألمانيا.",
            "الاختلاف كبير في دول الاتحاد",
            "أقل المعدلات في ألمانيا",
        ),
    ],
)
def test_a_cue_that_leads_into_ila_anna_ends_the_report_before_it(body: str, first: str, second: str) -> None:
    found = said(body)
    assert [text for kind, text, _ in found if kind == "indirect"] == [first, second]
    assert found[0][2] == found[1][2]


def test_ila_not_followed_by_anna_stays_inside_the_report() -> None:
    found = said("وقال الوزير إن الوفد وصل مشيرا إلى المدينة التي زارها أمس.")
    assert [text for _, text, _ in found] == ["الوفد وصل مشيرا إلى المدينة التي زارها أمس"]


@pytest.mark.parametrize(
    ("body", "kind", "speaker"),
    [
        ("ونقلت الصحيفة عن مصادر مطلعة أن الوفد وصل أمس إلى الرياض.", "indirect", "مصادر"),
        ("ونقل التلفزيون الرسمي عن الرئيس أن الحكومة ستستقيل.", "indirect", "الرئيس"),
        ("ونقلت صحيفة «الخبر»، عن مصادر عسكرية أن الموكب تعرض لكمين.", "indirect", "مصادر"),
        ("ونقلت الوكالة عن صادق السور، رئيس قسم التحقيقات، قوله إن المهربين معروفون.", "indirect", "صادق السور"),
        ("ونقل البيان عن آزفيدو القول: «إنها لحظة مهمة للتجارة العالمية كلها».", "direct", "آزفيدو"),
        ("وعلمت «الشرق الأوسط» من مصادر مطلعة أن الأعمال ستبدأ قريبا.", "indirect", "مصادر"),
    ],
)
def test_whom_the_words_are_relayed_from_speaks(body: str, kind: str, speaker: str) -> None:
    assert [(k, who) for k, _, who in said(body)] == [(kind, speaker)]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        # a long complement of the title (its body, region and city) before the name
        (
            "وقال المتحدث الرسمي لهيئة الهلال الأحمر السعودي بمنطقة المدينة المنورة خالد بن مساعد السهلي: إن"
            " الفرق باشرت الحادث.",
            "خالد بن مساعد السهلي",
        ),
        # the outlet in brackets, as some papers write their own name
        (
            "وأوضح لـ(عكاظ) الناطق الإعلامي لمديرية الدفاع المدني بمنطقة جازان الرائد يحيى القحطاني، أن الفرق باشرت.",
            "يحيى القحطاني",
        ),
        # a word that is also a title (مساعد، أمير) after بن is the father's name
        ("وأكد رئيس الهيئة العامة للرياضة الأمير عبدالله بن مساعد أن اللاعبين سيعودون.", "عبدالله بن مساعد"),
    ],
)
def test_the_name_after_a_long_title_and_its_body(body: str, speaker: str) -> None:
    assert said(body)[0][2] == speaker


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        # the name after a body's head is the body's; the person's name comes after it, titled or not
        ("وقال مدير مركز داوني الصحي الدكتور سعيد الدوسري إن تجارة الوهم أخذت طابعا حديثا.", "سعيد الدوسري"),
        ("وأكد مدير شركة أرامكو أمين الناصر أن الإنتاج سيرتفع.", "أمين الناصر"),
        # one run of name words: the person's begins with a given name
        ("وأكد رئيس حركة حماس خالد مشعل أن الحركة لن تتراجع.", "خالد مشعل"),
        ("وقال الناطق باسم مجلس قيادة المقاومة الشعبية علي الأحمدي إن المقاتلين سيطروا على الحي.", "علي الأحمدي"),
        # a place behind a preposition between the body and the person
        ("وقال عضو مجلس قيادة الثورة بريف دمشق محمد علوش إن الخلاف انتهى.", "محمد علوش"),
        # the person in apposition after a comma
        ("وصرح قائد شرطة لامو، كريسبوس موتالي، أن خمسة أشخاص قتلوا.", "كريسبوس موتالي"),
        # nobody named: the title with the body's name speaks
        ("وقال رئيس جمعية حقوق الإنسان إن الوحدة مرحب بها.", "رئيس جمعية حقوق الإنسان"),
        ("وقال مدير مكتب أوباما إن الرئيس سيزور المنطقة.", "مدير مكتب أوباما"),
        # a definite body: the name after it is the person's
        ("وقال رئيس الحركة خالد مشعل إن الحركة لن تتراجع.", "خالد مشعل"),
    ],
)
def test_a_name_after_a_bodys_head_in_the_title_names_the_body(body: str, speaker: str) -> None:
    assert said(body)[0][2] == speaker


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        # "تحرير" qualifies the title, and the outlet in marks stands between the title and the name
        ("وقال المدير العام رئيس تحرير «سبق» علي الحازمي إن الصحيفة تسعى إلى التطوير.", "علي الحازمي"),
        ("وصرح رئيس تحرير جريدة عرب نيوز محمد فهد الحارثي أن الجريدة تتوسع.", "محمد فهد الحارثي"),
        ("وقال رئيس تحرير الصحيفة إن الجريدة تتوسع.", "رئيس تحرير الصحيفة"),
    ],
)
def test_an_editor_in_chief_and_the_outlet_before_the_name(body: str, speaker: str) -> None:
    assert said(body)[0][2] == speaker


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        # the subject of a verb that reports nothing, after "من جانبه": a later verb with no subject is theirs
        (
            "وأكد الوزير أن العمل مستمر. من جانبه وصف محافظ الهيئة العامة للاستثمار المهندس عبداللطيف بن أحمد"
            " العثمان، المملكة بالخيار الأمثل للمستثمر. وأشار إلى أن المملكة قدمت الكثير.",
            "عبداللطيف بن أحمد العثمان",
        ),
        (
            "وقال الوزير خالد العلي إن العمل مستمر. من جهته ثمن المهندس سعد الحربي زيارة الوزير. وأوضح أن المشروع"
            " سيكتمل.",
            "سعد الحربي",
        ),
    ],
)
def test_the_subject_after_a_partys_adverbial_takes_the_turn(body: str, speaker: str) -> None:
    assert parsed_speakers(body)[-1] == speaker


def test_a_participle_after_a_relative_clause_goes_on_from_its_antecedent() -> None:
    body = (
        "وأكد المدرب أن الفريق جاهز. وشهد اللقاء حضور رئيس النادي عبد اللطيف الخضير، الذي تمنى أن يجني الفريق"
        " ثمار هذا المعسكر، مؤكدا بأنه تم ترتيبه بالشكل المطلوب."
    )
    assert parsed_speakers(body)[-1] == "عبد اللطيف الخضير"
    # a body the clause describes does not go on
    body = (
        "وقال ستيف جانياك إن اللعبة ممتعة. وتعمل شركة هارمونيكس، التي تصنع ألعابا موسيقية، على لعبة جديدة،"
        " مشيرة إلى أن الإطلاق قريب."
    )
    assert parsed_speakers(body)[-1] != "هارمونيكس"


def test_a_person_opening_the_phrase_before_a_preposition_is_the_speaker() -> None:
    # the family name with its article is no name to the grammar, but the entity stage knows the person
    body = (
        "أكد وزير الخارجية عادل بن أحمد الجبير أن العلاقات قوية. وقال الجبير في مؤتمر صحفي عقده مع وزير الخارجية"
        " الألماني فرانك فالتر شتاينماير في برلين اليوم إنه يجب على إيران تغيير سياستها."
    )
    assert parsed_speakers(body)[-1] == "الجبير"


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        # a long subject after كان or أما, a comma, then its verb
        (
            "وقال البيان إن المساعدات مستمرة. وكانت المتحدثة باسم برنامج الأغذية العالمي في الأردن شذى المغربي،"
            " أعلنت أن البرنامج خفض قيمة القسائم.",
            "شذى المغربي",
        ),
        (
            "وقال الشاعر طه عدنان إن القصيدة تتغير. أما الشاعر عبد الإله الصالحي، فيرى أن للنشر الإلكتروني أثرا.",
            "عبد الإله الصالحي",
        ),
    ],
)
def test_a_subject_after_kana_or_amma_and_a_comma_speaks(body: str, speaker: str) -> None:
    assert said(body)[-1][2] == speaker


def test_a_turn_needs_a_person_the_entity_stage_found() -> None:
    # a country, and a noun the phrase runs on into, take no turn: the last speaker keeps it
    body = "وقال الوزير خالد العلي إن العمل مستمر. بدورها، كثفت تونس مشاوراتها مع شركائها. وأضاف أن المشروع سيكتمل."
    assert parsed_speakers(body)[-1] == "خالد العلي"
    # "في الوقت نفسه" names no party: its pronoun is the time's
    body = (
        "وقال الوزير خالد العلي إن العمل مستمر. في الوقت نفسه، استقبل المهندس سعد الحربي الوفد. وأضاف أن الخطة جاهزة."
    )
    assert parsed_speakers(body)[-1] == "خالد العلي"


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("لهيئة الهلال الأحمر", "opens with a preposition"),
        ("لصحيفة", "opens with a preposition"),
        ("لقناة", "opens with a preposition"),
        ("بمؤسسة النقد", "opens with a preposition"),
        ("لرويترز", "opens with a preposition"),  # the agency spoken to
        ("لأحد الأصدقاء", "opens with a preposition"),  # "كما روى لأحد الأصدقاء": whom it was told
        ("لبعض الصحف", "opens with a preposition"),
        ("أحد الأصدقاء", None),
        ("عملها", "a possessed noun"),
        ("فكرتها", "a possessed noun"),
        ("مقاله", "a possessed noun"),
        ("معلقا", "an adverb"),
        ("متنهدا", "an adverb"),
        ("المدير العام للمنظمة في", "ends with a preposition"),
        ("الوزير من", "ends with a preposition"),
        ("رئيس اللجنة أن", "ends with a preposition"),
        ("علي لـ", "ends with a preposition"),  # the ل of "لـ«الشرق الأوسط»"
        ("ومدير", "opens with a conjunction"),  # the second of two titles
        ("وللشعب الكويتي", "opens with a conjunction"),
        ("وحكومته", "opens with a conjunction"),
        ("وبتكلفة", "opens with a conjunction"),  # و and ب on an everyday noun: "وبتكلفة 30 ألف يوان"
        # names and titles that end in a word like a particle: علي (not على), آخر, عام
        ("محمد علي", None),
        ("المتحدث باسم الوزارة", None),
        ("مسؤول آخر", None),
        ("مدير عام", None),
        # speakers all the same: ة is no pronoun, a quantity of them is an anonymous source, a name is a name
        ("الشرطة", None),
        ("الطبيبة", None),
        ("بعضهم", None),
        ("جميعهم", None),
        ("لبنى", None),
        ("حمزة", None),
        ("وليد", None),  # و that is the name's own letter
        ("فيصل", None),
        ("فقيه", None),
        ("فرع الجمعية العربية السعودية", None),
        ("عبده", None),
        # a group of people is an anonymous speaker; cut after بن ("مجموعة بن لادن") it names nobody (guards)
        ("مجموعة من الباحثين", None),
        ("مجموعة بن", "a name cut after a link word"),
        # a frequent word in ي without the article: an adjective of relation or a noun, no name; a given name, a
        # family name and an anonymous source in ي are speakers (guards)
        ("عسكري", "an everyday word"),
        ("اقتصادي", "an everyday word"),
        ("نفسي", "an everyday word"),
        ("علي", None),
        ("كيري", None),
        ("دبلوماسي", None),
    ],
)
def test_what_a_lone_word_or_a_glued_preposition_is_instead_of_a_speaker(name: str, problem: str | None) -> None:
    from arnews.quotes.wellformed import speaker_problem

    assert speaker_problem(name) == problem


def test_the_interviewee_speaks_not_the_agency_spoken_to() -> None:
    found = said("وقالت النائبة بروين بولدان لرويترز «حضر شبان كثيرون لعبور الحدود إلى كوباني».")
    assert [who for _, _, who in found] == ["بروين بولدان"]


@pytest.mark.parametrize(
    "body",
    [
        "وقال كيري في مقابلة تلفزيونية إنه لم يكن ممكنا التوصل إلى اتفاق أفضل.",
        "وقال كيري في تصريحات صحفية سابقة إنه لم يكن ممكنا التوصل إلى اتفاق أفضل.",
    ],
)
def test_the_adjectives_of_a_statement_are_no_speaker(body: str) -> None:
    assert [who for _, _, who in said(body)] == ["كيري"]
    # with no name after the statement, its adjective is not taken for one
    unnamed = body.replace("كيري ", "")
    assert [who for _, _, who in said(unnamed)] == [None]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("وقالت والدة الضحية إن ابنها كان بريئا.", "والدة الضحية"),
        ("ونقلت وسائل إعلام تركية عن والدة آلاجوز أنها تحدثت مع ابنها.", "والدة آلاجوز"),
        ("أكدت والدة اللاعب ميك فانينج أنها شاهدت الهجوم.", "والدة اللاعب ميك فانينج"),
        ("وقال شقيق المتهم محمد العلي إن أخاه بريء.", "شقيق المتهم محمد العلي"),
    ],
)
def test_a_noun_of_kinship_in_construct_speaks_for_the_kin(body: str, speaker: str) -> None:
    assert said(body)[-1][2] == speaker


def test_the_kin_of_a_person_is_not_linked_to_that_person() -> None:
    from arnews import Pipeline  # the entity stage too, which links the person's name

    doc = Pipeline(processors=["quotes"]).process(
        "وقال الرئيس محمد العلي إن الأمر انتهى. وقالت والدة محمد العلي إن ابنها بريء."
    )
    assert [(q.speaker.name, q.speaker.entity is not None) for q in doc.quotes if q.speaker] == [
        ("محمد العلي", True),
        ("والدة محمد العلي", False),
    ]


def test_every_relay_verb_names_the_preposition_of_its_source() -> None:
    from arnews.core import cue_verbs
    from arnews.core.lexicons import load_table
    from arnews.core.text import normalize

    lemmas = {normalize(c.lemma) for c in cue_verbs.cue_forms().values() if c.role == "relay"}
    assert lemmas and lemmas <= {normalize(lemma) for lemma, *_ in load_table("relay_verbs")}


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        # a nationality before the name, as a title
        ("كشف البرازيلي إيلتون ألميدا لاعب خط الوسط الجديد، عن سعادته الكبيرة ببداية التحضيرات.", "إيلتون ألميدا"),
        ("وقال الأرجنتيني ليونيل ميسي إن الفريق يستحق الفوز.", "ليونيل ميسي"),
        # titles coordinated with و
        ("وقال الممثل ومقدم التلفزيون المصري سمير صبري: «هو رمز للزمن الجميل في السينما».", "سمير صبري"),
        # a country speaks as itself
        ("وقالت السعودية إن الاتفاق يحمي المنطقة.", "السعودية"),
    ],
)
def test_a_nationality_or_a_coordinated_title_goes_before_the_name(body: str, speaker: str) -> None:
    assert [s for _k, _t, s in said(body)] == [speaker]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        # a British or European honorific is a title, and the one word after it a name, an everyday word or not
        ("وقال اللورد هول إن الهيئة ستواصل الإصلاح خلال العام المقبل.", "هول"),
        ("وأكدت البارونة وارسي أن الحكومة تأخرت في الرد على المطالب.", "وارسي"),
        ("وقال المستر براون إن المفاوضات ستستمر حتى نهاية الشهر.", "براون"),
    ],
)
def test_a_peerage_or_english_honorific_is_a_title(body: str, speaker: str) -> None:
    assert [s for _k, _t, s in said(body)] == [speaker]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        # a place behind ب after the title is where the title holds; the name comes after it
        (
            "أكد المدير العام للتعليم بجدة عبدالله بن أحمد الثقفي على تعزيز دور المدرسة في مكافحة العنف.",
            "عبدالله بن أحمد الثقفي",
        ),
        ("قال القائد العسكري بعدن العميد عبدالله صبيحي إن رجاله دخلوا إلى مقر القيادة.", "عبدالله صبيحي"),
        ("كشف مدير مستشفى الولادة بمكة المكرمة الدكتور أنس سدايو أن المستشفى جاهز.", "أنس سدايو"),
        # a name that begins with ب is no place
        ("وقال الرئيس بشار الأسد إن الحرب مستمرة.", "بشار الأسد"),
    ],
)
def test_a_place_after_the_title_is_no_name(body: str, speaker: str) -> None:
    assert parsed_speakers(body) == [speaker]


def test_whom_a_title_addresses_is_not_its_complement() -> None:
    body = "وقال المحافظ للصحافيين على رصيف الميناء: «إنها السفينة الأولى التي ترسو في المرفأ منذ بدء المعارك»."
    assert [s for _k, _t, s in said(body)] == ["المحافظ"]


def test_a_cue_form_after_a_preposition_is_a_noun() -> None:
    # "بلا رد": no verb of saying, so nobody speaks in the clause after it
    assert said("وظلت صرخاتي بلا رد، وخيل إلي أنني استمعت فقط إلى تنهيدة عميقة.") == []
    assert said("وانتهى الاجتماع بدون تعليق، ثم أعلنت الوزارة أن الموعد تأجل.")[0][2] == "الوزارة"


def test_a_manner_noun_ends_the_speakers_name() -> None:
    assert said("وقال سامي بلهفة: «هل جاء السائق قبلها؟».")[0][2] == "سامي"


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("وكان رئيس شركة لوكويل العملاقة للنفط فاجيت اليكبيروف أعلن في أبريل أن شركته تريد العودة.", "فاجيت اليكبيروف"),
        ("وقال مدير مستشفى سوق واقف للصقور إقدام مجيد الكرخي إن المستشفى يقدم خدمات متنوعة.", "إقدام مجيد الكرخي"),
        # with nothing after the body's complement, the title and the body speak
        ("وقال رئيس شركة لوكويل للنفط إن الشركة تريد العودة.", "رئيس شركة لوكويل للنفط"),
    ],
)
def test_the_person_after_a_bodys_complement(body: str, speaker: str) -> None:
    assert [s for _k, _t, s in said(body)] == [speaker]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("بينما قالت الزائرة نجود الشمري إن مستوى التنظيم كان رائعا هذا العام.", "نجود الشمري"),
        ("وبينت المتطوعة أمل ناصر أن المتطوعات تدربن على التعامل مع الزوار.", "أمل ناصر"),
        ("وكتب المشجع الهلالي هاني الدهيمان على حسابه أن اللاعب لن ينتقل.", "هاني الدهيمان"),
        ("ويقول الشيف مارون شديد إن الطبق يعد من مكونات عضوية.", "مارون شديد"),
    ],
)
def test_who_a_speaker_from_the_street_is_goes_before_the_name(body: str, speaker: str) -> None:
    assert [s for _k, _t, s in said(body)] == [speaker]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("وقال وزير خارجية النمسا سباستيان كورتس إن بلاده ستستقبل اللاجئين.", "سباستيان كورتس"),
        ("وشدد وزير حقوق الإنسان اليمني على أهمية زيارة المناطق المتضررة.", "وزير حقوق الإنسان اليمني"),
    ],
)
def test_a_title_in_construct_is_no_name(body: str, speaker: str) -> None:
    assert [s for _k, _t, s in said(body)] == [speaker]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("في البداية قال الرقيب علي العبدالله: «بدون شك إن للعيد فرحة وبهجة».", "علي العبدالله"),
        ("وقال الكولونيل واين موروتو إن الغارات مستمرة.", "واين موروتو"),
        ("ويقول البروفسور ديفيد كارد إن الدوريات تتغير.", "ديفيد كارد"),
        ("وأكد المهاجم البرازيلي هالك أن الهتافات العنصرية أصبحت جزءا من الكرة.", "هالك"),
    ],
)
def test_ranks_and_roles_stand_before_the_name(body: str, speaker: str) -> None:
    assert [s for _k, _t, s in said(body)] == [speaker]


@pytest.mark.parametrize(
    ("body", "according_to"),
    [
        # a rule, a schedule or a condition inside the reported words is not their source
        ("وأضاف العقلة أن معظم الدول تحدد الأسعار بحسب العقد الأول الذي أبرمه المستأجر.", None),
        ("وذكر الوزير أن الأدوية ستوزع وفقا للآلية المتفق عليها.", None),
        ("وأوضح المتحدث أن اللجان ستستقبل المرشحين حسب جدول يومي على فترتين.", None),
        # a source, figures or a study is
        ("وقال المسؤول إن الاتفاق، بحسب مصادر مطلعة، سيوقع قريبا.", "مصادر مطلعة"),
        ("وأكد الوزير أن البطالة تراجعت بحسب إحصائيات الوزارة.", "إحصائيات الوزارة"),
        ("وأشار إلى أن الاتفاق نقطة بداية بحسب ما جاء في البيان المشترك.", "ما جاء في البيان المشترك"),
    ],
)
def test_according_to_inside_the_reported_words(body: str, according_to: str | None) -> None:
    _, found = quotes_of(body)
    assert [q.according_to for q in found] == [according_to]


def test_a_clause_of_circumstance_after_the_cue_is_not_its_subject() -> None:
    body = "كريستوفر بايلي صرح، وابتسامة رضا بادية على ملامحه: «بعض الرجال سيلبسون الدانتيل وبعضهم لن يلبسوه»."
    assert [s for _k, _t, s in said(body)] == ["كريستوفر بايلي"]
    assert [s for _k, _t, s in said("وقال، والدموع في عينيه: «لن أنسى هذا اليوم أبدا ما حييت».")] == [None]
    # a given name after the comma is the subject
    assert [s for _k, _t, s in said("وقال، وليد الشمري، المدير العام: «لن أنسى هذا اليوم أبدا».")] == ["وليد الشمري"]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("ويشير عدد من أصحاب المحلات إلى أن أنواع العود تختلف من حيث النوعية.", "عدد من أصحاب المحلات"),
        ("وأكد عدد من المواطنين أن الأسعار ارتفعت هذا العام.", "عدد من المواطنين"),
        ("لكن بعض المحللين يقولون إن ضعف الاستثمار يعني أن الإنتاج سيتأخر.", "بعض المحللين"),
    ],
)
def test_some_of_a_group_speak_anonymously(body: str, speaker: str) -> None:
    _, found = quotes_of(body)
    assert [(q.speaker.name, q.speaker.anonymous) for q in found if q.speaker] == [(speaker, True)]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        # a title whose first word is also a function word (ولي: و + لي)
        ("وعبر سمو ولي العهد عن أبلغ التهاني وأطيب التمنيات لفخامته.", "سمو ولي العهد"),
        ("وأكد ولي ولي العهد أن المملكة ماضية في الإصلاح.", "ولي ولي العهد"),
        ("وقال ولي العهد الأمير محمد بن نايف إن الأمن مستتب.", "محمد بن نايف"),
    ],
)
def test_the_crown_prince_speaks(body: str, speaker: str) -> None:
    assert [s for _k, _t, s in said(body)] == [speaker]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("وقالت الأم وتدعى سلمى العتيبي «لم أكن أتوقع أن يعود ابني سالما».", "سلمى العتيبي"),
        ("وقال عامل بالميناء يدعى حسن القحطاني إن السفن توقفت عن التفريغ منذ يومين.", "حسن القحطاني"),
        ("وأضاف مزارع من القرية عمره 40 عاما ويدعى ماجد الحربي: «خسرنا المحصول كله».", "ماجد الحربي"),
        ("وقال أحد السكان ويدعى خالد المطيري جاء إلى السوق بعد الانفجار إن الدخان غطى المكان.", "خالد المطيري"),
    ],
)
def test_a_described_speaker_is_the_name_they_are_called(body: str, speaker: str) -> None:
    found = said(body)
    assert [who for _, _, who in found] == [speaker], found


def test_the_passive_of_claim_names_and_reports_nothing() -> None:
    # يدعى "is called" and يدعي "claims" share one normal form: only إن/أن or a colon makes it a report
    q = only("وفي حديث لإذاعة محلية قالت الأم وتدعى هالة الشمري «لم أره منذ عامين، أما الآن فأنا سعيدة».")
    assert (q.cue, q.speaker.name if q.speaker else None) == ("قالت", "هالة الشمري")
    assert said("ويدعي الرئيس التنفيذي بأنه لم يعلم بالخسائر قبل نشرها.") == [
        ("indirect", "لم يعلم بالخسائر قبل نشرها", "الرئيس التنفيذي")
    ]
    assert said("ورفض المسؤول نشر اسمه، وقال إن التحقيق ما زال جاريا.")[0][2] != "نشر"


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("وقال الوزير لقناة محلية «لم نتوقع أن يتأخر المشروع كل هذا الوقت».", "الوزير"),
        ("وقالت متحدثة لشبكة تلفزيونية خاصة «سحب الناس أموالهم من المصارف خوفا».", "متحدثة"),
        ("وقالت الأم وتدعى سلمى العتيبي لقناة محلية «لم أكن أتوقع أن يعود ابني سالما».", "سلمى العتيبي"),
    ],
)
def test_the_one_told_before_a_quote_with_no_colon_leaves_it_speech(body: str, speaker: str) -> None:
    assert said(body) == [("direct", said(body)[0][1], speaker)]


def test_an_outlet_named_right_after_its_head_is_no_speech() -> None:
    # "لشبكة «...»": the marks name the outlet the construct heads, whatever a verb of saying before it (a guard:
    # the one told before a quote must not turn the outlet's name into speech)
    found = said("وقال السيناتور جون ماكين لشبكة «سي إن إن» إن الاتفاق سيئ للغاية ولن يصوت له.")
    assert [(kind, who) for kind, _, who in found] == [("indirect", "جون ماكين")]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("وقال المبعوث الأممي إلى اليمن، ستيفان دي ميستورا، إن المحادثات ستستأنف الأسبوع المقبل.", "ستيفان دي ميستورا"),
        ("وقالت الناطقة باسم دي ميستورا جيسي شاهين إن المحادثات ستستأنف.", "جيسي شاهين"),
        ("وتابع المدرب متحدثا عن اللاعب: «إنه الأفضل في العالم».", "المدرب"),  # a guard: a participle still ends it
    ],
)
def test_a_foreign_name_after_its_particle_is_no_participle_of_manner(body: str, speaker: str) -> None:
    # "ميستورا" has the shape of "متحدثا" (م ... ا); after دي it is the rest of a name
    assert [who for _, _, who in said(body)] == [speaker]


@pytest.mark.parametrize(
    "second",
    [
        # an adverbial that opens the sentence before its verb, then a title and the person
        "وعلى ذات السياق أشاد الدكتور عبدالرؤوف المطرود بدور رجال الأمن، مؤكدا أن ذلك يفرض على الجميع تقديرهم.",
        # a title whose complement names a place or body the entity stage found, then the person
        "وفي سياق متصل أشاد رئيس جمعية سيهات الخيرية عبدالرؤوف المطرود بدور رجال الأمن، مؤكدا أن ذلك يستحق التقدير.",
        # an adverbial of time that links the sentence to the one before
        "ومباشرة بعد ذلك أشاد الدكتور عبدالرؤوف المطرود بدور رجال الأمن، مؤكدا أن ذلك يفرض على الجميع تقديرهم.",
    ],
)
def test_a_participle_goes_on_from_its_sentence_opening_subject_after_an_adverbial(second: str) -> None:
    doc = Pipeline(processors=["quotes"]).process("عنوان\n\nوقال رجل الأعمال زكي الزاير إن الأمن مستتب.\n" + second)
    assert [q.speaker.name if q.speaker else None for q in doc.quotes] == ["زكي الزاير", "عبدالرؤوف المطرود"]


def test_a_title_complement_the_entity_stage_found_as_a_body_leads_to_the_person_named_after_it() -> None:
    # the model's entities: the body "سيهات الخيرية" is an organisation, no person's mention of its own
    body = (
        "وقال رجل الأعمال زكي الزاير إن الأمن مستتب.\n"
        "وعلى ذات السياق أشاد رئيس جمعية سيهات الخيرية عبدالرؤوف المطرود بدور رجال الأمن، مؤكدا أن ذلك يستحق التقدير."
    )
    text = f"عنوان الخبر\n\n{body}"
    at = text.index("سيهات الخيرية")
    body_org = Entity(id="o1", name="سيهات الخيرية", type="ORG", mentions=(Mention("سيهات الخيرية", at, at + 13),))
    _, found = quotes_of(body, entities=(*people(body, "زكي الزاير", "عبدالرؤوف المطرود"), body_org))
    assert [q.speaker.name if q.speaker else None for q in found] == ["زكي الزاير", "عبدالرؤوف المطرود"]


@pytest.mark.parametrize(
    ("second", "speaker"),
    [
        # a preposition with a pronoun between the opening verb and its subject: whom the verb reaches
        ("استمع إليه الوزير خالد العلي طويلا، ثم قال بهدوء: «سننظر في الأمر غدا».", "خالد العلي"),
        ("استمع إليّ الوزير خالد العلي طويلا، ثم قال بهدوء: «سننظر في الأمر غدا».", "خالد العلي"),
        # (a guard) "إلى" without the pronoun takes the minister as its object: the speaker before goes on
        ("استمع إلى الوزير خالد العلي طويلا، ثم قال بهدوء: «سننظر في الأمر غدا».", "زكي الزاير"),
    ],
)
def test_a_pronoun_the_opening_verb_reaches_stands_before_its_subject(second: str, speaker: str) -> None:
    doc = Pipeline(processors=["quotes"]).process("عنوان\n\nوقال رجل الأعمال زكي الزاير إن الأمن مستتب.\n" + second)
    assert [q.speaker.name if q.speaker else None for q in doc.quotes] == ["زكي الزاير", speaker]


def test_a_titled_person_opening_the_sentence_then_a_comma_is_the_subject() -> None:
    doc = Pipeline(processors=["quotes"]).process(
        "عنوان\n\nوقال رجل الأعمال زكي الزاير إن الأمن مستتب.\nمدير عام التخطيط العمراني في أمانة المنطقة الشرقية "
        "سابقا المهندس شاكر آل نوح، قال: إن الوطن بخير.\nوبعد انتهاء الاجتماع مع الوزير، قال إن العمل مستمر."
    )
    # an adverbial before the comma names nobody: the last verb goes on with the speaker before it
    assert [q.speaker.name if q.speaker else None for q in doc.quotes] == ["زكي الزاير", "شاكر آل نوح", "شاكر آل نوح"]


@pytest.mark.parametrize(
    ("line", "speaker"),
    [
        ('وربنا يقول في القرآن الكريم "الرجال قوامون على النساء".', "ربنا"),
        ('لأن الله سبحانه وتعالى يقول: "الرجال قوامون على النساء".', "الله"),
        # the last word of a name or a body's name is nobody's God
        ('وكان حزب الله يقول: "لن نسلم السلاح".', "حزب الله"),
        ('الأمير عبد الله يقول: "لن نتأخر عن الواجب".', "عبد الله"),
    ],
)
def test_god_named_before_the_verb_speaks_not_the_writer_before(line: str, speaker: str) -> None:
    doc = Pipeline(processors=["quotes"]).process(f"عنوان\n\nوقال الكاتب صالح الشيحي إن القوامة تكليف.\n{line}")
    assert [q.speaker.name if q.speaker else None for q in doc.quotes] == ["صالح الشيحي", speaker]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        # the verb is no cue where the fragment stands, but the reported clause that holds it has its speaker
        ("إلا أن المصدر يقول أيضا إن فرنسا «تمكنت من مطاردة مجاميع المتطرفين في الجنوب».", "المصدر"),
        ("وجاء في قرار مجلس الأمن الدولي أن المجلس يصادق على الاتفاق و«يطالب بإلحاح بتطبيقه».", "مجلس الأمن الدولي"),
    ],
)
def test_a_fragment_inside_a_reported_clause_is_its_speakers(body: str, speaker: str) -> None:
    assert parsed_quotes(body) == [("indirect", speaker), ("partial", speaker)]


def test_a_fragment_whose_own_verb_names_another_speaker_keeps_it() -> None:
    body = "وكان الإعلام الفرنسي قد أشار إلى أن السيسي شدد في اتصالاته على أن الصفقة «ضرورية لأمن مصر»."
    assert parsed_quotes(body) == [("indirect", "الإعلام الفرنسي"), ("partial", "السيسي")]

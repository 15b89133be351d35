"""Who speaks where no cue verb names the speaker: a document and whom it belongs to or who issued it, a relative
clause behind a described name, a verb and its person subject before a colon, a quote box credited on the next line,
and a short quote that is the subject of the verb after it."""

from __future__ import annotations

import pytest
from test_commentary import said
from test_quotes import people, quotes_of

from arnews import Pipeline
from arnews.core import grammar
from arnews.core.text import normalize
from arnews.models import Entity, Mention

_RULES = Pipeline(processors=["quotes"])


def reports_of(body: str) -> list[tuple[str, str | None]]:
    """The kind and the speaker of each quote found in ``body``, in order."""
    _, found = quotes_of(body)
    return [(q.kind, q.speaker.name if q.speaker else None) for q in found]


def speakers(body: str, *names: str) -> list[tuple[str, str | None]]:
    _, found = quotes_of(body, entities=people(body, *names))
    return [(q.kind, q.speaker.name if q.speaker else None) for q in found]


def test_a_document_issued_by_a_body_speaks_for_it() -> None:
    found = said("وجاء في بيان صادر عن وزارة الخارجية العمانية اليوم: «تعرب الوزارة عن خالص تعازيها للمملكة».")
    assert found == [("direct", "تعرب الوزارة عن خالص تعازيها للمملكة", "وزارة الخارجية العمانية")]


def test_a_statement_of_hers_is_the_words_of_whom_the_pronoun_names() -> None:
    found = said(
        "وأكدت منظمة «إيباك» أنها تعارض الاتفاق بشكل كامل. وجاء في بيان لها: «كنا سنؤيد الاتفاق لو كان يمنع الحرب»."
    )
    assert found[-1] == ("direct", "كنا سنؤيد الاتفاق لو كان يمنع الحرب", "إيباك")


def test_a_statement_still_speaks_as_itself() -> None:
    found = said("وجاء في البيان: «ستواصل الوزارة متابعة أوضاع المواطنين في الخارج».")
    assert found == [("direct", "ستواصل الوزارة متابعة أوضاع المواطنين في الخارج", "البيان")]


def test_a_relative_clause_speaks_for_the_name_before_its_description() -> None:
    body = "ومن بين هؤلاء مسعود هونارماندي، رجل أعمال، الذي قال: «الملالي يخشون ما هو قادم في البلاد»."
    assert speakers(body, "مسعود هونارماندي") == [("direct", "مسعود هونارماندي")]


def test_a_relative_clause_declares_behind_bi_anna_and_a_colon() -> None:
    body = "ومن بين هؤلاء محمد مهدي فاطيميبور، الذي صرح بأن: «هناك من يحاولون الإبقاء على المصطلح دون محتواه»."
    assert speakers(body, "محمد مهدي فاطيميبور") == [("direct", "محمد مهدي فاطيميبور")]


@pytest.mark.parametrize(
    ("body", "name", "clause"),
    [
        (
            "إلا أنه اصطدم بقناعات المدرب السويسري كريستيان غروس الذي أكد أن إمكانات اللاعب لا تتناسب وطريقة اللعب.",
            "كريستيان غروس",
            "إمكانات اللاعب لا تتناسب وطريقة اللعب",
        ),
        (
            "ومنهم تسيبي ليفني، وزيرة العدل الإسرائيلية السابقة، التي أشارت إلى أن المنطقة ستشتعل عاجلا أم آجلا.",
            "تسيبي ليفني",
            "المنطقة ستشتعل عاجلا أم آجلا",
        ),
        (
            "وجاءت تصريحات وزير الخارجية الأمريكي جون كيري الذي قال إن توعد الزعيم الإيراني مقلق للغاية.",
            "جون كيري",
            "توعد الزعيم الإيراني مقلق للغاية",
        ),
    ],
)
def test_a_relative_clause_reports_for_the_person_it_describes(body: str, name: str, clause: str) -> None:
    _, found = quotes_of(body, entities=people(body, name))
    assert [(q.kind, q.speaker.name if q.speaker else None, q.text) for q in found] == [("indirect", name, clause)]


def test_a_relative_clause_reports_only_through_anna_or_a_colon() -> None:
    # "بلاتر الذي أعلن تخليه عن المنصب": the verbal noun after the verb is no speaker, and a preposition of the
    # verb opens no report in a relative clause; a colon does ("الذي قال حينها: العمل ...")
    body = "وتقرر انتخاب رئيس جديد خلفا لجوزيف بلاتر الذي أعلن تخليه عن المنصب وسط فضيحة فساد."
    assert [q for q in quotes_of(body, entities=people(body, "جوزيف بلاتر"))[1] if q.kind == "indirect"] == []
    body = "حسب تأكيد رئيس الهيئة سابقا عبد الرحمن الهزاع، الذي قال حينها: العمل غير الجيد لن يكون له نصيب."
    _, found = quotes_of(body, entities=people(body, "عبد الرحمن الهزاع"))
    assert [(q.kind, q.speaker.name if q.speaker else None, q.text) for q in found] == [
        ("indirect", "عبد الرحمن الهزاع", "العمل غير الجيد لن يكون له نصيب")
    ]


@pytest.mark.parametrize(
    ("body", "who"),
    [
        # no name the article knows before the relative pronoun: the title phrase it closes speaks
        (
            "وبالعودة إلى المدير التنفيذي لمؤسسة الرياض للمهرجانات التي قالت: «عملنا على مسابقة جديدة هذا العام».",
            "المدير التنفيذي لمؤسسة الرياض للمهرجانات",
        ),
        ("وتحدث إلى الخبير الذي قال: «أكثر ما يتعبني هو السؤال الذي يطرحه الجميع».", "الخبير"),
        # (a guard) a thing in the relative's place says nothing
        ("وهو ما يستحضر المثل الشعبي المصري الذي يقول: «المركب التي فيها ريسين تغرق في النهاية».", None),
    ],
)
def test_a_title_phrase_before_a_relative_clause_of_saying_speaks(body: str, who: str | None) -> None:
    assert speakers_of(body) == [who]


@pytest.mark.parametrize(
    "body",
    [
        "وقد ظهرت الرواية التي تقول إن السلطات السورية استقدمت كتيبة من الخارج.",
        "وهو ما يستحضر المثل الشعبي المصري الذي يقول إن المركب التي فيها ريسين تغرق.",
        "مستدلا بآخر الإحصائيات التي أشارت إلى أن الخسائر بلغت مليار ريال.",
    ],
)
def test_a_relative_clause_about_no_person_reports_nothing(body: str) -> None:
    assert [q for q in quotes_of(body)[1] if q.kind == "indirect"] == []


@pytest.mark.parametrize(
    ("body", "name"),
    [
        # a masculine plural verb speaks for people (things take a feminine singular one): the group before it
        ("ولكن العقلاء يقولون: «ابدأ بنفسك وغيرها ليتغير العالم من حولك».", "العقلاء"),
        ("نظرية أخرى تقول إن الزعماء الصينيين يرون أن وضع الاقتصاد أليم جدا.", "الزعماء الصينيين"),
        # (a guard) the group a plural verb's own sentence opens with, not the group that spoke before
        (
            "وقال الفقهاء إن الصيام واجب على كل مسلم بالغ. وحاول بعض الدعاة والمشايخ التعامل مع المسألة بعقلانية، "
            "وذكروا أن الزكاة تجوز نقدا في هذا الزمان.",
            "بعض الدعاة والمشايخ",
        ),
        # a list's dash after a sentence's end may stand before the subject
        ("- ما زال الجدل قائما. - بعض المساجين يقولون «والله ما صليت ركعة إلا في السجن بعد سنوات».", "بعض المساجين"),
        (
            "هذه ملاحظات سريعة.\n - أمين عام الاتحاد السعودي أكد في بيانه أن هناك تدخلات في عمل اللجان.",
            "أمين عام الاتحاد السعودي",
        ),
    ],
)
def test_a_group_or_subject_before_its_verb_speaks(body: str, name: str) -> None:
    assert speakers(body)[-1][1] == name


@pytest.mark.parametrize(
    ("body", "name"),
    [
        (
            "ودافعت ابنته دالما عن والدتها في مقابلة مع إذاعة «أونس دييس»: «أنا أول من يقول إن والدتي صادقة».",
            "دالما",
        ),
        ("يفسر بايتون ريد هذا الأمر: «وضع السيناريو على أساس أن الرجل النملة شخصية ثانوية».", "بايتون ريد"),
        ("ويكمل راغب علامة: «وماذا تبين في النهاية؟ أن المغنية هذه مجرد فقاعة».", "راغب علامة"),
    ],
)
def test_a_verb_and_its_person_subject_before_a_colon_speak(body: str, name: str) -> None:
    assert speakers(body, name) == [("direct", name)]


def test_a_speaker_heard_before_is_the_subject_before_a_colon_by_one_name() -> None:
    # "دالما" alone is no name by its shape; the article has heard her as "ابنته دالما"
    body = (
        "وقالت ابنته دالما لإذاعة «أونس دييس»: «أنا أول من يقول إن والدتي صادقة». وشككت دالما (28 عاما) بدوافع"
        " والدها: «يجب أن نرى من هو على الجانب الآخر»."
    )
    assert speakers(body)[-1] == ("direct", "دالما")
    # nobody heard before: a word after the verb is no subject by itself
    assert speakers("وشككت دالما (28 عاما) بدوافع والدها: «يجب أن نرى من هو على الجانب الآخر».") == [("direct", None)]


@pytest.mark.parametrize(
    ("body", "name"),
    [
        # the person opens the clause, then a comma and a verb that is no verb of saying
        ("الروائي المصري خالد منصور، لخّص تجربته مع النشر: «كتبت روايتي الأولى ولم يقبلها أي ناشر».", "خالد منصور"),
        (
            "الدكتور سامي العبيدي، يزيد في مداخلته: «هذا الطبيب كان من أعيان المدينة قبل أن يهاجر».",
            "سامي العبيدي",
        ),
        # the person named first, an aside in commas, the same person with a title before the comma
        (
            "العبيدي، الذي درس في القاهرة، الأستاذ سامي العبيدي، يروي في كتابه: «كانت المدينة هادئة تماما».",
            "سامي العبيدي",
        ),
    ],
)
def test_a_person_who_opens_a_clause_before_a_colon_speaks(body: str, name: str) -> None:
    surname = name.rsplit(maxsplit=1)[-1]  # the entity stage finds the surname alone where it opens the clause
    found = speakers(body, surname, name) if body.startswith(surname) else speakers(body, name)
    assert found == [("direct", name)]


def test_a_person_whose_mention_begins_inside_the_word_before_the_comma() -> None:
    # "والخطي": the mention begins after the conjunction, inside the clause's last word before the comma
    body = "الفقيه والخطي، يزيد في مداخلته: «هذا الخطيب كان من أعيان المدينة قبل أن يهاجر»."
    assert [kind for kind, _ in speakers(body, "الخطي")] == ["direct"]


@pytest.mark.parametrize(
    "body",
    [
        # another person after the verb
        "الروائي خالد منصور، نقل عنه صديقه سعيد العمري: «كتبت روايتي الأولى ولم يقبلها أي ناشر».",
        # the person is not where the clause opens
        "جلسنا في المقهى مع خالد منصور، تذكرنا أيام الدراسة: «كانت المدينة هادئة تماما في تلك الأيام».",
    ],
)
def test_a_person_before_a_comma_who_does_not_open_the_clause_is_no_speaker(body: str) -> None:
    names = [n for n in ("خالد منصور", "سعيد العمري") if n in body]
    assert speakers(body, *names) != [("direct", "خالد منصور")]


@pytest.mark.parametrize(
    ("body", "name"),
    [
        # no person found by the entity stage: the speaker grammar reads the subject right after the verb
        ("ودافعت ابنته ليلى عن والدها في مقابلة مع إذاعة «مونت كارلو»: «أبي أصدق إنسان عرفته في حياتي».", "ابنته ليلى"),
        ("وشككت ماريا لوبيز في دوافع والدها: «يجب أن نعرف من يقف على الجانب الآخر من الطاولة».", "ماريا لوبيز"),
        ("وتلخص صحيفة الغارديان هذه المسألة بعبارة: «على المدى الطويل لا شيء يهزم الصبر والعمل».", "صحيفة الغارديان"),
    ],
)
def test_a_named_subject_after_the_verb_before_a_colon_speaks(body: str, name: str) -> None:
    assert speakers(body) == [("direct", name)]


@pytest.mark.parametrize(
    "body",
    [
        # the person is the object of a preposition, the one spoken to
        "رسالة إلى الرئيس محمد مرسي: «نطالبكم بالإفراج عن المعتقلين فورا ودون شروط».",
        # nobody named after the verb
        "ووجه كلامه إليهم: «إذا رغبتم في المجيء إلى هنا فسنتخذ كل التدابير الأمنية».",
        # (guards) an everyday noun after the verb is no speaker: the colon ends narration
        "تتحول القاعة إلى مسرح كبير يضج بالحياة: «لم يعد هناك مكان للصمت في هذه الليلة الطويلة».",
        "وصار المشهد هكذا: «الجميع يركض ولا أحد يعرف إلى أين يذهب في هذه الفوضى».",
    ],
)
def test_no_subject_before_the_colon_means_no_speaker(body: str) -> None:
    names = ("محمد مرسي",) if "محمد مرسي" in body else ()
    assert speakers(body, *names) == [("direct", None)]


def test_a_quote_box_is_credited_to_the_subject_of_the_next_line() -> None:
    body = (
        "قالوا\n\n* «أؤكد أن ما سمعناه من وزير الخارجية الفرنسي مؤخرا يختلف عما سمعناه».\n"
        "وزير الخارجية الفلسطيني رياض المالكي يقول إن فرنسا تراجعت عن أفكار مبادرتها."
    )
    found = said(body)
    assert found[0] == ("direct", "أؤكد أن ما سمعناه من وزير الخارجية الفرنسي مؤخرا يختلف عما سمعناه", "رياض المالكي")


def test_a_quote_box_next_to_narration_takes_no_credit() -> None:
    body = "* «أؤكد أن ما سمعناه من الوزير مؤخرا يختلف عما سمعناه سابقا».\nوشهدت العاصمة احتجاجات واسعة أمس."
    assert [who for _, _, who in said(body)] == [None]


def test_a_bracketed_credit_stops_before_the_participle() -> None:
    body = (
        "نقرأ:\n* «لا نضمن أن تكون إيران دولة معتدلة بعد الاتفاق».\n"
        "(الرئيس الأميركي باراك أوباما مروجا لاتفاقه مع الإيرانيين)."
    )
    assert [who for _, _, who in said(body)] == ["باراك أوباما"]


@pytest.mark.parametrize(
    ("credit", "who"),
    [
        ("رئيس الوزراء البريطاني ديفيد كاميرون خلال مشاركته أمس في حفل التأبين.", "ديفيد كاميرون"),
        ("النائب الروسي أليكسيس بوشكوف الذي يترأس لجنة الشؤون الدولية في مجلس النواب.", "أليكسيس بوشكوف"),
        # a known imperfect verb after the name opens the caption's predicate ("تدعو"); a verb the name grammar
        # would read into the name is no end of it: no credit rather than a wrong span (a guard)
        ("المستشارة الألمانية أنجيلا ميركل تدعو صربيا وكوسوفو للتوصل لتسوية بشأن النزاع.", "أنجيلا ميركل"),
        ("الرئيس المصري عبد الفتاح السيسي يتوعد بتشديد القوانين ضد المتطرفين.", None),
        # a title with no name after it credits nobody
        ("الرئيس الجديد للبرلمان في جلسته الأولى أمس.", None),
    ],
)
def test_a_quote_box_credited_by_a_titled_name_that_opens_the_next_line(credit: str, who: str | None) -> None:
    body = f"أقوال\n\n* «تتجمع الأمة اليوم لتذكر ضحايا واحدة من أكثر الهجمات دموية في تاريخها».\n{credit}"
    assert [name for _, _, name in said(body)] == [who]


def test_every_quote_of_a_box_takes_its_credit() -> None:
    body = (
        "* «قلنا مرارا إننا لا نتفاوض بشأن الشؤون الإقليمية». «لن نسمح بتقويض مبادئنا».\n"
        "(الرئيس الإيراني حسن روحاني في خطبة العيد)."
    )
    assert [name for _, _, name in said(body)] == ["حسن روحاني", "حسن روحاني"]


@pytest.mark.parametrize(
    ("body", "who"),
    [
        (
            "«نحتفل اليوم بالنصر الذي نهديه إلى عائلات الشهداء والجرحى»، بهذه الكلمات لخص القائد العسكري في المحافظة "
            "العميد سالم الحربي أحداث أمس.",
            "سالم الحربي",
        ),
        (
            "«لن أترك المسرح ما دمت قادرا على الوقوف عليه». بهذه العبارة ختمت الفنانة سعاد عبدالله حديثها.",
            "سعاد عبدالله",
        ),
        # "these words" with no verb after them name nobody
        ("«الحب لا يعرف الحدود في هذا العالم الواسع». بهذه الكلمات في مقدمة الرواية يبدأ الكتاب.", None),
    ],
)
def test_these_words_after_a_quote_credit_the_verbs_subject(body: str, who: str | None) -> None:
    assert [name for _, _, name in said(body)] == [who]


def test_a_short_quote_before_its_verb_is_the_subject_not_words() -> None:
    found = said('" سبق " تقول للمسؤول: الواقع الإداري الذي نعيشه اليوم يشير إلى تفشي البيروقراطية.')
    assert [(kind, who) for kind, _, who in found] == [("indirect", "سبق")]  # the name in marks speaks
    found = said("«سبق» تقول للمسؤول: «الواقع الإداري الذي نعيشه اليوم يشير إلى تفشي البيروقراطية».")
    assert [(kind, who) for kind, _, who in found] == [("direct", "سبق")]


def test_a_short_quote_before_a_named_speaker_is_still_speech() -> None:
    found = said("«لا للحرب» يقول المتظاهرون أمام مقر الحكومة في العاصمة.")
    assert [kind for kind, _, _ in found] == ["direct"]


@pytest.mark.parametrize(
    ("word", "circumstantial"),
    [("مروجا", True), ("مشيرا", True), ("متسائلا", True), ("مستدركا", True), ("ماريا", False), ("محمد", False)],
)
def test_a_participle_of_circumstance_is_told_from_a_name(word: str, circumstantial: bool) -> None:
    assert grammar.circumstantial(word) is circumstantial


def test_a_statement_of_a_body_speaks_for_the_body() -> None:
    found = said("وجاء في بيان الوزارة: «ستواصل الوزارة متابعة أوضاع المواطنين في الخارج».")
    assert found == [("direct", "ستواصل الوزارة متابعة أوضاع المواطنين في الخارج", "الوزارة")]


def test_an_impersonal_form_with_a_speaker_and_a_colon_reports() -> None:
    found = said("يذكر أحد كبار قادة القوات المسلحة الليبية: «هؤلاء الضباط كانوا يؤدون واجبهم في الجيش».")
    assert [(kind, who) for kind, _, who in found] == [("direct", "أحد كبار")]
    assert said("ويذكر أن الوزارة أطلقت حملة للتوعية بمخاطر المخدرات في المدارس.") == []


def test_a_body_in_marks_after_a_title_is_named_not_spoken() -> None:
    body = "وقال تيم بيل رئيس «نايت فرانك لأبحاث العقارات السكنية» في لندن: «ثمة دلائل على اهتمام مشترين صينيين»."
    assert speakers(body, "تيم بيل") == [("direct", "تيم بيل")]


def test_lines_of_comments_are_each_the_words_of_their_label() -> None:
    body = (
        "وأثار الإعلان تعليقات ساخرة، منها:\n"
        'Mohamed Abd Elmonem: "الخبر دا فعلا غيّر مجرى حياتي".\n'
        'مينا: "ربطتين ملوخية وجوزين أرانب بسرعه".'
    )
    assert [(kind, who) for kind, _, who in said(body)] == [("direct", "Mohamed Abd Elmonem"), ("direct", None)]


def test_a_name_after_a_title_inside_a_body_is_not_a_person_to_resolve_to() -> None:
    body = (
        "الدكتور فتحي المراغي المتخصص في الشؤون الإيرانية، وهو أستاذ بجامعة عين شمس بالقاهرة، يتعجب من حرص "
        "قادة إيرانيين على التواصل مع المتطرفين.\n\nيقول: «تنظيم داعش فكرة غريبة تركز على هدم الآثار»."
    )
    text = f"عنوان الخبر\n\n{body}"
    university = "جامعة عين شمس بالقاهرة"
    at = text.index(university)
    body_entity = Entity(
        id="e9", name=university, type="ORG", mentions=(Mention(university, at, at + len(university)),)
    )
    _, found = quotes_of(body, entities=(*people(body, "فتحي المراغي"), body_entity))
    assert [(q.kind, q.speaker.name if q.speaker else None) for q in found] == [("direct", "فتحي المراغي")]


@pytest.mark.parametrize(
    ("words", "end"),
    [
        ("قال فتحي المراغي المتخصص في الشؤون الإيرانية", 3),  # a participle of a derived verb describes the name
        ("قال محمد بن فيصل العتيبي للصحفيين", 5),  # a family name with the article stays
        ("قال عبدالله المستشار الخاص", 2),
    ],
)
def test_a_derived_participle_ends_a_name(words: str, end: int) -> None:
    toks = [(k, k, w) for k, w in enumerate(words.split())]
    assert grammar.name_run(toks, 1) == end


@pytest.mark.parametrize(
    ("word", "prev", "ends"),
    [
        ("المتخصص", "المراغي", True),
        ("المستثمر", "البراك", True),
        ("المتحدة", "الأمم", False),
        ("المتحدة", "الولايات", False),
    ],
)
def test_a_masculine_derived_participle_ends_a_name_a_feminine_one_agrees(word: str, prev: str, ends: bool) -> None:
    assert grammar.ends_name(normalize(word), normalize(prev), 2) is ends


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("نحوي وأنا أجلس", "a clause"),
        ("محمد وهو يبتسم", "a clause"),
        ("حكومته", None),
        ("هو", None),
        # a verb and a preposition with a pronoun: "فصاح يطلب مني أن"; a name that looks like a verb is none
        ("يطلب مني", "a clause"),
        ("يطلب منه", "a clause"),
        ("يزيد الرشيد", None),
        ("يوري ميلنر", None),
    ],
)
def test_a_pronoun_after_the_first_word_makes_a_clause_not_a_speaker(name: str, problem: str | None) -> None:
    from arnews.quotes.speakers import speaker_problem

    found = speaker_problem(name)
    assert found == problem or (problem is None and found != "a clause")


def test_an_attribution_before_the_colon_is_not_read_as_a_documents_owner() -> None:
    found = said("بحسب مصادر الوزارة: «سيتم الإعلان عن النتائج الأسبوع المقبل في مؤتمر صحفي».")
    assert [who for _, _, who in found] == ["مصادر الوزارة"]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("وأخيرا يأخذني قول أحد مستشاري الرئيس الروسي: «إن سعود الفيصل يتحدث بوضوح تام».", "أحد مستشاري"),
        ("وفي سياق القدح أيضا، يندرج قول بعضهم: «الفلسفة محاولة فاشلة للوصول إلى أشياء بعيدة».", "بعضهم"),
        # a bracket between the speaker and the colon (dates, a party, a gloss) is read over
        ("وهو ما يعضده قول الشاعر هوراس (65 ق.م - 8 ق.م): «اقطف اليوم الحاضر دون أن تتلهى عنه».", "هوراس"),
        ("وجاء في بيان الوزارة (الخميس): «نرحب بالقرار الصادر عن المجلس بشكل كامل».", "الوزارة"),
    ],
)
def test_the_noun_of_saying_names_its_speaker_before_the_colon(body: str, speaker: str) -> None:
    assert [(kind, who) for kind, _, who in said(body)] == [("direct", speaker)]


@pytest.mark.parametrize("title", ["الإعلامي", "الشاعر", "الأديب", "الأكاديمي", "الروائي", "الاقتصادي"])
def test_a_profession_before_a_name_is_a_description_not_the_speaker(title: str) -> None:
    found = said(f"وقال {title} ياسين عدنان: «الشعر باق في حياتنا مهما تغيرت وسائل النشر».")
    assert [who for _, _, who in found] == ["ياسين عدنان"]


def test_a_verb_of_going_on_after_a_subordinator_continues_the_speaker() -> None:
    found = said(
        "وقال الكاتب ياسين عدنان: «الشعر باق في حياتنا مهما تغيرت الوسائل»، قبل أن يستدرك: «استعمل الفضاء"
        " الإلكتروني لنشر قصائدي كل يوم». وبعد أن يتابع، مستحضرا إيقاع القصيدة القديمة: «الويب والواب تعرفني"
        " وأنا أمير الغرقى»."
    )
    assert [who for _, _, who in found] == ["ياسين عدنان"] * 3


def test_saying_after_a_subordinator_is_no_report_of_its_own() -> None:
    assert said("وعلى الحكومة قبل أن تقول إن الوضع جيد أن تراجع الأرقام كلها.") == []


def test_the_source_of_a_verbal_noun_of_saying_keeps_its_title_and_the_name_ali() -> None:
    found = said(
        "نقلت وكالة فارس للأنباء عن محمد علي جعفري قائد الحرس الثوري الإيراني، قوله إن قرار مجلس الأمن غير مقبول."
    )
    assert [(kind, who) for kind, _, who in found] == [("indirect", "محمد علي جعفري")]


@pytest.mark.parametrize(
    "body",
    [
        "ويدير السيد رانتيز الآن مجموعة غير ربحية تدعى «الحسابات الشخصية للجيل الجديد» التي يساعد بها المدرسين.",
        "وأصدرت دار النشر كتابًا عنوانه: «قصة أليس: لويس كارول والتاريخ السري لأرض العجائب».",
        "وكان يعمل في مدينة دمياط مصري يدعى «شعيب» منذ سنوات طويلة.",
    ],
)
def test_what_is_called_or_entitled_in_marks_is_a_name_not_speech(body: str) -> None:
    assert said(body) == []


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("ويجب رفع صورة السجل الأكاديمي ترفع الصفحة الأخيرة منه", []),
        ("وقال الإعلامي أحمد شوبير إن الموسم صعب", ["احمد شوبير"]),
    ],
)
def test_a_word_of_description_after_a_noun_qualifies_it(sentence: str, names: list[str]) -> None:
    from arnews.core.tokens import tokenize
    from arnews.quotes.mentions import title_names

    norm = normalize(sentence)
    assert [norm[a:b] for a, b in title_names(tokenize(norm))] == names


def test_a_participle_speaks_for_the_subject_of_the_verb_that_opens_its_sentence() -> None:
    body = (
        "وقال وزير الدفاع الأمريكي آشتون كارتر إن الاتفاق جيد. وأدان رئيس الوزراء الإسرائيلي بنيامين نتنياهو"
        " الاتفاق مع إيران، مشيرا إلى أنه غير كاف لمنع طهران من حيازة أسلحة نووية."
    )
    assert speakers(body, "آشتون كارتر", "بنيامين نتنياهو") == [
        ("indirect", "آشتون كارتر"),
        ("indirect", "بنيامين نتنياهو"),
    ]


@pytest.mark.parametrize(
    ("body", "name"),
    [
        (
            "إلى ذلك، قدم الدكتور ناصر باعوم، وزير الصحة، شكره للحكومة، مشيرًا إلى أن الدفعة الإغاثية وصلت أمس.",
            "ناصر باعوم",
        ),
        ("وألقى السفير عمرو رمضان كلمة في بداية الحفل شكر فيها الحضور، مشيرًا إلى أن الثورة غيرت البلاد.", "عمرو رمضان"),
    ],
)
def test_the_opening_verbs_subject_after_an_opening_phrase_or_with_its_hamza(body: str, name: str) -> None:
    assert speakers(body, name) == [("indirect", name)]


def test_a_name_further_into_the_sentence_is_not_the_opening_verbs_subject() -> None:
    body = (
        "وقال الشاعر طه عدنان إن الشبكة نعمة للشعراء. وعلى عكس الملياني، يبدو الوضع مختلفا مع غالبية المبدعين،"
        " قائلا إن الإنترنت نعمة."
    )
    assert speakers(body, "طه عدنان", "الملياني") == [("indirect", "طه عدنان")] * 2


def test_a_participle_does_not_speak_for_the_object_of_a_preposition() -> None:
    body = (
        "وقال وزير الدفاع الأمريكي آشتون كارتر إن الاتفاق جيد. واجتمع الوفد مع بنيامين نتنياهو أمس، مشيرا إلى أن"
        " الاتفاق غير كاف."
    )
    assert speakers(body, "آشتون كارتر", "بنيامين نتنياهو")[-1][1] != "بنيامين نتنياهو"


@pytest.mark.parametrize("opening", ["", "لكن ", "وكانت "])
def test_an_institution_before_its_verb_is_the_speaker(opening: str) -> None:
    verb = "قد أكدت" if opening == "وكانت " else "أكدت"
    found = said(f"{opening}الحكومة الكينية {verb} أن الجيش سيستمر في محاربة تنظيم الشباب في الصومال.")
    assert [who for _, _, who in found] == ["الحكومة الكينية"]


@pytest.mark.parametrize(
    ("subject", "verb"),
    [
        ("وكان الإعلام الفرنسي", "قد أشار إلى"),
        ("وكانت الصحافة الإسرائيلية", "قد ذكرت"),
        ("وكانت وسائل الإعلام التركية", "قد ذكرت"),
        ("الصحف البريطانية", "تقول"),
    ],
)
def test_the_press_before_its_verb_is_the_speaker(subject: str, verb: str) -> None:
    # the press in general, no outlet named, speaks before its verb as an institution does, not a person named before
    found = said(f"وقال الوزير جان ترابير إن الصفقة تمت. {subject} {verb} أن السيسي شدد في اتصالاته على السرعة.")
    assert [who for _, _, who in found] == [
        "جان ترابير",
        subject.removeprefix("و").removeprefix("كان ").removeprefix("كانت "),
    ]


@pytest.mark.parametrize("body", ["ولفت نظري أنه ضم مجموعة كبيرة من اللغات.", "ولفت انتباهه أن الأسعار ارتفعت كثيرا."])
def test_what_caught_the_eye_is_nobody_speaking(body: str) -> None:
    assert all(who is None for _, _, who in said(body))


@pytest.mark.parametrize(
    ("text", "phrase", "entities", "named"),
    [
        ("وتساءل آخرون عن غياب الخدمات", "آخرون", (), False),
        ("وعلق بسخرية على القرار", "بسخرية", (), False),
        ("وقال نايف الحارثي إن الحي مهمل", "نايف الحارثي", (), True),  # a given name opens it
        ("وأكد كولو أن المشروع بدأ", "كولو", ("PER",), True),
        ("وأعلنت بيرسون بيع المجموعة", "بيرسون", ("ORG",), True),
        ("وأعلنت لندن بيع المجموعة", "لندن", ("LOC",), False),
    ],
)
def test_only_a_phrase_that_names_someone_is_indexed_for_later_cues(
    text: str, phrase: str, entities: tuple[str, ...], named: bool
) -> None:
    from types import SimpleNamespace

    from arnews.core.text import view
    from arnews.document import EntityIndex
    from arnews.quotes.mentions import _named
    from arnews.quotes.speakers import Phrase

    at = text.index(phrase)
    ents = [
        Entity(id="e0", name=phrase, type=kind, mentions=(Mention(phrase, at, at + len(phrase)),)) for kind in entities
    ]
    v = view(text)
    ctx = SimpleNamespace(view=v, entity_index=EntityIndex(ents))
    span = (v.norm_index(at), v.norm_index(at + len(phrase)))
    assert _named(ctx, Phrase(span)) is named  # type: ignore[arg-type]


def test_a_bracket_that_is_not_right_before_the_colon_is_not_read_over() -> None:
    found = said("وقال (الوزير) إن الوضع صعب. وجاء في البيان (المنشور) أمس: «نرحب بالقرار الصادر عن المجلس».")
    assert [who for kind, _, who in found if kind == "direct"] != ["المنشور"]


@pytest.mark.parametrize(
    "body",
    ["وقال غير واحد من المسؤولين إن الوضع خطير.", "وأكد سوى مرة واحدة أن الاتفاق قائم.", "وذكر غير مصدر أن الوفد وصل."],
)
def test_sawa_and_ghayr_open_no_speaker(body: str) -> None:
    assert [who for _, _, who in said(body)] == [None]


@pytest.mark.parametrize(
    ("body", "who"),
    [
        (
            "وبحسب التفاصيل التي ذكرتها صحيفة “ذا ناشيونال” الإماراتية، فإن المتهمين قابلا الضحيتين في سبتمبر.",
            "ذا ناشيونال",
        ),
        (
            "وبحسب الإعلان الذي أوردته صحيفة دايلي ميل البريطانية، فإن المكنسة مصنوعة من الذهب.",
            "صحيفة دايلي ميل البريطانية",
        ),
        ("وطبقا للترتيب الذي كشفت عنه المجلة، فإن النادي حل أولا في القائمة هذا العام.", "المجلة"),
        ("وبحسب المعلومات التي نشرتها وزارة الداخلية، فإن المتهمين قابلا الضحيتين في سبتمبر.", "وزارة الداخلية"),
        # no subject of its own in the relative clause: the source as named
        ("وبحسب الأرقام التي تم الكشف عنها، فإن المبيعات ارتفعت كثيرا هذا العام.", "الأرقام"),
    ],
)
def test_an_attribution_speaks_for_whom_its_relative_clause_names(body: str, who: str) -> None:
    assert reports_of(body) == [("indirect", who)]


@pytest.mark.parametrize(
    ("body", "who"),
    [
        ("وجاء في تقرير الفاو أن أسعار الزيوت هبطت 5.5 بالمئة بينما ارتفعت أسعار السكر.", "الفاو"),
        ("وورد في بيان الوزارة أن أسعار الزيوت هبطت خلال الشهر الماضي.", "الوزارة"),
        (
            "وجاء في بيان صادر عن وزارة الخارجية الباكستانية أن القوات الهندية انتهكت الهدنة.",
            "وزارة الخارجية الباكستانية",
        ),
        ("وجاء في بيان لوزارة الخارجية الباكستانية أن القوات الهندية انتهكت الهدنة.", "وزارة الخارجية الباكستانية"),
        # ل on the article drops its alef: the body from the word's third letter, as after وفقا لـ ("للمصادر")
        ("وجاء في بيان للحكومة أن درجات الحرارة في بعض المحافظات تجاوزت الخمسين.", "حكومة"),
        ("وجاء في البيان أن الوزير سيزور المنطقة غدا مع وفد رسمي.", "البيان"),
    ],
)
def test_what_a_document_says_through_anna_is_reported_for_its_owner(body: str, who: str) -> None:
    assert reports_of(body) == [("indirect", who)]


@pytest.mark.parametrize(
    "body",
    [
        "ورفض المسؤول التعليق على ما جاء في ادعاءات الشركة، مكتفيا بالقول إن الجهات الرسمية ستحسم الأمر.",
        "القانوني الذي كتب نص الاتفاق تعمد أن تكون بعض أجزائه غامضة.",
    ],
)
def test_what_a_document_says_is_no_report_of_its_own_after_ma_or_as_a_noun(body: str) -> None:
    _, found = quotes_of(body)
    assert all(q.cue not in ("جاء", "نص") for q in found)


def speakers_of(body: str) -> list[str | None]:
    """The speaker of each quote found in ``body``, in order."""
    _, found = quotes_of(body)
    return [q.speaker.name if q.speaker else None for q in found]


@pytest.mark.parametrize(
    ("body", "who"),
    [
        # a noun the titles do not list before a given name describes the speaker ("المبتعث")
        ("وقال المبتعث يوسف بن علي الراجحي في نيويورك إن الدكتورة موضي لا يكفيها الشكر.", "يوسف بن علي الراجحي"),
        ("كما أفاد المبتعث محمد الحامد بأن هذه اللحظات صعبة على الجميع.", "محمد الحامد"),
        ("وقد أشار المغادر راشد المري إلى أنه سعيد بالعمل في الجمرك.", "راشد المري"),
        # a name in apposition after an anonymous description speaks
        ("وأعلن عضو مجلس الشورى، حسين نقوي حسيني، أن المجلس سيصوت على الاتفاق.", "حسين نقوي حسيني"),
        ("وقال المتحدث الرسمي باسم الحكومة اليمنية، راجح بادي، إن الدمار في عدن كبير.", "راجح بادي"),
        ("وأوضح المتحدث باسم الدفاع المدني بمنطقة مكة المكرمة، العقيد سعيد سرحان، أن الحريق محدود.", "سعيد سرحان"),
        # with no name after it, the description is the anonymous source
        ("وقال مصدر مطلع في الوزارة إن الوفد وصل أمس.", "مصدر"),
        # one of two (the dual's alif is no adverb's, its suffix no possessed noun's)
        ("وقالت لي إحداهما «أنت ضيف هنا ولا نطلب منك شيئا في هذا البيت».", "إحداهما"),
        ("وقال أحدهما: «لم نتلق أي إنذار قبل وصول المياه إلى المنازل».", "أحدهما"),
        # envoys, commissioners and delegates are titles: the name after the title phrase speaks
        ("وقال المبعوث الخاص للأمم المتحدة برناردينو ليون إن الاتفاق خطوة مهمة في طريق السلام.", "برناردينو ليون"),
        ("ورأى المفوض الأعلى لحقوق الإنسان في الأمم المتحدة زيد رعد الحسين أن المحاكمة منعطف مهم.", "زيد رعد الحسين"),
        ("وقد صرحت مفوضة الشرطة في مدريد، كونثيبثيون دانكاوسا، بأن الحقيبة أرشدت الشرطة.", "كونثيبثيون دانكاوسا"),
    ],
)
def test_the_person_a_speaker_phrase_names_speaks(body: str, who: str) -> None:
    assert speakers_of(body) == [who]


@pytest.mark.parametrize(
    ("body", "who"),
    [
        # an adjective of relation after a title without the article describes the title: no name follows it
        ("وقال متحدث عسكري في وقت مبكر أمس إن انتحاريتين فجرتا نفسيهما في السوق.", "متحدث"),
        ("وقال خبير اقتصادي: «الأسعار لن تنخفض قبل نهاية العام».", "خبير"),
        ("وقال محلل سياسي سعودي إن القمة ستناقش الملف اليمني.", "محلل"),
        ("وأوضح رئيس تنفيذي لإحدى شركات التأمين أن الأسعار قفزت بنحو 40 في المائة.", "رئيس تنفيذي"),
        # the name after the title and its adjective speaks
        ("وأشار الوزير مفوض تجاري علي الليثي إلى أن الاستراتيجية شاملة.", "علي الليثي"),
        # (guards) a name before a family name, and a noun in construct, are no adjectives
        ("وقال مساعد غالي العنزي إن الدوريات وصلت إلى الموقع.", "غالي العنزي"),
        ("وقال قائد شرطة ولاية يوبي إن ثلاث انتحاريات فجرن أنفسهن.", "قائد شرطة ولاية يوبي"),
    ],
)
def test_a_title_without_the_article_and_its_adjective_name_nobody(body: str, who: str) -> None:
    found = quotes_of(body)[1]
    assert [q.speaker.name if q.speaker else None for q in found] == [who]
    if who in ("متحدث", "خبير", "محلل"):
        assert all(q.speaker is not None and q.speaker.anonymous for q in found)


@pytest.mark.parametrize(
    ("body", "who"),
    [
        # "عبر" is "via" at a clause start without its own preposition after it
        (
            "وعبر حسابه على موقع «تويتر»، أطلق الوزير عادل الجبير تغريدة نصها: «نتمنى التوفيق للجميع في المهمة».",
            "عادل الجبير",
        ),
        # (guards) the verb with its preposition, and بين, which takes its clause directly
        ("وعبر الوزير عن سعادته بالنتائج: «هذا يوم عظيم للمملكة وأبنائها جميعا».", "الوزير"),
        ("وبين الوزير أن المشروع سينتهي في العام المقبل.", "الوزير"),
    ],
)
def test_a_verb_written_as_a_preposition_opens_a_clause_only_with_its_own_complement(body: str, who: str) -> None:
    found = _RULES.process("عنوان الخبر\n\n" + body).quotes  # the entity stage finds the KB's people too
    assert [q.speaker.name if q.speaker else None for q in found] == [who]


def test_the_text_of_a_message_is_its_owners_words() -> None:
    # "تغريدة لخادم الحرمين الشريفين كان نصها: «...»": the message's owner after ل speaks
    found = said("وحصلت تغريدة لخادم الحرمين الشريفين كان نصها: «أيها الشعب الكريم: تستحقون أكثر».")
    assert [who for _, _, who in found] == ["خادم الحرمين الشريفين"]
    # a message with nobody named to own it keeps no speaker
    found = said("وظهرت على الشاشات رسالة تحذيرية مفادها: «لا يمكنك الاتصال بالشبكة الآن».")
    assert [who for _, _, who in found] == [None]


@pytest.mark.parametrize(
    ("body", "who"),
    [
        # the object of a verb of prayer after the speaker: "وسألت ... الله أن", then the speaker's words
        (
            "وسألت الموظفة سعاد الحربي الله أن يحفظ رجال الأمن، قائلة: «نتابع كل يوم الإنجازات الأمنية الكبيرة».",
            "سعاد الحربي",
        ),
        # a religious formula after the name ends it
        ("كما قال أبو سعيد الخدري رضي الله عنه: «كنا نخرج يوم الفطر صاعا من طعام».", "أبو سعيد الخدري"),
    ],
)
def test_a_prayer_or_a_formula_after_the_speakers_name_is_not_part_of_it(body: str, who: str) -> None:
    assert [w for k, _, w in said(body) if k == "direct"] == [who]


def test_a_quote_after_an_ellipsis_goes_on_with_its_paragraphs_report() -> None:
    # "يقول فلان إن ... عاجلة. أولا إنهاء حالة الفوضى.. «...»": the ellipsis carries the paragraph's report on
    found = said(
        "ومن محافظة الإسكندرية يقول ياسر فراويلة، وهو شخصية قريبة من التيار، إن المطلوب من البرلمان المقبل القيام"
        " بعدة خطوات عاجلة. أولا إنهاء حالة الفوضى الحكومية.. «بمعنى ترتيب البيت من الداخل والانتهاء من ملف العمل»."
    )
    assert found[-1] == ("direct", "بمعنى ترتيب البيت من الداخل والانتهاء من ملف العمل", "ياسر فراويلة")
    # a report in the paragraph before does not carry over; neither does a bare quote with no ellipsis before it
    found = said(
        "ويقول المستشار عبد الكريم إن الجهة التي نفذت الهجوم هي ميليشيات رجل متطرف.\n\n"
        "وشهدت المدينة بعدها أياما هادئة، وعاد السكان إلى منازلهم.. «هذه واحدة من نكبات المدينة الكثيرة»."
    )
    assert found[-1][2] is None
    found = said(
        "ويقول المستشار عبد الكريم إن الجهة التي نفذت الهجوم هي ميليشيات رجل متطرف. وشهدت المدينة بعدها أياما"
        " هادئة. وعاد السكان إلى منازلهم وأسواقهم وأعمالهم. «هذه واحدة من نكبات المدينة الكثيرة»."
    )
    assert found[-1][2] is None


@pytest.mark.parametrize(
    "body",
    [
        # a strict cue (تقول) after an opening phrase, the speaker, then a long aside in commas before the quote
        "عن حكايتها تقول الإعلامية أمل صقر، وهي فلسطينية الجنسية ومتزوجة من إعلامي عراقي وتسكن في بغداد منذ سنوات"
        " طويلة، «بدأت القصة عندما نشرت تقريرًا عن ردود أفعال رسامي الكاريكاتير في العراق».",
        # a plain cue: the aside carries the quote past the reach of a cue with no colon
        "وقال الوزير، وهو يتحدث في مؤتمر صحافي عقده في الرياض مساء أمس بحضور عدد كبير من المسؤولين والإعلاميين،"
        " «بدأت القصة عندما نشرت تقريرًا عن ردود أفعال رسامي الكاريكاتير في العراق».",
    ],
)
def test_an_aside_in_commas_between_the_speaker_and_the_quote(body: str) -> None:
    found = said(body)
    assert [(k, t) for k, t, _ in found] == [
        ("direct", "بدأت القصة عندما نشرت تقريرًا عن ردود أفعال رسامي الكاريكاتير في العراق")
    ]
    assert found[0][2] in ("أمل صقر", "الوزير")


def test_an_aside_is_opened_by_and_and_a_pronoun() -> None:
    # no aside: a clause of its own between the cue and a far quote leaves it a fragment nobody is said to speak
    found = said(
        "وقال الوزير في مؤتمر صحافي، ثم انتقل المؤتمر إلى مناقشة ملفات الطاقة والمياه والكهرباء في المنطقة الشرقية"
        " والغربية، «بدأت القصة عندما نشرت تقريرًا عن ردود أفعال رسامي الكاريكاتير في العراق»."
    )
    assert [(k, w) for k, _, w in found] == [("partial", None)]


@pytest.mark.parametrize(
    "topic",
    [
        "وعن جديده الذي يحضّره مع الفنان العالمي اللبناني الأصل مساري",
        "وعن الفنان راشد الماجد",
        "وحول الأغنية التي غناها المطرب طلال سلامة",
    ],
)
def test_a_name_in_the_topic_that_opens_the_sentence_is_not_the_subject(topic: str) -> None:
    # "وعن X قال": the verb's subject is left implicit, the last speaker; X, right before the verb, is the topic
    body = f"وقال الفنان محمد عبده إن البرنامج ناجح.\n{topic} قال: «هي أغنية جديدة أعمل عليها منذ أشهر طويلة»."
    assert [w for _, _, w in said(body)] == ["محمد عبده", "محمد عبده"]


def test_an_aide_of_a_named_office_holder_is_not_linked_to_the_holder() -> None:
    doc = Pipeline(processors=["quotes"]).process(
        "عنوان\n\nوقال الرئيس الأمريكي باراك أوباما إن الاتفاق جيد. "
        "وقال مستشار الرئيس الأمريكي باراك أوباما إن الاتفاق سيئ."
    )
    first, second = doc.quotes
    assert first.speaker is not None and first.speaker.wikidata == "Q76"
    assert second.speaker is not None and second.speaker.wikidata is None and second.speaker.entity is None


def test_a_nationality_and_a_name_before_the_verb_are_its_subject() -> None:
    body = "وقال الطبيب محمود بخيت إن الرحلة صعبة.\nالليبي فؤاد الزواري أورد أنه غامر بحياة شريكة عمره."
    assert [w for _, _, w in said(body)] == ["محمود بخيت", "فؤاد الزواري"]
    # a nationality alone before the verb names nobody: the verb's subject is the last speaker's
    body = "وقال الطبيب محمود بخيت إن الرحلة صعبة.\nالليبي أورد أنه غامر بحياة شريكة عمره."
    assert [w for _, _, w in said(body)] == ["محمود بخيت", "محمود بخيت"]


@pytest.mark.parametrize(
    ("body", "who"),
    [
        # a title in construct with a place or body the entity stage knows, no name after it: not a person "لندن"
        ("وقال عمدة لندن إنه أعلن عن هذه الإجراءات منذ الآن.", "عمدة لندن"),
        ("وصرح أمير عسير أن هذا الملتقى يعد الأول من نوعه.", "أمير عسير"),
        # a name after the body's own: the person
        (
            "وتقول مديرة التسويق بشركة فيسبوك، إيما رودجرز «بوجود المتجر على الصفحة فإننا نمنح الشركات إمكانية كبيرة».",
            "إيما رودجرز",
        ),
        (
            "وأوضح الأمين العام لمؤسسة الأمير محمد بن فهد للتنمية الإنسانية الدكتور عيسى الأنصاري، أن إطلاق هذه"
            " المسابقة يندرج تحت أهداف المؤسسة.",
            "عيسى الأنصاري",
        ),
    ],
)
def test_a_place_or_body_after_a_title_is_where_the_title_holds(body: str, who: str) -> None:
    doc = Pipeline(processors=["quotes"]).process("عنوان\n\n" + body)
    assert [q.speaker.name if q.speaker else None for q in doc.quotes] == [who]


def test_an_outlet_spoken_to_behind_its_noun_is_not_the_speaker() -> None:
    body = "وقال الوزير خالد الفالح إن الصحيفة أخطأت.\nوأضاف لقناة «سكاي نيوز» أنه لم يكن الغرض من هذا مطلقا."
    assert [w for _, _, w in said(body)] == ["خالد الفالح", "خالد الفالح"]
    body = "وقال لصحيفة «الحياة» وزير الإعلام عادل الطريفي إن الأمر مهم."
    assert [w for _, _, w in said(body)] == ["عادل الطريفي"]


@pytest.mark.parametrize(
    ("body", "who"),
    [
        # a name in marks right after a title is the person; a title in construct heads the body named in marks, and
        # a word in marks is the words said
        (
            "ويقول السيد «فركاش»، وهو في العقد الثالث من العمر: «لم يكن أي منهم يتخيل أن تطول الأزمة في بلاده».",
            "فركاش",
        ),
        ("عن ذلك تقول الدكتورة «هتون الفاسي» إن مشاركة بعض النسوة في أعمال التنظيم لافتة.", "هتون الفاسي"),
        ("وقال رئيس «فيفا» إن البطولة ستقام في موعدها.", "رئيس"),
        ("وقال الرئيس «لا نقبل».", "الرئيس"),
        # an aide's title in construct with an office: the name is the office holder's, the aide speaks; a title of
        # two words, a title before the aide's own name and a rank keep the name as the speaker
        (
            "واعتبر نائب المستشارة الألمانية أنجيلا ميركل أن من الخطأ استئناف النقاش.",
            "نائب المستشارة الألمانية أنجيلا ميركل",
        ),
        ("وقال مستشار الرئيس الأمريكي باراك أوباما إن الاتفاق جيد.", "مستشار الرئيس الأمريكي باراك أوباما"),
        ("وقال نائب الرئيس الأمريكي جو بايدن إن الاتفاق جيد.", "جو بايدن"),
        ("وقال مساعد المدير العام للشؤون الهندسية المهندس صالح الرعوجي إن المشروع تأخر.", "صالح الرعوجي"),
        ("وقال وكيل الرقيب حسين الوعيد إن الفرق جاهزة.", "حسين الوعيد"),
        # an adverb with the accusative alif and no tanween mark is no speaker
        ("وتؤكد جليا أن إستراتيجيتها تقوم على العون في الأزمات.", None),
        ("ووضح جليا في المؤتمر الصحافي أن النادي كان مقبلا على كارثة.", None),
        # a time between the verb and its subject; a verb after the time is no subject
        ("وأعلنت أمس الشرطة الكينية أن مقاتلين هاجموا مركزا للشرطة.", "الشرطة الكينية"),
        ("وأكد الثلاثاء وزير الخارجية أن المحادثات مستمرة.", "وزير الخارجية"),
        ("وقال مساء أمس الناطق باسم الحكومة إن المحادثات مستمرة.", "الناطق باسم الحكومة"),
        ("وقال أمس الأول وزير الخارجية إن بلاده لن تتخلى عن أصدقائها.", "وزير الخارجية"),
        ("الصفقة التي أعلن عنها صباح الاثنين استطاعت أن تتلافى خروج اليونان.", None),
        # a noun in construct with a place's or body's noun reads on to the definite noun that closes the chain
        ("وقال وزراء منطقة اليورو إنهم سيجتمعون الأسبوع المقبل.", "وزراء منطقة اليورو"),
        ("وأظهرت بيانات وزارة المالية أن العجز تراجع.", "بيانات وزارة المالية"),
        ("وعبرت بعض منظمات حماية السائقين عن قلقها من النظام الجديد.", "بعض منظمات حماية السائقين"),
        ("وقال خالد العلي إن العجز تراجع.", "خالد العلي"),
        # the statement's issue after the statement noun ("في بيان صدر باسمه") is no speaker
        ("وأضاف، في بيان صدر باسمه: «نظل لا نعرف كل التفاصيل».", None),
        # a group of people, after its verb or before a plural one; a body's name cut after بن names nobody (a guard)
        ("وأشارت مجموعة من الباحثين إلى أن النتائج لم تكن دقيقة.", "مجموعة من الباحثين"),
        ("مجموعة من التربويين حذروا من خطورة الألعاب الإلكترونية على الأطفال.", "مجموعة من التربويين"),
        ("وقالت مجموعة بن لادن إن المشروع تأخر كثيرا.", None),
    ],
)
def test_the_speaker_a_phrase_after_its_verb_names(body: str, who: str | None) -> None:
    assert [w for _, _, w in said(body)] == [who]


_MEMOIR = "وصل المخرج عز الدين ذو الفقار إلى الاستوديو مبكرا."


@pytest.mark.parametrize(
    ("body", "names", "who"),
    [
        # a two-letter given name the article writes in full elsewhere, as its verb's own subject
        (f"{_MEMOIR}\n\nفقال عز بهدوء: «لا أبدا، من المتكلم؟».", ["عز الدين ذو الفقار"], "عز"),
        (f"{_MEMOIR}\n\nفأجاب عز بطريقة عفوية: «أنا اليوم فارغ».", ["عز الدين ذو الفقار"], "عز"),
        ("نشرت الأديبة مي زيادة مقالها الأول.\n\nوقالت مي: «الكتابة حياة».", ["مي زيادة"], "مي"),
        ("أعلن الرئيس الصيني شي جين بينغ خطة جديدة.\n\nوقال شي: «الاقتصاد الصيني قوي».", ["شي جين بينغ"], "شي"),
        # the same word with no full name in the article, the one asked (she asks) and "لي" (to me) where the
        # article names Lee Kuan Yew are no speakers (a guard each)
        ("وصل المخرج إلى الاستوديو مبكرا.\n\nفقال عز بهدوء: «لا أبدا، من المتكلم؟».", [], None),
        (
            f"{_MEMOIR[:-1]}، ثم دخلت الراقصة سامية جمال.\n\nوسألت عز بدلال: «هل أعجبك الرقص؟».",
            ["عز الدين ذو الفقار", "سامية جمال"],
            "سامية جمال",
        ),
        ("زار رئيس الوزراء لي كوان يو المدينة.\n\nوقال لي: «المدينة جميلة».", ["لي كوان يو"], None),
    ],
)
def test_a_short_given_name_written_in_full_elsewhere_speaks(body: str, names: list[str], who: str | None) -> None:
    assert [w for _, w in speakers(body, *names)] == [who]


def test_the_short_given_names_of_an_article_are_two_letter_words_opening_a_full_name() -> None:
    from arnews.quotes.wellformed import short_given_names, speaker_problem

    found = short_given_names(["عز الدين ذو الفقار", "مي زيادة", "بن علي", "لي كوان يو", "عز", "جو بايدن"])
    assert found == {"عز", "مي", "جو"}
    assert speaker_problem("عز") is not None
    assert speaker_problem("عز", short_names=found) is None
    assert speaker_problem("مي", short_names=found) is None


_CALLER = "وقال المخرج يوسف وهبي بهدوء: «متى تعودين إلى الاستوديو يا فاتن؟»."


@pytest.mark.parametrize(
    ("reply", "who"),
    [
        # a verb of saying in the first person: the narrator's words, not the last man who spoke
        ("فقلت له وأنا أغالب الضحك: «غدا صباحا إن شاء الله».", None),
        ("وأجبت بغيظ: «لا، غدا».", None),
        ("وأجبته: «لا، ولكني أريد أن أرتاح قليلا».", None),
        ("وصحت قائلة: «مش ممكن أعود قبل الأسبوع المقبل».", None),
        ("ونحن نقول لك يا معالي الوزير: «أعانك الله على هذه المهمة».", None),
        # "myself" after the verb, colon or not: the narrator asks or tells herself
        ("وما أن عدت إلى المنزل حتى سألت نفسي «لماذا لا أعود إلى الاستوديو غدا؟».", None),
        ("وكنت وحدي في المنزل أنتظر عودته، فتساءلت في نفسي: «هل أنا سعيدة حقا؟».", None),
        # the third person after the narrator's verb speaks; forms the third person feminine shares are hers (guards)
        ("قلت له ذلك، فقال المخرج يوسف وهبي: «إذن نلتقي غدا في الاستوديو».", "يوسف وهبي"),
        ("فسألت الممثلة سميرة أحمد: «ومتى نبدأ التصوير إذن؟».", "سميرة أحمد"),
    ],
)
def test_a_verb_of_saying_in_the_first_person_is_the_narrators(reply: str, who: str | None) -> None:
    named = ("يوسف وهبي", "سميرة أحمد") if "سميرة" in reply else ("يوسف وهبي",)
    found = speakers(f"{_CALLER}\n\n{reply}", *named)
    assert [w for _, w in found][1:] == [who]


def test_in_her_own_words_alone_names_the_person_the_pronoun_stands_for() -> None:
    body = (
        "وزارت الممثلة ناتالي بورتمن القدس أمس. واختارت رواية «حكاية حب وظلام» لأنها، حسب قولها، تعكس رغبة العيش "
        "المشترك."
    )
    assert speakers(body, "ناتالي بورتمن") == [("indirect", "ناتالي بورتمن")]


def test_the_models_person_goes_on_past_the_words_the_phrase_reads() -> None:
    from arnews.document import NerSpan
    from arnews.quotes import extract_quotes
    from docs_helpers import linked, make_doc

    text = (
        "عنوان الخبر\n\nوقالت السا غونزاليس على محطة التلفزيون العامة الإسبانية: «في الوقت الحاضر بإمكاننا فقط "
        "التحدث عن اختفاء الصحافيين».\nوالأمن عندنا مسؤولية الجميع، حيث كان الأمير نايف رحمه الله يقول: «المواطن هو "
        "رجل الأمن الأول في هذه البلاد»."
    )
    elsa, naif = text.index("السا غونزاليس"), text.index("نايف رحمه الله")
    # "السا" reads as a word with the article; the model's person goes on; its span over a formula does not count
    ner = (NerSpan("السا غونزاليس", elsa, elsa + 13, "PER"), NerSpan("نايف رحمه الله", naif, naif + 14, "PER"))
    found = list(extract_quotes(make_doc(text, ner=ner, entities=linked(text, ner))))
    assert [q.speaker.name if q.speaker else None for q in found] == ["السا غونزاليس", "نايف"]


@pytest.mark.parametrize(
    ("rest", "goes_on"),
    [
        (" غونزاليس", True),
        (" مودينا", True),
        (" بن عبدالعزيز", True),
        (" السيف", True),
        # a time word, whom it was said to, a participle, a verb, a formula, God's name, a title: no part of a name
        (" الأربعاء", False),
        (" للصحافيين", False),
        (" متحدثا", False),
        (" فأشار", False),
        (" رحمه الله", False),
        (" الله", False),
        (" أمين", False),
        (" أشهر", False),
        (" لـ", False),
    ],
)
def test_what_may_go_on_a_name_past_a_speaker_phrase(rest: str, goes_on: bool) -> None:
    from arnews.quotes.wellformed import name_goes_on

    assert name_goes_on(rest) is goes_on


_MEMOIR = (
    "«الصحيفة» تنشر مذكرات وسيرة ليلى مراد (3): الاستوديو الأول\n\n"
    "كانت ليلى مراد في العاشرة حين دخلت الاستوديو أول مرة، وتروي في مذكراتها تلك الأيام.\n"
    "سألني المخرج يوسف وهبي عن اسمي، فقلت له وأنا أرتجف: «اسمي ليلى يا أستاذ».\n"
    "وقال المخرج يوسف وهبي بعدها: «ستكونين نجمة كبيرة»، فسألت نفسي: «هل يعني ما يقول؟».\n"
    "وقال: «غدا نبدأ التصوير».\n"
)


def test_the_narrator_a_memoirs_title_names_speaks_the_words_of_the_first_person() -> None:
    """ "تنشر مذكرات فاتن حمامة": the "I" of the narration is the person whose own account the title names, as
    the body mentions her; her words are not a speaker the next verb of saying goes on from."""
    found = [(q.text, q.speaker.name if q.speaker else None) for q in _RULES.parse(_MEMOIR).quotes]
    assert found == [
        ("اسمي ليلى يا أستاذ", "ليلى مراد"),
        ("ستكونين نجمة كبيرة", "يوسف وهبي"),
        ("هل يعني ما يقول؟", "ليلى مراد"),
        ("غدا نبدأ التصوير", "يوسف وهبي"),
    ]


@pytest.mark.parametrize(
    "title",
    [
        "«الصحيفة» تنشر ذكريات الطفولة في الحي القديم",  # an account of a time, not of a person
        "«الصحيفة» تنشر مذكرات (3): الاستوديو الأول",  # nobody named
        "«الصحيفة» تنشر مذكرات ليلى العمر (3): الاستوديو الأول",  # a person the body never mentions
        "«الصحيفة» تنشر سيرة ليلى مراد (3): الاستوديو الأول",  # a life somebody else writes: the "I" is the writer
    ],
)
def test_a_title_that_names_no_persons_memoirs_gives_the_narration_no_speaker(title: str) -> None:
    text = title + _MEMOIR[_MEMOIR.index("\n") :]
    said = {q.text: q.speaker for q in _RULES.parse(text).quotes}
    assert said["اسمي ليلى يا أستاذ"] is None
    assert said["هل يعني ما يقول؟"] is None


def test_a_name_that_opens_with_waw_after_the_memoirs_noun_is_the_narrators() -> None:
    text = _MEMOIR.replace("ليلى مراد", "وليد توفيق").replace("اسمي ليلى", "اسمي وليد")
    assert "مذكرات وسيرة وليد توفيق" in text
    found = {q.text: q.speaker.name if q.speaker else None for q in _RULES.parse(text).quotes}
    assert found["اسمي وليد يا أستاذ"] == "وليد توفيق"
    alone = text.replace("مذكرات وسيرة وليد توفيق", "مذكرات وليد توفيق")
    found = {q.text: q.speaker.name if q.speaker else None for q in _RULES.parse(alone).quotes}
    assert found["اسمي وليد يا أستاذ"] == "وليد توفيق"


def test_the_author_a_byline_credits_speaks_the_words_of_the_first_person() -> None:
    text = (
        "حين تأبى الشمس الغياب\nبقلم: خالد السليمان\n\n"
        "سافرت إلى النرويج في رمضان وسألت شيخا من المغرب عن الصيام الطويل فأجاب: «نصوم عشرين ساعة ولا نشكو».\n"
        "فقلت في سري: «الله يعطيك على قد نيتك».\n"
    )
    article = _RULES.parse(text)
    assert article.source.author == "خالد السليمان"
    last = article.quotes[-1]
    assert last.text == "الله يعطيك على قد نيتك"
    assert last.speaker is not None and last.speaker.name == "خالد السليمان"
    assert last.speaker.span is not None and text[last.speaker.span.start : last.speaker.span.end] == "خالد السليمان"
    # two authors: no one "I"
    two = text.replace("بقلم: خالد السليمان", "بقلم: خالد السليمان وسعد الحربي")
    assert _RULES.parse(two).quotes[-1].speaker is None


def test_an_asides_verb_after_a_comma_is_no_name_in_apposition() -> None:
    """ "وقال الوزير في بيان لوزارة الثقافة، تلقت «الشرق الأوسط» نسخة منه، إن": one untitled word after the comma
    is the aside's verb, not the minister's name; a name of two words there still is ("حاكم ولاية تكساس، غريغ
    أبوت")."""
    body = (
        "افتتح وزير الثقافة عبد الواحد النبوي المعرض أمس. وقال الوزير في بيان لوزارة الثقافة، تلقت «الشرق الأوسط» "
        "نسخة منه، إن هذا المشروع سيقوم بتنفيذه المجلس الأعلى للثقافة."
    )
    assert speakers(body, "عبد الواحد النبوي") == [("indirect", "عبد الواحد النبوي")]
    assert reports_of("وقال حاكم ولاية تكساس، غريغ أبوت، إن الولاية ستتعافى سريعا.") == [("indirect", "غريغ أبوت")]


def test_a_relative_who_shares_the_memoirists_surname_is_not_the_narrator() -> None:
    """The body names the memoir's author by her surname only ("حمامة") after her father ("أحمد حمامة"): the narrator
    is found by the surname alone, never by the father's full name."""
    text = (
        "«الصحيفة» تنشر مذكرات فاتن حمامة (1): طفولتي\n\n"
        "كان والدي أحمد حمامة موظفا بسيطا في وزارة المعارف. وتروي حمامة في مذكراتها طفولتها الأولى.\n"
        "وكنت أقول لأبي كل صباح: «بابا، أحنا مش رايحين الاستوديو؟».\n"
    )
    said = [q.speaker.name if q.speaker else None for q in _RULES.parse(text).quotes]
    assert said[-1] != "أحمد حمامة"
    assert said[-1] == "حمامة"  # the body's mention of the memoir's author, by her surname

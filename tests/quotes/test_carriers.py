"""A cue verb that points back to a statement with فيه/فيها: its speaker is who made the statement or whose it is."""

from __future__ import annotations

import pytest

from arnews import Pipeline
from arnews.quotes.carriers import carrier_noun

_PIPE = Pipeline(processors=["quotes"])


def speakers(text: str) -> list[str | None]:
    return [q.speaker.name if q.speaker else None for q in _PIPE.process(text).quotes]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        # the subject of the verb that made the statement
        (
            "وأصدرت وزارة الشباب والرياضة بيانًا رسميًا بشأن المباراة أكدت فيه أن الموعد لن يتغير.",
            "وزارة الشباب والرياضة",
        ),
        ("ثم ألقى الفنان عبد الله رشاد كلمة أشار فيها إلى أن الجمعية رائدة في الحراك الثقافي.", "عبد الله رشاد"),
        (
            "وفي عدد يونيو نشرت مجلة التايم تقريراً عن هذا النوع من المطر قالت فيه إن المياه نزلت من الفضاء.",
            "مجلة التايم",
        ),
        ("وتوجه معاذ برسالة لطلاب الدكتوراه؛ قال فيها “إن الدكتوراه صعبة ولكنها ممكنة”.", "معاذ"),
        # whom an interview was with
        (
            "أجرى مراسل التلفزيون مقابلة مع ابي مالك الشامي الذي لم يظهر وجهه، قال فيها «إن الجبهة لن تنسحب».",
            "ابي مالك الشامي",
        ),
        # whose the statement is: ل of possession after an adjective
        ("نشرت المجلة مقالا افتتاحيا لرئيس التحرير غرانت بارتلي أكد فيه أن الفن لم ينته.", "غرانت بارتلي"),
    ],
)
def test_a_cue_with_in_which_speaks_for_the_statement_s_author(body: str, speaker: str) -> None:
    assert speakers(body) == [speaker]


@pytest.mark.parametrize(
    "body",
    [
        # an adjective after the noun is nobody
        "وأجرى الوزير اتصالات هاتفية مع نظرائه، قال فيها إن التعاون مستمر.",
        "ووجدت مقالة قديمة في الأرشيف يقول فيها: «معظم النقاد كسالى».",
    ],
)
def test_an_adjective_after_the_statement_is_not_its_speaker(body: str) -> None:
    assert not {"هاتفية", "قديمة"} & {s for s in speakers(body) if s}


def test_a_prophet_s_saying_gives_no_cut_speaker() -> None:
    # "للرسول" is ل with the article: no span of the input reads "الرسول", so no speaker is made from it
    found = speakers("فما بالك أن هناك حديثًا للرسول صلى الله عليه وسلم يقول فيه: «لا يعذب بالنار إلا رب النار».")
    assert "لرسول" not in found


def test_in_which_without_a_statement_noun_changes_nothing() -> None:
    assert speakers("وقال الوزير فيه إن المشروع سيكتمل قريبا.") == speakers("وقال الوزير إن المشروع سيكتمل قريبا.")


@pytest.mark.parametrize(
    ("word", "noun"),
    [("بيانا", "بيان"), ("برساله", "رساله"), ("والتصريحات", "تصريحات"), ("كلمه", "كلمه"), ("بيت", None), ("ال", None)],
)
def test_carrier_noun_reads_clitics_and_the_accusative_off(word: str, noun: str | None) -> None:
    assert carrier_noun(word) == noun


def test_the_cue_s_speaker_is_its_statement_s_issuer_and_not_a_kinsman() -> None:
    text = (
        "أسرى قيادات المتمردين بالعشرات\n\nأكد رئيس مجلس المقاومة الشعبية في عدن وكيل محافظة عدن نائف البكري "
        "لـ «عكاظ» وجود قيادات كبيرة من الحوثي لدى المقاومة ويجري التحقيق معهم، "
        "ولم يستبعد البكري أن يكون من ضمن القيادات الحوثية شقيق عبدالملك الحوثي. "
        "وقال: «هناك العشرات من الأسرى يجري التحقيق معهم»."
    )
    assert speakers(text) == ["البكري"]


def test_a_name_after_a_title_is_still_read_as_the_subject() -> None:
    # the same text with a title for a kinship noun: the last name named is the subject, as before
    text = (
        "أسرى قيادات المتمردين بالعشرات\n\nأكد رئيس مجلس المقاومة الشعبية في عدن وكيل محافظة عدن نائف البكري "
        "لـ «عكاظ» وجود قيادات كبيرة من الحوثي لدى المقاومة ويجري التحقيق معهم، "
        "ولم يستبعد البكري أن يكون من ضمن القيادات الحوثية القائد عبدالملك الحوثي. "
        "وقال: «هناك العشرات من الأسرى يجري التحقيق معهم»."
    )
    assert speakers(text) != ["البكري"]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        # the occupations of culture news are titles: the name after them speaks, not the title alone
        (
            "قرأت مقالة قديمة كتبها الناقد البريطاني رونالد برغن في صحيفة «ذ غارديان» يقول فيها: «معظم مراجعي الأفلام "
            "يتعاملون أساسًا مع محتوى الفيلم».",
            "رونالد برغن",
        ),
        ("وأخبر المؤرخ العسكري جيمس هولاند الصحيفة بأن العائلة المالكة كانت تمزح.", "جيمس هولاند"),
        ("وأعلن الموسيقار خالد حماد أن الحفل سيقام الأسبوع المقبل.", "خالد حماد"),
    ],
)
def test_an_occupation_of_culture_news_before_a_name_is_a_title(body: str, speaker: str) -> None:
    assert speakers(f"عنوان\n\n{body}") == [speaker]

"""How a speaker speaks is not who speaks: adverbs of manner ("بهدوء"، "بلا حماس"، "بلهجة آمرة"), a preposition on
a place or a common noun in a title's complement ("بجدة"، "لدول الخليج"، "بصحة الطائف") and words of time after a
name ("عقب") never open or lengthen a speaker's name."""

from __future__ import annotations

import pytest
from test_commentary import said

from arnews.core import grammar
from arnews.core.text import normalize
from arnews.quotes.speakers import speaker_problem


@pytest.mark.parametrize(
    "word",
    ["بهدوء", "ببساطة", "بغيظ", "بأسى", "بلهجة", "بصوته", "بلهجتها", "بلغتنا", "بلا", "وبهدوء", "بحماس", "بسخرية"],
)
def test_adverbs_of_manner_are_known(word: str) -> None:
    assert grammar.manner_adverb(normalize(word))
    assert grammar.is_stop(normalize(word))


@pytest.mark.parametrize("word", ["باسم", "بدر", "بندر", "بلاتر", "بوتين", "باراك", "بصل", "بهاء", "لافروف", "بيان"])
def test_names_and_nouns_that_open_with_b_are_not_adverbs(word: str) -> None:
    assert not grammar.manner_adverb(word)


@pytest.mark.parametrize("name", ["ببساطة", "بلهجة آمرة", "بغيظ", "بصوت شبه هامس", "بصحة"])
def test_a_manner_or_a_preposition_is_no_speaker(name: str) -> None:
    assert speaker_problem(name) is not None


@pytest.mark.parametrize("name", ["بدر عبدالعاطي", "باسم إبراهيم", "لوران فابيوس", "بلاتر", "لورا", "بندر بن سلطان"])
def test_names_that_open_with_b_or_l_are_speakers(name: str) -> None:
    assert speaker_problem(name) is None


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("وقال الوزير خالد العمري بهدوء: «لن نتراجع عن هذا القرار مهما كانت الضغوط».", "خالد العمري"),
        ("ورد المدرب سامي الجابر بسرعة: «الفريق قادر على العودة في المباراة المقبلة».", "سامي الجابر"),
        ("وقال لاكازيت عقب الفوز على ضيفه ميلان 2-1: «أريد البقاء في صفوف ليون هذا الموسم».", "لاكازيت"),
        (
            "وقال الناطق الإعلامي بصحة الطائف سراج الحميدان: «الهدف إدخال البهجة في قلوب المرضى والنزلاء».",
            "سراج الحميدان",
        ),
        (
            "أعرب الأمين العام لمجلس التعاون لدول الخليج العربية عبداللطيف بن راشد الزياني عن استغرابه، وقال: "
            "«هذه التصريحات تناقض ما يعلنه المسؤولون»",
            "عبداللطيف بن راشد الزياني",
        ),
        (
            "صرح بذلك مدير المستشفى الأستاذ عطية عبد ربه المالكي، وقال: «الحالات التي وصلت مستقرة ولله الحمد».",
            "عطية عبد ربه المالكي",
        ),
    ],
)
def test_the_speaker_is_named_around_the_adverb(body: str, speaker: str) -> None:
    found = [q for q in said(body) if q[0] == "direct"]
    assert found and found[-1][2] == speaker, found


@pytest.mark.parametrize(
    "body",
    [
        "وسألته عن الموعد، فقال ببساطة: «بعد الظهر إن شاء الله، لا تقلقي من شيء».",
        "ثم جاء الرد على الهاتف، وقالت بلهجة آمرة: «افتحوا الباب فورا ولا تتأخروا علينا».",
        "وسكت قليلا ثم قال بلا حماس: «ليس عندي ما أضيفه إلى ما قلته من قبل».",
    ],
)
def test_an_adverb_after_the_verb_is_never_the_speaker(body: str) -> None:
    for _, _, speaker in said(body):
        assert speaker is None or speaker_problem(speaker) is None, speaker


@pytest.mark.parametrize(
    ("body", "nobody"),
    [
        ("وكان زعيم الجماعة قد اعتبر آنذاك أن «تأسيس جيش آخر لا قيمة له في الغوطة».", "آنذاك"),
        ("ولما سألوها عن السبب قالت حينئذ إنها لم تعد تستطيع أن تكتب كما كانت تفعل.", "حينئذ"),
        ("وعن الأسعار قال أعتقد أنها مناسبة فليس هناك تغير في هذا الموسم.", "أعتقد"),
    ],
)
def test_a_time_adverb_or_a_verb_of_opinion_after_the_cue_is_nobody(body: str, nobody: str) -> None:
    assert said(body)
    assert all(speaker != nobody for _, _, speaker in said(body))
    assert speaker_problem(nobody) is not None


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("وقال العم عبدالله، أحد كبار السن بالمحافظة: «العيد في السابق كان بسيطا ويبدأ بعد الصلاة».", "عبدالله"),
        ("وقال العميد سمير الحاج: «المقاومة تتقدم في كل الجبهات رغم الحصار».", "سمير الحاج"),
    ],
)
def test_an_elder_called_uncle_is_named_and_a_family_name_stays_whole(body: str, speaker: str) -> None:
    found = [q for q in said(body) if q[0] == "direct"]
    assert found and found[-1][2] == speaker, found


def test_a_participle_of_repeating_speaks_for_its_sentence_s_subject() -> None:
    body = (
        "من جهته أعرب أنس الأهدل عضو هيئة التدريس بجامعة طيبة عن فخره بهذا الإنجاز، مرددًا: "
        "«عاشت مملكتنا الحبيبة وشاهت وجوه العدو»."
    )
    found = [q for q in said(body) if q[0] == "direct"]
    assert found and found[-1][2] == "أنس الأهدل", found


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            "وأنهى وزير الخارجية عادل الجبير كلمته أمام المؤتمر معقبا: «نحن مع الحل السياسي في اليمن».",
            "عادل الجبير",
        ),
        ("وكتب الكاتب منتصر الزيات في مقاله الأخير، شارحًا: «أهم ما كان يؤلمه هو السجن الطويل».", "منتصر الزيات"),
        ("ووقفت الوزيرة هند الصبيح أمام الصحفيين مستنكرةً: «كيف يحدث هذا في بلدنا؟».", "هند الصبيح"),
    ],
)
def test_a_participle_of_comment_or_explanation_speaks_for_its_sentence_s_subject(body: str, speaker: str) -> None:
    found = [q for q in said(body) if q[0] == "direct"]
    assert found and found[-1][2] == speaker, found


def test_a_participle_that_is_also_suspended_reports_nothing() -> None:
    # "معلقا" is also "suspended": "ظل المشروع معلقا إلى أن تم تمويله" is no report
    assert said("وظل المشروع معلقا إلى أن تم تمويله من الوزارة العام الماضي.") == []

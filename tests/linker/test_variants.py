"""Institution names with coordinated and governed nouns, shortened and bracketed names of one body, and the
extent of people's names (family names that are also words, given names that are also places)."""

from __future__ import annotations

import pytest

from arnews.models import Entity
from arnews.nlp import NerSpan
from docs_helpers import linked as entities
from docs_helpers import owner


def span(text: str, name: str, kind: str, nth: int = 0) -> NerSpan:
    at = -1
    for _ in range(nth + 1):
        at = text.index(name, at + 1)
    return NerSpan(name, at, at + len(name), kind)  # type: ignore[arg-type]


def names(found: tuple[Entity, ...]) -> set[str]:
    return {m.text for e in found for m in e.mentions}


# --- institution names ------------------------------------------------------------------------------------------


def test_a_coordinated_noun_after_a_complement_is_part_of_the_name() -> None:
    text = "وأعلنت الهيئة العامة للرياضة والترفيه الوطني عن برنامج جديد للشباب في المدن الكبرى."
    assert "الهيئة العامة للرياضة والترفيه الوطني" in names(entities(text))


def test_a_coordinated_body_is_a_second_body() -> None:
    text = "ووقعت الجمعية الخيرية للإسكان والهيئة العامة للعقار اتفاقية تعاون في الرياض."
    found = names(entities(text))
    assert "الجمعية الخيرية للإسكان" in found
    assert not any("والهيئة" in n for n in found)


def test_an_indefinite_head_governs_a_noun_before_its_genitive() -> None:
    text = "وقالت هيئة تنظيم النقل إن الأسعار الجديدة تبدأ الشهر المقبل."
    assert "هيئة تنظيم النقل" in names(entities(text))


def test_an_indefinite_adjective_is_not_governed() -> None:
    text = "وافتتحت جمعية خيرية الأسبوع الماضي فرعا جديدا في المدينة."
    assert not any("الأسبوع" in n for n in names(entities(text)))


def test_an_announcing_head_governs_only_a_frequent_noun() -> None:
    text = "وأكدت جمعية حماية المستهلك أن الشكاوى تراجعت."
    assert "جمعية حماية المستهلك" in names(entities(text))


# --- one body under several names ---------------------------------------------------------------------------------


def test_a_shortened_name_is_the_full_name() -> None:
    text = (
        "وهبطت الطائرة في مطار الملكة علياء الدولي صباح أمس.\n\n"
        "وقال مسؤول إن مطار الملكة علياء استقبل رحلات إضافية خلال الأسبوع."
    )
    ner = (span(text, "مطار الملكة علياء الدولي", "LOC"), span(text, "مطار الملكة علياء", "LOC", 1))
    found = entities(text, ner)
    assert owner(found, "مطار الملكة علياء") is owner(found, "مطار الملكة علياء الدولي")


@pytest.mark.parametrize(
    ("text", "variant", "name"),
    [
        (  # a head with its article and an adjective for its genitive
            "وأعلن صندوق التنمية الزراعية عن قروض جديدة للمزارعين.\n\nوأوضح أن الصندوق الزراعي سيبدأ الصرف قريبا.",
            "الصندوق الزراعي",
            "صندوق التنمية الزراعية",
        ),
        (  # the country and its adjective
            "وقالت الحكومة الإيطالية إنها ستدعم الخطة.\n\nوأضافت أن حكومة إيطاليا لن تقبل شروطا جديدة.",
            "حكومة إيطاليا",
            "الحكومة الإيطالية",
        ),
        (  # ل fused with the article
            "وتعمل الجمعية الخيرية لرعاية الأيتام منذ سنوات.\n\nوقدم رجال أعمال تبرعات للجمعية الخيرية لرعاية الأيتام.",
            "للجمعية الخيرية لرعاية الأيتام",
            "الجمعية الخيرية لرعاية الأيتام",
        ),
    ],
)
def test_a_reworded_name_is_the_same_body(text: str, variant: str, name: str) -> None:
    found = entities(text)
    assert owner(found, variant) is owner(found, name)


def test_two_bodies_sharing_a_beginning_keep_the_short_name_apart() -> None:
    text = "واجتمع المجلس الأعلى للقضاء والمجلس الأعلى للتعليم أمس.\n\nوقال المجلس الأعلى إن الاجتماع كان مثمرا."
    ner = (
        span(text, "المجلس الأعلى للقضاء", "ORG"),
        span(text, "المجلس الأعلى للتعليم", "ORG"),
        span(text, "المجلس الأعلى", "ORG", 2),
    )
    found = entities(text, ner)
    short = owner(found, "المجلس الأعلى")
    assert short is not owner(found, "المجلس الأعلى للقضاء")
    assert short is not owner(found, "المجلس الأعلى للتعليم")


def test_a_bracketed_acronym_joins_the_body_before_it() -> None:
    text = "وقدمت الوكالة الإيطالية للتعاون الإنمائي (AICS) مساعدات جديدة للمزارعين في المنطقة."
    ner = (span(text, "AICS", "ORG"),)
    found = entities(text, ner)
    assert owner(found, "AICS") is owner(found, "الوكالة الإيطالية للتعاون الإنمائي")


def test_a_bracketed_acronym_never_joins_a_kb_body_it_does_not_spell() -> None:
    text = "وقدمت منظمة الأغذية والزراعة للأمم المتحدة (FAO) مساعدات جديدة للمزارعين في المنطقة."
    ner = (span(text, "FAO", "ORG"),)
    found = entities(text, ner)
    assert owner(found, "FAO").wikidata != "Q1065"  # not the United Nations


# --- people ---------------------------------------------------------------------------------------------------------


def test_a_family_name_that_is_a_word_before_a_reported_clause() -> None:
    text = "وأكد الشيخ منصور الربح، أن المبادرة تخدم الأسر المحتاجة."
    ner = (span(text, "الشيخ منصور", "PER"),)
    assert "منصور الربح" in names(entities(text, ner))


def test_a_date_word_after_a_name_is_no_family_name() -> None:
    text = "وقال منصور اليوم، إن المبادرة تخدم الأسر المحتاجة."
    ner = (span(text, "منصور", "PER"),)
    assert "منصور اليوم" not in names(entities(text, ner))


def test_a_father_name_does_not_end_the_name() -> None:
    text = "وقال فيصل بن سعد الهلال إن الجمعية قدمت مساعدات كبيرة."
    ner = (span(text, "فيصل بن سعد الهلال", "PER"),)
    assert "فيصل بن سعد الهلال" in names(entities(text, ner))


def test_a_given_name_that_a_place_bears_begins_a_person() -> None:
    text = "وقدم الدكتور ناصر باعوم القائم بأعمال وزير الصحة شكره للفرق الطبية."
    ner = (span(text, "ناصر باعوم القائم", "PER"),)
    person = owner(entities(text, ner), "ناصر باعوم")
    assert person.type == "PER"


# --- royals and honorifics --------------------------------------------------------------------------------------


def test_a_kb_label_with_a_royal_title_is_the_name_as_written() -> None:
    text = "ووجه الملك سلمان بن عبد العزيز بإرسال المساعدات إلى المتضررين."
    ner = (span(text, "سلمان بن عبد العزيز", "PER"),)
    king = owner(entities(text, ner), "الملك سلمان بن عبد العزيز")
    assert king.wikidata == "Q367825"


def test_a_kb_person_reads_on_over_the_grandfather() -> None:
    text = "وقال الأمير محمد بن سلمان بن عبد العزيز إن البرنامج يبدأ العام المقبل."
    found = entities(text)
    prince = owner(found, "الأمير محمد بن سلمان بن عبد العزيز")
    assert prince.wikidata == "Q6892571"
    assert len(prince.mentions) == 1


def test_a_compound_name_gives_no_surname() -> None:
    text = "وأمر الملك سلمان بن عبد العزيز بصرف المكافآت. حفظه الله لهذا الوطن العزيز."
    assert "العزيز" not in names(entities(text))


def test_an_honorific_that_names_one_person_joins_him() -> None:
    text = (
        "وأمر خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز بصرف المكافآت.\n\n"
        "وشكر المواطنون خادم الحرمين الشريفين على دعمه."
    )
    found = entities(text)
    king = owner(found, "الملك سلمان بن عبدالعزيز")
    assert sum(m.text == "خادم الحرمين الشريفين" for m in king.mentions) == 1


def test_an_honorific_alone_is_a_person_and_no_one_else() -> None:
    text = "وحضر الحفل مستشار خادم الحرمين الشريفين الأمير خالد الفيصل أمير منطقة مكة المكرمة."
    found = entities(text)
    sole = owner(found, "خادم الحرمين الشريفين")
    assert sole.type == "PER"
    assert not any("خالد" in m.text for m in sole.mentions)


def test_two_kb_names_side_by_side_are_not_one_body() -> None:
    text = "بعدما منح البنك المركزي الأوروبي اليونان الضوء الأخضر لعودة العمليات."
    ner = (span(text, "البنك المركزي الأوروبي اليونان", "ORG"),)
    found = entities(text, ner)
    assert owner(found, "البنك المركزي الأوروبي").wikidata == "Q8901"
    assert owner(found, "اليونان").wikidata == "Q41"


def test_a_name_ending_in_an_adjective_stays_whole() -> None:
    text = "وأعلنت أرامكو السعودية عن اكتشافات جديدة في المنطقة الشرقية."
    ner = (span(text, "أرامكو السعودية", "ORG"),)
    assert "أرامكو السعودية" in names(entities(text, ner))


# --- heads that need more, places the KB lacks ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("وأعلنت الإدارة العامة للمرور عن حملة جديدة في المدن.", "الإدارة العامة للمرور"),
        ("وتحتفظ دار الوثائق القومية بالسجلات منذ عقود.", "دار الوثائق القومية"),
        ("وشارك المركز الإعلامي للمقاومة بيانا عن المعارك.", "المركز الإعلامي للمقاومة"),
    ],
)
def test_a_weak_head_with_a_full_description_names_a_body(text: str, name: str) -> None:
    found = entities(text)
    assert owner(found, name).type == "ORG"


@pytest.mark.parametrize(
    "text",
    [
        "وناقشت إدارة النادي الأهلي العقد الجديد مع اللاعب.",  # the club's management
        "وتحدث المدير عن إدارة الأزمة بهدوء.",  # one genitive: an everyday phrase
        "وقررت الإدارة الجديدة للنادي تغيير المدرب.",  # a state, not a name
        "وشكلت الوزارة لجنة للتحقيق في الحادث.",  # a body described, not named
    ],
)
def test_a_weak_or_indefinite_head_alone_names_no_body(text: str) -> None:
    found = names(entities(text))
    assert not any(n.startswith(("إدارة", "الإدارة", "لجنة")) for n in found), found


def test_a_place_noun_names_a_place_with_one_definite_word() -> None:
    text = "ووصلت القوافل إلى منفذ الوديعة بعد أن انطلقت من حي الملز صباحا."
    found = entities(text)
    assert owner(found, "منفذ الوديعة").type == "LOC"
    assert owner(found, "حي الملز").type == "LOC"


def test_a_city_the_kb_lacks_is_read_in_a_place_context() -> None:
    text = "وتجمع المهاجرون في كاليه منذ أسابيع، وزار الوزير برنامج الأسر المنتجة بعرعر، ثم عاد."
    found = entities(text)
    assert owner(found, "كاليه").type == "LOC"
    assert owner(found, "عرعر").wikidata is None


@pytest.mark.parametrize(
    "text",
    [
        "وقال المدرب إن اللاعبين في معسكر الفريق بخير.",  # an everyday noun GeoNames also has
        "وأكد باولو سيزار أن الفريق جاهز.",  # ب is part of the name
        "ومنح البنك القرض بقيمة مليار وخمسمئة بليون.",  # a number word
    ],
)
def test_the_gazetteer_reads_no_everyday_word(text: str) -> None:
    assert not any(e.type == "LOC" and e.wikidata is None for e in entities(text))


def test_a_board_of_a_company_and_a_kingdom_spoken_of_are_no_names() -> None:
    found = names(entities("وقرر مجلس إدارة الشركة توزيع الأرباح. وظلت هذه المملكة قائمة قرونا في جدة والدمام."))
    assert not any(n.startswith("مجلس إدارة") for n in found)
    assert "المملكة" not in found


def test_a_two_word_city_is_not_read_from_its_second_word() -> None:
    found = entities("ساو باولو ( البرازيل ) - أعلن النادي عن صفقة جديدة.")
    assert "اولو" not in names(found)


def test_a_given_name_behind_a_preposition_opens_a_person() -> None:
    found = entities("وقدمت إدارة النادي عرضا رسميا ليحيى المسلم لاعبها السابق.")
    assert owner(found, "يحيى المسلم").type == "PER"

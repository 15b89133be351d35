"""Donations: money given, raised, pledged or granted, and what is not (prices, salaries, loans, budgets)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from arnews.donations import extract_donations
from arnews.models import DateMention, Donation, Entity, Mention
from arnews.money import extract_money
from arnews.parser import parse_structure
from arnews.text import view


def donations(
    text: str, entities: tuple[Entity, ...] = (), dates: tuple[DateMention, ...] = ()
) -> tuple[Donation, ...]:
    v = view(text)
    structure = parse_structure(v)
    return extract_donations(v, structure, extract_money(v, structure), entities, dates)


def article(*paragraphs: str, title: str = "خبر عن حملة لجمع التبرعات") -> str:
    return title + "\n\n" + "\n\n".join(paragraphs)


@pytest.mark.parametrize(
    ("paragraph", "value", "currency"),
    [
        ("وتبرع رجل الأعمال خالد العلي بمبلغ 5 ملايين ريال للجمعية الخيرية.", 5_000_000, "SAR"),
        ("وقدمت المملكة مساعدات بقيمة 100 مليون دولار للاجئين السوريين.", 100_000_000, "USD"),
        ("وأعلن الصندوق عن منحة قدرها مليونا يورو لدعم المدارس.", 1_000_000, "EUR"),
        ("وتعهدت الدول المانحة بتقديم 3 مليارات دولار لإعادة الإعمار.", 3_000_000_000, "USD"),
        ("وجمعت الحملة أكثر من 200 مليون دولار في أسبوع واحد.", 200_000_000, "USD"),
        ("وبلغت حصيلة التبرعات نحو 40 مليون ريال.", 40_000_000, "SAR"),
        ("وقدم الأمير 10 ملايين ريال تبرعا للمستشفى.", 10_000_000, "SAR"),
        ("وحصلت الجمعية على دعم مالي بقيمة 500 ألف درهم من المتبرعين.", 500_000, "AED"),
    ],
)
def test_donations_found(paragraph: str, value: int, currency: str) -> None:
    found = donations(article(paragraph))
    assert [(d.amount.value, d.amount.currency) for d in found] == [(Decimal(value), currency)]
    d = found[0]
    assert d.evidence.text in paragraph
    assert d.amount.text in d.evidence.text


@pytest.mark.parametrize(
    "paragraph",
    [
        "وبلغ سعر البرميل 60 دولارا في تداولات الأمس.",  # a price
        "ويبلغ راتب الموظف الجديد 12 ألف ريال شهريا.",  # a salary
        "وحصلت الشركة على قرض بقيمة 500 مليون دولار من البنك.",  # a loan
        "وأقرت الحكومة ميزانية بقيمة 900 مليار ريال للعام المقبل.",  # a budget
        "وحققت الشركة أرباحا صافية بلغت 3 مليارات ريال.",  # profits
        "وضخت الشركة استثمارات بقيمة مليار دولار في المصنع.",  # an investment
        "وفرضت الهيئة غرامة قدرها 100 ألف ريال على المخالف.",  # a fine
        "وبلغت الاحتياطيات الأجنبية 700 مليار دولار.",  # reserves
        "وبلغت إيرادات المبيعات 20 مليون جنيه.",  # revenue
        "وغرم الاتحاد النادي 100 ألف يورو ومنحه مهلة ثلاثة أيام للاستئناف.",  # a fine, then another clause
        "وتعهد البنك المركزي بشراء سندات بقيمة 700 مليار دولار.",  # a purchase
        "وبلغت إعانة الأرز حوالي 2.4 مليون ريال.",  # a subsidy
    ],
)
def test_not_donations(paragraph: str) -> None:
    # even in an article that speaks of donations elsewhere
    text = article("وتبرع المواطنون للحملة الخيرية بسخاء.", paragraph)
    assert extract_money(view(text), parse_structure(view(text)))  # the amount is money...
    assert donations(text) == ()  # ...but no donation


def test_weak_trigger_needs_a_fundraising_article() -> None:
    text = "الشركة تحقق نتائج قوية\n\nوحققت الشركة 5 ملايين دولار في الربع الأول وقدمت 2 مليون دولار لسداد الديون."
    assert donations(text) == ()


def test_vague_amount_is_no_donation_record() -> None:
    assert donations(article("ويجمع المتطوعون ملايين الدولارات للمتضررين.")) == ()


def test_organizer_recipient_participants_in_one_sentence() -> None:
    text = article(
        "وفي اليوم التالي، حققت مكالمة هاتفية أجرتها منظمة Win With Black Men أكثر من 1.5 مليون دولار "
        "بمشاركة 53 ألف مشارك لصالح المرشحة سارة الأحمد.",
        title="منظمون يجمعون ملايين الدولارات لصالح سارة الأحمد",
    )
    (d,) = donations(text)
    assert d.amount.value == 1_500_000
    assert d.amount.qualifier == "more_than"
    assert d.organizer is not None and "Win With Black Men" in d.organizer.name
    assert d.recipient is not None and d.recipient.name.startswith("المرشحة سارة الأحمد")
    assert d.participants is not None
    assert (d.participants.value, d.participants.text) == (53_000, "53 ألف مشارك")
    assert text[d.participants.start : d.participants.end] == d.participants.text
    assert text[d.evidence.start : d.evidence.end] == d.evidence.text


def test_organizer_from_the_previous_paragraph_and_participants_from_the_previous_sentence() -> None:
    text = article(
        "كانت منظمة «أمهات من أجل الغد» واحدة من أولى المنظمات التي عقدت مكالمة هاتفية.",
        "انضمت أكثر من 44 ألف امرأة إلى الدعوة. وكانت النتيجة جمع تبرعات بقيمة 2 مليون دولار.",
        title="ناشطون يجمعون التبرعات لصالح المستشفى الجامعي",
    )
    (d,) = donations(text)
    assert d.organizer is not None and d.organizer.name == "أمهات من أجل الغد"
    assert d.participants is not None
    assert (d.participants.value, d.participants.qualifier) == (44_000, "more_than")
    assert d.recipient is not None and d.recipient.name == "المستشفى الجامعي"  # the article's beneficiary


def test_organizer_named_after_a_frame_verb() -> None:
    text = article("كما ساعدت ليلى حسن في تنظيم مكالمة لصالح الجمعية والتي حضرها 10000 شخص وتم جمع 300000 دولار.")
    (d,) = donations(text)
    assert d.organizer is not None and d.organizer.name == "ليلى حسن"
    assert d.recipient is not None and d.recipient.name == "الجمعية والتي"[:7]
    assert d.participants is not None and d.participants.value == 10_000


def test_recipient_of_a_campaign() -> None:
    (d,) = donations(article("وتبرع المواطنون بمبلغ 70 ألف ريال لحملة إغاثة المنكوبين في اليمن."))
    assert d.recipient is not None and d.recipient.name.startswith("حملة إغاثة المنكوبين")


def test_entities_fill_the_references() -> None:
    text = article("وأعلنت جمعية البر أنها جمعت 3 ملايين ريال لصالح الأيتام.")
    start = text.index("جمعية البر")
    org = Entity(
        id="Q1", name="جمعية البر", type="ORG", wikidata="Q1",
        mentions=(Mention("جمعية البر", start, start + len("جمعية البر")),),
    )  # fmt: skip
    (d,) = donations(text, entities=(org,))
    assert d.organizer is not None
    assert (d.organizer.entity, d.organizer.wikidata) == ("Q1", "Q1")


def test_date_in_the_same_sentence() -> None:
    text = article("وجمعت الحملة يوم الأحد 5 ملايين دولار.")
    start = text.index("يوم الأحد")
    date = DateMention("يوم الأحد", start, start + len("يوم الأحد"), value="2024-07-28")
    (d,) = donations(text, dates=(date,))
    assert d.date == "2024-07-28"


def test_donor_after_a_giving_verb() -> None:
    (d,) = donations(article("وتبرع رجل الأعمال خالد العلي بمبلغ 5 ملايين ريال."))
    assert d.donor is not None and d.donor.name == "رجل الأعمال خالد العلي"


def test_no_money_no_donations() -> None:
    assert donations(article("وقال المتحدث إن حملة التبرعات مستمرة.")) == ()
    assert donations("") == ()


def test_hostile_input_stays_linear() -> None:
    text = article("وجمعت " + "تبرعات 5 دولار و" * 1000 + " لصالح " * 1000)
    found = donations(text)
    assert len(found) == 1000
    assert all(text[d.evidence.start : d.evidence.end] == d.evidence.text for d in found[:50])

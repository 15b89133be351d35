"""Donations: money given, raised, pledged or granted, and what is not (prices, salaries, loans, budgets)."""

from __future__ import annotations

from decimal import Decimal

import pytest

import arnews.document
from arnews.core.tokens import Token, tokenize
from arnews.models import DateMention, Donation, Entity, Mention
from arnews.money import extract_money
from arnews.money.donation_triggers import SentenceTokens, Window
from arnews.money.donations import extract_donations
from docs_helpers import make_doc


def donations(
    text: str, entities: tuple[Entity, ...] = (), dates: tuple[DateMention, ...] = ()
) -> tuple[Donation, ...]:
    doc = make_doc(text, entities=entities, dates=dates)
    doc.money = extract_money(doc)
    return extract_donations(doc)


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
    assert extract_money(make_doc(text))  # the amount is money...
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


def test_one_givers_recipient_is_not_the_beneficiary_of_the_other_donations() -> None:
    text = article(
        "أعلنت جمعية البر الخيرية أن حملتها الرمضانية جمعت أكثر من 12 مليون ريال بمشاركة 53 ألف متبرع.",
        "وتبرع رجل الأعمال خالد العتيبي بمبلغ 500 ألف ريال لصالح مستشفى الملك فهد.",
        title="حملة خيرية تجمع 12 مليون ريال",
    )
    total, gift = donations(text)
    assert total.organizer is not None and total.organizer.name == "جمعية البر الخيرية"
    assert total.recipient is None  # the hospital is the businessman's recipient, not the campaign's
    assert gift.recipient is not None and gift.recipient.name == "مستشفى الملك فهد"
    assert gift.donor is not None and gift.donor.name.endswith("خالد العتيبي")


@pytest.mark.parametrize(
    "sentence",
    [
        "وأوضح النادي أن العرض المالي المعروض على المدرب يبلغ ثلاثة ملايين دولار سنويا مع منحه الصلاحيات كاملة.",
        "وتبلغ قيمة العقد مليوني دولار سنويا، مع منحه الفرصة كاملة لاختيار مساعديه.",
    ],
)
def test_an_offer_to_a_coach_is_not_a_donation(sentence: str) -> None:
    assert donations(article(sentence, title="المدرب يوافق على العرض")) == ()


def test_the_receiver_after_a_participle_of_giving() -> None:
    (d,) = donations(article("وتبلغ قيمة المساعدات العسكرية المقدمة إلى إسرائيل 3 مليارات دولار سنويا."))
    assert d.recipient is not None and d.recipient.name == "إسرائيل"


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
    text = article("وجمعت " + "".join(f"تبرعات {n} دولار و" for n in range(1, 1001)) + " لصالح " * 1000)
    found = donations(text)
    assert len(found) == 1000  # a thousand different gifts
    repeated = donations(article("وجمعت " + "تبرعات 5 دولار و" * 1000))
    assert len(repeated) == 1  # one gift stated a thousand times
    assert all(text[d.evidence.start : d.evidence.end] == d.evidence.text for d in found[:50])


# --- what makes a fundraising context, and what is not a donation ------------------------------------------------


def test_a_call_a_party_or_a_campaign_is_no_fundraising_context() -> None:
    text = (
        "شركة الاتصالات تطلق حملة ترويجية جديدة\n\n"
        "وقال المدير في حفل الإطلاق إن الشركة حصلت على 20 مليون دولار من الحملة خلال أسبوع، "
        "وإن المكالمات الدولية زادت بعد الدعوة التي وجهتها للعملاء."
    )
    assert extract_money(make_doc(text))
    assert donations(text) == ()


@pytest.mark.parametrize(
    "paragraph",
    [
        "وجمعت الشركة الناشئة 526 مليون دولار في جولة تمويل قادها صندوق سيادي.",  # an investment round
        "ومنحت المؤسسة جائزة قيمتها 100 ألف دولار للفائز بالمسابقة.",  # a prize
        "ومنح القاضي المتضررين تعويضا قدره 2 مليون ريال.",  # compensation
        "وقدمت الوزيرة استقالتها بعد إنفاقها أكثر من خمسة آلاف دولار لحضور حفل لجمع التبرعات.",  # spending
        "وبحسب معلومات جمعتها الشرطة دفع كل مهاجر 1500 دولار للمهربين.",  # a payment
        "ويمنح القانون ورثة المقيم إعفاء ضريبيا حتى مليون إسترليني.",  # a tax exemption
    ],
)
def test_investments_prizes_compensation_and_payments_are_not_donations(paragraph: str) -> None:
    text = article("وتبرع المواطنون للحملة الخيرية بسخاء.", paragraph)
    assert extract_money(make_doc(text))
    assert donations(text) == ()


def test_a_weak_trigger_takes_its_context_from_the_next_sentence_of_its_paragraph() -> None:
    text = article(
        "وانضم أكثر من 4000 طالب إلى اللقاء الافتتاحي، وحصلوا على أكثر من 142 ألف دولار. "
        "ومن المقرر جمع المزيد من التبرعات هذا الخريف.",
        title="طلاب الجامعة يساندون المرشحة",
    )
    (d,) = donations(text)
    assert d.amount.value == 142_000
    assert d.amount.qualifier == "more_than"
    assert d.evidence.text.startswith("وحصلوا على")


def test_a_weak_trigger_far_from_any_fundraising_word_is_no_donation() -> None:
    text = article(
        "وحصل النادي على 3 ملايين دولار من حقوق البث التلفزيوني هذا الموسم.",
        "وفي سياق آخر، أعلن المدرب تشكيلة الفريق للمباراة المقبلة.",
        "وتبرع اللاعبون بملابسهم لجمعية خيرية في ختام الموسم.",
        title="النادي يستعد للموسم الجديد",
    )
    assert donations(text) == ()


def test_a_fundraising_headline_makes_weak_triggers_count_in_the_whole_article() -> None:
    body = "وحققت الحملة الإلكترونية 3 ملايين ريال في يومها الأول، وشارك فيها آلاف المغردين."
    (d,) = donations("متطوعون يجمعون ملايين الريالات لصالح مرضى السرطان\n\n" + body)
    assert d.amount.value == 3_000_000
    # a headline whose verb is itself weak ("تحقق") tells of no fundraising
    assert donations("الشركة تحقق ملايين الريالات في الربع الأول\n\n" + body) == ()


def test_a_quoted_name_in_the_donations_own_sentence_is_its_organizer() -> None:
    text = article("انضمت أكثر من 7000 امرأة إلى لقاءات “أمهات من أجل التعليم”، وجمعن أكثر من 168 ألف دولار.")
    (d,) = donations(text)
    assert d.organizer is not None and d.organizer.name == "أمهات من أجل التعليم"
    assert d.participants is not None and d.participants.value == 7000


def test_each_sentence_is_tokenised_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The article's normal form is tokenised once, for every stage (:meth:`arnews.document.Doc.norm_tokens`): the
    donation stage slices each sentence's tokens from it instead of tokenising the sentence again."""
    calls: list[tuple[int, int | None]] = []

    def counting(norm: str, start: int = 0, end: int | None = None) -> list[Token]:
        calls.append((start, end))
        return tokenize(norm, start, end)

    monkeypatch.setattr(arnews.document, "tokenize", counting)
    paragraph = (
        "وتبرع رجل الأعمال خالد العلي بمبلغ 5 ملايين ريال، وتبرعت شقيقته بمليون ريال، "
        "وتبرع والدهما بمبلغ 3 ملايين ريال للجمعية الخيرية. وجمعت الحملة 10 ملايين ريال في يومها الأول."
    )
    found = donations(article(paragraph))
    assert len(found) == 4
    assert calls == [(0, None)]  # the whole normal form, once: no sentence tokenised again
    doc = make_doc(article(paragraph))
    sentences = [Window(s, e, region) for s, e, region in doc.norm_sentences]
    tokens = SentenceTokens(doc.view.norm, sentences, doc.norm_tokens)
    for index, sentence in enumerate(sentences):
        sliced = tokens.within(index, sentence.start, sentence.end)
        assert sliced and all(
            a is b for a, b in zip(sliced, doc.norm_tokens(sentence.start, sentence.end), strict=True)
        )


@pytest.mark.parametrize(
    "paragraph",
    [
        "وأسست الشركة صندوقا جمعت 1.3 مليار دولار للاستثمار في شركات التقنية الحيوية.",  # ل + ال fused: لل
        "ويجمع التنظيم نحو 40 مليون دولار شهريا من بيع النفط المهرب.",  # sales
        "وجمعت صاحبة الشركة الناشئة نحو مليوني دولار من المستثمرين خلال يومين.",  # investors
        "ووعد المرشح أمام تجمع انتخابي بتخصيص 5.8 مليار دولار لتنمية الولاية.",  # a rally, not "she raises"
    ],
)
def test_sales_investors_and_rallies_are_not_donations(paragraph: str) -> None:
    text = article("وتبرع المواطنون للحملة الخيرية بسخاء.", paragraph)
    assert donations(text) == ()


def test_a_campaign_to_raise_funds_is_a_fundraising_context() -> None:
    text = (
        "الوكالة الأممية تحذر من انتشار المرض\n\n"
        "وأطلقت الوكالة حملة لجمع الأموال بقيمة 20 مليون دولار من أجل أنشطة الوقاية والاستجابة للمرض."
    )
    (d,) = donations(text)
    assert d.amount.value == 20_000_000


def test_an_election_campaign_is_a_fundraising_context() -> None:
    text = (
        "المرشحة تكثف حملتها الانتخابية في الولايات المتأرجحة\n\n"
        "وتمكنت المرشحة من جمع نحو 45 مليون دولار بين أبريل ويوليو الماضيين، بحسب مسؤولي الحملة الانتخابية."
    )
    (d,) = donations(text)
    assert (d.amount.value, d.amount.qualifier) == (Decimal(45_000_000), "about")
    # the same sentence with a plain advertising campaign is no fundraising
    plain = text.replace("حملتها الانتخابية", "حملتها الإعلانية").replace("الحملة الانتخابية", "الحملة الإعلانية")
    assert donations(plain) == ()


def test_a_near_trigger_gives_money_only_right_before_it() -> None:
    text = article("أعلنت الجمعية أن حملتها تجمع أكثر من 12 مليون ريال للأسر المحتاجة.", title="حملة خيرية")
    assert [d.amount.text for d in donations(text)] == ["12 مليون ريال"]
    rally = article(
        "وشارك الوزير في تجمع انتخابي حاشد في المدينة، ثم أعلن أن المشروع يكلف 5 ملايين ريال.", title="حملة خيرية"
    )
    assert donations(rally) == ()


# --- aid packages, breakdowns, charities, roles from the clause -------------------------------------------------

AID_TITLE = "الاتحاد الأوروبي يقر مساعدات للدول التي تستقبل المهاجرين"


def _by_value(found: tuple[Donation, ...]) -> dict[int, Donation]:
    return {int(d.amount.value or 0): d for d in found}


def test_an_aid_package_and_its_breakdown_are_each_a_donation() -> None:
    text = article(
        "أقرت المفوضية الأوروبية مساعدات بقيمة 2.4 مليار يورو لدول منها اليونان وإيطاليا.",
        "ستحصل إيطاليا على النسبة الأكبر من المساعدات نحو (560 مليون يورو) في حين تحصل اليونان على 473 مليون يورو.",
        title=AID_TITLE,
    )
    found = _by_value(donations(text))
    assert set(found) == {2_400_000_000, 560_000_000, 473_000_000}
    assert found[2_400_000_000].recipient is not None and found[2_400_000_000].recipient.name.startswith("دول")
    assert found[560_000_000].recipient is not None and found[560_000_000].recipient.name == "إيطاليا"
    assert found[473_000_000].recipient is not None and found[473_000_000].recipient.name == "اليونان"
    assert found[560_000_000].amount.qualifier == "about"


def test_a_list_of_shares_continues_the_donation_before_it() -> None:
    text = article(
        "وقدمت الولايات المتحدة منحة إضافية بمبلغ 65 مليون دولار لبرنامج الغذاء العالمي.",
        "وقال البيان إن المبلغ المخصص للاجئين في الأردن هو أكثر من 245 مليون دولار، ويتجاوز 311 مليون دولار"
        " للبنان، وأكثر من 75 مليون دولار لتركيا.",
        title=AID_TITLE,
    )
    found = _by_value(donations(text))
    assert {245_000_000, 311_000_000, 75_000_000} <= set(found)
    assert found[311_000_000].recipient is not None and found[311_000_000].recipient.name == "لبنان"
    assert found[75_000_000].recipient is not None and found[75_000_000].recipient.name == "تركيا"
    assert found[65_000_000].recipient is not None and found[65_000_000].recipient.name == "برنامج الغذاء العالمي"


def test_a_share_names_its_receiver() -> None:
    text = article(
        "وقدمت الولايات المتحدة منحة بمبلغ 65 مليون دولار لبرنامج الغذاء العالمي.",
        "وأشار البيان إلى أن حصة الأردن من هذا المبلغ تقدر بنحو 21.3 مليون دولار.",
        title=AID_TITLE,
    )
    found = _by_value(donations(text))
    assert found[21_300_000].recipient is not None and found[21_300_000].recipient.name == "الأردن"
    assert found[21_300_000].amount.qualifier == "about"


CHARITY_TITLE = "جمعية البر الخيرية توزع المساعدات في رمضان"


@pytest.mark.parametrize(
    ("paragraph", "value", "recipient"),
    [
        ("وزعت جمعية البر الخيرية 2500 سلة رمضانية للأسر المحتاجة، بلغت تكلفتها الإجمالية نصف مليون ريال.", 500_000,
         "للأسر المحتاجة"),
        ("وأوضح مدير الجمعية أن البرنامج شمل توزيع زكاة الفطر على 4154 أسرة مستحقة بتكلفة إجمالية وصلت 151.980 ريال.",
         151_980, "4154 أسرة"),
        ("وقامت الجمعية بكسوة العيد لعدد 457 يتيم بقيمة إجمالية بلغت (91.400 ريال).", 91_400, "457 يتيم"),
        ("وتم تأثيث 148 منزل لأسر الأيتام عبر الجمعية بقيمة إجمالية مقدارها (454.570 ريال).", 454_570, "148 منزل"),
    ],
)  # fmt: skip
def test_what_a_charity_hands_out_is_given_at_its_stated_value(paragraph: str, value: int, recipient: str) -> None:
    found = _by_value(donations(article(paragraph, title=CHARITY_TITLE)))
    assert value in found
    gift = found[value]
    assert gift.recipient is not None and gift.recipient.name == recipient
    assert gift.organizer is not None and "جمعية" in gift.organizer.name


def test_a_charity_spending_is_a_donation_and_a_project_cost_is_not() -> None:
    found = donations(
        article("وأعلنت الجمعية أن مشاريعها في المنطقة كثيرة.", title="“نفع” الخيرية تنفق ثلاثة ملايين ريال في رمضان")
    )
    assert [int(d.amount.value or 0) for d in found] == [3_000_000]
    project = article(
        "وأعلنت الأمانة بدء تنفيذ مشروع الطريق الدائري بتكلفة إجمالية بلغت 310 ملايين ريال.",
        title="الأمانة تبدأ مشروع الطريق الدائري",
    )
    assert donations(project) == ()


def test_aid_paid_as_loans_is_no_donation() -> None:
    text = article(
        "حول الاتحاد الأوروبي مساعدات جديدة بقيمة 600 مليون يورو إلى أوكرانيا. وتعد هذه الأموال جزءا من"
        " الميزانية المشتركة ويتم صرفها في صورة قروض متوسطة الأجل.",
        title="الاتحاد الأوروبي يحول مساعدات إلى أوكرانيا",
    )
    assert donations(text) == ()
    granted = article("حول الاتحاد الأوروبي مساعدات جديدة بقيمة 600 مليون يورو إلى أوكرانيا.", title="مساعدات أوروبية")
    assert [int(d.amount.value or 0) for d in donations(granted)] == [600_000_000]


def test_the_headline_repeating_the_body_is_one_donation_with_its_evidence_in_the_body() -> None:
    text = article(
        "جمع تحالف “حركة ألمانيا تساعد” 24 مليون يورو لمساعدة نيبال عقب الزلزال.",
        title="تحالف ألماني يجمع 24 مليون يورو لمساعدة نيبال",
    )
    found = donations(text)
    assert len(found) == 1
    assert found[0].evidence.start > text.index("\n")  # in the body
    assert found[0].recipient is not None and found[0].recipient.name == "نيبال"


def test_a_giving_verb_after_its_subject_names_the_receiver_after_it() -> None:
    text = article(
        "يذكر أن وزارة الشؤون الاجتماعية منحت جمعية البر الخيرية هذا العام مبلغ 4,100,000 ريال للقيام بأعمالها.",
        title=CHARITY_TITLE,
    )
    (gift,) = donations(text)
    assert gift.recipient is not None and gift.recipient.name.startswith("جمعية البر الخيرية")


def test_contributing_to_an_economy_and_transferring_assets_are_no_gifts() -> None:
    text = article(
        "وقدمت الولايات المتحدة منحة بمبلغ 65 مليون دولار لبرنامج الغذاء العالمي، بينما يساهم البرنامج أيضا بنحو"
        " مليار دولار في اقتصاد الأردن ولبنان.",
        "ومن شروط حزمة المساعدات نقل أصول بقيمة 50 مليار يورو إلى صندوق خاص.",
        title=AID_TITLE,
    )
    assert [int(d.amount.value or 0) for d in donations(text)] == [65_000_000]


def test_roles_are_noun_phrases_never_verb_fragments() -> None:
    text = article(
        "وخصصت الجمعية الاحتياجات اللازمة للأسر، ومنها قسائم شرائية بقيمة 500 ريال ليتمكن المستفيد من شراء ما يحتاجه.",
        title=CHARITY_TITLE,
    )
    (gift,) = donations(text)
    assert gift.recipient is None or not gift.recipient.name.startswith("يتمكن")


@pytest.mark.parametrize(
    "paragraph",
    [
        "وأوصى مجلس الإدارة الجمعية العمومية بتوزيع أرباح نقدية توازي 10% من رأس المال والبالغ قيمتها 550 مليون درهم.",
        "ونفذت الأوقاف مشروعات خيرية في الخارج، ووزعت سلالا بتكلفة إجمالية لهذه المشروعات بلغت 92.3 مليون ريال.",
        "ووافق المجلس على اتفاقيات للبحث عن البترول بإجمالي منح توقيع تقدر بـ73 مليون دولار.",
        "وتم منحه راتبا أساسيا بلغ 25 ألف ريال وبدل نقل 900 ريال.",
    ],
)  # fmt: skip
def test_dividends_project_costs_signing_bonuses_and_allowances_are_no_gifts(paragraph: str) -> None:
    assert donations(article(paragraph, title=CHARITY_TITLE)) == ()


@pytest.mark.parametrize(
    "paragraph",
    [
        "وتراجع خام برنت لتسليم أغسطس دون 50 دولارا للبرميل وسط تخمة المعروض.",
        "ووقع المدرب عقد سنوي يمنح بيلسا الحق في الحصول على ما هو أكثر من ثلاثة ملايين دولار.",
        "ومنحت الحكومة 60 ألف جنيه (نحو 7600 دولار) تعويضا لأسرة كل متوفى.",
    ],
)
def test_oil_prices_contracts_and_compensation_are_no_gifts(paragraph: str) -> None:
    assert donations(article("وقدمت المملكة مساعدات للمتضررين.", paragraph, title="مساعدات للمتضررين")) == ()


def test_a_giving_masdar_ends_the_giver_before_it() -> None:
    (gift,) = donations(article("وتعهدت الكويت بتقديم 10 ملايين دولار لدعم اللاجئين.", title="مساعدات للاجئين"))
    assert gift.donor is not None and gift.donor.name == "الكويت"

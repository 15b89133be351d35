"""Monetary amounts in Arabic news: values, ISO 4217 codes, qualifiers, ranges and exact offsets."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from arnews.core.text import view
from arnews.models import Money
from arnews.money import extract_money
from arnews.money.amounts import find_amounts, to_money
from arnews.money.currencies import adjective_forms
from docs_helpers import make_doc


def amounts(text: str) -> list[Money]:
    v = view(text)
    return [to_money(v, a) for a in find_amounts(v.norm)]


# (sentence, span text, value, currency, qualifier): each sentence holds exactly one amount
TABLE: list[tuple[str, str, str | None, str, str | None]] = [
    # digits and scale words
    ("تم جمع أكثر من 15 مليون دولار من خلال التجمعات", "15 مليون دولار", "15000000", "USD", "more_than"),
    ("وكانت النتيجة جمع تبرعات بقيمة 2 مليون دولار", "2 مليون دولار", "2000000", "USD", None),
    ("حققت المكالمة أكثر من 1.5 مليون دولار", "1.5 مليون دولار", "1500000", "USD", "more_than"),
    ("وتم جمع 300000 دولار في ليلة واحدة", "300000 دولار", "300000", "USD", None),
    ("وجمعن أكثر من 168 ألف دولار", "168 ألف دولار", "168000", "USD", "more_than"),
    ("رصدت الحكومة 20 مليار ريال للمشاريع", "20 مليار ريال", "20000000000", "SAR", None),
    ("بلغت الإيرادات 3.5 مليار ريال سعودي", "3.5 مليار ريال سعودي", "3500000000", "SAR", None),
    ("بقيمة 500 ألف درهم", "500 ألف درهم", "500000", "AED", None),
    ("بلغت قيمة الصفقة 1,200,000 دولار", "1,200,000 دولار", "1200000", "USD", None),
    ("بلغت قيمة الصفقة 1.200.000 يورو", "1.200.000 يورو", "1200000", "EUR", None),
    ("بيعت اللوحة بـ 45 مليون جنيه إسترليني", "45 مليون جنيه إسترليني", "45000000", "GBP", None),
    ("قيمة القرض 10 000 000 ريال", "10 000 000 ريال", "10000000", "SAR", None),
    ("سعر الغرام 150.5 ريال", "150.5 ريال", "150.5", "SAR", None),
    ("بسعر 1.500 ريال للقطعة", "1.500 ريال", "1500", "SAR", None),
    ("بلغت 1.500 مليون دولار", "1.500 مليون دولار", "1500000", "USD", None),
    ("خصص ب(50) مليون ريال للمشروع", "(50) مليون ريال", "50000000", "SAR", None),
    ("ارتفع رأس المال إلى 536ر15 مليون جنيه", "536ر15 مليون جنيه", "15536000", "EGP", None),
    ("وسجلت الأرباح 25ر3 مليار جنيه مصري", "25ر3 مليار جنيه مصري", "3250000000", "EGP", None),
    ("ويبلغ الراتب 12 ألف ريال شهريا", "12 ألف ريال", "12000", "SAR", None),
    ("بقيمة 750 مليون يورو", "750 مليون يورو", "750000000", "EUR", None),
    ("تكلفة المشروع 2 تريليون ين", "2 تريليون ين", "2000000000000", "JPY", None),
    ("ضخ البنك 400 مليار يوان", "400 مليار يوان", "400000000000", "CNY", None),
    ("باع 80 مليون روبية هندية", "80 مليون روبية هندية", "80000000", "INR", None),
    ("بلغت 5 ملايين روبية باكستانية", "5 ملايين روبية باكستانية", "5000000", "PKR", None),
    ("بقيمة 300 مليون روبل", "300 مليون روبل", "300000000", "RUB", None),
    ("دفع 40 ألف فرنك سويسري", "40 ألف فرنك سويسري", "40000", "CHF", None),
    # Arabic-Indic digits
    ("تبرع بمبلغ ٥٠٠ ألف ريال", "٥٠٠ ألف ريال", "500000", "SAR", None),
    ("خصص ١٫٥ مليار ريال", "١٫٥ مليار ريال", "1500000000", "SAR", None),
    ("بلغت ١٢٬٥٠٠ ريال", "١٢٬٥٠٠ ريال", "12500", "SAR", None),
    ("قيمتها ۲۵۰ دولارا", "۲۵۰ دولارا", "250", "USD", None),
    ("بلغت ٣٠٠ ألف ريال سعودي", "٣٠٠ ألف ريال سعودي", "300000", "SAR", None),
    # words, duals, plurals
    ("الذي قيل إنه جمع مليوني دولار", "مليوني دولار", "2000000", "USD", None),
    ("بلغت قيمة المنحة مليونا دولار", "مليونا دولار", "1000000", "USD", None),
    ("تبرع بمليون ريال", "مليون ريال", "1000000", "SAR", None),
    ("حصل على ألف دولار", "ألف دولار", "1000", "USD", None),
    ("دفع ألفي ريال", "ألفي ريال", "2000", "SAR", None),
    ("قيمته ألفان دولار", "ألفان دولار", "2000", "USD", None),
    ("كلفته ألفين يورو", "ألفين يورو", "2000", "EUR", None),
    ("تبلغ مليونين دولار", "مليونين دولار", "2000000", "USD", None),
    ("تبلغ مليونان ريال", "مليونان ريال", "2000000", "SAR", None),
    ("أنفقت ملياري دولار", "ملياري دولار", "2000000000", "USD", None),
    ("خسرت مليارين يورو", "مليارين يورو", "2000000000", "EUR", None),
    ("كانت ملياران دولار", "ملياران دولار", "2000000000", "USD", None),
    ("رصد خمسة ملايين ريال", "خمسة ملايين ريال", "5000000", "SAR", None),
    ("رصد ثلاثة آلاف دينار كويتي", "ثلاثة آلاف دينار كويتي", "3000", "KWD", None),
    ("بلغت عشرة آلاف درهم", "عشرة آلاف درهم", "10000", "AED", None),
    ("بلغت سبعة مليارات دولار", "سبعة مليارات دولار", "7000000000", "USD", None),
    ("بلغت خمسمائة ريال", "خمسمائة ريال", "500", "SAR", None),
    ("بلغت خمسمئة ريال", "خمسمئة ريال", "500", "SAR", None),
    ("بلغت ثلاثمائة ألف دولار", "ثلاثمائة ألف دولار", "300000", "USD", None),
    ("بلغت ثلاثمئة مليون يورو", "ثلاثمئة مليون يورو", "300000000", "EUR", None),
    ("بلغت مائتا ألف ريال", "مائتا ألف ريال", "200000", "SAR", None),
    ("بلغت مئتي ألف دولار", "مئتي ألف دولار", "200000", "USD", None),
    ("بلغت خمسة وعشرين ألف دولار", "خمسة وعشرين ألف دولار", "25000", "USD", None),
    ("ثمنها عشرون دولارا", "عشرون دولارا", "20", "USD", None),
    ("مهرها عشرون جنيها", "عشرون جنيها", "20", "EGP", None),
    ("بلغت خمسة عشر مليون ريال", "خمسة عشر مليون ريال", "15000000", "SAR", None),
    ("قيمتها مائة وخمسون ألف ريال", "مائة وخمسون ألف ريال", "150000", "SAR", None),
    ("ثلاثمائة وخمسة وعشرون ألفا دولار", "ثلاثمائة وخمسة وعشرون ألفا دولار", "325000", "USD", None),
    ("كلف ثلاثة ملايين وخمسمائة ألف ريال", "ثلاثة ملايين وخمسمائة ألف ريال", "3500000", "SAR", None),
    ("كلف 3 ملايين و500 ألف ريال", "3 ملايين و500 ألف ريال", "3500000", "SAR", None),
    ("بلغت تريليون دولار", "تريليون دولار", "1000000000000", "USD", None),
    ("بلغت بليون دولار", "بليون دولار", "1000000000", "USD", None),
    ("بلغت أحد عشر ألف ريال", "أحد عشر ألف ريال", "11000", "SAR", None),
    ("بلغت اثنا عشر مليون دولار", "اثنا عشر مليون دولار", "12000000", "USD", None),
    # fractions and compounds
    ("بلغت مليار ونصف المليار دولار", "مليار ونصف المليار دولار", "1500000000", "USD", None),
    ("بلغت مليار ونصف دولار", "مليار ونصف دولار", "1500000000", "USD", None),
    ("بلغت مليون ونصف ريال", "مليون ونصف ريال", "1500000", "SAR", None),
    ("بلغت نصف مليون ريال", "نصف مليون ريال", "500000", "SAR", None),
    ("بلغت ربع مليون دولار", "ربع مليون دولار", "250000", "USD", None),
    ("بلغت مليونين ونصف المليون دولار", "مليونين ونصف المليون دولار", "2500000", "USD", None),
    ("بلغت 2.5 مليار دولار", "2.5 مليار دولار", "2500000000", "USD", None),
    # vague amounts
    ("يجمعون ملايين الدولارات عبر الإنترنت", "ملايين الدولارات", None, "USD", None),
    ("أنفقوا مليارات الدولارات", "مليارات الدولارات", None, "USD", None),
    ("خسروا آلاف الريالات", "آلاف الريالات", None, "SAR", None),
    ("جمعوا عشرات الآلاف من الدولارات", "عشرات الآلاف من الدولارات", None, "USD", None),
    ("بلغت مئات الملايين من الدولارات", "مئات الملايين من الدولارات", None, "USD", None),
    ("كلفت عشرات الملايين من اليوروهات", "عشرات الملايين من اليوروهات", None, "EUR", None),
    ("دفعوا عدة ملايين من الدولارات", "عدة ملايين من الدولارات", None, "USD", None),
    ("قدمت ملايين الجنيهات", "ملايين الجنيهات", None, "EGP", None),
    # qualifiers
    ("ستحصل إيطاليا على نحو (560 مليون يورو) من المساعدات", "560 مليون يورو", "560000000", "EUR", "about"),
    ("بما في ذلك ما يزيد على مبلغ 1.4 مليار دولار من المساعدات", "1.4 مليار دولار", "1400000000", "USD", "more_than"),
    ("أسفر الزلزال عن خسائر تزيد على أربعة مليارات يورو", "أربعة مليارات يورو", "4000000000", "EUR", "more_than"),
    ("برنامج الإنقاذ الذي تصل قيمته إلى 86 مليار يورو", "86 مليار يورو", "86000000000", "EUR", "up_to"),
    ("فواتير تصل سنويا إلى 12 مليار ريال", "12 مليار ريال", "12000000000", "SAR", "up_to"),
    ("انخفضت الودائع نحو 6 في المائة لتصل إلى 127.5 مليار يورو", "127.5 مليار يورو", "127500000000", "EUR", None),
    ("بتكلفة متوقعة تصل الى 4. 5 مليار دولار", "4. 5 مليار دولار", "4500000000", "USD", "up_to"),
    ("بيعت التذكرة بـ306 يوروات", "306 يوروات", "306", "EUR", None),
    ("جمعت أكثر من 200 مليون دولار", "200 مليون دولار", "200000000", "USD", "more_than"),
    ("بأكثر من 5 ملايين ريال", "5 ملايين ريال", "5000000", "SAR", "more_than"),
    ("بما يزيد على 10 ملايين دولار", "10 ملايين دولار", "10000000", "USD", "more_than"),
    ("بما يزيد عن 12 مليار يورو", "12 مليار يورو", "12000000000", "EUR", "more_than"),
    ("بمبلغ يتجاوز 3 ملايين ريال", "3 ملايين ريال", "3000000", "SAR", "more_than"),
    ("بقيمة تفوق 800 ألف دولار", "800 ألف دولار", "800000", "USD", "more_than"),
    ("بمبلغ يفوق 90 ألف ريال", "90 ألف ريال", "90000", "SAR", "more_than"),
    ("بمبلغ يربو على 70 مليون ريال", "70 مليون ريال", "70000000", "SAR", "more_than"),
    ("بأقل من 100 دولار", "100 دولار", "100", "USD", "less_than"),
    ("بمبلغ دون 50 ألف ريال", "50 ألف ريال", "50000", "SAR", "less_than"),
    ("بلغت نحو 3 مليارات دولار", "3 مليارات دولار", "3000000000", "USD", "about"),
    ("بنحو 40 مليون يورو", "40 مليون يورو", "40000000", "EUR", "about"),
    ("بلغت حوالي 5 ملايين درهم", "5 ملايين درهم", "5000000", "AED", "about"),
    ("قدرت بحوالى 6 ملايين ريال", "6 ملايين ريال", "6000000", "SAR", "about"),
    ("بلغت قرابة مليون دولار", "مليون دولار", "1000000", "USD", "about"),
    ("جمعت ما يقرب من 20 ألف دولار", "20 ألف دولار", "20000", "USD", "about"),
    ("بلغت زهاء 300 مليون ريال", "300 مليون ريال", "300000000", "SAR", "about"),
    ("بلغت ما يناهز 9 ملايين يورو", "9 ملايين يورو", "9000000", "EUR", "about"),
    ("بلغت ما يقارب 45 مليون دولار", "45 مليون دولار", "45000000", "USD", "about"),
    ("بلغت 7 ملايين دولار تقريبا", "7 ملايين دولار", "7000000", "USD", "about"),
    ("بلغت 7 ملايين دولار، تقريباً", "7 ملايين دولار", "7000000", "USD", "about"),
    ("غرامة لا تقل عن 10 آلاف ريال", "10 آلاف ريال", "10000", "SAR", "at_least"),
    ("بما لا يقل عن 2 مليون يورو", "2 مليون يورو", "2000000", "EUR", "at_least"),
    ("دفع 100 دولار على الأقل", "100 دولار", "100", "USD", "at_least"),
    ("غرامة تصل حتى 500 ألف ريال", "500 ألف ريال", "500000", "SAR", "up_to"),
    ("غرامة لا تتجاوز 5 آلاف ريال", "5 آلاف ريال", "5000", "SAR", "up_to"),
    ("بمبلغ لا يتجاوز مليون درهم", "مليون درهم", "1000000", "AED", "up_to"),
    ("تصل قيمتها إلى ما يصل إلى 3 ملايين دولار", "3 ملايين دولار", "3000000", "USD", "up_to"),
    ("بغرامة 20 ألف ريال كحد أقصى", "20 ألف ريال", "20000", "SAR", "up_to"),
    # currencies and country adjectives
    ("بلغت 5 ملايين دولار أمريكي", "5 ملايين دولار أمريكي", "5000000", "USD", None),
    ("بلغت 5 ملايين دولار أميركي", "5 ملايين دولار أميركي", "5000000", "USD", None),
    ("بلغت 5 ملايين دولار كندي", "5 ملايين دولار كندي", "5000000", "CAD", None),
    ("بلغت 5 ملايين دولار أسترالي", "5 ملايين دولار أسترالي", "5000000", "AUD", None),
    ("بلغت 40 مليون ريال قطري", "40 مليون ريال قطري", "40000000", "QAR", None),
    ("بلغت 40 مليون ريال عماني", "40 مليون ريال عماني", "40000000", "OMR", None),
    ("بلغت 40 مليار ريال يمني", "40 مليار ريال يمني", "40000000000", "YER", None),
    ("بلغت 40 مليار ريال إيراني", "40 مليار ريال إيراني", "40000000000", "IRR", None),
    ("بلغت 40 مليون دينار كويتي", "40 مليون دينار كويتي", "40000000", "KWD", None),
    ("بلغت 40 مليون دينار أردني", "40 مليون دينار أردني", "40000000", "JOD", None),
    ("بلغت 40 مليون دينار بحريني", "40 مليون دينار بحريني", "40000000", "BHD", None),
    ("بلغت 40 مليار دينار عراقي", "40 مليار دينار عراقي", "40000000000", "IQD", None),
    ("بلغت 40 مليون دينار ليبي", "40 مليون دينار ليبي", "40000000", "LYD", None),
    ("بلغت 40 مليون دينار تونسي", "40 مليون دينار تونسي", "40000000", "TND", None),
    ("بلغت 40 مليون دينار جزائري", "40 مليون دينار جزائري", "40000000", "DZD", None),
    ("بلغت 40 مليون درهم إماراتي", "40 مليون درهم إماراتي", "40000000", "AED", None),
    ("بلغت 40 مليون درهم مغربي", "40 مليون درهم مغربي", "40000000", "MAD", None),
    ("بلغت 40 مليون جنيه مصري", "40 مليون جنيه مصري", "40000000", "EGP", None),
    ("بلغت 40 مليون جنيه سوداني", "40 مليون جنيه سوداني", "40000000", "SDG", None),
    ("بلغت 40 مليون جنيه استرليني", "40 مليون جنيه استرليني", "40000000", "GBP", None),
    ("بلغت 40 مليون إسترليني", "40 مليون إسترليني", "40000000", "GBP", None),
    ("بلغت 40 مليار ليرة لبنانية", "40 مليار ليرة لبنانية", "40000000000", "LBP", None),
    ("بلغت 40 مليار ليرة سورية", "40 مليار ليرة سورية", "40000000000", "SYP", None),
    ("بلغت 40 مليون ليرة تركية", "40 مليون ليرة تركية", "40000000", "TRY", None),
    ("بلغت 40 مليون ين ياباني", "40 مليون ين ياباني", "40000000", "JPY", None),
    ("بلغت 40 مليون يوان صيني", "40 مليون يوان صيني", "40000000", "CNY", None),
    ("بلغت 40 مليون روبل روسي", "40 مليون روبل روسي", "40000000", "RUB", None),
    ("بلغت 40 مليون ريال برازيلي", "40 مليون ريال برازيلي", "40000000", "BRL", None),
    # symbols and abbreviations
    ("بلغت $500 فقط", "$500", "500", "USD", None),
    ("بلغت 500$ فقط", "500$", "500", "USD", None),
    ("بلغت US$ 300 فقط", "US$ 300", "300", "USD", None),
    ("بلغت €20 فقط", "€20", "20", "EUR", None),
    ("بلغت £75 فقط", "£75", "75", "GBP", None),
    ("السعر 500 ر.س للقطعة", "500 ر.س", "500", "SAR", None),
    ("السعر 250 د.إ للقطعة", "250 د.إ", "250", "AED", None),
    ("السعر 30 د.ك للقطعة", "30 د.ك", "30", "KWD", None),
    ("السعر 300 USD للقطعة", "300 USD", "300", "USD", None),
    ("السعر 300 SAR للقطعة", "300 SAR", "300", "SAR", None),
    # definite and accusative forms
    ("تبلغ قيمته 50 دولارا", "50 دولارا", "50", "USD", None),
    ("بلغ 500 ريالا", "500 ريالا", "500", "SAR", None),
    ("بلغ 300 درهما", "300 درهما", "300", "AED", None),
    ("بلغ 300 دينارا", "300 دينارا", "300", "KWD", None),
    ("بلغت 30 ليرة", "30 ليرة", "30", "TRY", None),
    ("بلغت 10 دولارات", "10 دولارات", "10", "USD", None),
    ("بلغت 10 ريالات", "10 ريالات", "10", "SAR", None),
    ("بلغت 10 دراهم", "10 دراهم", "10", "AED", None),
    ("بلغت 10 دنانير", "10 دنانير", "10", "KWD", None),
    ("بلغت 10 جنيهات", "10 جنيهات", "10", "EGP", None),
    ("بلغت 10 ليرات", "10 ليرات", "10", "TRY", None),
]


@pytest.mark.parametrize(("sentence", "span", "value", "currency", "qualifier"), TABLE)
def test_amount_table(sentence: str, span: str, value: str | None, currency: str, qualifier: str | None) -> None:
    found = amounts(sentence)
    assert len(found) == 1, [m.text for m in found]
    money = found[0]
    assert money.text == span
    assert sentence[money.start : money.end] == money.text
    assert money.value == (Decimal(value) if value is not None else None)
    assert money.currency == currency
    assert money.qualifier == qualifier
    assert (money.vague is None) == (value is not None)


def test_table_is_large() -> None:
    assert len(TABLE) >= 150


@pytest.mark.parametrize(
    "sentence",
    [
        "ربح دولارا واحدا",  # a currency word with no number before it
        "بلغت دولارين",
        "ارتفع إلى 40 مليون الدولار الأمريكي",  # a definite currency after a definite number is no amount
        "ارتفعت الأسهم بنسبة 15% خلال 3 أيام",
        "شارك 300 من المانحين في المكالمة",
        "فاز 3 ريال مدريد على برشلونة",  # a club, not a currency
        "في عام 2015 قال الوزير إن 40 في المائة من الطلاب",
        "انضم 50 ألف رجل إلى الدعوة",
        "سجل الفريق 5 أهداف في 3 مباريات",
    ],
)
def test_no_money(sentence: str) -> None:
    assert amounts(sentence) == []


def test_range_gives_two_amounts() -> None:
    found = amounts("تتراوح الكلفة بين 10 و20 مليون دولار")
    assert [(m.text, m.value, m.currency) for m in found] == [
        ("10", Decimal(10_000_000), "USD"),
        ("20 مليون دولار", Decimal(20_000_000), "USD"),
    ]


@pytest.mark.parametrize(
    ("sentence", "values"),
    [
        ("من 5 إلى 7 ملايين ريال", [5_000_000, 7_000_000]),
        ("ما بين مليونين وثلاثة ملايين دولار", [2_000_000, 3_000_000]),
        ("يتراوح بين 1500 و2500 إسترليني", [1500, 2500]),
        ("بين 3 ملايين و4 ملايين يورو", [3_000_000, 4_000_000]),
        ("10-20 ألف روبية", [10_000, 20_000]),
    ],
)
def test_ranges(sentence: str, values: list[int]) -> None:
    assert [m.value for m in amounts(sentence)] == values


@pytest.mark.parametrize(
    ("sentence", "currency"),
    [
        ("قال مسؤول في الكويت إن الميزانية بلغت 500 مليون دينار", "KWD"),
        ("أعلنت الحكومة الأردنية في عمان أن الدعم بلغ 30 مليون دينار، وقال وزير المالية في الأردن ذلك", "JOD"),
        ("قال البنك المركزي في بغداد إن 5 مليارات دينار صرفت", "IQD"),
        ("أعلنت تونس تخصيص 20 مليون دينار", "TND"),
        ("بلغ سعر الدولار في بيروت 1500 ليرة", "LBP"),
        ("قررت الحكومة في دمشق صرف 2000 ليرة", "SYP"),
        ("ارتفعت الأسعار في أنقرة إلى 30 ليرة", "TRY"),
        ("وافق البرلمان في القاهرة على 10 مليارات جنيه", "EGP"),
        ("أعلن المغرب عن 300 مليون درهم", "MAD"),
        ("قالت السلطات في دبي إن 300 مليون درهم", "AED"),
        ("اشترى 500 سهم بمبلغ 200 دينار", "KWD"),
        ("بلغت المنحة 300 ريال", "SAR"),
        ("بلغت المنحة في قطر 300 ريال", "SAR"),
        ("بلغت المنحة في كندا 300 دولار", "USD"),
    ],
)
def test_bare_currency_takes_context(sentence: str, currency: str) -> None:
    found = amounts(sentence)
    assert [m.currency for m in found] == [currency]


def test_extract_money_reads_title_paragraphs_and_keeps_offsets() -> None:
    text = (
        "منظمون يجمعون ملايين الدولارات لصالح المرشحة\n\n"
        "الرياض - واس\n"
        "جمعت الحملة أكثر من ١٥ مليون دولار خلال أسبوع، فيما بلغت تكلفة الإعلانات نحو 3 ملايين ريال.\n\n"
        "وارتفعت نسبة المشاركة 40% عن العام الماضي."
    )
    v = view(text)
    money = extract_money(make_doc(v.raw))
    assert [(m.text, m.value, m.qualifier, m.vague) for m in money] == [
        ("ملايين الدولارات", None, None, "millions"),
        ("١٥ مليون دولار", Decimal(15_000_000), "more_than", None),
        ("3 ملايين ريال", Decimal(3_000_000), "about", None),
    ]
    assert all(text[m.start : m.end] == m.text for m in money)


def test_diacritics_and_tatweel_stay_in_the_span() -> None:
    text = "تبرّع بمبلغ خمسةِ ملايـين دولارٍ أمريكيٍّ"
    (money,) = amounts(text)
    assert money.text == "خمسةِ ملايـين دولارٍ أمريكيٍّ"
    assert money.value == 5_000_000


@given(
    st.integers(min_value=1, max_value=10**12),
    st.sampled_from(["دولار", "ريال", "يورو", "درهم إماراتي", "جنيه إسترليني"]),
    st.sampled_from(["", "نحو ", "أكثر من ", "بـ", "وقيمتها "]),
)
def test_digits_with_currency_round_trip(n: int, currency: str, before: str) -> None:
    text = f"قال المسؤول إن المبلغ {before}{n:,} {currency} في العام"
    found = amounts(text)
    assert len(found) == 1
    assert found[0].value == n
    assert text[found[0].start : found[0].end] == found[0].text


@given(st.text(alphabet="0123456789 ,.٬٫ردولار$مليونألف()", max_size=200))
def test_offsets_exact_on_noise(text: str) -> None:
    for money in amounts(text):
        assert text[money.start : money.end] == money.text


def test_adversarial_input_does_not_blow_up() -> None:
    text = ("مليون دولار و" * 20_000) + ("5," * 50_000) + " دولار"
    found = amounts(text)
    assert len(found) >= 20_000
    assert all(text[m.start : m.end] == m.text for m in found[:100])


# --- country adjectives agree with plural and dual currency words -----------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "span", "value", "currency"),
    [
        ("تبرع المحسن بخمسة آلاف دنانير أردنية لصالح الأيتام", "خمسة آلاف دنانير أردنية", "5000", "JOD"),
        ("صرفت الوزارة 300 دنانير كويتية لكل أسرة", "300 دنانير كويتية", "300", "KWD"),
        ("بلغت الخسائر 20 مليار ليرات سورية خلال العام", "20 مليار ليرات سورية", "20000000000", "SYP"),
        ("حصل كل موظف على 500 دراهم إماراتية مكافأة", "500 دراهم إماراتية", "500", "AED"),
        ("خصصت الجمعية 4 آلاف ريالات سعودية للأسر", "4 آلاف ريالات سعودية", "4000", "SAR"),
        ("تقاضى 700 جنيهات مصرية في الشهر", "700 جنيهات مصرية", "700", "EGP"),
        ("أنفقت الشركة ملايين الدولارات الأمريكية على الإعلان", "ملايين الدولارات الأمريكية", None, "USD"),
        ("دفع 300 دولارات أمريكية رسوما", "300 دولارات أمريكية", "300", "USD"),
        ("بلغ الدين 15 ألف دينار أردنيا", "15 ألف دينار أردنيا", "15000", "JOD"),
        ("تبلغ قيمة القسط 40 ليرة لبنانية", "40 ليرة لبنانية", "40", "LBP"),
        ("بيع الكيلو بـ 40 ليرات تركية", "40 ليرات تركية", "40", "TRY"),
        ("تبرعت بمليون دينار الأردني للمستشفى", "مليون دينار الأردني", "1000000", "JOD"),
    ],
)
def test_adjective_in_feminine_plural_and_accusative_forms(
    sentence: str, span: str, value: str | None, currency: str
) -> None:
    (found,) = amounts(sentence)
    assert (found.text, found.currency) == (span, currency)
    assert found.value == (Decimal(value) if value is not None else None)


def test_adjective_forms_are_derived_by_rule() -> None:
    assert adjective_forms("أردني") == {"اردني", "اردنيه", "اردنيا", "اردنيين", "اردنيان", "اردنيتين", "اردنيتان"}
    assert adjective_forms("لبنانية") == adjective_forms("لبناني")  # a feminine entry gives the same forms
    assert adjective_forms("هونغ كونغي") >= {"هونغ كونغي", "هونغ كونغيه"}


def test_a_conversion_in_brackets_keeps_the_qualifier_of_its_amount() -> None:
    money = amounts("برنامج إنقاذ تصل قيمته إلى 86 مليار يورو (94 مليار دولار) خلال ثلاث سنوات")
    assert [(m.text, m.qualifier) for m in money] == [("86 مليار يورو", "up_to"), ("94 مليار دولار", "up_to")]
    money = amounts("إرسال مبالغ بنحو مليار ريال يمني (4.6 مليون دولار)")
    assert [m.qualifier for m in money] == ["about", "about"]


def test_a_sentence_end_before_a_number_is_no_decimal_point() -> None:
    money = amounts("وصل العدد في عام 2014. 5 ملايين ريال خصصت للمشروع")
    assert [(m.text, m.value) for m in money] == [("5 ملايين ريال", Decimal(5000000))]


def test_amounts_from_the_documents_tokens_are_those_of_the_range_tokenized_again() -> None:
    """The money stage reads the tokens the document made for every stage (:meth:`arnews.document.Doc.norm_tokens`)
    instead of tokenizing each region again: the amounts are the same, on real articles and on crafted ranges."""
    from corpus_helpers import corpus_articles, corpus_text
    from docs_helpers import make_doc

    seen = 0
    texts = [corpus_text(a) for a in corpus_articles(limit=200, every=31)]
    texts.append("العنوان\n\nتبرع بمبلغ 1,500 ريال و3 ملايين دولار (2.5 مليون يورو)، ونحو خمسة آلاف جنيه.")
    for text in texts:
        doc = make_doc(text)
        norm = doc.view.norm
        for s, e in doc.regions:
            again = find_amounts(norm, s, e)
            assert find_amounts(norm, s, e, tokens=doc.norm_tokens(s, e)) == again
            seen += len(again)
    assert seen > 50


_GATE_ALPHABET = st.sampled_from(
    ["دولار", "ريال", "ر.س", "د.ك", "ج.م", "usd", "us$", "eur", "$", "€", "ال", "ب", "ـ", "_", "a", "5", "ر", "د",
     "ج", ".", " ", "\n", "،", "س", "ين", "يورو"]
)  # fmt: skip


@given(st.lists(_GATE_ALPHABET, max_size=12).map("".join))
def test_the_token_gate_passes_every_range_the_currency_pattern_finds(text: str) -> None:
    """The money stage asks its tokens whether a region may name a currency (:func:`currency_in_tokens`) instead of
    searching the text again: wherever the pattern finds a form, some token begins one."""
    from arnews.core.tokens import tokenize
    from arnews.money.currencies import any_currency, currency_in_tokens

    if any_currency(text):
        assert currency_in_tokens(tokenize(text))


@pytest.mark.parametrize(
    ("text", "pattern", "tokens"),
    [
        ("بلغت 5 ملايين دولار", True, True),
        ("5usd و100us$ أو 3eur1", True, True),  # Latin forms a digit follows: the text's token only begins with them
        ("بلغت 200 ر.س للسهم", True, True),
        ("نص لا يذكر مالا", False, False),
        ("مفردة الدولارية وحدها", False, False),
        ("كتب ـدولار", False, True),  # a letter (the tatweel) before the form: the tokens let the range through
    ],
)
def test_the_token_gate_on_crafted_ranges(text: str, pattern: bool, tokens: bool) -> None:
    from arnews.core.text import normalize
    from arnews.core.tokens import tokenize
    from arnews.money.currencies import any_currency, currency_in_tokens

    norm = normalize(text)
    assert any_currency(norm) is pattern
    assert currency_in_tokens(tokenize(norm)) is tokens


def test_the_token_gate_on_real_regions() -> None:
    """On real articles' regions the gate passes every region the pattern finds a currency in, and few others."""
    from arnews.money.currencies import any_currency, currency_in_tokens
    from corpus_helpers import corpus_articles, corpus_text

    found = extra = 0
    for article in corpus_articles(limit=300, every=23):
        doc = make_doc(corpus_text(article))
        for s, e in doc.regions:
            pattern, tokens = any_currency(doc.view.norm, s, e), currency_in_tokens(doc.norm_tokens(s, e))
            assert tokens or not pattern
            found += pattern
            extra += tokens and not pattern
    assert found > 50
    assert extra <= found // 10

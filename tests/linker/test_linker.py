"""Entities: recognition by KB and cues, Arabic-aware matching keys, linking and in-document coreference."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from arnews.core.names import key, loose, phonetic, strip_clitics
from arnews.nlp import NerSpan
from docs_helpers import linked, owner

# --- helpers --------------------------------------------------------------------------------------------------


entities = linked
by_mention = owner


def article(*paragraphs: str) -> str:
    return "عنوان الخبر\n\n" + "\n\n".join(paragraphs)


# --- matching keys --------------------------------------------------------------------------------------------

_DIACRITICS = st.sampled_from(["\u064e", "\u064f", "\u0650", "\u0651", "\u0652", "\u064b", "\u0640"])
_NAMES = ["كامالا هاريس", "دونالد ترامب", "ألكساندريا أوكاسيو كورتيز", "بروفينسيتاون", "جولي تشافيز", "Kamala Harris"]


@given(st.text(alphabet=st.characters(categories=["L", "Zs", "Mn", "P"]), max_size=40))
@settings(max_examples=200, deadline=None)
def test_keys_are_idempotent(text: str) -> None:
    assert key(key(text)) == key(text)
    assert loose(loose(text)) == loose(text)
    assert phonetic(text) == phonetic(" ".join(text.split()))  # spacing does not matter


@given(st.sampled_from(_NAMES), st.lists(st.tuples(st.integers(0, 40), _DIACRITICS), max_size=6))
@settings(max_examples=200, deadline=None)
def test_keys_ignore_diacritics_and_tatweel(name: str, inserts: list[tuple[int, str]]) -> None:
    marked = name
    for where, mark in inserts:
        pos = min(where, len(marked))
        # marks stand after a letter or after another mark (a tatweel may follow a diacritic)
        if pos == 0 or not "\u0621" <= marked[pos - 1] <= "\u0652":
            continue
        marked = marked[:pos] + mark + marked[pos:]
    assert key(marked) == key(name)
    assert phonetic(marked) == phonetic(name)
    assert loose(marked) == loose(name)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("كامالا هاريس", "Kamala Harris"),
        ("دونالد ترامب", "Donald Trump"),
        ("أليجمان", "أليكمان"),
        ("بروفينسيتاون", "بروفينستاون"),
        ("شافيز", "تشافيز"),
        ("تشافيز", "Chavez"),
        ("ألكساندريا أوكاسيو كورتيز", "Alexandria Ocasio-Cortez"),
        ("ماساتشوستس", "Massachusetts"),
        ("رافائيل وارنوك", "Raphael Warnock"),
        ("سارة", "Sarah"),
    ],
)
def test_transliterations_share_the_phonetic_key(a: str, b: str) -> None:
    assert phonetic(a) == phonetic(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [("كامالا هاريس", "Kamala Harrison"), ("ترامب", "Truman"), ("بايدن", "Bidwell"), ("هاريس", "Paris")],
)
def test_different_names_keep_different_keys(a: str, b: str) -> None:
    assert phonetic(a) != phonetic(b)


def test_article_is_not_part_of_the_key() -> None:
    assert key("الحزب الديمقراطي") == key("حزب ديمقراطي")
    assert loose("فيرجينيا") == loose("فرجينيا")


def test_clitic_readings_keep_offsets() -> None:
    readings = strip_clitics("وبايدن")
    assert readings[0] == (0, "وبايدن", False)
    assert (1, "بايدن", False) in readings
    assert (1, "هاريس", False) in strip_clitics("لهاريس")
    assert (1, "الامم", True) in strip_clitics("للامم")


# --- recognition and linking ----------------------------------------------------------------------------------


def test_clitic_stripped_mentions_have_exact_offsets() -> None:
    text = article("التقى الرئيس جو بايدن بالناخبين، وأشادت كامالا هاريس ببايدن وقالت لهاريس إن الحملة مستمرة.")
    found = entities(text)
    biden = by_mention(found, "جو بايدن")
    assert biden.wikidata == "Q6279"
    assert [m.text for m in biden.mentions] == ["جو بايدن", "بايدن"]
    harris = by_mention(found, "كامالا هاريس")
    assert harris.wikidata == "Q10853588"
    assert "هاريس" in [m.text for m in harris.mentions]


def test_state_and_city_names_link() -> None:
    text = article("وتحدثت في مدينة هيوستن بولاية تكساس، ثم زارت فيرجينيا وبنسلفانيا.")
    found = entities(text)
    assert by_mention(found, "هيوستن").wikidata == "Q16555"
    assert by_mention(found, "تكساس").wikidata == "Q1439"
    assert by_mention(found, "فيرجينيا").wikidata == "Q1370"  # KB spells it فرجينيا
    assert by_mention(found, "بنسلفانيا").wikidata == "Q1400"


def test_fused_article_keeps_the_whole_word() -> None:
    found = entities(article("قالت السفيرة السابقة للأمم المتحدة نيكي هيلي إنها ستواصل حملتها."))
    un = by_mention(found, "للأمم المتحدة")
    assert un.wikidata == "Q1065" and un.type == "ORG"
    assert by_mention(found, "نيكي هيلي").type == "PER"


def test_persons_by_title_speech_verb_and_given_name() -> None:
    text = article(
        "وشارك الاستراتيجي الديمقراطي بكاري سيلرز وعضو مجلس الشيوخ عن ولاية جورجيا رافائيل وارنوك.",
        "وقالت ميليسا موراليس، مؤسسة المجموعة، إن الوقت حان. كما ساعدت سارة شاه في تنظيم مكالمة.",
    )
    found = entities(text)
    for name in ("بكاري سيلرز", "ميليسا موراليس", "سارة شاه"):
        assert by_mention(found, name).type == "PER"
    assert by_mention(found, "رافائيل وارنوك").wikidata == "Q84146599"
    assert by_mention(found, "جورجيا").wikidata == "Q1428"  # the state, after ولاية
    assert not any(m.text.startswith("الديمقراطي") for e in found for m in e.mentions)


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("وافتتح المهندس عبداللطيف بن عبدالملك المعرض.", "عبداللطيف بن عبدالملك"),
        ("وشارك النجم البرتغالي كريستيانو رونالدو في التدريب.", "كريستيانو رونالدو"),
    ],
)
def test_titles_moved_from_the_speaker_list_open_names(body: str, name: str) -> None:
    assert by_mention(entities(article(body)), name).type == "PER"


@pytest.mark.parametrize(
    "body",
    [
        "وأعلن مدرب ريال مدريد تشكيلة الفريق.",  # مدرب, لاعب: before a club
        "وزار قائد حرس الحدود المنطقة.",  # قائد: before a body
        "وقال المخرج خيطا رئيسيا للقصة.",  # المخرج: also "the way out"
        "وشكر المواطن الشاب الجهات المختصة.",  # descriptions
    ],
)
def test_ambiguous_and_description_titles_open_no_name(body: str) -> None:
    found = entities(article(body))
    assert not [e.name for e in found if e.type == "PER"]


def test_name_extent_stops_at_function_words_and_verbs() -> None:
    found = entities(article("قال جون نيوتن (75 عاما) إنه يريد التغيير، وقالت ستيفاني براون جيمس، خريجة الجامعة، ذلك."))
    assert by_mention(found, "جون نيوتن").type == "PER"
    assert by_mention(found, "ستيفاني براون جيمس").type == "PER"


def test_latin_script_organisations() -> None:
    text = article(
        "حققت مكالمة أجرتها منظمة Win With Black Men أكثر من مليون دولار، وتأسست لجنة Bison PAC حديثا.",
        "وقالت رئيسة Somos Votantes إن شبكة NBC News تواصلت مع الحملة، وكذلك شبكة سي بي إس نيوز.",
    )
    found = entities(text)
    for name in ("Win With Black Men", "Bison PAC", "Somos Votantes", "NBC News", "سي بي إس نيوز"):
        assert by_mention(found, name).type == "ORG", name


def test_spelled_acronym_joins_latin_name() -> None:
    found = entities(
        article("وذكرت شبكة NBC News أن الرئيس تحدث. وقال أربعة أشخاص لشبكة إن بي سي نيوز إن الحملة بدأت.")
    )
    assert by_mention(found, "NBC News") is by_mention(found, "إن بي سي نيوز")


def test_quoted_organisation_after_head_word() -> None:
    found = entities(article("كانت منظمة “الفوز مع النساء السود” من أولى المنظمات التي عقدت مكالمة."))
    assert by_mention(found, "الفوز مع النساء السود").type == "ORG"


def test_place_before_state() -> None:
    found = entities(article("تحدثت في حفل في بروفينستاون بولاية ماساتشوستس يوم السبت."))
    assert by_mention(found, "بروفينستاون").type == "LOC"
    assert by_mention(found, "ماساتشوستس").wikidata == "Q771"


def test_ner_spans_add_mentions_and_types() -> None:
    text = article("وصل المبعوث إلى مدينة قرطاج صباح اليوم.")
    at = text.index("قرطاج")
    found = entities(text, (NerSpan("قرطاج", at, at + 5, "LOC"),))
    assert by_mention(found, "قرطاج").type == "LOC"


# --- coreference ----------------------------------------------------------------------------------------------


def test_surname_joins_full_name() -> None:
    found = entities(article("قال كريستين ويلكر إن البرنامج مستمر.", "وسأل ويلكر النائبة عن خططها."))
    ent = by_mention(found, "كريستين ويلكر")
    assert [m.text for m in ent.mentions] == ["كريستين ويلكر", "ويلكر"]
    assert ent.id == "L1" and ent.wikidata is None


def test_ambiguous_surname_takes_nearest_previous_full_name() -> None:
    text = article(
        "قال كوينتين جيمس، رئيس اللجنة، إن الدعوة نظمت سريعا. وقالت جيمس إن الحملة مستمرة.",
        "وقالت ستيفاني براون جيمس، خريجة الجامعة، إن الطاقة كبيرة. وأضافت جيمس أن الدعم يتزايد.",
    )
    found = entities(text)
    quentin = by_mention(found, "كوينتين جيمس")
    stephanie = by_mention(found, "ستيفاني براون جيمس")
    assert quentin is not stephanie
    first, second = [i for i in range(len(text)) if text.startswith("جيمس إن", i) or text.startswith("جيمس أن", i)]
    assert any(m.start == first for m in quentin.mentions)
    assert any(m.start == second for m in stephanie.mentions)


def test_surname_alone_is_not_linked_without_full_name() -> None:
    found = entities(article("انتقد المعلقون سياسات هاريس في الولاية."))
    assert not any(e.wikidata == "Q10853588" for e in found)


@pytest.mark.parametrize(
    ("sentence", "name", "qid"),
    [
        ("وأكد أن نوافذ الود أصبحت مفتوحة مع خامنئي والذين معه.", "خامنئي", "Q57336"),
        ("وضم الجيش ضباطا قاتلوا في صفوفه في عهد القذافي حتى مصرعه.", "القذافي", "Q19878"),
    ],
)
def test_a_person_the_kb_labels_with_one_word_is_linked_by_that_word(sentence: str, name: str, qid: str) -> None:
    # the KB's own one-word label, unlike a surname of a longer name (above)
    assert by_mention(entities(article(sentence)), name).wikidata == qid


def test_title_and_surname_of_a_prominent_person_links() -> None:
    found = entities(article("أعلن الرئيس بايدن انسحابه من السباق، وأيد بايدن نائبته."))
    biden = by_mention(found, "بايدن")  # both mentions in one entity
    assert biden.wikidata == "Q6279" and len(biden.mentions) == 2


def test_acronym_joins_full_name() -> None:
    text = article(
        "تقول AOC إن الرئيس لم يتواصل معها.",
        "قالت النائبة عن ولاية نيويورك ألكساندريا أوكاسيو كورتيز إنها ستدعم الحملة.",
        "وقال ويلكر للنائب أوكاسيو كورتيز إن الوقت حان.",
    )
    found = entities(text)
    aoc = by_mention(found, "AOC")
    assert aoc.wikidata == "Q55223040"
    assert {m.text for m in aoc.mentions} >= {"AOC", "ألكساندريا أوكاسيو كورتيز", "أوكاسيو كورتيز"}


def test_variant_spellings_join() -> None:
    text = article(
        "قال ليني أليجمان (63 عاما) إنه يريد التغيير. قال أليكمان إن المرشحة حريصة.",
        "وانضمت مديرة الحملة جولي شافيز رودريجيز إلى المكالمة، وتحدثت جولي تشافيز رودريجيز لاحقا.",
    )
    found = entities(text)
    assert by_mention(found, "ليني أليجمان") is by_mention(found, "أليكمان")
    assert by_mention(found, "جولي شافيز رودريجيز") is by_mention(found, "جولي تشافيز رودريجيز")


def test_entities_sorted_by_first_mention_with_local_ids() -> None:
    found = entities(article("قال جون نيوتن إن كامالا هاريس ستفوز، وأضاف أن ميليسا موراليس توافق."))
    firsts = [e.mentions[0].start for e in found]
    assert firsts == sorted(firsts)
    local = [e.id for e in found if e.wikidata is None]
    assert local == [f"L{n}" for n in range(1, len(local) + 1)]
    assert by_mention(found, "كامالا هاريس").name == "كامالا هاريس"


# --- robustness -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "",
        "عنوان",
        article("الرئيس " * 50_000),
        article("قال " * 30_000),
        article("منظمة “" * 20_000),
        article("AOC " * 20_000),
        article("هاريس " * 30_000 + "كامالا هاريس"),
    ],
)
def test_adversarial_input_does_not_crash(text: str) -> None:
    if not text:
        return
    found = entities(text)
    assert isinstance(found, tuple)


@given(
    st.text(alphabet=st.sampled_from([*list("قال الرئيس جو بايدن هاريس،. “”وبلل AOCNews"), " ", "\n"]), max_size=300)
)
@settings(max_examples=150, deadline=None)
def test_any_text_gives_exact_spans(body: str) -> None:
    entities(article(body))


def test_ner_spans_obey_name_rules() -> None:
    text = article("قال جو بايدن وكامالا هاريس إن التبرعات لحملة بايدن هاريس تراجعت، ومصدر آخر ويدعم هاريس بقوة.")
    pair = text.index("بايدن هاريس")
    verb = text.index("ويدعم هاريس")
    spans = (
        NerSpan("بايدن هاريس", pair, pair + 11, "PER"),
        NerSpan("ويدعم هاريس", verb, verb + 11, "PER"),
    )
    found = entities(text, spans)
    harris = by_mention(found, "كامالا هاريس")
    biden = by_mention(found, "جو بايدن")
    assert any(m.start == pair for m in biden.mentions)  # the pair is split: one mention each
    assert any(m.start == pair + 6 for m in harris.mentions)
    assert any(m.start == verb + 6 and m.text == "هاريس" for m in harris.mentions)  # the verb is left out
    assert not any(
        len(m.text.split()) == 2 and "هاريس" in m.text and m.text != "كامالا هاريس" for e in found for m in e.mentions
    )


def test_gulf_names_with_nisba_family_names_and_abbreviated_titles() -> None:
    text = (
        "عنوان\n\nعبر مدير سجن محافظة الأحساء العقيد جاسر العتيبي عن شكره لمدير الجامعة د. عبدالعزيز الساعاتي، "
        "والمشرف على البرنامج د. مهنا الدلامي. وقال السفير الأمريكي إن الوفد وصل إلى جدة."
    )
    found = entities(text)
    names = {(e.name, e.type) for e in found}
    assert ("جاسر العتيبي", "PER") in names
    assert ("مهنا الدلامي", "PER") in names
    assert ("الأحساء", "LOC") in names and ("جدة", "LOC") in names
    # an adjective of country is no family name
    assert not any("الأمريكي" in e.name for e in found if e.type == "PER")


def test_vitamin_d_is_no_title() -> None:
    found = entities("عنوان\n\nقال الطبيب إن فيتامين د مفيد للعظام.")
    assert not any(e.type == "PER" and "مفيد" in e.name for e in found)


# --- the model's extent, and where rules may overrule it ------------------------------------------------------


def ner_at(text: str, *spans: tuple[str, str]) -> tuple[NerSpan, ...]:
    """Model spans given by their text (first occurrence) and type."""
    out = []
    for surface, kind in spans:
        at = text.index(surface)
        out.append(NerSpan(surface, at, at + len(surface), kind))  # type: ignore[arg-type]
    return tuple(out)


def test_model_extent_kept_for_female_names_and_coordinated_people() -> None:
    # "فاطمة" ends in ة and "يوسف" starts like a verb: the model's names stand; a given-name cue running on into
    # the next person ("محمد بوفلوسن ومحسن") gives way to the model's two people
    text = article("وفاز العداءان محمد بوفلوسن ومحسن الشرقاوي أمس، وشاركت الباحثة ريم فاطمة وسالم يوسف في الدراسة.")
    found = entities(
        text,
        ner_at(
            text,
            ("محمد بوفلوسن", "PER"),
            ("ومحسن الشرقاوي", "PER"),
            ("ريم فاطمة", "PER"),
            ("وسالم يوسف", "PER"),
        ),
    )
    mentions = {m.text for e in found for m in e.mentions}
    assert {"محمد بوفلوسن", "ريم فاطمة"} <= mentions and ("سالم يوسف" in mentions or "وسالم يوسف" in mentions)
    assert "محمد بوفلوسن ومحسن" not in mentions
    assert by_mention(found, "محمد بوفلوسن") is not by_mention(found, "ريم فاطمة")


def test_model_name_not_run_on_into_a_verb_after_a_title() -> None:
    text = article("وتعهد الرئيس صالح عقب أدائه اليمين بالعمل على تحسين الاقتصاد.")
    found = entities(text, ner_at(text, ("صالح", "PER")))
    assert [m.text for m in by_mention(found, "صالح").mentions] == ["صالح"]
    assert all("عقب" not in m.text for e in found for m in e.mentions)


def test_title_cue_lends_the_first_name_the_model_missed() -> None:
    text = article("قالت مقدمة البرنامج كريستين ويلكر إن الحلقة ستبث مساء الأحد.")
    found = entities(text, ner_at(text, ("ويلكر", "PER")))
    assert by_mention(found, "كريستين ويلكر").type == "PER"


def test_model_span_longer_than_a_kb_match_wins() -> None:
    # the KB knows "نيويورك" (a place); the model's newspaper is longer and stands
    text = article("وأشارت صحيفة نيويورك تايمز إلى أن المفاوضات متعثرة.")
    found = entities(text, ner_at(text, ("نيويورك تايمز", "ORG")))
    assert by_mention(found, "نيويورك تايمز").type == "ORG"


def test_place_at_the_edge_of_a_model_person_is_cut_off() -> None:
    text = article("وقال ممثل فلوريدا ماكسويل فروست إن التصويت حاسم.")
    found = entities(text, ner_at(text, ("فلوريدا ماكسويل فروست", "PER")))
    assert by_mention(found, "ماكسويل فروست").type == "PER"
    assert by_mention(found, "فلوريدا").type == "LOC"


@pytest.mark.parametrize(
    ("sentence", "name", "model", "kind"),
    [
        # a person's title after the name or before it: a person, whatever body or place the model says
        (
            "وأنشأ البنك وكالة تصنيف تترأسها يكاتيرينا تروفيموفا نائب رئيس مصرف غازبروم بنك.",
            "يكاتيرينا تروفيموفا",
            "ORG",
            "PER",
        ),
        ("كما أشارت نتائج دراسات الباحثة (ماريان دايموند) إلى ذلك.", "ماريان دايموند", "ORG", "PER"),
        ("وقالت الطبيبة سارة لينتون إن النتائج مشجعة.", "سارة لينتون", "LOC", "PER"),
        # a word that names the person just described: "تدعى X" (is called X)
        ("وقالت مسؤولة بوزارة الصحة تدعى نارونج سايونج إن الحملة ستستمر.", "نارونج سايونج", "ORG", "PER"),
        ("واعتقلت الشرطة شابا يدعى كمال الدباغ في المدينة.", "كمال الدباغ", "LOC", "PER"),
        # the article, a head noun, a number or Latin letters say it is no person's name; so does MISC
        ("وقال نائب رئيس الهيئة العامة للاستثمار إن الخطة جاهزة.", "الهيئة العامة للاستثمار", "ORG", "ORG"),
        ("وصدر نظام ويندوز 8.1 مدير الشركة بعد ذلك.", "ويندوز 8.1", "MISC", "MISC"),
        # an aside after the name: a company is "هي" too
        ("ويشير ماثيو جيمس من شركة رايت موف، وهي واحدة من أكبر شركات العقار.", "رايت موف", "ORG", "ORG"),
    ],
)
def test_a_title_beside_a_model_body_or_place_makes_it_a_person(
    sentence: str, name: str, model: str, kind: str
) -> None:
    text = article(sentence)
    assert by_mention(entities(text, ner_at(text, (name, model))), name).type == kind


def test_model_currencies_and_common_words_dropped() -> None:
    # a currency the model calls MISC is money, not an entity; one-word people or bodies that are frequent words
    # of news ("للأسر", "طفل") do not become entities
    text = article("وصرفت الوزارة خمسة آلاف جنيه للأسر المتضررة، وقتل طفل في الحادث.")
    found = entities(text, ner_at(text, ("جنيه", "MISC"), ("للأسر", "ORG"), ("طفل", "PER")))
    mentions = {m.text for e in found for m in e.mentions}
    assert "جنيه" not in mentions
    assert "للأسر" not in mentions and "الأسر" not in mentions and "طفل" not in mentions


def test_model_verbs_are_no_people_but_names_like_verbs_stay() -> None:
    text = article("أبحروا إلى الجزيرة، ثم قال ستيفن إن المشاركين سيتداولون الأمر.")
    found = entities(text, ner_at(text, ("أبحروا", "PER"), ("ستيفن", "PER"), ("سيتداولون", "PER")))
    assert [m.text for e in found for m in e.mentions] == ["ستيفن"]


def test_cue_does_not_take_common_words_for_a_name() -> None:
    text = article("ودعا رئيس الوزراء إلى زيادة عدد القوات، وقررت الوزيرة تشكيل لجنة فنية.")
    assert entities(text) == ()


# --- lexicon collisions ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("word", ["مات", "بيت", "جاري", "راي"])
def test_given_names_that_are_common_words_mark_no_person(word: str) -> None:
    text = article(f"وقال المسؤول إن {word} سلمان خالد كان مغلقا.")
    assert all(not m.text.startswith(word) for e in entities(text) for m in e.mentions)


def test_letter_words_alone_stay_arabic_words() -> None:
    # "في" and "أو" spell V and O only beside another spelled letter ("إن بي سي")
    text = article("وقالت شبكة إن بي سي نيوز إن المرشح قد يفوز في ولاية أو أكثر.")
    found = entities(text)
    nbc = by_mention(found, "إن بي سي نيوز")
    assert nbc.type == "ORG"
    assert all(m.text not in ("في", "أو") for e in found for m in e.mentions)
    text = article("أعلنت شبكة في الأسبوع الماضي أو قبله عن برنامج جديد.")
    assert all("في" not in m.text.split() for e in entities(text) for m in e.mentions)


# --- a bare title joins its holder ----------------------------------------------------------------------------


def test_bare_title_joins_the_only_person_holding_it() -> None:
    text = article(
        "قالت الرئيسة التنفيذية للشركة سلمى حداد إن الأرباح زادت.",
        "وأضافت الرئيسة التنفيذية أن الشركة ستتوسع في الخليج.",
    )
    found = entities(text)
    salma = by_mention(found, "سلمى حداد")
    assert [m.text for m in salma.mentions] == ["سلمى حداد", "الرئيسة التنفيذية"]


def test_bare_title_left_alone_when_two_people_hold_it() -> None:
    text = article(
        "وقال الوزير خالد العمري إن الحكومة تدعم الخطة، وقال الوزير فهد سالم إنه يوافق.",
        "لكن الوزير لم يحضر الاجتماع.",
    )
    found = entities(text)
    assert all(m.text != "الوزير" for e in found for m in e.mentions)
    assert {e.name for e in found} >= {"خالد العمري", "فهد سالم"}


def test_bare_title_before_any_name_stays_unlinked() -> None:
    text = article("وأكد الوزير أن الخطة جاهزة.", "وقال الوزير خالد العمري إن التنفيذ يبدأ غدا.")
    found = entities(text)
    assert [m.text for m in by_mention(found, "خالد العمري").mentions] == ["خالد العمري"]


# --- no quadratic time ----------------------------------------------------------------------------------------


def test_many_distinct_names_and_one_repeated_surname_finish() -> None:
    letters = "بتثجحخدذرزسشصضطظعغفقكلمنهي"
    names = [f"سامر{letters[n % 26]}{letters[n // 26 % 26]} حداد{letters[n // 676]}" for n in range(5000)]
    found = entities(article("، ".join(f"قال {x}" for x in names) + "."))
    assert sum(len(e.mentions) for e in found) >= 4000  # sound-alike spellings may share an entity
    text = article("قال الرئيس جو بايدن " + " و".join(["بايدن"] * 20000) + ".")
    found = entities(text)
    biden = by_mention(found, "جو بايدن")
    assert len(biden.mentions) > 20000 // 2


def test_bare_title_joins_the_person_the_kb_describes_with_it() -> None:
    text = article("قالت كامالا هاريس إن الانتخابات مهمة.", "وأضافت نائبة الرئيس أن الحملة مستمرة.")
    harris = by_mention(entities(text), "كامالا هاريس")
    assert harris.wikidata == "Q10853588"
    assert [m.text for m in harris.mentions] == ["كامالا هاريس", "نائبة الرئيس"]


def test_bare_title_two_presidents_in_the_kb_stay_apart() -> None:
    # Biden and Trump are both described as presidents: "الرئيس" alone is ambiguous
    text = article("ورد دونالد ترامب بأن جو بايدن فشل.", "وقال الرئيس إن الاقتصاد قوي.")
    assert all(m.text != "الرئيس" for e in entities(text) for m in e.mentions)


_WORDS = ["الرئيس", "قال", "وقالت", "كامالا", "هاريس", "فاطمة", "للأسر", "في", "إن", "بي", "سي", "مكة"]
_WORDS += ["المكرمة", "،", "."]


@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=30), st.data())
@settings(max_examples=150, deadline=None)
def test_any_model_spans_give_exact_offsets(words: list[str], data: st.DataObject) -> None:
    text = article(" ".join(words))
    starts = [n for n in range(len(text)) if n == 0 or text[n - 1] == " "]
    spans = []
    for _ in range(data.draw(st.integers(0, 4))):
        a = data.draw(st.sampled_from(starts))
        ends = [n for n in range(a + 1, len(text) + 1) if n == len(text) or text[n] in " \n"]
        b = data.draw(st.sampled_from(ends))
        spans.append(NerSpan(text[a:b], a, b, data.draw(st.sampled_from(["PER", "ORG", "LOC", "MISC"]))))
    found = entities(text, tuple(spans))  # the helper checks text[start:end] == mention text
    assert all(e.mentions for e in found)


# --- lone words from the model ----------------------------------------------------------------------------------


def _ner(text: str, *spans: tuple[str, str]) -> tuple[NerSpan, ...]:
    out = []
    for word, kind in spans:
        start = text.index(word)
        out.append(NerSpan(word, start, start + len(word), kind, 1.0))
    return tuple(out)


@pytest.mark.parametrize(
    ("name", "lone", "mention"),
    [("سلمى حداد", "لحداد", "حداد"), ("سلمى الدوسري", "للدوسري", "للدوسري")],
)
def test_a_clitic_on_a_lone_surname_still_joins_the_person(name: str, lone: str, mention: str) -> None:
    text = article(f"قالت المرشحة {name} إن الحملة بدأت.", f"ووجه المانحون انتقادات لاذعة للحملة وليس {lone}.")
    found = entities(text, _ner(text, (lone, "PER")))
    person = by_mention(found, name)
    assert mention in [m.text for m in person.mentions]
    assert len([e for e in found if e.type == "PER"]) == 1


def test_a_lone_everyday_word_is_no_person_but_a_given_name_or_a_speaker_is() -> None:
    text = article("سوف نفوز بهذه الانتخابات، ثم جاءت سارة إلى القاعة.", "وقال جوتاكا إن الاجتماع كان ناجحا.")
    found = entities(text, _ner(text, ("نفوز", "PER"), ("سارة", "PER"), ("جوتاكا", "PER")))
    names = {e.name for e in found}
    assert "نفوز" not in names
    assert {"سارة", "جوتاكا"} <= names


def test_a_lone_word_never_links_an_obscure_kb_person_by_sound() -> None:
    # the bundled KB holds a Moroccan MP whose surname sounds like "مسؤولو" (officials); a lone word by sound
    # reaches only famous people
    text = article("وقال مسؤولو الحملة إن التبرعات ارتفعت.")
    found = entities(text, _ner(text, ("مسؤولو", "PER")))
    assert all(e.wikidata is None for e in found)


def test_a_title_run_extends_a_one_word_model_person_over_a_kb_place() -> None:
    text = article("وقاد المكالمة الصحفي رولاند مارتن، وشارك فيها آخرون.")
    found = entities(text, _ner(text, ("رولاند", "PER")))
    person = by_mention(found, "رولاند مارتن")
    assert person.type == "PER"
    assert not any(e.type == "LOC" for e in found)


def test_a_model_person_ends_at_the_surname_of_someone_met_in_full() -> None:
    text = article("وقال الرئيس جو بايدن إن الاقتصاد قوي.", "وانقسم الحضور بين معجبي بايدن المتحمسين والمتشككين.")
    found = entities(text, _ner(text, ("بايدن المتحمسين", "PER")))
    biden = by_mention(found, "جو بايدن")
    assert len(biden.mentions) == 2
    assert not any("المتحمسين" in m.text for e in found for m in e.mentions)


def test_a_clitic_person_ends_a_model_event() -> None:
    text = article("وقال الرئيس جو بايدن إن الاجتماع مهم.", "وأشادت الوزيرة خلال المكالمة ببايدن قبل أن تغادر.")
    found = entities(text, _ner(text, ("المكالمة ببايدن", "MISC")))
    biden = by_mention(found, "جو بايدن")
    assert "بايدن" in [m.text for m in biden.mentions] or "ببايدن" in [m.text for m in biden.mentions]
    assert not any(m.text == "المكالمة ببايدن" for e in found for m in e.mentions)


def test_a_title_with_a_possessive_pronoun_is_no_name_but_a_name_in_ta_marbuta_is() -> None:
    text = article(
        "وقال إن رئيسنا يعمل بجد، وإن وزارتها أعلنت الخطة.",
        "وقال مسؤولو الحملة إن المشروع بدأ، وقال سلامة إن العمل مستمر.",
    )
    found = entities(text, _ner(text, ("رئيسنا", "ORG"), ("وزارتها", "ORG"), ("مسؤولو", "PER"), ("سلامة", "PER")))
    names = {e.name for e in found}
    assert not {"رئيسنا", "وزارتها", "مسؤولو"} & names
    assert "سلامة" in names


# --- institutions named by description --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("وأعلنت وزارة الشؤون الاجتماعية عن برنامج جديد.", "وزارة الشؤون الاجتماعية"),
        ("وقالت الهيئة العامة للسياحة إن الموسم بدأ.", "الهيئة العامة للسياحة"),
        ("وانتقدت الحكومة اليونانية الخطة.", "الحكومة اليونانية"),
        ("واجتمع أعضاء غرفة جدة أمس.", "غرفة جدة"),
        ("وفاز فريق جامعة الملك عبدالعزيز بالمركز الأول.", "جامعة الملك عبدالعزيز"),
        ("وأعلن الاتحاد السعودي لكرة القدم موعد المباراة.", "الاتحاد السعودي لكرة القدم"),
        ("وقال المرصد الوطني لحقوق الإنسان إن الاشتباكات تجددت.", "المرصد الوطني لحقوق الإنسان"),
        ("ورفع البنك المركزي الأردني سعر الفائدة.", "البنك المركزي الأردني"),
        ("وأصدر معهد الدراسات الاقتصادية تقريره السنوي.", "معهد الدراسات الاقتصادية"),
        ("وفاز حزب العمل الديمقراطي بأغلبية المقاعد.", "حزب العمل الديمقراطي"),
    ],
)
def test_institutions_named_by_description_are_organisations(sentence: str, name: str) -> None:
    ent = by_mention(entities(article(sentence)), name)
    assert ent.type == "ORG"


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("وقال رئيس النيابة الدكتور خالد العلي إن التحقيق مستمر.", "النيابة"),  # a title starts the person
        ("وشارك مجلس الدفاع المدني واللجنة العامة في الاجتماع.", "مجلس الدفاع المدني"),  # two bodies, not one
    ],
)
def test_an_institution_ends_before_a_title_or_a_second_body(sentence: str, name: str) -> None:
    found = entities(article(sentence))
    assert all(
        not m.text.startswith(name) or m.text == name or len(m.text) < len(name) + 3 for e in found for m in e.mentions
    )
    assert not any("الدكتور" in m.text and m.text.startswith("النيابة") for e in found for m in e.mentions)


def test_a_party_or_an_observatory_needs_more_than_one_word_to_be_a_body() -> None:
    found = entities(article("وقال إن الحزب المتطرف لا يمثل أحدا، وإن المرصد الفلكي مغلق."))
    assert not [e for e in found if e.name in ("الحزب المتطرف", "المرصد الفلكي")]


@pytest.mark.parametrize(
    "sentence",
    ["وقال إن الوضع على الأرض لا يزال صعبا في المدينة.", "وخرج الناس إلى الشوارع رغم حرارة الشمس."],
)
def test_an_everyday_word_is_not_linked_to_the_kb_entity_it_spells(sentence: str) -> None:
    assert not [e for e in entities("عنوان الخبر\n\n" + sentence) if e.name in ("الأرض", "الشمس")]


@pytest.mark.parametrize(
    ("sentence", "span", "kind"),
    [
        ("وارتفع سعر صرف الدولار أمام اليورو أمس.", "الدولار", "MISC"),
        ("وبلغت القيمة ألف جنيه فقط.", "ألف جنيه", "MISC"),
        ("وتحدث عن الوضع الحالي للاقتصاد.", "الوضع الحالي", "ORG"),
        ("ويهتم بالشباب والاقتصاد في خطابه.", "بالشباب والاقتصاد", "MISC"),
    ],
)
def test_model_spans_of_money_or_everyday_words_are_no_entities(sentence: str, span: str, kind: str) -> None:
    text = article(sentence)
    assert not [e for e in entities(text, _ner(text, (span, kind))) if span in e.name or e.name in span]


@pytest.mark.parametrize(
    ("sentence", "span", "mention"),
    [
        ("وأعلن البنك المركزي والبنك الدولي عن برنامج مشترك.", "والبنك الدولي", "البنك الدولي"),
        ("ورحب وزير الخارجية والتر شتاينماير بالقرار.", "والتر شتاينماير", "والتر شتاينماير"),
        # a place the KB does not know, after و: the و is a conjunction before a definite word
        ("وامتدت الاشتباكات إلى الحسكة والقامشلي خلال الليل.", "والقامشلي", "القامشلي"),
        ("وتعادل الهلال والتعاون في المباراة.", "والتعاون", "التعاون"),
    ],
)
def test_a_proclitic_before_the_article_is_left_out_of_a_model_mention(sentence: str, span: str, mention: str) -> None:
    text = article(sentence)
    kind = "ORG" if ("البنك" in span or "التعاون" in span) else "LOC" if "القامشلي" in span else "PER"
    found = entities(text, _ner(text, (span, kind)))
    assert mention in [m.text for e in found for m in e.mentions]


@pytest.mark.parametrize(
    "sentence", ["وهو أول وزير خارجية اسباني يزور المنطقة.", "ووقف خيري لشهداء الوطن وبردة لشاعر القبيلة."]
)
def test_an_adjective_of_a_place_or_a_short_word_one_vowel_off_is_not_linked(sentence: str) -> None:
    assert not [e for e in entities(article(sentence)) if e.wikidata in ("Q29", "Q259253")]


def test_the_place_itself_is_still_linked() -> None:
    found = entities(article("وزار الوفد إسبانيا ثم توجه إلى بريدة."))
    assert {e.wikidata for e in found} >= {"Q29", "Q259253"}


# --- one entity per name ------------------------------------------------------------------------------------------


def _all(text: str, word: str, kinds: list[str]) -> tuple[NerSpan, ...]:
    """Model spans on every occurrence of ``word``, with the types ``kinds`` in order."""
    out, at = [], -1
    for kind in kinds:
        at = text.index(word, at + 1)
        out.append(NerSpan(word, at, at + len(word), kind, 1.0))  # type: ignore[arg-type]
    return tuple(out)


def test_a_name_written_the_same_is_one_entity_whatever_type_the_model_gave() -> None:
    text = article(
        "خفضت وكالة ستاندرد آند بورز التصنيف الائتماني لروسيا.",
        "وتوقعت ستاندرد آند بورز أن يتباطأ النمو، وقال محللون إن ستاندرد آند بورز قد تعيد النظر.",
    )
    found = entities(text, _all(text, "ستاندرد آند بورز", ["ORG", "MISC", "ORG"]))
    owners = [e for e in found if "بورز" in e.name]
    assert len(owners) == 1
    assert owners[0].type == "ORG" and len(owners[0].mentions) == 3  # the type most mentions were given


def test_the_same_lone_name_twice_is_one_person() -> None:
    text = article("وقال جوتاكا إن الاجتماع كان ناجحا.", "وأضاف جوتاكا أن الخطة ستنفذ قريبا.")
    found = entities(text, _all(text, "جوتاكا", ["PER", "PER"]))
    people = [e for e in found if e.name == "جوتاكا"]
    assert len(people) == 1 and len(people[0].mentions) == 2


@pytest.mark.parametrize(
    ("sentence", "name", "kind"),
    [
        ("وأعلن مركز الملك سلمان للإغاثة عن قافلة جديدة.", "مركز الملك سلمان للإغاثة", "ORG"),
        ("وأغلقت الجهات المختصة طريق الملك فهد أمس.", "طريق الملك فهد", "LOC"),
        ("وتنظم جمعية الملك عبدالعزيز النسائية ملتقى.", "جمعية الملك عبدالعزيز النسائية", "ORG"),
        ("ويقع مستشفى الأمير سلطان بن عبدالعزيز في الحي.", "مستشفى الأمير سلطان بن عبدالعزيز", "ORG"),
        ("وافتتحت مدينة الملك فهد الساحلية أبوابها أمس.", "مدينة الملك فهد الساحلية", "LOC"),
    ],
)
def test_a_body_or_place_named_after_a_royal_is_not_the_royal(sentence: str, name: str, kind: str) -> None:
    text = article(sentence)
    found = entities(text)
    ent = by_mention(found, name)
    assert ent.type == kind
    assert not any(e.type == "PER" for e in found)


def test_a_named_body_the_kb_knows_stays_linked() -> None:
    text = article(
        "وقال رئيس جامعة الملك سعود بالرياض إن الطلاب عادوا.", "وأعلنت مدينة الملك عبدالعزيز للعلوم والتقنية عن قمر."
    )
    found = entities(text)
    assert by_mention(found, "جامعة الملك سعود").wikidata == "Q1752043"
    assert by_mention(found, "مدينة الملك عبدالعزيز للعلوم والتقنية").wikidata == "Q6411201"


def test_the_kingdom_alone_is_the_kingdom_the_article_names() -> None:
    text = article(
        "وصلت وفود إلى المملكة العربية السعودية أمس.",
        "وتعمل المملكة على دعم اليمن، وقال إن بالمملكة خبرات كبيرة.",
    )
    saudi = by_mention(entities(text), "المملكة العربية السعودية")
    assert saudi.wikidata == "Q851"
    assert [m.text for m in saudi.mentions].count("المملكة") == 2  # "المملكة" and "بالمملكة"
    # two kingdoms named: which one "المملكة" means is not sure, so it stays no one's
    both = entities(text + " وزار الوفد المملكة المتحدة.")
    assert [m.text for m in by_mention(both, "المملكة العربية السعودية").mentions] == ["المملكة العربية السعودية"]
    assert by_mention(both, "المملكة المتحدة").wikidata == "Q145"


def test_the_kingdom_alone_is_the_kingdom_of_the_places_the_article_names() -> None:
    text = article("وافتتح المعرض في جدة أمس بحضور مسؤولين.", "وقال إن المملكة تدعم الأسر المنتجة في الدمام.")
    kingdom = by_mention(entities(text), "المملكة")
    assert kingdom.wikidata == "Q851"  # Jeddah and Dammam: "مدينة في السعودية"
    # places in two kingdoms: not sure which
    found = entities(text + " وزار الوفد المنامة.")
    assert not any(any(m.text == "المملكة" for m in e.mentions) for e in found)


def test_the_kingdom_alone_is_no_one_when_the_article_names_no_kingdom() -> None:
    found = entities(article("وتعمل المملكة على دعم اليمن بالتعاون مع الأمم المتحدة."))
    assert not any(any(m.text == "المملكة" for m in e.mentions) for e in found)


# --- the model's spans: what no name begins or continues with ------------------------------------------------------


def test_a_model_span_of_a_noun_and_a_person_met_gives_the_person() -> None:
    text = article("قال الرئيس جو بايدن إن الاقتصاد يتحسن.", "وقال أحد مستشاري بايدن إن تنفير بايدن للناخبين لم يحدث.")
    found = entities(text, _ner(text, ("مستشاري بايدن", "PER"), ("تنفير بايدن", "PER")))
    biden = by_mention(found, "جو بايدن")
    assert [m.text for m in biden.mentions].count("بايدن") == 2
    assert not any("مستشاري" in e.name or "تنفير" in e.name for e in found)


def test_a_clause_in_marks_is_no_work_and_a_pronoun_begins_no_name() -> None:
    text = article("وقالت هاريس للحضور: “أنا أؤمن بقلبي”.")
    found = entities(text, _ner(text, ("أنا أؤمن بقلبي", "MISC")))
    assert not any("أؤمن" in e.name for e in found)


def test_a_word_with_a_preposition_and_a_plural_pronoun_ends_a_model_person() -> None:
    text = article("قال أمير المنطقة للأهالي: أسعد بخدمتكم وأبوابي مفتوحة.")
    found = entities(text, _ner(text, ("أسعد بخدمتكم", "PER")))
    assert not any("بخدمتكم" in e.name for e in found)


def test_a_model_place_with_its_head_links_the_place() -> None:
    text = article("وتجري الانتخابات التمهيدية في ولاية نيفادا الشهر المقبل.")
    found = entities(text, _ner(text, ("ولاية نيفادا", "LOC")))
    assert by_mention(found, "ولاية نيفادا").wikidata == "Q1227"


def test_a_head_word_that_announces_a_name_is_not_part_of_it() -> None:
    text = article("أعلنت شركة أرامكو السعودية عن ارتفاع أرباحها، وقالت منظمة الصحة العالمية إن الوضع مستقر.")
    found = entities(text, _ner(text, ("شركة أرامكو السعودية", "ORG"), ("منظمة الصحة العالمية", "ORG")))
    assert by_mention(found, "أرامكو السعودية").type == "ORG"
    assert by_mention(found, "منظمة الصحة العالمية").wikidata == "Q7817"  # the head is part of this name


def test_an_adjective_after_a_title_is_no_person() -> None:
    text = article("قال السيناتور الديمقراطي بيرني ساندرز إن الخطة ضرورية.")
    found = entities(text, _ner(text, ("السيناتور الديمقراطي", "PER"), ("بيرني ساندرز", "PER")))
    assert [e.name for e in found if e.type == "PER"] == ["بيرني ساندرز"]


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("وأعلنت أمانة المنطقة الشرقية عن مشروع جديد.", "أمانة المنطقة الشرقية"),
        ("وقال رئيس غرفة تجارة وصناعة جدة إن السوق نشطة.", "غرفة تجارة وصناعة جدة"),
        ("وأكدت هيئة تطوير الرياض أن المشروع بدأ.", "هيئة تطوير الرياض"),
    ],
)
def test_a_body_named_after_a_place_is_the_body(sentence: str, name: str) -> None:
    found = entities(article(sentence))
    assert by_mention(found, name).type == "ORG"


def test_a_name_in_marks_after_la_is_the_outlet_spoken_to() -> None:
    text = article(
        "وتتسارع التحركات في الشرق الأوسط منذ أشهر.",
        'وقال السفير لـ«الشرق الأوسط»، إن التحركات بدأت، وصرح مسؤول لـ"عكاظ" بأن الأمر انتهى.',
    )
    found = entities(text)
    outlet = [e for e in found if e.name == "الشرق الأوسط" and e.type == "ORG"]
    region = [e for e in found if e.wikidata == "Q7204"]
    assert len(outlet) == 1 and outlet[0].wikidata is None and len(outlet[0].mentions) == 1
    assert len(region) == 1 and region[0].type == "LOC" and len(region[0].mentions) == 1
    assert by_mention(found, "عكاظ").type == "ORG"


def test_a_head_noun_alone_is_no_place_even_in_the_kb() -> None:
    # the bundled KB holds a neighbourhood called "قرية" (The Village)
    text = article("توجد قرية صغيرة بين جبلين، وتعيش فيها عائلات قليلة.")
    assert not entities(text, _ner(text, ("قرية", "LOC")))
    assert not entities(text)


def test_a_preposition_glued_to_an_everyday_noun_is_no_place_but_a_known_place_is() -> None:
    text = article("ويبيت بالليالي في السيارة، ثم سافر بالظهران، ووصل إلى السويداء ثم عاد بالسويداء.")
    found = entities(text, _ner(text, ("بالليالي", "LOC"), ("بالظهران", "LOC"), ("بالسويداء", "LOC")))
    names = {e.name for e in found}
    assert "بالليالي" not in names and "الليالي" not in names
    assert "الظهران" in names and any(e.name in ("السويداء", "بالسويداء") for e in found)


def test_a_conjunction_before_a_name_is_left_out() -> None:
    text = article("وشارك في المعركة أبو عبيدة التونسي وأبو القعقاع الشامي، وزار فرنسا وإنجلترا ثم إنجلترا مجددا.")
    found = entities(
        text, _ner(text, ("أبو عبيدة التونسي", "PER"), ("وأبو القعقاع الشامي", "PER"), ("وإنجلترا", "LOC"))
    )
    assert by_mention(found, "أبو القعقاع الشامي").type == "PER"
    assert "إنجلترا" in [m.text for e in found for m in e.mentions]
    assert not any(m.text.startswith("و") for e in found for m in e.mentions)


def test_a_conjunction_between_people_the_model_lists_is_left_out() -> None:
    # a given name the article writes with و ("وليد") keeps it; the و of a list of people is no part of a name
    text = article("وشارك في المسلسل كندة علوش وباسل خياط، ومارغوت روبي ووليد القليب.")
    spans = _ner(text, ("كندة علوش", "PER"), ("وباسل خياط", "PER"), ("ومارغوت روبي", "PER"), ("ووليد القليب", "PER"))
    found = entities(text, spans)
    names = [m.text for e in found for m in e.mentions]
    assert {"باسل خياط", "مارغوت روبي", "وليد القليب"} <= set(names)
    assert not any(n.startswith(("وب", "وم", "وو")) for n in names)


def test_a_common_full_name_never_links_an_obscure_kb_person_by_sound() -> None:
    # "محمد حسين" sounds like a legislator of the bundled KB ("Muhammad ʿAbdallah Hasan", prior 0.3)
    text = article("وسجل اللاعب محمد حسين هدفين في المباراة، وقال محمد حسين إن الفريق جاهز.")
    found = entities(text, _all(text, "محمد حسين", ["PER", "PER"]))
    assert by_mention(found, "محمد حسين").wikidata is None


def test_a_name_without_its_head_noun_is_the_fuller_name_met() -> None:
    text = article(
        "وفاز نادي النصر على ضيفه، وأعلنت جامعة هارفارد عن منحة، وارتفعت الحرارة في المنطقة الشرقية.",
        "وقال مدرب النصر إن الفريق جاهز، وتمنح هارفارد عشرين منحة، ويتوقع أن تنخفض الحرارة بالشرقية.",
    )
    spans = (
        _all(text, "النصر", ["ORG", "ORG"]) + _all(text, "هارفارد", ["ORG", "ORG"]) + _ner(text, ("بالشرقية", "LOC"))
    )
    found = entities(text, spans)
    nasr = by_mention(found, "نادي النصر")
    assert "النصر" in [m.text for m in nasr.mentions]
    harvard = by_mention(found, "جامعة هارفارد")
    assert harvard.wikidata == "Q13371" and len(harvard.mentions) == 2
    east = by_mention(found, "المنطقة الشرقية")
    assert len(east.mentions) == 2


def test_a_headed_name_keeps_its_own_entity_beside_a_longer_one() -> None:
    # "الأهلي" is "النادي الأهلي"; the club is no part of its academy, whatever order the names are read in
    text = article(
        "فاز النادي الأهلي على ضيفه أمس. وقال مدرب الأهلي إن الفريق لعب جيدا.",
        "وتخرج اللاعب من أكاديمية النادي الأهلي قبل عامين، ويلعب الأهلي مباراته المقبلة الأحد.",
    )
    spans = list(_ner(text, ("النادي الأهلي", "ORG"), ("أكاديمية النادي الأهلي", "ORG")))
    for phrase in ("مدرب الأهلي", "ويلعب الأهلي"):
        at = text.index(phrase) + phrase.index("الأهلي")
        spans.append(NerSpan("الأهلي", at, at + len("الأهلي"), "ORG", 1.0))
    found = entities(text, tuple(spans))
    club = by_mention(found, "النادي الأهلي")
    assert [m.text for m in club.mentions] == ["النادي الأهلي", "الأهلي", "الأهلي"]
    assert by_mention(found, "أكاديمية النادي الأهلي") is not club


# --- bodies named in marks, places that are also everyday words ------------------------------------------------


@pytest.mark.parametrize(
    ("body", "name", "qid"),
    [
        ("وقال أحد الشهود لوكالة «رويترز» إن عدد الضحايا ارتفع.", "رويترز", "Q130879"),
        ("ونشر اتهاماته على صفحته على موقع «فيسبوك» مدعمة بالوثائق.", "فيسبوك", "Q355"),
    ],
)
def test_a_body_named_in_marks_after_its_head_keeps_the_kb_link(body: str, name: str, qid: str) -> None:
    ent = by_mention(entities(article(body)), name)
    assert (ent.type, ent.wikidata) == ("ORG", qid)


@pytest.mark.parametrize(
    "body",
    [
        "وصل وزير الخارجية إلى مسقط أمس في زيارة رسمية.",
        "وافتتح أمير المنطقة المعرض في الطائف بحضور المسؤولين.",
    ],
)
def test_a_place_the_news_names_often_is_linked_though_also_a_word(body: str) -> None:
    name = "مسقط" if "مسقط" in body else "الطائف"
    assert by_mention(entities(article(body)), name).wikidata == ("Q3826" if name == "مسقط" else "Q182640")


def test_an_everyday_word_heading_a_construct_is_no_linked_place() -> None:
    found = entities(article("وعاد اللاعب إلى مسقط رأسه بعد انتهاء الموسم."))
    assert all(e.wikidata != "Q3826" for e in found)


def test_the_gazetteer_passes_over_words_that_begin_names_but_name_nothing_alone() -> None:
    from arnews.kb import default_kb
    from arnews.linker.tokens import kb_memo

    kb = default_kb()
    memo = kb_memo(kb)
    assert memo is kb_memo(kb)  # one per KB and process
    # "من" and "على" may begin a KB name by sound, and name nobody by themselves
    for word in ("من", "علي", "وزير"):
        assert memo.start_readings(word) and not memo.names_alone(word)
    for word in ("الرياض", "بالرياض", "ايران"):  # behind a clitic too
        assert memo.names_alone(word)
    for word in ("الرياض", "من", "اوباما"):
        assert memo.surname_prior(word) == kb.surname_prior(word)


def test_a_span_grows_while_some_name_begins_with_its_words() -> None:
    from arnews.core.names import words
    from arnews.core.text import normalize
    from arnews.kb import default_kb
    from arnews.linker.tokens import kb_memo, stem_keys

    kb, memo = default_kb(), kb_memo(default_kb())

    def keyed(text: str) -> tuple[tuple[str, str, str], ...]:
        return tuple(k for w in normalize(text).split() for k in stem_keys(w))

    for text in map(normalize, ("محمد بن", "محمد بن سلمان", "جامعة الدول", "الأمم المتحدة")):
        assert memo.grows(keyed(text)), text
        assert kb.could_continue(text), text  # the KB's own test of a written name
    for text in ("قال في", "الرياض قال", "محمد بن قال"):
        assert not memo.grows(keyed(text)), text
    # a known name outside the KB grows by its words too
    from arnews.linker.tokens import known_name_kinds

    known = next(k for k in known_name_kinds() if " " in k and not kb.could_continue(k))
    assert memo.grows(keyed(" ".join(words(known)[:2])))


def test_a_kb_with_a_test_of_its_own_is_asked_it() -> None:
    """The memo looks a run's keys up in the in-memory KB's prefixes itself; a KB that answers
    :meth:`~arnews.kb.KnowledgeBase.continues` its own way (the SQLite KB, a subclass) is asked."""
    from arnews.kb import KbEntry, KnowledgeBase
    from arnews.linker.tokens import KbMemo, stem_keys

    class Nothing(KnowledgeBase):
        def continues(self, keyed: object) -> bool:
            return False

    entries = [KbEntry("Q1", "ORG", ("جامعة الدول العربية",))]
    run = tuple(k for w in ("جامعه", "الدول") for k in stem_keys(w))
    assert KbMemo(KnowledgeBase(entries)).grows(run)
    assert not KbMemo(Nothing(entries)).grows(run)

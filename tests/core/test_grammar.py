"""The one name grammar: where a person's name runs and ends, read the same way by entities and by speakers."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from arnews import Pipeline
from arnews.core import grammar, titles
from arnews.core.lexicons import load_set
from arnews.core.text import normalize


def tokens(phrase: str) -> list[tuple[int, int, str]]:
    """The normal-form tokens of a phrase of words."""
    toks, pos = [], 0
    for w in normalize(phrase).split():
        toks.append((pos, pos + len(w), w))
        pos += len(w) + 1
    return toks


def run(phrase: str, *, first_known: bool = False) -> str:
    toks = tokens(phrase)
    end = grammar.name_run(toks, 0, first_known=first_known)
    return " ".join(t[2] for t in toks[:end])


@pytest.mark.parametrize(
    ("phrase", "name"),
    [
        ("خالد العلي للصحفيين", "خالد العلي"),  # a preposition fused with the article starts a phrase
        ("عادل بن أحمد الجبير للصحفيين", "عادل بن احمد الجبير"),  # a link and its name are one part
        ("فيصل بن بندر بن عبدالعزيز أمير منطقة الرياض", "فيصل بن بندر بن عبدالعزيز"),
        ("شذى المغربي أعلنت", "شذى المغربي"),  # a family name in the nisba form
        ("عبدالفتاح السيسي نقل الرئيس", "عبدالفتاح السيسي"),  # a frequent word of news ends a name
        ("جون كيري الشهر الماضي", "جون كيري"),
        ("الوزير خالد", ""),  # a name does not open with the article
        ("وزارة الصحة", ""),  # nor with an organisation head
        ("قال خالد", ""),  # a verb of saying ends (and so never opens) a name
        # a preposition on an everyday word, its phrase going on, ends a name
        ("كاتسيلي لوسائل الإعلام", "كاتسيلي"),
        ("استقدام بعدم استقدام", "استقدام"),
        ("بينيتيز بخطوة لتدعيم", "بينيتيز"),
        # not a family name that looks so and ends the phrase
        ("راجح بادي ، إن", "راجح بادي"),
        ("تيد بيكون إن", "تيد بيكون"),
        ("خالد بن محمد لوسائل الإعلام", "خالد بن محمد"),
        ("اللواء مظلوم ل «الشرق الأوسط»", ""),  # (a title opens no name)
        ("مظلوم ل «الشرق الأوسط»", "مظلوم"),  # a lone letter is a preposition: "لـ«الشرق الأوسط»"
        # the Dutch van inside a name, not فإن (one normal form) before a noun, the article or a given name
        ("لويس فان غال المدير الفني", "لويس فان غال"),
        ("روبن فان بيرسي للصحفيين", "روبن فان بيرسي"),
        ("بدر السحيباني فإن شرطة المنطقة", "بدر السحيباني"),
        ("خالد العلي فإن الحكومة", "خالد العلي"),
        ("فهد الحربي فإن حسين", "فهد الحربي"),
        # a Latin initial spelled out without its dot makes one part with the name after it
        ("جورج دبليو بوش للصحفيين", "جورج دبليو بوش"),
        ("هشام دي إيدي الباحث", "هشام دي إيدي"),
        # a form of كان opens the name's predicate, even where a second word may be an everyday one
        ("طارق كان يعمل", "طارق"),
        ("عمر وكانت", "عمر"),
        ("خالد سعيد رئيس", "خالد سعيد"),
        # an imperfect verb with its phrase after it opens the predicate; before a title or punctuation it may be
        # a surname that looks like a verb
        ("روحاني يتحرك نحو", "روحاني"),
        ("كارولين تسيطر على قلبه", "كارولين"),
        ("جوزيف سميث يفكر في", "جوزيف سميث"),
        ("جانيت يلين رئيسة", "جانيت يلين"),
        # الله is a name's second word ("عبد الله"); after a definite word it is a verb's object, and a religious
        # formula after a name ends it
        ("عبد الله المطلق", "عبد الله المطلق"),
        ("سعاد الحربي الله أن يحفظ", "سعاد الحربي"),
        ("أبو سعيد الخدري رضي الله عنه", "أبو سعيد الخدري"),
        ("سلمان بن عبدالعزيز حفظه الله", "سلمان بن عبدالعزيز"),
        ("رجب طيب أردوغان إن", "رجب طيب أردوغان"),
    ],
)
def test_where_a_name_runs(phrase: str, name: str) -> None:
    assert run(phrase) == normalize(name)


def test_a_first_word_read_by_the_caller_is_kept() -> None:
    assert run("وحي أمان وزير الأشغال") == ""  # alone the grammar reads و + حي (a district)
    assert run("وحي أمان وزير الأشغال", first_known=True) == normalize("وحي أمان")


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("وقال وزير الخارجية عادل بن أحمد الجبير للصحفيين إن المملكة ستواصل دعمها.", "عادل بن أحمد الجبير"),
        ("وأكد الشيخ عبدالرحمن السديس أن الحرم جاهز لاستقبال المصلين.", "عبدالرحمن السديس"),
        ("قالت المتحدثة باسم البرنامج شذى المغربي إن المساعدات ستستمر.", "شذى المغربي"),
        ("وقال الأمير فيصل بن بندر بن عبدالعزيز أمير منطقة الرياض إن العمل مستمر.", "فيصل بن بندر بن عبدالعزيز"),
        # a Latin initial spelled out in Arabic, with its dot, is inside the name
        ("وقالت لورا إيه. كولانجيلو، من كلية الطب، إن النتائج مهمة.", "لورا إيه. كولانجيلو"),
        ("تساءلت سارة جيه. ميتشيل، الباحثة لدى المعهد: «من يملك الوقت؟».", "سارة جيه. ميتشيل"),
    ],
)
def test_entities_and_speakers_read_one_name(body: str, name: str) -> None:
    article = Pipeline(exclude=["ner"]).parse("عنوان الخبر\n\n" + body)
    assert [e.name for e in article.entities if e.type == "PER"] == [name]
    assert [q.speaker.name for q in article.quotes if q.speaker] == [name]


def test_the_particle_an_is_no_given_name() -> None:
    # آن (Anne) and أن have one normal form: "بأن" would open a person's name before every clause it introduces
    assert not grammar.given_name(normalize("آن"))
    body = "وعبر عن اعتقاده بأن خطاب التنظيم موجه إلى المقاتلين. ويحلم المواطن بأن يحصل على حقوقه."
    article = Pipeline(exclude=["ner"]).parse("عنوان الخبر\n\n" + body)
    assert [e.name for e in article.entities if e.type == "PER"] == []


def title_end(phrase: str) -> tuple[str, bool]:
    toks = tokens(phrase)
    end, saw = titles.title_run(toks, 0)
    return " ".join(t[2] for t in toks[:end]), saw


@pytest.mark.parametrize(
    ("phrase", "title", "saw"),
    [
        # a nationality before a name describes the person as a title does
        ("البرازيلي إيلتون ألميدا لاعب خط الوسط", "البرازيلي", True),
        ("الأرجنتيني ليونيل ميسي", "الأرجنتيني", True),
        ("الإسبانية كارولينا مارين", "الإسبانية", True),
        # not before a word of everyday news, an article or a function word, and a country is no nationality
        ("المصري أن الفريق", "", False),
        ("البريطاني الجديد", "", False),
        ("السعودية فرض رسوم", "", False),
        # a title coordinated with the one before it
        ("الممثل ومقدم التلفزيون المصري سمير صبري", "الممثل ومقدم التلفزيون المصري", True),
        ("الكاتب والصحفي المصري سمير صبري", "الكاتب والصحفي المصري", True),
        # a noun in construct after a title without the article, and its complement
        ("وزير حقوق الإنسان اليمني", "وزير حقوق الإنسان اليمني", True),
        ("وزير خارجية النمسا سباستيان كورتس", "وزير خارجية النمسا", True),
        # a portfolio and the country it is of, written without the article
        ("وزير خارجية فرنسا لوران فابيوس", "وزير خارجية فرنسا", True),
        ("رئيس وزراء لوكسمبورغ كزافييه بيتيل", "رئيس وزراء لوكسمبورغ", True),
        ("وزير خارجية إيران محمد جواد ظريف", "وزير خارجية إيران", True),
        ("وزير داخلية إقليم بلوشستان أكبر حسين دوراني", "وزير داخلية إقليم بلوشستان", True),
        ("مدير شؤون المعلمين سعد المنيف", "مدير شؤون المعلمين", True),
        ("قائد قوة أمن الطرق خالد العلي", "قائد قوة أمن الطرق", True),  # two nouns in construct, then the definite
        ("اللفتنانت كولونيل ستيف وارن", "اللفتنانت كولونيل", True),  # a foreign rank after a rank, no article
        # not a name before its family name or its title, nor a body's name, nor after a title with the article
        ("مساعد غالي العنزي", "مساعد", True),
        ("مساعد غالي المتحدث الرسمي", "مساعد", True),
        ("مؤسسة جسر الملك فهد", "مؤسسة", True),
        ("الوزير سالم الحربي", "الوزير", True),
        # whom the title addresses ends it; the title's complement does not
        ("المحافظ للصحافيين على رصيف الميناء", "المحافظ", True),
        ("المتحدث الرسمي للوزارة سعد العلي", "المتحدث الرسمي للوزارة", True),
    ],
)
def test_what_a_title_run_covers(phrase: str, title: str, saw: bool) -> None:
    assert title_end(phrase) == (normalize(title), saw)


ROOT = Path(__file__).resolve().parents[2]


def script(folder: str, name: str) -> ModuleType:
    """A script of ``scripts/`` or ``training/`` loaded as a module (its folder on the path, for what it imports)."""
    where = str(ROOT / folder)
    sys.path.insert(0, where)
    try:
        spec = importlib.util.spec_from_file_location(name, ROOT / folder / f"{name}.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    finally:
        while where in sys.path:  # a training script puts its folder on the path itself too
            sys.path.remove(where)
    return module


def test_the_nationalities_are_those_of_the_knowledge_base() -> None:
    module = script("scripts", "make_nationalities")
    assert module.OUT.read_text(encoding="utf-8") == module.build()
    assert titles.nationality(normalize("البرازيلي")) and titles.nationality(normalize("الكينية"))
    assert not titles.nationality(normalize("المالي"))  # financial, far more often than Malian
    assert not titles.nationality(normalize("السعودية"))  # the country itself


def test_the_country_names_are_those_of_the_knowledge_base() -> None:
    module = script("scripts", "make_nationalities")
    assert module.COUNTRIES_OUT.read_text(encoding="utf-8") == module.build_countries()
    assert {normalize(w) for w in ("فرنسا", "مالطا", "لوكسمبورغ")} <= load_set("country_names")


NER_DATA = ROOT.parent / "shared" / "data" / "ner"


@pytest.mark.skipif(not (NER_DATA / "ANERCorp_HassanAzzam.txt").is_file(), reason="the shared NER data are absent")
def test_the_imperfect_verbs_are_those_of_the_train_and_dev_documents() -> None:
    module = script("training", "imperfect_verbs")
    assert module.OUT.read_text(encoding="utf-8") == module.build(NER_DATA)


def test_the_imperfect_verbs_hold_no_given_name() -> None:
    verbs = load_set("imperfect_verbs")
    assert {normalize(w) for w in ("يتحرك", "تهاجم", "يعيشون")} <= verbs
    assert not verbs & load_set("first_names")  # "تامر"، "يزيد" are names


def test_a_complement_in_l_needs_the_noun_it_completes_before_it() -> None:
    from arnews.core import titles
    from arnews.core.text import view
    from arnews.quotes.marks import paragraph_tokens

    v = view("لكرة القدم شعبية كبيرة")
    toks = paragraph_tokens(v, 0, len(v.norm))
    assert not titles.construct_after_l(toks, 0)  # nothing before it: no complement (and no wrap-around)
    v = view("رئيس الاتحاد الدولي لكرة القدم")
    toks = paragraph_tokens(v, 0, len(v.norm))
    assert titles.construct_after_l(toks, 3)


def test_no_name_opens_with_the_lam_an_adjective_governs() -> None:
    # "القوات الموالية لهادي"، "الشركة التابعة لأرامكو": ل is the adjective's preposition, not a name's first letter
    for phrase in ("القوات الموالية لهادي أن", "الشركة التابعة لأرامكو في"):
        toks = tokens(phrase)
        assert grammar.name_run(toks, 2) == 2
    toks = tokens("وقال لويس فان غال إن")  # a name that begins with ل after no such adjective
    assert grammar.name_run(toks, 1) > 1

"""The NLP layer: the embedded Stanza NER model on real Arabic sentences, model resolution and safe loading."""

from __future__ import annotations

import json
import subprocess
import sys
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from arnews.cli import main
from arnews.core.text import normalize
from arnews.errors import ModelError
from arnews.nlp import Analysis, RuleAnalyzer, StanzaAnalyzer, default_analyzer, model_form, resources, stanza_available
from arnews.nlp.resources import ENV_VAR, META_NAME, ModelSpec, resolve_ner_model

needs_stanza = pytest.mark.skipif(not stanza_available(), reason="stanza not installed")


@pytest.fixture(autouse=True)
def _no_user_models(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Tests see only the embedded model unless they set up something else (no ~/stanza_resources, no env)."""
    monkeypatch.delenv(ENV_VAR, raising=False)
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(tmp_path_factory.mktemp("no_stanza_resources")))


@pytest.fixture(scope="module")
def analyzer() -> StanzaAnalyzer:
    if not stanza_available():
        pytest.skip("stanza not installed")
    a = StanzaAnalyzer(resources.embedded_model_dir())
    a.load()
    return a


def _ents(a: Analysis) -> set[tuple[str, str]]:
    return {(e.text, e.type) for e in a.entities}


def _whole(text: str) -> list[tuple[int, int]]:
    return [(0, len(text))]


def _check_offsets(text: str, a: Analysis) -> None:
    for e in a.entities:
        assert text[e.start : e.end] == e.text
        assert e.text == e.text.strip() and e.text
    for t in a.tokens:
        assert text[t.start : t.end] == t.text


# --- the embedded model on real sentences -------------------------------------------------------------------

CASES = [
    (
        "وقال الرئيس الفرنسي إيمانويل ماكرون في باريس إن بلاده ستواصل دعم أوكرانيا.",
        {("إيمانويل ماكرون", "PER"), ("باريس", "LOC"), ("أوكرانيا", "LOC")},
    ),
    (
        "التقى رئيس الوزراء البريطاني بوريس جونسون المستشارة الألمانية أنجيلا ميركل في برلين.",
        {("بوريس جونسون", "PER"), ("أنجيلا ميركل", "PER"), ("برلين", "LOC")},
    ),
    (
        "وذكرت وكالة رويترز أن البنك الدولي خفض توقعاته للنمو في مصر.",
        {("البنك الدولي", "ORG"), ("مصر", "LOC")},
    ),
    (
        "الرياض - واس\n\nاستقبل الملك سلمان بن عبدالعزيز في الرياض رئيس وزراء باكستان.",
        {("سلمان بن عبدالعزيز", "PER"), ("باكستان", "LOC")},
    ),
    ("أعلنت شركة أرامكو السعودية عن ارتفاع أرباحها في الربع الأول.", {("أرامكو السعودية", "ORG")}),
]


@needs_stanza
@pytest.mark.slow
@pytest.mark.parametrize(("text", "expected"), CASES)
def test_embedded_model_finds_entities_with_exact_offsets(
    analyzer: StanzaAnalyzer, text: str, expected: set[tuple[str, str]]
) -> None:
    a = analyzer.analyze(text, _whole(text))
    _check_offsets(text, a)
    found = _ents(a)
    # a body's name may come with the head word that announces it ("شركة أرامكو السعودية", as WikiFANE marks it);
    # the entity stage takes such a head off
    for name, kind in expected:
        assert any(t == kind and (n == name or n.endswith(" " + name)) for n, t in found), (name, found)


@needs_stanza
@pytest.mark.slow
def test_offsets_survive_diacritics_and_hamza_forms(analyzer: StanzaAnalyzer) -> None:
    # the model sees "الامم المتحده" (model form); the span must come back in the input's own characters
    text = "وأعلنت الأُمَم المتّحدة أنّ مبعوثها سيزور دمشق."
    a = analyzer.analyze(text, _whole(text))
    _check_offsets(text, a)
    assert {("دمشق", "LOC"), ("الأُمَم المتّحدة", "ORG")} <= _ents(a)
    assert any(t.text == "الأُمَم" for t in a.tokens)


@needs_stanza
@pytest.mark.slow
def test_only_regions_are_analyzed(analyzer: StanzaAnalyzer) -> None:
    head = "باريس لندن برلين. "
    body = "زار الرئيس التركي رجب طيب أردوغان العاصمة الروسية موسكو."
    text = head + body
    a = analyzer.analyze(text, [(len(head), len(text))])
    _check_offsets(text, a)
    assert all(e.start >= len(head) for e in a.entities)
    assert all(t.start >= len(head) for t in a.tokens)
    assert ("موسكو", "LOC") in _ents(a)


@needs_stanza
@pytest.mark.slow
def test_analyze_many_equals_one_by_one(analyzer: StanzaAnalyzer) -> None:
    texts = [text for text, _ in CASES] + [
        "",
        "   ",
        "نص بلا كيانات مسماة على الإطلاق.",
        "الرياض - واس\n\nاستقبل خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز في الرياض رئيس وزراء باكستان.",
    ]
    items = [(t, _whole(t)) for t in texts]
    assert analyzer.analyze_many(items) == [analyzer.analyze(t, r) for t, r in items]
    assert analyzer.analyze_many([]) == []


@needs_stanza
@pytest.mark.slow
def test_threads_share_one_model(analyzer: StanzaAnalyzer) -> None:
    from concurrent.futures import ThreadPoolExecutor

    text = CASES[0][0]
    expected = analyzer.analyze(text, _whole(text))
    fresh = [StanzaAnalyzer(analyzer.spec) for _ in range(4)]  # new instances reuse the loaded pipeline
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda a: a.analyze(text, _whole(text)), fresh * 2))
    assert all(r == expected for r in results)


@needs_stanza
@pytest.mark.slow
def test_very_long_sentence_is_tagged_in_pieces(analyzer: StanzaAnalyzer) -> None:
    text = " ".join(["زار وزير الخارجية المصري القاهرة"] * 400)  # 2,000 tokens, no sentence end
    a = analyzer.analyze(text, _whole(text))
    _check_offsets(text, a)
    assert len(a.tokens) == 2000


@needs_stanza
@pytest.mark.slow
@settings(max_examples=25, deadline=None)
@given(st.text(alphabet='ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآىةًٌٍَُِّْـ .،؟!"«»()\n0123456789abc', max_size=200))
def test_any_text_gives_exact_offsets(analyzer: StanzaAnalyzer, text: str) -> None:
    a = analyzer.analyze(text, _whole(text))
    _check_offsets(text, a)
    assert all(e.type in ("PER", "ORG", "LOC", "MISC") for e in a.entities)


# --- adversarial input: linear time, exact offsets --------------------------------------------------------------


@needs_stanza
@pytest.mark.slow
def test_diacritics_only_input_returns(analyzer: StanzaAnalyzer) -> None:
    text = "\u064b\u064c\u064d" * 20000
    a = analyzer.analyze(text, _whole(text))
    _check_offsets(text, a)
    assert a.entities == ()
    spaced = "\u064b\u064c\u064d " * 20000  # 20,000 mark-only "words": none reaches the tagger
    a = analyzer.analyze(spaced, _whole(spaced))
    _check_offsets(spaced, a)
    assert a.entities == ()


@needs_stanza
@pytest.mark.slow
def test_pipeline_parses_diacritics_only_article() -> None:
    import arnews

    text = "\u064b\u064c\u064d" * 20000
    article = arnews.parse(text)
    assert article.entities == () and article.quotes == ()


@needs_stanza
@pytest.mark.slow
def test_fifty_thousand_words_without_punctuation(analyzer: StanzaAnalyzer) -> None:
    text = " ".join(["زار وزير الخارجية المصري القاهرة"] * 10000)  # 50,000 words, one "sentence"
    a = analyzer.analyze(text, _whole(text))
    _check_offsets(text, a)
    assert len(a.tokens) == 50000 and len(a.sentences) == 1
    assert {e.text for e in a.entities} <= {"القاهرة", "المصري", "المصري القاهرة"}
    assert sum(e.text == "القاهرة" for e in a.entities) > 5000  # tagged all along, not only in the first piece


@needs_stanza
@pytest.mark.slow
def test_digits_and_giant_tokens(analyzer: StanzaAnalyzer) -> None:
    for text in ("7" * 20000, "٧ " * 20000, "ب" * 100000, "ـ" * 50000, "\u064bم" * 30000):
        a = analyzer.analyze(text, _whole(text))
        _check_offsets(text, a)
        assert a.tokens and a.tokens[0].start == 0


@needs_stanza
@pytest.mark.slow
def test_marks_between_words_keep_offsets(analyzer: StanzaAnalyzer) -> None:
    text = "وقال الرئيس الفرنسي \u064b\u064c إيمانويل ماكرون في باريس \u0651\u0651 إن بلاده ستواصل دعم أوكرانيا."
    a = analyzer.analyze(text, _whole(text))
    _check_offsets(text, a)
    assert {("باريس", "LOC"), ("أوكرانيا", "LOC")} <= _ents(a)


# --- rule sentences -------------------------------------------------------------------------------------------


def _sentences(text: str) -> list[str]:
    return [s.text for s in RuleAnalyzer().analyze(text, _whole(text)).sentences]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "ارتفع الإنتاج إلى 3.5 مليون برميل يوميا. وقال الوزير إن النمو بلغ 2.75% هذا العام.",
            ["ارتفع الإنتاج إلى 3.5 مليون برميل يوميا.", "وقال الوزير إن النمو بلغ 2.75% هذا العام."],
        ),
        ("بلغ العجز ٣.٢ مليار ريال. ثم تراجع.", ["بلغ العجز ٣.٢ مليار ريال.", "ثم تراجع."]),
        (
            "وقال د. محمد العلي إن م. أحمد سالم سيشرف على المشروع. وحضر أ. د. خالد الزهراني.",
            ["وقال د. محمد العلي إن م. أحمد سالم سيشرف على المشروع.", "وحضر أ. د. خالد الزهراني."],
        ),
        ("وحضر أ.د. خالد الزهراني الحفل.", ["وحضر أ.د. خالد الزهراني الحفل."]),
        (
            "وقال مسؤولون في U.S. Department of State إن Mr. Smith غادر. ثم عاد.",
            ["وقال مسؤولون في U.S. Department of State إن Mr. Smith غادر.", "ثم عاد."],
        ),
        ("زار J. Biden مصر. ثم عاد.", ["زار J. Biden مصر.", "ثم عاد."]),
        # a sentence that ends with a number, a word or a missing space still ends
        ("بلغ عدد الضحايا 5. وقالت الوزارة إن.", ["بلغ عدد الضحايا 5.", "وقالت الوزارة إن."]),
        ("انتهى الاجتماع.وقال المتحدث", ["انتهى الاجتماع.", "وقال المتحدث"]),
        ("تأسست الشركة عام 1990 م. وقال مديرها", ["تأسست الشركة عام 1990 م.", "وقال مديرها"]),
        ("هل حضر؟ نعم!\nوغادر...", ["هل حضر؟", "نعم!", "وغادر..."]),
        # a Latin letter spelled out in Arabic and dotted is an initial inside a name or an acronym ...
        ("وقال جورج دبليو. بوش إن الحرب طويلة. ثم غادر.", ["وقال جورج دبليو. بوش إن الحرب طويلة.", "ثم غادر."]),
        ("نقلت سي. آي. إيه الخبر. ثم نفته.", ["نقلت سي. آي. إيه الخبر.", "ثم نفته."]),
        # ... but a spelled acronym, a letter before و, or a letter that is also a word may end the sentence
        ("وقال لبي بي سي. وأضاف أنه", ["وقال لبي بي سي.", "وأضاف أنه"]),
        ("تناول فيتامين سي. والآن نعود", ["تناول فيتامين سي.", "والآن نعود"]),
        ("مر بي. ثم مضى", ["مر بي.", "ثم مضى"]),
    ],
)
def test_rule_sentences_keep_decimals_and_abbreviations(text: str, expected: list[str]) -> None:
    assert _sentences(text) == expected


def test_abbreviations_come_from_the_lexicons() -> None:
    from arnews.core import lexicons
    from arnews.nlp.rules import _abbreviations

    titles = {normalize(r[0]) for r in lexicons.load_table("titles") if r[1:] == ("abbrev",)}
    assert titles and titles <= _abbreviations()
    assert {"u.s", "mr", normalize("أ")} <= _abbreviations()


def test_rule_sentences_are_linear_on_dots() -> None:
    text = "د. " * 50000 + "3.5." * 20000
    sents = RuleAnalyzer().analyze(text, _whole(text)).sentences
    assert all(text[s.start : s.end] == s.text for s in sents)
    assert sum(len(s.text) for s in sents) <= len(text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ابتدمأ .؟!\n0123456789US\u064b", max_size=120))
def test_rule_sentences_cover_the_text_in_order(text: str) -> None:
    a = RuleAnalyzer().analyze(text, _whole(text))
    last = 0
    for s in a.sentences:
        assert text[s.start : s.end] == s.text and s.text == s.text.strip() and s.text
        assert s.start >= last
        assert not text[last : s.start].strip()
        last = s.end
    assert not text[last:].strip()


def test_model_form_matches_the_training_normalisation() -> None:
    assert model_form("أُسامة") == "اسامه"
    assert model_form("مصطفى") == "مصطفي"
    assert model_form("ـ") == "ـ"  # a lone tatweel (a dash) is kept rather than emptied
    assert model_form("\u064b") == "\u064b"


# --- import discipline ---------------------------------------------------------------------------------------


def test_import_arnews_imports_no_torch_or_stanza() -> None:
    code = (
        "import sys, arnews, arnews.nlp, arnews.nlp.resources\n"
        "a = arnews.nlp.default_analyzer()\n"
        "arnews.nlp.resources.models_report()\n"
        "print(a.name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('torch', 'stanza'))\n"
        "assert not bad, bad\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert out.returncode == 0, out.stderr
    if stanza_available():
        assert out.stdout.startswith("stanza:")


# --- resolution ----------------------------------------------------------------------------------------------


def _arnews_model_dir(root: Path, *, pretrain: bool = False) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "ar_ner.pt").write_bytes(b"not really a model")
    files = {"ner": "ar_ner.pt"}
    if pretrain:
        files["pretrain"] = "ar_pretrain.pt"
    meta = {"name": f"test-{root.name}", "files": files, "requires_pretrain": pretrain}
    (root / META_NAME).write_text(json.dumps(meta), encoding="utf-8")
    return root


def _official_dir(root: Path) -> Path:
    (root / "ar" / "ner").mkdir(parents=True)
    (root / "ar" / "ner" / "aqmar_charlm.pt").write_bytes(b"x")
    (root / "resources.json").write_text("{}", encoding="utf-8")
    return root


def test_resolution_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    embedded = _arnews_model_dir(tmp_path / "embedded")
    monkeypatch.setattr(resources, "EMBEDDED_DIR", embedded)
    assert resolve_ner_model().origin == "embedded"

    official = _official_dir(tmp_path / "stanza_resources")
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(official))
    spec = resolve_ner_model()
    assert (spec.origin, spec.layout, spec.location) == ("stanza", "stanza", official)

    env_dir = _arnews_model_dir(tmp_path / "from_env")
    monkeypatch.setenv(ENV_VAR, str(env_dir))
    spec = resolve_ner_model()
    assert (spec.origin, spec.ner_path) == ("env", env_dir / "ar_ner.pt")
    assert spec.name == "test-from_env"

    explicit = _arnews_model_dir(tmp_path / "explicit")
    spec = resolve_ner_model(explicit)
    assert (spec.origin, spec.location) == ("explicit", explicit)
    # a single .pt file and a Stanza resources directory are explicit models too
    assert resolve_ner_model(explicit / "ar_ner.pt").ner_path == explicit / "ar_ner.pt"
    assert resolve_ner_model(official).layout == "stanza"


def test_default_analyzer_uses_the_embedded_model_and_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    spec = resolve_ner_model()
    assert spec.origin == "embedded"
    assert spec.ner_path is not None and spec.ner_path.is_file()
    assert spec.ner_path.parent == resources.embedded_model_dir()
    assert main(["models"]) == 0
    out = capsys.readouterr().out
    assert "embedded default" in out and str(spec.ner_path) in out
    if stanza_available():
        assert isinstance(default_analyzer(), StanzaAnalyzer)


def test_rule_analyzer_when_stanza_is_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    import arnews.nlp.tagger

    monkeypatch.setattr(arnews.nlp.tagger, "stanza_available", lambda: False)
    assert isinstance(default_analyzer(), RuleAnalyzer)


def test_missing_model_paths_raise_clear_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ModelError, match="does not exist"):
        resolve_ner_model(tmp_path / "nowhere")
    with pytest.raises(ModelError, match="holds no NER model"):
        resolve_ner_model(tmp_path)
    (tmp_path / "model.bin").write_bytes(b"x")
    with pytest.raises(ModelError, match="not a Stanza model file"):
        resolve_ner_model(tmp_path / "model.bin")
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "gone"))
    with pytest.raises(ModelError, match=ENV_VAR):
        resolve_ner_model()
    with pytest.raises(ModelError, match=ENV_VAR):
        default_analyzer()  # a configured but broken model is an error, not a silent fallback


def test_metadata_mismatches_raise(tmp_path: Path) -> None:
    with_vectors = _arnews_model_dir(tmp_path / "vectors", pretrain=True)
    with pytest.raises(ModelError, match="pretrain file"):
        resolve_ner_model(with_vectors)
    gone = _arnews_model_dir(tmp_path / "gone")
    (gone / "ar_ner.pt").unlink()
    with pytest.raises(ModelError, match="missing"):
        resolve_ner_model(gone)
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / META_NAME).write_text("{not json", encoding="utf-8")
    with pytest.raises(ModelError, match="cannot read model metadata"):
        resolve_ner_model(broken)


@needs_stanza
@pytest.mark.slow
def test_corrupt_model_file_raises_model_error(tmp_path: Path) -> None:
    model = _arnews_model_dir(tmp_path / "corrupt")
    with pytest.raises(ModelError, match="cannot load NER model"):
        StanzaAnalyzer(model).analyze("زار ماكرون باريس.", [(0, 17)])


@needs_stanza
@pytest.mark.slow
def test_model_trained_with_vectors_is_refused_without_them(tmp_path: Path) -> None:
    import torch

    spec = resolve_ner_model(resources.embedded_model_dir())
    assert spec.ner_path is not None
    checkpoint = torch.load(spec.ner_path, map_location="cpu", weights_only=True)
    checkpoint["config"]["pretrain"] = True
    torch.save(checkpoint, tmp_path / "ar_ner.pt")
    with pytest.raises(ModelError, match="word vectors"):
        StanzaAnalyzer(tmp_path / "ar_ner.pt").load()


def test_spec_describe_names_the_origin(tmp_path: Path) -> None:
    spec = ModelSpec("explicit", "arnews", tmp_path, tmp_path / "m.pt")
    assert "explicit path" in spec.describe() and "m.pt" in spec.describe()


@needs_stanza
@pytest.mark.slow
def test_download_offline_fails_with_a_clear_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import stanza

    def offline(*args: object, **kwargs: object) -> None:
        raise ConnectionError("Max retries exceeded (NameResolutionError)")

    monkeypatch.setattr(stanza, "download", offline)  # no network in tests
    assert main(["download", "--dir", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "could not download the Stanza Arabic models" in err and "Traceback" not in err


@settings(max_examples=300)
@given(
    st.text(alphabet='ابتءأىةًٌَّْـ .,٫٬،؟!"«»()\n\t\u00a0\u200f0123456789٣abcU_%', max_size=80),
    st.lists(st.integers(0, 80), max_size=6),
)
def test_the_taggers_tokens_are_the_token_patterns_matches(text: str, cuts: list[int]) -> None:
    """The tokens the model reads (:func:`arnews.nlp.rules.tokens_of`, read off the spaces before each token) are
    the token pattern's matches in each region."""
    from arnews.nlp.rules import _TOKEN, tokens_of

    edges = sorted({min(c, len(text)) for c in cuts} | {0, len(text)})
    regions = list(pairwise(edges))
    expected = [(m.group(), m.start(), m.end()) for s, e in regions for m in _TOKEN.finditer(text, s, e)]
    assert [(t.text, t.start, t.end) for t in tokens_of(text, regions)] == expected

"""Speaker phrases of reported speech: who is named after (or before) a cue verb. A package-private helper of
:mod:`arnews.quotes` that reads tokens of :attr:`TextView.norm` (``(start, end, text)`` in normal-form offsets);
callers map spans back to the input with ``raw_span``."""

from __future__ import annotations

from collections.abc import Sequence

from attrs import frozen

from arnews.core import cue_verbs, grammar, groups, titles
from arnews.core.grammar import Tok
from arnews.core.lexicons import load_set
from arnews.core.tokens import word_end
from arnews.quotes.cues import PUNCT_STOP, anonymous_heads, carrier_noun, time_word
from arnews.quotes.marks import addressee_end, past_quoted_names, quoted_end, titled_quoted_name
from arnews.quotes.wellformed import short_given_names, speaker_problem

__all__ = ["Phrase", "name_after_modifiers", "parse_phrase", "short_given_names", "speaker_problem", "subject_phrase"]


@frozen
class Phrase:
    """What a speaker phrase names, in normal-form token spans (start, end offsets)."""

    name: tuple[int, int]
    anonymous: bool = False
    institution: bool = False
    titled: bool = False
    description: tuple[int, int] | None = None
    addressee: tuple[int, int] | None = None


def _after_body_name(toks: Sequence[Tok], i: int, j: int, stop: int) -> tuple[int, int, int]:
    """The name ``toks[i:j]`` after a title (``toks[:i]``), with the end of a body's name the title holds (0 when
    none). When the title ends with a body's head without the article, the name after it is the body's ("مدير شركة
    أرامكو"، "رئيس حركة حماس"): the person is the name after it, titled or not ("مدير مركز داوني الصحي الدكتور
    سعيد الدوسري"، "مدير شركة أرامكو أمين الناصر"), or begins with a given name inside the run ("رئيس حركة حماس
    خالد مشعل"); else the title with the body's name, or a name after a comma, speaks."""
    if not (j > i >= 2 and toks[i - 1][2] in grammar.organisation_heads()):
        # "مدير فنون أبها أحمد السروي": a body's short name in construct with the title, then the person, opened by a
        # given name two words on or more with no link before it ("عادل بن صالح الغامدي" is one name)
        short = j - i >= 4 and toks[i][2] not in load_set("first_names")
        person = _given_name_in(toks, i + 2, j - 1) if short else None
        if person is None or any(t[2] in grammar.name_links() for t in toks[i : person[0]]):
            return i, j, 0
        return (*person, 0)
    person = titles.later_titled_name(toks, j, stop, named=True) or _given_name_in(toks, i + 1, j)
    if person is None:
        k = grammar.name_run(toks, j) if j < stop else j
        if k > j and toks[j][2][:1] in "بل" and toks[j][2] not in load_set("first_names"):
            # "مجلس قيادة الثورة بريف دمشق محمد علوش": a place after a preposition, then the person
            person = _given_name_in(toks, j + 1, k)
        elif k > j:
            person = (j, k)
        else:  # "رئيس شركة لوكويل العملاقة للنفط فاجيت اليكبيروف": the body's complements, then the person
            person = name_after_modifiers(toks, j, stop)
    if person is not None:
        return (*person, j)
    # a longer run may hold the person's name too, which the entity stage tells apart, unless a comma sets the person
    # apart ("رئيس مجلس إدارة شركة برايفت إير السعودية، الأمير تركي بن مقرن")
    after = next((t[2] for t in toks[j:] if not grammar.is_word(t)), "")
    return (i, i, j) if j == i + 1 or after in ("،", ",") else (i, j, 0)


def _given_name_in(toks: Sequence[Tok], start: int, stop: int) -> tuple[int, int] | None:
    """The name that begins with the first given name among ``toks[start:stop]``, read on as far as it goes."""
    given = load_set("first_names")
    p = next((p for p in range(start, stop) if toks[p][2] in given), None)
    return None if p is None else (p, max(stop, grammar.name_run(toks, p)))


_MODIFIERS = 7  # definite words (or ب/ل before one) read between a title and the name after it


def name_after_modifiers(toks: Sequence[Tok], k: int, stop: int) -> tuple[int, int] | None:
    """A name after up to three definite complements or adjectives of a title ("المسؤول الانفصالي ألكسندر
    زاخارتشنكو"، "ضابط الإعلام بالخارجية ماستويال بوزاليم"), as (start, end), or None."""
    j = k
    while j < min(stop, k + _MODIFIERS) and grammar.is_word(toks[j]) and not grammar.is_stop(toks[j][2]):
        w = toks[j][2]
        # "بالخارجية"، "بصحة الطائف": a preposition on a definite word, or on a noun in construct with one
        construct = (
            w[0] in "بل"
            and j + 1 < stop
            and grammar.has_article(toks[j + 1][2])
            and (grammar.name_run(toks, j) == j or grammar.in_lexicon(w[1:], grammar.organisation_heads()))
        )
        if not (grammar.has_article(w) or (w[0] in "بل" and grammar.has_article(w[1:])) or construct):
            break
        j += 1
    if j == k or j >= stop:
        return None
    end = grammar.name_run(toks, j)
    return (j, end) if end > j and end <= stop else None


_DESCRIPTION_WORDS = 15  # the most words of an anonymous source's description


def _anonymous_phrase(toks: Sequence[Tok], end_all: int) -> Phrase | None:
    """An anonymous source: "مصدر مطلع"، "أحد المانحين"، "ذلك الشخص"، "أربعة أشخاص"، "مسؤولو الحملة"، "عدد من
    المواطنين"."""
    anon = anonymous_heads()
    quantities = load_set("quantity_words")
    first = toks[0][2]
    many = first in quantities or (first[0] not in "بل" and grammar.in_lexicon(first, quantities))
    head_end = 0
    if end_all > 2 and toks[1][2] == "من" and many:
        # "عدد من المواطنين"، "عدد من أصحاب المحلات": some of a group, whoever they are (not "بكثير من الحماس")
        w, head_end = toks[2][2], 3
        if grammar.is_stop(w) or cue_verbs.cue_of(w) is not None or grammar.given_name(w) or grammar.is_title(w):
            return None  # "كل من فهد العتيبي وخالد ..."، "كل من الوزير ...": people named one by one
        if head_end < end_all and not grammar.has_article(w) and grammar.has_article(toks[head_end][2]):
            head_end += 1
    elif end_all > 1 and groups.quantity_word(first) and groups.group_noun(toks[1][2]):
        head_end = 2  # "بعض المساجين"، "معظم المحللين": part of a group named by its definite plural
        while head_end < min(end_all, 5) and groups.goes_on(toks[head_end][2]):
            head_end += 1  # "بعض السياسيين والإداريين"، "كل الطلاب المستجدين"
    if head_end:
        described = toks[min(end_all, _DESCRIPTION_WORDS) - 1][1]
        return Phrase((toks[0][0], toks[head_end - 1][1]), anonymous=True, description=(toks[0][0], described))
    for k in range(min(2, end_all)):
        w = toks[k][2]
        if k == 1 and not (toks[0][2].isdigit() or grammar.in_lexicon(toks[0][2], quantities)):
            break
        if not grammar.in_lexicon(w, anon):
            continue
        if grammar.is_title(w):
            t_end, _ = titles.title_run(toks, k)
            if grammar.name_run(toks, t_end) > t_end:
                break
        if name_after_modifiers(toks, k + 1, end_all) is not None:
            break  # "المسؤول الانفصالي ألكسندر زاخارتشنكو": a named person, not an anonymous one
        if titles.later_titled_name(toks, k + 1, end_all, named=False) is not None:
            break  # "المتحدث الرسمي لانتخابات المجالس م. سعد القحطاني": named after a later title
        head_end = k + 1
        if head_end < end_all and not grammar.is_stop(toks[head_end][2]):
            nxt = toks[head_end][2]
            if grammar.shortest_reading(w) in quantities or (not grammar.has_article(w) and grammar.has_article(nxt)):
                head_end += 1
        desc_end = min(end_all, _DESCRIPTION_WORDS)
        return Phrase(
            (toks[0][0], toks[head_end - 1][1]), anonymous=True, description=(toks[0][0], toks[desc_end - 1][1])
        )
    return None


_QUOTED_SUBJECT_WORDS = 7


def _quoted_subject(toks: Sequence[Tok]) -> Phrase | None:
    """A body named in marks as the whole phrase ("وأعلن «المرصد السوري لحقوق الإنسان»، أن"، "وقالت «نعيم
    للسمسرة» إن"): the name inside the marks."""
    after = quoted_end(toks, 0, _QUOTED_SUBJECT_WORDS)
    if after == 0 or any(not grammar.is_word(t) for t in toks[1 : after - 1]):
        return None
    name = (toks[1][0], toks[after - 2][1])
    rest = [t for t in toks[after:] if t[2] not in ("،", ",")]
    if rest and grammar.is_word(rest[0]) and grammar.is_title(rest[0][2]):
        return Phrase(name)  # "قال "عذبي العقيل" مدير عام المبيعات": a person, the title after in apposition
    if rest and (said := cue_verbs.cue_of(rest[0][2])) is not None and said.participle:
        return Phrase(name)  # "ويرد «جديدي» قائلا إن": the participle goes on from the name
    # alone, or before what the verb governs ("وتحدث «الحداد» عن فكرة مشروعه بأنه"): a body's name
    if not rest or rest[0][2] in load_set("governing_prepositions") or all(t[2] in PUNCT_STOP for t in rest):
        return Phrase(name, institution=True)
    if len(rest) > 1 and rest[0][2] == "في" and carrier_noun(rest[1][2]) is not None:
        return Phrase(name, institution=True)  # "وقالت «الاقتصادية» في تقرير لها إن": where it said it
    if len(rest) > 3 and rest[0][2] == rest[2][2] == "في" and carrier_noun(rest[3][2]) is not None:
        return Phrase(name, institution=True)  # "وقالت "نعيم للسمسرة" في مصر في مذكرة": where, then what in
    if rest and rest[0][2][:1] == "ب" and carrier_noun(rest[0][2][1:]) is not None:
        return Phrase(name, institution=True)  # "وهتف «أهل درعا» بعبارة صارت عنوانا للثورة": what in
    return None  # more follows the name: not the speaker alone


_COMPLEMENT_WORDS = 2  # definite nouns read after a title that names nobody ("مخرج الفيلم"، "مدرب المنتخب الوطني")


def _title_complement(toks: Sequence[Tok], i: int, stop: int) -> int:
    """The end of a bare title's definite complement ("مقدم البرنامج"): a time word, a weekday or a stop word ends
    it ("المتحدث الثلاثاء")."""
    k = i
    while k < min(stop, i + _COMPLEMENT_WORDS):
        w = toks[k][2]
        if not grammar.has_article(w) or grammar.is_stop(w) or w in load_set("not_speakers") or time_word(w):
            break
        if titles.addressed(w):
            break  # "وقال المحافظ للصحافيين": whom the title speaks to
        k += 1
    return k


def parse_phrase(toks: Sequence[Tok]) -> Phrase | None:
    """The speaker a phrase after a cue verb names, or None when it names nobody (an implicit subject)."""
    toks = toks[addressee_end(toks) :]
    quoted = _quoted_subject(toks)
    if quoted is not None:
        return quoted
    if not toks or not grammar.is_word(toks[0]):
        return None
    end_all = len(toks)
    for k, tok in enumerate(toks):
        if tok[2] in PUNCT_STOP or not grammar.is_word(tok):
            end_all = k
            break
    if end_all == 0:
        return None
    if end_all == 1 and grammar.in_lexicon(toks[0][2], grammar.organisation_heads()):
        close = quoted_end(toks, 1)
        if close > 3:  # "صحيفة «كاثيميريني»": the body is the name in marks
            return Phrase((toks[2][0], toks[close - 2][1]), institution=True)
    anonymous = _described_source(toks, end_all)
    if anonymous is not None:
        return anonymous
    kin = _kin_phrase(toks, end_all)
    if kin is not None:
        return kin
    i, saw = titles.title_run(toks, 0)
    j = grammar.name_run(toks, i)
    if saw and j > i and speaker_problem(" ".join(t[2] for t in toks[i:j])) is not None:
        j = i  # "المتحدث الرسمي لانتخابات أعضاء المجالس ...": the title's complement, not a name
    if j == i and (saw or grammar.in_lexicon(toks[0][2], anonymous_heads())):
        named = name_after_modifiers(toks, max(i, 1), end_all)
        if named is not None:
            i, j = named  # "ضابط الإعلام بالخارجية ماستويال بوزاليم": the name after the title's complements
    if saw and j > i and i + 1 < len(toks) and grammar.everyday(toks[i][2]) and grammar.everyday(toks[i + 1][2]):
        j = i  # "وأكد الوزير دعم الحكومة": the verb's object after the title, two everyday words ("أمل الحربي" stays)
    if i == 0 and j == 1 and end_all > 1 and titles.construct_opens(toks, end_all):
        j = 0  # "مقدم البرنامج"، "لاعب الفريق": a common noun and its complement, not a name
    # a name that opens the phrase is the speaker, and a title after it describes that person ("ستيف شيفرز الأستاذ
    # في جامعة ..."); after a title, a later titled name is the speaker ("عميد كلية ... الدكتور حامد الربيعي"), but
    # not in a relative clause, which describes the speaker ("الذي كان يتحدث بحضور وزير النفط بيجان زنغنه")
    reach = past_quoted_names(toks, end_all)
    described = next((k for k in range(reach) if toks[k][2] in load_set("relative_pronouns")), reach)
    i, j, body = _after_body_name(toks, i, j, described) if saw else (i, j, 0)
    later = _later_speaker(toks, i, j, described)
    if later is not None:
        if j == 0 and titles.body_before_title(toks, later[0]):
            # "إدارة الرئيس الأميركي باراك أوباما"، "مكتب رئيس الوزراء بنيامين نتنياهو": the body speaks, not its head
            return Phrase((toks[0][0], toks[later[1] - 1][1]), institution=True)
        i, j = later
    if j > i:
        addressee = _addressee(toks, j)
        return Phrase((toks[i][0], toks[j - 1][1]), addressee=addressee)
    appended = _name_after_title(toks, end_all) if saw else None
    if appended is not None:
        return appended
    if saw:  # a title with no name after it: the title is the speaker ("المتحدث الرسمي"، "مقدم البرنامج")
        end = _title_complement(toks, max(i, 1, body), end_all)
        return Phrase((toks[0][0], toks[end - 1][1]), institution=True, titled=True)
    return _described_name(toks, end_all) or _institution(toks, end_all)


def _described_source(toks: Sequence[Tok], end_all: int) -> Phrase | None:
    """An anonymous description ("مصدر مطلع"), or the name in apposition after it ("عضو مجلس الشورى، حسين نقوي
    حسيني،"، "المتحدث باسم الحكومة، راجح بادي،")."""
    anonymous = _anonymous_phrase(toks, end_all)
    if anonymous is None:
        return None
    whole = anonymous.description is not None and anonymous.description[1] == toks[end_all - 1][1]
    return (_name_after_title(toks, end_all) if whole else None) or anonymous


def _described_name(toks: Sequence[Tok], end_all: int) -> Phrase | None:
    """ "المبتعث فراس الدهيمان"، "المبتعث يوسف بن علي الراجحي": a noun with the article that the titles do not list,
    then a name opened by a given name: the noun describes the person the name names."""
    if end_all < 3 or not grammar.has_article(toks[0][2]) or not grammar.given_name(toks[1][2]):
        return None
    j = grammar.name_run(toks, 1)
    return Phrase((toks[1][0], toks[j - 1][1])) if j >= 3 else None


def _later_speaker(toks: Sequence[Tok], i: int, j: int, stop: int) -> tuple[int, int] | None:
    """A titled name after the phrase's name ``toks[i:j]`` (or its title) that speaks instead of it: not after a
    name that opens the phrase, nor after a full name; a run after a body's noun names the body ("لشركة نخلة جدة
    المهندس ..."), and an everyday word read as a one-word name gives way ("منتج مسلسل «...» الفنان خالد ...")."""
    full = j > i and titles.full_name(toks[i:j]) and not (i > 0 and titles.of_organisation(toks[i - 1][2]))
    common = j == 1 and grammar.everyday(toks[0][2]) and not grammar.in_lexicon(toks[0][2], anonymous_heads())
    if (i == 0 and j > 0 and not common) or full:
        return None
    later = titles.later_titled_name(toks, max(j, i + 1), stop, named=j > i)
    if later is not None and common and i == 0 and not grammar.given_name(toks[later[0]][2]):
        return None  # "خطوة رئيسة نحو تحقيق": a title's word in a clause, no titled name
    return later


def _name_after_title(toks: Sequence[Tok], end: int) -> Phrase | None:
    """The name after a title phrase that ends at ``toks[end]``: in apposition after a comma ("حاكم ولاية تكساس، غريغ
    أبوت"، "رئيس الرابطة، المحامي صالح ذيبان لـ«الشرق الأوسط»"), or after the outlet's name in marks ("رئيس تحرير
    «سبق» علي الحازمي"), or in marks right after the title ("ويقول السيد «فركاش»")."""
    if (marked := titled_quoted_name(toks, end)) is not None:
        return Phrase(marked)
    if end + 1 >= len(toks):
        return None
    if toks[end][2] in "،,":
        t_end, titled = titles.title_run(toks, end + 1)
        k = grammar.name_run(toks, t_end)
        after = addressee_end(toks[k:]) + k if titled else k
        # one untitled word is no name in apposition unless a given name ("لوزارة الثقافة، تلقت «الشرق الأوسط»")
        named = k > t_end and (titled or k - t_end >= 2 or grammar.given_name(toks[t_end][2]))
        if named and (after == len(toks) or not grammar.is_word(toks[after])):
            return Phrase((toks[t_end][0], toks[k - 1][1]))
        return None
    close = quoted_end(toks, end, 4)
    k = grammar.name_run(toks, close) if close > end else close
    return Phrase((toks[close][0], toks[k - 1][1])) if k > close else None


_KIN_WORDS = 6  # the most words after a noun of kinship read as whose kin the speaker is


def _kin_phrase(toks: Sequence[Tok], end_all: int) -> Phrase | None:
    """A noun of kinship in construct opens the phrase: whose kin speaks ("والدة آلاجوز"، "شقيق الضحية"; not "الزوج",
    which names the husband himself); so does an aide's title: whose aide ("مستشار الرئيس الأمريكي باراك أوباما")."""
    kins, first = load_set("kinship_nouns"), toks[0][2]
    kin = first in kins or (grammar.in_lexicon(first, kins) and not grammar.has_article(first))
    aide = titles.aide_phrase_end(toks, end_all)  # the office, its adjectives and its holder's name
    if end_all < 2 or not (kin or aide):
        return None
    return Phrase((toks[0][0], toks[(_kin_end(toks, end_all) if kin else aide) - 1][1]))


def _kin_end(toks: Sequence[Tok], end_all: int) -> int:
    """The end of the phrase a noun of kinship opens: the name after it ("والدة آلاجوز"), else the definite words
    and the noun in construct before them, and a name after those ("والدة راكب الأمواج الأسترالي ميك فانينج")."""
    named = grammar.name_run(toks, 1)
    if named > 1:
        return min(named, end_all)
    k = 1
    stop = min(end_all, 1 + _KIN_WORDS)
    while k < stop and (
        grammar.has_article(toks[k][2]) or (k == 1 and k + 1 < stop and grammar.has_article(toks[2][2]))
    ):
        k += 1
    named = grammar.name_run(toks, k) if k > 1 else k
    return min(max(named, k), end_all) if k > 1 else 1


def _institution(toks: Sequence[Tok], end_all: int) -> Phrase | None:
    """An institution: "وزارة الخارجية"، "حملة هاريس"، "البيان"، "المجموعة"."""
    first = toks[0][2]
    issuer = _issuer(toks, end_all) if carrier_noun(first) == first else None
    if issuer is not None or grammar.is_stop(first):
        return issuer
    k = titles.body_end(toks, end_all)
    return Phrase((toks[0][0], toks[k - 1][1]), institution=True)


def _issuer(toks: Sequence[Tok], end_all: int) -> Phrase | None:
    """A statement issued by a body as the subject ("وأكد تقرير صادر عن وكالة الطاقة أن"): the body speaks, as in
    "بحسب بيان صادر عن ..."."""
    if end_all > 3 and toks[1][2] in load_set("document_issuers") and toks[2][2] in ("عن", "من"):
        return parse_phrase(toks[3:end_all])
    return None


def subject_phrase(toks: Sequence[Tok]) -> Phrase | None:
    """The speaker named before its cue verb ("وزير الصحة قال إن"، "الوزير أكد أن"، "وكان مصدر مطلع قد ذكر أن"):
    ``toks`` are the words from the clause start to the verb. They must be a title phrase, an anonymous source,
    an organisation, institution or the press, a nationality and a name, or a name opened by a known first name, and
    end right before the verb, or before في and where the body is ("لكن وزارة المالية في أثينا قالت إن")."""
    toks = list(toks)
    if not toks or not all(grammar.is_word(t) for t in toks):
        return None
    first = toks[0][2]
    rest = grammar.strip_proclitic(first)
    opens = rest.startswith("ال") or grammar.is_title(rest) or grammar.given_name(rest) or groups.quantity_word(rest)
    if rest != first and (opens or rest in anonymous_heads()):
        toks[0] = word_end(toks[0], rest)  # "والوزير أكد"، "وعلماء النفس يؤكدون": without و
        first = rest
    phrase = parse_phrase(toks)
    tail = [t[2] for t in toks if phrase is not None and t[0] >= phrase.name[1]]  # "وزارة المالية في أثينا قالت"
    where = len(tail) in (2, 3) and tail[0] == "في"
    if phrase is None or phrase.anonymous or (tail and not where):
        return phrase if phrase is not None and phrase.anonymous else None
    if (
        grammar.in_lexicon(first, load_set("institution_heads"))  # "لكن الحكومة الكينية أكدت أن"
        or grammar.in_lexicon(first, load_set("media_heads"))  # "وكان الإعلام الفرنسي قد أشار إلى أن"
        or (titles.nationality(first) and phrase.name[0] > toks[0][0])  # "الليبي فؤاد الزواري أورد أنه"
        or grammar.is_title(first)
        or grammar.in_lexicon(first, grammar.organisation_heads())
        or first in load_set("first_names")
    ):
        return phrase
    return None


def _addressee(toks: Sequence[Tok], j: int) -> tuple[int, int] | None:
    """The person spoken to: "قال ويلكر للنائب أوكاسيو كورتيز"."""
    if j >= len(toks) or not grammar.is_word(toks[j]):
        return None
    w = toks[j][2]
    if not w.startswith("ل") or len(w) < 3:
        return None
    rest = w[2:] if w.startswith("لل") else w[1:]
    if not (grammar.is_title(rest) or grammar.is_title("ال" + rest)):
        return None
    i, _ = titles.title_run(toks, j + 1)
    k = grammar.name_run(toks, i, limit=3)
    return (toks[i][0], toks[k - 1][1]) if k > i else None

"""Who the sentences around a cue name: the subject of the cue's own sentence (after a complementizer or a cue, or
right after the verb that opens it, the group a plural verb or the body a singular participle goes on from, the topic
أما opens before a verb with ف, the person a verb behind the ل of purpose goes on from), whether a name is a subject
or a preposition's object, the article's protagonist, an aside in commas between a subject and its verb, and a name
before a title in apposition."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence

from arnews.core import cue_verbs, grammar, names, titles
from arnews.core.grammar import Tok
from arnews.core.lexicons import load_set
from arnews.core.tokens import tokenize
from arnews.quotes import cues
from arnews.quotes import speakers as sp
from arnews.quotes.marks import MAX_SPEAKER_WORDS, phrase_end
from arnews.quotes.reading import MAX_NAMES, Guess, Reading, guess_of

__all__ = [
    "aside_after",
    "before_aside",
    "first_verb_subject",
    "governed",
    "group_for",
    "name_before_title",
    "named_subject",
    "opening_group",
    "opening_subject",
    "protagonist",
    "purpose_subject",
    "sentence_subject",
    "subject_like",
    "topic_subject",
]


def protagonist(ctx: Reading, pos: int, fits: Callable[[Guess], bool]) -> Guess | None:
    """The person the article has named most often before ``pos`` (twice at least), for a verb with no subject
    and nobody near it: in a profile or an interview, "قالت: «...»" is the person the article is about."""
    st = ctx.state
    m = bisect.bisect_left(st.mention_starts, pos)
    counts: dict[str, int] = {}
    latest: dict[str, tuple[int, int]] = {}
    for span in st.mentions[max(0, m - MAX_NAMES) : m]:
        key = st.key(span)
        counts[key] = counts.get(key, 0) + 1
        latest[key] = span
    ranked = sorted(counts, key=lambda k: -counts[k])
    for key in ranked[:3]:
        if counts[key] < 2:
            break
        guess = Guess(latest[key], gender=st.genders.get(key, ""))
        if fits(guess):
            return guess
    return None


def sentence_subject(ctx: Reading, pos: int, *, any_place: bool = False) -> Guess | None:
    """The last person named as a subject in the sentence before ``pos`` (``any_place``: wherever it stands)."""
    st = ctx.state
    start = ctx.sentence_start(pos)
    m = bisect.bisect_left(st.mention_starts, pos)
    for ms, me in reversed(st.mentions[max(0, m - 8) : m]):
        if ms < start:
            break
        if me <= pos and (any_place or subject_like(ctx, ms)) and not governed(ctx, ms):
            return Guess((ms, me), gender=st.genders.get(st.key((ms, me)), ""))
    return None


_TITLE_MENTIONS = 3  # mentions at a sentence's start that a title and its complement may hold before the name


def opening_subject(ctx: Reading, pos: int) -> Guess | None:
    """ "وأدان رئيس الوزراء الإسرائيلي بنيامين نتنياهو الاتفاق، مشيرا إلى أنه ...": the subject of the verb that
    opens the participle's sentence (after an adverbial that opens it: "وعلى ذات السياق أشاد"): the first person
    named there (a PER entity), with nothing before it but that verb and a title ("ودافع كيري عن ...") or a title
    whose complement names a place or body ("رئيس جمعية سيهات الخيرية عبدالرؤوف المطرود"), never a name further on
    ("على عكس الملياني، ... قائلا")."""
    st = ctx.state
    start = ctx.sentence_start(pos)
    m = bisect.bisect_left(st.mention_starts, start)
    if m >= len(st.mentions) or st.mentions[m][1] > pos:
        return None
    ts, te = st.mentions[m]
    words = tokenize(ctx.view.norm, ts, te)
    if not (len(words) == 1 and grammar.is_title(words[0].text)):
        for n, (ms, me) in enumerate(st.mentions[m : m + _TITLE_MENTIONS]):
            # "وأشاد رئيس جمعية سيهات الخيرية عبدالرؤوف المطرود": a place or body in the title's complement, then
            # the person the title names (_opening_person: a title and that named complement before the name)
            found = _opening_person(ctx, start, ms, me, past_name=n > 0) if me <= pos else None
            if found is not None or ctx.entity_index.person_within(ctx.view.raw_span(ms, me)) is not None:
                return found
        return None
    if m + 1 < len(st.mentions):
        ms, me = st.mentions[m + 1]
        between = tokenize(ctx.view.norm, ts, ms)
        if me <= pos and titles.title_run(between, 0)[0] == len(between):
            # "وألقى السفير عمرو رمضان"، "أما رئيس بعثة منتخبنا للبطولة خالد الشافعي": the title alone is a mention
            # of its own; the name it introduces is the subject
            found = _opening_person(ctx, start, ms, me)
            if found is not None:
                return found
    if not grammar.has_article(words[0].text):
        return None  # "رئيس" in construct names nobody by itself
    return _opening_person(ctx, start, ts, te)  # "وأشاد الوزير بالمبادرة، مشيرا إلى": the title alone


def first_verb_subject(ctx: Reading, pos: int, cue: cue_verbs.Cue) -> Guess | None:
    """ "وبذل زكي مجهودا في إخفاء ابتسامته ثم قال:": a singular verb of saying with no subject goes on from the person
    another verb opens its sentence with (:func:`opening_subject`); "وأضاف" goes on with the last speaker instead. A
    plural verb goes on from the group its sentence opens with ("حاول بعض الدعاة التعامل معها، وذكروا أن"), before
    any group that spoke earlier."""
    if cue.number == "p" and not cue.participle:
        return opening_group(ctx, pos, cue)
    found = opening_subject(ctx, pos) if cue.role != "add" and cue.number not in ("p", "d") else None
    name = ctx.view.norm[found.span[0] : found.span[1]] if found is not None else ""
    return found if found is not None and sp.speaker_problem(name) is None else None  # not "لانتخابات أعضاء"


def _opening_person(ctx: Reading, start: int, ms: int, me: int, *, past_name: bool = False) -> Guess | None:
    st = ctx.state
    toks = tokenize(ctx.view.norm, start, ms)
    comma = max((k for k, t in enumerate(toks) if t.text in ("،", ",")), default=-1)
    toks = toks[comma + 1 :]  # "إلى ذلك، قدم الدكتور ناصر باعوم ...": the clause after an opening phrase
    toks = toks[cues.opener_length(toks) :]  # "وعلى ذات السياق أشاد ...": after an adverbial that opens it
    verb = toks[0].text if toks else ""
    if not verb or not grammar.is_word(toks[0]) or grammar.is_title(verb):
        return None  # "كيسلي دافنبورت، رئيسة قسم ...": a title in apposition, no verb
    if len(toks) > 1 and cues.pronoun_object(ctx.view, toks[1]):
        toks = [toks[0], *toks[2:]]  # "استمع إليّ عز الدين ...، ثم قال": to me, then the subject
    rs, re_ = ctx.view.raw_span(toks[0].start, toks[0].end)
    if grammar.has_article(verb) and not ctx.view.raw[rs:re_].lstrip("وف").startswith(("أ", "إ", "آ")):
        return None  # a noun opens the clause ("وألقى" keeps its hamza: a verb)
    if grammar.is_stop(verb) and cue_verbs.cue_of(verb) is None:
        return None  # a particle or preposition, not a verb ("وتصف الناشطة ...": a cue is a verb too)
    end = titles.title_run(toks, 1)[0]
    if (end == len(toks) and past_name) or (end != len(toks) and (end == 1 or not _named_complement(ctx, toks[end:]))):
        return None  # more than a title between the verb and the name, or a name the title's words pass over
    if ctx.entity_index.person_within(ctx.view.raw_span(ms, me)) is None:
        return None  # a person the entity stage found, not words a title's grammar took for a name ("لكرة القدم")
    return Guess((ms, me), gender=st.genders.get(st.key((ms, me)), ""))


_COMPLEMENT_WORDS = 4  # the most words of a title's named complement ("جمعية سيهات الخيرية" after "رئيس")


def _named_complement(ctx: Reading, toks: Sequence[Tok]) -> bool:
    """ "رئيس جمعية سيهات الخيرية": the rest of a title's complement after what the title grammar reads, a name the
    entity stage found (a place or body) right there and definite adjectives after it, a few words at most; not an
    object ("ورفع رئيس الهيئة التهنئة لخادم الحرمين")."""
    if len(toks) > _COMPLEMENT_WORDS:
        return False
    spans = [(a, b) for a, b in ctx.state.mentions if b > toks[0][0] and a < toks[-1][1]]
    inside = [any(a <= t[0] and t[1] <= b for a, b in spans) or _in_place_or_body(ctx, t) for t in toks]
    return inside[0] and all(ok or grammar.has_article(t[2]) for ok, t in zip(inside, toks, strict=True))


def _in_place_or_body(ctx: Reading, tok: Tok) -> bool:
    """``tok`` lies inside a mention of a place or an organisation the entity stage found ("سيهات الخيرية")."""
    ent = ctx.entity_index.containing(ctx.view.raw_span(tok[0], tok[1]))
    return ent is not None and ent.type in ("LOC", "ORG")


_OPENER_WORDS = 4  # the words of a phrase that opens a sentence before its verb ("من جهتهم، عبر ...")


def opening_group(ctx: Reading, pos: int, cue: cue_verbs.Cue) -> Guess | None:
    """ "وأشاد عدد من المرضى بمبادرة البلدية، مؤكدين أنها ..."، "واجتمع أعضاء المجلس بالأهالي، وأكدوا أن": the
    people a plural participle or verb goes on from, named right after the verb that opens its sentence as a group, a
    body or people described ("عدد من المرضى"، "الأهالي"، "زوار دبي"), where no person is named to speak for them; for
    a singular participle, the organisation named there (:func:`_opening_body`)."""
    if cue.number not in ("p", "s"):
        return None
    start = ctx.sentence_start(pos)
    toks = ctx.tokens(start, pos)  # the document's tokens, as every reader takes them
    comma = next((k for k, t in enumerate(toks[: _OPENER_WORDS + 1]) if t[2] in ("،", ",")), -1)
    toks = toks[comma + 1 :]  # "من جهتهم، عبر عدد من المسافرين عن ...": the clause after its opener
    if len(toks) < 2 or not grammar.is_word(toks[0]) or grammar.has_article(toks[0][2]) or toks[0][2][-1] == "و":
        return None  # a noun opens the sentence, not a verb ("مسؤولو اليورو": a plural in construct)
    if grammar.is_stop(toks[0][2]) and cue_verbs.cue_of(toks[0][2]) is None:
        return None  # a particle (a verb of saying is read too: "انتقد عدد من شباب الطائف عدم وجود ...")
    head = toks[1][2]
    if head[:1] in ("ب", "ل") and head not in load_set("quantity_words"):
        return None  # "مضيفين: ... بضرورة الحفاظ": a preposition's object, not who speaks ("بعض الأهالي" is)
    phrase = sp.parse_phrase(toks[1 : phrase_end(toks, 1, min(len(toks), 1 + MAX_SPEAKER_WORDS))])
    if phrase is None or phrase.name[0] != toks[1][0] or not (phrase.anonymous or phrase.institution):
        return None  # a group or a body ("عدد من المرضى"، "الأهالي"), not one person's name for a plural verb
    if cue.number == "s":
        return _opening_body(ctx, toks, phrase, cue)
    if sp.speaker_problem(ctx.view.norm[phrase.name[0] : phrase.name[1]]) is not None:
        return None
    return guess_of(phrase, cue)


def group_for(ctx: Reading, pos: int, cue: cue_verbs.Cue) -> Guess | None:
    """The group a verb with no subject goes on from (:func:`opening_group`): the one that opens its own sentence,
    else, for a plural verb (not a participle), the people who open the sentence before ("انتقد عدد من شباب الطائف عدم
    وجود مناطق خاصة بهم. وقالوا إنهم ...")."""
    found = opening_group(ctx, pos, cue)
    start = ctx.sentence_start(pos)
    if found is None and cue.number == "p" and not cue.participle and start > 0:
        found = opening_group(ctx, start - 1, cue)
        return found if found is not None and found.anonymous else None  # people, not a body, from the sentence before
    return found


def _opening_body(ctx: Reading, toks: Sequence[Tok], phrase: sp.Phrase, cue: cue_verbs.Cue) -> Guess | None:
    """A singular participle goes on from a body named after its sentence's opening verb ("عزت أمانة المنطقة
    الشرقية كثرة التحويلات ...، مؤكدة أهمية"، "أعلن البنك المركزي ...، مشيرا إلى"): an organisation the entity stage
    found right there (its mention, not the verb's object the phrase may run on into), not a title or an anonymous
    source, whose gender the verb and the participle both show (a feminine verb ends in ت, a feminine head in ة)."""
    if not phrase.institution or phrase.titled or phrase.anonymous or not cue.participle:
        return None
    feminine = names.strip_article(grammar.strip_proclitic(toks[1][2])).endswith("ه")
    if not (cue.gender == "f") == feminine == toks[0][2].endswith("ت"):
        return None
    found = ctx.entity_index.mention_at(ctx.view.raw_span(*phrase.name)[0])
    if found is None or found[2].type != "ORG":
        return None
    return Guess((ctx.view.norm_index(found[0]), ctx.view.norm_index(found[1])), gender=cue.gender)


_MARKS = " \"'«»“”„"  # quotation marks and spaces between a quoted name and its verb


def named_subject(ctx: Reading, pos: int) -> Guess | None:
    """ "«سبق» تقول للمسؤول: ...": the quoted name right before the verb at ``pos``, which it is the subject of."""
    named = ctx.named_subject
    if named is None or named[1] >= pos or ctx.view.norm[named[1] : pos].strip(_MARKS):
        return None
    return Guess(named)


_TOPIC_TOKENS = 24  # tokens from أما to the verb that ف opens after its topic
_TOPIC = ("اما", "واما")  # أما، وأما in normal form


def topic_subject(toks: Sequence[Tok], i: int, cue: cue_verbs.Cue) -> Guess | None:
    """ "أما جبر الشوفي، فيشير إلى أن"، "أما بيرنهارد كوفاتش الشريك المؤسس للمبادرة فقال:": the topic that أما opens
    is the subject of the cue verb behind ف that comments on it; not a topic behind a preposition ("أما عن الشعر
    السياسي، فقال"), which the verb's own subject or the last speaker fills."""
    word = toks[i][2]
    if word[:1] != "ف" or cue_verbs.cue_of(word[1:]) is None:
        return None
    k = i - 1
    while k > max(-1, i - _TOPIC_TOKENS) and toks[k][2] not in _TOPIC and not cues.ends(toks[k]):
        k -= 1
    if k < 0 or toks[k][2] not in _TOPIC or k + 1 >= i:
        return None
    head = toks[k + 1][2]
    if not grammar.is_word(toks[k + 1]) or grammar.is_stop(head) or head in load_set("noun_prepositions"):
        return None
    phrase = sp.parse_phrase(toks[k + 1 : i])
    if phrase is None:
        return None
    name = " ".join(t[2] for t in toks[k + 1 : i] if phrase.name[0] <= t[0] and t[1] <= phrase.name[1])
    if sp.speaker_problem(name) is not None:
        return None  # "أما الذين ...": no well-formed speaker phrase
    return guess_of(phrase, cue)


def purpose_subject(ctx: Reading, pos: int) -> Guess | None:
    """ "وهذا ما دعا (كاثرين أليسون) إلى التقاط الفكرة ... لتقول: «...»"، "وتسرد الكليدار حكايتها ... لتقول:": an
    imperfect cue behind the ل of purpose says what the person of its sentence goes on to say: the last person named
    there before it."""
    word = ctx.view.norm[pos : pos + 2]
    if len(word) < 2 or word[0] != "ل" or word[1] not in "يت":
        return None
    found = sentence_subject(ctx, pos, any_place=True)
    if found is None or ctx.entity_index.person_within(ctx.view.raw_span(*found.span)) is None:
        return None  # a person the entity stage found, not a verb a name's grammar read ("حينما استقبل ضيوف")
    return found


def subject_like(ctx: Reading, pos: int) -> bool:
    """Whether a name at ``pos`` stands where a subject does: after إن/أن, a cue verb, a form of كان ("وكان رينزي قد
    صرح"), or a sentence end."""
    norm = ctx.view.norm
    j = pos - 1
    while j >= 0 and norm[j] == " ":
        j -= 1
    if j < 0 or norm[j] in ".!?؟\n":
        return True
    k = j
    while k >= 0 and norm[k].isalnum() and j - k < 8:
        k -= 1
    word = norm[k + 1 : j + 1]
    if grammar.strip_proclitic(word) in load_set("auxiliary_verbs"):
        return True
    return word in load_set("complementizers") or cue_verbs.cue_of(word) is not None


def governed(ctx: Reading, pos: int) -> bool:
    """Whether a name at ``pos`` is the object of a preposition (ببايدن، من سيلرز) or the genitive of a noun of
    kinship ("شقيق عبدالملك الحوثي": his brother is meant), not a subject."""
    norm = ctx.view.norm
    if pos > 0 and norm[pos - 1] in "بل" and (pos < 2 or not norm[pos - 2].isalnum()):
        return True
    j = pos - 1
    while j >= 0 and norm[j] == " ":
        j -= 1
    k = j
    while k >= 0 and norm[k].isalnum() and j - k < 8:
        k -= 1
    word = norm[k + 1 : j + 1]
    if word in load_set("governing_prepositions"):
        return True
    if k >= 0 and norm[k].isalnum():
        return False  # a longer word than the scan reads
    kin = load_set("kinship_nouns")
    return word in kin or (len(word) > 3 and word[0] in "وفل" and word[1:] in kin)


def opening_person(ctx: Reading, toks: Sequence[Tok]) -> tuple[int, int] | None:
    """A person the entity stage found whose mention opens the speaker phrase ``toks`` with a preposition after it
    ("الجبير في مؤتمر صحفي عقده مع ..."): the speaker, whatever titled name the circumstance holds."""
    if not toks:
        return None
    st = ctx.state
    m = bisect.bisect_left(st.mention_starts, toks[0][0])
    if m >= len(st.mentions) or st.mentions[m][0] != toks[0][0]:
        return None
    ms, me = st.mentions[m]
    after = next((t for t in toks if t[0] >= me), None)
    if after is None or after[2] not in load_set("noun_prepositions"):
        return None
    return (ms, me) if ctx.entity_index.person_within(ctx.view.raw_span(ms, me)) is not None else None


_ASIDE_WORDS = 14  # the most words of an aside in commas between a subject and its verb


def before_aside(toks: Sequence[Tok], end: int) -> int:
    """Where the subject before a verb at ``toks[end]`` ends when an aside opened by و and a pronoun stands between
    them, in commas ("وولتر غولييلموني، وهو الأخ غير الشقيق لكافاني ومدير أعماله أيضا، كشف أن"): at the first
    comma; else ``end``."""
    if end < 2 or toks[end - 1][2] not in ("،", ","):
        return end
    k = end - 2
    while k >= 0 and end - k <= _ASIDE_WORDS and grammar.is_word(toks[k]):
        k -= 1
    opener = toks[k + 1][2]
    if k < 1 or toks[k][2] not in ("،", ",") or not (opener[:1] == "و" and opener[1:] in load_set("personal_pronouns")):
        return end
    return k


_ASIDE_TOKENS = 40  # the most tokens of an aside in commas between a speaker and إن/أن


def aside_after(toks: Sequence[Tok], comma: int, *, until: int = -1) -> int:
    """Where an aside opened by و and a pronoun after the comma at ``toks[comma]`` ends: the comma that closes it
    ("يقول ياسر فراويلة، وهو شخصية قريبة من ...، وكان يعتزم ...، إن"), the last comma before إن/أن within reach and
    before the sentence ends, or right before the token ``until`` (a quote's opening mark: "تقول الإعلامية أمل صقر،
    وهي فلسطينية الجنسية ...، «...»"); else ``comma``."""
    if comma + 1 >= len(toks) or toks[comma][2] not in ("،", ","):
        return comma
    opener = toks[comma + 1][2]
    if not (opener[:1] == "و" and opener[1:] in load_set("personal_pronouns")):
        return comma
    for k in range(comma + 2, min(len(toks) - 1, comma + _ASIDE_TOKENS)):
        if cues.ends(toks[k]):
            break
        if toks[k][2] in ("،", ",") and (k + 1 == until or toks[k + 1][2] in load_set("complementizers")):
            return k
    return comma


def name_before_title(ctx: Reading, toks: Sequence[Tok], comma: int) -> Guess | None:
    """The person named before the comma at ``toks[comma]`` that opens a title in apposition, the name opening its
    clause ("حميد بدرخان، رئيس مؤسسة بدرخان للثقافة والفنون قال"): a known person mention, whole."""
    if comma < 1 or toks[comma][2] not in ("،", ","):
        return None
    k = comma - 1
    while k >= 0 and grammar.is_word(toks[k]) and comma - k <= grammar.NAME_WORDS:
        k -= 1
    if k >= 0 and toks[k][2] not in cues.PUNCT_STOP:
        return None  # the name does not open its clause
    found = ctx.mention_within(toks[k + 1][0], toks[comma - 1][1])
    if found is None or found[1] != toks[comma - 1][1] or found[0] - toks[k + 1][0] > 1:
        return None  # not one mention from the clause start (و before it allowed) to the comma
    st = ctx.state
    return Guess(found, gender=st.genders.get(st.key(found), ""))


def when_subject(ctx: Reading, toks: Sequence[Tok], k: int, cue: cue_verbs.Cue) -> Guess | None:
    """ "تصريح يحيى رحيم صفوي، مستشار المرشد، حين قال إن ...": a cue behind a word of time speaks for the last
    person its sentence names before it; behind حيث or إذ ("وروت المشرفة هديل قصصا، حيث قالت: إن"), for the subject
    of the verb that opens the sentence, else a person named as a subject in it (one person: not "اعتبروا")."""
    word = grammar.strip_proclitic(toks[k - 1][2]) if k else ""
    pos = toks[k][0]
    if word in load_set("time_conjunctions"):
        return sentence_subject(ctx, pos, any_place=True)
    if word in load_set("cause_conjunctions") and cue.number not in ("p", "d"):
        return opening_subject(ctx, pos) or sentence_subject(ctx, pos, any_place=True)
    return None

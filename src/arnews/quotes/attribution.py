"""Who speaks: the speaker phrase after or before a cue verb, implicit subjects resolved to the nearest fitting person,
and the Speaker record with its entity.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

import attrs

from arnews.core import cue_verbs, grammar, titles
from arnews.core.grammar import Tok
from arnews.core.lexicons import load_set
from arnews.core.text import normalize
from arnews.core.tokens import word_end
from arnews.models import Span, Speaker
from arnews.quotes import cues, frames, honorifics, nearby, places, relative
from arnews.quotes import speakers as sp
from arnews.quotes.carriers import statement_author
from arnews.quotes.marks import PRONOUN_OBJECTS, in_marks, mark_table, paragraph_tokens, phrase_end, quoted_end
from arnews.quotes.mentions import title_names
from arnews.quotes.objects import leads_to_quote, subject_words
from arnews.quotes.reading import RESOLVE_CHARS, Guess, Reading, entity_for, guess_of
from arnews.quotes.sacred import formula_before, god_before, prophet_before, sacred_speaker
from arnews.quotes.strict import REPORTED_FROM, strict_ok
from arnews.quotes.wellformed import name_goes_on


def guess_speaker(ctx: Reading, toks: Sequence[Tok], cue: cue_verbs.Cue) -> Guess | None:
    if cue.role == "relay":
        # "ونقلت الصحيفة عن مصادر مطلعة أن": whom the words are relayed from speaks, not who relays them
        source = cues.relayed_from(cue, toks)
        return None if source is None else guess_speaker(ctx, toks[source:], attrs.evolve(cue, role="say"))
    if toks and normalize(cue.lemma) in load_set("telling_verbs"):
        told = quoted_end(toks, 0, 7)  # "أبلغ «الشرق الأوسط» مصدر مطلع أن": the one told, then the speaker
        toks = toks[told + (told < len(toks) and toks[told][2] in ("،", ",")) :] if told else toks
        if toks and toks[0][2] in load_set("noun_prepositions"):
            return None  # "أبلغ «الشرق الأوسط» في تصريحات سابقة أن": no subject after the one told
        # "وأبلغ الوزير «عكاظ» أن": the one told in marks after the speaker, not a name of the speaker's
        toks = toks[: next((m for m, t in enumerate(toks) if t[2] in mark_table()), len(toks))]
    if cue.participle:
        return None  # "مؤكدا استعداد بلاده": an object follows a participle; its subject is the speaker
    before = toks
    toks = subject_words(toks, cue, ctx.told)
    if toks and grammar.circumstantial(toks[0][2]) and any(t[2] in ("،", ",") for t in before[:2]):
        return None  # "قبل أن يتابع، مستحضرا إيقاع القصيدة: «...»": a participle of circumstance, no subject
    if toks and frames.governs(cue, toks[0][2]):
        return None  # "تعهد بدعم ..."، "دعا إلى ...": the clause follows the verb, which has no subject of its own
    phrase = sp.parse_phrase(toks)
    if phrase is None:
        return None
    phrase = places.place_title(ctx, toks, places.past_place(ctx, toks, phrase))
    rs, re_ = ctx.view.raw_span(*phrase.name)
    short = cue.role != "ask" and ctx.short_name(rs, re_)  # "فقال عز بهدوء" (not "سألت عز": her object)
    problem = None if short else sp.speaker_problem(ctx.view.raw[rs:re_], quoted=in_marks(ctx.view.raw, rs, re_))
    if problem == "a pronoun":  # "وقال سموه": the last person named before whom the honorific fits
        return honorifics.honorific_antecedent(ctx, rs, ctx.view.raw[rs:re_]) or Guess(phrase.name)  # none fits: None
    if problem is not None:
        return None  # "ردت بالقول: «...»": no speaker named here; the caller looks before the verb and back
    opening = nearby.opening_person(ctx, toks)
    if opening is not None and phrase.name[0] >= opening[1]:
        # "وقال الجبير في مؤتمر صحفي عقده مع وزير الخارجية الألماني فرانك فالتر شتاينماير إنه": a person who opens
        # the phrase and a preposition after them; the titled name further on is in the circumstance
        return Guess(opening, gender=cue.gender, number=cue.number, person=True)
    name = phrase.name
    given = relative.named_as(toks, next((j for j, t in enumerate(toks) if t[0] >= name[1]), len(toks)))
    if given is not None:  # "قالت الوالدة وتدعى إليزابيث أوسبورن": the name the description is given
        return Guess((toks[given[0]][0], toks[given[1]][1]), gender=cue.gender, number=cue.number, person=True)
    if phrase.titled and toks:
        # "النائبة عن ولاية نيويورك ألكساندريا أوكاسيو كورتيز": a known name inside the phrase wins
        known = ctx.mention_within(name[1], toks[-1][1])
        if known is not None:
            phrase = sp.Phrase(known, addressee=phrase.addressee)
    return attrs.evolve(guess_of(phrase, cue), short=True) if short else guess_of(phrase, cue)


_LONG_SUBJECT = 14  # the most words of a subject between كان and a comma before its verb


def subject_before(ctx: Reading, toks: Sequence[Tok], i: int, cue: cue_verbs.Cue) -> Guess | None:
    """The speaker named before the cue at ``toks[i]`` ("الوزير قال إن"، "وكان الوزير قد أكد أن"، "أما الوزير فقال")."""
    if (topic := nearby.topic_subject(toks, i, cue)) is not None:
        return topic
    end = i
    while end > 0 and _auxiliary(toks[end - 1][2]) and toks[end - 1][2] not in load_set("complementizers"):
        end -= 1  # "كانوا قد حذروا": the auxiliaries before the verb
    end, follows = formula_before(toks, end)  # "والرسول صلى الله عليه وسلم يقول"، "الأمير نايف رحمه الله يقول"
    if follows == "prophet" and (prophet := prophet_before(toks, end)) is not None:
        return Guess(prophet, person=True, sacred=True)
    if follows in ("god", "") and (god := god_before(toks, end)) is not None:
        return Guess(god, person=True, sacred=True)  # "لأن الله يقول"، "ربنا يقول في القرآن الكريم"
    end = nearby.before_aside(toks, end)
    lo, reach = end - 1, 8
    if end > 1 and toks[end - 1][2] in ("،", ","):
        # "وكانت المتحدثة باسم برنامج الأغذية العالمي شذى المغربي، أعلنت أن": a long subject after كان, a comma
        k = end - 2
        while k >= 0 and end - k <= _LONG_SUBJECT and grammar.is_word(toks[k]) and not _auxiliary(toks[k][2]):
            k -= 1
        if k >= 0 and _auxiliary(toks[k][2]) and (k == 0 or not grammar.is_word(toks[k - 1])):
            end, lo, reach = end - 1, k, _LONG_SUBJECT
        elif k < end - 2 and ctx.sentence_start(toks[end - 2][0]) == toks[k + 1][0] and _titled(toks[k + 1 : end - 1]):
            # "مدير عام التخطيط ... المهندس شاكر آل نوح، قال: إن": a titled person opens the sentence, then a comma
            end, lo, reach = end - 1, k, _LONG_SUBJECT
    while lo >= 0 and end - lo <= reach and grammar.is_word(toks[lo]) and not _auxiliary(toks[lo][2]):
        lo -= 1
    bullet = lo >= 0 and toks[lo][2] in ("-", "–", "•") and (lo == 0 or toks[lo - 1][2] in cues.PUNCT_STOP)
    if lo >= 0 and not (_auxiliary(toks[lo][2]) or toks[lo][2] in cues.PUNCT_STOP or bullet):
        return None  # too long, or a quote mark: not a subject standing alone before its verb ("- بعض X يقولون")
    phrase = sp.subject_phrase(toks[lo + 1 : end])
    if phrase is None and cue.number == "p" and cue.gender == "m":
        phrase = _people(ctx, toks[lo + 1 : end])
    if phrase is None:
        return None
    named = nearby.name_before_title(ctx, toks, lo) if phrase.institution and phrase.titled else None
    return named or guess_of(phrase, cue)


_PEOPLE_WORDS = 3  # the most definite words of a group named before its plural verb ("الفلسطينيون العاديون")


def _people(ctx: Reading, toks: Sequence[Tok]) -> sp.Phrase | None:
    """ "لأن العقلاء يقولون"، "إن الزعماء الصينيين يرون أن": a masculine plural verb speaks only for people (things take
    a feminine singular one), so the definite words right before it name a group of people, an anonymous source."""
    words = [grammar.strip_proclitic(t[2]) for t in toks]
    if not 1 <= len(words) <= _PEOPLE_WORDS or not all(
        grammar.has_article(w) and not grammar.is_stop(w) for w in words
    ):
        return None
    span = (word_end(toks[0], words[0]).start, toks[-1][1])
    if sp.speaker_problem(ctx.view.norm[span[0] : span[1]]) is not None:
        return None
    return sp.Phrase(span, anonymous=True, description=span)


def _titled(toks: Sequence[Tok]) -> bool:
    """The words are a title phrase that names its person: "مدير عام التخطيط العمراني ... المهندس شاكر آل نوح"."""
    phrase = sp.subject_phrase(toks)
    return phrase is not None and not (phrase.institution or phrase.anonymous) and phrase.name[0] > toks[0][0]


def _reported_from(ctx: Reading, pos: int, cue: cue_verbs.Cue) -> Guess | None:
    """ "نقلت الوكالة عن وزارة الداخلية قولها: «...»": a verbal noun of saying speaks for whom the words are
    reported from."""
    if not cue.form.startswith("قول"):
        return None
    lo = max(ctx.sentence_start(pos), pos - 100)
    m = REPORTED_FROM.search(ctx.view.norm, lo, pos)
    if m is None:
        return None
    # "عن محسن قمصري مدير الشؤون الدولية في الشركة": a name and the title after it, like a phrase after a verb
    phrase = sp.parse_phrase(paragraph_tokens(ctx.view, m.start(1), m.end(1)))  # علي marked apart from على
    if phrase is None or sp.speaker_problem(ctx.view.norm[phrase.name[0] : phrase.name[1]]) is not None:
        return None
    return guess_of(phrase, cue)


def resolve_subject(ctx: Reading, pos: int, cue: cue_verbs.Cue) -> Guess | None:
    """The speaker of a cue verb with no subject of its own."""
    reported = nearby.named_subject(ctx, pos) or nearby.purpose_subject(ctx, pos) or sacred_speaker(ctx, pos, cue)
    reported = reported or _reported_from(ctx, pos, cue) or statement_author(ctx, pos, cue)
    if (reported := reported or nearby.first_verb_subject(ctx, pos, cue)) is not None:
        return reported
    st = ctx.state
    if cue.role == "add":
        k = bisect.bisect_left(st.events, (pos, -1, Guess((0, 0))))
        if cue.participle and (not k or st.events[k - 1][0] < ctx.sentence_start(pos)):
            # "رد أوباما على المخاوف، متعهدا بدعمها": the subject of the participle's own sentence
            subject = relative.relative_subject(ctx, pos) or nearby.sentence_subject(ctx, pos)
            subject = subject or nearby.opening_subject(ctx, pos) or nearby.opening_group(ctx, pos, cue)
            if subject is not None:
                return subject
        if k and pos - st.last_heard(st.events[k - 1][0], st.events[k - 1][2]) <= RESOLVE_CHARS:
            return st.events[k - 1][2]
        if st.last_quote is not None:
            return st.last_quote
    if cue.role == "answer" and st.interviewee is not None:
        return Guess(st.interviewee, gender=cue.gender)
    plural = cue.number in ("p", "d")

    def fits(g: Guess) -> bool:
        return (g.number in ("p", "d")) == plural or (not g.number and not plural)

    def pick(cands: list[Guess]) -> Guess | None:
        fitting = [g for g in cands if fits(g)]
        for g in fitting[:3]:
            if not cue.gender or not g.gender or g.gender == cue.gender:
                return g
        return fitting[0] if fitting else None  # machine translation often gets the verb's gender wrong

    k = bisect.bisect_left(st.events, (pos, -1, Guess((0, 0))))
    events = [it for it in reversed(st.events[max(0, k - 8) : k]) if pos - st.last_heard(it[0], it[2]) <= RESOLVE_CHARS]
    mentions = _mentions_before(ctx, pos)
    if (  # a name right before the verb is its subject, unless the sentence opens with its topic ("وعن X قال")
        mentions
        and pos - mentions[0][1].span[1] <= 2
        and not ctx.view.norm[mentions[0][1].span[1] : pos].strip()
        and fits(mentions[0][1])
        and not cues.topic_opened(ctx.view.norm, ctx.sentence_start(pos), pos)
    ):
        return mentions[0][1]  # nothing but a space between: "رسالة من سيلرز تقول" (not "... توقفت، وقال")
    # a person named as the subject since the last speaker (إن هاريس ... أشادت) comes before that speaker
    last = next((it for it in events if fits(it[2])), None)
    # (not one inside the words reported for a person who spoke: "وأكدت «ماما سارة» أن ...، معتبرة أن باراك أوباما
    # ..."; a group's or source's report may name who speaks next: "وقال مسؤولو الحملة إن هاريس ... وقال:")
    heard = -1 if last is None else last[0] if last[2].anonymous else st.last_heard(last[0], last[2])
    recent = [g for ms, g in mentions if ms > heard and nearby.subject_like(ctx, ms)]
    chosen = pick(recent) if recent else None
    if chosen is None:
        chosen = pick([it[2] for it in events])
    if chosen is None:
        chosen = pick([g for _, g in mentions])
    if chosen is None and cue.role in ("say", "add", "answer"):
        chosen = nearby.group_for(ctx, pos, cue) or nearby.protagonist(ctx, pos, fits)
    return chosen


def _mentions_before(ctx: Reading, pos: int) -> list[tuple[int, Guess]]:
    """The person mentions that end before normal offset ``pos`` within reach of a verb with no subject, the latest
    first, with the gender the article has shown for each; not the object of a preposition ("من سيلرز")."""
    st = ctx.state
    m = bisect.bisect_left(st.mention_starts, pos)
    found: list[tuple[int, Guess]] = []
    for ms, me in reversed(st.mentions[max(0, m - 8) : m]):
        if pos - ms <= RESOLVE_CHARS and me <= pos and not nearby.governed(ctx, ms):
            found.append((ms, Guess((ms, me), gender=st.genders.get(st.key((ms, me)), ""))))
    return found


def speaker_record(ctx: Reading, guess: Guess | None) -> Speaker | None:
    if guess is None:
        return None
    v = ctx.view
    rs, re_ = v.raw_span(*guess.span)
    name = v.raw[rs:re_]
    if not name.strip():
        return None
    god = guess.sacred and normalize(name) in load_set("god_names")  # "الله" alone, which names nobody else
    problem = None if guess.short else sp.speaker_problem(name, quoted=in_marks(v.raw, rs, re_))
    if (problem is not None and not god) or ctx.spoken_to(name):
        # no well-formed speaker phrase ("بالقول"، "لـ"، "يكون"): the titled name inside it ("لانتخابات أعضاء
        # المجالس البلدية م. جديع بن نهار القحطاني"), else unknown rather than a guess
        inside = title_names(ctx.tokens(*guess.span))
        if not inside:
            return None
        rs, re_ = v.raw_span(*inside[-1])
        name = v.raw[rs:re_]
        if sp.speaker_problem(name) is not None:
            return None
    description = None
    if guess.description is not None:
        ds, de = v.raw_span(*guess.description)
        description = v.raw[ds:de]
    inner = None if guess.anonymous else ctx.entity_index.person_within((rs, re_))
    if inner is not None and inner[0] > rs:
        head = ctx.entity_index.covering((rs, rs + 1))
        person = v.raw[inner[0] : inner[1]]
        if head is not None and head is not inner[2] and sp.speaker_problem(person) is None:
            # "قال محافظ جدة مشعل بن ماجد": the phrase opens with a place or body; the speaker is the person in it
            rs, re_, name = inner[0], inner[1], person
    longer = None if guess.anonymous else ctx.entity_index.mention_at(rs)
    if longer is not None and longer[1] > re_ and longer[2].type == "PER" and _model_person(ctx, rs, longer[1], re_):
        re_ = longer[1]  # "وقالت السا غونزاليس": the person the model found goes on past the phrase's words
        name = v.raw[rs:re_]
    words = normalize(name).split()
    kin = bool(words) and words[0] in load_set("kinship_nouns")  # "والدة محمد العلي" is not محمد العلي
    kin = kin or titles.aide_phrase_end(toks := ctx.tokens(*guess.span), len(toks)) > 0  # nor "مستشار الرئيس أوباما"
    ent = None if guess.anonymous or kin else entity_for(name, (rs, re_), ctx.entity_index)
    return Speaker(
        name=name,
        entity=ent.id if ent else None,
        wikidata=ent.wikidata if ent else None,
        anonymous=guess.anonymous,
        description=description,
        span=Span(name, rs, re_),
    )


def _model_person(ctx: Reading, start: int, end: int, cut: int) -> bool:
    """The NER model's person ``start:end`` goes on past a phrase ending at ``cut`` with the rest of a name (the
    rule layers' spans take in what follows a name too: "انريكي متحدثا"، "نايف رحمه الله")."""
    found = ctx.model_people.get(start) == end
    return found and ctx.view.raw[cut : cut + 1] == " " and name_goes_on(ctx.view.raw[cut:end])


def _auxiliary(word: str) -> bool:
    aux = load_set("speech_auxiliaries")
    return word in aux or grammar.strip_proclitic(word) in aux


def _according_what(toks: Sequence[Tok], k: int, lo: int) -> bool:
    """Whether the cue at ``toks[k]`` reports inside an attribution: "بحسب ما ذكر"، "وفقا لما أعلنه"."""
    if k < lo + 2:
        return False
    what, head = toks[k - 1][2], toks[k - 2][2]
    return what in {"ما", "لما"} and frames.according_head(head)


def _relative_cue(ctx: Reading, toks: Sequence[Tok], k: int, hi: int, cue: cue_verbs.Cue) -> tuple[Guess, bool] | None:
    """The speaker of the cue ``toks[k]`` right after a relative pronoun, and whether it is named after the verb:
    "ومما قاله قائد القوات البحرية: «...»" (what the subject after the verb said, then the words), "الذي قالت عنه
    ميركل إنه"; else the one a relative clause describes, for the quote right after it only ("محمد الثبيتي، الذي
    يقول: «...»"); None when neither speaks."""
    object_first = k + 1 < hi and toks[k + 1][2] in PRONOUN_OBJECTS  # "الذي قالت عنه ميركل إنه"
    if object_first or (toks[k - 1][2] in ("ما", "مما") and toks[hi - 1][2] == ":"):
        # "وهو ما شدد عليه الملك في كلمته: «...»": a preposition on the relative's pronoun stands between
        at = k + 2 if k + 2 < hi and cues.preposition_pronoun(toks[k + 1][2], by=True) else k + 1
        said = guess_speaker(ctx, toks[at : phrase_end(toks, at, hi)], cue)
        if said is not None:
            return said, True
        if not object_first:
            return None
    antecedent = relative.clause_antecedent(ctx, toks, k, cue) if leads_to_quote(toks, k + 1, hi) else None
    return None if antecedent is None else (antecedent, False)


def cue_in(ctx: Reading, toks: Sequence[Tok], lo: int, hi: int) -> tuple[int, cue_verbs.Cue, Guess | None] | None:
    """The attributing cue of a clause ``toks[lo:hi]``: the last one with a subject, else the last one."""
    best: tuple[int, cue_verbs.Cue, Guess | None] | None = None
    aside: tuple[int, cue_verbs.Cue, Guess | None] | None = None
    verb_subject: Guess | None = None  # the subject of a verb of the clause that reports nothing by itself
    explicit = False
    for k in range(lo, hi):
        cue = cues.verb_at(toks, k)
        if cue is None or ctx.quoted(k):  # a verb inside quotation marks is the quoted person's word
            continue
        if k > lo + 1 and toks[k - 2][2] in load_set("relative_pronouns") and _auxiliary(toks[k - 1][2]):
            continue  # "وقال غابريال الذي كان يتحدث بحضور الوزير: «...»": the relative clause's verb speaks not
        if _according_what(toks, k, lo):
            # "وأضاف الشيخ، بحسب ما ذكر الموقع الرسمي، بقوله: «...»": the source of the report, which speaks only
            # when no other cue of the clause names its subject ("بحسب ما أكد غولييلموني ... قائلا: «...»")
            aside = (k, cue, guess_speaker(ctx, toks[k + 1 : phrase_end(toks, k + 1, hi)], cue))
            continue
        if k > lo and toks[k - 1][2] in load_set("relative_pronouns"):
            found = _relative_cue(ctx, toks, k, hi, cue)
            if found is not None and (found[1] or not explicit):
                best, explicit = (k, cue, found[0]), explicit or found[1]
            continue
        if grammar.in_lexicon(toks[k][2], cues.impersonal()) and not _named_before_colon(ctx, toks, k, hi, cue):
            continue  # "ومما يذكر أن «مسك» قد حازت": background, nobody's words
        if frames.read_as_preposition(toks, k, lo, hi, cue):
            continue  # "التوعية عبر كشف ..."، "وعبر حسابه على «تويتر»، أطلق": "via", no verb
        end = phrase_end(toks, k + 1, hi)
        if not cues.narrow_ok(cue, toks, k, end):
            continue  # "وتحدثت المصادر عن «...»": narration
        guess = guess_speaker(ctx, toks[k + 1 : end], cue)
        # a strict form right before the quote counts too ("رسالة من سيلرز تقول: “...”")
        if (
            cue.strict
            and not (end >= hi - 1 and end - k <= 4)
            and not strict_ok(ctx, toks, k, end, guess, at_start=k == lo)
        ):
            # no cue here, but a participle after it goes on from its subject ("حيث علق بنهور ابالوس رئيس حي
            # ماندليونغ على هذا الإنجاز بقوله: «...»")
            verb_subject = guess if guess is not None and guess.person else verb_subject
            continue
        if guess is None and toks[k][2].startswith("قول"):
            # "ونقل موقع شانا عن محسن قمصري قوله إن": the words are the one's they are reported from
            guess = _reported_from(ctx, toks[k][0], cue)
        if guess is not None:
            best, explicit = (k, cue, guess), True
            note_turn(ctx, cue, guess)
        elif not explicit:
            implicit = subject_before(ctx, toks, k, cue) or nearby.when_subject(ctx, toks, k, cue)
            implicit = implicit or (verb_subject if cue.participle else None)
            best = (k, cue, implicit or resolve_subject(ctx, toks[k][0], cue))
    if aside is not None and aside[2] is not None and not explicit and (best is None or best[1].participle):
        return aside
    return best


def _named_before_colon(ctx: Reading, toks: Sequence[Tok], k: int, hi: int, cue: cue_verbs.Cue) -> bool:
    """An impersonal form with a speaker after it and a colon ending the phrase reports after all: "يذكر أحد كبار
    قادة القوات المسلحة: «...»"."""
    end = phrase_end(toks, k + 1, hi)
    return (
        end > k + 1 and end == hi - 1 and toks[end][2] == ":" and guess_speaker(ctx, toks[k + 1 : end], cue) is not None
    )


def note_turn(ctx: Reading, cue: cue_verbs.Cue, guess: Guess) -> None:
    if guess.addressee is not None and cue.role in ("say", "ask"):
        ctx.state.interviewee = guess.addressee

"""Indirect speech: a cue verb, its speaker phrase and إن/أن; the reported clause runs to the sentence end."""

from __future__ import annotations

from collections.abc import Sequence

from arnews.core import cue_verbs, grammar, names
from arnews.core.grammar import Tok
from arnews.core.lexicons import load_set
from arnews.models import Quote
from arnews.quotes import cues, frames
from arnews.quotes import speakers as sp
from arnews.quotes.attribution import (
    guess_speaker,
    note_turn,
    resolve_subject,
    speaker_record,
    subject_before,
)
from arnews.quotes.clauses import clause_from
from arnews.quotes.marks import (
    MAX_LOOK,
    mark_table,
    phrase_end,
    quoted_end,
    words_in,
)
from arnews.quotes.mentions import title_names
from arnews.quotes.names import short_name
from arnews.quotes.nearby import aside_after, when_subject
from arnews.quotes.reading import Guess, Reading
from arnews.quotes.relative import antecedent_speaks, described_speaker
from arnews.quotes.sources import names_source
from arnews.quotes.strict import strict_ok


def sentence_end(toks: Sequence[Tok], i: int) -> int:
    """The index of the token that ends the sentence holding ``toks[i]`` (looked for within reach), or where the
    search stopped."""
    last = min(len(toks), i + MAX_LOOK)
    for k in range(i, last):
        if cues.ends(toks[k]):
            return k
    return last


def according_text(ctx: Reading, toks: Sequence[Tok], source: frames.Source | None) -> str | None:
    """The input text of an attribution's source (:attr:`arnews.models.Quote.according_to`)."""
    if source is None:
        return None
    rs, re_ = ctx.view.raw_span(*source.span(toks))
    return ctx.view.raw[rs:re_]


def indirect_cues(
    ctx: Reading, toks: Sequence[Tok], spans: Sequence[tuple[int, int]], verbs: Sequence[int]
) -> list[int]:
    """The cue verbs outside the quotes (``spans``) that may report speech, of the paragraph's cue verbs (``verbs``:
    :attr:`arnews.quotes.openings.Openings.cues`)."""
    found = []
    j = 0
    for i in verbs:
        s, t = toks[i][0], toks[i][2]
        while j < len(spans) and spans[j][1] <= s:
            j += 1
        if j < len(spans) and spans[j][0] <= s < spans[j][1]:
            continue
        cue = cues.verb_at(toks, i)
        if cue is None or cue.role in ("describe", "ask") or (cue.participle and cues.adjectival(toks, i)):
            continue  # "عدوى مؤكدة فتاكة": a participle as an adjective reports nothing
        if antecedent_speaks(toks, i) and described_speaker(ctx, toks, i) is None:
            continue  # "الرواية التي تقول إن": no one's words ("الذي قالت عنه ميركل إنه" is Merkel's)
        if cue.strict and t in load_set("noun_prepositions") and i > 0 and grammar.has_article(toks[i - 1][2]):
            continue  # "تنتقل الاهتزازات عبر سطح الطاولة": a preposition after a noun, not the verb
        if grammar.in_lexicon(t, cues.impersonal()) or grammar.strip_proclitic(t) in cues.impersonal():
            continue
        found.append(i)
    return found


def read_indirect(ctx: Reading, toks: Sequence[Tok], i: int, spans: Sequence[tuple[int, int]]) -> int:
    """An indirect quote from the cue at ``toks[i]``; returns the offset its clause reaches."""
    cue = cue_verbs.cue_of(toks[i][2])
    assert cue is not None
    c = _complementizer(toks, i)
    comp = frames.complement_at(toks, i, cue)
    # "المدرب غروس الذي أكد أن": the person a relative clause describes speaks, through إن/أن or a colon only
    # ("بلاتر الذي أعلن تخليه عن المنصب"، "خطاب كاميرون الذي دعا فيه الجالية إلى")
    described = described_speaker(ctx, toks, i)
    if comp is not None and (c < 0 or comp[0] + 1 < c):
        # "أشار إلى ارتفاع ...": a preposition of the cue opens the clause before any إن/أن does
        return -1 if described else _report(ctx, toks, i, cue, phrase_end=comp[0], first=comp[1])
    if c < 0:
        colon = _colon(toks, i)
        if colon is None:
            if described is None:
                _narrated(ctx, toks, i, cue)
            return -1
        return _report(ctx, toks, i, cue, phrase_end=colon, first=colon + 1, described=described)
    if c + 1 < len(toks) and toks[c + 1][2] in mark_table():
        # "أعلن أنها “سخيفة”": the quote itself is the report, unless it is a name ("إن «أرامكو» ستبني")
        q = ctx.raw_at.get(c + 1)
        if q is None or words_in(toks, q) > 3 or not short_name(ctx, toks, q):
            return -1
    colon = c - 1 if c > i + 1 and toks[c - 1][2] == ":" else c  # "أوضح الشامي: ان المركز ..."
    return _report(ctx, toks, i, cue, phrase_end=colon, first=frames.reported_first(toks, c), described=described)


def _colon(toks: Sequence[Tok], i: int) -> int | None:
    """The colon that ends the cue's speaker phrase when speech with no marks follows it ("وأضاف: ...")."""
    k = i + 1
    while k < min(len(toks), i + 16):
        t = toks[k][2]
        if t == ":":
            return k if frames.colon_at(toks, k) is not None else None
        if not grammar.is_word(toks[k]) and t not in "،,":
            return None
        k += 1
    return None


def _report(
    ctx: Reading,
    toks: Sequence[Tok],
    i: int,
    cue: cue_verbs.Cue,
    *,
    phrase_end: int,
    first: int,
    described: Guess | None = None,
) -> int:
    """The quote of the cue at ``toks[i]``: its speaker the person a relative clause ``described``, else in ``toks[i +
    1 : phrase_end]`` (else before the verb, else the last fitting speaker), its clause from ``toks[first]`` to the
    sentence end."""
    if not cues.narrow_ok(cue, toks, i, phrase_end):
        return -1  # "نقل المصابين إلى المستشفى بعد أن": a verb in its everyday sense
    phrase = list(toks[i + 1 : phrase_end])
    # "قال السناتور توم كوتون وهو من ... منتقدي الرئيس باراك أوباما إن": an aside of و and a pronoun ends the phrase
    aside = next(
        (k for k, t in enumerate(phrase) if k and t[2][0] == "و" and t[2][1:] in load_set("personal_pronouns")), -1
    )
    phrase = phrase[:aside] if aside > 0 else phrase
    while phrase and (phrase[-1][2] in load_set("speaker_phrase_tails") or phrase[-1][2] in "،,"):
        phrase.pop()
    guess = described or (guess_speaker(ctx, phrase, cue) if phrase else None)
    before = subject_before(ctx, toks, i, cue) if guess is None else None
    # a subject standing before the verb opens the clause, as the verb itself would
    at_start = i == 0 or before is not None
    if cue.strict:
        end_word = toks[phrase_end][2] if phrase_end < len(toks) else ":"
        if end_word != ":" and end_word not in load_set("complementizers"):
            # through a preposition ("وعبر رئيس النادي عن سعادته"): only at a clause start
            named = guess is not None and guess.person
            if not (at_start or named or toks[i - 1][2] in cues.PUNCT_STOP or toks[i][2][0] in names.CONJUNCTIONS):
                return -1
        elif not strict_ok(ctx, toks, i, phrase_end, guess, at_start=at_start):
            return -1
    if guess is None:
        guess = before or when_subject(ctx, toks, i, cue) or resolve_subject(ctx, toks[i][0], cue)
    else:
        note_turn(ctx, cue, guess)
    return emit_report(ctx, toks, i, first, guess)


def narration_starts(toks: Sequence[Tok], spans: Sequence[tuple[int, int]], verbs: Sequence[int]) -> list[int]:
    """The verbs of narration (``verbs``: :attr:`arnews.quotes.openings.Openings.narrations`) that open a clause
    outside the quotes (``spans``): with و/ف, after punctuation, or opening the paragraph."""
    found = []
    j = 0
    for i in verbs:
        s, t = toks[i][0], toks[i][2]
        while j < len(spans) and spans[j][1] <= s:
            j += 1  # the spans are in order: one pass over them, however many quotes the paragraph has
        if j < len(spans) and spans[j][0] <= s:
            continue
        if i == 0 or t[0] in names.CONJUNCTIONS or toks[i - 1][2] in cues.PUNCT_STOP or toks[i - 1][2] in "،,":
            found.append(i)
    return found


def read_narration(ctx: Reading, toks: Sequence[Tok], i: int) -> None:
    """A verb of narration at ``toks[i]`` ("وأشاد العقيد زيد الشمري بما تحقق، وقال: ..."): the person it names
    speaks next, when a verb of saying goes on in its sentence (its subject is that person); a sentence that only
    narrates ("افتتح المحافظ المهرجان.") leaves the speakers as they were."""
    cue = cue_verbs.narration_of(toks[i][2])
    k = i + 1
    while k < len(toks) and not cues.ends(toks[k]) and cues.verb_at(toks, k) is None:
        k += 1
    if cue is not None and k < len(toks) and not cues.ends(toks[k]):
        _narrated(ctx, toks, i, cue)


def _narrated(ctx: Reading, toks: Sequence[Tok], i: int, cue: cue_verbs.Cue) -> None:
    """A verb of saying that reports no words of its own ("وقال الحمود مغردا عبر حسابه، مادحا الدور ..."): the person
    it names is who speaks next, for a verb with no subject after it ("وقال: ..."), as after a quote."""
    if cue.strict or cue.role != "say" or i + 1 >= len(toks):
        return
    guess = guess_speaker(ctx, toks[i + 1 : phrase_end(toks, i + 1, min(len(toks), i + MAX_LOOK))], cue)
    if guess is None or not guess.person or guess.anonymous:
        return
    if any(
        t[2][0] in "بل" and t[2][1:] in names.possessive_suffixes()
        for t in toks[i + 1 : i + MAX_LOOK]
        if t[0] < guess.span[0]
    ):
        return  # "في رسالة بعث بها لزيد رعد الحسين": after the verb's object, whom it was sent to
    span = ctx.view.raw_span(*guess.span)
    person = ctx.entity_index.person_within(span)
    if person is not None and (person[0], person[1]) == span:
        ctx.state.add_event(guess)  # a person the entity stage found, named whole right after the verb


def read_according(ctx: Reading, toks: Sequence[Tok], i: int) -> int:
    """A report attributed at a clause start ("ووفقا للمصادر فقد ..."): the source speaks; returns the offset the
    clause reaches, or -1."""
    found = frames.according_at(toks, i)
    if found is None:
        return -1
    source, first = found
    if i > 0 and toks[i - 1][2] in ("،", ",") and _narration_goes_on(toks, first):
        return -1  # "... على البلدة، بحسب وزارة الداخلية، فيما أعلن الجيش": the source is the clause before's
    # "ووفقا للعادة الأميركية، وقف ..."، "وفقاً لشروط ...": a rule or a custom the clause goes by says nothing
    ruled = grammar.in_lexicon(toks[source.start][2][source.skip :], load_set("rule_nouns"))
    return emit_report(ctx, toks, i, first, None if ruled else source_guess(ctx, toks, source), source=source)


def _narration_goes_on(toks: Sequence[Tok], k: int) -> bool:
    """A conjunction of narration (``narration_conjunctions.txt``: فيما، بينما، في حين) opens ``toks[k:]``."""
    words = [t[2] for t in toks[k : k + 2]]
    firsts = (words[0], words[0][1:] if words[0][:1] == "و" else "") if words else ()
    return any(" ".join((first, *words[1:n])) in load_set("narration_conjunctions") for first in firsts for n in (1, 2))


def source_guess(ctx: Reading, toks: Sequence[Tok], source: frames.Source) -> Guess:
    """The speaker an attribution's source names: the phrase's speaker, else the source as a whole (anonymous when
    it opens with an anonymous head: "مصادر مطلعة")."""
    head = toks[source.start][2][source.skip :]
    definite = grammar.has_article(head) or toks[source.start][2].startswith("لل")  # "وفقا للرواية الرسمية"
    if source.end - source.start >= 2 and not definite and cues.carrier_noun(head) is not None:
        # "بحسب بيان الوزارة"، "حسب وصف المخرج"، "بحسب تصريحات وزير الخارجية": whose statement it is speaks;
        # "بيان صادر عن الوزارة": the body it is issued by
        k = source.start + 1
        if k + 2 < source.end and toks[k][2] in load_set("document_issuers") and toks[k + 1][2] in ("عن", "من"):
            k += 2
        owner = sp.parse_phrase(toks[k : source.end])
        if owner is not None and owner.name[0] == toks[k][0]:
            return Guess(owner.name, anonymous=owner.anonymous, person=not owner.institution)
    # "بحسب التفاصيل التي ذكرتها صحيفة ...": who published or said what the source names
    published = frames.relative_source(toks, source)
    owner = sp.parse_phrase(toks[published : source.end]) if published is not None else None
    if owner is not None:
        return Guess(owner.name, anonymous=owner.anonymous, person=not owner.institution)
    phrase = sp.parse_phrase(toks[source.start : source.end]) if not source.skip else None
    if phrase is not None:
        return Guess(phrase.name, anonymous=phrase.anonymous, person=not phrase.institution)
    if source.end - source.start == 1 and (own := _pronoun_source(ctx, toks[source.start])) is not None:
        return own  # "لأنها، حسب قولها، تعكس ...": the person the pronoun stands for
    titled = source.skip and grammar.is_title(head)  # "وفقا للناطق الإعلامي لشرطة المنطقة الرائد بدر السحيباني"
    inside = title_names(toks[source.start : source.end]) if titled else []
    if inside:  # the titled name speaks
        return Guess(inside[-1], person=True)
    return Guess(source.span(toks), anonymous=grammar.in_lexicon(head, cues.anonymous_heads()))


def _pronoun_source(ctx: Reading, tok: Tok) -> Guess | None:
    """ "حسب قولها"، "على حد تعبيره": a noun of saying with a pronoun names the last person named before it."""
    third = (s for s in names.possessive_suffixes() if s.startswith("ه"))  # "قولنا" is the writer's, no antecedent
    stem = next((tok[2][: -len(s)] for s in third if tok[2].endswith(s)), "")
    if not (stem == "قول" or (len(stem) > 2 and cues.carrier_noun(stem) is not None)):
        return None
    return ctx.person_before(ctx.view.raw_span(tok[0], tok[1])[0])


def emit_report(
    ctx: Reading, toks: Sequence[Tok], i: int, first: int, guess: Guess | None, *, source: frames.Source | None = None
) -> int:
    """Record the report that the cue, attribution or document at ``toks[i]`` opens, its clause from ``toks[first]``
    (``source``: the attribution or document that names where the words come from); returns the offset the clause
    reaches, or -1."""
    start, end, last = clause_from(ctx.view.norm, toks, first)
    if end - start < 3 or not any(ch.isalnum() for ch in ctx.view.norm[start:end]):
        return -1
    v = ctx.view
    rs, re_ = v.raw_span(start, end)
    cs, ce = v.raw_span(toks[i][0], toks[i][1])
    found = source or frames.according_phrase(toks, i, last)
    if source is None and found is not None and found.start >= first and not names_source(ctx, toks, found):
        found = None  # "تحدد الأسعار بحسب العقد الأول": a condition inside the reported words, not their source
    according = according_text(ctx, toks, found)
    ctx.quotes.append(
        Quote(
            text=v.raw[rs:re_],
            start=rs,
            end=re_,
            kind="indirect",
            cue=v.raw[cs:ce],
            speaker=speaker_record(ctx, guess),
            according_to=according,
        )
    )
    if guess is not None:
        ctx.state.add_event(guess, reported_to=end)
    return end


def _complementizer(toks: Sequence[Tok], i: int) -> int:
    """The index of إن/أن after the cue at ``toks[i]`` and its speaker phrase (a short quoted name inside the phrase
    stepped over), or -1 when none follows within reach."""
    k = i + 1
    limit = min(len(toks), i + _FAR_REACH)
    while k < limit:
        t = toks[k][2]
        if t in mark_table():
            # a short quoted name inside the speaker phrase ("صرح لـ«عكاظ» بأن") is stepped over
            named = quoted_end(toks, k, 4, limit)
            if named == k:
                break
            k = named
            continue
        if t == ":" and k + 1 < len(toks) and toks[k + 1][2] in load_set("complementizers"):
            k += 1  # "أوضح الشامي: ان المركز ..."
            break
        if t in load_set("complementizers") and k > i + 1 and toks[k - 1][2] in load_set("subordinators"):
            k += 1  # "بعد أن وصل"، "رغم أن": a clause of time or concession, not the cue's report
            continue
        if t in load_set("complementizers") or t == ":" or cues.ends(toks[k]):
            break
        closed = aside_after(toks, k)
        if closed > k:
            k, limit = closed, min(len(toks), closed + 2)  # "يقول فلان، وهو ...، إن": the aside stepped over
        k += 1
    if k >= limit or toks[k][2] not in load_set("complementizers"):
        return -1
    # an abbreviation's dot does not count ("م. عبداللطيف بن محمد البنيان أن"); a longer phrase, with its
    # appositions, ends at a comma ("قال أندريس أيسون، مسؤول ... وتربطه صداقة بجيب بوش الابن، إن")
    near = sum(1 for t in toks[i + 1 : k] if t[2] != ".") < _NEAR_REACH
    return k if near or toks[k - 1][2] in ("،", ",") else -1


_NEAR_REACH = 20  # tokens between a cue and its إن/أن
_FAR_REACH = 28  # tokens between a cue and an إن/أن after a comma

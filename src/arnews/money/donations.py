"""Donations: money given, raised, pledged or granted, with organizer, recipient, donor and participants.

An amount (:mod:`arnews.money`) is a donation when a trigger word (``donation_triggers.tsv``: تبرع، جمع،
منحة، مساعدات، تعهد...) stands before it in its sentence, or a trigger noun right after it ("تبرعا"), and no
blocker (``donation_blockers.txt``: a price, salary, loan, budget, investment, revenue, fine...) stands between.
Weak triggers (جمع، حقق، حصل على، قدم) count only where the article speaks of fundraising
(``donation_context.txt``). Vague amounts ("ملايين الدولارات") are not donation records.

Around each donation the frames of ``donation_frames.tsv`` find who organised it (the name after "أجرتها",
"نظمت", or the nearest quoted or Latin-script name in the sentence, the earlier sentences of its paragraph or the
paragraph before), who it was for ("لصالح هاريس", "لحملة ...", or the article's beneficiary), and who gave it;
``participant_cues.txt`` finds how many took part ("بمشاركة 53 ألف مشارك"). Entities given by the linker name
the people and organisations where their mentions overlap what the frames found.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from attrs import define, field

from arnews.core.text import TextView
from arnews.core.tokens import Token
from arnews.document import Doc
from arnews.models import DateMention, Donation, Entity, Money, Span
from arnews.money.donation_roles import (
    Name,
    beneficiary_of,
    entity_names,
    entity_ref,
    frames_in,
    fundraising_headline,
    nearest_before,
    organizer_names,
    participants_of,
)
from arnews.money.donation_triggers import (
    BACK_CHARS,
    BACK_SENTENCES,
    BLOCK_AFTER_TOKENS,
    WINDOW,
    SentenceTokens,
    Window,
    has_context,
    is_blocked,
    trigger_after,
    trigger_before,
)

__all__ = ["extract_donations"]


@define
class _Article:
    """What every donation of one article is read against: its sentences, their tokens and the amounts."""

    view: TextView
    sentences: list[Window]
    tokens: SentenceTokens
    spans: list[tuple[int, int]]  # the amounts, normal-form offsets
    entities: tuple[Entity, ...]
    dates: tuple[DateMention, ...]
    context: bool  # the article speaks of giving somewhere (or its headline raises money)
    headline: bool
    beneficiary: Name | None
    span_starts: list[int] = field(init=False)
    sentence_starts: list[int] = field(init=False)
    _frames: dict[int, dict[str, tuple[list[int], list[Name]]]] = field(init=False, factory=dict)

    def __attrs_post_init__(self) -> None:
        self.span_starts = [s for s, _e in self.spans]
        self.sentence_starts = [s.start for s in self.sentences]

    def frames(self, index: int, start: int, end: int) -> dict[str, list[Name]]:
        """The frame names, by role, of sentence ``index`` (read once) that lie inside ``norm[start:end]``."""
        found = self._frames.get(index)
        if found is None:
            sentence = self.sentences[index]
            toks = self.tokens.within(index, sentence.start, sentence.end)
            found = self._frames[index] = {}
            for role, names in frames_in(self.view.norm, toks).items():
                names.sort(key=lambda n: n.start)
                found[role] = ([n.start for n in names], names)
        inside: dict[str, list[Name]] = {}
        for role, (starts, names) in found.items():
            lo, hi = bisect_left(starts, start), bisect_left(starts, end)
            kept = [n for n in names[lo:hi] if n.end <= end]
            if kept:
                inside[role] = kept
        return inside


def extract_donations(doc: Doc) -> tuple[Donation, ...]:
    """Every donation of the article: each definite amount that a trigger marks as given, raised or pledged.

    Reads the document's structure, money, entities and dates."""
    if not doc.money:
        return ()
    view, norm, regions = doc.view, doc.view.norm, doc.regions
    sentences = [Window(s, e, region) for s, e, region in doc.norm_sentences]
    if not sentences:
        return ()
    spans = [(view.norm_index(m.start), view.norm_index(m.end)) for m in doc.money]
    tokens = SentenceTokens(norm, sentences)
    headline = fundraising_headline(view, doc.structure, spans, sentences, tokens)
    art = _Article(
        view,
        sentences,
        tokens,
        spans,
        doc.entities,
        doc.dates,
        context=headline or any(has_context(norm, s, e) for s, e in regions),
        headline=headline,
        beneficiary=beneficiary_of(view, sentences, tokens, doc.structure),
    )
    found: list[Donation] = []
    for amount, (astart, aend) in zip(doc.money, spans, strict=True):
        if amount.value is None:
            continue
        donation = _donation_at(art, amount, astart, aend)
        if donation is not None:
            found.append(donation)
    return tuple(found)


def _donation_at(art: _Article, amount: Money, astart: int, aend: int) -> Donation | None:
    """The donation an amount is, when a trigger near it in its sentence says so and no blocker does not."""
    sentences = art.sentences
    index = bisect_right(art.sentence_starts, astart) - 1
    if index < 0 or astart >= sentences[index].end:
        return None
    whole = sentences[index]
    # a bounded window of the sentence around the amount keeps every donation's work constant
    sentence = Window(max(whole.start, astart - WINDOW), min(whole.end, aend + WINDOW), whole.region)
    starts = art.span_starts
    nearby = art.spans[bisect_left(starts, sentence.start - BACK_CHARS) : bisect_right(starts, sentence.end)]
    toks = art.tokens.within(index, sentence.start, sentence.end)
    evidence = _evidence(art, index, sentence, toks, nearby=nearby, astart=astart, aend=aend)
    if evidence is None:
        return None
    lo, hi = evidence
    before_amount = [t.start for t in toks if t.end <= astart][-3:]
    after_amount = [t.end for t in toks if t.start >= aend][:BLOCK_AFTER_TOKENS]
    if is_blocked(toks, min([lo, *before_amount]), max([hi, *after_amount])):
        return None
    return _donation(art, amount, evidence, astart, sentence=sentence, index=index, spans=nearby)


def _evidence(
    art: _Article,
    index: int,
    sentence: Window,
    toks: list[Token],
    *,
    nearby: list[tuple[int, int]],
    astart: int,
    aend: int,
) -> tuple[int, int] | None:
    """The trigger and the amount as one normal-form range, when a trigger before or after the amount fits."""
    sentences, norm = art.sentences, art.view.norm
    floor = max([e for s, e in nearby if sentence.start <= s and e <= astart] + [sentence.start])
    previous = sentences[index - 1] if index and sentences[index - 1].region == sentence.region else None
    local_from = sentence.start if previous is None else max(previous.start, sentence.start - WINDOW)
    following = sentences[index + 1] if index + 1 < len(sentences) else None
    local_to = sentence.end
    if following is not None and following.region == sentence.region:
        local_to = min(following.end, sentence.end + WINDOW)
    ceiling = min([s for s, e in nearby if s >= aend] + [sentence.end])
    for hit, before in (
        (trigger_before(toks, astart, floor), True),
        (trigger_after([t for t in toks if t.start < ceiling], aend), False),
    ):
        if hit is None:
            continue
        trigger = hit[1]
        if trigger.needs != "none" and not art.context:
            continue
        if trigger.needs == "local" and not (art.headline or has_context(norm, local_from, local_to)):
            continue
        last = toks[hit[0] + len(trigger.words) - 1].end
        return (toks[hit[0]].start, aend) if before else (astart, last)
    return None


def _donation(
    art: _Article,
    amount: Money,
    evidence: tuple[int, int],
    astart: int,
    *,
    sentence: Window,
    index: int,
    spans: list[tuple[int, int]],
) -> Donation:
    view, entities = art.view, art.entities
    parts, part_toks, indices = _parts_back(art, sentence, index)
    toks = part_toks[0]
    frames = _PartFrames(art, parts, part_toks, indices)
    recipient = _recipient(sentence, parts, frames, spans) or art.beneficiary
    taken = list(spans)
    if recipient is not None:
        taken.append((recipient.start, recipient.end))
    organizer = _organizer(art, parts, frames, recipient=recipient, taken=taken, astart=astart)
    donor = nearest_before(frames[0].get("donor", []), astart, taken)

    numbers = art.tokens.numbers(index, sentence.start, sentence.end)
    participants = participants_of(view, sentence.start, sentence.end, toks, spans, numbers=numbers)
    if participants is None and len(parts) > 1 and parts[1].region == sentence.region:
        before = art.tokens.numbers(index - 1, parts[1].start, parts[1].end)  # the end of the sentence before
        participants = participants_of(view, parts[1].start, parts[1].end, part_toks[1], spans, numbers=before)

    raw_start, raw_end = view.raw_span(sentence.start, sentence.end)
    date = next(
        (d.value for d in art.dates if d.value is not None and raw_start <= d.start and d.end <= raw_end),
        None,
    )
    ev_start, ev_end = view.raw_span(*evidence)
    return Donation(
        amount=amount,
        evidence=Span(view.raw[ev_start:ev_end], ev_start, ev_end),
        organizer=entity_ref(view, organizer, entities) if organizer is not None else None,
        recipient=entity_ref(view, recipient, entities) if recipient is not None else None,
        donor=entity_ref(view, donor, entities) if donor is not None else None,
        participants=participants,
        date=date,
    )


def _parts_back(art: _Article, sentence: Window, index: int) -> tuple[list[Window], list[list[Token]], list[int]]:
    """The sentences to search backwards, each with the part read: this one, the earlier ones of its paragraph,
    then the paragraph before; the tokens of each part, and the index of each part's sentence."""
    back = [(index, sentence)]
    for k in range(index - 1, max(-1, index - 1 - BACK_SENTENCES), -1):
        earlier = art.sentences[k]
        if earlier.region < sentence.region - 1 or earlier.end < sentence.start - BACK_CHARS:
            break
        back.append((k, Window(max(earlier.start, earlier.end - 2 * WINDOW), earlier.end, earlier.region)))
    return (
        [part for _k, part in back],
        [art.tokens.within(k, part.start, part.end) for k, part in back],
        [k for k, _part in back],
    )


class _PartFrames:
    """The frame names of each part read back from a donation: the frames of the part's whole sentence (found once
    per sentence for the whole article) that lie inside the part."""

    def __init__(self, art: _Article, parts: list[Window], part_toks: list[list[Token]], indices: list[int]) -> None:
        self.art, self.parts, self.part_toks, self.indices = art, parts, part_toks, indices
        self._done: dict[int, dict[str, list[Name]]] = {}

    def __getitem__(self, k: int) -> dict[str, list[Name]]:
        if k not in self._done:
            part = self.parts[k]
            self._done[k] = self.art.frames(self.indices[k], part.start, part.end)
        return self._done[k]


def _recipient(sentence: Window, parts: list[Window], frames: _PartFrames, spans: list[tuple[int, int]]) -> Name | None:
    """Who receives: a recipient frame in the donation's sentence, else in the earlier ones of its paragraph."""
    recipient = nearest_before(frames[0].get("recipient", []), sentence.end, spans)
    if recipient is None:
        for k, earlier in enumerate(parts[1:], 1):
            if earlier.region != sentence.region:
                break
            recipient = nearest_before(frames[k].get("recipient", []), earlier.end, spans)
            if recipient is not None:
                break
    return recipient


def _organizer(
    art: _Article,
    parts: list[Window],
    frames: _PartFrames,
    *,
    recipient: Name | None,
    taken: list[tuple[int, int]],
    astart: int,
) -> Name | None:
    """Who ran the giving: the nearest organiser name before the amount, searching back part by part."""
    view, norm = art.view, art.view.norm
    for k, part in enumerate(parts):
        names = organizer_names(view, part.start, part.end, frames.part_toks[k], own=k == 0, frames=frames[k])
        if k == 0:  # a linked organisation counts in the donation's own sentence only
            names += entity_names(view, art.entities, part.start, part.end, {"ORG"})
        if recipient is not None:  # who organised is not who received: "أطلقت هاريس حملتها" names no organiser
            whom = norm[recipient.start : recipient.end]
            names = [n for n in names if n.rank < 3 or whom not in norm[n.start : n.end]]
        organizer = nearest_before(names, astart if k == 0 else part.end, taken)
        if organizer is not None:
            return organizer
    return None

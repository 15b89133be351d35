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

from attrs import evolve

from arnews.core.tokens import Token
from arnews.document import Doc
from arnews.models import Donation, Money, Span
from arnews.money.donation_article import DonationArticle, PartFrames, amount_end, parts_back, region_of
from arnews.money.donation_gifts import one_per_gift
from arnews.money.donation_receivers import (
    charity_name,
    counted_receiver,
    receiver_after,
    receiver_before,
    well_formed,
)
from arnews.money.donation_roles import (
    Name,
    beneficiary_of,
    entity_names,
    entity_ref,
    fundraising_headline,
    nearest_before,
    organizer_names,
    participants_of,
)
from arnews.money.donation_triggers import (
    BACK_CHARS,
    BLOCK_AFTER_TOKENS,
    WINDOW,
    SentenceTokens,
    Window,
    charity_before,
    goods_value,
    has_charity,
    has_context,
    is_blocked,
    says_loans,
    trigger_after,
    trigger_before,
)

__all__ = ["extract_donations"]


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
    tokens = SentenceTokens(norm, sentences, doc.norm_tokens)
    headline = fundraising_headline(view, doc.structure, spans, sentences, tokens)
    art = DonationArticle(
        view,
        sentences,
        tokens,
        spans,
        doc.entities,
        doc.dates,
        doc.money,
        context=headline or any(has_context(norm, s, e) for s, e in regions),
        headline=headline,
        beneficiary=beneficiary_of(view, sentences, tokens, doc.structure),
    )
    found: list[tuple[Donation, int, int]] = []
    for amount, (astart, aend) in zip(doc.money, spans, strict=True):
        if amount.value is None:
            continue
        recent = bool(found) and region_of(art, found[-1][1]) >= region_of(art, astart) - 1
        donation = _donation_at(art, amount, astart, aend, recent=recent) or _continued(
            art, amount, astart, aend, found
        )
        if donation is not None:
            found.append((donation, astart, aend))
    loans = [(s, e) for s, e in regions if says_loans(norm, s, e)]
    kept = [(d, s, e) for d, s, e in found if not any(ls <= s < le for ls, le in loans)]
    title_end = view.norm_index(doc.structure.title.end) if doc.structure.title else 0
    kept = [(_headline_receiver(art, d, title_end) if s in art.guessed else d, s, e) for d, s, e in kept]
    return one_per_gift(kept, title_end=title_end, guessed=art.guessed)


def _headline_receiver(art: DonationArticle, donation: Donation, title_end: int) -> Donation:
    """A donation whose receiver is only the article's guess takes the one the headline names after the same
    amount ("65 مليون دولار من الولايات المتحدة لبرنامج الغذاء العالمي"), given or not in the headline's words."""
    norm = art.view.norm
    for (start, end), money in zip(art.spans, art.money, strict=True):
        if start >= title_end:
            break
        if (money.value, money.currency) != (donation.amount.value, donation.amount.currency):
            continue
        index = bisect_right(art.sentence_starts, start) - 1
        toks = art.tokens.within(index, art.sentences[index].start, art.sentences[index].end)
        name = well_formed(norm, receiver_after(norm, toks, end))
        if name is not None:
            return evolve(donation, recipient=entity_ref(art.view, name, art.entities))
    return donation


_LIST_TOKENS = 14  # tokens between two amounts of one list of gifts


def _continued(
    art: DonationArticle, amount: Money, astart: int, aend: int, found: list[tuple[Donation, int, int]]
) -> Donation | None:
    """An amount that continues a list whose earlier amount in the same sentence is a donation ("أكثر من 245
    مليون دولار للأردن، ويتجاوز 311 مليون دولار للبنان، وأكثر من 75 مليون دولار لتركيا", "قدمت أكثر من 3 مليارات
    دولار ..., بما في ذلك ما يزيد على 1.4 مليار دولار من المساعدات الغذائية")."""
    if not found:
        return None
    _previous, _pstart, pend = found[-1]
    index = bisect_right(art.sentence_starts, astart) - 1
    if index < 0 or not (art.sentences[index].start <= pend <= astart < art.sentences[index].end):
        return None
    sentence = art.sentences[index]
    toks = art.tokens.within(index, pend, min(sentence.end, aend + WINDOW))
    gap = [t for t in toks if t.end <= astart]
    if len(gap) > _LIST_TOKENS or not any(t.text in ("،", ",") or t.text.startswith("و") for t in gap):
        return None
    after = [t.end for t in toks if t.start >= aend][:BLOCK_AFTER_TOKENS]
    if is_blocked(toks, pend, max([aend, *after])):
        return None
    window = Window(max(sentence.start, astart - WINDOW), min(sentence.end, aend + WINDOW), sentence.region)
    starts = art.span_starts
    nearby = art.spans[bisect_left(starts, window.start - BACK_CHARS) : bisect_right(starts, window.end)]
    lo = gap[0].start if gap else astart
    return _donation(art, amount, (lo, aend), astart, sentence=window, index=index, spans=nearby)


def _donation_at(
    art: DonationArticle, amount: Money, astart: int, aend: int, *, recent: bool = False
) -> Donation | None:
    """The donation an amount is, when a trigger near it in its sentence says so and no blocker does not.
    ``recent``: a donation was found in this paragraph or the one before, which is context enough for a weak
    trigger (the breakdown of an aid package)."""
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
    before_amount = [t.start for t in toks if t.end <= astart][-3:]
    after_amount = [t.end for t in _after_conversion(toks, aend)][:BLOCK_AFTER_TOKENS]
    for costs in (True, False):
        if costs:
            evidence = _evidence(art, index, sentence, toks, nearby=nearby, astart=astart, aend=aend, recent=recent)
        else:  # the value of goods a charity hands out: a cost that is a gift
            evidence = _goods_evidence(art, index, sentence, toks, astart=astart, aend=aend)
        if evidence is None:
            continue
        lo, hi = evidence
        ahead = [t.start for t in toks if t.end <= lo][-2:]  # "عقد سنوي يمنح ...": a blocker right before the trigger
        if not is_blocked(toks, min([lo, *before_amount, *ahead]), max([hi, *after_amount]), costs=costs):
            return _donation(art, amount, evidence, astart, sentence=sentence, index=index, spans=nearby)
    return None


def _after_conversion(toks: list[Token], aend: int) -> list[Token]:
    """The tokens after an amount, past a bracketed conversion ("60 ألف جنيه (نحو 7600 دولار) تعويضا")."""
    after = [t for t in toks if t.start >= aend]
    if after and after[0].text == "(":
        close = next((k for k, t in enumerate(after[:12]) if t.text == ")"), None)
        if close is not None:
            return after[close + 1 :]
    return after


def _goods_evidence(
    art: DonationArticle, index: int, sentence: Window, toks: list[Token], *, astart: int, aend: int
) -> tuple[int, int] | None:
    """The value of goods a charity hands out ("وزعت جمعية ... 2500 سلة ... بلغت تكلفتها نصف مليون ريال"): a
    value word before the amount, goods before it, and a charity named in the sentence or the one before."""
    if not art.context:
        return None
    value = goods_value([t for t in toks if t.end <= astart], astart)
    if value is None:
        return None
    whole = art.sentences[index]
    near = art.tokens.within(index, whole.start, whole.end)
    previous = art.sentences[index - 1] if index and art.sentences[index - 1].region == sentence.region else None
    if previous is not None:
        near = [*art.tokens.within(index - 1, previous.start, previous.end), *near]
    return (value, aend) if has_charity(near) else None


def _evidence(
    art: DonationArticle,
    index: int,
    sentence: Window,
    toks: list[Token],
    *,
    nearby: list[tuple[int, int]],
    astart: int,
    aend: int,
    recent: bool = False,
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
        if trigger.needs == "charity":
            if charity_before(toks, hit[0]):
                return (toks[hit[0]].start, aend) if before else (astart, toks[hit[0]].end)
            continue
        if trigger.needs != "none" and not art.context:
            continue
        if trigger.needs == "local" and not (art.headline or recent or has_context(norm, local_from, local_to)):
            continue
        last = toks[hit[0] + len(trigger.words) - 1].end
        return (toks[hit[0]].start, aend) if before else (astart, last)
    return None


def _donation(
    art: DonationArticle,
    amount: Money,
    evidence: tuple[int, int],
    astart: int,
    *,
    sentence: Window,
    index: int,
    spans: list[tuple[int, int]],
) -> Donation:
    view, entities = art.view, art.entities
    parts, part_toks, indices = parts_back(art, sentence, index)
    toks = part_toks[0]
    frames = PartFrames(art, parts, part_toks, indices)
    norm = view.norm
    recipient = (
        well_formed(norm, receiver_after(norm, toks, amount_end(art, astart)))
        or well_formed(norm, receiver_before(norm, toks, astart))
        or counted_receiver(toks, max([e for _s, e in spans if e <= astart], default=sentence.start), astart)
        or well_formed(norm, _recipient(sentence, parts, frames, spans, astart))
    )
    if recipient is None and art.beneficiary is not None:
        recipient = art.beneficiary
        art.guessed.add(astart)  # the article's beneficiary, not a name of the clause
    taken = list(spans)
    if recipient is not None:
        taken.append((recipient.start, recipient.end))
    organizer = well_formed(
        norm, _organizer(art, parts, frames, recipient=recipient, taken=taken, astart=astart)
    ) or well_formed(norm, charity_name(norm, toks, astart))
    donor = well_formed(norm, nearest_before(frames[0].get("donor", []), astart, taken))

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
        organizer=entity_ref(view, organizer, entities, giver=True) if organizer is not None else None,
        recipient=entity_ref(view, recipient, entities) if recipient is not None else None,
        donor=entity_ref(view, donor, entities, giver=True) if donor is not None else None,
        participants=participants,
        date=date,
    )


def _recipient(
    sentence: Window, parts: list[Window], frames: PartFrames, spans: list[tuple[int, int]], astart: int
) -> Name | None:
    """Who receives: a recipient frame in the donation's sentence (the nearest before the amount, else after it),
    else in the earlier ones of its paragraph."""
    own = frames[0].get("recipient", [])
    later = [n for n in own if n.start >= astart and not any(s <= n.start and n.end <= e for s, e in spans)]
    recipient = nearest_before(own, astart, spans) or min(later, key=lambda n: n.start, default=None)
    if recipient is None:
        for k, earlier in enumerate(parts[1:], 1):
            if earlier.region != sentence.region:
                break
            recipient = nearest_before(frames[k].get("recipient", []), earlier.end, spans)
            if recipient is not None:
                break
    return recipient


def _organizer(
    art: DonationArticle,
    parts: list[Window],
    frames: PartFrames,
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

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

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from attrs import frozen

from arnews.lexicons import load_list, load_set, load_table
from arnews.models import DateMention, Donation, Entity, EntityRef, Money, Participants, Span
from arnews.money import _regions, qualifier_before
from arnews.names import PROCLITICS
from arnews.numbers import Tok, find_numbers, tokenize
from arnews.parser import Structure
from arnews.regexes import alternation, proclitic
from arnews.text import TextView, normalize

__all__ = ["extract_donations"]

_SENTENCE_END = re.compile(r"[!?؟;\n]|\.(?=\s|$)")
_QUOTED = re.compile(r"[“«\"]([^“”«»\"\n]{2,80})[”»\"]")
_LATIN = re.compile(r"[A-Z][\w&+.'’-]*(?:[ \t]+(?:[A-Z0-9+&][\w&+.'’-]*|for|of|the|with|and|de|in|to))*")
_BACK_TOKENS = 14  # how far before an amount a trigger may stand, in tokens
_AFTER_TOKENS = 4
_BLOCK_AFTER_TOKENS = 3  # how far after an amount a blocker may stand ("40 مليون دولار شهريا من بيع النفط")
_NAME_TOKENS = 5
_WINDOW = 300  # characters of a sentence read on each side of an amount
_BACK_CHARS = 1500  # how far back the organiser and participants are looked for
_BACK_SENTENCES = 8
_QUOTED_WORDS = 8


# --- lexicons ---------------------------------------------------------------------------------------------


@frozen
class _Trigger:
    words: tuple[str, ...]
    position: str
    needs: str


@lru_cache(maxsize=1)
def _triggers() -> dict[str, list[_Trigger]]:
    table: dict[str, list[_Trigger]] = {}
    for phrase, position, needs in load_table("donation_triggers"):
        words = tuple(normalize(phrase).split())
        table.setdefault(words[0], []).append(_Trigger(words, position, needs))
    return table


@lru_cache(maxsize=1)
def _frames() -> dict[str, list[tuple[tuple[str, ...], str, bool]]]:
    table: dict[str, list[tuple[tuple[str, ...], str, bool]]] = {}
    for phrase, role, keep in load_table("donation_frames"):
        words = tuple(normalize(phrase).split())
        table.setdefault(words[0], []).append((words, role, keep == "yes"))
    return table


@lru_cache(maxsize=1)
def _participant_cues() -> dict[str, list[tuple[str, ...]]]:
    table: dict[str, list[tuple[str, ...]]] = {}
    for phrase in load_list("participant_cues"):
        words = tuple(normalize(phrase).split())
        table.setdefault(words[0], []).append(words)
    return table


_EXPANDED: dict[int, dict[str, str]] = {}


def _bare(word: str, known: frozenset[str] | dict[str, Any]) -> str | None:
    """``word`` as the lexicon has it, once a clitic is taken off if need be."""
    table = _EXPANDED.get(id(known))
    if table is None:  # lexicons are cached for the process: expand each once
        table = {}
        for entry in known:
            for clitic in PROCLITICS:
                table.setdefault(clitic + entry, entry)
            if entry.startswith("ال"):  # ل + ال fused into لل: "للاستثمار"
                for clitic in ("ل", "ول", "فل"):
                    table.setdefault(clitic + entry[1:], entry)
        table.update((entry, entry) for entry in known)
        _EXPANDED[id(known)] = table
    return table.get(word)


@lru_cache(maxsize=1)
def _qualifier_words() -> frozenset[str]:
    """The words of the qualifiers written before an amount ("أكثر من", "نحو", "ما يزيد على")."""
    return frozenset(
        w for phrase, _kind, where in load_table("qualifiers") if where == "before" for w in normalize(phrase).split()
    )


def _phrase_at(toks: Sequence[Tok], i: int, words: tuple[str, ...]) -> bool:
    if i + len(words) > len(toks):
        return False
    return all(toks[i + k].text == words[k] for k in range(1, len(words)))


# --- sentences ----------------------------------------------------------------------------------------------


@frozen
class _Sentence:
    start: int  # normal-form offsets
    end: int
    region: int


class _Tokens:
    """The tokens of each sentence, tokenised once (on first use) and sliced for any range inside it."""

    def __init__(self, norm: str, sentences: list[_Sentence]) -> None:
        self._norm = norm
        self._sentences = sentences
        self._done: dict[int, tuple[list[Tok], list[int]]] = {}

    def within(self, index: int, start: int, end: int) -> list[Tok]:
        """The tokens of sentence ``index`` that lie wholly inside ``norm[start:end]``."""
        done = self._done.get(index)
        if done is None:
            sentence = self._sentences[index]
            toks = tokenize(self._norm, sentence.start, sentence.end)
            done = self._done[index] = (toks, [t.start for t in toks])
        toks, starts = done
        lo, hi = bisect_left(starts, start), bisect_left(starts, end)
        if hi > lo and toks[hi - 1].end > end:
            hi -= 1
        return toks[lo:hi]


def _sentences(norm: str, regions: list[tuple[int, int]]) -> list[_Sentence]:
    out: list[_Sentence] = []
    for index, (start, end) in enumerate(regions):
        pos = start
        for m in _SENTENCE_END.finditer(norm, start, end):
            if m.end() > pos and norm[pos : m.end()].strip():
                out.append(_Sentence(pos, m.end(), index))
            pos = m.end()
        if end > pos and norm[pos:end].strip():
            out.append(_Sentence(pos, end, index))
    return out


@lru_cache(maxsize=1)
def _context_re() -> re.Pattern[str]:
    words = alternation(load_set("donation_context"))
    return re.compile(rf"(?<![^\W\d_]){proclitic()}(?:{words})(?![^\W\d_])")


def _has_context(norm: str, start: int, end: int) -> bool:
    """Whether ``norm[start:end]`` speaks of fundraising, donations or aid."""
    return _context_re().search(norm, start, end) is not None


# --- triggers -----------------------------------------------------------------------------------------------


def _trigger_before(toks: Sequence[Tok], amount_start: int, floor: int) -> tuple[int, _Trigger] | None:
    """The nearest trigger standing before the amount (index of its first token), not past ``floor``."""
    table = _triggers()
    first = next((k for k, t in enumerate(toks) if t.start >= amount_start), len(toks))
    for i in range(first - 1, max(-1, first - 1 - _BACK_TOKENS), -1):
        tok = toks[i]
        if tok.start < floor:
            break
        if tok.kind != "word":
            continue
        word = _bare(tok.text, table)
        if word is None:
            continue
        for trigger in sorted(table[word], key=lambda t: -len(t.words)):
            if trigger.position == "before" and _phrase_at(toks, i, trigger.words):
                return i, trigger
            # "near": a word that gives money only right before it, or before a qualifier of it ("تجمع 12 مليون",
            # "تجمع أكثر من 12 مليون"), being a noun elsewhere ("تجمع انتخابي": a rally)
            gap = toks[i + len(trigger.words) : first]
            if (
                trigger.position == "near"
                and all(t.text in _qualifier_words() for t in gap)
                and _phrase_at(toks, i, trigger.words)
            ):
                return i, trigger
    return None


def _trigger_after(toks: Sequence[Tok], amount_end: int) -> tuple[int, _Trigger] | None:
    table = _triggers()
    after = [k for k, t in enumerate(toks) if t.start >= amount_end][:_AFTER_TOKENS]
    for i in after:
        tok = toks[i]
        if tok.kind == "word" and tok.text.startswith("و") and tok.text[1:] in table:
            break  # "غرمه 100 ألف يورو ومنحه مهلة": a new clause, not a noun of the amount
        word = _bare(tok.text, table) if tok.kind == "word" else None
        if word is None:
            continue
        for trigger in table[word]:
            if trigger.position == "after" and _phrase_at(toks, i, trigger.words):
                return i, trigger
    return None


@lru_cache(maxsize=1)
def _blockers() -> dict[str, list[tuple[str, ...]]]:
    """The blocker phrases by first word ("جولة تمويل" under "جولة")."""
    table: dict[str, list[tuple[str, ...]]] = {}
    for phrase in load_set("donation_blockers"):
        words = tuple(phrase.split())
        table.setdefault(words[0], []).append(words)
    return table


#: Possessive suffixes a blocker noun may carry ("لإنفاقها", "رواتبهم"), longest first.
_SUFFIXES = ("هما", "هم", "هن", "ها", "نا", "كم", "ه")


def _blocker_at(toks: Sequence[Tok], i: int) -> bool:
    table = _blockers()
    text = toks[i].text
    words = [text] + [text[: -len(suffix)] for suffix in _SUFFIXES if text.endswith(suffix) and len(text) > 4]
    for word in words:
        bare = _bare(word, table)
        if bare is not None and any(_phrase_at(toks, i, phrase) for phrase in table[bare]):
            return True
    return False


def _blocked(toks: Sequence[Tok], lo: int, hi: int) -> bool:
    """Whether a blocker (a price, salary, investment round, prize...) stands in ``norm[lo:hi]``."""
    return any(t.kind == "word" and lo <= t.start < hi and _blocker_at(toks, i) for i, t in enumerate(toks))


# --- names --------------------------------------------------------------------------------------------------


@frozen
class _Name:
    start: int  # normal-form offsets
    end: int
    rank: int  # 0 entity, 1 quoted, 2 Latin, 3 frame


def _name_after(norm: str, toks: Sequence[Tok], i: int) -> tuple[int, int] | None:
    """The name that begins at token ``i``: a quoted name, or words up to a stop word or punctuation."""
    if i >= len(toks):
        return None
    quoted = _QUOTED.match(norm, toks[i].start)
    if quoted is not None and len(quoted.group(1).split()) <= _QUOTED_WORDS:
        return quoted.start(1), quoted.end(1)
    stops = load_set("donation_name_stops")
    start = end = -1
    for tok in toks[i : i + _NAME_TOKENS]:
        if tok.kind not in ("word", "latin"):
            break
        if _bare(tok.text, stops) is not None:
            break
        start = tok.start if start < 0 else start
        end = tok.end
    return (start, end) if start >= 0 else None


def _frame_names(norm: str, toks: Sequence[Tok], role: str) -> list[_Name]:
    table = _frames()
    found: list[_Name] = []
    for i, tok in enumerate(toks):
        if tok.kind != "word":
            continue
        for words, frame_role, keep in table.get(tok.text, []) + table.get(tok.text[1:], []):
            if frame_role != role or not _phrase_at(toks, i, words):
                continue
            if tok.text != words[0] and tok.text[0] != "و":
                continue
            if keep:
                head = tok.start + tok.text.index(words[0]) + (1 if words[0].startswith("ل") else 0)
                rest = _name_after(norm, toks, i + 1)
                found.append(_Name(head, rest[1] if rest else tok.end, 3))
                continue
            name = _name_after(norm, toks, i + len(words))
            if name is not None:
                found.append(_Name(name[0], name[1], 3))
    return found


def _not_a_name(text: str) -> bool:
    """A name that is a news outlet or platform ("شبكة سي بي إس نيوز", "Zoom"), not an organiser."""
    not_names = load_set("not_organizers")
    return any(_bare(w, not_names) for w in normalize(text).split())


def _organizer_names(view: TextView, lo: int, hi: int, toks: Sequence[Tok], *, own: bool) -> list[_Name]:
    """Who may have organised a donation in ``norm[lo:hi]``: frame names, Latin-script names, and quoted names
    after a group noun ("منظمة “...”"); in the donation's ``own`` sentence any short quoted name ("انضمت 7000 امرأة
    إلى مكالمات “...”، وجمعن 168 ألف دولار")."""
    norm = view.norm
    names = [n for n in _frame_names(norm, toks, "organizer") if not _not_a_name(norm[n.start : n.end])]
    heads = load_set("organizer_nouns")
    for m in _QUOTED.finditer(norm, lo, hi):
        head = re.search(r"([\u0621-\u064a]+)\s*$", norm[max(lo, m.start() - 30) : m.start()])
        headed = head is not None and _bare(head.group(1), heads) is not None
        if len(m.group(1).split()) <= _QUOTED_WORDS and (own or headed):
            names.append(_Name(m.start(1), m.end(1), 1))
    raw_lo, raw_hi = view.raw_span(lo, hi)
    for m in _LATIN.finditer(view.raw, raw_lo, raw_hi):
        text = m.group().rstrip(".'’-")
        if len(text) < 3 or _not_a_name(text) or re.search(r"\.[a-z]{2,}", text.lower()):
            continue
        names.append(_Name(view.norm_index(m.start()), view.norm_index(m.start() + len(text)), 2))
    return names


# --- participants ---------------------------------------------------------------------------------------------


def _participants(
    view: TextView, lo: int, hi: int, toks: Sequence[Tok], amounts: list[tuple[int, int]]
) -> Participants | None:
    """The first count of participants in ``norm[lo:hi]`` (whose tokens are ``toks``) that follows a participant
    cue."""
    norm = view.norm
    tok_ends = [t.end for t in toks]
    cues = _participant_cues()
    amount_starts = [s for s, _e in amounts]
    for number in find_numbers(norm, lo, hi):
        if number.value is None or number.value != number.value.to_integral_value() or number.value < 2:
            continue
        inside = bisect_right(amount_starts, number.start) - 1  # amounts are in text order, apart
        if (inside >= 0 and number.start < amounts[inside][1]) or (
            inside + 1 < len(amounts) and amounts[inside + 1][0] < number.end
        ):
            continue
        upto = bisect_right(tok_ends, number.start)
        before = toks[max(0, upto - 6) : upto]
        gap_ok = False
        for k, tok in enumerate(before):
            word = _bare(tok.text, cues) if tok.kind == "word" else None
            if word is None:
                continue
            for words in cues[word]:
                if _phrase_at(before, k, words):
                    gap = norm[before[k + len(words) - 1].end : number.start]
                    gap_ok = gap_ok or (len(gap) <= 20 and not re.search(r"\d", gap))
        if not gap_ok:
            continue
        # the counted noun after the number belongs to the text ("53 ألف مشارك")
        end = number.end
        noun = re.match(r"\s+([\u0621-\u064a]+)", norm[number.end : hi])
        if noun is not None and noun.group(1) not in load_set("donation_name_stops"):
            end = number.end + noun.end()
        start, stop = view.raw_span(number.start, end)
        return Participants(
            value=int(number.value),
            text=view.raw[start:stop],
            qualifier=qualifier_before(norm, number.start, lo),
            start=start,
            end=stop,
        )
    return None


# --- the article ------------------------------------------------------------------------------------------


def _ref(view: TextView, name: _Name, entities: Sequence[Entity]) -> EntityRef:
    start, end = view.raw_span(name.start, name.end)
    text = view.raw[start:end].strip(' ،,.:«»“”"')
    for entity in entities:
        for mention in entity.mentions:
            if mention.start < end and start < mention.end:
                return EntityRef(name=text or entity.name, entity=entity.id, wikidata=entity.wikidata)
    return EntityRef(name=text)


def _entity_names(view: TextView, entities: Sequence[Entity], lo: int, hi: int, kinds: set[str]) -> list[_Name]:
    names = []
    raw_lo, raw_hi = view.raw_span(lo, hi)
    for entity in entities:
        if entity.type not in kinds:
            continue
        for mention in entity.mentions:
            if raw_lo <= mention.start and mention.end <= raw_hi and not _not_a_name(mention.text):
                names.append(_Name(view.norm_index(mention.start), view.norm_index(mention.end), 0))
    return names


def _nearest_before(names: list[_Name], pos: int, exclude: list[tuple[int, int]]) -> _Name | None:
    """The name nearest before ``pos`` that is not inside an amount or another role's name."""
    usable = [n for n in names if n.end <= pos and not any(s <= n.start and n.end <= e for s, e in exclude)]
    if not usable:
        return None
    return max(usable, key=lambda n: (n.end, -n.rank))


def extract_donations(
    view: TextView,
    structure: Structure,
    money: tuple[Money, ...],
    entities: tuple[Entity, ...],
    dates: tuple[DateMention, ...],
) -> tuple[Donation, ...]:
    """Every donation of the article: each definite amount that a trigger marks as given, raised or pledged."""
    if not money:
        return ()
    norm = view.norm
    regions = _regions(view, structure)
    sentences = _sentences(norm, regions)
    if not sentences:
        return ()
    article_context = any(_has_context(norm, s, e) for s, e in regions)
    spans = [(view.norm_index(m.start), view.norm_index(m.end)) for m in money]
    span_starts = [s for s, _e in spans]
    sentence_starts = [s.start for s in sentences]
    tokens = _Tokens(norm, sentences)
    beneficiary = _beneficiary(view, sentences, tokens, structure)
    headline = _fundraising_headline(view, structure, spans, sentences, tokens)
    article_context = article_context or headline
    found: list[Donation] = []
    for amount, (astart, aend) in zip(money, spans, strict=True):
        if amount.value is None:
            continue
        index = bisect_right(sentence_starts, astart) - 1
        if index < 0 or astart >= sentences[index].end:
            continue
        whole = sentences[index]
        # a bounded window of the sentence around the amount keeps every donation's work constant
        sentence = _Sentence(max(whole.start, astart - _WINDOW), min(whole.end, aend + _WINDOW), whole.region)
        nearby = spans[bisect_left(span_starts, sentence.start - _BACK_CHARS) : bisect_right(span_starts, sentence.end)]
        toks = tokens.within(index, sentence.start, sentence.end)
        floor = max([e for s, e in nearby if sentence.start <= s and e <= astart] + [sentence.start])
        previous = sentences[index - 1] if index and sentences[index - 1].region == sentence.region else None
        local_from = sentence.start if previous is None else max(previous.start, sentence.start - _WINDOW)
        following = sentences[index + 1] if index + 1 < len(sentences) else None
        local_to = sentence.end
        if following is not None and following.region == sentence.region:
            local_to = min(following.end, sentence.end + _WINDOW)
        ceiling = min([s for s, e in nearby if s >= aend] + [sentence.end])
        evidence: tuple[int, int] | None = None
        for hit, before in (
            (_trigger_before(toks, astart, floor), True),
            (_trigger_after([t for t in toks if t.start < ceiling], aend), False),
        ):
            if hit is None:
                continue
            trigger = hit[1]
            if trigger.needs != "none" and not article_context:
                continue
            if trigger.needs == "local" and not (headline or _has_context(norm, local_from, local_to)):
                continue
            last = toks[hit[0] + len(trigger.words) - 1].end
            evidence = (toks[hit[0]].start, aend) if before else (astart, last)
            break
        if evidence is None:
            continue
        lo, hi = evidence
        before_amount = [t.start for t in toks if t.end <= astart][-3:]
        after_amount = [t.end for t in toks if t.start >= aend][:_BLOCK_AFTER_TOKENS]
        if _blocked(toks, min([lo, *before_amount]), max([hi, *after_amount])):
            continue
        found.append(
            _donation(
                view,
                amount,
                evidence,
                astart,
                sentence=sentence,
                index=index,
                sentences=sentences,
                tokens=tokens,
                spans=nearby,
                entities=entities,
                dates=dates,
                beneficiary=beneficiary,
            )
        )
    return tuple(found)


def _fundraising_headline(
    view: TextView, structure: Structure, spans: list[tuple[int, int]], sentences: list[_Sentence], tokens: _Tokens
) -> bool:
    """Whether the title tells of money given or raised ("منظمون يجمعون ملايين الدولارات لصالح ..."): a trigger
    that needs no local context stands before an amount (vague or not) of the title. Then the whole article is
    about that fundraising, and a weak trigger (حقق، حصل على) anywhere in it marks a donation."""
    if structure.title is None:
        return False
    lo, hi = view.norm_index(structure.title.start), view.norm_index(structure.title.end)
    starts = [s.start for s in sentences]
    for astart, aend in spans:
        if not lo <= astart < hi or aend > hi:
            continue
        index = bisect_right(starts, astart) - 1
        if index < 0:
            continue
        sentence = sentences[index]
        hit = _trigger_before(tokens.within(index, sentence.start, astart), astart, max(lo, sentence.start))
        if hit is not None and hit[1].needs != "local":
            return True
    return False


def _beneficiary(view: TextView, sentences: list[_Sentence], tokens: _Tokens, structure: Structure) -> _Name | None:
    """Who the article's fundraising is for: a recipient frame in the title, else the most frequent one."""
    norm = view.norm
    counts: Counter[str] = Counter()
    first: dict[str, _Name] = {}
    title_range = None
    if structure.title is not None:
        title_range = (view.norm_index(structure.title.start), view.norm_index(structure.title.end))
    for index, sentence in enumerate(sentences):
        in_title = title_range is not None and title_range[0] <= sentence.start < title_range[1]
        if not in_title and not _has_context(norm, sentence.start, sentence.end):
            continue
        for name in _frame_names(norm, tokens.within(index, sentence.start, sentence.end), "recipient"):
            if title_range and title_range[0] <= name.start < title_range[1]:
                return name
            key = norm[name.start : name.end]
            counts[key] += 1
            first.setdefault(key, name)
    if not counts:
        return None
    return first[counts.most_common(1)[0][0]]


def _donation(
    view: TextView,
    amount: Money,
    evidence: tuple[int, int],
    astart: int,
    *,
    sentence: _Sentence,
    index: int,
    sentences: list[_Sentence],
    tokens: _Tokens,
    spans: list[tuple[int, int]],
    entities: tuple[Entity, ...],
    dates: tuple[DateMention, ...],
    beneficiary: _Name | None,
) -> Donation:
    norm = view.norm
    # the sentences to search backwards (by index, each with the part read): this one, the earlier ones of its
    # paragraph, then the paragraph before
    back = [(index, sentence)]
    for k in range(index - 1, max(-1, index - 1 - _BACK_SENTENCES), -1):
        earlier = sentences[k]
        if earlier.region < sentence.region - 1 or earlier.end < sentence.start - _BACK_CHARS:
            break
        back.append((k, _Sentence(max(earlier.start, earlier.end - 2 * _WINDOW), earlier.end, earlier.region)))
    parts = [part for _k, part in back]
    part_toks = [tokens.within(k, part.start, part.end) for k, part in back]
    toks = part_toks[0]

    recipient = _nearest_before(_frame_names(norm, toks, "recipient"), sentence.end, spans)
    if recipient is None:
        for earlier, earlier_toks in zip(parts[1:], part_toks[1:], strict=True):
            if earlier.region != sentence.region:
                break
            recipient = _nearest_before(_frame_names(norm, earlier_toks, "recipient"), earlier.end, spans)
            if recipient is not None:
                break
    recipient = recipient or beneficiary
    taken = list(spans)
    if recipient is not None:
        taken.append((recipient.start, recipient.end))

    organizer = None
    for k, part in enumerate(parts):
        names = _organizer_names(view, part.start, part.end, part_toks[k], own=k == 0)
        if k == 0:  # a linked organisation counts in the donation's own sentence only
            names += _entity_names(view, entities, part.start, part.end, {"ORG"})
        if recipient is not None:  # who organised is not who received: "أطلقت هاريس حملتها" names no organiser
            whom = norm[recipient.start : recipient.end]
            names = [n for n in names if n.rank < 3 or whom not in norm[n.start : n.end]]
        organizer = _nearest_before(names, astart if k == 0 else part.end, taken)
        if organizer is not None:
            break

    donor = _nearest_before(_frame_names(norm, toks, "donor"), astart, taken)

    participants = _participants(view, sentence.start, sentence.end, toks, spans)
    if participants is None and len(parts) > 1 and parts[1].region == sentence.region:
        participants = _participants(view, parts[1].start, parts[1].end, part_toks[1], spans)

    raw_start, raw_end = view.raw_span(sentence.start, sentence.end)
    date = next(
        (d.value for d in dates if d.value is not None and raw_start <= d.start and d.end <= raw_end),
        None,
    )
    ev_start, ev_end = view.raw_span(*evidence)
    return Donation(
        amount=amount,
        evidence=Span(view.raw[ev_start:ev_end], ev_start, ev_end),
        organizer=_ref(view, organizer, entities) if organizer is not None else None,
        recipient=_ref(view, recipient, entities) if recipient is not None else None,
        donor=_ref(view, donor, entities) if donor is not None else None,
        participants=participants,
        date=date,
    )

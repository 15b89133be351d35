"""Who gave, who received, who organised and how many took part: names in the frames of a donation's sentence, linked
organisations, and the article's beneficiary.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence

from attrs import frozen

from arnews.core.lexicons import load_set
from arnews.core.number_words import number_first_words
from arnews.core.numbers import NumberMatch, find_numbers
from arnews.core.text import TextView, normalize
from arnews.core.tokens import Token
from arnews.document import Structure
from arnews.models import Entity, EntityRef, Participants
from arnews.money.amounts import qualifier_before
from arnews.money.donation_triggers import (
    QUOTED,
    SentenceTokens,
    Window,
    bare_word,
    frame_table,
    has_context,
    is_trigger,
    participant_cue_table,
    phrase_at,
    trigger_before,
)

_CLAUSE_OPENERS = frozenset({"و", "ف", "ثم", "قد", "لقد", "وقد", "فقد", "كما", "ان", "أن", "إن", "انه", "انها", "حيث"})
_LATIN = re.compile(r"[A-Z][\w&+.'’-]*(?:[ \t]+(?:[A-Z0-9+&][\w&+.'’-]*|for|of|the|with|and|de|in|to))*")
_NAME_TOKENS = 5
_QUOTED_WORDS = 8


# --- names --------------------------------------------------------------------------------------------------


@frozen
class Name:
    start: int  # normal-form offsets
    end: int
    rank: int  # 0 entity, 1 quoted, 2 Latin, 3 frame


def name_after(norm: str, toks: Sequence[Token], i: int) -> tuple[int, int] | None:
    """The name that begins at token ``i``: a quoted name, or words up to a stop word or punctuation."""
    if i >= len(toks):
        return None
    quoted = QUOTED.match(norm, toks[i].start)
    if quoted is not None and len(quoted.group(1).split()) <= _QUOTED_WORDS:
        return quoted.start(1), quoted.end(1)
    stops = load_set("donation_name_stops")
    start = end = -1
    for tok in toks[i : i + _NAME_TOKENS]:
        if tok.kind not in ("word", "latin"):
            break
        if start >= 0 and tok.text in number_first_words():
            break  # "بمنح هذه الأندية عشرة ملايين ريال": the amount ends the name
        if start < 0 and tok.text in load_set("demonstratives"):  # "بمنح هذه الأندية"
            start, end = tok.start, tok.end
            continue
        if bare_word(tok.text, stops) is not None or (start >= 0 and is_trigger(tok.text)):
            break  # "من أجل السلام ساهمت": a giving verb ends the name
        start = tok.start if start < 0 else start
        end = tok.end
    return (start, end) if start >= 0 else None


def frame_names(norm: str, toks: Sequence[Token], role: str) -> list[Name]:
    """The names the frames of ``role`` (organizer, recipient, donor) give among ``toks``."""
    return frames_in(norm, toks).get(role, [])


def frames_in(norm: str, toks: Sequence[Token]) -> dict[str, list[Name]]:
    """The names every frame gives among ``toks``, by role, in one pass."""
    table = frame_table()
    found: dict[str, list[Name]] = {}
    for i, tok in enumerate(toks):
        if tok.kind != "word":
            continue
        frames = (
            [*table.get(tok.text, ()), *table.get(tok.text[1:], ())] if tok.text[1:] in table else table.get(tok.text)
        )
        for words, listed_role, keep in frames or ():
            frame_role = listed_role
            if not phrase_at(toks, i, words):
                continue
            if tok.text != words[0] and tok.text[0] != "و":
                continue
            if keep != "no":
                # the clitic ل goes ("لحملة هاريس" -> "حملة هاريس"); ل+ال written لل stays whole ("للأسر المحتاجة")
                head = tok.start + tok.text.index(words[0]) + (1 if words[0].startswith("ل") else 0)
                if words[0].startswith("لل"):
                    head -= 1
                if keep == "adj":  # the noun and its adjectives
                    end = tok.end
                    for nxt in toks[i + 1 : i + 1 + _NAME_TOKENS]:
                        if nxt.kind != "word" or not nxt.text.startswith("ال"):
                            break
                        end = nxt.end
                    found.setdefault(frame_role, []).append(Name(head, end, 3))
                    continue
                rest = name_after(norm, toks, i + 1)
                found.setdefault(frame_role, []).append(Name(head, rest[1] if rest else tok.end, 3))
                continue
            if frame_role == "giver":  # the giver after a verb that opens its clause, else the receiver
                before = toks[i - 1] if i else None
                opens = before is None or before.kind != "word" or before.text in _CLAUSE_OPENERS
                frame_role = "donor" if opens or tok.text != words[0] else "recipient"
            name = name_after(norm, toks, i + len(words))
            if name is not None:
                found.setdefault(frame_role, []).append(Name(name[0], name[1], 3))
    return found


def _not_a_name(text: str) -> bool:
    """A name that is a news outlet or platform ("شبكة سي بي إس نيوز", "Zoom"), not an organiser."""
    not_names = load_set("not_organizers")
    return any(bare_word(w, not_names) for w in normalize(text).split())


def organizer_names(
    view: TextView, lo: int, hi: int, toks: Sequence[Token], *, own: bool, frames: dict[str, list[Name]] | None = None
) -> list[Name]:
    """Who may have organised a donation in ``norm[lo:hi]``: frame names, Latin-script names, and quoted names
    after a group noun ("منظمة “...”"); in the donation's ``own`` sentence any short quoted name ("انضمت 7000 امرأة
    إلى مكالمات “...”، وجمعن 168 ألف دولار")."""
    norm = view.norm
    framed = (frames_in(norm, toks) if frames is None else frames).get("organizer", [])
    names = [n for n in framed if not _not_a_name(norm[n.start : n.end])]
    heads = load_set("organizer_nouns")
    for m in QUOTED.finditer(norm, lo, hi):
        head = re.search(r"([\u0621-\u064a]+)\s*$", norm[max(lo, m.start() - 30) : m.start()])
        headed = head is not None and bare_word(head.group(1), heads) is not None
        if len(m.group(1).split()) <= _QUOTED_WORDS and (own or headed):
            names.append(Name(m.start(1), m.end(1), 1))
    raw_lo, raw_hi = view.raw_span(lo, hi)
    for m in _LATIN.finditer(view.raw, raw_lo, raw_hi):
        text = m.group().rstrip(".'’-")
        if len(text) < 3 or _not_a_name(text) or re.search(r"\.[a-z]{2,}", text.lower()):
            continue
        names.append(Name(view.norm_index(m.start()), view.norm_index(m.start() + len(text)), 2))
    return names


# --- participants ---------------------------------------------------------------------------------------------


def participants_of(
    view: TextView,
    lo: int,
    hi: int,
    toks: Sequence[Token],
    amounts: list[tuple[int, int]],
    *,
    numbers: Sequence[NumberMatch] | None = None,
) -> Participants | None:
    """The first count of participants in ``norm[lo:hi]`` (whose tokens are ``toks``) that follows a participant
    cue. ``numbers``: the numbers of the sentence around ``norm[lo:hi]``, when they are already read."""
    norm = view.norm
    cues = participant_cue_table()
    if not any(tok.kind == "word" and bare_word(tok.text, cues) is not None for tok in toks):
        return None  # no participant cue in reach: no number needs reading
    tok_ends = [t.end for t in toks]
    amount_starts = [s for s, _e in amounts]
    for number in find_numbers(norm, lo, hi) if numbers is None else numbers:
        if number.start < lo or number.end > hi:
            continue
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
            word = bare_word(tok.text, cues) if tok.kind == "word" else None
            if word is None:
                continue
            for words in cues[word]:
                if phrase_at(before, k, words):
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


def _without_preposition(text: str) -> str:
    """A role's name without the preposition glued to its first word: "للجمعية الخيرية" names "الجمعية الخيرية",
    "بالهيئة" names "الهيئة" (the name is a name, not a span of the text)."""
    if text.startswith("لل") and len(text.split(maxsplit=1)[0]) > 4:
        return "ال" + text[2:]
    if text[:1] in ("ب", "ل") and text[1:3] == "ال" and len(text.split(maxsplit=1)[0]) > 4:
        return text[1:]
    return text


def entity_ref(view: TextView, name: Name, entities: Sequence[Entity], *, giver: bool = False) -> EntityRef:
    """The role's record: its name as written (a giver's without a glued preposition, ``giver``) and the entity
    it mentions."""
    start, end = view.raw_span(name.start, name.end)
    text = view.raw[start:end].strip(' ،,.:«»“”"')
    if giver:
        text = _without_preposition(text)
    for entity in entities:
        for mention in entity.mentions:
            if mention.start < end and start < mention.end:
                return EntityRef(name=text or entity.name, entity=entity.id, wikidata=entity.wikidata)
    return EntityRef(name=text)


def entity_names(view: TextView, entities: Sequence[Entity], lo: int, hi: int, kinds: set[str]) -> list[Name]:
    names = []
    raw_lo, raw_hi = view.raw_span(lo, hi)
    for entity in entities:
        if entity.type not in kinds:
            continue
        for mention in entity.mentions:
            if raw_lo <= mention.start and mention.end <= raw_hi and not _not_a_name(mention.text):
                names.append(Name(view.norm_index(mention.start), view.norm_index(mention.end), 0))
    return names


def nearest_before(names: list[Name], pos: int, exclude: list[tuple[int, int]]) -> Name | None:
    """The name nearest before ``pos`` that is not inside an amount or another role's name."""
    usable = [n for n in names if n.end <= pos and not any(s <= n.start and n.end <= e for s, e in exclude)]
    if not usable:
        return None
    return max(usable, key=lambda n: (n.end, -n.rank))


def fundraising_headline(
    view: TextView,
    structure: Structure,
    spans: list[tuple[int, int]],
    sentences: list[Window],
    tokens: SentenceTokens,
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
        hit = trigger_before(tokens.within(index, sentence.start, astart), astart, max(lo, sentence.start))
        if hit is not None and hit[1].needs in ("none", "article"):
            return True
    return False


def beneficiary_of(
    view: TextView, sentences: list[Window], tokens: SentenceTokens, structure: Structure
) -> Name | None:
    """Who the article's fundraising is for: a recipient frame in the title, else the most frequent one."""
    norm = view.norm
    counts: Counter[str] = Counter()
    first: dict[str, Name] = {}
    title_range = None
    if structure.title is not None:
        title_range = (view.norm_index(structure.title.start), view.norm_index(structure.title.end))
    for index, sentence in enumerate(sentences):
        in_title = title_range is not None and title_range[0] <= sentence.start < title_range[1]
        if not in_title and not has_context(norm, sentence.start, sentence.end):
            continue
        toks = tokens.within(index, sentence.start, sentence.end)
        if not in_title and frame_names(norm, toks, "donor"):
            continue  # one giver's gift: its recipient is that gift's, not the article's cause
        for name in frame_names(norm, toks, "recipient"):
            if title_range and title_range[0] <= name.start < title_range[1]:
                return name
            key = norm[name.start : name.end]
            counts[key] += 1
            first.setdefault(key, name)
    if not counts:
        return None
    return first[counts.most_common(1)[0][0]]

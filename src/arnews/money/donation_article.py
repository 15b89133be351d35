"""What every donation of one article is read against: its sentences and their tokens, the amounts, the frames of
each sentence (read once), and the parts read back from a donation."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from attrs import define, field

from arnews.core.text import TextView
from arnews.core.tokens import Token
from arnews.models import DateMention, Entity, Money
from arnews.money.donation_roles import Name, frames_in
from arnews.money.donation_triggers import BACK_CHARS, BACK_SENTENCES, WINDOW, SentenceTokens, Window

__all__ = ["DonationArticle", "PartFrames", "amount_end", "parts_back", "region_of"]


@define
class DonationArticle:
    """What every donation of one article is read against: its sentences, their tokens and the amounts."""

    view: TextView
    sentences: list[Window]
    tokens: SentenceTokens
    spans: list[tuple[int, int]]  # the amounts, normal-form offsets
    entities: tuple[Entity, ...]
    dates: tuple[DateMention, ...]
    money: tuple[Money, ...]
    context: bool  # the article speaks of giving somewhere (or its headline raises money)
    headline: bool
    beneficiary: Name | None
    span_starts: list[int] = field(init=False)
    sentence_starts: list[int] = field(init=False)
    _frames: dict[int, dict[str, tuple[list[int], list[Name]]]] = field(init=False, factory=dict)
    guessed: set[int] = field(init=False, factory=set)  # amounts whose recipient is the article's beneficiary

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


def parts_back(art: DonationArticle, sentence: Window, index: int) -> tuple[list[Window], list[list[Token]], list[int]]:
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


class PartFrames:
    """The frame names of each part read back from a donation: the frames of the part's whole sentence (found once
    per sentence for the whole article) that lie inside the part."""

    def __init__(
        self, art: DonationArticle, parts: list[Window], part_toks: list[list[Token]], indices: list[int]
    ) -> None:
        self.art, self.parts, self.part_toks, self.indices = art, parts, part_toks, indices
        self._done: dict[int, dict[str, list[Name]]] = {}

    def __getitem__(self, k: int) -> dict[str, list[Name]]:
        if k not in self._done:
            part = self.parts[k]
            self._done[k] = self.art.frames(self.indices[k], part.start, part.end)
        return self._done[k]


def amount_end(art: DonationArticle, astart: int) -> int:
    """The end of the amount that starts at ``astart`` (normal-form offsets)."""
    k = bisect_left(art.span_starts, astart)
    return art.spans[k][1]


def region_of(art: DonationArticle, start: int) -> int:
    index = bisect_right(art.sentence_starts, start) - 1
    return art.sentences[index].region if index >= 0 else -1

"""The state of one article's reading for quotes: speakers met so far, person mentions, interview turns, and the
speaker guesses the stage passes around.
"""

from __future__ import annotations

import bisect

from attrs import define, field

from arnews.core import cue_verbs
from arnews.core.grammar import Tok
from arnews.core.text import TextView
from arnews.document import Doc, EntityIndex
from arnews.models import Entity, Quote
from arnews.quotes import speakers as sp
from arnews.quotes.marks import RawQuote, paragraph_tokens

RESOLVE_CHARS = 3000  # how far back an implicit subject may find its antecedent
MAX_NAMES = 400


@define
class Guess:
    """A resolved speaker in normal-form offsets (span may be an antecedent far before the quote)."""

    span: tuple[int, int]
    anonymous: bool = False
    description: tuple[int, int] | None = None
    gender: str = ""
    number: str = ""
    person: bool = False  # named by the phrase itself as a person or a source (not a title or institution)
    addressee: tuple[int, int] | None = None


def guess_of(phrase: sp.Phrase, cue: cue_verbs.Cue) -> Guess:
    """The speaker a subject phrase names, with the gender and number its cue verb gives."""
    return Guess(
        phrase.name,
        anonymous=phrase.anonymous,
        description=phrase.description,
        gender=cue.gender,
        number=cue.number,
        person=not phrase.institution,
        addressee=phrase.addressee,
    )


@define
class State:
    """What the article has said so far: speakers, name mentions, interview turns."""

    view: TextView
    events: list[tuple[int, int, Guess]] = field(factory=list)  # (position, order, guess), sorted
    mentions: list[tuple[int, int]] = field(factory=list)  # (start, end) of known person names, sorted
    mention_starts: list[int] = field(factory=list)
    last_quote: Guess | None = None
    interviewee: tuple[int, int] | None = None
    genders: dict[str, str] = field(factory=dict)
    reports: list[tuple[int, Guess]] = field(factory=list)  # (where a report with a speaker ended, its speaker)

    def add_event(self, guess: Guess, *, reported_to: int | None = None) -> None:
        """Remember a speaker, where they are named; ``reported_to``: where the words reported for them end."""
        item = (guess.span[0], len(self.events), guess)
        bisect.insort(self.events, item)
        if reported_to is not None:
            self.reports.append((reported_to, guess))  # in reading order, which is text order
        if guess.gender and not guess.anonymous:
            self.genders.setdefault(self.key(guess.span), guess.gender)

    def key(self, span: tuple[int, int]) -> str:
        text = self.view.norm[span[0] : span[1]].split()
        return text[-1] if text else ""


class Reading:
    """One article being read for quotes: its text, entities and everything the reading has found so far. All the
    state of the quote stage is declared here."""

    def __init__(self, doc: Doc) -> None:
        self.view = doc.view
        self.doc = doc
        self.structure = doc.structure
        self.entities = doc.entities
        self.entity_index = doc.entity_index
        self.state = State(doc.view)
        self.quotes: list[Quote] = []
        self.token_cache: dict[tuple[int, int], list[Tok]] = {}
        self.raw_at: dict[int, RawQuote] = {}  # the paragraph's quotes by the index of their opening mark
        self.quote_opens: list[int] = []  # the paragraph's opening marks (token indices), in order
        self.prev: tuple[str, Guess | None] | None = None  # kind and speaker of the paragraph's last quote
        self.last_quote_end = -1  # normal offset where the last speech quote closed
        self.prev_paragraph_tail = -1  # a quote ending at or after this offset ended the previous paragraph
        self.next_paragraph: tuple[int, int] | None = None  # the paragraph after the one being read (normal offsets)
        self.last_name_end = -1  # normal offset where the last quoted name closed
        self.named_subject: tuple[int, int] | None = None  # a quoted name, its next verb's subject ("«سبق» تقول")
        self.sentence_ends = frozenset(e for _s, e, _r in doc.norm_sentences)  # the one splitter's
        self._sentence_starts = sorted(s for s, _e, _r in doc.norm_sentences)

    def sentence_start(self, pos: int) -> int:
        """Where the sentence holding normal-form offset ``pos`` begins (0 before the first)."""
        k = bisect.bisect_right(self._sentence_starts, pos) - 1
        return self._sentence_starts[k] if k >= 0 else 0

    def quoted(self, k: int) -> bool:
        """Whether the paragraph token ``toks[k]`` is inside one of the paragraph's quotes (a verb there is the
        quoted person's word, not the narration's)."""
        n = bisect.bisect_left(self.quote_opens, k) - 1
        return n >= 0 and k < self.raw_at[self.quote_opens[n]].after

    def person_before(self, raw_pos: int) -> Guess | None:
        """The last person mention ending before input offset ``raw_pos``, within reach of a pronoun."""
        people = [m for e in self.entities if e.type == "PER" for m in e.mentions if m.end <= raw_pos]
        last = max(people, key=lambda m: m.start, default=None)
        if last is None or raw_pos - last.end > RESOLVE_CHARS:
            return None
        return Guess((self.view.norm_index(last.start), self.view.norm_index(last.end)), person=True)

    def mention_within(self, start: int, end: int) -> tuple[int, int] | None:
        """The first person mention that begins at or after normal offset ``start`` and ends by ``end``: the known
        name inside a titled phrase ("النائبة عن ولاية نيويورك ألكساندريا أوكاسيو كورتيز")."""
        st = self.state
        m = bisect.bisect_left(st.mention_starts, start)
        return st.mentions[m] if m < len(st.mentions) and st.mentions[m][1] <= end else None

    def tokens(self, start: int, end: int) -> list[Tok]:
        """Tokens of ``view.norm[start:end]``, computed once per range."""
        key = (start, end)
        if key not in self.token_cache:
            self.token_cache[key] = paragraph_tokens(
                self.view, start, end, self.sentence_ends, made=self.doc.norm_tokens(start, end)
            )
        return self.token_cache[key]


def entity_for(name: str, span: tuple[int, int] | None, index: EntityIndex) -> Entity | None:
    """The entity a speaker is: the one whose mention covers the speaker's span, else the one whose name or
    a mention is the speaker's name, full or by surname."""
    if not index.entities:
        return None
    if span is not None:
        found = index.covering(span)
        if found is not None:
            return found
    return index.named(name)

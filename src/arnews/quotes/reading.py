"""The state of one article's reading for quotes: speakers met so far, person mentions, interview turns, and the
speaker guesses the stage passes around.
"""

from __future__ import annotations

import bisect
import re
from functools import cache

from attrs import define, field

from arnews.core import cue_verbs, grammar, names
from arnews.core.grammar import Tok
from arnews.core.lexicons import load_set, load_table
from arnews.core.text import TextView, normalize
from arnews.document import Doc, EntityIndex
from arnews.models import Entity, Quote
from arnews.quotes import speakers as sp
from arnews.quotes.marks import RawQuote, paragraph_tokens
from arnews.quotes.openings import Openings, openings

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
    sacred: bool = False  # God, the Prophet, a hadith's narrator (:mod:`arnews.quotes.sacred`): no later subject
    short: bool = False  # a two-letter given name as its verb's own subject ("فقال عز بهدوء"; see ``short_names``)


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
    quoted: list[tuple[int, int]] = field(factory=list)  # the words of the speech quotes read so far, in text order
    heard: dict[tuple[int, int], int] = field(factory=dict)  # where the words reported for each speaker last ended

    def add_event(self, guess: Guess, *, reported_to: int | None = None) -> None:
        """Remember a speaker, where they are named; ``reported_to``: where the words reported for them end. A sacred
        speaker speaks only the words its formula marks: the narration goes on with the people before."""
        if guess.sacred:
            return
        item = (guess.span[0], len(self.events), guess)
        bisect.insort(self.events, item)
        if reported_to is not None:
            self.reports.append((reported_to, guess))  # in reading order, which is text order
            self.heard[guess.span] = max(reported_to, self.heard.get(guess.span, -1))
        if guess.gender and not guess.anonymous:
            self.genders.setdefault(self.key(guess.span), guess.gender)

    def last_heard(self, at: int, guess: Guess) -> int:
        """Where a speaker named at ``at`` was last heard: the end of the last words reported for them, or ``at``.
        A verb with no subject reaches back to that point ("قالت: «...»" in an interview goes on with the speaker
        described many paragraphs before, as long as she keeps speaking)."""
        return max(at, self.heard.get(guess.span, at))

    def note_quoted(self, start: int, end: int) -> None:
        """Remember the words of a speech quote (normal offsets). The names inside them are the quoted person's words
        ("«... فعندما تجدين تيم حسن ...». وقالت:"), no antecedent for a later verb: they leave the mention index."""
        self.quoted.append((start, end))
        lo = bisect.bisect_left(self.mention_starts, start)
        hi = bisect.bisect_left(self.mention_starts, end, lo)
        kept = [m for m in self.mentions[lo:hi] if m[1] > end]  # a mention that runs on past the closing mark stays
        self.mentions[lo:hi] = kept
        self.mention_starts[lo:hi] = [m[0] for m in kept]

    def inside_quoted(self, start: int, end: int) -> bool:
        """Whether normal span ``start:end`` lies inside the words of a speech quote read so far."""
        k = bisect.bisect_right(self.quoted, (start, len(self.view.norm))) - 1
        return k >= 0 and self.quoted[k][0] <= start and end <= self.quoted[k][1]

    def key(self, span: tuple[int, int]) -> str:
        text = self.view.norm[span[0] : span[1]].split()
        return text[-1] if text else ""


_TOLD_LETTERS = 4  # the fewest letters after ل of a word read as the one spoken to wherever it stands


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
        self.openings_cache: dict[tuple[int, int], Openings] = {}
        self.raw_at: dict[int, RawQuote] = {}  # the paragraph's quotes by the index of their opening mark
        self.quote_opens: list[int] = []  # the paragraph's opening marks (token indices), in order
        self.prev: tuple[str, Guess | None] | None = None  # kind and speaker of the paragraph's last quote
        self.last_quote_end = -1  # normal offset where the last speech quote closed
        self.prev_paragraph_tail = -1  # a quote ending at or after this offset ended the previous paragraph
        self.next_paragraph: tuple[int, int] | None = None  # the paragraph after the one being read (normal offsets)
        self.last_name_end = -1  # normal offset where the last quoted name closed
        self.narrator: tuple[Guess | None] | None = None  # who says "I" in the article, once looked for
        self.named_subject: tuple[int, int] | None = None  # a quoted name, its next verb's subject ("«سبق» تقول")
        self._words: frozenset[str] | None = None  # the article's words (normal form), for :meth:`spoken_to`
        self.sentence_ends = frozenset(e for _s, e, _r in doc.norm_sentences)  # the one splitter's
        self._sentence_starts = sorted(s for s, _e, _r in doc.norm_sentences)
        # "عز" of "عز الدين ذو الفقار": a two-letter given name, a speaker where the article writes it alone
        self.short_names = sp.short_given_names(m.text for e in doc.entities if e.type == "PER" for m in e.mentions)
        # the NER model's persons, where each begins (input offsets) and ends: one look-up per speaker
        self.model_people = {s.start: s.end for s in doc.ner if s.type == "PER"}

    def sentence_start(self, pos: int) -> int:
        """Where the sentence holding normal-form offset ``pos`` begins (0 before the first)."""
        k = bisect.bisect_right(self._sentence_starts, pos) - 1
        return self._sentence_starts[k] if k >= 0 else 0

    def quoted(self, k: int) -> bool:
        """Whether the paragraph token ``toks[k]`` is inside one of the paragraph's quotes (a verb there is the
        quoted person's word, not the narration's)."""
        n = bisect.bisect_left(self.quote_opens, k) - 1
        return n >= 0 and k < self.raw_at[self.quote_opens[n]].after

    def person_before(self, raw_pos: int, *, honorific: str | None = None) -> Guess | None:
        """The last person mention ending before input offset ``raw_pos``, within reach of a pronoun; for an
        ``honorific`` ("سمو" of "سموه"، "معالي" of "معاليه"), the last one it fits (:func:`fits_honorific`), else the
        last speaker named by title alone that it fits, or None."""
        people = [m for e in self.entities if e.type == "PER" for m in e.mentions if m.end <= raw_pos]
        people.sort(key=lambda m: -m.start)
        view = self.view
        people = [m for m in people if not self.state.inside_quoted(view.norm_index(m.start), view.norm_index(m.end))]
        for m in people[:_HONORIFIC_REACH]:
            if raw_pos - m.end > RESOLVE_CHARS:
                break
            # "نقل الأمير متعب ... تهاني خادم الحرمين الشريفين الملك سلمان ... وقال سموه": the prince, not the king
            if honorific is None or fits_honorific(self.view.raw, (m.start, m.end), honorific):
                return Guess((self.view.norm_index(m.start), self.view.norm_index(m.end)), person=True)
        if honorific is None:
            return None
        pos = self.view.norm_index(raw_pos)
        for at, _, guess in reversed(self.state.events[-_HONORIFIC_REACH:]):
            # "وأكد وزير الصحة أن ... وقال معاليه": a speaker named by title alone, whom the honorific fits
            near = at < pos and pos - at <= RESOLVE_CHARS and not guess.anonymous
            if near and fits_honorific(self.view.raw, self.view.raw_span(*guess.span), honorific):
                return guess
        return None

    def short_name(self, start: int, end: int) -> bool:
        """Whether input ``start:end`` is a two-letter given name the article writes in full elsewhere ("عز")."""
        return normalize(self.view.raw[start:end]) in self.short_names

    def spoken_to(self, name: str) -> bool:
        """Whether a one-word speaker is the one spoken to (:meth:`told`), not who speaks."""
        words = normalize(name).split()
        return len(words) == 1 and self.told(words[0], alone=True)

    def told(self, word: str, *, alone: bool = False) -> bool:
        """Whether a word (normal form) is ل on the one spoken to, never a speaker: on a word the article also writes
        without it ("صرح لبرينان"، "لأرسنال")، on an everyday word ("وأشار لوجود الكثير"), or on the plural or the
        noun with a pronoun of the third person of such a word ("واضاف لشبكات التلفزيون"، "وقال لمناصريه"). A
        word of three letters after ل only when the word stands ``alone`` ("ثم قال لرزق:"; "لبنى ألمان" and "لولا
        عقيل" are names). "لافروف"، "ليبسن"، "لجنة" are words of their own."""
        common = load_set("common_words")
        if len(word) < 4 or word[0] != "ل" or grammar.given_name(word) or word in common:
            return False
        if grammar.in_lexicon(word, grammar.organisation_heads()):
            return False
        if self._words is None:  # the article's words, read once (not the whole text again for each speaker)
            self._words = frozenset(re.findall(r"\w+", self.view.norm))
        rest = word[1:]
        if len(rest) < _TOLD_LETTERS:
            return alone and rest in self._words and not grammar.is_stop(rest)
        if rest in self._words or rest in common:
            return True
        # "لمناصريه"، "لشبكات": a noun with a pronoun, or a plural, of a word the article or the news writes
        stems = (*names.pronoun_stems(rest), *((rest[:-2], rest[:-2] + "ه") if rest.endswith("ات") else ()))
        return any(stem in self._words or stem in common for stem in stems if len(stem) >= _TOLD_LETTERS)

    def mention_within(self, start: int, end: int) -> tuple[int, int] | None:
        """The first person mention that begins at or after normal offset ``start`` and ends by ``end``: the known
        name inside a titled phrase ("النائبة عن ولاية نيويورك ألكساندريا أوكاسيو كورتيز"); a title alone that the
        entity stage joined to a person ("الدكتور") names nobody here."""
        st = self.state
        m = bisect.bisect_left(st.mention_starts, start)
        while m < len(st.mentions) and st.mentions[m][1] <= end:
            s, e = st.mentions[m]
            if not grammar.is_title(self.view.norm[s:e]):
                return st.mentions[m]
            m += 1
        return None

    def openings(self, start: int, end: int) -> Openings:
        """The words of :meth:`tokens` by what they may open (:func:`arnews.quotes.openings.openings`), found once
        per range."""
        key = (start, end)
        found = self.openings_cache.get(key)
        if found is None:
            found = self.openings_cache[key] = openings(self.tokens(start, end))
        return found

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


_HONORIFIC_REACH = 12  # the person mentions an honorific looks back through
_TITLE_WORDS = 4  # the words before a mention that may hold its title ("صاحب السمو الملكي الأمير")


@cache
def _honorific_ranks() -> tuple[dict[str, frozenset[str]], frozenset[str]]:
    """Each honorific's titles (``honorific_ranks.tsv``; none, written -: any person but the royals) and the royal
    titles."""
    ranks = {
        normalize(row[0]): frozenset(normalize(w) for w in row[1].split() if w != "-")
        for row in load_table("honorific_ranks")
    }
    return ranks, frozenset().union(*ranks.values())


def fits_honorific(raw: str, span: tuple[int, int], honorific: str) -> bool:
    """Whether the person mentioned at input ``span`` may be the one an honorific pronoun stands for: "سموه" a prince
    (a royal title in the mention or the few words before it), "جلالته" a king, "معاليه"، "سعادته" anybody but the
    royals; never a person a religious formula or "رحمه الله" follows (a prophet, a companion, the dead), nor a
    mention with no title before it, no given name and no بن (a phrase the entity stage took for a person)."""
    ranks, royal = _honorific_ranks()
    fitting = ranks.get(honorific)
    if fitting is None:
        return True
    after = normalize(raw[span[1] : span[1] + 24]).lstrip(" -–—،,(").split()
    if after and (after[0] in load_set("religious_formulas") or after[0].startswith(("رحمه", "رحمها", "يرحم"))):
        return False
    named = normalize(raw[span[0] : span[1]]).split()
    before = normalize(raw[max(0, span[0] - 60) : span[0]]).split()[-_TITLE_WORDS:]
    words = (*before, named[0]) if named else tuple(before)
    titled = any(grammar.is_title(w) for w in words) or bool(set(named) & grammar.name_links())
    if not named or grammar.common_noun(named[0]) or not (titled or grammar.given_name(named[0])):
        return False  # "ديوان المظالم"، "إجماع أعضاء اليونسكو": a body, or no title, given name or بن: no person
    titles = {w for w in (*before, *named)} & royal
    return bool(titles & fitting) if fitting else not titles

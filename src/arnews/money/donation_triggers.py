"""What marks money as given: trigger and blocker phrases (lexicons, clitics allowed), the article's sentences with
their tokens, and the context words that make a weak trigger count.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any

from attrs import frozen

from arnews.core.lexicons import load_list, load_set, load_table
from arnews.core.names import PROCLITICS
from arnews.core.numbers import NumberMatch, numbers_in
from arnews.core.regexes import alternation, proclitic
from arnews.core.text import normalize
from arnews.core.tokens import Token

QUOTED = re.compile(r"[“«\"]([^“”«»\"\n]{2,80})[”»\"]")
_BACK_TOKENS = 14  # how far before an amount a trigger may stand, in tokens
_AFTER_TOKENS = 4
BLOCK_AFTER_TOKENS = 3  # how far after an amount a blocker may stand ("40 مليون دولار شهريا من بيع النفط")
WINDOW = 300  # characters of a sentence read on each side of an amount
BACK_CHARS = 1500  # how far back the organiser and participants are looked for
BACK_SENTENCES = 8


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


def is_trigger(word: str) -> bool:
    """Whether ``word`` (a clitic allowed) opens a trigger phrase: a name read after a frame ends before it."""
    return bare_word(word, _triggers()) is not None


@lru_cache(maxsize=1)
def frame_table() -> dict[str, list[tuple[tuple[str, ...], str, str]]]:
    """The frames by first word: (words, role, keep) where keep is "yes", "adj" or "no" (donation_frames.tsv)."""
    table: dict[str, list[tuple[tuple[str, ...], str, str]]] = {}
    for phrase, role, keep in load_table("donation_frames"):
        words = tuple(normalize(phrase).split())
        table.setdefault(words[0], []).append((words, role, keep))
    return table


@lru_cache(maxsize=1)
def participant_cue_table() -> dict[str, list[tuple[str, ...]]]:
    table: dict[str, list[tuple[str, ...]]] = {}
    for phrase in load_list("participant_cues"):
        words = tuple(normalize(phrase).split())
        table.setdefault(words[0], []).append(words)
    return table


_EXPANDED: dict[int, dict[str, str]] = {}


def bare_word(word: str, known: frozenset[str] | dict[str, Any]) -> str | None:
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


def phrase_at(toks: Sequence[Token], i: int, words: tuple[str, ...]) -> bool:
    if i + len(words) > len(toks):
        return False
    return all(toks[i + k].text == words[k] for k in range(1, len(words)))


# --- sentences ----------------------------------------------------------------------------------------------


@frozen
class Window:
    """A sentence of the one splitter (:attr:`arnews.document.Doc.norm_sentences`), or a window of one."""

    start: int  # normal-form offsets
    end: int
    region: int


class SentenceTokens:
    """The tokens of each sentence, taken once (on first use) from ``made``, the document's tokens of a range
    (:meth:`arnews.document.Doc.norm_tokens`: the whole text's tokens, made once for every stage), and sliced for any
    range inside it."""

    def __init__(self, norm: str, sentences: list[Window], made: Callable[[int, int], Sequence[Token]]) -> None:
        self._norm = norm
        self._sentences = sentences
        self._made = made
        self._done: dict[int, tuple[list[Token], list[int]]] = {}
        self._numbers: dict[int, tuple[list[NumberMatch], list[int]]] = {}

    def numbers(self, index: int, start: int, end: int) -> list[NumberMatch]:
        """The numbers of sentence ``index`` (read once) that lie wholly inside ``norm[start:end]``."""
        found = self._numbers.get(index)
        if found is None:
            sentence = self._sentences[index]
            toks = self.within(index, sentence.start, sentence.end)
            found = self._numbers[index] = (list(numbers_in(self._norm, toks)), [])
            found[1].extend(n.start for n in found[0])
        numbers, starts = found
        lo, hi = bisect_left(starts, start), bisect_left(starts, end)
        return [n for n in numbers[lo:hi] if n.end <= end]

    def within(self, index: int, start: int, end: int) -> list[Token]:
        """The tokens of sentence ``index`` that lie wholly inside ``norm[start:end]``."""
        done = self._done.get(index)
        if done is None:
            sentence = self._sentences[index]
            toks = list(self._made(sentence.start, sentence.end))
            done = self._done[index] = (toks, [t.start for t in toks])
        toks, starts = done
        lo, hi = bisect_left(starts, start), bisect_left(starts, end)
        if hi > lo and toks[hi - 1].end > end:
            hi -= 1
        return toks[lo:hi]


#: The longest run of letters before a context word in :func:`_context_re`: a proclitic and the article ("وبال"),
#: or "ولل".
CONTEXT_LEAD = max(len(p) for p in PROCLITICS) + len("ال")


@lru_cache(maxsize=1)
def _context_words_re() -> re.Pattern[str]:
    """The words of ``donation_context`` alone, with nothing before or after them."""
    return re.compile(alternation(load_set("donation_context")))


@lru_cache(maxsize=1)
def _context_re() -> re.Pattern[str]:
    words = _context_words_re().pattern
    # a word with its article too, behind a clitic or fused with ل ("المساعدات", "للمساعدات")
    return re.compile(rf"(?<![^\W\d_])(?:{proclitic()}(?:ال)?|[وف]?لل)(?:{words})(?![^\W\d_])")


def has_context(norm: str, start: int, end: int) -> bool:
    """Whether ``norm[start:end]`` speaks of fundraising, donations or aid: :func:`_context_re` matches there. Its
    words are looked for first, a scan the regex engine skips through to their first letters (the whole pattern
    opens with a look behind, tried at every position); the whole pattern is then tried only in the few places
    before each place a word begins where its match may begin (:data:`CONTEXT_LEAD`)."""
    words, whole = _context_words_re(), _context_re()
    pos = start
    while (hit := words.search(norm, pos, end)) is not None:
        at = hit.start()
        if any(whole.match(norm, lead, end) for lead in range(max(start, at - CONTEXT_LEAD), at + 1)):
            return True
        pos = at + 1  # every place a word begins, the overlapping ones too
    return False


# --- triggers -----------------------------------------------------------------------------------------------


def trigger_before(toks: Sequence[Token], amount_start: int, floor: int) -> tuple[int, _Trigger] | None:
    """The nearest trigger standing before the amount (index of its first token), not past ``floor``."""
    table = _triggers()
    first = next((k for k, t in enumerate(toks) if t.start >= amount_start), len(toks))
    for i in range(first - 1, max(-1, first - 1 - _BACK_TOKENS), -1):
        tok = toks[i]
        if tok.start < floor:
            break
        if tok.kind != "word":
            continue
        word = bare_word(tok.text, table)
        if word is None:
            continue
        for trigger in sorted(table[word], key=lambda t: -len(t.words)):
            if trigger.position == "before" and phrase_at(toks, i, trigger.words):
                return i, trigger
            # "near": a word that gives money only right before it, or before a qualifier of it ("تجمع 12 مليون",
            # "تجمع أكثر من 12 مليون"), being a noun elsewhere ("تجمع انتخابي": a rally)
            gap = toks[i + len(trigger.words) : first]
            if (
                trigger.position == "near"
                and all(t.text in _qualifier_words() for t in gap)
                and phrase_at(toks, i, trigger.words)
            ):
                return i, trigger
    return None


_CLAUSE_MARKS = frozenset("،,;؛:.")


def trigger_after(toks: Sequence[Token], amount_end: int) -> tuple[int, _Trigger] | None:
    table = _triggers()
    after = [k for k, t in enumerate(toks) if t.start >= amount_end][:_AFTER_TOKENS]
    for i in after:
        tok = toks[i]
        if tok.kind == "word" and tok.text.startswith("و") and tok.text[1:] in table:
            break  # "غرمه 100 ألف يورو ومنحه مهلة": a new clause, not a noun of the amount
        if (tok.kind != "word" and tok.text in _CLAUSE_MARKS) or tok.text in load_set("governing_prepositions"):
            break  # "5 ملايين دولار سنويا، مع منحه الصلاحيات": past a comma or a preposition, not the amount's noun
        word = bare_word(tok.text, table) if tok.kind == "word" else None
        if word is None:
            continue
        for trigger in table[word]:
            if trigger.position == "after" and phrase_at(toks, i, trigger.words):
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


def _blocker_at(toks: Sequence[Token], i: int) -> bool:
    table = _blockers()
    text = toks[i].text
    words = [text] + [text[: -len(suffix)] for suffix in _SUFFIXES if text.endswith(suffix) and len(text) > 4]
    for word in words:
        bare = bare_word(word, table)
        if bare is not None and any(phrase_at(toks, i, phrase) for phrase in table[bare]):
            return True
    return False


def is_blocked(toks: Sequence[Token], lo: int, hi: int, *, costs: bool = True) -> bool:
    """Whether a blocker (a price, salary, investment round, prize...) stands in ``norm[lo:hi]``; with ``costs``
    False, the words that state what goods are worth (``donation_values.txt``: تكلفة، قيمة) block nothing."""
    first = bisect_left([t.start for t in toks], lo)
    values = load_set("donation_values")
    for i in range(first, len(toks)):
        tok = toks[i]
        if tok.start >= hi:
            break
        if tok.kind != "word" or not _blocker_at(toks, i):
            continue
        if not costs and _has_word(tok.text, values):
            continue
        return True
    return False


# --- charities, goods and loans -----------------------------------------------------------------------------------

_NEAR_CHARITY = 3  # tokens: a charity word right before a spending verb ("“نفع” الخيرية تنفق")
_VALUE_TOKENS = 6  # tokens: a value word before the amount ("بقيمة إجمالية بلغت (91.400 ريال)")


def _has_word(text: str, words: frozenset[str]) -> bool:
    """``text`` is one of ``words``, with a clitic before it or a possessive suffix after it ("تكلفتها")."""
    if bare_word(text, words) is not None:
        return True
    for suffix in _SUFFIXES:
        if text.endswith(suffix) and len(text) > len(suffix) + 2:
            stem = text[: -len(suffix)]
            if bare_word(stem, words) is not None or (stem.endswith("ت") and bare_word(stem[:-1] + "ه", words)):
                return True
    return False


def charity_before(toks: Sequence[Token], i: int) -> bool:
    """A charity word among the few tokens before token ``i``."""
    words = load_set("charity_words")
    return any(_has_word(t.text, words) for t in toks[max(0, i - _NEAR_CHARITY) : i] if t.kind == "word")


_NOT_CHARITIES = frozenset({"العموميه", "العامه", "العمومية", "العامة"})  # "الجمعية العمومية": shareholders


def has_charity(toks: Sequence[Token]) -> bool:
    words = load_set("charity_words")
    return any(
        t.kind == "word" and _has_word(t.text, words) and not (k + 1 < len(toks) and toks[k + 1].text in _NOT_CHARITIES)
        for k, t in enumerate(toks)
    )


def goods_value(toks: Sequence[Token], amount_start: int) -> int | None:
    """The start of the value word before an amount that states what handed-out goods are worth ("وزعت ... 2500
    سلة ... بلغت تكلفتها نصف مليون ريال"): a value word just before the amount, goods before it in the tokens."""
    first = next((k for k, t in enumerate(toks) if t.start >= amount_start), len(toks))
    values, goods = load_set("donation_values"), load_set("donation_goods")
    projects = load_set("donation_projects")
    for i in range(first - 1, max(-1, first - 1 - _VALUE_TOKENS), -1):
        tok = toks[i]
        if tok.kind == "word" and _has_word(tok.text, values):
            g = max((k for k in range(i) if toks[k].kind == "word" and _has_word(toks[k].text, goods)), default=-1)
            if g < 0 or any(t.kind == "word" and _has_word(t.text, projects) for t in toks[g:first]):
                return None  # no goods, or "بتكلفة إجمالية لهذه المشروعات": the cost of projects
            return toks[g].start  # the blockers are read from the goods on
    return None


@lru_cache(maxsize=1)
def _loans_re() -> re.Pattern[str]:
    return re.compile(rf"(?<![^\W\d_])(?:{alternation(load_set('loan_statements'))})(?![^\W\d_])")


def says_loans(norm: str, start: int, end: int) -> bool:
    """Whether ``norm[start:end]`` says the money is paid as loans ("يتم صرفها في صورة قروض")."""
    return _loans_re().search(norm, start, end) is not None

"""Where a reported clause ends: at the sentence end, or where the next report or another speaker's turn begins
("...، مشيرا إلى أن"، "...، وقال: «...»"، "...، عندما أكدت أن"، "...، ورد رئيس الزمالك مرتضى منصور")."""

from __future__ import annotations

from collections.abc import Sequence

from arnews.core import cue_verbs, grammar, names, titles
from arnews.core.grammar import Tok
from arnews.core.lexicons import load_set
from arnews.quotes import cues, frames
from arnews.quotes import speakers as sp
from arnews.quotes.marks import MAX_CLAUSE, MAX_SPEAKER_WORDS, addressee_end, mark_table


def opens_report(toks: Sequence[Tok], k: int) -> bool:
    """A participle, or a cue verb after a comma, that leads straight into a colon or إن/أن: the start of the next
    report, not a word of this clause."""
    cue = cue_verbs.cue_of(toks[k][2])
    if cue is None or k + 1 >= len(toks):
        return False
    if toks[k - 1][2] in "،," and opens_report(toks, k + 1):
        said = cue_verbs.cue_of(toks[k + 1][2])  # "، وأضاف قائلا:"، "، وزاد قائلا له إن": the verb, then its participle
        return said is not None and said.participle
    if cue.strict:  # "، وبين المهاجم السوري أن": a form that is also a common word, only with its speaker and أن
        return _turn_after_comma(toks, k)
    # "، وقال في تصريحات صحفية إن"، "، وقال له إن": the statement and the one spoken to stand between
    nxt = k + 1 + addressee_end(toks[k + 1 : k + 1 + _ADDRESSEE_WORDS])
    after = nxt + 1 if nxt + 1 < len(toks) and toks[nxt][2] in _TO else nxt  # "مشيرا إلى أن"، "ولفت إلى أن"
    if after >= len(toks):
        return False
    leads = toks[after][2] == ":" or toks[after][2] in load_set("complementizers")
    # "...، عندما أكدت أن": a conjunction of time after the comma opens the next report as well
    when = k > 1 and toks[k - 1][2] in load_set("time_conjunctions") and toks[k - 2][2] in "،,"
    # "... والإنسانية وقال: إننا"، "وأضاف أن": a verb with و right before its colon or إن/أن, no comma needed
    joined = toks[k][2][:1] in names.CONJUNCTIONS and after == k + 1
    return (leads and (cue.participle or toks[k - 1][2] in "،," or when or joined)) or _turn_after_comma(toks, k)


_TURN_WORDS = 6  # words of a speaker phrase between "، وقال" and its إن/أن


def _turn_after_comma(toks: Sequence[Tok], k: int) -> bool:
    """ "...، وأكد المدير الإقليمي للشركة أن": a verb with و after a comma, its speaker phrase, then إن/أن."""
    if toks[k][2][:1] != "و" or toks[k - 1][2] not in "،,":
        return False
    for j in range(k + 1, min(len(toks), k + 2 + _TURN_WORDS)):
        if toks[j][2] in load_set("complementizers"):
            return j > k + 1
        comma_then_that = toks[j][2] in "،," and j + 1 < len(toks) and toks[j + 1][2] in load_set("complementizers")
        if not grammar.is_word(toks[j]) and not (comma_then_that and j > k + 1):
            return False  # "، وبيّن المهاجم السوري، أنه": a comma may close the speaker phrase
    return False


def _another_speaker(toks: Sequence[Tok], k: int) -> bool:
    """A cue with و after a comma, or after a comma and a conjunction of time ("...، في حين أكد"), and a titled person
    after it opens another speaker's turn ("... لظلم شديد، ورد رئيس الزمالك مرتضى منصور بقسوة"): the clause before it
    ends there."""
    word = toks[k][2]
    cue = cue_verbs.cue_of(word)
    if cue is None or (toks[k - 1][2] not in "،," if word[:1] == "و" else not _after_conjunction(toks, k)):
        return False
    words = toks[k + 1 : k + 1 + MAX_SPEAKER_WORDS]
    title_end, saw = titles.title_run(words, 0)
    phrase = sp.parse_phrase(words) if saw and 0 < title_end < len(words) else None
    # a title, then the name right after it
    return phrase is not None and not phrase.institution and phrase.name[0] == words[title_end][0]


def _conjunction_end(toks: Sequence[Tok], k: int) -> int:
    """The index after a conjunction of time that begins at ``toks[k]`` ("عندما"، "حين"، "في حين"), else ``k``."""
    if toks[k][2] == "في" and k + 1 < len(toks) and toks[k + 1][2] == "حين":
        return k + 2
    return k + 1 if toks[k][2] in load_set("time_conjunctions") else k


def _after_conjunction(toks: Sequence[Tok], k: int) -> bool:
    """The cue at ``toks[k]`` follows a comma and a conjunction of time ("...، في حين أكد"، "...، عندما قال")."""
    return any(j > 0 and _conjunction_end(toks, j) == k and toks[j - 1][2] in "،," for j in (k - 1, k - 2))


_TO = frozenset({"إلى", "الى", "الي"})
_ADDRESSEE_WORDS = 10  # the longest statement and addressee read between a cue and its إن/أن


def clause_from(norm: str, toks: Sequence[Tok], first: int) -> tuple[int, int, int]:
    """The reported clause (normal-form offsets) from ``toks[first]`` to the sentence end, or to a direct quote that
    starts inside it, without edge spaces and trailing commas; and the index of the token after it."""
    if first >= len(toks):
        return 0, 0, first
    start = toks[first][0]
    end_k = first
    stop = min(len(toks), first + MAX_CLAUSE)
    while end_k < stop and not cues.ends(toks[end_k]):
        if toks[end_k][2] == ":" and end_k + 1 < len(toks) and toks[end_k + 1][2] in mark_table():
            break
        if toks[end_k][2] in "،," and end_k + 1 < len(toks) and frames.is_participle(toks[end_k + 1][2]):
            break  # "...، مشيرا إلى أنه ...": the participle reports what follows
        if end_k > first and (opens_report(toks, end_k) or _another_speaker(toks, end_k)):
            break  # "عن علاقته بالشاعر قائلا: إنهما ..."، "أن المفاوضات توقفت، وقال: «...»": a report of its own
        c = _conjunction_end(toks, end_k)
        if end_k < c < stop and (opens_report(toks, c) or (end_k > first and _another_speaker(toks, c))):
            break  # "...، عندما أكدت أن"، "...، في حين أكد رئيس البلدية": the next report, from its conjunction
        end_k += 1
    end = toks[end_k - 1][1] if end_k > first else start
    while start < end and norm[start].isspace():
        start += 1
    while end > start and (norm[end - 1] in "،,؛;" or norm[end - 1].isspace()):
        end -= 1
    return start, end, end_k

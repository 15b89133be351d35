"""Reported speech that no إن/أن opens: where its clause begins.

- a cue verb and the preposition that governs its clause ("أشارت المصادر إلى مقتل ..."، "شدد على ضرورة ..."،
  "أعرب عن أمله في ..."، "تعهد رئيس الوزراء، بدعم ..."), read from ``cue_complements.tsv``;
- a participle and its object ("مؤكدًا حرص المملكة على ...");
- speech after a colon with no quotation marks ("وأضاف: مشاركة المرأة ...");
- an attribution at a clause start ("ووفقا للمصادر فقد ..."، "وبحسب مسؤولين من الاتحاد، سوف ...").

Each function answers with token indices of the paragraph (:func:`arnews.quotes.marks.paragraph_tokens`); the reader
in :mod:`arnews.quotes.indirect` makes the quote.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from attrs import frozen

from arnews.core import cue_verbs, grammar, names
from arnews.core.grammar import Tok
from arnews.core.lexicons import load_list, load_set, load_table
from arnews.core.text import normalize
from arnews.quotes import cues
from arnews.quotes.marks import MAX_CLAUSE, MAX_SPEAKER_WORDS, PRONOUN_OBJECTS, mark_table

REACH = 20  # tokens of a speaker phrase between a cue verb and the preposition of its clause, at most
SOURCE_REACH = 10  # tokens of the source named by an attribution ("وفقا لوزير المالية اليوناني ...")
MIN_WORDS = 3  # a reported clause has three words at least


@frozen
class Complement:
    """How a cue verb takes its clause without إن/أن."""

    separate: frozenset[str]  # prepositions written apart (normal form): إلى، على، عن، من
    attached: frozenset[str]  # one-letter prepositions attached to the clause's first word: ب، ل
    object: bool  # its participle takes the clause as a direct object


@cache
def complements() -> dict[str, Complement]:
    """Normal-form lemma -> complement, from ``cue_complements.tsv``."""
    table: dict[str, Complement] = {}
    for row in load_table("cue_complements"):
        lemma, preps, obj = [*row, "", ""][:3]
        words = [normalize(p) for p in preps.split()]
        table[normalize(lemma)] = Complement(
            frozenset(w for w in words if len(w) > 1), frozenset(w for w in words if len(w) == 1), obj == "1"
        )
    return table


def _stops(tok: Tok) -> bool:
    t = tok[2]
    return not grammar.is_word(tok) and (cues.ends(tok) or t in mark_table() or t in cues.PUNCT_STOP)


def _opens_clause(toks: Sequence[Tok], k: int, *, particles: bool = False, subject: bool = False) -> bool:
    """A clause can begin at ``toks[k]``: a word that is not a particle (unless ``particles``: after a colon, "ما حدث
    ..." opens speech; ``subject``, after an attribution: a quantity, a demonstrative or a verb's particle may open
    it), and enough words before the sentence ends."""
    if k >= len(toks) or not grammar.is_word(toks[k]) or (toks[k][2].isdigit() and not particles):
        return False
    word = toks[k][2]
    # after an attribution ("وبحسب الوزارة فإن عدد الإصابات ارتفع"، "فإن هذه الخطوة"، "فقد لا"): a quantity, a
    # demonstrative or a verb's particle opens the clause; a preposition or a complementizer does not
    opener = subject and (word in load_set("quantity_words") or word in load_set("verb_particles"))
    if not particles and not opener and (word in grammar.stopwords() or word in load_set("complementizers")):
        return False
    words = 0
    for tok in toks[k : k + MIN_WORDS + 1]:
        if _stops(tok) and tok[2] not in "،,":
            break
        words += grammar.is_word(tok)
    return words >= MIN_WORDS


def governs(cue: cue_verbs.Cue, word: str) -> bool:
    """Whether ``word`` right after the cue is the preposition of its clause ("تعهد بدعم"، "دعا إلى"), so that it
    names no speaker."""
    comp = complements().get(normalize(cue.lemma))
    if comp is None:
        return False
    return word in comp.separate or (len(word) > 3 and word[0] in comp.attached)


def read_as_preposition(toks: Sequence[Tok], k: int, lo: int, hi: int, cue: cue_verbs.Cue) -> bool:
    """Whether the cue at ``toks[k]`` (in the clause ``toks[lo:hi]``) is a preposition written the same: such a form
    is a verb only at the clause start ("التوعية عبر كشف ..." is "via"), and only with its own preposition after it
    when it takes one ("وعبر الوزير عن"؛ "وعبر حسابه على «تويتر»، أطلق" is "via" again; "وبين الوزير أن" is a verb)."""
    if not cue.strict or grammar.strip_proclitic(toks[k][2]) not in load_set("noun_prepositions"):
        return False
    if k > lo:
        return True
    if normalize(cue.lemma) not in complements():
        return False
    return not any(governs(cue, toks[j][2]) for j in range(k + 1, min(hi, k + MAX_SPEAKER_WORDS + 2)))


def complement_at(toks: Sequence[Tok], i: int, cue: cue_verbs.Cue) -> tuple[int, int] | None:
    """``(phrase_end, first)`` when the cue at ``toks[i]`` takes a clause through a preposition (or, for a
    participle, as its object): the speaker phrase is ``toks[i + 1 : phrase_end]`` and the clause begins at
    ``toks[first]``. None when nothing fits within reach."""
    comp = complements().get(normalize(cue.lemma))
    if comp is None:
        return None
    reach = 2 if cue.participle else REACH  # a participle has no subject of its own: the preposition follows it
    k = i + 1
    while k < min(len(toks), i + 1 + reach):
        tok = toks[k]
        t = tok[2]
        if t in comp.separate:
            k = _same_before_that(toks, k)  # "وحذر الباحثون من جامعة مونتريال من أن": the later من governs أن
            return (k, k + 1) if _opens_clause(toks, k + 1) else None
        if comp.attached and grammar.is_word(tok) and len(t) > 3 and t[0] in comp.attached and _opens_clause(toks, k):
            return k, k
        if t in "،,":
            if k + 1 < len(toks) and toks[k + 1][2] in load_set("relative_pronouns"):
                # "وشدد جعجع، الذي يعد أحد أبرز المتنافسين على منصب الرئاسة": the clause describes the speaker
                k = next((j for j in range(k + 2, min(len(toks), i + 1 + reach)) if toks[j][2] in "،,"), len(toks))
            k += 1
            continue
        if _stops(tok) or t in load_set("complementizers"):
            break
        k += 1
    if cue.participle and comp.object and _opens_clause(toks, i + 1) and not _that_follows(toks, i + 1):
        return i + 1, i + 1
    return None


_PLACE_WORDS = 4  # the words of a place or body after a preposition in a speaker phrase ("من جامعة مونتريال")
_ADDRESSED_WORDS = 2  # and of the people a verb addresses after it ("من موقع نيكس نيوز نتورك متصفحي الموقع من ان")


def _same_before_that(toks: Sequence[Tok], k: int) -> int:
    """Where the preposition ``toks[k]`` of a cue's clause stands again a few words on, right before إن/أن, when it is
    not itself before one: the first names where the speaker is from ("الباحثون من جامعة مونتريال"), the second
    opens the clause; else ``k``."""
    comps = load_set("complementizers")
    for j in range(k + 1, min(len(toks) - 1, k + 2 + _PLACE_WORDS + _ADDRESSED_WORDS)):
        if not grammar.is_word(toks[j]) or toks[j][2] in comps:
            return k  # punctuation, or the first one's own إن/أن
        if toks[j][2] == toks[k][2] and toks[j + 1][2] in comps:
            return j
    return k


_OBJECT_WORDS = 8  # the words of an object read before its إن/أن ("داعيا الله العلي القدير أن")


def _that_follows(toks: Sequence[Tok], k: int) -> bool:
    """إن/أن follows the words from ``toks[k]`` within a short object, before any punctuation or other verb of saying:
    "داعيا الله العلي القدير أن يحفظ" reports from أن, not from its object ("منتقدا المساحات الكبيرة دون أن"،
    "مؤكدا توثيق ذلك وأوضح أن": a subordinator's or another verb's أن)."""
    for j in range(k, min(len(toks), k + _OBJECT_WORDS)):
        word = toks[j][2]
        if word in load_set("complementizers"):
            return grammar.strip_proclitic(toks[j - 1][2]) not in load_set("subordinators")
        if not grammar.is_word(toks[j]) or cue_verbs.cue_of(word) is not None:
            return False
    return False


def colon_at(toks: Sequence[Tok], c: int) -> int | None:
    """The first token of speech after the colon at ``toks[c]`` when no quotation mark opens it ("وأضاف: ...")."""
    k = c + 1
    if k >= len(toks) or toks[k][2] in mark_table():
        return None
    if not (_opens_clause(toks, k, particles=True) or toks[k][2] in load_set("complementizers")):
        return None
    for end in range(k, min(len(toks), k + MAX_CLAUSE)):
        if cues.ends(toks[end]):
            # "هل تواصلت معك الحملة وقالت: نريد ...؟": speech inside a question is the asker's supposition
            return None if toks[end][2] == "؟" else k
    return k


@cache
def _according_heads() -> dict[str, tuple[tuple[str, ...], ...]]:
    """The attribution phrases of ``according_to.txt`` by first word (normal form)."""
    table: dict[str, list[tuple[str, ...]]] = {}
    for entry in load_list("according_to"):
        words = tuple(normalize(entry).split())
        if words:
            table.setdefault(words[0], []).append(words)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in table.items()}


def according_head(word: str) -> bool:
    """Whether ``word`` (with و/ف or not) opens "according to" alone or with ل: بحسب، حسب، وفقا، طبقا (the heads of
    ``according_to.txt`` that "بحسب ما ذكر"، "وفقا لما أعلنه" put before ما and a verb of saying)."""
    heads = _according_heads()
    for bare in (word, word[1:] if len(word) > 3 and word[0] in "وف" else ""):
        if any(len(p) == 1 or (len(p) == 2 and p[1] == "ل") for p in heads.get(bare, ())):
            return True
    return False


def opens_attribution(word: str) -> bool:
    """Whether ``word`` may open an attribution ("بحسب"، "ووفقا"، "نقلا"): the first word of a phrase of
    ``according_to.txt``, with or without و/ف (:func:`arnews.quotes.openings.openings` asks it once per word)."""
    heads = _according_heads()
    return word in heads or (len(word) > 2 and word[0] in "وف" and word[1:] in heads)


@frozen
class Source:
    """The source an attribution names: ``toks[start:end]``, the first ``skip`` characters of ``toks[start]`` left
    out (the ل of "وفقا للمصادر")."""

    start: int
    end: int
    skip: int = 0

    def span(self, toks: Sequence[Tok]) -> tuple[int, int]:
        """The source's normal-form offsets."""
        return toks[self.start][0] + self.skip, toks[self.end - 1][1]


def according_at(toks: Sequence[Tok], i: int) -> tuple[Source, int] | None:
    """The source and the first token of the reported clause when an attribution at a clause start ``toks[i]`` names
    its source and the clause follows after a comma or فإن/فقد ("وبحسب نوايه فإن الأمر ...")."""
    opened = _source_start(toks, i)
    if opened is None:
        return None
    found = _source_and_clause(toks, opened[0])
    return None if found is None else (Source(opened[0], found[0], opened[1]), found[1])


def according_source(toks: Sequence[Tok], i: int, colon: int) -> Source | None:
    """The source when an attribution at ``toks[i]`` names it right before the colon at ``toks[colon]`` ("بحسب
    الخطي: «...»"، "حسب قول سيندي تشاو: «...»")."""
    opened = _source_start(toks, i, anywhere=True)  # the colon and the quote make it an attribution anywhere
    if opened is None or not opened[0] < colon <= opened[0] + SOURCE_REACH or toks[colon][2] != ":":
        return None
    if not all(grammar.is_word(t) for t in toks[opened[0] : colon]):
        return None
    return Source(opened[0], colon, opened[1])


def according_phrase(toks: Sequence[Tok], lo: int, hi: int) -> Source | None:
    """The first attribution among ``toks[lo:hi]`` and the source it names (eight words at most, up to إن/أن, فإن or
    punctuation), for :attr:`arnews.models.Quote.according_to`. An attribution inside quotation marks is part of
    the quoted words ("قال إن الوفد «سيعمل ... حسب أهداف المشروع»"), not the source of the report."""
    marks, depth = mark_table(), 0
    for k in range(lo, hi):
        mark = marks.get(toks[k][2])
        if mark is not None:
            if mark[1] == "open":
                depth += 1
            elif mark[1] == "close":
                depth = max(0, depth - 1)
            else:  # a straight mark opens or closes
                depth = 0 if depth else 1
            continue
        if depth:
            continue
        opened = _source_start(toks, k, anywhere=True)
        if opened is None:
            continue
        start = end = opened[0]
        while (
            end < min(hi, start + 8)
            and grammar.is_word(toks[end])
            and toks[end][2] not in load_set("attribution_links")
            and toks[end][2] not in load_set("complementizers")
            and not (end > start and is_participle(toks[end][2]))  # "بحسب ما أكد X للصحيفة قائلا:"
        ):
            end += 1
        return Source(start, end, opened[1]) if end > start else None
    return None


def _source_start(toks: Sequence[Tok], i: int, *, anywhere: bool = False) -> tuple[int, int] | None:
    """Where the source begins (a token index, and the characters of that token before it) when an attribution
    phrase opens a clause at ``toks[i]`` (``anywhere``: inside a clause too). "بحسب ما ذكر الموقع"، "وفقا لما
    أعلنته الوزارة": the source is the subject after ما and its cue verb."""
    opened = _head_source(toks, i, anywhere=anywhere)
    if opened is None:
        return None
    start, skip = opened
    what = toks[start][2][skip:]
    verb = toks[start + 1][2] if what == "ما" and start + 2 < len(toks) else ""
    # "أعلنته"، "ذكرها": the cue verb with the object pronoun its ما leaves on it
    if verb and any(cue_verbs.cue_of(v) for v in (verb, *names.pronoun_stems(verb))):
        return (start + 2, 0) if grammar.is_word(toks[start + 2]) else None
    return opened


def is_participle(word: str) -> bool:
    """Whether ``word`` is a participle of speech (مشيرا، مضيفة، قائلا): the start of a report of its own."""
    cue = cue_verbs.cue_of(word)
    return cue is not None and cue.participle


def _head_source(toks: Sequence[Tok], i: int, *, anywhere: bool) -> tuple[int, int] | None:
    """Where the words after the attribution phrase at ``toks[i]`` begin."""
    if not anywhere and i > 0 and not (_stops(toks[i - 1]) or toks[i - 1][2] in "،,"):
        return None
    word = toks[i][2]
    heads = _according_heads()
    bare = word if word in heads else (word[1:] if len(word) > 2 and word[0] in "وف" else None)
    if bare is None or bare not in heads:
        return None
    for phrase in heads[bare]:
        n = len(phrase)
        if i + n > len(toks) or any(toks[i + m][2] != phrase[m] for m in range(1, n - (phrase[-1] == "ل"))):
            continue
        if phrase[-1] != "ل":
            return (i + n, 0) if i + n < len(toks) else None
        start = i + n - 1  # the ل stands on the source's first word ("للمصادر"), or alone before it ("لـ«رويترز»")
        if toks[start][2] == "ل":
            start += 1 + (start + 1 < len(toks) and toks[start + 1][2] in mark_table())
            return (start, 0) if start < len(toks) and grammar.is_word(toks[start]) else None
        if toks[start][2].startswith("لل") and len(toks[start][2]) > 4:
            return start, 2  # "للتقرير"، "للمصادر": ل on the article, whose alef it drops; the source is "تقرير"
        if toks[start][2].startswith("ل") and len(toks[start][2]) > 2:
            return start, 1
    return None


def _source_and_clause(toks: Sequence[Tok], start: int) -> tuple[int, int] | None:
    """The end of the source and the first token of the clause after it."""

    def clause(k: int) -> bool:  # a cue verb after the attribution reports for itself ("وبحسب المصادر، قال ...")
        return _opens_clause(toks, k, subject=True) and cue_verbs.cue_of(toks[k][2]) is None

    k = start
    while k < min(len(toks), start + SOURCE_REACH):
        tok = toks[k]
        t = tok[2]
        if k > start and t in load_set("attribution_links"):
            return (k, k + 1) if clause(k + 1) else None
        if k > start and t in "،,":
            then = k + 1 < len(toks) and toks[k + 1][2] in load_set("attribution_links")  # "، فإن ..."
            first = k + 2 if then else k + 1
            return (k, first) if clause(first) else None
        if not grammar.is_word(tok) and t not in mark_table():
            return None
        k += 1
    return None


def relative_source(toks: Sequence[Tok], source: Source) -> int | None:
    """The first token of whoever published or said what an attribution names, when a relative clause names them
    ("بحسب التفاصيل التي ذكرتها صحيفة ذا ناشيونال"، "بحسب الإعلان الذي أوردته صحيفة دايلي ميل"، "طبقا للترتيب الذي
    كشفت عنه المجلة"): the token after the clause's verb of saying or publishing; None otherwise ("بحسب الأرقام التي
    تم الكشف عنها": no subject)."""
    k = source.start + 1
    if k + 2 >= source.end or toks[k][2] not in load_set("relative_pronouns"):
        return None
    verb = toks[k + 1][2]  # "ذكرتها"، "أوردته": the verb with its object pronoun
    forms = (verb, *names.pronoun_stems(verb))
    if not any(cue_verbs.cue_of(f) is not None or f in load_set("publishing_verbs") for f in forms):
        return None
    k += 2
    if toks[k][2] in PRONOUN_OBJECTS and toks[k][2].startswith("عن"):
        k += 1  # "كشفت عنه المجلة"
    return k if k < source.end and grammar.is_word(toks[k]) else None


_FIRST_PERSON = frozenset({"اننا", "انني", "بانني", "باننا"})  # إننا، أنني ... in normal form


def reported_first(toks: Sequence[Tok], c: int) -> int:
    """The first token of the words إن/أن at ``toks[c]`` reports: the one after it, or إن/أن itself with a
    first-person pronoun, the speaker's own subject ("وقال: إننا نعد برنامجا")."""
    return c if toks[c][2] in _FIRST_PERSON else c + 1

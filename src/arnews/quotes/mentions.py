"""Where the article names the people who may speak: names given with a title, after a cue verb or by the entity
stage, and every place they recur (by full name or surname), indexed once per article for the speaker search.
"""

from __future__ import annotations

from collections.abc import Sequence

from arnews.core import cue_verbs, grammar, titles
from arnews.core.grammar import Tok
from arnews.core.lexicons import load_set
from arnews.core.text import normalize
from arnews.quotes import frames
from arnews.quotes import speakers as sp
from arnews.quotes.marks import phrase_end
from arnews.quotes.openings import opens_title
from arnews.quotes.reading import MAX_NAMES, Reading


def title_names(toks: Sequence[Tok], opens: Sequence[int] | None = None) -> list[tuple[int, int]]:
    """Names introduced by a title anywhere in a token list ("نائبة الرئيس كامالا هاريس"). ``opens``: the indices
    of the words that may open a title phrase, when already known (a paragraph's
    :attr:`~arnews.quotes.openings.Openings.titles`); most words open none."""
    found: list[tuple[int, int]] = []
    abbreviated = grammar.abbreviated_titles()
    if opens is None:
        opens = [n for n, tok in enumerate(toks) if opens_title(tok[2])]
    i = 0
    for n in opens:
        if n < i:
            continue  # inside a name or title read already
        i = n
        if i + 2 < len(toks) and toks[i + 1][2] == "." and toks[i][2] in abbreviated and grammar.is_word(toks[i + 2]):
            stop = grammar.name_run(toks, i + 2)  # "م. جديع بن نهار القحطاني", the dot a token of its own
            if stop > i + 2:
                found.append((toks[i + 2][0], toks[stop - 1][1]))
                i = stop
                continue
        if grammar.is_word(toks[i]) and grammar.is_title(toks[i][2]) and not _adjective(toks, i):
            end, _ = titles.title_run(toks, i)
            stop = grammar.name_run(toks, end)
            if stop > end and len(toks[end][2]) > 1:
                found.append((toks[end][0], toks[stop - 1][1]))
                i = stop
                continue
            i = max(end, i + 1)
        else:
            i += 1
    return found


def _adjective(toks: Sequence[Tok], i: int) -> bool:
    """A word of description ("الإعلامي", "الأكاديمي") after a noun qualifies it ("السجل الأكاديمي ترفع"); only
    where a subject stands (after a cue, a complementizer or punctuation) does it describe a person."""
    if i == 0 or not grammar.is_word(toks[i - 1]) or not grammar.in_lexicon(toks[i][2], grammar.description_words()):
        return False
    prev = toks[i - 1][2]
    return cue_verbs.cue_of(prev) is None and prev not in load_set("complementizers")


def _mentions_in(norm: str, toks: Sequence[Tok], by_first: dict[str, list[list[str]]]) -> list[tuple[int, int]]:
    """Where the known names (word lists by first word) occur among ``toks``: each word read without one proclitic
    (و، ف، ب، ل) first, then as written; the longest name first; one pass over the tokens, a dictionary look-up a
    word (a regular expression of every name ran its alternatives at every character)."""
    found: list[tuple[int, int]] = []
    # the tokens that may begin a name, found first (as the normal form writes them: a token's text may mark علي
    # apart from على)
    begins = [
        k
        for k, tok in enumerate(toks)
        if (w := norm[tok[0] : tok[1]]) in by_first or (len(w) > 1 and w[0] in "وفبل" and w[1:] in by_first)
    ]
    k = 0
    for n in begins:
        if n < k:
            continue  # inside a name found already
        k = n
        tok = toks[k]
        word = norm[tok[0] : tok[1]]
        hit = None
        for skip in (1, 0) if word[:1] in "وفبل" and len(word) > 1 else (0,):
            for words in by_first.get(word[skip:], ()):
                last = k + len(words) - 1
                if last < len(toks) and all(
                    norm[toks[k + m][0] : toks[k + m][1]] == words[m]
                    and norm[toks[k + m - 1][1] : toks[k + m][0]] == " "
                    for m in range(1, len(words))
                ):
                    hit = (tok[0] + skip, toks[last][1], last)
                    break
            if hit is not None:
                break
        if hit is None:
            continue
        found.append((hit[0], hit[1]))
        k = hit[2] + 1
    return found


def index_names(ctx: Reading, bounds: Sequence[tuple[int, int]]) -> None:
    """Person names the article gives with a title or as a speaker, and every place they recur."""
    norm = ctx.view.norm
    names: dict[str, None] = {}
    for ent in ctx.entities:
        if ent.type == "PER":
            for form in [ent.name, *(m.text for m in ent.mentions)]:
                n = normalize(form).strip()
                if len(n) > 2:
                    names[n] = None
    for s, e in bounds:
        toks, opened = ctx.tokens(s, e), ctx.openings(s, e)
        for a, b in title_names(toks, opened.titles):
            if grammar.everyday(norm[a:b].split()[0]):
                continue  # "اللاعب توقفت"، "بوضع دعم": a word after a title, no name
            if not _inside_body(ctx, (a, b)):  # "أستاذ بجامعة عين شمس": the words after the title name the body
                names[norm[a:b]] = None
        for k in opened.cues:
            if len(names) >= MAX_NAMES:
                break
            cue = cue_verbs.cue_of(toks[k][2])
            if cue is None or cue.role == "describe" or cue.strict or cue.participle:
                continue
            if k + 1 < len(toks) and frames.governs(cue, toks[k + 1][2]):
                continue
            phrase = sp.parse_phrase(toks[k + 1 : phrase_end(toks, k + 1, len(toks))])
            if phrase is not None and not phrase.anonymous and not phrase.institution and _named(ctx, phrase):
                names[norm[phrase.name[0] : phrase.name[1]]] = None
    forms: set[str] = set()
    stops = grammar.stopwords()
    for n in list(names)[:MAX_NAMES]:
        words = n.split()
        if not words:
            continue
        forms.add(n)
        if len(words) > 1 and len(words[-1]) > 2 and words[-1] not in stops:
            forms.add(words[-1])
    if not forms:
        return
    by_first: dict[str, list[list[str]]] = {}
    for form in sorted(forms, key=len, reverse=True):  # the longest form first
        words = form.split()
        by_first.setdefault(words[0], []).append(words)
    for s, e in bounds:
        ctx.state.mentions.extend(_mentions_in(norm, ctx.tokens(s, e), by_first))
    ctx.state.mentions.sort()
    ctx.state.mention_starts = [m[0] for m in ctx.state.mentions]


def _named(ctx: Reading, phrase: sp.Phrase) -> bool:
    """A speaker phrase names someone to resolve to later when it has a title, opens with a given name, or meets a
    person or organisation the entity stage found (not "نشرت فيديو طريف": words after a cue that name nobody)."""
    a, b = phrase.name
    if phrase.titled or grammar.given_name(ctx.view.norm[a:b].split()[0]):
        return True
    ent = ctx.entity_index.covering(ctx.view.raw_span(a, b))
    return ent is not None and ent.type in ("PER", "ORG")


def _inside_body(ctx: Reading, span: tuple[int, int]) -> bool:
    """Whether a name (normal offsets) lies inside a mention of an organisation, a place or a work."""
    ent = ctx.entity_index.containing(ctx.view.raw_span(*span))
    return ent is not None and ent.type != "PER"

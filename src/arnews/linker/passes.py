"""Recognition passes over the article's tokens: title and speech cues, people credited in source notes, Latin-script
names, organisation heads and places (the KB's own names: :mod:`arnews.linker.kb_names`).
"""

from __future__ import annotations

from collections.abc import Sequence

from arnews.core import grammar
from arnews.core.lexicons import load_set
from arnews.core.memo import word_cache
from arnews.core.names import letter_names, strip_clitics
from arnews.linker.cands import Cand
from arnews.linker.grammar import (
    match_title,
    name_like,
    name_run,
    skip_modifiers,
    sole_titles,
    title_key,
    title_stems,
)
from arnews.linker.titles import read_sole_title
from arnews.linker.tokens import (
    ARABIC,
    CLOSE_QUOTES,
    LATIN_CONNECTORS,
    OPEN_QUOTES,
    P_CUE,
    P_KB_MULTI,
    P_ORG,
    P_WEAK,
    Words,
    org_head_words,
    spelled_letters,
    stop_words,
    title_table,
)
from arnews.models import EntityKind

# --- the passes ----------------------------------------------------------------------------------------------


@word_cache(65536)
def cue_word(word: str) -> bool:
    """A word the cue pass reads on from: one that begins a title, a verb of saying (with و or ف), or a given name
    (behind ل or ب too). Asked once per word and process; the pass visits no other token."""
    verbs, given = load_set("name_speech_verbs"), load_set("first_names")
    return bool(
        title_stems(word)
        or word in verbs
        or (word[:1] in "وف" and word[1:] in verbs)
        or word in given
        or (word[:1] in "لب" and word[1:] in given and word not in load_set("common_words"))
    )


def cue_pass(doc: Words, loc_starts: dict[int, int], out: list[Cand], at: Sequence[int]) -> None:
    """Names after a title or a verb of saying, and given names, read on from the words that may begin one (``at``:
    :attr:`arnews.linker.openings.Openings.cue_words`)."""
    toks = doc.toks
    verbs, given = load_set("name_speech_verbs"), load_set("first_names")
    in_title = -1  # the last token of the title phrase being read ("نائبة الرئيس": "الرئيس" is no title of its own)
    for i in at:
        tok = toks[i]
        # titles and roles
        after = match_title(doc, i)
        if after == i + 1 and title_table().get((tok.text,)) == "abbrev":
            # "د. مهنا الدلامي": an abbreviated title counts only with its dot
            after = after + 1 if after < len(toks) and toks[after].text == "." else i
        if after > i:
            k = skip_modifiers(doc, after, loc_starts)
            end = name_run(doc, k, loc_starts)
            if i > in_title:
                held = title_key(doc, i, after)
                if held in sole_titles():
                    read_sole_title(doc, loc_starts, held, i, after)
                elif end > k:
                    doc.titled.append((held, k))
                elif k == after or k >= len(toks) or not toks[k].word or toks[k].text in stop_words():
                    doc.bare_titles.append((held, i, after - 1))
                in_title = after - 1
            if end > k:
                out.append(Cand(toks[k].start, toks[end - 1].end, "PER", P_CUE, None, "title", k, end - 1))
            continue
        # verbs of saying
        text = tok.text
        bare = text[1:] if text[0] in "وف" and text[1:] in verbs else text
        if bare in verbs and i + 1 < len(toks):
            k = match_title(doc, i + 1)
            titled = k > i + 1
            k = skip_modifiers(doc, k, loc_starts) if titled else i + 1
            end = name_run(doc, k, loc_starts)
            if end > k:
                source = "speech" if end - k > 1 else "title" if titled else "speech1"
                out.append(Cand(toks[k].start, toks[end - 1].end, "PER", P_CUE, None, source, k, end - 1))
            continue
        # a given name and one or two more name words
        if text in given and (i == 0 or not toks[i - 1].word or toks[i - 1].text not in given):
            end = name_run(doc, i, loc_starts)
            if end - i >= 2:
                out.append(Cand(tok.start, toks[end - 1].end, "PER", P_CUE - 0.5, None, "given", i, end - 1))
        elif text[:1] in "لب" and text[1:] in given and text not in load_set("common_words"):
            # "عرضا ليحيى المسلم": a given name behind a preposition, and the family name after it
            end = i + grammar.name_run(toks[i : i + grammar.NAME_WORDS], 0, first_known=True)
            if end - i >= 2:
                out.append(Cand(tok.start + 1, toks[end - 1].end, "PER", P_CUE - 0.5, None, "given", i, end - 1))


def credited_pass(doc: Words, out: list[Cand]) -> None:
    if not doc.credited:
        return  # no contributor of a source note named in the text (most articles)
    starts = {t.start: n for n, t in enumerate(doc.toks)}
    ends = {t.end: n for n, t in enumerate(doc.toks)}
    for a, b in doc.credited:
        if a in starts and b in ends:
            out.append(Cand(a, b, "PER", P_CUE, None, "title", starts[a], ends[b]))


def latin_pass(doc: Words, out: list[Cand]) -> None:
    toks = doc.toks
    suffixes = load_set("org_suffixes")
    done = 0  # the token after the last name read
    for i in [n for n, t in enumerate(toks) if t.kind == "latin"]:  # the tokenizer's Latin words: doc.is_latin
        if i < done or not doc.raw(i)[:1].isupper():
            continue
        end = i + 1
        while end < len(toks) and doc.is_latin(end) and (toks[end].start - toks[end - 1].end) <= 1:
            raw = doc.raw(end)
            if raw[:1].isupper() or (raw in LATIN_CONNECTORS and end + 1 < len(toks) and doc.is_latin(end + 1)):
                end += 1
            else:
                break
        while end - 1 > i and toks[end - 1].text in LATIN_CONNECTORS:
            end -= 1
        text = " ".join(t.text for t in toks[i:end])
        cued = _org_cue_before(doc, i)
        entry = next((c.entry for c in doc.kb.lookup(text) if c.how != "phonetic"), None)
        kind: EntityKind
        if entry is not None:
            kind, qid = entry.type, entry.id
        elif end - i == 1 and doc.raw(i).isupper() and len(doc.raw(i)) <= 6:
            out.append(
                Cand(toks[i].start, toks[i].end, "ORG", P_WEAK, None, "acronym" + ("_org" if cued else ""), i, i)
            )
            done = end
            continue
        elif toks[end - 1].text in suffixes or cued:
            kind, qid = "ORG", None
        elif end - i >= 2:
            kind, qid = "MISC", None
        else:
            done = end
            continue
        prio = P_KB_MULTI + 0.5 if end - i > 1 else P_ORG
        out.append(Cand(toks[i].start, toks[end - 1].end, kind, prio, qid, "latin", i, end - 1))
        done = end


def _org_cue_before(doc: Words, i: int) -> bool:
    """An organisation head word or a founder/head role just before token i (clitics allowed)."""
    heads = org_head_words()
    roles = ("مؤسس", "مؤسسه", "رئيس", "رئيسه", "مدير", "مديره")
    for k in (i - 1, i - 2):
        if k < 0 or not doc.toks[k].word:
            return False
        for stem in doc.bare(k):
            if stem in heads or stem in roles:
                return True
        if not doc.is_latin(k) and k == i - 1 and doc.toks[k].text not in load_set("nisba"):
            continue
    return False


@word_cache(65536)
def org_head(word: str) -> tuple[str, int] | None:
    """The organisation head word a word is, clitics off, and where it begins in the word; None for most words."""
    heads = org_head_words()
    return next(((stem, o) for o, stem, _fused in strip_clitics(word) if stem in heads), None)


def org_pass(doc: Words, per_words: frozenset[str], out: list[Cand], at: Sequence[int]) -> None:
    """Organisations named after a head word ("شركة ..."), read from the words that are one (``at``:
    :attr:`arnews.linker.openings.Openings.org_heads`)."""
    toks, heads, suffixes, letters = doc.toks, org_head_words(), load_set("org_suffixes"), letter_names()
    for i in at:
        tok = toks[i]
        found = org_head(tok.text)
        if found is None or i + 1 >= len(toks):
            continue
        head, off = found
        in_name = heads[head]
        nxt = toks[i + 1]
        if not nxt.word and doc.raw(i + 1) in OPEN_QUOTES:
            close = next((k for k in range(i + 2, min(len(toks), i + 12)) if doc.raw(k) in CLOSE_QUOTES), None)
            if close is not None and close > i + 2:
                qid = _kb_qid(out, i + 2, close - 1)  # "وكالة «رويترز»": the KB's organisation, read the same
                out.append(Cand(toks[i + 2].start, toks[close - 1].end, "ORG", P_ORG, qid, "quoted", i + 2, close - 1))
            continue
        if not doc.joined(i) or doc.is_latin(i + 1):
            continue  # Latin names are the Latin pass's
        end = i + 1
        while end < len(toks) and end - i <= 5 and toks[end].word and ARABIC.match(toks[end].text):
            w = toks[end].text
            pair = [toks[k].text for k in (end - 1, end, end + 1) if k < len(toks)]
            letter = w in letters and sum(spelled_letters(pair)) >= 2  # "في" is a letter only beside another
            if doc.articled(end) or (w in stop_words() and not letter) or w in load_set("nisba"):
                break
            if w not in letters and w not in suffixes and not name_like(doc, end, end == i + 1):
                break
            end += 1
            if not doc.joined(end - 1):
                break
        run = [toks[k].text for k in range(i + 1, end)]
        if not run:
            continue
        last_suffix = max((n for n, w in enumerate(run) if w in suffixes), default=-1)
        if last_suffix >= 0:
            run = run[: last_suffix + 1]
        else:
            cut = next((n for n, w in enumerate(run) if w in stop_words()), len(run))
            run = run[:cut]
        if not run or any(w in per_words for w in run):
            continue
        spelled = sum(spelled_letters(run))
        if not in_name and last_suffix < 0 and spelled < 2:
            continue
        last = i + len(run)
        start = tok.start + off if in_name else toks[i + 1].start
        first = i if in_name else i + 1
        out.append(Cand(start, toks[last].end, "ORG", P_ORG, None, "head", first, last))


def place_pass(doc: Words, kb_cands: list[Cand], taken: set[int], out: list[Cand]) -> None:
    """A place named before "، X" in the dateline, or before "(ب)ولاية X", where X is a known place."""
    toks = doc.toks
    for c in kb_cands:
        if c.type != "LOC":
            continue
        j = c.first_tok - 1
        if j < 1:
            continue
        in_dateline = doc.dateline is not None and doc.dateline[0] <= c.start < doc.dateline[1]
        if toks[j].text in ("ولايه", "بولايه") or (toks[j].text in ("،", ",") and in_dateline):
            end = j
        else:
            continue
        k = end - 1
        while k >= 0 and end - k <= 2 and name_like(doc, k, True) and k not in taken:
            k -= 1
            if k >= 0 and not doc.joined(k):
                break
        k += 1
        before = doc.toks[k - 1].text if k > 0 else ""
        if k < end and (k == 0 or not doc.toks[k - 1].word or before in ("في", "من", "الى") or in_dateline):
            out.append(Cand(toks[k].start, toks[end - 1].end, "LOC", P_CUE, None, "place", k, end - 1))


#: An outlet between marks outranks the region or city of the same name that the KB reads there.
P_OUTLET = P_KB_MULTI + 0.5
_OUTLET_WORDS = 4  # the longest outlet name read between marks after "لـ"


def outlet_pass(doc: Words, out: list[Cand]) -> None:
    """A name in marks after the preposition "لـ" is the outlet someone spoke to ("قال لـ«الشرق الأوسط»",
    "صرح لـ"عكاظ""): an organisation, even where the same words name a region or a city; linked when the KB knows
    it as an organisation."""
    toks = doc.toks
    for i in range(len(toks) - 3):
        if toks[i].text != "ل" or doc.raw(i + 1) not in OPEN_QUOTES:
            continue
        close = next((k for k in range(i + 3, min(len(toks), i + 3 + _OUTLET_WORDS)) if not toks[k].word), None)
        if close is None or doc.raw(close) not in CLOSE_QUOTES:
            continue
        first, last = i + 2, close - 1
        text = " ".join(t.text for t in toks[first : last + 1])
        known = next((c.entry for c in doc.kb.lookup(text, normalized=True) if c.entry.type == "ORG"), None)
        qid = known.id if known is not None and doc.kb.has_label(known, text) else None
        out.append(Cand(toks[first].start, toks[last].end, "ORG", P_OUTLET, qid, "outlet", first, last))


def _kb_qid(out: list[Cand], first: int, last: int) -> str | None:
    """The QID of the KB's organisation read over exactly the tokens ``first`` to ``last``."""
    return next(
        (c.qid for c in out if c.source == "kb" and c.type == "ORG" and (c.first_tok, c.last_tok) == (first, last)),
        None,
    )

"""The lines of a page and what each one is: the lexicons of furniture, source notes, bylines, agencies and photo
credits, compiled once, and the classifiers that read one line.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlsplit

from attrs import frozen

from arnews.core.lexicons import load_list, load_set, load_table
from arnews.core.regexes import alternation
from arnews.core.text import TextView, normalize
from arnews.models import Span

# what a line's key drops: all but letters, digits, spaces and "%"; the Arabic letters and the space are listed
# first (they are \w and \s: the set is the same), a cheap test of most characters before the Unicode categories
_PUNCT = re.compile(r"[^\u0621-\u063a\u0641-\u064a \w\s%]")
_MAX_NOTE = 200  # characters: source notes and bylines are short lines
WEB_ADDRESS = re.compile(r"^(?:https?://|www\.)\S+$|^[\w-]+(?:\.[\w-]+)+(?:/\S*)?$")
_DASHES = "-–—ـ−"
DASH = r"\-–—ـ−"  # for use inside a regex character class
SEP = rf"\s*[{DASH}]+\s*"


# --- lexicons, compiled once -----------------------------------------------------------------------------


def phrase_key(text: str) -> str:
    """The matching key of a line: normal form without punctuation, spaces collapsed."""
    return " ".join(_PUNCT.sub(" ", normalize(text)).split())


FURNITURE_KINDS = ("line", "prefix", "end", "cut", "tail", "strip", "tags", "clock")


@lru_cache(maxsize=1)
def _furniture() -> dict[str, list[str]]:
    kinds: dict[str, list[str]] = {kind: [] for kind in FURNITURE_KINDS}
    for phrase, kind in load_table("furniture"):
        if kind not in kinds:
            raise ValueError(f"furniture.tsv: unknown kind {kind!r} for {phrase!r}")
        kinds[kind].append(phrase_key(phrase))
    return kinds


def _phrases_re(kind: str) -> str:
    """The phrases of one furniture kind as a regex on the normal form (punctuation and spaces between words
    tolerated)."""
    alts = sorted({r"[\W_]*".join(re.escape(w) for w in p.split()) for p in _furniture()[kind]}, key=len)
    return "|".join(reversed(alts)) if alts else r"(?!x)x"


@lru_cache(maxsize=1)
def cut_pattern() -> re.Pattern[str] | None:
    """A "cut" phrase: it and the rest of its line are furniture."""
    return re.compile(_phrases_re("cut")) if _furniture()["cut"] else None


@lru_cache(maxsize=1)
def tail_pattern() -> re.Pattern[str]:
    """A "tail" phrase ("للتواصل مع الكاتب ارسل رسالة"): it and everything after it on the page are furniture."""
    return re.compile(_phrases_re("tail"))


@lru_cache(maxsize=1)
def strip_pattern() -> re.Pattern[str]:
    """A "strip" phrase ("Next Previous") at the head of a line: the phrase is furniture, the rest is read on."""
    return re.compile(rf"\s*(?:{_phrases_re('strip')})(?:\s+|$)")


@lru_cache(maxsize=1)
def _tags_re() -> re.Pattern[str]:
    # the label of a tag line, as a whole word, then the tags to the end of the line: no clause punctuation, no
    # sentence end ("... من سمات بعض سيارات «أستون مارتن» الأخرى." is a sentence, not tags)
    return re.compile(rf"(?:^|(?<=[\s.!؟?\"”»)\]]))(?:{_phrases_re('tags')})\s+[^\n،,؛;:!؟?]+?\s*$")


_TAG_OPENERS = frozenset({"من", "اهم", "ابرز", "هي", "هذه", "تلك", "كل", "بعض", "و"})
_MAX_TAGS = 25  # words: a tag line is a handful of names and topics


def tag_line_start(view: TextView, line: Line) -> int | None:
    """Where a trailing tag line ("سمات اسبانيا الجهاديين الحرب السلمية") starts in ``line`` (normal offset)."""
    norm = view.norm
    m = _tags_re().search(norm, line.nstart, line.nend)
    if m is None:
        return None
    tail = norm[m.start() : line.nend]
    if len(tail.split()) > _MAX_TAGS + 1 or tail.rstrip().endswith("."):
        return None
    before = norm[line.nstart : m.start()].split()
    if before and before[-1] in _TAG_OPENERS:
        return None
    return m.start()


@lru_cache(maxsize=1)
def _clock_re() -> re.Pattern[str]:
    # a time stamp line of an agency feed: "17:58 ت م", "11:53 ت م NNNN"
    zones = _phrases_re("clock")
    return re.compile(rf"^\d{{1,2}}\s?:\s?\d{{2}}(?:\s*(?:{zones}))?(?:\s*n{{4}})?$")


_CONTACT = re.compile(
    r"^(?:[^\d\W][^:：]{0,30}[:：]\s*)?"  # a label: "تويتر:", "لمراسلة الكاتب:"
    r"(?:@?[\w.+-]+@[\w-]+(?:\.[\w-]+)+|@[\w.]{2,30}|[\w.]{2,30}@)"  # an e-mail address or a handle
    r"(?:\s*[|،,/]?\s*(?:@?[\w.+-]+@[\w-]+(?:\.[\w-]+)+|@[\w.]{2,30}))*$"
)


def is_contact(view: TextView, nstart: int, nend: int) -> bool:
    """A piece of a line that only gives an e-mail address or a handle ("تويتر: @فلان", "a.b@c.com")."""
    norm = view.norm[nstart:nend].strip()
    return len(norm) <= 120 and "@" in norm and bool(_CONTACT.match(norm))


def is_clock_line(view: TextView, line: Line) -> bool:
    """An agency time stamp standing as a line ("17:58 ت م")."""
    return bool(_clock_re().match(view.norm[line.nstart : line.nend]))


@lru_cache(maxsize=1)
def _professions() -> frozenset[str]:
    return frozenset(normalize(w) for w in load_list("author_professions"))


_MAX_SIGNATURE = 8  # words


def is_signature(view: TextView, line: Line) -> bool:
    """The line that closes an opinion piece with what its author does ("أديب وكاتب صحفي", "* أكاديمي سعودي",
    "أستاذ اللسانيات بجامعة الملك سعود"): a short line that opens with a profession and holds no sentence."""
    words = line_key(view, line).split()
    if not words or len(words) > _MAX_SIGNATURE:
        return False
    first = words[0]
    text = view.norm[line.nstart : line.nend]
    return first in _professions() and not re.search(r"[.!؟?:«»\"“”]", text.rstrip(". "))


@lru_cache(maxsize=1)
def _credit_line_re() -> re.Pattern[str]:
    labels = alternation([normalize(w) for w, _f in load_table("credit_lines")])
    return re.compile(
        rf"^[*\s]*(?P<label>{labels})\s*[«{{\"“(]\s*(?P<name>[^»}}\"”()]{{2,40}}?)\s*[»}}\"”)]"
        rf"(?:\s*(?P<label2>{labels})\s*[«{{\"“(]\s*(?P<name2>[^»}}\"”()]{{2,40}}?)\s*[»}}\"”)])?\s*$"
    )


@lru_cache(maxsize=1)
def _credit_fields() -> dict[str, str]:
    return {normalize(w): f for w, f in load_table("credit_lines")}


def credit_line(view: TextView, line: Line) -> list[tuple[str, str]]:
    """(field, name) pairs of a syndication credit line ("* خدمة «نيويورك تايمز»", "* بالاتفاق مع «بلومبيرغ»",
    "خاص بـ«الشرق الأوسط»"); empty when the line is none."""
    norm = view.norm[line.nstart : line.nend]
    if len(norm) > _MAX_NOTE:
        return []
    m = _credit_line_re().match(norm)
    if m is None:
        return []
    fields = _credit_fields()
    found = []
    for label, name in (("label", "name"), ("label2", "name2")):
        if m[label]:
            s, e = view.raw_span(line.nstart + m.start(name), line.nstart + m.end(name))
            found.append((fields[m[label]], view.raw[s:e].strip()))
    return found


@lru_cache(maxsize=1)
def agencies() -> dict[str, str]:
    return {phrase_key(alias): canonical for alias, canonical, _qid in load_table("agencies")}


@lru_cache(maxsize=1)
def agency_re() -> str:
    # agency names as they stand in the normal form (dots and spaces tolerated between letters of acronyms)
    alts = []
    for alias in {normalize(a) for a, _c, _q in load_table("agencies")}:
        alts.append(r"\.?\s?".join(re.escape(part) for part in re.split(r"[\s.]+", alias) if part))
    return "|".join(sorted(alts, key=len, reverse=True))


@lru_cache(maxsize=1)
def _source_labels() -> list[tuple[str, str]]:
    rows = [(phrase_key(label), fieldname) for label, fieldname in load_table("source_notes")]
    return sorted(rows, key=lambda r: len(r[0]), reverse=True)


@lru_cache(maxsize=1)
def _byline_re() -> re.Pattern[str]:
    words = [normalize(row[0]) for row in load_table("bylines")]
    return re.compile(rf"^[{DASH}\s]*(?P<word>{alternation(words)})\s*[:：{DASH}]?\s*(?P<rest>.*)$")


@lru_cache(maxsize=1)
def _byline_roles() -> dict[str, tuple[str, str]]:
    """word -> (role, mark) from bylines.tsv."""
    return {normalize(w): (role, mark) for w, role, mark in load_table("bylines")}


@lru_cache(maxsize=1)
def _contribution_re() -> re.Pattern[str]:
    tasks = alternation(sorted(load_set("byline_tasks")))
    return re.compile(rf"(?P<names>.+?)\s+(?:في|ب)\s*(?:{tasks})")


@lru_cache(maxsize=1)
def _credit_re() -> re.Pattern[str]:
    labels = alternation([normalize(w) for w in load_list("photo_credit_labels")])
    agency = agency_re()
    return re.compile(
        rf"^(?:(?:{labels})\s*[:：{DASH}]\s*\S.{{0,80}}"  # تصوير: فلان
        rf"|[^/\n]{{2,60}}\s/\s*(?:{agency})(?:\s.{{0,30}})?"  # فلان / جيتي إيماجيز
        rf"|\(?(?:{agency})\)?)$"  # (رويترز)
    )


@lru_cache(maxsize=1)
def translators() -> dict[str, str]:
    return {phrase_key(name): canonical for name, canonical in load_table("translators")}


# --- lines -------------------------------------------------------------------------------------------------


@frozen
class Line:
    start: int  # raw offsets, whitespace trimmed
    end: int
    nstart: int  # normal-form offsets
    nend: int
    block: int  # lines of one block have no blank line between them


def page_lines(view: TextView) -> list[Line]:
    lines: list[Line] = []
    block = 0
    norm = view.norm
    pos = 0
    for chunk in norm.split("\n"):
        nstart, nend = pos, pos + len(chunk)
        pos = nend + 1
        while nstart < nend and norm[nstart].isspace():
            nstart += 1
        while nend > nstart and norm[nend - 1].isspace():
            nend -= 1
        if nend == nstart:
            block += 1
            continue
        start, end = view.raw_span(nstart, nend)
        lines.append(Line(start, end, nstart, nend, block))
    return lines


# --- the parser --------------------------------------------------------------------------------------------


def line_key(view: TextView, line: Line) -> str:
    return " ".join(_PUNCT.sub(" ", view.norm[line.nstart : line.nend]).split())


def furniture_kind(k: str) -> str | None:
    table = _furniture()
    if not k:
        return "line"  # punctuation only ("* * *", ". . .")
    for kind in ("end", "line"):
        if k in table[kind]:
            return kind
    if any(k.startswith(p) for p in table["prefix"]):
        return "line"
    return None


_CRUMB_SEPARATOR = re.compile(r"[>»›|/\\]")


def is_breadcrumb(view: TextView, line: Line) -> bool:
    """A line of short parts between separators ("الرئيسية > أخبار > محليات") whose first part is furniture.
    The parts' lengths are asked first: a paragraph with a date's slash ("2015/5/3") is told at once, without the
    key of its first part."""
    text = view.norm[line.nstart : line.nend]
    parts = _CRUMB_SEPARATOR.split(text)
    return (
        len(parts) >= 2
        and all(len(p.split()) <= 4 for p in parts)
        and phrase_key(parts[0].strip()) in _furniture()["line"]
    )


def source_note(view: TextView, line: Line, k: str) -> tuple[str, str] | None:
    """(field, value) when the line (whose key is ``k``) is a re-publisher note such as "الموقع : www.cbsnews.com"."""
    if len(k) > _MAX_NOTE:
        return None  # a paragraph, not a note
    norm = view.norm[line.nstart : line.nend]
    for label, fieldname in _source_labels():
        if k == label:
            return fieldname, ""
        if k.startswith(label + " "):
            # the value is what follows the label and its colon in the line itself (raw characters)
            after = len(_match_prefix(norm, label))
            colon = re.match(r"\s*[:：\-–]?\s*", norm[after:])
            mark = colon.group().strip() if colon else ""
            if (fieldname == "translator" or " " not in label) and not mark:
                # "ترجمة" or "الكاتب" opening a sentence is no credit ("(الكاتب الأميركي ديفيد إغناتيوس، المقرب من
                # إدارة أوباما)"، "الكاتب باسكال بونيفاس: العرب ..."): a one-word label needs its colon
                continue
            if fieldname == "translator" and mark not in (":", "："):
                continue
            rs, re_ = view.raw_span(line.nstart + after + (colon.end() if colon else 0), line.nend)
            return fieldname, view.raw[rs:re_].strip()
    return None


def _match_prefix(norm: str, label_key: str) -> str:
    """The shortest prefix of ``norm`` whose key is ``label_key``."""
    words = label_key.split()
    m = re.match(r"\W*" + r"\W+".join(re.escape(w) for w in words), norm)
    return m.group() if m else ""


def read_byline(view: TextView, line: Line) -> tuple[str, list[str]] | None:
    """(role, names) when the line credits an author or contributors."""
    norm = view.norm[line.nstart : line.nend]
    if len(norm) > _MAX_NOTE:
        return None
    m = _byline_re().match(norm)
    if not m:
        return None
    role, mark = _byline_roles().get(m["word"], ("author", "colon"))
    rest_n = m["rest"]
    if role == "contributors":
        cm = _contribution_re().match(rest_n)
        if not cm:
            return None
        offset = line.nstart + m.start("rest")
        rs, re_ = view.raw_span(offset + cm.start("names"), offset + cm.end("names"))
    else:
        if not rest_n or len(rest_n.split()) > 6 or not re.match(r"^[\w\s.،,]+$", rest_n):
            return None
        if mark == "colon" and not re.search(rf"[:：{DASH}]", norm[: m.start("rest")]):
            return None  # "كتب الرئيس ...", "إعداد الكوادر ..." open sentences unless a colon or dash marks a byline
        rs, re_ = view.raw_span(line.nstart + m.start("rest"), line.nend)
    names = [n.strip(" .،,") for n in re.split(r"\s*(?:،|,|\sو(?=\S))\s*", view.raw[rs:re_]) if n.strip(" .،,")]
    return (role or "author"), names


def is_caption_credit(view: TextView, line: Line) -> bool:
    norm = view.norm[line.nstart : line.nend].strip()
    return len(norm) <= 120 and bool(_credit_re().match(norm))


def span_of(view: TextView, nstart: int, nend: int) -> Span:
    s, e = view.raw_span(nstart, nend)
    return Span(view.raw[s:e], s, e)


def trim(view: TextView, nstart: int, nend: int) -> tuple[int, int]:
    norm = view.norm
    while nstart < nend and (norm[nstart].isspace() or norm[nstart] in _DASHES + ":،,"):
        nstart += 1
    while nend > nstart and norm[nend - 1].isspace():
        nend -= 1
    return nstart, nend


def site_from_url(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url if "//" in url else "//" + url).hostname
    return host or None

"""Input checks and the normalised view of a text.

Matching happens on :attr:`TextView.norm`, a copy of the input with diacritics and tatweel removed, alef, ya
and ta marbuta unified, Arabic-Indic digits made ASCII, Latin capitals lowered and HTML entities decoded.
Every character of the normal form remembers where it came from, so a match on the normal form gives exact
offsets into the input (:meth:`TextView.raw_span`). Output always uses the input's own characters.
"""

from __future__ import annotations

import bisect
import html
import re
from array import array

from attrs import frozen

from arnews.core.memo import word_cache
from arnews.errors import InputError

__all__ = [
    "ARABIC_LETTERS",
    "MAX_CHARS",
    "MAX_CHARS_NER",
    "MAX_CHARS_RULES",
    "SHADDA",
    "TextView",
    "check_input",
    "looks_like_html",
    "normalize",
    "view",
]

#: The longest article arnews parses at all (``Pipeline(max_chars=...)`` may raise the defaults up to it): about a
#: minute and 1.6 GB without the NER model on one core.
MAX_CHARS = 10_000_000
#: The longest article parsed by default without the NER model (about 30 s and 0.8 GB on one core).
MAX_CHARS_RULES = 5_000_000
#: The longest article parsed by default with the NER model (about 40 s and 0.8 GB on one core: the model reads about
#: 50,000 characters a second).
MAX_CHARS_NER = 2_000_000
#: The Arabic letters of the normal form, as a regex character range (hamza to ya).
ARABIC_LETTERS = "\u0621-\u064a"
#: The shadda, which the normal form drops, except where the quote stage marks the name "عليّ" apart from "على"; as
#: written it tells "إليّ" (to me) from "إلى".
SHADDA = "\u0651"

_DELETABLE = (
    "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed"  # harakat and Quranic marks
    "\u200c\u200d\u200e\u200f\u061c\ufeff\u202a-\u202e\u2066-\u2069"  # joiners, bidi controls, BOM
)
# What the normal form deletes or decodes: a run of marks; a run of tatweel that stretches a word (after a letter or a
# mark; standing alone, "القاهرة ـ", it is a dash and stays); an HTML entity. One character class first, then the
# branch of that character (each looks back at the character it took): the regex engine skips to the next such
# character in C, where a pattern that opens with alternatives and a lookbehind is tried at every position (75 -> 9
# microseconds an article).
_SKIP_OR_ENTITY = re.compile(
    rf"[{_DELETABLE}\u0640&]"
    rf"(?:(?<=[{_DELETABLE}])[{_DELETABLE}]*"
    r"|(?<=[\u0620-\u064a\u064b-\u065f\u0670]\u0640)\u0640*"
    r"|(?<=&)(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,30});)"
)
_DELETABLE_RE = re.compile(rf"[{_DELETABLE}]+")

_HTML_HINT = re.compile(r"<(?:!doctype|html|head|body|p|div|br|h[1-6]|article|section|span|a|li|table|meta)\b", re.I)


def looks_like_html(text: str) -> bool:
    """True when the start of ``text`` holds HTML tags (then the pipeline reads it as a web page:
    :func:`arnews.pages.read_page`)."""
    return bool(_HTML_HINT.search(text, 0, 20_000))


_ONE_TO_ONE_MAP = str.maketrans(
    {
        **{c: "ا" for c in "أإآٱ"},
        "ى": "ي",
        "ی": "ي",
        "ة": "ه",
        "ک": "ك",
        **{chr(0x0660 + i): str(i) for i in range(10)},
        **{chr(0x06F0 + i): str(i) for i in range(10)},
        **{chr(ord("A") + i): chr(ord("a") + i) for i in range(26)},
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
    }
)
#: :data:`_ONE_TO_ONE_MAP` as a table indexed by code point, up to the last character it maps (a character beyond
#: the table is left as it is): :meth:`str.translate` reads a list twice as fast as a dictionary; short strings and
#: the short runs of a text are mapped with it (:func:`_one_to_one`).
_ONE_TO_ONE: list[str] = [str(_ONE_TO_ONE_MAP.get(code, chr(code))) for code in range(max(_ONE_TO_ONE_MAP) + 1)]
#: The characters :data:`_ONE_TO_ONE_MAP` changes and what each becomes; none becomes a character of the list, so the
#: replacements may be made one after another in any order (:func:`_one_to_one`).
_CHANGED: tuple[tuple[str, str], ...] = tuple(
    (chr(code), str(to)) for code, to in sorted(_ONE_TO_ONE_MAP.items()) if chr(code) != to
)
_LONG_RUN = 64  # characters from which a run is mapped by replacements rather than by a table
# control characters other than tab, newline and carriage return mark binary input
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def check_input(text: object, max_chars: int = MAX_CHARS) -> str:
    """Return ``text`` if it can be parsed as an article of at most ``max_chars`` characters, else raise
    :class:`~arnews.errors.InputError`."""
    if isinstance(text, (bytes, bytearray, memoryview)):
        raise InputError(
            "parse() takes str; decode bytes first (arnews.io.read_text reads UTF-8 files with or without BOM)"
        )
    if not isinstance(text, str):
        raise InputError(f"parse() takes the article as str, not {type(text).__name__}")
    if len(text) > max_chars:
        raise InputError(
            f"input of {len(text):,} characters is larger than the limit of {max_chars:,}"
            + (f" (max_chars / --max-chars raises it up to {MAX_CHARS:,})" if max_chars < MAX_CHARS else "")
        )
    if "\x00" in text or any(_binary(text[at : at + _CHUNK]) for at in range(0, len(text), _CHUNK)):
        raise InputError("input looks binary (NUL or control characters), not text")
    return text


_CHUNK = 65536  # the binary check reads the whole text, a chunk at a time: binary data after text is found too


def _binary(chunk: str) -> bool:
    """Over a tenth of a chunk (and more than 8 characters) are control characters."""
    return len(_CONTROL.findall(chunk)) > max(8, len(chunk) // 10)


def _decode_entity(entity: str) -> str:
    decoded = html.unescape(entity)
    return " " if decoded == "\u00a0" else decoded


@frozen(eq=False)
class TextView:
    """An input text and its normal form, with the way back from every normal character to the input."""

    raw: str
    norm: str
    _starts: array[int]
    _ends: array[int]

    def raw_start(self, index: int) -> int:
        """The input offset where normal character ``index`` begins (``len(raw)`` at the end)."""
        return self._starts[index] if index < len(self.norm) else len(self.raw)

    def raw_end(self, index: int) -> int:
        """The input offset just after normal character ``index - 1`` (the end of a span ending at ``index``)."""
        return self._ends[index - 1] if index > 0 else 0

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Input offsets of the normal-form span ``[start, end)``."""
        if end <= start:
            pos = self.raw_start(start)
            return pos, pos
        return self._starts[start], self._ends[end - 1]

    def norm_index(self, raw_offset: int) -> int:
        """The first normal character whose source starts at or after ``raw_offset`` (a binary search)."""
        return bisect.bisect_left(self._starts, raw_offset, 0, len(self.norm))


def view(text: str) -> TextView:
    """Build the normalised view of ``text`` in one linear pass.

    >>> v = view("قالَ الرئيسُ إنّ")
    >>> v.norm
    'قال الرئيس ان'
    >>> start = v.norm.index("الرئيس")
    >>> v.raw_span(start, start + len("الرئيس"))
    (5, 12)
    >>> v.raw[5:12]
    'الرئيسُ'
    """
    pattern = _SKIP_OR_ENTITY
    out: list[str] = []
    starts: array[int] = array("q")
    ends: array[int] = array("q")
    pos = 0
    for match in pattern.finditer(text):
        if match.start() > pos:
            out.append(_one_to_one(text[pos : match.start()]))
            starts.extend(_counting(pos, match.start()))
            ends.extend(_counting(pos + 1, match.start() + 1))
        piece = match.group()
        if piece[0] != "&":
            # marks and kashida belong to the character they follow: a span ending there takes them in
            if ends and ends[-1] == match.start():
                ends[-1] = match.end()
        else:
            decoded = _decode_entity(piece).translate(_ONE_TO_ONE)
            if decoded == piece:  # not an entity html knows: keep as it is
                out.append(decoded)
                starts.extend(range(match.start(), match.end()))
                ends.extend(range(match.start() + 1, match.end() + 1))
            else:
                decoded = _DELETABLE_RE.sub("", decoded)
                out.append(decoded)
                starts.extend([match.start()] * len(decoded))
                ends.extend([match.end()] * len(decoded))
        pos = match.end()
    if pos < len(text):
        out.append(_one_to_one(text[pos:]))
        starts.extend(_counting(pos, len(text)))
        ends.extend(_counting(pos + 1, len(text) + 1))
    return TextView(text, "".join(out), starts, ends)


#: The offsets 0, 1, 2, ... of an article of up to 131,072 characters, made once: a run of offsets of the offset
#: map is a slice of it (a copy in C), not a ``range`` read into the array one number at a time.
_OFFSETS = array("q", range(1 << 17))


def _one_to_one(run: str) -> str:
    """``run.translate(_ONE_TO_ONE)``. A long run (an article's text between two marks) is mapped by a search and a
    replacement for each character the table changes, each a loop in C over the run, where :meth:`str.translate`
    looks every character up through Python objects (67 -> 13 microseconds for an article's normal form); a short
    run (a vocalised text has a mark every other character) by the table."""
    if len(run) < _LONG_RUN:
        return run.translate(_ONE_TO_ONE)
    for old, new in _CHANGED:
        if old in run:
            run = run.replace(old, new)
    return run


def _counting(start: int, stop: int) -> array[int] | range:
    """The offsets ``start`` to ``stop - 1``, for :meth:`array.extend`."""
    return _OFFSETS[start:stop] if stop <= len(_OFFSETS) else range(start, stop)


@word_cache(65536)
def normalize(text: str) -> str:
    """The normal form of a short string (a lexicon entry, a name): the same rules as :func:`view`.

    >>> normalize("إِنَّ"), normalize("مدرسةٌ"), normalize("٢٠٢٤")
    ('ان', 'مدرسه', '2024')
    """
    if "&" in text or "\u0640" in text:  # entities and tatweel: the full pass decides
        return view(text).norm
    return _DELETABLE_RE.sub("", text).translate(_ONE_TO_ONE)  # the same result without the offset arrays

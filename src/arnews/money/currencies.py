"""Currency words, symbols and country adjectives, read from the lexicons and resolved to ISO 4217 codes.

``currencies.tsv`` lists every written form (singular, dual, plural, definite, accusative, symbols and
abbreviations) with its base word and the code of the bare word; ``currency_adjectives.tsv`` lists the country
adjectives that decide the code ("دينار كويتي"), each in one singular form: :func:`adjective_forms` derives the
feminine, plural, dual and accusative forms by rule, so "دنانير أردنية" and "ليرات سورية" agree too;
``currency_countries.tsv`` the places whose mention near a bare word decides it ("دينار" in an article about Amman
is JOD).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from attrs import frozen

from arnews.core.lexicons import load_set, load_table
from arnews.core.regexes import alternation, proclitic
from arnews.core.text import normalize
from arnews.core.tokens import Token, tokenize

__all__ = [
    "CurrencyMatch",
    "adjective_forms",
    "any_currency",
    "code_from_context",
    "currency_in_tokens",
    "match_currency",
    "symbol_before",
]

#: How far (in normal-form characters) to look for a country that decides a bare currency word.
CONTEXT_CHARS = 400


@frozen
class CurrencyMatch:
    """A currency written at ``norm[start:end]`` (adjective included); ``base`` ties it to its family."""

    start: int
    end: int
    base: str
    code: str
    definite: bool
    decided: bool  # an adjective or symbol fixed the code; False for a bare word


@lru_cache(maxsize=1)
def _forms() -> dict[str, tuple[str, str]]:
    return {_key(normalize(form)): (normalize(base), code) for form, base, code in load_table("currencies")}


@lru_cache(maxsize=1)
def _after_re() -> re.Pattern[str]:
    # the currency after a number: "دولار", "من الدولارات" (after a vague count), "ر.س"
    return re.compile(rf"\s*(?P<of>من\s+)?(?P<cur>{alternation(list(_forms()))})(?![\w])")


def _key(text: str) -> str:
    """A matched phrase as the tables key it: white space runs made one space."""
    return " ".join(text.split())


#: The endings a nisba adjective takes after its stem (the masculine singular, ending in ي): feminine singular or
#: non-human plural ("ليرات سورية"), accusative, sound plural or dual ("دينارين أردنيين", "ديناران أردنيان") and
#: feminine dual ("ليرتين سوريتين"), in the normal form (ة -> ه).
_NISBA_ENDINGS = ("", "ه", "ا", "ين", "ان", "تين", "تان")


def adjective_forms(adjective: str) -> frozenset[str]:
    """Every written form of a country adjective given in the masculine or feminine singular (normal form out).

    >>> sorted(adjective_forms("أردني"))
    ['اردني', 'اردنيا', 'اردنيان', 'اردنيتان', 'اردنيتين', 'اردنيه', 'اردنيين']
    """
    form = _key(normalize(adjective))
    stem = form[:-1] if form.endswith("يه") else form
    if not stem.endswith("ي"):
        return frozenset({form})
    return frozenset(stem + ending for ending in _NISBA_ENDINGS)


@lru_cache(maxsize=1)
def _adjectives() -> dict[str, tuple[re.Pattern[str], dict[str, str]]]:
    by_base: dict[str, dict[str, str]] = {}
    for base, adjective, code in load_table("currency_adjectives"):
        for form in adjective_forms(adjective):
            by_base.setdefault(normalize(base), {})[form] = code
    return {
        base: (re.compile(rf"\s+(?:ال)?(?P<adj>{alternation(list(adjs))})(?![\w])"), adjs)
        for base, adjs in by_base.items()
    }


@lru_cache(maxsize=1)
def _countries() -> dict[str, tuple[re.Pattern[str], dict[str, str]]]:
    by_base: dict[str, dict[str, str]] = {}
    for base, place, code in load_table("currency_countries"):
        by_base.setdefault(normalize(base), {})[_key(normalize(place))] = code
    return {
        base: (re.compile(rf"(?<![\w]){proclitic()}(?P<place>{alternation(list(places))})(?![\w])"), places)
        for base, places in by_base.items()
    }


@lru_cache(maxsize=1)
def _not_after_re() -> re.Pattern[str]:
    return re.compile(rf"\s+(?:{alternation(load_set('currency_not_after'))})(?![\w])")


@lru_cache(maxsize=1)
def _symbol_re() -> re.Pattern[str]:
    symbols = [form for form in _forms() if not re.search(r"[\w]", form) or "$" in form]
    return re.compile(rf"(?P<sym>{alternation(symbols)})\s?$")


@lru_cache(maxsize=1)
def _any_re() -> re.Pattern[str]:
    return re.compile(rf"(?<![^\W\d_])(?:{alternation(list(_forms()))})(?![^\W\d_])")


def any_currency(norm: str, start: int = 0, end: int | None = None) -> bool:
    """Whether ``norm[start:end]`` holds any currency word or symbol (a cheap test before reading numbers)."""
    return _any_re().search(norm, start, len(norm) if end is None else end) is not None


@lru_cache(maxsize=1)
def _first_tokens() -> tuple[frozenset[str], tuple[str, ...]]:
    """The first token of every currency form: a word's or a symbol's text ("دولار", "ر" of "ر.س", "$"), and
    apart the Latin ones ("usd", "us" of "us$"), which a Latin token of the text only begins ("usd1")."""
    firsts = [tokenize(form)[0] for form in _forms()]
    return (
        frozenset(t.text for t in firsts if t.kind != "latin"),
        tuple(sorted({t.text for t in firsts if t.kind == "latin"})),
    )


def currency_in_tokens(tokens: Sequence[Token]) -> bool:
    """Whether some token may begin a currency form: true wherever :func:`any_currency` is true of the range the
    tokens cover (a form the pattern finds begins a token, no letter before it, and its first token is the text's;
    a Latin form's only begins the text's, digits may follow it), read from the tokens the stages share instead of
    searching the text again. True of a few ranges the pattern passes over ("ـدولار": a letter before the form)."""
    words, latin = _first_tokens()
    for tok in tokens:  # noqa: SIM110 (a loop, not a generator, in the compiled build)
        if tok.text in words or (tok.kind == "latin" and tok.text.startswith(latin)):
            return True
    return False


def match_currency(norm: str, pos: int, *, vague: bool) -> CurrencyMatch | None:
    """The currency written right after ``pos`` (an amount's end), with its adjective, or None."""
    m = _after_re().match(norm, pos)
    if m is None:
        return None
    form = m.group("cur")
    definite = form.startswith("ال")
    if (definite or m.group("of")) and not vague:
        return None  # "ملايين الدولارات" but not "5 الدولار"
    if _not_after_re().match(norm, m.end()):
        return None
    base, code = _forms()[_key(form)]
    end, decided = m.end(), not re.fullmatch(r"[\u0621-\u064a]+", form)
    adjectives = _adjectives().get(base)
    if adjectives is not None:
        adj = adjectives[0].match(norm, end)
        if adj is not None:
            code, end, decided = adjectives[1][_key(adj.group("adj"))], adj.end(), True
    return CurrencyMatch(m.start("cur"), end, base, code, definite, decided)


def symbol_before(norm: str, pos: int) -> CurrencyMatch | None:
    """A currency symbol written just before an amount ("$15 مليون", "US$ 5")."""
    window = norm[max(0, pos - 6) : pos]
    m = _symbol_re().search(window)
    if m is None:
        return None
    base, code = _forms()[_key(m.group("sym"))]
    start = pos - len(window) + m.start("sym")
    return CurrencyMatch(start, start + len(m.group("sym")), base, code, False, True)


def code_from_context(norm: str, currency: CurrencyMatch) -> str:
    """The code of a bare currency word, decided by the nearest country named around it, else its default."""
    if currency.decided:
        return currency.code
    places = _countries().get(currency.base)
    if places is None:
        return currency.code
    lo = max(0, currency.start - CONTEXT_CHARS)
    hi = min(len(norm), currency.end + CONTEXT_CHARS)
    best: tuple[int, str] | None = None
    for m in places[0].finditer(norm, lo, hi):
        distance = min(abs(m.start() - currency.start), abs(m.end() - currency.end))
        if best is None or distance < best[0]:
            best = (distance, places[1][_key(m.group("place"))])
    return best[1] if best is not None else currency.code

"""Word lists and tables that rules match against, read from ``arnews/data/lexicons/<lang>/``.

A list file holds one entry a line; a table file holds tab-separated columns. ``#`` starts a comment, blank
lines are skipped. Entries are returned as written; callers normalise them with :func:`arnews.core.text.normalize`.

The names of the lists (:data:`ListName`) and tables (:data:`TableName`) are typed, so that a misspelt name is a
type error, and the tables that several stages read are decoded here once, into typed rows: :func:`titles` and
:func:`known_names`.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Literal, get_args

from attrs import frozen

from arnews.models import ENTITY_KINDS, EntityKind

__all__ = [
    "LIST_NAMES",
    "TABLE_NAMES",
    "KnownName",
    "ListName",
    "TableName",
    "Title",
    "TitleKind",
    "known_names",
    "load_list",
    "load_set",
    "load_table",
    "titles",
]

#: Every word list (``<name>.txt``).
ListName = Literal[
    "addressing_verbs", "auxiliary_verbs",
    "abbreviations", "according_to", "anonymous_sources", "attribution_links", "audience_nouns", "author_professions",
    "aide_titles",
    "bare_state_heads", "beneficiary_nouns", "byline_tasks", "charity_words", "claim_nouns", "common_words",
    "clause_openers", "complementizers", "country_names",
    "currency_not_after", "data_sources",
    "date_word_names", "dateline_desks", "day_words",
    "demonstratives", "document_issuers", "document_openers", "donation_blockers",
    "donation_context", "donation_goods", "donation_name_stops", "donation_not_recipients", "donation_projects",
    "donation_values", "first_names", "future_cues", "god_names", "governing_prepositions", "honorifics",
    "idiom_objects",
    "first_person_reflexives",
    "first_person_speech", "imperfect_verbs", "impersonal_reports", "initial_letters", "lam_governors",
    "institution_heads", "interview_nouns", "kin_after_link", "kinship_nouns", "loan_statements", "locative_words",
    "manner_nouns", "media_heads", "memoir_nouns",
    "name_breaks", "narration_conjunctions",
    "name_links",
    "name_prepositions",
    "name_speech_verbs",
    "name_stop", "nationalities", "naming_words", "nisba", "not_name_adjectives", "not_organizers", "not_places",
    "not_speakers",
    "noun_prepositions", "org_suffixes", "own_words_nouns",
    "organisation_heads", "organizer_nouns", "participant_cues", "person_naming_words", "personal_pronouns",
    "photo_credit_labels",
    "place_heads", "cause_conjunctions", "list_pointers",
    "place_name_heads",
    "possessive_suffixes", "predicate_words", "principal_titles",
    "prophet_titles", "publishing_verbs", "quantity_words", "quote_lead_ins",
    "relative_pronouns", "religious_formulas", "rule_nouns",
    "relay_idioms", "royal_titles", "source_verbs",
    "speaker_phrase_tails", "speech_auxiliaries", "speech_clause_links", "speech_stopwords", "stance_nouns",
    "statement_carriers", "statement_verbs",
    "statement_modifiers", "subordinators", "telling_verbs",
    "statement_nouns", "time_conjunctions", "title_modifiers", "title_portfolios", "title_prepositions",
    "utterance_nouns",
    "topic_prepositions",
    "verb_particles",
    "van_particles", "weak_institution_heads", "work_nouns", "work_plurals",
]  # fmt: skip
#: Every table (``<name>.tsv``).
TableName = Literal[
    "agencies", "bylines", "clock_hours", "credit_lines", "clock_minutes", "cue_complements", "cue_verbs",
    "currencies", "currency_adjectives", "currency_countries", "date_modifiers", "date_units", "day_parts",
    "donation_frames", "donation_triggers", "furniture", "known_names", "letter_names", "months",
    "named_after_heads", "narration_verbs", "narrow_cues", "number_words", "ordinal_words", "org_heads", "outlets",
    "qualifiers",
    "quote_marks",
    "honorific_ranks", "relative_dates", "relay_verbs", "sacred_formulas", "source_notes", "titles", "translators",
    "weekdays",
]  # fmt: skip
LIST_NAMES: tuple[str, ...] = get_args(ListName)
TABLE_NAMES: tuple[str, ...] = get_args(TableName)

#: What a title row is: an office or rank, an occupation, a title that also heads a non-person or is a given
#: name, a description of who speaks ("المواطن"), or an abbreviation written with a dot.
TitleKind = Literal["title", "role", "ambiguous", "description", "abbrev", "sole"]
_TITLE_KINDS: tuple[str, ...] = get_args(TitleKind)


def _lines(name: str, lang: str) -> list[str]:
    path = resources.files("arnews").joinpath(f"data/lexicons/{lang}/{name}")
    try:
        content = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise FileNotFoundError(f"arnews has no lexicon {lang}/{name}") from None
    rows = []
    for raw in content.splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if line.strip():
            rows.append(line)
    return rows


@cache
def load_list(name: ListName, lang: str = "ar") -> tuple[str, ...]:
    """The entries of list ``<name>.txt`` (stripped), in file order.

    >>> "مصدر" in load_list("anonymous_sources")
    True
    """
    return tuple(line.strip() for line in _lines(f"{name}.txt", lang))


@cache
def load_table(name: TableName, lang: str = "ar") -> tuple[tuple[str, ...], ...]:
    """The rows of table ``<name>.tsv``, each a tuple of stripped cells.

    >>> ("دولار", "دولار", "USD") in load_table("currencies")
    True
    """
    return tuple(tuple(cell.strip() for cell in line.split("\t")) for line in _lines(f"{name}.tsv", lang))


@cache
def load_set(name: ListName, lang: str = "ar") -> frozenset[str]:
    """The entries of list ``<name>.txt`` in their normal form (:func:`arnews.core.text.normalize`), for membership
    tests.

    >>> "مصدر" in load_set("anonymous_sources")
    True
    """
    from arnews.core.text import normalize

    return frozenset(normalize(entry) for entry in load_list(name, lang))


@frozen
class Title:
    """A row of ``titles.tsv``: a title as written, its words in normal form, and its kind."""

    text: str
    words: tuple[str, ...]
    kind: TitleKind


@cache
def titles() -> tuple[Title, ...]:
    """The one title table (``titles.tsv``), in file order. The linker reads the titles, roles and abbreviations
    before names it links; speaker phrases read the first word of every row; the sentence splitter reads the
    abbreviations.

    >>> next(t for t in titles() if t.text == "وزير الخارجية").words
    ('وزير', 'الخارجيه')
    """
    from arnews.core.text import normalize

    rows = []
    for row in load_table("titles"):
        kind = row[1] if len(row) > 1 else "title"
        if kind not in _TITLE_KINDS:
            raise ValueError(f"titles.tsv: {row[0]!r} has kind {kind!r}, not one of {_TITLE_KINDS}")
        rows.append(Title(row[0], tuple(normalize(row[0]).split()), kind))  # type: ignore[arg-type]
    return tuple(rows)


@frozen
class KnownName:
    """A row of ``known_names.tsv``: a place, organisation or person the package knows without a KB entry."""

    text: str
    kind: EntityKind


@cache
def known_names() -> tuple[KnownName, ...]:
    """The names of ``known_names.tsv``, as written (each reader keys them its own way), in file order."""
    rows = []
    for row in load_table("known_names"):
        kind = row[1] if len(row) > 1 else ""
        if kind not in ENTITY_KINDS:
            raise ValueError(f"known_names.tsv: {row[0]!r} has type {kind!r}, not one of {sorted(ENTITY_KINDS)}")
        rows.append(KnownName(row[0], kind))  # type: ignore[arg-type]
    return tuple(rows)

"""Whether an attribution inside reported words names where they come from ("بحسب مصادر الوزارة"), or only a rule
the clause goes by ("بحسب العقد الأول")."""

from __future__ import annotations

from collections.abc import Sequence

from arnews.core import cue_verbs, grammar
from arnews.core.grammar import Tok
from arnews.core.lexicons import load_set
from arnews.quotes import frames
from arnews.quotes.reading import Reading

__all__ = ["names_source"]


#: What an attribution inside the reported words may name to be their source (besides a person or body found).
_SOURCE_LEXICONS = (
    "anonymous_sources",
    "institution_heads",
    "organisation_heads",
    "statement_nouns",
    "statement_carriers",
    "claim_nouns",
    "data_sources",
)


def names_source(ctx: Reading, toks: Sequence[Tok], source: frames.Source) -> bool:
    """Whether an attribution inside the reported clause names where words come from: after "بحسب ما قال" (a cue
    verb) or "بحسب ما جاء" (``source_verbs.txt``), or a person or body the entity stage found, an anonymous source, an
    institution, a body's head, a statement, figures, a study or a title ("وفقا لمصادر"، "حسب الوكالة"، "بحسب
    إحصائيات الوزارة"); not a rule or a schedule the clause goes by ("بحسب العقد الأول"، "حسب جدول يومي")."""
    if source.start > 0 and cue_verbs.cue_of(toks[source.start - 1][2]) is not None:
        return True
    word = toks[source.start][2][source.skip :]
    nxt = toks[source.start + 1][2] if source.start + 1 < len(toks) else ""
    if word in ("ما", "لما") and nxt in load_set("source_verbs"):
        return True  # "بحسب ما جاء على لسان ..."، "وفقا لما ورد في التقرير"
    if grammar.is_title(word) or any(grammar.in_lexicon(word, load_set(name)) for name in _SOURCE_LEXICONS):
        return True
    entity = ctx.entity_index.covering(ctx.view.raw_span(*source.span(toks)))
    return entity is not None and entity.type in ("PER", "ORG")

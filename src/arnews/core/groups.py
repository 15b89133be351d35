"""Words of quantity and the groups they count, as the speaker grammar reads them: "بعض المساجين"، "أحد الدبلوماسيين
الغربيين"، "بعض السياسيين والإداريين" (one anonymous source)."""

from __future__ import annotations

from arnews.core.grammar import has_article, is_stop, is_title
from arnews.core.lexicons import load_set

__all__ = ["goes_on", "group_noun", "quantity_word"]

_RELATION = ("ي", "يه", "يين", "يون", "يات")  # the endings of an adjective of relation (نسبة), normal form


def quantity_word(word: str) -> bool:
    """A word of quantity that may stand before a group ("بعض"، "معظم"، "أربعة"), not a demonstrative."""
    return word in load_set("quantity_words") and word not in load_set("demonstratives")


def group_noun(word: str) -> bool:
    """A definite noun that may name a group of people after a word of quantity ("بعض المساجين"): not a stop
    word (nor a verb of saying, which ends a name too), a title or a word that never speaks ("بعض الوقت")."""
    return has_article(word) and not is_stop(word) and not is_title(word) and word not in load_set("not_speakers")


def goes_on(word: str) -> bool:
    """Whether ``word`` goes on a group's phrase: a group's noun coordinated with و ("والإداريين"), or a definite
    adjective of relation ("الغربيين"، "الأمنية"; not a participle with its complement, "أحد الحشد البالغ عددهم")."""
    if word[:1] == "و" and group_noun(word[1:]):
        return True
    return word.startswith("ال") and len(word) > 4 and word.endswith(_RELATION) and group_noun(word)

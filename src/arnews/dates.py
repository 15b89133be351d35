"""Date expressions resolved against the publication date."""

from __future__ import annotations

import datetime as _dt

from arnews.models import DateMention
from arnews.parser import Structure
from arnews.text import TextView

__all__ = ["extract_dates"]


def extract_dates(view: TextView, structure: Structure, anchor: _dt.datetime | None) -> tuple[DateMention, ...]:
    """Every date expression of the article. Not built yet: returns none."""
    return ()

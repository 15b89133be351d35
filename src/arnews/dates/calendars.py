"""The Hijri calendar (tabular arithmetic, a day either way of the calendar in use) beside the Gregorian."""

from __future__ import annotations

import datetime as _dt
from typing import Literal

Calendar = Literal["gregorian", "hijri"]

# --- the tabular Islamic calendar --------------------------------------------------------------------------

_HIJRI_EPOCH_ORDINAL = _dt.date(622, 7, 19).toordinal() - 1  # 1 Muharram 1 AH (Julian 16 July 622) is ordinal +1
HIJRI_EPOCH = _dt.date.fromordinal(_HIJRI_EPOCH_ORDINAL + 1)


def hijri_to_gregorian(year: int, month: int, day: int) -> _dt.date:
    """The Gregorian date of a Hijri date by the tabular Islamic calendar (may differ from Umm al-Qura by 1 day)."""
    if not (1 <= month <= 12 and 1 <= day <= 30 and year >= 1):
        raise ValueError(f"no Hijri date {year}-{month}-{day}")
    days = day + (59 * (month - 1) + 1) // 2 + 354 * (year - 1) + (3 + 11 * year) // 30
    return _dt.date.fromordinal(_HIJRI_EPOCH_ORDINAL + days)


def gregorian_to_hijri(date: _dt.date) -> tuple[int, int, int]:
    """The tabular Hijri (year, month, day) of a Gregorian date: the inverse of :func:`hijri_to_gregorian`."""
    days = date.toordinal() - _HIJRI_EPOCH_ORDINAL
    year = (30 * days + 10646) // 10631
    while year > 1 and hijri_to_gregorian(year, 1, 1) > date:
        year -= 1
    while hijri_to_gregorian(year + 1, 1, 1) <= date:
        year += 1
    month = 12
    while month > 1 and hijri_to_gregorian(year, month, 1) > date:
        month -= 1
    return year, month, (date - hijri_to_gregorian(year, month, 1)).days + 1

"""Date expressions resolved against the publication date.

:func:`extract_dates` finds date expressions in the article's text regions by rules over the normal form
(every word list is a data file under ``data/lexicons/ar/``), reports exact input spans, and resolves each to an
ISO 8601 ``value``:

- absolute dates: "25 يوليو 2024", "23 يوليو/تموز 2024", "31 ديسمبر (كانون الأول) عام 2012", "2024-07-29",
  "29/7/2024" (day first, month first only where day first is impossible), "20 آب (أغسطس)" (no year: the
  occurrence nearest the publication date);
- ordinal days: "الخامس من يوليو 2024", "الحادي والعشرين من مايو" (ordinals and counts in words are read by
  :mod:`arnews.core.numbers`);
- months and years: "يوليو 2024", "عام 2020", "2015م", "1436هـ" (the first day of the period: the value has day
  precision, the expression does not). A bare year is Gregorian ("عام 1453"); it is Hijri with a Hijri marker or
  month, or in a Hijri context (the article writes Hijri dates, or no modern Gregorian year) when the year lies
  in the era of the publication date's Hijri year (:data:`HIJRI_ERA_BEFORE`, :data:`HIJRI_ERA_AFTER`);
- Hijri dates ("06 شوال 1436 هـ"): ``calendar="hijri"``, value converted to Gregorian with the tabular
  (arithmetic) Islamic calendar, which can differ from Umm al-Qura or a sighted month by one day;
- weekdays: "يوم الجمعة" is the nearest Friday on or before the publication date, or on or after it when the
  sentence speaks of the future ("من المقرر", "سوف", "ستعقد"); "السبت الماضي" is strictly before it and
  "الخميس المقبل" strictly after it;
- relative expressions: "أمس", "أمس الأول", "اليوم", "غدا", "الأسبوع الماضي" (publication date - 7 days),
  "الشهر الماضي" (- 1 month), "العام الماضي" (- 1 year), "منذ ثلاثة أيام", "قبل يومين"; resolved by
  calendar arithmetic from the publication date, with the shifts ``dateparser`` reads in the forms it reads
  whole (``RELATIVE_BASE`` = publication date, ``PREFER_DATES_FROM="past"``, Arabic; a test holds the lexicon
  to it);
- a clock time next to a day ("في الساعة الخامسة صباحًا يوم الثلاثاء الماضي") makes the value a date-time.

Without a publication date (no ``doc.anchor``) every expression that needs one (relative words, weekdays, a day
and month without a year) gets ``value=None``: values never depend on the machine's clock.
Ages ("63 عاما"), durations ("خلال 24 ساعة", "20 دقيقة") and "عام" meaning "general" are not dates.
"""

from __future__ import annotations

from arnews.dates.calendars import gregorian_to_hijri, hijri_to_gregorian
from arnews.dates.extract import extract_dates, extract_with_forms, read_date

__all__ = ["extract_dates", "extract_with_forms", "gregorian_to_hijri", "hijri_to_gregorian", "read_date"]

"""One donation per gift: the same amount stated again (a headline repeating the body, a recap) is one donation."""

from __future__ import annotations

from attrs import evolve

from arnews.models import Donation

__all__ = ["one_per_gift"]


def one_per_gift(found: list[tuple[Donation, int, int]], *, title_end: int, guessed: set[int]) -> tuple[Donation, ...]:
    """One donation per gift: the same value and currency stated again (the headline repeating the body, a
    recap) is the donation already found, its evidence in the body; a role the headline names and the body
    leaves to a guess comes from the headline ("65 مليون دولار من الولايات المتحدة لبرنامج الغذاء العالمي")."""
    title: dict[tuple[object, str], tuple[Donation, int]] = {}
    for donation, start, _end in found:
        if start < title_end:
            title.setdefault((donation.amount.value, donation.amount.currency), (donation, start))
    body: dict[tuple[object, str], Donation] = {}
    for donation, start, _end in found:
        key = (donation.amount.value, donation.amount.currency)
        if start < title_end or key in body:
            continue
        head = title.get(key)
        named = head is not None and head[0].recipient is not None and head[1] not in guessed
        if head is not None and named and (donation.recipient is None or start in guessed):
            body[key] = evolve(donation, recipient=head[0].recipient)
        else:
            body[key] = donation
    kept: list[Donation] = []
    seen: set[tuple[object, str]] = set()
    for donation, _start, _end in found:
        key = (donation.amount.value, donation.amount.currency)
        if key in seen:
            continue
        seen.add(key)
        kept.append(body.get(key, donation))
    return tuple(kept)

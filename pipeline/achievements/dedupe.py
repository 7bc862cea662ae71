"""A result the title or the lead repeats is one result: news puts its main figure in the headline
and the opening paragraph, then reports it again in the body ("LĐLĐ tỉnh trao 765 triệu đồng ...").
Counting each place would double the totals an analyst adds up. The body's mention is kept (it
has the fullest clause) and lists the others in `mentions`. Two equal figures inside the body are
two results ("3 Bằng khen" for one unit and "3 Bằng khen" for another) and stay apart.
"""

from __future__ import annotations

import json

from ..core.hashing import sha256
from ..output.models import Achievement, Figure


def _key(a: Achievement, qualified: bool = False) -> tuple[object, ...]:
    key = (a.category, a.value, a.unit, a.organization)
    return (*key, a.qualifier) if qualified else key


def merge_repeats(
    achievements: list[Achievement], title_end: int, lead_end: int, others: list[Figure]
) -> list[int]:
    """Indexes of the achievements to keep; a kept one lists the repeats it absorbed in `mentions`.

    A figure in the title merges into the first later one with the same category, value, unit and
    organisation; a figure in the lead paragraph into the first one after the lead that also has
    its qualifier (a headline drops "hơn", a lead keeps it: "70 triệu đồng" to one body in the
    lead and "hơn 70 triệu đồng" to another in the body are two results). A figure in
    the title or lead that the body reports as a plan, a stock or another actor's is read as the
    body reads it ("800 hồ sơ khởi kiện ... bị treo": the social-insurance agency's files)."""
    dropped: set[int] = set()
    # What the body reports after each zone, looked up, not scanned for every figure of the zone
    # (a text on one line is all lead: a scan made the cost grow with the square of it).
    body_others = {
        zone_end: {(f.value, f.unit) for f in others if f.evidence.start >= zone_end}
        for zone_end in (title_end, lead_end)
    }
    for i, a in enumerate(achievements):
        zone_end = title_end if a.evidence.start < title_end else lead_end
        if a.evidence.start < zone_end and (a.value, a.unit) in body_others[zone_end]:
            dropped.add(i)
    for zone_end, qualified in ((title_end, False), (lead_end, True)):
        # The first figure after the zone with each key. Only figures inside the zone are dropped
        # while it is read, so this stays true through the pass.
        first_after: dict[tuple[object, ...], int] = {}
        for j, b in enumerate(achievements):
            if j not in dropped and b.evidence.start >= zone_end:
                first_after.setdefault(_key(b, qualified), j)
        for i, a in enumerate(achievements):
            if i in dropped or a.evidence.start >= zone_end or a.value is None:
                continue
            later = first_after.get(_key(a, qualified))
            if later is not None:
                achievements[later].mentions.append(a.evidence)
                achievements[later].mentions.extend(a.mentions)
                dropped.add(i)
    return [i for i in range(len(achievements)) if i not in dropped]


def fact_id(a: Achievement) -> str | None:
    """One id for one result however many articles report it: the same organisation, category,
    value, unit and time give the same id, so a batch can count the result once."""
    if a.value is None:
        return None
    period = [a.period.start, a.period.end] if a.period else None
    key = [a.organization, a.category, a.value, a.unit_normalized or a.unit, a.as_of, period]
    return sha256(json.dumps(key, ensure_ascii=False))[:16]

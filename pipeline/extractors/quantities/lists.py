"""Figures in a list share what the last of them names: "45, 40 và 35 USD", "tăng 10, 15 và
20%", "kết nạp 30, 40 và 50 đoàn viên". A figure with nothing after it, joined to the next figure
by a comma, "và" or "hoặc" (`list_joiners` in numbers.yaml), is of the next one's kind and unit,
which that one may have from the figure after it; a scale word at the end applies to every
figure written without one ("2, 3 và 5 triệu đồng": two million, three million). So is a part
written against its whole, no greater than it: "kết nạp 3.500/4.000 đoàn viên" (`part_of`)."""

from __future__ import annotations

from decimal import Decimal

import regex

from ...output.models import Quantity
from ..numbers.reader import as_number, scale_factor, written_value


def shared_units(text: str, found: list[Quantity], gap: regex.Pattern[str]) -> list[Quantity]:
    """`found` (in text order) with each bare count in a list given what the list's last figure
    names; the rest unchanged. `gap`: what may stand between two figures of a list."""
    out = list(found)
    for i in range(len(out) - 2, -1, -1):  # from the end: the unit travels back along the list
        q, after = out[i], out[i + 1]
        if q.kind != "count" or q.unit is not None or (after.kind == "count" and after.unit is None):
            continue
        if q.end > after.start or (
            gap.fullmatch(text, q.end, after.start) is None and not part_of(text, q, after)
        ):
            continue
        value = Decimal(str(q.value))
        if written_value(q.text) == value:  # no scale word of its own: the last figure's applies
            value *= _scale(after)
        shared = {"kind": after.kind, "unit": after.unit, "per": after.per, "value": as_number(value)}
        out[i] = Quantity.model_validate(q.model_dump() | shared)  # validated, as every quantity is
    return out


def _scale(q: Quantity) -> Decimal:
    """The factor a scale word gives the quantity ("5 triệu đồng": a million), else 1."""
    factor = abs(scale_factor(q.text, Decimal(str(q.value))))
    return factor if factor >= 1000 and factor == factor.to_integral_value() else Decimal(1)


def part_of(text: str, part: Quantity, whole: Quantity) -> bool:
    """`part`, a bare figure, written right against `whole`, a count, with a slash, and no greater:
    "3.500/4.000 đoàn viên", "45/50 CĐCS" (not "19.260 CĐCS/21.148 đơn vị", two counts of their
    own; not "1/2 triệu đồng", half a million; "1/3" has no unit after it and is a fraction)."""
    return (
        whole.kind == "count"
        and part.end + 1 == whole.start
        and not any(ch.isalpha() for ch in part.text)
        and text[part.end] == "/"
        and part.value <= whole.value
    )

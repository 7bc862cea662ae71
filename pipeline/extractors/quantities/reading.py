"""What stands around one figure: a currency, a percent sign, a plan word or a counted noun to its
right (`read_right`), a qualifier to its left ("gần", "hơn", "ít nhất"), and whether a number in
words counts something."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from ...core.patterns import quoted
from ..numbers.reader import Number
from .vocabulary import Vocabulary, vocabulary


@dataclass
class Reading:
    """What is around one figure."""

    kind: str
    end: int
    unit: str | None
    canonical_unit: str | None
    per: str | None = None


def read_right(text: str, n: Number, voc: Vocabulary) -> Reading | None:
    """Money, percent, plan, unit or nothing after the figure; None when it is not a quantity."""
    pos = n.end
    if (m := voc.currency.match(text, pos)) is not None:
        return money(text, m.end(), voc.currency_code[m.group(1)], voc)
    if (m := voc.percent.match(text, pos)) is not None:
        return Reading("percent", m.end(), "%", "%")
    if (m := voc.plan.match(text, pos)) is not None and after_reach(text, n.start):
        return Reading("percent", m.end(), "%", "%")
    m = voc.unit.match(text, pos)
    if (time := voc.not_quantity.match(text, pos)) is not None and (m is None or m.end() <= time.end()):
        return None  # "3 buổi" is a time; "45 buổi đối thoại", a longer counted noun, are not
    if m is not None:
        return Reading("count", m.end(), m.group(1), voc.unit_canonical[m.group(1)])
    return Reading("count", pos, None, None)


def names_what(reading: Reading | None) -> bool:
    """The figure is followed by what it is: money, a percentage or a counted noun."""
    return reading is not None and (reading.kind != "count" or reading.unit is not None)


def counts_something(text: str, n: Number, voc: Vocabulary) -> bool:
    """A number in words is a quantity before a unit, a currency or a percent sign, or, written in
    lower case, before a noun ("hai bên", "hai cách"); see `words_alone_not_counts` in units.yaml."""
    reading = read_right(text, n, voc)
    if names_what(reading):
        return True
    written = text[n.start : n.end]
    return (
        reading is not None
        and written.islower()
        and written not in voc.words_alone_not_counts
        and not voc.idioms.match(text, n.start)
        and not quoted(text, max(text.rfind("\n", 0, n.start) + 1, n.start - 200), n.start)
        and voc.noun_after.match(text, n.end) is not None
    )


def after_reach(text: str, start: int) -> bool:
    """'đạt 116,3 kế hoạch': a plan word makes a percentage only after 'đạt' or 'vượt'."""
    return _reach_before().search(text, max(0, start - 30), start) is not None


@cache
def _reach_before() -> regex.Pattern[str]:
    return regex.compile(vocabulary().reach + r"\s+(?:\p{L}+\s+){0,2}$")


def qualifier(text: str, start: int, voc: Vocabulary) -> tuple[str, int]:
    left = text[max(0, start - 16) : start]
    stripped = left.rstrip()
    # The pattern ends in a qualifier's last word and spaces: most figures, with neither before
    # them, are spared its search.
    if len(stripped) == len(left) or not stripped.casefold().endswith(voc.qualifier_ends):
        return "exact", start
    m = voc.qualifier.search(left)
    if m is None:
        return "exact", start
    return voc.qualifier_kind[m.group(1).lower()], start - (len(left) - m.start(1))


def money(text: str, end: int, code: str, voc: Vocabulary) -> Reading:
    """Money in `code` read up to `end`, with what it is paid per ("15 triệu đồng/m2")."""
    per = None
    if text.startswith("/", end) and (p := voc.per.match(text, end)) is not None:
        per, end = p.group(1), p.end()
    return Reading("money", end, code, code, per)

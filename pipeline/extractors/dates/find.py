"""Every date rule's matches near a digit, before overlaps are settled, and the days a list
adds after a date ("nhân dịp ngày 20.10, 8.3…")."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import regex

from ...core.spans import REACH, near_digits
from .resolve import DateMatch, day
from .rule import END, SEP, D, M, Rule, Y
from .rules import date_rules

# A day and month listed after a date, ending the list or followed by another item.
_NEXT_IN_LIST = regex.compile(
    r"\s*(?:,|;|và)\s*(?<![\d.,])"
    + D
    + SEP
    + M
    + r"(?:"
    + SEP
    + Y
    + r")?"
    + END
    + r"(?=\s*(?:[,.;:…)!?]|và\s|$))"
)


def _listed_after(text: str, pos: int) -> Iterator[DateMatch]:
    """ "nhân dịp ngày 20.10, 8.3…": the days listed after a date are dates too, licensed by it."""
    while (m := _NEXT_IN_LIST.match(text, pos)) is not None:
        y = int(m.group("y")) if m.group("y") else None
        value = day(y, int(m.group("m")), int(m.group("d")))
        if value is None:
            return
        yield DateMatch(m.start("d"), m.end(), value, "date_list")
        pos = m.end()


def find_dates(text: str) -> Iterator[DateMatch]:
    """Every match of every rule (near a digit, unless it needs none), before overlaps are settled."""
    lower = text.lower()
    stretches: list[tuple[Rule, Sequence[tuple[int, int]]]]
    stretches = [(rule, ((0, len(text)),)) for rule in date_rules() if rule.anywhere]
    stretches += [(rule, near_digits(text)) for rule in date_rules() if not rule.anywhere]
    for rule, spans in stretches:
        if rule.needs and not any(word in lower for word in rule.needs):
            continue
        for s, e in spans:
            for m in rule.pattern.finditer(text, s, e):
                value = rule.resolve(m)
                if isinstance(value, list):
                    yield from value
                elif value:
                    start = m.start()
                    if rule.prefix is not None and (
                        p := rule.prefix.search(text, max(0, start - REACH), start)
                    ):
                        start = p.start()
                    yield DateMatch(start, m.end(), value, rule.name)
                    if rule.heads_list:
                        yield from _listed_after(text, m.end())

"""Overlaps between matches are settled here and nowhere else: longest first, then earliest."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Protocol, TypeVar

import regex


class HasSpan(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


S = TypeVar("S", bound=HasSpan)


def filter_spans(spans: Iterable[S]) -> list[S]:
    """The longest non-overlapping spans (ties: the earliest), in text order (spaCy's filter_spans)."""
    chosen: list[S] = []
    # The spans taken so far are disjoint, so sorted by start they are sorted by end too: a new
    # span can only overlap the last one that starts before it ends (one bisection, not a scan).
    starts: list[int] = []
    ends: list[int] = []
    for span in sorted(spans, key=lambda s: (-(s.end - s.start), s.start)):
        if span.end <= span.start:
            continue
        i = bisect_left(starts, span.end)
        if i and ends[i - 1] > span.start:
            continue
        chosen.append(span)
        starts.insert(i, span.start)
        ends.insert(i, span.end)
    return sorted(chosen, key=lambda s: s.start)


def overlaps(start: int, end: int, spans: Sequence[HasSpan]) -> bool:
    return any(start < s.end and s.start < end for s in spans)


_DIGIT_RUN = regex.compile(r"\d[\d\s./,\-–]*")
REACH = 24  # characters a digit-bearing rule reaches beyond its digits: "trong giai đoạn ", "Chủ nhật, ngày "


@lru_cache(maxsize=8)
def near_digits(text: str) -> tuple[tuple[int, int], ...]:
    """The stretches of `text` within REACH of a digit, merged, in order.

    Rules that cannot match without a digit (dates, identifiers, times, labelled numbers) scan
    only these stretches, about a fifth of a typical article, instead of every position. The regex
    engine's look-behinds still see the text before a stretch (its look-aheads stop at the
    stretch's end, which is REACH past the last digit). Cached: several stages ask for it.
    """
    spans: list[tuple[int, int]] = []
    for m in _DIGIT_RUN.finditer(text):
        s, e = max(0, m.start() - REACH), min(len(text), m.end() + REACH)
        if spans and s <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], e))
        else:
            spans.append((s, e))
    return tuple(spans)

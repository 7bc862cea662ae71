"""Overlaps between matches are settled here and nowhere else: longest first, then earliest."""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from itertools import accumulate
from typing import Protocol, TypeVar

import regex

from .article import TextSpan
from .per_text import per_text


class HasSpan(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


S = TypeVar("S", bound=HasSpan)


def filter_spans(spans: Iterable[S]) -> list[S]:
    """The longest non-overlapping spans (ties: the earliest), in text order (spaCy's filter_spans).

    The characters taken so far are marked in a bytearray over the spans' extent: a span is free
    when none of its characters is marked, a search in C over its own length. (Sorted lists of
    the taken spans, kept with list.insert, cost the square of their number: 200,000 mentions
    took 3.9 s.)"""
    ordered = [s for s in sorted(spans, key=lambda s: (-(s.end - s.start), s.start)) if s.end > s.start]
    if not ordered:
        return []
    low = min(s.start for s in ordered)
    taken = bytearray(max(s.end for s in ordered) - low)
    chosen: list[S] = []
    for span in ordered:
        start, end = span.start - low, span.end - low
        if taken.find(1, start, end) >= 0:
            continue
        taken[start:end] = b"\x01" * (end - start)
        chosen.append(span)
    return sorted(chosen, key=lambda s: s.start)


def overlaps(start: int, end: int, spans: Sequence[HasSpan]) -> bool:
    """One question about a few spans; asked of every match in an article, use `SpanIndex`."""
    return any(start < s.end and s.start < end for s in spans)


def _start(span: HasSpan) -> int:
    return span.start


def starting_within(spans: Sequence[S], start: int, end: int) -> Sequence[S]:
    """The spans that start in `start:end`, of `spans` in text order (by start): two bisections,
    where a filter over all of an article's entities for each clause grew with the square of it."""
    return spans[bisect_left(spans, start, key=_start) : bisect_left(spans, end, key=_start)]


class SpanIndex:
    """Asks many times whether a stretch overlaps, or lies inside, any of a fixed set of spans, each
    answer a bisection: asked of every figure of a long text, a scan of every span made the cost
    grow with the square of the text (1 MB of news: 8 s of 20 in `overlaps`).

    The spans are sorted by start with the running maximum of their ends: some span that starts
    before `end` reaches past `start` exactly when the furthest-reaching of them does.
    """

    def __init__(self, spans: Iterable[HasSpan]) -> None:
        # Sorted by start alone (the order within equal starts changes no answer: a bisection
        # takes all of them or none), so no pair is built for each span; kept in arrays, not
        # lists of int objects: 16 bytes a span instead of about 70.
        ordered = sorted(spans, key=_start)
        self._starts = array("q", (s.start for s in ordered))
        self._reach = array("q", accumulate((s.end for s in ordered), max))

    def _furthest(self, count: int) -> int:
        """The furthest end among the first `count` spans by start (-1 when there are none)."""
        return self._reach[count - 1] if count else -1

    def overlaps(self, start: int, end: int) -> bool:
        """`overlaps(start, end, spans)`: some span has start < `end` and end > `start`."""
        return self._furthest(bisect_left(self._starts, end)) > start

    def covers(self, start: int, end: int) -> bool:
        """Some span holds all of `start:end` (start <= `start` and end >= `end`)."""
        return self._furthest(bisect_right(self._starts, start)) >= end

    def outside(self, items: Iterable[S]) -> Iterator[S]:
        """The `items` that overlap none of the spans, for items in text order (starts and ends
        rising, as the figures of a text): one sweep along the spans, not a bisection each."""
        starts, reach, count, k = self._starts, self._reach, len(self._starts), 0
        for item in items:
            while k < count and starts[k] < item.end:
                k += 1
            if (reach[k - 1] if k else -1) <= item.start:  # _furthest(k), inlined
                yield item

    def holds(self, position: int) -> bool:
        """Some span has start <= `position` < end."""
        return self.overlaps(position, position + 1)


def before_spaces(text: str, pos: int, floor: int = 0) -> int:
    """`pos` moved back over the whitespace before it, no further than `floor` (the end of
    `text[floor:pos].rstrip()`, without copying the text up to `pos`)."""
    while pos > floor and text[pos - 1].isspace():
        pos -= 1
    return pos


def first_after_spaces(text: str, pos: int) -> str:
    """The first character at or after `pos` that is not whitespace ("" at the end). A pattern
    that opens with optional spaces and then one of a few characters can match only where this is
    one of them: asked first, it spares most figures the pattern."""
    first = text[pos : pos + 1]
    if not first.isspace():
        return first  # most often: no space to pass
    second = text[pos + 1 : pos + 2]
    if not second.isspace():
        return second  # next most often: one space, as between words
    n = len(text)
    pos += 2
    while pos < n and text[pos].isspace():
        pos += 1
    return text[pos : pos + 1]


def capped(text: str, span: TextSpan, cap: int) -> list[TextSpan]:
    """`span` cut at the last space before every `cap` characters (mid-word only if it has none),
    the spaces at a cut left out: a sentence too long to be one, a clause too long to tokenize."""
    pieces = []
    start = span.start
    while span.end - start > cap:
        cut = text.rfind(" ", start + 1, start + cap)
        cut = cut if cut > start else start + cap
        pieces.append(TextSpan(start, cut))
        start = cut
        while start < span.end and text[start].isspace():
            start += 1
    if start < span.end:
        pieces.append(TextSpan(start, span.end))
    return pieces


_DIGIT_RUN = regex.compile(r"\d[\d\s./,\-–]*")
REACH = 24  # characters a digit-bearing rule reaches beyond its digits: "trong giai đoạn ", "Chủ nhật, ngày "


@per_text(8)
def near_digits(text: str) -> tuple[tuple[int, int], ...]:
    """The stretches of `text` within REACH of a digit, merged, in order.

    Rules that cannot match without a digit (dates, identifiers, times, labelled numbers) scan
    only these stretches, about a fifth of a typical article, instead of every position. The regex
    engine's look-behinds still see the text before a stretch (its look-aheads stop at the
    stretch's end, which is REACH past the last digit). Cached: several stages ask for it.
    """
    return near(text, _DIGIT_RUN, REACH)


def near(text: str, anchor: regex.Pattern[str], reach: int) -> tuple[tuple[int, int], ...]:
    """The stretches of `text` within `reach` characters of a match of `anchor`, merged, in order:
    where a rule whose every match holds an anchor (and reaches less than `reach` beyond it) can
    match at all."""
    n = len(text)
    chains = _chained(anchor, reach).finditer(text)
    return tuple(merged((max(0, m.start() - reach), min(n, m.end() + reach)) for m in chains))


# Matches of an anchor chained into one regex match at most: the regex module keeps a record per
# repetition until the match ends (a chain of 10 MB of amounts held 100 MB), and past a few
# hundred the Python step per chain no longer shows.
CHAIN = 1000


@lru_cache(maxsize=16)
def _chained(anchor: regex.Pattern[str], reach: int) -> regex.Pattern[str]:
    """Up to CHAIN + 1 of `anchor`'s matches, each at most 2 * `reach` characters after the one
    before, as one match: stretches `near` would merge, found by the regex engine instead of a
    Python step per match (a megabyte of amounts holds 55,000 digit runs). The gap is lazy, so
    each next match is the one `finditer` would find; the repetition can end anywhere, so it
    never backtracks."""
    one = f"(?:{anchor.pattern})"
    return regex.compile(rf"{one}(?:[\s\S]{{0,{2 * reach}}}?{one}){{0,{CHAIN}}}", anchor.flags)


def merged(stretches: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """(start, end) stretches in order of their starts, those that overlap or touch as one. (A
    stretch may start a little before the one before it ends, or before it starts: merged, they
    keep the earlier start.)"""
    out: list[tuple[int, int]] = []
    growing = False  # the stretch being grown is held in locals, not a tuple remade per stretch
    start = end = 0
    for s, e in stretches:
        if growing and s <= end:
            if s < start:
                start = s
            if e > end:
                end = e
        else:
            if growing:
                out.append((start, end))
            start, end, growing = s, e, True
    if growing:
        out.append((start, end))
    return out

"""Overlaps between matches are settled here and nowhere else: longest first, then earliest."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol, TypeVar


class HasSpan(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


S = TypeVar("S", bound=HasSpan)


def filter_spans(spans: Iterable[S]) -> list[S]:
    """The longest non-overlapping spans (ties: the earliest), in text order (spaCy's filter_spans)."""
    chosen: list[S] = []
    taken: list[tuple[int, int]] = []
    for span in sorted(spans, key=lambda s: (-(s.end - s.start), s.start)):
        if span.end <= span.start:
            continue
        if any(span.start < e and s < span.end for s, e in taken):
            continue
        chosen.append(span)
        taken.append((span.start, span.end))
    return sorted(chosen, key=lambda s: s.start)


def overlaps(start: int, end: int, spans: Sequence[HasSpan]) -> bool:
    return any(start < s.end and s.start < end for s in spans)

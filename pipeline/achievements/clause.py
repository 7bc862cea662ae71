"""Where a figure's clause begins and ends, and what in it says the figure is not a result.

A clause is the stretch between ";", ".", ":" and line ends around the figure. Before the figure
in its clause a plan cue ("phấn đấu"), a stock cue ("hiện có") or someone else's cue ("lương")
keeps it out of `achievements`; so does a per-unit amount after it, or a quotation that names.
"""

from __future__ import annotations

import regex

from ..core.article import TextSpan
from ..output.models import Quantity
from .cues import cues

_CLAUSE_END = regex.compile(r"[;!?\n]|\.(?!\d)|…|:\s")


def clause(text: str, start: int, end: int, bounds: TextSpan) -> TextSpan:
    """The stretch between clause marks (";", ".", ":" and line ends) around `start:end`."""
    left = bounds.start
    for m in _CLAUSE_END.finditer(text, bounds.start, start):
        left = m.end()
    m = _CLAUSE_END.search(text, end, bounds.end)
    right = m.start() if m else bounds.end
    while left < start and text[left].isspace():
        left += 1
    return TextSpan(left, max(right, end))


def exclusion(text: str, q: Quantity, span: TextSpan) -> tuple[str, str | None] | None:
    """(kind, cue) when the figure is a plan, a stock figure, a wage or a price, else None.

    The cue stands in the clause before the figure (the one nearest it is given), or a per-unit
    or "sinh hoạt" right after it marks someone else's figure.
    """
    left = text[span.start : q.start]
    for kind, pattern in cues().exclusions.items():
        found = list(pattern.finditer(left))
        if found:
            return kind, found[-1].group()
    right = text[q.end : min(span.end, q.end + 25)]
    if cues().per_unit_after.match(right):
        return "other", None
    return None


def inside_quotes(text: str, q: Quantity, sentence: TextSpan) -> bool:
    """A figure inside a quoted name ('Chương trình “1 triệu sáng kiến”') names, it does not report."""
    return quoted(text, sentence.start, q.start)


def quoted(text: str, start: int, pos: int) -> bool:
    """Whether a quotation opened between `start` and `pos` is still open at `pos`."""
    left = text[start:pos]
    opened = max(left.rfind("“"), left.rfind('"') if left.count('"') % 2 else -1)
    return opened > left.rfind("”") and opened >= 0

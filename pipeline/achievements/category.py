"""The category of a figure: the nearest category cue in its clause, weighed."""

from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache

import regex

from ..core.article import TextSpan
from ..core.patterns import quoted
from ..output.models import Quantity
from .cues import cues

_JOINS = regex.compile(r",|(?<![\p{L}])và(?![\p{L}])")  # what joins two figures' phrases in a clause


@lru_cache(maxsize=2)
def _cue_hits(text: str) -> tuple[list[int], list[tuple[int, int, str, str]]]:
    """Every category cue in `text` as (start, end, category, cue), in text order, with their starts.

    Found once per article, from the words that begin a cue (one pattern of them all, which the
    regex engine runs faster than Python looks up every word); each figure then takes the hits in
    its clause by bisection (searching each clause anew cost seconds on a megabyte of figures)."""
    c = cues()
    hits = []
    for w in c.first_words.finditer(text):
        for name, cue, pattern in c.category.get(w.group().lower(), ()):
            m = pattern.match(text, w.start())
            if m is not None:
                hits.append((m.start(), m.end(), name, cue))
    return [h[0] for h in hits], hits


def categorise(
    text: str, q: Quantity, span: TextSpan, unit: str | None, next_figure: int | None = None
) -> str | None:
    """The category of the nearest cue before or after the figure, in its clause.

    A cue after the figure, past a comma or "và" and before the next figure of the clause, opens
    that figure's phrase and is that figure's ("thành lập mới được 6 CĐCS ... với 2.667 đoàn
    viên (...), ký TƯLĐTT với 4 đơn vị") unless the figure has no cue of its own ("50 gương ...
    và tôn vinh 77 cá nhân"); a cue after a list serves the whole list ("158 tập thể, 273 cá
    nhân ... được tặng bằng khen"); a cue inside a quoted name does not count ('quỹ “Trợ vốn
    phát triển kinh tế gia đình”').
    """
    c = cues()
    own: list[tuple[float, int, str]] = []
    leading: list[tuple[float, int, str]] = []  # cues that lead the next figure
    following = next_figure if next_figure is not None and next_figure < span.end else None
    starts, hits = _cue_hits(text)
    for start, end, name, cue in hits[bisect_left(starts, span.start) : bisect_left(starts, span.end)]:
        if end > span.end:
            continue
        if end <= q.start:
            distance = q.start - end
        elif start >= q.start and start - q.end <= 120:
            distance = max(0, start - q.end) + 5  # a cue after the figure: slightly weaker
        else:
            continue
        if quoted(text, span.start, start):
            continue
        key = ((distance + 1) * c.weak.get(cue, 1.0), c.priority.get(name, 99), name)
        if (
            following is not None
            and q.end <= start
            and end <= following
            and _JOINS.search(text, q.end, start)
        ):
            leading.append(key)  # "X, <cue> Y" / "X và <cue> Y": it opens the next figure's phrase
        else:
            own.append(key)
    best = min(own or leading, default=None)
    for name, (units, over) in c.category_units.items():
        if unit in units and best and best[2] in over:
            best = (0.0, 0, name)
    if best is None and unit in c.units_alone:
        return c.units_alone[unit]  # "2.500 “Mái ấm Công đoàn” được xây dựng": the noun says it
    return best[2] if best else None

"""The category of a figure: the nearest category cue in its clause, weighed."""

from __future__ import annotations

import regex

from ..core.article import TextSpan
from ..output.models import Quantity
from .clause import quoted
from .cues import WORD, cues

_JOINS = regex.compile(r",|(?<![\p{L}])và(?![\p{L}])")  # what joins two figures' phrases in a clause


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
    words = {w.lower() for w in WORD.findall(text, span.start, span.end)}
    for name, cue, pattern in (entry for w in words & c.category.keys() for entry in c.category[w]):
        for m in pattern.finditer(text, span.start, span.end):
            if m.end() <= q.start:
                distance = q.start - m.end()
            elif m.start() >= q.start and m.start() - q.end <= 120:
                distance = max(0, m.start() - q.end) + 5  # a cue after the figure: slightly weaker
            else:
                continue
            if quoted(text, span.start, m.start()):
                continue
            key = ((distance + 1) * c.weak.get(cue, 1.0), c.priority.get(name, 99), name)
            if (
                following is not None
                and q.end <= m.start()
                and m.end() <= following
                and _JOINS.search(text, q.end, m.start())
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

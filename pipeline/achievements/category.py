"""The category of a figure: the nearest category cue in its clause, weighed."""

from __future__ import annotations

from bisect import bisect_left

import regex

from ..core.article import TextSpan
from ..core.patterns import quoted
from ..output.models import Quantity
from .cues import cues
from .hits import Hits

# What joins two figures' phrases in a clause, and ends the phrase a negation denies.
JOINS = regex.compile(r",|(?<![\p{L}])và(?![\p{L}])")


def categorise(
    text: str,
    q: Quantity,
    span: TextSpan,
    unit: str | None,
    hits: Hits,
    next_figure: int | None = None,
    previous: str | None = None,
) -> str | None:
    """The category of the nearest cue before or after the figure, in its clause.

    A cue after the figure, past a comma or "và" and before the next figure of the clause, opens
    that figure's phrase and is that figure's ("thành lập mới được 6 CĐCS ... với 2.667 đoàn
    viên (...), ký TƯLĐTT với 4 đơn vị") unless the figure has no cue of its own ("50 gương ...
    và tôn vinh 77 cá nhân"); a cue after a list serves the whole list ("158 tập thể, 273 cá
    nhân ... được tặng bằng khen"); a passive right after the figure is nearest of all ("trong đó
    320 đoàn viên đã được kết nạp vào Đảng"); a cue inside a quoted name does not count ('quỹ “Trợ
    vốn phát triển kinh tế gia đình”'). A figure whose cue is one of taking part counts who took
    part in what the figure before it in the clause counts, and takes its category (`previous`:
    "tổ chức 2.300 cuộc tuyên truyền ..., thu hút 150.000 lượt người tham gia"). `hits`: the
    article's cues (`hits.find_hits`).
    """
    c = cues()
    own: list[tuple[float, int, str, str]] = []
    leading: list[tuple[float, int, str, str]] = []  # cues that lead the next figure
    following = next_figure if next_figure is not None and next_figure < span.end else None
    starts = hits.category_starts
    verb = hits.passive_verb(text, q.end)  # "230 cá nhân được tặng Bằng khen" is an award
    denied = -1  # where the phrase of the last denied cue ends, as far as known
    for start, end, name, cue in hits.category[
        bisect_left(starts, span.start) : bisect_left(starts, span.end)
    ]:
        if end > span.end:
            continue
        if end <= q.start:
            distance = q.start - end
        elif start == verb and cue not in c.weak:
            distance = 0
        elif start >= q.start and start - q.end <= 120:
            distance = max(0, start - q.end) + 5  # a cue after the figure: slightly weaker
        else:
            continue
        if c.negated.search(text, max(span.start, start - 20), start) or (
            denied >= 0 and not JOINS.search(text, denied, start)
        ):
            denied = end  # "không được khám sức khỏe miễn phí": the phrase is denied
            continue
        if quoted(text, span.start, start) and cue not in c.programmes:
            continue  # a cue in a quoted name says nothing done, unless it names the programme
        key = ((distance + 1) * c.weak.get(cue, 1.0), c.priority.get(name, 99), name, cue)
        if following is not None and q.end <= start and end <= following and JOINS.search(text, q.end, start):
            leading.append(key)  # "X, <cue> Y" / "X và <cue> Y": it opens the next figure's phrase
        else:
            own.append(key)
    best = min(own or leading, default=None)
    if best and previous is not None and best[3] in c.joining:
        best = (0.0, 0, previous, best[3])
    for name, (units, over) in c.category_units.items():
        if unit in units and best and best[2] in over:
            best = (0.0, 0, name, best[3])
    if best and unit in c.units_only_in and best[2] not in (allowed := c.units_only_in[unit]):
        # the nearest cue of a category the noun may have ("... đoàn viên ưu tú cho Đảng, trong đó
        # 215 đồng chí ... vào Đảng"), else none ("Đoàn ... gồm 3 đồng chí ... tặng quà": who came)
        best = min(
            [k for k in own if k[2] in allowed] or [k for k in leading if k[2] in allowed], default=None
        )
    if best is None and unit in c.units_alone:
        return c.units_alone[unit]  # "2.500 “Mái ấm Công đoàn” được xây dựng": the noun says it
    if best and best[2] == "other" and c.suffered.match(text, q.end):
        return None  # "Kết quả, có 300 công nhân bị mất việc": an outcome suffered, not achieved
    return best[2] if best else None

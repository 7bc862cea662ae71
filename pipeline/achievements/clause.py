"""Where a figure's clause begins and ends, and what in it says the figure is not a result.

A clause is the stretch between ";", ".", ":" and line ends around the figure. Before the figure
in its clause a plan cue ("phấn đấu"), a stock cue ("hiện có") or someone else's cue ("lương")
keeps it out of `achievements`; so does a per-unit amount after it, or a quotation that names.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import cache

import regex

from ..core import rules
from ..core.article import Spans, TextSpan
from ..core.patterns import alternation, quoted
from ..core.per_text import per_text
from ..core.spans import first_after_spaces
from ..output.models import Quantity
from .cues import cues
from .hits import Hits


@cache
def _clause_end() -> regex.Pattern[str]:
    """ ";", "!", "?", a line end, ": ", a full stop, and "…" before a capital (before lower case
    it trails a list mid-sentence: "ốm đau dài ngày… tổng trị giá ..."); not the stop of an
    abbreviation ("TP. Hồ Chí Minh", "TP.Vũng Tàu") nor a decimal or date point ("1.200", "28.4")."""
    abbreviations = alternation(rules.section("achievements", "stop_abbreviations"))
    return regex.compile(
        r"[;!?\n]|(?<!(?<![\p{L}])(?:" + abbreviations + r"))\.(?![\d\p{L}])|…(?=\s*[\p{Lu}\n]|$)|:\s"
    )


@per_text(2)
def _marks(text: str) -> tuple[list[int], list[int]]:
    """Starts and ends of every clause mark in `text`, found once per article (each figure's
    clause is then two bisections, not a scan of its stretch: 1 MB of figures took seconds)."""
    found = [(m.start(), m.end()) for m in _clause_end().finditer(text)]
    return [s for s, _ in found], [e for _, e in found]


def clause(text: str, start: int, end: int, bounds: TextSpan) -> TextSpan:
    """The stretch between clause marks (";", ".", ":" and line ends) around `start:end`.

    No further than `clause_reach` characters either side, cut at a space: a real clause is
    shorter (the longest seen is about 450), and text without punctuation must not make every
    figure read the whole of it (that cost grew with the square of the text). A mark's look-ahead
    reads the text as it is ("… 5 người" is no clause end: a figure follows, not a capital)."""
    return TextSpan(*_clause(text, start, end, bounds.start, bounds.end, int(cues().data["clause_reach"])))


def figure_clauses(text: str, figures: Sequence[Quantity], sentences: Spans) -> tuple[Spans, Spans]:
    """The sentence (the whole text where none holds it, as `Article.sentence_at`) and the clause
    of each of `figures`, as arrays: asking `sentence_at` and `clause` for each figure, with the
    objects they make, cost a megabyte of amounts a tenth of a second more."""
    reach = int(cues().data["clause_reach"])
    held, spans = Spans(), Spans()
    add_sentence, add_clause = held.add, spans.add
    starts, ends = sentences.starts, sentences.ends
    whole = len(text)
    for q in figures:
        k = bisect_right(starts, q.start) - 1  # sentences are disjoint and in order
        low, high = (starts[k], ends[k]) if k >= 0 and q.start < ends[k] else (0, whole)
        add_sentence(low, high)
        add_clause(*_clause(text, q.start, q.end, low, high, reach))
    return held, spans


def _clause(text: str, start: int, end: int, low: int, high: int, reach: int) -> tuple[int, int]:
    floor, ceiling = max(low, start - reach), min(high, end + reach)
    if floor > low:
        floor = max(floor, text.find(" ", floor, start) + 1)
    if ceiling < high:
        space = text.rfind(" ", end, ceiling)
        ceiling = space if space > end else ceiling
    starts, ends = _marks(text)
    k = bisect_right(ends, start) - 1  # the last mark ending before the figure
    left = ends[k] if k >= 0 and starts[k] >= floor else floor
    k = bisect_left(starts, end)  # the first mark after it
    right = starts[k] if k < len(starts) and ends[k] <= ceiling else ceiling
    while left < start and text[left].isspace():
        left += 1
    return left, max(right, end)


def exclusion(text: str, q: Quantity, span: TextSpan, hits: Hits) -> tuple[str, str | None] | None:
    """(kind, cue) when the figure is a plan, a stock figure, a wage or a price, else None.

    A plan or stock cue stands anywhere in the clause before the figure (it governs the clause's
    verb); someone else's wage or price is named right before its figure ("thu nhập bình quân 6
    triệu đồng"), so that cue counts only within `other_reach` characters, not when it describes
    the receivers further back ("cho CNLĐ có thu nhập thấp ... tổng trị giá 700 triệu đồng"), nor
    across the words that give a gift's value ("có thu nhập thấp với tổng trị giá 400 triệu
    đồng"), nor across a comma and a cue of what was done. A verb to come right after the figure
    ("200 đoàn viên sẽ ...") makes it a plan; a passive event right after it ("có 85 sáng kiến
    được công nhận") outweighs a stock cue. A per-unit or "sinh hoạt" right after the figure, or
    "mỗi" right after an amount, marks someone else's figure too.
    `hits`: the article's cues (`hits.find_hits`).
    """
    c = cues()
    if (to_come := c.plan_after_figure.match(text, q.end, span.end)) is not None:
        return "target", to_come.group(1)  # "200 đoàn viên sẽ được hỗ trợ"
    # Only the last cue at a figure before this one can end right before it (any earlier one has
    # that cue between); matched again within the clause, whose end its look-ahead may not pass.
    starts, _ = hits.exclusions["at_figure"]
    k = bisect_left(starts, q.start) - 1
    if k >= 0 and starts[k] >= span.start:
        m = c.at_figure.match(text, starts[k], span.end)
        if m is not None and not text[m.end() : q.start].strip():
            return "statistic", m.group().strip()
    for kind in c.exclusions:
        start = max(span.start, q.start - c.data["other_reach"]) if kind == "other" else span.start
        starts, matches = hits.exclusions[kind]
        first, stop = bisect_left(starts, start), bisect_left(starts, q.start)
        if first == stop:
            continue  # no cue of this kind before the figure: the usual case
        if kind == "statistic" and hits.passive_verb(text, q.end) is not None:
            continue  # "Toàn tỉnh có 85 sáng kiến được công nhận": an event, not a state
        found = [
            m
            # Matched in the whole text, so a cue's look-ahead may read the figure itself ("đề
            # xuất 1.532 sáng kiến" proposes nothing).
            for m in matches[first:stop]
            if m.end() <= q.start and not (kind == "other" and _not_reaching(text, m, q, hits))
        ]
        if found:
            return kind, found[-1].group()
    after = first_after_spaces(text, q.end)
    if after in c.per_unit_firsts and c.per_unit_after.match(text, q.end, min(span.end, q.end + 25)):
        return "other", None
    if q.kind == "money" and after in c.each_firsts and c.each_after_amount.match(text, q.end, span.end):
        return "other", None
    return None


def _not_reaching(text: str, m: regex.Match[str], q: Quantity, hits: Hits) -> bool:
    """A wage or price cue `m` does not reach the figure `q` across the words that give a gift's
    value ("thu nhập thấp với tổng trị giá 400 triệu đồng"), nor across a comma and a cue of what
    was done ("nợ bảo hiểm xã hội, thu hồi 1,2 tỷ đồng"); a per-unit cue reaches across both."""
    if m.group().lower() in cues().per_unit:
        return False
    if cues().value_heads.search(text, m.end(), q.start):
        return True
    comma = text.find(",", m.end(), q.start)
    return comma >= 0 and hits.strong_cue_in(comma, q.start)


def inside_quotes(text: str, q: Quantity, sentence: TextSpan) -> bool:
    """A figure inside a quoted name ('Chương trình “1 triệu sáng kiến”') names, it does not report."""
    return quoted(text, max(sentence.start, q.start - int(cues().data["clause_reach"])), q.start)

"""The cues of an article, found once, within the clauses that hold its figures.

Each figure weighs the category cues of its own clause and the plan, stock and wage cues of its
clause before it. They are found in one pass per cue list over those stretches of all figures,
merged (about a quarter of a news text: the rest holds no figure to weigh them for), and each
figure takes its own by bisection: a scan of each clause anew grew with the square of a text
dense in figures.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass

import regex

from ..core.spans import merged
from .cues import cues

# Characters scanned past a stretch's end: a cue's look-aheads read past its words ("chương trình
# phát triển 1 triệu", "đề xuất 1.532 sáng kiến"), and must read the text itself, not the end of a
# scanned stretch, for every cue inside it. (Look-behinds read the text before a stretch anyway.)
MARGIN = 80

Category = tuple[int, int, str, str]  # start, end, category, cue


@dataclass(frozen=True)
class Hits:
    category_starts: list[int]
    category: list[Category]
    # Each exclusion kind ("target", "statistic", "other", and "at_figure", the stock cues that
    # stand right before their figure): the starts of its matches, and the matches, in order.
    exclusions: dict[str, tuple[list[int], list[regex.Match[str]]]]
    exclusion_starts: list[int]  # the starts of all of them, in order

    def none_around(self, span: tuple[int, int], figure: int) -> bool:
        """No category cue in the clause `span` and no exclusion cue in it before `figure`: nothing
        says what the figure is (most figures of a long list of amounts), so it is no result."""
        start, end = span
        categories, exclusions = self.category_starts, self.exclusion_starts
        return bisect_left(categories, start) == bisect_left(categories, end) and bisect_left(
            exclusions, start
        ) == bisect_left(exclusions, figure)

    def passive_verb(self, text: str, figure_end: int) -> int | None:
        """Where the verb of a passive right after a figure begins, when a category cue that is
        not weak stands there ("320 đoàn viên đã được kết nạp vào Đảng"; not "được tặng")."""
        c = cues()
        m = c.passive.match(text, figure_end)
        if m is None:
            return None
        at = m.end()
        starts = self.category_starts
        k = bisect_left(starts, at)
        while k < len(starts) and starts[k] == at:
            if self.category[k][3] not in c.weak:
                return at
            k += 1
        return None

    def strong_cue_in(self, start: int, end: int) -> bool:
        """A category cue that is not weak lies wholly within `start:end`."""
        weak = cues().weak
        starts = self.category_starts
        return any(
            e <= end and cue not in weak
            for _, e, _, cue in self.category[bisect_left(starts, start) : bisect_left(starts, end)]
        )


def stretches(text: str, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans (start and end, in text order) reaching MARGIN further, merged. (A clause may
    start a character before the one of the figure before it: merged, they keep the earlier.)"""
    n = len(text)
    return merged((start, end + MARGIN if end + MARGIN < n else n) for start, end in spans)


def find_hits(text: str, clauses: list[tuple[int, int]], before: list[tuple[int, int]]) -> Hits:
    """The category cues in `clauses` (`stretches` of the figures' clauses: a cue may follow its
    figure), and the exclusion cues in `before` (of the clauses up to each figure: they precede it)."""
    c = cues()
    category: list[Category] = []
    for s, e in clauses:
        # From the words that begin a cue (one pattern of them all, which the regex engine runs
        # faster than Python looks up every word); the cue itself is matched in the whole text.
        for w in c.first_words.finditer(text, s, e):
            for name, cue, pattern in c.category.get(w.group().lower(), ()):
                m = pattern.match(text, w.start())
                if m is not None:
                    category.append((m.start(), m.end(), name, cue))
    exclusions = {}
    for kind, pattern in [*c.exclusions.items(), ("at_figure", c.at_figure)]:
        found = [m for s, e in before for m in pattern.finditer(text, s, e)]
        exclusions[kind] = ([m.start() for m in found], found)
    every = sorted(start for starts, _ in exclusions.values() for start in starts)
    return Hits([h[0] for h in category], category, exclusions, every)

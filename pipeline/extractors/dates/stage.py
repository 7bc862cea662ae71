"""Stage: dates, months, years and periods: match (`rules`, `find`), then resolve against the
publication date (`resolve`, `spoken`, `lunar`).

Each rule is a named pattern; a match resolves to a value at the grain the text gives
("2022-11-25", "2017-01", "2017", "--06-30", a period "START/END"). Overlaps between rules are
settled once, longest first. Relative words ("năm qua", "hôm qua") resolve only against a known
publication date, and are kept aside for the achievement stage either way.
"""

from __future__ import annotations

from ...core.article import Article
from ...core.spans import filter_spans, overlaps
from ...core.stage import Stage
from ...output.models import DateMention
from .find import find_dates
from .resolve import resolve_year
from .spoken import named_days, relative


def run(article: Article) -> Article:
    text = article.text
    found = [
        m
        for m in filter_spans(find_dates(text))
        if not overlaps(m.start, m.end, [d for d in article.documents if d.number and "/" in d.number])
    ]
    article.dates = [
        DateMention(
            text=text[m.start : m.end],
            start=m.start,
            end=m.end,
            value=resolve_year(m.value, article.published),
            rule=m.rule,
        )
        for m in found
    ]
    # Words that point at a date rather than write it; they become dates only against `published`.
    lower = text.lower()  # both look for their phrases with substring tests first
    article.scratch.relative_dates = relative(text, lower, article.dates, article.published)
    article.scratch.relative_dates += named_days(text, lower, article.dates, article.published)
    article.dates += [
        DateMention(text=m.text, start=m.start, end=m.end, value=m.data["value"], rule=m.rule)
        for m in article.scratch.relative_dates
        if m.data["value"]
    ]
    article.dates.sort(key=lambda d: d.start)
    return article


STAGE = Stage(
    "dates",
    run,
    requires=("text", "documents", "published"),
    provides=("dates", "relative_dates"),
    doc="dates, months, years, periods",
)

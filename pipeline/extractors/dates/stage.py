"""Stage: dates, months, years and periods: match (`rules`, `find`), then resolve against the
publication date (`resolve`, `spoken`, `lunar`).

Each rule is a named pattern; a match resolves to a value at the grain the text gives
("2022-11-25", "2017-01", "2017", "--06-30", a period "START/END"). Overlaps between rules are
settled once, longest first. Relative words ("năm qua", "hôm qua") resolve only against a known
publication date, and are kept aside for the achievement stage either way.
"""

from __future__ import annotations

import datetime as dt

from ...core.article import Article
from ...core.spans import SpanIndex, filter_spans
from ...core.stage import Stage
from ...output.models import DateMention
from .find import find_dates
from .resolve import DateMatch, cycle_year, resolve_year
from .spoken import named_days, relative


def run(article: Article) -> Article:
    text = article.text
    slashed = SpanIndex(d for d in article.documents if d.number and "/" in d.number)  # "số 12/2020"
    found = [m for m in filter_spans(find_dates(text)) if not slashed.overlaps(m.start, m.end)]
    found = place_lunar_years(found, article.published)
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


def place_lunar_years(found: list[DateMatch], published: dt.date | None) -> list[DateMatch]:
    """A year named in the sixty-year cycle ("Tết Ất Dậu") is the one of its names nearest the
    publication year, else nearest the years the article writes; with neither, no date."""
    written = sorted(int(m.value[:4]) for m in found if m.value[:4].isdigit())
    reference = published.year if published else (written[len(written) // 2] if written else None)
    out = []
    for m in found:
        if not m.value.startswith("cycle:"):
            out.append(m)
            continue
        _, stem, branch = m.value.split(":")
        year = cycle_year(stem, branch, reference) if reference else None
        if year is not None:
            out.append(DateMatch(m.start, m.end, str(year), m.rule))
    return out


STAGE = Stage(
    "dates",
    run,
    requires=("text", "documents", "published"),
    provides=("dates", "relative_dates"),
    doc="dates, months, years, periods",
)

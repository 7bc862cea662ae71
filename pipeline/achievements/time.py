"""When: the time an article gives a figure, from the nearest place that states one.

`as_of` is a day the text fixes the figure at ("tính đến ngày 25/11/2022", "tính đến hết tháng
6/2023" -> the month's last day; "tính đến tháng 6/2023" bounds a cumulative count and gives no
time), or the day its clause says it happened ("thành lập ngày
11/5/2017 với 32 đoàn viên"). A period is the nearest year, month, quarter or period the text
states: in the figure's clause, its sentence, the sentences before it in its paragraph, the
article's lead paragraph, the title, then the nearest earlier paragraph that states one; only when
the text gives none of these, the publication year (not for a count of several years: "Sau 5
năm thực hiện ..."). A date "đến nay" runs to the day of writing ("Từ năm 2020 đến nay"); years
listed together make one period ("trong hai năm 2022 và 2023"). `time_source` says which place it
was, so a reader can check it against the sentence. Comparisons ("so với năm 2016") date another
figure, not this.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache
from itertools import chain

import regex

from ..core import rules
from ..core.article import TextSpan
from ..core.patterns import alternation, cased
from ..extractors.dates.resolve import first_day, last_day, resolve_year
from ..output.models import DateMention, Period, TimeSource
from .cues import cues

_DAY = regex.compile(r"(?:\d{4}|-)-\d\d-\d\d")  # a single day, with or without its year
_AS_OF_REACH = 8  # characters between an as-of cue and its date: "tính đến (ngày) 25/11/2022"


@dataclass(frozen=True)
class When:
    as_of: str | None = None
    period: Period | None = None
    source: TimeSource | None = None


@dataclass(frozen=True)
class Places:
    """The places to look for a time, nearest first."""

    clause: TextSpan
    sentence: TextSpan
    paragraph: TextSpan | None  # the figure's paragraph before its sentence
    lead: TextSpan | None  # the article's lead paragraph, when the figure is not in it
    title: TextSpan | None
    earlier: TextSpan | None  # the article before the figure's paragraph


@cache
def _comparison() -> regex.Pattern[str]:
    words = rules.section("achievements", "comparison_cues")
    return regex.compile(r"(?<![\p{L}])(?:" + alternation(cased(words)) + r")\s+$")


class Dates:
    """An article's dates (in text order), found by position with a bisection, not a scan: an
    article with thousands of figures and dates must not compare each with each."""

    def __init__(self, dates: list[DateMention]) -> None:
        self.dates = dates
        self.starts = [d.start for d in dates]

    def within(self, start: int, end: int) -> list[DateMention]:
        return self.dates[bisect_left(self.starts, start) : bisect_left(self.starts, end)]


# A month or a year an as-of cue bounds without "hết" or "cuối" ("Đến tháng 10/2024, ... đã thành
# lập 20 CĐCS"): the figure counts up to it, so it is neither its as-of day nor its period.
UP_TO = "up to"


def as_of(text: str, figure: int, sentence: TextSpan, dates: Dates) -> str | None:
    """The day an as-of cue before the figure in its sentence fixes; a month or a year only when
    the cue says "hết" or "cuối" (to the end of it), else `UP_TO`. The cue stands within the
    clause's reach."""
    reach = int(cues().data["clause_reach"])
    for m in cues().as_of.finditer(text, max(sentence.start, figure - reach), figure):
        for d in dates.within(m.start(), m.end() + _AS_OF_REACH + 1):
            if not m.start() <= d.start <= m.end() + _AS_OF_REACH or d.value.startswith("-"):
                continue
            value = d.value.partition("/")[2] or d.value
            if len(value) == 10:
                return value
            if set(m.group().lower().split()) & cues().as_of_to_end:
                return last_day(value)
            return UP_TO
    return None


def _dates(text: str, d: DateMention, days: bool) -> bool:
    """Whether `d` can date a figure: a year, a month, a period, a day with `days` (a day dates
    its clause's result, not a whole sentence's), with or without its year; not a comparison's."""
    return (days or "/" in d.value or not _DAY.fullmatch(d.value)) and not _comparison().search(
        text, max(0, d.start - 20), d.start
    )


def _yearless(value: str) -> bool:
    return value.startswith("-") or "/-" in value


def _nearest(
    text: str, span: TextSpan, dates: Dates, figure: int, days: bool, with_year: bool = False
) -> DateMention | None:
    """The date in `span` that can date the figure, nearest before it first, else the first after
    it. Read outwards from the figure, so that "the article before this paragraph" costs the
    dates next to the figure, not all of them (a long text made that grow with its square)."""
    lo, hi = bisect_left(dates.starts, span.start), bisect_left(dates.starts, span.end)
    split = bisect_left(dates.starts, figure, lo, hi)
    for k in chain(range(split - 1, lo - 1, -1), range(split, hi)):
        d = dates.dates[k]
        if _dates(text, d, days) and not (with_year and _yearless(d.value)):
            return d
    return None


def _with_year(value: str, year: int) -> str:
    """A year-less value in `year`; a period whose end falls before its start ends a year later
    ("15/12 đến 15/1")."""
    start, _, end = resolve_year(value, dt.date(year, 1, 1)).partition("/")
    if end and end < start and _yearless(value.partition("/")[2]):
        end = str(int(end[:4]) + 1) + end[4:]
    return f"{start}/{end}" if end else start


def _period_of(value: str) -> Period:
    start, _, end = value.partition("/")
    return Period(start=first_day(start), end=last_day(end or start))


def when(text: str, figure: int, places: Places, dates: Dates, published: dt.date | None) -> When:
    day = as_of(text, figure, places.sentence, dates)
    if day == UP_TO:
        return When()  # counted up to a month or a year the text gives: no day, no period of it
    if day is not None:
        return When(as_of=day, source="as_of")
    levels: list[tuple[TimeSource, TextSpan | None]] = [
        ("clause", places.clause),
        ("sentence", places.sentence),
        ("paragraph", places.paragraph),
        ("lead", places.lead),
        ("title", places.title),
        ("earlier", places.earlier),
    ]
    for i, (source, span) in enumerate(levels):
        nearest = _nearest(text, span, dates, figure, source == "clause") if span is not None else None
        if nearest is None:
            continue
        value = nearest.value
        if _yearless(value):
            # "Ngày 25-1, ... trao 1.200 suất quà": the day is here, its year further out.
            year = _context_year(text, levels[i + 1 :], dates, figure, published)
            if year is None:
                return When()  # the text says when, but not in which year
            value = _with_year(value, year)
        if cues().until_now.match(text, nearest.end):  # "Từ năm 2020 đến nay"
            return _until(value, published, source)
        if _YEAR.fullmatch(value):
            value = _joined_years(text, dates, nearest)
        if len(value) == 10 and nearest.start < figure:
            # "thành lập ngày 11/5/2017 với 32 đoàn viên": the day the clause's result was reached
            return When(as_of=value, source=source)
        return When(period=_period_of(value), source=source)
    if published is not None and not cues().years_span.search(
        text, places.sentence.start, places.sentence.end
    ):
        return When(period=_period_of(str(published.year)), source="published")
    return When()


_YEAR = regex.compile(r"\d{4}")
_YEAR_JOIN = regex.compile(r"[^\S\n]*(?:,|và|hoặc)[^\S\n]*(?:năm[^\S\n]+)?")


def _joined_years(text: str, dates: Dates, last: DateMention) -> str:
    """The years listed up to `last` ("trong hai năm 2022 và 2023", "các năm 2021, 2022 và 2023"),
    as one period from the first to `last`; `last` alone when no year is joined to it."""
    k = bisect_left(dates.starts, last.start)
    first = last
    while k > 0:
        before = dates.dates[k - 1]
        if not (_YEAR.fullmatch(before.value) and before.value < first.value and _dates(text, before, False)):
            break  # "So với năm 2022, năm 2023 ...": a comparison's year is no part of the list
        if _YEAR_JOIN.fullmatch(text, before.end, first.start) is None:
            break
        first, k = before, k - 1
    return last.value if first is last else f"{first.value}/{last.value}"


def _until(value: str, published: dt.date | None, source: TimeSource) -> When:
    """From the start of `value` to the day of writing; unknown without it (or before the start)."""
    start = first_day(value.partition("/")[0])
    if published is None or published.isoformat() < start:
        return When()
    return When(period=Period(start=start, end=published.isoformat()), source=source)


def _context_year(
    text: str,
    levels: list[tuple[TimeSource, TextSpan | None]],
    dates: Dates,
    figure: int,
    published: dt.date | None,
) -> int | None:
    """The year of the nearest dated place among `levels`, else of the publication date."""
    for _, span in levels:
        nearest = _nearest(text, span, dates, figure, True, with_year=True) if span else None
        if nearest is not None:
            return int(nearest.value[:4])
    return published.year if published is not None else None

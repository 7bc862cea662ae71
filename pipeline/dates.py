"""Dates, months, years and periods: match, then resolve against the publication date.

Each rule is a named pattern; a match resolves to a value at the grain the text gives
("2022-11-25", "2017-01", "2017", "--06-30", a period "START/END"). Overlaps between rules are
settled once, longest first. Relative words ("năm qua", "hôm qua") resolve only against a known
publication date, and are kept aside for the achievement stage either way.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache

import regex

from . import rules
from .article import Article, Mention
from .models import DateMention
from .spans import filter_spans, overlaps

D = r"(?P<d>[0-3]?\d)"
M = r"(?P<m>[01]?\d)"
Y = r"(?P<y>(?:19|20)\d{2})"
SEP = r"[/.\-]"
END = r"(?![\d]|[.,/-]\d)"


def _at_word(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """A date starts where a word starts: the check lets the scan skip the inside of words
    (the optional prefixes made every position a candidate; this cut the stage's cost ~4x)."""
    return regex.compile(r"(?<![\p{L}\p{M}\d])" + pattern, flags)


@dataclass(frozen=True)
class DateMatch:
    start: int
    end: int
    value: str
    rule: str


def _day(y: int | None, m: int, d: int) -> str | None:
    if not 1 <= m <= 12:
        return None
    limit = calendar.monthrange(y if y else 2000, m)[1]
    if not 1 <= d <= limit:
        return None
    return f"{y:04d}-{m:02d}-{d:02d}" if y else f"--{m:02d}-{d:02d}"


def _month(y: int | None, m: int) -> str | None:
    if not 1 <= m <= 12:
        return None
    return f"{y:04d}-{m:02d}" if y else f"--{m:02d}"


def _month_only(m: regex.Match[str]) -> str | None:
    return _month(None, int(m.group("m")))


@cache
def _rules() -> list[tuple[str, regex.Pattern[str], Callable[[regex.Match[str]], str | None]]]:
    data = rules.load("dates")
    prefixes = rules.alternation(data["day_prefixes"])
    day_words = rules.alternation(data["day_words"])
    weekday = r"(?:(?:" + rules.alternation(data["weekdays"]) + r")\s*,?\s*)?"
    months = data["month_words"]
    month_word = rules.alternation(list(months))
    periods = rules.alternation(data["period_prefixes"])
    quarters = data["quarters"]
    quarter_alt = rules.alternation(list(quarters))
    I = regex.IGNORECASE  # noqa: E741

    def month_of(m: regex.Match[str]) -> int:
        raw = m.group("m") or m.group("mw")
        return int(raw) if raw.isdigit() else int(months[raw.lower()])

    def dmy(m: regex.Match[str]) -> str | None:
        return _day(int(m.group("y")), month_of(m), int(m.group("d")))

    def dm(m: regex.Match[str]) -> str | None:
        return _day(None, month_of(m), int(m.group("d")))

    def day_range(m: regex.Match[str]) -> str | None:
        y2 = int(m.group("y2")) if m.group("y2") else None
        y1 = int(m.group("y1")) if m.group("y1") else y2
        a = _day(y1, int(m.group("m1")), int(m.group("d1")))
        b = _day(y2, int(m.group("m2")), int(m.group("d2")))
        return f"{a}/{b}" if a and b else None

    def month_range(m: regex.Match[str]) -> str | None:
        y = int(m.group("y"))
        a, b = _month(y, int(m.group("m1"))), _month(y, int(m.group("m2")))
        return f"{a}/{b}" if a and b and a < b else None

    def year_range(m: regex.Match[str]) -> str | None:
        a, b = int(m.group("y1")), int(m.group("y2"))
        return f"{a}/{b}" if a < b else None

    def quarter(m: regex.Match[str]) -> str | None:
        q, y = int(quarters[m.group("q").upper()]), int(m.group("y"))
        return f"{y}-{3 * q - 2:02d}/{y}-{3 * q:02d}"

    def part_of_year(m: regex.Match[str]) -> str | None:
        n, y = int(m.group("n")), int(m.group("y"))
        if not 1 <= n <= 12:
            return None
        if m.group("part") == "đầu":
            return f"{y}-01/{y}-{n:02d}"
        return f"{y}-{13 - n:02d}/{y}-12"

    range_sep = r"\s*(?:-|–|—|đến|tới)\s*"
    return [
        (
            "day_range",
            _at_word(
                r"(?:(?:từ|" + day_words + r")\s+)?(?:" + day_words + r"\s+)?"
                r"(?P<d1>[0-3]?\d)"
                + SEP
                + r"(?P<m1>[01]?\d)(?:"
                + SEP
                + r"(?P<y1>(?:19|20)\d{2}))?"
                + range_sep
                + r"(?:(?:"
                + day_words
                + r")\s+)?"
                r"(?P<d2>[0-3]?\d)" + SEP + r"(?P<m2>[01]?\d)(?:" + SEP + r"(?P<y2>(?:19|20)\d{2}))?" + END,
                I,
            ),
            day_range,
        ),
        (
            "day_month_year",
            _at_word(weekday + r"(?:(?:" + day_words + r")\s+)?(?<![\d.,])" + D + SEP + M + SEP + Y + END, I),
            dmy,
        ),
        (
            "day_month_year_words",
            _at_word(
                r"(?:" + day_words + r")\s+" + D + r"\s+tháng\s+(?:" + M + r"|(?P<mw>" + month_word + r"))"
                r"\s*(?:,\s*)?(?:năm\s+|[/.-])" + Y + END,
                I,
            ),
            dmy,
        ),
        (
            "day_month_words",
            _at_word(
                r"(?:" + day_words + r")\s+" + D + r"\s+tháng\s+(?:" + M + r"|(?P<mw>" + month_word + r"))"
                r"(?![\p{L}\d])",
                I,
            ),
            dm,
        ),
        (
            "day_month",
            _at_word(r"(?:(?:" + prefixes + r")\s+)(?<![\d.,])" + D + SEP + M + END, I),
            dm,
        ),
        (
            "month_range",
            _at_word(
                r"tháng\s+(?P<m1>[01]?\d)\s*(?:và|-|–|đến|tới)\s*(?:tháng\s+)?(?P<m2>[01]?\d)\s*"
                r"(?:" + SEP + r"|\s+năm\s+)\s*" + Y + END,
                I,
            ),
            month_range,
        ),
        (
            "month_year",
            _at_word(r"tháng\s+" + M + r"\s*(?:" + SEP + r"|\s+năm\s+|,\s*năm\s+)\s*" + Y + END, I),
            lambda m: _month(int(m.group("y")), int(m.group("m"))),
        ),
        (
            "month",
            _at_word(r"(?<![\p{L}\d]\s)tháng\s+" + M + r"(?![\d.,/-]|\s*(?:năm|-|/))", I),
            _month_only,
        ),
        (
            "quarter",
            _at_word(r"quý\s+(?P<q>" + quarter_alt + r")\s*(?:" + SEP + r"|\s+năm\s+)\s*" + Y + END, I),
            quarter,
        ),
        (
            "part_of_year",
            _at_word(r"(?P<n>\d{1,2})\s+tháng\s+(?P<part>đầu|cuối)\s+năm\s+" + Y + END, I),
            part_of_year,
        ),
        (
            "year_range",
            _at_word(
                r"(?:(?:"
                + periods
                + r")\s+)?(?<![\d.,/])(?P<y1>(?:19|20)\d{2})"
                + range_sep
                + r"(?:năm\s+)?(?P<y2>(?:19|20)\d{2})"
                + END,
                I,
            ),
            year_range,
        ),
        (
            "year",
            _at_word(r"(?:năm\s+)?(?<![\d.,/-])" + Y + r"(?![\d]|[.,/]\d|\s*(?:người|đoàn viên|lượt))", I),
            lambda m: m.group("y"),
        ),
    ]


_DIGITS = regex.compile(r"\d[\d\s./,\-–]*")


def _near_digits(text: str, before: int = 40, after: int = 40) -> list[tuple[int, int]]:
    """The stretches of text within reach of a digit: every date rule needs one, so the rules
    scan only these (a third of a typical article) instead of every position."""
    spans: list[tuple[int, int]] = []
    for m in _DIGITS.finditer(text):
        s, e = max(0, m.start() - before), min(len(text), m.end() + after)
        if spans and s <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], e))
        else:
            spans.append((s, e))
    return spans


def find_dates(text: str) -> Iterator[DateMatch]:
    spans = _near_digits(text)
    for name, pattern, resolve in _rules():
        for s, e in spans:
            for m in pattern.finditer(text, s, e):
                value = resolve(m)
                if value:
                    yield DateMatch(m.start(), m.end(), value, name)


@cache
def _relative_pattern() -> tuple[regex.Pattern[str], dict[str, list[object]]]:
    table = rules.section("dates", "relative")
    return regex.compile(r"(?<![\p{L}])(" + rules.alternation(list(table)) + r")(?![\p{L}])", regex.I), table


def resolve_relative(phrase: str, published: dt.date) -> str | None:
    _, table = _relative_pattern()
    unit, offset = table[phrase.lower()]
    n = int(str(offset))
    if unit == "year":
        return str(published.year + n)
    if unit == "month":
        y, m = divmod(published.year * 12 + published.month - 1 + n, 12)
        return f"{y:04d}-{m + 1:02d}"
    if unit == "day":
        return (published + dt.timedelta(days=n)).isoformat()
    if unit == "week":
        monday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(weeks=n)
        return f"{monday.isoformat()}/{(monday + dt.timedelta(days=6)).isoformat()}"
    return None


def resolve_year(value: str, published: dt.date | None) -> str:
    """Give a year-less day or month the publication year (CONTRACT: 'ngày 30-6' -> '2017-06-30')."""
    if published is None or not value.startswith("--"):
        return value
    return "/".join(
        f"{published.year:04d}{part[1:]}" if part.startswith("--") else part for part in value.split("/")
    )


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
    pattern, _ = _relative_pattern()
    article.relative_dates = []
    for m in pattern.finditer(text):
        if overlaps(m.start(), m.end(), article.dates):
            continue
        value = resolve_relative(m.group(1), article.published) if article.published else None
        article.relative_dates.append(Mention(m.start(), m.end(), m.group(), "relative", {"value": value}))
        if value:
            article.dates.append(
                DateMention(text=m.group(), start=m.start(), end=m.end(), value=value, rule="relative")
            )
    article.dates.sort(key=lambda d: d.start)
    return article

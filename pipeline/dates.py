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
from itertools import pairwise
from typing import Any

import regex

from . import lunar, rules
from .article import Article, Mention
from .models import DateMention
from .spans import REACH, filter_spans, near_digits, overlaps

D = r"(?P<d>[0-3]?\d)"
M = r"(?P<m>[01]?\d)"
_DAY_NUMBER = regex.compile(r"\d+")
Y = r"(?P<y>(?:19|20)\d{2})"
SEP = r"[/.\-]"
LOOSE_SEP = r"(?:\s?/|[.\-])"  # "28 /7/2017": a stray space before a slash, once a date is certain
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


Resolved = str | list[DateMatch] | None  # a value; or several dates, each with its own span; or none


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: regex.Pattern[str]
    resolve: Callable[[regex.Match[str]], Resolved]
    needs: tuple[str, ...] = ()  # lower-case words the rule cannot match without: cheap to test first
    # Words the date may start with ("thứ Hai, ngày 21/11/2024"), looked for only before a match
    # of `pattern`: as an optional group at the pattern's head they made every position of the
    # text a candidate, at three times the cost. The match then starts where they do.
    prefix: regex.Pattern[str] | None = None
    heads_list: bool = False  # days listed after a match are dates too: "ngày 20.10, 8.3"


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
def _rules() -> list[Rule]:
    data = rules.load("dates")
    prefixes = rules.alternation(data["day_prefixes"])
    day_words = rules.alternation(data["day_words"])
    weekday = r"(?:" + rules.alternation(data["weekdays"]) + r")\s*,?\s*"
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
        """The year written at one end is the other's too, a year apart when the period crosses
        New Year ("từ 15/12 đến 15/1/2018" starts in 2017)."""
        y1 = int(m.group("y1")) if m.group("y1") else None
        y2 = int(m.group("y2")) if m.group("y2") else None
        first, last = (int(m.group("m1")), int(m.group("d1"))), (int(m.group("m2")), int(m.group("d2")))
        crosses = first > last
        if y1 is None and y2 is not None:
            y1 = y2 - crosses
        elif y2 is None and y1 is not None:
            y2 = y1 + crosses
        a, b = _day(y1, *first), _day(y2, *last)
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

    def day_list(m: regex.Match[str]) -> Resolved:
        """ "ngày 10-11/11" and "từ 15 đến 20/11" are periods; "ngày 10 và 11-11" one too when the
        days follow each other; otherwise each listed day is a date of its own."""
        y = int(m.group("y")) if m.group("y") else None
        month = int(m.group("m"))
        firsts = [(d.start(), d.end()) for d in _DAY_NUMBER.finditer(m.group("days"))]
        base = m.start("days")
        days = [int(m.group("days")[s:e]) for s, e in firsts] + [int(m.group("d2"))]
        if any(b <= a for a, b in pairwise(days)):
            return None
        values = [_day(y, month, d) for d in days]
        if None in values:
            return None
        if m.group("sep") not in ("và", ",") or days[-1] - days[0] == len(days) - 1:
            return f"{values[0]}/{values[-1]}"
        spans = [(m.start(), base + firsts[0][1])] + [(base + s, base + e) for s, e in firsts[1:]]
        spans.append((m.start("d2"), m.end()))
        return [DateMatch(s, e, v or "", "day_list") for (s, e), v in zip(spans, values, strict=True)]

    range_sep = r"\s*(?:-|–|—|đến|tới)\s*"
    return [
        Rule(
            "day_range",
            _at_word(
                r"(?P<d1>[0-3]?\d)"
                + SEP
                + r"(?P<m1>[01]?\d)(?:"
                + SEP
                + r"(?P<y1>(?:19|20)\d{2}))?"
                + range_sep
                + r"(?:(?:"
                + day_words
                + r")\s+)?"
                r"(?P<d2>[0-3]?\d)"
                + LOOSE_SEP
                + r"(?P<m2>[01]?\d)(?:"
                + SEP
                + r"(?P<y2>(?:19|20)\d{2}))?"
                + END,
                I,
            ),
            day_range,
            prefix=_at_word(
                r"(?:(?:từ|" + day_words + r")\s+(?:(?:" + day_words + r")\s+)?|(?:" + day_words + r")\s+)$",
                I,
            ),
        ),
        Rule(
            "day_month_year",
            _at_word(r"(?<![\d.,])" + D + LOOSE_SEP + M + SEP + Y + END, I),
            dmy,
            heads_list=True,
            prefix=_at_word(
                r"(?:" + weekday + r"(?:(?:" + day_words + r")\s+)?|(?:" + day_words + r")\s+)$", I
            ),
        ),
        Rule(
            "day_month_year_words",
            _at_word(
                r"(?:" + day_words + r")\s+" + D + r"\s+tháng\s+(?:" + M + r"|(?P<mw>" + month_word + r"))"
                r"\s*(?:,\s*)?(?:năm\s+|[/.-])" + Y + END,
                I,
            ),
            dmy,
            ("tháng",),
        ),
        Rule(
            "day_month_words",
            _at_word(
                r"(?:" + day_words + r")\s+" + D + r"\s+tháng\s+(?:" + M + r"|(?P<mw>" + month_word + r"))"
                r"(?![\p{L}\d])",
                I,
            ),
            dm,
            ("tháng",),
        ),
        Rule(
            "day_month",
            _at_word(r"(?:(?:" + prefixes + r")\s+)(?<![\d.,])" + D + SEP + M + END, I),
            dm,
            heads_list=True,
        ),
        Rule(
            "day_list",
            _at_word(
                r"(?:(?:" + day_words + r")\s+|từ\s+(?:ngày\s+)?)"
                r"(?P<days>[0-3]?\d(?:\s*,\s*[0-3]?\d)*)\s*(?P<sep>và|,|-|–|—|đến|tới)\s*(?:ngày\s+)?"
                r"(?P<d2>[0-3]?\d)\s*"
                + SEP
                + r"\s*"
                + M
                + r"(?:\s*"
                + SEP
                + r"\s*"
                + Y
                + r"|\s+năm\s+"
                + Y
                + r")?"
                + END,
                I,
            ),
            day_list,
        ),
        Rule(
            "month_range",
            _at_word(
                r"tháng\s+(?P<m1>[01]?\d)\s*(?:và|-|–|đến|tới)\s*(?:tháng\s+)?(?P<m2>[01]?\d)\s*"
                r"(?:" + SEP + r"|\s+năm\s+)\s*" + Y + END,
                I,
            ),
            month_range,
            ("tháng",),
        ),
        Rule(
            "month_year",
            _at_word(r"tháng\s+" + M + r"\s*(?:" + SEP + r"|\s+năm\s+|,\s*năm\s+)\s*" + Y + END, I),
            lambda m: _month(int(m.group("y")), int(m.group("m"))),
            ("tháng",),
        ),
        Rule(
            "month",
            _at_word(r"(?<![\p{L}\d]\s)tháng\s+" + M + r"(?![\d.,/-]|\s*(?:năm|-|/))", I),
            _month_only,
            ("tháng",),
        ),
        Rule(
            "quarter",
            _at_word(r"quý\s+(?P<q>" + quarter_alt + r")\s*(?:" + SEP + r"|\s+năm\s+)\s*" + Y + END, I),
            quarter,
            ("quý",),
        ),
        Rule(
            "part_of_year",
            _at_word(r"(?P<n>\d{1,2})\s+tháng\s+(?P<part>đầu|cuối)\s+năm\s+" + Y + END, I),
            part_of_year,
            ("tháng",),
        ),
        Rule(
            "year_range",
            _at_word(
                r"(?<![\d.,/])(?P<y1>(?:19|20)\d{2})"
                + range_sep
                + r"(?:năm\s+)?(?P<y2>(?:19|20)\d{2})"
                + END,
                I,
            ),
            year_range,
            prefix=_at_word(r"(?:" + periods + r")\s+$", I),
        ),
        Rule(
            "year",
            _at_word(r"(?<![\d.,/-])" + Y + r"(?![\d]|[.,/]\d|\s*(?:người|đoàn viên|lượt))", I),
            lambda m: m.group("y"),
            prefix=_at_word(r"năm\s+$", I),
        ),
    ]


# A day and month listed after a date, ending the list or followed by another item.
_NEXT_IN_LIST = regex.compile(
    r"\s*(?:,|;|và)\s*(?<![\d.,])"
    + D
    + SEP
    + M
    + r"(?:"
    + SEP
    + Y
    + r")?"
    + END
    + r"(?=\s*(?:[,.;:…)!?]|và\s|$))"
)


def _listed_after(text: str, pos: int) -> Iterator[DateMatch]:
    """ "nhân dịp ngày 20.10, 8.3…": the days listed after a date are dates too, licensed by it."""
    while (m := _NEXT_IN_LIST.match(text, pos)) is not None:
        y = int(m.group("y")) if m.group("y") else None
        value = _day(y, int(m.group("m")), int(m.group("d")))
        if value is None:
            return
        yield DateMatch(m.start("d"), m.end(), value, "date_list")
        pos = m.end()


def find_dates(text: str) -> Iterator[DateMatch]:
    """Every match of every rule near a digit, before overlaps are settled."""
    for s, e in near_digits(text):
        lower = text[s:e].lower()
        for rule in _rules():
            if rule.needs and not any(word in lower for word in rule.needs):
                continue
            for m in rule.pattern.finditer(text, s, e):
                value = rule.resolve(m)
                if isinstance(value, list):
                    yield from value
                elif value:
                    start = m.start()
                    if rule.prefix is not None and (
                        p := rule.prefix.search(text, max(0, start - REACH), start)
                    ):
                        start = p.start()
                    yield DateMatch(start, m.end(), value, rule.name)
                    if rule.heads_list:
                        yield from _listed_after(text, m.end())


@cache
def _relative_pattern() -> tuple[regex.Pattern[str], dict[str, list[object]]]:
    table = rules.section("dates", "relative")
    phrases = rules.alternation(rules.cased(list(table)))
    return regex.compile(r"(?<![\p{L}])(" + phrases + r")(?![\p{L}])"), table


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
    # Words that point at a date rather than write it; they become dates only against `published`.
    lower = text.lower()  # both look for their phrases with substring tests first
    article.relative_dates = _relative(text, lower, article.dates, article.published)
    article.relative_dates += _named_days(text, lower, article.dates, article.published)
    article.dates += [
        DateMention(text=m.text, start=m.start, end=m.end, value=m.data["value"], rule=m.rule)
        for m in article.relative_dates
        if m.data["value"]
    ]
    article.dates.sort(key=lambda d: d.start)
    return article


def _relative(text: str, lower: str, dates: list[DateMention], published: dt.date | None) -> list[Mention]:
    """ "năm qua", "hôm qua", "tháng trước": resolved against `published`, else no value."""
    pattern, table = _relative_pattern()
    if not any(phrase in lower for phrase in table):
        return []
    out = []
    for m in pattern.finditer(text):
        if not overlaps(m.start(), m.end(), dates):
            value = resolve_relative(m.group(1), published) if published else None
            out.append(Mention(m.start(), m.end(), m.group(), "relative", {"value": value}))
    return out


@cache
def _named_pattern() -> tuple[regex.Pattern[str], dict[str, dict[str, Any]]]:
    written = [(f, spec) for spec in rules.section("dates", "named_days") for f in spec["forms"]]
    table = {f.lower(): spec for f, spec in written}
    # As written, and with a lower-case first word mid-sentence ("nhân ngày Quốc tế Lao động").
    forms = rules.cased([f for f, _ in written] + [f[:1].lower() + f[1:] for f, _ in written])
    return regex.compile(r"(?<![\p{L}])(?:" + rules.alternation(forms) + r")(?![\p{L}])"), table


# What may stand between a named day and its written date: "Tết Nguyên đán Đinh Dậu 2017",
# "Ngày thành lập Công đoàn Việt Nam (28/7/1929 - 28/7/2017)", "20/11 - Ngày Nhà giáo Việt Nam".
_GAP_AFTER = regex.compile(r"[\s(,:–-]*(?:[\p{Lu}Đ]\p{Ll}+\s+[\p{Lu}Đ]\p{Ll}+\s*)?(?:năm\s+)?")
_GAP_BEFORE = regex.compile(r"[\s(),:–-]*$")


def _named_days(text: str, lower: str, dates: list[DateMention], published: dt.date | None) -> list[Mention]:
    """ "Ngày Quốc tế Lao động" -> 2017-05-01 and "Tết Nguyên đán" -> the Tết nearest `published`.

    Like relative words, a named day is the text pointing at a day rather than writing it, so it
    becomes a date only against a known publication date (the gold, read without one, leaves
    them out); without one it is kept aside with no value.
    """
    pattern, table = _named_pattern()
    if not any(form in lower for form in table):
        return []  # a few substring tests spare most articles the scan
    starts = {d.start for d in dates}
    ends = {d.end for d in dates}
    out = []
    for m in pattern.finditer(text):
        gap = _GAP_AFTER.match(text, m.end())
        before = _GAP_BEFORE.search(text, max(0, m.start() - 5), m.start())
        if (gap is not None and gap.end() in starts) or (before is not None and before.start() in ends):
            continue  # the text writes the date itself
        if overlaps(m.start(), m.end(), dates):
            continue
        spec = table[m.group().lower()]
        value = None
        if published is not None and spec.get("lunar"):
            value = lunar.nearest(int(spec["month"]), int(spec["day"]), published).isoformat()
        elif published is not None:
            value = resolve_year(f"--{int(spec['month']):02d}-{int(spec['day']):02d}", published)
        out.append(Mention(m.start(), m.end(), m.group(), "named_day", {"value": value}))
    return out

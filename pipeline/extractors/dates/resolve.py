"""Date values at the grain the text gives, and their resolution against a publication date.

Values: "2022-11-25", "2017-01", "2017", a day or month without a year ("--06-30", "--06") and
periods "START/END". `resolve_year` gives a year-less value the publication year;
`resolve_relative` turns "năm qua" or "tuần tới" into a value; `first_day`/`last_day` make a
period of days from values of any grain.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

import regex

from ...core import rules

_DAY_NUMBER = regex.compile(r"\d+")


def day(y: int | None, m: int, d: int) -> str | None:
    if not 1 <= m <= 12:
        return None
    limit = calendar.monthrange(y if y else 2000, m)[1]
    if not 1 <= d <= limit:
        return None
    return f"{y:04d}-{m:02d}-{d:02d}" if y else f"--{m:02d}-{d:02d}"


def month(y: int | None, m: int) -> str | None:
    if not 1 <= m <= 12:
        return None
    return f"{y:04d}-{m:02d}" if y else f"--{m:02d}"


def resolve_relative(phrase: str, published: dt.date) -> str | None:
    unit, offset = rules.section("dates", "relative")[phrase.lower()]
    n = int(str(offset))
    if unit == "past_year":  # the year a report reviews: the one ending, late in the year
        reviewed = published.month >= int(rules.section("dates", "reviewed_from_month"))
        return str(published.year + n - (0 if reviewed else 1))
    if unit == "year":
        return str(published.year + n)
    if unit == "month":
        y, m = divmod(published.year * 12 + published.month - 1 + n, 12)
        return f"{y:04d}-{m + 1:02d}"
    if unit == "quarter":
        year, index = divmod(published.year * 4 + (published.month - 1) // 3 + n, 4)
        return quarter_period(year, index + 1)
    if unit == "day":
        return (published + dt.timedelta(days=n)).isoformat()
    if unit == "week":
        monday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(weeks=n)
        return f"{monday.isoformat()}/{(monday + dt.timedelta(days=6)).isoformat()}"
    return None


def resolve_weekday(index: int, how: str, n: int, published: dt.date) -> str:
    """Weekday `index` (0 Monday .. 6 Sunday) in the week `n` weeks from `published` (`how`
    "week"), or the first one after it ("next") or the last one before it ("last")."""
    if how == "next":
        return (published + dt.timedelta(days=(index - published.weekday() - 1) % 7 + 1)).isoformat()
    if how == "last":
        return (published - dt.timedelta(days=(published.weekday() - index - 1) % 7 + 1)).isoformat()
    monday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(weeks=n)
    return (monday + dt.timedelta(days=index)).isoformat()


def resolve_year(value: str, published: dt.date | None) -> str:
    """Give a year-less day or month the publication year (CONTRACT: 'ngày 30-6' -> '2017-06-30')."""
    if published is None or not value.startswith("--"):
        return value
    return "/".join(
        f"{published.year:04d}{part[1:]}" if part.startswith("--") else part for part in value.split("/")
    )


def first_day(v: str) -> str:
    """The first day a value of any grain covers: "2022" -> "2022-01-01"."""
    return v + "-01-01"[len(v) - 4 :] if len(v) < 10 else v


def last_day(v: str) -> str:
    """The last day a value of any grain covers: "2022-02" -> "2022-02-28"."""
    if len(v) == 4:
        return f"{v}-12-31"
    if len(v) == 7:
        y, m = int(v[:4]), int(v[5:])
        nxt = dt.date(y + (m == 12), m % 12 + 1, 1)
        return (nxt - dt.timedelta(days=1)).isoformat()
    return v


# From a rule's match to its value (the rules themselves are in `rules`).


@dataclass(frozen=True)
class DateMatch:
    start: int
    end: int
    value: str
    rule: str


Resolved = str | list[DateMatch] | None  # a value; or several dates, each with its own span; or none


def month_of(m: regex.Match[str]) -> int:
    raw = m.group("m") or m.group("mw")
    return int(raw) if raw.isdigit() else int(rules.section("dates", "month_words")[raw.lower()])


def dmy(m: regex.Match[str]) -> str | None:
    return day(int(m.group("y")), month_of(m), int(m.group("d")))


def dm(m: regex.Match[str]) -> str | None:
    return day(None, month_of(m), int(m.group("d")))


def holiday(m: regex.Match[str]) -> str | None:
    """A day and month only when a fixed named day falls on it ("1-5", "30-4", "2-9")."""
    value = dm(m)
    return value if value in _fixed_holidays() else None


@cache
def _fixed_holidays() -> frozenset[str]:
    days = rules.section("dates", "named_days")
    return frozenset(f"--{d['month']:02d}-{d['day']:02d}" for d in days if not d.get("lunar"))


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
    a, b = day(y1, *first), day(y2, *last)
    return f"{a}/{b}" if a and b else None


def month_range(m: regex.Match[str]) -> str | None:
    y = int(m.group("y"))
    a, b = month(y, int(m.group("m1"))), month(y, int(m.group("m2")))
    return f"{a}/{b}" if a and b and a < b else None


def year_range(m: regex.Match[str]) -> str | None:
    a, b = int(m.group("y1")), int(m.group("y2"))
    return f"{a}/{b}" if a < b else None


def quarter_number(word: str) -> int:
    """ "3", "III", "ba" -> 3."""
    table = {k.lower(): int(v) for k, v in rules.section("dates", "quarters").items()}
    return table[word.lower()]


def quarter_period(year: int, q: int) -> str:
    """Quarter `q` (1..4) of `year` as a period of months: (2018, 4) -> "2018-10/2018-12"."""
    return f"{year:04d}-{3 * q - 2:02d}/{year:04d}-{3 * q:02d}"


def quarter(m: regex.Match[str]) -> str | None:
    return quarter_period(int(m.group("y")), quarter_number(m.group("q")))


def part_of_year(m: regex.Match[str]) -> str | None:
    n, y = int(m.group("n")), int(m.group("y"))
    if not 1 <= n <= 12:
        return None
    if m.group("part") in ("đầu", None):
        return f"{y}-01/{y}-{n:02d}"
    return f"{y}-{13 - n:02d}/{y}-12"


def day_list(m: regex.Match[str]) -> Resolved:
    """ "ngày 10-11/11" and "từ 15 đến 20/11" are periods; "ngày 10 và 11-11" one too when the
    days follow each other; otherwise each listed day is a date of its own."""
    y = int(m.group("y")) if m.group("y") else None
    mon = int(m.group("m"))
    firsts = [(d.start(), d.end()) for d in _DAY_NUMBER.finditer(m.group("days"))]
    base = m.start("days")
    days = [int(m.group("days")[s:e]) for s, e in firsts] + [int(m.group("d2"))]
    if any(b <= a for a, b in pairwise(days)):
        return None
    values = [day(y, mon, d) for d in days]
    if None in values:
        return None
    if m.group("sep") not in ("và", ",") or days[-1] - days[0] == len(days) - 1:
        return f"{values[0]}/{values[-1]}"
    spans = [(m.start(), base + firsts[0][1])] + [(base + s, base + e) for s, e in firsts[1:]]
    spans.append((m.start("d2"), m.end()))
    return [DateMatch(s, e, v or "", "day_list") for (s, e), v in zip(spans, values, strict=True)]


def cycle_year(stem: str, branch: str, near: int) -> int | None:
    """The year named `stem branch` in the sixty-year cycle nearest the year `near`."""
    lunar = rules.section("dates", "lunar_years")
    s, b = lunar["stems"].index(stem), lunar["branches"].index(branch)
    offsets = [k for k in range(60) if k % 10 == s and k % 12 == b]
    if not offsets:
        return None  # an impossible name: stems and branches pair odd with odd, even with even
    base = 1984 + offsets[0]  # 1984 is Giáp Tý, the cycle's first year
    return base + 60 * round((near - base) / 60)

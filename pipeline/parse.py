"""`parse`: every number, amount of money, percentage, date, period and relative date in a short
text, each with its span, value, grain and rule (after Duckling's `/parse`).

For table cells and form fields rather than articles: the article-level filters that keep a bare
"một" or "hai" in prose from being a count are off ("hai mươi" is 20), and relative dates
resolve against `reference` (default: none, so they carry no value). The text is read as given:
offsets index it, so `text[start:end] == parsed.text`. `explain` is the article view.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from decimal import Decimal
from functools import cache
from typing import Any, Literal

import regex

from .core import rules
from .core.article import TextSpan
from .core.patterns import alternation, cased
from .core.spans import filter_spans, overlaps
from .extractors.dates.find import find_dates
from .extractors.dates.resolve import (
    DateMatch,
    day,
    month_of,
    quarter_number,
    quarter_period,
    resolve_weekday,
    resolve_year,
)
from .extractors.dates.spoken import named_days, ordinal_before, relative
from .extractors.dates.stage import place_lunar_years
from .extractors.numbers.reader import as_number, find_word_numbers
from .extractors.quantities.stage import find_quantities
from .extractors.references.stage import labelled_numbers
from .output.models import DateMention

Dim = Literal["number", "money", "percent", "date", "period", "relative"]
DIMS: tuple[Dim, ...] = ("number", "money", "percent", "date", "period", "relative")
Grain = Literal["day", "month", "quarter", "year", "period", "number", "money", "percent"]


@dataclass(frozen=True)
class Parsed:
    dim: Dim
    text: str
    start: int
    end: int
    value: Any  # a number, or a date value "2017-05-01", "2017-05", "2017", "--05-01", "A/B"
    grain: str
    rule: str
    unit: str | None = None  # the currency of money, the counted noun of a number

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def parse(text: str, *, dims: Iterable[str] = DIMS, reference: dt.date | str | None = None) -> list[Parsed]:
    """Everything of the asked `dims` in `text`, in text order, overlaps settled (longest wins).

    >>> [(p.dim, p.value) for p in parse("hai mươi đoàn viên và 1,5 tỷ đồng")]
    [('number', 20), ('money', 1500000000)]
    >>> [p.value for p in parse("ngày 7/3/2017 và hôm qua", reference="2017-03-09")]
    ['2017-03-07', '2017-03-08']
    """
    if not isinstance(text, str):
        raise TypeError(f"parse takes a str, not {type(text).__name__}")
    wanted = set(dims)
    unknown = wanted - set(DIMS)
    if unknown:
        raise ValueError(f"unknown dims {sorted(unknown)}; choose from {', '.join(DIMS)}")
    day = _reference(reference)
    dates = filter_spans(_dates(text, day))
    # The quantities are read outside the dates and apart from each other, except a range's two
    # ends, which both stay: "50 - 100 nghìn đồng" is 50000 (over the range) and 100000.
    found = sorted(dates + _quantities(text, dates), key=lambda p: (p.start, -p.end))
    return [p for p in found if p.dim in wanted]


def _reference(value: dt.date | str | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"reference must be YYYY-MM-DD, not {value!r}") from None


def _dates(text: str, reference: dt.date | None) -> list[Parsed]:
    matches = place_lunar_years(filter_spans(find_dates(text)), reference)
    matches = filter_spans([*matches, *_short_dates(text, reference, matches)])
    written = [
        DateMention(
            text=text[m.start : m.end],
            start=m.start,
            end=m.end,
            value=resolve_year(m.value, reference),
            rule=m.rule,
        )
        for m in matches
    ]
    out = [_date(d.text, d.start, d.end, d.value, d.rule or "") for d in written]
    lower = text.lower()
    spoken = [*relative(text, lower, written, reference), *named_days(text, lower, written, reference)]
    for m in spoken:
        value = m.data.get("value")
        out.append(_date(m.text, m.start, m.end, value, m.rule, dim="relative"))
    # a written date beside them wins by its length in `parse` ("thứ 2 ngày 6 tháng 2")
    out += [p for p in _field_relatives(text, reference) if not overlaps(p.start, p.end, spoken)]
    return out


@cache
def _field_patterns() -> dict[str, regex.Pattern[str]]:
    days = rules.section("dates", "weekday_index")
    numbered = alternation([w for w in days if " " not in w])
    named = alternation(cased([w for w in days if " " in w]))
    quarters = alternation(list(rules.section("dates", "quarters")))
    months = alternation([w for w in rules.section("dates", "month_words") if w != "năm"])
    return {
        "weekday": regex.compile(
            r"(?<![\p{L}])(?:[Tt]hứ\s+(?P<day>" + numbered + r")|(?P<day>" + named + r"))(?![\p{L}\d])"
        ),
        "after_ordinal": regex.compile(r"\s+là(?![\p{L}])"),
        "quarter": regex.compile(r"(?<![\p{L}])[Qq]uý\s+(?P<q>" + quarters + r")(?![\p{L}\d])", regex.I),
        "month_next": regex.compile(
            r"(?<![\p{L}])[Tt]háng\s+(?:(?P<m>1[0-2]|0?[1-9])|(?P<mw>" + months + r"))\s+tới(?![\p{L}])"
        ),
    }


def _field_relatives(text: str, reference: dt.date | None) -> list[Parsed]:
    """What a form field says alone and an article would not: a bare weekday ("thứ hai": the next
    Monday; in prose it is as often "the second"), a quarter without its year ("quý 3": of the
    reference's), a month to come ("tháng 3 tới": the next March)."""
    p = _field_patterns()
    out = []
    days = rules.section("dates", "weekday_index")
    for m in p["weekday"].finditer(text):
        if ordinal_before(text, m.start()) or p["after_ordinal"].match(text, m.end()):
            continue  # "lần thứ năm", "thứ hai là": it counts
        index = int(days[m.group("day").lower()])
        value = resolve_weekday(index, "next", 0, reference) if reference else None
        out.append(Parsed("relative", m.group(), m.start(), m.end(), value, "day", "weekday_alone"))
    for m in p["quarter"].finditer(text):
        q = quarter_number(m.group("q"))
        value = quarter_period(reference.year, q) if reference else None
        out.append(Parsed("relative", m.group(), m.start(), m.end(), value, "quarter", "quarter_alone"))
    for m in p["month_next"].finditer(text):
        number = month_of(m)
        value = None
        if reference:
            year = reference.year + (number <= reference.month)
            value = f"{year}-{number:02d}"
        out.append(Parsed("relative", m.group(), m.start(), m.end(), value, "month", "month_next"))
    return out


# A field's date with no word before it: "7/3", "07/03", "3/3/17", "3/9/91". In an article such a
# pair is as often a ratio or a fraction ("1/10"), so only `parse` reads it.
# A pair right after a capitalised word ends a name: "Cty Cơ khí 1/5".
_SHORT = regex.compile(
    r"(?<![\d/.,])(?<![\p{Lu}Đ][\p{L}\p{M}]*\s(?:[\p{L}\p{M}]+\s)?)(?P<d>[0-3]?\d)/(?P<m>[01]?\d)(?:/(?P<y>\d{4}|\d{2}))?(?![\d/])"
)
_DAY = regex.compile(r"(?:\d{4}|-)-\d\d-\d\d")
_MONTH = regex.compile(r"(?:\d{4}|-)-\d\d")


def _short_dates(text: str, reference: dt.date | None, taken: list[DateMatch]) -> list[DateMatch]:
    out = []
    for m in _SHORT.finditer(text):
        if overlaps(m.start(), m.end(), taken):
            continue
        year = m.group("y")
        if year is not None and len(year) == 2:
            pivot = (reference.year % 100 + 10) if reference else 50  # "17" -> 2017, "91" -> 1991
            year = ("20" if int(year) <= pivot else "19") + year
        value = day(int(year) if year else None, int(m.group("m")), int(m.group("d")))
        if value:
            out.append(DateMatch(m.start(), m.end(), value, "short_date"))
    return out


def _date(text: str, start: int, end: int, value: str | None, rule: str, dim: Dim | None = None) -> Parsed:
    if value is not None and "/" in value:
        return Parsed(dim or "period", text, start, end, value, "period", rule)
    if value and _DAY.fullmatch(value):
        grain = "day"
    else:
        grain = "month" if value and _MONTH.fullmatch(value) else "year"
    return Parsed(dim or "date", text, start, end, value, grain, rule)


def _quantities(text: str, dates: list[Parsed]) -> list[Parsed]:
    """Counts, money and percentages as the article reader finds them, then numbers in words that
    it leaves out for want of a counted noun after them ("hai mươi")."""
    # Numbers that name ("Điều 5", "phòng 305", "vàng 9999") are no quantities here either.
    blocked = [TextSpan(d.start, d.end) for d in dates] + labelled_numbers(text)
    out: list[Parsed] = []
    for q in find_quantities(text, blocked, minus_at_line_start=True):
        dim: Dim = "money" if q.kind == "money" else "percent" if q.kind == "percent" else "number"
        value = as_number(Decimal(str(q.value)))
        out.append(Parsed(dim, q.text, q.start, q.end, value, dim, q.rule or "", q.unit))
    taken = blocked + [TextSpan(p.start, p.end) for p in out]
    for n in find_word_numbers(text):
        if not overlaps(n.start, n.end, taken):
            number = as_number(n.value)
            out.append(Parsed("number", text[n.start : n.end], n.start, n.end, number, "number", n.rule))
    return out

"""Dates the text points at rather than writes: relative words ("năm qua", "hôm qua") and named
days ("Ngày Quốc tế Lao động", "Tết Nguyên đán"). Both become values only against a known
publication date; without one they are kept aside with no value (the achievements stage still
reads them)."""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Any

import regex

from ...core import rules
from ...core.article import Mention
from ...core.patterns import alternation, cased
from ...core.spans import SpanIndex
from ...output.models import DateMention
from . import lunar
from .resolve import resolve_relative, resolve_weekday, resolve_year


@cache
def _relative_pattern() -> tuple[regex.Pattern[str], dict[str, list[object]]]:
    table = rules.section("dates", "relative")
    phrases = alternation(cased(list(table)))
    return regex.compile(r"(?<![\p{L}])(" + phrases + r")(?![\p{L}])"), table


_AFTER_THU = regex.compile(r"(?<![\p{L}])[Tt]hứ\s+$")


@cache
def _weekday_pattern() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """The weekday phrase, and the words before it that make "thứ năm" an ordinal (checked after
    a match: a look-behind of many words at every position would cost the whole text's scan)."""
    days = rules.section("dates", "weekday_index")
    words = [w for w in days if not w.isdigit()]
    placed = rules.section("dates", "weekday_relative")
    not_after = alternation(cased(rules.section("dates", "not_weekday_after")))
    numbered = alternation(cased([w for w in words if " " not in w]))  # "thứ năm"
    named = alternation(cased([w for w in words if " " in w]))  # "chủ nhật"
    phrase = regex.compile(
        r"(?:(?<![\p{L}])[Tt]hứ\s+(?P<day>" + numbered + r"|[2-7])|(?<![\p{L}])(?P<day>" + named + r"))"
        r"\s+(?:của\s+)?(?P<when>" + alternation(list(placed)) + r")(?![\p{L}])"
    )
    return phrase, regex.compile(r"(?<![\p{L}])(?:" + not_after + r")\s+$")


def ordinal_before(text: str, start: int) -> bool:
    """Whether "thứ năm" at `start` counts ("lần thứ năm"), not names a weekday."""
    return _weekday_pattern()[1].search(text, max(0, start - 12), start) is not None


def weekdays(text: str, lower: str, published: dt.date | None) -> list[Mention]:
    """ "thứ năm tuần tới", "thứ sáu tới", "chủ nhật vừa rồi": a day against `published`."""
    if "thứ" not in lower and "nhật" not in lower:
        return []
    days = rules.section("dates", "weekday_index")
    placed = rules.section("dates", "weekday_relative")
    phrase = _weekday_pattern()[0]
    out = []
    for m in phrase.finditer(text):
        if ordinal_before(text, m.start()):
            continue  # "lần thứ năm tới đây"
        how, n = placed[m.group("when")]
        index = int(days[m.group("day").lower()])
        value = resolve_weekday(index, how, int(n), published) if published else None
        out.append(Mention(m.start(), m.end(), m.group(), "weekday", {"value": value}))
    return out


def relative(text: str, lower: str, dates: list[DateMention], published: dt.date | None) -> list[Mention]:
    """ "năm qua", "hôm qua", "tháng trước", "thứ năm tuần tới": resolved against `published`,
    else no value."""
    pattern, table = _relative_pattern()
    written = SpanIndex(dates)
    out = [m for m in weekdays(text, lower, published) if not written.overlaps(m.start, m.end)]
    if not any(phrase in lower for phrase in table):
        return out
    taken = SpanIndex([*dates, *out])
    for m in pattern.finditer(text):
        if _AFTER_THU.search(text, max(0, m.start() - 6), m.start()):
            continue  # "lần thứ năm tới đây": "năm" is an ordinal there, not the year
        if not taken.overlaps(m.start(), m.end()):
            value = resolve_relative(m.group(1), published) if published else None
            out.append(Mention(m.start(), m.end(), m.group(), "relative", {"value": value}))
    return out


@cache
def _named_pattern() -> tuple[regex.Pattern[str], dict[str, dict[str, Any]]]:
    written = [(f, spec) for spec in rules.section("dates", "named_days") for f in spec["forms"]]
    table = {f.lower(): spec for f, spec in written}
    # As written, and with a lower-case first word mid-sentence ("nhân ngày Quốc tế Lao động").
    forms = cased([f for f, _ in written] + [f[:1].lower() + f[1:] for f, _ in written])
    return regex.compile(r"(?<![\p{L}])(?:" + alternation(forms) + r")(?![\p{L}])"), table


# What may stand between a named day and its written date: "Tết Nguyên đán Đinh Dậu 2017",
# "Ngày thành lập Công đoàn Việt Nam (28/7/1929 - 28/7/2017)", "20/11 - Ngày Nhà giáo Việt Nam".
_GAP_AFTER = regex.compile(r"[\s(,:–-]*(?:[\p{Lu}Đ]\p{Ll}+\s+[\p{Lu}Đ]\p{Ll}+\s*)?(?:năm\s+)?")
_GAP_BEFORE = regex.compile(r"[\s(),:–-]*$")


def named_days(text: str, lower: str, dates: list[DateMention], published: dt.date | None) -> list[Mention]:
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
    written = SpanIndex(dates)
    out = []
    for m in pattern.finditer(text):
        gap = _GAP_AFTER.match(text, m.end())
        before = _GAP_BEFORE.search(text, max(0, m.start() - 5), m.start())
        if (gap is not None and gap.end() in starts) or (before is not None and before.start() in ends):
            continue  # the text writes the date itself
        if written.overlaps(m.start(), m.end()):
            continue
        spec = table[m.group().lower()]
        value = None
        if published is not None and spec.get("lunar"):
            value = lunar.nearest(int(spec["month"]), int(spec["day"]), published).isoformat()
        elif published is not None:
            value = resolve_year(f"--{int(spec['month']):02d}-{int(spec['day']):02d}", published)
        out.append(Mention(m.start(), m.end(), m.group(), "named_day", {"value": value}))
    return out

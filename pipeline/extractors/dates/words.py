"""Dates written without a digit: months in words ("tháng tư", "tháng mười năm 2017") and lunar
years by their names in the sixty-year cycle ("Tết Ất Dậu", "năm mới Bính Tuất")."""

from __future__ import annotations

import calendar
from typing import Any

import regex

from ...core import rules
from ...core.patterns import alternation
from .resolve import day, month, month_of
from .rule import END, I, M, Rule, Y, at_word


def word_rules(data: dict[str, Any]) -> list[Rule]:
    """Dates written without a digit: months in words, and lunar years by their names."""
    months: dict[str, int] = data["month_words"]
    # "tháng năm" is also "months and years": a month in words needs its year after "năm".
    bare = alternation([w for w in months if w != "năm"])
    after = r"(?!\s*(?:mươi|trăm|nghìn|ngàn|triệu|tỷ|tỉ|lăm|mốt|rưỡi)(?![\p{L}]))"
    # Not a count of months: "3 tháng", "hai tháng", "hàng tháng", "mỗi tháng".
    counted = alternation([*months, *data["month_counters"]])
    before = r"(?<!\d\s)(?<!(?<![\p{L}])(?:" + counted + r")\s)"
    lunar = data["lunar_years"]
    heads, stems, branches = (alternation(list(lunar[k])) for k in ("heads", "stems", "branches"))
    return [
        Rule(
            "month_words_year",
            at_word(
                r"(?<![\d\p{L}]\s)tháng\s+(?P<mw>"
                + alternation(list(months))
                + r")"
                + after
                + r"\s*,?\s*(?:năm\s+|[/.-])"
                + Y
                + END,
                I,
            ),
            lambda m: month(int(m.group("y")), _month_word(m.group("mw"))),
            ("tháng",),
            anywhere=True,
        ),
        Rule(
            "month_words",
            at_word(before + r"tháng\s+(?P<mw>" + bare + r")(?![\p{L}])" + after, I),
            lambda m: month(None, _month_word(m.group("mw"))),
            ("tháng",),
            anywhere=True,
        ),
        # "ngày đầu tiên của tháng ba", "ngày cuối cùng của tháng 2 năm 2024": a month's first or
        # last day (the last of a February needs its year).
        Rule(
            "month_edge_day",
            at_word(
                r"ngày\s+(?P<edge>đầu\s+tiên|cuối\s+cùng)\s+(?:của\s+|trong\s+)?tháng\s+(?:"
                + M
                + r"|(?P<mw>"
                + bare
                + r"))(?![\p{L}\d])(?:\s*,?\s*(?:năm\s+|[/.-])"
                + Y
                + END
                + ")?",
                I,
            ),
            _month_edge,
            ("tháng",),
            anywhere=True,
        ),
        # "Tết Ất Dậu", "năm mới Bính Tuất": a year named in the sixty-year cycle, placed in its
        # century by the article (see `stage.place_lunar_years`); not when the year is written after.
        Rule(
            "lunar_year",
            regex.compile(
                r"(?<![\p{L}])(?:" + heads + r")\s+(?P<stem>" + stems + r")\s+(?P<branch>" + branches + r")"
                r"(?![\p{L}])(?!\s*(?:\(|năm\s+|,\s*)?\d)"
            ),
            lambda m: f"cycle:{m.group('stem')}:{m.group('branch')}",
            anywhere=True,
        ),
    ]


def _month_edge(m: regex.Match[str]) -> str | None:
    year = int(m.group("y")) if m.group("y") else None
    if m.group("edge").lower().startswith("đầu"):
        return day(year, month_of(m), 1)
    if year is None and month_of(m) == 2:
        return None  # 28 or 29 days: the year decides
    return day(year, month_of(m), calendar.monthrange(year or 2001, month_of(m))[1])


def _month_word(word: str) -> int:
    return int(rules.section("dates", "month_words")[word.lower()])

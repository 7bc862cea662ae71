"""The date rules: one named pattern each, and how its match becomes a value.

Rules come in four families, each built by one function (days, months and quarters, years, and
dates in words: `words`);
their order is the order in which ties between equally long matches are settled. Each match
resolves to a value at the grain the text gives (`resolve`); a rule may need a word before it
can match (`needs`, tested cheaply first) and may start earlier at an optional prefix that is
looked for only before a match (`prefix`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from ...core import rules
from ...core.patterns import YEAR, alternation
from .resolve import (
    day_list,
    day_range,
    dm,
    dmy,
    holiday,
    month,
    month_range,
    part_of_year,
    quarter,
    year_range,
)
from .rule import END, LOOSE_SEP, SEP, D, I, M, Rule, Y, at_digit, at_word
from .words import word_rules


def month_only(m: regex.Match[str]) -> str | None:
    return month(None, int(m.group("m")))


@dataclass(frozen=True)
class Words:
    """The rule files' word lists as alternations."""

    prefixes: str
    day_words: str
    weekday: str
    month_word: str
    periods: str
    quarters: str
    not_year_before: str
    not_month_before: str


# What a rule cannot match without, tested on the whole text first (`Rule.needs`): cheap, and a
# text dense in figures with none of them (a price list, a table of numbers) skips the rule. The
# range separator is built from the same marks, so that the two cannot drift apart.
_RANGE_MARKS = ("-", "–", "—", "đến", "tới")
RANGE_SEP = r"\s*(?:" + "|".join(regex.escape(mark) for mark in _RANGE_MARKS) + r")\s*"
_YEAR_DIGITS = ("19", "20")  # core.patterns.YEAR


@cache
def date_rules() -> list[Rule]:
    data = rules.load("dates")
    w = Words(
        prefixes=alternation(data["day_prefixes"]),
        day_words=alternation(data["day_words"]),
        weekday=r"(?:" + alternation(data["weekdays"]) + r")\s*,?\s*",
        month_word=alternation(list(data["month_words"])),
        periods=alternation(data["period_prefixes"]),
        quarters=alternation(list(data["quarters"])),
        not_year_before=alternation(data["not_year_before"]),
        not_month_before=alternation(data["not_month_before"]),
    )
    return [*_day_rules(w), *_month_rules(w), *_year_rules(w), *word_rules(data)]


def _day_rules(w: Words) -> list[Rule]:
    day_words, prefixes, weekday, month_word = w.day_words, w.prefixes, w.weekday, w.month_word
    range_sep = RANGE_SEP
    return [
        Rule(
            "day_range",
            at_digit(
                r"(?P<d1>[0-3]?\d)"
                + SEP
                + r"(?P<m1>[01]?\d)(?:"
                + SEP
                + r"(?P<y1>"
                + YEAR
                + r"))?"
                + range_sep
                + r"(?:(?:"
                + day_words
                + r")\s+)?"
                r"(?P<d2>[0-3]?\d)"
                + LOOSE_SEP
                + r"(?P<m2>[01]?\d)(?:"
                + SEP
                + r"(?P<y2>"
                + YEAR
                + r"))?"
                + END,
                I,
            ),
            day_range,
            _RANGE_MARKS,
            prefix=at_word(
                r"(?:(?:từ|" + day_words + r")\s+(?:(?:" + day_words + r")\s+)?|(?:" + day_words + r")\s+)$",
                I,
            ),
        ),
        Rule(
            "day_month_year",
            at_digit(r"(?<![\d.,])" + D + LOOSE_SEP + M + SEP + Y + END, I),
            dmy,
            _YEAR_DIGITS,
            heads_list=True,
            prefix=at_word(
                r"(?:" + weekday + r"(?:(?:" + day_words + r")\s+)?|(?:" + day_words + r")\s+)$", I
            ),
        ),
        Rule(
            "day_month_year_words",
            # "ngày 12 tháng 10 năm 2017", and "12 tháng 10 năm 2017": with its year it is a day
            at_digit(
                r"(?<![\d.,]\s?)" + D + r"\s+tháng\s+(?:" + M + r"|(?P<mw>" + month_word + r"))"
                r"\s*(?:,\s*)?(?:năm\s+|[/.-])" + Y + END,
                I,
            ),
            dmy,
            ("tháng",),
            prefix=at_word(r"(?:" + weekday + r")?(?:(?:" + day_words + r")\s+){0,2}$", I),
        ),
        Rule(
            "day_month_words",
            at_word(
                r"(?:" + day_words + r")\s+" + D + r"\s+tháng\s+(?:" + M + r"|(?P<mw>" + month_word + r"))"
                r"(?![\p{L}\d])",
                I,
            ),
            dm,
            ("tháng",),
            # "chủ nhật ngày mồng 9 tháng 4", "ngày mồng 7 tháng 3": the weekday and "ngày" too
            prefix=at_word(
                r"(?:(?:" + weekday + r")(?:(?:" + day_words + r")\s+)?|(?:" + day_words + r")\s+)$", I
            ),
        ),
        Rule(
            "day_month",
            at_word(r"(?:(?:" + prefixes + r")\s+)(?<![\d.,])" + D + SEP + M + END, I),
            dm,
            heads_list=True,
        ),
        # "Sáng nay, 28-4, tại Hà Nội", "hôm nay (5/1)": a day and month set off by commas or in
        # parentheses is the day the news is of.
        Rule(
            "day_month_aside",
            at_digit(
                r"(?:(?<=,\s?)(?<![\d.,])" + D + r"\s?[-–/.]\s?" + M + r"(?![\d]|[.,/-]\d)(?=\s*,)"
                r"|(?<=\()" + D + r"[-/.]" + M + r"(?=\)))",
                I,
            ),
            dm,
            (",", "("),
        ),
        # "Quốc tế lao động 1-5", "miền Nam 30- 4, thống nhất": a fixed holiday's day and month
        # ending a phrase is that holiday (a range of counts, "1-5 người", goes on to its noun).
        Rule(
            "day_month_holiday",
            at_digit(
                r"(?<![\d.,/])" + D + r"\s?[-–]\s?" + M + r"(?![\d]|[.,/-]\d)"
                r"(?=\s*(?:[,.;:)…!?\n]|$|(?:và|vừa|năm|tới|hằng|hàng)\s))",
                I,
            ),
            holiday,
            ("-", "–"),
        ),
        Rule(
            "day_list",
            at_word(
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
    ]


def _month_rules(w: Words) -> list[Rule]:
    quarter_alt = w.quarters
    return [
        Rule(
            "month_range",
            at_word(
                r"tháng\s+(?P<m1>[01]?\d)\s*(?:và|-|–|đến|tới)\s*(?:tháng\s+)?(?P<m2>[01]?\d)\s*"
                r"(?:" + SEP + r"|\s+năm\s+)\s*" + Y + END,
                I,
            ),
            month_range,
            ("tháng",),
        ),
        Rule(
            "month_year",
            at_word(r"tháng\s+" + M + r"\s*(?:" + SEP + r"|\s+năm\s+|,\s*năm\s+)\s*" + Y + END, I),
            lambda m: month(int(m.group("y")), int(m.group("m"))),
            ("tháng",),
        ),
        # "trong tháng 8", "Tháng 8 vừa qua": a month alone. Not after a figure ("3 tháng 5 ngày":
        # a duration), nor before a year (the rules above), an amount or a count.
        Rule(
            "month",
            at_word(
                r"(?<!\d\s)tháng\s+"
                + M
                + END
                + r"(?!\s*(?:năm|-|/)|\s+(?:"
                + w.not_month_before
                + r")(?![\p{L}]))",
                I,
            ),
            month_only,
            ("tháng",),
        ),
        Rule(
            "quarter",
            at_word(
                r"quý\s+(?P<q>"
                + quarter_alt
                + r")(?![\p{L}])\s*(?:"
                + SEP
                + r"|\s+(?:của\s+)?năm\s+)\s*"
                + Y
                + END,
                I,
            ),
            quarter,
            ("quý",),
        ),
        Rule(
            "part_of_year",
            # "9 tháng năm 2023" (no "đầu") is the year's first nine months, as reports count them
            at_digit(r"(?P<n>\d{1,2})\s+tháng\s+(?:(?P<part>đầu|cuối)\s+)?năm\s+" + Y + END, I),
            part_of_year,
            ("tháng",),
        ),
    ]


def _year_rules(w: Words) -> list[Rule]:
    periods = w.periods
    range_sep = RANGE_SEP
    return [
        Rule(
            "year_range",
            at_digit(
                r"(?<![\d.,/])(?P<y1>" + YEAR + r")" + range_sep + r"(?:năm\s+)?(?P<y2>" + YEAR + r")" + END,
                I,
            ),
            year_range,
            _RANGE_MARKS,
            prefix=at_word(r"(?:" + periods + r")\s+$", I),
        ),
        Rule(
            "year",
            at_digit(
                r"(?<![\d.,/-])" + Y + r"(?![\d]|[.,/]\d|\s*(?:" + w.not_year_before + r")(?![\p{L}]))", I
            ),
            lambda m: m.group("y"),
            _YEAR_DIGITS,
            prefix=at_word(r"năm\s+$", I),
        ),
    ]

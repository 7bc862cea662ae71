"""Shape of `dates.yaml`."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from ...core.schema import RuleFile, Shape, Words


class NamedDay(Shape):
    forms: Words
    month: int = Field(ge=1, le=12)
    day: int = Field(ge=1, le=31)
    lunar: bool = False


class LunarYears(Shape):
    heads: Words
    stems: Words = Field(min_length=10, max_length=10)
    branches: Words = Field(min_length=12, max_length=12)


class Dates(RuleFile):
    day_prefixes: Words
    day_words: Words
    weekdays: Words
    month_words: dict[str, int]
    month_counters: Words
    period_prefixes: Words
    quarters: dict[str, int]
    reviewed_from_month: int = Field(ge=1, le=12)
    relative: dict[str, tuple[Literal["past_year", "year", "quarter", "month", "week", "day"], int]]
    weekday_index: dict[str, int]
    weekday_relative: dict[str, tuple[Literal["week", "next", "last"], int]]
    not_weekday_after: Words
    not_year_before: Words
    not_month_before: Words
    named_days: list[NamedDay]
    lunar_years: LunarYears


SCHEMAS: dict[str, type[BaseModel]] = {"dates": Dates}

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


class Dates(RuleFile):
    day_prefixes: Words
    day_words: Words
    weekdays: Words
    month_words: dict[str, int]
    period_prefixes: Words
    quarters: dict[str, int]
    relative: dict[str, tuple[Literal["year", "month", "week", "day"], int]]
    named_days: list[NamedDay]


SCHEMAS: dict[str, type[BaseModel]] = {"dates": Dates}

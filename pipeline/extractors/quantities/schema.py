"""Shape of `units.yaml`."""

from __future__ import annotations

from pydantic import BaseModel

from ...core.schema import RuleFile, Shape, Words


class CountUnit(Shape):
    forms: Words
    canonical: str
    normalized: str | None = None


class Units(RuleFile):
    currencies: dict[str, Words]
    not_currency_after: Words
    currency_prefixes: dict[str, Words]
    minor_units: dict[str, Words]
    percent_words: Words
    plan_words: Words
    reach_verbs: Words
    not_quantity_units: Words
    words_alone_not_counts: Words
    idioms_with_numbers: Words
    not_counted_after_words: Words
    count_units: list[CountUnit]


SCHEMAS: dict[str, type[BaseModel]] = {"units": Units}

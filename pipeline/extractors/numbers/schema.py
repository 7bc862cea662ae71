"""Shape of `numbers.yaml`."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel

from ...core.schema import RuleFile, Words

QualifierKind = Literal["approximately", "more_than", "at_least", "less_than", "at_most"]


class Numbers(RuleFile):
    scales: dict[str, int]
    word_digits: dict[str, int]
    word_multipliers: dict[str, int]
    word_zero_tens: Words
    half_before: Words
    half_after: Words
    qualifiers: dict[QualifierKind, Words]
    at_least_after: Words
    vague_prefixes: Words
    range_separators: Words
    list_joiners: Words
    tenths_then: Words
    short_scales: dict[str, int]
    short_scales_then: Words
    glued_prefixes: Words


SCHEMAS: dict[str, type[BaseModel]] = {"numbers": Numbers}

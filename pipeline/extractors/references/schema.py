"""Shape of `references.yaml`."""

from __future__ import annotations

from pydantic import BaseModel

from ...core.schema import RuleFile, Words


class References(RuleFile):
    document_kinds: Words
    ordinal_heads: Words
    roman_numerals: dict[str, int]
    ordinal_words: dict[str, int]
    label_heads: Words
    list_markers: Words
    roman_after_heads: Words
    numbered_heads: Words
    exponent_units: Words


SCHEMAS: dict[str, type[BaseModel]] = {"references": References}

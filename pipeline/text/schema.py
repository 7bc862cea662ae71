"""Shape of `cleaning.yaml`."""

from __future__ import annotations

from pydantic import BaseModel

from ..core.schema import RuleFile, Words


class Cleaning(RuleFile):
    furniture_headings: Words
    caption_suffix: str
    tone_marks: dict[str, str]


SCHEMAS: dict[str, type[BaseModel]] = {"cleaning": Cleaning}

"""Shapes of `cleaning.yaml` and `segmenter.yaml`."""

from __future__ import annotations

from pydantic import BaseModel, Field

from ..core.schema import RuleFile, Shape, Words


class Cleaning(RuleFile):
    furniture_headings: Words
    caption_suffix: str
    tone_marks: dict[str, str]


class SegmenterCheck(Shape):
    text: str = Field(min_length=1)
    words: Words


class SegmenterChecks(RuleFile):
    model_sha256: str = Field(pattern="^[0-9a-f]{64}$")
    checks: list[SegmenterCheck] = Field(min_length=1)


SCHEMAS: dict[str, type[BaseModel]] = {"cleaning": Cleaning, "segmenter": SegmenterChecks}

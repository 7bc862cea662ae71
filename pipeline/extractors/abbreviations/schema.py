"""Shape of `abbreviations.yaml`."""

from __future__ import annotations

from pydantic import BaseModel

from ...core.schema import RuleFile


class Abbreviations(RuleFile):
    common: dict[str, str]


SCHEMAS: dict[str, type[BaseModel]] = {"abbreviations": Abbreviations}

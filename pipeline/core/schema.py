"""Shapes of rule files: the base every rule file's schema extends, and the schemas of the
lexicon's own files (`places.yaml`, `organizations.yaml`).

Every schema forbids unknown keys, so a misspelt key fails at load naming the file and the key.
A word list holds plain words and phrases (`Words`); a cue list may also hold patterns, each
marked as one (`{regex: ...}`), never mixed into a plain string (`Entries`).
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator


class Shape(BaseModel):
    model_config = ConfigDict(extra="forbid")


class RuleFile(Shape):
    version: int = Field(ge=1)
    date: dt.date


Words = list[str]


class RegexEntry(Shape):
    regex: str

    @field_validator("regex")
    @classmethod
    def _compiles(cls, value: str) -> str:
        import regex

        try:
            regex.compile(value)
        except regex.error as exc:
            raise ValueError(f"not a valid regex: {exc}") from None
        return value


Entries = list[str | RegexEntry]


class Place(Shape):
    name: str
    type: Literal["tỉnh", "thành phố"]
    aliases: Words = []
    merged_into: str | None = None


class Region(Shape):
    name: str
    aliases: Words = []


class Places(RuleFile):
    provinces_2025_06: list[Place]
    provinces_2025_07: list[Place]
    regions: list[Region]
    sub_province_levels: Words
    zone_heads: Words
    place_prepositions: Words
    short_countries: Words
    not_before_short_country: Words


class Forms(Shape):
    canonical: str
    forms: Words


class PlaceBody(Forms):
    needs_level: bool
    needs_place: bool = False  # "Công an tỉnh Nghệ An" is a body; "Công an" alone is the force


class NameEdges(Shape):
    max_tail: int = Field(ge=0)
    joiners: Words
    levels: Words
    stop_words: Words
    number_units: Words
    verbs: Words


class Organizations(RuleFile):
    federation_heads: Words
    national_federation: Forms
    union_heads: Words
    levels: dict[str, str]
    union_name_words: Words
    fixed_phrases: Words
    organs: Words
    media_outlets: list[Forms]
    state_bodies: list[Forms]
    ministries: Words
    place_bodies: list[PlaceBody]
    named_heads: Words
    union_owned_heads: Words
    placed_heads: Words
    company_heads: Words
    company_forms: Words
    company_words: dict[str, str]
    name_joiners: Words
    name_edges: NameEdges
    generic_bodies: Words
    org_levels: dict[Literal["grassroots", "zone", "sector", "district", "province"], Words]


SCHEMAS: dict[str, type[BaseModel]] = {"places": Places, "organizations": Organizations}

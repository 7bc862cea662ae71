"""The output contract (../shared/CONTRACT.md) as pydantic v2 models.

Every model forbids unknown fields, so a typo in a stage fails loudly instead of writing JSON a
consumer does not expect. Fields beyond the contract are additions only (the contract may grow,
never change). `ArticleRecord` checks that every span it carries is honest:
`record.text[start:end] == span.text`.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from itertools import chain
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

SCHEMA_VERSION = "1.0"

Category = Literal[
    "membership_growth",
    "union_establishment",
    "party_referral",
    "party_admission",
    "welfare_support",
    "award",
    "initiative",
    "emulation",
    "training",
    "collective_bargaining",
    "dispute_resolution",
    "communication",
    "other",
]
Qualifier = Literal["exact", "approximately", "more_than", "at_least", "less_than", "at_most"]
QuantityKind = Literal["count", "money", "percent"]
EntityType = Literal["PERSON", "ORGANIZATION", "LOCATION"]

# A date keeps the grain the text gives: day, month, year, a day or month without a year, or a period.
DATE_VALUE = r"^(\d{4}(-\d{2}(-\d{2})?)?|--\d{2}(-\d{2})?)(/(\d{4}(-\d{2}(-\d{2})?)?|--\d{2}(-\d{2})?))?$"
ISO_DAY = r"^\d{4}-\d{2}-\d{2}$"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")

    def model_post_init(self, context: Any, /) -> None:
        # pydantic keeps, per instance, the set of fields given explicitly (728 bytes for eight
        # names: more than the rest of a mention, and 10 MB of names holds 600,000 mentions).
        # The pipeline gives every field of what it builds, so one set per class, holding them
        # all, says the same; adding a name to it (on assignment) changes nothing.
        object.__setattr__(self, "__pydantic_fields_set__", _all_fields(type(self)))


@cache
def _all_fields(model: type[BaseModel]) -> set[str]:
    return set(model.model_fields)


class Span(_Model):
    """A piece of the record's text: `text == record.text[start:end]`."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end < self.start:
            raise ValueError(f"span end {self.end} is before its start {self.start}")
        return self


class Source(_Model):
    path: str
    encoding: str | None = None
    sha256: str | None = None
    format: Literal["text", "html", "jsonl"] | None = Field(default=None, description="the input's kind")
    url: str | None = Field(default=None, description="the page's canonical URL (HTML, JSON Lines)")
    line: int | None = Field(default=None, ge=1, description="line number in a JSON Lines file")
    id: str | None = Field(default=None, description="the id the input gave the article (JSON Lines)")


class Period(_Model):
    start: str = Field(pattern=ISO_DAY)
    end: str = Field(pattern=ISO_DAY)


OrgLevel = Literal["national", "sector", "province", "district", "zone", "grassroots"]
TimeSource = Literal["as_of", "clause", "sentence", "paragraph", "lead", "title", "earlier", "published"]


class OrgRef(_Model):
    name: str = Field(description="canonical name")
    aliases: list[str] = Field(default_factory=list, description="the names the article uses for it")
    level: OrgLevel | None = Field(
        default=None, description="national, sector, province, district, zone (industrial), grassroots"
    )
    province: str | None = Field(default=None, description="the province as the article names it")
    province_since_2025: str | None = Field(
        default=None, description="the province it belongs to since the merger of 1 July 2025"
    )


class Achievement(_Model):
    category: Category
    value: float | None = Field(description="null for a qualitative achievement")
    unit: str | None
    unit_normalized: str | None = Field(
        default=None, description="the unit to add up under: 'công nhân', 'CNLĐ' -> 'người lao động'"
    )
    qualifier: Qualifier = "exact"
    target_percent: float | None = None
    as_of: str | None = Field(default=None, pattern=ISO_DAY)
    period: Period | None = None
    time_source: TimeSource | None = Field(
        default=None, description="where as_of or period came from: the nearest place that states a time"
    )
    organization: str | None = None
    organization_ref: OrgRef | None = Field(
        default=None, description="the organisation with level and province"
    )
    award: str | None = None
    awarding_body: str | None = None
    beneficiaries: str | None = None
    related: list[int] = Field(
        default_factory=list, description="indexes of achievements reported together (count and value)"
    )
    evidence: Span
    figure: Span | None = Field(default=None, description="the figure itself, as written")
    mentions: list[Span] = Field(
        default_factory=list, description="other places in the article that report the same result"
    )
    fact_id: str | None = Field(
        default=None,
        description="the same for the same result in any article: organisation, category, value, unit, time",
    )


class Figure(_Model):
    """A figure that is not an achievement but that a reader wants kept: a plan or target
    ("phấn đấu kết nạp 8.000 đoàn viên"), or a stock ("tỉnh có 117.581 đoàn viên")."""

    value: float
    unit: str | None
    unit_normalized: str | None = None
    qualifier: Qualifier = "exact"
    category: Category | None = Field(default=None, description="what it would count as an achievement")
    as_of: str | None = Field(default=None, pattern=ISO_DAY)
    period: Period | None = None
    time_source: TimeSource | None = None
    organization: str | None = None
    actor: str | None = Field(default=None, description="for another actor's figure: who it is")
    cue: str | None = Field(description="the words that make it a plan, a stock figure or another's")
    evidence: Span
    figure: Span | None = None


class Entity(Span):
    type: EntityType
    canonical: str
    roles: list[str] = Field(default_factory=list, description="for a PERSON: the offices the text gives")
    rule: str | None = None


class Quantity(Span):
    kind: QuantityKind
    value: float
    unit: str | None = None
    qualifier: Qualifier = "exact"
    per: str | None = Field(default=None, description="'300.000 đồng/suất' -> 'suất'")
    rule: str | None = None


class DateMention(Span):
    value: str = Field(pattern=DATE_VALUE)
    rule: str | None = None


class Ordinal(Span):
    value: int
    rule: str | None = None


class CitedDocument(_Model):
    """A document the article cites: 'Nghị quyết 02/NQ-BCT, ngày 12/6/2021 của Bộ Chính trị'."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    kind: str
    number: str | None = None
    date: str | None = None
    issuer: str | None = None


class ArticleRecord(_Model):
    schema_version: str = SCHEMA_VERSION
    pipeline_version: str | None = Field(
        default=None, description="the code, rules and libraries that made this record"
    )
    id: str
    source: Source
    title: str | None
    published: str | None = Field(default=None, pattern=ISO_DAY)
    text: str
    organization: OrgRef | None = None
    achievements: list[Achievement] = Field(default_factory=list)
    targets: list[Figure] = Field(default_factory=list, description="plans and targets, not yet achieved")
    statistics: list[Figure] = Field(default_factory=list, description="stock figures: what there is")
    other_figures: list[Figure] = Field(
        default_factory=list,
        description="results of other actors (the state, employers, other organisations): not the unions'",
    )
    entities: list[Entity] = Field(default_factory=list)
    quantities: list[Quantity] = Field(default_factory=list)
    dates: list[DateMention] = Field(default_factory=list)
    ordinals: list[Ordinal] = Field(default_factory=list)
    documents: list[CitedDocument] = Field(default_factory=list)
    abbreviations: dict[str, str] = Field(default_factory=dict)
    warnings: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _spans_are_honest(self) -> ArticleRecord:
        # chained, not listed: a long article holds hundreds of thousands of spans
        spans: Iterator[tuple[str, Span | CitedDocument]] = chain(
            (("entities", s) for s in self.entities),
            (("quantities", s) for s in self.quantities),
            (("dates", s) for s in self.dates),
            (("ordinals", s) for s in self.ordinals),
            (("documents", s) for s in self.documents),
            (("achievements.evidence", a.evidence) for a in self.achievements),
            (("achievements.figure", a.figure) for a in self.achievements if a.figure),
            (("achievements.mentions", m) for a in self.achievements for m in a.mentions),
            (
                (f"{name}.{part}", span)
                for name, figures in (
                    ("targets", self.targets),
                    ("statistics", self.statistics),
                    ("other_figures", self.other_figures),
                )
                for f in figures
                for part, span in (("evidence", f.evidence), ("figure", f.figure))
                if span is not None
            ),
        )
        for where, span in spans:
            if self.text[span.start : span.end] != span.text:
                raise ValueError(
                    f"{where}: text[{span.start}:{span.end}] is "
                    f"{self.text[span.start : span.end]!r}, not {span.text!r}"
                )
        return self


class ErrorResult(_Model):
    """What a batch yields for an input it could not turn into a record."""

    file: str
    reason: str

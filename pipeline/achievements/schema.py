"""Shape of `achievements.yaml`."""

from __future__ import annotations

from pydantic import BaseModel, Field, model_validator

from ..core.schema import Entries, RuleFile, Shape, Words
from ..output.models import Category


class CategoryCues(Shape):
    cues: Words
    units: Words = Field(default_factory=list)  # counted nouns that settle this category over the cue's ...
    over: list[Category] = Field(default_factory=list)  # ... when the cue's category is one of these
    alone: Words = Field(default_factory=list)  # counted nouns that name this category with no cue near
    only: Words = Field(default_factory=list)  # counted nouns that make a result in these categories alone


class UnionSubject(Shape):
    forms: Words
    canonical: str | None = None


class Achievements(RuleFile):
    categories: dict[Category, CategoryCues]
    weak_cues: dict[str, float]
    joining_cues: Words
    programmes: Words
    negations: Words
    negation_bridges: Words
    passive_auxiliaries: Words
    adversity_markers: Words
    priority: list[Category]
    plan_cues: Entries
    plan_cues_after_figure: Words
    stock_cues: Entries
    stock_cues_at_figure: Entries
    other_cues: Entries
    per_unit_after: Words
    someone_else_after: Words
    each_after_amount: Words
    giving_verbs: Words
    never_units: Words
    union_subjects: list[UnionSubject]
    belongs_to: Words
    other_actors: Words
    not_subject_before: Words
    plural_markers: Words
    subject_markers: Words
    agent_markers: Words
    agent_verbs: Words
    beneficiary_cues: Words
    beneficiary_stops: Words
    as_of_cues: Words
    as_of_to_end: Words
    until_now: Words
    years_span: Entries
    comparison_cues: Words
    stop_abbreviations: Words
    awards: Words
    target_window: int = Field(ge=1)
    clause_reach: int = Field(ge=100)
    other_reach: int = Field(ge=1)
    value_heads: Words
    per_unit_cues: Words

    @model_validator(mode="after")
    def _programmes_are_cues(self) -> Achievements:
        cues = {cue for spec in self.categories.values() for cue in spec.cues}
        if unknown := sorted(set(self.programmes) - cues):
            raise ValueError(f"programmes {unknown} are no category's cue")
        return self

    @model_validator(mode="after")
    def _priority_covers_categories(self) -> Achievements:
        missing = set(self.categories) - set(self.priority)
        if missing:
            raise ValueError(f"priority does not rank {sorted(missing)}")
        return self


SCHEMAS: dict[str, type[BaseModel]] = {"achievements": Achievements}

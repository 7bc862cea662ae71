"""Shape of `people.yaml` (organisations and places are the lexicon's: `core/schema.py`)."""

from __future__ import annotations

from pydantic import BaseModel, model_validator

from ...core.schema import RuleFile, Words


class People(RuleFile):
    honorifics: Words
    titles: Words
    surnames: Words
    not_names: Words
    not_after_honorific: Words
    name_breakers: Words
    name_compounds: Words
    not_person_before: Words
    credit_words: Words

    @model_validator(mode="after")
    def _compounds_begin_with_a_breaker(self) -> People:
        """A compound whose first word breaks no name would be an exception to nothing."""
        idle = [w for w in self.name_compounds if w.split()[0] not in self.name_breakers]
        if idle:
            raise ValueError(f"name_compounds that begin with no name breaker: {idle}")
        return self


SCHEMAS: dict[str, type[BaseModel]] = {"people": People}

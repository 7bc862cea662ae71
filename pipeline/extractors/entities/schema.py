"""Shape of `people.yaml` (organisations and places are the lexicon's: `core/schema.py`)."""

from __future__ import annotations

from pydantic import BaseModel

from ...core.schema import RuleFile, Words


class People(RuleFile):
    honorifics: Words
    titles: Words
    surnames: Words
    not_names: Words
    name_breakers: Words
    not_person_before: Words
    credit_words: Words


SCHEMAS: dict[str, type[BaseModel]] = {"people": People}

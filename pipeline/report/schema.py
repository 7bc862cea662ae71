"""Shape of `categories.yaml`."""

from __future__ import annotations

from pydantic import BaseModel

from ..core.schema import RuleFile
from ..output.models import Category


class Categories(RuleFile):
    labels: dict[Category, str]


SCHEMAS: dict[str, type[BaseModel]] = {"categories": Categories}

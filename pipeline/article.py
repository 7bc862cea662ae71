"""The working article that flows through the stages.

Each stage takes the `Article`, adds what it knows and gives it back (the spaCy `Doc` idea): the
cleaned text is the single source of truth and every later stage stores character offsets into it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from .models import Achievement, CitedDocument, DateMention, Entity, Figure, Ordinal, OrgRef, Quantity


@dataclass(frozen=True)
class TextSpan:
    start: int
    end: int


@dataclass
class Mention:
    """A match before it is a value: where it is, which rule made it, what it resolved to."""

    start: int
    end: int
    text: str
    rule: str
    data: dict[str, Any] = field(default_factory=dict)


@dataclass
class Article:
    raw: str
    source: str
    published: dt.date | None = None
    text: str = ""
    title: str | None = None
    paragraphs: list[TextSpan] = field(default_factory=list)
    sentences: list[TextSpan] = field(default_factory=list)
    tokens: list[TextSpan] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    ordinals: list[Ordinal] = field(default_factory=list)
    documents: list[CitedDocument] = field(default_factory=list)
    blocked: list[TextSpan] = field(default_factory=list)  # identifiers, times: no quantity inside
    relative_dates: list[Mention] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    organization: OrgRef | None = None
    abbreviations: dict[str, str] = field(default_factory=dict)
    achievements: list[Achievement] = field(default_factory=list)
    targets: list[Figure] = field(default_factory=list)
    statistics: list[Figure] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def sentence_at(self, pos: int) -> TextSpan:
        """The sentence holding character `pos` (the whole text when tokenization found none)."""
        for s in self.sentences:
            if s.start <= pos < s.end:
                return s
        return TextSpan(0, len(self.text))

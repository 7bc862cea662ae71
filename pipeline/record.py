"""Stage: the validated output record, built from the finished `Article`.

Validation is pydantic's: unknown fields are refused and every span is checked against the text.
"""

from __future__ import annotations

import hashlib

from .article import Article
from .models import ArticleRecord, Source


def article_id(text: str) -> str:
    """Stable: the same cleaned text always gets the same id."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def build(article: Article, encoding: str | None = None, source: Source | None = None) -> ArticleRecord:
    return ArticleRecord(
        id=article_id(article.text),
        source=source or Source(path=article.source, encoding=encoding),
        title=article.title,
        published=article.published.isoformat() if article.published else None,
        text=article.text,
        organization=article.organization,
        achievements=article.achievements,
        targets=article.targets,
        statistics=article.statistics,
        entities=article.entities,
        quantities=article.quantities,
        dates=article.dates,
        ordinals=article.ordinals,
        documents=article.documents,
        abbreviations=article.abbreviations,
        warnings=article.warnings,
    )

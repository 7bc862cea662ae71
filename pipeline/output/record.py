"""The validated output record, built from the finished `Article`'s output layers.

The fields come from the layers marked `output` in `core.article`, by name, so a new output
layer reaches the record without a copy list here. Validation is pydantic's: unknown fields are
refused and every span is checked against the text.
"""

from __future__ import annotations

from ..core.article import OUTPUT_LAYERS, Article
from ..core.hashing import sha256
from ..core.version import pipeline_version
from .models import ArticleRecord, Source


def article_id(text: str) -> str:
    """Stable: the same cleaned text always gets the same id."""
    return sha256(text)[:16]


def build(article: Article, encoding: str | None = None, source: Source | None = None) -> ArticleRecord:
    return ArticleRecord(
        pipeline_version=pipeline_version(),
        id=article_id(article.text),
        source=source or Source(path=article.source, encoding=encoding),
        published=article.published.isoformat() if article.published else None,
        **{name: getattr(article, name) for name in OUTPUT_LAYERS},
    )

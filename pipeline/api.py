"""The library: `extract` for a text, `extract_file` for a file, `extract_paths` for a batch."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from pathlib import Path

from . import load, record, stages
from .article import Article
from .errors import ArticleError
from .models import ArticleRecord, ErrorResult


def _published(value: dt.date | str | None, source: str) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ArticleError(source, f"published must be YYYY-MM-DD, not {value!r}") from None


def extract(
    text: str,
    *,
    source: str = "<text>",
    published: dt.date | str | None = None,
    encoding: str | None = None,
) -> ArticleRecord:
    """Turn one article's text into a validated record.

    >>> record = extract("LĐLĐ tỉnh A\\nLĐLĐ tỉnh đã phát triển 120 đoàn viên.", source="a.txt")
    >>> record.achievements[0].value
    120
    """
    if not isinstance(text, str):
        raise ArticleError(source, f"expected text (str), got {type(text).__name__}")
    article = Article(raw=text, source=source, published=_published(published, source))
    article = stages.run(article)
    if not article.text:
        raise ArticleError(source, "no article text left after cleaning")
    return record.build(article, encoding)


def extract_file(path: str | Path, *, published: dt.date | str | None = None) -> ArticleRecord:
    """Read, decode and extract one file; raises `ArticleError` naming the file on bad input."""
    path = Path(path)
    text, encoding = load.read(path)
    return extract(text, source=str(path), published=published, encoding=encoding)


def extract_paths(paths: Iterable[str | Path]) -> Iterator[ArticleRecord | ErrorResult]:
    """One result per path, in order: a record, or an `ErrorResult` saying why not. Never raises
    for one bad file."""
    for p in paths:
        try:
            yield extract_file(p)
        except ArticleError as exc:
            yield ErrorResult(file=exc.file, reason=exc.reason)
        except Exception as exc:  # a bug must not stop the batch; it is reported like bad input
            yield ErrorResult(file=str(p), reason=f"internal error: {type(exc).__name__}: {exc}")

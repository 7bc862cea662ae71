"""The library: `extract` for a text, `extract_file` for a file, `extract_paths` for a batch."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from . import stages
from .core import gc_pause
from .core.article import Article
from .errors import ArticleError
from .io import load, sources
from .io.published import published as published_date
from .output import record
from .output.models import ArticleRecord, ErrorResult, Source


def extract(
    text: str,
    *,
    source: str = "<text>",
    published: dt.date | str | None = None,
    encoding: str | None = None,
) -> ArticleRecord:
    """Turn one article's text into a validated record.

    `published` resolves year-less and relative dates. Raises `ArticleError` (and nothing else)
    for an input that cannot become a record.

    >>> record = extract("LĐLĐ tỉnh A\\nLĐLĐ tỉnh đã phát triển 120 đoàn viên.", source="a.txt")
    >>> record.achievements[0].value, record.achievements[0].unit
    (120.0, 'đoàn viên')
    """
    if not isinstance(source, str):
        raise TypeError(f"source must be a str naming the text, not {type(source).__name__}")
    return _extract(text, Source(path=source, encoding=encoding), published)


def _extract(text: str, source: Source, published: dt.date | str | None) -> ArticleRecord:
    if not isinstance(text, str):
        raise ArticleError(source.path, f"expected text (str), got {type(text).__name__}")
    article = Article(raw=text, source=source.path, published=published_date(published, source.path))
    try:
        with gc_pause.paused():
            article = stages.run(article)
            if not article.text:
                raise ArticleError(source.path, "no article text left after cleaning")
            return record.build(article, source=source)
    except ArticleError:
        raise
    except (ValidationError, ValueError, OverflowError) as exc:
        # A value no record can hold (a number past any float, a date past the calendar): the
        # article is refused by name, never a crash of another kind.
        reason = exc.errors()[0]["msg"] if isinstance(exc, ValidationError) else str(exc)
        raise ArticleError(source.path, f"cannot make a valid record: {reason}") from None


def extract_document(doc: sources.Document) -> ArticleRecord:
    """A record for a document read by `sources.documents`."""
    return _extract(doc.text, doc.source, doc.published)


def extract_file(path: str | Path, *, published: dt.date | str | None = None) -> ArticleRecord:
    """Read one text or HTML file and extract it; raises `ArticleError` naming the file on bad input.

    For an HTML page the page's own date is used unless `published` is given.
    """
    path = Path(path)
    if sources.format_of(path) == "jsonl":
        raise ArticleError(load.shown(path), "a JSON Lines file holds many articles: use extract_paths")
    for doc in sources.documents(path, path.stem):
        if isinstance(doc, ErrorResult):
            raise ArticleError(doc.file, doc.reason)
        return _extract(doc.text, doc.source, published or doc.published)
    raise ArticleError(load.shown(path), "no article in the file")


def extract_paths(paths: Iterable[str | Path]) -> Iterator[ArticleRecord | ErrorResult]:
    """One result per article, in order: files and folders (walked recursively for .txt, .html,
    .htm and .jsonl, as `union-extract run` does; a JSON Lines file gives one result per line).
    Each is a record, or an `ErrorResult` saying why not; never raises for one bad file.

    >>> list(extract_paths(["no/such/folder"]))
    [ErrorResult(file='no/such/folder', reason='no such file or folder')]
    """
    if isinstance(paths, (str, Path)):
        raise TypeError("extract_paths takes a list of paths; for one path write extract_paths([path])")
    from .batch.run import discover

    for path in paths:
        yield from _one_path(Path(path), discover)


def _one_path(path: Path, discover: Any) -> Iterator[ArticleRecord | ErrorResult]:
    jobs, errors = discover([path])
    yield from errors
    for job in jobs:
        try:
            load.regular(job.path)
        except ArticleError as exc:
            yield ErrorResult(file=exc.file, reason=exc.reason)
            continue
        for doc in sources.documents(job.path, job.name):
            yield doc if isinstance(doc, ErrorResult) else safely(doc)


def safely(doc: sources.Document) -> ArticleRecord | ErrorResult:
    """The document's record, or an `ErrorResult` naming it (with its line in a JSON Lines file)."""
    where = doc.source.path if doc.source.line is None else f"{doc.source.path}:{doc.source.line}"
    try:
        return extract_document(doc)
    except ArticleError as exc:
        return ErrorResult(file=where, reason=exc.reason)
    except Exception as exc:  # a bug must not stop the batch; it is reported like bad input
        return ErrorResult(file=where, reason=f"internal error: {type(exc).__name__}: {exc}")

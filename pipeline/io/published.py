"""The publication date an input gives, read one way for every input shape."""

from __future__ import annotations

import datetime as dt

from ..errors import ArticleError


def published(value: object, where: str) -> dt.date | None:
    """`value` ("2017-02-02", a timestamp that starts with one, a date, or nothing) as a date;
    anything else is an ArticleError naming `where`."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise ArticleError(where, f"published must be a date YYYY-MM-DD, not {type(value).__name__}")
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        raise ArticleError(where, f"published must be YYYY-MM-DD, not {value!r}") from None

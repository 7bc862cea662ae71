"""The publication date an input gives, read one way for every input shape."""

from __future__ import annotations

import datetime as dt

import regex

from ..errors import ArticleError

# A date in a file name: "2022-11-25-thanh-hoa", "bao_20221125", "25-11-2022", its separators
# alike. A year and month ("tc201805_01") or a year alone ("baomoi2017_01") say too little to be
# a publication day and are not read.
_IN_NAME = regex.compile(
    r"(?<!\d)(?:(?P<y>(?:19|20)\d\d)(?P<s>[-_.]?)(?P<m>[01]\d)(?P=s)(?P<d>[0-3]\d)"
    r"|(?P<d2>[0-3]\d)(?P<s2>[-_.])(?P<m2>[01]\d)(?P=s2)(?P<y2>(?:19|20)\d\d))(?!\d)"
)


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


def from_name(name: str) -> dt.date | None:
    """The publication day a file name states, if it states a whole one."""
    for m in _IN_NAME.finditer(name):
        y, mo, d = (m.group(g) or m.group(g + "2") for g in ("y", "m", "d"))
        try:
            return dt.date(int(y), int(mo), int(d))
        except ValueError:
            continue
    return None

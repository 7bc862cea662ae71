"""Ministries as articles write them: "Bộ Kế hoạch - đầu tư" is "Bộ Kế hoạch và Đầu tư".

The names are data (`ministries` in core/organizations.yaml); this module makes the pattern of
each name's variants (its parts joined by "và", "-", "–", "&", a comma, in either case after
the first) and the key that maps any of them back to the name.
"""

from __future__ import annotations

from functools import cache

import regex

from ...core import rules

# What joins the parts of a ministry's name as articles write it: "và", "-", "–", "&", a comma.
_MINISTRY_JOIN = r"\s*(?:và|[-–&,]|&amp;)\s*"
_MINISTRY_PARTS = regex.compile(r"\s*(?:,|\s-\s|\svà\s)\s*")


def ministry_form(name: str) -> str:
    """The pattern of a ministry's name after "Bộ": its first part as written, the others in
    either case, the parts joined as articles join them."""
    first, *rest = _MINISTRY_PARTS.split(name.removeprefix("Bộ ").strip())
    parts = [regex.escape(first)] + ["(?i:" + regex.escape(p) + ")" for p in rest]
    return _MINISTRY_JOIN.join(parts).replace("\\ ", r"\s+")


_MINISTRY_SIGNS = regex.compile(r"&amp;|[-–&]")


def ministry_key(text: str) -> str:
    """The same key for every way of writing a ministry's name."""
    return " ".join(_MINISTRY_PARTS.sub(" ", _MINISTRY_SIGNS.sub(" và ", text)).lower().split())


@cache
def ministries() -> dict[str, str]:
    """{key: the ministry's name} (see `ministry_key`)."""
    return {ministry_key(name): name for name in rules.section("organizations", "ministries")}

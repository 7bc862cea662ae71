"""A saved web page into an article: main text by trafilatura, metadata from the page's markup.

trafilatura is the field's reference for main-content extraction: it drops navigation, related
news and footers, and reads the title, canonical URL and date from meta tags, JSON-LD and
`<time>`. The date comes from markup only (no guessing from the text): it becomes `published`,
which resolves year-less and relative dates exactly as in `extract(text, published=...)`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import regex

from ..errors import ArticleError
from .published import published as read_published

_META_CHARSET = regex.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", regex.I)


@dataclass(frozen=True)
class Page:
    text: str  # the title on the first line, then the body's paragraphs
    title: str | None
    url: str | None
    published: dt.date | None


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its first few kilobytes (`<meta charset=...>`)."""
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii", "replace").lower() if m else None


def parse(html: str) -> Page | None:
    """The article in a page, or None when the page holds no main text."""
    import trafilatura

    doc = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if doc is None:
        return None
    # trafilatura 2 gives a Document; older releases gave a dict.
    fields: dict[str, Any] = doc if isinstance(doc, dict) else doc.as_dict()
    body = str(fields.get("text") or "").strip()
    if not body:
        return None
    title = _clean_title(fields.get("title"))
    if title and not body.startswith(title):
        body = f"{title}\n{body}"
    return Page(text=body, title=title, url=fields.get("url") or None, published=_date(fields.get("date")))


def _clean_title(title: str | None) -> str | None:
    if not title:
        return None
    # "<title>Headline | Báo Lao Động</title>": the site's name is not the article's. Only "|"
    # separates it: a dash is common inside Vietnamese headlines ("Bà Rịa - Vũng Tàu: ...").
    return title.strip().split(" | ")[0].strip() or None


def _date(value: str | None) -> dt.date | None:
    try:
        return read_published(value, "")
    except ArticleError:
        return None  # a page's metadata may hold anything: no date rather than no article


_BLOCKS = regex.compile(r"<\s*(?:br|/p|/div|/h[1-6]|/li|/tr)\b[^>]*>", regex.I)
_TAGS = regex.compile(r"<[^>]*>")
_SKIPPED = regex.compile(r"<\s*(script|style|head|title|noscript)\b.*?<\s*/\s*\1\s*>", regex.I | regex.S)


def fragment_text(html: str) -> str:
    """The text of a short HTML fragment: scripts and styles dropped, block ends as line ends,
    entities decoded."""
    import html as entities

    text = _TAGS.sub("", _BLOCKS.sub("\n", _SKIPPED.sub("", html)))
    return entities.unescape(text).strip()

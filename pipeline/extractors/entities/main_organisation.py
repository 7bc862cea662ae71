"""The union body an article is mainly about."""

from __future__ import annotations

from collections import Counter

from ...core.article import Article
from ...output.models import OrgRef
from .gazetteer import gazetteer
from .levels import describe, province_of

UNION_RULES = ("federation", "union", "national")


def main_organization(article: Article) -> OrgRef | None:
    """The union body the article is mainly about: named in the title, else the most mentioned."""
    unions = [e for e in article.entities if e.type == "ORGANIZATION" and e.rule in UNION_RULES]
    if not unions:
        return None
    # The title says what the article is about, the lede (its first sentence) says it again.
    title_end = len(article.title or "")
    body = [s for s in article.scratch.sentences if s.start >= title_end]
    lede_end = body[0].end if body else title_end
    scores: Counter[str] = Counter()
    for e in unions:
        scores[e.canonical] += 4 if e.start < title_end else 2 if e.start < lede_end else 1
    # The national federation is named in almost every article; it is the subject only when
    # nothing below it is named about as often. A body named once in passing (a caption, an
    # aside) does not displace it.
    best, score = scores.most_common(1)[0]
    if best == gazetteer().data["national"]:
        others = [(s, n) for n, s in scores.items() if n != best]
        if others and max(others)[0] * 2 >= score and max(others)[0] > 1:
            best = max(others)[1]
    aliases = sorted({e.text for e in unions if e.canonical == best})
    return describe(best, aliases, article_province(article))


def article_province(article: Article) -> str | None:
    """The province the article names most often (ties: the first named)."""
    named = Counter(
        e.canonical
        for e in article.entities
        if e.type == "LOCATION" and e.canonical and province_of(e.canonical)
    )
    return named.most_common(1)[0][0] if named else None

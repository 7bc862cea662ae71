"""Records from figures: achievements, and the plans and stock figures kept apart as `targets` and
`statistics`; awards and leads with no figure ("dẫn đầu toàn quốc") as achievements of their own."""

from __future__ import annotations

from ..core.article import Article, TextSpan
from ..output.models import Achievement, Figure, Quantity, Span
from .attributes import achiever, as_of, awarding, beneficiaries, period, target
from .category import categorise
from .clause import clause, exclusion, inside_quotes
from .cues import cues


def _qualitative(article: Article, spans_with_figures: list[TextSpan], org: str | None) -> list[Achievement]:
    """'dẫn đầu toàn quốc', 'được tặng Cờ thi đua của Chính phủ': achievements with no figure."""
    text = article.text
    out = []
    for m in cues().qualitative.finditer(text):
        if any(s.start <= m.start() < s.end for s in spans_with_figures):
            continue
        award = cues().awards.search(m.group())
        out.append(
            Achievement(
                category="award" if award else "emulation",
                value=None,
                unit=None,
                organization=org,
                award=award.group() if award else None,
                evidence=Span(text=m.group(), start=m.start(), end=m.end()),
            )
        )
    return out


def _keep_figure(
    article: Article, q: Quantity, unit: str | None, span: TextSpan, sentence: TextSpan, kind: str, cue: str
) -> None:
    """A plan or a stock figure goes to `targets` or `statistics`: not an achievement, not lost."""
    text = article.text
    fallback = article.organization.name if article.organization else None
    figure = Figure(
        value=q.value,
        unit=unit,
        qualifier=q.qualifier,
        category=categorise(text, q, span, unit),
        as_of=as_of(text, q, sentence, article.dates),
        period=period(q, sentence, article.dates),
        organization=achiever(q, sentence, article.entities, fallback),
        cue=cue,
        evidence=Span(text=text[span.start : span.end], start=span.start, end=span.end),
    )
    (article.targets if kind == "target" else article.statistics).append(figure)


def build(article: Article) -> Article:
    text = article.text
    c = cues()
    fallback = article.organization.name if article.organization else None
    percents = [q for q in article.quantities if q.kind == "percent"]
    figures = [q for q in article.quantities if q.kind in ("count", "money")]
    achievements: list[Achievement] = []
    clause_of: list[TextSpan] = []
    kind_of: list[str] = []
    for i, q in enumerate(figures):
        sentence = article.sentence_at(q.start)
        span = clause(text, q.start, q.end, sentence)
        unit = (q.unit or "VND") if q.kind == "money" else c.units.get(q.unit or "", q.unit)
        if q.per or unit in c.never_units or inside_quotes(text, q, sentence):
            continue
        why = exclusion(text, q, span)
        if why is not None:
            kind, cue = why
            if kind != "other" and cue is not None:
                _keep_figure(article, q, unit, span, sentence, kind, cue)
            continue
        nxt = figures[i + 1].start if i + 1 < len(figures) else len(text)
        category = categorise(text, q, span, unit, next_figure=nxt)
        if category is None:
            continue
        award = c.awards.search(text, span.start, span.end) if category == "award" else None
        achievements.append(
            Achievement(
                category=category,
                value=q.value,
                unit=unit,
                qualifier=q.qualifier,
                target_percent=target(text, q, percents, span, nxt),
                as_of=as_of(text, q, sentence, article.dates),
                period=period(q, sentence, article.dates),
                organization=achiever(q, sentence, article.entities, fallback),
                award=award.group() if award else None,
                awarding_body=awarding(text, span, q, article.entities) if category == "award" else None,
                beneficiaries=beneficiaries(text, q, span),
                evidence=Span(text=text[span.start : span.end], start=span.start, end=span.end),
            )
        )
        clause_of.append(span)
        kind_of.append(q.kind)
    # A count and an amount in one clause ("1.020 suất quà ... trị giá 765 triệu đồng") know each other.
    for i, a in enumerate(achievements):
        a.related = [
            j
            for j in range(len(achievements))
            if j != i and clause_of[j] == clause_of[i] and kind_of[i] != kind_of[j]
        ]
    achievements += _qualitative(article, clause_of, fallback)
    article.achievements = achievements
    return article

"""Records from figures: achievements; the plans, stock figures and other actors' figures kept
apart (`targets`, `statistics`, `other_figures`); awards and leads with no figure ("dẫn đầu toàn
quốc") as achievements of their own; a result the title or lead repeats, once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, partial

from ..core.article import Article, TextSpan
from ..core.spans import SpanIndex
from ..extractors.quantities.lists import part_of
from ..output.models import Achievement, Figure, Quantity, Span
from .attributes import awarding, beneficiaries, target
from .category import categorise
from .clause import clause, exclusion, figure_clauses, inside_quotes
from .cues import cues
from .dedupe import fact_id, merge_repeats
from .hits import find_hits, stretches
from .time import Dates, Places, When, when
from .who import Context


@dataclass(frozen=True)
class Seen:
    """One figure in its places: what the builders share."""

    q: Quantity
    unit: str | None
    unit_normalized: str | None
    clause: TextSpan
    sentence: TextSpan
    article: Article
    ctx: Context
    title: TextSpan | None
    dates: Dates

    @cached_property
    def when(self) -> When:
        """The figure's time, read only for a figure that is kept (a result, a plan, a stock or
        someone else's figure): most figures of a long list of amounts are none of these."""
        return time_at(
            self.article, self.ctx, self.q.start, (self.clause, self.sentence), self.title, self.dates
        )

    def evidence(self, text: str) -> Span:
        return Span(
            text=text[self.clause.start : self.clause.end], start=self.clause.start, end=self.clause.end
        )

    def figure(self) -> Span:
        return Span(text=self.q.text, start=self.q.start, end=self.q.end)


def time_at(
    article: Article,
    ctx: Context,
    position: int,
    spans: tuple[TextSpan, TextSpan],
    title: TextSpan | None,
    dates: Dates,
) -> When:
    """The time of what stands at `position`, in its clause and sentence (`spans`)."""
    clause, sentence = spans
    places = Places(
        clause, sentence, ctx.before_in_paragraph(sentence), ctx.lead(sentence), title, ctx.earlier(sentence)
    )
    return when(article.text, position, places, dates, article.published)


def _qualitative(
    article: Article, spans_with_figures: list[TextSpan], ctx: Context, title: TextSpan | None, dates: Dates
) -> list[Achievement]:
    """'dẫn đầu toàn quốc', 'được tặng Cờ thi đua của Chính phủ': achievements with no figure,
    when a union body (not a company or the state) is who received or led, at the time its
    sentence and the places around it give."""
    text = article.text
    out = []
    with_figures = SpanIndex(spans_with_figures)
    for m in cues().qualitative.finditer(text):
        if with_figures.holds(m.start()):
            continue
        sentence = article.sentence_at(m.start())
        span = clause(text, m.start(), m.end(), sentence)
        who = ctx.who(m.start(), span, sentence, "")
        if not who.union:
            continue
        award = cues().awards.search(m.group())
        time = time_at(article, ctx, m.start(), (span, sentence), title, dates)
        out.append(
            Achievement(
                category="award" if award else "emulation",
                value=None,
                unit=None,
                organization=who.organization,
                organization_ref=ctx.ref(who.organization),
                award=award.group() if award else None,
                as_of=time.as_of,
                period=time.period,
                time_source=time.source,
                evidence=Span(text=m.group(), start=m.start(), end=m.end()),
            )
        )
    return out


def _figure(article: Article, seen: Seen, category: str | None, who: str | None, cue: str | None) -> Figure:
    return Figure(
        value=seen.q.value,
        unit=seen.unit,
        unit_normalized=seen.unit_normalized,
        qualifier=seen.q.qualifier,
        category=category,
        as_of=seen.when.as_of,
        period=seen.when.period,
        time_source=seen.when.source,
        organization=who,
        cue=cue,
        evidence=seen.evidence(article.text),
        figure=seen.figure(),
    )


def build(article: Article) -> Article:
    text = article.text
    c = cues()
    ctx = Context.of(article)
    dates = Dates(article.dates)
    title = TextSpan(0, len(article.title)) if article.title else None
    percents = [q for q in article.quantities if q.kind == "percent"]
    figures = [q for q in article.quantities if q.kind in ("count", "money")]
    achievements: list[Achievement] = []
    clause_of: list[TextSpan] = []
    kind_of: list[str] = []
    # Each figure's sentence and clause, held as arrays (a MB of amounts holds 55,000 figures).
    sentences, clauses = figure_clauses(text, figures, article.scratch.sentences)
    up_to = zip(clauses.starts, (q.end for q in figures), strict=True)  # each clause up to its figure
    hits = find_hits(text, stretches(text, clauses), stretches(text, up_to))
    clause_starts, clause_ends = clauses.starts, clauses.ends
    last_clause, last_category = -1, ""  # the clause and category of the last figure categorised
    for i, q in enumerate(figures):
        unit = (q.unit or "VND") if q.kind == "money" else c.units.get(q.unit or "", q.unit)
        if unit is None or not q.value:
            continue  # a count of nothing named ("quận 5", "Điện 4") or of nothing ("Phiên chợ 0 đồng")
        if i and part_of(text, figures[i - 1], q):
            continue  # the whole a part is counted against ("kết nạp 3.500/4.000 đoàn viên"): no result
        if unit not in c.units_alone and hits.none_around((clause_starts[i], clause_ends[i]), q.start):
            continue  # no cue in its clause says what it is: neither a result nor a plan or stock
        sentence, span = sentences[i], clauses[i]  # made only for figures weighed
        if q.per or unit in c.never_units or inside_quotes(text, q, sentence):
            continue
        normalized = unit if q.kind == "money" else c.normalized.get(unit, unit)
        # Made for the figures that are kept: most of a long list of amounts is none.
        make_seen = partial(Seen, q, unit, normalized, span, sentence, article, ctx, title, dates)
        why = exclusion(text, q, span, hits)
        if why is not None:
            kind, cue = why
            if kind != "other" and cue is not None:
                seen = make_seen()
                who = ctx.who(q.start, span, sentence, "")
                figure = _figure(article, seen, categorise(text, q, span, unit, hits), who.organization, cue)
                (article.targets if kind == "target" else article.statistics).append(figure)
            continue
        k = i + 2 if i + 1 < len(figures) and part_of(text, q, figures[i + 1]) else i + 1  # past its whole
        nxt = figures[k].start if k < len(figures) else len(text)
        previous = last_category if last_clause == span.start else None
        category = categorise(text, q, span, unit, hits, next_figure=nxt, previous=previous)
        if category is None:
            continue
        last_clause, last_category = span.start, category
        seen = make_seen()
        who = ctx.who(q.start, span, sentence, category)
        if not who.union:
            article.other_figures.append(
                _figure(article, seen, category, None, None).model_copy(update={"actor": who.organization})
            )
            continue
        award = c.awards.search(text, span.start, span.end) if category == "award" else None
        giver = who.awarding_body or (
            awarding(text, span, q, article.entities) if category == "award" else None
        )
        achievements.append(
            Achievement(
                category=category,
                value=q.value,
                unit=unit,
                unit_normalized=seen.unit_normalized,
                qualifier=q.qualifier,
                target_percent=target(text, q, percents, span, nxt),
                as_of=seen.when.as_of,
                period=seen.when.period,
                time_source=seen.when.source,
                organization=who.organization,
                organization_ref=ctx.ref(who.organization),
                award=award.group() if award else None,
                awarding_body=giver,
                beneficiaries=beneficiaries(text, q, span),
                evidence=seen.evidence(text),
                figure=seen.figure(),
            )
        )
        clause_of.append(span)
        kind_of.append(q.kind)
    others = [*article.targets, *article.statistics, *article.other_figures]
    kept = merge_repeats(achievements, *ctx.repeat_zones(), others)
    achievements = [achievements[k] for k in kept]
    clause_of = [clause_of[k] for k in kept]
    kind_of = [kind_of[k] for k in kept]
    # A count and an amount in one clause ("1.020 suất quà ... trị giá 765 triệu đồng") know each other.
    in_clause: dict[TextSpan, list[int]] = {}
    for i, span in enumerate(clause_of):
        in_clause.setdefault(span, []).append(i)
    for i, a in enumerate(achievements):
        a.related = [j for j in in_clause[clause_of[i]] if j != i and kind_of[i] != kind_of[j]]
    for a in achievements:
        a.fact_id = fact_id(a)
    achievements += _qualitative(article, clause_of, ctx, title, dates)
    article.achievements = achievements
    return article

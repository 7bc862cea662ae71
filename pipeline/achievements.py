"""Stage: tie each figure to what it counts, who achieved it, the plan and the date.

A count or an amount of money becomes an achievement when its clause says a union did or
obtained it: a category cue is near it (the nearest wins, generic verbs weigh less) and no cue
marks it as a plan, a stock figure, or someone else's price or wage. Cues are data
(`data/achievements.yaml`). Percentages are not achievements; "đạt 107,3% kế hoạch" after a
figure becomes that figure's `target_percent`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from typing import Any

import regex

from . import rules
from .article import Article, TextSpan
from .models import Achievement, DateMention, Entity, Figure, Period, Quantity, Span
from .quantities import vocabulary

_CLAUSE_END = regex.compile(r"[;!?\n]|\.(?!\d)|…|:\s")
_UNION_RULES = ("federation", "union", "national", "organ")
_PER_UNIT_AFTER = regex.compile(
    r"\s*(?:/\s*(?:người|tháng|suất|m2)|sinh hoạt|đi làm)"
)  # someone's wage or price
_PLAN_AFTER = regex.compile(r"\s*(?:%|phần trăm)?\s*(?:kế hoạch|KH|chỉ tiêu)")
_REACH_END = regex.compile(r"(?:đạt|vượt|bằng)\s*$")
_GIVES_AFTER = regex.compile(r"\s*(?:đã\s+)?(?:tặng|trao|khen thưởng|quyết định)")
_OF_BEFORE = regex.compile(r"của\s*$")
_WORD = regex.compile(r"[\p{L}\p{M}\d]+")
_JOINS = regex.compile(r",|(?<![\p{L}])và(?![\p{L}])")  # what joins two figures' phrases in a clause


@dataclass(frozen=True)
class Cues:
    # (category, cue, pattern) under the cue's first word: a clause is searched only for the cues
    # whose first word it holds (a set lookup instead of ninety scans).
    category: dict[str, list[tuple[str, str, regex.Pattern[str]]]]
    priority: dict[str, int]
    weak: dict[str, float]
    # Why a figure is not an achievement, in the order they are asked: a plan ("target"), a stock
    # figure ("statistic"), or someone else's wage or price ("other").
    exclusions: dict[str, regex.Pattern[str]]
    never_units: frozenset[str]
    as_of: regex.Pattern[str]
    awards: regex.Pattern[str]
    units: dict[str, str]
    category_units: dict[str, tuple[list[str], list[str]]]  # counted nouns settling a category over others
    qualitative: regex.Pattern[str]
    data: dict[str, Any]


@cache
def cues() -> Cues:
    data = rules.load("achievements")
    category: dict[str, list[tuple[str, str, regex.Pattern[str]]]] = {}
    for name, spec in data["categories"].items():
        for cue in spec["cues"]:
            pattern = regex.compile(r"(?<![\p{L}])" + regex.escape(cue) + r"(?![\p{L}])")
            category.setdefault(_WORD.findall(cue)[0], []).append((name, cue, pattern))
    kinds = {"target": data["plan_cues"], "statistic": data["stock_cues"], "other": data["other_cues"]}
    awards = regex.compile(r"(?<![\p{L}])(?:" + rules.alternation(data["awards"]) + r")(?![\p{L}])")
    return Cues(
        category=category,
        priority={c: i for i, c in enumerate(data["priority"])},
        weak={k: float(v) for k, v in data["weak_cues"].items()},
        exclusions={
            kind: regex.compile(r"(?<![\p{L}])(?:" + "|".join(words) + r")(?![\p{L}])")
            for kind, words in kinds.items()
        },
        never_units=frozenset(data["never_units"]),
        as_of=regex.compile(
            r"(?<![\p{L}])(?:" + rules.alternation(rules.cased(data["as_of_cues"])) + r")(?![\p{L}])"
        ),
        awards=awards,
        units=vocabulary().unit_canonical,
        category_units={
            name: (spec["units"], spec.get("over", []))
            for name, spec in data["categories"].items()
            if "units" in spec
        },
        qualitative=regex.compile(
            r"được\s+(?:[^,.;]{0,60}?\s)?(?:tặng|trao|tôn vinh|công nhận)\s+[^.;]{0,80}?(?:"
            + awards.pattern
            + r"|dẫn đầu)|dẫn đầu toàn quốc"
        ),
        data=data,
    )


def clause(text: str, start: int, end: int, bounds: TextSpan) -> TextSpan:
    """The stretch between clause marks (";", ".", ":" and line ends) around `start:end`."""
    left = bounds.start
    for m in _CLAUSE_END.finditer(text, bounds.start, start):
        left = m.end()
    m = _CLAUSE_END.search(text, end, bounds.end)
    right = m.start() if m else bounds.end
    while left < start and text[left].isspace():
        left += 1
    return TextSpan(left, max(right, end))


def categorise(
    text: str, q: Quantity, span: TextSpan, unit: str | None, next_figure: int | None = None
) -> str | None:
    """The category of the nearest cue before or after the figure, in its clause.

    A cue after the figure, past a comma or "và" and before the next figure of the clause, opens
    that figure's phrase and is that figure's ("thành lập mới được 6 CĐCS ... với 2.667 đoàn
    viên (...), ký TƯLĐTT với 4 đơn vị") unless the figure has no cue of its own ("50 gương ...
    và tôn vinh 77 cá nhân"); a cue after a list serves the whole list ("158 tập thể, 273 cá
    nhân ... được tặng bằng khen"); a cue inside a quoted name does not count ('quỹ “Trợ vốn
    phát triển kinh tế gia đình”').
    """
    c = cues()
    own: list[tuple[float, int, str]] = []
    leading: list[tuple[float, int, str]] = []  # cues that lead the next figure
    following = next_figure if next_figure is not None and next_figure < span.end else None
    words = set(_WORD.findall(text, span.start, span.end))
    for name, cue, pattern in (entry for w in words & c.category.keys() for entry in c.category[w]):
        for m in pattern.finditer(text, span.start, span.end):
            if m.end() <= q.start:
                distance = q.start - m.end()
            elif m.start() >= q.start and m.start() - q.end <= 120:
                distance = max(0, m.start() - q.end) + 5  # a cue after the figure: slightly weaker
            else:
                continue
            if _quoted(text, span.start, m.start()):
                continue
            key = ((distance + 1) * c.weak.get(cue, 1.0), c.priority.get(name, 99), name)
            if (
                following is not None
                and q.end <= m.start()
                and m.end() <= following
                and _JOINS.search(text, q.end, m.start())
            ):
                leading.append(key)  # "X, <cue> Y" / "X và <cue> Y": it opens the next figure's phrase
            else:
                own.append(key)
    best = min(own or leading, default=None)
    for name, (units, over) in c.category_units.items():
        if unit in units and best and best[2] in over:
            best = (0.0, 0, name)
    return best[2] if best else None


def exclusion(text: str, q: Quantity, span: TextSpan) -> tuple[str, str | None] | None:
    """(kind, cue) when the figure is a plan, a stock figure, a wage or a price, else None.

    The cue stands in the clause before the figure (the one nearest it is given), or a per-unit
    or "sinh hoạt" right after it marks someone else's figure.
    """
    left = text[span.start : q.start]
    for kind, pattern in cues().exclusions.items():
        found = list(pattern.finditer(left))
        if found:
            return kind, found[-1].group()
    right = text[q.end : min(span.end, q.end + 25)]
    if _PER_UNIT_AFTER.match(right):
        return "other", None
    return None


def inside_quotes(text: str, q: Quantity, sentence: TextSpan) -> bool:
    """A figure inside a quoted name ('Chương trình “1 triệu sáng kiến”') names, it does not report."""
    return _quoted(text, sentence.start, q.start)


def _quoted(text: str, start: int, pos: int) -> bool:
    """Whether a quotation opened between `start` and `pos` is still open at `pos`."""
    left = text[start:pos]
    opened = max(left.rfind("“"), left.rfind('"') if left.count('"') % 2 else -1)
    return opened > left.rfind("”") and opened >= 0


def _target(text: str, q: Quantity, percents: list[Quantity], span: TextSpan, nxt: int) -> float | None:
    for p in percents:
        if q.end <= p.start < min(span.end, nxt, q.end + cues().data["target_window"]):
            before = text[max(q.end, p.start - 12) : p.start]
            after = text[p.end : p.end + 30]
            plan = p.rule == "percent" and _PLAN_AFTER.match(after)
            if _REACH_END.search(before) and (plan or p.text.endswith(("kế hoạch", "chỉ tiêu"))):
                return float(p.value) + (100.0 if "vượt" in before else 0.0)
            if p.text.endswith(("kế hoạch", "chỉ tiêu", "KH")):
                return float(p.value)
    return None


def _as_of(text: str, q: Quantity, sentence: TextSpan, dates: list[DateMention]) -> str | None:
    c = cues()
    for m in c.as_of.finditer(text, sentence.start, q.start):
        for d in dates:
            if m.end() <= d.start <= m.end() + 8 and len(d.value) == 10 and d.value[0] != "-":
                return d.value
    return None


def _period(q: Quantity, span: TextSpan, dates: list[DateMention]) -> Period | None:
    for d in dates:
        a, _, b = d.value.partition("/")
        if span.start <= d.start < q.start and b and not a.startswith("-") and not b.startswith("-"):
            return Period(start=_first_day(a), end=_last_day(b))
    return None


def _first_day(v: str) -> str:
    return v + "-01-01"[len(v) - 4 :] if len(v) < 10 else v


def _last_day(v: str) -> str:
    if len(v) == 4:
        return f"{v}-12-31"
    if len(v) == 7:
        y, m = int(v[:4]), int(v[5:])
        nxt = dt.date(y + (m == 12), m % 12 + 1, 1)
        return (nxt - dt.timedelta(days=1)).isoformat()
    return v


def _org(q: Quantity, sentence: TextSpan, entities: list[Entity], fallback: str | None) -> str | None:
    before = [
        e for e in entities if e.rule in _UNION_RULES and sentence.start <= e.start and e.end <= q.start
    ]
    return before[-1].canonical if before else fallback


def _awarding(text: str, span: TextSpan, q: Quantity, entities: list[Entity]) -> str | None:
    orgs = [e for e in entities if e.type == "ORGANIZATION" and span.start <= e.start < span.end]
    for e in orgs:  # "<org> tặng ...", "của <org>"
        if e.end <= q.start and _GIVES_AFTER.match(text, e.end):
            return e.canonical
        if _OF_BEFORE.search(text, max(0, e.start - 6), e.start):
            return e.canonical
    return None


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


@cache
def _beneficiary_pattern() -> regex.Pattern[str]:
    data = rules.load("achievements")
    cue = rules.alternation(data["beneficiary_cues"])
    stop = rules.alternation(data["beneficiary_stops"])
    return regex.compile(
        r"(?<![\p{L}])(?:" + cue + r")\s+(?P<who>(?:(?!(?:" + stop + r")(?![\p{L}]))[\p{L}\p{M}]+\s*){1,8})",
    )


def _beneficiaries(text: str, q: Quantity, span: TextSpan) -> str | None:
    """Who received it, when the clause says so after the figure: "... cho đoàn viên nghèo"."""
    m = _beneficiary_pattern().search(text, q.end, span.end)
    return m.group("who").strip() if m else None


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
        as_of=_as_of(text, q, sentence, article.dates),
        period=_period(q, sentence, article.dates),
        organization=_org(q, sentence, article.entities, fallback),
        cue=cue,
        evidence=Span(text=text[span.start : span.end], start=span.start, end=span.end),
    )
    (article.targets if kind == "target" else article.statistics).append(figure)


def run(article: Article) -> Article:
    text = article.text
    c = cues()
    fallback = article.organization.name if article.organization else None
    percents = [q for q in article.quantities if q.kind == "percent"]
    figures = [q for q in article.quantities if q.kind in ("count", "money")]
    achievements: list[Achievement] = []
    clause_of: list[TextSpan] = []
    for i, q in enumerate(figures):
        sentence = article.sentence_at(q.start)
        span = clause(text, q.start, q.end, sentence)
        unit = "VND" if q.kind == "money" else c.units.get(q.unit or "", q.unit)
        if q.kind == "money" and q.unit not in (None, "VND"):
            unit = q.unit
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
                target_percent=_target(text, q, percents, span, nxt),
                as_of=_as_of(text, q, sentence, article.dates),
                period=_period(q, sentence, article.dates),
                organization=_org(q, sentence, article.entities, fallback),
                award=award.group() if award else None,
                awarding_body=_awarding(text, span, q, article.entities) if category == "award" else None,
                beneficiaries=_beneficiaries(text, q, span),
                evidence=Span(text=text[span.start : span.end], start=span.start, end=span.end),
            )
        )
        clause_of.append(span)
    # A count and an amount in one clause ("1.020 suất quà ... trị giá 765 triệu đồng") know each other.
    for i, a in enumerate(achievements):
        a.related = [
            j
            for j, b in enumerate(achievements)
            if j != i and clause_of[j] == clause_of[i] and (a.unit == "VND") != (b.unit == "VND")
        ]
    achievements += _qualitative(article, clause_of, fallback)
    article.achievements = achievements
    return article

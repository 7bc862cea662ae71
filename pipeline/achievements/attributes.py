"""An achievement's attributes besides its category, who and when: the plan it is measured
against, who gave the award, and who received it."""

from __future__ import annotations

from functools import cache

import regex

from ..core import rules
from ..core.article import TextSpan
from ..core.patterns import alternation
from ..core.spans import starting_within
from ..output.models import Entity, Quantity
from .cues import cues

_OF_BEFORE = regex.compile(r"của\s*$")
_DIGIT = regex.compile(r"\d")
_JOINED = regex.compile(r"(?:,|(?<![\p{L}])và(?![\p{L}]))\s+(?:\p{Ll}+\s+){0,2}?(?=[^\d]*\d)")


def target(text: str, q: Quantity, percents: list[Quantity], span: TextSpan, nxt: int) -> float | None:
    """The plan's percentage a figure reached: a percentage right after it ("đạt 105% kế hoạch");
    `percents` in text order."""
    for p in starting_within(percents, q.end, min(span.end, nxt, q.end + cues().data["target_window"])):
        # Up to the percentage's number: its qualifier may be the verb ("vượt 8% kế hoạch").
        digit = _DIGIT.search(p.text)
        number = p.start + digit.start() if digit else p.start
        before = text[max(q.end, number - 12) : number]
        after = text[p.end : p.end + 30]
        plan = p.rule == "percent" and cues().plan_after.match(after)
        if cues().reach_end.search(before) and (plan or p.text.endswith(cues().plan_words)):
            # "vượt 8% kế hoạch" exceeds it by 8 points; "đạt và vượt 108%" reaches 108
            exceeded = "vượt" in before and "đạt" not in before and p.value < 100
            return float(p.value) + (100.0 if exceeded else 0.0)
        if p.text.endswith(cues().plan_words):
            return float(p.value)
    return None


def awarding(text: str, span: TextSpan, q: Quantity, entities: list[Entity]) -> str | None:
    orgs = [e for e in starting_within(entities, span.start, span.end) if e.type == "ORGANIZATION"]
    for e in orgs:  # "<org> tặng ...", "của <org>"
        if e.end <= q.start and cues().gives_after.match(text, e.end):
            return e.canonical
        if _OF_BEFORE.search(text, max(0, e.start - 6), e.start):
            return e.canonical
    return None


@cache
def _beneficiary_pattern() -> regex.Pattern[str]:
    data = rules.load("achievements")
    cue = alternation(data["beneficiary_cues"])
    stop = alternation(data["beneficiary_stops"])
    return regex.compile(
        r"(?<![\p{L}])(?:" + cue + r")\s+(?P<who>(?:(?!(?:" + stop + r")(?![\p{L}]))[\p{L}\p{M}]+\s*){1,8})",
    )


def beneficiaries(text: str, q: Quantity, span: TextSpan) -> str | None:
    """Who received it, when the clause says so after the figure, before another figure's phrase
    joins on: "trao 200 suất quà (trị giá 160 triệu đồng) cho đoàn viên nghèo"; not "kết nạp
    5.000 đoàn viên và trao 1.020 suất quà cho công nhân" (they received the gifts)."""
    joined = _JOINED.search(text, q.end, span.end)
    m = _beneficiary_pattern().search(text, q.end, joined.start() if joined else span.end)
    return m.group("who").strip() if m else None

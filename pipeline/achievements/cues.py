"""The achievement vocabulary (`achievements.yaml`, beside this file), compiled once: category cues
indexed by their first word, plan/stock/other exclusions, as-of cues, awards, and the words
that mark a figure as someone else's or an award's giver."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

import regex

from ..core import rules
from ..core.patterns import alternation, cased, word, words, words_or_regex
from ..extractors.quantities.vocabulary import vocabulary

WORD = regex.compile(r"[\p{L}\p{M}\d]+")


@dataclass(frozen=True)
class Cues:
    # (category, cue, pattern) under the cue's first word in lower case: a clause is searched only
    # for the cues whose first word it holds (a set lookup instead of ninety scans). A cue matches
    # as written, Capitalised at a sentence start, and in a headline's capitals.
    category: dict[str, list[tuple[str, str, regex.Pattern[str]]]]
    first_words: regex.Pattern[str]  # `category`'s keys as whole words, in the casings cues match in
    priority: dict[str, int]
    weak: dict[str, float]
    joining: frozenset[str]  # cues of taking part: the figure counts who took part in the one before
    programmes: frozenset[str]  # cues that name the union's programmes: they count inside quotes
    negated: regex.Pattern[str]  # a negation right before a cue: "chưa được hỗ trợ"
    passive: regex.Pattern[str]  # a passive right after a figure: " đã được " (its end: the verb)
    plan_after_figure: regex.Pattern[str]  # " sẽ", " dự kiến" right after a figure: to come
    suffered: regex.Pattern[str]  # " bị" right after a figure: what it counts was done to them
    # Why a figure is not an achievement, in the order they are asked: a plan ("target"), a stock
    # figure ("statistic"), or someone else's wage or price ("other").
    exclusions: dict[str, regex.Pattern[str]]
    never_units: frozenset[str]
    as_of: regex.Pattern[str]
    as_of_to_end: frozenset[str]  # words of an as-of cue that take a month or year to its last day
    until_now: regex.Pattern[str]  # right after a date: its period runs to the day of writing
    years_span: regex.Pattern[str]  # "Sau 5 năm ...": a count of several years
    awards: regex.Pattern[str]
    units: dict[str, str]
    normalized: dict[str, str]  # a canonical unit -> the unit an analyst adds up under
    category_units: dict[str, tuple[list[str], list[str]]]  # counted nouns settling a category over others
    units_alone: dict[str, str]  # counted nouns that name their category when no cue is near
    units_only_in: dict[str, frozenset[str]]  # counted nouns that make a result in these categories alone
    qualitative: regex.Pattern[str]
    per_unit_after: regex.Pattern[str]  # "500.000 đồng/suất", "lương ... sinh hoạt": not a result
    per_unit_firsts: frozenset[str]  # the characters it can begin with, after spaces
    each_after_amount: regex.Pattern[str]  # "500 ngàn đồng cho mỗi gia đình": an amount each
    each_firsts: frozenset[str]  # the characters it can begin with, after spaces
    plan_after: regex.Pattern[str]  # "(đạt 107,3%) kế hoạch": the percentage is against a plan
    plan_words: tuple[str, ...]
    reach_end: regex.Pattern[str]  # "đạt", "vượt" right before a percentage
    at_figure: regex.Pattern[str]  # stock cues that describe the figure right after them
    value_heads: regex.Pattern[str]  # "trị giá", "tổng số tiền": what follows is a gift's value
    per_unit: frozenset[str]  # "mỗi", "bình quân": someone else's figure whatever stands between
    gives_after: regex.Pattern[str]  # "<org> tặng": the organisation gives, it does not receive
    data: dict[str, Any]


@cache
def cues() -> Cues:
    data = rules.load("achievements")
    category: dict[str, list[tuple[str, str, regex.Pattern[str]]]] = {}
    for name, spec in data["categories"].items():
        for cue in spec["cues"]:
            pattern = regex.compile(r"(?<![\p{L}])(?:" + alternation(cased([cue])) + r")(?![\p{L}])")
            category.setdefault(WORD.findall(cue)[0].lower(), []).append((name, cue, pattern))
    kinds = {"target": data["plan_cues"], "statistic": data["stock_cues"], "other": data["other_cues"]}
    awards = regex.compile(r"(?<![\p{L}])(?:" + alternation(data["awards"]) + r")(?![\p{L}])")
    return Cues(
        category=category,
        first_words=regex.compile(
            r"(?<![\p{L}\p{M}\d])(?:" + alternation(cased(list(category))) + r")(?![\p{L}\p{M}\d])"
        ),
        priority={c: i for i, c in enumerate(data["priority"])},
        weak={k: float(v) for k, v in data["weak_cues"].items()},
        joining=frozenset(data["joining_cues"]),
        programmes=frozenset(data["programmes"]),
        negated=regex.compile(
            r"(?<![\p{L}])(?:"
            + alternation(cased(data["negations"]))
            + r")\s+(?:(?:"
            + alternation(data["negation_bridges"])
            + r")\s+)*$"
        ),
        passive=regex.compile(_after_auxiliaries(data, ["được"]) + r"\s+"),
        suffered=regex.compile(_after_auxiliaries(data, data["adversity_markers"]) + r"(?![\p{L}])"),
        plan_after_figure=regex.compile(
            r"\s+(" + alternation(data["plan_cues_after_figure"]) + r")(?![\p{L}])"
        ),
        exclusions={
            kind: regex.compile(word(words_or_regex(entries, cased_words=True)))
            for kind, entries in kinds.items()
        },
        never_units=frozenset(data["never_units"]),
        as_of=regex.compile(r"(?<![\p{L}])(?:" + alternation(cased(data["as_of_cues"])) + r")(?![\p{L}])"),
        as_of_to_end=frozenset(data["as_of_to_end"]),
        until_now=regex.compile(r"[^\S\n]*" + words(data["until_now"])),
        years_span=regex.compile(words_or_regex(data["years_span"])),
        awards=awards,
        units=vocabulary().unit_canonical,
        normalized=vocabulary().unit_normalized,
        units_alone={u: name for name, spec in data["categories"].items() for u in spec.get("alone", [])},
        units_only_in={
            unit: frozenset(n for n, spec in data["categories"].items() if unit in spec.get("only", []))
            for spec in data["categories"].values()
            for unit in spec.get("only", [])
        },
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
        per_unit_after=regex.compile(
            r"\s*(?:/\s*(?:"
            + alternation(data["per_unit_after"])
            + r")|"
            + alternation(data["someone_else_after"])
            + r")"
        ),
        per_unit_firsts=frozenset(["/", *(w[0] for w in data["someone_else_after"])]),
        each_after_amount=regex.compile(r"\s*(?:" + alternation(data["each_after_amount"]) + r")(?![\p{L}])"),
        each_firsts=frozenset(w[0] for w in data["each_after_amount"]),
        plan_after=regex.compile(
            r"\s*(?:"
            + alternation(voc_units("percent_words"))
            + r")?\s*(?:"
            + alternation(voc_units("plan_words"))
            + r")"
        ),
        plan_words=tuple(voc_units("plan_words")),
        reach_end=regex.compile(vocabulary().reach + r"\s*$"),
        at_figure=regex.compile(words_or_regex(data["stock_cues_at_figure"])),
        value_heads=regex.compile(words(data["value_heads"])),
        per_unit=frozenset(w.lower() for w in data["per_unit_cues"]),
        gives_after=regex.compile(r"\s*(?:đã\s+)?(?:" + alternation(data["giving_verbs"]) + r")"),
        data=data,
    )


def _after_auxiliaries(data: dict[str, Any], heads: list[str]) -> str:
    """One of `heads` right after a figure, past the auxiliaries a passive may take ("đã được")."""
    return r"\s+(?:(?:" + alternation(data["passive_auxiliaries"]) + r")\s+)*(?:" + alternation(heads) + r")"


def voc_units(key: str) -> list[str]:
    return list(rules.section("units", key))

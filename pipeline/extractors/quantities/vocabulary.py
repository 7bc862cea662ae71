"""What the quantity reader knows about the words around a figure, compiled once from the rule
files: qualifiers and ranges (`numbers.yaml`), currencies, percent and plan words, counted nouns
and what is not a quantity (`units.yaml`, beside this file)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from ...core import rules
from ...core.patterns import alternation, cased


@dataclass(frozen=True)
class Vocabulary:
    qualifier: regex.Pattern[str]
    qualifier_kind: dict[str, str]
    qualifier_ends: tuple[str, ...]  # the last words of the qualifiers, case-folded
    currency: regex.Pattern[str]
    currency_code: dict[str, str]
    currency_prefix: regex.Pattern[str]
    prefix_code: dict[str, str]
    prefix_ends: frozenset[str]  # the characters a currency prefix ends with
    percent: regex.Pattern[str]
    plan: regex.Pattern[str]
    not_quantity: regex.Pattern[str]
    unit: regex.Pattern[str]
    unit_canonical: dict[str, str]
    unit_normalized: dict[str, str]  # canonical unit -> the unit an analyst adds up under
    range_sep: regex.Pattern[str]
    range_firsts: frozenset[str]  # the characters a range separator begins with
    list_gap: regex.Pattern[str]  # what stands between two figures of a list: ", ", " và "
    vague: regex.Pattern[str]
    at_least_after: regex.Pattern[str]
    at_least_firsts: frozenset[str]
    day_before: regex.Pattern[str]
    per: regex.Pattern[str]

    words_alone_not_counts: frozenset[str]
    idioms: regex.Pattern[str]  # set phrases that hold a number in words: "bốn phương"
    noun_after: regex.Pattern[str]  # a lower-case word after a number in words, not a list marker's
    minor: dict[str, regex.Pattern[str]]  # "và 23 xen" after an amount in that currency
    reach: str  # verbs that measure a figure against a plan: "đạt", "vượt", "bằng"


_WB = r"(?![\p{L}\d])"  # a word ends here


@cache
def vocabulary() -> Vocabulary:
    num = rules.load("numbers")
    units = rules.load("units")
    qual_kind = {w: kind for kind, words in num["qualifiers"].items() for w in words}
    cur_code = {w: code for code, words in units["currencies"].items() for w in words}
    pre_code = {w: code for code, words in units["currency_prefixes"].items() for w in words}
    unit_canon = {f: u["canonical"] for u in units["count_units"] for f in u["forms"]}
    return Vocabulary(
        qualifier=regex.compile(r"(?:^|(?<=[^\p{L}]))(" + alternation(list(qual_kind)) + r")\s+$", regex.I),
        qualifier_kind={k.lower(): v for k, v in qual_kind.items()},
        qualifier_ends=tuple(sorted({w.split()[-1].casefold() for w in qual_kind})),
        currency=regex.compile(
            r"\s?("
            + alternation(list(cur_code))
            + r")"
            + _WB
            + r"(?!\s+(?:"
            + alternation(units["not_currency_after"])
            + r")"
            + _WB
            + ")"
        ),
        currency_code=cur_code,
        currency_prefix=regex.compile(r"(" + alternation(list(pre_code)) + r")\s?$"),
        prefix_code=pre_code,
        prefix_ends=frozenset(w[-1] for w in pre_code),
        percent=regex.compile(r"\s?(" + alternation(units["percent_words"]) + r")"),
        plan=regex.compile(r"\s+(?:" + alternation(units["plan_words"]) + r")" + _WB),
        not_quantity=regex.compile(
            r"\s*°|\s+(?:" + alternation(units["not_quantity_units"]) + r")" + _WB, regex.I
        ),
        unit=regex.compile(r"\s+(" + alternation(list(unit_canon)) + r")" + _WB),
        unit_canonical=unit_canon,
        unit_normalized={u["canonical"]: u.get("normalized") or u["canonical"] for u in units["count_units"]},
        range_sep=regex.compile(r"\s*(?:" + alternation(num["range_separators"]) + r")\s*"),
        range_firsts=frozenset(w[0] for w in num["range_separators"]),
        list_gap=regex.compile(
            r"[^\S\n]*,[^\S\n]*(?:(?:{0})[^\S\n]+)?|[^\S\n]+(?:{0})[^\S\n]+".format(
                alternation(num["list_joiners"])
            )
        ),
        vague=regex.compile(r"(?:" + alternation(num["vague_prefixes"]) + r")\s+$", regex.I),
        day_before=regex.compile(
            r"(?<![\p{L}])(?:" + alternation(cased(rules.section("dates", "day_words"))) + r")\s+$"
        ),
        at_least_after=regex.compile(r"\s+(?:" + alternation(num["at_least_after"]) + r")" + _WB),
        at_least_firsts=frozenset(w[0] for w in num["at_least_after"]),
        words_alone_not_counts=frozenset(units["words_alone_not_counts"]),
        idioms=regex.compile(r"(?:" + alternation(cased(units["idioms_with_numbers"])) + r")(?![\p{L}])"),
        noun_after=regex.compile(
            r"[^\S\n]+(?!(?:" + alternation(units["not_counted_after_words"]) + r")(?![\p{L}]))\p{Ll}"
        ),
        minor={
            code: regex.compile(r"\s+(?:và\s+)?(\d{1,2})\s*(?:" + alternation(words) + r")" + _WB)
            for code, words in units["minor_units"].items()
        },
        reach="(?:" + alternation(units["reach_verbs"]) + ")",
        per=regex.compile(r"/\s?(\p{L}[\p{L}\d]*(?:\s(?:quà|người|tháng|năm|ngày|lượt))?)"),
    )

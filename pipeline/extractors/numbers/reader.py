"""Numbers, the base layer quantities and dates build on.

Match, then resolve: `find_numbers` yields every figure in a text with the rule that matched it
and its value under Vietnamese conventions ("." groups thousands, "," marks decimals, scale words
multiply: "1 tỷ 200 triệu", "hơn 1,2 nghìn tỷ"). It knows nothing about what a figure counts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from functools import cache
from typing import NamedTuple

import regex

from ...core import rules
from ...core.patterns import alternation, cased
from ...core.spans import first_after_spaces
from .words import parse_words

# A figure in digits, in the standard library's `re`, which runs this pattern at twice the speed
# of `regex` (a text dense in figures tries it everywhere). The look-behinds keep "Covid-19" and
# "A4" out (LETTER, in `_digits`); "24/28" keeps its "28". The look-ahead first drops at once every
# position that cannot start one. GLUED: the codes a figure may be glued to ("USD1,23"), each a
# fixed-width look-behind not itself after a letter.
_DIGITS = r"""
(?=[\d,])(?:(?<!LETTER)(?<![\d.,])|GLUED)(?<!LETTER-)
(?:
    \d{1,3}(?:\.\d{3})+(?:,\d+)?        # 1.200.000   170.234   1.200,5
  | \d{1,3}(?:,\d{3}){2,}(?:\.\d+)?     # 1,200,000   (English grouping in copied figures)
  | \d+,\d+                            # 397,6   0,55
  | \d+\.\d{1,2}(?!\d)                 # 1.5     (English decimal point: only 1-2 digits follow)
  | \d+
  | (?<!\d),\d+                       # ,77      (a leading decimal comma; "300 ,7": `_comma_after_figure`)
)
(?![\d])(?!,\d)(?!\.\d)
"""
_DOT_GROUPED = regex.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")  # 1.200.000,5
_COMMA_GROUPED = regex.compile(r"\d{1,3}(?:,\d{3}){2,}(?:\.\d+)?")  # 1,200,000.5


class Number(NamedTuple):  # a tuple, not a frozen dataclass: made for every figure, at a third of the cost
    start: int
    end: int
    value: Decimal
    rule: str
    scaled: bool  # a scale word ("triệu", "tỷ") is part of it


@cache
def _patterns() -> dict[str, regex.Pattern[str]]:
    scales = rules.section("numbers", "scales")
    scale_alt = alternation(list(scales))
    words = {
        **rules.section("numbers", "word_digits"),
        **rules.section("numbers", "word_multipliers"),
    }
    halves = [*rules.section("numbers", "half_before"), *rules.section("numbers", "half_after")]
    # Not in capitals: what a number in words counts ("đoàn viên", "đồng") is read in lower case.
    number_words = [*words, *rules.section("numbers", "word_zero_tens"), *halves]
    word_alt = alternation(cased(number_words, headlines=False))
    # A scale word (group 1 of its own), or a short one with its currency after it (group 2: "tr.đ",
    # "trđ", "tr đồng").
    scale_word = (
        r"(?:("
        + scale_alt
        + r")(?![\p{L}\d])|("
        + alternation(list(rules.section("numbers", "short_scales")))
        + r")\.?(?=[^\S\n]*(?:"
        + alternation(rules.section("numbers", "short_scales_then"))
        + r")(?![\p{L}\d])))"
    )
    return {
        "scale": regex.compile(r"\s*" + scale_word),
        "words": regex.compile(
            # first word, then more: the same language as "(w\s+)*w" at 0.6x the cost in `regex`
            r"(?<![\p{L}\d])(?:" + word_alt + r")(?:\s+(?:" + word_alt + r"))*(?![\p{L}\d])"
        ),
        # "1 tỷ 200 triệu": a second figure with a smaller scale continues the first.
        "continuation": regex.compile(r"\s+(\d{1,3})\s*" + scale_word),
        # "7 triệu 5": one bare digit after a scale is tenths of it, where nothing it could count follows
        "tenths": regex.compile(
            r"\s+(\d)(?![\d/%-]|[.,]\d)(?=\s*(?:[,.;:)…!?]|$|\n|(?:"
            + alternation(rules.section("numbers", "tenths_then"))
            + r")(?![\p{L}])))"
        ),
        # "2 triệu rưỡi": half of the last scale more
        "half_after": regex.compile(
            r"\s+(?:" + alternation(rules.section("numbers", "half_after")) + r")(?![\p{L}\d])"
        ),
    }


@cache
def _digits() -> re.Pattern[str]:
    letter = r"[^\W\d_]"  # a letter, or a character with a numeric value that is no digit ("²", "½")
    glued = sorted(rules.section("numbers", "glued_prefixes"), key=len, reverse=True)
    behind = "|".join(rf"(?<={re.escape(code)})(?<!{letter}{re.escape(code)})" for code in glued)
    return re.compile(_DIGITS.replace("GLUED", behind).replace("LETTER", letter), re.VERBOSE)


def _comma_after_figure(text: str, start: int) -> bool:
    """ "300 ,7": a leading decimal comma after a figure and spaces on its line is no figure."""
    i = start
    while i > 0 and text[i - 1] != "\n" and text[i - 1].isspace():
        i -= 1
    return i > 0 and text[i - 1].isdecimal()


@cache
def _scale_starts() -> frozenset[str]:
    """The letters a scale word can begin with ("triệu", "k", "M")."""
    return frozenset(word[0] for word in _scale_values())


def parse_digits(s: str) -> Decimal:
    """The value of a digit string under Vietnamese conventions."""
    if s.isdigit():  # most figures: no grouping, no decimals
        return Decimal(s)
    if _DOT_GROUPED.fullmatch(s):
        return Decimal(s.replace(".", "").replace(",", "."))
    if _COMMA_GROUPED.fullmatch(s):
        return Decimal(s.replace(",", ""))
    if "," in s:
        return Decimal(s.replace(",", "."))
    return Decimal(s)


_FIRST_DIGITS = regex.compile(r"\d[\d.,]*")


def written_value(s: str) -> Decimal | None:
    """The value of the first figure `s` writes in digits, without the scale words after it
    ("gần 5 triệu đồng" -> 5): what a scale multiplied. None when `s` holds no digit."""
    digits = _FIRST_DIGITS.search(s)
    return parse_digits(digits.group().rstrip(".,")) if digits else None


def scale_factor(written: str, value: Decimal) -> Decimal:
    """How many times `value` is the figure `written` writes in digits: the factor its scale
    words gave it ("5 triệu đồng", 5000000 -> 1000000); 1 when it writes no digit or a zero."""
    base = written_value(written)
    return value / base if base else Decimal(1)


@cache
def _scale_values() -> dict[str, int]:
    """Every scale word, short ones ("tr") with the others, and the factor it gives."""
    return {**rules.section("numbers", "short_scales"), **rules.section("numbers", "scales")}


def scale_value(word: str) -> int:
    scales = _scale_values()
    return int(scales[word] if word in scales else scales[word.lower()])  # "M" is no "m" (metres)


# The regex module looks for a pattern's required literal ("rưỡi") from the position up to
# `endpos` before it tries to match, so matching after every figure of a long text with `endpos`
# at the text's end cost the length of the text each time (10 MB of news: 7 s). The words after a
# figure are read within this many characters of it.
NEAR = 64


def find_numbers(text: str, start: int = 0, end: int | None = None) -> Iterator[Number]:
    """Every figure in digits in `text[start:end]`, with the scale words that follow it."""
    pats = _patterns()
    scale_starts = _scale_starts()
    scale, half_after, tenths, continuation = (
        pats["scale"],
        pats["half_after"],
        pats["tenths"],
        pats["continuation"],
    )
    make = tuple.__new__  # a Number without its Python-level __new__: made for every figure
    end = len(text) if end is None else end
    consumed = start
    for m in _digits().finditer(text, start, end):
        first, stop = m.span()
        if first < consumed:
            continue  # already read as the continuation of the figure before
        written = m.group()
        if written[0] == "," and _comma_after_figure(text, first):
            continue
        value = Decimal(written) if written.isdigit() else parse_digits(written)
        consumed = stop
        # Scale words multiply in turn: "1,2 nghìn tỷ" = 1.2 * 1000 * 1e9. (Asked only where one
        # can begin: the pattern is dearer than a look at the next character, for every figure.)
        after = text[stop : stop + 1]
        if after not in scale_starts and not (
            after.isspace() and first_after_spaces(text, stop) in scale_starts
        ):
            yield make(Number, (first, stop, value, "digits", False))  # most figures: no scale
            continue
        last_scale = 0  # the value of the last scale word read; 0 while there is none
        rule = "digits"
        while (
            (after := text[stop : stop + 1]) in scale_starts
            or (after.isspace() and first_after_spaces(text, stop) in scale_starts)
        ) and (s := scale.match(text, stop, min(end, stop + NEAR))) is not None:
            last_scale = scale_value(s.group(1) or s.group(2))
            value *= last_scale
            stop = s.end()
            rule = "digits+scale"
        scaled = last_scale > 0
        whole = scaled and "," not in written  # a part of the scale is added to whole figures only
        if whole and (half := half_after.match(text, stop, min(end, stop + NEAR))) is not None:
            value += Decimal(last_scale) / 2  # "2 triệu rưỡi": half the last scale more
            stop = half.end()
            rule = "digits+scale+half"
        elif whole and (t := tenths.match(text, stop, end)) is not None:
            value += Decimal(int(t.group(1))) * last_scale / 10  # "7 triệu 5"
            stop = t.end()
            rule = "digits+scale+tenths"
        elif scaled:
            cont = continuation.match(text, stop, min(end, stop + NEAR))
            if cont is not None:
                v2 = Decimal(cont.group(1)) * scale_value(cont.group(2) or cont.group(3))
                if v2 < value:
                    value += v2
                    stop = cont.end()
                    rule = "digits+scale+continuation"
        consumed = stop
        yield make(Number, (first, stop, value, rule, scaled))


def find_word_numbers(text: str, start: int = 0, end: int | None = None) -> Iterator[Number]:
    """Numbers written in words; the caller decides whether the context makes them a quantity."""
    end = len(text) if end is None else end
    for m in _patterns()["words"].finditer(text, start, end):
        value = parse_words(m.group())
        if value is not None:
            yield Number(m.start(), m.end(), value, "words", False)


def as_number(value: Decimal) -> float | int:
    """A JSON-friendly number: an int when the value is whole."""
    if value == value.to_integral_value():
        return int(value)
    return float(value)

"""Numbers, the base layer quantities and dates build on.

Match, then resolve: `find_numbers` yields every figure in a text with the rule that matched it
and its value under Vietnamese conventions ("." groups thousands, "," marks decimals, scale words
multiply: "1 tỷ 200 triệu", "hơn 1,2 nghìn tỷ"). It knows nothing about what a figure counts.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

import regex

from . import rules

# A figure in digits. The look-behind keeps "Covid-19" and "A4" out; "24/28" keeps its "28".
_DIGITS = r"""
(?<![\p{L}\d.,])(?<!\p{L}-)
(?:
    \d{1,3}(?:\.\d{3})+(?:,\d+)?        # 1.200.000   170.234   1.200,5
  | \d{1,3}(?:,\d{3}){2,}(?:\.\d+)?     # 1,200,000   (English grouping in copied figures)
  | \d+,\d+                            # 397,6   0,55
  | \d+\.\d{1,2}(?!\d)                 # 1.5     (English decimal point: only 1-2 digits follow)
  | \d+
)
(?![\d])(?!,\d)(?!\.\d)
"""


@dataclass(frozen=True)
class Number:
    start: int
    end: int
    value: Decimal
    rule: str
    scaled: bool  # a scale word ("triệu", "tỷ") is part of it


@cache
def _patterns() -> dict[str, regex.Pattern[str]]:
    scales = rules.section("numbers", "scales")
    scale_alt = rules.alternation(list(scales))
    words = {
        **rules.section("numbers", "word_digits"),
        **rules.section("numbers", "word_multipliers"),
    }
    word_alt = rules.alternation([*words, *rules.section("numbers", "word_zero_tens")])
    return {
        "digits": regex.compile(_DIGITS, regex.VERBOSE),
        "scale": regex.compile(r"\s*(" + scale_alt + r")(?![\p{L}\d])"),
        "words": regex.compile(
            r"(?<![\p{L}\d])(?:(?:" + word_alt + r")\s+)*(?:" + word_alt + r")(?![\p{L}\d])",
            regex.IGNORECASE,
        ),
        # "1 tỷ 200 triệu": a second figure with a smaller scale continues the first.
        "continuation": regex.compile(r"\s+(\d{1,3})\s*(" + scale_alt + r")(?![\p{L}\d])"),
    }


def parse_digits(s: str) -> Decimal:
    """The value of a digit string under Vietnamese conventions."""
    if regex.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", s):
        return Decimal(s.replace(".", "").replace(",", "."))
    if regex.fullmatch(r"\d{1,3}(?:,\d{3}){2,}(?:\.\d+)?", s):
        return Decimal(s.replace(",", ""))
    if "," in s:
        return Decimal(s.replace(",", "."))
    return Decimal(s)


def scale_value(word: str) -> int:
    return int(rules.section("numbers", "scales")[word.lower()])


def parse_words(s: str) -> Decimal | None:
    """'hai mươi lăm' -> 25, 'một trăm linh năm' -> 105, 'ba nghìn không trăm hai mươi' -> 3020.

    Reads left to right keeping three registers: `total` (groups already closed by nghìn, triệu,
    tỷ), `group` (the hundreds and tens of the open group) and `digit` (a digit waiting for its
    multiplier). Returns None for a sequence that is not a well-formed number ("hai ba").
    """
    digits = rules.section("numbers", "word_digits")
    mults = rules.section("numbers", "word_multipliers")
    zero_tens = set(rules.section("numbers", "word_zero_tens"))
    total = group = 0
    digit: int | None = None
    prev = ""
    for w in s.lower().split():
        if w in zero_tens:  # "một trăm linh năm": the tens are zero
            if prev != "trăm" or digit is not None:
                return None
        elif w == "mười":
            if digit is not None:
                return None
            group += 10
        elif w in digits:
            d = int(digits[w])
            if w in ("mốt", "tư", "lăm", "nhăm") and prev not in ("mươi", "mười") and digit is None:
                return None
            if digit is not None:
                if w not in ("lăm", "mốt", "tư"):
                    return None  # two digits in a row
                group, digit = group + digit * 10 + d, None  # colloquial "hai lăm" = 25
            elif prev in ("mươi", "mười", "linh", "lẻ") or (prev == "trăm" and w == "không"):
                group += d
            else:
                digit = d
        elif w in mults:
            m = int(mults[w])
            if m in (10, 100):  # mươi, chục, trăm
                if m == 10 and w == "mươi" and digit is None:
                    return None
                group += (1 if digit is None else digit) * m
            else:  # nghìn, triệu, tỷ close the open group
                pending = group + (digit or 0)
                if pending == 0 and total and total < m:
                    total *= m  # "một nghìn tỷ"
                else:
                    total += (pending or 1) * m
                group = 0
            digit = None
        else:
            return None
        prev = w
    value = total + group + (digit or 0)
    return Decimal(value)


def find_numbers(text: str, start: int = 0, end: int | None = None) -> Iterator[Number]:
    """Every figure in digits in `text[start:end]`, with the scale words that follow it."""
    pats = _patterns()
    end = len(text) if end is None else end
    consumed = start
    for m in pats["digits"].finditer(text, start, end):
        if m.start() < consumed:
            continue  # already read as the continuation of the figure before
        value = parse_digits(m.group())
        stop = m.end()
        scaled = False
        rule = "digits"
        # Scale words multiply in turn: "1,2 nghìn tỷ" = 1.2 * 1000 * 1e9.
        while (s := pats["scale"].match(text, stop, end)) is not None:
            value *= scale_value(s.group(1))
            stop = s.end()
            scaled = True
            rule = "digits+scale"
        if scaled:
            cont = pats["continuation"].match(text, stop, end)
            if cont is not None:
                v2 = Decimal(cont.group(1)) * scale_value(cont.group(2))
                if v2 < value:
                    value += v2
                    stop = cont.end()
                    rule = "digits+scale+continuation"
        consumed = stop
        yield Number(m.start(), stop, value, rule, scaled)


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

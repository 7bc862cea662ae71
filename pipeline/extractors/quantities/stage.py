"""Counts, money and percentages, each with its qualifier and the noun it counts.

Built on `numbers`: for every figure not inside a date, a document number, an ordinal or a time,
look left for a qualifier ("gần", "hơn", "ít nhất"), right for a range's other end ("50 - 100
nghìn đồng"), a currency, a percent sign, a plan word ("đạt 116,3 kế hoạch") or a counted noun.
Durations and ages ("1,5 ngày", "87 năm") are not quantities. The figures of a list share what its
last one names ("45, 40 và 35 USD": `lists`).
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Sequence
from decimal import Decimal
from itertools import chain, pairwise
from sys import intern

import regex

from ...core import rules
from ...core.article import Article
from ...core.patterns import is_year
from ...core.spans import HasSpan, SpanIndex, before_spaces, first_after_spaces
from ...core.stage import Stage
from ...output.models import Quantity
from ..numbers.reader import Number, as_number, find_numbers, find_word_numbers, scale_factor
from .lists import shared_units
from .reading import Reading, counts_something, money, names_what, qualifier, read_right
from .vocabulary import Vocabulary, vocabulary

_AFTER_DIGITS = regex.compile(r"\d[^\S\n]+$")
_NAME_BEFORE = regex.compile(r"(?<![\p{L}])[\p{Lu}Đ][\p{Ll}\p{M}]*[^\S\n]+[\p{Lu}Đ][\p{Ll}\p{M}]*[^\S\n]+$")
# "2,500": a decimal comma by Vietnamese convention, but money and counted things come whole, so
# with exactly three digits after the comma before them it groups thousands, as in the English
# source the figure was copied from ("2,500 USD", "1,200 đoàn viên"; "2,5 tỷ" stays 2.5 tỷ).
_EN_GROUPED = regex.compile(r"[1-9]\d{0,2}(?:,\d{3})+")


def _quantity(
    text: str, start: int, end: int, kind: str, value: Decimal, reading: Reading, qual: str
) -> Quantity:
    unit = reading.canonical_unit if kind != "count" else reading.unit
    return Quantity(
        text=intern(text[start:end]),  # "100%", "1 triệu đồng" recur: one string for all
        start=start,
        end=end,
        kind=kind,
        value=as_number(value),
        unit=unit,
        qualifier=qual,
        per=reading.per,
        rule=reading.kind,
    )


def _start(n: Number) -> int:
    return n.start


# A minus: "âm 5", or a dash glued to the figure after a space or a bracket ("lỗ -1,2 tỷ đồng"),
# never after a figure ("50 -100": a range) nor, in an article, at a line's start (a list's dash).
_MINUS = regex.compile(r"(?:(?<![\p{L}])âm\s+|(?:(?<=[(:=])|(?<=[^\S\n])(?<![\d%][^\S\n]+))[-−])$", regex.I)
_MINUS_AT_START = regex.compile(r"(?:^|(?<=\n))[-−][^\S\n]?$")


def _minus(text: str, start: int, line_start: bool) -> int | None:
    """Where the minus before the figure at `start` begins, if one stands there."""
    before = text[max(0, start - 8) : start]
    if "-" not in before and "−" not in before and "m" not in before.lower():
        return None  # no dash, and no "âm": most figures, spared the search
    m = _MINUS.search(text, max(0, start - 8), start)
    if m is None and line_start:
        m = _MINUS_AT_START.search(text, max(0, start - 2), start)
    return m.start() if m is not None else None


def find_quantities(
    text: str, blocked: Sequence[HasSpan], minus_at_line_start: bool = False
) -> list[Quantity]:
    """Counts, money and percentages in `text` outside `blocked`. A dash at a line's start is a
    minus only with `minus_at_line_start` (a form field's "-1.200.000"; in an article, a list)."""
    voc = vocabulary()
    free = SpanIndex(blocked)
    digits: Iterable[Number] = free.outside(find_numbers(text))
    words = [
        n
        for n in find_word_numbers(text)
        if (n.value > 1 or (n.value == 1 and voc.currency.match(text, n.end) is not None))  # "một đô la"
        and not free.overlaps(n.start, n.end)
        and not _AFTER_DIGITS.search(text, max(0, n.start - 12), n.start)  # "45 năm hoạt động": a unit
        and counts_something(text, n, voc)  # words are a number only before what they count
        and _has_digit_word(text[n.start : n.end])
    ]
    if words:  # a number in words inside one in digits is part of it
        digits = list(digits)
        taken = SpanIndex(digits)
        words = [n for n in words if not taken.overlaps(n.start, n.end)]
    # Streamed in text order, digits before words at one start: the figures of a long text are
    # never all held at once (a megabyte of "1/" held half a million of them).
    numbers = heapq.merge(digits, words, key=_start) if words else digits
    out: list[Quantity] = []
    skip_until = -1
    for n, nxt in pairwise(chain(numbers, [None])):
        assert n is not None
        if n.start < skip_until:
            continue
        if n.rule == "words" and voc.vague.search(text[max(0, n.start - 8) : n.start]):
            continue
        if nxt is not None and _bare_fraction(text, n, nxt, voc):
            skip_until = nxt.end  # "1/3 tổng thu", "1/10": no counts
            continue
        reading = read_right(text, n, voc)
        if _is_year(text, n, reading):
            continue
        # A range: "50 - 100 nghìn đồng", "từ 5 đến 7 tỷ đồng", "300.000 - 500.000đ".
        sep = (
            voc.range_sep.match(text, n.end) if first_after_spaces(text, n.end) in voc.range_firsts else None
        )
        ranged = sep is not None and nxt is not None and nxt.start == sep.end()
        second = read_right(text, nxt, voc) if ranged and nxt is not None else None
        if (
            ranged
            and nxt is not None
            and (reading is None or reading.unit is None)
            and not _is_year(text, nxt, second)
        ):
            if second is None:
                skip_until = nxt.end  # "6-7 năm", "12-14 tuổi": a range of what is no quantity
                continue
            if second.kind != "count" or second.unit:
                first_value = n.value
                if nxt.scaled and not n.scaled:
                    # "50 - 100 nghìn": the scale of the second end applies to the first, unless
                    # the first is written in full ("từ 500.000 đến 1 triệu đồng"): whichever
                    # puts the two ends nearer each other
                    first_value = _nearer(
                        n.value, n.value * scale_factor(text[nxt.start : nxt.end], nxt.value), nxt.value
                    )
                qual, qstart = qualifier(text, n.start, voc)
                out.append(_quantity(text, qstart, second.end, second.kind, first_value, second, qual))
                out.append(_quantity(text, nxt.start, second.end, second.kind, nxt.value, second, "exact"))
                skip_until = second.end
                continue
        start, value = n.start, n.value
        prefix = _currency_prefix(text, n.start, voc)
        if prefix is not None and (reading is None or (reading.kind == "count" and reading.unit is None)):
            # "$300", "USD1,23 ngày 3/3": a currency before the figure makes it money whatever follows
            reading = money(text, n.end, voc.prefix_code[prefix.group(1)], voc)
            start = prefix.start()
        if reading is None:
            continue
        if reading.kind == "count" and reading.unit is None and n.scaled and _after_money(text, n, out):
            # "bị xử phạt 200.000đ, ... cũng chỉ tới 20 triệu": the currency is understood
            reading = money(text, reading.end, str(out[-1].unit), voc)
        if reading.kind == "count" and reading.unit is None:
            if voc.day_before.search(text, max(0, n.start - 6), n.start) is not None:
                continue  # "vào ngày 10", "mùng 5 Tết": a day of the month, not a count
            elif _NAME_BEFORE.search(text, max(0, n.start - 40), n.start) is not None:
                continue  # "trạm biến áp Cầu Diễn 37": a number that ends a name
        whole = reading.kind == "money" or (reading.kind == "count" and reading.unit is not None)
        if whole and not n.scaled:  # the figure's text is read only for these
            written = text[n.start : n.end]
            if "," in written and _EN_GROUPED.fullmatch(written):
                value = Decimal(written.replace(",", ""))
        if (minus := _minus(text, start, minus_at_line_start)) is not None:
            value, start = -value, minus
        qual, qstart = qualifier(text, start, voc)
        end = reading.end
        minor = voc.minor.get(str(reading.unit)) if reading.kind == "money" and not reading.per else None
        if minor is not None and (cents := minor.match(text, end)) is not None:
            value += Decimal(cents.group(1)) / 100  # "2 đô la và 23 xen" = 2.23
            end = skip_until = cents.end()
        # endpos: the regex module checks a pattern's required words against the rest of the text
        if (
            text[end : end + 1].isspace()
            and first_after_spaces(text, end) in voc.at_least_firsts
            and (m := voc.at_least_after.match(text, end, end + 40)) is not None
        ):
            qual, end = "at_least", m.end()
        out.append(_quantity(text, qstart, end, reading.kind, value, reading, qual))
    return shared_units(text, out, voc.list_gap)


def _currency_prefix(text: str, start: int, voc: Vocabulary) -> regex.Match[str] | None:
    """ "$300", "USD 1,23": a currency right before the figure at `start`. The pattern allows a
    space, and its "$" a final line break, after the prefix: it is searched only where a prefix's
    last character stands before at most two spaces."""
    i = before_spaces(text, start, max(0, start - 2))
    if text[i - 1 : i] not in voc.prefix_ends:
        return None
    return voc.currency_prefix.search(text, max(0, start - 4), start)


def _bare_fraction(text: str, n: Number, nxt: Number, voc: Vocabulary) -> bool:
    """ "1/3 tổng thu", "1/10": a fraction or a date, not two counts, unless what follows the second
    figure names what it is ("1/2 triệu đồng"). Asked before anything is read after the first
    figure (a megabyte of "1/" holds half a million figures); a year before the slash is left to
    the year rule ("2019/5": the 5 may still count), and "/" separates no range."""
    if nxt.start != n.end + 1 or text[n.end] != "/" or is_year(text[n.start : n.end]):
        return False
    if text[nxt.end : nxt.end + 1] == "/" and text[nxt.end + 1 : nxt.end + 2].isdigit():
        return True  # "1/2/3": another figure, not what the second counts, follows it
    second = read_right(text, nxt, voc)
    return second is None or (second.kind == "count" and second.unit is None)


_SENTENCE_END = regex.compile(r"[.!?;\n](?!\d)")


def _after_money(text: str, n: Number, found: list[Quantity]) -> bool:
    """A figure with a scale word and nothing after it ("20 triệu") follows an amount of money in
    its sentence, close enough to share its currency."""
    if not found or found[-1].kind != "money" or n.start - found[-1].end > 150:
        return False
    return _SENTENCE_END.search(text, found[-1].end, n.start) is None


def _has_digit_word(s: str) -> bool:
    """A number in words needs a digit word or a half: "triệu" alone is a scale, not a count."""
    digits = {*rules.section("numbers", "word_digits"), "mười", *rules.section("numbers", "half_before")}
    return any(w in digits for w in s.lower().split())


def _nearer(a: Decimal, b: Decimal, to: Decimal) -> Decimal:
    """Of `a` and `b`, the one whose ratio to `to` is nearer 1."""

    def off(x: Decimal) -> Decimal:
        return max(x / to, to / x) if x > 0 and to > 0 else Decimal("Infinity")

    return b if off(b) <= off(a) else a


def _is_year(text: str, n: Number, reading: Reading | None) -> bool:
    """A bare 4-digit figure from 1900 to 2099 is a year, which the date extractor owns, unless
    money, a percentage or a counted noun follows it (`reading`: "2000 đồng", "2017 đoàn viên")."""
    return is_year(text[n.start : n.end]) and not names_what(reading)


def run(article: Article) -> Article:
    # A number that ends an organisation's name ("Công ty Truyền tải Điện 4") names, it does not count.
    # The mentions themselves, not copies of their spans: 10 MB of names holds 400,000 of them.
    names = (e for e in article.entities if e.type == "ORGANIZATION")
    blocked: list[HasSpan] = [*names, *article.scratch.blocked, *article.dates]
    article.quantities = find_quantities(article.text, blocked)
    return article


STAGE = Stage(
    "quantities",
    run,
    requires=("text", "blocked", "dates", "entities"),
    provides=("quantities",),
    doc="counts, money, percentages",
)

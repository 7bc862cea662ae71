"""Patterns asked only where a cheap look says they can match (a figure's qualifier, currency
prefix, range separator, "trở lên", "/người", scale word, "sinh hoạt" after it): at every position
of generated text, wherever the pattern matches, the look said it could. A text of amounts asks
each of them at every figure."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from pipeline.achievements.cues import cues
from pipeline.core.spans import first_after_spaces
from pipeline.extractors.numbers.reader import NEAR, _patterns, _scale_starts
from pipeline.extractors.quantities.reading import money, qualifier
from pipeline.extractors.quantities.stage import _currency_prefix
from pipeline.extractors.quantities.vocabulary import vocabulary

PARTS = [
    "1", "1.000.000", "25", " ", "  ", "\n", "\t", "\u00a0", "\x1c", "a", "ß", ".", ",",
    "gần", "Khoảng", "KHOẢNG", "hơn", "xấp xỉ", "không quá", "tối đa", "trên dưới",
    "$", "US$", "USD", "VNĐ", "€", "Rs.",
    "-", "–", "—", "~", "đến", "tới", "trở lên", "/", "/ ", "người", "suất", "m2", "sinh hoạt", "đi làm",
    "triệu", "Triệu", "k", "K", "M", "tỷ", "nghìn", "đồng",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PARTS), max_size=40))
@example(["$", " ", "\n", "5"])  # the prefix's "$" matches before a final line break, past a space
@example(["USD", "\n", "\n", "5"])
def test_every_guard_lets_through_every_match(parts: list[str]):
    text = "".join(parts)
    voc, c, scale = vocabulary(), cues(), _patterns()["scale"]
    for pos in range(len(text) + 1):
        left = text[max(0, pos - 16) : pos]
        m = voc.qualifier.search(left)
        unguarded = (
            ("exact", pos)
            if m is None
            else (voc.qualifier_kind[m.group(1).lower()], m.start(1) - len(left) + pos)
        )
        assert qualifier(text, pos, voc) == unguarded
        prefix, guarded = (
            voc.currency_prefix.search(text, max(0, pos - 4), pos),
            _currency_prefix(text, pos, voc),
        )
        assert (prefix and prefix.span()) == (guarded and guarded.span())
        after = first_after_spaces(text, pos)
        if voc.range_sep.match(text, pos):
            assert after in voc.range_firsts
        if voc.at_least_after.match(text, pos, pos + 40):
            assert text[pos : pos + 1].isspace() and after in voc.at_least_firsts
        if voc.per.match(text, pos):
            assert money(text, pos, "VND", voc).per is not None
        if scale.match(text, pos, pos + NEAR):
            assert after in _scale_starts()
        if c.per_unit_after.match(text, pos, pos + 25):
            assert after in c.per_unit_firsts

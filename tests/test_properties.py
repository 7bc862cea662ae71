"""Properties that hold for any input: a valid record or the one documented error, honest spans,
the same record twice. `make fuzz` runs the same checks on 100,000 texts (tools/fuzz.py)."""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

import pytest
import regex
from conftest import ROOT
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from pipeline import ArticleError, ArticleRecord, extract
from pipeline.core import patterns
from pipeline.core.article import TextSpan
from pipeline.core.spans import (
    _DIGIT_RUN,
    REACH,
    SpanIndex,
    filter_spans,
    first_after_spaces,
    merged,
    near,
    near_digits,
)
from pipeline.extractors.entities.gazetteer import Gazetteer, gazetteer
from pipeline.extractors.entities.people import _TWO_INITIALS, initials
from pipeline.extractors.references.stage import _TIME_ANCHOR, identifiers, times
from pipeline.extractors.references.stage import _patterns as references_patterns
from pipeline.text.sentences import split
from tools.fuzz import PIECES, check, mutate

CORPUS = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").glob("*.txt"))]
# Letters, digits and the punctuation the rules look at, so that generated text reaches them.
ALPHABET = st.sampled_from(PIECES)
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _holds(text: str) -> None:
    try:
        record = extract(text, source="<hypothesis>")
    except ArticleError:
        return
    assert isinstance(record, ArticleRecord)
    assert check(record) == []
    assert extract(text, source="<hypothesis>") == record


@FAST
@given(st.text(max_size=400))
def test_any_unicode_text(text: str):
    _holds(text)


@FAST
@given(st.lists(ALPHABET, max_size=120).map("".join))
def test_text_made_of_what_the_rules_read(text: str):
    _holds(text)


@FAST
@given(st.integers(0, len(CORPUS) - 1), st.integers(0, 2**32 - 1))
def test_mutated_corpus_articles(which: int, seed: int):
    _holds(mutate(CORPUS[which], seed))


def _filter_spans_by_scan(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The rule filter_spans implements, written the plain way: longest first, each checked
    against everything taken."""
    taken: list[tuple[int, int]] = []
    for s, e in sorted(spans, key=lambda x: (-(x[1] - x[0]), x[0])):
        if e > s and not any(s < te and ts < e for ts, te in taken):
            taken.append((s, e))
    return sorted(taken)


SPANS = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)), max_size=40)


@given(SPANS)
def test_filter_spans_equals_the_plain_scan(pairs: list[tuple[int, int]]):
    spans = [TextSpan(s, e) for s, e in pairs]
    assert [(s.start, s.end) for s in filter_spans(spans)] == _filter_spans_by_scan(pairs)


@given(st.lists(st.tuples(st.integers(-5, 60), st.integers(-5, 60)), max_size=40))
def test_merged_stretches_as_the_plain_loop_makes_them(pairs: list[tuple[int, int]]):
    plain: list[tuple[int, int]] = []  # the loop as first written, a tuple remade per stretch
    for s, e in pairs:
        if plain and s <= plain[-1][1]:
            plain[-1] = (min(plain[-1][0], s), max(plain[-1][1], e))
        else:
            plain.append((s, e))
    assert merged(pairs) == plain


# Anchors (a digit run, a time, two initials) apart by gaps around twice the reach, where stretches
# start to touch, and stray marks an anchor may or may not take in.
_NEAR_TEXT = st.lists(
    st.tuples(st.integers(0, 12), st.sampled_from(["1", "2.000 ", "3 giờ", "4:5", "A.B.", "ờ", "-", "\n"])),
    max_size=30,
).map(lambda parts: "".join("x" * gap + piece for gap, piece in parts))


@given(_NEAR_TEXT, st.sampled_from([_DIGIT_RUN, _TIME_ANCHOR, _TWO_INITIALS]), st.integers(0, 6))
def test_near_merges_as_each_match_merged_in_turn(text: str, anchor: regex.Pattern[str], reach: int):
    """`near` chains the anchor's matches in one regex search; the same stretches as each match
    widened by `reach` and merged in Python, as it first did."""
    n = len(text)
    each = merged((max(0, m.start() - reach), min(n, m.end() + reach)) for m in anchor.finditer(text))
    assert near(text, anchor, reach) == tuple(each)


@given(st.text(st.sampled_from(list(" \t\n\u00a0\u3000ab")), max_size=12), st.integers(0, 14))
def test_first_after_spaces_is_the_first_character_lstrip_leaves(text: str, pos: int):
    assert first_after_spaces(text, pos) == text[pos:].lstrip()[:1]


@given(SPANS, st.integers(0, 60), st.integers(0, 60))
def test_span_index_answers_as_the_plain_scan(pairs: list[tuple[int, int]], start: int, end: int):
    spans = [TextSpan(s, e) for s, e in pairs]
    index = SpanIndex(spans)
    assert index.overlaps(start, end) == any(start < e and s < end for s, e in pairs)
    assert index.covers(start, end) == any(s <= start and end <= e for s, e in pairs)
    assert index.holds(start) == any(s <= start < e for s, e in pairs)


@given(SPANS, st.lists(st.integers(0, 3), max_size=30))
def test_span_index_sweep_keeps_what_no_span_overlaps(pairs: list[tuple[int, int]], gaps: list[int]):
    """Items in text order (each starting where the one before ended, or after): the sweep keeps
    exactly those `overlaps` says are free."""
    index = SpanIndex([TextSpan(s, e) for s, e in pairs])
    items, at = [], 0
    for gap in gaps:
        items.append(TextSpan(at + gap, at + gap + 1 + gap % 2))
        at = items[-1].end
    assert list(index.outside(items)) == [i for i in items if not index.overlaps(i.start, i.end)]


@given(st.text(alphabet="0123456789 ./-ab\n", max_size=300))
def test_near_digits_covers_every_digit(text: str):
    windows = near_digits(text)
    assert all(a[1] < b[0] for a, b in pairwise(windows)), "sorted and apart"
    for i, ch in enumerate(text):
        if ch.isdigit():  # the digit, and REACH characters either side of it, in one window
            lo, hi = max(0, i - REACH), min(len(text), i + 1 + REACH)
            assert any(s <= lo and hi <= e for s, e in windows)


TIME_PARTS = ["1", "12", " ", "\n", "giờ", "h", "g", ":", "30", "-", " phút", "a", "."]


@given(st.lists(st.sampled_from(TIME_PARTS), max_size=30))
def test_times_read_near_their_anchor_as_over_the_whole_text(parts: list[str]):
    text = "".join(parts)
    whole = [TextSpan(m.start(), m.end()) for m in references_patterns()["time"].finditer(text)]
    assert times(text) == whole


IDENT_PARTS = ["1", "2016", "0" * 50, "/", "NĐ", "Q", "-", "CP", "đ", "&", " ", "\n", "a"]


@given(st.lists(st.sampled_from(IDENT_PARTS), max_size=30))
@example(["a", " ", "0" * 50, "/", "2016", "/", "NĐ", "-", "CP", "đ", "&", "/", "Q"])  # a long number
def test_identifiers_read_around_their_slashes_as_over_the_whole_text(parts: list[str]):
    text = "".join(parts)
    whole = [TextSpan(m.start(), m.end()) for m in references_patterns()["identifier"].finditer(text)]
    assert identifiers(text) == whole


# Text as underthesea's sentence splitter sees it: marks, numbers, abbreviations it knows ("TP.",
# "Th.S", "e.g."), and a word it does not ("Nội.").
SENTENCE_PARTS = ["a", "Đ", " ", "\t", "\n", ".", "..", "...", "?", "!", "…", "1", "5.000"]
SENTENCE_PARTS += ["TP.", "Th.S", "e.g.", "Nội."]


@pytest.fixture(scope="module")
def sent_tokenize() -> Callable[[str], list[str]]:
    """underthesea's splitter, and ours, loaded before any example is timed (the first call loads
    underthesea's abbreviations: a quarter of a second, past hypothesis's deadline)."""
    from underthesea import sent_tokenize

    assert split("Tải trước. Xong.") == sent_tokenize("Tải trước. Xong.") == ["Tải trước.", "Xong."]
    return sent_tokenize


@given(parts=st.lists(st.sampled_from(SENTENCE_PARTS), max_size=30))
def test_sentences_split_as_underthesea_does(sent_tokenize: Callable[[str], list[str]], parts: list[str]):
    text = "".join(parts)
    assert split(text) == sent_tokenize(text)


def test_sentences_split_the_corpus_as_underthesea_does(sent_tokenize: Callable[[str], list[str]]):
    dev = ROOT.parent / "shared" / "corpus" / "dev"
    paths = sorted((ROOT / "corpus").glob("*.txt")) + sorted(dev.glob("*.txt"))
    paragraphs = [p for path in paths for p in path.read_text(encoding="utf-8").split("\n")]
    assert len(paragraphs) > 50
    assert [split(p) for p in paragraphs] == [sent_tokenize(p) for p in paragraphs]


@pytest.fixture(scope="module")
def g() -> Gazetteer:
    """The gazetteer, built before any example is timed (building it is past hypothesis's deadline)."""
    return gazetteer()


INITIALS_PARTS = ["ông ", "Đồng chí ", "T.", "V.", "Đ.", "a", " ", ".", "N.M.", "\n"]


@given(parts=st.lists(st.sampled_from(INITIALS_PARTS), max_size=40))
def test_initials_read_near_two_in_a_row_as_over_the_whole_text(g: Gazetteer, parts: list[str]):
    text = "".join(parts)
    whole = [m.span("after" if m.group("after") else "alone") for m in g.patterns["initials"].finditer(text)]
    assert [(f.start, f.end) for f in initials(text, g)] == whole


WORDS = st.lists(st.text(alphabet="abcăđ .", min_size=1, max_size=6), min_size=1, max_size=12)


@given(WORDS, st.text(alphabet="abcăđ .", max_size=12))
def test_alternation_trie_matches_like_the_longest_first_list(words: list[str], text: str):
    """The trie that patterns.alternation builds finds what the plain longest-first list finds."""
    plain = regex.compile("|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True)))
    trie = regex.compile(patterns.alternation(words))
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)]
    for w in words:
        assert trie.fullmatch(w)

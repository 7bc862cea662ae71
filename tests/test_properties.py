"""Properties that hold for any input: a valid record or the one documented error, honest spans,
the same record twice. `make fuzz` runs the same checks on 100,000 texts (tools/fuzz.py)."""

from __future__ import annotations

from conftest import ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline import ArticleError, ArticleRecord, extract
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

"""Each extractor's corpus of examples, positive, negative and known gaps, in one parametrised test."""

from __future__ import annotations

import pytest
from conftest import load_corpus

from pipeline import extract


def _cases(name: str):
    corpus = load_corpus(name)
    for ex in corpus["positive"]:
        yield pytest.param(ex["text"], ex["expect"], ex.get("published"), id=f"+ {ex['text']}")
    for text in corpus["negative"]:
        yield pytest.param(text, [], None, id=f"- {text}")
    for ex in corpus.get("xfail", []):
        yield pytest.param(
            ex["text"],
            ex["expect"],
            ex.get("published"),
            id=f"? {ex['text']}",
            marks=pytest.mark.xfail(strict=True, reason=ex["why"]),
        )


@pytest.mark.parametrize(("text", "expect", "published"), list(_cases("quantities")))
def test_quantities(text, expect, published):
    record = extract(text, published=published)
    assert [[q.kind, q.value] for q in record.quantities] == expect


@pytest.mark.parametrize(("text", "expect", "published"), list(_cases("dates")))
def test_dates(text, expect, published):
    record = extract(text, published=published)
    assert [d.value for d in record.dates] == expect

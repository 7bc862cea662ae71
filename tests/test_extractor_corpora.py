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
    for ex in corpus.get("xfail") or []:
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


@pytest.mark.parametrize(("text", "expect", "published"), list(_cases("entities")))
def test_entities(text, expect, published):
    record = extract(text, published=published)
    assert [[e.type, e.text, e.canonical] for e in record.entities] == expect


@pytest.mark.parametrize(("text", "expect", "published"), list(_cases("ordinals")))
def test_ordinals(text, expect, published):
    record = extract(text, published=published)
    assert [[o.text, o.value] for o in record.ordinals] == expect
    assert not record.quantities or expect == [], "an ordinal is never also a count"


@pytest.mark.parametrize(("text", "expect", "published"), list(_cases("abbreviations")))
def test_abbreviations(text, expect, published):
    assert extract(text, published=published).abbreviations == (expect or {})

"""Every extractor's corpus of examples (`pipeline/**/corpus*.yaml`), in one parametrised test.

Each example runs only the stage its corpus names and the stages that stage requires. Adding a
corpus is adding a file beside its extractor; this runner never changes.
"""

from __future__ import annotations

import pytest
from conftest import ROOT

from pipeline.core import examples
from pipeline.stages import STAGES

PACKAGE = ROOT / "pipeline"


def _params():
    for path in examples.corpora(PACKAGE):
        for ex in examples.examples(path, PACKAGE):
            sign = {"positive": "+", "negative": "-", "xfail": "?"}[ex.kind]
            marks = [pytest.mark.xfail(strict=True, reason=ex.why)] if ex.kind == "xfail" else []
            yield pytest.param(ex, id=f"{ex.corpus} {sign} {ex.text[:60]}", marks=marks)


@pytest.mark.parametrize("example", list(_params()))
def test_example(example: examples.Example):
    examples.check(example, STAGES)


def test_every_stage_with_rules_has_a_corpus():
    tested = {ex.stage for path in examples.corpora(PACKAGE) for ex in examples.examples(path, PACKAGE)}
    assert {s.name for s in STAGES} - tested == {
        "tokenize"
    }  # tokenize is underthesea's, tested in test_stages

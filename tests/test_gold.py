"""The project's own corpus against its gold (corpus/gold), scored by tools/score.py."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import ROOT

from pipeline.batch.run import run_batch


def test_own_corpus_meets_the_bar(tmp_path):
    summary = run_batch([ROOT / "corpus"], tmp_path)
    assert summary.errors == 0
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "tools" / "score.py"),
            str(ROOT / "corpus" / "gold"),
            str(tmp_path),
            "--json",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    scores = json.loads(result.stdout)
    seed = scores["articles"]["thanhhoa-2022.txt"]
    assert seed["achievements"]["f1"] >= 0.9
    assert all(
        v is None or v >= 0.9 for k, v in seed["achievements"]["attributes"].items() if k != "evidence"
    )
    assert seed["quantities"]["f1"] >= 0.9
    assert seed["dates"]["f1"] >= 0.9
    assert seed["entities"]["f1"] >= 0.6
    assert seed["title_ok"] and seed["organization_ok"] and seed["furniture_removed"]
    summary_scores = scores["summary"]
    assert summary_scores["achievements"]["f1"] >= 0.85
    assert summary_scores["quantities"]["f1"] >= 0.9
    for name, res in scores["articles"].items():
        assert res["offset_errors"] == 0, name

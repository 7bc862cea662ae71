"""The Dask executor writes the same bytes as the local pool (a two-worker LocalCluster)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import ROOT

from pipeline.batch.run import run_batch

pytest.importorskip("distributed", reason="the [dask] extra is not installed")
SHARED_DEV = ROOT.parent / "shared" / "corpus" / "dev"


def test_dask_on_a_local_cluster_writes_the_same_bytes_as_the_pool(tmp_path: Path):
    src = tmp_path / "in"
    src.mkdir()
    for path in sorted((ROOT / "corpus").glob("*.txt")):
        shutil.copy(path, src / path.name)
    if SHARED_DEV.is_dir():  # more articles when the shared corpus is beside the project
        for path in sorted(SHARED_DEV.glob("*.txt"))[:12]:
            shutil.copy(path, src / path.name)
    pool = run_batch([src], tmp_path / "pool", workers=2)
    dask = run_batch([src], tmp_path / "dask", workers=2, executor="dask")
    assert dask.articles == pool.articles > 0
    assert (tmp_path / "dask" / "records.jsonl").read_bytes() == (
        tmp_path / "pool" / "records.jsonl"
    ).read_bytes()
    assert (tmp_path / "dask" / "facts.jsonl").read_bytes() == (
        tmp_path / "pool" / "facts.jsonl"
    ).read_bytes()

"""Batch at scale: parallel and deterministic, incremental, and resumable after kill -9."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT

from pipeline.batch import manifest
from pipeline.batch.run import run_batch

CORPUS = sorted((ROOT / "corpus").glob("*.txt"))


def make_inputs(folder: Path, copies: int) -> Path:
    """`copies` variants of each corpus article (a numbered line makes each one distinct)."""
    folder.mkdir(parents=True, exist_ok=True)
    for k in range(copies):
        for path in CORPUS:
            text = path.read_text(encoding="utf-8")
            title, rest = text.split("\n", 1)
            (folder / f"{path.stem}-{k:03d}.txt").write_text(f"{title}\nBản {k}.\n{rest}", encoding="utf-8")
    return folder


def test_output_is_byte_identical_whatever_the_number_of_workers(tmp_path: Path):
    src = make_inputs(tmp_path / "in", 2)
    run_batch([src], tmp_path / "one", workers=1)
    run_batch([src], tmp_path / "two", workers=2)
    one = (tmp_path / "one" / "records.jsonl").read_bytes()
    assert one == (tmp_path / "two" / "records.jsonl").read_bytes()
    assert one.count(b"\n") == 2 * len(CORPUS)


def test_rerun_skips_unchanged_inputs_and_redoes_changed_ones(tmp_path: Path):
    src = make_inputs(tmp_path / "in", 1)
    out = tmp_path / "out"
    first = run_batch([src], out)
    before = (out / "records.jsonl").read_bytes()

    redone: list[str] = []
    again = run_batch([src], out, on_result=lambda job, result: result and redone.append(job.name))
    assert (again.unchanged, redone) == (len(CORPUS), [])
    assert (out / "records.jsonl").read_bytes() == before
    assert (again.articles, again.achievements) == (first.articles, first.achievements)

    changed = sorted(src.glob("*.txt"))[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nThêm 5 đoàn viên mới.\n", encoding="utf-8")
    third = run_batch([src], out, on_result=lambda job, result: result and redone.append(job.name))
    assert redone == [changed.stem] and third.unchanged == len(CORPUS) - 1

    redone.clear()
    run_batch([src], out, force=True, on_result=lambda job, result: result and redone.append(job.name))
    assert len(redone) == len(CORPUS)


def test_a_new_pipeline_version_redoes_everything(tmp_path: Path, monkeypatch):
    src = make_inputs(tmp_path / "in", 1)
    out = tmp_path / "out"
    run_batch([src], out)
    from pipeline.core import version

    monkeypatch.setattr(version, "pipeline_version", lambda: "changed-rules")
    assert run_batch([src], out).unchanged == 0


def test_changing_a_rule_file_changes_the_version(tmp_path: Path):
    from pipeline.core import rules

    copies = {}
    for name, (entry, _) in rules.files().items():
        copies[name] = tmp_path / f"{name}.yaml"
        copies[name].write_bytes(entry.read_bytes())
    assert rules.version_of(copies) == rules.version()
    units = copies["units"]
    units.write_text(
        units.read_text(encoding="utf-8") + "\n# a new comment is a new version\n", encoding="utf-8"
    )
    assert rules.version_of(copies) != rules.version()


def test_a_torn_manifest_line_is_ignored(tmp_path: Path):
    src = make_inputs(tmp_path / "in", 1)
    out = tmp_path / "out"
    run_batch([src], out)
    with (out / manifest.NAME).open("a", encoding="utf-8") as f:
        f.write('{"input": "half a li')
    again = run_batch([src], out)
    assert again.unchanged == len(CORPUS)


def test_a_truncated_or_corrupted_output_is_redone_not_copied(tmp_path: Path):
    """A rerun trusted that an output existed: a truncated one was left out of records.jsonl while
    the summary counted it, a corrupted one was copied in as invalid JSON with exit 0."""
    src = make_inputs(tmp_path / "in", 1)
    out = tmp_path / "out"
    run_batch([src], out)
    before = (out / "records.jsonl").read_bytes()
    first, second = sorted(out.glob("*.json"))[:2]
    first.write_bytes(first.read_bytes()[:100])  # truncated
    data = bytearray(second.read_bytes())
    data[50:60] = b"\x00" * 10  # corrupted, same length
    second.write_bytes(bytes(data))
    redone: list[str] = []
    again = run_batch([src], out, on_result=lambda job, result: result and redone.append(job.name))
    assert sorted(redone) == sorted([first.stem, second.stem])
    assert again.unchanged == len(CORPUS) - 2
    assert (out / "records.jsonl").read_bytes() == before


@pytest.mark.skipif(sys.platform == "win32", reason="kill -9 is POSIX")
def test_killed_batch_completes_on_rerun_with_a_clean_runs_output(tmp_path: Path):
    src = make_inputs(tmp_path / "in", 6)
    clean, killed = tmp_path / "clean", tmp_path / "killed"
    run_batch([src], clean)
    command = [
        sys.executable,
        "-m",
        "pipeline",
        "run",
        str(src),
        "--out",
        str(killed),
        "--workers",
        "1",
        "-q",
    ]
    proc = subprocess.Popen(command, cwd=ROOT, start_new_session=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and len(list(killed.glob("*.json"))) < 5:
        time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    done = len(list(killed.glob("*.json")))
    assert 5 <= done < 6 * len(CORPUS), "the kill must land part-way through"
    assert not (killed / "records.jsonl").exists()

    subprocess.run(command, cwd=ROOT, check=True)
    assert (killed / "records.jsonl").read_bytes() == (clean / "records.jsonl").read_bytes()
    assert not [p for p in killed.rglob("*") if p.name.endswith(".tmp")]
    shutil.rmtree(killed)


def _dies_on_three(n: int) -> int:
    if n == 3:
        os.kill(os.getpid(), signal.SIGKILL)  # as the kernel's OOM killer would
    return n * 10


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_a_worker_that_dies_is_named_and_the_rest_goes_on():
    """A worker killed by the kernel aborted the batch with BrokenProcessPool, culprit unnamed."""
    from pipeline.batch.executor import Executor

    with Executor(2) as pool:
        results = list(pool.map(_dies_on_three, range(8), window=4, lost=lambda n: -n))
    assert results == [0, 10, 20, -3, 40, 50, 60, 70]


def test_a_lost_stretch_of_a_dump_is_named_by_its_lines(tmp_path: Path):
    """A dead worker's error named the whole dump, though only its stretch of lines was lost."""
    from pipeline.batch.job import Job
    from pipeline.batch.run import _worker_died

    job = Job(path=tmp_path / "dump.jsonl", name="dump", lines=(501, 1001))
    [error] = _worker_died(job).errors
    assert error["file"] == job.key
    assert error["file"].endswith("dump.jsonl:501-1000")


def test_a_json_lines_dump_is_worked_in_stretches_with_the_same_bytes(tmp_path: Path, monkeypatch):
    """A JSON Lines file kept all its records in memory until it ended (40,000 lines: 778 MB):
    now each stretch of lines is a job of its own, and the output is what one job wrote."""
    import json as _json

    from pipeline.batch import discover

    src = tmp_path / "in"
    src.mkdir()
    texts = [p.read_text(encoding="utf-8") for p in CORPUS]
    lines = [_json.dumps({"id": f"a{k}", "text": texts[k % len(texts)] + f"\nBản {k}."}) for k in range(7)]
    lines.insert(3, "{not json")
    (src / "dump.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    whole = run_batch([src], tmp_path / "whole")
    monkeypatch.setattr(discover, "JSONL_STRETCH", 3)
    held: list[int] = []
    cut = run_batch(
        [src], tmp_path / "cut", on_result=lambda job, result: result and held.append(len(result.outputs))
    )
    assert len(held) == 3 and max(held) <= 3
    for name in ("records.jsonl", "errors.jsonl"):
        assert (tmp_path / "cut" / name).read_bytes() == (tmp_path / "whole" / name).read_bytes()
    assert (cut.articles, cut.errors) == (whole.articles, whole.errors) == (7, 1)
    again = run_batch([src], tmp_path / "cut")
    assert again.unchanged == 3
    errors = (tmp_path / "cut" / "errors.jsonl").read_text(encoding="utf-8")
    assert "dump.jsonl:4" in errors


def test_a_json_lines_dump_is_read_once_before_work_begins(tmp_path: Path, monkeypatch):
    """Discovery read a dump to cut it into stretches, then the batch read it again to hash it:
    the hash now comes from the same pass, and is the file's."""
    import hashlib
    import json as _json

    from pipeline.batch import discover, manifest
    from pipeline.batch import run as batch_run

    src = tmp_path / "in"
    src.mkdir()
    dump = src / "dump.jsonl"
    dump.write_text("".join(_json.dumps({"id": f"a{k}", "text": f"Tin {k}."}) + "\n" for k in range(7)))
    monkeypatch.setattr(discover, "JSONL_STRETCH", 3)
    hashed: list[Path] = []
    read_whole = batch_run._hash
    monkeypatch.setattr(batch_run, "_hash", lambda path: hashed.append(path) or read_whole(path))
    run_batch([src, tmp_path / "in" / "dump.jsonl"], tmp_path / "out")
    assert hashed == []
    entries = manifest.load(tmp_path / "out")
    assert len(entries) == 3
    assert {e.sha256 for e in entries.values()} == {hashlib.sha256(dump.read_bytes()).hexdigest()}


def test_the_scaling_table_keeps_the_fastest_of_its_fresh_processes(monkeypatch):
    """One measure a size was at the mercy of a slow minute: the table keeps the fastest of its
    runs (time that is not the pipeline's only adds), and the largest peak memory."""
    from tools import scaling

    runs = iter([3.0, 2.0, 2.5, 4.0])

    def measure(shape: str, size: int, tokenizer: bool = False, again: bool = False) -> dict:
        rate = next(runs)
        row = {"shape": shape, "mb": size / 1e6, "s_per_mb": rate, "peak_mb": 100 * rate, "achievements": 1}
        row |= {"again_s_per_mb": rate + 0.5} if again else {}
        return row | ({"word_tokenize_s_per_mb": 10 - rate} if tokenizer else {})

    monkeypatch.setattr(scaling, "measure", measure)
    small, big = scaling.table((1_000_000, 10_000_000), ("real",), repeats=2)
    assert (small["s_per_mb"], small["peak_mb"], small["runs"]) == (2.0, 300.0, [3.0, 2.0])
    assert small["word_tokenize_s_per_mb"] == 7.0  # the tokenizer's best run of the two
    assert small["again_s_per_mb"] == 2.5  # so is the second extract in one process, at 1 MB only
    assert (big["s_per_mb"], big["peak_mb"], "word_tokenize_s_per_mb" in big) == (2.5, 400.0, False)
    assert "again_s_per_mb" not in big

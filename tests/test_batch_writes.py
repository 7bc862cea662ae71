"""How a batch writes into --out: a lock, files others can read, only its own temporaries
removed, the folder mirroring this run, and a clean stop on SIGTERM (issue 16's findings)."""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT

from pipeline.batch.files import BatchLocked, locked
from pipeline.batch.run import run_batch

GOOD = "LĐLĐ tỉnh Nghệ An\nLĐLĐ tỉnh Nghệ An đã trao 200 suất quà cho đoàn viên.\n"


def _inputs(folder: Path, n: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"a{i:03d}.txt").write_text(GOOD.replace("200", str(200 + i)), encoding="utf-8")
    return folder


def test_a_second_run_into_the_same_folder_fails_at_once_naming_the_first(tmp_path: Path):
    src = _inputs(tmp_path / "in", 2)
    out = tmp_path / "out"
    with locked(out), pytest.raises(BatchLocked, match="another run is writing"):
        run_batch([src], out)


def test_files_are_readable_by_others_and_a_users_temporary_file_stays(tmp_path: Path):
    src = _inputs(tmp_path / "in", 2)
    out = tmp_path / "out"
    out.mkdir()
    (out / ".thesis.tmp").write_text("mine", encoding="utf-8")
    (out / ".a000.json.x1y2.tmp").write_text("left by a killed run", encoding="utf-8")
    old = os.umask(0o022)
    try:
        run_batch([src], out)
    finally:
        os.umask(old)
    assert (out / ".thesis.tmp").read_text(encoding="utf-8") == "mine"
    assert not (out / ".a000.json.x1y2.tmp").exists()
    for name in ("a000.json", "records.jsonl", "errors.jsonl", "facts.jsonl"):
        assert stat.S_IMODE((out / name).stat().st_mode) == 0o644, name


def test_the_folder_mirrors_this_run(tmp_path: Path):
    out = tmp_path / "out"
    run_batch([_inputs(tmp_path / "A", 2)], out)
    run_batch([_inputs(tmp_path / "B", 1)], out)
    names = sorted(p.name for p in out.glob("*.json"))
    assert names == ["a000.json"]  # B's one article; A's files are gone
    records = [json.loads(line) for line in (out / "records.jsonl").open(encoding="utf-8")]
    assert [Path(r["source"]["path"]).parent.name for r in records] == ["B"]


def test_sigterm_stops_the_run_and_its_workers_within_seconds(tmp_path: Path):
    src = tmp_path / "in"
    src.mkdir()
    seed = (ROOT / "corpus" / "thanhhoa-2022.txt").read_text(encoding="utf-8")
    for i in range(600):  # about ten seconds of work: long enough to be stopped in the middle
        (src / f"a{i:03d}.txt").write_text(f"{seed}\nBài số {i}.", encoding="utf-8")
    out = tmp_path / "out"
    command = [sys.executable, "-m", "pipeline", "run", str(src), "--out", str(out), "--workers", "2", "-q"]
    proc = subprocess.Popen(command, cwd=ROOT, stderr=subprocess.PIPE, text=True, start_new_session=True)
    time.sleep(3)
    proc.send_signal(signal.SIGTERM)
    try:
        _, stderr = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode == 143, stderr
    assert "interrupted:" in stderr and "run again to finish" in stderr
    time.sleep(1)
    left = subprocess.run(["pgrep", "-g", str(proc.pid)], capture_output=True, text=True).stdout.split()
    assert left == []


def test_a_json_line_the_reader_refuses_is_one_error_and_later_lines_go_on(tmp_path: Path):
    src = tmp_path / "in.jsonl"
    lines = [
        json.dumps({"id": "a", "text": GOOD}, ensure_ascii=False),
        '{"id": "b", "n": ' + "9" * 5000 + "}",
        "[" * 100000 + "]" * 100000,
        json.dumps({"id": "c", "text": GOOD}, ensure_ascii=False),
    ]
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    summary = run_batch([src], tmp_path / "out")
    assert summary.articles == 2 and summary.errors == 2


def test_output_names_never_collide_nor_break_the_file_system(tmp_path: Path):
    src = tmp_path / "x"
    (src / "x").mkdir(parents=True)
    (src / "x" / "a.txt").write_text(GOOD, encoding="utf-8")
    (src / "x.jsonl").write_text(
        json.dumps({"id": "a", "text": GOOD}, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    # 164 bytes in UTF-8: a legal file name, but with a suffix it would pass the cut
    long_name = ("Báo cáo tổng kết hoạt động công đoàn " * 4)[:120]
    assert 150 < len(long_name.encode("utf-8")) < 240
    (src / f"{long_name}.txt").write_text(GOOD, encoding="utf-8")
    (src / os.fsdecode(b"bad-\xff-name.txt")).write_text(GOOD, encoding="utf-8")
    (src / "lone.jsonl").write_text(
        '{"id": "\\ud800", "text": "' + GOOD.replace("\n", "\\n") + '"}\n', encoding="utf-8"
    )
    summary = run_batch([src], tmp_path / "out")
    assert summary.articles == 5 and summary.errors == 0
    names = [p.name for p in (tmp_path / "out").rglob("*.json")]
    assert len(names) == len(set(p for p in (tmp_path / "out").rglob("*.json"))) == 5
    assert all(len(n.encode("utf-8")) <= 200 for n in names)


def test_a_folder_that_cannot_be_listed_is_named_and_the_rest_goes_on(tmp_path: Path, monkeypatch):
    src = _inputs(tmp_path / "in", 2)
    (src / "locked").mkdir()
    (src / "locked" / "hidden.txt").write_text(GOOD, encoding="utf-8")
    real = os.scandir

    def scandir(path="."):  # root reads every folder, so the refusal is simulated
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    summary = run_batch([src], tmp_path / "out")
    assert summary.articles == 2 and summary.errors == 1
    errors = [json.loads(line) for line in (tmp_path / "out" / "errors.jsonl").read_text().splitlines()]
    assert errors == [{"file": str(src / "locked"), "reason": "cannot read this folder: Permission denied"}]


def test_the_batch_never_writes_through_a_link_inside_its_output_folder(tmp_path: Path):
    """A subfolder of --out that is a link was followed, writing outside --out; a linked
    .manifest.jsonl was appended to at its target."""
    from typer.testing import CliRunner

    from pipeline.cli import app

    src, out, elsewhere = tmp_path / "in", tmp_path / "out", tmp_path / "elsewhere"
    for folder in (src, out, elsewhere):
        folder.mkdir()
    lines = [{"id": "x", "text": "LĐLĐ tỉnh A kết nạp 30 đoàn viên."}]
    (src / "d.jsonl").write_text(
        "\n".join(json.dumps(x, ensure_ascii=False) for x in lines), encoding="utf-8"
    )
    (src / "a.txt").write_text("LĐLĐ tỉnh B kết nạp 40 đoàn viên.", encoding="utf-8")
    (out / "d").symlink_to(elsewhere, target_is_directory=True)
    summary = run_batch([src], out)
    assert (summary.articles, summary.errors) == (1, 1) and list(elsewhere.iterdir()) == []
    error = json.loads((out / "errors.jsonl").read_text(encoding="utf-8"))
    assert error["file"].endswith("d.jsonl") and "is a link" in error["reason"]

    target = elsewhere / "m"
    target.write_text("", encoding="utf-8")
    other = tmp_path / "out2"
    other.mkdir()
    (other / ".manifest.jsonl").symlink_to(target)
    result = CliRunner().invoke(app, ["run", str(src / "a.txt"), "--out", str(other)])
    assert result.exit_code == 2 and "is a link" in result.output
    assert target.read_text(encoding="utf-8") == ""

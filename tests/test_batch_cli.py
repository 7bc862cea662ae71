"""Batch and command line: bad input is named and explained, the rest of the batch goes on."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT
from typer.testing import CliRunner

from pipeline import ArticleError, extract_file, extract_paths
from pipeline.cli import app

GOOD = "LĐLĐ tỉnh Nghệ An trao quà\nLĐLĐ tỉnh Nghệ An đã trao 200 suất quà cho đoàn viên.\n"


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    (src / "good.txt").write_text(GOOD, encoding="utf-8")
    (src / "sub" / "bom.txt").write_bytes(b"\xef\xbb\xbf" + GOOD.encode())
    (src / "empty.txt").write_bytes(b"")
    (src / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (src / "legacy.txt").write_bytes(
        "Liªn ®oµn Lao ®éng tØnh ®· ph¸t triÓn ®oµn viªn míi. ".encode("cp1252") * 3
    )
    (src / "nothing_here").mkdir()
    return src


def test_each_bad_input_gets_a_reason(mixed: Path):
    reasons = {}
    for name in ("empty.txt", "binary.txt", "legacy.txt"):
        with pytest.raises(ArticleError) as exc:
            extract_file(mixed / name)
        assert exc.value.file.endswith(name)
        reasons[name] = exc.value.reason
    assert "empty" in reasons["empty.txt"]
    assert "binary" in reasons["binary.txt"]
    assert "TCVN3" in reasons["legacy.txt"]


def test_extract_paths_never_raises_for_one_bad_file(mixed: Path):
    results = list(extract_paths([mixed / "empty.txt", mixed / "good.txt", mixed / "missing.txt"]))
    kinds = [type(r).__name__ for r in results]
    assert kinds == ["ErrorResult", "ArticleRecord", "ErrorResult"]


def test_cli_run_writes_records_errors_and_exit_code(mixed: Path, tmp_path: Path):
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["run", str(mixed), str(mixed / "nothing_here"), "--out", str(out)])
    assert result.exit_code == 1
    assert "2 articles" in result.stdout and "4 errors" in result.stdout
    assert json.loads((out / "good.json").read_text(encoding="utf-8"))["achievements"][0]["value"] == 200
    assert (out / "sub" / "bom.json").exists()
    lines = (out / "records.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2
    errors = [json.loads(x) for x in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    by_file = {Path(e["file"]).name: e["reason"] for e in errors}
    assert set(by_file) == {"empty.txt", "binary.txt", "legacy.txt", "nothing_here"}
    assert "holds no articles" in by_file["nothing_here"]
    assert not list(out.rglob("*.tmp")), "no temporary file may be left behind"


def test_cli_exit_zero_when_all_succeed(tmp_path: Path):
    src = tmp_path / "ok"
    src.mkdir()
    (src / "a.txt").write_text(GOOD, encoding="utf-8")
    result = CliRunner().invoke(app, ["run", str(src), "--out", str(tmp_path / "o")])
    assert result.exit_code == 0, result.output


def test_cli_usage_error_exits_2():
    result = CliRunner().invoke(app, ["run", "--no-such-option"])
    assert result.exit_code == 2


def test_inspect_and_schema(tmp_path: Path):
    src = tmp_path / "ok"
    src.mkdir()
    shutil.copy(ROOT / "corpus" / "thanhhoa-2022.txt", src)
    out = tmp_path / "o"
    assert CliRunner().invoke(app, ["run", str(src), "--out", str(out)]).exit_code == 0
    shown = CliRunner().invoke(app, ["inspect", str(out / "thanhhoa-2022.json")], env={"COLUMNS": "200"})
    assert shown.exit_code == 0
    assert "membership_growth" in shown.stdout and "107.3%" in shown.stdout and "2022-11-25" in shown.stdout
    schema = CliRunner().invoke(app, ["schema"])
    assert json.loads(schema.stdout)["title"] == "ArticleRecord"


def test_python_dash_m_is_the_same_cli():
    result = subprocess.run([sys.executable, "-m", "pipeline", "--help"], capture_output=True, text=True)
    assert result.returncode == 0 and "run" in result.stdout


def test_explain_shows_rules_and_resolves_against_published():
    text = "Tết Nguyên đán năm nay, nửa triệu đồng"
    shown = CliRunner().invoke(app, ["explain", "--published", "2017-01-10", text], env={"COLUMNS": "200"})
    assert shown.exit_code == 0, shown.output
    assert "named_day" in shown.stdout and "2017-01-28" in shown.stdout  # Tết Đinh Dậu
    assert "relative" in shown.stdout and "500000" in shown.stdout
    unresolved = CliRunner().invoke(app, ["explain", text], env={"COLUMNS": "200"})
    assert "named_day" not in unresolved.stdout, "without a publication date a named day has no value"
    bad = CliRunner().invoke(app, ["explain", "--published", "2017-13-01", text])
    assert bad.exit_code == 2 and "YYYY-MM-DD" in bad.output


def test_the_summary_line_counts_in_words_that_agree(tmp_path):
    from pipeline.batch.run import Summary

    one = Summary(articles=1, achievements=1, errors=1, seconds=0.5)
    assert one.line(tmp_path).startswith("1 article, 1 achievement, 1 error in 0.5 s")
    many = Summary(articles=4, achievements=0, errors=2, seconds=1.0)
    assert many.line(tmp_path).startswith("4 articles, 0 achievements, 2 errors in 1.0 s")
    kept = Summary(articles=6, achievements=5, errors=1, seconds=0.5, unchanged=7)
    assert kept.line(tmp_path).startswith("6 articles (7 inputs unchanged), 5 achievements, 1 error")


MAKE_READY = Path(__file__).resolve().parents[1] / ".venv" / ".installed"


@pytest.mark.skipif(
    not MAKE_READY.exists() or shutil.which("make") is None, reason="needs `make run`'s environment"
)
def test_make_run_takes_a_folder_whose_name_has_spaces(tmp_path):
    """`make run IN="~/Bài báo 2022"` split the name at its spaces; several paths still work."""
    folder = tmp_path / "Bài báo 2022"
    folder.mkdir()
    (folder / "a.txt").write_text("LĐLĐ tỉnh A kết nạp 30 đoàn viên.\n", encoding="utf-8")
    other = tmp_path / "other"
    other.mkdir()
    (other / "b.txt").write_text("LĐLĐ tỉnh B kết nạp 40 đoàn viên.\n", encoding="utf-8")
    (other / "c.txt").write_text("LĐLĐ tỉnh C kết nạp 50 đoàn viên.\n", encoding="utf-8")
    root = MAKE_READY.parents[1]
    for inputs, expected in ((str(folder), 1), (f"{other / 'b.txt'} {other / 'c.txt'}", 2)):
        out = tmp_path / f"out {expected}"
        done = subprocess.run(
            ["make", "--no-print-directory", "run", f"IN={inputs}", f"OUT={out}"],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
        assert done.stdout.startswith(f"{expected} article"), done.stdout
        assert len((out / "records.jsonl").read_text(encoding="utf-8").splitlines()) == expected


@pytest.mark.skipif(sys.platform == "win32", reason="FIFOs are POSIX")
def test_every_error_is_one_line_on_stderr_including_what_is_refused_unread(tmp_path):
    """Errors found before any work (a FIFO, a link out of the folder) reached errors.jsonl but
    not the screen, and a long reason was wrapped over two lines."""
    import os

    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text("LĐLĐ tỉnh A kết nạp 30 đoàn viên.\n", encoding="utf-8")
    os.mkfifo(src / "pipe.txt")
    (src / (("tên rất dài " * 8).strip().replace(" ", "_") + ".txt")).write_bytes(b"\x00\x01" * 10)
    result = CliRunner().invoke(app, ["run", str(src), "--out", str(tmp_path / "o")])
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if line.startswith("error ")]
    assert len(lines) == 2, result.output
    assert any("pipe.txt" in line and "named pipe" in line for line in lines)
    assert sum(1 for line in result.output.splitlines() if line.strip()) == 3  # two errors, one summary

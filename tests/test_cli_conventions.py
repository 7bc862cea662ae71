"""The command line people expect: --version, -h, -v, honest defaults."""

from __future__ import annotations

from typer.testing import CliRunner

from pipeline import __version__
from pipeline.cli import app, usable_cpus


def test_version_and_short_help():
    runner = CliRunner()
    for flag in ("--version", "-V"):
        result = runner.invoke(app, [flag])
        assert result.exit_code == 0 and f"union-extract {__version__}" in result.output
    result = runner.invoke(app, ["run", "-h"])
    assert result.exit_code == 0 and "--workers" in result.output and "--published" in result.output


def test_workers_default_to_the_cpus_this_process_may_use():
    import os

    expected = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    assert usable_cpus() == expected


def test_verbose_is_accepted_before_a_command(tmp_path):
    (tmp_path / "a.txt").write_text("LĐLĐ tỉnh A\nLĐLĐ tỉnh A kết nạp 30 đoàn viên.\n", encoding="utf-8")
    result = CliRunner().invoke(
        app, ["-v", "run", str(tmp_path / "a.txt"), "--out", str(tmp_path / "o"), "-q"]
    )
    assert result.exit_code == 0, result.output

"""The command line people expect: --version, -h, -v, honest defaults."""

from __future__ import annotations

import sys
import tempfile

import pytest
from typer.testing import CliRunner

import pipeline.cli as cli
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


def test_a_bug_is_one_line_and_exit_3_with_the_traceback_in_a_file(tmp_path, monkeypatch, capsys):
    def broken(*args, **kwargs):
        raise ZeroDivisionError("a bug of ours")

    monkeypatch.setattr(cli, "run_batch", broken)
    (tmp_path / "a.txt").write_text("LĐLĐ tỉnh A kết nạp 30 đoàn viên.\n", encoding="utf-8")
    argv = ["union-extract", "run", str(tmp_path / "a.txt"), "--out", str(tmp_path / "o")]
    monkeypatch.setattr(sys, "argv", argv)
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.setattr(tempfile, "tempdir", None)  # read TMPDIR again
    with pytest.raises(SystemExit) as stop:
        cli.main()
    assert stop.value.code == 3
    err = capsys.readouterr().err
    assert "internal error: ZeroDivisionError: a bug of ours" in err and "Traceback" not in err
    saved = list(tmp_path.glob("union-extract-*.traceback.txt"))
    assert len(saved) == 1 and "ZeroDivisionError" in saved[0].read_text(encoding="utf-8")
    assert str(saved[0]) in err


@pytest.mark.parametrize(
    "command", ["", "run", "inspect", "table", "summary", "report", "schema", "parse", "explain"]
)
def test_help_shows_metavars_not_python_types(command):
    """Typer's `<bool>`, `<list[Path]>` and `{PATH...}...` placeholders, and `[dask]` eaten as
    rich markup, are what the help looked like before; each command's help names what to type."""
    argv = [command, "--help"] if command else ["--help"]
    result = CliRunner().invoke(app, argv, terminal_width=200)
    assert result.exit_code == 0, result.output
    for placeholder in ("<bool>", "<str>", "<path>", "<list[", "<int", "<float", "{"):
        assert placeholder not in result.output, (command, placeholder)
    if command == "run":
        assert "run [OPTIONS] PATH..." in result.output
        assert "[dask] extra" in result.output and "Examples:" in result.output
        assert "DIR" in result.output and "DATE" in result.output


def test_quiet_silences_the_status_line_of_the_commands_that_write(tmp_path):
    (tmp_path / "a.txt").write_text("LĐLĐ tỉnh A\nLĐLĐ tỉnh A kết nạp 30 đoàn viên.\n", encoding="utf-8")
    out = tmp_path / "o"
    runner = CliRunner()
    assert runner.invoke(app, ["run", str(tmp_path / "a.txt"), "--out", str(out), "-q"]).exit_code == 0
    commands = [
        ["table", str(out), "--to", str(tmp_path / "t.csv")],
        ["summary", str(out), "--to", str(tmp_path / "s.csv")],
        ["report", str(out), "--html", str(tmp_path / "r")],
    ]
    for argv in commands:
        loud = runner.invoke(app, argv)
        quiet = runner.invoke(app, [*argv, "-q"])
        assert loud.exit_code == quiet.exit_code == 0, (argv, quiet.output)
        assert " -> " in loud.output and " -> " not in quiet.output, argv


def test_packaging_follows_pep_639_with_one_version_source():
    """`license = {text = "MIT"}` is refused by setuptools from February 2027; the version was
    written twice; `wheel` was a needless build requirement."""
    tomllib = pytest.importorskip("tomllib")
    from conftest import ROOT

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    meta = project["project"]
    assert meta["license"] == "MIT" and meta["license-files"] == ["LICENSE"]
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
    assert project["build-system"]["requires"] == ["setuptools>=77"]
    assert "version" not in meta and meta["dynamic"] == ["version"]
    assert project["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "pipeline.__version__"}

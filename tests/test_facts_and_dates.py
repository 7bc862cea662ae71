"""A result counted once across a batch, and a publication date for every input shape."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from pipeline import extract, extract_file
from pipeline.batch import facts
from pipeline.batch.run import run_batch
from pipeline.cli import app
from pipeline.io.published import from_name

REPORT = "LĐLĐ tỉnh Bắc Giang\nNăm 2022, LĐLĐ tỉnh Bắc Giang đã kết nạp 5.000 đoàn viên.\n"
ANOTHER_PAPER = (
    "Bắc Giang: công đoàn lớn mạnh\nTrong năm 2022, LĐLĐ tỉnh Bắc Giang đã kết nạp 5.000 đoàn viên mới.\n"
)


def test_the_same_result_in_two_articles_is_one_fact(tmp_path: Path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(REPORT, encoding="utf-8")
    (src / "b.txt").write_text(ANOTHER_PAPER, encoding="utf-8")
    (src / "c.txt").write_text(REPORT.replace("5.000", "6.000"), encoding="utf-8")
    run_batch([src], tmp_path / "out")
    lines = (tmp_path / "out" / facts.NAME).read_text(encoding="utf-8").splitlines()
    found = sorted((f["value"], f["articles"]) for f in map(json.loads, lines))
    assert found == [(5000, 2), (6000, 1)]


def test_a_fact_id_depends_on_the_result_not_on_the_wording():
    a = extract(REPORT).achievements[0]
    b = extract(ANOTHER_PAPER).achievements[0]
    c = extract(REPORT.replace("2022", "2021")).achievements[0]
    assert a.fact_id == b.fact_id != c.fact_id


def test_a_date_in_the_file_name_is_the_publication_date(tmp_path: Path):
    assert from_name("2022-11-25-thanh-hoa.txt").isoformat() == "2022-11-25"
    assert from_name("bao_20221125.html").isoformat() == "2022-11-25"
    assert from_name("25-11-2022.txt").isoformat() == "2022-11-25"
    assert from_name("baomoi2017_01.txt") is None  # a year alone is no day
    assert from_name("tc201805_01.txt") is None  # nor a year and a month
    assert from_name("x_20221399.txt") is None  # nor an impossible day
    path = tmp_path / "2023-05-02-nghe-an.txt"
    path.write_text("LĐLĐ tỉnh A\nLĐLĐ tỉnh A đã kết nạp 300 đoàn viên.\n", encoding="utf-8")
    record = extract_file(path)
    assert record.published == "2023-05-02"
    assert record.achievements[0].time_source == "published"


def test_run_published_dates_the_inputs_that_give_no_date(tmp_path: Path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(
        "LĐLĐ tỉnh A\nHôm qua, LĐLĐ tỉnh A đã kết nạp 300 đoàn viên.\n", encoding="utf-8"
    )
    (src / "2020-01-05-b.txt").write_text(
        "LĐLĐ tỉnh B\nLĐLĐ tỉnh B đã kết nạp 40 đoàn viên.\n", encoding="utf-8"
    )
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["run", str(src), "--out", str(out), "--published", "2023-05-02", "-q"])
    assert result.exit_code == 0, result.output
    records = {Path(r["source"]["path"]).name: r for r in map(json.loads, (out / "records.jsonl").open())}
    assert records["a.txt"]["published"] == "2023-05-02"
    assert [d["value"] for d in records["a.txt"]["dates"]] == ["2023-05-01"]  # "hôm qua"
    assert records["2020-01-05-b.txt"]["published"] == "2020-01-05"  # the file's own date wins
    bad = CliRunner().invoke(app, ["run", str(src), "--out", str(out), "--published", "May 2023"])
    assert bad.exit_code == 2 and "YYYY-MM-DD" in bad.output

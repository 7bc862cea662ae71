"""Tables for Excel and totals an analyst can add up."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from conftest import ROOT
from openpyxl import load_workbook
from typer.testing import CliRunner

from pipeline.batch.run import run_batch
from pipeline.cli import app
from pipeline.report import rows, tables
from pipeline.report.summary import summarise

TWICE = "LĐLĐ tỉnh Bắc Giang\nNăm 2022, LĐLĐ tỉnh Bắc Giang đã kết nạp 5.000 đoàn viên.\n"


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("tables")
    src = base / "in"
    src.mkdir()
    for path in sorted((ROOT / "corpus").glob("*.txt")):
        (src / path.name).write_bytes(path.read_bytes())
    (src / "bacgiang-a.txt").write_text(TWICE, encoding="utf-8")
    (src / "bacgiang-b.txt").write_text(TWICE.replace("Năm 2022,", "Trong năm 2022,"), encoding="utf-8")
    run_batch([src], base / "out")
    (base / "out" / "bench.json").write_text('{"not": "a record"}', encoding="utf-8")  # skipped, not read
    return base / "out"


def _achievements(out: Path) -> int:
    return sum(
        len(json.loads(line)["achievements"]) for line in (out / "records.jsonl").open(encoding="utf-8")
    )


def test_csv_opens_in_excel_with_vietnamese_intact(out: Path, tmp_path: Path):
    target = tmp_path / "a.csv"
    n = tables.write(rows.rows(out), rows.COLUMNS, target, "csv")
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read UTF-8
    with target.open(encoding="utf-8-sig", newline="") as f:
        read = list(csv.DictReader(f))
    assert n == len(read) == _achievements(out)
    assert any(r["organization"] == "LĐLĐ tỉnh Thanh Hóa" for r in read)
    assert {r["category_label"] for r in read} >= {"Phát triển đoàn viên", "Khen thưởng"}


def test_xlsx_has_typed_numbers_a_frozen_header_and_filters(out: Path, tmp_path: Path):
    target = tmp_path / "a.xlsx"
    tables.write(rows.rows(out), rows.COLUMNS, target, "xlsx")
    sheet = load_workbook(target).active
    header = [c.value for c in sheet[1]]
    assert header == rows.COLUMNS
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref
    values = [row[header.index("value")] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert len(values) == _achievements(out) and all(
        isinstance(v, (int, float)) for v in values if v is not None
    )
    money = next(r for r in sheet.iter_rows(min_row=2) if r[header.index("unit")].value == "VND")
    assert "#,##0" in money[header.index("value")].number_format


def test_summary_totals_are_the_sums_over_facts_and_count_a_result_once(out: Path):
    all_rows = list(rows.rows(out))
    lines = summarise(all_rows, ["organization", "category"])
    facts: dict[str, dict] = {}
    for r in all_rows:
        if r["value"] is not None:
            facts.setdefault(r["fact_id"], r)
    for line in lines:
        expected = sum(
            f["value"]
            for f in facts.values()
            if (f["organization"], f["category"], f["unit_normalized"] or f["unit"])
            == (line["organization"], line["category"], line["unit"])
        )
        assert line["total"] == pytest.approx(expected)
    bac_giang = [line for line in lines if line["organization"] == "LĐLĐ tỉnh Bắc Giang"]
    assert [(b["total"], b["count"], b["articles"]) for b in bac_giang] == [(5000, 1, 2)]


def test_table_and_summary_commands(out: Path, tmp_path: Path):
    runner = CliRunner()
    result = runner.invoke(app, ["table", str(out), "--to", str(tmp_path / "t.xlsx")])
    assert result.exit_code == 0 and "rows ->" in result.output
    result = runner.invoke(
        app, ["summary", str(out), "--by", "organization,year", "--to", str(tmp_path / "s.csv")]
    )
    assert result.exit_code == 0 and "LĐLĐ tỉnh Bắc Giang" in result.output
    assert (tmp_path / "s.csv").read_text(encoding="utf-8-sig").startswith("organization,year,unit,total")
    bad = runner.invoke(app, ["summary", str(out), "--by", "colour"])
    assert bad.exit_code == 2
    missing = runner.invoke(app, ["table", str(tmp_path / "nowhere")])
    assert missing.exit_code == 2


def test_parquet_is_written_or_its_extra_named(out: Path, tmp_path: Path):
    result = CliRunner().invoke(app, ["table", str(out), "--to", str(tmp_path / "t.parquet")])
    try:
        import pyarrow.parquet as pq
    except ImportError:
        assert result.exit_code == 2 and "union-extract[parquet]" in result.output
    else:
        assert result.exit_code == 0
        assert pq.read_table(tmp_path / "t.parquet").num_rows == _achievements(out)


def test_explain_json_is_the_record():
    text = "LĐLĐ tỉnh A\nNăm 2022, LĐLĐ tỉnh A đã kết nạp 500 đoàn viên (đạt 110% kế hoạch)."
    result = CliRunner().invoke(app, ["explain", text, "--json"])
    assert result.exit_code == 0
    record = json.loads(result.output)
    assert record["achievements"][0]["target_percent"] == 110
    shown = CliRunner().invoke(app, ["explain", text])
    assert "110.0% of plan" in shown.output and "2022-01-01/2022-12-31" in shown.output

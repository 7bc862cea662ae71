"""Rows written for people: CSV that Excel opens with Vietnamese intact (UTF-8 with a BOM),
XLSX with typed numbers, thousands separators, a frozen header, filters and fitting widths
(openpyxl), and JSON Lines. Each file is written to a temporary name and renamed."""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Literal

Format = Literal["csv", "xlsx", "jsonl", "parquet"]
FORMATS: tuple[Format, ...] = ("csv", "xlsx", "jsonl", "parquet")
_NUMERIC = {"value", "target_percent", "figure_start", "figure_end", "total", "count", "articles"}


def write(rows: Iterable[dict[str, Any]], columns: list[str], to: Path, fmt: Format) -> int:
    """Write `rows` to `to` in `fmt`; returns how many rows were written."""
    to.parent.mkdir(parents=True, exist_ok=True)
    tmp = to.with_name(f".{to.name}.{os.getpid()}.tmp")
    try:
        n = {"csv": _csv, "xlsx": _xlsx, "jsonl": _jsonl, "parquet": _parquet}[fmt](rows, columns, tmp)
        os.replace(tmp, to)
    finally:
        tmp.unlink(missing_ok=True)
    return n


def _csv(rows: Iterable[dict[str, Any]], columns: list[str], path: Path) -> int:
    n = 0
    with path.open("w", encoding="utf-8-sig", newline="") as f:  # the BOM tells Excel it is UTF-8
        writer = csv.DictWriter(f, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        for r in rows:
            writer.writerow({k: "" if r.get(k) is None else r.get(k) for k in columns})
            n += 1
    return n


def _jsonl(rows: Iterable[dict[str, Any]], columns: list[str], path: Path) -> int:
    n = 0
    with path.open("w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps({k: r.get(k) for k in columns}, ensure_ascii=False) + "\n")
            n += 1
    return n


def _xlsx(rows: Iterable[dict[str, Any]], columns: list[str], path: Path) -> int:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=False)
    sheet = book.active
    sheet.title = "data"
    sheet.append(columns)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    widths = [len(c) for c in columns]
    n = 0
    for r in rows:
        values = [r.get(c) for c in columns]
        sheet.append(values)
        n += 1
        for i, v in enumerate(values):
            widths[i] = max(widths[i], min(60, len(str(v)) if v is not None else 0))
    for i, column in enumerate(columns, start=1):
        letter = get_column_letter(i)
        sheet.column_dimensions[letter].width = widths[i - 1] + 2
        if column in _NUMERIC:
            for (cell,) in sheet.iter_rows(min_row=2, min_col=i, max_col=i):
                cell.number_format = "#,##0.##" if column in ("value", "total") else "General"
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    book.save(path)
    return n


class MissingExtra(RuntimeError):
    """A format needs a package the optional extra installs."""


def _parquet(rows: Iterable[dict[str, Any]], columns: list[str], path: Path) -> int:
    try:
        import pyarrow as pa  # type: ignore[import-not-found, unused-ignore]
        import pyarrow.parquet as pq  # type: ignore[import-not-found, unused-ignore]
    except ImportError:
        raise MissingExtra("Parquet needs pyarrow: pip install 'union-extract[parquet]'") from None
    data = [{k: r.get(k) for k in columns} for r in rows]
    pq.write_table(pa.Table.from_pylist(data), path)
    return len(data)

"""Records as flat rows: one per achievement (or target, statistic, other actor's figure), with
its article's id, title, url, date and path, the organisation with level and provinces, the
category and its Vietnamese label, the value and units, the time and where it came from, the
award, the evidence and the figure's own offsets, and the fact it belongs to across articles.

Records are read one line at a time from `records.jsonl` (or the per-article files), so a table
of a large batch never holds the batch in memory; anything that is not a record is skipped.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any, Literal

from ..core import rules

Kind = Literal["achievements", "targets", "statistics", "other_figures"]
KINDS: tuple[Kind, ...] = ("achievements", "targets", "statistics", "other_figures")

COLUMNS = [
    "article_id", "title", "url", "published", "path", "kind",
    "organization", "organization_level", "province", "province_since_2025", "actor",
    "category", "category_label", "value", "unit", "unit_normalized", "qualifier", "target_percent",
    "as_of", "period_start", "period_end", "time_source", "award", "awarding_body", "beneficiaries",
    "evidence", "figure", "figure_start", "figure_end", "fact_id",
]  # fmt: skip


@cache
def labels() -> dict[str, str]:
    """{category: its Vietnamese label}."""
    return dict(rules.section("categories", "labels"))


def records(source: Path) -> Iterator[dict[str, Any]]:
    """Every record under `source`: an OUT folder (its records.jsonl, else its .json files), a
    records.jsonl or one record .json. Lines and files that hold no record are skipped."""
    if source.is_dir():
        jsonl = source / "records.jsonl"
        if jsonl.is_file():
            yield from records(jsonl)
            return
        for path in sorted(source.rglob("*.json")):
            yield from _only_records([path.read_text(encoding="utf-8")])
        return
    if source.suffix == ".jsonl":
        with source.open(encoding="utf-8") as f:
            yield from _only_records(f)
        return
    yield from _only_records([source.read_text(encoding="utf-8")])


def _only_records(texts: Any) -> Iterator[dict[str, Any]]:
    for text in texts:
        try:
            data = json.loads(text)
        except json.JSONDecodeError:
            continue
        if isinstance(data, dict) and "schema_version" in data and "achievements" in data:
            yield data


def rows(source: Path, kinds: tuple[Kind, ...] = ("achievements",)) -> Iterator[dict[str, Any]]:
    """One row per figure of the asked kinds, in record order."""
    for record in records(source):
        for kind in kinds:
            for item in record.get(kind, []):
                yield row(record, kind, item)


def row(record: dict[str, Any], kind: str, item: dict[str, Any]) -> dict[str, Any]:
    ref = item.get("organization_ref") or {}
    period = item.get("period") or {}
    figure = item.get("figure") or {}
    category = item.get("category")
    return {
        "article_id": record["id"],
        "title": record.get("title"),
        "url": record["source"].get("url"),
        "published": record.get("published"),
        "path": record["source"]["path"],
        "kind": kind,
        "organization": item.get("organization"),
        "organization_level": ref.get("level"),
        "province": ref.get("province"),
        "province_since_2025": ref.get("province_since_2025"),
        "actor": item.get("actor"),
        "category": category,
        "category_label": labels().get(category or "", ""),
        "value": item.get("value"),
        "unit": item.get("unit"),
        "unit_normalized": item.get("unit_normalized"),
        "qualifier": item.get("qualifier"),
        "target_percent": item.get("target_percent"),
        "as_of": item.get("as_of"),
        "period_start": period.get("start"),
        "period_end": period.get("end"),
        "time_source": item.get("time_source"),
        "award": item.get("award"),
        "awarding_body": item.get("awarding_body"),
        "beneficiaries": item.get("beneficiaries"),
        "evidence": item["evidence"]["text"],
        "figure": figure.get("text"),
        "figure_start": figure.get("start"),
        "figure_end": figure.get("end"),
        "fact_id": item.get("fact_id"),
    }


def year_of(r: dict[str, Any]) -> str | None:
    """The year a row's result belongs to: its as-of day's, or its period's when the period lies
    within one year; a period over several years is named as such ("2018-2023"), never guessed."""
    if r.get("as_of"):
        return str(r["as_of"])[:4]
    start, end = r.get("period_start"), r.get("period_end")
    if not start or not end:
        return None
    return str(end)[:4] if str(start)[:4] == str(end)[:4] else f"{str(start)[:4]}-{str(end)[:4]}"

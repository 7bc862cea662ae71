"""Totals an analyst can trust: per group (organisation, category, year, unit, ...), the sum of
the values and how many results and articles are behind it. Each result counts once, however
many articles report it (rows are folded by `fact_id` first)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .rows import year_of

GROUPS = ("organization", "organization_level", "province", "province_since_2025", "category", "year", "unit")


def summarise(rows: Iterable[dict[str, Any]], by: list[str], unit: str | None = None) -> list[dict[str, Any]]:
    """One line per group of `by` (units always apart: VND and đoàn viên never add up), sorted by
    group; `unit` keeps only rows whose normalised unit is it ("VND")."""
    unknown = set(by) - set(GROUPS)
    if unknown:
        raise ValueError(f"cannot group by {sorted(unknown)}; choose from {', '.join(GROUPS)}")
    facts: dict[str, dict[str, Any]] = {}
    articles: dict[str, set[str]] = {}
    for r in rows:
        if r.get("value") is None or (unit and (r.get("unit_normalized") or r.get("unit")) != unit):
            continue
        key = r.get("fact_id") or f"{r['article_id']}:{r['figure_start']}"
        facts.setdefault(key, r)
        articles.setdefault(key, set()).add(r["article_id"])
    groups: dict[tuple[Any, ...], dict[str, Any]] = {}
    keys = [k for k in by if k != "unit"] + ["unit"]
    for key, r in facts.items():
        values = {**r, "year": year_of(r), "unit": r.get("unit_normalized") or r.get("unit")}
        group = tuple(values.get(k) for k in keys)
        line = groups.setdefault(
            group, {**dict(zip(keys, group, strict=True)), "total": 0.0, "count": 0, "_a": set()}
        )
        line["total"] += float(r["value"])
        line["count"] += 1
        line["_a"] |= articles[key]
    out = []
    for group in sorted(groups, key=lambda g: tuple("" if v is None else str(v) for v in g)):
        line = groups[group]
        line["articles"] = len(line.pop("_a"))
        line["total"] = int(line["total"]) if line["total"].is_integer() else round(line["total"], 2)
        out.append(line)
    return out

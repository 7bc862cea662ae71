"""OUT/facts.jsonl: each result once, with every article that reports it.

Several articles often report the same result ("LĐLĐ tỉnh X kết nạp 5.000 đoàn viên năm 2022"
in the provincial portal, Lao Động and Người Lao Động). Achievements carry a `fact_id` that is
the same for the same organisation, category, value, unit and time, so totals count a result
once. A fact line: the result's fields, how many articles report it, and each source (article
id, input path, the achievement's index and evidence).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

NAME = "facts.jsonl"
_FIELDS = (
    "organization",
    "organization_ref",
    "category",
    "value",
    "unit",
    "unit_normalized",
    "qualifier",
    "as_of",
    "period",
    "time_source",
)


def collect(records: Path) -> list[dict[str, Any]]:
    """The facts of a records.jsonl, in the order their first report appears."""
    facts: dict[str, dict[str, Any]] = {}
    with records.open(encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            for i, a in enumerate(record.get("achievements", [])):
                fid = a.get("fact_id")
                if not fid:
                    continue
                fact = facts.get(fid)
                if fact is None:
                    fact = facts[fid] = {"fact_id": fid, **{k: a.get(k) for k in _FIELDS}, "sources": []}
                fact["sources"].append(
                    {
                        "article": record["id"],
                        "path": record["source"]["path"],
                        "achievement": i,
                        "evidence": a["evidence"]["text"],
                    }
                )
    for fact in facts.values():
        fact["articles"] = len({s["article"] for s in fact["sources"]})
    return list(facts.values())


def write(out: Path) -> None:
    """OUT/facts.jsonl from OUT/records.jsonl, written whole or not at all."""
    from .files import writing

    with writing(out / NAME) as tmp, tmp.open("w", encoding="utf-8") as f:
        for fact in collect(out / "records.jsonl"):
            f.write(json.dumps(fact, ensure_ascii=False) + "\n")

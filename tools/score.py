#!/usr/bin/env python3
# Copied from the team's shared evaluation kit (shared/eval/score.py) so that `make eval` can score
# corpus/gold in a clone without ../shared. Keep it identical below this header.
"""Score article records against gold expectations (see ../CONTRACT.md and ../gold/).

    python3 score.py GOLD RECORDS [--brief | --json]

GOLD is a gold file or a folder of them; RECORDS is a record .json, a records .jsonl, or a folder
of record .json files.  A record is paired with the gold file whose "article" names the record's
source file.  Standard library only, so it runs anywhere.
"""
import json
import re
import sys
import unicodedata
from pathlib import Path

TONES = {"oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
         "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
         "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy"}
UNIT_ALIASES = {"cđcs": "công đoàn cơ sở", "vnđ": "vnd", "đồng": "vnd", "đ": "vnd",
                "người": "người", "lượt người": "lượt"}


OLD_TONE = re.compile("(?<!q)(" + "|".join(TONES) + r")(?!\w)")


def norm(s):
    """Lower case, NFC, single spaces, and the modern tone-mark place: 'hoá' -> 'hóa', 'Thuỷ' -> 'thủy'."""
    s = " ".join(unicodedata.normalize("NFC", str(s)).lower().split())
    return OLD_TONE.sub(lambda m: TONES[m.group(1)], s)


def unit_norm(u):
    u = norm(u or "")
    return UNIT_ALIASES.get(u, u)


def same_number(a, b):
    return a is not None and b is not None and abs(float(a) - float(b)) <= 1e-6 * max(1.0, abs(float(b)))


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else (1.0 if not fn else 0.0)
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 3), "r": round(r, 3), "f1": round(f, 3), "tp": tp, "fp": fp, "fn": fn}


def match(golds, preds, same):
    """Greedy one-to-one matching; returns (pairs, unmatched golds, unmatched preds)."""
    left = list(preds)
    pairs, missed = [], []
    for g in golds:
        hit = next((p for p in left if same(g, p)), None)
        if hit is None:
            missed.append(g)
        else:
            left.remove(hit)
            pairs.append((g, hit))
    return pairs, missed, left


def score_achievements(gold, rec):
    preds = [a for a in rec.get("achievements", []) if a.get("value") is not None]
    pairs, missed, extra = match(gold["achievements"], preds,
                                 lambda g, p: g["category"] == p.get("category") and same_number(g["value"], p["value"]))
    optional = gold.get("optional_values", [])
    extra = [p for p in extra if not any(same_number(v, p["value"]) for v in optional)]
    out = prf(len(pairs), len(extra), len(missed))
    vpairs, _, _ = match(gold["achievements"], preds, lambda g, p: same_number(g["value"], p["value"]))
    out["value_only_recall"] = round(len(vpairs) / max(1, len(gold["achievements"])), 3)
    checks = {"unit": [], "as_of": [], "target_percent": [], "evidence": []}
    for g, p in pairs:
        checks["unit"].append(unit_norm(g["unit"]) == unit_norm(p.get("unit")))
        checks["as_of"].append(g.get("as_of") == p.get("as_of"))
        gt, pt = g.get("target_percent"), p.get("target_percent")
        checks["target_percent"].append((gt is None and pt is None) or (gt is not None and pt is not None and abs(gt - pt) < 0.05))
        ev = (p.get("evidence") or {}).get("text", "")
        checks["evidence"].append(norm(g.get("evidence_contains", "")) in norm(ev))
    out["attributes"] = {k: round(sum(v) / len(v), 3) if v else None for k, v in checks.items()}
    out["furniture_values"] = sum(1 for p in preds if any(same_number(v, p["value"]) for v in gold.get("not_achievement_values", [])))
    out["missed"] = [f'{g["category"]} {g["value"]} {g["unit"]}' for g in missed]
    out["extra"] = [f'{p.get("category")} {p.get("value")} {p.get("unit")}' for p in extra]
    return out


def score_quantities(gold, rec):
    preds = rec.get("quantities", [])
    pairs, missed, extra = match(gold["quantities"], preds,
                                 lambda g, p: g["kind"] == p.get("kind") and same_number(g["value"], p.get("value")))
    out = prf(len(pairs), len(extra), len(missed))
    out["missed"] = [g["text"] for g in missed]
    out["extra"] = [f'{p.get("kind")} {p.get("value")} «{p.get("text")}»' for p in extra]
    return out


def score_dates(gold, rec):
    preds = rec.get("dates", [])
    golds = gold["dates"]
    gvals = {g["value"] for g in golds}
    pvals = {str(p.get("value")) for p in preds}
    out = prf(len(gvals & pvals), len(pvals - gvals), len(gvals - pvals))
    out["missed"] = sorted(gvals - pvals)
    out["extra"] = sorted(pvals - gvals)
    return out


def score_entities(gold, rec):
    tp = fp = fn = 0
    detail = {}
    for etype, groups in gold["entities"].items():
        aliases = [{norm(a) for a in group} for group in groups]
        found = [False] * len(groups)
        unmatched = set()
        for e in rec.get("entities", []):
            if e.get("type") != etype:
                continue
            names = {norm(e.get("canonical") or ""), norm(e.get("text") or "")} - {""}
            hits = [i for i, al in enumerate(aliases) if names & al]
            for i in hits:
                found[i] = True
            if not hits:
                unmatched.add(norm(e.get("canonical") or e.get("text") or ""))
        t, f, n = sum(found), len(unmatched), found.count(False)
        tp, fp, fn = tp + t, fp + f, fn + n
        detail[etype] = prf(t, f, n)
        detail[etype]["missed"] = [groups[i][0] for i, ok in enumerate(found) if not ok]
        detail[etype]["extra"] = sorted(unmatched)
    out = prf(tp, fp, fn)
    out["by_type"] = detail
    return out


def score_record(gold, rec):
    text = rec.get("text", "")
    spans = [*rec.get("entities", []), *rec.get("quantities", []), *rec.get("dates", []),
             *[a["evidence"] for a in rec.get("achievements", []) if a.get("evidence")]]
    bad = sum(1 for s in spans if text[s.get("start", 0):s.get("end", 0)] != s.get("text"))
    abbr_gold = {k: norm(v) for k, v in gold.get("abbreviations", {}).items()}
    abbr_pred = {k: norm(v) for k, v in (rec.get("abbreviations") or {}).items()}
    org = (rec.get("organization") or {}).get("name")
    return {
        "achievements": score_achievements(gold, rec),
        "quantities": score_quantities(gold, rec),
        "dates": score_dates(gold, rec),
        "entities": score_entities(gold, rec),
        "abbreviations_recall": round(sum(abbr_pred.get(k) == v for k, v in abbr_gold.items()) / max(1, len(abbr_gold)), 3),
        "organization_ok": org is not None and norm(org) in {norm(o) for o in gold.get("organization", [])},
        "title_ok": norm(rec.get("title") or "") == norm(gold.get("title") or ""),
        "furniture_removed": bool(text) and (gold.get("body_ends_before") or "\0") not in text,
        "offset_errors": bad,
    }


def load_records(path):
    path = Path(path)
    if path.is_dir():
        return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(path.rglob("*.json"))]
    if path.suffix == ".jsonl":
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [json.loads(path.read_text(encoding="utf-8"))]


def main(argv):
    if len(argv) < 2:
        sys.exit(__doc__)
    gold_path = Path(argv[0])
    golds = [json.loads(p.read_text(encoding="utf-8")) for p in
             (sorted(gold_path.glob("*.json")) if gold_path.is_dir() else [gold_path])]
    records = load_records(argv[1])
    by_name = {}
    for r in records:
        src = (r.get("source") or {}).get("path", "")
        by_name[Path(src).name] = r
        by_name[Path(src).stem] = r
    results, totals = {}, {k: [0, 0, 0] for k in ("achievements", "quantities", "dates", "entities")}
    for g in golds:
        rec = by_name.get(g["article"]) or by_name.get(Path(g["article"]).stem)
        if rec is None:
            results[g["article"]] = "no record"
            totals["achievements"][2] += len(g["achievements"])
            totals["quantities"][2] += len(g["quantities"])
            totals["dates"][2] += len({d["value"] for d in g["dates"]})
            totals["entities"][2] += sum(len(groups) for groups in g["entities"].values())
            continue
        res = score_record(g, rec)
        results[g["article"]] = res
        for k in totals:
            totals[k][0] += res[k]["tp"]
            totals[k][1] += res[k]["fp"]
            totals[k][2] += res[k]["fn"]
    summary = {k: prf(*v) for k, v in totals.items()}
    if "--json" in argv:
        print(json.dumps({"articles": results, "summary": summary}, ensure_ascii=False, indent=1))
        return

    if "--brief" in argv:
        print(f"{'article':28} achievements quantities dates entities")
        for name, res in results.items():
            if isinstance(res, str):
                print(f"{name:28} {res}")
            else:
                print(f"{name:28} " + " ".join(f"{res[k]['f1']:>{len(k)}}" for k in totals))
        print("summary: " + " ".join(f"{k}_f1={v['f1']}" for k, v in summary.items()))
        return
    for name, res in results.items():
        print(f"== {name}")
        if isinstance(res, str):
            print("   ", res)
            continue
        for k, v in res.items():
            if isinstance(v, dict):
                head = {x: v[x] for x in ("p", "r", "f1") if x in v}
                print(f"   {k}: {head} " + " ".join(f"{x}={v[x]}" for x in v if x not in ("p", "r", "f1", "tp", "fp", "fn", "by_type")))
                for t, sub in v.get("by_type", {}).items():
                    print(f"      {t}: f1={sub['f1']} missed={sub['missed']} extra={sub['extra']}")
            else:
                print(f"   {k}: {v}")
    print("summary: " + " ".join(f"{k}_f1={v['f1']}" for k, v in summary.items()))


if __name__ == "__main__":
    main(sys.argv[1:])

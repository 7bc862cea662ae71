"""A static HTML report of a batch that works offline from file:// (no CDN, no network).

`index.html`: the batch's totals, a chart per category and per organisation (inline SVG), and a
sortable, filterable table of every achievement. `articles/<id>.html`: the article's text with
every mention highlighted by type (organisations, people, places, dates, money, counts,
percentages; achievement figures marked apart), a click or hover showing what was read, and the
article's achievements linking to their figures. Every piece of text is escaped.
"""

from __future__ import annotations

import html
import os
from collections import Counter
from collections.abc import Sequence
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from .rows import labels, records, row
from .summary import summarise

_ASSETS = resources.files("pipeline.report") / "assets"


def write_report(source: Path, out: Path) -> int:
    """Write the report of the records under `source` into `out`; returns the number of articles."""
    (out / "articles").mkdir(parents=True, exist_ok=True)
    all_rows: list[dict[str, Any]] = []
    articles = 0
    for record in records(source):
        articles += 1
        rows = [row(record, "achievements", a) for a in record.get("achievements", [])]
        all_rows += rows
        _write(out / "articles" / f"{_slug(record['id'])}.html", _article_page(record, rows))
    _write(out / "index.html", _index_page(all_rows, articles))
    return articles


def _slug(value: str) -> str:
    return "".join(ch for ch in value if ch.isalnum() or ch in "-_")[:64] or "_"


def _write(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


@cache
def _asset(name: str) -> str:
    return (_ASSETS / name).read_text(encoding="utf-8")


def _page(title: str, body: str) -> str:
    css, js = _asset("report.css"), _asset("report.js")
    return (
        '<!doctype html>\n<html lang="vi"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(title)}</title><style>{css}</style></head>\n<body>\n{body}\n"
        f'<div id="detail"></div><script>{js}</script></body></html>\n'
    )


def _e(value: Any) -> str:
    return html.escape("" if value is None else str(value))


def _number(value: Any) -> str:
    if value is None:
        return ""
    number = float(value)
    return f"{number:,.0f}".replace(",", ".") if number.is_integer() else f"{number:,.2f}"


def _bars(title: str, items: Sequence[tuple[str, float]]) -> str:
    """A horizontal bar chart as inline SVG."""
    if not items:
        return ""
    top = max(v for _, v in items) or 1.0
    height = 22 * len(items) + 10
    bars = []
    for i, (label, value) in enumerate(items):
        y = 22 * i + 5
        width = max(1.0, 300 * value / top)
        bars.append(
            f'<text x="0" y="{y + 14}">{_e(label[:40])}</text>'
            f'<rect x="290" y="{y}" width="{width:.1f}" height="16">'
            f"<title>{_e(label)}: {_number(value)}</title></rect>"
            f'<text x="{295 + width:.1f}" y="{y + 14}">{_number(value)}</text>'
        )
    return (
        f'<h2>{_e(title)}</h2><svg class="chart" viewBox="0 0 720 {height}" role="img" '
        f'aria-label="{_e(title)}">{"".join(bars)}</svg>'
    )


_COLUMNS = [
    ("title", "bài"),
    ("organization", "tổ chức"),
    ("category_label", "lĩnh vực"),
    ("value", "giá trị"),
    ("unit", "đơn vị"),
    ("as_of", "tính đến"),
    ("period_end", "kỳ"),
    ("evidence", "trích dẫn"),
]


def _index_page(rows: list[dict[str, Any]], articles: int) -> str:
    facts = {
        r.get("fact_id") or f"{r['article_id']}:{r['figure_start']}" for r in rows if r["value"] is not None
    }
    per_category = Counter(r["category_label"] or r["category"] for r in rows)
    money = summarise(rows, ["organization"], unit="VND")
    money_items = sorted(((m["organization"] or "?", float(m["total"])) for m in money), key=lambda x: -x[1])
    head = "".join(f"<th>{_e(label)}</th>" for _, label in _COLUMNS)
    body = []
    for r in rows:
        link = f"articles/{_slug(r['article_id'])}.html#m{r['figure_start']}"
        cells = []
        for key, _ in _COLUMNS:
            value = r.get(key)
            if key == "value":
                cells.append(f'<td class="num" data-sort="{_e(value)}">{_number(value)}</td>')
            elif key == "evidence":
                cells.append(f'<td><a href="{_e(link)}">{_e(value)}</a></td>')
            else:
                cells.append(f"<td>{_e(value)}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    content = (
        "<h1>Thành tích công đoàn: báo cáo</h1>"
        f'<div class="totals"><div><b>{articles}</b>bài</div><div><b>{len(rows)}</b>thành tích</div>'
        f"<div><b>{len(facts)}</b>kết quả (mỗi kết quả tính một lần)</div></div>"
        + _bars("Số thành tích theo lĩnh vực", per_category.most_common())
        + _bars("Tiền (VND) theo tổ chức", money_items[:15])
        + '<h2>Thành tích</h2><input class="filter" data-table="achievements" placeholder="Lọc…">'
        + f'<div class="scroll"><table id="achievements" class="sortable"><thead><tr>{head}</tr></thead>'
        + f"<tbody>{''.join(body)}</tbody></table></div>"
    )
    return _page("Báo cáo thành tích công đoàn", content)


def _mentions(record: dict[str, Any]) -> list[tuple[int, int, str, str]]:
    """(start, end, css class, what was read) for every mention of the record."""
    figures = {
        (a["figure"]["start"], a["figure"]["end"]): a
        for a in record.get("achievements", [])
        if a.get("figure")
    }
    out = []
    for e in record.get("entities", []):
        out.append(
            (e["start"], e["end"], f"t-{e['type']}", f"{e['type']}: {e['canonical']} ({e.get('rule')})")
        )
    for d in record.get("dates", []):
        out.append((d["start"], d["end"], "t-date", f"date: {d['value']} ({d.get('rule')})"))
    for q in record.get("quantities", []):
        css, info = f"t-{q['kind']}", f"{q['kind']}: {q['value']} {q.get('unit') or ''} ({q.get('rule')})"
        a = figures.get((q["start"], q["end"]))
        if a is not None:
            css += " ach"
            when = a.get("as_of") or (a.get("period") or {}).get("end") or ""
            info += (
                f"\nthành tích: {labels().get(a['category'], a['category'])}"
                f"\ntổ chức: {a.get('organization') or ''}\nthời gian: {when}"
            )
        out.append((q["start"], q["end"], css, info))
    return sorted(out, key=lambda m: (m[0], -m[1]))


def _highlight(text: str, mentions: list[tuple[int, int, str, str]]) -> tuple[str, int]:
    """The text with nested marks; a mention that crosses another's edge is left out (counted)."""
    parts: list[str] = []
    stack: list[int] = []  # ends of the open marks
    pos = skipped = 0
    for start, end, css, info in mentions:
        while stack and stack[-1] <= start:
            parts.append(_e(text[pos : stack[-1]]) + "</mark>")
            pos = stack.pop()
        if stack and end > stack[-1]:
            skipped += 1  # crosses the open mark's end: HTML cannot nest it
            continue
        parts.append(_e(text[pos:start]))
        parts.append(f'<mark id="m{start}" class="{css}" title="{_e(info)}">')
        stack.append(end)
        pos = start
    while stack:
        parts.append(_e(text[pos : stack[-1]]) + "</mark>")
        pos = stack.pop()
    parts.append(_e(text[pos:]))
    paragraphs = "".join(parts).split("\n")
    return "".join(f"<p>{p}</p>" for p in paragraphs), skipped


def _article_page(record: dict[str, Any], rows: list[dict[str, Any]]) -> str:
    mentions = _mentions(record)
    text, skipped = _highlight(record["text"], mentions)
    legend = "".join(
        f'<mark class="{c}">{_e(n)}</mark>'
        for c, n in (("t-ORGANIZATION", "tổ chức"), ("t-PERSON", "người"), ("t-LOCATION", "địa danh"),
                     ("t-date", "thời gian"), ("t-money", "tiền"), ("t-count", "số lượng"),
                     ("t-percent", "tỉ lệ"), ("t-count ach", "thành tích"))
    )  # fmt: skip
    body = []
    for r in rows:
        link = f"#m{r['figure_start']}" if r["figure_start"] is not None else "#"
        body.append(
            f'<tr><td>{_e(r["category_label"])}</td><td class="num">{_number(r["value"])}</td>'
            f"<td>{_e(r['unit'])}</td><td>{_e(r['organization'])}</td>"
            f"<td>{_e(r['as_of'] or r['period_end'])}</td>"
            f'<td><a href="{link}">{_e(r["figure"] or r["evidence"])}</a></td></tr>'
        )
    source = record["source"]
    content = (
        f'<p class="meta"><a href="../index.html">← báo cáo</a> · {_e(source.get("path"))}'
        f" · {_e(record.get('published') or '')}</p>"
        f'<h1>{_e(record.get("title"))}</h1><p class="legend">{legend}</p>'
        f'<div class="text" data-mentions="{len(mentions)}" data-skipped="{skipped}">{text}</div>'
        '<h2>Thành tích</h2><div class="scroll"><table id="achievements" class="sortable"><thead><tr>'
        "<th>lĩnh vực</th><th>giá trị</th><th>đơn vị</th><th>tổ chức</th><th>thời gian</th><th>con số</th>"
        f"</tr></thead><tbody>{''.join(body)}</tbody></table></div>"
    )
    return _page(record.get("title") or record["id"], content)

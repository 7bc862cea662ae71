"""Commands that show what a run wrote: inspect, table, summary, report."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any, cast

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from . import app, err
from .help import Command, Quiet

# The records the views read, as each of them names it.
Source = Annotated[Path, typer.Argument(help="An output folder of 'run', a records.jsonl or a record .json.")]


def fmt_value(a: dict[str, Any]) -> str:
    v = a.get("value")
    if v is None:
        return "—"
    s = f"{v:,.0f}".replace(",", ".") if float(v).is_integer() else f"{v}".replace(".", ",")
    mark = {"approximately": "~", "more_than": ">", "at_least": "≥", "less_than": "<", "at_most": "≤"}.get(
        a.get("qualifier", "exact"), ""
    )
    return f"{mark}{s} {a.get('unit') or ''}".strip()


@app.command(cls=Command)
def inspect(
    path: Annotated[Path, typer.Argument(help="An output folder, a records.jsonl or a record .json.")],
    category: Annotated[
        str | None, typer.Option("--category", metavar="CATEGORY", help="Only this category.")
    ] = None,
    organization: Annotated[
        str | None,
        typer.Option("--organization", metavar="TEXT", help="Only organisations whose name holds this."),
    ] = None,
    min_value: Annotated[
        float | None, typer.Option("--min-value", metavar="NUMBER", help="Only values at least this.")
    ] = None,
) -> None:
    """Show the achievements of records as tables, the figure marked in its evidence, with totals.

    Anything in the folder that is not a record (errors.jsonl, the manifest, bench.json) is skipped.
    """
    from ..report.rows import records

    _needs_records(path)
    console = Console(width=160 if not sys.stdout.isatty() else None, soft_wrap=not sys.stdout.isatty())
    shown = articles = 0
    totals: dict[str, float] = {}
    for rec in records(path):
        chosen = [
            a
            for a in rec.get("achievements", [])
            if (category is None or a["category"] == category)
            and (organization is None or organization.lower() in (a.get("organization") or "").lower())
            and (min_value is None or (a.get("value") or 0) >= min_value)
        ]
        if not chosen:
            continue
        articles += 1
        org = (rec.get("organization") or {}).get("name") or "—"
        table = Table(
            title=f"{rec['source']['path']} — {rec.get('title') or ''}\norganization: {org}",
            title_justify="left",
        )
        for col in ("category", "value", "target %", "time", "organization", "evidence"):
            table.add_column(col, overflow="fold")
        for a in chosen:
            shown += 1
            if a.get("value") is not None:
                unit = a.get("unit_normalized") or a.get("unit") or ""
                totals[unit] = totals.get(unit, 0.0) + float(a["value"])
            period = a.get("period") or {}
            when = a.get("as_of") or (f"{period['start']}/{period['end']}" if period else "")
            table.add_row(
                a["category"],
                fmt_value(a),
                "" if a.get("target_percent") is None else f"{a['target_percent']}%",
                when,
                a.get("organization") or "",
                Text(_marked(a)),
            )
        console.print(table)
    summary = ", ".join(f"{v:,.0f} {u}" for u, v in sorted(totals.items()))
    console.print(
        f"{shown} achievements in {articles} articles; totals (each report counted): {summary or '—'}"
    )


def _marked(a: dict[str, Any]) -> str:
    """The evidence with the figure in [brackets]."""
    ev, fig = a["evidence"], a.get("figure")
    if not fig:
        return str(ev["text"])
    s, e = fig["start"] - ev["start"], fig["end"] - ev["start"]
    return f"{ev['text'][:s]}[{ev['text'][s:e]}]{ev['text'][e:]}"


@app.command(cls=Command)
def table(
    source: Source,
    to: Annotated[
        Path | None,
        typer.Option("--to", metavar="FILE", help="File to write (default: OUT/achievements.csv)."),
    ] = None,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="csv (Excel-ready, UTF-8 BOM), xlsx, jsonl, parquet ([parquet] extra).",
        ),
    ] = None,
    kind: Annotated[
        list[str] | None,
        typer.Option(
            "--kind",
            "-k",
            metavar="KIND",
            help="achievements (default), targets, statistics, other_figures; repeatable.",
        ),
    ] = None,
    quiet: Quiet = False,
) -> None:
    """One row per achievement, with its article, organisation, time, evidence and fact id.

    Example: union-extract table out --to achievements.xlsx
    """
    from ..report import rows, tables

    kinds = cast("tuple[rows.Kind, ...]", tuple(kind or ["achievements"]))
    if set(kinds) - set(rows.KINDS):
        raise typer.BadParameter(f"choose from {', '.join(rows.KINDS)}", param_hint="--kind")
    target = to or (source if source.is_dir() else source.parent) / "achievements.csv"
    form = fmt or target.suffix.lstrip(".") or "csv"
    if form not in tables.FORMATS:
        raise typer.BadParameter(f"choose from {', '.join(tables.FORMATS)}", param_hint="--format")
    _needs_records(source)
    try:
        n = tables.write(rows.rows(source, kinds), rows.COLUMNS, target, form)
    except tables.MissingExtra as error:
        err.print(f"[red]error[/red] {escape(str(error))}")
        raise typer.Exit(2) from None
    if not quiet:
        print(f"{n} rows -> {target}")


@app.command(cls=Command)
def summary(
    source: Source,
    by: Annotated[
        str,
        typer.Option(
            "--by", metavar="FIELDS", help="Comma-separated: organization, category, year, province, ..."
        ),
    ] = "organization,category,year",
    unit: Annotated[
        str | None, typer.Option("--unit", metavar="UNIT", help="Only this unit, e.g. VND or 'đoàn viên'.")
    ] = None,
    to: Annotated[
        Path | None, typer.Option("--to", metavar="FILE", help="Also write the totals (.csv or .xlsx).")
    ] = None,
    quiet: Quiet = False,
) -> None:
    """Totals per group, each result counted once however many articles report it.

    Example: union-extract summary out --by organization,category --unit VND
    """
    from ..report import rows, tables
    from ..report.summary import summarise

    _needs_records(source)
    groups = [g.strip() for g in by.split(",") if g.strip()]
    try:
        lines = summarise(rows.rows(source), groups, unit)
    except ValueError as error:
        raise typer.BadParameter(str(error), param_hint="--by") from None
    columns = [*[g for g in groups if g != "unit"], "unit", "total", "count", "articles"]
    out = Table()
    for c in columns:
        out.add_column(c, justify="right" if c in ("total", "count", "articles") else "left", overflow="fold")
    for line in lines:
        out.add_row(
            *(
                "" if line.get(c) is None else f"{line[c]:,}" if c == "total" else str(line[c])
                for c in columns
            )
        )
    Console(width=200 if not sys.stdout.isatty() else None).print(out)
    if to is not None:
        form = to.suffix.lstrip(".") or "csv"
        if form not in tables.FORMATS:
            raise typer.BadParameter("choose .csv, .xlsx or .jsonl", param_hint="--to")
        tables.write(lines, columns, to, form)
        if not quiet:
            print(f"{len(lines)} groups -> {to}")


@app.command(cls=Command)
def report(
    source: Source,
    html_dir: Annotated[
        Path, typer.Option("--html", metavar="DIR", help="Folder to write the HTML report into.")
    ] = Path("report"),
    quiet: Quiet = False,
) -> None:
    """A static HTML report: totals, charts, a sortable table, each article with its mentions marked.

    Example: union-extract report out --html report && open report/index.html
    """
    from ..report.html import write_report

    _needs_records(source)
    n = write_report(source, html_dir)
    if not quiet:
        print(f"{n} articles -> {html_dir / 'index.html'}")


def _needs_records(source: Path) -> None:
    if not source.exists():
        err.print(f"[red]error[/red] {escape(str(source))}: no such file or folder")
        raise typer.Exit(2)

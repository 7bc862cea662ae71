"""Commands on texts and the contract: schema, parse, explain."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from ..output.models import ArticleRecord
from . import app
from .help import Command
from .views import fmt_value


@app.command(cls=Command)
def schema() -> None:
    """Print the JSON Schema of an article record."""
    print(json.dumps(ArticleRecord.model_json_schema(), ensure_ascii=False, indent=2))


@app.command("parse", cls=Command)
def parse_command(
    text: Annotated[str, typer.Argument(help="A short text (a table cell, a form field); '-' reads stdin.")],
    dims: Annotated[
        str,
        typer.Option(
            "--dims", "-d", metavar="DIMS", help="Comma-separated: number,money,percent,date,period,relative."
        ),
    ] = "number,money,percent,date,period,relative",
    reference: Annotated[
        str | None,
        typer.Option(
            "--reference", "-r", metavar="DATE", help="Date YYYY-MM-DD that relative dates count from."
        ),
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="One JSON object per line instead of a table.")
    ] = False,
) -> None:
    """Every number, amount, percentage, date, period and relative date in TEXT (like Duckling).

    Example: union-extract parse "hai mươi đoàn viên, 1,5 tỷ đồng, hôm qua" --reference 2017-03-09
    """
    from ..parse import parse

    if text == "-":
        text = sys.stdin.read()
    try:
        found = parse(text, dims=[d.strip() for d in dims.split(",") if d.strip()], reference=reference)
    except ValueError as error:
        raise typer.BadParameter(str(error)) from None
    if as_json:
        for p in found:
            print(json.dumps(p.as_dict(), ensure_ascii=False))
        return
    table = Table()
    for col in ("dim", "text", "value", "grain", "unit", "rule", "span"):
        table.add_column(col, overflow="fold")
    for p in found:
        table.add_row(p.dim, p.text, str(p.value), p.grain, p.unit or "", p.rule, f"{p.start}-{p.end}")
    Console().print(table)


@app.command(cls=Command)
def explain(
    text: Annotated[str, typer.Argument(help="Text to analyse; '-' reads standard input.")],
    published: Annotated[
        str | None,
        typer.Option(
            "--published",
            "-p",
            metavar="DATE",
            help="Publication date YYYY-MM-DD: resolves relative and named days.",
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the whole record as JSON.")] = False,
) -> None:
    """Print every mention found in TEXT with the rule that made it and its value, and each
    achievement with its organisation, time and target."""
    from .. import extract
    from ..errors import ArticleError

    if text == "-":
        text = sys.stdin.read()
    try:
        rec = extract(text, source="<explain>", published=published)
    except ArticleError as error:
        raise typer.BadParameter(str(error), param_hint="--published") from None
    if as_json:
        print(json.dumps(rec.model_dump(mode="json"), ensure_ascii=False, indent=1))
        return
    table = Table()
    for col in ("kind", "text", "rule", "value"):
        table.add_column(col, overflow="fold")
    for q in rec.quantities:
        table.add_row(q.kind, q.text, q.rule or "", f"{q.value} {q.unit or ''}".strip())
    for d in rec.dates:
        table.add_row("date", d.text, d.rule or "", d.value)
    for o in rec.ordinals:
        table.add_row("ordinal", o.text, o.rule or "", str(o.value))
    for e in rec.entities:
        table.add_row(e.type.lower(), e.text, e.rule or "", e.canonical)
    for a in rec.achievements:
        when = a.as_of or (f"{a.period.start}/{a.period.end}" if a.period else "")
        details = [fmt_value(a.model_dump()), a.organization or "", when]
        if a.target_percent is not None:
            details.append(f"{a.target_percent}% of plan")
        table.add_row(
            "achievement",
            a.figure.text if a.figure else a.evidence.text[:60],
            a.category,
            " · ".join(details),
        )
    Console().print(table)

"""`union-extract`: a thin command line over the library. Only this module prints."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from rich.text import Text

from .batch.run import Job, JobResult, run_batch
from .errors import ArticleError
from .io.published import published as read_published
from .output.models import ArticleRecord

app = typer.Typer(
    help="Extract union achievements from Vietnamese news articles into validated JSON.",
    no_args_is_help=True,
    add_completion=False,
)
err = Console(stderr=True)


class _Rate(ProgressColumn):
    """Articles per second, as the batch goes."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:.1f} articles/s" if speed else "", style="progress.data.speed")


@app.command()
def run(
    paths: Annotated[
        list[Path],
        typer.Argument(help="Article files or folders (walked recursively for .txt, .html, .htm, .jsonl)."),
    ],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder.")] = Path("out"),
    workers: Annotated[
        int, typer.Option("--workers", "-w", min=1, help="Processes to use (default: the number of cores).")
    ] = os.cpu_count() or 1,
    force: Annotated[bool, typer.Option("--force", help="Redo every input, changed or not.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and no summary.")] = False,
    published: Annotated[
        str | None,
        typer.Option(
            "--published",
            "-p",
            help="Publication date YYYY-MM-DD of inputs that give none (in their metadata or file name).",
        ),
    ] = None,
) -> None:
    """Process articles into OUT/<name>.json, OUT/records.jsonl, OUT/facts.jsonl and OUT/errors.jsonl.

    Inputs unchanged since the last run into OUT (same content, same pipeline version) are kept,
    not redone; an interrupted run is completed by running it again.
    """
    show_progress = err.is_terminal and not quiet
    progress: Any = None
    task: Any = None
    if show_progress:
        progress = Progress(
            TextColumn("[bold]extracting"),
            BarColumn(),
            MofNCompleteColumn(),
            _Rate(),
            TimeRemainingColumn(),
            console=err,
        )

    def on_start(total: int) -> None:
        nonlocal task
        if progress is not None:
            progress.start()  # only now: its thread must not exist when workers are forked
            task = progress.add_task("extract", total=total)

    def on_result(job: Job, result: JobResult | None) -> None:
        if progress is not None:
            progress.advance(task)
        for e in result.errors if result else []:
            (progress.console if progress is not None else err).print(
                f"[red]error[/red] {escape(e['file'])}: {escape(e['reason'])}", highlight=False
            )

    try:
        day = read_published(published, "--published")
    except ArticleError as error:
        raise typer.BadParameter(error.reason, param_hint="--published") from None
    try:
        summary = run_batch(
            paths, out, workers=workers, force=force, published=day, on_result=on_result, on_start=on_start
        )
    finally:
        if progress is not None:
            progress.stop()
    if not quiet:
        print(summary.line(out))
    raise typer.Exit(1 if summary.errors else 0)


def _records(path: Path) -> list[dict[str, Any]]:
    if path.is_dir():
        files = sorted(p for p in path.rglob("*.json"))
        return [json.loads(p.read_text(encoding="utf-8")) for p in files]
    if path.suffix == ".jsonl":
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [json.loads(path.read_text(encoding="utf-8"))]


def _fmt_value(a: dict[str, Any]) -> str:
    v = a.get("value")
    if v is None:
        return "—"
    s = f"{v:,.0f}".replace(",", ".") if float(v).is_integer() else f"{v}".replace(".", ",")
    mark = {"approximately": "~", "more_than": ">", "at_least": "≥", "less_than": "<", "at_most": "≤"}.get(
        a.get("qualifier", "exact"), ""
    )
    return f"{mark}{s} {a.get('unit') or ''}".strip()


@app.command()
def inspect(
    path: Annotated[Path, typer.Argument(help="A record .json, a records.jsonl or an output folder.")],
) -> None:
    """Show the achievements of records as a table."""
    try:
        records = _records(path)
    except (OSError, json.JSONDecodeError) as exc:
        err.print(f"[red]error[/red] {path}: cannot read records ({exc})")
        raise typer.Exit(1) from None
    console = Console()
    for rec in records:
        org = (rec.get("organization") or {}).get("name") or "—"
        table = Table(
            title=f"{rec['source']['path']} — {rec.get('title') or ''}\norganization: {org}",
            title_justify="left",
        )
        for col in ("category", "value", "target %", "as of", "organization", "evidence"):
            table.add_column(col, overflow="fold")
        for a in rec.get("achievements", []):
            ev = a["evidence"]["text"]
            table.add_row(
                a["category"],
                _fmt_value(a),
                "" if a.get("target_percent") is None else f"{a['target_percent']}%",
                a.get("as_of") or "",
                a.get("organization") or "",
                ev if len(ev) <= 90 else ev[:87] + "...",
            )
        console.print(table)


@app.command()
def schema() -> None:
    """Print the JSON Schema of an article record."""
    print(json.dumps(ArticleRecord.model_json_schema(), ensure_ascii=False, indent=2))


@app.command("parse")
def parse_command(
    text: Annotated[str, typer.Argument(help="A short text (a table cell, a form field); '-' reads stdin.")],
    dims: Annotated[
        str,
        typer.Option("--dims", "-d", help="Comma-separated: number,money,percent,date,period,relative."),
    ] = "number,money,percent,date,period,relative",
    reference: Annotated[
        str | None, typer.Option("--reference", "-r", help="Date YYYY-MM-DD that relative dates count from.")
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="One JSON object per line instead of a table.")
    ] = False,
) -> None:
    """Every number, amount, percentage, date, period and relative date in TEXT (like Duckling).

    Example: union-extract parse "hai mươi đoàn viên, 1,5 tỷ đồng, hôm qua" --reference 2017-03-09
    """
    from .parse import parse

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


@app.command()
def explain(
    text: Annotated[str, typer.Argument(help="Text to analyse; '-' reads standard input.")],
    published: Annotated[
        str | None,
        typer.Option(
            "--published", "-p", help="Publication date YYYY-MM-DD: resolves relative and named days."
        ),
    ] = None,
) -> None:
    """Print every mention found in TEXT with the rule that made it and its value."""
    from . import extract
    from .errors import ArticleError

    if text == "-":
        text = sys.stdin.read()
    try:
        rec = extract(text, source="<explain>", published=published)
    except ArticleError as error:
        raise typer.BadParameter(str(error), param_hint="--published") from None
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
        table.add_row("achievement", a.evidence.text[:60], a.category, _fmt_value(a.model_dump()))
    Console().print(table)


def main() -> None:
    app()

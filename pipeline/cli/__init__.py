"""`union-extract`: a thin command line over the library. Only this module prints."""

from __future__ import annotations

import os
import signal
import sys
import tempfile
import traceback
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
from rich.text import Text

from ..batch.files import BatchLocked, LinkedOut
from ..batch.run import Job, JobResult, run_batch
from ..errors import ArticleError
from ..io.published import published as read_published
from ..io.sources import Keys
from .help import Command, Group

app = typer.Typer(
    cls=Group,
    help="Extract union achievements from Vietnamese news articles into validated JSON.",
    no_args_is_help=True,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog="Examples: union-extract run articles/ --out out; union-extract table out --to out/a.xlsx; "
    "union-extract report out --html out/report",
)
err = Console(stderr=True, soft_wrap=True)  # an error is one line, however long


def usable_cpus() -> int:
    """The CPUs this process may run on (affinity and container limits), not the machine's."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _version(value: bool) -> None:
    if value:
        from .. import __version__
        from ..core.version import pipeline_version

        print(f"union-extract {__version__} (pipeline {pipeline_version()})")
        raise typer.Exit()


@app.callback()
def _options(
    version: Annotated[
        bool,
        typer.Option("--version", "-V", callback=_version, is_eager=True, help="Print the version and exit."),
    ] = False,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Show the libraries' own log lines (quiet otherwise).")
    ] = False,
) -> None:
    """Extract union achievements from Vietnamese news articles into validated JSON."""
    import logging

    logging.basicConfig(level=logging.INFO if verbose else logging.ERROR)
    if not verbose:
        for name in ("trafilatura", "htmldate", "courlan", "charset_normalizer"):
            logging.getLogger(name).setLevel(logging.CRITICAL)


class _Rate(ProgressColumn):
    """Articles per second, as the batch goes."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:.1f} articles/s" if speed else "", style="progress.data.speed")


@app.command(cls=Command)
def run(
    paths: Annotated[
        list[Path],
        typer.Argument(
            metavar="PATH...",
            help="Article files or folders (walked recursively for .txt, .html, .htm, .jsonl).",
        ),
    ],
    out: Annotated[Path, typer.Option("--out", "-o", metavar="DIR", help="Output folder.")] = Path("out"),
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            "-w",
            min=1,
            metavar="N",
            help="Processes to use (default: the CPUs this process may use).",
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Redo every input, changed or not.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and no summary.")] = False,
    text_key: Annotated[
        str, typer.Option("--text-key", metavar="KEY", help="JSON Lines field holding the text.")
    ] = "text",
    id_key: Annotated[
        str, typer.Option("--id-key", metavar="KEY", help="JSON Lines field holding the id.")
    ] = "id",
    date_key: Annotated[
        str, typer.Option("--date-key", metavar="KEY", help="JSON Lines field holding the publication date.")
    ] = "published",
    executor: Annotated[
        str,
        typer.Option(
            "--executor",
            metavar="local|dask",
            help="local (a pool of processes) or dask (a Dask cluster; the [dask] extra).",
        ),
    ] = "local",
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler",
            metavar="ADDRESS",
            help="A running Dask scheduler's address (default: a local cluster).",
        ),
    ] = None,
    published: Annotated[
        str | None,
        typer.Option(
            "--published",
            "-p",
            metavar="DATE",
            help="Publication date YYYY-MM-DD of inputs that give none (in their metadata or file name).",
        ),
    ] = None,
) -> None:
    """Process articles into OUT/<name>.json, OUT/records.jsonl, OUT/facts.jsonl and OUT/errors.jsonl.

    Inputs unchanged since the last run into OUT (same content, same pipeline version) are kept,
    not redone; an interrupted run is completed by running it again.

    Examples:

      union-extract run articles/ --out out

      union-extract run dump.jsonl --text-key body --published 2018-05-01 -w 2
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

    done = [0, 0]  # inputs finished, inputs in all: what an interruption reports
    stopped_by_term = [False]

    def on_term(signum: int, frame: object) -> None:
        stopped_by_term[0] = True
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, on_term)

    def on_start(total: int) -> None:
        nonlocal task
        done[1] = total
        if progress is not None:
            progress.start()  # only now: its thread must not exist when workers are forked
            task = progress.add_task("extract", total=total)

    def on_error(e: dict[str, str]) -> None:
        (progress.console if progress is not None else err).print(
            f"[red]error[/red] {escape(e['file'])}: {escape(e['reason'])}", highlight=False
        )

    def on_result(job: Job, result: JobResult | None) -> None:
        done[0] += 1
        if progress is not None:
            progress.advance(task)
        for e in result.errors if result else []:
            on_error(e)

    try:
        day = read_published(published, "--published")
    except ArticleError as error:
        raise typer.BadParameter(error.reason, param_hint="--published") from None
    for path in paths:
        if not path.exists() and not path.is_symlink():
            err.print(f"[red]error[/red] {escape(repr(str(path)))}: no such file or folder")
            raise typer.Exit(2)
    if out.exists() and not out.is_dir():
        err.print(f"[red]error[/red] --out {escape(repr(str(out)))}: is a file, not a folder")
        raise typer.Exit(2)
    if executor not in ("local", "dask"):
        raise typer.BadParameter("choose local or dask", param_hint="--executor")
    try:
        summary = run_batch(
            paths,
            out,
            workers=workers or usable_cpus(),
            force=force,
            published=day,
            executor=executor,
            scheduler=scheduler,
            keys=Keys(text_key, id_key, date_key),
            on_result=on_result,
            on_start=on_start,
            on_error=on_error,
        )
    except (BatchLocked, LinkedOut) as error:
        err.print(f"[red]error[/red] {escape(str(error))}")
        raise typer.Exit(2) from None
    except KeyboardInterrupt:
        if progress is not None:
            progress.stop()
        err.print(f"interrupted: {done[0]} of {done[1]} done; run again to finish")
        raise typer.Exit(143 if stopped_by_term[0] else 130) from None
    except PermissionError as error:
        reason = error.strerror or str(error)
        err.print(f"[red]error[/red] cannot write into {escape(str(out))}: {escape(reason)}")
        raise typer.Exit(2) from None
    except (RuntimeError, OSError) as error:
        if executor != "dask":
            raise
        # the dask extra missing, or its scheduler unreachable: the user's to fix, not a crash
        err.print(f"[red]error[/red] {escape(str(error))}")
        raise typer.Exit(2) from None
    finally:
        if progress is not None:
            progress.stop()
    if not quiet:
        print(summary.line(out))
    raise typer.Exit(1 if summary.errors else 0)


from . import texts, views  # noqa: E402, F401  (their commands register on `app`)


def main() -> None:
    """The `union-extract` entry point: a bug ends in one line and exit status 3, never in a
    traceback over the user's screen; the traceback goes to a file the line names."""
    try:
        app()
    except KeyboardInterrupt:  # before a command had set up its own handling
        sys.exit(130)
    except Exception as exc:  # anything else is ours to fix
        with tempfile.NamedTemporaryFile(
            "w", prefix="union-extract-", suffix=".traceback.txt", delete=False, encoding="utf-8"
        ) as f:
            traceback.print_exception(exc, file=f)
        print(
            f"union-extract: internal error: {type(exc).__name__}: {exc}\n"
            f"This is a bug, not your input's fault; the details are in {f.name}",
            file=sys.stderr,
        )
        sys.exit(3)

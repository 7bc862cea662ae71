"""Help that shows what to type.

Typer (0.2x) fills its help with Python types as placeholders (`<bool>` beside a flag,
`<list[Path]>`, `{PATH...}...` in the usage line) and renders `[dask]` in a help text as rich
markup, so the text vanishes. Every command of ours is built with `Command`, which shows the
metavar we chose (`PATH...`, `DIR`, `N`, `DATE`), nothing beside a flag, and the help text with
its paragraphs joined the way the terminal wraps them. It sets attributes on the parameters
(metavar, and the two methods Typer's help calls on them) rather than subclassing them: Typer
0.29 builds its parameters from its own copy of click, older ones from click itself, and the
attributes are the same in both. tests/test_cli_conventions.py checks every command's help.
"""

from __future__ import annotations

import inspect
from typing import Annotated, Any

import typer
from rich.markup import escape
from typer.core import TyperCommand, TyperGroup

# -q on the commands that print a status line beside what they write ("12 rows -> a.xlsx").
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="No status line (errors still go to stderr).")]


def _paragraphs(text: str) -> str:
    """Single line breaks inside a paragraph are the source's, not the reader's; lines starting
    with two spaces (examples) keep theirs."""
    out = []
    for block in inspect.cleandoc(text).split("\n\n"):
        lines = block.splitlines()
        if any(line.startswith("  ") for line in lines):
            out.append("\n".join(lines))
        else:
            out.append(" ".join(line.strip() for line in lines))
    return escape("\n\n".join(out))


def _placeholder(param: Any) -> str:
    return param.metavar or (param.name or "value").upper()


def _tidy_param(param: Any) -> None:
    if getattr(param, "_tidied", False):
        return
    param._tidied = True
    if getattr(param, "help", None):
        param.help = escape(str(param.help))
    # Typer 0.2x's parameters are its own click.Parameter subclasses: ask the kind, not the class
    if param.param_type_name == "argument":
        shown = _placeholder(param)
        if param.nargs != 1 and not shown.endswith("..."):
            shown += "..."
        usage = shown if param.required else f"[{shown}]"
        # instance attributes: read by Typer's help, absent from click's (harmless there)
        param.get_usage_pieces = lambda ctx, usage=usage: [usage]
        param.display_type_rich = lambda ctx: None
        param.metavar = shown
    elif param.param_type_name == "option":
        shown = "" if getattr(param, "is_flag", False) else _placeholder(param)
        param.display_type_rich = lambda ctx, shown=shown: shown
        param.metavar = shown or None


def _tidy(command: Any) -> None:
    if command.help:
        command.help = _paragraphs(command.help)
    if command.epilog:
        command.epilog = _paragraphs(command.epilog)


class _Tidied:
    """Tidies the help of the click command it is mixed into (see the module's docstring)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _tidy(self)

    def get_params(self, ctx: Any) -> Any:
        params = super().get_params(ctx)  # type: ignore[misc]
        for param in params:  # --help is made here, not in __init__
            _tidy_param(param)
        return params


class Command(_Tidied, TyperCommand):
    """Every `union-extract` subcommand."""


class Group(_Tidied, TyperGroup):
    """The top-level `union-extract`."""

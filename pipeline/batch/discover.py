"""Which files a batch reads: the inputs' files (folders walked recursively, sorted), each once,
never anything under the output folder, with the other files of a folder counted by suffix."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import ArticleError
from ..io import load, sources
from ..output.models import ErrorResult
from .job import Job


def discover(
    inputs: Iterable[Path],
    published: dt.date | None = None,
    out: Path | None = None,
    skipped: dict[str, int] | None = None,
) -> tuple[list[Job], list[ErrorResult]]:
    """Input files under the inputs (folders recursively, sorted) and the inputs that gave none.

    Each file once, however many inputs name it; nothing under the output folder `out` (a run in
    the articles' own folder must not read its records back as articles). In a folder, a link to
    a file outside that folder is refused by name (a link to /etc/passwd must not become a
    record), and a link to a folder is named, not followed (a link loop cannot trap the walk);
    an input named on the command line is read wherever it points: the user chose it."""
    jobs: list[Job] = []
    errors: list[ErrorResult] = []
    used: set[str] = set()
    seen: set[Path] = set()
    skipped = {} if skipped is None else skipped
    skip = out.resolve() if out is not None else None
    for root in inputs:
        if not root.exists():
            kind = "a broken link" if root.is_symlink() else "no such file or folder"
            errors.append(ErrorResult(file=load.shown(root), reason=kind))
            continue
        if not root.is_dir():
            found = [(root, root.stem)]  # a FIFO or device named here is refused when read
        else:
            unreadable: list[ErrorResult] = []
            files = [p for p in sorted(_walk(root, unreadable)) if not (skip is not None and _under(p, skip))]
            files = [p for p in files if not _outside(p, root.resolve(), unreadable)]
            errors.extend(unreadable)
            found = [
                (p, p.relative_to(root).with_suffix("").as_posix()) for p in files if sources.format_of(p)
            ]
            for p in files:
                # JSON files are records and gold files beside articles, not articles to convert
                if not sources.format_of(p) and not p.name.startswith(".") and p.suffix.lower() != ".json":
                    suffix = p.suffix.lower() or "(no suffix)"
                    skipped[suffix] = skipped.get(suffix, 0) + 1
            if not found and not unreadable:
                suffixes = ", ".join(sorted(sources.FORMATS))
                reason = f"folder holds no articles ({suffixes})"
                errors.append(ErrorResult(file=load.shown(root), reason=reason))
        for path, name in found:
            identity = path.resolve()
            if identity in seen:
                continue
            seen.add(identity)
            name = sources.safe_name(name)
            if name in used:  # the same name twice ("a.txt" and "a.html", or under two inputs)
                name = sources.safe_name(f"{root.name}/{name}{path.suffix}")
            while name in used:
                name += "_"
            used.add(name)
            jobs.extend(_jobs_of(path, name, published))
    return jobs, errors


# Lines of a JSON Lines file one job reads: a worker holds at most this many records at once (a
# 40,000-line dump held 778 MB until it ended), and the batch's writer gets them as they come.
JSONL_STRETCH = 200


def _jobs_of(path: Path, name: str, published: dt.date | None) -> list[Job]:
    """One job for a file; for a JSON Lines file longer than a stretch, one per stretch of lines
    (a file that cannot be read is one job, refused when read)."""
    if sources.format_of(path) != "jsonl" or not path.is_file():
        return [Job(path, name, published)]
    try:
        stretches = sources.line_stretches(path, JSONL_STRETCH)
    except ArticleError:
        return [Job(path, name, published)]
    sha = stretches.sha256
    if len(stretches.lines) == 1:
        return [Job(path, name, published, sha256=sha)]
    return [
        Job(path, name, published, lines=(first, end), offset=offset, sha256=sha)
        for first, end, offset in stretches.lines
    ]


def _under(path: Path, folder: Path) -> bool:
    return path.resolve().is_relative_to(folder)


def _outside(path: Path, root: Path, errors: list[ErrorResult]) -> bool:
    """A link in the input folder to a file outside it, named in `errors`."""
    if not path.is_symlink() or _under(path, root):
        return False
    target = load.shown(Path(os.path.realpath(path)))
    errors.append(
        ErrorResult(file=load.shown(path), reason=f"a link to {target}, outside the input folder: not read")
    )
    return True


def _walk(root: Path, unreadable: list[ErrorResult]) -> Iterator[Path]:
    # os.walk does not follow symbolic links to folders, so a link loop cannot trap it. A folder
    # it cannot list is named in the errors, never skipped in silence.
    def named(error: OSError) -> None:
        reason = f"cannot read this folder: {error.strerror or error}"
        unreadable.append(ErrorResult(file=load.shown(error.filename or root), reason=reason))

    for folder, dirs, files in os.walk(root, onerror=named):
        dirs.sort()
        for d in dirs:
            if (Path(folder) / d).is_symlink():
                reason = "a link to a folder: not followed (give the folder itself as an input)"
                unreadable.append(ErrorResult(file=load.shown(Path(folder) / d), reason=reason))
        for f in files:
            yield Path(folder) / f

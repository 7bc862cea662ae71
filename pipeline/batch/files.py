"""How a batch writes: whole files only (a temporary name, fsync, rename), readable by colleagues
(0644 under the usual umask), into --out alone, under a lock so that two runs never write one
folder at once, and never touching a file it did not make."""

from __future__ import annotations

import contextlib
import fcntl
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

# The temporary files a batch makes: ".<name>.<random>.tmp" for its own outputs only.
OWN_SUFFIXES = (".json", ".jsonl")
LOCK = ".lock"


class BatchLocked(RuntimeError):
    """Another run is writing into the same output folder."""


class LinkedOut(OSError):
    """A link inside --out where the batch would write: it writes inside --out only, never
    through a link to somewhere else."""


def no_links(root: Path, path: Path) -> None:
    """Raise `LinkedOut` if `path`, or a folder between `root` and it, is a symbolic link."""
    at = root
    for part in path.relative_to(root).parts:
        at = at / part
        if at.is_symlink():
            raise LinkedOut(f"{at} is a link; the batch writes inside its output folder only: remove it")


def _mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


@contextlib.contextmanager
def writing(path: Path, root: Path | None = None) -> Iterator[Path]:
    """A temporary path beside `path`; when the block ends it is synced and renamed to `path`,
    or removed if the block failed. With `root`, no folder between it and `path` may be a link
    (the rename replaces a link at `path` itself, never writes through it)."""
    if root is not None:
        no_links(root, path.parent)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        with tmp.open("rb") as f:
            os.fsync(f.fileno())
        os.chmod(tmp, _mode())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def write_atomic(path: Path, data: str, root: Path | None = None) -> None:
    with writing(path, root) as tmp:
        tmp.write_text(data, encoding="utf-8")


def stale_temporaries(out: Path) -> Iterator[Path]:
    """Temporary files a killed run of ours left: only ".<output>.<random>.tmp" of our outputs,
    never another program's (a user's ".thesis.tmp" stays)."""
    for path in out.rglob(".*.tmp"):
        stem = path.name[1:].rsplit(".", 2)[0]
        if stem.endswith(OWN_SUFFIXES) and path.is_file() and not path.is_symlink():
            yield path


@contextlib.contextmanager
def locked(out: Path) -> Iterator[None]:
    """Hold OUT/.lock for the run; a second run into OUT fails at once, naming the first."""
    out.mkdir(parents=True, exist_ok=True)
    lock = out / LOCK
    no_links(out, lock)
    handle = lock.open("a+")
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            raise BatchLocked(
                f"{out}: another run is writing into this folder ({holder}); wait for it"
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()}")
        handle.flush()
        yield
    finally:
        handle.close()

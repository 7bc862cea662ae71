"""One input of a batch: its file (or a stretch of a JSON Lines file's lines), its output name, and
what the run says of its documents."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from ..io import load, sources


@dataclass(frozen=True)
class Job:
    path: Path  # the input file
    name: str  # its output name, relative to the output folder, without suffix
    published: dt.date | None = None  # the run's publication date, for documents that give none
    keys: sources.Keys = field(default_factory=sources.Keys)  # JSON Lines fields of text, id, date
    # A JSON Lines file is cut into stretches of lines, one job each (first, last + 1), so that no
    # worker holds a whole dump's records at once; None: the whole file.
    lines: tuple[int, int] | None = None
    offset: int = 0  # where line `lines[0]` starts in the file, in bytes
    sha256: str | None = None  # the file's content hash, when discovery read it whole already

    @property
    def key(self) -> str:
        """The input as the manifest, the summary and the errors name it: "dump.jsonl:1-500"."""
        shown = load.shown(self.path)
        return f"{shown}:{self.lines[0]}-{self.lines[1] - 1}" if self.lines else shown

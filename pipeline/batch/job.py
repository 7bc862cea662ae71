"""One input of a batch: its file, its output name, and what the run says of its documents."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from ..io import sources


@dataclass(frozen=True)
class Job:
    path: Path  # the input file
    name: str  # its output name, relative to the output folder, without suffix
    published: dt.date | None = None  # the run's publication date, for documents that give none
    keys: sources.Keys = field(default_factory=sources.Keys)  # JSON Lines fields of text, id, date

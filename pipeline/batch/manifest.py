"""The output folder's memory: which input, with which content, made which outputs, by which
version of the pipeline.

`OUT/.manifest.jsonl` gets one line per input as soon as that input's outputs are on disk
(append and flush: a `kill -9` loses at most the line being written, and a torn last line is
ignored on reading). A rerun skips an input whose content hash and pipeline version match and
whose outputs are all there with the content hashes written beside them (a truncated, edited or
corrupted output is redone, not copied into records.jsonl); it redoes the rest. At the end of a
run the file is rewritten compactly, atomically.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import IO, Any

NAME = ".manifest.jsonl"


@dataclass
class Entry:
    input: str
    sha256: str
    version: str
    outputs: list[str] = field(default_factory=list)  # output names, relative, without ".json"
    output_sha256: list[str] = field(default_factory=list)  # of each output file, as written
    achievements: int = 0
    errors: list[dict[str, str]] = field(default_factory=list)


def load(out: Path) -> dict[str, Entry]:
    path = out / NAME
    entries: dict[str, Entry] = {}
    if not path.exists():
        return entries
    with path.open(encoding="utf-8", errors="replace") as f:
        for line in f:
            try:
                data: Any = json.loads(line)
                entry = Entry(**data)
            except (json.JSONDecodeError, TypeError):
                continue  # a line torn by a kill: that input is simply redone
            entries[entry.input] = entry
    return entries


class Writer:
    """Appends entries as inputs finish."""

    def __init__(self, out: Path) -> None:
        from .files import no_links

        no_links(out, out / NAME)  # appending would follow a link to its target
        self._f: IO[str] = (out / NAME).open("a", encoding="utf-8")

    def add(self, entry: Entry) -> None:
        self._f.write(json.dumps(asdict(entry), ensure_ascii=False) + "\n")
        self._f.flush()

    def close(self) -> None:
        self._f.close()


def rewrite(out: Path, entries: dict[str, Entry]) -> None:
    from .files import writing

    with writing(out / NAME) as tmp, tmp.open("w", encoding="utf-8") as f:
        for entry in entries.values():
            f.write(json.dumps(asdict(entry), ensure_ascii=False) + "\n")

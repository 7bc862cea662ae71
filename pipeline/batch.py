"""Batch processing: walk inputs, extract each article, write results atomically.

Per article `OUT/<relative path>.json`; for the batch `OUT/records.jsonl` and `OUT/errors.jsonl`
(one {"file", "reason"} per failure). Every file is written to a temporary name and renamed, so
an interrupted run never leaves half a JSON file behind. Records stream: nothing holds the
whole batch in memory.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .api import extract_paths
from .models import ArticleRecord, ErrorResult

ARTICLE_SUFFIXES = (".txt",)


@dataclass
class Job:
    path: Path  # the article file
    out_name: str  # relative output name, without suffix, always inside the output folder


@dataclass
class Summary:
    articles: int = 0
    achievements: int = 0
    errors: int = 0
    seconds: float = 0.0

    def line(self, out: Path) -> str:
        return (
            f"{self.articles} articles, {self.achievements} achievements, {self.errors} errors "
            f"in {self.seconds:.1f} s -> {out}"
        )


def discover(inputs: Iterable[Path]) -> tuple[list[Job], list[ErrorResult]]:
    """Article files under the inputs (folders recursively, in sorted order) and the inputs that gave none."""
    jobs: list[Job] = []
    errors: list[ErrorResult] = []
    used: set[str] = set()
    for root in inputs:
        if not root.exists():
            errors.append(ErrorResult(file=str(root), reason="no such file or folder"))
            continue
        if root.is_file():
            found = [(root, root.stem)]
        else:
            found = [
                (p, p.relative_to(root).with_suffix("").as_posix())
                for p in sorted(_walk(root))
                if p.suffix.lower() in ARTICLE_SUFFIXES
            ]
            if not found:
                errors.append(ErrorResult(file=str(root), reason="folder holds no .txt articles"))
        for path, name in found:
            if name in used:  # the same relative name under two inputs: keep both
                name = f"{root.name}/{name}"
            used.add(name)
            jobs.append(Job(path, name))
    return jobs, errors


def _walk(root: Path) -> Iterator[Path]:
    # os.walk does not follow symbolic links to folders, so a link loop cannot trap it.
    for folder, dirs, files in os.walk(root):
        dirs.sort()
        for f in files:
            yield Path(folder) / f


def write_atomic(path: Path, data: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def record_json(record: ArticleRecord) -> str:
    return json.dumps(record.model_dump(mode="json"), ensure_ascii=False)


def run_batch(
    inputs: Iterable[Path],
    out: Path,
    on_result: Callable[[Job, ArticleRecord | ErrorResult], None] | None = None,
    on_start: Callable[[int], None] | None = None,
) -> Summary:
    started = time.perf_counter()
    out.mkdir(parents=True, exist_ok=True)
    jobs, errors = discover(list(inputs))
    if on_start:
        on_start(len(jobs))
    summary = Summary(errors=len(errors))
    records_tmp = out / ".records.jsonl.tmp"
    errors_tmp = out / ".errors.jsonl.tmp"
    with records_tmp.open("w", encoding="utf-8") as rec_f, errors_tmp.open("w", encoding="utf-8") as err_f:
        for e in errors:
            err_f.write(e.model_dump_json() + "\n")
        for job, result in zip(jobs, extract_paths(j.path for j in jobs), strict=True):
            if isinstance(result, ErrorResult):
                summary.errors += 1
                err_f.write(json.dumps(result.model_dump(), ensure_ascii=False) + "\n")
            else:
                line = record_json(result)
                write_atomic(out / f"{job.out_name}.json", line + "\n")
                rec_f.write(line + "\n")
                summary.articles += 1
                summary.achievements += len(result.achievements)
            if on_result:
                on_result(job, result)
    os.replace(records_tmp, out / "records.jsonl")
    os.replace(errors_tmp, out / "errors.jsonl")
    summary.seconds = time.perf_counter() - started
    return summary

"""Batch processing: find inputs, extract what changed, write results so that nothing is lost.

Per article `OUT/<name>.json`; for the batch `OUT/records.jsonl` and `OUT/errors.jsonl` (one
{"file", "reason"} per failure), both in input order. The work for an input (read, extract,
serialise) runs wherever `executor.ordered_map` puts it; this process alone writes. Every file
is written to a temporary name and renamed, and the manifest records an input only once its
outputs are on disk, so a run killed at any moment leaves whole files, and the next run redoes
exactly what is missing. `records.jsonl` is assembled last, by streaming the per-article files
in input order: its bytes do not depend on the number of workers or on interruptions.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import api
from ..core import version as versions
from ..core.hashing import sha256, sha256_stream
from ..errors import ArticleError
from ..io import load, sources
from ..output.models import ArticleRecord, ErrorResult
from . import facts, manifest
from .discover import discover
from .executor import Executor
from .files import LinkedOut, locked, stale_temporaries, write_atomic, writing
from .job import Job


@dataclass
class JobResult:
    """What one input gave: (output name, record JSON, achievements) per article, and errors."""

    outputs: list[tuple[str, str, int]] = field(default_factory=list)
    errors: list[dict[str, str]] = field(default_factory=list)


@dataclass
class Summary:
    articles: int = 0
    achievements: int = 0
    errors: int = 0
    unchanged: int = 0
    seconds: float = 0.0
    skipped: dict[str, int] = field(default_factory=dict)  # files not read, by suffix

    def line(self, out: Path) -> str:
        kept = f" ({_count(self.unchanged, 'input')} unchanged)" if self.unchanged else ""
        line = (
            f"{_count(self.articles, 'article')}{kept}, {_count(self.achievements, 'achievement')}, "
            f"{_count(self.errors, 'error')} in {self.seconds:.1f} s -> {out}"
        )
        if self.skipped:
            kinds = ", ".join(f"{n} {suffix}" for suffix, n in sorted(self.skipped.items()))
            n = sum(self.skipped.values())
            line += f"\n{n} skipped: {kinds} (not articles; save them as .txt to read them)"
        return line


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def record_json(record: ArticleRecord) -> str:
    return json.dumps(record.model_dump(mode="json"), ensure_ascii=False)


def process(job: Job) -> JobResult:
    """Everything one input needs, in whichever process runs it; never raises."""
    result = JobResult()
    try:
        for doc in sources.documents(job.path, job.name, job.keys, job.lines, job.offset):
            if isinstance(doc, ErrorResult):
                result.errors.append(doc.model_dump())
                continue
            if doc.published is None and job.published is not None:
                doc = dataclasses.replace(doc, published=job.published)
            outcome = api.safely(doc)
            if isinstance(outcome, ErrorResult):
                result.errors.append(outcome.model_dump())
            else:
                result.outputs.append((doc.name, record_json(outcome), len(outcome.achievements)))
    except Exception as exc:  # a bug must not stop the batch
        result.errors.append({"file": job.key, "reason": f"internal error: {type(exc).__name__}: {exc}"})
    return result


def _hash(path: Path) -> str:
    """The content hash of a regular file, read no further than the size limit (a JSON Lines
    dump has none: a change past it must redo the file)."""
    load.regular(path)
    limit = None if sources.format_of(path) == "jsonl" else load.MAX_BYTES + 1
    with load.reading(load.shown(path)), path.open("rb") as f:
        return sha256_stream(f, limit=limit)


def run_batch(
    inputs: Iterable[Path],
    out: Path,
    *,
    workers: int = 1,
    force: bool = False,
    published: dt.date | None = None,
    executor: str = "local",
    scheduler: str | None = None,
    keys: sources.Keys | None = None,
    on_result: Callable[[Job, JobResult | None], None] | None = None,
    on_start: Callable[[int], None] | None = None,
    on_error: Callable[[dict[str, str]], None] | None = None,
) -> Summary:
    """Process the inputs into `out`; only inputs that changed since the last run unless `force`.

    The folder is locked for the run (`files.BatchLocked` if another run holds it); when it ends
    the folder holds this run's inputs' outputs only: those of inputs no longer given are removed.

    `published` is the publication date of documents that give none of their own (metadata or a
    date in the file name); a run with another one redoes them."""
    with locked(out):
        started = time.perf_counter()
        for stale in list(stale_temporaries(out)):  # left by a run of ours that was killed while writing
            stale.unlink(missing_ok=True)
        summary = Summary()
        jobs, discovery_errors = discover(list(inputs), published, out, summary.skipped)
        if keys is not None:
            jobs = [dataclasses.replace(job, keys=keys) for job in jobs]
        version = versions.pipeline_version() + (f"+published={published.isoformat()}" if published else "")
        version += (
            f"+keys={keys.text},{keys.id},{keys.date}" if keys is not None and keys != sources.Keys() else ""
        )
        known = {} if force else manifest.load(out)
        entries: dict[str, manifest.Entry] = {}  # this run's inputs, in order
        unreadable: dict[str, dict[str, str]] = {}
        todo: list[tuple[Job, str]] = []
        file_hashes: dict[Path, str | ArticleError] = {}  # the stretches of one JSON Lines file share it
        for job in jobs:
            key = job.key
            if job.path not in file_hashes:
                try:
                    file_hashes[job.path] = job.sha256 or _hash(job.path)  # a dump is read once for both
                except ArticleError as exc:
                    file_hashes[job.path] = exc
            sha = file_hashes[job.path]
            if isinstance(sha, ArticleError):
                if job.lines is None or job.lines[0] == 1:  # one error for the file, not per stretch
                    unreadable[key] = {"file": sha.file, "reason": sha.reason}
                continue
            old = known.get(key)
            if old and old.sha256 == sha and old.version == version and _outputs_intact(out, old):
                entries[key] = old
                summary.unchanged += 1
            else:
                todo.append((job, sha))

        # The workers start before the caller's progress bar (and its thread) does: see executor.
        pool: Any
        if executor == "dask" and todo:
            from .dask_executor import DaskExecutor

            pool = DaskExecutor(workers, scheduler)
        else:
            pool = Executor(min(workers, len(todo)))
        if on_error:  # what is refused before any work: folders, links, pipes, unreadable files
            for refused in [*(e.model_dump() for e in discovery_errors), *unreadable.values()]:
                on_error(refused)
        if on_start:
            on_start(len(jobs))
            if on_result:
                for job in jobs:
                    if job.key in entries:
                        on_result(job, None)
        writer = manifest.Writer(out)
        try:
            results = pool.map(process, (job for job, _ in todo), lost=_worker_died)
            taken = {name.casefold() for entry in entries.values() for name in entry.outputs}
            for (job, sha), result in zip(todo, results, strict=True):
                result.outputs = [(_unique(name, taken), line, n) for name, line, n in result.outputs]
                hashes, written = [], []
                for name, line, n in result.outputs:
                    try:
                        write_atomic(out / f"{name}.json", line + "\n", root=out)
                    except LinkedOut as refused:
                        result.errors.append({"file": job.key, "reason": str(refused)})
                        continue
                    hashes.append(sha256(line + "\n"))
                    written.append((name, line, n))
                result.outputs = written
                entry = manifest.Entry(
                    input=job.key,
                    sha256=sha,
                    version=version,
                    outputs=[name for name, _, _ in result.outputs],
                    output_sha256=hashes,
                    achievements=sum(n for _, _, n in result.outputs),
                    errors=result.errors,
                )
                writer.add(entry)
                entries[entry.input] = entry
                if on_result:
                    on_result(job, result)
        finally:
            writer.close()
            pool.close()

        _assemble(out, jobs, entries, unreadable, discovery_errors, summary)
        facts.write(out)
        _remove_stale(out, known, entries)
        manifest.rewrite(out, entries)
        summary.seconds = time.perf_counter() - started
        return summary


def _worker_died(job: Job) -> JobResult:
    reason = "the process working on it died (killed by the system, often for lack of memory)"
    return JobResult(errors=[{"file": job.key, "reason": reason}])  # "dump.jsonl:1-500": the stretch


def _unique(name: str, taken: set[str]) -> str:
    """`name`, or `name-2`, `name-3` ... when another input of the run writes `name` already
    ("x.jsonl" with id "a" and "x/a.txt"): no record overwrites another."""
    unique, n = name, 1
    while unique.casefold() in taken:
        n += 1
        unique = f"{name}-{n}"
    taken.add(unique.casefold())
    return unique


def _remove_stale(out: Path, known: dict[str, manifest.Entry], entries: dict[str, manifest.Entry]) -> None:
    """The per-article files of inputs this run was not given: the folder mirrors this run."""
    kept = {name for entry in entries.values() for name in entry.outputs}
    for key, entry in known.items():
        if key in entries:
            continue
        for name in entry.outputs:
            if name not in kept:
                (out / f"{name}.json").unlink(missing_ok=True)


def _outputs_intact(out: Path, entry: manifest.Entry) -> bool:
    """Every output of `entry` on disk with the content it was written with (a manifest from before
    output hashes has none: its inputs are redone once)."""
    if len(entry.output_sha256) != len(entry.outputs):
        return False
    for name, expected in zip(entry.outputs, entry.output_sha256, strict=True):
        path = out / f"{name}.json"
        try:
            if not path.is_file() or path.is_symlink() or sha256(path.read_bytes()) != expected:
                return False
        except OSError:
            return False
    return True


def _assemble(
    out: Path,
    jobs: list[Job],
    entries: dict[str, manifest.Entry],
    unreadable: dict[str, dict[str, str]],
    discovery_errors: list[ErrorResult],
    summary: Summary,
) -> None:
    """records.jsonl and errors.jsonl in input order, streamed from the per-article files."""
    with (
        writing(out / "records.jsonl") as records_tmp,
        writing(out / "errors.jsonl") as errors_tmp,
        records_tmp.open("w", encoding="utf-8") as rec_f,
        errors_tmp.open("w", encoding="utf-8") as err_f,
    ):
        for e in discovery_errors:
            err_f.write(json.dumps(e.model_dump(), ensure_ascii=False) + "\n")
            summary.errors += 1
        for job in jobs:
            key = job.key
            if key in unreadable:
                err_f.write(json.dumps(unreadable[key], ensure_ascii=False) + "\n")
                summary.errors += 1
                continue
            entry = entries.get(key)
            if entry is None:
                continue  # a later stretch of a JSON Lines file refused as a whole (named once)
            for name in entry.outputs:
                rec_f.write((out / f"{name}.json").read_text(encoding="utf-8"))
                summary.articles += 1
            summary.achievements += entry.achievements
            for error in entry.errors:
                err_f.write(json.dumps(error, ensure_ascii=False) + "\n")
                summary.errors += 1

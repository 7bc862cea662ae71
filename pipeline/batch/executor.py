"""The one seam between the batch and where its work runs.

`Executor(workers).map(fn, items)` yields `fn(item)` for every item, in the items' order,
whatever order the work finishes in: the batch's single writer then writes a deterministic
output. With one worker it runs in this process. With more, in a pool of processes that start
with the models already loaded: this process loads them (underthesea's CRF models, the rule
files) and the workers are forked from it before any other thread exists, so a worker costs
milliseconds to start, not the second or so of a fresh interpreter. Where fork is unavailable the
workers are spawned and load the models themselves, once each.

A Dask cluster runs the same per-item function for archives that outgrow one machine
(`dask_executor.DaskExecutor`, with the same `map`). At most `window` items are in flight, so
memory stays flat however many items there are.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from types import TracebackType
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")


def warm_up() -> None:
    """Load models and rules before the first article, not inside it."""
    from ..api import extract

    extract("Công đoàn tỉnh A\nLĐLĐ tỉnh A đã kết nạp 10 đoàn viên ngày 1/1/2020.", source="<warm-up>")


def _ready() -> bool:
    return True


def in_order(submit: Callable[[T], Any], items: Iterable[T], window: int) -> Iterator[Any]:
    """The results of `submit(item).result()` for every item, in the items' order, with at most
    `window` submitted and not yet taken back."""
    pending: deque[Any] = deque()
    it = iter(items)
    for item in it:
        pending.append(submit(item))
        if len(pending) >= window:
            break
    while pending:
        result = pending.popleft().result()
        for item in it:
            pending.append(submit(item))
            break
        yield result


class Closing:
    """A context manager that closes what it holds."""

    def close(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> Closing:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


class Executor(Closing):
    def __init__(self, workers: int = 1) -> None:
        self.workers = max(1, workers)
        self._pool: ProcessPoolExecutor | None = None
        if self.workers == 1:
            return
        if "fork" in multiprocessing.get_all_start_methods():
            warm_up()
            forked = multiprocessing.get_context("fork")
            self._pool = ProcessPoolExecutor(self.workers, mp_context=forked)
        else:
            spawned = multiprocessing.get_context("spawn")
            self._pool = ProcessPoolExecutor(self.workers, mp_context=spawned, initializer=warm_up)
        # Start every worker now, while this process has no other thread (a progress bar's comes later).
        for future in [self._pool.submit(_ready) for _ in range(self.workers)]:
            future.result()

    def map(self, fn: Callable[[T], R], items: Iterable[T], window: int | None = None) -> Iterator[R]:
        if self._pool is None:
            yield from map(fn, items)
            return
        pool = self._pool
        yield from in_order(lambda item: pool.submit(fn, item), items, window or self.workers * 8)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None

"""The one seam between the batch and where its work runs.

`Executor(workers).map(fn, items)` yields `fn(item)` for every item, in the items' order,
whatever order the work finishes in: the batch's single writer then writes a deterministic
output. With one worker it runs in this process. With more, in a pool of processes that start
with the models already loaded: this process loads them (underthesea's CRF models, the rule
files) and the workers are forked from it before any other thread exists, so a worker costs
milliseconds to start, not the second or so of a fresh interpreter. Where fork is unavailable the
workers are spawned and load the models themselves, once each.

A worker that dies (killed by the system for lack of memory, or by a crash in a native library)
breaks a process pool and every item in flight with it. The pool is then started anew (spawned:
by then the caller may run threads, which fork does not mix with) and the items in flight are
redone; the item that was being waited on runs alone, and if its worker dies again it is the
culprit: `lost(item)` stands for its result and the batch goes on.

A Dask cluster runs the same per-item function for archives that outgrow one machine
(`dask_executor.DaskExecutor`, with the same `map`). At most `window` items are in flight, so
memory stays flat however many items there are.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from types import TracebackType
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")


def warm_up() -> None:
    """Load models and rules before the first article, not inside it (a name whose end the
    word tokens settle, so that the word model is loaded too)."""
    from ..api import extract

    extract(
        "Công đoàn Giáo dục tỉnh A\nLĐLĐ tỉnh A đã kết nạp 10 đoàn viên ngày 1/1/2020.", source="<warm-up>"
    )


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

    def map(
        self,
        fn: Callable[[T], R],
        items: Iterable[T],
        window: int | None = None,
        lost: Callable[[T], R] | None = None,
    ) -> Iterator[R]:
        """`fn(item)` for every item, in order; an item whose worker dies twice gives `lost(item)`
        (without `lost`, the pool's BrokenProcessPool is raised)."""
        if self._pool is None:
            yield from map(fn, items)
            return
        it = iter(items)
        pending: deque[tuple[T, Future[R]]] = deque()

        def submit(item: T) -> None:
            assert self._pool is not None
            try:
                future = self._pool.submit(fn, item)
            except BrokenProcessPool as broken:  # it broke before its future said so
                future = Future()
                future.set_exception(broken)
            pending.append((item, future))

        for item in islice(it, window or self.workers * 8):
            submit(item)
        while pending:
            item, future = pending.popleft()
            try:
                result = future.result()
            except BrokenProcessPool:
                if lost is None:
                    raise
                result = self._alone(fn, item, lost)
                # The other items in flight broke with the pool, unless they were done before it.
                waiting = list(pending)
                pending.clear()
                for other, done in waiting:
                    if done.done() and not isinstance(done.exception(), BrokenProcessPool):
                        pending.append((other, done))
                    else:
                        submit(other)
            for nxt in islice(it, 1):
                submit(nxt)
            yield result

    def _alone(self, fn: Callable[[T], R], item: T, lost: Callable[[T], R]) -> R:
        """`item` run by itself in a new pool: its result, or `lost(item)` if its worker dies again."""
        self._restart()
        assert self._pool is not None
        try:
            return self._pool.submit(fn, item).result()
        except BrokenProcessPool:
            self._restart()
            return lost(item)

    def _restart(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
        spawned = multiprocessing.get_context("spawn")
        self._pool = ProcessPoolExecutor(self.workers, mp_context=spawned, initializer=warm_up)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None

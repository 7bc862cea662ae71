"""The batch's work on a Dask cluster, for archives past one machine (`run --executor dask`).

The same per-input function as the local pool runs on the cluster's workers, each of which
loads the models once (a worker plugin) before its first article; this process submits at most
`window` inputs at a time, takes the results back in input order and alone writes them, so
`records.jsonl` has the same bytes as with the local pool. A worker lost mid-run is retried on
another (`retries`), not fatal. Without a scheduler address a LocalCluster of `workers`
processes is started and stopped here; with one, the running cluster is used (its workers must
read the input files at the same paths: shared storage). Installed by the `dask` extra.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from .executor import Closing, in_order

T = TypeVar("T")
R = TypeVar("R")


class MissingDask(RuntimeError):
    """--executor dask without the dask extra installed."""


def _plugin() -> Any:
    from distributed.diagnostics.plugin import WorkerPlugin

    class WarmUp(WorkerPlugin):
        """Load the models and rules once per worker, before its first article."""

        def setup(self, worker: Any) -> None:
            from .executor import warm_up

            warm_up()

    return WarmUp()


class DaskExecutor(Closing):
    def __init__(self, workers: int = 2, scheduler: str | None = None, retries: int = 2) -> None:
        try:
            import dask

            if logging.getLogger().getEffectiveLevel() > logging.INFO:  # quiet unless -v
                dask.config.set({"logging.distributed": "error"})
                logging.getLogger("distributed").setLevel(logging.ERROR)
            from distributed import Client, LocalCluster
        except ImportError:
            raise MissingDask("the Dask executor needs: pip install 'union-extract[dask]'") from None
        self.workers = max(1, workers)
        self.retries = retries
        self._cluster = None
        if scheduler is None:
            self._cluster = LocalCluster(
                n_workers=self.workers, threads_per_worker=1, processes=True, dashboard_address=None
            )
            self._client = Client(self._cluster)
        else:
            self._client = Client(scheduler)
            self.workers = max(1, len(self._client.scheduler_info().get("workers", {})))
        self._client.register_plugin(_plugin(), name="union-extract-warm-up")

    def map(
        self,
        fn: Callable[[T], R],
        items: Iterable[T],
        window: int | None = None,
        lost: Callable[[T], R] | None = None,  # unused: the scheduler retries on another worker
    ) -> Iterator[R]:
        client, retries = self._client, self.retries
        submit = lambda item: client.submit(fn, item, pure=False, retries=retries)  # noqa: E731
        yield from in_order(submit, items, window or self.workers * 8)

    def close(self) -> None:
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()

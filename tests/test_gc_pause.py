"""The collector is paused while an article is extracted, and given back as it was found."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest

from pipeline import extract, stages
from pipeline.core import gc_pause
from pipeline.errors import ArticleError


@pytest.fixture(autouse=True)
def _restore_collector() -> Iterator[None]:
    enabled = gc.isenabled()
    yield
    (gc.enable if enabled else gc.disable)()


def test_extraction_runs_without_the_collector_and_gives_it_back(monkeypatch: pytest.MonkeyPatch):
    seen: list[bool] = []
    run_stages = stages.run_stages

    def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(gc.isenabled())
        return run_stages(*args, **kwargs)

    monkeypatch.setattr(stages, "run_stages", spy)
    gc.enable()
    extract("LĐLĐ tỉnh A\nLĐLĐ tỉnh đã phát triển 120 đoàn viên.")
    assert seen == [False]
    assert gc.isenabled()


def test_a_collector_the_caller_turned_off_stays_off():
    gc.disable()
    extract("LĐLĐ tỉnh A\nLĐLĐ tỉnh đã phát triển 120 đoàn viên.")
    assert not gc.isenabled()


def test_a_refused_article_gives_the_collector_back():
    gc.enable()
    with pytest.raises(ArticleError):
        extract("   \n  ")
    assert gc.isenabled()


def test_threads_leaving_in_any_order_leave_it_on_only_after_the_last():
    gc.enable()
    first_in, second_in, first_out = threading.Event(), threading.Event(), threading.Event()
    states: dict[str, bool] = {}

    def first() -> None:
        with gc_pause.paused():
            first_in.set()
            second_in.wait(5)
        first_out.set()

    def second() -> None:
        first_in.wait(5)
        with gc_pause.paused():
            second_in.set()
            first_out.wait(5)
            states["after the first left"] = gc.isenabled()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert states == {"after the first left": False}
    assert gc.isenabled()

"""A stage and what it declares: the layers of the `Article` it reads and the ones it writes.

spaCy's components say what they `assigns` and `requires`, Stanza's processors their
`PROVIDES_DEFAULT` and `REQUIRES_DEFAULT`; ours do the same, and `check_order` proves at import
that every stage comes after the stages that provide what it requires. A stage listed too early
fails with a message naming both stages, instead of reading an empty layer in silence.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from .article import INPUT_LAYERS, Article


class StageOrderError(RuntimeError):
    """The stages are listed in an order in which one would read a layer nobody has written yet."""


@dataclass(frozen=True)
class Stage:
    name: str
    run: Callable[[Article], Article]
    requires: tuple[str, ...]  # layers read (input layers: raw, source, published)
    provides: tuple[str, ...]  # layers written
    doc: str = ""  # one line for the architecture table


def load(path: str) -> Stage:
    """The `STAGE` a module declares ("pipeline.text.clean"), or that a package declares in its
    `stage.py` ("pipeline.extractors.dates")."""
    module = importlib.import_module(path)
    stage = getattr(module, "STAGE", None)
    if stage is None and hasattr(module, "__path__"):
        stage = getattr(importlib.import_module(f"{path}.stage"), "STAGE", None)
    if not isinstance(stage, Stage):
        raise StageOrderError(f"{path} declares no STAGE")
    return stage


def check_order(stages: Sequence[Stage]) -> list[Stage]:
    """The stages, once each is shown to come after every stage whose layers it requires."""
    written: dict[str, str] = dict.fromkeys(INPUT_LAYERS, "the input")
    provider = {layer: s.name for s in stages for layer in s.provides}
    names = [s.name for s in stages]
    if len(set(names)) != len(names):
        raise StageOrderError(f"a stage is listed twice: {names}")
    for stage in stages:
        for layer in stage.requires:
            if layer in written:
                continue
            if layer in provider:
                raise StageOrderError(
                    f"stage '{stage.name}' requires '{layer}', which stage '{provider[layer]}' "
                    f"provides after it: list '{provider[layer]}' before '{stage.name}'"
                )
            raise StageOrderError(f"stage '{stage.name}' requires '{layer}', which no stage provides")
        for layer in stage.provides:
            if layer in written:
                raise StageOrderError(f"stages '{written[layer]}' and '{stage.name}' both provide '{layer}'")
            written[layer] = stage.name
    return list(stages)


def needed_for(stages: Sequence[Stage], *targets: str) -> list[Stage]:
    """The stages the `targets` need, and themselves, in pipeline order: what a corpus runs."""
    by_name = {s.name: s for s in stages}
    for target in targets:
        if target not in by_name:
            raise StageOrderError(f"no stage named '{target}'")
    provider = {layer: s.name for s in stages for layer in s.provides}
    wanted = set(targets)
    todo = list(targets)
    while todo:
        for layer in by_name[todo.pop()].requires:
            name = provider.get(layer)
            if name is not None and name not in wanted:
                wanted.add(name)
                todo.append(name)
    return [s for s in stages if s.name in wanted]


def run_stages(article: Article, stages: Iterable[Stage], timings: dict[str, float] | None = None) -> Article:
    import time

    for stage in stages:
        t0 = time.perf_counter()
        article = stage.run(article)
        if timings is not None:
            timings[stage.name] = timings.get(stage.name, 0.0) + time.perf_counter() - t0
    return article

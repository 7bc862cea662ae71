"""The pipeline: one explicit, ordered list of stages, each a module with one job.

A stage takes the `Article` and gives it back richer. Adding a stage is adding one entry here.
Loading (bytes -> text) comes before this list and writing after it (see `api` and `batch`).
"""

from __future__ import annotations

from collections.abc import Callable

from . import abbreviations, achievements, clean, dates, entities, quantities, references, tokenize
from .article import Article

Stage = Callable[[Article], Article]

STAGES: list[tuple[str, Stage]] = [
    ("clean", clean.run),  # NFC, tone marks, spaces, furniture; title = first line
    ("tokenize", tokenize.run),  # underthesea sentences and words, aligned to offsets
    ("references", references.run),  # documents, ordinals, identifiers: figures that are not quantities
    ("dates", dates.run),  # dates, months, years, periods
    ("quantities", quantities.run),  # counts, money, percentages
    ("entities", entities.run),  # organisations, people, places; the article's organisation
    ("abbreviations", abbreviations.run),  # abbreviations the article defines
    ("achievements", achievements.run),  # figures tied to category, unit, target, date, who
]


def run(article: Article, timings: dict[str, float] | None = None) -> Article:
    import time

    for name, stage in STAGES:
        t0 = time.perf_counter()
        article = stage(article)
        if timings is not None:
            timings[name] = timings.get(name, 0.0) + time.perf_counter() - t0
    return article

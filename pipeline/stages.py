"""The pipeline: one explicit, ordered list of stages, each a folder with one job.

Each entry names a package whose `stage.py` declares its `STAGE`: what it requires and what it
provides (`core.stage`). The order is checked when this module is imported: a stage listed
before a stage whose layers it reads fails at once, naming both. Adding an extractor is adding
its folder and one line here. Loading (bytes -> text) comes before this list and the record
after it (see `api`, `output.record` and `batch`).
"""

from __future__ import annotations

from .core.article import Article
from .core.stage import Stage, check_order, load, run_stages

PIPELINE: list[str] = [
    "pipeline.text.clean",  # NFC, tone marks, spaces, furniture; title = first line
    "pipeline.text.tokenize",  # underthesea sentences and words, aligned to offsets
    "pipeline.extractors.references",  # documents, ordinals, identifiers: figures that are not quantities
    "pipeline.extractors.dates",  # dates, months, years, periods
    "pipeline.extractors.entities",  # organisations, people, places; the article's organisation
    "pipeline.extractors.quantities",  # counts, money, percentages (not numbers inside names)
    "pipeline.extractors.abbreviations",  # abbreviations the article defines
    "pipeline.achievements",  # figures tied to category, unit, target, date, who
]

STAGES: list[Stage] = check_order([load(path) for path in PIPELINE])


def run(article: Article, timings: dict[str, float] | None = None) -> Article:
    return run_stages(article, STAGES, timings)

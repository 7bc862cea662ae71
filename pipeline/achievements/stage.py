"""Stage: tie each figure to what it counts, who achieved it, the plan and the date.

A count or an amount of money becomes an achievement when its clause says a union did or
obtained it: a category cue is near it (the nearest wins, generic verbs weigh less) and no cue
marks it as a plan, a stock figure, or someone else's price or wage. Cues are data
(`achievements.yaml`). Percentages are not achievements; "đạt 107,3% kế hoạch" after a
figure becomes that figure's `target_percent`.

Where each job lives: `cues` (the vocabulary), `clause` (a figure's clause and exclusions),
`category`, `attributes` (target, time, who), `build` (the records).
"""

from __future__ import annotations

from ..core.stage import Stage
from .build import build

STAGE = Stage(
    "achievements",
    build,
    requires=("text", "sentences", "quantities", "dates", "entities", "organization"),
    provides=("achievements", "targets", "statistics", "other_figures"),
    doc="figures tied to category, unit, target, date, who",
)

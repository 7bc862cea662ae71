"""Corpora of examples: each extractor's `corpus*.yaml`, beside its code, is its test suite.

A corpus names the stage it tests and the layer it checks, and lists examples:

    stage: quantities          # the stage under test; only it and the stages it needs run
    layer: quantities          # the layer compared (output, scratch or extra)
    fields: [kind, value]      # each item as these fields; one name: the value alone; none: as is
    empty: [quantities]        # optional: layers positive examples must leave empty
    positive: [{text: ..., expect: [...], published: 2017-02-02}]
    negative: [text, ...]      # must yield an empty layer
    xfail: [{text: ..., expect: ..., why: ...}]   # known gaps, strict: they fail until fixed

One runner reads them all (`tests/test_extractor_corpora.py`); adding an extractor's corpus is
adding a file, never editing the runner.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .article import Article
from .rules import parse_yaml
from .stage import Stage, needed_for, run_stages


@dataclass(frozen=True)
class Example:
    corpus: str  # the corpus file, relative to the package root, for the test id
    stage: str
    layer: str
    fields: list[str] | str | None
    empty: tuple[str, ...]
    text: str
    expect: Any
    published: dt.date | None
    kind: str  # "positive", "negative" or "xfail"
    why: str = ""


class CorpusError(ValueError):
    """A corpus file is not of the documented shape."""


def corpora(root: Path) -> list[Path]:
    """Every corpus file under `root`, in a stable order."""
    return sorted(p for p in root.rglob("corpus*.yaml") if p.is_file())


def examples(path: Path, root: Path) -> Iterator[Example]:
    data = parse_yaml(path.read_text(encoding="utf-8"))
    name = str(path.relative_to(root))
    if not isinstance(data, dict) or "stage" not in data or "layer" not in data:
        raise CorpusError(f"{name}: a corpus names its 'stage' and 'layer'")
    unknown = set(data) - {"stage", "layer", "fields", "empty", "positive", "negative", "xfail"}
    if unknown:
        raise CorpusError(f"{name}: unknown keys {sorted(unknown)}")
    common = {
        "corpus": name,
        "stage": data["stage"],
        "layer": data["layer"],
        "fields": data.get("fields"),
        "empty": tuple(data.get("empty") or ()),
    }
    listed = [("positive", ex) for ex in data.get("positive") or []]
    listed += [("negative", {"text": text, "expect": None}) for text in data.get("negative") or []]
    listed += [("xfail", ex) for ex in data.get("xfail") or []]
    for kind, ex in listed:
        yield Example(
            **common,
            text=ex["text"],
            expect=ex["expect"],
            published=_date(ex.get("published")),
            kind=kind,
            why=ex.get("why", ""),
        )


def _date(value: Any) -> dt.date | None:
    return None if value is None else dt.date.fromisoformat(str(value))


def run(example: Example, stages: Sequence[Stage]) -> Article:
    """The article after the example's stage and only the stages it needs."""
    article = Article(raw=example.text, source="<example>", published=example.published)
    providers = {layer: s.name for s in stages for layer in s.provides}
    also = [providers[layer] for layer in example.empty if layer in providers]
    return run_stages(article, needed_for(stages, example.stage, *also))


def observed(example: Example, article: Article) -> Any:
    """The example's layer as the corpus writes it: items reduced to the corpus's fields."""
    value = article.layer(example.layer)
    if example.fields is None or not isinstance(value, list):
        return value
    if isinstance(example.fields, str):
        return [_field(item, example.fields) for item in value]
    return [[_field(item, f) for f in example.fields] for item in value]


def _field(item: Any, name: str) -> Any:
    value: Any = item.get(name) if isinstance(item, dict) else getattr(item, name)
    return value.model_dump() if hasattr(value, "model_dump") else value


def check(example: Example, stages: Sequence[Stage]) -> None:
    """Raise AssertionError, with what was seen, when the stages do not yield what it expects."""
    article = run(example, stages)
    seen = observed(example, article)
    if example.kind == "negative":
        assert not seen, f"expected nothing, got {seen!r}"
        return
    assert seen == example.expect, f"expected {example.expect!r}, got {seen!r}"
    for layer in example.empty:
        assert not article.layer(layer), f"expected no {layer}, got {article.layer(layer)!r}"

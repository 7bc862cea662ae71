"""The working article that flows through the stages.

Each stage takes the `Article`, adds the layers it provides and gives it back (the spaCy `Doc`
idea): the cleaned text is the single source of truth and every later layer stores character
offsets into it. Layers are of two kinds, kept apart:

- output layers, fields of `Article` marked `output`: each becomes the record's field of the
  same name (`output.record.build` copies them by that mark, not by a hand-written list);
- scratch layers, in `article.scratch`: what stages pass each other and nobody else reads
  (paragraphs, sentences, word tokens, spans where no quantity is read, relative dates).

Stages declare which layers they require and provide (`core.stage`); the names are these fields'.
"""

from __future__ import annotations

import datetime as dt
from array import array
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING, Any, NamedTuple, overload

from ..output.models import Achievement, CitedDocument, DateMention, Entity, Figure, Ordinal, OrgRef, Quantity

if TYPE_CHECKING:
    from ..text.words import Words


class TextSpan(NamedTuple):
    """A stretch of the text. A tuple: made for every figure's sentence and clause, it costs a third
    of a frozen dataclass to make, and as little memory (a long article holds hundreds of thousands)."""

    start: int
    end: int


class Spans(Sequence[TextSpan]):
    """A layer of spans held as two arrays of integers, in order: 16 bytes a span where a list of
    `TextSpan` objects takes about 100 (a text of one word a line holds two million paragraphs and
    as many sentences, 10 MB of it 400 MB as objects). Reads give `TextSpan`s."""

    __slots__ = ("ends", "starts")

    def __init__(self, spans: Iterable[TextSpan] = ()) -> None:
        self.starts = array("q")
        self.ends = array("q")
        self.extend(spans)

    def add(self, start: int, end: int) -> None:
        self.starts.append(start)
        self.ends.append(end)

    def append(self, span: TextSpan) -> None:
        self.add(span.start, span.end)

    def extend(self, spans: Iterable[TextSpan]) -> None:
        starts, ends = self.starts.append, self.ends.append
        for span in spans:
            starts(span.start)
            ends(span.end)

    def __len__(self) -> int:
        return len(self.starts)

    def __iter__(self) -> Iterator[TextSpan]:
        # Sequence's own __iter__ asks __getitem__ for each index in turn, at several times the cost.
        return map(TextSpan, self.starts, self.ends)

    @overload
    def __getitem__(self, i: int) -> TextSpan: ...

    @overload
    def __getitem__(self, i: slice) -> Spans: ...

    def __getitem__(self, i: int | slice) -> TextSpan | Spans:
        if isinstance(i, slice):
            part = Spans()
            part.starts, part.ends = self.starts[i], self.ends[i]
            return part
        return TextSpan(self.starts[i], self.ends[i])

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence) and not isinstance(other, str):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # mutable, as a list

    def __repr__(self) -> str:
        return f"Spans({list(self)!r})"


@dataclass(slots=True)
class Mention:
    """A match before it is a value: where it is, which rule made it, what it resolved to."""

    start: int
    end: int
    text: str
    rule: str
    data: dict[str, Any] = field(default_factory=dict)


OUT = {"output": True}  # field metadata: this layer becomes the record's field of the same name


@dataclass
class Scratch:
    """Layers that stages pass to each other and that never reach the record."""

    paragraphs: Spans = field(default_factory=Spans)  # one per line of the cleaned text
    sentences: Spans = field(default_factory=Spans)
    tokens: Words | None = None  # words, made where the entities stage asks for them
    blocked: list[TextSpan] = field(default_factory=list)  # identifiers, times: no quantity inside
    relative_dates: list[Mention] = field(default_factory=list)  # "năm qua", named days
    extra: dict[str, Any] = field(default_factory=dict)  # layers of stages added outside the package


@dataclass
class Article:
    raw: str
    source: str
    published: dt.date | None = None
    text: str = field(default="", metadata=OUT)
    title: str | None = field(default=None, metadata=OUT)
    quantities: list[Quantity] = field(default_factory=list, metadata=OUT)
    dates: list[DateMention] = field(default_factory=list, metadata=OUT)
    ordinals: list[Ordinal] = field(default_factory=list, metadata=OUT)
    documents: list[CitedDocument] = field(default_factory=list, metadata=OUT)
    entities: list[Entity] = field(default_factory=list, metadata=OUT)
    organization: OrgRef | None = field(default=None, metadata=OUT)
    abbreviations: dict[str, str] = field(default_factory=dict, metadata=OUT)
    achievements: list[Achievement] = field(default_factory=list, metadata=OUT)
    targets: list[Figure] = field(default_factory=list, metadata=OUT)
    statistics: list[Figure] = field(default_factory=list, metadata=OUT)
    other_figures: list[Figure] = field(default_factory=list, metadata=OUT)
    # A log every stage may append to; no stage provides it.
    warnings: list[str] = field(default_factory=list, metadata=OUT)
    scratch: Scratch = field(default_factory=Scratch)

    def sentence_at(self, pos: int) -> TextSpan:
        """The sentence holding character `pos` (the whole text when tokenization found none)."""
        sentences = self.scratch.sentences
        i = bisect_right(sentences.starts, pos) - 1
        # Sentences are disjoint and in order, so only the last one starting at or before `pos`
        # can hold it.
        if i >= 0 and sentences.starts[i] <= pos < sentences.ends[i]:
            return sentences[i]
        return TextSpan(0, len(self.text))

    def layer(self, name: str) -> Any:
        """A layer by its name, wherever it lives: output, scratch or a stage's extra layer."""
        if name in OUTPUT_LAYERS or name in INPUT_LAYERS:
            return getattr(self, name)
        if name in SCRATCH_LAYERS:
            return getattr(self.scratch, name)
        return self.scratch.extra[name]


INPUT_LAYERS = ("raw", "source", "published")
OUTPUT_LAYERS = tuple(f.name for f in fields(Article) if f.metadata.get("output"))
SCRATCH_LAYERS = tuple(f.name for f in fields(Scratch) if f.name != "extra")

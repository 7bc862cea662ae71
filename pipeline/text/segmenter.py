"""underthesea's word segmentation, scored here from the model files it ships.

`underthesea.word_tokenize` cuts a text into syllables, then asks a CRF whether each syllable
begins a word (B-W) or continues one (I-W). The CRF's features are 43 templates over a window of
five syllables (`T[-1,0].lower=công đoàn`, `T[0].istitle=True`, ...); underthesea builds each as a
string in Rust, hands the strings to Python and back, and looks each up. That boundary is four
fifths of the cost. This module reads the same weights (`crfsuite`) and adds them up without the
strings: a syllable's own features are summed once per distinct syllable, and those of the two-
and three-syllable windows once per window, by template family.

It gives the words underthesea gives, and is held to that: a test compares the two on every
clause of the corpus and on generated text. Three things keep it honest at run time:
- Only the two-label models these templates describe are taken; any other template or label set
  (a later underthesea may ship one) is refused (`Unsupported`).
- `word_model` takes it only after it gives the words recorded in `segmenter.yaml` (or, for other
  model files, the words underthesea gives); otherwise underthesea does the work.
- Sums taken in another order can differ in the last bits. Where the Viterbi path turns on a
  difference that small (`NEAR_TIE`), the piece is handed to underthesea.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from operator import add

import regex

from . import crfsuite
from .syllables import REMEMBERED

NEAR_TIE = 1e-7  # score differences below this are settled by underthesea itself
CONTINUES = "I-W"  # the label of a syllable that continues the word before it
_TEMPLATE = regex.compile(r"T\[(-?\d+)(?:,(-?\d+))?\](?:\.(lower|isdigit|istitle|is_in_dict))?")
_FLAGS = ("isdigit", "istitle", "is_in_dict")  # templates whose value is True or False

Vector = tuple[float, ...]  # one weight per window span of a length, in `Segmenter.spans` order


class Unsupported(ValueError):
    """The model is not one this module knows how to score like underthesea."""


@dataclass
class _Family:
    """The templates over windows of one length: a value's weights, one per span of that length."""

    raw: dict[str, Vector] = field(default_factory=dict)
    lower: dict[str, Vector] = field(default_factory=dict)
    flags: dict[tuple[bool, bool, bool], Vector] = field(default_factory=dict)  # by _FLAGS' values


class Segmenter:
    def __init__(
        self,
        model: crfsuite.Model,
        templates: list[str],
        dictionary: AbstractSet[str],
        syllables: Callable[[str], list[str]],
    ) -> None:
        if len(model.labels) != 2 or CONTINUES not in model.labels:
            raise Unsupported(f"labels {model.labels}: expected two, one of them {CONTINUES}")
        self.labels = model.labels
        self.dictionary = dictionary
        self._split = syllables
        parsed = [_parse(t) for t in templates]
        if not any(a == b for a, b, _ in parsed):
            raise Unsupported("no template reads a syllable on its own")
        self.spans: list[tuple[int, int]] = list(dict.fromkeys((a, b) for a, b, _ in parsed))
        self._slots = {n: [s for s in self.spans if s[1] - s[0] + 1 == n] for n in (1, 2, 3)}
        # Each template's table (shared by the templates of one window length and function, each
        # its own slot of the vectors) and slot.
        values: dict[tuple[int, str | None], dict[str, list[float]]] = {}
        where: dict[str, tuple[dict[str, list[float]], int, int]] = {}
        for (a, b, fn), template in zip(parsed, templates, strict=True):
            spans = self._slots[b - a + 1]
            where[template] = (values.setdefault((b - a + 1, fn), {}), spans.index((a, b)), len(spans))
        # Only the difference between the two labels' scores decides a Viterbi path.
        first, second = model.state
        for attr, w0, w1 in zip(model.attributes, first, second, strict=True):
            if w0 == w1:
                continue  # weighs both labels alike: decides nothing
            name, _, value = attr.partition("=")  # a template's name holds no "="
            if (place := where.get(name)) is not None:
                table, slot, width = place
                vector = table.get(value)
                if vector is None:
                    vector = table[value] = [0.0] * width
                vector[slot] += w0 - w1
        # Every template of a window outside the text has the value BOS (or EOS); the tables keep
        # those too, for a syllable that is literally "BOS".
        self.bos = dict.fromkeys(self.spans, 0.0)
        self.eos = dict.fromkeys(self.spans, 0.0)
        for (a, b, _), template in zip(parsed, templates, strict=True):
            table, slot, width = where[template]
            self.bos[(a, b)] += table.get("BOS", [0.0] * width)[slot]
            self.eos[(a, b)] += table.get("EOS", [0.0] * width)[slot]
        self.families = {n: _family(values, n, len(self._slots[n])) for n in (1, 2, 3) if self._slots[n]}
        # Per window length: where each span's window starts, and its BOS and EOS weights.
        self._reads = {
            n: ([a for a, _ in spans], tuple(self.bos[s] for s in spans), tuple(self.eos[s] for s in spans))
            for n, spans in self._slots.items()
            if spans
        }
        self._pad = (max(0, -min(a for a, _ in self.spans)), max(0, max(a for a, _ in self.spans)))
        t = model.transitions
        self._trans = (t[0][0], t[0][1], t[1][0], t[1][1])
        self._syllables: dict[str, tuple[Vector, bool]] = {}  # a syllable's own weights, title flag

    def words(self, text: str) -> list[str]:
        """The words of `text`, as `underthesea.word_tokenize(text)` gives them."""
        syllables = self._split(text)
        tags = self.tags(syllables)
        if tags is None:
            return underthesea_words(text)
        words: list[str] = []
        for tag, syllable in zip(tags, syllables, strict=True):
            if tag == CONTINUES and words:
                words[-1] += " " + syllable
            else:
                words.append(syllable)
        return words

    def tags(self, syllables: list[str]) -> list[str] | None:
        """The label of each syllable, or None when the best path is a near tie."""
        if not syllables:
            return []
        return self._viterbi(self._scores(syllables))

    def _scores(self, syllables: list[str]) -> list[float]:
        """Per syllable, its score for the first label minus its score for the second."""
        n = len(syllables)
        lows = [s.lower() for s in syllables]
        own = [self._own(s, low) for s, low in zip(syllables, lows, strict=True)]
        titles = [title for _, title in own]
        windows: dict[int, list[Vector]] = {1: [vector for vector, _ in own]}
        raw, low, title = syllables, lows, titles
        for size in (2, 3):
            raw = [r + " " + s for r, s in zip(raw, syllables[size - 1 :], strict=False)]
            low = [r + " " + s for r, s in zip(low, lows[size - 1 :], strict=False)]
            title = [r and s for r, s in zip(title, titles[size - 1 :], strict=False)]
            if size in self.families:
                windows[size] = self._windows(self.families[size], raw, low, title) if raw else []
        # Position i reads, for each span (a, b), the window that starts at i + a: windows before
        # the text read BOS and those past its end EOS, so the windows of a length are padded with
        # both, and each span's column is a slice of them.
        lead, reach = self._pad
        columns = []
        for size, (starts, bos, eos) in self._reads.items():
            padded = [bos] * lead + windows[size]
            padded += [eos] * (n + lead + reach - len(padded))
            by_slot = list(zip(*padded, strict=True))
            for slot, a in enumerate(starts):
                columns.append(by_slot[slot][a + lead : a + lead + n])
        return list(map(sum, zip(*columns, strict=True)))

    def _own(self, syllable: str, low: str) -> tuple[Vector, bool]:
        known = self._syllables.get(syllable)
        if known is None:
            if len(self._syllables) >= REMEMBERED:
                self._syllables.clear()
            title = _title(syllable)
            digit = syllable.isascii() and syllable.isdigit()
            [vector] = self._windows(self.families[1], [syllable], [low], [title], digit)
            known = self._syllables[syllable] = (vector, title)
        return known

    def _windows(
        self, family: _Family, raws: list[str], lows: list[str], titles: list[bool], digit: bool = False
    ) -> list[Vector]:
        """Each window's weights: its flags' (a window of several syllables is never all digits,
        for it holds a space), then its text's and its lower-case text's, where the model has them."""
        out = []
        flags, raw, lower, dictionary = family.flags, family.raw.get, family.lower.get, self.dictionary
        for r, low, title in zip(raws, lows, titles, strict=True):
            vector = flags[(digit, title, low in dictionary)]
            if (extra := raw(r)) is not None:
                vector = tuple(map(add, vector, extra))
            if (extra := lower(low)) is not None:
                vector = tuple(map(add, vector, extra))
            out.append(vector)
        return out

    def _viterbi(self, diffs: list[float]) -> list[str] | None:
        """The best label path (two labels, the second's emission scores taken as zero)."""
        t00, t01, t10, t11 = self._trans
        first, second = diffs[0], 0.0  # best scores of paths ending in each label
        back: list[tuple[int, int]] = []  # per step, the label each label came from
        for d in diffs[1:]:
            a0, b0 = first + t00, second + t10
            a1, b1 = first + t01, second + t11
            if abs(a0 - b0) < NEAR_TIE or abs(a1 - b1) < NEAR_TIE:
                return None
            back.append((0 if a0 > b0 else 1, 0 if a1 > b1 else 1))
            first, second = max(a0, b0) + d, max(a1, b1)
        if abs(first - second) < NEAR_TIE:
            return None
        label = 0 if first > second else 1
        path = [label]
        for step in reversed(back):
            label = step[label]
            path.append(label)
        return [self.labels[y] for y in reversed(path)]


def _parse(template: str) -> tuple[int, int, str | None]:
    m = _TEMPLATE.fullmatch(template)
    if m is None:
        raise Unsupported(f"feature template {template!r}")
    a = int(m[1])
    b = int(m[2]) if m[2] else a
    if not 1 <= b - a + 1 <= 3:
        raise Unsupported(f"feature template {template!r}: windows of one to three syllables only")
    return a, b, m[3]


def _family(values: dict[tuple[int, str | None], dict[str, list[float]]], size: int, width: int) -> _Family:
    def table(fn: str | None) -> dict[str, Vector]:
        return {value: tuple(w) for value, w in values.get((size, fn), {}).items()}

    family = _Family(raw=table(None), lower=table("lower"))
    for key in itertools.product((False, True), (False, True), (False, True)):  # one per _FLAGS
        vector: Vector = (0.0,) * width
        for fn, on in zip(_FLAGS, key, strict=True):
            extra = values.get((size, fn), {}).get(str(on))
            if extra is not None:
                vector = tuple(map(add, vector, extra))
        family.flags[key] = vector
    return family


def _title(text: str) -> bool:
    """underthesea's `istitle`: every word's first character is unchanged by upper-casing (so
    digits and punctuation count as title case, and "ß" does not)."""
    return all(w[0] == w[0].upper() for w in text.split())


def underthesea_words(text: str) -> list[str]:
    """underthesea's own `word_tokenize`: where a piece's path is a near tie, and wherever
    `word_model` does not take the segmenter."""
    from underthesea import word_tokenize as theirs

    return list(theirs(text))

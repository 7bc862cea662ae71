"""Word tokens on demand: underthesea's `word_tokenize` over the clauses where they are asked for.

Word tokens are the dearest step (`word_tokenize` takes about 5 s a MB of news here; the same
words from `segmenter`, a quarter of that), and one consumer needs them: the entities stage, to
settle where a name ends ("Công đoàn Giáo dục | huyện ..."). It asks at about three places per
thousand characters, so tokenizing whole sentences wastes most of the work.

A sentence is cut into pieces after each comma, semicolon or colon (and, in a clause longer than
`PIECE_CAP`, at the last space before the cap); a piece is tokenized the first time a place in it
is asked about (`cover`), or when a name's walk reaches it (`following`). Punctuation is where
underthesea's CRF context matters least, so a word is not cut at a piece's edge the way it
would be at an arbitrary window's ("Quỹ Mái | ấm công đoàn"), and a piece's words depend on its
text alone, never on the order of the asks. Tokens are kept sorted; a piece only adds tokens
inside itself, after every token a walk holds.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from time import perf_counter

import regex

from ..core.article import Spans, TextSpan
from ..core.spans import capped

PIECE_CAP = 200  # characters: a longer clause is cut at spaces
_CLAUSE_END = regex.compile(r"[,;:](?=\s)")


class Words:
    """Word tokens of an article, searchable by character position, made where they are asked for."""

    def __init__(
        self,
        text: str,
        sentences: Spans,
        tokenize: Callable[[str], list[str]] | None,
        align: Callable[[list[str], str, int, int], list[TextSpan]] | None = None,
    ) -> None:
        self.text = text
        self.starts = array("q")  # arrays, not lists of int objects: a long text holds many
        self.ends = array("q")
        self.lost = 0  # underthesea pieces that could not be placed in the text
        self.tokenized = 0  # characters given to the tokenizer
        self.seconds = 0.0  # spent in it (the bench counts it as tokenizing, not as the entities')
        self._tokenize = tokenize
        self._align = align
        self._sentences = sentences
        self._pieces: dict[int, list[TextSpan]] = {}  # by sentence index, cut when first asked
        self._made: set[tuple[int, int]] = set()

    @property
    def enabled(self) -> bool:
        """Whether words can be had at all (a tokenizer, and sentences to read)."""
        return self._tokenize is not None and bool(self._sentences)

    def __len__(self) -> int:
        return len(self.starts)

    def cover(self, start: int, end: int) -> bool:
        """Make the words of the pieces from `start` to `end`, in the sentence that holds `start`
        (a walk past `end` makes the pieces it reaches); whether there are any."""
        k = self._sentence(start)
        if k is None or self._tokenize is None:
            return False
        pieces = self._pieces_of(k)
        stop = max(start, end)
        for piece in pieces[max(_last_starting(pieces, start), 0) :]:
            if piece.start > stop:
                break
            self._make(piece)
        return True

    def _sentence(self, pos: int) -> int | None:
        k = bisect_right(self._sentences.starts, pos) - 1
        if k >= 0 and pos < self._sentences.ends[k]:
            return k
        return None

    def _pieces_of(self, k: int) -> list[TextSpan]:
        if k not in self._pieces:
            sentence = self._sentences[k]
            cuts = [m.end() for m in _CLAUSE_END.finditer(self.text, sentence.start, sentence.end)]
            pieces = []
            start = sentence.start
            for cut in [*cuts, sentence.end]:
                pieces += capped(self.text, TextSpan(start, cut), PIECE_CAP)
                start = cut
            self._pieces[k] = pieces
        return self._pieces[k]

    def _make(self, piece: TextSpan) -> None:
        key = (piece.start, piece.end)
        if key in self._made:
            return
        self._made.add(key)
        assert self._tokenize is not None and self._align is not None
        started = perf_counter()
        words = self._tokenize(self.text[piece.start : piece.end])
        self.seconds += perf_counter() - started
        self.tokenized += piece.end - piece.start
        placed = self._align(words, self.text, piece.start, piece.end)
        self.lost += len([w for w in words if w.strip()]) - len(placed)
        at = bisect_left(self.starts, piece.start)
        self.starts[at:at] = array("q", (s.start for s in placed))
        self.ends[at:at] = array("q", (s.end for s in placed))

    def _extend(self, pos: int) -> None:
        """Make the piece that holds `pos` when a name's walk reaches it from the piece before in
        its sentence (names do not run on into the next sentence)."""
        k = self._sentence(pos)
        if k is None or self._tokenize is None or pos == self._sentences.starts[k]:
            return
        pieces = self._pieces_of(k)
        i = _last_starting(pieces, pos)
        if i >= 0 and pos < pieces[i].end:
            self._make(pieces[i])

    def containing(self, pos: int) -> int | None:
        """Index of the token holding character `pos`."""
        i = bisect_right(self.starts, pos) - 1
        if i >= 0 and self.ends[i] > pos:
            return i
        return None

    def starts_at(self, pos: int) -> bool:
        """Whether a word starts at `pos` (its piece is made first)."""
        self.cover(pos, pos)
        i = bisect_left(self.starts, pos)
        return i < len(self.starts) and self.starts[i] == pos

    def following(self, pos: int) -> int | None:
        """Index of the first token at or after `pos`, if only whitespace (no line break) lies between."""
        nxt = pos
        while nxt < len(self.text) and self.text[nxt] in " \t":
            nxt += 1
        self._extend(nxt)
        i = bisect_left(self.starts, pos)
        if (
            i >= len(self.starts)
            or self.text[pos : self.starts[i]].strip()
            or "\n" in self.text[pos : self.starts[i]]
        ):
            return None
        return i

    def word(self, i: int) -> str:
        return self.text[self.starts[i] : self.ends[i]]


def _last_starting(pieces: list[TextSpan], pos: int) -> int:
    """Index of the last piece that starts at or before `pos` (-1 when none does)."""
    return bisect_right(pieces, pos, key=lambda p: p.start) - 1

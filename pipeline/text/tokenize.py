"""Stage: sentences and words from underthesea, aligned back onto the cleaned text.

Sentences come for the whole text (cheap: underthesea's splitter, run mark to mark by
`sentences.split`). Word tokens cost more than any other step (underthesea's
`word_tokenize` takes three times as long as the whole pipeline), and only one consumer needs
them: the entities stage, to settle where an organisation's name ends ("Công đoàn Giáo dục |
huyện ..."). So this stage provides them as `words.Words`, which tokenizes only the clauses the
entities stage asks about, not the article, with underthesea's model scored by `segmenter`.

underthesea returns strings, not offsets, and may change whitespace inside a token ("Tổng  LĐLĐ"
comes back as "Tổng LĐLĐ"). This is the one adapter that maps its output back to character
offsets: each piece is looked for from a cursor, first as it is, then ignoring whitespace. A
piece that cannot be placed is skipped, never guessed.

A "sentence" longer than `SENTENCE_CAP` characters is text without punctuation, not a sentence
(the longest real one in the dev corpus is under 1,000): it is cut at spaces into pieces no longer
than the cap before anything reads it, so that no stage working sentence by sentence costs more
than the cap allows (1.3 MB of unpunctuated names once took 1.9 GB in one word_tokenize call).
"""

from __future__ import annotations

from collections.abc import Iterable

from ..core.article import Article, Spans, TextSpan
from ..core.spans import capped
from ..core.stage import Stage
from .sentences import split
from .word_model import word_tokenize
from .words import Words

SENTENCE_CAP = 2000


def align(pieces: Iterable[str], text: str, start: int = 0, end: int | None = None) -> list[TextSpan]:
    """Character spans of `pieces` in `text[start:end]`, in order; unplaceable pieces are dropped."""
    end = len(text) if end is None else end
    cursor = start
    spans: list[TextSpan] = []
    for piece in pieces:
        piece = piece.strip()
        if not piece:
            continue
        span = _place(piece, text, cursor, end)
        if span is not None:
            spans.append(span)
            cursor = span.end
    return spans


def _place(piece: str, text: str, cursor: int, end: int) -> TextSpan | None:
    at = text.find(piece, cursor, end)
    if at >= 0 and not text[cursor:at].strip():
        return TextSpan(at, at + len(piece))
    # Whitespace differs: walk both strings, skipping whitespace on either side.
    i = cursor
    while i < end and text[i].isspace():
        i += 1
    first = i
    for ch in piece:
        if ch.isspace():
            continue
        while i < end and text[i].isspace():
            i += 1
        if i >= end or text[i] != ch:
            return None
        i += 1
    return TextSpan(first, i)


def run(article: Article) -> Article:
    text = article.text
    sentences = Spans()
    lost = 0
    for para in article.scratch.paragraphs:
        chunk = text[para.start : para.end]
        pieces = split(chunk)
        placed = align(pieces, text, para.start, para.end)
        lost += len([p for p in pieces if p.strip()]) - len(placed)
        for sentence in placed or [para]:
            sentences.extend(capped(text, sentence, SENTENCE_CAP))
    article.scratch.sentences = sentences
    article.scratch.tokens = Words(text, sentences, word_tokenize, align)
    if lost:
        article.warnings.append(f"tokenize: {lost} underthesea sentences could not be aligned to the text")
    return article


STAGE = Stage(
    "tokenize",
    run,
    requires=("text", "paragraphs"),
    provides=("sentences", "tokens"),
    doc="underthesea sentences and words, aligned to offsets",
)

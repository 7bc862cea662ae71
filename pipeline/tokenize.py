"""Stage 2: sentences and words from underthesea, aligned back onto the cleaned text.

underthesea returns strings, not offsets, and may change whitespace inside a token ("Tổng  LĐLĐ"
comes back as "Tổng LĐLĐ"). This is the one adapter that maps its output back to character
offsets: each piece is looked for from a cursor, first as it is, then ignoring whitespace. A
piece that cannot be placed is skipped, never guessed.
"""

from __future__ import annotations

from collections.abc import Iterable

from .article import Article, TextSpan


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
    from underthesea import sent_tokenize, word_tokenize

    text = article.text
    sentences: list[TextSpan] = []
    tokens: list[TextSpan] = []
    lost = 0
    for para in article.paragraphs:
        chunk = text[para.start : para.end]
        pieces = sent_tokenize(chunk)
        placed = align(pieces, text, para.start, para.end)
        lost += len([p for p in pieces if p.strip()]) - len(placed)
        sentences.extend(placed or [para])
    for sent in sentences:
        words = word_tokenize(text[sent.start : sent.end])
        placed = align(words, text, sent.start, sent.end)
        lost += len([w for w in words if w.strip()]) - len(placed)
        tokens.extend(placed)
    article.sentences = sentences
    article.tokens = tokens
    if lost:
        article.warnings.append(f"tokenize: {lost} underthesea pieces could not be aligned to the text")
    return article

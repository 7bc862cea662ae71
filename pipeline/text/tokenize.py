"""Stage: sentences and words from underthesea, aligned back onto the cleaned text.

Sentences come for the whole text (cheap). Word tokens cost as much as the rest of the pipeline
together, and only one consumer needs them: the entities stage, to settle where an organisation's
name ends ("Công đoàn Giáo dục | huyện ..."). So words are tokenized only in the sentences that
hold the head of such a name (the heads listed in the lexicon, `core.lexicon`); the
others keep their sentence span and no word tokens.

underthesea returns strings, not offsets, and may change whitespace inside a token ("Tổng  LĐLĐ"
comes back as "Tổng LĐLĐ"). This is the one adapter that maps its output back to character
offsets: each piece is looked for from a cursor, first as it is, then ignoring whitespace. A
piece that cannot be placed is skipped, never guessed.

A "sentence" longer than `SENTENCE_CAP` characters is text without punctuation, not a sentence
(the longest real one in the dev corpus is under 1,000): it is cut at spaces into pieces no longer
than the cap before anything reads it, so that neither word_tokenize (1.3 MB of unpunctuated names
took 1.9 GB in one call) nor a stage working sentence by sentence costs more than the cap allows.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

import regex

from ..core import lexicon
from ..core.article import Article, TextSpan
from ..core.patterns import words
from ..core.stage import Stage

SENTENCE_CAP = 2000


def capped(text: str, span: TextSpan, cap: int = SENTENCE_CAP) -> list[TextSpan]:
    """`span` cut at the last space before every `cap` characters (mid-word only if it has none)."""
    pieces = []
    start = span.start
    while span.end - start > cap:
        cut = text.rfind(" ", start + 1, start + cap)
        cut = cut if cut > start else start + cap
        pieces.append(TextSpan(start, cut))
        start = cut
        while start < span.end and text[start].isspace():
            start += 1
    if start < span.end:
        pieces.append(TextSpan(start, span.end))
    return pieces


@cache
def _needs_words() -> regex.Pattern[str]:
    """The heads of names whose end the word tokens settle, and a capitalised word after "tại"
    or "ở" (a place only when it is whole words: "tại Vị Thanh", not "tại Quyết định")."""
    after = words(lexicon.place_prepositions()) + r"[^\S\n]+[\p{Lu}Đ]"
    return regex.compile(words(lexicon.name_heads()) + "|" + after)


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
    for para in article.scratch.paragraphs:
        chunk = text[para.start : para.end]
        pieces = sent_tokenize(chunk)
        placed = align(pieces, text, para.start, para.end)
        lost += len([p for p in pieces if p.strip()]) - len(placed)
        for sentence in placed or [para]:
            sentences.extend(capped(text, sentence))
    needs_words = _needs_words()
    for sent in sentences:
        if not needs_words.search(text, sent.start, sent.end):
            continue
        words = word_tokenize(text[sent.start : sent.end])
        placed = align(words, text, sent.start, sent.end)
        lost += len([w for w in words if w.strip()]) - len(placed)
        tokens.extend(placed)
    article.scratch.sentences = sentences
    article.scratch.tokens = tokens
    if lost:
        article.warnings.append(f"tokenize: {lost} underthesea pieces could not be aligned to the text")
    return article


STAGE = Stage(
    "tokenize",
    run,
    requires=("text", "paragraphs"),
    provides=("sentences", "tokens"),
    doc="underthesea sentences and words, aligned to offsets",
)

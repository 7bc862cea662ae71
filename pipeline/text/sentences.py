"""underthesea's sentence splitter, run from one end mark to the next instead of character by
character.

`underthesea.sent_tokenize` walks the text in Python one character at a time (about 0.15 s a MB,
a tenth of the whole pipeline). Its rules are few: a ".", "?" or "!" ends a sentence unless the
full stop sits between digits ("1.500.000") or after an abbreviation it knows ("TP.", "Th.S");
three dots or more end one only before a capital or the end. `split` applies the same rules with
the same abbreviations (read from underthesea itself) at the marks alone, which a regex finds in
C. A test holds it to `sent_tokenize` on every article of the corpus and on generated text.
"""

from __future__ import annotations

from functools import cache

import regex

_END_CHARS = ".?!"
# A full stop between two ASCII digits ("1.500.000") never ends a sentence, and the pattern skips
# it: a text of amounts holds three a figure. (`_inside_number` still settles other digits.)
_MARK = regex.compile(r"(?<![0-9])\.|\.(?![0-9])|[" + regex.escape(_END_CHARS.replace(".", "")) + "]")


@cache
def _abbreviations() -> frozenset[str] | None:
    """underthesea's abbreviations, or None when its splitter is not the one these rules copy (a
    later release may change it): then `split` hands the text to underthesea itself."""
    try:
        from underthesea.pipeline import sent_tokenize as module

        module._load_model()
        splitter = module.sentence_tokenizer
        if type(splitter).__name__ != "PunktSentenceTokenizer" or set(_END_CHARS) != splitter.SENT_END_CHARS:
            return None
        return frozenset(splitter.abbrev_types)
    except (ImportError, AttributeError):
        return None


def split(text: str) -> list[str]:
    """The sentences of `text`, as `underthesea.sent_tokenize` gives them (stripped strings)."""
    abbreviations = _abbreviations()
    if abbreviations is None:
        from underthesea import sent_tokenize

        return list(sent_tokenize(text))
    if not text or not text.strip():
        return []
    sentences: list[str] = []
    start = i = 0
    n = len(text)
    while (m := _MARK.search(text, i)) is not None:
        i = m.start()
        if text[i] == ".":
            dots = _past(text, i, ".")
            if dots - i >= 3:  # an ellipsis ends a sentence only before a capital or the end
                after = _past(text, dots, " \t")
                if after >= n or text[after].isupper():
                    _add(sentences, text[start:dots])
                    dots = start = _past(text, dots, " \t\n\r")
                i = dots
                continue
            if _inside_number(text, i) or _after_abbreviation(text, i, abbreviations):
                i += 1
                continue
        end = _past(text, i + 1, _END_CHARS)  # "?!" ends one sentence
        _add(sentences, text[start:end])
        start = i = _past(text, end, " \t\n\r")
    _add(sentences, text[start:])
    return sentences


def _past(text: str, pos: int, chars: str) -> int:
    """`pos` moved forward over any of `chars`."""
    while pos < len(text) and text[pos] in chars:
        pos += 1
    return pos


def _add(sentences: list[str], piece: str) -> None:
    piece = piece.strip()
    if piece:
        sentences.append(piece)


def _inside_number(text: str, pos: int) -> bool:
    return pos > 0 and text[pos - 1].isdigit() and pos + 1 < len(text) and text[pos + 1].isdigit()


def _after_abbreviation(text: str, pos: int, abbreviations: frozenset[str]) -> bool:
    start = pos - 1
    while start >= 0 and (text[start].isalnum() or text[start] == "."):
        start -= 1
    word = text[start + 1 : pos]
    return bool(word) and word.lower() in abbreviations

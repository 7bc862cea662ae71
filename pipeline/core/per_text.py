"""A cache of what is derived from a whole article's text, keyed by the text object itself.

`functools.lru_cache` keys on equality: asked about a text equal to one it holds but another
object (the same article extracted twice in one process, a duplicate in a batch), every lookup
compares the two character by character. A lookup made once per figure then reads the whole
text once per figure: a second run over 3 MB of amounts took 8 s/MB instead of 0.5. Identity
is what these callers mean: "this article's text", asked again within one article's stages.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from functools import wraps
from typing import TypeVar

R = TypeVar("R")
T = TypeVar("T")


def per_text(size: int) -> Callable[[Callable[[T], R]], Callable[[T], R]]:
    """Decorate `fn(text)` to remember its result for the last `size` text objects asked about
    (or any other object an article holds once: its list of entities).

    Holding the text keeps its id from being reused by another object while it is remembered."""

    def decorate(fn: Callable[[T], R]) -> Callable[[T], R]:
        held: deque[tuple[T, R]] = deque(maxlen=size)

        @wraps(fn)
        def remembered(text: T) -> R:
            for known, value in held:
                if known is text:
                    return value
            value = fn(text)
            held.append((text, value))
            return value

        return remembered

    return decorate

"""underthesea's syllable tokenizer (the first step of `word_tokenize`), with what it redoes for
every syllable done once per distinct syllable.

`regex_tokenize.tokenize` matches its pattern over the normalised text, then for each match looks
through a dict of its named groups for the one that matched, and normalises each short token again
(NFC, a character map, a token map), about two thirds of its time. Every alternative of the pattern
is a named group, so the group that matched is the whole match; and a token's normalisation
depends on the token alone, so it is remembered. The same tokens: a test holds this to
`tokenize` on the corpus and on generated text.
"""

from __future__ import annotations

from collections.abc import Callable

REMEMBERED = 50_000  # distinct short tokens kept; the memory is cleared when it holds more
_NORMALISED_LONGER_THAN = 6  # underthesea's token_normalize leaves longer tokens as they are


def reader() -> Callable[[str], list[str]]:
    """A function giving the syllables `regex_tokenize.tokenize(text)` gives (ImportError when
    underthesea's modules are not where this reads them)."""
    from underthesea.pipeline.text_normalize.character_normalize import normalize_characters_in_text
    from underthesea.pipeline.text_normalize.token_normalize import token_normalize
    from underthesea.pipeline.word_tokenize import regex_tokenize

    normalised: dict[str, str] = {}

    def syllables(text: str) -> list[str]:
        out = []
        # The module's pattern is read at each call, as `tokenize` reads it (fixed words change it).
        for m in regex_tokenize.patterns.finditer(normalize_characters_in_text(text)):
            token = m.group()
            if len(token) <= _NORMALISED_LONGER_THAN:
                known = normalised.get(token)
                if known is None:
                    if len(normalised) >= REMEMBERED:
                        normalised.clear()
                    known = normalised[token] = token_normalize(token)
                token = known
            out.append(token)
        return out

    return syllables

"""Pattern helpers every extractor shares, defined once: word edges, years, word lists.

Vietnamese words are runs of letters (tone marks are letters after NFC), so a word "starts" where
no letter stands before it and "ends" where none follows. Word lists from the rule files compile
through `alternation` (a trie, longest match first) or, where an entry is a regex, through
`words_or_regex`, which keeps the two kinds apart.
"""

from __future__ import annotations

from typing import Any

import regex

START = r"(?<![\p{L}])"  # a word starts here
END = r"(?![\p{L}])"  # a word ends here
END_OR_DIGIT = r"(?![\p{L}\d])"  # a word ends here and no digit follows
YEAR = r"(?:19|20)\d{2}"  # the years a news article writes in digits
_YEAR = regex.compile(YEAR)


def is_year(s: str) -> bool:
    """Whether `s` is, whole, a year as news writes it ("2017"; not "2017-2018", not "217")."""
    return len(s) == 4 and _YEAR.fullmatch(s) is not None


def word(alternatives: str) -> str:
    """`alternatives` (a regex) as whole words only."""
    return START + "(?:" + alternatives + ")" + END


def words(entries: list[str]) -> str:
    """A literal word list as whole words: "(?<![\\p{L}])(?:…)(?![\\p{L}])"."""
    return word(alternation(entries))


def one_line(pattern: str) -> regex.Pattern[str]:
    """Compiled so that its spaces never cross a line break (a title, a caption and the body are
    separate lines, and a name never spans two)."""
    return regex.compile(pattern.replace(r"\s", r"[^\S\n]"))


def words_or_regex(entries: list[Any], cased_words: bool = False) -> str:
    """An alternation of rule-file entries, in their order: a plain string is a literal word or
    phrase (with `cased_words`, in its printed casings too); `{regex: ...}` is a pattern, kept as
    written. Order matters between the patterns and the runs of words between them: the first
    that matches at a position wins, and the match is reported as the cue. A run of words is one
    `alternation` (a trie, the longest word first): listed one by one, the engine tried each word
    in turn at every position (a megabyte of amounts, whose every "đồng" begins like "đề ra",
    "đóng BHXH", took 55 ms a list instead of 10)."""
    parts: list[str] = []
    run: list[str] = []
    for entry in [*entries, None]:
        if isinstance(entry, str):
            run += cased([entry]) if cased_words else [entry]
            continue
        if run:
            parts.append(alternation(run))
            run = []
        if isinstance(entry, dict):
            parts.append(str(entry["regex"]))
    return "|".join(parts)


def alternation(entries: list[str]) -> str:
    """A regex alternation of literal words; where several match, the longest is tried first.

    The words are factored into a trie ("Hà Nội|Hà Nam|Hà Giang" -> "Hà\\ (?:Giang|N(?:am|ội))"), so
    the engine reads each character once instead of trying every word at every position: a list
    of a hundred places costs about what one word does. Every word that matches at a position is a
    prefix of the longest one there, so the greedy optional tails try those longest first, as a
    longest-first list would.
    """
    trie: dict[str | None, Any] = {}
    for entry in set(entries):
        node = trie
        for ch in entry:
            node = node.setdefault(ch, {})
        node[None] = {}

    def pattern(node: dict[str | None, Any]) -> str:
        branches = [regex.escape(ch) + pattern(child) for ch, child in sorted(node.items(), key=_key) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if None in node else body

    return pattern(trie)


def cased(entries: list[str], headlines: bool = True) -> list[str]:
    """Each word as written, Capitalised at a sentence start, and (`headlines`) in capitals.

    Full-text scans use these instead of IGNORECASE, which makes the regex engine fold case at
    every position (about 1.6x the cost); no other casing occurs in print.
    """
    out: dict[str, None] = {}
    for w in entries:
        for v in (w, w[:1].upper() + w[1:], w.upper() if headlines else w):
            out[v] = None
    return list(out)


def _key(item: tuple[str | None, Any]) -> str:
    return item[0] or ""


def quoted(text: str, start: int, pos: int) -> bool:
    """Whether a quotation opened between `start` and `pos` is still open at `pos`."""
    # Searched in place, not in a copy of the stretch: asked for every figure of an article.
    straight = text.rfind('"', start, pos) if text.count('"', start, pos) % 2 else -1
    opened = max(text.rfind("“", start, pos), straight)
    return opened >= 0 and opened > text.rfind("”", start, pos)

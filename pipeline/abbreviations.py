"""Abbreviations the article defines: "công nhân viên chức lao động (CNVCLĐ)".

The long form is the run of words just before the parenthesis whose initials spell the
abbreviation (Đ and D count as the same letter only when the text says so).
"""

from __future__ import annotations

import regex

from .article import Article

_DEFINITION = regex.compile(r"\((?P<abbr>[\p{Lu}Đ][\p{Lu}Đ&\-.]{1,11})\)")
_WORD = regex.compile(r"[\p{L}\p{M}]+")


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words).upper()


def find_definitions(text: str) -> dict[str, tuple[str, int]]:
    """{abbreviation: (long form, start of the long form)} for every definition in the text."""
    out: dict[str, tuple[str, int]] = {}
    for m in _DEFINITION.finditer(text):
        abbr = m.group("abbr")
        letters = regex.sub(r"[^\p{L}]", "", abbr).upper()
        before = text[max(0, m.start() - 120) : m.start()]
        words = list(_WORD.finditer(before))
        for k in range(1, min(len(words), len(letters) + 1) + 1):
            chosen = words[-k:]
            gap = before[chosen[-1].end() :]
            if gap.strip():
                break  # something other than a space between the long form and "("
            if _initials([w.group() for w in chosen]) == letters:
                start = max(0, m.start() - 120) + chosen[0].start()
                out.setdefault(abbr, (text[start : m.start()].strip(), start))
                break
    return out


def run(article: Article) -> Article:
    article.abbreviations = {k: v for k, (v, _) in find_definitions(article.text).items()}
    return article

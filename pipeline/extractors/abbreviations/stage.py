"""Abbreviations the article defines: "công nhân viên chức lao động (CNVCLĐ)".

The long form is the run of words just before the parenthesis whose initials spell the
abbreviation (Đ and D count as the same letter only when the text says so). A name that is not
made of initials ("Tổng công ty Điện lực TP Hà Nội (EVN HANOI)") is taken from the organisation
the entities stage found right before the parenthesis; for a company's union it names the company.
"""

from __future__ import annotations

import unicodedata
from functools import cache

import regex

from ...core import lexicon, rules
from ...core.article import Article
from ...core.patterns import alternation
from ...core.spans import before_spaces
from ...core.stage import Stage

_DEFINITION = regex.compile(r"\((?P<abbr>[\p{Lu}Đ][\p{Lu}Đ&\-.]{1,11}(?: [\p{Lu}Đ]{2,10})?)\)")
_WORD = regex.compile(r"[\p{L}\p{M}]+")


def _fold(letters: str) -> str:
    """Upper case without tone or vowel marks ("Ủ" -> "U", "Ư" -> "U"); Đ stays itself."""
    return "".join(ch if ch in "Đđ" else unicodedata.normalize("NFD", ch)[0] for ch in letters).upper()


def _initials(words: list[str]) -> str:
    return _fold("".join(w[0] for w in words))


def find_definitions(text: str) -> dict[str, tuple[str, int]]:
    """{abbreviation: (long form, start of the long form)} for every definition in the text."""
    out: dict[str, tuple[str, int]] = {}
    for m in _DEFINITION.finditer(text):
        abbr = m.group("abbr")
        letters = _fold(regex.sub(r"[^\p{L}]", "", abbr))
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


@cache
def _union_of_company() -> regex.Pattern[str]:
    """The union head of a company's union: "Công đoàn |Tổng công ty Điện lực ..."."""
    orgs = rules.load("organizations")
    unions, companies = alternation(orgs["union_heads"]), alternation(orgs["company_heads"])
    return regex.compile(r"^(?:" + unions + r")\s+(?=(?:" + companies + r")\s)")


@cache
def _known() -> frozenset[str]:
    """Parenthesised words that are never a definition: common abbreviations and places."""
    return frozenset(rules.section("abbreviations", "common")) | frozenset(lexicon.places())


def _named_before(article: Article) -> dict[str, str]:
    """{abbreviation: organisation} for "ORGANISATION (ABBR)" where ABBR is not its initials."""
    text = article.text
    orgs = {e.end: e for e in article.entities if e.type == "ORGANIZATION"}
    union_of_company = _union_of_company()
    known = _known()
    out: dict[str, str] = {}
    for m in _DEFINITION.finditer(text):
        abbr = m.group("abbr")
        org = orgs.get(before_spaces(text, m.start()))
        if org is None or abbr in known or not regex.search(r"[\p{Lu}]{3}", abbr):
            continue
        union = union_of_company.match(org.text)
        out[abbr] = org.text[union.end() :] if union and not abbr.startswith("C") else org.text
    return out


def run(article: Article) -> Article:
    defined = {k: v for k, (v, _) in find_definitions(article.text).items()}
    article.abbreviations = {**_named_before(article), **defined}
    return article


STAGE = Stage(
    "abbreviations",
    run,
    requires=("text", "entities"),
    provides=("abbreviations",),
    doc="abbreviations the article defines",
)

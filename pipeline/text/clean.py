"""Stage: the one canonical text every later offset indexes.

NFC, one tone-mark convention, one space between words, one line per paragraph, no empty lines,
no photo captions and no page furniture ("Có thể bạn quan tâm", "Tin khác" and the headlines after
them). The first line is the title.
"""

from __future__ import annotations

import unicodedata
from functools import cache

import regex

from ..core import rules
from ..core.article import Article, Spans
from ..core.patterns import alternation
from ..core.stage import Stage


@cache
def _tone_pattern() -> tuple[regex.Pattern[str], dict[str, str]]:
    marks: dict[str, str] = {}
    for old, new in rules.section("cleaning", "tone_marks").items():
        for a, b in ((old, new), (new, old)):  # at a syllable's end; before a letter, back again
            marks[a] = b
            marks[a[0].upper() + a[1:]] = b[0].upper() + b[1:]
            marks[a.upper()] = b.upper()  # headlines in capitals: "THANH HOÁ" -> "THANH HÓA"
    ends = alternation([k for k in marks if k.lower() in rules.section("cleaning", "tone_marks")])
    inside = alternation([k for k in marks if k.lower() not in rules.section("cleaning", "tone_marks")])
    # Not after "q" ("quý" keeps its mark: "u" there is part of the consonant); "hóa" at the end
    # of a syllable, "hoàn" when a letter follows ("thuyền" is right and untouched).
    pattern = regex.compile(r"(?<![qQ])(?:(" + ends + r")(?!\w)|(" + inside + r")(?=\p{L}))")
    return pattern, marks


@cache
def _furniture() -> tuple[frozenset[str], str]:
    headings = frozenset(h.casefold() for h in rules.section("cleaning", "furniture_headings"))
    return headings, rules.section("cleaning", "caption_suffix")


def normalise_tone_marks(text: str) -> str:
    pattern, marks = _tone_pattern()
    return pattern.sub(lambda m: marks[m.group()], text)


# Line and paragraph separators (and their old control forms) end a line; invisible format
# characters (zero-width joiners and spaces, soft hyphens, direction marks, the BOM) and other
# control characters are dropped: "2.3\u200d18 đoàn viên" is 2,318 members, and a U+2028 must not
# merge an article into its title.
_LINE_BREAKS = regex.compile(r"\r\n|[\r\u2028\u2029\x85\x0b\x0c]")
_INVISIBLE = regex.compile(r"[\p{Cf}\p{Cs}\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")  # Cs: lone surrogates


# A digit the regex module's Unicode tables know and this Python's do not (U+16130, of Unicode 16)
# matches every rule's \d but is no number to int() or Decimal: it becomes U+FFFD, one character
# for one, so no rule reads it as a figure.
_OTHER_DIGIT = regex.compile(r"[^\P{Nd}0-9]")  # a digit, not an ASCII one


def _unreadable_digits(text: str) -> str:
    return _OTHER_DIGIT.sub(lambda m: m.group() if m.group().isdecimal() else "\ufffd", text)


def clean_text(raw: str) -> str:
    text = _INVISIBLE.sub("", _LINE_BREAKS.sub("\n", raw))
    text = _unreadable_digits(unicodedata.normalize("NFC", text))
    headings, caption_suffix = _furniture()
    lines: list[str] = []
    for line in text.split("\n"):
        # Runs of spaces as one, ends trimmed. str.split in C, not a regex substitution per line: the
        # only spaces it splits at that the regex's \s lacks (\x1c-\x1f) were dropped above.
        line = " ".join(line.split())
        if not line:
            continue
        if lines and line.rstrip(" :").casefold() in headings:
            break  # everything from here on is the page's, not the article's
        if lines and line.endswith(caption_suffix):
            continue  # a photo caption
        lines.append(line)
    return normalise_tone_marks("\n".join(lines))


def run(article: Article) -> Article:
    article.text = text = clean_text(article.raw)
    paragraphs = article.scratch.paragraphs = Spans()
    start = 0
    while True:  # one span a line, the last one too when it is empty (as str.split gives them)
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        paragraphs.add(start, end)
        if end == len(text):
            break
        start = end + 1
    article.title = text[: paragraphs.ends[0]] if text else None  # the first line, found above
    return article


STAGE = Stage(
    "clean",
    run,
    requires=("raw",),
    provides=("text", "title", "paragraphs"),
    doc="NFC, tone marks, spaces, furniture; title = first line",
)

"""Figures that are not quantities: cited documents, ordinals, identifiers and times of day.

Runs before the quantity extractor; what it finds becomes a `blocked` span inside which no
quantity is read ("Nghị quyết 02/NQ-BCT" counts nothing, "lần thứ XX" is the twentieth, not 20).
"""

from __future__ import annotations

from functools import cache

import regex

from ...core import rules
from ...core.article import Article, TextSpan
from ...core.patterns import alternation, cased
from ...core.spans import REACH, filter_spans, merged, near, near_digits
from ...core.stage import Stage
from ...output.models import CitedDocument, Ordinal

# An identifier: a number with a slash and letters, "02/NQ-BCT", "153/2016/NĐ-CP", "155/QĐ-LĐLĐ".
_IDENT = r"\d+(?:/\d{2,4})?/[\p{Lu}Đ][\p{Lu}\p{Ll}Đđ&]*(?:-[\p{Lu}Đ][\p{Lu}\p{Ll}Đđ&]*)*"
_IDENT_ANCHOR = regex.compile(r"/[\p{Lu}Đ]")  # what every identifier holds: a slash before a capital
_TIME_ANCHOR = regex.compile(r"\d\s*(?:giờ|h|g)|\d:\d")  # what every match of "time" holds
# Another number in a list after a cited document's, ending the list or followed by another item.
_NEXT_NUMBER = regex.compile(
    r"\s*(?:,|và)\s*(?:số\s+)?(" + _IDENT + r"|\d{1,3}(?![\d.,]))(?=\s*(?:,|và\s|của\s|[.;:)]|$))"
)


@cache
def _patterns() -> dict[str, regex.Pattern[str]]:
    kinds = alternation(rules.section("references", "document_kinds"))
    romans = rules.section("references", "roman_numerals")
    roman_alt = alternation(list(romans))
    words = alternation(list(rules.section("references", "ordinal_words")))
    heads = alternation(cased(rules.section("references", "ordinal_heads")))
    return {
        "document": regex.compile(
            r"(?<![\p{L}\d])(?P<kind>" + kinds + r")(?:\s+số)?\s+(?P<number>" + _IDENT + r"|\d+(?![.,]\d))"
            r"(?:\s*,?\s*(?:ban hành\s+)?ngày\s+"
            r"(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>\d{4}))?"
            r"(?:\s+của\s+(?P<issuer>(?:[\p{Lu}Đ][\p{L}.&-]*)(?:\s+[\p{Lu}Đ][\p{L}.&-]*)*))?"
        ),
        "identifier": regex.compile(r"(?<![\p{L}\d])" + _IDENT),
        "phone": regex.compile(r"(?<![\d.,])(?:\+84|0)\d{2,3}[ .]?\d{3}[ .]?\d{3,4}(?![\d.,]\d)"),
        "time": regex.compile(  # every match holds a _TIME_ANCHOR: keep the two in step
            r"(?<![\p{L}\d.,])(?:\d{1,2}\s*[-–]\s*)?\d{1,2}\s*(?:giờ|h|g)\s*\d{0,2}(?:\s*phút)?(?![\p{L}\d])"
            r"|(?<![\d.,])\d{1,2}:\d{2}(?![\d])"
        ),
        "ordinal": regex.compile(
            r"(?<![\p{L}])(?:" + heads + r")\s+"
            r"(?:thứ\s+)?(?:(?P<n>\d{1,2})(?!\d|[.,/-]\d)|(?P<roman>" + roman_alt + r")(?![\p{L}\d])"
            r"|(?P<word>" + words + r")(?![\p{L}]))"
        ),
        "roman_after_name": regex.compile(
            r"(?<![\p{L}])(?:"
            + "|".join(regex.escape(h) for h in rules.section("references", "roman_after_heads"))
            + r")(?:\s+[\p{Lu}Đ][\p{L}]*){0,4}\s+"
            r"(?P<roman>" + roman_alt + r")(?![\p{L}\d])"
        ),
        "storm": regex.compile(
            r"(?<![\p{L}])(?:"
            + "|".join(regex.escape(h) for h in rules.section("references", "numbered_heads"))
            + r")\s+số\s+\d+"
        ),
        # "750.000 m 3 nước": the 3 is the cube of the metre, no count. The unit is matched and
        # kept out of the match (\K), not looked behind for: a look-behind first is tried at
        # every position of the text (20 ms a megabyte, against 0.2).
        "exponent": regex.compile(
            r"(?<=\d[^\S\n]?)(?:"
            + alternation(rules.section("references", "exponent_units"))
            + r")\K[^\S\n]?[23](?![\p{L}\d]|[.,]\d)"
        ),
        "bare_number_label": regex.compile(
            r"(?<![\p{L}])(?<!tổng )số\s+\d{1,3}(?![\d]|[.,]\d)(?!\s*(?:người|đoàn))"
        ),
        "label": regex.compile(
            r"(?<![\p{L}])(?:"
            + alternation(rules.section("references", "label_heads"))
            + r")\s+(?:số\s+)?\d[\d .]*[\p{Lu}]?(?![\p{L}\d])"
        ),
        "list_marker": regex.compile(
            r"(?:^|(?<=[\n.;:]\s?))(?:" + alternation(rules.section("references", "list_markers")) + r")\b"
        ),
    }


def _roman(s: str) -> int:
    return int(rules.section("references", "roman_numerals")[s])


def labelled_numbers(text: str) -> list[TextSpan]:
    """Numbers that name rather than count: identifiers, phone numbers, times, storms, and numbers
    after a label ("Điều 5", "phòng 305", "vàng 9999"). `parse` blocks them too."""
    pats = _patterns()
    out: list[TextSpan] = []
    for name in ("phone", "storm", "exponent", "bare_number_label", "label"):  # digits
        for s, e in near_digits(text):
            out.extend(TextSpan(m.start(), m.end()) for m in pats[name].finditer(text, s, e))
    return out + identifiers(text) + times(text)


def identifiers(text: str) -> list[TextSpan]:
    """Identifiers ("02/NQ-BCT", "153/2016/NĐ-CP"), looked for only around a slash before a
    capital, which every one holds: from the digits and slashes before it to the letters and
    dashes after it. A megabyte of "1/" tried the pattern at every figure (0.14 s)."""
    pattern = _patterns()["identifier"]
    return [
        TextSpan(m.start(), m.end())
        for s, e in merged(_around_slash(text, m.start()) for m in _IDENT_ANCHOR.finditer(text))
        for m in pattern.finditer(text, s, e)
    ]


def _around_slash(text: str, slash: int) -> tuple[int, int]:
    """The digits and slashes before `slash`, and the letters, "&" and dashes after it: all an
    identifier holding that slash can reach. (Each walk stops at a letter before it or at the next
    slash after it, so all of them together read the text about once.)"""
    start, end, n = slash, slash + 1, len(text)
    while start > 0 and (text[start - 1] == "/" or text[start - 1].isdecimal()):
        start -= 1
    while end < n and (text[end].isalpha() or text[end] in "&-"):
        end += 1
    return start, end


def times(text: str) -> list[TextSpan]:
    """Times of day ("8 giờ 30", "14h", "7:30"), looked for only around a digit before "giờ", "h",
    "g" or ":": a text dense in figures has digits everywhere, and the pattern's cost is in trying
    every one of them."""
    pattern = _patterns()["time"]
    return [
        TextSpan(m.start(), m.end())
        for s, e in near(text, _TIME_ANCHOR, REACH)
        for m in pattern.finditer(text, s, e)
    ]


def run(article: Article) -> Article:
    text = article.text
    pats = _patterns()
    blocked: list[TextSpan] = []
    documents: list[CitedDocument] = []
    for m in pats["document"].finditer(text):
        number = m.group("number")
        date = None
        if m.group("y"):
            date = f"{int(m.group('y')):04d}-{int(m.group('m')):02d}-{int(m.group('d')):02d}"
        ref_end = m.end("number")
        documents.append(
            CitedDocument(
                text=text[m.start() : ref_end],
                start=m.start(),
                end=ref_end,
                kind=m.group("kind"),
                number=number,
                date=date,
                issuer=m.group("issuer"),
            )
        )
        blocked.append(TextSpan(m.start("number"), m.end("number")))
        pos = ref_end
        while (more := _NEXT_NUMBER.match(text, pos)) is not None:  # "Chỉ thị 03, 05 của Bộ Chính trị"
            blocked.append(TextSpan(more.start(1), more.end(1)))
            pos = more.end()
    blocked += labelled_numbers(text)

    ordinals: list[Ordinal] = []
    for m in pats["ordinal"].finditer(text):
        if m.group("n"):
            value = int(m.group("n"))
        elif m.group("roman"):
            value = _roman(m.group("roman"))
        else:
            value = int(rules.section("references", "ordinal_words")[m.group("word")])
        ordinals.append(Ordinal(text=m.group(), start=m.start(), end=m.end(), value=value, rule="ordinal"))
    for m in pats["roman_after_name"].finditer(text):
        ordinals.append(
            Ordinal(
                text=m.group(), start=m.start(), end=m.end(), value=_roman(m.group("roman")), rule="roman"
            )
        )
    article.ordinals = filter_spans(ordinals)
    blocked.extend(TextSpan(o.start, o.end) for o in article.ordinals)
    blocked.extend(TextSpan(m.start(), m.end()) for m in pats["list_marker"].finditer(text))
    article.documents = documents
    article.scratch.blocked = blocked
    return article


STAGE = Stage(
    "references",
    run,
    requires=("text",),
    provides=("documents", "ordinals", "blocked"),
    doc="documents, ordinals, identifiers: figures that are not quantities",
)

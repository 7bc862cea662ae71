"""People: names after a family name or an honorific, photo and story credits, the byline, and
the offices around a name ("Chủ tịch LĐLĐ tỉnh X Vũ Mạnh Sơn", "Vũ Mạnh Sơn (Ủy viên ...)")."""

from __future__ import annotations

import regex

from ...core.article import Article
from ...core.spans import near
from .gazetteer import CAP, INITIAL_NAME, Found, Gazetteer, gazetteer
from .names import clip_at_breakers

_INITIAL_NAME = regex.compile(INITIAL_NAME)
_APPOSITION = regex.compile(r"\s*(?:\(|[-–,]\s*)([^()\n;:]*?)(?:\)|\s[-–]\s|;|:|\.\s|$)")
_ROLE_SPLIT = regex.compile(r",\s*(?=[\p{Lu}Đ])")
# A byline: capitalised words or initials after the last sentence's end ("... ý nghĩa. H.A").
_BYLINE_NAME = r"((?:" + CAP + r"|[\p{Lu}Đ]+\.?)(?:[\s.-]+(?:" + CAP + r"|[\p{Lu}Đ]+)){0,5})\s*$"
_BYLINE = regex.compile(r"(?:^|[.!?…”\"]\s+)" + _BYLINE_NAME)
_BYLINE_AFTER_SENTENCE = regex.compile(r"[.!?…”\"]\s+" + _BYLINE_NAME)
_BYLINE_REACH = 200
_BYLINE_PARTS = regex.compile(r"(?:" + INITIAL_NAME + r"(?=\s+[\p{Lu}Đ]\p{Ll}))|[^-–]+")
_CAPITALS_NAME = regex.compile(r"[\p{Lu}Đ]{2,}\s+[\p{Lu}Đ]{2,}")  # "TÁ LÂM"
_TWO_INITIALS = regex.compile(r"[\p{Lu}Đ]\.[\p{Lu}Đ]\.")
_INITIALS_REACH = 24  # beyond two initials: "Đồng chí " before them, two more initials after
_LAST_WORD = regex.compile(r"\s(\S+)$")
_NEXT_WORD = regex.compile(r"\s+(\S+)")
# A second name sharing the honorific: "2 cháu Ánh Tuyết và Ngọc Hải", "anh Tuấn và Hùng".
_AND_NAME = regex.compile(
    r"[^\S\n]+và[^\S\n]+(?P<name>" + CAP + r"(?:[^\S\n]+" + CAP + r"){0,2})(?![\p{L}\d])"
)


def find_people(text: str, g: Gazetteer) -> list[Found]:
    p = g.patterns
    out: list[Found] = []
    not_before = g.patterns["not_person_before"]
    honorifics = g.data["honorifics"]
    # Overlapped: "Hà Nội Phạm Bá Vĩnh" also yields "Phạm Bá Vĩnh" once "Hà Nội" is known as a place.
    for m in p["person_surname"].finditer(text, overlapped=True):
        start, end = m.start(), m.end()
        words = m.group().split()
        if words[0] in honorifics:  # "Ông Phạm Hữu Thư", "Ông Cận": "Ông" is the honorific, not the
            start = m.start() + len(words[0]) + 1  # family name (the honorific's rule reads "Cận")
        end = _before_honorific(text, start, clip_at_breakers(text, start, end, g, skip_first=True), g)
        if len(text[start:end].split()) < 2 or not_before.search(text[max(0, start - 20) : start]):
            continue
        out.append(Found(start, end, "PERSON", text[start:end], "surname"))
    for m in p["person_honorific"].finditer(text):
        start = m.start("name")
        end = _before_honorific(text, start, clip_at_breakers(text, start, m.end("name"), g), g)
        if end <= start or text[start:end].split()[0] in g.data["not_after_honorific"]:
            continue
        out.append(Found(start, end, "PERSON", text[start:end], "honorific"))
        if end == m.end("name") and (more := _AND_NAME.match(text, end)) is not None:
            second = more.start("name")
            second_end = clip_at_breakers(text, second, more.end("name"), g)
            if second_end > second and text[second:second_end].split()[0] not in g.data["not_names"]:
                out.append(Found(second, second_end, "PERSON", text[second:second_end], "honorific"))
    return out


def initials(text: str, g: Gazetteer) -> list[Found]:
    """People named by their initials: "bà Đ.T.H.", "ông T.V.D.", "N.M.C."."""
    out: list[Found] = []
    # Every match holds two initials in a row, at most an honorific and a space before them: the
    # pattern's alternation is tried only around those, not at every position of the text.
    for start, end in near(text, _TWO_INITIALS, _INITIALS_REACH):
        for m in g.patterns["initials"].finditer(text, start, end):
            group = "after" if m.group("after") else "alone"
            out.append(Found(m.start(group), m.end(group), "PERSON", m.group(group), "initials"))
    return out


def _before_honorific(text: str, start: int, end: int, g: Gazetteer) -> int:
    """A name's last word dropped when it starts an honorific: "Đỗ Kim Hội Đồng chí ..." -> "Đỗ Kim Hội"."""
    m = _LAST_WORD.search(text[start:end])
    nxt = _NEXT_WORD.match(text, end)
    if m is not None and nxt is not None and f"{m.group(1)} {nxt.group(1)}".lower() in g.data["honorifics"]:
        return start + m.start()
    return end


def credits(text: str, g: Gazetteer) -> list[Found]:
    """Photo and story credits: "Ảnh: Bích Ngọc", "Ảnh: TÁ LÂM", "Tin-ảnh: T.Nga"."""
    out = []
    for m in g.patterns["credit"].finditer(text):
        start = m.start("name")
        end = clip_at_breakers(text, start, m.end("name"), g, skip_first=True)
        name = text[start:end]
        if end > start and (len(name.split()) >= 2 or _INITIAL_NAME.fullmatch(name)):
            out.append(Found(start, end, "PERSON", name, "credit"))
    return out


def byline(article: Article) -> list[Found]:
    """The author's name at the end of the body: "... ý nghĩa. H.A", "Đỗ Đạt - Xuân Trường"."""
    text = article.text
    if not article.scratch.paragraphs:
        return []
    last = article.scratch.paragraphs[-1]
    # A byline is at most six short words: only the paragraph's end is searched (the pattern is
    # anchored at the end, and tried from every sentence end before it).
    cut = max(last.start, last.end - _BYLINE_REACH)
    tail = text[cut : last.end]
    m = (_BYLINE if cut == last.start else _BYLINE_AFTER_SENTENCE).search(tail)
    if m is None or (m.start(1) == 0 and cut == last.start and len(article.scratch.paragraphs) == 1):
        return []
    out = []
    base = cut + m.start(1)
    # Names are split on dashes, and after a leading photo credit: "Tr.Hoàng Hồng Đào - Lê Phong".
    for part in _BYLINE_PARTS.finditer(m.group(1)):
        name = part.group().strip()
        lowers = sum(ch.islower() for ch in name)
        if lowers < 2 and not _CAPITALS_NAME.fullmatch(name) and not _INITIAL_NAME.fullmatch(name):
            continue  # bare initials ("C.T", "H.A") are not names
        if name.split()[0] in gazetteer().data["not_names"]:
            continue
        s = base + part.start() + (len(part.group()) - len(part.group().lstrip()))
        out.append(Found(s, s + len(name), "PERSON", name, "byline"))
    return out


def roles(text: str, people: list[Found], g: Gazetteer) -> None:
    """Offices around a name: 'Chủ tịch LĐLĐ tỉnh X Vũ Mạnh Sơn', 'Vũ Mạnh Sơn (Ủy viên ..., Chủ tịch ...)'.

    Either an apposition or parenthesis after the name, or an office right before it.
    """
    title = g.patterns["title"]
    for f in people:
        after = text[f.end : f.end + 200]
        m = _APPOSITION.match(after)
        if m is not None and title.match(m.group(1).strip()):
            f.roles.extend(r.strip() for r in _ROLE_SPLIT.split(m.group(1)) if title.match(r.strip()))
        before = text[max(0, f.start - 80) : f.start]
        b = g.patterns["title_before"].search(before)
        if b is not None and not f.roles:
            f.roles.append(b.group(1).strip())

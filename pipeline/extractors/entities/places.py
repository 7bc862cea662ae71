"""Places: provinces and cities (before and after the 2025 merger), regions, districts after their
level word, and industrial zones."""

from __future__ import annotations

from functools import cache

import regex

from ...core import lexicon, rules
from ...core.patterns import alternation
from ...core.spans import SpanIndex
from ...text.words import Words
from .gazetteer import CAP, WB, Found, Gazetteer, level_word
from .names import clip_at_breakers, complete_word, trim_to_word

# "quận 5", "Phường 28": places below a province named by a number.
_NUMBERED = regex.compile(r"(?<![\p{L}])(?:[Qq]uận|[Pp]hường)[^\S\n]+\d{1,2}(?![\d\p{L}]|[.,]\d)")
# The number of a zone's phase ends its name when the clause goes on after it ("KCX Linh Trung 2,"):
# before a word it counts something ("KCN Tân Bình 3 doanh nghiệp").
_ZONE_NUMBER = regex.compile(
    r"[^\S\n]+(?:số[^\S\n]+)?\d{1,2}(?![\d.,]\d)(?=[^\S\n]*(?:[,;:)(\n]|\.(?!\d)|$))"
)
# After a plural level word ("các huyện Quảng Ninh, Lệ Thủy, Quảng Trạch", "2 xã Phước Hòa và
# Phước Thắng"), the names listed go on.
_PLURAL = regex.compile(r"(?:các|những|\d+)[^\S\n]+$")
_LISTED = regex.compile(
    r"[^\S\n]*(?:,|và|,[^\S\n]*và)[^\S\n]*(" + CAP + r"(?:[^\S\n]+" + CAP + r"){0,2})(?![\p{L}\d])"
)


@cache
def _dateline() -> tuple[regex.Pattern[str], dict[str, tuple[str, str]]]:
    """A news dateline: a known place in capitals opening a paragraph before a dash ("ĐÀ NẴNG-
    Tại lễ phát động ...", "HÀ NỘI – ..."), where the place patterns read sentence case only."""
    upper = {name.upper(): (canonical, kind) for name, (canonical, kind) in lexicon.places().items()}
    pattern = regex.compile(r"(?P<place>" + alternation(list(upper)) + r")(?=[^\S\n]*[-–—])")
    return pattern, upper


def datelines(text: str) -> list[Found]:
    pattern, upper = _dateline()
    out = []
    start = 0
    while start < len(text):  # tried at each paragraph's start only, not at every position
        m = pattern.match(text, start)
        if m is not None:
            canonical, kind = upper[m.group()]
            out.append(Found(m.start(), m.end(), "LOCATION", canonical, "dateline", kind, canonical))
        start = text.find("\n", start) + 1 or len(text)
    return out


@cache
def _short_country() -> tuple[regex.Pattern[str], frozenset[str]]:
    """A one-syllable country after a lower-case word and before no capitalised one, and the words
    before it that make it something else: those of places.yaml, an honorific or an office's last
    word ("chị Nga", "giám đốc Nga": a person)."""
    pattern = regex.compile(
        r"(?<=(?<![\p{L}])(?P<before>\p{Ll}+)[^\S\n]+)(?P<country>"
        + alternation(rules.section("places", "short_countries"))
        + r")(?![\p{L}\d])(?![^\S\n]+[\p{Lu}Đ])"
    )
    not_before = {*rules.section("places", "not_before_short_country")}
    not_before |= {h.lower() for h in rules.section("people", "honorifics")}
    not_before |= {t.split()[-1].lower() for t in rules.section("people", "titles")}
    return pattern, frozenset(not_before)


def short_countries(text: str) -> list[Found]:
    """ "đế quốc Mỹ", "kỹ sư Nga": one-syllable countries where they cannot be a person's name."""
    pattern, not_before = _short_country()
    return [
        Found(m.start("country"), m.end(), "LOCATION", name, "country", "country", name)
        for m in pattern.finditer(text)
        if m.group("before") not in not_before and (name := m.group("country"))
    ]


def find_places(text: str, g: Gazetteer, tokens: Words) -> list[Found]:
    out: list[Found] = datelines(text) + short_countries(text)
    for m in g.place_re.finditer(text):
        if m.group("zone"):
            end = trim_to_word(tokens, m.start("zname"), complete_word(tokens, m.start("zname"), m.end()))
            zone_end = clip_at_breakers(text, m.start("zname"), end, g)
            if zone_end > m.start("zname") and (n := _ZONE_NUMBER.match(text, zone_end)):
                zone_end = n.end()  # "KCX Linh Trung 2, ..."
            if zone_end > m.start("zname"):
                out.append(Found(m.start(), zone_end, "LOCATION", text[m.start() : zone_end], "zone", "zone"))
        elif m.group("hcm"):
            out.append(Found(m.start(), m.end(), "LOCATION", "Thành phố Hồ Chí Minh", "place", "thành phố"))
        elif m.group("name"):
            canonical, kind = g.places[m.group("name")]
            out.append(Found(m.start(), m.end(), "LOCATION", canonical, "place", kind, canonical))
            if m.group("level") and _PLURAL.search(text, max(0, m.start() - 8), m.start()):
                out.extend(_listed(text, m.end(), level_word(m.group("level")) or "", g))
        else:
            # The word right after a spelled-out level word is a name even when it could start a
            # sentence ("huyện Nhà Bè"); after "TP" it may be one ("Công đoàn TP Ảnh: ...").
            spelled = not m.group("level2").startswith("TP")
            end = clip_at_breakers(text, m.start("name2"), m.end(), g, skip_first=spelled)
            words = text[m.start("name2") : end].split()
            known = [k for k in range(len(words), 0, -1) if " ".join(words[:k]) in g.places]
            if known:  # "xã Việt Nam Nguyễn Đức Lợi": the known place, not the name after it
                end = m.start("name2") + len(" ".join(words[: known[0]]))
            elif len(words) >= 3 and words[0] in g.data["surnames"]:
                continue  # "TP Trần Kim Yến": a person after an abbreviated body
            if end <= m.start("name2"):
                continue
            name = text[m.start("name2") : end]
            level = level_word(m.group("level2")) or ""
            canonical, kind = g.places.get(name, (name, level))
            out.append(Found(m.start(), end, "LOCATION", canonical, "district", level, canonical))
            if _PLURAL.search(text, max(0, m.start() - 8), m.start()):
                out.extend(_listed(text, end, level, g))
    for m in _NUMBERED.finditer(text):
        name = " ".join(m.group().lower().split())
        out.append(Found(m.start(), m.end(), "LOCATION", name, "district", name.split()[0], name))
    return out


def _listed(text: str, end: int, level: str, g: Gazetteer) -> list[Found]:
    """The places listed after the first under a plural level word, each a place of that level."""
    out = []
    while (m := _LISTED.match(text, end)) is not None:
        stop = clip_at_breakers(text, m.start(1), m.end(1), g)
        if stop <= m.start(1):
            break
        name = text[m.start(1) : stop]
        canonical = g.places.get(name, (name, level))[0]
        out.append(Found(m.start(1), stop, "LOCATION", canonical, "district", level, canonical))
        end = stop
    return out


@cache
def _after_preposition() -> regex.Pattern[str]:
    # The name may not count a number ("tại Điều 5") nor be the start of a longer capitalised
    # run (names of four words and more are bodies or people, found by their own rules).
    return regex.compile(
        r"(?<![\p{L}])(?:" + alternation(lexicon.place_prepositions()) + r")[^\S\n]+"
        r"(?P<name>" + CAP + r"(?:[^\S\n]+" + CAP + r"){0,2})" + WB + r"(?![^\S\n]*(?:\d|[\p{Lu}Đ]))"
    )


def after_preposition(text: str, g: Gazetteer, tokens: Words, taken: list[Found]) -> list[Found]:
    """A capitalised name that no other rule knows, after "tại" or "ở", is a place: "tại Vị Thanh",
    "ở Hạ Long". It must be whole words of the tokens ("tại Quyết định" is not a place), and not
    start with a word that begins sentences or bodies ("tại Hội nghị", "ở Công ty")."""
    out = []
    index = SpanIndex(taken)
    for m in _after_preposition().finditer(text):
        start = m.start("name")
        first = m.group("name").split()[0]
        if any(first in g.data[key] for key in ("not_names", "name_breakers", "honorifics")):
            continue
        end = trim_to_word(tokens, start, clip_at_breakers(text, start, m.end("name"), g))
        whole = not tokens.enabled or (tokens.starts_at(start) and complete_word(tokens, start, end) == end)
        if end <= start or not whole:
            continue
        if index.overlaps(start, end):
            continue
        name = text[start:end]
        out.append(Found(start, end, "LOCATION", name, "after_preposition", "", name))
    return out

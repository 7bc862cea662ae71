"""Organisations, people and places, by gazetteers and name patterns over the cleaned text.

underthesea's CRF NER scores badly on union news (it tags "Tổng LĐLĐ Việt Nam" as a person), so
names come from rules: a union body is a head ("LĐLĐ", "Công đoàn") with a level and a place;
a person is a capitalised run that starts with a family name, or follows an honorific or an
office; a place is a province (before or after the 2025 merger) or a district after its level
word. Every mention gets a canonical name that is the same across articles ("LĐLĐ Thanh Hóa",
"Công đoàn tỉnh Thanh Hóa" and, in context, "LĐLĐ tỉnh" -> "LĐLĐ tỉnh Thanh Hóa").
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import regex

from . import rules
from .article import Article
from .models import Entity, OrgRef
from .names import Tokens, complete_word, name_end, trim_to_word
from .spans import filter_spans, overlaps

CAP = r"[\p{Lu}Đ][\p{Ll}\p{M}]*"  # one capitalised syllable
CAPS = r"[\p{Lu}Đ]{2,}(?:-[\p{Lu}Đ]+)*"  # an abbreviation: CAND, EVN, HANOI
WB = r"(?![\p{L}\d])"
INITIAL_NAME = r"[\p{Lu}Đ][\p{Ll}]?\.\s?[\p{Lu}Đ][\p{L}]+"  # "T.Hoàng", "Tr.Hoàng", "N.LIÊM"


@dataclass
class Found:
    start: int
    end: int
    type: str
    canonical: str
    rule: str
    level: str | None = None
    place: str | None = None
    roles: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Gazetteer:
    places: dict[str, tuple[str, str]]  # surface -> (canonical, type)
    place_re: regex.Pattern[str]
    patterns: dict[str, regex.Pattern[str]]
    data: dict[str, Any]


def _one_line(pattern: str) -> regex.Pattern[str]:
    """Names never cross a line break (a title, a caption and the body are separate lines)."""
    return regex.compile(pattern.replace(r"\s", r"[^\S\n]"))


@cache
def gazetteer() -> Gazetteer:
    places_data = rules.load("places")
    orgs = rules.load("organizations")
    people = rules.load("people")
    places: dict[str, tuple[str, str]] = {}
    for key in ("provinces_2025_06", "provinces_2025_07"):
        for p in places_data[key]:
            canonical = "Thành phố Hồ Chí Minh" if p["name"] == "Hồ Chí Minh" else p["name"]
            if p["name"] != "Hồ Chí Minh":  # bare "Hồ Chí Minh" is the person; the city has its level word
                places[p["name"]] = (canonical, p["type"])
            for a in p.get("aliases") or []:
                places[a] = (canonical, p["type"])
    for r in places_data["regions"]:
        places[r["name"]] = (r["name"], "region")
        for a in r.get("aliases") or []:
            places[a] = (r["name"], "region")
    place_alt = rules.alternation(list(places))
    levels = rules.alternation(list(orgs["levels"]))
    sub_levels = r"(?:quận|Quận|huyện|Huyện|thị xã|Thị xã|phường|xã|thị trấn|TP\.|TP|thành phố|Thành phố)"
    place_re = _one_line(
        r"(?<![\p{L}\p{M}\d])(?:(?P<level>"
        + levels
        + r")\s*)?(?<![\p{L}])(?P<name>"
        + place_alt
        + r")"
        + WB
        + r"|(?P<level2>"
        + sub_levels
        + r")(?:(?<=\.)\s*|\s+)(?P<name2>"
        + CAP
        + r"(?:\s+"
        + CAP
        + r"){0,2})"
        + WB
        + r"|(?P<hcm>(?:TP\.?\s*|Thành phố\s+|thành phố\s+)Hồ Chí Minh)"
        + WB
        + r"|(?<![\p{L}])(?P<zone>"
        + rules.alternation(places_data["zone_heads"])
        + r")\s+(?P<zname>"
        + CAP
        + r"(?:\s+"
        + CAP
        + r"){0,3})"
        + WB
    )
    fed = rules.alternation(orgs["federation_heads"])
    union = rules.alternation(orgs["union_heads"])
    joiners = rules.alternation(orgs["union_name_words"] + orgs["name_joiners"])
    # A name: capitalised words, abbreviations and numbers, with lower-case joiners inside and
    # a place from the gazetteer as a whole ("Cụm thi đua các tỉnh Bắc Trung bộ").
    fixed = rules.alternation(orgs["fixed_phrases"])
    word = r"(?:" + fixed + r"|" + place_alt + r"|" + CAP + r"|" + CAPS + r"|\d+)"
    joiner = r"(?:" + joiners + r")(?=(?:\s+(?:" + joiners + r"))*\s+[\p{Lu}Đ\d])"
    name_run = r"(?:(?:" + joiner + r"\s+)*" + word + r"(?:\s+(?:" + word + r"|" + joiner + r"))*)"
    state_forms = {f: b["canonical"] for b in orgs["state_bodies"] for f in b["forms"]}
    place_bodies = {f: b["canonical"] for b in orgs["place_bodies"] for f in b["forms"]}
    national = orgs["national_federation"]
    titles = rules.alternation(people["titles"])
    honorifics = rules.alternation(people["honorifics"])
    surnames = rules.alternation(people["surnames"])
    org_heads = rules.alternation(orgs["named_heads"])
    company_heads = rules.alternation(orgs["company_heads"])
    company_forms = rules.alternation(orgs["company_forms"])
    patterns = {
        "national": _one_line(r"(?<![\p{L}])(?:" + rules.alternation(national["forms"]) + r")" + WB),
        "federation": _one_line(
            r"(?<![\p{L}])(?<!Tổng\s)(?P<head>" + fed + r")(?:\s*(?P<level>" + levels + r"))?"
            r"(?:\s*(?P<place>"
            + place_alt
            + r"|Hồ Chí Minh|HCM)"
            + WB
            + r"|(?:(?<=\.)\s*|\s+)(?P<name>"
            + CAP
            + r"(?:\s+"
            + CAP
            + r"){0,2})"
            + WB
            + r")?"
        ),
        "union": _one_line(
            r"(?<![\p{L}])(?P<head>"
            + union
            + r")(?![\p{L}])(?:\s+(?P<level>"
            + levels
            + r"))?\s*(?P<rest>"
            + name_run
            + r")"
            + WB
        ),
        "union_plain": _one_line(r"(?<![\p{L}])(?P<head>" + union + r")\s+(?P<level>" + levels + r")" + WB),
        "state": _one_line(r"(?<![\p{L}])(?:" + rules.alternation(list(state_forms)) + r")" + WB),
        "place_body": _one_line(
            r"(?<![\p{L}])(?P<body>" + rules.alternation(list(place_bodies)) + r")(?!\s*viên)"
            r"(?:\s+(?P<level>"
            + levels
            + r"))?(?:\s*(?P<place>"
            + place_alt
            + r"|Hồ Chí Minh)"
            + WB
            + r")?"
            + WB
        ),
        # A company's name: its first word here, the rest settled by the tokens (names.name_end).
        "company": _one_line(
            r"(?:(?P<union>" + union + r")(?:\s*\([\p{Lu}Đ]{1,6}\))?\s+)?"
            r"(?<![\p{L}])(?P<head>"
            + company_heads
            + r")(?:\s+(?P<form>"
            + company_forms
            + r"))?\s+(?P<name>"
            + word
            + r")"
            + WB
        ),
        "named": _one_line(r"(?<![\p{L}])(?P<head>" + org_heads + r")\s+(?P<name>" + name_run + r")" + WB),
        "fixed_phrase": _one_line(r"(?:" + rules.alternation(orgs["fixed_phrases"]) + r")" + WB),
        "organ_start": _one_line(r"(?:" + rules.alternation(orgs["organs"]) + r")" + WB),
        "organ": _one_line(r"(?<![\p{L}])(?:" + rules.alternation(orgs["organs"]) + r")\s+$"),
        "person_surname": _one_line(r"(?<![\p{L}])(?:" + surnames + r")(?:\s+" + CAP + r"){1,3}" + WB),
        "person_honorific": _one_line(
            r"(?<![\p{L}])(?:" + honorifics + r")\s+(?P<name>" + CAP + r"(?:\s+" + CAP + r"){0,3})" + WB
        ),
        "title": _one_line(r"(?:" + titles + r")"),
        "credit": _one_line(
            r"(?<![\p{L}])(?:"
            + rules.alternation(people["credit_words"])
            + r")\s*:\s*(?P<name>"
            + INITIAL_NAME
            + r"|[\p{Lu}Đ]{2,}(?:\s+[\p{Lu}Đ]{2,}){1,3}|"
            + CAP
            + r"(?:\s+"
            + CAP
            + r"){1,3})"
            + WB
        ),
        # "Tết Đinh Dậu", "Xuân Giáp Thìn": a year's name, not a person.
        "not_person_before": _one_line(r"(?:" + rules.alternation(people["not_person_before"]) + r")\s+$"),
    }
    # An office right before a name; the office stays on one line, the spaces after it need not.
    patterns["title_before"] = regex.compile(r"((?:" + patterns["title"].pattern + r")[^,.;:()\n-]*?)\s*$")
    return Gazetteer(
        places,
        place_re,
        patterns,
        {
            "state": state_forms,
            "place_bodies": place_bodies,
            "levelled_bodies": {b["canonical"] for b in orgs["place_bodies"] if b.get("needs_level")},
            "national": national["canonical"],
            "orgs": orgs,
            "not_names": set(people["not_names"]),
            "honorifics": set(people["honorifics"]),
            "name_breakers": set(people["name_breakers"]),
            "surnames": set(people["surnames"]),
            "generic_bodies": set(orgs["generic_bodies"]),
        },
    )


def _level_word(level: str | None) -> str | None:
    if level is None:
        return None
    return str(rules.section("organizations", "levels").get(level.strip(), level.strip()))


def _find_places(text: str, g: Gazetteer, tokens: Tokens) -> list[Found]:
    out: list[Found] = []
    for m in g.place_re.finditer(text):
        if m.group("zone"):
            end = trim_to_word(tokens, m.start("zname"), complete_word(tokens, m.start("zname"), m.end()))
            zone_end = _clip_at_breakers(text, m.start("zname"), end, g)
            if zone_end > m.start("zname"):
                out.append(Found(m.start(), zone_end, "LOCATION", text[m.start() : zone_end], "zone", "zone"))
        elif m.group("hcm"):
            out.append(Found(m.start(), m.end(), "LOCATION", "Thành phố Hồ Chí Minh", "place", "thành phố"))
        elif m.group("name"):
            canonical, kind = g.places[m.group("name")]
            out.append(Found(m.start(), m.end(), "LOCATION", canonical, "place", kind, canonical))
        else:
            end = _clip_at_breakers(text, m.start("name2"), m.end(), g)
            words = text[m.start("name2") : end].split()
            known = [k for k in range(len(words), 0, -1) if " ".join(words[:k]) in g.places]
            if known:  # "xã Việt Nam Nguyễn Đức Lợi": the known place, not the name after it
                end = m.start("name2") + len(" ".join(words[: known[0]]))
            elif len(words) >= 3 and words[0] in g.data["surnames"]:
                continue  # "TP Trần Kim Yến": a person after an abbreviated body
            if end <= m.start("name2"):
                continue
            name = text[m.start("name2") : end]
            level = _level_word(m.group("level2")) or ""
            canonical, kind = g.places.get(name, (name, level))
            out.append(Found(m.start(), end, "LOCATION", canonical, "district", level, canonical))
    return out


_WORDS = regex.compile(r"\S+")
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
_LAST_WORD = regex.compile(r"\s(\S+)$")
_NEXT_WORD = regex.compile(r"\s+(\S+)")


def _clip_at_breakers(text: str, start: int, end: int, g: Gazetteer, skip_first: bool = False) -> int:
    """`end` cut before the first word that is never part of a name ("Hoài Đức Về ..." -> "Hoài Đức")."""
    for i, w in enumerate(_WORDS.finditer(text, start, end)):
        if w.group() in g.data["name_breakers"] and not (skip_first and i == 0):
            end = w.start()
            while end > start and text[end - 1].isspace():
                end -= 1
            return end
    return end


def _find_orgs(text: str, g: Gazetteer, tokens: Tokens) -> list[Found]:
    p = g.patterns
    out: list[Found] = []
    for m in p["national"].finditer(text):
        out.append(Found(m.start(), m.end(), "ORGANIZATION", g.data["national"], "national", "national"))
    for m in p["state"].finditer(text):
        out.append(Found(m.start(), m.end(), "ORGANIZATION", g.data["state"][m.group()], "state"))
    for m in p["federation"].finditer(text):
        level = _level_word(m.group("level"))
        place = None
        end = m.end("level") if m.group("level") else m.end("head")
        if m.group("place"):
            place = g.places.get(m.group("place"), ("Thành phố Hồ Chí Minh", "thành phố"))[0]
            level = level or g.places.get(m.group("place"), ("", "thành phố"))[1]
            end = m.end()
        elif m.group("name") and level in ("quận", "huyện", "thị xã", "thành phố"):
            name_end_at = _clip_at_breakers(text, m.start("name"), m.end("name"), g)
            words = text[m.start("name") : name_end_at].split()
            if len(words) >= 3 and words[0] in g.data["surnames"]:
                name_end_at = m.start("name")  # "LĐLĐ TP Trần Kim Yến": the chair, not a city
            if name_end_at > m.start("name"):
                place, end = text[m.start("name") : name_end_at], name_end_at
        out.append(Found(m.start(), end, "ORGANIZATION", "", "federation", level, place))
    for m in p["union"].finditer(text):
        fixed = g.patterns["fixed_phrase"].search(text, m.start("rest"), m.end("rest"))
        clip_from = fixed.end() if fixed else m.start("rest")  # "cơ quan Dân, Đảng": "Đảng" is inside
        rest = text[m.start("rest") : _clip_at_breakers(text, clip_from, m.end("rest"), g)]
        if not rest or rest in g.data["orgs"]["company_heads"]:
            continue  # "CĐCS Cty": the company is named elsewhere
        level = _level_word(m.group("level"))
        if rest in g.places or (level and rest):
            canonical_place, kind = g.places.get(rest, (rest, level or ""))
            if kind == "region" and canonical_place == "Việt Nam":
                continue  # "Công đoàn Việt Nam" is a state-level body in the gazetteer
            out.append(
                Found(m.start(), m.end(), "ORGANIZATION", "", "federation", level or kind, canonical_place)
            )
        else:
            head = "Công đoàn" if m.group("head") in ("CĐ", "Công đoàn") else m.group("head")
            end = name_end(tokens, m.start("rest"), m.end())
            rest = " ".join(text[m.start("rest") : end].split())
            out.append(Found(m.start(), end, "ORGANIZATION", f"{head} {rest}", "union"))
    for m in p["union_plain"].finditer(text):
        out.append(
            Found(m.start(), m.end(), "ORGANIZATION", "", "federation", _level_word(m.group("level")), None)
        )
    for m in p["place_body"].finditer(text):
        body = g.data["place_bodies"][m.group("body")]
        level = _level_word(m.group("level"))
        place = g.places.get(m.group("place") or "", (m.group("place"), ""))[0] if m.group("place") else None
        out.append(Found(m.start(), m.end(), "ORGANIZATION", body, "place_body", level, place))
    for m in p["company"].finditer(text):
        end = name_end(tokens, m.start("name"), m.end(), open_tail=False)
        company = _company_name(m, text[m.start("name") : end])
        if m.group("union"):  # the union of a company: "Công đoàn Công ty CP Bách Hưng Sinh"
            out.append(Found(m.start(), end, "ORGANIZATION", f"Công đoàn {company}", "union", "grassroots"))
        out.append(Found(m.start("head"), end, "ORGANIZATION", company, "company"))
    for m in p["named"].finditer(text):
        if len(tokens) and not tokens.starts_at(m.start()):
            continue  # "Hội" ending "Đỗ Kim Hội" is not the head of a body
        if g.patterns["organ_start"].match(text, m.start()):
            continue  # "Ban Thường vụ LĐLĐ huyện": an organ of the body after it (see _organs)
        end = name_end(tokens, m.start("name"), m.end())
        name = " ".join(text[m.start() : end].split())
        if name in g.data["generic_bodies"]:
            continue
        out.append(Found(m.start(), end, "ORGANIZATION", name, "named"))
    return out


def _company_name(m: regex.Match[str], name: str) -> str:
    head = {"Cty": "Công ty"}.get(m.group("head"), m.group("head"))
    form = m.group("form")
    form = (
        {"CP": "cổ phần", "Cổ phần": "cổ phần", "trách nhiệm hữu hạn": "TNHH"}.get(form, form)
        if form
        else None
    )
    return " ".join(x for x in (head, form, " ".join(name.split())) if x)


def _find_people(text: str, g: Gazetteer) -> list[Found]:
    p = g.patterns
    out: list[Found] = []
    not_before = g.patterns["not_person_before"]
    honorifics = g.data["honorifics"]
    # Overlapped: "Hà Nội Phạm Bá Vĩnh" also yields "Phạm Bá Vĩnh" once "Hà Nội" is known as a place.
    for m in p["person_surname"].finditer(text, overlapped=True):
        start, end = m.start(), m.end()
        words = m.group().split()
        if words[0] in honorifics and len(words) >= 3:  # "Ông Phạm Hữu Thư": "Ông" is the honorific
            start = m.start() + len(words[0]) + 1
        end = _before_honorific(text, start, _clip_at_breakers(text, start, end, g, skip_first=True), g)
        if len(text[start:end].split()) < 2 or not_before.search(text[max(0, start - 20) : start]):
            continue
        out.append(Found(start, end, "PERSON", text[start:end], "surname"))
    for m in p["person_honorific"].finditer(text):
        start = m.start("name")
        end = _before_honorific(text, start, _clip_at_breakers(text, start, m.end("name"), g), g)
        if end <= start:
            continue
        out.append(Found(start, end, "PERSON", text[start:end], "honorific"))
    return out


def _before_honorific(text: str, start: int, end: int, g: Gazetteer) -> int:
    """A name's last word dropped when it starts an honorific: "Đỗ Kim Hội Đồng chí ..." -> "Đỗ Kim Hội"."""
    m = _LAST_WORD.search(text[start:end])
    nxt = _NEXT_WORD.match(text, end)
    if m is not None and nxt is not None and f"{m.group(1)} {nxt.group(1)}".lower() in g.data["honorifics"]:
        return start + m.start()
    return end


def _credits(text: str, g: Gazetteer) -> list[Found]:
    """Photo and story credits: "Ảnh: Bích Ngọc", "Ảnh: TÁ LÂM", "Tin-ảnh: T.Nga"."""
    out = []
    for m in g.patterns["credit"].finditer(text):
        start = m.start("name")
        end = _clip_at_breakers(text, start, m.end("name"), g, skip_first=True)
        name = text[start:end]
        if end > start and (len(name.split()) >= 2 or _INITIAL_NAME.fullmatch(name)):
            out.append(Found(start, end, "PERSON", name, "credit"))
    return out


def _byline(article: Article) -> list[Found]:
    """The author's name at the end of the body: "... ý nghĩa. H.A", "Đỗ Đạt - Xuân Trường"."""
    text = article.text
    if not article.paragraphs:
        return []
    last = article.paragraphs[-1]
    # A byline is at most six short words: only the paragraph's end is searched (the pattern is
    # anchored at the end, and tried from every sentence end before it).
    cut = max(last.start, last.end - _BYLINE_REACH)
    tail = text[cut : last.end]
    m = (_BYLINE if cut == last.start else _BYLINE_AFTER_SENTENCE).search(tail)
    if m is None or (m.start(1) == 0 and cut == last.start and len(article.paragraphs) == 1):
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


def _resolve(found: list[Found], candidates: list[Found], g: Gazetteer) -> None:
    """Canonical names: fill a federation's missing place from the article's context.

    The context is every federation matched, also those inside a longer name ("Đảng bộ Cơ quan
    LĐLĐ Thành phố Hà Nội" tells that "LĐLĐ Thành phố" is Hà Nội's).
    """
    placed = Counter((f.level, f.place) for f in candidates if f.rule == "federation" and f.place and f.level)
    provinces = Counter(f.place for f in found if f.type == "LOCATION" and f.level in ("tỉnh", "thành phố"))
    for f in found:
        if f.rule == "federation":
            if not f.place:
                same_level = [(n, lp) for lp, n in placed.items() if lp[0] == f.level or f.level is None]
                if same_level:
                    f.level, f.place = max(same_level)[1]
            f.canonical = " ".join(x for x in ("LĐLĐ", _unless_said(f.level, f.place), f.place) if x)
        elif f.rule == "place_body":
            place = f.place
            if place is None and provinces:
                place = provinces.most_common(1)[0][0]
            level = f.level or (g.places.get(place or "", ("", ""))[1] if place else None)
            if f.canonical not in g.data["levelled_bodies"]:
                level = None  # "Tỉnh ủy Bắc Ninh", not "Tỉnh ủy tỉnh Bắc Ninh"
            f.canonical = " ".join(x for x in (f.canonical, _unless_said(level, place), place) if x)
    # A short name ("bà Tuyến") is the full name that ends with it.
    full = [f for f in found if f.type == "PERSON" and len(f.canonical.split()) >= 2]
    for f in found:
        if f.type == "PERSON" and len(f.canonical.split()) < 3:
            for other in full:
                if other is not f and other.canonical.endswith(" " + f.canonical):
                    f.canonical = other.canonical
                    break


def _unless_said(level: str | None, place: str | None) -> str | None:
    """The level word, unless the place's name carries it ("Thành phố Hồ Chí Minh")."""
    if level and place and place.lower().startswith(level.lower() + " "):
        return None
    return level


def _organs(text: str, found: list[Found], g: Gazetteer) -> list[Found]:
    """'Ban Thường vụ LĐLĐ tỉnh' is a body of its own, around the federation it belongs to."""
    out = []
    for f in found:
        if f.type != "ORGANIZATION":
            continue
        m = g.patterns["organ"].search(text[max(0, f.start - 30) : f.start])
        if m is not None:
            start = f.start - (min(30, f.start) - m.start())
            organ = text[start : f.start].strip()
            out.append(Found(start, f.end, "ORGANIZATION", f"{organ} {f.canonical}", "organ"))
    return out


def _roles(text: str, people: list[Found], g: Gazetteer) -> None:
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


def run(article: Article) -> Article:
    g = gazetteer()
    text = article.text
    tokens = Tokens(text, article.tokens)
    places = _find_places(text, g, tokens)
    candidates = _find_orgs(text, g, tokens)
    orgs = filter_spans(candidates)
    # Credits and bylines are surest ("Ảnh: H.Nguyễn Xây dựng ..."): other candidates may not overlap
    # them, nor start inside a place ("Hà Nội Phạm Bá Vĩnh").
    signed = filter_spans(_credits(text, g) + _byline(article))
    people = signed + filter_spans(
        c
        for c in _find_people(text, g)
        if not overlaps(c.start, c.end, signed) and not any(pl.start <= c.start < pl.end for pl in places)
    )
    # Names that sit inside an organisation's or a place's name are not people ("Hà Nội").
    people = [p for p in people if not any(o.start <= p.start and p.end <= o.end for o in orgs + places)]
    # A zone inside a union's name is part of that name ("CĐ KKT Hải Phòng"), not a place of its own.
    places = filter_spans(
        pl
        for pl in places
        if pl.rule != "zone" or not any(o.start <= pl.start and pl.end <= o.end for o in orgs)
    )
    found = orgs + places + people
    _resolve(found, candidates, g)
    found += _organs(text, orgs, g)
    _roles(text, people, g)
    seen: set[tuple[int, int, str]] = set()
    entities = []
    for f in sorted(found, key=lambda f: (f.start, -f.end)):
        key = (f.start, f.end, f.type)
        if key in seen or not f.canonical:
            continue
        seen.add(key)
        entities.append(
            Entity(
                type=f.type,
                text=text[f.start : f.end],
                canonical=f.canonical,
                start=f.start,
                end=f.end,
                roles=f.roles,
                rule=f.rule,
            )
        )
    article.entities = entities
    article.organization = main_organization(article)
    return article


def main_organization(article: Article) -> OrgRef | None:
    """The union body the article is mainly about: named in the title, else the most mentioned."""
    unions = [
        e
        for e in article.entities
        if e.type == "ORGANIZATION" and e.rule in ("federation", "union", "national")
    ]
    if not unions:
        return None
    # The title says what the article is about, the lede (its first sentence) says it again.
    title_end = len(article.title or "")
    body = [s for s in article.sentences if s.start >= title_end]
    lede_end = body[0].end if body else title_end
    scores: Counter[str] = Counter()
    for e in unions:
        scores[e.canonical] += 4 if e.start < title_end else 2 if e.start < lede_end else 1
    # The national federation is named in almost every article; it is the subject only when
    # nothing below it is named about as often. A body named once in passing (a caption, an
    # aside) does not displace it.
    best, score = scores.most_common(1)[0]
    if best == gazetteer().data["national"]:
        others = [(s, n) for n, s in scores.items() if n != best]
        if others and max(others)[0] * 2 >= score and max(others)[0] > 1:
            best = max(others)[1]
    aliases = sorted({e.text for e in unions if e.canonical == best})
    return OrgRef(name=best, aliases=aliases)

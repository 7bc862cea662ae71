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
from .spans import filter_spans

CAP = r"[\p{Lu}Đ][\p{Ll}\p{M}]*"  # one capitalised syllable
CAPS = r"[\p{Lu}Đ]{2,}(?:-[\p{Lu}Đ]+)*"  # an abbreviation: CAND, EVN, HANOI
WB = r"(?![\p{L}\d])"


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
    place_re = regex.compile(
        r"(?:(?P<level>"
        + levels
        + r")\s*)?(?<![\p{L}])(?P<name>"
        + place_alt
        + r")"
        + WB
        + r"|(?P<level2>"
        + sub_levels
        + r")\s+(?P<name2>"
        + CAP
        + r"(?:\s+"
        + CAP
        + r"){0,2})"
        + WB
        + r"|(?P<hcm>(?:TP\.?\s*|Thành phố\s+|thành phố\s+)Hồ Chí Minh)"
        + WB
    )
    fed = rules.alternation(orgs["federation_heads"])
    union = rules.alternation(orgs["union_heads"])
    joiners = rules.alternation(orgs["union_name_words"] + orgs["name_joiners"])
    # A name: capitalised words, abbreviations and numbers, with lower-case joiners inside and
    # a place from the gazetteer as a whole ("Cụm thi đua các tỉnh Bắc Trung bộ").
    word = r"(?:" + place_alt + r"|" + CAP + r"|" + CAPS + r"|\d+)"
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
        "national": regex.compile(r"(?<![\p{L}])(?:" + rules.alternation(national["forms"]) + r")" + WB),
        "federation": regex.compile(
            r"(?<![\p{L}])(?<!Tổng\s)(?P<head>" + fed + r")(?:\s*(?P<level>" + levels + r"))?"
            r"(?:\s*(?P<place>"
            + place_alt
            + r"|Hồ Chí Minh|HCM)"
            + WB
            + r"|\s+(?P<name>"
            + CAP
            + r"(?:\s+"
            + CAP
            + r"){0,2})"
            + WB
            + r")?"
        ),
        "union": regex.compile(
            r"(?<![\p{L}])(?P<head>"
            + union
            + r")(?![\p{L}])(?:\s+(?P<level>"
            + levels
            + r"))?\s*(?P<rest>"
            + name_run
            + r")"
            + WB
        ),
        "union_plain": regex.compile(
            r"(?<![\p{L}])(?P<head>" + union + r")\s+(?P<level>" + levels + r")" + WB
        ),
        "state": regex.compile(r"(?<![\p{L}])(?:" + rules.alternation(list(state_forms)) + r")" + WB),
        "place_body": regex.compile(
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
        # Company names keep lower-case words between capitalised ones ("Công ty TNHH Cao su Chư Prông").
        "company": regex.compile(
            r"(?:(?P<union>" + union + r")\s+)?"
            r"(?<![\p{L}])(?P<head>"
            + company_heads
            + r")(?:\s+(?P<form>"
            + company_forms
            + r"))?\s+(?P<name>"
            + word
            + r"(?:\s+(?:"
            + word
            + r"|\p{Ll}+(?=\s+[\p{Lu}Đ])))*)"
            + WB
        ),
        "named": regex.compile(
            r"(?<![\p{L}])(?P<head>" + org_heads + r")\s+(?P<name>" + name_run + r")" + WB
        ),
        "organ": regex.compile(r"(?<![\p{L}])(?:" + rules.alternation(orgs["organs"]) + r")\s+$"),
        "person_surname": regex.compile(r"(?<![\p{L}])(?:" + surnames + r")(?:\s+" + CAP + r"){1,3}" + WB),
        "person_honorific": regex.compile(
            r"(?<![\p{L}])(?:" + honorifics + r")\s+(?P<name>" + CAP + r"(?:\s+" + CAP + r"){0,3})" + WB
        ),
        "title": regex.compile(r"(?:" + titles + r")"),
        # "Tết Đinh Dậu", "Xuân Giáp Thìn": a year's name, not a person.
        "not_person_before": regex.compile(
            r"(?:" + rules.alternation(people["not_person_before"]) + r")\s+$"
        ),
    }
    return Gazetteer(
        places,
        place_re,
        patterns,
        {
            "state": state_forms,
            "place_bodies": place_bodies,
            "national": national["canonical"],
            "orgs": orgs,
            "not_names": set(people["not_names"]),
        },
    )


def _level_word(level: str | None) -> str | None:
    if level is None:
        return None
    return str(rules.section("organizations", "levels").get(level.strip(), level.strip()))


def _find_places(text: str, g: Gazetteer) -> list[Found]:
    out: list[Found] = []
    for m in g.place_re.finditer(text):
        if m.group("hcm"):
            out.append(Found(m.start(), m.end(), "LOCATION", "Thành phố Hồ Chí Minh", "place", "thành phố"))
        elif m.group("name"):
            canonical, kind = g.places[m.group("name")]
            out.append(Found(m.start(), m.end(), "LOCATION", canonical, "place", kind, canonical))
        else:
            name = m.group("name2")
            if name.split()[0] in g.data["not_names"]:
                continue
            level = _level_word(m.group("level2")) or ""
            canonical, kind = g.places.get(name, (name, level))
            out.append(Found(m.start(), m.end(), "LOCATION", canonical, "district", level, canonical))
    return out


def _find_orgs(text: str, g: Gazetteer) -> list[Found]:
    p = g.patterns
    out: list[Found] = []
    for m in p["national"].finditer(text):
        out.append(Found(m.start(), m.end(), "ORGANIZATION", g.data["national"], "national", "national"))
    for m in p["state"].finditer(text):
        out.append(Found(m.start(), m.end(), "ORGANIZATION", g.data["state"][m.group()], "state"))
    for m in p["federation"].finditer(text):
        level = _level_word(m.group("level"))
        place = None
        if m.group("place"):
            place = g.places.get(m.group("place"), ("Thành phố Hồ Chí Minh", "thành phố"))[0]
            level = level or g.places.get(m.group("place"), ("", "thành phố"))[1]
        elif m.group("name") and level in ("quận", "huyện", "thị xã", "thành phố"):
            place = m.group("name")
        end = m.end() if place else (m.end("level") if m.group("level") else m.end("head"))
        out.append(Found(m.start(), end, "ORGANIZATION", "", "federation", level, place))
    for m in p["union"].finditer(text):
        rest = m.group("rest")
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
            out.append(Found(m.start(), m.end(), "ORGANIZATION", f"{head} {rest}", "union"))
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
        company = _company_name(m)
        if m.group("union"):  # the union of a company: "Công đoàn Công ty CP Bách Hưng Sinh"
            out.append(
                Found(m.start(), m.end(), "ORGANIZATION", f"Công đoàn {company}", "union", "grassroots")
            )
        out.append(Found(m.start("head"), m.end(), "ORGANIZATION", company, "company"))
    for m in p["named"].finditer(text):
        out.append(Found(m.start(), m.end(), "ORGANIZATION", m.group(), "named"))
    return out


def _company_name(m: regex.Match[str]) -> str:
    head = {"Cty": "Công ty"}.get(m.group("head"), m.group("head"))
    form = m.group("form")
    form = (
        {"CP": "cổ phần", "Cổ phần": "cổ phần", "trách nhiệm hữu hạn": "TNHH"}.get(form, form)
        if form
        else None
    )
    return " ".join(x for x in (head, form, m.group("name")) if x)


def _find_people(text: str, g: Gazetteer) -> list[Found]:
    p = g.patterns
    out: list[Found] = []
    not_before = g.patterns["not_person_before"]
    for m in p["person_surname"].finditer(text):
        words = m.group().split()
        if any(w in g.data["not_names"] for w in words[1:]) or not_before.search(
            text[max(0, m.start() - 20) : m.start()]
        ):
            continue
        out.append(Found(m.start(), m.end(), "PERSON", m.group(), "surname"))
    for m in p["person_honorific"].finditer(text):
        name = m.group("name")
        if name.split()[0] in g.data["not_names"]:
            continue
        out.append(Found(m.start("name"), m.end("name"), "PERSON", name, "honorific"))
    return out


def _byline(article: Article) -> list[Found]:
    """The author's name at the end of the body: "... ý nghĩa. H.A", "Đỗ Đạt - Xuân Trường"."""
    text = article.text
    if not article.paragraphs:
        return []
    last = article.paragraphs[-1]
    tail = text[last.start : last.end]
    m = regex.search(
        r"(?:^|[.!?…”\"]\s+)((?:" + CAP + r"|[\p{Lu}Đ]+\.?)(?:[\s.-]+(?:" + CAP + r"|[\p{Lu}Đ]+)){0,5})\s*$",
        tail,
    )
    if m is None or (m.start(1) == 0 and len(article.paragraphs) == 1):
        return []
    out = []
    base = last.start + m.start(1)
    for part in regex.finditer(r"[^-–]+", m.group(1)):
        name = part.group().strip()
        lowers = sum(ch.islower() for ch in name)
        if lowers < 2 and not regex.fullmatch(r"[\p{Lu}Đ]{2,}\s+[\p{Lu}Đ]{2,}", name):
            continue  # bare initials ("C.T", "H.A") are not names
        if name.split()[0] in gazetteer().data["not_names"]:
            continue
        s = base + part.start() + (len(part.group()) - len(part.group().lstrip()))
        out.append(Found(s, s + len(name), "PERSON", name, "byline"))
    return out


def _resolve(found: list[Found], article: Article, g: Gazetteer) -> None:
    """Canonical names: fill a federation's missing place from the article's context."""
    placed = Counter((f.level, f.place) for f in found if f.rule == "federation" and f.place and f.level)
    provinces = Counter(f.place for f in found if f.type == "LOCATION" and f.level in ("tỉnh", "thành phố"))
    for f in found:
        if f.rule == "federation":
            if not f.place:
                same_level = [(n, lp) for lp, n in placed.items() if lp[0] == f.level or f.level is None]
                if same_level:
                    f.level, f.place = max(same_level)[1]
            f.canonical = " ".join(x for x in ("LĐLĐ", f.level, f.place) if x)
        elif f.rule == "place_body":
            place = f.place
            if place is None and provinces:
                place = provinces.most_common(1)[0][0]
            level = f.level or (g.places.get(place or "", ("", ""))[1] if place else None)
            f.canonical = " ".join(x for x in (f.canonical, level, place) if x)
    # A short name ("bà Tuyến") is the full name that ends with it.
    full = [f for f in found if f.type == "PERSON" and len(f.canonical.split()) >= 2]
    for f in found:
        if f.type == "PERSON" and len(f.canonical.split()) < 3:
            for other in full:
                if other is not f and other.canonical.endswith(" " + f.canonical):
                    f.canonical = other.canonical
                    break


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
        m = regex.match(r"\s*(?:\(|[-–,]\s*)([^()\n;:]*?)(?:\)|\s[-–]\s|;|:|\.\s|$)", after)
        if m is not None and title.match(m.group(1).strip()):
            f.roles.extend(
                r.strip() for r in regex.split(r",\s*(?=[\p{Lu}Đ])", m.group(1)) if title.match(r.strip())
            )
        before = text[max(0, f.start - 80) : f.start]
        b = regex.search(r"((?:" + title.pattern + r")[^,.;:()\n-]*?)\s*$", before)
        if b is not None and not f.roles:
            f.roles.append(b.group(1).strip())


def run(article: Article) -> Article:
    g = gazetteer()
    text = article.text
    places = _find_places(text, g)
    orgs = filter_spans(_find_orgs(text, g))
    people = [p for p in filter_spans(_find_people(text, g) + _byline(article))]
    # Names that sit inside an organisation's or a place's name are not people ("Hà Nội").
    people = [p for p in people if not any(o.start <= p.start and p.end <= o.end for o in orgs + places)]
    places = filter_spans(places)
    found = orgs + places + people
    _resolve(found, article, g)
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
    title_end = len(article.title or "")
    scores: Counter[str] = Counter()
    for e in unions:
        scores[e.canonical] += 3 if e.start < title_end else 1
    # The national federation is named in almost every article; it is the subject only when
    # nothing below it is named as often.
    best, score = scores.most_common(1)[0]
    if best == gazetteer().data["national"]:
        others = [(s, n) for n, s in scores.items() if n != best]
        if others and max(others)[0] * 2 >= score:
            best = max(others)[1]
    aliases = sorted({e.text for e in unions if e.canonical == best})
    return OrgRef(name=best, aliases=aliases)

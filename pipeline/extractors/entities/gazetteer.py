"""The entity gazetteer: the lexicon's places and the name patterns built from the rule files.

Three families of patterns, each built by one function: places (`_place_pattern`), organisations
(`_org_patterns`: the union system, state and party bodies, bodies named after a place,
companies, other named bodies) and people (`_people_patterns`: family names, honorifics,
offices, credits). `Found` is what the finders return before names are made canonical.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

import regex

from ...core import lexicon, rules
from ...core.patterns import alternation, one_line
from .ministries import ministry_form

CAP = r"[\p{Lu}Đ][\p{Ll}\p{M}]*"  # one capitalised syllable
CAPS = r"[\p{Lu}Đ]{2,}(?:-[\p{Lu}Đ]+)*"  # an abbreviation: CAND, EVN, HANOI
WB = r"(?![\p{L}\d])"
INITIAL_NAME = r"[\p{Lu}Đ][\p{Ll}]?\.\s?[\p{Lu}Đ][\p{L}]+"  # "T.Hoàng", "Tr.Hoàng", "N.LIÊM"


@dataclass(slots=True)
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
    orgs = rules.load("organizations")
    people = rules.load("people")
    places = lexicon.places()
    place_alt = alternation(list(places))
    levels = alternation(list(orgs["levels"]))
    patterns = {**_org_patterns(orgs, levels, place_alt), **_people_patterns(people)}
    return Gazetteer(
        places,
        _place_pattern(levels, place_alt),
        patterns,
        {
            "state": {f: b["canonical"] for b in orgs["state_bodies"] for f in b["forms"]},
            "media": {f: b["canonical"] for b in orgs["media_outlets"] for f in b["forms"]},
            "place_bodies": {f: b["canonical"] for b in orgs["place_bodies"] for f in b["forms"]},
            "levelled_bodies": {b["canonical"] for b in orgs["place_bodies"] if b.get("needs_level")},
            "placed_bodies": {b["canonical"] for b in orgs["place_bodies"] if b.get("needs_place")},
            "national": orgs["national_federation"]["canonical"],
            "orgs": orgs,
            "company_words": orgs["company_words"],
            "not_names": set(people["not_names"]),
            "not_after_honorific": set(people["not_after_honorific"]),
            "honorifics": set(people["honorifics"]),
            "name_breakers": set(people["name_breakers"]),
            "name_compounds": set(people["name_compounds"]),
            "surnames": set(people["surnames"]),
            "generic_bodies": set(orgs["generic_bodies"]),
            "union_owned_heads": set(orgs["union_owned_heads"]),
        },
    )


def _place_pattern(levels: str, place_alt: str) -> regex.Pattern[str]:
    """A province or region (after an optional level word), a place below a province after its
    level word, Ho Chi Minh City with its level word, or an industrial zone; each at a word's
    start ("câu chuyện Lan Anh" holds no "huyện Lan Anh")."""
    sub_levels = r"(?:" + alternation(lexicon.sub_province_levels()) + r")"
    # The word-start check is made once for the first three (at every position of the text).
    return one_line(
        r"(?<![\p{L}\p{M}\d])(?:(?:(?P<level>"
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
        + r")|(?<![\p{L}])(?P<zone>"
        + alternation(lexicon.zone_heads())
        + r")\s+(?P<zname>"
        + CAP
        + r"(?:\s+"
        + CAP
        + r"){0,3})"
        + WB
    )


def _org_patterns(orgs: dict[str, Any], levels: str, place_alt: str) -> dict[str, regex.Pattern[str]]:
    fed = alternation(orgs["federation_heads"])
    union = alternation(orgs["union_heads"])
    joiners = alternation(orgs["union_name_words"] + orgs["name_joiners"])
    # A name: capitalised words, abbreviations and numbers, with lower-case joiners inside and
    # a place from the gazetteer as a whole ("Cụm thi đua các tỉnh Bắc Trung bộ").
    # A sector's union is named after its ministry, which may go on in lower case ("Công đoàn ngành
    # Giao thông vận tải"): one word of the name.
    ministries = "|".join(ministry_form(name) for name in sorted(orgs["ministries"], key=len, reverse=True))
    fixed = alternation(orgs["fixed_phrases"])
    word = rf"(?:{fixed}|{ministries}|{place_alt}|{CAP}|{CAPS}|\d+)"
    joiner = r"(?:" + joiners + r")(?=(?:\s+(?:" + joiners + r"))*\s+[\p{Lu}Đ\d])"
    name_run = r"(?:(?:" + joiner + r"\s+)*" + word + r"(?:\s+(?:" + word + r"|" + joiner + r"))*)"
    state_forms = [f for b in orgs["state_bodies"] for f in b["forms"]]
    place_bodies = [f for b in orgs["place_bodies"] for f in b["forms"]]
    return {
        "national": one_line(
            r"(?<![\p{L}])(?:" + alternation(orgs["national_federation"]["forms"]) + r")" + WB
        ),
        "federation": one_line(
            # "Liên đoàn Lao động (LĐLĐ) TP Hà Nội": the abbreviation it defines may stand inside.
            r"(?<![\p{L}])(?<!Tổng\s)(?P<head>" + fed + r")(?:\s*\([\p{Lu}Đ]{2,8}\))?"
            r"(?:\s*(?P<level>" + levels + r"))?"
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
            # a district by its number ("LĐLĐ quận 1", as places.py reads "quận 5")
            + r"|(?<=(?:[Qq]uận|[Pp]hường)[^\S\n]*)[^\S\n]+(?P<number>\d{1,2})(?![\d\p{L}]|[.,]\d)"
            + r")?"
        ),
        "union": one_line(
            r"(?<![\p{L}])(?P<head>"
            + union
            + r")(?![\p{L}])(?:\s+(?P<level>"
            + levels
            + r"))?\s*(?P<rest>"
            + name_run
            + r")"
            + WB
        ),
        # A level word closing a union body's name with no place after it: "CĐ Giáo dục huyện".
        "level_after": one_line(
            r"[^\S\n]+(?P<level>" + levels + r")" + WB + r"(?![^\S\n]+(?:" + place_alt + r"))"
        ),
        "union_plain": one_line(r"(?<![\p{L}])(?P<head>" + union + r")\s+(?P<level>" + levels + r")" + WB),
        "state": one_line(r"(?<![\p{L}])(?:" + alternation(state_forms) + r")" + WB),
        "media": one_line(
            r"(?<![\p{L}])(?:"
            + alternation([f for b in orgs["media_outlets"] for f in b["forms"]])
            + r")"
            + WB
        ),
        # A body named in lower case up to the place it serves (organisations.placed_bodies).
        "placed_lower": one_line(
            r"(?<![\p{L}])(?P<head>"
            + alternation(orgs["placed_heads"])
            + r")\s+(?P<words>\p{Ll}+(?:(?:\s*[,&-]\s*|\s+)\p{Ll}+){0,9}?)\s+(?:(?P<level>"
            + levels
            + r")\s+)?(?P<place>"
            + place_alt
            + r")"
            + WB
        ),
        "ministry": one_line(r"(?<![\p{L}])Bộ\s+(?:" + ministries + r")" + WB),
        "place_body": one_line(
            r"(?<![\p{L}])(?P<body>" + alternation(place_bodies) + r")(?!\s*viên)"
            r"(?:\s+(?P<level>"
            + levels
            + r"))?(?:\s*(?P<place>"
            + place_alt
            + r"|Hồ Chí Minh)"
            + WB
            + r")?"
            + WB
        ),
        # A company's head word with no name after it, after a union's head: "CĐ Công ty, ...".
        "company_alone": one_line(
            r"(?:" + alternation(orgs["company_heads"]) + r")" + WB + r"(?![^\S\n]+[\p{Lu}Đ\d])"
        ),
        # A company's name: its first word here, the rest settled by the tokens (names.name_end).
        "company": one_line(
            r"(?:(?P<union>" + union + r")(?:\s*\([\p{Lu}Đ]{1,6}\))?\s+)?"
            r"(?<![\p{L}])(?P<head>"
            + alternation(orgs["company_heads"])
            + r")(?:\s+(?P<form>"
            + alternation(orgs["company_forms"])
            + r"))?\s+(?P<name>"
            + word
            + r")"
            + WB
        ),
        # A company named in lower case and closed by its number: "Xí nghiệp công trình 796",
        # "Xí nghiệp vận chuyển rác số 2" (organisations.numbered_companies checks the words).
        "company_numbered": one_line(
            r"(?<![\p{L}])(?P<head>"
            + alternation(orgs["company_heads"])
            + r")\s+(?P<words>(?:\p{Ll}+\s+){1,4})(?:số\s+)?(?P<number>\d{1,4})(?![\p{L}\d]|[.,]\d)"
        ),
        "named": one_line(
            r"(?<![\p{L}])(?P<head>"
            + alternation(orgs["named_heads"])
            + r")\s+(?P<name>"
            + name_run
            + r")"
            + WB
        ),
        # A name quoted after its head: 'Quỹ “Vì người nghèo”' (organisations.quoted_bodies).
        "named_quoted": regex.compile(
            r"(?<![\p{L}])(?:"
            + alternation(orgs["named_heads"])
            + r")[^\S\n]+“(?P<name>[\p{Lu}Đ][^”\n]{0,80})”"
        ),
        "fixed_phrase": one_line(r"(?:" + fixed + r")" + WB),
        "organ_start": one_line(r"(?:" + alternation(orgs["organs"]) + r")" + WB),
        "organ": one_line(r"(?<![\p{L}])(?:" + alternation(orgs["organs"]) + r")\s+$"),
    }


def _people_patterns(people: dict[str, Any]) -> dict[str, regex.Pattern[str]]:
    titles = alternation(people["titles"])
    patterns = {
        "person_surname": one_line(
            r"(?<![\p{L}])(?:" + alternation(people["surnames"]) + r")(?:\s+" + CAP + r"){1,3}" + WB
        ),
        "person_honorific": one_line(
            r"(?<![\p{L}])(?:"
            + alternation(people["honorifics"])
            + r")\s+(?P<name>"
            + CAP
            + r"(?:\s+"
            + CAP
            + r"){0,3})"
            + WB
        ),
        "title": one_line(r"(?:" + titles + r")"),
        # A person named by initials alone: "bà Đ.T.H.", "ông T.V.D." after an honorific; three or
        # more initials on their own ("N.M.C."). Two alone are a byline's, not a name ("C.T").
        "initials": one_line(
            r"(?:(?<![\p{L}])(?:" + alternation(people["honorifics"]) + r")\s+(?P<after>(?:[\p{Lu}Đ]\.){2,4})"
            r"|(?<![\p{L}.])(?P<alone>(?:[\p{Lu}Đ]\.){3,4}))(?![\p{L}])"
        ),
        "credit": one_line(
            r"(?<![\p{L}])(?:"
            + alternation(people["credit_words"])
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
        "not_person_before": one_line(r"(?:" + alternation(people["not_person_before"]) + r")\s+$"),
    }
    # An office right before a name; the office stays on one line, the spaces after it need not.
    patterns["title_before"] = regex.compile(r"((?:" + patterns["title"].pattern + r")[^,.;:()\n-]*?)\s*$")
    return patterns


def level_word(level: str | None) -> str | None:
    """The canonical level word ("TP." -> "thành phố")."""
    if level is None:
        return None
    return str(rules.section("organizations", "levels").get(level.strip(), level.strip()))

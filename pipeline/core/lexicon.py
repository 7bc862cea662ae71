"""One lexicon of the union world's names: places and the heads of organisations' names.

Read by every stage that needs to know a name when it sees one: `extractors.entities` (the
gazetteer, its name edges, places after "tại"/"ở"), and `extractors.abbreviations`
(parenthesised places are not definitions). The data is
`places.yaml` (provinces before and after the 2025 merger, regions, zones, level words) and
`organizations.yaml` (the union system's heads and levels, state bodies, company forms), both
beside this file.
"""

from __future__ import annotations

from functools import cache

from . import rules

HCM = "Hồ Chí Minh"
HCM_CITY = "Thành phố Hồ Chí Minh"


@cache
def places() -> dict[str, tuple[str, str]]:
    """{surface form: (canonical name, type)} for every province, city and region.

    Bare "Hồ Chí Minh" is the person; the city is named with its level word ("TP HCM")."""
    data = rules.load("places")
    out: dict[str, tuple[str, str]] = {}
    for key in ("provinces_2025_06", "provinces_2025_07"):
        for p in data[key]:
            canonical = HCM_CITY if p["name"] == HCM else p["name"]
            if p["name"] != HCM:
                out[p["name"]] = (canonical, p["type"])
            for a in p.get("aliases") or []:
                out[a] = (canonical, p["type"])
    for r in data["regions"]:
        out[r["name"]] = (r["name"], "region")
        for a in r.get("aliases") or []:
            out[a] = (r["name"], "region")
    return out


@cache
def place_names() -> frozenset[str]:
    """Every name and alias of a province, city or region, as written (a name closes there)."""
    data = rules.load("places")
    names: set[str] = set()
    for key in ("provinces_2025_06", "provinces_2025_07", "regions"):
        for p in data[key]:
            names.add(p["name"])
            names.update(p.get("aliases") or [])
    return frozenset(names)


def body_heads() -> list[str]:
    """Every word that starts the name of a body: union, federation, national, named, company."""
    orgs = rules.load("organizations")
    return [
        *orgs["union_heads"],
        *orgs["federation_heads"],
        *orgs["national_federation"]["forms"],
        *orgs["named_heads"],
        *orgs["company_heads"],
        *[f for b in orgs["state_bodies"] for f in b["forms"]],
        *[f for b in orgs["place_bodies"] for f in b["forms"]],
    ]


def zone_heads() -> list[str]:
    return list(rules.section("places", "zone_heads"))


def place_prepositions() -> list[str]:
    return list(rules.section("places", "place_prepositions"))


def sub_province_levels() -> list[str]:
    """Level words before a place below a province ("quận", "huyện", "TP")."""
    return list(rules.section("places", "sub_province_levels"))


def organizations() -> dict[str, object]:
    return rules.load("organizations")

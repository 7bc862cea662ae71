"""Where an organisation stands in the union system, read from its canonical name: its level
(national, sector, province, district, industrial zone, grassroots) and its province, as named
then and as merged since 1 July 2025. A table of totals per province needs both: "LĐLĐ tỉnh Bắc
Giang" reported in 2022 is, since the merger, part of Bắc Ninh."""

from __future__ import annotations

from functools import cache

import regex

from ...core import lexicon, rules
from ...core.patterns import alternation
from ...output.models import OrgLevel, OrgRef

# The rank of each level, highest first: a body gives awards downwards.
RANK: dict[str, int] = {"national": 0, "sector": 1, "province": 1, "district": 2, "zone": 3, "grassroots": 4}


@cache
def _patterns() -> dict[str, regex.Pattern[str]]:
    data = rules.section("organizations", "org_levels")
    return {
        level: regex.compile(r"(?<![\p{L}])(?:" + alternation(words) + r")(?![\p{L}])")
        for level, words in data.items()
    }


@cache
def _merged() -> dict[str, str]:
    """{province as named before the merger: the province it belongs to since 1 July 2025}."""
    data = rules.load("places")

    def named(name: str) -> str:  # as the lexicon names it: "Hồ Chí Minh" is "Thành phố Hồ Chí Minh"
        return lexicon.HCM_CITY if name == lexicon.HCM else name

    out = {named(p["name"]): named(p.get("merged_into") or p["name"]) for p in data["provinces_2025_06"]}
    out.update({named(p["name"]): named(p["name"]) for p in data["provinces_2025_07"]})
    return out


def province_of(name: str) -> str | None:
    """The first province or centrally-run city named in `name`, as the lexicon names it."""
    places = lexicon.places()
    for m in _place_pattern().finditer(name):
        canonical, kind = places[m.group()]
        if kind != "region":
            return canonical
    return None


@cache
def _place_pattern() -> regex.Pattern[str]:
    return regex.compile(r"(?<![\p{L}])(?:" + alternation(list(lexicon.places())) + r")(?![\p{L}])")


def level_of(name: str, national: str) -> OrgLevel | None:
    """The level a canonical name says: the national federation, then the first level word that
    the name holds, in the order grassroots, zone, sector, district, province."""
    if name == national:
        return "national"
    for level, pattern in _patterns().items():
        if pattern.search(name):
            if level == "province" and _below_province(name):
                return "district"
            return level  # type: ignore[return-value]
    return None


def _below_province(name: str) -> bool:
    """'LĐLĐ thành phố Vũng Tàu' is a city inside a province, not a province."""
    m = regex.search(r"(?:tỉnh|thành phố)\s+(.+)$", name)
    return m is not None and m.group(1) not in lexicon.places()


def describe(name: str, aliases: list[str] | None = None, context_province: str | None = None) -> OrgRef:
    """An OrgRef for a canonical name, with level and province. A body below the province whose
    name does not say its province ("LĐLĐ quận Long Biên") takes the article's (`context_province`)."""
    national = str(rules.section("organizations", "national_federation")["canonical"])
    level = level_of(name, national)
    province = province_of(name) if level != "national" else None
    if province is None and level not in (None, "national"):
        province = context_province
    return OrgRef(
        name=name,
        aliases=aliases or [],
        level=level,
        province=province,
        province_since_2025=_merged().get(province) if province else None,
    )

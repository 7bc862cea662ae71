"""Canonical names: the same body gets the same name across articles ("LĐLĐ tỉnh" -> "LĐLĐ tỉnh
Thanh Hóa" from the federations the article names; "UBND" -> "UBND tỉnh Gia Lai"), and a short
name of a person is the full name that ends with it."""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from ...core import rules
from .gazetteer import Found, Gazetteer


def resolve(text: str, found: list[Found], candidates: list[Found], g: Gazetteer) -> None:
    """Canonical names: fill a federation's missing place from the article's context.

    The context is every federation matched, also those inside a longer name ("Đảng bộ Cơ quan
    LĐLĐ Thành phố Hà Nội" tells that "LĐLĐ Thành phố" is Hà Nội's). A body named after the
    federation it belongs to ends in that federation's canonical name, so that "Đảng bộ cơ quan
    LĐLĐ TP" and "Đảng bộ cơ quan LĐLĐ TPHCM" in one article are one body.
    """
    federations = [f for f in candidates if f.rule == "federation"]
    placed = Counter((f.level, f.place) for f in federations if f.place and f.level)
    provinces = Counter(f.place for f in found if f.type == "LOCATION" and f.level in ("tỉnh", "thành phố"))
    starts = sorted(f.start for f in federations)
    starting_at = {f.start: f for f in federations}
    level_words = set(rules.section("organizations", "levels").values())
    located = Counter((f.level, f.place) for f in found if f.type == "LOCATION" and f.level and f.place)
    for f in found:
        if f.rule == "federation":
            _federation(f, placed)
        elif f.rule == "union" and f.level in level_words and f.place is None:
            _levelled_union(f, placed, located)
        elif f.rule == "named" and (inner := _last_inside(f, starts, starting_at)) is not None:
            # its name runs to the federation's end: "Đảng bộ cơ quan LĐLĐ tỉnh | đã kết nạp"
            before = " ".join(text[f.start : inner.start].split())
            f.end = max(f.end, inner.end)
            f.canonical = f"{before} {_federation(inner, placed)}"
        elif f.rule == "place_body":
            place = f.place
            if place is None and provinces:
                place = provinces.most_common(1)[0][0]
            level = f.level or (g.places.get(place or "", ("", ""))[1] if place else None)
            if f.canonical not in g.data["levelled_bodies"]:
                level = None  # "Tỉnh ủy Bắc Ninh", not "Tỉnh ủy tỉnh Bắc Ninh"
            f.canonical = " ".join(x for x in (f.canonical, _unless_said(level, place), place) if x)
    _short_unions(found, g)
    # A short name ("bà Tuyến") is the full name that ends with it: the first, in text order, of
    # the names of two words or more (by their endings, not by comparing each name with each).
    ending_of: dict[str, Found] = {}
    for f in found:
        words = f.canonical.split() if f.type == "PERSON" else []
        for k in range(1, len(words)):
            ending_of.setdefault(" ".join(words[k:]), f)
    for f in found:
        if f.type == "PERSON" and len(f.canonical.split()) < 3:
            other = ending_of.get(f.canonical)
            if other is not None and other is not f:
                f.canonical = other.canonical


def _last_inside(body: Found, starts: list[int], starting_at: dict[int, Found]) -> Found | None:
    """The federation that starts inside a named body's name and ends with it or after it."""
    k = bisect_left(starts, body.end) - 1
    if k >= 0 and body.start < starts[k] and starting_at[starts[k]].end >= body.end:
        return starting_at[starts[k]]
    return None


def _federation(f: Found, placed: Counter[tuple[str, str]]) -> str:
    """A federation's canonical name, its place filled from the most named federation of its
    level when the text leaves it out ("LĐLĐ tỉnh")."""
    if not f.place:
        same_level = [(n, lp) for lp, n in placed.items() if lp[0] == f.level or f.level is None]
        if same_level:
            f.level, f.place = max(same_level)[1]
    f.canonical = " ".join(x for x in ("LĐLĐ", _unless_said(f.level, f.place), f.place) if x)
    return f.canonical


def _short_unions(found: list[Found], g: Gazetteer) -> None:
    """A union body's short name is the one longer name of a union body the article gives that
    goes on from it, if there is one: "CĐ KKT" -> "Công đoàn KKT Hải Phòng", "Công đoàn cơ quan
    Dân, Đảng" -> "... quận Long Biên", and "Công đoàn Công ty" (organisations: a union's head and
    a company's head alone) -> the one company union named in full. Not a name that states its
    level ("CĐ Giáo dục huyện", placed by `_levelled_union`)."""
    words = g.data["company_words"]
    short = {f"Công đoàn {words.get(h, h)}" for h in g.data["orgs"]["company_heads"]}
    unions = {f.canonical for f in found if f.rule == "union"}  # distinct: a long text repeats them
    for f in found:
        if f.rule == "union" and (f.canonical in short or f.level is None):
            f.canonical = extended(f.canonical, unions) or f.canonical


def extended(short: str, names: Iterable[str]) -> str | None:
    """The one name of `names` that goes on from `short` ("Công đoàn Công ty" -> "Công đoàn Công
    ty TNHH Sankoh", "CĐCS Cty TNHH Long Sinh"), compared spelled out and in lower case; None when
    none does or several do."""
    start = spelled(short) + " "
    longer = {n for n in names if spelled(n).startswith(start)}
    return longer.pop() if len(longer) == 1 else None


@lru_cache(maxsize=4096)  # names, not texts: a few hundred distinct ones in any article
def spelled(name: str) -> str:
    """A union body's name in lower case with its heads spelled out ("CĐCS Cty X" -> "công đoàn
    công ty x"), to compare the ways an article writes one name."""
    orgs = rules.load("organizations")
    words = name.split()
    heads = {h.lower() for h in orgs["union_heads"]}
    for k in sorted({len(h.split()) for h in heads}, reverse=True):  # "Công đoàn cơ sở" before "Công đoàn"
        if " ".join(words[:k]).lower() in heads:
            words = ["công", "đoàn", *words[k:]]
            break
    company = orgs["company_words"]
    return " ".join(" ".join(company.get(w, w) for w in words).lower().split())


def _levelled_union(f: Found, placed: Counter[tuple[str, str]], located: Counter[tuple[str, str]]) -> None:
    """A union body named with a level and no place ("CĐ Giáo dục huyện"): the place of that level
    the article names most, its federations' first, else its places' ("huyện Mỹ Đức"). `placed`
    and `located` count (level, place) of the article's federations and places, once an article."""
    at_level = Counter({place: n for (level, place), n in placed.items() if level == f.level})
    if not at_level:
        at_level = Counter({place: n for (level, place), n in located.items() if level == f.level})
    f.place = max(at_level, key=lambda p: (at_level[p], p)) if at_level else None
    f.canonical = " ".join(x for x in (f.canonical, _unless_said(f.level, f.place), f.place) if x)


def _unless_said(level: str | None, place: str | None) -> str | None:
    """The level word, unless the place's name carries it ("Thành phố Hồ Chí Minh")."""
    if level and place and place.lower().startswith(level.lower() + " "):
        return None
    return level

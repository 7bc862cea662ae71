"""Canonical names: the same body gets the same name across articles ("LĐLĐ tỉnh" -> "LĐLĐ tỉnh
Thanh Hóa" from the federations the article names; "UBND" -> "UBND tỉnh Gia Lai"), and a short
name of a person is the full name that ends with it."""

from __future__ import annotations

from collections import Counter

from .gazetteer import Found, Gazetteer


def resolve(found: list[Found], candidates: list[Found], g: Gazetteer) -> None:
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


def _unless_said(level: str | None, place: str | None) -> str | None:
    """The level word, unless the place's name carries it ("Thành phố Hồ Chí Minh")."""
    if level and place and place.lower().startswith(level.lower() + " "):
        return None
    return level

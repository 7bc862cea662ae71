"""Places: provinces and cities (before and after the 2025 merger), regions, districts after their
level word, and industrial zones."""

from __future__ import annotations

from .gazetteer import Found, Gazetteer, clip_at_breakers, level_word
from .names import Tokens, complete_word, trim_to_word


def find_places(text: str, g: Gazetteer, tokens: Tokens) -> list[Found]:
    out: list[Found] = []
    for m in g.place_re.finditer(text):
        if m.group("zone"):
            end = trim_to_word(tokens, m.start("zname"), complete_word(tokens, m.start("zname"), m.end()))
            zone_end = clip_at_breakers(text, m.start("zname"), end, g)
            if zone_end > m.start("zname"):
                out.append(Found(m.start(), zone_end, "LOCATION", text[m.start() : zone_end], "zone", "zone"))
        elif m.group("hcm"):
            out.append(Found(m.start(), m.end(), "LOCATION", "Thành phố Hồ Chí Minh", "place", "thành phố"))
        elif m.group("name"):
            canonical, kind = g.places[m.group("name")]
            out.append(Found(m.start(), m.end(), "LOCATION", canonical, "place", kind, canonical))
        else:
            end = clip_at_breakers(text, m.start("name2"), m.end(), g)
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
    return out

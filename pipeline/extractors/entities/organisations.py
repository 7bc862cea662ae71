"""Organisations: the union system (the national federation, provincial and district federations,
unions of sectors, zones and companies), state and party bodies, bodies named after a place,
companies and other named bodies, and the organs inside them ("Ban Thường vụ LĐLĐ tỉnh")."""

from __future__ import annotations

import regex

from ...core.patterns import is_year
from ...text.words import Words
from .gazetteer import Found, Gazetteer, gazetteer, level_word
from .ministries import ministries, ministry_key
from .names import clip_at_breakers, edges, name_end


def find_orgs(text: str, g: Gazetteer, tokens: Words) -> list[Found]:
    p = g.patterns
    out: list[Found] = []
    for m in p["national"].finditer(text):
        out.append(Found(m.start(), m.end(), "ORGANIZATION", g.data["national"], "national", "national"))
    for m in p["state"].finditer(text):
        out.append(Found(m.start(), m.end(), "ORGANIZATION", g.data["state"][m.group()], "state"))
    for m in p["media"].finditer(text):
        out.append(Found(m.start(), m.end(), "ORGANIZATION", g.data["media"][m.group()], "media"))
    for m in p["ministry"].finditer(text):
        name = ministries().get(ministry_key(m.group()), " ".join(m.group().split()))
        out.append(Found(m.start(), m.end(), "ORGANIZATION", name, "state"))
    for m in p["federation"].finditer(text):
        level = level_word(m.group("level"))
        place = None
        end = m.end("level") if m.group("level") else m.end("head")
        if text[end - 1] == "." and not m.group("place"):
            end -= 1  # "ở trụ sở LĐLĐ TP. Phó Chủ tịch ...": the full stop, not the abbreviation's
        if m.group("place"):
            place = g.places.get(m.group("place"), ("Thành phố Hồ Chí Minh", "thành phố"))[0]
            level = level or g.places.get(m.group("place"), ("", "thành phố"))[1]
            end = m.end()
        elif m.group("number"):
            place, end = m.group("number"), m.end()
        elif m.group("name") and level in ("quận", "huyện", "thị xã", "thành phố"):
            name_end_at = clip_at_breakers(text, m.start("name"), m.end("name"), g)
            words = text[m.start("name") : name_end_at].split()
            if len(words) >= 3 and words[0] in g.data["surnames"]:
                name_end_at = m.start("name")  # "LĐLĐ TP Trần Kim Yến": the chair, not a city
            if name_end_at > m.start("name"):
                place, end = text[m.start("name") : name_end_at], name_end_at
        out.append(Found(m.start(), end, "ORGANIZATION", "", "federation", level, place))
    for m in p["union"].finditer(text):
        fixed = g.patterns["fixed_phrase"].search(text, m.start("rest"), m.end("rest"))
        clip_from = fixed.end() if fixed else m.start("rest")  # "cơ quan Dân, Đảng": "Đảng" is inside
        rest = text[m.start("rest") : clip_at_breakers(text, clip_from, m.end("rest"), g)]
        if (alone := p["company_alone"].match(text, m.start("rest"))) is not None:
            # "CĐ Công ty, khẳng định ...": the union of the company the article is about, by its
            # short name (canonical.resolve gives it the full one when the article names it once)
            name = "Công đoàn " + g.data["company_words"].get(alone.group(), alone.group())
            out.append(Found(m.start(), alone.end(), "ORGANIZATION", name, "union", "grassroots"))
            continue
        if not rest or rest in g.data["orgs"]["company_heads"]:
            continue  # "CĐ Công ty TNHH X": the company rule below reads it with its name
        level = level_word(m.group("level"))
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
            # "CĐ Giáo dục huyện đã ...": of the district the article is about (canonical.resolve)
            bare = p["level_after"].match(text, end)
            level, end = (level_word(bare.group("level")), bare.end()) if bare else (None, end)
            out.append(Found(m.start(), end, "ORGANIZATION", f"{head} {rest}", "union", level))
    for m in p["union_plain"].finditer(text):
        out.append(
            Found(m.start(), m.end(), "ORGANIZATION", "", "federation", level_word(m.group("level")), None)
        )
    for m in p["place_body"].finditer(text):
        body = g.data["place_bodies"][m.group("body")]
        level = level_word(m.group("level"))
        place = g.places.get(m.group("place") or "", (m.group("place"), ""))[0] if m.group("place") else None
        if place is None and body in g.data["placed_bodies"]:
            continue  # "Công an" alone is the force, not a body of a place
        out.append(Found(m.start(), m.end(), "ORGANIZATION", body, "place_body", level, place))
    for m in p["company"].finditer(text):
        end = name_end(tokens, m.start("name"), m.end(), open_tail=False)
        company = _company_name(m, text[m.start("name") : end])
        if m.group("union"):  # the union of a company: "Công đoàn Công ty CP Bách Hưng Sinh"
            out.append(Found(m.start(), end, "ORGANIZATION", f"Công đoàn {company}", "union", "grassroots"))
        out.append(Found(m.start("head"), end, "ORGANIZATION", company, "company"))
    out += numbered_companies(text, g)
    out += placed_bodies(text, g)
    out += quoted_bodies(text, g)
    for m in p["named"].finditer(text):
        if g.patterns["organ_start"].match(text, m.start()):
            continue  # "Ban Thường vụ LĐLĐ huyện": an organ of the body after it (see _organs)
        if tokens.enabled and not tokens.starts_at(m.start()):
            continue  # "Hội" ending "Đỗ Kim Hội" is not the head of a body (asked after the
            # pattern above, which needs no words: words are the dearest thing to ask for)
        end = name_end(tokens, m.start("name"), m.end())
        if m.group("head") in g.data["union_owned_heads"] and (owner := _OWNER.match(text, end)):
            end = name_end(tokens, owner.start(1), owner.end())  # "Quỹ Xã hội | Công đoàn tỉnh"
        name = " ".join(text[m.start() : end].split())
        if name in g.data["generic_bodies"]:
            continue
        out.append(Found(m.start(), end, "ORGANIZATION", name, "named"))
    return out


_WORD_GAPS = regex.compile(r"[\s,&-]+")
_OWNER = regex.compile(r"[^\S\n]+(Công đoàn|công đoàn|CĐ)(?![\p{L}])")  # the union a fund is named after


def _name_words(stretch: str, not_in_names: frozenset[str]) -> bool:
    """Whether lower-case words can be part of a name: none of them, and no two of them
    together ("tổ chức"), is a verb or a function word."""
    words = _WORD_GAPS.split(stretch.strip())
    pairs = {" ".join(words[k : k + 2]) for k in range(len(words) - 1)}
    return not any(w in not_in_names for w in [*words, *pairs])


def numbered_companies(text: str, g: Gazetteer) -> list[Found]:
    """Companies named in lower-case words up to their number ("Xí nghiệp công trình 796"): the
    number closes the name only when no verb or function word comes before it ("Công ty đã trao
    30 ...") and it counts nothing after it ("Nhà máy có 300 công nhân")."""
    e = edges()
    out = []
    for m in g.patterns["company_numbered"].finditer(text):
        if is_year(m.group("number")):
            continue  # "Công ty ... nhiệm kỳ 2023": a term, not a name
        if not _name_words(m.group("words"), e.stop_words | e.verbs):
            continue
        after = text[m.end() : m.end() + 30].split()
        if after and (after[0] in e.number_units or " ".join(after[:2]) in e.number_units):
            continue
        name = " ".join(text[m.start() : m.end()].split())
        out.append(Found(m.start(), m.end(), "ORGANIZATION", name, "company"))
    return out


def placed_bodies(text: str, g: Gazetteer) -> list[Found]:
    """Bodies named in lower case up to the place they serve ("Ban chỉ đạo phòng, chống dịch
    bệnh thành phố Đà Nẵng"): only when no verb or function word comes before the place, which
    would make it a clause ("Sở đã làm việc với thành phố Đà Nẵng")."""
    e = edges()
    out = []
    for m in g.patterns["placed_lower"].finditer(text):
        if not _name_words(m.group("words"), e.stop_words | e.verbs | e.levels):
            continue
        out.append(Found(m.start(), m.end(), "ORGANIZATION", " ".join(m.group().split()), "named"))
    return out


def quoted_bodies(text: str, g: Gazetteer) -> list[Found]:
    """A body whose name is quoted after its head: 'Quỹ “Vì người nghèo”' (named "Quỹ Vì người
    nghèo": the quotation marks are the writer's, not the name's)."""
    out = []
    for m in g.patterns["named_quoted"].finditer(text):
        head = text[m.start() : m.start("name") - 1].split()
        out.append(
            Found(m.start(), m.end(), "ORGANIZATION", " ".join([*head, *m.group("name").split()]), "named")
        )
    return out


def _company_name(m: regex.Match[str], name: str) -> str:
    words: dict[str, str] = gazetteer().data["company_words"]
    head = words.get(m.group("head"), m.group("head"))
    form = words.get(m.group("form"), m.group("form")) if m.group("form") else None
    return " ".join(x for x in (head, form, " ".join(name.split())) if x)


def organs(text: str, found: list[Found], g: Gazetteer) -> list[Found]:
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

"""Stage: organisations, people and places, by gazetteers and name patterns over the cleaned text.

underthesea's CRF NER scores badly on union news (it tags "Tổng LĐLĐ Việt Nam" as a person), so
names come from rules: a union body is a head ("LĐLĐ", "Công đoàn") with a level and a place;
a person is a capitalised run that starts with a family name, or follows an honorific or an
office; a place is a province (before or after the 2025 merger) or a district after its level
word. Every mention gets a canonical name that is the same across articles ("LĐLĐ Thanh Hóa",
"Công đoàn tỉnh Thanh Hóa" and, in context, "LĐLĐ tỉnh" -> "LĐLĐ tỉnh Thanh Hóa").

Where each job lives: `gazetteer` (patterns), `places`, `organisations`, `people`, `names`
(where a sentence-case name ends), `canonical`, `main_organisation`.
"""

from __future__ import annotations

from sys import intern

from ...core.article import Article
from ...core.spans import SpanIndex, filter_spans
from ...core.stage import Stage
from ...output.models import Entity
from ...text.words import Words
from .canonical import resolve
from .gazetteer import Found, gazetteer
from .main_organisation import main_organization
from .organisations import find_orgs, organs
from .people import byline, credits, find_people, initials, roles
from .places import after_preposition, find_places


def run(article: Article) -> Article:
    g = gazetteer()
    text = article.text
    tokens = article.scratch.tokens
    if tokens is None:  # the stage run without the tokenizer's: names end where the patterns do
        tokens = Words(text, article.scratch.sentences, None)
    places = find_places(text, g, tokens)
    candidates = find_orgs(text, g, tokens)
    orgs = filter_spans(candidates)
    # Credits and bylines are surest ("Ảnh: H.Nguyễn Xây dựng ..."): other candidates may not overlap
    # them, nor start inside a place ("Hà Nội Phạm Bá Vĩnh").
    signed = filter_spans(credits(text, g) + byline(article))
    signed_index, place_index = SpanIndex(signed), SpanIndex(places)
    people = signed + filter_spans(
        c
        for c in [*find_people(text, g), *initials(text, g)]
        if not signed_index.overlaps(c.start, c.end) and not place_index.holds(c.start)
    )
    # Names that sit inside an organisation's or a place's name are not people ("Hà Nội").
    org_index, named = SpanIndex(orgs), SpanIndex(orgs + places)
    people = [p for p in people if not named.covers(p.start, p.end)]
    # A zone inside a union's name is part of that name ("CĐ KKT Hải Phòng"), not a place of its own.
    places = filter_spans(pl for pl in places if pl.rule != "zone" or not org_index.covers(pl.start, pl.end))
    places += after_preposition(text, g, tokens, orgs + places + people)
    found = orgs + places + people
    resolve(text, found, candidates, g)
    found += organs(text, orgs, g)
    roles(text, people, g)
    del candidates, orgs, places, people, signed  # `found` holds the mentions kept; see _entities
    article.entities = _entities(text, found)
    article.organization = main_organization(article)
    if tokens.lost:
        article.warnings.append(f"tokenize: {tokens.lost} underthesea words could not be aligned to the text")
    return article


def _entities(text: str, found: list[Found]) -> list[Entity]:
    """The mentions found, as entities in text order (which the achievements stage bisects), one a
    span and type. Each candidate is let go as its entity is made (taken from the end of the
    sorted list), so that a long text never holds all of both (10 MB of names: 600,000 each)."""
    ordered = sorted(found, key=lambda f: (f.start, -f.end))
    ordered.reverse()  # not reverse=True, which would keep ties in their order and pop them last first
    found.clear()
    entities = []
    # The types already kept at one span: the mentions of a span come together in this order.
    span: tuple[int, int] = (-1, -1)
    types: set[str] = set()
    while ordered:
        f = ordered.pop()
        if (f.start, f.end) != span:
            span, types = (f.start, f.end), set()
        if f.type in types or not f.canonical:
            continue
        types.add(f.type)
        entities.append(
            Entity(
                type=f.type,
                text=intern(text[f.start : f.end]),  # a name recurs: one string for all its mentions
                canonical=intern(f.canonical),
                start=f.start,
                end=f.end,
                roles=f.roles,
                rule=f.rule,
            )
        )
    return entities


STAGE = Stage(
    "entities",
    run,
    requires=("text", "paragraphs", "sentences", "tokens", "title"),
    provides=("entities", "organization"),
    doc="organisations, people and places; the article's organisation",
)

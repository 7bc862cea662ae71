"""Who can act in a clause: the `Actor` found there, the vocabulary of actors and complements
(`achievements.yaml`: union subjects, other actors, the words that make a name a complement, the
agent of a passive, whose gift it is), and which of an article's entities cover a position.

Shared by `subject` (who acted) and its helpers; kept apart so that each stays one job.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from ..core import rules
from ..core.patterns import alternation, cased
from ..core.per_text import per_text
from ..core.spans import starting_within
from ..extractors.entities.main_organisation import UNION_RULES
from ..output.models import Entity

UNION_BODIES = (*UNION_RULES, "organ")


@dataclass(frozen=True)
class Actor:
    name: str | None  # canonical name; None: the article's own organisation
    union: bool
    start: int
    end: int


@dataclass(frozen=True)
class Lexicon:
    union_subjects: regex.Pattern[str]
    union_canonical: dict[str, str | None]
    other_actors: regex.Pattern[str]
    not_subject_before: regex.Pattern[str]
    counted_complement: regex.Pattern[str]  # "tại 150 doanh nghiệp": a count after a complement's word
    belongs_to: regex.Pattern[str]
    union_in_name: regex.Pattern[str]  # the head of a union body's name, inside another name
    union_head_before: regex.Pattern[str]  # "Công đoàn " right before "Công ty": that company's union
    given_to: regex.Pattern[str]  # " cho " (and at most a qualifier's words) before a figure
    acts_after: regex.Pattern[str]  # " đã", " trao": right after an actor, its verb
    gift_of: regex.Pattern[str]  # "nhận quà của ": a cue, then whose the gift is
    agent_marker: regex.Pattern[str]  # "do", "bởi" before the agent of a passive
    agent_verb: regex.Pattern[str]  # what the agent did, right after it


@cache
def lexicon() -> Lexicon:
    data = rules.load("achievements")
    orgs = rules.load("organizations")
    verbs = [cue for spec in data["categories"].values() for cue in spec["cues"] if cue[:1].islower()]
    # Union heads as written, and those of several words in lower case too ("công đoàn").
    union_heads = [*orgs["union_heads"], *(h.lower() for h in orgs["union_heads"] if " " in h)]
    canonical: dict[str, str | None] = {}
    for entry in data["union_subjects"]:
        for form in cased(entry["forms"], headlines=False):
            canonical[form] = entry.get("canonical")
    return Lexicon(
        union_subjects=regex.compile(r"(?<![\p{L}])(?:" + alternation(list(canonical)) + r")(?![\p{L}])"),
        union_canonical=canonical,
        other_actors=regex.compile(
            r"(?<![\p{L}])(?:" + alternation(cased(data["other_actors"], headlines=False)) + r")(?![\p{L}])"
        ),
        # Complements follow these words, and objects follow an achievement's verb ("được kết
        # nạp Đảng", "trao giải"): a name right after either is not who acted.
        not_subject_before=regex.compile(
            r"(?<![\p{L}])(?:"
            + alternation(cased([*data["not_subject_before"], *verbs], headlines=False))
            + r")\s+(?:(?:"
            + alternation(data["plural_markers"])
            + r")\s+)?$"
        ),
        # Not after a verb: "thu hút 224 DN" names the enterprises that act in what follows.
        counted_complement=regex.compile(
            r"(?<![\p{L}])(?:"
            + alternation(cased(data["not_subject_before"], headlines=False))
            + r")\s+\d[\d.,]*\s+$"
        ),
        belongs_to=regex.compile(r"\s*(?:" + alternation(data["belongs_to"]) + r")\s+"),
        agent_marker=regex.compile(r"(?<![\p{L}])(?:" + alternation(data["agent_markers"]) + r")\s+"),
        agent_verb=regex.compile(r"\s*(?:đã\s+)?(?:" + alternation(data["agent_verbs"]) + r")(?![\p{L}])"),
        gift_of=regex.compile(r"(?<![\p{L}])(?:" + alternation(verbs) + r")[^\S\n]+của[^\S\n]+$"),
        acts_after=regex.compile(
            r"[^\S\n]+(?:" + alternation([*data["subject_markers"], *verbs]) + r")(?![\p{L}])"
        ),
        given_to=regex.compile(
            r"[^\S\n]+(?:" + alternation(data["beneficiary_cues"]) + r")[^\S\n]+(?:\p{L}+[^\S\n]+){0,2}"
        ),
        union_head_before=regex.compile(r"(?<![\p{L}])(?:" + alternation(union_heads) + r")[^\S\n]+$"),
        union_in_name=regex.compile(  # in sentence case too: "Quỹ Xã hội công đoàn tỉnh"
            r"(?<![\p{L}])(?:" + alternation([*orgs["federation_heads"], *union_heads]) + r")(?![\p{L}])"
        ),
    )


def of_a_union(body: Entity) -> bool:
    """A body named after the union body it belongs to acts inside the union system: "Đảng bộ cơ
    quan LĐLĐ TPHCM" (the federation's Party committee), "Trung tâm Tư vấn pháp luật LĐLĐ tỉnh"."""
    return body.rule == "named" and lexicon().union_in_name.search(body.text, 1) is not None


def acts_as_union(body: Entity) -> bool:
    """A union body, or a body that acts inside the union system (`of_a_union`)."""
    return body.rule in UNION_BODIES or of_a_union(body)


@per_text(2)
def union_names(entities: list[Entity]) -> frozenset[str]:
    """The distinct names of an article's union bodies, gathered once an article."""
    return frozenset(e.canonical for e in entities if e.rule in UNION_BODIES)


# How far before a position an entity that covers it can start (a name is far shorter).
_NAME_REACH = 300


def named_at(entities: list[Entity], pos: int) -> list[Entity]:
    """The entities that cover `pos`: two bisections, not a scan of the article's entities."""
    return [e for e in starting_within(entities, pos - _NAME_REACH, pos + 1) if pos < e.end]

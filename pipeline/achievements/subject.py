"""Who achieved a figure: the subject of its clause, the way Vietnamese puts it first.

A Vietnamese clause says who acts before the verb: "LĐLĐ quận Long Biên đã trao 1.020 suất quà",
"Trong đó, các đơn vị công đoàn cấp trên cơ sở tặng gần 500 suất". So the achiever is the actor
before the figure in its clause that is not a complement, the union body nearest the figure
first (`subject`). A body after "của", "cho", "đến", "với", "được" (the agent of a passive:
"được Tổng LĐLĐ tặng"), "theo", "thuộc", after an achievement's verb (its object), a plan's
setter ("kế hoạch Tổng Liên đoàn giao") or a name in parentheses never is. A clause with no actor
takes its sentence's, or else the agent of a passive after the figure ("377 điển hình do X tổ
chức"); a sentence with none carries the last actor of its paragraph; the first sentences of a
paragraph fall back to the article's organisation.

Actors are union bodies (named, or generic: "các cấp công đoàn", "CĐCS", "toàn tỉnh") or other
actors (the state, employers, other organisations). An award given by a body above the article's
own, or by the state, goes to the body that receives it (the union body its sentence names before
the award's clause, else the article's); `awarding_body` keeps the giver.
"""

from __future__ import annotations

import regex

from ..core.article import TextSpan
from ..core.spans import starting_within
from ..extractors.entities.canonical import extended
from ..extractors.entities.levels import RANK, level_of
from ..output.models import Entity
from .actors import UNION_BODIES, Actor, acts_as_union, lexicon, named_at, union_names
from .cues import cues


def candidates(text: str, span: TextSpan, entities: list[Entity]) -> list[Actor]:
    """Every actor that could be the subject in `span`, in text order, complements left out."""
    lex = lexicon()
    within = starting_within(entities, span.start, span.end)
    orgs = [e for e in within if e.type == "ORGANIZATION" and e.end <= span.end]
    # An organ ("Ban Thường vụ LĐLĐ tỉnh") acts for the body it belongs to, named inside it.
    orgs = [e for e in orgs if e.rule != "organ"]
    # A name inside another is part of it: "Đảng" in "Công đoàn cơ quan Dân, Đảng quận Long Biên".
    orgs = [e for e in orgs if not any(o is not e and o.start <= e.start and e.end <= o.end for o in orgs)]
    found = [Actor(e.canonical, acts_as_union(e), e.start, e.end) for e in orgs]
    for m in lex.union_subjects.finditer(text, span.start, span.end):
        if not any(e.start <= m.start() < e.end for e in orgs) and not _COUNTED.search(
            text, span.start, m.start()
        ):
            found.append(Actor(_generic(text, m, entities), True, m.start(), m.end()))
    for m in lex.other_actors.finditer(text, span.start, span.end):
        if any(a.start <= m.start() < a.end for a in found):
            continue
        head = lex.union_head_before.search(text, max(span.start, m.start() - 16), m.start())
        if head is None:
            found.append(Actor(m.group(), False, m.start(), m.end()))
        else:  # "Công đoàn Công ty đã chi ...": the company's union, a union body
            name = _named_in_full(text, head.start(), m.end(), entities)
            found.append(Actor(name, True, head.start(), m.end()))
    kept: list[Actor] = []
    previous: tuple[Actor, bool] | None = None  # the last actor seen and whether it was a complement
    for actor in sorted(found, key=lambda a: a.start):
        complement = _complement(text, span.start, actor)
        if (
            previous is not None
            and previous[1]
            and _LISTED.fullmatch(text, previous[0].end, actor.start)
            and not (actor.union and lex.acts_after.match(text, actor.end))
        ):
            # "của LĐLĐ tỉnh, CĐ Giáo dục tỉnh Bắc Kạn": the list goes on; not into a union body
            # its verb follows ("Được sự hỗ trợ của LĐLĐ tỉnh, Công đoàn cơ sở đã trao ..."). Any
            # other actor stays in the list: "được sự ủy quyền của LĐLĐ TPHCM, Báo Người Lao Động
            # đã ... trao" reports the federation's gifts (the shared gold's reading).
            complement = True
        if not complement:
            kept.append(actor)
        previous = (actor, complement)
    return kept


# A generic name right after a number is what the number counts ("thành lập được 155 CĐCS").
_COUNTED = regex.compile(r"\d\s+$")
# What joins the items of a list of names.
_LISTED = regex.compile(r"\s*(?:,|và|,\s*và|;)?\s*")


def _named_in_full(text: str, start: int, end: int, entities: list[Entity]) -> str:
    """A short union name ("công đoàn công ty") as the article names it in full elsewhere ("Công
    đoàn Công ty Samsung Display"), when one union body's name begins with it; else as written."""
    return extended(text[start:end], union_names(entities)) or text[start:end]


def _generic(text: str, m: regex.Match[str], entities: list[Entity]) -> str | None:
    """A generic union subject's name: "các cấp CĐ trực thuộc LĐLĐ TP.Hải Phòng" is that body's."""
    after = lexicon().belongs_to.match(text, m.end())
    if after is not None:
        for e in starting_within(entities, after.end(), after.end() + 1):
            if e.rule in UNION_BODIES:
                return e.canonical
    return lexicon().union_canonical.get(m.group())


def generic_names() -> frozenset[str]:
    """The names generic union subjects stand for ("công đoàn cơ sở", "công đoàn cấp trên cơ sở")."""
    return frozenset(n for n in lexicon().union_canonical.values() if n)


def _complement(text: str, start: int, actor: Actor) -> bool:
    """An actor that the words before it make a complement, or that stands in parentheses."""
    before = text[max(start, actor.start - 30) : actor.start]
    if lexicon().not_subject_before.search(before) or lexicon().counted_complement.search(before):
        return True
    left = text[start : actor.start]
    return left.count("(") > left.count(")")


def subject(
    text: str, clause: TextSpan, sentence: TextSpan, figure: int, entities: list[Entity]
) -> Actor | None:
    """The actor of the figure: a union body before it in its clause, else in its sentence before
    the clause; only when neither names one, another actor (in the clause, then the sentence)."""
    spans = (TextSpan(clause.start, figure), TextSpan(sentence.start, clause.start))
    found = [candidates(text, span, entities) for span in spans]
    for actors in found:
        unions = [a for a in actors if a.union]
        if unions:
            return _owner_after(text, unions[-1], figure, entities) or unions[-1]
    for actors in found:
        if actors:
            return actors[-1]
    return agent_after(text, clause, figure, entities) or _gift_of(text, clause, figure, entities)


def _gift_of(text: str, clause: TextSpan, figure: int, entities: list[Entity]) -> Actor | None:
    """For a clause that names no actor before its figure, another actor whose gift the figure's
    people received, named with "của" right after the gift's cue: "50 công nhân được nhận quà của
    Công ty" (not "50 công nhân của Công ty được nhận quà": there it is the workers' employer)."""
    lex = lexicon()
    for m in lex.other_actors.finditer(text, figure, clause.end):
        if lex.gift_of.search(text, figure, m.start()) and not any(
            acts_as_union(e) for e in named_at(entities, m.start())
        ):
            return Actor(m.group(), False, m.start(), m.end())
    return None


# "của" after the union's verb: whose the thing given is ("trao thưởng của Ban Giám đốc").
_OF = regex.compile(r"(?<![\p{L}])\p{L}+[^\S\n]+của[^\S\n]+$")


def _owner_after(text: str, union: Actor, figure: int, entities: list[Entity]) -> Actor | None:
    """Another actor whose gift the union hands out to the figure's people, named with "của"
    between the union's verb and "cho" right before the figure: "Chủ tịch Công đoàn Công ty trao
    thưởng của Ban Giám đốc cho 300 công nhân". Right after the union's name, "của" names whose
    union it is ("Công đoàn cơ sở của Công ty X"), so a word must stand between; elsewhere it
    names whose something else is ("bán điện đúng giá của nhà nước giúp cho 406.000 CN")."""
    lex = lexicon()
    for m in lex.other_actors.finditer(text, union.end, figure):
        before = _OF.search(text, union.end, m.start())
        if before is None or before.start() <= union.end:
            continue
        named = named_at(entities, m.start())
        if any(acts_as_union(e) for e in named):
            continue
        end = max((e.end for e in named), default=m.end())
        if lex.given_to.fullmatch(text, end, figure):
            return Actor(m.group(), False, m.start(), m.end())
    return None


def agent_after(text: str, clause: TextSpan, figure: int, entities: list[Entity]) -> Actor | None:
    """The agent of a passive after the figure, for a clause that names no actor before it:
    "Lễ tuyên dương 377 điển hình tiên tiến do Ban Thi đua - Khen thưởng Trung ương tổ chức"
    (organised by). An actor right after the marker, and a verb right after the actor."""
    lex = lexicon()
    for m in lex.agent_marker.finditer(text, figure, clause.end):
        actors = candidates(text, TextSpan(m.end(), clause.end), entities)
        if actors and actors[0].start == m.end() and lex.agent_verb.match(text, actors[0].end, clause.end):
            return actors[0]
    return None


def _choose(found: list[Actor]) -> Actor | None:
    """The union body nearest the figure, else the other actor nearest it.

    The nearest, because a later actor heads a later verb ("Các công đoàn cấp trên ... trao 2.152
    suất quà, tiêu biểu như LĐLĐ TP.Vũng Tàu tổ chức ... thu hút 500 CNVCLĐ"); a union body over
    another actor, because a union acting with an employer or a state body ("CĐCS và Ban Giám đốc
    công ty trao ...", "Phó Chủ tịch Tổng LĐLĐ cùng LĐLĐ tỉnh bàn giao ...") still achieved it."""
    unions = [a for a in found if a.union]
    if unions:
        return unions[-1]
    return found[-1] if found else None


def sentence_subject(text: str, sentence: TextSpan, entities: list[Entity]) -> Actor | None:
    return _choose(candidates(text, sentence, entities))


def gives(text: str, actor: Actor) -> bool:
    """ "<actor> (đã) tặng/trao ...": the actor gives."""
    return cues().gives_after.match(text, actor.end) is not None


def award_receiver(giver: Actor, main: str | None, national: str) -> str | None:
    """Who an award goes to when `giver` gives it: the article's body when the giver stands above
    it or is not a union body; the giver itself when it rewards its own people."""
    if main is None or giver.name is None:
        return main if giver.name is None else (giver.name if giver.union else None)
    if not giver.union:
        return main
    giver_rank = RANK.get(level_of(giver.name, national) or "", 9)
    main_rank = RANK.get(level_of(main, national) or "", 9)
    return main if giver_rank < main_rank else giver.name

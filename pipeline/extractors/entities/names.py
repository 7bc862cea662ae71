"""Where a name ends, settled with underthesea's word tokens.

Vietnamese writes organisation names in sentence case: "Công đoàn Giáo dục huyện Mỹ Đức",
"Quỹ Vì người nghèo", "Trung tâm Chăm sóc khách hàng". A regex over capitalised syllables stops
at "Giáo" and "Vì"; the word tokens know that "Giáo dục" is one word, so a capitalised word is
taken whole, and a short lower-case tail ("người nghèo", "khách hàng") is taken only when a
boundary (punctuation, another capitalised word, a level word) follows it, never a verb.
The stop words and the tail's length are data (organizations.yaml, `name_edges`). Without
tokens, `clip_at_breakers` cuts a pattern's name before a word never part of one.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from ...core import lexicon, rules
from ...core.patterns import alternation, is_year
from ...core.spans import before_spaces
from ...text.words import Words
from .gazetteer import Gazetteer


@dataclass(frozen=True)
class Edges:
    stop_words: frozenset[str]
    joiners: frozenset[str]
    levels: frozenset[str]
    max_tail: int
    stop_capitalised: frozenset[str]
    compounds: frozenset[str]  # "Công nghiệp" starts with a stop word but goes on the name
    places: frozenset[str]
    new_body: regex.Pattern[str]  # the head of another body: "Bộ LĐ-TB-XH | và | Tổng LĐLĐ VN"
    number_units: frozenset[str]  # "Công ty May 10", but "Công đoàn X | 32 đoàn viên"
    verbs: frozenset[str]  # never inside a name, even when glued to it


@cache
def edges() -> Edges:
    data = rules.section("organizations", "name_edges")
    return Edges(
        frozenset(data["stop_words"]),
        frozenset(data["joiners"]),
        frozenset(data["levels"]),
        int(data["max_tail"]),
        frozenset(rules.section("people", "name_breakers")),
        frozenset(rules.section("people", "name_compounds")),
        lexicon.place_names(),
        regex.compile(r"(?:" + alternation(lexicon.body_heads()) + r")(?![\p{L}])"),
        frozenset(data["number_units"]),
        frozenset(data["verbs"]),
    )


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _abbreviation(word: str) -> bool:
    return word.isupper() and len(word) > 1


def _punctuation(word: str) -> bool:
    return not word[:1].isalnum()


def complete_word(tokens: Words, start: int, end: int) -> int:
    """`end` moved to the end of the capitalised word it cuts ("Giáo" -> "Giáo dục")."""
    if end <= start or not tokens.cover(start, end):
        return end
    i = tokens.containing(end - 1)
    if i is not None and tokens.ends[i] > end and _capitalised(tokens.text[max(start, tokens.starts[i])]):
        return _verb_cut(tokens, i, edges())
    return end


def _verb_cut(tokens: Words, i: int, e: Edges) -> int:
    """The end of token `i`, or before a verb underthesea glued onto a name ("Samsung trao")."""
    offset = tokens.starts[i]
    for k, syllable in enumerate(tokens.word(i).split(" ")):
        if k and syllable in e.verbs:
            return before_spaces(tokens.text, offset)
        offset += len(syllable) + 1
    return tokens.ends[i]


def trim_to_word(tokens: Words, start: int, end: int) -> int:
    """`end` moved back before a word it cuts in two ("Đỗ Kim Hội Đồng|chí" -> "Đỗ Kim Hội")."""
    if not tokens.cover(start, end):
        return end
    i = tokens.containing(end - 1)
    if i is not None and tokens.ends[i] > end and tokens.starts[i] > start:
        return before_spaces(tokens.text, tokens.starts[i])
    return end


def name_end(tokens: Words, start: int, end: int, open_tail: bool = True) -> int:
    """The end of a sentence-case name that starts at `start` and is known to reach `end`.

    `open_tail`: whether the name may end in lower-case words ("Quỹ Vì người nghèo"); a company's
    name may hold lower-case words only between capitalised ones ("... nhà nước MTV Yến sào").
    """
    if not tokens.cover(start, end):
        return end
    e = edges()
    end = complete_word(tokens, start, end)
    last = tokens.containing(end - 1)
    if last is not None and tokens.word(last) in e.places:
        # a province closes the name: "CĐ KKT Hải Phòng | phấn đấu hoàn thành"
        return _joined_place(tokens, last, e) or end
    after_abbreviation = last is not None and _abbreviation(tokens.word(last))
    while True:
        i = tokens.following(end)
        if i is None:
            return end
        word = tokens.word(i)
        if _capitalised(word):
            if _stops(word, e):
                return end
            end = _verb_cut(tokens, i, e)
            if end < tokens.ends[i]:
                return end
            after_abbreviation = _abbreviation(word)
            if word in e.places:  # a province closes the name: "Công đoàn KKT Hải Phòng | phấn đấu"
                return _joined_place(tokens, i, e) or end
            continue
        if word in e.levels:  # "huyện Mỹ Đức": a level word and its place close the name
            j = tokens.following(tokens.ends[i])
            if j is not None and _capitalised(tokens.word(j)):
                end = tokens.ends[j]
                while (k := tokens.following(end)) is not None and _capitalised(tokens.word(k)):
                    if _stops(tokens.word(k), e):
                        break
                    end = tokens.ends[k]
                return end
            return end
        if word in e.joiners:
            j = tokens.following(tokens.ends[i])
            if (
                j is not None
                and _capitalised(tokens.word(j))
                and not _stops(tokens.word(j), e)  # "Bộ Chính trị - | Bí thư Thành ủy"
                and not e.new_body.match(tokens.text, tokens.starts[j])
            ):
                end = tokens.ends[j]
                continue
            return end  # "Công ty Freetrend | và Công ty Kollan": another body begins
        if word.isdigit() and len(word) <= 4 and not after_abbreviation:
            return tokens.ends[i] if _number_closes(tokens, i, e) else end
        # After an abbreviation the name may go on only towards more capitals ("TNHH nhà nước
        # MTV"), never end in lower case: "Bộ LĐ-TB&XH | đề xuất tăng lương".
        tail_end = _tail(tokens, i, e, open_tail and not after_abbreviation)
        if tail_end is None:
            return end
        end = tail_end


def _joined_place(tokens: Words, i: int, e: Edges) -> int | None:
    """The end of a second place joined by a dash to the place at token `i`, which the pair
    names together: "Khu công nghiệp Việt Nam - Singapore"."""
    dash = tokens.following(tokens.ends[i])
    if dash is None or tokens.word(dash) not in ("-", "–"):
        return None
    second = tokens.following(tokens.ends[dash])
    return tokens.ends[second] if second is not None and tokens.word(second) in e.places else None


def _number_closes(tokens: Words, i: int, e: Edges) -> bool:
    """Token `i`, a number, ends the name before it ("Công ty Truyền tải Điện 4", "Xí nghiệp công
    trình 796") unless it counts what follows ("Công đoàn X 32 đoàn viên", "KCN Y 3 năm") or is
    a year ("Công ty X nhiệm kỳ 2023-2028": the term, not the name)."""
    if is_year(tokens.word(i)):
        return False
    j = tokens.following(tokens.ends[i])
    return j is None or tokens.word(j) not in e.number_units


def _stops(word: str, e: Edges) -> bool:
    """Whether a capitalised token ends the name before it: it starts with a breaker ("Trong",
    "Công ty") and is not a compound noun that begins with one ("Công nghiệp")."""
    parts = word.split()
    return parts[0] in e.stop_capitalised and " ".join(parts[:2]) not in e.compounds


def _tail(tokens: Words, i: int, e: Edges, open_tail: bool) -> int | None:
    """End of a lower-case tail starting at token `i`, or None when no boundary closes it.

    The tail closes at punctuation, the end of the text, a level word or a joiner (when
    `open_tail`), or at an abbreviation in capitals ("pháp luật LĐLĐ"), or any capitalised word
    when `open_tail`.
    """
    end: int | None = None
    j = i
    for k in range(e.max_tail + 1):
        if k:
            following = tokens.following(tokens.ends[j])
            if following is None:
                return None  # a title ending in a verb phrase: "Công đoàn CAND liên hoan nghệ thuật"
            j = following
        word = tokens.word(j)
        if k and word.isupper() and word[:1].isalpha():
            return end
        if k and _capitalised(word) and not _punctuation(word):
            return end  # lower case between capitals: "Điện lực miền Nam", "Vì người nghèo Việt Nam"
        if _punctuation(word) or _capitalised(word) or word in e.levels or word in e.joiners:
            return end if (k and open_tail) else None
        if k and word.isdigit() and len(word) <= 4 and _number_closes(tokens, j, e):
            return tokens.ends[j]  # a lower-case name closed by its number: "Xí nghiệp công trình 796"
        if k == e.max_tail or word in e.stop_words or any(ch.isdigit() for ch in word):
            return None
        end = tokens.ends[j]
    return None


_WORDS = regex.compile(r"\S+")


def _compound_at(text: str, start: int, compounds: set[str]) -> bool:
    """Whether a name compound ("Xã hội", "Công nghiệp") begins at `start`."""
    words = text[start : start + 24].split()
    return len(words) >= 2 and f"{words[0]} {words[1].rstrip(',.;:)')}" in compounds


def clip_at_breakers(text: str, start: int, end: int, g: Gazetteer, skip_first: bool = False) -> int:
    """`end` cut before the first word that is never part of a name ("Hoài Đức Về ..." -> "Hoài Đức")."""
    for i, w in enumerate(_WORDS.finditer(text, start, end)):
        if w.group() in g.data["name_breakers"] and not (skip_first and i == 0):
            if _compound_at(text, w.start(), g.data["name_compounds"]):
                continue
            return before_spaces(text, w.start(), start)
    return end

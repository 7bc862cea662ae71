"""Who achieved each figure of an article: its clause's subject, carried across the sentences of
a paragraph, with awards credited to the body that receives them (`subject` has the rules)."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from ..core import rules
from ..core.article import Article, TextSpan
from ..extractors.entities.levels import describe, level_of
from ..extractors.entities.main_organisation import article_province
from ..output.models import OrgRef
from .actors import Actor
from .subject import award_receiver, candidates, generic_names, gives, sentence_subject, subject


@dataclass(frozen=True)
class Who:
    organization: str | None  # the achiever (a union body), or the other actor
    union: bool
    awarding_body: str | None = None


@dataclass
class Context:
    """What the article says about who acts, computed once per article."""

    article: Article
    main: str | None = None
    national: str = ""
    province: str | None = None
    _sentence_subjects: dict[int, Actor | None] = field(default_factory=dict)

    @classmethod
    def of(cls, article: Article) -> Context:
        national = str(rules.section("organizations", "national_federation")["canonical"])
        main = article.organization.name if article.organization else None
        return cls(article, main, national, article_province(article))

    def who(self, figure: int, clause: TextSpan, sentence: TextSpan, category: str) -> Who:
        text, entities = self.article.text, self.article.entities
        actor = subject(text, clause, sentence, figure, entities) or self._carried(sentence)
        if actor is None:
            return Who(self.main, True)
        if category == "award" and actor.end <= figure and gives(text, actor):
            topic = self._topic(actor, clause, sentence)
            receiver = award_receiver(actor, topic.name if topic else self.main, self.national)
            giver = actor.name or self.main
            return Who(receiver, True, giver if giver != receiver else None)
        return Who(self._own(actor.name), actor.union)

    def _topic(self, giver: Actor, clause: TextSpan, sentence: TextSpan) -> Actor | None:
        """The union body a sentence names before the clause of an award given to it: "Các cấp
        Công đoàn TP.Hải Phòng: Tổng LĐLĐ Việt Nam tặng cờ ... cho 9 tập thể" (a roundup's item)."""
        before = candidates(self.article.text, TextSpan(sentence.start, clause.start), self.article.entities)
        unions = [a for a in before if a.union and a.name is not None and a.name != giver.name]
        return unions[-1] if unions else None

    def _own(self, name: str | None) -> str | None:
        """A generic name at the article's own level is the article's body: in a grassroots
        union's congress report, "CĐCS đã kết nạp 215 đoàn viên" is that union's."""
        if name is None:
            return self.main
        if (
            self.main
            and name in generic_names()
            and level_of(name, self.national) == level_of(self.main, self.national)
        ):
            return self.main
        return name

    def _carried(self, sentence: TextSpan) -> Actor | None:
        """The subject of the nearest earlier sentence of the same paragraph that has one.

        A union body carries through the paragraph; another actor only into the next sentence
        ("Công ty X hỗ trợ ... . Ngoài ra, còn tặng ..."): union news returns to its union."""
        sentences = self.article.scratch.sentences
        paragraph = self._paragraph(sentence.start)
        first = i = bisect_right(sentences.starts, sentence.start) - 2
        while i >= 0 and sentences[i].start >= paragraph.start:
            if i not in self._sentence_subjects:
                self._sentence_subjects[i] = sentence_subject(
                    self.article.text, sentences[i], self.article.entities
                )
            actor = self._sentence_subjects[i]
            if actor is not None and (actor.union or i == first):
                return actor
            i -= 1
        return None

    def _paragraph(self, pos: int) -> TextSpan:
        paragraphs = self.article.scratch.paragraphs
        i = bisect_right(paragraphs.starts, pos) - 1
        return paragraphs[i] if i >= 0 else TextSpan(0, len(self.article.text))

    def before_in_paragraph(self, sentence: TextSpan) -> TextSpan | None:
        """The sentences of `sentence`'s paragraph before it."""
        paragraph = self._paragraph(sentence.start)
        return TextSpan(paragraph.start, sentence.start) if sentence.start > paragraph.start else None

    def earlier(self, sentence: TextSpan) -> TextSpan | None:
        """The article before `sentence`'s paragraph."""
        start = self._paragraph(sentence.start).start
        return TextSpan(0, start) if start > 0 else None

    def lead(self, sentence: TextSpan) -> TextSpan | None:
        """The article's lead: its first paragraph after the title, unless `sentence` is in it."""
        paragraphs = self.article.scratch.paragraphs
        if len(paragraphs) < 2 or paragraphs[1].start <= sentence.start < paragraphs[1].end:
            return None
        return paragraphs[1]

    def repeat_zones(self) -> tuple[int, int]:
        """Where the title ends, and where the lead (the first paragraph after it) ends."""
        paragraphs = self.article.scratch.paragraphs
        title_end = paragraphs[0].end if paragraphs else 0
        lead_end = paragraphs[1].end if len(paragraphs) > 2 else title_end
        return title_end, lead_end

    def ref(self, name: str | None) -> OrgRef | None:
        return describe(name, context_province=self.province) if name else None

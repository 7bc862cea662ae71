"""Word tokens made on demand (`text.words.Words`): only the clauses asked about are tokenized,
the same words whatever order they are asked in, and a name's walk reaches the next clause but
not the next sentence."""

from __future__ import annotations

from pipeline.core.article import Spans, TextSpan
from pipeline.text.tokenize import align
from pipeline.text.word_model import word_tokenize
from pipeline.text.words import PIECE_CAP, Words


class Counting:
    """A tokenizer that splits at spaces and remembers what it was given."""

    def __init__(self) -> None:
        self.calls: list[str] = []

    def __call__(self, text: str) -> list[str]:
        self.calls.append(text)
        return text.split()


def _sentences(text: str) -> Spans:
    spans, start = Spans(), 0
    for part in text.split(". "):
        spans.append(TextSpan(start, start + len(part) + (1 if start + len(part) < len(text) else 0)))
        start += len(part) + 2
    return spans


def _words(text: str, tokenize: Counting | None = None) -> Words:
    return Words(text, _sentences(text), tokenize or Counting(), align)


def _all(words: Words) -> list[str]:
    return [words.word(i) for i in range(len(words))]


def test_only_the_clause_asked_about_is_tokenized():
    text = "một hai ba, bốn năm sáu, bảy tám chín. mười mười một"
    tokenizer = Counting()
    words = _words(text, tokenizer)
    assert len(words) == 0  # nothing before anyone asks
    assert words.cover(text.index("năm"), text.index("năm") + 3)
    assert tokenizer.calls == [" bốn năm sáu,"]
    assert _all(words) == ["bốn", "năm", "sáu,"]
    assert words.tokenized == len(" bốn năm sáu,") < len(text)
    words.cover(text.index("năm"), text.index("năm"))
    assert len(tokenizer.calls) == 1  # a clause is tokenized once


def test_words_do_not_depend_on_the_order_of_the_asks():
    text = "Công đoàn A, Công đoàn B, Công đoàn C. Công đoàn D"
    places = [text.index(x) for x in ("A", "B", "C", "D")]
    forwards, backwards = _words(text), _words(text)
    for p in places:
        forwards.cover(p, p)
    for p in reversed(places):
        backwards.cover(p, p)
    assert _all(forwards) == _all(backwards)
    assert list(forwards.starts) == sorted(forwards.starts)


def test_a_walk_reaches_the_next_clause_but_not_the_next_sentence():
    text = "Ban chỉ đạo phòng, chống dịch tỉnh. Ông Nam"
    words = _words(text)
    words.cover(0, 3)
    assert "chống" not in _all(words)
    assert _all(words)[-1] == "phòng,"  # the split tokenizer keeps the comma on the word
    j = words.following(words.ends[-1])
    assert j is not None and words.word(j) == "chống"  # made when the walk reached it
    end_of_sentence = text.index("tỉnh.") + len("tỉnh.")
    assert words.following(end_of_sentence) is None
    assert "Ông" not in _all(words)


def test_a_clause_without_punctuation_is_cut_at_spaces():
    text = " ".join(["đoàn"] * PIECE_CAP)
    tokenizer = Counting()
    words = _words(text, tokenizer)
    words.cover(len(text) // 2, len(text) // 2)
    assert tokenizer.calls and all(len(piece) <= PIECE_CAP for piece in tokenizer.calls)


def test_without_a_tokenizer_there_are_no_words():
    words = Words("Công đoàn Giáo dục", Spans([TextSpan(0, 18)]), None)
    assert not words.enabled
    assert not words.cover(0, 5)
    assert len(words) == 0 and words.following(0) is None


def test_underthesea_words_come_back_whole_and_honest():
    text = "Lãnh đạo Tổng công ty Điện lực TP Hà Nội đã tặng quà, Công đoàn Giáo dục huyện Mỹ Đức dự."
    words = Words(text, Spans([TextSpan(0, len(text))]), word_tokenize, align)
    words.cover(text.index("Điện"), text.index("Điện") + 4)
    words.cover(text.index("Giáo"), text.index("Giáo") + 4)
    made = _all(words)
    assert "Điện lực" in made and "Giáo dục" in made
    spans = zip(words.starts, words.ends, strict=True)
    assert all(text[s:e] == words.word(i) for i, (s, e) in enumerate(spans))

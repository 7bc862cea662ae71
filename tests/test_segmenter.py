"""The word segmenter (`text/segmenter.py`) gives underthesea's words, from underthesea's own model
files read by `text/crfsuite.py`; where it cannot, underthesea does the work (`text/word_model.py`)."""

from __future__ import annotations

import struct
from array import array
from collections.abc import Callable
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.core import rules
from pipeline.text import crfsuite, segmenter, syllables, word_model
from pipeline.text.sentences import split
from tools import scaling

# Syllables, capitals, digits and punctuation of union news, and characters whose case rules are
# odd (ß, the Greek final sigma, İ, ǅ, Arabic and full-width digits), which the features read.
PIECES = [
    "công", "đoàn", "Công", "Đoàn", "CÔNG", "viên", "Hà", "Nội", "LĐLĐ", "TP.HCM", "huyện", "tỉnh",
    "kết", "nạp", "quỹ", "Mái", "ấm", "12", "1.500", "2,5", "30%", "ngày", "20/10/2018", "BOS", "EOS",
    "ß", "ΣΑΣ", "İ", "ǅa", "٣", "０", "½", "iPhone", "A1", "-", ",", ".", ":", "(", ")", '"', "...", " ",
]  # fmt: skip
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def underthesea_words() -> Callable[[str], list[str]]:
    from underthesea import word_tokenize

    assert word_tokenize("Công đoàn") == ["Công đoàn"]  # the model is loaded before any example
    return lambda text: list(word_tokenize(text))


@pytest.fixture(scope="module")
def ours() -> segmenter.Segmenter:
    found = word_model.load()
    assert found is not None, "the segmenter refused underthesea's model: every word would cost 4x"
    return found


def _texts() -> list[str]:
    # corpus/, and ../shared/corpus/dev when it is there
    sentences = [s for article in scaling.articles() for line in article.splitlines() for s in split(line)]
    clauses = [c for s in sentences for c in s.split(", ")]  # pieces as text/words.py cuts them
    return sentences + clauses


def test_the_corpus_is_segmented_as_underthesea_does(ours, underthesea_words):
    texts = _texts()
    assert len(texts) > 200
    assert [t for t in texts if ours.words(t) != underthesea_words(t)] == []


@FAST
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=30))
def test_generated_text_is_segmented_as_underthesea_does(ours, underthesea_words, parts: list[str]):
    text = " ".join(parts)
    assert ours.words(text) == underthesea_words(text)


@pytest.fixture(scope="module")
def underthesea_syllables() -> Callable[[str], list[str]]:
    from underthesea.pipeline.word_tokenize.regex_tokenize import tokenize

    return lambda text: tokenize(text, use_token_normalize=True, fixed_words=[])


def test_the_corpus_is_cut_into_syllables_as_underthesea_does(underthesea_syllables):
    texts, ours = _texts(), syllables.reader()
    assert [t for t in texts if ours(t) != underthesea_syllables(t)] == []


@FAST
@given(st.lists(st.sampled_from(PIECES) | st.text(max_size=4), min_size=1, max_size=30))
def test_generated_text_is_cut_into_syllables_as_underthesea_does(underthesea_syllables, parts: list[str]):
    text = " ".join(parts)
    assert syllables.reader()(text) == underthesea_syllables(text)


def test_the_module_function_is_the_fast_path(monkeypatch, ours):
    calls: list[str] = []
    monkeypatch.setattr(segmenter, "underthesea_words", lambda text: calls.append(text) or [])
    assert word_model.word_tokenize("Công đoàn Giáo dục huyện") == ["Công đoàn", "Giáo dục", "huyện"]
    assert calls == []


def test_the_crfsuite_reader_reads_the_shipped_model():
    model = crfsuite.read(word_model.model_files()["models.bin"])
    assert model.labels == ("B-W", "I-W")
    assert len(model.attributes) > 10_000 and "T[0].lower=công" in model.attributes
    assert all(len(weights) == len(model.attributes) for weights in model.state)
    assert any(w != 0.0 for w in model.state[0]) and any(w != 0.0 for w in model.state[1])
    assert model.transitions[0][1] != 0.0 and len(model.transitions) == 2


def _overcounted(data: bytes) -> bytes:
    """The model with its FEAT chunk claiming more features than the file holds."""
    at = struct.unpack_from("<4sI4sIIIIIIIII", data, 0)[7]
    count = struct.unpack_from("<I", data, at + 8)[0]
    return data[: at + 8] + struct.pack("<I", count + 10**6) + data[at + 12 :]


@pytest.mark.parametrize("cut", [b"not a model at all" * 4, b"", "truncated", "overcounted"])
def test_the_crfsuite_reader_refuses_what_it_cannot_read(cut):
    data = word_model.model_files()["models.bin"]
    data = {"truncated": data[:5000], "overcounted": _overcounted(data)}.get(cut, cut)
    with pytest.raises(ValueError):
        crfsuite.read(data)


def _segmenter(model: crfsuite.Model, templates: list[str] | None = None) -> segmenter.Segmenter:
    files = word_model.model_files()
    return segmenter.Segmenter(
        model,
        templates or word_model._unpickle(files["features.bin"]),
        word_model._unpickle(files["dictionary.bin"]),
        syllables.reader(),
    )


def test_a_near_tie_is_left_to_underthesea(monkeypatch, underthesea_words):
    # No weights at all: every path scores the same, so no decision may be taken here.
    flat = crfsuite.Model(("B-W", "I-W"), [], (array("d"), array("d")), ((0.0, 0.0), (0.0, 0.0)))
    calls: list[str] = []
    monkeypatch.setattr(
        segmenter, "underthesea_words", lambda text: calls.append(text) or underthesea_words(text)
    )
    text = "Công đoàn Giáo dục huyện"
    assert _segmenter(flat).tags(["Công", "đoàn"]) is None
    assert _segmenter(flat).words(text) == underthesea_words(text)
    assert calls == [text]


def test_a_model_that_fails_its_checks_is_not_used():
    model = crfsuite.read(word_model.model_files()["models.bin"])
    swapped = replace(model, labels=("I-W", "B-W"))  # every boundary read the wrong way round
    checks = rules.load("segmenter")
    digest = word_model.model_digest(word_model.model_files())
    assert digest == checks["model_sha256"]  # the checks were made with the files installed here
    assert word_model.passes(_segmenter(model), checks, digest)
    assert not word_model.passes(_segmenter(swapped), checks, digest)


def test_other_model_files_are_checked_against_underthesea_itself(monkeypatch):
    checks = rules.load("segmenter")
    asked: list[str] = []
    monkeypatch.setattr(segmenter, "underthesea_words", lambda text: asked.append(text) or ["?"])
    assert not word_model.passes(
        _segmenter(crfsuite.read(word_model.model_files()["models.bin"])), checks, "0" * 64
    )
    assert asked == [checks["checks"][0]["text"]]


@pytest.mark.parametrize(
    ("labels", "templates"),
    [(("B-W", "I-W", "O"), None), (("B-W", "I-W"), ["T[0]", "T[0].suffix"]), (("B-W", "I-W"), ["T[0,3]"])],
)
def test_models_it_cannot_score_are_refused(labels, templates):
    model = crfsuite.Model(
        labels, [], tuple(array("d") for _ in labels), tuple((0.0,) * len(labels) for _ in labels)
    )
    with pytest.raises(segmenter.Unsupported):
        _segmenter(model, templates)

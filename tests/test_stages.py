from __future__ import annotations

import pytest

from pipeline.extractors.abbreviations.stage import find_definitions
from pipeline.extractors.numbers.reader import parse_digits
from pipeline.extractors.numbers.words import parse_words
from pipeline.text.clean import clean_text
from pipeline.text.tokenize import align


def test_clean_removes_furniture_captions_and_keeps_title():
    raw = (
        "Tiêu đề\nẢnh minh họa cho bài. |\nThân  bài\u00a0có   số 5.\n"
        "Có thể bạn quan tâm\nTin khác 100 triệu đồng"
    )
    assert clean_text(raw) == "Tiêu đề\nThân bài có số 5."


def test_clean_moves_old_tone_marks_and_keeps_length():
    raw = "Thanh Hoá, thuỷ lợi, hoàn thành, quý I"
    cleaned = clean_text(raw)
    assert cleaned == "Thanh Hóa, thủy lợi, hoàn thành, quý I"
    assert len(cleaned) == len(raw)


def test_clean_normalises_nfd_to_nfc():
    assert clean_text("Thanh Hóa".encode().decode()) == clean_text("Thanh Ho\u0301a")


def test_align_maps_tokens_back_despite_whitespace_changes():
    text = "Tổng  LĐLĐ Việt Nam tặng"
    spans = align(["Tổng LĐLĐ", "Việt Nam", "tặng"], text)
    assert [text[s.start : s.end] for s in spans] == ["Tổng  LĐLĐ", "Việt Nam", "tặng"]


def test_align_skips_what_it_cannot_place():
    assert align(["xyz"], "abc") == []


def test_numbers_follow_vietnamese_conventions():
    assert parse_digits("170.234") == 170234
    assert parse_digits("397,6") == parse_digits("397.6")
    assert parse_words("hai mươi tư") == 24
    assert parse_words("một trăm lẻ năm") == 105
    assert parse_words("hai ba") is None


def test_abbreviation_definitions_use_initials():
    text = "cho công nhân viên chức lao động (CNVCLĐ) và Công đoàn cơ sở (CĐCS), tăng (ABC)"
    found = {k: v for k, (v, _) in find_definitions(text).items()}
    assert found == {"CNVCLĐ": "công nhân viên chức lao động", "CĐCS": "Công đoàn cơ sở"}


def test_a_sentence_past_the_cap_is_cut_at_spaces_into_pieces_within_it():
    from pipeline.core.article import TextSpan
    from pipeline.core.spans import capped

    text = "Công đoàn Việt Nam " * 40  # 760 characters, no full stop
    pieces = capped(text, TextSpan(0, len(text)), cap=100)
    assert all(p.end - p.start <= 100 for p in pieces)
    assert all(text[p.start] != " " and (p.end == len(text) or text[p.end] == " ") for p in pieces)
    assert "".join(text[p.start : p.end] + " " for p in pieces).split() == text.split()
    assert capped("x" * 250, TextSpan(0, 250), cap=100) == [
        TextSpan(0, 100),
        TextSpan(100, 200),
        TextSpan(200, 250),
    ]
    assert capped(text, TextSpan(5, 50), cap=100) == [TextSpan(5, 50)]


def test_tone_marks_agree_with_underthesea_s_map():
    """underthesea's own token map is the oracle where the answer does not depend on the convention:
    a mark on the first vowel of "oa", "oe", "uy" when a letter follows ("hòan", "họat", "hùynh")
    belongs on the second, in lower case and in a headline's capitals; and where it does,
    "hoá" -> "hóa" as underthesea writes it ("THANH HOÁ" was not normalised)."""
    import regex

    from pipeline.text.clean import normalise_tone_marks

    token_map = pytest.importorskip("underthesea.pipeline.text_normalize.text_normalizer").token_map
    misplaced = regex.compile(r"^\p{Ll}*(?<![q])(?:[òóỏõọ][ae]|[ùúủũụ]y)\p{Ll}+$")
    cases = [(k, v) for k, v in token_map.items() if misplaced.match(k) and len(k) == len(v)]
    assert len(cases) > 100
    wrong = [
        (k, v)
        for k, v in cases
        if normalise_tone_marks(k) != v or normalise_tone_marks(k.upper()) != v.upper()
    ]
    assert wrong == []
    for old in ("hoá", "thuỷ", "khoẻ", "tuỳ", "uỷ"):
        assert normalise_tone_marks(old) == token_map[old]
        assert normalise_tone_marks(old.upper()) == token_map[old].upper()


def test_every_province_in_underthesea_s_address_map_is_read():
    """underthesea's address data (the 63 provinces before the 2025 merger, with Huế already a
    city) as the oracle: "LĐLĐ tỉnh X" is one organisation, X its place, and X alone a place."""
    import json
    from pathlib import Path

    address = pytest.importorskip("underthesea.address")
    data = json.loads((Path(address.__file__).parent / "data" / "mapping.json").read_text(encoding="utf-8"))
    from pipeline import extract

    wrong = []
    for info in data["old_province_names"].values():
        level = "tỉnh" if info["name"].startswith("Tỉnh") else "thành phố"
        body = f"LĐLĐ {level} {info['short']}"
        record = extract(f"Năm qua, {body} trao 100 suất quà.")
        orgs = [e.text for e in record.entities if e.type == "ORGANIZATION"]
        places = [e.canonical for e in record.entities if e.type == "LOCATION"]
        if orgs != [body] or places[:1] not in ([info["short"]], [info["name"]]):
            wrong.append((body, orgs, places))
        if info["short"] != "Hồ Chí Minh":  # alone, the name of a person first
            record = extract(f"Năm qua, các cấp công đoàn {info['short']} trao 100 suất quà.")
            if [e.canonical for e in record.entities if e.type == "LOCATION"] != [info["short"]]:
                wrong.append((info["short"], [(e.type, e.text) for e in record.entities]))
    assert len(data["old_province_names"]) == 63 and wrong == []


def test_sentences_are_underthesea_s_own_when_its_splitter_is_not_the_one_copied(monkeypatch):
    import underthesea

    from pipeline.text import sentences

    asked: list[str] = []
    real = underthesea.sent_tokenize
    monkeypatch.setattr(sentences, "_abbreviations", lambda: None)
    monkeypatch.setattr(underthesea, "sent_tokenize", lambda text: asked.append(text) or real(text))
    assert sentences.split("Xin chào. Tôi ở TP. Hà Nội.") == ["Xin chào.", "Tôi ở TP. Hà Nội."]
    assert asked == ["Xin chào. Tôi ở TP. Hà Nội."]


def test_a_list_and_a_part_of_a_whole_take_the_unit_their_last_figure_names():
    from pipeline.extractors.quantities.stage import find_quantities

    def units(text: str) -> list[tuple[float, str | None]]:
        return [(q.value, q.unit) for q in find_quantities(text, [])]

    assert units("kết nạp 30, 40 và 50 đoàn viên") == [
        (30, "đoàn viên"),
        (40, "đoàn viên"),
        (50, "đoàn viên"),
    ]
    assert units("kết nạp 3.500/4.000 đoàn viên") == [(3500, "đoàn viên"), (4000, "đoàn viên")]
    assert units("có 50/45 CĐCS") == [(50, None), (45, "CĐCS")]  # greater than its "whole": no part
    assert units("1/2 triệu đồng")[0] == (1, None)  # half a million: a fraction, not a part of money

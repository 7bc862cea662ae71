"""`parse`: numbers, money, percentages, dates and relative dates in short texts, with their spans."""

from __future__ import annotations

import json
import random

import pytest
from num2words import num2words
from typer.testing import CliRunner

from pipeline import parse
from pipeline.cli import app
from pipeline.extractors.numbers.words import parse_words

CASES = [
    # numbers in words, alone and in full
    ("hai mươi", None, [("number", 20)]),
    ("hai chục", None, [("number", 20)]),
    ("một tỉ", None, [("number", 1_000_000_000)]),
    ("một nghìn lẻ một", None, [("number", 1001)]),
    ("bảy trăm hai mươi mốt nghìn không trăm mười hai", None, [("number", 721012)]),
    # informal suffixes and currencies before or after the figure, with or without a space
    ("100K", None, [("number", 100_000)]),
    ("10k đồng", None, [("money", 10_000)]),
    ("USD1,23", None, [("money", 1.23)]),
    ("EUR29,99", None, [("money", 29.99)]),
    ("€29,99", None, [("money", 29.99)]),
    ("50 bảng Anh", None, [("money", 50)]),
    ("1.000 yên", None, [("money", 1000)]),
    ("300 nhân dân tệ", None, [("money", 300)]),
    ("năm mươi phần trăm", None, [("percent", 50)]),
    # dates without "ngày", two-digit years, months and quarters in words
    ("7/3", "2017-01-01", [("date", "2017-03-07")]),
    ("07/03", None, [("date", "--03-07")]),
    ("3/3/17", None, [("date", "2017-03-03")]),
    ("3/9/91", None, [("date", "1991-09-03")]),
    ("tháng sáu", None, [("date", "--06")]),
    ("tháng mười năm 2017", None, [("date", "2017-10")]),
    ("quý 4 năm 2018", None, [("period", "2018-10/2018-12")]),
    ("12 tháng 10 năm 2017", None, [("date", "2017-10-12")]),
    ("chủ nhật ngày mồng 9 tháng 4", None, [("date", "--04-09")]),
    # relative dates and holidays against the reference
    ("hôm qua", "2017-03-09", [("relative", "2017-03-08")]),
    ("hôm kia", "2017-03-09", [("relative", "2017-03-07")]),
    ("tháng sau", "2017-12-09", [("relative", "2018-01")]),
    ("quý sau", "2017-12-09", [("relative", "2018-01/2018-03")]),
    ("năm tiếp theo", "2017-12-09", [("relative", "2018")]),
    ("Giáng sinh", "2017-03-09", [("relative", "2017-12-25")]),
    ("Quốc khánh", "2017-03-09", [("relative", "2017-09-02")]),
    # weekdays: 2017-03-09 is a Thursday; weeks run Monday to Sunday
    ("thứ năm tuần tới", "2017-03-09", [("relative", "2017-03-16")]),
    ("thứ 5 tuần sau", "2017-03-09", [("relative", "2017-03-16")]),
    ("thứ ba vừa rồi", "2017-03-09", [("relative", "2017-03-07")]),
    ("thứ năm vừa rồi", "2017-03-09", [("relative", "2017-03-02")]),
    ("thứ sáu tới", "2017-03-09", [("relative", "2017-03-10")]),
    ("chủ nhật này", "2017-03-09", [("relative", "2017-03-12")]),
    ("lần thứ năm tới đây", "2017-03-09", [("number", 5)]),
    # not quantities, not dates: a grade, a label
    ("vàng 9999", None, []),
    ("vàng 24K", None, []),
    ("phòng 305", None, []),
    ("xe khách 45 chỗ", None, [("number", 45)]),
    # negatives, a leading decimal comma, informal millions, minor currency units, more codes
    ("-1.200.000", None, [("number", -1200000)]),
    ("âm 5", None, [("number", -5)]),
    ("lỗ -1,2 tỷ đồng", None, [("money", -1200000000)]),
    ("từ 50 -100 nghìn đồng", None, [("money", 50000), ("money", 100000)]),
    (",77", None, [("number", 0.77)]),
    ("1,2M", None, [("number", 1200000)]),
    ("$3M", None, [("money", 3000000)]),
    ("2 đô la và 23 xen", None, [("money", 2.23)]),
    ("5 euro 20 cent", None, [("money", 5.2)]),
    ("Rs.50", None, [("money", 50)]),
    ("₩1000", None, [("money", 1000)]),
    ("10$ và 20 euros", None, [("money", 10), ("money", 20)]),
    ("trên một đô la và 42 xu", None, [("money", 1.42)]),
    ("- 1,200,000", None, [("number", -1200000)]),
    # a year-like figure before money counts money: "2000 đồng" is no year
    ("1000-2000 đồng", None, [("money", 1000), ("money", 2000)]),
    ("từ 1000 đồng đến 2000 đồng", None, [("money", 1000), ("money", 2000)]),
    # weekdays and "ngày" before a date belong to it; fields say things alone that prose does not
    ("thứ 2 ngày 6 tháng 2", "2017-02-02", [("date", "2017-02-06")]),
    ("chủ nhật ngày mồng 9 tháng 4", "2017-02-02", [("date", "2017-04-09")]),
    ("ngày hôm qua", "2017-02-02", [("relative", "2017-02-01")]),
    ("thứ hai", "2017-02-02", [("relative", "2017-02-06")]),
    ("chủ nhật", "2017-02-02", [("relative", "2017-02-05")]),
    ("thứ hai là", "2017-02-02", [("number", 2)]),  # "secondly": no weekday
    ("quý ba", "2017-02-02", [("relative", "2017-07/2017-09")]),
    ("quý 4 của năm 2018", None, [("period", "2018-10/2018-12")]),
    ("quý tiếp", "2017-02-02", [("relative", "2017-04/2017-06")]),
    ("thứ tư của tuần tới", "2017-02-02", [("relative", "2017-02-08")]),
    ("tháng 3 tới", "2017-02-02", [("relative", "2017-03")]),
    ("tháng 1 tới", "2017-02-02", [("relative", "2018-01")]),
]


@pytest.mark.parametrize(("text", "reference", "expect"), CASES, ids=[c[0] for c in CASES])
def test_parse(text, reference, expect):
    found = parse(text, reference=reference)
    assert [(p.dim, p.value) for p in found] == expect
    assert all(text[p.start : p.end] == p.text for p in found)


def test_a_pair_that_ends_a_name_is_no_date():
    assert [p for p in parse("Cty Cơ khí 1/5") if p.dim == "date"] == []


def test_dims_filter_and_refuse_unknown_ones():
    assert [p.dim for p in parse("20 đoàn viên ngày 7/3/2017", dims=["date"])] == ["date"]
    with pytest.raises(ValueError, match="unknown dims"):
        parse("x", dims=["colour"])
    with pytest.raises(TypeError):
        parse(b"bytes")  # type: ignore[arg-type]


def test_numbers_in_words_round_trip_through_num2words():
    """num2words (lang "vi") writes numbers as Vietnamese does; our reader reads every one back."""
    rng = random.Random(7)
    values = [0, 1, 5, 10, 15, 21, 24, 25, 101, 105, 1001, 1010, 10001, 721012, 1_000_001, 5_000_005]
    values += [rng.randint(0, 10**12) for _ in range(2000)]
    wrong = [(v, num2words(v, lang="vi")) for v in values if parse_words(num2words(v, lang="vi")) != v]
    assert wrong == []


def test_parse_command_prints_json_lines():
    args = ["parse", "20 đoàn viên, hôm qua", "--reference", "2017-03-09", "--json"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.output.splitlines()]
    assert [(p["dim"], p["value"]) for p in lines] == [("number", 20), ("relative", "2017-03-08")]
    bad = CliRunner().invoke(app, ["parse", "x", "--dims", "colour"])
    assert bad.exit_code == 2

"""The lunar calendar against dates printed on Vietnamese calendars."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.extractors.dates import lunar

# Tết (1/1 lunar) as observed in Vietnam. 2007 is the year Vietnam (UTC+7) and China (UTC+8)
# disagree; 2017 and 2023 are years after a leap month.
TET = {
    2001: "2001-01-24", 2004: "2004-01-22", 2007: "2007-02-17", 2010: "2010-02-14", 2015: "2015-02-19",
    2017: "2017-01-28", 2018: "2018-02-16", 2020: "2020-01-25", 2021: "2021-02-12", 2022: "2022-02-01",
    2023: "2023-01-22", 2024: "2024-02-10", 2025: "2025-01-29", 2026: "2026-02-17",
}  # fmt: skip
# Trung thu (15/8 lunar); 2020 has a leap fourth month before it, 2023 a leap second month.
TRUNG_THU = {
    2019: "2019-09-13",
    2020: "2020-10-01",
    2022: "2022-09-10",
    2023: "2023-09-29",
    2024: "2024-09-17",
}


@pytest.mark.parametrize(("year", "day"), TET.items())
def test_tet(year: int, day: str):
    assert lunar.solar(year, 1, 1).isoformat() == day


@pytest.mark.parametrize(("year", "day"), TRUNG_THU.items())
def test_mid_autumn(year: int, day: str):
    assert lunar.solar(year, 8, 15).isoformat() == day


def test_nearest_looks_both_ways():
    assert lunar.nearest(1, 1, dt.date(2023, 12, 20)) == dt.date(2024, 2, 10)  # the coming Tết
    assert lunar.nearest(1, 1, dt.date(2023, 3, 1)) == dt.date(2023, 1, 22)  # the one just past


def test_no_such_lunar_day():
    with pytest.raises(ValueError, match="no lunar day"):
        lunar.solar(2023, 13, 1)


def test_tet_2030_falls_a_day_before_china_s():
    """Like 2007: the new moon falls before midnight in UTC+7, after it in UTC+8."""
    assert lunar.solar(2030, 1, 1).isoformat() == "2030-02-02"


def test_every_day_1901_to_2099_against_lunar_vn():
    """lunar-vn (Hồ Ngọc Đức's algorithm, independently written; a test-only dependency) gives the
    lunar date of every solar day; ours must give back the same solar day from it."""
    lunar_vn = pytest.importorskip("lunar_vn")
    day, last = dt.date(1901, 1, 1), dt.date(2099, 12, 31)
    wrong = []
    while day <= last:
        lunar_day = lunar_vn.solar_to_lunar(day)
        if not lunar_day.leap and lunar.solar(lunar_day.year, lunar_day.month, lunar_day.day) != day:
            wrong.append((day, lunar_day))
        day += dt.timedelta(days=1)
    assert wrong == []


def test_day_30_of_a_29_day_month_is_no_day():
    """'30 tháng Giêng' of 2023 rolled over silently to 1/2; month 1 of 2023 has 29 days."""
    assert lunar.solar(2024, 2, 30) == dt.date(2024, 4, 8)  # month 2 of 2024 has 30
    with pytest.raises(ValueError, match="that month has 29 days"):
        lunar.solar(2023, 1, 30)

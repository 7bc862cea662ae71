"""The Vietnamese lunar calendar: the solar date of a lunar day (Tết, Trung thu, Giỗ Tổ).

Hồ Ngọc Đức's algorithm (the one Vietnamese calendars are printed from): months start on the
day of the astronomical new moon in Hanoi's time zone (UTC+7), month 11 holds the winter
solstice, and a year of 13 months repeats the first month that holds no solar term. New moons
and the sun's longitude come from Meeus' series, accurate to minutes over 1900-2100. The time
zone matters: Tết 2007 fell on 17 February in Vietnam but on 18 February in China.
"""

from __future__ import annotations

import datetime as dt
import math

_TZ = 7.0
_SYNODIC = 29.530588853
_EPOCH = 2415021.076998695  # the new moon of 1 January 1900, as a Julian day


def _jd(day: dt.date) -> int:
    return day.toordinal() + 1721425


def _date(jd: int) -> dt.date:
    return dt.date.fromordinal(jd - 1721425)


def _new_moon(k: int) -> float:
    """The Julian day (UT) of the k-th new moon after 1 January 1900 (Meeus, ch. 49, abridged)."""
    t = k / 1236.85
    t2, t3 = t * t, t * t * t
    dr = math.pi / 180
    jd = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3
    jd += 0.00033 * math.sin((166.56 + 132.87 * t - 0.009173 * t2) * dr)
    m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3
    mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3
    f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3
    c1 = (0.1734 - 0.000393 * t) * math.sin(m * dr) + 0.0021 * math.sin(2 * dr * m)
    c1 -= 0.4068 * math.sin(mpr * dr) - 0.0161 * math.sin(dr * 2 * mpr)
    c1 -= 0.0004 * math.sin(dr * 3 * mpr)
    c1 += 0.0104 * math.sin(dr * 2 * f) - 0.0051 * math.sin(dr * (m + mpr))
    c1 -= 0.0074 * math.sin(dr * (m - mpr)) - 0.0004 * math.sin(dr * (2 * f + m))
    c1 -= 0.0004 * math.sin(dr * (2 * f - m)) + 0.0006 * math.sin(dr * (2 * f + mpr))
    c1 += 0.0010 * math.sin(dr * (2 * f - mpr)) + 0.0005 * math.sin(dr * (2 * mpr + m))
    if t < -11:
        delta_t = 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
    else:
        delta_t = -0.000278 + 0.000265 * t + 0.000262 * t2
    return jd + c1 - delta_t


def _new_moon_day(k: int) -> int:
    return math.floor(_new_moon(k) + 0.5 + _TZ / 24)


def _sun_sector(jdn: int) -> int:
    """Which twelfth of the ecliptic the sun is in at the start of local day `jdn` (0-11)."""
    t = (jdn - 0.5 - _TZ / 24 - 2451545.0) / 36525
    t2 = t * t
    dr = math.pi / 180
    m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2
    l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2
    dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * math.sin(dr * m)
    dl += (0.019993 - 0.000101 * t) * math.sin(dr * 2 * m) + 0.000290 * math.sin(dr * 3 * m)
    longitude = ((l0 + dl) * dr) % (2 * math.pi)
    return math.floor(longitude / math.pi * 6)


def _month_11(year: int) -> int:
    """The first day of the lunar month that holds the winter solstice of `year`."""
    k = math.floor((_jd(dt.date(year, 12, 31)) - 2415021) / _SYNODIC)
    start = _new_moon_day(k)
    return _new_moon_day(k - 1) if _sun_sector(start) >= 9 else start


def _leap_offset(a11: int) -> int:
    """Months after month 11 until the first one without a solar term (the leap month)."""
    k = math.floor((a11 - _EPOCH) / _SYNODIC + 0.5)
    i = 1
    arc = _sun_sector(_new_moon_day(k + i))
    while True:
        last = arc
        i += 1
        arc = _sun_sector(_new_moon_day(k + i))
        if arc == last or i >= 14:
            return i - 1


def solar(year: int, month: int, day: int) -> dt.date:
    """The solar date of lunar `day`/`month` (not a leap month) of lunar `year`.

    (2017, 1, 1) -> 2017-01-28, Tết Đinh Dậu. A lunar month has 29 or 30 days; day 30 of a month
    of 29 ("30 tháng Giêng" of 2023) is no day, and a ValueError, not the first of the next month."""
    if not 1 <= month <= 12 or not 1 <= day <= 30:
        raise ValueError(f"no lunar day {day}/{month}")
    if month < 11:
        a11, b11 = _month_11(year - 1), _month_11(year)
    else:
        a11, b11 = _month_11(year), _month_11(year + 1)
    k = math.floor(0.5 + (a11 - _EPOCH) / _SYNODIC)
    offset = (month - 11) % 12
    if b11 - a11 > 365 and offset >= _leap_offset(a11):
        offset += 1  # a leap month comes before this one
    first = _new_moon_day(k + offset)
    length = _new_moon_day(k + offset + 1) - first
    if day > length:
        raise ValueError(f"no lunar day {day}/{month} in {year}: that month has {length} days")
    return _date(first + day - 1)


def nearest(month: int, day: int, to: dt.date) -> dt.date:
    """The occurrence of a lunar day nearest `to`: "Tết" in an article of late December is the
    coming one, in an article of March the one just past."""
    candidates = [solar(y, month, day) for y in (to.year - 1, to.year, to.year + 1)]
    return min(candidates, key=lambda d: abs((d - to).days))

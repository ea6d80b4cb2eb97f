"""Tests for payterms.calendars: business days, adjustment conventions, day counts."""

from __future__ import annotations

import calendar as stdcal
import json
import sys
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from dateutil.easter import easter
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.strategies import business_calendars

from payterms import (
    Adjustment,
    BusinessCalendar,
    DayCount,
    InvalidArgument,
    InvalidType,
    MissingExtra,
    OutsideCalendarRange,
    PaytermsError,
    UnknownCalendar,
)
from strategies import examples

BE = BusinessCalendar.country("BE")
BE_BANK = BusinessCalendar.country("BE", categories=("public", "bank"))
FR = BusinessCalendar.country("FR")
FR_57 = BusinessCalendar.country("FR", "57")
NL = BusinessCalendar.country("NL")
DE = BusinessCalendar.country("DE")
DE_BY = BusinessCalendar.country("DE", "BY")
LU = BusinessCalendar.country("LU")
LU_BANK = BusinessCalendar.country("LU", categories=("public", "bank"))
GB_ENG = BusinessCalendar.country("GB", "ENG")
US = BusinessCalendar.country("US")
TARGET = BusinessCalendar.TARGET

ALL = {
    "BE": BE,
    "BE-bank": BE_BANK,
    "FR": FR,
    "FR-57": FR_57,
    "NL": NL,
    "DE": DE,
    "DE-BY": DE_BY,
    "LU": LU,
    "LU-bank": LU_BANK,
    "GB-ENG": GB_ENG,
    "US": US,
    "TARGET": TARGET,
}


def weekday_holidays(cal: BusinessCalendar, year: int) -> list[str]:
    """Month-day of every Monday-to-Friday day of *year* that is not a business day."""
    day = date(year, 1, 1)
    out = []
    while day.year == year:
        if day.weekday() < 5 and not cal.is_business_day(day):
            out.append(day.strftime("%m-%d"))
        day += timedelta(days=1)
    return out


# ---------------------------------------------------------------------------------------
# Pinned holidays of a past year, weekdays only (weekend holidays change no business day).
# Each row is the official list of that year; 2024: Easter Sunday 31 March, so Good Friday
# 29 March, Easter Monday 1 April, Ascension 9 May, Whit Monday 20 May.
# Sources: BE: SPF Emploi / FOD WASO "jours fériés 2024" (10 legal holidays, arrêté royal
# du 18 avril 1974); bank closing days: Febelfin "bankholidays 2024" (Good Friday, Friday
# after Ascension, 26 Dec). FR: Code du travail L3133-1 (11 jours fériés); Alsace-Moselle
# adds Good Friday and 26 Dec (L3134-13). DE: nationwide days by Land law; Bayern adds
# Heilige Drei Könige (6 Jan, a Saturday in 2024), Fronleichnam (30 May), Allerheiligen
# (Bayerisches Feiertagsgesetz art. 1). GB: UK Government "UK bank holidays 2024, England and
# Wales". US: 5 U.S.C. 6103 federal holidays 2024. TARGET: ECB, TARGET2 closing days. LU:
# loi du 10 avril 2019 (Europe Day 9 May coincided with Ascension in 2024), bank closing days
# add Good Friday, 24 Dec and 31 Dec (ABBL). NL: weekday holidays as listed by the holidays
# package (New Year, Good Friday, Easter Monday, Ascension, Whit Monday, Christmas; King's
# Day 27 April 2024 was a Saturday; Liberation Day is a day off only in lustrum years).
PINNED_2024 = [
    pytest.param(BE, ["01-01", "04-01", "05-01", "05-09", "05-20", "08-15", "11-01", "11-11",
                      "12-25"], id="BE-public"),
    pytest.param(BE_BANK, ["01-01", "03-29", "04-01", "05-01", "05-09", "05-10", "05-20",
                           "08-15", "11-01", "11-11", "12-25", "12-26"], id="BE-bank"),
    pytest.param(FR, ["01-01", "04-01", "05-01", "05-08", "05-09", "05-20", "08-15", "11-01",
                      "11-11", "12-25"], id="FR"),
    pytest.param(FR_57, ["01-01", "03-29", "04-01", "05-01", "05-08", "05-09", "05-20",
                         "08-15", "11-01", "11-11", "12-25", "12-26"], id="FR-Moselle"),
    pytest.param(NL, ["01-01", "03-29", "04-01", "05-09", "05-20", "12-25", "12-26"], id="NL"),
    pytest.param(DE, ["01-01", "03-29", "04-01", "05-01", "05-09", "05-20", "10-03", "12-25",
                      "12-26"], id="DE"),
    pytest.param(DE_BY, ["01-01", "03-29", "04-01", "05-01", "05-09", "05-20", "05-30",
                         "10-03", "11-01", "12-25", "12-26"], id="DE-BY"),
    pytest.param(LU, ["01-01", "04-01", "05-01", "05-09", "05-20", "08-15", "11-01", "12-25",
                      "12-26"], id="LU"),
    pytest.param(LU_BANK, ["01-01", "03-29", "04-01", "05-01", "05-09", "05-20", "08-15",
                           "11-01", "12-24", "12-25", "12-26", "12-31"], id="LU-bank"),
    pytest.param(GB_ENG, ["01-01", "03-29", "04-01", "05-06", "05-27", "08-26", "12-25",
                          "12-26"], id="GB-ENG"),
    pytest.param(US, ["01-01", "01-15", "02-19", "05-27", "06-19", "07-04", "09-02", "10-14",
                      "11-11", "11-28", "12-25"], id="US"),
    pytest.param(TARGET, ["01-01", "03-29", "04-01", "05-01", "12-25", "12-26"], id="TARGET"),
]  # fmt: skip


@pytest.mark.parametrize(("cal", "expected"), PINNED_2024)
def test_weekday_holidays_2024(cal: BusinessCalendar, expected: list[str]) -> None:
    assert weekday_holidays(cal, 2024) == expected


# Substitute days: GB and US move a holiday falling on a weekend (observed); the continental
# calendars do not. Sources: UK Government bank holidays 2021 (Christmas and Boxing Day on a
# weekend → 27 and 28 Dec); OPM federal holidays 2021 (4 July a Sunday → 5 July observed).
OBSERVED = [
    pytest.param(GB_ENG, date(2021, 12, 27), False, id="GB-christmas-substitute"),
    pytest.param(GB_ENG, date(2021, 12, 28), False, id="GB-boxing-day-substitute"),
    pytest.param(US, date(2021, 7, 5), False, id="US-independence-observed"),
    pytest.param(BE, date(2021, 12, 27), True, id="BE-no-substitute"),
    pytest.param(DE, date(2021, 12, 27), True, id="DE-no-substitute"),
]


@pytest.mark.parametrize(("cal", "day", "open_"), OBSERVED)
def test_substitute_days(cal: BusinessCalendar, day: date, open_: bool) -> None:
    assert cal.is_business_day(day) is open_


YEARS = range(2000, 2061)


@pytest.mark.parametrize("name", sorted(ALL))
def test_easter_based_holidays_2000_2060(name: str) -> None:
    """Movable feasts computed independently with dateutil's Easter, for every year."""
    cal = ALL[name]
    closed_good_friday = {"BE-bank", "FR-57", "DE", "DE-BY", "LU-bank", "GB-ENG", "TARGET"}
    closed_easter_monday = set(ALL) - {"US"}
    closed_ascension = {"BE", "BE-bank", "FR", "FR-57", "NL", "DE", "DE-BY", "LU", "LU-bank"}
    closed_whit_monday = closed_ascension
    for year in YEARS:
        sunday = easter(year)
        if name in closed_good_friday:
            assert not cal.is_business_day(sunday - timedelta(days=2)), (name, year)
        if name in closed_easter_monday:
            assert not cal.is_business_day(sunday + timedelta(days=1)), (name, year)
        elif name == "US":
            assert cal.is_business_day(sunday + timedelta(days=1)), (name, year)
        if name in closed_ascension:
            assert not cal.is_business_day(sunday + timedelta(days=39)), (name, year)
        if name in closed_whit_monday:
            # France: Whit Monday was the worked "journée de solidarité" in 2005-2007
            # (loi n° 2004-626 du 30 juin 2004), a public holiday again from 2008
            # (loi n° 2008-351 du 16 avril 2008).
            worked = name.startswith("FR") and 2005 <= year <= 2007
            assert cal.is_business_day(sunday + timedelta(days=50)) is worked, (name, year)


FIXED_HOLIDAYS = {
    # (month, day) closed every year when the day is a weekday. Sources as for PINNED_2024.
    "BE": [(1, 1), (5, 1), (7, 21), (8, 15), (11, 1), (11, 11), (12, 25)],
    "FR": [(1, 1), (5, 1), (5, 8), (7, 14), (8, 15), (11, 1), (11, 11), (12, 25)],
    "DE": [(1, 1), (5, 1), (10, 3), (12, 25), (12, 26)],
    "LU": [(1, 1), (5, 1), (6, 23), (8, 15), (11, 1), (12, 25), (12, 26)],
    "TARGET": [(1, 1), (5, 1), (12, 25), (12, 26)],
    "NL": [(1, 1), (12, 25), (12, 26)],
}


@pytest.mark.parametrize("name", sorted(FIXED_HOLIDAYS))
def test_fixed_holidays_2000_2060(name: str) -> None:
    cal = ALL[name]
    for year in YEARS:
        for month, day in FIXED_HOLIDAYS[name]:
            assert not cal.is_business_day(date(year, month, day)), (name, year, month, day)


@pytest.mark.parametrize("name", sorted(ALL))
def test_every_year_2000_2060_is_plausible(name: str) -> None:
    """Each year has between 245 and 262 business days (weekdays minus 0 to 16 holidays)."""
    cal = ALL[name]
    for year in YEARS:
        count = cal.business_days_between(date(year, 1, 1), date(year + 1, 1, 1))
        weekdays = sum(
            1
            for d in range(1, 367 if stdcal.isleap(year) else 366)
            if (date(year, 1, 1) + timedelta(days=d - 1)).weekday() < 5
        )
        assert weekdays - 16 <= count <= weekdays, (name, year, count)


def test_lustrum_liberation_day_nl() -> None:
    # Liberation Day (5 May) is a day off in lustrum years (holidays package data;
    # 5 May 2025 was a Monday).
    assert not NL.is_business_day(date(2025, 5, 5))
    assert NL.is_business_day(date(2026, 5, 5))


def test_kings_day_nl() -> None:
    # King's Day, 27 April (Wet viering Koningsdag); a Monday in 2026, a Thursday in 2023.
    assert not NL.is_business_day(date(2026, 4, 27))
    assert not NL.is_business_day(date(2023, 4, 27))


# ---------------------------------------------------------------------------------------
# QuantLib conventions, TARGET 2026. Source: reference/finance.md §5.4 (measured with
# QuantLib 1.44 TARGET()), QuantLib ql/time/calendar.cpp.
QUANTLIB_2026 = [
    pytest.param(date(2026, 5, 30), Adjustment.FOLLOWING, date(2026, 6, 1), id="sat-F"),
    pytest.param(date(2026, 5, 30), Adjustment.MODIFIED_FOLLOWING, date(2026, 5, 29), id="sat-MF"),
    pytest.param(date(2026, 8, 15), Adjustment.FOLLOWING, date(2026, 8, 17), id="15th-F"),
    pytest.param(date(2026, 8, 15), Adjustment.HALF_MONTH_MODIFIED_FOLLOWING, date(2026, 8, 14),
                 id="15th-HMMF"),
    pytest.param(date(2026, 3, 14), Adjustment.MODIFIED_FOLLOWING, date(2026, 3, 16), id="14th-MF"),
    pytest.param(date(2026, 3, 14), Adjustment.HALF_MONTH_MODIFIED_FOLLOWING, date(2026, 3, 13),
                 id="14th-HMMF"),
    pytest.param(date(2026, 4, 4), Adjustment.NEAREST, date(2026, 4, 2), id="easter-nearest"),
    pytest.param(date(2026, 6, 7), Adjustment.NEAREST, date(2026, 6, 8), id="sun-nearest"),
    pytest.param(date(2026, 6, 6), Adjustment.NEAREST, date(2026, 6, 5), id="sat-nearest"),
    pytest.param(date(2026, 5, 30), Adjustment.UNADJUSTED, date(2026, 5, 30), id="unadjusted"),
    pytest.param(date(2026, 5, 30), Adjustment.PRECEDING, date(2026, 5, 29), id="sat-P"),
    pytest.param(date(2026, 8, 1), Adjustment.PRECEDING, date(2026, 7, 31), id="1st-P"),
    pytest.param(date(2026, 8, 1), Adjustment.MODIFIED_PRECEDING, date(2026, 8, 3), id="1st-MP"),
    pytest.param(date(2026, 5, 1), Adjustment.MODIFIED_PRECEDING, date(2026, 5, 4),
                 id="may-day-MP"),
    pytest.param(date(2026, 1, 1), Adjustment.PRECEDING, date(2025, 12, 31), id="year-P"),
    pytest.param(date(2026, 1, 1), Adjustment.MODIFIED_PRECEDING, date(2026, 1, 2),
                 id="year-MP"),
    pytest.param(date(2026, 10, 31), Adjustment.MODIFIED_FOLLOWING, date(2026, 10, 30),
                 id="month-end-MF"),
    pytest.param(date(2026, 10, 30), Adjustment.MODIFIED_FOLLOWING, date(2026, 10, 30),
                 id="business-day-unchanged"),
]  # fmt: skip


@pytest.mark.parametrize(("day", "adjustment", "expected"), QUANTLIB_2026)
def test_quantlib_conventions(day: date, adjustment: Adjustment, expected: date) -> None:
    assert TARGET.adjust(day, adjustment) == expected


def test_nearest_tie_goes_forward() -> None:
    # QuantLib Nearest: "if both are equally far away, default to following business day".
    # Wednesday 2026-06-10 closed: Tuesday and Thursday are equally far.
    cal = BusinessCalendar.from_dates([date(2026, 6, 10)])
    assert cal.adjust(date(2026, 6, 10), Adjustment.NEAREST) == date(2026, 6, 11)


# Source: holidays docs (docs/examples.md): US 2024, 5 working days after 2024-12-20
# is 2024-12-30 (Christmas on the 25th); working days 2024-04-01..2024-06-30 inclusive = 63.
def test_holidays_package_documented_examples() -> None:
    assert US.add_business_days(date(2024, 12, 20), 5) == date(2024, 12, 30)
    assert US.business_days_between(date(2024, 4, 1), date(2024, 7, 1)) == 63


def test_target_2026_business_day_count() -> None:
    # Source: reference/finance.md §5.2: a weekday rrule with TARGET holidays as exdates
    # counted 256 business days in 2026 (= QuantLib / numpy).
    assert TARGET.business_days_between(date(2026, 1, 1), date(2027, 1, 1)) == 256


def test_add_business_days_from_holiday_and_weekend() -> None:
    # QuantLib advance(d, n, Days): a holiday counts as the business day before it when
    # moving forward, so Good Friday + 1 = Tuesday after Easter Monday.
    assert TARGET.add_business_days(date(2026, 4, 3), 1) == date(2026, 4, 7)
    assert TARGET.add_business_days(date(2026, 4, 4), -1) == date(2026, 4, 2)
    assert TARGET.add_business_days(date(2026, 4, 4), 0) == date(2026, 4, 7)


def test_add_business_days_across_years() -> None:
    assert TARGET.add_business_days(date(2026, 12, 24), 1) == date(2026, 12, 28)
    assert TARGET.add_business_days(date(2026, 12, 31), 1) == date(2027, 1, 4)
    assert TARGET.add_business_days(date(2027, 1, 4), -1) == date(2026, 12, 31)
    assert TARGET.add_business_days(date(2026, 1, 2), 600) == TARGET.add_business_days(
        TARGET.add_business_days(date(2026, 1, 2), 300), 300
    )


def test_be_ascension_adjustment() -> None:
    # DESIGN.md §1: "The due date falls on Ascension Day in Belgium: what day is it really?"
    assert BE.adjust(date(2026, 5, 14), Adjustment.FOLLOWING) == date(2026, 5, 15)
    assert BE_BANK.adjust(date(2026, 5, 14), Adjustment.FOLLOWING) == date(2026, 5, 18)


def test_union_is_closed_when_either_is() -> None:
    both = BE | TARGET
    assert not both.is_business_day(date(2026, 4, 3))  # TARGET: Good Friday
    assert not both.is_business_day(date(2026, 7, 21))  # BE: national day
    assert both.is_business_day(date(2026, 4, 2))
    assert both == (BE | TARGET)
    assert hash(both) == hash(BE | TARGET)
    assert both.first_year == max(BE.first_year, TARGET.first_year)


def test_equal_values_and_private_cache() -> None:
    a = BusinessCalendar.country("BE")
    b = BusinessCalendar.country("be")
    a.is_business_day(date(2026, 1, 2))
    assert a == b
    assert hash(a) == hash(b)
    assert "_years" not in repr(a)


def test_subdivision_aliases() -> None:
    assert BusinessCalendar.country("DE", "Bayern") == DE_BY
    assert BusinessCalendar.country("DE", "by") == DE_BY


def test_from_dates_and_years() -> None:
    cal = BusinessCalendar.from_dates([date(2026, 8, 3)], years=range(2026, 2027))
    assert cal.holidays(2026) == (date(2026, 8, 3),)
    with pytest.raises(OutsideCalendarRange) as info:
        cal.is_business_day(date(2027, 1, 4))
    assert info.value.first_year == 2026
    assert "2027-01-04" in str(info.value)


def test_custom_weekend() -> None:
    # A Friday/Saturday weekend (e.g. a customer in the Gulf region).
    cal = BusinessCalendar.from_dates([], weekend=(4, 5))
    assert not cal.is_business_day(date(2026, 1, 2))  # Friday
    assert cal.is_business_day(date(2026, 1, 4))  # Sunday


def test_holidays_listing() -> None:
    assert TARGET.holidays(2026) == (
        date(2026, 1, 1), date(2026, 4, 3), date(2026, 4, 6), date(2026, 5, 1),
        date(2026, 12, 25), date(2026, 12, 26),
    )  # fmt: skip


# ---------------------------------------------------------------------------------------
# bad input


@pytest.mark.parametrize(
    ("call", "error", "fragment"),
    [
        pytest.param(lambda: BusinessCalendar.country("XX"), UnknownCalendar, "'XX'", id="country"),
        pytest.param(lambda: BusinessCalendar.country("DE", "XY"), UnknownCalendar, "DE-XY",
                     id="subdiv"),
        pytest.param(lambda: BusinessCalendar.country("BE", categories=("bogus",)),
                     InvalidArgument, "bogus", id="category"),
        pytest.param(lambda: BusinessCalendar.country("BE", categories=()), InvalidArgument,
                     "categories", id="no-category"),
        pytest.param(lambda: BusinessCalendar.country(32), InvalidType, "32", id="code-type"),
        pytest.param(lambda: BusinessCalendar.market("XXXX"), UnknownCalendar, "XXXX",
                     id="market"),
        pytest.param(lambda: TARGET.adjust(datetime(2026, 1, 1, 12, 0), Adjustment.FOLLOWING),
                     InvalidType, "datetime", id="naive-datetime"),
        pytest.param(lambda: TARGET.adjust("2026-01-01", Adjustment.FOLLOWING), InvalidType,
                     "2026-01-01", id="string-date"),
        pytest.param(lambda: TARGET.adjust(date(2026, 1, 1), "following"), InvalidArgument,
                     "following", id="adjustment-string"),
        pytest.param(lambda: TARGET.add_business_days(date(2026, 1, 1), 1.0), InvalidType,
                     "1.0", id="float-n"),
        pytest.param(lambda: TARGET.is_business_day(date(1990, 1, 2)), OutsideCalendarRange,
                     "1990-01-02", id="before-range"),
        pytest.param(lambda: DE.is_business_day(date(2101, 1, 3)), OutsideCalendarRange,
                     "2101-01-03", id="after-range"),
        pytest.param(lambda: DE.add_business_days(date(2100, 12, 30), 5), OutsideCalendarRange,
                     "2100", id="stepping-out"),
        pytest.param(lambda: BusinessCalendar.from_dates([], weekend=range(7)), InvalidArgument,
                     "weekend", id="all-weekend"),
        pytest.param(lambda: BusinessCalendar.from_dates([], weekend=(7,)), InvalidArgument,
                     "weekend", id="weekday-7"),
        pytest.param(lambda: BusinessCalendar.from_dates(["2026-01-01"]), InvalidType,
                     "2026-01-01", id="holiday-as-string"),
        pytest.param(lambda: DayCount.ACT_360.year_fraction(date(2026, 1, 1), "2026-02-01"),
                     InvalidType, "2026-02-01", id="daycount-string"),
    ],
)  # fmt: skip
def test_bad_input(call, error: type[Exception], fragment: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(error) as info:
        call()
    assert isinstance(info.value, PaytermsError)
    assert fragment in str(info.value)


@pytest.mark.parametrize(
    "junk",
    [None, "2026-01-05", 20260105, 1.5, datetime(2026, 1, 5, 9, 30), (2026, 1, 5)],
    ids=repr,
)
def test_is_business_day_refuses_what_it_does_not_understand(junk: object) -> None:
    # Monday 5 January 2026 is a TARGET business day: answering False for it (as the
    # predicate once did for a string or a datetime) would be a silent wrong answer.
    with pytest.raises(InvalidType) as info:
        TARGET.is_business_day(junk)  # type: ignore[arg-type]
    assert repr(junk) in str(info.value)


def test_is_business_day_reads_dates_of_other_kinds() -> None:
    np = pytest.importorskip("numpy")
    pd = pytest.importorskip("pandas")
    monday, friday_holiday = date(2026, 1, 5), date(2026, 4, 3)  # Good Friday: TARGET closed
    for day, expected in ((monday, True), (friday_holiday, False)):
        for other in (
            datetime(day.year, day.month, day.day),
            pd.Timestamp(day),
            np.datetime64(day.isoformat()),
            np.datetime64(day.isoformat() + "T00:00:00.000000000"),
        ):
            assert TARGET.is_business_day(other) is expected, other
    for ambiguous in (
        pd.Timestamp("2026-01-05 12:00"),
        pd.Timestamp("2026-01-05", tz="Europe/Brussels"),
        pd.NaT,
        np.datetime64("2026-01"),
        np.datetime64("NaT"),
        np.datetime64("2026-01-05T00:00:01"),
    ):
        with pytest.raises(InvalidType):
            TARGET.is_business_day(ambiguous)


# ---------------------------------------------------------------------------------------
# properties

CALENDARS = st.sampled_from([BE, BE_BANK, DE_BY, GB_ENG, US, TARGET, NL | FR])
DAYS = st.dates(min_value=date(2000, 1, 1), max_value=date(2060, 12, 31))
CONVENTIONS = st.sampled_from(list(Adjustment))


@given(CALENDARS, DAYS, CONVENTIONS)
def test_adjust_is_idempotent_and_lands_on_business_day(
    cal: BusinessCalendar, day: date, convention: Adjustment
) -> None:
    once = cal.adjust(day, convention)
    assert cal.adjust(once, convention) == once
    if convention is not Adjustment.UNADJUSTED:
        assert cal.is_business_day(once)


@given(CALENDARS, DAYS)
def test_direction_of_conventions(cal: BusinessCalendar, day: date) -> None:
    assert cal.adjust(day, Adjustment.FOLLOWING) >= day
    assert cal.adjust(day, Adjustment.PRECEDING) <= day
    assert cal.adjust(day, Adjustment.MODIFIED_FOLLOWING).month == day.month
    assert cal.adjust(day, Adjustment.MODIFIED_PRECEDING).month == day.month
    assert cal.adjust(day, Adjustment.HALF_MONTH_MODIFIED_FOLLOWING).month == day.month
    nearest = cal.adjust(day, Adjustment.NEAREST)
    distance = abs((nearest - day).days)
    for other in (cal.adjust(day, Adjustment.FOLLOWING), cal.adjust(day, Adjustment.PRECEDING)):
        assert distance <= abs((other - day).days)


# ±400 business days move up to ~1.6 years: keep the start where every calendar still
# covers the result (TARGET starts in 1999).
@given(
    CALENDARS,
    st.dates(min_value=date(2002, 1, 1), max_value=date(2058, 12, 31)),
    st.integers(min_value=-400, max_value=400),
)
def test_add_business_days_round_trip(cal: BusinessCalendar, day: date, n: int) -> None:
    there = cal.add_business_days(day, n)
    assert cal.is_business_day(there)
    back = cal.add_business_days(there, -n)
    if n > 0:
        assert back == cal.adjust(day, Adjustment.PRECEDING)
    else:
        assert back == cal.adjust(day, Adjustment.FOLLOWING)


@settings(max_examples=examples(60))
@given(CALENDARS, DAYS, st.integers(min_value=0, max_value=120))
def test_business_days_between_agrees_with_stepping(
    cal: BusinessCalendar, day: date, span: int
) -> None:
    end = day + timedelta(days=span)
    stepped = sum(1 for k in range(span) if cal.is_business_day(day + timedelta(days=k)))
    assert cal.business_days_between(day, end) == stepped
    assert cal.business_days_between(end, day) == -stepped


@given(CALENDARS, DAYS, st.integers(min_value=1, max_value=200))
def test_add_then_count(cal: BusinessCalendar, day: date, n: int) -> None:
    start = cal.adjust(day, Adjustment.FOLLOWING)
    assert cal.business_days_between(start, cal.add_business_days(start, n)) == n


@given(CALENDARS, DAYS)
def test_next_and_previous(cal: BusinessCalendar, day: date) -> None:
    nxt = cal.next_business_day(day)
    prev = cal.previous_business_day(day)
    assert prev < day < nxt
    assert all(not cal.is_business_day(prev + timedelta(days=k)) or prev + timedelta(days=k) == day
               for k in range(1, (day - prev).days))  # fmt: skip
    assert cal.add_business_days(day, 1) == nxt


def _open_by_definition(cal: BusinessCalendar, day: date) -> bool:
    # from the definition: not a weekend day, not one of the year's holidays
    return day.weekday() not in cal.weekend and day not in cal.holidays(day.year)


def _walk(cal: BusinessCalendar, day: date, step: int) -> date:
    while True:
        day += timedelta(days=step)
        if _open_by_definition(cal, day):
            return day


def _adjust_by_definition(cal: BusinessCalendar, day: date, adjustment: Adjustment) -> date:
    # QuantLib's Calendar::adjust, one day at a time
    if adjustment is Adjustment.UNADJUSTED or _open_by_definition(cal, day):
        return day
    after, before = _walk(cal, day, 1), _walk(cal, day, -1)
    if adjustment is Adjustment.FOLLOWING:
        return after
    if adjustment is Adjustment.PRECEDING:
        return before
    if adjustment is Adjustment.MODIFIED_FOLLOWING:
        return after if after.month == day.month else before
    if adjustment is Adjustment.MODIFIED_PRECEDING:
        return before if before.month == day.month else after
    if adjustment is Adjustment.HALF_MONTH_MODIFIED_FOLLOWING:
        crosses = after.month != day.month or day.day <= 15 < after.day
        return before if crosses else after
    return after if after - day <= day - before else before


YEAR_ENDS = st.builds(
    lambda year, offset: date(year, 12, 20) + timedelta(days=offset),
    st.integers(1991, 2059),
    st.integers(0, 25),
)


@settings(max_examples=examples(150), deadline=None)
@given(
    cal=business_calendars(),
    day=st.one_of(DAYS, YEAR_ENDS),
    adjustment=st.sampled_from(Adjustment),
    n=st.integers(-30, 30),
)
def test_the_year_index_answers_as_the_definition(
    cal: BusinessCalendar, day: date, adjustment: Adjustment, n: int
) -> None:
    # the per-year "next business day" index against a walk one day at a time, across
    # year ends, for random holidays and weekends
    try:
        expected = _adjust_by_definition(cal, day, adjustment)
        counted = day
        if n == 0:
            counted = day if _open_by_definition(cal, day) else _walk(cal, day, 1)
        else:
            if not _open_by_definition(cal, counted):  # counts as the business day before
                counted = _walk(cal, counted, -1 if n > 0 else 1)
            for _ in range(abs(n)):
                counted = _walk(cal, counted, 1 if n > 0 else -1)
    except OutsideCalendarRange:
        return  # the definition needs a year the calendar does not cover
    assert cal.adjust(day, adjustment) == expected
    assert cal.is_business_day(day) == _open_by_definition(cal, day)
    assert cal.add_business_days(day, n) == counted


# ---------------------------------------------------------------------------------------
# numpy export: the business days of a range of years as a numpy.busdaycalendar


@settings(max_examples=examples(40), deadline=None)
@given(calendar=business_calendars(), first=st.integers(1990, 2060), years=st.integers(0, 2))
def test_busdaycalendar_agrees_with_the_calendar_on_every_day(
    calendar: BusinessCalendar, first: int, years: int
) -> None:
    np = pytest.importorskip("numpy")
    last = first + years
    if not calendar.first_year <= first <= last <= calendar.last_year:
        with pytest.raises(OutsideCalendarRange):
            calendar.busdaycalendar(first, last)
        return
    exported = calendar.busdaycalendar(first, last)
    days = np.arange(np.datetime64(f"{first}-01-01"), np.datetime64(f"{last + 1}-01-01"))
    answers = np.is_busday(days, busdaycal=exported).tolist()
    assert answers == [calendar.is_business_day(d) for d in days.astype(object)]
    assert calendar.busdaycalendar(first, last) is exported  # kept, outside the identity


def test_busdaycalendar_arguments_and_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    np = pytest.importorskip("numpy")
    # Source: ECB, TARGET2 closing days: Good Friday 3 April and Easter Monday 6 April 2026
    exported = TARGET.busdaycalendar(2026)
    assert np.busday_offset(np.datetime64("2026-04-02"), 1, busdaycal=exported) == np.datetime64(
        "2026-04-07"
    )
    with pytest.raises(InvalidArgument, match=r"^last_year="):
        TARGET.busdaycalendar(2026, 2025)
    with pytest.raises(InvalidType, match=r"^first_year="):
        TARGET.busdaycalendar("2026")  # type: ignore[arg-type]
    with pytest.raises(OutsideCalendarRange):
        TARGET.busdaycalendar(1998, 2000)
    monkeypatch.setitem(sys.modules, "numpy", None)
    with pytest.raises(MissingExtra, match=r"payterms\[numpy\]"):
        BusinessCalendar.from_dates([]).busdaycalendar(2026)


# ---------------------------------------------------------------------------------------
# day counts. Source: reference/finance.md §5.4 (QuantLib 1.44 measurements):
# 2026-01-31 -> 2026-03-31: A365F 59 days (0.16164), A360 59 (0.16389), all 30/360 60;
# 2026-02-28 -> 2026-03-31: US 30, BondBasis 33, 30E 32, 30E ISDA 30.
DAY_COUNTS = [
    pytest.param(DayCount.ACT_365_FIXED, date(2026, 1, 31), date(2026, 3, 31), 59, "0.16164",
                 id="a365f"),
    pytest.param(DayCount.ACT_360, date(2026, 1, 31), date(2026, 3, 31), 59, "0.16389",
                 id="a360"),
    pytest.param(DayCount.THIRTY_360, date(2026, 1, 31), date(2026, 3, 31), 60, "0.16667",
                 id="us-jan31"),
    pytest.param(DayCount.THIRTY_360_BOND, date(2026, 1, 31), date(2026, 3, 31), 60, "0.16667",
                 id="bond-jan31"),
    pytest.param(DayCount.THIRTY_E_360, date(2026, 1, 31), date(2026, 3, 31), 60, "0.16667",
                 id="30e-jan31"),
    pytest.param(DayCount.THIRTY_E_360_ISDA, date(2026, 1, 31), date(2026, 3, 31), 60,
                 "0.16667", id="isda-jan31"),
    pytest.param(DayCount.THIRTY_360, date(2026, 2, 28), date(2026, 3, 31), 30, "0.08333",
                 id="us-feb28"),
    pytest.param(DayCount.THIRTY_360_BOND, date(2026, 2, 28), date(2026, 3, 31), 33, "0.09167",
                 id="bond-feb28"),
    pytest.param(DayCount.THIRTY_E_360, date(2026, 2, 28), date(2026, 3, 31), 32, "0.08889",
                 id="30e-feb28"),
    pytest.param(DayCount.THIRTY_E_360_ISDA, date(2026, 2, 28), date(2026, 3, 31), 30,
                 "0.08333", id="isda-feb28"),
]  # fmt: skip


@pytest.mark.parametrize(("convention", "start", "end", "days", "fraction"), DAY_COUNTS)
def test_day_counts(convention: DayCount, start: date, end: date, days: int, fraction: str) -> None:
    assert convention.days(start, end) == days
    assert round(convention.year_fraction(start, end), 5) == Decimal(fraction)


def test_thirty_e_360_isda_termination_date() -> None:
    # ISDA 2006 §4.16(h): the last day of February is not changed to 30 when it is the
    # termination date.
    start, end = date(2026, 1, 31), date(2026, 2, 28)
    assert DayCount.THIRTY_E_360_ISDA.days(start, end) == 30
    assert DayCount.THIRTY_E_360_ISDA.days(start, end, termination=end) == 28


def test_act_act_isda_splits_calendar_years() -> None:
    # ISDA 2006 §4.16(b): days in the leap year over 366 plus days in the normal year over
    # 365. 2023-11-01 -> 2024-03-01: 61/365 + 60/366.
    expected = Decimal(61) / Decimal(365) + Decimal(60) / Decimal(366)
    got = DayCount.ACT_ACT_ISDA.year_fraction(date(2023, 11, 1), date(2024, 3, 1))
    assert abs(got - expected) < Decimal("1e-26")
    assert DayCount.ACT_ACT_ISDA.year_fraction(date(2024, 1, 1), date(2025, 1, 1)) == 1


@given(st.sampled_from(list(DayCount)), DAYS, DAYS)
def test_day_count_sign_and_size(convention: DayCount, a: date, b: date) -> None:
    a, b = min(a, b), max(a, b)
    actual = (b - a).days
    counted = convention.days(a, b)
    assert counted >= 0
    if convention in (DayCount.ACT_365_FIXED, DayCount.ACT_360, DayCount.ACT_ACT_ISDA):
        assert counted == actual
        assert convention.year_fraction(b, a) == -convention.year_fraction(a, b)
    else:
        # Each month boundary shifts a 30/360 count by at most 3 days (February), plus
        # one day at either end for a moved 31st.
        months = (b.year - a.year) * 12 + b.month - a.month
        assert abs(counted - actual) <= 3 * months + 2


def test_year_fraction_ignores_ambient_context() -> None:
    import decimal

    with decimal.localcontext() as ctx:
        ctx.prec = 3
        got = DayCount.ACT_360.year_fraction(date(2026, 1, 1), date(2026, 2, 1))
    assert got == Decimal(31) / Decimal(360)


# ---------------------------------------------------------------------------------------
# the holidays snapshot: an upgrade of `holidays` that moves a business day fails here
#
# tests/snapshots/holidays.json holds, for every named calendar below, its holidays of
# each year 2000-2040 as the installed `holidays` gives them. `holidays` has a lower bound
# only, so a new release can change a business-day answer with no payterms release; this
# test then fails with the dates added and removed. After review, regenerate the snapshot
# with ``PYTHONPATH=src python tests/test_calendars.py`` and record the change in a Data
# line of CHANGELOG.md (the holidays version, the calendars and the dates).

HOLIDAYS_SNAPSHOT = Path(__file__).parent / "snapshots" / "holidays.json"
SNAPSHOT_YEARS = range(2000, 2041)
DE_LANDER = ("BB", "BE", "BW", "BY", "HB", "HE", "HH", "MV", "NI", "NW", "RP", "SH", "SL", "SN",
             "ST", "TH")  # fmt: skip


def named_calendars() -> list[BusinessCalendar]:
    """The calendars payterms names in its docs, regimes and examples, and their variants."""
    cals = [BusinessCalendar.TARGET]
    for code in ("AT", "BE", "LU"):
        cals.append(BusinessCalendar.country(code))
        cals.append(BusinessCalendar.country(code, categories=("public", "bank")))
    cals += [BusinessCalendar.country(code) for code in ("DE", "FR", "NL", "US")]
    cals += [BusinessCalendar.country("DE", land) for land in DE_LANDER]
    cals += [BusinessCalendar.country("GB", nation) for nation in ("ENG", "NIR", "SCT", "WLS")]
    return cals


def holidays_snapshot() -> dict[str, dict[str, str]]:
    """Return {calendar name: {year: "MM-DD MM-DD ..."}} over SNAPSHOT_YEARS."""
    return {
        cal.name: {
            str(year): " ".join(d.strftime("%m-%d") for d in cal.holidays(year))
            for year in SNAPSHOT_YEARS
        }
        for cal in named_calendars()
    }


def _dump(snapshot: dict[str, dict[str, str]]) -> str:
    import holidays

    lines = ["{", f' "holidays": {json.dumps(holidays.__version__)},', ' "calendars": {']
    names = sorted(snapshot)
    for n, name in enumerate(names):
        lines.append(f"  {json.dumps(name)}: {{")
        years = sorted(snapshot[name])
        for i, year in enumerate(years):
            comma = "," if i < len(years) - 1 else ""
            lines.append(f"   {json.dumps(year)}: {json.dumps(snapshot[name][year])}{comma}")
        lines.append("  }" + ("," if n < len(names) - 1 else ""))
    lines += [" }", "}"]
    return "\n".join(lines) + "\n"


def snapshot_differences(
    recorded: dict[str, dict[str, str]], current: dict[str, dict[str, str]]
) -> list[str]:
    """Return one readable line per calendar and year whose holidays differ."""
    lines = []
    for name in sorted(set(recorded) | set(current)):
        if name not in current or name not in recorded:
            lines.append(f"{name}: {'no longer built' if name not in current else 'new'}")
            continue
        for year in sorted(set(recorded[name]) | set(current[name])):
            before = set(recorded[name].get(year, "").split())
            after = set(current[name].get(year, "").split())
            if before != after:
                added = " ".join(f"+{year}-{d}" for d in sorted(after - before))
                removed = " ".join(f"-{year}-{d}" for d in sorted(before - after))
                lines.append(f"{name} {year}: {' '.join(filter(None, (added, removed)))}")
    return lines


def test_holidays_match_the_snapshot() -> None:
    import holidays

    recorded = json.loads(HOLIDAYS_SNAPSHOT.read_text(encoding="utf-8"))
    differences = snapshot_differences(recorded["calendars"], holidays_snapshot())
    assert not differences, (
        f"holidays {holidays.__version__} (snapshot: {recorded['holidays']}) changes "
        f"{len(differences)} calendar-years (+ a new holiday, - a holiday gone):\n"
        + "\n".join(differences[:60])
        + "\nReview, regenerate with `PYTHONPATH=src python tests/test_calendars.py` and add "
        "a Data line to CHANGELOG.md."
    )


def test_snapshot_differences_are_readable() -> None:
    recorded = {"BE": {"2031": "01-01 05-08"}, "XX": {"2031": ""}}
    current = {"BE": {"2031": "01-01 05-09"}, "YY": {"2031": ""}}
    assert snapshot_differences(recorded, current) == [
        "BE 2031: +2031-05-09 -2031-05-08",
        "XX: no longer built",
        "YY: new",
    ]


if __name__ == "__main__":  # regenerate the holidays snapshot after a reviewed change
    HOLIDAYS_SNAPSHOT.parent.mkdir(exist_ok=True)
    HOLIDAYS_SNAPSHOT.write_text(_dump(holidays_snapshot()), encoding="utf-8")


# ---------------------------------------------------------------------------------------
# century leap years: 1900 and 2100 are common years, 2000 is a leap year

CENTURY_DAYS = st.sampled_from((1900, 2000, 2100)).flatmap(
    lambda year: st.dates(min_value=date(year - 1, 11, 1), max_value=date(year + 1, 3, 31))
)


def _act_act_isda(start: date, end: date) -> Decimal:
    total = Decimal(0)
    day = start
    while day < end:
        year_end = min(date(day.year + 1, 1, 1), end)
        length = 366 if stdcal.isleap(day.year) else 365
        total += Decimal((year_end - day).days) / length
        day = year_end
    return total


@settings(max_examples=examples(200))
@given(a=CENTURY_DAYS, b=CENTURY_DAYS)
def test_act_act_isda_across_century_leap_years(a: date, b: date) -> None:
    start, end = min(a, b), max(a, b)
    got = DayCount.ACT_ACT_ISDA.year_fraction(start, end)
    assert abs(got - _act_act_isda(start, end)) < Decimal("1e-20")
    assert DayCount.ACT_365_FIXED.days(start, end) == (end - start).days


@pytest.mark.parametrize("year", [1900, 2000, 2100])
def test_last_of_february_in_century_years(year: int) -> None:
    last_feb = date(year, 2, 29 if stdcal.isleap(year) else 28)
    # 30E/360 ISDA: the last day of February counts as the 30th (not the 28th in 1900 and
    # 2100 only, nor the 29th in 2000 only)
    assert DayCount.THIRTY_E_360_ISDA.days(last_feb, date(year, 3, 31)) == 30
    assert DayCount.THIRTY_E_360_ISDA.days(date(year, 1, 31), last_feb) == 30
    not_last = date(year, 2, 28)
    if stdcal.isleap(year):  # 28 February 2000 is not the last day of its month
        assert DayCount.THIRTY_E_360_ISDA.days(date(year, 1, 31), not_last) == 28
    # a calendar steps over 29 February only in 2000
    cal = BusinessCalendar.WEEKENDS
    assert cal.business_days_between(date(year, 2, 1), date(year, 3, 1)) == sum(
        1
        for n in range((date(year, 3, 1) - date(year, 2, 1)).days)
        if (date(year, 2, 1) + timedelta(days=n)).weekday() < 5
    )

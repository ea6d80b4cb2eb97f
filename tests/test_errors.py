"""Tests for payterms.errors: one base, builtin bases, values kept as attributes."""

from __future__ import annotations

import inspect
from datetime import date

import pytest

import payterms.errors as errors
from payterms.errors import (
    CurrencyMismatch,
    InvalidArgument,
    InvalidType,
    OutsideCalendarRange,
    ParseError,
    PaytermsError,
    PaytermsWarning,
    RateNotPublished,
    UnknownCalendar,
    UnknownCurrency,
    UnknownRegime,
)

ERROR_CLASSES = [
    obj
    for _, obj in inspect.getmembers(errors, inspect.isclass)
    if issubclass(obj, PaytermsError) and obj is not PaytermsError
]


@pytest.mark.parametrize("cls", ERROR_CLASSES, ids=lambda c: c.__name__)
def test_every_error_is_also_a_builtin(cls: type[PaytermsError]) -> None:
    assert issubclass(cls, (ValueError, TypeError, LookupError, ImportError))


@pytest.mark.parametrize("cls", ERROR_CLASSES, ids=lambda c: c.__name__)
def test_every_error_is_drawn_in_the_module_docstring(cls: type[PaytermsError]) -> None:
    assert cls.__name__ in (errors.__doc__ or "")


def test_warning_base() -> None:
    assert issubclass(PaytermsWarning, UserWarning)


def test_messages_name_the_values_and_keep_them() -> None:
    err = InvalidArgument("days", -3, "a whole number >= 0")
    assert "days=-3" in str(err)
    assert (err.name, err.value, err.expected) == ("days", -3, "a whole number >= 0")

    typ = InvalidType("rate", 0.08, "a Decimal")
    assert "0.08" in str(typ)
    assert "float" in str(typ)
    assert isinstance(typ, TypeError)

    cur = UnknownCurrency("EUX")
    assert "'EUX'" in str(cur)
    assert cur.code == "EUX"

    cal = UnknownCalendar("XX", "not a country")
    assert str(cal) == "no business calendar for 'XX': not a country"

    reg = UnknownRegime("ZZ", ("BE", "FR"))
    assert "'ZZ'" in str(reg)
    assert "BE, FR" in str(reg)

    out = OutsideCalendarRange(date(2101, 1, 3), 1991, 2100, "DE")
    assert str(out) == "2101-01-03 is outside the calendar DE range (1991-2100)"

    mis = CurrencyMismatch("EUR", "GBP")
    assert isinstance(mis, ValueError)
    assert (mis.left, mis.right) == ("EUR", "GBP")


def test_rate_not_published_names_table_and_last_period() -> None:
    err = RateNotPublished(
        "BE late-payment", date(2027, 1, 1), date(2026, 12, 31), first_known=date(2013, 1, 1)
    )
    assert str(err).startswith(
        "no BE late-payment rate published for 2027-01-01 (table covers 2013-01-01 to 2026-12-31); "
    )
    # both ways out are named: an assumption, or the published rates as a table
    assert "assume=RateAssumption.CARRY_FORWARD (or STATUTORY_FORMULA where" in str(err)
    assert "tables={'BE late-payment': RateTable.from_csv(...)}" in str(err)
    assert err.last_known == date(2026, 12, 31)
    # a formula over the ECB rate cannot fill a gap in the ECB table itself
    ecb = RateNotPublished("ecb_mro", date(2027, 1, 1), date(2026, 6, 17))
    assert "assume=RateAssumption.CARRY_FORWARD (the result records" in str(ecb)
    assert "STATUTORY_FORMULA" not in str(ecb)
    quiet = RateNotPublished("t", date(2027, 1, 1), date(2026, 12, 31), detail="why", remedy=False)
    assert str(quiet) == "no t rate published for 2027-01-01 (table covers up to 2026-12-31); why"
    assert quiet.detail == "why"
    assert isinstance(err, LookupError)


def test_parse_error_points_at_the_word() -> None:
    err = ParseError("net thirty dayz", 11, "a unit such as 'days'", suggestion="days")
    assert err.position == 11
    assert err.word == "dayz"
    assert "'dayz'" in str(err)
    assert "did you mean 'days'" in str(err)
    assert isinstance(err, ValueError)
    tail = ParseError("net", 3, "a number")
    assert tail.word == ""
    assert "at position 3" in str(tail)

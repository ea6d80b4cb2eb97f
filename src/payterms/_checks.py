"""Argument checks shared by every module: Decimal only, plain dates, whole numbers.

Private module; the public functions call these at their boundary so that bad input
fails early with a payterms error that names the argument and the offending value.
"""

from __future__ import annotations

import decimal
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import cast

from payterms.errors import InvalidArgument, InvalidType, LimitExceeded
from payterms.limits import MAX_AMOUNT_DIGITS, MAX_DAYS, MAX_TEXT_LENGTH, MAX_YEAR, MIN_YEAR

__all__ = [
    "ROUNDING_MODES",
    "check_amount",
    "check_date",
    "check_int",
    "check_quantile",
    "check_rounding",
    "check_text",
    "to_amount",
    "to_date",
    "to_decimal",
    "year_limit",
]

ROUNDING_MODES: frozenset[str] = frozenset(
    {
        decimal.ROUND_CEILING,
        decimal.ROUND_DOWN,
        decimal.ROUND_FLOOR,
        decimal.ROUND_HALF_DOWN,
        decimal.ROUND_HALF_EVEN,
        decimal.ROUND_HALF_UP,
        decimal.ROUND_UP,
        decimal.ROUND_05UP,
    }
)
"""The rounding modes of the :mod:`decimal` module, by their constant names."""


def to_decimal(value: object, name: str, *, limit: bool = True) -> Decimal:
    """Return *value* as a finite Decimal; ints and numeric strings are accepted, floats refused.

    A number with more than :data:`~payterms.limits.MAX_AMOUNT_DIGITS` digits before the
    decimal point raises :class:`~payterms.errors.LimitExceeded` (*limit* false lets it
    through: for rounding a computed figure, never for an argument).

    >>> to_decimal("12.30", "amount")
    Decimal('12.30')
    >>> to_decimal(1.5, "amount")
    Traceback (most recent call last):
    payterms.errors.InvalidType: amount=1.5 has type float: expected a Decimal, int or str
    >>> to_decimal("1e58", "amount")
    Traceback (most recent call last):
    payterms.errors.LimitExceeded: amount='1e58' is not accepted: expected at most 18 digits ...
    """
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, bool) or not isinstance(value, (int, str)):
        raise InvalidType(name, value, "a Decimal, int or str")
    elif isinstance(value, int):
        if limit and abs(value) >= _INT_LIMIT:
            raise _too_many_digits(name, value)
        return Decimal(value)
    else:
        if len(value) > MAX_TEXT_LENGTH:
            check_text(value, name)
        try:
            result = Decimal(value.strip().replace("_", ""))
        except InvalidOperation:
            raise InvalidArgument(name, value, "a number written as text") from None
    if not result.is_finite():
        raise InvalidArgument(name, value, "a finite number")
    if limit and result and result.adjusted() >= MAX_AMOUNT_DIGITS:
        raise _too_many_digits(name, value)
    return result


_INT_LIMIT = 10**MAX_AMOUNT_DIGITS


def check_amount(value: Decimal, name: str) -> Decimal:
    """Return the finite Decimal *value* if it is within :data:`~payterms.limits.MAX_AMOUNT_DIGITS`.

    For the fast paths that take a Decimal without :func:`to_decimal`.

    >>> check_amount(Decimal("1e17"), "principal")
    Decimal('1E+17')
    """
    if value and value.adjusted() >= MAX_AMOUNT_DIGITS:
        raise _too_many_digits(name, value)
    return value


def _too_many_digits(name: str, value: object) -> LimitExceeded:
    return LimitExceeded(
        name,
        value,
        f"at most {MAX_AMOUNT_DIGITS} digits before the decimal point",
        "MAX_AMOUNT_DIGITS",
    )


def check_text(text: str, name: str = "text") -> str:
    """Return *text* if it has at most :data:`~payterms.limits.MAX_TEXT_LENGTH` characters.

    >>> check_text("net 30")
    'net 30'
    >>> check_text("net 30 " * 1000)
    Traceback (most recent call last):
    payterms.errors.LimitExceeded: text='net 30 net 30 ... is not accepted: expected at most ...
    """
    if len(text) > MAX_TEXT_LENGTH:
        raise LimitExceeded(
            name,
            text,
            f"at most {MAX_TEXT_LENGTH} characters (it has {len(text)})",
            "MAX_TEXT_LENGTH",
        )
    return text


def year_limit(name: str, value: object, what: str) -> LimitExceeded:
    """Return the error for a computation from *value* that would leave the years of dates.

    >>> print(year_limit("until", date(9999, 12, 31), "interest up to the day after"))
    until=datetime.date(9999, 12, 31) is not accepted: expected interest up to the day after
    within years 1-9999 (payterms.limits.MAX_YEAR)
    """
    return LimitExceeded(name, value, f"{what} within years {MIN_YEAR}-{MAX_YEAR}", "MAX_YEAR")


def to_amount(value: object, name: str) -> Decimal:
    """Return a money amount as a Decimal, refusing magnitudes no invoice reaches.

    The same as :func:`to_decimal` (which refuses any number argument beyond
    :data:`~payterms.limits.MAX_AMOUNT_DIGITS`), named for the amounts it reads.

    >>> to_amount("1E24", "amount")
    Traceback (most recent call last):
    payterms.errors.LimitExceeded: amount='1E24' is not accepted: expected at most 18 digits ...
    """
    return to_decimal(value, name)


def check_quantile(q: object, name: str = "q") -> Fraction:
    """Return *q* as a Fraction if it is a probability in (0, 1]; raise otherwise.

    *name* is the argument the error names (``quantiles`` for one of a list).

    >>> check_quantile("0.5")
    Fraction(1, 2)
    """
    share = q if isinstance(q, Fraction) else Fraction(to_decimal(q, name))
    if not 0 < share <= 1:
        raise InvalidArgument(name, q, "a probability in (0, 1]")
    return share


def check_date(value: object, name: str) -> date:
    """Return *value* if it is a ``datetime.date`` (and not a ``datetime``); raise otherwise.

    >>> check_date(date(2026, 1, 15), "start")
    datetime.date(2026, 1, 15)
    >>> check_date("2026-01-15", "start")
    Traceback (most recent call last):
    payterms.errors.InvalidType: start='2026-01-15' has type str: expected a datetime.date
    """
    if isinstance(value, datetime):
        raise InvalidType(name, value, "a datetime.date (call .date() on a datetime first)")
    if not isinstance(value, date):
        raise InvalidType(name, value, "a datetime.date")
    return value


def to_date(value: object, name: str) -> date:
    """Return *value* as a ``datetime.date`` when it means one day; raise InvalidType otherwise.

    A date is returned as it is. A ``datetime``, a pandas ``Timestamp`` or a numpy
    ``datetime64`` means one day when it has no time zone and its time is midnight (a
    ``datetime64[D]`` always does): its date is returned. Anything else (a time of day, a
    time zone, a month, ``NaT``, a string, a number) raises, so that a predicate never
    answers ``False`` for a value it did not understand.

    >>> to_date(datetime(2026, 1, 15), "day")
    datetime.date(2026, 1, 15)
    >>> to_date(datetime(2026, 1, 15, 9, 30), "day")
    Traceback (most recent call last):
    payterms.errors.InvalidType: day=datetime.datetime(2026, 1, 15, 9, 30) has type datetime: ...
    """
    if isinstance(value, datetime):
        try:
            midnight = (
                value.tzinfo is None
                and (value.hour, value.minute, value.second, value.microsecond) == (0, 0, 0, 0)
                and not getattr(value, "nanosecond", 0)
            )
            day = date(value.year, value.month, value.day) if midnight else None
        except (TypeError, ValueError):  # pandas NaT
            day = None
        if day is None:
            raise InvalidType(
                name, value, "a datetime.date (a datetime means one day only at midnight, naive)"
            )
        return day
    if isinstance(value, date):
        return value
    if type(value).__name__ == "datetime64" and type(value).__module__ == "numpy":
        return _from_datetime64(value, name)
    raise InvalidType(name, value, "a datetime.date")


def _from_datetime64(value: object, name: str) -> date:
    import numpy as np

    stamp = cast("np.datetime64", value)
    unit, _ = np.datetime_data(stamp.dtype)
    if unit not in ("Y", "M", "W", "generic") and not np.isnat(stamp):
        day = stamp.astype("datetime64[D]")
        converted = day.astype(object)
        if day == stamp and isinstance(converted, date):
            return converted
    raise InvalidType(name, value, "a datetime.date (a datetime64 means one day at midnight)")


def check_int(value: object, name: str, *, minimum: int | None = None) -> int:
    """Return *value* if it is an int (not a bool) and at least *minimum*; raise otherwise.

    No whole-number argument (days, business days, months, years) goes beyond
    :data:`~payterms.limits.MAX_DAYS` either way: there are no more days than that between
    two dates.

    >>> check_int(30, "days", minimum=0)
    30
    >>> check_int(-1, "days", minimum=0)
    Traceback (most recent call last):
    payterms.errors.InvalidArgument: days=-1 is not accepted: expected a whole number >= 0
    """
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidType(name, value, "an int")
    if minimum is not None and value < minimum:
        raise InvalidArgument(name, value, f"a whole number >= {minimum}")
    if not -MAX_DAYS <= value <= MAX_DAYS:
        raise LimitExceeded(
            name,
            value,
            f"a whole number from -{MAX_DAYS} to {MAX_DAYS} (the days between the first and "
            "the last date)",
            "MAX_DAYS",
        )
    return value


def check_rounding(value: object, name: str = "rounding") -> str:
    """Return *value* if it is one of the :mod:`decimal` rounding modes; raise otherwise.

    >>> check_rounding(decimal.ROUND_HALF_EVEN)
    'ROUND_HALF_EVEN'
    >>> check_rounding("nearest")
    Traceback (most recent call last):
    payterms.errors.InvalidArgument: rounding='nearest' is not accepted: expected a decimal ...
    """
    if not isinstance(value, str) or value not in ROUNDING_MODES:
        raise InvalidArgument(name, value, "a decimal rounding mode such as decimal.ROUND_HALF_UP")
    return value

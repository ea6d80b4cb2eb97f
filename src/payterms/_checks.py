"""Argument checks shared by every module: Decimal only, plain dates, whole numbers.

Private module; the public functions call these at their boundary so that bad input
fails early with a payterms error that names the argument and the offending value.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from payterms.errors import InvalidArgument, InvalidType

__all__ = ["check_date", "check_int", "to_decimal"]


def to_decimal(value: object, name: str) -> Decimal:
    """Return *value* as a finite Decimal; ints and numeric strings are accepted, floats refused.

    >>> to_decimal("12.30", "amount")
    Decimal('12.30')
    >>> to_decimal(1.5, "amount")
    Traceback (most recent call last):
    payterms.errors.InvalidType: amount=1.5 has type float: expected a Decimal, int or str
    """
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, bool) or not isinstance(value, (int, str)):
        raise InvalidType(name, value, "a Decimal, int or str")
    elif isinstance(value, int):
        return Decimal(value)
    else:
        try:
            result = Decimal(value.strip().replace("_", ""))
        except InvalidOperation:
            raise InvalidArgument(name, value, "a number written as text") from None
    if not result.is_finite():
        raise InvalidArgument(name, value, "a finite number")
    return result


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


def check_int(value: object, name: str, *, minimum: int | None = None) -> int:
    """Return *value* if it is an int (not a bool) and at least *minimum*; raise otherwise.

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
    return value

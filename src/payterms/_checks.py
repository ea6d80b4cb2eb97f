"""Argument checks shared by every module: Decimal only, plain dates, whole numbers.

Private module; the public functions call these at their boundary so that bad input
fails early with a payterms error that names the argument and the offending value.
"""

from __future__ import annotations

import decimal
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from fractions import Fraction

from payterms.errors import InvalidArgument, InvalidType

__all__ = [
    "MAX_AMOUNT_DIGITS",
    "ROUNDING_MODES",
    "check_date",
    "check_int",
    "check_quantile",
    "check_rounding",
    "to_amount",
    "to_decimal",
]

MAX_AMOUNT_DIGITS = 24
"""An amount of the discount and financing functions is below ``10**24``: far above any
invoice, and far inside the working precision their logarithms and powers need."""

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


def to_amount(value: object, name: str) -> Decimal:
    """Return a money amount as a Decimal, refusing magnitudes no invoice reaches.

    >>> to_amount("1E24", "amount")
    Traceback (most recent call last):
    payterms.errors.InvalidArgument: amount='1E24' is not accepted: expected an amount below 10**24
    """
    amount = to_decimal(value, name)
    if amount and amount.adjusted() >= MAX_AMOUNT_DIGITS:
        raise InvalidArgument(name, value, f"an amount below 10**{MAX_AMOUNT_DIGITS}")
    return amount


def check_quantile(q: object) -> Fraction:
    """Return *q* as a Fraction if it is a probability in (0, 1]; raise otherwise.

    >>> check_quantile("0.5")
    Fraction(1, 2)
    """
    share = q if isinstance(q, Fraction) else Fraction(to_decimal(q, "q"))
    if not 0 < share <= 1:
        raise InvalidArgument("q", q, "a probability in (0, 1]")
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

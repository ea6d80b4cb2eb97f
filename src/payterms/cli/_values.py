"""Readers for the command's argument values: one function per kind of value.

Each reader takes the text of one argument and returns the value, or raises
:class:`BadValue` with a sentence saying what was expected; the caller names the
argument. Money is read as Decimal and written the way an invoice writes it (digits,
an optional sign and decimal point): an exponent ("1e3"), "nan" or "inf" is refused,
as the library refuses a float.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import TYPE_CHECKING, TypeVar

from payterms.limits import MAX_AMOUNT_DIGITS

if TYPE_CHECKING:
    from payterms.calendars import BusinessCalendar
    from payterms.interest import Payment
    from payterms.runs import PaymentRun

__all__ = [
    "BadValue",
    "read_amount",
    "read_calendar",
    "read_closure",
    "read_count",
    "read_date",
    "read_days",
    "read_enum",
    "read_payment",
    "read_rate",
    "read_run",
]

_E = TypeVar("_E", bound=Enum)

_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_AMOUNT = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")
_PERCENT = re.compile(r"(?P<number>[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+))\s*%")
_MAX_INTEGER_DIGITS = MAX_AMOUNT_DIGITS  # the package's limit (payterms.limits)


class BadValue(argparse.ArgumentTypeError):
    """An argument value that cannot be read; the message says what was expected."""


def read_date(text: str) -> date:
    """Return the date written ``YYYY-MM-DD`` (the only form accepted: no week dates)."""
    if _DATE.fullmatch(text):
        try:
            return date.fromisoformat(text)
        except ValueError as exc:
            raise BadValue(f"{text!r} is not a date: {exc} (expected YYYY-MM-DD)") from None
    raise BadValue(f"{text!r} is not a date (expected YYYY-MM-DD, such as 2026-01-15)")


def read_amount(text: str) -> Decimal:
    """Return the amount written with digits and an optional sign and decimal point."""
    stripped = text.strip()
    if _AMOUNT.fullmatch(stripped):
        value = Decimal(stripped)
        if value.adjusted() < _MAX_INTEGER_DIGITS:
            return value
        raise BadValue(
            f"{text!r} is not an amount (expected at most {_MAX_INTEGER_DIGITS} digits "
            "before the decimal point)"
        )
    hint = ""
    if re.fullmatch(r"[+-]?[0-9.]*[eE][+-]?[0-9]+", stripped):
        hint = "; an exponent is not an amount, write the digits out"
    elif re.fullmatch(r"[+-]?[0-9]+,[0-9]+", stripped):
        hint = "; write the decimal separator as a point"
    raise BadValue(
        f"{text!r} is not an amount (expected digits with an optional decimal point, "
        f"such as 1210.50{hint})"
    )


def read_rate(text: str) -> Decimal:
    """Return an annual rate as a fraction, written as a fraction (0.08) or in percent (8%)."""
    stripped = text.strip()
    percent = _PERCENT.fullmatch(stripped)
    try:
        if percent is not None:
            return read_amount(percent["number"]) / 100
        return read_amount(stripped)
    except BadValue:
        raise BadValue(
            f"{text!r} is not a rate (expected a fraction such as 0.08 or a percent such as 8%)"
        ) from None


def read_days(text: str) -> int:
    """Return a whole number of days, 0 or more."""
    if re.fullmatch(r"[0-9]{1,6}", text.strip()):
        return int(text)
    raise BadValue(f"{text!r} is not a number of days (expected a whole number such as 30)")


def read_count(text: str) -> int:
    """Return a whole number of 1 or more (a count of instalments)."""
    if re.fullmatch(r"[0-9]{1,4}", text.strip()) and int(text) >= 1:
        return int(text)
    raise BadValue(f"{text!r} is not a count (expected a whole number from 1, such as 12)")


def read_enum(kind: type[_E]) -> Callable[[str], _E]:
    """Return a reader of *kind*'s members by value or name, in any case."""

    def read(text: str) -> _E:
        wanted = text.strip().lower().replace("-", "_")
        for name, member in kind.__members__.items():  # aliases too (PartyKind.B2B)
            if wanted in (str(member.value).lower(), name.lower()):
                return member
        raise BadValue(f"{text!r} is not one of {', '.join(choices(kind))}")

    read.__name__ = kind.__name__
    return read


def choices(kind: type[Enum]) -> list[str]:
    """Return the words that name *kind*'s members on the command line."""
    return [str(member.value) for member in kind]


def read_calendar(text: str) -> BusinessCalendar:
    """Return the calendar named by *text*: ``BE``, ``DE-BY``, ``TARGET``, ``WEEKENDS``, ``XECB``.

    Several names joined by ``|`` give their union (a day is a business day when it is
    one in every part). A two-letter code (with an optional ``-`` subdivision) is a
    country of the ``holidays`` package; a longer code is a financial market.
    """
    from payterms.calendars import BusinessCalendar
    from payterms.errors import PaytermsError

    result: BusinessCalendar | None = None
    for part in text.split("|"):
        code = part.strip()
        try:
            if code.upper() == "TARGET":
                one = BusinessCalendar.TARGET
            elif code.upper() == "WEEKENDS":
                one = BusinessCalendar.WEEKENDS
            elif re.fullmatch(r"[A-Za-z]{2}(-[A-Za-z0-9]+)?", code):
                country, _, subdiv = code.partition("-")
                one = BusinessCalendar.country(country, subdiv or None)
            elif re.fullmatch(r"[A-Za-z]{3,5}", code):
                one = BusinessCalendar.market(code)
            else:
                raise BadValue(
                    f"{text!r} is not a calendar (expected a country such as BE or DE-BY, "
                    "TARGET, WEEKENDS, a market such as XECB, or several joined by |)"
                )
        except PaytermsError as exc:
            raise BadValue(f"{exc}") from None
        result = one if result is None else result | one
    assert result is not None  # noqa: S101 - split() gives at least one part
    return result


def read_run(text: str) -> PaymentRun:
    """Return the payment run written in :meth:`payterms.PaymentRun.parse`'s text form."""
    from payterms.errors import PaytermsError
    from payterms.runs import PaymentRun

    try:
        return PaymentRun.parse(text)
    except PaytermsError as exc:
        raise BadValue(str(exc)) from None


def read_payment(text: str) -> Payment:
    """Return a part payment written ``DATE:AMOUNT`` (``2024-09-01:4000``)."""
    from payterms.errors import PaytermsError
    from payterms.interest import Payment

    day, sep, amount = text.partition(":")
    if not sep:
        raise BadValue(f"{text!r} is not a payment (expected DATE:AMOUNT, such as 2024-09-01:4000)")
    try:
        return Payment(read_date(day.strip()), read_amount(amount))
    except PaytermsError as exc:
        raise BadValue(f"{text!r}: {exc}") from None


def read_closure(text: str) -> tuple[date, date]:
    """Return a closure written ``FIRST..LAST`` (both days included)."""
    first, sep, last = text.partition("..")
    if not sep:
        raise BadValue(
            f"{text!r} is not a closure (expected FIRST..LAST, such as 2026-08-01..2026-08-21)"
        )
    start, end = read_date(first.strip()), read_date(last.strip())
    if end < start:
        raise BadValue(f"{text!r} ends before it starts")
    return start, end

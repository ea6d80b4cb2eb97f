"""The financing cost of a payment term, and the price and margin that account for it.

A seller who grants a term pre-finances the customer: the invoice amount is missing
from the seller's account until the customer pays, and that costs the seller's cost of
capital for the days in between. :func:`financing_cost` prices those days;
:func:`price_uplift` finds the price that keeps the margin when a term is granted;
:func:`margin_after_term` shows how much of the gross margin a term eats;
:func:`max_days_for_margin` finds the longest term a margin can carry.

Three ways of pricing the days (:class:`FinancingMethod`): simple interest on the
amount (what practitioners print: ``A × r × n / year``), compound interest on the amount,
and the present-value loss of being paid later. Rates are annual fractions (``0.08``);
the year length comes from a :class:`~payterms.calendars.DayCount` (ACT/365 Fixed by
default). Money results are rounded once, to the minor unit of ``currency``, with a named
rounding mode; ``currency=None`` keeps full precision.

More information:

* freeacademy.ai, geographic pricing lesson: net 30 against net 60 on a $10,000 invoice
  at an 8 % cost of capital costs $65.75, 2.6 % of a $2,500 margin.
* ACCA Financial Management: receivables financing = sales × days / 365 × rate.

>>> from decimal import Decimal
>>> financing_cost(Decimal("10000"), 30, Decimal("0.08"))
Decimal('65.75')
>>> financing_cost(Decimal("10000"), 30, Decimal("0.08"), method=FinancingMethod.PRESENT_VALUE)
Decimal('63.06')
>>> margin_after_term(Decimal("10000"), Decimal("7500"), 30, Decimal("0.08")).share_of_margin
Decimal('0.02630136986301369863013698630')
"""

from __future__ import annotations

import decimal
import functools
from collections.abc import Callable
from decimal import Decimal
from enum import Enum
from typing import ParamSpec, TypeVar

from attrs import frozen

from payterms._checks import check_int, to_decimal
from payterms.calendars import DayCount
from payterms.errors import InvalidArgument, InvalidType
from payterms.money import DEFAULT_ROUNDING, quantize

__all__ = [
    "FinancingMethod",
    "Margin",
    "financing_cost",
    "margin_after_term",
    "max_days_for_margin",
    "price_uplift",
]

_WORK = decimal.Context(
    prec=40,
    rounding=decimal.ROUND_HALF_EVEN,
    Emax=decimal.MAX_EMAX,
    Emin=decimal.MIN_EMIN,
    traps=[decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow],
)
_RESULT = decimal.Context(prec=28, rounding=decimal.ROUND_HALF_EVEN)


_P = ParamSpec("_P")
_R = TypeVar("_R")


def _exact(fn: Callable[_P, _R]) -> Callable[_P, _R]:
    """Run *fn* in the working context, so the caller's ambient context never leaks in."""

    @functools.wraps(fn)
    def run(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        with decimal.localcontext(_WORK):
            return fn(*args, **kwargs)

    return run


_ONE = Decimal(1)
_ZERO = Decimal(0)


class FinancingMethod(Enum):
    """How the cost of waiting *n* days for an amount *A* at annual rate *r* is priced.

    *B* is the day count's year length. Source: finance.md §2 (simple form as printed by
    practitioners; the present-value form is standard time value of money).

    >>> FinancingMethod.PRESENT_VALUE.value
    'present_value'
    """

    SIMPLE = "simple"
    """Simple interest on the amount, ``A × r × n / B`` (the form practitioners print)."""

    COMPOUND = "compound"
    """Compound interest on the amount, ``A × ((1 + r) ** (n / B) - 1)``."""

    PRESENT_VALUE = "present_value"
    """The amount's loss of present value, ``A × (1 - (1 + r) ** (-n / B))``."""


# --------------------------------------------------------------------------- checks


def _check_method(method: object) -> FinancingMethod:
    if not isinstance(method, FinancingMethod):
        raise InvalidType("method", method, "a payterms.FinancingMethod member")
    return method


def _year_length(day_count: object) -> int:
    if not isinstance(day_count, DayCount):
        raise InvalidType("day_count", day_count, "a payterms.DayCount member")
    if day_count is DayCount.ACT_ACT_ISDA:
        raise InvalidArgument(
            "day_count",
            day_count,
            "a day count with a fixed year length (ACT/ACT ISDA needs the dates)",
        )
    return day_count.year_length()


def _rate(value: object, name: str = "rate") -> Decimal:
    rate = to_decimal(value, name)
    if not _ZERO <= rate <= _ONE:
        raise InvalidArgument(
            name,
            value,
            "an annual rate as a fraction between 0 and 1, e.g. Decimal('0.08') for 8 % "
            "(rate_from_percent('8') converts)",
        )
    return rate


def _money(value: Decimal, currency: str | None, rounding: str) -> Decimal:
    if currency is None:
        if rounding != DEFAULT_ROUNDING:
            quantize(_ZERO, rounding=rounding)  # still refuse an unknown mode
        return _RESULT.plus(value)
    return quantize(value, currency, rounding=rounding)


def _factor(days: int, rate: Decimal, year: int, method: FinancingMethod) -> Decimal:
    """Return the cost of *days* per unit of amount, to 40 digits (days may be < 0)."""
    w = _WORK
    if method is FinancingMethod.SIMPLE:
        return w.divide(w.multiply(rate, days), year)
    if rate == 0 or days == 0:
        return _ZERO
    growth = w.divide(w.multiply(w.ln(_ONE + rate), days), year)
    if method is FinancingMethod.COMPOUND:
        return w.subtract(w.exp(growth), _ONE)
    return w.subtract(_ONE, w.exp(w.minus(growth)))


# --------------------------------------------------------------------------- public


@_exact
def financing_cost(
    amount: Decimal | int | str,
    days: int,
    rate: Decimal | int | str,
    *,
    method: FinancingMethod = FinancingMethod.SIMPLE,
    day_count: DayCount = DayCount.ACT_365_FIXED,
    currency: str | None = "EUR",
    rounding: str = DEFAULT_ROUNDING,
) -> Decimal:
    """Return the cost of waiting *days* for *amount* when money costs *rate* a year.

    Zero for zero days; grows with the days and the rate. The year has
    ``day_count.year_length()`` days (ACT/ACT ISDA, whose year length depends on the
    dates, is refused here).

    >>> financing_cost(Decimal("100000"), 1, Decimal("0.095"))       # petroanswers: a day
    Decimal('26.03')
    >>> financing_cost(Decimal("30000"), 20, Decimal("0.10"), day_count=DayCount.ACT_360)
    Decimal('166.67')
    >>> financing_cost(Decimal("10000"), -5, Decimal("0.08"))
    Traceback (most recent call last):
    payterms.errors.InvalidArgument: days=-5 is not accepted: expected a whole number >= 0
    """
    value = to_decimal(amount, "amount")
    n = check_int(days, "days", minimum=0)
    r = _rate(rate)
    factor = _factor(n, r, _year_length(day_count), _check_method(method))
    return _money(_WORK.multiply(value, factor), currency, rounding)


@_exact
def price_uplift(
    price: Decimal | int | str,
    days: int,
    rate: Decimal | int | str,
    *,
    method: FinancingMethod = FinancingMethod.SIMPLE,
    day_count: DayCount = DayCount.ACT_365_FIXED,
    currency: str | None = "EUR",
    rounding: str = DEFAULT_ROUNDING,
) -> Decimal:
    """Return the price that, net of its own financing cost over *days*, still brings *price*.

    Exactly ``price / (1 - f)`` where ``f`` is the cost of *days* per unit of amount
    under *method*, so :func:`margin_after_term` at the new price equals the margin at
    *price* with no term (within the final rounding). With
    :attr:`FinancingMethod.PRESENT_VALUE` this is the textbook ``P × (1 + r) ** (n / B)``;
    with :attr:`FinancingMethod.SIMPLE` it is the bank-discount form ``P / (1 - r n / B)``,
    slightly above the first-order ``P × (1 + r n / B)`` (which leaves ``P × (r n / B)²``
    of the cost uncovered: $0.43 on $10,000 at 8 % for 30 days).

    >>> price_uplift(Decimal("10000"), 30, Decimal("0.08"))
    Decimal('10066.19')
    >>> price_uplift(Decimal("10000"), 30, Decimal("0.08"), method=FinancingMethod.PRESENT_VALUE)
    Decimal('10063.46')
    """
    value = to_decimal(price, "price")
    n = check_int(days, "days", minimum=0)
    r = _rate(rate)
    factor = _factor(n, r, _year_length(day_count), _check_method(method))
    if factor >= 1:
        raise InvalidArgument(
            "days", days, f"a term whose financing cost stays below the price at rate={r}"
        )
    with decimal.localcontext(_WORK):
        return _money(value / (_ONE - factor), currency, rounding)


@frozen
class Margin:
    """A sale's margin before and after the financing cost of its payment term.

    ``gross_margin`` = price - cost; ``financing_cost`` is the term's cost on the price;
    ``margin`` = gross margin - financing cost; ``share_of_margin`` is the financing cost
    as a fraction of the gross margin (None when the gross margin is not positive).

    >>> m = margin_after_term(Decimal("10000"), Decimal("7500"), 30, Decimal("0.08"))
    >>> m.gross_margin, m.financing_cost, m.margin
    (Decimal('2500.00'), Decimal('65.75'), Decimal('2434.25'))
    """

    price: Decimal
    cost: Decimal
    gross_margin: Decimal
    financing_cost: Decimal
    margin: Decimal
    share_of_margin: Decimal | None


@_exact
def margin_after_term(
    price: Decimal | int | str,
    cost: Decimal | int | str,
    days: int,
    rate: Decimal | int | str,
    *,
    method: FinancingMethod = FinancingMethod.SIMPLE,
    day_count: DayCount = DayCount.ACT_365_FIXED,
    currency: str | None = "EUR",
    rounding: str = DEFAULT_ROUNDING,
) -> Margin:
    """Return the margin left on a sale at *price* and *cost* once *days* of term are financed.

    The financing cost is :func:`financing_cost` on the price (the amount the customer
    owes); the share of the gross margin it consumes is ``financing cost / (price -
    cost)``, computed from the unrounded cost.

    >>> m = margin_after_term(Decimal("10000"), Decimal("7500"), 30, Decimal("0.08"))
    >>> round(m.share_of_margin * 100, 1)                       # freeacademy.ai: 2.6 %
    Decimal('2.6')
    """
    p = to_decimal(price, "price")
    c = to_decimal(cost, "cost")
    n = check_int(days, "days", minimum=0)
    r = _rate(rate)
    factor = _factor(n, r, _year_length(day_count), _check_method(method))
    with decimal.localcontext(_WORK):
        exact_cost = p * factor
        gross = p - c
        share = _RESULT.plus(exact_cost / gross) if gross > 0 else None
        fin = _money(exact_cost, currency, rounding)
        gross_money = _money(gross, currency, rounding)
        return Margin(
            price=p,
            cost=c,
            gross_margin=gross_money,
            financing_cost=fin,
            margin=gross_money - fin,
            share_of_margin=share,
        )


@_exact
def max_days_for_margin(
    price: Decimal | int | str,
    cost: Decimal | int | str,
    rate: Decimal | int | str,
    min_margin: Decimal | int | str,
    *,
    method: FinancingMethod = FinancingMethod.SIMPLE,
    day_count: DayCount = DayCount.ACT_365_FIXED,
) -> int | None:
    """Return the longest term, in whole days, that leaves at least *min_margin* on the sale.

    *min_margin* is an amount (the margin after financing must not fall below it). None
    means no limit: at a zero rate, or when even an endless term (present-value method)
    keeps the margin. The comparison uses the unrounded financing cost.

    Raises:
        InvalidArgument: the gross margin (price - cost) is already below *min_margin*.

    >>> max_days_for_margin(Decimal("10000"), Decimal("7500"), Decimal("0.08"), Decimal("2400"))
    45
    >>> margin_after_term(Decimal("10000"), Decimal("7500"), 46, Decimal("0.08")).margin
    Decimal('2399.18')

    """
    p = to_decimal(price, "price")
    c = to_decimal(cost, "cost")
    floor = to_decimal(min_margin, "min_margin")
    r = _rate(rate)
    m = _check_method(method)
    year = _year_length(day_count)
    if p <= 0:
        raise InvalidArgument("price", price, "a positive price")
    if p - c < floor:
        raise InvalidArgument(
            "min_margin", min_margin, f"at most the gross margin price - cost = {p - c}"
        )
    if r == 0:
        return None
    with decimal.localcontext(_WORK):
        room = (p - c - floor) / p  # the largest cost factor the margin can carry
        if m is FinancingMethod.SIMPLE:
            estimate = room * year / r
        elif m is FinancingMethod.COMPOUND:
            estimate = year * (_ONE + room).ln() / (_ONE + r).ln()
        else:
            if room >= 1:
                return None
            estimate = -year * (_ONE - room).ln() / (_ONE + r).ln()

        def fits(n: int) -> bool:
            return n >= 0 and _factor(n, r, year, m) <= room

        days = int(estimate.to_integral_value(rounding=decimal.ROUND_FLOOR))
        while fits(days + 1):  # guard the closed form against its last-digit rounding
            days += 1
        while not fits(days):
            days -= 1
    return days

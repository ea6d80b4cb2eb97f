"""Exact money: Decimal amounts, currency minor units, rounding once, exact splits.

payterms has no money class: amounts are plain :class:`~decimal.Decimal` in and out,
and a ``currency=`` ISO 4217 code picks the minor unit when something must be rounded.
A ``float`` amount is refused (binary floats cannot hold 0.10 exactly). Rounding is
always explicit and local (``Decimal.quantize`` with a named mode), never through the
ambient :mod:`decimal` context; the default mode is :data:`DEFAULT_ROUNDING`
(``ROUND_HALF_UP``, the commercial rounding that invoices use).

The whole package computes in one working context, :data:`CONTEXT` (60 significant
digits), so a caller's ambient context never changes a result; amounts are rounded by
one helper, :func:`round_to_unit` (behind :func:`quantize`), which widens its precision
for amounts of more than 60 digits instead of failing; ratios meant for reading (a DSO,
an annual rate) are cut to 28 significant digits by :func:`figure`.

More information:

* ISO 4217:2015, *Codes for the representation of currencies*, list one (current
  currencies and their minor units), maintained by SIX Financial Information.

>>> from decimal import Decimal
>>> quantize(Decimal("10.005"), "EUR")
Decimal('10.01')
>>> quantize(Decimal("1234.5"), "JPY")
Decimal('1235')
>>> allocate(Decimal("100.00"), (1, 1, 1))
(Decimal('33.34'), Decimal('33.33'), Decimal('33.33'))
>>> minor_unit("BHD")
3
"""

from __future__ import annotations

import decimal
import functools
from collections.abc import Callable, Iterable, Mapping
from decimal import ROUND_DOWN, ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal
from enum import Enum
from types import MappingProxyType
from typing import ParamSpec, TypeVar

from payterms._checks import ROUNDING_MODES, check_rounding, to_decimal
from payterms.errors import InvalidArgument, InvalidType, UnknownCurrency

__all__ = [
    "CONTEXT",
    "DEFAULT_ROUNDING",
    "EXACT_DIGITS",
    "FIGURE_DIGITS",
    "MINOR_UNITS",
    "ROUNDING_MODES",
    "Residue",
    "allocate",
    "exact_to_unit",
    "figure",
    "in_context",
    "minor_unit",
    "quantize",
    "round_to_unit",
    "smallest_unit",
]

DEFAULT_ROUNDING = ROUND_HALF_UP
"""The rounding mode used when a function is not given one (commercial rounding)."""

CONTEXT = decimal.Context(
    prec=60,
    rounding=ROUND_HALF_EVEN,
    Emax=decimal.MAX_EMAX,
    Emin=decimal.MIN_EMIN,
    traps=[decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow],
)
"""The package's one working context: 60 significant digits, half-even, no exponent limit.

Every intermediate result (interest accrued over a period, an exact instalment share,
the logarithms of a compound rate) is computed in it, explicitly or under
:func:`in_context`, so that a caller's ambient context (say ``prec=4``) cannot change a
result. Sixty digits hold any invoice amount with more than twenty digits to spare for
rates and day fractions. Do not modify it.
"""

EXACT_DIGITS = 48
"""Digits, down to the minor unit, that an amount computed in :data:`CONTEXT` keeps
exactly: sixty less twelve guard digits for the rounding of rates and day fractions."""

FIGURE_DIGITS = 28
"""Significant digits of a ratio meant for reading (a DSO, an annual rate): see :func:`figure`."""

_P = ParamSpec("_P")
_R = TypeVar("_R")


def in_context(fn: Callable[_P, _R]) -> Callable[_P, _R]:
    """Return *fn* running in :data:`CONTEXT`, whatever the caller's ambient context.

    >>> import decimal
    >>> third = in_context(lambda: Decimal(1) / 3)
    >>> with decimal.localcontext(decimal.Context(prec=4)):
    ...     len(str(third()))
    62
    """

    @functools.wraps(fn)
    def run(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        with decimal.localcontext(CONTEXT):
            return fn(*args, **kwargs)

    return run


def round_to_unit(value: Decimal, unit: Decimal, rounding: str = DEFAULT_ROUNDING) -> Decimal:
    """Return *value* rounded to a multiple of *unit* (a power of ten) with *rounding*.

    The one rounding of amounts in payterms. It works in :data:`CONTEXT` and widens the
    precision for a value of more than 60 digits, so that every finite amount can be
    expressed in minor units and no ``decimal.InvalidOperation`` escapes.

    >>> round_to_unit(Decimal("2.675"), Decimal("0.01"))
    Decimal('2.68')
    >>> round_to_unit(Decimal("1E70") / 3, Decimal("0.01")).adjusted()
    69
    """
    digits = value.adjusted() - unit.adjusted() + 2
    if digits <= CONTEXT.prec:
        return value.quantize(unit, rounding=rounding, context=CONTEXT)
    # Larger than any invoice (a cost compounded over centuries): widen the precision
    # rather than fail, so every finite amount can be expressed in minor units.
    wide = decimal.Context(prec=digits, Emax=decimal.MAX_EMAX, Emin=decimal.MIN_EMIN)
    return value.quantize(unit, rounding=rounding, context=wide)


def exact_to_unit(value: Decimal, unit: Decimal) -> bool:
    """Return whether *value*, computed in :data:`CONTEXT`, is exact down to *unit*.

    A result of a computation (interest accrued over years, a compounded base) is exact
    to the minor unit as long as it has at most :data:`EXACT_DIGITS` digits down to that
    unit; beyond, its last digits are noise of the working precision, and a function
    refuses the input rather than round noise into a wrong cent.

    >>> cent = Decimal("0.01")
    >>> exact_to_unit(Decimal("1E38"), cent), exact_to_unit(Decimal("1E46"), cent)
    (True, False)
    """
    return not value or value.adjusted() - unit.adjusted() < EXACT_DIGITS


def figure(value: Decimal) -> Decimal:
    """Return *value* cut to :data:`FIGURE_DIGITS` significant digits, half-even.

    For ratios computed in :data:`CONTEXT` and returned to be read (an annual rate, a
    DSO): the digits beyond the 28th are noise of the working precision. A value with
    fewer digits is returned as it is.

    >>> figure(CONTEXT.divide(Decimal(2), Decimal(3)))
    Decimal('0.6666666666666666666666666667')
    >>> figure(Decimal("0.50"))
    Decimal('0.50')
    """
    digits = len(value.as_tuple().digits)
    if digits <= FIGURE_DIGITS or not value.is_finite():
        return value
    exponent = value.adjusted() - FIGURE_DIGITS + 1
    result = value.quantize(Decimal(1).scaleb(exponent), rounding=ROUND_HALF_EVEN, context=CONTEXT)
    if result.adjusted() > value.adjusted():  # 9.99...9 rounded up to 10.00...0
        result = result.quantize(Decimal(1).scaleb(exponent + 1), context=CONTEXT)
    return result


# ISO 4217 list one, column "Minor unit" (number of decimal places). HUF and CZK carry
# 2 in the standard although their smallest coins are 1 forint / 1 koruna; invoices and
# bank transfers use the ISO exponent, so it is kept. Source: ISO 4217 maintenance
# agency (SIX Financial Information), list one, published 2024-06-25.
MINOR_UNITS: Mapping[str, int] = MappingProxyType(
    {
        "AED": 2, "ARS": 2, "AUD": 2, "BGN": 2, "BHD": 3, "BRL": 2, "CAD": 2, "CHF": 2,
        "CLP": 0, "CNY": 2, "COP": 2, "CZK": 2, "DKK": 2, "EGP": 2, "EUR": 2, "GBP": 2,
        "HKD": 2, "HUF": 2, "IDR": 2, "ILS": 2, "INR": 2, "IQD": 3, "ISK": 0, "JOD": 3,
        "JPY": 0, "KRW": 0, "KWD": 3, "LYD": 3, "MAD": 2, "MXN": 2, "MYR": 2, "NOK": 2,
        "NZD": 2, "OMR": 3, "PHP": 2, "PLN": 2, "QAR": 2, "RON": 2, "RSD": 2, "SAR": 2,
        "SEK": 2, "SGD": 2, "THB": 2, "TND": 3, "TRY": 2, "TWD": 2, "UAH": 2, "USD": 2,
        "UYU": 2, "VND": 0, "XAF": 0, "XOF": 0, "XPF": 0, "ZAR": 2,
    }
)  # fmt: skip
"""ISO 4217 minor units (decimal places) per currency code, read-only."""

_UNITS: Mapping[int, Decimal] = MappingProxyType(
    {exp: Decimal(1).scaleb(-exp) for exp in set(MINOR_UNITS.values())}
)
_SMALLEST: Mapping[str, Decimal] = MappingProxyType(
    {code: _UNITS[exp] for code, exp in MINOR_UNITS.items()}
)


class Residue(Enum):
    """Where :func:`allocate` puts the cents that rounding leaves over.

    Every mode first rounds each exact share toward zero to the minor unit, so no part
    ever exceeds its exact share by more than one minor unit and no part is negative for
    a non-negative total.

    >>> allocate(Decimal("100.00"), (1, 1, 1), residue=Residue.LAST)
    (Decimal('33.33'), Decimal('33.33'), Decimal('33.34'))
    """

    LARGEST_REMAINDER = "largest_remainder"
    """One unit each to the parts whose dropped remainders were largest (ties: earlier
    part first); the Hamilton / largest-remainder method."""

    FIRST = "first"
    """All left-over units to the first part with a non-zero weight."""

    LAST = "last"
    """All left-over units to the last part with a non-zero weight (a "balance" line)."""


def minor_unit(currency: str) -> int:
    """Return the ISO 4217 minor unit (number of decimal places) of *currency*.

    >>> minor_unit("EUR"), minor_unit("JPY"), minor_unit("KWD")
    (2, 0, 3)
    """
    try:
        return MINOR_UNITS[currency]
    except (KeyError, TypeError):
        raise UnknownCurrency(currency) from None


def smallest_unit(currency: str) -> Decimal:
    """Return the smallest amount *currency* can express, e.g. ``Decimal('0.01')`` for EUR.

    >>> smallest_unit("EUR"), smallest_unit("JPY")
    (Decimal('0.01'), Decimal('1'))
    """
    try:
        return _SMALLEST[currency]
    except (KeyError, TypeError):
        raise UnknownCurrency(currency) from None


def quantize(
    amount: Decimal | int | str,
    currency: str = "EUR",
    *,
    rounding: str = DEFAULT_ROUNDING,
) -> Decimal:
    """Return *amount* rounded to the minor unit of *currency* with the named *rounding* mode.

    The ambient :mod:`decimal` context is not consulted.

    >>> quantize(Decimal("2.675"), "EUR")
    Decimal('2.68')
    >>> from decimal import ROUND_HALF_EVEN
    >>> quantize(Decimal("2.675"), "EUR", rounding=ROUND_HALF_EVEN)
    Decimal('2.68')
    >>> quantize(Decimal("2.665"), "EUR", rounding=ROUND_HALF_EVEN)
    Decimal('2.66')
    """
    value = to_decimal(amount, "amount", limit=False)  # rounds computed figures of any size
    unit = smallest_unit(currency)
    return round_to_unit(value, unit, check_rounding(rounding))


def allocate(
    total: Decimal | int | str,
    weights: Iterable[Decimal | int | str],
    currency: str = "EUR",
    *,
    residue: Residue = Residue.LARGEST_REMAINDER,
) -> tuple[Decimal, ...]:
    """Return *total* split in proportion to *weights*, each part in the minor unit of *currency*.

    The parts add up to *total* exactly (after *total* itself is rounded half-up to the
    minor unit). Each exact share is first rounded toward zero; the units left over go
    where *residue* says (by default: largest remainder first). A negative total (a
    credit note) is split like its absolute value and negated. Weights are amounts,
    percentages or any non-negative numbers; a zero weight gets a zero part.

    >>> allocate(Decimal("0.05"), (1, 1, 1))
    (Decimal('0.02'), Decimal('0.02'), Decimal('0.01'))
    >>> allocate(Decimal("1000"), ("30", "70"), residue=Residue.LAST)
    (Decimal('300.00'), Decimal('700.00'))
    >>> allocate(Decimal("100"), (1, 1, 1), residue=Residue.LAST)
    (Decimal('33.33'), Decimal('33.33'), Decimal('33.34'))
    >>> allocate(Decimal("-10.00"), (1, 2))
    (Decimal('-3.33'), Decimal('-6.67'))
    """
    exact_total = quantize(to_decimal(total, "total"), currency)
    if isinstance(weights, (str, bytes)) or not isinstance(weights, Iterable):
        raise InvalidType("weights", weights, "a sequence of weights (Decimal, int or str)")
    parts = tuple(to_decimal(w, f"weights[{i}]") for i, w in enumerate(weights))
    if not parts:
        raise InvalidArgument("weights", parts, "at least one weight")
    for i, weight in enumerate(parts):
        if weight < 0:
            raise InvalidArgument(f"weights[{i}]", weight, "a non-negative weight")
    weight_sum = sum(parts, Decimal(0))
    if weight_sum == 0:
        raise InvalidArgument("weights", parts, "weights with a positive sum")
    if not isinstance(residue, Residue):
        raise InvalidArgument("residue", residue, "a payterms.money.Residue member")

    sign = -1 if exact_total < 0 else 1
    magnitude = abs(exact_total)
    unit = smallest_unit(currency)
    if not exact_to_unit(magnitude, unit):
        raise InvalidArgument(
            "total", total, f"an amount of at most {EXACT_DIGITS} digits down to the minor unit"
        )
    with decimal.localcontext(CONTEXT):
        exact = [magnitude * w / weight_sum for w in parts]
        floors = [round_to_unit(e, unit, ROUND_DOWN) for e in exact]
        left = int((magnitude - sum(floors, Decimal(0))) / unit)
        nonzero = [i for i, w in enumerate(parts) if w > 0]
        if residue is Residue.LARGEST_REMAINDER:
            order = sorted(nonzero, key=lambda i: (-(exact[i] - floors[i]), i))
            for i in order[:left]:
                floors[i] += unit
        else:
            target = nonzero[0] if residue is Residue.FIRST else nonzero[-1]
            floors[target] += unit * left
    return tuple(f.copy_negate() if sign < 0 and f else f for f in floors)

"""The financing cost of a payment term, and the price and margin that account for it.

A seller who grants a term pre-finances the customer: the invoice amount is missing
from the seller's account until the customer pays, and that costs the seller's cost of
capital for the days in between. :func:`financing_cost` prices those days;
:func:`price_uplift` finds the price that keeps the seller whole when a term is granted
(two readings, :class:`UpliftReading`);
:func:`margin_after_term` shows how much of the gross margin a term eats;
:func:`max_days_for_margin` finds the longest term a margin can carry. For real
:class:`~payterms.terms.PaymentTerms`, :func:`term_cost` prices each installment from
the day the seller pays its own costs to the day the customer's money arrives (its
payment runs, when a :class:`~payterms.runs.Payer` is given), :func:`compare_terms`
ranks candidate terms, and :func:`indifferent_price` reprices a customer moved to other
terms.

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
import warnings
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from decimal import Decimal
from enum import Enum
from fractions import Fraction
from typing import TYPE_CHECKING

from attrs import evolve, frozen

from payterms._checks import check_date, check_int, check_rounding, to_amount, to_decimal
from payterms._extras import frame, frame_html, require
from payterms.calendars import Adjustment, BusinessCalendar, DayCount, check_adjustment
from payterms.errors import InvalidArgument, InvalidType, PaytermsError, PaytermsWarning
from payterms.money import CONTEXT, DEFAULT_ROUNDING, figure, in_context, quantize, smallest_unit
from payterms.runs import Payer, RunPolicy
from payterms.terms import DiscountWindow, PaymentTerms, Start
from payterms.timing import payment_forecast

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "FinancingMethod",
    "InstallmentCost",
    "Margin",
    "TermComparison",
    "TermComparisons",
    "TermCost",
    "UpliftReading",
    "compare_terms",
    "financing_cost",
    "indifferent_price",
    "margin_after_term",
    "max_days_for_margin",
    "price_uplift",
    "term_cost",
]


_ONE = Decimal(1)
_ZERO = Decimal(0)


class FinancingMethod(Enum):
    """How the cost of waiting *n* days for an amount *A* at annual rate *r* is priced.

    *B* is the day count's year length. The simple form is the one practitioners print
    (freeacademy.ai pricing lesson, ACCA receivables financing); the present-value form is
    the standard time value of money.

    >>> FinancingMethod.PRESENT_VALUE.value
    'present_value'
    """

    SIMPLE = "simple"
    """Simple interest on the amount, ``A × r × n / B`` (the form practitioners print)."""

    COMPOUND = "compound"
    """Compound interest on the amount, ``A × ((1 + r) ** (n / B) - 1)``."""

    PRESENT_VALUE = "present_value"
    """The amount's loss of present value, ``A × (1 - (1 + r) ** (-n / B))``."""


class UpliftReading(Enum):
    """The question a price uplift answers: two readings of "the price that covers the term".

    With ``f`` the financing cost of *n* days per unit of amount (:class:`FinancingMethod`):

    >>> [price_uplift(Decimal("10000"), 30, Decimal("0.08"), reading=r) for r in UpliftReading]
    [Decimal('10065.75'), Decimal('10066.19')]
    """

    FUTURE_VALUE = "future_value"
    """"What price keeps me whole if I am paid *n* days later?": the price grown at the rate
    over the days, ``P × (1 + r n / B)`` at simple interest, ``P × (1 + r) ** (n / B)``
    compounded (and with the present-value method, whose discounting is compound). It is also
    the present-value view at simple interest: the new price, discounted back *n* days at
    ``r``, is worth ``P`` today. The textbook answer (freeacademy.ai pricing lesson: 30 days
    at 8 % on $10,000 cost $65.75, so $10,065.75)."""

    NET_OF_OWN_COST = "net_of_own_cost"
    """"What price, less the financing cost of carrying **that price** for *n* days, still
    brings ``P``?": ``P / (1 - f)``, the seller discounting the new price's receivable at the
    rate (the bank-discount form ``P / (1 - r n / B)`` at simple interest). The margin after
    financing at the new price then equals the margin with no term, to the cent; it is above
    the future value by about ``P × (r n / B)²`` (44 cents on $10,000 at 8 % for 30 days)."""


# --------------------------------------------------------------------------- checks


def _check_method(method: object) -> FinancingMethod:
    if not isinstance(method, FinancingMethod):
        raise InvalidType("method", method, "a payterms.FinancingMethod member")
    return method


def _check_reading(reading: object) -> UpliftReading:
    if not isinstance(reading, UpliftReading):
        raise InvalidType("reading", reading, "a payterms.UpliftReading member")
    return reading


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
    check_rounding(rounding)
    if currency is None:
        return figure(value)
    return quantize(value, currency, rounding=rounding)


def _factor(days: int, rate: Decimal, year: int, method: FinancingMethod) -> Decimal:
    """Return the cost of *days* per unit of amount, to 40 digits (days may be < 0)."""
    if method is FinancingMethod.SIMPLE:  # exact whenever r × days / year terminates
        return CONTEXT.divide(CONTEXT.multiply(rate, days), year)
    return _fraction_factor(CONTEXT.divide(days, year), rate, method)


def _fraction_factor(fraction: Decimal, rate: Decimal, method: FinancingMethod) -> Decimal:
    """Return the cost of a *fraction* of a year per unit of amount (negative: a gain)."""
    if method is FinancingMethod.SIMPLE:
        return CONTEXT.multiply(rate, fraction)
    if rate == 0 or fraction == 0:
        return _ZERO
    return _growth_factor(fraction, rate, method)


@functools.lru_cache(maxsize=4096)
def _growth_factor(fraction: Decimal, rate: Decimal, method: FinancingMethod) -> Decimal:
    """Return the compound or present-value cost factor, memoised (ln and exp dominate)."""
    w = CONTEXT
    growth = w.multiply(w.ln(_ONE + rate), fraction)
    if method is FinancingMethod.COMPOUND:
        return w.subtract(w.exp(growth), _ONE)
    return w.subtract(_ONE, w.exp(w.minus(growth)))


# --------------------------------------------------------------------------- public


@in_context
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
    value = to_amount(amount, "amount")
    n = check_int(days, "days", minimum=0)
    r = _rate(rate)
    factor = _factor(n, r, _year_length(day_count), _check_method(method))
    return _money(CONTEXT.multiply(value, factor), currency, rounding)


@in_context
def price_uplift(
    price: Decimal | int | str,
    days: int,
    rate: Decimal | int | str,
    *,
    reading: UpliftReading = UpliftReading.FUTURE_VALUE,
    method: FinancingMethod = FinancingMethod.SIMPLE,
    day_count: DayCount = DayCount.ACT_365_FIXED,
    currency: str | None = "EUR",
    rounding: str = DEFAULT_ROUNDING,
) -> Decimal:
    """Return the price that covers *days* of term at *rate*, in the given *reading*.

    * ``UpliftReading.FUTURE_VALUE`` (the default) answers "what price keeps me whole if I
      am paid *days* later?": *price* grown at *rate* over the days, ``P × (1 + r n / B)``
      with :attr:`FinancingMethod.SIMPLE` and ``P × (1 + r) ** (n / B)`` with
      :attr:`~FinancingMethod.COMPOUND` or :attr:`~FinancingMethod.PRESENT_VALUE` (whose
      discounting is compound). Discounted back at *rate*, the new price is worth *price*.
    * ``UpliftReading.NET_OF_OWN_COST`` answers "what price, less the financing cost of
      carrying that price itself, still brings *price*?": ``P / (1 - f)`` with ``f`` the
      cost of *days* per unit of amount under *method*, so :func:`margin_after_term` at the
      new price equals the margin at *price* with no term (within the final rounding). With
      :attr:`FinancingMethod.PRESENT_VALUE` the two readings agree.

    Source: freeacademy.ai geographic pricing lesson (net 30 against net 60 on a $10,000
    invoice at 8 % costs $65.75; the future value is $10,065.75).

    >>> price_uplift(Decimal("10000"), 30, Decimal("0.08"))
    Decimal('10065.75')
    >>> price_uplift(Decimal("10000"), 30, Decimal("0.08"), reading=UpliftReading.NET_OF_OWN_COST)
    Decimal('10066.19')
    >>> price_uplift(Decimal("10000"), 30, Decimal("0.08"), method=FinancingMethod.PRESENT_VALUE)
    Decimal('10063.46')
    """
    value = to_amount(price, "price")
    n = check_int(days, "days", minimum=0)
    r = _rate(rate)
    chosen = _check_reading(reading)
    m = _check_method(method)
    factor = _factor(n, r, _year_length(day_count), m)
    if chosen is UpliftReading.FUTURE_VALUE:
        return _money(value * _growth(factor, m), currency, rounding)
    if factor >= 1:
        raise InvalidArgument(
            "days", days, f"a term whose financing cost stays below the price at rate={r}"
        )
    return _money(value / (_ONE - factor), currency, rounding)


def _growth(factor: Decimal, method: FinancingMethod) -> Decimal:
    """Return the future-value factor of a period whose cost per unit is *factor*."""
    if method is FinancingMethod.PRESENT_VALUE:  # 1 - (1 + r) ** -t  ->  (1 + r) ** t
        return _ONE / (_ONE - factor)
    return _ONE + factor


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


@in_context
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
    p = to_amount(price, "price")
    c = to_amount(cost, "cost")
    n = check_int(days, "days", minimum=0)
    r = _rate(rate)
    factor = _factor(n, r, _year_length(day_count), _check_method(method))
    exact_cost = p * factor
    gross = p - c
    share = figure(exact_cost / gross) if gross > 0 else None
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


@in_context
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
    p = to_amount(price, "price")
    c = to_amount(cost, "cost")
    floor = to_amount(min_margin, "min_margin")
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


# --------------------------------------------------------------------------- terms


@frozen
class InstallmentCost:
    """One payment of an invoice and what waiting for it costs the seller.

    ``days`` run from the seller's cash-out to ``cash_date`` (negative for a deposit
    received before the seller pays its own costs, whose ``cost`` is then negative: the
    value of the deposit). With a payer whose lateness is a distribution, ``days`` and
    ``cost`` are expectations over it and ``cash_date`` is the date at the median delay.

    >>> from payterms.runs import Payer, PaymentRun
    >>> payer = Payer(runs=PaymentRun.monthly(25), transfer_days=1)
    >>> term_cost(PaymentTerms.net(30), Decimal("10000"), invoice_date=date(2026, 1, 15),
    ...           rate=Decimal("0.08"), payer=payer).installments
    (InstallmentCost(due=datetime.date(2026, 2, 14), cash_date=datetime.date(2026, 2, 26),
                     amount=Decimal('10000.00'), days=Decimal('42'), cost=Decimal('92.05'),
                     probability=Decimal('1')),)
    """

    due: date
    cash_date: date
    amount: Decimal
    days: Decimal
    cost: Decimal
    probability: Decimal = _ONE


@frozen
class TermCost:
    """The cost of the credit a payment term grants, per installment and in total.

    ``financing`` is the sum of the installments' costs (deposits count negative);
    ``discount`` is the early-payment discount given away (zero unless taken);
    ``cost`` = financing + discount. ``days_financed`` is the amount-weighted average of
    the installments' days, ``cash_gap`` the days from the cash-out to the last cash date
    (negative when every payment arrives before the seller pays its own costs).
    """

    amount: Decimal
    cash_out: date
    installments: tuple[InstallmentCost, ...]
    financing: Decimal
    discount: Decimal
    cost: Decimal
    days_financed: Decimal
    cash_gap: int
    last_cash_date: date

    @property
    def deposit_value(self) -> Decimal:
        """Return the value of the payments received before the cash-out (zero if none).

        >>> from payterms.terms import Installment
        >>> terms = PaymentTerms(installments=(Installment.percent(Decimal("30"), "0D"),
        ...                                    Installment.balance("60D")))
        >>> term_cost(terms, Decimal("10000"), invoice_date=date(2026, 1, 15),
        ...           rate=Decimal("0.08"), cash_out=date(2026, 2, 14)).deposit_value
        Decimal('19.73')
        """
        return -sum((line.cost for line in self.installments if line.cost < 0), _ZERO)

    def to_frame(self) -> pd.DataFrame:
        """Return one row per installment (and path) financed (needs ``[pandas]``).

        Columns: ``due``, ``cash_date``, ``amount``, ``days``, ``cost`` (exact
        Decimals, negative for a payment received before the cash-out) and
        ``probability``.

        >>> term_cost(PaymentTerms.net(60), Decimal("10000"), invoice_date=date(2026, 1, 15),
        ...           rate=Decimal("0.08")).to_frame()[["cash_date", "days", "cost"]]
            cash_date days    cost
        0  2026-03-16   60  131.51
        """
        rows = self.installments
        return frame(
            "TermCost.to_frame",
            {
                "due": [r.due for r in rows],
                "cash_date": [r.cash_date for r in rows],
                "amount": [r.amount for r in rows],
                "days": [r.days for r in rows],
                "cost": [r.cost for r in rows],
                "probability": [r.probability for r in rows],
            },
        )

    def _repr_html_(self) -> str | None:
        return frame_html(self)


def _supplier_cash_out(
    cash_out: object,
    invoice_date: date,
    calendar: BusinessCalendar | None,
    adjustment: Adjustment | None,
) -> date:
    if cash_out is None:
        return invoice_date
    if isinstance(cash_out, PaymentTerms):
        return cash_out.due_date(invoice_date, calendar=calendar, adjustment=adjustment)
    if isinstance(cash_out, date):
        return check_date(cash_out, "cash_out")
    raise InvalidType("cash_out", cash_out, "a datetime.date, supplier PaymentTerms or None")


def _dates_factor(
    start: date, end: date, rate: Decimal, method: FinancingMethod, day_count: DayCount
) -> Decimal:
    if day_count is DayCount.ACT_ACT_ISDA:
        return _fraction_factor(day_count.year_fraction(start, end), rate, method)
    return _factor(day_count.days(start, end), rate, day_count.year_length(), method)


def _check_payer(payer: object) -> Payer | None:
    if payer is None:
        return None
    if not isinstance(payer, Payer):
        raise InvalidType("payer", payer, "a payterms.Payer or None")
    return payer


def _cash_dates(
    payer: Payer | None, due: date, received: date, *, early: bool
) -> tuple[tuple[date, Fraction], ...]:
    """Return the possible cash dates of a payment due on *due*, with their probabilities."""
    if payer is None:
        return ((due, _CERTAIN),)
    if early:
        run = payer.run_on_or_before(due, received=received)
        if run is None:
            return ()
        return ((payer.cash_date(run), Fraction(1)),)
    return tuple(
        (payer.cash_date(payer.payment_run(due, received=received, delay=delay)), p)
        for delay, p in payer.extra_delay_days.outcomes
    )


_CERTAIN = Fraction(1)


def _median(outcomes: tuple[tuple[date, Fraction], ...]) -> date:
    """Return the median cash date of *outcomes* (weights relative to their own total)."""
    total = sum((p for _, p in outcomes), Fraction(0))
    cumulative = Fraction(0)
    for day, p in sorted(outcomes):
        cumulative += p
        if cumulative * 2 >= total:
            return day
    return max(day for day, _ in outcomes)  # pragma: no cover - weights reach the total


def _frac(value: Fraction) -> Decimal:
    return CONTEXT.divide(Decimal(value.numerator), Decimal(value.denominator))


# One payment option: (due, amount, ((cash date, probability), ...), discount if taken).
_Entry = tuple[date, Decimal, tuple[tuple[date, Fraction], ...], Decimal]


def _payer_decides(
    terms: PaymentTerms,
    invoice_date: date,
    payer: Payer,
    *,
    amount: Decimal,
    term_start: date | None,
    adjustment: Adjustment,
    currency: str,
    tax: Decimal | int | str | None,
) -> list[_Entry]:
    """Return the payments of a payer who picks a discount itself (payterms.timing)."""
    forecast = payment_forecast(
        terms,
        invoice_date,
        payer,
        amount=amount,
        term_start=term_start,
        adjustment=adjustment,
        currency=currency,
        tax=tax,
    )
    groups: dict[tuple[date, Decimal, DiscountWindow | None], list[tuple[date, Fraction]]] = {}
    for p, explanation in forecast.outcomes:
        for payment in explanation.payments:
            value = payment.amount if payment.amount is not None else _ZERO
            window = payment.discount  # a discount payment is due on the window's last day
            due = payment.due if window is None else window.last_day
            groups.setdefault((due, value, window), []).append((payment.cash, p))
    return [
        (due, value, tuple(outcomes), _ZERO if window is None else window.discount)
        for (due, value, window), outcomes in groups.items()
    ]


def _payments(
    terms: PaymentTerms,
    amount: Decimal,
    *,
    invoice_date: date,
    term_start: date | None,
    payer: Payer | None,
    cash_out: object,
    calendar: BusinessCalendar | None,
    adjustment: Adjustment,
    take_discount: bool | None,
    tax: Decimal | int | str | None,
    currency: str,
    rounding: str,
) -> tuple[date, Decimal, list[_Entry]]:
    """Return the cash-out date, the rounded amount and the payments an invoice brings in."""
    if not isinstance(terms, PaymentTerms):
        raise InvalidType("terms", terms, "a payterms.PaymentTerms")
    invoice_date = check_date(invoice_date, "invoice_date")
    check_rounding(rounding)
    if take_discount is not None and not isinstance(take_discount, bool):
        raise InvalidType("take_discount", take_discount, "a bool or None")
    if take_discount and any(line.discounts for line in terms.installments):
        raise InvalidArgument(
            "take_discount",
            take_discount,
            "discounts on the whole invoice to take (the terms discount their instalments)",
        )
    if term_start is not None:
        term_start = check_date(term_start, "term_start")
    elif terms.start in _EVENT_STARTS:
        raise InvalidArgument(
            "term_start", None, f"the date of the {terms.start.value} event the terms count from"
        )
    if calendar is None and payer is not None:
        calendar = payer.calendar
    start = _supplier_cash_out(cash_out, invoice_date, calendar, adjustment)
    received = invoice_date if payer is None else payer.received(invoice_date)
    total = quantize(amount, currency, rounding=rounding)
    entries: list[_Entry] = []
    if (
        payer is not None
        and take_discount is None
        and terms.discounts
        and payer.policy is RunPolicy.EARLY_FOR_DISCOUNT
    ):
        entries = _payer_decides(
            terms,
            invoice_date,
            payer,
            amount=amount,
            term_start=term_start,
            adjustment=adjustment,
            currency=currency,
            tax=tax,
        )
    else:
        if not take_discount and terms.discounts:
            terms = evolve(terms, discounts=())  # the windows play no part
        if term_start is None:
            term_start = received if terms.start is Start.RECEIPT else invoice_date
        sched = terms.schedule(
            term_start,
            amount,
            calendar=calendar,
            adjustment=adjustment,
            currency=currency,
            tax=tax,
            rounding=rounding,
        )
        if take_discount and sched.discounts:  # the first tier, if it can be caught
            window = sched.discounts[0]
            outcomes = _cash_dates(payer, window.last_day, received, early=True)
            if outcomes:
                entries.append((window.last_day, window.payable, outcomes, window.discount))
        if not entries:
            entries = [
                (due.date, due.amount, _cash_dates(payer, due.date, received, early=False), _ZERO)
                for due in sched.dues
            ]
    return start, total, entries


def _term_cost_exact(
    terms: PaymentTerms,
    amount: Decimal,
    *,
    invoice_date: date,
    term_start: date | None,
    rate: Decimal,
    payer: Payer | None,
    cash_out: object,
    method: FinancingMethod,
    day_count: DayCount,
    calendar: BusinessCalendar | None,
    adjustment: Adjustment | None,
    take_discount: bool | None,
    tax: Decimal | int | str | None,
    currency: str,
    rounding: str,
) -> tuple[TermCost, Decimal]:
    """Return the rounded :class:`TermCost` and the exact (unrounded) total cost."""
    adjustment = check_adjustment(adjustment, calendar)  # FOLLOWING with a calendar
    start, total, entries = _payments(
        terms,
        amount,
        invoice_date=invoice_date,
        term_start=term_start,
        payer=payer,
        cash_out=cash_out,
        calendar=calendar,
        adjustment=adjustment,
        take_discount=take_discount,
        tax=tax,
        currency=currency,
        rounding=rounding,
    )
    lines: list[InstallmentCost] = []
    discount = exact_total = weighted_days = paid = _ZERO
    last_cash = date.min
    for due, value, outcomes, given in entries:
        if len(outcomes) == 1 and outcomes[0][1] == 1:  # a known cash date
            cash = outcomes[0][0]
            chance = _ONE
            cost = value * _dates_factor(start, cash, rate, method, day_count)
            days = Decimal((cash - start).days)
            median = last = cash
        else:
            chance = _frac(sum((p for _, p in outcomes), Fraction(0)))
            cost = days = _ZERO
            for cash, p in outcomes:
                share = _frac(p)
                cost += value * _dates_factor(start, cash, rate, method, day_count) * share
                days += (cash - start).days * share
            days = days / chance  # given that this payment is the one made
            median, last = _median(outcomes), max(cash for cash, _ in outcomes)
        last_cash = max(last_cash, last)
        discount += given * chance
        exact_total += cost + given * chance
        weighted_days += days * abs(value) * chance
        paid += abs(value) * chance
        lines.append(
            InstallmentCost(
                due=due,
                cash_date=median,
                amount=value,
                days=figure(days),
                cost=_money(cost, currency, rounding),
                probability=figure(chance),
            )
        )
    financing = sum((line.cost for line in lines), _ZERO)
    discount = _money(discount, currency, rounding)
    result = TermCost(
        amount=total,
        cash_out=start,
        installments=tuple(lines),
        financing=financing,
        discount=discount,
        cost=financing + discount,
        days_financed=figure(weighted_days / paid) if paid else _ZERO,
        cash_gap=(last_cash - start).days,
        last_cash_date=last_cash,
    )
    return result, exact_total


_EVENT_STARTS = frozenset({Start.DELIVERY, Start.ORDER, Start.POSTING})


@in_context
def term_cost(
    terms: PaymentTerms,
    amount: Decimal | int | str,
    *,
    invoice_date: date,
    rate: Decimal | int | str,
    term_start: date | None = None,
    payer: Payer | None = None,
    cash_out: date | PaymentTerms | None = None,
    method: FinancingMethod = FinancingMethod.SIMPLE,
    day_count: DayCount = DayCount.ACT_365_FIXED,
    calendar: BusinessCalendar | None = None,
    adjustment: Adjustment | None = None,
    take_discount: bool | None = None,
    tax: Decimal | int | str | None = None,
    currency: str = "EUR",
    rounding: str = DEFAULT_ROUNDING,
) -> TermCost:
    """Return what the credit granted by *terms* on an invoice of *amount* costs the seller.

    Each installment is financed from *cash_out*, the day the seller pays its own costs
    (a date; supplier :class:`~payterms.terms.PaymentTerms`, whose final due date counted
    from *invoice_date* is used; or None for the invoice date), to its cash date: the
    due date, or with a :class:`~payterms.runs.Payer` the day that customer's money
    arrives (its receipt delay, approval, payment runs, closures, lateness and bank
    transfer; a lateness distribution gives expected costs). A payment received before
    the cash-out counts negative: the value of the deposit. Early-payment discounts:
    with ``take_discount=True`` the customer pays the whole invoice less the first tier
    on its last day (with a payer: at the last run that still earns it, if any); with
    False never; with None (the default) as the payer decides: a payer whose policy is
    ``RunPolicy.EARLY_FOR_DISCOUNT`` takes the cheapest option at its cost of capital
    (:func:`payterms.timing.payment_forecast`), any other payer or no payer none. When
    a lateness distribution makes the payer take a discount on some paths only, each
    option is a line with its ``probability`` and its expected cost. The discount given
    away is part of the cost; *tax*, the tax included in *amount*, is needed when the
    terms take the discount on the amount excluding tax.

    *term_start* is the day the terms count from when it is not the invoice date (a
    delivery or order date; terms counting from receipt start when the payer receives
    the invoice); the invoice is still sent on *invoice_date*. Days are counted with
    *day_count* (ACT/ACT ISDA allowed here). With a *calendar* the due dates move by
    *adjustment*, ``FOLLOWING`` unless given (``Adjustment.UNADJUSTED`` keeps them).

    >>> terms = PaymentTerms.net(60)
    >>> tc = term_cost(terms, Decimal("10000"), invoice_date=date(2026, 1, 15),
    ...                rate=Decimal("0.08"))
    >>> tc.cost, tc.days_financed, tc.cash_gap, tc.last_cash_date
    (Decimal('131.51'), Decimal('60'), 60, datetime.date(2026, 3, 16))
    >>> supplier = PaymentTerms.net(30)                  # the seller pays its supplier later
    >>> term_cost(terms, Decimal("10000"), invoice_date=date(2026, 1, 15),
    ...           rate=Decimal("0.08"), cash_out=supplier).cost
    Decimal('65.75')
    """
    value = to_amount(amount, "amount")
    r = _rate(rate)
    if not isinstance(day_count, DayCount):
        raise InvalidType("day_count", day_count, "a payterms.DayCount member")
    result, _ = _term_cost_exact(
        terms,
        value,
        invoice_date=invoice_date,
        term_start=term_start,
        rate=r,
        payer=_check_payer(payer),
        cash_out=cash_out,
        method=_check_method(method),
        day_count=day_count,
        calendar=calendar,
        adjustment=adjustment,
        take_discount=take_discount,
        tax=tax,
        currency=currency,
        rounding=rounding,
    )
    return result


@in_context
def indifferent_price(
    price: Decimal | int | str,
    from_terms: PaymentTerms,
    to_terms: PaymentTerms,
    *,
    invoice_date: date,
    rate: Decimal | int | str,
    reading: UpliftReading = UpliftReading.FUTURE_VALUE,
    term_start: date | None = None,
    payer: Payer | None = None,
    cash_out: date | PaymentTerms | None = None,
    method: FinancingMethod = FinancingMethod.SIMPLE,
    day_count: DayCount = DayCount.ACT_365_FIXED,
    calendar: BusinessCalendar | None = None,
    adjustment: Adjustment | None = None,
    tax: Decimal | int | str | None = None,
    currency: str = "EUR",
    rounding: str = DEFAULT_ROUNDING,
) -> Decimal:
    """Return the price under *to_terms* worth what *price* is worth under *from_terms*.

    Moving a customer to a longer term calls for a higher price, a shorter one allows a
    lower price; *reading* says what "worth" means, as for :func:`price_uplift` (for two
    single payments *n* days apart the two functions agree):

    * ``UpliftReading.FUTURE_VALUE`` (the default): "what price keeps me whole if I am paid
      later?". Each payment (at its cash date, with a *payer* at that customer's) is grown
      at *rate* to the last cash date of either terms (simple interest, or compound for
      :attr:`~FinancingMethod.COMPOUND` and :attr:`~FinancingMethod.PRESENT_VALUE`); the
      new price's payments are worth there what *price*'s payments are. Net 30 to net 60
      at 8 %: ``P × (1 + r × 30 / 365)``, $10,065.75 on $10,000. The seller's own outlay
      is the same under both terms, so *cash_out* does not enter this reading (giving it
      warns).
    * ``UpliftReading.NET_OF_OWN_COST``: the price less its financing cost under
      *to_terms* (:func:`term_cost`, financed from *cash_out*, exact before rounding) nets
      what *price* nets under *from_terms*; $10,066.63 for the same move.

    The value is affine in the price, so a secant step finds it (refined for the cent
    rounding of installments), then it is rounded to *currency*. *tax* is the tax included
    in *price* (for installments taken on the amount excluding tax); other prices carry the
    same share of tax. With a *calendar* the due dates move by *adjustment*, ``FOLLOWING``
    unless given. Raises :class:`~payterms.errors.InvalidArgument` when the cost of
    *to_terms* grows as fast as the price (a term so long that no price pays for it).

    >>> indifferent_price(Decimal("10000"), PaymentTerms.net(30), PaymentTerms.net(60),
    ...                   invoice_date=date(2026, 1, 15), rate=Decimal("0.08"))
    Decimal('10065.75')
    >>> indifferent_price(Decimal("10000"), PaymentTerms.net(30), PaymentTerms.net(60),
    ...                   invoice_date=date(2026, 1, 15), rate=Decimal("0.08"),
    ...                   method=FinancingMethod.PRESENT_VALUE)
    Decimal('10063.46')
    """
    p = to_amount(price, "price")
    if p <= 0:
        raise InvalidArgument("price", price, "a positive price")
    r = _rate(rate)
    adjustment = check_adjustment(adjustment, calendar)  # FOLLOWING with a calendar
    chosen = _check_reading(reading)
    checked_payer = _check_payer(payer)
    m = _check_method(method)
    if not isinstance(day_count, DayCount):
        raise InvalidType("day_count", day_count, "a payterms.DayCount member")
    if isinstance(cash_out, date):
        check_date(cash_out, "cash_out")
    elif cash_out is not None and not isinstance(cash_out, PaymentTerms):
        raise InvalidType("cash_out", cash_out, "a datetime.date, supplier PaymentTerms or None")
    if chosen is UpliftReading.FUTURE_VALUE and cash_out is not None:
        warnings.warn(
            f"cash_out={cash_out!r} plays no part in the future-value reading (the seller's "
            "own outlay is the same under both terms); pass "
            "reading=UpliftReading.NET_OF_OWN_COST to finance the price from it",
            PaytermsWarning,
            stacklevel=3,
        )

    tax_share = None if tax is None else to_amount(tax, "tax") / p

    def payments(terms: PaymentTerms, at: Decimal) -> list[_Entry]:
        return _payments(
            terms,
            at,
            invoice_date=invoice_date,
            term_start=term_start,
            payer=checked_payer,
            cash_out=cash_out,
            calendar=calendar,
            adjustment=adjustment,
            take_discount=False,
            tax=None if tax_share is None else at * tax_share,
            currency=currency,
            rounding=rounding,
        )[2]

    value: Callable[[PaymentTerms, Decimal], Decimal]
    if chosen is UpliftReading.FUTURE_VALUE:
        # The last cash date of either terms (dates do not depend on the price).
        horizon = max(
            cash
            for terms in (from_terms, to_terms)
            for _, _, outcomes, _ in payments(terms, p)
            for cash, _ in outcomes
        )
        simple = m is FinancingMethod.SIMPLE
        growth_method = FinancingMethod.SIMPLE if simple else FinancingMethod.COMPOUND

        def value(terms: PaymentTerms, at: Decimal) -> Decimal:
            # the payments' growth, weighted by their rounded amounts, on the exact price
            # (the rounded amounts alone would make the value a staircase in the price)
            grown = paid = _ZERO
            for _, amount, outcomes, _ in payments(terms, at):
                for cash, chance in outcomes:
                    weight = amount * _frac(chance)
                    factor = _dates_factor(cash, horizon, r, growth_method, day_count)
                    grown += weight * (_ONE + factor)
                    paid += weight
            return at * grown / paid if paid else at

    else:

        def value(terms: PaymentTerms, at: Decimal) -> Decimal:
            return (
                at
                - _term_cost_exact(
                    terms,
                    at,
                    invoice_date=invoice_date,
                    term_start=term_start,
                    rate=r,
                    payer=checked_payer,
                    cash_out=cash_out,
                    method=m,
                    day_count=day_count,
                    calendar=calendar,
                    adjustment=adjustment,
                    take_discount=False,
                    tax=None if tax_share is None else at * tax_share,
                    currency=currency,
                    rounding=rounding,
                )[1]
            )

    target = value(from_terms, p)
    tolerance = smallest_unit(currency) / 1000

    def shortfall(at: Decimal) -> Decimal:  # worth at *at* under to_terms minus the target
        return value(to_terms, at) - target

    # The value is affine in the price (installments are shares or fixed amounts), up to
    # the cent rounding of the installments: a secant step lands on the answer and a
    # few more absorb the rounding.
    low, high = p, p * 2
    f_low, f_high = shortfall(low), shortfall(high)
    for _ in range(12):
        slope = (f_high - f_low) / (high - low)
        if slope <= 0:
            raise InvalidArgument(
                "to_terms",
                to_terms,
                f"terms whose financing cost at rate={r} grows slower than the price",
            )
        following = high - f_high / slope
        f_following = shortfall(following)
        if abs(f_following) <= tolerance or abs(following - high) <= tolerance:
            return _money(following, currency, rounding)
        low, f_low, high, f_high = high, f_high, following, f_following
    return _money(high, currency, rounding)  # pragma: no cover - converges in 2-3 steps


@frozen
class TermComparison:
    """One row of :func:`compare_terms`: a candidate term, its cost and the margin it leaves.

    ``margin`` (amount - cost of goods - term cost) and ``share_of_margin`` (term cost /
    gross margin) are set when a cost of goods was given and the gross margin is positive.

    >>> [row] = compare_terms([PaymentTerms.net(30)], Decimal("10000"),
    ...                       invoice_date=date(2026, 1, 15), rate=Decimal("0.08"),
    ...                       cost=Decimal("7500"))
    >>> row.cost, row.margin, round(row.share_of_margin, 4)
    (Decimal('65.75'), Decimal('2434.25'), Decimal('0.0263'))
    """

    terms: PaymentTerms
    cost: Decimal
    last_cash_date: date
    days_financed: Decimal
    cash_gap: int
    margin: Decimal | None
    share_of_margin: Decimal | None
    detail: TermCost


@frozen
class TermComparisons:
    """The rows of :func:`compare_terms`, cheapest first; iterate, index or ``to_frame()``.

    >>> rows = compare_terms([PaymentTerms.net(60), PaymentTerms.net(30)], Decimal("10000"),
    ...                      invoice_date=date(2026, 1, 15), rate=Decimal("0.08"))
    >>> len(rows), rows[0].cost, [str(r.last_cash_date) for r in rows]
    (2, Decimal('65.75'), ['2026-02-14', '2026-03-16'])
    """

    rows: tuple[TermComparison, ...]

    def __iter__(self) -> Iterator[TermComparison]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def __getitem__(self, index: int) -> TermComparison:
        return self.rows[index]

    def _repr_html_(self) -> str | None:
        return frame_html(self)

    def to_frame(self) -> pd.DataFrame:
        """Return the rows as a pandas DataFrame (needs the ``[pandas]`` extra).

        Columns: ``terms`` (English wording), ``cost``, ``last_cash_date``,
        ``days_financed``, ``cash_gap``, ``margin`` and ``share_of_margin`` (Decimals and
        dates as they are; None where no cost of goods was given).

        >>> rows = compare_terms([PaymentTerms.net(60), PaymentTerms.net(30)], Decimal("10000"),
        ...                      invoice_date=date(2026, 1, 15), rate=Decimal("0.08"),
        ...                      cost=Decimal("7500"))
        >>> rows.to_frame()[["terms", "cost", "margin"]]
                 terms    cost   margin
        0  net 30 days   65.75  2434.25
        1  net 60 days  131.51  2368.49
        """
        pandas = require("pandas", "TermComparisons.to_frame")
        return pandas.DataFrame(
            {
                "terms": [_wording(r.terms) for r in self.rows],
                "cost": [r.cost for r in self.rows],
                "last_cash_date": [r.last_cash_date for r in self.rows],
                "days_financed": [r.days_financed for r in self.rows],
                "cash_gap": [r.cash_gap for r in self.rows],
                "margin": [r.margin for r in self.rows],
                "share_of_margin": [r.share_of_margin for r in self.rows],
            }
        )


def _wording(terms: PaymentTerms) -> str:
    try:
        return terms.describe("en")
    except PaytermsError:  # terms the wording cannot say: the rule text instead
        return repr(terms)


@in_context
def compare_terms(
    candidates: Sequence[PaymentTerms],
    amount: Decimal | int | str,
    *,
    invoice_date: date,
    rate: Decimal | int | str,
    term_start: date | None = None,
    cost: Decimal | int | str | None = None,
    payer: Payer | None = None,
    cash_out: date | PaymentTerms | None = None,
    method: FinancingMethod = FinancingMethod.SIMPLE,
    day_count: DayCount = DayCount.ACT_365_FIXED,
    calendar: BusinessCalendar | None = None,
    adjustment: Adjustment | None = None,
    take_discount: bool | None = None,
    tax: Decimal | int | str | None = None,
    currency: str = "EUR",
    rounding: str = DEFAULT_ROUNDING,
) -> TermComparisons:
    """Return one row per candidate term, cheapest first: cost, last cash date and margin.

    Each row's cost is :func:`term_cost` with the same arguments (with a *calendar*,
    *adjustment* is ``FOLLOWING`` unless given), so the order is the order of those
    costs (ties keep the candidates' order). *cost* is the cost of the
    goods sold, for the margin columns.

    >>> rows = compare_terms([PaymentTerms.net(60), PaymentTerms.net(30)], Decimal("10000"),
    ...                      invoice_date=date(2026, 1, 15), rate=Decimal("0.08"),
    ...                      cost=Decimal("7500"))
    >>> [(r.cost, r.last_cash_date.isoformat(), r.margin) for r in rows]
    [(Decimal('65.75'), '2026-02-14', Decimal('2434.25')),
     (Decimal('131.51'), '2026-03-16', Decimal('2368.49'))]
    """
    if isinstance(candidates, (PaymentTerms, str, bytes)) or not isinstance(candidates, Sequence):
        raise InvalidType("candidates", candidates, "a sequence of payterms.PaymentTerms")
    value = to_amount(amount, "amount")
    goods = None if cost is None else to_amount(cost, "cost")
    rows = []
    for terms in candidates:
        detail = term_cost(
            terms,
            value,
            invoice_date=invoice_date,
            rate=rate,
            term_start=term_start,
            payer=payer,
            cash_out=cash_out,
            method=method,
            day_count=day_count,
            calendar=calendar,
            adjustment=adjustment,
            take_discount=take_discount,
            tax=tax,
            currency=currency,
            rounding=rounding,
        )
        margin = share = None
        if goods is not None:
            gross = detail.amount - goods
            margin = _money(gross - detail.cost, currency, rounding)
            if gross > 0:
                share = figure(detail.cost / gross)
        rows.append(
            TermComparison(
                terms=terms,
                cost=detail.cost,
                last_cash_date=detail.last_cash_date,
                days_financed=detail.days_financed,
                cash_gap=detail.cash_gap,
                margin=margin,
                share_of_margin=share,
                detail=detail,
            )
        )
    return TermComparisons(tuple(sorted(rows, key=lambda row: row.cost)))

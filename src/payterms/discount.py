"""Early-payment discounts: what a "2/10 net 30" costs, and whether to take or offer it.

Paying ``1 - d`` on day *D* instead of ``1`` on day *N* is a loan of ``1 - d`` for
``t = N - D`` days at the periodic rate ``i = d / (1 - d)``. Annualising that rate is
where published figures part ways: simple (nominal) or compound (effective), a 365- or
360-day year, with or without the ``÷ (1 - d)``. For 2/10 net 30 the sources print
36.00 %, 36.73 %, 37.24 % and 44.59 %, and all four are right for their convention; every
function here takes the convention as an argument (:class:`RateMethod`, ``year=``,
``on_net=``) and defaults to the simple rate on a 365-day year, on the net amount.

A discount is written the way invoices write it, in percent (``2`` for 2 %); an annual
rate is a fraction (``Decimal("0.08")`` for 8 %; :func:`rate_from_percent` converts).
Rates come back as Decimals to 28 significant digits, computed exactly with Decimal
logarithms and exponentials (never floats).

* :func:`discount_cost`, :func:`breakeven_discount` and :func:`breakeven_days`: the rate,
  and the discount or the days at which it equals a cost of capital;
* :func:`discount_decision`: take it (buyer) or offer it (seller), with the figures;
* :func:`tier_costs` and :func:`best_tier`: several tiers, step by step;
* :func:`discount_offer`: a seller's year of receivables with and without the offer;
* :func:`discount_tiers`: the tiers and net day of :class:`~payterms.terms.PaymentTerms`.

More information:

* Brigham & Houston, *Fundamentals of Financial Management*, "nominal annual cost of
  trade credit" (simple, 365 days) and its effective annual rate.
* CFA Institute, Corporate Finance curriculum, cost of trade credit (compound, 365 days;
  the actual payment day replaces the net day).
* ACCA Financial Management, early settlement discounts (compound; month-based when the
  periods are given in months).
* German Skonto teaching: exact formula ``d / (1 - d) × 360 / t`` and the approximation
  ``d × 360 / t`` ("Zinssatz Lieferantenkredit").

>>> from decimal import Decimal
>>> rate_to_percent(discount_cost(2, 10, 30), 2)                       # Brigham, nominal
Decimal('37.24')
>>> rate_to_percent(discount_cost(2, 10, 30, method=RateMethod.COMPOUND), 2)    # CFA
Decimal('44.59')
>>> rate_to_percent(discount_cost(2, 10, 30, year=360), 2)             # 360-day year
Decimal('36.73')
>>> rate_to_percent(discount_cost(2, 10, 30, method=RateMethod.APPROXIMATE, year=360), 2)
Decimal('36.00')
>>> discount_decision(2, 10, 30, Decimal("0.08")).advisable            # take it
True
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import TYPE_CHECKING, NamedTuple

from attrs import frozen

from payterms._checks import check_date, check_int, check_rounding, to_amount, to_decimal
from payterms._extras import frame, frame_html
from payterms.calendars import Adjustment, BusinessCalendar
from payterms.errors import InvalidArgument, InvalidTerms, InvalidType
from payterms.money import CONTEXT, DEFAULT_ROUNDING, figure, in_context, quantize, round_to_unit
from payterms.terms import PaymentTerms

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "DiscountDecision",
    "DiscountTiers",
    "DiscountOffer",
    "Party",
    "RateMethod",
    "TierChoice",
    "TierDays",
    "TierStep",
    "best_tier",
    "breakeven_days",
    "breakeven_discount",
    "discount_cost",
    "discount_decision",
    "discount_offer",
    "discount_tiers",
    "rate_from_percent",
    "rate_to_percent",
    "tier_costs",
]

_HUNDRED = Decimal(100)
_ONE = Decimal(1)
_ZERO = Decimal(0)

YEARS: tuple[int, ...] = (12, 360, 365, 366)
"""The accepted ``year=`` values: days in a year (360, 365, 366) or 12 for periods in months."""


class RateMethod(Enum):
    """How a periodic discount rate becomes an annual rate.

    >>> RateMethod.COMPOUND.value
    'compound'
    """

    SIMPLE = "simple"
    """Nominal rate ``i × year / t`` (Brigham's "nominal annual cost", ACCA's "simple
    interest approach", the German exact formula with a 360-day year)."""

    COMPOUND = "compound"
    """Effective rate ``(1 + i) ** (year / t) - 1`` (CFA Institute; the approach the ACCA
    examiner expects; Brigham's "effective annual rate")."""

    APPROXIMATE = "approximate"
    """``d × year / t`` on the gross price, without ``÷ (1 - d)``: the German rule of thumb
    ("Faustformel", used with ``year=360``); simple interest with ``on_net=False``."""


class Party(Enum):
    """Whose decision :func:`discount_decision` answers.

    >>> Party.SELLER.value
    'seller'
    """

    BUYER = "buyer"
    """The payer: take the discount (pay early) or pay at the net date."""

    SELLER = "seller"
    """The payee: offer the discount (be paid early) or wait for the net date."""


# --------------------------------------------------------------------------- helpers


@in_context
def rate_from_percent(percent: Decimal | int | str) -> Decimal:
    """Return the rate fraction for a rate written in percent: ``"8"`` gives ``0.08``.

    Exact: no digit is lost or added.

    >>> rate_from_percent("8")
    Decimal('0.08')
    >>> rate_from_percent(Decimal("4.25"))
    Decimal('0.0425')
    """
    return to_decimal(percent, "percent").scaleb(-2)


@in_context
def rate_to_percent(
    rate: Decimal | int | str,
    places: int | None = None,
    *,
    rounding: str = DEFAULT_ROUNDING,
) -> Decimal:
    """Return *rate* (a fraction) in percent, rounded to *places* decimals if given.

    >>> rate_to_percent(Decimal("0.0825"))
    Decimal('8.25')
    >>> rate_to_percent(Decimal("0.372448979"), 2)
    Decimal('37.24')
    """
    value = to_decimal(rate, "rate").scaleb(2)
    if places is None:
        return value
    if check_int(places, "places", minimum=0) > 20:
        raise InvalidArgument("places", places, "at most 20 decimal places")
    check_rounding(rounding)
    return round_to_unit(value, Decimal(1).scaleb(-places), rounding)


def _discount_fraction(percent: object, name: str = "percent") -> Decimal:
    value = to_decimal(percent, name)
    if not _ZERO <= value < _HUNDRED:
        raise InvalidArgument(name, percent, "a discount in percent, at least 0 and below 100")
    return value / _HUNDRED


def _annual_rate(value: object, name: str) -> Decimal:
    rate = to_decimal(value, name)
    if not _ZERO <= rate <= _ONE:
        raise InvalidArgument(
            name,
            value,
            "an annual rate as a fraction between 0 and 1, e.g. Decimal('0.08') for 8 % "
            "(rate_from_percent('8') converts)",
        )
    return rate


def _check_method(method: object) -> RateMethod:
    if not isinstance(method, RateMethod):
        raise InvalidType("method", method, "a payterms.RateMethod member")
    return method


def _check_year(year: object) -> int:
    if isinstance(year, bool) or not isinstance(year, int):
        raise InvalidType("year", year, "an int")
    if year not in YEARS:
        raise InvalidArgument(
            "year", year, "360, 365 or 366 days, or 12 when the periods are in months"
        )
    return year


def _on_net(method: RateMethod, on_net: object) -> bool:
    if on_net is None:
        return method is not RateMethod.APPROXIMATE
    if not isinstance(on_net, bool):
        raise InvalidType("on_net", on_net, "a bool or None")
    if on_net and method is RateMethod.APPROXIMATE:
        raise InvalidArgument(
            "on_net", on_net, "False or None with RateMethod.APPROXIMATE (it is on the gross)"
        )
    return on_net


def _credit_days(discount_days: object, net_days: object, paid_day: object) -> int:
    """Return t, the days of credit bought by not taking the discount."""
    early = check_int(discount_days, "discount_days", minimum=0)
    net = check_int(net_days, "net_days", minimum=0)
    if early >= net:
        raise InvalidArgument("discount_days", early, f"fewer days than net_days={net}")
    if paid_day is None:
        return net - early
    paid = check_int(paid_day, "paid_day", minimum=0)
    if paid <= early:
        raise InvalidArgument(
            "paid_day", paid, f"a day after the discount period (discount_days={early})"
        )
    return paid - early


def _periodic(d: Decimal, *, on_net: bool) -> Decimal:
    return CONTEXT.divide(d, _ONE - d) if on_net else d


@functools.lru_cache(maxsize=4096)
def _compound(rate: Decimal, numerator: int, denominator: int) -> Decimal:
    """Return ``(1 + rate) ** (numerator / denominator) - 1`` to 40 digits.

    Memoised: the logarithm and the exponential are most of the cost, and a portfolio
    repeats a handful of terms. The result does not depend on how *rate* is written.
    """
    w = CONTEXT
    growth = w.divide(w.multiply(w.ln(_ONE + rate), numerator), denominator)
    return w.subtract(w.exp(growth), _ONE)


def _annualise(i: Decimal, days: int, year: int, method: RateMethod) -> Decimal:
    """Return the annual rate of periodic rate *i* over *days* (40 digits, then rounded)."""
    if method is RateMethod.COMPOUND:
        return _compound(i, year, days)
    return CONTEXT.divide(CONTEXT.multiply(i, year), days)


def _deannualise(rate: Decimal, days: int, year: int, method: RateMethod) -> Decimal:
    """Return the periodic rate over *days* that annualises to *rate*."""
    if method is RateMethod.COMPOUND:
        return _compound(rate, days, year)
    return CONTEXT.divide(CONTEXT.multiply(rate, days), year)


def _result(value: Decimal) -> Decimal:
    return figure(value)


# --------------------------------------------------------------------------- rates


@in_context
def discount_cost(
    percent: Decimal | int | str,
    discount_days: int,
    net_days: int,
    *,
    method: RateMethod = RateMethod.SIMPLE,
    year: int = 365,
    on_net: bool | None = None,
    paid_day: int | None = None,
) -> Decimal:
    """Return the annual rate (a fraction) a buyer pays by not taking the discount.

    *percent* is the discount (``2`` for 2 %) for payment within *discount_days*;
    otherwise the invoice is due in full at *net_days*. The credit bought lasts
    ``t = net_days - discount_days`` days, or ``paid_day - discount_days`` when the buyer
    actually pays on *paid_day* (CFA, Brigham: stretching payables lowers the cost,
    paying between the discount day and the net day raises it). *on_net* divides by
    ``1 - d`` (the loan is the discounted amount); it defaults to True, and to False for
    :attr:`RateMethod.APPROXIMATE`. With ``year=12`` the days are read as months (ACCA's
    month-based annualisation). The seller's cost of offering the discount is the same
    rate.

    Raises:
        InvalidArgument: a discount outside [0, 100), negative days, ``discount_days >=
            net_days`` or a *paid_day* inside the discount period.

    >>> discount_cost(2, 10, 30)                                   # 2/98 × 365/20
    Decimal('0.3724489795918367346938775510')
    >>> rate_to_percent(discount_cost(2, 10, 60, paid_day=50, method=RateMethod.COMPOUND), 2)
    Decimal('20.24')
    >>> rate_to_percent(discount_cost(4, 1, 3, year=12, method=RateMethod.COMPOUND), 2)
    Decimal('27.75')
    >>> discount_cost(2, 30, 30)
    Traceback (most recent call last):
    payterms.errors.InvalidArgument: discount_days=30 is not accepted: expected fewer days than
    net_days=30

    """
    method = _check_method(method)
    d = _discount_fraction(percent)
    days = _credit_days(discount_days, net_days, paid_day)
    net = _on_net(method, on_net)
    return _result(_annualise(_periodic(d, on_net=net), days, _check_year(year), method))


@in_context
def breakeven_discount(
    cost_of_capital: Decimal | int | str,
    discount_days: int,
    net_days: int,
    *,
    method: RateMethod = RateMethod.SIMPLE,
    year: int = 365,
    on_net: bool | None = None,
    paid_day: int | None = None,
) -> Decimal:
    """Return the discount, in percent, whose annual cost equals *cost_of_capital*.

    A seller whose money costs *cost_of_capital* (a fraction) gains by offering any
    smaller discount and loses by offering a larger one; a buyer with that cost of funds
    gains by taking any larger discount. It inverts :func:`discount_cost` under the same
    convention: simple ``d = r t / (year + r t)``, compound ``d = 1 - (1 + r) ** (-t /
    year)``, approximate ``d = r t / year`` (derived by inverting the rate formulas).

    >>> breakeven_discount(Decimal("0.08"), 10, 30)                 # 8 %, 20 days
    Decimal('0.4364429896344789961811238407')
    >>> round(breakeven_discount(Decimal("0.08"), 10, 30, method=RateMethod.COMPOUND), 4)
    Decimal('0.4208')
    """
    method = _check_method(method)
    rate = _annual_rate(cost_of_capital, "cost_of_capital")
    days = _credit_days(discount_days, net_days, paid_day)
    net = _on_net(method, on_net)
    i = _deannualise(rate, days, _check_year(year), method)
    d = i / (_ONE + i) if net else i
    return _result(d * _HUNDRED)


@in_context
def breakeven_days(
    percent: Decimal | int | str,
    cost_of_capital: Decimal | int | str,
    *,
    method: RateMethod = RateMethod.SIMPLE,
    year: int = 365,
    on_net: bool | None = None,
) -> Decimal:
    """Return the days earlier a discount must bring the money in to pay for itself.

    With money costing *cost_of_capital*, a discount of *percent* costs the seller less
    than financing the receivable only if payment arrives more than this many days
    earlier (and a buyer gains by taking it only if it buys that many days or fewer).

    >>> # petroanswers: 1 % on $100,000 against borrowing at 9.5 % ($26.03 a day)
    >>> breakeven_days(1, Decimal("0.095"), method=RateMethod.APPROXIMATE)
    Decimal('38.42105263157894736842105263')
    """
    method = _check_method(method)
    d = _discount_fraction(percent)
    rate = _annual_rate(cost_of_capital, "cost_of_capital")
    if rate == 0:
        raise InvalidArgument("cost_of_capital", cost_of_capital, "a rate above 0")
    i = _periodic(d, on_net=_on_net(method, on_net))
    year = _check_year(year)
    if method is RateMethod.COMPOUND:
        return _result(year * (_ONE + i).ln() / (_ONE + rate).ln())
    return _result(i * year / rate)


class TierDays(NamedTuple):
    """A discount tier in days: *percent* off when paid within *days* of the invoice date.

    >>> TierDays(Decimal("2"), 10).days
    10
    """

    percent: Decimal
    days: int


class DiscountTiers(NamedTuple):
    """The discount tiers of terms in days, and the days to the final due date.

    >>> DiscountTiers((TierDays(Decimal("2"), 10),), 30).net_days
    30
    """

    tiers: tuple[TierDays, ...]
    net_days: int


@in_context
def discount_tiers(
    terms: PaymentTerms,
    invoice_date: date,
    *,
    calendar: BusinessCalendar | None = None,
    adjustment: Adjustment | None = None,
) -> DiscountTiers:
    """Return the tiers and net days of *terms* for an invoice dated *invoice_date*.

    A :class:`DiscountTiers` (a named pair, so ``tiers, net_days = discount_tiers(...)``
    still works): *tiers* are :class:`TierDays` ``(percent, days)``, days counted from
    the invoice date to each discount window's last day; *net_days* runs to the final
    due date. With a
    *calendar* the dates move by *adjustment* (``FOLLOWING`` unless given). They feed
    :func:`discount_cost`, :func:`discount_decision`, :func:`tier_costs` and
    :func:`best_tier`. Terms with several installments are refused: their net day is
    not one day.

    >>> terms = PaymentTerms.parse("2/10 net 30")
    >>> discount_tiers(terms, date(2026, 1, 15))
    DiscountTiers(tiers=(TierDays(percent=Decimal('2'), days=10),), net_days=30)
    >>> tiers, net_days = discount_tiers(terms, date(2026, 1, 15))
    >>> rate_to_percent(discount_cost(*tiers[0], net_days), 2)
    Decimal('37.24')
    """
    if not isinstance(terms, PaymentTerms):
        raise InvalidType("terms", terms, "a payterms.PaymentTerms")
    invoice_date = check_date(invoice_date, "invoice_date")
    if len(terms.installments) != 1:
        raise InvalidTerms(
            "terms", terms, "terms with one installment (the discount's net day must be one day)"
        )
    # 100 units: the windows' dates do not depend on the amount; tax 0 serves every base
    sched = terms.schedule(invoice_date, 100, calendar=calendar, adjustment=adjustment, tax=_ZERO)
    net_days = (sched.final_due - invoice_date).days
    windows = sorted((*sched.discounts, *sched.dues[0].discounts), key=lambda w: w.last_day)
    tiers: list[TierDays] = []
    for window in windows:
        if window.percent is None:
            raise InvalidTerms(
                "terms",
                terms,
                f"percentage discounts (a fixed discount of {window.discount} has no rate "
                "without its amount)",
            )
        tiers.append(TierDays(window.percent, (window.last_day - invoice_date).days))
    return DiscountTiers(tuple(tiers), net_days)


# --------------------------------------------------------------------------- decisions


@frozen
class DiscountDecision:
    """Whether to take (buyer) or offer (seller) a discount, with the figures behind it.

    ``annual_cost`` is the discount's annual rate (:func:`discount_cost`) under the
    convention in ``method``, ``year`` and ``on_net``; it is compared with
    ``cost_of_capital`` under that same convention. The money figures are set when an
    amount was given: ``discount`` (gross amount × d), ``financed`` (the amount paid t
    days early: the net amount, or the gross with ``on_net=False``), ``interest`` (the
    cost of capital on ``financed`` over ``days``) and ``net_benefit`` for ``side``
    (buyer: discount - interest; seller: interest saved - discount). A tie is not
    advisable: nothing is gained by changing anything.

    >>> dec = discount_decision(2, 10, 30, Decimal("0.18"), amount=Decimal("20000"), year=360)
    >>> dec.advisable, dec.discount, dec.interest, dec.net_benefit
    (True, Decimal('400.00'), Decimal('196.00'), Decimal('204.00'))
    """

    side: Party
    advisable: bool
    percent: Decimal
    days: int
    annual_cost: Decimal
    cost_of_capital: Decimal
    breakeven_percent: Decimal
    method: RateMethod
    year: int
    on_net: bool
    amount: Decimal | None = None
    discount: Decimal | None = None
    financed: Decimal | None = None
    interest: Decimal | None = None
    net_benefit: Decimal | None = None

    def explain(self) -> str:
        """Return a sentence stating the answer and why (and the money, when known).

        >>> print(discount_decision(2, 10, 30, Decimal("0.08")).explain())
        Take the discount: paying 20 days later costs 37.24 % a year (simple, 365-day
        year, on the net amount), more than the 8.00 % cost of capital.
        >>> print(discount_decision(2, 10, 30, Decimal("0.08"), side=Party.SELLER,
        ...                         amount=Decimal("10000")).explain())
        Do not offer the discount: being paid 20 days earlier costs 37.24 % a year (simple,
        365-day year, on the net amount), more than the 8.00 % cost of capital. On 10000:
        discount 200.00, interest 42.96, net -157.04 for the seller.
        """
        cost = rate_to_percent(self.annual_cost, 2)
        capital = rate_to_percent(self.cost_of_capital, 2)
        basis = (
            f"{self.method.value}, {self.year}-"
            f"{'month' if self.year == 12 else 'day'} year, "
            f"on the {'net' if self.on_net else 'gross'} amount"
        )
        unit = "months" if self.year == 12 else "days"
        relation = (
            "more than"
            if self.annual_cost > self.cost_of_capital
            else "less than"
            if self.annual_cost < self.cost_of_capital
            else "the same as"
        )
        if self.side is Party.BUYER:
            verb = "Take" if self.advisable else "Do not take"
            what = f"paying {self.days} {unit} later"
        else:
            verb = "Offer" if self.advisable else "Do not offer"
            what = f"being paid {self.days} {unit} earlier"
        text = (
            f"{verb} the discount: {what} costs {cost} % a year ({basis}), "
            f"{relation} the {capital} % cost of capital."
        )
        if self.net_benefit is not None:
            text += (
                f" On {self.amount}: discount {self.discount}, interest {self.interest},"
                f" net {self.net_benefit} for the {self.side.value}."
            )
        return text


@in_context
def discount_decision(
    percent: Decimal | int | str,
    discount_days: int,
    net_days: int,
    cost_of_capital: Decimal | int | str,
    *,
    side: Party = Party.BUYER,
    amount: Decimal | int | str | None = None,
    method: RateMethod = RateMethod.SIMPLE,
    year: int = 365,
    on_net: bool | None = None,
    paid_day: int | None = None,
    currency: str = "EUR",
    rounding: str = DEFAULT_ROUNDING,
) -> DiscountDecision:
    """Return whether to take (buyer) or offer (seller) the discount, and the figures why.

    The rule every source states: a buyer takes the discount when its annual cost is
    above the buyer's cost of funds (ACCA: the overdraft rate; CFA: the short-term
    borrowing rate); a seller offers it when its annual cost is below the seller's. With
    an *amount*, the money figures are rounded to *currency* with *rounding*; the
    interest is simple (compound with :attr:`RateMethod.COMPOUND`) over the same *year*.

    >>> # mathelounge: 2,460 EUR, 3 % Skonto, 20-day loan at 9 % (360-day year)
    >>> dec = discount_decision(3, 10, 30, Decimal("0.09"), amount=Decimal("2460"), year=360)
    >>> dec.financed, dec.discount, dec.interest, dec.net_benefit
    (Decimal('2386.20'), Decimal('73.80'), Decimal('11.93'), Decimal('61.87'))
    >>> discount_decision(1, 10, 30, Decimal("0.09"), side=Party.SELLER, paid_day=41,
    ...                   method=RateMethod.COMPOUND).advisable
    False
    """
    method = _check_method(method)
    if not isinstance(side, Party):
        raise InvalidType("side", side, "a payterms.Party member")
    d = _discount_fraction(percent)
    rate = _annual_rate(cost_of_capital, "cost_of_capital")
    days = _credit_days(discount_days, net_days, paid_day)
    year = _check_year(year)
    net = _on_net(method, on_net)
    i = _periodic(d, on_net=net)
    cost = _result(_annualise(i, days, year, method))
    capital_i = _deannualise(rate, days, year, method)
    breakeven = _result((capital_i / (_ONE + capital_i) if net else capital_i) * 100)
    advisable = cost > rate if side is Party.BUYER else cost < rate
    money: dict[str, Decimal] = {}
    if amount is not None:
        gross = to_amount(amount, "amount")
        check_rounding(rounding)
        if gross < 0:
            raise InvalidArgument("amount", amount, "a non-negative amount")
        discount = quantize(gross * d, currency, rounding=rounding)
        financed = quantize(gross - discount if net else gross, currency, rounding=rounding)
        interest = quantize(financed * capital_i, currency, rounding=rounding)
        money = {
            "amount": gross,
            "discount": discount,
            "financed": financed,
            "interest": interest,
            "net_benefit": discount - interest if side is Party.BUYER else interest - discount,
        }
    return DiscountDecision(
        side=side,
        advisable=advisable,
        percent=to_decimal(percent, "percent"),
        days=days,
        annual_cost=cost,
        cost_of_capital=rate,
        breakeven_percent=breakeven,
        method=method,
        year=year,
        on_net=net,
        **money,
    )


# --------------------------------------------------------------------------- tiers


@frozen
class TierStep:
    """The marginal cost of paying on ``late_day`` instead of ``early_day``.

    Paying later gives up ``early_percent - late_percent`` points of discount (the net
    day has ``late_percent`` 0) for ``days`` more days of credit; ``periodic_rate`` is
    that step's rate (on the amount paid early, or the gross with ``on_net=False``) and
    ``annual_cost`` its annualised rate: each step between two options is its own loan.

    >>> steps = tier_costs(((3, 8), (2, 14)), 30)
    >>> [(s.early_day, s.late_day, rate_to_percent(s.annual_cost, 2)) for s in steps]
    [(8, 14, Decimal('62.71')), (8, 30, Decimal('51.31')), (14, 30, Decimal('46.56'))]
    """

    early_day: int
    early_percent: Decimal
    late_day: int
    late_percent: Decimal
    days: int
    periodic_rate: Decimal
    annual_cost: Decimal
    method: RateMethod
    year: int
    on_net: bool


def _tiers(tiers: object, net_days: object) -> list[tuple[Decimal, int]]:
    net = check_int(net_days, "net_days", minimum=0)
    if isinstance(tiers, (str, bytes)) or not isinstance(tiers, Iterable):
        raise InvalidType("tiers", tiers, "a sequence of (percent, days) pairs")
    parsed: list[tuple[Decimal, int]] = []
    for n, tier in enumerate(tiers):
        if not isinstance(tier, tuple) or len(tier) != 2:
            raise InvalidArgument(f"tiers[{n}]", tier, "a (percent, days) pair")
        percent = to_decimal(tier[0], f"tiers[{n}] percent")
        _discount_fraction(percent, f"tiers[{n}] percent")
        days = check_int(tier[1], f"tiers[{n}] days", minimum=0)
        if parsed and not (days > parsed[-1][1] and percent < parsed[-1][0]):
            raise InvalidArgument(
                f"tiers[{n}]",
                tier,
                "tiers in order of days, each later tier with a smaller discount",
            )
        if days >= net:
            raise InvalidArgument(f"tiers[{n}] days", days, f"fewer days than net_days={net}")
        parsed.append((percent, days))
    if not parsed:
        raise InvalidArgument("tiers", tuple(parsed), "at least one (percent, days) tier")
    return [*parsed, (_ZERO, net)]


def _step(
    early: tuple[Decimal, int],
    late: tuple[Decimal, int],
    method: RateMethod,
    year: int,
    *,
    on_net: bool,
) -> TierStep:
    (p_early, d_early), (p_late, d_late) = early, late
    gain = (p_early - p_late) / _HUNDRED
    periodic = gain / (_ONE - p_early / _HUNDRED) if on_net else gain
    return TierStep(
        early_day=d_early,
        early_percent=p_early,
        late_day=d_late,
        late_percent=p_late,
        days=d_late - d_early,
        periodic_rate=_result(periodic),
        annual_cost=_result(_annualise(periodic, d_late - d_early, year, method)),
        method=method,
        year=year,
        on_net=on_net,
    )


@in_context
def tier_costs(
    tiers: Sequence[tuple[Decimal | int | str, int]],
    net_days: int,
    *,
    method: RateMethod = RateMethod.SIMPLE,
    year: int = 365,
    on_net: bool | None = None,
) -> tuple[TierStep, ...]:
    """Return the cost of every step between the payment options of a tiered discount.

    *tiers* are ``(percent, days)`` pairs in order ("3 % 8 days, 2 % 14 days" is
    ``((3, 8), (2, 14))``); the net day is the last option. One :class:`TierStep` per
    pair of options, earliest first: consecutive pairs are the marginal costs a payer
    compares (SAP terms of payment allow three periods, two with a discount; EN 16931
    invoices carry any number of discount groups).

    >>> steps = tier_costs(((3, 8), (2, 14)), 30, method=RateMethod.COMPOUND)
    >>> [rate_to_percent(s.annual_cost, 2) for s in steps]
    [Decimal('86.63'), Decimal('65.76'), Decimal('58.55')]
    """
    method = _check_method(method)
    options = _tiers(tiers, net_days)
    year = _check_year(year)
    net = _on_net(method, on_net)
    return tuple(
        _step(options[a], options[b], method, year, on_net=net)
        for a in range(len(options))
        for b in range(a + 1, len(options))
    )


@frozen
class TierChoice:
    """The payment option a payer with a given cost of funds should choose.

    ``percent`` is 0 when the best choice is to pay at the net day. ``steps`` are the
    marginal steps compared, from the latest option backwards.

    >>> best_tier(((3, 8), (2, 14)), 30, Decimal("0.50"))
    TierChoice(day=8, percent=Decimal('3'), steps=...)
    """

    day: int
    percent: Decimal
    steps: tuple[TierStep, ...]

    def to_frame(self) -> pd.DataFrame:
        """Return the steps compared, one row each (needs the ``[pandas]`` extra).

        Columns: ``early_day``, ``early_percent``, ``late_day``, ``late_percent``,
        ``days`` and ``annual_cost`` (the step's annualised rate, an exact Decimal).

        >>> table = best_tier(((3, 8), (2, 14)), 30, Decimal("0.50")).to_frame()
        >>> table[["early_day", "late_day", "days"]]
           early_day  late_day  days
        0         14        30    16
        1          8        30    22
        """
        steps = self.steps
        return frame(
            "TierChoice.to_frame",
            {
                "early_day": [s.early_day for s in steps],
                "early_percent": [s.early_percent for s in steps],
                "late_day": [s.late_day for s in steps],
                "late_percent": [s.late_percent for s in steps],
                "days": [s.days for s in steps],
                "annual_cost": [s.annual_cost for s in steps],
            },
        )

    def _repr_html_(self) -> str | None:
        return frame_html(self)


@in_context
def best_tier(
    tiers: Sequence[tuple[Decimal | int | str, int]],
    net_days: int,
    cost_of_capital: Decimal | int | str,
    *,
    method: RateMethod = RateMethod.SIMPLE,
    year: int = 365,
    on_net: bool | None = None,
) -> TierChoice:
    """Return the option (tier or net day) a payer with *cost_of_capital* should choose.

    Starting from the net day, an earlier option replaces the current choice when the
    marginal cost of waiting from it to the current choice is above the cost of
    capital (ties keep the later day). Under compound rates this is the option of lowest
    present cost.

    >>> best_tier(((3, 8), (2, 14)), 30, Decimal("0.48")).day      # 8 -> 30 costs 51.31 %
    8
    >>> best_tier(((3, 8), (2, 14)), 30, Decimal("0.52")).day      # more than every step
    30
    >>> best_tier(((3, 8), (Decimal("2.5"), 14)), 30, Decimal("0.40")).day
    14
    """
    method = _check_method(method)
    options = _tiers(tiers, net_days)
    rate = _annual_rate(cost_of_capital, "cost_of_capital")
    year = _check_year(year)
    net = _on_net(method, on_net)
    chosen = options[-1]
    compared: list[TierStep] = []
    for option in reversed(options[:-1]):
        step = _step(option, chosen, method, year, on_net=net)
        compared.append(step)
        if step.annual_cost > rate:
            chosen = option
    return TierChoice(day=chosen[1], percent=chosen[0], steps=tuple(compared))


# --------------------------------------------------------------------------- portfolio


@frozen
class DiscountOffer:
    """A seller's yearly figures with and without a discount offer (ACCA style).

    Receivables are ``sales × days / year``; financing is receivables × rate; the
    discount offer moves the ``take_up`` share of sales (by value) to ``discount_days``
    and costs ``discounts`` = that share × percent. ``net_benefit`` = financing saved -
    discounts; the offer is ``advisable`` when it is positive.

    >>> offer = discount_offer(Decimal("600000"), 1, 10, 30, Decimal("0.5"), Decimal("0.105"),
    ...                        year=360)
    >>> offer.financing_after + offer.discounts                     # familybusinessspecialist
    Decimal('6500.00')
    """

    receivables_before: Decimal
    financing_before: Decimal
    receivables_after: Decimal
    financing_after: Decimal
    discounts: Decimal
    net_benefit: Decimal
    advisable: bool


@in_context
def discount_offer(
    sales: Decimal | int | str,
    percent: Decimal | int | str,
    discount_days: int,
    collection_days: int,
    take_up: Decimal | int | str,
    rate: Decimal | int | str,
    *,
    year: int = 365,
    currency: str = "EUR",
    rounding: str = DEFAULT_ROUNDING,
) -> DiscountOffer:
    """Return the seller's financing and discount figures with and without the offer.

    *sales* are the credit sales of a year collected today after *collection_days*
    (the days customers actually take, not the contractual term); *take_up* is the
    share of sales by value (a fraction) that will pay within *discount_days* to earn
    *percent*. Financing is simple interest at *rate* on the average receivables.
    Amounts are rounded once each to *currency*.

    >>> # ACCA FM workbook, "Early settlement discount": 20 % of $50m take 1 % in 7 days
    >>> offer = discount_offer(Decimal("50000000"), 1, 7, 57, Decimal("0.2"), Decimal("0.06"))
    >>> offer.financing_before, offer.financing_after, offer.discounts, offer.advisable
    (Decimal('468493.15'), Decimal('386301.37'), Decimal('100000.00'), False)
    """
    total = to_amount(sales, "sales")
    check_rounding(rounding)
    if total < 0:
        raise InvalidArgument("sales", sales, "non-negative sales")
    d = _discount_fraction(percent)
    early = check_int(discount_days, "discount_days", minimum=0)
    late = check_int(collection_days, "collection_days", minimum=0)
    if early >= late:
        raise InvalidArgument("discount_days", early, f"fewer days than collection_days={late}")
    share = to_decimal(take_up, "take_up")
    if not _ZERO <= share <= _ONE:
        raise InvalidArgument("take_up", take_up, "a share of sales between 0 and 1")
    r = _annual_rate(rate, "rate")
    year = _check_year(year)
    before = total * late / year
    after = (total * share * early + total * (_ONE - share) * late) / year
    financing_before = quantize(before * r, currency, rounding=rounding)
    financing_after = quantize(after * r, currency, rounding=rounding)
    discounts = quantize(total * share * d, currency, rounding=rounding)
    benefit = financing_before - financing_after - discounts
    return DiscountOffer(
        receivables_before=quantize(before, currency, rounding=rounding),
        financing_before=financing_before,
        receivables_after=quantize(after, currency, rounding=rounding),
        financing_after=financing_after,
        discounts=discounts,
        net_benefit=benefit,
        advisable=benefit > 0,
    )

"""Contractual late charges: an agreed rate, a late fee, a damages clause, fees per reminder.

Beside the statutory interest and compensation of :mod:`payterms.law`, a contract (or
the seller's general terms) may set its own charges for late payment. Each is a value
here that computes its amount for a claim exactly; :class:`Charges` groups the clauses
of one contract and turns them into dated :class:`Charge` items, rounded to the
currency's minor unit when they are billed:

* :class:`ContractRate`: an agreed rate per year or per month, accrued per day (simple
  interest) or charged in full for every started month ("1 % per started month").
* :class:`LateFee`: a flat fee, once per late invoice.
* :class:`DamagesClause`: a percentage of the unpaid amount with a minimum and a maximum
  (the Belgian and French "clause pénale", such as "10 % with a minimum of EUR 50").
* :class:`MinimumCharge`: the interest charged on a late invoice is at least this sum.
* :class:`DunningFees`: a fee per reminder level (level 1 is the first reminder).
* :class:`Grace`: days after the due date before anything is charged, either as a
  threshold (paid within the grace days: nothing; later: everything from the due date)
  or as a deductible (the grace days are never charged); Dynamics 365 users read a grace
  period both ways (user_demand.md B41), so the mode is explicit.

Grace days are a contractual concession: they delay the contractual charges (and an
agreed rate), not the statutory interest and compensation, which run by law from the
day after the due date. :func:`payterms.law.check_charges` compares the clauses with the
statutory floors and caps of a jurisdiction.

>>> from datetime import date
>>> from decimal import Decimal
>>> terms = Charges(rate=ContractRate(Decimal("0.01"), per=RatePeriod.MONTH,
...                                   accrual=Accrual.PER_STARTED_MONTH),
...                 late_fee=Decimal("15"), damages=DamagesClause(Decimal("10"), minimum=50))
>>> terms.rate.amount(Decimal("1000"), due=date(2026, 1, 31), until=date(2026, 3, 3))
Decimal('20.00')
>>> [(c.on, c.amount, c.kind.name) for c in terms.items(
...     Decimal("1000"), due=date(2026, 1, 31), until=date(2026, 3, 3))]
[(datetime.date(2026, 2, 1), Decimal('15.00'), 'LATE_FEE'),
 (datetime.date(2026, 2, 1), Decimal('100.00'), 'DAMAGES')]
"""

from __future__ import annotations

import datetime as _dt
import decimal
from collections.abc import Iterable
from decimal import Decimal
from enum import Enum
from typing import Any

from attrs import field, frozen

from payterms._checks import check_date, check_int, check_rounding, to_decimal
from payterms.calendars import BusinessCalendar, DayCount
from payterms.conventions import Accrual, RateAssumption, RateSegment, RateSource, RegimeRules
from payterms.errors import InvalidArgument, InvalidType
from payterms.interest import InterestResult, Payment, claim_rules, late_interest
from payterms.money import CONTEXT, DEFAULT_ROUNDING, quantize
from payterms.rules import add_months

__all__ = [
    "Charge",
    "ChargeKind",
    "Charges",
    "ContractRate",
    "DamagesClause",
    "DunningFees",
    "Grace",
    "GraceMode",
    "LateFee",
    "MinimumCharge",
    "RatePeriod",
    "started_months",
]

_ONE_DAY = _dt.timedelta(days=1)
_ZERO = Decimal(0)


class RatePeriod(Enum):
    """What an agreed rate is quoted per.

    >>> ContractRate(Decimal("0.01"), per=RatePeriod.MONTH).annual_rate
    Decimal('0.12')
    """

    YEAR = "year"
    """A rate per year, as a fraction (``Decimal("0.12")`` for 12 % a year)."""

    MONTH = "month"
    """A rate per month, as a fraction (``Decimal("0.01")`` for 1 % a month); twelve
    months make the year."""


class GraceMode(Enum):
    """How grace days after the due date count (user_demand.md B41: both readings occur).

    >>> Grace(15, GraceMode.DEDUCTIBLE).interest_due(_dt.date(2026, 1, 31))
    datetime.date(2026, 2, 15)
    """

    THRESHOLD = "threshold"
    """Paid within the grace days, nothing is charged; later, the charges run from the
    due date as if there were no grace (15 grace days, paid on day 20: 20 days charged)."""

    DEDUCTIBLE = "deductible"
    """The grace days are never charged: the agreed rate runs from the day after the last
    grace day (15 grace days, paid on day 20: 5 days charged)."""


class ChargeKind(Enum):
    """What a dated :class:`Charge` item is.

    >>> ChargeKind.DAMAGES.value
    'damages'
    """

    LATE_FEE = "late_fee"
    """The flat fee of a :class:`LateFee`."""

    DAMAGES = "damages"
    """The sum of a :class:`DamagesClause`."""

    DUNNING_FEE = "dunning_fee"
    """The fee of one reminder level (:class:`DunningFees`)."""

    MINIMUM = "minimum"
    """What a :class:`MinimumCharge` adds to the interest."""


def _non_negative(value: object, name: str) -> Decimal:
    amount = to_decimal(value, name)
    if amount < 0:
        raise InvalidArgument(name, value, "a non-negative amount")
    return amount


def _value(value: object) -> Decimal:
    return _non_negative(value, "value")


def _minimum(value: object) -> Decimal | None:
    return None if value is None else _non_negative(value, "minimum")


def _maximum(value: object) -> Decimal | None:
    return None if value is None else _non_negative(value, "maximum")


def _rate(value: object) -> Decimal:
    rate = to_decimal(value, "rate")
    if not 0 <= rate <= 1:
        raise InvalidArgument(
            "rate",
            value,
            "a rate as a fraction from 0 to 1, such as Decimal('0.01') for 1 % "
            "(payterms.rate_from_percent converts a percent)",
        )
    return rate


def _member(value: object, enum: type[Enum], name: str) -> None:
    if not isinstance(value, enum):
        raise InvalidArgument(name, value, f"a payterms.charges.{enum.__name__} member")


def _day_count(value: object) -> DayCount:
    if not isinstance(value, DayCount):
        raise InvalidArgument("day_count", value, "a payterms.DayCount member")
    return value


def _interest_days(due: object, until: object) -> tuple[_dt.date, _dt.date]:
    first = check_date(due, "due") + _ONE_DAY
    last = check_date(until, "until")
    if last < first - _ONE_DAY:
        raise InvalidArgument("until", until, f"a date on or after due={due!r}")
    return first, last


def started_months(first: _dt.date, last: _dt.date) -> int:
    """Return how many months counted from *first* have started on or before *last*.

    Month *k* starts on ``first`` + *k* calendar months (clamped to the month's end), so
    31 January starts its second month on 28 February (29 in a leap year).

    >>> started_months(_dt.date(2026, 1, 31), _dt.date(2026, 2, 27))
    1
    >>> started_months(_dt.date(2026, 1, 31), _dt.date(2026, 2, 28))
    2
    >>> started_months(_dt.date(2026, 2, 1), _dt.date(2026, 1, 31))
    0
    """
    if last < first:
        return 0
    k = (last.year - first.year) * 12 + last.month - first.month
    if add_months(first, k) > last:
        k -= 1
    return k + 1


@frozen
class ContractRate:
    """An agreed late-payment rate: *rate* (a fraction) *per* year or month, and its *accrual*.

    ``amount`` gives the exact interest on a debt that stays unpaid from the day after
    *due* up to and including *until*.

    >>> r = ContractRate(Decimal("0.12"), day_count=DayCount.THIRTY_360)
    >>> r.amount(Decimal("1000"), due=_dt.date(2026, 1, 15), until=_dt.date(2026, 2, 15))
    Decimal('10.00')
    >>> ContractRate(0.12)
    Traceback (most recent call last):
    payterms.errors.InvalidType: rate=0.12 has type float: expected a Decimal, int or str
    """

    rate: Decimal = field(converter=_rate)
    per: RatePeriod = field(default=RatePeriod.YEAR, kw_only=True)
    accrual: Accrual = field(default=Accrual.DAILY, kw_only=True)
    day_count: DayCount = field(default=DayCount.ACT_365_FIXED, converter=_day_count, kw_only=True)

    def __attrs_post_init__(self) -> None:
        _member(self.per, RatePeriod, "per")
        _member(self.accrual, Accrual, "accrual")

    @property
    def annual_rate(self) -> Decimal:
        """The nominal yearly rate: twelve times a monthly rate."""
        return self.rate * 12 if self.per is RatePeriod.MONTH else self.rate

    @property
    def monthly_rate(self) -> Decimal:
        """The rate of one month: a yearly rate divided by twelve.

        >>> ContractRate(Decimal("0.12")).monthly_rate
        Decimal('0.01')
        """
        if self.per is RatePeriod.MONTH:
            return self.rate
        return (self.rate / 12).normalize(CONTEXT) if self.rate else self.rate

    def rate_on(self, day: _dt.date) -> Decimal:
        """Return the annual rate on *day* (the same every day): ``late_interest(rate=...)``.

        A contract rate is a rate source for :func:`payterms.late_interest`, which takes
        its ``accrual`` and ``day_count`` with it.

        >>> ContractRate(Decimal("0.01"), per=RatePeriod.MONTH).rate_on(_dt.date(2026, 1, 1))
        Decimal('0.12')
        """
        check_date(day, "day")
        return self.annual_rate

    def rate_segments(self, start: _dt.date, stop: _dt.date) -> list[RateSegment]:
        """Return one stretch at the annual rate, noted with the clause's wording."""
        return [(start, self.annual_rate, None)]

    def describe(self) -> str:
        """Return the clause in words, such as ``'1 % per started month'``.

        >>> ContractRate(Decimal("0.095")).describe()
        '9.5 % a year'
        """
        percent = _plain(self.rate.scaleb(2))
        if self.accrual is Accrual.PER_STARTED_MONTH:
            if self.per is RatePeriod.YEAR:
                return f"{percent} % a year, charged per started month"
            return f"{percent} % per started month"
        return f"{percent} % a {self.per.value}"

    def period_interest(self, base: Decimal, first: _dt.date, last: _dt.date) -> Decimal:
        """Return the exact daily-accrual interest on *base* over interest days *first*..*last*.

        >>> ContractRate(Decimal("0.0365")).period_interest(
        ...     Decimal("1000"), _dt.date(2026, 2, 1), _dt.date(2026, 2, 10))
        Decimal('1.0000')
        """
        if last < first:
            return _ZERO
        dc = self.day_count
        with decimal.localcontext(CONTEXT):
            if dc is DayCount.ACT_ACT_ISDA:
                total = _ZERO
                cursor = first
                while cursor <= last:
                    end = min(last, _dt.date(cursor.year, 12, 31))
                    days = (end - cursor).days + 1
                    total += base * self.annual_rate * days / dc.year_length(cursor.year)
                    cursor = end + _ONE_DAY
                return +total
            days = dc.days(first - _ONE_DAY, last)
            return base * self.annual_rate * days / dc.year_length()

    def amount(self, debt: Decimal | int | str, *, due: _dt.date, until: _dt.date) -> Decimal:
        """Return the exact interest on *debt* unpaid from the day after *due* to *until*.

        >>> r = ContractRate(Decimal("0.015"), per=RatePeriod.MONTH,
        ...                  accrual=Accrual.PER_STARTED_MONTH)
        >>> r.amount(Decimal("1000"), due=_dt.date(2026, 1, 31), until=_dt.date(2026, 2, 1))
        Decimal('15.000')
        """
        base = _debt(debt)
        first, last = _interest_days(due, until)
        if self.accrual is Accrual.PER_STARTED_MONTH:
            with decimal.localcontext(CONTEXT):
                return base * self.monthly_rate * started_months(first, last)
        return self.period_interest(base, first, last)


def _plain(value: Decimal) -> str:
    """Return *value* without trailing zeros and without an exponent ("10", "9.5")."""
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _debt(value: object) -> Decimal:
    amount = to_decimal(value, "debt")
    if amount < 0:
        raise InvalidArgument("debt", value, "a non-negative amount")
    return amount


@frozen
class LateFee:
    """A flat fee charged once per late invoice.

    >>> LateFee(Decimal("15")).amount(Decimal("1000"))
    Decimal('15')
    """

    value: Decimal = field(converter=_value)

    def amount(self, debt: Decimal | int | str) -> Decimal:
        """Return the fee (the same for any late *debt*)."""
        _debt(debt)
        return self.value


def _percent(value: object) -> Decimal:
    percent = to_decimal(value, "percent")
    if not 0 <= percent <= 100:
        raise InvalidArgument(
            "percent", value, "a percent from 0 to 100, such as Decimal('10') for 10 %"
        )
    return percent


@frozen
class DamagesClause:
    """A damages clause: *percent* % of the unpaid amount, at least *minimum*, at most *maximum*.

    The Belgian and French "clause pénale" is often written "10 % of the unpaid amount,
    with a minimum of EUR 50". *percent* is written as the contract prints it (``10``
    for 10 %); the unpaid amount is the principal still owed on the first day charged.

    >>> clause = DamagesClause(Decimal("10"), minimum=Decimal("50"), maximum=Decimal("2000"))
    >>> [clause.amount(Decimal(d)) for d in ("300", "1234.56", "50000")]
    [Decimal('50'), Decimal('123.456'), Decimal('2000')]
    >>> DamagesClause(Decimal("10"), minimum=Decimal("60"), maximum=Decimal("50"))
    Traceback (most recent call last):
    payterms.errors.InvalidArgument: maximum=Decimal('50') is not accepted: expected ...
    """

    percent: Decimal = field(converter=_percent)
    minimum: Decimal | None = field(default=None, converter=_minimum, kw_only=True)
    maximum: Decimal | None = field(default=None, converter=_maximum, kw_only=True)

    def __attrs_post_init__(self) -> None:
        if self.minimum is not None and self.maximum is not None and self.maximum < self.minimum:
            raise InvalidArgument(
                "maximum", self.maximum, f"an amount of at least minimum={self.minimum!r}"
            )

    def amount(self, debt: Decimal | int | str) -> Decimal:
        """Return the clause's exact sum on *debt*, between its minimum and maximum."""
        base = _debt(debt)
        with decimal.localcontext(CONTEXT):
            value = base * self.percent / 100
        if self.minimum is not None:
            value = max(value, self.minimum)
        if self.maximum is not None:
            value = min(value, self.maximum)
        return value

    def describe(self) -> str:
        """Return the clause in words.

        >>> DamagesClause(Decimal("10"), minimum=Decimal("50")).describe()
        '10 % of the unpaid amount, minimum 50'
        """
        text = f"{_plain(self.percent)} % of the unpaid amount"
        if self.minimum is not None:
            text += f", minimum {self.minimum}"
        if self.maximum is not None:
            text += f", maximum {self.maximum}"
        return text


@frozen
class MinimumCharge:
    """The interest charged on a late invoice is at least *value* (a "minimum finance charge").

    ``amount`` is what must be added to the interest to reach the minimum.

    >>> MinimumCharge(Decimal("5")).amount(Decimal("3.20")), MinimumCharge(5).amount(8)
    (Decimal('1.80'), Decimal('0'))
    """

    value: Decimal = field(converter=_value)

    def amount(self, interest: Decimal | int | str) -> Decimal:
        """Return what tops *interest* up to the minimum (zero when it already reaches it)."""
        charged = to_decimal(interest, "interest")
        if charged < 0:
            raise InvalidArgument("interest", interest, "a non-negative amount")
        return max(_ZERO, self.value - charged)


def _fees(value: object) -> tuple[Decimal, ...]:
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        raise InvalidType("fees", value, "a sequence of amounts, one per reminder level")
    fees = tuple(_non_negative(fee, f"fees[{i}]") for i, fee in enumerate(value))
    if not fees:
        raise InvalidArgument("fees", fees, "at least one fee")
    return fees


@frozen
class DunningFees:
    """A fee per reminder level: ``fees[0]`` for the first reminder, ``fees[1]`` the second.

    Reminders past the last level given carry no fee.

    >>> fees = DunningFees((Decimal("0"), Decimal("5"), Decimal("10")))
    >>> fees.fee(1), fees.fee(3), fees.fee(4), fees.amount(3)
    (Decimal('0'), Decimal('10'), Decimal('0'), Decimal('15'))
    """

    fees: tuple[Decimal, ...] = field(converter=_fees)

    def fee(self, level: int) -> Decimal:
        """Return the fee of reminder *level* (1 = the first reminder)."""
        level = check_int(level, "level", minimum=1)
        return self.fees[level - 1] if level <= len(self.fees) else _ZERO

    def amount(self, levels: int) -> Decimal:
        """Return the fees of the first *levels* reminders."""
        levels = check_int(levels, "levels", minimum=0)
        return sum(self.fees[:levels], _ZERO)


def _grace_days(value: object) -> int:
    return check_int(value, "days", minimum=0)


@frozen
class Grace:
    """*days* after the due date before the contractual charges apply, counted by *mode*.

    >>> g = Grace(15)
    >>> g.chargeable(_dt.date(2026, 1, 31), _dt.date(2026, 2, 15)), g.interest_due(
    ...     _dt.date(2026, 1, 31))
    (False, datetime.date(2026, 1, 31))
    """

    days: int = field(converter=_grace_days)
    mode: GraceMode = GraceMode.THRESHOLD

    def __attrs_post_init__(self) -> None:
        _member(self.mode, GraceMode, "mode")

    def chargeable(self, due: _dt.date, until: _dt.date) -> bool:
        """Return whether a debt due on *due* and unpaid on *until* has passed the grace days."""
        return check_date(until, "until") > check_date(due, "due") + _dt.timedelta(self.days)

    def interest_due(self, due: _dt.date) -> _dt.date:
        """Return the date the agreed rate counts from: *due*, or the last grace day."""
        due = check_date(due, "due")
        if self.mode is GraceMode.DEDUCTIBLE:
            return due + _dt.timedelta(self.days)
        return due

    def first_day(self, due: _dt.date) -> _dt.date:
        """Return the first day a charge can be due: the day after the last grace day."""
        return check_date(due, "due") + _dt.timedelta(self.days + 1)


def _on(value: object) -> _dt.date:
    return check_date(value, "on")


def _charge_amount(value: object) -> Decimal:
    return _non_negative(value, "amount")


@frozen
class Charge:
    """One dated charge item of a claim: *amount* (rounded) due from *on*, of *kind*.

    >>> Charge(_dt.date(2026, 2, 1), Decimal("15.00"), ChargeKind.LATE_FEE, "late fee")
    Charge(on=datetime.date(2026, 2, 1), amount=Decimal('15.00'), kind=<ChargeKind.LATE_FEE: \
'late_fee'>, label='late fee')
    """

    on: _dt.date = field(converter=_on)
    amount: Decimal = field(converter=_charge_amount)
    kind: ChargeKind
    label: str

    def __attrs_post_init__(self) -> None:
        _member(self.kind, ChargeKind, "kind")
        if not isinstance(self.label, str):
            raise InvalidType("label", self.label, "a str")


def _is_amount(value: object) -> bool:
    return isinstance(value, (Decimal, int, str)) and not isinstance(value, bool)


def _contract_rate(value: object) -> ContractRate | None:
    if value is None or isinstance(value, ContractRate):
        return value
    raise InvalidType("rate", value, "a payterms.ContractRate or None")


def _late_fee(value: object) -> LateFee | None:
    if value is None or isinstance(value, LateFee):
        return value
    if _is_amount(value):
        return LateFee(value)
    raise InvalidType("late_fee", value, "a payterms.LateFee, an amount or None")


def _damages(value: object) -> DamagesClause | None:
    if value is None or isinstance(value, DamagesClause):
        return value
    raise InvalidType("damages", value, "a payterms.DamagesClause or None")


def _minimum_charge(value: object) -> MinimumCharge | None:
    if value is None or isinstance(value, MinimumCharge):
        return value
    if _is_amount(value):
        return MinimumCharge(value)
    raise InvalidType("minimum", value, "a payterms.MinimumCharge, an amount or None")


def _dunning(value: object) -> DunningFees | None:
    if value is None or isinstance(value, DunningFees):
        return value
    return DunningFees(value)


def _grace(value: object) -> Grace:
    if isinstance(value, Grace):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return Grace(value)
    raise InvalidType("grace", value, "a payterms.charges.Grace or a number of days")


@frozen(kw_only=True)
class Charges:
    """The late-payment clauses of one contract; ``None`` where the contract has none.

    *late_fee* and *minimum* also take a plain amount, *grace* a number of days
    (a threshold), *dunning_fees* a sequence of fees.

    >>> c = Charges(late_fee=Decimal("15"), grace=10, dunning_fees=(0, 5, 10))
    >>> c.late_fee, c.grace
    (LateFee(value=Decimal('15')), Grace(days=10, mode=<GraceMode.THRESHOLD: 'threshold'>))
    """

    rate: ContractRate | None = field(default=None, converter=_contract_rate)
    late_fee: LateFee | None = field(default=None, converter=_late_fee)
    damages: DamagesClause | None = field(default=None, converter=_damages)
    minimum: MinimumCharge | None = field(default=None, converter=_minimum_charge)
    dunning_fees: DunningFees | None = field(default=None, converter=_dunning)
    grace: Grace = field(default=Grace(0), converter=_grace)

    def items(
        self,
        debt: Decimal | int | str,
        *,
        due: _dt.date,
        until: _dt.date,
        reminders: Iterable[_dt.date] = (),
        interest: Decimal | int | str | None = 0,
        currency: str = "EUR",
        rounding: str = DEFAULT_ROUNDING,
    ) -> tuple[Charge, ...]:
        """Return the charge items on *debt*, due on *due* and unpaid on *until*, in date order.

        *debt* is the principal unpaid on the first day charged (the base of a damages
        clause); *reminders* are the days reminders were sent, level 1 first (those
        after *until* are not counted); *interest* is the interest charged, which a
        minimum charge tops up (an item dated *until*; ``None`` leaves the minimum out).
        Nothing is charged before the grace days have passed, nor when nothing is
        unpaid. Each item is rounded to *currency* with *rounding*. :meth:`claim` puts
        the items in a claim.

        >>> c = Charges(dunning_fees=(0, 5), minimum=Decimal("10"))
        >>> [(str(i.on), i.amount, i.label) for i in c.items(
        ...     Decimal("500"), due=_dt.date(2026, 1, 31), until=_dt.date(2026, 3, 31),
        ...     reminders=(_dt.date(2026, 2, 2), _dt.date(2026, 2, 16)),
        ...     interest=Decimal("3.25"))]
        [('2026-02-02', Decimal('0.00'), 'reminder 1 fee'),
         ('2026-02-16', Decimal('5.00'), 'reminder 2 fee'),
         ('2026-03-31', Decimal('6.75'), 'minimum charge')]
        """
        base = _debt(debt)
        due = check_date(due, "due")
        until = check_date(until, "until")
        if until < due:
            raise InvalidArgument("until", until, f"a date on or after due={due!r}")
        sent = _reminder_days(reminders)
        charged = None if interest is None else to_decimal(interest, "interest")
        check_rounding(rounding)
        if not self.grace.chargeable(due, until) or not base:
            return ()  # not late yet, or nothing unpaid when the charges would fall due
        start = self.grace.first_day(due)

        def r(value: Decimal) -> Decimal:
            return quantize(value, currency, rounding=rounding)

        out: list[Charge] = []
        if self.late_fee is not None:
            out.append(
                Charge(start, r(self.late_fee.amount(base)), ChargeKind.LATE_FEE, "late fee")
            )
        if self.damages is not None:
            out.append(
                Charge(start, r(self.damages.amount(base)), ChargeKind.DAMAGES, "damages clause")
            )
        if self.dunning_fees is not None:
            for level, day in enumerate(sent, start=1):
                if day <= until:
                    fee = self.dunning_fees.fee(level)
                    out.append(Charge(day, r(fee), ChargeKind.DUNNING_FEE, f"reminder {level} fee"))
        if self.minimum is not None and charged is not None:
            top_up = r(self.minimum.amount(charged))
            if top_up:
                out.append(Charge(until, top_up, ChargeKind.MINIMUM, "minimum charge"))
        return tuple(sorted(out, key=lambda c: c.on))

    def claim(
        self,
        principal: Decimal | int | str,
        *,
        due: _dt.date,
        until: _dt.date,
        regime: RegimeRules | str | None = None,
        payments: Iterable[Payment] = (),
        reminders: Iterable[_dt.date] = (),
        currency: str | None = None,
        assume: RateAssumption | None = None,
        calendar: BusinessCalendar | None = None,
        rounding: str = DEFAULT_ROUNDING,
        compensation_from: _dt.date | None = None,
    ) -> InterestResult:
        """Return the claim on *principal* under this contract: interest, compensation, charges.

        :func:`payterms.late_interest` up to *until*, with the agreed rate (if any) in
        place of the statutory one (within the regime's floor or cap), and the charge
        items of :meth:`items` settled with the costs. The grace days delay the agreed
        rate and the charges: with :attr:`GraceMode.DEDUCTIBLE` the agreed rate runs from
        the day after the last grace day; with :attr:`GraceMode.THRESHOLD` nothing
        contractual is charged when the payments credited within the grace days reach the
        principal. The damages clause is taken on the principal still owed on the first
        day charged. A minimum charge tops the interest up at *until*. The statutory
        compensation and a statutory rate are not affected by the contract;
        *compensation_from* is passed on to :func:`~payterms.late_interest`.

        >>> from payterms.interest import Payment
        >>> terms = Charges(rate=ContractRate(Decimal("0.01"), per=RatePeriod.MONTH,
        ...                                   accrual=Accrual.PER_STARTED_MONTH),
        ...                 late_fee=Decimal("15"))
        >>> res = terms.claim(Decimal("1000"), due=_dt.date(2025, 1, 31),
        ...                   until=_dt.date(2025, 3, 15), regime="BE",
        ...                   payments=[Payment(_dt.date(2025, 2, 20), Decimal("500"))])
        >>> res.interest, res.compensation, res.charges, res.total_outstanding
        (Decimal('15.10'), Decimal('40.00'), Decimal('15.00'), Decimal('570.10'))
        """
        due = check_date(due, "due")
        until = check_date(until, "until")
        pays = tuple(payments)
        options: dict[str, Any] = {
            "regime": regime,
            "assume": assume,
            "calendar": calendar,
            "rounding": rounding,
        }
        last_options = {**options, "compensation_from": compensation_from}
        cur = currency or claim_rules(regime=regime, rate=_ZERO, currency=currency).currency
        options["currency"] = cur
        grace = self.grace
        last_grace = due + _dt.timedelta(days=grace.days)
        rate: RateSource | Decimal | None = self.rate
        within = sum((p.amount for p in pays if p.date <= last_grace), _ZERO)
        forgiven = (
            grace.days > 0
            and grace.mode is GraceMode.THRESHOLD
            and within >= to_decimal(principal, "principal")
        )
        if self.rate is not None and grace.days:
            if forgiven:
                rate = _ZERO
            elif grace.mode is GraceMode.DEDUCTIBLE:
                rate = _FromDay(self.rate, last_grace + _ONE_DAY)
        if rate is None and regime is None:
            rate = _ZERO  # neither a statute nor a contract sets a rate
        items: tuple[Charge, ...] = ()
        late = False  # something unpaid when the charges fall due
        if not forgiven and grace.chargeable(due, until):
            first = grace.first_day(due)
            before = first - _ONE_DAY
            debt = late_interest(
                principal,
                due=due,
                until=before,
                rate=rate,
                payments=[p for p in pays if p.date <= before],
                **options,
            ).principal_outstanding
            late = debt > 0
            items = self.items(
                debt, due=due, until=until, reminders=reminders, interest=None,
                currency=cur, rounding=rounding,
            )  # fmt: skip
        last_options["currency"] = cur
        res = late_interest(
            principal, due=due, until=until, rate=rate, payments=pays, charges=items, **last_options
        )
        if self.minimum is not None and late:
            top_up = quantize(self.minimum.amount(res.interest), cur, rounding=rounding)
            if top_up:
                extra = Charge(until, top_up, ChargeKind.MINIMUM, "minimum charge")
                res = late_interest(
                    principal,
                    due=due,
                    until=until,
                    rate=rate,
                    payments=pays,
                    charges=(*items, extra),
                    **last_options,
                )
        return res


@frozen
class _FromDay:
    """An agreed rate from *day* on and none before it (the grace days of a deductible)."""

    source: ContractRate
    day: _dt.date

    @property
    def accrual(self) -> Accrual:
        return self.source.accrual

    @property
    def day_count(self) -> DayCount:
        return self.source.day_count

    def rate_on(self, day: _dt.date) -> Decimal:
        return _ZERO if day < self.day else self.source.rate_on(day)

    def rate_segments(self, start: _dt.date, stop: _dt.date) -> list[RateSegment]:
        if stop <= self.day:
            return [(start, _ZERO, None)]
        if start >= self.day:
            return self.source.rate_segments(start, stop)
        return [(start, _ZERO, None), *self.source.rate_segments(self.day, stop)]


def _reminder_days(value: object) -> tuple[_dt.date, ...]:
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        raise InvalidType("reminders", value, "a sequence of dates, level 1 first")
    days = tuple(check_date(d, f"reminders[{i}]") for i, d in enumerate(value))
    for i in range(1, len(days)):
        if days[i] <= days[i - 1]:
            raise InvalidArgument(
                f"reminders[{i}]", days[i], f"a day after the previous reminder {days[i - 1]}"
            )
    return days

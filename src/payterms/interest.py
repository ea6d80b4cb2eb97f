"""Late interest: periods split at rate changes, day counts, compounding, partial payments.

:func:`late_interest` computes the interest (and the fixed recovery compensation) on a
late invoice, either under a statutory regime from :mod:`payterms.law` (which brings its
published rate table and its rules) or at a contractual rate, fixed or "reference table
+ margin". The interest runs on each *interest day*: from the day after the due date up
to and including the payment day (the NL and UK rule, art. 6:119a BW and the Late
Payment Act 1998; :attr:`PaymentDay.EXCLUDED` leaves the payment day out). Each line
of the result is one stretch of days at one rate on one base, its interest exact. The
claim itself is kept in the currency's minor unit: the interest accrued up to a payment is
rounded when the payment is credited, and the payment then settles costs, interest and
principal in cents (as the debtor's ledger and the creditor's letter show them), so every
result adds up exactly: principal + interest + compensation + charges - paid = outstanding.

The rules that differ between countries are enum members on the regime, each of which
a caller may override: :class:`~payterms.conventions.RateSplit` (split at 1 January /
1 July or one rate fixed at the start), :class:`~payterms.conventions.Compounding`
(Dutch yearly compounding), :class:`~payterms.conventions.PaymentDay`,
:class:`~payterms.conventions.Imputation` (which debt a partial payment settles first)
and the :class:`~payterms.calendars.DayCount`. They live in :mod:`payterms.conventions`,
below this engine and below :mod:`payterms.law`, which does not import this module.

More information: Directive 2011/7/EU arts. 2-6; each regime module of
:mod:`payterms.law` cites its statutes, and docs/late-interest.md compares the rules.

>>> from datetime import date
>>> from decimal import Decimal
>>> res = late_interest(Decimal("10000"), due=date(2024, 3, 31), until=date(2024, 7, 14),
...                     regime="BE")
>>> res.interest, res.compensation
(Decimal('359.59'), Decimal('40.00'))
>>> [(p.start, p.end, p.days, p.rate) for p in res.periods]
[(datetime.date(2024, 4, 1), datetime.date(2024, 7, 14), 105, Decimal('0.125'))]
>>> late_interest(Decimal("1000"), due=date(2026, 1, 31), until=date(2026, 3, 2),
...               rate=Decimal("0.08")).interest
Decimal('6.58')
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable
from decimal import ROUND_HALF_EVEN, Decimal
from enum import Enum
from typing import TYPE_CHECKING, Protocol, TypedDict

from attrs import evolve, field, frozen

from payterms._checks import check_amount, check_date, check_rounding, to_decimal, year_limit
from payterms._extras import frame, frame_html
from payterms._upcalls import upcall
from payterms.calendars import Adjustment, BusinessCalendar, DayCount
from payterms.conventions import Accrual as Accrual
from payterms.conventions import Compensation, RegimeRules
from payterms.conventions import Compounding as Compounding
from payterms.conventions import Imputation as Imputation
from payterms.conventions import PaymentDay as PaymentDay
from payterms.conventions import RateAssumption as RateAssumption
from payterms.conventions import RateSegment as RateSegment
from payterms.conventions import RateSource as RateSource
from payterms.conventions import RateSplit as RateSplit
from payterms.errors import InvalidArgument, InvalidType
from payterms.limits import MAX_YEAR
from payterms.money import (
    CONTEXT,
    DEFAULT_ROUNDING,
    EXACT_DIGITS,
    allocate,
    exact_to_unit,
    round_to_unit,
    smallest_unit,
)
from payterms.rules import add_months

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "Balance",
    "ClaimLedger",
    "ClaimRules",
    "Cost",
    "FixedRate",
    "InterestOptions",
    "InterestPeriod",
    "InterestResult",
    "Payment",
    "Stretch",
    "accrue",
    "claim_interest",
    "claim_rules",
    "impute",
    "interest_result",
    "late_interest",
    "rate_periods",
]
# The vocabulary (RateSplit, Compounding, PaymentDay, Imputation, RateAssumption,
# RateSource, RateSegment) lives in payterms.conventions, below this engine and the law;
# the names above stay importable from here as the same objects.

_ONE_DAY = _dt.timedelta(days=1)
_LAST_SAFE = _dt.date(MAX_YEAR, 12, 29)
_ZERO = Decimal(0)
_ACTUAL = frozenset({DayCount.ACT_365_FIXED, DayCount.ACT_360, DayCount.ACT_ACT_ISDA})
_EXACT = f"at most {EXACT_DIGITS} digits down to the minor unit (the precision computed exactly)"


def _percent(rate: Decimal) -> str:
    return str(rate.scaleb(2).normalize())


def _percent2(rate: Decimal) -> str:
    return f"{rate.scaleb(2):.2f}"


@frozen
class FixedRate:
    """A contractual annual rate that never changes, as a fraction (0.095 for 9.5 %).

    >>> FixedRate(Decimal("0.095")).rate_on(_dt.date(2026, 1, 1))
    Decimal('0.095')
    """

    rate: Decimal

    def rate_on(self, day: _dt.date) -> Decimal:
        """Return the rate (the same on every day)."""
        return self.rate

    def rate_segments(self, start: _dt.date, stop: _dt.date) -> list[RateSegment]:
        """Return one stretch at the fixed rate."""
        return [(start, self.rate, None)]


def _payment_amount(value: object) -> Decimal:
    amount = to_decimal(value, "amount")
    if amount <= 0:
        raise InvalidArgument("amount", value, "a positive amount")
    return amount


def _payment_date(value: object) -> _dt.date:
    return check_date(value, "date")


@frozen
class Payment:
    """A partial (or final) payment of *amount*, credited to the creditor on *date*.

    A transfer counts when the money is credited (CJEU C-306/06, 01051 Telecom).

    >>> Payment(_dt.date(2024, 9, 1), Decimal("4000"))
    Payment(date=datetime.date(2024, 9, 1), amount=Decimal('4000'))
    >>> Payment(_dt.date(2024, 9, 1), 40.0)
    Traceback (most recent call last):
    payterms.errors.InvalidType: amount=40.0 has type float: expected a Decimal, int or str
    """

    date: _dt.date = field(converter=_payment_date)
    amount: Decimal = field(converter=_payment_amount)


@frozen
class InterestPeriod:
    """One stretch of interest days at one annual *rate* (a fraction) on one *base*.

    *start* and *end* are the first and last interest days (both included); *days* is
    their count under the day-count convention; *interest* is exact (not rounded);
    *amount* is the line's share of the claim's interest in the minor unit (the interest
    rounded at a payment spread over the lines since the last one by largest remainder),
    so the lines' amounts add up to the claim's ``interest``.

    >>> from datetime import date
    >>> late_interest(Decimal("3650"), due=date(2026, 1, 31), until=date(2026, 2, 10),
    ...               rate=Decimal("0.10")).periods
    (InterestPeriod(start=datetime.date(2026, 2, 1), end=datetime.date(2026, 2, 10), days=10,
                    rate=Decimal('0.10'), base=Decimal('3650'), interest=Decimal('10.00'),
                    amount=Decimal('10.00')),)
    """

    start: _dt.date
    end: _dt.date
    days: int
    rate: Decimal
    base: Decimal
    interest: Decimal
    amount: Decimal = _ZERO


@frozen
class InterestResult:
    """The interest, compensation and charges of a late invoice, line by line, to the cent.

    ``interest`` is the interest that accrued over the whole claim, in the currency's
    minor unit: the interest accrued up to each payment is rounded when the payment is
    credited (and at each Dutch anniversary, when it joins the principal), the rest at
    the end; ``interest_exact`` is the unrounded sum of the lines. ``compensation`` is the
    fixed recovery compensation (EUR 40 under Directive 2011/7/EU art. 6); ``charges``
    are the contractual charges of the claim (:class:`payterms.charges.Charges`); ``paid``
    is the sum of the payments. The ``*_outstanding`` amounts are what remains due on
    ``until`` after the payments, imputed in cents in the regime's order, so that exactly
    ``principal + interest + compensation + charges - paid == total_outstanding`` and
    ``interest_paid + interest_outstanding == interest``. ``assumptions`` lists every choice
    the law does not make (day count, payment day, a derived or carried-forward rate) that
    the result rests on.

    >>> from datetime import date
    >>> res = late_interest(Decimal("1000"), due=date(2026, 1, 31), until=date(2026, 3, 2),
    ...                     rate=Decimal("0.08"), payments=(Payment(date(2026, 2, 15), 500),))
    >>> res.interest, res.interest_paid, res.principal_outstanding, res.interest_outstanding
    (Decimal('4.94'), Decimal('3.29'), Decimal('503.29'), Decimal('1.65'))
    """

    currency: str
    interest: Decimal
    compensation: Decimal
    periods: tuple[InterestPeriod, ...]
    assumptions: tuple[str, ...]
    principal_outstanding: Decimal
    interest_outstanding: Decimal
    compensation_outstanding: Decimal
    interest_exact: Decimal
    charges: Decimal = _ZERO
    charges_outstanding: Decimal = _ZERO
    paid: Decimal = _ZERO

    @property
    def total_outstanding(self) -> Decimal:
        """Return principal, interest, compensation and charges still due on ``until``."""
        return (
            self.principal_outstanding
            + self.interest_outstanding
            + self.compensation_outstanding
            + self.charges_outstanding
        )

    @property
    def interest_paid(self) -> Decimal:
        """Return the interest the payments settled: ``interest - interest_outstanding``."""
        return self.interest - self.interest_outstanding

    def to_frame(self) -> pd.DataFrame:
        """Return the periods as a pandas DataFrame, one row each (needs ``[pandas]``).

        Columns: ``start``, ``end`` (interest days, both included), ``days``, ``rate``
        (annual, a fraction), ``base`` and ``interest`` (exact Decimals; the result's
        ``interest`` is their sum rounded once).

        >>> from datetime import date
        >>> late_interest(Decimal("3650"), due=date(2026, 1, 31), until=date(2026, 2, 10),
        ...               rate=Decimal("0.10")).to_frame()[["days", "rate", "interest"]]
           days  rate interest
        0    10  0.10    10.00
        """
        return frame(
            "InterestResult.to_frame",
            {
                "start": [p.start for p in self.periods],
                "end": [p.end for p in self.periods],
                "days": [p.days for p in self.periods],
                "rate": [p.rate for p in self.periods],
                "base": [p.base for p in self.periods],
                "interest": [p.interest for p in self.periods],
            },
        )

    def _repr_html_(self) -> str | None:
        return frame_html(self)

    def explain(self) -> str:
        """Return the claim as text: one line per period, the totals, then the assumptions.

        >>> from datetime import date
        >>> res = late_interest(Decimal("10000"), due=date(2023, 6, 20), until=date(2023, 8, 31),
        ...                     regime="DE", day_count=DayCount.ACT_365_FIXED,
        ...                     payment_day=PaymentDay.INCLUDED)
        >>> print(res.explain())
        2023-06-21 to 2023-06-30   10 days at 10.62 % on 10000.00 = 29.10
        2023-07-01 to 2023-08-31   62 days at 12.12 % on 10000.00 = 205.87
        interest 234.97 EUR (rounded at each payment), compensation 40.00 EUR
        outstanding: principal 10000.00, interest 234.97, compensation 40.00, total 10274.97
        - the EUR 40 Pauschale is credited against damages for legal costs (§ 288(5) BGB)
        """
        unit = smallest_unit(self.currency)
        lines = [
            f"{p.start} to {p.end} {p.days:4d} days at {_percent2(p.rate)} % on "
            f"{round_to_unit(p.base, unit, ROUND_HALF_EVEN)} = {p.amount}"
            for p in self.periods
        ]
        charged = f", charges {self.charges} {self.currency}" if self.charges else ""
        lines.append(
            f"interest {self.interest} {self.currency} (rounded at each payment), compensation "
            f"{self.compensation} {self.currency}{charged}"
        )
        if self.paid:
            costs = self.compensation - self.compensation_outstanding
            costs += self.charges - self.charges_outstanding
            principal = self.paid - self.interest_paid - costs
            lines.append(
                f"paid {self.paid}: interest {self.interest_paid}, costs {costs}, "
                f"principal {principal}"
            )
        owed_charges = (
            f", charges {self.charges_outstanding}"
            if self.charges or self.charges_outstanding
            else ""
        )
        lines.append(
            f"outstanding: principal {self.principal_outstanding}, interest "
            f"{self.interest_outstanding}, compensation {self.compensation_outstanding}"
            f"{owed_charges}, total {self.total_outstanding}"
        )
        lines.extend(f"- {note}" for note in self.assumptions)
        return "\n".join(lines)


def _anniversary(first: _dt.date, years: int) -> _dt.date:
    try:
        return first.replace(year=first.year + years)
    except ValueError:  # 29 February: a full year ends on 28 February
        return _dt.date(first.year + years, 3, 1)


def _check_enum(value: object, enum: type[Enum], name: str) -> None:
    if not isinstance(value, enum):
        raise InvalidArgument(name, value, f"a payterms.interest.{enum.__name__} member")


def _rate_argument(rate: object) -> RateSource:
    if rate is None:
        raise InvalidArgument("rate", rate, "a rate or a regime")
    if isinstance(rate, (Decimal, int, str, float)) and not isinstance(rate, bool):
        value = to_decimal(rate, "rate")
        if not 0 <= value <= 1:
            raise InvalidArgument(
                "rate",
                rate,
                "an annual rate as a fraction from 0 to 1, such as Decimal('0.08') for 8 % "
                "(payterms.rate_from_percent converts a percent)",
            )
        return FixedRate(value)
    if hasattr(rate, "rate_segments") and hasattr(rate, "rate_on"):
        return rate
    raise InvalidType(
        "rate", rate, "a Decimal annual rate or a rate source (payterms.law.TableRate)"
    )


def _bounded(
    segments: list[RateSegment],
    bound: RateSource,
    start: _dt.date,
    stop: _dt.date,
    *,
    floor: bool,
    what: str,
) -> list[RateSegment]:
    """Return *segments* with each rate raised to (floor) or capped at the bound."""
    limits = bound.rate_segments(start, stop)
    cuts = sorted({s[0] for s in segments} | {s[0] for s in limits})
    out: list[RateSegment] = []
    i = j = 0
    for cut in cuts:
        while i + 1 < len(segments) and segments[i + 1][0] <= cut:
            i += 1
        while j + 1 < len(limits) and limits[j + 1][0] <= cut:
            j += 1
        own, limit = segments[i][1], limits[j][1]
        if (floor and limit > own) or (not floor and limit < own):
            note = (
                f"agreed rate {_percent(own)} % replaced by the {what} of {_percent(limit)} % "
                f"from {cut}"
            )
            out.append((cut, limit, note))
        else:
            out.append((cut, own, segments[i][2]))
    return out


# ----------------------------------------------------------------- step 1: the rules


class InterestOptions(TypedDict, total=False):
    """The keyword options of :func:`late_interest`, for functions that pass them on.

    :func:`payterms.batch.late_interest_many` takes ``**options: Unpack[InterestOptions]``
    and resolves them once with :func:`claim_rules`; each key means what the keyword of
    the same name means for :func:`late_interest`.

    >>> options: InterestOptions = {"regime": "BE", "currency": "EUR"}
    >>> claim_rules(**options).imputation
    <Imputation.INTEREST_PRINCIPAL_COSTS: 'interest_principal_costs'>
    """

    regime: RegimeRules | str | None
    rate: Decimal | int | str | RateSource | None
    day_count: DayCount | None
    payment_day: PaymentDay | None
    rate_split: RateSplit | None
    compounding: Compounding | None
    imputation: Imputation | None
    assume: RateAssumption | None
    compensation: Decimal | int | str | None
    calendar: BusinessCalendar | None
    currency: str | None
    rounding: str
    accrual: Accrual | None


@frozen(kw_only=True)
class ClaimRules:
    """The rules of a claim, resolved once from the options of :func:`late_interest`.

    *source* gives the annual rate of each day (the regime's table, or the agreed rate
    within the regime's *floor* and *cap*); *compensation* is the regime's fixed
    compensation rule and *fixed_compensation* a sum the caller set instead; *accrual*
    says how the rate turns into interest (per day, or per started month); *notes* are
    the conventions the law leaves open that the caller did not set; *due_adjustment*
    moves a due date that is not a business day of *calendar* (DE, § 193 BGB).

    >>> rules = claim_rules(rate=Decimal("0.08"))
    >>> rules.day_count, rules.unit
    (<DayCount.ACT_365_FIXED: 'ACT/365F'>, Decimal('0.01'))
    """

    source: RateSource
    day_count: DayCount
    payment_day: PaymentDay
    rate_split: RateSplit
    compounding: Compounding
    imputation: Imputation
    currency: str
    rounding: str = DEFAULT_ROUNDING
    floor: RateSource | None = None
    cap: RateSource | None = None
    compensation: Compensation | None = None
    fixed_compensation: Decimal | None = None
    notes: tuple[str, ...] = ()
    due_adjustment: Adjustment = Adjustment.UNADJUSTED
    due_adjustment_source: str = ""
    calendar: BusinessCalendar | None = None
    accrual: Accrual = Accrual.DAILY

    @property
    def unit(self) -> Decimal:
        """Return the minor unit the amounts are rounded to."""
        return smallest_unit(self.currency)


def claim_rules(
    *,
    regime: RegimeRules | str | None = None,
    rate: Decimal | int | str | RateSource | None = None,
    day_count: DayCount | None = None,
    payment_day: PaymentDay | None = None,
    rate_split: RateSplit | None = None,
    compounding: Compounding | None = None,
    imputation: Imputation | None = None,
    assume: RateAssumption | None = None,
    compensation: Decimal | int | str | None = None,
    calendar: BusinessCalendar | None = None,
    currency: str | None = None,
    rounding: str = DEFAULT_ROUNDING,
    accrual: Accrual | None = None,
) -> ClaimRules:
    """Return the rules of a claim: the first step of :func:`late_interest`.

    Each argument means what it means for :func:`late_interest`; a regime code is looked
    up, every argument is checked, and the regime's defaults fill what the caller left
    out. An agreed rate that carries its own ``accrual`` and ``day_count`` (a
    :class:`payterms.ContractRate`) brings them, unless *accrual* or *day_count* is
    given. A caller computing many claims under the same options
    (``late_interest_many``, an account statement) resolves them once.

    >>> from payterms.law import regime
    >>> claim_rules(regime=regime("NL")).compounding
    <Compounding.ANNUAL: 'annual'>
    >>> claim_rules(rate=Decimal("8"))
    Traceback (most recent call last):
    payterms.errors.InvalidArgument: rate=Decimal('8') is not accepted: expected an annual ...
    """
    rules: RegimeRules | None
    if isinstance(regime, str):
        lookup = upcall("payterms.law", "regime")  # the law sits above this engine
        rules = lookup(regime)
    elif regime is None or hasattr(regime, "rate_source"):
        rules = regime
    else:
        raise InvalidType("regime", regime, "a payterms.law.Regime or a code such as 'NL'")
    if calendar is not None and not isinstance(calendar, BusinessCalendar):
        raise InvalidType("calendar", calendar, "a payterms.BusinessCalendar")
    for name, value, enum in (
        ("day_count", day_count, DayCount),
        ("payment_day", payment_day, PaymentDay),
        ("rate_split", rate_split, RateSplit),
        ("compounding", compounding, Compounding),
        ("imputation", imputation, Imputation),
        ("assume", assume, RateAssumption),
        ("accrual", accrual, Accrual),
    ):
        if value is not None:
            _check_enum(value, enum, name)
    own_accrual = getattr(rate, "accrual", None)
    how = accrual or (own_accrual if isinstance(own_accrual, Accrual) else Accrual.DAILY)
    own_day_count = getattr(rate, "day_count", None)
    if day_count is None and isinstance(own_day_count, DayCount):
        day_count = own_day_count
    fixed: Decimal | None = None
    if compensation is not None:
        fixed = to_decimal(compensation, "compensation")
        if fixed < 0:
            raise InvalidArgument("compensation", compensation, "a non-negative amount")
    if rules is None:
        cur = currency or "EUR"
        smallest_unit(cur)
        return ClaimRules(
            source=_rate_argument(rate),
            day_count=day_count or DayCount.ACT_365_FIXED,
            payment_day=payment_day or PaymentDay.INCLUDED,
            rate_split=rate_split or RateSplit.SPLIT,
            compounding=compounding or Compounding.NONE,
            imputation=imputation or Imputation.INTEREST_PRINCIPAL_COSTS,
            currency=cur,
            rounding=check_rounding(rounding),
            fixed_compensation=fixed,
            calendar=calendar,
            accrual=how,
        )
    overridden = {
        "rate": rate,
        "day_count": day_count,
        "payment_day": payment_day,
        "rate_split": rate_split,
        "compounding": compounding,
        "imputation": imputation,
    }
    cur = currency or rules.currency
    smallest_unit(cur)
    return ClaimRules(
        source=rules.rate_source(assume) if rate is None else _rate_argument(rate),
        day_count=day_count or rules.day_count,
        payment_day=payment_day or rules.payment_day,
        rate_split=rate_split or rules.rate_split,
        compounding=compounding or rules.compounding,
        imputation=imputation or rules.imputation,
        currency=cur,
        rounding=check_rounding(rounding),
        floor=rules.minimum_rate if rate is not None else None,
        cap=rules.maximum_rate if rate is not None else None,
        compensation=rules.compensation,
        fixed_compensation=fixed,
        notes=tuple(note for topic, note in rules.silent if overridden.get(topic) is None),
        due_adjustment=rules.due_adjustment,
        due_adjustment_source=rules.due_adjustment_source,
        calendar=calendar,
        accrual=how,
    )


# --------------------------------------------------------------- step 2: the periods


@frozen
class Stretch:
    """Interest days from *start* up to the day before *stop*, at one annual *rate*.

    *capitalise* says that a full year of interest ends with this stretch
    (:attr:`~payterms.conventions.Compounding.ANNUAL`): its unpaid interest joins the
    base before the next one.

    >>> Stretch(_dt.date(2026, 2, 1), _dt.date(2026, 3, 1), Decimal("0.08")).stop
    datetime.date(2026, 3, 1)
    """

    start: _dt.date
    stop: _dt.date
    rate: Decimal
    capitalise: bool = False


def rate_periods(
    rules: ClaimRules, first: _dt.date, stop: _dt.date, *, cuts: Iterable[_dt.date] = ()
) -> tuple[tuple[Stretch, ...], tuple[str, ...]]:
    """Return the stretches of interest days ``[first, stop)`` and the notes on their rates.

    The second step of :func:`late_interest`. A stretch ends where the rate changes (at
    each change with :attr:`~payterms.conventions.RateSplit.SPLIT`, never with
    ``FIXED_AT_START``), where an agreed rate meets the regime's floor or cap, on each
    anniversary of *first* with annual compounding, on 1 January with ACT/ACT ISDA, and
    on each day of *cuts* (the days after which a payment counts).

    >>> rules = claim_rules(regime="DE")
    >>> stretches, notes = rate_periods(rules, _dt.date(2023, 6, 21), _dt.date(2023, 9, 1))
    >>> [(s.start, s.rate) for s in stretches]
    [(datetime.date(2023, 6, 21), Decimal('0.1062')),
     (datetime.date(2023, 7, 1), Decimal('0.1212'))]
    """
    source = rules.source
    if rules.rate_split is RateSplit.FIXED_AT_START:
        _, seg_rate, seg_note = source.rate_segments(first, first + _ONE_DAY)[0]
        segments: list[RateSegment] = [(first, seg_rate, seg_note)]
    else:
        segments = source.rate_segments(first, stop)
    if rules.floor is not None:
        segments = _bounded(
            segments, rules.floor, first, stop, floor=True, what="statutory minimum"
        )
    if rules.cap is not None:
        segments = _bounded(segments, rules.cap, first, stop, floor=False, what="statutory maximum")
    notes = tuple(note for _, _, note in segments if note is not None)
    points: set[_dt.date] = {s[0] for s in segments[1:]}
    points.update(d for d in cuts if d < stop)
    anniversaries: set[_dt.date] = set()
    if rules.compounding is Compounding.ANNUAL:
        n = 1
        while (ann := _anniversary(first, n)) < stop:
            anniversaries.add(ann)
            n += 1
        points |= anniversaries
    if rules.day_count is DayCount.ACT_ACT_ISDA:
        points.update(_dt.date(y, 1, 1) for y in range(first.year + 1, stop.year + 1))
    points.discard(first)
    rate_from = {start: rate for start, rate, _ in segments}
    day_rate = segments[0][1]
    cursor = first
    stretches = []
    for cut in (*sorted(points), stop):
        day_rate = rate_from.get(cursor, day_rate)
        stretches.append(Stretch(cursor, cut, day_rate, cut in anniversaries))
        cursor = cut
    return tuple(stretches), notes


# --------------------------------------------------------------- step 3: the accrual


def accrue(
    base: Decimal, rate: Decimal, start: _dt.date, stop: _dt.date, day_count: DayCount
) -> tuple[int, Decimal]:
    """Return the interest days of ``[start, stop)`` and the exact interest on *base*.

    The third step of :func:`late_interest`: ``base x rate x days / year`` in the
    package's working context, *days* and *year* as *day_count* counts them (ACT/ACT
    ISDA: the year of *start*; a stretch never spans 1 January).

    >>> accrue(Decimal("3650"), Decimal("0.10"), _dt.date(2026, 2, 1), _dt.date(2026, 2, 11),
    ...        DayCount.ACT_365_FIXED)
    (10, Decimal('10.00'))
    """
    days, year = _days_and_year(start, stop, day_count)
    interest = CONTEXT.divide(CONTEXT.multiply(CONTEXT.multiply(base, rate), days), year)
    return days, interest


def _days_and_year(start: _dt.date, stop: _dt.date, day_count: DayCount) -> tuple[int, int]:
    """Return the interest days of ``[start, stop)`` and the days of their year."""
    if day_count in _ACTUAL:
        days = (stop - start).days
    else:
        days = day_count.days(start - _ONE_DAY, stop - _ONE_DAY)
    by_year = day_count is DayCount.ACT_ACT_ISDA
    return days, day_count.year_length(start.year if by_year else None)


# ------------------------------------------------------------ step 4: the imputation


@frozen
class Balance:
    """What a debtor owes at one moment of a claim.

    *base* bears interest: the principal plus the interest *capitalised* into it (and
    still unpaid); *running* is the interest accrued since the last capitalisation and
    unpaid; *costs* the fixed compensation unpaid; *charges* the contractual charges
    unpaid (:class:`payterms.charges.Charges`), which a payment settles with the costs,
    after the compensation.

    >>> Balance(Decimal("100"), capitalised=Decimal("5")).principal
    Decimal('95')
    """

    base: Decimal
    capitalised: Decimal = _ZERO
    running: Decimal = _ZERO
    costs: Decimal = _ZERO
    charges: Decimal = _ZERO

    @property
    def principal(self) -> Decimal:
        """Return the principal still owed."""
        return CONTEXT.subtract(self.base, self.capitalised)

    @property
    def interest(self) -> Decimal:
        """Return the interest still owed (capitalised or running)."""
        return CONTEXT.add(self.capitalised, self.running)

    @property
    def total(self) -> Decimal:
        """Return everything still owed: principal, interest, compensation and charges."""
        return CONTEXT.add(
            CONTEXT.add(self.base, self.running), CONTEXT.add(self.costs, self.charges)
        )

    def accrued(self, interest: Decimal) -> Balance:
        """Return this balance with *interest* more running."""
        running = CONTEXT.add(self.running, interest)
        return Balance(self.base, self.capitalised, running, self.costs, self.charges)

    def charged(self, amount: Decimal) -> Balance:
        """Return this balance with a contractual charge of *amount* more."""
        charges = CONTEXT.add(self.charges, amount)
        return Balance(self.base, self.capitalised, self.running, self.costs, charges)

    def capitalise(self) -> Balance:
        """Return this balance with the running interest added to the base (a year ends)."""
        return Balance(
            CONTEXT.add(self.base, self.running),
            CONTEXT.add(self.capitalised, self.running),
            _ZERO,
            self.costs,
            self.charges,
        )


def impute(balance: Balance, amount: Decimal, order: Imputation | None) -> tuple[Balance, Decimal]:
    """Return *balance* after a payment of *amount*, and the part of it left over.

    The fourth step of :func:`late_interest`. The payment settles the debts in *order*
    (``None``: a payment credited before the claim is late settles principal only);
    interest goes to the capitalised interest first, then to the running interest; costs
    to the fixed compensation first, then to the contractual charges.

    >>> owed = Balance(Decimal("1000"), running=Decimal("6"), costs=Decimal("40"))
    >>> impute(owed, Decimal("50"), Imputation.COSTS_INTEREST_PRINCIPAL)
    (Balance(base=Decimal('996'), capitalised=Decimal('0'), running=Decimal('0'),
             costs=Decimal('0'), charges=Decimal('0')), Decimal('0'))
    """
    base, capitalised, running, costs, charges = (
        balance.base,
        balance.capitalised,
        balance.running,
        balance.costs,
        balance.charges,
    )
    left = amount
    for step in ("principal",) if order is None else order.order:
        if step == "costs":
            take = min(left, costs)
            costs = CONTEXT.subtract(costs, take)
            left = CONTEXT.subtract(left, take)
            take = min(left, charges)
            charges = CONTEXT.subtract(charges, take)
        elif step == "interest":
            take = min(left, capitalised)
            capitalised = CONTEXT.subtract(capitalised, take)
            base = CONTEXT.subtract(base, take)
            left = CONTEXT.subtract(left, take)
            take = min(left, running)
            running = CONTEXT.subtract(running, take)
        else:
            take = min(left, CONTEXT.subtract(base, capitalised))
            base = CONTEXT.subtract(base, take)
        left = CONTEXT.subtract(left, take)
    return Balance(base, capitalised, running, costs, charges), left


# ---------------------------------------------------------------- step 5: the result


def interest_result(
    rules: ClaimRules,
    balance: Balance,
    *,
    interest: Decimal,
    compensation: Decimal,
    periods: Iterable[InterestPeriod],
    notes: Iterable[str],
    until: _dt.date,
    interest_exact: Decimal | None = None,
    charges: Decimal = _ZERO,
    paid: Decimal = _ZERO,
) -> InterestResult:
    """Return the claim's result, every amount in the minor unit.

    The last step of :func:`late_interest`: *interest* is the interest of the claim
    (rounded at each payment by :func:`claim_interest`; rounded here if it is not yet),
    *interest_exact* the unrounded sum of the periods (*interest* when not given),
    *compensation* the fixed compensation due, *charges* the contractual charges, *paid*
    the payments, *balance* what is owed on *until*. An amount beyond
    :data:`~payterms.money.EXACT_DIGITS` digits down to the minor unit is refused rather
    than rounded from the noise of the working precision.

    >>> interest_result(claim_rules(rate=Decimal("0.08")), Balance(Decimal("100")),
    ...                 interest=Decimal("1.005"), compensation=Decimal(0), periods=(),
    ...                 notes=(), until=_dt.date(2026, 1, 1)).interest
    Decimal('1.01')
    """
    unit, rounding = rules.unit, rules.rounding
    exact = interest if interest_exact is None else interest_exact
    amounts = (interest, exact, balance.base, balance.running, compensation, charges, paid)
    if not all(exact_to_unit(v, unit) for v in amounts):
        raise InvalidArgument("until", until, f"a claim whose amounts have {_EXACT}")

    def r(value: Decimal) -> Decimal:
        return round_to_unit(value, unit, rounding)

    return InterestResult(
        currency=rules.currency,
        interest=r(interest),
        compensation=r(compensation),
        periods=tuple(periods),
        assumptions=tuple(dict.fromkeys(notes)),
        principal_outstanding=r(balance.principal),
        interest_outstanding=r(balance.interest),
        compensation_outstanding=r(balance.costs),
        interest_exact=CONTEXT.plus(exact),
        charges=r(charges),
        charges_outstanding=r(balance.charges),
        paid=r(paid),
    )


# ---------------------------------------------------------------- the steps together


def late_interest(
    principal: Decimal | int | str,
    *,
    due: _dt.date,
    until: _dt.date,
    regime: RegimeRules | str | None = None,
    rate: Decimal | int | str | RateSource | None = None,
    payments: Iterable[Payment] = (),
    day_count: DayCount | None = None,
    payment_day: PaymentDay | None = None,
    rate_split: RateSplit | None = None,
    compounding: Compounding | None = None,
    imputation: Imputation | None = None,
    assume: RateAssumption | None = None,
    compensation: Decimal | int | str | None = None,
    calendar: BusinessCalendar | None = None,
    currency: str | None = None,
    rounding: str = DEFAULT_ROUNDING,
    accrual: Accrual | None = None,
    charges: Iterable[Cost] = (),
    compensation_from: _dt.date | None = None,
) -> InterestResult:
    """Return the late interest and compensation on *principal*, due on *due*, up to *until*.

    Interest days run from the day after *due* up to and including *until* (the last
    day of the claim, usually the day the balance was credited); *payments* credited
    earlier reduce what bears interest from the day after each payment. *regime* (a
    :class:`payterms.law.Regime` or its code, e.g. ``"NL"``) brings the statutory rate
    table and the rules; *rate* is a contractual annual rate as a fraction (a Decimal
    such as ``Decimal("0.08")`` for 8 %, like every annual rate in payterms; a value
    above 1 is refused as a percent), or a :class:`payterms.law.TableRate` for
    "reference rate + margin"; it takes the
    place of the statutory rate, within the regime's floor or cap (FR: at least three
    times the legal rate). Without a regime the conventions are simple interest,
    ACT/365 (fixed), payment day included, split at rate changes, interest before
    principal, and no compensation. Each of *day_count*, *payment_day*, *rate_split*,
    *compounding* and *imputation* overrides the regime's default. *compensation*
    overrides the fixed compensation (``0`` waives it). With a *calendar*, a due date
    that is not a business day is first moved as the regime says (DE: to the next
    working day, § 193 BGB); without one, a German due date on a weekend is reported in
    ``assumptions``.

    The claim is kept in the minor unit of *currency* (the regime's, else EUR): the
    interest accrued up to a payment is rounded with *rounding* when the payment is
    credited, before the payment settles costs, interest and principal in the regime's
    order, and the rest at the end; the fixed compensation is rounded when it falls due.
    So ``principal + interest + compensation + charges - paid`` is exactly
    ``total_outstanding``. *accrual* charges a full month's rate per started month
    instead of interest per day (an agreed clause; a
    :class:`~payterms.charges.ContractRate` passed as *rate* brings its own). *charges*
    are dated contractual charges (:meth:`payterms.Charges.items`, or any values with
    ``on`` and ``amount``), owed from their day and settled with the costs, after the
    compensation; :meth:`payterms.Charges.claim` builds them from a contract's clauses.
    *compensation_from* is the day the fixed compensation falls due when the law makes it
    wait (a consumer's 14-day letter, NL art. 6:96 lid 6 BW): before it a payment cannot
    settle it, and a claim that ends earlier has none.

    The computation runs in named steps that other functions reuse: :func:`claim_rules`
    (the rules, resolved once), :func:`rate_periods` (the stretches of days at one
    rate), :func:`accrue` (the interest of a stretch), :func:`impute` (a payment against
    the debts) and :func:`interest_result` (the rounding); :func:`claim_interest` runs
    them for one claim.

    Raises:
        InvalidArgument: *until* before *due*, a negative principal or rate, a payment
            or a charge after *until*, or payments exceeding what is owed.
        InvalidType: a float amount or rate, a datetime for a date.
        UnknownRegime: an unknown regime code.
        RateNotPublished: a day past the last published rate, unless *assume* is given.

    >>> from datetime import date
    >>> from payterms.law import regime as law_regime
    >>> res = late_interest(Decimal("1000"), due=date(2023, 6, 20), until=date(2023, 8, 31),
    ...                     regime=law_regime("DE", contract_date=date(2023, 1, 1)))
    >>> [(p.days, p.rate) for p in res.periods]
    [(10, Decimal('0.1062')), (62, Decimal('0.1212'))]
    >>> late_interest(Decimal("100"), due=date(2024, 1, 10), until=date(2024, 1, 5),
    ...               rate=Decimal("0.08"))
    Traceback (most recent call last):
    payterms.errors.InvalidArgument: until=datetime.date(2024, 1, 5) is not accepted: ...

    """
    rules = claim_rules(
        regime=regime,
        rate=rate,
        day_count=day_count,
        payment_day=payment_day,
        rate_split=rate_split,
        compounding=compounding,
        imputation=imputation,
        assume=assume,
        compensation=compensation,
        calendar=calendar,
        currency=currency,
        rounding=rounding,
        accrual=accrual,
    )
    return claim_interest(
        rules,
        principal,
        due=due,
        until=until,
        payments=payments,
        charges=charges,
        compensation_from=compensation_from,
    )


def claim_interest(
    rules: ClaimRules,
    principal: Decimal | int | str,
    *,
    due: _dt.date,
    until: _dt.date,
    payments: Iterable[Payment] = (),
    charges: Iterable[Cost] = (),
    compensation_from: _dt.date | None = None,
) -> InterestResult:
    """Return the late interest on *principal*, due on *due*, up to *until*, under *rules*.

    :func:`late_interest` with its options resolved beforehand (:func:`claim_rules`):
    the steps :func:`rate_periods`, :func:`accrue`, :func:`impute` and
    :func:`interest_result`, run for one claim by a :class:`ClaimLedger`. The interest
    accrued up to each payment (and up to each Dutch anniversary) is rounded to the
    minor unit there, so the payment is imputed in cents.

    >>> rules = claim_rules(rate=Decimal("0.08"))
    >>> claim_interest(rules, Decimal("1000"), due=_dt.date(2026, 1, 31),
    ...                until=_dt.date(2026, 3, 2)).interest
    Decimal('6.58')
    """
    due = check_date(due, "due")
    until = check_date(until, "until")
    if until < due:
        raise InvalidArgument("until", until, f"a date on or after due={due!r}")
    if until > _LAST_SAFE:  # periods are counted up to two days past `until`
        raise year_limit("until", until, "interest periods that end")
    ledger = ClaimLedger(
        rules, principal, due=due, charges=charges, compensation_from=compensation_from
    )
    ledger.check_charges(until)
    for payment in _payments(payments, until, rules.unit, rules.rounding):
        ledger.pay(payment)
    return ledger.result(until)


class ClaimLedger:
    """One claim computed as time passes: payments imputed as they are credited.

    The steps of :func:`late_interest` run incrementally, so that what the claim owes
    can be asked on a day (:meth:`owed`) before the next payment is known: an account
    statement allocates each payment by what every invoice owes on the day it is credited.
    Payments must come in date order. :func:`claim_interest` is a ledger fed with every
    payment and closed on *until*, so both give the same figures. With ``lines=False``
    the ledger keeps no period lines (its result then has none): faster, for a caller
    that only asks what is owed.

    >>> ledger = ClaimLedger(claim_rules(rate=Decimal("0.0365")), Decimal("1000"),
    ...                      due=_dt.date(2026, 1, 31))
    >>> ledger.owed(_dt.date(2026, 2, 10))
    Decimal('1001.00')
    >>> ledger.pay(Payment(_dt.date(2026, 2, 10), Decimal("501.00")))
    >>> ledger.result(_dt.date(2026, 2, 20)).total_outstanding
    Decimal('500.50')
    """

    def __init__(
        self,
        rules: ClaimRules,
        principal: Decimal | int | str,
        *,
        due: _dt.date,
        charges: Iterable[Cost] = (),
        compensation_from: _dt.date | None = None,
        lines: bool = True,
    ) -> None:
        amount = (
            check_amount(principal, "principal")
            if type(principal) is Decimal and principal.is_finite()
            else to_decimal(principal, "principal")
        )
        if amount < 0:
            raise InvalidArgument("principal", principal, "a non-negative amount")
        due = check_date(due, "due")
        unit = rules.unit
        if not exact_to_unit(amount, unit):
            raise InvalidArgument("principal", principal, f"an amount of {_EXACT}")
        if round_to_unit(amount, unit, rules.rounding) != amount:
            raise InvalidArgument("principal", principal, f"an amount in whole {unit} units")
        if compensation_from is not None:
            compensation_from = check_date(compensation_from, "compensation_from")
        self.rules = rules
        self.principal = amount
        self.notes = list(rules.notes)
        self.given_due = due
        if rules.due_adjustment is not Adjustment.UNADJUSTED:
            law = rules.due_adjustment_source
            if rules.calendar is not None:
                moved = rules.calendar.adjust(due, rules.due_adjustment)
                if moved != due:
                    self.notes.append(f"due date {due} moved to {moved}, a business day ({law})")
                    due = moved
            elif due.weekday() >= 5:
                self.notes.append(
                    f"due date {due} is a {due:%A}: {law} moves it to the next working day "
                    "(pass calendar= to apply it)"
                )
        self.due = due
        self.first = due + _ONE_DAY
        self.shift = _ONE_DAY if rules.payment_day is PaymentDay.INCLUDED else _dt.timedelta(0)
        self.costs = _costs(charges, None, unit, rules.rounding)
        self.next_cost = 0
        self.compensation_from = compensation_from
        self.waiting = _ZERO
        self.balance = Balance(amount)
        self.paid = _ZERO
        self.late = False
        self.fixed = _ZERO
        self.cursor = self.first  # the first interest day not accrued yet
        self.pending: dict[int, Decimal] = {}  # numerators since the last rounding, by year
        self.total = _ZERO
        self.exact = _ZERO
        self.periods: list[InterestPeriod] = []
        self.spread_from = 0
        self.capitalised_on: set[_dt.date] = set()
        self.months: frozenset[_dt.date] = frozenset()
        self.anniversaries: frozenset[_dt.date] = frozenset()
        self.lines = lines  # keep the period lines (not needed to know what is owed)

    def copy(self) -> ClaimLedger:
        """Return an independent copy of this ledger."""
        twin = object.__new__(ClaimLedger)
        twin.__dict__.update(self.__dict__)
        twin.notes = list(self.notes)
        twin.pending = dict(self.pending)
        twin.periods = list(self.periods)
        twin.capitalised_on = set(self.capitalised_on)
        return twin

    def check_charges(self, until: _dt.date) -> None:
        """Refuse a charge dated after *until*, naming it."""
        for i, (day, amount) in enumerate(self.costs):
            if day > until:
                raise InvalidArgument(
                    f"charges[{i}]", (day, amount), f"a charge due by until={until!r}"
                )

    # -- the steps ----------------------------------------------------------------

    def _enter_late(self) -> None:
        """Mark the claim late from its first interest day: the compensation falls due."""
        if self.late:
            return
        self.late = True
        rules = self.rules
        if self.balance.base <= 0:
            return
        fixed = _ZERO
        if rules.fixed_compensation is not None:
            fixed = rules.fixed_compensation
        elif rules.compensation is not None:
            fixed = rules.compensation.amount(self.balance.base)
            self.notes.extend(rules.compensation.conditions)
        self.fixed = round_to_unit(fixed, rules.unit, rules.rounding)
        if self.compensation_from is not None and self.compensation_from > self.first:
            self.waiting = self.fixed
        else:
            self.balance = evolve(self.balance, costs=self.fixed)

    def _add_costs(self, through: _dt.date) -> None:
        """Add the charges (and a waiting compensation) due on or before *through*."""
        due_from = self.compensation_from
        if self.waiting and due_from is not None and due_from <= through:
            self.balance = evolve(self.balance, costs=CONTEXT.add(self.balance.costs, self.waiting))
            self.waiting = _ZERO
        while self.next_cost < len(self.costs) and self.costs[self.next_cost][0] <= through:
            self.balance = self.balance.charged(self.costs[self.next_cost][1])
            self.next_cost += 1

    def _settle(self) -> None:
        """Round the interest accrued since the last rounding into the balance."""
        rules = self.rules
        accrued = _ZERO
        for year, numerator in self.pending.items():
            accrued = CONTEXT.add(accrued, CONTEXT.divide(numerator, year))
        self.pending = {}
        rounded = round_to_unit(accrued, rules.unit, rules.rounding)
        lines = self.periods[self.spread_from :] if self.lines else []
        if rounded and len(lines) == 1:  # the usual case: one stretch since the last payment
            p = lines[0]
            self.periods[-1] = InterestPeriod(
                p.start, p.end, p.days, p.rate, p.base, p.interest, rounded
            )
        elif rounded and any(p.interest for p in lines):
            shares = allocate(rounded, [p.interest for p in lines], rules.currency)
            for i, share in enumerate(shares, start=self.spread_from):
                p = self.periods[i]
                self.periods[i] = InterestPeriod(
                    p.start, p.end, p.days, p.rate, p.base, p.interest, share
                )
        self.balance = self.balance.accrued(rounded)
        self.total = CONTEXT.add(self.total, rounded)
        self.spread_from = len(self.periods)

    def _capitalise(self, day: _dt.date) -> None:
        """Add a year's interest to the base, in cents, when the year ends on *day*."""
        if day in self.anniversaries and day not in self.capitalised_on:
            self.capitalised_on.add(day)
            self._settle()
            self.balance = self.balance.capitalise()

    def _advance(self, stop: _dt.date) -> None:
        """Accrue the interest days from the cursor up to the day before *stop*."""
        if stop <= self.cursor:
            return
        self._enter_late()
        rules = self.rules
        if self.balance.base <= 0:
            self.cursor = stop
            return
        monthly = rules.accrual is Accrual.PER_STARTED_MONTH
        if monthly:
            months = set(self.months)
            n = len(months)
            while (start := add_months(self.first, n)) < stop:
                months.add(start)
                n += 1
            self.months = frozenset(months)
        cuts = (self.cursor, *(m for m in self.months if self.cursor < m < stop))
        stretches, rate_notes = rate_periods(rules, self.first, stop, cuts=cuts)
        self.notes.extend(rate_notes)
        if rules.compounding is Compounding.ANNUAL:
            self.anniversaries = self.anniversaries | {s.stop for s in stretches if s.capitalise}
        for stretch in stretches:
            if stretch.start < self.cursor:
                continue
            self._capitalise(stretch.start)
            base = self.balance.base
            if base > 0 and stretch.stop > stretch.start:
                days, year = _days_and_year(stretch.start, stretch.stop, rules.day_count)
                if monthly:  # a full month's rate on the base when a month starts
                    numerator = (
                        CONTEXT.multiply(base, stretch.rate)
                        if (stretch.start in self.months)
                        else _ZERO
                    )
                    year = 12
                else:
                    numerator = CONTEXT.multiply(CONTEXT.multiply(base, stretch.rate), days)
                self.pending[year] = CONTEXT.add(self.pending.get(year, _ZERO), numerator)
                if not self.lines:
                    continue
                interest = CONTEXT.divide(numerator, year)
                self.exact = CONTEXT.add(self.exact, interest)
                self.periods.append(
                    InterestPeriod(
                        stretch.start,
                        stretch.stop - _ONE_DAY,
                        days,
                        stretch.rate,
                        base,
                        interest,
                        round_to_unit(_ZERO, rules.unit, rules.rounding),
                    )
                )
        self.cursor = stop

    # -- what the owner asks --------------------------------------------------------

    def pay(self, payment: Payment) -> None:
        """Impute *payment* (credited on or after every earlier one) against the claim."""
        if not isinstance(payment, Payment):
            raise InvalidType("payment", payment, "a payterms.Payment")
        cut = payment.date + self.shift
        if self.first < self.cursor and cut < self.cursor:
            raise InvalidArgument(
                "payment",
                payment,
                f"a payment credited on or after {self.cursor - self.shift} (payments in date "
                "order, none before a day the ledger was asked about)",
            )
        if cut <= self.first and not self.late:
            order: Imputation | None = None  # before the claim is late: principal only
            self._add_costs(payment.date)
        else:
            self._advance(cut)
            self._enter_late()
            self._capitalise(cut)
            self._settle()
            self._add_costs(payment.date)
            order = self.rules.imputation
        self.balance, left = impute(self.balance, payment.amount, order)
        if left > 0:
            raise InvalidArgument(
                "payments", payment, f"payments that do not exceed what is owed ({left} too much)"
            )
        self.paid = CONTEXT.add(self.paid, payment.amount)

    def owed(self, day: _dt.date) -> Decimal:
        """Return everything the claim owes on *day* (included), in the minor unit.

        The result is what :func:`late_interest` gives for a claim ending on *day*; asking
        leaves the ledger as it was (a twin without period lines accrues up to *day* and is
        closed there), so its lines stay those of :func:`late_interest`.
        """
        day = check_date(day, "day")
        if day > _LAST_SAFE:  # periods are counted up to two days past the day
            raise year_limit("day", day, "interest periods that end")
        twin = object.__new__(ClaimLedger)
        twin.__dict__.update(self.__dict__)
        twin.lines = False  # the twin keeps no lines: it shares the period list, untouched
        twin.notes = []
        twin.pending = dict(self.pending)
        twin.capitalised_on = set(self.capitalised_on)
        twin._close(day)
        return twin.balance.total

    def _close(self, until: _dt.date) -> None:
        if until > self.due:
            self._advance(max(until + self.shift, self.first))
            self._enter_late()
        self._settle()
        self._add_costs(until)

    def result(self, until: _dt.date) -> InterestResult:
        """Return the claim's result on *until* (this ledger is closed on it)."""
        until = check_date(until, "until")
        if until > _LAST_SAFE:  # periods are counted up to two days past `until`
            raise year_limit("until", until, "interest periods that end")
        self._close(until)
        return interest_result(
            self.rules,
            self.balance,
            interest=self.total,
            compensation=self.fixed if not self.waiting else _ZERO,
            periods=self.periods,
            notes=self.notes,
            until=until,
            interest_exact=self.exact,
            charges=sum((amount for _, amount in self.costs), _ZERO),
            paid=self.paid,
        )


def _payments(
    payments: Iterable[Payment], until: _dt.date, unit: Decimal, rounding: str
) -> list[Payment]:
    """Return *payments* sorted by date, checked to be Payments in cents credited by *until*."""
    given_payments: object = payments  # a str is iterable, and no payments
    try:
        if isinstance(given_payments, (str, bytes)):
            raise TypeError(given_payments)
        given = tuple(payments)
    except TypeError:
        raise InvalidType("payments", payments, "an iterable of payterms.Payment") from None
    pays = sorted(
        (p if isinstance(p, Payment) else _not_payment(i, p) for i, p in enumerate(given)),
        key=_payment_day,
    )
    for i, payment in enumerate(pays):
        if payment.date > until:
            raise InvalidArgument(
                f"payments[{i}]", payment, f"a payment credited on or before until={until!r}"
            )
        if round_to_unit(payment.amount, unit, rounding) != payment.amount:
            raise InvalidArgument(
                f"payments[{i}]", payment, f"a payment in whole {unit} units of the currency"
            )
    return pays


class Cost(Protocol):
    """A dated contractual charge of a claim (:class:`payterms.Charge`): due from *on*."""

    @property
    def on(self) -> _dt.date:
        """Return the day the charge is due from."""
        ...  # pragma: no cover

    @property
    def amount(self) -> Decimal:
        """Return the charge, in the currency's minor unit."""
        ...  # pragma: no cover


def _costs(
    charges: Iterable[Cost], until: _dt.date | None, unit: Decimal, rounding: str
) -> list[tuple[_dt.date, Decimal]]:
    """Return the charges as ``(day, amount)`` in date order, checked."""
    given: object = charges
    if isinstance(given, (str, bytes)) or not isinstance(given, Iterable):
        raise InvalidType("charges", charges, "an iterable of payterms.Charge")
    out = []
    for i, item in enumerate(given):
        day = getattr(item, "on", None)
        value = getattr(item, "amount", None)
        if day is None or value is None:
            raise InvalidType(f"charges[{i}]", item, "a charge with a day (on) and an amount")
        day = check_date(day, f"charges[{i}].on")
        value = to_decimal(value, f"charges[{i}].amount")
        if value < 0 or round_to_unit(value, unit, rounding) != value:
            raise InvalidArgument(
                f"charges[{i}]", item, f"a non-negative amount in whole {unit} units"
            )
        if until is not None and day > until:
            raise InvalidArgument(f"charges[{i}]", item, f"a charge due by until={until!r}")
        out.append((day, value))
    return sorted(out, key=lambda x: x[0])


def _not_payment(index: int, value: object) -> Payment:
    raise InvalidType(f"payments[{index}]", value, "a payterms.Payment")


def _payment_day(payment: Payment) -> _dt.date:
    return payment.date

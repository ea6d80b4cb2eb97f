"""Late interest: periods split at rate changes, day counts, compounding, partial payments.

:func:`late_interest` computes the interest (and the fixed recovery compensation) on a
late invoice, either under a statutory regime from :mod:`payterms.law` (which brings its
published rate table and its rules) or at a contractual rate, fixed or "reference table
+ margin". The interest runs on each *interest day*: from the day after the due date up
to and including the payment day (the NL and UK rule, art. 6:119a BW and the Late
Payment Act 1998; :attr:`PaymentDay.EXCLUDED` leaves the payment day out). Each line
of the result is one stretch of days at one rate on one base; the amounts keep full
precision and are rounded once, at the end, to the currency's minor unit.

The rules that differ between countries are enum members on the regime, each of which
a caller may override: :class:`RateSplit` (split at 1 January / 1 July or one rate fixed
at the start), :class:`Compounding` (Dutch yearly compounding), :class:`PaymentDay`,
:class:`Imputation` (which debt a partial payment settles first) and the
:class:`~payterms.calendars.DayCount`.

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
import decimal
from collections.abc import Iterable
from decimal import Decimal
from enum import Enum
from typing import TYPE_CHECKING, Protocol

from attrs import field, frozen

from payterms._checks import check_amount, check_date, check_rounding, to_decimal, year_limit
from payterms.calendars import Adjustment, BusinessCalendar, DayCount
from payterms.errors import InvalidArgument, InvalidType
from payterms.limits import MAX_YEAR
from payterms.money import DEFAULT_ROUNDING, smallest_unit

if TYPE_CHECKING:
    from payterms.law import Regime

__all__ = [
    "Compounding",
    "FixedRate",
    "Imputation",
    "InterestPeriod",
    "InterestResult",
    "Payment",
    "PaymentDay",
    "RateAssumption",
    "RateSegment",
    "RateSource",
    "RateSplit",
    "late_interest",
]

_ONE_DAY = _dt.timedelta(days=1)
_LAST_SAFE = _dt.date(MAX_YEAR, 12, 29)
_ZERO = Decimal(0)
# Enough digits that no invoice amount, rate or day count loses precision before the
# single final rounding; local, so a caller's ambient decimal context cannot interfere.
_CONTEXT = decimal.Context(prec=40, rounding=decimal.ROUND_HALF_EVEN)


class RateSplit(Enum):
    """Which rate applies when a claim spans a rate change.

    >>> from payterms.law import regime
    >>> regime("UK").rate_split, regime("NL").rate_split
    (<RateSplit.FIXED_AT_START: 'fixed_at_start'>, <RateSplit.SPLIT: 'split'>)
    """

    SPLIT = "split"
    """Each interest day bears the rate in force on that day; the claim is split at
    every change (NL art. 6:120 lid 2 BW, DE § 288 BGB "jeweiliger Basiszinssatz")."""

    FIXED_AT_START = "fixed_at_start"
    """One rate for the whole claim: the rate in force on the first interest day (UK,
    Late Payment of Commercial Debts (Rate of Interest) (No. 3) Order 2002)."""


class Compounding(Enum):
    """Whether unpaid interest itself bears interest.

    >>> from payterms.law import regime
    >>> regime("NL").compounding, regime("DE").compounding
    (<Compounding.ANNUAL: 'annual'>, <Compounding.NONE: 'none'>)
    """

    NONE = "none"
    """Simple interest (Directive 2011/7/EU art. 2(6); DE § 289 BGB forbids compounding;
    BE, FR, UK)."""

    ANNUAL = "annual"
    """After each full year of interest, counted from the first interest day (its
    anniversary, not the calendar year), that year's unpaid interest is added to the
    base (NL art. 6:119 lid 2 and 6:119a lid 3 BW). A start on 29 February has its
    anniversary on 1 March."""


class PaymentDay(Enum):
    """Whether the payment day itself is an interest day.

    >>> from datetime import date
    >>> late_interest(Decimal("36500"), due=date(2026, 1, 1), until=date(2026, 1, 11),
    ...               rate=Decimal("0.10"), payment_day=PaymentDay.EXCLUDED).periods[0].days
    9
    """

    INCLUDED = "included"
    """Interest runs up to and including the payment day ("tot en met", NL art. 6:119a
    BW; UK practice); a partial payment stops bearing interest the day after."""

    EXCLUDED = "excluded"
    """The payment day is not an interest day (one German practice)."""


class Imputation(Enum):
    """Which debt a partial payment settles first.

    >>> from payterms.law import regime
    >>> regime("DE").imputation
    <Imputation.COSTS_INTEREST_PRINCIPAL: 'costs_interest_principal'>
    """

    COSTS_INTEREST_PRINCIPAL = "costs_interest_principal"
    """Costs (the fixed compensation), then interest, then principal (NL art. 6:44 BW,
    DE § 367 BGB)."""

    INTEREST_COSTS_PRINCIPAL = "interest_costs_principal"
    """Interest, then costs as its accessories, then principal (FR C. civ. art. 1343-1;
    Cass. 1re civ. 7 February 1995, n° 92-14.216)."""

    INTEREST_PRINCIPAL_COSTS = "interest_principal_costs"
    """Interest, then principal; the fixed compensation is left to be claimed on its
    own (BE former C. civ. art. 1254)."""

    PRINCIPAL_INTEREST_COSTS = "principal_interest_costs"
    """Principal first, as many ledgers settle an invoice; an agreed order, not a
    statutory one."""


class RateAssumption(Enum):
    """What to assume for days past a table's last published period.

    >>> from datetime import date
    >>> res = late_interest(Decimal("1000"), due=date(2025, 12, 31), until=date(2026, 1, 31),
    ...                     regime="BE", assume=RateAssumption.STATUTORY_FORMULA)
    >>> res.periods[0].rate, res.assumptions[-1][:48]
    (Decimal('0.105'), 'rate past the published Belgian table computed b')
    """

    CARRY_FORWARD = "carry_forward"
    """The last published rate continues; the result says so in ``assumptions``."""

    STATUTORY_FORMULA = "statutory_formula"
    """The regime's statutory formula applied to the ECB rate table (for regimes that
    have one); the result says so in ``assumptions``."""


RateSegment = tuple[_dt.date, Decimal, str | None]
"""``(first day, annual rate as a fraction, note or None)``: a stretch of one rate."""


def _percent(rate: Decimal) -> str:
    return str(rate.scaleb(2).normalize())


def _percent2(rate: Decimal) -> str:
    return f"{rate.scaleb(2):.2f}"


class RateSource(Protocol):
    """Anything that gives an annual rate (a fraction) for each day of a stretch."""

    def rate_on(self, day: _dt.date) -> Decimal:
        """Return the rate in force on *day*."""
        ...  # pragma: no cover

    def rate_segments(self, start: _dt.date, stop: _dt.date) -> list[RateSegment]:
        """Return the stretches of ``[start, stop)``; the first one begins on *start*."""
        ...  # pragma: no cover


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
    their count under the day-count convention; *interest* is exact (not rounded).

    >>> from datetime import date
    >>> late_interest(Decimal("3650"), due=date(2026, 1, 31), until=date(2026, 2, 10),
    ...               rate=Decimal("0.10")).periods
    (InterestPeriod(start=datetime.date(2026, 2, 1), end=datetime.date(2026, 2, 10), days=10,
                    rate=Decimal('0.10'), base=Decimal('3650'), interest=Decimal('10.00')),)
    """

    start: _dt.date
    end: _dt.date
    days: int
    rate: Decimal
    base: Decimal
    interest: Decimal


@frozen
class InterestResult:
    """The interest and compensation on a late invoice, line by line.

    ``interest`` is the interest that accrued over the whole claim, rounded once;
    ``interest_exact`` keeps full precision. ``compensation`` is the fixed recovery
    compensation (EUR 40 under Directive 2011/7/EU art. 6). The ``*_outstanding``
    amounts are what remains due on ``until`` after the payments, imputed in the
    regime's order. ``assumptions`` lists every choice the law does not make (day
    count, payment day, a derived or carried-forward rate) that the result rests on.

    >>> from datetime import date
    >>> res = late_interest(Decimal("1000"), due=date(2026, 1, 31), until=date(2026, 3, 2),
    ...                     rate=Decimal("0.08"), payments=(Payment(date(2026, 2, 15), 500),))
    >>> res.interest, res.principal_outstanding, res.interest_outstanding
    (Decimal('4.94'), Decimal('503.29'), Decimal('1.65'))
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

    @property
    def total_outstanding(self) -> Decimal:
        """Return principal, interest and compensation still due on ``until``."""
        return (
            self.principal_outstanding + self.interest_outstanding + self.compensation_outstanding
        )

    def explain(self) -> str:
        """Return the claim as text: one line per period, the totals, then the assumptions.

        >>> from datetime import date
        >>> res = late_interest(Decimal("10000"), due=date(2023, 6, 20), until=date(2023, 8, 31),
        ...                     regime="DE", day_count=DayCount.ACT_365_FIXED,
        ...                     payment_day=PaymentDay.INCLUDED)
        >>> print(res.explain())
        2023-06-21 to 2023-06-30   10 days at 10.62 % on 10000.00 = 29.10
        2023-07-01 to 2023-08-31   62 days at 12.12 % on 10000.00 = 205.87
        interest 234.97 EUR, compensation 40.00 EUR (interest rounded once, line sums may differ)
        outstanding: principal 10000.00, interest 234.97, compensation 40.00, total 10274.97
        - the EUR 40 Pauschale is credited against damages for legal costs (§ 288(5) BGB)
        """
        unit = smallest_unit(self.currency)
        lines = [
            f"{p.start} to {p.end} {p.days:4d} days at {_percent2(p.rate)} % on "
            f"{p.base.quantize(unit, context=_CONTEXT)} = "
            f"{p.interest.quantize(unit, context=_CONTEXT)}"
            for p in self.periods
        ]
        lines.append(
            f"interest {self.interest} {self.currency}, compensation {self.compensation} "
            f"{self.currency} (interest rounded once, line sums may differ)"
        )
        lines.append(
            f"outstanding: principal {self.principal_outstanding}, interest "
            f"{self.interest_outstanding}, compensation {self.compensation_outstanding}, "
            f"total {self.total_outstanding}"
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


def late_interest(
    principal: Decimal | int | str,
    *,
    due: _dt.date,
    until: _dt.date,
    regime: Regime | str | None = None,
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

    The amounts are rounded once, at the end, to the minor unit of *currency* (the
    regime's, else EUR) with *rounding*.

    Raises:
        InvalidArgument: *until* before *due*, a negative principal or rate, a payment
            after *until*, or payments exceeding what is owed.
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
    amount = (
        check_amount(principal, "principal")
        if type(principal) is Decimal and principal.is_finite()
        else to_decimal(principal, "principal")
    )
    if amount < 0:
        raise InvalidArgument("principal", principal, "a non-negative amount")
    due = check_date(due, "due")
    until = check_date(until, "until")
    if until < due:
        raise InvalidArgument("until", until, f"a date on or after due={due!r}")
    if isinstance(regime, str):
        from payterms.law import regime as _lookup  # law imports this module

        regime = _lookup(regime)
    elif regime is not None and not hasattr(regime, "rate_source"):
        raise InvalidType("regime", regime, "a payterms.law.Regime or a code such as 'NL'")
    if calendar is not None and not isinstance(calendar, BusinessCalendar):
        raise InvalidType("calendar", calendar, "a payterms.BusinessCalendar")
    if not (
        day_count is None
        and payment_day is None
        and rate_split is None
        and compounding is None
        and imputation is None
        and assume is None
    ):
        for name, value, enum in (
            ("day_count", day_count, DayCount),
            ("payment_day", payment_day, PaymentDay),
            ("rate_split", rate_split, RateSplit),
            ("compounding", compounding, Compounding),
            ("imputation", imputation, Imputation),
            ("assume", assume, RateAssumption),
        ):
            if value is not None:
                _check_enum(value, enum, name)

    assumptions: list[str] = []
    if regime is None:
        source = _rate_argument(rate)
        dc = day_count or DayCount.ACT_365_FIXED
        pday = payment_day or PaymentDay.INCLUDED
        split = rate_split or RateSplit.SPLIT
        comp = compounding or Compounding.NONE
        order = imputation or Imputation.INTEREST_PRINCIPAL_COSTS
        cur = currency or "EUR"
        fixed_comp = _ZERO
        floor_source: RateSource | None = None
        cap_source: RateSource | None = None
    else:
        source = regime.rate_source(assume) if rate is None else _rate_argument(rate)
        dc = day_count or regime.day_count
        pday = payment_day or regime.payment_day
        split = rate_split or regime.rate_split
        comp = compounding or regime.compounding
        order = imputation or regime.imputation
        cur = currency or regime.currency
        fixed_comp = _ZERO
        floor_source = regime.minimum_rate if rate is not None else None
        cap_source = regime.maximum_rate if rate is not None else None
        overridden = {
            "rate": rate,
            "day_count": day_count,
            "payment_day": payment_day,
            "rate_split": rate_split,
            "compounding": compounding,
            "imputation": imputation,
        }
        assumptions.extend(note for topic, note in regime.silent if overridden.get(topic) is None)
    if regime is not None and regime.due_adjustment is not Adjustment.UNADJUSTED:
        law = regime.due_adjustment_source
        if calendar is not None:
            moved = calendar.adjust(due, regime.due_adjustment)
            if moved != due:
                assumptions.append(f"due date {due} moved to {moved}, a business day ({law})")
                due = min(moved, until)
        elif due.weekday() >= 5:
            assumptions.append(
                f"due date {due} is a {due:%A}: {law} moves it to the next working day "
                "(pass calendar= to apply it)"
            )
    unit = smallest_unit(cur)
    check_rounding(rounding)

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
    for i, pay in enumerate(pays):
        if pay.date > until:
            raise InvalidArgument(
                f"payments[{i}]", pay, f"a payment credited on or before until={until!r}"
            )

    shift = _ONE_DAY if pday is PaymentDay.INCLUDED else _dt.timedelta(0)
    if until > _LAST_SAFE:  # periods are counted up to two days past `until`
        raise year_limit("until", until, "interest periods that end")
    first = due + _ONE_DAY
    stop = max(until + shift, first)

    with decimal.localcontext(_CONTEXT):
        base = amount  # principal still owed (plus capitalised interest, see below)
        capitalised = _ZERO  # interest added to the base and still unpaid
        running = _ZERO  # interest accrued since the last capitalisation, unpaid
        costs = _ZERO
        total = _ZERO

        def impute(pay: Payment, *, late: bool) -> None:
            nonlocal base, capitalised, running, costs
            left = pay.amount
            steps: tuple[str, ...]
            if late:
                if order is Imputation.COSTS_INTEREST_PRINCIPAL:
                    steps = ("costs", "interest", "principal")
                elif order is Imputation.INTEREST_COSTS_PRINCIPAL:
                    steps = ("interest", "costs", "principal")
                elif order is Imputation.INTEREST_PRINCIPAL_COSTS:
                    steps = ("interest", "principal", "costs")
                else:
                    steps = ("principal", "interest", "costs")
            else:
                steps = ("principal",)
            for step in steps:
                if step == "costs":
                    take = min(left, costs)
                    costs -= take
                elif step == "interest":
                    take = min(left, capitalised)
                    capitalised -= take
                    base -= take
                    left -= take
                    take = min(left, running)
                    running -= take
                else:
                    take = min(left, base - capitalised)
                    base -= take
                left -= take
            if left >= unit:
                raise InvalidArgument(
                    "payments", pay, f"payments that do not exceed what is owed ({left} too much)"
                )

        pending = [(p.date + shift, p) for p in pays]
        k = 0
        while k < len(pending) and pending[k][0] <= first:
            impute(pending[k][1], late=False)
            k += 1
        late = until > due and base > 0
        if late:
            if compensation is not None:
                fixed_comp = to_decimal(compensation, "compensation")
                if fixed_comp < 0:
                    raise InvalidArgument("compensation", compensation, "a non-negative amount")
            elif regime is not None:
                fixed_comp = regime.compensation.amount(base)
                assumptions.extend(regime.compensation.conditions)
            costs = fixed_comp

        periods: list[InterestPeriod] = []
        if first < stop and base > 0:
            if split is RateSplit.FIXED_AT_START:
                _, seg_rate, seg_note = source.rate_segments(first, first + _ONE_DAY)[0]
                segments: list[RateSegment] = [(first, seg_rate, seg_note)]
            else:
                segments = source.rate_segments(first, stop)
            if floor_source is not None:
                segments = _bounded(
                    segments, floor_source, first, stop, floor=True, what="statutory minimum"
                )
            if cap_source is not None:
                segments = _bounded(
                    segments, cap_source, first, stop, floor=False, what="statutory maximum"
                )
            for _, _, note in segments:
                if note is not None:
                    assumptions.append(note)
            cuts: set[_dt.date] = {s[0] for s in segments[1:]}
            cuts.update(d for d, _ in pending[k:] if d < stop)
            anniversaries: set[_dt.date] = set()
            if comp is Compounding.ANNUAL:
                n = 1
                while (ann := _anniversary(first, n)) < stop:
                    anniversaries.add(ann)
                    n += 1
                cuts |= anniversaries
            by_year = dc is DayCount.ACT_ACT_ISDA
            if by_year:
                cuts.update(_dt.date(y, 1, 1) for y in range(first.year + 1, stop.year + 1))
            cuts.discard(first)
            rate_from = {start: rate for start, rate, _ in segments}
            day_rate = segments[0][1]
            cursor = first
            act = dc in (DayCount.ACT_365_FIXED, DayCount.ACT_360, DayCount.ACT_ACT_ISDA)
            year = Decimal(dc.year_length(first.year if by_year else None))
            for cut in (*sorted(cuts), stop):
                day_rate = rate_from.get(cursor, day_rate)
                if base > 0 and cut > cursor:
                    if act:
                        days = (cut - cursor).days
                    else:
                        days = dc.days(cursor - _ONE_DAY, cut - _ONE_DAY)
                    if by_year:
                        year = Decimal(dc.year_length(cursor.year))
                    accrued = base * day_rate * days / year
                    running += accrued
                    total += accrued
                    periods.append(
                        InterestPeriod(cursor, cut - _ONE_DAY, days, day_rate, base, accrued)
                    )
                cursor = cut
                if cut in anniversaries:
                    capitalised += running
                    base += running
                    running = _ZERO
                while k < len(pending) and pending[k][0] == cut and cut < stop:
                    impute(pending[k][1], late=True)
                    k += 1

        for _, pay in pending[k:]:  # credited after the last interest day
            impute(pay, late=late)

        def r(value: Decimal) -> Decimal:
            return value.quantize(unit, rounding=rounding, context=_CONTEXT)

        seen: dict[str, None] = dict.fromkeys(assumptions)
        return InterestResult(
            currency=cur,
            interest=r(total),
            compensation=r(fixed_comp),
            periods=tuple(periods),
            assumptions=tuple(seen),
            principal_outstanding=r(base - capitalised),
            interest_outstanding=r(capitalised + running),
            compensation_outstanding=r(costs),
            interest_exact=+total,
        )


def _not_payment(index: int, value: object) -> Payment:
    raise InvalidType(f"payments[{index}]", value, "a payterms.Payment")


def _payment_day(payment: Payment) -> _dt.date:
    return payment.date

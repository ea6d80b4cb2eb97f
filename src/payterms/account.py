"""A customer's account: what a debtor owes today and why, and payment plans for overdue debt.

:func:`account_statement` takes the invoices (or the instalments of a plan) and the
payments of one debtor and returns one :class:`AccountStatement`: each payment allocated
to the invoices (first to those the debtor named, then by an :class:`Allocation` policy:
the statutory order where the law gives one, else the oldest first, or pro rata), the
late interest and the fixed compensation of each invoice from its own due date
(:func:`~payterms.late_interest` under the regime), the totals to the cent, and any
credit left unapplied. ``explain()`` prints it; ``to_frame()`` gives one row per invoice.

>>> from datetime import date
>>> from decimal import Decimal
>>> from payterms.receivables import Invoice
>>> invoices = [Invoice("F-1", "ACME", date(2025, 1, 15), date(2025, 2, 14), Decimal("1000")),
...             Invoice("F-2", "ACME", date(2025, 2, 15), date(2025, 3, 17), Decimal("500"))]
>>> st = account_statement(invoices, [Receipt(date(2025, 3, 31), Decimal("800"))],
...                        as_of=date(2025, 4, 30), regime="BE")
>>> for line in st.explain().splitlines()[:7]:
...     print(line)
statement of account as of 2025-04-30 (EUR), payments allocated oldest first
invoice   due         principal  interest  compensation     paid  outstanding
F-1       2025-02-14    1000.00     16.20         40.00   800.00       256.20
F-2       2025-03-17     500.00      6.93         40.00     0.00       546.93
total                   1500.00     23.13         80.00   800.00       803.13
2025-03-31 payment 800.00: F-1 800.00
balance due 803.13 EUR
>>> print(st.assumptions[0])
the sources payterms follows give no statutory order for a payment among several debts
under BE: oldest first assumed (pass allocation= to change)

:func:`payment_plan` splits an outstanding amount into *n* instalments on the dates a
:class:`~payterms.rules.DueRule` gives (the first on a given day, then every month, or
whatever rhythm the rule says), with interest on the declining balance at an agreed or a
statutory rate. Every amount is in the currency's minor unit and the instalments add up
exactly: the principal parts are split with :func:`payterms.money.allocate` (its residue
rule says where the left-over cents go; the balance instalment by default), and each
instalment's interest is rounded when it is due. A missed instalment can make the rest
due at once (:meth:`PaymentPlan.effective`, the acceleration clause), and
:meth:`PaymentPlan.invoices` gives the instalments as
:class:`~payterms.receivables.Invoice` values, one per instalment.

>>> plan = payment_plan(Decimal("1000.00"), 3, start=date(2026, 1, 15),
...                     first=date(2026, 2, 15), rate=Decimal("0.08"))
>>> print(plan.explain())
instalment  due          principal  interest    amount   balance
1           2026-02-15      330.94      6.79    337.73    669.06
2           2026-03-15      333.62      4.11    337.73    335.44
3           2026-04-15      335.44      2.28    337.72      0.00
total                      1000.00     13.18   1013.18
"""

from __future__ import annotations

import datetime as _dt
import decimal
import itertools
from collections.abc import Iterable, Mapping
from decimal import Decimal
from enum import Enum
from typing import TYPE_CHECKING, Any

from attrs import evolve, field, frozen

from payterms._checks import check_date, check_int, check_rounding, to_decimal
from payterms._extras import frame_html, require
from payterms.calendars import BusinessCalendar, DayCount
from payterms.charges import Charges, ContractRate
from payterms.conventions import Accrual
from payterms.errors import CurrencyMismatch, InvalidArgument, InvalidType, RateNotPublished
from payterms.interest import (
    ClaimLedger,
    ClaimRules,
    InterestResult,
    Payment,
    RateAssumption,
    RateSource,
    claim_rules,
)
from payterms.law import Regime
from payterms.law import regime as _law_regime
from payterms.money import (
    CONTEXT,
    DEFAULT_ROUNDING,
    Residue,
    allocate,
    minor_unit,
    quantize,
    round_to_unit,
    smallest_unit,
)
from payterms.receivables import Invoice
from payterms.rules import DueRule, Shift, Unit, add_months, as_rule

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "AccountStatement",
    "Allocation",
    "AppliedPayment",
    "PaymentPlan",
    "PlanInstallment",
    "PlanMethod",
    "Receipt",
    "StatementLine",
    "account_statement",
    "payment_plan",
]

_ZERO = Decimal(0)
_ONE_DAY = _dt.timedelta(days=1)


class PlanMethod(Enum):
    """How a payment plan shares the principal between its instalments.

    >>> PlanMethod.EQUAL_PAYMENT.value
    'equal_payment'
    """

    EQUAL_PRINCIPAL = "equal_principal"
    """Each instalment repays the same principal (split by :func:`~payterms.money.allocate`),
    plus the interest of its period on the balance: the instalments decrease."""

    EQUAL_PAYMENT = "equal_payment"
    """Every instalment is the same amount (an annuity over the actual periods), except
    the last, which settles the balance left by the rounding of each one to the cent."""


@frozen
class PlanInstallment:
    """One instalment of a :class:`PaymentPlan`: its *number*, *due* date and parts.

    *days* are the interest days of its period (from the day after the previous due date,
    or after the plan's start, up to and including *due*); *interest* is the interest of
    that period on the balance before it, rounded; *balance* is the principal left after it.

    >>> from datetime import date
    >>> payment_plan(Decimal("100"), 2, start=date(2026, 1, 1), first=date(2026, 2, 1),
    ...              rate=Decimal("0.12")).instalments[0]
    PlanInstallment(number=1, due=datetime.date(2026, 2, 1), principal=Decimal('49.72'), \
interest=Decimal('1.02'), balance=Decimal('50.28'), days=31)
    """

    number: int
    due: _dt.date
    principal: Decimal
    interest: Decimal
    balance: Decimal
    days: int

    @property
    def amount(self) -> Decimal:
        """The sum due on *due*: principal plus interest."""
        return self.principal + self.interest


PlanInstalment = PlanInstallment
"""The former name of :class:`PlanInstallment`, kept as an alias: payterms spells
"installment" one way (as :class:`~payterms.terms.Installment` does)."""


@frozen
class PaymentPlan:
    """Instalments agreed for an overdue *amount*, from *start*, at annual *rate* (a fraction).

    *accelerated_on* is the day the rest became due at once, or ``None``;
    *acceleration* the days of grace after a missed due date before the rest becomes due
    (``None``: the plan has no acceleration clause). *assumptions* list the choices the
    plan rests on (such as a statutory rate fixed on the start day).
    """

    amount: Decimal
    start: _dt.date
    currency: str
    method: PlanMethod
    rate: Decimal
    day_count: DayCount
    instalments: tuple[PlanInstallment, ...]
    acceleration: int | None = None
    accelerated_on: _dt.date | None = None
    assumptions: tuple[str, ...] = ()

    @property
    def total(self) -> Decimal:
        """The sum of every instalment: the amount plus the interest."""
        return sum((i.amount for i in self.instalments), _ZERO)

    @property
    def interest(self) -> Decimal:
        """The interest of every instalment."""
        return sum((i.interest for i in self.instalments), _ZERO)

    def explain(self) -> str:
        """Return the plan as a table: one line per instalment, then the totals.

        >>> from datetime import date
        >>> print(payment_plan(Decimal("100"), 2, start=date(2026, 1, 1),
        ...                    first=date(2026, 2, 1)).explain())
        instalment  due          principal  interest    amount   balance
        1           2026-02-01       50.00      0.00     50.00     50.00
        2           2026-03-01       50.00      0.00     50.00      0.00
        total                       100.00      0.00    100.00
        """
        lines = [f"{'instalment':<11} {'due':<10} {'principal':>11} {'interest':>9} "
                 f"{'amount':>9} {'balance':>9}"]  # fmt: skip
        for i in self.instalments:
            lines.append(
                f"{i.number:<11} {i.due.isoformat():<10} {i.principal:>11} {i.interest:>9} "
                f"{i.amount:>9} {i.balance:>9}"
            )
        lines.append(f"{'total':<22} {self.amount:>11} {self.interest:>9} {self.total:>9}")
        if self.accelerated_on is not None:
            lines.append(f"the rest became due at once on {self.accelerated_on}")
        lines.extend(f"- {note}" for note in self.assumptions)
        return "\n".join(lines)

    def _repr_html_(self) -> str | None:
        return frame_html(self)

    def to_frame(self) -> pd.DataFrame:
        """Return the instalments as a pandas DataFrame (needs the ``[pandas]`` extra).

        Columns: instalment, due, days, principal, interest, amount, balance (Decimals).
        """
        pandas: Any = require("pandas", "PaymentPlan.to_frame")
        rows = self.instalments
        return pandas.DataFrame(
            {
                "instalment": [i.number for i in rows],
                "due": [i.due for i in rows],
                "days": [i.days for i in rows],
                "principal": [i.principal for i in rows],
                "interest": [i.interest for i in rows],
                "amount": [i.amount for i in rows],
                "balance": [i.balance for i in rows],
            }
        )

    def paid_by(self, payments: Iterable[object], as_of: _dt.date) -> tuple[Decimal, ...]:
        """Return what the *payments* credited up to *as_of* paid on each instalment, in order.

        Payments (values with ``date`` and ``amount``, such as :class:`~payterms.Payment`)
        settle the instalments oldest first; an amount beyond the whole plan is refused.

        >>> from datetime import date
        >>> from payterms.interest import Payment
        >>> plan = payment_plan(Decimal("100"), 2, start=date(2026, 1, 1),
        ...                     first=date(2026, 2, 1))
        >>> plan.paid_by([Payment(date(2026, 2, 1), Decimal("70"))], date(2026, 3, 1))
        (Decimal('50.00'), Decimal('20.00'))
        """
        as_of = check_date(as_of, "as_of")
        credited = _credited(payments, as_of)
        paid = [_ZERO] * len(self.instalments)
        left = sum(credited, _ZERO)
        for k, inst in enumerate(self.instalments):
            take = min(left, inst.amount)
            paid[k] = take
            left -= take
        if left > 0:
            raise InvalidArgument(
                "payments",
                payments,
                f"payments within the plan's total {self.total} ({left} too much)",
            )
        return tuple(paid)

    def missed(self, payments: Iterable[object], *, as_of: _dt.date) -> PlanInstallment | None:
        """Return the first instalment not paid in full by its due date plus the grace days.

        The grace days are the plan's *acceleration* days (0 without a clause); payments
        count on the day they are credited and settle instalments oldest first.

        >>> from datetime import date
        >>> from payterms.interest import Payment
        >>> plan = payment_plan(Decimal("100"), 2, start=date(2026, 1, 1),
        ...                     first=date(2026, 2, 1), acceleration=5)
        >>> plan.missed([Payment(date(2026, 2, 6), Decimal("50"))], as_of=date(2026, 3, 20))
        PlanInstallment(number=2, due=datetime.date(2026, 3, 1), principal=Decimal('50.00'), \
interest=Decimal('0.00'), balance=Decimal('0.00'), days=28)
        """
        as_of = check_date(as_of, "as_of")
        grace = _dt.timedelta(days=self.acceleration or 0)
        given = tuple(_check_payments(payments))
        for inst in self.instalments:
            deadline = inst.due + grace
            if deadline >= as_of:
                return None
            paid = self.paid_by(given, deadline)
            if paid[inst.number - 1] < inst.amount:
                return inst
        return None

    def accelerate(self, on: _dt.date) -> PaymentPlan:
        """Return the plan with every instalment due after *on* made due at once on *on*.

        The instalments due on or before *on* stay; the later ones become one instalment
        due on *on*: their principal, with the interest from the previous due date (or
        the start) up to *on* on the balance, rounded. The principal is unchanged.

        >>> from datetime import date
        >>> plan = payment_plan(Decimal("300"), 3, start=date(2026, 1, 1),
        ...                     first=date(2026, 2, 1), rate=Decimal("0.0365"),
        ...                     day_count=DayCount.ACT_365_FIXED)
        >>> [(str(i.due), i.principal, i.interest) for i in plan.accelerate(
        ...     date(2026, 2, 11)).instalments]
        [('2026-02-01', Decimal('99.67'), Decimal('0.93')),
         ('2026-02-11', Decimal('200.33'), Decimal('0.20'))]
        """
        on = check_date(on, "on")
        if on < self.start:
            raise InvalidArgument("on", on, f"a day on or after the plan's start {self.start}")
        kept = [i for i in self.instalments if i.due <= on]
        later = [i for i in self.instalments if i.due > on]
        if not later:
            return self
        balance = kept[-1].balance if kept else self.amount
        since = kept[-1].due if kept else self.start
        days, factor = _period(since, on, self.day_count)
        unit = smallest_unit(self.currency)
        with decimal.localcontext(CONTEXT):
            interest = round_to_unit(balance * self.rate * factor, unit, DEFAULT_ROUNDING)
        last = PlanInstallment(len(kept) + 1, on, balance, interest, _ZERO, days)
        return evolve(self, instalments=(*kept, last), accelerated_on=on)

    def effective(self, payments: Iterable[object], *, as_of: _dt.date) -> PaymentPlan:
        """Return the plan as it stands on *as_of*: accelerated if the clause was triggered.

        With an *acceleration* clause, the first instalment unpaid *acceleration* days
        after its due date makes the rest due on the day after those grace days.

        >>> from datetime import date
        >>> from payterms.interest import Payment
        >>> plan = payment_plan(Decimal("300"), 3, start=date(2026, 1, 1),
        ...                     first=date(2026, 2, 1), acceleration=10)
        >>> plan.effective([], as_of=date(2026, 2, 20)).accelerated_on
        datetime.date(2026, 2, 12)
        >>> plan.effective([Payment(date(2026, 2, 5), 100)], as_of=date(2026, 2, 20)) == plan
        True
        """
        if self.acceleration is None:
            return self
        inst = self.missed(payments, as_of=as_of)
        if inst is None:
            return self
        return self.accelerate(inst.due + _dt.timedelta(days=self.acceleration + 1))

    def invoices(self, *, prefix: str = "PLAN", customer: str = "debtor") -> tuple[Invoice, ...]:
        """Return the instalments as invoices ``"{prefix}/1"``, ``"{prefix}/2"``, ... (one each).

        Each is issued on the plan's start, due on its due date, for its amount, in the
        plan's currency: the items an account statement runs on.

        >>> from datetime import date
        >>> [(i.id, str(i.due), i.amount) for i in payment_plan(
        ...     Decimal("100"), 2, start=date(2026, 1, 1), first=date(2026, 2, 1)).invoices()]
        [('PLAN/1', '2026-02-01', Decimal('50.00')), ('PLAN/2', '2026-03-01', Decimal('50.00'))]
        """
        if not isinstance(prefix, str) or not prefix:
            raise InvalidArgument("prefix", prefix, "a non-empty str")
        return tuple(
            Invoice(
                f"{prefix}/{i.number}",
                customer,
                self.start,
                max(i.due, self.start),
                i.amount,
                currency=self.currency,
            )
            for i in self.instalments
        )


def _check_payments(payments: Iterable[object]) -> Iterable[object]:
    if isinstance(payments, (str, bytes)) or not isinstance(payments, Iterable):
        raise InvalidType("payments", payments, "an iterable of payments (date and amount)")
    return payments


def _credited(payments: Iterable[object], as_of: _dt.date) -> list[Decimal]:
    out = []
    for i, pay in enumerate(_check_payments(payments)):
        day = getattr(pay, "date", None)
        amount = getattr(pay, "amount", None)
        if day is None or amount is None:
            raise InvalidType(f"payments[{i}]", pay, "a payment with a date and an amount")
        day = check_date(day, f"payments[{i}].date")
        value = to_decimal(amount, f"payments[{i}].amount")
        if value <= 0:
            raise InvalidArgument(f"payments[{i}].amount", amount, "a positive amount")
        if day <= as_of:
            out.append(value)
    return out


def _period(since: _dt.date, until: _dt.date, day_count: DayCount) -> tuple[int, Decimal]:
    """Return the interest days from the day after *since* to *until* and their year fraction."""
    with decimal.localcontext(CONTEXT):
        if day_count is DayCount.ACT_ACT_ISDA:
            days = (until - since).days
            factor = _ZERO
            cursor = since + _ONE_DAY
            while cursor <= until:
                end = min(until, _dt.date(cursor.year, 12, 31))
                factor += Decimal((end - cursor).days + 1) / day_count.year_length(cursor.year)
                cursor = end + _ONE_DAY
            return days, factor
        days = day_count.days(since, until)
        return days, Decimal(days) / day_count.year_length()


def _plan_rate(
    rate: object, start: _dt.date, day_count: DayCount | None
) -> tuple[Decimal, DayCount, tuple[str, ...]]:
    if rate is None:
        return _ZERO, day_count or DayCount.ACT_365_FIXED, ()
    if isinstance(rate, str) and rate.strip().isalpha():
        rate = _law_regime(rate)
    if isinstance(rate, Regime):
        value = rate.rate_on(start + _ONE_DAY)
        note = (
            f"the {rate.code} statutory rate in force on {start + _ONE_DAY} "
            f"({_percent(value)} %) is applied to the whole plan: later rates are not published "
            "when it is agreed"
        )
        return value, day_count or rate.day_count, (note,)
    if isinstance(rate, ContractRate):
        if rate.accrual is not Accrual.DAILY:
            raise InvalidArgument(
                "rate", rate, "a rate accrued per day: a plan charges interest per period"
            )
        return rate.annual_rate, day_count or rate.day_count, ()
    value = to_decimal(rate, "rate")
    if not 0 <= value <= 1:
        raise InvalidArgument(
            "rate",
            rate,
            "an annual rate as a fraction from 0 to 1, such as Decimal('0.08') for 8 % "
            "(payterms.rate_from_percent converts a percent)",
        )
    return value, day_count or DayCount.ACT_365_FIXED, ()


def _percent(rate: Decimal) -> str:
    text = format(rate.scaleb(2), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


_MONTHS = {Unit.MONTHS: 1, Unit.QUARTERS: 3, Unit.YEARS: 12}
_DAYS = {Unit.DAYS: 1, Unit.WEEKS: 7}


def _due_dates(first: _dt.date, every: DueRule, n: int) -> tuple[_dt.date, ...]:
    """Return *n* due dates: *first*, then *every* (whole months count from *first*)."""
    if not every.is_forward:
        raise InvalidArgument("every", str(every), "a rule that moves forward, such as '1M'")
    steps = every.steps
    shifts = [s for s in steps if isinstance(s, Shift)]
    dates = [first]
    if len(shifts) == len(steps) and all(s.unit in _MONTHS for s in shifts):
        months = sum(s.count * _MONTHS[s.unit] for s in shifts)
        dates += [add_months(first, months * k) for k in range(1, n)]
    elif len(shifts) == len(steps) and all(s.unit in _DAYS for s in shifts):
        days = sum(s.count * _DAYS[s.unit] for s in shifts)
        dates += [first + _dt.timedelta(days=days * k) for k in range(1, n)]
    else:
        for _ in range(1, n):
            dates.append(every.apply(dates[-1]))
    for before, after in itertools.pairwise(dates):
        if after <= before:
            raise InvalidArgument(
                "every",
                str(every),
                f"a rule giving a later date each time ({before} is followed by {after})",
            )
    return tuple(dates)


def payment_plan(
    amount: Decimal | int | str,
    instalments: int,
    *,
    start: _dt.date,
    first: _dt.date,
    every: DueRule | str = "1M",
    rate: Decimal | int | str | Regime | ContractRate | None = None,
    method: PlanMethod = PlanMethod.EQUAL_PAYMENT,
    day_count: DayCount | None = None,
    currency: str | None = None,
    residue: Residue = Residue.LAST,
    acceleration: int | None = None,
    rounding: str = DEFAULT_ROUNDING,
) -> PaymentPlan:
    """Return a plan paying *amount* in *instalments* parts, the first on *first*, then *every*.

    A rhythm of whole months, quarters or years counts from *first* (the *k*-th date is
    *first* plus *k* - 1 times the months, so monthly dates from 31 January are 28
    February and then 31 March); any other rule is applied to the previous due date
    (``1M+CM``: the end of each following month). Interest runs from the day after
    *start* (the day the plan is agreed) on the declining balance at *rate*: an annual
    fraction, a
    :class:`~payterms.charges.ContractRate` accrued per day, or a legal regime (or its
    code), whose statutory rate on the day after *start* is then applied to the whole plan
    (the result says so). *day_count* defaults to the regime's or the rate's, else
    actual/365. *currency* defaults to the regime's, else EUR.

    :attr:`PlanMethod.EQUAL_PAYMENT` gives equal instalments (the last settles the
    balance; *residue* must then be :attr:`~payterms.money.Residue.LAST`);
    :attr:`PlanMethod.EQUAL_PRINCIPAL` splits the principal with
    :func:`~payterms.money.allocate` and *residue*. Each instalment's interest is rounded
    with *rounding* when it is due, so the parts add up to the cent. *acceleration* is the
    grace days after a missed due date before the rest becomes due at once
    (:meth:`PaymentPlan.effective`); ``None`` for no such clause.

    Raises:
        InvalidArgument: *instalments* below 1, a non-positive *amount*, *first* before
            *start*, a rule that does not move forward, a rate outside 0..1.
        InvalidType: a float amount or rate, a datetime for a date.

    >>> from datetime import date
    >>> plan = payment_plan(Decimal("1000"), 4, start=date(2025, 1, 15),
    ...                     first=date(2025, 2, 15), method=PlanMethod.EQUAL_PRINCIPAL,
    ...                     rate="BE")
    >>> [(i.principal, i.interest) for i in plan.instalments][:2]
    [(Decimal('250.00'), Decimal('9.77')), (Decimal('250.00'), Decimal('6.62'))]
    >>> plan.assumptions[0][:45]
    'the BE statutory rate in force on 2025-01-16 '
    >>> payment_plan(Decimal("1000"), 0, start=date(2026, 1, 15), first=date(2026, 2, 15))
    Traceback (most recent call last):
    payterms.errors.InvalidArgument: instalments=0 is not accepted: expected a whole number >= 1

    """
    total = to_decimal(amount, "amount")
    if total <= 0:
        raise InvalidArgument("amount", amount, "a positive amount")
    n = check_int(instalments, "instalments", minimum=1)
    start = check_date(start, "start")
    first = check_date(first, "first")
    if first < start:
        raise InvalidArgument("first", first, f"a date on or after start={start!r}")
    rule = as_rule(every, "every")
    if not isinstance(method, PlanMethod):
        raise InvalidArgument("method", method, "a payterms.PlanMethod member")
    if not isinstance(residue, Residue):
        raise InvalidArgument("residue", residue, "a payterms.Residue member")
    if day_count is not None and not isinstance(day_count, DayCount):
        raise InvalidArgument("day_count", day_count, "a payterms.DayCount member")
    if acceleration is not None:
        acceleration = check_int(acceleration, "acceleration", minimum=0)
    check_rounding(rounding)
    annual, dc, notes = _plan_rate(rate, start, day_count)
    cur = currency or (rate.currency if isinstance(rate, Regime) else "EUR")
    unit = smallest_unit(cur)
    principal = quantize(total, cur)
    if principal != total:
        raise InvalidArgument("amount", amount, f"an amount in whole minor units of {cur}")
    if principal < unit * n:
        raise InvalidArgument(
            "instalments", n, f"at most {int(principal / unit)} instalments for {principal} {cur}"
        )
    dates = _due_dates(first, rule, n)
    periods = []
    since = start
    for day in dates:
        periods.append(_period(since, day, dc))
        since = day

    def r(value: Decimal) -> Decimal:
        return round_to_unit(value, unit, rounding)

    rows: list[PlanInstallment] = []
    balance = principal
    if method is PlanMethod.EQUAL_PRINCIPAL:
        parts = allocate(principal, [1] * n, cur, residue=residue)
        for k, (day, part, (days, factor)) in enumerate(zip(dates, parts, periods, strict=True)):
            with decimal.localcontext(CONTEXT):
                interest = r(balance * annual * factor)
            balance -= part
            rows.append(PlanInstallment(k + 1, day, part, interest, balance, days))
    else:
        if residue is not Residue.LAST:
            raise InvalidArgument(
                "residue",
                residue,
                "Residue.LAST with equal payments: the last instalment settles the balance",
            )
        with decimal.localcontext(CONTEXT):
            growth = [1 + annual * factor for _, factor in periods]
            # the payment P that leaves nothing: principal x prod(g) = P x sum of the
            # products of the growth factors after each instalment
            after = Decimal(1)
            weights = _ZERO
            for g in reversed(growth):
                weights += after
                after *= g
            payment = r(principal * after / weights)
        for k, (day, (days, factor)) in enumerate(zip(dates, periods, strict=True)):
            with decimal.localcontext(CONTEXT):
                interest = r(balance * annual * factor)
            part = balance if k == n - 1 else payment - interest
            if k < n - 1 and not 0 < part < balance:
                raise InvalidArgument(
                    "instalments",
                    n,
                    f"fewer instalments: {principal} {cur} cannot be repaid in {n} equal payments "
                    f"of {payment} (instalment {k + 1} would repay {part} of {balance})",
                )
            balance -= part
            rows.append(PlanInstallment(k + 1, day, part, interest, balance, days))
    return PaymentPlan(
        amount=principal,
        start=start,
        currency=cur,
        method=method,
        rate=annual,
        day_count=dc,
        instalments=tuple(rows),
        acceleration=acceleration,
        assumptions=notes,
    )


# ----------------------------------------------------------------------------- statements


class Allocation(Enum):
    """How a payment that names no invoice (or more than they owe) is spread over the account.

    >>> Allocation.PRO_RATA.value
    'pro_rata'
    """

    DUE_ONEROUS_OLDEST = "due_onerous_oldest"
    """The statutory order of art. 6:43 BW (NL): first the debts that are due (their due
    date reached on the payment day), among them the most onerous first (here: the
    highest interest rate on the payment day), then the oldest (the earliest invoice
    date), and debts equal in all of that pro rata; then the debts not yet due, in the
    same order."""

    OLDEST_FIRST = "oldest_first"
    """The oldest invoice first (the earliest invoice date, then the earliest due date,
    then the order the invoices were given), as ERP systems settle open items
    (frappe/erpnext#37859), whether due or not."""

    PRO_RATA = "pro_rata"
    """Every open invoice in proportion to what it owes on the payment day, split to the
    cent by :func:`~payterms.money.allocate` (largest remainder)."""


# Where the sources payterms follows give a statutory order among several debts.
_STATUTORY_ORDER = {"NL": ("art. 6:43 BW", Allocation.DUE_ONEROUS_OLDEST)}

_POLICY_WORDS = {
    Allocation.DUE_ONEROUS_OLDEST: "due debts first, the most onerous, then the oldest",
    Allocation.OLDEST_FIRST: "oldest first",
    Allocation.PRO_RATA: "pro rata",
}


def _receipt_amount(value: object) -> Decimal:
    amount = to_decimal(value, "amount")
    if amount <= 0:
        raise InvalidArgument("amount", value, "a positive amount")
    return amount


def _receipt_invoices(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, Iterable):
        raise InvalidType("invoices", value, "invoice ids (a str or a sequence of str)")
    ids = tuple(value)
    for i, item in enumerate(ids):
        if not isinstance(item, str):
            raise InvalidType(f"invoices[{i}]", item, "an invoice id (a str)")
    if len(set(ids)) != len(ids):
        raise InvalidArgument("invoices", ids, "each invoice named once")
    return ids


def _receipt_date(value: object) -> _dt.date:
    return check_date(value, "date")


@frozen
class Receipt:
    """A payment received from the debtor: *amount* credited on *date*.

    *invoices* are the invoices the debtor named (a remittance advice), in the order they
    are to be paid; the payment goes to them first. *ref* is the payment's reference, as
    shown on the statement.

    >>> Receipt(_dt.date(2025, 3, 31), Decimal("800"), invoices="F-1")
    Receipt(date=datetime.date(2025, 3, 31), amount=Decimal('800'), invoices=('F-1',), ref=None)
    >>> Receipt(_dt.date(2025, 3, 31), Decimal("0"))
    Traceback (most recent call last):
    payterms.errors.InvalidArgument: amount=Decimal('0') is not accepted: expected a positive amount
    """

    date: _dt.date = field(converter=_receipt_date)
    amount: Decimal = field(converter=_receipt_amount)
    invoices: tuple[str, ...] = field(default=(), converter=_receipt_invoices)
    ref: str | None = None


@frozen
class AppliedPayment:
    """One payment's share on one invoice: *amount* of receipt *payment* (its index) on *invoice*.

    *named* says whether the debtor named the invoice.

    >>> AppliedPayment(0, _dt.date(2025, 3, 31), "F-1", Decimal("800.00"), named=True).amount
    Decimal('800.00')
    """

    payment: int
    date: _dt.date
    invoice: str
    amount: Decimal
    named: bool = False


@frozen
class StatementLine:
    """One invoice on a statement: what it bore and what is left of it on the statement's day.

    *principal* is the invoice amount; *interest*, *compensation* and *charges* (the
    contract's) what it bore up to the statement's day; *paid* what the payments applied
    to it, so that principal + interest + compensation + charges - paid = outstanding,
    exactly; the ``*_outstanding``
    amounts what is still owed. *result* is the full late-interest result behind the line
    (its periods and assumptions).

    >>> from payterms.receivables import Invoice
    >>> st = account_statement([Invoice("F-1", "ACME", _dt.date(2025, 1, 15),
    ...                                 _dt.date(2025, 2, 14), Decimal("1000"))],
    ...                        as_of=_dt.date(2025, 3, 16), regime="DE")
    >>> line = st.lines[0]
    >>> line.interest, line.compensation, line.outstanding
    (Decimal('9.26'), Decimal('40.00'), Decimal('1049.26'))
    """

    invoice: str
    issued: _dt.date
    due: _dt.date
    principal: Decimal
    interest: Decimal
    compensation: Decimal
    paid: Decimal
    principal_outstanding: Decimal
    interest_outstanding: Decimal
    compensation_outstanding: Decimal
    charges: Decimal = _ZERO
    charges_outstanding: Decimal = _ZERO
    result: InterestResult | None = field(default=None, repr=False, eq=False)

    @property
    def outstanding(self) -> Decimal:
        """What is still owed on the invoice: principal, interest, compensation and charges."""
        return (
            self.principal_outstanding
            + self.interest_outstanding
            + self.compensation_outstanding
            + self.charges_outstanding
        )

    @property
    def interest_paid(self) -> Decimal:
        """The interest the payments settled."""
        return self.interest - self.interest_outstanding


@frozen
class AccountStatement:
    """What one debtor owes on *as_of*, and why: one line per invoice, and each payment's use.

    *allocation* is the policy that spread the payments; *applied* lists each share of a
    payment on an invoice; *unapplied* is the credit no invoice could take (an
    overpayment); ``balance`` is what is owed net of that credit. *assumptions* list the
    choices the figures rest on.
    """

    as_of: _dt.date
    currency: str
    allocation: Allocation
    lines: tuple[StatementLine, ...]
    receipts: tuple[Receipt, ...]
    applied: tuple[AppliedPayment, ...]
    unapplied: Decimal
    assumptions: tuple[str, ...] = ()

    @property
    def principal(self) -> Decimal:
        """The invoices' amounts."""
        return sum((line.principal for line in self.lines), _ZERO)

    @property
    def interest(self) -> Decimal:
        """The interest the invoices bore up to the statement's day."""
        return sum((line.interest for line in self.lines), _ZERO)

    @property
    def compensation(self) -> Decimal:
        """The fixed compensation of the late invoices."""
        return sum((line.compensation for line in self.lines), _ZERO)

    @property
    def charges(self) -> Decimal:
        """The contractual charges of the late invoices."""
        return sum((line.charges for line in self.lines), _ZERO)

    @property
    def paid(self) -> Decimal:
        """What the payments settled on the invoices (the credit left unapplied excluded)."""
        return sum((line.paid for line in self.lines), _ZERO)

    @property
    def outstanding(self) -> Decimal:
        """What the invoices still owe."""
        return sum((line.outstanding for line in self.lines), _ZERO)

    @property
    def balance(self) -> Decimal:
        """What the debtor owes net of the unapplied credit (negative: the creditor owes)."""
        return self.outstanding - self.unapplied

    def line(self, invoice: str) -> StatementLine:
        """Return the line of *invoice*.

        >>> from payterms.receivables import Invoice
        >>> st = account_statement([Invoice("F-1", "ACME", _dt.date(2025, 1, 15),
        ...                                 _dt.date(2025, 2, 14), Decimal("10"))],
        ...                        as_of=_dt.date(2025, 2, 1))
        >>> st.line("F-1").outstanding
        Decimal('10.00')
        """
        for line in self.lines:
            if line.invoice == invoice:
                return line
        raise InvalidArgument("invoice", invoice, f"one of {[x.invoice for x in self.lines]}")

    def explain(self) -> str:
        """Return the statement as text: the invoices, the payments and their use, the balance.

        >>> from payterms.receivables import Invoice
        >>> st = account_statement([Invoice("F-1", "ACME", _dt.date(2025, 1, 15),
        ...                                 _dt.date(2025, 2, 14), Decimal("10"))],
        ...                        [Receipt(_dt.date(2025, 2, 1), Decimal("12"))],
        ...                        as_of=_dt.date(2025, 2, 1))
        >>> print(st.explain().splitlines()[4:6])
        ['2025-02-01 payment 12.00: F-1 10.00', 'unapplied credit 2.00 EUR']
        """
        head = (
            f"statement of account as of {self.as_of} ({self.currency}), payments allocated "
            f"{_POLICY_WORDS[self.allocation]}"
        )
        charged = bool(self.charges)
        extra = f" {'charges':>9}" if charged else ""
        rows = [
            head,
            f"{'invoice':<9} {'due':<10} {'principal':>10} {'interest':>9} "
            f"{'compensation':>13}{extra} {'paid':>8} {'outstanding':>12}",
        ]
        for line in self.lines:
            extra = f" {line.charges:>9}" if charged else ""
            rows.append(
                f"{line.invoice:<9} {line.due.isoformat():<10} {line.principal:>10} "
                f"{line.interest:>9} {line.compensation:>13}{extra} {line.paid:>8} "
                f"{line.outstanding:>12}"
            )
        extra = f" {self.charges:>9}" if charged else ""
        rows.append(
            f"{'total':<20} {self.principal:>10} {self.interest:>9} {self.compensation:>13}"
            f"{extra} {self.paid:>8} {self.outstanding:>12}"
        )
        for k, receipt in enumerate(self.receipts):
            shares = ", ".join(f"{a.invoice} {a.amount}" for a in self.applied if a.payment == k)
            ref = f" {receipt.ref}" if receipt.ref else ""
            rows.append(f"{receipt.date} payment{ref} {receipt.amount}: {shares or 'not applied'}")
        if self.unapplied:
            rows.append(f"unapplied credit {self.unapplied} {self.currency}")
        rows.append(f"balance due {self.balance} {self.currency}")
        rows.extend(f"- {note}" for note in self.assumptions)
        return "\n".join(rows)

    def _repr_html_(self) -> str | None:
        return frame_html(self)

    def to_frame(self) -> pd.DataFrame:
        """Return one row per invoice as a pandas DataFrame (needs the ``[pandas]`` extra).

        Columns: invoice, issued, due, principal, interest, compensation, charges, paid,
        principal_outstanding, interest_outstanding, compensation_outstanding,
        charges_outstanding, outstanding (amounts as Decimal objects).
        """
        pandas: Any = require("pandas", "AccountStatement.to_frame")
        names = (
            "principal",
            "interest",
            "compensation",
            "charges",
            "paid",
            "principal_outstanding",
            "interest_outstanding",
            "compensation_outstanding",
            "charges_outstanding",
            "outstanding",
        )
        columns: dict[str, list[object]] = {
            "invoice": [x.invoice for x in self.lines],
            "issued": [x.issued for x in self.lines],
            "due": [x.due for x in self.lines],
        }
        for name in names:
            columns[name] = [getattr(x, name) for x in self.lines]
        return pandas.DataFrame(columns)


class _Item:
    """One invoice's claim while the payments are allocated (private working state).

    Without contractual charges the claim is a :class:`~payterms.interest.ClaimLedger`
    that accrues as the payments come; with charges, each question is a whole claim
    under the contract (:meth:`~payterms.charges.Charges.claim`).
    """

    __slots__ = ("_cache", "index", "invoice", "ledger", "paid", "payments", "settled")

    def __init__(self, index: int, invoice: Invoice, claim: _Claim) -> None:
        self.index = index
        self.invoice = invoice
        self.payments: list[Payment] = []
        self.paid = _ZERO
        self.settled = False  # nothing owed after a payment: nothing accrues any more
        self._cache: dict[_dt.date, Decimal] = {}
        self.ledger = (
            ClaimLedger(claim.rules, invoice.amount, due=invoice.due)
            if claim.charges is None
            else None
        )

    def owed(self, day: _dt.date, claim: _Claim) -> Decimal:
        """Return what settles the invoice on *day*, after the payments applied so far."""
        hit = self._cache.get(day)
        if hit is not None:
            return hit
        inv = self.invoice
        if self.ledger is not None:
            value = self.ledger.owed(day)
        elif day <= inv.due:
            value = inv.amount - self.paid
        else:
            value = claim.run(inv, day, self.payments).total_outstanding
        self._cache[day] = value
        return value

    def pay(self, day: _dt.date, amount: Decimal, owed: Decimal) -> None:
        """Apply *amount* of what the invoice *owed* on *day*."""
        payment = Payment(day, amount)
        self.payments.append(payment)
        if self.ledger is not None:
            self.ledger.pay(payment)
        self.paid += amount
        self._cache.clear()
        if amount == owed:
            self.settled = True
            self._cache[day] = _ZERO

    def result(self, as_of: _dt.date, claim: _Claim) -> InterestResult:
        """Return the invoice's claim on *as_of*, with the payments applied to it.

        Without charges this is the invoice's ledger closed on *as_of*: the ledger was fed
        the same payments as :func:`~payterms.late_interest` would be, and asking it what
        it owed left it as it was, so its lines are those of ``late_interest``.
        """
        if self.ledger is not None:
            return self.ledger.result(max(as_of, self.invoice.due))
        return claim.run(self.invoice, max(as_of, self.invoice.due), self.payments)


@frozen
class _Claim:
    """How each invoice's claim is computed: the rules (resolved once) and the contract."""

    currency: str
    rules: ClaimRules
    regime: Regime | None
    rate: object
    assume: RateAssumption | None
    calendar: BusinessCalendar | None
    charges: Charges | None = None
    reminders: Mapping[str, tuple[_dt.date, ...]] | None = None

    def run(self, inv: Invoice, until: _dt.date, payments: list[Payment]) -> InterestResult:
        """Return the claim of *inv* up to *until* under the contract's charges."""
        assert self.charges is not None  # noqa: S101 - the ledger answers without charges
        sent = () if self.reminders is None else self.reminders.get(inv.id, ())
        return self.charges.claim(
            inv.amount,
            due=inv.due,
            until=until,
            regime=self.regime,
            payments=tuple(payments),
            reminders=tuple(d for d in sent if d <= until),
            currency=self.currency,
            assume=self.assume,
            calendar=self.calendar,
        )

    def rate_on(self, day: _dt.date) -> Decimal:
        """Return the annual rate an overdue invoice bears on *day* (how onerous it is)."""
        try:
            return self.rules.source.rate_on(day)
        except RateNotPublished:
            return _ZERO


def _account_invoices(
    invoices: object, payments: tuple[object, ...], as_of: _dt.date
) -> tuple[Invoice, ...]:
    if isinstance(invoices, PaymentPlan):
        plan = invoices.effective(payments, as_of=as_of)
        return plan.invoices()
    if isinstance(invoices, (str, bytes)) or not isinstance(invoices, Iterable):
        raise InvalidType("invoices", invoices, "an iterable of payterms.Invoice or a PaymentPlan")
    items = tuple(invoices)
    if not items:
        raise InvalidArgument("invoices", items, "at least one invoice")
    for i, inv in enumerate(items):
        if not isinstance(inv, Invoice):
            raise InvalidType(f"invoices[{i}]", inv, "a payterms.Invoice")
    return items


def _account_payments(payments: object) -> tuple[Receipt, ...]:
    if isinstance(payments, (str, bytes)) or not isinstance(payments, Iterable):
        raise InvalidType("payments", payments, "an iterable of payterms.Receipt or Payment")
    out = []
    for i, pay in enumerate(payments):
        if isinstance(pay, Receipt):
            out.append(pay)
        elif isinstance(pay, Payment):
            out.append(Receipt(pay.date, pay.amount))
        else:
            raise InvalidType(f"payments[{i}]", pay, "a payterms.Receipt or Payment")
    return tuple(out)


def _spread(left: Decimal, owed: list[Decimal], currency: str) -> list[Decimal]:
    """Return *left* spread over *owed* pro rata (each at most what it owes)."""
    total = sum(owed, _ZERO)
    if left >= total:
        return list(owed)
    return list(allocate(left, owed, currency))


def account_statement(
    invoices: Iterable[Invoice] | PaymentPlan,
    payments: Iterable[Receipt | Payment] = (),
    *,
    as_of: _dt.date,
    regime: Regime | str | None = None,
    rate: Decimal | int | str | RateSource | None = None,
    allocation: Allocation | None = None,
    currency: str | None = None,
    assume: RateAssumption | None = None,
    calendar: BusinessCalendar | None = None,
    charges: Charges | None = None,
    reminders: Mapping[str, Iterable[_dt.date]] | None = None,
) -> AccountStatement:
    """Return the statement of one debtor's *invoices* and *payments* on *as_of*.

    Each payment is allocated on the day it is credited, in date order: first to the
    invoices it names (in their order, each up to what it owes that day), then, for what
    is left, by *allocation*: by default the statutory order of the regime where the
    sources payterms follows give one (NL art. 6:43 BW:
    :attr:`Allocation.DUE_ONEROUS_OLDEST`), else :attr:`Allocation.OLDEST_FIRST` (the
    statement says so). What an invoice owes on a day is its principal, the interest
    from the day after its own due date and its fixed compensation, less what was applied
    to it; within an invoice a payment is imputed in the regime's order
    (:func:`~payterms.late_interest`). What no invoice can take stays as unapplied credit.
    Each invoice's line is its late interest up to *as_of* (*regime*, *rate*, *assume*,
    *calendar* and *currency* are passed on) with the payments applied to it.
    An invoice's own ``payments`` count as payments naming it. *invoices* may also be a
    :class:`PaymentPlan`: its instalments, accelerated as its clause says. *charges* are
    the contract's clauses (:class:`~payterms.charges.Charges`), applied to each invoice
    (:meth:`~payterms.charges.Charges.claim`; *reminders* maps an invoice id to the days
    its reminders were sent, for the reminder fees). Without a regime or a rate, no late
    interest is computed, and the statement says so.

    Raises:
        InvalidArgument: no invoices; two invoices with one id; invoices of different
            customers; a credit note (give it as a payment naming the invoice it
            credits); an invoice issued after *as_of*; a payment after *as_of* or before
            every invoice; a payment naming an unknown invoice, an invoice not issued yet
            or one already settled.
        CurrencyMismatch: invoices (or the regime) in different currencies.
        InvalidType: a float amount, something that is not an invoice or a payment.

    >>> from payterms.receivables import Invoice
    >>> invoices = [
    ...     Invoice("F-1", "ACME", _dt.date(2025, 1, 2), _dt.date(2025, 2, 1), Decimal("600")),
    ...     Invoice("F-2", "ACME", _dt.date(2025, 1, 9), _dt.date(2025, 2, 8), Decimal("400"))]
    >>> st = account_statement(invoices, [Receipt(_dt.date(2025, 1, 31), Decimal("500"))],
    ...                        as_of=_dt.date(2025, 1, 31), allocation=Allocation.PRO_RATA)
    >>> [(a.invoice, a.amount) for a in st.applied]
    [('F-1', Decimal('300.00')), ('F-2', Decimal('200.00'))]
    >>> account_statement(invoices, [Receipt(_dt.date(2025, 1, 31), 50, invoices="F-9")],
    ...                   as_of=_dt.date(2025, 2, 1))
    Traceback (most recent call last):
    payterms.errors.InvalidArgument: payments[0]=... is not accepted: expected invoices among \
['F-1', 'F-2'] (it names 'F-9')

    """
    as_of = check_date(as_of, "as_of")
    if isinstance(regime, str):
        regime = _law_regime(regime)
    elif regime is not None and not isinstance(regime, Regime):
        raise InvalidType("regime", regime, "a payterms.law.Regime or a code such as 'NL'")
    if allocation is not None and not isinstance(allocation, Allocation):
        raise InvalidArgument("allocation", allocation, "a payterms.Allocation member")
    if calendar is not None and not isinstance(calendar, BusinessCalendar):
        raise InvalidType("calendar", calendar, "a payterms.BusinessCalendar")
    given = _account_payments(payments)
    items_in = _account_invoices(invoices, given, as_of)

    # the account's currency: the caller's, the regime's or the invoices'
    codes = {inv.currency for inv in items_in if inv.currency is not None}
    cur = currency or (regime.currency if regime is not None else None)
    if cur is None:
        cur = sorted(codes)[0] if codes else "EUR"
    for code in sorted(codes):
        if code != cur:
            raise CurrencyMismatch(cur, code)
    if regime is not None and regime.currency != cur:
        raise CurrencyMismatch(regime.currency, cur)
    smallest_unit(cur)  # an unknown code raises UnknownCurrency
    bare = [inv.id for inv in items_in if inv.currency is None] if codes else []

    seen: dict[str, int] = {}
    customers = {items_in[0].customer}
    receipts = list(given)
    for i, inv in enumerate(items_in):
        if inv.id in seen:
            raise InvalidArgument(
                f"invoices[{i}]", inv.id, f"an id not used before (invoices[{seen[inv.id]}])"
            )
        seen[inv.id] = i
        if inv.customer not in customers:
            raise InvalidArgument(
                f"invoices[{i}]",
                inv.customer,
                f"invoices of one debtor ({items_in[0].customer!r})",
            )
        if inv.amount <= 0:
            raise InvalidArgument(
                f"invoices[{i}]",
                inv.amount,
                "a positive amount (give a credit note as a Receipt naming the invoice it credits)",
            )
        if quantize(inv.amount, cur) != inv.amount:
            raise InvalidArgument(
                f"invoices[{i}]", inv.amount, f"an amount in whole minor units of {cur}"
            )
        if inv.amount.as_tuple().exponent != -minor_unit(cur):
            items_in = (
                *items_in[:i],
                evolve(inv, amount=quantize(inv.amount, cur)),
                *items_in[i + 1 :],
            )
        if inv.issued > as_of:
            raise InvalidArgument(f"invoices[{i}]", inv.id, f"an invoice issued by {as_of}")
        receipts.extend(Receipt(day, amount, invoices=(inv.id,)) for day, amount in inv.payments)

    first_issued = min(inv.issued for inv in items_in)
    for k, receipt in enumerate(receipts):
        where = f"payments[{k}]" if k < len(given) else "invoice payments"
        if receipt.date > as_of:
            raise InvalidArgument(where, receipt, f"a payment credited by as_of={as_of}")
        if receipt.date < first_issued:
            raise InvalidArgument(
                where, receipt, f"a payment on or after the first invoice ({first_issued})"
            )
        if quantize(receipt.amount, cur) != receipt.amount:
            raise InvalidArgument(where, receipt, f"an amount in whole minor units of {cur}")
        receipts[k] = evolve(receipt, amount=quantize(receipt.amount, cur))
        for name in receipt.invoices:
            if name not in seen:
                raise InvalidArgument(
                    where, receipt, f"invoices among {list(seen)} (it names {name!r})"
                )

    notes: list[str] = []
    if bare:
        notes.append(f"invoices {', '.join(bare)} state no currency: taken in {cur}")
    policy = allocation
    if policy is None:
        statutory = _STATUTORY_ORDER.get(regime.code) if regime is not None else None
        if statutory is not None:
            policy = statutory[1]
            notes.append(
                f"payments that name no invoice are allocated in the statutory order of "
                f"{statutory[0]}: {_POLICY_WORDS[policy]}"
            )
        else:
            policy = Allocation.OLDEST_FIRST
            where = f"under {regime.code}" if regime is not None else "without a regime"
            notes.append(
                "the sources payterms follows give no statutory order for a payment among "
                f"several debts {where}: oldest first assumed (pass allocation= to change)"
            )

    if charges is not None and not isinstance(charges, Charges):
        raise InvalidType("charges", charges, "a payterms.Charges")
    if charges is not None and rate is not None:
        raise InvalidArgument(
            "rate", rate, "None with charges= (the contract's rate is charges.rate)"
        )
    sent: dict[str, tuple[_dt.date, ...]] | None = None
    if reminders is not None:
        if not isinstance(reminders, Mapping):
            raise InvalidType("reminders", reminders, "a mapping of invoice id to reminder days")
        sent = {}
        for name, days in reminders.items():
            if name not in seen:
                raise InvalidArgument("reminders", name, f"invoice ids among {list(seen)}")
            sent[name] = tuple(check_date(d, f"reminders[{name!r}]") for d in days)
        if charges is None:
            raise InvalidArgument("reminders", reminders, "charges= with the reminder fees")
    if regime is None and rate is None and (charges is None or charges.rate is None):
        rate = _ZERO
        notes.append("no regime and no agreed rate: no late interest or compensation computed")
    rules = claim_rules(regime=regime, rate=rate, assume=assume, calendar=calendar, currency=cur)
    claim = _Claim(cur, rules, regime, rate, assume, calendar, charges, sent)
    items = [_Item(i, inv, claim) for i, inv in enumerate(items_in)]
    by_id = {item.invoice.id: item for item in items}
    order = sorted(items, key=lambda x: (x.invoice.issued, x.invoice.due, x.index))
    applied: list[AppliedPayment] = []
    credit: dict[int, Decimal] = {}  # receipt index -> what is left of an overpayment
    # events in date order; on one day, invoices are issued before payments are credited
    events = sorted(
        [(inv.issued, 0, i) for i, inv in enumerate(items_in)]
        + [(r.date, 1, k) for k, r in enumerate(receipts)]
    )
    for day, kind, k in events:
        if kind == 0:
            item = items[k]
            for source, left_credit in credit.items():
                owed = item.owed(day, claim)
                if not owed:
                    break
                if left_credit:
                    take = min(left_credit, owed)
                    item.pay(day, take, owed)
                    applied.append(AppliedPayment(source, day, item.invoice.id, take))
                    credit[source] = left_credit - take
            continue
        receipt = receipts[k]
        left = receipt.amount
        where = f"payments[{k}]" if k < len(given) else "invoice payments"
        for name in receipt.invoices:
            item = by_id[name]
            if item.invoice.issued > day:
                raise InvalidArgument(
                    where, receipt, f"invoices issued by its date (it names {name!r})"
                )
            owed = item.owed(day, claim)
            if owed == 0:
                raise InvalidArgument(
                    where, receipt, f"an invoice still owed on {day} ({name!r} is already paid)"
                )
            take = min(left, owed)
            item.pay(day, take, owed)
            applied.append(AppliedPayment(k, day, name, take, named=True))
            left -= take
            if not left:
                break
        if left:
            while order and order[0].settled:  # oldest first: settled items gather in front
                order.pop(0)
            candidates = []
            for x in order:  # sorted by invoice date
                if x.invoice.issued > day:
                    break
                if not x.settled:
                    candidates.append(x)
            for item, take, owed in _policy_shares(policy, candidates, left, day, claim):
                item.pay(day, take, owed)
                applied.append(AppliedPayment(k, day, item.invoice.id, take))
                left -= take
        if left:
            credit[k] = left
    unapplied = quantize(sum(credit.values(), _ZERO), cur)
    if unapplied:
        notes.append(
            f"{unapplied} {cur} paid beyond what the invoices owe is kept as credit; credit "
            "goes to the invoices issued after it"
        )

    lines: list[StatementLine] = []
    zero = quantize(0, cur)
    for item in items:
        inv = item.invoice
        paid = quantize(item.paid, cur)
        if as_of <= inv.due and item.ledger is None:
            line = StatementLine(
                inv.id, inv.issued, inv.due, inv.amount, zero, zero, paid,
                quantize(inv.amount - item.paid, cur), zero, zero,
            )  # fmt: skip
            lines.append(line)
            continue
        res = item.result(as_of, claim)
        if as_of > inv.due:
            notes.extend(res.assumptions)
        lines.append(
            StatementLine(
                inv.id,
                inv.issued,
                inv.due,
                inv.amount,
                res.interest,
                res.compensation,
                paid,
                res.principal_outstanding,
                res.interest_outstanding,
                res.compensation_outstanding,
                res.charges,
                res.charges_outstanding,
                result=res,
            )
        )
    if isinstance(invoices, PaymentPlan):
        notes.append(
            "each instalment is an invoice: late interest runs on its whole amount, its plan "
            "interest included"
        )
    receipt_order = tuple(receipts)
    return AccountStatement(
        as_of=as_of,
        currency=cur,
        allocation=policy,
        lines=tuple(lines),
        receipts=receipt_order,
        applied=tuple(applied),
        unapplied=unapplied,
        assumptions=tuple(dict.fromkeys(notes)),
    )


def _policy_shares(
    policy: Allocation,
    candidates: list[_Item],
    left: Decimal,
    day: _dt.date,
    claim: _Claim,
) -> list[tuple[_Item, Decimal, Decimal]]:
    """Return ``(item, share, owed)`` for the items that take part of *left* under *policy*.

    *candidates* are the unsettled items issued by *day*, oldest first. What an item owes
    is computed only when the policy reaches it.
    """
    if policy is Allocation.PRO_RATA:
        groups = [candidates]
    elif policy is Allocation.OLDEST_FIRST:
        groups = [[x] for x in candidates]
    else:
        # due debts first; among them the most onerous, then the oldest; ties pro rata
        def key(item: _Item) -> tuple[bool, Decimal, _dt.date]:
            inv = item.invoice
            is_due = inv.due <= day
            onerous = claim.rate_on(day) if is_due else _ZERO
            return (not is_due, -onerous, inv.issued)

        groups = []
        last: tuple[bool, Decimal, _dt.date] | None = None
        for item in sorted(candidates, key=key):
            mark = key(item)
            if groups and mark == last:
                groups[-1].append(item)
            else:
                groups.append([item])
            last = mark
    out: list[tuple[_Item, Decimal, Decimal]] = []
    for group in groups:
        if not left:
            break
        owed = [x.owed(day, claim) for x in group]
        if not any(owed):
            continue
        parts = _spread(left, owed, claim.currency)
        for item, part, debt in zip(group, parts, owed, strict=True):
            if part:
                out.append((item, part, debt))
                left -= part
    return out

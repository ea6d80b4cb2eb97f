"""A customer's account: payment plans for overdue debt.

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

>>> from datetime import date
>>> from decimal import Decimal
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
from collections.abc import Iterable
from decimal import Decimal
from enum import Enum
from typing import TYPE_CHECKING, Any

from attrs import evolve, frozen

from payterms._checks import check_date, check_int, check_rounding, to_decimal
from payterms._extras import require
from payterms.calendars import DayCount
from payterms.charges import Accrual, ContractRate
from payterms.errors import InvalidArgument, InvalidType
from payterms.law import Regime
from payterms.law import regime as _law_regime
from payterms.money import DEFAULT_ROUNDING, Residue, allocate, quantize, smallest_unit
from payterms.receivables import Invoice
from payterms.rules import DueRule, Shift, Unit, add_months, as_rule

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["PaymentPlan", "PlanInstalment", "PlanMethod", "payment_plan"]

_ZERO = Decimal(0)
_ONE_DAY = _dt.timedelta(days=1)
_CONTEXT = decimal.Context(prec=40, rounding=decimal.ROUND_HALF_EVEN)


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
class PlanInstalment:
    """One instalment of a :class:`PaymentPlan`: its *number*, *due* date and parts.

    *days* are the interest days of its period (from the day after the previous due date,
    or after the plan's start, up to and including *due*); *interest* is the interest of
    that period on the balance before it, rounded; *balance* is the principal left after it.

    >>> from datetime import date
    >>> payment_plan(Decimal("100"), 2, start=date(2026, 1, 1), first=date(2026, 2, 1),
    ...              rate=Decimal("0.12")).instalments[0]
    PlanInstalment(number=1, due=datetime.date(2026, 2, 1), principal=Decimal('49.72'), \
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
    instalments: tuple[PlanInstalment, ...]
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

    def missed(self, payments: Iterable[object], *, as_of: _dt.date) -> PlanInstalment | None:
        """Return the first instalment not paid in full by its due date plus the grace days.

        The grace days are the plan's *acceleration* days (0 without a clause); payments
        count on the day they are credited and settle instalments oldest first.

        >>> from datetime import date
        >>> from payterms.interest import Payment
        >>> plan = payment_plan(Decimal("100"), 2, start=date(2026, 1, 1),
        ...                     first=date(2026, 2, 1), acceleration=5)
        >>> plan.missed([Payment(date(2026, 2, 6), Decimal("50"))], as_of=date(2026, 3, 20))
        PlanInstalment(number=2, due=datetime.date(2026, 3, 1), principal=Decimal('50.00'), \
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
        with decimal.localcontext(_CONTEXT):
            interest = (balance * self.rate * factor).quantize(unit, rounding=DEFAULT_ROUNDING)
        last = PlanInstalment(len(kept) + 1, on, balance, interest, _ZERO, days)
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
    with decimal.localcontext(_CONTEXT):
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
    >>> plan = payment_plan(Decimal("1000"), 4, start=date(2025, 7, 15),
    ...                     first=date(2025, 8, 15), method=PlanMethod.EQUAL_PRINCIPAL,
    ...                     rate="BE")
    >>> [(i.principal, i.interest) for i in plan.instalments][:2]
    [(Decimal('250.00'), Decimal('8.92')), (Decimal('250.00'), Decimal('6.69'))]
    >>> plan.assumptions[0][:45]
    'the BE statutory rate in force on 2025-07-16 '
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
        return value.quantize(unit, rounding=rounding, context=_CONTEXT)

    rows: list[PlanInstalment] = []
    balance = principal
    if method is PlanMethod.EQUAL_PRINCIPAL:
        parts = allocate(principal, [1] * n, cur, residue=residue)
        for k, (day, part, (days, factor)) in enumerate(zip(dates, parts, periods, strict=True)):
            with decimal.localcontext(_CONTEXT):
                interest = r(balance * annual * factor)
            balance -= part
            rows.append(PlanInstalment(k + 1, day, part, interest, balance, days))
    else:
        if residue is not Residue.LAST:
            raise InvalidArgument(
                "residue",
                residue,
                "Residue.LAST with equal payments: the last instalment settles the balance",
            )
        with decimal.localcontext(_CONTEXT):
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
            with decimal.localcontext(_CONTEXT):
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
            rows.append(PlanInstalment(k + 1, day, part, interest, balance, days))
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

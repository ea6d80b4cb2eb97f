"""Send timing: when an invoice's money really arrives, and the best day to send it.

A customer that pays in runs (:class:`~payterms.runs.Payer`) turns a due date into a cash
date: the invoice is received, registered and approved, the payer's lateness is added,
its :class:`~payterms.runs.RunPolicy` picks a run outside its closures, and the bank adds
its transfer days. Because runs are days of a month or of a week, sending an invoice one
day later can move the cash date by a whole cycle: these *cliffs* are what
:func:`send_date_table` shows and :func:`best_send_date` avoids.

* :func:`expected_payment_date` returns the day the invoice is paid in full;
* :func:`explain_payment` returns the path of each instalment (:class:`PaymentExplanation`);
* :func:`payment_forecast` returns the distribution of cash dates when the payer's lateness
  is a distribution (:class:`PaymentForecast`: expected date and quantiles);
* :func:`send_date_table` and :func:`best_send_date` compare send days.

The invoice is taken to be dated the day it is sent: terms counting from the invoice date
(or the end of its month) start on *sent*; terms counting from receipt start on the day
the payer receives it; for other start events pass ``term_start=``.

The business days are the payer's (:attr:`Payer.calendar <payterms.runs.Payer>`): its runs
fall on them (``FOLLOWING`` by default, as a :class:`~payterms.runs.PaymentRun` says).
The contractual due dates are not moved unless ``adjustment=`` says how: no calendar is
passed for them, so ``Adjustment.UNADJUSTED`` is the default here, where
:meth:`PaymentTerms.due_date <payterms.terms.PaymentTerms.due_date>` given a calendar
moves to the following business day.

Source for the cliff (reference/finance.md §4.3, user_demand.md §A19): "know your
customer's payment moments — invoicing one day earlier can mean being paid a month
earlier"; the model is finance.md §4.3 (first run on or after the due date, after the
processing lag, adjusted per the customer's rule).

>>> from datetime import date
>>> from payterms.runs import Payer, PaymentRun
>>> from payterms.terms import PaymentTerms
>>> terms = PaymentTerms.end_of_month(30)                       # CM+30D
>>> payer = Payer(runs=PaymentRun.monthly(25), approval_days=5)
>>> expected_payment_date(terms, date(2026, 1, 30), payer)      # due 2 March
datetime.date(2026, 3, 25)
>>> expected_payment_date(terms, date(2026, 2, 2), payer)       # due 30 March
datetime.date(2026, 4, 27)
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date, timedelta
from decimal import Decimal
from enum import Enum
from fractions import Fraction
from typing import TYPE_CHECKING

from attrs import evolve, frozen

from payterms._checks import check_date, check_quantile, to_decimal
from payterms._extras import frame, frame_html, require
from payterms.calendars import Adjustment, check_adjustment
from payterms.errors import InvalidArgument, InvalidType
from payterms.runs import (
    Payer,
    PaymentRun,  # noqa: F401 - the examples build payers with it
    RunPolicy,
)
from payterms.terms import DiscountWindow, LineKind, PaymentTerms, Schedule, Start

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "Cliff",
    "InstallmentPayment",
    "SendObjective",
    "PaymentExplanation",
    "PaymentForecast",
    "SendDateRow",
    "SendDateTable",
    "SendPlan",
    "best_send_date",
    "expected_payment_date",
    "explain_payment",
    "payment_forecast",
    "send_date_table",
]

_ONE_DAY = timedelta(days=1)
_DEFAULT_WINDOW_DAYS = 62
_YEAR_DAYS = Decimal(365)


class SendObjective(Enum):
    """What :func:`best_send_date` optimises.

    >>> plan = best_send_date(PaymentTerms.net(30), Payer(runs=PaymentRun.monthly(25)),
    ...                       ready=date(2026, 2, 1), latest=date(2026, 2, 3),
    ...                       objective=SendObjective.PRESENT_VALUE, rate="0.08")
    >>> plan.sent, plan.cash, round(plan.present_value, 2)
    (datetime.date(2026, 2, 1), datetime.date(2026, 3, 25), Decimal('98.87'))
    """

    EARLIEST_CASH = "earliest_cash"
    """The earliest day the invoice is paid in full; ties go to the earliest send day."""

    PRESENT_VALUE = "present_value"
    """The largest present value at *ready* of the money received (discounts included),
    at a simple annual *rate* on ACT/365 (reference/finance.md §1.1, simple approach);
    ties go to the earliest send day."""


# --------------------------------------------------------------------------- values


@frozen
class InstallmentPayment:
    """How one instalment is paid: its due date, the run that pays it and the cash date.

    Attributes:
        due: the contractual due date of the instalment.
        amount: the instalment's amount (None when no amount was given), or the whole
            discounted payable when a discount is taken.
        target: the date the payer acts on (the due date plus its lateness).
        run: the payment run that pays it.
        cash: the day the money reaches the supplier.
        closures: the payer's closures between *target* and *run* (runs skipped).
        discount: the discount window caught by paying early, if any.

    >>> terms = PaymentTerms.net(30)
    >>> explain_payment(terms, date(2026, 3, 2), Payer(runs=PaymentRun.weekly(3))).payments
    (InstallmentPayment(due=datetime.date(2026, 4, 1), amount=None,
       target=datetime.date(2026, 4, 1), run=datetime.date(2026, 4, 2),
       cash=datetime.date(2026, 4, 2), closures=(), discount=None),)

    """

    due: date
    amount: Decimal | None
    target: date
    run: date
    cash: date
    closures: tuple[tuple[date, date], ...] = ()
    discount: DiscountWindow | None = None


InstalmentPayment = InstallmentPayment
"""The former name of :class:`InstallmentPayment`, kept as an alias: payterms spells
"installment" one way (as :class:`~payterms.terms.Installment` does)."""


@frozen
class PaymentExplanation:
    """The path of an invoice from sending to cash; ``str()`` prints it step by step.

    Attributes:
        sent: the day the invoice is sent (its date).
        received: the day the payer receives it.
        term_start: the date the payment term counts from.
        earliest_run: the first day a run can pay it (registration and approval).
        delay: the payer's lateness, in calendar days, used for this path.
        policy: the payer's run policy.
        approval_days: business days of approval before a run.
        transfer_days: business days from run to cash.
        payments: one :class:`InstallmentPayment` per instalment, in the terms' order.

    >>> from payterms.calendars import BusinessCalendar
    >>> payer = Payer(runs=PaymentRun.monthly(10, 25), calendar=BusinessCalendar.country("BE"),
    ...               approval_days=5, transfer_days=1,
    ...               closures=((date(2026, 8, 1), date(2026, 8, 21)),))
    >>> print(explain_payment(PaymentTerms.net(30), date(2026, 7, 1), payer))
    sent 2026-07-01, received 2026-07-01, runs possible from 2026-07-08 (5 approval days)
      due 2026-07-31
        run 2026-08-25: first run on or after the due date; closure 2026-08-01..2026-08-21 skipped
        cash 2026-08-26 (1 transfer day)
    paid in full on 2026-08-26, 56 days after sending

    """

    sent: date
    received: date
    term_start: date
    earliest_run: date
    delay: int
    policy: RunPolicy
    approval_days: int
    transfer_days: int
    payments: tuple[InstallmentPayment, ...]

    @property
    def cash_date(self) -> date:
        """Return the day the invoice is paid in full (the last instalment's cash date)."""
        return max(p.cash for p in self.payments)

    @property
    def final_run(self) -> date:
        """Return the run that pays the last instalment."""
        return max(p.run for p in self.payments)

    @property
    def days_to_cash(self) -> int:
        """Return the calendar days from sending to being paid in full."""
        return (self.cash_date - self.sent).days

    def __str__(self) -> str:
        approval = f" ({_plural(self.approval_days, 'approval day')})" if self.approval_days else ""
        lines = [
            f"sent {self.sent}, received {self.received}, runs possible from "
            f"{self.earliest_run}{approval}"
        ]
        for p in self.payments:
            amount = f" {p.amount}" if p.amount is not None else ""
            if p.discount is not None:
                lines.append(f"  whole invoice{amount}, final due {p.due}")
                off = (
                    f"{p.discount.percent} %"
                    if p.discount.percent is not None
                    else f"{abs(p.discount.discount)}"
                )
                why = f"early, for the {off} discount until {p.discount.last_day}"
            else:
                late = f" (+{_plural(self.delay, 'day')} late: {p.target})" if self.delay else ""
                lines.append(f"  due {p.due}{amount}{late}")
                why = _POLICY_WORDS[self.policy]
            closed = "".join(f"; closure {a}..{b} skipped" for a, b in p.closures)
            lines.append(f"    run {p.run}: {why}{closed}")
            transfer = (
                f" ({_plural(self.transfer_days, 'transfer day')})" if self.transfer_days else ""
            )
            lines.append(f"    cash {p.cash}{transfer}")
        lines.append(f"paid in full on {self.cash_date}, {self.days_to_cash} days after sending")
        return "\n".join(lines)

    def to_frame(self) -> pd.DataFrame:
        """Return the path of each instalment as a pandas DataFrame (needs ``[pandas]``).

        Columns: ``due``, ``amount`` (None without an amount), ``target`` (the day the
        payer acts on), ``run``, ``cash`` and ``discount`` (the percent earned by paying
        early, else None).
        """
        return frame(
            "PaymentExplanation.to_frame",
            {
                "due": [p.due for p in self.payments],
                "amount": [p.amount for p in self.payments],
                "target": [p.target for p in self.payments],
                "run": [p.run for p in self.payments],
                "cash": [p.cash for p in self.payments],
                "discount": [
                    None if p.discount is None else p.discount.percent for p in self.payments
                ],
            },
        )

    def _repr_html_(self) -> str | None:
        return frame_html(self)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


_POLICY_WORDS = {
    RunPolicy.FIRST_RUN_ON_OR_AFTER_DUE: "first run on or after the due date",
    RunPolicy.LAST_RUN_ON_OR_BEFORE_DUE: "last run on or before the due date",
    RunPolicy.EARLY_FOR_DISCOUNT: "first run on or after the due date, no discount worth it",
}


@frozen
class PaymentForecast:
    """The cash dates of an invoice under a lateness distribution, with their probabilities.

    Attributes:
        outcomes: (probability, explanation) pairs, one per lateness value, probabilities
            exact and summing to 1.

    >>> from payterms.runs import Lateness
    >>> payer = Payer(runs=PaymentRun.monthly(10, 25),
    ...               extra_delay_days=Lateness.empirical([0, 0, 0, 5, 20]))
    >>> forecast = payment_forecast(PaymentTerms.net(30), date(2026, 3, 2), payer)
    >>> forecast.cash_dates
    ((datetime.date(2026, 4, 10), Fraction(4, 5)), (datetime.date(2026, 4, 27), Fraction(1, 5)))
    >>> forecast.expected, forecast.quantile("0.5"), forecast.quantile("0.9")
    (datetime.date(2026, 4, 13), datetime.date(2026, 4, 10), datetime.date(2026, 4, 27))

    """

    outcomes: tuple[tuple[Fraction, PaymentExplanation], ...]

    @property
    def cash_dates(self) -> tuple[tuple[date, Fraction], ...]:
        """Return the distinct cash dates and their probabilities, in date order."""
        merged: dict[date, Fraction] = {}
        for p, explanation in self.outcomes:
            day = explanation.cash_date
            merged[day] = merged.get(day, Fraction(0)) + p
        return tuple(sorted(merged.items()))

    @property
    def expected(self) -> date:
        """Return the probability-weighted mean cash date, rounded half up to a whole day."""
        return _mean_date((p, e.cash_date) for p, e in self.outcomes)

    def quantile(self, q: Fraction | Decimal | str | int) -> date:
        """Return the earliest cash date by which the invoice is paid with probability >= *q*."""
        share = check_quantile(q)
        cumulative = Fraction(0)
        dates = self.cash_dates
        for day, p in dates:
            cumulative += p
            if cumulative >= share:
                return day
        return dates[-1][0]  # pragma: no cover - probabilities sum to 1

    def to_frame(self) -> pd.DataFrame:
        """Return the distinct cash dates and their probabilities (needs ``[pandas]``).

        Columns: ``cash`` (the date) and ``probability`` (an exact ``Fraction``), in
        date order; the probabilities sum to 1.

        >>> from payterms.runs import Lateness
        >>> payer = Payer(runs=PaymentRun.monthly(10, 25),
        ...               extra_delay_days=Lateness.empirical([0, 0, 0, 5, 20]))
        >>> payment_forecast(PaymentTerms.net(30), date(2026, 3, 2), payer).to_frame()
                 cash probability
        0  2026-04-10         4/5
        1  2026-04-27         1/5
        """
        dates = self.cash_dates
        return frame(
            "PaymentForecast.to_frame",
            {"cash": [d for d, _ in dates], "probability": [p for _, p in dates]},
        )

    def _repr_html_(self) -> str | None:
        return frame_html(self)

    def __str__(self) -> str:
        rows = [f"  {day}: {float(p):6.1%}" for day, p in self.cash_dates]
        return "\n".join(
            [
                f"expected {self.expected}; median {self.quantile(Fraction(1, 2))}; "
                f"90 % by {self.quantile(Fraction(9, 10))}",
                *rows,
            ]
        )


# --------------------------------------------------------------------------- computing


def _mean_date(weighted: Iterable[tuple[Fraction, date]]) -> date:
    """Return the probability-weighted mean of dates, rounded half up to a whole day."""
    mean = sum((p * day.toordinal() for p, day in weighted), Fraction(0))
    return date.fromordinal(int(mean + Fraction(1, 2)))


def _check_terms(terms: object) -> PaymentTerms:
    if not isinstance(terms, PaymentTerms):
        raise InvalidType("terms", terms, "a payterms.PaymentTerms")
    return terms


def _check_payer(payer: object) -> Payer:
    if not isinstance(payer, Payer):
        raise InvalidType("payer", payer, "a payterms.Payer")
    return payer


def _nominal_amount(terms: PaymentTerms) -> Decimal:
    """Return an amount the terms can schedule: 100 plus what the fixed lines take."""
    fixed = sum(
        (line.value for line in terms.installments if line.kind is LineKind.FIXED and line.value),
        Decimal(0),
    )
    return Decimal(100) + fixed


@frozen
class _Setup:
    """The arguments every computation shares, checked once."""

    terms: PaymentTerms
    payer: Payer
    amount: Decimal | None
    term_start: date | None
    adjustment: Adjustment
    currency: str
    tax: Decimal | None = None


def _setup(
    terms: object,
    payer: object,
    amount: object,
    term_start: object,
    adjustment: object,
    currency: str,
    tax: object = None,
) -> _Setup:
    checked_terms = _check_terms(terms)
    checked_payer = _check_payer(payer)
    value = None if amount is None else to_decimal(amount, "amount")
    start = None if term_start is None else check_date(term_start, "term_start")
    checked_adjustment = check_adjustment(adjustment)
    if checked_terms.start not in (Start.INVOICE_DATE, Start.END_OF_MONTH, Start.RECEIPT) and (
        start is None
    ):
        raise InvalidArgument(
            "term_start",
            None,
            f"the date of the {checked_terms.start.value} event the terms count from",
        )
    tax_value = None if tax is None else to_decimal(tax, "tax")
    if checked_payer.policy is RunPolicy.EARLY_FOR_DISCOUNT:
        if any(line.discounts for line in checked_terms.installments):
            raise InvalidArgument(
                "terms",
                checked_terms,
                "discounts on the whole invoice: a payer who chooses its discount "
                "(EARLY_FOR_DISCOUNT) is not forecast on instalment discounts",
            )
        if value is None and any(tier.amount is not None for tier in checked_terms.discounts):
            raise InvalidArgument(
                "amount", None, "the invoice amount: what a fixed discount is worth depends on it"
            )
    elif value is None and (
        checked_terms.discounts or any(line.discounts for line in checked_terms.installments)
    ):
        # without an amount only the dates matter, and this payer takes no discount
        checked_terms = evolve(
            checked_terms,
            discounts=(),
            installments=tuple(evolve(line, discounts=()) for line in checked_terms.installments),
        )
    return _Setup(
        checked_terms, checked_payer, value, start, checked_adjustment, currency, tax_value
    )


def _schedule(setup: _Setup, sent: date, received: date) -> tuple[date, Schedule]:
    terms = setup.terms
    if setup.term_start is not None:
        start = setup.term_start
    elif terms.start is Start.RECEIPT:
        start = received
    else:
        start = sent
    amount = setup.amount if setup.amount is not None else _nominal_amount(terms)
    calendar = None if setup.adjustment is Adjustment.UNADJUSTED else setup.payer.calendar
    tax = setup.tax
    if tax is None and setup.amount is None:
        tax = Decimal(0)  # without an amount only dates matter; shares are of the whole
    schedule = terms.schedule(
        start,
        amount,
        calendar=calendar,
        adjustment=setup.adjustment,
        currency=setup.currency,
        tax=tax,
    )
    return start, schedule


def _pv(amount: Decimal, cash: date, base: date, rate: Decimal) -> Decimal:
    """Return *amount* received on *cash* discounted to *base* at simple *rate*, ACT/365."""
    if rate == 0:
        return amount
    return amount / (1 + rate * Decimal((cash - base).days) / _YEAR_DAYS)


def _explain(setup: _Setup, sent: date, delay: int) -> PaymentExplanation:
    payer = setup.payer
    received = payer.received(sent)
    start, schedule = _schedule(setup, sent, received)
    earliest = payer.earliest_run_day(received)
    net: list[InstallmentPayment] = []
    for due in schedule.dues:
        target = due.date + timedelta(days=delay)
        run = payer.payment_run(due.date, received=received, delay=delay)
        reference = max(target, earliest)
        lo, hi = (run, reference) if run <= reference else (reference, run)
        net.append(
            InstallmentPayment(
                due=due.date,
                amount=due.amount if setup.amount is not None else None,
                target=target,
                run=run,
                cash=payer.cash_date(run),
                closures=payer.closures_between(lo, hi) if lo != hi else (),
            )
        )
    payments = tuple(net)
    if payer.policy is RunPolicy.EARLY_FOR_DISCOUNT and schedule.discounts:
        payments = _discount_choice(setup, schedule, received, payments)
    return PaymentExplanation(
        sent=sent,
        received=received,
        term_start=start,
        earliest_run=earliest,
        delay=delay,
        policy=payer.policy,
        approval_days=payer.approval_days,
        transfer_days=payer.transfer_days,
        payments=payments,
    )


def _discount_choice(
    setup: _Setup,
    schedule: Schedule,
    received: date,
    net: tuple[InstallmentPayment, ...],
) -> tuple[InstallmentPayment, ...]:
    """Return the payments of the cheapest option for the payer: net, or a discount caught.

    The payer compares what it pays under each option discounted, at its
    ``cost_of_capital`` (simple interest on ACT/365), to the earliest payment among the
    options. For one discount against net this is the textbook rule: take the discount
    when its simple annual cost ``d/(1-d) x 365/t`` exceeds the cost of capital, *t*
    being the days between the two actual payments (reference/finance.md §1.1 and §1.3).
    Without a cost of capital the payer takes the largest discount it can catch. A tie
    keeps the net option (finance.md §1.3 leaves ">" against ">=" open).
    """
    payer = setup.payer
    rate = payer.cost_of_capital if payer.cost_of_capital is not None else Decimal(0)
    options: list[tuple[DiscountWindow, date]] = []
    for window in schedule.discounts:
        run = payer.run_on_or_before(window.last_day, received=received)
        if run is not None:
            options.append((window, run))
    if not options:
        return net
    base = min([p.run for p in net] + [run for _, run in options])
    best_cost = sum(
        (_pv(d.amount, p.run, base, rate) for d, p in zip(schedule.dues, net, strict=True)),
        Decimal(0),
    )
    best = net
    for window, run in options:
        cost = _pv(window.payable, run, base, rate)
        if cost < best_cost:
            best_cost = cost
            best = (
                InstallmentPayment(
                    due=schedule.final_due,
                    amount=window.payable if setup.amount is not None else None,
                    target=window.last_day,
                    run=run,
                    cash=payer.cash_date(run),
                    discount=window,
                ),
            )
    return best


def _delays(payer: Payer) -> tuple[tuple[int, Fraction], ...]:
    return payer.extra_delay_days.outcomes


def explain_payment(
    terms: PaymentTerms,
    sent: date,
    payer: Payer,
    *,
    amount: Decimal | int | str | None = None,
    term_start: date | None = None,
    adjustment: Adjustment = Adjustment.UNADJUSTED,
    currency: str = "EUR",
    tax: Decimal | int | str | None = None,
    delay: int | None = None,
) -> PaymentExplanation:
    """Return how an invoice sent on *sent* is paid: per instalment, due date, run and cash.

    *amount* fills in the instalment amounts (and lets fixed-amount lines be checked);
    without it the dates are the same and amounts are None. *tax* is the tax included
    in *amount*, needed with an amount when the discount's tax base excludes tax.
    *adjustment* moves the contractual due dates on the payer's calendar (none by
    default: the calendar is the payer's, not one passed for the due dates, and the runs
    already fall on business days). For a payer whose lateness is a
    distribution pass *delay* (one of its values), or use :func:`payment_forecast`.

    >>> payer = Payer(runs=PaymentRun.monthly(10, 25), approval_days=5, transfer_days=1)
    >>> e = explain_payment(PaymentTerms.net(30), date(2026, 1, 30), payer)
    >>> e.payments[0].due, e.payments[0].run, e.cash_date
    (datetime.date(2026, 3, 1), datetime.date(2026, 3, 10), datetime.date(2026, 3, 11))
    """
    setup = _setup(terms, payer, amount, term_start, adjustment, currency, tax)
    sent = check_date(sent, "sent")
    outcomes = _delays(setup.payer)
    if delay is None:
        if len(outcomes) != 1:
            raise InvalidArgument(
                "delay",
                None,
                f"one value of the payer's lateness {setup.payer.extra_delay_days!r}, or "
                "payment_forecast() for the whole distribution",
            )
        delay = outcomes[0][0]
    elif isinstance(delay, bool) or not isinstance(delay, int):
        raise InvalidType("delay", delay, "an int number of days")
    return _explain(setup, sent, delay)


def payment_forecast(
    terms: PaymentTerms,
    sent: date,
    payer: Payer,
    *,
    amount: Decimal | int | str | None = None,
    term_start: date | None = None,
    adjustment: Adjustment = Adjustment.UNADJUSTED,
    currency: str = "EUR",
    tax: Decimal | int | str | None = None,
) -> PaymentForecast:
    """Return the cash dates of an invoice under the payer's lateness distribution.

    Each lateness value of ``payer.extra_delay_days`` gives one path
    (:func:`explain_payment`); a fixed lateness gives one path with probability 1.

    >>> payer = Payer(runs=PaymentRun.weekly(3))
    >>> payment_forecast(PaymentTerms.net(30), date(2026, 3, 2), payer).expected
    datetime.date(2026, 4, 2)
    """
    setup = _setup(terms, payer, amount, term_start, adjustment, currency, tax)
    sent = check_date(sent, "sent")
    return PaymentForecast(
        outcomes=tuple((p, _explain(setup, sent, d)) for d, p in _delays(setup.payer))
    )


def _fast_cash(setup: _Setup, sent: date) -> tuple[date, date, date | None] | None:
    """Return (cash date, final due date, final run) without building explanations.

    The run and the cash date never move earlier when the due date moves later (for
    the first-run and last-run policies), so the invoice is paid in full when its final
    due date is: one due date is enough. Returns None when the full path is needed (an
    amount to check, a discount the payer may chase).
    """
    payer, terms = setup.payer, setup.terms
    if setup.amount is not None or (
        payer.policy is RunPolicy.EARLY_FOR_DISCOUNT and terms.discounts
    ):
        return None
    received = payer.received(sent)
    if setup.term_start is not None:
        start = setup.term_start
    elif terms.start is Start.RECEIPT:
        start = received
    else:
        start = sent
    calendar = None if setup.adjustment is Adjustment.UNADJUSTED else payer.calendar
    due = terms.due_date(start, calendar=calendar, adjustment=setup.adjustment)
    earliest = payer.earliest_run_day(received)
    outcomes = payer.extra_delay_days.outcomes
    if len(outcomes) == 1:
        run = payer._pay(due, received, earliest, outcomes[0][0])
        return payer.cash_date(run), due, run
    cash = _mean_date(
        (p, payer.cash_date(payer._pay(due, received, earliest, d))) for d, p in outcomes
    )
    return cash, due, None


def _cash(setup: _Setup, sent: date) -> tuple[date, PaymentExplanation | PaymentForecast]:
    outcomes = _delays(setup.payer)
    if len(outcomes) == 1:
        explanation = _explain(setup, sent, outcomes[0][0])
        return explanation.cash_date, explanation
    forecast = PaymentForecast(outcomes=tuple((p, _explain(setup, sent, d)) for d, p in outcomes))
    return forecast.expected, forecast


def expected_payment_date(
    terms: PaymentTerms,
    sent: date,
    payer: Payer,
    *,
    amount: Decimal | int | str | None = None,
    term_start: date | None = None,
    adjustment: Adjustment = Adjustment.UNADJUSTED,
    currency: str = "EUR",
    tax: Decimal | int | str | None = None,
) -> date:
    """Return the day the money of an invoice sent on *sent* is on the supplier's account.

    The day the last instalment's money arrives; with a lateness distribution, the
    expected (probability-weighted mean) date, see :func:`payment_forecast` for its
    quantiles. Each step is shown by :func:`explain_payment`.

    >>> from payterms.calendars import BusinessCalendar
    >>> payer = Payer(runs=PaymentRun.monthly(10, 25), calendar=BusinessCalendar.country("BE"),
    ...               approval_days=5, transfer_days=1,
    ...               closures=((date(2026, 8, 1), date(2026, 8, 21)),))
    >>> expected_payment_date(PaymentTerms.net(30), date(2026, 1, 30), payer)
    datetime.date(2026, 3, 11)
    """
    setup = _setup(terms, payer, amount, term_start, adjustment, currency, tax)
    sent = check_date(sent, "sent")
    fast = _fast_cash(setup, sent)
    return fast[0] if fast is not None else _cash(setup, sent)[0]


# --------------------------------------------------------------------------- send days


@frozen
class SendDateRow:
    """One possible send day of :func:`send_date_table`.

    Attributes:
        sent: the send day (the invoice date).
        due: the final contractual due date.
        run: the run paying the last instalment (None under a lateness distribution).
        cash: the day the invoice is paid in full (expected date under a distribution).
        days_to_cash: calendar days from *sent* to *cash*.
        days_gained: days to cash when sending on the table's first day, less
            *days_to_cash*: positive when waiting to send costs nothing (the cash date
            does not move), negative once a run is missed.

    >>> row = send_date_table(PaymentTerms.net(30), Payer(runs=PaymentRun.monthly(25)),
    ...                       start=date(2026, 1, 20), end=date(2026, 1, 27)).rows[-1]
    >>> row.sent, row.cash, row.days_to_cash, row.days_gained
    (datetime.date(2026, 1, 27), datetime.date(2026, 3, 25), 57, -21)

    """

    sent: date
    due: date
    run: date | None
    cash: date
    days_to_cash: int
    days_gained: int


@frozen
class Cliff:
    """The last send day that still catches a run: one day later, the money comes later.

    Attributes:
        last_send: the last send day that gets *cash*.
        cash: the cash date when sending on or before *last_send*.
        next_cash: the cash date when sending the day after.

    >>> t = send_date_table(PaymentTerms.end_of_month(30), Payer(runs=PaymentRun.monthly(25)),
    ...                     start=date(2026, 1, 26), end=date(2026, 2, 5))
    >>> t.cliffs
    (Cliff(last_send=datetime.date(2026, 1, 31), cash=datetime.date(2026, 3, 25),
           next_cash=datetime.date(2026, 4, 27)),)
    >>> t.cliffs[0].days_lost
    33

    """

    last_send: date
    cash: date
    next_cash: date

    @property
    def days_lost(self) -> int:
        """Return how many days later the money comes when sending one day too late."""
        return (self.next_cash - self.cash).days


@frozen
class SendDateTable:
    """One row per send day from *start* to *end*, and the cliffs between them.

    ``str()`` prints the table, marking each cliff.

    >>> t = send_date_table(PaymentTerms.end_of_month(30), Payer(runs=PaymentRun.monthly(25)),
    ...                     start=date(2026, 1, 30), end=date(2026, 2, 2))
    >>> print(t)
    sent        due         cash        days  gained
    2026-01-30  2026-03-02  2026-03-25    54       0
    2026-01-31  2026-03-02  2026-03-25    53       1  <- last day for this cash date
    2026-02-01  2026-03-30  2026-04-27    85     -31
    2026-02-02  2026-03-30  2026-04-27    84     -30
    """

    rows: tuple[SendDateRow, ...]
    cliffs: tuple[Cliff, ...]

    def __iter__(self) -> Iterator[SendDateRow]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def to_frame(self) -> pd.DataFrame:
        """Return the rows as a pandas DataFrame (needs the ``[pandas]`` extra).

        Columns: ``sent``, ``due``, ``run``, ``cash`` (dates), ``days_to_cash``,
        ``days_gained`` and ``cliff`` (True on the last send day for a cash date).

        >>> t = send_date_table(PaymentTerms.end_of_month(30), Payer(runs=PaymentRun.monthly(25)),
        ...                     start=date(2026, 1, 30), end=date(2026, 2, 1))
        >>> t.to_frame()[["sent", "cash", "cliff"]]
                 sent        cash  cliff
        0  2026-01-30  2026-03-25  False
        1  2026-01-31  2026-03-25   True
        2  2026-02-01  2026-04-27  False
        """
        pandas = require("pandas", "SendDateTable.to_frame")
        cliff_days = {c.last_send for c in self.cliffs}
        return pandas.DataFrame(
            {
                "sent": [r.sent for r in self.rows],
                "due": [r.due for r in self.rows],
                "run": [r.run for r in self.rows],
                "cash": [r.cash for r in self.rows],
                "days_to_cash": [r.days_to_cash for r in self.rows],
                "days_gained": [r.days_gained for r in self.rows],
                "cliff": [r.sent in cliff_days for r in self.rows],
            }
        )

    def _repr_html_(self) -> str | None:
        return frame_html(self)

    def __str__(self) -> str:
        cliff_days = {c.last_send for c in self.cliffs}
        lines = ["sent        due         cash        days  gained"]
        for r in self.rows:
            mark = "  <- last day for this cash date" if r.sent in cliff_days else ""
            lines.append(
                f"{r.sent}  {r.due}  {r.cash}  {r.days_to_cash:4d}  {r.days_gained:6d}{mark}"
            )
        return "\n".join(lines)


def _row_facts(setup: _Setup, sent: date) -> tuple[date, date, date | None]:
    fast = _fast_cash(setup, sent)
    if fast is not None:
        return fast
    cash, detail = _cash(setup, sent)
    if isinstance(detail, PaymentExplanation):
        return cash, max(p.due for p in detail.payments), detail.final_run
    first = detail.outcomes[0][1]
    return cash, max(p.due for p in first.payments), None


def send_date_table(
    terms: PaymentTerms,
    payer: Payer,
    *,
    start: date,
    end: date,
    amount: Decimal | int | str | None = None,
    term_start: date | None = None,
    adjustment: Adjustment = Adjustment.UNADJUSTED,
    currency: str = "EUR",
    tax: Decimal | int | str | None = None,
) -> SendDateTable:
    """Return, for each send day in [start, end], the cash date and the days gained or lost.

    The cliffs are the send days after which the cash date jumps (the last send day that
    still catches each run); the day after *end* is looked at, so a cliff on *end* shows.

    >>> payer = Payer(runs=PaymentRun.monthly(25), approval_days=5)
    >>> table = send_date_table(PaymentTerms.end_of_month(30), payer,
    ...                         start=date(2026, 1, 1), end=date(2026, 3, 31))
    >>> [c.last_send for c in table.cliffs]
    [datetime.date(2026, 1, 31), datetime.date(2026, 2, 28), datetime.date(2026, 3, 31)]
    """
    setup = _setup(terms, payer, amount, term_start, adjustment, currency, tax)
    start = check_date(start, "start")
    end = check_date(end, "end")
    if end < start:
        raise InvalidArgument("end", end, f"a day on or after start={start.isoformat()}")
    rows: list[SendDateRow] = []
    cliffs: list[Cliff] = []
    base_days = 0
    day = start
    previous: SendDateRow | None = None
    while day <= end + _ONE_DAY:
        cash, due, run = _row_facts(setup, day)
        days_to_cash = (cash - day).days
        if previous is None:
            base_days = days_to_cash
        row = SendDateRow(
            sent=day,
            due=due,
            run=run,
            cash=cash,
            days_to_cash=days_to_cash,
            days_gained=base_days - days_to_cash,
        )
        if previous is not None and cash != previous.cash:
            cliffs.append(Cliff(last_send=previous.sent, cash=previous.cash, next_cash=cash))
        if day <= end:
            rows.append(row)
        previous = row
        day += _ONE_DAY
    return SendDateTable(rows=tuple(rows), cliffs=tuple(cliffs))


@frozen
class SendPlan:
    """The send day :func:`best_send_date` picks, and why.

    Attributes:
        sent: the send day picked.
        cash: the day the invoice is paid in full when sent then.
        last_send_same_cash: the last day in the window that still gives *cash*: sending
            later than *sent* but not after it costs nothing.
        present_value: the value at *ready* of the money received (``PRESENT_VALUE``
            only; per 100 of invoice, plus any fixed-amount lines, when no amount is given,
            then with no tax).
        table: the send-date table the choice was made from.

    >>> payer = Payer(runs=PaymentRun.monthly(25), approval_days=5)
    >>> plan = best_send_date(PaymentTerms.end_of_month(30), payer,
    ...                       ready=date(2026, 1, 20), latest=date(2026, 2, 10))
    >>> plan.sent, plan.cash, plan.last_send_same_cash
    (datetime.date(2026, 1, 20), datetime.date(2026, 3, 25), datetime.date(2026, 1, 31))

    """

    sent: date
    cash: date
    last_send_same_cash: date
    present_value: Decimal | None
    table: SendDateTable


def _plan_value(setup: _Setup, sent: date, ready: date, rate: Decimal) -> Decimal:
    """Return the expected present value at *ready* of the money received (amount set)."""
    _, detail = _cash(setup, sent)
    outcomes = (
        ((Fraction(1), detail),) if isinstance(detail, PaymentExplanation) else detail.outcomes
    )
    total = Decimal(0)
    for p, explanation in outcomes:
        value = sum(
            (_pv(pay.amount or Decimal(0), pay.cash, ready, rate) for pay in explanation.payments),
            Decimal(0),
        )
        total += value * p.numerator / p.denominator
    return total


def best_send_date(
    terms: PaymentTerms,
    payer: Payer,
    ready: date,
    latest: date | None = None,
    *,
    objective: SendObjective = SendObjective.EARLIEST_CASH,
    rate: Decimal | int | str | None = None,
    amount: Decimal | int | str | None = None,
    term_start: date | None = None,
    adjustment: Adjustment = Adjustment.UNADJUSTED,
    currency: str = "EUR",
    tax: Decimal | int | str | None = None,
) -> SendPlan:
    """Return the best day in [ready, latest] to send an invoice: never before *ready*.

    *ready* is the first day the invoice can go (the work is done); *latest* defaults
    to 62 days later. ``SendObjective.EARLIEST_CASH`` picks the earliest full cash date,
    ``SendObjective.PRESENT_VALUE`` the largest present value at *ready* at the simple annual
    *rate* (which counts a discount the payer takes); ties go to the earliest send day.
    For a payer that does not chase discounts the cash date never moves earlier when the
    invoice goes later, so the answer is *ready*, and :attr:`SendPlan.last_send_same_cash`
    says how long sending can wait for free.

    >>> best_send_date(PaymentTerms.net(30), Payer(runs=PaymentRun.monthly(25)),
    ...                ready=date(2026, 2, 1), latest=date(2026, 1, 31))
    Traceback (most recent call last):
    payterms.errors.InvalidArgument: latest=datetime.date(2026, 1, 31) is not accepted: ...
    """
    setup = _setup(terms, payer, amount, term_start, adjustment, currency, tax)
    ready = check_date(ready, "ready")
    if latest is None:
        latest = ready + timedelta(days=_DEFAULT_WINDOW_DAYS)
    latest = check_date(latest, "latest")
    if latest < ready:
        raise InvalidArgument(
            "latest", latest, f"a day on or after ready={ready.isoformat()} (the work is done)"
        )
    if not isinstance(objective, SendObjective):
        raise InvalidType("objective", objective, "a payterms.SendObjective member")
    table = send_date_table(
        setup.terms,
        setup.payer,
        start=ready,
        end=latest,
        amount=setup.amount,
        term_start=setup.term_start,
        adjustment=setup.adjustment,
        currency=setup.currency,
        tax=setup.tax,
    )
    value: Decimal | None = None
    if objective is SendObjective.EARLIEST_CASH:
        best = min(table.rows, key=lambda r: (r.cash, r.sent))
    else:
        if rate is None:
            raise InvalidArgument("rate", None, "an annual rate for SendObjective.PRESENT_VALUE")
        annual = to_decimal(rate, "rate")
        if annual < 0:
            raise InvalidArgument("rate", rate, "an annual rate >= 0, as a fraction")
        if setup.amount is None:
            setup = _Setup(
                setup.terms,
                setup.payer,
                _nominal_amount(setup.terms),
                setup.term_start,
                setup.adjustment,
                setup.currency,
                setup.tax if setup.tax is not None else Decimal(0),
            )
        values = [(_plan_value(setup, r.sent, ready, annual), r) for r in table.rows]
        top = max(v for v, _ in values)
        value, best = next((v, r) for v, r in values if v == top)
    last_same = best.sent
    for row in table.rows[table.rows.index(best) + 1 :]:
        if row.cash != best.cash:
            break
        last_same = row.sent
    return SendPlan(
        sent=best.sent,
        cash=best.cash,
        last_send_same_cash=last_same,
        present_value=value,
        table=table,
    )

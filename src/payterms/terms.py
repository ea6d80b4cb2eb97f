"""Payment terms: instalments, early-payment discounts and the exact schedule of an invoice.

A :class:`PaymentTerms` value holds instalment lines (a percentage, a fixed amount or
the balance, each due by a :class:`~payterms.rules.DueRule`), early-payment discount
tiers and the event the term counts from. :meth:`PaymentTerms.schedule` turns it, for
one start date and amount, into a :class:`Schedule`: the due dates and amounts (which
add up to the amount exactly) and the discount windows (whose payable amount and
discount add up to the amount exactly).

Where the residue goes: each percentage line is rounded once to the currency's minor
unit (``rounding=``, half-up by default); the balance line takes what is left, or,
without a balance line, the last line does. Rounding never makes a line negative, and
never leaves a line at zero when the amount has at least one minor unit per line (a
line whose exact share is positive then gets at least one unit, taken from the largest
line). Below that (say 0.02 EUR over three lines) some lines are necessarily zero.

More information:

* Odoo ``account.payment.term`` (16.0 balance line; 17.0+ early discount and its three
  tax modes), ERPNext Payment Terms Template, Business Central Payment Terms, SAP terms
  of payment (see the project's equivalence notes in ``docs/terms.md``).
* Code de commerce, art. L441-10 I (the two readings of "45 jours fin de mois", CEPC).

>>> from datetime import date, timedelta
>>> from decimal import Decimal
>>> terms = PaymentTerms(
...     installments=(Installment.percent(Decimal("30"), "0D"), Installment.balance("CM+30D")),
...     discounts=(DiscountTier(Decimal("2"), "10D"),),
... )
>>> sched = terms.schedule(date(2026, 1, 15), Decimal("1210.00"))
>>> sched.dues
(Due(date=datetime.date(2026, 1, 15), amount=Decimal('363.00')),
 Due(date=datetime.date(2026, 3, 2), amount=Decimal('847.00')))
>>> sched.discounts
(DiscountWindow(last_day=datetime.date(2026, 1, 25), percent=Decimal('2'),
                payable=Decimal('1185.80'), discount=Decimal('24.20'), base=Decimal('1210.00')),)
"""

from __future__ import annotations

import itertools
import warnings
from collections.abc import Callable, Iterable
from datetime import date, timedelta
from decimal import ROUND_HALF_EVEN, Decimal
from enum import Enum
from functools import lru_cache
from typing import TYPE_CHECKING, cast

from attrs import evolve, field, frozen

from payterms._checks import check_date, check_int, check_rounding, to_decimal
from payterms._extras import frame, frame_html
from payterms._upcalls import upcall
from payterms.calendars import Adjustment, BusinessCalendar, check_adjustment
from payterms.errors import (
    InvalidArgument,
    InvalidTerms,
    InvalidType,
    LimitExceeded,
    PaytermsError,
    PaytermsWarning,
)
from payterms.limits import MAX_AMOUNT_DIGITS, MAX_COUNT
from payterms.money import (
    CONTEXT,
    DEFAULT_ROUNDING,
    EXACT_DIGITS,
    exact_to_unit,
    round_to_unit,
    smallest_unit,
)
from payterms.rules import (
    DayOfMonth,
    DueRule,
    EndOf,
    NextWeekday,
    Period,
    Shift,
    StartOf,
    Unit,
    as_rule,
    end_of_month,
)

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "CashPercent",
    "Due",
    "DiscountTier",
    "DiscountWindow",
    "EndOfMonth",
    "Installment",
    "LineKind",
    "PaymentTerms",
    "PercentOf",
    "Schedule",
    "Start",
    "TaxBase",
    "TermHoliday",
    "end_of_month_rule",
]

_Date = date  # for annotations inside classes with a field named "date"
_Plain = tuple[timedelta, tuple[tuple[timedelta, Decimal, Decimal], ...]]
"""The one-step path of ``schedule``: the due rule's days, and per discount tier its days,
percent and percent / 100."""
_HUNDRED = Decimal(100)
_EXACT = f"an amount of at most {EXACT_DIGITS} digits down to the minor unit"
_SMALL = min(EXACT_DIGITS - 8, MAX_AMOUNT_DIGITS)
"""Digits before the point below which an amount needs no check: it is rounded exactly and
within payterms.limits.MAX_AMOUNT_DIGITS (a larger one takes the checked path, which refuses
it)."""


class Start(Enum):
    """The event a payment term counts from; ``schedule(start, ...)`` takes its date.

    >>> terms = PaymentTerms(installments=(Installment.balance("45D"),), start=Start.END_OF_MONTH)
    >>> terms.due_date(date(2026, 1, 15))                   # 31 Jan + 45 days
    datetime.date(2026, 3, 17)
    """

    INVOICE_DATE = "invoice_date"
    """The invoice (issue) date: the default in every peer system, and the start of the
    French caps (Code de commerce L441-10 I: 60 days after the issue date)."""

    RECEIPT = "receipt"
    """Receipt of the invoice by the buyer (terms "payable on receipt")."""

    DELIVERY = "delivery"
    """Delivery of the goods or performance of the service (L441-10 I default term:
    30 days after receipt of the goods or performance)."""

    ORDER = "order"
    """The order date (deposits "30 % with the order")."""

    POSTING = "posting"
    """The posting date (SAP baseline date option, ERPNext posting date)."""

    END_OF_MONTH = "end_of_month"
    """The last day of the month of the given date: rules count from there (ERPNext
    "after the end of the invoice month", SAP baseline fixed day 31)."""


class EndOfMonth(Enum):
    """The two lawful readings of "N jours fin de mois" (CEPC, Code de commerce L441-10).

    >>> [PaymentTerms.end_of_month(45, reading=r).due_date(date(2026, 1, 15)) for r in EndOfMonth]
    [datetime.date(2026, 3, 17), datetime.date(2026, 3, 31)]
    """

    THEN_DAYS = "then_days"
    """End of the invoice month, then N days: ``CM+45D`` (15 Jan -> 17 Mar). Odoo 17+
    "days after end of month", ERPNext, SAP fixed day 31 + days, US "net 30 EOM"."""

    DAYS_THEN = "days_then"
    """N days, then the end of that month: ``45D+CM`` (15 Jan -> 31 Mar). Odoo 16
    ``end_month``, Odoo 17+ "days end of month on the 0", Tryton {days} then {day 31}."""


def end_of_month_rule(
    count: int,
    unit: str = "D",
    *,
    reading: EndOfMonth = EndOfMonth.THEN_DAYS,
    months: int = 0,
    day: int | None = None,
) -> str:
    """Return the rule text of "*count* *unit* end of month [on the *day*]" in *reading*.

    The construction of :meth:`PaymentTerms.end_of_month`, for any step *unit* (``D``,
    ``W``, ``M``, ``BD``); the wording module builds and recognises the same texts.
    *months* moves the end of month that many months on; a *day* from the 28th on that
    follows a month end goes through the next day, so that ``D28`` from the end of a
    28-day February is the 28th of the next month (Odoo 17) and ``D31`` that month's end.

    >>> end_of_month_rule(45), end_of_month_rule(45, reading=EndOfMonth.DAYS_THEN)
    ('CM+45D', '45D+CM')
    >>> end_of_month_rule(0, months=1, day=10)
    '1M+CM+D10'
    """
    months_step = f"{months}M+" if months else ""
    if reading is EndOfMonth.THEN_DAYS:
        text = f"{months_step}CM" + (f"+{count}{unit}" if count else "")
    else:
        text = (f"{count}{unit}+" if count else "") + f"{months_step}CM"
    if day is not None:
        ends_on_month_end = reading is EndOfMonth.DAYS_THEN or not count
        text += f"+1D+D{day}" if ends_on_month_end and day >= 28 else f"+D{day}"
    return text


class CashPercent(Enum):
    """The two readings of a percentage "at once" beside a net term ("5 % comptant, net 30").

    >>> text = "5 % comptant, net à 30 jours"
    >>> [len(PaymentTerms.parse(text, cash=c).discounts) for c in CashPercent]
    [1, 0]
    """

    DISCOUNT = "discount"
    """A discount for paying at once, a tier of 0 days: "5 % comptant, 2 % à 10 jours, 1 % à
    20 jours, net à 30 jours" is 5, 2 and 1 % off within 0, 10 and 20 days (French trade
    usage of "escompte pour paiement comptant"; SAP's cash discount terms 1 and 2 beside a
    net term 3). The default."""

    DOWN_PAYMENT = "down_payment"
    """A part of the amount paid at once, the rest due by the net term: "30 % comptant, net à
    30 jours" as a 30 % deposit."""


class TaxBase(Enum):
    """What an early-payment discount percentage is taken on.

    The three modes of Odoo 17+ ``early_pay_discount_computation`` (``account.payment.term``).

    >>> terms = PaymentTerms(installments=(Installment.balance("30D"),),
    ...                      discounts=(DiscountTier(Decimal("2"), "10D"),), tax_base=TaxBase.MIXED)
    >>> sched = terms.schedule(date(2026, 1, 1), Decimal("120.58"), tax=Decimal("20.58"))
    >>> sched.discounts[0].payable                 # 100 + 21 % of 98, less 2 % of 100
    Decimal('118.58')
    """

    INCLUDED = "included"
    """The whole amount, tax included; tax is reduced only if the customer pays early
    (Odoo "On early payment"; Business Central default; DE/AT practice)."""

    EXCLUDED = "excluded"
    """The amount excluding tax; tax is never reduced (Odoo "Never"; NL default;
    Business Central "Pmt. Disc. Excl. VAT")."""

    MIXED = "mixed"
    """The amount excluding tax, where the invoice tax was already computed on the
    discounted base (Odoo "Always (upon invoice)"; BE default: 100 + 21 % of 98 =
    120.58, early payer pays 118.58)."""


class LineKind(Enum):
    """What an :class:`Installment` line's value means.

    >>> Installment.balance("30D").kind
    <LineKind.BALANCE: 'balance'>
    """

    PERCENT = "percent"
    """A percentage of the amount (tax included), as Odoo and ERPNext take it."""

    FIXED = "fixed"
    """A fixed amount in the invoice currency."""

    BALANCE = "balance"
    """What is left once the other lines are taken; receives the rounding residue."""


class PercentOf(Enum):
    """What the percentage of a :meth:`Installment.percent` line is taken on.

    >>> terms = PaymentTerms(installments=(
    ...     Installment.fixed(Decimal("400"), "0D"),
    ...     Installment.percent(Decimal("33"), "30D", of=PercentOf.AFTER_FIXED),
    ...     Installment.balance("60D")))
    >>> [str(d.amount) for d in terms.schedule(date(2026, 1, 15), Decimal("1000")).dues]
    ['400.00', '198.00', '402.00']
    """

    TOTAL = "total"
    """The whole amount, tax included (Odoo, ERPNext, SAP instalment terms)."""

    AFTER_FIXED = "after_fixed"
    """The amount less every fixed line (what OCA/account-payment#932 expected: fixed 400,
    then 33/33/34 % of the remaining 600)."""

    UNTAXED = "untaxed"
    """The amount excluding tax (OCA ``percent_amount_untaxed``: the tax then falls on the
    balance line); ``schedule(..., tax=...)`` must give the tax."""

    REMAINDER = "remainder"
    """What is left of the amount once the lines before it (in the order given, the balance
    line aside) have taken their rounded shares (Tryton ``percent``, "percentage of the
    remainder", beside ``percent_on_total``): 50 % then 50 % of the remainder of 1,000 are
    500 and 250. Needs a balance line."""


_REMAINDER = PercentOf.REMAINDER
_END_OF_MONTH_START = Start.END_OF_MONTH
_UNADJUSTED = Adjustment.UNADJUSTED
_FOLLOWING = Adjustment.FOLLOWING
_INCLUDED = TaxBase.INCLUDED


def _check_kind(value: object) -> LineKind:
    if not isinstance(value, LineKind):
        raise InvalidType("kind", value, "a payterms.terms.LineKind member")
    return value


def _check_of(value: object) -> PercentOf:
    if not isinstance(value, PercentOf):
        raise InvalidType("of", value, "a payterms.terms.PercentOf member")
    return value


def _line_tiers(value: object) -> tuple[DiscountTier, ...]:
    return _discounts(value)


def _rule(value: object) -> DueRule:
    if not isinstance(value, (str, DueRule)):
        raise InvalidType("rule", value, "a DueRule or its text such as '30D'")
    return as_rule(value)


def _optional_decimal(value: object) -> Decimal | None:
    return None if value is None else to_decimal(value, "value")


@frozen(cache_hash=True, repr=False)
class Installment:
    """One line of a payment term: what part of the amount is due, and when.

    Build lines with :meth:`percent`, :meth:`fixed` and :meth:`balance`. A line may
    carry its own early-payment *discounts* (Odoo 16 per-line discounts; see
    :meth:`with_discount`): they apply when that instalment is paid by their last day.
    A line of zero (``fixed(0, ...)`` or ``percent(0, ...)``) keeps its date in the
    schedule with a zero amount (a marker line, as OCA and Odoo keep one). The repr is
    the call that builds the line.

    >>> Installment.percent(Decimal("30"), "0D")
    Installment.percent(Decimal('30'), '0D')
    >>> Installment.balance("CM+30D").kind
    <LineKind.BALANCE: 'balance'>
    """

    kind: LineKind = field(converter=_check_kind)
    rule: DueRule = field(converter=_rule)
    value: Decimal | None = field(default=None, converter=_optional_decimal)
    of: PercentOf = field(default=PercentOf.TOTAL, kw_only=True, converter=_check_of)
    discounts: tuple[DiscountTier, ...] = field(default=(), kw_only=True, converter=_line_tiers)

    def __repr__(self) -> str:
        rule = repr(str(self.rule))
        if self.kind is LineKind.BALANCE:
            text = f"Installment.balance({rule})"
        else:
            of = "" if self.of is PercentOf.TOTAL else f", of=PercentOf.{self.of.name}"
            text = f"Installment.{self.kind.value}({self.value!r}, {rule}{of})"
        return text + "".join(f".with_discount({_tier_args(t)})" for t in self.discounts)

    def __attrs_post_init__(self) -> None:
        if self.of is not PercentOf.TOTAL and self.kind is not LineKind.PERCENT:
            raise InvalidTerms("of", self.of, f"PercentOf.TOTAL on a {self.kind.value} line")
        if self.kind is LineKind.BALANCE:
            if self.value is not None:
                raise InvalidTerms("value", self.value, "no value on a balance line")
        elif self.value is None:
            raise InvalidTerms("value", None, f"a value on a {self.kind.value} line")
        elif self.kind is LineKind.PERCENT and not 0 <= self.value <= _HUNDRED:
            raise InvalidTerms("percent", self.value, "a percentage from 0 to 100")
        elif self.kind is LineKind.FIXED and self.value < 0:
            raise InvalidTerms("amount", self.value, "a fixed amount of 0 or more")

    @classmethod
    def percent(
        cls,
        percent: Decimal | int | str,
        rule: DueRule | str,
        *,
        of: PercentOf = PercentOf.TOTAL,
    ) -> Installment:
        """Return a line for *percent* % of the amount (or of the base *of* names), due by *rule*.

        >>> Installment.percent(Decimal("33.5"), "30D").value
        Decimal('33.5')
        """
        return cls(LineKind.PERCENT, rule, to_decimal(percent, "percent"), of=of)

    @classmethod
    def fixed(cls, amount: Decimal | int | str, rule: DueRule | str) -> Installment:
        """Return a line for the fixed *amount*, due by *rule*.

        >>> Installment.fixed(Decimal("500.00"), "30D").kind
        <LineKind.FIXED: 'fixed'>
        """
        return cls(LineKind.FIXED, rule, to_decimal(amount, "amount"))

    @classmethod
    def balance(cls, rule: DueRule | str) -> Installment:
        """Return the balance line (the rest of the amount and any rounding residue), due by *rule*.

        >>> str(Installment.balance("CM+30D").rule)
        'CM+30D'
        """
        return cls(LineKind.BALANCE, rule)

    def with_discount(
        self,
        percent: Decimal | int | str | None,
        rule: DueRule | str,
        *,
        amount: Decimal | int | str | None = None,
    ) -> Installment:
        """Return this line with one more early-payment discount of its own (Odoo 16 per line).

        *percent* % of this instalment (of its share of the discount base), or a fixed
        *amount* (``percent=None``), off when the instalment is paid by the date of *rule*.

        >>> line = Installment.balance("0D").with_discount(25, "5D")
        >>> line.discounts
        (DiscountTier(Decimal('25'), '5D'),)
        """
        tier = DiscountTier(percent, rule, amount=amount)
        return evolve(self, discounts=(*self.discounts, tier))


def _discount_percent(value: object) -> Decimal | None:
    if value is None:
        return None
    percent = to_decimal(value, "percent")
    if not 0 < percent < _HUNDRED:
        raise InvalidTerms("percent", percent, "a discount percentage above 0 and below 100")
    return percent


def _discount_amount(value: object) -> Decimal | None:
    if value is None:
        return None
    amount = to_decimal(value, "amount")
    if not amount > 0:
        raise InvalidTerms("amount", amount, "a fixed discount amount above 0")
    return amount


@frozen(cache_hash=True, repr=False)
class DiscountTier:
    """An early-payment discount: *percent* off, or a fixed *amount*, if paid by the date of *rule*.

    The last day counts: "2 % within 10 days" of 1 Jan holds up to 11 Jan included
    (every peer system: ERPNext reference date <= discount date; Odoo docs). A tier is a
    percentage or, with ``percent=None`` and *amount*, a fixed amount off (ERPNext
    ``discount_type`` "Amount"; :meth:`fixed`), which may not exceed the amount it is
    taken on (checked when a schedule is computed). Its last day may fall after the due
    date ("due on receipt, 2 % if paid within 10 days", as Odoo's own tests set it up).

    >>> DiscountTier(Decimal("2"), "10D")
    DiscountTier(Decimal('2'), '10D')
    >>> DiscountTier.fixed(Decimal("50"), "1D")
    DiscountTier.fixed(Decimal('50'), '1D')
    """

    percent: Decimal | None = field(converter=_discount_percent)
    rule: DueRule = field(converter=_rule)
    amount: Decimal | None = field(default=None, kw_only=True, converter=_discount_amount)

    def __attrs_post_init__(self) -> None:
        if (self.percent is None) == (self.amount is None):
            raise InvalidTerms(
                "percent",
                self.percent,
                f"either a percentage or a fixed amount (amount={self.amount})",
            )

    def __repr__(self) -> str:
        if self.amount is None:
            return f"DiscountTier({self.percent!r}, {str(self.rule)!r})"
        return f"DiscountTier.fixed({self.amount!r}, {str(self.rule)!r})"

    @classmethod
    def fixed(cls, amount: Decimal | int | str, rule: DueRule | str) -> DiscountTier:
        """Return a discount of the fixed *amount* if paid by the date of *rule* (ERPNext "Amount").

        >>> DiscountTier.fixed(50, "1D").amount
        Decimal('50')
        """
        return cls(None, rule, amount=amount)


@frozen
class Due:
    """One instalment of a schedule: the *amount* due on *date*, and its own discount windows.

    *discounts* come from the instalment's own tiers (:attr:`Installment.discounts`):
    pay ``payable`` by ``last_day`` to settle this instalment; ``payable + discount`` is
    *amount* exactly.

    >>> PaymentTerms.net(30).schedule(date(2026, 1, 15), Decimal("100")).dues
    (Due(date=datetime.date(2026, 2, 14), amount=Decimal('100.00')),)
    """

    date: date
    amount: Decimal
    discounts: tuple[DiscountWindow, ...] = ()

    def __repr__(self) -> str:
        text = f"Due(date={self.date!r}, amount={self.amount!r}"
        if self.discounts:
            text += f", discounts={self.discounts!r}"
        return text + ")"

    def amount_payable_on(self, day: _Date) -> Decimal:
        """Return what settles this instalment if paid on *day*: its best window's payable.

        >>> line = Installment.balance("0D").with_discount(25, "5D")
        >>> due = PaymentTerms(installments=(line,)).schedule(date(2026, 1, 1), 2000).dues[0]
        >>> due.amount_payable_on(date(2026, 1, 6)), due.amount_payable_on(date(2026, 1, 7))
        (Decimal('1500.00'), Decimal('2000.00'))
        """
        check_date(day, "day")
        return _best(self.amount, self.discounts, day)


@frozen
class DiscountWindow:
    """An early-payment discount of a schedule: pay *payable* by *last_day* (inclusive).

    ``payable + discount`` is the invoice amount exactly (for an instalment's own window,
    that instalment's amount). *percent* is None for a fixed-amount discount. *base* is
    what the discount is taken on (the amount, or the amount less tax for
    ``TaxBase.EXCLUDED``/``MIXED``, less any undiscounted part; an instalment's share of
    it), rounded to the minor unit: the basis amount an e-invoice states (CII
    ``ram:BasisAmount``).

    >>> t = PaymentTerms.net(30).with_discount(Decimal("2"), "10D")
    >>> t.schedule(date(2026, 1, 15), Decimal("99.99")).discounts
    (DiscountWindow(last_day=datetime.date(2026, 1, 25), percent=Decimal('2'),
                    payable=Decimal('97.99'), discount=Decimal('2.00'), base=Decimal('99.99')),)
    """

    last_day: date
    percent: Decimal | None
    payable: Decimal
    discount: Decimal
    base: Decimal | None = None


@frozen
class Schedule:
    """The due dates and amounts of one invoice under a payment term, and its discount windows.

    *tax* is the tax payterms computed, when the schedule was asked for with ``untaxed=``
    and ``tax_percent=`` (None when the amount was given with its tax).

    >>> sched = PaymentTerms.net(30).with_discount(Decimal("2"), "10D").schedule(
    ...     date(2026, 1, 15), Decimal("100.00"))
    >>> sched.final_due, sched.amount_payable_on(date(2026, 1, 25))
    (datetime.date(2026, 2, 14), Decimal('98.00'))
    >>> sched.amount_payable_on(date(2026, 1, 26))
    Decimal('100.00')
    """

    start: date
    amount: Decimal
    currency: str
    dues: tuple[Due, ...]
    discounts: tuple[DiscountWindow, ...] = ()
    tax: Decimal | None = None
    terms: PaymentTerms | None = field(
        default=None, kw_only=True, eq=False, repr=False, metadata={"provenance": True}
    )
    """The terms the schedule came from (``None`` for one built by hand); not compared."""

    @property
    def final_due(self) -> date:
        """Return the latest due date of the schedule."""
        return max(d.date for d in self.dues)

    def amount_payable_on(self, day: date) -> Decimal:
        """Return the amount that settles the invoice in full if paid on *day*.

        The best invoice discount whose last day is on or after *day* applies, or, when
        instalments carry their own discounts, each instalment at its best window on
        *day* (:meth:`Due.amount_payable_on`); the two kinds do not add up: the lower
        total applies. After every window, the full amount is payable; never more (a
        window may end after the final due date: it is still a discount).

        >>> t = PaymentTerms.on_receipt().with_discount(10, "10D")        # Odoo EPD tests
        >>> s = t.schedule(date(2019, 1, 1), Decimal("1000"))
        >>> s.final_due, s.amount_payable_on(date(2019, 1, 2))
        (datetime.date(2019, 1, 1), Decimal('900.00'))
        """
        check_date(day, "day")
        best = _best(self.amount, self.discounts, day)
        if any(due.discounts for due in self.dues):
            by_line = sum((_best(d.amount, d.discounts, day) for d in self.dues), _ZERO)
            if abs(by_line) < abs(best):
                best = by_line
        return best

    def to_frame(self) -> pd.DataFrame:
        """Return the schedule as a pandas DataFrame, one row per date (needs ``[pandas]``).

        Columns: ``kind`` (``"due"`` for an instalment, ``"discount"`` for a discount's
        last day), ``date``, ``amount`` (the instalment, or what settles the invoice in
        full on that last day; Decimal) and ``percent`` (the discount's, else None), in
        date order (a discount before a due on the same day).

        >>> sched = PaymentTerms.parse("2/10 net 30").schedule(date(2026, 1, 15), "100.00")
        >>> sched.to_frame()
               kind        date  amount percent
        0  discount  2026-01-25   98.00       2
        1       due  2026-02-14  100.00    None
        """
        rows = sorted(
            [(w.last_day, 0, "discount", w.payable, w.percent) for w in self.discounts]
            + [(d.date, 1, "due", d.amount, None) for d in self.dues],
            key=lambda row: (row[0], row[1]),
        )
        return frame(
            "Schedule.to_frame",
            {
                "kind": [r[2] for r in rows],
                "date": [r[0] for r in rows],
                "amount": [r[3] for r in rows],
                "percent": [r[4] for r in rows],
            },
        )

    def _repr_html_(self) -> str | None:
        return frame_html(self)


_ZERO = Decimal(0)


def _best(amount: Decimal, windows: tuple[DiscountWindow, ...], day: date) -> Decimal:
    """Return *amount*, or the lowest payable of the *windows* still open on *day*."""
    best = amount
    for window in windows:
        if day <= window.last_day and abs(window.payable) < abs(best):
            best = window.payable
    return best


def _holiday_day(value: object) -> date:
    return check_date(value, "day")


def _postponed_day(value: object) -> date:
    return check_date(value, "postponed")


@frozen(cache_hash=True)
class TermHoliday:
    """A date the terms never fall due on: a due date on *day* moves to *postponed* (later).

    Only that exact date moves, once, and the days around it stay as they are (OCA
    ``account_payment_term_extension`` term holidays: "holiday" and "postponed date"; the
    postponed date must be later, and no date is both a holiday and a postponed date).
    Applied to each instalment's date before any business-day adjustment.

    >>> t = PaymentTerms(installments=(Installment.balance("2W"),),
    ...                  holidays=(TermHoliday(date(2015, 3, 16), date(2015, 3, 17)),))
    >>> t.due_date(date(2015, 3, 2)), t.due_date(date(2015, 3, 3))
    (datetime.date(2015, 3, 17), datetime.date(2015, 3, 17))
    """

    day: date = field(converter=_holiday_day)
    postponed: date = field(converter=_postponed_day)

    def __attrs_post_init__(self) -> None:
        if self.postponed <= self.day:
            raise InvalidTerms(
                "postponed",
                self.postponed,
                f"a date after the holiday {self.day.isoformat()} (a holiday is postponed "
                "into the future)",
            )


def _holidays(value: object) -> tuple[TermHoliday, ...]:
    if isinstance(value, TermHoliday):
        value = (value,)
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        raise InvalidType("holidays", value, "a sequence of TermHoliday values")
    holidays = tuple(value)
    for i, holiday in enumerate(holidays):
        if not isinstance(holiday, TermHoliday):
            raise InvalidType(f"holidays[{i}]", holiday, "a TermHoliday")
    days = [h.day for h in holidays]
    for holiday in holidays:
        if days.count(holiday.day) > 1:
            raise InvalidTerms("holidays", holiday.day, "each holiday date once")
        if holiday.postponed in days:
            raise InvalidTerms(
                "holidays",
                holiday.postponed,
                "a postponed date that is not itself a holiday (holidays move once)",
            )
    return tuple(sorted(holidays, key=lambda h: h.day))


def _installments(value: object) -> tuple[Installment, ...]:
    if isinstance(value, Installment):
        value = (value,)
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        raise InvalidType("installments", value, "a sequence of Installment lines")
    lines = tuple(value)
    for i, line in enumerate(lines):
        if not isinstance(line, Installment):
            raise InvalidType(f"installments[{i}]", line, "an Installment")
    return lines


def _discounts(value: object, name: str = "discounts") -> tuple[DiscountTier, ...]:
    if isinstance(value, DiscountTier):
        value = (value,)
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        raise InvalidType(name, value, "a sequence of DiscountTier values")
    tiers = tuple(value)
    for i, tier in enumerate(tiers):
        if not isinstance(tier, DiscountTier):
            raise InvalidType(f"{name}[{i}]", tier, "a DiscountTier")
    return tiers


def _start(value: object) -> Start:
    if not isinstance(value, Start):
        raise InvalidType("start", value, "a payterms.terms.Start member")
    return value


def _tax_base(value: object) -> TaxBase:
    if not isinstance(value, TaxBase):
        raise InvalidType("tax_base", value, "a payterms.terms.TaxBase member")
    return value


def _describe_lines(lines: tuple[Installment, ...]) -> str:
    return ", ".join(
        f"{line.kind.value} {line.value}"
        + (f" of {line.of.value}" if line.of is not PercentOf.TOTAL else "")
        + f" {line.rule}"
        if line.value is not None
        else f"balance {line.rule}"
        for line in lines
    )


# Start dates on which discount tiers are compared with each other and with the due date:
# every day of a common and of a leap year covers each day of each month of either kind,
# each weekday on many of them, and every cut-off day. (A rule counting business days
# needs a calendar and is compared when a schedule is made.)
_PROBES = tuple(
    date.fromordinal(o) for o in range(date(2027, 1, 1).toordinal(), date(2029, 1, 1).toordinal())
)
_MONTH_END_PROBES = tuple(d for d in _PROBES if end_of_month(d) == d)


def _days_only(rule: DueRule) -> int | None:
    """Return the days *rule* adds to any start when it only adds days or weeks, else None."""
    total = 0
    for step in rule.steps:
        if not isinstance(step, Shift) or step.unit not in (Unit.DAYS, Unit.WEEKS):
            return None
        total += step.count * (7 if step.unit is Unit.WEEKS else 1)
    return total


# Fewest and most days each step can add (a month is 28 to 31 days, "CM" 0 to 30 ...).
_PERIOD_DAYS = {Period.WEEK: 6, Period.MONTH: 30, Period.QUARTER: 91, Period.YEAR: 365}
_UNIT_DAYS = {Unit.DAYS: (1, 1), Unit.WEEKS: (7, 7), Unit.MONTHS: (28, 31), Unit.QUARTERS: (89, 92)}


@lru_cache(maxsize=1024)
def _bounds(rule: DueRule) -> tuple[int, int] | None:
    """Return the fewest and most days *rule* can add to a start; None with business days."""
    low = high = 0
    for step in rule.steps:
        if isinstance(step, Shift):
            if step.unit is Unit.BUSINESS_DAYS:
                return None
            lo, hi = _UNIT_DAYS.get(step.unit, (365, 366))
            if step.count < 0:  # going back: the longest months are the fewest days
                lo, hi = hi, lo
            low, high = low + lo * step.count, high + hi * step.count
        elif isinstance(step, EndOf):
            high += _PERIOD_DAYS[step.period]
        elif isinstance(step, StartOf):
            low -= _PERIOD_DAYS[step.period]
        elif isinstance(step, DayOfMonth):
            high += 30
        elif isinstance(step, NextWeekday):
            high += 6
        else:
            first, second = _bounds(step.on_or_before), _bounds(step.after)
            if first is None or second is None:
                return None
            low, high = low + min(first[0], second[0]), high + max(first[1], second[1])
    return low, high


@lru_cache(maxsize=1024)
def _ends(rule: DueRule, month_ends: bool) -> tuple[int, ...] | int | None:  # noqa: FBT001
    """Return the days from each probe start to *rule*'s date (an int when always the same).

    ``None`` for a rule that needs a calendar: it cannot be compared without one.
    """
    if rule.needs_calendar:
        return None
    days = _days_only(rule)
    if days is not None:
        return days
    probes = _MONTH_END_PROBES if month_ends else _PROBES
    return tuple((rule.apply(d) - d).days for d in probes)


def _surely_before(early: DueRule, late: tuple[DueRule, ...], *, strict: bool) -> bool:
    """Return whether *early* gives a date before the latest of *late* from every start."""
    a = _bounds(early)
    ends = [_bounds(rule) for rule in late]
    if a is None or any(e is None for e in ends):
        return False
    floor = max(cast(tuple[int, int], e)[0] for e in ends)
    return a[1] < floor if strict else a[1] <= floor


def _first_not_before(
    early: tuple[int, ...] | int, late: tuple[int, ...] | int, *, strict: bool
) -> int | None:
    """Return the index of the first probe where *early* is not before *late*, or None.

    -1 stands for "every probe" when both are constant.
    """
    if isinstance(early, int) and isinstance(late, int):
        bad = early >= late if strict else early > late
        return -1 if bad else None
    n = len(early) if isinstance(early, tuple) else len(cast(tuple[int, ...], late))
    a = early if isinstance(early, tuple) else (early,) * n
    b = late if isinstance(late, tuple) else (late,) * n
    for i in range(n):
        if (a[i] >= b[i]) if strict else (a[i] > b[i]):
            return i
    return None


def _tier_text(tier: DiscountTier) -> str:
    if tier.percent is None:
        return f"{tier.amount} off by {tier.rule}"
    return f"{tier.percent} % by {tier.rule}"


def _tier_size(tier: DiscountTier) -> Decimal:
    """Return the percentage of a tier, or its fixed amount."""
    return cast(Decimal, tier.amount if tier.percent is None else tier.percent)


def _check_tiers(tiers: tuple[DiscountTier, ...], start: Start, name: str = "discounts") -> None:
    """Refuse tiers that repeat, or that a larger tier of the same kind makes pointless.

    Checked wherever it can be known without a calendar. The same rules as
    :func:`payterms.discount.tier_costs`: each percentage tier a different percentage,
    and the larger the discount, the earlier it ends (likewise among fixed amounts). A
    tier may end on or after the final due date (a discount for paying on time; "due on
    receipt, 10 % within 10 days", as Odoo's own tests set it up); ``tier_costs`` then
    has no days of credit to price and refuses it.
    """
    text = ", ".join(_tier_text(t) for t in tiers)
    seen: dict[DiscountTier, int] = {}
    for i, tier in enumerate(tiers):
        j = seen.get(tier)
        if j is not None:
            raise InvalidTerms(
                name, text, f"each tier once (tiers {j} and {i} are both {_tier_text(tier)})"
            )
        seen[tier] = i
    month_ends = start is Start.END_OF_MONTH
    probes = _MONTH_END_PROBES if month_ends else _PROBES
    for fixed in (False, True):
        kind = [(i, t) for i, t in enumerate(tiers) if (t.percent is None) is fixed]
        rules: dict[DueRule, int] = {}
        sizes: dict[Decimal, int] = {}
        for i, tier in kind:
            j = rules.get(tier.rule)
            if j is not None:
                raise InvalidTerms(
                    name, text, f"one tier per last day (tiers {j} and {i} both end by {tier.rule})"
                )
            j = sizes.get(_tier_size(tier))
            if j is not None:
                what = "amount" if fixed else "percentage"
                raise InvalidTerms(
                    name,
                    text,
                    f"a different {what} per tier (tiers {j} and {i} both give "
                    f"{_tier_text(tier).split(' by ')[0]}: the one that ends later makes the "
                    "other pointless)",
                )
            rules[tier.rule] = i
            sizes[_tier_size(tier)] = i
        ordered = sorted((t for _, t in kind), key=lambda t: -_tier_size(t))
        for larger, smaller in itertools.pairwise(ordered):
            if _surely_before(larger.rule, (smaller.rule,), strict=True):
                continue
            a, b = _ends(larger.rule, month_ends), _ends(smaller.rule, month_ends)
            if a is None or b is None:
                continue
            at = _first_not_before(a, b, strict=True)
            if at is not None:
                example = "" if at < 0 else f" from {probes[at].isoformat()}"
                raise InvalidTerms(
                    name,
                    text,
                    f"a larger discount that ends earlier ({_tier_text(larger)} does not end "
                    f"before {_tier_text(smaller)}{example}, so the smaller one is never the "
                    "better offer)",
                )


@frozen(kw_only=True, cache_hash=True, repr=False)
class PaymentTerms:
    """Payment terms: the instalments of an invoice, its early-payment discounts, its start event.

    Lines are due in the order given. Either exactly one line is the balance (it takes
    the rest and the rounding residue; the percentages then sum to less than 100), or
    there is no balance line, no fixed line, and the percentages sum to exactly 100 (the
    last line then takes the residue). Discount tiers apply when the whole amount is
    paid by their last day; *tax_base* says what their percentage is taken on.
    *holidays* (:class:`TermHoliday`) move an exact due date to a chosen later date.

    Values are frozen and hashable (memoise schedules per distinct terms); change one
    with ``attrs.evolve``. ``str()`` is the English wording; the repr is
    ``PaymentTerms.parse(...)`` of a short English wording when it reads back to the same
    terms, else the constructor call.

    >>> PaymentTerms.parse("2/10 net 60")
    PaymentTerms.parse('2/10 net 60')
    >>> print(PaymentTerms.parse("2/10 net 60"))
    2% discount within 10 days, net 60 days
    >>> PaymentTerms(installments=(Installment.percent(30, "0D"), Installment.balance("CM+30D")))
    PaymentTerms.parse('30% on receipt, balance at 30 days after end of month')
    >>> PaymentTerms.prox(20, cutoff=12)
    PaymentTerms(installments=(Installment.balance('<12: -CM+1M+D20 ? -CM+2M+D20>'),))

    >>> PaymentTerms.net(30).due_date(date(2028, 1, 15))
    datetime.date(2028, 2, 14)
    >>> PaymentTerms(installments=(Installment.percent(Decimal("60"), "30D"),))
    Traceback (most recent call last):
    payterms.errors.InvalidTerms: installments=... expected percentages summing to 100 ...
    """

    installments: tuple[Installment, ...] = field(converter=_installments)
    discounts: tuple[DiscountTier, ...] = field(default=(), converter=_discounts)
    start: Start = field(default=Start.INVOICE_DATE, converter=_start)
    tax_base: TaxBase = field(default=TaxBase.INCLUDED, converter=_tax_base)
    holidays: tuple[TermHoliday, ...] = field(default=(), converter=_holidays)
    _balance: int = field(init=False, eq=False, hash=False, repr=False)
    _fixed: tuple[tuple[int, Decimal], ...] = field(init=False, eq=False, hash=False, repr=False)
    _percents: tuple[tuple[int, Decimal, PercentOf], ...] = field(
        init=False, eq=False, hash=False, repr=False
    )
    _not_fixed: tuple[int, ...] = field(init=False, eq=False, hash=False, repr=False)
    _needs_tax: bool = field(init=False, eq=False, hash=False, repr=False)
    _rules: tuple[DueRule, ...] = field(init=False, eq=False, hash=False, repr=False)
    _tier_rules: tuple[DueRule, ...] = field(init=False, eq=False, hash=False, repr=False)
    _moves: dict[date, date] = field(init=False, eq=False, hash=False, repr=False)
    _line_tiers: bool = field(init=False, eq=False, hash=False, repr=False)
    _plain: _Plain | None = field(init=False, eq=False, hash=False, repr=False)

    def __attrs_post_init__(self) -> None:
        lines = self.installments
        if not lines:
            raise InvalidTerms("installments", lines, "at least one instalment line")
        balances = [i for i, line in enumerate(lines) if line.kind is LineKind.BALANCE]
        percents = sum(
            (
                line.value
                for line in lines
                if line.kind is LineKind.PERCENT and line.value and line.of is not _REMAINDER
            ),
            Decimal(0),
        )
        text = _describe_lines(lines)
        if len(balances) > 1:
            raise InvalidTerms(
                "installments",
                text,
                f"at most one balance line (lines {balances[0]} and {balances[1]} are both "
                "balance lines)",
            )
        if balances:
            if percents >= _HUNDRED:
                raise InvalidTerms(
                    "installments",
                    text,
                    f"percentages summing to less than 100 beside a balance line "
                    f"(they sum to {percents})",
                )
            residue = balances[0]
        else:
            fixed = [i for i, line in enumerate(lines) if line.kind is LineKind.FIXED]
            if fixed:
                raise InvalidTerms(
                    "installments",
                    text,
                    f"a balance line beside fixed lines (line {fixed[0]} is fixed and no line "
                    "takes the rest)",
                )
            remainder = [i for i, line in enumerate(lines) if line.of is _REMAINDER]
            if remainder:
                raise InvalidTerms(
                    "installments",
                    text,
                    f"a balance line beside a percentage of the remainder (line "
                    f"{remainder[0]}), as Tryton's last line is the remainder",
                )
            if percents != _HUNDRED:
                raise InvalidTerms(
                    "installments",
                    text,
                    f"percentages summing to 100 (they sum to {percents}), or a balance line",
                )
            untaxed = [i for i, line in enumerate(lines) if line.of is PercentOf.UNTAXED]
            if untaxed:
                raise InvalidTerms(
                    "installments",
                    text,
                    f"a balance line beside a percentage of the untaxed amount (line "
                    f"{untaxed[0]}): without one, the tax would fall on no line",
                )
            residue = len(lines) - 1
        object.__setattr__(self, "_balance", residue)
        object.__setattr__(
            self,
            "_fixed",
            tuple((i, line.value) for i, line in enumerate(lines) if line.kind is LineKind.FIXED),
        )
        object.__setattr__(
            self,
            "_percents",
            tuple(
                (i, line.value, line.of)
                for i, line in enumerate(lines)
                if line.kind is LineKind.PERCENT and i != residue
            ),
        )
        object.__setattr__(
            self,
            "_not_fixed",
            tuple(i for i, line in enumerate(lines) if line.kind is not LineKind.FIXED),
        )
        if self.discounts:
            _check_tiers(self.discounts, self.start)
        for i, line in enumerate(lines):
            if line.discounts:
                _check_tiers(line.discounts, self.start, f"installments[{i}].discounts")
        object.__setattr__(self, "_rules", tuple(line.rule for line in lines))
        object.__setattr__(self, "_tier_rules", tuple(tier.rule for tier in self.discounts))
        object.__setattr__(self, "_moves", {h.day: h.postponed for h in self.holidays})
        object.__setattr__(self, "_line_tiers", any(line.discounts for line in lines))
        object.__setattr__(
            self,
            "_needs_tax",
            any(line.of is PercentOf.UNTAXED for line in lines)
            or (
                (bool(self.discounts) or any(line.discounts for line in lines))
                and self.tax_base is not TaxBase.INCLUDED
            ),
        )

        object.__setattr__(self, "_plain", self._plain_plan())

    def _plain_plan(self) -> _Plain | None:
        """Return the plan of :meth:`schedule`'s one-step path, or None if it does not apply.

        The path covers terms of one instalment and percentage discounts of the invoice,
        every rule a step of days forward, no term holidays, a discount base that is the
        amount, and a term starting on the invoice date.
        """
        offsets = [_forward_days(rule) for rule in (*self._rules, *self._tier_rules)]
        if (
            len(self._rules) != 1
            or self._moves
            or self._line_tiers
            or self._needs_tax
            or self.start is _END_OF_MONTH_START
            or any(tier.percent is None for tier in self.discounts)
            or any(offset is None for offset in offsets)
        ):
            return None
        # the discount factor percent / 100 is exact (a shift of the exponent), so the
        # discount total × factor equals total × percent / 100 before its one rounding
        tiers = tuple(
            (cast(timedelta, offset), percent, CONTEXT.divide(percent, _HUNDRED))
            for offset, percent in zip(
                offsets[1:], (cast(Decimal, tier.percent) for tier in self.discounts), strict=True
            )
        )
        return cast(timedelta, offsets[0]), tiers

    # -- named constructors ------------------------------------------------------------

    @classmethod
    def net(cls, days: int) -> PaymentTerms:
        """Return "net *days*": the whole amount due *days* days after the invoice date.

        >>> PaymentTerms.net(30).due_date(date(2026, 8, 1))      # Zuora: Aug 1 + 30
        datetime.date(2026, 8, 31)
        """
        check_int(days, "days")
        if days < 0:
            raise InvalidTerms(
                "days", days, "a whole number of days >= 0 (a due date never precedes its start)"
            )
        if days > MAX_COUNT:
            raise LimitExceeded("days", days, f"at most {MAX_COUNT} days", "MAX_COUNT")
        return cls(installments=(Installment.balance(DueRule.days(days)),))

    @classmethod
    def on_receipt(cls) -> PaymentTerms:
        """Return "due on receipt": the whole amount due on the start date (``0D``).

        >>> PaymentTerms.on_receipt().due_date(date(2026, 4, 10))   # Lago
        datetime.date(2026, 4, 10)
        """
        return cls.net(0)

    @classmethod
    def end_of_month(
        cls,
        days: int = 0,
        *,
        reading: EndOfMonth = EndOfMonth.THEN_DAYS,
        months: int = 0,
        day: int | None = None,
    ) -> PaymentTerms:
        """Return "*days* days end of month" in the given *reading*, optionally "on the *day*".

        * ``THEN_DAYS`` (default): end of the month, then *days* days: ``CM+45D``.
        * ``DAYS_THEN``: *days* days, then the end of that month: ``45D+CM``.

        *months* moves the end of month that many months on (``months=1``: end of next
        month, ``1M+CM+ND``; months are added before the month end is taken, never
        after). *day* ("fin de mois le 10") then goes to a day of the month: with
        ``DAYS_THEN``, day *day* of the month after that end of month (Odoo 17+
        ``days_end_of_month_on_the``, clamped: ``D31`` in February is the 28th/29th);
        with ``THEN_DAYS``, the next day *day* on or after the date reached.

        >>> t = PaymentTerms.end_of_month(45, reading=EndOfMonth.DAYS_THEN)
        >>> str(t.installments[0].rule), t.due_date(date(2026, 1, 15))
        ('45D+CM', datetime.date(2026, 3, 31))
        >>> PaymentTerms.end_of_month(60, reading=EndOfMonth.DAYS_THEN, day=10).due_date(
        ...     date(2026, 1, 15))
        datetime.date(2026, 4, 10)
        """
        check_int(days, "days", minimum=0)
        check_int(months, "months", minimum=0)
        if not isinstance(reading, EndOfMonth):
            raise InvalidType("reading", reading, "a payterms.terms.EndOfMonth member")
        if day is not None:
            check_int(day, "day")
            if not 1 <= day <= 31:
                raise InvalidTerms("day", day, "a day of the month from 1 to 31")
        text = end_of_month_rule(days, reading=reading, months=months, day=day)
        return cls(installments=(Installment.balance(text),))

    @classmethod
    def prox(cls, day: int, *, cutoff: int | None = None, months: int = 1) -> PaymentTerms:
        """Return a "prox" term: day *day* of the month *months* after the invoice month.

        With *cutoff*, an invoice dated after day *cutoff* of its month counts from the
        next month (Zuora prox terms; QuickBooks date-driven terms; Coupa
        ``net-cutoff-day``). *day* is clamped to the month length (31 = end of month).

        >>> PaymentTerms.prox(20, cutoff=12).due_date(date(2026, 8, 15))   # Zuora
        datetime.date(2026, 10, 20)
        >>> str(PaymentTerms.prox(15, cutoff=12, months=0).installments[0].rule)  # QuickBooks
        '<12: -CM+D15 ? -CM+1M+D15>'
        """
        check_int(day, "day")
        if not 1 <= day <= 31:
            raise InvalidTerms("day", day, "a day of the month from 1 to 31")
        check_int(months, "months", minimum=0)

        def rule(m: int) -> str:
            return f"-CM+{m}M+D{day}" if m else f"-CM+D{day}"

        if cutoff is not None:
            check_int(cutoff, "cutoff")
            if not 1 <= cutoff <= 31:
                raise InvalidTerms("cutoff", cutoff, "a cut-off day of the month from 1 to 31")
        if months == 0 and (31 if cutoff is None else cutoff) > day:
            raise InvalidTerms(
                "cutoff",
                cutoff,
                f"a cut-off day of at most {day} when months=0 (an invoice dated after the "
                f"{day}th would otherwise be due before its date)",
            )
        if cutoff is None or cutoff == 31:
            text = rule(months)
        else:
            text = f"<{cutoff}: {rule(months)} ? {rule(months + 1)}>"
        return cls(installments=(Installment.balance(text),))

    @classmethod
    def parse(
        cls,
        text: str,
        *,
        lang: str | None = None,
        reading: EndOfMonth | None = None,
        cash: CashPercent | None = None,
    ) -> PaymentTerms:
        """Return the terms worded by *text* ("2/10 net 30", "45 jours fin de mois").

        Delegates to :func:`payterms.text.parse` (see there for *lang*, *reading*, *cash*
        and :func:`payterms.text.parse_with_notes`, which reports the choices made). A
        phrase with two readings left to the default ("45 jours fin de mois" without
        *reading*) gives a :class:`~payterms.errors.PaytermsWarning` naming the reading.

        >>> str(PaymentTerms.parse("60 dagen einde maand", reading=EndOfMonth.THEN_DAYS)
        ...     .installments[0].rule)
        'CM+60D'
        """
        parse: Callable[..., PaymentTerms] = upcall("payterms.text", "parse")
        return parse(text, lang=lang, reading=reading, cash=cash)

    def describe(self, lang: str = "en") -> str:
        """Return these terms as invoice wording in *lang* (``en``, ``fr``, ``nl``, ``de``).

        Delegates to :func:`payterms.text.describe`; the wording parses back to these terms.

        >>> PaymentTerms.net(30).with_discount(2, "14D").describe("de")
        '14 Tage 2 % Skonto, 30 Tage netto'
        """
        describe: Callable[[PaymentTerms, str], str] = upcall("payterms.text", "describe")
        return describe(self, lang)

    def __repr__(self) -> str:
        text = self._english()
        if text is not None:
            return f"PaymentTerms.parse({text!r})"
        parts = [f"installments=({', '.join(map(repr, self.installments))},)"]
        if len(self.installments) > 1:
            parts[0] = f"installments=({', '.join(map(repr, self.installments))})"
        if self.discounts:
            tiers = ", ".join(map(repr, self.discounts))
            parts.append(f"discounts=({tiers}{',' if len(self.discounts) == 1 else ''})")
        if self.start is not Start.INVOICE_DATE:
            parts.append(f"start=Start.{self.start.name}")
        if self.tax_base is not TaxBase.INCLUDED:
            parts.append(f"tax_base=TaxBase.{self.tax_base.name}")
        if self.holidays:
            days = ", ".join(map(repr, self.holidays))
            parts.append(f"holidays=({days}{',' if len(self.holidays) == 1 else ''})")
        return f"PaymentTerms({', '.join(parts)})"

    def __str__(self) -> str:
        try:
            return self.describe("en")
        except PaytermsError:  # pragma: no cover - describe reads back every terms
            return repr(self)

    def _english(self) -> str | None:
        """Return a short English wording that parses back to these terms, if there is one."""
        candidates = []
        plain = (
            self.start is Start.INVOICE_DATE
            and self.tax_base is TaxBase.INCLUDED
            and not self.holidays
            and all(t.amount is None for t in self.discounts)
        )
        line = self.installments[0]
        if plain and len(self.installments) == 1 and line.kind is LineKind.BALANCE:
            days = [_plain_days(line.rule), *(_plain_days(t.rule) for t in self.discounts)]
            if None not in days and not line.discounts:
                tiers = [f"{t.percent}/{d}" for t, d in zip(self.discounts, days[1:], strict=True)]
                candidates.append(", ".join(tiers) + (" " if tiers else "") + f"net {days[0]}")
        parse: Callable[[str], PaymentTerms] = upcall("payterms.text", "parse")
        # a wording that reads back only with a warning (two readings) is not the repr
        with warnings.catch_warnings():
            warnings.simplefilter("error", PaytermsWarning)
            try:
                candidates.append(self.describe("en"))
                for text in candidates:
                    if "[" not in text and parse(text) == self:
                        return text
            except (PaytermsError, PaytermsWarning):
                pass
        return None

    def with_discount(
        self,
        percent: Decimal | int | str | None,
        rule: DueRule | str,
        *,
        amount: Decimal | int | str | None = None,
    ) -> PaymentTerms:
        """Return these terms with one more early-payment discount tier ("2/10 net 30").

        *percent* % off, or the fixed *amount* off with ``percent=None`` (ERPNext "Amount").

        >>> PaymentTerms.net(30).with_discount(Decimal("2"), "10D").discounts
        (DiscountTier(Decimal('2'), '10D'),)
        """
        tier = DiscountTier(percent, rule, amount=amount)
        return evolve(self, discounts=(*self.discounts, tier))

    # -- computing ---------------------------------------------------------------------

    def _base(self, start: date) -> date:
        if type(start) is not date:
            check_date(start, "start")
        if self.start is _END_OF_MONTH_START:
            return end_of_month(start)
        return start

    def _dates(
        self,
        rules: tuple[DueRule, ...],
        start: date,
        base: date,
        calendar: BusinessCalendar | None,
        adjustment: Adjustment,
        *,
        moved: bool = False,
    ) -> list[date]:
        days = []
        for rule in rules:
            day = rule.apply(base, calendar)
            if day < start:
                raise InvalidTerms(
                    "rule",
                    str(rule),
                    f"a rule giving a date on or after the start {start.isoformat()} "
                    f"(it gives {day.isoformat()})",
                )
            days.append(day)
        if moved and self._moves:  # term holidays: an exact date moves, once
            moves = self._moves
            days = [moves.get(day, day) for day in days]
        if adjustment is not _UNADJUSTED:
            if calendar is None:
                raise InvalidArgument("calendar", None, f"a BusinessCalendar to apply {adjustment}")
            adjust = calendar.adjust
            days = [adjust(day, adjustment) for day in days]
        return days

    def due_date(
        self,
        start: date,
        *,
        calendar: BusinessCalendar | None = None,
        adjustment: Adjustment | None = None,
    ) -> date:
        """Return the final (latest) due date for a term starting on *start*.

        With a *calendar* the date moves to a business day by *adjustment*,
        ``FOLLOWING`` unless given (:func:`~payterms.calendars.check_adjustment`);
        ``Adjustment.UNADJUSTED`` keeps it where the rules put it.

        >>> PaymentTerms.end_of_month(45).due_date(date(2026, 1, 15))
        datetime.date(2026, 3, 17)
        >>> from payterms.calendars import BusinessCalendar
        >>> be = BusinessCalendar.country("BE")
        >>> PaymentTerms.net(30).due_date(date(2026, 1, 1), calendar=be)   # Sat 31 Jan
        datetime.date(2026, 2, 2)
        >>> PaymentTerms.net(30).due_date(date(2026, 1, 1), calendar=be,
        ...                               adjustment=Adjustment.UNADJUSTED)
        datetime.date(2026, 1, 31)
        """
        adjustment = check_adjustment(adjustment, calendar)
        return max(
            self._dates(self._rules, start, self._base(start), calendar, adjustment, moved=True)
        )

    def schedule(
        self,
        start: date,
        amount: Decimal | int | str | None = None,
        *,
        calendar: BusinessCalendar | None = None,
        adjustment: Adjustment | None = None,
        currency: str = "EUR",
        tax: Decimal | int | str | None = None,
        rounding: str = DEFAULT_ROUNDING,
        discount_adjustment: Adjustment | None = None,
        increment: Decimal | int | str | None = None,
        undiscounted: Decimal | int | str | None = None,
        untaxed: Decimal | int | str | None = None,
        tax_percent: Decimal | int | str | None = None,
    ) -> Schedule:
        """Return the schedule of an invoice of *amount* whose term starts on *start*.

        *amount* is the total the customer owes (tax included), rounded once to the
        minor unit of *currency* with *rounding*. Due dates are the lines' rules applied
        to *start* (to the end of its month for ``Start.END_OF_MONTH``), then moved by
        *adjustment* on *calendar* (``FOLLOWING`` when a calendar is given without one,
        none without a calendar; ``Adjustment.UNADJUSTED`` keeps the dates); discount
        last days are moved by
        *discount_adjustment*, the same as *adjustment* unless given (a rule may not give
        a date before *start*; an adjustment may, as ``PRECEDING`` says).
        *tax* is the tax included in *amount*, needed when a discount's *tax_base* is
        ``EXCLUDED`` or ``MIXED`` or a line is a percentage of the untaxed amount, and
        checked whenever it is given. A negative *amount* (a credit note) is scheduled
        like its absolute value, every amount negated. *increment* rounds the percentage
        lines to multiples of an amount larger than the minor unit (whole units, cash
        rounding to 0.05; OCA ``amount_round``); the residue line still takes the exact
        rest.

        The discount base is *amount* (``TaxBase.INCLUDED``) or *amount* less *tax*
        (``EXCLUDED``, ``MIXED``), less *undiscounted*: a part of the amount no discount
        touches and that is not in *tax* (a fixed tax line, a deposit already paid,
        shipping: Odoo leaves fixed taxes out of the early-payment discount, OCA
        ``account_payment_term_discount`` excludes shipping lines). An instalment's own
        discounts are taken on its share of that base (its amount × base / amount).

        Instead of *amount* (and *tax*), give *untaxed*, the amount excluding tax, and
        *tax_percent*, the tax rate in percent: the library computes the tax (rounded
        once) on the amount excluding tax, or, with ``TaxBase.MIXED``, on that amount
        less the largest discount the terms offer (Belgian practice, Odoo "Always (upon
        invoice)": 100 + 21 % of 98 = 120.58); the schedule's amount is *untaxed* + tax
        + *undiscounted*, and ``Schedule.tax`` gives the tax.

        >>> t = PaymentTerms(installments=(Installment.fixed(Decimal("400"), "0D"),
        ...                                Installment.balance("30D")))
        >>> [str(d.amount) for d in t.schedule(date(2026, 1, 15), Decimal("1000")).dues]
        ['400.00', '600.00']
        >>> mixed = PaymentTerms.net(30).with_discount(2, "10D")
        >>> s = evolve(mixed, tax_base=TaxBase.MIXED).schedule(
        ...     date(2026, 1, 1), untaxed=Decimal("100"), tax_percent=21)
        >>> s.amount, s.tax, s.discounts[0].payable
        (Decimal('120.58'), Decimal('20.58'), Decimal('118.58'))
        """
        plain = self._plain
        if (
            plain is not None
            and type(amount) is Decimal
            and type(start) is date
            and tax is None
            and untaxed is None
            and tax_percent is None
            and undiscounted is None
            and increment is None
            and rounding is DEFAULT_ROUNDING
            and (
                ((adjustment is None or adjustment is _UNADJUSTED) and discount_adjustment is None)
                if calendar is None
                else (
                    isinstance(calendar, BusinessCalendar)
                    and (adjustment is None or type(adjustment) is Adjustment)
                    and (discount_adjustment is None or type(discount_adjustment) is Adjustment)
                )
            )
            and amount.is_finite()
            and amount.adjusted() < _SMALL
        ):
            # the one-step path (same figures as below): the amount rounded once, each
            # rule one addition of days, each discount total × percent / 100 rounded once
            # (below 10**_SMALL no rounding can need more than CONTEXT's precision)
            unit = smallest_unit(currency)
            total = amount.quantize(unit, DEFAULT_ROUNDING, CONTEXT)
            offset, tiers = plain
            if adjustment is None:  # a calendar alone means FOLLOWING (check_adjustment)
                adjustment = _UNADJUSTED if calendar is None else _FOLLOWING
            try:
                day = start + offset
                if adjustment is not _UNADJUSTED:
                    day = cast("BusinessCalendar", calendar).adjust(day, adjustment)
                if not tiers:
                    return Schedule(
                        start, total, currency, (Due(day, total),), (), None, terms=self
                    )
                if discount_adjustment is None:
                    discount_adjustment = adjustment
                found = []
                for after, percent, factor in tiers:
                    last_day = start + after
                    if discount_adjustment is not _UNADJUSTED:
                        last_day = cast("BusinessCalendar", calendar).adjust(
                            last_day, discount_adjustment
                        )
                    discount = CONTEXT.multiply(total, factor).quantize(
                        unit, DEFAULT_ROUNDING, CONTEXT
                    )
                    found.append(
                        DiscountWindow(last_day, percent, total - discount, discount, total)
                    )
            except OverflowError:
                pass  # near year 9999: the full path names the error
            else:
                if len(found) > 1:
                    found.sort(key=_last_day)
                return Schedule(
                    start, total, currency, (Due(day, total),), tuple(found), None, terms=self
                )
        # Checks are skipped for arguments of the exact expected type (the common case);
        # anything else goes through the full check.
        if type(start) is not date:
            check_date(start, "start")
        if type(adjustment) is not Adjustment or calendar is not None:
            adjustment = check_adjustment(adjustment, calendar)
        if rounding is not DEFAULT_ROUNDING:
            check_rounding(rounding)
        unit = smallest_unit(currency)
        kept: Decimal | None = None
        tax_amount: Decimal | None
        if undiscounted is not None:
            kept = _exact(
                round_to_unit(to_decimal(undiscounted, "undiscounted"), unit, rounding),
                undiscounted,
                "undiscounted",
                unit,
            )
        if untaxed is not None or tax_percent is not None:
            total, tax_amount = self._taxed(amount, tax, untaxed, tax_percent, kept, unit, rounding)
            tax = tax_amount
        else:
            if amount is None:
                raise InvalidArgument(
                    "amount", None, "the amount owed (or untaxed= with tax_percent=)"
                )
            if type(amount) is Decimal and amount.is_finite() and amount.adjusted() < _SMALL:
                # an invoice amount: one rounding, exact to the unit (round_to_unit's checks
                # cannot fail below 10**_SMALL)
                total = amount.quantize(unit, rounding=rounding, context=CONTEXT)
            else:
                total = _exact(
                    round_to_unit(to_decimal(amount, "amount"), unit, rounding),
                    amount,
                    "amount",
                    unit,
                )
            tax_amount = None  # given, not computed: _untaxed checks it
        needs_tax = self._needs_tax or tax is not None
        untaxed_total = _untaxed(total, tax, self.tax_base) if needs_tax else total
        base = start if self.start is not _END_OF_MONTH_START else end_of_month(start)
        step = unit if increment is None else _check_increment(increment, unit)
        shares = (
            [total]
            if len(self._rules) == 1
            else self._shares(total, untaxed_total, unit, step, rounding)
        )
        days = self._dates(self._rules, start, base, calendar, adjustment, moved=True)
        has_line_tiers = self._line_tiers
        windows: tuple[DiscountWindow, ...] = ()
        if not (self.discounts or has_line_tiers):
            if kept is not None:
                _discount_base(total, untaxed_total, kept, self.tax_base)  # checked all the same
            return Schedule(
                start,
                total,
                currency,
                tuple(map(Due, days, shares)),
                windows,
                tax_amount,
                terms=self,
            )
        if discount_adjustment is None:
            discount_adjustment = adjustment
        elif type(discount_adjustment) is not Adjustment:
            check_adjustment(discount_adjustment)
        if kept is None:  # the base is the amount, or the amount less tax
            discount_base = total if self.tax_base is _INCLUDED else untaxed_total
        else:
            discount_base = _discount_base(total, untaxed_total, kept, self.tax_base)
        if self.discounts:
            last_days = self._dates(self._tier_rules, start, base, calendar, discount_adjustment)
            found = [
                _window(tier, last_day, total, discount_base, unit, rounding)
                for tier, last_day in zip(self.discounts, last_days, strict=True)
            ]
            if len(found) > 1:
                found.sort(key=_last_day)
            windows = tuple(found)
        if not has_line_tiers:
            return Schedule(
                start,
                total,
                currency,
                tuple(map(Due, days, shares)),
                windows,
                tax_amount,
                terms=self,
            )
        dues: list[Due] = []
        for line, day, share in zip(self.installments, days, shares, strict=True):
            if not line.discounts:
                dues.append(Due(day, share))
                continue
            # the instalment's share of the discount base
            line_base = (
                CONTEXT.divide(CONTEXT.multiply(share, discount_base), total) if total else share
            )
            rules = tuple(tier.rule for tier in line.discounts)
            line_days = self._dates(rules, start, base, calendar, discount_adjustment)
            line_windows = sorted(
                (
                    _window(tier, last_day, share, line_base, unit, rounding)
                    for tier, last_day in zip(line.discounts, line_days, strict=True)
                ),
                key=lambda w: w.last_day,
            )
            dues.append(Due(day, share, tuple(line_windows)))
        return Schedule(start, total, currency, tuple(dues), windows, tax_amount, terms=self)

    def _taxed(
        self,
        amount: object,
        tax: object,
        untaxed: object,
        tax_percent: object,
        kept: Decimal | None,
        unit: Decimal,
        rounding: str,
    ) -> tuple[Decimal, Decimal]:
        """Return (total, tax) of an invoice given excluding tax with a tax rate."""
        if untaxed is None:
            raise InvalidArgument(
                "tax_percent",
                tax_percent,
                "tax_percent together with untaxed= (the amount excluding tax the tax is "
                "computed on)",
            )
        if tax_percent is None:
            raise InvalidArgument("tax_percent", None, "the tax rate in percent beside untaxed=")
        if amount is not None or tax is not None:
            name, given = ("amount", amount) if amount is not None else ("tax", tax)
            raise InvalidArgument(
                name, given, "either amount= (with tax=) or untaxed= with tax_percent=, not both"
            )
        net = _exact(
            round_to_unit(to_decimal(untaxed, "untaxed"), unit, rounding), untaxed, "untaxed", unit
        )
        rate = to_decimal(tax_percent, "tax_percent")
        if not 0 <= rate < 1000:
            raise InvalidArgument(
                "tax_percent", rate, "a tax rate in percent, from 0 (21 for 21 %)"
            )
        taxed_on = net
        if self.tax_base is TaxBase.MIXED:
            # the tax is computed on the amount excluding tax less the discount offered
            taxed_on = net - self._largest_discount(net, unit, rounding)
        tax_amount = round_to_unit(
            CONTEXT.divide(CONTEXT.multiply(taxed_on, rate), _HUNDRED), unit, rounding
        )
        total = net + tax_amount + (kept or _ZERO)
        return total, tax_amount

    def _largest_discount(self, base: Decimal, unit: Decimal, rounding: str) -> Decimal:
        """Return the largest discount the terms offer on *base* (invoice or instalments)."""
        if base == 0:
            return _ZERO
        best = _ZERO
        for tier in self.discounts:
            best = max(best, abs(_discount_on(tier, base, unit, rounding)))
        if any(line.discounts for line in self.installments):
            # the instalments of the base itself carry their discounts
            by_line = _ZERO
            for line, share in zip(
                self.installments, self._shares(base, base, unit, unit, rounding), strict=True
            ):
                if line.discounts and share:
                    by_line += max(
                        abs(_discount_on(t, share, unit, rounding)) for t in line.discounts
                    )
            best = max(best, by_line)
        return best if base > 0 else -best

    def _shares(
        self, total: Decimal, untaxed: Decimal, unit: Decimal, step: Decimal, rounding: str
    ) -> list[Decimal]:
        n = len(self.installments)
        if n == 1:
            return [total]
        negative = total < 0
        magnitude = -total if negative else total
        untaxed_magnitude = -untaxed if negative else untaxed
        residue_at = self._balance
        zero = Decimal(0)
        exact = [zero] * n
        shares = [zero] * n
        fixed_total = zero
        for i, fixed in self._fixed:
            exact[i] = fixed
            fixed = round_to_unit(fixed, unit, ROUND_HALF_EVEN)
            if fixed != exact[i]:
                raise InvalidTerms(
                    f"installments[{i}]",
                    str(exact[i]),
                    f"a fixed amount in whole minor units of the currency ({unit})",
                )
            fixed_total += fixed
            shares[i] = fixed
        if fixed_total > magnitude:
            raise InvalidTerms(
                "amount",
                str(total),
                f"an amount of at least {fixed_total} (the fixed lines add up to that)",
            )
        taken = fixed_total
        rounded = fixed_total
        for i, percent, of in self._percents:
            if of is PercentOf.TOTAL:
                of_what = magnitude
            elif of is PercentOf.AFTER_FIXED:
                of_what = magnitude - fixed_total
            elif of is _REMAINDER:  # what the lines before it left (Tryton "percent")
                of_what = magnitude - sum(
                    (shares[j] for j in range(i) if j != residue_at), Decimal(0)
                )
            else:
                of_what = untaxed_magnitude
            share = CONTEXT.divide(CONTEXT.multiply(of_what, percent), _HUNDRED)
            exact[i] = share
            taken += share
            if step is unit:
                share = round_to_unit(share, unit, rounding)
            else:
                share = _round_to(share, step, unit, rounding)
            shares[i] = share
            rounded += share
        exact_rest = magnitude - taken
        if exact_rest < 0:
            raise InvalidTerms(
                "amount",
                str(total),
                f"an amount the lines fit in: fixed lines and percentages take "
                f"{taken} of {magnitude}",
            )
        exact[residue_at] = exact_rest
        rest = magnitude - rounded
        shares[residue_at] = rest
        if rest < 0:
            # Rounding up took more than there is: the lines rounded up the most give one
            # unit back each until the residue line is no longer negative.
            order = sorted(
                (i for i, _, _ in self._percents if shares[i] > exact[i]),
                key=lambda i: (exact[i] - shares[i], -i),
            )
            for i in order:
                if shares[residue_at] >= 0:
                    break
                shares[i] -= step
                shares[residue_at] += step
        # A line whose exact share is positive gets at least one unit (increment) when the
        # amount has one per line, taken from the largest line that is not fixed.
        if zero in shares and magnitude >= step * sum(1 for e in exact if e > 0):
            for i in range(n):
                if shares[i] == 0 and exact[i] > 0:
                    donor = max(self._not_fixed, key=lambda j: (shares[j], j == residue_at))
                    if shares[donor] >= 2 * step:
                        shares[donor] -= step
                        shares[i] += step
        if negative:
            return [-x if x else x for x in shares]
        return shares


def _exact(value: Decimal, given: object, name: str, unit: Decimal) -> Decimal:
    """Return *value* (rounded to *unit*) if it is exact to the minor unit; raise otherwise."""
    if not exact_to_unit(value, unit):
        raise InvalidArgument(name, given, _EXACT)
    return value


def _discount_base(
    total: Decimal, untaxed: Decimal, kept: Decimal | None, tax_base: TaxBase
) -> Decimal:
    """Return what discounts are taken on: the amount (or the amount less tax) less *kept*."""
    base = total if tax_base is TaxBase.INCLUDED else untaxed
    if kept is None or not kept:
        return base
    if (kept < 0) != (total < 0) or abs(kept) > abs(base):
        raise InvalidArgument(
            "undiscounted",
            kept,
            f"a part of the amount of the same sign as {total} and at most the discount "
            f"base {base}",
        )
    return base - kept


def _discount_on(tier: DiscountTier, base: Decimal, unit: Decimal, rounding: str) -> Decimal:
    """Return the discount *tier* gives on *base* (signed like *base*), rounded once."""
    percent = tier.percent
    if percent is not None:
        return round_to_unit(
            CONTEXT.divide(CONTEXT.multiply(base, percent), _HUNDRED), unit, rounding
        )
    fixed = cast(Decimal, tier.amount)  # a tier is a percentage or a fixed amount
    amount = round_to_unit(fixed, unit, ROUND_HALF_EVEN)
    if amount != fixed:
        raise InvalidTerms("amount", fixed, f"a fixed discount in whole minor units ({unit})")
    if amount > abs(base):
        raise InvalidTerms(
            "amount",
            fixed,
            f"a fixed discount of at most the amount it is taken on ({abs(base)})",
        )
    return amount if base >= 0 else -amount


def _last_day(window: DiscountWindow) -> date:
    return window.last_day


def _window(
    tier: DiscountTier,
    last_day: date,
    amount: Decimal,
    base: Decimal,
    unit: Decimal,
    rounding: str,
) -> DiscountWindow:
    """Return the window of *tier* on an *amount* whose discount base is *base*."""
    discount = _discount_on(tier, base, unit, rounding)
    shown = base if base is amount else round_to_unit(base, unit, rounding)
    return DiscountWindow(last_day, tier.percent, amount - discount, discount, shown)


def _tier_args(tier: DiscountTier) -> str:
    """Return the arguments of ``with_discount`` that add *tier*, as Python source."""
    if tier.amount is None:
        return f"{tier.percent!r}, {str(tier.rule)!r}"
    return f"None, {str(tier.rule)!r}, amount={tier.amount!r}"


def _plain_days(rule: DueRule) -> int | None:
    """Return *n* for a rule that is exactly ``nD``, else None."""
    text = str(rule)
    return int(text[:-1]) if text[:-1].isdigit() and text.endswith("D") else None


def _forward_days(rule: DueRule) -> timedelta | None:
    """Return the days a rule of day and week steps adds (None for other steps or going back)."""
    days = 0
    for step in rule.steps:
        if type(step) is not Shift or step.unit not in (Unit.DAYS, Unit.WEEKS):
            return None
        days += step.count * (7 if step.unit is Unit.WEEKS else 1)
    return timedelta(days=days) if days >= 0 else None


def _check_increment(value: object, unit: Decimal) -> Decimal:
    step = to_decimal(value, "increment")
    if step <= 0 or CONTEXT.remainder(step, unit) != 0:
        raise InvalidArgument(
            "increment", step, f"a positive multiple of the currency's minor unit ({unit})"
        )
    return unit if step == unit else step


def _round_to(value: Decimal, step: Decimal, unit: Decimal, rounding: str) -> Decimal:
    """Return *value* rounded to a multiple of *step* with *rounding*, in minor units."""
    count = round_to_unit(CONTEXT.divide(value, step), Decimal(1), rounding)
    return round_to_unit(CONTEXT.multiply(count, step), unit, ROUND_HALF_EVEN)


def _untaxed(total: Decimal, tax: object, tax_base: TaxBase) -> Decimal:
    """Return *total* less *tax*, checking that the tax fits in the total."""
    if tax is None:
        raise InvalidArgument(
            "tax",
            None,
            "the tax included in the amount: a discount (tax_base="
            f"{tax_base}) or an instalment is taken on the amount excluding tax",
        )
    tax_amount = to_decimal(tax, "tax")
    if abs(tax_amount) > abs(total) or (tax_amount and (tax_amount < 0) != (total < 0)):
        raise InvalidArgument(
            "tax", tax_amount, f"a tax amount of the same sign as {total}, and within it"
        )
    return total - tax_amount

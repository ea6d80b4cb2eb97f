"""Receivables analytics: aging, DSO variants, days to pay, CEI, concentration (HHI), CCC.

Every figure here has several published variants that disagree on the same data:
countback vs simple DSO (Benji, trymesha, Highako), CEI on period sales vs on the
monthly average (CRF vs creditguru: 79.63 % vs 55.9 %), simple vs amount-weighted days
to pay (Sage 50 vs Dynamics 365 users), aging from the invoice date vs from the due date
(OCA account-financial-reporting#396), HHI on 0-1 vs 0-10,000 (US DOJ). payterms never
picks one silently: the variant is an enum argument, named in the docstring with its
source.

Functions are pure: the state of the receivables is computed from the invoices and
their dated payments *as of* a date you give (``as_of`` is always required), so an
aging "as of 31 March" run in June ignores the payments received in April, exactly.

Two layers:

* on invoices: :class:`Invoice`, :func:`aging`, :func:`dso`, :func:`average_days_to_pay`,
  :func:`revenue_by_customer`;
* on totals you already have (a trial balance, a report): :func:`simple_dso`,
  :func:`countback_dso`, :func:`average_days_delinquent`, :func:`collection_effectiveness`,
  :func:`cash_conversion_cycle`, :func:`hhi` and :func:`concentration`.

Results are exact Decimals (28 significant digits for quotients, computed in the
package's working context :data:`payterms.money.CONTEXT`, so the caller's ambient
:mod:`decimal` context never changes an answer); round them for display yourself.

>>> from datetime import date
>>> from decimal import Decimal
>>> invoices = [
...     Invoice("F-1", "ACME", date(2026, 4, 10), date(2026, 5, 10), Decimal("1000.00")),
...     Invoice("F-2", "ACME", date(2026, 6, 1), date(2026, 7, 1), Decimal("500.00")),
...     Invoice("F-3", "Bolt", date(2026, 5, 20), date(2026, 6, 19), Decimal("250.00"),
...             payments=((date(2026, 6, 10), Decimal("250.00")),)),
... ]
>>> report = aging(invoices, as_of=date(2026, 6, 30))
>>> report.by_label()
{'current': Decimal('500.00'), '1-30': Decimal('0'), '31-60': Decimal('1000.00'), \
'61-90': Decimal('0'), '90+': Decimal('0')}
>>> round(dso(invoices, as_of=date(2026, 6, 30), method=DsoMethod.COUNTBACK), 1)
Decimal('83.5')
"""

from __future__ import annotations

import bisect
import calendar as _stdcal
import itertools
import re
import sys
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, localcontext
from enum import Enum
from numbers import Integral
from operator import itemgetter
from typing import TYPE_CHECKING, Any, ClassVar, NamedTuple

from attrs import field, frozen

from payterms._checks import check_date, check_int, check_text, to_date, to_decimal
from payterms._extras import frame_html, require
from payterms.errors import (
    CurrencyMismatch,
    InvalidArgument,
    InvalidType,
    LimitExceeded,
    ParseError,
)
from payterms.limits import MAX_COUNT
from payterms.money import CONTEXT, figure, minor_unit

if TYPE_CHECKING:  # pragma: no cover - typing only
    import pandas as pd

    from payterms.terms import Schedule

__all__ = [
    "AgeFrom",
    "AgedItem",
    "Aging",
    "AgingBuckets",
    "Bucket",
    "CeiBasis",
    "Concentration",
    "DsoMethod",
    "HhiScale",
    "Invoice",
    "MonthLength",
    "Weighting",
    "aging",
    "average_days_delinquent",
    "average_days_to_pay",
    "cash_conversion_cycle",
    "collection_effectiveness",
    "concentration",
    "countback_dso",
    "dso",
    "Dso",
    "hhi",
    "invoices_from_frame",
    "revenue_by_customer",
    "simple_dso",
]

# Quotients (days, shares, percentages) are computed in the package's working context
# (money.CONTEXT), whatever the caller's ambient context says, and returned with 28
# significant digits (money.figure); sums of amounts stay exact.
_ZERO = Decimal(0)
_HUNDRED = Decimal(100)


# --------------------------------------------------------------------------- enums


class AgeFrom(Enum):
    """The date an invoice's age (or its days to pay) is counted from.

    >>> inv = Invoice("F-1", "ACME", date(2026, 1, 1), date(2026, 1, 31), Decimal("10"))
    >>> [aging([inv], as_of=date(2026, 2, 15), basis=b, buckets="0-30, 30+").by_label()["0-30"]
    ...  for b in (AgeFrom.DUE_DATE, AgeFrom.INVOICE_DATE)]
    [Decimal('10'), Decimal('0')]
    """

    DUE_DATE = "due"
    """Days past the due date: 0 on the due day, negative before it. Collections' view:
    CRF ages "on actual due date"; OCA keeps the due date ("we want to know when is
    payment expected", account-financial-reporting#396). Days to pay counted from the
    due date are the *days beyond terms*."""

    INVOICE_DATE = "issued"
    """Days since the invoice date: the invoice-age aging of the Lumen/SUNY financial
    accounting text (Larkin Co., 0-30 / 31-60 / 61-90 / 90+), and the "average days to
    pay" of Sage 50 and invoiceninja#2869."""


class DsoMethod(Enum):
    """How days sales outstanding (DSO) is computed; see :func:`dso`.

    >>> DsoMethod("countback")
    <DsoMethod.COUNTBACK: 'countback'>
    """

    SIMPLE = "simple"
    """Ending receivables / credit sales of the period x days in the period (trymesha:
    AR 150,000 on annual sales 1,800,000 = 30.4 days)."""

    AVERAGE_AR = "average_ar"
    """(Receivables at the start + at the end of the period) / 2 / credit sales x days;
    the textbook "365 / receivables turnover" (stock-tutor, bizfluent)."""

    COUNTBACK = "countback"
    """Exhaust the receivables against the latest month's sales, then the month before,
    ...; the last month counts pro rata (Benji, trymesha: 73.7 days; "the standard most
    commonly used in the UK" per the ICM benchmarking tool)."""

    BEST_POSSIBLE = "best_possible"
    """Current (not yet due) receivables / credit sales x days (creditguru, CRF BPDSO);
    simple DSO minus this is the average days delinquent."""


class MonthLength(Enum):
    """How many days a month counts for in DSO over months (sources differ).

    >>> MonthLength.THIRTY.value
    'thirty'
    """

    CALENDAR = "calendar"
    """The month's own 28, 29, 30 or 31 days (Highako: "28, 30 or 31 days of your DSO")."""

    THIRTY = "thirty"
    """Every month counts 30 days (Benji and trymesha's worked example)."""


class Weighting(Enum):
    """How invoices are averaged in days-to-pay figures; see :func:`average_days_to_pay`.

    >>> Weighting("amount")
    <Weighting.AMOUNT: 'amount'>
    """

    SIMPLE = "simple"
    """Each invoice counts once, whatever its amount (Sage 50 "average days to pay")."""

    AMOUNT = "amount"
    """Each payment counts in proportion to its amount (Dynamics 365 ideas portal, Softrak
    forum: $10 in 5 days + $100 in 10 days = 9.55 days, not 7.5)."""


class CeiBasis(Enum):
    """Which credit-sales figure the Collection Effectiveness Index (CEI) uses.

    Two published variants exist; they disagree on the same data.

    >>> CeiBasis("monthly_average")
    <CeiBasis.MONTHLY_AVERAGE: 'monthly_average'>
    """

    PERIOD_SALES = "period"
    """The credit sales of the whole period (CRF's annual KPI calculator; wizedu: 79.63 %
    on creditguru's sample data)."""

    MONTHLY_AVERAGE = "monthly_average"
    """Credit sales divided by the number of months N (creditguru, Oracle Collections:
    55.9 % on the same data)."""


class HhiScale(Enum):
    """The scale a Herfindahl-Hirschman index (HHI) is expressed on; see :func:`hhi`.

    >>> hhi([1, 1], scale=HhiScale.FRACTION), hhi([1, 1], scale=HhiScale.POINTS)
    (Decimal('0.5'), Decimal('5000'))
    """

    FRACTION = "fraction"
    """Shares as fractions: the index runs from 1/n to 1."""

    POINTS = "points"
    """Shares in percent, squared: the index runs up to 10,000 (US DOJ/FTC Merger
    Guidelines: 30/30/20/20 % gives 2,600)."""


# --------------------------------------------------------------------------- invoices


def _id(value: object) -> str:
    if not isinstance(value, str):
        raise InvalidType("id", value, "a str")
    return value


def _customer(value: object) -> str:
    if not isinstance(value, str):
        raise InvalidType("customer", value, "a str")
    return value


def _issued(value: object) -> date:
    return check_date(value, "issued")


def _due(value: object) -> date:
    return check_date(value, "due")


def _amount(value: object) -> Decimal:
    return to_decimal(value, "amount")


def _plain_sorted_pairs(value: tuple[object, ...]) -> bool:
    """Return whether *value* already is a sorted tuple of (date, finite Decimal) pairs."""
    previous = None
    for pair in value:
        if (
            type(pair) is not tuple
            or len(pair) != 2
            or type(pair[0]) is not date
            or type(pair[1]) is not Decimal
            or not pair[1].is_finite()
            or (previous is not None and pair[0] < previous)
        ):
            return False
        previous = pair[0]
    return True


def _payments(value: object) -> tuple[tuple[date, Decimal], ...]:
    if type(value) is tuple and _plain_sorted_pairs(value):
        return value
    if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Iterable):
        raise InvalidType("payments", value, "a sequence of (date, Decimal) pairs")
    out: list[tuple[date, Decimal]] = []
    for i, pair in enumerate(value):
        if isinstance(pair, tuple) and len(pair) == 2:
            raw_on, raw_amount = pair
        elif hasattr(pair, "date") and hasattr(pair, "amount") and not isinstance(pair, date):
            raw_on, raw_amount = pair.date, pair.amount
        else:
            raise InvalidType(
                f"payments[{i}]", pair, "a (date, Decimal) pair or a value with date and amount"
            )
        on = check_date(raw_on, f"payments[{i}] date")
        amount = to_decimal(raw_amount, f"payments[{i}] amount")
        out.append((on, amount))
    out.sort(key=itemgetter(0))
    return tuple(out)


def _currency(value: object) -> str | None:
    if value is not None:
        minor_unit(value)  # type: ignore[arg-type]  # raises UnknownCurrency
    return value  # type: ignore[return-value]


@frozen
class Invoice:
    """One open item: an invoice (or one instalment of it, or a credit note) and its payments.

    *payments* are ``(date, amount)`` pairs (or values with ``date`` and ``amount``
    attributes, such as a late-interest ``Payment``), kept sorted by date. The open
    amount as of a day counts only the payments made on or before that day, so
    historical reports are exact. A credit note is an invoice with a negative *amount*;
    an overpayment leaves a negative open amount. Both stay visible in reports so that
    totals reconcile.

    An invoice paid in instalments is given as one ``Invoice`` per instalment (ids
    ``"F-7/1"``, ``"F-7/2"``): aging per instalment due date is what users ask for
    (OCA account-financial-reporting#672, odoo#210974).

    >>> inv = Invoice("F-1", "ACME", date(2026, 1, 15), date(2026, 2, 14), Decimal("1210.00"),
    ...               payments=((date(2026, 2, 20), Decimal("210.00")),))
    >>> inv.open_amount(date(2026, 2, 19)), inv.open_amount(date(2026, 2, 20))
    (Decimal('1210.00'), Decimal('1000.00'))
    >>> inv.is_overdue(date(2026, 2, 14)), inv.is_overdue(date(2026, 2, 15))
    (False, True)
    """

    id: str = field(converter=_id)
    customer: str = field(converter=_customer)
    issued: date = field(converter=_issued)
    due: date = field(converter=_due)
    amount: Decimal = field(converter=_amount)
    currency: str | None = field(default=None, converter=_currency, kw_only=True)
    payments: tuple[tuple[date, Decimal], ...] = field(
        default=(), converter=_payments, kw_only=True
    )

    def __attrs_post_init__(self) -> None:
        if self.due < self.issued:
            raise InvalidArgument(
                "due", self.due, f"a date on or after the invoice date {self.issued!r}"
            )

    @classmethod
    def from_record(cls, record: object, *, currency: str | None = None) -> Invoice:
        """Return an invoice built from a tuple or a mapping (a CSV row, a database record).

        A tuple is ``(id, customer, issued, due, amount)`` or the same followed by the
        date it was paid in full (``None`` when open). A mapping has the keys ``id``,
        ``customer``, ``issued``, ``due``, ``amount`` and optionally ``currency``,
        ``payments`` (pairs), or ``paid_on`` with an optional ``paid_amount`` (the full
        amount when left out).

        >>> Invoice.from_record(("F-9", "ACME", date(2026, 3, 1), date(2026, 3, 31), "99.90",
        ...                      date(2026, 4, 2))).payments
        ((datetime.date(2026, 4, 2), Decimal('99.90')),)
        >>> Invoice.from_record({"id": "F-9", "customer": "ACME", "issued": date(2026, 3, 1),
        ...                      "due": date(2026, 3, 31), "amount": 99.9})
        Traceback (most recent call last):
        payterms.errors.InvalidType: amount=99.9 has type float: expected a Decimal, int or str
        """
        if isinstance(record, Mapping):
            unknown = set(record) - _RECORD_KEYS
            if unknown:
                raise InvalidArgument("record", record, f"keys among {sorted(_RECORD_KEYS)}")
            missing = [k for k in ("id", "customer", "issued", "due", "amount") if k not in record]
            if missing:
                raise InvalidArgument("record", record, f"the keys {missing}")
            payments = record.get("payments", ())
            paid_on = record.get("paid_on")
            if paid_on is not None:
                if payments:
                    raise InvalidArgument("record", record, "either payments or paid_on")
                paid = record.get("paid_amount", record["amount"])
                payments = ((paid_on, paid),)
            elif record.get("paid_amount") is not None:
                raise InvalidArgument("record", record, "a paid_on date with paid_amount")
            return cls(
                record["id"],
                record["customer"],
                record["issued"],
                record["due"],
                record["amount"],
                currency=record.get("currency", currency),
                payments=payments,
            )
        if isinstance(record, tuple) and len(record) in (5, 6):
            paid_on = record[5] if len(record) == 6 else None
            return cls(
                *record[:5],
                currency=currency,
                payments=() if paid_on is None else ((paid_on, record[4]),),
            )
        raise InvalidType(
            "record",
            record,
            "a 5- or 6-tuple (id, customer, issued, due, amount[, paid_on]) or a mapping",
        )

    @classmethod
    def from_schedule(
        cls,
        id: str,
        customer: str,
        schedule: Schedule,
        *,
        payments: Iterable[tuple[date, Decimal]] = (),
    ) -> tuple[Invoice, ...]:
        """Return one invoice per instalment of a :class:`~payterms.terms.Schedule`.

        Ids are ``"<id>/1"``, ``"<id>/2"``, ... in due-date order, so each instalment
        ages from its own due date and is overdue on its own (odoo#210974, erpnext#27625).
        *payments* made against the whole invoice are allocated oldest instalment first
        (erpnext#37859), split where needed; anything paid beyond the total stays on the
        last instalment as an overpayment. An instalment that an adjustment moved before
        the invoice date is taken as issued on its due date.

        >>> from payterms.terms import Installment, PaymentTerms
        >>> terms = PaymentTerms(installments=(Installment.percent(Decimal("30"), "0D"),
        ...                                    Installment.balance("60D")))
        >>> sched = terms.schedule(date(2026, 1, 15), Decimal("1000.00"))
        >>> parts = Invoice.from_schedule("F-7", "ACME", sched,
        ...                               payments=((date(2026, 2, 1), Decimal("500.00")),))
        >>> [(p.id, str(p.due), p.amount, p.open_amount(date(2026, 3, 1))) for p in parts]
        [('F-7/1', '2026-01-15', Decimal('300.00'), Decimal('0.00')), \
('F-7/2', '2026-03-16', Decimal('700.00'), Decimal('500.00'))]
        """
        from payterms.terms import Schedule

        if not isinstance(schedule, Schedule):
            raise InvalidType("schedule", schedule, "a payterms.terms.Schedule")
        dues = sorted(schedule.dues, key=lambda d: d.date)
        sign = -1 if schedule.amount < 0 else 1
        open_parts = [sign * d.amount for d in dues]
        shares: list[list[tuple[date, Decimal]]] = [[] for _ in dues]
        with localcontext(CONTEXT):
            for on, amount in _payments(payments):
                if amount * sign <= 0:
                    raise InvalidArgument(
                        "payments", amount, "amounts of the same sign as the schedule's total"
                    )
                left = amount * sign
                last = len(open_parts) - 1
                for i, part in enumerate(open_parts):
                    if left <= 0:
                        break
                    take = left if i == last else min(part, left)
                    if take > 0:
                        shares[i].append((on, take * sign))
                        open_parts[i] -= take
                        left -= take
        return tuple(
            cls(
                f"{id}/{n}",
                customer,
                min(schedule.start, due.date),
                due.date,
                due.amount,
                currency=schedule.currency,
                payments=tuple(shares[n - 1]),
            )
            for n, due in enumerate(dues, start=1)
        )

    def paid_amount(self, as_of: date) -> Decimal:
        """Return the sum of the payments made on or before *as_of*.

        >>> Invoice("F-1", "ACME", date(2026, 1, 1), date(2026, 1, 31), Decimal("10"),
        ...         payments=((date(2026, 1, 5), Decimal("4")),)).paid_amount(date(2026, 1, 4))
        Decimal('0')
        """
        as_of = check_date(as_of, "as_of")
        with localcontext(CONTEXT):
            return sum((a for on, a in self.payments if on <= as_of), _ZERO)

    def open_amount(self, as_of: date) -> Decimal:
        """Return the amount still owed at the end of *as_of* (amount less payments to that day).

        >>> Invoice("F-1", "ACME", date(2026, 1, 1), date(2026, 1, 31), Decimal("10"),
        ...         payments=((date(2026, 1, 5), Decimal("4")),)).open_amount(date(2026, 1, 5))
        Decimal('6')
        """
        with localcontext(CONTEXT):
            return self.amount - self.paid_amount(as_of)

    @property
    def settled_on(self) -> date | None:
        """The date the payments first reached the amount; ``None`` while anything is open.

        >>> Invoice("F-1", "ACME", date(2026, 1, 1), date(2026, 1, 31), Decimal("10"),
        ...         payments=((date(2026, 1, 5), Decimal("4")), (date(2026, 2, 9), Decimal("6")))
        ...         ).settled_on
        datetime.date(2026, 2, 9)
        """
        return _settled_on(self)

    def days_past_due(self, as_of: date) -> int:
        """Return ``as_of - due`` in days: 0 on the due day, negative before it.

        >>> Invoice("F-1", "ACME", date(2026, 1, 1), date(2026, 1, 31), Decimal("10")
        ...         ).days_past_due(date(2026, 2, 3))
        3
        """
        return (check_date(as_of, "as_of") - self.due).days

    def is_overdue(self, as_of: date, *, grace_days: int = 0) -> bool:
        """Return whether something is still open after the due date (plus *grace_days*).

        Not overdue on the due day itself: overdue means ``as_of > due + grace_days``
        (NangoHQ/nango#7168, itflow#75, monite-sdk#322 all fixed "due today" being
        flagged). For instalments, ask each instalment's invoice.

        >>> inv = Invoice("F-1", "ACME", date(2026, 1, 1), date(2026, 1, 31), Decimal("10"))
        >>> inv.is_overdue(date(2026, 2, 3), grace_days=3), inv.is_overdue(date(2026, 2, 4),
        ...                                                               grace_days=3)
        (False, True)
        """
        as_of = to_date(as_of, "as_of")  # a Timestamp at midnight is its day; junk raises
        grace = check_int(grace_days, "grace_days", minimum=0)
        return self.days_past_due(as_of) > grace and self.open_amount(as_of) > 0


_RECORD_KEYS = frozenset(
    {"id", "customer", "issued", "due", "amount", "currency", "payments", "paid_on", "paid_amount"}
)


def _settled_on(inv: Invoice) -> date | None:
    if inv.amount <= 0:
        return None if inv.amount < 0 else inv.issued
    paid = _ZERO
    with localcontext(CONTEXT):
        for on, amount in inv.payments:
            paid += amount
            if paid >= inv.amount:
                return on
    return None


def _iterable_of_invoices(invoices: object) -> Sequence[Invoice]:
    if isinstance(invoices, (str, bytes, Mapping)) or not isinstance(invoices, Iterable):
        raise InvalidType("invoices", invoices, "an iterable of Invoice")
    return invoices if isinstance(invoices, (list, tuple)) else list(invoices)


_AN_INVOICE = "an Invoice (build one with Invoice.from_record)"


def _check_invoices(invoices: object) -> Sequence[Invoice]:
    items = _iterable_of_invoices(invoices)
    for i, inv in enumerate(items):
        if not isinstance(inv, Invoice):
            raise InvalidType(f"invoices[{i}]", inv, _AN_INVOICE)
    return items


def _single_currency(items: Sequence[Invoice]) -> str | None:
    first: str | None = items[0].currency if items else None
    for inv in items:
        if inv.currency != first:
            raise CurrencyMismatch(str(first), str(inv.currency))
    return first


# --------------------------------------------------------------------------- buckets


@frozen
class Bucket:
    """An aging bucket: ages from *low* to *high* days, both included.

    ``low=None`` is the ``current`` bucket (age 0 or less: not yet due, when aging from
    the due date); ``high=None`` is the open top bucket ``N+`` (more than N days).

    >>> Bucket(31, 60).label, Bucket(None, 0).label, Bucket(91, None).label
    ('31-60', 'current', '90+')
    """

    low: int | None
    high: int | None

    def __attrs_post_init__(self) -> None:
        for name in ("low", "high"):
            value = getattr(self, name)
            if value is not None:
                check_int(value, name, minimum=0)
                if value > MAX_COUNT + 1:
                    raise LimitExceeded(
                        name, value, f"an age of at most {MAX_COUNT} days", "MAX_COUNT"
                    )
        if self.low is None and self.high != 0:
            raise InvalidArgument("high", self.high, "0 for the open-below 'current' bucket")
        if self.low is not None and self.high is not None and self.high < self.low:
            raise InvalidArgument("high", self.high, f"a bound >= low={self.low}")
        if self.low == 0 and self.high is None:
            raise InvalidArgument("high", self.high, "a finite bound for a bucket starting at 0")

    @property
    def label(self) -> str:
        """The bucket's text form: ``current``, ``31-60`` or ``90+``."""
        if self.low is None:
            return "current"
        if self.high is None:
            return f"{self.low - 1}+"
        return f"{self.low}-{self.high}"

    def __contains__(self, days: object) -> bool:
        """Return whether *days* (a whole number, numpy's included) falls in the bucket.

        Anything else raises :class:`~payterms.errors.InvalidType`: a predicate never
        answers ``False`` for a value it did not understand.

        >>> 45 in Bucket(31, 60), 61 in Bucket(31, 60)
        (True, False)
        """
        if isinstance(days, bool) or not isinstance(days, Integral):
            raise InvalidType("days", days, "a whole number of days (an int)")
        n = int(days)
        return (self.low is None or n >= self.low) and (self.high is None or n <= self.high)


def _bucket_tuple(value: object) -> tuple[Bucket, ...]:
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        raise InvalidType("buckets", value, "a sequence of Bucket (or use AgingBuckets.parse)")
    return tuple(value)


_BUCKET_RE = re.compile(
    r"\s*(?:(current)|([0-9]+)\s*[-\u2013]\s*([0-9]+)|([0-9]+)\s*\+)\s*$", re.IGNORECASE
)


_AGE_DIGITS = len(str(MAX_COUNT))


@frozen(repr=False)
class AgingBuckets:
    """Contiguous aging buckets that cover every age from the first bound up, ending open.

    The text form lists buckets separated by commas: ``current`` (age 0 or less, i.e. not
    yet due when aging from the due date), inclusive ranges ``31-60`` and an open top
    bucket ``90+`` meaning *more than 90 days*, as in "Current, 1-30, 31-60, 61-90,
    91-120, 120+" (doculedger). A gap, an overlap or a missing open top bucket is
    refused, so no amount can fall outside every bucket (frappe/erpnext#56759).

    >>> b = AgingBuckets.parse("current, 1-30, 31-60, 61-90, 90+")
    >>> b, b == AgingBuckets.STANDARD
    (AgingBuckets.parse('current, 1-30, 31-60, 61-90, 90+'), True)
    >>> b.label_for(0), b.label_for(30), b.label_for(91)
    ('current', '1-30', '90+')
    >>> AgingBuckets.parse("current, 1-30, 40-60, 60+")
    Traceback (most recent call last):
    payterms.errors.InvalidArgument: buckets='current, 1-30, 40-60, 60+' is not accepted: \
expected contiguous buckets (40-60 should start at 31)
    """

    buckets: tuple[Bucket, ...] = field(converter=_bucket_tuple)

    STANDARD: ClassVar[AgingBuckets]
    """``current, 1-30, 31-60, 61-90, 90+``: "the most common classification system"
    (metaglossary), for aging from the due date."""

    INVOICE_AGE: ClassVar[AgingBuckets]
    """``0-30, 31-60, 61-90, 90+``: invoice-age buckets of the Lumen/SUNY Larkin Co.
    example, for aging from the invoice date."""

    def __attrs_post_init__(self) -> None:
        text = ", ".join(b.label if isinstance(b, Bucket) else repr(b) for b in self.buckets)
        if not self.buckets:
            raise InvalidArgument("buckets", text, "at least one bucket")
        for i, b in enumerate(self.buckets):
            if not isinstance(b, Bucket):
                raise InvalidType(f"buckets[{i}]", b, "a Bucket")
            if i and self.buckets[i - 1].high is None:
                raise InvalidArgument("buckets", text, "the open bucket last")
            if i and b.low is None:
                raise InvalidArgument("buckets", text, "'current' only as the first bucket")
            if i and b.low != (self.buckets[i - 1].high or 0) + 1:
                start = (self.buckets[i - 1].high or 0) + 1
                raise InvalidArgument(
                    "buckets", text, f"contiguous buckets ({b.label} should start at {start})"
                )
        if self.buckets[-1].high is not None:
            raise InvalidArgument(
                "buckets", text, f"an open top bucket such as '{self.buckets[-1].high}+'"
            )

    @classmethod
    def parse(cls, text: str) -> AgingBuckets:
        """Return the buckets written as text: ``"current, 1-30, 31-60, 61-90, 90+"``.

        >>> AgingBuckets.parse("0-30, 31-60, 61-90, 90+") == AgingBuckets.INVOICE_AGE
        True
        >>> AgingBuckets.parse("current, 1-30, 30 days+")
        Traceback (most recent call last):
        payterms.errors.ParseError: cannot read 'current, 1-30, 30 days+' at position 14 \
('30'): expected 'current', a range such as '31-60' or an open bucket such as '90+'
        """
        if not isinstance(text, str):
            raise InvalidType("text", text, "a str such as 'current, 1-30, 31-60, 61-90, 90+'")
        check_text(text)
        buckets: list[Bucket] = []
        position = 0
        for part in text.split(","):
            match = _BUCKET_RE.match(part)
            if match is not None and any(
                len(g.lstrip("0")) > _AGE_DIGITS for g in match.groups()[1:] if g
            ):
                raise ParseError(
                    text,
                    position + len(part) - len(part.lstrip()),
                    f"ages of at most {MAX_COUNT} days (payterms.limits.MAX_COUNT)",
                )
            if match is None:
                skip = len(part) - len(part.lstrip())
                raise ParseError(
                    text,
                    position + skip,
                    "'current', a range such as '31-60' or an open bucket such as '90+'",
                )
            current, low, high, over = match.groups()
            if current:
                buckets.append(Bucket(None, 0))
            elif over is not None:
                buckets.append(Bucket(int(over) + 1, None))
            else:
                buckets.append(Bucket(int(low), int(high)))
            position += len(part) + 1
        return cls(tuple(buckets))

    @classmethod
    def from_edges(cls, edges: Iterable[int], *, current: bool = True) -> AgingBuckets:
        """Return buckets ending at each edge plus an open top bucket.

        ``from_edges((30, 60, 90, 120))`` gives ``current, 1-30, 31-60, 61-90, 91-120,
        120+``; with ``current=False`` the first bucket starts at 0 (invoice age).

        >>> str(AgingBuckets.from_edges((30, 60, 90, 120)))
        'current, 1-30, 31-60, 61-90, 91-120, 120+'
        >>> str(AgingBuckets.from_edges((30, 60, 90), current=False))
        '0-30, 31-60, 61-90, 90+'
        """
        if isinstance(edges, (str, bytes)) or not isinstance(edges, Iterable):
            raise InvalidType("edges", edges, "increasing whole numbers of days")
        bounds = [check_int(e, "edges", minimum=1) for e in edges]
        if not bounds or any(b >= c for b, c in itertools.pairwise(bounds)):
            raise InvalidArgument("edges", tuple(bounds), "at least one, strictly increasing")
        buckets = [Bucket(None, 0)] if current else []
        low = 1 if current else 0
        for edge in bounds:
            buckets.append(Bucket(low, edge))
            low = edge + 1
        buckets.append(Bucket(low, None))
        return cls(tuple(buckets))

    def __str__(self) -> str:
        return ", ".join(b.label for b in self.buckets)

    def __repr__(self) -> str:
        return f"AgingBuckets.parse({str(self)!r})"

    @property
    def labels(self) -> tuple[str, ...]:
        """The bucket labels, in order."""
        return tuple(b.label for b in self.buckets)

    def index(self, days: int) -> int:
        """Return the position of the bucket holding an age of *days* days.

        >>> AgingBuckets.STANDARD.index(-12), AgingBuckets.STANDARD.index(45)
        (0, 2)
        >>> AgingBuckets.INVOICE_AGE.index(-1)
        Traceback (most recent call last):
        payterms.errors.InvalidArgument: days=-1 is not accepted: expected an age of at \
least 0 days (the first bucket is 0-30; add 'current' for items not yet due)
        """
        check_int(days, "days")
        first = self.buckets[0]
        if first.low is not None and days < first.low:
            raise InvalidArgument(
                "days",
                days,
                f"an age of at least {first.low} days (the first bucket is {first.label};"
                " add 'current' for items not yet due)",
            )
        return bisect.bisect_left(self._highs, days)

    @property
    def _highs(self) -> list[int]:
        return [b.high for b in self.buckets[:-1] if b.high is not None]

    def label_for(self, days: int) -> str:
        """Return the label of the bucket holding an age of *days* days."""
        return self.buckets[self.index(days)].label


AgingBuckets.STANDARD = AgingBuckets.parse("current, 1-30, 31-60, 61-90, 90+")
AgingBuckets.INVOICE_AGE = AgingBuckets.parse("0-30, 31-60, 61-90, 90+")


# --------------------------------------------------------------------------- aging


class AgedItem(NamedTuple):
    """One open invoice in an aging: its id, customer, age in days, bucket index, open amount.

    >>> inv = Invoice("F-1", "A", date(2026, 4, 10), date(2026, 5, 10), Decimal("100"))
    >>> aging([inv], as_of=date(2026, 6, 30)).items[0]
    AgedItem(invoice='F-1', customer='A', days=51, bucket=2, open=Decimal('100'))
    """

    invoice: str
    customer: str
    days: int
    bucket: int
    open: Decimal


@frozen
class Aging:
    """An aged balance as of a date: the open amount per bucket, with the items behind it.

    ``totals[i]`` is the open amount in ``buckets.buckets[i]``; the totals add up to
    :attr:`total` exactly (the buckets partition the open items). The open items
    themselves (:attr:`items`) are listed on first use only, so that an aging of a
    large book costs no more than its totals.
    """

    as_of: date
    basis: AgeFrom
    buckets: AgingBuckets
    currency: str | None
    totals: tuple[Decimal, ...]
    invoices: tuple[Invoice, ...] = field(repr=False, eq=False)
    _cache: dict[str, tuple[AgedItem, ...]] = field(
        factory=dict, init=False, eq=False, hash=False, repr=False
    )

    @property
    def items(self) -> tuple[AgedItem, ...]:
        """The open items behind the totals, in the order of the invoices given."""
        found = self._cache.get("items")
        if found is None:
            aged: list[AgedItem] = []
            _age(self.invoices, self.as_of, self.basis, self.buckets, aged)
            found = self._cache["items"] = tuple(aged)
        return found

    def __str__(self) -> str:
        """Return a small text table: one line per bucket, then the total.

        >>> inv = Invoice("F-1", "ACME", date(2026, 1, 1), date(2026, 1, 31), Decimal("10.00"),
        ...               currency="EUR")
        >>> print(aging([inv], as_of=date(2026, 3, 5)))
        aging as of 2026-03-05 from the due date (EUR)
          current        0
          1-30           0
          31-60      10.00
          61-90          0
          90+            0
          total      10.00
        """
        basis = "due date" if self.basis is AgeFrom.DUE_DATE else "invoice date"
        currency = f" ({self.currency})" if self.currency else ""
        rows = [*zip(self.buckets.labels, self.totals, strict=True), ("total", self.total)]
        width = max(len(f"{amount:,}") for _, amount in rows)
        label_width = max(len(label) for label, _ in rows)
        lines = [f"aging as of {self.as_of.isoformat()} from the {basis}{currency}"]
        lines += [f"  {label:<{label_width}}  {amount:>{width},}" for label, amount in rows]
        return "\n".join(lines)

    @property
    def total(self) -> Decimal:
        """The total open amount."""
        with localcontext(CONTEXT):
            return sum(self.totals, _ZERO)

    def share(self, label: str) -> Decimal:
        """Return the fraction of the total open amount in the bucket *label*.

        CRF reports "% current" and "% over 91 days" this way.

        >>> invs = [Invoice("A", "X", date(2026, 1, 1), date(2026, 1, 31), Decimal("25")),
        ...         Invoice("B", "X", date(2026, 3, 1), date(2026, 3, 31), Decimal("75"))]
        >>> aging(invs, as_of=date(2026, 3, 5)).share("current")
        Decimal('0.75')
        """
        labels = self.buckets.labels
        if label not in labels:
            raise InvalidArgument("label", label, f"one of {labels}")
        total = self.total
        if total == 0:
            raise InvalidArgument("total", total, "a non-zero open amount to divide by")
        with localcontext(CONTEXT):
            return figure(self.totals[labels.index(label)] / total)

    def by_label(self) -> dict[str, Decimal]:
        """Return ``{label: open amount}`` in bucket order (every bucket, empty ones as 0).

        >>> inv = Invoice("F-1", "ACME", date(2026, 1, 1), date(2026, 1, 31), Decimal("10"))
        >>> aging([inv], as_of=date(2026, 3, 5)).by_label()["31-60"]
        Decimal('10')
        """
        return dict(zip(self.buckets.labels, self.totals, strict=True))

    def by_customer(self) -> dict[str, tuple[Decimal, ...]]:
        """Return ``{customer: open amount per bucket}``, customers sorted by name.

        >>> inv = Invoice("F-1", "ACME", date(2026, 1, 1), date(2026, 1, 31), Decimal("10"))
        >>> aging([inv], as_of=date(2026, 2, 5)).by_customer()
        {'ACME': (Decimal('0'), Decimal('10'), Decimal('0'), Decimal('0'), Decimal('0'))}
        """
        n = len(self.totals)
        table: dict[str, list[Decimal]] = {}
        with localcontext(CONTEXT):
            for item in self.items:
                row = table.get(item.customer)
                if row is None:
                    row = table[item.customer] = [_ZERO] * n
                row[item.bucket] += item.open
        return {c: tuple(table[c]) for c in sorted(table)}

    def weighted_days(self) -> Decimal:
        """Return the open-amount-weighted average age of the open items, in days.

        With ``basis=AgeFrom.DUE_DATE`` this is the weighted days past due (negative
        ages of items not yet due included). Raises when nothing is open.

        >>> invs = [Invoice("A", "X", date(2026, 1, 1), date(2026, 1, 31), Decimal("100")),
        ...         Invoice("B", "X", date(2026, 1, 1), date(2026, 2, 20), Decimal("300"))]
        >>> aging(invs, as_of=date(2026, 3, 2)).weighted_days()
        Decimal('15')
        """
        with localcontext(CONTEXT):
            weight = sum((item.open for item in self.items), _ZERO)
            if weight == 0:
                raise InvalidArgument("items", weight, "a non-zero open amount to weigh ages by")
            return figure(sum((item.open * item.days for item in self.items), _ZERO) / weight)

    def _repr_html_(self) -> str | None:
        return frame_html(self)

    def to_frame(self) -> pd.DataFrame:
        """Return the open items as a pandas DataFrame (needs the ``[pandas]`` extra).

        Columns: invoice, customer, days, bucket (the label), open (Decimal objects).
        """
        pandas = _import_pandas("Aging.to_frame")
        labels = self.buckets.labels
        return pandas.DataFrame(
            {
                "invoice": [i.invoice for i in self.items],
                "customer": [i.customer for i in self.items],
                "days": [i.days for i in self.items],
                "bucket": [labels[i.bucket] for i in self.items],
                "open": [i.open for i in self.items],
            }
        )


def _age(
    items: Sequence[object],
    as_of: date,
    basis: AgeFrom,
    buckets: AgingBuckets,
    aged: list[AgedItem] | None,
) -> tuple[str | None, tuple[Decimal, ...]]:
    """Return the currency and the bucket totals; list the open items in *aged* if given."""
    currency = items[0].currency if items and isinstance(items[0], Invoice) else None
    highs = buckets._highs
    floor = buckets.buckets[0].low
    lowest = -sys.maxsize if floor is None else floor
    totals = [_ZERO] * len(buckets.buckets)
    append = None if aged is None else aged.append
    make = tuple.__new__
    by_due = basis is AgeFrom.DUE_DATE
    as_of_ord = as_of.toordinal()
    # The work per distinct anchor date (age and bucket) is done once: a year of
    # invoices has at most 366 of them.
    slots: dict[date, tuple[int, int]] = {}
    with localcontext(CONTEXT):
        for position, inv in enumerate(items):
            if type(inv) is not Invoice and not isinstance(inv, Invoice):
                raise InvalidType(f"invoices[{position}]", inv, _AN_INVOICE)
            if inv.currency != currency:
                raise CurrencyMismatch(str(currency), str(inv.currency))
            if inv.issued > as_of:
                continue
            left = inv.amount
            if inv.payments:
                for on, paid in inv.payments:
                    if on > as_of:
                        break
                    left -= paid
            if not left:
                continue
            anchor = inv.due if by_due else inv.issued
            slot = slots.get(anchor)
            if slot is None:
                days = as_of_ord - anchor.toordinal()
                if days < lowest:
                    buckets.index(days)  # raises, naming the age and the first bucket
                slot = slots[anchor] = (days, bisect.bisect_left(highs, days))
            totals[slot[1]] += left
            if append is not None:
                append(make(AgedItem, (inv.id, inv.customer, slot[0], slot[1], left)))
    return currency, tuple(totals)


def aging(
    invoices: Iterable[Invoice],
    *,
    as_of: date,
    buckets: AgingBuckets | str = AgingBuckets.STANDARD,
    basis: AgeFrom = AgeFrom.DUE_DATE,
    columns: Mapping[str, str] | None = None,
) -> Aging:
    """Return the aged balance of *invoices* at the end of *as_of*.

    Invoices issued after *as_of* are left out (they did not exist yet) and payments
    after *as_of* are ignored, so a past as-of date is exact (odoo#16235, OCA
    account-financial-reporting#707). Fully settled items are left out; credit notes
    and overpayments (negative open amounts) stay in their bucket. The age is
    ``as_of - due`` with ``basis=AgeFrom.DUE_DATE`` (the default: ``current`` holds
    what is not yet due, the due day included) or ``as_of - issued`` with
    ``AgeFrom.INVOICE_DATE``. All invoices must share one currency. *invoices* may be
    a pandas DataFrame, read by :func:`invoices_from_frame` with the column mapping
    *columns*.

    >>> invs = [Invoice("F-1", "ACME", date(2026, 3, 1), date(2026, 3, 31), Decimal("100")),
    ...         Invoice("F-2", "ACME", date(2026, 6, 1), date(2026, 6, 30), Decimal("40"))]
    >>> a = aging(invs, as_of=date(2026, 6, 30))
    >>> a.totals, a.total
    ((Decimal('40'), Decimal('0'), Decimal('0'), Decimal('0'), Decimal('100')), Decimal('140'))
    >>> aging(invs, as_of=date(2026, 6, 30), basis=AgeFrom.INVOICE_DATE,
    ...       buckets="0-30, 31-60, 61-90, 90+").by_label()
    {'0-30': Decimal('40'), '31-60': Decimal('0'), '61-90': Decimal('0'), '90+': Decimal('100')}
    """
    as_of = check_date(as_of, "as_of")
    if isinstance(buckets, str):
        buckets = AgingBuckets.parse(buckets)
    elif not isinstance(buckets, AgingBuckets):
        raise InvalidType("buckets", buckets, "an AgingBuckets or its text form")
    if not isinstance(basis, AgeFrom):
        raise InvalidArgument("basis", basis, "an AgeFrom member")
    items = tuple(_invoices_of(invoices, columns, "aging"))
    currency, totals = _age(items, as_of, basis, buckets, None)
    return Aging(
        as_of=as_of,
        basis=basis,
        buckets=buckets,
        currency=currency,
        totals=totals,
        invoices=items,
    )


# --------------------------------------------------------------------------- DSO on invoices


def _month_boundary(day: date, k: int) -> date:
    """Return *day* moved back *k* months, month ends staying month ends (clamped)."""
    index = day.year * 12 + day.month - 1 - k
    year, month = divmod(index, 12)
    month += 1
    last = _stdcal.monthrange(year, month)[1]
    if day.day == _stdcal.monthrange(day.year, day.month)[1]:
        return date(year, month, last)
    return date(year, month, min(day.day, last))


def _two_places(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP, context=CONTEXT)


@frozen(repr=False)
class Dso:
    """Days sales outstanding: *exact* as computed, and *days*, rounded to two decimals.

    ``days`` is what to show (half up to 0.01 day); ``exact`` keeps the 28 significant
    digits for further computation. Formatting goes to the exact value
    (``f"{dso:.1f}"``, ``round(dso, 1)``, ``float(dso)``); equality compares the exact
    value and the method.

    >>> d = Dso(Decimal("53.49864453924814374792965777"), DsoMethod.COUNTBACK)
    >>> d, str(d), f"{d:.1f}"
    (Dso(days=Decimal('53.50'), method=DsoMethod.COUNTBACK), '53.50 days (countback)', '53.5')
    """

    exact: Decimal
    method: DsoMethod

    @property
    def days(self) -> Decimal:
        """Return the days rounded half up to two decimals, for reading."""
        return _two_places(self.exact)

    def __repr__(self) -> str:
        return f"Dso(days={self.days!r}, method=DsoMethod.{self.method.name})"

    def __str__(self) -> str:
        return f"{self.days} days ({self.method.value})"

    def __format__(self, spec: str) -> str:
        return format(self.exact, spec) if spec else str(self)

    def __round__(self, ndigits: int) -> Decimal:
        return round(self.exact, ndigits)

    def __float__(self) -> float:
        return float(self.exact)


def dso(
    invoices: Iterable[Invoice],
    *,
    as_of: date,
    method: DsoMethod = DsoMethod.COUNTBACK,
    months: int | None = None,
    month_length: MonthLength = MonthLength.CALENDAR,
    columns: Mapping[str, str] | None = None,
) -> Dso:
    """Return days sales outstanding at the end of *as_of*, by the named *method*.

    The result is a :class:`Dso`: ``days`` rounded to two decimals for reading,
    ``exact`` as computed (28 significant digits).

    Receivables are the open amounts of the invoices issued on or before *as_of*, net
    of payments made by then (gross: subtract a bad-debt reserve yourself). Credit
    sales are the invoice amounts by issue date. Months are counted back from *as_of*:
    the latest month is ``(as_of - 1 month, as_of]``, month ends staying month ends.

    * ``SIMPLE``, ``AVERAGE_AR``, ``BEST_POSSIBLE``: over the last *months* months
      (3 when not given: the quarter CRF's calculator is built for), with the actual
      days in them (``month_length=MonthLength.THIRTY``: 30 per month).
    * ``COUNTBACK``: months are exhausted one by one, the last pro rata; *months*
      caps how far back to go (all the invoice history when not given) and running
      out of history with receivables left raises.

    *invoices* may be a pandas DataFrame, read by :func:`invoices_from_frame` with the
    column mapping *columns*.

    >>> invs = [Invoice("F-1", "A", date(2026, 4, 15), date(2026, 5, 15), Decimal("70000")),
    ...         Invoice("F-2", "A", date(2026, 5, 15), date(2026, 6, 14), Decimal("80000")),
    ...         Invoice("F-3", "A", date(2026, 6, 15), date(2026, 7, 15), Decimal("100000"),
    ...                 payments=((date(2026, 6, 20), Decimal("38000")),))]
    >>> countback = dso(invs, as_of=date(2026, 6, 30), month_length=MonthLength.THIRTY)
    >>> countback, countback.exact
    (Dso(days=Decimal('73.71'), method=DsoMethod.COUNTBACK),
     Decimal('73.71428571428571428571428571'))
    >>> dso(invs, as_of=date(2026, 6, 30), method=DsoMethod.SIMPLE).days
    Decimal('77.17')
    """
    as_of = check_date(as_of, "as_of")
    if not isinstance(method, DsoMethod):
        raise InvalidArgument("method", method, "a DsoMethod member")
    if not isinstance(month_length, MonthLength):
        raise InvalidArgument("month_length", month_length, "a MonthLength member")
    if months is not None:
        check_int(months, "months", minimum=1)
    items: Sequence[object] = _invoices_of(invoices, columns, "dso")
    currency = items[0].currency if items and isinstance(items[0], Invoice) else None
    start = None if method is not DsoMethod.AVERAGE_AR else _month_boundary(as_of, months or 3)
    # One pass: the month window of each distinct invoice date is worked out once.
    windows: dict[date, int] = {}
    sales: dict[int, Decimal] = {}
    ending = current = opening = _ZERO
    seen = 0
    with localcontext(CONTEXT):
        for position, inv in enumerate(items):
            if type(inv) is not Invoice and not isinstance(inv, Invoice):
                raise InvalidType(f"invoices[{position}]", inv, _AN_INVOICE)
            if inv.currency != currency:
                raise CurrencyMismatch(str(currency), str(inv.currency))
            if inv.issued > as_of:
                continue
            seen += 1
            window = windows.get(inv.issued)
            if window is None:
                window = windows[inv.issued] = _window(as_of, inv.issued)
            sales[window] = sales.get(window, _ZERO) + inv.amount
            left = inv.amount
            if inv.payments:
                for on, paid in inv.payments:
                    if on > as_of:
                        break
                    left -= paid
            ending += left
            if inv.due >= as_of:
                current += left
            if start is not None and inv.issued <= start:
                opening += inv.open_amount(start)
        if not seen:
            raise InvalidArgument(
                "invoices", len(items), f"at least one invoice issued on or before {as_of!r}"
            )
        span = max(sales) + 1
        if method is DsoMethod.COUNTBACK:
            count = span if months is None else min(span, months)
        else:
            count = 3 if months is None else months
        if month_length is MonthLength.THIRTY:
            lengths = [30] * count
        else:
            bounds = [_month_boundary(as_of, k) for k in range(count + 1)]
            lengths = [(bounds[k] - bounds[k + 1]).days for k in range(count)]
        by_month = [sales.get(k, _ZERO) for k in range(count)]
        if method is DsoMethod.COUNTBACK:
            exact = figure(_countback(ending, by_month, lengths, months_capped=count < span))
            return Dso(exact, method)
        period_sales = sum(by_month, _ZERO)
        if method is DsoMethod.SIMPLE:
            balance = ending
        elif method is DsoMethod.BEST_POSSIBLE:
            balance = current
        else:
            balance = (opening + ending) / 2
        if period_sales <= 0:
            raise InvalidArgument(
                "credit_sales",
                period_sales,
                f"positive credit sales in the {count} months to {as_of.isoformat()}"
                " (DSO is undefined without sales)",
            )
        return Dso(figure(balance * sum(lengths) / period_sales), method)


def _window(as_of: date, issued: date) -> int:
    """Return which month back from *as_of* holds *issued* (0: ``(as_of - 1 month, as_of]``)."""
    back = (as_of.year - issued.year) * 12 + as_of.month - issued.month
    return back if issued <= _month_boundary(as_of, back) else back - 1


def _countback(
    receivables: Decimal,
    sales: Sequence[Decimal],
    lengths: Sequence[int],
    *,
    months_capped: bool,
) -> Decimal:
    left = receivables
    days = _ZERO
    for month_sales, length in zip(sales, lengths, strict=True):
        if left <= 0:
            return days
        if left <= month_sales:
            return days + left * length / month_sales
        left -= month_sales
        days += length
    if left <= 0:
        return days
    where = "the months allowed" if months_capped else "the invoice history"
    raise InvalidArgument(
        "receivables",
        receivables,
        f"receivables covered by the credit sales of {where} ({left} left after"
        f" {len(sales)} months); countback cannot extrapolate",
    )


# --------------------------------------------------------------------------- days to pay


def average_days_to_pay(
    invoices: Iterable[Invoice],
    *,
    as_of: date,
    measure_from: AgeFrom = AgeFrom.INVOICE_DATE,
    weighting: Weighting = Weighting.SIMPLE,
    columns: Mapping[str, str] | None = None,
) -> Decimal:
    """Return the average days to pay of the invoices settled on or before *as_of*.

    ``measure_from=AgeFrom.INVOICE_DATE`` gives average days to pay (ADP, Sage 50);
    ``AgeFrom.DUE_DATE`` gives average days beyond terms, negative when customers pay
    early (the sign is kept: dhongu/deltatech#875). ``Weighting.SIMPLE`` averages the
    date each invoice was settled; ``Weighting.AMOUNT`` weighs every payment of those
    invoices by its amount, so partial payments count at their own date. Open and
    partly paid invoices, and credit notes, are left out. *invoices* may be a pandas
    DataFrame, read by :func:`invoices_from_frame` with the column mapping *columns*.

    >>> invs = [Invoice("A", "X", date(2026, 1, 1), date(2026, 1, 31), Decimal("10"),
    ...                 payments=((date(2026, 1, 6), Decimal("10")),)),
    ...         Invoice("B", "X", date(2026, 1, 1), date(2026, 1, 31), Decimal("100"),
    ...                 payments=((date(2026, 1, 11), Decimal("100")),))]
    >>> average_days_to_pay(invs, as_of=date(2026, 3, 1))
    Decimal('7.5')
    >>> round(average_days_to_pay(invs, as_of=date(2026, 3, 1), weighting=Weighting.AMOUNT), 2)
    Decimal('9.55')
    >>> average_days_to_pay(invs, as_of=date(2026, 3, 1), measure_from=AgeFrom.DUE_DATE)
    Decimal('-22.5')
    """
    as_of = check_date(as_of, "as_of")
    if not isinstance(measure_from, AgeFrom):
        raise InvalidArgument("measure_from", measure_from, "an AgeFrom member")
    if not isinstance(weighting, Weighting):
        raise InvalidArgument("weighting", weighting, "a Weighting member")
    items = _check_invoices(_invoices_of(invoices, columns, "average_days_to_pay"))
    _single_currency(items)
    by_due = measure_from is AgeFrom.DUE_DATE
    count = 0
    day_sum = 0
    weight = _ZERO
    weighted = _ZERO
    with localcontext(CONTEXT):
        for inv in items:
            if inv.amount <= 0 or inv.issued > as_of:
                continue
            settled = _settled_on(inv)
            if settled is None or settled > as_of:
                continue
            anchor = (inv.due if by_due else inv.issued).toordinal()
            count += 1
            day_sum += settled.toordinal() - anchor
            for on, paid in inv.payments:
                if on > settled:
                    break
                weight += paid
                weighted += paid * (on.toordinal() - anchor)
        if count == 0:
            raise InvalidArgument(
                "invoices", len(items), f"at least one invoice paid in full by {as_of.isoformat()}"
            )
        if weighting is Weighting.SIMPLE:
            return figure(Decimal(day_sum) / count)
        return figure(weighted / weight)


# --------------------------------------------------------------------------- totals


def _positive(value: object, name: str) -> Decimal:
    result = to_decimal(value, name)
    if result <= 0:
        raise InvalidArgument(name, value, "a positive amount")
    return result


def _days(value: object, name: str = "days") -> int:
    return check_int(value, name, minimum=1)


def simple_dso(
    receivables: Decimal | int | str,
    credit_sales: Decimal | int | str,
    *,
    days: int,
) -> Decimal:
    """Return ``receivables / credit_sales x days``: DSO from period totals.

    With the *current* (not yet due) receivables instead of all of them this is the
    best possible DSO (creditguru); the same ratio on inventory or payables over the
    cost of goods sold gives DIO and DPO.

    >>> round(simple_dso(Decimal("150000"), Decimal("1800000"), days=365), 1)  # trymesha
    Decimal('30.4')
    """
    ar = to_decimal(receivables, "receivables")
    sales = _positive(credit_sales, "credit_sales")
    with localcontext(CONTEXT):
        return figure(ar * _days(days) / sales)


def countback_dso(
    receivables: Decimal | int | str,
    monthly_sales: Sequence[Decimal | int | str],
    *,
    days: int | Sequence[int] = 30,
) -> Decimal:
    """Return countback DSO: *receivables* exhausted against *monthly_sales*, newest first.

    Each month whose sales are used up whole counts its days; the month where the
    receivables run out counts pro rata. *days* is the length of every month (30 in
    the Benji/trymesha example) or one length per month (28-31, calendar months). More
    receivables than all the months' sales raises: countback never extrapolates.

    >>> round(countback_dso(Decimal("212000"),
    ...                     [Decimal("100000"), Decimal("80000"), Decimal("70000")]), 1)
    Decimal('73.7')
    >>> countback_dso(Decimal("212000"), [Decimal("100000")])
    Traceback (most recent call last):
    payterms.errors.InvalidArgument: receivables=Decimal('212000') is not accepted: \
expected receivables covered by the credit sales of the months given (112000 left after 1 \
months); countback cannot extrapolate
    """
    ar = to_decimal(receivables, "receivables")
    if isinstance(monthly_sales, (str, bytes)) or not isinstance(monthly_sales, Sequence):
        raise InvalidType("monthly_sales", monthly_sales, "a sequence of amounts, newest first")
    sales = [to_decimal(s, f"monthly_sales[{i}]") for i, s in enumerate(monthly_sales)]
    for i, s in enumerate(sales):
        if s < 0:
            raise InvalidArgument(f"monthly_sales[{i}]", s, "a non-negative amount")
    if isinstance(days, int) and not isinstance(days, bool):
        lengths = [_days(days)] * len(sales)
    elif isinstance(days, Sequence) and not isinstance(days, (str, bytes)):
        lengths = [_days(d, f"days[{i}]") for i, d in enumerate(days)]
        if len(lengths) != len(sales):
            raise InvalidArgument("days", tuple(lengths), f"{len(sales)} month lengths")
    else:
        raise InvalidType("days", days, "an int or one int per month")
    with localcontext(CONTEXT):
        try:
            return figure(_countback(ar, sales, lengths, months_capped=False))
        except InvalidArgument as exc:
            raise InvalidArgument(
                "receivables",
                ar,
                exc.expected.replace("the months allowed", "the months given").replace(
                    "the invoice history", "the months given"
                ),
            ) from None


def average_days_delinquent(
    *,
    receivables: Decimal | int | str,
    current: Decimal | int | str,
    credit_sales: Decimal | int | str,
    days: int,
) -> Decimal:
    """Return average days delinquent: DSO minus best possible DSO, from period totals.

    ``(receivables - current) / credit_sales x days``, where *current* is the part not
    yet due (creditguru; CRF's ADD). CRF's published medians of DSO, BPDSO and ADD are
    independent medians and do not satisfy this identity.

    >>> average_days_delinquent(receivables=15000, current=4000, credit_sales=10000, days=30)
    Decimal('33')
    """
    ar = to_decimal(receivables, "receivables")
    cur = to_decimal(current, "current")
    if cur > ar:
        raise InvalidArgument("current", current, f"at most receivables={ar}")
    sales = _positive(credit_sales, "credit_sales")
    n = _days(days)
    with localcontext(CONTEXT):
        return figure((ar - cur) * n / sales)


def collection_effectiveness(
    *,
    beginning: Decimal | int | str,
    credit_sales: Decimal | int | str,
    ending_total: Decimal | int | str,
    ending_current: Decimal | int | str,
    basis: CeiBasis,
    months: int | None = None,
) -> Decimal:
    """Return the Collection Effectiveness Index, in percent, on the named sales *basis*.

    ``(beginning + S - ending_total) / (beginning + S - ending_current) x 100``, where
    S is the period's credit sales (``CeiBasis.PERIOD_SALES``) or those divided by the
    number of *months* (``CeiBasis.MONTHLY_AVERAGE``, which needs *months*). The two
    published variants give 79.63 % and 55.9 % on the same data, so *basis* has no
    default.

    >>> data = dict(beginning=6200, credit_sales=10890, ending_total=6340, ending_current=3590)
    >>> round(collection_effectiveness(**data, basis=CeiBasis.PERIOD_SALES), 2)
    Decimal('79.63')
    >>> round(collection_effectiveness(**data, basis=CeiBasis.MONTHLY_AVERAGE, months=3), 1)
    Decimal('55.9')
    """
    if not isinstance(basis, CeiBasis):
        raise InvalidArgument("basis", basis, "a CeiBasis member")
    begin = to_decimal(beginning, "beginning")
    sales = to_decimal(credit_sales, "credit_sales")
    total = to_decimal(ending_total, "ending_total")
    current = to_decimal(ending_current, "ending_current")
    if sales < 0:
        raise InvalidArgument("credit_sales", credit_sales, "a non-negative amount")
    if current > total:
        raise InvalidArgument("ending_current", ending_current, f"at most ending_total={total}")
    with localcontext(CONTEXT):
        if basis is CeiBasis.MONTHLY_AVERAGE:
            if months is None:
                raise InvalidArgument("months", months, "the number of months (MONTHLY_AVERAGE)")
            sales = sales / check_int(months, "months", minimum=1)
        elif months is not None:
            raise InvalidArgument("months", months, "None with CeiBasis.PERIOD_SALES")
        denominator = begin + sales - current
        if denominator <= 0:
            raise InvalidArgument(
                "ending_current", ending_current, "less than beginning + credit sales"
            )
        return figure((begin + sales - total) / denominator * _HUNDRED)


def cash_conversion_cycle(
    *,
    dio: Decimal | int | str,
    dso: Decimal | int | str,
    dpo: Decimal | int | str,
) -> Decimal:
    """Return the cash conversion cycle ``DIO + DSO - DPO``, in days.

    >>> cash_conversion_cycle(dio=60, dso=30, dpo=45)   # Investopedia, Techno Computers
    Decimal('45')
    """
    with localcontext(CONTEXT):
        return to_decimal(dio, "dio") + to_decimal(dso, "dso") - to_decimal(dpo, "dpo")


# --------------------------------------------------------------------------- concentration


def _amounts_by_key(values: object, name: str) -> dict[str, Decimal]:
    pairs: Iterable[Any]
    if isinstance(values, Mapping):
        pairs = values.items()
    elif isinstance(values, (str, bytes)) or not isinstance(values, Iterable):
        raise InvalidType(name, values, "a mapping or pairs of (customer, amount)")
    else:
        pairs = values
    out: dict[str, Decimal] = {}
    with localcontext(CONTEXT):
        for pair in pairs:
            if not isinstance(pair, tuple) or len(pair) != 2:
                raise InvalidType(name, pair, "(customer, amount) pairs")
            key, raw = pair
            if not isinstance(key, str):
                raise InvalidType(f"{name} key", key, "a customer name (str)")
            amount = to_decimal(raw, f"{name}[{key!r}]")
            if amount < 0:
                raise InvalidArgument(f"{name}[{key!r}]", amount, "a non-negative amount")
            out[key] = out.get(key, _ZERO) + amount
    if not out or sum(out.values(), _ZERO) <= 0:
        raise InvalidArgument(name, values, "amounts with a positive total")
    return out


def hhi(values: Iterable[Decimal | int | str], *, scale: HhiScale) -> Decimal:
    """Return the Herfindahl-Hirschman index of *values* (amounts or shares), on *scale*.

    Values are normalised to shares of their total first, so revenues, fractions and
    percentages all work. ``HhiScale.FRACTION`` runs from 1/n to 1;
    ``HhiScale.POINTS`` to 10,000 (US DOJ: "shares of 30, 30, 20, and 20 percent, the
    HHI is 2,600").

    >>> hhi([30, 30, 20, 20], scale=HhiScale.POINTS)
    Decimal('2600')
    >>> hhi([30, 30, 20, 20], scale=HhiScale.FRACTION)
    Decimal('0.26')
    """
    if not isinstance(scale, HhiScale):
        raise InvalidArgument("scale", scale, "an HhiScale member")
    if isinstance(values, (str, bytes, Mapping)) or not isinstance(values, Iterable):
        raise InvalidType("values", values, "an iterable of amounts")
    amounts = _amounts_by_key([(str(i), v) for i, v in enumerate(values)], "values")
    return _hhi(tuple(amounts.values()), scale)


def _hhi(amounts: Sequence[Decimal], scale: HhiScale) -> Decimal:
    with localcontext(CONTEXT):
        total = sum(amounts, _ZERO)
        squares = sum((a * a for a in amounts), _ZERO)
        if scale is HhiScale.POINTS:
            squares *= 10000
        return figure(squares / (total * total))


@frozen
class Concentration:
    """How revenue is spread over customers: shares, top-N shares, HHI and flagged customers.

    *shares* are ``(customer, share)`` pairs, share a fraction of *total*, largest
    first (ties by name). *threshold* flags customers whose share is strictly above it
    (the lenders' rule is a customer *above* 20 %: "Above 20 % ... elevated risk",
    acquirecalc; "> 20 %" high, eaglerockcfo; "<20 % ... low risk", finhelp;
    reference/finance.md §3.5); :attr:`disclosable` applies the IFRS 8 ¶34 10 % test,
    which does include 10 % itself ("10 % or more").

    >>> concentration({"A": 20, "B": 80}).to_frame()
      customer   amount share  over_threshold  disclosable
    0        B  80  0.8            True         True
    1        A  20  0.2           False         True
    """

    total: Decimal
    shares: tuple[tuple[str, Decimal], ...]
    threshold: Decimal
    amounts: tuple[Decimal, ...] = field(repr=False)

    IFRS8_THRESHOLD: ClassVar[Decimal] = Decimal("0.10")
    """IFRS 8 ¶34: a single external customer with 10 % or more of revenues is disclosed."""

    @property
    def hhi_fraction(self) -> Decimal:
        """The HHI on the 0-1 scale (sum of squared fractional shares)."""
        return _hhi(self.amounts, HhiScale.FRACTION)

    @property
    def hhi_points(self) -> Decimal:
        """The HHI on the 0-10,000 scale (sum of squared percentage shares)."""
        return _hhi(self.amounts, HhiScale.POINTS)

    @property
    def over_threshold(self) -> tuple[str, ...]:
        """Customers whose share is strictly above :attr:`threshold`, largest first."""
        return tuple(c for c, s in self.shares if s > self.threshold)

    @property
    def disclosable(self) -> tuple[str, ...]:
        """Customers with 10 % or more of revenue (IFRS 8 ¶34 major-customer disclosure)."""
        return tuple(c for c, s in self.shares if s >= self.IFRS8_THRESHOLD)

    def top(self, n: int) -> Decimal:
        """Return the combined share of the *n* largest customers (all of them if fewer).

        >>> concentration({"A": 50, "B": 30, "C": 20}).top(2)
        Decimal('0.8')
        """
        check_int(n, "n", minimum=1)
        with localcontext(CONTEXT):
            return figure(sum(self.amounts[:n], _ZERO) / self.total)

    def to_frame(self) -> pd.DataFrame:
        """Return one row per customer, largest first (needs the ``[pandas]`` extra).

        Columns: ``customer``, ``amount`` (Decimal), ``share`` (a fraction, Decimal),
        ``over_threshold`` (share strictly above :attr:`threshold`) and ``disclosable``
        (share of 10 % or more, IFRS 8 ¶34).
        """
        pandas = _import_pandas("Concentration.to_frame")
        return pandas.DataFrame(
            {
                "customer": [c for c, _ in self.shares],
                "amount": pandas.Series(list(self.amounts), dtype=object),
                "share": pandas.Series([s for _, s in self.shares], dtype=object),
                "over_threshold": [s > self.threshold for _, s in self.shares],
                "disclosable": [s >= self.IFRS8_THRESHOLD for _, s in self.shares],
            }
        )

    def _repr_html_(self) -> str | None:
        return frame_html(self)

    def share(self, customer: str) -> Decimal:
        """Return *customer*'s share of the total (a fraction).

        >>> concentration({"A": 50, "B": 30, "C": 20}).share("C")
        Decimal('0.2')
        """
        for name, value in self.shares:
            if name == customer:
                return value
        raise InvalidArgument("customer", customer, "a customer in the revenue given")


_DEFAULT_THRESHOLD = Decimal("0.20")


def concentration(
    revenue_by_customer: Mapping[str, Decimal] | Iterable[tuple[str, Decimal]],
    *,
    threshold: Decimal | str = _DEFAULT_THRESHOLD,
) -> Concentration:
    """Return the customer concentration of revenue: shares, HHI and customers over *threshold*.

    *revenue_by_customer* is a mapping or ``(customer, amount)`` pairs (repeated
    customers are added up; see :func:`revenue_by_customer` to build it from
    invoices). *threshold* is a fraction; its default 20 % is a lenders' rule of
    thumb ("<20 % to a single customer as low risk", finhelp; eaglerockcfo, acquirecalc),
    not a standard, and it flags a customer that exceeds it: a share of exactly 20 % is
    not flagged. The accounting disclosure test is 10 % or more (IFRS 8 ¶34,
    :attr:`Concentration.disclosable`).

    >>> c = concentration({"ACME": Decimal("300"), "Bolt": Decimal("300"),
    ...                    "Cork": Decimal("200"), "Dyne": Decimal("200")})
    >>> c.shares[0], c.hhi_points, c.hhi_fraction, c.over_threshold
    (('ACME', Decimal('0.3')), Decimal('2600'), Decimal('0.26'), ('ACME', 'Bolt'))
    >>> concentration({"ACME": 1}, threshold=0.2)
    Traceback (most recent call last):
    payterms.errors.InvalidType: threshold=0.2 has type float: expected a Decimal, int or str
    """
    limit = to_decimal(threshold, "threshold")
    if not 0 < limit <= 1:
        raise InvalidArgument("threshold", threshold, "a fraction in (0, 1], e.g. Decimal('0.20')")
    amounts = _amounts_by_key(revenue_by_customer, "revenue_by_customer")
    ordered = sorted(amounts.items(), key=lambda kv: (-kv[1], kv[0]))
    with localcontext(CONTEXT):
        total = sum(amounts.values(), _ZERO)
        shares = tuple((name, figure(value / total)) for name, value in ordered)
    return Concentration(
        total=total,
        shares=shares,
        threshold=limit,
        amounts=tuple(value for _, value in ordered),
    )


def revenue_by_customer(
    invoices: Iterable[Invoice],
    *,
    start: date,
    end: date,
    columns: Mapping[str, str] | None = None,
) -> dict[str, Decimal]:
    """Return ``{customer: invoiced amount}`` for invoices issued from *start* to *end* inclusive.

    *invoices* may be a pandas DataFrame, read by :func:`invoices_from_frame` with the
    column mapping *columns*.

    >>> invs = [Invoice("A", "X", date(2026, 1, 5), date(2026, 2, 4), Decimal("10")),
    ...         Invoice("B", "Y", date(2026, 1, 9), date(2026, 2, 8), Decimal("30")),
    ...         Invoice("C", "X", date(2026, 2, 1), date(2026, 3, 3), Decimal("99"))]
    >>> revenue_by_customer(invs, start=date(2026, 1, 1), end=date(2026, 1, 31))
    {'X': Decimal('10'), 'Y': Decimal('30')}
    """
    start = check_date(start, "start")
    end = check_date(end, "end")
    if end < start:
        raise InvalidArgument("end", end, f"a date on or after start={start!r}")
    items = _check_invoices(_invoices_of(invoices, columns, "revenue_by_customer"))
    _single_currency(items)
    out: dict[str, Decimal] = {}
    with localcontext(CONTEXT):
        for inv in items:
            if start <= inv.issued <= end:
                out[inv.customer] = out.get(inv.customer, _ZERO) + inv.amount
    return {k: out[k] for k in sorted(out)}


# --------------------------------------------------------------------------- pandas


def _import_pandas(what: str) -> Any:
    return require("pandas", what)


_FRAME_FIELDS = ("id", "customer", "issued", "due", "amount", "currency", "paid_on", "paid_amount")
_FRAME_REQUIRED = ("id", "customer", "issued", "due", "amount")


def invoices_from_frame(
    frame: pd.DataFrame,
    *,
    currency: str | None = None,
    columns: Mapping[str, str] | None = None,
    **names: str,
) -> list[Invoice]:
    """Return one :class:`Invoice` per row of a pandas DataFrame (needs the ``[pandas]`` extra).

    The fields are ``id``, ``customer``, ``issued``, ``due``, ``amount`` and optionally
    ``currency`` (a column of ISO codes), ``paid_on`` and ``paid_amount`` (see
    :meth:`Invoice.from_record`; an empty ``paid_on`` cell means open). Each is read from
    the column of its own name, or from the column a mapping names: ``columns={"id":
    "invoice_no"}`` or, the same, the keyword ``id="invoice_no"``. Other columns are
    left alone, so a ledger export can be passed as it is. *currency* is the currency of
    the rows without a currency column.

    Amounts must be Decimal objects, ints or strings (a float column is refused); dates
    may be ``datetime.date`` or midnight ``Timestamp`` values. A missing required column
    is refused naming it; a bad cell (a missing date, a float, a due date before the
    invoice date) naming its column and row label.

    >>> import pandas as pd
    >>> frame = pd.DataFrame({"invoice_no": ["F-1"], "client": ["ACME"],
    ...                       "issued": [date(2026, 1, 5)], "due": [date(2026, 2, 4)],
    ...                       "amount": ["100.00"], "region": ["north"]})
    >>> invoices_from_frame(frame, id="invoice_no", customer="client")[0].id
    'F-1'
    >>> invoices_from_frame(frame.drop(columns="due"), id="invoice_no", customer="client")
    Traceback (most recent call last):
    payterms.errors.InvalidArgument: columns=[...] is not accepted: expected a column 'due' ...
    """
    from payterms._frames import (
        amount_cells,
        cell_name,
        column_names,
        date_days,
        fields_of,
        is_frame,
        object_cells,
    )

    pandas = _import_pandas("invoices_from_frame")
    if not is_frame(frame):
        raise InvalidType("frame", frame, "a pandas DataFrame")
    mapping = _merge_columns(columns, names)
    found = column_names(
        frame, fields_of(_FRAME_FIELDS, _FRAME_REQUIRED), mapping, "invoices_from_frame"
    )
    ids = object_cells(frame, found["id"], str, "an invoice id (str)")
    customers = object_cells(frame, found["customer"], str, "a customer name (str)")
    issued_days, _ = date_days(frame, found["issued"])
    due_days, _ = date_days(frame, found["due"])
    amounts = amount_cells(frame, found["amount"])
    currencies: list[Any] = [currency] * len(frame)
    if "currency" in found:
        currencies = object_cells(frame, found["currency"], str, "an ISO 4217 code (str)")
    paid_days = None
    paid_gaps = None
    if "paid_on" in found:
        paid_days, paid_gaps = date_days(frame, found["paid_on"], missing=True)

    def blank(value: object) -> bool:
        return value is None or (not isinstance(value, (str, Decimal)) and bool(pandas.isna(value)))

    paid_amounts: list[Any] | None = None
    if "paid_amount" in found:
        if "paid_on" not in found:
            raise InvalidArgument(
                "columns", list(found.values()), "a paid_on column with paid_amount"
            )
        paid_amounts = frame[found["paid_amount"]].tolist()
    epoch = date(1970, 1, 1).toordinal()
    dates: dict[int, date] = {}

    def day(n: int) -> date:
        found_day = dates.get(n)
        if found_day is None:
            found_day = dates[n] = date.fromordinal(n + epoch)
        return found_day

    out: list[Invoice] = []
    for i in range(len(frame)):
        issued = day(int(issued_days[i]))
        due = day(int(due_days[i]))
        if due < issued:
            raise InvalidArgument(
                cell_name(frame, found["due"], i),
                due,
                f"a date on or after the invoice date {issued!r}",
            )
        payments: tuple[tuple[date, Decimal], ...] = ()
        if paid_days is not None and paid_gaps is not None and not paid_gaps[i]:
            paid: Decimal = amounts[i]
            if paid_amounts is not None:
                raw = paid_amounts[i]
                if not blank(raw):
                    paid = to_decimal(raw, cell_name(frame, found["paid_amount"], i))
            payments = ((day(int(paid_days[i])), paid),)
        elif paid_amounts is not None and not blank(paid_amounts[i]):
            raise InvalidArgument(
                cell_name(frame, found["paid_amount"], i),
                paid_amounts[i],
                "no paid amount on a row without a paid_on date",
            )
        out.append(
            Invoice(
                ids[i],
                customers[i],
                issued,
                due,
                amounts[i],
                currency=currencies[i],
                payments=payments,
            )
        )
    return out


def _merge_columns(
    columns: Mapping[str, str] | None, names: Mapping[str, str]
) -> dict[str, str] | None:
    """Return one column mapping from ``columns=`` and keyword field names, refusing a clash."""
    if columns is None and not names:
        return None
    if columns is not None and not isinstance(columns, Mapping):
        raise InvalidType("columns", columns, "a mapping {payterms field: frame column}")
    merged = dict(columns or {})
    for name, column in names.items():
        if name in merged and merged[name] != column:
            raise InvalidArgument(name, column, f"the column columns[{name!r}]={merged[name]!r}")
        merged[name] = column
    return merged


def _invoices_of(
    invoices: object, columns: Mapping[str, str] | None, what: str
) -> Sequence[Invoice]:
    """Return *invoices*, read from a DataFrame (with *columns*) when one is given."""
    from payterms._frames import is_frame

    if is_frame(invoices):
        return invoices_from_frame(invoices, columns=columns)
    if columns is not None:
        raise InvalidArgument(
            "columns", columns, f"a DataFrame of invoices for {what} (or no columns)"
        )
    return _iterable_of_invoices(invoices)

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
                payable=Decimal('1185.80'), discount=Decimal('24.20')),)
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable
from datetime import date, timedelta
from decimal import ROUND_HALF_EVEN, Decimal
from enum import Enum
from functools import lru_cache
from typing import TYPE_CHECKING, cast

from attrs import evolve, field, frozen

from payterms._checks import check_date, check_int, check_rounding, to_decimal
from payterms._upcalls import upcall
from payterms.calendars import Adjustment, check_adjustment
from payterms.errors import InvalidArgument, InvalidTerms, InvalidType, LimitExceeded
from payterms.limits import MAX_COUNT
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
    from payterms.calendars import BusinessCalendar

__all__ = [
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
    "end_of_month_rule",
]

_HUNDRED = Decimal(100)
_EXACT = f"an amount of at most {EXACT_DIGITS} digits down to the minor unit"


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


def _check_kind(value: object) -> LineKind:
    if not isinstance(value, LineKind):
        raise InvalidType("kind", value, "a payterms.terms.LineKind member")
    return value


def _check_of(value: object) -> PercentOf:
    if not isinstance(value, PercentOf):
        raise InvalidType("of", value, "a payterms.terms.PercentOf member")
    return value


def _rule(value: object) -> DueRule:
    if not isinstance(value, (str, DueRule)):
        raise InvalidType("rule", value, "a DueRule or its text such as '30D'")
    return as_rule(value)


def _optional_decimal(value: object) -> Decimal | None:
    return None if value is None else to_decimal(value, "value")


@frozen(cache_hash=True)
class Installment:
    """One line of a payment term: what part of the amount is due, and when.

    Build lines with :meth:`percent`, :meth:`fixed` and :meth:`balance`.

    >>> Installment.percent(Decimal("30"), "0D")
    Installment(kind=<LineKind.PERCENT: 'percent'>, rule=DueRule.parse('0D'), value=Decimal('30'),
                of=<PercentOf.TOTAL: 'total'>)
    """

    kind: LineKind = field(converter=_check_kind)
    rule: DueRule = field(converter=_rule)
    value: Decimal | None = field(default=None, converter=_optional_decimal)
    of: PercentOf = field(default=PercentOf.TOTAL, kw_only=True, converter=_check_of)

    def __attrs_post_init__(self) -> None:
        if self.of is not PercentOf.TOTAL and self.kind is not LineKind.PERCENT:
            raise InvalidTerms("of", self.of, f"PercentOf.TOTAL on a {self.kind.value} line")
        if self.kind is LineKind.BALANCE:
            if self.value is not None:
                raise InvalidTerms("value", self.value, "no value on a balance line")
        elif self.value is None:
            raise InvalidTerms("value", None, f"a value on a {self.kind.value} line")
        elif self.kind is LineKind.PERCENT and not 0 < self.value <= _HUNDRED:
            raise InvalidTerms("percent", self.value, "a percentage above 0 and at most 100")
        elif self.kind is LineKind.FIXED and not self.value > 0:
            raise InvalidTerms("amount", self.value, "a fixed amount above 0")

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


def _discount_percent(value: object) -> Decimal:
    percent = to_decimal(value, "percent")
    if not 0 < percent < _HUNDRED:
        raise InvalidTerms("percent", percent, "a discount percentage above 0 and below 100")
    return percent


@frozen(cache_hash=True)
class DiscountTier:
    """An early-payment discount: *percent* off when the invoice is paid by the date of *rule*.

    The last day counts: "2 % within 10 days" of 1 Jan holds up to 11 Jan included
    (every peer system: ERPNext reference date <= discount date; Odoo docs).

    >>> DiscountTier(Decimal("2"), "10D")
    DiscountTier(percent=Decimal('2'), rule=DueRule.parse('10D'))
    """

    percent: Decimal = field(converter=_discount_percent)
    rule: DueRule = field(converter=_rule)


@frozen
class Due:
    """One instalment of a schedule: the *amount* due on *date*.

    >>> PaymentTerms.net(30).schedule(date(2026, 1, 15), Decimal("100")).dues
    (Due(date=datetime.date(2026, 2, 14), amount=Decimal('100.00')),)
    """

    date: date
    amount: Decimal


@frozen
class DiscountWindow:
    """An early-payment discount of a schedule: pay *payable* by *last_day* (inclusive).

    ``payable + discount`` is the invoice amount exactly.

    >>> t = PaymentTerms.net(30).with_discount(Decimal("2"), "10D")
    >>> t.schedule(date(2026, 1, 15), Decimal("99.99")).discounts
    (DiscountWindow(last_day=datetime.date(2026, 1, 25), percent=Decimal('2'),
                    payable=Decimal('97.99'), discount=Decimal('2.00')),)
    """

    last_day: date
    percent: Decimal
    payable: Decimal
    discount: Decimal


@frozen
class Schedule:
    """The due dates and amounts of one invoice under a payment term, and its discount windows.

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

    @property
    def final_due(self) -> date:
        """Return the latest due date of the schedule."""
        return max(d.date for d in self.dues)

    def amount_payable_on(self, day: date) -> Decimal:
        """Return the amount that settles the invoice in full if paid on *day*.

        The best discount whose last day is on or after *day* applies; after the last
        discount window, the full amount is payable.
        """
        check_date(day, "day")
        best = self.amount
        for window in self.discounts:
            if day <= window.last_day and abs(window.payable) < abs(best):
                best = window.payable
        return best


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


def _discounts(value: object) -> tuple[DiscountTier, ...]:
    if isinstance(value, DiscountTier):
        value = (value,)
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        raise InvalidType("discounts", value, "a sequence of DiscountTier values")
    tiers = tuple(value)
    for i, tier in enumerate(tiers):
        if not isinstance(tier, DiscountTier):
            raise InvalidType(f"discounts[{i}]", tier, "a DiscountTier")
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
    return f"{tier.percent} % by {tier.rule}"


def _check_tiers(
    tiers: tuple[DiscountTier, ...], lines: tuple[Installment, ...], start: Start
) -> None:
    """Refuse tiers that repeat, that a larger tier makes pointless or that end after the due date.

    Checked wherever it can be known without a calendar. The same rules as
    :func:`payterms.discount.tier_costs`: each tier a different percentage, and the
    larger the discount, the earlier it ends. A tier may end on the
    due date itself (a discount for paying on time); ``tier_costs`` then has no days of
    credit to price and refuses it.
    """
    text = ", ".join(_tier_text(t) for t in tiers)
    rules: dict[DueRule, int] = {}
    percents: dict[Decimal, int] = {}
    for i, tier in enumerate(tiers):
        j = rules.get(tier.rule)
        if j is not None:
            same = (
                f"each tier once (tiers {j} and {i} are both {_tier_text(tier)})"
                if tiers[j] == tier
                else f"one tier per last day (tiers {j} and {i} both end by {tier.rule})"
            )
            raise InvalidTerms("discounts", text, same)
        j = percents.get(tier.percent)
        if j is not None:
            raise InvalidTerms(
                "discounts",
                text,
                f"a different percentage per tier (tiers {j} and {i} both give {tier.percent} "
                "%: the one that ends later makes the other pointless)",
            )
        rules[tier.rule] = i
        percents[tier.percent] = i
    month_ends = start is Start.END_OF_MONTH
    probes = _MONTH_END_PROBES if month_ends else _PROBES
    ordered = sorted(tiers, key=lambda t: -t.percent)
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
                "discounts",
                text,
                f"a larger discount that ends earlier ({_tier_text(larger)} does not end "
                f"before {_tier_text(smaller)}{example}, so the smaller one is never the "
                "better offer)",
            )
    line_rules = tuple(line.rule for line in lines)
    tiers = tuple(t for t in tiers if not _surely_before(t.rule, line_rules, strict=False))
    if not tiers:
        return
    line_ends = [_ends(rule, month_ends) for rule in line_rules]
    if any(e is None for e in line_ends):
        return
    n = len(probes)
    final: tuple[int, ...] | int
    if all(isinstance(e, int) for e in line_ends):
        final = max(cast(list[int], line_ends))
    else:
        final = tuple(
            max(
                e if isinstance(e, int) else e[i]
                for e in cast(list[tuple[int, ...] | int], line_ends)
            )
            for i in range(n)
        )
    for tier in tiers:
        a = _ends(tier.rule, month_ends)
        if a is None:
            continue
        at = _first_not_before(a, final, strict=False)
        if at is not None:
            day = probes[max(at, 0)]
            last = day + timedelta(days=a if isinstance(a, int) else a[at])
            due = day + timedelta(days=final if isinstance(final, int) else final[at])
            example = f": from {day.isoformat()}, {last.isoformat()} after {due.isoformat()}"
            raise InvalidTerms(
                "discounts",
                text,
                f"discount tiers that end on or before the final due date "
                f"({_tier_text(tier)} ends after it{example})",
            )


@frozen(kw_only=True, cache_hash=True)
class PaymentTerms:
    """Payment terms: the instalments of an invoice, its early-payment discounts, its start event.

    Lines are due in the order given. Either exactly one line is the balance (it takes
    the rest and the rounding residue; the percentages then sum to less than 100), or
    there is no balance line, no fixed line, and the percentages sum to exactly 100 (the
    last line then takes the residue). Discount tiers apply when the whole amount is
    paid by their last day; *tax_base* says what their percentage is taken on.

    Values are frozen and hashable (memoise schedules per distinct terms); change one
    with ``attrs.evolve``.

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
    _balance: int = field(init=False, eq=False, hash=False, repr=False)
    _fixed: tuple[tuple[int, Decimal], ...] = field(init=False, eq=False, hash=False, repr=False)
    _percents: tuple[tuple[int, Decimal, PercentOf], ...] = field(
        init=False, eq=False, hash=False, repr=False
    )
    _not_fixed: tuple[int, ...] = field(init=False, eq=False, hash=False, repr=False)
    _needs_tax: bool = field(init=False, eq=False, hash=False, repr=False)
    _rules: tuple[DueRule, ...] = field(init=False, eq=False, hash=False, repr=False)
    _tier_rules: tuple[DueRule, ...] = field(init=False, eq=False, hash=False, repr=False)

    def __attrs_post_init__(self) -> None:
        lines = self.installments
        if not lines:
            raise InvalidTerms("installments", lines, "at least one instalment line")
        balances = [i for i, line in enumerate(lines) if line.kind is LineKind.BALANCE]
        percents = sum(
            (line.value for line in lines if line.kind is LineKind.PERCENT and line.value),
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
            _check_tiers(self.discounts, lines, self.start)
        object.__setattr__(self, "_rules", tuple(line.rule for line in lines))
        object.__setattr__(self, "_tier_rules", tuple(tier.rule for tier in self.discounts))
        object.__setattr__(
            self,
            "_needs_tax",
            any(line.of is PercentOf.UNTAXED for line in lines)
            or (bool(self.discounts) and self.tax_base is not TaxBase.INCLUDED),
        )

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
        reading: EndOfMonth = EndOfMonth.THEN_DAYS,
    ) -> PaymentTerms:
        """Return the terms worded by *text* ("2/10 net 30", "45 jours fin de mois").

        Delegates to :func:`payterms.text.parse` (see there for *lang*, *reading* and
        :func:`payterms.text.parse_with_notes`, which reports the choices made).

        >>> str(PaymentTerms.parse("60 dagen einde maand").installments[0].rule)
        'CM+60D'
        """
        parse: Callable[..., PaymentTerms] = upcall("payterms.text", "parse")
        return parse(text, lang=lang, reading=reading)

    def describe(self, lang: str = "en") -> str:
        """Return these terms as invoice wording in *lang* (``en``, ``fr``, ``nl``, ``de``).

        Delegates to :func:`payterms.text.describe`; the wording parses back to these terms.

        >>> PaymentTerms.net(30).with_discount(2, "14D").describe("de")
        '14 Tage 2 % Skonto, 30 Tage netto'
        """
        describe: Callable[[PaymentTerms, str], str] = upcall("payterms.text", "describe")
        return describe(self, lang)

    def with_discount(self, percent: Decimal | int | str, rule: DueRule | str) -> PaymentTerms:
        """Return these terms with one more early-payment discount tier ("2/10 net 30").

        >>> PaymentTerms.net(30).with_discount(Decimal("2"), "10D").discounts
        (DiscountTier(percent=Decimal('2'), rule=DueRule.parse('10D')),)
        """
        return evolve(self, discounts=(*self.discounts, DiscountTier(percent, rule)))

    # -- computing ---------------------------------------------------------------------

    def _base(self, start: date) -> date:
        if type(start) is not date:
            check_date(start, "start")
        if self.start is Start.END_OF_MONTH:
            return end_of_month(start)
        return start

    def _dates(
        self,
        rules: tuple[DueRule, ...],
        start: date,
        base: date,
        calendar: BusinessCalendar | None,
        adjustment: Adjustment,
    ) -> list[date]:
        days = [rule.apply(base, calendar) for rule in rules]
        for rule, day in zip(rules, days, strict=True):
            if day < start:
                raise InvalidTerms(
                    "rule",
                    str(rule),
                    f"a rule giving a date on or after the start {start.isoformat()} "
                    f"(it gives {day.isoformat()})",
                )
        if adjustment is not Adjustment.UNADJUSTED:
            if calendar is None:
                raise InvalidArgument("calendar", None, f"a BusinessCalendar to apply {adjustment}")
            days = [calendar.adjust(day, adjustment) for day in days]
        return days

    def due_date(
        self,
        start: date,
        *,
        calendar: BusinessCalendar | None = None,
        adjustment: Adjustment = Adjustment.UNADJUSTED,
    ) -> date:
        """Return the final (latest) due date for a term starting on *start*.

        >>> PaymentTerms.end_of_month(45).due_date(date(2026, 1, 15))
        datetime.date(2026, 3, 17)
        """
        check_adjustment(adjustment)
        return max(self._dates(self._rules, start, self._base(start), calendar, adjustment))

    def schedule(
        self,
        start: date,
        amount: Decimal | int | str,
        *,
        calendar: BusinessCalendar | None = None,
        adjustment: Adjustment = Adjustment.UNADJUSTED,
        currency: str = "EUR",
        tax: Decimal | int | str | None = None,
        rounding: str = DEFAULT_ROUNDING,
        discount_adjustment: Adjustment | None = None,
        increment: Decimal | int | str | None = None,
    ) -> Schedule:
        """Return the schedule of an invoice of *amount* whose term starts on *start*.

        *amount* is the total the customer owes (tax included), rounded once to the
        minor unit of *currency* with *rounding*. Due dates are the lines' rules applied
        to *start* (to the end of its month for ``Start.END_OF_MONTH``), then moved by
        *adjustment* on *calendar*; discount last days are moved by
        *discount_adjustment*, the same as *adjustment* unless given (a rule may not give
        a date before *start*; an adjustment may, as ``PRECEDING`` says).
        *tax* is the tax included in *amount*, needed when a discount's *tax_base* is
        ``EXCLUDED`` or ``MIXED`` or a line is a percentage of the untaxed amount, and
        checked whenever it is given. A negative *amount* (a credit note) is scheduled
        like its absolute value, every amount negated. *increment* rounds the percentage
        lines to multiples of an amount larger than the minor unit (whole units, cash
        rounding to 0.05; OCA ``amount_round``); the residue line still takes the exact
        rest.

        >>> t = PaymentTerms(installments=(Installment.fixed(Decimal("400"), "0D"),
        ...                                Installment.balance("30D")))
        >>> [str(d.amount) for d in t.schedule(date(2026, 1, 15), Decimal("1000")).dues]
        ['400.00', '600.00']
        """
        if type(start) is not date:
            check_date(start, "start")
        check_adjustment(adjustment)
        check_rounding(rounding)
        value = to_decimal(amount, "amount")
        unit = smallest_unit(currency)
        total = round_to_unit(value, unit, rounding)
        if not exact_to_unit(total, unit):
            raise InvalidArgument(
                "amount",
                amount,
                f"an amount of at most {EXACT_DIGITS} digits down to the minor unit",
            )
        needs_tax = self._needs_tax or tax is not None
        untaxed = _untaxed(total, tax, self.tax_base) if needs_tax else total
        base = self._base(start)
        step = unit if increment is None else _check_increment(increment, unit)
        shares = self._shares(total, untaxed, unit, step, rounding)
        days = self._dates(self._rules, start, base, calendar, adjustment)
        dues = tuple(map(Due, days, shares))
        windows: tuple[DiscountWindow, ...] = ()
        if self.discounts:
            if discount_adjustment is None:
                discount_adjustment = adjustment
            else:
                check_adjustment(discount_adjustment)
            windows = self._windows(
                total, untaxed, unit, rounding, start, base, calendar, discount_adjustment, dues
            )
        return Schedule(start, total, currency, dues, windows)

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

    def _windows(
        self,
        total: Decimal,
        untaxed: Decimal,
        unit: Decimal,
        rounding: str,
        start: date,
        base: date,
        calendar: BusinessCalendar | None,
        adjustment: Adjustment,
        dues: tuple[Due, ...],
    ) -> tuple[DiscountWindow, ...]:
        discount_base = total if self.tax_base is TaxBase.INCLUDED else untaxed
        final = max(d.date for d in dues)
        windows = []
        last_days = self._dates(self._tier_rules, start, base, calendar, adjustment)
        for tier, last_day in zip(self.discounts, last_days, strict=True):
            if last_day > final:
                raise InvalidTerms(
                    "discounts",
                    str(tier.rule),
                    f"a discount date on or before the final due date {final.isoformat()} "
                    f"(it gives {last_day.isoformat()})",
                )
            discount = round_to_unit(
                CONTEXT.divide(CONTEXT.multiply(discount_base, tier.percent), _HUNDRED),
                unit,
                rounding,
            )
            windows.append(DiscountWindow(last_day, tier.percent, total - discount, discount))
        windows.sort(key=lambda w: w.last_day)
        return tuple(windows)


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

"""Dunning ladders: reminder levels planned on the business days of a calendar.

A :class:`DunningLadder` is a sequence of :class:`DunningStep` levels, each an offset
from the due date (calendar days ``D`` or business days ``BD``; negative for a reminder
*before* the due date, as Odoo does with "a negative number of due days"), a label and
an optional fee. Its text form reads as it is written on a credit policy and
round-trips: ``DunningLadder.parse(str(ladder)) == ladder``.

:meth:`DunningLadder.plan` puts the ladder on a calendar for one due date (one per
instalment: each instalment has its own due date). Which reminders were already sent,
whether fees are booked to the receivable and jurisdiction rules (a new 14-day term
after each reminder in Norway, a free first reminder for Belgian consumers) are left to
the caller: the levels, dates and fees are what this module computes.

>>> from datetime import date
>>> from payterms.calendars import BusinessCalendar
>>> ladder = DunningLadder.parse(
...     "-3D friendly note; +1D reminder; +15D second reminder; +30D formal notice [fee 40.00]")
>>> plan = ladder.plan(date(2026, 4, 30), calendar=BusinessCalendar.TARGET)
>>> for r in plan.reminders:
...     print(r.level, r.on, r.label, r.fee)
1 2026-04-27 friendly note None
2 2026-05-04 reminder None
3 2026-05-15 second reminder None
4 2026-06-01 formal notice 40.00
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, timedelta
from decimal import Decimal
from enum import Enum
from typing import TYPE_CHECKING, Any

from attrs import evolve, field, frozen

from payterms._checks import check_date, check_int, check_text, to_decimal, year_limit
from payterms._extras import frame, frame_html
from payterms.calendars import Adjustment, BusinessCalendar
from payterms.charges import Charge, ChargeKind, Charges, DunningFees
from payterms.conventions import PartyKind, RateAssumption, RateSource
from payterms.errors import InvalidArgument, InvalidType, LimitExceeded, ParseError
from payterms.interest import Payment, late_interest
from payterms.law import Regime
from payterms.law import regime as _law_regime
from payterms.limits import MAX_COUNT
from payterms.money import quantize
from payterms.receivables import Invoice

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "DunningLadder",
    "DunningPlan",
    "DunningStep",
    "OffsetUnit",
    "Reminder",
    "ReminderClaim",
]


class OffsetUnit(Enum):
    """What a dunning step's offset from the due date counts."""

    DAYS = "D"
    """Calendar days; the date reached is then moved to a business day."""

    BUSINESS_DAYS = "BD"
    """Business days of the calendar (``BusinessCalendar.add_business_days``)."""


_FORBIDDEN = frozenset(";[]\n\r\t")


def _offset(value: object) -> int:
    offset = check_int(value, "offset")
    if abs(offset) > MAX_COUNT:
        raise LimitExceeded(
            "offset", value, f"an offset from -{MAX_COUNT} to +{MAX_COUNT} days", "MAX_COUNT"
        )
    return offset


def _label(value: object) -> str:
    if not isinstance(value, str):
        raise InvalidType("label", value, "a str")
    if not value or value != value.strip() or any(c in _FORBIDDEN for c in value):
        raise InvalidArgument(
            "label", value, "non-empty text without surrounding spaces, ';', '[', ']' or tabs"
        )
    return value


def _fee(value: object) -> Decimal | None:
    if value is None:
        return None
    fee = to_decimal(value, "fee")
    if fee < 0:
        raise InvalidArgument("fee", value, "a non-negative amount")
    return fee


def _unit(value: object) -> OffsetUnit:
    if not isinstance(value, OffsetUnit):
        raise InvalidArgument("unit", value, "an OffsetUnit member")
    return value


# An offset and its unit, then at least one space; the label and the options are cut with
# str.find, so that reading a step is linear in its length (no regex backtracking).
_HEAD_RE = re.compile(r"\s*(?P<offset>[+-]?[0-9]+)\s*(?P<unit>BD|D)(?=\s)", re.IGNORECASE)
_FEE_RE = re.compile(r"\s*fee\s+(?P<value>\S+)\s*$", re.IGNORECASE)
_GRANT_RE = re.compile(r"\s*pay\s+within\s+(?P<value>[0-9]+)\s*D\s*$", re.IGNORECASE)
_DIGITS = len(str(MAX_COUNT))
_OPTIONS = "options such as '[fee 40.00]', '[pay within 14D]' or '[fee 40.00, pay within 14D]'"


def _grant(value: object) -> int | None:
    if value is None:
        return None
    days = check_int(value, "grant_days", minimum=1)
    if days > MAX_COUNT:
        raise LimitExceeded("grant_days", value, f"at most {MAX_COUNT} days", "MAX_COUNT")
    return days


def _step_parts(part: str) -> tuple[re.Match[str], str, int, str | None] | None:
    """Return (head match, label, options start, options) of one step's text, or None."""
    head = _HEAD_RE.match(part)
    if head is None:
        return None
    open_at = part.find("[", head.end())
    if open_at < 0:
        label, options, options_at = part[head.end() :], None, len(part)
    else:
        close_at = part.find("]", open_at)
        if close_at < 0 or part[close_at + 1 :].strip():
            return None
        label, options, options_at = (
            part[head.end() : open_at],
            part[open_at + 1 : close_at],
            open_at + 1,
        )
    if "]" in label or not label.strip():
        return None
    return head, label.strip(), options_at, options


@frozen(repr=False)
class DunningStep:
    """One dunning level: *offset* days (or business days) from the due date, a label, a fee.

    A negative offset is a reminder before the due date; ``0`` is the due date itself.
    *grant_days* gives the customer a new deadline that many days after the reminder
    (``[pay within 14D]``), as Norwegian law requires before debt collection
    (invoiceninja#4020).

    >>> step = DunningStep.parse("+30D formal notice [fee 40.00]")
    >>> step.offset, step.unit, step.label, step.fee
    (30, <OffsetUnit.DAYS: 'D'>, 'formal notice', Decimal('40.00'))
    >>> str(DunningStep(10, "second reminder", unit=OffsetUnit.BUSINESS_DAYS))
    '+10BD second reminder'
    """

    offset: int = field(converter=_offset)
    label: str = field(converter=_label)
    unit: OffsetUnit = field(default=OffsetUnit.DAYS, converter=_unit, kw_only=True)
    fee: Decimal | None = field(default=None, converter=_fee, kw_only=True)
    grant_days: int | None = field(default=None, converter=_grant, kw_only=True)

    @classmethod
    def parse(cls, text: str) -> DunningStep:
        """Return the step written as ``"+15D second reminder"`` or ``"+30BD notice [fee 40]"``.

        >>> DunningStep.parse("-3D heads-up").offset
        -3
        >>> DunningStep.parse("15 days reminder")
        Traceback (most recent call last):
        payterms.errors.ParseError: cannot read '15 days reminder' at position 0 ('15'): \
expected an offset such as '+15D' or '+10BD', a label and an optional '[fee 40.00]'
        """
        return cls._parse(text, text, 0)

    @classmethod
    def _parse(cls, part: str, whole: str, position: int) -> DunningStep:
        if not isinstance(part, str):
            raise InvalidType("text", part, "a str such as '+15D second reminder'")
        if part is whole:
            check_text(whole)
        parts = _step_parts(part)
        skip = len(part) - len(part.lstrip())
        if parts is None:
            raise ParseError(
                whole,
                position + skip,
                "an offset such as '+15D' or '+10BD', a label and an optional '[fee 40.00]'",
            )
        match, label, options_at, options = parts
        if len(match.group("offset").lstrip("+-0")) > _DIGITS:
            raise ParseError(
                whole,
                position + match.start("offset"),
                f"an offset from -{MAX_COUNT} to +{MAX_COUNT} days (payterms.limits.MAX_COUNT)",
            )
        fee: Decimal | None = None
        grant: int | None = None
        if options is not None:
            at = position + options_at
            for option in options.split(","):
                fee_match = _FEE_RE.match(option)
                grant_match = _GRANT_RE.match(option)
                skip_option = len(option) - len(option.lstrip())
                if fee_match is not None and fee is None:
                    try:
                        fee = _fee(fee_match.group("value"))
                    except InvalidArgument:
                        raise ParseError(
                            whole,
                            at + fee_match.start("value"),
                            "a non-negative fee such as 40.00",
                        ) from None
                elif grant_match is not None and grant is None:
                    digits = grant_match.group("value").lstrip("0")
                    grant = int(digits) if 0 < len(digits) <= _DIGITS else 0
                    if not 1 <= grant <= MAX_COUNT:
                        raise ParseError(
                            whole,
                            at + grant_match.start("value"),
                            f"from 1 to {MAX_COUNT} days to pay (payterms.limits.MAX_COUNT)",
                        )
                else:
                    raise ParseError(whole, at + skip_option, _OPTIONS)
                at += len(option) + 1
        unit = OffsetUnit.BUSINESS_DAYS if match.group("unit").upper() == "BD" else OffsetUnit.DAYS
        try:
            return cls(int(match.group("offset")), label, unit=unit, fee=fee, grant_days=grant)
        except LimitExceeded as exc:
            raise ParseError(whole, position + match.start("offset"), exc.expected) from None

    def __str__(self) -> str:
        options = []
        if self.fee is not None:
            options.append(f"fee {self.fee}")
        if self.grant_days is not None:
            options.append(f"pay within {self.grant_days}D")
        brackets = f" [{', '.join(options)}]" if options else ""
        return f"{self.offset:+d}{self.unit.value} {self.label}{brackets}"

    def __repr__(self) -> str:
        return f"DunningStep.parse({str(self)!r})"


def _steps(value: object) -> tuple[DunningStep, ...]:
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        raise InvalidType("steps", value, "a sequence of DunningStep (or DunningLadder.parse)")
    steps = tuple(value)
    for i, step in enumerate(steps):
        if not isinstance(step, DunningStep):
            raise InvalidType(f"steps[{i}]", step, "a DunningStep")
    return steps


@frozen
class Reminder:
    """A planned reminder: its *level* (1 = first step of the ladder), day, label and fee.

    *pay_by* is the new deadline the reminder gives, or ``None``: its step's
    ``grant_days`` after *on*, moved forward to a business day (never earlier, so the
    customer always gets at least the days granted; § 193 BGB moves deadlines the same way).

    >>> DunningLadder.parse("+1D reminder").plan(
    ...     date(2026, 4, 30), calendar=BusinessCalendar.TARGET).reminders[0]
    Reminder(level=1, on=datetime.date(2026, 5, 4), label='reminder', fee=None, pay_by=None)
    """

    level: int
    on: date
    label: str
    fee: Decimal | None
    pay_by: date | None = None


@frozen
class ReminderClaim:
    """What one reminder claims: the parts still owed on its day and their total.

    *principal*, *interest* (to the reminder's day, included), *compensation* (the
    statutory fixed compensation) and *fees* (the reminder fees of this level and the
    levels before it) are rounded to the currency; ``total`` is their sum, so the printed
    parts always add up. *announced* is a compensation that is not due yet but must be
    announced (a consumer's first reminder: the Belgian damages after the free reminder,
    the Dutch collection costs of the 14-day letter). *notes* are the assumptions behind
    the figures.

    >>> from payterms.calendars import BusinessCalendar
    >>> plan = DunningLadder.parse("+1D reminder; +15D second reminder [fee 15]").plan(
    ...     date(2025, 3, 31), calendar=BusinessCalendar.TARGET)
    >>> claim = plan.claims(Decimal("10000"), regime="BE")[1]
    >>> claim.principal, claim.interest, claim.compensation, claim.fees, claim.total
    (Decimal('10000.00'), Decimal('47.26'), Decimal('40.00'), Decimal('15.00'), \
Decimal('10102.26'))
    """

    level: int
    on: date
    label: str
    currency: str
    principal: Decimal
    interest: Decimal
    compensation: Decimal
    fees: Decimal
    pay_by: date | None = None
    announced: Decimal = Decimal(0)
    notes: tuple[str, ...] = ()

    @property
    def total(self) -> Decimal:
        """The sum claimed: principal, interest, compensation and fees."""
        return self.principal + self.interest + self.compensation + self.fees


def _claim_payments(payments: object) -> tuple[Payment, ...]:
    if isinstance(payments, (str, bytes)) or not isinstance(payments, Iterable):
        raise InvalidType("payments", payments, "an iterable of payterms.Payment")
    out = tuple(payments)
    for i, pay in enumerate(out):
        if not isinstance(pay, Payment):
            raise InvalidType(f"payments[{i}]", pay, "a payterms.Payment")
    return out


def _fee_source(fees: object) -> DunningFees | None:
    if fees is None or isinstance(fees, DunningFees):
        return fees
    return DunningFees(fees)


def _level_fees(plan: DunningPlan, source: DunningFees | None) -> list[Decimal]:
    """Return the fee of each level of *plan*'s ladder, from *source* or the steps."""
    top = max((r.level for r in plan.reminders), default=0)
    if source is not None:
        return [source.fee(level) for level in range(1, top + 1)]
    by_level = {r.level: r.fee or Decimal(0) for r in plan.reminders}
    return [by_level.get(level, Decimal(0)) for level in range(1, top + 1)]


def _fee_items(
    levels: list[Reminder], plan: DunningPlan, source: DunningFees | None, currency: str
) -> tuple[Charge, ...]:
    """Return the fee of each reminder in *levels* as a dated charge."""
    fees = _level_fees(plan, source)
    return tuple(
        Charge(
            r.on,
            quantize(fees[r.level - 1], currency),
            ChargeKind.DUNNING_FEE,
            f"reminder {r.level} fee",
        )
        for r in levels
        if fees[r.level - 1]
    )


# Consumer regimes whose compensation is due only after a waiting period that the first
# reminder opens (legal.md §2.3: BE Book XIX, a free first reminder and 14 calendar days;
# §3: NL art. 6:96 lid 6 BW, the 14-day letter, the term starting the day after it).
_WAITING = {"BE": 14, "NL": 14}


@frozen
class DunningPlan:
    """The reminders of one due date, in ladder order on strictly increasing days.

    >>> from payterms.calendars import BusinessCalendar
    >>> plan = DunningLadder.parse("+1D reminder; +15D second reminder [fee 15]").plan(
    ...     date(2026, 4, 30), calendar=BusinessCalendar.TARGET)
    >>> plan.level_on(date(2026, 5, 10)).label, plan.total_fees
    ('reminder', Decimal('15'))
    """

    due: date
    reminders: tuple[Reminder, ...]

    @property
    def total_fees(self) -> Decimal:
        """The sum of the fees of the planned reminders (0 when none charges a fee)."""
        return sum((r.fee for r in self.reminders if r.fee is not None), Decimal(0))

    def to_frame(self) -> pd.DataFrame:
        """Return one row per reminder (needs the ``[pandas]`` extra).

        Columns: ``level``, ``on`` (the business day it goes out), ``label``, ``fee``
        (None when it charges none) and ``pay_by`` (the deadline it gives, if any).

        >>> from payterms.calendars import BusinessCalendar
        >>> DunningLadder.parse("+1D reminder; +15D second reminder [fee 15]").plan(
        ...     date(2026, 4, 30), calendar=BusinessCalendar.TARGET).to_frame()
           level          on            label   fee pay_by
        0      1  2026-05-04         reminder  None   None
        1      2  2026-05-15  second reminder    15   None
        """
        return frame(
            "DunningPlan.to_frame",
            {
                "level": [r.level for r in self.reminders],
                "on": [r.on for r in self.reminders],
                "label": [r.label for r in self.reminders],
                "fee": [r.fee for r in self.reminders],
                "pay_by": [r.pay_by for r in self.reminders],
            },
        )

    def _repr_html_(self) -> str | None:
        return frame_html(self)

    def claims(
        self,
        principal: Decimal | int | str,
        *,
        regime: Regime | str | None = None,
        rate: Decimal | int | str | RateSource | None = None,
        payments: Iterable[Payment] = (),
        fees: DunningFees | Iterable[Decimal | int | str] | None = None,
        charges: Charges | None = None,
        currency: str | None = None,
        assume: RateAssumption | None = None,
        calendar: BusinessCalendar | None = None,
    ) -> tuple[ReminderClaim, ...]:
        """Return what each reminder of the plan claims on *principal*, due on the plan's due date.

        Each claim is :func:`~payterms.late_interest` up to the reminder's day (*regime*,
        *rate*, *assume*, *calendar* and *currency* are passed on), after the *payments*
        credited on or before that day; a reminder dated on or before the due date claims
        the principal only. The reminder fees are those of the ladder's steps, or *fees*
        (one per level, :class:`~payterms.charges.DunningFees`), or the contract's
        (*charges*, :class:`~payterms.charges.Charges`, whose other clauses apply too,
        through :meth:`~payterms.charges.Charges.claim`): one source only. Each fee is due
        from its reminder's day, and the fees are settled with the costs, in the regime's
        order, after the fixed compensation. Reminders after the debt is paid are left out.

        For a Belgian or Dutch consumer, the compensation is due only once the 14 days
        that the first reminder opens have passed (Book XIX CEL; art. 6:96 lid 6 BW): from
        the 15th day after it; earlier claims announce it instead, and a Belgian consumer's
        first reminder must be free. The 14 days are counted from the day after the first
        reminder (the Belgian rule counts from the third working day after a posted
        reminder: send it electronically or plan the later levels accordingly).

        >>> from payterms.calendars import BusinessCalendar
        >>> from payterms.interest import Payment
        >>> plan = DunningLadder.parse("+1D reminder; +30D formal notice [fee 25]").plan(
        ...     date(2025, 3, 31), calendar=BusinessCalendar.TARGET)
        >>> for c in plan.claims(Decimal("1000"), regime="FR",
        ...                      payments=[Payment(date(2025, 4, 10), Decimal("400"))]):
        ...     print(c.level, c.on, c.principal, c.interest, c.compensation, c.fees, c.total)
        1 2025-04-01 1000.00 0.36 40.00 0.00 1040.36
        2 2025-04-30 643.60 4.64 0.00 25.00 673.24
        """
        amount = to_decimal(principal, "principal")
        if amount < 0:
            raise InvalidArgument("principal", principal, "a non-negative amount")
        if isinstance(regime, str):
            regime = _law_regime(regime)
        if charges is not None and not isinstance(charges, Charges):
            raise InvalidType("charges", charges, "a payterms.Charges")
        if charges is not None and rate is not None:
            raise InvalidArgument(
                "rate", rate, "None with charges= (the contract's rate is charges.rate)"
            )
        given = _claim_payments(payments)
        source = _fee_source(fees)
        sources = [
            name
            for name, present in (
                ("the ladder's steps", any(r.fee is not None for r in self.reminders)),
                ("fees", source is not None),
                ("charges", charges is not None and charges.dunning_fees is not None),
            )
            if present
        ]
        if len(sources) > 1:
            raise InvalidArgument(
                "fees", fees, f"one source of reminder fees (given: {', '.join(sources)})"
            )
        if charges is not None and charges.dunning_fees is None:
            ladder = DunningFees(tuple(_level_fees(self, source)))
            charges = evolve(charges, dunning_fees=ladder)
        cur = currency or (regime.currency if regime is not None else "EUR")
        consumer_wait = (
            _WAITING.get(regime.code)
            if regime is not None and regime.debtor is PartyKind.CONSUMER
            else None
        )
        first = self.reminders[0] if self.reminders else None
        first_fee = _level_fees(self, source if charges is None else charges.dunning_fees)
        if (
            consumer_wait is not None
            and regime is not None
            and regime.code == "BE"
            and first is not None
            and first.level == 1
            and first_fee
            and first_fee[0]
        ):
            raise InvalidArgument(
                "fees",
                first_fee[0],
                "no fee on the first reminder to a Belgian consumer (it is free, Book XIX CEL)",
            )
        opens: date | None = None
        if consumer_wait is not None and first is not None and first.level == 1:
            opens = first.on + timedelta(days=consumer_wait + 1)
        out: list[ReminderClaim] = []
        sent: list[date] = []
        for reminder in self.reminders:
            sent.append(reminder.on)
            paid = tuple(p for p in given if p.date <= reminder.on)
            levels = [r for r in self.reminders if r.on <= reminder.on]
            notes: tuple[str, ...] = ()
            announced = Decimal(0)
            if reminder.on <= self.due:
                owed = amount - sum((p.amount for p in paid), Decimal(0))
                if owed < 0:
                    raise InvalidArgument(
                        "payments", given, f"payments that do not exceed the principal {amount}"
                    )
                fee_items = _fee_items(levels, self, source if charges is None else None, cur)
                parts = (
                    quantize(owed, cur),
                    Decimal(0),
                    Decimal(0),
                    quantize(sum((f.amount for f in fee_items), Decimal(0)), cur),
                )
            else:
                waiting = opens is not None and reminder.on < opens
                common: dict[str, Any] = {
                    "due": self.due,
                    "until": reminder.on,
                    "regime": regime,
                    "payments": paid,
                    "assume": assume,
                    "calendar": calendar,
                    "currency": cur,
                    "compensation_from": opens,
                }
                if charges is not None:
                    res = charges.claim(amount, reminders=sent, **common)
                else:
                    items = _fee_items(levels, self, source, cur)
                    res = late_interest(amount, rate=rate, charges=items, **common)
                parts = (
                    res.principal_outstanding,
                    res.interest_outstanding,
                    res.compensation_outstanding,
                    res.charges_outstanding,
                )
                notes = res.assumptions
                if waiting and regime is not None:
                    announced = quantize(regime.compensation.amount(res.principal_outstanding), cur)
            if not any(parts[:3]):
                break
            out.append(
                ReminderClaim(
                    level=reminder.level,
                    on=reminder.on,
                    label=reminder.label,
                    currency=cur,
                    principal=parts[0],
                    interest=parts[1],
                    compensation=parts[2],
                    fees=parts[3],
                    pay_by=reminder.pay_by,
                    announced=announced,
                    notes=notes,
                )
            )
        return tuple(out)

    def level_on(self, as_of: date) -> Reminder | None:
        """Return the latest reminder dated on or before *as_of* (``None`` before the first).

        >>> from payterms.calendars import BusinessCalendar
        >>> plan = DunningLadder.parse("+1D reminder").plan(
        ...     date(2026, 4, 30), calendar=BusinessCalendar.TARGET)
        >>> plan.level_on(date(2026, 5, 1)) is None, plan.level_on(date(2026, 5, 4)).level
        (True, 1)
        """
        as_of = check_date(as_of, "as_of")
        found = None
        for reminder in self.reminders:
            if reminder.on > as_of:
                break
            found = reminder
        return found

    def pending(self, as_of: date) -> tuple[Reminder, ...]:
        """Return the reminders dated on or after *as_of* (those not yet past).

        >>> from payterms.calendars import BusinessCalendar
        >>> plan = DunningLadder.parse("+1D reminder; +15D second reminder").plan(
        ...     date(2026, 4, 30), calendar=BusinessCalendar.TARGET)
        >>> [r.level for r in plan.pending(date(2026, 5, 5))]
        [2]
        """
        as_of = check_date(as_of, "as_of")
        return tuple(r for r in self.reminders if r.on >= as_of)


@frozen(repr=False)
class DunningLadder:
    """Dunning levels in order: reminders before and after the due date, with fees.

    Offsets must increase strictly from one step to the next. The text form separates
    steps with ``;``: ``"-3D friendly note; +1D reminder; +10BD second reminder [fee
    15.00]; +30D formal notice [fee 40.00]"``.

    >>> ladder = DunningLadder.parse("+1D reminder; +15D second reminder; +30D formal notice")
    >>> ladder
    DunningLadder.parse('+1D reminder; +15D second reminder; +30D formal notice')
    >>> DunningLadder.parse(str(ladder)) == ladder
    True
    >>> DunningLadder.parse("+15D second reminder; +1D reminder")
    Traceback (most recent call last):
    payterms.errors.InvalidArgument: steps='+15D second reminder; +1D reminder' is not \
accepted: expected offsets increasing from step to step (+1D reminder comes after +15D)
    """

    steps: tuple[DunningStep, ...] = field(converter=_steps)

    def __attrs_post_init__(self) -> None:
        if not self.steps:
            raise InvalidArgument("steps", (), "at least one step")
        for before, after in zip(self.steps, self.steps[1:], strict=False):
            if after.offset <= before.offset:
                raise InvalidArgument(
                    "steps",
                    str(self),
                    f"offsets increasing from step to step ({after} comes after"
                    f" {before.offset:+d}{before.unit.value})",
                )

    @classmethod
    def parse(cls, text: str) -> DunningLadder:
        """Return the ladder written as steps separated by ``;``.

        >>> DunningLadder.parse("+1D reminder; +15BD second reminder [fee 15]").steps[1].unit
        <OffsetUnit.BUSINESS_DAYS: 'BD'>
        >>> DunningLadder.parse("+1D reminder; ; +30D notice")
        Traceback (most recent call last):
        payterms.errors.ParseError: cannot read '+1D reminder; ; +30D notice' at position 14 \
('+30D'): expected an offset such as '+15D' or '+10BD', a label and an optional '[fee 40.00]'
        """
        if not isinstance(text, str):
            raise InvalidType("text", text, "a str such as '+1D reminder; +15D second reminder'")
        check_text(text)
        steps = []
        position = 0
        for part in text.split(";"):
            steps.append(DunningStep._parse(part, text, position))
            position += len(part) + 1
        return cls(tuple(steps))

    def __str__(self) -> str:
        return "; ".join(str(step) for step in self.steps)

    def __repr__(self) -> str:
        return f"DunningLadder.parse({str(self)!r})"

    def plan(
        self,
        due: date,
        *,
        calendar: BusinessCalendar,
        adjustment: Adjustment = Adjustment.FOLLOWING,
        before_due: Adjustment = Adjustment.PRECEDING,
        as_of: date | None = None,
    ) -> DunningPlan:
        """Return the reminders of this ladder for an item due on *due*, on *calendar*.

        A ``D`` step lands ``offset`` calendar days from *due*, moved to a business day
        by *adjustment* (*before_due* for negative offsets, so that a reminder before
        the due date is not pushed onto it); a ``BD`` step counts business days. Then
        three rules keep the plan in order: a step after the due date falls after it,
        a step before it falls before it, and no step falls on or before the previous
        one (it moves to the next business day after it: never two letters on one day).
        With *as_of*, reminders dated before it are left out (each keeps its level).

        >>> from payterms.calendars import BusinessCalendar
        >>> cal = BusinessCalendar.TARGET
        >>> ladder = DunningLadder.parse("+1D reminder; +2D second reminder")
        >>> [str(r.on) for r in ladder.plan(date(2026, 4, 2), calendar=cal).reminders]
        ['2026-04-07', '2026-04-08']
        >>> [r.level for r in ladder.plan(date(2026, 4, 2), calendar=cal,
        ...                               as_of=date(2026, 4, 8)).reminders]
        [2]
        """
        due = check_date(due, "due")
        if not isinstance(calendar, BusinessCalendar):
            raise InvalidType("calendar", calendar, "a BusinessCalendar")
        for name, value in (("adjustment", adjustment), ("before_due", before_due)):
            if not isinstance(value, Adjustment):
                raise InvalidArgument(name, value, "an Adjustment member")
        if as_of is not None:
            as_of = check_date(as_of, "as_of")
        reminders: list[Reminder] = []
        previous: date | None = None
        for level, step in enumerate(self.steps, start=1):
            if step.unit is OffsetUnit.BUSINESS_DAYS:
                on = calendar.add_business_days(due, step.offset)
            else:
                rule = before_due if step.offset < 0 else adjustment
                try:
                    reached = due + timedelta(days=step.offset)
                except OverflowError:
                    raise year_limit("due", due, f"a reminder {step.offset:+d}D") from None
                on = calendar.adjust(reached, rule)
            if step.offset > 0 and on <= due:
                on = calendar.next_business_day(due)
            elif step.offset < 0 and on >= due:
                on = calendar.previous_business_day(due)
            if previous is not None and on <= previous:
                on = calendar.next_business_day(previous)
            previous = on
            if as_of is None or on >= as_of:
                pay_by = None
                if step.grant_days is not None:
                    try:
                        granted = on + timedelta(days=step.grant_days)
                    except OverflowError:
                        raise year_limit("due", due, "a deadline to pay") from None
                    pay_by = calendar.adjust(granted, Adjustment.FOLLOWING)
                reminders.append(
                    Reminder(level=level, on=on, label=step.label, fee=step.fee, pay_by=pay_by)
                )
        return DunningPlan(due=due, reminders=tuple(reminders))

    def levels(
        self,
        invoices: Iterable[Invoice],
        *,
        as_of: date,
        calendar: BusinessCalendar,
        adjustment: Adjustment = Adjustment.FOLLOWING,
        before_due: Adjustment = Adjustment.PRECEDING,
        minimum: Decimal | int | str = 0,
    ) -> tuple[tuple[Invoice, Reminder], ...]:
        """Return ``(invoice, reminder)`` for each open item that has reached a level by *as_of*.

        The reminder is the latest one of the item's plan dated on or before *as_of*
        (:meth:`DunningPlan.level_on`); items issued after *as_of*, items whose open
        amount at the end of *as_of* is not above *minimum* (a tolerance for small
        residues) and items before their first reminder are left out. Give instalments
        as separate invoices (:meth:`Invoice.from_schedule`): each is dunned from its own
        due date. The plan is computed once per distinct due date.

        >>> from payterms.calendars import BusinessCalendar
        >>> from payterms.receivables import Invoice
        >>> invs = [Invoice("F-1", "ACME", date(2026, 3, 31), date(2026, 4, 30), Decimal("90")),
        ...         Invoice("F-2", "Bolt", date(2026, 4, 2), date(2026, 5, 2), Decimal("10"),
        ...                 payments=((date(2026, 5, 1), Decimal("10")),))]
        >>> ladder = DunningLadder.parse("+1D reminder; +15D second reminder")
        >>> [(inv.id, r.label) for inv, r in ladder.levels(
        ...     invs, as_of=date(2026, 5, 20), calendar=BusinessCalendar.TARGET)]
        [('F-1', 'second reminder')]
        """
        as_of = check_date(as_of, "as_of")
        floor = to_decimal(minimum, "minimum")
        if floor < 0:
            raise InvalidArgument("minimum", minimum, "a non-negative amount")
        items: object = invoices
        if isinstance(items, (str, bytes)) or not isinstance(items, Iterable):
            raise InvalidType("invoices", invoices, "an iterable of Invoice")
        plans: dict[date, Reminder | None] = {}
        out: list[tuple[Invoice, Reminder]] = []
        for i, inv in enumerate(items):
            if not isinstance(inv, Invoice):
                raise InvalidType(f"invoices[{i}]", inv, "an Invoice")
            if inv.issued > as_of or inv.open_amount(as_of) <= floor:
                continue
            if inv.due not in plans:
                plan = self.plan(
                    inv.due, calendar=calendar, adjustment=adjustment, before_due=before_due
                )
                plans[inv.due] = plan.level_on(as_of)
            reached = plans[inv.due]
            if reached is not None:
                out.append((inv, reached))
        return tuple(out)

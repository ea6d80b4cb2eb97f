"""Payment runs: the days a customer actually pays, and how an invoice reaches one.

Large customers do not pay on the due date: they pay in *payment runs* on fixed days
(the 10th and the 25th, every Thursday, the last business day of the month), only
invoices registered and approved some business days before the run, never during their
closure, and the bank adds a day or two before the money is on the supplier's account.

* :class:`PaymentRun` is one schedule of run days: :meth:`~PaymentRun.monthly`,
  :meth:`~PaymentRun.weekly` (optionally every *n* weeks from an anchor),
  :meth:`~PaymentRun.from_rrule` or :meth:`~PaymentRun.on_dates`, with the run day's own
  business-day :class:`~payterms.calendars.Adjustment` and an optional cut-off day.
* :class:`Payer` is how one customer pays: its runs, calendar, receipt delay, approval
  days, :class:`RunPolicy`, closures, bank transfer lag and habitual lateness
  (:class:`Lateness`).
* :meth:`PaymentRun.infer` finds the monthly days or weekdays that explain a history of
  payment dates (:class:`RunFit`).

The computation of an expected payment date from payment terms lives in
:mod:`payterms.timing`; this module knows dates only.

Sources for the run rules modelled here (reference/finance.md §4.1): a buyer paying "each on
the 15th and the last day of the current month" after a 7-day review, where "if that day is
a Saturday, Sunday or public holiday, the next working day is the key date" (mairaum.at
purchasing conditions); supplier help pages stating "invoices must be submitted no later
than the 20th of each month to be included in the upcoming payrun ... last working day of
each month ... processed on the preceding working day"; weekly Thursday runs (pulsify
glossary); Business Central "payment days" and "non-payment periods" (Microsoft Learn).

>>> from datetime import date
>>> from payterms.calendars import BusinessCalendar
>>> be = BusinessCalendar.country("BE")
>>> payer = Payer(runs=PaymentRun.monthly(10, 25), calendar=be, approval_days=5,
...               transfer_days=1, closures=((date(2026, 8, 1), date(2026, 8, 21)),))
>>> payer.payment_run(date(2026, 7, 28), received=date(2026, 6, 30))   # 10 August is closed
datetime.date(2026, 8, 25)
>>> payer.cash_date(date(2026, 8, 25))
datetime.date(2026, 8, 26)
"""

from __future__ import annotations

import bisect
import calendar as _stdcal
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date, datetime, timedelta
from decimal import Decimal
from enum import Enum
from fractions import Fraction
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from attrs import evolve, field, frozen

from payterms._checks import (
    check_date,
    check_int,
    check_quantile,
    check_text,
    to_date,
    to_decimal,
)
from payterms.calendars import Adjustment, BusinessCalendar, check_adjustment
from payterms.errors import InvalidArgument, InvalidType, ParseError

if TYPE_CHECKING:
    from dateutil.rrule import rrule, rruleset

__all__ = [
    "LAST",
    "Lateness",
    "Payer",
    "PaymentRun",
    "RunFit",
    "RunKind",
    "RunPolicy",
    "YearlyClosure",
]

LAST = -1
"""Marker for "the last day of the month" in :meth:`PaymentRun.monthly` (as rrule's -1)."""

_MAX_SEARCH_DAYS = 3 * 366
"""How far (in calendar days) a run search looks before it gives up with an error."""

_WEEKDAY_NAMES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


class RunKind(Enum):
    """How a :class:`PaymentRun` lists its run days.

    >>> PaymentRun.monthly(10, 25).kind
    <RunKind.MONTHLY: 'monthly'>
    """

    MONTHLY = "monthly"
    """On given days of every month (``LAST`` = the month's last day)."""

    WEEKLY = "weekly"
    """On given weekdays of every week, or of every *n*-th week counted from an anchor."""

    RRULE = "rrule"
    """The occurrences of a dateutil ``rrule`` or ``rruleset`` (RFC 5545 recurrence)."""

    DATES = "dates"
    """An explicit list of run dates (a published payment calendar)."""


class RunPolicy(Enum):
    """Which run a payer uses for an invoice, relative to its due date.

    Sources: the buyer statements of reference/finance.md §4.1 (pays at the first run day
    on or after the due date; Business Central "payment days"). Paying at the last run
    before the due date is the behaviour often attributed to SAP F110 runs (pay now what
    would be overdue by the next run); that attribution is unconfirmed, so check a
    customer's history before choosing it (:meth:`PaymentRun.infer`).

    >>> payer = Payer(runs=PaymentRun.monthly(10, 25), policy=RunPolicy.LAST_RUN_ON_OR_BEFORE_DUE)
    >>> payer.payment_run(date(2026, 3, 24), received=date(2026, 3, 1))
    datetime.date(2026, 3, 10)
    """

    FIRST_RUN_ON_OR_AFTER_DUE = "first_run_on_or_after_due"
    """The first eligible run on or after the due date: the common case ("paid on the next
    payment day")."""

    LAST_RUN_ON_OR_BEFORE_DUE = "last_run_on_or_before_due"
    """The last eligible run on or before the due date, so the invoice is never late; when
    no run before the due date is eligible, the first eligible run after it. With run
    cut-offs, sending later can mean being paid earlier: an invoice that misses the
    cut-off of the last run before its due date falls back to an earlier run (behaviour
    modelled on SAP F110 payment proposals; reference/finance.md §4.1 marks it
    unconfirmed)."""

    EARLY_FOR_DISCOUNT = "early_for_discount"
    """The last eligible run that still earns an early-payment discount, when taking it
    is worth it at the payer's ``cost_of_capital``; otherwise as
    ``FIRST_RUN_ON_OR_AFTER_DUE``."""


# --------------------------------------------------------------------------- helpers


def _weekday_number(value: object, name: str) -> int:
    """Return a weekday as 0 (Monday) .. 6 (Sunday) from an int or a dateutil ``MO``..``SU``."""
    if isinstance(value, bool):
        raise InvalidType(name, value, "a weekday 0 (Monday) .. 6 (Sunday) or dateutil MO..SU")
    if isinstance(value, int):
        if not 0 <= value <= 6:
            raise InvalidArgument(name, value, "a weekday 0 (Monday) .. 6 (Sunday)")
        return value
    weekday = getattr(value, "weekday", None)
    n = getattr(value, "n", None)
    if isinstance(weekday, int) and not callable(weekday) and 0 <= weekday <= 6:
        if n is not None:
            raise InvalidArgument(name, value, "a plain weekday such as TH, not TH(+1)")
        return weekday
    raise InvalidType(name, value, "a weekday 0 (Monday) .. 6 (Sunday) or dateutil MO..SU")


def _month_day(year: int, month: int, day: int) -> date:
    """Return day *day* of the month (``LAST`` or a day past the month's end: its last day)."""
    length = _stdcal.monthrange(year, month)[1]
    return date(year, month, length if day == LAST or day > length else day)


def _cutoff_before(nominal: date, cutoff_day: int) -> date:
    """Return the latest date on or before *nominal* whose day is *cutoff_day* (clamped)."""
    candidate = _month_day(nominal.year, nominal.month, cutoff_day)
    if candidate <= nominal:
        return candidate
    year, month = (nominal.year, nominal.month - 1) if nominal.month > 1 else (nominal.year - 1, 12)
    return _month_day(year, month, cutoff_day)


def _check_calendar(calendar: object) -> BusinessCalendar:
    if not isinstance(calendar, BusinessCalendar):
        raise InvalidType("calendar", calendar, "a payterms.BusinessCalendar")
    return calendar


# --------------------------------------------------------------------------- PaymentRun


def _check_run_adjustment(value: object) -> Adjustment:
    """Return a run's adjustment: a member, never None (a run is always on a calendar)."""
    if value is None:
        raise InvalidType("adjustment", value, "a payterms.Adjustment member")
    return check_adjustment(value)


@frozen(repr=False)
class PaymentRun:
    """A customer's schedule of payment-run days; returns run dates on a calendar.

    Build one with :meth:`monthly`, :meth:`weekly`, :meth:`from_rrule` or :meth:`on_dates`.
    Each nominal run day that is not a business day of the payer's calendar moves by
    *adjustment* (default ``FOLLOWING``: "the next working day is the key date", as the
    mairaum.at conditions state; ``PRECEDING`` for a run "processed on the preceding working
    day"). With *cutoff_day*, an invoice is in a run only if received on or before the
    latest such day of a month on or before the nominal run day ("submitted no later than
    the 20th ... to be included in the upcoming payrun").

    >>> from datetime import date
    >>> run = PaymentRun.monthly(15, LAST)
    >>> run
    PaymentRun.monthly(15, LAST)
    >>> run.next_on_or_after(date(2026, 2, 17))    # 28 February 2026 is a Saturday
    datetime.date(2026, 3, 2)
    >>> PaymentRun.weekly(3).dates(date(2026, 1, 1), date(2026, 1, 31))
    (datetime.date(2026, 1, 1), datetime.date(2026, 1, 8), datetime.date(2026, 1, 15),
     datetime.date(2026, 1, 22), datetime.date(2026, 1, 29))
    """

    kind: RunKind
    days: tuple[int, ...] = ()
    weekdays: tuple[int, ...] = ()
    every: int = 1
    anchor: date | None = None
    rule: Any = field(default=None, eq=False, hash=False)
    run_dates: tuple[date, ...] = ()
    adjustment: Adjustment = Adjustment.FOLLOWING
    cutoff_day: int | None = None

    LAST: ClassVar[int] = LAST

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.kind, RunKind):
            raise InvalidType("kind", self.kind, "a RunKind member")
        _check_run_adjustment(self.adjustment)
        if self.cutoff_day is not None:
            _check_day(self.cutoff_day, "cutoff_day")
        for day in self.days:
            _check_day(day, "day")
        for weekday in self.weekdays:
            if isinstance(weekday, bool) or not isinstance(weekday, int) or not 0 <= weekday <= 6:
                raise InvalidArgument("weekday", weekday, "a weekday 0 (Monday) .. 6 (Sunday)")
        check_int(self.every, "every", minimum=1)
        if self.every > 1 and self.anchor is None:
            raise InvalidArgument(
                "anchor", None, f"a date fixing which weeks run (every={self.every})"
            )
        if self.anchor is not None:
            check_date(self.anchor, "anchor")
        if self.kind is RunKind.MONTHLY and not self.days:
            raise InvalidArgument("days", self.days, "at least one day of the month")
        if self.kind is RunKind.WEEKLY and not self.weekdays:
            raise InvalidArgument("weekdays", self.weekdays, "at least one weekday")
        if self.kind is RunKind.DATES and not self.run_dates:
            raise InvalidArgument("dates", self.run_dates, "at least one run date")
        if self.kind is RunKind.RRULE and self.rule is None:
            raise InvalidArgument("rule", self.rule, "a dateutil rrule or rruleset")

    # -- construction ------------------------------------------------------------------

    @classmethod
    def monthly(
        cls,
        *days: int,
        adjustment: Adjustment = Adjustment.FOLLOWING,
        cutoff_day: int | None = None,
    ) -> PaymentRun:
        """Return runs on the given days of every month (1..31, or ``LAST`` for the month end).

        A day past a month's end (the 30th in February) means that month's last day, as
        NetSuite and Zuora clamp due days (reference/finance.md §4.2); dateutil's
        ``bymonthday=30`` would skip February instead.

        >>> PaymentRun.monthly(10, 25).dates(date(2026, 1, 1), date(2026, 2, 28))
        (datetime.date(2026, 1, 12), datetime.date(2026, 1, 26), datetime.date(2026, 2, 10),
         datetime.date(2026, 2, 25))
        >>> PaymentRun.monthly(0)
        Traceback (most recent call last):
        payterms.errors.InvalidArgument: day=0 is not accepted: expected a day of the month ...
        """
        checked = sorted({_check_day(d, "day") for d in days}, key=lambda d: 32 if d == LAST else d)
        if not checked:
            raise InvalidArgument("days", days, "at least one day of the month")
        return cls(
            kind=RunKind.MONTHLY,
            days=tuple(checked),
            adjustment=_check_run_adjustment(adjustment),
            cutoff_day=cutoff_day,
        )

    @classmethod
    def weekly(
        cls,
        *weekdays: object,
        every: int = 1,
        anchor: date | None = None,
        adjustment: Adjustment = Adjustment.FOLLOWING,
        cutoff_day: int | None = None,
    ) -> PaymentRun:
        """Return runs on the given weekdays (0 = Monday, or dateutil ``MO``..``SU``).

        With ``every=2`` the runs happen every second week: the weeks (Monday to Sunday)
        whose distance from the week of *anchor* is a multiple of *every*. Without
        weekdays the anchor's own weekday is used.

        >>> from dateutil.rrule import TH
        >>> PaymentRun.weekly(TH) == PaymentRun.weekly(3)
        True
        >>> PaymentRun.weekly(every=2, anchor=date(2026, 1, 2)).dates(
        ...     date(2026, 1, 1), date(2026, 1, 31))
        (datetime.date(2026, 1, 2), datetime.date(2026, 1, 16), datetime.date(2026, 1, 30))
        """
        every = check_int(every, "every", minimum=1)
        if anchor is not None:
            anchor = check_date(anchor, "anchor")
        elif every > 1:
            raise InvalidArgument(
                "anchor", anchor, f"a date fixing which weeks run (every={every})"
            )
        numbers = sorted({_weekday_number(w, "weekday") for w in weekdays})
        if not numbers:
            if anchor is None:
                raise InvalidArgument("weekdays", weekdays, "at least one weekday")
            numbers = [anchor.weekday()]
        if every == 1:
            anchor = None
        else:
            assert anchor is not None  # noqa: S101 - narrowed above
            anchor = anchor - timedelta(days=anchor.weekday())  # the anchor week's Monday
        return cls(
            kind=RunKind.WEEKLY,
            weekdays=tuple(numbers),
            every=every,
            anchor=anchor,
            adjustment=_check_run_adjustment(adjustment),
            cutoff_day=cutoff_day,
        )

    @classmethod
    def from_rrule(
        cls,
        rule: rrule | rruleset,
        *,
        adjustment: Adjustment = Adjustment.FOLLOWING,
        cutoff_day: int | None = None,
    ) -> PaymentRun:
        """Return runs on the occurrences of a dateutil ``rrule`` or ``rruleset``.

        Use ``bymonthday=-1`` for the month end: ``bymonthday=31`` skips the months
        without a 31st (dateutil documentation). Two runs built from the same rule object
        are equal; rules are compared by identity.

        >>> from dateutil.rrule import rrule, MONTHLY, MO, TU, WE, TH, FR
        >>> last_weekday = rrule(MONTHLY, byweekday=(MO, TU, WE, TH, FR), bysetpos=-1,
        ...                      dtstart=datetime(2026, 1, 1))
        >>> PaymentRun.from_rrule(last_weekday).next_on_or_after(date(2026, 1, 31))
        datetime.date(2026, 2, 27)
        """
        from dateutil.rrule import rrule as _rrule
        from dateutil.rrule import rruleset as _rruleset

        if not isinstance(rule, (_rrule, _rruleset)):
            raise InvalidType("rule", rule, "a dateutil.rrule.rrule or rruleset")
        return cls(
            kind=RunKind.RRULE,
            rule=rule,
            adjustment=_check_run_adjustment(adjustment),
            cutoff_day=cutoff_day,
        )

    @classmethod
    def on_dates(
        cls,
        dates: Iterable[date],
        *,
        adjustment: Adjustment = Adjustment.FOLLOWING,
        cutoff_day: int | None = None,
    ) -> PaymentRun:
        """Return runs on an explicit list of dates (a customer's published payment calendar).

        Asking for a run after the last listed date raises
        :class:`~payterms.errors.InvalidArgument`: the calendar is not extrapolated.

        >>> PaymentRun.on_dates([date(2026, 3, 6), date(2026, 3, 20)]).next_on_or_after(
        ...     date(2026, 3, 7))
        datetime.date(2026, 3, 20)
        """
        if not isinstance(dates, Iterable):
            raise InvalidType("dates", dates, "an iterable of datetime.date")
        checked = tuple(sorted({check_date(d, "dates") for d in dates}))
        if not checked:
            raise InvalidArgument("dates", checked, "at least one run date")
        return cls(
            kind=RunKind.DATES,
            run_dates=checked,
            adjustment=_check_run_adjustment(adjustment),
            cutoff_day=cutoff_day,
        )

    # -- text --------------------------------------------------------------------------

    def __repr__(self) -> str:
        options = []
        if self.kind is RunKind.MONTHLY:
            args = [("LAST" if d == LAST else str(d)) for d in self.days]
            name = "monthly"
        elif self.kind is RunKind.WEEKLY:
            args = [_WEEKDAY_NAMES[w] for w in self.weekdays]
            name = "weekly"
            if self.every > 1:
                options.append(f"every={self.every}, anchor={self.anchor!r}")
        elif self.kind is RunKind.RRULE:
            args = [repr(self.rule)]
            name = "from_rrule"
        else:
            args = [repr(list(self.run_dates))]
            name = "on_dates"
        if self.adjustment is not Adjustment.FOLLOWING:
            options.append(f"adjustment=Adjustment.{self.adjustment.name}")
        if self.cutoff_day is not None:
            options.append(f"cutoff_day={'LAST' if self.cutoff_day == LAST else self.cutoff_day}")
        return f"PaymentRun.{name}({', '.join(args + options)})"

    def __str__(self) -> str:
        """Return the run in its text form, which :meth:`parse` reads back to an equal run.

        A run built by :meth:`from_rrule` has no text form: its ``str()`` is its ``repr()``.
        """
        if self.kind is RunKind.MONTHLY:
            head = ",".join("LAST" if d == LAST else str(d) for d in self.days)
        elif self.kind is RunKind.WEEKLY:
            head = ",".join(_WEEKDAY_NAMES[w] for w in self.weekdays)
            if self.every > 1:
                head += f" every={self.every} anchor={self.anchor}"
        elif self.kind is RunKind.DATES:
            head = ",".join(d.isoformat() for d in self.run_dates)
        else:
            return repr(self)
        if self.adjustment is not Adjustment.FOLLOWING:
            head += f" adjustment={self.adjustment.value}"
        if self.cutoff_day is not None:
            head += f" cutoff_day={'LAST' if self.cutoff_day == LAST else self.cutoff_day}"
        return head

    @classmethod
    def parse(cls, text: str) -> PaymentRun:
        """Return the run written as *text*: run days, then ``name=value`` options.

        The run days are comma-separated days of the month (``10,25``; ``LAST`` is the
        month's last day), weekdays (``TH``, ``MO,TH``; ``MO`` .. ``SU``) or ISO dates
        (``2026-03-06,2026-03-20``, a published payment calendar). The options are the
        keyword arguments of :meth:`monthly`, :meth:`weekly` and :meth:`on_dates`:
        ``adjustment=`` (an :class:`~payterms.calendars.Adjustment` value such as
        ``preceding``; ``following`` when not given), ``cutoff_day=`` (1..31 or ``LAST``),
        and for weekdays ``every=`` with ``anchor=`` (a date in a week that has a run).
        Case does not matter; ``str()`` writes the canonical form.

        >>> PaymentRun.parse("15, last")
        PaymentRun.monthly(15, LAST)
        >>> run = PaymentRun.parse("LAST adjustment=preceding cutoff_day=20")
        >>> run == PaymentRun.monthly(LAST, adjustment=Adjustment.PRECEDING, cutoff_day=20)
        True
        >>> str(PaymentRun.weekly(4, every=2, anchor=date(2026, 1, 2)))
        'FR every=2 anchor=2025-12-29'
        >>> PaymentRun.parse("10,32")
        Traceback (most recent call last):
        payterms.errors.ParseError: cannot read '10,32' at position 3 ('32'): expected a day ...
        """
        if not isinstance(text, str):
            raise InvalidType("text", text, "a str such as '10,25', 'TH' or '2026-03-06'")
        check_text(text)
        head = _RUN_HEAD.match(text)
        if head is None:
            raise ParseError(text, len(text) - len(text.lstrip()), _RUN_DAYS_EXPECTED)
        items = [(m.group(), head.start(1) + m.start()) for m in _RUN_ITEM.finditer(head[1])]
        options = _run_options(text, head.end(1))
        first = items[0][0].upper()
        if first in _WEEKDAY_NAMES:
            every = _run_option(text, options, "every", _run_every)
            anchor = _run_option(text, options, "anchor", _run_date)
            if every is not None and every > 1 and anchor is None:
                raise ParseError(text, options["every"][1], "anchor=YYYY-MM-DD with every=")
            run = cls.weekly(
                *(_run_weekday(text, item, at) for item, at in items),
                every=1 if every is None else every,
                anchor=anchor,
            )
        else:
            for name in ("every", "anchor"):
                if name in options:
                    raise ParseError(text, options[name][1], "an option of weekday runs only")
            if _ISO_DATE.fullmatch(first):
                run = cls.on_dates([_run_date(text, item, at) for item, at in items])
            else:
                run = cls.monthly(*(_run_day(text, item, at) for item, at in items))
        adjustment = _run_option(text, options, "adjustment", _run_adjustment)
        cutoff = _run_option(text, options, "cutoff_day", _run_day)
        if adjustment is None and cutoff is None:
            return run
        return evolve(
            run,
            adjustment=Adjustment.FOLLOWING if adjustment is None else adjustment,
            cutoff_day=cutoff,
        )

    def describe(self) -> str:
        """Return the run schedule in words.

        >>> PaymentRun.monthly(10, LAST, cutoff_day=20).describe()
        'monthly on the 10th and the last day (following business day; cut-off on the 20th)'
        >>> PaymentRun.weekly(3).describe()
        'every Thursday (following business day)'
        """
        adj = self.adjustment.value.replace("_", " ")
        adj = "no adjustment" if self.adjustment is Adjustment.UNADJUSTED else f"{adj} business day"
        if self.kind is RunKind.MONTHLY:
            words = [("the last day" if d == LAST else f"the {_ordinal(d)}") for d in self.days]
            text = "monthly on " + _join(words)
        elif self.kind is RunKind.WEEKLY:
            names = [_stdcal.day_name[w] for w in self.weekdays]
            if self.every == 1:
                text = "every " + _join(names)
            else:
                text = f"every {_ordinal(self.every)} week on {_join(names)}, from {self.anchor}"
        elif self.kind is RunKind.RRULE:
            text = "on the occurrences of a recurrence rule"
        else:
            first, last = self.run_dates[0], self.run_dates[-1]
            text = f"on {len(self.run_dates)} listed dates ({first} to {last})"
        cut = ""
        if self.cutoff_day is not None:
            day = "last day" if self.cutoff_day == LAST else _ordinal(self.cutoff_day)
            cut = f"; cut-off on the {day}"
        return f"{text} ({adj}{cut})"

    # -- dates -------------------------------------------------------------------------

    def nominal_dates(self, start: date, end: date) -> tuple[date, ...]:
        """Return the unadjusted run days in [start, end], sorted.

        >>> PaymentRun.monthly(30).nominal_dates(date(2026, 2, 1), date(2026, 3, 31))
        (datetime.date(2026, 2, 28), datetime.date(2026, 3, 30))
        """
        start = check_date(start, "start")
        end = check_date(end, "end")
        return tuple(self._nominal(start, end))

    def _nominal(self, start: date, end: date) -> Iterator[date]:
        if end < start:
            return
        if self.kind is RunKind.MONTHLY:
            year, month = start.year, start.month
            while (year, month) <= (end.year, end.month):
                seen = None
                for d in self.days:
                    day = _month_day(year, month, d)
                    if day != seen and start <= day <= end:
                        yield day
                    seen = day
                year, month = (year, month + 1) if month < 12 else (year + 1, 1)
        elif self.kind is RunKind.WEEKLY:
            monday = start - timedelta(days=start.weekday())
            step = 7
            if self.anchor is not None:
                weeks = (monday - self.anchor).days // 7
                monday -= timedelta(days=7 * (weeks % self.every))
                step = 7 * self.every
            while monday <= end:
                for w in self.weekdays:
                    day = monday + timedelta(days=w)
                    if start <= day <= end:
                        yield day
                monday += timedelta(days=step)
        elif self.kind is RunKind.DATES:
            lo = bisect.bisect_left(self.run_dates, start)
            hi = bisect.bisect_right(self.run_dates, end)
            yield from self.run_dates[lo:hi]
        else:
            seen_day = None
            for occurrence in self.rule.between(
                datetime.combine(start, datetime.min.time()),
                datetime.combine(end, datetime.max.time()),
                inc=True,
            ):
                day = occurrence.date() if isinstance(occurrence, datetime) else occurrence
                if day != seen_day:
                    yield day
                seen_day = day

    def _runs(
        self, start: date, end: date, calendar: BusinessCalendar
    ) -> Iterator[tuple[date, date]]:
        """Yield (adjusted run date, nominal run date) whose adjusted date is in [start, end]."""
        adjustment = self.adjustment
        if adjustment is Adjustment.UNADJUSTED:
            lo, hi = start, end
        else:
            # Every convention moves a day at most to the nearest business day on either side.
            lo = calendar.previous_business_day(start)
            hi = calendar.next_business_day(end)
        for nominal in self._nominal(lo, hi):
            day = calendar.adjust(nominal, adjustment)
            if start <= day <= end:
                yield day, nominal

    def dates(
        self,
        start: date,
        end: date,
        calendar: BusinessCalendar = BusinessCalendar.WEEKENDS,
    ) -> tuple[date, ...]:
        """Return the run dates in [start, end] after business-day adjustment on *calendar*.

        Two nominal days that adjust to the same business day make one run.

        >>> from payterms.calendars import BusinessCalendar
        >>> PaymentRun.monthly(LAST, adjustment=Adjustment.PRECEDING).dates(
        ...     date(2026, 5, 1), date(2026, 5, 31), BusinessCalendar.country("BE"))
        (datetime.date(2026, 5, 29),)
        """
        start = check_date(start, "start")
        end = check_date(end, "end")
        calendar = _check_calendar(calendar)
        return tuple(sorted({day for day, _ in self._runs(start, end, calendar)}))

    def next_on_or_after(
        self,
        day: date,
        calendar: BusinessCalendar = BusinessCalendar.WEEKENDS,
    ) -> date:
        """Return the first run date on or after *day*, adjusted on *calendar*.

        Raises :class:`~payterms.errors.InvalidArgument` when no run follows within three
        years (an exhausted rule or date list).

        >>> PaymentRun.monthly(15, LAST).next_on_or_after(date(2026, 2, 15))
        datetime.date(2026, 2, 16)
        """
        day = check_date(day, "day")
        calendar = _check_calendar(calendar)
        start = day
        for _ in range(_MAX_SEARCH_DAYS // 62 + 1):
            end = start + timedelta(days=61)
            for found, _nominal in self._runs(start, end, calendar):
                return found
            start = end + timedelta(days=1)
        raise InvalidArgument(
            "day", day, f"a day followed by a run of {self!r} within {_MAX_SEARCH_DAYS} days"
        )

    def cutoff_for(self, nominal: date) -> date | None:
        """Return the last receipt day for the run nominally on *nominal* (None: no cut-off).

        >>> PaymentRun.monthly(LAST, cutoff_day=20).cutoff_for(date(2026, 1, 31))
        datetime.date(2026, 1, 20)
        >>> PaymentRun.monthly(7, cutoff_day=28).cutoff_for(date(2026, 3, 7))
        datetime.date(2026, 2, 28)
        """
        nominal = check_date(nominal, "nominal")
        if self.cutoff_day is None:
            return None
        return _cutoff_before(nominal, self.cutoff_day)

    # -- inference ---------------------------------------------------------------------

    @classmethod
    def infer(
        cls,
        payment_dates: Iterable[date],
        *,
        calendar: BusinessCalendar = BusinessCalendar.WEEKENDS,
        min_support: Fraction | Decimal | str = "0.75",
        min_dates: int = 6,
        max_days: int = 4,
    ) -> RunFit:
        """Return the monthly days or weekdays that best explain a history of payment dates.

        Each payment date is explained by a monthly day (or weekday) when some run on that
        day, adjusted on *calendar* (``FOLLOWING`` or ``PRECEDING``, whichever explains
        more), falls on it. Days are chosen greedily, the one explaining most unexplained
        dates first, while each explains at least two dates and more than a tenth of the
        history, up to *max_days* days. Monthly and weekly fits (each with either
        adjustment) compete on the dates they explain less a tenth of the history per day
        used, so that a fit does not buy the last few dates with extra days; ties go to
        fewer days, then to ``FOLLOWING``. A history with fewer than *min_dates*
        distinct dates, or whose best fit explains less than *min_support*, is refused
        with :class:`~payterms.errors.InvalidArgument`: no pattern is invented.

        >>> history = PaymentRun.monthly(10, 25).dates(date(2026, 1, 1), date(2026, 6, 30))
        >>> fit = PaymentRun.infer(history)
        >>> fit.run, fit.support
        (PaymentRun.monthly(10, 25), Fraction(1, 1))
        >>> PaymentRun.infer(history[:3])
        Traceback (most recent call last):
        payterms.errors.InvalidArgument: payment_dates=... expected at least 6 distinct dates ...
        """
        return _infer(
            payment_dates,
            calendar=_check_calendar(calendar),
            min_support=_check_share(min_support),
            min_dates=check_int(min_dates, "min_dates", minimum=1),
            max_days=check_int(max_days, "max_days", minimum=1),
        )


def _check_day(day: object, name: str) -> int:
    if isinstance(day, bool) or not isinstance(day, int):
        raise InvalidType(name, day, "a day of the month 1..31, or LAST (-1)")
    if day != LAST and not 1 <= day <= 31:
        raise InvalidArgument(name, day, "a day of the month 1..31, or LAST (-1)")
    return day


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _join(words: Sequence[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _check_share(value: object) -> Fraction:
    share = value if isinstance(value, Fraction) else Fraction(to_decimal(value, "min_support"))
    if not 0 < share <= 1:
        raise InvalidArgument("min_support", value, "a share in (0, 1]")
    return share


# --------------------------------------------------------------------------- run text

_RUN_DAYS_EXPECTED = "run days such as '10,25', '15,LAST', 'TH' or '2026-03-06,2026-03-20'"
_RUN_HEAD = re.compile(r"\s*([^\s,=]+(?:\s*,\s*[^\s,=]+)*)(?=\s|$)")
_RUN_ITEM = re.compile(r"[^\s,]+")
_RUN_WORD = re.compile(r"\S+")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_RUN_OPTIONS = ("adjustment", "cutoff_day", "every", "anchor")
_T = TypeVar("_T")


def _run_options(text: str, at: int) -> dict[str, tuple[str, int]]:
    """Return the ``name=value`` options of a run's text from *at*, with each value's position."""
    found: dict[str, tuple[str, int]] = {}
    for match in _RUN_WORD.finditer(text, at):
        name, sep, value = match.group().partition("=")
        key = name.lower()
        if not sep or not value or key not in _RUN_OPTIONS or key in found:
            raise ParseError(
                text, match.start(), "an option adjustment=, cutoff_day=, every= or anchor=, once"
            )
        found[key] = (value, match.start() + len(name) + 1)
    return found


def _run_option(
    text: str,
    options: dict[str, tuple[str, int]],
    name: str,
    read: Callable[[str, str, int], _T],
) -> _T | None:
    if name not in options:
        return None
    value, at = options[name]
    return read(text, value, at)


def _run_day(text: str, value: str, at: int) -> int:
    if value.upper() == "LAST":
        return LAST
    if re.fullmatch(r"[0-9]{1,2}", value) and 1 <= int(value) <= 31:
        return int(value)
    raise ParseError(text, at, "a day of the month 1..31 or LAST")


def _run_weekday(text: str, value: str, at: int) -> int:
    if value.upper() in _WEEKDAY_NAMES:
        return _WEEKDAY_NAMES.index(value.upper())
    raise ParseError(text, at, "a weekday MO, TU, WE, TH, FR, SA or SU")


def _run_date(text: str, value: str, at: int) -> date:
    if _ISO_DATE.fullmatch(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise ParseError(text, at, "a date written YYYY-MM-DD")


def _run_every(text: str, value: str, at: int) -> int:
    if re.fullmatch(r"[0-9]{1,3}", value) and int(value) >= 1:
        return int(value)
    raise ParseError(text, at, "a whole number of weeks 1..999")


def _run_adjustment(text: str, value: str, at: int) -> Adjustment:
    for member in Adjustment:
        if value.lower() in (member.value, member.name.lower()):
            return member
    raise ParseError(text, at, f"an adjustment among {', '.join(a.value for a in Adjustment)}")


# --------------------------------------------------------------------------- inference


@frozen
class RunFit:
    """The result of :meth:`PaymentRun.infer`: a run schedule and how much history it explains.

    Attributes:
        run: the inferred :class:`PaymentRun`.
        explained: the payment dates the run explains, sorted.
        unexplained: the other payment dates, sorted.
        support: the share of dates explained, exactly (``explained / all``).

    >>> history = [*PaymentRun.weekly(3).dates(date(2026, 1, 1), date(2026, 3, 31)),
    ...            date(2026, 2, 17)]
    >>> fit = PaymentRun.infer(history)
    >>> fit.run, fit.support, fit.unexplained
    (PaymentRun.weekly(TH), Fraction(13, 14), (datetime.date(2026, 2, 17),))

    """

    run: PaymentRun
    explained: tuple[date, ...]
    unexplained: tuple[date, ...]

    @property
    def support(self) -> Fraction:
        """Return the share of the (distinct) payment dates that the run explains."""
        return Fraction(len(self.explained), len(self.explained) + len(self.unexplained))


def _explaining_keys(
    day: date, calendar: BusinessCalendar, adjustment: Adjustment, *, weekly: bool
) -> set[int]:
    """Return the monthly days (or weekdays) whose adjusted run can fall on *day*."""
    if not calendar.is_business_day(day):
        return set()
    if adjustment is Adjustment.FOLLOWING:
        lo = calendar.previous_business_day(day) + timedelta(days=1)
        nominals = [lo + timedelta(days=i) for i in range((day - lo).days + 1)]
    else:
        hi = calendar.next_business_day(day) - timedelta(days=1)
        nominals = [day + timedelta(days=i) for i in range((hi - day).days + 1)]
    keys: set[int] = set()
    for n in nominals:
        if weekly:
            keys.add(n.weekday())
            continue
        # The 31st is clamped to every month's end, so it is LAST; likewise a 29th or 30th
        # falls on the last day of a shorter month.
        keys.add(n.day if n.day < 31 else LAST)
        if n.day == _stdcal.monthrange(n.year, n.month)[1]:
            keys.add(LAST)
            keys.update(range(n.day + 1, 31))
    return keys


def _greedy(
    history: tuple[date, ...],
    calendar: BusinessCalendar,
    adjustment: Adjustment,
    *,
    weekly: bool,
    max_days: int,
) -> tuple[tuple[int, ...], frozenset[date]]:
    covers: dict[int, set[date]] = {}
    for day in history:
        for key in _explaining_keys(day, calendar, adjustment, weekly=weekly):
            covers.setdefault(key, set()).add(day)
    chosen: list[int] = []
    explained: set[date] = set()
    threshold = max(2, len(history) // 10 + 1)  # at least two dates, more than a tenth
    while len(chosen) < max_days:
        best_key, best_gain = None, 0
        # prefer, among equal gains: a plain day over LAST, then the smallest day
        for key in sorted(covers, key=lambda k: (k == LAST, k)):
            gain = len(covers[key] - explained)
            if gain > best_gain:
                best_key, best_gain = key, gain
        if best_key is None or best_gain < threshold:
            break
        chosen.append(best_key)
        explained |= covers.pop(best_key)
    return tuple(chosen), frozenset(explained)


def _infer(
    payment_dates: Iterable[date],
    *,
    calendar: BusinessCalendar,
    min_support: Fraction,
    min_dates: int,
    max_days: int,
) -> RunFit:
    if not isinstance(payment_dates, Iterable):
        raise InvalidType("payment_dates", payment_dates, "an iterable of datetime.date")
    history = tuple(sorted({check_date(d, "payment_dates") for d in payment_dates}))
    if len(history) < min_dates:
        raise InvalidArgument(
            "payment_dates",
            list(history),
            f"at least {min_dates} distinct dates to infer payment runs from (got {len(history)})",
        )
    candidates: list[tuple[tuple[Fraction, int, int], PaymentRun, frozenset[date]]] = []
    for weekly in (False, True):
        for rank, adjustment in enumerate((Adjustment.FOLLOWING, Adjustment.PRECEDING)):
            keys, explained = _greedy(
                history, calendar, adjustment, weekly=weekly, max_days=max_days
            )
            if not keys:
                continue
            run = (
                PaymentRun.weekly(*keys, adjustment=adjustment)
                if weekly
                else PaymentRun.monthly(*keys, adjustment=adjustment)
            )
            # each day costs a tenth of the history: a fit with more days must explain more
            score = len(explained) - Fraction(len(keys) * len(history), 10)
            candidates.append(((-score, len(keys), rank), run, explained))
    best = min(candidates, key=lambda c: c[0], default=None)
    if best is None or Fraction(len(best[2]), len(history)) < min_support:
        detail = (
            f"; best fit {best[1]!r} explains {len(best[2])} of {len(history)}"
            if best is not None
            else ""
        )
        raise InvalidArgument(
            "payment_dates",
            list(history),
            f"a history explained to at least {float(min_support):.0%} by monthly days or"
            f" weekdays{detail}",
        )
    _, run, explained = best
    return RunFit(
        run=run,
        explained=tuple(d for d in history if d in explained),
        unexplained=tuple(d for d in history if d not in explained),
    )


# --------------------------------------------------------------------------- Lateness


@frozen(repr=False)
class Lateness:
    """Habitual lateness in calendar days: a fixed number, or an empirical distribution.

    Days are added to the due date before the payer looks for a run. Build one with
    :meth:`fixed` or :meth:`empirical`; a plain ``int`` given to :class:`Payer` becomes
    ``Lateness.fixed``. Probabilities are exact fractions that sum to 1.

    >>> late = Lateness.empirical([0, 0, 0, 5, 12])
    >>> late
    Lateness.empirical({0: 3/5, 5: 1/5, 12: 1/5})
    >>> late.quantile(Fraction(1, 2)), late.quantile(Fraction(9, 10)), late.mean
    (0, 12, Fraction(17, 5))
    """

    outcomes: tuple[tuple[int, Fraction], ...]

    def __attrs_post_init__(self) -> None:
        if not self.outcomes:
            raise InvalidArgument("outcomes", self.outcomes, "at least one delay")
        if sum(p for _, p in self.outcomes) != 1:
            raise InvalidArgument("outcomes", self.outcomes, "probabilities that sum to 1")

    @classmethod
    def fixed(cls, days: int) -> Lateness:
        """Return a delay of exactly *days* calendar days (negative: pays early).

        >>> Lateness.fixed(3).quantile(Fraction(1, 2))
        3
        """
        return cls(outcomes=((check_int(days, "days"), Fraction(1)),))

    @classmethod
    def empirical(cls, samples: Iterable[int]) -> Lateness:
        """Return the distribution of observed delays in days (days paid after the due date)."""
        if isinstance(samples, (str, bytes)) or not isinstance(samples, Iterable):
            raise InvalidType("samples", samples, "an iterable of whole numbers of days")
        counts = Counter(check_int(s, "samples") for s in samples)
        if not counts:
            raise InvalidArgument("samples", [], "at least one observed delay")
        total = sum(counts.values())
        return cls(outcomes=tuple((d, Fraction(counts[d], total)) for d in sorted(counts)))

    def __repr__(self) -> str:
        if len(self.outcomes) == 1:
            return f"Lateness.fixed({self.outcomes[0][0]})"
        inner = ", ".join(f"{d}: {p}" for d, p in self.outcomes)
        return f"Lateness.empirical({{{inner}}})"

    @property
    def is_fixed(self) -> bool:
        """Return whether the delay has one value only."""
        return len(self.outcomes) == 1

    @property
    def mean(self) -> Fraction:
        """Return the expected delay in days, exactly."""
        return sum((d * p for d, p in self.outcomes), Fraction(0))

    def quantile(self, q: Fraction | Decimal | str) -> int:
        """Return the smallest delay whose cumulative probability reaches *q* (0 < q <= 1)."""
        share = check_quantile(q)
        cumulative = Fraction(0)
        for days, p in self.outcomes:
            cumulative += p
            if cumulative >= share:
                return days
        return self.outcomes[-1][0]  # pragma: no cover - probabilities sum to 1


def _delay_converter(value: object) -> Lateness:
    if isinstance(value, Lateness):
        return value
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidType("extra_delay_days", value, "an int or a payterms.Lateness")
    return Lateness.fixed(value)


# --------------------------------------------------------------------------- Payer


_NO_DELAY = Lateness.fixed(0)


def _runs_converter(value: object) -> tuple[PaymentRun, ...]:
    if isinstance(value, PaymentRun):
        return (value,)
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        raise InvalidType("runs", value, "a PaymentRun or an iterable of PaymentRun")
    runs = tuple(value)
    for run in runs:
        if not isinstance(run, PaymentRun):
            raise InvalidType("runs", run, "a PaymentRun")
    if not runs:
        raise InvalidArgument("runs", runs, "at least one PaymentRun (an empty run set never pays)")
    return runs


_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)  # a year without 29 February


def _recurring_day(value: object, name: str) -> tuple[int, int]:
    if (
        not isinstance(value, tuple)
        or len(value) != 2
        or not all(isinstance(v, int) and not isinstance(v, bool) for v in value)
    ):
        raise InvalidType(name, value, "a (month, day) pair of ints, such as (8, 1)")
    month, day = value
    if not 1 <= month <= 12:
        raise InvalidArgument(name, value, "a month from 1 to 12")
    if not 1 <= day <= _MONTH_DAYS[month - 1]:
        raise InvalidArgument(
            name,
            value,
            f"a day that exists in every year (1 to {_MONTH_DAYS[month - 1]} in month "
            f"{month}; 29 February does not recur every year)",
        )
    return month, day


def _first_day(value: object) -> tuple[int, int]:
    return _recurring_day(value, "first")


def _last_day(value: object) -> tuple[int, int]:
    return _recurring_day(value, "last")


@frozen(cache_hash=True)
class YearlyClosure:
    """A closure that recurs every year, from *first* to *last* (``(month, day)``, inclusive).

    "Every year 1-21 August" is ``YearlyClosure((8, 1), (8, 21))`` (OCA
    ``account_payment_term_partner_holiday``: a partner's holiday periods recur every year
    as day and month from / to). A closure may run over the new year (``(12, 24)`` to
    ``(1, 2)``); it closes fewer than 365 days. 29 February is refused: it does not recur
    every year (a February closure ends on the 28th; in a leap year the 29th stays open).

    >>> august = YearlyClosure((8, 1), (8, 21))
    >>> august.occurrences(date(2026, 1, 1), date(2027, 12, 31))
    ((datetime.date(2026, 8, 1), datetime.date(2026, 8, 21)),
     (datetime.date(2027, 8, 1), datetime.date(2027, 8, 21)))
    >>> august.contains(date(2030, 8, 21)), august.contains(date(2030, 8, 22))
    (True, False)
    >>> YearlyClosure((2, 1), (2, 29))
    Traceback (most recent call last):
    payterms.errors.InvalidArgument: last=(2, 29) is not accepted: expected a day that exists ...
    """

    first: tuple[int, int] = field(converter=_first_day)
    last: tuple[int, int] = field(converter=_last_day)

    def __attrs_post_init__(self) -> None:
        if self.days >= 365:
            raise InvalidArgument(
                "last",
                self.last,
                f"a closure of fewer than 365 days (from {self.first} to {self.last} it "
                "closes the whole year)",
            )

    @property
    def crosses_new_year(self) -> bool:
        """Return whether the closure runs from one year into the next.

        >>> YearlyClosure((12, 24), (1, 2)).crosses_new_year
        True
        """
        return self.last < self.first

    @property
    def days(self) -> int:
        """Return how many days the closure closes in a year without 29 February.

        >>> YearlyClosure((8, 1), (8, 21)).days
        21
        """
        first = date(2023, *self.first).toordinal()
        last = date(2024 if self.crosses_new_year else 2023, *self.last).toordinal()
        return last - first + 1

    def contains(self, day: date) -> bool:
        """Return whether *day* falls in the closure (29 February: as its place in the year).

        >>> YearlyClosure((12, 24), (1, 2)).contains(date(2027, 1, 1))
        True
        """
        day = to_date(day, "day")  # a Timestamp at midnight is its day; junk raises
        key = (day.month, day.day)
        if self.crosses_new_year:
            return key >= self.first or key <= self.last
        return self.first <= key <= self.last

    def occurrences(self, start: date, end: date) -> tuple[tuple[date, date], ...]:
        """Return the dated (first day, last day) closures that overlap [*start*, *end*].

        >>> YearlyClosure((12, 24), (1, 2)).occurrences(date(2026, 1, 1), date(2026, 1, 31))
        ((datetime.date(2025, 12, 24), datetime.date(2026, 1, 2)),)
        """
        start = check_date(start, "start")
        end = check_date(end, "end")
        found = []
        for year in range(max(start.year - 1, 1), min(end.year, 9999) + 1):
            last_year = year + 1 if self.crosses_new_year else year
            if last_year > 9999:
                continue
            first, last = date(year, *self.first), date(last_year, *self.last)
            if first <= end and last >= start:
                found.append((first, last))
        return tuple(found)


def _yearly_converter(value: object) -> tuple[YearlyClosure, ...]:
    if isinstance(value, YearlyClosure):
        return (value,)
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        raise InvalidType("yearly_closures", value, "an iterable of YearlyClosure values")
    closures = tuple(value)
    for item in closures:
        if not isinstance(item, YearlyClosure):
            raise InvalidType("yearly_closures", item, "a YearlyClosure")
    if closures:
        for year in (2023, 2024):  # a year without and a year with 29 February
            first, last = date(year, 1, 1), date(year, 12, 31)
            spans = sorted(s for c in closures for s in c.occurrences(first, last))
            reach = first - timedelta(days=1)
            for a, b in spans:
                if a > reach + timedelta(days=1):
                    break
                reach = max(reach, b)
            if reach >= last:
                raise InvalidArgument(
                    "yearly_closures",
                    list(closures),
                    "yearly closures leaving runs in every year (together they close all of "
                    f"{year})",
                )
    return closures


def _closures_converter(value: object) -> tuple[tuple[date, date], ...]:
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        raise InvalidType("closures", value, "an iterable of (first day, last day) date pairs")
    result = []
    for item in value:
        if not isinstance(item, tuple) or len(item) != 2:
            raise InvalidType("closures", item, "a (first day, last day) pair of dates")
        first = check_date(item[0], "closures")
        last = check_date(item[1], "closures")
        if last < first:
            raise InvalidArgument("closures", item, "a (first, last) pair with first <= last")
        result.append((first, last))
    result.sort()
    # Closures that touch or overlap are merged to check that none closes a whole year.
    span_first, span_last = None, None
    for first, last in result:
        if span_last is None or first > span_last + timedelta(days=1):
            span_first, span_last = first, last
        else:
            span_last = max(span_last, last)
        assert span_first is not None  # noqa: S101 - set on the first closure
        if (span_last - span_first).days + 1 >= 365:
            raise InvalidArgument(
                "closures",
                value if isinstance(value, tuple) else list(result),
                f"closures leaving runs in every year (from {span_first} to {span_last} they"
                " close all runs of a year)",
            )
    return tuple(result)


def _rate_converter(value: object) -> Decimal | None:
    if value is None:
        return None
    rate = to_decimal(value, "cost_of_capital")
    if rate < 0:
        raise InvalidArgument("cost_of_capital", value, "an annual rate >= 0, as a fraction")
    return rate


def _nonneg(name: str) -> Any:
    def check(_instance: object, _attribute: object, value: object) -> None:
        check_int(value, name, minimum=0)

    return check


@frozen(repr=False)
class Payer:
    """How one customer pays: returns its run dates, chosen runs and cash dates.

    Attributes:
        runs: one :class:`PaymentRun` or a tuple of them (their union); never empty.
        calendar: the customer's business days (run adjustment, approval, bank transfer).
        receipt_days: calendar days from sending the invoice to the customer receiving it
            (post, portal, scanning).
        approval_days: business days an invoice must be registered before a run can pay it;
            an invoice received on a non-business day is registered the next business day.
        policy: the :class:`RunPolicy` picking a run relative to the due date.
        closures: (first day, last day) ranges, inclusive, in which no run happens (an
            August closure, the year-end freeze); each shorter than a year.
        yearly_closures: :class:`YearlyClosure` values, closures that recur every year
            ("every year 1-21 August", OCA partner holidays); they close exactly what the
            same closures written out year by year in *closures* would.
        transfer_days: business days from the run to the money on the supplier's account.
        extra_delay_days: habitual lateness, an int or a :class:`Lateness`, added to the due
            date before a run is picked.
        cost_of_capital: the payer's annual rate, for ``EARLY_FOR_DISCOUNT`` (a discount is
            worth taking when its simple annual rate is at least this; None = always).

    >>> payer = Payer(runs=PaymentRun.weekly(3), approval_days=2)
    >>> payer.payment_run(date(2026, 3, 6), received=date(2026, 3, 2))   # Friday due
    datetime.date(2026, 3, 12)
    >>> Payer(runs=())
    Traceback (most recent call last):
    payterms.errors.InvalidArgument: runs=() is not accepted: expected at least one PaymentRun ...

    The repr names only what differs from the defaults, so a column of payers reads well
    in a DataFrame:

    >>> Payer(runs=PaymentRun.monthly(10, 25), approval_days=5, extra_delay_days=3)
    Payer(runs=PaymentRun.monthly(10, 25), approval_days=5, extra_delay_days=Lateness.fixed(3))

    """

    runs: tuple[PaymentRun, ...] = field(converter=_runs_converter)
    calendar: BusinessCalendar = field(default=BusinessCalendar.WEEKENDS)
    receipt_days: int = field(default=0, validator=_nonneg("receipt_days"))
    approval_days: int = field(default=0, validator=_nonneg("approval_days"))
    policy: RunPolicy = RunPolicy.FIRST_RUN_ON_OR_AFTER_DUE
    closures: tuple[tuple[date, date], ...] = field(default=(), converter=_closures_converter)
    yearly_closures: tuple[YearlyClosure, ...] = field(
        default=(), kw_only=True, converter=_yearly_converter
    )
    transfer_days: int = field(default=0, validator=_nonneg("transfer_days"))
    extra_delay_days: Lateness = field(default=_NO_DELAY, converter=_delay_converter)
    cost_of_capital: Decimal | None = field(default=None, converter=_rate_converter)
    _cache: dict[int, tuple[tuple[int, ...], tuple[int, ...]]] = field(
        factory=dict, init=False, eq=False, hash=False, repr=False
    )

    def __attrs_post_init__(self) -> None:
        _check_calendar(self.calendar)
        if not isinstance(self.policy, RunPolicy):
            raise InvalidType("policy", self.policy, "a payterms.RunPolicy member")

    def __repr__(self) -> str:
        runs = repr(self.runs[0]) if len(self.runs) == 1 else repr(self.runs)
        parts = [f"runs={runs}"]
        defaults = (
            ("calendar", BusinessCalendar.WEEKENDS),
            ("receipt_days", 0),
            ("approval_days", 0),
            ("policy", RunPolicy.FIRST_RUN_ON_OR_AFTER_DUE),
            ("closures", ()),
            ("transfer_days", 0),
            ("extra_delay_days", _NO_DELAY),
            ("cost_of_capital", None),
        )
        for name, default in defaults:
            value = getattr(self, name)
            if value != default:
                parts.append(f"{name}={value!r}")
        return f"Payer({', '.join(parts)})"

    # -- the run table -----------------------------------------------------------------

    def _year(self, year: int) -> tuple[tuple[int, ...], tuple[int, ...]]:
        """Return (run ordinals, cut-off ordinals) of the open runs nominally in *year*."""
        cached = self._cache.get(year)
        if cached is not None:
            return cached
        start, end = date(year, 1, 1), date(year, 12, 31)
        best: dict[int, int] = {}
        no_cutoff = date.max.toordinal()
        for run in self.runs:
            adjustment = run.adjustment
            for nominal in run._nominal(start, end):
                day = self.calendar.adjust(nominal, adjustment)
                if self.is_closed(day):
                    continue
                cut = run.cutoff_for(nominal) if run.cutoff_day is not None else None
                cutoff = no_cutoff if cut is None else cut.toordinal()
                o = day.toordinal()
                best[o] = max(best.get(o, cutoff), cutoff)
        ordinals = tuple(sorted(best))
        result = (ordinals, tuple(best[o] for o in ordinals))
        self._cache[year] = result
        return result

    def is_closed(self, day: date) -> bool:
        """Return whether *day* falls in one of the payer's closures.

        >>> Payer(runs=PaymentRun.monthly(10),
        ...       closures=((date(2026, 8, 1), date(2026, 8, 21)),)).is_closed(date(2026, 8, 10))
        True
        """
        day = to_date(day, "day")  # a Timestamp at midnight is its day; junk raises
        return any(first <= day <= last for first, last in self.closures) or any(
            closure.contains(day) for closure in self.yearly_closures
        )

    def run_dates(self, start: date, end: date) -> tuple[date, ...]:
        """Return the payer's run dates in [start, end]: adjusted, merged, closures removed.

        >>> Payer(runs=(PaymentRun.monthly(10), PaymentRun.weekly(4))).run_dates(
        ...     date(2026, 4, 6), date(2026, 4, 19))
        (datetime.date(2026, 4, 10), datetime.date(2026, 4, 17))
        """
        start = check_date(start, "start")
        end = check_date(end, "end")
        found: list[date] = []
        for year in range(start.year - 1, end.year + 2):
            if not 1 <= year <= 9999:
                continue
            ordinals, _ = self._year(year)
            found.extend(
                date.fromordinal(o) for o in ordinals if start.toordinal() <= o <= end.toordinal()
            )
        return tuple(sorted(set(found)))

    # -- the invoice's path ------------------------------------------------------------

    def received(self, sent: date) -> date:
        """Return the day the customer receives an invoice sent on *sent*.

        >>> Payer(runs=PaymentRun.weekly(3), receipt_days=2).received(date(2026, 3, 6))
        datetime.date(2026, 3, 8)
        """
        return check_date(sent, "sent") + timedelta(days=self.receipt_days)

    def earliest_run_day(self, received: date) -> date:
        """Return the first day a run can pay an invoice received on *received* (approval).

        The invoice is registered on the first business day on or after receipt; a run
        can pay it once *approval_days* business days have passed since then.

        >>> cal = BusinessCalendar.WEEKENDS
        >>> Payer(runs=PaymentRun.weekly(3), approval_days=5).earliest_run_day(date(2026, 3, 7))
        datetime.date(2026, 3, 16)
        """
        received = check_date(received, "received")
        if self.approval_days == 0:
            return received
        registered = self.calendar.adjust(received, Adjustment.FOLLOWING)
        return self.calendar.add_business_days(registered, self.approval_days)

    def run_on_or_after(self, day: date, *, received: date | None = None) -> date:
        """Return the first open run on or after *day* that can pay an invoice received then.

        With *received*, runs before approval is complete and runs whose cut-off precedes
        the receipt are skipped. Raises :class:`~payterms.errors.InvalidArgument` when no
        run is found within three years (closures or an exhausted schedule).

        >>> last = PaymentRun.monthly(LAST, adjustment=Adjustment.PRECEDING, cutoff_day=20)
        >>> Payer(runs=last).run_on_or_after(date(2026, 1, 5), received=date(2026, 1, 21))
        datetime.date(2026, 2, 27)
        """
        day = check_date(day, "day")
        received_o = date.min.toordinal()
        if received is not None:
            received = check_date(received, "received")
            received_o = received.toordinal()
            day = max(day, self.earliest_run_day(received))
        found = self._first_on_or_after(day.toordinal(), received_o)
        if found is None:
            raise self._no_run(day)
        return date.fromordinal(found)

    def _first_on_or_after(self, day_o: int, received_o: int) -> int | None:
        year = date.fromordinal(day_o).year
        best: int | None = None
        for y in range(max(year - 1, 1), min(year + _MAX_SEARCH_DAYS // 365 + 1, 9999) + 1):
            if best is not None and date(y, 1, 1).toordinal() - 31 > best:
                break
            ordinals, cutoffs = self._year(y)
            i = bisect.bisect_left(ordinals, day_o)
            while i < len(ordinals):
                if cutoffs[i] >= received_o:
                    if best is None or ordinals[i] < best:
                        best = ordinals[i]
                    break
                i += 1
        if best is not None and best - day_o > _MAX_SEARCH_DAYS:
            return None
        if best is not None and best - day_o > 366 and self._closed_for_a_year(day_o):
            return None
        return best

    def _closed_for_a_year(self, day_o: int) -> bool:
        """Return whether the closures alone leave no run in the year from *day_o*."""
        if not self.closures and not self.yearly_closures:
            return False
        day = date.fromordinal(day_o)
        horizon = day + timedelta(days=366)
        for run in self.runs:
            try:
                if run.next_on_or_after(day, self.calendar) <= horizon:
                    return True
            except InvalidArgument:
                continue
        return False

    def run_on_or_before(self, day: date, *, received: date | None = None) -> date | None:
        """Return the last open run on or before *day* that can pay an invoice received then.

        Returns None when no such run exists (the invoice arrives too late for any).

        >>> Payer(runs=PaymentRun.monthly(10, 25)).run_on_or_before(
        ...     date(2026, 3, 24), received=date(2026, 3, 1))
        datetime.date(2026, 3, 10)
        """
        day = check_date(day, "day")
        earliest = date.min
        received_o = date.min.toordinal()
        if received is not None:
            received = check_date(received, "received")
            received_o = received.toordinal()
            earliest = self.earliest_run_day(received)
        return self._last_on_or_before(day, earliest, received_o)

    def _last_on_or_before(self, day: date, earliest: date, received_o: int) -> date | None:
        if day < earliest:
            return None
        day_o, earliest_o = day.toordinal(), earliest.toordinal()
        best: int | None = None
        for y in range(min(day.year + 1, 9999), max(earliest.year - 2, 0), -1):
            if best is not None and date(y, 12, 31).toordinal() + 31 < best:
                break
            ordinals, cutoffs = self._year(y)
            i = bisect.bisect_right(ordinals, day_o) - 1
            while i >= 0 and ordinals[i] >= earliest_o:
                if cutoffs[i] >= received_o:
                    if best is None or ordinals[i] > best:
                        best = ordinals[i]
                    break
                i -= 1
            if best is None and date(y, 12, 31).toordinal() + 31 < earliest_o:
                break
        return None if best is None else date.fromordinal(best)

    def payment_run(self, due: date, *, received: date, delay: int | None = None) -> date:
        """Return the run that pays an invoice due on *due* and received on *received*.

        The payer's lateness (*delay* days, by default the fixed ``extra_delay_days``; for
        a distribution pass each value) moves the due date first; then the
        :class:`RunPolicy` picks the run. ``EARLY_FOR_DISCOUNT`` knows no discount here and
        acts as ``FIRST_RUN_ON_OR_AFTER_DUE`` (see :mod:`payterms.timing`).

        >>> payer = Payer(runs=PaymentRun.monthly(10, 25), approval_days=5)
        >>> payer.payment_run(date(2026, 3, 11), received=date(2026, 3, 2))
        datetime.date(2026, 3, 25)
        >>> payer.payment_run(date(2026, 3, 11), received=date(2026, 3, 20))
        datetime.date(2026, 4, 10)
        """
        due = check_date(due, "due")
        received = check_date(received, "received")
        if delay is None:
            if not self.extra_delay_days.is_fixed:
                raise InvalidArgument(
                    "delay",
                    delay,
                    f"one value of the distribution {self.extra_delay_days!r} (or use "
                    "payterms.timing.expected_payment_date)",
                )
            delay = self.extra_delay_days.outcomes[0][0]
        check_int(delay, "delay")
        return self._pay(due, received, self.earliest_run_day(received), delay)

    def _pay(self, due: date, received: date, earliest: date, delay: int) -> date:
        """Return the run for checked arguments (*earliest* from :meth:`earliest_run_day`)."""
        target = due + timedelta(days=delay) if delay else due
        received_o = received.toordinal()
        if self.policy is RunPolicy.LAST_RUN_ON_OR_BEFORE_DUE:
            before = self._last_on_or_before(target, earliest, received_o)
            if before is not None:
                return before
        day = target if target >= earliest else earliest
        found = self._first_on_or_after(day.toordinal(), received_o)
        if found is None:
            raise self._no_run(day)
        return date.fromordinal(found)

    def cash_date(self, run: date) -> date:
        """Return the day the money of run *run* reaches the supplier (``transfer_days`` later).

        >>> Payer(runs=PaymentRun.weekly(4), transfer_days=1).cash_date(date(2026, 4, 3))
        datetime.date(2026, 4, 6)
        """
        run = check_date(run, "run")
        if self.transfer_days == 0:
            return run
        return self.calendar.add_business_days(run, self.transfer_days)

    def closures_between(self, start: date, end: date) -> tuple[tuple[date, date], ...]:
        """Return the closures that overlap [start, end].

        >>> Payer(runs=PaymentRun.monthly(10), closures=((date(2026, 8, 1), date(2026, 8, 21)),)
        ...       ).closures_between(date(2026, 7, 20), date(2026, 8, 25))
        ((datetime.date(2026, 8, 1), datetime.date(2026, 8, 21)),)
        """
        dated = [(a, b) for a, b in self.closures if a <= end and b >= start]
        for closure in self.yearly_closures:
            dated.extend(closure.occurrences(start, end))
        return tuple(sorted(dated))

    def _no_run(self, day: date) -> InvalidArgument:
        if self._closed_for_a_year(day.toordinal()):
            return InvalidArgument(
                "closures",
                [*self.closures, *self.yearly_closures],
                f"closures leaving a run within a year after {day.isoformat()} (they close"
                " all runs of a year)",
            )
        return InvalidArgument(
            "runs",
            self.runs,
            f"a run on or after {day.isoformat()} within {_MAX_SEARCH_DAYS} days (the run"
            " schedule has no run)",
        )

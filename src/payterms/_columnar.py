"""The columnar engine behind :mod:`payterms.batch`: due-date rules on arrays of days.

Private module, used by :mod:`payterms.batch` only; numpy is passed in by the caller
(which imports it through :func:`payterms._extras.require`).

A :class:`~payterms.rules.DueRule` is compiled from its public steps into a small
program, and the program runs on an int64 array of day numbers (days since 1970-01-01,
numpy's ``datetime64[D]``): day steps are additions, month steps and month ends go
through ``datetime64[M]``, day-of-month steps clamp to the month's length, weekday steps
are a modulo, business-day steps and adjustments are ``numpy.busday_offset`` on the
``numpy.busdaycalendar`` that :meth:`BusinessCalendar.busdaycalendar
<payterms.calendars.BusinessCalendar.busdaycalendar>` exports.

The engine never raises for a row. Where the single-date function would raise (a date
past year 9999, a rule giving a date before the start, a calendar asked about a year it
does not cover) or where numpy's answer cannot be trusted (a roll that left the years
exported), the row is marked *unsure*; the caller then asks the single-date function
for those rows, which answers or raises exactly as it would on its own. The engine is
therefore never a second definition of the rules: on every row it answers, it must
agree with :meth:`DueRule.apply <payterms.rules.DueRule.apply>`, and the property tests
hold it to that.
"""

from __future__ import annotations

import math
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from attrs import evolve

from payterms.calendars import Adjustment, BusinessCalendar, DayCount
from payterms.conventions import Compounding, RateSplit
from payterms.errors import PaytermsError, RateNotPublished
from payterms.interest import ClaimRules, rate_periods
from payterms.rules import (
    CutOff,
    DayOfMonth,
    DueRule,
    EndOf,
    NextWeekday,
    Period,
    Shift,
    StartOf,
    Unit,
)
from payterms.terms import (
    DiscountTier,
    Installment,
    LineKind,
    PaymentTerms,
    PercentOf,
    Start,
    TaxBase,
)

if TYPE_CHECKING:  # pragma: no cover - typing only
    import numpy as np
    import numpy.typing as npt

    Days = npt.NDArray[np.int64]
    Flags = npt.NDArray[np.bool_]

__all__ = [
    "MAX_DAY",
    "MIN_DAY",
    "BusinessDays",
    "InterestTable",
    "SharePlan",
    "claim_interest_units",
    "compile_rule",
    "interest_table_fits",
    "round_quotient",
    "round_signed",
    "run_rule",
    "share_plan",
    "terms_due_days",
    "terms_schedule_days",
]

_EPOCH = date(1970, 1, 1).toordinal()
MIN_DAY = date(1, 1, 1).toordinal() - _EPOCH
"""Day number of 1 January of year 1 (the first ``datetime.date``)."""
MAX_DAY = date(9999, 12, 31).toordinal() - _EPOCH
"""Day number of 31 December 9999 (the last ``datetime.date``)."""

# Opcodes of a compiled program; consecutive day steps and consecutive calendar steps
# are merged as DueRule merges them (1M+1M is 2M: month arithmetic never drifts).
_DAYS, _MONTHS, _BD, _END, _START, _DOM, _WD, _CUT = range(8)
_PERIODS = {Period.WEEK: 0, Period.MONTH: 1, Period.QUARTER: 3, Period.YEAR: 12}
_MONTHS_PER = {Unit.MONTHS: 1, Unit.QUARTERS: 3, Unit.YEARS: 12}

Program = tuple[tuple[Any, ...], ...]

_MAX_YEARS = 120  # years of a calendar exported to numpy at most, per column

_PROGRAMS: dict[DueRule, Program] = {}
_MAX_PROGRAMS = 4096


def compile_rule(rule: DueRule) -> Program:
    """Return the program of *rule*, compiled once per distinct rule from its public steps."""
    program = _PROGRAMS.get(rule)
    if program is None:
        program = _compile(rule)
        if len(_PROGRAMS) >= _MAX_PROGRAMS:
            _PROGRAMS.clear()
        _PROGRAMS[rule] = program
    return program


def _compile(rule: DueRule) -> Program:
    program: list[tuple[Any, ...]] = []
    for step in rule.steps:
        if isinstance(step, Shift):
            unit = step.unit
            if unit is Unit.DAYS or unit is Unit.WEEKS:
                op, arg = _DAYS, step.count * (7 if unit is Unit.WEEKS else 1)
            elif unit is Unit.BUSINESS_DAYS:
                op, arg = _BD, step.count
            else:
                op, arg = _MONTHS, step.count * _MONTHS_PER[unit]
            if program and program[-1][0] == op and op != _BD:
                arg += program.pop()[1]
            program.append((op, arg))
        elif isinstance(step, EndOf):
            program.append((_END, _PERIODS[step.period]))
        elif isinstance(step, StartOf):
            program.append((_START, _PERIODS[step.period]))
        elif isinstance(step, DayOfMonth):
            program.append((_DOM, step.day))
        elif isinstance(step, NextWeekday):
            program.append((_WD, step.weekday))
        else:
            assert isinstance(step, CutOff)  # noqa: S101 - the step types are closed
            program.append(
                (_CUT, step.day, compile_rule(step.on_or_before), compile_rule(step.after))
            )
    return tuple(program)


# --------------------------------------------------------------------------- calendar maths


def _months(np: Any, days: Days) -> Days:
    """Return the month number (months since January 1970) of each day."""
    result: Days = days.view("datetime64[D]").astype("datetime64[M]").view("int64")
    return result


def _month_start(np: Any, months: Days) -> Days:
    """Return the day number of the first day of each month number."""
    result: Days = months.view("datetime64[M]").astype("datetime64[D]").view("int64")
    return result


def _weekday(days: Days) -> Days:
    """Return the weekday of each day, 0 = Monday (1 January 1970 was a Thursday)."""
    result: Days = (days + 3) % 7
    return result


def _period_start(np: Any, days: Days, period: int) -> Days:
    if period == 0:
        result: Days = days - _weekday(days)
        return result
    months = _months(np, days)
    if period != 1:
        months = months - months % period
    return _month_start(np, months)


def _period_end(np: Any, days: Days, period: int) -> Days:
    if period == 0:
        result: Days = days + (6 - _weekday(days))
        return result
    months = _months(np, days)
    if period != 1:
        months = months - months % period
    return _month_start(np, months + period) - 1


def _add_months(np: Any, days: Days, count: int) -> Days:
    months = _months(np, days)
    offset = days - _month_start(np, months)
    target = months + count
    first = _month_start(np, target)
    length = _month_start(np, target + 1) - first
    result: Days = first + np.minimum(offset, length - 1)
    return result


def _day_of_month(np: Any, days: Days, day: int) -> Days:
    months = _months(np, days)
    first = _month_start(np, months)
    following = _month_start(np, months + 1)
    target = np.minimum(day, following - first)  # 1-based, clamped to the month's length
    this_month = days - first + 1 <= target
    later = np.minimum(day, _month_start(np, months + 2) - following)
    result: Days = np.where(this_month, first + target - 1, following + later - 1)
    return result


# --------------------------------------------------------------------------- business days


class BusinessDays:
    """numpy views of one :class:`BusinessCalendar`, exported for the years a column needs.

    :meth:`roll` and :meth:`offset` answer as numpy does on the years exported; rows whose
    answer (or start) lies outside those years are marked unsure, since numpy knows no
    holidays there and the calendar may not cover them at all.
    """

    def __init__(self, np: Any, calendar: BusinessCalendar) -> None:
        self.np = np
        self.calendar = calendar
        self.first = calendar.first_year
        self.last = calendar.last_year
        self.years: tuple[int, int] | None = None
        self.low = 0
        self.high = -1
        self.exported: Any = None

    def _cover(self, low: int, high: int, ahead: int = 0) -> Any:
        """Export the years around days *low*..*high* (and *ahead* business days on).

        At most :data:`_MAX_YEARS` years are exported (those from the least day on):
        rows beyond are left unsure, for the single-date function to answer.
        """
        first_year = max(self.first, _year_of(low) - 1)
        last_year = min(self.last, _year_of(high) + 1 + ahead // 200)
        if self.years is not None:
            first_year = min(first_year, self.years[0])
            last_year = max(last_year, self.years[1])
        last_year = min(last_year, first_year + _MAX_YEARS - 1)
        if first_year > last_year:
            self.years = None
            self.low, self.high = 0, -1
            return None
        if self.years != (first_year, last_year):
            self.exported = self.calendar.busdaycalendar(first_year, last_year)
            self.years = (first_year, last_year)
            self.low = date(first_year, 1, 1).toordinal() - _EPOCH
            self.high = date(last_year, 12, 31).toordinal() - _EPOCH
        return self.exported

    def _inside(self, days: Days, unsure: Flags, ahead: int = 0) -> tuple[Any, Days]:
        """Return the numpy calendar covering *days* and *days* clipped to its years.

        Rows outside the years exported (the calendar does not cover them) are marked.
        """
        low, high = int(days.min()), int(days.max())
        cal = self._cover(low, high, ahead)
        if cal is None:
            unsure |= True
            return None, days
        if low < self.low or high > self.high:
            unsure |= (days < self.low) | (days > self.high)
            days = self.np.clip(days, self.low, self.high)
        return cal, days

    def _check(self, days: Days, unsure: Flags) -> None:
        """Mark the rows whose answer left the years exported (numpy knows no holidays there)."""
        if len(days) and (int(days.min()) < self.low or int(days.max()) > self.high):
            unsure |= (days < self.low) | (days > self.high)

    def roll(self, days: Days, roll: str, unsure: Flags) -> Days:
        """Return *days* rolled to a business day (``"forward"`` or ``"backward"``)."""
        if not len(days):
            return days
        cal, safe = self._inside(days, unsure)
        if cal is None:
            return days
        result: Days = self.np.busday_offset(
            safe.view("datetime64[D]"), 0, roll=roll, busdaycal=cal
        ).view("int64")
        self._check(result, unsure)
        return result

    def is_business(self, days: Days, unsure: Flags) -> Flags:
        """Return whether each day is a business day (unsure outside the years exported)."""
        np = self.np
        if not len(days):
            return np.zeros(0, dtype=bool)  # type: ignore[no-any-return]
        cal, safe = self._inside(days, unsure)
        if cal is None:
            return np.ones(len(days), dtype=bool)  # type: ignore[no-any-return]
        return np.is_busday(safe.view("datetime64[D]"), busdaycal=cal)  # type: ignore[no-any-return]

    def offset(self, days: Days, count: int, unsure: Flags) -> Days:
        """Return :meth:`BusinessCalendar.add_business_days` of each day, *count* >= 0."""
        np = self.np
        if not len(days):
            return days
        cal, safe = self._inside(days, unsure, count)
        if cal is None:
            return days
        # a day that is not a business day counts as the one before it (QuantLib advance)
        roll = "backward" if count > 0 else "forward"
        rolled = np.busday_offset(safe.view("datetime64[D]"), 0, roll=roll, busdaycal=cal)
        self._check(rolled.view("int64"), unsure)
        rolled = np.clip(rolled.view("int64"), self.low, self.high).view("datetime64[D]")
        result: Days = np.busday_offset(rolled, count, roll="forward", busdaycal=cal).view("int64")
        self._check(result, unsure)
        return result

    def adjust(self, days: Days, adjustment: Adjustment, unsure: Flags) -> Days:
        """Return :meth:`BusinessCalendar.adjust` of each day under *adjustment*."""
        np = self.np
        if adjustment is Adjustment.UNADJUSTED or not len(days):
            return days
        if adjustment is Adjustment.FOLLOWING:
            return self.roll(days, "forward", unsure)
        if adjustment is Adjustment.PRECEDING:
            return self.roll(days, "backward", unsure)
        business = self.is_business(days, unsure)
        closed = ~business
        if not closed.any():
            return days
        moved = days[closed]
        sub_unsure = np.zeros(len(moved), dtype=bool)
        after = self.roll(moved, "forward", sub_unsure)
        before = self.roll(moved, "backward", sub_unsure)
        month = _months(np, moved)
        if adjustment is Adjustment.MODIFIED_FOLLOWING:
            pick = np.where(_months(np, after) != month, before, after)
        elif adjustment is Adjustment.MODIFIED_PRECEDING:
            pick = np.where(_months(np, before) != month, after, before)
        elif adjustment is Adjustment.HALF_MONTH_MODIFIED_FOLLOWING:
            first = _month_start(np, month)
            crosses = (moved - first + 1 <= 15) & (after - first + 1 > 15)
            pick = np.where((_months(np, after) != month) | crosses, before, after)
        else:  # NEAREST: on a tie, the later day
            pick = np.where(after - moved <= moved - before, after, before)
        result: Days = days.copy()
        result[closed] = pick
        unsure[closed] |= sub_unsure
        return result


def _year_of(day: int) -> int:
    return date.fromordinal(min(max(day, MIN_DAY), MAX_DAY) + _EPOCH).year


# --------------------------------------------------------------------------- running rules


def run_rule(
    np: Any,
    program: Program,
    days: Days,
    unsure: Flags,
    business: BusinessDays | None,
) -> Days:
    """Return the program applied to each day; rows it cannot answer are marked in *unsure*.

    A row marked unsure keeps some day in range (so later steps stay harmless) but its
    value means nothing: the caller asks the single-date function for it.
    """
    for op in program:
        code = op[0]
        if code == _DAYS:
            days = days + op[1]
        elif code == _MONTHS:
            days = _add_months(np, days, op[1])
        elif code == _END:
            days = _period_end(np, days, op[1])
        elif code == _START:
            days = _period_start(np, days, op[1])
        elif code == _DOM:
            days = _day_of_month(np, days, op[1])
        elif code == _WD:
            days = days + (op[1] - _weekday(days)) % 7
        elif code == _BD:
            if business is None:  # the rule needs a calendar: the single-date call says so
                unsure |= True
            else:
                days = business.offset(days, op[1], unsure)
        else:
            _, limit, first, second = op
            months = _months(np, days)
            early = days - _month_start(np, months) + 1 <= limit
            result = np.empty_like(days)
            for branch, mask in ((first, early), (second, ~early)):
                if mask.any():
                    sub_unsure = unsure[mask]
                    result[mask] = run_rule(np, branch, days[mask], sub_unsure, business)
                    unsure[mask] = sub_unsure
            days = result
        over = days > MAX_DAY
        if over.any():  # the single-date function raises: past year 9999
            unsure |= over
            days = np.where(over, MAX_DAY, days)
    return days


def terms_due_days(
    np: Any,
    terms: PaymentTerms,
    starts: Days,
    business: BusinessDays | None,
    adjustment: Adjustment,
) -> tuple[Days, Flags]:
    """Return ``terms.due_date`` of each start day, and the rows to ask it about instead."""
    # term holidays move exact dates after the rule: the single-date call applies them
    unsure: Flags = np.full(len(starts), bool(terms.holidays), dtype=bool)
    base = _period_end(np, starts, 1) if terms.start is Start.END_OF_MONTH else starts
    final: Days | None = None
    for line in terms.installments:
        days = run_rule(np, compile_rule(line.rule), base, unsure, business)
        unsure |= days < starts  # a rule giving a date before the start is refused
        if adjustment is not Adjustment.UNADJUSTED:
            if business is None:  # the single-date call names the missing calendar
                unsure |= True
            else:
                days = business.adjust(days, adjustment, unsure)
        final = days if final is None else np.maximum(final, days)
    assert final is not None  # noqa: S101 - terms hold at least one line
    return final, unsure


# --------------------------------------------------------------------------- schedules


def terms_schedule_days(
    np: Any,
    terms: PaymentTerms,
    starts: Days,
    business: BusinessDays | None,
    adjustment: Adjustment,
) -> tuple[Days, Days, Flags]:
    """Return each line's due day and each discount tier's last day, per start day.

    The arrays have one row per line (per tier) and one column per start, in the terms'
    order (the caller sorts the windows by last day); the flags mark the starts
    ``terms.schedule`` would refuse or that the arrays cannot answer.
    """
    unsure: Flags = np.full(len(starts), bool(terms.holidays), dtype=bool)
    base = _period_end(np, starts, 1) if terms.start is Start.END_OF_MONTH else starts

    def dated(rules: list[DueRule], unsure: Flags) -> Days:
        out = np.empty((len(rules), len(starts)), dtype="int64")
        for i, rule in enumerate(rules):
            days = run_rule(np, compile_rule(rule), base, unsure, business)
            unsure |= days < starts
            if adjustment is not Adjustment.UNADJUSTED:
                if business is None:
                    unsure |= True
                else:
                    days = business.adjust(days, adjustment, unsure)
            out[i] = days
        return out  # type: ignore[no-any-return]

    lines = dated([line.rule for line in terms.installments], unsure)
    tiers = dated([tier.rule for tier in terms.discounts], unsure)
    if len(tiers):
        unsure |= (tiers > lines.max(axis=0)).any(axis=0)  # a discount after the final due
    return lines, tiers, unsure


_DOWN_FOR_NEGATIVE = {"ROUND_CEILING": "ROUND_DOWN", "ROUND_FLOOR": "ROUND_UP"}


def round_quotient(np: Any, num: Days, den: int, rounding: str) -> Days:
    """Return ``num / den`` rounded to an integer with a :mod:`decimal` mode (``num >= 0``)."""
    if den == 1:
        return num
    q, r = np.divmod(num, den)
    if rounding in ("ROUND_DOWN", "ROUND_FLOOR"):
        return q  # type: ignore[no-any-return]
    if rounding in ("ROUND_UP", "ROUND_CEILING"):
        up = r > 0
    elif rounding == "ROUND_HALF_UP":
        up = 2 * r >= den
    elif rounding == "ROUND_HALF_DOWN":
        up = 2 * r > den
    elif rounding == "ROUND_HALF_EVEN":
        up = (2 * r > den) | ((2 * r == den) & (q % 2 == 1))
    else:  # ROUND_05UP: away from zero when the digit kept is 0 or 5
        up = (r > 0) & (q % 5 == 0)
    return q + up  # type: ignore[no-any-return]


def round_signed(np: Any, num: Days, den: int, rounding: str) -> Days:
    """Return ``num / den`` rounded to an integer with a :mod:`decimal` mode, any sign."""
    magnitude = np.abs(num)
    up = round_quotient(np, magnitude, den, rounding)
    negative_mode = _DOWN_FOR_NEGATIVE.get(rounding, rounding)
    down = up if negative_mode == rounding else round_quotient(np, magnitude, den, negative_mode)
    return np.where(num < 0, -down, up)  # type: ignore[no-any-return]


def _ratio(value: Decimal) -> tuple[int, int]:
    """Return (numerator, denominator) of *value* / 100 with a power-of-ten denominator."""
    sign, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int)  # noqa: S101 - percentages are finite
    number = int("".join(map(str, digits)) or "0") * (-1 if sign else 1)
    if exponent >= 0:
        return number * 10**exponent, 100
    return number, 100 * 10**-exponent


class SharePlan:
    """The split of an amount by one :class:`PaymentTerms`, as integer arithmetic in minor units.

    Built for terms whose lines are percentages of the total or of the amount after the
    fixed lines, fixed amounts and a balance line, and whose discounts are taken on the
    whole amount (see :func:`share_plan`); everything else is scheduled by
    ``PaymentTerms.schedule`` one invoice at a time.
    """

    def __init__(self, terms: PaymentTerms, exponent: int) -> None:
        lines = terms.installments
        self.count = len(lines)
        balance = [i for i, line in enumerate(lines) if line.kind is LineKind.BALANCE]
        self.residue = balance[0] if balance else self.count - 1
        scale = 10**exponent
        self.fixed: list[tuple[int, int]] = []
        self.whole = True  # every fixed line is a whole number of minor units
        for i, line in enumerate(lines):
            if line.kind is LineKind.FIXED:
                assert line.value is not None  # noqa: S101 - a fixed line has a value
                units = line.value.scaleb(exponent)
                if units != units.to_integral_value():
                    self.whole = False
                self.fixed.append((i, int(units)))
        self.fixed_total = sum(units for _, units in self.fixed)
        self.percents: list[tuple[int, int, int, bool]] = []  # line, num, den, after fixed
        for i, line in enumerate(lines):
            if line.kind is LineKind.PERCENT and i != self.residue:
                assert line.value is not None  # noqa: S101 - a percent line has a value
                num, den = _ratio(line.value)
                self.percents.append((i, num, den, line.of is PercentOf.AFTER_FIXED))
        tier_percents = [tier.percent for tier in terms.discounts]
        assert None not in tier_percents  # noqa: S101 - share_plan admits percentage tiers only
        self.tier_percents = [percent for percent in tier_percents if percent is not None]
        self.tiers = [_ratio(percent) for percent in self.tier_percents]
        common = max([den for _, _, den, _ in self.percents] + [100])
        self.common = common
        parts = [(num * common // den, after) for _, num, den, after in self.percents]
        self.total_part = sum(part for part, after in parts if not after)
        self.after_part = sum(part for part, after in parts if after)
        factors = [num for _, num, _, _ in self.percents] + [num for num, _ in self.tiers]
        largest = max([*factors, common, 1]) + scale
        self.bound = (1 << 62) // largest  # magnitudes above it are left to the exact engine

    def shares(self, np: Any, totals: Days, rounding: str) -> tuple[Days, Flags]:
        """Return each line's share (one row per line) of each total, and the rows left unsure.

        The rules are those of ``PaymentTerms.schedule``: each percentage rounded once, the
        residue to the balance line (the last line without one), a credit note split like
        its absolute value. The rare rows where rounding up takes more than there is, or
        leaves a line at zero that the exact engine would give a unit to, are marked
        unsure, as are the amounts the terms refuse.
        """
        m = len(totals)
        out = np.zeros((self.count, m), dtype="int64")
        if self.count == 1:
            out[0] = totals
            return out, np.zeros(m, dtype=bool)
        negative = totals < 0
        magnitude = np.abs(totals)
        unsure = magnitude > self.bound
        if not self.whole:
            unsure |= True
        magnitude = np.where(unsure, 0, magnitude)
        fixed_total = self.fixed_total
        unsure |= magnitude < fixed_total
        after = magnitude - fixed_total
        rounded = np.full(m, fixed_total, dtype="int64")
        positive = np.full(m, len(self.fixed), dtype="int64")  # lines whose exact share > 0
        for i, units in self.fixed:
            out[i] = units
        for i, num, den, after_fixed in self.percents:
            exact = (after if after_fixed else magnitude) * num
            share = round_quotient(np, exact, den, rounding)
            out[i] = share
            rounded += share
            positive += exact > 0
        # what is left exactly, times the common denominator: never negative for lines
        # summing to 100 %, and refused by the terms when it is
        left = after * (self.common - self.after_part) - magnitude * self.total_part
        unsure |= left < 0
        positive += left > 0
        rest = magnitude - rounded
        out[self.residue] = rest
        unsure |= rest < 0
        # a line left at zero although its exact share is positive gets a unit when the
        # amount has one per line: the exact engine moves it
        zero = out == 0
        exact_zero = np.zeros(m, dtype=bool)
        for i, num, _, after_fixed in self.percents:
            exact_zero |= zero[i] & ((after if after_fixed else magnitude) * num > 0)
        exact_zero |= zero[self.residue] & (left > 0)
        unsure |= exact_zero & (magnitude >= positive)
        out = np.where(negative, -out, out)
        return out, unsure

    def discounts(self, np: Any, totals: Days, rounding: str) -> Days:
        """Return each tier's discount (one row per tier) on each total, rounded once."""
        out = np.empty((len(self.tiers), len(totals)), dtype="int64")
        for k, (num, den) in enumerate(self.tiers):
            out[k] = round_signed(np, totals * num, den, rounding)
        return out  # type: ignore[no-any-return]


_PLANS: dict[tuple[PaymentTerms, int], SharePlan | None] = {}


def share_plan(terms: PaymentTerms, exponent: int) -> SharePlan | None:
    """Return the integer plan of *terms* in minor units of 10**-*exponent*, or None.

    None when the terms need what the plan does not do: a tax amount (a line of the
    untaxed amount, a discount on the amount excluding tax) or a feature of the terms
    beyond percentages, fixed amounts, a balance line and discount tiers on the total
    (checked by rebuilding the terms from those parts alone: terms that differ use
    ``PaymentTerms.schedule``).
    """
    key = (terms, exponent)
    if key in _PLANS:
        return _PLANS[key]
    plan: SharePlan | None = None
    try:
        lines = tuple(
            Installment(line.kind, line.rule, line.value, of=line.of) for line in terms.installments
        )
        tiers = tuple(DiscountTier(tier.percent, tier.rule) for tier in terms.discounts)
        rebuilt = PaymentTerms(
            installments=lines, discounts=tiers, start=terms.start, tax_base=terms.tax_base
        )
    except PaytermsError:  # pragma: no cover - parts of valid terms make valid terms
        rebuilt = None
    plain = (
        rebuilt == terms
        and all(line.kind in _LINE_KINDS and line.of in _BASES for line in lines)
        and (not tiers or terms.tax_base is TaxBase.INCLUDED)
    )
    if plain:
        plan = SharePlan(terms, exponent)
    if len(_PLANS) >= _MAX_PROGRAMS:
        _PLANS.clear()
    _PLANS[key] = plan
    return plan


_LINE_KINDS = frozenset({LineKind.PERCENT, LineKind.FIXED, LineKind.BALANCE})
_BASES = frozenset({PercentOf.TOTAL, PercentOf.AFTER_FIXED})


# --------------------------------------------------------------------------- late interest

_ACTUAL_YEARS = {
    DayCount.ACT_365_FIXED: (365,),
    DayCount.ACT_360: (360,),
    DayCount.ACT_ACT_ISDA: (365, 366),
    DayCount.THIRTY_E_360: (360,),
}
_MAX_RATE_DIGITS = 9  # rates with more decimals than this are left to the exact engine
_MAX_SPAN = 200_000  # days of rates held at most (about 550 years)


class InterestTable:
    """The interest of one set of claim rules over a span of days, as prefix sums in integers.

    Day *x* of the span weighs ``rate(x) / year(x)`` (times its 30E/360 count under that
    convention), written over the common denominator :attr:`denominator`. The interest
    on *base* for the days ``[first, stop)`` is then ``base × (F[stop] − F[first]) /
    denominator`` exactly (one subtraction), whatever the number of rate periods in
    between. Days without a published rate are counted in a prefix of their own, so a
    claim touching one is recognised with one subtraction too.
    """

    def __init__(self, np: Any, rules: ClaimRules, low: int, high: int) -> None:
        self.low = low
        self.high = min(high, low + _MAX_SPAN)
        span = max(self.high - low, 0)
        days = np.arange(low, self.high, dtype="int64")
        day_count = rules.day_count
        years = _ACTUAL_YEARS[day_count]
        common = 1
        for year in years:
            common = common * year // math.gcd(common, year)
        if day_count is DayCount.ACT_ACT_ISDA:
            months = _months(np, days)
            calendar_year = months // 12 + 1970
            leap = (calendar_year % 4 == 0) & (
                (calendar_year % 100 != 0) | (calendar_year % 400 == 0)
            )
            share = np.where(leap, common // 366, common // 365)
        else:
            share = np.full(span, common // years[0], dtype="int64")
        if day_count is DayCount.THIRTY_E_360:
            # each day counts what it adds to 360·year + 30·month + min(day, 30)
            share = share * (_thirty(np, days) - _thirty(np, days - 1))
        rates, available = self._rates(np, rules, low, span)
        self.scale = 10**self.digits
        self.denominator = self.scale * common
        self.rates = rates  # per day, as integers over self.scale
        self.weights = np.concatenate(([0], np.cumsum(rates * share)))
        self.shares = np.concatenate(([0], np.cumsum(share)))
        self.counts = (
            np.concatenate(([0], np.cumsum(_thirty(np, days) - _thirty(np, days - 1))))
            if day_count is DayCount.THIRTY_E_360
            else None
        )
        self.missing = np.concatenate(([0], np.cumsum(~available)))

    def _rates(self, np: Any, rules: ClaimRules, low: int, span: int) -> tuple[Days, Flags]:
        """Return each day's rate (integers over 10**digits) and whether it is published."""
        split = evolve(rules, rate_split=RateSplit.SPLIT)
        pieces: list[tuple[int, int, Decimal]] = []
        cursor, stop = low, low + span
        while cursor < stop:
            end, stretches, missing = stop, None, None
            while stretches is None:  # the longest run of published days from the cursor
                try:
                    stretches, _ = rate_periods(split, _to_date(cursor), _to_date(end))
                except RateNotPublished as exc:
                    gap = exc.on.toordinal() - _EPOCH
                    if not cursor < gap < end:
                        missing = exc
                        break
                    end = gap
            if missing is None:
                pieces += [(_to_day(s.start), _to_day(s.stop), s.rate) for s in stretches or ()]
                cursor = end
            elif missing.first_known is not None and cursor < _to_day(missing.first_known):
                cursor = _to_day(missing.first_known)  # before the table's first day
            elif cursor > _to_day(missing.last_known):
                break  # past the table: nothing more is published
            else:
                cursor += 1  # a day without a rate inside the table (an unconfirmed period)
        digits = 0
        for _, _, rate in pieces:
            exponent = rate.as_tuple().exponent
            digits = max(digits, -exponent if isinstance(exponent, int) and exponent < 0 else 0)
        self.digits = min(digits, _MAX_RATE_DIGITS)
        rates = np.zeros(span, dtype="int64")
        available = np.zeros(span, dtype=bool)
        for start, end, rate in pieces:
            value = rate.scaleb(self.digits)
            if value != value.to_integral_value() or abs(value) >= 1 << 40:
                continue  # too fine a rate: those days are left to the exact engine
            rates[start - low : end - low] = int(value)
            available[start - low : end - low] = True
        return rates, available


def _thirty(np: Any, days: Days) -> Days:
    """Return 360·year + 30·month + min(day, 30) of each day (the 30E/360 day number)."""
    months = _months(np, days)
    day = days - _month_start(np, months) + 1
    result: Days = 30 * months + np.minimum(day, 30)
    return result


def _to_date(day: int) -> date:
    return date.fromordinal(day + _EPOCH)


def _to_day(day: date) -> int:
    return day.toordinal() - _EPOCH


def interest_table_fits(rules: ClaimRules) -> bool:
    """Return whether claims under *rules* without payments can use an :class:`InterestTable`."""
    if rules.day_count not in _ACTUAL_YEARS:
        return False
    return not (rules.rate_split is RateSplit.FIXED_AT_START and (rules.floor or rules.cap))


def claim_interest_units(
    np: Any,
    table: InterestTable,
    rules: ClaimRules,
    base: Days,
    first: Days,
    stop: Days,
    unsure: Flags,
) -> tuple[Days, Days]:
    """Return each claim's interest in minor units (rounded once) and its interest days.

    *base* is in minor units, *first* and *stop* bound the interest days ``[first,
    stop)``. Claims outside the table, on a day without a published rate, longer than
    a year under annual compounding, or too large for int64 products are marked unsure.
    """
    bearing = (first < stop) & (base > 0)
    unsure |= bearing & ((first < table.low) | (stop > table.high))
    inside = bearing & ~unsure
    lo = np.where(inside, first - table.low, 0)
    hi = np.where(inside, stop - table.low, 0)
    if rules.rate_split is RateSplit.FIXED_AT_START:
        gap = table.missing[lo + 1] - table.missing[lo]  # only the first day's rate counts
        weight = table.rates[np.minimum(lo, len(table.rates) - 1)] * (
            table.shares[hi] - table.shares[lo]
        )
    else:
        gap = table.missing[hi] - table.missing[lo]
        weight = table.weights[hi] - table.weights[lo]
    unsure |= inside & (gap > 0)
    if rules.compounding is Compounding.ANNUAL:  # a full year capitalises its interest
        unsure |= inside & (stop - first > 365)
    counts = table.counts if table.counts is not None else None
    days = (counts[hi] - counts[lo]) if counts is not None else hi - lo
    days = np.where(inside, days, 0)
    limit = (1 << 62) // np.maximum(np.abs(weight), 1)
    unsure |= inside & (np.abs(base) > limit)
    weight = np.where(inside & ~unsure, weight, 0)
    units = round_signed(np, base * weight, table.denominator, rules.rounding)
    return units, days

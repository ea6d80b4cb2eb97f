"""Due-date rules: a small algebra of date steps with a text form (``"CM+45D"``).

A :class:`DueRule` is a sequence of steps applied left to right to a start date. Its
text form follows the date formulas that Business Central users write, so that an
accountant can read and write it:

* ``nD nW nM nQ nY``: add days, weeks, months, quarters or years (months clamp to the
  month end: 31 Jan + 1M = 28/29 Feb); ``-nD`` ... go back (``CM-10D``: 10 days before
  the end of the month, as Business Central formulas and Odoo 16+ negative days write it);
* ``nBD``: add n business days (needs a calendar);
* ``CM`` / ``-CM``: to the last / first day of the current month; likewise ``CW``
  (weeks run Monday to Sunday), ``CQ``, ``CY``;
* ``Dn``: to the next day n of a month, on or after (clamped: ``D31`` in February is
  the 28th or 29th);
* ``WDn``: to the next weekday n, on or after (1 = Monday ... 7 = Sunday);
* ``<N: A ? B>``: a cut-off (SAP day limit, prox terms): rule A when the day of the
  month is N or less, rule B otherwise;
* ``0D``: the start date itself.

Order matters: ``CM+45D`` (end of the month, then 45 days) and ``45D+CM`` (45 days,
then the end of that month) are the two lawful readings of "45 jours fin de mois",
and ``1M+CM`` (end of next month) differs from ``CM+1M`` (from 15 Feb: 31 Mar against
28 Mar, because 28 Feb + 1 month is 28 Mar).

Two deliberate choices:

* Consecutive calendar steps (``nM``, ``nQ``, ``nY``) are added as one number of
  months, counted from the date they start from, so ``1M+1M`` means ``2M``
  (31 Jan -> 31 Mar, not 28 Mar) and ``1Y+1M`` means ``1M+1Y``: month arithmetic
  never drifts with the way a formula is written.
* Offsets may be negative (``CM-10D``, ``-10D+CM+10D``: Odoo 16's "next 10th"), and so
  may the start-of-period anchors ``-CW -CM -CQ -CY`` (``-CM+1M+D20``: the 20th of next
  month). A rule may give a date before its start; payment terms refuse one that does
  (a due date never precedes the start date: :class:`~payterms.errors.InvalidTerms`
  naming the rule and the date it gives).

More information:

* Microsoft, Business Central, "Using Date Formulas" and ``System.CalcDate``.
* SAP, "Cash Discount Percentage Rates and Cash Discount Terms" (day limits).
* Zuora, "Prox payment term examples".

>>> from datetime import date
>>> rule = DueRule.parse("CM+45D")
>>> rule.apply(date(2026, 1, 15))
datetime.date(2026, 3, 17)
>>> DueRule.parse("45D+CM").apply(date(2026, 1, 15))
datetime.date(2026, 3, 31)
>>> str(DueRule.parse(" <12 : -cm + 1m + d20 ? -cm+2m+d20 > "))
'<12: -CM+1M+D20 ? -CM+2M+D20>'
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, timedelta
from enum import Enum

from attrs import field, frozen

from payterms._checks import check_date, check_text, year_limit
from payterms.calendars import BusinessCalendar
from payterms.errors import InvalidArgument, InvalidTerms, InvalidType, LimitExceeded, ParseError
from payterms.limits import MAX_COUNT, MAX_DEPTH

__all__ = [
    "MAX_COUNT",
    "CutOff",
    "DayOfMonth",
    "DueRule",
    "EndOf",
    "NextWeekday",
    "Period",
    "Shift",
    "StartOf",
    "Step",
    "Unit",
    "add_months",
    "as_rule",
    "end_of_month",
]


class Unit(Enum):
    """The unit of a :class:`Shift` step; the value is its letter in the text form."""

    DAYS = "D"
    """Calendar days (``30D``)."""

    WEEKS = "W"
    """Weeks of seven days (``2W``)."""

    MONTHS = "M"
    """Calendar months, the day clamped to the month end (``1M``; Business Central)."""

    QUARTERS = "Q"
    """Three calendar months (``1Q``; Business Central)."""

    YEARS = "Y"
    """Twelve calendar months (``1Y``; 29 Feb + 1Y = 28 Feb)."""

    BUSINESS_DAYS = "BD"
    """Business days of the calendar given at apply time (``5BD``)."""


class Period(Enum):
    """The period of an :class:`EndOf` / :class:`StartOf` anchor (``CM``, ``-CQ`` ...)."""

    WEEK = "W"
    """Monday to Sunday (ISO 8601 weeks; Business Central ``CW``)."""

    MONTH = "M"
    """The calendar month (``CM``)."""

    QUARTER = "Q"
    """The calendar quarter: Jan-Mar, Apr-Jun, Jul-Sep, Oct-Dec (``CQ``)."""

    YEAR = "Y"
    """The calendar year (``CY``)."""


def _check_count(value: object, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidType(name, value, "an int")
    if not -MAX_COUNT <= value <= MAX_COUNT:
        raise LimitExceeded(
            name,
            value,
            f"a whole number from -{MAX_COUNT} to {MAX_COUNT} (negative: back)",
            "MAX_COUNT",
        )
    return value


def _check_shift_count(value: object) -> int:
    return _check_count(value, "count")


def _check_unit(value: object) -> Unit:
    if not isinstance(value, Unit):
        raise InvalidType("unit", value, "a payterms.rules.Unit member")
    return value


def _check_period(value: object) -> Period:
    if not isinstance(value, Period):
        raise InvalidType("period", value, "a payterms.rules.Period member")
    return value


def _check_day(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidType("day", value, "an int")
    if not 1 <= value <= 31:
        raise InvalidTerms("day", value, "a day of the month from 1 to 31")
    return value


def _check_weekday(value: object) -> int:
    wd = getattr(value, "weekday", None)
    if isinstance(wd, int) and not isinstance(value, int) and getattr(value, "n", None) is None:
        value = wd  # dateutil's MO ... SU
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidType("weekday", value, "an int from 0 (Monday) to 6, or dateutil's MO...SU")
    if not 0 <= value <= 6:
        raise InvalidTerms("weekday", value, "a weekday from 0 (Monday) to 6 (Sunday)")
    return value


@frozen
class Shift:
    """Add *count* units (``30D``, ``2W``, ``1M``, ``1Q``, ``1Y``, ``5BD``); back if negative.

    >>> str(Shift(45, Unit.DAYS)), str(DueRule((EndOf(Period.MONTH), Shift(-10))))
    ('45D', 'CM-10D')
    """

    count: int = field(converter=_check_shift_count)
    unit: Unit = field(default=Unit.DAYS, converter=_check_unit)

    def __str__(self) -> str:
        return f"{self.count}{self.unit.value}"


@frozen
class EndOf:
    """Move to the last day of the current week, month, quarter or year (``CM``).

    >>> str(EndOf(Period.MONTH))
    'CM'
    """

    period: Period = field(converter=_check_period)

    def __str__(self) -> str:
        return f"C{self.period.value}"


@frozen
class StartOf:
    """Move to the first day of the current week, month, quarter or year (``-CM``).

    >>> str(StartOf(Period.MONTH))
    '-CM'
    """

    period: Period = field(converter=_check_period)

    def __str__(self) -> str:
        return f"-C{self.period.value}"


@frozen
class DayOfMonth:
    """Move to the next day *day* of a month, on or after (clamped: ``D31`` in April is the 30th).

    >>> str(DayOfMonth(10))
    'D10'
    """

    day: int = field(converter=_check_day)

    def __str__(self) -> str:
        return f"D{self.day}"


@frozen
class NextWeekday:
    """Move to the next *weekday* on or after (0 = Monday, as ``date.weekday()``; or dateutil's FR).

    The text form counts from 1 = Monday, as Business Central does.

    >>> from dateutil.relativedelta import FR
    >>> NextWeekday(FR) == NextWeekday(4), str(NextWeekday(4))
    (True, 'WD5')
    """

    weekday: int = field(converter=_check_weekday)

    def __str__(self) -> str:
        return f"WD{self.weekday + 1}"


def _check_rule(value: object, name: str) -> DueRule:
    if isinstance(value, str):
        return DueRule.parse(value)
    if not isinstance(value, DueRule):
        raise InvalidType(name, value, "a DueRule or its text such as '1M+CM'")
    return value


def _check_first_rule(value: object) -> DueRule:
    return _check_rule(value, "on_or_before")


def _check_second_rule(value: object) -> DueRule:
    return _check_rule(value, "after")


@frozen
class CutOff:
    """Apply *on_or_before* when the day of the month is *day* or less, *after* otherwise.

    This is SAP's day limit and the cut-off of "prox" terms. Text: ``<25: 1M+CM ? 2M+CM>``.

    >>> str(CutOff(15, "1M+CM", "-CM+2M+D15"))
    '<15: 1M+CM ? -CM+2M+D15>'
    """

    day: int = field(converter=_check_day)
    on_or_before: DueRule = field(converter=_check_first_rule)
    after: DueRule = field(converter=_check_second_rule)

    def __str__(self) -> str:
        return f"<{self.day}: {self.on_or_before} ? {self.after}>"


Step = Shift | EndOf | StartOf | DayOfMonth | NextWeekday | CutOff
"""One step of a :class:`DueRule`."""

_STEP_TYPES = (Shift, EndOf, StartOf, DayOfMonth, NextWeekday, CutOff)

# ----------------------------------------------------------------------------- date maths

_DAYS_IN_MONTH = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _month_length(year: int, month: int) -> int:
    if month == 2 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0):
        return 29
    return _DAYS_IN_MONTH[month]


def add_months(day: date, months: int) -> date:
    """Return *day* plus *months* calendar months, the day clamped to the target month's length.

    >>> add_months(date(2026, 1, 31), 1), add_months(date(2024, 1, 31), 1)
    (datetime.date(2026, 2, 28), datetime.date(2024, 2, 29))
    >>> add_months(date(2026, 1, 31), 2)
    datetime.date(2026, 3, 31)
    """
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, _month_length(year, month)))


def end_of_month(day: date) -> date:
    """Return the last day of *day*'s month.

    >>> end_of_month(date(2028, 2, 3))
    datetime.date(2028, 2, 29)
    """
    return date(day.year, day.month, _month_length(day.year, day.month))


def _day_of_month(day: date, n: int) -> date:
    target = min(n, _month_length(day.year, day.month))
    if day.day <= target:
        return day.replace(day=target)
    year, month = (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)
    return date(year, month, min(n, _month_length(year, month)))


# Compiled program: (opcode, integer argument) pairs, consecutive calendar steps merged;
# a cut-off's argument indexes the rule's tuple of cut-offs.
_OP_DAYS, _OP_MONTHS, _OP_BD, _OP_END, _OP_START, _OP_DOM, _OP_WD, _OP_CUT = range(8)
_PERIOD_CODE = {Period.WEEK: 0, Period.MONTH: 1, Period.QUARTER: 2, Period.YEAR: 3}
_MONTHS_PER = {Unit.MONTHS: 1, Unit.QUARTERS: 3, Unit.YEARS: 12}
_Program = tuple[tuple[int, int], ...]


def _compile(steps: tuple[Step, ...]) -> tuple[_Program, tuple[CutOff, ...]]:
    program: list[tuple[int, int]] = []
    cuts: list[CutOff] = []
    for step in steps:
        if isinstance(step, Shift):
            unit = step.unit
            if unit is Unit.DAYS or unit is Unit.WEEKS:
                op, arg = _OP_DAYS, step.count * (7 if unit is Unit.WEEKS else 1)
            elif unit is Unit.BUSINESS_DAYS:
                op, arg = _OP_BD, step.count
            else:
                op, arg = _OP_MONTHS, step.count * _MONTHS_PER[unit]
            if program and program[-1][0] == op and op != _OP_BD:
                arg += program.pop()[1]
            program.append((op, arg))
        elif isinstance(step, EndOf):
            program.append((_OP_END, _PERIOD_CODE[step.period]))
        elif isinstance(step, StartOf):
            program.append((_OP_START, _PERIOD_CODE[step.period]))
        elif isinstance(step, DayOfMonth):
            program.append((_OP_DOM, step.day))
        elif isinstance(step, NextWeekday):
            program.append((_OP_WD, step.weekday))
        else:
            program.append((_OP_CUT, len(cuts)))
            cuts.append(step)
    return tuple(program), tuple(cuts)


def _end_of(day: date, period: int) -> date:
    if period == 1:
        return date(day.year, day.month, _month_length(day.year, day.month))
    if period == 0:
        return day + timedelta(days=6 - day.weekday())
    if period == 2:
        month = (day.month - 1) // 3 * 3 + 3
        return date(day.year, month, _month_length(day.year, month))
    return date(day.year, 12, 31)


def _start_of(day: date, period: int) -> date:
    if period == 1:
        return date(day.year, day.month, 1)
    if period == 0:
        return day - timedelta(days=day.weekday())
    if period == 2:
        return date(day.year, (day.month - 1) // 3 * 3 + 1, 1)
    return date(day.year, 1, 1)


def _run(rule: DueRule, start: date, calendar: BusinessCalendar | None) -> date:
    day = start
    for op, arg in rule._program:
        if op == _OP_DAYS:
            day = day + timedelta(days=arg)
        elif op == _OP_MONTHS:
            day = add_months(day, arg)
        elif op == _OP_END:
            day = _end_of(day, arg)
        elif op == _OP_START:
            day = _start_of(day, arg)
        elif op == _OP_DOM:
            day = _day_of_month(day, arg)
        elif op == _OP_WD:
            day = day + timedelta(days=(arg - day.weekday()) % 7)
        elif op == _OP_BD:
            if calendar is None:
                raise InvalidArgument(
                    "calendar",
                    None,
                    f"a BusinessCalendar: the rule {rule._text!r} counts business days",
                )
            day = calendar.add_business_days(day, arg)
        else:
            cut = rule._cuts[arg]
            day = _run(cut.on_or_before if day.day <= cut.day else cut.after, day, calendar)
    return day


# ----------------------------------------------------------------------------- the rule


def _check_steps(value: object) -> tuple[Step, ...]:
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        raise InvalidType("steps", value, "a sequence of steps (or use DueRule.parse(text))")
    steps = tuple(value)
    if not steps:
        raise InvalidTerms("steps", steps, "at least one step (Shift(0) for the start date)")
    for i, step in enumerate(steps):
        if not isinstance(step, _STEP_TYPES):
            raise InvalidType(f"steps[{i}]", step, "a Shift, EndOf, StartOf, DayOfMonth, ...")
    return steps


@frozen(cache_hash=True)
class DueRule:
    """Return dates computed from a start date by a sequence of steps (see the module doc).

    A frozen, hashable value. Build it from text with :meth:`parse`, from a number of
    days with :meth:`days`, or from step values. ``str(rule)`` gives the canonical text
    and ``DueRule.parse(str(rule)) == rule``. Rules compare by their steps as written:
    ``1M+1M`` and ``2M`` give the same dates but are two different values.

    >>> rule = DueRule.parse("1M+CM")            # end of next month
    >>> rule.apply(date(2026, 2, 15)), DueRule.parse("CM+1M").apply(date(2026, 2, 15))
    (datetime.date(2026, 3, 31), datetime.date(2026, 3, 28))
    >>> DueRule((Shift(2, Unit.MONTHS), DayOfMonth(20))) == DueRule.parse("2M+D20")
    True
    """

    steps: tuple[Step, ...] = field(converter=_check_steps)
    _program: _Program = field(init=False, eq=False, hash=False, repr=False)
    _cuts: tuple[CutOff, ...] = field(init=False, eq=False, hash=False, repr=False)
    _text: str = field(init=False, eq=False, hash=False, repr=False)
    _depth: int = field(init=False, eq=False, hash=False, repr=False)
    _offset: timedelta | None = field(init=False, eq=False, hash=False, repr=False)

    def __attrs_post_init__(self) -> None:
        program, cuts = _compile(self.steps)
        depth = max((1 + max(c.on_or_before._depth, c.after._depth) for c in cuts), default=0)
        if depth > MAX_DEPTH:
            raise LimitExceeded(
                "steps",
                f"cut-offs nested {depth} deep",
                f"cut-offs nested at most {MAX_DEPTH} deep",
                "MAX_DEPTH",
            )
        object.__setattr__(self, "_depth", depth)
        object.__setattr__(self, "_program", program)
        object.__setattr__(self, "_cuts", cuts)
        # a rule of day steps only ("30D", "2W") is one addition: apply skips the program
        offset = None
        if all(op == _OP_DAYS for op, _ in program):
            offset = timedelta(days=sum(arg for _, arg in program))
        object.__setattr__(self, "_offset", offset)
        parts = []
        for i, step in enumerate(self.steps):
            text = str(step)
            if i and not text.startswith("-"):
                text = "+" + text
            parts.append(text)
        object.__setattr__(self, "_text", "".join(parts))

    def __str__(self) -> str:
        return self._text

    def __repr__(self) -> str:
        return f"DueRule.parse({self._text!r})"

    # -- construction ------------------------------------------------------------------

    @classmethod
    def days(cls, n: int) -> DueRule:
        """Return the rule "n days after the start" (``DueRule.days(30) == DueRule.parse("30D")``).

        >>> DueRule.days(30).apply(date(2028, 1, 31))
        datetime.date(2028, 3, 1)
        """
        return cls((Shift(_check_count(n, "n"), Unit.DAYS),))

    @classmethod
    def parse(cls, text: str) -> DueRule:
        """Return the rule written as *text* (``"CM+45D"``, ``"<15: 1M+CM ? -CM+2M+D15>"``).

        Case and spaces do not matter. A step that cannot be read raises
        :class:`~payterms.errors.ParseError` with its position.

        >>> DueRule.parse("cm + 45d")
        DueRule.parse('CM+45D')
        >>> DueRule.parse("CM+45X")
        Traceback (most recent call last):
        payterms.errors.ParseError: cannot read 'CM+45X' at position 3 ('45X'): expected a step ...
        """
        if not isinstance(text, str):
            raise InvalidType("text", text, "a date formula such as 'CM+45D'")
        check_text(text)
        parser = _Parser(text)
        rule = parser.rule()
        parser.skip_space()
        if parser.pos != len(text):
            raise ParseError(text, parser.pos, "'+' between steps, or the end of the formula")
        return rule

    # -- use ---------------------------------------------------------------------------

    @property
    def needs_calendar(self) -> bool:
        """Return whether applying the rule needs a calendar (it has a business-day step).

        >>> DueRule.parse("5BD").needs_calendar, DueRule.parse("<5: 5BD ? 0D>").needs_calendar
        (True, True)
        """
        for step in self.steps:
            if isinstance(step, Shift) and step.unit is Unit.BUSINESS_DAYS:
                return True
            if isinstance(step, CutOff) and (
                step.on_or_before.needs_calendar or step.after.needs_calendar
            ):
                return True
        return False

    @property
    def has_cutoff(self) -> bool:
        """Return whether the rule holds a cut-off (then a later start can give an earlier date).

        >>> DueRule.parse("<12: D20 ? 1M+D20>").has_cutoff
        True
        """
        return any(isinstance(step, CutOff) for step in self.steps)

    @property
    def is_forward(self) -> bool:
        """Return whether the rule can never give a date before the start (nothing goes back).

        >>> DueRule.parse("CM+45D").is_forward, DueRule.parse("-CM+1M+D20").is_forward
        (True, False)
        """
        for step in self.steps:
            if isinstance(step, StartOf) or (isinstance(step, Shift) and step.count < 0):
                return False
            if isinstance(step, CutOff) and not (
                step.on_or_before.is_forward and step.after.is_forward
            ):
                return False
        return True

    def apply(self, start: date, calendar: BusinessCalendar | None = None) -> date:
        """Return the date the rule gives from *start*; *calendar* is needed for ``nBD`` steps.

        >>> DueRule.parse("60D+CM+D10").apply(date(2026, 1, 15))    # "60 jours fin de mois le 10"
        datetime.date(2026, 4, 10)
        >>> DueRule.parse("<12: -CM+1M+D20 ? -CM+2M+D20>").apply(date(2026, 8, 15))
        datetime.date(2026, 10, 20)
        """
        if type(start) is not date:
            check_date(start, "start")
        if calendar is not None and not isinstance(calendar, BusinessCalendar):
            raise InvalidType("calendar", calendar, "a payterms.BusinessCalendar or None")
        if self._offset is not None and type(start) is date:
            try:
                return start + self._offset
            except OverflowError:
                pass  # the program below names the rule in its error
        try:
            return _run(self, start, calendar)
        except (OverflowError, ValueError) as exc:
            if isinstance(exc, InvalidArgument):
                raise
            raise year_limit("start", start, f"a date from which {self._text!r} stays") from None


# ----------------------------------------------------------------------------- parsing

_TOKEN = re.compile(
    r"""
    (?P<count>[0-9]+)\s*(?P<unit>BD|[DWMQY])(?![A-Z0-9])   # 30D 5BD 1M
    | C\s*(?P<period>[WMQY])(?![A-Z0-9])                    # CM CQ
    | WD\s*(?P<weekday>[0-9]+)(?![A-Z0-9])                   # WD5
    | D\s*(?P<day>[0-9]+)(?![A-Z0-9])                        # D10
    """,
    re.VERBOSE | re.IGNORECASE,
)
_DIGITS = re.compile(r"[0-9]+")
_COUNT_DIGITS = len(str(MAX_COUNT))


def _small_int(digits: str) -> int:
    """Return the int of ASCII *digits*, capped at MAX_COUNT + 1 (the caller refuses it)."""
    stripped = digits.lstrip("0")
    return MAX_COUNT + 1 if len(stripped) > _COUNT_DIGITS else int(digits)


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        self.depth = 0

    def skip_space(self) -> None:
        text, pos = self.text, self.pos
        while pos < len(text) and text[pos].isspace():
            pos += 1
        self.pos = pos

    def peek(self) -> str:
        self.skip_space()
        return self.text[self.pos] if self.pos < len(self.text) else ""

    def error(self, expected: str, pos: int | None = None) -> ParseError:
        return ParseError(self.text, self.pos if pos is None else pos, expected)

    def number(self, lo: int, hi: int, what: str) -> int:
        self.skip_space()
        m = _DIGITS.match(self.text, self.pos)
        if m is None:
            raise self.error(what)
        value = _small_int(m.group())
        if not lo <= value <= hi:
            raise self.error(f"{what} from {lo} to {hi}")
        self.pos = m.end()
        return value

    def rule(self) -> DueRule:
        steps: list[Step] = []
        while True:
            negative = False
            sign = self.peek()
            sign_pos = self.pos
            if sign in "+-" and sign:
                if sign == "+" and not steps:
                    raise self.error("a step such as '30D' or 'CM'")
                negative = sign == "-"
                self.pos += 1
            elif steps:
                break
            steps.append(self.step(negative=negative, sign_pos=sign_pos))
        return DueRule(tuple(steps))

    def step(self, *, negative: bool, sign_pos: int) -> Step:
        self.skip_space()
        start = self.pos
        if self.peek() == "<":
            if negative:
                raise self.error("a cut-off without a sign", sign_pos)
            return self.cutoff()
        m = _TOKEN.match(self.text, start)
        if m is None:
            raise self.error(
                "a step such as '30D', '2W', '1M', '1Q', '1Y', '5BD', 'CM', '-CM', 'D10', "
                "'WD5' or a cut-off '<15: ... ? ...>'"
            )
        if negative and m.group("period") is None and m.group("count") is None:
            raise self.error(
                "a step that can go back after '-': a count ('-10D', '-1M') or a period "
                "start ('-CM'); 'D10' and 'WD5' go forward only",
                sign_pos,
            )
        self.pos = m.end()
        if m.group("count") is not None:
            count = _small_int(m.group("count"))
            if count > MAX_COUNT:
                raise self.error(
                    f"a number from 0 to {MAX_COUNT} (payterms.limits.MAX_COUNT)", start
                )
            return Shift(-count if negative else count, Unit(m.group("unit").upper()))
        if m.group("period") is not None:
            period = Period(m.group("period").upper())
            return StartOf(period) if negative else EndOf(period)
        if m.group("weekday") is not None:
            weekday = _small_int(m.group("weekday"))
            if not 1 <= weekday <= 7:
                raise self.error("a weekday from 1 (Monday) to 7 (Sunday) after 'WD'", start)
            return NextWeekday(weekday - 1)
        day = _small_int(m.group("day"))
        if not 1 <= day <= 31:
            raise self.error("a day of the month from 1 to 31 after 'D'", start)
        return DayOfMonth(day)

    def cutoff(self) -> CutOff:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise self.error(
                f"cut-offs nested at most {MAX_DEPTH} deep (payterms.limits.MAX_DEPTH)"
            )
        self.pos += 1  # '<'
        day = self.number(1, 31, "a cut-off day of the month")
        if self.peek() != ":":
            raise self.error("':' after the cut-off day")
        self.pos += 1
        first = self.rule()
        if self.peek() != "?":
            raise self.error("'?' between the two rules of a cut-off")
        self.pos += 1
        second = self.rule()
        if self.peek() != ">":
            raise self.error("'>' closing the cut-off")
        self.pos += 1
        self.depth -= 1
        return CutOff(day, first, second)


def as_rule(value: DueRule | str, name: str = "rule") -> DueRule:
    """Return *value* as a :class:`DueRule`, parsing it when it is text.

    >>> as_rule("30D") == DueRule.days(30)
    True
    """
    return _check_rule(value, name)

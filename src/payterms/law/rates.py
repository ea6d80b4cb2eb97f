"""Rate rules: a published table, plus a margin, fixed per half-year, rounded as the law says.

A statutory rate is a formula over a published series: Belgium takes the ECB rate,
adds 8 points and rounds *up* to the next half point; Germany adds 9 points to the
Basiszinssatz; France's default takes the ECB rate in force on 1 January or 1 July and
adds 10 points. :class:`TableRate` is that formula as a value. It is also how a
contract's "reference rate + margin" clause is written.

Like every annual rate in payterms, the rates a rule gives and its *margin* are fractions
(``Decimal('0.115')`` for 11.5 %); the tables hold the numbers as published, in percent,
and the statutory roundings work on the percent (11.15 % rounds up to 11.5 %)::

    >>> from datetime import date
    >>> from decimal import Decimal
    >>> TableRate("ecb_mro", margin=Decimal("0.08"), fixing=Fixing.SEMESTER_START,
    ...           rounding=RateRounding.HALF_POINT_UP).rate_on(date(2025, 3, 1))
    Decimal('0.115')
    >>> TableRate("de_basiszinssatz", margin=Decimal("0.09")).rate_on(date(2020, 1, 1))
    Decimal('0.0812')
"""

from __future__ import annotations

import datetime as _dt
import functools
from bisect import bisect_left, bisect_right
from collections.abc import Mapping
from decimal import ROUND_CEILING, Decimal
from enum import Enum

from attrs import evolve, field, frozen

from payterms._checks import check_date, to_decimal
from payterms.conventions import RateAssumption, RateSegment, RateSource
from payterms.errors import InvalidArgument, InvalidType, RateNotPublished
from payterms.law.tables import (
    TABLE_NAMES,
    RateEntry,
    RateStatus,
    RateTable,
    rate_table,
    unconfirmed_reason,
)
from payterms.money import CONTEXT

__all__ = [
    "Fixing",
    "RateRounding",
    "Switch",
    "TableRate",
    "Unconfirmed",
    "naming_formula",
    "table_names",
    "using",
]

_ONE_DAY = _dt.timedelta(days=1)
_HALF = Decimal("0.5")


class Fixing(Enum):
    """Which day of the table fixes the rate for a given interest day."""

    ON_DAY = "on_day"
    """The table's rate in force on the interest day itself (national tables that are
    already published per half-year: BE, NL, DE, FR, UK)."""

    SEMESTER_START = "semester_start"
    """The table's rate in force on 1 January for the first half-year and on 1 July for
    the second (Directive 2011/7/EU art. 3(2); FR Code de commerce art. L441-10 II).
    No ECB change since 2008 took effect on 1 January or 1 July, so this equals "the
    most recent operation before the first calendar day" of the half-year (NL, BE, DE)."""


class RateRounding(Enum):
    """How a statutory rate formula rounds its result, in percent."""

    NONE = "none"
    """No rounding (Directive, NL, LU, DE, FR)."""

    HALF_POINT_UP = "half_point_up"
    """Up to the next multiple of 0.5 point; exact half points stay (BE law of
    2 August 2002, art. 5: "arrondi au demi-point de pourcentage supérieur")."""

    def apply(self, rate: Decimal) -> Decimal:
        """Return *rate* rounded by this rule.

        >>> [str(RateRounding.HALF_POINT_UP.apply(Decimal(r))) for r in ("8.05", "8.00", "11.15")]
        ['8.5', '8.0', '11.5']
        """
        if self is RateRounding.NONE:
            return rate
        halves = CONTEXT.divide(rate, _HALF).to_integral_value(rounding=ROUND_CEILING)
        return CONTEXT.multiply(halves, _HALF).quantize(Decimal("0.1"), context=CONTEXT)


_Value = tuple[Decimal | None, str | None, str]


@functools.lru_cache(maxsize=1024)  # bounded: callers may build many rules
def _schedule(
    rule: TableRate,
) -> tuple[tuple[_dt.date, ...], tuple[_Value, ...], tuple[RateSegment, ...], _dt.date, _dt.date]:
    """Return the rule's change days, values, segments, first and last day covered.

    Values are (rate, note, why-unavailable); segments carry a zero rate where none is
    available (callers check the values first).
    """
    data = rule._data
    if rule.fixing is Fixing.SEMESTER_START:
        day = _semester_start(data.first_known)
        if day < data.first_known:
            day = _next_semester(day)
        candidates = []
        while day <= data.last_known:
            candidates.append(day)
            day = _next_semester(day)
    else:
        candidates = [e.valid_from for e in data.entries]
    end = rule.last_known
    if rule.assume is RateAssumption.CARRY_FORWARD or rule.fallback is not None:
        candidates.append(end + _ONE_DAY)  # carried forward, or left to the fallback
        end = _dt.date.max
    points: list[_dt.date] = []
    values: list[_Value] = []
    for day in candidates:
        value = rule._quote(day)
        if values and values[-1] == value:
            continue
        points.append(day)
        values.append(value)
    segments = tuple(
        (day, rate if rate is not None else Decimal(0), note)
        for day, (rate, note, _) in zip(points, values, strict=True)
    )
    return tuple(points), tuple(values), segments, candidates[0], end


def _semester_start(day: _dt.date) -> _dt.date:
    return _dt.date(day.year, 1 if day.month < 7 else 7, 1)


def _next_semester(day: _dt.date) -> _dt.date:
    return _dt.date(day.year, 7, 1) if day.month < 7 else _dt.date(day.year + 1, 1, 1)


def _to_decimal_margin(value: object) -> Decimal:
    margin = to_decimal(value, "margin")
    if abs(margin) > 1:
        raise InvalidArgument(
            "margin", value, "a fraction such as Decimal('0.08') for 8 points (not a percent)"
        )
    return margin


def _to_decimal_multiplier(value: object) -> Decimal:
    return to_decimal(value, "multiplier")


def _check_data(value: object) -> RateTable | None:
    if value is not None and not isinstance(value, RateTable):
        raise InvalidType("data", value, "a payterms.law.RateTable or None")
    return value


@frozen
class TableRate:
    """*multiplier* × the *table*'s rate + *margin*, fixed per *fixing*, rounded.

    The result and *margin* are fractions (``Decimal('0.08')`` for "+ 8 points"); a
    margin above 1 is refused as a percent typed in place of a fraction. *table* names a
    shipped table (:data:`payterms.law.tables.TABLE_NAMES`); *data*, when given, is the
    table used instead (a user's table, or a shipped one with a user's rows laid over
    it: see :meth:`using`). A day without a confirmed rate (past the table's last day,
    or on an unconfirmed row) raises :class:`~payterms.errors.RateNotPublished`, unless
    *assume* is :attr:`~payterms.interest.RateAssumption.CARRY_FORWARD` (the figure an
    unconfirmed row reports is used, else the last figure before it continues; every
    affected stretch says so) or a *fallback* rule is given (used on those days: the
    statutory formula of :attr:`~payterms.interest.RateAssumption.STATUTORY_FORMULA`).
    *derived*, when set, is the note reported with every rate (a rate computed where a
    publication exists but was not read). *formula* is set by the regime that reads the
    rule (see :func:`naming_formula`): whether its ``RateNotPublished`` names
    ``STATUTORY_FORMULA`` as a way out (``None``: named with its condition).

    >>> from datetime import date
    >>> TableRate("de_basiszinssatz", margin=Decimal("0.09")).rate_segments(
    ...     date(2023, 6, 21), date(2023, 9, 1))
    [(datetime.date(2023, 6, 21), Decimal('0.1062'), None),
     (datetime.date(2023, 7, 1), Decimal('0.1212'), None)]
    """

    table: str
    margin: Decimal = field(default=Decimal(0), converter=_to_decimal_margin)
    multiplier: Decimal = field(default=Decimal(1), converter=_to_decimal_multiplier)
    fixing: Fixing = Fixing.ON_DAY
    rounding: RateRounding = RateRounding.NONE
    derived: str | None = None
    assume: RateAssumption | None = None
    data: RateTable | None = field(default=None, repr=False, converter=_check_data)
    fallback: RateSource | None = field(default=None, repr=False)
    formula: bool | None = field(default=None, repr=False)

    def __attrs_post_init__(self) -> None:
        if self.data is None and self.table not in TABLE_NAMES:
            raise InvalidArgument("table", self.table, f"one of {', '.join(TABLE_NAMES)}")

    @property
    def _data(self) -> RateTable:
        if self.data is not None:
            return self.data
        return rate_table(self.table)  # read once, on first use

    @property
    def last_known(self) -> _dt.date:
        """Return the last day this rule's table speaks for (whatever its rows' status)."""
        last = self._data.last_known
        if self.fixing is Fixing.SEMESTER_START:
            return _next_semester(last) - _ONE_DAY
        return last

    @property
    def table_names(self) -> tuple[str, ...]:
        """Return the names of the tables this rule reads (its own, then its fallback's).

        >>> from payterms.law import regime
        >>> regime("BE").rate_source(RateAssumption.STATUTORY_FORMULA).table_names
        ('be_late_payment', 'ecb_mro')
        """
        return tuple(dict.fromkeys((self.table, *table_names(self.fallback))))

    def using(self, tables: Mapping[str, RateTable]) -> TableRate:
        r"""Return this rule reading ``tables[name]`` for every table *name* it uses.

        >>> from datetime import date
        >>> from payterms.law.tables import RateTable
        >>> mine = RateTable.from_csv("# covers_until: 2026-12-31\nvalid_from,rate\n"
        ...                           "2026-01-01,2.00\n", name="ecb_mro")
        >>> TableRate("ecb_mro", margin=Decimal("0.02")).using({"ecb_mro": mine}).rate_on(
        ...     date(2026, 9, 1))
        Decimal('0.0400')
        """
        rule = self
        if self.table in tables:
            rule = evolve(rule, data=tables[self.table])
        if self.fallback is not None:
            rule = evolve(rule, fallback=using(self.fallback, tables))
        return rule

    def _formula(self, value: Decimal) -> Decimal:
        # tables and statutory roundings are in percent; rates leave as fractions
        percent = self.multiplier * value + self.margin.scaleb(2)
        return self.rounding.apply(percent).scaleb(-2)

    def _quote(self, day: _dt.date) -> _Value:
        """Return (rate, note, "") for *day*, or (None, None, why) where there is none."""
        fix = _semester_start(day) if self.fixing is Fixing.SEMESTER_START else day
        data = self._data
        carry = self.assume is RateAssumption.CARRY_FORWARD
        notes: list[str] = []
        if fix > data.last_known:
            last = data.figure_before(data.last_known) if carry else None
            if last is None or last.rate is None:
                return None, None, ""
            rate = last.rate
            notes.append(
                f"{self.table} ends on {data.last_known}: its last figure ({last.rate} % from "
                f"{last.valid_from}{_status(last)}) is assumed to continue after that day"
            )
            entry = last
        else:
            entry = data.entry_on(fix, unconfirmed=True)
            if entry.status is RateStatus.UNCONFIRMED:
                if not carry:
                    return None, None, unconfirmed_reason(entry)
                if entry.rate is not None:
                    rate = entry.rate
                    notes.append(
                        f"{self.table} rate from {entry.valid_from} ({entry.rate} %) is not "
                        f"confirmed by a publication and is assumed as reported: {entry.source}"
                    )
                else:
                    before = data.figure_before(entry.valid_from - _ONE_DAY)
                    if before is None or before.rate is None:
                        return None, None, unconfirmed_reason(entry)
                    rate = before.rate
                    notes.append(
                        f"{self.table} has no rate from {entry.valid_from} ({entry.source}): "
                        f"the figure before it ({before.rate} % from {before.valid_from}"
                        f"{_status(before)}) is assumed to continue"
                    )
                    entry = before
            else:
                assert entry.rate is not None  # noqa: S101 - only unconfirmed rows lack one
                rate = entry.rate
        if self.derived is not None:
            notes.append(self.derived)
        elif entry.status is RateStatus.DERIVED:
            notes.append(
                f"{self.table} rate from {entry.valid_from} is derived, not read in a "
                f"publication: {entry.source}"
            )
        if entry.origin is not None:
            notes.append(
                f"{self.table} rate from {entry.valid_from} ({entry.rate} %) comes from a "
                f"user table ({entry.origin}): {entry.source}"
            )
        return self._formula(rate), "; ".join(notes) or None, ""

    def rate_on(self, day: _dt.date) -> Decimal:
        """Return the annual rate (a fraction) for interest day *day*."""
        day = check_date(day, "day")
        return self.rate_segments(day, day + _ONE_DAY)[0][1]

    def rate_segments(self, start: _dt.date, stop: _dt.date) -> list[RateSegment]:
        """Return the stretches of ``[start, stop)`` at one rate each, merged when equal.

        The rule's whole schedule is computed once (per rule value) and then sliced with
        :func:`bisect.bisect_right`, so a claim over ten rate periods costs ten steps.
        Stretches without a confirmed rate go to the *fallback* rule, if any.
        """
        points, values, segments, first, end = _schedule(self)
        if start < first:
            raise RateNotPublished(
                self.table, start, self.last_known, first_known=first, formula=self.formula
            )
        i = bisect_right(points, start) - 1
        j = bisect_left(points, stop, i + 1)
        if any(values[k][0] is None for k in range(i, j)):
            out: list[RateSegment] = []
            for k in range(i, j):
                rate, note, why = values[k]
                begin = max(start, points[k])
                if rate is not None:
                    out.append((begin, rate, note))
                    continue
                if self.fallback is None:
                    raise RateNotPublished(
                        self.table,
                        begin,
                        self.last_known,
                        first_known=first,
                        detail=why,
                        formula=self.formula,
                    )
                until = points[k + 1] if k + 1 < j else stop
                out.extend(self.fallback.rate_segments(begin, until))
        else:
            out = list(segments[i:j])
            out[0] = (start, out[0][1], out[0][2])
        if stop - _ONE_DAY > end:
            # the first day of [start, stop) without a rate: a claim that starts past the
            # table's end is refused for its own first day, not for the day after the end
            raise RateNotPublished(
                self.table,
                max(start, end + _ONE_DAY),
                end,
                first_known=first,
                formula=self.formula,
            )
        return out

    def assuming(self, assume: RateAssumption | None) -> TableRate:
        """Return this rule with *assume* for days without a confirmed rate."""
        return evolve(self, assume=assume)

    def falling_back(self, fallback: RateSource) -> TableRate:
        """Return this rule with *fallback* for the days its table has no confirmed rate."""
        return evolve(self, fallback=fallback)

    def naming_formula(self, *, formula: bool) -> TableRate:
        """Return this rule with *formula* (see :func:`naming_formula`)."""
        return evolve(self, formula=formula)


def _status(entry: RateEntry) -> str:
    return "" if entry.status is RateStatus.PUBLISHED else f", {entry.status.value}"


def table_names(source: object) -> tuple[str, ...]:
    """Return the names of the rate tables a rate rule reads (none for a fixed rate).

    >>> from payterms.law import be
    >>> table_names(be.RATE_BEFORE_2013)
    ('be_late_payment_before_2013', 'be_late_payment')
    """
    names = getattr(source, "table_names", ())
    return tuple(names) if isinstance(names, tuple) else ()


def using(source: RateSource, tables: Mapping[str, RateTable]) -> RateSource:
    """Return *source* reading ``tables[name]`` for every table *name* it uses.

    A rule that reads no table (a fixed rate, a rule of the caller's own) is returned
    as it is.

    >>> from payterms.interest import FixedRate
    >>> using(FixedRate(Decimal("0.08")), {}) == FixedRate(Decimal("0.08"))
    True
    """
    method = getattr(source, "using", None)
    if method is None:
        return source
    result: RateSource = method(tables)
    return result


def naming_formula(source: RateSource, *, formula: bool) -> RateSource:
    """Return *source* whose ``RateNotPublished`` names ``STATUTORY_FORMULA`` if *formula*.

    A regime marks its rules with whether it has a statutory formula over the ECB rate
    (:attr:`payterms.law.Regime.formula`), so that the error names only the ways out that
    regime has; a rule that reads no table is returned as it is.

    >>> from datetime import date
    >>> try:
    ...     naming_formula(TableRate("uk_reference_rate"), formula=False).rate_on(date(2027, 1, 4))
    ... except RateNotPublished as exc:
    ...     "STATUTORY_FORMULA" in str(exc)
    False
    """
    method = getattr(source, "naming_formula", None)
    if method is None:
        return source
    result: RateSource = method(formula=formula)
    return result


@frozen
class Switch:
    """*before* for days before *on*, *after* from *on* (a rule changed by law on a date).

    >>> from datetime import date
    >>> old = TableRate("be_late_payment_before_2013")
    >>> rule = Switch(old, TableRate("be_late_payment"), date(2015, 3, 16))
    >>> rule.rate_on(date(2015, 3, 15)), rule.rate_on(date(2015, 3, 16))
    (Decimal('0.075'), Decimal('0.085'))
    """

    before: RateSource
    after: RateSource
    on: _dt.date

    @property
    def last_known(self) -> _dt.date:
        """Return the last day the rule after the switch has a published rate for."""
        last: _dt.date = getattr(self.after, "last_known", _dt.date.max)
        return last

    def rate_on(self, day: _dt.date) -> Decimal:
        """Return the rate of whichever rule is in force on *day*."""
        day = check_date(day, "day")
        return (self.before if day < self.on else self.after).rate_on(day)

    def rate_segments(self, start: _dt.date, stop: _dt.date) -> list[RateSegment]:
        """Return the stretches of ``[start, stop)``, switching rules on ``on``."""
        if stop <= self.on:
            return self.before.rate_segments(start, stop)
        if start >= self.on:
            return self.after.rate_segments(start, stop)
        return [
            *self.before.rate_segments(start, self.on),
            *self.after.rate_segments(self.on, stop),
        ]

    def assuming(self, assume: RateAssumption | None) -> Switch:
        """Return this rule with *assume* passed on to the rule after the switch."""
        after = self.after
        if hasattr(after, "assuming"):
            after = after.assuming(assume)
        return evolve(self, after=after)

    def falling_back(self, fallback: RateSource) -> Switch:
        """Return this rule with *fallback* for the days the rule after the switch lacks."""
        after = self.after
        method = getattr(after, "falling_back", None)
        if method is not None:
            after = method(fallback)
        return evolve(self, after=after)

    @property
    def table_names(self) -> tuple[str, ...]:
        """Return the names of the tables both rules read."""
        return tuple(dict.fromkeys((*table_names(self.before), *table_names(self.after))))

    def using(self, tables: Mapping[str, RateTable]) -> Switch:
        """Return this rule with both of its rules reading *tables* (see TableRate.using)."""
        return evolve(self, before=using(self.before, tables), after=using(self.after, tables))

    def naming_formula(self, *, formula: bool) -> Switch:
        """Return this rule with both of its rules given *formula* (see naming_formula)."""
        return evolve(
            self,
            before=naming_formula(self.before, formula=formula),
            after=naming_formula(self.after, formula=formula),
        )


@frozen
class Unconfirmed:
    """No rate can be given from *since* on: every lookup raises ``RateNotPublished``.

    >>> from datetime import date
    >>> Unconfirmed("nl_handelsrente", date(2013, 3, 16), "why").rate_on(date(2014, 1, 1))
    Traceback (most recent call last):
    payterms.errors.RateNotPublished: no nl_handelsrente rate published for 2014-01-01
    (table covers up to 2013-03-15); why
    """

    table: str
    since: _dt.date
    reason: str

    @property
    def last_known(self) -> _dt.date:
        """Return the day before *since*."""
        return self.since - _ONE_DAY

    def rate_on(self, day: _dt.date) -> Decimal:
        """Raise ``RateNotPublished``: no rate is confirmed."""
        raise RateNotPublished(self.table, day, self.last_known, detail=self.reason, remedy=False)

    def rate_segments(self, start: _dt.date, stop: _dt.date) -> list[RateSegment]:
        """Raise ``RateNotPublished``: no rate is confirmed."""
        return [(start, self.rate_on(start), None)]

    def assuming(self, assume: RateAssumption | None) -> Unconfirmed:
        """Return this rule unchanged: an unconfirmed rule is not carried forward."""
        return self

    def falling_back(self, fallback: RateSource) -> RateSource:
        """Return *fallback*: it applies on every day this rule has no rate."""
        return fallback

    @property
    def table_names(self) -> tuple[str, ...]:
        """Return no names: this rule reads no table."""
        return ()

    def using(self, tables: Mapping[str, RateTable]) -> Unconfirmed:
        """Return this rule unchanged: a rule unconfirmed in law reads no table."""
        return self

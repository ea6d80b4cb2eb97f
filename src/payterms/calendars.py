"""Business days: calendars, business-day adjustment conventions and day counts.

A :class:`BusinessCalendar` is a value: weekend days plus holiday dates. Country and
market calendars read their holidays from the ``holidays`` package, imported only when
such a calendar is first asked about a year, one year at a time, and snapshotted into
frozen sets (the ``holidays`` dictionary mutates on lookup and reads its name language
from the environment; none of that leaks out). A calendar covers the years its source
covers and raises :class:`~payterms.errors.OutsideCalendarRange` beyond them.

:class:`Adjustment` moves a date that is not a business day, with QuantLib's exact
semantics (``ql/time/businessdayconvention.hpp``, ``ql/time/calendar.cpp``);
:class:`DayCount` turns a pair of dates into a year fraction (ISDA 2006 §4.16).

More information:

* ISDA 2006 Definitions, §4.12 (business day conventions) and §4.16 (day count fractions).
* QuantLib, ``ql/time/businessdayconvention.hpp`` and ``ql/time/daycounters/``.
* ECB, TARGET2 closing days (New Year, Good Friday, Easter Monday, 1 May, 25-26 Dec).

>>> from datetime import date
>>> cal = BusinessCalendar.country("BE")
>>> cal.is_business_day(date(2026, 5, 14))          # Ascension Day
False
>>> cal.adjust(date(2026, 5, 14), Adjustment.FOLLOWING)
datetime.date(2026, 5, 15)
>>> cal.add_business_days(date(2026, 12, 24), 1)     # over Christmas
datetime.date(2026, 12, 28)
>>> BusinessCalendar.TARGET.adjust(date(2026, 5, 30), Adjustment.MODIFIED_FOLLOWING)
datetime.date(2026, 5, 29)
>>> DayCount.ACT_360.year_fraction(date(2026, 1, 31), date(2026, 3, 31))
Decimal('0.1638888888888888888888888889')
"""

from __future__ import annotations

import bisect
import calendar as _stdcal
import decimal
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from enum import Enum
from types import ModuleType
from typing import Any, ClassVar, Protocol

from attrs import field, frozen

from payterms._checks import check_date, check_int, to_date
from payterms._extras import require
from payterms.errors import InvalidArgument, InvalidType, OutsideCalendarRange, UnknownCalendar
from payterms.money import CONTEXT, figure

__all__ = [
    "Adjustment",
    "BusinessCalendar",
    "CountryHolidays",
    "DayCount",
    "FixedHolidays",
    "HolidaySource",
    "MarketHolidays",
]

_MIN_YEAR = 1
_MAX_YEAR = 9999
_NUMPY_EPOCH = date(1970, 1, 1).toordinal()  # day 0 of numpy's datetime64[D]
_MAX_EXPORTS = 16  # numpy calendars kept per BusinessCalendar (one per range of years)

_YearIndex = tuple[int, tuple[int, ...], tuple[int, ...]]


# --------------------------------------------------------------------------- sources


class HolidaySource(Protocol):
    """Anything that lists the holiday dates of a year within ``first_year..last_year``.

    >>> source = BusinessCalendar.country("BE").sources[0]
    >>> source.first_year, date(2026, 7, 21) in source.dates(2026)  # the national day
    (1901, True)
    """

    @property
    def first_year(self) -> int:
        """First year the source covers."""

    @property
    def last_year(self) -> int:
        """Last year the source covers."""

    def dates(self, year: int) -> frozenset[date]:
        """Return the holiday dates of *year* (any weekday)."""


def _import_holidays() -> ModuleType:
    import holidays  # lazy on purpose: keeps `import payterms` light

    return holidays


@frozen
class CountryHolidays:
    """Public (and optionally bank, ...) holidays of a country, read from ``holidays``.

    Build it through :meth:`BusinessCalendar.country`, which checks the code,
    subdivision and categories.
    """

    code: str
    subdiv: str | None = None
    categories: tuple[str, ...] = ("public",)
    observed: bool = True
    first_year: int = 1
    last_year: int = 9999

    def dates(self, year: int) -> frozenset[date]:
        """Return the holiday dates of *year*, weekend holidays included."""
        hol = _import_holidays()
        table = hol.country_holidays(
            self.code,
            subdiv=self.subdiv,
            years=year,
            observed=self.observed,
            categories=self.categories,
        )
        return frozenset(d for d in table if d.year == year)


@frozen
class MarketHolidays:
    """Closing days of a financial market or settlement system (``"XECB"`` = TARGET2)."""

    code: str
    first_year: int = 1
    last_year: int = 9999

    def dates(self, year: int) -> frozenset[date]:
        """Return the closing dates of *year*, weekend closings included."""
        hol = _import_holidays()
        table = hol.financial_holidays(self.code, years=year)
        return frozenset(d for d in table if d.year == year)


@frozen
class FixedHolidays:
    """An explicit set of holiday dates (a customer's closing days, a company calendar)."""

    holidays: frozenset[date]
    first_year: int = _MIN_YEAR
    last_year: int = _MAX_YEAR

    def dates(self, year: int) -> frozenset[date]:
        """Return the listed dates that fall in *year*."""
        return frozenset(d for d in self.holidays if d.year == year)


# --------------------------------------------------------------------------- adjustment


class Adjustment(Enum):
    """How a date that is not a business day is moved (QuantLib ``BusinessDayConvention``).

    Source: ISDA 2006 Definitions §4.12; QuantLib ``ql/time/businessdayconvention.hpp``
    and ``Calendar::adjust`` in ``ql/time/calendar.cpp``. A business day is never moved.

    >>> from datetime import date
    >>> saturday = date(2026, 5, 30)
    >>> BusinessCalendar.TARGET.adjust(saturday, Adjustment.FOLLOWING)
    datetime.date(2026, 6, 1)
    >>> BusinessCalendar.TARGET.adjust(saturday, Adjustment.MODIFIED_FOLLOWING)
    datetime.date(2026, 5, 29)
    """

    UNADJUSTED = "unadjusted"
    """Leave the date as it is."""

    FOLLOWING = "following"
    """The first business day after the date (ISDA). § 193 BGB moves a due date that
    falls on a Sunday, Saturday or public holiday this way."""

    MODIFIED_FOLLOWING = "modified_following"
    """Following, unless that lands in the next month; then the first business day
    before (ISDA)."""

    PRECEDING = "preceding"
    """The first business day before the date (ISDA)."""

    MODIFIED_PRECEDING = "modified_preceding"
    """Preceding, unless that lands in the previous month; then the first business day
    after (QuantLib, non-ISDA)."""

    HALF_MONTH_MODIFIED_FOLLOWING = "half_month_modified_following"
    """Following, unless that crosses the 15th or the month end; then the first business
    day before (QuantLib, non-ISDA)."""

    NEAREST = "nearest"
    """The nearest business day; when the one before and the one after are equally far,
    the one after (QuantLib, non-ISDA)."""


_UNADJUSTED = Adjustment.UNADJUSTED
_FOLLOWING = Adjustment.FOLLOWING
_PRECEDING = Adjustment.PRECEDING


def check_adjustment(adjustment: object, calendar: object = None) -> Adjustment:
    """Return *adjustment* checked: ``None`` is ``FOLLOWING`` with a *calendar*, else none.

    Every function that takes ``calendar=`` and ``adjustment=`` reads them here. A
    calendar and a business-day convention go together (QuantLib's ``Schedule`` takes
    both): a caller who passes a calendar asks for business days, so a date it gives
    that is not a business day moves to the next one unless an adjustment says
    otherwise; ``Adjustment.UNADJUSTED`` keeps the date as the rule gives it.

    >>> check_adjustment(None, BusinessCalendar.TARGET), check_adjustment(None)
    (<Adjustment.FOLLOWING: 'following'>, <Adjustment.UNADJUSTED: 'unadjusted'>)
    >>> check_adjustment(Adjustment.UNADJUSTED, BusinessCalendar.TARGET)
    <Adjustment.UNADJUSTED: 'unadjusted'>

    Raises:
        InvalidType: an *adjustment* that is not an :class:`Adjustment` member (nor
            None), a *calendar* that is not a :class:`BusinessCalendar` (nor None).

    """
    if calendar is not None and not isinstance(calendar, BusinessCalendar):
        raise InvalidType("calendar", calendar, "a payterms.BusinessCalendar or None")
    if adjustment is None:
        return Adjustment.UNADJUSTED if calendar is None else Adjustment.FOLLOWING
    if not isinstance(adjustment, Adjustment):
        raise InvalidType("adjustment", adjustment, "a payterms.Adjustment member")
    return adjustment


# --------------------------------------------------------------------------- calendar


def _check_weekend(weekend: Iterable[int]) -> frozenset[int]:
    days = frozenset(weekend)
    for d in days:
        if isinstance(d, bool) or not isinstance(d, int) or not 0 <= d <= 6:
            raise InvalidArgument("weekend", d, "weekday numbers 0 (Monday) to 6 (Sunday)")
    if len(days) == 7:
        raise InvalidArgument("weekend", sorted(days), "at least one working weekday")
    return days


def _weekend_converter(value: Iterable[int]) -> frozenset[int]:
    return _check_weekend(value)


@frozen
class BusinessCalendar:
    """Weekend days plus holiday dates; the days that remain are business days.

    Build one with :meth:`country`, :meth:`market`, :meth:`from_dates`, the
    :attr:`TARGET` and :attr:`WEEKENDS` constants, or combine them with ``|`` (a day is
    a business day of the union when it is one in every part). Values compare by what
    they are built from, so two ``country("BE")`` calendars are equal and hash alike.

    Years are materialised on demand, one at a time, into frozen sets held in a private
    cache that is never part of the value's identity.

    >>> from datetime import date
    >>> be = BusinessCalendar.country("BE", categories=("public", "bank"))
    >>> be.is_business_day(date(2026, 4, 3))      # Good Friday: banks closed in Belgium
    False
    >>> (BusinessCalendar.country("BE") | BusinessCalendar.TARGET).is_business_day(
    ...     date(2026, 4, 3))
    False
    """

    name: str
    weekend: frozenset[int] = field(default=frozenset({5, 6}), converter=_weekend_converter)
    sources: tuple[HolidaySource, ...] = ()
    _years: dict[int, tuple[int, ...]] = field(
        factory=dict, init=False, eq=False, hash=False, repr=False
    )
    _exports: dict[tuple[int, int], Any] = field(
        factory=dict, init=False, eq=False, hash=False, repr=False
    )
    _index: dict[int, _YearIndex] = field(
        factory=dict, init=False, eq=False, hash=False, repr=False
    )

    TARGET: ClassVar[BusinessCalendar]
    """TARGET2 (ECB) settlement days: weekends, New Year, Good Friday, Easter Monday,
    1 May, 25 and 26 December; via ``holidays.financial_holidays("XECB")``."""

    WEEKENDS: ClassVar[BusinessCalendar]
    """Monday to Friday are business days; no holidays."""

    # -- construction ------------------------------------------------------------------

    @classmethod
    def country(
        cls,
        code: str,
        subdiv: str | None = None,
        *,
        categories: Iterable[str] = ("public",),
        observed: bool = True,
    ) -> BusinessCalendar:
        """Return the calendar of a country's holidays (ISO 3166 code), optionally a subdivision.

        *categories* selects which holidays close business: ``("public",)`` by default;
        ``("public", "bank")`` adds bank closing days where ``holidays`` knows them
        (BE, LU: Good Friday, ...). *observed* keeps the substitute days some countries
        give for holidays falling on a weekend (GB, US). Germany without a Land knows
        only the nine nationwide days; the United Kingdom needs ``subdiv="ENG"`` (or
        ``SCT``, ``WLS``, ``NIR``) for Easter Monday and the bank holidays.

        >>> BusinessCalendar.country("DE", "BY").is_business_day(date(2026, 1, 6))
        False
        >>> BusinessCalendar.country("XX")
        Traceback (most recent call last):
        payterms.errors.UnknownCalendar: no business calendar for 'XX': ...
        """
        if not isinstance(code, str):
            raise InvalidType("code", code, "an ISO 3166 country code such as 'BE'")
        if subdiv is not None and not isinstance(subdiv, str):
            raise InvalidType("subdiv", subdiv, "a subdivision code such as 'BY', or None")
        cats = (categories,) if isinstance(categories, str) else tuple(categories)
        hol = _import_holidays()
        upper = code.upper()
        supported = hol.list_supported_countries()
        if upper not in supported:
            raise UnknownCalendar(code, "not a country the holidays package knows")
        table_cls = type(hol.country_holidays(upper))
        canonical_subdiv = None
        if subdiv is not None:
            aliases = dict(getattr(table_cls, "subdivisions_aliases", {}) or {})
            known = tuple(table_cls.subdivisions)
            if subdiv in known:
                canonical_subdiv = subdiv
            elif subdiv.upper() in known:
                canonical_subdiv = subdiv.upper()
            elif subdiv in aliases:
                canonical_subdiv = aliases[subdiv]
            else:
                raise UnknownCalendar(
                    f"{upper}-{subdiv}",
                    f"unknown subdivision; known: {', '.join(known) or 'none'}",
                )
        allowed = tuple(table_cls.supported_categories)
        for cat in cats:
            if cat not in allowed:
                raise InvalidArgument("categories", cats, f"categories among {allowed}")
        if not cats:
            raise InvalidArgument("categories", cats, f"at least one of {allowed}")
        source = CountryHolidays(
            code=upper,
            subdiv=canonical_subdiv,
            categories=tuple(sorted(set(cats))),
            observed=bool(observed),
            first_year=int(table_cls.start_year),
            last_year=int(table_cls.end_year),
        )
        name = upper if canonical_subdiv is None else f"{upper}-{canonical_subdiv}"
        if source.categories != ("public",):
            name += f"[{'+'.join(source.categories)}]"
        return cls(name=name, weekend=frozenset(table_cls.weekend), sources=(source,))

    @classmethod
    def market(cls, code: str) -> BusinessCalendar:
        """Return the calendar of a financial market (``holidays`` market code, e.g. ``"XECB"``).

        >>> BusinessCalendar.market("XECB") == BusinessCalendar.TARGET
        True
        """
        if not isinstance(code, str):
            raise InvalidType("code", code, "a market code such as 'XECB'")
        hol = _import_holidays()
        supported = hol.list_supported_financial()
        if code.upper() not in supported:
            raise UnknownCalendar(code, "not a market the holidays package knows")
        table = hol.financial_holidays(code.upper())
        canonical = type(table).market
        return cls._market(canonical, int(table.start_year), int(table.end_year))

    @classmethod
    def _market(cls, code: str, first_year: int, last_year: int) -> BusinessCalendar:
        return cls(
            name=code,
            sources=(MarketHolidays(code=code, first_year=first_year, last_year=last_year),),
        )

    @classmethod
    def from_dates(
        cls,
        holidays: Iterable[date],
        *,
        weekend: Iterable[int] = (5, 6),
        name: str = "custom",
        years: range | None = None,
    ) -> BusinessCalendar:
        """Return a calendar with the given holiday dates and weekend days (0 = Monday).

        Without *years* the calendar answers for any year (days not listed are not
        holidays); with ``years=range(2024, 2031)`` it raises outside those years.

        >>> cal = BusinessCalendar.from_dates([date(2026, 8, 3)], name="closure")
        >>> cal.next_business_day(date(2026, 7, 31))
        datetime.date(2026, 8, 4)
        """
        days = frozenset(check_date(d, "holidays") for d in holidays)
        if years is None:
            first, last = _MIN_YEAR, _MAX_YEAR
        else:
            if not isinstance(years, range) or years.step != 1 or not years:
                raise InvalidArgument("years", years, "a non-empty range of years with step 1")
            first, last = years.start, years.stop - 1
        return cls(
            name=name,
            weekend=frozenset(weekend),
            sources=(FixedHolidays(holidays=days, first_year=first, last_year=last),),
        )

    def __or__(self, other: object) -> BusinessCalendar:
        """Return the calendar closed whenever either calendar is closed."""
        if not isinstance(other, BusinessCalendar):
            return NotImplemented
        sources = self.sources + tuple(s for s in other.sources if s not in self.sources)
        return BusinessCalendar(
            name=f"{self.name}|{other.name}",
            weekend=self.weekend | other.weekend,
            sources=sources,
        )

    # -- range -------------------------------------------------------------------------

    @property
    def first_year(self) -> int:
        """First year this calendar can answer for."""
        return max((s.first_year for s in self.sources), default=_MIN_YEAR)

    @property
    def last_year(self) -> int:
        """Last year this calendar can answer for."""
        return min((s.last_year for s in self.sources), default=_MAX_YEAR)

    def holidays(self, year: int) -> tuple[date, ...]:
        """Return the sorted holiday dates of *year* (including holidays on weekend days).

        >>> BusinessCalendar.TARGET.holidays(2026)[:3]
        (datetime.date(2026, 1, 1), datetime.date(2026, 4, 3), datetime.date(2026, 4, 6))
        """
        check_int(year, "year")
        if not self.first_year <= year <= self.last_year:
            raise OutsideCalendarRange(
                date(min(max(year, 1), 9999), 1, 1), self.first_year, self.last_year, self.name
            )
        found: set[date] = set()
        for source in self.sources:
            found |= source.dates(year)
        return tuple(sorted(found))

    def _business_ordinals(self, year: int, probe: date) -> tuple[int, ...]:
        """Sorted ordinals of the business days of *year*, built once per year."""
        cached = self._years.get(year)
        if cached is not None:
            return cached
        if not self.first_year <= year <= self.last_year:
            raise OutsideCalendarRange(probe, self.first_year, self.last_year, self.name)
        closed = {d.toordinal() for d in self.holidays(year)}
        start = date(year, 1, 1).toordinal()
        end = date(year, 12, 31).toordinal()
        weekend = self.weekend
        first_weekday = date(year, 1, 1).weekday()
        result = tuple(
            o
            for o in range(start, end + 1)
            if (first_weekday + o - start) % 7 not in weekend and o not in closed
        )
        self._years[year] = result
        return result

    def _year_index(self, year: int, probe: date) -> _YearIndex:
        """Return the "next business day" index of *year*, built once per year.

        ``(start, ordinals, following)``: the ordinal of 1 January, the sorted ordinals
        of the business days, and for each day of the year the position in *ordinals* of
        the first business day on or after it (``len(ordinals)`` when the year has none
        left). Whether a day is a business day, and where a roll lands, is then one
        look-up instead of a search.
        """
        found = self._index.get(year)
        if found is not None:
            return found
        ordinals = self._business_ordinals(year, probe)
        start = date(year, 1, 1).toordinal()
        following = []
        position, count = 0, len(ordinals)
        for o in range(start, date(year, 12, 31).toordinal() + 1):
            if position < count and ordinals[position] < o:
                position += 1  # days are consecutive: at most one business day passed
            following.append(position)
        found = self._index[year] = (start, ordinals, tuple(following))
        return found

    def busdaycalendar(self, first_year: int, last_year: int | None = None) -> Any:
        """Return a ``numpy.busdaycalendar`` of this calendar's years *first_year*..*last_year*.

        Its weekmask is the calendar's working week and its holidays are the closing
        days of those years that fall on working weekdays, so ``numpy.busday_offset``,
        ``numpy.is_busday`` and ``numpy.busday_count`` answer as this calendar does on
        every day of those years. Outside them numpy knows no holidays: keep the dates
        you ask about (and the days a roll or an offset can reach) within the years
        exported. A year outside the calendar's range raises
        :class:`~payterms.errors.OutsideCalendarRange`; numpy is an extra
        (:class:`~payterms.errors.MissingExtra` names it). Exports are kept per range of
        years, outside the value's identity.

        >>> import numpy as np
        >>> target = BusinessCalendar.TARGET.busdaycalendar(2026)
        >>> np.busday_offset(np.datetime64("2026-04-03"), 0, roll="forward", busdaycal=target)
        np.datetime64('2026-04-07')
        >>> bool(np.is_busday(np.datetime64("2026-05-01"), busdaycal=target))
        False
        """
        first_year = check_int(first_year, "first_year")
        last_year = first_year if last_year is None else check_int(last_year, "last_year")
        if last_year < first_year:
            raise InvalidArgument(
                "last_year", last_year, f"a year on or after first_year={first_year}"
            )
        key = (first_year, last_year)
        cached = self._exports.get(key)
        if cached is not None:
            return cached
        numpy = require("numpy", "BusinessCalendar.busdaycalendar")
        for year in (first_year, last_year):
            if not self.first_year <= year <= self.last_year:
                probe = date(min(max(year, _MIN_YEAR), _MAX_YEAR), 1, 1)
                raise OutsideCalendarRange(probe, self.first_year, self.last_year, self.name)
        epoch = _NUMPY_EPOCH
        closed = []
        for year in range(first_year, last_year + 1):
            start = date(year, 1, 1).toordinal()
            business = numpy.array(self._business_ordinals(year, date(year, 1, 1)))
            days = numpy.arange(start, date(year, 12, 31).toordinal() + 1)
            weekday = (days + 6) % 7  # ordinal 1 (1 Jan of year 1) is a Monday
            working = ~numpy.isin(weekday, sorted(self.weekend))
            closed.append(numpy.setdiff1d(days[working], business, assume_unique=True) - epoch)
        mask = [0 if day in self.weekend else 1 for day in range(7)]
        result = numpy.busdaycalendar(
            weekmask=mask,
            holidays=numpy.concatenate(closed).astype("datetime64[D]"),
        )
        if len(self._exports) >= _MAX_EXPORTS:
            self._exports.clear()
        self._exports[key] = result
        return result

    # -- questions ---------------------------------------------------------------------

    def is_business_day(self, day: date) -> bool:
        """Return whether *day* is neither a weekend day nor a holiday.

        A ``datetime``, pandas ``Timestamp`` or numpy ``datetime64`` at midnight (no time
        zone) is asked about as its day; anything else that is not a ``datetime.date``
        raises :class:`~payterms.errors.InvalidType`, and a date outside the calendar's
        years raises :class:`~payterms.errors.OutsideCalendarRange`: a predicate never
        answers ``False`` for a value it did not understand.

        >>> from datetime import datetime
        >>> BusinessCalendar.TARGET.is_business_day(date(2026, 5, 1))
        False
        >>> BusinessCalendar.TARGET.is_business_day(datetime(2026, 5, 4))
        True
        >>> BusinessCalendar.TARGET.is_business_day("2026-05-04")
        Traceback (most recent call last):
        payterms.errors.InvalidType: day='2026-05-04' has type str: expected a datetime.date
        """
        if type(day) is not date:
            day = to_date(day, "day")
        start, ordinals, following = self._index.get(day.year) or self._year_index(day.year, day)
        o = day.toordinal()
        i = following[o - start]
        return i < len(ordinals) and ordinals[i] == o

    def next_business_day(self, day: date) -> date:
        """Return the first business day strictly after *day*.

        >>> BusinessCalendar.TARGET.next_business_day(date(2026, 4, 2))
        datetime.date(2026, 4, 7)
        """
        return self._step(check_date(day, "day"), forward=True, strict=True)

    def previous_business_day(self, day: date) -> date:
        """Return the last business day strictly before *day*.

        >>> BusinessCalendar.TARGET.previous_business_day(date(2026, 4, 7))
        datetime.date(2026, 4, 2)
        """
        return self._step(check_date(day, "day"), forward=False, strict=True)

    def _step(self, day: date, *, forward: bool, strict: bool) -> date:
        """Return the first business day after (or before) *day*; *day* itself unless *strict*."""
        o = day.toordinal()
        year = day.year
        while True:
            start, ordinals, following = self._index.get(year) or self._year_index(year, day)
            count = len(ordinals)
            if o < start:
                i = 0
            elif o - start < len(following):
                i = following[o - start]
            else:
                i = count
            here = i < count and ordinals[i] == o
            if forward:
                if strict and here:
                    i += 1
                if i < count:
                    return date.fromordinal(ordinals[i])
                year += 1
                if year > _MAX_YEAR:
                    raise OutsideCalendarRange(day, self.first_year, self.last_year, self.name)
                day = date(year, 1, 1)
            else:
                if here and not strict:
                    return date.fromordinal(o)
                if i > 0:
                    return date.fromordinal(ordinals[i - 1])
                year -= 1
                if year < _MIN_YEAR:
                    raise OutsideCalendarRange(day, self.first_year, self.last_year, self.name)
                day = date(year, 12, 31)

    def adjust(self, day: date, adjustment: Adjustment = Adjustment.FOLLOWING) -> date:
        """Return *day* moved to a business day by *adjustment* (unchanged if already one).

        Semantics are QuantLib's ``Calendar::adjust``; see :class:`Adjustment`.

        >>> t = BusinessCalendar.TARGET
        >>> t.adjust(date(2026, 8, 15), Adjustment.FOLLOWING)
        datetime.date(2026, 8, 17)
        >>> t.adjust(date(2026, 8, 15), Adjustment.HALF_MONTH_MODIFIED_FOLLOWING)
        datetime.date(2026, 8, 14)
        >>> t.adjust(date(2026, 4, 4), Adjustment.NEAREST)
        datetime.date(2026, 4, 2)
        """
        if type(day) is not date:
            day = check_date(day, "day")
        if adjustment is _UNADJUSTED:
            return day
        if type(adjustment) is not Adjustment:
            raise InvalidArgument("adjustment", adjustment, "an Adjustment member")
        start, ordinals, following = self._index.get(day.year) or self._year_index(day.year, day)
        o = day.toordinal()
        i = following[o - start]
        count = len(ordinals)
        if i < count and ordinals[i] == o:  # a business day stays
            return day
        # the common rolls within the year: one look-up
        if adjustment is _FOLLOWING and i < count:
            return date.fromordinal(ordinals[i])
        if adjustment is _PRECEDING and i > 0:
            return date.fromordinal(ordinals[i - 1])
        if adjustment is Adjustment.FOLLOWING:
            return self._step(day, forward=True, strict=True)
        if adjustment is Adjustment.PRECEDING:
            return self._step(day, forward=False, strict=True)
        if adjustment is Adjustment.MODIFIED_FOLLOWING:
            moved = self._step(day, forward=True, strict=True)
            if moved.month != day.month:
                return self._step(day, forward=False, strict=True)
            return moved
        if adjustment is Adjustment.MODIFIED_PRECEDING:
            moved = self._step(day, forward=False, strict=True)
            if moved.month != day.month:
                return self._step(day, forward=True, strict=True)
            return moved
        if adjustment is Adjustment.HALF_MONTH_MODIFIED_FOLLOWING:
            moved = self._step(day, forward=True, strict=True)
            if moved.month != day.month or (day.day <= 15 < moved.day):
                return self._step(day, forward=False, strict=True)
            return moved
        # NEAREST: walk both ways in lock-step; on a tie the later day wins.
        after = self._step(day, forward=True, strict=True)
        before = self._step(day, forward=False, strict=True)
        return after if (after - day) <= (day - before) else before

    def add_business_days(self, day: date, n: int) -> date:
        """Return the business day *n* business days after *day* (before it when *n* < 0).

        A *day* that is not a business day first counts as the business day before it
        (for n > 0) or after it (for n < 0), so ``add_business_days(saturday, 1)`` is
        the Monday, as QuantLib's ``advance(d, n, Days)`` gives. ``n = 0`` returns
        *day* moved forward to a business day.

        >>> t = BusinessCalendar.TARGET
        >>> t.add_business_days(date(2026, 4, 2), 1)     # over Easter
        datetime.date(2026, 4, 7)
        >>> t.add_business_days(date(2026, 4, 7), -1)
        datetime.date(2026, 4, 2)
        >>> t.add_business_days(date(2026, 4, 4), 1)     # Saturday
        datetime.date(2026, 4, 7)
        """
        day = check_date(day, "day")
        n = check_int(n, "n")
        if n == 0:
            return self._step(day, forward=True, strict=False)
        o = day.toordinal()
        year = day.year
        start, ordinals, following = self._index.get(year) or self._year_index(year, day)
        first = following[o - start]  # bisect_left of the day in the ordinals
        if n > 0:
            here = first < len(ordinals) and ordinals[first] == o
            index = first + here - 1 + n  # bisect_right - 1 + n
            while index >= len(ordinals):
                index -= len(ordinals)
                year += 1
                ordinals = self._checked_year(year, day)
        else:
            index = first + n
            while index < 0:
                year -= 1
                ordinals = self._checked_year(year, day)
                index += len(ordinals)
        return date.fromordinal(ordinals[index])

    def _checked_year(self, year: int, origin: date) -> tuple[int, ...]:
        if not _MIN_YEAR <= year <= _MAX_YEAR:
            raise OutsideCalendarRange(origin, self.first_year, self.last_year, self.name)
        return self._business_ordinals(year, date(year, 1, 1))

    def business_days_between(self, start: date, end: date) -> int:
        """Return the number of business days in the half-open interval [start, end).

        *start* counts if it is a business day, *end* does not (QuantLib's
        ``businessDaysBetween`` default, numpy's ``busday_count``). The count is
        negative when *end* is before *start*, so that
        ``add_business_days(start, business_days_between(start, end))`` lands on *end*
        whenever both are business days.

        >>> BusinessCalendar.TARGET.business_days_between(date(2026, 4, 1), date(2026, 4, 8))
        3
        >>> BusinessCalendar.TARGET.business_days_between(date(2026, 4, 8), date(2026, 4, 1))
        -3
        """
        start = check_date(start, "start")
        end = check_date(end, "end")
        if end < start:
            return -self.business_days_between(end, start)
        first = self._business_ordinals(start.year, start)
        last = self._business_ordinals(end.year, end)
        count = bisect.bisect_left(last, end.toordinal()) - bisect.bisect_left(
            first, start.toordinal()
        )
        for year in range(start.year, end.year):
            count += len(self._business_ordinals(year, date(year, 1, 1)))
        return count


# --------------------------------------------------------------------------- day counts


def _is_last_of_february(d: date) -> bool:
    return d.month == 2 and d.day == _stdcal.monthrange(d.year, 2)[1]


class DayCount(Enum):
    """A day count convention: how many days, and how many make a year.

    Sources: ISDA 2006 Definitions §4.16; QuantLib ``ql/time/daycounters/`` (the
    30/360 variants follow ``thirty360.cpp``). Year fractions are Decimals computed in
    the package's working context and cut to 28 significant digits
    (:func:`payterms.money.figure`); interest engines that want no division at all use
    :meth:`days` and :meth:`year_length`.
    """

    ACT_365_FIXED = "ACT/365F"
    """Actual days / 365, whatever the year (ISDA "Actual/365 (Fixed)")."""

    ACT_360 = "ACT/360"
    """Actual days / 360 (ISDA "Actual/360"; the German "Eurozinsmethode")."""

    ACT_ACT_ISDA = "ACT/ACT ISDA"
    """Days in each calendar year divided by that year's length (365 or 366), summed."""

    THIRTY_360 = "30/360 US"
    """30/360 US: a start on the 31st or the last day of February counts as the 30th; an
    end on the 31st counts as the 30th when the start is the 30th or 31st; an end on the
    last of February counts as the 30th when the start is too (QuantLib ``USA``)."""

    THIRTY_360_BOND = "30/360 BOND"
    """30/360 bond basis (ISMA): a start on the 31st counts as the 30th; an end on the
    31st counts as the 30th only when the start is the 30th or 31st."""

    THIRTY_E_360 = "30E/360"
    """30E/360 (Eurobond basis): any 31st counts as the 30th."""

    THIRTY_E_360_ISDA = "30E/360 ISDA"
    """30E/360 ISDA (German): any 31st and any last day of February count as the 30th,
    except a last of February that is the termination date."""

    def days(self, start: date, end: date, *, termination: date | None = None) -> int:
        """Return the day count between *start* and *end* under this convention.

        *termination* matters only for 30E/360 ISDA (the final date of the whole
        period, whose end-of-February is not moved to the 30th).

        >>> DayCount.THIRTY_360.days(date(2026, 2, 28), date(2026, 3, 31))
        30
        >>> DayCount.THIRTY_360_BOND.days(date(2026, 2, 28), date(2026, 3, 31))
        33
        """
        start = check_date(start, "start")
        end = check_date(end, "end")
        if self in (DayCount.ACT_365_FIXED, DayCount.ACT_360, DayCount.ACT_ACT_ISDA):
            return (end - start).days
        d1, d2 = start.day, end.day
        if self is DayCount.THIRTY_360:
            if _is_last_of_february(start):
                if _is_last_of_february(end):
                    d2 = 30
                d1 = 30
            if d2 == 31 and d1 >= 30:
                d2 = 30
            d1 = min(d1, 30)
        elif self is DayCount.THIRTY_360_BOND:
            d1 = min(d1, 30)
            if d2 == 31 and d1 == 30:
                d2 = 30
        elif self is DayCount.THIRTY_E_360:
            d1, d2 = min(d1, 30), min(d2, 30)
        else:  # THIRTY_E_360_ISDA
            d1, d2 = min(d1, 30), min(d2, 30)
            if _is_last_of_february(start):
                d1 = 30
            if end != termination and _is_last_of_february(end):
                d2 = 30
        return 360 * (end.year - start.year) + 30 * (end.month - start.month) + d2 - d1

    def year_length(self, year: int | None = None) -> int:
        """Return the days in a year under this convention (*year* needed for ACT/ACT).

        >>> DayCount.ACT_ACT_ISDA.year_length(2024), DayCount.ACT_360.year_length()
        (366, 360)
        """
        if self is DayCount.ACT_365_FIXED:
            return 365
        if self is DayCount.ACT_ACT_ISDA:
            if year is None:
                raise InvalidArgument("year", year, "a year for ACT/ACT ISDA")
            return 366 if _stdcal.isleap(year) else 365
        return 360

    def year_fraction(self, start: date, end: date, *, termination: date | None = None) -> Decimal:
        """Return the fraction of a year from *start* to *end* (negative if *end* < *start*).

        >>> DayCount.ACT_365_FIXED.year_fraction(date(2026, 1, 1), date(2026, 7, 2))
        Decimal('0.4986301369863013698630136986')
        >>> DayCount.ACT_ACT_ISDA.year_fraction(date(2023, 7, 1), date(2024, 7, 1))
        Decimal('1.001377348603937420465603713')
        """
        start = check_date(start, "start")
        end = check_date(end, "end")
        with decimal.localcontext(CONTEXT):
            if self is DayCount.ACT_ACT_ISDA:
                if end < start:
                    return -self.year_fraction(end, start)
                total = Decimal(0)
                cursor = start
                while cursor < end:
                    year_end = date(cursor.year + 1, 1, 1)
                    stop = min(end, year_end)
                    total += Decimal((stop - cursor).days) / self.year_length(cursor.year)
                    cursor = stop
                return figure(total)
            days = self.days(start, end, termination=termination)
            return figure(Decimal(days) / self.year_length())


BusinessCalendar.TARGET = BusinessCalendar._market("XECB", 1999, 2100)
BusinessCalendar.WEEKENDS = BusinessCalendar(name="weekends")

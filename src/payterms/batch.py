"""Many invoices at once: due dates, cash dates and late interest over columns of invoices.

The functions take a column of invoices in the form an analyst holds it and give the
result back in the same form:

* a list or tuple (any iterable) of ``datetime.date`` gives a tuple;
* a numpy ``datetime64`` array (or an object array of dates) gives a ``datetime64[D]``
  array (needs the ``[numpy]`` extra);
* a pandas ``Series`` (``datetime64`` or object dtype) gives a ``Series`` with the same
  index (needs the ``[pandas]`` extra).

Each result equals, element by element, what the single-invoice function returns
(:meth:`PaymentTerms.due_date <payterms.terms.PaymentTerms.due_date>`,
:meth:`PaymentTerms.schedule <payterms.terms.PaymentTerms.schedule>`,
:func:`~payterms.timing.expected_payment_date`, :func:`~payterms.interest.late_interest`).
On numpy and pandas columns a columnar engine does the work on arrays: each distinct
terms is run once over the span of days of the column (rules compiled to operations on
``datetime64[D]``, business days through ``numpy.busday_offset``), amounts are split in
whole minor units for all rows at once, and a claim's late interest is one subtraction
in a table of prefix sums of the daily rate; rows the arrays cannot settle are handed to
the single-invoice function, which answers them or raises its error. Plain sequences are
computed once per distinct (terms, date) by the single-invoice functions, without numpy
(DESIGN.md §6). The functions are pure (no state, no clock), so they run as they are on
each partition of a Dask or Spark frame.

* :func:`due_dates` returns the final due date of each invoice;
* :func:`expected_payment_dates` returns the day each invoice's money arrives from a payer;
* :func:`schedules` returns the schedules of the invoices as :class:`Schedules` (columns,
  each :class:`~payterms.terms.Schedule` built on demand), and :func:`amounts_due` their
  instalments as one pandas DataFrame (one row per instalment);
* :func:`late_interest_many` returns the late interest, compensation and interest days of
  each claim (:class:`InterestColumns` or a DataFrame; every
  :class:`~payterms.interest.InterestResult` with ``detail=True``).

Every function also takes ``data=``, a pandas DataFrame: an argument given as a string is
then the name of the frame's column to read (``due_dates("terms", "invoice_date",
data=ledger)``), so a ledger with extra columns and its own column names needs no
reshaping.

>>> from datetime import date
>>> from payterms.terms import PaymentTerms
>>> due_dates(PaymentTerms.end_of_month(45), [date(2026, 1, 15), date(2026, 1, 31)])
(datetime.date(2026, 3, 17), datetime.date(2026, 3, 17))
"""

from __future__ import annotations

import decimal
import itertools
import operator
import sys
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal, TypeVar, Unpack, overload

from attrs import frozen

from payterms import _columnar
from payterms._checks import check_date, check_rounding, to_decimal
from payterms._columnar import MAX_DAY, MIN_DAY
from payterms._extras import frame_html, require
from payterms._frames import resolve_data
from payterms.behaviour import PaymentBehaviour
from payterms.calendars import Adjustment, BusinessCalendar, check_adjustment
from payterms.conventions import PaymentDay
from payterms.errors import InvalidArgument, InvalidType, PaytermsError
from payterms.interest import (
    ClaimRules,
    InterestOptions,
    InterestResult,
    Payment,
    claim_interest,
    claim_rules,
)
from payterms.money import CONTEXT, DEFAULT_ROUNDING, round_to_unit, smallest_unit
from payterms.runs import Payer
from payterms.terms import DiscountWindow, Due, PaymentTerms, Schedule
from payterms.timing import expected_payment_date

if TYPE_CHECKING:  # pragma: no cover - typing only
    import numpy as np
    import numpy.typing as npt
    import pandas as pd

__all__ = [
    "InterestColumns",
    "Schedules",
    "amounts_due",
    "due_dates",
    "expected_payment_dates",
    "late_interest_many",
    "schedules",
]

_EPOCH = date(1970, 1, 1)  # day 0 of numpy's datetime64[D]
_EPOCH_ORDINAL = _EPOCH.toordinal()
_DENSE_FACTOR = 4  # a dense look-up table when the date span is at most this many rows
_NAT = -(2**63)  # numpy's NaT as an int64

_Kind = Literal["sequence", "numpy", "pandas"]
_K = TypeVar("_K", bound=Hashable)

_DATES_EXPECTED = "a sequence of datetime.date, a numpy datetime64 array or a pandas Series"


# --------------------------------------------------------------------------- extras


def _numpy(what: str) -> Any:
    """Return the numpy module, or raise :class:`MissingExtra` naming the ``[numpy]`` extra."""
    return sys.modules.get("numpy") or require("numpy", what)


def _pandas(what: str) -> Any:
    """Return the pandas module, or raise :class:`MissingExtra` naming the ``[pandas]`` extra."""
    return sys.modules.get("pandas") or require("pandas", what)


def _kind(values: object) -> _Kind:
    """Return the container kind of *values*, without importing numpy or pandas."""
    module = type(values).__module__.partition(".")[0]
    if module == "pandas":
        return "pandas"
    if module == "numpy":
        return "numpy"
    return "sequence"


# --------------------------------------------------------------------------- date columns


class _Dates:
    """A column of dates read from a sequence, a numpy array or a pandas Series.

    A ``datetime64`` column is held as *days* (int64 day numbers since 1970-01-01) and
    *items* is empty; any other column is held as *items* (Python objects, checked to be
    dates where they are used) and *days* is None.
    """

    __slots__ = ("bounds", "days", "index", "items", "kind", "name", "source_dtype")

    def __init__(
        self,
        name: str,
        kind: _Kind,
        *,
        days: npt.NDArray[np.int64] | None = None,
        bounds: tuple[int, int] | None = None,
        items: list[object] | None = None,
        index: Any = None,
        source_dtype: Any = None,
    ) -> None:
        self.name = name
        self.kind = kind
        self.days = days
        self.bounds = bounds  # the least and greatest of *days*, when known
        self.items: list[object] = [] if items is None else items
        self.index = index
        self.source_dtype = source_dtype

    def __len__(self) -> int:
        return len(self.items) if self.days is None else len(self.days)

    def position_of(self, value: object) -> int:
        """Return the first position holding *value* (a date, or a day number)."""
        if self.days is not None:
            numpy = _numpy(self.name)
            return int(numpy.flatnonzero(self.days == value)[0])
        # identity first: NaN and NaT are not equal to themselves
        return next(i for i, item in enumerate(self.items) if item is value or item == value)


def _read_dates(values: object, name: str, what: str) -> _Dates:
    """Return *values* as a :class:`_Dates` column; raise if it is not a column of dates."""
    kind = _kind(values)
    if kind == "pandas":
        pandas = _pandas(what)
        if not isinstance(values, pandas.Series):
            raise InvalidType(name, values, "a pandas Series (for an Index, use .to_series())")
        dtype = values.dtype
        if isinstance(dtype, pandas.DatetimeTZDtype):
            raise InvalidType(
                name, values.iloc[0] if len(values) else dtype, "dates without a time zone"
            )
        if dtype.kind == "M":
            days, bounds = _datetime64_days(values.to_numpy(), name, what)
            return _Dates(
                name, kind, days=days, bounds=bounds, index=values.index, source_dtype=dtype
            )
        if dtype.kind == "O":
            return _Dates(name, kind, items=values.tolist(), index=values.index)
        raise InvalidType(name, values, f"a Series of dates (datetime64 or object), not {dtype}")
    if kind == "numpy":
        numpy = _numpy(what)
        if not isinstance(values, numpy.ndarray) or values.ndim != 1:
            raise InvalidType(name, values, "a one-dimensional numpy array of dates")
        if values.dtype.kind == "M":
            days, bounds = _datetime64_days(values, name, what)
            return _Dates(name, kind, days=days, bounds=bounds)
        if values.dtype.kind == "O":
            return _Dates(name, kind, items=values.tolist())
        raise InvalidType(name, values, f"a datetime64 array, not {values.dtype}")
    if isinstance(values, (str, bytes, date)) or not isinstance(values, Iterable):
        raise InvalidType(name, values, _DATES_EXPECTED)
    return _Dates(name, kind, items=list(values))


def _datetime64_days(
    values: Any, name: str, what: str
) -> tuple[npt.NDArray[np.int64], tuple[int, int] | None]:
    """Return the int64 day numbers of a datetime64 array and their least and greatest.

    NaT, a time of day and a year past 9999 are refused by position. A
    ``datetime64[D]`` array is read in place (a view, no copy); the checks cost two
    passes (its least and its greatest day) unless a value is refused.
    """
    numpy = _numpy(what)
    per_day = _per_day(numpy, values.dtype)
    ticks = values.view("int64")
    if not len(ticks):
        return ticks, None
    first, last = int(ticks.min()), int(ticks.max())
    if first == _NAT:
        i = int(numpy.flatnonzero(ticks == _NAT)[0])
        raise InvalidArgument(f"{name}[{i}]", values[i], "a date (drop or fill missing dates)")
    if per_day == 1:
        days: npt.NDArray[np.int64] = ticks
        low, high = first, last
    else:
        if per_day is None:  # weeks, months, years: whole days by construction
            days = values.astype("datetime64[D]").view("int64")
            low, high = int(days.min()), int(days.max())
            timed = None
        else:  # one pass gives the day and the time of day
            days, timed = numpy.divmod(ticks, per_day)
            low, high = first // per_day, last // per_day
        if timed is not None and timed.any():
            i = int(numpy.flatnonzero(timed)[0])
            raise InvalidArgument(f"{name}[{i}]", values[i], "a date without a time of day")
    if low < MIN_DAY or high > MAX_DAY:
        i = int(numpy.flatnonzero((days < MIN_DAY) | (days > MAX_DAY))[0])
        raise InvalidArgument(
            f"{name}[{i}]",
            numpy.datetime64(int(days[i]), "D"),
            "a date in the years 1 to 9999 (those datetime.date can hold)",
        )
    return days, (low, high)


def _check_item(value: object, name: str, position: int) -> date:
    if type(value) is date:
        return value
    return check_date(value, f"{name}[{position}]")


def _distinct_dates(column: _Dates) -> dict[date, None]:
    """Return the distinct dates of an object column in the order they first appear.

    A non-date is refused by its position; in first-appearance order, the first error
    raised is that of the first bad row.
    """
    items = column.items
    try:
        distinct = dict.fromkeys(items)
    except TypeError:  # an unhashable element is not a date
        for i, item in enumerate(items):
            _check_item(item, column.name, i)
        raise  # pragma: no cover - every unhashable element fails the check above
    for item in distinct:
        if type(item) is not date:
            _check_item(item, column.name, column.position_of(item))
    return distinct  # type: ignore[return-value]  # every element was checked


def _to_day(day: date) -> int:
    return day.toordinal() - _EPOCH_ORDINAL


def _from_day(day: int, column: _Dates) -> date:
    try:
        return _EPOCH + timedelta(days=day)
    except OverflowError:
        numpy = _numpy(column.name)
        raise InvalidArgument(
            f"{column.name}[{column.position_of(day)}]",
            numpy.datetime64(day, "D"),
            "a date in the years 1 to 9999 (those datetime.date can hold)",
        ) from None


def _with_position(exc: PaytermsError, column: _Dates, value: object) -> PaytermsError:
    position = column.position_of(value)
    exc.add_note(f"at {column.name}[{position}] (the first row with this date)")
    return exc


def _map_one(func: Callable[[date], date], column: _Dates) -> list[date] | npt.NDArray[np.int64]:
    """Return *func* of each date of *column*, computed once per distinct date."""
    if column.days is not None:
        return _map_days(func, column, column.days)
    items = column.items
    memo: dict[date, date] = {}
    for day in _distinct_dates(column):
        try:
            memo[day] = func(day)
        except PaytermsError as exc:
            raise _with_position(exc, column, day) from None
    return list(map(memo.__getitem__, items))  # type: ignore[arg-type]


def _map_days(
    func: Callable[[date], date], column: _Dates, days: npt.NDArray[np.int64]
) -> npt.NDArray[np.int64]:
    """Return *func* of each of the *days* of *column*, through a table of its distinct days."""
    numpy = _numpy(column.name)
    if not len(days):
        return numpy.empty(0, dtype="int64")  # type: ignore[no-any-return]
    low = int(days.min())
    span = int(days.max()) - low + 1
    dense = span <= _DENSE_FACTOR * len(days) + 4096
    if dense:
        offsets = days - low
        present = numpy.zeros(span, dtype=bool)
        present[offsets] = True
        distinct = numpy.flatnonzero(present) + low
    else:
        distinct, inverse = numpy.unique(days, return_inverse=True)
    results = numpy.empty(len(distinct), dtype="int64")
    for i, day in enumerate(distinct.tolist()):
        start = _from_day(day, column)
        try:
            results[i] = _to_day(func(start))
        except PaytermsError as exc:
            raise _with_position(exc, column, day) from None
    if dense:
        table = numpy.empty(span, dtype="int64")
        table[distinct - low] = results
        return table[offsets]  # type: ignore[no-any-return]
    return results[inverse]  # type: ignore[no-any-return]


def _map_pairs(
    func: Callable[[_K, date], date], keys: list[_K], column: _Dates
) -> list[date] | npt.NDArray[np.int64]:
    """Return *func* of each (key, date) row, computed once per distinct pair."""
    if column.days is not None:
        return _map_pair_days(func, keys, column, column.days)
    memos: dict[_K, dict[date, date]] = {}
    dates: list[date] = []
    append = dates.append
    for i, (key, item) in enumerate(zip(keys, column.items, strict=True)):
        day = item if type(item) is date else _check_item(item, column.name, i)
        memo = memos.get(key)
        if memo is None:
            memo = memos[key] = {}
        found = memo.get(day)
        if found is None:
            try:
                found = memo[day] = func(key, day)
            except PaytermsError as exc:
                exc.add_note(f"at {column.name}[{i}]")
                raise
        append(found)
    return dates


def _map_pair_days(
    func: Callable[[_K, date], date],
    keys: list[_K],
    column: _Dates,
    days: npt.NDArray[np.int64],
) -> npt.NDArray[np.int64]:
    """Return *func* of each (key, day number) row, through the distinct (key, day) pairs."""
    numpy = _numpy(column.name)
    if not len(days):
        return numpy.empty(0, dtype="int64")  # type: ignore[no-any-return]
    code_of: dict[_K, int] = {}
    codes = numpy.fromiter(
        (code_of.setdefault(key, len(code_of)) for key in keys), dtype="int64", count=len(keys)
    )
    distinct_keys = list(code_of)
    low = int(days.min())
    span = int(days.max()) - low + 1  # at most 3.7 million days (years 1 to 9999)
    combined = codes * span + (days - low)
    distinct, inverse = numpy.unique(combined, return_inverse=True)
    results = numpy.empty(len(distinct), dtype="int64")
    for j, value in enumerate(distinct.tolist()):
        code, offset = divmod(value, span)
        start = _from_day(low + offset, column)
        try:
            results[j] = _to_day(func(distinct_keys[code], start))
        except PaytermsError as exc:
            exc.add_note(f"at {column.name}[{int(numpy.flatnonzero(combined == value)[0])}]")
            raise
    return results[inverse.reshape(-1)]  # type: ignore[no-any-return]


def _rebuild(column: _Dates, result: list[date] | npt.NDArray[np.int64], what: str) -> Any:
    """Return *result* in the container kind of *column* (tuple, datetime64[D] array, Series)."""
    if column.kind == "sequence" and isinstance(result, list):
        return tuple(result)
    numpy = _numpy(what)
    if isinstance(result, list):
        if column.kind == "pandas":
            pandas = _pandas(what)
            return pandas.Series(result, index=column.index, dtype=object, name=what)
        days = numpy.fromiter(map(_to_day, result), dtype="int64", count=len(result))
    else:
        days = result
    stamped = days.view("datetime64[D]")
    if column.kind != "pandas":
        return stamped
    pandas = _pandas(what)
    dtype = column.source_dtype if column.source_dtype is not None else "datetime64[s]"
    per_day = _per_day(numpy, dtype)
    if per_day is None:
        values = stamped.astype(dtype)
        if (values.astype("datetime64[D]") != stamped).any():
            values = stamped.astype("datetime64[s]")
    elif len(days) and max(-int(days.min()), int(days.max())) > _INT64_MAX // per_day:
        # a date past the unit's range (datetime64[ns] ends in April 2262) would wrap
        values = stamped.astype("datetime64[s]")
    else:
        values = (days * per_day).view(dtype)
    return pandas.Series(values, index=column.index, name=what)


def _per_day(numpy: Any, dtype: Any) -> int | None:
    """Return how many ticks of a datetime64 unit make a day (None for week, month, year)."""
    unit, count = numpy.datetime_data(dtype)
    ticks = _TICKS_PER_DAY.get(str(unit))
    if ticks is None or ticks % int(count):
        return None
    return ticks // int(count)


_TICKS_PER_DAY = {
    "D": 1,
    "h": 24,
    "m": 1440,
    "s": 86_400,
    "ms": 86_400_000,
    "us": 86_400_000_000,
    "ns": 86_400_000_000_000,
}
_INT64_MAX = 2**63 - 1


# --------------------------------------------------------------------------- terms columns


def _read_keys(
    values: object, n: int, name: str, cls: type[Any], what: str, index: Any
) -> list[Any] | None:
    """Return a per-row list of *cls* values, or None if *values* is one *cls* for every row."""
    if isinstance(values, cls):
        return None
    kind = _kind(values)
    if kind == "pandas":
        pandas = _pandas(what)
        if not isinstance(values, pandas.Series):
            raise InvalidType(name, values, f"a {cls.__name__} or a pandas Series of them")
        if index is not None and not values.index.equals(index):
            raise InvalidArgument(name, values.index, "a Series with the same index as the dates")
        items: list[Any] = values.tolist()
    elif kind == "numpy":
        items = values.tolist()  # type: ignore[attr-defined]
    elif isinstance(values, (str, bytes)) or not isinstance(values, Iterable):
        raise InvalidType(name, values, f"a payterms {cls.__name__} or a sequence of them")
    else:
        items = list(values)
    if len(items) != n:
        raise InvalidArgument(name, f"{len(items)} values", f"one per date ({n} dates)")
    for i, item in enumerate(items):
        if not isinstance(item, cls):
            raise InvalidType(f"{name}[{i}]", item, f"a payterms {cls.__name__}")
    return items


# --------------------------------------------------------------------------- columnar due dates


def _terms_codes(
    numpy: Any, terms: object, n: int, index: Any, what: str
) -> tuple[list[PaymentTerms], npt.NDArray[np.int64]] | None:
    """Return the distinct terms of a terms column and each row's code, or None for one terms.

    A pandas categorical column gives its categories and codes as they are; any other
    column is coded by object (see :func:`_object_codes`), so only its distinct values
    are checked and compared.
    """
    if isinstance(terms, PaymentTerms):
        return None
    name = "terms"
    kind = _kind(terms)
    items: Any
    if kind == "pandas":
        pandas = _pandas(what)
        if not isinstance(terms, pandas.Series):
            raise InvalidType(name, terms, "a PaymentTerms or a pandas Series of them")
        if index is not None and not terms.index.equals(index):
            raise InvalidArgument(name, terms.index, "a Series with the same index as the dates")
        if isinstance(terms.dtype, pandas.CategoricalDtype):
            if len(terms) != n:
                raise InvalidArgument(name, f"{len(terms)} values", f"one per date ({n} dates)")
            codes = terms.cat.codes.to_numpy()  # int8 for a few terms, widened where used
            categories = list(terms.cat.categories)
            if len(codes) and codes.min() < 0:  # a missing value
                i = int(numpy.flatnonzero(codes < 0)[0])
                raise InvalidType(f"{name}[{i}]", terms.iloc[i], "a payterms PaymentTerms")
            for code, item in enumerate(categories):
                if not isinstance(item, PaymentTerms):
                    i = int(numpy.flatnonzero(codes == code)[0])
                    raise InvalidType(f"{name}[{i}]", item, "a payterms PaymentTerms")
            return categories, codes
        items = terms.to_numpy(dtype=object)
    elif kind == "numpy":
        if not isinstance(terms, numpy.ndarray) or terms.ndim != 1:
            raise InvalidType(name, terms, "a one-dimensional array of PaymentTerms")
        items = terms if terms.dtype == object else terms.astype(object)
    elif isinstance(terms, (str, bytes)) or not isinstance(terms, Iterable):
        raise InvalidType(name, terms, "a payterms PaymentTerms or a sequence of them")
    else:
        items = list(terms)
        items = numpy.fromiter(items, dtype=object, count=len(items))
    if len(items) != n:
        raise InvalidArgument(name, f"{len(items)} values", f"one per date ({n} dates)")
    rows, codes = _object_codes(numpy, items)
    bad = [row for row in rows if not isinstance(items[row], PaymentTerms)]
    if bad:  # name the first row holding something else
        first = min(int(numpy.flatnonzero(codes == codes[row])[0]) for row in bad)
        raise InvalidType(f"{name}[{first}]", items[first], "a payterms PaymentTerms")
    code_of: dict[PaymentTerms, int] = {}
    recode = [code_of.setdefault(items[row], len(code_of)) for row in rows]
    if len(code_of) < len(rows):  # equal terms held in distinct objects share a code
        codes = numpy.array(recode, dtype="int64").take(codes)
    return list(code_of), codes


def _object_codes(
    numpy: Any, items: npt.NDArray[np.object_]
) -> tuple[list[int], npt.NDArray[np.int64]]:
    """Return one row holding each distinct object of an object array, and each row's code.

    An object array holds references to its objects. Read as integers, equal references
    mean the same object, so rows are grouped by object in C, without a Python call (a
    hash, an equality) per row; the few distinct objects are compared afterwards. The
    distinct references of a sample of rows are looked up for every row by a binary
    search, and the rows the sample missed are grouped by a sort.
    """
    import ctypes  # only here: the batch module loads without it

    n = len(items)
    if not n:
        return [], numpy.empty(0, dtype="int64")
    items = numpy.ascontiguousarray(items)
    buffer = (ctypes.c_ssize_t * n).from_address(items.ctypes.data)
    refs = numpy.frombuffer(buffer, dtype=numpy.intp)
    sample = numpy.concatenate((numpy.arange(min(n, 1024)), numpy.arange(0, n, max(1, n // 1024))))
    values, first = numpy.unique(refs.take(sample), return_index=True)
    rows = sample.take(first).tolist()
    codes = numpy.searchsorted(values, refs)
    numpy.minimum(codes, len(values) - 1, out=codes)
    missed = numpy.flatnonzero(values.take(codes) != refs)
    if len(missed):
        _, first, inverse = numpy.unique(refs.take(missed), return_index=True, return_inverse=True)
        codes[missed] = inverse.reshape(-1) + len(values)
        rows.extend(missed.take(first).tolist())
    return rows, codes.astype("int64", copy=False)


def _due_days(
    numpy: Any,
    terms: PaymentTerms | list[PaymentTerms],
    codes: npt.NDArray[np.int64] | None,
    days: npt.NDArray[np.int64],
    bounds: tuple[int, int] | None,
    calendar: BusinessCalendar | None,
    adjustment: Adjustment,
    ask: Callable[[int], int],
) -> npt.NDArray[np.int64]:
    """Return the final due day of each row, on arrays; *ask* answers the rows left unsure.

    Each distinct terms is run once over every day from the least start to the greatest
    (when that span is small against the number of rows; over the distinct starts
    otherwise) and the answers are gathered per row. *ask* (row) runs the single-invoice
    function on a row the arrays could not answer, and raises what it raises.
    """
    n = len(days)
    if not n:
        return numpy.empty(0, dtype="int64")  # type: ignore[no-any-return]
    low, high = bounds if bounds is not None else (int(days.min()), int(days.max()))
    span = high - low + 1
    business = None if calendar is None else _columnar.BusinessDays(numpy, calendar)
    count = len(terms) if isinstance(terms, list) else 1

    def run(k: int, starts: npt.NDArray[np.int64]) -> tuple[Any, Any]:
        one = terms[k] if isinstance(terms, list) else terms
        return _columnar.terms_due_days(numpy, one, starts, business, adjustment)

    if count * span <= _DENSE_FACTOR * n + 4096:
        grid = numpy.arange(low, high + 1, dtype="int64")
        # one terms: a table indexed by the day number itself when it stays small (the
        # gather then reads the column as it is, with no offset subtracted per row);
        # many terms: rows of one span each, so the table stays in the processor's cache
        base = 0 if count == 1 and low >= 0 and high < max(1 << 16, n // 4) else low
        width = high + 1 - base
        table = numpy.empty(count * width, dtype="int64")
        unsure = numpy.zeros(count * width, dtype=bool)
        for k in range(count):
            part = slice(k * width + low - base, (k + 1) * width)
            table[part], unsure[part] = run(k, grid)
        if codes is None:
            where = days if base == 0 else days - base
        else:
            where = numpy.multiply(codes, width, dtype="int64")
            where += days
            if base:
                where -= base
    else:
        keyed = days if codes is None else numpy.multiply(codes, span, dtype="int64") + (days - low)
        distinct, where = numpy.unique(keyed, return_inverse=True)
        where = where.reshape(-1)
        table = numpy.empty(len(distinct), dtype="int64")
        unsure = numpy.empty(len(distinct), dtype=bool)
        if codes is None:
            table, unsure = run(0, distinct)
        else:
            owner, offset = numpy.divmod(distinct, span)
            edges = numpy.searchsorted(owner, numpy.arange(count + 1)).tolist()
            for k in range(count):
                part = slice(edges[k], edges[k + 1])
                if edges[k] < edges[k + 1]:
                    table[part], unsure[part] = run(k, offset[part] + low)
    result: npt.NDArray[np.int64] = table.take(where)
    if unsure.any():
        asked: dict[int, int] = {}
        for row in numpy.flatnonzero(unsure[where]).tolist():
            key = int(where[row])
            found = asked.get(key)
            if found is None:
                found = asked[key] = ask(row)
            result[row] = found
    return result


def _due_dates_on_arrays(
    numpy: Any,
    terms: object,
    column: _Dates,
    calendar: BusinessCalendar | None,
    adjustment: Adjustment,
) -> list[date] | npt.NDArray[np.int64]:
    """Return the due dates of a numpy or pandas column through the columnar engine."""
    n = len(column)
    coded = _terms_codes(numpy, terms, n, column.index, "due_dates")
    distinct_terms: PaymentTerms | list[PaymentTerms]
    if coded is None:
        distinct_terms, codes = terms, None  # type: ignore[assignment]  # checked above
    else:
        distinct_terms, codes = coded
    if column.days is not None:
        days, bounds = column.days, column.bounds
    else:  # an object column: its distinct dates, checked in the order they appear
        day_of = {day: _to_day(day) for day in _distinct_dates(column)}
        items: list[Any] = column.items
        days = numpy.fromiter(map(day_of.__getitem__, items), dtype="int64", count=n)
        bounds = None

    def ask(row: int) -> int:
        one = distinct_terms if codes is None else distinct_terms[int(codes[row])]  # type: ignore[index]
        start = _from_day(int(days[row]), column)
        try:
            return _to_day(one.due_date(start, calendar=calendar, adjustment=adjustment))  # type: ignore[union-attr]
        except PaytermsError as exc:
            exc.add_note(f"at {column.name}[{row}]")
            raise

    result = _due_days(numpy, distinct_terms, codes, days, bounds, calendar, adjustment, ask)
    if column.days is not None:
        return result
    memo: dict[int, date] = {}
    out = []
    for number in result.tolist():
        found = memo.get(number)
        if found is None:
            found = memo[number] = _EPOCH + timedelta(days=number)
        out.append(found)
    return out


# --------------------------------------------------------------------------- public functions


@overload
def due_dates(
    terms: PaymentTerms | Sequence[PaymentTerms],
    starts: Sequence[date] | Iterator[date],
    *,
    calendar: BusinessCalendar | None = None,
    adjustment: Adjustment | None = None,
    data: None = None,
) -> tuple[date, ...]: ...


@overload
def due_dates(
    terms: PaymentTerms | Sequence[PaymentTerms] | npt.NDArray[Any],
    starts: npt.NDArray[Any],
    *,
    calendar: BusinessCalendar | None = None,
    adjustment: Adjustment | None = None,
    data: None = None,
) -> npt.NDArray[np.datetime64]: ...


@overload
def due_dates(
    terms: PaymentTerms | Sequence[PaymentTerms] | pd.Series | str,
    starts: pd.Series | str,
    *,
    calendar: BusinessCalendar | None = None,
    adjustment: Adjustment | None = None,
    data: pd.DataFrame | None = None,
) -> pd.Series: ...


def due_dates(
    terms: Any,
    starts: Any,
    *,
    calendar: BusinessCalendar | None = None,
    adjustment: Adjustment | None = None,
    data: pd.DataFrame | None = None,
) -> Any:
    """Return the final due date of each invoice, in the container kind of *starts*.

    *starts* holds the day each invoice's term starts (usually its date): a sequence of
    ``datetime.date`` (a tuple comes back), a numpy ``datetime64`` array (a
    ``datetime64[D]`` array comes back) or a pandas Series (a Series with the same index
    comes back, named ``due_dates``, of the input's dtype, or ``datetime64[s]`` where a
    due date lies past that dtype's range, as 2262 is for ``datetime64[ns]``). *terms* is one
    :class:`~payterms.terms.PaymentTerms` for every invoice, or one per invoice (a
    sequence or Series of the same length; a Series must have the same index).

    Each date equals ``terms.due_date(start, calendar=calendar, adjustment=adjustment)``
    (with a *calendar*, ``FOLLOWING`` unless *adjustment* says otherwise; see
    :func:`~payterms.calendars.check_adjustment`); it is computed once per distinct
    (terms, start). With *data*, a DataFrame, *terms* and *starts* may name its columns.

    Raises:
        InvalidType: a start that is not a date (its position is named), terms that are
            not PaymentTerms.
        InvalidArgument: a missing date (NaT) or a time of day, terms of another length.
        MissingExtra: a numpy or pandas input without that extra installed.

    >>> from payterms.calendars import BusinessCalendar
    >>> from payterms.terms import PaymentTerms
    >>> due_dates(PaymentTerms.net(30), (date(2026, 1, 15), date(2026, 2, 27)),
    ...           calendar=BusinessCalendar.TARGET, adjustment=Adjustment.FOLLOWING)
    (datetime.date(2026, 2, 16), datetime.date(2026, 3, 30))
    >>> due_dates([PaymentTerms.net(30), PaymentTerms.end_of_month(45)],
    ...           [date(2026, 1, 15), date(2026, 1, 15)])
    (datetime.date(2026, 2, 14), datetime.date(2026, 3, 17))
    >>> import numpy as np
    >>> due_dates(PaymentTerms.net(30), np.array(["2026-01-15", "2026-01-31"],
    ...                                          dtype="datetime64[D]"))
    array(['2026-02-14', '2026-03-02'], dtype='datetime64[D]')

    """
    adjustment = check_adjustment(adjustment, calendar)
    if calendar is not None and not isinstance(calendar, BusinessCalendar):
        raise InvalidType("calendar", calendar, "a payterms.BusinessCalendar or None")
    if data is not None:
        found = resolve_data(data, "due_dates", {"terms": terms, "starts": starts})
        terms, starts = found["terms"], found["starts"]
    column = _read_dates(starts, "starts", "due_dates")
    result: list[date] | npt.NDArray[np.int64]
    if column.kind != "sequence":
        numpy = _numpy("due_dates")
        result = _due_dates_on_arrays(numpy, terms, column, calendar, adjustment)
        return _rebuild(column, result, "due_dates")
    keys = _read_keys(terms, len(column), "terms", PaymentTerms, "due_dates", column.index)
    if keys is None:
        single: PaymentTerms = terms
        result = _map_one(
            lambda day: single.due_date(day, calendar=calendar, adjustment=adjustment), column
        )
    else:
        result = _map_pairs(
            lambda t, day: t.due_date(day, calendar=calendar, adjustment=adjustment),
            keys,
            column,
        )
    return _rebuild(column, result, "due_dates")


@overload
def expected_payment_dates(
    terms: PaymentTerms | Sequence[PaymentTerms],
    sent: Sequence[date] | Iterator[date],
    payer: Payer | PaymentBehaviour | Sequence[Payer | PaymentBehaviour],
    *,
    amount: Decimal | int | str | None = None,
    term_starts: Any = None,
    adjustment: Adjustment = Adjustment.UNADJUSTED,
    currency: str = "EUR",
    data: None = None,
) -> tuple[date, ...]: ...


@overload
def expected_payment_dates(
    terms: PaymentTerms | Sequence[PaymentTerms] | npt.NDArray[Any],
    sent: npt.NDArray[Any],
    payer: Payer | PaymentBehaviour | Sequence[Payer | PaymentBehaviour] | npt.NDArray[Any],
    *,
    amount: Decimal | int | str | None = None,
    term_starts: Any = None,
    adjustment: Adjustment = Adjustment.UNADJUSTED,
    currency: str = "EUR",
    data: None = None,
) -> npt.NDArray[np.datetime64]: ...


@overload
def expected_payment_dates(
    terms: PaymentTerms | Sequence[PaymentTerms] | pd.Series | str,
    sent: pd.Series | str,
    payer: Payer | PaymentBehaviour | pd.Series | str,
    *,
    amount: Decimal | int | str | None = None,
    term_starts: Any = None,
    adjustment: Adjustment = Adjustment.UNADJUSTED,
    currency: str = "EUR",
    data: pd.DataFrame | None = None,
) -> pd.Series: ...


def expected_payment_dates(
    terms: Any,
    sent: Any,
    payer: Any,
    *,
    amount: Decimal | int | str | None = None,
    term_starts: Any = None,
    adjustment: Adjustment = Adjustment.UNADJUSTED,
    currency: str = "EUR",
    data: pd.DataFrame | None = None,
) -> Any:
    """Return the day each invoice's money arrives from *payer*, in the container kind of *sent*.

    *sent* holds the day each invoice is sent (its date), as for :func:`due_dates`; *terms*
    is one :class:`~payterms.terms.PaymentTerms` for all invoices or one per invoice. Each
    date equals :func:`payterms.timing.expected_payment_date` with the same arguments; it
    is computed once per distinct (terms, sent date). *amount* (one for every invoice)
    matters only to a payer that chases discounts. Terms counting from an event other
    than the invoice date or its receipt (a delivery, an acceptance) need *term_starts*:
    the day of that event for each invoice, a date column of the same length (memoised
    per distinct (terms, sent date, term start)).

    *payer* is one :class:`~payterms.runs.Payer` (or
    :class:`~payterms.behaviour.PaymentBehaviour`) for every invoice, or one per invoice
    (a sequence or Series, as a ledger's column of customer payers), each row then
    computed with its own, once per distinct (terms, payer, sent date, term start).
    With *data*, a DataFrame, *terms*, *sent*, *payer* and *term_starts* may name its
    columns.

    >>> from payterms.runs import Payer, PaymentRun
    >>> from payterms.terms import PaymentTerms
    >>> payer = Payer(runs=PaymentRun.monthly(25), approval_days=5)
    >>> expected_payment_dates(PaymentTerms.end_of_month(30),
    ...                        [date(2026, 1, 30), date(2026, 2, 2), date(2026, 1, 30)], payer)
    (datetime.date(2026, 3, 25), datetime.date(2026, 4, 27), datetime.date(2026, 3, 25))
    >>> from payterms.terms import Start
    >>> on_delivery = PaymentTerms(installments=PaymentTerms.net(30).installments,
    ...                            start=Start.DELIVERY)
    >>> expected_payment_dates(on_delivery, [date(2026, 1, 30)], payer,
    ...                        term_starts=[date(2026, 2, 20)])
    (datetime.date(2026, 3, 25),)
    >>> import pandas as pd
    >>> ledger = pd.DataFrame({"invoice_date": [date(2026, 1, 30), date(2026, 1, 30)],
    ...                        "pays": [payer, Payer(runs=PaymentRun.weekly(4))],
    ...                        "terms": [PaymentTerms.net(30)] * 2, "note": ["a", "b"]})
    >>> expected_payment_dates("terms", "invoice_date", "pays", data=ledger).tolist()
    [datetime.date(2026, 3, 25), datetime.date(2026, 3, 6)]
    """
    what = "expected_payment_dates"
    if data is not None:
        found = resolve_data(
            data, what, {"terms": terms, "sent": sent, "payer": payer, "term_starts": term_starts}
        )
        terms, sent, payer, term_starts = (
            found["terms"],
            found["sent"],
            found["payer"],
            found["term_starts"],
        )
    if isinstance(payer, PaymentBehaviour):
        payer = payer.payer
    column = _read_dates(sent, "sent", what)
    keys = _read_keys(terms, len(column), "terms", PaymentTerms, what, column.index)
    if not isinstance(payer, Payer):
        payers = _read_payers(payer, len(column), what, column.index)
        return _rebuild(
            column,
            _per_row_payers(column, terms, keys, payers, term_starts, amount, adjustment, currency),
            what,
        )

    def cash(t: PaymentTerms, day: date, start: date | None = None) -> date:
        return expected_payment_date(
            t,
            day,
            payer,
            amount=amount,
            term_start=start,
            adjustment=adjustment,
            currency=currency,
        )

    if term_starts is not None:
        events = _read_dates(term_starts, "term_starts", what)
        if len(events) != len(column):
            raise InvalidArgument(
                "term_starts", f"{len(events)} dates", f"one per sent date ({len(column)} dates)"
            )
        if (
            events.index is not None
            and column.index is not None
            and not events.index.equals(column.index)
        ):
            raise InvalidArgument(
                "term_starts", events.index, "a Series with the same index as sent"
            )
        per_row = keys if keys is not None else [terms] * len(column)
        pairs = list(zip(per_row, _date_list(events), strict=True))
        result = _map_pairs(lambda key, day: cash(key[0], day, key[1]), pairs, column)
    elif keys is None:
        single: PaymentTerms = terms
        result = _map_one(lambda day: cash(single, day), column)
    else:
        result = _map_pairs(cash, keys, column)
    return _rebuild(column, result, what)


def _read_payers(values: object, n: int, what: str, index: Any) -> list[Payer]:
    """Return one Payer per row from a sequence or Series of Payers or PaymentBehaviours."""
    kind = _kind(values)
    if kind == "pandas":
        pandas = _pandas(what)
        if not isinstance(values, pandas.Series):
            raise InvalidType("payer", values, "a Payer, a PaymentBehaviour or a Series of them")
        if index is not None and not values.index.equals(index):
            raise InvalidArgument("payer", values.index, "a Series with the same index as sent")
        items: list[Any] = values.tolist()
    elif kind == "numpy":
        items = values.tolist()  # type: ignore[attr-defined]
    elif isinstance(values, (str, bytes)) or not isinstance(values, Iterable):
        raise InvalidType("payer", values, "a Payer, a PaymentBehaviour or one per invoice")
    else:
        items = list(values)
    if len(items) != n:
        raise InvalidArgument("payer", f"{len(items)} payers", f"one per date ({n} dates)")
    out: list[Payer] = []
    for i, item in enumerate(items):
        if isinstance(item, PaymentBehaviour):
            item = item.payer
        if not isinstance(item, Payer):
            raise InvalidType(f"payer[{i}]", item, "a payterms.Payer or PaymentBehaviour")
        out.append(item)
    return out


def _per_row_payers(
    column: _Dates,
    terms: object,
    keys: list[PaymentTerms] | None,
    payers: list[Payer],
    term_starts: object,
    amount: Decimal | int | str | None,
    adjustment: Adjustment,
    currency: str,
) -> list[date] | npt.NDArray[np.int64]:
    """Return the cash date of each row with its own payer, once per distinct row key."""
    n = len(column)
    per_row_terms: list[Any] = keys if keys is not None else [terms] * n
    codes: dict[int, int] = {}
    distinct: list[Payer] = []
    for p in payers:
        if id(p) not in codes:
            codes[id(p)] = len(distinct)
            distinct.append(p)
    starts: list[date | None] = [None] * n
    if term_starts is not None:
        events = _read_dates(term_starts, "term_starts", "expected_payment_dates")
        if len(events) != n:
            raise InvalidArgument(
                "term_starts", f"{len(events)} dates", f"one per sent date ({n} dates)"
            )
        starts = list(_date_list(events))
    row_keys = [
        (t, codes[id(p)], start) for t, p, start in zip(per_row_terms, payers, starts, strict=True)
    ]

    def cash(key: tuple[PaymentTerms, int, date | None], day: date) -> date:
        return expected_payment_date(
            key[0],
            day,
            distinct[key[1]],
            amount=amount,
            term_start=key[2],
            adjustment=adjustment,
            currency=currency,
        )

    return _map_pairs(cash, row_keys, column)


# --------------------------------------------------------------------------- schedules

# PaymentTerms.schedule rounds a total in the package's one context: the same here, so
# that an amount too long for it is refused here exactly as there
_SCHEDULE_CONTEXT = CONTEXT


class Schedules(Sequence[Schedule]):
    """The schedules of many invoices, held as columns; index or iterate for :class:`Schedule` s.

    :func:`schedules` returns it. The dates and amounts are kept as arrays (days and
    whole minor units of :attr:`currency`), so no per-invoice object is built until one
    is asked for: ``schedules[i]`` (or iterating) gives the
    :class:`~payterms.terms.Schedule` that ``terms.schedule(...)`` gives for invoice
    *i*, and :meth:`to_frame` / :meth:`discounts_frame` give every instalment / discount
    window as one pandas DataFrame. It compares equal to any sequence of the same
    schedules.

    >>> from payterms.terms import PaymentTerms
    >>> batch = schedules(PaymentTerms.net(30).with_discount(2, "10D"),
    ...                   [date(2026, 1, 15), date(2026, 2, 1)], ["100.00", "250.00"])
    >>> len(batch), batch[1].dues[0].amount, batch[1].discounts[0].payable
    (2, Decimal('250.00'), Decimal('245.00'))
    """

    __slots__ = (
        "_due_days",
        "_due_offsets",
        "_due_units",
        "_exponent",
        "_index",
        "_objects",
        "_starts",
        "_terms",
        "_terms_codes",
        "_totals",
        "_win_days",
        "_win_discount",
        "_win_offsets",
        "_win_payable",
        "_win_percents",
        "currency",
    )

    def __init__(self, currency: str, index: Any = None) -> None:
        self.currency = currency
        """The currency of every amount (ISO 4217 code)."""
        self._index = index
        self._objects: tuple[Schedule, ...] | None = None
        self._exponent = 0
        self._starts: Any = ()
        self._terms: tuple[PaymentTerms, ...] = ()
        self._terms_codes: Any = None
        self._totals: Any = ()
        self._due_offsets: Any = (0,)
        self._due_days: Any = ()
        self._due_units: Any = ()
        self._win_offsets: Any = (0,)
        self._win_days: Any = ()
        self._win_percents: Any = ()
        self._win_payable: Any = ()
        self._win_discount: Any = ()

    @classmethod
    def _of(cls, rows: Sequence[Schedule], currency: str, index: Any) -> Schedules:
        result = cls(currency, index)
        result._objects = tuple(rows)
        return result

    # -- the sequence ------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._objects) if self._objects is not None else len(self._starts)

    @overload
    def __getitem__(self, index: int) -> Schedule: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[Schedule, ...]: ...

    def __getitem__(self, index: int | slice) -> Schedule | tuple[Schedule, ...]:
        if isinstance(index, slice):
            return tuple(self[i] for i in range(*index.indices(len(self))))
        if self._objects is not None:
            return self._objects[index]
        n = len(self)
        position = operator.index(index)
        if not -n <= position < n:
            raise IndexError(f"schedule {index} out of range for {n} invoices")
        return self._row(position % n)

    def __iter__(self) -> Iterator[Schedule]:
        if self._objects is not None:
            return iter(self._objects)
        return self._rows(0, len(self))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence) or isinstance(other, (str, bytes)):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    __hash__ = None  # type: ignore[assignment]  # a column, not a value to hash

    def __repr__(self) -> str:
        return f"<Schedules of {len(self)} invoices in {self.currency}>"

    def _money(self, units: int) -> Decimal:
        return Decimal(units).scaleb(-self._exponent, _SCHEDULE_CONTEXT)

    def _row(self, i: int) -> Schedule:
        return next(self._rows(i, i + 1))

    def _rows(self, first: int, stop: int) -> Iterator[Schedule]:
        """Build the schedules of invoices *first* to *stop* (excluded) from the columns."""
        money = self._money
        epoch = _EPOCH
        one_day = timedelta(days=1)
        due_offsets = self._due_offsets[first : stop + 1]
        win_offsets = self._win_offsets[first : stop + 1]
        a, b = int(due_offsets[0]), int(due_offsets[-1])
        due_days = [epoch + one_day * day for day in _as_list(self._due_days[a:b])]
        due_amounts = list(map(money, _as_list(self._due_units[a:b])))
        dues = list(map(Due, due_days, due_amounts))
        c, d = int(win_offsets[0]), int(win_offsets[-1])
        win_days = [epoch + one_day * day for day in _as_list(self._win_days[c:d])]
        win_percents = _as_list(self._win_percents[c:d])
        win_payable = list(map(money, _as_list(self._win_payable[c:d])))
        win_discount = list(map(money, _as_list(self._win_discount[c:d])))
        starts = [epoch + one_day * day for day in _as_list(self._starts[first:stop])]
        totals = map(money, _as_list(self._totals[first:stop]))
        currency = self.currency
        due_bounds = [offset - a for offset in _as_list(due_offsets)]
        win_bounds = [offset - c for offset in _as_list(win_offsets)]
        distinct, codes = self._terms, self._terms_codes
        for k, (start, total) in enumerate(zip(starts, totals, strict=True)):
            # the columnar plan admits discounts on the whole amount only: the base is the total
            w = slice(win_bounds[k], win_bounds[k + 1])
            windows = tuple(
                DiscountWindow(day, percent, payable, discount, total)
                for day, percent, payable, discount in zip(
                    win_days[w], win_percents[w], win_payable[w], win_discount[w], strict=True
                )
            )
            yield Schedule(
                start,
                total,
                currency,
                tuple(dues[due_bounds[k] : due_bounds[k + 1]]),
                windows,
                terms=distinct[0 if codes is None else int(codes[first + k])] if distinct else None,
            )

    # -- frames ------------------------------------------------------------------------

    def _flat(self) -> tuple[list[int], list[int], list[int], list[Decimal]]:
        """Return (invoice, line, day number, amount) of every instalment, in order."""
        owners: list[int] = []
        lines: list[int] = []
        days: list[int] = []
        amounts: list[Decimal] = []
        if self._objects is not None:
            for position, schedule in enumerate(self._objects):
                for line, due in enumerate(schedule.dues):
                    owners.append(position)
                    lines.append(line)
                    days.append(_to_day(due.date))
                    amounts.append(due.amount)
            return owners, lines, days, amounts
        offsets = _as_list(self._due_offsets)
        for position in range(len(self)):
            count = offsets[position + 1] - offsets[position]
            owners.extend([position] * count)
            lines.extend(range(count))
        return (
            owners,
            lines,
            _as_list(self._due_days),
            list(map(self._money, _as_list(self._due_units))),
        )

    def _labels(self, owners: Any) -> Any:
        pandas = _pandas("Schedules.to_frame")
        return pandas.Index(owners) if self._index is None else self._index.take(owners)

    def _repr_html_(self) -> str | None:
        return frame_html(self)

    def to_frame(self) -> pd.DataFrame:
        """Return every instalment as a pandas DataFrame, one row each (needs ``[pandas]``).

        The index repeats each invoice's label (the index of the dates or amounts when one
        of them is a Series, else the invoice's position); the columns are ``line`` (the
        instalment's position in the terms), ``due`` (``datetime64[s]``) and ``amount``
        (exact Decimal, object dtype; an invoice's amounts add up to its total).

        >>> from payterms.terms import Installment, PaymentTerms
        >>> split = PaymentTerms(installments=(Installment.percent(Decimal("30"), "0D"),
        ...                                    Installment.balance("CM+30D")))
        >>> schedules(split, [date(2026, 1, 15)], ["1000.00"]).to_frame()
           line        due  amount
        0     0 2026-01-15  300.00
        0     1 2026-03-02  700.00
        """
        pandas = _pandas("Schedules.to_frame")
        numpy = _numpy("Schedules.to_frame")
        owners, lines, days, amounts = self._flat()
        stamped = numpy.array(days, dtype="int64").view("datetime64[D]").astype("datetime64[s]")
        return pandas.DataFrame(
            {
                "line": numpy.array(lines, dtype="int64"),
                "due": stamped,
                "amount": pandas.array(amounts, dtype=object),
            },
            index=self._labels(numpy.array(owners, dtype="int64")),
        )

    def discounts_frame(self) -> pd.DataFrame:
        """Return every early-payment discount window as a pandas DataFrame (needs ``[pandas]``).

        One row per window, indexed like :meth:`to_frame`, in invoice order: first the
        windows on the whole invoice by last day, then each instalment's own windows (Odoo
        16 per-line discounts) in line order. The columns are ``line`` (the instalment a
        window belongs to, as in :meth:`to_frame`; ``<NA>`` for a window on the whole
        invoice), ``last_day`` (``datetime64[s]``), ``percent`` (None for a fixed-amount
        discount), ``payable`` and ``discount`` (exact Decimals; ``payable + discount`` is
        the invoice's total, or the instalment's amount for an instalment's window).

        >>> from payterms.terms import Installment, PaymentTerms
        >>> terms = PaymentTerms.net(30).with_discount(2, "10D")
        >>> schedules(terms, [date(2026, 1, 15)], ["99.99"]).discounts_frame()
           line   last_day percent payable discount
        0  <NA> 2026-01-25       2   97.99     2.00
        >>> per_line = PaymentTerms(installments=(
        ...     Installment.percent(Decimal("50"), "30D").with_discount(2, "10D"),
        ...     Installment.balance("60D").with_discount(1, "40D")))
        >>> schedules(per_line, [date(2023, 1, 1)], ["1210.00"]).discounts_frame()
           line   last_day percent payable discount
        0     0 2023-01-11       2  592.90    12.10
        0     1 2023-02-10       1  598.95     6.05
        """
        pandas = _pandas("Schedules.discounts_frame")
        numpy = _numpy("Schedules.discounts_frame")
        owners: list[int] = []
        rows: list[tuple[int | None, int, Decimal | None, Decimal, Decimal]] = []
        for position, schedule in enumerate(self):
            windows = [(None, window) for window in schedule.discounts] + [
                (line, window) for line, due in enumerate(schedule.dues) for window in due.discounts
            ]
            for line, window in windows:
                owners.append(position)
                rows.append(
                    (
                        line,
                        _to_day(window.last_day),
                        window.percent,
                        window.payable,
                        window.discount,
                    )
                )
        days = numpy.array([row[1] for row in rows], dtype="int64")
        return pandas.DataFrame(
            {
                "line": pandas.array([row[0] for row in rows], dtype="Int64"),
                "last_day": days.view("datetime64[D]").astype("datetime64[s]"),
                "percent": pandas.array([row[2] for row in rows], dtype=object),
                "payable": pandas.array([row[3] for row in rows], dtype=object),
                "discount": pandas.array([row[4] for row in rows], dtype=object),
            },
            index=self._labels(numpy.array(owners, dtype="int64")),
        )


def _as_list(values: Any) -> list[Any]:
    """Return the items of an array (as Python ints, objects) or of a sequence, as a list."""
    return values.tolist() if hasattr(values, "tolist") else list(values)


def _invoice_rows(
    terms: object, starts: object, amounts: object, what: str
) -> tuple[_Dates, list[Decimal], Any]:
    """Return (start dates, amounts, pandas index or None), checked for length and index."""
    values, amount_index = _read_amounts(amounts, "amounts", what)
    column = _read_dates(starts, "starts", what)
    if len(column) != len(values):
        raise InvalidArgument(
            "amounts", f"{len(values)} amounts", f"one per start date ({len(column)} dates)"
        )
    index = column.index
    if index is None:
        index = amount_index
    elif amount_index is not None and not amount_index.equals(index):
        raise InvalidArgument("amounts", amount_index, "a Series with the same index as starts")
    return column, values, index


def _schedule_objects(
    what: str,
    keys: list[PaymentTerms] | None,
    terms: PaymentTerms,
    days: list[date],
    values: list[Decimal],
    settings: dict[str, Any],
) -> list[Schedule]:
    """Return ``terms.schedule`` of each row, once per distinct (terms, start, amount)."""
    rows: Iterable[tuple[PaymentTerms, date, Decimal]]
    if keys is None:
        rows = ((terms, day, value) for day, value in zip(days, values, strict=True))
    else:
        rows = zip(keys, days, values, strict=True)
    memo: dict[tuple[PaymentTerms, date, Decimal], Schedule] = {}
    out: list[Schedule] = []
    for i, row in enumerate(rows):
        found = memo.get(row)
        if found is None:
            t, day, value = row
            try:
                found = t.schedule(day, value, **settings)
            except PaytermsError as exc:
                exc.add_note(f"at row {i} of {what}")
                raise
            memo[row] = found
        out.append(found)
    return out


def _total_units(
    numpy: Any, values: list[Decimal], unit: Decimal, exponent: int, rounding: str
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.bool_]]:
    """Return each amount rounded to whole minor units, and the rows it could not round.

    Amounts already in whole minor units (the usual case) are read for all rows at once
    (:func:`_whole_units`); the others are rounded as ``PaymentTerms.schedule`` rounds
    them (the same context and mode). A row that does not fit in int64 (an amount of more
    than 18 digits) is marked for the exact engine, which answers it or raises what it
    raises.
    """
    units, partial = _whole_units(numpy, values, exponent)
    failed = numpy.zeros(len(values), dtype=bool)
    for i in numpy.flatnonzero(partial).tolist():
        try:
            rounded = values[i].quantize(unit, rounding, _SCHEDULE_CONTEXT)
            units[i] = int(rounded.scaleb(exponent, _SCHEDULE_CONTEXT))
        except (ArithmeticError, OverflowError):
            failed[i] = True
    return units, failed


class _Block:
    """The schedules of the rows of one distinct terms, as matrices (row, line / tier)."""

    __slots__ = ("due_days", "due_units", "percents", "rows", "win_days", "win_disc", "win_pay")

    def __init__(self, numpy: Any, rows: Any, lines: int, tiers: int) -> None:
        m = len(rows)
        self.rows = rows
        self.due_days = numpy.zeros((m, lines), dtype="int64")
        self.due_units = numpy.zeros((m, lines), dtype="int64")
        self.win_days = numpy.zeros((m, tiers), dtype="int64")
        self.win_pay = numpy.zeros((m, tiers), dtype="int64")
        self.win_disc = numpy.zeros((m, tiers), dtype="int64")
        self.percents = numpy.empty((m, tiers), dtype=object)

    def put(self, numpy: Any, at: int, schedule: Schedule, exponent: int) -> None:
        """Write one schedule computed by the exact engine into row *at*."""

        def units(amount: Decimal) -> int:
            return int(amount.scaleb(exponent))

        columns = (
            ("due_units", [units(due.amount) for due in schedule.dues]),
            ("win_pay", [units(window.payable) for window in schedule.discounts]),
            ("win_disc", [units(window.discount) for window in schedule.discounts]),
        )
        for name, values in columns:
            matrix = getattr(self, name)
            if matrix.dtype != object and any(abs(v) >= 1 << 63 for v in values):
                matrix = matrix.astype(object)  # amounts beyond int64 stay Python ints
                setattr(self, name, matrix)
            matrix[at] = values
        self.due_days[at] = [_to_day(due.date) for due in schedule.dues]
        self.win_days[at] = [_to_day(window.last_day) for window in schedule.discounts]
        self.percents[at] = [window.percent for window in schedule.discounts]


def _long(numpy: Any, n: int, blocks: list[_Block], field: str, width: str) -> tuple[Any, Any]:
    """Return (offsets, values) of one field laid out invoice after invoice, line after line."""
    counts = numpy.zeros(n, dtype="int64")
    for block in blocks:
        counts[block.rows] = getattr(block, width).shape[1]
    offsets = numpy.zeros(n + 1, dtype="int64")
    numpy.cumsum(counts, out=offsets[1:])
    kinds = {getattr(block, field).dtype for block in blocks}
    dtype = kinds.pop() if len(kinds) == 1 else object
    values = numpy.empty(int(offsets[-1]), dtype=dtype)
    for block in blocks:
        matrix = getattr(block, field)
        if len(blocks) == 1 and matrix.shape[1]:
            values = matrix.reshape(-1)
        elif matrix.size:
            where = offsets[block.rows][:, None] + numpy.arange(matrix.shape[1])
            values[where] = matrix
    return offsets, values


def _schedules_on_arrays(
    numpy: Any,
    what: str,
    terms: object,
    column: _Dates,
    values: list[Decimal],
    index: Any,
    settings: dict[str, Any],
) -> Schedules:
    """Return the schedules of a numpy or pandas column of invoices through the arrays."""
    n = len(values)
    calendar: BusinessCalendar | None = settings["calendar"]
    currency: str = settings["currency"]
    rounding: str = settings["rounding"]
    coded = _terms_codes(numpy, terms, n, index, what)
    distinct: list[PaymentTerms] = [terms] if coded is None else coded[0]  # type: ignore[list-item]
    if column.days is not None:
        days = column.days
    else:
        day_of = {day: _to_day(day) for day in _distinct_dates(column)}
        items: list[Any] = column.items
        days = numpy.fromiter(map(day_of.__getitem__, items), dtype="int64", count=n)
    result = Schedules(currency, index)
    result._starts = days
    result._terms = tuple(distinct)
    result._terms_codes = None if coded is None else coded[1]
    if not n:
        result._totals = numpy.empty(0, dtype="int64")
        result._due_offsets = result._win_offsets = numpy.zeros(1, dtype="int64")
        return result

    def exact(row: int) -> Schedule:
        one = distinct[0] if coded is None else distinct[int(coded[1][row])]
        try:
            return one.schedule(_from_day(int(days[row]), column), values[row], **settings)
        except PaytermsError as exc:
            exc.add_note(f"at row {row} of {what}")
            raise

    if any(line.discounts for one in distinct for line in one.installments):
        # an instalment's own discounts have no columns: each row is the exact schedule
        seen: dict[tuple[int, int, Decimal], Schedule] = {}
        each: list[Schedule] = []
        for row in range(n):
            key = (0 if coded is None else int(coded[1][row]), int(days[row]), values[row])
            known = seen.get(key)
            if known is None:
                known = seen[key] = exact(row)
            each.append(known)
        return Schedules._of(each, currency, index)
    try:
        check_rounding(rounding)
        unit = smallest_unit(currency)
    except PaytermsError:  # every row is refused: the first one says why
        exact(0)
        raise  # pragma: no cover - the exact engine refuses the row as well
    exponent = -int(unit.as_tuple().exponent)
    totals, failed = _total_units(numpy, values, unit, exponent, rounding)
    business = None if calendar is None else _columnar.BusinessDays(numpy, calendar)
    blocks: list[_Block] = []
    unsure_rows: list[Any] = []
    for k, one in enumerate(distinct):
        rows = numpy.arange(n) if coded is None else numpy.flatnonzero(coded[1] == k)
        if not len(rows):
            continue
        block = _Block(numpy, rows, len(one.installments), len(one.discounts))
        blocks.append(block)
        plan = _columnar.share_plan(one, exponent)
        if plan is None:
            unsure = numpy.ones(len(rows), dtype=bool)
        else:
            unsure = _schedule_block(numpy, one, plan, block, days, totals, business, settings)
            unsure |= failed[rows]
        unsure_rows.append((block, numpy.flatnonzero(unsure)))
    asked = sorted(
        (int(block.rows[at]), at, block) for block, where in unsure_rows for at in where.tolist()
    )
    memo: dict[tuple[int, int, Decimal], Schedule] = {}
    for row, at, block in asked:  # in row order: the first row refused is the one named
        key = (id(block), int(days[row]), values[row])
        found = memo.get(key)
        if found is None:
            found = memo[key] = exact(row)
        block.put(numpy, at, found, exponent)
    if failed.any():  # totals beyond int64: the exact engine's, as Python ints
        totals = totals.astype(object)
        for row in numpy.flatnonzero(failed).tolist():
            one = distinct[0] if coded is None else distinct[int(coded[1][row])]
            total = one.schedule(_from_day(int(days[row]), column), values[row], **settings)
            totals[row] = int(total.amount.scaleb(exponent))
    result._exponent = exponent
    result._totals = totals
    result._due_offsets, result._due_days = _long(numpy, n, blocks, "due_days", "due_days")
    _, result._due_units = _long(numpy, n, blocks, "due_units", "due_days")
    result._win_offsets, result._win_days = _long(numpy, n, blocks, "win_days", "win_days")
    _, result._win_percents = _long(numpy, n, blocks, "percents", "win_days")
    _, result._win_payable = _long(numpy, n, blocks, "win_pay", "win_days")
    _, result._win_discount = _long(numpy, n, blocks, "win_disc", "win_days")
    return result


def _schedule_block(
    numpy: Any,
    terms: PaymentTerms,
    plan: _columnar.SharePlan,
    block: _Block,
    days: npt.NDArray[np.int64],
    totals: npt.NDArray[np.int64],
    business: _columnar.BusinessDays | None,
    settings: dict[str, Any],
) -> npt.NDArray[np.bool_]:
    """Fill *block* with the schedules of its rows on arrays; return the rows left unsure.

    Dates are computed once per distinct start (over the rows' span of days when it is
    small against the rows), amounts once per row in whole minor units.
    """
    rows = block.rows
    starts = days[rows]
    low, high = int(starts.min()), int(starts.max())
    if high - low + 1 <= _DENSE_FACTOR * len(rows) + 4096:
        grid = numpy.arange(low, high + 1, dtype="int64")
        where = starts - low
    else:
        grid, where = numpy.unique(starts, return_inverse=True)
        where = where.reshape(-1)
    lines, tiers, unsure_days = _columnar.terms_schedule_days(
        numpy, terms, grid, business, settings["adjustment"]
    )
    unsure = unsure_days[where]
    block.due_days[:] = lines[:, where].T
    mine = totals[rows]
    unsure |= numpy.abs(mine) > plan.bound
    mine = numpy.where(unsure, 0, mine)
    shares, unsure_shares = plan.shares(numpy, mine, settings["rounding"])
    unsure |= unsure_shares
    block.due_units[:] = shares.T
    if len(plan.tiers):
        last = tiers[:, where].T  # (rows, tiers) in the terms' order
        order = numpy.argsort(last, axis=1, kind="stable")  # windows by last day
        discounts = plan.discounts(numpy, mine, settings["rounding"]).T
        block.win_days[:] = numpy.take_along_axis(last, order, axis=1)
        block.win_disc[:] = numpy.take_along_axis(discounts, order, axis=1)
        block.win_pay[:] = mine[:, None] - block.win_disc
        percents = numpy.empty(len(plan.tier_percents), dtype=object)
        percents[:] = plan.tier_percents
        block.percents[:] = percents[order]
    return unsure  # type: ignore[no-any-return]


def schedules(
    terms: PaymentTerms | Sequence[PaymentTerms] | pd.Series | str,
    starts: Any,
    amounts: Any,
    *,
    calendar: BusinessCalendar | None = None,
    adjustment: Adjustment | None = None,
    currency: str = "EUR",
    rounding: str = DEFAULT_ROUNDING,
    data: pd.DataFrame | None = None,
) -> Schedules:
    """Return the schedule of each invoice as :class:`Schedules`, a column of them.

    Row *i* is ``terms.schedule(starts[i], amounts[i], ...)`` with the keyword arguments
    shared by every row (with a *calendar*, *adjustment* is ``FOLLOWING`` unless given).
    *starts* is a date column as for :func:`due_dates`; *amounts*
    are Decimal, int or str values (a sequence, an object array or a Series; a float is
    refused, naming its position); *terms* is one :class:`~payterms.terms.PaymentTerms`
    or one per invoice. Terms that need the tax amount of each invoice are scheduled one
    by one with :meth:`PaymentTerms.schedule <payterms.terms.PaymentTerms.schedule>`.

    On a numpy or pandas column the dates are computed once per distinct (terms, start)
    and the amounts as whole minor units for all rows at once, checked once per column;
    rows the arrays cannot settle (amounts the terms refuse, a rounding that takes more
    than there is) are scheduled by ``PaymentTerms.schedule``. A plain sequence is
    scheduled once per distinct (terms, start, amount), without numpy. Either way the
    result builds a :class:`~payterms.terms.Schedule` only for the rows asked for. With
    *data*, a DataFrame, *terms*, *starts* and *amounts* may name its columns.

    >>> from payterms.terms import Installment, PaymentTerms
    >>> split = PaymentTerms(installments=(Installment.percent(Decimal("30"), "0D"),
    ...                                    Installment.balance("CM+30D")))
    >>> [[(d.date.isoformat(), str(d.amount)) for d in s.dues]
    ...  for s in schedules(split, [date(2026, 1, 15)] * 2, ["1000", "0.05"])]
    [[('2026-01-15', '300.00'), ('2026-03-02', '700.00')],
     [('2026-01-15', '0.02'), ('2026-03-02', '0.03')]]
    """
    what = "schedules"
    if data is not None:
        found = resolve_data(data, what, {"terms": terms, "starts": starts, "amounts": amounts})
        terms, starts, amounts = found["terms"], found["starts"], found["amounts"]
    adjustment = check_adjustment(adjustment, calendar)
    if calendar is not None and not isinstance(calendar, BusinessCalendar):
        raise InvalidType("calendar", calendar, "a payterms.BusinessCalendar or None")
    column, values, index = _invoice_rows(terms, starts, amounts, what)
    settings: dict[str, Any] = {
        "calendar": calendar,
        "adjustment": adjustment,
        "currency": currency,
        "rounding": rounding,
    }
    if column.kind == "sequence" and _kind(amounts) == "sequence":
        keys = _read_keys(terms, len(values), "terms", PaymentTerms, what, index)
        rows = _schedule_objects(what, keys, terms, _date_list(column), values, settings)  # type: ignore[arg-type]
        return Schedules._of(rows, currency, index)
    numpy = _numpy(what)
    return _schedules_on_arrays(numpy, what, terms, column, values, index, settings)


def amounts_due(
    terms: PaymentTerms | Sequence[PaymentTerms] | pd.Series | str,
    starts: Any,
    amounts: Any,
    *,
    calendar: BusinessCalendar | None = None,
    adjustment: Adjustment | None = None,
    currency: str = "EUR",
    rounding: str = DEFAULT_ROUNDING,
    data: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Return every instalment of every invoice as a pandas DataFrame (needs ``[pandas]``).

    One row per instalment, in invoice order then line order: the index repeats the
    invoice's label (the index of *starts* or *amounts* when one is a Series, else its
    position), and the columns are ``line`` (the instalment's position in the terms),
    ``due`` (``datetime64[s]``) and ``amount`` (exact Decimal, object dtype; an invoice's
    amounts add up to its total). It is ``schedules(...).to_frame()`` (with a *calendar*,
    *adjustment* is ``FOLLOWING`` unless given); group it by ``due`` for a cash-in
    forecast. With *data*, a DataFrame, *terms*, *starts* and *amounts* may name its
    columns.

    >>> from payterms.terms import Installment, PaymentTerms
    >>> split = PaymentTerms(installments=(Installment.percent(Decimal("30"), "0D"),
    ...                                    Installment.balance("CM+30D")))
    >>> amounts_due(split, [date(2026, 1, 15), date(2026, 2, 3)], ["1000.00", "200.00"])
       line        due  amount
    0     0 2026-01-15  300.00
    0     1 2026-03-02  700.00
    1     0 2026-02-03   60.00
    1     1 2026-03-30  140.00
    """
    _pandas("amounts_due")
    if data is not None:
        found = resolve_data(
            data, "amounts_due", {"terms": terms, "starts": starts, "amounts": amounts}
        )
        terms, starts, amounts = found["terms"], found["starts"], found["amounts"]
    return schedules(
        terms,
        starts,
        amounts,
        calendar=calendar,
        adjustment=adjustment,
        currency=currency,
        rounding=rounding,
    ).to_frame()


# --------------------------------------------------------------------------- late interest


def _read_amounts(values: object, name: str, what: str) -> tuple[list[Decimal], Any]:
    """Return the amounts of *values* as Decimals and the pandas index (or None).

    Floats are refused, the way every payterms amount refuses them; the error names the
    position of the first one.
    """
    kind = _kind(values)
    index = None
    if kind == "pandas":
        pandas = _pandas(what)
        if not isinstance(values, pandas.Series):
            raise InvalidType(name, values, "a pandas Series of Decimal or str amounts")
        index = values.index
        items = values.tolist()
    elif kind == "numpy":
        numpy = _numpy(what)
        if not isinstance(values, numpy.ndarray) or values.ndim != 1:
            raise InvalidType(name, values, "a one-dimensional array of Decimal or str amounts")
        items = values.tolist()
    elif isinstance(values, (str, bytes, Decimal)) or not isinstance(values, Iterable):
        raise InvalidType(name, values, "a sequence of Decimal, int or str amounts")
    else:
        items = list(values)
    if set(map(type, items)) <= {Decimal} and all(map(Decimal.is_finite, items)):
        return items, index  # a column of finite Decimals: checked without a loop per row
    amounts = [
        item if type(item) is Decimal and item.is_finite() else to_decimal(item, f"{name}[{i}]")
        for i, item in enumerate(items)
    ]
    return amounts, index


def _date_list(column: _Dates) -> list[date]:
    """Return the dates of *column* as ``datetime.date`` values, checked."""
    if column.days is not None:
        memo: dict[int, date] = {}
        out = []
        for day in column.days.tolist():
            found = memo.get(day)
            if found is None:
                found = memo[day] = _from_day(day, column)
            out.append(found)
        return out
    return [_check_item(item, column.name, i) for i, item in enumerate(column.items)]


@frozen
class InterestColumns:
    """The late interest of many claims as columns, one entry per claim, in order.

    :func:`late_interest_many` returns it for a sequence or a numpy array of principals.
    ``interest`` and ``compensation`` are the amounts :func:`~payterms.interest.late_interest`
    gives for each claim (rounded once, in :attr:`currency`), ``days`` its number of
    interest days (under the day count). :meth:`to_frame` lays them out as a pandas
    DataFrame; ``late_interest_many(..., detail=True)`` gives the full
    :class:`~payterms.interest.InterestResult` of each claim instead.

    >>> claims = late_interest_many(["1000.00", "250.00"], [date(2024, 1, 10)] * 2,
    ...                             [date(2024, 4, 9), date(2024, 1, 10)], rate=Decimal("0.08"))
    >>> claims.interest, claims.days
    ((Decimal('19.73'), Decimal('0.00')), (90, 0))
    """

    currency: str
    interest: tuple[Decimal, ...]
    compensation: tuple[Decimal, ...]
    days: tuple[int, ...]

    def __len__(self) -> int:
        return len(self.interest)

    def _repr_html_(self) -> str | None:
        return frame_html(self)

    def to_frame(self) -> pd.DataFrame:
        """Return the columns as a pandas DataFrame, one row per claim (needs ``[pandas]``).

        >>> late_interest_many(["1000.00"], [date(2024, 1, 10)], [date(2024, 4, 9)],
        ...                    rate=Decimal("0.08")).to_frame()
          interest compensation  days
        0    19.73         0.00    90
        """
        pandas = _pandas("InterestColumns.to_frame")
        return pandas.DataFrame(
            {
                "interest": pandas.array(list(self.interest), dtype=object),
                "compensation": pandas.array(list(self.compensation), dtype=object),
                "days": pandas.array(list(self.days), dtype="int64"),
            }
        )


def _claim_days(column: _Dates, numpy: Any) -> npt.NDArray[np.int64]:
    """Return the day numbers of a date column (checked), as an int64 array."""
    if column.days is not None:
        return column.days
    day_of = {day: _to_day(day) for day in _distinct_dates(column)}
    items: list[Any] = column.items
    return numpy.fromiter(map(day_of.__getitem__, items), dtype="int64", count=len(items))  # type: ignore[no-any-return]


def _whole_units(
    numpy: Any, values: list[Decimal], exponent: int
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.bool_]]:
    """Return each amount in whole minor units, and the rows that are not (or too large).

    The column is multiplied by ``10**exponent`` and truncated, for all rows at once; for
    amounts of one sign the truncation lost nothing exactly when the sum of the products
    equals the sum of their integer parts, so one comparison checks every row. Otherwise
    each amount's integer ratio says which rows are whole.
    """
    n = len(values)
    if not n:
        return numpy.zeros(0, dtype="int64"), numpy.zeros(0, dtype=bool)
    scale = 10**exponent
    column = numpy.fromiter(values, dtype=object, count=n)
    try:
        with decimal.localcontext(CONTEXT):
            scaled = column * Decimal(scale)
            units = scaled.astype("int64")
            # no product below zero (a part of 1 or more has a product of 1 or more), and
            # int64 holds the sum of the parts: each part is at most its product, so equal
            # sums mean that no part lost anything
            if (
                (int(units.min()) >= 1 or scaled.min() >= 0)
                and int(units.max()) <= (1 << 62) // n
                and Decimal(int(units.sum())) == scaled.sum()
            ):
                return units, numpy.zeros(n, dtype=bool)
    except (ArithmeticError, OverflowError, TypeError):
        pass
    try:
        ratios = itertools.chain.from_iterable(map(Decimal.as_integer_ratio, values))
        pairs = numpy.fromiter(ratios, dtype="int64", count=2 * n).reshape(n, 2)
    except OverflowError:  # a numerator or denominator past int64: row by row
        pairs = numpy.array(
            [
                ratio if max(map(abs, ratio)) < 1 << 62 else (0, 3)
                for ratio in map(Decimal.as_integer_ratio, values)
            ],
            dtype="int64",
        ).reshape(n, 2)
    numerators, denominators = pairs[:, 0], pairs[:, 1]
    whole = (scale % denominators == 0) & (numpy.abs(numerators) <= (1 << 62) // scale)
    units = numerators * numpy.where(whole, scale // denominators, 0)
    return units, ~whole


def _compensation_units(
    numpy: Any, rules: ClaimRules, units: npt.NDArray[np.int64], exponent: int
) -> npt.NDArray[np.int64]:
    """Return the fixed compensation of each claim (as if late), in whole minor units.

    A sum set by the caller, a flat sum and no sum are one figure; a banded sum is read
    from its bands in one search; any other rule is asked once per distinct principal.
    """
    from payterms.law import BandedCompensation, FlatCompensation, NoCompensation

    unit = rules.unit

    def rounded(value: Decimal) -> int:
        return int(round_to_unit(value, unit, rules.rounding).scaleb(exponent, CONTEXT))

    n = len(units)
    rule = rules.compensation
    if rules.fixed_compensation is not None or rule is None or isinstance(rule, NoCompensation):
        fixed = rules.fixed_compensation if rules.fixed_compensation is not None else Decimal(0)
        return numpy.full(n, rounded(fixed), dtype="int64")  # type: ignore[no-any-return]
    if isinstance(rule, FlatCompensation):
        return numpy.full(n, rounded(rule.value), dtype="int64")  # type: ignore[no-any-return]
    if isinstance(rule, BandedCompensation):
        bounds = [below.scaleb(exponent, CONTEXT) for below, _ in rule.bands]
        if bounds == sorted(bounds):  # a debt falls in the first band whose bound exceeds it
            ceilings = numpy.array(
                [int(b.to_integral_value(decimal.ROUND_CEILING)) for b in bounds]
            )
            sums = numpy.array([rounded(v) for _, v in rule.bands] + [rounded(rule.top)])
            return sums[numpy.searchsorted(ceilings, units, side="right")]  # type: ignore[no-any-return]
    distinct, inverse = numpy.unique(units, return_inverse=True)
    sums = numpy.array(
        [rounded(rule.amount(Decimal(v).scaleb(-exponent, CONTEXT))) for v in distinct.tolist()],
        dtype="int64",
    )
    return sums[inverse.reshape(-1)]  # type: ignore[no-any-return]


_TABLES: dict[tuple[ClaimRules, int, int], _columnar.InterestTable] = {}


def _interest_table(numpy: Any, rules: ClaimRules, low: int, high: int) -> _columnar.InterestTable:
    """Return the interest table of *rules* over days ``[low, high)``, kept for reuse."""
    key = (rules, low, high)
    found = _TABLES.get(key)
    if found is None:
        found = _columnar.InterestTable(numpy, rules, low, high)
        if len(_TABLES) >= 64:
            _TABLES.clear()
        _TABLES[key] = found
    return found


def _claims_on_arrays(
    numpy: Any,
    what: str,
    rules: ClaimRules,
    amounts: list[Decimal],
    due_column: _Dates,
    until_column: _Dates,
    payments: list[Iterable[Payment]] | None,
) -> tuple[npt.NDArray[np.object_], npt.NDArray[np.object_], npt.NDArray[np.int64]]:
    """Return the (interest, compensation, days) columns of the claims.

    Claims with part payments, claims the integer prefix table cannot settle (see
    :func:`payterms._columnar.claim_interest_units`), and every claim whose rules it
    does not cover, are computed by :func:`~payterms.interest.claim_interest`.
    """
    n = len(amounts)
    dues = _claim_days(due_column, numpy)
    untils = _claim_days(until_column, numpy)
    exponent = -int(rules.unit.as_tuple().exponent)
    base, unsure = _whole_units(numpy, amounts, exponent)
    unsure |= (base < 0) | (untils < dues)
    if payments is not None:
        unsure |= numpy.fromiter((bool(p) for p in payments), dtype=bool, count=n)
    due = dues
    if rules.due_adjustment is not Adjustment.UNADJUSTED and rules.calendar is not None:
        business = _columnar.BusinessDays(numpy, rules.calendar)
        due = numpy.minimum(business.adjust(dues, rules.due_adjustment, unsure), untils)
    shift = 1 if rules.payment_day is PaymentDay.INCLUDED else 0
    first = due + 1
    stop = numpy.maximum(untils + shift, first)
    late = (untils > due) & (base > 0)
    interest = numpy.zeros(n, dtype="int64")
    days = numpy.zeros(n, dtype="int64")
    if not _columnar.interest_table_fits(rules):
        unsure |= True
    else:
        bearing = ~unsure & (first < stop) & (base > 0)
        if bearing.any():
            low, high = int(first[bearing].min()), int(stop[bearing].max())
            table = _interest_table(numpy, rules, low, high)
            interest, days = _columnar.claim_interest_units(
                numpy, table, rules, base, first, stop, unsure
            )
    compensation = numpy.where(late, _compensation_units(numpy, rules, base, exponent), 0)
    exact: dict[int, Decimal] = {}  # compensation of the claims the exact engine computes
    for row in numpy.flatnonzero(unsure).tolist():
        try:
            result = claim_interest(
                rules,
                amounts[row],
                due=_from_day(int(dues[row]), due_column),
                until=_from_day(int(untils[row]), until_column),
                payments=() if payments is None else payments[row],
            )
        except PaytermsError as exc:
            exc.add_note(f"at row {row} of {what}")
            raise
        units = int(result.interest.scaleb(exponent, CONTEXT))
        if abs(units) >= 1 << 63 and interest.dtype != object:
            interest = interest.astype(object)  # past int64: kept as a Python int
        interest[row] = units
        exact[row] = result.compensation
        days[row] = sum(period.days for period in result.periods)
    with decimal.localcontext(CONTEXT):  # an integer times the minor unit: exact
        interest_column = interest.astype(object) * rules.unit
        # a few distinct sums (one, and zero for the claims not late): shared objects
        values, where = numpy.unique(compensation, return_inverse=True)
        sums = numpy.empty(len(values), dtype=object)
        sums[:] = [Decimal(v).scaleb(-exponent) for v in values.tolist()]
    compensation_column = sums[where.reshape(-1)]
    for row, fixed in exact.items():
        compensation_column[row] = fixed
    return interest_column, compensation_column, days


def _read_payments(values: object, n: int, index: Any, what: str) -> list[Iterable[Payment]]:
    """Return the part payments of each claim (an empty tuple for None), checked for length."""
    if _kind(values) == "pandas":
        pandas = _pandas(what)
        if not isinstance(values, pandas.Series):
            raise InvalidType("payments", values, "a pandas Series with one entry per claim")
        if index is not None and not values.index.equals(index):
            raise InvalidArgument(
                "payments", values.index, "a Series with the same index as the principals"
            )
        items = values.tolist()
    elif isinstance(values, (str, bytes)) or not isinstance(values, Iterable):
        raise InvalidType("payments", values, "a column with the part payments of each claim")
    else:
        items = values.tolist() if hasattr(values, "tolist") else list(values)
    if len(items) != n:
        raise InvalidArgument(
            "payments", f"{len(items)} entries", f"one per principal ({n} principals)"
        )
    return [() if item is None else item for item in items]


@overload
def late_interest_many(
    principals: Sequence[Decimal | int | str] | Iterator[Decimal | int | str] | npt.NDArray[Any],
    dues: Any,
    untils: Any,
    *,
    payments: Any = None,
    detail: Literal[False] = False,
    data: None = None,
    **options: Unpack[InterestOptions],
) -> InterestColumns: ...


@overload
def late_interest_many(
    principals: Sequence[Decimal | int | str] | Iterator[Decimal | int | str] | npt.NDArray[Any],
    dues: Any,
    untils: Any,
    *,
    payments: Any = None,
    detail: Literal[True],
    data: None = None,
    **options: Unpack[InterestOptions],
) -> tuple[InterestResult, ...]: ...


@overload
def late_interest_many(
    principals: pd.Series | str,
    dues: Any,
    untils: Any,
    *,
    payments: Any = None,
    detail: bool = False,
    data: pd.DataFrame | None = None,
    **options: Unpack[InterestOptions],
) -> pd.DataFrame | pd.Series: ...


def late_interest_many(
    principals: Any,
    dues: Any,
    untils: Any,
    *,
    payments: Any = None,
    detail: bool = False,
    data: pd.DataFrame | None = None,
    **options: Unpack[InterestOptions],
) -> Any:
    """Return the late interest of many claims as columns (or, with *detail*, each result).

    Row *i* is :func:`payterms.interest.late_interest` of ``principals[i]`` due on
    ``dues[i]`` up to ``untils[i]``. The keyword *options* are those of ``late_interest``
    (:class:`~payterms.interest.InterestOptions`: ``regime``, ``rate``, ``day_count``,
    ``payment_day``, ``rate_split``, ``compounding``, ``imputation``, ``assume``,
    ``compensation``, ``calendar``, ``currency``, ``rounding``), shared by every row and
    resolved once (:func:`~payterms.interest.claim_rules`). *principals* are Decimal, int
    or str amounts (a float is refused, naming its position; a pandas column of amounts
    has object dtype); *dues* and *untils* are date columns as for :func:`due_dates`. With
    *data*, a DataFrame, *principals*, *dues* and *untils* may name its columns.

    The result holds each claim's ``interest``, ``compensation`` (Decimals) and ``days``
    (its interest days): a DataFrame with the principals' index for a pandas Series (or
    for *data*), an :class:`InterestColumns` otherwise. With ``detail=True`` it is each
    claim's :class:`~payterms.interest.InterestResult` (periods, assumptions, outstanding
    amounts): a tuple, or a Series for a pandas Series. *payments*, if given, is a column
    with one entry per claim: its part payments (an iterable of
    :class:`~payterms.interest.Payment`, as ``late_interest`` takes them), or None or an
    empty tuple for none.

    On numpy or pandas columns the interest of every claim is one subtraction in a table
    of prefix sums of ``rate / year`` per day (built once per set of rules and span of
    days) and one rounding in integers, whatever the number of rate periods; claims the
    table cannot settle (annual compounding past a year, day counts other than actual
    and 30E/360, amounts beyond int64, days without a published rate) and claims with
    part payments are computed by :func:`~payterms.interest.claim_interest`, which also
    names the errors.

    >>> from decimal import Decimal
    >>> res = late_interest_many([Decimal("1000"), "250.00"],
    ...                          [date(2024, 1, 10), date(2024, 1, 10)],
    ...                          [date(2024, 4, 9), date(2024, 1, 10)], rate=Decimal("0.08"))
    >>> res.interest, res.days
    ((Decimal('19.73'), Decimal('0.00')), (90, 0))
    >>> [r.periods[0].rate for r in late_interest_many(
    ...     ["1000"], [date(2024, 1, 10)], [date(2024, 4, 9)], regime="BE", detail=True)]
    [Decimal('0.125')]
    >>> from payterms.interest import Payment
    >>> late_interest_many(["1000", "1000"], [date(2024, 1, 10)] * 2, [date(2024, 4, 9)] * 2,
    ...                    payments=[(), [Payment(date(2024, 2, 9), Decimal("500"))]],
    ...                    rate=Decimal("0.08")).interest
    (Decimal('19.73'), Decimal('13.24'))
    >>> late_interest_many([1.5], [date(2024, 1, 10)], [date(2024, 4, 9)], rate=Decimal("0.08"))
    Traceback (most recent call last):
    payterms.errors.InvalidType: principals[0]=1.5 has type float: expected a Decimal, int or str
    """
    what = "late_interest_many"
    if data is not None:
        found = resolve_data(data, what, {"principals": principals, "dues": dues, "untils": untils})
        principals, dues, untils = found["principals"], found["dues"], found["untils"]
    amounts, index = _read_amounts(principals, "principals", what)
    due_column = _read_dates(dues, "dues", what)
    until_column = _read_dates(untils, "untils", what)
    n = len(amounts)
    for column in (due_column, until_column):
        if len(column) != n:
            raise InvalidArgument(
                column.name, f"{len(column)} dates", f"one per principal ({n} principals)"
            )
        if index is not None and column.index is not None and not column.index.equals(index):
            raise InvalidArgument(
                column.name, column.index, "a Series with the same index as the principals"
            )
    paid = None if payments is None else _read_payments(payments, n, index, what)
    rules = claim_rules(**options)
    arrays = any(_kind(v) != "sequence" for v in (principals, dues, untils))
    if detail or not arrays:
        results = []
        for i, (amount, due, until) in enumerate(
            zip(amounts, _date_list(due_column), _date_list(until_column), strict=True)
        ):
            try:
                results.append(
                    claim_interest(
                        rules,
                        amount,
                        due=due,
                        until=until,
                        payments=() if paid is None else paid[i],
                    )
                )
            except PaytermsError as exc:
                exc.add_note(f"at row {i} of {what}")
                raise
        if detail:
            if index is None:
                return tuple(results)
            return _pandas(what).Series(results, index=index, dtype=object, name=what)
        interest: Any = [r.interest for r in results]
        compensation: Any = [r.compensation for r in results]
        day_counts: Any = [sum(p.days for p in r.periods) for r in results]
    else:
        numpy = _numpy(what)
        interest, compensation, day_counts = _claims_on_arrays(
            numpy, what, rules, amounts, due_column, until_column, paid
        )
    if index is None:
        as_list = _as_list
        return InterestColumns(
            rules.currency,
            tuple(as_list(interest)),
            tuple(as_list(compensation)),
            tuple(as_list(day_counts)),
        )
    pandas = _pandas(what)
    numpy = _numpy(what)
    return pandas.DataFrame(
        {
            "interest": numpy.asarray(interest, dtype=object),
            "compensation": numpy.asarray(compensation, dtype=object),
            "days": numpy.asarray(day_counts, dtype="int64"),
        },
        index=index,
        copy=False,
    )

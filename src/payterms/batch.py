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
:func:`~payterms.timing.expected_payment_date`, :func:`~payterms.interest.late_interest`).
The date functions do the work once per distinct (terms, date): a year of invoices has
at most 366 distinct dates, so 100 000 invoices cost 366 single computations and a table
look-up (DESIGN.md §6). The functions are pure (no state, no clock), so they run as they
are on each partition of a Dask or Spark frame.

* :func:`due_dates` returns the final due date of each invoice;
* :func:`expected_payment_dates` returns the day each invoice's money arrives from a payer;
* :func:`schedules` returns the schedule of each invoice, and :func:`amounts_due` the
  instalments of all of them as one pandas DataFrame (one row per instalment);
* :func:`late_interest_many` returns the late interest (and compensation) of each claim.

>>> from datetime import date
>>> from payterms.terms import PaymentTerms
>>> due_dates(PaymentTerms.end_of_month(45), [date(2026, 1, 15), date(2026, 1, 31)])
(datetime.date(2026, 3, 17), datetime.date(2026, 3, 17))
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal, TypeVar, Unpack, overload

from payterms._checks import check_date, to_decimal
from payterms._extras import require
from payterms.calendars import Adjustment, BusinessCalendar, check_adjustment
from payterms.errors import InvalidArgument, InvalidType, PaytermsError
from payterms.interest import InterestOptions, InterestResult, claim_interest, claim_rules
from payterms.money import DEFAULT_ROUNDING
from payterms.runs import Payer
from payterms.terms import PaymentTerms, Schedule
from payterms.timing import expected_payment_date

if TYPE_CHECKING:  # pragma: no cover - typing only
    import numpy as np
    import numpy.typing as npt
    import pandas as pd

__all__ = ["amounts_due", "due_dates", "expected_payment_dates", "late_interest_many", "schedules"]

_EPOCH = date(1970, 1, 1)  # day 0 of numpy's datetime64[D]
_EPOCH_ORDINAL = _EPOCH.toordinal()
_DENSE_FACTOR = 4  # a dense look-up table when the date span is at most this many rows

_Kind = Literal["sequence", "numpy", "pandas"]
_K = TypeVar("_K", bound=Hashable)

_DATES_EXPECTED = "a sequence of datetime.date, a numpy datetime64 array or a pandas Series"


# --------------------------------------------------------------------------- extras


def _numpy(what: str) -> Any:
    """Return the numpy module, or raise :class:`MissingExtra` naming the ``[numpy]`` extra."""
    return require("numpy", what)


def _pandas(what: str) -> Any:
    """Return the pandas module, or raise :class:`MissingExtra` naming the ``[pandas]`` extra."""
    return require("pandas", what)


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

    __slots__ = ("days", "index", "items", "kind", "name", "source_dtype")

    def __init__(
        self,
        name: str,
        kind: _Kind,
        *,
        days: npt.NDArray[np.int64] | None = None,
        items: list[object] | None = None,
        index: Any = None,
        source_dtype: Any = None,
    ) -> None:
        self.name = name
        self.kind = kind
        self.days = days
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
            days = _datetime64_days(values.to_numpy(), name, what)
            return _Dates(name, kind, days=days, index=values.index, source_dtype=dtype)
        if dtype.kind == "O":
            return _Dates(name, kind, items=values.tolist(), index=values.index)
        raise InvalidType(name, values, f"a Series of dates (datetime64 or object), not {dtype}")
    if kind == "numpy":
        numpy = _numpy(what)
        if not isinstance(values, numpy.ndarray) or values.ndim != 1:
            raise InvalidType(name, values, "a one-dimensional numpy array of dates")
        if values.dtype.kind == "M":
            return _Dates(name, kind, days=_datetime64_days(values, name, what))
        if values.dtype.kind == "O":
            return _Dates(name, kind, items=values.tolist())
        raise InvalidType(name, values, f"a datetime64 array, not {values.dtype}")
    if isinstance(values, (str, bytes, date)) or not isinstance(values, Iterable):
        raise InvalidType(name, values, _DATES_EXPECTED)
    return _Dates(name, kind, items=list(values))


def _datetime64_days(values: Any, name: str, what: str) -> npt.NDArray[np.int64]:
    """Return int64 day numbers of a datetime64 array; refuse NaT and times of day."""
    numpy = _numpy(what)
    missing = numpy.isnat(values)
    if missing.any():
        i = int(numpy.flatnonzero(missing)[0])
        raise InvalidArgument(f"{name}[{i}]", values[i], "a date (drop or fill missing dates)")
    days = values.astype("datetime64[D]")
    timed = days != values
    if timed.any():
        i = int(numpy.flatnonzero(timed)[0])
        raise InvalidArgument(f"{name}[{i}]", values[i], "a date without a time of day")
    result: npt.NDArray[np.int64] = days.view("int64")
    return result


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
    if column.kind == "pandas":
        pandas = _pandas(what)
        dtype = column.source_dtype if column.source_dtype is not None else "datetime64[s]"
        values = stamped.astype(dtype)
        if (values.astype("datetime64[D]") != stamped).any():
            # a date past the unit's range (datetime64[ns] ends in April 2262) would wrap
            values = stamped.astype("datetime64[s]")
        return pandas.Series(values, index=column.index, name=what)
    return stamped


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


# --------------------------------------------------------------------------- public functions


@overload
def due_dates(
    terms: PaymentTerms | Sequence[PaymentTerms],
    starts: Sequence[date] | Iterator[date],
    *,
    calendar: BusinessCalendar | None = None,
    adjustment: Adjustment = Adjustment.UNADJUSTED,
) -> tuple[date, ...]: ...


@overload
def due_dates(
    terms: PaymentTerms | Sequence[PaymentTerms] | npt.NDArray[Any],
    starts: npt.NDArray[Any],
    *,
    calendar: BusinessCalendar | None = None,
    adjustment: Adjustment = Adjustment.UNADJUSTED,
) -> npt.NDArray[np.datetime64]: ...


@overload
def due_dates(
    terms: PaymentTerms | Sequence[PaymentTerms] | pd.Series,
    starts: pd.Series,
    *,
    calendar: BusinessCalendar | None = None,
    adjustment: Adjustment = Adjustment.UNADJUSTED,
) -> pd.Series: ...


def due_dates(
    terms: Any,
    starts: Any,
    *,
    calendar: BusinessCalendar | None = None,
    adjustment: Adjustment = Adjustment.UNADJUSTED,
) -> Any:
    """Return the final due date of each invoice, in the container kind of *starts*.

    *starts* holds the day each invoice's term starts (usually its date): a sequence of
    ``datetime.date`` (a tuple comes back), a numpy ``datetime64`` array (a
    ``datetime64[D]`` array comes back) or a pandas Series (a Series with the same index
    comes back, named ``due_dates``, of the input's dtype, or ``datetime64[s]`` where a
    due date lies past that dtype's range, as 2262 is for ``datetime64[ns]``). *terms* is one
    :class:`~payterms.terms.PaymentTerms` for every invoice, or one per invoice (a
    sequence or Series of the same length; a Series must have the same index).

    Each date equals ``terms.due_date(start, calendar=calendar, adjustment=adjustment)``;
    it is computed once per distinct (terms, start).

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
    check_adjustment(adjustment)
    if calendar is not None and not isinstance(calendar, BusinessCalendar):
        raise InvalidType("calendar", calendar, "a payterms.BusinessCalendar or None")
    column = _read_dates(starts, "starts", "due_dates")
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
    payer: Payer,
    *,
    amount: Decimal | int | str | None = None,
    term_starts: Any = None,
    adjustment: Adjustment = Adjustment.UNADJUSTED,
    currency: str = "EUR",
) -> tuple[date, ...]: ...


@overload
def expected_payment_dates(
    terms: PaymentTerms | Sequence[PaymentTerms] | npt.NDArray[Any],
    sent: npt.NDArray[Any],
    payer: Payer,
    *,
    amount: Decimal | int | str | None = None,
    term_starts: Any = None,
    adjustment: Adjustment = Adjustment.UNADJUSTED,
    currency: str = "EUR",
) -> npt.NDArray[np.datetime64]: ...


@overload
def expected_payment_dates(
    terms: PaymentTerms | Sequence[PaymentTerms] | pd.Series,
    sent: pd.Series,
    payer: Payer,
    *,
    amount: Decimal | int | str | None = None,
    term_starts: Any = None,
    adjustment: Adjustment = Adjustment.UNADJUSTED,
    currency: str = "EUR",
) -> pd.Series: ...


def expected_payment_dates(
    terms: Any,
    sent: Any,
    payer: Payer,
    *,
    amount: Decimal | int | str | None = None,
    term_starts: Any = None,
    adjustment: Adjustment = Adjustment.UNADJUSTED,
    currency: str = "EUR",
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
    """
    what = "expected_payment_dates"
    if not isinstance(payer, Payer):
        raise InvalidType("payer", payer, "a payterms.Payer")
    column = _read_dates(sent, "sent", what)
    keys = _read_keys(terms, len(column), "terms", PaymentTerms, what, column.index)

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


# --------------------------------------------------------------------------- schedules


def _invoice_rows(
    terms: object, starts: object, amounts: object, what: str
) -> tuple[list[PaymentTerms] | None, list[date], list[Decimal], Any]:
    """Return (terms per row or None, start dates, amounts, pandas index or None), checked."""
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
    keys = _read_keys(terms, len(values), "terms", PaymentTerms, what, index)
    return keys, _date_list(column), values, index


def _schedule_rows(
    what: str,
    terms: object,
    starts: object,
    amounts: object,
    *,
    calendar: BusinessCalendar | None,
    adjustment: Adjustment,
    currency: str,
    rounding: str,
) -> tuple[list[Schedule], Any]:
    keys, days, values, index = _invoice_rows(terms, starts, amounts, what)
    rows: Iterable[tuple[PaymentTerms, date, Decimal]]
    if keys is None:
        single: PaymentTerms = terms  # type: ignore[assignment]  # checked by _read_keys
        rows = ((single, day, value) for day, value in zip(days, values, strict=True))
    else:
        rows = zip(keys, days, values, strict=True)
    memo: dict[tuple[PaymentTerms, date, Decimal], Schedule] = {}
    out: list[Schedule] = []
    for i, row in enumerate(rows):
        found = memo.get(row)
        if found is None:
            t, day, value = row
            try:
                found = t.schedule(
                    day,
                    value,
                    calendar=calendar,
                    adjustment=adjustment,
                    currency=currency,
                    rounding=rounding,
                )
            except PaytermsError as exc:
                exc.add_note(f"at row {i} of {what}")
                raise
            memo[row] = found
        out.append(found)
    return out, index


def schedules(
    terms: PaymentTerms | Sequence[PaymentTerms] | pd.Series,
    starts: Any,
    amounts: Any,
    *,
    calendar: BusinessCalendar | None = None,
    adjustment: Adjustment = Adjustment.UNADJUSTED,
    currency: str = "EUR",
    rounding: str = DEFAULT_ROUNDING,
) -> tuple[Schedule, ...]:
    """Return the :class:`~payterms.terms.Schedule` of each invoice, in order.

    Row *i* is ``terms.schedule(starts[i], amounts[i], ...)`` with the keyword arguments
    shared by every row, computed once per distinct (terms, start, amount). *starts* is
    a date column as for :func:`due_dates`; *amounts* are Decimal, int or str values (a
    sequence, an object array or a Series; a float is refused, naming its position);
    *terms* is one :class:`~payterms.terms.PaymentTerms` or one per invoice. Terms that
    need the tax amount of each invoice are scheduled one by one with
    :meth:`PaymentTerms.schedule <payterms.terms.PaymentTerms.schedule>`.

    >>> from payterms.terms import Installment, PaymentTerms
    >>> split = PaymentTerms(installments=(Installment.percent(Decimal("30"), "0D"),
    ...                                    Installment.balance("CM+30D")))
    >>> [[(d.date.isoformat(), str(d.amount)) for d in s.dues]
    ...  for s in schedules(split, [date(2026, 1, 15)] * 2, ["1000", "0.05"])]
    [[('2026-01-15', '300.00'), ('2026-03-02', '700.00')],
     [('2026-01-15', '0.02'), ('2026-03-02', '0.03')]]
    """
    rows, _ = _schedule_rows(
        "schedules",
        terms,
        starts,
        amounts,
        calendar=calendar,
        adjustment=adjustment,
        currency=currency,
        rounding=rounding,
    )
    return tuple(rows)


def amounts_due(
    terms: PaymentTerms | Sequence[PaymentTerms] | pd.Series,
    starts: Any,
    amounts: Any,
    *,
    calendar: BusinessCalendar | None = None,
    adjustment: Adjustment = Adjustment.UNADJUSTED,
    currency: str = "EUR",
    rounding: str = DEFAULT_ROUNDING,
) -> pd.DataFrame:
    """Return every instalment of every invoice as a pandas DataFrame (needs ``[pandas]``).

    One row per instalment, in invoice order then line order: the index repeats the
    invoice's label (the index of *starts* or *amounts* when one is a Series, else its
    position), and the columns are ``line`` (the instalment's position in the terms),
    ``due`` (``datetime64[s]``) and ``amount`` (exact Decimal, object dtype; an invoice's
    amounts add up to its total). The rows are those of :func:`schedules`; group them by
    ``due`` for a cash-in forecast.

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
    pandas = _pandas("amounts_due")
    numpy = _numpy("amounts_due")
    rows, index = _schedule_rows(
        "amounts_due",
        terms,
        starts,
        amounts,
        calendar=calendar,
        adjustment=adjustment,
        currency=currency,
        rounding=rounding,
    )
    owners: list[int] = []
    lines: list[int] = []
    days: list[int] = []
    values: list[Decimal] = []
    for position, schedule in enumerate(rows):
        for line, due in enumerate(schedule.dues):
            owners.append(position)
            lines.append(line)
            days.append(_to_day(due.date))
            values.append(due.amount)
    stamped = numpy.array(days, dtype="int64").view("datetime64[D]").astype("datetime64[s]")
    at = numpy.array(owners, dtype="int64")
    return pandas.DataFrame(
        {
            "line": numpy.array(lines, dtype="int64"),
            "due": stamped,
            "amount": pandas.array(values, dtype=object),
        },
        index=pandas.Index(at) if index is None else index.take(at),
    )


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


@overload
def late_interest_many(
    principals: Sequence[Decimal | int | str] | Iterator[Decimal | int | str] | npt.NDArray[Any],
    dues: Any,
    untils: Any,
    **options: Unpack[InterestOptions],
) -> tuple[InterestResult, ...]: ...


@overload
def late_interest_many(
    principals: pd.Series, dues: Any, untils: Any, **options: Unpack[InterestOptions]
) -> pd.DataFrame: ...


def late_interest_many(
    principals: Any, dues: Any, untils: Any, **options: Unpack[InterestOptions]
) -> Any:
    """Return the late interest of each claim: results, or a DataFrame for a pandas Series.

    Row *i* is :func:`payterms.interest.late_interest` of ``principals[i]`` due on
    ``dues[i]`` up to ``untils[i]``. The keyword *options* are those of ``late_interest``
    (:class:`~payterms.interest.InterestOptions`: ``regime``, ``rate``, ``day_count``,
    ``payment_day``, ``rate_split``, ``compounding``, ``imputation``, ``assume``,
    ``compensation``, ``calendar``, ``currency``, ``rounding``), shared by every row and
    resolved once (:func:`~payterms.interest.claim_rules`). *principals* are Decimal, int
    or str amounts (a float is refused, naming its position; a pandas column of amounts
    has object dtype);
    *dues* and *untils* are date columns as for :func:`due_dates`. A sequence or numpy
    array of principals gives a tuple of :class:`~payterms.interest.InterestResult`; a
    pandas Series gives a DataFrame with its index and the Decimal columns ``interest``
    and ``compensation``. Part payments are per claim: call
    :func:`~payterms.interest.late_interest` for claims that have them.

    >>> from decimal import Decimal
    >>> res = late_interest_many([Decimal("1000"), "250.00"],
    ...                          [date(2024, 1, 10), date(2024, 1, 10)],
    ...                          [date(2024, 4, 9), date(2024, 1, 10)], rate=Decimal("0.08"))
    >>> [r.interest for r in res]
    [Decimal('19.73'), Decimal('0.00')]
    >>> late_interest_many([1.5], [date(2024, 1, 10)], [date(2024, 4, 9)], rate=Decimal("0.08"))
    Traceback (most recent call last):
    payterms.errors.InvalidType: principals[0]=1.5 has type float: expected a Decimal, int or str
    """
    what = "late_interest_many"
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
    rules = claim_rules(**options)
    results = []
    for i, (amount, due, until) in enumerate(
        zip(amounts, _date_list(due_column), _date_list(until_column), strict=True)
    ):
        try:
            results.append(claim_interest(rules, amount, due=due, until=until))
        except PaytermsError as exc:
            exc.add_note(f"at row {i} of {what}")
            raise
    if index is None:
        return tuple(results)
    pandas = _pandas(what)
    return pandas.DataFrame(
        {
            "interest": pandas.Series([r.interest for r in results], index=index, dtype=object),
            "compensation": pandas.Series(
                [r.compensation for r in results], index=index, dtype=object
            ),
        },
        index=index,
    )

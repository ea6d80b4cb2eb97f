"""Reading pandas DataFrames: column mappings, checked cells, errors naming column and row.

Private module. The analytics functions that take a table of invoices (receivables,
behaviour, forecast) and the batch functions that take columns read a DataFrame through
these helpers, so that every one of them:

* accepts extra columns (a ledger export has dozens) and a *column mapping* from the
  payterms field to the frame's own column name (``{"id": "invoice_no"}``);
* refuses a missing required column, naming the column it looked for;
* refuses a bad cell (a NaT, a float amount, a negative amount where none is allowed)
  naming the column and the row's index label, as ``due['F-17']``.

pandas is never imported here at module level: a frame is recognised by its type's
module, and the helpers that need pandas or numpy import them through
:func:`payterms._extras.require`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from payterms._checks import check_date, to_decimal
from payterms._extras import require
from payterms.errors import InvalidArgument, InvalidType

if TYPE_CHECKING:  # pragma: no cover - typing only
    import numpy as np
    import numpy.typing as npt
    import pandas as pd

__all__ = [
    "amount_cells",
    "cell_name",
    "column_names",
    "date_days",
    "fields_of",
    "is_frame",
    "object_cells",
    "resolve_data",
]

_EPOCH_ORDINAL = date(1970, 1, 1).toordinal()


def is_frame(value: object) -> bool:
    """Return whether *value* is a pandas DataFrame, without importing pandas.

    >>> is_frame([1, 2])
    False
    """
    kind = type(value)
    return kind.__module__.partition(".")[0] == "pandas" and kind.__name__ == "DataFrame"


def column_names(
    frame: pd.DataFrame,
    fields: Mapping[str, bool],
    columns: Mapping[str, str] | None,
    what: str,
) -> dict[str, str]:
    """Return ``{field: frame column}`` for the *fields* present, checking the mapping.

    *fields* maps each field the function knows to whether it is required. *columns*
    maps a field to the frame's column name (a field not in it is looked up under its
    own name). An unknown field in *columns*, or a mapped column the frame lacks, is
    refused (an argument is never ignored); a missing required column is refused,
    naming it.

    >>> import pandas as pd
    >>> frame = pd.DataFrame({"invoice_no": ["F-1"], "note": ["x"]})
    >>> column_names(frame, {"id": True, "customer": False}, {"id": "invoice_no"}, "demo")
    {'id': 'invoice_no'}
    >>> column_names(frame, {"id": True, "customer": True}, {"id": "invoice_no"}, "demo")
    Traceback (most recent call last):
    payterms.errors.InvalidArgument: columns=['invoice_no', 'note'] is not accepted: expected ...
    """
    mapping: dict[str, str] = {}
    if columns is not None:
        if not isinstance(columns, Mapping):
            raise InvalidType("columns", columns, "a mapping {payterms field: frame column}")
        for field, column in columns.items():
            if field not in fields:
                raise InvalidArgument(
                    "columns", dict(columns), f"fields of {what} among {sorted(fields)}"
                )
            if not isinstance(column, str):
                raise InvalidType(f"columns[{field!r}]", column, "a column name (str)")
            mapping[field] = column
    present = {str(c) for c in frame.columns}
    found: dict[str, str] = {}
    for field, required in fields.items():
        column = mapping.get(field, field)
        if column in present:
            found[field] = column
        elif field in mapping:
            raise InvalidArgument(
                "columns",
                sorted(present),
                f"a column {column!r} (mapped from the field {field!r}) in the frame of {what}",
            )
        elif required:
            raise InvalidArgument(
                "columns",
                sorted(present),
                f"a column {column!r} in the frame of {what} (give columns={{{field!r}: "
                f"'your column'}} if it has another name)",
            )
    return found


def cell_name(frame: pd.DataFrame, column: str, position: int) -> str:
    """Return how an error names a cell: the column and the row's index label.

    >>> import pandas as pd
    >>> cell_name(pd.DataFrame({"due": [1, 2]}, index=["F-1", "F-2"]), "due", 1)
    "due['F-2']"
    """
    return f"{column}[{frame.index[position]!r}]"


def date_days(
    frame: pd.DataFrame, column: str, *, missing: bool = False
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.bool_]]:
    """Return a date column as int64 days since 1970-01-01 and the mask of missing cells.

    A ``datetime64`` column (any unit) or an object column of ``datetime.date`` (or
    midnight ``Timestamp``) is read; a time of day, a ``datetime`` or any other value is
    refused naming the cell. A missing cell (NaT, None, NaN) is refused naming the cell
    unless *missing* is true, when its day is 0 and the mask says so.

    >>> import pandas as pd
    >>> days, gaps = date_days(pd.DataFrame({"due": [date(1970, 1, 2)]}), "due")
    >>> days.tolist(), gaps.tolist()
    ([1], [False])
    >>> date_days(pd.DataFrame({"due": pd.to_datetime(["2026-01-05", None])}), "due")
    Traceback (most recent call last):
    payterms.errors.InvalidArgument: due[1]=NaT is not accepted: expected a date (fill or drop ...
    """
    numpy = require("numpy", "a DataFrame of dates")
    pandas = require("pandas", "a DataFrame of dates")
    series = frame[column]
    dtype = series.dtype
    if isinstance(dtype, pandas.DatetimeTZDtype):
        raise InvalidType(column, dtype, "dates without a time zone")
    if dtype.kind == "M":
        values = series.to_numpy()
        gaps = numpy.isnat(values)
        if gaps.any() and not missing:
            i = int(numpy.flatnonzero(gaps)[0])
            raise InvalidArgument(
                cell_name(frame, column, i), series.iloc[i], "a date (fill or drop missing dates)"
            )
        days = values.astype("datetime64[D]")
        timed = (days != values) & ~gaps
        if timed.any():
            i = int(numpy.flatnonzero(timed)[0])
            raise InvalidArgument(
                cell_name(frame, column, i), series.iloc[i], "a date without a time of day"
            )
        out = days.view("int64").copy()
        out[gaps] = 0
        return out, gaps
    if dtype.kind != "O":
        raise InvalidType(column, dtype, "a column of dates (datetime64 or datetime.date)")
    items = series.tolist()
    result = numpy.empty(len(items), dtype="int64")
    gaps = numpy.zeros(len(items), dtype=bool)
    for i, item in enumerate(items):
        if type(item) is date:
            result[i] = item.toordinal() - _EPOCH_ORDINAL
            continue
        if item is None or (not isinstance(item, (date, str)) and pandas.isna(item)):
            if not missing:
                raise InvalidArgument(
                    cell_name(frame, column, i), item, "a date (fill or drop missing dates)"
                )
            gaps[i] = True
            result[i] = 0
            continue
        if isinstance(item, pandas.Timestamp):
            if item != item.normalize():
                raise InvalidArgument(
                    cell_name(frame, column, i), item, "a date without a time of day"
                )
            item = item.date()
        elif isinstance(item, datetime):
            raise InvalidType(cell_name(frame, column, i), item, "a datetime.date (not a datetime)")
        day = check_date(item, cell_name(frame, column, i))
        result[i] = day.toordinal() - _EPOCH_ORDINAL
    return result, gaps


def amount_cells(
    frame: pd.DataFrame, column: str, *, negative: bool = True, zero: bool = True
) -> list[Decimal]:
    """Return a column of amounts as Decimals, naming the cell of a bad one.

    Cells are Decimal, int or str; a float (or a float column) is refused as every
    payterms amount refuses floats, a missing cell is refused, and with
    ``negative=False`` (``zero=False``) so is a negative (zero) amount.

    >>> import pandas as pd
    >>> amount_cells(pd.DataFrame({"amount": ["10.00", Decimal("2.5")]}), "amount")
    [Decimal('10.00'), Decimal('2.5')]
    >>> amount_cells(pd.DataFrame({"amount": ["-1"]}, index=["F-9"]), "amount", negative=False)
    Traceback (most recent call last):
    payterms.errors.InvalidArgument: amount['F-9']=Decimal('-1') is not accepted: expected ...
    """
    pandas = require("pandas", "a DataFrame of amounts")
    series = frame[column]
    if series.dtype.kind == "f":
        position = 0
        raise InvalidType(
            cell_name(frame, column, position) if len(series) else column,
            series.tolist()[0] if len(series) else series.dtype,
            "a Decimal, int or str amount (a float column loses cents; build the column "
            "from Decimal or str values)",
        )
    out: list[Decimal] = []
    append = out.append
    for i, item in enumerate(series.tolist()):
        if type(item) is Decimal and item.is_finite():
            value = item
        else:
            if item is None or (not isinstance(item, (str, Decimal)) and pandas.isna(item)):
                raise InvalidArgument(
                    cell_name(frame, column, i), item, "an amount (fill or drop missing amounts)"
                )
            value = to_decimal(item, cell_name(frame, column, i))
        if not negative and value < 0:
            raise InvalidArgument(cell_name(frame, column, i), value, "a non-negative amount")
        if not zero and value == 0:
            raise InvalidArgument(cell_name(frame, column, i), value, "a non-zero amount")
        append(value)
    return out


def object_cells(
    frame: pd.DataFrame, column: str, kinds: type | tuple[type, ...], expected: str
) -> list[Any]:
    """Return a column of Python objects, each an instance of *kinds*, naming a bad cell.

    >>> import pandas as pd
    >>> object_cells(pd.DataFrame({"customer": ["ACME", 3]}), "customer", str, "a name")
    Traceback (most recent call last):
    payterms.errors.InvalidType: customer[1]=3 has type int: expected a name
    """
    items: list[Any] = frame[column].tolist()
    for i, item in enumerate(items):
        if not isinstance(item, kinds):
            raise InvalidType(cell_name(frame, column, i), item, expected)
    return items


def resolve_data(data: object, what: str, arguments: Mapping[str, object]) -> dict[str, object]:
    """Return *arguments* with each str argument replaced by that column of *data*.

    The batch functions take columns; with ``data=frame`` an argument may name a column
    of the frame instead (``due_dates("terms", "issued", data=frame)``), which is how a
    frame with extra columns and its own column names is mapped onto them. Without
    *data* the arguments come back unchanged.

    >>> import pandas as pd
    >>> resolve_data(pd.DataFrame({"d": [1]}), "demo", {"starts": "d", "n": 2})["starts"].tolist()
    [1]
    >>> resolve_data(pd.DataFrame({"d": [1]}), "demo", {"starts": "day"})
    Traceback (most recent call last):
    payterms.errors.InvalidArgument: starts='day' is not accepted: expected a column of ...
    """
    if data is None:
        return dict(arguments)
    if not is_frame(data):
        raise InvalidType("data", data, "a pandas DataFrame whose columns the arguments name")
    frame: pd.DataFrame = data
    present = [str(c) for c in frame.columns]
    out: dict[str, object] = {}
    for name, value in arguments.items():
        if isinstance(value, str):
            if value not in present:
                raise InvalidArgument(name, value, f"a column of data for {what}: {present}")
            out[name] = frame[value]
        else:
            out[name] = value
    return out


def fields_of(names: Iterable[str], required: Iterable[str]) -> dict[str, bool]:
    """Return ``{field: required}`` for *names*, the *required* ones marked True.

    >>> fields_of(["id", "note"], ["id"])
    {'id': True, 'note': False}
    """
    needed = set(required)
    return {name: name in needed for name in names}

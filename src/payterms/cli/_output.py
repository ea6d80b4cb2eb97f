"""What the command writes: JSON derived from the result values, aligned text, CSV.

:func:`jsonable` turns any payterms result into JSON data generically: an attrs value
becomes an object of its public fields and properties (so a field added to a result
shows up without touching the command), a Decimal becomes its string (amounts and
rates stay exact), a date its ISO form, an enum member its value, a tuple a list. A
few values that have a text form of their own (a due-date rule, a payment run, a
calendar, a legal regime) are written as that text.
"""

from __future__ import annotations

import csv
import inspect
import json
import sys
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from decimal import Decimal
from enum import Enum
from fractions import Fraction
from typing import IO, Any

import attrs

__all__ = [
    "CommandLineError",
    "aligned",
    "emit",
    "emit_json",
    "jsonable",
    "money",
    "one_line",
    "percent",
    "read_csv",
    "text_form",
    "write_csv",
]

JSON = None | bool | int | str | list["JSON"] | dict[str, "JSON"]


class CommandLineError(Exception):
    """Bad input found by the command: its message is one line naming argument and value."""


def one_line(error: BaseException) -> str:
    """Return the error's message and notes on one line."""
    parts = [str(error), *getattr(error, "__notes__", ())]
    return " ".join("; ".join(p for p in parts if p).split())


def text_form(value: object) -> str | None:
    """Return the text of a value written as text in JSON, or None for any other value."""
    from payterms.calendars import BusinessCalendar
    from payterms.rules import DueRule
    from payterms.runs import PaymentRun

    if isinstance(value, (DueRule, PaymentRun)):
        return str(value)
    if isinstance(value, BusinessCalendar):
        return value.name
    law = sys.modules.get("payterms.law")
    if law is not None and isinstance(value, law.Regime):
        return str(value.code)
    return None


def _properties(kind: type) -> list[str]:
    return [
        name
        for name, member in inspect.getmembers(kind, lambda m: isinstance(m, property))
        if not name.startswith("_")
    ]


def jsonable(value: object) -> JSON:
    """Return *value* as JSON data: objects, lists, strings, ints, booleans and null.

    >>> from datetime import date
    >>> from decimal import Decimal
    >>> from payterms.terms import PaymentTerms
    >>> jsonable(PaymentTerms.net(30).schedule(date(2026, 1, 15), Decimal("100")))
    {'start': '2026-01-15', 'amount': '100.00', 'currency': 'EUR',
     'dues': [{'date': '2026-02-14', 'amount': '100.00', 'discounts': []}], 'discounts': [],
     'tax': None, 'final_due': '2026-02-14'}
    """
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, (Decimal, Fraction)):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value if isinstance(value.value, (str, int)) else value.name
    if isinstance(value, Mapping):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (tuple, list, frozenset, set)):
        items = sorted(value) if isinstance(value, (frozenset, set)) else value
        return [jsonable(v) for v in items]
    text = text_form(value)
    if text is not None:
        return text
    kind = type(value)
    if attrs.has(kind):
        data: dict[str, JSON] = {
            f.name: jsonable(getattr(value, f.name))
            for f in attrs.fields(kind)
            # a field marked as provenance (Schedule.terms) is where the value came from
            if not f.name.startswith("_") and not f.metadata.get("provenance")
        }
        for name in _properties(kind):
            data[name] = jsonable(getattr(value, name))
        return data
    return str(value)


def emit(text: str = "") -> None:
    """Write one block of text (a newline is added) to standard output."""
    sys.stdout.write(text + "\n")


def emit_json(data: Any) -> None:
    """Write *data* as indented JSON to standard output."""
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def money(amount: Decimal | None, currency: str) -> str:
    """Return an amount with its currency, as invoices write it: ``1210.00 EUR``."""
    return "-" if amount is None else f"{amount} {currency}"


def percent(rate: Decimal, places: int = 2) -> str:
    """Return an annual rate (a fraction) in percent: ``Decimal('0.125')`` -> ``12.50 %``."""
    from payterms.discount import rate_to_percent

    return f"{rate_to_percent(rate, places)} %"


def aligned(rows: Iterable[Sequence[str]], *, right: Iterable[int] = ()) -> list[str]:
    """Return rows of cells as lines with aligned columns (*right*: right-aligned columns)."""
    table = [list(row) for row in rows]
    if not table:
        return []
    width = max(len(row) for row in table)
    for row in table:
        row.extend([""] * (width - len(row)))
    sizes = [max(len(row[i]) for row in table) for i in range(width)]
    to_right = set(right)
    lines = []
    for row in table:
        cells = [
            cell.rjust(size) if i in to_right else cell.ljust(size)
            for i, (cell, size) in enumerate(zip(row, sizes, strict=True))
        ]
        lines.append("  ".join(cells).rstrip())
    return lines


def read_csv(
    stream: IO[str], required: Sequence[str], *, place: str = "standard input"
) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    """Return the header and the (line number, row) pairs of a CSV with the *required* columns."""
    reader = csv.DictReader(stream)
    try:
        header = reader.fieldnames
    except csv.Error as exc:
        raise CommandLineError(f"{place}: not a CSV file ({exc})") from None
    wanted = ", ".join(repr(c) for c in required)
    if not header:
        raise CommandLineError(
            f"{place}: empty, expected a CSV file whose header has the columns {wanted}"
        )
    missing = [c for c in required if c not in header]
    if missing:
        raise CommandLineError(
            f"{place}: the CSV header {','.join(header)!r} lacks the column"
            f"{'s' if len(missing) > 1 else ''} {', '.join(repr(c) for c in missing)}"
        )
    rows: list[tuple[int, dict[str, str]]] = []
    try:
        for row in reader:
            if None in row or any(v is None for v in row.values()):
                raise CommandLineError(
                    f"{place} line {reader.line_num}: {len(header)} cells expected as in the header"
                )
            rows.append((reader.line_num, row))
    except csv.Error as exc:
        raise CommandLineError(f"{place} line {reader.line_num}: {exc}") from None
    return list(header), rows


def write_csv(header: Sequence[str], rows: Iterable[Mapping[str, str]]) -> None:
    """Write a CSV file to standard output."""
    writer = csv.DictWriter(sys.stdout, fieldnames=list(header), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)

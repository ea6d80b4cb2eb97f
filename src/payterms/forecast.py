"""The open book: cash-in forecast, what-if scenarios and credit exposure.

Three questions a credit manager asks of a whole ledger (reference/finance.md §1.5, §2,
§3; user_demand.md: "track DSO, watch the dependency on one large customer, adapt the
agreements"):

* **When does the cash come in?** :func:`cash_forecast` takes the open invoices (and,
  as ``plan=``, the invoices not sent yet, with their send dates) and each customer's
  :class:`~payterms.behaviour.PaymentBehaviour` (or :class:`~payterms.runs.Payer`), and
  returns the expected receipts per day, week or month over a horizon, per customer and
  in total, with quantiles (:class:`CashForecast`).
* **What is a change of terms worth?** :func:`compare_scenarios` runs the same sales
  plan under :class:`Scenario` changes (other terms, a discount with an uptake share, a
  send-date policy, a deposit, a DSO target) and puts side by side the cash by month,
  DSO by the named methods, the financing cost at a rate, the margin after the term
  and the discount cost (:class:`ScenarioComparison`); :func:`dso_improvement` gives the
  cash freed and the financing saved by bringing DSO from X to Y days.
* **Who is over its limit?** :func:`credit_exposure` adds open receivables and orders
  not yet invoiced per customer, day by day, against a credit limit, and follows the
  concentration of revenue month by month (:class:`CreditExposure`).

Money is counted in whole minor units of the currency (cents) with integers, so every
split adds up: an invoice's amount is spread over its possible cash dates in proportion
to their probabilities by the largest-remainder rule (as :func:`payterms.money.allocate`
does), and every total is the exact sum of its parts.

>>> from datetime import date
>>> from decimal import Decimal
>>> from payterms.runs import Payer, PaymentRun, Lateness
>>> from payterms.receivables import Invoice
>>> book = [Invoice("F-1", "ACME", date(2026, 5, 20), date(2026, 6, 19), Decimal("1000.00")),
...         Invoice("F-2", "Bolt", date(2026, 6, 2), date(2026, 7, 2), Decimal("400.00"))]
>>> payers = {"ACME": Payer(runs=PaymentRun.monthly(25)),
...           "Bolt": Payer(runs=PaymentRun.weekly(4), extra_delay_days=Lateness.empirical([0, 7]))}
>>> fc = cash_forecast(book, payers, as_of=date(2026, 6, 15), horizon=4, freq=Frequency.WEEK)
>>> [(str(r.period), str(r.expected)) for r in fc.totals() if r.expected]
[('2026-06-22', '1000.00'), ('2026-06-29', '200.00'), ('2026-07-06', '200.00')]
"""

from __future__ import annotations

import calendar as _stdcal
import functools
import math
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date, timedelta
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal, localcontext
from enum import Enum
from fractions import Fraction
from typing import TYPE_CHECKING, Any, NamedTuple

from attrs import field, frozen

from payterms._checks import check_date, check_int, check_quantile, to_decimal
from payterms._extras import frame_html, require
from payterms._frames import (
    amount_cells,
    cell_name,
    column_names,
    date_days,
    fields_of,
    is_frame,
    object_cells,
)
from payterms.behaviour import Behaviours, PaymentBehaviour
from payterms.calendars import DayCount
from payterms.errors import InvalidArgument, InvalidType, PaytermsError
from payterms.money import CONTEXT, DEFAULT_ROUNDING, allocate, figure, minor_unit, quantize
from payterms.receivables import (
    Concentration,
    DsoMethod,
    Invoice,
    concentration,
    dso,
    invoices_from_frame,
)
from payterms.runs import Payer, RunPolicy
from payterms.terms import DiscountTier, LineKind, PaymentTerms, Start
from payterms.timing import best_send_date

if TYPE_CHECKING:  # pragma: no cover - typing only
    import numpy as np
    import numpy.typing as npt
    import pandas as pd

    Days = npt.NDArray[np.int64]

__all__ = [
    "CashForecast",
    "CreditExposure",
    "CustomerExposure",
    "DsoImprovement",
    "ForecastRow",
    "Frequency",
    "Scenario",
    "ScenarioComparison",
    "ScenarioResult",
    "SendPolicy",
    "cash_forecast",
    "compare_scenarios",
    "credit_exposure",
    "dso_improvement",
]

_EPOCH = date(1970, 1, 1).toordinal()
_LOOKAHEAD_DAYS = 400  # run dates looked up past the latest target before asking the payer
_YEAR_CUT = 366  # a run further than this from its target is asked of the payer itself

Behaviour = PaymentBehaviour | Payer


def _np() -> Any:
    return require("numpy", "payterms.forecast")


def _pd(what: str) -> Any:
    return require("pandas", what)


def _day(n: int) -> date:
    return date.fromordinal(int(n) + _EPOCH)


def _num(day: date) -> int:
    return day.toordinal() - _EPOCH


def _money(cents: int, exponent: int) -> Decimal:
    return Decimal(int(cents)).scaleb(-exponent)


# --------------------------------------------------------------------------- enums


class Frequency(Enum):
    """The length of a forecast period.

    >>> Frequency("W")
    <Frequency.WEEK: 'W'>
    """

    DAY = "D"
    """One calendar day."""

    WEEK = "W"
    """A calendar week, Monday to Sunday (ISO 8601); the first may start after Monday."""

    MONTH = "M"
    """A calendar month; the first may start after the 1st."""


def _frequency(value: object) -> Frequency:
    if isinstance(value, Frequency):
        return value
    if isinstance(value, str):
        for member in Frequency:
            if value.upper() in (member.value, member.name):
                return member
    raise InvalidArgument("freq", value, "a Frequency (DAY, WEEK, MONTH) or 'D', 'W', 'M'")


def _period_start(day: date, freq: Frequency) -> date:
    if freq is Frequency.DAY:
        return day
    if freq is Frequency.WEEK:
        return day - timedelta(days=day.weekday())
    return day.replace(day=1)


def _next_period(day: date, freq: Frequency) -> date:
    if freq is Frequency.DAY:
        return day + timedelta(days=1)
    if freq is Frequency.WEEK:
        return day + timedelta(days=7 - day.weekday())
    return (day.replace(day=28) + timedelta(days=4)).replace(day=1)


def _periods(as_of: date, horizon: int | date, freq: Frequency) -> list[tuple[date, date, date]]:
    """Return (label, first day, last day) of each period after *as_of* up to the horizon."""
    first = as_of + timedelta(days=1)
    if isinstance(horizon, date):
        end = check_date(horizon, "horizon")
        if end < first:
            raise InvalidArgument("horizon", horizon, f"a date after as_of={as_of.isoformat()}")
        count = None
    else:
        count = check_int(horizon, "horizon", minimum=1)
        end = date.max
    out: list[tuple[date, date, date]] = []
    start = first
    while start <= end and (count is None or len(out) < count):
        nxt = _next_period(start, freq)
        last = min(nxt - timedelta(days=1), end)
        out.append((_period_start(start, freq), start, last))
        start = nxt
    return out


def _month_end(day: date) -> date:
    return day.replace(day=_stdcal.monthrange(day.year, day.month)[1])


# --------------------------------------------------------------------------- behaviours


def _payer_of(value: object, name: str) -> Payer:
    if isinstance(value, PaymentBehaviour):
        return value.payer
    if isinstance(value, Payer):
        return value
    raise InvalidType(name, value, "a PaymentBehaviour or a Payer")


def _lookup(
    behaviours: object, default: object
) -> tuple[Payer | None, Mapping[str, Any] | Behaviours | None, Payer | None]:
    """Return (one payer for all, a by-customer table, a default payer), checked."""
    fallback = None if default is None else _payer_of(default, "default")
    if behaviours is None:
        return None, None, fallback
    if isinstance(behaviours, (PaymentBehaviour, Payer)):
        return _payer_of(behaviours, "behaviours"), None, fallback
    if isinstance(behaviours, Behaviours):
        return None, behaviours, fallback
    if isinstance(behaviours, Mapping):
        for key, value in behaviours.items():
            _payer_of(value, f"behaviours[{key!r}]")
        return None, behaviours, fallback
    raise InvalidType(
        "behaviours",
        behaviours,
        "a Behaviours (learn_behaviour), a mapping customer -> PaymentBehaviour or Payer, "
        "or one PaymentBehaviour or Payer for every customer",
    )


class _Rows:
    """The rows of a book or a plan, checked: what every computation needs, by position."""

    def __init__(self) -> None:
        self.labels: list[str] = []  # how an error names each row
        self.ids: list[str] = []
        self.customers: list[str] = []
        self.amounts: list[Decimal] = []
        self.payers: list[Payer] = []
        self.terms: list[PaymentTerms | None] = []
        self.dates: dict[str, list[date | None]] = {}
        self.costs: list[Decimal | None] = []
        self.source: str = "open"

    def __len__(self) -> int:
        return len(self.customers)


def _resolve_payers(
    rows: _Rows,
    per_row: list[Any] | None,
    behaviours: object,
    default: object,
    customer_column: str,
) -> None:
    single, table, fallback = _lookup(behaviours, default)
    for i, customer in enumerate(rows.customers):
        if per_row is not None and per_row[i] is not None:
            rows.payers.append(_payer_of(per_row[i], f"behaviour of {rows.labels[i]}"))
            continue
        if single is not None:
            rows.payers.append(single)
            continue
        found: Any = None
        if table is not None and customer in table:
            found = table[customer]
        if found is None:
            if fallback is None:
                raise InvalidArgument(
                    f"{customer_column} of {rows.labels[i]}",
                    customer,
                    "a customer with a behaviour (learn it from its history, state a "
                    "PaymentBehaviour for it, or pass default=)",
                )
            rows.payers.append(fallback)
        else:
            rows.payers.append(_payer_of(found, f"behaviours[{customer!r}]"))


_BOOK_FIELDS = ("id", "customer", "amount", "issued", "due", "terms", "term_start", "behaviour")
_PLAN_FIELDS = (
    "id",
    "customer",
    "amount",
    "sent",
    "completed",
    "ordered",
    "terms",
    "term_start",
    "cost",
    "behaviour",
)


def _frame_rows(
    frame: pd.DataFrame,
    fields: tuple[str, ...],
    required: tuple[str, ...],
    columns: Mapping[str, str] | None,
    what: str,
    *,
    dated: tuple[str, ...],
    optional_dates: tuple[str, ...] = (),
) -> tuple[_Rows, dict[str, str], list[Any] | None]:
    """Return the checked rows of *frame*, the columns found and the per-row behaviours."""
    found = column_names(frame, fields_of(fields, required), columns, what)
    rows = _Rows()
    n = len(frame)
    rows.labels = [f"row {frame.index[i]!r}" for i in range(n)]
    if "id" in found:
        rows.ids = [str(v) for v in frame[found["id"]].tolist()]
    else:
        rows.ids = [str(v) for v in frame.index.tolist()]
    rows.customers = object_cells(frame, found["customer"], str, "a customer name (str)")
    rows.amounts = amount_cells(frame, found["amount"], negative=False)
    for name in dated:
        if name in found:
            days, gaps = date_days(frame, found[name], missing=name in optional_dates)
            rows.dates[name] = [
                None if gap else _day(d)
                for d, gap in zip(days.tolist(), gaps.tolist(), strict=True)
            ]
    if "terms" in found and "due" in found:  # the terms fill the rows without a due date
        rows.terms = object_cells(
            frame, found["terms"], (PaymentTerms, type(None)), "a payterms.PaymentTerms or None"
        )
    elif "terms" in found:
        rows.terms = object_cells(frame, found["terms"], PaymentTerms, "a payterms.PaymentTerms")
    else:
        rows.terms = [None] * n
    if "cost" in found:
        rows.costs = list(amount_cells(frame, found["cost"]))
    else:
        rows.costs = [None] * n
    per_row = None
    if "behaviour" in found:
        per_row = frame[found["behaviour"]].tolist()
        for i, value in enumerate(per_row):
            if value is not None and not isinstance(value, (PaymentBehaviour, Payer)):
                raise InvalidType(
                    cell_name(frame, found["behaviour"], i),
                    value,
                    "a PaymentBehaviour, a Payer or None (the customer's own behaviour)",
                )
    return rows, found, per_row


def _book_rows(
    book: object,
    behaviours: object,
    default: object,
    *,
    as_of: date,
    columns: Mapping[str, str] | None,
) -> _Rows:
    if is_frame(book):
        frame: pd.DataFrame = book
        mapped = {} if columns is None else dict(columns)
        has_terms = mapped.get("terms", "terms") in {str(c) for c in frame.columns}
        rows, found, per_row = _frame_rows(
            frame,
            _BOOK_FIELDS,
            ("customer", "amount", "issued"),
            columns,
            "cash_forecast (the open book)",
            dated=("issued", "due", "term_start"),
            optional_dates=("term_start", "due") if has_terms else ("term_start",),
        )
        if "due" not in found and "terms" not in found:
            raise InvalidArgument(
                "columns",
                [str(c) for c in frame.columns],
                "a 'due' column or a 'terms' column in the open book",
            )
        customer_column = found["customer"]
    else:
        if columns is not None:
            raise InvalidArgument("columns", columns, "a DataFrame book (or no columns)")
        if isinstance(book, (str, bytes, Mapping)) or not isinstance(book, Iterable):
            raise InvalidType(
                "book", book, "a DataFrame of open invoices or an iterable of Invoice"
            )
        rows = _Rows()
        issued: list[date | None] = []
        dues: list[date | None] = []
        for i, inv in enumerate(book):
            if not isinstance(inv, Invoice):
                raise InvalidType(f"book[{i}]", inv, "an Invoice (or pass a DataFrame)")
            if inv.issued > as_of:
                continue
            left = inv.open_amount(as_of)
            if left == 0:
                continue
            if left < 0:
                raise InvalidArgument(
                    f"amount of book[{i}] (id {inv.id!r})",
                    left,
                    "a non-negative open amount (set credit notes and overpayments off "
                    "against the invoices they belong to first)",
                )
            rows.labels.append(f"book[{i}] (id {inv.id!r})")
            rows.ids.append(inv.id)
            rows.customers.append(inv.customer)
            rows.amounts.append(left)
            issued.append(inv.issued)
            dues.append(inv.due)
        rows.dates = {"issued": issued, "due": dues}
        rows.terms = [None] * len(rows.customers)
        rows.costs = [None] * len(rows.customers)
        per_row = None
        customer_column = "customer"
    _resolve_payers(rows, per_row, behaviours, default, customer_column)
    return rows


def _plan_rows(
    plan: object,
    behaviours: object,
    default: object,
    *,
    columns: Mapping[str, str] | None,
    required: tuple[str, ...],
    what: str,
) -> tuple[_Rows, dict[str, str]]:
    if not is_frame(plan):
        raise InvalidType("plan", plan, "a pandas DataFrame of planned invoices")
    frame: pd.DataFrame = plan
    rows, found, per_row = _frame_rows(
        frame,
        _PLAN_FIELDS,
        required,
        columns,
        what,
        dated=("sent", "completed", "ordered", "term_start"),
        optional_dates=("term_start",),
    )
    rows.source = "plan"
    _resolve_payers(rows, per_row, behaviours, default, found["customer"])
    return rows, found


# --------------------------------------------------------------------------- flows


_NO_DAY = date(1, 1, 1)  # "no known cash date" in a column of dates


def _days_of(days: list[date]) -> Days:
    """Return a list of dates as int64 days since 1970-01-01, converted in one go."""
    numpy = _np()
    ordinals = numpy.fromiter((d.toordinal() for d in days), dtype="int64", count=len(days))
    return ordinals - _EPOCH  # type: ignore[no-any-return]


class _Flows:
    """Cash flows to forecast: one per instalment (or part) of an invoice, by position."""

    def __init__(self) -> None:
        self.row: list[int] = []  # the source row
        self.line: list[int] = []  # the instalment (or part) of that row
        self.payer: list[int] = []  # index into payers
        self.due: list[date] = []  # the date the payer acts on
        self.received: list[date] = []  # the day the payer received the invoice
        self.cents: list[int] = []
        self.fixed_cash: list[date] = []  # a known cash date (discount takers), or _NO_DAY
        self.payers: list[Payer] = []
        self._payer_code: dict[int, int] = {}

    def payer_code(self, payer: Payer) -> int:
        code = self._payer_code.get(id(payer))
        if code is None:
            code = self._payer_code[id(payer)] = len(self.payers)
            self.payers.append(payer)
        return code

    def add(
        self,
        row: int,
        line: int,
        payer: int,
        due: date,
        received: date,
        cents: int,
        fixed_cash: date | None = None,
    ) -> None:
        self.row.append(row)
        self.line.append(line)
        self.payer.append(payer)
        self.due.append(due)
        self.received.append(received)
        self.cents.append(cents)
        self.fixed_cash.append(_NO_DAY if fixed_cash is None else fixed_cash)

    def __len__(self) -> int:
        return len(self.row)


def _to_cents(value: Decimal, exponent: int, name: str) -> int:
    scaled = value.scaleb(exponent)
    if scaled != scaled.to_integral_value():
        raise InvalidArgument(name, value, f"an amount in whole minor units ({exponent} decimals)")
    return int(scaled)


def _term_start(
    terms: PaymentTerms, sent: date, received: date, given: date | None, name: str
) -> date:
    if given is not None:
        return given
    if terms.start is Start.RECEIPT:
        return received
    if terms.start in (Start.INVOICE_DATE, Start.END_OF_MONTH):
        return sent
    raise InvalidArgument(
        name, None, f"the date of the {terms.start.value} event the terms count from"
    )


def _single_line(terms: PaymentTerms) -> bool:
    lines = terms.installments
    return len(lines) == 1 and lines[0].kind is LineKind.BALANCE


class _Dues:
    """Instalment dates and amounts of terms, memoised per distinct (terms, start)."""

    def __init__(self, currency: str) -> None:
        self.currency = currency
        self.exponent = minor_unit(currency)
        self._dates: dict[tuple[int, date], date] = {}
        self._terms: list[PaymentTerms] = []  # keeps the terms keyed by id alive

    def final(self, terms: PaymentTerms, start: date) -> date:
        """Return the final due date of *terms* from *start*, memoised."""
        key = (id(terms), start)
        due = self._dates.get(key)
        if due is None:
            self._terms.append(terms)
            due = self._dates[key] = terms.due_date(start)
        return due

    def split_cents(
        self, terms: PaymentTerms, start: date, cents: int, name: str
    ) -> list[tuple[date, int]]:
        """Return (due date, cents) of each instalment of *cents* under *terms*."""
        if _single_line(terms):
            try:
                return [(self.final(terms, start), cents)]
            except PaytermsError as exc:
                exc.add_note(f"for {name}")
                raise
        return self.split(terms, start, _money(cents, self.exponent), name)

    def split(
        self, terms: PaymentTerms, start: date, amount: Decimal, name: str
    ) -> list[tuple[date, int]]:
        """Return (due date, cents) of each instalment of *amount* under *terms* from *start*."""
        try:
            if _single_line(terms):
                return [(self.final(terms, start), _to_cents(amount, self.exponent, name))]
            schedule = terms.schedule(start, amount, currency=self.currency)
        except PaytermsError as exc:
            exc.add_note(f"for {name}")
            raise
        return [(d.date, _to_cents(d.amount, self.exponent, name)) for d in schedule.dues]


def _check_discount_policy(payer: Payer, terms: PaymentTerms | None, label: str) -> None:
    if payer.policy is RunPolicy.EARLY_FOR_DISCOUNT and terms is not None and terms.discounts:
        raise InvalidArgument(
            f"behaviour of {label}",
            payer.policy,
            "a payer that does not chase discounts on terms with a discount (a forecast "
            "takes a discount only as a Scenario's uptake share)",
        )


def _book_flows(rows: _Rows, currency: str) -> _Flows:
    flows = _Flows()
    dues = _Dues(currency)
    issued = rows.dates["issued"]
    due_col = rows.dates.get("due")
    starts = rows.dates.get("term_start")
    for i in range(len(rows)):
        payer = rows.payers[i]
        sent = issued[i]
        assert sent is not None  # noqa: S101 - a required column
        received = payer.received(sent)
        terms = rows.terms[i]
        _check_discount_policy(payer, terms, rows.labels[i])
        code = flows.payer_code(payer)
        cents = _to_cents(rows.amounts[i], dues.exponent, f"amount of {rows.labels[i]}")
        if cents == 0:
            continue
        due = None if due_col is None else due_col[i]
        if due is None:
            if terms is None:
                raise InvalidArgument(
                    f"due of {rows.labels[i]}", None, "a due date, or terms to compute it from"
                )
            start = _term_start(
                terms,
                sent,
                received,
                None if starts is None else starts[i],
                f"term_start of {rows.labels[i]}",
            )
            due = terms.due_date(start)
        flows.add(i, 0, code, due, received, cents)
    return flows


def _plan_flows(rows: _Rows, currency: str, sent_days: Sequence[date]) -> _Flows:
    flows = _Flows()
    dues = _Dues(currency)
    starts = rows.dates.get("term_start")
    for i in range(len(rows)):
        payer = rows.payers[i]
        terms = rows.terms[i]
        if terms is None:
            raise InvalidArgument(f"terms of {rows.labels[i]}", None, "the planned invoice's terms")
        _check_discount_policy(payer, terms, rows.labels[i])
        sent = sent_days[i]
        received = payer.received(sent)
        start = _term_start(
            terms,
            sent,
            received,
            None if starts is None else starts[i],
            f"term_start of {rows.labels[i]}",
        )
        code = flows.payer_code(payer)
        for line, (due, cents) in enumerate(
            dues.split(terms, start, rows.amounts[i], f"amount of {rows.labels[i]}")
        ):
            if cents:
                flows.add(i, line, code, due, received, cents)
    return flows


# --------------------------------------------------------------------------- engine


def _weights(payer: Payer) -> tuple[list[int], list[int]]:
    """Return the payer's delays and their probabilities as integer weights."""
    outcomes = payer.extra_delay_days.outcomes
    denominator = math.lcm(*(p.denominator for _, p in outcomes))
    return (
        [d for d, _ in outcomes],
        [p.numerator * (denominator // p.denominator) for _, p in outcomes],
    )


class _Memo:
    """Per-payer answers shared by the computations of one call (payers keyed by id)."""

    def __init__(self) -> None:
        self.earliest: dict[tuple[int, int], int] = {}
        self.runs: dict[int, tuple[int, int, Days]] = {}
        self.cash: dict[tuple[int, int], int] = {}
        self.payers: list[Payer] = []  # keeps the payers keyed by id alive

    def run_table(self, payer: Payer, low: int, high: int) -> Days:
        """Return the payer's run days (epoch days) covering at least [low, high]."""
        cached = self.runs.get(id(payer))
        if cached is not None and cached[0] <= low and cached[1] >= high:
            return cached[2]
        if cached is not None:
            low, high = min(low, cached[0]), max(high, cached[1])
        else:
            self.payers.append(payer)
            low -= _LOOKAHEAD_DAYS  # room for the next request of another part of the book
        runs = _np().fromiter((_num(d) for d in payer.run_dates(_day(low), _day(high))), "int64")
        self.runs[id(payer)] = (low, high, runs)
        return runs  # type: ignore[no-any-return]


def _cash_days(
    payer: Payer,
    due: Days,
    received: Days,
    delays: Sequence[int],
    memo: _Memo | None = None,
) -> Days:
    """Return the cash day (epoch days) of each flow (rows) under each delay (columns).

    Equal, cell by cell, to ``payer.cash_date(payer.payment_run(due, received=received,
    delay=d))``: for a payer that picks the first run on or after the due date without
    run cut-offs, through one sorted table of its run dates (a binary search per cell);
    otherwise by asking the payer once per distinct (due, received, delay).
    """
    numpy = _np()
    known = _Memo() if memo is None else memo
    n, k = len(due), len(delays)
    if n == 0:
        return numpy.empty((0, k), dtype="int64")  # type: ignore[no-any-return]
    shift = numpy.asarray(delays, dtype="int64")
    fast = payer.policy is not RunPolicy.LAST_RUN_ON_OR_BEFORE_DUE and all(
        run.cutoff_day is None for run in payer.runs
    )
    if not fast:
        return _cash_days_asked(payer, due, received, delays)
    if payer.approval_days:
        distinct, inverse = numpy.unique(received, return_inverse=True)
        found = []
        for r in distinct.tolist():
            key = (id(payer), r)
            day = known.earliest.get(key)
            if day is None:
                day = known.earliest[key] = _num(payer.earliest_run_day(_day(r)))
            found.append(day)
        earliest = numpy.asarray(found, dtype="int64")[inverse.reshape(-1)]
    else:
        earliest = received
    target = numpy.maximum(due[:, None] + shift[None, :], earliest[:, None])
    low, high = int(target.min()), int(target.max())
    runs = known.run_table(payer, low, high + _LOOKAHEAD_DAYS)
    if len(runs):
        at = numpy.searchsorted(runs, target)
        bad = at >= len(runs)
        run = runs[numpy.minimum(at, len(runs) - 1)]
        bad |= (run - target) > _YEAR_CUT
    else:
        run = numpy.zeros_like(target)
        bad = numpy.ones_like(target, dtype=bool)
    if bad.any():
        rows, cols = numpy.nonzero(bad)
        asked: dict[tuple[int, int], int] = {}
        for r, c in zip(rows.tolist(), cols.tolist(), strict=True):
            key = (int(target[r, c]), int(received[r]))
            day = asked.get(key)
            if day is None:
                day = asked[key] = _num(payer.run_on_or_after(_day(key[0]), received=_day(key[1])))
            run[r, c] = day
    if payer.transfer_days == 0:
        return run  # type: ignore[no-any-return]
    distinct_runs, inverse = numpy.unique(run, return_inverse=True)
    cash = []
    for r in distinct_runs.tolist():
        key = (id(payer), r)
        day = known.cash.get(key)
        if day is None:
            day = known.cash[key] = _num(payer.cash_date(_day(r)))
        cash.append(day)
    table = numpy.asarray(cash, dtype="int64")
    return table[inverse.reshape(-1)].reshape(run.shape)  # type: ignore[no-any-return]


def _cash_days_asked(payer: Payer, due: Days, received: Days, delays: Sequence[int]) -> Days:
    numpy = _np()
    out = numpy.empty((len(due), len(delays)), dtype="int64")
    memo: dict[tuple[int, int], list[int]] = {}
    for i, key in enumerate(zip(due.tolist(), received.tolist(), strict=True)):
        found = memo.get(key)
        if found is None:
            d, r = _day(key[0]), _day(key[1])
            found = memo[key] = [
                _num(payer.cash_date(payer.payment_run(d, received=r, delay=delay)))
                for delay in delays
            ]
        out[i] = found
    return out  # type: ignore[no-any-return]


def _allocate(cents: Days, weights: Days) -> Days:
    """Return *cents* (rows) split over the columns in proportion to *weights* (rows x cols).

    Each share is rounded down to a whole cent and the cents left over go to the largest
    remainders, earlier columns first on ties (:attr:`payterms.money.Residue.LARGEST_REMAINDER`);
    rows with no weight get nothing. Integer arithmetic throughout: each row adds up to
    its cents exactly.
    """
    numpy = _np()
    n, k = weights.shape
    total = weights.sum(axis=1)
    safe = numpy.where(total > 0, total, 1)
    if n and int(numpy.abs(cents).max()) * int(weights.max(initial=0)) >= 2**62:
        return _allocate_exact(cents, weights)  # pragma: no cover - beyond any ledger
    share = cents[:, None] * weights
    floor = share // safe[:, None]
    remainder = share - floor * safe[:, None]
    left = cents - floor.sum(axis=1)
    if k > 1:
        order = numpy.lexsort((numpy.broadcast_to(numpy.arange(k), (n, k)), -remainder), axis=-1)
        rank = numpy.empty_like(order)
        numpy.put_along_axis(rank, order, numpy.broadcast_to(numpy.arange(k), (n, k)), axis=1)
        floor += rank < left[:, None]
    else:
        floor += left[:, None]
    floor[total == 0] = 0
    return floor  # type: ignore[no-any-return]


def _allocate_exact(cents: Days, weights: Days) -> Days:  # pragma: no cover - huge amounts
    numpy = _np()
    out = numpy.zeros(weights.shape, dtype=object)
    for i in range(len(cents)):
        if weights[i].sum() > 0:
            parts = allocate(Decimal(int(cents[i])), [int(w) for w in weights[i]], "JPY")
            out[i] = [int(p) for p in parts]
    return out  # type: ignore[no-any-return]


class _Outcomes:
    """Per flow: the possible cash days, their weights and the cents allocated to each."""

    def __init__(self, cash: Days, weights: Days, cents: Days) -> None:
        numpy = _np()
        # cash days ascend along each row (a later delay never pays earlier); keep it so
        order = numpy.argsort(cash, axis=1, kind="stable")
        self.cash = numpy.take_along_axis(cash, order, axis=1)
        self.weights = numpy.take_along_axis(weights, order, axis=1)
        self.total = self.weights.sum(axis=1)
        self.ok = self.total > 0
        self.alloc = _allocate(cents, self.weights)

    def mean_day(self) -> Days:
        """Return each flow's probability-weighted mean cash day, rounded half up."""
        numpy = _np()
        total = numpy.where(self.ok, self.total, 1)
        num = (self.weights * self.cash).sum(axis=1)
        return (2 * num + total) // (2 * total)  # type: ignore[no-any-return]

    def quantile_day(self, q: Fraction) -> Days:
        """Return each flow's earliest cash day reached with probability >= *q*."""
        numpy = _np()
        cumulative = numpy.cumsum(self.weights, axis=1)
        reached = cumulative * q.denominator >= q.numerator * self.total[:, None]
        at = reached.argmax(axis=1)
        return numpy.take_along_axis(self.cash, at[:, None], axis=1)[:, 0]  # type: ignore[no-any-return]


def _outcomes(
    flows: _Flows, as_of: date | None, memo: _Memo | None = None
) -> tuple[_Outcomes, Days]:
    """Return the outcomes of every flow (padded to a common width) and the flows' rows.

    With *as_of*, outcomes on or before it are dropped and the rest renormalised: the
    invoice is known to be open at the end of *as_of* (the forecast of an open book).
    """
    numpy = _np()
    n = len(flows)
    payer = numpy.asarray(flows.payer, dtype="int64")
    due = _days_of(flows.due)
    received = _days_of(flows.received)
    cents = numpy.asarray(flows.cents, dtype="int64")
    fixed = _days_of(flows.fixed_cash)
    fixed[fixed == _num(_NO_DAY)] = -(2**62)
    plans = [_weights(p) for p in flows.payers]
    width = max([len(d) for d, _ in plans], default=1)
    cash = numpy.zeros((n, width), dtype="int64")
    weights = numpy.zeros((n, width), dtype="int64")
    for code, (delays, w) in enumerate(plans):
        rows = numpy.flatnonzero((payer == code) & (fixed == -(2**62)))
        if not len(rows):
            continue
        try:
            days = _cash_days(flows.payers[code], due[rows], received[rows], delays, memo)
        except PaytermsError as exc:
            exc.add_note(f"while forecasting the flows of payer {flows.payers[code]!r}")
            raise
        k = len(delays)
        cash[rows, :k] = days
        cash[rows, k:] = days[:, -1:]  # padding: same last day, no weight
        weights[rows, :k] = numpy.asarray(w, dtype="int64")
    taken = numpy.flatnonzero(fixed != -(2**62))
    cash[taken, :] = fixed[taken, None]
    weights[taken, 0] = 1
    if as_of is not None:
        weights = numpy.where(cash > _num(as_of), weights, 0)
    return _Outcomes(cash, weights, cents), numpy.asarray(flows.row, dtype="int64")


# --------------------------------------------------------------------------- forecast


class ForecastRow(NamedTuple):
    """One period of a :class:`CashForecast`: expected receipts and cumulative quantiles.

    >>> from payterms.runs import Payer, PaymentRun
    >>> from payterms.receivables import Invoice
    >>> fc = cash_forecast([Invoice("F-1", "A", date(2026, 1, 2), date(2026, 1, 30),
    ...                             Decimal("10.00"))], Payer(runs=PaymentRun.monthly(10)),
    ...                    as_of=date(2026, 1, 31), horizon=1, freq=Frequency.MONTH)
    >>> fc.totals()[0].period, fc.totals()[0].expected, fc.totals()[0].cumulative
    (datetime.date(2026, 2, 1), Decimal('10.00'), Decimal('10.00'))
    """

    period: date
    customer: str | None
    expected: Decimal
    cumulative: Decimal
    quantiles: tuple[Decimal, ...]


def _quantile_label(q: Fraction) -> str:
    percent = Decimal(q.numerator) * 100 / Decimal(q.denominator)
    return f"q{figure(percent).normalize():f}"


@frozen(eq=False, repr=False)
class CashForecast:
    """The expected cash-in of a book over a horizon, per customer and in total.

    Attributes:
        as_of: the day the book is open at; the horizon starts the day after.
        freq: the length of the periods.
        periods: the label of each period (its Monday, its 1st, or its day); the first
            period runs from ``as_of + 1`` only.
        ends: the last day of each period.
        customers: the customers of the book, sorted.
        quantiles: the lateness quantiles of the cumulative columns.
        currency: the currency of the amounts.

    ``expected`` receipts of a period spread each invoice over its possible cash dates
    by their probabilities (to the cent, largest remainder). The cumulative quantile
    columns answer "how sure": ``cum_q90`` is the cash received by the period's end if
    every invoice is paid on its own 90 % quantile date (the date by which it is paid
    with probability 90 %, as :meth:`PaymentForecast.quantile
    <payterms.timing.PaymentForecast.quantile>`), which is received by then with a
    probability of at least 90 % when all invoices move together (the comonotone case,
    the cautious reading: a customer's delays go together); so ``cum_q90 <= cum_q50 <=
    cum_q10`` in every period and, because comonotone quantiles add up, the customers'
    columns add up to the total's. Invoices whose every possible cash date lies on or
    before *as_of* (later than any delay seen) are not placed in time: they are
    :attr:`unforecast`. ``in_horizon + beyond_horizon + unforecast == open_total``.

    """

    as_of: date
    freq: Frequency
    periods: tuple[date, ...]
    ends: tuple[date, ...]
    customers: tuple[str, ...]
    quantiles: tuple[Fraction, ...]
    currency: str
    _expected: Any = field(repr=False)  # customers x periods, cents
    _cumq: Any = field(repr=False)  # quantiles x customers x periods, cents
    _beyond: Any = field(repr=False)  # customers, cents
    _unforecast: Any = field(repr=False)  # customers, cents
    _invoices: Any = field(repr=False)  # per part of the book: arrays per flow

    @property
    def _exponent(self) -> int:
        return minor_unit(self.currency)

    def _sum(self, cents: Any) -> Decimal:
        return _money(int(cents.sum()), self._exponent)

    @property
    def in_horizon(self) -> Decimal:
        """The expected receipts inside the horizon, all customers."""
        return self._sum(self._expected)

    @property
    def beyond_horizon(self) -> Decimal:
        """The expected receipts after the horizon's last day."""
        return self._sum(self._beyond)

    @property
    def unforecast(self) -> Decimal:
        """The open amounts whose every possible cash date is already past (see the class)."""
        return self._sum(self._unforecast)

    @property
    def open_total(self) -> Decimal:
        """The total of the amounts forecast (open, and planned if a plan was given)."""
        return self.in_horizon + self.beyond_horizon + self.unforecast

    def totals(self) -> tuple[ForecastRow, ...]:
        """Return one :class:`ForecastRow` per period for the whole book.

        >>> from payterms.runs import Payer, PaymentRun
        >>> from payterms.receivables import Invoice
        >>> fc = cash_forecast([Invoice("F-1", "A", date(2026, 1, 2), date(2026, 1, 30),
        ...                             Decimal("10.00"))], Payer(runs=PaymentRun.monthly(10)),
        ...                    as_of=date(2026, 1, 31), horizon=2, freq=Frequency.MONTH)
        >>> [(str(r.period), r.expected, r.quantiles) for r in fc.totals()]
        [('2026-02-01', Decimal('10.00'), (Decimal('10.00'), Decimal('10.00'), Decimal('10.00'))),
         ('2026-03-01', Decimal('0.00'), (Decimal('10.00'), Decimal('10.00'), Decimal('10.00')))]
        """
        return self._rows(None, self._expected.sum(axis=0), self._cumq.sum(axis=1))

    def for_customer(self, customer: str) -> tuple[ForecastRow, ...]:
        """Return one :class:`ForecastRow` per period for *customer*."""
        if customer not in self.customers:
            raise InvalidArgument("customer", customer, f"a customer of the book {self.customers}")
        c = self.customers.index(customer)
        return self._rows(customer, self._expected[c], self._cumq[:, c, :])

    def _rows(self, customer: str | None, expected: Any, cumq: Any) -> tuple[ForecastRow, ...]:
        numpy = _np()
        e = self._exponent
        running = numpy.cumsum(expected)
        return tuple(
            ForecastRow(
                period=self.periods[p],
                customer=customer,
                expected=_money(expected[p], e),
                cumulative=_money(running[p], e),
                quantiles=tuple(_money(cumq[j, p], e) for j in range(len(self.quantiles))),
            )
            for p in range(len(self.periods))
        )

    def _repr_html_(self) -> str | None:
        return frame_html(self)

    def to_frame(self, by: str = "total") -> pd.DataFrame:
        """Return the forecast as a pandas DataFrame (needs the ``[pandas]`` extra).

        * ``by="total"``: one row per period: ``period``, ``start``, ``end``,
          ``expected``, ``cumulative`` and one ``cum_q..`` column per quantile;
        * ``by="customer"``: the same per (period, customer), with a ``customer`` column;
        * ``by="invoice"``: one row per invoice (per instalment for planned invoices):
          ``id``, ``customer``, ``source`` (``open`` or ``plan``), ``line``,
          ``amount``, ``expected_date`` (the probability-weighted mean cash date, as
          :func:`~payterms.timing.expected_payment_date`), one date column per
          quantile, ``in_horizon`` (the expected amount inside the horizon) and
          ``placed`` (False when the invoice is :attr:`unforecast`).

        Amounts are exact Decimals (object dtype); dates are ``datetime.date``.
        """
        pandas = _pd("CashForecast.to_frame")
        labels = [_quantile_label(q) for q in self.quantiles]
        if by == "invoice":
            return self._invoice_frame(pandas, labels)
        if by not in ("total", "customer"):
            raise InvalidArgument("by", by, "'total', 'customer' or 'invoice'")
        groups: list[tuple[ForecastRow, ...]] = (
            [self.totals()] if by == "total" else [self.for_customer(c) for c in self.customers]
        )
        records: dict[str, list[Any]] = {"period": [], "start": [], "end": []}
        if by == "customer":
            records["customer"] = []
        records.update({"expected": [], "cumulative": []})
        records.update({f"cum_{label}": [] for label in labels})
        first_days = (self.as_of + timedelta(days=1), *(e + timedelta(days=1) for e in self.ends))
        for group in groups:
            for p, row in enumerate(group):
                records["period"].append(row.period)
                records["start"].append(first_days[p])
                records["end"].append(self.ends[p])
                if by == "customer":
                    records["customer"].append(row.customer)
                records["expected"].append(row.expected)
                records["cumulative"].append(row.cumulative)
                for label, value in zip(labels, row.quantiles, strict=True):
                    records[f"cum_{label}"].append(value)
        frame = pandas.DataFrame(records)
        for name in ("expected", "cumulative", *(f"cum_{label}" for label in labels)):
            frame[name] = frame[name].astype(object)
        return frame

    def _invoice_frame(self, pandas: Any, labels: list[str]) -> pd.DataFrame:
        numpy = _np()
        e = self._exponent
        columns: dict[str, list[Any]] = {
            name: [] for name in ("id", "customer", "source", "line", "amount", "expected_date")
        }
        columns.update({f"{label}_date": [] for label in labels})
        columns.update({"in_horizon": [], "placed": []})

        def dates(days: Any, ok: Any) -> list[Any]:
            stamped = numpy.asarray(days, dtype="int64").view("datetime64[D]").astype(object)
            return [
                d if good else None for d, good in zip(stamped.tolist(), ok.tolist(), strict=True)
            ]

        for piece in self._invoices:
            rows, flow_rows, ok = piece["rows"], piece["flow_rows"].tolist(), piece["ok"]
            columns["id"] += [rows.ids[r] for r in flow_rows]
            columns["customer"] += [rows.customers[r] for r in flow_rows]
            columns["source"] += [rows.source] * len(flow_rows)
            columns["line"] += piece["line"].tolist()
            columns["amount"] += [_money(c, e) for c in piece["cents"].tolist()]
            columns["expected_date"] += dates(piece["mean"], ok)
            for label, days in zip(labels, piece["quantiles"], strict=True):
                columns[f"{label}_date"] += dates(days, ok)
            columns["in_horizon"] += [_money(c, e) for c in piece["in_horizon"].tolist()]
            columns["placed"] += ok.tolist()
        frame = pandas.DataFrame(columns)
        for name in ("amount", "in_horizon", "expected_date", *(f"{x}_date" for x in labels)):
            frame[name] = frame[name].astype(object)
        return frame

    def __repr__(self) -> str:
        unit = {Frequency.DAY: "days", Frequency.WEEK: "weeks", Frequency.MONTH: "months"}
        return (
            f"CashForecast(as_of={self.as_of.isoformat()}, {len(self.periods)} "
            f"{unit[self.freq]}, {len(self.customers)} customers, in horizon "
            f"{self.in_horizon:,} of {self.open_total:,} {self.currency})"
        )

    def __str__(self) -> str:
        labels = [_quantile_label(q) for q in self.quantiles]
        head = f"{'period':<10}  {'expected':>14}  {'cumulative':>14}" + "".join(
            f"  {'cum_' + label:>14}" for label in labels
        )
        lines = [head]
        for row in self.totals():
            lines.append(
                f"{row.period.isoformat():<10}  {row.expected:>14,}  {row.cumulative:>14,}"
                + "".join(f"  {v:>14,}" for v in row.quantiles)
            )
        lines.append(
            f"beyond the horizon {self.beyond_horizon:,}; not placed in time {self.unforecast:,}"
        )
        return "\n".join(lines)


def _sequence(values: object, name: str, expected: str) -> tuple[Any, ...]:
    if isinstance(values, (str, bytes)) or not isinstance(values, Iterable):
        raise InvalidType(name, values, expected)
    return tuple(values)


def _quantile_list(quantiles: object) -> tuple[Fraction, ...]:
    if isinstance(quantiles, (str, bytes)) or not isinstance(quantiles, Iterable):
        raise InvalidType("quantiles", quantiles, "a sequence of probabilities such as '0.9'")
    out = tuple(check_quantile(q, "quantiles") for q in quantiles)
    if list(out) != sorted(set(out)):
        raise InvalidArgument("quantiles", quantiles, "distinct probabilities in increasing order")
    return out


def cash_forecast(
    book: pd.DataFrame | Iterable[Invoice] | None,
    behaviours: Behaviours | Mapping[str, Behaviour] | Behaviour | None = None,
    *,
    as_of: date,
    horizon: int | date,
    freq: Frequency | str = Frequency.WEEK,
    plan: pd.DataFrame | None = None,
    quantiles: Sequence[Decimal | str | Fraction] = ("0.1", "0.5", "0.9"),
    default: Behaviour | None = None,
    columns: Mapping[str, str] | None = None,
    plan_columns: Mapping[str, str] | None = None,
    currency: str = "EUR",
) -> CashForecast:
    """Return the expected receipts of an open book (and a sales plan) per period.

    *book* is the open invoices at the end of *as_of*: ``Invoice`` values (their open
    amount at *as_of* is forecast; settled ones are skipped) or a DataFrame with the
    fields ``customer``, ``amount`` (the open amount, >= 0), ``issued`` (the invoice
    date: the day it was sent) and ``due`` or ``terms`` (the final due date of the
    terms, as :func:`~payterms.timing.expected_payment_date` takes it; with both
    columns, a row's due date is the ledger's and its terms serve where it is empty),
    optionally ``id``,
    ``term_start`` and ``behaviour`` (a PaymentBehaviour or Payer per row); *columns*
    maps these fields to the frame's own names. *plan* is the invoices not sent yet: a
    DataFrame with ``customer``, ``amount``, ``sent`` (after *as_of*) and ``terms``
    (each instalment is a cash flow of its own), optionally ``id``, ``term_start`` and
    ``behaviour``, mapped by *plan_columns*.

    Each customer pays as its behaviour says: *behaviours* maps customers to a
    :class:`~payterms.behaviour.PaymentBehaviour` or :class:`~payterms.runs.Payer` (the
    result of :func:`~payterms.behaviour.learn_behaviour` works), or is one of them for
    every customer; a per-row ``behaviour`` cell wins; *default* serves the customers
    without one. A customer with none is refused, naming the row. With a fixed lateness
    every invoice's cash date is exactly
    :func:`~payterms.batch.expected_payment_dates`'s; with a distribution each invoice
    is spread over its cash dates, those on or before *as_of* dropped (the invoice is
    still open) and the rest renormalised.

    The periods (*freq* DAY, WEEK or MONTH) run from ``as_of + 1``; *horizon* is their
    number or the last day. *quantiles* are the lateness quantiles of the cumulative
    columns (see :class:`CashForecast`).

    >>> import pandas as pd
    >>> from payterms.runs import Payer, PaymentRun
    >>> from payterms.terms import PaymentTerms
    >>> book = pd.DataFrame({"client": ["ACME", "ACME"], "open": ["800.00", "200.00"],
    ...                      "issued": [date(2026, 5, 4), date(2026, 5, 28)],
    ...                      "due": [date(2026, 6, 3), date(2026, 6, 27)]})
    >>> fc = cash_forecast(book, {"ACME": Payer(runs=PaymentRun.monthly(10, 25))},
    ...                    as_of=date(2026, 5, 31), horizon=date(2026, 7, 31),
    ...                    freq="M", columns={"customer": "client", "amount": "open"})
    >>> [(str(r.period), str(r.expected)) for r in fc.totals()]
    [('2026-06-01', '800.00'), ('2026-07-01', '200.00')]
    >>> cash_forecast(book, {}, as_of=date(2026, 5, 31), horizon=2,
    ...               columns={"customer": "client", "amount": "open"})
    Traceback (most recent call last):
    payterms.errors.InvalidArgument: client of row 0='ACME' is not accepted: expected a customer ...
    """
    as_of = check_date(as_of, "as_of")
    frequency = _frequency(freq)
    levels = _quantile_list(quantiles)
    exponent = minor_unit(currency)
    periods = _periods(as_of, horizon, frequency)
    if book is None and plan is None:
        raise InvalidArgument("book", None, "an open book, a plan=, or both")
    parts: list[tuple[_Rows, _Flows]] = []
    if book is not None:
        rows = _book_rows(book, behaviours, default, as_of=as_of, columns=columns)
        parts.append((rows, _book_flows(rows, currency)))
    if plan is not None:
        prows, _ = _plan_rows(
            plan,
            behaviours,
            default,
            columns=plan_columns,
            required=("customer", "amount", "sent", "terms"),
            what="cash_forecast (the plan)",
        )
        sent: list[date] = []
        for i, day in enumerate(prows.dates["sent"]):
            assert day is not None  # noqa: S101 - a required column
            if day <= as_of:
                raise InvalidArgument(
                    f"sent of {prows.labels[i]}",
                    day,
                    f"a send date after as_of={as_of.isoformat()} (an invoice sent by then "
                    "belongs to the open book)",
                )
            sent.append(day)
        parts.append((prows, _plan_flows(prows, currency, sent)))
    return _forecast(
        parts,
        as_of=as_of,
        periods=periods,
        freq=frequency,
        levels=levels,
        currency=currency,
        exponent=exponent,
    )


def _forecast(
    parts: list[tuple[_Rows, _Flows]],
    *,
    as_of: date,
    periods: list[tuple[date, date, date]],
    freq: Frequency,
    levels: tuple[Fraction, ...],
    currency: str,
    exponent: int,
) -> CashForecast:
    numpy = _np()
    customers = sorted({c for rows, _ in parts for c in rows.customers})
    code_of = {c: i for i, c in enumerate(customers)}
    n_c, n_p, n_q = len(customers), len(periods), len(levels)
    starts = numpy.asarray([_num(first) for _, first, _ in periods], dtype="int64")
    last_day = _num(periods[-1][2])
    expected = numpy.zeros((n_c, n_p), dtype="int64")
    cumq = numpy.zeros((n_q, n_c, n_p), dtype="int64")
    beyond = numpy.zeros(n_c, dtype="int64")
    unplaced = numpy.zeros(n_c, dtype="int64")
    pieces: list[dict[str, Any]] = []
    for rows, flows in parts:
        if not len(flows):
            continue
        outcomes, flow_rows = _outcomes(flows, as_of)
        row_codes = numpy.asarray([code_of[c] for c in rows.customers], dtype="int64")
        cust = row_codes[flow_rows]
        cents = numpy.asarray(flows.cents, dtype="int64")
        cash, alloc, ok = outcomes.cash, outcomes.alloc, outcomes.ok
        inside = cash <= last_day
        period = numpy.searchsorted(starts, cash, side="right") - 1
        period = numpy.clip(period, 0, n_p - 1)
        placed = alloc * inside
        numpy.add.at(expected, (numpy.broadcast_to(cust[:, None], cash.shape), period), placed)
        numpy.add.at(beyond, cust, (alloc * ~inside).sum(axis=1))
        numpy.add.at(unplaced, cust[~ok], cents[~ok])
        quantile_days = [outcomes.quantile_day(q) for q in levels]
        for j, days in enumerate(quantile_days):
            hit = ok & (days <= last_day)
            at = numpy.clip(numpy.searchsorted(starts, days, side="right") - 1, 0, n_p - 1)
            numpy.add.at(cumq[j], (cust[hit], at[hit]), cents[hit])
        pieces.append(
            {
                "rows": rows,
                "flow_rows": flow_rows,
                "line": numpy.asarray(flows.line, dtype="int64"),
                "cents": cents,
                "mean": outcomes.mean_day(),
                "quantiles": quantile_days,
                "in_horizon": placed.sum(axis=1),
                "ok": ok,
            }
        )
    cumq = numpy.cumsum(cumq, axis=2)
    for array in (expected, cumq, beyond, unplaced):
        array.flags.writeable = False
    return CashForecast(
        as_of=as_of,
        freq=freq,
        periods=tuple(label for label, _, _ in periods),
        ends=tuple(last for _, _, last in periods),
        customers=tuple(customers),
        quantiles=levels,
        currency=currency,
        expected=expected,
        cumq=cumq,
        beyond=beyond,
        unforecast=unplaced,
        invoices=tuple(pieces),
    )


# --------------------------------------------------------------------------- what-if


class SendPolicy(Enum):
    """When an invoice is sent, relative to the day the work is done (the plan's ``completed``).

    Source for the advice: "facturer immédiatement après avoir accompli une prestation et
    ne surtout pas attendre la fin du mois" (an accountant quoted by Le Journal des
    Entreprises, "Les astuces pour améliorer sa trésorerie 3/4: travaillez votre poste
    clients").

    >>> SendPolicy("month_end")
    <SendPolicy.MONTH_END: 'month_end'>
    """

    ON_COMPLETION = "on_completion"
    """The day the work is done (or the goods delivered)."""

    MONTH_END = "month_end"
    """The last day of the month in which the work is done (invoicing in a monthly batch)."""

    BEST_SEND_DATE = "best_send_date"
    """The day :func:`~payterms.timing.best_send_date` picks (earliest cash) between the
    day the work is done and the end of that month."""


def _share(value: object, name: str, *, low_open: bool = False) -> Decimal:
    share = to_decimal(value, name)
    if not (share > 0 if low_open else share >= 0) or share > 1:
        bound = "(0, 1]" if low_open else "[0, 1]"
        raise InvalidArgument(name, value, f"a share in {bound}, e.g. Decimal('0.3') for 30 %")
    return share


def _customers_converter(value: object) -> tuple[str, ...] | None:
    if value is None:
        return None
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise InvalidType("customers", value, "an iterable of customer names, or None for all")
    names = tuple(value)
    for name in names:
        if not isinstance(name, str):
            raise InvalidType("customers", name, "a customer name (str)")
    return names


def _optional_share(value: object) -> Decimal | None:
    return None if value is None else _share(value, "deposit", low_open=True)


def _uptake(value: object) -> Decimal:
    return _share(value, "uptake")


def _target(value: object) -> Decimal | None:
    if value is None:
        return None
    days = to_decimal(value, "dso_target")
    if days <= 0:
        raise InvalidArgument("dso_target", value, "a positive number of days")
    return days


@frozen(repr=False)
class Scenario:
    """A change to the sales plan's payment conditions, for :func:`compare_scenarios`.

    Attributes:
        name: how the comparison labels it.
        terms: new :class:`~payterms.terms.PaymentTerms` (None: each invoice keeps its own).
        customers: the customers the change applies to (None: all of them).
        discount: an early-payment :class:`~payterms.terms.DiscountTier` offered on
            top of the terms.
        uptake: the share of the amounts (by value, as in the ACCA workbook example of
            reference/finance.md §1.5) that takes the discount: paid at the payer's last
            run that still earns it, less the discount; the rest pays as usual.
        send: a :class:`SendPolicy` (None: as the plan says).
        deposit: the share of each invoice asked at order (the plan's ``ordered`` date),
            due at once; the balance follows the terms.
        dso_target: days: every collection delay (invoice date to cash) is scaled so
            that the scenario's DSO (by the first method compared) is brought to it.

    Every customer keeps its behaviour relative to the due date (the same lateness
    after new terms): the one assumption of a what-if.

    >>> Scenario("deposit", deposit="0.3", customers=["ACME"])
    Scenario('deposit', customers=('ACME',), deposit=Decimal('0.3'))
    >>> Scenario("odd", uptake="0.3")
    Traceback (most recent call last):
    payterms.errors.InvalidArgument: uptake=Decimal('0.3') is not accepted: expected a discount ...

    """

    name: str = field(validator=lambda _s, _a, v: _check_name(v))
    terms: PaymentTerms | None = None
    customers: tuple[str, ...] | None = field(default=None, converter=_customers_converter)
    discount: DiscountTier | None = None
    uptake: Decimal = field(default=Decimal(0), converter=_uptake)
    send: SendPolicy | None = None
    deposit: Decimal | None = field(default=None, converter=_optional_share)
    dso_target: Decimal | None = field(default=None, converter=_target)

    def __repr__(self) -> str:
        parts = [repr(self.name)]
        for name in ("terms", "customers", "discount", "uptake", "send", "deposit", "dso_target"):
            value = getattr(self, name)
            if value is not None and not (name == "uptake" and not value):
                parts.append(f"{name}={value!r}")
        return f"Scenario({', '.join(parts)})"

    def __attrs_post_init__(self) -> None:
        if self.terms is not None and not isinstance(self.terms, PaymentTerms):
            raise InvalidType("terms", self.terms, "a payterms.PaymentTerms or None")
        if self.discount is not None and not isinstance(self.discount, DiscountTier):
            raise InvalidType("discount", self.discount, "a payterms.DiscountTier or None")
        if self.send is not None and not isinstance(self.send, SendPolicy):
            raise InvalidType("send", self.send, "a payterms.SendPolicy member or None")
        if self.uptake and self.discount is None:
            raise InvalidArgument("uptake", self.uptake, "a discount= for the uptake to take")


def _check_name(value: object) -> None:
    if not isinstance(value, str) or not value:
        raise InvalidType("name", value, "a non-empty str")


@frozen
class ScenarioResult:
    """One scenario's figures over the plan; see :func:`compare_scenarios`.

    Attributes:
        name: the scenario's name (``baseline`` for the plan as it is).
        sales: the amounts invoiced (the plan's total).
        cash_by_month: ``(first day of the month, expected receipts)`` in month order.
        dso: ``(DsoMethod, days)`` at the comparison's ``as_of``, each method named.
        receivables: the amount still open at the end of ``as_of``.
        financing_cost: simple interest at the rate on every receipt from the day the
            seller's money went out (the plan's ``completed``, else the send date) to its
            cash date (ACCA: receivables x rate; a deposit received before counts
            negative), rounded once.
        discount_cost: the discounts given away.
        margin: sales less the plan's ``cost``, the financing cost and the discounts
            (None when the plan has no ``cost``).

    >>> ScenarioResult(name="x", sales=Decimal(1), cash_by_month=(), dso=(),
    ...                receivables=Decimal(0), financing_cost=Decimal(0),
    ...                discount_cost=Decimal(0), margin=None).margin is None
    True

    """

    name: str
    sales: Decimal
    cash_by_month: tuple[tuple[date, Decimal], ...]
    dso: tuple[tuple[DsoMethod, Decimal], ...]
    receivables: Decimal
    financing_cost: Decimal
    discount_cost: Decimal
    margin: Decimal | None

    def _repr_html_(self) -> str | None:
        return frame_html(self)

    def to_frame(self) -> pd.DataFrame:
        """Return the cash by month: ``month`` (its first day) and ``cash`` (Decimal).

        >>> ScenarioResult(name="x", sales=Decimal(5), cash_by_month=((date(2026, 1, 1),
        ...                Decimal(5)),), dso=(), receivables=Decimal(0),
        ...                financing_cost=Decimal(0), discount_cost=Decimal(0),
        ...                margin=None).to_frame()
                month cash
        0  2026-01-01    5
        """
        pandas = _pd("ScenarioResult.to_frame")
        return pandas.DataFrame(
            {
                "month": [m for m, _ in self.cash_by_month],
                "cash": pandas.Series([v for _, v in self.cash_by_month], dtype=object),
            }
        )


_METRICS = ("sales", "receivables", "financing cost", "discount cost", "margin after term")


@frozen
class ScenarioComparison:
    """Scenarios side by side, the plan as it is (``baseline``) first.

    Attributes:
        as_of: the day receivables and DSO are measured at.
        rate: the annual cost of money the financing cost is priced at.
        results: one :class:`ScenarioResult` per scenario, baseline first.

    :meth:`to_frame` puts the figures side by side (one column per scenario);
    :meth:`difference` gives each scenario less the baseline, so a scenario that
    changes nothing shows zeros; :meth:`cash_freed` and :meth:`financing_saved` answer
    in money what a change is worth.

    >>> import pandas as pd
    >>> from payterms.runs import Payer, PaymentRun
    >>> plan = pd.DataFrame({"customer": ["A"], "amount": ["600.00"],
    ...                      "completed": [date(2026, 3, 9)], "terms": [PaymentTerms.net(30)]})
    >>> cmp = compare_scenarios(plan, Payer(runs=PaymentRun.weekly(0)),
    ...                         [Scenario("month end", send=SendPolicy.MONTH_END)],
    ...                         as_of=date(2026, 4, 30), rate="0.10")
    >>> print(cmp.difference().loc[["cash 2026-04", "cash 2026-05", "financing cost"]])
                   month end
    cash 2026-04     -600.00
    cash 2026-05      600.00
    financing cost      3.46

    """

    as_of: date
    rate: Decimal
    results: tuple[ScenarioResult, ...]

    def __getitem__(self, name: str) -> ScenarioResult:
        for result in self.results:
            if result.name == name:
                return result
        raise InvalidArgument("name", name, f"a scenario among {[r.name for r in self.results]}")

    @property
    def baseline(self) -> ScenarioResult:
        """The plan as it is."""
        return self.results[0]

    def cash_freed(self, name: str) -> Decimal:
        """Return the receivables at ``as_of`` that scenario *name* turns into cash."""
        return self.baseline.receivables - self[name].receivables

    def financing_saved(self, name: str) -> Decimal:
        """Return the financing cost scenario *name* saves against the baseline."""
        return self.baseline.financing_cost - self[name].financing_cost

    def _table(self) -> tuple[list[str], list[list[Decimal | None]]]:
        months = sorted({m for r in self.results for m, _ in r.cash_by_month})
        labels = [f"cash {m:%Y-%m}" for m in months]
        methods = [m for m, _ in self.baseline.dso]
        labels += [f"DSO {m.value}" for m in methods]
        labels += [*_METRICS, "cash freed", "financing saved"]
        columns: list[list[Decimal | None]] = []
        for r in self.results:
            cash = dict(r.cash_by_month)
            zero = Decimal(0).scaleb(r.sales.as_tuple().exponent)  # type: ignore[arg-type]
            values: list[Decimal | None] = [cash.get(m, zero) for m in months]
            values += [dict(r.dso)[m] for m in methods]
            values += [r.sales, r.receivables, r.financing_cost, r.discount_cost, r.margin]
            values += [self.cash_freed(r.name), self.financing_saved(r.name)]
            columns.append(values)
        return labels, columns

    def _repr_html_(self) -> str | None:
        return frame_html(self)

    def to_frame(self) -> pd.DataFrame:
        """Return the figures side by side: one row per figure, one column per scenario.

        Rows: ``cash YYYY-MM`` per month, ``DSO <method>`` per method, ``sales``,
        ``receivables``, ``financing cost``, ``discount cost``, ``margin after term``,
        ``cash freed`` and ``financing saved`` (both against the baseline). Values are
        exact Decimals (object dtype).
        """
        pandas = _pd("ScenarioComparison.to_frame")
        labels, columns = self._table()
        return pandas.DataFrame(
            {
                r.name: pandas.Series(col, index=labels, dtype=object)
                for r, col in zip(self.results, columns, strict=True)
            }
        )

    def difference(self) -> pd.DataFrame:
        """Return each scenario less the baseline, figure by figure (the baseline left out)."""
        pandas = _pd("ScenarioComparison.difference")
        labels, columns = self._table()
        base = columns[0]
        out = {}
        for r, col in zip(self.results[1:], columns[1:], strict=True):
            out[r.name] = pandas.Series(
                [None if a is None or b is None else a - b for a, b in zip(col, base, strict=True)],
                index=labels,
                dtype=object,
            )
        return pandas.DataFrame(out, index=labels)

    def __str__(self) -> str:
        labels, columns = self._table()
        names = [r.name for r in self.results]
        width = max(14, *(len(n) for n in names))
        lines = [f"{'':<22}" + "".join(f"  {n:>{width}}" for n in names)]
        for i, label in enumerate(labels):
            cells = []
            for col in columns:
                v = col[i]
                text = "-" if v is None else f"{v.quantize(Decimal('0.01')):,}"
                cells.append(f"  {text:>{width}}")
            lines.append(f"{label:<22}" + "".join(cells))
        return "\n".join(lines)


class _PlanFlows:
    """A scenario's flows with what DSO and financing need of each."""

    def __init__(self) -> None:
        self.flows = _Flows()
        self.issued: list[date] = []  # the invoice (part) date for DSO
        self.dso_due: list[date] = []  # its due date for DSO
        self.cash_out: list[date] = []  # the day the seller's money went out
        self.credit: list[int] = []  # cents settled without cash (a discount) with the flow

    def add(
        self,
        row: int,
        line: int,
        payer: int,
        *,
        due: date,
        received: date,
        cents: int,
        issued: date,
        cash_out: date,
        dso_due: date | None = None,
        fixed_cash: date | None = None,
        credit: int = 0,
    ) -> None:
        self.flows.add(row, line, payer, due, received, cents, fixed_cash)
        self.issued.append(issued)
        self.dso_due.append(due if dso_due is None else dso_due)
        self.cash_out.append(cash_out)
        self.credit.append(credit)


def _half_up(numerator: int, denominator: int) -> int:
    return (2 * numerator + denominator) // (2 * denominator)


def _fraction_of(cents: int, share: Decimal) -> int:
    f = _as_fraction(share)
    return _half_up(cents * f.numerator, f.denominator)


@functools.lru_cache(maxsize=64)
def _as_fraction(value: Decimal) -> Fraction:
    return Fraction(value)


class _SendDays:
    """The send day of each plan row under a policy (best send dates memoised)."""

    def __init__(self) -> None:
        self._best: dict[tuple[PaymentTerms, int, date], date] = {}

    def day(self, policy: SendPolicy, terms: PaymentTerms, payer: Payer, completed: date) -> date:
        if policy is SendPolicy.ON_COMPLETION:
            return completed
        if policy is SendPolicy.MONTH_END:
            return _month_end(completed)
        key = (terms, id(payer), completed)
        found = self._best.get(key)
        if found is None:
            found = self._best[key] = best_send_date(
                terms, payer, ready=completed, latest=_month_end(completed)
            ).sent
        return found


def _discount_day(
    terms: PaymentTerms, tier: DiscountTier, start: date, memo: dict[Any, date | None]
) -> date | None:
    key = (id(terms), tier, start)
    if key not in memo:
        offered = terms.with_discount(tier.percent, tier.rule, amount=tier.amount)
        # the window's last day does not depend on the amount; one the tier fits in
        amount = Decimal(100) if tier.amount is None else max(Decimal(100), 2 * tier.amount)
        windows = [
            w
            for w in offered.schedule(start, amount).discounts
            if w.percent == tier.percent and (tier.amount is None or w.discount == tier.amount)
        ]
        memo[key] = windows[0].last_day if windows else None
    return memo[key]


class _Shared:
    """What every scenario of one comparison computes alike, computed once."""

    def __init__(self, rows: _Rows, currency: str) -> None:
        self.dues = _Dues(currency)
        self.sender = _SendDays()
        self.windows: dict[Any, date | None] = {}
        self.before: dict[tuple[int, date, date], date | None] = {}
        self.memo = _Memo()
        self.cents = [
            _to_cents(a, self.dues.exponent, f"amount of {label}")
            for a, label in zip(rows.amounts, rows.labels, strict=True)
        ]

    def taker_cash(self, payer: Payer, last_day: date, received: date) -> date | None:
        """Return the cash date of the last run that still earns the discount, if any."""
        key = (id(payer), last_day, received)
        if key not in self.before:
            run = payer.run_on_or_before(last_day, received=received)
            self.before[key] = None if run is None else payer.cash_date(run)
        return self.before[key]


def _scenario_flows(
    rows: _Rows, found: Mapping[str, str], scenario: Scenario | None, shared: _Shared
) -> tuple[_PlanFlows, list[int]]:
    """Return the flows of the plan under *scenario* and the discount given per row (cents)."""
    out = _PlanFlows()
    dues = shared.dues
    completed_col = rows.dates.get("completed")
    sent_col = rows.dates.get("sent")
    ordered_col = rows.dates.get("ordered")
    starts = rows.dates.get("term_start")
    discounts = [0] * len(rows)
    chosen = set() if scenario is None or scenario.customers is None else set(scenario.customers)
    for i in range(len(rows)):
        label = rows.labels[i]
        payer = rows.payers[i]
        code = out.flows.payer_code(payer)
        applies = scenario is not None and (
            scenario.customers is None or rows.customers[i] in chosen
        )
        terms = rows.terms[i]
        if applies and scenario is not None and scenario.terms is not None:
            terms = scenario.terms
        if terms is None:
            raise InvalidArgument(f"terms of {label}", None, "the planned invoice's terms")
        _check_discount_policy(payer, terms, label)
        completed = None if completed_col is None else completed_col[i]
        planned = sent_col[i] if sent_col is not None else completed
        if applies and scenario is not None and scenario.send is not None:
            if completed is None:
                raise InvalidArgument(
                    "columns",
                    sorted(found),
                    f"a 'completed' column for the send policy of {scenario.name!r}",
                )
            sent = shared.sender.day(scenario.send, terms, payer, completed)
        else:
            assert planned is not None  # noqa: S101 - sent or completed is required
            sent = planned
        cash_out = completed if completed is not None else sent
        received = payer.received(sent)
        start = _term_start(
            terms, sent, received, None if starts is None else starts[i], f"term_start of {label}"
        )
        cents = shared.cents[i]
        balance = cents
        if applies and scenario is not None and scenario.deposit is not None:
            ordered = None if ordered_col is None else ordered_col[i]
            if ordered is None:
                raise InvalidArgument(
                    f"ordered of {label}",
                    None,
                    f"the order date the deposit of {scenario.name!r} is asked at "
                    "(an 'ordered' column)",
                )
            deposit = _fraction_of(cents, scenario.deposit)
            if deposit:
                out.add(
                    i,
                    -1,
                    code,
                    due=ordered,
                    received=payer.received(ordered),
                    cents=deposit,
                    issued=ordered,
                    cash_out=cash_out,
                )
            balance -= deposit
        if applies and scenario is not None and scenario.discount is not None and scenario.uptake:
            last_day = _discount_day(terms, scenario.discount, start, shared.windows)
            taken = None if last_day is None else shared.taker_cash(payer, last_day, received)
            if taken is not None:
                taker = _fraction_of(balance, scenario.uptake)
                tier = scenario.discount
                if tier.percent is not None:
                    percent = Fraction(tier.percent)
                    given = _half_up(taker * percent.numerator, 100 * percent.denominator)
                else:  # a fixed amount off each invoice, on the share that takes it
                    assert tier.amount is not None  # noqa: S101 - a tier has one of the two
                    fixed = _to_cents(tier.amount, dues.exponent, "amount of the discount")
                    given = _fraction_of(min(fixed, balance), scenario.uptake)
                if taker:
                    out.add(
                        i,
                        -2,
                        code,
                        due=dues.final(terms, start),
                        received=received,
                        cents=taker - given,
                        issued=sent,
                        cash_out=cash_out,
                        fixed_cash=taken,
                        credit=given,
                    )
                discounts[i] = given
                balance -= taker
        if balance:
            for line, (due, part) in enumerate(
                dues.split_cents(terms, start, balance, f"amount of {label}")
            ):
                if part:
                    out.add(
                        i,
                        line,
                        code,
                        due=due,
                        received=received,
                        cents=part,
                        issued=min(sent, due),
                        cash_out=cash_out,
                    )
    return out, discounts


def _year(day_count: object) -> int:
    if not isinstance(day_count, DayCount):
        raise InvalidType("day_count", day_count, "a payterms.DayCount member")
    if day_count is DayCount.ACT_ACT_ISDA:
        raise InvalidArgument("day_count", day_count, "a day count with a fixed year length")
    return day_count.year_length()


def _dso_invoices(plan: _PlanFlows, cash: Days, alloc: Days, exponent: int) -> list[Invoice]:
    """Return one Invoice per (issue date, due date) with its receipts by cash day, exact."""
    numpy = _np()
    issued = _days_of(plan.issued)
    due = _days_of(plan.dso_due)
    credit = numpy.asarray(plan.credit, dtype="int64")
    low = int(min(issued.min(initial=0), due.min(initial=0)))
    span = int(max(issued.max(initial=0), due.max(initial=0))) - low + 1
    pair_keys, group = numpy.unique((issued - low) * span + (due - low), return_inverse=True)
    group = group.reshape(-1)
    amounts = numpy.zeros(len(pair_keys), dtype="int64")
    paid = alloc.copy()
    paid[:, 0] += credit  # a discount settles its part with the cash it comes with
    numpy.add.at(amounts, group, paid.sum(axis=1))
    g = numpy.broadcast_to(group[:, None], cash.shape).reshape(-1)
    c = cash.reshape(-1)
    v = paid.reshape(-1)
    keep = v != 0
    c_low = int(c.min(initial=0))
    c_span = int(c.max(initial=0)) - c_low + 1
    keys, inverse = numpy.unique(g[keep] * c_span + (c[keep] - c_low), return_inverse=True)
    sums = numpy.zeros(len(keys), dtype="int64")
    numpy.add.at(sums, inverse.reshape(-1), v[keep])
    payments: list[list[tuple[date, Decimal]]] = [[] for _ in range(len(pair_keys))]
    for key, value in zip(keys.tolist(), sums.tolist(), strict=True):
        grp, day = divmod(key, c_span)
        payments[grp].append((_day(day + c_low), _money(value, exponent)))
    out = []
    for j, key in enumerate(pair_keys.tolist()):
        a, b = divmod(key, span)
        out.append(
            Invoice(
                f"G{j}",
                "plan",
                _day(a + low),
                _day(b + low),
                _money(amounts[j], exponent),
                payments=tuple(payments[j]),
            )
        )
    return out


def _result(
    name: str,
    rows: _Rows,
    plan: _PlanFlows,
    discounts: list[int],
    outcomes: _Outcomes,
    *,
    as_of: date,
    rate: Decimal,
    year: int,
    methods: Sequence[DsoMethod],
    currency: str,
) -> ScenarioResult:
    numpy = _np()
    exponent = minor_unit(currency)
    cash, alloc = outcomes.cash, outcomes.alloc
    invoices = _dso_invoices(plan, cash, alloc, exponent)
    dso_values = []
    for method in methods:
        try:
            dso_values.append((method, dso(invoices, as_of=as_of, method=method).exact))
        except PaytermsError as exc:
            exc.add_note(f"in scenario {name!r}")
            raise
    receivables = sum(
        (inv.open_amount(as_of) for inv in invoices if inv.issued <= as_of), Decimal(0)
    )
    cash_out = _days_of(plan.cash_out)
    cent_days = int((alloc * (cash - cash_out[:, None])).sum())
    with localcontext(CONTEXT):
        financing = quantize(
            Decimal(cent_days).scaleb(-exponent) * rate / year, currency, rounding=ROUND_HALF_UP
        )
    months: dict[date, int] = {}
    flat_cash = cash.reshape(-1)
    flat_alloc = alloc.reshape(-1)
    month_keys = (flat_cash.astype("datetime64[D]").astype("datetime64[M]")).astype("int64")
    distinct, inverse = numpy.unique(month_keys, return_inverse=True)
    sums = numpy.zeros(len(distinct), dtype="int64")
    numpy.add.at(sums, inverse.reshape(-1), flat_alloc)
    for m, value in zip(distinct.tolist(), sums.tolist(), strict=True):
        first = date(1970 + m // 12, m % 12 + 1, 1)
        months[first] = months.get(first, 0) + value
    sales_cents = sum(_to_cents(a, exponent, "amount") for a in rows.amounts)
    discount = _money(sum(discounts), exponent)
    margin = None
    if all(c is not None for c in rows.costs) and len(rows):
        cost = sum((c for c in rows.costs if c is not None), Decimal(0))
        margin = _money(sales_cents, exponent) - cost - financing - discount
    return ScenarioResult(
        name=name,
        sales=_money(sales_cents, exponent),
        cash_by_month=tuple((m, _money(v, exponent)) for m, v in sorted(months.items()) if v),
        dso=tuple(dso_values),
        receivables=receivables,
        financing_cost=financing,
        discount_cost=discount,
        margin=margin,
    )


def _compress(plan: _PlanFlows, outcomes: _Outcomes, factor: Fraction) -> _Outcomes:
    """Return *outcomes* with every delay from invoice date to cash scaled by *factor*."""
    numpy = _np()
    issued = _days_of(plan.issued)[:, None]
    delay = outcomes.cash - issued
    scaled = numpy.where(
        delay > 0,
        issued + (2 * delay * factor.numerator + factor.denominator) // (2 * factor.denominator),
        outcomes.cash,
    )
    moved = _Outcomes.__new__(_Outcomes)
    moved.cash = scaled
    moved.weights = outcomes.weights
    moved.total = outcomes.total
    moved.ok = outcomes.ok
    moved.alloc = outcomes.alloc
    return moved


def compare_scenarios(
    plan: pd.DataFrame,
    behaviours: Behaviours | Mapping[str, Behaviour] | Behaviour | None,
    scenarios: Sequence[Scenario],
    *,
    as_of: date,
    rate: Decimal | str,
    day_count: DayCount = DayCount.ACT_365_FIXED,
    dso_methods: Sequence[DsoMethod] = (DsoMethod.COUNTBACK, DsoMethod.SIMPLE),
    default: Behaviour | None = None,
    columns: Mapping[str, str] | None = None,
    currency: str = "EUR",
) -> ScenarioComparison:
    """Return the sales *plan* run as it is and under each scenario, side by side.

    *plan* is a DataFrame of invoices (a year of sales, past or planned) with the fields
    ``customer``, ``amount``, ``terms`` and ``sent`` or ``completed`` (the day the work
    is done; the send day when there is no ``sent``), optionally ``ordered`` (needed by
    deposits), ``cost`` (for the margin), ``id``, ``term_start`` and ``behaviour``,
    mapped by *columns*. Customers pay as *behaviours* say (see :func:`cash_forecast`),
    the same under every scenario relative to the due date.

    For each scenario every invoice is rebuilt (its terms, send day, deposit, discount
    takers; see :class:`Scenario`), each part paid over its possible cash dates, and
    measured: cash by month; DSO at the end of *as_of* by each of *dso_methods*
    (:func:`~payterms.receivables.dso` on the scenario's invoices, their parts as
    instalments); receivables at *as_of*; the financing cost at the annual *rate*
    (simple interest on *day_count*'s year, from the day the seller's money went out
    to each receipt); the discounts given; the margin after them (with a ``cost``). A
    scenario that changes nothing gives the baseline's figures to the cent.

    >>> import pandas as pd
    >>> from payterms.runs import Payer, PaymentRun
    >>> from payterms.calendars import BusinessCalendar
    >>> every_day = Payer(runs=PaymentRun.weekly(0, 1, 2, 3, 4, 5, 6),
    ...                   calendar=BusinessCalendar(name="every day", weekend=frozenset()))
    >>> plan = pd.DataFrame({"customer": ["ACME"] * 12, "amount": ["1000.00"] * 12,
    ...                      "sent": [date(2026, m, 15) for m in range(1, 13)],
    ...                      "terms": [PaymentTerms.end_of_month(60)] * 12})
    >>> cmp = compare_scenarios(plan, every_day, [Scenario("45 days", terms=PaymentTerms.net(45))],
    ...                         as_of=date(2026, 12, 31), rate="0.08")
    >>> cmp.financing_saved("45 days"), cmp.cash_freed("45 days")
    (Decimal('80.00'), Decimal('1000.00'))
    """
    as_of = check_date(as_of, "as_of")
    annual = to_decimal(rate, "rate")
    if not 0 <= annual <= 1:
        raise InvalidArgument("rate", rate, "an annual rate as a fraction, e.g. Decimal('0.08')")
    year = _year(day_count)
    methods = _sequence(dso_methods, "dso_methods", "a sequence of DsoMethod members")
    if not methods:
        raise InvalidArgument("dso_methods", methods, "at least one DsoMethod")
    for method in methods:
        if not isinstance(method, DsoMethod):
            raise InvalidType("dso_methods", method, "a DsoMethod member")
    chosen = _sequence(scenarios, "scenarios", "a sequence of payterms.Scenario")
    names = ["baseline"]
    for sc in chosen:
        if not isinstance(sc, Scenario):
            raise InvalidType("scenarios", sc, "a payterms.Scenario")
        if sc.name in names:
            raise InvalidArgument(
                "scenarios", sc.name, "scenarios with distinct names, none 'baseline'"
            )
        names.append(sc.name)
    rows, found = _plan_rows(
        plan,
        behaviours,
        default,
        columns=columns,
        required=("customer", "amount", "terms"),
        what="compare_scenarios (the plan)",
    )
    if "sent" not in found and "completed" not in found:
        raise InvalidArgument(
            "columns", sorted(found.values()), "a 'sent' or a 'completed' column in the plan"
        )
    results = []
    shared = _Shared(rows, currency)
    for scenario in (None, *chosen):
        flows, discounts = _scenario_flows(rows, found, scenario, shared)
        outcomes, _ = _outcomes(flows.flows, None, shared.memo)
        name = "baseline" if scenario is None else scenario.name
        if scenario is not None and scenario.dso_target is not None:
            first = _result(
                name,
                rows,
                flows,
                discounts,
                outcomes,
                as_of=as_of,
                rate=annual,
                year=year,
                methods=methods[:1],
                currency=currency,
            )
            current = first.dso[0][1]
            if current <= 0:
                raise InvalidArgument(
                    "dso_target", scenario.dso_target, f"a plan with a positive DSO at {as_of}"
                )
            outcomes = _compress(flows, outcomes, Fraction(scenario.dso_target) / Fraction(current))
        results.append(
            _result(
                name,
                rows,
                flows,
                discounts,
                outcomes,
                as_of=as_of,
                rate=annual,
                year=year,
                methods=methods,
                currency=currency,
            )
        )
    return ScenarioComparison(as_of=as_of, rate=annual, results=tuple(results))


@frozen
class DsoImprovement:
    """What bringing DSO from one number of days to another is worth, in money.

    Receivables are ``credit sales / days x DSO`` (ACCA: receivables = sales x days /
    365); ``cash_freed`` is the fall in receivables and ``financing_saved`` its annual
    financing at the rate (reference/finance.md §1.5, §2).

    >>> dso_improvement("50000000", days=365, from_dso=57, to_dso=47, rate="0.06").financing_saved
    Decimal('82191.78')
    """

    receivables_before: Decimal
    receivables_after: Decimal
    cash_freed: Decimal
    financing_saved: Decimal


def dso_improvement(
    credit_sales: Decimal | int | str,
    *,
    days: int,
    from_dso: Decimal | int | str,
    to_dso: Decimal | int | str,
    rate: Decimal | int | str,
    currency: str = "EUR",
    rounding: str = DEFAULT_ROUNDING,
) -> DsoImprovement:
    """Return the cash freed and the yearly financing saved by bringing DSO to *to_dso* days.

    *credit_sales* are the sales of a period of *days* days (a year: 365). With the
    ACCA workbook's figures (reference/finance.md §1.5: $50m sales, 57 days, overdraft
    6 %; a fifth of the sales moving to 7 days brings the book to 47 days), the saving
    printed there is $82,192. Amounts are rounded once each to *currency* with
    *rounding*; the cash freed is the difference of the rounded receivables.

    >>> r = dso_improvement("50000000", days=365, from_dso=57, to_dso=47, rate="0.06")
    >>> r.receivables_before, r.cash_freed
    (Decimal('7808219.18'), Decimal('1369863.02'))
    """
    sales = to_decimal(credit_sales, "credit_sales")
    if sales < 0:
        raise InvalidArgument("credit_sales", credit_sales, "non-negative sales")
    n = check_int(days, "days", minimum=1)
    before_days = to_decimal(from_dso, "from_dso")
    after_days = to_decimal(to_dso, "to_dso")
    for name, value in (("from_dso", before_days), ("to_dso", after_days)):
        if value < 0:
            raise InvalidArgument(name, value, "a number of days >= 0")
    annual = to_decimal(rate, "rate")
    if not 0 <= annual <= 1:
        raise InvalidArgument("rate", rate, "an annual rate as a fraction, e.g. Decimal('0.06')")
    with localcontext(CONTEXT):
        before_exact = sales * before_days / n
        after_exact = sales * after_days / n
        freed_exact = before_exact - after_exact
        return DsoImprovement(
            receivables_before=quantize(before_exact, currency, rounding=rounding),
            receivables_after=quantize(after_exact, currency, rounding=rounding),
            cash_freed=quantize(before_exact, currency, rounding=rounding)
            - quantize(after_exact, currency, rounding=rounding),
            financing_saved=quantize(freed_exact * annual, currency, rounding=rounding),
        )


# --------------------------------------------------------------------------- exposure


@frozen
class CustomerExposure:
    """One customer's credit exposure over a period: receivables plus orders, against a limit.

    Attributes:
        customer: the customer.
        limit: its credit limit (None: no limit given, never over).
        receivables: the amount open at the end of the period.
        orders: the orders not yet invoiced at the end of the period.
        exposure: receivables + orders at the end of the period.
        peak: the largest daily exposure in the period, and ``peak_day`` its first day.
        days_over_limit: the days on which the exposure was strictly above the limit.
        first_over: the first such day (None: never).

    >>> CustomerExposure(customer="A", limit=Decimal(100), receivables=Decimal(80),
    ...                  orders=Decimal(40), exposure=Decimal(120), peak=Decimal(120),
    ...                  peak_day=date(2026, 1, 5), days_over_limit=3,
    ...                  first_over=date(2026, 1, 3)).headroom
    Decimal('-20')

    """

    customer: str
    limit: Decimal | None
    receivables: Decimal
    orders: Decimal
    exposure: Decimal
    peak: Decimal
    peak_day: date
    days_over_limit: int
    first_over: date | None

    @property
    def headroom(self) -> Decimal | None:
        """The limit less the exposure at the end of the period (negative when over)."""
        return None if self.limit is None else self.limit - self.exposure

    @property
    def over_limit(self) -> bool:
        """Whether the exposure at the end of the period is above the limit."""
        return self.limit is not None and self.exposure > self.limit


@frozen(eq=False)
class CreditExposure:
    """Credit exposure per customer, day by day, and the concentration of revenue over time.

    Attributes:
        start: the first day followed.
        end: the last day followed.
        currency: the currency of the amounts.
        customers: one :class:`CustomerExposure` per customer, sorted by name.
        concentration: ``(month end, Concentration)`` of the revenue invoiced in the
            trailing window ending then, for each month end in the period (and *end*).

    >>> from payterms.receivables import Invoice
    >>> exp = credit_exposure([Invoice("F-1", "A", date(2026, 1, 5), date(2026, 2, 4),
    ...                                Decimal("900"))], limits={"A": Decimal("500")},
    ...                       start=date(2026, 1, 1), end=date(2026, 1, 31))
    >>> exp.over_limit, exp.customers[0].days_over_limit, exp.customers[0].headroom
    (('A',), 27, Decimal('-400.00'))

    """

    start: date
    end: date
    currency: str
    customers: tuple[CustomerExposure, ...]
    concentration: tuple[tuple[date, Concentration], ...]
    _daily: Any = field(repr=False)  # customers x days: (receivables, orders) cents

    @property
    def over_limit(self) -> tuple[str, ...]:
        """The customers above their limit on at least one day of the period."""
        return tuple(c.customer for c in self.customers if c.days_over_limit)

    def _repr_html_(self) -> str | None:
        return frame_html(self)

    def to_frame(self) -> pd.DataFrame:
        """Return one row per customer: the fields of :class:`CustomerExposure` and headroom."""
        pandas = _pd("CreditExposure.to_frame")
        names = (
            "customer",
            "limit",
            "receivables",
            "orders",
            "exposure",
            "headroom",
            "peak",
            "peak_day",
            "days_over_limit",
            "first_over",
        )
        frame = pandas.DataFrame({n: [getattr(c, n) for c in self.customers] for n in names})
        for n in ("limit", "receivables", "orders", "exposure", "headroom", "peak"):
            frame[n] = frame[n].astype(object)
        return frame

    def daily_frame(self) -> pd.DataFrame:
        """Return one row per (day, customer): receivables, orders, exposure, limit, over."""
        pandas = _pd("CreditExposure.daily_frame")
        e = minor_unit(self.currency)
        receivables, orders = self._daily
        n_days = receivables.shape[1]
        records: dict[str, list[Any]] = {
            k: [] for k in ("day", "customer", "receivables", "orders", "exposure", "limit", "over")
        }
        for d in range(n_days):
            day = self.start + timedelta(days=d)
            for c, info in enumerate(self.customers):
                r, o = int(receivables[c, d]), int(orders[c, d])
                exposure = _money(r + o, e)
                records["day"].append(day)
                records["customer"].append(info.customer)
                records["receivables"].append(_money(r, e))
                records["orders"].append(_money(o, e))
                records["exposure"].append(exposure)
                records["limit"].append(info.limit)
                records["over"].append(info.limit is not None and exposure > info.limit)
        frame = pandas.DataFrame(records)
        for n in ("receivables", "orders", "exposure", "limit"):
            frame[n] = frame[n].astype(object)
        return frame

    def concentration_frame(self) -> pd.DataFrame:
        """Return one row per (month end, customer): share of the trailing revenue, flag."""
        pandas = _pd("CreditExposure.concentration_frame")
        records: dict[str, list[Any]] = {k: [] for k in ("month_end", "customer", "share", "over")}
        for day, conc in self.concentration:
            for name, share in conc.shares:
                records["month_end"].append(day)
                records["customer"].append(name)
                records["share"].append(share)
                records["over"].append(share > conc.threshold)
        frame = pandas.DataFrame(records)
        frame["share"] = frame["share"].astype(object)
        return frame


def _order_rows(
    orders: object, columns: Mapping[str, str] | None, exponent: int
) -> list[tuple[str, int, int, int | None]]:
    """Return (customer, cents, ordered day, invoiced day or None) per order row."""
    if not is_frame(orders):
        raise InvalidType("orders", orders, "a pandas DataFrame of orders")
    frame: pd.DataFrame = orders
    found = column_names(
        frame,
        fields_of(("customer", "amount", "ordered", "invoiced"), ("customer", "amount", "ordered")),
        columns,
        "credit_exposure (the orders)",
    )
    customers = object_cells(frame, found["customer"], str, "a customer name (str)")
    amounts = amount_cells(frame, found["amount"], negative=False)
    ordered, _ = date_days(frame, found["ordered"])
    if "invoiced" in found:
        invoiced, gaps = date_days(frame, found["invoiced"], missing=True)
    else:
        invoiced, gaps = ordered, ordered == ordered
    out = []
    for i in range(len(frame)):
        day = None if gaps[i] else int(invoiced[i])
        if day is not None and day < int(ordered[i]):
            raise InvalidArgument(
                cell_name(frame, found["invoiced"], i),
                _day(day),
                "a date on or after the order date",
            )
        out.append(
            (
                customers[i],
                _to_cents(amounts[i], exponent, cell_name(frame, found["amount"], i)),
                int(ordered[i]),
                day,
            )
        )
    return out


def credit_exposure(
    invoices: Iterable[Invoice] | pd.DataFrame,
    *,
    limits: Mapping[str, Decimal | int | str],
    start: date,
    end: date,
    orders: pd.DataFrame | None = None,
    window_months: int = 12,
    threshold: Decimal | str = "0.20",
    columns: Mapping[str, str] | None = None,
    order_columns: Mapping[str, str] | None = None,
    currency: str = "EUR",
) -> CreditExposure:
    """Return each customer's exposure from *start* to *end* against its credit limit.

    The exposure at the end of a day is what the customer owes (its invoices issued by
    then less its payments by then, as :meth:`Invoice.open_amount
    <payterms.receivables.Invoice.open_amount>`) plus its orders taken and not yet
    invoiced (*orders*: a DataFrame with ``customer``, ``amount``, ``ordered`` and
    ``invoiced``, an empty ``invoiced`` cell meaning not yet; mapped by
    *order_columns*). A customer is over its limit on a day when its exposure is
    strictly above it; customers without a limit in *limits* are followed but never
    over. *invoices* may be a DataFrame read by
    :func:`~payterms.receivables.invoices_from_frame` with *columns*.

    The concentration of revenue is followed at each month end in the period (and at
    *end*): the shares of the invoices issued in the *window_months* months up to it,
    with :func:`~payterms.receivables.concentration` and its *threshold* (a customer
    whose share exceeds it is flagged; 20 % by default, see there).

    >>> from payterms.receivables import Invoice
    >>> invs = [Invoice("F-1", "ACME", date(2026, 3, 1), date(2026, 3, 31), Decimal("800"),
    ...                 payments=((date(2026, 3, 20), Decimal("800")),)),
    ...         Invoice("F-2", "ACME", date(2026, 3, 10), date(2026, 4, 9), Decimal("500"))]
    >>> exp = credit_exposure(invs, limits={"ACME": Decimal("1000")},
    ...                       start=date(2026, 3, 1), end=date(2026, 3, 31))
    >>> acme = exp.customers[0]
    >>> acme.peak, acme.days_over_limit, acme.first_over, acme.exposure
    (Decimal('1300.00'), 10, datetime.date(2026, 3, 10), Decimal('500.00'))
    """
    numpy = _np()
    start = check_date(start, "start")
    end = check_date(end, "end")
    if end < start:
        raise InvalidArgument("end", end, f"a date on or after start={start.isoformat()}")
    check_int(window_months, "window_months", minimum=1)
    exponent = minor_unit(currency)
    if is_frame(invoices):
        items = invoices_from_frame(invoices, columns=columns, currency=None)
    else:
        if columns is not None:
            raise InvalidArgument("columns", columns, "a DataFrame of invoices (or no columns)")
        if isinstance(invoices, (str, bytes, Mapping)) or not isinstance(invoices, Iterable):
            raise InvalidType("invoices", invoices, "an iterable of Invoice or a DataFrame")
        items = list(invoices)
        for i, inv in enumerate(items):
            if not isinstance(inv, Invoice):
                raise InvalidType(f"invoices[{i}]", inv, "an Invoice (or pass a DataFrame)")
    if not isinstance(limits, Mapping):
        raise InvalidType("limits", limits, "a mapping customer -> credit limit")
    limit_of: dict[str, Decimal] = {}
    for name, value in limits.items():
        if not isinstance(name, str):
            raise InvalidType("limits key", name, "a customer name (str)")
        amount = to_decimal(value, f"limits[{name!r}]")
        if amount < 0:
            raise InvalidArgument(f"limits[{name!r}]", amount, "a non-negative limit")
        limit_of[name] = amount
    order_list = [] if orders is None else _order_rows(orders, order_columns, exponent)
    names = sorted({inv.customer for inv in items} | {o[0] for o in order_list} | set(limit_of))
    code = {n: i for i, n in enumerate(names)}
    n_days = (end - start).days + 1
    first, last = _num(start), _num(end)
    owed = numpy.zeros((len(names), n_days + 1), dtype="int64")
    pending = numpy.zeros((len(names), n_days + 1), dtype="int64")

    def slot(day: int) -> int:
        return min(max(day - first, 0), n_days)  # before start: day 0; after end: dropped

    for i, inv in enumerate(items):
        c = code[inv.customer]
        issued = _num(inv.issued)
        if issued > last:
            continue
        owed[c, slot(issued)] += _to_cents(inv.amount, exponent, f"amount of invoices[{i}]")
        for on, paid in inv.payments:
            day = _num(on)
            if day <= last:
                owed[c, slot(day)] -= _to_cents(paid, exponent, f"payment of invoices[{i}]")
    for customer, cents, ordered, invoiced in order_list:
        c = code[customer]
        if ordered > last:
            continue
        pending[c, slot(ordered)] += cents
        if invoiced is not None and invoiced <= last:
            pending[c, slot(invoiced)] -= cents
    receivables = numpy.cumsum(owed, axis=1)[:, :n_days]
    ordered_open = numpy.cumsum(pending, axis=1)[:, :n_days]
    exposure = receivables + ordered_open
    out = []
    for c, name in enumerate(names):
        limit = limit_of.get(name)
        row = exposure[c]
        peak_at = int(row.argmax())
        days_over = 0
        first_over = None
        if limit is not None:
            # a whole number of cents is above the limit iff it is above the limit's floor
            over = row > int(limit.scaleb(exponent).to_integral_value(rounding=ROUND_FLOOR))
            days_over = int(over.sum())
            if days_over:
                first_over = start + timedelta(days=int(over.argmax()))
        out.append(
            CustomerExposure(
                customer=name,
                limit=limit,
                receivables=_money(receivables[c, -1], exponent),
                orders=_money(ordered_open[c, -1], exponent),
                exposure=_money(row[-1], exponent),
                peak=_money(row[peak_at], exponent),
                peak_day=start + timedelta(days=peak_at),
                days_over_limit=days_over,
                first_over=first_over,
            )
        )
    limit_share = to_decimal(threshold, "threshold")
    month_ends = sorted(
        {_month_end(d) for d in _each_month(start, end) if _month_end(d) <= end} | {end}
    )
    shares = []
    for month_day in month_ends:
        window_start = _months_before(month_day, window_months)
        revenue: dict[str, Decimal] = {}
        for inv in items:
            if window_start < inv.issued <= month_day and inv.amount > 0:
                revenue[inv.customer] = revenue.get(inv.customer, Decimal(0)) + inv.amount
        if revenue:
            shares.append((month_day, concentration(revenue, threshold=limit_share)))
    receivables.flags.writeable = False
    ordered_open.flags.writeable = False
    return CreditExposure(
        start=start,
        end=end,
        currency=currency,
        customers=tuple(out),
        concentration=tuple(shares),
        daily=(receivables, ordered_open),
    )


def _each_month(start: date, end: date) -> Iterator[date]:
    day = start.replace(day=1)
    while day <= end:
        yield day
        day = (day.replace(day=28) + timedelta(days=4)).replace(day=1)


def _months_before(day: date, months: int) -> date:
    """Return *day* moved back *months* months (a month end stays a month end)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    length = _stdcal.monthrange(year, month + 1)[1]
    if day == _month_end(day):
        return date(year, month + 1, length)
    return date(year, month + 1, min(day.day, length))

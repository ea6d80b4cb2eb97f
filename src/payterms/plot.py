"""Charts of payterms results for notebooks: send-date cliffs, aging, interest, schedules.

Each function draws on the matplotlib ``Axes`` given as *ax* (a new figure when none is
given) and returns it, so that a chart can be placed in a grid of subplots and titled or
restyled afterwards. matplotlib is the ``[plot]`` extra (``pip install payterms[plot]``);
it is imported when a chart is drawn, never by ``import payterms``. Amounts are drawn as
floats: a chart shows a value, it never feeds a computation.

>>> import matplotlib
>>> matplotlib.use("Agg")  # no window: the example runs headless
>>> from datetime import date
>>> from decimal import Decimal
>>> from payterms.receivables import Invoice, aging
>>> inv = Invoice("F-1", "ACME", date(2026, 1, 1), date(2026, 1, 31), Decimal("10.00"))
>>> ax = plot_aging(aging([inv], as_of=date(2026, 3, 5)))
>>> [float(bar.get_height()) for bar in ax.patches]
[0.0, 0.0, 10.0, 0.0, 0.0]
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING, Any

from payterms._extras import require
from payterms.errors import InvalidArgument, InvalidType
from payterms.money import CONTEXT

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from payterms.interest import InterestResult
    from payterms.receivables import Aging
    from payterms.terms import Schedule
    from payterms.timing import SendDateTable

__all__ = ["plot_aging", "plot_interest", "plot_schedule", "plot_send_dates"]

_CLIFF_COLOR = "tab:red"


def _axes(ax: Axes | None, what: str) -> Any:
    """Return *ax*, or the axes of a new pyplot figure when *ax* is None.

    Typed ``Any``: matplotlib's annotations take floats where its unit converters
    accept the ``datetime.date`` values drawn here.
    """
    pyplot: Any = require("matplotlib.pyplot", what, extra="plot")
    if ax is None:
        _, ax = pyplot.subplots()
    return ax


def _check(value: object, expected: type, name: str, what: str) -> None:
    if not isinstance(value, expected):
        raise InvalidType(name, value, f"a {expected.__module__}.{expected.__qualname__} ({what})")


def plot_send_dates(table: SendDateTable, *, ax: Axes | None = None) -> Axes:
    """Return *ax* showing the days to cash for each send day, with the cliffs marked.

    The line gives, for each send day of a :func:`~payterms.timing.send_date_table`, the
    calendar days until the invoice is paid in full. It falls by one a day while the
    cash date stays put, and jumps up the day after a cliff: the last send day that still
    catches a payment run. Each cliff is marked with a red dot and a dashed line, and
    labelled with the cash date it still gets and the days lost by sending one day later.

    >>> import matplotlib
    >>> matplotlib.use("Agg")  # no window: the example runs headless
    >>> from datetime import date
    >>> from payterms.runs import Payer, PaymentRun
    >>> from payterms.terms import PaymentTerms
    >>> from payterms.timing import send_date_table
    >>> table = send_date_table(PaymentTerms.end_of_month(30), Payer(runs=PaymentRun.monthly(25)),
    ...                         start=date(2026, 1, 20), end=date(2026, 2, 10))
    >>> ax = plot_send_dates(table)
    >>> [text.get_text().splitlines() for text in ax.texts]
    [['cash 2026-03-25', '+33 days if later']]
    >>> ax.get_ylabel()
    'days from sending to cash'
    """
    from payterms.timing import SendDateTable

    _check(table, SendDateTable, "table", "from send_date_table")
    if not table.rows:
        raise InvalidArgument("table", table, "a send-date table with at least one send day")
    axes = _axes(ax, "plot_send_dates")
    ticker: Any = require("matplotlib.ticker", "plot_send_dates", extra="plot")
    sent = [row.sent for row in table.rows]
    axes.plot(sent, [row.days_to_cash for row in table.rows], marker=".", markersize=4)
    by_day = {row.sent: row.days_to_cash for row in table.rows}
    cliff_days = [cliff.last_send for cliff in table.cliffs]
    if cliff_days:
        axes.scatter(cliff_days, [by_day[day] for day in cliff_days], color=_CLIFF_COLOR, zorder=3)
    span = max((sent[-1] - sent[0]).days, 1)
    for cliff in table.cliffs:
        axes.axvline(cliff.last_send, color=_CLIFF_COLOR, linestyle="--", linewidth=0.8)
        # right of the dot, where the line has jumped up and left room; near the end of
        # the window there is no room on the right, so under the dot, towards the left,
        # low enough to pass under the label of a cliff shortly before
        late = (cliff.last_send - sent[0]).days / span > 0.8
        axes.annotate(
            f"cash {cliff.cash.isoformat()}\n{cliff.days_lost:+d} days if later",
            xy=(cliff.last_send, by_day[cliff.last_send]),
            xytext=(-4, -14) if late else (8, 0),
            textcoords="offset points",
            ha="right" if late else "left",
            va="top" if late else "center",
            fontsize="small",
            color=_CLIFF_COLOR,
            bbox={"boxstyle": "round,pad=0.2", "facecolor": "white", "edgecolor": "none"},
        )
    axes.set_xlim(sent[0] - timedelta(days=1), sent[-1] + timedelta(days=1))
    axes.margins(y=0.25)  # room for the cliff labels under the lowest points
    axes.yaxis.set_major_locator(ticker.MaxNLocator(integer=True))
    _date_axis(axes, "plot_send_dates")
    axes.set_xlabel("send day")
    axes.set_ylabel("days from sending to cash")
    axes.set_title("Days to cash by send day")
    result: Axes = axes
    return result


def plot_aging(aging: Aging, *, ax: Axes | None = None) -> Axes:
    """Return *ax* with one bar per aging bucket, its height the bucket's open amount.

    The bars follow the buckets' order (current first); each is labelled with its exact
    amount, and the title gives the as-of date, the basis and the total.

    >>> import matplotlib
    >>> matplotlib.use("Agg")  # no window: the example runs headless
    >>> from datetime import date
    >>> from decimal import Decimal
    >>> from payterms.receivables import Invoice, aging
    >>> invoices = [
    ...     Invoice("F-1", "ACME", date(2026, 1, 1), date(2026, 1, 31), Decimal("250.00"),
    ...             currency="EUR"),
    ...     Invoice("F-2", "Bolt", date(2026, 2, 20), date(2026, 3, 22), Decimal("750.00"),
    ...             currency="EUR"),
    ... ]
    >>> ax = plot_aging(aging(invoices, as_of=date(2026, 3, 5)))
    >>> [tick.get_text() for tick in ax.get_xticklabels()]
    ['current', '1-30', '31-60', '61-90', '90+']
    >>> [float(bar.get_height()) for bar in ax.patches]
    [750.0, 0.0, 250.0, 0.0, 0.0]
    >>> ax.get_title()
    'Aging as of 2026-03-05 from the due date: total 1,000.00 EUR'
    """
    from payterms.receivables import AgeFrom, Aging

    _check(aging, Aging, "aging", "from aging")
    axes = _axes(ax, "plot_aging")
    labels = list(aging.buckets.labels)
    bars = axes.bar(labels, [float(total) for total in aging.totals])
    axes.bar_label(bars, labels=[f"{total:,}" for total in aging.totals], fontsize="small")
    currency = f" {aging.currency}" if aging.currency else ""
    if aging.basis is AgeFrom.DUE_DATE:
        basis, axis = "due date", "days past the due date"
    else:
        basis, axis = "invoice date", "days since the invoice date"
    axes.set_xlabel(axis)
    axes.set_ylabel(f"open amount{f' ({aging.currency})' if aging.currency else ''}")
    axes.set_title(
        f"Aging as of {aging.as_of.isoformat()} from the {basis}: total {aging.total:,}{currency}"
    )
    axes.margins(y=0.15)  # room for the amount above the tallest bar
    result: Axes = axes
    return result


def plot_interest(result: InterestResult, *, ax: Axes | None = None) -> Axes:
    """Return *ax* showing the late interest accrued day by day, one segment per period.

    Interest accrues from nothing on the due date: each
    :class:`~payterms.interest.InterestPeriod` of a :func:`~payterms.interest.late_interest`
    result adds its exact interest over its days, at the slope of its rate and base, so
    the line bends where the rate changes or a payment lowers the base. Each segment is
    labelled with its annual rate and base; the title gives the interest (to the cent)
    and the fixed compensation.

    >>> import matplotlib
    >>> matplotlib.use("Agg")  # no window: the example runs headless
    >>> from datetime import date
    >>> from decimal import Decimal
    >>> from payterms.interest import late_interest
    >>> res = late_interest(Decimal("1000"), due=date(2023, 6, 20), until=date(2023, 8, 31),
    ...                     regime="DE")
    >>> ax = plot_interest(res)
    >>> [text.get_text().splitlines() for text in ax.texts]
    [['10.62 %', 'on 1,000.00'], ['12.12 %', 'on 1,000.00']]
    >>> ax.get_title()
    'Late interest 23.50 EUR, compensation 40.00 EUR'
    """
    from payterms.interest import InterestResult

    _check(result, InterestResult, "result", "from late_interest")
    axes = _axes(ax, "plot_interest")
    days: list[Any] = []
    accrued: list[float] = []
    labels: list[tuple[str, Any, float]] = []
    total = CONTEXT.create_decimal(0)
    for period in result.periods:
        before = period.start - timedelta(days=1)
        if not days or days[-1] != before:  # the first period, or after a stretch at 0 base
            days.append(before)
            accrued.append(float(total))
        half = CONTEXT.divide(period.interest, 2)
        labels.append(
            (
                f"{period.rate.scaleb(2):.2f} %\non {period.base:,.2f}",
                before + (period.end - before) / 2,
                float(CONTEXT.add(total, half)),
            )
        )
        total = CONTEXT.add(total, period.interest)
        days.append(period.end)
        accrued.append(float(total))
    span = max((days[-1] - days[0]).days, 1) if days else 1
    for text, middle, height in labels:
        # under the rising line, to the right; above it, to the left, near the window's end
        late = (middle - days[0]).days / span > 0.8
        axes.annotate(
            text,
            xy=(middle, height),
            xytext=(-4, 4) if late else (4, -4),
            textcoords="offset points",
            ha="right" if late else "left",
            va="bottom" if late else "top",
            fontsize="small",
        )
    axes.plot(days, accrued, marker="o", markersize=3)
    axes.margins(y=0.15)  # room for the labels under the line at its start
    if days:
        axes.set_xlim(days[0], days[-1])
    _date_axis(axes, "plot_interest")
    unit = f" ({result.currency})"
    axes.set_xlabel("interest day")
    axes.set_ylabel(f"interest accrued{unit}")
    axes.set_title(
        f"Late interest {result.interest} {result.currency}, "
        f"compensation {result.compensation} {result.currency}"
    )
    out: Axes = axes
    return out


def plot_schedule(schedule: Schedule, *, ax: Axes | None = None) -> Axes:
    """Return *ax* with one bar per instalment at its due date, and the discount deadlines.

    Each :class:`~payterms.terms.Due` of a schedule is a bar as high as its amount,
    labelled with the exact amount; each discount window is a dashed line on its last day,
    labelled with the discount (its percent, or its amount for a fixed-amount discount) and
    the amount that settles the invoice then; an instalment's own window names its line
    ("line 2, ...") and the amount that settles that instalment.

    >>> import matplotlib
    >>> matplotlib.use("Agg")  # no window: the example runs headless
    >>> from datetime import date
    >>> from decimal import Decimal
    >>> from payterms.terms import Installment, PaymentTerms
    >>> terms = PaymentTerms(installments=(Installment.percent(Decimal("30"), "30D"),
    ...                                    Installment.balance("60D")))
    >>> ax = plot_schedule(terms.with_discount(Decimal("2"), "10D").schedule(
    ...     date(2026, 1, 15), Decimal("1000.00")))
    >>> [float(bar.get_height()) for bar in ax.patches]
    [300.0, 700.0]
    >>> [text.get_text() for text in ax.texts]
    ['300.00', '700.00', '2 % off: 980.00 by 2026-01-25']
    """
    from payterms.terms import Schedule

    _check(schedule, Schedule, "schedule", "from PaymentTerms.schedule")
    axes = _axes(ax, "plot_schedule")
    dates = [due.date for due in schedule.dues]
    bars = axes.bar(dates, [float(due.amount) for due in schedule.dues], width=2)
    axes.bar_label(bars, labels=[f"{due.amount:,}" for due in schedule.dues], fontsize="small")
    # the invoice's windows, then each instalment's own (Odoo 16 per-line discounts)
    windows = [(window, "") for window in schedule.discounts] + [
        (window, f"line {line + 1}, ")
        for line, due in enumerate(schedule.dues)
        for window in due.discounts
    ]
    for window, which in windows:
        size = f"{window.percent} %" if window.percent is not None else f"{window.discount:,}"
        axes.axvline(window.last_day, color="tab:green", linestyle="--", linewidth=0.8)
        axes.annotate(
            f"{which}{size} off: {window.payable:,} by {window.last_day.isoformat()}",
            xy=(window.last_day, 1),
            xycoords=("data", "axes fraction"),
            xytext=(4, -4),
            textcoords="offset points",
            ha="left",
            va="top",
            fontsize="small",
            color="tab:green",
        )
    first = min([schedule.start, *dates])
    last = max([*dates, *(window.last_day for window, _ in windows)])
    axes.set_xlim(first - timedelta(days=2), last + timedelta(days=5))
    axes.margins(y=0.15)  # room for the amount above the tallest bar
    _date_axis(axes, "plot_schedule")
    axes.set_xlabel("due date")
    axes.set_ylabel(f"amount due ({schedule.currency})")
    axes.set_title(
        f"Schedule of {schedule.amount:,} {schedule.currency} from {schedule.start.isoformat()}"
    )
    out: Axes = axes
    return out


def _date_axis(axes: Any, what: str) -> None:
    """Give *axes* concise date ticks on the x axis."""
    dates: Any = require("matplotlib.dates", what, extra="plot")
    locator = dates.AutoDateLocator()
    axes.xaxis.set_major_locator(locator)
    axes.xaxis.set_major_formatter(dates.ConciseDateFormatter(locator))

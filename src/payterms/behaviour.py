"""Payment behaviour learned from history: runs, lateness, fit, a payment score and its trend.

A customer's paid invoices say how it pays: on which days its payment runs fall
(:meth:`PaymentRun.infer <payterms.runs.PaymentRun.infer>`), how many days beyond the
due date it acts (a :class:`~payterms.runs.Lateness` distribution), which runs it skipped
for a closure, and whether it is getting slower. :func:`learn_behaviour` turns a ledger
(``Invoice`` values or a DataFrame) into one :class:`PaymentBehaviour` per customer: a
:class:`~payterms.runs.Payer` ready for :func:`~payterms.timing.expected_payment_date`
and for the cash-in forecast of :mod:`payterms.forecast`, with a measure of how well it
replays the history (:class:`BehaviourFit`), the amount-weighted days beyond terms, a
Paydex-style :func:`payment_score` and a monthly trend (:class:`DbtTrend`).

The model (one assumption, stated): the customer acts on each invoice a number of days
after its due date drawn from its own history, then pays at its next run outside its
closures. With runs found, that number is the *residual* lateness: the delay closest to
zero that still lands the invoice on the run that paid it, so a run cycle or a closure is
not counted twice. Without runs (too few dates, or no pattern explains them: ``infer``
refuses to invent one) the customer pays on any business day of its calendar and the
lateness is its plain days beyond terms.

>>> from datetime import date, timedelta
>>> from decimal import Decimal
>>> from payterms.receivables import Invoice
>>> run_days = PaymentRun.monthly(10).dates(date(2025, 2, 1), date(2025, 12, 31))
>>> paid = [Invoice(f"F-{n}", "ACME", day - timedelta(days=40), day - timedelta(days=12),
...                 Decimal("100"), payments=((day, Decimal("100")),))
...         for n, day in enumerate(run_days)]
>>> acme = learn_behaviour(paid, as_of=date(2025, 12, 31))["ACME"]
>>> acme.payer.runs, acme.payer.extra_delay_days
((PaymentRun.monthly(10),), Lateness.fixed(0))
>>> acme.days_beyond_terms, acme.score, acme.fit.exact_share
(Decimal('12'), 69, Fraction(1, 1))
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date, timedelta
from decimal import Decimal, localcontext
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from attrs import field, frozen

from payterms._checks import check_date, check_int, to_decimal
from payterms._extras import frame_html, require
from payterms.calendars import BusinessCalendar
from payterms.errors import InvalidArgument, InvalidType
from payterms.money import CONTEXT, figure
from payterms.receivables import (
    AgeFrom,
    Invoice,
    Weighting,
    average_days_to_pay,
    invoices_from_frame,
)
from payterms.runs import Lateness, Payer, PaymentRun, RunFit

if TYPE_CHECKING:  # pragma: no cover - typing only
    import pandas as pd

__all__ = [
    "PAYDEX_CHART",
    "BehaviourFit",
    "Behaviours",
    "DbtTrend",
    "PaymentBehaviour",
    "dbt_trend",
    "learn_behaviour",
    "payment_score",
]

# --------------------------------------------------------------------------- the score

PAYDEX_CHART: tuple[tuple[int, int], ...] = (
    (100, -30), (99, -29), (98, -28), (97, -27), (96, -26), (95, -25), (94, -24),
    (93, -23), (92, -22), (91, -21), (90, -20), (89, -18), (88, -16), (87, -14),
    (86, -12), (85, -10),
    (80, 0),
    (59, 23), (58, 24), (57, 25), (56, 26), (55, 26), (54, 27), (53, 28), (52, 29),
    (51, 29), (50, 30), (49, 33), (48, 36), (47, 39), (46, 42), (45, 45), (44, 48),
)  # fmt: skip
"""The published points of the D&B PAYDEX scale: ``(score, average days beyond terms)``,
negative days meaning paid sooner than terms.

Sources: D&B's PAYDEX glossary page (dandb.com/glossary/paydex, "PAYDEX Value Chart":
100 = 30 days sooner than terms ... 85 = 10 days sooner; 59 = 23 days beyond terms ...
44 = 48 days beyond; the risk key: 80-100 "averages prompt to 30 days within terms",
50-79 "30 or less beyond terms", 0-49 "30 to 120 days beyond terms") and D&B UK's help
page ("A Paydex Score of 80 indicates prompt payments"). The chart rows between 84 and 60
and below 44 were not in the copy read, so they are not listed."""

_SCALE_END_DAYS = 120
_SCALE_END_SCORE = 20


def _scale_points() -> tuple[tuple[Fraction, Fraction], ...]:
    """Return the interpolation points (days, score), days increasing, one score per day."""
    best: dict[int, int] = {}
    for score, days in PAYDEX_CHART:
        best[days] = max(score, best.get(days, score))  # a tied day keeps the better score
    best[_SCALE_END_DAYS] = _SCALE_END_SCORE
    return tuple((Fraction(d), Fraction(best[d])) for d in sorted(best))


_POINTS = _scale_points()


def payment_score(days_beyond_terms: Decimal | int | str) -> int:
    """Return the Paydex-style score (20 to 100) of an average number of days beyond terms.

    The published points of :data:`PAYDEX_CHART` map exactly (0 days: 80, prompt; 30
    days beyond: 50; 30 days sooner: 100). Between published points the score is
    interpolated linearly and rounded half up to a whole score (payterms' convention:
    the chart does not say how it rounds). Beyond the last published row (44 = 48 days)
    the chart's own last step, 3 days per point, is continued to 120 days beyond terms,
    the end of the published 0-49 band ("30 to 120 days beyond terms"), which gives 20;
    later payers stay at 20, and payers 30 or more days early at 100. Negative days
    mean paid before the due date. Source: D&B PAYDEX value chart (see
    :data:`PAYDEX_CHART`); the score here is an indicator built on that scale, not a
    D&B score.

    >>> payment_score(0), payment_score(30), payment_score(-30), payment_score(48)
    (80, 50, 100, 44)
    >>> payment_score(5), payment_score(Decimal("-5")), payment_score(60), payment_score(400)
    (75, 83, 40, 20)
    """
    days = Fraction(to_decimal(days_beyond_terms, "days_beyond_terms"))
    points = _POINTS
    if days <= points[0][0]:
        score = points[0][1]
    elif days >= points[-1][0]:
        score = points[-1][1]
    else:
        i = bisect.bisect_right([d for d, _ in points], days)
        (d0, s0), (d1, s1) = points[i - 1], points[i]
        score = s0 + (s1 - s0) * (days - d0) / (d1 - d0)
    return int(score + Fraction(1, 2)) if score >= 0 else -int(-score + Fraction(1, 2))


# --------------------------------------------------------------------------- the trend


def _month_start(day: date) -> date:
    return day.replace(day=1)


def _months_back(day: date, n: int) -> date:
    """Return the first day of the month *n* months before the month of *day*."""
    index = day.year * 12 + day.month - 1 - n
    return date(index // 12, index % 12 + 1, 1)


@frozen
class DbtTrend:
    """The monthly amount-weighted days beyond terms of a customer and their slope.

    Attributes:
        months: ``(first day of the month, days beyond terms)`` for each month in which
            invoices were settled, oldest first; each month's figure weighs every
            payment by its amount (:func:`~payterms.receivables.average_days_to_pay`
            with ``AgeFrom.DUE_DATE`` and ``Weighting.AMOUNT``).
        slope: the least-squares slope of those figures, in days per month (positive:
            paying later and later); None with fewer than *min_months* months.
        threshold: the slope above which the behaviour counts as worsening.
        min_months: the months of data needed before a slope is given.

    >>> trend = DbtTrend(months=((date(2026, 1, 1), Decimal(2)), (date(2026, 2, 1), Decimal(4)),
    ...                          (date(2026, 3, 1), Decimal(9))), slope=Decimal("3.5"),
    ...                  threshold=Decimal(1))
    >>> trend.worsening
    True

    """

    months: tuple[tuple[date, Decimal], ...]
    slope: Decimal | None
    threshold: Decimal
    min_months: int = 3

    @property
    def worsening(self) -> bool:
        """Return whether the slope is strictly above the threshold (False without a slope)."""
        return self.slope is not None and self.slope > self.threshold

    def _repr_html_(self) -> str | None:
        return frame_html(self)

    def to_frame(self) -> pd.DataFrame:
        """Return one row per month: ``month`` (its first day) and ``days_beyond_terms``.

        >>> DbtTrend(months=((date(2026, 1, 1), Decimal(2)),), slope=None,
        ...          threshold=Decimal(1)).to_frame()
                month days_beyond_terms
        0  2026-01-01                 2
        """
        pandas = require("pandas", "DbtTrend.to_frame")
        return pandas.DataFrame(
            {
                "month": [m for m, _ in self.months],
                "days_beyond_terms": pandas.Series([d for _, d in self.months], dtype=object),
            }
        )


def _slope(points: Sequence[tuple[int, Decimal]]) -> Decimal:
    """Return the least-squares slope of (x, y) points, exactly in the working context."""
    with localcontext(CONTEXT):
        n = Decimal(len(points))
        mean_x = sum((Decimal(x) for x, _ in points), Decimal(0)) / n
        mean_y = sum((y for _, y in points), Decimal(0)) / n
        num = sum(((x - mean_x) * (y - mean_y) for x, y in points), Decimal(0))
        den = sum(((x - mean_x) ** 2 for x, _ in points), Decimal(0))
        return figure(num / den)


def _settled_in(inv: Invoice, first: date, last: date) -> date | None:
    """Return the day *inv* was paid in full if that is in [first, last] (and it is a sale)."""
    settled = inv.settled_on
    if inv.amount <= 0 or settled is None or not first <= settled <= last:
        return None
    return settled


def dbt_trend(
    invoices: Iterable[Invoice] | pd.DataFrame,
    *,
    as_of: date,
    months: int = 12,
    threshold: Decimal | int | str = 1,
    min_months: int = 3,
    columns: Mapping[str, str] | None = None,
) -> DbtTrend:
    """Return the monthly days beyond terms of the invoices settled in the last *months* months.

    The window is the *months* calendar months up to and including the month of
    *as_of* (settlements after *as_of* are ignored). Each month's figure is the
    amount-weighted days beyond terms of the invoices settled in it; the slope is
    their least-squares slope in days per month, counting months by the calendar (a
    month without settlements is a gap, not a zero). The behaviour is *worsening* when
    the slope is above *threshold* days per month (payterms' default 1 day a month,
    12 days over a year: a convention, there is no published cut-off). *invoices* may be
    a DataFrame read by :func:`~payterms.receivables.invoices_from_frame` with *columns*.

    >>> from payterms.receivables import Invoice
    >>> late = [Invoice(f"F-{m}", "X", date(2026, m, 1), date(2026, m, 15), Decimal(100),
    ...                 payments=((date(2026, m, 15 + 2 * m), Decimal(100)),))
    ...         for m in range(1, 7)]
    >>> trend = dbt_trend(late, as_of=date(2026, 6, 30))
    >>> trend.slope, trend.worsening
    (Decimal('2'), True)
    """
    as_of = check_date(as_of, "as_of")
    check_int(months, "months", minimum=1)
    check_int(min_months, "min_months", minimum=2)
    limit = to_decimal(threshold, "threshold")
    items = _invoices(invoices, columns, "dbt_trend")
    first = _months_back(as_of, months - 1)
    by_month: dict[date, list[Invoice]] = {}
    for inv in items:
        settled = _settled_in(inv, first, as_of)
        if settled is not None:
            by_month.setdefault(_month_start(settled), []).append(inv)
    rows = tuple(
        (
            month,
            average_days_to_pay(
                by_month[month],
                as_of=as_of,
                measure_from=AgeFrom.DUE_DATE,
                weighting=Weighting.AMOUNT,
            ),
        )
        for month in sorted(by_month)
    )
    slope = None
    if len(rows) >= min_months:
        slope = _slope(
            [((m.year - first.year) * 12 + m.month - first.month, value) for m, value in rows]
        )
    return DbtTrend(months=rows, slope=slope, threshold=limit, min_months=min_months)


# --------------------------------------------------------------------------- behaviour


@frozen
class BehaviourFit:
    """How well a learned behaviour replays the history it was learned from.

    Attributes:
        invoices: the paid invoices learned from.
        run_support: the share of the distinct payment dates the inferred runs explain
            (:attr:`RunFit.support <payterms.runs.RunFit.support>`); None without runs.
        mean_absolute_error: the mean, over those invoices, of the days between the
            day each was paid and the day the learned payer is expected to pay it (the
            probability-weighted mean of its cash dates, in sample).
        exact_share: the share of those invoices whose payment day is one of the cash
            dates the learned payer gives them.

    >>> BehaviourFit(invoices=12, run_support=Fraction(1), mean_absolute_error=Decimal(0),
    ...              exact_share=Fraction(1)).exact_share
    Fraction(1, 1)

    """

    invoices: int
    run_support: Fraction | None
    mean_absolute_error: Decimal
    exact_share: Fraction


def _short_number(value: Decimal) -> str:
    return f"{value.quantize(Decimal('0.1')).normalize():f}"


@frozen(repr=False)
class PaymentBehaviour:
    """How one customer pays, learned from its history or stated: a payer and its figures.

    Attributes:
        customer: the customer's name, as in the ledger.
        payer: the :class:`~payterms.runs.Payer` that replays the customer: its runs
            (or any business day), calendar, closures (those seen, repeated in the
            following years) and lateness distribution.
        invoices: the paid invoices learned from (0 for a stated behaviour).
        days_beyond_terms: the amount-weighted average days beyond terms over the
            learning window (None for a stated behaviour).
        score: :func:`payment_score` of *days_beyond_terms* (None for a stated behaviour).
        trend: the monthly :class:`DbtTrend` (None for a stated behaviour).
        fit: the :class:`BehaviourFit` (None for a stated behaviour).
        closures_seen: the closures found in the history: runs in a row skipped while
            invoices waited for them.

    A behaviour can be stated directly, for a customer without history or to test a
    hypothesis: ``PaymentBehaviour("ACME", Payer(runs=PaymentRun.monthly(25)))``. The
    repr is short, to read well in a DataFrame cell.

    >>> PaymentBehaviour("ACME", Payer(runs=PaymentRun.monthly(25), extra_delay_days=3))
    PaymentBehaviour('ACME', runs=PaymentRun.monthly(25), lateness=Lateness.fixed(3))

    """

    customer: str = field(validator=lambda _s, _a, v: _check_customer(v))
    payer: Payer = field(validator=lambda _s, _a, v: _check_payer(v))
    invoices: int = field(
        default=0, validator=lambda _s, _a, v: check_int(v, "invoices", minimum=0)
    )
    days_beyond_terms: Decimal | None = field(
        default=None, validator=lambda _s, _a, v: _check_figure(v, "days_beyond_terms")
    )
    score: int | None = field(default=None, validator=lambda _s, _a, v: _check_score(v))
    trend: DbtTrend | None = field(
        default=None, validator=lambda _s, _a, v: _check_optional(v, "trend", DbtTrend)
    )
    fit: BehaviourFit | None = field(
        default=None, validator=lambda _s, _a, v: _check_optional(v, "fit", BehaviourFit)
    )
    closures_seen: tuple[tuple[date, date], ...] = field(
        default=(), validator=lambda _s, _a, v: _check_closures(v)
    )

    def __repr__(self) -> str:
        runs = self.payer.runs
        shown = repr(runs[0]) if len(runs) == 1 else repr(runs)
        if runs == _ANY_DAY:
            shown = "any business day"
        parts = [repr(self.customer), f"runs={shown}", f"lateness={self.payer.extra_delay_days!r}"]
        if self.days_beyond_terms is not None:
            parts.append(f"dbt={_short_number(self.days_beyond_terms)}")
        if self.score is not None:
            parts.append(f"score={self.score}")
        if self.trend is not None and self.trend.worsening:
            parts.append("worsening")
        return f"PaymentBehaviour({', '.join(parts)})"

    @property
    def worsening(self) -> bool:
        """Return whether the trend says the customer pays later and later."""
        return self.trend is not None and self.trend.worsening


def _check_customer(value: object) -> None:
    if not isinstance(value, str):
        raise InvalidType("customer", value, "a customer name (str)")


def _check_payer(value: object) -> None:
    if not isinstance(value, Payer):
        raise InvalidType("payer", value, "a payterms.Payer")


def _check_figure(value: object, name: str) -> None:
    if value is not None:
        if not isinstance(value, Decimal):
            raise InvalidType(name, value, "a Decimal or None")
        to_decimal(value, name)


def _check_score(value: object) -> None:
    if value is not None and check_int(value, "score", minimum=20) > 100:
        raise InvalidArgument("score", value, "a payment score from 20 to 100, or None")


def _check_optional(value: object, name: str, kind: type) -> None:
    if value is not None and not isinstance(value, kind):
        raise InvalidType(name, value, f"a {kind.__name__} or None")


def _check_closures(value: object) -> None:
    if not isinstance(value, tuple):
        raise InvalidType("closures_seen", value, "a tuple of (first, last) date pairs")
    for pair in value:
        if not (isinstance(pair, tuple) and len(pair) == 2):
            raise InvalidType("closures_seen", pair, "a (first, last) pair of dates")
        first, last = (check_date(day, "closures_seen") for day in pair)
        if last < first:
            raise InvalidArgument(
                "closures_seen", pair, "a closure that ends on or after it starts"
            )


_ANY_DAY = (PaymentRun.weekly(0, 1, 2, 3, 4, 5, 6),)
"""The runs of a customer that pays on any business day (no run pattern found)."""


@frozen
class Behaviours:
    """The learned behaviours of a ledger's customers, by name; ``[name]`` looks one up.

    Attributes:
        behaviours: one :class:`PaymentBehaviour` per customer, sorted by name.
        skipped: the customers of the ledger without a paid invoice to learn from.

    >>> book = Behaviours(behaviours=(PaymentBehaviour("A", Payer(runs=PaymentRun.monthly(10))),))
    >>> book["A"].payer.runs, "B" in book, book.customers
    ((PaymentRun.monthly(10),), False, ('A',))
    >>> book["B"]
    Traceback (most recent call last):
    payterms.errors.InvalidArgument: customer='B' is not accepted: expected a customer with a ...

    """

    behaviours: tuple[PaymentBehaviour, ...]
    skipped: tuple[str, ...] = ()
    _by_name: dict[str, PaymentBehaviour] = field(
        init=False, eq=False, hash=False, repr=False, factory=dict
    )

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.behaviours, tuple):
            raise InvalidType("behaviours", self.behaviours, "a tuple of PaymentBehaviour")
        if not isinstance(self.skipped, tuple) or not all(
            isinstance(name, str) for name in self.skipped
        ):
            raise InvalidType("skipped", self.skipped, "a tuple of customer names (str)")
        for b in self.behaviours:
            if not isinstance(b, PaymentBehaviour):
                raise InvalidType("behaviours", b, "a PaymentBehaviour")
            if b.customer in self._by_name:
                raise InvalidArgument("behaviours", b.customer, "one behaviour per customer")
            self._by_name[b.customer] = b

    def __getitem__(self, customer: str) -> PaymentBehaviour:
        found = self._by_name.get(customer)
        if found is None:
            known = ", ".join(sorted(self._by_name)[:10])
            raise InvalidArgument(
                "customer",
                customer,
                f"a customer with a learned behaviour (known: {known}); give it a stated "
                "PaymentBehaviour or a default",
            )
        return found

    def __contains__(self, customer: object) -> bool:
        _check_customer(customer)  # never False for a value it did not understand
        return customer in self._by_name

    def __iter__(self) -> Iterator[PaymentBehaviour]:
        return iter(self.behaviours)

    def __len__(self) -> int:
        return len(self.behaviours)

    @property
    def customers(self) -> tuple[str, ...]:
        """The customers with a behaviour, sorted."""
        return tuple(b.customer for b in self.behaviours)

    @property
    def worsening(self) -> tuple[str, ...]:
        """The customers whose days beyond terms rise faster than their trend's threshold."""
        return tuple(b.customer for b in self.behaviours if b.worsening)

    def _repr_html_(self) -> str | None:
        return frame_html(self)

    def to_frame(self) -> pd.DataFrame:
        """Return one row per customer (needs the ``[pandas]`` extra).

        Columns: ``customer``, ``invoices``, ``days_beyond_terms`` (Decimal), ``score``,
        ``slope`` (days per month, Decimal), ``worsening``, ``runs`` (the run text, or
        ``any business day``), ``lateness`` (its repr), ``run_support``,
        ``mean_absolute_error``, ``exact_share`` and ``closures`` (seen, as text).

        >>> Behaviours(behaviours=(PaymentBehaviour("A", Payer(runs=PaymentRun.monthly(10))),)
        ...            ).to_frame()[["customer", "runs", "lateness"]]
          customer runs         lateness
        0        A   10  Lateness.fixed(0)
        """
        pandas = require("pandas", "Behaviours.to_frame")
        rows: dict[str, list[Any]] = {
            name: []
            for name in (
                "customer",
                "invoices",
                "days_beyond_terms",
                "score",
                "slope",
                "worsening",
                "runs",
                "lateness",
                "run_support",
                "mean_absolute_error",
                "exact_share",
                "closures",
            )
        }
        for b in self.behaviours:
            runs = b.payer.runs
            rows["customer"].append(b.customer)
            rows["invoices"].append(b.invoices)
            rows["days_beyond_terms"].append(b.days_beyond_terms)
            rows["score"].append(b.score)
            rows["slope"].append(None if b.trend is None else b.trend.slope)
            rows["worsening"].append(b.worsening)
            rows["runs"].append(
                "any business day" if runs == _ANY_DAY else "; ".join(str(r) for r in runs)
            )
            rows["lateness"].append(repr(b.payer.extra_delay_days))
            rows["run_support"].append(None if b.fit is None else b.fit.run_support)
            rows["mean_absolute_error"].append(None if b.fit is None else b.fit.mean_absolute_error)
            rows["exact_share"].append(None if b.fit is None else b.fit.exact_share)
            rows["closures"].append(", ".join(f"{a}..{z}" for a, z in b.closures_seen))
        frame = pandas.DataFrame(rows)
        for name in ("days_beyond_terms", "score", "slope", "run_support", "mean_absolute_error"):
            frame[name] = frame[name].astype(object)
        return frame


# --------------------------------------------------------------------------- learning


def _invoices(invoices: object, columns: Mapping[str, str] | None, what: str) -> list[Invoice]:
    from payterms._frames import is_frame

    if is_frame(invoices):
        return invoices_from_frame(invoices, columns=columns)
    if columns is not None:
        raise InvalidArgument("columns", columns, f"a DataFrame of invoices for {what}")
    if isinstance(invoices, (str, bytes, Mapping)) or not isinstance(invoices, Iterable):
        raise InvalidType("invoices", invoices, "an iterable of Invoice or a DataFrame")
    out = list(invoices)
    for i, inv in enumerate(out):
        if not isinstance(inv, Invoice):
            raise InvalidType(f"invoices[{i}]", inv, "an Invoice (or pass a DataFrame)")
    return out


@frozen
class _Paid:
    """One paid invoice of the history: its dates and amount."""

    issued: date
    due: date
    settled: date


def _residual(due: date, settled: date, runs: Sequence[date], run_set: frozenset[date]) -> int:
    """Return the delay closest to zero that makes a first-run payer pay *due* on *settled*."""
    if settled not in run_set:
        return (settled - due).days
    i = bisect.bisect_left(runs, settled)
    hi = (settled - due).days
    if i == 0:
        return min(0, hi)
    lo = (runs[i - 1] - due).days + 1
    if lo > 0:
        return lo
    return min(0, hi)


def _missed_runs(
    paid: Sequence[_Paid], runs: Sequence[date], paid_days: frozenset[date]
) -> list[date]:
    """Return the run days with no payment on which an invoice waited past the habit.

    An invoice waits past the customer's habit on a run when the run is on or after its
    due date plus the customer's median days beyond terms, and it was paid later: a
    customer that always pays three weeks late does not skip the runs of those weeks.
    """
    lateness = sorted((p.settled - p.due).days for p in paid)
    habit = timedelta(days=max(0, lateness[(len(lateness) - 1) // 2]))
    missed = []
    for run in runs:
        if run in paid_days:
            continue
        if any(p.due + habit <= run < p.settled and p.issued <= run for p in paid):
            missed.append(run)
    return missed


def _closures_from(
    missed: Sequence[date], runs: Sequence[date], min_runs: int
) -> list[tuple[date, date]]:
    """Return (first, last) of each stretch of at least *min_runs* consecutive missed runs."""
    position = {run: i for i, run in enumerate(runs)}
    found: list[tuple[date, date]] = []
    stretch: list[date] = []
    for run in missed:
        if stretch and position[run] != position[stretch[-1]] + 1:
            if len(stretch) >= min_runs:
                found.append((stretch[0], stretch[-1]))
            stretch = []
        stretch.append(run)
    if len(stretch) >= min_runs:
        found.append((stretch[0], stretch[-1]))
    return found


def _same_day_in(year: int, day: date) -> date:
    try:
        return day.replace(year=year)
    except ValueError:  # 29 February in a common year
        return date(year, 2, 28)


def _repeat_yearly(
    closures: Sequence[tuple[date, date]], until: date
) -> tuple[tuple[date, date], ...]:
    """Return *closures* and the same closures in each later year that starts by *until*."""
    out: list[tuple[date, date]] = []
    for first, last in closures:
        shift = 0
        while True:
            a = _same_day_in(first.year + shift, first)
            if a > until:
                break
            z = _same_day_in(last.year + shift, last)
            out.append((a, z))
            shift += 1
    return tuple(sorted(set(out)))


def _learn_one(
    customer: str,
    items: Sequence[Invoice],
    *,
    as_of: date,
    first: date,
    calendar: BusinessCalendar,
    trend: DbtTrend,
    min_support: Decimal,
    min_dates: int,
    min_missed_runs: int,
    until: date,
) -> PaymentBehaviour | None:
    paid = []
    for inv in items:
        settled = _settled_in(inv, first, as_of)
        if settled is not None:
            paid.append(_Paid(inv.issued, inv.due, settled))
    if not paid:
        return None
    settled_items = [inv for inv in items if _settled_in(inv, first, as_of) is not None]
    dbt = average_days_to_pay(
        settled_items, as_of=as_of, measure_from=AgeFrom.DUE_DATE, weighting=Weighting.AMOUNT
    )
    fit: RunFit | None = None
    try:
        fit = PaymentRun.infer(
            [p.settled for p in paid],
            calendar=calendar,
            min_support=min_support,
            min_dates=min_dates,
        )
    except InvalidArgument:
        fit = None
    closures: list[tuple[date, date]] = []
    if fit is not None:
        span_first = min(p.issued for p in paid)
        span_last = max(p.settled for p in paid)
        plain = Payer(runs=fit.run, calendar=calendar)
        all_runs = plain.run_dates(span_first, span_last)
        closures = _closures_from(
            _missed_runs(paid, all_runs, frozenset(p.settled for p in paid)),
            all_runs,
            min_missed_runs,
        )
        closed = Payer(runs=fit.run, calendar=calendar, closures=tuple(closures))
        runs = closed.run_dates(span_first - timedelta(days=62), span_last)
        run_set = frozenset(runs)
        delays = [_residual(p.due, p.settled, runs, run_set) for p in paid]
        payer_runs: tuple[PaymentRun, ...] = (fit.run,)
    else:
        delays = [(p.settled - p.due).days for p in paid]
        payer_runs = _ANY_DAY
    payer = Payer(
        runs=payer_runs,
        calendar=calendar,
        closures=_repeat_yearly(closures, until),
        extra_delay_days=Lateness.empirical(delays),
    )
    return PaymentBehaviour(
        customer=customer,
        payer=payer,
        invoices=len(paid),
        days_beyond_terms=dbt,
        score=payment_score(dbt),
        trend=trend,
        fit=_fit(payer, paid, None if fit is None else fit.support),
        closures_seen=tuple(closures),
    )


def _fit(payer: Payer, paid: Sequence[_Paid], support: Fraction | None) -> BehaviourFit:
    """Return how well *payer* replays the *paid* invoices (each as sent on its date)."""
    outcomes = payer.extra_delay_days.outcomes
    memo: dict[tuple[date, date], tuple[Fraction, frozenset[date]]] = {}
    error = Fraction(0)
    exact = 0
    for p in paid:
        key = (p.due, p.issued)
        found = memo.get(key)
        if found is None:
            mean = Fraction(0)
            days = set()
            for delay, probability in outcomes:
                run = payer.payment_run(p.due, received=p.issued, delay=delay)
                cash = payer.cash_date(run)
                days.add(cash)
                mean += probability * cash.toordinal()
            found = memo[key] = (mean, frozenset(days))
        mean, days_seen = found
        error += abs(mean - p.settled.toordinal())
        exact += p.settled in days_seen
    with localcontext(CONTEXT):
        mae = figure(Decimal(error.numerator) / Decimal(error.denominator) / len(paid))
    return BehaviourFit(
        invoices=len(paid),
        run_support=support,
        mean_absolute_error=mae,
        exact_share=Fraction(exact, len(paid)),
    )


def learn_behaviour(
    invoices: Iterable[Invoice] | pd.DataFrame,
    *,
    as_of: date,
    calendar: BusinessCalendar = BusinessCalendar.WEEKENDS,
    months: int = 12,
    worsening: Decimal | int | str = 1,
    min_support: Decimal | str = "0.75",
    min_dates: int = 6,
    min_missed_runs: int = 2,
    until: date | None = None,
    columns: Mapping[str, str] | None = None,
) -> Behaviours:
    """Return each customer's payment behaviour, learned from its invoices paid by *as_of*.

    For each customer, the invoices paid in full in the *months* calendar months up to
    *as_of* are the history (invoices paid later, open ones and credit notes are left
    out). From it:

    * runs: :meth:`PaymentRun.infer <payterms.runs.PaymentRun.infer>` on the payment
      dates, on *calendar*, with *min_support* and *min_dates*; when it finds no
      pattern the customer pays on any business day;
    * closures: *min_missed_runs* or more runs in a row on which nothing was paid
      although invoices waited that the customer's habit (its median days beyond terms)
      would have paid by then (an August closure); they are repeated
      on the same days of each following year that starts by *until* (two years after
      *as_of* by default) so that a forecast meets them;
    * lateness: the empirical distribution, one sample per invoice, of the residual delay
      (see the module text) or, without runs, of the days beyond terms;
    * figures: the amount-weighted days beyond terms, its :func:`payment_score`, the
      :class:`DbtTrend` (*worsening* days per month) and the :class:`BehaviourFit`.

    A customer with no paid invoice in the window has no behaviour (it is listed in
    :attr:`Behaviours.skipped`). *invoices* may be a DataFrame read by
    :func:`~payterms.receivables.invoices_from_frame` with *columns*.

    >>> from payterms.receivables import Invoice
    >>> history = [Invoice(f"F-{m}", "Bolt", date(2026, m, 2), date(2026, m, 20),
    ...                    Decimal("500"), payments=((date(2026, m, 20 + m), Decimal("500")),))
    ...            for m in range(1, 7)]
    >>> bolt = learn_behaviour(history, as_of=date(2026, 6, 30))["Bolt"]
    >>> bolt.payer.extra_delay_days.mean, bolt.worsening, bolt.fit.mean_absolute_error
    (Fraction(7, 2), False, Decimal('1.555555555555555555555555556'))
    """
    as_of = check_date(as_of, "as_of")
    check_int(months, "months", minimum=1)
    check_int(min_dates, "min_dates", minimum=1)
    check_int(min_missed_runs, "min_missed_runs", minimum=1)
    if not isinstance(calendar, BusinessCalendar):
        raise InvalidType("calendar", calendar, "a payterms.BusinessCalendar")
    support = to_decimal(min_support, "min_support")
    if not 0 < support <= 1:
        raise InvalidArgument("min_support", min_support, "a share in (0, 1]")
    threshold = to_decimal(worsening, "worsening")
    end = as_of + timedelta(days=730) if until is None else check_date(until, "until")
    items = _invoices(invoices, columns, "learn_behaviour")
    by_customer: dict[str, list[Invoice]] = {}
    for inv in items:
        by_customer.setdefault(inv.customer, []).append(inv)
    first = _months_back(as_of, months - 1)
    learned = []
    skipped = []
    for customer in sorted(by_customer):
        own = by_customer[customer]
        trend = dbt_trend(own, as_of=as_of, months=months, threshold=threshold)
        behaviour = _learn_one(
            customer,
            own,
            as_of=as_of,
            first=first,
            calendar=calendar,
            trend=trend,
            min_support=support,
            min_dates=min_dates,
            min_missed_runs=min_missed_runs,
            until=end,
        )
        if behaviour is None:
            skipped.append(customer)
        else:
            learned.append(behaviour)
    return Behaviours(behaviours=tuple(learned), skipped=tuple(skipped))

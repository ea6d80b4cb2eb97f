"""Batch due dates and schedules: 100 000 and 1 000 000 invoices against what a user writes.

Run: ``python benchmarks/batch.py`` (``--quick`` skips the 1 000 000-row naive loops, which
take minutes). Every case is timed against three baselines in the same run, in turn, round
after round, so that a busy machine slows every contender alike:

* (a) the naive loop a user writes without payterms: ``dateutil.relativedelta`` for the
  term, then one day at a time while the day is a weekend or in the ``holidays`` table;
* (b) numpy per row: the raw due date of each row with ``datetime64`` arithmetic (one
  masked pass per terms), then ``np.busday_offset`` on every row;
* (c) numpy over the distinct day span: each terms computed once over every day from the
  first invoice date to the last, rolled with ``np.busday_offset``, then gathered per row
  (the floor: what numpy costs once the work is done per distinct date).

For (a) the figure is the speed-up (a's time / payterms' time); for (b) and (c) it is
payterms' time over numpy's (below 1: payterms is faster). Peak memory is measured with
``tracemalloc`` (numpy's arrays included) in a separate call. Schedules are timed against
a plain loop of ``PaymentTerms.schedule``.
"""

from __future__ import annotations

import random
import sys
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import holidays
import numpy as np
import pandas as pd
from dateutil.relativedelta import relativedelta

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _timing import interleaved_wall_cpu_ms, peak_mb

import payterms as pt

DAY = np.timedelta64(1, "D")
P = pt.PaymentTerms

# Ten common terms: (label, terms, numpy raw due date, dateutil raw due date).
Numpy = Callable[[np.ndarray], np.ndarray]
Naive = Callable[[date], date]


def _month_start(days: np.ndarray, months: int) -> np.ndarray:
    return (days.astype("datetime64[M]") + months).astype("datetime64[D]")


def _month_end(days: np.ndarray) -> np.ndarray:
    return _month_start(days, 1) - DAY


TEN: list[tuple[str, pt.PaymentTerms, Numpy, Naive]] = [
    ("net 30", P.net(30), lambda d: d + 30 * DAY, lambda d: d + relativedelta(days=30)),
    ("net 60", P.net(60), lambda d: d + 60 * DAY, lambda d: d + relativedelta(days=60)),
    ("net 14", P.net(14), lambda d: d + 14 * DAY, lambda d: d + relativedelta(days=14)),
    (
        "2/10 net 30",
        P.parse("2/10 net 30"),
        lambda d: d + 30 * DAY,
        lambda d: d + relativedelta(days=30),
    ),
    (
        "CM+30D",
        P.end_of_month(30),
        lambda d: _month_end(d) + 30 * DAY,
        lambda d: d + relativedelta(day=31) + relativedelta(days=30),
    ),
    (
        "CM+45D",
        P.end_of_month(45),
        lambda d: _month_end(d) + 45 * DAY,
        lambda d: d + relativedelta(day=31) + relativedelta(days=45),
    ),
    (
        "60D+CM",
        P.end_of_month(60, reading=pt.EndOfMonth.DAYS_THEN),
        lambda d: _month_end(d + 60 * DAY),
        lambda d: d + relativedelta(days=60) + relativedelta(day=31),
    ),
    (
        "prox 10",
        P.prox(10),
        lambda d: _month_start(d, 1) + 9 * DAY,
        lambda d: d + relativedelta(months=1, day=10),
    ),
    (
        "30 % now, rest 60D",
        P(installments=(pt.Installment.percent(30, "0D"), pt.Installment.balance("60D"))),
        lambda d: d + 60 * DAY,
        lambda d: d + relativedelta(days=60),
    ),
    (
        "end of next month",
        P(installments=(pt.Installment.balance("1M+CM"),)),
        lambda d: _month_start(d, 2) - DAY,
        lambda d: d + relativedelta(months=1, day=31),
    ),
]


class Case:
    """Invoices dated over *years* from *first*, under the ten terms (codes) or the first."""

    def __init__(self, n: int, first: int, years: int, seed: int) -> None:
        rng = np.random.default_rng(seed)
        start = np.datetime64(f"{first}-01-01")
        span = int((np.datetime64(f"{first + years}-01-01") - start) / DAY)
        self.n = n
        self.days = (start + rng.integers(0, span, n)).astype("datetime64[D]")
        self.codes = rng.integers(0, len(TEN), n)
        self.dates = self.days.astype(object).tolist()
        self.calendar = pt.BusinessCalendar.country("BE")
        table = holidays.country_holidays("BE", years=range(first - 1, first + years + 2))
        self.table = table
        self.busdays = np.busdaycalendar(
            holidays=np.array(sorted(table), dtype="datetime64[D]")  # what a numpy user builds
        )
        self.category = pd.Series(
            pd.Categorical.from_codes(self.codes, categories=pd.Index([t[1] for t in TEN]))
        )
        terms = np.empty(len(TEN), dtype=object)
        terms[:] = [t[1] for t in TEN]
        self.objects = terms[self.codes]

    # (a) the naive loop
    def naive(self, *, mixed: bool) -> list[date]:
        table = self.table
        rules = [t[3] for t in TEN]
        codes = self.codes.tolist() if mixed else [0] * self.n
        out = []
        for code, start in zip(codes, self.dates, strict=True):
            due = rules[code](start)
            while due.weekday() >= 5 or due in table:
                due += timedelta(days=1)
            out.append(due)
        return out

    # (b) numpy per row
    def per_row(self, *, mixed: bool) -> np.ndarray:
        if mixed:
            raw = np.empty_like(self.days)
            for code, (_, _, formula, _) in enumerate(TEN):
                rows = self.codes == code
                raw[rows] = formula(self.days[rows])
        else:
            raw = TEN[0][2](self.days)
        return np.busday_offset(raw, 0, roll="forward", busdaycal=self.busdays)

    # (c) numpy over the distinct day span, gathered
    def span(self, *, mixed: bool) -> np.ndarray:
        numbers = self.days.view("int64")
        low, high = numbers.min(), numbers.max()
        grid = np.arange(low, high + 1).view("datetime64[D]")
        width = high - low + 1
        if mixed:
            table = np.concatenate(
                [
                    np.busday_offset(formula(grid), 0, roll="forward", busdaycal=self.busdays)
                    for _, _, formula, _ in TEN
                ]
            ).view("int64")
            return table[self.codes * width + (numbers - low)].view("datetime64[D]")
        table = np.busday_offset(TEN[0][2](grid), 0, roll="forward", busdaycal=self.busdays)
        return table.view("int64")[numbers - low].view("datetime64[D]")

    def ours(self, terms: Any) -> np.ndarray:
        return pt.due_dates(
            terms, self.days, calendar=self.calendar, adjustment=pt.Adjustment.FOLLOWING
        )


def line(name: str, times: dict[str, tuple[float, float]], memory: dict[str, float]) -> None:
    """Print a case: wall and CPU milliseconds, peak MB, ratios (wall, then CPU)."""
    ours, ours_cpu = times["payterms"]
    parts = [
        f"{name:<46} payterms {ours:9.2f} ms ({ours_cpu:9.2f} CPU) {memory['payterms']:7.1f} MB"
    ]
    for key, label in (("naive", "(a) naive"), ("busday", "(b) per row"), ("span", "(c) span")):
        if key in times:
            wall, cpu = times[key]
            ratio = (
                f"speed-up {wall / ours:7.1f}x ({cpu / ours_cpu:7.1f}x CPU)"
                if key == "naive"
                else f"payterms/numpy {ours / wall:5.2f} ({ours_cpu / cpu:5.2f} CPU)"
            )
            parts.append(
                f"{label:<11} {wall:9.2f} ms ({cpu:9.2f} CPU) {memory[key]:7.1f} MB {ratio}"
            )
    print("\n    ".join(parts))


def run(name: str, contenders: dict[str, Callable[[], object]], *, repeat: int) -> None:
    times = interleaved_wall_cpu_ms(contenders, repeat=repeat)
    memory = {key: peak_mb(fn) for key, fn in contenders.items()}
    line(name, times, memory)


def due_date_cases(n: int, *, quick: bool) -> None:
    naive_too = n <= 100_000 or not quick
    repeat = 7 if n <= 100_000 else 5
    naive_repeat = 3 if n <= 100_000 else 1

    ten_years = Case(n, 2016, 10, seed=1)
    assert (ten_years.ours(TEN[0][1]) == ten_years.per_row(mixed=False)).all()
    assert (ten_years.span(mixed=False) == ten_years.per_row(mixed=False)).all()
    if n <= 100_000:
        assert ten_years.naive(mixed=False) == ten_years.per_row(mixed=False).tolist()
    one = TEN[0][1]
    run(
        f"net 30 BE FOLLOWING, ten years, {n} rows",
        {
            "payterms": lambda: ten_years.ours(one),
            "busday": lambda: ten_years.per_row(mixed=False),
            "span": lambda: ten_years.span(mixed=False),
        },
        repeat=repeat,
    )
    if naive_too:
        times = interleaved_wall_cpu_ms(
            {
                "payterms": lambda: ten_years.ours(one),
                "naive": lambda: ten_years.naive(mixed=False),
            },
            repeat=naive_repeat,
        )
        memory = {"payterms": peak_mb(lambda: ten_years.ours(one)), "naive": float("nan")}
        line(f"net 30 BE FOLLOWING, ten years, {n} rows", times, memory)

        run(
            f"net 30 BE FOLLOWING, list of dates, {n} rows",
            {
                "payterms": lambda: pt.due_dates(
                    one,
                    ten_years.dates,
                    calendar=ten_years.calendar,
                    adjustment=pt.Adjustment.FOLLOWING,
                ),
                "naive": lambda: ten_years.naive(mixed=False),
            },
            repeat=naive_repeat,
        )

    series = pd.Series(ten_years.days.astype("datetime64[ns]"))

    def span_of_series() -> np.ndarray:
        days = series.to_numpy().astype("datetime64[D]")
        numbers = days.view("int64")
        low, high = numbers.min(), numbers.max()
        grid = np.arange(low, high + 1).view("datetime64[D]")
        table = np.busday_offset(grid + 30 * DAY, 0, roll="forward", busdaycal=ten_years.busdays)
        return pd.Series(table.view("int64")[numbers - low].view("datetime64[D]"))

    run(
        f"net 30 BE FOLLOWING, pandas datetime64[ns], {n} rows",
        {
            "payterms": lambda: pt.due_dates(
                one, series, calendar=ten_years.calendar, adjustment=pt.Adjustment.FOLLOWING
            ),
            "span": span_of_series,
        },
        repeat=repeat,
    )

    eom = TEN[5][1]

    def eom_span() -> np.ndarray:
        numbers = ten_years.days.view("int64")
        low, high = numbers.min(), numbers.max()
        grid = np.arange(low, high + 1).view("datetime64[D]")
        table = TEN[5][2](grid).view("int64")
        return table[numbers - low].view("datetime64[D]")

    assert (pt.due_dates(eom, ten_years.days) == eom_span()).all()
    run(
        f"CM+45D unadjusted, ten years, {n} rows",
        {
            "payterms": lambda: pt.due_dates(eom, ten_years.days),
            "busday": lambda: TEN[5][2](ten_years.days),
            "span": eom_span,
        },
        repeat=repeat,
    )

    year = Case(n, 2026, 1, seed=2)
    expected = year.per_row(mixed=True)
    assert (year.ours(year.category) == expected).all()
    assert (year.ours(year.objects) == expected).all()
    assert (year.span(mixed=True) == expected).all()
    if n <= 100_000:
        assert year.naive(mixed=True) == expected.tolist()
    run(
        f"10-term mix BE FOLLOWING, categorical, {n} rows",
        {
            "payterms": lambda: year.ours(year.category),
            "busday": lambda: year.per_row(mixed=True),
            "span": lambda: year.span(mixed=True),
        },
        repeat=repeat,
    )
    run(
        f"10-term mix BE FOLLOWING, object array, {n} rows",
        {
            "payterms": lambda: year.ours(year.objects),
            "busday": lambda: year.per_row(mixed=True),
            "span": lambda: year.span(mixed=True),
        },
        repeat=repeat,
    )
    if naive_too:
        times = interleaved_wall_cpu_ms(
            {
                "payterms": lambda: year.ours(year.category),
                "naive": lambda: year.naive(mixed=True),
            },
            repeat=naive_repeat,
        )
        memory = {"payterms": peak_mb(lambda: year.ours(year.category)), "naive": float("nan")}
        line(f"10-term mix BE FOLLOWING, categorical, {n} rows", times, memory)


def versus_loop(
    label: str, times: dict[str, tuple[float, float]], memory: dict[str, float]
) -> None:
    """Print a schedules case against the loop of schedule(): wall and CPU ms, peak MB."""
    (ours, ours_cpu), (loop, loop_cpu) = times["payterms"], times["naive"]
    print(
        f"{label:<24} payterms {ours:9.1f} ms ({ours_cpu:9.1f} CPU) {memory['payterms']:7.1f} MB"
        f"   loop {loop:9.1f} ms ({loop_cpu:9.1f} CPU) {memory['naive']:7.1f} MB"
        f"   speed-up {loop / ours:6.1f}x ({loop_cpu / ours_cpu:6.1f}x CPU)"
    )


def schedule_cases(n: int) -> None:
    rng = random.Random(20260101)  # noqa: S311 - reproducible sample, not a secret
    case = Case(n, 2026, 1, seed=3)
    amounts = [Decimal(rng.randrange(100, 100_000_000)).scaleb(-2) for _ in range(n)]
    column = np.empty(n, dtype=object)
    column[:] = amounts
    print(f"\n{n} invoices, all-distinct (date, amount): schedules against a loop of schedule()")
    for label, terms in (("2/10 net 30", TEN[3][1]), ("30 % now, rest 60D", TEN[8][1])):
        assert list(pt.schedules(terms, case.days, column)) == [
            terms.schedule(d, a) for d, a in zip(case.dates, amounts, strict=True)
        ]
        contenders: dict[str, Callable[[], object]] = {
            "payterms": lambda terms=terms: pt.schedules(terms, case.days, column),
            "naive": lambda terms=terms: [
                terms.schedule(d, a) for d, a in zip(case.dates, amounts, strict=True)
            ],
        }
        times = interleaved_wall_cpu_ms(contenders, repeat=3)
        memory = {key: peak_mb(fn) for key, fn in contenders.items()}
        versus_loop(label, times, memory)
    ten = [t[1] for t in TEN]
    codes = case.codes.tolist()
    contenders = {
        "payterms": lambda: pt.schedules(case.category, case.days, column),
        "naive": lambda: [
            ten[c].schedule(d, a) for c, d, a in zip(codes, case.dates, amounts, strict=True)
        ],
    }
    assert list(pt.schedules(case.category, case.days, column)) == contenders["naive"]()
    times = interleaved_wall_cpu_ms(contenders, repeat=3)
    memory = {key: peak_mb(fn) for key, fn in contenders.items()}
    versus_loop("10-term mix", times, memory)
    materialised = interleaved_wall_cpu_ms(
        {"rows": lambda: list(pt.schedules(case.category, case.days, column))}, repeat=3
    )
    print(
        f"{'10-term mix, every row':<24} payterms {materialised['rows'][0]:9.1f} ms"
        f" ({materialised['rows'][1]:9.1f} CPU)"
        "   (Schedule objects built for every invoice)"
    )


def main() -> None:
    quick = "--quick" in sys.argv
    for n in (100_000, 1_000_000):
        print(f"\n{n} invoices: due dates")
        due_date_cases(n, quick=quick)
    schedule_cases(100_000)


if __name__ == "__main__":
    main()

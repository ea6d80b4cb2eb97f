"""Late interest of many claims: 10 000 to 1 000 000 claims over many rate periods.

Run: ``python benchmarks/interest_batch.py``. Each claim bears interest at the ECB main
refinancing rate + 8 points (``TableRate("ecb_mro", margin=0.08)``, every ECB change a
new period), ACT/365, no part payment; claims fall due in 2009-2012 and run seven to
twelve and a third years (to 28 April 2025 at the latest: the table's rates are confirmed
up to 10 June 2025), so each crosses ten rate periods or more (the mean is printed). Two
baselines a user would otherwise write, timed in the same run:

* the day loop: the rate of each interest day (looked up in a list prepared beforehand)
  times the principal, summed over the claim's days, divided by 365, rounded once;
* the period loop (twenty lines): the claim sliced at each rate change with ``bisect``,
  ``principal × rate × days`` per period, summed, divided by 365, rounded once.

Both baselines are exact Decimal arithmetic; the day loop is timed on 1 000 claims and
the period loop on at most 100 000 (their time per claim does not depend on the number
of claims), and ratios are per claim. ``late_interest_many`` is timed on a pandas column
of 10 000, 100 000 and 1 000 000 claims with all-distinct principals, with its peak
memory (``tracemalloc``). Every figure is checked against ``late_interest`` on a sample.
"""

from __future__ import annotations

import bisect
import random
import statistics
import sys
import time
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _timing import peak_mb

import payterms as pt
from payterms.law import TableRate

CENT = Decimal("0.01")
YEAR = Decimal(365)
RATE = TableRate("ecb_mro", margin=Decimal("0.08"))
FIRST_DUE, LAST_DUE = date(2009, 1, 1), date(2012, 12, 31)
CONFIRMED_UNTIL = date(2025, 6, 11)  # the first day of the table without a confirmed rate


def claims(n: int, seed: int) -> tuple[list[Decimal], list[date], list[date]]:
    """Return *n* claims: all-distinct principals, due dates and last interest days."""
    rng = random.Random(seed)  # noqa: S311 - reproducible sample, not a secret
    span = (LAST_DUE - FIRST_DUE).days
    # whole cents, all distinct: 7919 is prime to the range, so i -> i * 7919 is one-to-one
    principals = [Decimal(100 + (i * 7919) % 999_999_900).scaleb(-2) for i in range(n)]
    dues = [FIRST_DUE + timedelta(days=rng.randrange(span)) for _ in range(n)]
    untils = [d + timedelta(days=rng.randrange(2600, 4500)) for d in dues]
    return principals, dues, untils


def rate_changes() -> tuple[list[date], list[Decimal]]:
    """Return the days the rate changes and the rate from each (what a user would prepare)."""
    segments = RATE.rate_segments(FIRST_DUE, CONFIRMED_UNTIL)
    return [day for day, _, _ in segments], [rate for _, rate, _ in segments]


def period_loop(
    principal: Decimal, due: date, until: date, changes: list[date], rates: list[Decimal]
) -> Decimal:
    first, stop = due + timedelta(days=1), until + timedelta(days=1)
    i = bisect.bisect_right(changes, first) - 1
    total, cursor = Decimal(0), first
    while cursor < stop:
        end = min(changes[i + 1], stop) if i + 1 < len(changes) else stop
        total += principal * rates[i] * (end - cursor).days
        cursor, i = end, i + 1
    return (total / YEAR).quantize(CENT, rounding=ROUND_HALF_UP)


def day_loop(
    principal: Decimal, due: date, until: date, by_day: list[Decimal], origin: int
) -> Decimal:
    first = due.toordinal() + 1 - origin
    stop = until.toordinal() + 1 - origin
    total = sum((principal * by_day[day] for day in range(first, stop)), Decimal(0))
    return (total / YEAR).quantize(CENT, rounding=ROUND_HALF_UP)


def per_claim_us(fn: object, count: int, *, repeat: int = 3) -> tuple[float, float]:
    """Return the median (wall, CPU) time per claim in microseconds.

    CPU time (``time.process_time``) leaves out the time the process waited for a core,
    so on a machine shared with other work it shows what the code itself costs.
    """
    wall, cpu = [], []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()  # type: ignore[operator]
        wall.append((time.perf_counter() - start) / count * 1e6)
        cpu.append((time.process_time() - start_cpu) / count * 1e6)
    return statistics.median(wall), statistics.median(cpu)


def main() -> None:
    changes, rates = rate_changes()
    origin = FIRST_DUE.toordinal()
    by_day = [
        rates[bisect.bisect_right(changes, date.fromordinal(origin + k)) - 1]
        for k in range((CONFIRMED_UNTIL - FIRST_DUE).days)
    ]

    principals, dues, untils = claims(1000, seed=7)
    exact = [
        pt.late_interest(p, due=d, until=u, rate=RATE)
        for p, d, u in zip(principals, dues, untils, strict=True)
    ]
    periods = statistics.mean(len(r.periods) for r in exact)
    assert [
        period_loop(p, d, u, changes, rates)
        for p, d, u in zip(principals, dues, untils, strict=True)
    ] == [r.interest for r in exact]
    assert [
        day_loop(p, d, u, by_day, origin) for p, d, u in zip(principals, dues, untils, strict=True)
    ] == [r.interest for r in exact]
    day_us, day_cpu = per_claim_us(
        lambda: [
            day_loop(p, d, u, by_day, origin)
            for p, d, u in zip(principals, dues, untils, strict=True)
        ],
        1000,
        repeat=1,
    )
    engine_us, engine_cpu = per_claim_us(
        lambda: pt.late_interest_many(principals, dues, untils, rate=RATE, detail=True),
        1000,
        repeat=1,
    )
    print(
        f"claims over {periods:.1f} rate periods on average (ECB MRO + 8 points, ACT/365)\n"
        f"day loop {day_us:10.1f} us/claim ({day_cpu:.1f} CPU; 1 000 claims); exact engine "
        f"per claim (detail=True) {engine_us:8.1f} us/claim ({engine_cpu:.1f} CPU)\n"
    )
    for n in (10_000, 100_000, 1_000_000):
        size(n, changes, rates, (day_us, day_cpu))


def size(n: int, changes: list[date], rates: list[Decimal], day: tuple[float, float]) -> None:
    """Time and check *n* claims, and print one line."""
    principals, dues, untils = claims(n, seed=n)
    column = pd.Series(principals, dtype=object)
    due_column = pd.Series(np.array(dues, dtype="datetime64[D]"))
    until_column = pd.Series(np.array(untils, dtype="datetime64[D]"))

    def ours() -> pd.DataFrame:
        return pt.late_interest_many(column, due_column, until_column, rate=RATE)

    frame = ours()
    sample = range(0, n, max(1, n // 500))
    assert [frame["interest"].iloc[i] for i in sample] == [
        pt.late_interest(principals[i], due=dues[i], until=untils[i], rate=RATE).interest
        for i in sample
    ]
    ours_us, ours_cpu = per_claim_us(ours, n, repeat=3)
    loop_n = min(n, 100_000)

    def loop() -> list[Decimal]:
        return [
            period_loop(principals[i], dues[i], untils[i], changes, rates) for i in range(loop_n)
        ]

    period_us, period_cpu = per_claim_us(loop, loop_n, repeat=1)
    memory = peak_mb(ours)
    print(
        f"{n:>9} claims  late_interest_many {ours_us:6.3f} us/claim wall, {ours_cpu:6.3f} CPU "
        f"({1e6 / ours_us:10,.0f} claims/s wall, {1e6 / ours_cpu:10,.0f} CPU; "
        f"peak {memory:6.1f} MB)\n"
        f"{'':17}period loop {period_us:6.2f} us/claim: {period_us / ours_us:5.1f}x wall, "
        f"{period_cpu / ours_cpu:5.1f}x CPU;  day loop {day[0] / ours_us:7.0f}x wall, "
        f"{day[1] / ours_cpu:7.0f}x CPU"
    )


if __name__ == "__main__":
    main()

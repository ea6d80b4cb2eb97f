"""Batch due dates: 100 000 invoices over one year against a loop and against numpy.

Run: ``python benchmarks/batch.py``. Two baselines a user would otherwise write:

* a per-invoice loop calling ``terms.due_date`` (or ``expected_payment_date``);
* numpy, vectorised: ``dates + 30`` for net 30, and for net 30 then FOLLOWING on TARGET
  ``np.busday_offset(dates + 30, 0, roll="forward", holidays=...)`` with the TARGET
  closing days as the holiday list; for CM+45D the month arithmetic on ``datetime64[M]``.

The design aims for the batch path within a small factor of the vectorised numpy code
(DESIGN.md §6); the ratio column is baseline time / payterms time (below 1: numpy is
faster by 1/ratio).
"""

from __future__ import annotations

import random
import sys
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _timing import median_us, report

import payterms as pt

N = 100_000


def main() -> None:
    rng = random.Random(20260101)  # noqa: S311 - reproducible sample, not a secret
    first = date(2026, 1, 1)
    starts = [first + timedelta(days=rng.randrange(365)) for _ in range(N)]
    stamped = np.array([d.isoformat() for d in starts], dtype="datetime64[D]")
    series = pd.Series(stamped.astype("datetime64[ns]"))
    objects = pd.Series(starts, dtype=object)

    net = pt.PaymentTerms.net(30)
    eom = pt.PaymentTerms.end_of_month(45)
    target = pt.BusinessCalendar.TARGET
    following = pt.Adjustment.FOLLOWING
    holidays = np.array(
        [d.isoformat() for y in (2026, 2027) for d in target.holidays(y)], dtype="datetime64[D]"
    )
    thirty = np.timedelta64(30, "D")
    print(f"{N} invoices dated in 2026 ({len(set(starts))} distinct dates)\n")

    # correctness first: the batch path and both baselines agree
    ours = pt.due_dates(net, stamped, calendar=target, adjustment=following)
    numpy_busday = np.busday_offset(stamped + thirty, 0, roll="forward", holidays=holidays)
    assert (ours == numpy_busday).all()
    assert list(pt.due_dates(eom, starts)) == [eom.due_date(d) for d in starts]

    loop_net = median_us(lambda: [net.due_date(d) for d in starts], repeat=3)
    report(
        "net 30, list of dates",
        median_us(lambda: pt.due_dates(net, starts)),
        loop_net,
        "loop",
    )
    report(
        "net 30, numpy datetime64[D]",
        median_us(lambda: pt.due_dates(net, stamped)),
        median_us(lambda: stamped + thirty),
        "numpy",
    )
    loop_busday = median_us(
        lambda: [net.due_date(d, calendar=target, adjustment=following) for d in starts], repeat=3
    )
    report(
        "net 30 FOLLOWING TARGET, list of dates",
        median_us(lambda: pt.due_dates(net, starts, calendar=target, adjustment=following)),
        loop_busday,
        "loop",
    )
    report(
        "net 30 FOLLOWING TARGET, numpy",
        median_us(lambda: pt.due_dates(net, stamped, calendar=target, adjustment=following)),
        median_us(lambda: np.busday_offset(stamped + thirty, 0, roll="forward", holidays=holidays)),
        "busday_offset",
    )
    report(
        "net 30 FOLLOWING TARGET, pandas datetime64",
        median_us(lambda: pt.due_dates(net, series, calendar=target, adjustment=following)),
        loop_busday,
        "loop",
    )
    report(
        "net 30 FOLLOWING TARGET, pandas of date",
        median_us(lambda: pt.due_dates(net, objects, calendar=target, adjustment=following)),
        loop_busday,
        "loop",
    )

    def numpy_eom() -> np.ndarray:
        month_end = (stamped.astype("datetime64[M]") + 1).astype("datetime64[D]") - 1
        return month_end + np.timedelta64(45, "D")

    assert (pt.due_dates(eom, stamped) == numpy_eom()).all()
    report(
        "CM+45D, numpy",
        median_us(lambda: pt.due_dates(eom, stamped)),
        median_us(numpy_eom),
        "numpy",
    )
    mixed = [net if i % 2 else eom for i in range(N)]
    report(
        "mixed terms (2 kinds), list of dates",
        median_us(lambda: pt.due_dates(mixed, starts), repeat=3),
        median_us(lambda: [t.due_date(d) for t, d in zip(mixed, starts, strict=True)], repeat=3),
        "loop",
    )

    mixed_array = np.array(mixed, dtype=object)
    report(
        "mixed terms (2 kinds), numpy",
        median_us(lambda: pt.due_dates(mixed_array, stamped), repeat=3),
        median_us(lambda: [t.due_date(d) for t, d in zip(mixed, starts, strict=True)], repeat=3),
        "loop",
    )

    # schedules: amounts are mostly distinct, so the batch path saves little over a loop
    split = pt.PaymentTerms(
        installments=(
            pt.Installment.percent(Decimal("30"), "0D"),
            pt.Installment.balance("CM+30D"),
        )
    )
    amounts = [Decimal(rng.randrange(100, 1_000_000)).scaleb(-2) for _ in range(N // 10)]
    some = starts[: N // 10]
    report(
        f"schedules, {N // 10} invoices",
        median_us(lambda: pt.schedules(split, some, amounts), repeat=3),
        median_us(
            lambda: [split.schedule(d, a) for d, a in zip(some, amounts, strict=True)], repeat=3
        ),
        "loop",
    )

    payer = pt.Payer(runs=pt.PaymentRun.monthly(10, 25), calendar=target, approval_days=5)
    report(
        "expected_payment_dates, numpy",
        median_us(lambda: pt.expected_payment_dates(eom, stamped, payer), repeat=3),
        median_us(lambda: [pt.expected_payment_date(eom, d, payer) for d in starts], repeat=3),
        "loop",
    )


if __name__ == "__main__":
    main()

"""Aging and DSO over 100,000 invoices: payterms against what a user would otherwise write.

Run: ``python benchmarks/receivables.py``. Baselines, timed in the same run on the same
invoices: a per-invoice loop with an if/elif bucket ladder and Decimal sums (what an ERP
report does), and, when pandas is installed, ``pd.cut`` + ``groupby`` on a DataFrame that is
already built (float amounts, as pandas users hold them; building the frame is not timed).
"""

from __future__ import annotations

import random
import sys
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _timing import median_us

from payterms.receivables import DsoMethod, Invoice, aging, dso

N = 100_000
AS_OF = date(2026, 6, 30)


def make_invoices(n: int) -> list[Invoice]:
    rng = random.Random(20260630)  # noqa: S311 - reproducible test data, not security
    out = []
    start = date(2025, 7, 1).toordinal()
    for i in range(n):
        issued = date.fromordinal(start + rng.randrange(365))
        due = issued + timedelta(days=rng.choice((0, 14, 30, 45, 60)))
        cents = rng.randrange(1_000, 5_000_000)
        amount = Decimal(cents).scaleb(-2)
        payments: tuple[tuple[date, Decimal], ...] = ()
        if rng.random() < 0.6:
            on = issued + timedelta(days=rng.randrange(0, 120))
            part = amount if rng.random() < 0.8 else Decimal(cents // 2).scaleb(-2)
            payments = ((on, part),)
        out.append(Invoice(f"F-{i}", f"C{rng.randrange(500)}", issued, due, amount,
                           payments=payments))  # fmt: skip
    return out


def naive_aging(invoices: list[Invoice], as_of: date) -> dict[str, Decimal]:
    totals = dict.fromkeys(("current", "1-30", "31-60", "61-90", "90+"), Decimal(0))
    for inv in invoices:
        if inv.issued > as_of:
            continue
        left = inv.amount - sum((a for d, a in inv.payments if d <= as_of), Decimal(0))
        if left == 0:
            continue
        days = (as_of - inv.due).days
        if days <= 0:
            key = "current"
        elif days <= 30:
            key = "1-30"
        elif days <= 60:
            key = "31-60"
        elif days <= 90:
            key = "61-90"
        else:
            key = "90+"
        totals[key] += left
    return totals


def naive_countback(invoices: list[Invoice], as_of: date) -> Decimal:
    ar = Decimal(0)
    sales: dict[tuple[int, int], Decimal] = {}
    for inv in invoices:
        if inv.issued > as_of:
            continue
        ar += inv.amount - sum((a for d, a in inv.payments if d <= as_of), Decimal(0))
        key = (inv.issued.year, inv.issued.month)
        sales[key] = sales.get(key, Decimal(0)) + inv.amount
    days = Decimal(0)
    year, month = as_of.year, as_of.month
    while ar > 0:
        s = sales.get((year, month), Decimal(0))
        length = (date(year + month // 12, month % 12 + 1, 1) - date(year, month, 1)).days
        if ar <= s:
            return days + ar * length / s
        ar -= s
        days += length
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return days


def line(name: str, ours_us: float, base_us: float, base_name: str) -> None:
    print(
        f"{name:<34} payterms {ours_us / 1000:8.1f} ms   {base_name:<16} {base_us / 1000:8.1f} ms"
        f"   ratio {base_us / ours_us:5.2f}x   ({ours_us / N:.2f} us/invoice)"
    )


def main() -> None:
    invoices = make_invoices(N)
    expected = naive_aging(invoices, AS_OF)
    assert aging(invoices, as_of=AS_OF).by_label() == expected
    assert dso(invoices, as_of=AS_OF).exact == naive_countback(invoices, AS_OF)
    print(f"{N:,} invoices, as of {AS_OF}; medians of 5 runs")
    fields = [(i.id, i.customer, i.issued, i.due, i.amount, i.payments) for i in invoices]
    build = median_us(
        lambda: [Invoice(a, b, c, d, e, payments=f) for a, b, c, d, e, f in fields],
        repeat=5,
        number=1,
    )
    print(f"{'building the Invoice values':<34} payterms {build / 1000:8.1f} ms"
          f"   ({build / N:.2f} us/invoice, validation included)")  # fmt: skip

    ours = median_us(lambda: aging(invoices, as_of=AS_OF), repeat=5, number=1)
    line("aging (5 buckets)", ours, median_us(lambda: naive_aging(invoices, AS_OF), repeat=5,
                                              number=1), "per-invoice loop")  # fmt: skip
    ours_dso = median_us(lambda: dso(invoices, as_of=AS_OF), repeat=5, number=1)
    base_dso = median_us(lambda: naive_countback(invoices, AS_OF), repeat=5, number=1)
    line("dso (countback)", ours_dso, base_dso, "per-invoice loop")
    simple = median_us(lambda: dso(invoices, as_of=AS_OF, method=DsoMethod.SIMPLE), repeat=5,
                       number=1)  # fmt: skip
    line("dso (simple, 3 months)", simple, base_dso, "per-invoice loop")
    try:
        import pandas as pd
    except ImportError:
        print("pandas not installed: pandas baseline skipped")
        return
    frame = pd.DataFrame(
        {
            "customer": [i.customer for i in invoices],
            "issued": pd.to_datetime([i.issued for i in invoices]),
            "due": pd.to_datetime([i.due for i in invoices]),
            "amount": [float(i.amount) for i in invoices],
            "paid_on": pd.to_datetime([i.payments[0][0] if i.payments else None for i in invoices]),
            "paid": [float(i.payments[0][1]) if i.payments else 0.0 for i in invoices],
        }
    )
    stamp = pd.Timestamp(AS_OF)

    def pandas_aging() -> object:
        f = frame[frame["issued"] <= stamp]
        paid = f["paid"].where(f["paid_on"] <= stamp, 0.0)
        left = f["amount"] - paid
        days = (stamp - f["due"]).dt.days
        labels = pd.cut(days, [-10**9, 0, 30, 60, 90, 10**9],
                        labels=["current", "1-30", "31-60", "61-90", "90+"])  # fmt: skip
        return left[left != 0].groupby(labels[left != 0], observed=False).sum()

    pandas_aging()
    line("aging (5 buckets)", ours, median_us(pandas_aging, repeat=5, number=1),
         "pandas groupby")  # fmt: skip

    def pandas_countback() -> float:
        f = frame[frame["issued"] <= stamp]
        ar = (f["amount"] - f["paid"].where(f["paid_on"] <= stamp, 0.0)).sum()
        monthly = f.groupby(f["issued"].dt.to_period("M"))["amount"].sum().sort_index()
        days = 0.0
        for period, month_sales in reversed(list(monthly.items())):
            if ar <= month_sales:
                return days + ar / month_sales * period.days_in_month
            ar -= month_sales
            days += period.days_in_month
        return days

    assert abs(pandas_countback() - float(dso(invoices, as_of=AS_OF))) < 1e-6
    line("dso (countback)", ours_dso, median_us(pandas_countback, repeat=5, number=1),
         "pandas groupby")  # fmt: skip


if __name__ == "__main__":
    main()

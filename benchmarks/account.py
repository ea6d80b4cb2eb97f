"""An account statement: 1 000 invoices and 300 payments of one debtor, against a user's loop.

Run: ``python benchmarks/account.py``. The account: 1 000 Belgian invoices of 2023 (amounts
from 1.00 to 5 000.00, due 30 days after their date) and 300 payments that name no invoice
(100.00 to 20 000.00, spread over 2023 and the first half of 2024), stated on 30 June 2024.

Baseline: the loop a user writes with the per-invoice engine: walk the payments in date
order, give each to the oldest open invoices (asking ``late_interest`` what each owes on
the payment day, from scratch, with the payments it already got), then one
``late_interest`` per invoice for the statement. payterms' ``account_statement`` does the
same allocation and the same statement; the script checks that both give the same
allocation and totals, then prints each one's wall and CPU seconds and the ratios, for
``OLDEST_FIRST`` and ``DUE_ONEROUS_OLDEST`` (due invoices first, then the oldest; invoices
of one day pro rata).
``PRO_RATA`` asks what every open invoice owes at every payment: the user's loop then runs
``late_interest`` some 100 000 times over ever longer payment lists, so it is compared on
the first 30 payments only (the whole account is timed for payterms alone).
"""

from __future__ import annotations

import random
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from itertools import groupby
from pathlib import Path
from typing import TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parent))

from payterms import (
    Allocation,
    Invoice,
    Payment,
    Receipt,
    account_statement,
    allocate,
    late_interest,
)
from payterms.law import regime

AS_OF = date(2024, 6, 30)
T = TypeVar("T")


def account(seed: int = 7) -> tuple[list[Invoice], list[Receipt]]:
    """Return the invoices and payments of the benchmark account."""
    rng = random.Random(seed)  # noqa: S311 - reproducible test data
    start = date(2023, 1, 2)
    invoices = []
    for k in range(1000):
        issued = start + timedelta(days=rng.randint(0, 360))
        amount = Decimal(rng.randint(100, 500_000)).scaleb(-2)
        invoices.append(Invoice(f"F-{k:04d}", "ACME", issued, issued + timedelta(30), amount))
    receipts = [
        Receipt(
            start + timedelta(days=rng.randint(1, 540)),
            Decimal(rng.randint(10_000, 2_000_000)).scaleb(-2),
        )
        for _ in range(300)
    ]
    return invoices, receipts


def naive(
    invoices: list[Invoice], receipts: list[Receipt], policy: Allocation = Allocation.OLDEST_FIRST
) -> tuple[dict[str, list[Payment]], Decimal]:
    """Return each invoice's payments and the total outstanding, the way a user writes it."""
    be = regime("BE")
    paid: dict[str, list[Payment]] = {inv.id: [] for inv in invoices}
    settled: set[str] = set()
    ordered = sorted(invoices, key=lambda i: (i.issued, i.due))

    def owed(inv: Invoice, day: date) -> Decimal:
        if day <= inv.due:
            return inv.amount - sum((p.amount for p in paid[inv.id]), Decimal(0))
        return late_interest(inv.amount, due=inv.due, until=day, regime=be,
                             payments=paid[inv.id]).total_outstanding  # fmt: skip

    for receipt in sorted(receipts, key=lambda r: r.date):
        day, left = receipt.date, receipt.amount
        candidates = [i for i in ordered if i.issued <= day and i.id not in settled]
        if policy is Allocation.PRO_RATA:
            groups = [candidates]
        elif policy is Allocation.OLDEST_FIRST:
            groups = [[i] for i in candidates]
        else:  # one statutory rate in Belgium: due first, then the oldest; one day pro rata
            groups = [
                list(group)
                for _, group in groupby(candidates, key=lambda i: (i.due > day, i.issued))
            ]
            groups.sort(key=lambda g: (g[0].due > day, g[0].issued))
        for group in groups:
            if not left:
                break
            debts = [owed(inv, day) for inv in group]
            total = sum(debts, Decimal(0))
            if not total:
                continue
            parts = debts if left >= total else list(allocate(left, debts, "EUR"))
            for inv, part, debt in zip(group, parts, debts, strict=True):
                if part:
                    paid[inv.id].append(Payment(day, part))
                    left -= part
                    if part == debt:
                        settled.add(inv.id)
    total = Decimal(0)
    for inv in invoices:
        if inv.due < AS_OF:
            total += late_interest(inv.amount, due=inv.due, until=AS_OF, regime=be,
                                   payments=paid[inv.id]).total_outstanding  # fmt: skip
        else:
            total += inv.amount - sum((p.amount for p in paid[inv.id]), Decimal(0))
    return paid, total


def timed(fn: Callable[[], T]) -> tuple[float, float, T]:
    """Return the wall seconds *fn* takes, the CPU seconds of this process and what it returns.

    On a loaded machine the CPU time leaves out the time the process waited for a core.
    """
    wall, cpu = time.perf_counter(), time.process_time()
    out = fn()
    return time.perf_counter() - wall, time.process_time() - cpu, out


def compare(
    invoices: list[Invoice], receipts: list[Receipt], policy: Allocation, label: str
) -> None:
    """Time payterms and the user's loop on one account, check they agree, print the ratio."""
    base_wall, base_cpu, (paid, base_total) = timed(lambda: naive(invoices, receipts, policy))
    ours_wall, ours_cpu, st = timed(
        lambda: account_statement(invoices, receipts, as_of=AS_OF, regime="BE", allocation=policy)
    )
    shares: dict[str, list[Decimal]] = {inv.id: [] for inv in invoices}
    for a in st.applied:
        shares[a.invoice].append(a.amount)
    assert shares == {k: [p.amount for p in v] for k, v in paid.items()}, "allocations differ"
    assert st.outstanding == base_total, (st.outstanding, base_total)
    print(
        f"account of 1000 invoices, {label}, {policy.name}: payterms wall {ours_wall:6.2f} s"
        f" cpu {ours_cpu:6.2f} s   per-invoice loop wall {base_wall:6.2f} s cpu {base_cpu:6.2f} s"
        f"   ratio wall {base_wall / ours_wall:5.2f}x cpu {base_cpu / ours_cpu:5.2f}x"
    )


def main() -> None:
    invoices, receipts = account()
    compare(invoices, receipts, Allocation.OLDEST_FIRST, "300 payments")
    compare(invoices, receipts, Allocation.DUE_ONEROUS_OLDEST, "300 payments")
    first = sorted(receipts, key=lambda r: r.date)[:30]
    compare(invoices, first, Allocation.PRO_RATA, "first 30 payments")
    wall, cpu, _ = timed(
        lambda: account_statement(
            invoices, receipts, as_of=AS_OF, regime="BE", allocation=Allocation.PRO_RATA
        )
    )
    print(
        f"account of 1000 invoices, 300 payments, PRO_RATA: payterms wall {wall:6.2f} s"
        f" cpu {cpu:6.2f} s"
    )


if __name__ == "__main__":
    main()

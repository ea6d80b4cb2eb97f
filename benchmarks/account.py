"""An account statement: 1 000 invoices and 300 payments of one debtor, against a user's loop.

Run: ``python benchmarks/account.py``. The account: 1 000 Belgian invoices of 2023 (amounts
from 1.00 to 5 000.00, due 30 days after their date) and 300 payments that name no invoice
(100.00 to 20 000.00, spread over 2023 and the first half of 2024), stated on 30 June 2024.

Baseline: the loop a user writes with the per-invoice engine: walk the payments in date
order, give each to the oldest open invoices (asking ``late_interest`` what each owes on
the payment day, from scratch, with the payments it already got), then one
``late_interest`` per invoice for the statement. payterms' ``account_statement`` does the
same allocation (``OLDEST_FIRST``) and the same statement; the script checks that both give
the same allocation and totals, then prints each one's time and the ratio. The other
policies are timed too (``PRO_RATA`` asks what every open invoice owes at every payment).
"""

from __future__ import annotations

import random
import sys
import time
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from payterms import (
    Allocation,
    Invoice,
    Payment,
    Receipt,
    account_statement,
    late_interest,
)
from payterms.law import regime

AS_OF = date(2024, 6, 30)


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
    invoices: list[Invoice], receipts: list[Receipt]
) -> tuple[dict[str, list[Payment]], Decimal]:
    """Return each invoice's payments and the total outstanding, the way a user writes it."""
    be = regime("BE")
    paid: dict[str, list[Payment]] = {inv.id: [] for inv in invoices}
    settled: set[str] = set()
    ordered = sorted(invoices, key=lambda i: (i.issued, i.due))
    for receipt in sorted(receipts, key=lambda r: r.date):
        left = receipt.amount
        for inv in ordered:
            if not left:
                break
            if inv.id in settled or inv.issued > receipt.date:
                continue
            if receipt.date <= inv.due:
                owed = inv.amount - sum((p.amount for p in paid[inv.id]), Decimal(0))
            else:
                res = late_interest(inv.amount, due=inv.due, until=receipt.date, regime=be,
                                    payments=paid[inv.id])  # fmt: skip
                owed = res.total_outstanding
            take = min(left, owed)
            if take:
                paid[inv.id].append(Payment(receipt.date, take))
                left -= take
            if take == owed:
                settled.add(inv.id)
    total = Decimal(0)
    for inv in invoices:
        if inv.due < AS_OF:
            total += late_interest(inv.amount, due=inv.due, until=AS_OF, regime=be,
                                   payments=paid[inv.id]).total_outstanding  # fmt: skip
        else:
            total += inv.amount - sum((p.amount for p in paid[inv.id]), Decimal(0))
    return paid, total


def timed(fn: object) -> tuple[float, object]:
    start = time.perf_counter()
    out = fn()  # type: ignore[operator]
    return time.perf_counter() - start, out


def main() -> None:
    invoices, receipts = account()
    base_time, (paid, base_total) = timed(lambda: naive(invoices, receipts))
    ours_time, st = timed(
        lambda: account_statement(
            invoices, receipts, as_of=AS_OF, regime="BE", allocation=Allocation.OLDEST_FIRST
        )
    )
    shares: dict[str, list[Decimal]] = {inv.id: [] for inv in invoices}
    for a in st.applied:  # type: ignore[attr-defined]
        shares[a.invoice].append(a.amount)
    assert shares == {k: [p.amount for p in v] for k, v in paid.items()}, "allocations differ"
    assert st.outstanding == base_total, (st.outstanding, base_total)  # type: ignore[attr-defined]
    print(
        f"account of 1000 invoices, 300 payments, oldest first: payterms {ours_time:7.2f} s"
        f"   per-invoice loop {base_time:7.2f} s   ratio {base_time / ours_time:6.2f}x"
    )
    for policy in (Allocation.DUE_ONEROUS_OLDEST, Allocation.PRO_RATA):
        seconds, _ = timed(
            lambda policy=policy: account_statement(
                invoices, receipts, as_of=AS_OF, regime="BE", allocation=policy
            )
        )
        print(f"account of 1000 invoices, 300 payments, {policy.name}: payterms {seconds:7.2f} s")


if __name__ == "__main__":
    main()

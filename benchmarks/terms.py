"""Payment terms: one schedule against the code a user would otherwise write.

Run: ``python benchmarks/terms.py``. The baseline is the naive per-invoice code with
``dateutil.relativedelta`` (``start + relativedelta(days=30)``, an amount rounded with
``quantize``, the discount from the same), the way peer systems compute a term. The target
for ``schedule()`` on a one-instalment term is a median of 10 µs or less.
"""

from __future__ import annotations

import sys
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from dateutil.relativedelta import relativedelta

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _timing import median_us, report

from payterms import DueRule, Installment, PaymentTerms

CENT = Decimal("0.01")
TARGET_US = 10.0


def naive_net(start: date, amount: Decimal) -> tuple[date, Decimal]:
    return start + relativedelta(days=30), amount.quantize(CENT, rounding=ROUND_HALF_UP)


def naive_eom(start: date, amount: Decimal) -> tuple[date, Decimal]:
    end = start + relativedelta(day=31)
    return end + relativedelta(days=45), amount.quantize(CENT, rounding=ROUND_HALF_UP)


def naive_discount(start: date, amount: Decimal) -> tuple[date, Decimal, date, Decimal]:
    total = amount.quantize(CENT, rounding=ROUND_HALF_UP)
    discount = (total * Decimal(2) / 100).quantize(CENT, rounding=ROUND_HALF_UP)
    return start + relativedelta(days=30), total, start + relativedelta(days=10), total - discount


def naive_split(start: date, amount: Decimal) -> list[tuple[date, Decimal]]:
    total = amount.quantize(CENT, rounding=ROUND_HALF_UP)
    first = (total * Decimal(30) / 100).quantize(CENT, rounding=ROUND_HALF_UP)
    return [(start, first), (start + relativedelta(months=1, day=31), total - first)]


def main() -> None:
    start = date(2026, 1, 15)
    amount = Decimal("1210.00")
    net = PaymentTerms.net(30)
    eom = PaymentTerms.end_of_month(45)
    two_ten = net.with_discount(Decimal("2"), "10D")
    split = PaymentTerms(
        installments=(Installment.percent(Decimal("30"), "0D"), Installment.balance("1M+CM"))
    )
    rule = DueRule.parse("CM+45D")

    ours = median_us(lambda: net.schedule(start, amount))
    report("schedule(): net 30", ours, median_us(lambda: naive_net(start, amount)), "dateutil")
    report(
        "schedule(): 45 days end of month",
        median_us(lambda: eom.schedule(start, amount)),
        median_us(lambda: naive_eom(start, amount)),
        "dateutil",
    )
    report(
        "schedule(): 2/10 net 30",
        median_us(lambda: two_ten.schedule(start, amount)),
        median_us(lambda: naive_discount(start, amount)),
        "dateutil",
    )
    report(
        "schedule(): 30 % now, rest end of next month",
        median_us(lambda: split.schedule(start, amount)),
        median_us(lambda: naive_split(start, amount)),
        "dateutil",
    )
    report(
        "DueRule.apply(): CM+45D",
        median_us(lambda: rule.apply(start)),
        median_us(lambda: start + relativedelta(day=31) + relativedelta(days=45)),
        "dateutil",
    )
    report(
        "due_date(): net 30",
        median_us(lambda: net.due_date(start)),
        median_us(lambda: start + relativedelta(days=30)),
        "dateutil",
    )
    verdict = "meets" if ours <= TARGET_US else "MISSES"
    print(
        f"one-instalment schedule(): median {ours:.2f} us, {verdict} the {TARGET_US:.0f} us target"
    )


if __name__ == "__main__":
    main()

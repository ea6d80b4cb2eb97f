"""Discount and financing arithmetic: payterms against the one-liners a user would write.

Run: ``python benchmarks/discount.py``. Baselines: the float formulas (``d / (1 - d) *
365 / t``, ``(1 + i) ** (365 / t) - 1``, ``A * r * n / 365``), which are fast but inexact,
and the same formulas on Decimal in the ambient context with ``**`` (exact inputs, no
argument checks, no rounding to the cent). Ratios above 1 mean payterms is faster.
"""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from datetime import date, timedelta

from _timing import median_us, report

from payterms import (
    FinancingMethod,
    Payer,
    PaymentRun,
    PaymentTerms,
    RateMethod,
    compare_terms,
    discount_cost,
    discount_decision,
    financing_cost,
    price_uplift,
    term_cost,
)
from payterms.discount import _compound


def main() -> None:
    two, d = Decimal(2), Decimal("0.02")
    amount, rate = Decimal("10000"), Decimal("0.08")
    fd, famount, frate = 0.02, 10000.0, 0.08

    simple = median_us(lambda: discount_cost(two, 10, 30))
    report("discount_cost SIMPLE", simple, median_us(lambda: fd / (1 - fd) * 365 / 20), "float")
    report(
        "discount_cost SIMPLE",
        simple,
        median_us(lambda: d / (1 - d) * 365 / 20),
        "Decimal",
    )
    compound = median_us(lambda: discount_cost(two, 10, 30, method=RateMethod.COMPOUND))
    report(
        "discount_cost COMPOUND",
        compound,
        median_us(lambda: (1 + fd / (1 - fd)) ** (365 / 20) - 1),
        "float",
    )
    report(
        "discount_cost COMPOUND",
        compound,
        median_us(lambda: (1 + d / (1 - d)) ** (Decimal(365) / 20) - 1),
        "Decimal",
    )

    def cold() -> None:  # a new rate every call: the memoised logarithm cannot help
        _compound.cache_clear()
        discount_cost(two, 10, 30, method=RateMethod.COMPOUND)

    report(
        "discount_cost COMPOUND, cold cache",
        median_us(cold),
        median_us(lambda: (1 + d / (1 - d)) ** (Decimal(365) / 20) - 1),
        "Decimal",
    )
    report(
        "discount_decision with amount",
        median_us(lambda: discount_decision(two, 10, 30, rate, amount=amount)),
        median_us(lambda: (fd / (1 - fd) * 365 / 20 > frate, famount * fd)),
        "float",
    )
    cost = median_us(lambda: financing_cost(amount, 30, rate))
    report("financing_cost SIMPLE", cost, median_us(lambda: famount * frate * 30 / 365), "float")
    report(
        "financing_cost SIMPLE",
        cost,
        median_us(lambda: (amount * rate * 30 / 365).quantize(Decimal("0.01"))),
        "Decimal",
    )
    report(
        "financing_cost PRESENT_VALUE",
        median_us(lambda: financing_cost(amount, 30, rate, method=FinancingMethod.PRESENT_VALUE)),
        median_us(lambda: famount * (1 - (1 + frate) ** (-30 / 365))),
        "float",
    )
    report(
        "price_uplift SIMPLE",
        median_us(lambda: price_uplift(amount, 30, rate)),
        median_us(lambda: famount * (1 + frate * 30 / 365)),
        "float",
    )
    terms = PaymentTerms.net(60)
    day = date(2026, 1, 15)
    report(
        "term_cost net 60",
        median_us(lambda: term_cost(terms, amount, invoice_date=day, rate=rate)),
        median_us(lambda: famount * frate * ((day + timedelta(days=60)) - day).days / 365),
        "float",
    )
    payer = Payer(runs=PaymentRun.monthly(10, 25), approval_days=5, transfer_days=1)
    report(
        "term_cost net 60 with a payer (runs, approval)",
        median_us(lambda: term_cost(terms, amount, invoice_date=day, rate=rate, payer=payer)),
        median_us(lambda: famount * frate * 60 / 365),
        "float",
    )
    candidates = [PaymentTerms.net(n) for n in (30, 45, 60, 90)]
    report(
        "compare_terms, 4 candidates",
        median_us(lambda: compare_terms(candidates, amount, invoice_date=day, rate=rate)),
        median_us(lambda: sorted(famount * frate * n / 365 for n in (30, 45, 60, 90))),
        "float",
    )
    # What the float baseline gets wrong: the 2/10 net 30 effective rate and a cent amount.
    exact = discount_cost(two, 10, 30, method=RateMethod.COMPOUND)
    approx = (1 + fd / (1 - fd)) ** (365 / 20) - 1
    print(f"compound 2/10 net 30: payterms {exact}  float {approx!r}")
    print(f"float 0.1 + 0.2 style drift in money: {famount * frate * 30 / 365!r}")


if __name__ == "__main__":
    main()

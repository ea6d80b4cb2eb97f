"""The open book: a 52-week cash-in forecast and a what-if comparison, against per-invoice loops.

Run: ``python benchmarks/forecast.py [invoices] [customers] [loop sample]`` (default 100 000
invoices over 500 customers, the loops timed on 3 000 invoices and scaled linearly). Wall
and CPU seconds are printed: on a loaded machine the CPU time of this process is the
steadier figure.

* Forecast: ``cash_forecast`` of 100 000 open invoices, each customer paying in its own
  runs with its own lateness distribution (about ten values), by week over 52 weeks. The
  baseline is the loop a user would write with the single-invoice function: for each
  invoice ``payment_forecast`` (its cash dates and probabilities), the outcomes after
  ``as_of`` renormalised, the amount times each probability added to its week.
* What-if: ``compare_scenarios`` of a year's sales plan of 100 000 invoices under 3
  scenarios (every customer on net 45; 2/10 offered with a 30 % uptake; a 30 % deposit at
  order) plus the baseline. The baseline loop does, per scenario and invoice, what the
  comparison does: ``payment_forecast`` of each part (the deposit, the discount takers,
  the rest), the cash by month, the financing cost, and ``dso`` on invoices built from
  the expected payments.

The loops are timed on a sample and scaled to the whole book (they are linear in the
invoices); their totals are checked against the library's on that sample first.
"""

from __future__ import annotations

import random
import sys
import time
from collections import defaultdict
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))

from payterms import (
    DiscountTier,
    DsoMethod,
    Invoice,
    Lateness,
    Payer,
    PaymentRun,
    PaymentTerms,
    Scenario,
    cash_forecast,
    compare_scenarios,
    dso,
    payment_forecast,
)
from payterms.forecast import Frequency

AS_OF = date(2026, 6, 30)
TERMS = (
    PaymentTerms.net(30),
    PaymentTerms.end_of_month(30),
    PaymentTerms.net(60),
    PaymentTerms.end_of_month(45),
)
RATE = Decimal("0.06")


def payers(customers: int, rng: random.Random) -> dict[str, Payer]:
    out = {}
    for c in range(customers):
        if rng.random() < 0.6:
            days = rng.sample(range(1, 29), rng.randint(1, 2))
            run = PaymentRun.monthly(*days)
        else:
            run = PaymentRun.weekly(rng.randint(0, 4))
        delays = [max(-3, int(rng.gauss(5, 10))) for _ in range(20)]
        out[f"C{c:03d}"] = Payer(
            runs=run,
            approval_days=rng.choice((0, 0, 2, 5)),
            transfer_days=rng.choice((0, 1)),
            extra_delay_days=Lateness.empirical(delays),
        )
    return out


def open_book(n: int, names: list[str], rng: random.Random) -> pd.DataFrame:
    issued = [AS_OF - timedelta(days=rng.randint(0, 120)) for _ in range(n)]
    terms = [rng.choice(TERMS) for _ in range(n)]
    return pd.DataFrame(
        {
            "id": [f"F-{i}" for i in range(n)],
            "customer": [rng.choice(names) for _ in range(n)],
            "issued": issued,
            "due": [t.due_date(d) for t, d in zip(terms, issued, strict=True)],
            "terms": terms,
            "amount": [Decimal(rng.randint(1000, 2_000_000)).scaleb(-2) for _ in range(n)],
        }
    )


def sales_plan(n: int, names: list[str], rng: random.Random) -> pd.DataFrame:
    completed = [date(2026, 1, 1) + timedelta(days=rng.randint(0, 364)) for _ in range(n)]
    amounts = [Decimal(rng.randint(1000, 2_000_000)).scaleb(-2) for _ in range(n)]
    return pd.DataFrame(
        {
            "customer": [rng.choice(names) for _ in range(n)],
            "amount": amounts,
            "completed": completed,
            "sent": completed,
            "ordered": [d - timedelta(days=rng.randint(5, 40)) for d in completed],
            "terms": [rng.choice(TERMS) for _ in range(n)],
        }
    )


# --------------------------------------------------------------------------- the loops


def _week(day: date) -> date:
    return day - timedelta(days=day.weekday())


def naive_forecast(book: pd.DataFrame, table: dict[str, Payer]) -> dict[date, Decimal]:
    """Return the expected receipts by week, invoice by invoice (the user's loop)."""
    last = AS_OF + timedelta(weeks=52)
    weeks: dict[date, Decimal] = defaultdict(Decimal)
    for row in book.itertuples():
        fc = payment_forecast(row.terms, row.issued, table[row.customer])
        kept = [(p, e.cash_date) for p, e in fc.outcomes if e.cash_date > AS_OF]
        total = sum((p for p, _ in kept), start=Fraction(0))
        for p, cash in kept:
            if cash <= last:
                share = p / total
                weeks[_week(cash)] += row.amount * share.numerator / share.denominator
    return weeks


def naive_whatif(plan: pd.DataFrame, table: dict[str, Payer]) -> dict[str, tuple[Any, ...]]:
    """Return (cash by month, financing, DSO) per scenario, invoice by invoice."""
    scenarios = ("baseline", "45 days", "2/10", "deposit")
    out = {}
    for name in scenarios:
        months: dict[date, Decimal] = defaultdict(Decimal)
        financing = Decimal(0)
        invoices = []
        for i, row in enumerate(plan.itertuples()):
            payer = table[row.customer]
            terms = PaymentTerms.net(45) if name == "45 days" else row.terms
            parts: list[tuple[date, date, Decimal, PaymentTerms]] = []  # issued, start, amount
            amount = row.amount
            if name == "deposit":
                deposit = (amount * Decimal("0.3")).quantize(Decimal("0.01"))
                parts.append((row.ordered, row.ordered, deposit, PaymentTerms.on_receipt()))
                amount -= deposit
            if name == "2/10":
                taker = (amount * Decimal("0.3")).quantize(Decimal("0.01"))
                window = terms.with_discount(2, "10D").schedule(row.sent, taker).discounts[0]
                run = payer.run_on_or_before(window.last_day, received=row.sent)
                if run is not None:
                    cash = payer.cash_date(run)
                    paid = window.payable
                    months[cash.replace(day=1)] += paid
                    financing += paid * RATE * (cash - row.completed).days / 365
                    invoices.append(Invoice(f"T{i}", "x", row.sent, window.last_day, taker,
                                            payments=((cash, taker),)))  # fmt: skip
                    amount -= taker
            parts.append((row.sent, row.sent, amount, terms))
            for issued, sent, value, part_terms in parts:
                fc = payment_forecast(part_terms, sent, payer)
                payments = []
                for p, e in fc.outcomes:
                    share = value * p.numerator / p.denominator
                    months[e.cash_date.replace(day=1)] += share
                    financing += share * RATE * (e.cash_date - row.completed).days / 365
                    payments.append((e.cash_date, share))
                due = part_terms.due_date(sent)
                invoices.append(Invoice(f"I{i}", "x", issued, max(due, issued), value,
                                        payments=tuple(payments)))  # fmt: skip
        dsos = tuple(
            dso(invoices, as_of=date(2026, 12, 31), method=m)
            for m in (DsoMethod.COUNTBACK, DsoMethod.SIMPLE)
        )
        out[name] = (dict(months), financing, dsos)
    return out


# --------------------------------------------------------------------------- timing


def timed(fn: Any) -> tuple[float, float, Any]:
    """Return (wall seconds, CPU seconds of this process, result) of one call."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = fn()
    return time.perf_counter() - wall, time.process_time() - cpu, result


def line(name: str, ours: tuple[float, float], loop: tuple[float, float], scale: float) -> None:
    """Print our wall and CPU times, the loop's scaled to the whole book, and the ratios."""
    print(
        f"{name:<22} payterms wall {ours[0]:7.2f} s cpu {ours[1]:7.2f} s   per-invoice loop "
        f"(est.) wall {loop[0] * scale:8.1f} s cpu {loop[1] * scale:8.1f} s   ratio "
        f"wall {loop[0] * scale / ours[0]:5.1f}x cpu {loop[1] * scale / ours[1]:5.1f}x"
    )


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    customers = int(sys.argv[2]) if len(sys.argv) > 2 else 500
    sample = int(sys.argv[3]) if len(sys.argv) > 3 else 3_000
    rng = random.Random(16)  # noqa: S311 - reproducible sample, not a secret
    table = payers(customers, rng)
    names = sorted(table)
    book = open_book(n, names, rng)
    plan = sales_plan(n, names, rng)
    print(f"{n} open invoices, {customers} customers; loops timed on {sample} and scaled")

    # -- forecast: check the loop against the library on the sample, then time both
    small = book.iloc[:sample]
    ours_small = cash_forecast(small, table, as_of=AS_OF, horizon=52, freq=Frequency.WEEK)
    loop_wall, loop_cpu, loop_weeks = timed(lambda: naive_forecast(small, table))
    difference = abs(ours_small.in_horizon - sum(loop_weeks.values(), Decimal(0)))
    assert difference <= Decimal("0.01") * sample, difference  # cents of allocation apart
    wall, cpu, fc = timed(
        lambda: cash_forecast(book, table, as_of=AS_OF, horizon=52, freq=Frequency.WEEK)
    )
    line("52-week forecast", (wall, cpu), (loop_wall, loop_cpu), n / sample)
    print(f"  in horizon {fc.in_horizon:,} of {fc.open_total:,} EUR")

    # -- what-if: 3 scenarios and the baseline on a year's plan
    scenarios = [
        Scenario("45 days", terms=PaymentTerms.net(45)),
        Scenario("2/10", discount=DiscountTier(Decimal(2), "10D"), uptake="0.3"),
        Scenario("deposit", deposit="0.3"),
    ]
    plan_small = plan.iloc[:sample]
    loop_wall, loop_cpu, loop_result = timed(lambda: naive_whatif(plan_small, table))
    check = compare_scenarios(plan_small, table, scenarios, as_of=date(2026, 12, 31), rate=RATE)
    for name in ("baseline", "45 days", "deposit"):
        _, financing, _ = loop_result[name]
        assert abs(check[name].financing_cost - financing) <= Decimal("0.01") * sample, name
    wall, cpu, cmp = timed(
        lambda: compare_scenarios(plan, table, scenarios, as_of=date(2026, 12, 31), rate=RATE)
    )
    line("what-if, 3 scenarios", (wall, cpu), (loop_wall, loop_cpu), n / sample)
    for result in cmp.results:
        print(
            f"  {result.name:<10} financing {result.financing_cost:>14,}  "
            f"DSO countback {dict(result.dso)[DsoMethod.COUNTBACK]:6.1f}"
        )


if __name__ == "__main__":
    main()

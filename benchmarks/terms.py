"""Payment terms: one schedule against the code a user would otherwise write.

Run: ``python benchmarks/terms.py``. The baseline is the naive per-invoice code with
``dateutil.relativedelta`` (``start + relativedelta(days=30)``, an amount rounded with
``quantize``, the discount from the same; on a calendar, one day at a time while the day
is a weekend or in the ``holidays`` table), the way peer systems compute a term. Each
line times payterms and the baseline in turn, round after round, and prints the median
microseconds per call in wall time and in CPU time (``time.process_time``: on a machine
shared with other work, what the code itself costs), and the ratio. The targets for
``schedule()`` of "2/10 net 30" are 8 µs, and 12 µs on a calendar with FOLLOWING.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import holidays
from dateutil.relativedelta import relativedelta

sys.path.insert(0, str(Path(__file__).resolve().parent))

from payterms import Adjustment, BusinessCalendar, DueRule, Installment, PaymentTerms

CENT = Decimal("0.01")
TARGET_US = 8.0
CALENDAR_TARGET_US = 12.0
TABLE = holidays.country_holidays("BE", years=range(2025, 2028))


def naive_net(start: date, amount: Decimal) -> tuple[date, Decimal]:
    return start + relativedelta(days=30), amount.quantize(CENT, rounding=ROUND_HALF_UP)


def naive_eom(start: date, amount: Decimal) -> tuple[date, Decimal]:
    end = start + relativedelta(day=31)
    return end + relativedelta(days=45), amount.quantize(CENT, rounding=ROUND_HALF_UP)


def naive_discount(start: date, amount: Decimal) -> tuple[date, Decimal, date, Decimal]:
    total = amount.quantize(CENT, rounding=ROUND_HALF_UP)
    discount = (total * Decimal(2) / 100).quantize(CENT, rounding=ROUND_HALF_UP)
    return start + relativedelta(days=30), total, start + relativedelta(days=10), total - discount


def following(day: date) -> date:
    while day.weekday() >= 5 or day in TABLE:
        day += timedelta(days=1)
    return day


def naive_discount_following(start: date, amount: Decimal) -> tuple[date, Decimal, date, Decimal]:
    due, total, last_day, payable = naive_discount(start, amount)
    return following(due), total, following(last_day), payable


def naive_split(start: date, amount: Decimal) -> list[tuple[date, Decimal]]:
    total = amount.quantize(CENT, rounding=ROUND_HALF_UP)
    first = (total * Decimal(30) / 100).quantize(CENT, rounding=ROUND_HALF_UP)
    return [(start, first), (start + relativedelta(months=1, day=31), total - first)]


def per_call_us(
    ours: Callable[[], object], baseline: Callable[[], object], *, rounds: int = 9
) -> tuple[tuple[float, float], tuple[float, float]]:
    """Return the median (wall, CPU) microseconds per call of *ours* and of *baseline*.

    The two run in turn, round after round (each round long enough to read the CPU
    clock), so that a busy machine slows both alike.
    """
    number = 1
    while True:
        start = time.process_time()
        for _ in range(number):
            ours()
        if time.process_time() - start > 0.04:
            break
        number *= 2
    samples: list[list[float]] = [[], [], [], []]
    for _ in range(rounds):
        for k, fn in enumerate((ours, baseline)):
            wall, cpu = time.perf_counter(), time.process_time()
            for _ in range(number):
                fn()
            samples[2 * k].append((time.perf_counter() - wall) / number * 1e6)
            samples[2 * k + 1].append((time.process_time() - cpu) / number * 1e6)
    medians = [statistics.median(s) for s in samples]
    return (medians[0], medians[1]), (medians[2], medians[3])


def report(name: str, ours: Callable[[], object], baseline: Callable[[], object]) -> float:
    """Print one line (wall and CPU µs per call, and the ratios); return our CPU µs."""
    (wall, cpu), (base_wall, base_cpu) = per_call_us(ours, baseline)
    print(
        f"{name:<40} payterms {wall:7.2f} us wall {cpu:7.2f} CPU   dateutil {base_wall:7.2f} "
        f"wall {base_cpu:7.2f} CPU   ratio {base_wall / wall:5.2f}x wall {base_cpu / cpu:5.2f}x CPU"
    )
    return cpu


def verdict(name: str, cpu: float, target: float) -> None:
    meets = "meets" if cpu <= target else "MISSES"
    print(f"{name}: median {cpu:.2f} us CPU, {meets} the {target:.0f} us target")


def main() -> None:
    start = date(2026, 1, 15)
    amount = Decimal("1210.00")
    calendar = BusinessCalendar.country("BE")
    net = PaymentTerms.net(30)
    eom = PaymentTerms.end_of_month(45)
    two_ten = net.with_discount(Decimal("2"), "10D")
    split = PaymentTerms(
        installments=(Installment.percent(Decimal("30"), "0D"), Installment.balance("1M+CM"))
    )
    rule = DueRule.parse("CM+45D")
    fol = Adjustment.FOLLOWING
    # the results agree with the baselines before anything is timed
    assert naive_discount(start, amount) == (
        two_ten.due_date(start),
        two_ten.schedule(start, amount).amount,
        two_ten.schedule(start, amount).discounts[0].last_day,
        two_ten.schedule(start, amount).discounts[0].payable,
    )
    for day in (date(2026, 3, 20), date(2026, 4, 20), date(2026, 12, 11)):
        on_calendar = two_ten.schedule(day, amount, calendar=calendar, adjustment=fol)
        assert naive_discount_following(day, amount) == (
            on_calendar.final_due,
            on_calendar.amount,
            on_calendar.discounts[0].last_day,
            on_calendar.discounts[0].payable,
        )

    report(
        "schedule(): net 30", lambda: net.schedule(start, amount), lambda: naive_net(start, amount)
    )
    report(
        "schedule(): 45 days end of month",
        lambda: eom.schedule(start, amount),
        lambda: naive_eom(start, amount),
    )
    plain = report(
        "schedule(): 2/10 net 30",
        lambda: two_ten.schedule(start, amount),
        lambda: naive_discount(start, amount),
    )
    calendar_cpu = report(
        "schedule(): 2/10 net 30, BE FOLLOWING",
        lambda: two_ten.schedule(start, amount, calendar=calendar, adjustment=fol),
        lambda: naive_discount_following(start, amount),
    )
    report(
        "schedule(): 30 % now, rest end of next mo.",
        lambda: split.schedule(start, amount),
        lambda: naive_split(start, amount),
    )
    report(
        "DueRule.apply(): CM+45D",
        lambda: rule.apply(start),
        lambda: start + relativedelta(day=31) + relativedelta(days=45),
    )
    report(
        "due_date(): net 30",
        lambda: net.due_date(start),
        lambda: start + relativedelta(days=30),
    )
    verdict("schedule() 2/10 net 30", plain, TARGET_US)
    verdict("schedule() 2/10 net 30 on a calendar", calendar_cpu, CALENDAR_TARGET_US)


if __name__ == "__main__":
    main()

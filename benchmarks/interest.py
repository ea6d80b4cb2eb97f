"""Late interest: payterms against the day-by-day loop a user would otherwise write.

Run: ``python benchmarks/interest.py``. The case is one invoice under the German regime
(Basiszinssatz + 8 points, obligation of 2013) due 31 December 2013 and paid on
31 December 2025: ten rate periods (one per change of the Basiszinssatz). Baseline: a
loop over every late day that looks the rate up in a list of (valid_from, rate) pairs
and adds principal x rate / 36 500 (what the issue trackers show users writing), and the
same loop over periods instead of days. Target: payterms <= 50 us median. The CPU-time
median is printed too: on a shared machine the wall-clock median also counts the time
other processes hold the cores.
"""

from __future__ import annotations

import statistics
import sys
import time
from bisect import bisect_right
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _timing import median_us, report

from payterms import late_interest
from payterms.law import rate_table, regime

PRINCIPAL = Decimal("10000")
DUE = date(2013, 12, 31)
UNTIL = date(2025, 12, 31)


def cpu_median_us(fn: object, *, number: int = 2000, repeat: int = 7) -> float:
    """Median CPU time of one call in microseconds (immune to other processes' load)."""
    samples = []
    for _ in range(repeat):
        start = time.process_time()
        for _ in range(number):
            fn()  # type: ignore[operator]
        samples.append((time.process_time() - start) / number * 1e6)
    return statistics.median(samples)


def main() -> None:
    de = regime("DE", contract_date=date(2013, 6, 1))
    result = late_interest(PRINCIPAL, due=DUE, until=UNTIL, regime=de)
    assert len(result.periods) == 10, result.periods

    table = rate_table("de_basiszinssatz")
    starts = [e.valid_from for e in table.entries]
    rates = [e.rate + 8 for e in table.entries if e.rate is not None]

    def by_day() -> Decimal:
        total = Decimal(0)
        day = DUE + timedelta(days=1)
        while day <= UNTIL:
            total += PRINCIPAL * rates[bisect_right(starts, day) - 1] / 36500
            day += timedelta(days=1)
        return total.quantize(Decimal("0.01"))

    def by_period() -> Decimal:
        total = Decimal(0)
        cuts = [d for d in starts if DUE < d <= UNTIL]
        cursor = DUE + timedelta(days=1)
        for cut in [*cuts, UNTIL + timedelta(days=1)]:
            days = (cut - cursor).days
            total += PRINCIPAL * rates[bisect_right(starts, cursor) - 1] * days / 36500
            cursor = cut
        return total.quantize(Decimal("0.01"))

    assert abs(by_period() - result.interest) <= Decimal("0.01")

    ours = median_us(lambda: late_interest(PRINCIPAL, due=DUE, until=UNTIL, regime=de))
    cpu = cpu_median_us(lambda: late_interest(PRINCIPAL, due=DUE, until=UNTIL, regime=de))
    print(
        f"late_interest, 10 rate periods: median {ours:.1f} us wall, {cpu:.1f} us CPU"
        " (target <= 50 us)"
    )
    report("late_interest (10 periods) vs day loop", ours, median_us(by_day), "day loop")
    report("late_interest (10 periods) vs period loop", ours, median_us(by_period), "period loop")
    # the ECB rate is confirmed up to 2025-06-10, so the Directive's rate up to 2025 H1
    eu_until = date(2025, 6, 30)
    eu = late_interest(PRINCIPAL, due=DUE, until=eu_until, regime="EU")
    with_code = median_us(lambda: late_interest(PRINCIPAL, due=DUE, until=eu_until, regime="EU"))
    print(
        f"late_interest, regime given as a code ('EU', {len(eu.periods)} periods): "
        f"median {with_code:.1f} us"
    )


if __name__ == "__main__":
    main()

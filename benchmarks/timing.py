"""Send timing: expected payment date and send-date table against a hand-written loop.

Run: ``python benchmarks/timing.py``. The baseline is the code a user would otherwise
write: the due date with ``relativedelta``, approval days counted in a loop over the
``holidays`` calendar, the first run from a dateutil ``rrule`` (``after``) rolled forward
over weekends and holidays and past the closure, then the bank day. Both give the same
dates (checked below before timing). Targets: ``expected_payment_date`` median 30 µs or
less; ``send_date_table`` over 60 send days 2 ms or less.
"""

from __future__ import annotations

import sys
from datetime import date, datetime, timedelta
from pathlib import Path

import holidays
from dateutil.relativedelta import relativedelta
from dateutil.rrule import MONTHLY, rrule

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _timing import median_us, report

from payterms import (
    BusinessCalendar,
    Payer,
    PaymentRun,
    PaymentTerms,
    expected_payment_date,
    send_date_table,
)

TARGET_EXPECTED_US = 30.0
TARGET_TABLE_US = 2000.0

CLOSURE = (date(2026, 8, 1), date(2026, 8, 21))
PAYER = Payer(
    runs=PaymentRun.monthly(10, 25),
    calendar=BusinessCalendar.country("BE"),
    approval_days=5,
    transfer_days=1,
    closures=(CLOSURE,),
)
TERMS = PaymentTerms.end_of_month(30)  # CM+30D

BE = holidays.country_holidays("BE", years=range(2025, 2029))
RUNS = rrule(MONTHLY, bymonthday=(10, 25), dtstart=datetime(2025, 1, 1))


def _business(day: date) -> bool:
    return day.weekday() < 5 and day not in BE


def naive_expected(sent: date) -> date:
    due = sent + relativedelta(day=31) + relativedelta(days=30)
    registered = sent
    while not _business(registered):
        registered += timedelta(days=1)
    earliest, counted = registered, 0
    while counted < 5:
        earliest += timedelta(days=1)
        counted += _business(earliest)
    probe = datetime.combine(min(due, earliest) - timedelta(days=7), datetime.min.time())
    while True:
        occurrence = RUNS.after(probe, inc=True)
        run = occurrence.date()
        while not _business(run):
            run += timedelta(days=1)
        if run >= max(due, earliest) and not CLOSURE[0] <= run <= CLOSURE[1]:
            break
        probe = occurrence + timedelta(days=1)
    cash = run + timedelta(days=1)
    while not _business(cash):
        cash += timedelta(days=1)
    return cash


def naive_table(start: date, days: int) -> list[tuple[date, date, int]]:
    rows = []
    for k in range(days):
        sent = start + timedelta(days=k)
        cash = naive_expected(sent)
        rows.append((sent, cash, (cash - sent).days))
    return rows


def main() -> None:
    start = date(2026, 1, 1)
    for k in range(365):  # same answers before timing anything
        sent = start + timedelta(days=k)
        ours = expected_payment_date(TERMS, sent, PAYER)
        assert ours == naive_expected(sent), (sent, ours, naive_expected(sent))
    sent = date(2026, 1, 30)
    ours = median_us(lambda: expected_payment_date(TERMS, sent, PAYER))
    base = median_us(lambda: naive_expected(sent))
    report("expected_payment_date (CM+30D, runs 10/25)", ours, base, "rrule+holidays")
    verdict = "met" if ours <= TARGET_EXPECTED_US else "MISSED"
    print(f"  target <= {TARGET_EXPECTED_US:.0f} us: {verdict}")
    table_start = date(2026, 6, 15)
    ours_t = median_us(
        lambda: send_date_table(
            TERMS, PAYER, start=table_start, end=table_start + timedelta(days=59)
        )
    )
    base_t = median_us(lambda: naive_table(table_start, 60))
    report("send_date_table, 60 send days", ours_t, base_t, "rrule+holidays")
    print(
        f"  target <= {TARGET_TABLE_US:.0f} us: {'met' if ours_t <= TARGET_TABLE_US else 'MISSED'}"
    )


if __name__ == "__main__":
    main()

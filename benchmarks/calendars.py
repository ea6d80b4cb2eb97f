"""Business-day arithmetic: payterms against the loops a user would otherwise write.

Run: ``python benchmarks/calendars.py``. Baselines: the ``holidays`` package's own
``is_working_day`` / ``get_nth_working_day`` / ``get_working_days_count`` (day-by-day
loops over a lazily filled dict), and numpy's vectorised ``busday_offset`` per call.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import holidays

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _timing import median_us, report

from payterms import Adjustment, BusinessCalendar


def main() -> None:
    cal = BusinessCalendar.country("BE")
    base = holidays.country_holidays("BE", years=range(2025, 2028))
    day = date(2026, 5, 13)
    cal.add_business_days(day, 60)  # build the years once, as a long-lived calendar would

    report(
        "is_business_day",
        median_us(lambda: cal.is_business_day(day)),
        median_us(lambda: base.is_working_day(day)),
        "holidays",
    )
    report(
        "add_business_days(+20)",
        median_us(lambda: cal.add_business_days(day, 20)),
        median_us(lambda: base.get_nth_working_day(day, 20)),
        "holidays",
    )
    report(
        "add_business_days(+60)",
        median_us(lambda: cal.add_business_days(day, 60)),
        median_us(lambda: base.get_nth_working_day(day, 60)),
        "holidays",
    )
    end = date(2027, 5, 13)
    report(
        "business_days_between(1 year)",
        median_us(lambda: cal.business_days_between(day, end)),
        median_us(lambda: base.get_working_days_count(day, end)),
        "holidays",
    )
    report(
        "adjust(MODIFIED_FOLLOWING)",
        median_us(lambda: cal.adjust(date(2026, 5, 14), Adjustment.MODIFIED_FOLLOWING)),
        median_us(lambda: base.get_nth_working_day(date(2026, 5, 14), 0)),
        "holidays",
    )
    try:
        import numpy as np
    except ImportError:
        print("numpy not installed: skipping the numpy baseline")
        return
    hol = np.array(sorted(base), dtype="datetime64[D]")
    np_day = np.datetime64(day)
    bdc = np.busdaycalendar(holidays=hol)
    report(
        "add_business_days(+20) vs numpy per call",
        median_us(lambda: cal.add_business_days(day, 20)),
        median_us(lambda: np.busday_offset(np_day, 20, roll="forward", busdaycal=bdc)),
        "numpy",
    )


if __name__ == "__main__":
    main()

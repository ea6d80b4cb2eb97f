"""Hypothesis strategies shared by the test modules."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import strategies as st

from payterms.calendars import Adjustment
from payterms.money import MINOR_UNITS
from payterms.runs import LAST, PaymentRun

# Inside the years every shipped calendar covers and the published rate tables reach.
MIN_DATE = date(2000, 1, 1)
MAX_DATE = date(2060, 12, 31)


def dates(min_value: date = MIN_DATE, max_value: date = MAX_DATE) -> st.SearchStrategy[date]:
    """Plain dates (never datetimes) in [min_value, max_value]."""
    return st.dates(min_value=min_value, max_value=max_value)


def amounts(
    *, min_value: Decimal | int = 0, max_value: Decimal | int = 10**9, places: int = 2
) -> st.SearchStrategy[Decimal]:
    """Finite Decimal amounts with *places* decimals."""
    return st.decimals(
        min_value=min_value,
        max_value=max_value,
        places=places,
        allow_nan=False,
        allow_infinity=False,
    )


def currencies() -> st.SearchStrategy[str]:
    """ISO 4217 codes payterms knows (exponents 0, 2 and 3)."""
    return st.sampled_from(sorted(MINOR_UNITS))


# --------------------------------------------------------------------------- runs (#5)

RUN_ADJUSTMENTS = st.sampled_from(
    (Adjustment.FOLLOWING, Adjustment.PRECEDING, Adjustment.MODIFIED_FOLLOWING)
)


def run_dates(min_year: int = 2024, max_year: int = 2028) -> st.SearchStrategy[date]:
    """Dates in the years the run tests use (the BE/TARGET calendars cover them)."""
    return st.dates(min_value=date(min_year, 1, 1), max_value=date(max_year, 12, 31))


@st.composite
def monthly_runs(draw: st.DrawFn) -> PaymentRun:
    """A monthly run on 1-3 days (LAST possible), any cut-off, a common adjustment."""
    days = draw(
        st.lists(st.sampled_from([*range(1, 32), LAST]), min_size=1, max_size=3, unique=True)
    )
    cutoff = draw(st.none() | st.integers(1, 31))
    return PaymentRun.monthly(*days, adjustment=draw(RUN_ADJUSTMENTS), cutoff_day=cutoff)


@st.composite
def weekly_runs(draw: st.DrawFn) -> PaymentRun:
    """A weekly run on 1-2 weekdays, every 1-3 weeks from an anchor."""
    weekdays = draw(st.lists(st.integers(0, 6), min_size=1, max_size=2, unique=True))
    every = draw(st.integers(1, 3))
    anchor = draw(run_dates(2024, 2026)) if every > 1 else None
    return PaymentRun.weekly(
        *weekdays, every=every, anchor=anchor, adjustment=draw(RUN_ADJUSTMENTS)
    )


def payment_runs() -> st.SearchStrategy[PaymentRun]:
    """Any monthly or weekly payment run."""
    return monthly_runs() | weekly_runs()

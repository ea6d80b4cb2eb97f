"""Hypothesis strategies shared by the test modules."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import strategies as st

from payterms.money import MINOR_UNITS

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

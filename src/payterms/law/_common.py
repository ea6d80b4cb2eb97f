"""Notes shared by the regime modules: what the law leaves open, said once."""

from __future__ import annotations

__all__ = ["DAY_COUNT_365", "IMPUTATION_OPEN", "PAYMENT_DAY_COUNTED", "SEMESTER_SPLIT"]

DAY_COUNT_365 = (
    "day_count",
    "the law fixes no day count: actual days / 365 assumed (pass day_count= to change)",
)
PAYMENT_DAY_COUNTED = (
    "payment_day",
    "the law does not say whether the payment day bears interest: it is counted "
    "(pass payment_day= to change)",
)
SEMESTER_SPLIT = (
    "rate_split",
    "each half-year of a long claim bears that half-year's rate; practice is not "
    "confirmed (pass rate_split= to change)",
)
IMPUTATION_OPEN = (
    "imputation",
    "the law fixes no order for partial payments: interest, then principal assumed "
    "(pass imputation= to change)",
)

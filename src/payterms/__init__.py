"""payterms: the arithmetic of getting paid.

Payment terms and their due dates, business-day calendars, customer payment runs,
the cost of an early-payment discount, the financing cost of a term and statutory
late interest, as exact, typed, tested functions. Amounts are ``decimal.Decimal``;
dates are ``datetime.date``; every value is immutable.

>>> from datetime import date
>>> import payterms as pt
>>> pt.BusinessCalendar.TARGET.add_business_days(date(2026, 4, 2), 1)
datetime.date(2026, 4, 7)
"""

from payterms import law as law  # the statutory regimes: payterms.law.regime(...)
from payterms.calendars import Adjustment, BusinessCalendar, DayCount
from payterms.discount import (
    DiscountDecision,
    DiscountOffer,
    Party,
    RateMethod,
    TierChoice,
    TierStep,
    best_tier,
    breakeven_days,
    breakeven_discount,
    discount_cost,
    discount_decision,
    discount_offer,
    discount_tiers,
    rate_from_percent,
    rate_to_percent,
    tier_costs,
)
from payterms.dunning import DunningLadder
from payterms.errors import (
    CurrencyMismatch,
    InvalidArgument,
    InvalidTerms,
    InvalidType,
    OutsideCalendarRange,
    ParseError,
    PaytermsError,
    PaytermsWarning,
    RateNotPublished,
    UnknownCalendar,
    UnknownCurrency,
    UnknownRegime,
)
from payterms.financing import (
    FinancingMethod,
    InstallmentCost,
    Margin,
    TermComparison,
    TermComparisons,
    TermCost,
    compare_terms,
    financing_cost,
    indifferent_price,
    margin_after_term,
    max_days_for_margin,
    price_uplift,
    term_cost,
)
from payterms.interest import (
    Compounding,
    Imputation,
    InterestPeriod,
    InterestResult,
    Payment,
    PaymentDay,
    RateAssumption,
    RateSplit,
    late_interest,
)
from payterms.law import Debtor, Regime, TableRate
from payterms.money import DEFAULT_ROUNDING, Residue, allocate, minor_unit, quantize
from payterms.receivables import (
    AgeFrom,
    AgingBuckets,
    CeiBasis,
    DsoMethod,
    HhiScale,
    Invoice,
    MonthLength,
    Weighting,
    aging,
    average_days_to_pay,
    collection_effectiveness,
    concentration,
    dso,
)
from payterms.rules import DueRule
from payterms.runs import Lateness, Payer, PaymentRun, RunFit, RunPolicy
from payterms.terms import (
    DiscountTier,
    DiscountWindow,
    Due,
    EndOfMonth,
    Installment,
    PaymentTerms,
    PercentOf,
    Schedule,
    Start,
    TaxBase,
)
from payterms.text import describe_invoice, parse_with_notes, xrechnung_skonto
from payterms.timing import (
    PaymentExplanation,
    PaymentForecast,
    SendDateTable,
    SendObjective,
    SendPlan,
    best_send_date,
    expected_payment_date,
    explain_payment,
    payment_forecast,
    send_date_table,
)


def __getattr__(name: str) -> str:
    # __version__ is read from the installed metadata on first use only:
    # importlib.metadata costs more to import than the rest of payterms.
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("payterms")
        except PackageNotFoundError:  # pragma: no cover - running from a bare source tree
            return "0+unknown"
    raise AttributeError(f"module 'payterms' has no attribute {name!r}")


__all__ = [
    "Adjustment",
    "AgeFrom",
    "AgingBuckets",
    "BusinessCalendar",
    "CeiBasis",
    "Compounding",
    "CurrencyMismatch",
    "DEFAULT_ROUNDING",
    "DayCount",
    "Debtor",
    "DiscountDecision",
    "DiscountOffer",
    "DiscountTier",
    "DiscountWindow",
    "DsoMethod",
    "Due",
    "DueRule",
    "DunningLadder",
    "EndOfMonth",
    "FinancingMethod",
    "HhiScale",
    "Imputation",
    "Installment",
    "InstallmentCost",
    "InterestPeriod",
    "InterestResult",
    "InvalidArgument",
    "InvalidTerms",
    "InvalidType",
    "Invoice",
    "Lateness",
    "Margin",
    "MonthLength",
    "OutsideCalendarRange",
    "ParseError",
    "Party",
    "Payer",
    "Payment",
    "PaymentDay",
    "PaymentExplanation",
    "PaymentForecast",
    "PaymentRun",
    "PaymentTerms",
    "PaytermsError",
    "PaytermsWarning",
    "PercentOf",
    "RateAssumption",
    "RateMethod",
    "RateNotPublished",
    "RateSplit",
    "Regime",
    "Residue",
    "RunFit",
    "RunPolicy",
    "Schedule",
    "SendDateTable",
    "SendObjective",
    "SendPlan",
    "Start",
    "TableRate",
    "TaxBase",
    "TermComparison",
    "TermComparisons",
    "TermCost",
    "TierChoice",
    "TierStep",
    "UnknownCalendar",
    "UnknownCurrency",
    "UnknownRegime",
    "Weighting",
    "__version__",
    "aging",
    "allocate",
    "average_days_to_pay",
    "best_send_date",
    "best_tier",
    "breakeven_days",
    "breakeven_discount",
    "collection_effectiveness",
    "compare_terms",
    "concentration",
    "describe_invoice",
    "discount_cost",
    "discount_decision",
    "discount_offer",
    "discount_tiers",
    "dso",
    "expected_payment_date",
    "explain_payment",
    "financing_cost",
    "indifferent_price",
    "late_interest",
    "margin_after_term",
    "max_days_for_margin",
    "minor_unit",
    "parse_with_notes",
    "payment_forecast",
    "price_uplift",
    "quantize",
    "rate_from_percent",
    "rate_to_percent",
    "send_date_table",
    "term_cost",
    "tier_costs",
    "xrechnung_skonto",
]

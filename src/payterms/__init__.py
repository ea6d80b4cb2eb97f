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

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from payterms.errors import (
    CurrencyMismatch,
    InvalidArgument,
    InvalidTerms,
    InvalidType,
    LimitExceeded,
    MissingExtra,
    OutsideCalendarRange,
    ParseError,
    PaytermsError,
    PaytermsWarning,
    RateNotPublished,
    UnknownCalendar,
    UnknownCurrency,
    UnknownRegime,
)
from payterms.money import (
    DEFAULT_ROUNDING,
    Residue,
    allocate,
    minor_unit,
    quantize,
)

if TYPE_CHECKING:  # the names below load on first use (see __getattr__)
    from payterms import law as law
    from payterms.batch import (
        amounts_due,
        due_dates,
        expected_payment_dates,
        late_interest_many,
        schedules,
    )
    from payterms.calendars import (
        Adjustment,
        BusinessCalendar,
        DayCount,
    )
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
    from payterms.dunning import (
        DunningLadder,
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
    from payterms.law import (
        Debtor,
        Regime,
        TableRate,
    )
    from payterms.plot import (
        plot_aging,
        plot_interest,
        plot_schedule,
        plot_send_dates,
    )
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
    from payterms.rules import (
        DueRule,
    )
    from payterms.runs import (
        Lateness,
        Payer,
        PaymentRun,
        RunFit,
        RunPolicy,
    )
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
    from payterms.text import (
        describe_invoice,
        parse_with_notes,
        xrechnung_skonto,
    )
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

# name -> module it lives in, for the names not imported above
_LAZY: dict[str, str] = {
    "Adjustment": "payterms.calendars",
    "AgeFrom": "payterms.receivables",
    "AgingBuckets": "payterms.receivables",
    "BusinessCalendar": "payterms.calendars",
    "CeiBasis": "payterms.receivables",
    "Compounding": "payterms.interest",
    "DayCount": "payterms.calendars",
    "Debtor": "payterms.law",
    "DiscountDecision": "payterms.discount",
    "DiscountOffer": "payterms.discount",
    "DiscountTier": "payterms.terms",
    "DiscountWindow": "payterms.terms",
    "DsoMethod": "payterms.receivables",
    "Due": "payterms.terms",
    "DueRule": "payterms.rules",
    "DunningLadder": "payterms.dunning",
    "EndOfMonth": "payterms.terms",
    "FinancingMethod": "payterms.financing",
    "HhiScale": "payterms.receivables",
    "Imputation": "payterms.interest",
    "Installment": "payterms.terms",
    "InstallmentCost": "payterms.financing",
    "InterestPeriod": "payterms.interest",
    "InterestResult": "payterms.interest",
    "Invoice": "payterms.receivables",
    "Lateness": "payterms.runs",
    "Margin": "payterms.financing",
    "MonthLength": "payterms.receivables",
    "Party": "payterms.discount",
    "Payer": "payterms.runs",
    "Payment": "payterms.interest",
    "PaymentDay": "payterms.interest",
    "PaymentExplanation": "payterms.timing",
    "PaymentForecast": "payterms.timing",
    "PaymentRun": "payterms.runs",
    "PaymentTerms": "payterms.terms",
    "PercentOf": "payterms.terms",
    "RateAssumption": "payterms.interest",
    "RateMethod": "payterms.discount",
    "RateSplit": "payterms.interest",
    "Regime": "payterms.law",
    "RunFit": "payterms.runs",
    "RunPolicy": "payterms.runs",
    "Schedule": "payterms.terms",
    "SendDateTable": "payterms.timing",
    "SendObjective": "payterms.timing",
    "SendPlan": "payterms.timing",
    "Start": "payterms.terms",
    "TableRate": "payterms.law",
    "TaxBase": "payterms.terms",
    "TermComparison": "payterms.financing",
    "TermComparisons": "payterms.financing",
    "TermCost": "payterms.financing",
    "TierChoice": "payterms.discount",
    "TierStep": "payterms.discount",
    "Weighting": "payterms.receivables",
    "aging": "payterms.receivables",
    "amounts_due": "payterms.batch",
    "average_days_to_pay": "payterms.receivables",
    "best_send_date": "payterms.timing",
    "best_tier": "payterms.discount",
    "breakeven_days": "payterms.discount",
    "breakeven_discount": "payterms.discount",
    "collection_effectiveness": "payterms.receivables",
    "compare_terms": "payterms.financing",
    "concentration": "payterms.receivables",
    "describe_invoice": "payterms.text",
    "discount_cost": "payterms.discount",
    "discount_decision": "payterms.discount",
    "discount_offer": "payterms.discount",
    "discount_tiers": "payterms.discount",
    "dso": "payterms.receivables",
    "due_dates": "payterms.batch",
    "expected_payment_date": "payterms.timing",
    "expected_payment_dates": "payterms.batch",
    "explain_payment": "payterms.timing",
    "financing_cost": "payterms.financing",
    "indifferent_price": "payterms.financing",
    "late_interest": "payterms.interest",
    "late_interest_many": "payterms.batch",
    "law": "",  # the payterms.law subpackage
    "margin_after_term": "payterms.financing",
    "max_days_for_margin": "payterms.financing",
    "parse_with_notes": "payterms.text",
    "payment_forecast": "payterms.timing",
    "plot_aging": "payterms.plot",
    "plot_interest": "payterms.plot",
    "plot_schedule": "payterms.plot",
    "plot_send_dates": "payterms.plot",
    "price_uplift": "payterms.financing",
    "rate_from_percent": "payterms.discount",
    "rate_to_percent": "payterms.discount",
    "schedules": "payterms.batch",
    "send_date_table": "payterms.timing",
    "term_cost": "payterms.financing",
    "tier_costs": "payterms.discount",
    "xrechnung_skonto": "payterms.text",
}


def __getattr__(name: str) -> Any:
    """Load a public name from its module on first use, and ``__version__`` from metadata.

    ``import payterms`` stays light: the modules behind the public names (terms, runs,
    law, text, ...) are imported when a name from them is first used, and the name is
    then cached in this module.
    """
    if name in _LAZY:
        module = _LAZY[name]
        if module:
            value = getattr(importlib.import_module(module), name)
        else:
            value = importlib.import_module(f"payterms.{name}")
        globals()[name] = value
        return value
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("payterms")
        except PackageNotFoundError:  # pragma: no cover - running from a bare source tree
            return "0+unknown"
    raise AttributeError(f"module 'payterms' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__, "law", "limits"})


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
    "LimitExceeded",
    "Margin",
    "MissingExtra",
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
    "amounts_due",
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
    "due_dates",
    "expected_payment_date",
    "expected_payment_dates",
    "explain_payment",
    "financing_cost",
    "indifferent_price",
    "late_interest",
    "late_interest_many",
    "margin_after_term",
    "max_days_for_margin",
    "minor_unit",
    "parse_with_notes",
    "payment_forecast",
    "plot_aging",
    "plot_interest",
    "plot_schedule",
    "plot_send_dates",
    "price_uplift",
    "quantize",
    "rate_from_percent",
    "rate_to_percent",
    "schedules",
    "send_date_table",
    "term_cost",
    "tier_costs",
    "xrechnung_skonto",
]

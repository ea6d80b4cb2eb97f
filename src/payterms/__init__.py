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
    InvalidDocument,
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
    from payterms import einvoice as einvoice
    from payterms import law as law
    from payterms import text as text
    from payterms.account import (
        AccountStatement,
        Allocation,
        AppliedPayment,
        PaymentPlan,
        PlanInstallment,
        PlanMethod,
        Receipt,
        StatementLine,
        account_statement,
        payment_plan,
    )
    from payterms.account import (
        PlanInstalment as PlanInstalment,
    )
    from payterms.batch import (
        InterestColumns,
        Schedules,
        amounts_due,
        due_dates,
        expected_payment_dates,
        late_interest_many,
        schedules,
    )
    from payterms.behaviour import (
        BehaviourFit,
        Behaviours,
        DbtTrend,
        PaymentBehaviour,
        learn_behaviour,
        payment_score,
    )
    from payterms.calendars import (
        Adjustment,
        BusinessCalendar,
        DayCount,
        HolidaySource,
    )
    from payterms.charges import (
        Charge,
        ChargeKind,
        Charges,
        ContractRate,
        DamagesClause,
        DunningFees,
        Grace,
        GraceMode,
        LateFee,
        MinimumCharge,
        RatePeriod,
    )
    from payterms.conventions import (
        Accrual,
        Compounding,
        Imputation,
        PartyKind,
        PaymentDay,
        RateAssumption,
        RateSource,
        RateSplit,
    )
    from payterms.conventions import (
        Debtor as Debtor,
    )
    from payterms.discount import (
        DiscountDecision,
        DiscountOffer,
        DiscountTiers,
        Party,
        RateMethod,
        TierChoice,
        TierDays,
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
        DunningPlan,
        DunningStep,
        Reminder,
        ReminderClaim,
    )
    from payterms.einvoice import (
        PaymentPart,
        Reading,
        Written,
        check_payment,
        payment_part,
        read_invoice,
        to_cii,
        to_ubl,
    )
    from payterms.financing import (
        FinancingMethod,
        InstallmentCost,
        Margin,
        TermComparison,
        TermComparisons,
        TermCost,
        UpliftReading,
        compare_terms,
        financing_cost,
        indifferent_price,
        margin_after_term,
        max_days_for_margin,
        price_uplift,
        term_cost,
    )
    from payterms.forecast import (
        CashForecast,
        CreditExposure,
        CustomerExposure,
        DsoImprovement,
        ForecastRow,
        Frequency,
        Scenario,
        ScenarioComparison,
        ScenarioResult,
        SendPolicy,
        cash_forecast,
        compare_scenarios,
        credit_exposure,
        dso_improvement,
    )
    from payterms.interest import (
        InterestPeriod,
        InterestResult,
        Payment,
        late_interest,
    )
    from payterms.law import (
        Finding,
        RateEntry,
        RateStatus,
        RateTable,
        Regime,
        TableCoverage,
        TableRate,
        regime,
    )
    from payterms.plot import (
        plot_aging,
        plot_interest,
        plot_schedule,
        plot_send_dates,
    )
    from payterms.receivables import (
        AgedItem,
        AgeFrom,
        Aging,
        AgingBuckets,
        Bucket,
        CeiBasis,
        Concentration,
        Dso,
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
        RunKind,
        RunPolicy,
        YearlyClosure,
    )
    from payterms.terms import (
        CashPercent,
        DiscountTier,
        DiscountWindow,
        Due,
        EndOfMonth,
        Installment,
        LineKind,
        PaymentTerms,
        PercentOf,
        Schedule,
        Start,
        TaxBase,
        TermHoliday,
    )
    from payterms.text import (
        Parsed,
        describe_claim,
        describe_invoice,
        parse_with_notes,
        statutory_rule,
        xrechnung_skonto,
    )
    from payterms.timing import (
        Cliff,
        InstallmentPayment,
        PaymentExplanation,
        PaymentForecast,
        SendDateRow,
        SendDateTable,
        SendObjective,
        SendPlan,
        best_send_date,
        expected_payment_date,
        explain_payment,
        payment_forecast,
        send_date_table,
    )
    from payterms.timing import (
        InstalmentPayment as InstalmentPayment,
    )

# name -> module it lives in, for the names not imported above (in the groups of __all__)
_LAZY: dict[str, str] = {
    # Payment terms and their schedules
    "PaymentTerms": "payterms.terms",
    "Installment": "payterms.terms",
    "DiscountTier": "payterms.terms",
    "TermHoliday": "payterms.terms",
    "Start": "payterms.terms",
    "TaxBase": "payterms.terms",
    "PercentOf": "payterms.terms",
    "LineKind": "payterms.terms",
    "EndOfMonth": "payterms.terms",
    "CashPercent": "payterms.terms",
    "Schedule": "payterms.terms",
    "Due": "payterms.terms",
    "DiscountWindow": "payterms.terms",
    "DueRule": "payterms.rules",
    # Business days
    "BusinessCalendar": "payterms.calendars",
    "Adjustment": "payterms.calendars",
    "DayCount": "payterms.calendars",
    "HolidaySource": "payterms.calendars",
    # Terms in words
    "parse_with_notes": "payterms.text",
    "Parsed": "payterms.text",
    "describe_invoice": "payterms.text",
    "describe_claim": "payterms.text",
    "statutory_rule": "payterms.text",
    "xrechnung_skonto": "payterms.text",
    # Many invoices at once
    "schedules": "payterms.batch",
    "Schedules": "payterms.batch",
    "due_dates": "payterms.batch",
    "amounts_due": "payterms.batch",
    "expected_payment_dates": "payterms.batch",
    "late_interest_many": "payterms.batch",
    "InterestColumns": "payterms.batch",
    # Payment runs and send timing
    "Payer": "payterms.runs",
    "PaymentRun": "payterms.runs",
    "RunKind": "payterms.runs",
    "RunPolicy": "payterms.runs",
    "RunFit": "payterms.runs",
    "Lateness": "payterms.runs",
    "YearlyClosure": "payterms.runs",
    "expected_payment_date": "payterms.timing",
    "explain_payment": "payterms.timing",
    "PaymentExplanation": "payterms.timing",
    "InstallmentPayment": "payterms.timing",
    "payment_forecast": "payterms.timing",
    "PaymentForecast": "payterms.timing",
    "send_date_table": "payterms.timing",
    "SendDateTable": "payterms.timing",
    "SendDateRow": "payterms.timing",
    "Cliff": "payterms.timing",
    "best_send_date": "payterms.timing",
    "SendPlan": "payterms.timing",
    "SendObjective": "payterms.timing",
    # Early-payment discounts
    "discount_cost": "payterms.discount",
    "RateMethod": "payterms.discount",
    "discount_tiers": "payterms.discount",
    "DiscountTiers": "payterms.discount",
    "TierDays": "payterms.discount",
    "discount_decision": "payterms.discount",
    "DiscountDecision": "payterms.discount",
    "Party": "payterms.discount",
    "discount_offer": "payterms.discount",
    "DiscountOffer": "payterms.discount",
    "tier_costs": "payterms.discount",
    "TierStep": "payterms.discount",
    "best_tier": "payterms.discount",
    "TierChoice": "payterms.discount",
    "breakeven_days": "payterms.discount",
    "breakeven_discount": "payterms.discount",
    "rate_from_percent": "payterms.discount",
    "rate_to_percent": "payterms.discount",
    # Financing cost of a term
    "financing_cost": "payterms.financing",
    "FinancingMethod": "payterms.financing",
    "term_cost": "payterms.financing",
    "TermCost": "payterms.financing",
    "InstallmentCost": "payterms.financing",
    "compare_terms": "payterms.financing",
    "TermComparisons": "payterms.financing",
    "TermComparison": "payterms.financing",
    "price_uplift": "payterms.financing",
    "UpliftReading": "payterms.financing",
    "indifferent_price": "payterms.financing",
    "margin_after_term": "payterms.financing",
    "Margin": "payterms.financing",
    "max_days_for_margin": "payterms.financing",
    # Late interest and the law
    "late_interest": "payterms.interest",
    "InterestResult": "payterms.interest",
    "InterestPeriod": "payterms.interest",
    "Payment": "payterms.interest",
    "PartyKind": "payterms.conventions",
    "RateSplit": "payterms.conventions",
    "Compounding": "payterms.conventions",
    "PaymentDay": "payterms.conventions",
    "Imputation": "payterms.conventions",
    "RateAssumption": "payterms.conventions",
    "RateSource": "payterms.conventions",
    "regime": "payterms.law",
    "Regime": "payterms.law",
    "RateTable": "payterms.law",
    "RateEntry": "payterms.law",
    "RateStatus": "payterms.law",
    "TableRate": "payterms.law",
    "TableCoverage": "payterms.law",
    "Finding": "payterms.law",
    # Contractual charges
    "Charges": "payterms.charges",
    "Charge": "payterms.charges",
    "ChargeKind": "payterms.charges",
    "ContractRate": "payterms.charges",
    "RatePeriod": "payterms.charges",
    "Accrual": "payterms.conventions",
    "LateFee": "payterms.charges",
    "MinimumCharge": "payterms.charges",
    "DamagesClause": "payterms.charges",
    "DunningFees": "payterms.charges",
    "Grace": "payterms.charges",
    "GraceMode": "payterms.charges",
    # Receivables
    "Invoice": "payterms.receivables",
    "aging": "payterms.receivables",
    "Aging": "payterms.receivables",
    "AgedItem": "payterms.receivables",
    "AgingBuckets": "payterms.receivables",
    "Bucket": "payterms.receivables",
    "AgeFrom": "payterms.receivables",
    "dso": "payterms.receivables",
    "Dso": "payterms.receivables",
    "DsoMethod": "payterms.receivables",
    "MonthLength": "payterms.receivables",
    "average_days_to_pay": "payterms.receivables",
    "Weighting": "payterms.receivables",
    "collection_effectiveness": "payterms.receivables",
    "CeiBasis": "payterms.receivables",
    "concentration": "payterms.receivables",
    "Concentration": "payterms.receivables",
    "HhiScale": "payterms.receivables",
    # Payment behaviour, forecast and what-if
    "learn_behaviour": "payterms.behaviour",
    "PaymentBehaviour": "payterms.behaviour",
    "Behaviours": "payterms.behaviour",
    "BehaviourFit": "payterms.behaviour",
    "DbtTrend": "payterms.behaviour",
    "payment_score": "payterms.behaviour",
    "cash_forecast": "payterms.forecast",
    "CashForecast": "payterms.forecast",
    "ForecastRow": "payterms.forecast",
    "Frequency": "payterms.forecast",
    "Scenario": "payterms.forecast",
    "SendPolicy": "payterms.forecast",
    "compare_scenarios": "payterms.forecast",
    "ScenarioComparison": "payterms.forecast",
    "ScenarioResult": "payterms.forecast",
    "dso_improvement": "payterms.forecast",
    "DsoImprovement": "payterms.forecast",
    "credit_exposure": "payterms.forecast",
    "CreditExposure": "payterms.forecast",
    "CustomerExposure": "payterms.forecast",
    # Dunning
    "DunningLadder": "payterms.dunning",
    "DunningStep": "payterms.dunning",
    "DunningPlan": "payterms.dunning",
    "Reminder": "payterms.dunning",
    "ReminderClaim": "payterms.dunning",
    # Accounts and payment plans
    "account_statement": "payterms.account",
    "AccountStatement": "payterms.account",
    "StatementLine": "payterms.account",
    "Allocation": "payterms.account",
    "AppliedPayment": "payterms.account",
    "Receipt": "payterms.account",
    "payment_plan": "payterms.account",
    "PaymentPlan": "payterms.account",
    "PlanInstallment": "payterms.account",
    "PlanMethod": "payterms.account",
    # E-invoices
    "payment_part": "payterms.einvoice",
    "PaymentPart": "payterms.einvoice",
    "to_ubl": "payterms.einvoice",
    "to_cii": "payterms.einvoice",
    "Written": "payterms.einvoice",
    "read_invoice": "payterms.einvoice",
    "Reading": "payterms.einvoice",
    "check_payment": "payterms.einvoice",
    # Charts
    "plot_schedule": "payterms.plot",
    "plot_aging": "payterms.plot",
    "plot_interest": "payterms.plot",
    "plot_send_dates": "payterms.plot",
    # subpackages, reached as payterms.law, payterms.einvoice and payterms.text
    "einvoice": "",
    "law": "",
    "text": "",
    # former names, kept as aliases (see _ALIASES)
    "Debtor": "payterms.conventions",
    "InstalmentPayment": "payterms.timing",
    "PlanInstalment": "payterms.account",
}

# former name -> the one name it stands for: importable, not in __all__ (a name per concept)
_ALIASES: dict[str, str] = {
    "Debtor": "PartyKind",
    "InstalmentPayment": "InstallmentPayment",
    "PlanInstalment": "PlanInstallment",
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
    return sorted({*globals(), *__all__, "law", "einvoice", "limits", "text"})


# The public names in one list, grouped as the reference (docs/reference/index.md) groups
# them; a group's names follow its module's page. tests/test_api.py keeps the two equal.
__all__ = [
    # -- Payment terms and their schedules
    "PaymentTerms",
    "Installment",
    "DiscountTier",
    "TermHoliday",
    "Start",
    "TaxBase",
    "PercentOf",
    "LineKind",
    "EndOfMonth",
    "CashPercent",
    "Schedule",
    "Due",
    "DiscountWindow",
    "DueRule",
    # -- Business days
    "BusinessCalendar",
    "Adjustment",
    "DayCount",
    "HolidaySource",
    # -- Terms in words
    "parse_with_notes",
    "Parsed",
    "describe_invoice",
    "describe_claim",
    "statutory_rule",
    "xrechnung_skonto",
    # -- Many invoices at once
    "schedules",
    "Schedules",
    "due_dates",
    "amounts_due",
    "expected_payment_dates",
    "late_interest_many",
    "InterestColumns",
    # -- Payment runs and send timing
    "Payer",
    "PaymentRun",
    "RunKind",
    "RunPolicy",
    "RunFit",
    "Lateness",
    "YearlyClosure",
    "expected_payment_date",
    "explain_payment",
    "PaymentExplanation",
    "InstallmentPayment",
    "payment_forecast",
    "PaymentForecast",
    "send_date_table",
    "SendDateTable",
    "SendDateRow",
    "Cliff",
    "best_send_date",
    "SendPlan",
    "SendObjective",
    # -- Early-payment discounts
    "discount_cost",
    "RateMethod",
    "discount_tiers",
    "DiscountTiers",
    "TierDays",
    "discount_decision",
    "DiscountDecision",
    "Party",
    "discount_offer",
    "DiscountOffer",
    "tier_costs",
    "TierStep",
    "best_tier",
    "TierChoice",
    "breakeven_days",
    "breakeven_discount",
    "rate_from_percent",
    "rate_to_percent",
    # -- Financing cost of a term
    "financing_cost",
    "FinancingMethod",
    "term_cost",
    "TermCost",
    "InstallmentCost",
    "compare_terms",
    "TermComparisons",
    "TermComparison",
    "price_uplift",
    "UpliftReading",
    "indifferent_price",
    "margin_after_term",
    "Margin",
    "max_days_for_margin",
    # -- Late interest and the law
    "late_interest",
    "InterestResult",
    "InterestPeriod",
    "Payment",
    "PartyKind",
    "RateSplit",
    "Compounding",
    "PaymentDay",
    "Imputation",
    "RateAssumption",
    "RateSource",
    "regime",
    "Regime",
    "RateTable",
    "RateEntry",
    "RateStatus",
    "TableRate",
    "TableCoverage",
    "Finding",
    # -- Contractual charges
    "Charges",
    "Charge",
    "ChargeKind",
    "ContractRate",
    "RatePeriod",
    "Accrual",
    "LateFee",
    "MinimumCharge",
    "DamagesClause",
    "DunningFees",
    "Grace",
    "GraceMode",
    # -- Receivables
    "Invoice",
    "aging",
    "Aging",
    "AgedItem",
    "AgingBuckets",
    "Bucket",
    "AgeFrom",
    "dso",
    "Dso",
    "DsoMethod",
    "MonthLength",
    "average_days_to_pay",
    "Weighting",
    "collection_effectiveness",
    "CeiBasis",
    "concentration",
    "Concentration",
    "HhiScale",
    # -- Payment behaviour, forecast and what-if
    "learn_behaviour",
    "PaymentBehaviour",
    "Behaviours",
    "BehaviourFit",
    "DbtTrend",
    "payment_score",
    "cash_forecast",
    "CashForecast",
    "ForecastRow",
    "Frequency",
    "Scenario",
    "SendPolicy",
    "compare_scenarios",
    "ScenarioComparison",
    "ScenarioResult",
    "dso_improvement",
    "DsoImprovement",
    "credit_exposure",
    "CreditExposure",
    "CustomerExposure",
    # -- Dunning
    "DunningLadder",
    "DunningStep",
    "DunningPlan",
    "Reminder",
    "ReminderClaim",
    # -- Accounts and payment plans
    "account_statement",
    "AccountStatement",
    "StatementLine",
    "Allocation",
    "AppliedPayment",
    "Receipt",
    "payment_plan",
    "PaymentPlan",
    "PlanInstallment",
    "PlanMethod",
    # -- E-invoices
    "payment_part",
    "PaymentPart",
    "to_ubl",
    "to_cii",
    "Written",
    "read_invoice",
    "Reading",
    "check_payment",
    # -- Charts
    "plot_schedule",
    "plot_aging",
    "plot_interest",
    "plot_send_dates",
    # -- Money
    "allocate",
    "Residue",
    "quantize",
    "minor_unit",
    "DEFAULT_ROUNDING",
    # -- Errors and warnings
    "PaytermsError",
    "PaytermsWarning",
    "InvalidArgument",
    "InvalidType",
    "InvalidTerms",
    "ParseError",
    "LimitExceeded",
    "InvalidDocument",
    "CurrencyMismatch",
    "UnknownCurrency",
    "UnknownCalendar",
    "UnknownRegime",
    "OutsideCalendarRange",
    "RateNotPublished",
    "MissingExtra",
    # -- Version
    "__version__",
]

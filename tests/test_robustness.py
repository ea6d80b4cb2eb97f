"""The robustness table (tests/robustness.py): bad input gets a payterms error naming it.

Every row is one bad value for one argument of one public callable; the answer must be a
payterms error (or a ``TypeError``) whose message names the value, never a plain Python
exception and never a result. ``python benchmarks/robustness.py`` prints the count by
outcome.
"""

from __future__ import annotations

import enum
import inspect

import pytest

import payterms as pt
from robustness import CASES, OUTCOMES, Case, outcome

# Results payterms builds and returns; a caller never builds them from raw input.
RESULTS = frozenset(
    {
        "AccountStatement",
        "AgedItem",
        "Aging",
        "AppliedPayment",
        "BehaviourFit",
        "CashForecast",
        "Charge",
        "Cliff",
        "Concentration",
        "CreditExposure",
        "CustomerExposure",
        "DbtTrend",
        "DiscountDecision",
        "DiscountOffer",
        "DiscountTiers",
        "DiscountWindow",
        "Dso",
        "DsoImprovement",
        "Due",
        "DunningPlan",
        "Finding",
        "ForecastRow",
        "InstallmentCost",
        "InstallmentPayment",
        "InterestColumns",
        "InterestPeriod",
        "InterestResult",
        "Margin",
        "Parsed",
        "PaymentExplanation",
        "PaymentForecast",
        "PaymentPart",
        "PaymentPlan",
        "PlanInstallment",
        "Reading",
        "Reminder",
        "ReminderClaim",
        "RunFit",
        "ScenarioComparison",
        "ScenarioResult",
        "Schedule",
        "Schedules",
        "SendDateRow",
        "SendDateTable",
        "SendPlan",
        "StatementLine",
        "TableCoverage",
        "TermComparison",
        "TermComparisons",
        "TermCost",
        "TierChoice",
        "TierDays",
        "TierStep",
        "Written",
    }
)


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_bad_input_gets_a_payterms_error_naming_it(case: Case) -> None:
    kind, detail = outcome(case)
    assert kind in OUTCOMES[:2], f"{kind}: {detail}"


def test_the_table_covers_every_public_callable() -> None:
    assert len(CASES) >= 250
    covered = {case.target.split(".")[0] for case in CASES}
    missing = []
    for name in pt.__all__:
        obj = getattr(pt, name)
        if not callable(obj) or name in RESULTS:
            continue
        if inspect.isclass(obj) and issubclass(obj, (BaseException, enum.Enum)):
            continue
        if getattr(obj, "_is_protocol", False):  # a protocol describes, it is not called
            continue
        if name not in covered:
            missing.append(name)
    assert not missing, f"public callables without a row in tests/robustness.py: {missing}"
    stale = sorted(n for n in RESULTS if n not in pt.__all__)
    assert not stale, f"RESULTS names no longer public: {stale}"


def test_outcome_tells_the_outcomes_apart() -> None:
    def accepted(value: object) -> object:
        return value

    def plain(value: object) -> object:
        raise KeyError(value)

    def unnamed(value: object) -> object:
        raise pt.InvalidArgument("x", "something else", "anything")

    assert outcome(Case("f", "x", 42, accepted))[0] == "answer (no error)"

    def other_argument(value: object) -> object:
        raise pt.InvalidArgument("y", value, "anything")

    assert outcome(Case("f", "x", 42, plain))[0] == OUTCOMES[3]
    assert outcome(Case("f", "x", 42, other_argument))[0] == OUTCOMES[3]
    assert outcome(Case("f", "x", 42, unnamed))[0] == "payterms error not naming the value"
    assert outcome(Case("f", "x", 42, lambda v: pt.minor_unit(v)))[0] == OUTCOMES[0]
    assert outcome(Case("f", "y", 42, other_argument))[0] == OUTCOMES[0]

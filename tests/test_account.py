"""payterms.account: payment plans (worked examples, properties, bad input)."""

from __future__ import annotations

import re
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from payterms import (
    ContractRate,
    DayCount,
    Payment,
    PaymentPlan,
    PlanMethod,
    Residue,
    payment_plan,
)
from payterms.charges import Accrual, RatePeriod
from payterms.errors import InvalidArgument, InvalidType, PaytermsError, UnknownRegime
from payterms.law import regime
from strategies import amounts, examples

D = Decimal

# --------------------------------------------------------------------- plans: worked examples

# Source: searchlawrence.com amortization schedule (amount=15000, rate=20, months=96):
# monthly payment 314.30; each month's interest is the balance x 20 % / 12 rounded to the cent.
# Monthly due dates on the 1st with 30/360 make every period exactly one twelfth of a year.
LAWRENCE = [
    # (beginning balance, interest, principal, ending balance)
    ("15000.00", "250.00", "64.30", "14935.70"),
    ("14935.70", "248.93", "65.37", "14870.33"),
    ("14870.33", "247.84", "66.46", "14803.87"),
    ("14803.87", "246.73", "67.57", "14736.31"),  # the page prints 14,736.31 (it keeps sub-cents)
    ("14736.31", "245.61", "68.69", "14667.61"),
    ("14667.61", "244.46", "69.84", "14597.78"),  # the page prints 14,597.78
    ("14597.78", "243.30", "71.00", "14526.77"),  # the page prints 14,526.77
    ("14526.77", "242.11", "72.19", "14454.59"),  # the page prints 14,454.59
]


def test_equal_payments_match_a_published_amortization_schedule() -> None:
    plan = payment_plan(
        D("15000"),
        96,
        start=date(2026, 1, 1),
        first=date(2026, 2, 1),
        rate=D("0.20"),
        day_count=DayCount.THIRTY_360,
    )
    rows = plan.instalments
    assert rows[0].amount == D("314.30")
    assert all(i.amount == D("314.30") for i in rows[:-1])
    # the page keeps sub-cent balances, so only the interest and principal of each month
    # are compared (its printed ending balances differ by a cent from the sum of its parts)
    for inst, (_, interest, principal, _) in zip(rows, LAWRENCE, strict=False):
        assert (inst.interest, inst.principal) == (D(interest), D(principal))
    assert rows[-1].balance == 0
    assert sum(i.principal for i in rows) == D("15000")


# Source: user_demand.md A2, TelePost/repayment.tusass.gl#6: 203 kr in 6 instalments ->
# 34 x 5 + 33, "no øre differences" (a currency without minor unit mirrors whole kroner).
def test_equal_principal_in_whole_units_telepost() -> None:
    plan = payment_plan(
        D("203"),
        6,
        start=date(2026, 1, 1),
        first=date(2026, 2, 1),
        method=PlanMethod.EQUAL_PRINCIPAL,
        residue=Residue.LARGEST_REMAINDER,
        currency="ISK",
    )
    assert [i.amount for i in plan.instalments] == [D(34)] * 5 + [D(33)]


# Source: user_demand.md A2, frappe/erpnext#40077: "Month(s) after invoice date" from
# 2024-03-15 should give 04-15, 05-15, 06-15 (not 30-day multiples that drift to 06-13).
def test_monthly_dates_do_not_drift_erpnext_40077() -> None:
    plan = payment_plan(D("300"), 3, start=date(2024, 3, 15), first=date(2024, 4, 15))
    assert [i.due for i in plan.instalments] == [
        date(2024, 4, 15),
        date(2024, 5, 15),
        date(2024, 6, 15),
    ]


# Source: user_demand.md A2, frappe/erpnext#26951: 30 000 in three parts should be 3 x 10 000.
def test_thirty_thousand_in_three_erpnext_26951() -> None:
    for method in PlanMethod:
        plan = payment_plan(D("30000"), 3, start=date(2026, 1, 1), first=date(2026, 2, 1),
                            method=method)  # fmt: skip
        assert [i.amount for i in plan.instalments] == [D("10000.00")] * 3


def test_month_ends_stay_month_ends_with_an_end_of_month_rule() -> None:
    plan = payment_plan(D("90"), 3, start=date(2026, 1, 31), first=date(2026, 2, 28),
                        every="1M+CM")  # fmt: skip
    assert [i.due for i in plan.instalments] == [
        date(2026, 2, 28),
        date(2026, 3, 31),
        date(2026, 4, 30),
    ]


def test_statutory_rate_is_fixed_on_the_start_and_said() -> None:
    # legal.md §2.2: Belgian rate H2 2025 = 10.5 %
    plan = payment_plan(D("1200"), 2, start=date(2025, 9, 30), first=date(2025, 10, 31),
                        rate=regime("BE"))  # fmt: skip
    assert plan.rate == D("0.105")
    assert plan.instalments[0].interest == (D("1200") * D("0.105") * 31 / 365).quantize(D("0.01"))
    assert "is applied to the whole plan" in plan.assumptions[0]
    assert payment_plan(D("1200"), 2, start=date(2025, 9, 30), first=date(2025, 10, 31),
                        rate="be").rate == D("0.105")  # fmt: skip


def test_a_contract_rate_per_month() -> None:
    monthly = ContractRate(D("0.01"), per=RatePeriod.MONTH, day_count=DayCount.THIRTY_360)
    plan = payment_plan(D("1000"), 2, start=date(2026, 1, 1), first=date(2026, 2, 1),
                        rate=monthly, method=PlanMethod.EQUAL_PRINCIPAL)  # fmt: skip
    assert [i.interest for i in plan.instalments] == [D("10.00"), D("5.00")]


def test_acceleration_makes_the_rest_due_at_once() -> None:
    plan = payment_plan(D("300"), 3, start=date(2026, 1, 1), first=date(2026, 2, 1),
                        rate=D("0.0365"), acceleration=10)  # fmt: skip
    paid = [Payment(date(2026, 2, 1), plan.instalments[0].amount)]
    assert plan.effective(paid, as_of=date(2026, 3, 11)) == plan  # grace days not over
    late = plan.effective(paid, as_of=date(2026, 3, 12))
    assert late.accelerated_on == date(2026, 3, 12)
    assert [i.due for i in late.instalments] == [
        date(2026, 2, 1),
        date(2026, 3, 1),
        date(2026, 3, 12),
    ]
    assert late.instalments[-1].principal == plan.instalments[2].principal
    assert late.instalments[-1].interest == (
        plan.instalments[2].principal * D("0.0365") * 11 / 365
    ).quantize(D("0.01"), rounding=ROUND_HALF_UP)
    assert "became due at once on 2026-03-12" in late.explain()
    # without a clause nothing is accelerated
    plain = payment_plan(D("300"), 3, start=date(2026, 1, 1), first=date(2026, 2, 1))
    assert plain.effective([], as_of=date(2027, 1, 1)) == plain


def test_invoices_and_frame() -> None:
    plan = payment_plan(D("100"), 2, start=date(2026, 1, 1), first=date(2026, 2, 1),
                        rate=D("0.10"))  # fmt: skip
    invoices = plan.invoices(prefix="AGR-7", customer="ACME")
    assert [(i.id, i.customer, i.due, i.amount) for i in invoices] == [
        (f"AGR-7/{k + 1}", "ACME", inst.due, inst.amount) for k, inst in enumerate(plan.instalments)
    ]
    frame = plan.to_frame()
    assert list(frame.columns) == [
        "instalment", "due", "days", "principal", "interest", "amount", "balance",
    ]  # fmt: skip
    assert sum(frame["amount"]) == plan.total


# --------------------------------------------------------------------- plans: properties


@st.composite
def plans(draw: st.DrawFn) -> tuple[PaymentPlan, Decimal]:
    n = draw(st.integers(1, 48))
    amount = draw(amounts(min_value=n, max_value=10**7))
    start = draw(st.dates(min_value=date(2000, 1, 1), max_value=date(2050, 1, 1)))
    first = start + timedelta(days=draw(st.integers(0, 90)))
    every = draw(st.sampled_from(["1M", "14D", "1W", "3M", "1M+CM", "1Y"]))
    rate = draw(st.integers(0, 3000).map(lambda v: D(v).scaleb(-4)))
    method = draw(st.sampled_from(list(PlanMethod)))
    residue = (
        Residue.LAST if method is PlanMethod.EQUAL_PAYMENT else draw(st.sampled_from(list(Residue)))
    )
    dc = draw(st.sampled_from(list(DayCount)))
    try:
        plan = payment_plan(amount, n, start=start, first=first, every=every, rate=rate,
                            method=method, residue=residue, day_count=dc)  # fmt: skip
    except InvalidArgument as exc:
        # a long plan at a high rate on a small amount: the first instalments would repay
        # nothing once rounded to the cent, which payment_plan refuses
        assume("fewer instalments" not in str(exc))
        raise
    return plan, amount


@settings(max_examples=examples(200), deadline=None)
@given(case=plans())
def test_plans_add_up_to_the_cent(case: tuple[PaymentPlan, Decimal]) -> None:
    plan, amount = case
    rows = plan.instalments
    assert sum(i.principal for i in rows) == amount  # nothing lost
    assert plan.total == amount + plan.interest
    balance = amount
    for k, inst in enumerate(rows):
        assert inst.number == k + 1
        assert inst.principal >= 0
        assert inst.interest >= 0
        assert inst.interest.as_tuple().exponent == -2
        balance -= inst.principal
        assert inst.balance == balance
    assert balance == 0
    assert [i.due for i in rows] == sorted({i.due for i in rows})
    if plan.method is PlanMethod.EQUAL_PAYMENT:
        assert len({i.amount for i in rows[:-1]}) <= 1


@settings(max_examples=examples(100), deadline=None)
@given(case=plans(), at=st.integers(0, 1500))
def test_acceleration_keeps_the_principal(case: tuple[PaymentPlan, Decimal], at: int) -> None:
    plan, amount = case
    on = plan.start + timedelta(days=at)
    fast = plan.accelerate(on)
    assert sum(i.principal for i in fast.instalments) == amount
    assert all(i.due <= max(on, plan.instalments[0].due) for i in fast.instalments[:-1])
    if plan.instalments[-1].due > on:
        assert fast.instalments[-1].due == on
        assert fast.accelerated_on == on
    else:
        assert fast == plan


@settings(max_examples=examples(100), deadline=None)
@given(case=plans(), share=st.integers(0, 100), at=st.integers(0, 2000))
def test_payments_settle_instalments_oldest_first(
    case: tuple[PaymentPlan, Decimal], share: int, at: int
) -> None:
    plan, _ = case
    paid_total = (plan.total * share / 100).quantize(D("0.01"))
    as_of = plan.start + timedelta(days=at)
    pays = [Payment(plan.start, paid_total)] if paid_total > 0 else []
    paid = plan.paid_by(pays, as_of)
    assert sum(paid) == paid_total  # nothing lost
    for before, after, inst in zip(paid, paid[1:], plan.instalments, strict=False):
        assert after == 0 or before == inst.amount


# --------------------------------------------------------------------- plans: bad input

START, FIRST = date(2026, 1, 1), date(2026, 2, 1)
PLAN_BAD = [
    pytest.param({"instalments": 0}, InvalidArgument, "instalments=0", id="zero-instalments"),
    pytest.param({"instalments": 2.0}, InvalidType, "instalments=2.0", id="float-count"),
    pytest.param({"rate": 0.08}, InvalidType, "rate=0.08", id="float-rate"),
    pytest.param({"rate": D("8")}, InvalidArgument, "rate=Decimal('8')", id="percent-rate"),
    pytest.param({"rate": "XX"}, UnknownRegime, "'XX'", id="unknown-regime"),
    pytest.param(
        {"rate": ContractRate(D("0.01"), per=RatePeriod.MONTH, accrual=Accrual.PER_STARTED_MONTH)},
        InvalidArgument,
        "rate=ContractRate",
        id="per-started-month",
    ),
    pytest.param({"amount": D("-5")}, InvalidArgument, "amount=Decimal('-5')", id="negative"),
    pytest.param({"amount": 0}, InvalidArgument, "amount=0", id="zero"),
    pytest.param({"amount": D("0.02")}, InvalidArgument, "instalments=3", id="too-small"),
    pytest.param(
        {"amount": D("0.06"), "instalments": 4},
        InvalidArgument,
        "instalments=4",
        id="too-few-units",
    ),
    pytest.param({"amount": 10.5}, InvalidType, "amount=10.5", id="float-amount"),
    pytest.param({"amount": D("10.005")}, InvalidArgument, "amount=Decimal('10.005')", id="sub"),
    pytest.param({"first": date(2025, 12, 31)}, InvalidArgument, "first=", id="first-early"),
    pytest.param({"every": "-CM+1M"}, InvalidArgument, "every='-CM+1M'", id="backward-rule"),
    pytest.param({"every": "0D"}, InvalidArgument, "every='0D'", id="standing-rule"),
    pytest.param({"method": "annuity"}, InvalidArgument, "method='annuity'", id="method"),
    pytest.param({"residue": Residue.FIRST}, InvalidArgument, "residue=", id="residue"),
    pytest.param({"acceleration": -1}, InvalidArgument, "acceleration=-1", id="acceleration"),
    pytest.param({"rounding": "up"}, InvalidArgument, "rounding='up'", id="rounding"),
    pytest.param({"day_count": "30/360"}, InvalidArgument, "day_count='30/360'", id="day-count"),
    pytest.param({"start": "2026-01-01"}, InvalidType, "start='2026-01-01'", id="start-text"),
]


@pytest.mark.parametrize(("kwargs", "error", "match"), PLAN_BAD)
def test_plan_bad_input(kwargs: dict[str, object], error: type[Exception], match: str) -> None:
    args: dict[str, object] = {"amount": D("1000"), "instalments": 3, "start": START,
                               "first": FIRST, **kwargs}  # fmt: skip
    with pytest.raises(error, match=re.escape(match)):
        payment_plan(args.pop("amount"), args.pop("instalments"), **args)  # type: ignore[arg-type]


def test_plan_payments_bad_input() -> None:
    plan = payment_plan(D("100"), 2, start=START, first=FIRST)
    with pytest.raises(InvalidArgument, match="too much"):
        plan.paid_by([Payment(FIRST, D("100.01"))], FIRST)
    with pytest.raises(InvalidType, match=re.escape("payments[0]=")):
        plan.paid_by([(FIRST, D("1"))], FIRST)
    with pytest.raises(InvalidArgument, match=re.escape("on=")):
        plan.accelerate(START - timedelta(days=1))
    with pytest.raises(InvalidArgument, match=re.escape("prefix=''")):
        plan.invoices(prefix="")
    with pytest.raises(PaytermsError):
        plan.missed("payments", as_of=FIRST)  # type: ignore[arg-type]

"""payterms.charges: contractual late charges (worked examples, properties, bad input)."""

from __future__ import annotations

import re
from datetime import date, timedelta
from decimal import Decimal, localcontext

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from payterms import (
    Accrual,
    Charge,
    ChargeKind,
    Charges,
    ContractRate,
    DamagesClause,
    DayCount,
    DunningFees,
    Grace,
    GraceMode,
    LateFee,
    MinimumCharge,
    RatePeriod,
)
from payterms.charges import started_months
from payterms.errors import InvalidArgument, InvalidType, PaytermsError
from payterms.interest import Payment
from payterms.money import CONTEXT, minor_unit
from payterms.rules import add_months
from strategies import amounts, currencies, dates, examples

D = Decimal

# --------------------------------------------------------------------- worked examples

# Source: user_demand.md B41 (Dynamics community thread): 1.25 % a month, 15 grace days,
# 30-day terms, paid on day 50: the user expects 50 - 30 - 15 = 5 days of interest (grace as a
# deductible) where the system charged 20 (grace as a threshold).
INVOICE = date(2026, 1, 1)
DUE = INVOICE + timedelta(days=30)
PAID = INVOICE + timedelta(days=50)


@pytest.mark.parametrize(
    ("mode", "days"),
    [(GraceMode.DEDUCTIBLE, 5), (GraceMode.THRESHOLD, 20)],
    ids=["b41-5", "b41-20"],
)
def test_grace_readings_of_the_dynamics_thread(mode: GraceMode, days: int) -> None:
    grace = Grace(15, mode)
    rate = ContractRate(D("0.0125"), per=RatePeriod.MONTH)
    assert grace.chargeable(DUE, PAID)
    start = grace.interest_due(DUE)
    assert (PAID - start).days == days
    got = rate.amount(D("1000"), due=start, until=PAID)
    with localcontext(CONTEXT):
        assert got == D("1000") * D("0.15") * days / 365


def test_grace_threshold_charges_nothing_within_the_grace_days() -> None:
    charges = Charges(late_fee=D("15"), grace=Grace(15))
    assert charges.items(D("1000"), due=DUE, until=DUE + timedelta(days=15)) == ()
    (fee,) = charges.items(D("1000"), due=DUE, until=DUE + timedelta(days=16))
    assert fee.on == DUE + timedelta(days=16)


# Source: user_demand.md A4, invoiceninja#538: German practice, first reminder free, second
# EUR 5, third EUR 10.
def test_dunning_fees_per_level_invoiceninja_538() -> None:
    charges = Charges(dunning_fees=(0, 5, 10))
    sent = (date(2026, 2, 2), date(2026, 2, 16), date(2026, 3, 2), date(2026, 3, 16))
    items = charges.items(D("500"), due=date(2026, 1, 31), until=date(2026, 3, 10), reminders=sent)
    assert [(i.on, i.amount) for i in items] == [
        (date(2026, 2, 2), D("0.00")),
        (date(2026, 2, 16), D("5.00")),
        (date(2026, 3, 2), D("10.00")),
    ]  # the fourth reminder is after `until`: not sent yet


# Source: user_demand.md A4, odoo/odoo#268149: "extra 10 % clause min EUR 60".
@pytest.mark.parametrize(
    ("debt", "expected"),
    [("100", "60"), ("600", "60"), ("600.10", "60.010"), ("5000", "500.0")],
)
def test_ten_percent_clause_with_a_minimum_odoo_268149(debt: str, expected: str) -> None:
    assert DamagesClause(D("10"), minimum=D("60")).amount(D(debt)) == D(expected)


# Source: user_demand.md A4, frappe/erpnext#9998: "3 % per 30 days" - a monthly rate charged
# per started month: 31 days late are two started months.
def test_per_started_month_erpnext_9998() -> None:
    rate = ContractRate(D("0.03"), per=RatePeriod.MONTH, accrual=Accrual.PER_STARTED_MONTH)
    due = date(2026, 3, 31)
    assert rate.amount(D("1000"), due=due, until=date(2026, 4, 1)) == D("30.00")
    assert rate.amount(D("1000"), due=due, until=date(2026, 4, 30)) == D("30.00")
    assert rate.amount(D("1000"), due=due, until=date(2026, 5, 1)) == D("60.00")
    assert rate.amount(D("1000"), due=due, until=due) == 0


def test_monthly_rate_on_thirty_360_is_one_month_per_month() -> None:
    rate = ContractRate(D("0.015"), per=RatePeriod.MONTH, day_count=DayCount.THIRTY_360)
    assert rate.amount(D("2000"), due=date(2026, 1, 15), until=date(2026, 3, 15)) == D("60")


def test_act_act_splits_at_the_new_year() -> None:
    rate = ContractRate(D("0.10"), day_count=DayCount.ACT_ACT_ISDA)
    got = rate.amount(D("36600"), due=date(2023, 12, 21), until=date(2024, 1, 10))
    with localcontext(CONTEXT):
        # 22-31 December 2023: 10 days of 365; 1-10 January 2024: 10 days of 366
        exact = D("36600") * D("0.10") * 10 / 365 + D("36600") * D("0.10") * 10 / 366
    assert got == exact


def test_minimum_charge_tops_up_the_interest() -> None:
    (item,) = Charges(minimum=D("5")).items(
        D("100"), due=date(2026, 1, 31), until=date(2026, 2, 10), interest=D("0.27")
    )
    assert (item.kind, item.on, item.amount) == (ChargeKind.MINIMUM, date(2026, 2, 10), D("4.73"))
    assert Charges(minimum=5).items(D("100"), due=DUE, until=PAID, interest=D("6")) == ()


def test_items_are_rounded_to_the_currency() -> None:
    charges = Charges(damages=DamagesClause(D("7.5")), late_fee=D("9.999"))
    items = charges.items(D("1234.56"), due=DUE, until=PAID, currency="JPY")
    assert [i.amount for i in items] == [D("10"), D("93")]
    items = charges.items(D("1234.56"), due=DUE, until=PAID, currency="KWD")
    assert [i.amount for i in items] == [D("9.999"), D("92.592")]


def test_describe() -> None:
    assert ContractRate(D("0.01"), per=RatePeriod.MONTH).describe() == "1 % a month"
    assert ContractRate(D("0.12"), accrual=Accrual.PER_STARTED_MONTH).describe() == (
        "12 % a year, charged per started month"
    )
    assert DamagesClause(D("10"), maximum=D("2000")).describe() == (
        "10 % of the unpaid amount, maximum 2000"
    )


def test_values_are_frozen_and_compare_by_value() -> None:
    a = Charges(late_fee=D("15"), grace=3)
    assert a == Charges(late_fee=LateFee(D("15")), grace=Grace(3))
    assert hash(a) == hash(Charges(late_fee=15, grace=3))
    with pytest.raises(AttributeError):
        a.grace = Grace(1)  # type: ignore[misc]


# --------------------------------------------------------------------- properties


@settings(max_examples=examples(200), deadline=None)
@given(first=dates(), extra=st.integers(0, 800))
@example(first=date(2024, 1, 31), extra=29)  # 29 February starts the second month
@example(first=date(2023, 1, 31), extra=28)
def test_started_months_counts_month_starts(first: date, extra: int) -> None:
    last = first + timedelta(days=extra)
    n = started_months(first, last)
    assert n >= 1
    assert add_months(first, n - 1) <= last < add_months(first, n)


@settings(max_examples=examples(200), deadline=None)
@given(
    debt=amounts(max_value=10**7),
    rate=st.integers(0, 1000).map(lambda v: D(v).scaleb(-4)),
    due=dates(max_value=date(2059, 1, 1)),
    a=st.integers(0, 400),
    b=st.integers(0, 400),
    dc=st.sampled_from(list(DayCount)),
)
def test_daily_interest_adds_over_a_split(
    debt: Decimal, rate: Decimal, due: date, a: int, b: int, dc: DayCount
) -> None:
    r = ContractRate(rate, day_count=dc)
    mid, end = due + timedelta(days=a), due + timedelta(days=a + b)
    if dc in (DayCount.ACT_365_FIXED, DayCount.ACT_360, DayCount.ACT_ACT_ISDA):
        whole = r.amount(debt, due=due, until=end)
        parts = r.amount(debt, due=due, until=mid) + r.amount(debt, due=mid, until=end)
        assert abs(whole - parts) <= D("1e-25") * max(1, whole)
    assert r.amount(debt, due=due, until=end) >= r.amount(debt, due=due, until=mid) >= 0


@settings(max_examples=examples(200), deadline=None)
@given(
    debt=amounts(max_value=10**7),
    percent=st.integers(0, 10000).map(lambda v: D(v).scaleb(-2)),
    low=st.none() | amounts(max_value=1000),
    span=st.none() | amounts(max_value=10**5),
)
def test_damages_clause_stays_within_its_bounds(
    debt: Decimal, percent: Decimal, low: Decimal | None, span: Decimal | None
) -> None:
    high = None if span is None else (low or 0) + span
    clause = DamagesClause(percent, minimum=low, maximum=high)
    got = clause.amount(debt)
    if low is not None:
        assert got >= low
    if high is not None:
        assert got <= high
    if (low is None or debt * percent / 100 >= low) and (
        high is None or debt * percent / 100 <= high
    ):
        assert got == debt * percent / 100


@settings(max_examples=examples(150), deadline=None)
@given(
    debt=amounts(max_value=10**6),
    due=dates(max_value=date(2059, 1, 1)),
    late=st.integers(0, 200),
    grace=st.integers(0, 30),
    mode=st.sampled_from(list(GraceMode)),
    fees=st.lists(amounts(max_value=100), min_size=1, max_size=4),
    gaps=st.lists(st.integers(1, 40), max_size=5),
    fee=st.none() | amounts(max_value=100),
    minimum=st.none() | amounts(max_value=100),
    interest=amounts(max_value=200),
    currency=currencies(),
)
def test_items_are_dated_rounded_and_add_up(
    debt: Decimal,
    due: date,
    late: int,
    grace: int,
    mode: GraceMode,
    fees: list[Decimal],
    gaps: list[int],
    fee: Decimal | None,
    minimum: Decimal | None,
    interest: Decimal,
    currency: str,
) -> None:
    until = due + timedelta(days=late)
    sent = []
    day = due
    for gap in gaps:
        day += timedelta(days=gap)
        sent.append(day)
    charges = Charges(
        late_fee=fee,
        minimum=minimum,
        dunning_fees=fees,
        grace=Grace(grace, mode),
        damages=DamagesClause(D("10"), minimum=D("40")),
    )
    items = charges.items(
        debt, due=due, until=until, reminders=sent, interest=interest, currency=currency
    )
    if late <= grace or debt == 0:  # not late yet, or nothing unpaid
        assert items == ()
        return
    assert [i.on for i in items] == sorted(i.on for i in items)
    assert all(due < i.on <= until for i in items)
    exponent = -minor_unit(currency)
    assert all(i.amount.as_tuple().exponent == exponent for i in items)
    counted = [d for d in sent if d <= until]
    assert sum(i.kind is ChargeKind.DUNNING_FEE for i in items) == len(counted)
    assert sum(i.kind is ChargeKind.LATE_FEE for i in items) == (fee is not None)
    assert sum(i.kind is ChargeKind.DAMAGES for i in items) == 1


# --------------------------------------------------------------------- bad input

BAD = [
    pytest.param(lambda: ContractRate(0.05), InvalidType, "rate=0.05", id="float-rate"),
    pytest.param(lambda: ContractRate(D("8")), InvalidArgument, "rate=Decimal", id="percent-rate"),
    pytest.param(lambda: ContractRate(D("-0.01")), InvalidArgument, "rate=", id="negative-rate"),
    pytest.param(lambda: ContractRate(D("0.1"), per="month"), InvalidArgument, "per=", id="per"),
    pytest.param(
        lambda: ContractRate(D("0.1"), accrual=None), InvalidArgument, "accrual=", id="accrual"
    ),
    pytest.param(
        lambda: ContractRate(D("0.1"), day_count="ACT/365"), InvalidArgument, "day_count=", id="dc"
    ),
    pytest.param(lambda: LateFee(D("-1")), InvalidArgument, "value=Decimal", id="negative-fee"),
    pytest.param(lambda: LateFee(1.5), InvalidType, "value=1.5", id="float-fee"),
    pytest.param(lambda: DamagesClause(D("110")), InvalidArgument, "percent=", id="percent"),
    pytest.param(
        lambda: DamagesClause(D("10"), minimum=D("-5")), InvalidArgument, "minimum=", id="min"
    ),
    pytest.param(
        lambda: MinimumCharge(D("5")).amount(D("-1")), InvalidArgument, "interest=", id="mi"
    ),
    pytest.param(lambda: DunningFees(()), InvalidArgument, "fees=()", id="no-fees"),
    pytest.param(lambda: DunningFees("5"), InvalidType, "fees='5'", id="fees-text"),
    pytest.param(lambda: DunningFees((1, 2.5)), InvalidType, "fees[1]=2.5", id="fees-float"),
    pytest.param(lambda: DunningFees((1,)).fee(0), InvalidArgument, "level=0", id="level"),
    pytest.param(lambda: Grace(-1), InvalidArgument, "days=-1", id="grace-days"),
    pytest.param(lambda: Grace(1, "threshold"), InvalidArgument, "mode=", id="grace-mode"),
    pytest.param(lambda: Charges(grace=1.5), InvalidType, "grace=1.5", id="grace-float"),
    pytest.param(lambda: Charges(rate=D("0.1")), InvalidType, "rate=", id="bare-rate"),
    pytest.param(lambda: Charges(damages=D("10")), InvalidType, "damages=", id="bare-damages"),
    pytest.param(lambda: Charges(late_fee=1.5), InvalidType, "late_fee=1.5", id="fee-float"),
    pytest.param(lambda: Charges(minimum=[1]), InvalidType, "minimum=", id="minimum-list"),
    pytest.param(
        lambda: Charges().items(D("1"), due=DUE, until=DUE - timedelta(days=1)),
        InvalidArgument,
        "until=",
        id="until-before-due",
    ),
    pytest.param(
        lambda: Charges().items(D("1"), due=DUE, until=PAID, reminders=(PAID, DUE)),
        InvalidArgument,
        "reminders[1]=",
        id="reminders-out-of-order",
    ),
    pytest.param(
        lambda: Charges().items(D("1"), due=DUE, until=PAID, reminders=PAID),
        InvalidType,
        "reminders=",
        id="reminders-not-a-sequence",
    ),
    pytest.param(
        lambda: Charges().items(D("1"), due=DUE, until=PAID, rounding="up"),
        InvalidArgument,
        "rounding=",
        id="rounding",
    ),
    pytest.param(
        lambda: Charges().items(D("-1"), due=DUE, until=PAID), InvalidArgument, "debt=", id="debt"
    ),
    pytest.param(
        lambda: Charge(DUE, D("-1"), ChargeKind.LATE_FEE, "x"), InvalidArgument, "amount=", id="c"
    ),
    pytest.param(lambda: Charge(DUE, D("1"), "fee", "x"), InvalidArgument, "kind=", id="kind"),
]


@pytest.mark.parametrize(("call", "error", "match"), BAD)
def test_bad_input(call: object, error: type[Exception], match: str) -> None:
    with pytest.raises(error, match=re.escape(match)):
        call()  # type: ignore[operator]
    with pytest.raises(PaytermsError):
        call()  # type: ignore[operator]


# --------------------------------------------------------------------- a claim under a contract


@pytest.mark.parametrize(
    ("mode", "days"), [(GraceMode.DEDUCTIBLE, 5), (GraceMode.THRESHOLD, 20)], ids=["5", "20"]
)
def test_claim_with_grace_days_b41(mode: GraceMode, days: int) -> None:
    # user_demand.md B41: 1.25 % a month, 15 grace days, 30-day terms, paid on day 50
    terms = Charges(rate=ContractRate(D("0.0125"), per=RatePeriod.MONTH), grace=Grace(15, mode))
    res = terms.claim(D("1000.00"), due=DUE, until=PAID)
    with localcontext(prec=40):
        expected = (D("1000") * D("0.15") * days / 365).quantize(D("0.01"))
    assert res.interest == expected
    assert res.compensation == 0  # no regime: no statutory compensation


def test_claim_paid_within_the_grace_days_under_a_threshold_is_not_charged() -> None:
    terms = Charges(rate=ContractRate(D("0.10")), late_fee=D("15"), grace=Grace(15))
    paid = [Payment(DUE + timedelta(days=10), D("1000.00"))]
    res = terms.claim(D("1000.00"), due=DUE, until=PAID, payments=paid)
    assert (res.interest, res.charges, res.total_outstanding) == (0, 0, 0)
    # under a regime the statutory compensation stays due: grace is a contractual concession
    res = terms.claim(D("1000.00"), due=DUE, until=PAID, payments=paid, regime="DE")
    assert (res.interest, res.charges, res.compensation) == (0, 0, D("40.00"))


def test_claim_damages_on_the_principal_left_when_they_fall_due() -> None:
    terms = Charges(damages=DamagesClause(D("10"), minimum=D("50")), grace=Grace(10))
    due = date(2025, 1, 31)
    paid = [Payment(due + timedelta(days=5), D("600.00"))]  # within the grace days, not all
    res = terms.claim(D("1000.00"), due=due, until=date(2025, 3, 22), payments=paid, regime="BE")
    # BE (11.5 % in H1 2025): the payment settles the interest of 5 days, then principal;
    # the damages are taken on what is left of the principal
    first = D("1000") * D("0.115") * 5 / 365  # 1.575... -> 1.58
    owed = D("1000.00") - (D("600.00") - first.quantize(D("0.01")))
    assert res.charges == max(D("50.00"), (owed * D("0.10")).quantize(D("0.01")))


def test_claim_minimum_charge() -> None:
    terms = Charges(rate=ContractRate(D("0.05")), minimum=D("10"))
    res = terms.claim(D("100.00"), due=DUE, until=DUE + timedelta(days=10))
    # 10 days at 5 % on 100 = 0.14; the minimum charge adds 9.86
    assert (res.interest, res.charges) == (D("0.14"), D("9.86"))
    assert res.interest + res.charges == D("10.00")


@settings(max_examples=examples(150), deadline=None)
@given(
    principal=amounts(min_value=D("0.01"), max_value=10**6),
    due=st.dates(min_value=date(2014, 1, 1), max_value=date(2023, 12, 31)),
    late=st.integers(0, 180),
    monthly=st.booleans(),
    rate=st.integers(0, 300).map(lambda v: D(v).scaleb(-4)),
    fee=st.none() | amounts(max_value=50),
    grace=st.integers(0, 20),
    mode=st.sampled_from(list(GraceMode)),
    shares=st.lists(st.integers(1, 100), max_size=3),
    code=st.sampled_from(["BE", "FR", "NL", "DE", "LU", "UK"]),
)
def test_a_claim_under_a_contract_adds_up(
    principal: Decimal,
    due: date,
    late: int,
    monthly: bool,
    rate: Decimal,
    fee: Decimal | None,
    grace: int,
    mode: GraceMode,
    shares: list[int],
    code: str,
) -> None:
    until = min(due + timedelta(days=late), date(2024, 6, 30))
    accrual = Accrual.PER_STARTED_MONTH if monthly else Accrual.DAILY
    terms = Charges(
        rate=ContractRate(rate, per=RatePeriod.MONTH if monthly else RatePeriod.YEAR,
                          accrual=accrual),
        late_fee=fee,
        damages=DamagesClause(D("10"), minimum=D("40")),
        minimum=D("5"),
        grace=Grace(grace, mode),
    )  # fmt: skip
    pays = []
    left = principal
    for k, share in enumerate(shares):
        amount = (principal * share / 300).quantize(D("0.01"), rounding="ROUND_DOWN")
        if 0 < amount <= left:
            left -= amount
            pays.append(Payment(due + timedelta(days=k * 20), amount))
    pays = [p for p in pays if p.date <= until]
    res = terms.claim(principal, due=due, until=until, regime=code, payments=pays)
    paid = sum((p.amount for p in pays), D(0))
    assert principal + res.interest + res.compensation + res.charges - paid == (
        res.total_outstanding
    )
    assert res.interest_paid + res.interest_outstanding == res.interest

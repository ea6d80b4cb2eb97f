"""Tests for payterms.financing: published worked examples, properties and bad input."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import payterms as pt
from payterms import DayCount, FinancingMethod
from payterms.financing import (
    financing_cost,
    margin_after_term,
    max_days_for_margin,
    price_uplift,
)
from strategies import amounts, annual_rates

SIMPLE = FinancingMethod.SIMPLE
COMPOUND = FinancingMethod.COMPOUND
PV = FinancingMethod.PRESENT_VALUE
METHODS = st.sampled_from(list(FinancingMethod))
CENT = Decimal("0.01")

# Columns: amount, days, rate, method, day count, printed cost.
PUBLISHED_COSTS = [
    # Source: freeacademy.ai/lessons/geographic-pricing: net 30 vs net 60 on a $10,000 invoice
    # at an 8 % cost of capital, 30 extra days = $10,000 × 8 % × 30/365 = $65.75
    pytest.param("10000", 30, "0.08", SIMPLE, DayCount.ACT_365_FIXED, "65.75", id="freeacademy"),
    # Source: reference/finance.md §2, the PV companion of the same example: $63.06 (DERIVED)
    pytest.param("10000", 30, "0.08", PV, DayCount.ACT_365_FIXED, "63.06", id="freeacademy-pv"),
    # Source: petroanswers.com/petroanswers/trade-discounts: $100,000 at 9.5 % = $26.03 a day
    pytest.param("100000", 1, "0.095", SIMPLE, DayCount.ACT_365_FIXED, "26.03", id="petro-9.5"),
    # Source: same page: at a 5 % savings rate, $13.70 a day
    pytest.param("100000", 1, "0.05", SIMPLE, DayCount.ACT_365_FIXED, "13.70", id="petro-5"),
    # Source: ACCA F9/FM workbook Question 3: receivables $50m × 57/365 at 6 % = $468,493
    pytest.param(
        "50000000", 57, "0.06", SIMPLE, DayCount.ACT_365_FIXED, "468493.15", id="acca-current"
    ),
    # Source: same question: $10m × 57/365 × 6 % = $93,699 and $10m × 7/365 × 6 % = $11,507
    pytest.param("10000000", 57, "0.06", SIMPLE, DayCount.ACT_365_FIXED, "93698.63", id="acca-old"),
    pytest.param("10000000", 7, "0.06", SIMPLE, DayCount.ACT_365_FIXED, "11506.85", id="acca-new"),
    # Source: forderungsmanagement.com: DM 30,000 at 10 % for 20 days (360) = 166.67
    pytest.param("30000", 20, "0.10", SIMPLE, DayCount.ACT_360, "166.67", id="forderungsmgmt"),
    # Source: knowunity: 19,600 EUR at 18 % for 20 days (360) = 196
    pytest.param("19600", 20, "0.18", SIMPLE, DayCount.ACT_360, "196.00", id="knowunity"),
    # Source: mathelounge: 2,386.20 EUR at 9 % for 20 days (360) = 11.93
    pytest.param("2386.20", 20, "0.09", SIMPLE, DayCount.ACT_360, "11.93", id="mathelounge"),
]


@pytest.mark.parametrize(
    ("amount", "days", "rate", "method", "day_count", "printed"), PUBLISHED_COSTS
)
def test_financing_cost_matches_published_figures(
    amount: str, days: int, rate: str, method: FinancingMethod, day_count: DayCount, printed: str
) -> None:
    cost = financing_cost(Decimal(amount), days, Decimal(rate), method=method, day_count=day_count)
    assert cost == Decimal(printed)


def test_freeacademy_margin_share() -> None:
    # Source: freeacademy.ai geographic pricing lesson: on a 25 % gross margin product the
    # $65.75 is 2.6 % of the $2,500 margin.
    m = margin_after_term(Decimal("10000"), Decimal("7500"), 30, Decimal("0.08"))
    assert m.gross_margin == Decimal("2500.00")
    assert m.financing_cost == Decimal("65.75")
    assert m.margin == Decimal("2434.25")
    assert m.share_of_margin is not None
    assert round(m.share_of_margin * 100, 1) == Decimal("2.6")


def test_extension_from_30_to_60_days_costs_the_30_extra_days() -> None:
    # Source: freeacademy.ai: moving from net 30 to net 60 costs the 30 extra days, $65.75.
    at_60 = financing_cost(Decimal("10000"), 60, Decimal("0.08"), currency=None)
    at_30 = financing_cost(Decimal("10000"), 30, Decimal("0.08"), currency=None)
    assert (at_60 - at_30).quantize(CENT) == Decimal("65.75")


def test_uplift_companions() -> None:
    # Source: reference/finance.md §2 DERIVED companions: indifferent price (compound)
    # $10,063.46 = 10,000 × 1.08 ** (30/365); the PV method gives exactly that price.
    assert price_uplift(Decimal("10000"), 30, Decimal("0.08"), method=PV) == Decimal("10063.46")
    # The first-order simple price $10,065.75 leaves 65.75 × 0.0066 = $0.43 of its own
    # financing uncovered ($0.44 after rounding the cost to 66.19); the simple uplift
    # covers it: 10,000 / (1 - 0.08 × 30/365).
    simple = price_uplift(Decimal("10000"), 30, Decimal("0.08"))
    assert simple == Decimal("10066.19")
    first_order = margin_after_term(Decimal("10065.75"), Decimal("7500"), 30, Decimal("0.08"))
    assert first_order.margin == Decimal("2499.56")
    exact = margin_after_term(simple, Decimal("7500"), 30, Decimal("0.08"))
    assert exact.margin == Decimal("2500.00")


def test_full_precision_when_currency_is_none() -> None:
    cost = financing_cost(Decimal("10000"), 30, Decimal("0.08"), currency=None)
    assert cost == Decimal("65.75342465753424657534246575")
    assert financing_cost(Decimal("1000"), 10, Decimal("0.1"), currency="JPY") == Decimal("3")


# --------------------------------------------------------------------------- properties


@settings(max_examples=150, deadline=None)
@given(
    amount=amounts(max_value=10**7),
    days=st.integers(0, 730),
    more=st.integers(0, 365),
    rate=annual_rates(),
    bump=annual_rates("0.2"),
    method=METHODS,
)
def test_cost_is_monotonic_and_zero_at_zero_days(
    amount: Decimal,
    days: int,
    more: int,
    rate: Decimal,
    bump: Decimal,
    method: FinancingMethod,
) -> None:
    base = financing_cost(amount, days, rate, method=method, currency=None)
    assert financing_cost(amount, 0, rate, method=method, currency=None) == 0
    assert financing_cost(amount, days + more, rate, method=method, currency=None) >= base
    higher = min(rate + bump, Decimal(1))
    assert financing_cost(amount, days, higher, method=method, currency=None) >= base
    assert base >= 0


@settings(max_examples=150, deadline=None)
@given(amount=amounts(min_value=1, max_value=10**7), days=st.integers(1, 365), rate=annual_rates())
def test_methods_order_within_a_year(amount: Decimal, days: int, rate: Decimal) -> None:
    pv = financing_cost(amount, days, rate, method=PV, currency=None)
    compound = financing_cost(amount, days, rate, method=COMPOUND, currency=None)
    simple = financing_cost(amount, days, rate, method=SIMPLE, currency=None)
    assert pv <= compound <= simple


@settings(max_examples=200, deadline=None)
@given(
    price=amounts(min_value=1, max_value=10**7),
    margin=st.decimals(min_value="0", max_value="0.9", places=3),
    days=st.integers(0, 365),
    rate=annual_rates("0.5"),
    method=METHODS,
)
def test_uplift_keeps_the_margin_within_a_cent(
    price: Decimal, margin: Decimal, days: int, rate: Decimal, method: FinancingMethod
) -> None:
    cost = (price * (1 - margin)).quantize(CENT)
    new_price = price_uplift(price, days, rate, method=method)
    after = margin_after_term(new_price, cost, days, rate, method=method)
    assert abs(after.margin - (price - cost)) <= CENT
    assert new_price >= price


@settings(max_examples=150, deadline=None)
@given(
    price=amounts(min_value=100, max_value=10**6),
    margin=st.decimals(min_value="0.01", max_value="0.6", places=2),
    keep=st.decimals(min_value="0", max_value="1", places=2),
    rate=annual_rates("0.3").filter(lambda r: r > 0),
    method=METHODS,
)
def test_max_days_is_the_last_day_that_keeps_the_margin(
    price: Decimal, margin: Decimal, keep: Decimal, rate: Decimal, method: FinancingMethod
) -> None:
    cost = price * (1 - margin)
    floor = (price - cost) * keep
    days = max_days_for_margin(price, cost, rate, floor, method=method)
    if days is None:
        assert method is PV
        return

    def margin_at(n: int) -> Decimal:
        return price - cost - financing_cost(price, n, rate, method=method, currency=None)

    assert margin_at(days) >= floor
    assert margin_at(days + 1) < floor


def test_max_days_published_shape() -> None:
    # freeacademy.ai numbers: keeping $2,400 of the $2,500 margin at 8 % allows 45 days.
    assert max_days_for_margin("10000", "7500", "0.08", "2400") == 45
    assert max_days_for_margin("10000", "7500", "0", "2400") is None
    assert max_days_for_margin("10000", "7500", "0.08", "2500") == 0
    # present value never loses the whole price: a floor below -cost is never reached
    assert max_days_for_margin("10000", "7500", "0.08", "-7500", method=PV) is None


def test_margin_share_is_none_without_a_gross_margin() -> None:
    m = margin_after_term("100", "120", 30, "0.08")
    assert m.share_of_margin is None
    assert m.gross_margin == Decimal("-20.00")


# --------------------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    ("call", "error", "fragment"),
    [
        pytest.param(lambda: financing_cost("100", -1, "0.08"), pt.InvalidArgument, "days=-1",
                     id="negative-days"),
        pytest.param(lambda: financing_cost("100", 30, 0.08), pt.InvalidType, "rate=0.08",
                     id="float-rate"),
        pytest.param(lambda: financing_cost(100.0, 30, "0.08"), pt.InvalidType, "amount=100.0",
                     id="float-amount"),
        pytest.param(lambda: financing_cost("100", 30, "8"), pt.InvalidArgument,
                     "rate_from_percent", id="percent-as-rate"),
        pytest.param(lambda: financing_cost("100", 30, "-0.01"), pt.InvalidArgument,
                     "rate='-0.01'", id="negative-rate"),
        pytest.param(lambda: financing_cost("100", 30, "0.08", day_count=DayCount.ACT_ACT_ISDA),
                     pt.InvalidArgument, "ACT/ACT ISDA", id="act-act"),
        pytest.param(lambda: financing_cost("100", 30, "0.08", day_count="ACT/360"),
                     pt.InvalidType, "day_count='ACT/360'", id="string-day-count"),
        pytest.param(lambda: financing_cost("100", 30, "0.08", method="simple"),
                     pt.InvalidType, "method='simple'", id="string-method"),
        pytest.param(lambda: financing_cost("100", 30, "0.08", currency="XYZ"),
                     pt.UnknownCurrency, "XYZ", id="unknown-currency"),
        pytest.param(lambda: financing_cost("100", 30, "0.08", currency=None, rounding="up"),
                     pt.InvalidArgument, "rounding='up'", id="bad-rounding-unrounded"),
        pytest.param(lambda: price_uplift("100", 5000, "0.08"), pt.InvalidArgument,
                     "days=5000", id="uplift-beyond-price"),
        pytest.param(lambda: max_days_for_margin("100", "90", "0.08", "11"),
                     pt.InvalidArgument, "min_margin='11'", id="floor-above-margin"),
        pytest.param(lambda: max_days_for_margin("0", "0", "0.08", "0"), pt.InvalidArgument,
                     "price='0'", id="zero-price"),
        pytest.param(lambda: margin_after_term("100", "80", -3, "0.08"), pt.InvalidArgument,
                     "days=-3", id="margin-negative-days"),
    ],
)  # fmt: skip
def test_bad_input_names_the_value(call: object, error: type[Exception], fragment: str) -> None:
    assert callable(call)
    with pytest.raises(error) as info:
        call()
    assert fragment in str(info.value)
    assert isinstance(info.value, pt.PaytermsError)


def test_ambient_decimal_context_does_not_leak_in() -> None:
    import decimal

    def figures() -> tuple[object, ...]:
        return (
            financing_cost(Decimal("123456789.12"), 30, Decimal("0.0812345678"), method=PV),
            price_uplift(Decimal("123456789.12"), 30, Decimal("0.0812345678")),
            margin_after_term(Decimal("123456789.12"), Decimal("100000000.01"), 30, "0.0812"),
            max_days_for_margin("123456789.12", "100000000.01", "0.0812345678", "20000000"),
            pt.discount_cost(Decimal("2.123456789"), 10, 30, method=pt.RateMethod.COMPOUND),
            pt.discount_decision("2.123456789", 10, 30, "0.0812345678", amount="123456789.12"),
            pt.tier_costs((("3.123456789", 8), (2, 14)), 30, method=pt.RateMethod.COMPOUND),
            pt.discount_offer("123456789.12", "1.123456789", 7, 57, "0.2123456789", "0.0612"),
            pt.rate_from_percent(Decimal("1.2345678912345678912345678912345")),
        )

    expected = figures()
    with decimal.localcontext(decimal.Context(prec=5, rounding=decimal.ROUND_DOWN)):
        assert figures() == expected

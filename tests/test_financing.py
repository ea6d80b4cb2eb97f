"""Tests for payterms.financing: published worked examples, properties and bad input."""

from __future__ import annotations

import contextlib
import decimal
import inspect
from datetime import date, datetime
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import payterms as pt
from payterms import (
    DayCount,
    FinancingMethod,
    Installment,
    Lateness,
    Payer,
    PaymentRun,
    PaymentTerms,
    UpliftReading,
)
from payterms.financing import (
    compare_terms,
    financing_cost,
    indifferent_price,
    margin_after_term,
    max_days_for_margin,
    price_uplift,
    term_cost,
)
from strategies import amounts, annual_rates, examples, payment_runs, payment_terms, trade_terms

SIMPLE = FinancingMethod.SIMPLE
COMPOUND = FinancingMethod.COMPOUND
PV = FinancingMethod.PRESENT_VALUE
FV = UpliftReading.FUTURE_VALUE
NET = UpliftReading.NET_OF_OWN_COST
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


# Columns: price, days, rate, method, reading, printed or derived price.
UPLIFTS = [
    # Source: freeacademy.ai/lessons/geographic-pricing: 30 days at 8 % on $10,000 cost
    # $65.75; the price that keeps the seller whole is $10,065.75 (reference/finance.md §2,
    # "indifferent price (simple) $10,065.75").
    pytest.param("10000", 30, "0.08", SIMPLE, FV, "10065.75", id="freeacademy-future-value"),
    # Source: reference/finance.md §2 DERIVED companion: compound $10,063.46 = 10,000 × 1.08 **
    # (30/365); the present-value method discounts compound, so it gives the same price.
    pytest.param("10000", 30, "0.08", COMPOUND, FV, "10063.46", id="freeacademy-compound"),
    pytest.param("10000", 30, "0.08", PV, FV, "10063.46", id="freeacademy-present-value"),
    # The other reading: 10,000 / (1 - 0.08 × 30/365), which carries its own financing.
    pytest.param("10000", 30, "0.08", SIMPLE, NET, "10066.19", id="net-of-own-cost-simple"),
    pytest.param("10000", 30, "0.08", PV, NET, "10063.46", id="net-of-own-cost-pv"),
]


@pytest.mark.parametrize(("price", "days", "rate", "method", "reading", "expected"), UPLIFTS)
def test_price_uplift_readings(
    price: str, days: int, rate: str, method: FinancingMethod, reading: UpliftReading, expected: str
) -> None:
    assert price_uplift(price, days, rate, method=method, reading=reading) == Decimal(expected)


def test_uplift_default_is_the_future_value() -> None:
    # Source: freeacademy.ai (above): the default answers "what price keeps me whole if I am
    # paid 30 days later": the price plus the $65.75 the 30 days cost.
    assert price_uplift("10000", 30, "0.08") == Decimal("10000") + financing_cost(
        "10000", 30, "0.08"
    )


def test_uplift_readings_and_the_margin() -> None:
    # The future value $10,065.75 leaves 65.75 × 0.0066 = $0.43 of its own financing
    # uncovered ($0.44 after rounding the cost to 66.19); the net-of-own-cost reading covers
    # it: 10,000 / (1 - 0.08 × 30/365).
    future = price_uplift(Decimal("10000"), 30, Decimal("0.08"))
    own = price_uplift(Decimal("10000"), 30, Decimal("0.08"), reading=NET)
    assert margin_after_term(future, Decimal("7500"), 30, Decimal("0.08")).margin == Decimal(
        "2499.56"
    )
    assert margin_after_term(own, Decimal("7500"), 30, Decimal("0.08")).margin == Decimal("2500.00")


def test_full_precision_when_currency_is_none() -> None:
    cost = financing_cost(Decimal("10000"), 30, Decimal("0.08"), currency=None)
    assert cost == Decimal("65.75342465753424657534246575")
    assert financing_cost(Decimal("1000"), 10, Decimal("0.1"), currency="JPY") == Decimal("3")


# --------------------------------------------------------------------------- properties


@settings(max_examples=examples(150), deadline=None)
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


@settings(max_examples=examples(150), deadline=None)
@given(amount=amounts(min_value=1, max_value=10**7), days=st.integers(1, 365), rate=annual_rates())
def test_methods_order_within_a_year(amount: Decimal, days: int, rate: Decimal) -> None:
    pv = financing_cost(amount, days, rate, method=PV, currency=None)
    compound = financing_cost(amount, days, rate, method=COMPOUND, currency=None)
    simple = financing_cost(amount, days, rate, method=SIMPLE, currency=None)
    assert pv <= compound <= simple


@settings(max_examples=examples(200), deadline=None)
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
    new_price = price_uplift(price, days, rate, method=method, reading=NET)
    after = margin_after_term(new_price, cost, days, rate, method=method)
    assert abs(after.margin - (price - cost)) <= CENT
    assert new_price >= price


@settings(max_examples=examples(200), deadline=None)
@given(
    price=amounts(min_value=1, max_value=10**7),
    days=st.integers(0, 3650),
    rate=annual_rates(),
    method=METHODS,
)
def test_future_value_uplift_discounts_back_to_the_price(
    price: Decimal, days: int, rate: Decimal, method: FinancingMethod
) -> None:
    # Discounted back over the days at the rate (simple, or compound), the new price is worth
    # the old one; at simple interest it is the price plus its own financing cost.
    new_price = price_uplift(price, days, rate, method=method, currency=None)
    close = Decimal("1e-20") * max(price, 1)  # results carry 28 significant digits
    if method is SIMPLE:
        assert abs(new_price - price - financing_cost(price, days, rate, currency=None)) <= close
        back = new_price / (1 + rate * days / 365)
    else:
        back = new_price * (1 - financing_cost(1, days, rate, method=PV, currency=None))
    assert abs(back - price) <= close
    assert new_price >= price
    if financing_cost(1, days, rate, method=method, currency=None) < 1:  # a price covers it
        own = price_uplift(price, days, rate, method=method, reading=NET, currency=None)
        assert new_price <= own


@settings(max_examples=examples(150), deadline=None)
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
        pytest.param(lambda: price_uplift("100", 5000, "0.08", reading=NET), pt.InvalidArgument,
                     "days=5000", id="uplift-beyond-price"),
        pytest.param(lambda: price_uplift("100", 30, "0.08", reading="future_value"),
                     pt.InvalidType, "reading='future_value'", id="uplift-reading-text"),
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


# --------------------------------------------------------------------------- terms


JAN_15 = date(2026, 1, 15)
RATE = Decimal("0.08")


def test_term_cost_of_net_60_is_the_cost_of_60_days() -> None:
    tc = term_cost(PaymentTerms.net(60), Decimal("10000"), invoice_date=JAN_15, rate=RATE)
    assert tc.cost == financing_cost(Decimal("10000"), 60, RATE) == Decimal("131.51")
    assert tc.cash_out == JAN_15
    assert tc.last_cash_date == date(2026, 3, 16)
    assert tc.cash_gap == 60
    assert tc.days_financed == 60
    assert tc.discount == 0
    assert tc.deposit_value == 0
    [line] = tc.installments
    assert (line.due, line.cash_date, line.amount) == (date(2026, 3, 16), date(2026, 3, 16), 10000)


def test_freeacademy_net_30_to_net_60_through_terms() -> None:
    # Source: freeacademy.ai geographic pricing lesson: net 60 instead of net 30 on a
    # $10,000 invoice at 8 % costs $65.75 more.
    at_60 = term_cost(PaymentTerms.net(60), Decimal("10000"), invoice_date=JAN_15, rate=RATE)
    at_30 = term_cost(PaymentTerms.net(30), Decimal("10000"), invoice_date=JAN_15, rate=RATE)
    assert at_60.cost - at_30.cost == Decimal("65.76")  # each rounded: 131.51 - 65.75
    # financed from the day the seller pays its own supplier at net 30: the 30 extra days
    extra = term_cost(
        PaymentTerms.net(60),
        Decimal("10000"),
        invoice_date=JAN_15,
        rate=RATE,
        cash_out=PaymentTerms.net(30),
    )
    assert extra.cost == Decimal("65.75")
    assert extra.cash_gap == 30


def test_freeacademy_indifferent_prices() -> None:
    # Source: reference/finance.md §2, freeacademy.ai example and its DERIVED companions:
    # moving a $10,000 customer from net 30 to net 60 at 8 % keeps the seller whole at
    # $10,065.75 (simple) or $10,063.46 (compound).
    def moved(method: FinancingMethod, reading: UpliftReading = FV) -> Decimal:
        return indifferent_price(
            Decimal("10000"),
            PaymentTerms.net(30),
            PaymentTerms.net(60),
            invoice_date=JAN_15,
            rate=RATE,
            method=method,
            reading=reading,
        )

    assert moved(SIMPLE) == Decimal("10065.75")
    assert moved(COMPOUND) == moved(PV) == Decimal("10063.46")
    # the same as the uplift over the 30 extra days
    assert moved(SIMPLE) == price_uplift(Decimal("10000"), 30, RATE)
    # net of its own cost: the price whose net of its own 60-day cost equals 10,000 - 65.75
    simple = moved(SIMPLE, NET)
    assert simple == Decimal("10066.63")
    assert indifferent_price(
        simple, PaymentTerms.net(60), PaymentTerms.net(30), invoice_date=JAN_15, rate=RATE,
        reading=NET,
    ) == Decimal("10000.00")  # fmt: skip
    # and back again in the future-value reading
    assert indifferent_price(
        Decimal("10065.75"), PaymentTerms.net(60), PaymentTerms.net(30), invoice_date=JAN_15,
        rate=RATE,
    ) == Decimal("10000.00")  # fmt: skip


def test_future_value_reading_ignores_no_cash_out_silently() -> None:
    # the seller's own outlay is the same under both terms: it cancels, and saying so
    with pytest.warns(pt.PaytermsWarning, match="cash_out="):
        price = indifferent_price(
            Decimal("10000"),
            PaymentTerms.net(30),
            PaymentTerms.net(60),
            invoice_date=JAN_15,
            rate=RATE,
            cash_out=date(2026, 2, 1),
        )
    assert price == Decimal("10065.75")


def test_deposit_counts_as_value() -> None:
    # 30 % with the order, the balance at 60 days; the seller pays its costs after 30 days:
    # the deposit is money in hand for 30 days, the balance is financed for 30 days.
    terms = PaymentTerms(
        installments=(Installment.percent(Decimal("30"), "0D"), Installment.balance("60D"))
    )
    tc = term_cost(
        terms, Decimal("10000"), invoice_date=JAN_15, rate=RATE, cash_out=date(2026, 2, 14)
    )
    deposit, balance = tc.installments
    assert deposit.days == -30
    assert deposit.cost == -financing_cost(Decimal("3000"), 30, RATE) == Decimal("-19.73")
    assert balance.cost == financing_cost(Decimal("7000"), 30, RATE) == Decimal("46.03")
    assert tc.financing == Decimal("26.30")
    assert tc.deposit_value == Decimal("19.73")
    assert tc.days_financed == 12  # (3000 × -30 + 7000 × 30) / 10000
    assert tc.cash_gap == 30


def test_payer_runs_delay_the_cash() -> None:
    # Net 30 from 15 Jan 2026 is due Saturday 14 Feb; a customer paying on the 25th with a
    # one-business-day transfer pays in the run of Wednesday 25 Feb, cash Thursday 26 Feb.
    payer = Payer(runs=PaymentRun.monthly(25), transfer_days=1)
    tc = term_cost(
        PaymentTerms.net(30), Decimal("10000"), invoice_date=JAN_15, rate=RATE, payer=payer
    )
    [line] = tc.installments
    assert line.due == date(2026, 2, 14)
    assert line.cash_date == date(2026, 2, 26)
    assert line.days == 42
    assert tc.cost == financing_cost(Decimal("10000"), 42, RATE)


def test_payer_lateness_distribution_gives_the_expected_cost() -> None:
    # Half the time on time (run of 25 Feb), half the time 12 days late: due 26 Feb, run of
    # 25 Mar.
    payer = Payer(runs=PaymentRun.monthly(25), extra_delay_days=Lateness.empirical([0, 12]))
    tc = term_cost(
        PaymentTerms.net(30), Decimal("10000"), invoice_date=JAN_15, rate=RATE, payer=payer
    )
    [line] = tc.installments
    on_time, late = 41, 69  # 25 Feb and 25 Mar 2026 from 15 Jan
    assert line.days == Decimal(on_time + late) / 2
    expected = (
        financing_cost(Decimal("10000"), on_time, RATE, currency=None)
        + financing_cost(Decimal("10000"), late, RATE, currency=None)
    ) / 2
    assert tc.cost == expected.quantize(CENT)
    assert line.cash_date == date(2026, 2, 25)  # the median delay
    assert tc.last_cash_date == date(2026, 3, 25)


def test_taking_the_discount_costs_the_discount_and_shorter_financing() -> None:
    terms = PaymentTerms.net(30).with_discount(Decimal("2"), "10D")
    tc = term_cost(terms, Decimal("10000"), invoice_date=JAN_15, rate=RATE, take_discount=True)
    assert tc.discount == Decimal("200.00")
    assert tc.financing == financing_cost(Decimal("9800"), 10, RATE) == Decimal("21.48")
    assert tc.cost == Decimal("221.48")
    assert tc.last_cash_date == date(2026, 1, 25)
    # a payer whose only run falls after the discount window cannot earn it
    payer = Payer(runs=PaymentRun.monthly(28))
    late = term_cost(terms, Decimal("10000"), invoice_date=JAN_15, rate=RATE, payer=payer,
                     take_discount=True)  # fmt: skip
    assert late.discount == 0
    assert late.last_cash_date == date(2026, 3, 2)  # run of Sat 28 Feb moved FOLLOWING


def test_act_act_day_count_is_allowed_with_dates() -> None:
    tc = term_cost(
        PaymentTerms.net(30),
        Decimal("10000"),
        invoice_date=date(2023, 12, 17),
        rate=RATE,
        day_count=DayCount.ACT_ACT_ISDA,
    )
    # 14 days of 2023 (/365) and 16 days of 2024 (/366)
    exact = Decimal("10000") * RATE * (Decimal(14) / 365 + Decimal(16) / 366)
    assert tc.cost == exact.quantize(CENT)


@settings(max_examples=examples(60), deadline=None)
@given(
    candidates=st.lists(payment_terms(max_lines=3, fixed=False), min_size=1, max_size=4),
    amount=amounts(min_value=1, max_value=10**6),
    rate=annual_rates("0.3"),
    method=METHODS,
)
def test_compare_terms_orders_by_term_cost(
    candidates: list[PaymentTerms], amount: Decimal, rate: Decimal, method: FinancingMethod
) -> None:
    tax = Decimal(0)  # some drawn lines are taken on the amount excluding tax
    rows = compare_terms(candidates, amount, invoice_date=JAN_15, rate=rate, method=method, tax=tax)
    costs = [
        term_cost(t, amount, invoice_date=JAN_15, rate=rate, method=method, tax=tax).cost
        for t in candidates
    ]
    assert [row.cost for row in rows] == sorted(costs)
    assert sorted(rows, key=lambda r: r.cost) == list(rows)
    for row in rows:
        assert row.detail.cost == row.cost
        assert row.margin is None


@settings(max_examples=examples(60), deadline=None)
@given(days=st.integers(0, 400), more=st.integers(1, 200), rate=annual_rates(), method=METHODS)
def test_longer_terms_cost_more(
    days: int, more: int, rate: Decimal, method: FinancingMethod
) -> None:
    short = term_cost(PaymentTerms.net(days), "5000", invoice_date=JAN_15, rate=rate, method=method)
    long = term_cost(
        PaymentTerms.net(days + more), "5000", invoice_date=JAN_15, rate=rate, method=method
    )
    assert long.cost >= short.cost
    assert long.cash_gap == days + more


@settings(max_examples=examples(40), deadline=None)
@given(
    first=trade_terms(),
    second=trade_terms(),
    price=amounts(min_value=100, max_value=10**6),
    rate=annual_rates("0.3"),
    method=METHODS,
)
def test_indifferent_price_nets_the_same(
    first: PaymentTerms,
    second: PaymentTerms,
    price: Decimal,
    rate: Decimal,
    method: FinancingMethod,
) -> None:
    new = indifferent_price(
        price, first, second, invoice_date=JAN_15, rate=rate, method=method, reading=NET
    )

    def net(terms: PaymentTerms, at: Decimal) -> Decimal:
        return at - term_cost(terms, at, invoice_date=JAN_15, rate=rate, method=method).cost

    # each side rounds the price and each installment's cost to the cent
    lines = len(first.installments) + len(second.installments)
    assert abs(net(second, new) - net(first, price)) <= CENT * (lines + 1)


@settings(max_examples=examples(60), deadline=None)
@given(
    price=amounts(min_value=100, max_value=10**6),
    days=st.integers(0, 120),
    more=st.integers(0, 365),
    rate=annual_rates("0.3"),
    method=METHODS,
)
def test_indifferent_price_is_the_uplift_over_the_extra_days(
    price: Decimal, days: int, more: int, rate: Decimal, method: FinancingMethod
) -> None:
    # Future value (the default), one payment each: the uplift over the days added; and back.
    new = indifferent_price(
        price,
        PaymentTerms.net(days),
        PaymentTerms.net(days + more),
        invoice_date=JAN_15,
        rate=rate,
        method=method,
    )
    assert new == price_uplift(price, more, rate, method=method)
    # net of its own cost from the invoice date: the uplift in that reading
    own = indifferent_price(
        price,
        PaymentTerms.net(0),
        PaymentTerms.net(more),
        invoice_date=JAN_15,
        rate=rate,
        method=method,
        reading=NET,
    )
    assert abs(own - price_uplift(price, more, rate, method=method, reading=NET)) <= CENT


@settings(max_examples=examples(40), deadline=None)
@given(
    first=trade_terms(),
    second=trade_terms(),
    price=amounts(min_value=100, max_value=10**6),
    rate=annual_rates("0.3"),
    method=METHODS,
)
def test_indifferent_price_is_worth_the_same_at_the_horizon(
    first: PaymentTerms,
    second: PaymentTerms,
    price: Decimal,
    rate: Decimal,
    method: FinancingMethod,
) -> None:
    new = indifferent_price(price, first, second, invoice_date=JAN_15, rate=rate, method=method)
    dues = [
        [(d.date, d.amount) for d in terms.schedule(JAN_15, at).dues]
        for terms, at in ((first, price), (second, new))
    ]
    horizon = max(day for schedule in dues for day, _ in schedule)

    def worth(schedule: list[tuple[date, Decimal]]) -> Decimal:
        grown = Decimal(0)
        for day, amount in schedule:
            if method is SIMPLE:
                grown += amount * (1 + rate * (horizon - day).days / 365)
            else:
                grown += amount * (1 + rate) ** (Decimal((horizon - day).days) / 365)
        return grown

    # each side's installments are rounded to the cent, and so is the price
    lines = len(first.installments) + len(second.installments)
    assert abs(worth(dues[1]) - worth(dues[0])) <= 2 * CENT * (lines + 1)


def test_compare_terms_margins() -> None:
    rows = compare_terms(
        [PaymentTerms.net(60), PaymentTerms.net(30)],
        Decimal("10000"),
        invoice_date=JAN_15,
        rate=RATE,
        cost=Decimal("7500"),
    )
    assert [r.terms for r in rows] == [PaymentTerms.net(30), PaymentTerms.net(60)]
    assert rows[0].share_of_margin is not None
    assert round(rows[0].share_of_margin * 100, 1) == Decimal("2.6")  # freeacademy.ai
    loss = compare_terms([PaymentTerms.net(30)], "100", invoice_date=JAN_15, rate=RATE, cost="120")
    assert loss[0].share_of_margin is None
    assert loss[0].margin == Decimal("-20.66")


@pytest.mark.parametrize(
    ("call", "error", "fragment"),
    [
        pytest.param(lambda: term_cost("net 30", 100, invoice_date=JAN_15, rate=RATE),
                     pt.InvalidType, "terms='net 30'", id="terms-text"),
        pytest.param(lambda: term_cost(PaymentTerms.net(30), 100, invoice_date=JAN_15,
                                       rate=0.08), pt.InvalidType, "rate=0.08", id="float-rate"),
        pytest.param(lambda: term_cost(PaymentTerms.net(30), 100,
                                       invoice_date=datetime(2026, 1, 15), rate=RATE),
                     pt.InvalidType, "invoice_date=datetime", id="datetime"),
        pytest.param(lambda: term_cost(PaymentTerms.net(30), 100, invoice_date=JAN_15,
                                       rate=RATE, cash_out="2026-02-01"),
                     pt.InvalidType, "cash_out='2026-02-01'", id="cash-out-text"),
        pytest.param(lambda: term_cost(PaymentTerms.net(30), 100, invoice_date=JAN_15,
                                       rate=RATE, payer="ACME"),
                     pt.InvalidType, "payer='ACME'", id="payer-text"),
        pytest.param(lambda: term_cost(PaymentTerms.net(30), 100, invoice_date=JAN_15,
                                       rate=RATE, take_discount=1),
                     pt.InvalidType, "take_discount=1", id="take-discount-int"),
        pytest.param(lambda: term_cost(PaymentTerms.net(30), 100, invoice_date=JAN_15,
                                       rate=RATE, day_count="ACT/360"),
                     pt.InvalidType, "day_count='ACT/360'", id="day-count-text"),
        pytest.param(lambda: compare_terms(PaymentTerms.net(30), 100, invoice_date=JAN_15,
                                           rate=RATE),
                     pt.InvalidType, "candidates=", id="single-terms"),
        pytest.param(lambda: indifferent_price(0, PaymentTerms.net(30), PaymentTerms.net(60),
                                               invoice_date=JAN_15, rate=RATE),
                     pt.InvalidArgument, "price=0", id="zero-price"),
        pytest.param(lambda: indifferent_price(100, PaymentTerms.net(30), PaymentTerms.net(60),
                                               invoice_date=JAN_15, rate=RATE,
                                               day_count=None),
                     pt.InvalidType, "day_count=None", id="indifferent-day-count"),
        pytest.param(lambda: indifferent_price(100, PaymentTerms.net(30), PaymentTerms.net(60),
                                               invoice_date=JAN_15, rate=RATE, reading=None),
                     pt.InvalidType, "reading=None", id="indifferent-reading"),
        pytest.param(lambda: indifferent_price(100, PaymentTerms.net(30), PaymentTerms.net(60),
                                               invoice_date=JAN_15, rate=RATE, cash_out=30),
                     pt.InvalidType, "cash_out=30", id="indifferent-cash-out"),
    ],
)  # fmt: skip
def test_terms_bad_input_names_the_value(
    call: object, error: type[Exception], fragment: str
) -> None:
    assert callable(call)
    with pytest.raises(error) as info:
        call()
    assert fragment in str(info.value)


# --------------------------------------------------------------------------- robustness


def _valid_calls() -> dict[object, dict[str, object]]:
    invoice = {"invoice_date": JAN_15, "rate": "0.08"}
    return {
        pt.discount_cost: {"percent": 2, "discount_days": 10, "net_days": 30},
        pt.breakeven_discount: {"cost_of_capital": "0.08", "discount_days": 10, "net_days": 30},
        pt.breakeven_days: {"percent": 1, "cost_of_capital": "0.08"},
        pt.discount_decision: {
            "percent": 2,
            "discount_days": 10,
            "net_days": 30,
            "cost_of_capital": "0.08",
            "amount": "100",
        },
        pt.tier_costs: {"tiers": ((3, 8), (2, 14)), "net_days": 30},
        pt.best_tier: {"tiers": ((3, 8), (2, 14)), "net_days": 30, "cost_of_capital": "0.08"},
        pt.discount_offer: {
            "sales": "1000",
            "percent": 1,
            "discount_days": 7,
            "collection_days": 57,
            "take_up": "0.2",
            "rate": "0.06",
        },
        financing_cost: {"amount": "100", "days": 30, "rate": "0.08"},
        price_uplift: {"price": "100", "days": 30, "rate": "0.08"},
        margin_after_term: {"price": "100", "cost": "80", "days": 30, "rate": "0.08"},
        max_days_for_margin: {"price": "100", "cost": "80", "rate": "0.08", "min_margin": "10"},
        term_cost: {"terms": PaymentTerms.net(30), "amount": "100", **invoice},
        compare_terms: {"candidates": [PaymentTerms.net(30)], "amount": "100", **invoice},
        indifferent_price: {
            "price": "100",
            "from_terms": PaymentTerms.net(30),
            "to_terms": PaymentTerms.net(60),
            **invoice,
        },
        pt.rate_from_percent: {"percent": "8"},
        pt.rate_to_percent: {"rate": "0.08", "places": 2},
    }


JUNK = [None, 1.5, "x", -3, datetime(2026, 1, 1), (), [1], object(), True, 10**30, "1e999"]


def test_junk_input_raises_only_payterms_errors() -> None:
    for fn, valid in _valid_calls().items():
        assert callable(fn)
        fn(**valid)
        for name in inspect.signature(fn).parameters:
            for junk in JUNK:
                args = {**valid, name: junk}
                with contextlib.suppress(pt.PaytermsError):
                    fn(**args)


def test_term_counting_from_delivery_finances_the_extra_days() -> None:
    # Net 30 from a delivery 10 days after the invoice: 40 days from the invoice date.
    tc = term_cost(
        PaymentTerms.net(30),
        Decimal("10000"),
        invoice_date=JAN_15,
        rate=RATE,
        term_start=date(2026, 1, 25),
    )
    assert tc.last_cash_date == date(2026, 2, 24)
    assert tc.cost == financing_cost(Decimal("10000"), 40, RATE)
    with pytest.raises(pt.InvalidType, match="term_start='2026-01-25'"):
        term_cost(
            PaymentTerms.net(30), "1", invoice_date=JAN_15, rate=RATE, term_start="2026-01-25"
        )


# --------------------------------------------------------------------------- payer and timing


def _discounting_payer(lateness: list[int]) -> Payer:
    # pays any weekday; takes a discount when it beats 20 % a year (simple, ACT/365)
    return Payer(
        runs=PaymentRun.weekly(0, 1, 2, 3, 4),
        policy=pt.RunPolicy.EARLY_FOR_DISCOUNT,
        cost_of_capital=Decimal("0.20"),
        extra_delay_days=Lateness.empirical(lateness),
    )


def test_payer_takes_the_discount_when_it_beats_its_cost_of_capital() -> None:
    # 2/10 net 30 from Thu 15 Jan 2026: the window ends Sun 25 Jan, the last run inside it
    # is Fri 23 Jan; net is due Sat 14 Feb, paid Mon 16 Feb. Paying 9,800 24 days early
    # costs 2/98 × 365/24 = 31 % a year > 20 %: the payer takes it.
    terms = PaymentTerms.parse("2/10 net 30")
    payer = _discounting_payer([0])
    tc = term_cost(terms, Decimal("10000"), invoice_date=JAN_15, rate=RATE, payer=payer)
    [line] = tc.installments
    assert (line.due, line.cash_date, line.amount) == (date(2026, 1, 25), date(2026, 1, 23), 9800)
    assert tc.discount == Decimal("200.00")
    assert tc.financing == financing_cost(Decimal("9800"), 8, RATE) == Decimal("17.18")
    forced = term_cost(
        terms, Decimal("10000"), invoice_date=JAN_15, rate=RATE, payer=payer, take_discount=True
    )
    assert forced == tc


def test_payer_lateness_decides_the_discount_path_by_path() -> None:
    # Half the time the payer is on time (takes the discount, as above); half the time it
    # runs 60 days late: 9,800 on 23 Jan against 10,000 on 15 Apr is 2/98 × 365/82 = 9 %
    # a year < 20 %, so that path pays net. Expected: 0.5 × (200 + 9,800 × 8 % × 8/365)
    # + 0.5 × 10,000 × 8 % × 90/365 = 100 + 8.59 + 98.63.
    terms = PaymentTerms.parse("2/10 net 30")
    payer = _discounting_payer([0, 60])
    tc = term_cost(terms, Decimal("10000"), invoice_date=JAN_15, rate=RATE, payer=payer)
    early, late = tc.installments
    assert (early.cash_date, early.probability, early.cost) == (
        date(2026, 1, 23),
        Decimal("0.5"),
        Decimal("8.59"),
    )
    assert (late.cash_date, late.probability, late.cost) == (
        date(2026, 4, 15),
        Decimal("0.5"),
        Decimal("98.63"),
    )
    assert tc.discount == Decimal("100.00")
    assert tc.cost == Decimal("207.22")
    never = term_cost(
        terms, Decimal("10000"), invoice_date=JAN_15, rate=RATE, payer=payer, take_discount=False
    )
    assert never.discount == 0
    assert never.cost == Decimal("133.70")  # 10,000 × 8 % × (32 + 90) / 2 / 365


@settings(max_examples=examples(60), deadline=None)
@given(
    terms=trade_terms(),
    runs=st.lists(payment_runs(), min_size=1, max_size=2),
    approval=st.integers(0, 10),
    transfer=st.integers(0, 3),
    lateness=st.integers(-5, 30),
    invoice_date=st.dates(min_value=date(2025, 1, 1), max_value=date(2027, 12, 31)),
)
def test_cash_dates_agree_with_timing(
    terms: PaymentTerms,
    runs: list[PaymentRun],
    approval: int,
    transfer: int,
    lateness: int,
    invoice_date: date,
) -> None:
    from payterms.timing import expected_payment_date

    payer = Payer(
        runs=tuple(runs),
        approval_days=approval,
        transfer_days=transfer,
        extra_delay_days=lateness,
    )
    tc = term_cost(terms, Decimal("1000"), invoice_date=invoice_date, rate=RATE, payer=payer)
    assert tc.last_cash_date == expected_payment_date(terms, invoice_date, payer)


def test_terms_counting_from_an_event_need_its_date() -> None:
    terms = PaymentTerms(installments=(Installment.balance("30D"),), start=pt.Start.DELIVERY)
    with pytest.raises(pt.InvalidArgument, match="term_start=None"):
        term_cost(terms, "100", invoice_date=JAN_15, rate=RATE)
    tc = term_cost(terms, "100", invoice_date=JAN_15, rate=RATE, term_start=date(2026, 1, 20))
    assert tc.last_cash_date == date(2026, 2, 19)


def test_indifferent_price_with_lines_on_the_untaxed_amount() -> None:
    # 50 % of the amount excluding tax with the order, the rest at 60 days; 1,200 with 200
    # of tax: 500 now, 700 later. The price under net 30 that nets the same.
    deposit = PaymentTerms(
        installments=(
            Installment.percent(Decimal("50"), "0D", of=pt.PercentOf.UNTAXED),
            Installment.balance("60D"),
        )
    )
    price = indifferent_price(
        Decimal("1200"),
        deposit,
        PaymentTerms.net(30),
        invoice_date=JAN_15,
        rate=RATE,
        tax="200",
        reading=NET,
    )
    before = (
        Decimal("1200") - term_cost(deposit, "1200", invoice_date=JAN_15, rate=RATE, tax="200").cost
    )
    after = price - term_cost(PaymentTerms.net(30), price, invoice_date=JAN_15, rate=RATE).cost
    assert abs(after - before) <= CENT
    # (1200 - 700 × 8 % × 60/365) / (1 - 8 % × 30/365) = 1190.79 / 0.993425
    assert price == Decimal("1198.68")
    # Future value at the last cash date (16 March): 500 × (1 + 8 % × 60/365) + 700 =
    # 1206.58, paid on 14 February: 1206.58 / (1 + 8 % × 30/365) = 1198.69.
    assert indifferent_price(
        Decimal("1200"), deposit, PaymentTerms.net(30), invoice_date=JAN_15, rate=RATE, tax="200"
    ) == Decimal("1198.69")  # fmt: skip


def test_indifferent_price_refuses_a_term_no_price_pays_for() -> None:
    # 20 years at 30 % simple: the cost of waiting is 6 times the price
    with pytest.raises(pt.InvalidArgument, match="to_terms="):
        indifferent_price(
            "100",
            PaymentTerms.net(30),
            PaymentTerms.net(7300),
            invoice_date=JAN_15,
            rate="0.3",
            reading=NET,
        )


def test_comparison_rows_as_a_frame() -> None:
    pytest.importorskip("pandas")
    rows = compare_terms(
        [PaymentTerms.net(60), PaymentTerms.end_of_month(30)],
        Decimal("10000"),
        invoice_date=JAN_15,
        rate=RATE,
    )
    frame = rows.to_frame()
    assert list(frame.columns) == [
        "terms",
        "cost",
        "last_cash_date",
        "days_financed",
        "cash_gap",
        "margin",
        "share_of_margin",
    ]
    assert list(frame["cost"]) == [row.cost for row in rows]
    assert frame["last_cash_date"].iloc[0] == date(2026, 3, 2)  # 31 Jan + 30 days
    assert frame["margin"].isna().all()


def test_comparison_frame_names_the_missing_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from payterms.errors import MissingExtra

    rows = compare_terms([PaymentTerms.net(30)], "100", invoice_date=JAN_15, rate=RATE)
    monkeypatch.setitem(sys.modules, "pandas", None)  # makes `import pandas` fail
    with pytest.raises(MissingExtra, match=r"payterms\[pandas\]") as info:
        rows.to_frame()
    assert info.value.extra == "pandas"


def test_take_discount_refuses_instalment_discounts() -> None:
    # the instalments carry the discounts: "the first tier" names none of them
    terms = PaymentTerms(installments=(Installment.balance("30D").with_discount(2, "10D"),))
    with pytest.raises(pt.InvalidArgument, match="take_discount=True"):
        term_cost(terms, Decimal("1000"), invoice_date=JAN_15, rate=RATE, take_discount=True)
    # not taking them: the instalment amounts are what is financed
    tc = term_cost(terms, Decimal("1000"), invoice_date=JAN_15, rate=RATE, take_discount=False)
    assert tc.cost == financing_cost(Decimal("1000"), 30, RATE)

"""Tests for payterms.discount: published worked examples, properties and bad input."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import payterms as pt
from payterms import Party, RateMethod
from payterms.discount import (
    best_tier,
    breakeven_days,
    breakeven_discount,
    discount_cost,
    discount_decision,
    discount_offer,
    rate_from_percent,
    rate_to_percent,
    tier_costs,
)
from strategies import annual_rates, discount_percents, discount_terms, examples

S, C, A = RateMethod.SIMPLE, RateMethod.COMPOUND, RateMethod.APPROXIMATE


def _printed(rate: Decimal, printed: str, rounding: str = ROUND_HALF_UP) -> Decimal:
    """Return *rate* in percent, rounded like the printed figure (same decimals)."""
    places = len(printed.split(".")[1]) if "." in printed else 0
    return rate_to_percent(rate, places, rounding=rounding)


# Columns: percent, discount days, net days, paid day, method, year, printed percent.
# All rows are the published figures of reference/finance.md §1.2.
PUBLISHED_RATES = [
    # Source: analystforum.com/t/cost-of-trade-credit/87203 (CFA Institute formula)
    pytest.param("2", 10, 30, None, C, 365, "44.59", id="cfa-2-10-net-30"),
    # Source: QuickBooks 2013 For Dummies (S. Nelson), ch. 21: "37.24 percent"
    pytest.param("2", 10, 30, None, S, 365, "37.24", id="quickbooks-2-10-net-30"),
    # Source: calcufinance.com/finance/business/invoice-discount: 37.2 %
    pytest.param("2", 10, 30, None, S, 365, "37.2", id="calcufinance-2-10-net-30"),
    # Source: mathcelebrity.com vendor discount calculator; knowunity (DE): 36,73 %
    pytest.param("2", 10, 30, None, S, 360, "36.73", id="mathcelebrity-360"),
    # Source: forderungsmanagement.com, Zinssatz Lieferantenkredit (approximation): 36 %
    pytest.param("2", 10, 30, None, A, 360, "36.00", id="forderungsmanagement-approx"),
    # Source: Kiehl Lexikon (Grabe / Vanini), effective rate "45 %"
    pytest.param("2", 10, 30, None, C, 365, "45", id="kiehl-effektiv"),
    # Source: haikudeck CFA-style example, 2/10 net 60 paid on day 50: 20.24 %
    pytest.param("2", 10, 60, 50, C, 365, "20.24", id="haikudeck-paid-day-50"),
    # Source: AnalystNotes CFA practice question V9JE61U7E, 2/10 net 45: 23.45 %
    pytest.param("2", 10, 45, None, C, 365, "23.45", id="analystnotes-2-10-net-45"),
    # Source: same question's distractor / wizedu Brigham answers: 21.28 %
    pytest.param("2", 10, 45, None, S, 365, "21.28", id="analystnotes-simple"),
    # Source: analystforum.com/t/trade-credit-terms/78050 (Elan mock), 2/20 net 40 paid day 30
    pytest.param("2", 20, 40, 30, C, 365, "109.05", id="elan-2-20-paid-day-30"),
    # Source: analystforum.com/t/trade-discount-calculation/51745, 2/20 net 45: 34.3 %
    pytest.param("2", 20, 45, None, C, 365, "34.3", id="analystforum-2-20-net-45"),
    # Source: wizedu.com/questions/17884 (Brigham & Houston end-of-chapter problem)
    pytest.param("1", 15, 30, None, S, 365, "24.58", id="brigham-a-1-15-n30"),
    pytest.param("2", 10, 55, None, S, 365, "16.55", id="brigham-b-2-10-n55"),
    pytest.param("3", 10, 45, None, S, 365, "32.25", id="brigham-c-3-10-n45"),
    pytest.param("2", 10, 45, None, S, 365, "21.28", id="brigham-d-2-10-n45"),
    pytest.param("2", 15, 40, None, S, 365, "29.80", id="brigham-e-2-15-n40"),
    # Source: wizedu.com/questions/287127 (nominal annual cost of nonfree trade credit)
    pytest.param("1", 10, 20, None, S, 365, "36.87", id="wizedu-1-10-n20"),
    pytest.param("2", 10, 60, None, S, 365, "14.90", id="wizedu-2-10-n60"),
    pytest.param("3", 10, 45, None, S, 365, "32.25", id="wizedu-3-10-n45"),
    pytest.param("2", 10, 45, None, S, 365, "21.28", id="wizedu-2-10-n45"),
    pytest.param("2", 10, 40, None, S, 365, "24.83", id="wizedu-2-10-n40"),
    # Source: Brigham SKI example via coursehero fm22-23: 1/10 net 40 = 12.29 %
    pytest.param("1", 10, 40, None, S, 365, "12.29", id="brigham-ski-1-10-n40"),
    # Source: calcufinance.com table
    pytest.param("1", 10, 30, None, S, 365, "18.4", id="calcufinance-1-10-n30"),
    pytest.param("3", 10, 45, None, S, 365, "32.3", id="calcufinance-3-10-n45"),
    pytest.param("2", 15, 60, None, S, 365, "16.6", id="calcufinance-2-15-n60"),
    # Source: expertminds ACCA FM practice exam 6 q17: 2 % in 15 days vs 45 days
    pytest.param("2", 15, 45, None, C, 365, "27.86", id="acca-fm-exam6-q17"),
    # Source: expertminds ACCA FM practice exam 5 q16.2: 2 % in 15 days vs 60 days
    pytest.param("2", 15, 60, None, C, 365, "17.81", id="acca-fm-exam5-q16"),
    # Source: opentuition.com/topic/chapter-5-ex-1: 4 % in 1 month vs 3 months = 27.75 %
    pytest.param("4", 1, 3, None, C, 12, "27.75", id="acca-months-4-percent"),
    # Source: same thread, the 365/60-day basis of that example: 28.19 %
    pytest.param("4", 30, 90, None, C, 365, "28.19", id="acca-days-4-percent"),
    # Source: same thread: 1 % for paying 20 days early, compound 20.13 % / simple 18.43 %
    pytest.param("1", 0, 20, None, C, 365, "20.13", id="acca-1-percent-20-days-compound"),
    pytest.param("1", 0, 20, None, S, 365, "18.43", id="acca-1-percent-20-days-simple"),
    # Source: bankazubi.de forum topic 19138: Skonto 1,5 % / 10 Tage, 30 netto
    pytest.param("1.5", 10, 30, None, S, 360, "27.41", id="bankazubi-exact"),
    pytest.param("1.5", 10, 30, None, A, 360, "27", id="bankazubi-approx"),
    # Source: blau-gelb.net/skonto/8: 2 % / 8 Tage, 30 netto: 33,4 %
    pytest.param("2", 8, 30, None, S, 360, "33.4", id="blau-gelb-exact"),
    # Source: handwerk.com, teurer Verzicht auf das Skonto: 3 % sofort / 3 % 8 Tage
    pytest.param("3", 0, 30, None, A, 360, "36", id="handwerk-3-sofort"),
    pytest.param("3", 8, 30, None, A, 360, "49.1", id="handwerk-3-8-tage"),
]


@pytest.mark.parametrize(
    ("percent", "early", "net", "paid", "method", "year", "printed"), PUBLISHED_RATES
)
def test_discount_cost_matches_published_rates(
    percent: str,
    early: int,
    net: int,
    paid: int | None,
    method: RateMethod,
    year: int,
    printed: str,
) -> None:
    rate = discount_cost(percent, early, net, method=method, year=year, paid_day=paid)
    assert _printed(rate, printed) == Decimal(printed)


def test_truncated_cfa_figure_for_paid_day_30() -> None:
    # Source: haikudeck CFA-style example, 2/10 net 60 paid on day 30 prints 44.58 %;
    # the exact value is 44.585 %, so the source truncates rather than rounds.
    rate = discount_cost(2, 10, 60, paid_day=30, method=C)
    assert _printed(rate, "44.58", ROUND_DOWN) == Decimal("44.58")
    assert rate == discount_cost(2, 10, 30, method=C)  # same 20 days of credit


def test_acca_study_text_months_figure() -> None:
    # Source: opentuition.com/topic/early-settlement-discounts (ACCA tutor J. Moffat):
    # 2.5 % within 1 month instead of 3 months. The tutor quotes 16.40 % unrounded (the
    # exact value is 16.405 %, so truncated); the Study Text prints 16.38 % because it
    # rounds the periodic rate to 2.56 % first: 1.0256 ** 6 - 1.
    rate = discount_cost("2.5", 1, 3, method=C, year=12)
    assert _printed(rate, "16.40", ROUND_DOWN) == Decimal("16.40")
    study_text = (1 + Decimal("0.0256")) ** 6 - 1
    assert _printed(study_text, "16.38") == Decimal("16.38")


def test_acca_technical_article_discount_not_worth_offering() -> None:
    # Source: ACCA technical article (stuacademy mirror): 1 % in 10 days, customers take
    # 41 days, overdraft 9 %; (100/99) ** (365/31) - 1 = 12.56 % (DERIVED: the printed
    # result is cut off in the copy), above 9 %: not worthwhile.
    dec = discount_decision(1, 10, 30, "0.09", side=Party.SELLER, paid_day=41, method=C)
    assert _printed(dec.annual_cost, "12.56") == Decimal("12.56")
    assert dec.days == 31
    assert not dec.advisable


def test_german_compound_360_is_derived_value() -> None:
    # Source: reference/finance.md §0: compound on a 360-day year gives 43.86 % (DERIVED).
    assert _printed(discount_cost(2, 10, 30, method=C, year=360), "43.86") == Decimal("43.86")


# --------------------------------------------------------------------------- money


# Columns: amount, percent, early, net, rate, year, on_net, discount, interest, benefit, places
PUBLISHED_DECISIONS = [
    # Source: knowunity (DE school notes): 20,000 EUR, 2 %/10 net 30, loan at 18 % -> saves 204
    pytest.param("20000", "2", 10, 30, "0.18", 360, True, "400", "196", "204", 0, id="knowunity"),
    # Source: mathelounge: 2,460 EUR, 3 % Skonto, 20 days at 9 % -> 73.80 - 11.93 = 61.87
    pytest.param(
        "2460", "3", 10, 30, "0.09", 360, True, "73.80", "11.93", "61.87", 2, id="mathelounge"
    ),
    # Source: forderungsmanagement.com: DM 30,000, 2 %/10 net 30, loan at 10 % on the gross
    # for 20 days -> DM 600, DM 166.70 (166.67 printed to the tenth), saving DM 433.30
    pytest.param(
        "30000",
        "2",
        10,
        30,
        "0.10",
        360,
        False,
        "600.0",
        "166.7",
        "433.3",
        1,
        id="forderungsmanagement",
    ),
]


@pytest.mark.parametrize(
    (
        "amount",
        "percent",
        "early",
        "net",
        "rate",
        "year",
        "on_net",
        "discount",
        "interest",
        "benefit",
        "places",
    ),
    PUBLISHED_DECISIONS,
)
def test_buyer_decision_matches_published_money(
    amount: str,
    percent: str,
    early: int,
    net: int,
    rate: str,
    year: int,
    on_net: bool,
    discount: str,
    interest: str,
    benefit: str,
    places: int,
) -> None:
    dec = discount_decision(
        percent, early, net, rate, amount=Decimal(amount), year=year, on_net=on_net
    )
    unit = Decimal(1).scaleb(-places)

    def at(value: Decimal | None) -> Decimal:
        assert value is not None
        return value.quantize(unit, rounding=ROUND_HALF_UP)

    assert at(dec.discount) == Decimal(discount)
    assert at(dec.interest) == Decimal(interest)
    assert at(dec.net_benefit) == Decimal(benefit)
    assert dec.advisable


def test_acca_workbook_discount_offer() -> None:
    # Source: ACCA F9/FM interactive workbook, Question 3 "Early settlement discount"
    # (online.flipbuilder.com/bmcx/mbdm, page 169): sales $50m, 57 days, overdraft 6 %,
    # 20 % of customers take 1 % for payment within 7 days.
    offer = discount_offer(Decimal("50000000"), 1, 7, 57, Decimal("0.2"), Decimal("0.06"))
    whole = Decimal(1)
    assert offer.receivables_before.quantize(whole) == Decimal("7808219")
    assert offer.financing_before.quantize(whole) == Decimal("468493")
    assert offer.receivables_after.quantize(whole) == Decimal("6438356")
    assert offer.financing_after.quantize(whole) == Decimal("386301")
    assert (offer.financing_before - offer.financing_after).quantize(whole) == Decimal("82192")
    assert offer.discounts == Decimal("100000.00")
    assert not offer.advisable


@pytest.mark.parametrize(
    ("percent", "take_up", "receivables", "carrying", "discounts", "total"),
    [
        # Source: familybusinessspecialist.com "John Smith Company": $50,000 sales a month,
        # carrying cost 10.5 %; "1 % 10, net 30", 50 % take-up -> A/R $33,333, $3,500 +
        # $3,000 = $6,500
        pytest.param("1", "0.5", "33333", "3500", "3000", "6500", id="one-percent-half"),
        # same page: "2 % 10, net 30", everyone takes it -> A/R $16,666 (the page truncates
        # 16,666.67), $1,750 + $12,000 = $13,750
        pytest.param("2", "1", "16666", "1750", "12000", "13750", id="two-percent-all"),
    ],
)
def test_family_business_carrying_cost(
    percent: str, take_up: str, receivables: str, carrying: str, discounts: str, total: str
) -> None:
    offer = discount_offer(
        Decimal("600000"), percent, 10, 30, Decimal(take_up), Decimal("0.105"), year=360
    )
    assert offer.receivables_before == Decimal("50000.00")  # "Net 30 -> avg A/R $50,000"
    assert offer.financing_before == Decimal("5250.00")  # "cost $5,250"
    assert offer.receivables_after.quantize(Decimal(1), rounding=ROUND_DOWN) == Decimal(receivables)
    assert offer.financing_after == Decimal(carrying)
    assert offer.discounts == Decimal(discounts)
    assert offer.financing_after + offer.discounts == Decimal(total)
    assert not offer.advisable


@pytest.mark.parametrize(
    ("rate", "printed"),
    [
        # Source: petroanswers.com/petroanswers/trade-discounts: 1 % on $100,000; borrowing
        # at 9.5 % -> the customer must pay 38 days earlier; at a 5 % savings rate, 73 days
        pytest.param("0.095", 38, id="petroanswers-borrowing"),
        pytest.param("0.05", 73, id="petroanswers-savings"),
    ],
)
def test_petroanswers_breakeven_days(rate: str, printed: int) -> None:
    days = breakeven_days(1, Decimal(rate), method=A)
    assert days.quantize(Decimal(1), rounding=ROUND_HALF_UP) == printed


# --------------------------------------------------------------------------- tiers


# Source: reference/finance.md §1.4, "3 % 8 Tage, 2 % 14 Tage, 30 Tage netto", B = 365
# (DERIVED: no printed multi-tier example was found; the figures follow §1.1 step by step).
@pytest.mark.parametrize(
    ("method", "expected"),
    [
        pytest.param(S, ("62.71", "51.31", "46.56"), id="simple"),
        pytest.param(C, ("86.63", "65.76", "58.55"), id="compound"),
    ],
)
def test_tier_marginal_costs(method: RateMethod, expected: tuple[str, ...]) -> None:
    steps = tier_costs(((3, 8), (2, 14)), 30, method=method)
    assert [(s.early_day, s.late_day) for s in steps] == [(8, 14), (8, 30), (14, 30)]
    assert [rate_to_percent(s.annual_cost, 2) for s in steps] == [Decimal(e) for e in expected]
    assert steps[0].periodic_rate.quantize(Decimal("0.000001")) == Decimal("0.010309")


def test_best_tier_pays_day_8_when_funds_are_cheap() -> None:
    # finance.md §1.4: a payer whose funds cost less than every step pays on day 8.
    choice = best_tier(((3, 8), (2, 14)), 30, Decimal("0.08"))
    assert (choice.day, choice.percent) == (8, Decimal("3"))


def test_best_tier_can_choose_the_middle_tier() -> None:
    choice = best_tier(((3, 8), ("2.5", 14)), 30, Decimal("0.40"))
    assert (choice.day, choice.percent) == (14, Decimal("2.5"))
    assert best_tier(((3, 8), ("2.5", 14)), 30, Decimal("0.60")).day == 30


@settings(max_examples=examples(60), deadline=None)
@given(
    p1=st.decimals(min_value="0.5", max_value="9", places=1),
    gap=st.decimals(min_value="0.1", max_value="5", places=1),
    d1=st.integers(0, 20),
    d2=st.integers(1, 20),
    net=st.integers(1, 60),
    rate=st.decimals(min_value="0", max_value="1", places=3),
)
def test_best_tier_compound_is_the_cheapest_option(
    p1: Decimal, gap: Decimal, d1: int, d2: int, net: int, rate: Decimal
) -> None:
    p2 = p1 - gap
    day2 = d1 + d2
    if p2 <= 0 or day2 + net > 200:
        return
    tiers = ((p1, d1), (p2, day2))
    net_day = day2 + net
    choice = best_tier(tiers, net_day, rate, method=C)
    options = [(p1, d1), (p2, day2), (Decimal(0), net_day)]

    def present_cost(p: Decimal, day: int) -> Decimal:
        return (1 - p / 100) * ((1 + rate).ln() * -day / 365).exp()

    best = min(present_cost(p, d) for p, d in options)
    assert present_cost(choice.percent, choice.day) <= best * (1 + Decimal("1e-20"))


# --------------------------------------------------------------------------- properties


@settings(max_examples=examples(200), deadline=None)
@given(terms=discount_terms(), rate=annual_rates(), method=st.sampled_from([S, C]))
def test_breakeven_discount_costs_the_cost_of_capital(
    terms: tuple[Decimal, int, int], rate: Decimal, method: RateMethod
) -> None:
    _, early, net = terms
    percent = breakeven_discount(rate, early, net, method=method)
    implied = discount_cost(percent, early, net, method=method)
    assert abs(implied - rate) <= Decimal("1e-24")


@settings(max_examples=examples(200), deadline=None)
@given(terms=discount_terms(), rate=annual_rates(), method=st.sampled_from([S, C, A]))
def test_decision_agrees_with_the_money(
    terms: tuple[Decimal, int, int], rate: Decimal, method: RateMethod
) -> None:
    percent, early, net = terms
    amount = Decimal("1000000")
    buyer = discount_decision(percent, early, net, rate, amount=amount, method=method)
    seller = discount_decision(
        percent, early, net, rate, amount=amount, method=method, side=Party.SELLER
    )
    assert buyer.net_benefit is not None
    assert seller.net_benefit == -buyer.net_benefit
    # the rate rule and the money agree whenever the money is not a rounding tie
    if abs(buyer.net_benefit) > Decimal("0.01"):
        assert buyer.advisable == (buyer.net_benefit > 0)
        assert seller.advisable == (seller.net_benefit > 0)
    assert not (buyer.advisable and seller.advisable)
    # the discount beats the cost of capital exactly when it is above the break-even
    assert buyer.advisable == (Decimal(percent) > buyer.breakeven_percent)


@settings(max_examples=examples(200), deadline=None)
@given(percent=discount_percents(), early=st.integers(0, 60), extra=st.integers(1, 200))
def test_cost_falls_as_credit_lengthens(percent: Decimal, early: int, extra: int) -> None:
    for method in (S, C, A):
        shorter = discount_cost(percent, early, early + extra, method=method)
        longer = discount_cost(percent, early, early + extra + 1, method=method)
        assert longer <= shorter
        assert shorter >= 0


@settings(max_examples=examples(200), deadline=None)
@given(terms=discount_terms())
def test_method_order(terms: tuple[Decimal, int, int]) -> None:
    percent, early, net = terms
    approx = discount_cost(percent, early, net, method=A)
    simple = discount_cost(percent, early, net, method=S)
    assert approx <= simple  # dividing by 1 - d only adds
    if net - early <= 365:  # compounding more than once a year only adds
        assert simple <= discount_cost(percent, early, net, method=C)


def test_zero_discount_costs_nothing() -> None:
    assert discount_cost(0, 10, 30) == 0
    assert discount_cost(0, 10, 30, method=C) == 0


# --------------------------------------------------------------------------- helpers


def test_rate_helpers_are_exact_inverses() -> None:
    assert rate_from_percent("8") == Decimal("0.08")
    assert rate_from_percent(8) == Decimal("0.08")
    assert rate_to_percent(rate_from_percent("4.125")) == Decimal("4.125")
    assert rate_to_percent(Decimal("0.4459"), 1) == Decimal("44.6")
    assert pt.rate_from_percent is rate_from_percent


def test_explain_names_the_convention() -> None:
    dec = discount_decision(2, 10, 30, "0.50", side=Party.SELLER, year=360)
    assert dec.explain() == (
        "Offer the discount: being paid 20 days earlier costs 36.73 % a year (simple, "
        "360-day year, on the net amount), less than the 50.00 % cost of capital."
    )
    text = discount_decision(4, 1, 3, "0.30", method=C, year=12).explain()
    assert text.startswith("Do not take the discount: paying 2 months later costs 27.75 %")
    assert "12-month year" in text
    tie = discount_decision(0, 10, 30, "0").explain()
    assert tie.startswith("Do not take")
    assert "the same as the 0.00 %" in tie


# --------------------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    ("call", "error", "fragment"),
    [
        pytest.param(lambda: discount_cost(100, 10, 30), pt.InvalidArgument, "percent=100",
                     id="discount-100"),
        pytest.param(lambda: discount_cost("-1", 10, 30), pt.InvalidArgument, "percent='-1'",
                     id="discount-negative"),
        pytest.param(lambda: discount_cost(2.0, 10, 30), pt.InvalidType, "percent=2.0",
                     id="discount-float"),
        pytest.param(lambda: discount_cost(2, -1, 30), pt.InvalidArgument, "discount_days=-1",
                     id="negative-days"),
        pytest.param(lambda: discount_cost(2, 30, 30), pt.InvalidArgument,
                     "discount_days=30", id="discount-days-equal-net"),
        pytest.param(lambda: discount_cost(2, 40, 30), pt.InvalidArgument,
                     "net_days=30", id="discount-days-after-net"),
        pytest.param(lambda: discount_cost(2, 10, 30, paid_day=10), pt.InvalidArgument,
                     "paid_day=10", id="paid-in-discount-period"),
        pytest.param(lambda: discount_cost(2, 10, 30, year=364), pt.InvalidArgument,
                     "year=364", id="odd-year"),
        pytest.param(lambda: discount_cost(2, 10, 30, year=365.0), pt.InvalidType,
                     "year=365.0", id="float-year"),
        pytest.param(lambda: discount_cost(2, 10, 30, method="simple"), pt.InvalidType,
                     "method='simple'", id="string-method"),
        pytest.param(lambda: discount_cost(2, 10, 30, method=A, on_net=True),
                     pt.InvalidArgument, "on_net=True", id="approximate-on-net"),
        pytest.param(lambda: discount_cost(2, 10, 30, on_net=1), pt.InvalidType, "on_net=1",
                     id="int-on-net"),
        pytest.param(lambda: breakeven_discount(0.08, 10, 30), pt.InvalidType,
                     "cost_of_capital=0.08", id="float-rate"),
        pytest.param(lambda: breakeven_discount(8, 10, 30), pt.InvalidArgument,
                     "rate_from_percent", id="percent-as-rate"),
        pytest.param(lambda: breakeven_days(1, 0), pt.InvalidArgument, "cost_of_capital=0",
                     id="breakeven-days-zero-rate"),
        pytest.param(lambda: discount_decision(2, 10, 30, "0.08", side="buyer"),
                     pt.InvalidType, "side='buyer'", id="string-side"),
        pytest.param(lambda: discount_decision(2, 10, 30, "0.08", amount="-1"),
                     pt.InvalidArgument, "amount='-1'", id="negative-amount"),
        pytest.param(lambda: tier_costs((), 30), pt.InvalidArgument, "tiers=()",
                     id="no-tiers"),
        pytest.param(lambda: tier_costs(((2, 14), (3, 8)), 30), pt.InvalidArgument,
                     "tiers[1]", id="tiers-out-of-order"),
        pytest.param(lambda: tier_costs(((3, 8), (2, 30)), 30), pt.InvalidArgument,
                     "tiers[1] days=30", id="tier-at-net-day"),
        pytest.param(lambda: tier_costs([[3, 8]], 30), pt.InvalidArgument, "tiers[0]",
                     id="tier-not-a-pair"),
        pytest.param(lambda: discount_offer(1, 1, 7, 57, "1.5", "0.06"), pt.InvalidArgument,
                     "take_up='1.5'", id="take-up-above-one"),
        pytest.param(lambda: discount_offer(-1, 1, 7, 57, "0.2", "0.06"), pt.InvalidArgument,
                     "sales=-1", id="negative-sales"),
        pytest.param(lambda: discount_offer(1, 1, 57, 57, "0.2", "0.06"), pt.InvalidArgument,
                     "discount_days=57", id="offer-days"),
        pytest.param(lambda: rate_to_percent("0.1", 2, rounding="UP"), pt.InvalidArgument,
                     "rounding='UP'", id="bad-rounding"),
    ],
)  # fmt: skip
def test_bad_input_names_the_value(call: object, error: type[Exception], fragment: str) -> None:
    assert callable(call)
    with pytest.raises(error) as info:
        call()
    assert fragment in str(info.value)
    assert isinstance(info.value, pt.PaytermsError)


def test_demo_shows_the_four_published_rates(capsys: pytest.CaptureFixture[str]) -> None:
    from payterms.cli import main

    assert main(["demo"]) == 0
    out = capsys.readouterr().out
    for figure in ("37.24 %", "44.59 %", "36.73 %", "36.00 %"):
        assert figure in out
    assert "cost 65.75, 2.6 % of the 2500.00 margin" in out
    assert "cash on 2026-03-26, 70 days financed, cost 153.42" in out
    assert "net 157.04 for the buyer" in out


# --------------------------------------------------------------------------- from terms


def test_discount_tiers_of_parsed_german_terms() -> None:
    # Source: blau-gelb.net/skonto/8: 2 % Skonto within 8 days, 30 days net: 33,4 %
    terms = pt.PaymentTerms.parse("8 Tage 2 % Skonto, 30 Tage netto")
    tiers, net_days = pt.discount_tiers(terms, date(2026, 1, 15))
    assert (tiers, net_days) == (((Decimal("2"), 8),), 30)
    rate = discount_cost(*tiers[0], net_days, year=360)
    assert _printed(rate, "33.4") == Decimal("33.4")


def test_discount_tiers_of_a_tiered_term() -> None:
    # Source: reference/finance.md §1.4 example "3 % 8 Tage, 2 % 14 Tage, 30 Tage netto"
    terms = pt.PaymentTerms(
        installments=(pt.Installment.balance("30D"),),
        discounts=(pt.DiscountTier(Decimal("3"), "8D"), pt.DiscountTier(Decimal("2"), "14D")),
    )
    tiers, net_days = pt.discount_tiers(terms, date(2026, 1, 15))
    assert tiers == ((Decimal("3"), 8), (Decimal("2"), 14))
    steps = tier_costs(tiers, net_days)
    assert [rate_to_percent(s.annual_cost, 2) for s in steps] == [
        Decimal("62.71"),
        Decimal("51.31"),
        Decimal("46.56"),
    ]


def test_discount_tiers_follow_the_calendar() -> None:
    # 2/10 net 30 from Wed 14 Jan 2026: the window ends Sat 24 Jan, moved to Mon 26 Jan;
    # the net day Fri 13 Feb stays.
    cal = pt.BusinessCalendar.WEEKENDS
    tiers, net_days = pt.discount_tiers(
        pt.PaymentTerms.parse("2/10 net 30"),
        date(2026, 1, 14),
        calendar=cal,
        adjustment=pt.Adjustment.FOLLOWING,
    )
    assert (tiers, net_days) == (((Decimal("2"), 12),), 30)


def test_discount_tiers_refuse_installments() -> None:
    terms = pt.PaymentTerms(
        installments=(pt.Installment.percent(Decimal("50"), "30D"), pt.Installment.balance("60D")),
        discounts=(pt.DiscountTier(Decimal("2"), "10D"),),
    )
    with pytest.raises(pt.InvalidTerms, match="one installment"):
        pt.discount_tiers(terms, date(2026, 1, 15))
    with pytest.raises(pt.InvalidType, match="terms='2/10 net 30'"):
        pt.discount_tiers("2/10 net 30", date(2026, 1, 15))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("method", "printed"),
    [
        # Source: reference/finance.md §1.3 (DERIVED by inverting §1.1): r = 8 %, t = 20,
        # B = 365 -> d* = 0.4364 % (simple) / 0.4208 % (compound)
        pytest.param(S, "0.4364", id="simple"),
        pytest.param(C, "0.4208", id="compound"),
    ],
)
def test_breakeven_discount_derived_figures(method: RateMethod, printed: str) -> None:
    percent = breakeven_discount(Decimal("0.08"), 10, 30, method=method)
    assert percent.quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP) == Decimal(printed)


def test_breakeven_days_inverts_the_rate() -> None:
    # at the rate 2/10 net 30 costs, the break-even is exactly those 20 days
    for method in (S, C):
        rate = discount_cost(2, 10, 30, method=method)
        days = breakeven_days(2, rate, method=method)
        assert abs(days - 20) < Decimal("1e-20")


def test_discount_tiers_of_an_instalment_discount_and_a_fixed_one() -> None:
    # Source: OCA/account-payment account_cash_discount_payment test_invoice_payment_discount
    # (Odoo 16): the discount sits on the only line (25 % within 5 days, due at 0 days):
    # the same tier as an invoice discount.
    line = pt.PaymentTerms(installments=(pt.Installment.balance("0D").with_discount(25, "5D"),))
    tiers, net_days = pt.discount_tiers(line, date(2024, 3, 1))
    assert (tiers, net_days) == (((Decimal(25), 5),), 0)
    # Source: frappe/erpnext test_payment_entry.py: an "Amount" discount has no rate without
    # its invoice amount.
    fixed = pt.PaymentTerms.net(2).with_discount(None, "1D", amount=Decimal(50))
    with pytest.raises(pt.InvalidTerms, match="fixed discount of 50"):
        pt.discount_tiers(fixed, date(2024, 5, 2))


# Each bad input's error type, the argument it names and the value it carries: the
# wording may change, these may not.
@pytest.mark.parametrize(
    ("call", "error", "name", "value"),
    [
        pytest.param(lambda: breakeven_discount("1.5", 10, 30), pt.InvalidArgument,
                     "cost_of_capital", "1.5", id="rate-above-one"),
        pytest.param(lambda: discount_cost(2, 0, -1), pt.InvalidArgument, "net_days", -1,
                     id="negative-net-days"),
        pytest.param(lambda: discount_cost(2, 0, 0), pt.InvalidArgument, "discount_days", 0,
                     id="no-credit-days"),
        pytest.param(lambda: discount_cost(2, 10, 30, paid_day=-1), pt.InvalidArgument,
                     "paid_day", -1, id="negative-paid-day"),
        pytest.param(lambda: tier_costs(((2, 10),), -1), pt.InvalidArgument, "net_days", -1,
                     id="tiers-negative-net-days"),
        pytest.param(lambda: tier_costs(((2, 0),), 0), pt.InvalidArgument, "tiers[0] days", 0,
                     id="tier-on-a-net-day-zero"),
        pytest.param(lambda: tier_costs("2/10", 30), pt.InvalidType, "tiers", "2/10",
                     id="tiers-as-text"),
        pytest.param(lambda: tier_costs(((1.5, 10),), 30), pt.InvalidType, "tiers[0] percent",
                     1.5, id="tier-float-percent"),
        pytest.param(lambda: tier_costs(((100, 10),), 30), pt.InvalidArgument,
                     "tiers[0] percent", Decimal(100), id="tier-hundred-percent"),
        pytest.param(lambda: tier_costs(((2, -1),), 30), pt.InvalidArgument, "tiers[0] days",
                     -1, id="tier-negative-days"),
        pytest.param(lambda: tier_costs(((3, 10), (2, 10)), 30), pt.InvalidArgument,
                     "tiers[1]", (2, 10), id="two-tiers-same-day"),
    ],
)  # fmt: skip
def test_bad_input_error_type_name_and_value(
    call: object, error: type[Exception], name: str, value: object
) -> None:
    assert callable(call)
    with pytest.raises(error) as info:
        call()
    assert (info.value.name, info.value.value) == (name, value)  # type: ignore[attr-defined]


def test_a_cost_of_capital_of_one_is_accepted() -> None:
    # 100 % a year is the top of the range: 2/98 x 365/t = 1 at t = 7.3 days; the
    # breakeven discount d over 20 days solves d / (1 - d) x 365/20 = 1: d = 20/385.
    assert breakeven_discount(1, 10, 30) == (Decimal(2000) / Decimal(385)).quantize(
        breakeven_discount(1, 10, 30)
    )


# discount_decision(2, 10, 30, ...): 2/10 net 30 costs 2/98 x 365/20 = 37.24 % a year on
# the net amount, 2 x 365/20 = 36.50 % on the gross; interest at 8 % on 10 000 for 20 days
# is 10 000 x 0.08 x 20/365 = 43.84 (the figures of the explain doctests).
@pytest.mark.parametrize(
    ("rate", "options", "sentence"),
    [
        ("0.08", {}, "Take the discount: paying 20 days later costs 37.24 % a year (simple, "
         "365-day year, on the net amount), more than the 8.00 % cost of capital."),
        ("0.50", {}, "Do not take the discount: paying 20 days later costs 37.24 % a year "
         "(simple, 365-day year, on the net amount), less than the 50.00 % cost of capital."),
        ("0.50", {"side": Party.SELLER}, "Offer the discount: being paid 20 days earlier costs "
         "37.24 % a year (simple, 365-day year, on the net amount), less than the 50.00 % "
         "cost of capital."),
        ("0.08", {"side": Party.SELLER}, "Do not offer the discount: being paid 20 days "
         "earlier costs 37.24 % a year (simple, 365-day year, on the net amount), more than "
         "the 8.00 % cost of capital."),
        ("0.08", {"on_net": False, "amount": Decimal(10000)}, "Take the discount: paying 20 "
         "days later costs 36.50 % a year (simple, 365-day year, on the gross amount), more "
         "than the 8.00 % cost of capital. On 10000: discount 200.00, interest 43.84, net "
         "156.16 for the buyer."),
    ],
)  # fmt: skip
def test_explain_states_the_answer_and_its_basis(
    rate: str, options: dict[str, object], sentence: str
) -> None:
    assert discount_decision(2, 10, 30, Decimal(rate), **options).explain() == sentence  # type: ignore[arg-type]


def test_tier_steps_carry_their_options_and_convention() -> None:
    # 3 % at 8 days, 2 % at 14, net 30, on the gross: the periodic rates are the points
    # given up (1, 3 and 2 %), over 6, 22 and 16 days.
    steps = tier_costs(((3, 8), (2, 14)), 30, year=360, method=RateMethod.COMPOUND, on_net=False)
    assert [
        (s.early_day, s.early_percent, s.late_day, s.late_percent, s.days, s.periodic_rate)
        for s in steps
    ] == [
        (8, 3, 14, 2, 6, Decimal("0.01")),
        (8, 3, 30, 0, 22, Decimal("0.03")),
        (14, 2, 30, 0, 16, Decimal("0.02")),
    ]
    assert {(s.method, s.year, s.on_net) for s in steps} == {(RateMethod.COMPOUND, 360, False)}
    # compound: (1 + 0.01) ** (360 / 6) - 1
    assert abs(steps[0].annual_cost - (Decimal("1.01") ** 60 - 1)) < Decimal("1e-20")

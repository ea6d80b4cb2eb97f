"""Netherlands: handelsrente and wettelijke rente tables, yearly compounding, BIK staffel."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from payterms import Payment, RateNotPublished, late_interest
from payterms.interest import Compounding, Imputation, PaymentDay, RateAssumption
from payterms.law import PartyKind, RateStatus, nl, rate_table, regime

# Source: legal.md §3.2, wettelijke handelsrente (vdkraan.nl, fintool.nl,
# advocatenkantooroste.nl, bierensgroup.com, rechtnet.nl, overeenkomsten.nl,
# credifin-nederland.nl, e-justice.europa.eu, metaalunie.nl, vanlaarhovenenpartners.nl).
# Rows legal.md marks DERIVED (ECB + 8, matching the Irish table) are marked so in the id.
PUBLISHED = [
    pytest.param(date(2013, 1, 1), "7.75", id="2013-01-01-vdkraan"),
    pytest.param(date(2013, 3, 16), "8.75", id="2013-03-16-DERIVED-irish-table"),
    pytest.param(date(2013, 7, 1), "8.50", id="2013H2-fintool"),
    pytest.param(date(2014, 1, 1), "8.25", id="2014H1-DERIVED-irish-table"),
    pytest.param(date(2014, 7, 1), "8.15", id="2014H2-advocatenkantooroste"),
    pytest.param(date(2015, 1, 1), "8.05", id="2015H1-bierensgroup"),
    pytest.param(date(2015, 7, 1), "8.05", id="2015H2-DERIVED-irish-table"),
    pytest.param(date(2016, 1, 1), "8.05", id="2016H1-rechtnet"),
    pytest.param(date(2016, 7, 1), "8.00", id="2016H2-DERIVED-irish-table"),
    pytest.param(date(2019, 7, 1), "8.00", id="2019H2-DERIVED-rijksoverheid"),
    pytest.param(date(2022, 12, 31), "8.00", id="2022H2-DERIVED-irish-table"),
    pytest.param(date(2023, 1, 1), "10.50", id="2023H1-overeenkomsten"),
    pytest.param(date(2023, 7, 1), "12.00", id="2023H2-credifin"),
    pytest.param(date(2024, 1, 1), "12.50", id="2024H1-e-justice"),
    pytest.param(date(2024, 7, 1), "12.25", id="2024H2-DERIVED-metaalunie"),
    pytest.param(date(2025, 1, 1), "11.15", id="2025H1-DERIVED"),
]

# Source: rates-update.md §4.1 (research of 2026-12-07): from 2025 H2 the rates rest on
# an unconfirmed ECB rate (2025 H2 also reported by vanlaarhovenenpartners.nl); no Dutch
# publication was read. They ship as unconfirmed rows.
UNCONFIRMED = [
    pytest.param(date(2025, 7, 1), "10.15", id="2025H2-vanlaarhoven"),
    pytest.param(date(2026, 1, 1), "10.15", id="2026H1-formula"),
    pytest.param(date(2026, 7, 1), "10.40", id="2026H2-formula"),
]


@pytest.mark.parametrize(("day", "rate"), UNCONFIRMED)
def test_handelsrente_unconfirmed(day: date, rate: str) -> None:
    with pytest.raises(RateNotPublished, match=r"nl_handelsrente.*unconfirmed"):
        regime("NL").rate_on(day)
    assumed = regime("NL").rate_source(RateAssumption.CARRY_FORWARD)
    assert assumed.rate_on(day) * 100 == Decimal(rate)


@pytest.mark.parametrize(("day", "rate"), PUBLISHED)
def test_handelsrente(day: date, rate: str) -> None:
    assert regime("NL").rate_on(day) * 100 == Decimal(rate)


# Source: legal.md §3.2, wettelijke rente (Stb. 2011; Stb. 2014, 491; Stb. 2022, 520;
# credifin; Stb. 2023, 484; metaalunie; vanlaarhovenenpartners).
PUBLISHED_CONSUMER = [
    pytest.param(date(2013, 1, 1), "3", id="2013-Stb-2014-491"),
    pytest.param(date(2014, 12, 31), "3", id="2014-Stb-2014-491"),
    pytest.param(date(2015, 1, 1), "2", id="2015-Stb-2014-491"),
    pytest.param(date(2022, 12, 31), "2", id="2022-overeenkomsten"),
    pytest.param(date(2023, 1, 1), "4", id="2023H1-Stb-2022-520"),
    pytest.param(date(2023, 7, 1), "6", id="2023H2-credifin"),
    pytest.param(date(2024, 1, 1), "7", id="2024H1-Stb-2023-484"),
]

# Source: rates-update.md §4.2: read only in secondary sources (metaalunie.nl;
# vanlaarhovenenpartners.nl; the KOOP version list of BWBR0047640 quoted in a code comment).
UNCONFIRMED_CONSUMER = [
    pytest.param(date(2024, 7, 1), "7", id="2024H2-metaalunie"),
    pytest.param(date(2025, 3, 1), "6", id="2025H1-KOOP-versions"),
    pytest.param(date(2025, 7, 1), "6", id="2025H2-vanlaarhoven"),
    pytest.param(date(2026, 6, 30), "4", id="2026H1-KOOP-versions"),
]


@pytest.mark.parametrize(("day", "rate"), PUBLISHED_CONSUMER)
def test_wettelijke_rente(day: date, rate: str) -> None:
    assert regime("NL", debtor=PartyKind.CONSUMER).rate_on(day) * 100 == Decimal(rate)


@pytest.mark.parametrize(("day", "rate"), UNCONFIRMED_CONSUMER)
def test_wettelijke_rente_unconfirmed(day: date, rate: str) -> None:
    consumer = regime("NL", debtor=PartyKind.CONSUMER)
    with pytest.raises(RateNotPublished, match=r"nl_wettelijke_rente.*unconfirmed"):
        consumer.rate_on(day)
    assert consumer.rate_source(RateAssumption.CARRY_FORWARD).rate_on(day) * 100 == Decimal(rate)


def test_wettelijke_rente_has_no_formula() -> None:
    # Source: legal.md §3 and §9.12: the published wettelijke rente is not formula-
    # reproducible (2025-07-01: 2.40 + 2.25 = 4.65, published 6 %).
    assert regime("NL", debtor=PartyKind.CONSUMER).formula is None


def test_handelsrente_is_ecb_plus_8_unrounded_since_16_march_2013() -> None:
    # art. 6:120 lid 2 BW: ECB rate before the half-year + 8 points, no rounding; the
    # unconfirmed rows follow the ECB figures reported for their half-years.
    reported = nl.FORMULA.assuming(RateAssumption.CARRY_FORWARD)
    for entry in rate_table("nl_handelsrente").entries:
        if entry.valid_from >= date(2013, 3, 16):
            formula = nl.FORMULA if entry.status is not RateStatus.UNCONFIRMED else reported
            assert formula.rate_on(entry.valid_from) * 100 == entry.rate, entry


def test_contracts_before_16_march_2013_have_no_confirmed_rate_after() -> None:
    # Source: legal.md §3: whether pre-16-3-2013 contracts switched to + 8 is UNCONFIRMED.
    old = regime("NL", contract_date=date(2012, 6, 1))
    assert old.rate_on(date(2013, 3, 15)) * 100 == Decimal("7.75")
    with pytest.raises(RateNotPublished, match="not confirmed"):
        old.rate_on(date(2013, 3, 16))


def test_rules() -> None:
    r = regime("NL")
    assert r.compounding is Compounding.ANNUAL  # 6:119a lid 3
    assert r.payment_day is PaymentDay.INCLUDED  # 6:119a "tot en met"
    assert r.imputation is Imputation.COSTS_INTEREST_PRINCIPAL  # 6:44


# Source: legal.md §3.1, BIK staffel; worked example das.nl: EUR 10 000 -> 375 + 250 +
# 250 = EUR 875; minimum EUR 40 (lid 2); maximum EUR 6 775.
@pytest.mark.parametrize(
    ("debt", "costs"),
    [
        pytest.param("10000", "875", id="das.nl-worked-example"),
        pytest.param("100", "40", id="minimum-40"),
        pytest.param("2500", "375", id="first-tranche-15pct"),
        pytest.param("5000", "625", id="second-tranche-10pct"),
        pytest.param("200000", "2775", id="fourth-tranche-1pct"),
        pytest.param("1000000", "6775", id="maximum-6775"),
    ],
)
def test_bik_staffel(debt: str, costs: str) -> None:
    assert nl.BIK_STAFFEL.amount(Decimal(debt)) == Decimal(costs)
    assert regime("NL", debtor=PartyKind.CONSUMER).compensation.amount(Decimal(debt)) == Decimal(
        costs
    )


def test_compounds_on_the_anniversary_not_the_calendar_year() -> None:
    # 6:119a lid 3 BW: after each year the year's interest is added to the principal;
    # the year runs from the first interest day (legal.md §9.3).
    res = late_interest(
        Decimal("10000"), due=date(2016, 9, 30), until=date(2018, 10, 1), regime="NL"
    )
    starts = [p.start for p in res.periods]
    assert date(2017, 10, 1) in starts
    assert date(2018, 10, 1) in starts
    assert date(2017, 1, 1) not in starts  # the rate did not change: one line to the anniversary
    first_year = Decimal("10000") * Decimal("8.00") * 365 / 36500
    assert res.periods[0].interest == first_year  # 800 exactly
    assert res.periods[1].base == Decimal("10000") + first_year
    second_year = res.periods[1].interest
    assert res.periods[2].base == res.periods[1].base + second_year
    simple = late_interest(
        Decimal("10000"),
        due=date(2016, 9, 30),
        until=date(2018, 10, 1),
        regime="NL",
        compounding=Compounding.NONE,
    )
    assert res.interest > simple.interest


def test_leap_day_start_has_its_anniversary_on_1_march() -> None:
    res = late_interest(Decimal("1000"), due=date(2024, 2, 28), until=date(2025, 3, 5), regime="NL")
    assert [p.start for p in res.periods][-1] == date(2025, 3, 1)


def test_payment_goes_to_costs_then_interest_then_principal() -> None:
    # 6:44 BW; EUR 40 minimum costs (6:96 lid 4).
    res = late_interest(
        Decimal("1000"),
        due=date(2024, 1, 31),
        until=date(2024, 3, 31),
        regime="NL",
        payments=(Payment(date(2024, 2, 29), Decimal("50")),),
    )
    accrued = Decimal("1000") * Decimal("12.50") * 29 / 36500  # 1-29 Feb, payment day included
    # rounded to the cent when the payment is credited: 9.93
    assert abs(res.periods[0].interest - accrued) < Decimal("1e-20")
    expected = Decimal("1000") - (Decimal("50") - Decimal("40") - Decimal("9.93"))
    assert res.periods[1].base == expected
    assert res.compensation_outstanding == Decimal("0.00")


def test_nfco_2023_rate_is_10_50_not_12() -> None:
    # Known error in a source: nfco.nl (11-01-2023) gives 12 % from 1 January 2023; the
    # handelsrente was 10.50 % (overeenkomsten.nl; ECB 2.50 + 8). 12 % applied from July.
    assert regime("NL").rate_on(date(2023, 1, 1)) * 100 == Decimal("10.50")
    assert regime("NL").rate_on(date(2023, 7, 1)) * 100 == Decimal("12.00")

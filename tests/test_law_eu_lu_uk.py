"""The Directive's model regime, Luxembourg and the United Kingdom."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from payterms import RateNotPublished, late_interest
from payterms.errors import InvalidArgument, UnknownRegime
from payterms.interest import RateAssumption, RateSplit
from payterms.law import CODES, PartyKind, RateTable, rate_table, regime

# Source: enterprise.gov.ie Late Payment Interest Rate table (legal.md §0.1 cross-check):
# the MRO + 8 column from 16-03-2013 to 2024-07-01, the Directive's formula.
IRISH_TABLE = [
    pytest.param(date(2013, 3, 16), "8.75", id="2013-03-16"),
    pytest.param(date(2013, 7, 1), "8.50", id="2013H2"),
    pytest.param(date(2014, 1, 1), "8.25", id="2014H1"),
    pytest.param(date(2014, 7, 1), "8.15", id="2014H2"),
    pytest.param(date(2015, 1, 1), "8.05", id="2015H1"),
    pytest.param(date(2015, 7, 1), "8.05", id="2015H2"),
    pytest.param(date(2016, 1, 1), "8.05", id="2016H1"),
    pytest.param(date(2016, 7, 1), "8.00", id="2016H2"),
    pytest.param(date(2022, 7, 1), "8.00", id="2022H2"),
    pytest.param(date(2023, 1, 1), "10.50", id="2023H1"),
    pytest.param(date(2023, 7, 1), "12.00", id="2023H2"),
    pytest.param(date(2024, 1, 1), "12.50", id="2024H1"),
    pytest.param(date(2024, 7, 1), "12.25", id="2024H2"),
]


@pytest.mark.parametrize(("day", "rate"), IRISH_TABLE)
def test_directive_rate_matches_the_irish_table(day: date, rate: str) -> None:
    assert regime("EU").rate_on(day) * 100 == Decimal(rate)


def test_pre_2009_reference_rates_are_not_computed() -> None:
    # Source: legal.md §0 note: before 2008-10-15 the Directive used the marginal rate
    # of variable-rate tenders (NL 2008-07-01: 11.07 %, raadvanarbitrage.nl), which the
    # MRO table cannot give.
    with pytest.raises(RateNotPublished, match="ecb_mro"):
        regime("EU").rate_on(date(2008, 7, 1))


def test_directive_compensation_is_per_invoice() -> None:
    # CJEU C-585/20: EUR 40 for each late invoice, even when claimed together.
    one = late_interest(Decimal("100"), due=date(2024, 1, 31), until=date(2024, 2, 5), regime="EU")
    assert one.compensation == Decimal("40.00")
    assert 2 * one.compensation == Decimal("80.00")


def test_directive_excludes_consumers() -> None:
    with pytest.raises(InvalidArgument, match="consumers"):
        regime("EU", debtor=PartyKind.CONSUMER)


def test_luxembourg() -> None:
    # Source: mj.gouvernement.lu (legal.md §6): H2 2024 B2B 12.25 % (no rounding); B2C
    # legal rate 2024 4.50 %.
    res = late_interest(
        Decimal("1000"), due=date(2024, 8, 31), until=date(2024, 9, 30), regime="LU"
    )
    assert [p.rate * 100 for p in res.periods] == [Decimal("12.25")]
    assert any("Luxembourg rate computed" in a for a in res.assumptions)
    assert regime("LU", debtor=PartyKind.CONSUMER).rate_on(date(2024, 5, 1)) * 100 == Decimal(
        "4.50"
    )
    with pytest.raises(RateNotPublished):
        regime("LU", debtor=PartyKind.CONSUMER).rate_on(date(2025, 1, 1))


def test_luxembourg_values_are_plus_8_although_reported_as_plus_7() -> None:
    # Known error in a source: vichy-economie.com / fiduciaire-lpg.lu describe the old
    # rate as "+7%" but report 8.05 % (2016 H1) and 8 % (2016 H2), which are ECB + 8.
    r = regime("LU")
    assert r.rate_on(date(2016, 3, 1)) * 100 == Decimal("8.05")
    assert r.rate_on(date(2016, 9, 1)) * 100 == Decimal("8.00")


# Source: payontime.co.uk (legal.md §7.1): statutory rate = reference (base) rate + 8.
UK_PUBLISHED = [
    pytest.param(date(2017, 1, 1), "8.25", id="2017H1"),
    pytest.param(date(2018, 7, 1), "8.50", id="2018H2"),
    pytest.param(date(2019, 1, 1), "8.75", id="2019H1"),
    pytest.param(date(2020, 6, 30), "8.75", id="2020H1"),
    pytest.param(date(2020, 7, 1), "8.10", id="2020H2"),
    pytest.param(date(2021, 12, 31), "8.10", id="2021H2"),
    pytest.param(date(2022, 1, 1), "8.25", id="2022H1"),
    pytest.param(date(2022, 7, 1), "9.25", id="2022H2"),
    pytest.param(date(2023, 1, 1), "11.50", id="2023H1"),
    pytest.param(date(2023, 7, 1), "13.00", id="2023H2"),
    pytest.param(date(2024, 1, 1), "13.25", id="2024H1"),
]


@pytest.mark.parametrize(("day", "rate"), UK_PUBLISHED)
def test_uk_statutory_rate(day: date, rate: str) -> None:
    assert regime("UK").rate_on(day) * 100 == Decimal(rate)


# Source: rates-update.md §7.1 (research of 2026-12-07): no Bank of England page was read;
# the reference rates of 2011 H1 to 2016 H1 (0.50, BBC tracker, the Guardian) and from
# 2024 H2 on are read only in secondary sources (2025 H1 is inferred). Unconfirmed rows.
UK_UNCONFIRMED = [
    pytest.param(date(2011, 1, 1), "8.50", id="2011H1-bbc-payontime"),
    pytest.param(date(2016, 12, 31), "8.50", id="2016H2-payontime"),
    pytest.param(date(2024, 7, 1), "13.25", id="2024H2-bbc"),
    pytest.param(date(2025, 1, 1), "12.75", id="2025H1-inferred"),
    pytest.param(date(2025, 7, 1), "12.25", id="2025H2-particle-news"),
    pytest.param(date(2026, 1, 1), "11.75", id="2026H1-capitalpost"),
    pytest.param(date(2026, 12, 31), "11.75", id="2026H2-livesquawk"),
]


@pytest.mark.parametrize(("day", "rate"), UK_UNCONFIRMED)
def test_uk_unconfirmed_half_years_raise_unless_assumed(day: date, rate: str) -> None:
    with pytest.raises(RateNotPublished, match=r"uk_reference_rate.*unconfirmed"):
        regime("UK").rate_on(day)
    assumed = regime("UK").rate_source(RateAssumption.CARRY_FORWARD)
    assert assumed.rate_on(day) * 100 == Decimal(rate)


def test_uk_rate_is_fixed_when_interest_starts() -> None:
    # SI 2002/1675 (legal.md §7): the rate does not change when a later half-year starts.
    res = late_interest(Decimal("5000"), due=date(2023, 6, 14), until=date(2024, 3, 1), regime="GB")
    assert regime("UK").rate_split is RateSplit.FIXED_AT_START
    assert [p.rate * 100 for p in res.periods] == [Decimal("11.50")]
    assert res.periods[0].days == (date(2024, 3, 1) - date(2023, 6, 14)).days
    assert res.currency == "GBP"
    assert res.compensation == Decimal("70.00")
    # and a claim that starts after the last confirmed half-year cannot be rated
    with pytest.raises(RateNotPublished):
        late_interest(Decimal("5000"), due=date(2024, 6, 30), until=date(2024, 8, 1), regime="UK")


# Source: legal.md §7 (vlex.co.uk; payontime): < 1 000: 40; 1 000 - < 10 000: 70; >= 10 000: 100.
@pytest.mark.parametrize(
    ("debt", "fixed"),
    [
        pytest.param("999.99", "40", id="under-1000"),
        pytest.param("1000", "70", id="1000"),
        pytest.param("9999.99", "70", id="under-10000"),
        pytest.param("10000", "100", id="10000"),
    ],
)
def test_uk_fixed_sums(debt: str, fixed: str) -> None:
    assert regime("UK").compensation.amount(Decimal(debt)) == Decimal(fixed)


def test_uk_excludes_consumers() -> None:
    with pytest.raises(InvalidArgument, match="consumers"):
        regime("UK", debtor=PartyKind.CONSUMER)


def test_regime_lookup() -> None:
    assert CODES == ("BE", "DE", "EU", "FR", "LU", "NL", "UK")
    assert regime(" be ") is regime("BE")
    with pytest.raises(UnknownRegime, match="'ES'"):
        regime("ES")
    with pytest.raises(UnknownRegime):
        regime(None)  # type: ignore[arg-type]
    with pytest.raises(InvalidArgument):
        regime("BE", debtor="b2b")  # type: ignore[arg-type]
    assert "BE" in repr(regime("BE"))


def test_uk_claim_keeps_its_start_rate_past_the_table() -> None:
    # The rate is fixed when interest starts (SI 2002/1675), so a claim that started in
    # 2024 H1 can run past the last confirmed half-year without needing a later rate.
    res = late_interest(
        Decimal("20000"), due=date(2024, 5, 31), until=date(2025, 5, 31), regime="UK"
    )
    assert [(p.days, p.rate * 100) for p in res.periods] == [(365, Decimal("13.25"))]
    assert res.interest == Decimal("2650.00")  # 20 000 x 13.25 % x 365 / 365
    assert res.compensation == Decimal("100.00")


def test_assumptions_on_composed_rules() -> None:
    from payterms.law import be

    # Belgian contract of 2012: the switch to the current table carries the assumption on.
    old_be = regime("BE", contract_date=date(2012, 5, 1))
    res = late_interest(
        Decimal("1000"),
        due=date(2015, 3, 1),
        until=date(2026, 1, 31),
        regime=old_be,
        assume=RateAssumption.CARRY_FORWARD,
    )
    assert res.periods[0].rate * 100 == Decimal("7.5")
    assert res.periods[-1].rate * 100 == Decimal("10.5")
    assert any("is not confirmed by a publication" in a for a in res.assumptions)
    # the formula past the confirmed Belgian rates reads the ECB table the regime carries
    ecb = RateTable.from_csv(
        "# covers_until: 2026-06-30\nvalid_from,rate\n2025-06-11,2.15\n", name="ecb_mro"
    )
    old_be_ecb = regime("BE", contract_date=date(2012, 5, 1), tables={"ecb_mro": ecb})
    formula = old_be_ecb.rate_source(RateAssumption.STATUTORY_FORMULA)
    assert formula.rate_on(date(2026, 2, 1)) == be.FORMULA.using(
        {"ecb_mro": rate_table("ecb_mro").merged(ecb)}
    ).rate_on(date(2026, 2, 1))
    assert formula.rate_on(date(2026, 2, 1)) * 100 == Decimal("10.5")
    assert formula.rate_on(date(2014, 2, 1)) * 100 == Decimal("7.5")  # the old table
    # an unconfirmed rate is never carried forward
    old_nl = regime("NL", contract_date=date(2012, 5, 1))
    with pytest.raises(RateNotPublished, match="not confirmed"):
        late_interest(
            Decimal("1000"),
            due=date(2013, 3, 1),
            until=date(2013, 4, 1),
            regime=old_nl,
            assume=RateAssumption.CARRY_FORWARD,
        )
    # Germany publishes its own base rate: no ECB formula to fall back on
    with pytest.raises(InvalidArgument, match="CARRY_FORWARD"):
        regime("DE").rate_source(RateAssumption.STATUTORY_FORMULA)


def test_compensation_rules_check_the_debt() -> None:
    from payterms.errors import InvalidType

    with pytest.raises(InvalidArgument, match="non-negative"):
        regime("BE").compensation.amount(Decimal("-1"))
    with pytest.raises(InvalidType):
        regime("UK").compensation.amount(1.5)  # type: ignore[arg-type]
    assert regime("UK").compensation.amount("999.99") == 40  # type: ignore[arg-type]

"""France: taux de l'intérêt légal (both columns), ECB + 10 default, 3x floor, EUR 40."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from payterms import Payment, RateNotPublished, late_interest
from payterms.errors import InvalidArgument
from payterms.interest import Imputation, RateAssumption
from payterms.law import PartyKind, fr, rate_table, regime

# Source: legal.md §4.1, taux de l'intérêt légal (Direction générale du Trésor, arrêtés;
# pages per row: legalnews, aphp, onb-france, cbanque, fiscalonline, lextimes,
# francetransactions, veegee, cabinet-cec, dandrel-avocats, droit-pratique,
# notaires2normandie, votrexpert, ksca, juriblio). (individuals, all other cases)
PUBLISHED = [
    pytest.param(date(2013, 1, 1), "0.04", "0.04", id="2013-tresor"),
    pytest.param(date(2014, 1, 1), "0.04", "0.04", id="2014-tresor"),
    pytest.param(date(2015, 1, 1), "4.06", "0.93", id="2015S1-legalnews"),
    pytest.param(date(2015, 7, 1), "4.29", "0.99", id="2015S2-aphp"),
    pytest.param(date(2016, 1, 1), "4.54", "1.01", id="2016S1-onb-france"),
    pytest.param(date(2016, 7, 1), "4.35", "0.93", id="2016S2-cbanque"),
    pytest.param(date(2017, 1, 1), "4.16", "0.90", id="2017S1-fiscalonline"),
    pytest.param(date(2017, 7, 1), "3.94", "0.90", id="2017S2-lextimes"),
    pytest.param(date(2018, 1, 1), "3.73", "0.89", id="2018S1-francetransactions"),
    pytest.param(date(2018, 7, 1), "3.60", "0.88", id="2018S2-veegee"),
    pytest.param(date(2019, 1, 1), "3.40", "0.86", id="2019S1-tresor"),
    pytest.param(date(2019, 7, 1), "3.26", "0.87", id="2019S2-tresor"),
    pytest.param(date(2020, 1, 1), "3.15", "0.87", id="2020S1-arrete-23-12-2019"),
    pytest.param(date(2020, 7, 1), "3.11", "0.84", id="2020S2-cabinet-cec"),
    pytest.param(date(2021, 1, 1), "3.14", "0.79", id="2021S1-dandrel"),
    pytest.param(date(2021, 7, 1), "3.12", "0.76", id="2021S2-dandrel"),
    pytest.param(date(2022, 1, 1), "3.13", "0.76", id="2022S1-droit-pratique"),
    pytest.param(date(2022, 7, 1), "3.15", "0.77", id="2022S2-notaires2normandie"),
    pytest.param(date(2023, 1, 1), "4.47", "2.06", id="2023S1-huissiers-paca"),
    pytest.param(date(2023, 7, 1), "6.82", "4.22", id="2023S2-arrete-ECOT2317028A"),
    pytest.param(date(2024, 1, 1), "8.01", "5.07", id="2024S1-francetransactions"),
    pytest.param(date(2024, 7, 1), "8.16", "4.92", id="2024S2-votrexpert-bpifrance"),
    pytest.param(date(2026, 1, 1), "6.67", "2.62", id="2026S1-arrete-15-12-2025"),
]

# Source: rates-update.md §3.1 (research of 2026-12-07): the 2025 rates were read only in
# secondary sources (ksca.fr / Lefebvre Dalloz, legifiscal.fr, votrexpert.com, cga17.fr);
# neither arrêté was read. They ship as unconfirmed rows.
UNCONFIRMED = [
    pytest.param(date(2025, 1, 1), "7.21", "3.71", id="2025S1-ksca-legifiscal"),
    pytest.param(date(2025, 7, 1), "6.65", "2.76", id="2025S2-votrexpert-legifiscal"),
]


@pytest.mark.parametrize(("day", "individuals", "others"), PUBLISHED)
def test_legal_rate(day: date, individuals: str, others: str) -> None:
    assert rate_table("fr_legal_rate_individuals").rate_on(day) == Decimal(individuals)
    assert fr.LEGAL_RATE.rate_on(day) * 100 == Decimal(others)
    assert regime("FR").minimum_rate.rate_on(day) * 100 == 3 * Decimal(others)  # type: ignore[union-attr]


@pytest.mark.parametrize(("day", "individuals", "others"), UNCONFIRMED)
def test_unconfirmed_legal_rates_raise_unless_assumed(
    day: date, individuals: str, others: str
) -> None:
    for name, figure in (
        ("fr_legal_rate_individuals", individuals),
        ("fr_legal_rate_professionals", others),
    ):
        with pytest.raises(RateNotPublished, match=f"{name}.*unconfirmed"):
            rate_table(name).rate_on(day)
        assert rate_table(name).entry_on(day, unconfirmed=True).rate == Decimal(figure)
    assumed = fr.LEGAL_RATE.assuming(RateAssumption.CARRY_FORWARD)
    assert assumed.rate_on(day) * 100 == Decimal(others)


# Source: legal.md §4 and §0.1. Read in sources: 10.00 % for H2 2017 (service-public via
# simplemanager/simplemanager:backend/App/Info/pages/help/delai-paiement.md), 14.25 % for
# H2 2024 (bpifrance-creation.fr). Other rows: DERIVED column "FR default (MRO+10)".
@pytest.mark.parametrize(
    ("day", "rate"),
    [
        pytest.param(date(2017, 7, 1), "10.00", id="2017S2-service-public"),
        pytest.param(date(2024, 7, 1), "14.25", id="2024S2-bpifrance"),
        pytest.param(date(2013, 1, 1), "10.75", id="2013S1-DERIVED"),
        pytest.param(date(2014, 7, 1), "10.15", id="2014S2-DERIVED"),
        pytest.param(date(2023, 1, 1), "12.50", id="2023S1-DERIVED"),
        pytest.param(date(2023, 7, 1), "14.00", id="2023S2-DERIVED"),
        pytest.param(date(2024, 1, 1), "14.50", id="2024S1-DERIVED"),
        # rates-update.md §3.2: ECB rate on 1 January 2025 3.15 confirmed (shipped source)
        pytest.param(date(2025, 1, 1), "13.15", id="2025S1-DERIVED-confirmed-ECB"),
    ],
)
def test_default_penalty_rate_is_ecb_plus_10(day: date, rate: str) -> None:
    assert regime("FR").rate_on(day) * 100 == Decimal(rate)


# Source: rates-update.md §3.2: the ECB rate on 1 July 2025, 1 January 2026 and 1 July
# 2026 is read only in secondary sources (2.15, 2.15, 2.40), so the default rate of those
# half-years is unconfirmed; with the figures assumed as reported it is ECB + 10.
@pytest.mark.parametrize(
    ("day", "rate"),
    [
        pytest.param(date(2025, 7, 1), "12.15", id="2025S2-ECB-2.15-secondary"),
        pytest.param(date(2026, 6, 30), "12.15", id="2026S1-ECB-2.15-secondary"),
    ],
)
def test_default_penalty_rate_on_an_unconfirmed_ecb_rate(day: date, rate: str) -> None:
    with pytest.raises(RateNotPublished, match=r"ecb_mro.*unconfirmed"):
        regime("FR").rate_on(day)
    assumed = regime("FR").rate_source(RateAssumption.CARRY_FORWARD)
    assert assumed.rate_on(day) * 100 == Decimal(rate)
    # 2026 H2: the rate in force on 1 July 2026 lies past the shipped ECB table
    with pytest.raises(RateNotPublished, match=r"ecb_mro.*2026-07-01"):
        regime("FR").rate_on(date(2026, 7, 1))


# Source: legal.md §4: floor = 3 x the "all other cases" legal rate; H2 2023 3 x 4.22 =
# 12.66 % (capeb09.fr); H2 2024 3 x 4.92 = 14.76 % (bpifrance-creation.fr).
@pytest.mark.parametrize(
    ("day", "floor"),
    [
        pytest.param(date(2023, 9, 1), "12.66", id="2023S2-capeb09"),
        pytest.param(date(2024, 9, 1), "14.76", id="2024S2-bpifrance"),
    ],
)
def test_agreed_rate_floor(day: date, floor: str) -> None:
    res = late_interest(
        Decimal("1000"),
        due=day,
        until=date(day.year, day.month, 30),
        regime="FR",
        rate=Decimal("0.05"),
    )
    assert [p.rate * 100 for p in res.periods] == [Decimal(floor)]
    assert any("statutory minimum" in a for a in res.assumptions)
    higher = late_interest(
        Decimal("1000"),
        due=day,
        until=date(day.year, day.month, 30),
        regime="FR",
        rate=Decimal("0.20"),
    )
    assert [p.rate * 100 for p in higher.periods] == [Decimal("20")]


def test_bpifrance_formula_unpaid_times_rate_times_days_over_365() -> None:
    # Source: Bpifrance Création guidance (legal.md §4): montant x taux x jours / 365; TTC.
    res = late_interest(
        Decimal("1200"), due=date(2024, 9, 30), until=date(2024, 10, 30), regime="FR"
    )
    assert abs(res.interest_exact - Decimal("1200") * Decimal("14.25") * 30 / 36500) < Decimal(
        "1e-20"
    )
    assert res.interest == Decimal("14.05")
    assert res.compensation == Decimal("40.00")


def test_interest_before_capital() -> None:
    # C. civ. art. 1343-1: a partial payment goes to interest (and costs) first.
    r = regime("FR")
    assert r.imputation is Imputation.INTEREST_COSTS_PRINCIPAL
    res = late_interest(
        Decimal("1000"),
        due=date(2024, 9, 30),
        until=date(2024, 11, 30),
        regime=r,
        payments=(Payment(date(2024, 10, 30), Decimal("100")),),
    )
    accrued = Decimal("1000") * Decimal("14.25") * 30 / 36500  # 11.712..., 11.71 when paid
    assert abs(res.periods[0].interest - accrued) < Decimal("1e-20")
    assert res.periods[1].base == 1000 - (100 - Decimal("11.71") - 40)


@pytest.mark.parametrize("debtor", [PartyKind.CONSUMER, PartyKind.PUBLIC])
def test_consumer_and_public_debts_are_not_covered(debtor: PartyKind) -> None:
    with pytest.raises(InvalidArgument, match="not covered"):
        regime("FR", debtor=debtor)


# Known errors in sources: each test shows the correct figure and names the erring source.
def test_aeccompta_2019_s1_professional_rate_is_0_86_not_0_76() -> None:
    # Source: legal.md §4.1: Trésor 0.86 for 2019 S1; aeccompta.com shows 0.76 (error).
    assert fr.LEGAL_RATE.rate_on(date(2019, 3, 1)) * 100 == Decimal("0.86")


def test_francetransactions_2023_s2_individuals_rate_is_6_82_not_6_83() -> None:
    # Source: legal.md §4.1: arrêté ECOT2317028A, 6.82; francetransactions.com 6.83 (error).
    assert rate_table("fr_legal_rate_individuals").rate_on(date(2023, 9, 1)) == Decimal("6.82")


def test_calcultil_2015_s1_rates_are_4_06_and_0_93_not_4_29() -> None:
    # Source: legal.md §4.1: JulienArthur/calculTIL "Calculateut TIL v2.html" gives
    # 4.29/4.29 for 2015 S1 (error); the Trésor gives 4.06 and 0.93.
    assert rate_table("fr_legal_rate_individuals").rate_on(date(2015, 2, 1)) == Decimal("4.06")
    assert fr.LEGAL_RATE.rate_on(date(2015, 2, 1)) * 100 == Decimal("0.93")

"""Belgium: every published half-year rate 2013-2024, the half-point rounding, transitions."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from payterms import Payment, RateNotPublished, late_interest
from payterms.interest import RateAssumption
from payterms.law import PartyKind, RateRounding, RateStatus, RateTable, be, rate_table, regime

# Source: legal.md §2.2, Belgian B2B rate table (SPF Finances notices in the Moniteur
# belge, as reported by vanostaeyen.eu, schoups.com, phc-expert.be, avocation.be,
# etaamb.openjustice.be, medenam.be, leuropeinfo.eu, trendstop.levif.be, embuild.be).
PUBLISHED = [
    pytest.param(date(2013, 3, 16), "9.0", id="2013H1-from-16-March-vanostaeyen"),
    pytest.param(date(2013, 7, 1), "8.5", id="2013H2-vanostaeyen"),
    pytest.param(date(2014, 1, 1), "8.5", id="2014H1-vanostaeyen"),
    pytest.param(date(2014, 7, 1), "8.5", id="2014H2-vanostaeyen"),
    pytest.param(date(2015, 1, 1), "8.5", id="2015H1-vanostaeyen"),
    pytest.param(date(2015, 7, 1), "8.5", id="2015H2-certifisc"),
    pytest.param(date(2016, 1, 1), "8.5", id="2016H1-vanostaeyen"),
    pytest.param(date(2016, 7, 1), "8.0", id="2016H2-vanostaeyen"),
    pytest.param(date(2017, 1, 1), "8.0", id="2017H1-conseiller-juridique"),
    pytest.param(date(2017, 7, 1), "8.0", id="2017H2-pc-advocaten"),
    pytest.param(date(2018, 1, 1), "8.0", id="2018H1-vanostaeyen"),
    pytest.param(date(2018, 7, 1), "8.0", id="2018H2-aquo-MB-25-07-2018"),
    pytest.param(date(2019, 1, 1), "8.0", id="2019H1-vanostaeyen"),
    pytest.param(date(2019, 7, 1), "8.0", id="2019H2-BS-18-07-2019"),
    pytest.param(date(2020, 1, 1), "8.0", id="2020H1-phc-expert"),
    pytest.param(date(2020, 7, 1), "8.0", id="2020H2-phc-expert"),
    pytest.param(date(2021, 1, 1), "8.0", id="2021H1-phc-expert"),
    pytest.param(date(2021, 7, 1), "8.0", id="2021H2-avocation"),
    pytest.param(date(2022, 1, 1), "8.0", id="2022H1-avocation"),
    pytest.param(date(2022, 7, 1), "8.0", id="2022H2-avocation"),
    pytest.param(date(2023, 1, 1), "10.5", id="2023H1-BS-17-03-2023"),
    pytest.param(date(2023, 7, 1), "12.0", id="2023H2-BS-29-09-2023"),
    pytest.param(date(2024, 1, 1), "12.5", id="2024H1-medenam"),
    pytest.param(date(2024, 7, 1), "12.5", id="2024H2-MB-30-July-levif"),
    # derived (ECB 3.15 + 8 rounded up; rates-update.md §2: secondary and formula agree)
    pytest.param(date(2025, 1, 1), "11.5", id="2025H1-derived-leuropeinfo"),
]

# Source: rates-update.md §2 (research of 2026-12-07): no Moniteur belge notice was read
# for these half-years; the figures are those reported (embuild.be) or given by the
# formula from an unconfirmed ECB rate. They ship as unconfirmed rows.
UNCONFIRMED = [
    pytest.param(date(2025, 7, 1), "10.5", id="2025H2-embuild"),
    pytest.param(date(2026, 1, 1), "10.5", id="2026H1-embuild-expected"),
    pytest.param(date(2026, 7, 1), "10.5", id="2026H2-formula-only"),
]


@pytest.mark.parametrize(("day", "rate"), PUBLISHED)
def test_published_rates(day: date, rate: str) -> None:
    r = regime("BE")
    assert r.rate_on(day) * 100 == Decimal(rate)
    # the whole half-year, to its last day
    last = date(day.year, 6, 30) if day.month < 7 else date(day.year, 12, 31)
    assert r.rate_on(last) * 100 == Decimal(rate)


# Source: legal.md §2.2, column "contracts before 16-03-2013" (vanostaeyen.eu; schoups.com
# 21432; wordscope.be for the switch on 16 March 2015).
PUBLISHED_OLD_CONTRACTS = [
    pytest.param(date(2012, 7, 1), "8.0", id="2012H2-etaamb"),
    pytest.param(date(2013, 1, 1), "8.0", id="2013H1-old-vanostaeyen"),
    pytest.param(date(2013, 7, 1), "7.5", id="2013H2-old-schoups"),
    pytest.param(date(2014, 1, 1), "7.5", id="2014H1-old-schoups"),
    pytest.param(date(2014, 7, 1), "7.5", id="2014H2-old-schoups"),
    pytest.param(date(2015, 3, 15), "7.5", id="2015-until-15-March-old-schoups"),
    pytest.param(date(2015, 3, 16), "8.5", id="2015-from-16-March-all-wordscope"),
    pytest.param(date(2015, 7, 1), "8.5", id="2015H2-all-certifisc"),
    pytest.param(date(2024, 1, 1), "12.5", id="2024H1-all-medenam"),
]


@pytest.mark.parametrize(("day", "rate"), PUBLISHED_OLD_CONTRACTS)
def test_contracts_before_16_march_2013(day: date, rate: str) -> None:
    assert regime("BE", contract_date=date(2012, 11, 1)).rate_on(day) * 100 == Decimal(rate)


def test_current_law_has_no_rate_before_16_march_2013() -> None:
    with pytest.raises(RateNotPublished, match="be_late_payment"):
        regime("BE").rate_on(date(2013, 3, 15))


# Source: legal.md §2.1 and §9.1 (rounding "au demi-point de pourcentage supérieur";
# eubelius.com; vlaamsbrabant.embuild.be): 11.15 -> 11.5, 10.15 -> 10.5, 8.05 -> 8.5,
# 12.25 -> 12.5, but 8.00 stays 8.0.
@pytest.mark.parametrize(
    ("raw", "rounded"),
    [
        pytest.param("11.15", "11.5", id="11.15-legal.md-9.1"),
        pytest.param("10.15", "10.5", id="10.15-legal.md-9.1"),
        pytest.param("8.05", "8.5", id="8.05-legal.md-9.1"),
        pytest.param("12.25", "12.5", id="12.25-legal.md-2.1"),
        pytest.param("8.00", "8.0", id="8.00-stays-legal.md-9.1"),
        pytest.param("8.75", "9.0", id="8.75-2013H1-legal.md-0.1"),
        pytest.param("10.5", "10.5", id="half-point-stays"),
    ],
)
def test_half_point_up(raw: str, rounded: str) -> None:
    assert str(RateRounding.HALF_POINT_UP.apply(Decimal(raw))) == rounded
    assert regime("BE").rate_rounding is RateRounding.HALF_POINT_UP


@pytest.mark.parametrize(("day", "rate"), UNCONFIRMED)
def test_unconfirmed_half_years_raise_unless_assumed(day: date, rate: str) -> None:
    with pytest.raises(RateNotPublished, match=rf"be_late_payment.*{day}.*unconfirmed"):
        regime("BE").rate_on(day)
    assumed = regime("BE").rate_source(RateAssumption.CARRY_FORWARD)
    assert assumed.rate_on(day) * 100 == Decimal(rate)
    assert rate_table("be_late_payment").entry_on(day, unconfirmed=True).rate == Decimal(rate)


def test_formula_reproduces_every_confirmed_rate() -> None:
    # The statutory formula (ECB rate before the half-year + 8, rounded up to the next
    # half point) applied to the shipped ECB table gives every confirmed Belgian rate,
    # and, applied to the ECB figures reported for later half-years, every reported one.
    table = rate_table("be_late_payment")
    reported = be.FORMULA.assuming(RateAssumption.CARRY_FORWARD)
    for entry in table.entries:
        if entry.status is RateStatus.UNCONFIRMED:
            assert reported.rate_on(entry.valid_from) * 100 == entry.rate, entry
        else:
            assert be.FORMULA.rate_on(entry.valid_from) * 100 == entry.rate, entry


def test_unconfirmed_rates_raise_unless_an_assumption_is_named() -> None:
    # Source: rates-update.md §2: 2025 H2 rests on secondary sources (embuild.be).
    with pytest.raises(RateNotPublished, match=r"be_late_payment.*2025-07-01.*unconfirmed"):
        late_interest(Decimal("1000"), due=date(2025, 6, 1), until=date(2025, 7, 15), regime="BE")
    carried = late_interest(
        Decimal("1000"),
        due=date(2025, 6, 1),
        until=date(2025, 7, 15),
        regime="BE",
        assume=RateAssumption.CARRY_FORWARD,
    )
    # the line breaks where the confirmed rates end, so the assumed days are visible
    assert [(p.start, p.rate * 100) for p in carried.periods] == [
        (date(2025, 6, 2), Decimal("11.5")),
        (date(2025, 7, 1), Decimal("10.5")),
    ]
    assert any("2025-07-01 (10.5 %) is not confirmed" in a for a in carried.assumptions)
    # the formula needs the ECB rate of 1 July 2025, itself unconfirmed
    with pytest.raises(RateNotPublished, match=r"ecb_mro.*2025-07-01.*unconfirmed"):
        late_interest(
            Decimal("1000"),
            due=date(2025, 6, 1),
            until=date(2025, 7, 15),
            regime="BE",
            assume=RateAssumption.STATUTORY_FORMULA,
        )
    # past the table's last day, the last figure continues
    later = late_interest(
        Decimal("1000"),
        due=date(2026, 12, 1),
        until=date(2027, 1, 15),
        regime="BE",
        assume=RateAssumption.CARRY_FORWARD,
    )
    assert [(p.start, p.rate * 100) for p in later.periods] == [
        (date(2026, 12, 2), Decimal("10.5")),
        (date(2027, 1, 1), Decimal("10.5")),
    ]
    assert any("ends on 2026-12-31" in a for a in later.assumptions)


def test_statutory_formula_fills_the_unconfirmed_days_from_a_published_ecb_rate() -> None:
    # With the ECB rate of 1 July 2025 brought as a published table, the formula gives
    # 2.15 + 8 = 10.15, rounded up to 10.5 (art. 5), and the result says it was used.
    ecb = RateTable.from_csv(
        "# covers_until: 2025-12-31\nvalid_from,rate,status,source\n"
        "2025-06-11,2.15,published,ECB press release of 5 June 2025\n",
        name="ecb_mro",
    )
    res = late_interest(
        Decimal("1000"),
        due=date(2025, 6, 1),
        until=date(2025, 7, 15),
        regime=regime("BE", tables={"ecb_mro": ecb}),
        assume=RateAssumption.STATUTORY_FORMULA,
    )
    assert [(p.start, p.rate * 100) for p in res.periods] == [
        (date(2025, 6, 2), Decimal("11.5")),
        (date(2025, 7, 1), Decimal("10.5")),
    ]
    assert any("statutory formula" in a for a in res.assumptions)
    assert any("user table" in a for a in res.assumptions)


# Source: legal.md §2.3 (elegis.be; crivitspersyn.be), Book XIX CEL art. XIX.4 damage
# clause caps: <= 150: 20; 150.01-500: 30 + 10 % of the part over 150; > 500: 65 + 5 %
# of the part over 500, max 2 000.
@pytest.mark.parametrize(
    ("debt", "cap"),
    [
        pytest.param("100", "20", id="up-to-150"),
        pytest.param("150", "20", id="150-exactly"),
        pytest.param("150.01", "30.001", id="just-over-150"),
        pytest.param("500", "65", id="500-exactly"),
        pytest.param("1500", "115", id="1500"),
        pytest.param("39500", "2000", id="max-2000"),
        pytest.param("100000", "2000", id="far-over"),
    ],
)
def test_consumer_damage_clause_caps(debt: str, cap: str) -> None:
    r = regime("BE", debtor=PartyKind.CONSUMER)
    assert r.compensation.amount(Decimal(debt)) == Decimal(cap)


def test_consumer_agreed_rate_is_capped_at_the_b2b_rate() -> None:
    # Source: legal.md §2.3 (elegis.be, art. XIX.4): late interest may not exceed the
    # B2B rate of art. 5 law of 2 August 2002.
    res = late_interest(
        Decimal("1000"),
        due=date(2024, 12, 31),
        until=date(2025, 1, 31),
        regime=regime("BE", debtor=PartyKind.CONSUMER),
        rate=Decimal("0.15"),
    )
    assert [p.rate * 100 for p in res.periods] == [Decimal("11.5")]
    lower = late_interest(
        Decimal("1000"),
        due=date(2024, 12, 31),
        until=date(2025, 1, 31),
        regime=regime("BE", debtor=PartyKind.CONSUMER),
        rate=Decimal("0.06"),
    )
    assert [p.rate * 100 for p in lower.periods] == [Decimal("6")]


def test_b2b_example_with_partial_payment_interest_first() -> None:
    # DESIGN.md §4 example: EUR 10 000 due 2024-03-31, EUR 4 000 credited 2024-09-01,
    # claim up to 2025-02-15. Interest before capital (former C. civ. art. 1254).
    res = late_interest(
        Decimal("10000"),
        due=date(2024, 3, 31),
        until=date(2025, 2, 15),
        regime="BE",
        payments=(Payment(date(2024, 9, 1), Decimal("4000")),),
    )
    first = Decimal("10000") * Decimal("12.5") * 154 / 36500  # 1 Apr - 1 Sep 2024
    assert abs(res.periods[0].interest - first) < Decimal("1e-20")
    # the interest accrued up to the payment (527.397...) is rounded to the cent when the
    # payment is credited: 527.40 interest, 3472.60 principal
    base_after = Decimal("10000") - (Decimal("4000") - Decimal("527.40"))
    assert res.periods[1].base == base_after == Decimal("6527.40")
    assert res.interest_paid == Decimal("527.40")
    assert [(p.start, p.rate * 100) for p in res.periods] == [
        (date(2024, 4, 1), Decimal("12.5")),
        (date(2024, 9, 2), Decimal("12.5")),
        (date(2025, 1, 1), Decimal("11.5")),
    ]
    assert res.compensation == Decimal("40.00")
    assert res.compensation_outstanding == Decimal("40.00")


def test_consumer_rate_note_is_dropped_when_an_agreed_rate_is_given() -> None:
    r = regime("BE", debtor=PartyKind.CONSUMER)
    default = late_interest(Decimal("100"), due=date(2024, 1, 31), until=date(2024, 3, 1), regime=r)
    agreed = late_interest(
        Decimal("100"),
        due=date(2024, 1, 31),
        until=date(2024, 3, 1),
        regime=r,
        rate=Decimal("0.05"),
    )
    assert any("B2B rate is the legal maximum" in a for a in default.assumptions)
    assert not any("B2B rate is the legal maximum" in a for a in agreed.assumptions)

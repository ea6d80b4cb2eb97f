"""Germany: Basiszinssatz 2002-2026, + 9 / + 8 / + 5 points, § 247 mechanism, § 289."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from payterms import late_interest
from payterms.interest import Compounding, Imputation, RateAssumption
from payterms.law import PartyKind, rate_table, regime
from payterms.law.rates import Fixing, TableRate

# Source: legal.md §5.1, Basiszinssatz (§ 247 BGB), Deutsche Bundesbank series BBIN1 via
# ameax/bgb-interest:data/basiszins.json; 2015 also baurechtsuche.de, 2023 stb-bruns.com.
# Columns: Basiszinssatz, B2B (+ 9, obligations after 28-07-2014), consumer (+ 5).
PUBLISHED = [
    pytest.param(date(2013, 1, 1), "-0.13", "4.87", id="2013H1-bundesbank"),
    pytest.param(date(2013, 7, 1), "-0.38", "4.62", id="2013H2-bundesbank"),
    pytest.param(date(2014, 1, 1), "-0.63", "4.37", id="2014H1-bundesbank"),
    pytest.param(date(2014, 7, 1), "-0.73", "4.27", id="2014H2-bundesbank"),
    pytest.param(date(2015, 1, 1), "-0.83", "4.17", id="2015H1-baurechtsuche"),
    pytest.param(date(2016, 6, 30), "-0.83", "4.17", id="2016H1-bundesbank"),
    pytest.param(date(2016, 7, 1), "-0.88", "4.12", id="2016H2-bundesbank"),
    pytest.param(date(2022, 12, 31), "-0.88", "4.12", id="2022H2-bundesbank"),
    pytest.param(date(2023, 1, 1), "1.62", "6.62", id="2023H1-stb-bruns"),
    pytest.param(date(2023, 7, 1), "3.12", "8.12", id="2023H2-bundesbank"),
    pytest.param(date(2024, 1, 1), "3.62", "8.62", id="2024H1-bundesbank"),
    pytest.param(date(2024, 7, 1), "3.37", "8.37", id="2024H2-bundesbank"),
    pytest.param(date(2025, 1, 1), "2.27", "7.27", id="2025H1-bundesbank"),
    pytest.param(date(2025, 7, 1), "1.27", "6.27", id="2025H2-bundesbank"),
    pytest.param(date(2026, 6, 30), "1.27", "6.27", id="2026H1-bundesbank-announcement"),
]


@pytest.mark.parametrize(("day", "basis", "consumer"), PUBLISHED)
def test_basiszinssatz_and_rates(day: date, basis: str, consumer: str) -> None:
    assert rate_table("de_basiszinssatz").rate_on(day) == Decimal(basis)
    assert regime("DE", debtor=PartyKind.CONSUMER).rate_on(day) * 100 == Decimal(consumer)
    if day > date(2014, 7, 28):
        assert regime("DE").rate_on(day) * 100 == Decimal(basis) + 9


# Source: legal.md §5.1 and §0.1: 2014 H2, 8.27 for obligations arising after 28-07-2014,
# else 7.27 (Art. 229 § 34 EGBGB); 2013 H1 7.87 (+ 8 regime).
@pytest.mark.parametrize(
    ("contract", "day", "rate"),
    [
        pytest.param(date(2014, 7, 29), date(2014, 9, 1), "8.27", id="2014H2-new-obligation"),
        pytest.param(date(2014, 7, 28), date(2014, 9, 1), "7.27", id="2014H2-old-obligation"),
        pytest.param(date(2012, 12, 1), date(2013, 1, 1), "7.87", id="2013H1-plus-8"),
        pytest.param(None, date(2015, 3, 1), "8.17", id="2015-baurechtsuche-8.17"),
    ],
)
def test_transition_of_29_july_2014(contract: date | None, day: date, rate: str) -> None:
    assert regime("DE", contract_date=contract).rate_on(day) * 100 == Decimal(rate)


def test_no_pauschale_for_old_obligations_or_consumers() -> None:
    # § 288(5) BGB; Art. 229 § 34 EGBGB (legal.md §5, §9.7).
    assert regime("DE").compensation.amount(Decimal("100")) == 40
    assert regime("DE", contract_date=date(2014, 1, 1)).compensation.amount(Decimal("100")) == 0
    assert regime("DE", debtor=PartyKind.CONSUMER).compensation.amount(Decimal("100")) == 0


def test_basiszinssatz_follows_the_ecb_rate_by_its_changes() -> None:
    # § 247(1) BGB: on 1 January and 1 July the Basiszinssatz changes by the points the
    # reference rate (the ECB rate before the half-year) moved since the last change.
    # Checked on every half-year the shipped ECB table covers (fixed-rate tenders from
    # 2008-10-15), with the figures of unconfirmed rows as reported: the back-filled
    # 2009-2011 rows and the derived 2026 H2 row agree with the ECB table too.
    ecb = TableRate("ecb_mro", fixing=Fixing.SEMESTER_START, assume=RateAssumption.CARRY_FORWARD)
    basis = rate_table("de_basiszinssatz")

    def figure(day: date) -> Decimal:
        rate = basis.entry_on(day, unconfirmed=True).rate
        assert rate is not None
        return rate

    day = date(2009, 7, 1)
    while day <= date(2026, 7, 1):
        before = date(day.year - 1, 7, 1) if day.month == 1 else date(day.year, 1, 1)
        moved = (ecb.rate_on(day) - ecb.rate_on(before)) * 100  # in points
        assert figure(day) - figure(before) == moved, day
        day = date(day.year, 7, 1) if day.month == 1 else date(day.year + 1, 1, 1)


def test_erpnext_issue_rate_timeline_example() -> None:
    # Source: frappe/erpnext#37095 (user_demand.md A4): due 20.06.2023 -> 10.62 % for 10
    # days + 12.12 % for 62 days.
    res = late_interest(
        Decimal("1000"), due=date(2023, 6, 20), until=date(2023, 8, 31), regime="DE"
    )
    assert [(p.days, p.rate * 100) for p in res.periods] == [
        (10, Decimal("10.62")),
        (62, Decimal("12.12")),
    ]
    assert res.interest == Decimal("23.50")  # 2.909... + 20.586... rounded once


def test_no_compound_interest_and_costs_first() -> None:
    r = regime("DE")
    assert r.compounding is Compounding.NONE  # § 289 BGB
    assert r.imputation is Imputation.COSTS_INTEREST_PRINCIPAL  # § 367 BGB
    long = late_interest(
        Decimal("1000"), due=date(2016, 12, 31), until=date(2022, 12, 31), regime=r
    )
    assert long.periods[0].base == long.periods[-1].base == Decimal("1000")


def test_due_date_on_a_weekend_or_holiday_moves_to_the_next_working_day() -> None:
    # § 193 BGB; BGH III ZR 159/06 (legal.md §5, §9.5): a deadline ending on a Saturday,
    # Sunday or public holiday ends on the next working day, also when it triggers Verzug.
    from payterms import BusinessCalendar

    de_cal = BusinessCalendar.country("DE")
    saturday = date(2024, 6, 1)
    on_monday = late_interest(
        Decimal("1000"), due=saturday, until=date(2024, 6, 3), regime="DE", calendar=de_cal
    )
    assert on_monday.interest == on_monday.compensation == 0
    assert any("moved to 2024-06-03" in a for a in on_monday.assumptions)
    without = late_interest(Decimal("1000"), due=saturday, until=date(2024, 6, 3), regime="DE")
    assert without.periods[0].days == 2
    assert any("Saturday" in a and "§ 193 BGB" in a for a in without.assumptions)
    # Tag der Deutschen Einheit, Thursday 3 October 2024: Verzug from Saturday 5 October
    unity = late_interest(
        Decimal("1000"),
        due=date(2024, 10, 3),
        until=date(2024, 10, 10),
        regime="DE",
        calendar=de_cal,
    )
    assert unity.periods[0].start == date(2024, 10, 5)


def test_other_regimes_do_not_move_the_due_date() -> None:
    from payterms import BusinessCalendar

    res = late_interest(
        Decimal("1000"),
        due=date(2024, 6, 1),
        until=date(2024, 6, 3),
        regime="NL",
        calendar=BusinessCalendar.country("NL"),
    )
    assert res.periods[0].days == 2

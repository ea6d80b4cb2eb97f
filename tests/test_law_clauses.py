"""payterms.law.check_charges: contractual charges against the statutory floors and caps."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from payterms.charges import (
    Charges,
    ContractRate,
    DamagesClause,
    Grace,
    RatePeriod,
)
from payterms.conventions import Accrual
from payterms.errors import InvalidArgument, InvalidType, PaytermsError, UnknownRegime
from payterms.law import PartyKind, Severity, check_charges, nl
from strategies import amounts, examples, interest_dates, interest_regime_codes

D = Decimal


def _codes(findings: tuple[object, ...]) -> list[tuple[str, str]]:
    return [(f.severity.name, f.code) for f in findings]  # type: ignore[attr-defined]


# Source: legal.md §4 (Code de commerce L441-10 II; capeb09.fr, bpifrance-creation.fr): an
# agreed penalty rate may not be lower than three times the legal rate ("all other cases"):
# H2 2023 floor 3 x 4.22 = 12.66 %, H2 2024 floor 3 x 4.92 = 14.76 %.
FR_FLOOR = [
    pytest.param(ContractRate(D("0.10")), date(2024, 9, 1), True, id="10pc-below-14.76"),
    pytest.param(ContractRate(D("0.1476")), date(2024, 9, 1), False, id="at-the-floor"),
    pytest.param(ContractRate(D("0.1475")), date(2024, 9, 1), True, id="a-point-below"),
    pytest.param(ContractRate(D("0.13")), date(2023, 9, 1), False, id="13pc-above-12.66"),
    pytest.param(ContractRate(D("0.12")), date(2023, 9, 1), True, id="12pc-below-12.66"),
    pytest.param(
        ContractRate(D("0.0125"), per=RatePeriod.MONTH), date(2024, 9, 1), False, id="1.25pc-month"
    ),
    pytest.param(
        ContractRate(D("0.012"), per=RatePeriod.MONTH, accrual=Accrual.PER_STARTED_MONTH),
        date(2024, 9, 1),
        True,
        id="1.2pc-started-month",
    ),
]


@pytest.mark.parametrize(("rate", "on", "below"), FR_FLOOR)
def test_france_penalty_floor(rate: ContractRate, on: date, below: bool) -> None:
    found = check_charges(Charges(rate=rate), "FR", on=on)
    if below:
        (f,) = found
        assert (f.severity, f.code) == (Severity.VIOLATION, "FR-L441-10-penalty-floor")
        assert f.article == "Code de commerce art. L441-10 II"
        assert "three times the legal rate" in f.message
    else:
        assert found == ()


def test_rate_needs_a_day() -> None:
    (f,) = check_charges(Charges(rate=ContractRate(D("0.10"))), "FR")
    assert f.severity is Severity.INFO
    assert f.message.endswith("not checked")
    assert "on=" in f.message


# Source: legal.md §2.3 (Book XIX CEL, elegis.be; crivitspersyn.be): damage clause caps for
# consumer debts: <= 150: 20; 150.01-500: 30 + 10 % of the part over 150; > 500: 65 + 5 % of
# the part over 500, at most 2 000; higher clauses deemed unwritten.
BE_CONSUMER_DAMAGES = [
    pytest.param(DamagesClause(D("10"), minimum=D("50")), None, "0.01", id="min-50-over-20"),
    pytest.param(DamagesClause(D("5"), maximum=D("2000")), None, None, id="5pc-max-2000-ok"),
    pytest.param(DamagesClause(D("5")), None, "1000000000", id="5pc-unbounded"),
    pytest.param(DamagesClause(D("15")), "150", "150", id="15pc-at-150-is-22.50"),
    pytest.param(DamagesClause(D("10")), "400", None, id="10pc-at-400-40-ok-vs-55"),
]


@pytest.mark.parametrize(("clause", "debt", "first_excess"), BE_CONSUMER_DAMAGES)
def test_belgian_consumer_damage_caps(
    clause: DamagesClause, debt: str | None, first_excess: str | None
) -> None:
    found = check_charges(
        Charges(damages=clause),
        "BE",
        debtor=PartyKind.CONSUMER,
        debt=None if debt is None else D(debt),
    )
    if first_excess is None:
        assert found == ()
        return
    (f,) = found
    assert (f.severity, f.code) == (Severity.VIOLATION, "BE-XIX.4-damages-cap")
    assert f.article == "Code of Economic Law art. XIX.4"
    assert f.message.startswith(f"on a debt of {first_excess} ")
    assert "deemed unwritten" in f.message


def test_belgian_consumer_late_fee_counts_with_the_damages_clause() -> None:
    clause = DamagesClause(D("5"), maximum=D("2000"))
    # on a debt of 100: 5 % is 5.00; with a late fee of 15 the clauses ask 20.00, the cap
    check = check_charges(
        Charges(damages=clause, late_fee=D("15")), "BE", debtor=PartyKind.CONSUMER, debt=D("100")
    )
    assert check == ()
    (f,) = check_charges(
        Charges(damages=clause, late_fee=D("16")), "BE", debtor=PartyKind.CONSUMER, debt=D("100")
    )
    assert (
        "ask 21.00 where the legal maximum of a damage clause for a consumer debt allows 20.00"
        in (f.message)
    )


# Source: legal.md §2.3: a consumer's first reminder is free; each further reminder at most
# EUR 7.50 plus postage.
@pytest.mark.parametrize(
    ("fees", "codes"),
    [
        ((0, D("7.50"), D("7.50")), []),
        ((5, D("7.50")), ["BE-XIX-first-reminder-free"]),
        ((0, 10), ["BE-XIX-reminder-fee-cap"]),
        ((1, 10), ["BE-XIX-first-reminder-free", "BE-XIX-reminder-fee-cap"]),
    ],
)
def test_belgian_consumer_reminder_fees(fees: tuple[Decimal, ...], codes: list[str]) -> None:
    found = check_charges(Charges(dunning_fees=fees), "BE", debtor=PartyKind.CONSUMER)
    assert [f.code for f in found] == codes
    assert all(f.severity is Severity.VIOLATION for f in found)


# Source: legal.md §2.3 (art. XIX.4: agreed interest at most the B2B rate) and §2.2 (12.5 %
# in H2 2024).
@pytest.mark.parametrize(("rate", "over"), [("0.15", True), ("0.125", False), ("0.10", False)])
def test_belgian_consumer_rate_cap(rate: str, over: bool) -> None:
    found = check_charges(
        Charges(rate=ContractRate(D(rate))), "BE", debtor=PartyKind.CONSUMER, on=date(2024, 9, 1)
    )
    assert _codes(found) == ([("VIOLATION", "BE-XIX.4-rate-cap")] if over else [])


# Source: legal.md §3.1 (BIK staffel, das.nl worked example: EUR 10 000 -> 875) and §3
# (art. 6:96 lid 5-7 BW: mandatory in favour of consumers).
def test_dutch_consumer_bik_cap() -> None:
    assert nl.BIK_STAFFEL.amount(D("10000")) == D("875")
    over = Charges(damages=DamagesClause(D("15")))
    (f,) = check_charges(over, "NL", debtor=PartyKind.CONSUMER, debt=D("10000"))
    assert f.code == "NL-6:96-bik-cap"
    assert "ask 1500.00 where the BIK staffel allows 875.00" in f.message
    ok = Charges(damages=DamagesClause(D("5"), minimum=D("40"), maximum=D("875")))
    assert check_charges(ok, "NL", debtor=PartyKind.CONSUMER, debt=D("10000")) == ()


# Source: legal.md §5 (§ 288(6) BGB: an advance exclusion of Verzugszinsen is void) and §1
# (Directive art. 7: grossly unfair terms on the interest rate are unenforceable); DE rate
# H2 2025: 1.27 + 9 = 10.27 %.
def test_german_exclusion_and_directive_warning() -> None:
    (f,) = check_charges(Charges(rate=ContractRate(D(0))), "DE", on=date(2025, 9, 1))
    assert (f.severity, f.code, f.article) == (
        Severity.VIOLATION,
        "DE-288-6-exclusion",
        "§ 288(6) BGB",
    )
    (f,) = check_charges(Charges(rate=ContractRate(D("0.05"))), "DE", on=date(2025, 9, 1))
    assert (f.severity, f.article) == (Severity.WARNING, "Directive 2011/7/EU art. 7")
    assert "10.27 %" in f.message
    assert check_charges(Charges(rate=ContractRate(D("0.11"))), "DE", on=date(2025, 9, 1)) == ()


# Source: legal.md §2.1 (law of 2 August 2002 art. 5: a public-authority debtor owes the
# statutory rate notwithstanding a contrary agreement).
def test_belgian_public_debtor_owes_the_statutory_rate() -> None:
    (f,) = check_charges(Charges(rate=ContractRate(D("0.20"))), "BE", debtor=PartyKind.PUBLIC)
    assert (f.severity, f.code) == (Severity.VIOLATION, "BE-art-5-public")


@pytest.mark.parametrize(
    ("code", "debtor", "charges", "clause"),
    [
        ("UK", PartyKind.UNDERTAKING, Charges(rate=ContractRate(D("0.05"))), "rate"),
        ("NL", PartyKind.CONSUMER, Charges(rate=ContractRate(D("0.05"))), "rate"),
        ("FR", PartyKind.CONSUMER, Charges(rate=ContractRate(D("0.05"))), "rate"),
        (
            "BE",
            PartyKind.UNDERTAKING,
            Charges(damages=DamagesClause(D("10"), minimum=D("50"))),
            "damages",
        ),
        ("FR", PartyKind.UNDERTAKING, Charges(late_fee=D("15")), "late-fee"),
        ("DE", PartyKind.UNDERTAKING, Charges(dunning_fees=(5, 10)), "dunning-fees"),
        ("LU", PartyKind.UNDERTAKING, Charges(minimum=D("5")), "minimum"),
        ("EU", PartyKind.UNDERTAKING, Charges(grace=Grace(10)), "grace"),
    ],
)
def test_what_the_sources_do_not_cover_is_not_checked(
    code: str, debtor: PartyKind, charges: Charges, clause: str
) -> None:
    (f,) = check_charges(charges, code, debtor=debtor, on=date(2024, 9, 1))
    assert f.severity is Severity.INFO
    assert f.code == f"{code}-{clause}-not-checked"
    assert f.message.endswith("; not checked")


def test_no_clauses_no_findings() -> None:
    assert check_charges(Charges(), "BE") == ()


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"charges": "10 %"}, InvalidType, "charges='10 %'"),
        ({"jurisdiction": "XX"}, UnknownRegime, "'XX'"),
        ({"jurisdiction": 7}, UnknownRegime, "7"),
        ({"debtor": "b2b"}, InvalidArgument, "debtor='b2b'"),
        ({"on": "2024-09-01"}, InvalidType, "on='2024-09-01'"),
        ({"debt": 1.5}, InvalidType, "debt=1.5"),
        ({"debt": D("-1")}, InvalidArgument, "debt=Decimal('-1')"),
    ],
)
def test_bad_input(kwargs: dict[str, object], error: type[Exception], match: str) -> None:
    args: dict[str, object] = {"charges": Charges(), "jurisdiction": "BE", **kwargs}
    with pytest.raises(error, match=match.replace("(", r"\(").replace(")", r"\)")):
        check_charges(args.pop("charges"), args.pop("jurisdiction"), **args)  # type: ignore[arg-type]


@settings(max_examples=examples(150), deadline=None)
@given(
    code=interest_regime_codes(),
    debtor=st.sampled_from(list(PartyKind)),
    rate=st.none() | st.integers(0, 3000).map(lambda v: ContractRate(D(v).scaleb(-4))),
    percent=st.none() | st.integers(0, 30).map(D),
    minimum=st.none() | amounts(max_value=200),
    fee=st.none() | amounts(max_value=100),
    on=st.none() | interest_dates(),
    debt=st.none() | amounts(max_value=10**6),
)
def test_every_finding_cites_an_article_or_says_not_checked(
    code: str,
    debtor: PartyKind,
    rate: ContractRate | None,
    percent: Decimal | None,
    minimum: Decimal | None,
    fee: Decimal | None,
    on: date | None,
    debt: Decimal | None,
) -> None:
    damages = None if percent is None else DamagesClause(percent, minimum=minimum)
    charges = Charges(rate=rate, damages=damages, late_fee=fee)
    try:
        found = check_charges(charges, code, debtor=debtor, on=on, debt=debt)
    except PaytermsError as exc:  # pragma: no cover - a failure message for the property
        pytest.fail(f"check_charges raised {exc!r}")
    for f in found:
        if f.severity is Severity.INFO:
            assert f.message.endswith("not checked")
        else:
            assert f.article

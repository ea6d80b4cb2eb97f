"""payterms.law.check_terms: agreed terms against the statutory caps, with articles."""

from __future__ import annotations

import contextlib
from datetime import date, timedelta
from decimal import Decimal

import pytest
from attrs import evolve
from hypothesis import given, settings
from hypothesis import strategies as st

from payterms.charges import Charges, ContractRate
from payterms.errors import (
    InvalidArgument,
    InvalidType,
    PaytermsError,
    UnknownRegime,
)
from payterms.law import (
    Mention,
    PartyKind,
    RateTable,
    Severity,
    check_charges,
    check_terms,
    regime,
)
from payterms.terms import EndOfMonth, Installment, PaymentTerms
from strategies import examples

B2B = PartyKind.UNDERTAKING


def _codes(findings: tuple[object, ...]) -> list[tuple[str, str]]:
    return [(f.severity.name, f.code) for f in findings]  # type: ignore[attr-defined]


# Source: legal.md §4 (Code de commerce L441-10 I): max 60 days after the invoice date, or
# 45 days end of month if expressly stipulated; the CEPC accepts both readings of "45 jours
# fin de mois" (economie.gouv.fr/cepc; solon.law: method (a) can exceed 60 days).
FR_CASES = [
    pytest.param(PaymentTerms.net(60), [], id="net-60-ok"),
    pytest.param(PaymentTerms.net(30), [], id="net-30-ok"),
    pytest.param(
        PaymentTerms.net(61), [("VIOLATION", "FR-L441-10-max-term")], id="net-61-over-both-caps"
    ),
    pytest.param(
        PaymentTerms.end_of_month(45, reading=EndOfMonth.THEN_DAYS),
        [("WARNING", "FR-L441-10-45-days-end-of-month")],
        id="45-eom-then-days-cepc-b",
    ),
    pytest.param(
        PaymentTerms.end_of_month(45, reading=EndOfMonth.DAYS_THEN),
        [("WARNING", "FR-L441-10-45-days-end-of-month")],
        id="45-days-then-eom-cepc-a",
    ),
    pytest.param(
        PaymentTerms.end_of_month(60), [("VIOLATION", "FR-L441-10-max-term")], id="60-eom-over"
    ),
]


@pytest.mark.parametrize(("terms", "expected"), FR_CASES)
def test_france_caps(terms: PaymentTerms, expected: list[tuple[str, str]]) -> None:
    assert _codes(check_terms(terms, "FR")) == expected


def test_france_cepc_example_invoice_of_15_january() -> None:
    # Source: legal.md §9.10: invoice 15 Jan, "45 jours fin de mois": 31 Mar vs 17 Mar.
    day = date(2026, 1, 15)
    a = check_terms(
        PaymentTerms.end_of_month(45, reading=EndOfMonth.DAYS_THEN), "FR", invoice_date=day
    )
    b = check_terms(
        PaymentTerms.end_of_month(45, reading=EndOfMonth.THEN_DAYS), "FR", invoice_date=day
    )
    assert [f.days for f in a] == [75]  # 15 Jan -> 31 Mar: over 60, within 45 days end of month
    assert [f.days for f in b] == [61]  # 15 Jan -> 17 Mar
    assert all(f.severity is Severity.WARNING for f in (*a, *b))
    assert "L441-10" in a[0].article


def test_france_invoice_mentions() -> None:
    # Source: legal.md §4, L441-9: payment date, discount conditions (or none), penalty
    # rate and the EUR 40 indemnity; fines up to EUR 75 000 / EUR 2 M (bpifrance).
    found = check_terms(PaymentTerms.net(30), "FR", mentions=[Mention.PAYMENT_DATE])
    assert _codes(found) == [
        ("VIOLATION", "FR-L441-9-discount_conditions"),
        ("VIOLATION", "FR-L441-9-penalty_rate"),
        ("VIOLATION", "FR-L441-9-recovery_indemnity"),
    ]
    assert all(f.article == "Code de commerce art. L441-9" for f in found)
    assert check_terms(PaymentTerms.net(30), "FR", mentions=list(Mention)) == ()


# Source: legal.md §2.1 (moov.law; intolaw.be; fidelium.eu): since 1 February 2022 a B2B
# term may not exceed 60 days from receipt of the invoice, longer = deemed unwritten.
# anthemis.be says it "peut excéder 60 jours" if not abusive: contradicted by three sources.
@pytest.mark.parametrize(
    ("terms", "contract", "expected"),
    [
        pytest.param(PaymentTerms.net(60), None, [], id="net-60-ok"),
        pytest.param(
            PaymentTerms.net(61), None, [("VIOLATION", "BE-max-60-days")], id="net-61-void"
        ),
        pytest.param(
            PaymentTerms.net(90),
            date(2021, 5, 1),
            [("INFO", "BE-before-2022")],
            id="before-2022-sources-differ",
        ),
        pytest.param(
            PaymentTerms.net(90),
            date(2022, 2, 1),
            [("VIOLATION", "BE-max-60-days")],
            id="from-1-february-2022",
        ),
    ],
)
def test_belgium(
    terms: PaymentTerms, contract: date | None, expected: list[tuple[str, str]]
) -> None:
    assert _codes(check_terms(terms, "BE", contract_date=contract)) == expected


@pytest.mark.parametrize(
    ("code", "days", "expected"),
    [
        pytest.param("BE", 30, [], id="be-30"),
        pytest.param("BE", 45, [("WARNING", "BE-public")], id="be-45"),
        pytest.param("BE", 61, [("VIOLATION", "BE-public")], id="be-61"),
        pytest.param("EU", 45, [("WARNING", "EU-art-4-public")], id="eu-45"),
        pytest.param("EU", 90, [("VIOLATION", "EU-art-4-public")], id="eu-90"),
        pytest.param("NL", 61, [("VIOLATION", "NL-6:119b-5")], id="nl-61"),
        pytest.param("DE", 45, [("WARNING", "DE-271a-2")], id="de-45"),
        pytest.param("DE", 61, [("VIOLATION", "DE-271a-2")], id="de-61"),
        pytest.param("LU", 61, [("VIOLATION", "LU-public")], id="lu-61"),
        pytest.param("UK", 45, [("WARNING", "UK-public")], id="uk-45"),
    ],
)
def test_public_authorities_30_at_most_60(
    code: str, days: int, expected: list[tuple[str, str]]
) -> None:
    # Directive 2011/7/EU art. 4; BE (anthemis), NL 6:119b lid 5, DE § 271a(2), LU (svp.com):
    # 30 days, longer only if agreed and justified, never more than 60; UK: 30 days.
    assert _codes(check_terms(PaymentTerms.net(days), code, buyer=PartyKind.PUBLIC)) == expected


# Source: legal.md §3 (Stb. 2022, 146; vsbnetwerk.nl; onguard.com; executivefinance.nl):
# large enterprise -> SME at most 30 days since 1 July 2022; existing contracts from
# 1 July 2023. Known error in a source: the brief calls 30 days "the 2017 rule"; the 2017
# rule (Wet tegengaan onredelijk lange betaaltermijnen) was 60 days.
@pytest.mark.parametrize(
    ("days", "contract", "invoice", "expected_limit"),
    [
        pytest.param(30, None, None, None, id="30-ok"),
        pytest.param(45, None, None, 30, id="45-void-since-2022"),
        pytest.param(45, date(2020, 1, 1), date(2023, 6, 30), None, id="old-contract-2017-rule-60"),
        pytest.param(61, date(2020, 1, 1), date(2023, 6, 30), 60, id="old-contract-61-over-60"),
        pytest.param(45, date(2020, 1, 1), date(2023, 7, 1), 30, id="old-contract-from-july-2023"),
    ],
)
def test_netherlands_large_to_sme(
    days: int, contract: date | None, invoice: date | None, expected_limit: int | None
) -> None:
    found = check_terms(
        PaymentTerms.net(days),
        "NL",
        buyer=PartyKind.LARGE,
        seller=PartyKind.SME,
        contract_date=contract,
        invoice_date=invoice,
    )
    assert [f.limit for f in found] == ([] if expected_limit is None else [expected_limit])
    assert all(f.severity is Severity.VIOLATION for f in found)
    assert all("6:119a lid 6" in f.article for f in found)


def test_netherlands_b2b_60_days_unless_agreed() -> None:
    # art. 6:119a lid 5 BW.
    assert _codes(check_terms(PaymentTerms.net(90), "NL")) == [("WARNING", "NL-6:119a-5")]
    assert check_terms(PaymentTerms.net(90), "NL", buyer=PartyKind.SME, seller=PartyKind.SME)


def test_germany() -> None:
    # § 271a(1) BGB (60 days, unless expressly agreed and not grossly unfair); § 308 Nr. 1a
    # (30 days in a non-consumer's standard terms presumed unreasonable); § 271a(5)
    # (not for instalments); Art. 229 § 34 EGBGB (obligations after 28 July 2014).
    assert _codes(check_terms(PaymentTerms.net(90), "DE")) == [
        ("WARNING", "DE-271a-1"),
        ("INFO", "DE-308-1a"),
    ]
    assert _codes(check_terms(PaymentTerms.net(45), "DE")) == [("INFO", "DE-308-1a")]
    split = PaymentTerms(installments=(Installment.percent(50, "30D"), Installment.balance("120D")))
    assert _codes(check_terms(split, "DE")) == [("INFO", "DE-271a-5-instalments")]
    old = check_terms(PaymentTerms.net(90), "DE", contract_date=date(2014, 7, 28))
    assert _codes(old) == [("INFO", "DE-271a-transition")]


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        pytest.param("EU", [("WARNING", "EU-art-3-5")], id="eu-art-3-5"),
        pytest.param("LU", [("WARNING", "LU-60-days")], id="lu"),
        pytest.param("GB", [("WARNING", "UK-60-days")], id="uk"),
    ],
)
def test_sixty_days_unless_expressly_agreed(code: str, expected: list[tuple[str, str]]) -> None:
    found = check_terms(PaymentTerms.net(75), code)
    assert _codes(found) == expected
    assert found[0].days == 75
    assert found[0].limit == 60


def test_consumers_are_not_checked() -> None:
    (finding,) = check_terms(PaymentTerms.net(120), "BE", buyer=PartyKind.CONSUMER)
    assert finding.severity is Severity.INFO


def test_longest_wait_is_found_over_the_year() -> None:
    # "CM+31D" waits longest for an invoice dated on the 1st of a 31-day month: 61 days.
    (finding,) = check_terms(PaymentTerms.end_of_month(31), "BE")
    assert finding.days == 61
    assert finding.invoice_date is not None
    assert finding.invoice_date.day == 1


def test_bad_input() -> None:
    with pytest.raises(UnknownRegime):
        check_terms(PaymentTerms.net(30), "ES")
    with pytest.raises(UnknownRegime):
        check_terms(PaymentTerms.net(30), None)  # type: ignore[arg-type]
    with pytest.raises(InvalidType):
        check_terms("net 30", "FR")  # type: ignore[arg-type]
    with pytest.raises(InvalidArgument):
        check_terms(PaymentTerms.net(30), "FR", buyer="large")  # type: ignore[arg-type]
    with pytest.raises(InvalidArgument):
        check_terms(PaymentTerms.net(30), "FR", mentions=["payment_date"])  # type: ignore[list-item]
    with pytest.raises(InvalidType):
        check_terms(PaymentTerms.net(30), "FR", invoice_date="2026-01-01")  # type: ignore[arg-type]


@settings(max_examples=examples(150), deadline=None)
@given(
    field=st.sampled_from(
        ["terms", "jurisdiction", "buyer", "seller", "contract_date", "invoice_date", "mentions"]
    ),
    junk=st.one_of(
        st.none(), st.floats(), st.text(max_size=4), st.integers(), st.datetimes(), st.booleans()
    ),
)
def test_junk_gives_payterms_errors_only(field: str, junk: object) -> None:
    args: dict[str, object] = {"terms": PaymentTerms.net(30), "jurisdiction": "FR"}
    args[field] = junk
    terms, code = args.pop("terms"), args.pop("jurisdiction")
    with contextlib.suppress(PaytermsError):
        check_terms(terms, code, **args)  # type: ignore[arg-type]


@settings(max_examples=examples(100), deadline=None)
@given(
    code=st.one_of(st.none(), st.text(max_size=3), st.integers()),
    debtor=st.one_of(st.none(), st.text(max_size=3), st.sampled_from(list(PartyKind))),
    contract=st.one_of(st.none(), st.dates(), st.datetimes(), st.text(max_size=3)),
)
def test_regime_junk_gives_payterms_errors_only(
    code: object, debtor: object, contract: object
) -> None:
    with contextlib.suppress(PaytermsError):
        regime(code, debtor=debtor, contract_date=contract)  # type: ignore[arg-type]


@pytest.mark.parametrize("code", ["BE", "DE", "EU", "FR", "LU", "NL", "UK"])
def test_findings_use_the_caps_the_regime_states(code: str) -> None:
    caps = regime(code).term_caps
    assert caps is not None
    within = [f for f in check_terms(PaymentTerms.net(caps.days), code) if f.limit == caps.days]
    assert within == []
    over = [f for f in check_terms(PaymentTerms.net(caps.days + 1), code) if f.limit == caps.days]
    assert over
    assert over[0].severity is (Severity.VIOLATION if caps.void else Severity.WARNING)
    assert caps.counted_from in over[0].message
    if code == "FR":  # French public buyers follow public-procurement rules: not checked
        return
    public = check_terms(PaymentTerms.net(caps.public_days + 1), code, buyer=PartyKind.PUBLIC)
    assert [f.limit for f in public] == [caps.public_days]
    if caps.public_max_days is not None:
        beyond = check_terms(
            PaymentTerms.net(caps.public_max_days + 1), code, buyer=PartyKind.PUBLIC
        )
        assert [(f.severity, f.limit) for f in beyond] == [
            (Severity.VIOLATION, caps.public_max_days)
        ]


@pytest.mark.parametrize("code", ["BE", "DE", "LU", "NL"])
def test_consumer_regimes_have_no_term_caps(code: str) -> None:
    assert regime(code, debtor=PartyKind.CONSUMER).term_caps is None


# ------------------------------------------------------------------ the agreed penalty rate
# Source: legal.md §4 (Code de commerce art. L441-10 II): an agreed penalty rate may not be
# lower than three times the legal rate ("all other cases"): H2 2023 3 x 4.22 = 12.66 %
# (capeb09.fr); H2 2024 3 x 4.92 = 14.76 % (bpifrance-creation.fr); rates-update.md §3.1:
# 2026 H1 3 x 2.62 = 7.86 % (arrêté of 15 December 2025). The day checked is the day after
# the invoice's due date, when penalties start; the check is check_charges' on a
# ContractRate clause.
@pytest.mark.parametrize(
    ("invoice", "rate", "floor"),
    [
        pytest.param(date(2023, 9, 1), "0.12", "12.66", id="2023H2-capeb09-below"),
        pytest.param(date(2024, 9, 2), "0.10", "14.76", id="2024H2-bpifrance-below"),
        pytest.param(date(2026, 1, 15), "0.07", "7.86", id="2026H1-arrete-below"),
    ],
)
def test_french_penalty_rate_below_three_times_the_legal_rate(
    invoice: date, rate: str, floor: str
) -> None:
    terms = PaymentTerms.net(30)
    (finding,) = check_terms(terms, "FR", invoice_date=invoice, penalty_rate=rate)
    assert finding.severity is Severity.VIOLATION
    assert finding.code == "FR-L441-10-penalty-floor"
    assert finding.article == "Code de commerce art. L441-10 II"
    day = invoice + timedelta(days=31)  # net 30: the first late day
    assert f"legal rate on {day} ({floor} %)" in finding.message
    assert finding.invoice_date == invoice
    # the same finding as check_charges gives on that day
    assert check_charges(Charges(rate=ContractRate(Decimal(rate))), "FR", on=day) == (
        evolve(finding, invoice_date=None),
    )
    # at the floor, or above it, nothing to report
    at_floor = str(Decimal(floor) / 100)
    assert check_terms(terms, "FR", invoice_date=invoice, penalty_rate=at_floor) == ()


def test_penalty_rate_check_reads_the_tables_the_regime_carries() -> None:
    # The French legal rate of 2025 H2 (2.76 %) is read only in secondary sources
    # (rates-update.md §3.1): unconfirmed, so the floor is not checked from the shipped
    # table; with the arrêté's rate brought as a table the floor is 3 x 2.76 = 8.28 %.
    terms = PaymentTerms.net(30)
    (unknown,) = check_terms(terms, "FR", invoice_date=date(2025, 9, 1), penalty_rate="0.08")
    assert unknown.severity is Severity.INFO
    assert "fr_legal_rate_professionals" in unknown.message
    legal = RateTable.from_csv(
        "# covers_until: 2025-12-31\nvalid_from,rate,status,source\n"
        "2025-07-01,2.76,published,arrêté of 19 June 2025 (JO 24 June 2025)\n",
        name="fr_legal_rate_professionals",
    )
    france = regime("FR", tables={"fr_legal_rate_professionals": legal})
    (finding,) = check_terms(terms, france, invoice_date=date(2025, 9, 1), penalty_rate="0.08")
    assert finding.code == "FR-L441-10-penalty-floor"
    assert "(8.28 %)" in finding.message
    assert check_terms(terms, france, invoice_date=date(2025, 9, 1), penalty_rate="0.0828") == ()
    # check_charges reads them too
    clause = Charges(rate=ContractRate(Decimal("0.08")))
    assert check_charges(clause, france, on=date(2025, 10, 2))[0].code == (
        "FR-L441-10-penalty-floor"
    )


def test_belgian_consumer_penalty_rate_above_the_b2b_rate() -> None:
    # Source: legal.md §2.3 (elegis.be; art. XIX.4 CEL): a consumer's late interest may not
    # exceed the B2B rate (2024 H2: 12.5 %, legal.md §2.2).
    consumer = regime("BE", debtor=PartyKind.CONSUMER)
    findings = check_terms(PaymentTerms.net(30), consumer, invoice_date=date(2024, 9, 2),
                           penalty_rate="0.15")  # fmt: skip
    assert _codes(findings) == [("VIOLATION", "BE-XIX.4-rate-cap"), ("INFO", "BE-consumer")]
    assert "(12.5 %)" in findings[0].message
    assert findings[0].article == "Code of Economic Law art. XIX.4"
    same = check_terms(PaymentTerms.net(30), "BE", buyer=PartyKind.CONSUMER,
                       invoice_date=date(2024, 9, 2), penalty_rate="0.15")  # fmt: skip
    assert same == findings


def test_penalty_rate_check_needs_what_it_checks() -> None:
    terms = PaymentTerms.net(30)
    (info,) = check_terms(terms, "FR", penalty_rate="0.12")
    assert info.severity is Severity.INFO
    assert "invoice_date" in info.message
    with pytest.raises(InvalidArgument, match="fraction"):
        check_terms(terms, "FR", invoice_date=date(2024, 9, 2), penalty_rate="12")
    with pytest.raises(InvalidType):
        check_terms(terms, "FR", invoice_date=date(2024, 9, 2), penalty_rate=0.12)  # type: ignore[arg-type]


def test_a_regime_stands_for_its_debtor_and_contract_date() -> None:
    terms = PaymentTerms.net(45)
    public = regime("DE", debtor=PartyKind.PUBLIC)
    assert check_terms(terms, public) == check_terms(terms, "DE", buyer=PartyKind.PUBLIC)
    old = regime("BE", contract_date=date(2021, 6, 1))
    assert check_terms(PaymentTerms.net(75), old) == check_terms(
        PaymentTerms.net(75), "BE", contract_date=date(2021, 6, 1)
    )
    with pytest.raises(InvalidArgument, match="buyer"):
        check_terms(terms, public, buyer=PartyKind.CONSUMER)
    with pytest.raises(InvalidArgument, match="contract_date"):
        check_terms(terms, old, contract_date=date(2023, 1, 1))
    with pytest.raises(InvalidArgument, match="debtor"):
        check_charges(Charges(grace=10), public, debtor=PartyKind.CONSUMER)
    assert check_charges(Charges(grace=10), public) == check_charges(
        Charges(grace=10), "DE", debtor=PartyKind.PUBLIC
    )

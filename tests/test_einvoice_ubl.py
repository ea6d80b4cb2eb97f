"""UBL 2.1 payment terms (Peppol BIS Billing 3.0): write per profile, read back, bad input."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from einvoice_skeletons import ERP, french_regime, ubl_invoice, vat_of
from payterms.einvoice import Profile, payment_part, read_invoice, read_ubl, to_ubl
from payterms.errors import InvalidArgument, InvalidDocument
from payterms.terms import DiscountTier, EndOfMonth, Installment, PaymentTerms
from strategies import examples, payment_terms

ISSUE = date(2026, 1, 15)
CAC = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
CBC = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"
DEPOSIT = PaymentTerms(
    installments=(Installment.percent(30, "0D"), Installment.balance("CM+30D")),
    discounts=(DiscountTier(2, "10D"),),
)


@pytest.mark.parametrize("profile", list(Profile))
@settings(max_examples=examples(40), deadline=None)  # whole documents built, parsed and read
@given(
    terms=payment_terms(),
    issue=st.dates(date(2000, 1, 1), date(2060, 12, 31)),
    amount=st.decimals("100", "10000000", places=2),
    lang=st.sampled_from(["en", "fr", "nl", "de"]),
)
@example(terms=DEPOSIT, issue=ISSUE, amount=Decimal("1210.00"), lang="nl")
def test_round_trip_gives_equal_terms_and_dates(
    profile: Profile, terms: PaymentTerms, issue: date, amount: Decimal, lang: str
) -> None:
    tax = vat_of(amount)
    try:
        sched = terms.schedule(issue, amount, tax=tax)
    except InvalidArgument:
        assume(False)  # terms that do not fit the amount (fixed lines), not a format question
        raise
    written = to_ubl(payment_part(sched, terms, lang=lang, tax=tax), profile)
    reading = read_invoice(written.embed(ubl_invoice(issue, amount, tax=tax)))
    assert reading.terms == terms
    assert reading.schedule == sched
    assert reading.disagreements == ()
    assert reading.part.due_date == min(d.date for d in sched.dues)
    if profile is Profile.EXTENDED:
        assert reading.part.dues == sched.dues
        assert [d.last_day for d in reading.part.discounts] == [w.last_day for w in sched.discounts]


def test_peppol_writes_the_due_date_and_one_note() -> None:
    sched = DEPOSIT.schedule(ISSUE, Decimal("1210.00"))
    written = to_ubl(payment_part(sched, DEPOSIT, lang="nl"))
    assert [f.xml.split(">")[0].split()[0] for f in written.fragments] == [
        "<cbc:DueDate",
        "<cac:PaymentTerms",
    ]
    assert ">2026-01-15</cbc:DueDate>" in written.fragments[0].xml
    assert written.fragments[1].xml.count("<cbc:") == 1  # cbc:Note only (UBL-CR-452..469)
    assert len(written.in_text) == 2


def test_peppol_notes_carry_the_french_subject_codes() -> None:
    terms = PaymentTerms.net(30)
    sched = terms.schedule(ISSUE, Decimal("1200.00"))
    written = to_ubl(payment_part(sched, terms, lang="fr", regime=french_regime()))
    notes = [
        f.xml for f in written.fragments if "<cbc:Note" in f.xml and "PaymentTerms" not in f.xml
    ]
    assert [n.split(">#")[1][:3] for n in notes] == ["AAB", "PMD", "PMT"]
    reading = read_invoice(written.embed(ubl_invoice(ISSUE, Decimal("1200.00"))))
    assert [n.subject for n in reading.part.notes] == ["AAB", "PMD", "PMT"]
    assert reading.part.notes[1].text.startswith("Pénalités de retard : 12,15 %")


def test_extended_writes_structured_payment_terms() -> None:
    sched = DEPOSIT.schedule(ISSUE, Decimal("1210.00"))
    written = to_ubl(payment_part(sched, DEPOSIT, rate="0.08"), Profile.EXTENDED)
    xml = written.xml
    assert xml.count("<cac:PaymentTerms") == 3
    assert '<cbc:PaymentPercent>30</cbc:PaymentPercent><cbc:Amount currencyID="EUR">363.00' in xml
    assert "<cbc:InstallmentDueDate>2026-03-02</cbc:InstallmentDueDate>" in xml
    assert "<cbc:SettlementDiscountPercent>2</cbc:SettlementDiscountPercent>" in xml
    assert '<cbc:DurationMeasure unitCode="DAY">10</cbc:DurationMeasure>' in xml
    assert "<cbc:EndDate>2026-01-25</cbc:EndDate>" in xml
    assert "<cbc:PenaltySurchargePercent>8</cbc:PenaltySurchargePercent>" in xml
    assert "<cbc:StartDate>2026-03-03</cbc:StartDate>" in xml  # the day after the due date
    reading = read_ubl(xml, issue_date=ISSUE, amount="1210.00", currency="EUR")
    assert reading.terms == DEPOSIT
    assert reading.part.penalty == Decimal("8")
    assert reading.profile is Profile.EXTENDED


def test_the_mandate_goes_into_the_payment_means() -> None:
    terms = PaymentTerms.net(30)
    written = to_ubl(payment_part(terms.schedule(ISSUE, Decimal("121.00")), terms, mandate="M-1"))
    (fragment,) = [f for f in written.fragments if f.parent == "Invoice/cac:PaymentMeans"]
    document = written.embed(ubl_invoice(ISSUE, Decimal("121.00")))
    assert "<cac:PayeeFinancialAccount>" in document.split("<cac:PaymentMandate>")[0]
    assert read_invoice(document).part.mandate == "M-1"
    with pytest.raises(InvalidDocument, match="cac:PaymentMeans"):
        written.embed(ubl_invoice(ISSUE, Decimal("121.00"), means=False))
    assert fragment.xml.startswith("<cac:PaymentMandate")


def test_embedding_replaces_the_payment_elements_already_there() -> None:
    terms = PaymentTerms.net(30)
    document = ubl_invoice(ISSUE, Decimal("121.00"))
    once = to_ubl(payment_part(terms.schedule(ISSUE, Decimal("121.00")), terms)).embed(document)
    other = PaymentTerms.net(60)
    twice = to_ubl(payment_part(other.schedule(ISSUE, Decimal("121.00")), other)).embed(once)
    assert twice.count("<cbc:DueDate>") == 1
    assert twice.count("<cac:PaymentTerms>") == 1
    assert read_invoice(twice).terms == other


def test_a_credit_note_states_its_due_date_in_the_payment_means() -> None:
    document = (
        '<CreditNote xmlns="urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2" '
        f'xmlns:cac="{CAC}" xmlns:cbc="{CBC}"><cbc:IssueDate>2026-01-15</cbc:IssueDate>'
        "<cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>"
        "<cac:PaymentMeans><cbc:PaymentMeansCode>30</cbc:PaymentMeansCode>"
        "<cbc:PaymentDueDate>2026-02-14</cbc:PaymentDueDate></cac:PaymentMeans>"
        "<cac:PaymentTerms><cbc:Note>net 30</cbc:Note></cac:PaymentTerms>"
        '<cac:LegalMonetaryTotal><cbc:PayableAmount currencyID="EUR">-50.00</cbc:PayableAmount>'
        "</cac:LegalMonetaryTotal></CreditNote>"
    )
    reading = read_invoice(document)
    assert reading.part.due_date == date(2026, 2, 14)
    assert reading.schedule is not None
    assert reading.schedule.dues[0].amount == Decimal("-50.00")
    assert reading.disagreements == ()


def _terms(inner: str) -> str:
    return f'<cac:PaymentTerms xmlns:cac="{CAC}" xmlns:cbc="{CBC}">{inner}</cac:PaymentTerms>'


@pytest.mark.parametrize(
    ("inner", "element", "value"),
    [
        (
            "<cbc:SettlementDiscountPercent>2,5</cbc:SettlementDiscountPercent>",
            "cbc:SettlementDiscountPercent",
            "2,5",
        ),
        (
            "<cbc:SettlementDiscountPercent>2</cbc:SettlementDiscountPercent>"
            '<cac:SettlementPeriod><cbc:DurationMeasure unitCode="DAY">-10</cbc:DurationMeasure>'
            "</cac:SettlementPeriod>",
            "cac:SettlementPeriod/cbc:DurationMeasure",
            "-10",
        ),
        (
            "<cbc:SettlementDiscountPercent>2</cbc:SettlementDiscountPercent>",
            "cac:PaymentTerms/cac:SettlementPeriod",
            "",
        ),
        (
            '<cbc:Amount currencyID="EUR">100,00</cbc:Amount>'
            "<cbc:PaymentDueDate>2026-02-14</cbc:PaymentDueDate>",
            "cbc:Amount",
            "100,00",
        ),
        (
            '<cbc:Amount currencyID="USD">100.00</cbc:Amount>',
            "cbc:Amount/@currencyID",
            "USD",
        ),
        (
            '<cbc:Amount currencyID="EUR">100.00</cbc:Amount>'
            "<cbc:PaymentDueDate>14/02/2026</cbc:PaymentDueDate>",
            "cbc:PaymentDueDate",
            "14/02/2026",
        ),
        (
            "<cbc:Note>#SKONTO#TAGE=14#PROZENT=2,00#\n</cbc:Note>",
            "cac:PaymentTerms/cbc:Note (BT-20)",
            "#SKONTO#TAGE=14#PROZENT=2,00#",
        ),
    ],
)
def test_bad_values_raise_naming_element_and_value(inner: str, element: str, value: str) -> None:
    with pytest.raises(InvalidDocument) as info:
        read_ubl(_terms(inner), issue_date=ISSUE, amount="100", currency="EUR")
    assert info.value.element == element
    assert info.value.value == value


def test_two_due_dates_are_refused() -> None:
    document = ubl_invoice(ISSUE, Decimal("121.00")).replace(
        "<cbc:InvoiceTypeCode>",
        "<cbc:DueDate>2026-02-14</cbc:DueDate>" * 2 + "<cbc:InvoiceTypeCode>",
    )
    with pytest.raises(InvalidDocument, match="UBL-SR-45"):
        read_invoice(document)


def test_the_stated_due_date_that_disagrees_is_reported_with_both_dates() -> None:
    terms = PaymentTerms.parse("30 dagen einde maand", reading=EndOfMonth.THEN_DAYS)
    document = to_ubl(payment_part(terms.schedule(ISSUE, Decimal("121.00")), terms)).embed(
        ubl_invoice(ISSUE, Decimal("121.00"))
    )
    wrong = document.replace("<cbc:DueDate>2026-03-02<", "<cbc:DueDate>2026-02-14<")
    (d,) = read_invoice(wrong).disagreements
    assert (d.element, d.stated, d.computed) == (
        "cbc:DueDate (BT-9)",
        date(2026, 2, 14),
        date(2026, 3, 2),
    )


@pytest.mark.parametrize("profile", list(Profile))
@settings(max_examples=examples(40), deadline=None)  # whole documents built, parsed and read
@given(
    terms=payment_terms(extras=True, fixed_tiers=True),
    issue=st.dates(date(2000, 1, 1), date(2060, 12, 31)),
    amount=st.decimals("100", "10000000", places=2),
    lang=st.sampled_from(["en", "fr", "nl", "de"]),
)
@example(terms=ERP, issue=ISSUE, amount=Decimal("1210.00"), lang="nl")
def test_round_trip_with_fixed_and_instalment_discounts(
    profile: Profile, terms: PaymentTerms, issue: date, amount: Decimal, lang: str
) -> None:
    tax = vat_of(amount)
    try:
        sched = terms.schedule(issue, amount, tax=tax)
    except InvalidArgument:
        assume(False)  # a fixed line or discount larger than what it is taken on
        raise
    written = to_ubl(payment_part(sched, terms, lang=lang, tax=tax), profile)
    reading = read_invoice(written.embed(ubl_invoice(issue, amount, tax=tax)))
    assert reading.terms == terms
    assert reading.schedule == sched
    assert reading.disagreements == ()
    if profile is Profile.EXTENDED:
        stated = reading.part.discounts
        whole = [d for d in stated if d.installment is None]
        assert [(d.last_day, d.percent, d.amount) for d in whole] == [
            (w.last_day, w.percent, w.discount) for w in sched.discounts
        ]
        for i, due in enumerate(sched.dues):
            mine = [(d.last_day, d.percent, d.amount) for d in stated if d.installment == i]
            assert mine == [(w.last_day, w.percent, w.discount) for w in due.discounts[:1]]


def test_extended_writes_fixed_and_instalment_discounts_in_payment_terms() -> None:
    sched = ERP.schedule(ISSUE, Decimal("1210.00"))
    written = to_ubl(payment_part(sched, ERP), Profile.EXTENDED)
    blocks = [f.xml for f in written.fragments if "PaymentTerms" in f.xml]
    assert len(blocks) == 3
    first, second, whole = blocks
    # UBL 2.1 cac:PaymentTerms: an instalment with its own discount (percent, discount
    # amount, settlement period) beside its amount and due date
    assert "<cbc:SettlementDiscountPercent>3<" in first
    assert '<cbc:Amount currencyID="EUR">363.00</cbc:Amount>' in first
    assert '<cbc:SettlementDiscountAmount currencyID="EUR">10.89<' in first
    assert "<cbc:InstallmentDueDate>2026-01-15<" in first
    assert "<cbc:SettlementDiscountPercent>2<" in second
    assert "<cbc:EndDate>2026-01-25<" in second
    # the fixed discount on the whole invoice: its amount, no percent
    assert "SettlementDiscountPercent" not in whole
    assert '<cbc:SettlementDiscountAmount currencyID="EUR">50.00<' in whole
    assert '<cbc:Amount currencyID="EUR">1210.00<' in whole  # the amount it is taken on
    assert written.in_text[-1].startswith("instalment 2 discount of 20.00 EUR until 2026-02-24")
    no_text = re.sub("<cbc:Note>.*?</cbc:Note>", "", written.xml)
    reading = read_ubl(no_text, issue_date=ISSUE, amount="1210.00", currency="EUR")
    assert reading.terms == PaymentTerms(
        installments=(
            Installment.percent(30, "0D").with_discount(3, "0D"),
            Installment.balance("60D").with_discount(2, "10D"),
        ),
        discounts=(DiscountTier.fixed("50.00", "20D"),),
    )
    assert reading.disagreements == ()


def test_peppol_words_fixed_and_instalment_discounts() -> None:
    # Peppol BIS Billing 3.0 takes the EN 16931 UBL binding: no SettlementDiscountPercent
    # (UBL-CR-456), SettlementDiscountAmount (UBL-CR-460) or SettlementPeriod (UBL-CR-466)
    sched = ERP.schedule(ISSUE, Decimal("1210.00"))
    written = to_ubl(payment_part(sched, ERP, lang="nl"), Profile.EN16931)
    assert "Settlement" not in written.xml
    assert [s.split(":")[0] for s in written.in_text if "discount" in s] == [
        "discount of 50.00 EUR until 2026-02-04",
        "instalment 1 discount 3 % until 2026-01-15",
        "instalment 2 discount 2 % until 2026-01-25",
        "instalment 2 discount of 20.00 EUR until 2026-02-24",
    ]
    reading = read_invoice(written.embed(ubl_invoice(ISSUE, Decimal("1210.00"))))
    assert reading.terms == ERP
    assert reading.schedule == sched


def test_a_discount_in_a_block_with_a_due_date_is_that_instalments() -> None:
    xml = (
        f'<cac:PaymentTerms xmlns:cac="{CAC}" xmlns:cbc="{CBC}">'
        "<cbc:SettlementDiscountPercent>2</cbc:SettlementDiscountPercent>"
        '<cbc:Amount currencyID="EUR">100.00</cbc:Amount>'
        "<cbc:PaymentDueDate>2026-02-14</cbc:PaymentDueDate>"
        "<cac:SettlementPeriod><cbc:EndDate>2026-01-25</cbc:EndDate></cac:SettlementPeriod>"
        "</cac:PaymentTerms>"
    )
    reading = read_ubl(xml, issue_date=ISSUE, amount="100.00", currency="EUR")
    (discount,) = reading.part.discounts
    assert (discount.installment, discount.basis_amount, discount.days) == (0, None, 10)
    assert reading.terms == PaymentTerms(
        installments=(Installment.balance("30D").with_discount(2, "10D"),)
    )


def test_an_instalment_discount_on_the_amount_excluding_tax_says_its_base_is_in_text() -> None:
    from payterms.terms import TaxBase

    terms = PaymentTerms(
        installments=(Installment.balance("30D").with_discount(2, "10D"),),
        tax_base=TaxBase.EXCLUDED,
    )
    sched = terms.schedule(ISSUE, Decimal("1210.00"), tax=Decimal("210.00"))
    written = to_ubl(payment_part(sched, terms, tax="210.00"), Profile.EXTENDED)
    assert '<cbc:SettlementDiscountAmount currencyID="EUR">20.00<' in written.xml
    assert written.in_text[-1] == (
        "instalment 1's discount is taken on 1000.00, which no element states (cbc:Amount is "
        "the instalment's amount): in the terms text (BT-20)"
    )
    reading = read_ubl(
        written.xml, issue_date=ISSUE, amount="1210.00", currency="EUR", tax="210.00"
    )
    assert reading.terms == terms
    assert reading.disagreements == ()


@pytest.mark.parametrize("profile", list(Profile))
def test_the_rule_in_words_round_trips_and_passes_the_french_checks(profile: Profile) -> None:
    # An invoice issued 7 December 2026 under the French regime: no ECB rate is published
    # for 2027 H1 (rates-update.md), so the PMD note (#PMD#) states the rule of L441-10 II
    # (legal.md §4) and no cbc:PenaltySurchargePercent is written.
    from payterms.einvoice import check_payment
    from payterms.law import regime

    today = date(2026, 12, 7)
    sched = DEPOSIT.schedule(today, Decimal("1210.00"))
    part = payment_part(sched, DEPOSIT, lang="fr", regime=regime("FR"))
    written = to_ubl(part, profile)
    assert "PenaltySurchargePercent" not in written.xml
    document = written.embed(ubl_invoice(today, Decimal("1210.00")))
    reading = read_invoice(document)
    assert reading.part.penalty is None
    assert reading.part.notes == part.notes
    assert reading.terms == DEPOSIT
    assert reading.disagreements == ()
    codes = [f.code for f in check_payment(reading, country="FR")]
    # the French mentions are all there; EXTENDED's structured UBL terms are warned
    # against by the EN 16931 UBL binding whatever the penalty (UBL-CR-452 to 469)
    assert [c for c in codes if not c.startswith("UBL-")] == []
    if profile is not Profile.EXTENDED:
        assert codes == []

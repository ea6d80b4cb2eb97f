"""The EN 16931 payment part of a schedule: BT-9, BT-20, discounts, penalty, the legal notes."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from einvoice_skeletons import french_regime
from payterms.einvoice import DiscountTerm, Note, PaymentPart, Profile, payment_part, to_cii, to_ubl
from payterms.errors import InvalidArgument, InvalidType
from payterms.terms import DiscountTier, Installment, PaymentTerms, TaxBase
from payterms.text import describe
from strategies import examples, payment_terms

ISSUE = date(2026, 1, 15)


def test_bt_9_is_the_first_net_due_date_and_bt_20_the_wording() -> None:
    # EN 16931-1 BT-9: "for partial payments it states the first net due date"
    terms = PaymentTerms(installments=(Installment.percent(40, "60D"), Installment.balance("10D")))
    sched = terms.schedule(ISSUE, Decimal("1000.00"))
    part = payment_part(sched, terms, lang="nl")
    assert part.due_date == date(2026, 1, 25)
    assert part.terms_text == describe(terms, "nl")
    assert part.dues == sched.dues
    assert (part.issue_date, part.currency, part.amount_due) == (ISSUE, "EUR", Decimal("1000.00"))


def test_discounts_carry_their_period_base_and_amount() -> None:
    terms = PaymentTerms(
        installments=(Installment.balance("30D"),),
        discounts=(DiscountTier(2, "10D"),),
        tax_base=TaxBase.EXCLUDED,
    )
    sched = terms.schedule(ISSUE, Decimal("1210.00"), tax=Decimal("210.00"))
    (discount,) = payment_part(sched, terms, tax="210.00").discounts
    assert discount == DiscountTerm(Decimal("2"), ISSUE, 10, Decimal("1000.00"), Decimal("20.00"))
    assert discount.last_day == sched.discounts[0].last_day
    with pytest.raises(InvalidArgument, match="tax"):
        payment_part(sched, terms)


@pytest.mark.parametrize(
    ("lang", "aab", "pmt"),
    [
        ("fr", "Pas d'escompte pour paiement anticipé.", "Indemnité forfaitaire"),
        ("nl", None, None),
        ("de", None, None),
        ("en", None, None),
    ],
)
def test_a_regime_gives_the_penalty_and_the_three_notes(
    lang: str, aab: str | None, pmt: str | None
) -> None:
    terms = PaymentTerms.net(30)
    sched = terms.schedule(ISSUE, Decimal("1200.00"))
    part = payment_part(sched, terms, lang=lang, regime=french_regime())
    assert part.penalty == Decimal("12.15")  # FR rate for the half-year after 14 Feb 2026
    assert [n.subject for n in part.notes] == ["AAB", "PMD", "PMT"]
    if aab is not None:
        assert part.notes[0].text == aab
    if pmt is not None:
        assert part.notes[2].text.startswith(pmt)
    assert all(n.text.strip() for n in part.notes)


def test_an_agreed_rate_without_a_regime_gives_no_indemnity_note() -> None:
    terms = PaymentTerms.net(30).with_discount(2, "10D")
    part = payment_part(terms.schedule(ISSUE, Decimal("100.00")), terms, rate="0.10")
    assert part.penalty == Decimal("10")
    assert [n.subject for n in part.notes] == ["AAB", "PMD"]
    assert "2" in part.notes[0].text


def test_the_schedule_must_come_from_the_terms() -> None:
    sched = PaymentTerms.net(30).schedule(ISSUE, Decimal("100"))
    two = PaymentTerms(installments=(Installment.percent(50, "0D"), Installment.balance("30D")))
    with pytest.raises(InvalidArgument, match="the schedule of these terms"):
        payment_part(sched, two)
    with pytest.raises(InvalidType, match="Schedule"):
        payment_part("schedule", two)  # type: ignore[arg-type]
    with pytest.raises(InvalidType, match="PaymentTerms"):
        payment_part(sched, "net 30")  # type: ignore[arg-type]
    with pytest.raises(InvalidType, match="mandate"):
        payment_part(sched, PaymentTerms.net(30), mandate=7)  # type: ignore[arg-type]


def test_a_penalty_without_its_note_is_refused_outside_extended() -> None:
    part = PaymentPart(issue_date=ISSUE, due_date=date(2026, 2, 14), penalty=Decimal("8"))
    with pytest.raises(InvalidArgument, match="PMD"):
        to_cii(part)
    assert "CalculationPercent>8<" in to_cii(part, Profile.EXTENDED).xml.replace("</ram:", "<")
    with_note = PaymentPart(
        issue_date=ISSUE,
        due_date=date(2026, 2, 14),
        penalty=Decimal("8"),
        notes=(Note("PMD", "8 %"),),
    )
    assert to_ubl(with_note).in_text == (
        "late-payment penalty 8 % a year: no element in the EN16931 profile; in the note PMD "
        "(BT-22)",
    )


def test_writers_refuse_what_is_not_a_part_or_a_profile() -> None:
    with pytest.raises(InvalidType, match="PaymentPart"):
        to_cii("part")  # type: ignore[arg-type]
    with pytest.raises(InvalidType, match="Profile"):
        to_ubl(PaymentPart(), "en16931")  # type: ignore[arg-type]


@settings(max_examples=examples(60), deadline=None)
@given(terms=payment_terms(), amount=st.decimals("100", "1000000", places=2))
def test_the_part_states_what_the_schedule_says(terms: PaymentTerms, amount: Decimal) -> None:
    tax = (amount / 11).quantize(Decimal("0.01"))
    try:
        sched = terms.schedule(ISSUE, amount, tax=tax)
    except InvalidArgument:
        assume(False)
        raise
    part = payment_part(sched, terms, tax=tax)
    assert part.due_date == min(d.date for d in sched.dues)
    assert sum(d.amount for d in part.dues) == sched.amount  # parts = total
    assert [d.last_day for d in part.discounts] == [w.last_day for w in sched.discounts]
    for discount, window in zip(part.discounts, sched.discounts, strict=True):
        assert discount.amount == window.discount
        assert window.payable + window.discount == sched.amount


# ERPNext "Amount" discounts and Odoo 16 per-instalment discounts (the terms of the ERP work)
ERP = PaymentTerms(
    installments=(
        Installment.percent(30, "0D").with_discount(3, "0D"),
        Installment.balance("60D").with_discount(2, "10D").with_discount(None, "40D", amount=20),
    ),
    discounts=(DiscountTier.fixed(50, "20D"),),
)


def test_fixed_and_instalment_discounts_are_stated_with_their_instalment() -> None:
    sched = ERP.schedule(ISSUE, Decimal("1210.00"))
    part = payment_part(sched, ERP)
    assert part.discounts == (
        # on the whole invoice: the fixed 50.00 within 20 days, on the amount due
        DiscountTerm(None, ISSUE, 20, Decimal("1210.00"), Decimal("50.00")),
        # instalment 1 (363.00): 3 % paid on the day, 10.89 off
        DiscountTerm(Decimal("3"), ISSUE, 0, Decimal("363.00"), Decimal("10.89"), 0),
        # instalment 2 (847.00): 2 % within 10 days (16.94), 20.00 within 40 days
        DiscountTerm(Decimal("2"), ISSUE, 10, Decimal("847.00"), Decimal("16.94"), 1),
        DiscountTerm(None, ISSUE, 40, Decimal("847.00"), Decimal("20.00"), 1),
    )
    assert [d.fixed for d in part.discounts] == [True, False, False, True]
    assert part.terms_text == describe(ERP, "en")


def test_a_discount_term_needs_a_percentage_or_an_amount() -> None:
    with pytest.raises(InvalidArgument, match="percent"):
        DiscountTerm(None, ISSUE, 10)
    with pytest.raises(InvalidArgument, match="installment"):
        DiscountTerm(Decimal("2"), ISSUE, 10, installment=-1)


@settings(max_examples=examples(60), deadline=None)
@given(
    terms=payment_terms(extras=True, fixed_tiers=True),
    amount=st.decimals("100", "1000000", places=2),
)
def test_every_discount_window_is_stated_once(terms: PaymentTerms, amount: Decimal) -> None:
    tax = (amount / 11).quantize(Decimal("0.01"))
    try:
        sched = terms.schedule(ISSUE, amount, tax=tax)
    except InvalidArgument:
        assume(False)  # a fixed line or discount larger than the amount it is taken on
        raise
    part = payment_part(sched, terms, tax=tax)
    whole = [d for d in part.discounts if d.installment is None]
    assert [(d.last_day, d.amount, d.percent) for d in whole] == [
        (w.last_day, w.discount, w.percent) for w in sched.discounts
    ]
    for i, due in enumerate(sched.dues):
        mine = [d for d in part.discounts if d.installment == i]
        assert [(d.last_day, d.amount, d.percent) for d in mine] == [
            (w.last_day, w.discount, w.percent) for w in due.discounts
        ]
        for window in due.discounts:
            assert window.payable + window.discount == due.amount  # parts = the instalment
    assert len(part.discounts) == len(sched.discounts) + sum(len(d.discounts) for d in sched.dues)


def test_the_notes_follow_the_lines_with_instalment_discounts() -> None:
    # Code de commerce L441-9: the discount conditions (AAB), the penalties (PMD) and the
    # indemnity (PMT) each in its note, whatever the instalments' own discounts
    sched = ERP.schedule(ISSUE, Decimal("1210.00"))
    aab, pmd, pmt = payment_part(sched, ERP, lang="fr", regime=french_regime()).notes
    assert aab.subject == "AAB"
    assert aab.text.count("Escompte de") == 4  # 3 %, 2 %, 20,00 EUR of the lines, 50,00 EUR
    assert "Date de paiement" not in aab.text
    assert (pmd.subject, pmd.text[:20]) == ("PMD", "Pénalités de retard ")
    assert (pmt.subject, pmt.text[:22]) == ("PMT", "Indemnité forfaitaire ")


@settings(max_examples=examples(60), deadline=None)
@given(
    terms=payment_terms(extras=True, fixed_tiers=True),
    amount=st.decimals("100", "1000000", places=2),
)
def test_each_note_holds_its_mention(terms: PaymentTerms, amount: Decimal) -> None:
    tax = (amount / 11).quantize(Decimal("0.01"))
    try:
        sched = terms.schedule(ISSUE, amount, tax=tax)
    except InvalidArgument:
        assume(False)
        raise
    aab, pmd = payment_part(sched, terms, tax=tax, rate="0.08").notes
    windows = len(sched.discounts) + sum(len(d.discounts) for d in sched.dues)
    assert aab.subject == "AAB"
    assert aab.text.count("to pay.") == windows
    assert (aab.text == "No discount for early payment.") == (windows == 0)
    assert pmd == Note(
        "PMD", "Late payment interest: 8% a year, due from the day after the due date."
    )


# -- an invoice written before the rate of its period is published --

TODAY = date(2026, 12, 7)


@pytest.mark.parametrize("lang", ["en", "fr", "nl", "de"])
def test_before_the_rate_is_published_the_pmd_note_states_the_rule(lang: str) -> None:
    # legal.md §4: Code de commerce L441-10 II, the ECB rate of its most recent refinancing
    # operation + 10 points; rates-update.md: no ECB rate is published for 2027 H1, the
    # half-year of 7 January 2027 (net 30 from 7 December 2026)
    from payterms.law import regime
    from payterms.text import describe_invoice, statutory_rule

    terms = PaymentTerms.net(30)
    sched = terms.schedule(TODAY, Decimal("1200.00"))
    part = payment_part(sched, terms, lang=lang, regime=regime("FR"))
    assert part.penalty is None  # no figure, so no penalty element
    assert [n.subject for n in part.notes] == ["AAB", "PMD", "PMT"]
    block = describe_invoice(sched, lang, regime("FR")).splitlines()
    assert part.notes[1].text == block[3]  # after the terms, the due date and the discount line
    rule = statutory_rule(regime("FR"), date(2027, 1, 7), lang)
    assert rule is not None
    assert rule in part.notes[1].text
    sentence = (
        "late-payment penalty in words only, with no rate in the part (as the statutory rule "
        "before its rate is published): {}; in the note PMD (BT-22)"
    )
    for profile in Profile:
        where = (
            "no penalty terms element (no rate to state)"
            if profile is Profile.EXTENDED
            else f"no element in the {profile.name} profile"
        )
        for written in (to_cii(part, profile), to_ubl(part, profile)):
            assert "Penalty" not in written.xml  # neither CII penalty terms nor UBL surcharge
            assert written.in_text[-1] == sentence.format(where)


def test_an_agreed_rate_is_stated_as_a_figure_whatever_the_day() -> None:
    from payterms.law import regime

    terms = PaymentTerms.net(30)
    part = payment_part(
        terms.schedule(TODAY, Decimal("1200.00")), terms, regime=regime("FR"), rate="0.125"
    )
    assert part.penalty == Decimal("12.5")
    assert "12.5%" in part.notes[1].text


def test_a_regime_without_a_rule_in_words_still_raises() -> None:
    # legal.md §6: no statute is cited for the Luxembourg consumers' yearly legal rate
    from payterms.errors import RateNotPublished
    from payterms.law import PartyKind, regime

    terms = PaymentTerms.net(30)
    with pytest.raises(RateNotPublished, match="lu_legal_rate"):
        payment_part(
            terms.schedule(TODAY, Decimal("1200.00")),
            terms,
            regime=regime("LU", debtor=PartyKind.CONSUMER),
        )

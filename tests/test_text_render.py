"""payterms.text.render: PaymentTerms as invoice wording, and the invoice payment block."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from attrs import frozen
from hypothesis import given, settings
from hypothesis import strategies as st

from payterms.errors import InvalidArgument, InvalidTerms, InvalidType
from payterms.terms import (
    DiscountTier,
    EndOfMonth,
    Installment,
    PaymentTerms,
    PercentOf,
    Start,
    TaxBase,
)
from payterms.text import VOCABULARIES, describe, describe_invoice, parse, xrechnung_skonto
from strategies import payment_terms

LANGS = sorted(VOCABULARIES)

# -- known wording --


@pytest.mark.parametrize(
    ("terms", "lang", "wording"),
    [
        # Source: DESIGN.md §4 and issue #4 ("14 Tage 2 % Skonto, 30 Tage netto").
        pytest.param(
            PaymentTerms.net(30).with_discount(2, "14D"),
            "de",
            "14 Tage 2 % Skonto, 30 Tage netto",
            id="de-skonto",
        ),
        # Source: issue #4 ("30 dagen netto" family; "2% korting bij betaling binnen 8 dagen").
        pytest.param(
            PaymentTerms.net(30).with_discount(2, "8D"),
            "nl",
            "2% korting bij betaling binnen 8 dagen, betaling binnen 30 dagen",
            id="nl-korting",
        ),
        # Source: issue #4 ("escompte 2 % pour paiement sous 8 jours").
        pytest.param(
            PaymentTerms.net(30).with_discount(2, "8D"),
            "fr",
            "escompte 2 % pour paiement sous 8 jours, paiement à 30 jours",
            id="fr-escompte",
        ),
        # Source: issue #4 ("30 % à la commande, solde à 30 jours"; here due on receipt).
        pytest.param(
            PaymentTerms(installments=(Installment.percent(30, "0D"), Installment.balance("30D"))),
            "fr",
            "30 % à réception de facture, solde à 30 jours",
            id="fr-acompte",
        ),
        # Source: issue #4 ("due on receipt", "sofort ohne Abzug" family).
        pytest.param(PaymentTerms.on_receipt(), "en", "due on receipt", id="en-receipt"),
        pytest.param(PaymentTerms.on_receipt(), "de", "zahlbar sofort", id="de-sofort"),
        # Source: reference/legal.md §4 (CEPC: the two readings, said without ambiguity).
        pytest.param(
            PaymentTerms.end_of_month(45),
            "fr",
            "paiement à 45 jours après la fin du mois",
            id="fr-cepc-b",
        ),
        pytest.param(
            PaymentTerms.end_of_month(45, reading=EndOfMonth.DAYS_THEN),
            "fr",
            "paiement à 45 jours puis fin de mois",
            id="fr-cepc-a",
        ),
        pytest.param(
            PaymentTerms.end_of_month(60, reading=EndOfMonth.DAYS_THEN, day=10),
            "en",
            "net 60 days then end of month on the 10th",
            id="en-le-10",
        ),
        # Source: reference/peers.md §7 (B1: months are added before the month end is
        # taken); "30 days then end of next month" has no word form here.
        pytest.param(
            PaymentTerms.end_of_month(30, months=1, reading=EndOfMonth.DAYS_THEN),
            "de",
            "[30D+1M+CM] netto",
            id="de-formula-days-then-next-month",
        ),
        # Source: reference/peers.md (Zuora prox: no word form, the formula is written).
        pytest.param(
            PaymentTerms.prox(20, cutoff=12),
            "en",
            "net [<12: -CM+1M+D20 ? -CM+2M+D20>]",
            id="en-prox-formula",
        ),
    ],
)
def test_known_wording(terms: PaymentTerms, lang: str, wording: str) -> None:
    assert describe(terms, lang) == wording
    assert terms.describe(lang) == wording


# -- round trip --


@settings(max_examples=150, deadline=None)
@given(payment_terms(forward=False), st.sampled_from(LANGS))
def test_round_trip_any_terms(terms: PaymentTerms, lang: str) -> None:
    assert parse(describe(terms, lang), lang=lang) == terms


@settings(max_examples=100, deadline=None)
@given(payment_terms(forward=False), st.sampled_from(LANGS))
def test_describe_never_needs_its_fallback(terms: PaymentTerms, lang: str) -> None:
    # describe() re-reads its wording and, were it to differ, would write every rule as a
    # formula: the words it composes must already read back exactly.
    from payterms.text.render import _compose, _templates

    assert describe(terms, lang) == _compose(terms, _templates(lang), words=True)


@settings(max_examples=100, deadline=None)
@given(payment_terms(), st.sampled_from(LANGS))
def test_round_trip_forward_terms(terms: PaymentTerms, lang: str) -> None:
    assert PaymentTerms.parse(terms.describe(lang), lang=lang) == terms


_UNITS = st.sampled_from(["D", "W", "M", "BD"])


@st.composite
def worded_rules(draw: st.DrawFn) -> str:
    """Rule texts that have a word form in every language."""
    n = draw(st.integers(1, 400))
    day = draw(st.integers(1, 31))
    reading = draw(st.sampled_from(EndOfMonth))
    kind = draw(st.integers(0, 5))
    if kind == 0:
        return f"{n}{draw(_UNITS)}"
    if kind == 1:
        return f"{n}D+D{day}"
    if kind == 2:
        return f"D{day}"
    days = draw(st.integers(0, 120))
    months = draw(st.sampled_from([0, 1])) if reading is EndOfMonth.THEN_DAYS else 0
    terms = PaymentTerms.end_of_month(
        days, reading=reading, months=months, day=day if kind == 4 else None
    )
    return str(terms.installments[0].rule)


@st.composite
def worded_terms(draw: st.DrawFn) -> PaymentTerms:
    """Terms every part of which has a word form (no formula in brackets)."""
    rule = worded_rules()
    tiers = draw(
        st.lists(
            st.builds(DiscountTier, st.integers(1, 999).map(lambda v: Decimal(v) / 10), rule),
            max_size=2,
        )
    )
    if draw(st.booleans()):
        lines = (Installment.balance(draw(rule)),)
    else:
        lines = (
            Installment.percent(
                draw(st.integers(1, 60)), draw(rule), of=draw(st.sampled_from(PercentOf))
            ),
            Installment.fixed(Decimal(draw(st.integers(1, 99999))) / 100, draw(rule)),
            Installment.balance(draw(rule)),
        )
    start = draw(st.sampled_from(Start))
    tax_base = draw(st.sampled_from(TaxBase))
    # tiers drawn apart from the lines may be refused (one ending after the due date, a
    # larger one ending later): keep the first tier alone, or none
    for kept in (tiers, tiers[:1], []):
        try:
            return PaymentTerms(
                installments=lines, discounts=tuple(kept), start=start, tax_base=tax_base
            )
        except InvalidTerms:
            continue
    raise AssertionError("terms without discount tiers are valid")


@settings(max_examples=150, deadline=None)
@given(worded_terms(), st.sampled_from(LANGS))
def test_worded_terms_are_said_in_words(terms: PaymentTerms, lang: str) -> None:
    wording = describe(terms, lang)
    assert "[" not in wording
    assert parse(wording, lang=lang) == terms


def test_describe_checks_its_arguments() -> None:
    with pytest.raises(InvalidType):
        describe("net 30", "en")  # type: ignore[arg-type]
    with pytest.raises(InvalidArgument):
        describe(PaymentTerms.net(30), "es")
    with pytest.raises(InvalidType):
        describe(PaymentTerms.net(30), None)  # type: ignore[arg-type]


# -- the invoice payment block --


@frozen
class _Flat:
    value: Decimal

    def amount(self, debt: Decimal) -> Decimal:
        return self.value


@frozen
class _Regime:
    """A stand-in with the two things describe_invoice reads of a legal regime."""

    rate: Decimal
    compensation: _Flat

    def rate_on(self, day: date) -> Decimal:
        assert day == date(2026, 3, 18)  # the day after the due date
        return self.rate


# Source: reference/legal.md §4: L441-10 II penalty floor/default (ECB + 10 points; the
# rate here is an example figure), D441-5 EUR 40 per invoice; L441-9 mentions.
FR_REGIME = _Regime(Decimal("0.1215"), _Flat(Decimal("40")))


def test_invoice_block_has_the_l441_9_mentions() -> None:
    terms = PaymentTerms.end_of_month(45)
    sched = terms.schedule(date(2026, 1, 15), Decimal("1210.00"))
    block = describe_invoice(sched, "fr", FR_REGIME, terms=terms)
    assert block.splitlines() == [
        "Conditions de paiement : paiement à 45 jours après la fin du mois.",
        "Date de paiement : 17 mars 2026, 1210,00 EUR.",
        "Pas d'escompte pour paiement anticipé.",
        "Pénalités de retard : 12,15 % par an, exigibles dès le jour suivant la date de paiement.",
        "Indemnité forfaitaire pour frais de recouvrement : 40,00 EUR.",
    ]


def test_invoice_block_with_a_discount_and_instalments() -> None:
    terms = PaymentTerms(
        installments=(Installment.percent(30, "0D"), Installment.balance("CM+30D")),
        discounts=(DiscountTier(Decimal("2"), "10D"),),
    )
    sched = terms.schedule(date(2026, 1, 15), Decimal("1210.00"))
    block = describe_invoice(sched, "en")
    assert block.splitlines() == [
        "Payment due on 15 January 2026: EUR 363.00.",
        "Payment due on 2 March 2026: EUR 847.00.",
        "2% discount for payment by 25 January 2026: EUR 1185.80 to pay.",
    ]


@pytest.mark.parametrize("lang", LANGS)
def test_invoice_block_in_every_language(lang: str) -> None:
    terms = PaymentTerms.net(30).with_discount(2, "14D")
    sched = terms.schedule(date(2026, 1, 15), Decimal("100.00"))
    block = describe_invoice(sched, lang, FR_REGIME, terms=terms, rate=Decimal("0.105"))
    lines = block.splitlines()
    assert len(lines) == 5
    assert "2026" in lines[1]
    assert "14" in lines[1]  # 14 February 2026
    assert "98" in lines[2]  # the discounted amount
    assert "10.5" in lines[3] or "10,5" in lines[3]  # the agreed rate
    assert "40" in lines[4]


def test_invoice_block_checks_its_arguments() -> None:
    with pytest.raises(InvalidType):
        describe_invoice(PaymentTerms.net(30), "en")  # type: ignore[arg-type]
    sched = PaymentTerms.net(30).schedule(date(2026, 1, 15), Decimal("100"))
    with pytest.raises(InvalidType):
        describe_invoice(sched, "en", rate=1.5)  # type: ignore[arg-type]


# -- with the statutory regimes of payterms.law --


def test_invoice_block_with_the_french_statutory_regime() -> None:
    from payterms.law import regime

    # Source: reference/legal.md §0.1: FR penalty default = ECB MRO in force on 1 January
    # 2026 (2.15) + 10 points = 12.15 %; §4: EUR 40 indemnity (D441-5).
    terms = PaymentTerms.end_of_month(45)
    sched = terms.schedule(date(2026, 1, 15), Decimal("1210.00"))
    lines = describe_invoice(sched, "fr", regime("FR"), terms=terms).splitlines()
    assert lines[1] == "Date de paiement : 17 mars 2026, 1210,00 EUR."
    assert lines[2] == "Pas d'escompte pour paiement anticipé."
    assert lines[3].startswith("Pénalités de retard : 12,15 % par an")
    assert lines[4] == "Indemnité forfaitaire pour frais de recouvrement : 40,00 EUR."


def test_invoice_block_with_the_german_statutory_regime() -> None:
    from payterms.law import regime

    # Source: reference/legal.md §0.1: Basiszinssatz H1 2026 1.27 + 9 points (BGB § 288(2))
    # = 10.27 %; § 288(5): EUR 40 Pauschale.
    terms = PaymentTerms.net(30).with_discount(2, "14D")
    sched = terms.schedule(date(2026, 1, 15), Decimal("100.00"))
    lines = describe_invoice(sched, "de", regime("DE"), terms=terms).splitlines()
    assert lines == [
        "Zahlungsbedingungen: 14 Tage 2 % Skonto, 30 Tage netto.",
        "Zahlbar bis 14. Februar 2026: 100,00 EUR.",
        "Bei Zahlung bis 29. Januar 2026 2 % Skonto: 98,00 EUR zu zahlen.",
        "Verzugszinsen: 10,27 % pro Jahr ab dem Tag nach Fälligkeit.",
        "Verzugspauschale: 40,00 EUR.",
    ]


def test_invoice_block_never_extrapolates_a_rate() -> None:
    from payterms.errors import RateNotPublished
    from payterms.law import regime

    sched = PaymentTerms.net(30).schedule(date(2026, 1, 15), Decimal("100.00"))
    with pytest.raises(RateNotPublished):
        describe_invoice(sched, "nl", regime("BE"))  # BE table ends 2025-12-31


def test_invoice_block_refuses_a_currency_mismatch() -> None:
    from payterms.errors import CurrencyMismatch

    sched = PaymentTerms.net(30).schedule(date(2026, 1, 15), Decimal("100.00"), currency="GBP")
    with pytest.raises(CurrencyMismatch):
        describe_invoice(sched, "en", _EuroRegime(Decimal("0.08"), _Flat(Decimal("40"))))


@frozen
class _EuroRegime:
    rate: Decimal
    compensation: _Flat
    currency: str = "EUR"

    def rate_on(self, day: date) -> Decimal:
        return self.rate


# -- XRechnung discount lines --


def test_xrechnung_skonto_lines() -> None:
    # Source: reference/user_demand.md A16 (itplr-kosit/xrechnung-schematron#22: BR-DE-18
    # "#SKONTO#TAGE=14#PROZENT=2.00#", two decimals, upper case, a final newline).
    terms = PaymentTerms.net(30).with_discount(2, "14D")
    lines = xrechnung_skonto(terms)
    assert lines == "#SKONTO#TAGE=14#PROZENT=2.00#\n"
    assert parse("30 Tage netto\n" + lines, lang="de") == terms
    assert xrechnung_skonto(PaymentTerms.net(30)) == ""


def test_xrechnung_skonto_checks_its_argument() -> None:
    with pytest.raises(InvalidType):
        xrechnung_skonto("2/10 net 30")  # type: ignore[arg-type]


def test_xrechnung_skonto_base_amount() -> None:
    terms = PaymentTerms(
        installments=(Installment.balance("30D"),),
        discounts=(DiscountTier(Decimal("2.5"), "10D"),),
        tax_base=TaxBase.EXCLUDED,
    )
    with pytest.raises(InvalidArgument):
        xrechnung_skonto(terms)
    assert xrechnung_skonto(terms, base=Decimal("1000")) == (
        "#SKONTO#TAGE=10#PROZENT=2.50#BASISBETRAG=1000.00#\n"
    )


@pytest.mark.parametrize(
    "tier",
    [DiscountTier(Decimal("2"), "CM+10D"), DiscountTier(Decimal("1.125"), "10D")],
    ids=["not-days", "three-decimals"],
)
def test_xrechnung_skonto_refuses_what_it_cannot_write(tier: DiscountTier) -> None:
    from payterms.errors import InvalidTerms

    terms = PaymentTerms(installments=(Installment.balance("60D"),), discounts=(tier,))
    with pytest.raises(InvalidTerms):
        xrechnung_skonto(terms)

"""payterms.text.render: PaymentTerms as invoice wording, and the invoice payment block."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from attrs import frozen
from hypothesis import given, settings
from hypothesis import strategies as st

from payterms.calendars import BusinessCalendar
from payterms.dunning import DunningLadder, ReminderClaim
from payterms.errors import InvalidArgument, InvalidTerms, InvalidType, RateNotPublished
from payterms.law import Debtor, regime
from payterms.terms import (
    DiscountTier,
    EndOfMonth,
    Installment,
    LineKind,
    PaymentTerms,
    PercentOf,
    Schedule,
    Start,
    TaxBase,
)
from payterms.text import (
    VOCABULARIES,
    describe,
    describe_claim,
    describe_invoice,
    parse,
    xrechnung_skonto,
)
from payterms.text.vocab import CLAIMS
from strategies import examples, payment_terms

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


ANY_TERMS = payment_terms(forward=False, extras=True, fixed_tiers=True)


@settings(max_examples=examples(150), deadline=None)
@given(ANY_TERMS, st.sampled_from(LANGS))
def test_round_trip_any_terms(terms: PaymentTerms, lang: str) -> None:
    assert parse(describe(terms, lang), lang=lang) == terms


@settings(max_examples=examples(100), deadline=None)
@given(ANY_TERMS, st.sampled_from(LANGS))
def test_describe_never_needs_its_fallback(terms: PaymentTerms, lang: str) -> None:
    # describe() re-reads its wording and, were it to differ, would write every rule as a
    # formula: the words it composes must already read back exactly.
    from payterms.text.render import _compose, _templates

    assert describe(terms, lang) == _compose(terms, _templates(lang), words=True)


@settings(max_examples=examples(100), deadline=None)
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
    kind = draw(st.integers(0, 6))
    if kind == 0:
        return f"{n}{draw(_UNITS)}"
    if kind == 6:
        return f"CM-{n}{draw(_UNITS)}"  # n days before the end of the month (#15)
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
    tier = st.builds(
        DiscountTier, st.integers(1, 999).map(lambda v: Decimal(v) / 10), rule
    ) | st.builds(DiscountTier.fixed, st.integers(1, 99999).map(lambda v: Decimal(v) / 100), rule)
    tiers = draw(st.lists(tier, max_size=2))
    own = draw(st.lists(tier, max_size=2))  # the discounts of one instalment (#15)
    rules = [draw(rule) for _ in range(3)]
    short = draw(st.booleans())
    percent = draw(st.integers(0, 60))
    of = draw(st.sampled_from(PercentOf))
    fixed = Decimal(draw(st.integers(0, 99999))) / 100
    start = draw(st.sampled_from(Start))
    tax_base = draw(st.sampled_from(TaxBase))

    def build(invoice: list[DiscountTier], line: list[DiscountTier]) -> PaymentTerms:
        balance = Installment(LineKind.BALANCE, rules[0], discounts=tuple(line))
        lines = (
            (balance,)
            if short
            else (
                Installment.percent(percent, rules[1], of=of),
                Installment.fixed(fixed, rules[2]),
                balance,
            )
        )
        return PaymentTerms(
            installments=lines, discounts=tuple(invoice), start=start, tax_base=tax_base
        )

    # tiers drawn apart from each other may be refused (the same tier twice, a larger one
    # ending later): keep the first tier alone, or none
    for kept in ((tiers, own), (tiers[:1], own[:1]), ([], [])):
        try:
            return build(*kept)
        except InvalidTerms:
            continue
    raise AssertionError("terms without discount tiers are valid")


@settings(max_examples=examples(150), deadline=None)
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
    lines = [
        "Payment due on 15 January 2026: EUR 363.00.",
        "Payment due on 2 March 2026: EUR 847.00.",
        "2% discount for payment by 25 January 2026: EUR 1185.80 to pay.",
    ]
    # the schedule keeps its terms, so their wording comes first without passing them again
    wording = "Payment terms: 2% discount within 10 days, 30% on receipt, balance at 30 days "
    assert describe_invoice(sched, "en").splitlines() == [
        wording + "after end of month.",
        *lines,
    ]
    assert describe_invoice(sched, "en", terms=terms) == describe_invoice(sched, "en")
    by_hand = Schedule(sched.start, sched.amount, sched.currency, sched.dues, sched.discounts)
    assert by_hand == sched  # the terms are provenance, not part of the value
    assert describe_invoice(by_hand, "en").splitlines() == lines


def test_invoice_block_with_instalment_and_fixed_discounts() -> None:
    # Source: OCA/account-payment account_cash_discount_payment test_invoice_payment_discount
    # (25 % within 5 days on a line due at 0 days: 2,000 -> 1,500) and frappe/erpnext
    # test_payment_entry.py ..._with_discount_amount (50 off 236 within 1 day: 186).
    oca = PaymentTerms(installments=(Installment.balance("0D").with_discount(25, "5D"),))
    block = describe_invoice(oca.schedule(date(2024, 3, 1), Decimal("2000")), "en", terms=oca)
    assert block.splitlines() == [
        "Payment terms: due on receipt (25% discount within 5 days).",
        "Payment due on 1 March 2024: EUR 2000.00.",
        "25% discount for payment by 6 March 2024: EUR 1500.00 to pay.",
    ]
    erpnext = PaymentTerms.net(2).with_discount(None, "1D", amount=Decimal(50))
    sched = erpnext.schedule(date(2024, 5, 2), Decimal("236"))
    assert describe_invoice(sched, "de").splitlines()[-1] == (
        "Bei Zahlung bis 3. Mai 2024 50,00 EUR Skonto: 186,00 EUR zu zahlen."
    )
    assert describe_invoice(sched, "fr").splitlines()[-1] == (
        "Escompte de 50,00 EUR pour paiement au plus tard le 3 mai 2024 : 186,00 EUR à payer."
    )


@pytest.mark.parametrize(
    ("terms", "lang", "wording"),
    [
        # Source: OCA account_cash_discount_payment test_invoice_payment_discount (Odoo 16
        # per-line discount): "25% discount 0 days".
        pytest.param(
            PaymentTerms(installments=(Installment.balance("0D").with_discount(25, "5D"),)),
            "fr",
            "paiement à réception de facture (escompte 25 % pour paiement sous 5 jours)",
            id="oca-line-discount-fr",
        ),
        # Source: frappe/erpnext test_payment_entry.py: "30 Credit Days with Rs.50 Discount"
        # as configured there (due 2 days, discount valid 1 day).
        pytest.param(
            PaymentTerms.net(2).with_discount(None, "1D", amount=Decimal(50)),
            "en",
            "amount 50 discount within 1 day, net 2 days",
            id="erpnext-amount-discount-en",
        ),
        # Source: tryton/tryton account_invoice tests, test_payment_term (25 % of the
        # remainder at 30 days, the remainder at 1 month).
        pytest.param(
            PaymentTerms(
                installments=(
                    Installment.percent(25, "30D", of=PercentOf.REMAINDER),
                    Installment.balance("1M"),
                )
            ),
            "nl",
            "25% binnen 30 dagen van het restant, restant binnen 1 maand",
            id="tryton-remainder-nl",
        ),
        pytest.param(
            PaymentTerms(
                installments=(
                    Installment.percent(25, "30D", of=PercentOf.REMAINDER),
                    Installment.balance("1M"),
                )
            ),
            "de",
            "25 % innerhalb 30 Tage vom Rest, Rest innerhalb 1 Monat",
            id="tryton-remainder-de",
        ),
    ],
)
def test_new_terms_in_words(terms: PaymentTerms, lang: str, wording: str) -> None:
    assert describe(terms, lang) == wording
    assert parse(wording, lang=lang) == terms


def test_xrechnung_refuses_fixed_and_instalment_discounts() -> None:
    with pytest.raises(InvalidTerms, match="amount=Decimal"):
        xrechnung_skonto(PaymentTerms.net(30).with_discount(None, "10D", amount=Decimal(5)))
    line = PaymentTerms(installments=(Installment.balance("30D").with_discount(2, "10D"),))
    with pytest.raises(InvalidTerms, match="instalment discounts"):
        xrechnung_skonto(line)


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

    # Source: rates-update.md §3.2: FR penalty default = ECB rate in force on 1 January
    # 2025 (3.15, confirmed) + 10 points = 13.15 %; legal.md §4: EUR 40 indemnity (D441-5).
    terms = PaymentTerms.end_of_month(45)
    sched = terms.schedule(date(2025, 1, 15), Decimal("1210.00"))
    lines = describe_invoice(sched, "fr", regime("FR"), terms=terms).splitlines()
    assert lines[1] == "Date de paiement : 17 mars 2025, 1210,00 EUR."
    assert lines[2] == "Pas d'escompte pour paiement anticipé."
    assert lines[3].startswith("Pénalités de retard : 13,15 % par an")
    assert lines[4] == "Indemnité forfaitaire pour frais de recouvrement : 40,00 EUR."


def test_invoice_block_reads_the_tables_the_regime_carries() -> None:
    from payterms.law import RateTable, regime

    # rates-update.md §3.2: the ECB rate on 1 January 2026 (2.15) is read only in the
    # press, so the 2026 H1 rate raises; with the rate brought as a table (a user who read
    # the ECB press release) the block states 2.15 + 10 = 12.15 %.
    terms = PaymentTerms.end_of_month(45)
    sched = terms.schedule(date(2026, 1, 15), Decimal("1210.00"))
    with pytest.raises(RateNotPublished, match="ecb_mro") as info:
        describe_invoice(sched, "fr", regime("FR"))
    # the function takes no assume=: its note names the ways out it has
    assert info.value.__notes__ == [
        "describe_invoice takes no assumption: state the rate with rate=, or pass a regime "
        "built with tables="
    ]
    assert (
        describe_invoice(sched, "fr", regime("FR"), rate=Decimal("0.1215"))
        .splitlines()[3]  # after the terms the schedule came from, the date, the discount
        .startswith("Pénalités de retard : 12,15 % par an")
    )
    ecb = RateTable.from_csv(
        "# covers_until: 2026-06-30\nvalid_from,rate,status,source\n"
        "2025-06-11,2.15,published,ECB press release of 5 June 2025\n",
        name="ecb_mro",
    )
    lines = describe_invoice(sched, "fr", regime("FR", tables={"ecb_mro": ecb})).splitlines()
    # after the terms the schedule came from, the date and the (absent) discount
    assert lines[0] == "Conditions de paiement : paiement à 45 jours après la fin du mois."
    assert lines[3].startswith("Pénalités de retard : 12,15 % par an")


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


# --------------------------------------------------------------------- claim statements

CLAIM_PLAN = DunningLadder.parse(
    "+1D reminder; +15D second reminder [fee 15.00, pay within 14D]"
).plan(date(2025, 3, 31), calendar=BusinessCalendar.TARGET)


@pytest.mark.parametrize(
    ("lang", "lines"),
    [
        ("en", ["Reminder 2 (second reminder) of 15 April 2025",
                "Principal outstanding: EUR 10000.00",
                "Late-payment interest up to 15 April 2025: EUR 47.26",
                "Fixed compensation for recovery costs: EUR 40.00",
                "Reminder fees: EUR 15.00",
                "Total due: EUR 10102.26",
                "Please pay by 29 April 2025."]),
        ("nl", ["Herinnering 2 (second reminder) van 15 april 2025",
                "Openstaande hoofdsom: EUR 10000,00",
                "Vertragingsrente tot en met 15 april 2025: EUR 47,26",
                "Forfaitaire vergoeding voor invorderingskosten: EUR 40,00",
                "Herinneringskosten: EUR 15,00",
                "Totaal verschuldigd: EUR 10102,26",
                "Gelieve te betalen uiterlijk op 29 april 2025."]),
        ("de", ["Mahnung 2 (second reminder) vom 15. April 2025",
                "Offene Hauptforderung: 10000,00 EUR",
                "Verzugszinsen bis einschließlich 15. April 2025: 47,26 EUR",
                "Pauschale für Beitreibungskosten: 40,00 EUR",
                "Mahngebühren: 15,00 EUR",
                "Gesamtbetrag: 10102,26 EUR",
                "Bitte zahlen Sie bis spätestens 29. April 2025."]),
    ],
)  # fmt: skip
def test_claim_statement_in_each_language(lang: str, lines: list[str]) -> None:
    claim = CLAIM_PLAN.claims(Decimal("10000"), regime="BE")[1]
    text = describe_claim(claim, lang, regime("BE"))
    assert text.splitlines()[: len(lines)] == lines
    mentions = text.splitlines()[len(lines) :]
    # legal.md §2.1: law of 2 August 2002, arts. 5 (interest) and 6 (EUR 40)
    assert mentions == [CLAIMS[lang].law["BE"], CLAIMS[lang].compensation_law["BE"]]
    assert all("2" in m and "2002" in m for m in mentions)


@pytest.mark.parametrize("code", ["BE", "DE", "EU", "FR", "LU", "NL", "UK"])
@pytest.mark.parametrize("lang", ["en", "fr", "nl", "de"])
def test_every_regime_has_its_mentions_in_every_language(code: str, lang: str) -> None:
    templates = CLAIMS[lang]
    assert code in templates.law
    assert code in templates.compensation_law
    # the statute is named the same way whatever the language
    article = {
        "BE": "2002",
        "DE": "§ 288",
        "EU": "2011/7",
        "FR": "L441-10",
        "LU": "2004",
        "NL": "6:119a",
        "UK": "1998",
    }[code]
    assert article in templates.law[code]


def test_statutes_of_the_french_claim() -> None:
    # legal.md §4: penalties due of right the day after the payment date (L441-10 II),
    # EUR 40 indemnity (D441-5)
    claim = CLAIM_PLAN.claims(Decimal("1000"), regime="FR")[0]
    text = describe_claim(claim, "fr", regime("FR"))
    assert "art. L441-10 II" in text
    assert "art. D441-5" in text


def test_a_consumers_first_reminder_announces_what_follows() -> None:
    # legal.md §2.3 (BE Book XIX: free first reminder, 14 calendar days) and §3 (NL art.
    # 6:96 lid 6 BW: the 14-day letter states the collection costs)
    plan = DunningLadder.parse("+1D herinnering; +20D aanmaning").plan(
        date(2024, 5, 31), calendar=BusinessCalendar.TARGET
    )
    nl = regime("NL", debtor=Debtor.CONSUMER)
    first, second = plan.claims(Decimal("10000"), regime=nl)
    text = describe_claim(first, "nl", nl)
    assert "incassokosten van EUR 875,00" in text
    assert "art. 6:96 lid 6 BW" in text
    assert "Wettelijke rente (art. 6:119 BW)." in text
    assert "875,00" not in describe_claim(second, "nl", nl).split("\n")[-1]
    be = regime("BE", debtor=Debtor.CONSUMER)
    first, _ = plan.claims(Decimal("1000"), regime=be)
    text = describe_claim(first, "fr", be)
    assert text.splitlines()[-1].startswith("Ce premier rappel est gratuit.")
    assert "90,00 EUR" in text.splitlines()[-1]


def test_claim_lines_are_left_out_when_zero() -> None:
    claim = ReminderClaim(
        level=1,
        on=date(2025, 4, 1),
        label="reminder",
        currency="EUR",
        principal=Decimal("100.00"),
        interest=Decimal("0.00"),
        compensation=Decimal("0.00"),
        fees=Decimal("0.00"),
    )
    assert describe_claim(claim) == (
        "Reminder 1 (reminder) of 1 April 2025\n"
        "Principal outstanding: EUR 100.00\n"
        "Total due: EUR 100.00"
    )


def test_claim_statement_checks_its_arguments() -> None:
    claim = CLAIM_PLAN.claims(Decimal("100"), regime="BE")[0]
    with pytest.raises(InvalidArgument, match="lang='xx'"):
        describe_claim(claim, "xx")
    with pytest.raises(InvalidType, match="regime='BE'"):
        describe_claim(claim, "en", "BE")

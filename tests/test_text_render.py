"""payterms.text.render: PaymentTerms as invoice wording, and the invoice payment block."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from attrs import frozen
from hypothesis import example, given, settings
from hypothesis import strategies as st

from payterms.calendars import BusinessCalendar
from payterms.dunning import DunningLadder, ReminderClaim
from payterms.errors import InvalidArgument, InvalidTerms, InvalidType, RateNotPublished
from payterms.law import Debtor, PartyKind, regime
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
    statutory_rule,
    xrechnung_skonto,
)
from payterms.text.vocab import CLAIMS, RATE_RULES
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
    # press, so the 2026 H1 rate is not published: the block states the rule of L441-10 II
    # in words (legal.md §4), no figure; with the rate brought as a table (a user who read
    # the ECB press release) the block states 2.15 + 10 = 12.15 %.
    terms = PaymentTerms.end_of_month(45)
    sched = terms.schedule(date(2026, 1, 15), Decimal("1210.00"))
    with pytest.raises(RateNotPublished, match="ecb_mro"):
        regime("FR").rate_on(date(2026, 3, 18))
    lines = describe_invoice(sched, "fr", regime("FR")).splitlines()
    assert lines[3] == PENALTY_RULES[("FR", "fr")]
    assert "%" not in lines[3]
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
    from payterms.law import PartyKind

    # the BE 2026 H1 rate is not published (rates-update.md): the rule of art. 5 of the law
    # of 2 August 2002 in words (legal.md §2.1), no figure carried forward
    sched = PaymentTerms.net(30).schedule(date(2026, 1, 15), Decimal("100.00"))
    lines = describe_invoice(sched, "nl", regime("BE")).splitlines()
    assert lines[-2] == PENALTY_RULES[("BE", "nl")]
    assert "10,5" not in lines[-2]
    # Luxembourg consumer debts: the sources read cite no statute for the yearly legal rate
    # (legal.md §6), so there is no rule to state: the block raises, naming the ways out
    lu = regime("LU", debtor=PartyKind.CONSUMER)
    with pytest.raises(RateNotPublished, match="lu_legal_rate") as info:
        describe_invoice(sched, "fr", lu)
    assert info.value.__notes__ == [
        "describe_invoice takes no assumption and this regime has no statutory rule it "
        "states in words: state the rate with rate=, or pass a regime built with tables="
    ]
    lines = describe_invoice(sched, "fr", lu, rate=Decimal("0.045")).splitlines()
    assert lines[-1].startswith("Pénalités de retard : 4,5 % par an")


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


# -- the statutory rule in words, where the rate of the period is not yet published --

TODAY = date(2026, 12, 7)
AFTER = date(2027, 1, 7)  # the first interest day of an invoice issued TODAY, net 30

# The statutory rule each regime states, in each language, for an invoice issued on
# 7 December 2026 (net 30: interest from 7 January 2027, no rate published for that day).
# Each row: the rule's key, the regime, the expected line, and the legal source it words.
RULE_ROWS = [
    (
        "BE",
        "BE",
        PartyKind.UNDERTAKING,
        None,
        "en",
        "Late payment interest at the statutory rate, that is the rate of the European "
        "Central Bank's most recent main refinancing operation before the first day of the "
        "half-year, plus eight percentage points, rounded up to the next half percentage "
        "point (law of 2 August 2002, art. 5), due from the day after the due date.",
        "legal.md §2.1: law of 2 August 2002 art. 5 al. 2 (taux directeur + 8 points, "
        "rounded up to the half point), art. 2, 4°",
    ),
    (
        "BE",
        "BE",
        PartyKind.UNDERTAKING,
        None,
        "fr",
        "Pénalités de retard au taux prévu par la loi, soit le taux directeur de la Banque "
        "centrale européenne (sa plus récente opération principale de refinancement avant "
        "le premier jour du semestre), majoré de huit points de pourcentage et arrondi au "
        "demi-point de pourcentage supérieur (loi du 2 août 2002, art. 5), exigibles dès le "
        "jour suivant la date de paiement.",
        "legal.md §2.1: law of 2 August 2002 art. 5 al. 2 (taux directeur + 8 points, "
        "rounded up to the half point), art. 2, 4°",
    ),
    (
        "BE",
        "BE",
        PartyKind.UNDERTAKING,
        None,
        "nl",
        "Rente bij te late betaling tegen de bij wet bepaalde rentevoet, namelijk de "
        "referentie-interestvoet (de meest recente basisherfinancieringsoperatie van de "
        "Europese Centrale Bank vóór de eerste kalenderdag van het halfjaar), vermeerderd "
        "met acht procentpunten en afgerond tot het hogere halve procentpunt (wet van 2 "
        "augustus 2002, art. 5), vanaf de dag na de vervaldatum.",
        "legal.md §2.1: law of 2 August 2002 art. 5 al. 2 (taux directeur + 8 points, "
        "rounded up to the half point), art. 2, 4°",
    ),
    (
        "BE",
        "BE",
        PartyKind.UNDERTAKING,
        None,
        "de",
        "Verzugszinsen in gesetzlicher Höhe, d. h. der Leitzins der Europäischen "
        "Zentralbank (ihr jüngstes Hauptrefinanzierungsgeschäft vor dem ersten Kalendertag "
        "des Halbjahres) zuzüglich acht Prozentpunkten, aufgerundet auf den nächsten halben "
        "Prozentpunkt (Gesetz vom 2. August 2002, Art. 5), ab dem Tag nach Fälligkeit.",
        "legal.md §2.1: law of 2 August 2002 art. 5 al. 2 (taux directeur + 8 points, "
        "rounded up to the half point), art. 2, 4°",
    ),
    (
        "BE-consumer",
        "BE",
        PartyKind.CONSUMER,
        None,
        "en",
        "Late payment interest at the statutory rate, that is at most the rate of the law "
        "of 2 August 2002 (art. 5): the European Central Bank's main refinancing rate plus "
        "eight percentage points, rounded up to the next half percentage point (Code of "
        "Economic Law, art. XIX.4), due from the day after the due date.",
        "legal.md §2.3: Code of Economic Law art. XIX.4 (at most the rate of art. 5 of the "
        "law of 2 August 2002)",
    ),
    (
        "BE-consumer",
        "BE",
        PartyKind.CONSUMER,
        None,
        "fr",
        "Pénalités de retard au taux prévu par la loi, soit au plus le taux de la loi du 2 "
        "août 2002 (art. 5) : le taux directeur de la Banque centrale européenne majoré de "
        "huit points de pourcentage et arrondi au demi-point de pourcentage supérieur (Code "
        "de droit économique, art. XIX.4), exigibles dès le jour suivant la date de "
        "paiement.",
        "legal.md §2.3: Code of Economic Law art. XIX.4 (at most the rate of art. 5 of the "
        "law of 2 August 2002)",
    ),
    (
        "BE-consumer",
        "BE",
        PartyKind.CONSUMER,
        None,
        "nl",
        "Rente bij te late betaling tegen de bij wet bepaalde rentevoet, namelijk ten "
        "hoogste de rentevoet van de wet van 2 augustus 2002 (art. 5): de "
        "referentie-interestvoet vermeerderd met acht procentpunten en afgerond tot het "
        "hogere halve procentpunt (Wetboek van economisch recht, art. XIX.4), vanaf de dag "
        "na de vervaldatum.",
        "legal.md §2.3: Code of Economic Law art. XIX.4 (at most the rate of art. 5 of the "
        "law of 2 August 2002)",
    ),
    (
        "BE-consumer",
        "BE",
        PartyKind.CONSUMER,
        None,
        "de",
        "Verzugszinsen in gesetzlicher Höhe, d. h. höchstens der Zinssatz des Gesetzes vom "
        "2. August 2002 (Art. 5): der Leitzins der Europäischen Zentralbank zuzüglich acht "
        "Prozentpunkten, aufgerundet auf den nächsten halben Prozentpunkt "
        "(Wirtschaftsgesetzbuch, Art. XIX.4), ab dem Tag nach Fälligkeit.",
        "legal.md §2.3: Code of Economic Law art. XIX.4 (at most the rate of art. 5 of the "
        "law of 2 August 2002)",
    ),
    (
        "FR",
        "FR",
        PartyKind.UNDERTAKING,
        None,
        "en",
        "Late payment interest at the statutory rate, that is the rate the European Central "
        "Bank applied to its most recent refinancing operation, as in force on 1 January or "
        "1 July of the half-year, plus 10 percentage points (Code de commerce, art. L441-10 "
        "II), due from the day after the due date.",
        "legal.md §4: Code de commerce art. L441-10 II (ECB rate of its most recent "
        "refinancing operation + 10 points; 1 January / 1 July)",
    ),
    (
        "FR",
        "FR",
        PartyKind.UNDERTAKING,
        None,
        "fr",
        "Pénalités de retard au taux prévu par la loi, soit le taux appliqué par la Banque "
        "centrale européenne à son opération de refinancement la plus récente, en vigueur "
        "au 1er janvier ou au 1er juillet du semestre, majoré de 10 points de pourcentage "
        "(Code de commerce, art. L441-10 II), exigibles dès le jour suivant la date de "
        "paiement.",
        "legal.md §4: Code de commerce art. L441-10 II (ECB rate of its most recent "
        "refinancing operation + 10 points; 1 January / 1 July)",
    ),
    (
        "FR",
        "FR",
        PartyKind.UNDERTAKING,
        None,
        "nl",
        "Rente bij te late betaling tegen de bij wet bepaalde rentevoet, namelijk de "
        "rentevoet die de Europese Centrale Bank toepaste op haar meest recente "
        "herfinancieringstransactie, zoals geldend op 1 januari of 1 juli van het halfjaar, "
        "vermeerderd met 10 procentpunten (Code de commerce, art. L441-10 II), vanaf de dag "
        "na de vervaldatum.",
        "legal.md §4: Code de commerce art. L441-10 II (ECB rate of its most recent "
        "refinancing operation + 10 points; 1 January / 1 July)",
    ),
    (
        "FR",
        "FR",
        PartyKind.UNDERTAKING,
        None,
        "de",
        "Verzugszinsen in gesetzlicher Höhe, d. h. der Zinssatz der jüngsten "
        "Refinanzierungsoperation der Europäischen Zentralbank, gültig am 1. Januar bzw. 1. "
        "Juli des Halbjahres, zuzüglich 10 Prozentpunkten (Code de commerce, Art. L441-10 "
        "II), ab dem Tag nach Fälligkeit.",
        "legal.md §4: Code de commerce art. L441-10 II (ECB rate of its most recent "
        "refinancing operation + 10 points; 1 January / 1 July)",
    ),
    (
        "NL",
        "NL",
        PartyKind.UNDERTAKING,
        None,
        "en",
        "Late payment interest at the statutory rate, that is the statutory commercial "
        "interest: the rate of the European Central Bank's most recent main refinancing "
        "operation before the first day of the half-year, plus eight percentage points "
        "(art. 6:119a, 6:119b and 6:120 lid 2 BW), due from the day after the due date.",
        "legal.md §3: art. 6:119a, 6:119b and 6:120 lid 2 BW (ECB rate before the first day "
        "of the half-year + 8 points)",
    ),
    (
        "NL",
        "NL",
        PartyKind.UNDERTAKING,
        None,
        "fr",
        "Pénalités de retard au taux prévu par la loi, soit l'intérêt commercial légal : le "
        "taux de la plus récente opération principale de refinancement de la Banque "
        "centrale européenne avant le premier jour du semestre, majoré de huit points de "
        "pourcentage (art. 6:119a, 6:119b et 6:120, al. 2, BW), exigibles dès le jour "
        "suivant la date de paiement.",
        "legal.md §3: art. 6:119a, 6:119b and 6:120 lid 2 BW (ECB rate before the first day "
        "of the half-year + 8 points)",
    ),
    (
        "NL",
        "NL",
        PartyKind.UNDERTAKING,
        None,
        "nl",
        "Rente bij te late betaling tegen de bij wet bepaalde rentevoet, namelijk de "
        "wettelijke handelsrente: de rente van de meest recente "
        "basisherfinancieringstransactie van de Europese Centrale Bank die heeft "
        "plaatsgevonden vóór de eerste kalenderdag van het halfjaar, vermeerderd met acht "
        "procentpunten (art. 6:119a, 6:119b en 6:120 lid 2 BW), vanaf de dag na de "
        "vervaldatum.",
        "legal.md §3: art. 6:119a, 6:119b and 6:120 lid 2 BW (ECB rate before the first day "
        "of the half-year + 8 points)",
    ),
    (
        "NL",
        "NL",
        PartyKind.UNDERTAKING,
        None,
        "de",
        "Verzugszinsen in gesetzlicher Höhe, d. h. die gesetzlichen Handelszinsen: der "
        "Zinssatz des jüngsten Hauptrefinanzierungsgeschäfts der Europäischen Zentralbank "
        "vor dem ersten Kalendertag des Halbjahres zuzüglich acht Prozentpunkten (Art. "
        "6:119a, 6:119b und 6:120 Abs. 2 BW), ab dem Tag nach Fälligkeit.",
        "legal.md §3: art. 6:119a, 6:119b and 6:120 lid 2 BW (ECB rate before the first day "
        "of the half-year + 8 points)",
    ),
    (
        "NL-consumer",
        "NL",
        PartyKind.CONSUMER,
        None,
        "en",
        "Late payment interest at the statutory rate, that is the statutory interest, at "
        "the rate fixed by order in council (art. 6:119 and 6:120 lid 1 BW), due from the "
        "day after the due date.",
        "legal.md §3: art. 6:119 and 6:120 lid 1 BW (wettelijke rente fixed by AMvB)",
    ),
    (
        "NL-consumer",
        "NL",
        PartyKind.CONSUMER,
        None,
        "fr",
        "Pénalités de retard au taux prévu par la loi, soit l'intérêt légal, au taux fixé "
        "par mesure d'administration générale (art. 6:119 et 6:120, al. 1, BW), exigibles "
        "dès le jour suivant la date de paiement.",
        "legal.md §3: art. 6:119 and 6:120 lid 1 BW (wettelijke rente fixed by AMvB)",
    ),
    (
        "NL-consumer",
        "NL",
        PartyKind.CONSUMER,
        None,
        "nl",
        "Rente bij te late betaling tegen de bij wet bepaalde rentevoet, namelijk de "
        "wettelijke rente, zoals vastgesteld bij algemene maatregel van bestuur (art. 6:119 "
        "en 6:120 lid 1 BW), vanaf de dag na de vervaldatum.",
        "legal.md §3: art. 6:119 and 6:120 lid 1 BW (wettelijke rente fixed by AMvB)",
    ),
    (
        "NL-consumer",
        "NL",
        PartyKind.CONSUMER,
        None,
        "de",
        "Verzugszinsen in gesetzlicher Höhe, d. h. die gesetzlichen Zinsen in der durch "
        "Verordnung festgesetzten Höhe (Art. 6:119 und 6:120 Abs. 1 BW), ab dem Tag nach "
        "Fälligkeit.",
        "legal.md §3: art. 6:119 and 6:120 lid 1 BW (wettelijke rente fixed by AMvB)",
    ),
    (
        "DE",
        "DE",
        PartyKind.UNDERTAKING,
        None,
        "en",
        "Late payment interest at the statutory rate, that is 9 percentage points above the "
        "base rate of § 247 BGB (§ 288(2) BGB), due from the day after the due date.",
        "legal.md §5: § 288(2) BGB (9 points above the Basiszinssatz of § 247 BGB)",
    ),
    (
        "DE",
        "DE",
        PartyKind.UNDERTAKING,
        None,
        "fr",
        "Pénalités de retard au taux prévu par la loi, soit 9 points de pourcentage "
        "au-dessus du taux de base du § 247 BGB (§ 288, al. 2, BGB), exigibles dès le jour "
        "suivant la date de paiement.",
        "legal.md §5: § 288(2) BGB (9 points above the Basiszinssatz of § 247 BGB)",
    ),
    (
        "DE",
        "DE",
        PartyKind.UNDERTAKING,
        None,
        "nl",
        "Rente bij te late betaling tegen de bij wet bepaalde rentevoet, namelijk 9 "
        "procentpunten boven de basisrentevoet van § 247 BGB (§ 288, lid 2, BGB), vanaf de "
        "dag na de vervaldatum.",
        "legal.md §5: § 288(2) BGB (9 points above the Basiszinssatz of § 247 BGB)",
    ),
    (
        "DE",
        "DE",
        PartyKind.UNDERTAKING,
        None,
        "de",
        "Verzugszinsen in gesetzlicher Höhe, d. h. 9 Prozentpunkte über dem Basiszinssatz "
        "nach § 247 BGB (§ 288 Abs. 2 BGB), ab dem Tag nach Fälligkeit.",
        "legal.md §5: § 288(2) BGB (9 points above the Basiszinssatz of § 247 BGB)",
    ),
    (
        "DE-consumer",
        "DE",
        PartyKind.CONSUMER,
        None,
        "en",
        "Late payment interest at the statutory rate, that is 5 percentage points above the "
        "base rate of § 247 BGB (§ 288(1) BGB), due from the day after the due date.",
        "legal.md §5: § 288(1) BGB (5 points above the Basiszinssatz)",
    ),
    (
        "DE-consumer",
        "DE",
        PartyKind.CONSUMER,
        None,
        "fr",
        "Pénalités de retard au taux prévu par la loi, soit 5 points de pourcentage "
        "au-dessus du taux de base du § 247 BGB (§ 288, al. 1, BGB), exigibles dès le jour "
        "suivant la date de paiement.",
        "legal.md §5: § 288(1) BGB (5 points above the Basiszinssatz)",
    ),
    (
        "DE-consumer",
        "DE",
        PartyKind.CONSUMER,
        None,
        "nl",
        "Rente bij te late betaling tegen de bij wet bepaalde rentevoet, namelijk 5 "
        "procentpunten boven de basisrentevoet van § 247 BGB (§ 288, lid 1, BGB), vanaf de "
        "dag na de vervaldatum.",
        "legal.md §5: § 288(1) BGB (5 points above the Basiszinssatz)",
    ),
    (
        "DE-consumer",
        "DE",
        PartyKind.CONSUMER,
        None,
        "de",
        "Verzugszinsen in gesetzlicher Höhe, d. h. 5 Prozentpunkte über dem Basiszinssatz "
        "nach § 247 BGB (§ 288 Abs. 1 BGB), ab dem Tag nach Fälligkeit.",
        "legal.md §5: § 288(1) BGB (5 points above the Basiszinssatz)",
    ),
    (
        "DE-before-2014",
        "DE",
        PartyKind.UNDERTAKING,
        date(2014, 7, 1),
        "en",
        "Late payment interest at the statutory rate, that is 8 percentage points above the "
        "base rate of § 247 BGB (§ 288(2) BGB as in force up to 28 July 2014, Art. 229 § 34 "
        "EGBGB), due from the day after the due date.",
        "legal.md §5: Art. 229 § 34 EGBGB (+ 8 points for obligations up to 28 July 2014)",
    ),
    (
        "DE-before-2014",
        "DE",
        PartyKind.UNDERTAKING,
        date(2014, 7, 1),
        "fr",
        "Pénalités de retard au taux prévu par la loi, soit 8 points de pourcentage "
        "au-dessus du taux de base du § 247 BGB (§ 288, al. 2, BGB en vigueur jusqu'au 28 "
        "juillet 2014, art. 229 § 34 EGBGB), exigibles dès le jour suivant la date de "
        "paiement.",
        "legal.md §5: Art. 229 § 34 EGBGB (+ 8 points for obligations up to 28 July 2014)",
    ),
    (
        "DE-before-2014",
        "DE",
        PartyKind.UNDERTAKING,
        date(2014, 7, 1),
        "nl",
        "Rente bij te late betaling tegen de bij wet bepaalde rentevoet, namelijk 8 "
        "procentpunten boven de basisrentevoet van § 247 BGB (§ 288, lid 2, BGB zoals van "
        "kracht tot 28 juli 2014, art. 229 § 34 EGBGB), vanaf de dag na de vervaldatum.",
        "legal.md §5: Art. 229 § 34 EGBGB (+ 8 points for obligations up to 28 July 2014)",
    ),
    (
        "DE-before-2014",
        "DE",
        PartyKind.UNDERTAKING,
        date(2014, 7, 1),
        "de",
        "Verzugszinsen in gesetzlicher Höhe, d. h. 8 Prozentpunkte über dem Basiszinssatz "
        "nach § 247 BGB (§ 288 Abs. 2 BGB in der bis 28. Juli 2014 geltenden Fassung, Art. "
        "229 § 34 EGBGB), ab dem Tag nach Fälligkeit.",
        "legal.md §5: Art. 229 § 34 EGBGB (+ 8 points for obligations up to 28 July 2014)",
    ),
    (
        "LU",
        "LU",
        PartyKind.UNDERTAKING,
        None,
        "en",
        "Late payment interest at the statutory rate, that is the European Central Bank "
        "reference rate published at the start of the half-year, plus 8 percentage points "
        "(loi du 18 avril 2004, as amended by the loi du 29 mars 2013), due from the day "
        "after the due date.",
        "legal.md §6: loi du 18 avril 2004 as amended by the loi du 29 mars 2013 (ECB rate "
        "+ 8 points)",
    ),
    (
        "LU",
        "LU",
        PartyKind.UNDERTAKING,
        None,
        "fr",
        "Pénalités de retard au taux prévu par la loi, soit le taux de référence de la "
        "Banque centrale européenne publié au début du semestre, majoré de 8 points de "
        "pourcentage (loi du 18 avril 2004, modifiée par la loi du 29 mars 2013), exigibles "
        "dès le jour suivant la date de paiement.",
        "legal.md §6: loi du 18 avril 2004 as amended by the loi du 29 mars 2013 (ECB rate "
        "+ 8 points)",
    ),
    (
        "LU",
        "LU",
        PartyKind.UNDERTAKING,
        None,
        "nl",
        "Rente bij te late betaling tegen de bij wet bepaalde rentevoet, namelijk de "
        "referentierentevoet van de Europese Centrale Bank bekendgemaakt bij het begin van "
        "het halfjaar, vermeerderd met 8 procentpunten (wet van 18 april 2004, gewijzigd "
        "bij de wet van 29 maart 2013), vanaf de dag na de vervaldatum.",
        "legal.md §6: loi du 18 avril 2004 as amended by the loi du 29 mars 2013 (ECB rate "
        "+ 8 points)",
    ),
    (
        "LU",
        "LU",
        PartyKind.UNDERTAKING,
        None,
        "de",
        "Verzugszinsen in gesetzlicher Höhe, d. h. der zu Beginn des Halbjahres "
        "veröffentlichte Referenzzinssatz der Europäischen Zentralbank zuzüglich 8 "
        "Prozentpunkten (Gesetz vom 18. April 2004, geändert durch das Gesetz vom 29. März "
        "2013), ab dem Tag nach Fälligkeit.",
        "legal.md §6: loi du 18 avril 2004 as amended by the loi du 29 mars 2013 (ECB rate "
        "+ 8 points)",
    ),
    (
        "UK",
        "UK",
        PartyKind.UNDERTAKING,
        None,
        "en",
        "Late payment interest at the statutory rate, that is 8 percentage points over the "
        "Bank of England base rate in force on 30 June or 31 December before the day "
        "interest starts to run (Late Payment of Commercial Debts (Interest) Act 1998; SI "
        "2002/1675), due from the day after the due date.",
        "legal.md §7: Late Payment of Commercial Debts (Interest) Act 1998, SI 2002/1675 (8 "
        "% over the reference rate of 30 June / 31 December)",
    ),
    (
        "UK",
        "UK",
        PartyKind.UNDERTAKING,
        None,
        "fr",
        "Pénalités de retard au taux prévu par la loi, soit 8 points de pourcentage "
        "au-dessus du taux de base de la Banque d'Angleterre en vigueur le 30 juin ou le 31 "
        "décembre précédant le jour où les intérêts commencent à courir (Late Payment of "
        "Commercial Debts (Interest) Act 1998 ; SI 2002/1675), exigibles dès le jour "
        "suivant la date de paiement.",
        "legal.md §7: Late Payment of Commercial Debts (Interest) Act 1998, SI 2002/1675 (8 "
        "% over the reference rate of 30 June / 31 December)",
    ),
    (
        "UK",
        "UK",
        PartyKind.UNDERTAKING,
        None,
        "nl",
        "Rente bij te late betaling tegen de bij wet bepaalde rentevoet, namelijk 8 "
        "procentpunten boven de basisrente van de Bank of England die gold op 30 juni of 31 "
        "december vóór de dag waarop de rente begint te lopen (Late Payment of Commercial "
        "Debts (Interest) Act 1998; SI 2002/1675), vanaf de dag na de vervaldatum.",
        "legal.md §7: Late Payment of Commercial Debts (Interest) Act 1998, SI 2002/1675 (8 "
        "% over the reference rate of 30 June / 31 December)",
    ),
    (
        "UK",
        "UK",
        PartyKind.UNDERTAKING,
        None,
        "de",
        "Verzugszinsen in gesetzlicher Höhe, d. h. 8 Prozentpunkte über dem Leitzins der "
        "Bank of England, der am 30. Juni bzw. 31. Dezember vor dem Beginn des Zinslaufs "
        "galt (Late Payment of Commercial Debts (Interest) Act 1998; SI 2002/1675), ab dem "
        "Tag nach Fälligkeit.",
        "legal.md §7: Late Payment of Commercial Debts (Interest) Act 1998, SI 2002/1675 (8 "
        "% over the reference rate of 30 June / 31 December)",
    ),
    (
        "EU",
        "EU",
        PartyKind.UNDERTAKING,
        None,
        "en",
        "Late payment interest at the statutory rate, that is the European Central Bank's "
        "main refinancing rate in force on 1 January or 1 July of the half-year, plus 8 "
        "percentage points (Directive 2011/7/EU, arts. 2(6), 2(7) and 3(2)), due from the "
        "day after the due date.",
        "legal.md §1: Directive 2011/7/EU arts. 2(6), 2(7)(a), 3(2) (ECB rate on 1 January "
        "/ 1 July + 8 points)",
    ),
    (
        "EU",
        "EU",
        PartyKind.UNDERTAKING,
        None,
        "fr",
        "Pénalités de retard au taux prévu par la loi, soit le taux de la Banque centrale "
        "européenne pour ses opérations principales de refinancement en vigueur au 1er "
        "janvier ou au 1er juillet du semestre, majoré de 8 points de pourcentage "
        "(directive 2011/7/UE, art. 2, points 6 et 7, et art. 3, par. 2), exigibles dès le "
        "jour suivant la date de paiement.",
        "legal.md §1: Directive 2011/7/EU arts. 2(6), 2(7)(a), 3(2) (ECB rate on 1 January "
        "/ 1 July + 8 points)",
    ),
    (
        "EU",
        "EU",
        PartyKind.UNDERTAKING,
        None,
        "nl",
        "Rente bij te late betaling tegen de bij wet bepaalde rentevoet, namelijk de rente "
        "van de Europese Centrale Bank voor haar basisherfinancieringstransacties, geldend "
        "op 1 januari of 1 juli van het halfjaar, vermeerderd met 8 procentpunten "
        "(richtlijn 2011/7/EU, art. 2, punten 6 en 7, en art. 3, lid 2), vanaf de dag na de "
        "vervaldatum.",
        "legal.md §1: Directive 2011/7/EU arts. 2(6), 2(7)(a), 3(2) (ECB rate on 1 January "
        "/ 1 July + 8 points)",
    ),
    (
        "EU",
        "EU",
        PartyKind.UNDERTAKING,
        None,
        "de",
        "Verzugszinsen in gesetzlicher Höhe, d. h. der Hauptrefinanzierungssatz der "
        "Europäischen Zentralbank, gültig am 1. Januar bzw. 1. Juli des Halbjahres, "
        "zuzüglich 8 Prozentpunkten (Richtlinie 2011/7/EU, Art. 2 Nr. 6 und 7, Art. 3 Abs. "
        "2), ab dem Tag nach Fälligkeit.",
        "legal.md §1: Directive 2011/7/EU arts. 2(6), 2(7)(a), 3(2) (ECB rate on 1 January "
        "/ 1 July + 8 points)",
    ),
]
PENALTY_RULES = {(row[0], row[4]): row[5] for row in RULE_ROWS}


@pytest.mark.parametrize(
    ("key", "code", "debtor", "contract", "lang", "line", "source"),
    RULE_ROWS,
    ids=[f"{row[0]}-{row[4]}" for row in RULE_ROWS],
)
def test_an_invoice_issued_today_states_the_rule_of_its_regime(
    key: str,
    code: str,
    debtor: PartyKind,
    contract: date | None,
    lang: str,
    line: str,
    source: str,
) -> None:
    law = regime(code, debtor=debtor, contract_date=contract)
    sched = PaymentTerms.net(30).schedule(TODAY, Decimal("1000.00"), currency=law.currency)
    assert sched.final_due + timedelta(days=1) == AFTER
    with pytest.raises(RateNotPublished):
        law.rate_on(AFTER)  # the premise: the rate of that day is not published
    assert law.rule_on(AFTER) == key
    lines = describe_invoice(sched, lang, law).splitlines()
    # the penalty line follows the terms, the due date and the discount line, in place of the figure
    assert lines[3] == line
    rule = statutory_rule(law, AFTER, lang)
    assert rule is not None
    assert rule in line
    assert source  # every row names its legal source
    # the rest of the block is what an agreed rate gives
    agreed = describe_invoice(sched, lang, law, rate=Decimal("0.1")).splitlines()
    assert lines[:3] + lines[4:] == agreed[:3] + agreed[4:]


def test_every_rule_is_worded_in_every_language() -> None:
    keys = {row[0] for row in RULE_ROWS}
    for lang in LANGS:
        assert set(RATE_RULES[lang]) == keys
    assert set(PENALTY_RULES) == {(key, lang) for key in keys for lang in LANGS}


@pytest.mark.parametrize(
    ("law", "why"),
    [
        # legal.md §6: the Luxembourg legal rate for consumers is fixed yearly by règlement
        # grand-ducal, but no statute or article for it is cited in the sources read
        (regime("LU", debtor=PartyKind.CONSUMER), "lu_legal_rate"),
        # legal.md §3: for Dutch contracts before 16 March 2013 the move from ECB + 7 to
        # ECB + 8 is UNCONFIRMED
        (regime("NL", contract_date=date(2012, 1, 1)), "nl_handelsrente"),
    ],
)
def test_a_regime_without_a_rule_in_words_keeps_raising(law: object, why: str) -> None:
    sched = PaymentTerms.net(30).schedule(TODAY, Decimal("1000.00"))
    assert statutory_rule(law, AFTER) is None
    with pytest.raises(RateNotPublished, match=why) as info:
        describe_invoice(sched, "en", law)  # type: ignore[arg-type]
    assert "has no statutory rule it states in words" in info.value.__notes__[0]


def test_a_published_rate_keeps_its_figure() -> None:
    # legal.md §0.1 / rates-update.md: Basiszinssatz H1 2026 1.27 + 9 points = 10.27 %
    # (§ 288(2) BGB): published, so the figure is stated, not the rule
    sched = PaymentTerms.net(30).schedule(date(2026, 1, 15), Decimal("100.00"))
    for lang in LANGS:
        line = describe_invoice(sched, lang, regime("DE")).splitlines()[3]
        assert "10" in line
        assert "27" in line
        assert RATE_RULES[lang]["DE"] not in line
    # a regime of the caller's own, without rule_on: the figure it gives
    assert statutory_rule(FR_REGIME, AFTER) is None


def test_statutory_rule_checks_its_language() -> None:
    with pytest.raises(InvalidArgument, match="lang"):
        statutory_rule(regime("FR"), AFTER, "es")


def _ruled() -> list[object]:
    out: list[object] = []
    for code in ("BE", "DE", "EU", "FR", "LU", "NL", "UK"):
        for debtor in PartyKind:
            for contract in (None, date(2012, 5, 1), date(2014, 7, 1)):
                try:
                    law = regime(code, debtor=debtor, contract_date=contract)
                except InvalidArgument:
                    continue  # the regime does not cover that debtor
                if law.rule_on(AFTER) is not None:
                    out.append(law)
    return out


RULED = _ruled()


@settings(max_examples=examples(300), deadline=None)
@given(
    st.sampled_from(RULED),
    st.dates(date(2015, 3, 16), date(2060, 12, 31)),
    st.integers(0, 120),
    st.sampled_from(LANGS),
)
@example(regime("FR"), TODAY, 30, "fr")
@example(regime("UK"), TODAY, 30, "en")
@example(regime("BE", contract_date=date(2012, 5, 1)), date(2015, 3, 16), 0, "nl")
def test_describe_invoice_never_raises_where_the_law_has_a_rule(
    law: object, issue: date, days: int, lang: str
) -> None:
    currency = getattr(law, "currency", "EUR")
    sched = PaymentTerms.net(days).schedule(issue, Decimal("1000.00"), currency=currency)
    day = sched.final_due + timedelta(days=1)
    lines = describe_invoice(sched, lang, law).splitlines()  # type: ignore[arg-type]
    try:
        rate = law.rate_on(day)  # type: ignore[attr-defined]
    except RateNotPublished:
        rule = statutory_rule(law, day, lang)
        assert rule is not None
        # the rule in place of the figure, every other line as with an agreed rate
        agreed = describe_invoice(sched, lang, law, rate=Decimal("0.1")).splitlines()  # type: ignore[arg-type]
        changed = [i for i, (a, b) in enumerate(zip(lines, agreed, strict=True)) if a != b]
        assert len(changed) == 1
        assert lines[changed[0]] == VOCABULARIES[lang].templates.penalty_rule.format(rule=rule)
    else:
        # published: the figure in force that day, as before
        assert lines == describe_invoice(sched, lang, law, rate=rate).splitlines()  # type: ignore[arg-type]

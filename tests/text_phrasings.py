"""Payment-term wording as people write it, with the terms it means (for test_text_parse.py).

Each block names where its wording comes from. "Issue #4" is the list of phrases the
wording issue requires; ``reference/...`` points at the project's research notes, which
quote the tracker threads, statutes and vendor documents named in each comment. Rows
marked "common invoice wording" are the everyday variants of a block's phrase (other
spacing, capitals, number words, word order) and have no single published source.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from payterms.terms import (
    DiscountTier,
    EndOfMonth,
    Installment,
    PaymentTerms,
    Start,
    TaxBase,
)

THEN = EndOfMonth.THEN_DAYS
DAYS = EndOfMonth.DAYS_THEN

Line = str | tuple[str, str]


def terms(
    *lines: Line,
    d: tuple[tuple[str, str], ...] = (),
    start: Start = Start.INVOICE_DATE,
    tax: TaxBase = TaxBase.INCLUDED,
) -> PaymentTerms:
    """Build expected terms: "30D" is a balance line, ("30", "0D") a 30 % line,
    ("€500", "14D") a fixed line; *d* lists discount tiers as (percent, rule)."""
    built = []
    for line in lines:
        if isinstance(line, str):
            built.append(Installment.balance(line))
        elif line[0].startswith("€"):
            built.append(Installment.fixed(Decimal(line[0][1:]), line[1]))
        else:
            built.append(Installment.percent(Decimal(line[0]), line[1]))
    return PaymentTerms(
        installments=tuple(built),
        discounts=tuple(DiscountTier(Decimal(p), r) for p, r in d),
        start=start,
        tax_base=tax,
    )


def row(
    text: str, lang: str, expected: PaymentTerms, reading: EndOfMonth = THEN, *, id: str
) -> object:
    return pytest.param(text, lang, reading, expected, id=f"{lang}-{id}")


NET30 = terms("30D")

EN = [
    # Source: issue #4 (required phrases); DESIGN.md §4 ("2/10 net 30").
    row("net 30", "en", NET30, id="net-30"),
    row("Net 30 EOM", "en", terms("CM+30D"), id="net-30-eom"),
    row("2/10 net 30", "en", terms("30D", d=(("2", "10D"),)), id="2-10-net-30"),
    row("2% 10, net 30", "en", terms("30D", d=(("2", "10D"),)), id="2pct-10-net-30"),
    row("due on receipt", "en", terms("0D"), id="due-on-receipt"),
    row("cash in advance", "en", terms("0D"), id="cash-in-advance"),
    row("thirty days", "en", NET30, id="thirty-days"),
    # Source: reference/peers.md table ("net N", "Net 30 EOM" = CM+30D, Lago "End of month",
    # "30 days after end of month").
    row("Net 45", "en", terms("45D"), id="net-45"),
    row("End of month", "en", terms("CM"), id="lago-end-of-month"),
    row("30 days after end of month", "en", terms("CM+30D"), id="lago-30-after-eom"),
    row("Net 30 EOM", "en", terms("30D+CM"), DAYS, id="net-30-eom-days-then"),
    # Source: reference/user_demand.md A3 (frappe/erpnext#4353 "2%-10, Net 30";
    # odoo/odoo#126102 "1/7 Net 30"; discuss.tryton.org early-payments-discounts:
    # tiers "3 % in 7 days, 2 % in 14 days").
    row("2%-10, Net 30", "en", terms("30D", d=(("2", "10D"),)), id="erpnext-4353"),
    row("1/7 Net 30", "en", terms("30D", d=(("1", "7D"),)), id="odoo-126102"),
    row(
        "3 % in 7 days, 2 % in 14 days, net 30 days",
        "en",
        terms("30D", d=(("3", "7D"), ("2", "14D"))),
        id="tryton-two-tiers",
    ),
    # Source: reference/user_demand.md A1 (OCA/account-invoicing#103 "End of month 45 days"
    # vs "45 days end of month"; Dolibarr#18694 "45D end of month"; erpnext#3451
    # "30 days EOM"; invoiceninja#10565 "30 Days End of Month", "end of following month").
    row("End of month 45 days", "en", terms("CM+45D"), id="oca-103-eom-45"),
    row("45 days end of month", "en", terms("45D+CM"), DAYS, id="oca-103-45-eom"),
    row("45D end of month", "en", terms("CM+45D"), id="dolibarr-18694"),
    row("30 days EOM", "en", terms("CM+30D"), id="erpnext-3451"),
    row("30 Days End of Month", "en", terms("CM+30D"), id="invoiceninja-10565"),
    row("end of following month", "en", terms("1M+CM"), id="invoiceninja-10565-following"),
    # Source: reference/user_demand.md B7 (odoo/odoo#10459 "30 days EOM on the 10th") and
    # B2 (odoo/odoo#166560 "days end of month on the 30").
    row("30 days EOM on the 10th", "en", terms("CM+30D+D10"), id="odoo-10459"),
    row("30 days EOM on the 10th", "en", terms("30D+CM+D10"), DAYS, id="odoo-10459-days-then"),
    row("30 days end of month on the 30th", "en", terms("30D+CM+1D+D30"), DAYS, id="odoo-166560"),
    # Source: reference/peers.md §6 (SAP Community: "3 % 10 days from invoice, or 45 days
    # EOM", invoice 2025-01-10 -> net due 2025-03-17 = end of month + 45).
    row(
        "3 % 10 days from invoice, or 45 days EOM",
        "en",
        terms("CM+45D", d=(("3", "10D"),)),
        id="sap-community",
    ),
    # Source: reference/user_demand.md A2 ("30 % now, balance 60 days";
    # crater-invoice-inc/crater#493 "33 % at 15 days / 67 % at 60 days").
    row("30 % now, balance 60 days", "en", terms(("30", "0D"), "60D"), id="a2-30-now"),
    row("50% upfront, 50% net 30", "en", terms(("50", "0D"), ("50", "30D")), id="a2-upfront"),
    row("30% deposit, 70% net 60", "en", terms(("30", "0D"), ("70", "60D")), id="a2-deposit"),
    row(
        "33 % at 15 days / 67 % at 60 days",
        "en",
        terms(("33", "15D"), ("67", "60D")),
        id="crater-493",
    ),
    # Source: reference/peers.md (Business Central date formulas accepted as a whole term).
    row("CM+30D", "en", terms("CM+30D"), id="bc-formula"),
    row("<25: 1M+CM ? 2M+CM>", "en", terms("<25: 1M+CM ? 2M+CM>"), id="bc-cutoff"),
    # Source: common invoice wording (variants of the rows above).
    row("NET 60 DAYS", "en", terms("60D"), id="caps"),
    row("payable within thirty (30) days of the invoice date", "en", NET30, id="contract-echo"),
    row("Payment due within 14 days", "en", terms("14D"), id="within-14"),
    row("net 30 days after delivery", "en", terms("30D", start=Start.DELIVERY), id="delivery"),
    row("2/10, n/30", "en", terms("30D", d=(("2", "10D"),)), id="n-slash-30"),
    row("net forty-five days", "en", terms("45D"), id="forty-five"),
    row("10 business days", "en", terms("10BD"), id="business-days"),
    row(
        "50% deposit on order, balance on delivery",
        "en",
        terms(("50", "0D"), "0D"),
        id="deposit-balance",
    ),
    row(
        "2% discount if paid within 10 days, otherwise net 30",
        "en",
        terms("30D", d=(("2", "10D"),)),
        id="discount-if-paid",
    ),
]

FR = [
    # Source: issue #4 (required phrases); DESIGN.md §4 ("60 jours fin de mois").
    row("30 jours net", "fr", NET30, id="30-jours-net"),
    row("paiement à 45 jours fin de mois", "fr", terms("CM+45D"), id="paiement-45-fdm"),
    row("60 jours fin de mois le 10", "fr", terms("CM+60D+D10"), id="60-fdm-le-10"),
    row("à réception de facture", "fr", terms("0D"), id="reception"),
    row("comptant", "fr", terms("0D"), id="comptant"),
    row(
        "30 % à la commande, solde à 30 jours",
        "fr",
        terms(("30", "0D"), "30D"),
        id="commande-solde",
    ),
    row(
        "escompte 2 % pour paiement sous 8 jours",
        "fr",
        terms("30D", d=(("2", "8D"),)),
        id="escompte-sous-8",
    ),
    row("60 jours fin de mois", "fr", terms("CM+60D"), id="design-60-fdm"),
    row("trente jours fin de mois", "fr", terms("CM+30D"), id="trente"),
    # Source: Code de commerce L441-10 I (reference/legal.md §4): "soixante jours à compter
    # de la date d'émission de la facture"; "quarante-cinq jours fin de mois"; default term
    # "trente jours après la date de réception des marchandises".
    row(
        "soixante jours à compter de la date d'émission de la facture",
        "fr",
        terms("60D"),
        id="l441-10-60",
    ),
    row(
        "quarante-cinq jours fin de mois à compter de la date d'émission de la facture",
        "fr",
        terms("CM+45D"),
        id="l441-10-45-fdm",
    ),
    row(
        "quarante-cinq jours fin de mois",
        "fr",
        terms("45D+CM"),
        DAYS,
        id="l441-10-45-fdm-days-then",
    ),
    row(
        "30 jours après la date de réception des marchandises",
        "fr",
        terms("30D", start=Start.DELIVERY),
        id="l441-10-default",
    ),
    # Source: CEPC "délais de paiement: sur la computation des délais" (reference/legal.md
    # §4): the two readings, said explicitly.
    row("45 jours après la fin du mois", "fr", terms("CM+45D"), DAYS, id="cepc-b-explicit"),
    row("fin de mois + 45 jours", "fr", terms("CM+45D"), DAYS, id="cepc-b-plus"),
    row("45 jours puis fin de mois", "fr", terms("45D+CM"), id="cepc-a-explicit"),
    # Source: reference/user_demand.md A1 (fnaseph.org "Paiement à 45 jours fin de mois";
    # mecadyn.over-blog.com "45 jours fin de mois"; Sage Négoce "60 jours fin de mois le 15";
    # odoo/odoo#91490 "30 jours fin de mois le 10"), B5 (Dolibarr#36808 "45 J FDM le 15").
    row("Paiement à 45 jours fin de mois", "fr", terms("45D+CM"), DAYS, id="fnaseph"),
    row("45 jours fin de mois", "fr", terms("CM+45D"), id="mecadyn"),
    row("60 jours fin de mois le 15", "fr", terms("60D+CM+D15"), DAYS, id="sage-negoce"),
    row("30 jours fin de mois le 10", "fr", terms("CM+30D+D10"), id="odoo-91490"),
    row("45 J FDM le 15", "fr", terms("45D+CM+D15"), DAYS, id="dolibarr-36808"),
    # Source: reference/legal.md §4 (fiducial.fr: "30 jours fin de mois"; L441-9 "conditions
    # d'escompte ... néant") and user_demand.md A16 (Dolibarr community#831 "pas d'escompte").
    row("30 jours fin de mois", "fr", terms("CM+30D"), id="fiducial"),
    row(
        "paiement à 30 jours, pas d'escompte pour paiement anticipé",
        "fr",
        NET30,
        id="pas-escompte",
    ),
    row("30 jours net, sans escompte", "fr", NET30, id="sans-escompte"),
    # Source: common invoice wording (variants of the rows above).
    row("Paiement comptant à réception de facture", "fr", terms("0D"), id="comptant-reception"),
    row("règlement à 30 jours date de facture", "fr", NET30, id="date-de-facture"),
    row("60 jours nets", "fr", terms("60D"), id="nets"),
    row("paiement sous 15 jours", "fr", terms("15D"), id="sous-15"),
    row(
        "acompte de 30 % à la commande, solde à 60 jours",
        "fr",
        terms(("30", "0D"), "60D"),
        id="acompte",
    ),
    row(
        "escompte de 1,5 % pour paiement à 10 jours, 45 jours fin de mois",
        "fr",
        terms("CM+45D", d=(("1.5", "10D"),)),
        id="escompte-virgule",
    ),
    row("fin de mois le 15", "fr", terms("CM+D15"), id="fdm-le-15"),
    row("30 jours fin de mois, le 10", "fr", terms("CM+30D+D10"), id="fdm-virgule-le-10"),
    row("le 10 du mois suivant", "fr", terms("CM+D10"), id="le-10-mois-suivant"),
    row("paiement d'avance", "fr", terms("0D"), id="avance"),
    row("à 30 jours fin du mois suivant", "fr", terms("1M+CM+30D"), id="mois-suivant"),
]

NL = [
    # Source: issue #4 (required phrases); DESIGN.md §4 ("30 dagen netto").
    row("betaling binnen 30 dagen na factuurdatum", "nl", NET30, id="binnen-30-na-factuurdatum"),
    row("30 dagen netto", "nl", NET30, id="30-dagen-netto"),
    row("60 dagen einde maand", "nl", terms("CM+60D"), id="60-einde-maand"),
    row(
        "2% korting bij betaling binnen 8 dagen",
        "nl",
        terms("30D", d=(("2", "8D"),)),
        id="korting-8",
    ),
    row("dertig dagen", "nl", NET30, id="dertig"),
    row(
        "2 procent korting bij betaling binnen 8 dagen, 30 dagen netto",
        "nl",
        terms("30D", d=(("2", "8D"),)),
        id="procent",
    ),
    # Source: BW 6:119a lid 2 (reference/legal.md §3): the default period "30 dagen na ...
    # ontvangst van de factuur"; lid 5 and lid 6: terms of 60 and 30 days.
    row(
        "30 dagen na ontvangst van de factuur",
        "nl",
        terms("30D", start=Start.RECEIPT),
        id="bw-6-119a-2",
    ),
    row("een betalingstermijn van zestig dagen", "nl", terms("60D"), id="bw-6-119a-5"),
    row("betalingstermijn van 30 dagen", "nl", NET30, id="bw-6-119a-6"),
    # Source: reference/peers.md §7 (the two readings, said explicitly in Dutch).
    row("30 dagen na einde maand", "nl", terms("CM+30D"), DAYS, id="na-einde-maand"),
    row("60 dagen einde maand", "nl", terms("60D+CM"), DAYS, id="einde-maand-days-then"),
    row("45 dagen dan einde maand", "nl", terms("45D+CM"), id="dan-einde-maand"),
    row("einde maand plus 30 dagen", "nl", terms("CM+30D"), DAYS, id="einde-maand-plus"),
    # Source: common invoice wording (variants of the rows above; "kredietbeperking" is the
    # Dutch term for an early-payment discount).
    row("Betaling binnen 14 dagen", "nl", terms("14D"), id="binnen-14"),
    row("te betalen binnen 30 dagen na factuurdatum", "nl", NET30, id="te-betalen"),
    row(
        "2% kredietbeperking bij betaling binnen 8 dagen, netto binnen 30 dagen",
        "nl",
        terms("30D", d=(("2", "8D"),)),
        id="kredietbeperking",
    ),
    row("betaling bij ontvangst van de factuur", "nl", terms("0D"), id="bij-ontvangst"),
    row("contant", "nl", terms("0D"), id="contant"),
    row("per omgaande", "nl", terms("0D"), id="per-omgaande"),
    row("vooruitbetaling", "nl", terms("0D"), id="vooruitbetaling"),
    row("netto binnen 60 dagen", "nl", terms("60D"), id="netto-binnen-60"),
    row("betaling binnen vijfenveertig dagen", "nl", terms("45D"), id="vijfenveertig"),
    row(
        "30% bij bestelling, restant binnen 30 dagen",
        "nl",
        terms(("30", "0D"), "30D"),
        id="bestelling-restant",
    ),
    row(
        "50% aanbetaling bij opdracht, 50% bij levering",
        "nl",
        terms(("50", "0D"), ("50", "0D")),
        id="aanbetaling",
    ),
    row("30 dagen na levering", "nl", terms("30D", start=Start.DELIVERY), id="na-levering"),
    row("betaling binnen 30 dagen zonder korting", "nl", NET30, id="zonder-korting"),
    row(
        "3% korting bij betaling binnen 10 dagen of 30 dagen netto",
        "nl",
        terms("30D", d=(("3", "10D"),)),
        id="of-netto",
    ),
    row("10 werkdagen", "nl", terms("10BD"), id="werkdagen"),
    row("einde volgende maand", "nl", terms("1M+CM"), id="einde-volgende-maand"),
    row("op de 15e van de volgende maand", "nl", terms("CM+D15"), id="15e-volgende-maand"),
    row(
        "2,5% korting binnen 14 dagen, 30 dagen netto",
        "nl",
        terms("30D", d=(("2.5", "14D"),)),
        id="komma",
    ),
]

DE = [
    # Source: issue #4 (required phrases); DESIGN.md §4 ("14 Tage 2 % Skonto, 30 Tage netto").
    row("zahlbar innerhalb 30 Tagen netto", "de", NET30, id="innerhalb-30-netto"),
    row(
        "14 Tage 2 % Skonto, 30 Tage netto",
        "de",
        terms("30D", d=(("2", "14D"),)),
        id="14-tage-2-skonto",
    ),
    row("sofort ohne Abzug", "de", terms("0D"), id="sofort-ohne-abzug"),
    row("dreißig Tage netto", "de", NET30, id="dreissig"),
    # Source: BGB § 308 Nr. 1a and § 286(3) (reference/legal.md §5): "30 Tage nach Zugang
    # der Rechnung"; § 271a(1): "60 Tage nach Empfang der Gegenleistung".
    row(
        "30 Tage nach Zugang der Rechnung", "de", terms("30D", start=Start.RECEIPT), id="bgb-308-1a"
    ),
    row(
        "60 Tage nach Empfang der Gegenleistung",
        "de",
        terms("60D", start=Start.DELIVERY),
        id="bgb-271a",
    ),
    # Source: reference/user_demand.md A16 (XRechnung BR-DE-18: "#SKONTO#TAGE=14#PROZENT=2.00#",
    # itplr-kosit/xrechnung-schematron#22).
    row(
        "Zahlbar innerhalb 30 Tagen netto\n#SKONTO#TAGE=14#PROZENT=2.00#\n",
        "de",
        terms("30D", d=(("2", "14D"),)),
        id="xrechnung-skonto",
    ),
    row(
        "#SKONTO#TAGE=7#PROZENT=3.00#\n#SKONTO#TAGE=14#PROZENT=2.00#\n30 Tage netto",
        "de",
        terms("30D", d=(("3", "7D"), ("2", "14D"))),
        id="xrechnung-two-tiers",
    ),
    # Source: reference/user_demand.md A3 (frappe/erpnext#3883 "Skonto"; Tryton tiers
    # "3 % in 7 days, 2 % in 14 days", in German).
    row(
        "7 Tage 3 % Skonto, 14 Tage 2 % Skonto, 30 Tage netto",
        "de",
        terms("30D", d=(("3", "7D"), ("2", "14D"))),
        id="zwei-stufen",
    ),
    # Source: common invoice wording (variants of the rows above).
    row("Zahlbar sofort ohne Abzug", "de", terms("0D"), id="zahlbar-sofort"),
    row("Zahlungsziel 30 Tage netto", "de", NET30, id="zahlungsziel"),
    row("zahlbar innerhalb von 14 Tagen ohne Abzug", "de", terms("14D"), id="innerhalb-von-14"),
    row(
        "8 Tage 3 % Skonto, 30 Tage netto",
        "de",
        terms("30D", d=(("3", "8D"),)),
        id="8-tage-3-skonto",
    ),
    row(
        "innerhalb 10 Tagen 2 % Skonto, innerhalb 30 Tagen netto",
        "de",
        terms("30D", d=(("2", "10D"),)),
        id="innerhalb-skonto",
    ),
    row(
        "zahlbar innerhalb von 14 Tagen mit 2 % Skonto oder innerhalb von 30 Tagen netto",
        "de",
        terms("30D", d=(("2", "14D"),)),
        id="oder",
    ),
    row(
        "3 Prozent Skonto bei Zahlung innerhalb von 10 Tagen, 30 Tage netto",
        "de",
        terms("30D", d=(("3", "10D"),)),
        id="prozent",
    ),
    row("Vorkasse", "de", terms("0D"), id="vorkasse"),
    row("Vorauskasse", "de", terms("0D"), id="vorauskasse"),
    row("per Nachnahme", "de", terms("0D"), id="nachnahme"),
    row("zahlbar bei Erhalt der Rechnung", "de", terms("0D"), id="bei-erhalt"),
    row("30 Tage nach Rechnungsdatum", "de", NET30, id="nach-rechnungsdatum"),
    row("netto Kasse", "de", terms("0D"), id="netto-kasse"),
    row("30 Tage nach Monatsende", "de", terms("CM+30D"), DAYS, id="nach-monatsende"),
    row("60 Tage Monatsende", "de", terms("60D+CM"), DAYS, id="monatsende-days-then"),
    row("zahlbar bis zum 15. des Folgemonats", "de", terms("CM+D15"), id="15-folgemonat"),
    row("Ende des Folgemonats", "de", terms("1M+CM"), id="ende-folgemonat"),
    row(
        "30 % Anzahlung bei Auftragserteilung, Rest bei Lieferung",
        "de",
        terms(("30", "0D"), "0D"),
        id="anzahlung",
    ),
    row("fünfundvierzig Tage netto", "de", terms("45D"), id="fuenfundvierzig"),
    row(
        "Zahlbar innerhalb von 8 Tagen abzüglich 2 % Skonto oder innerhalb von 30 Tagen ohne Abzug",
        "de",
        terms("30D", d=(("2", "8D"),)),
        id="abzueglich-ohne-abzug",
    ),
    row("10 Werktage netto", "de", terms("10BD"), id="werktage"),
    row(
        "2,5 % Skonto innerhalb 10 Tagen, 60 Tage netto",
        "de",
        terms("60D", d=(("2.5", "10D"),)),
        id="komma",
    ),
]

# Source: odoo/documentation content/applications/finance/accounting/customer_invoices/
# payment_terms.rst (Odoo 17+: a negative "After" gives days before the end of the month);
# Business Central date formulas take a sign on any term: CM-10D (#15).
BEFORE_END_OF_MONTH = [
    row("net 10 days before the end of the month", "en", terms("CM-10D"), id="before-eom"),
    row("paiement à 10 jours avant la fin du mois", "fr", terms("CM-10D"), id="avant-fdm"),
    row("10 dagen voor het einde van de maand", "nl", terms("CM-10D"), id="voor-einde-maand"),
    row("zahlbar 10 Tage vor Monatsende", "de", terms("CM-10D"), id="vor-monatsende"),
    row("net [CM-10D]", "en", terms("CM-10D"), id="before-eom-formula"),
]

PHRASINGS = [*EN, *FR, *NL, *DE, *BEFORE_END_OF_MONTH]

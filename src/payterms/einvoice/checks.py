"""Checks of an invoice's payment part against EN 16931 and national rules, each citing its rule.

:func:`check_payment` takes a :class:`~payterms.einvoice.Reading` (what
:func:`~payterms.einvoice.read_ubl` or :func:`~payterms.einvoice.read_cii` read) and returns
:class:`~payterms.law.checks.Finding` values whose ``code`` is the rule's identifier:

* EN 16931-1 **BR-CO-25**: when the amount due (BT-115) is positive, the payment due date
  (BT-9) or the payment terms (BT-20) shall be present.
* The EN 16931 UBL binding: **UBL-SR-05** (one ``cac:PaymentTerms``), **UBL-SR-45** (one
  due date), **UBL-CR-412** (an invoice should not use ``cac:PaymentMeans/cbc:PaymentDueDate``)
  and **UBL-CR-452** to **UBL-CR-469** (no structured children of ``cac:PaymentTerms``);
  the CII binding: **CII-SR-452** and **CII-SR-453** (one ``ram:SpecifiedTradePaymentTerms``,
  one ``ram:Description``), unless the profile is EXTENDED.
* The dates and amounts a document states that its terms do not give (BT-9, the
  instalments, the discounts), as warnings.
* Germany, XRechnung 3.0 **BR-DE-18**: the ``#SKONTO#`` lines of BT-20 (KoSIT Schematron).
* France, the CTC rules of the 2026 reform: **BR-FR-05** (the notes AAB, PMD and PMT, the
  mentions of Code de commerce art. L441-9), **BR-FR-06** (each subject code once) and
  **BR-FR-CO-07** (BT-9 not before the issue date BT-2, deposit invoices aside).
* With a *country*, the statutory maximum payment terms of :func:`payterms.law.check_terms`
  on the terms read.

>>> from payterms.einvoice import read_cii
>>> xml = ('<ram:SpecifiedTradePaymentTerms xmlns:ram="urn:un:unece:uncefact:data:standard:'
...        'ReusableAggregateBusinessInformationEntity:100"/>')
>>> from datetime import date
>>> reading = read_cii(xml, issue_date=date(2026, 1, 15), amount="100.00", currency="EUR")
>>> [(f.code, f.severity.name) for f in check_payment(reading)]
[('BR-CO-25', 'VIOLATION')]
"""

from __future__ import annotations

from collections import Counter

from payterms.einvoice.model import Profile, Reading, Syntax
from payterms.einvoice.xrechnung import skonto_findings
from payterms.errors import InvalidType
from payterms.law.checks import Finding, Severity

__all__ = ["check_payment"]

_EN16931 = "EN 16931-1:2017"
_UBL_BINDING = "EN 16931-3-2 (UBL 2.1 binding), EN 16931 validation artefacts"
_CII_BINDING = "EN 16931-3-3 (CII binding), EN 16931 validation artefacts"
_XRECHNUNG = "XRechnung 3.0, KoSIT Schematron"
_FR_CTC = "French e-invoicing reform, CTC Flux 2 Schematron (Code de commerce art. L441-9)"
_UBL_CR = {
    "ID": "UBL-CR-452",
    "PaymentMeansID": "UBL-CR-453",
    "PrepaidPaymentReferenceID": "UBL-CR-454",
    "ReferenceEventCode": "UBL-CR-455",
    "SettlementDiscountPercent": "UBL-CR-456",
    "PenaltySurchargePercent": "UBL-CR-457",
    "PaymentPercent": "UBL-CR-458",
    "Amount": "UBL-CR-459",
    "SettlementDiscountAmount": "UBL-CR-460",
    "PenaltyAmount": "UBL-CR-461",
    "PaymentTermsDetailsURI": "UBL-CR-462",
    "PaymentDueDate": "UBL-CR-463",
    "InstallmentDueDate": "UBL-CR-464",
    "InvoicingPartyReference": "UBL-CR-465",
    "SettlementPeriod": "UBL-CR-466",
    "PenaltyPeriod": "UBL-CR-467",
    "ExchangeRate": "UBL-CR-468",
    "ValidityPeriod": "UBL-CR-469",
}
_MENTIONS = {
    "AAB": "the discount conditions, or that there is none",
    "PMD": "the late-payment penalties",
    "PMT": "the fixed recovery indemnity",
}


def _core(reading: Reading) -> list[Finding]:
    part = reading.part
    out: list[Finding] = []
    if (
        part.amount_due is not None
        and part.amount_due > 0
        and part.due_date is None
        and not (part.terms_text or "").strip()
    ):
        out.append(
            Finding(
                Severity.VIOLATION,
                "BR-CO-25",
                f"{_EN16931} BR-CO-25",
                f"the amount due (BT-115) is {part.amount_due} and the invoice states neither "
                "a payment due date (BT-9) nor payment terms (BT-20)",
            )
        )
    counts = Counter(reading.elements)
    if reading.profile is not Profile.EXTENDED:
        if reading.syntax is Syntax.UBL:
            if counts["cac:PaymentTerms"] > 1:
                out.append(
                    Finding(
                        Severity.VIOLATION,
                        "UBL-SR-05",
                        f"{_UBL_BINDING} UBL-SR-05",
                        f"payment terms shall occur at most once; the invoice has "
                        f"{counts['cac:PaymentTerms']}",
                    )
                )
            for name, code in _UBL_CR.items():
                for prefix in ("cbc", "cac"):
                    if counts[f"cac:PaymentTerms/{prefix}:{name}"]:
                        out.append(
                            Finding(
                                Severity.WARNING,
                                code,
                                f"{_UBL_BINDING} {code}",
                                f"an EN 16931 invoice should not include the PaymentTerms "
                                f"{name} (receivers may ignore it)",
                            )
                        )
        else:
            if counts["ram:SpecifiedTradePaymentTerms"] > 1:
                out.append(
                    Finding(
                        Severity.VIOLATION,
                        "CII-SR-452",
                        f"{_CII_BINDING} CII-SR-452",
                        "ram:SpecifiedTradePaymentTerms shall occur at most once outside the "
                        "EXTENDED profile; the invoice has "
                        f"{counts['ram:SpecifiedTradePaymentTerms']}",
                    )
                )
            if counts["ram:SpecifiedTradePaymentTerms/ram:Description"] > 1:
                out.append(
                    Finding(
                        Severity.VIOLATION,
                        "CII-SR-453",
                        f"{_CII_BINDING} CII-SR-453",
                        "the payment terms text (BT-20) shall occur at most once",
                    )
                )
    if reading.syntax is Syntax.UBL and counts["cbc:DueDate"] > 1:  # pragma: no cover
        out.append(  # the reader refuses a second cbc:DueDate already
            Finding(Severity.VIOLATION, "UBL-SR-45", f"{_UBL_BINDING} UBL-SR-45", "two due dates")
        )
    if reading.syntax is Syntax.UBL and counts["cac:PaymentMeans/cbc:PaymentDueDate"]:
        out.append(
            Finding(
                Severity.WARNING,
                "UBL-CR-412",
                f"{_UBL_BINDING} UBL-CR-412",
                "an invoice should not include the PaymentMeans PaymentDueDate (a credit "
                "note's BT-9); an invoice states BT-9 in cbc:DueDate",
            )
        )
    for d in reading.disagreements:
        out.append(
            Finding(
                Severity.WARNING,
                "BT-9" if "BT-9" in d.element else "BT-20",
                f"{_EN16931} BT-9 and BT-20 (the due date and the terms it comes from)",
                f"{d.element} states {d.stated}, the terms (BT-20) give {d.computed}",
            )
        )
    if reading.part.dues and reading.part.amount_due is not None:
        total = sum(
            (due.amount for due in reading.part.dues), start=type(reading.part.amount_due)(0)
        )
        if total != reading.part.amount_due:
            out.append(
                Finding(
                    Severity.WARNING,
                    "BT-115",
                    f"{_EN16931} BT-115 (amount due for payment)",
                    f"the instalments add up to {total}, the amount due is "
                    f"{reading.part.amount_due}",
                )
            )
    return out


def _germany(reading: Reading) -> list[Finding]:
    text = reading.part.terms_text
    if not text:
        return []
    return [
        Finding(Severity.VIOLATION, "BR-DE-18", f"{_XRECHNUNG} BR-DE-18", problem)
        for problem in skonto_findings(text)
    ]


def _france(reading: Reading) -> list[Finding]:
    part = reading.part
    out: list[Finding] = []
    codes = Counter(note.subject for note in part.notes)
    for code, what in _MENTIONS.items():
        if not codes[code]:
            out.append(
                Finding(
                    Severity.VIOLATION,
                    "BR-FR-05",
                    f"{_FR_CTC} BR-FR-05",
                    f"the invoice notes lack the mention {code} ({what}): an invoice note "
                    f"(BT-22) with subject code {code} (BT-21) is mandatory",
                )
            )
        elif codes[code] > 1:
            out.append(
                Finding(
                    Severity.VIOLATION,
                    "BR-FR-06",
                    f"{_FR_CTC} BR-FR-06",
                    f"the subject code {code} occurs {codes[code]} times in the notes (at most "
                    "once)",
                )
            )
    if (
        part.due_date is not None
        and part.issue_date is not None
        and part.due_date < part.issue_date
    ):
        out.append(
            Finding(
                Severity.VIOLATION,
                "BR-FR-CO-07",
                f"{_FR_CTC} BR-FR-CO-07",
                f"the due date (BT-9) {part.due_date} is before the invoice date (BT-2) "
                f"{part.issue_date} (allowed only for deposit invoices and invoices already paid)",
            )
        )
    return out


def check_payment(reading: Reading, *, country: str | None = None) -> tuple[Finding, ...]:
    """Return the findings on the payment part of a read invoice, each citing its rule.

    The EN 16931 rules always apply; XRechnung's BR-DE-18 when the profile is XRECHNUNG or
    *country* is ``"DE"``; the French rules when *country* is ``"FR"``. With a *country*,
    :func:`payterms.law.check_terms` adds the statutory caps on the terms read (as of the
    issue date). No finding: an empty tuple.

    >>> from datetime import date
    >>> from decimal import Decimal
    >>> from payterms.einvoice import payment_part, read_cii, to_cii
    >>> from payterms.terms import PaymentTerms
    >>> terms = PaymentTerms.net(75)
    >>> part = payment_part(terms.schedule(date(2026, 1, 15), Decimal("100")), terms)
    >>> reading = read_cii(to_cii(part).xml, issue_date=date(2026, 1, 15), amount="100",
    ...                    currency="EUR")
    >>> [f.code for f in check_payment(reading, country="BE")]
    ['BE-max-60-days']
    """
    from payterms.law import check_terms

    if not isinstance(reading, Reading):
        raise InvalidType("reading", reading, "a payterms.einvoice.Reading")
    if country is not None and not isinstance(country, str):
        raise InvalidType("country", country, "a country code such as 'FR', or None")
    code = None if country is None else country.upper()
    found = _core(reading)
    if reading.profile is Profile.XRECHNUNG or code == "DE":
        found += _germany(reading)
    if code == "FR":
        found += _france(reading)
    if code is not None and reading.terms is not None:
        found += check_terms(reading.terms, code, invoice_date=reading.part.issue_date)
    return tuple(found)

"""The payment part of a UBL 2.1 invoice (EN 16931-3-2; Peppol BIS Billing 3.0, XRechnung UBL).

The EN 16931 UBL binding (and so Peppol BIS Billing 3.0) maps:

* BT-9 *Payment due date* to ``/Invoice/cbc:DueDate`` (at most once, UBL-SR-45; a credit
  note has it in ``cac:PaymentMeans/cbc:PaymentDueDate``, which an invoice should not use,
  UBL-CR-412);
* BT-20 *Payment terms* to ``cac:PaymentTerms/cbc:Note``, with at most one
  ``cac:PaymentTerms`` (UBL-SR-05) and none of its other children (UBL-CR-452 to
  UBL-CR-469: no discount percent, penalty percent, amount, instalment due date, settlement
  or penalty period);
* BT-89 *Mandate reference identifier* to ``cac:PaymentMeans/cac:PaymentMandate/cbc:ID``;
* BT-21/BT-22 invoice notes to ``cbc:Note`` as ``#CODE#text`` (the subject code between
  hashes, as the French CTC rule BR-FR-05 reads ``#AAB#``, ``#PMD#``, ``#PMT#``).

:attr:`Profile.EXTENDED` writes the structured ``cac:PaymentTerms`` of the UBL 2.1 schema
instead: one per instalment (``cbc:PaymentPercent``, ``cbc:Amount``,
``cbc:InstallmentDueDate`` or ``cbc:PaymentDueDate``, ``cbc:PenaltySurchargePercent`` with
``cac:PenaltyPeriod``) and one per discount (``cbc:SettlementDiscountPercent``,
``cbc:Amount`` as its base, ``cbc:SettlementDiscountAmount``, ``cac:SettlementPeriod`` with
start, end and ``cbc:DurationMeasure`` in days), valid against the UBL 2.1 schema but
outside EN 16931. A fixed-amount discount states ``cbc:SettlementDiscountAmount`` without
``cbc:SettlementDiscountPercent``. An instalment's own discount goes into that
instalment's ``cac:PaymentTerms`` (beside its ``cbc:Amount`` and due date, so without a
base amount); an element holds one discount, so an instalment's further discounts are in
the text. Read back, a discount in a ``cac:PaymentTerms`` that states a due date is that
instalment's, one without a due date is on the whole invoice.

>>> from datetime import date
>>> from decimal import Decimal
>>> from payterms.einvoice import payment_part
>>> from payterms.terms import PaymentTerms
>>> terms = PaymentTerms.net(30)
>>> written = to_ubl(payment_part(terms.schedule(date(2026, 1, 15), Decimal("100")), terms))
>>> print(written.fragments[0].xml)
<cbc:DueDate
xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">2026-02-14</cbc:DueDate>
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING
from xml.etree.ElementTree import Element

from payterms.einvoice._read import Options, Stated, finish
from payterms.einvoice._write import plan
from payterms.einvoice._xml import (
    CAC,
    CBC,
    UBL_CREDIT_NOTE,
    UBL_INVOICE,
    child,
    children,
    make,
    name_of,
    parse_elements,
    read_amount,
    read_days,
    read_percent,
    read_text,
    read_ubl_date,
    serialize,
)
from payterms.einvoice.model import (
    DiscountTerm,
    Fragment,
    Note,
    PaymentPart,
    Profile,
    Reading,
    Syntax,
    Written,
)
from payterms.errors import InvalidDocument
from payterms.terms import Due, LineKind, PercentOf

if TYPE_CHECKING:
    from payterms.calendars import Adjustment, BusinessCalendar
    from payterms.terms import EndOfMonth

__all__ = ["read_ubl", "to_ubl"]

_ROOT = "Invoice"
_LABELS = {
    "BT-9": "cbc:DueDate (BT-9)",
    "BT-20": "cac:PaymentTerms/cbc:Note (BT-20)",
    "due": "cac:PaymentTerms instalment",
    "discount": "cac:PaymentTerms/cac:SettlementPeriod",
}


def _money(parent: Element, local: str, amount: Decimal, currency: str | None) -> None:
    attrs = {"currencyID": currency} if currency else {}
    make(parent, CBC, local, format(amount, "f"), **attrs)


def to_ubl(part: PaymentPart, profile: Profile = Profile.EN16931) -> Written:
    """Return the UBL 2.1 elements of the payment *part* for *profile*, and what went to text.

    :attr:`Profile.EN16931` (Peppol BIS Billing 3.0) and :attr:`Profile.XRECHNUNG` write
    ``cbc:DueDate`` (BT-9) and one ``cac:PaymentTerms/cbc:Note`` (BT-20); instalments,
    discounts and the penalty go into text, listed in :attr:`Written.in_text`.
    :attr:`Profile.EXTENDED` writes the structured ``cac:PaymentTerms`` of UBL 2.1.

    >>> from datetime import date
    >>> from decimal import Decimal
    >>> from payterms.einvoice import payment_part
    >>> from payterms.terms import PaymentTerms
    >>> terms = PaymentTerms.net(30).with_discount(2, "10D")
    >>> part = payment_part(terms.schedule(date(2026, 1, 15), Decimal("100")), terms, lang="nl")
    >>> print(to_ubl(part).fragments[1].xml)
    <cac:PaymentTerms
    xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
    xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"><cbc:Note>2%
    korting bij betaling binnen 10 dagen, betaling binnen 30 dagen</cbc:Note></cac:PaymentTerms>
    """
    decided = plan(part, profile)
    fragments: list[Fragment] = []
    if part.due_date is not None:
        fragments.append(
            Fragment(_ROOT, serialize(make(None, CBC, "DueDate", part.due_date.isoformat())))
        )
    for note in part.notes:
        element = make(None, CBC, "Note", f"#{note.subject}#{note.text}")
        fragments.append(Fragment(_ROOT, serialize(element)))
    if decided.structured:
        fragments += _structured(part, decided.text)
    elif decided.text is not None:
        terms = make(None, CAC, "PaymentTerms")
        make(terms, CBC, "Note", decided.text)
        fragments.append(Fragment(_ROOT, serialize(terms)))
    if part.mandate is not None:
        mandate = make(None, CAC, "PaymentMandate")
        make(mandate, CBC, "ID", part.mandate)
        fragments.append(Fragment(f"{_ROOT}/cac:PaymentMeans", serialize(mandate)))
    written_part = part if decided.text == part.terms_text else _with_text(part, decided.text)
    in_text = decided.in_text
    if decided.structured:
        in_text += _unstated_bases(part)
    return Written(Syntax.UBL, profile, written_part, tuple(fragments), in_text)


def _unstated_bases(part: PaymentPart) -> tuple[str, ...]:
    """Return a sentence per instalment discount whose base is not the instalment's amount."""
    out = []
    seen: set[int] = set()
    for d in part.discounts:
        index = d.installment
        if index is None or index in seen or index >= len(part.dues):
            continue
        seen.add(index)
        if d.basis_amount is not None and d.basis_amount != part.dues[index].amount:
            out.append(
                f"instalment {index + 1}'s discount is taken on {d.basis_amount}, which no "
                "element states (cbc:Amount is the instalment's amount): in the terms text "
                "(BT-20)"
            )
    return tuple(out)


def _with_text(part: PaymentPart, text: str | None) -> PaymentPart:
    from attrs import evolve

    return evolve(part, terms_text=text)


def _settlement_period(element: Element, discount: DiscountTerm) -> None:
    period = make(element, CAC, "SettlementPeriod")
    make(period, CBC, "StartDate", discount.basis_date.isoformat())
    make(period, CBC, "EndDate", discount.last_day.isoformat())
    make(period, CBC, "DurationMeasure", str(discount.days), unitCode="DAY")


def _structured(part: PaymentPart, text: str | None) -> list[Fragment]:
    out: list[Fragment] = []
    terms = part.terms
    several = len(part.dues) > 1
    own: dict[int, DiscountTerm] = {}  # each instalment's first discount: one per element
    for discount in part.discounts:
        if discount.installment is not None:
            own.setdefault(discount.installment, discount)
    for i, due in enumerate(part.dues):
        mine = own.get(i)
        element = make(None, CAC, "PaymentTerms")
        if i == 0 and text is not None:
            make(element, CBC, "Note", text)
        if mine is not None and mine.percent is not None:
            make(element, CBC, "SettlementDiscountPercent", format(mine.percent, "f"))
        if part.penalty is not None:
            make(element, CBC, "PenaltySurchargePercent", format(part.penalty, "f"))
        line = terms.installments[i] if terms is not None and i < len(terms.installments) else None
        if (
            line is not None
            and line.kind is LineKind.PERCENT
            and line.of is PercentOf.TOTAL
            and line.value is not None
        ):
            make(element, CBC, "PaymentPercent", format(line.value, "f"))
        _money(element, "Amount", due.amount, part.currency)
        if mine is not None and mine.amount is not None:
            _money(element, "SettlementDiscountAmount", mine.amount, part.currency)
        make(
            element,
            CBC,
            "InstallmentDueDate" if several else "PaymentDueDate",
            due.date.isoformat(),
        )
        if mine is not None:
            _settlement_period(element, mine)
        if part.penalty is not None:
            period = make(element, CAC, "PenaltyPeriod")
            make(period, CBC, "StartDate", (due.date + timedelta(days=1)).isoformat())
        out.append(Fragment(_ROOT, serialize(element)))
    if not part.dues and text is not None:
        element = make(None, CAC, "PaymentTerms")
        make(element, CBC, "Note", text)
        out.append(Fragment(_ROOT, serialize(element)))
    for discount in part.discounts:
        if discount.installment is not None:
            continue
        element = make(None, CAC, "PaymentTerms")
        if discount.percent is not None:  # a fixed-amount discount states its amount alone
            make(element, CBC, "SettlementDiscountPercent", format(discount.percent, "f"))
        if discount.basis_amount is not None:
            _money(element, "Amount", discount.basis_amount, part.currency)
        if discount.amount is not None:
            _money(element, "SettlementDiscountAmount", discount.amount, part.currency)
        _settlement_period(element, discount)
        out.append(Fragment(_ROOT, serialize(element)))
    return out


# --- reading ----------------------------------------------------------------------------

_FRAGMENTS = {
    f"{{{CBC}}}DueDate",
    f"{{{CBC}}}Note",
    f"{{{CAC}}}PaymentTerms",
    f"{{{CAC}}}PaymentMandate",
}
_STRUCTURED = (
    "ID",
    "PaymentMeansID",
    "PrepaidPaymentReferenceID",
    "ReferenceEventCode",
    "SettlementDiscountPercent",
    "PenaltySurchargePercent",
    "PaymentPercent",
    "Amount",
    "SettlementDiscountAmount",
    "PenaltyAmount",
    "PaymentTermsDetailsURI",
    "PaymentDueDate",
    "InstallmentDueDate",
    "InvoicingPartyReference",
    "SettlementPeriod",
    "PenaltyPeriod",
    "ExchangeRate",
    "ValidityPeriod",
)


def _root(document: str | bytes) -> Element:
    return parse_elements(
        document,
        _FRAGMENTS,
        "a payment element of a UBL invoice (cbc:DueDate, cbc:Note, cac:PaymentTerms, "
        "cac:PaymentMandate) in the UBL 2.1 namespaces",
    )


def _notes(elements: list[Element]) -> tuple[Note, ...]:
    out = []
    for element in elements:
        text = element.text or ""
        if text.startswith("#") and text.count("#") >= 2:
            code, _, rest = text[1:].partition("#")
            if code in ("AAB", "PMD", "PMT"):
                out.append(Note(code, rest))
    return tuple(out)


def _payment_terms(
    blocks: list[Element], currency: str | None, issue: date | None
) -> tuple[
    list[str], list[Due], list[Decimal | None], list[DiscountTerm], Decimal | None, list[str]
]:
    texts: list[str] = []
    dues: list[Due] = []
    percents: list[Decimal | None] = []
    discounts: list[DiscountTerm] = []
    penalty: Decimal | None = None
    elements: list[str] = []
    for block in blocks:
        elements.append("cac:PaymentTerms")
        for name in _STRUCTURED:
            elements += [
                f"cac:PaymentTerms/{name_of(e)}" for e in block.findall(f"{{{CBC}}}{name}")
            ]
            elements += [
                f"cac:PaymentTerms/{name_of(e)}" for e in block.findall(f"{{{CAC}}}{name}")
            ]
        texts += [
            read_text(n, "cac:PaymentTerms/cbc:Note (BT-20)") for n in children(block, CBC, "Note")
        ]
        percent = child(block, CBC, "SettlementDiscountPercent")
        discount_amount = child(block, CBC, "SettlementDiscountAmount")
        penalty_element = child(block, CBC, "PenaltySurchargePercent")
        if penalty_element is not None:
            value = read_percent(penalty_element, "cbc:PenaltySurchargePercent", upper=False)
            if penalty is not None and value != penalty:
                raise InvalidDocument(
                    "cbc:PenaltySurchargePercent", str(value), f"one penalty rate ({penalty})"
                )
            penalty = value
        amount_element = child(block, CBC, "Amount")
        amount = (
            None if amount_element is None else read_amount(amount_element, "cbc:Amount", currency)
        )
        due_element = child(block, CBC, "InstallmentDueDate")
        if due_element is None:
            due_element = child(block, CBC, "PaymentDueDate")
        if due_element is None:
            if percent is not None or discount_amount is not None:
                # a discount on the whole invoice: cbc:Amount is the amount it is taken on
                discounts.append(_discount(block, percent, amount, currency, issue, None))
            continue
        if amount is None:
            raise InvalidDocument(
                "cac:PaymentTerms/cbc:Amount", "", "the instalment amount beside its due date"
            )
        pct = child(block, CBC, "PaymentPercent")
        dues.append(Due(read_ubl_date(due_element), amount))
        percents.append(
            None if pct is None else read_percent(pct, "cbc:PaymentPercent", upper=False)
        )
        if percent is not None or discount_amount is not None:
            # the instalment's own discount: cbc:Amount is the instalment's amount
            discounts.append(_discount(block, percent, None, currency, issue, len(dues) - 1))
    return texts, dues, percents, discounts, penalty, elements


def _discount(
    block: Element,
    percent: Element | None,
    base: Decimal | None,
    currency: str | None,
    issue: date | None,
    installment: int | None,
) -> DiscountTerm:
    value = None if percent is None else read_percent(percent, "cbc:SettlementDiscountPercent")
    amount_element = child(block, CBC, "SettlementDiscountAmount")
    amount = None if amount_element is None else read_amount(amount_element, None, currency)
    period = child(block, CAC, "SettlementPeriod")
    if period is None:
        raise InvalidDocument(
            "cac:PaymentTerms/cac:SettlementPeriod",
            "",
            "the period of the discount beside its percent",
        )
    start_element = child(period, CBC, "StartDate")
    end_element = child(period, CBC, "EndDate")
    measure = child(period, CBC, "DurationMeasure")
    start = (
        None
        if start_element is None
        else read_ubl_date(start_element, "cac:SettlementPeriod/cbc:StartDate")
    )
    end = (
        None
        if end_element is None
        else read_ubl_date(end_element, "cac:SettlementPeriod/cbc:EndDate")
    )
    days = (
        None if measure is None else read_days(measure, "cac:SettlementPeriod/cbc:DurationMeasure")
    )
    start = start or issue
    if start is None:
        raise InvalidDocument(
            "cac:SettlementPeriod/cbc:StartDate",
            "",
            "the start of the discount period (or the issue date)",
        )
    if end is not None:
        if end < start:
            raise InvalidDocument(
                "cac:SettlementPeriod/cbc:EndDate", end.isoformat(), f"a date on or after {start}"
            )
        if days is not None and (end - start).days != days:
            raise InvalidDocument(
                "cac:SettlementPeriod/cbc:DurationMeasure",
                str(days),
                f"the days from StartDate to EndDate ({(end - start).days})",
            )
        days = (end - start).days
    if days is None:
        raise InvalidDocument("cac:SettlementPeriod", "", "an EndDate or a DurationMeasure in days")
    return DiscountTerm(value, start, days, base, amount, installment)


def read_ubl(
    document: str | bytes,
    *,
    issue_date: date | None = None,
    amount: Decimal | int | str | None = None,
    currency: str | None = None,
    tax: Decimal | int | str | None = None,
    start: date | None = None,
    lang: str | None = None,
    reading: EndOfMonth | None = None,
    calendar: BusinessCalendar | None = None,
    adjustment: Adjustment | None = None,
) -> Reading:
    """Return what a UBL invoice or credit note (or its payment elements) says about payment.

    *document* is a whole ``Invoice`` or ``CreditNote``, or payment elements alone
    (``cbc:DueDate``, ``cac:PaymentTerms``, ...; then give *issue_date*, *amount* and
    *currency*, which a whole document states). The terms come from the BT-20 text (in
    *lang*, or any of the four languages) and its ``#SKONTO#`` lines, else from the
    structured ``cac:PaymentTerms``; the schedule they give for the issue date (or *start*)
    and the amount due (*tax* for a discount base; with a *calendar*, dates move to its
    business days by *adjustment*, ``FOLLOWING`` unless given) is compared with the dates
    and amounts stated. *reading* fixes the reading of "N days end
    of month"; without it, the reading the stated due date agrees with is applied, and
    noted. Malformed XML, an unknown namespace or a value the specification does not allow
    raises :class:`~payterms.errors.InvalidDocument` naming the element and the value.

    >>> from datetime import date
    >>> xml = ('<cac:PaymentTerms xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:'
    ...        'CommonAggregateComponents-2" xmlns:cbc="urn:oasis:names:specification:ubl:'
    ...        'schema:xsd:CommonBasicComponents-2"><cbc:Note>30 jours fin de mois</cbc:Note>'
    ...        '</cac:PaymentTerms>')
    >>> r = read_ubl(xml, issue_date=date(2026, 1, 15), amount="100.00", currency="EUR")
    >>> str(r.terms.installments[0].rule), r.schedule.final_due
    ('CM+30D', datetime.date(2026, 3, 2))
    """
    options = Options.check(
        issue_date=issue_date,
        amount=amount,
        currency=currency,
        tax=tax,
        start=start,
        lang=lang,
        reading=reading,
        calendar=calendar,
        adjustment=adjustment,
    )
    root = _root(document)
    return finish(_stated(root, options), options)


def _stated(root: Element, options: Options) -> Stated:
    if root.tag == "fragments":
        whole = False
        credit = False
    elif root.tag in (f"{{{UBL_INVOICE}}}Invoice", f"{{{UBL_CREDIT_NOTE}}}CreditNote"):
        whole = True
        credit = root.tag.endswith("CreditNote")
    else:
        raise InvalidDocument(
            "document",
            root.tag,
            "a UBL 2.1 Invoice or CreditNote (namespace "
            f"{UBL_INVOICE} or {UBL_CREDIT_NOTE}), or a Cross Industry Invoice (read_cii)",
        )
    elements: list[str] = []
    issue = currency = amount_due = tax = None
    profile = Profile.EN16931
    if whole:
        issue_element = child(root, CBC, "IssueDate")
        issue = (
            None if issue_element is None else read_ubl_date(issue_element, "cbc:IssueDate (BT-2)")
        )
        currency_element = child(root, CBC, "DocumentCurrencyCode")
        currency = (
            None
            if currency_element is None
            else read_text(currency_element, "cbc:DocumentCurrencyCode (BT-5)")
        )
        total = child(root, CAC, "LegalMonetaryTotal")
        payable = None if total is None else child(total, CBC, "PayableAmount")
        amount_due = (
            None
            if payable is None
            else read_amount(payable, "cbc:PayableAmount (BT-115)", currency)
        )
        for tax_total in children(root, CAC, "TaxTotal"):
            amount_element = child(tax_total, CBC, "TaxAmount")
            if amount_element is not None and amount_element.get("currencyID") in (None, currency):
                tax = read_amount(amount_element, "cac:TaxTotal/cbc:TaxAmount (BT-110)")
        custom = child(root, CBC, "CustomizationID")
        customization = "" if custom is None else (custom.text or "").lower()
        if "xrechnung" in customization:
            profile = Profile.XRECHNUNG
        elif "extended" in customization:
            profile = Profile.EXTENDED
    due_elements = children(root, CBC, "DueDate")
    elements += ["cbc:DueDate"] * len(due_elements)
    means = children(root, CAC, "PaymentMeans")
    means_due = [e for m in means for e in children(m, CBC, "PaymentDueDate")]
    elements += ["cac:PaymentMeans/cbc:PaymentDueDate"] * len(means_due)
    if len(due_elements) > 1:
        raise InvalidDocument(
            "cbc:DueDate (BT-9)", f"{len(due_elements)} elements", "at most one (UBL-SR-45)"
        )
    due_date = None
    if due_elements:
        due_date = read_ubl_date(due_elements[0], "cbc:DueDate (BT-9)")
    elif means_due and (credit or not whole):
        dates = {read_ubl_date(e, "cac:PaymentMeans/cbc:PaymentDueDate (BT-9)") for e in means_due}
        if len(dates) > 1:
            raise InvalidDocument(
                "cac:PaymentMeans/cbc:PaymentDueDate", sorted(dates), "one due date"
            )
        due_date = dates.pop()
    mandates = [e for m in means for e in children(m, CAC, "PaymentMandate")]
    mandates += children(root, CAC, "PaymentMandate")
    mandate_ids = {
        read_text(i, "cac:PaymentMandate/cbc:ID (BT-89)")
        for m in mandates
        for i in children(m, CBC, "ID")
    }
    if len(mandate_ids) > 1:
        raise InvalidDocument(
            "cac:PaymentMandate/cbc:ID (BT-89)", sorted(mandate_ids), "one mandate (UBL-SR-55)"
        )
    blocks = children(root, CAC, "PaymentTerms")
    issue_for_periods = issue or options.issue_date
    texts, dues, percents, discounts, penalty, found = _payment_terms(
        blocks, currency or options.currency, issue_for_periods
    )
    elements += found
    if not whole and (dues or discounts or penalty is not None):
        profile = Profile.EXTENDED  # elements alone: the structure tells the profile
    if len(dues) == 1 and due_date is None:
        due_date = dues[0].date
    return Stated(
        Syntax.UBL,
        profile,
        dict(_LABELS),
        issue_date=issue,
        currency=currency,
        amount_due=amount_due,
        tax=tax,
        due_date=due_date,
        texts=tuple(texts),
        dues=tuple(dues),
        percents=tuple(percents),
        discounts=tuple(discounts),
        penalty=penalty,
        mandate=mandate_ids.pop() if mandate_ids else None,
        notes=_notes(children(root, CBC, "Note")),
        elements=tuple(elements),
    )

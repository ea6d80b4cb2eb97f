"""The payment part of a Cross Industry Invoice (EN 16931-3-3; Factur-X, ZUGFeRD, XRechnung CII).

In ``rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement`` the EN 16931
binding maps BT-20 *Payment terms* to ``ram:SpecifiedTradePaymentTerms/ram:Description``,
BT-9 *Payment due date* to ``ram:DueDateDateTime/udt:DateTimeString`` (``format="102"``,
CCYYMMDD) and BT-89 *Mandate reference identifier* to ``ram:DirectDebitMandateID``; the
Factur-X / ZUGFeRD EN16931 schema allows one ``ram:SpecifiedTradePaymentTerms`` with these
three children only (CII-SR-452, CII-SR-453 hold them to one). Invoice notes (BT-21/BT-22)
are ``rsm:ExchangedDocument/ram:IncludedNote`` with ``ram:Content`` and ``ram:SubjectCode``.

The Factur-X / ZUGFeRD EXTENDED schema allows several ``ram:SpecifiedTradePaymentTerms``,
each with ``ram:PartialPaymentAmount`` and one ``ram:ApplicableTradePaymentPenaltyTerms`` and
one ``ram:ApplicableTradePaymentDiscountTerms`` (``ram:BasisDateTime``,
``ram:BasisPeriodMeasure`` in ``DAY``, ``ram:BasisAmount``, ``ram:CalculationPercent``,
``ram:ActualDiscountAmount``; the EXTENDED Schematron marks ``@currencyID`` on the amounts of
these terms as not used). :func:`to_cii` writes one payment terms element per instalment
(BT-20 on the first) and one per discount on the whole invoice. An instalment's own
discount goes into that instalment's element, which then states its
``ram:PartialPaymentAmount`` even when it is the only one (a discount in an element without
a partial amount is read as a discount on the whole invoice); an element holds one
discount, so an instalment's further discounts are in the text. A fixed-amount discount
states ``ram:ActualDiscountAmount`` without ``ram:CalculationPercent`` (optional in the
Factur-X 1.09 EXTENDED schema).

>>> from datetime import date
>>> from decimal import Decimal
>>> from payterms.einvoice import payment_part
>>> from payterms.terms import PaymentTerms
>>> terms = PaymentTerms.net(30)
>>> written = to_cii(payment_part(terms.schedule(date(2026, 1, 15), Decimal("100")), terms))
>>> print(written.fragments[0].xml)  # doctest: +NORMALIZE_WHITESPACE
<ram:SpecifiedTradePaymentTerms
xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"
xmlns:udt="urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100"><ram:Description>net
30 days</ram:Description><ram:DueDateDateTime><udt:DateTimeString
format="102">20260214</udt:DateTimeString></ram:DueDateDateTime></ram:SpecifiedTradePaymentTerms>
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING
from xml.etree.ElementTree import Element

from attrs import evolve

from payterms.einvoice._read import Options, Stated, finish
from payterms.einvoice._write import plan
from payterms.einvoice._xml import (
    RAM,
    RSM,
    UDT,
    child,
    children,
    make,
    name_of,
    parse_elements,
    read_amount,
    read_cii_date,
    read_days,
    read_percent,
    read_text,
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
from payterms.terms import Due

if TYPE_CHECKING:
    from payterms.calendars import Adjustment, BusinessCalendar
    from payterms.terms import EndOfMonth

__all__ = ["read_cii", "to_cii"]

_SETTLEMENT = (
    "rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement"
)
_DOCUMENT = "rsm:CrossIndustryInvoice/rsm:ExchangedDocument"
_LABELS = {
    "BT-9": "ram:DueDateDateTime (BT-9)",
    "BT-20": "ram:SpecifiedTradePaymentTerms/ram:Description (BT-20)",
    "due": "ram:SpecifiedTradePaymentTerms instalment",
    "discount": "ram:ApplicableTradePaymentDiscountTerms",
}


def _date(parent: Element, local: str, day: date) -> None:
    holder = make(parent, RAM, local)
    make(holder, UDT, "DateTimeString", day.strftime("%Y%m%d"), format="102")


def to_cii(part: PaymentPart, profile: Profile = Profile.EN16931) -> Written:
    """Return the CII elements of the payment *part* for *profile*, and what went to text.

    :attr:`Profile.EN16931` (Factur-X / ZUGFeRD EN16931) and :attr:`Profile.XRECHNUNG` write
    one ``ram:SpecifiedTradePaymentTerms`` with the BT-20 text, BT-9 and BT-89; instalments,
    discounts and the penalty go into text (XRechnung: the discounts as ``#SKONTO#`` lines),
    listed in :attr:`Written.in_text`. :attr:`Profile.EXTENDED` writes the structured terms of
    Factur-X / ZUGFeRD EXTENDED. The notes of the part become ``ram:IncludedNote`` elements.

    >>> from datetime import date
    >>> from decimal import Decimal
    >>> from payterms.einvoice import payment_part
    >>> from payterms.terms import PaymentTerms
    >>> terms = PaymentTerms.net(30).with_discount(2, "14D")
    >>> part = payment_part(terms.schedule(date(2026, 1, 15), Decimal("100")), terms, lang="de")
    >>> print(to_cii(part, Profile.XRECHNUNG).part.terms_text)
    #SKONTO#TAGE=14#PROZENT=2.00#
    30 Tage netto
    """
    decided = plan(part, profile)
    fragments: list[Fragment] = []
    for note in part.notes:
        element = make(None, RAM, "IncludedNote")
        make(element, RAM, "Content", note.text)
        make(element, RAM, "SubjectCode", note.subject)
        fragments.append(Fragment(_DOCUMENT, serialize(element)))
    if decided.structured:
        fragments += _structured(part, decided.text)
    elif decided.text is not None or part.due_date is not None or part.mandate is not None:
        element = make(None, RAM, "SpecifiedTradePaymentTerms")
        if decided.text is not None:
            make(element, RAM, "Description", decided.text)
        if part.due_date is not None:
            _date(element, "DueDateDateTime", part.due_date)
        if part.mandate is not None:
            make(element, RAM, "DirectDebitMandateID", part.mandate)
        fragments.append(Fragment(_SETTLEMENT, serialize(element)))
    written = part if decided.text == part.terms_text else evolve(part, terms_text=decided.text)
    return Written(Syntax.CII, profile, written, tuple(fragments), decided.in_text)


def _discount_terms(parent: Element, discount: DiscountTerm) -> None:
    terms = make(parent, RAM, "ApplicableTradePaymentDiscountTerms")
    _date(terms, "BasisDateTime", discount.basis_date)
    make(terms, RAM, "BasisPeriodMeasure", str(discount.days), unitCode="DAY")
    if discount.basis_amount is not None:
        make(terms, RAM, "BasisAmount", format(discount.basis_amount, "f"))
    if discount.percent is not None:  # a fixed-amount discount states its amount alone
        make(terms, RAM, "CalculationPercent", format(discount.percent, "f"))
    if discount.amount is not None:
        make(terms, RAM, "ActualDiscountAmount", format(discount.amount, "f"))


def _structured(part: PaymentPart, text: str | None) -> list[Fragment]:
    out: list[Fragment] = []
    own: dict[int, DiscountTerm] = {}  # each instalment's first discount: one per element
    for discount in part.discounts:
        if discount.installment is not None:
            own.setdefault(discount.installment, discount)
    # an instalment with a discount of its own states its amount, which marks the
    # discount as that instalment's (a block without one holds a whole-invoice discount)
    several = len(part.dues) > 1 or bool(own)
    dues = part.dues or (
        (Due(part.due_date, part.amount_due or Decimal(0)),) if part.due_date else ()
    )
    for i, due in enumerate(dues):
        element = make(None, RAM, "SpecifiedTradePaymentTerms")
        if i == 0 and text is not None:
            make(element, RAM, "Description", text)
        _date(element, "DueDateDateTime", due.date)
        if i == 0 and part.mandate is not None:
            make(element, RAM, "DirectDebitMandateID", part.mandate)
        if several:
            make(element, RAM, "PartialPaymentAmount", format(due.amount, "f"))
        if part.penalty is not None:
            penalty = make(element, RAM, "ApplicableTradePaymentPenaltyTerms")
            _date(penalty, "BasisDateTime", due.date)
            make(penalty, RAM, "CalculationPercent", format(part.penalty, "f"))
        if i in own:
            _discount_terms(element, own[i])
        out.append(Fragment(_SETTLEMENT, serialize(element)))
    if not dues and (text is not None or part.mandate is not None):
        element = make(None, RAM, "SpecifiedTradePaymentTerms")
        if text is not None:
            make(element, RAM, "Description", text)
        if part.mandate is not None:
            make(element, RAM, "DirectDebitMandateID", part.mandate)
        out.append(Fragment(_SETTLEMENT, serialize(element)))
    for discount in part.discounts:
        if discount.installment is None:
            element = make(None, RAM, "SpecifiedTradePaymentTerms")
            _discount_terms(element, discount)
            out.append(Fragment(_SETTLEMENT, serialize(element)))
    return out


# --- reading ----------------------------------------------------------------------------

_FRAGMENTS = {f"{{{RAM}}}SpecifiedTradePaymentTerms", f"{{{RAM}}}IncludedNote"}


def _root(document: str | bytes) -> Element:
    return parse_elements(
        document,
        _FRAGMENTS,
        "a payment element of a Cross Industry Invoice (ram:SpecifiedTradePaymentTerms, "
        "ram:IncludedNote) in the UN/CEFACT namespaces",
    )


def _discount(terms: Element, base_date: date | None, installment: int | None) -> DiscountTerm:
    where = "ram:ApplicableTradePaymentDiscountTerms"
    percent_element = child(terms, RAM, "CalculationPercent")
    actual = child(terms, RAM, "ActualDiscountAmount")
    if percent_element is None and actual is None:
        raise InvalidDocument(
            f"{where}/ram:CalculationPercent",
            "",
            "the discount percentage (or, for a fixed-amount discount, ram:ActualDiscountAmount)",
        )
    percent = (
        None
        if percent_element is None
        else read_percent(percent_element, f"{where}/ram:CalculationPercent")
    )
    basis = child(terms, RAM, "BasisDateTime")
    basis_date = base_date if basis is None else read_cii_date(basis, f"{where}/ram:BasisDateTime")
    if basis_date is None:
        raise InvalidDocument(
            f"{where}/ram:BasisDateTime", "", "the date the discount period counts from"
        )
    measure = child(terms, RAM, "BasisPeriodMeasure")
    if measure is None:
        raise InvalidDocument(f"{where}/ram:BasisPeriodMeasure", "", "the discount period in days")
    days = read_days(measure, f"{where}/ram:BasisPeriodMeasure")
    base = child(terms, RAM, "BasisAmount")
    return DiscountTerm(
        percent,
        basis_date,
        days,
        None if base is None else read_amount(base, f"{where}/ram:BasisAmount"),
        None if actual is None else read_amount(actual, f"{where}/ram:ActualDiscountAmount"),
        installment,
    )


def read_cii(
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
    r"""Return what a Cross Industry Invoice (or its payment elements) says about payment.

    *document* is a whole ``rsm:CrossIndustryInvoice`` (Factur-X, ZUGFeRD, XRechnung CII)
    or payment elements alone (``ram:SpecifiedTradePaymentTerms``, ``ram:IncludedNote``;
    then give *issue_date*, *amount* and *currency*). The other arguments are those of
    :func:`payterms.einvoice.read_ubl`.

    >>> from datetime import date
    >>> xml = ('<ram:SpecifiedTradePaymentTerms xmlns:ram="urn:un:unece:uncefact:data:'
    ...        'standard:ReusableAggregateBusinessInformationEntity:100"><ram:Description>'
    ...        '#SKONTO#TAGE=14#PROZENT=2.00#\n30 Tage netto</ram:Description>'
    ...        '</ram:SpecifiedTradePaymentTerms>')
    >>> r = read_cii(xml, issue_date=date(2026, 1, 15), amount="1000.00", currency="EUR")
    >>> r.terms.describe("en"), r.schedule.discounts[0].payable
    ('2% discount within 14 days, net 30 days', Decimal('980.00'))
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
    profile = Profile.EN16931
    issue = currency = amount_due = tax = None
    if root.tag == "fragments":
        settlement: Element = root
        note_elements = children(root, RAM, "IncludedNote")
    elif root.tag == f"{{{RSM}}}CrossIndustryInvoice":
        context = child(root, RSM, "ExchangedDocumentContext")
        guideline = (
            None
            if context is None
            else child(context, RAM, "GuidelineSpecifiedDocumentContextParameter")
        )
        guideline_id = None if guideline is None else child(guideline, RAM, "ID")
        gid = "" if guideline_id is None else (guideline_id.text or "").lower()
        if "xrechnung" in gid:
            profile = Profile.XRECHNUNG
        elif "extended" in gid:
            profile = Profile.EXTENDED
        document = child(root, RSM, "ExchangedDocument")
        note_elements = [] if document is None else children(document, RAM, "IncludedNote")
        issue_element = None if document is None else child(document, RAM, "IssueDateTime")
        issue = (
            None
            if issue_element is None
            else read_cii_date(issue_element, "ram:IssueDateTime (BT-2)")
        )
        transaction = child(root, RSM, "SupplyChainTradeTransaction")
        found = (
            None
            if transaction is None
            else child(transaction, RAM, "ApplicableHeaderTradeSettlement")
        )
        if found is None:
            raise InvalidDocument(
                "ram:ApplicableHeaderTradeSettlement",
                "",
                "the settlement of the invoice (BG-16 and BT-115 live there)",
            )
        settlement = found
        currency_element = child(settlement, RAM, "InvoiceCurrencyCode")
        currency = (
            None
            if currency_element is None
            else read_text(currency_element, "ram:InvoiceCurrencyCode (BT-5)")
        )
        summation = child(settlement, RAM, "SpecifiedTradeSettlementHeaderMonetarySummation")
        if summation is not None:
            due_payable = child(summation, RAM, "DuePayableAmount")
            amount_due = (
                None
                if due_payable is None
                else read_amount(due_payable, "ram:DuePayableAmount (BT-115)")
            )
            for tax_total in children(summation, RAM, "TaxTotalAmount"):
                if tax_total.get("currencyID") in (None, currency):
                    tax = read_amount(tax_total, "ram:TaxTotalAmount (BT-110)")
    else:
        raise InvalidDocument(
            "document",
            root.tag,
            f"a Cross Industry Invoice (namespace {RSM}), or a UBL invoice (read_ubl)",
        )
    notes = []
    for note in note_elements:
        code = child(note, RAM, "SubjectCode")
        content = child(note, RAM, "Content")
        if (
            code is not None
            and content is not None
            and (code.text or "").strip() in ("AAB", "PMD", "PMT")
        ):
            notes.append(Note((code.text or "").strip(), content.text or ""))
    texts: list[str] = []
    dues: list[Due] = []
    discounts: list[DiscountTerm] = []
    penalty: Decimal | None = None
    mandates: set[str] = set()
    elements: list[str] = []
    due_date: date | None = None
    base_date = issue or options.issue_date
    blocks = children(settlement, RAM, "SpecifiedTradePaymentTerms")
    several = len([b for b in blocks if child(b, RAM, "PartialPaymentAmount") is not None]) > 0
    for block in blocks:
        elements.append("ram:SpecifiedTradePaymentTerms")
        elements += [f"ram:SpecifiedTradePaymentTerms/{name_of(e)}" for e in block]
        for description in children(block, RAM, "Description"):
            texts.append(read_text(description, _LABELS["BT-20"]))
        for mandate in children(block, RAM, "DirectDebitMandateID"):
            mandates.add(read_text(mandate, "ram:DirectDebitMandateID (BT-89)"))
        due_element = child(block, RAM, "DueDateDateTime")
        day = None if due_element is None else read_cii_date(due_element, _LABELS["BT-9"])
        partial = child(block, RAM, "PartialPaymentAmount")
        if day is not None:
            due_date = day if due_date is None else min(due_date, day)
            if several or partial is not None:
                if partial is None:
                    raise InvalidDocument(
                        "ram:PartialPaymentAmount",
                        "",
                        "the amount of each instalment beside its due date",
                    )
                dues.append(Due(day, read_amount(partial, "ram:PartialPaymentAmount")))
        elif partial is not None:
            raise InvalidDocument("ram:DueDateDateTime", "", "the due date of the partial payment")
        penalty_terms = child(block, RAM, "ApplicableTradePaymentPenaltyTerms")
        if penalty_terms is not None:
            pct = child(penalty_terms, RAM, "CalculationPercent")
            if pct is not None:
                value = read_percent(
                    pct,
                    "ram:ApplicableTradePaymentPenaltyTerms/ram:CalculationPercent",
                    upper=False,
                )
                if penalty is not None and value != penalty:
                    raise InvalidDocument(
                        "ram:CalculationPercent", str(value), f"one penalty rate ({penalty})"
                    )
                penalty = value
        discount_terms = child(block, RAM, "ApplicableTradePaymentDiscountTerms")
        if discount_terms is not None:
            # in a block that states an instalment (its partial amount), the discount is
            # that instalment's; otherwise it is a discount on the whole invoice
            index = len(dues) - 1 if partial is not None and day is not None else None
            discounts.append(_discount(discount_terms, base_date, index))
    if len(mandates) > 1:
        raise InvalidDocument("ram:DirectDebitMandateID (BT-89)", sorted(mandates), "one mandate")
    if root.tag == "fragments" and (dues or discounts or penalty is not None):
        profile = Profile.EXTENDED  # elements alone: the structure tells the profile
    if not dues and due_date is not None and profile is Profile.EXTENDED and amount_due is not None:
        dues = [Due(due_date, amount_due)]
    elif (
        not dues
        and due_date is not None
        and profile is Profile.EXTENDED
        and options.amount is not None
    ):
        dues = [Due(due_date, options.amount)]
    return Stated(
        Syntax.CII,
        profile,
        dict(_LABELS),
        issue_date=issue,
        currency=currency,
        amount_due=amount_due,
        tax=tax,
        due_date=due_date,
        texts=tuple(texts),
        dues=tuple(dues),
        discounts=tuple(discounts),
        penalty=penalty,
        mandate=mandates.pop() if mandates else None,
        notes=tuple(notes),
        elements=tuple(elements),
    )

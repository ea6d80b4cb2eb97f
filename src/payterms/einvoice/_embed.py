"""Place written payment elements into a whole invoice, in schema order (for Written.embed).

Private module. The orders of the children come from the schemas shipped with the
specifications: UBL 2.1 ``maindoc/UBL-Invoice-2.1.xsd`` and ``PaymentMeansType`` of
``UBL-CommonAggregateComponents-2.1.xsd``; Factur-X 1.09 EXTENDED (a superset of the
EN16931 profile) ``ExchangedDocumentType`` and ``HeaderTradeSettlementType``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from xml.etree.ElementTree import Element

from payterms.einvoice._xml import PREFIXES, RAM, name_of, parse, serialize
from payterms.errors import InvalidDocument

__all__ = ["embed"]

_UBL_INVOICE_ORDER = [
    "ext:UBLExtensions",
    "cbc:UBLVersionID",
    "cbc:CustomizationID",
    "cbc:ProfileID",
    "cbc:ProfileExecutionID",
    "cbc:ID",
    "cbc:CopyIndicator",
    "cbc:UUID",
    "cbc:IssueDate",
    "cbc:IssueTime",
    "cbc:DueDate",
    "cbc:InvoiceTypeCode",
    "cbc:Note",
    "cbc:TaxPointDate",
    "cbc:DocumentCurrencyCode",
    "cbc:TaxCurrencyCode",
    "cbc:PricingCurrencyCode",
    "cbc:PaymentCurrencyCode",
    "cbc:PaymentAlternativeCurrencyCode",
    "cbc:AccountingCostCode",
    "cbc:AccountingCost",
    "cbc:LineCountNumeric",
    "cbc:BuyerReference",
    "cac:InvoicePeriod",
    "cac:OrderReference",
    "cac:BillingReference",
    "cac:DespatchDocumentReference",
    "cac:ReceiptDocumentReference",
    "cac:StatementDocumentReference",
    "cac:OriginatorDocumentReference",
    "cac:ContractDocumentReference",
    "cac:AdditionalDocumentReference",
    "cac:ProjectReference",
    "cac:Signature",
    "cac:AccountingSupplierParty",
    "cac:AccountingCustomerParty",
    "cac:PayeeParty",
    "cac:BuyerCustomerParty",
    "cac:SellerSupplierParty",
    "cac:TaxRepresentativeParty",
    "cac:Delivery",
    "cac:DeliveryTerms",
    "cac:PaymentMeans",
    "cac:PaymentTerms",
    "cac:PrepaidPayment",
    "cac:AllowanceCharge",
    "cac:TaxExchangeRate",
    "cac:PricingExchangeRate",
    "cac:PaymentExchangeRate",
    "cac:PaymentAlternativeExchangeRate",
    "cac:TaxTotal",
    "cac:WithholdingTaxTotal",
    "cac:LegalMonetaryTotal",
    "cac:InvoiceLine",
]
_UBL_MEANS_ORDER = [
    "cbc:ID",
    "cbc:PaymentMeansCode",
    "cbc:PaymentDueDate",
    "cbc:PaymentChannelCode",
    "cbc:InstructionID",
    "cbc:InstructionNote",
    "cbc:PaymentID",
    "cac:CardAccount",
    "cac:PayerFinancialAccount",
    "cac:PayeeFinancialAccount",
    "cac:CreditAccount",
    "cac:PaymentMandate",
    "cac:TradeFinancing",
]
_CII_DOCUMENT_ORDER = [
    "ram:ID",
    "ram:Name",
    "ram:TypeCode",
    "ram:IssueDateTime",
    "ram:CopyIndicator",
    "ram:LanguageID",
    "ram:IncludedNote",
    "ram:EffectiveSpecifiedPeriod",
]
_CII_SETTLEMENT_ORDER = [
    "ram:CreditorReferenceID",
    "ram:PaymentReference",
    "ram:TaxCurrencyCode",
    "ram:InvoiceCurrencyCode",
    "ram:InvoiceIssuerReference",
    "ram:InvoicerTradeParty",
    "ram:InvoiceeTradeParty",
    "ram:PayeeTradeParty",
    "ram:PayerTradeParty",
    "ram:TaxApplicableTradeCurrencyExchange",
    "ram:SpecifiedTradeSettlementPaymentMeans",
    "ram:ApplicableTradeTax",
    "ram:BillingSpecifiedPeriod",
    "ram:SpecifiedTradeAllowanceCharge",
    "ram:SpecifiedLogisticsServiceCharge",
    "ram:SpecifiedTradePaymentTerms",
    "ram:SpecifiedTradeSettlementHeaderMonetarySummation",
    "ram:SpecifiedFinancialAdjustment",
    "ram:InvoiceReferencedDocument",
    "ram:ReceivableSpecifiedTradeAccountingAccount",
    "ram:SpecifiedAdvancePayment",
]
_CII_SETTLEMENT = (
    "rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement"
)
_ORDERS = {
    "Invoice": _UBL_INVOICE_ORDER,
    "Invoice/cac:PaymentMeans": _UBL_MEANS_ORDER,
    "rsm:CrossIndustryInvoice/rsm:ExchangedDocument": _CII_DOCUMENT_ORDER,
    _CII_SETTLEMENT: _CII_SETTLEMENT_ORDER,
}
_XMLNS = re.compile(r"""xmlns(?::([A-Za-z_][\w.-]*))?\s*=\s*["']([^"']*)["']""")
_CODES = ("AAB", "PMD", "PMT")


def _find(root: Element, path: str) -> list[Element]:
    steps = path.split("/")
    if name_of(root) != steps[0]:
        raise InvalidDocument("document", name_of(root), f"an invoice whose root is {steps[0]}")
    found = [root]
    for step in steps[1:]:
        found = [c for parent in found for c in parent if name_of(c) == step]
    if not found:
        raise InvalidDocument(
            steps[-1], "", f"the element {path} in the invoice, to hold the payment elements"
        )
    return found


def _replaced(parent: Element, element: Element, written: set[str]) -> bool:
    """Return whether *element* is a payment element the fragments replace."""
    name = name_of(element)
    if name in (
        "cbc:DueDate",
        "cac:PaymentTerms",
        "ram:SpecifiedTradePaymentTerms",
        "cac:PaymentMandate",
    ):
        return name in written
    if name == "cbc:Note" and name_of(parent) == "Invoice":
        text = element.text or ""
        return any(text.startswith(f"#{code}#") and code in written for code in _CODES)
    if name == "ram:IncludedNote":
        code = element.find(f"{{{RAM}}}SubjectCode")
        return code is not None and (code.text or "").strip() in written
    return False


def _insert(parent: Element, element: Element, order: list[str]) -> None:
    rank = order.index(name_of(element))
    at = 0
    for i, node in enumerate(parent):
        name = name_of(node)
        if name in order and order.index(name) <= rank:
            at = i + 1
    parent.insert(at, element)


def embed(fragments: Sequence[tuple[str, str]], document: str | bytes, *, ubl: bool) -> str:
    """Return *document* with the *fragments* in their places (see Written.embed).

    Each fragment is ``(xml, parent path)``; *ubl* says which syntax the fragments are in.
    """
    text = document.decode("utf-8", "replace") if isinstance(document, bytes) else document
    root = parse(document)
    prefixes = dict(PREFIXES)
    for prefix, uri in _XMLNS.findall(text):
        if uri not in prefixes:
            prefixes[uri] = prefix or f"ns{len(prefixes)}"
    expected = "Invoice" if ubl else "rsm:CrossIndustryInvoice"
    if name_of(root) != expected:
        raise InvalidDocument(
            "document",
            name_of(root),
            f"a whole {'UBL' if ubl else 'CII'} invoice (root {expected})",
        )
    new: dict[str, list[Element]] = {}
    for xml, parent_path in fragments:
        node = parse(xml)
        new.setdefault(parent_path, []).append(node)
    for path, nodes in new.items():
        written_names = {name_of(n) for n in nodes}
        for n in nodes:
            if name_of(n) == "cbc:Note":
                written_names.add((n.text or "#").split("#")[1])
            code = n.find(f"{{{RAM}}}SubjectCode")
            if code is not None and code.text:
                written_names.add(code.text)
        order = list(_ORDERS[path])
        parents = _find(root, path)
        parent = parents[0]
        for old in [c for c in parent if _replaced(parent, c, written_names)]:
            parent.remove(old)
        for n in nodes:
            _insert(parent, n, order)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + serialize(root, prefixes=prefixes) + "\n"

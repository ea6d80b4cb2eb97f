# ruff: noqa: E501 - whole invoices are written one element a line
"""Whole invoices around a payment part, for the e-invoice tests: CII (Factur-X) and UBL 2.1.

Each skeleton holds what the schemas require (a seller, a buyer, one line, the VAT
breakdown, the totals) with the amounts of one invoice: *net* plus 21 % VAT (or the *tax*
given) is the amount due (BT-115). The payment part is placed by ``Written.embed``.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from payterms import law
from payterms.terms import DiscountTier, Installment, PaymentTerms

# The ECB rate in force on 1 January 2026 (2.15 %) is read only in the press (rates-update.md
# §1), so the shipped tables give no French penalty rate for 2026 H1; the e-invoice tests
# bring it as a user table, as a user who read the ECB decision of 5 June 2025 would, and
# get ECB 2.15 + 10 = 12.15 % (Code de commerce art. L441-10 II).
ECB_FROM_JUNE_2025 = law.RateTable.from_csv(
    "# covers_until: 2026-06-30\nvalid_from,rate,status,source\n"
    "2025-06-11,2.15,published,the ECB decision of 5 June 2025 as a user brings it\n",
    name="ecb_mro",
)


def french_regime() -> law.Regime:
    """Return the French regime reading the ECB rate of 2025 H2 and 2026 H1 from a user table."""
    return law.regime("FR", tables={"ecb_mro": ECB_FROM_JUNE_2025})


GUIDELINES = {
    "en16931": "urn:cen.eu:en16931:2017",
    "xrechnung": "urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0",
    "extended": "urn:cen.eu:en16931:2017#conformant#urn:factur-x.eu:1p0:extended",
}


def _amounts(total: Decimal, tax: Decimal | None) -> tuple[str, str, str]:
    vat = (total * Decimal(21) / Decimal(121)).quantize(Decimal("0.01")) if tax is None else tax
    net = total - vat
    return f"{net:.2f}", f"{vat:.2f}", f"{total:.2f}"


def cii_invoice(
    issue: date,
    total: Decimal,
    *,
    currency: str = "EUR",
    tax: Decimal | None = None,
    profile: str = "en16931",
) -> str:
    """Return a whole Factur-X invoice of *total* (tax included) issued on *issue*."""
    net, vat, gross = _amounts(total, tax)
    rate = "21.00" if Decimal(net) else "0.00"
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100" xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100" xmlns:qdt="urn:un:unece:uncefact:data:standard:QualifiedDataType:100" xmlns:udt="urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100">
  <rsm:ExchangedDocumentContext>
    <ram:GuidelineSpecifiedDocumentContextParameter><ram:ID>{GUIDELINES[profile]}</ram:ID></ram:GuidelineSpecifiedDocumentContextParameter>
  </rsm:ExchangedDocumentContext>
  <rsm:ExchangedDocument>
    <ram:ID>F-2026-001</ram:ID>
    <ram:TypeCode>380</ram:TypeCode>
    <ram:IssueDateTime><udt:DateTimeString format="102">{issue:%Y%m%d}</udt:DateTimeString></ram:IssueDateTime>
  </rsm:ExchangedDocument>
  <rsm:SupplyChainTradeTransaction>
    <ram:IncludedSupplyChainTradeLineItem>
      <ram:AssociatedDocumentLineDocument><ram:LineID>1</ram:LineID></ram:AssociatedDocumentLineDocument>
      <ram:SpecifiedTradeProduct><ram:Name>Consulting</ram:Name></ram:SpecifiedTradeProduct>
      <ram:SpecifiedLineTradeAgreement>
        <ram:NetPriceProductTradePrice><ram:ChargeAmount>{net}</ram:ChargeAmount></ram:NetPriceProductTradePrice>
      </ram:SpecifiedLineTradeAgreement>
      <ram:SpecifiedLineTradeDelivery><ram:BilledQuantity unitCode="C62">1</ram:BilledQuantity></ram:SpecifiedLineTradeDelivery>
      <ram:SpecifiedLineTradeSettlement>
        <ram:ApplicableTradeTax><ram:TypeCode>VAT</ram:TypeCode><ram:CategoryCode>S</ram:CategoryCode><ram:RateApplicablePercent>{rate}</ram:RateApplicablePercent></ram:ApplicableTradeTax>
        <ram:SpecifiedTradeSettlementLineMonetarySummation><ram:LineTotalAmount>{net}</ram:LineTotalAmount></ram:SpecifiedTradeSettlementLineMonetarySummation>
      </ram:SpecifiedLineTradeSettlement>
    </ram:IncludedSupplyChainTradeLineItem>
    <ram:ApplicableHeaderTradeAgreement>
      <ram:SellerTradeParty><ram:Name>Seller SRL</ram:Name><ram:PostalTradeAddress><ram:CountryID>BE</ram:CountryID></ram:PostalTradeAddress></ram:SellerTradeParty>
      <ram:BuyerTradeParty><ram:Name>Buyer SA</ram:Name><ram:PostalTradeAddress><ram:CountryID>FR</ram:CountryID></ram:PostalTradeAddress></ram:BuyerTradeParty>
    </ram:ApplicableHeaderTradeAgreement>
    <ram:ApplicableHeaderTradeDelivery/>
    <ram:ApplicableHeaderTradeSettlement>
      <ram:InvoiceCurrencyCode>{currency}</ram:InvoiceCurrencyCode>
      <ram:ApplicableTradeTax>
        <ram:CalculatedAmount>{vat}</ram:CalculatedAmount><ram:TypeCode>VAT</ram:TypeCode><ram:BasisAmount>{net}</ram:BasisAmount><ram:CategoryCode>S</ram:CategoryCode><ram:RateApplicablePercent>{rate}</ram:RateApplicablePercent>
      </ram:ApplicableTradeTax>
      <ram:SpecifiedTradeSettlementHeaderMonetarySummation>
        <ram:LineTotalAmount>{net}</ram:LineTotalAmount>
        <ram:TaxBasisTotalAmount>{net}</ram:TaxBasisTotalAmount>
        <ram:TaxTotalAmount currencyID="{currency}">{vat}</ram:TaxTotalAmount>
        <ram:GrandTotalAmount>{gross}</ram:GrandTotalAmount>
        <ram:DuePayableAmount>{gross}</ram:DuePayableAmount>
      </ram:SpecifiedTradeSettlementHeaderMonetarySummation>
    </ram:ApplicableHeaderTradeSettlement>
  </rsm:SupplyChainTradeTransaction>
</rsm:CrossIndustryInvoice>
"""


def ubl_invoice(
    issue: date,
    total: Decimal,
    *,
    currency: str = "EUR",
    tax: Decimal | None = None,
    customization: str = "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0",
    means: bool = True,
) -> str:
    """Return a whole UBL 2.1 invoice (Peppol BIS Billing 3.0) of *total* issued on *issue*."""
    net, vat, gross = _amounts(total, tax)
    rate = "21" if Decimal(net) else "0"
    payment_means = (
        "<cac:PaymentMeans><cbc:PaymentMeansCode>59</cbc:PaymentMeansCode>"
        "<cac:PayeeFinancialAccount><cbc:ID>BE71096123456769</cbc:ID></cac:PayeeFinancialAccount>"
        "</cac:PaymentMeans>"
        if means
        else ""
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2" xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
  <cbc:CustomizationID>{customization}</cbc:CustomizationID>
  <cbc:ProfileID>urn:fdc:peppol.eu:2017:poacc:billing:01:1.0</cbc:ProfileID>
  <cbc:ID>2026-001</cbc:ID>
  <cbc:IssueDate>{issue.isoformat()}</cbc:IssueDate>
  <cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>
  <cbc:DocumentCurrencyCode>{currency}</cbc:DocumentCurrencyCode>
  <cbc:BuyerReference>PO-1</cbc:BuyerReference>
  <cac:AccountingSupplierParty><cac:Party><cac:PostalAddress><cac:Country><cbc:IdentificationCode>BE</cbc:IdentificationCode></cac:Country></cac:PostalAddress><cac:PartyLegalEntity><cbc:RegistrationName>Seller SRL</cbc:RegistrationName></cac:PartyLegalEntity></cac:Party></cac:AccountingSupplierParty>
  <cac:AccountingCustomerParty><cac:Party><cac:PostalAddress><cac:Country><cbc:IdentificationCode>BE</cbc:IdentificationCode></cac:Country></cac:PostalAddress><cac:PartyLegalEntity><cbc:RegistrationName>Buyer NV</cbc:RegistrationName></cac:PartyLegalEntity></cac:Party></cac:AccountingCustomerParty>
  {payment_means}
  <cac:TaxTotal>
    <cbc:TaxAmount currencyID="{currency}">{vat}</cbc:TaxAmount>
    <cac:TaxSubtotal><cbc:TaxableAmount currencyID="{currency}">{net}</cbc:TaxableAmount><cbc:TaxAmount currencyID="{currency}">{vat}</cbc:TaxAmount><cac:TaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>{rate}</cbc:Percent><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:TaxCategory></cac:TaxSubtotal>
  </cac:TaxTotal>
  <cac:LegalMonetaryTotal>
    <cbc:LineExtensionAmount currencyID="{currency}">{net}</cbc:LineExtensionAmount>
    <cbc:TaxExclusiveAmount currencyID="{currency}">{net}</cbc:TaxExclusiveAmount>
    <cbc:TaxInclusiveAmount currencyID="{currency}">{gross}</cbc:TaxInclusiveAmount>
    <cbc:PayableAmount currencyID="{currency}">{gross}</cbc:PayableAmount>
  </cac:LegalMonetaryTotal>
  <cac:InvoiceLine>
    <cbc:ID>1</cbc:ID>
    <cbc:InvoicedQuantity unitCode="C62">1</cbc:InvoicedQuantity>
    <cbc:LineExtensionAmount currencyID="{currency}">{net}</cbc:LineExtensionAmount>
    <cac:Item><cbc:Name>Consulting</cbc:Name><cac:ClassifiedTaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>{rate}</cbc:Percent><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:ClassifiedTaxCategory></cac:Item>
    <cac:Price><cbc:PriceAmount currencyID="{currency}">{net}</cbc:PriceAmount></cac:Price>
  </cac:InvoiceLine>
</Invoice>
"""


def vat_of(total: Decimal) -> Decimal:
    """Return the 21 % VAT included in *total*, as the skeletons compute it."""
    return (total * Decimal(21) / Decimal(121)).quantize(Decimal("0.01"))


# ERPNext "Amount" discounts and Odoo 16 per-instalment discounts (the terms of the ERP work)
ERP = PaymentTerms(
    installments=(
        Installment.percent(30, "0D").with_discount(3, "0D"),
        Installment.balance("60D").with_discount(2, "10D").with_discount(None, "40D", amount=20),
    ),
    discounts=(DiscountTier.fixed(50, "20D"),),
)

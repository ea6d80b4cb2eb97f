"""Payment terms on e-invoices: EN 16931 in UBL (Peppol BIS 3) and CII (Factur-X, XRechnung).

* :func:`payment_part` turns a :class:`~payterms.terms.Schedule` and its terms into the
  payment part of an invoice in the EN 16931 model (:class:`PaymentPart`: BT-9, BT-20,
  BT-89, the instalments, discounts, penalty and the legal mentions as notes).
* :func:`to_ubl` and :func:`to_cii` write it as UBL 2.1 or CII elements for a
  :class:`Profile` (EN16931, XRECHNUNG, EXTENDED): the richest form the profile allows, and
  :attr:`Written.in_text` lists what went into text. :meth:`Written.embed` places the
  elements into a whole invoice.
* :func:`read_ubl`, :func:`read_cii` and :func:`read_invoice` read a whole invoice (only its
  payment part) or the elements alone back into terms, the stated dates and amounts, and
  the :class:`Disagreement` values between the two.
* :func:`check_payment` checks the payment part against BR-CO-25, the EN 16931 bindings,
  XRechnung's BR-DE-18 and the French CTC rules, each finding citing its rule.
* :func:`validate_schema` (extra ``[einvoice]``: ``lxml`` and ``factur-x``) validates a whole
  invoice against the official XSD files.

Writing and reading use only the standard library's XML parser, with document type
declarations refused: no entity is expanded and nothing external is loaded.

>>> from datetime import date
>>> from decimal import Decimal
>>> from payterms.terms import PaymentTerms
>>> terms = PaymentTerms.net(30).with_discount(2, "10D")
>>> part = payment_part(terms.schedule(date(2026, 1, 15), Decimal("1210.00")), terms)
>>> reading = read_cii(to_cii(part, Profile.EXTENDED).xml,
...                    issue_date=date(2026, 1, 15), amount="1210.00", currency="EUR")
>>> reading.terms == terms, reading.schedule.final_due, reading.disagreements
(True, datetime.date(2026, 2, 14), ())
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from payterms.einvoice._xml import RSM, parse
from payterms.einvoice.checks import check_payment
from payterms.einvoice.cii import read_cii, to_cii
from payterms.einvoice.model import (
    Disagreement,
    DiscountTerm,
    Fragment,
    Note,
    PaymentPart,
    Profile,
    Reading,
    Syntax,
    Written,
    payment_part,
)
from payterms.einvoice.schema import validate_schema
from payterms.einvoice.ubl import read_ubl, to_ubl

if TYPE_CHECKING:
    from payterms.calendars import Adjustment, BusinessCalendar
    from payterms.terms import EndOfMonth

__all__ = [
    "Disagreement",
    "DiscountTerm",
    "Fragment",
    "Note",
    "PaymentPart",
    "Profile",
    "Reading",
    "Syntax",
    "Written",
    "check_payment",
    "payment_part",
    "read_cii",
    "read_invoice",
    "read_ubl",
    "to_cii",
    "to_ubl",
    "validate_schema",
]


def read_invoice(
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
    """Return the payment part of a whole UBL or CII invoice (:func:`read_ubl`, :func:`read_cii`).

    The syntax follows from the root element's namespace; any other root raises
    :class:`~payterms.errors.InvalidDocument` naming it. The other arguments are those of
    :func:`read_ubl` (with a *calendar*, *adjustment* is ``FOLLOWING`` unless given).

    >>> read_invoice('<Invoice xmlns="urn:example:not-ubl"/>')
    Traceback (most recent call last):
    payterms.errors.InvalidDocument: document='{urn:example:not-ubl}Invoice' cannot be read:
    expected a UBL 2.1 Invoice or CreditNote (namespace ...), or a Cross Industry Invoice ...
    """
    root = parse(document)
    read = read_cii if root.tag == f"{{{RSM}}}CrossIndustryInvoice" else read_ubl
    return read(
        document,
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

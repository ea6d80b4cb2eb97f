"""The e-invoice XML parser: no DTD, so no entity expansion or external loading (XXE)."""

from __future__ import annotations

import pytest

from payterms.einvoice import read_cii, read_invoice, read_ubl, validate_schema
from payterms.einvoice._xml import parse, parse_elements
from payterms.errors import InvalidDocument

# The classic attacks, as OWASP's XXE and XML entity expansion pages describe them.
BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2">&lol4;</Invoice>"""

XXE_FILE = """<?xml version="1.0"?>
<!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100">
&xxe;</rsm:CrossIndustryInvoice>"""

XXE_PARAMETER = """<?xml version="1.0"?>
<!DOCTYPE foo [<!ENTITY % ext SYSTEM "http://127.0.0.1:9/evil.dtd"> %ext;]>
<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"/>"""

EXTERNAL_DTD = """<?xml version="1.0"?>
<!DOCTYPE Invoice SYSTEM "http://127.0.0.1:9/invoice.dtd">
<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"/>"""


@pytest.mark.parametrize(
    "document",
    [BILLION_LAUGHS, XXE_FILE, XXE_PARAMETER, EXTERNAL_DTD],
    ids=["billion-laughs", "xxe-file", "xxe-parameter-entity", "external-dtd"],
)
@pytest.mark.parametrize("reader", [parse, read_invoice, read_ubl, read_cii])
def test_a_document_type_declaration_is_refused_before_any_entity(document, reader) -> None:
    with pytest.raises(InvalidDocument) as info:
        reader(document)
    assert info.value.element == "document"
    assert info.value.value.startswith("<!DOCTYPE")
    assert "lol" * 3 not in str(info.value)  # nothing was expanded
    assert "root:" not in str(info.value)  # /etc/passwd was never read


def test_a_doctype_is_refused_as_bytes_too() -> None:
    with pytest.raises(InvalidDocument, match="DOCTYPE"):
        parse(BILLION_LAUGHS.encode())


def test_validate_schema_refuses_the_doctype_before_lxml_sees_it() -> None:
    # needs no extra: payterms' own parser refuses first
    with pytest.raises(InvalidDocument, match="DOCTYPE"):
        validate_schema(XXE_FILE)


def test_a_doctype_before_or_among_fragments_is_refused() -> None:
    with pytest.raises(InvalidDocument, match="DOCTYPE"):
        parse_elements("<!DOCTYPE x><a/>", set(), "")
    with pytest.raises(InvalidDocument, match="well-formed XML"):
        read_cii('<ram:IncludedNote xmlns:ram="urn:x"/><!DOCTYPE x [<!ENTITY a "b">]>')


@pytest.mark.parametrize(
    ("document", "where"),
    [
        ("<Invoice><cbc:DueDate>2026-02-14</Invoice>", "line 1"),
        ("<a>\n<b>&nbsp;</b></a>", "line 2"),  # an entity no DTD declares
        ("", "line 1"),
        ("<a>x</a><b/>", "line 1"),
    ],
)
def test_malformed_xml_names_the_line(document: str, where: str) -> None:
    with pytest.raises(InvalidDocument, match=f"well-formed XML \\({where}") as info:
        parse(document)
    assert info.value.element == "document"


def test_only_text_is_parsed() -> None:
    with pytest.raises(InvalidDocument, match="XML as str or bytes"):
        parse(3)  # type: ignore[arg-type]
    with pytest.raises(InvalidDocument, match="XML as str or bytes"):
        read_invoice(None)  # type: ignore[arg-type]


def test_an_encoding_declaration_is_honoured_for_bytes_and_dropped_for_str() -> None:
    latin = '<?xml version="1.0" encoding="ISO-8859-1"?><a>d\xe9j\xe0</a>'
    assert parse(latin.encode("latin-1")).text == "déjà"
    assert parse(latin).text == "déjà"


@pytest.mark.parametrize(
    "document",
    [
        '<Invoice xmlns="urn:example:invoice"/>',
        '<rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:'
        'CrossIndustryInvoice:99"/>',
        "<Invoice/>",
    ],
)
def test_an_unknown_namespace_is_refused_naming_it(document: str) -> None:
    with pytest.raises(InvalidDocument) as info:
        read_invoice(document)
    assert info.value.element == "document"
    assert "Invoice" in str(info.value.value)


def test_an_unknown_element_among_fragments_is_refused() -> None:
    with pytest.raises(InvalidDocument) as info:
        read_ubl('<cbc:DueDate xmlns:cbc="urn:example:cbc">2026-01-01</cbc:DueDate>')
    assert info.value.element == "{urn:example:cbc}DueDate"


def test_deep_nesting_is_refused_before_it_costs_anything() -> None:
    with pytest.raises(InvalidDocument, match="at most 100 nested elements"):
        parse("<a>" * 5000 + "</a>" * 5000)
    assert parse("<a>" * 100 + "</a>" * 100).tag == "a"

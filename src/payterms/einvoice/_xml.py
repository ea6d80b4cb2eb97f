"""XML for the e-invoice modules: a parser that refuses DTDs, a serialiser, strict value readers.

Private module. Only the standard library is used (``xml.parsers.expat`` feeding an
``xml.etree.ElementTree.TreeBuilder``). A document type declaration is refused as soon as
the parser meets it, so no entity can be declared: no entity expansion ("billion laughs")
and no external entity or DTD loading (XXE) is possible. Neither UBL 2.1 nor the UN/CEFACT
CII schemas use a DTD.

Every reader of a value raises :class:`~payterms.errors.InvalidDocument` naming the element
(prefixed as in the specifications: ``cbc:DueDate``, ``ram:CalculationPercent``) and the text
found, so nothing is half-read silently.
"""

from __future__ import annotations

import re
import xml.parsers.expat
from collections.abc import Iterator, Mapping
from datetime import date
from decimal import Decimal
from typing import NoReturn
from xml.etree.ElementTree import Element, SubElement, TreeBuilder
from xml.sax.saxutils import escape, quoteattr

from payterms.errors import InvalidDocument

__all__ = [
    "CAC",
    "CBC",
    "PREFIXES",
    "RAM",
    "RSM",
    "UBL_CREDIT_NOTE",
    "UBL_INVOICE",
    "UDT",
    "child",
    "children",
    "make",
    "name_of",
    "parse",
    "parse_elements",
    "read_amount",
    "read_cii_date",
    "read_days",
    "read_percent",
    "read_text",
    "read_ubl_date",
    "serialize",
]

UBL_INVOICE = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
UBL_CREDIT_NOTE = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"
CAC = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
CBC = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"
RSM = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"
RAM = "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"
UDT = "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100"
QDT = "urn:un:unece:uncefact:data:standard:QualifiedDataType:100"

PREFIXES: Mapping[str, str] = {
    UBL_INVOICE: "",
    UBL_CREDIT_NOTE: "",
    CAC: "cac",
    CBC: "cbc",
    RSM: "rsm",
    RAM: "ram",
    UDT: "udt",
    QDT: "qdt",
}
"""The prefix payterms writes for each namespace (the UBL root namespace is the default)."""

_LIMIT = 20_000_000  # characters: far above any invoice, far below a memory problem
_DEPTH = 100  # nesting levels: UBL and CII invoices use fewer than 15


def _refuse(what: str) -> NoReturn:
    raise InvalidDocument(
        "document",
        what,
        "an e-invoice without a document type declaration (UBL and CII use none; a DTD "
        "could declare entities, which payterms never expands or loads)",
    )


def parse(document: str | bytes) -> Element:
    """Return the root element of *document*, refusing DTDs, entities and malformed XML.

    >>> parse("<a xmlns='urn:x'><b>1</b></a>").tag
    '{urn:x}a'
    >>> parse('<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>')
    Traceback (most recent call last):
    payterms.errors.InvalidDocument: document='<!DOCTYPE a>' cannot be read: ...
    """
    if isinstance(document, str):
        data = document.encode("utf-8")
        if document.lstrip("\ufeff").startswith("<?xml"):
            # the declaration may name another encoding than the bytes now have
            data = re.sub(rb"^(\xef\xbb\xbf)?<\?xml[^>]*\?>", b"", data, count=1)
    elif isinstance(document, bytes):
        data = document
    else:
        raise InvalidDocument("document", document, "XML as str or bytes")
    if len(data) > _LIMIT:
        raise InvalidDocument("document", f"{len(data)} bytes", f"at most {_LIMIT} bytes")
    builder = TreeBuilder()
    parser = xml.parsers.expat.ParserCreate(namespace_separator="}")
    depth = [0]

    def start(tag: str, attrs: dict[str, str]) -> None:
        depth[0] += 1
        if depth[0] > _DEPTH:
            raise InvalidDocument(
                _clark(tag), f"nesting level {depth[0]}", f"at most {_DEPTH} nested elements"
            )
        builder.start(_clark(tag), {_clark(k): v for k, v in attrs.items()})

    def end(tag: str) -> None:
        depth[0] -= 1
        builder.end(_clark(tag))

    def doctype(name: str, *_: object) -> None:
        _refuse(f"<!DOCTYPE {name}>")

    def entity(name: str, *_: object) -> None:  # pragma: no cover - the DOCTYPE comes first
        _refuse(f"<!ENTITY {name}>")

    def external(*_: object) -> int:  # pragma: no cover - the DOCTYPE comes first
        _refuse("an external entity reference")

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = builder.data
    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = entity
    parser.ExternalEntityRefHandler = external
    parser.SetParamEntityParsing(xml.parsers.expat.XML_PARAM_ENTITY_PARSING_NEVER)
    try:
        parser.Parse(data, True)  # noqa: FBT003 - expat's "isfinal"
    except xml.parsers.expat.ExpatError as exc:
        line = data.splitlines()[exc.lineno - 1] if data.splitlines() else b""
        snippet = line[max(exc.offset - 20, 0) : exc.offset + 20].decode("utf-8", "replace")
        raise InvalidDocument(
            "document",
            snippet,
            f"well-formed XML (line {exc.lineno}, column {exc.offset}: "
            f"{xml.parsers.expat.ErrorString(exc.code)})",
        ) from None
    return builder.close()


def parse_elements(document: object, allowed: set[str], expected: str) -> Element:
    """Return the root of a whole invoice, or a ``fragments`` element holding payment elements.

    A text whose first element is not an invoice root (``Invoice``, ``CreditNote``,
    ``CrossIndustryInvoice``) is read as a sequence of elements, each of which must be in
    *allowed* (``{uri}local`` names); *expected* describes them in the error.
    """
    if not isinstance(document, (str, bytes)):
        raise InvalidDocument("document", document, "XML as str or bytes")
    text = document.decode("utf-8", "replace") if isinstance(document, bytes) else document
    head = text.lstrip("\ufeff \t\r\n")
    if head.startswith(("<?xml", "<!")) or not head.startswith("<"):
        return parse(document)
    first = head[1:].split(None, 1)[0].split(">", 1)[0].split("/", 1)[0]
    if first.rpartition(":")[2] in ("Invoice", "CreditNote", "CrossIndustryInvoice"):
        return parse(document)
    wrapper = parse(f"<fragments>{text}</fragments>")
    for element in wrapper:
        if element.tag not in allowed:
            raise InvalidDocument(name_of(element), (element.text or "").strip(), expected)
    return wrapper


def _clark(name: str) -> str:
    return "{" + name if "}" in name else name


def name_of(element: Element | str, prefixes: Mapping[str, str] = PREFIXES) -> str:
    """Return the prefixed name of *element* (or of a ``{uri}local`` tag): ``cbc:DueDate``.

    >>> name_of("{" + CBC + "}DueDate")
    'cbc:DueDate'
    """
    tag = element if isinstance(element, str) else element.tag
    if tag.startswith("{"):
        uri, _, local = tag[1:].partition("}")
        prefix = prefixes.get(uri)
        if prefix is None:
            return f"{{{uri}}}{local}"
        return f"{prefix}:{local}" if prefix else local
    return tag


def make(
    parent: Element | None, uri: str, local: str, text: str | None = None, **attrs: str
) -> Element:
    """Return a new element ``{uri}local`` (appended to *parent* when given) with *text*.

    >>> print(serialize(make(None, RAM, "Description", "net 30")))
    <ram:Description
    xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100">net
    30</ram:Description>
    """
    tag = f"{{{uri}}}{local}"
    element = Element(tag, attrs) if parent is None else SubElement(parent, tag, attrs)
    if text is not None:
        element.text = text
    return element


def children(parent: Element, uri: str, local: str) -> list[Element]:
    """Return the children of *parent* named ``{uri}local``, in document order."""
    return parent.findall(f"{{{uri}}}{local}")


def child(parent: Element, uri: str, local: str) -> Element | None:
    """Return the only child ``{uri}local`` of *parent*, ``None`` if absent; refuse several.

    >>> child(parse("<a><b/><b/></a>"), "", "b")
    Traceback (most recent call last):
    payterms.errors.InvalidDocument: b='2 elements' cannot be read: expected at most one b in a
    """
    found = parent.findall(f"{{{uri}}}{local}" if uri else local)
    if len(found) > 1:
        what = name_of(found[0])
        raise InvalidDocument(
            what, f"{len(found)} elements", f"at most one {what} in {name_of(parent)}"
        )
    return found[0] if found else None


def _namespaces(element: Element) -> Iterator[str]:
    for node in element.iter():
        for name in (node.tag, *node.attrib):
            if name.startswith("{"):
                yield name[1:].partition("}")[0]


def serialize(element: Element, *, prefixes: Mapping[str, str] = PREFIXES) -> str:
    """Return *element* as XML text, its namespaces declared on it with *prefixes*."""
    out: list[str] = []
    seen = dict.fromkeys(_namespaces(element))
    extra = "".join(
        f" xmlns{':' + prefixes[uri] if prefixes[uri] else ''}={quoteattr(uri)}"
        for uri in seen
        if uri in prefixes
    )
    _write(element, out, prefixes, extra)
    return "".join(out)


def _write(element: Element, out: list[str], prefixes: Mapping[str, str], extra: str = "") -> None:
    name = name_of(element, prefixes)
    attrs = "".join(f" {name_of(k, prefixes)}={quoteattr(v)}" for k, v in element.attrib.items())
    out.append(f"<{name}{extra}{attrs}")
    if not len(element) and not element.text:
        out.append("/>")
    else:
        out.append(">")
        if element.text:
            out.append(escape(element.text))
        for node in element:
            _write(node, out, prefixes)
            if node.tail:
                out.append(escape(node.tail))
        out.append(f"</{name}>")


# --- values -------------------------------------------------------------------------------

_DECIMAL = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)")
_CII_DATE = re.compile(r"(\d{4})(\d{2})(\d{2})")
_UBL_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:Z|[+-]\d{2}:\d{2})?")


def read_text(element: Element, label: str | None = None) -> str:
    """Return the text of *element*, stripped; an empty element is refused."""
    text = (element.text or "").strip()
    if not text:
        raise InvalidDocument(label or name_of(element), element.text or "", "a value")
    return text


def _decimal(element: Element, label: str, expected: str) -> Decimal:
    text = read_text(element, label)
    if not _DECIMAL.fullmatch(text):
        raise InvalidDocument(label, text, expected)
    return Decimal(text)


def read_amount(element: Element, label: str | None = None, currency: str | None = None) -> Decimal:
    """Return the amount in *element* (a decimal number with a point, xsd:decimal).

    A ``currencyID`` attribute, when present and *currency* given, must be *currency*.

    >>> read_amount(parse("<Amount>1 210,00</Amount>"))
    Traceback (most recent call last):
    payterms.errors.InvalidDocument: Amount='1 210,00' cannot be read: expected an amount ...
    """
    label = label or name_of(element)
    value = _decimal(element, label, "an amount written with a decimal point (1210.00)")
    found = element.get("currencyID")
    if currency is not None and found is not None and found != currency:
        raise InvalidDocument(f"{label}/@currencyID", found, f"the invoice currency {currency}")
    return value


def read_percent(element: Element, label: str | None = None, *, upper: bool = True) -> Decimal:
    """Return the percentage in *element*: 2 for 2 %, a decimal point, not negative.

    *upper* refuses 100 and more (a discount); a penalty rate may exceed 100.

    >>> read_percent(parse("<CalculationPercent>2,5</CalculationPercent>"))
    Traceback (most recent call last):
    payterms.errors.InvalidDocument: CalculationPercent='2,5' cannot be read: expected a
    percentage written with a decimal point (2.50 for 2.5 %)
    """
    label = label or name_of(element)
    value = _decimal(element, label, "a percentage written with a decimal point (2.50 for 2.5 %)")
    if value < 0 or (upper and value >= 100):
        bound = "below 100" if upper else "0 or more"
        raise InvalidDocument(label, read_text(element), f"a percentage {bound}, not negative")
    return value


def read_days(element: Element, label: str | None = None) -> int:
    """Return the whole, non-negative number of days in a measure *element* (unit ``DAY``).

    >>> read_days(parse('<BasisPeriodMeasure unitCode="DAY">-10</BasisPeriodMeasure>'))
    Traceback (most recent call last):
    payterms.errors.InvalidDocument: BasisPeriodMeasure='-10' cannot be read: expected a whole
    number of days, 0 or more
    """
    label = label or name_of(element)
    unit = element.get("unitCode")
    if unit is not None and unit not in ("DAY", "D"):
        raise InvalidDocument(f"{label}/@unitCode", unit, "DAY (UN/ECE Recommendation 20: day)")
    text = read_text(element, label)
    value = _decimal(element, label, "a whole number of days, 0 or more")
    if value < 0 or value != value.to_integral_value():
        raise InvalidDocument(label, text, "a whole number of days, 0 or more")
    if value > 100_000:
        raise InvalidDocument(label, text, "a number of days below 100000")
    return int(value)


def read_cii_date(element: Element, label: str | None = None) -> date:
    """Return the date of a CII date element: ``udt:DateTimeString`` with ``format="102"``.

    >>> xml = (f'<x xmlns:udt="{UDT}">'
    ...        '<udt:DateTimeString format="102">20260214</udt:DateTimeString></x>')
    >>> read_cii_date(parse(xml))
    datetime.date(2026, 2, 14)
    """
    label = label or name_of(element)
    inner = child(element, UDT, "DateTimeString")
    if inner is None:
        raise InvalidDocument(
            label, read_text(element, label) if element.text else "", "a udt:DateTimeString"
        )
    where = f"{label}/udt:DateTimeString"
    form = inner.get("format")
    if form != "102":
        raise InvalidDocument(f"{where}/@format", form, "102 (CCYYMMDD, UNTDID 2379)")
    text = read_text(inner, where)
    m = _CII_DATE.fullmatch(text)
    return _date(m, where, text, "a date written CCYYMMDD (format 102)")


def read_ubl_date(element: Element, label: str | None = None) -> date:
    """Return the date of a UBL date element (``xsd:date``: ``2026-02-14``).

    >>> read_ubl_date(parse("<DueDate>14.02.2026</DueDate>"))
    Traceback (most recent call last):
    payterms.errors.InvalidDocument: DueDate='14.02.2026' cannot be read: expected a date
    written YYYY-MM-DD (xsd:date)
    """
    label = label or name_of(element)
    text = read_text(element, label)
    return _date(_UBL_DATE.fullmatch(text), label, text, "a date written YYYY-MM-DD (xsd:date)")


def _date(m: re.Match[str] | None, label: str, text: str, expected: str) -> date:
    if m is None:
        raise InvalidDocument(label, text, expected)
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        raise InvalidDocument(label, text, "a date of the calendar") from None

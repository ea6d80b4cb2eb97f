r"""XRechnung's coded discount lines in the payment terms text (BT-20), rule BR-DE-18.

The German CIUS XRechnung 3.0 carries each early-payment discount as one line of BT-20::

    #SKONTO#TAGE=14#PROZENT=2.00#
    #SKONTO#TAGE=14#PROZENT=2.00#BASISBETRAG=1000.00#

in capitals, without added whitespace: ``TAGE`` a number of days, ``PROZENT`` the
percentage without sign, with a point and two decimals, and, when the discount is not taken
on the amount due (BT-115) but on a part of it, ``BASISBETRAG`` that base as an Amount (two
decimals, a minus sign allowed). Every line starting with ``#`` must match
``#(SKONTO)#TAGE=([0-9]+#PROZENT=[0-9]+\.[0-9]{2})(#BASISBETRAG=-?[0-9]+\.[0-9]{2})?#$``
(variable ``XR-SKONTO-REGEX`` of the KoSIT XRechnung Schematron 3.0), and a line break must
follow the last coded line. XRechnung 1.x and 2.x also knew ``#VERZUG#`` lines for late
interest; 3.0 no longer accepts them.

:func:`skonto_lines` writes the lines, :func:`read_skonto` reads them strictly: a line that
does not follow the syntax raises :class:`~payterms.errors.InvalidDocument` naming the line
and what is wrong, and :func:`skonto_findings` reports the BR-DE-18 violations of a text.

>>> from datetime import date
>>> lines = skonto_lines((DiscountTerm(Decimal("2"), date(2026, 1, 15), 14),))
>>> lines
'#SKONTO#TAGE=14#PROZENT=2.00#\n'
>>> read_skonto(lines + "Zahlbar innerhalb von 30 Tagen").words
'Zahlbar innerhalb von 30 Tagen'
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal

from attrs import frozen

from payterms.einvoice.model import DiscountTerm
from payterms.errors import InvalidDocument

__all__ = [
    "SKONTO_PATTERN",
    "Skonto",
    "SkontoText",
    "read_skonto",
    "skonto_findings",
    "skonto_lines",
]

SKONTO_PATTERN = re.compile(
    r"#(SKONTO)#TAGE=([0-9]+#PROZENT=[0-9]+\.[0-9]{2})(#BASISBETRAG=-?[0-9]+\.[0-9]{2})?#$"
)
"""The line syntax of BR-DE-18 (``XR-SKONTO-REGEX``, KoSIT XRechnung Schematron 3.0)."""

_LINE = re.compile(
    r"#SKONTO#TAGE=(?P<days>[0-9]+)#PROZENT=(?P<pct>[0-9]+\.[0-9]{2})"
    r"(?:#BASISBETRAG=(?P<base>-?[0-9]+\.[0-9]{2}))?#"
)
_TWO = Decimal("0.01")


@frozen
class Skonto:
    """One ``#SKONTO#`` line read: *percent* off within *days*, on *base* when given.

    >>> Skonto(14, Decimal("2.00"), None).days
    14
    """

    days: int
    percent: Decimal
    base: Decimal | None


@frozen
class SkontoText:
    r"""A BT-20 text split into its ``#SKONTO#`` lines and the words around them.

    >>> read_skonto("#SKONTO#TAGE=7#PROZENT=3.00#\n").lines[0].percent
    Decimal('3.00')
    """

    lines: tuple[Skonto, ...]
    words: str
    ends_with_newline: bool


def _number(value: Decimal) -> str:
    return format(value.quantize(_TWO), "f")


def skonto_lines(discounts: Iterable[DiscountTerm], *, base: Decimal | None = None) -> str:
    """Return one ``#SKONTO#`` line per discount, each ending with a line break (BR-DE-18).

    ``TAGE`` is the discount's *days*, ``PROZENT`` its percentage with two decimals;
    ``BASISBETRAG`` is written when *base* (the discount base, when it is not the amount
    due) is given. A percentage that needs more than two decimals cannot be written and
    raises :class:`~payterms.errors.InvalidDocument`.

    >>> from datetime import date
    >>> d = DiscountTerm(Decimal("3"), date(2026, 1, 15), 7)
    >>> print(skonto_lines((d,), base=Decimal("1000")), end="")
    #SKONTO#TAGE=7#PROZENT=3.00#BASISBETRAG=1000.00#
    """
    out = []
    for discount in discounts:
        percent = discount.percent
        if percent is None:
            raise InvalidDocument(
                "PROZENT",
                f"a fixed discount of {discount.amount}",
                "a percentage (a #SKONTO# line states no fixed amount)",
            )
        if percent.quantize(_TWO) != percent:
            raise InvalidDocument("PROZENT", str(percent), "a percentage with at most two decimals")
        line = f"#SKONTO#TAGE={discount.days}#PROZENT={_number(percent)}#"
        if base is not None:
            line += f"BASISBETRAG={_number(base)}#"
        out.append(line + "\n")
    return "".join(out)


def _diagnose(line: str) -> str:
    """Return what is wrong with a ``#`` line of BT-20, in the words of BR-DE-18."""
    if line != line.upper() and _LINE.fullmatch(line.upper()):
        return "capital letters (#SKONTO#TAGE=n#PROZENT=n.nn#)"
    if not line.startswith("#SKONTO#"):
        word = line.split("#")[1] if line.count("#") > 1 else line
        if word.upper() == "SKONTO":
            return "capital letters (#SKONTO#TAGE=n#PROZENT=n.nn#)"
        if word == "VERZUG":
            return "a #SKONTO# line (#VERZUG# lines are no longer accepted by XRechnung 3.0)"
        return "a line starting with #SKONTO#"
    if re.match(r"#SKONTO#tage=", line, re.IGNORECASE) and not re.match(r"#SKONTO#TAGE=", line):
        return "capital letters (#SKONTO#TAGE=n#PROZENT=n.nn#)"
    if not re.match(r"#SKONTO#TAGE=", line):
        return "a day count as the second segment (TAGE=n)"
    if re.match(r"#SKONTO#TAGE=-", line):
        return "a whole number of days, not negative (TAGE=n)"
    if not re.match(r"#SKONTO#TAGE=[0-9]+#", line):
        return "a whole number of days (TAGE=n)"
    if re.match(r"#SKONTO#TAGE=[0-9]+#prozent=", line, re.IGNORECASE) and not re.match(
        r"#SKONTO#TAGE=[0-9]+#PROZENT=", line
    ):
        return "capital letters (#SKONTO#TAGE=n#PROZENT=n.nn#)"
    m = re.match(r"#SKONTO#TAGE=[0-9]+#PROZENT=([^#]*)#", line)
    if m is None:
        return "a percentage as the third segment (PROZENT=n.nn)"
    if not re.fullmatch(r"[0-9]+\.[0-9]{2}", m.group(1)):
        return "a percentage without sign, with a point and two decimals (PROZENT=2.00)"
    rest = line[m.end() :]
    if rest and not re.fullmatch(r"BASISBETRAG=-?[0-9]+\.[0-9]{2}#", rest):
        return "nothing more, or a base amount with a point and two decimals (BASISBETRAG=n.nn#)"
    return "the line syntax of BR-DE-18, without added whitespace"  # pragma: no cover


def read_skonto(text: str, *, element: str = "BT-20") -> SkontoText:
    r"""Return the ``#SKONTO#`` lines of a BT-20 *text* and the words around them.

    A line whose first non-blank character is ``#`` must follow BR-DE-18; otherwise
    :class:`~payterms.errors.InvalidDocument` names *element*, the line and what is
    expected. Leading and trailing blanks of a line are ignored, as the Schematron's
    ``normalize-space`` does.

    >>> read_skonto("#SKONTO#TAGE=14#PROZENT=2,00#\n", element="ram:Description (BT-20)")
    Traceback (most recent call last):
    payterms.errors.InvalidDocument: ram:Description (BT-20)='#SKONTO#TAGE=14#PROZENT=2,00#'
    cannot be read: expected a percentage without sign, with a point and two decimals
    (PROZENT=2.00) (XRechnung BR-DE-18)
    """
    found: list[Skonto] = []
    words: list[str] = []
    coded_last = False
    for raw in re.split(r"\r?\n", text):
        line = raw.strip()
        if not line.startswith("#"):
            if line:
                words.append(line)
            continue
        if " " in line or "\t" in line or not _LINE.fullmatch(line):
            expected = (
                "no whitespace inside the line (BR-DE-18)"
                if (" " in line or "\t" in line) and _LINE.fullmatch(re.sub(r"\s", "", line))
                else _diagnose(line)
            )
            raise InvalidDocument(element, line, f"{expected} (XRechnung BR-DE-18)")
        m = _LINE.fullmatch(line)
        assert m is not None  # noqa: S101 - matched above
        base = m.group("base")
        found.append(
            Skonto(
                int(m.group("days")),
                Decimal(m.group("pct")),
                None if base is None else Decimal(base),
            )
        )
    if found:
        tail = text[text.rfind("#") + 1 :]
        coded_last = bool(re.match(r"[ \t]*\r?\n", tail))
    return SkontoText(tuple(found), "\n".join(words), coded_last)


def skonto_findings(text: str) -> tuple[str, ...]:
    r"""Return the BR-DE-18 violations of a BT-20 *text*, one sentence each (none: empty).

    >>> skonto_findings("#SKONTO#TAGE=14#PROZENT=2.00#")
    ('the last #SKONTO# line is not followed by a line break',)
    >>> skonto_findings("#SKONTO#PROZENT=2.00#\n")
    ("line '#SKONTO#PROZENT=2.00#': expected a day count as the second segment (TAGE=n)",)
    """
    problems = []
    coded = False
    for raw in re.split(r"\r?\n", text):
        line = raw.strip()
        if not line.startswith("#"):
            continue
        coded = True
        if (
            " " in line
            or "\t" in line
            or not SKONTO_PATTERN.search(line)
            or not _LINE.fullmatch(line)
        ):
            problems.append(f"line {line!r}: expected {_diagnose(line)}")
    if coded and not problems:
        tail = text[text.rfind("#") + 1 :]
        if not re.match(r"\s*\n", tail):
            problems.append("the last #SKONTO# line is not followed by a line break")
    return tuple(problems)

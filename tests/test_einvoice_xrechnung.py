"""XRechnung #SKONTO# lines (BR-DE-18): the KoSIT test instances, and strict reading."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from payterms.einvoice import DiscountTerm
from payterms.einvoice.xrechnung import (
    SKONTO_PATTERN,
    Skonto,
    read_skonto,
    skonto_findings,
    skonto_lines,
)
from payterms.errors import InvalidDocument

# Source: KoSIT, xrechnung-schematron, test/instances/cii/cii-br-de-18-*.xml (the BT-20 text
# of each instance; "schematron-valid" / "schematron-invalid" as the instance declares).
_PAD = "\n                    "
KOSIT_VALID = [
    pytest.param(
        f"#SKONTO#TAGE=7#PROZENT=2.00#{_PAD}#SKONTO#TAGE=14#PROZENT=1.00#BASISBETRAG=-3.21#"
        f"{_PAD}#SKONTO#TAGE=30#PROZENT=0.00#BASISBETRAG=1.23#{_PAD}#SKONTO#TAGE=30#"
        "PROZENT=0.00#\n                ",
        4,
        id="cii-br-de-18-test-skonto",
    ),
    pytest.param(
        f"#SKONTO#TAGE=7#PROZENT=2.00#{_PAD}#SKONTO#TAGE=14#PROZENT=1.00#BASISBETRAG=-3.21#"
        f"{_PAD}#SKONTO#TAGE=30#PROZENT=0.00#BASISBETRAG=1.23#{_PAD}#SKONTO#TAGE=30#"
        f"PROZENT=0.00#{_PAD}Test",
        4,
        id="cii-br-de-18-test-skonto-test-no-newline-last-note",
    ),
    pytest.param(
        f"   testentry{_PAD}#SKONTO#TAGE=7#PROZENT=2.00#{_PAD}testentry{_PAD}"
        f"#SKONTO#TAGE=14#PROZENT=1.00#{_PAD}#SKONTO#TAGE=30#PROZENT=0.00#     {_PAD}"
        "testentry\n                ",
        3,
        id="cii-br-de-18-freespace-test",
    ),
]
KOSIT_INVALID = [
    pytest.param(
        f"#SKONTO#Tage=7#PROZENT=2.00#{_PAD}#SKONTO#TAGE=14#PROZENT=1.00#BASISBETRAG=2.53#\n",
        "capital letters",
        id="cii-br-de-18-case-sensitive-keyword-2",
    ),
    pytest.param(
        f"#SKONTO#TAGE=7#PROZENT=2.00#{_PAD}#SKoNTO#TAGE=14#PROZENT=1.00#BASISBETRAG=-5.53#\n",
        "capital letters",
        id="cii-br-de-18-case-sensitive-keyword-3",
    ),
    pytest.param(
        f"#SKONTO#TAGE=7#PROZENT=2.00#{_PAD}#SKONTO#TAGE=14#prozent=1.00#BASISBETRAG=2.53#\n",
        "capital letters",
        id="cii-br-de-18-case-sensitive-keyword",
    ),
    pytest.param(
        f"#SKONTO#TAGE=7#PROZENT=2.00##SKONTO#TAGE=14#PROZENT=1.00#BASISBETRAG=-3.21#{_PAD}\n",
        "nothing more",
        id="cii-br-de-18-no-newline-after-skonto-4",
    ),
    pytest.param(
        f"#SKONTO#TAGE=7#PROZENT=2.00#{_PAD}#VERZUG#TAGE=30#PROZENT=0.00#BASISBETRAG=1.23#\n",
        "VERZUG",
        id="cii-br-de-18-test-incorrect-verzug",
    ),
    pytest.param(
        f"#SKONTO#TAGE=7#PROZENT=2.00#{_PAD}#SKONTO#TAGE=14#PROZENT=1.00#BASISBETRAG=2.53# "
        "Test text\n",
        "whitespace|nothing more",
        id="cii-br-de-18-text-after-end-2",
    ),
    pytest.param(
        f"#SKONTO#TAGE=14#PROZENT=1.00#BASISBETRAG=-5.53#Text{_PAD}",
        "nothing more",
        id="cii-br-de-18-text-after-end",
    ),
    pytest.param(
        f"#SKONTO#TAGE=14#PROZENT=1.00#BASISBETRAG=2.523#{_PAD}",
        "two decimals",
        id="cii-br-de-18-too-much-digits-after-dot-2",
    ),
    pytest.param(
        f"#SKONTO#TAGE=7#PROZENT=2.000#{_PAD}",
        "two decimals",
        id="cii-br-de-18-too-much-digits-after-dot",
    ),
    pytest.param(
        f"#SKONTO#TAGE=14#PROZENT=1.00#BASISBETRAG=23#{_PAD}",
        "two decimals",
        id="cii-br-de-18-wrong-basisbeitrag",
    ),
    pytest.param(
        f"#SKONTO#TAGE=14#PROZENT=1,00#BASISBETRAG=-5.53#{_PAD}",
        "with a point",
        id="cii-br-de-18-wrong-numeric-seperator-2",
    ),
    pytest.param(
        f"#SKONTO#TAGE=14#PROZENT=1.00#BASISBETRAG=2,53#{_PAD}",
        "two decimals",
        id="cii-br-de-18-wrong-numeric-seperator",
    ),
    pytest.param(
        f"#SKONTO#TAGE = 14#PROZENT=1.00#BASISBETRAG=-5.53#{_PAD}",
        "whitespace|day",
        id="cii-br-de-18-wrong-whitespace-2",
    ),
    pytest.param(
        f"#SKONTO#TAGE=14#P ROZENT=1.00#BASISBETRAG=2.53#{_PAD}",
        "whitespace|percentage",
        id="cii-br-de-18-wrong-whitespace-3",
    ),
    pytest.param(
        f"#SKONTO#TAGE=14 #PROZENT=1.00#BASISBETRAG=2.53#{_PAD}",
        "whitespace|days",
        id="cii-br-de-18-wrong-whitespace",
    ),
]
# Source: the same suite, instances without a line break after the last coded line.
KOSIT_NO_NEWLINE = [
    pytest.param(
        f"#SKONTO#TAGE=7#PROZENT=2.00#{_PAD}#SKONTO#TAGE=14#PROZENT=1.00#{_PAD}"
        "#SKONTO#TAGE=30#PROZENT=0.00#",
        id="cii-br-de-18-no-newline-after-skonto",
    ),
    pytest.param("#SKONTO#TAGE=7#PROZENT=2.00#", id="cii-br-de-18-no-newline-after-skonto-3"),
]


@pytest.mark.parametrize(("text", "lines"), KOSIT_VALID)
def test_kosit_valid_instances_read_and_pass(text: str, lines: int) -> None:
    assert skonto_findings(text) == ()
    read = read_skonto(text)
    assert len(read.lines) == lines
    assert read.ends_with_newline
    assert read.lines[0] == Skonto(7, Decimal("2.00"), None)


def test_kosit_valid_instance_keeps_bases_and_words() -> None:
    read = read_skonto(KOSIT_VALID[1].values[0])
    assert read.lines[1] == Skonto(14, Decimal("1.00"), Decimal("-3.21"))
    assert read.words == "Test"


@pytest.mark.parametrize(("text", "why"), KOSIT_INVALID)
def test_kosit_invalid_instances_are_refused_naming_the_line(text: str, why: str) -> None:
    assert skonto_findings(text)
    with pytest.raises(InvalidDocument, match=why) as info:
        read_skonto(text, element="ram:Description (BT-20)")
    assert info.value.element == "ram:Description (BT-20)"
    assert info.value.value.startswith("#")
    assert "BR-DE-18" in str(info.value)


@pytest.mark.parametrize("text", KOSIT_NO_NEWLINE)
def test_kosit_instances_without_the_final_line_break_are_findings(text: str) -> None:
    assert skonto_findings(text) == ("the last #SKONTO# line is not followed by a line break",)
    assert not read_skonto(text).ends_with_newline  # readable, but not valid


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("#SKONTO#PROZENT=2.00#", "a day count as the second segment (TAGE=n)"),
        ("#SKONTO#TAGE=#PROZENT=2.00#", "a whole number of days (TAGE=n)"),
        ("#SKONTO#TAGE=-5#PROZENT=2.00#", "not negative"),
        ("#SKONTO#TAGE=10#", "a percentage as the third segment"),
        ("#SKONTO#TAGE=10#PROZENT=2,5#", "with a point and two decimals"),
        ("#SKONTO#TAGE=10#PROZENT=-2.00#", "without sign"),
        ("#RABATT#TAGE=10#PROZENT=2.00#", "a line starting with #SKONTO#"),
    ],
)
def test_bad_lines_name_what_is_missing(line: str, expected: str) -> None:
    with pytest.raises(InvalidDocument, match=expected.replace("(", r"\(").replace(")", r"\)")):
        read_skonto(line + "\n")


def test_lines_are_written_as_the_pattern_wants() -> None:
    issue = date(2026, 1, 15)
    tiers = (DiscountTerm(Decimal("3"), issue, 7), DiscountTerm(Decimal("2.5"), issue, 14))
    text = skonto_lines(tiers, base=Decimal("1000"))
    assert text == (
        "#SKONTO#TAGE=7#PROZENT=3.00#BASISBETRAG=1000.00#\n"
        "#SKONTO#TAGE=14#PROZENT=2.50#BASISBETRAG=1000.00#\n"
    )
    assert all(SKONTO_PATTERN.search(line) for line in text.splitlines())
    assert skonto_findings(text) == ()


def test_a_percentage_with_three_decimals_cannot_be_a_line() -> None:
    with pytest.raises(InvalidDocument, match="at most two decimals"):
        skonto_lines((DiscountTerm(Decimal("1.125"), date(2026, 1, 1), 10),))


def test_a_fixed_amount_cannot_be_a_line() -> None:
    # BR-DE-18: a #SKONTO# line states TAGE, PROZENT and BASISBETRAG, no amount off
    fixed = DiscountTerm(None, date(2026, 1, 1), 10, amount=Decimal("50.00"))
    with pytest.raises(InvalidDocument, match="a percentage") as info:
        skonto_lines((fixed,))
    assert info.value.element == "PROZENT"


@given(
    st.lists(
        st.tuples(st.integers(0, 999), st.decimals("0.01", "99.99", places=2)),
        min_size=1,
        max_size=4,
    ),
    st.none() | st.decimals("-99999", "9999999", places=2),
    st.sampled_from(["", "Zahlbar innerhalb 30 Tagen"]),
)
def test_written_lines_read_back(
    tiers: list[tuple[int, Decimal]], base: Decimal | None, words: str
) -> None:
    discounts = [DiscountTerm(p, date(2026, 1, 1), d) for d, p in tiers]
    text = skonto_lines(discounts, base=base) + words
    read = read_skonto(text)
    assert [(s.days, s.percent, s.base) for s in read.lines] == [(d, p, base) for d, p in tiers]
    assert read.words == words
    assert skonto_findings(text) == ()

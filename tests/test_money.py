"""Tests for payterms.money: Decimal only, minor units, rounding once, exact splits."""

from __future__ import annotations

import decimal
from decimal import ROUND_DOWN, ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal
from fractions import Fraction

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from payterms import InvalidArgument, InvalidType, Residue, UnknownCurrency, allocate, quantize
from payterms.limits import MAX_AMOUNT_DIGITS
from payterms.money import CONTEXT, MINOR_UNITS, figure, minor_unit, round_to_unit, smallest_unit

# Source: ISO 4217 list one (SIX Financial Information), column "Minor unit".
ISO_4217 = [
    ("EUR", 2), ("GBP", 2), ("USD", 2), ("CHF", 2), ("JPY", 0), ("SEK", 2), ("DKK", 2),
    ("NOK", 2), ("PLN", 2), ("CZK", 2), ("HUF", 2), ("BHD", 3), ("KWD", 3), ("ISK", 0),
    ("KRW", 0), ("TND", 3),
]  # fmt: skip


@pytest.mark.parametrize(("code", "exponent"), ISO_4217)
def test_minor_units(code: str, exponent: int) -> None:
    assert minor_unit(code) == exponent
    assert smallest_unit(code) == Decimal(1).scaleb(-exponent)


def test_minor_unit_table_is_read_only() -> None:
    with pytest.raises(TypeError):
        MINOR_UNITS["XXX"] = 2  # type: ignore[index]


@pytest.mark.parametrize("code", ["XYZ", "eur", "", None, 978])
def test_unknown_currency(code: object) -> None:
    with pytest.raises(UnknownCurrency) as info:
        minor_unit(code)  # type: ignore[arg-type]
    assert repr(code) in str(info.value)
    assert isinstance(info.value, LookupError)


QUANTIZE = [
    pytest.param("10.005", "EUR", ROUND_HALF_UP, "10.01", id="half-up"),
    pytest.param("10.005", "EUR", ROUND_HALF_EVEN, "10.00", id="half-even"),
    pytest.param("10.015", "EUR", ROUND_HALF_EVEN, "10.02", id="half-even-up"),
    pytest.param("10.009", "EUR", ROUND_DOWN, "10.00", id="down"),
    pytest.param("-10.005", "EUR", ROUND_HALF_UP, "-10.01", id="negative-half-up"),
    pytest.param("1234.5", "JPY", ROUND_HALF_UP, "1235", id="jpy"),
    pytest.param("1.2345", "BHD", ROUND_HALF_UP, "1.235", id="bhd"),
    pytest.param(7, "EUR", ROUND_HALF_UP, "7.00", id="int"),
]


@pytest.mark.parametrize(("amount", "currency", "rounding", "expected"), QUANTIZE)
def test_quantize(amount: str | int, currency: str, rounding: str, expected: str) -> None:
    got = quantize(amount if isinstance(amount, int) else Decimal(amount), currency,
                   rounding=rounding)  # fmt: skip
    assert got == Decimal(expected)
    assert str(got) == expected


def test_quantize_ignores_ambient_context() -> None:
    with decimal.localcontext() as ctx:
        ctx.rounding = ROUND_DOWN
        ctx.prec = 2
        assert quantize(Decimal("12345.675"), "EUR") == Decimal("12345.68")


@pytest.mark.parametrize(
    ("call", "error", "fragment"),
    [
        pytest.param(lambda: quantize(1.5, "EUR"), InvalidType, "1.5", id="float"),  # type: ignore[arg-type]
        pytest.param(lambda: quantize(True, "EUR"), InvalidType, "True", id="bool"),  # type: ignore[arg-type]
        pytest.param(lambda: quantize("abc", "EUR"), InvalidArgument, "abc", id="text"),
        pytest.param(lambda: quantize(Decimal("NaN"), "EUR"), InvalidArgument, "NaN", id="nan"),
        pytest.param(lambda: quantize(Decimal("1"), "EUR", rounding="nearest"), InvalidArgument,
                     "nearest", id="rounding"),
        pytest.param(lambda: quantize(Decimal("1"), "EUR", rounding=[]), InvalidArgument,  # type: ignore[arg-type]
                     "rounding=[]", id="rounding-unhashable"),
        pytest.param(lambda: allocate(Decimal("1"), ()), InvalidArgument, "weights", id="none"),
        pytest.param(lambda: allocate(Decimal("1"), (0, 0)), InvalidArgument, "positive sum",
                     id="zero-sum"),
        pytest.param(lambda: allocate(Decimal("1"), (1, -1)), InvalidArgument, "weights[1]",
                     id="negative-weight"),
        pytest.param(lambda: allocate(Decimal("1"), (1, 0.5)), InvalidType, "0.5",  # type: ignore[arg-type]
                     id="float-weight"),
        pytest.param(lambda: allocate(1.0, (1, 1)), InvalidType, "1.0", id="float-total"),  # type: ignore[arg-type]
        pytest.param(lambda: allocate(Decimal("1"), (1,), "ZZZ"), UnknownCurrency, "ZZZ",
                     id="currency"),
        pytest.param(lambda: allocate(Decimal("1"), (1,), residue="last"), InvalidArgument,  # type: ignore[arg-type]
                     "residue", id="residue"),
    ],
)  # fmt: skip
def test_bad_input(call, error: type[Exception], fragment: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(error) as info:
        call()
    assert fragment in str(info.value)


# Worked splits. Source: user_demand.md §A2 (instalment residue: a 100.00 invoice in three
# thirds must be 33.34 + 33.33 + 33.33, the residue placed on one documented line).
ALLOCATIONS = [
    pytest.param("100.00", (1, 1, 1), Residue.LARGEST_REMAINDER, ("33.34", "33.33", "33.33"),
                 id="thirds"),
    pytest.param("100.00", (1, 1, 1), Residue.LAST, ("33.33", "33.33", "33.34"), id="last"),
    pytest.param("100.00", (1, 1, 1), Residue.FIRST, ("33.34", "33.33", "33.33"), id="first"),
    pytest.param("0.05", (1, 1, 1), Residue.LARGEST_REMAINDER, ("0.02", "0.02", "0.01"),
                 id="cents"),
    pytest.param("10.00", (0, 1, 0, 1), Residue.LAST, ("0.00", "5.00", "0.00", "5.00"),
                 id="zero-weights"),
    pytest.param("0.01", (1, 1), Residue.LAST, ("0.00", "0.01"), id="one-cent"),
    pytest.param("1000", ("30", "70"), Residue.LAST, ("300.00", "700.00"), id="percent"),
    pytest.param("1.00", ("0.333", "0.333", "0.334"), Residue.LARGEST_REMAINDER,
                 ("0.33", "0.33", "0.34"), id="fractions"),
]  # fmt: skip


@pytest.mark.parametrize(("total", "weights", "residue", "expected"), ALLOCATIONS)
def test_allocate_examples(
    total: str, weights: tuple[object, ...], residue: Residue, expected: tuple[str, ...]
) -> None:
    got = allocate(Decimal(total), weights, residue=residue)  # type: ignore[arg-type]
    assert got == tuple(Decimal(e) for e in expected)
    assert sum(got) == quantize(Decimal(total))


CURRENCIES = st.sampled_from(sorted(MINOR_UNITS))
AMOUNTS = st.decimals(min_value=-10**9, max_value=10**9, places=3, allow_nan=False,
                      allow_infinity=False)  # fmt: skip
WEIGHTS = st.lists(
    st.decimals(min_value=0, max_value=10**6, places=4, allow_nan=False, allow_infinity=False),
    min_size=1,
    max_size=12,
).filter(lambda ws: sum(ws) > 0)


@given(AMOUNTS, WEIGHTS, CURRENCIES, st.sampled_from(list(Residue)))
def test_allocate_sums_exactly(
    total: Decimal, weights: list[Decimal], currency: str, residue: Residue
) -> None:
    parts = allocate(total, weights, currency, residue=residue)
    assert len(parts) == len(weights)
    assert sum(parts, Decimal(0)) == quantize(total, currency)
    unit = smallest_unit(currency)
    for part in parts:
        assert part == part.quantize(unit)


@given(AMOUNTS.map(abs), WEIGHTS, CURRENCIES, st.sampled_from(list(Residue)))
def test_allocate_never_negative_and_fair(
    total: Decimal, weights: list[Decimal], currency: str, residue: Residue
) -> None:
    parts = allocate(total, weights, currency, residue=residue)
    rounded = quantize(total, currency)
    unit = smallest_unit(currency)
    weight_sum = sum(weights, Decimal(0))
    for part, weight in zip(parts, weights, strict=True):
        assert part >= 0
        if weight == 0:
            assert part == 0
        exact = rounded * weight / weight_sum
        if residue is Residue.LARGEST_REMAINDER:
            assert abs(part - exact) < unit


@given(AMOUNTS, WEIGHTS, CURRENCIES)
def test_allocate_credit_note_mirrors(
    total: Decimal, weights: list[Decimal], currency: str
) -> None:
    assert allocate(-total, weights, currency) == tuple(
        -p if p else p for p in allocate(total, weights, currency)
    )


def test_quantize_any_finite_amount() -> None:
    # An amount beyond the working precision (a cost compounded over centuries) is still
    # expressed exactly in minor units instead of failing inside decimal.
    big = "1" + "0" * 70
    assert quantize(Decimal(big + ".005"), "EUR") == Decimal(big + ".01")
    assert str(quantize(Decimal(big + ".004"), "EUR")) == big + ".00"
    assert str(quantize(Decimal("1e75"), "JPY")) == "1" + "0" * 75


@example(Decimal("1E17"), [1, 2])  # the parts were rounded to 28 digits by the ambient context
@example(Decimal("1E40"), [1, 2])  # beyond payterms.limits.MAX_AMOUNT_DIGITS: refused
@example(Decimal("1E59"), [1, 2])  # raised decimal.InvalidOperation
@given(
    st.builds(
        lambda digits, exponent, negative: (
            Decimal(digits).scaleb(exponent).copy_sign(Decimal(-1 if negative else 1))
        ),
        st.integers(0, 10**12),
        st.integers(-2, 48),
        st.booleans(),
    ),
    st.lists(st.integers(0, 1000), min_size=1, max_size=5).filter(any),
)
def test_allocate_any_amount_up_to_1e60_sums_exactly_or_is_refused(
    total: Decimal, weights: list[int]
) -> None:
    try:
        parts = allocate(total, weights)
    except InvalidArgument as exc:
        refused = exc
    else:
        refused = None
        exact = quantize(total, "EUR")
        assert sum(map(Fraction, parts)) == Fraction(exact)  # exact, whatever the context
        assert all(p.as_tuple().exponent == -2 for p in parts)
    if refused is not None:  # only beyond the package's limit (payterms.limits)
        assert refused.name == "total"
        assert abs(total).adjusted() >= MAX_AMOUNT_DIGITS


def test_rounding_to_a_unit_widens_instead_of_failing() -> None:
    value = Decimal(10) ** 70 / Decimal(7)
    assert round_to_unit(value, Decimal("0.01")).as_tuple().exponent == -2
    assert round_to_unit(Decimal("2.665"), Decimal("0.01"), ROUND_HALF_EVEN) == Decimal("2.66")


def test_the_working_context_ignores_the_ambient_one() -> None:
    with decimal.localcontext(decimal.Context(prec=3)):
        assert allocate(Decimal("1E17"), (1, 2))[0] == Decimal("3" * 17 + ".33")
        assert figure(CONTEXT.divide(Decimal(1), Decimal(3))) == Decimal("0." + "3" * 28)

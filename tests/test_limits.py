"""payterms.limits: one set of limits, met with a payterms error that names the limit.

Each reproduction below escaped as a plain Python exception (ValueError from int(),
RecursionError, decimal.InvalidOperation, OverflowError) or took seconds.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

import pytest

import payterms as pt
from payterms import limits
from payterms.dunning import DunningStep
from payterms.errors import LimitExceeded, ParseError, PaytermsError
from payterms.receivables import Bucket
from payterms.rules import CutOff, DueRule, Shift

BE = pt.BusinessCalendar.TARGET
DAY = date(2026, 1, 15)


def _nested(depth: int) -> str:
    return "<1: " * depth + "0D" + " ? 0D>" * depth


@pytest.mark.parametrize(
    ("call", "limit"),
    [
        # decimal.InvalidOperation inside quantize / allocate / the interest engine
        pytest.param(
            lambda: pt.PaymentTerms.net(30).schedule(DAY, Decimal("1e58")),
            "MAX_AMOUNT_DIGITS",
            id="schedule-1e58",
        ),
        pytest.param(
            lambda: pt.allocate(Decimal("1e59"), (1, 2)), "MAX_AMOUNT_DIGITS", id="allocate-1e59"
        ),
        pytest.param(
            lambda: pt.late_interest(
                Decimal("1e38"), due=date(2024, 3, 31), until=date(2025, 2, 15), regime="BE"
            ),
            "MAX_AMOUNT_DIGITS",
            id="late-interest-1e38",
        ),
        pytest.param(
            lambda: pt.PaymentTerms.net(30).schedule(DAY, 10**5000),
            "MAX_AMOUNT_DIGITS",
            id="int-of-5000-digits",
        ),
        pytest.param(
            lambda: pt.Installment.fixed("1e30", "0D"), "MAX_AMOUNT_DIGITS", id="fixed-line"
        ),
        pytest.param(
            lambda: pt.financing_cost(Decimal("1e20"), days=60, rate=Decimal("0.08")),
            "MAX_AMOUNT_DIGITS",
            id="financing",
        ),
        # OverflowError from date arithmetic
        pytest.param(
            lambda: pt.late_interest(
                Decimal("100"), due=date(2024, 3, 31), until=date(9999, 12, 31), rate="0.08"
            ),
            "MAX_YEAR",
            id="late-interest-until-9999",
        ),
        pytest.param(
            lambda: pt.DueRule.parse("1M").apply(date(9999, 12, 15)), "MAX_YEAR", id="rule-9999"
        ),
        pytest.param(
            lambda: pt.DunningLadder.parse("+30D notice").plan(date(9999, 12, 15), calendar=BE),
            "MAX_YEAR",
            id="dunning-9999",
        ),
        # a step's count
        pytest.param(
            lambda: DueRule((Shift(10_000),)),
            "MAX_COUNT",
            id="shift-10000",
        ),
        pytest.param(
            lambda: DunningStep(10_000, "x"),
            "MAX_COUNT",
            id="dunning-offset",
        ),
        pytest.param(lambda: Bucket(10_001, None), "MAX_COUNT", id="bucket"),
        # RecursionError on deep nesting built through the API
        pytest.param(lambda: _deep_rule(9), "MAX_DEPTH", id="nested-cut-offs-api"),
        # text size
        pytest.param(
            lambda: pt.PaymentTerms.parse("net 30 " * 1000), "MAX_TEXT_LENGTH", id="wording"
        ),
        pytest.param(
            lambda: pt.PaymentTerms.parse("x" * 1_000_000), "MAX_TEXT_LENGTH", id="wording-1MB"
        ),
        pytest.param(lambda: pt.DueRule.parse("9" * 5000 + "D"), "MAX_TEXT_LENGTH", id="rule"),
        pytest.param(lambda: pt.DueRule.parse(_nested(2000)), "MAX_TEXT_LENGTH", id="nesting"),
        pytest.param(
            lambda: pt.DunningLadder.parse("+5D reminder" + " " * 16_000 + "]"),
            "MAX_TEXT_LENGTH",
            id="dunning-16000-spaces",
        ),
        pytest.param(
            lambda: pt.AgingBuckets.parse("current, 1-" + "9" * 5000),
            "MAX_TEXT_LENGTH",
            id="buckets",
        ),
        pytest.param(
            lambda: pt.PaymentTerms.net(30).schedule(DAY, "1" * 5000),
            "MAX_TEXT_LENGTH",
            id="amount-text",
        ),
    ],
)
def test_beyond_a_limit_raises_limit_exceeded_naming_it(
    call: Callable[[], object], limit: str
) -> None:
    with pytest.raises(LimitExceeded) as info:
        call()
    assert info.value.limit == limit
    assert f"(payterms.limits.{limit})" in str(info.value)
    assert isinstance(info.value, ValueError)
    assert hasattr(limits, limit)


def _deep_rule(depth: int) -> DueRule:
    rule = DueRule.parse("0D")
    for _ in range(depth):
        rule = DueRule((CutOff(1, rule, rule),))
    return rule


@pytest.mark.parametrize(
    ("call", "fragment"),
    [
        # ValueError from int() of 5000 digits (now under the text limit: 4000 digits)
        pytest.param(lambda: pt.DueRule.parse("9" * 4000 + "D"), "MAX_COUNT", id="rule-count"),
        pytest.param(lambda: pt.PaymentTerms.parse("9" * 4000 + "D"), "MAX_COUNT", id="formula"),
        pytest.param(lambda: pt.PaymentTerms.parse("net " + "9" * 4000), "MAX_COUNT", id="net"),
        pytest.param(lambda: pt.DueRule.parse("WD" + "9" * 30), "from 1 (Monday)", id="weekday"),
        pytest.param(lambda: pt.DueRule.parse("D" + "9" * 30), "from 1 to 31", id="day"),
        pytest.param(lambda: pt.DueRule.parse(_nested(400)), "MAX_DEPTH", id="nesting-400"),
        pytest.param(lambda: pt.DueRule.parse(_nested(9)), "MAX_DEPTH", id="nesting-9"),
        pytest.param(
            lambda: pt.PaymentTerms.parse("[" + _nested(400) + "]"), "MAX_DEPTH", id="in-wording"
        ),
        # OverflowError when planned; now refused when read
        pytest.param(
            lambda: pt.DunningLadder.parse("+99999999999999999999D reminder"),
            "MAX_COUNT",
            id="dunning-offset-20-digits",
        ),
        pytest.param(
            lambda: pt.DunningLadder.parse("+1D reminder [pay within 99999999999D]"),
            "MAX_COUNT",
            id="dunning-grant",
        ),
        pytest.param(
            lambda: pt.AgingBuckets.parse("current, 1-" + "9" * 4000),
            "MAX_COUNT",
            id="buckets-4000-digits",
        ),
        pytest.param(
            lambda: pt.AgingBuckets.parse("current, 1-30, 31-99999, 99999+"),
            "MAX_COUNT",
            id="bucket-bound",
        ),
    ],
)
def test_a_limit_inside_a_text_is_a_parse_error_naming_it(
    call: Callable[[], object], fragment: str
) -> None:
    with pytest.raises(ParseError) as info:
        call()
    assert fragment in str(info.value)


def test_nesting_up_to_the_limit_is_read() -> None:
    rule = DueRule.parse(_nested(limits.MAX_DEPTH))
    assert rule.apply(DAY) == DAY
    assert _deep_rule(limits.MAX_DEPTH).apply(DAY) == DAY


def test_amounts_below_the_limit_are_exact() -> None:
    biggest = Decimal("999999999999999999.99")
    sched = pt.PaymentTerms.net(30).schedule(DAY, biggest)
    assert sched.dues[0].amount == biggest
    assert sum(pt.allocate(biggest, (1, 1, 1))) == biggest
    # quantize rounds figures a computation produced, of any size
    assert pt.quantize(Decimal("1e75"), "JPY") == Decimal("1e75")


def test_long_texts_are_not_memoised() -> None:
    from payterms.text.parse import _read_cached

    short = "net 31 days"
    long = "net 30 days, " + " " * limits.MAX_CACHED_LENGTH
    pt.PaymentTerms.parse(short)
    before = _read_cached.cache_info()
    assert pt.PaymentTerms.parse(long) == pt.PaymentTerms.net(30)
    assert _read_cached.cache_info().currsize == before.currsize
    pt.PaymentTerms.parse(short)
    assert _read_cached.cache_info().hits == before.hits + 1


@pytest.mark.parametrize(
    "call",
    [
        pytest.param(lambda: pt.PaymentTerms.parse("net 30 " + "x" * 4000), id="wording"),
        pytest.param(lambda: pt.PaymentTerms.parse("y" * 1_000_000), id="wording-1MB"),
        pytest.param(lambda: pt.DueRule.parse("CM+" + "Z" * 4000), id="rule"),
        pytest.param(lambda: pt.DunningLadder.parse("+1D " + "[" * 4000), id="dunning"),
        pytest.param(lambda: pt.AgingBuckets.parse("current, " + "1" * 3000 + "x"), id="buckets"),
        pytest.param(lambda: pt.Installment.fixed("x" * 3000, "0D"), id="number-text"),
        pytest.param(lambda: pt.PaymentTerms.parse("net 30", lang="x" * 10_000), id="lang"),
    ],
)
def test_error_messages_cut_long_inputs(call: Callable[[], object]) -> None:
    with pytest.raises(PaytermsError) as info:
        call()
    message = str(info.value)
    # the input is named by its two ends and its length, once, never copied whole
    assert len(message) < 3 * limits.MAX_SHOWN_LENGTH + 300, len(message)
    assert "characters)" in message


def test_error_keeps_the_whole_value() -> None:
    text = "net 30 " + "x" * 4000
    with pytest.raises(ParseError) as info:
        pt.PaymentTerms.parse(text)
    assert info.value.text is text
    assert info.value.value is text


def test_limits_module_documents_every_limit() -> None:
    doc = limits.__doc__ or ""
    for name in limits.__all__:
        assert f":data:`{name}`" in doc, name
        assert isinstance(getattr(limits, name), int)

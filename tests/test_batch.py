"""Batch functions: the same answers as the single-invoice functions, in the caller's containers."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable
from datetime import date, datetime, timedelta
from decimal import ROUND_UP, Decimal
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from tests.strategies import (
    amounts,
    any_terms,
    business_calendars,
    dates,
    interest_rates,
    interest_regime_codes,
    late_claims,
    payment_runs,
    payment_terms,
    run_dates,
)

from payterms import batch
from payterms.batch import (
    InterestColumns,
    amounts_due,
    due_dates,
    expected_payment_dates,
    late_interest_many,
    schedules,
)
from payterms.calendars import Adjustment, BusinessCalendar, DayCount
from payterms.conventions import Compounding, PaymentDay, RateAssumption, RateSplit
from payterms.errors import (
    InvalidArgument,
    InvalidType,
    MissingExtra,
    OutsideCalendarRange,
    PaytermsError,
)
from payterms.interest import Payment, claim_rules, late_interest
from payterms.law import CODES, TableRate
from payterms.law import regime as law_regime
from payterms.money import ROUNDING_MODES
from payterms.runs import Payer, PaymentRun
from payterms.terms import Installment, PaymentTerms, Schedule, Start
from payterms.timing import expected_payment_date
from strategies import examples

TARGET = BusinessCalendar.TARGET

# --------------------------------------------------------------------------- containers

KINDS = (
    "list",
    "tuple",
    "generator",
    "numpy[D]",
    "numpy[ns]",
    "numpy[object]",
    "pandas[datetime64]",
    "pandas[object]",
)


def as_kind(days: list[date], kind: str, index: list[Any] | None = None) -> Any:
    """Return *days* in the container *kind* (pandas with *index* when given)."""
    if kind == "list":
        return list(days)
    if kind == "tuple":
        return tuple(days)
    if kind == "generator":
        return (d for d in days)
    stamped = np.array([d.isoformat() for d in days], dtype="datetime64[D]")
    if kind == "numpy[D]":
        return stamped
    if kind == "numpy[ns]":
        return stamped.astype("datetime64[ns]")
    if kind == "numpy[object]":
        return np.array([*days, None], dtype=object)[:-1]  # keep an object array of dates
    if kind == "pandas[datetime64]":
        return pd.Series(stamped.astype("datetime64[ns]"), index=index)
    if kind == "pandas[object]":
        return pd.Series(days, index=index, dtype=object)
    raise AssertionError(kind)


def as_dates(result: Any) -> list[date]:
    """Return the dates of a batch result, checking its container type on the way."""
    if isinstance(result, tuple):
        assert all(type(d) is date for d in result)
        return list(result)
    if isinstance(result, np.ndarray):
        assert result.dtype == np.dtype("datetime64[D]")
        return list(result.astype(object))
    assert isinstance(result, pd.Series)
    if result.dtype.kind == "M":
        return [ts.date() for ts in result]
    assert all(type(d) is date for d in result)
    return list(result)


def expected_type(kind: str) -> type:
    if kind.startswith("numpy"):
        return np.ndarray
    if kind.startswith("pandas"):
        return pd.Series
    return tuple


def assert_same(single: Callable[[], list[date]], many: Callable[[], Any], kind: str) -> None:
    """Assert that *many* gives what *single* gives row by row, or raises what it raises."""
    try:
        expected = single()
    except PaytermsError as exc:  # e.g. a long term running past the calendar's years
        with pytest.raises(type(exc)):
            many()
        return
    result = many()
    assert isinstance(result, expected_type(kind))
    assert as_dates(result) == expected


# --------------------------------------------------------------------------- published examples

# Each row: terms, start, calendar adjustment, the published due date.
EXAMPLES = [
    # Source: Zuora Knowledge Center, "Payment terms": Net 30 on an invoice dated 1 August
    # is due 31 August (the docstring of PaymentTerms.net).
    pytest.param(
        PaymentTerms.net(30), date(2026, 8, 1), Adjustment.UNADJUSTED, date(2026, 8, 31), id="zuora"
    ),
    # Source: DESIGN.md §4/§5: "CM+45D" from 15 Jan 2026 is 17 March 2026 (end of January,
    # then 45 days).
    pytest.param(
        PaymentTerms.end_of_month(45),
        date(2026, 1, 15),
        Adjustment.UNADJUSTED,
        date(2026, 3, 17),
        id="design-cm45",
    ),
    # Source: ECB, TARGET2 closing days (Good Friday and Easter Monday): net 30 from
    # 4 March 2026 falls on Good Friday 3 April 2026; the next TARGET day is 7 April.
    pytest.param(
        PaymentTerms.net(30),
        date(2026, 3, 4),
        Adjustment.FOLLOWING,
        date(2026, 4, 7),
        id="target-good-friday",
    ),
    # Source: ECB, TARGET2 closing days (1 May): net 30 from 1 April 2026 falls on
    # Friday 1 May; modified following moves it to Monday 4 May (same month).
    pytest.param(
        PaymentTerms.net(30),
        date(2026, 4, 1),
        Adjustment.MODIFIED_FOLLOWING,
        date(2026, 5, 4),
        id="target-labour-day",
    ),
]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(("terms", "start", "adjustment", "due"), EXAMPLES)
def test_published_due_dates_in_every_container(
    terms: PaymentTerms, start: date, adjustment: Adjustment, due: date, kind: str
) -> None:
    starts = [start, start + timedelta(days=0)]
    result = due_dates(terms, as_kind(starts, kind), calendar=TARGET, adjustment=adjustment)
    assert isinstance(result, expected_type(kind))
    assert as_dates(result) == [due, due]


def test_pandas_result_keeps_index_dtype_and_is_named() -> None:
    starts = pd.Series(
        np.array(["2026-03-04", "2026-01-15"], dtype="datetime64[s]"), index=["inv-2", "inv-1"]
    )
    result = due_dates(
        PaymentTerms.net(30), starts, calendar=TARGET, adjustment=Adjustment.FOLLOWING
    )
    assert list(result.index) == ["inv-2", "inv-1"]
    assert result.dtype == starts.dtype
    assert result.name == "due_dates"
    assert [ts.date() for ts in result] == [date(2026, 4, 7), date(2026, 2, 16)]


def test_a_due_date_past_the_nanosecond_range_does_not_wrap() -> None:
    # datetime64[ns] ends on 11 April 2262; a 243-year term from 2020 ends in 2263
    long = PaymentTerms(installments=(Installment.balance("243Y"),))
    starts = as_kind([date(2020, 1, 1), date(2020, 1, 2)], "pandas[datetime64]", ["a", "b"])
    for terms in (long, [long, PaymentTerms.net(30)]):
        result = due_dates(terms, starts)
        assert result.dtype == np.dtype("datetime64[s]")
        assert list(result.index) == ["a", "b"]
        assert as_dates(result) == [
            t.due_date(s)
            for t, s in zip(
                terms if isinstance(terms, list) else [terms] * 2,
                [date(2020, 1, 1), date(2020, 1, 2)],
                strict=True,
            )
        ]


def test_mixed_terms_follow_their_rows() -> None:
    terms = [PaymentTerms.net(30), PaymentTerms.end_of_month(45), PaymentTerms.net(30)]
    starts = [date(2026, 1, 15)] * 3
    # Source: DESIGN.md §5 (CM+45D from 15 Jan 2026 is 17 March); net 30 from 15 Jan is 14 Feb.
    expected = [date(2026, 2, 14), date(2026, 3, 17), date(2026, 2, 14)]
    assert list(due_dates(terms, starts)) == expected
    series = pd.Series(starts, index=[7, 8, 9], dtype=object)
    assert list(due_dates(pd.Series(terms, index=[7, 8, 9]), series)) == expected
    stamped = as_kind(starts, "numpy[D]")
    assert as_dates(due_dates(np.array(terms, dtype=object), stamped)) == expected


# --------------------------------------------------------------------------- properties

start_lists = st.lists(dates(date(2020, 1, 1), date(2030, 12, 31)), max_size=40)
adjustments = st.sampled_from(Adjustment)


@settings(max_examples=examples(60), deadline=None)
@given(
    terms=st.one_of(payment_terms(), payment_terms(forward=False, extras=True)),  # holidays
    starts=start_lists,
    kind=st.sampled_from(KINDS),
    adjustment=adjustments,
)
def test_due_dates_equal_the_single_invoice_due_date(
    terms: PaymentTerms, starts: list[date], kind: str, adjustment: Adjustment
) -> None:
    calendar = None if adjustment is Adjustment.UNADJUSTED else TARGET
    assert_same(
        lambda: [terms.due_date(s, calendar=calendar, adjustment=adjustment) for s in starts],
        lambda: due_dates(terms, as_kind(starts, kind), calendar=calendar, adjustment=adjustment),
        kind,
    )


@settings(max_examples=examples(40), deadline=None)
@given(
    rows=st.lists(
        st.tuples(payment_terms(max_lines=2), dates(date(2020, 1, 1), date(2030, 12, 31))),
        max_size=20,
    ),
    kind=st.sampled_from(KINDS),
)
def test_mixed_due_dates_equal_the_single_invoice_due_date(
    rows: list[tuple[PaymentTerms, date]], kind: str
) -> None:
    terms = [t for t, _ in rows]
    starts = [s for _, s in rows]
    result = due_dates(terms, as_kind(starts, kind))
    assert as_dates(result) == [t.due_date(s) for t, s in rows]


@settings(max_examples=examples(40), deadline=None)
@given(
    starts=start_lists,
    labels=st.randoms(use_true_random=False),
    kind=st.sampled_from(("pandas[datetime64]", "pandas[object]")),
)
def test_pandas_index_and_order_are_kept(starts: list[date], labels: Any, kind: str) -> None:
    index = [f"inv-{i}" for i in range(len(starts))]
    labels.shuffle(index)
    series = as_kind(starts, kind, index)
    result = due_dates(PaymentTerms.end_of_month(30), series)
    assert list(result.index) == index
    for label, start in zip(index, starts, strict=True):
        got = result[label]
        got = got.date() if isinstance(got, pd.Timestamp) else got
        assert got == PaymentTerms.end_of_month(30).due_date(start)


@pytest.mark.parametrize("kind", KINDS)
def test_empty_input_gives_empty_output_of_the_same_kind(kind: str) -> None:
    result = due_dates(PaymentTerms.net(30), as_kind([], kind))
    assert isinstance(result, expected_type(kind))
    assert len(result) == 0
    payer = Payer(runs=PaymentRun.monthly(25))
    assert len(expected_payment_dates(PaymentTerms.net(30), as_kind([], kind), payer)) == 0


def test_wide_date_spans_use_the_sorted_path() -> None:
    # two starts four centuries apart: no dense look-up table, same answers
    starts = [date(1700, 3, 1), date(2100, 3, 1), date(1700, 3, 1)]
    result = due_dates(PaymentTerms.net(30), as_kind(starts, "numpy[D]"))
    assert as_dates(result) == [date(1700, 3, 31), date(2100, 3, 31), date(1700, 3, 31)]


# --------------------------------------------------------------------------- columnar engine

ARRAY_KINDS = ("numpy[D]", "numpy[ns]", "numpy[object]", "pandas[datetime64]", "pandas[object]")
TERMS_KINDS = ("one", "list", "numpy[object]", "pandas[object]", "pandas[category]")
EDGE_DATES = (date(1, 1, 1), date(1999, 1, 1), date(2070, 12, 31), date(9999, 11, 20))


def terms_column(rows: list[PaymentTerms], kind: str, index: list[Any] | None = None) -> Any:
    """Return the per-row terms in the container *kind* (``one``: the single terms)."""
    if kind == "one":
        return rows[0]
    if kind == "list":
        return list(rows)
    if kind == "numpy[object]":
        column = np.empty(len(rows), dtype=object)
        column[:] = rows
        return column
    if kind == "pandas[object]":
        return pd.Series(rows, index=index, dtype=object)
    distinct = list(dict.fromkeys(rows))
    codes = [distinct.index(t) for t in rows]
    categories = pd.Index(distinct, dtype=object)
    return pd.Series(pd.Categorical.from_codes(codes, categories=categories), index=index)


def single_results(
    rows: list[PaymentTerms],
    starts: list[date],
    calendar: BusinessCalendar | None,
    adjustment: Adjustment,
) -> tuple[list[date], tuple[int, PaytermsError] | None]:
    """Return the due date of each row by the single-invoice function, up to the first error."""
    out = []
    for i, (terms, start) in enumerate(zip(rows, starts, strict=True)):
        try:
            out.append(terms.due_date(start, calendar=calendar, adjustment=adjustment))
        except PaytermsError as exc:
            return out, (i, exc)
    return out, None


@settings(max_examples=examples(100), deadline=None)
@given(
    distinct=st.lists(any_terms(), min_size=1, max_size=4),
    picks=st.lists(st.integers(0, 3), max_size=12),
    chosen=st.lists(
        st.one_of(dates(date(1990, 1, 1), date(2060, 12, 31)), st.sampled_from(EDGE_DATES)),
        min_size=12,
        max_size=12,
    ),
    calendar=st.one_of(st.none(), business_calendars()),
    adjustment=adjustments,
    kind=st.sampled_from(ARRAY_KINDS),
    terms_kind=st.sampled_from(TERMS_KINDS),
)
@example(
    distinct=[PaymentTerms.net(30)],
    picks=[0, 0],
    chosen=[date(2026, 3, 4), date(2100, 12, 31)] + [date(2026, 1, 1)] * 10,
    calendar=TARGET,
    adjustment=Adjustment.FOLLOWING,
    kind="numpy[D]",
    terms_kind="one",
).via("a due date past TARGET's last year is refused as the single call refuses it")
def test_columnar_due_dates_equal_the_single_invoice_function(
    distinct: list[PaymentTerms],
    picks: list[int],
    chosen: list[date],
    calendar: BusinessCalendar | None,
    adjustment: Adjustment,
    kind: str,
    terms_kind: str,
) -> None:
    # any mix of terms (business-day steps, cut-offs, anchors back), calendars and
    # adjustments: each row is the single-invoice answer, or the batch raises the first
    # failing row's error, naming that row
    if terms_kind == "one":
        distinct = distinct[:1]
    rows = [distinct[p % len(distinct)] for p in picks]
    starts = chosen[: len(rows)]
    if kind.endswith("[ns]") or kind == "pandas[datetime64]":  # 1677-2262 only
        starts = [min(max(s, date(1990, 1, 1)), date(2060, 12, 31)) for s in starts]
    expected, failure = single_results(rows, starts, calendar, adjustment)
    column = distinct[0] if terms_kind == "one" else terms_column(rows, terms_kind)
    call = lambda: due_dates(  # noqa: E731
        column, as_kind(starts, kind), calendar=calendar, adjustment=adjustment
    )
    if failure is not None:
        position, error = failure
        with pytest.raises(type(error)) as info:
            call()
        assert str(info.value) == str(error)
        assert f"at starts[{position}]" in " ".join(info.value.__notes__)
        return
    result = call()
    assert isinstance(result, expected_type(kind))
    assert as_dates(result) == expected


@settings(max_examples=examples(60), deadline=None)
@given(
    starts=st.lists(dates(date(1990, 1, 1), date(2060, 12, 31)), min_size=1, max_size=20),
    missing=st.integers(0, 19),
    kind=st.sampled_from(("numpy[D]", "numpy[ns]", "pandas[datetime64]")),
)
def test_a_missing_date_is_refused_by_its_first_position(
    starts: list[date], missing: int, kind: str
) -> None:
    # NaT has no due date: the batch names the first missing row rather than guessing
    column = as_kind(starts, kind)
    at = sorted({missing % len(starts), (missing * 7) % len(starts)})
    values = column.to_numpy().copy() if isinstance(column, pd.Series) else column.copy()
    values[at] = np.datetime64("NaT")
    if isinstance(column, pd.Series):
        values = pd.Series(values)
    with pytest.raises(InvalidArgument, match=rf"^starts\[{at[0]}\]="):
        due_dates(PaymentTerms.net(30), values, calendar=TARGET, adjustment=Adjustment.FOLLOWING)
    with pytest.raises(InvalidArgument, match=rf"^starts\[{at[0]}\]="):
        schedules(PaymentTerms.net(30), values, ["10.00"] * len(starts))
    with pytest.raises(InvalidArgument, match=rf"^untils\[{at[0]}\]="):
        late_interest_many(["10.00"] * len(starts), column, values, rate=Decimal("0.08"))


@pytest.mark.parametrize("terms_kind", TERMS_KINDS)
@pytest.mark.parametrize("kind", ARRAY_KINDS)
def test_empty_columns_give_empty_columns_for_every_terms_container(
    kind: str, terms_kind: str
) -> None:
    column = PaymentTerms.net(30) if terms_kind == "one" else terms_column([], terms_kind)
    result = due_dates(column, as_kind([], kind), calendar=TARGET, adjustment=Adjustment.FOLLOWING)
    assert isinstance(result, expected_type(kind))
    assert len(result) == 0


def test_terms_columns_are_coded_by_value_and_checked_by_position() -> None:
    starts = as_kind([date(2026, 1, 15)] * 4, "numpy[D]")
    # equal terms held in distinct objects give the same answers
    twins = [PaymentTerms.net(30), PaymentTerms.net(30), PaymentTerms.parse("net 30"), None]
    twins[3] = PaymentTerms.end_of_month(45)
    # Source: DESIGN.md §5 (CM+45D from 15 Jan 2026 is 17 March 2026).
    expected = [date(2026, 2, 14)] * 3 + [date(2026, 3, 17)]
    for kind in TERMS_KINDS[1:]:
        assert as_dates(due_dates(terms_column(twins, kind), starts)) == expected
    for bad in (["net 30", PaymentTerms.net(30)], [PaymentTerms.net(30), [1], [1], None]):
        rows = bad + [PaymentTerms.net(30)] * (4 - len(bad))
        position = next(i for i, t in enumerate(rows) if not isinstance(t, PaymentTerms))
        for kind in ("list", "numpy[object]", "pandas[object]"):
            with pytest.raises(InvalidType, match=rf"^terms\[{position}\]="):
                due_dates(terms_column(rows, kind), starts)
    with pytest.raises(InvalidType, match=r"^terms\[1\]="):
        due_dates(pd.Series(pd.Categorical([PaymentTerms.net(30), None] * 2)), starts)
    with pytest.raises(InvalidType, match=r"^terms="):
        due_dates(np.array([[PaymentTerms.net(30)]] * 4, dtype=object), starts)


def test_the_arrays_ask_the_single_function_only_where_they_cannot_answer(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[date] = []
    single = PaymentTerms.due_date

    def counting(self: PaymentTerms, start: date, **kwargs: Any) -> date:
        calls.append(start)
        return single(self, start, **kwargs)

    monkeypatch.setattr(PaymentTerms, "due_date", counting)
    # TARGET covers 1999-2100: ten years of starts are answered on arrays alone
    decade = [date(2020, 1, 1) + timedelta(days=i) for i in range(3653)] * 3
    stamped = as_kind(decade, "numpy[D]")
    due_dates(PaymentTerms.net(30), stamped, calendar=TARGET, adjustment=Adjustment.FOLLOWING)
    assert calls == []
    # Source: ECB, TARGET2 closing days: 1 January 1999 was TARGET's first day, a Friday;
    # PRECEDING from it would need 1998, which TARGET does not cover: the single call says
    # so, and only that start is asked
    edge = as_kind([date(1999, 1, 1), date(1999, 1, 4)] * 5, "numpy[D]")
    with pytest.raises(OutsideCalendarRange) as info:
        due_dates(PaymentTerms.net(0), edge, calendar=TARGET, adjustment=Adjustment.PRECEDING)
    assert "at starts[0]" in " ".join(info.value.__notes__)
    assert calls == [date(1999, 1, 1)]


@settings(max_examples=examples(30), deadline=None)
@given(
    terms=payment_terms(max_lines=2),
    runs=payment_runs(),
    approval=st.integers(0, 10),
    sent=st.lists(run_dates(2025, 2027), max_size=20),
    kind=st.sampled_from(KINDS),
)
def test_expected_payment_dates_equal_the_single_invoice_date(
    terms: PaymentTerms, runs: PaymentRun, approval: int, sent: list[date], kind: str
) -> None:
    payer = Payer(runs=runs, calendar=TARGET, approval_days=approval)
    assert_same(
        lambda: [expected_payment_date(terms, s, payer) for s in sent],
        lambda: expected_payment_dates(terms, as_kind(sent, kind), payer),
        kind,
    )


@settings(max_examples=examples(30), deadline=None)
@given(
    rows=st.lists(st.tuples(run_dates(2025, 2027), st.integers(0, 40), st.booleans()), max_size=15),
    kind=st.sampled_from(KINDS),
    event_kind=st.sampled_from(KINDS),
)
def test_expected_payment_dates_from_an_event_equal_the_single_invoice_date(
    rows: list[tuple[date, int, bool]], kind: str, event_kind: str
) -> None:
    on_delivery = PaymentTerms(installments=SPLIT.installments, start=Start.DELIVERY)
    payer = Payer(runs=PaymentRun.monthly(10, 25), calendar=TARGET, approval_days=3)
    sent = [s for s, _, _ in rows]
    events = [s + timedelta(days=lag) for s, lag, _ in rows]
    terms = [on_delivery if flag else PaymentTerms.net(30) for _, _, flag in rows]
    result = expected_payment_dates(
        terms, as_kind(sent, kind), payer, term_starts=as_kind(events, event_kind)
    )
    assert isinstance(result, expected_type(kind))
    assert as_dates(result) == [
        expected_payment_date(t, s, payer, term_start=e)
        for t, s, e in zip(terms, sent, events, strict=True)
    ]
    single = expected_payment_dates(on_delivery, sent, payer, term_starts=events)
    assert single == tuple(
        expected_payment_date(on_delivery, s, payer, term_start=e)
        for s, e in zip(sent, events, strict=True)
    )


def test_term_starts_are_checked() -> None:
    on_delivery = PaymentTerms(installments=SPLIT.installments, start=Start.DELIVERY)
    payer = Payer(runs=PaymentRun.monthly(25))
    sent = [date(2026, 1, 15), date(2026, 1, 16)]
    with pytest.raises(InvalidArgument, match=r"^term_starts="):
        expected_payment_dates(on_delivery, sent, payer, term_starts=[date(2026, 1, 20)])
    with pytest.raises(InvalidArgument, match=r"^term_starts="):
        expected_payment_dates(
            on_delivery,
            pd.Series(sent, index=[1, 2], dtype=object),
            payer,
            term_starts=pd.Series(sent, index=[2, 1], dtype=object),
        )
    with pytest.raises(InvalidArgument, match=r"^term_start=") as info:
        expected_payment_dates(on_delivery, sent, payer)
    assert "at sent[0]" in " ".join(info.value.__notes__)


def test_expected_payment_dates_with_mixed_terms() -> None:
    payer = Payer(runs=PaymentRun.monthly(25), approval_days=5)
    terms = [PaymentTerms.end_of_month(30), PaymentTerms.net(30)]
    sent = [date(2026, 1, 30), date(2026, 1, 30)]
    # Source: the timing module example (CM+30D sent 30 Jan 2026 is paid on the 25 March run).
    result = expected_payment_dates(terms, sent, payer)
    assert result == tuple(
        expected_payment_date(t, s, payer) for t, s in zip(terms, sent, strict=True)
    )
    assert result[0] == date(2026, 3, 25)


@settings(max_examples=examples(30), deadline=None)
@given(
    claims=st.lists(late_claims(), max_size=8),
    code=st.none() | interest_regime_codes(),
    rate=interest_rates(),
    as_text=st.booleans(),
    due_kind=st.sampled_from(KINDS),
    until_kind=st.sampled_from(KINDS),
    as_array=st.booleans(),
)
def test_late_interest_many_equals_late_interest(
    claims: list[tuple[Decimal, date, date]],
    code: str | None,
    rate: Decimal,
    as_text: bool,
    due_kind: str,
    until_kind: str,
    as_array: bool,
) -> None:
    principals: list[Any] = [str(p) if as_text else p for p, _, _ in claims]
    dues = [d for _, d, _ in claims]
    untils = [u for _, _, u in claims]
    options: dict[str, Any] = {"regime": code} if code else {"rate": rate}
    column = np.array([*principals, None], dtype=object)[:-1] if as_array else principals
    due_column, until_column = as_kind(dues, due_kind), as_kind(untils, until_kind)
    expected = [late_interest(p, due=d, until=u, **options) for p, d, u in claims]
    detailed = late_interest_many(column, due_column, until_column, detail=True, **options)
    assert detailed == tuple(expected)
    due_column, until_column = as_kind(dues, due_kind), as_kind(untils, until_kind)
    columns = late_interest_many(column, due_column, until_column, **options)
    assert columns == InterestColumns(
        claim_rules(**options).currency,
        tuple(r.interest for r in expected),
        tuple(r.compensation for r in expected),
        tuple(sum(p.days for p in r.periods) for r in expected),
    )
    index = [f"c{i}" for i in range(len(claims))][::-1]
    frame = late_interest_many(
        pd.Series(principals, index=index, dtype=object),
        pd.Series(dues, index=index, dtype=object),
        as_kind(untils, "pandas[datetime64]", index),
        **options,
    )
    assert list(frame.index) == index
    assert list(frame.columns) == ["interest", "compensation", "days"]
    assert list(frame["interest"]) == [r.interest for r in expected]
    assert list(frame["compensation"]) == [r.compensation for r in expected]
    assert all(type(v) is Decimal for v in frame["interest"])


@pytest.mark.parametrize("kind", KINDS)
def test_late_interest_many_of_no_claims_is_empty(kind: str) -> None:
    nothing = InterestColumns("EUR", (), (), ())
    assert late_interest_many([], as_kind([], kind), as_kind([], kind), regime="BE") == nothing
    assert late_interest_many([], as_kind([], kind), [], regime="BE", detail=True) == ()
    frame = late_interest_many(pd.Series([], dtype=object), as_kind([], kind), [], regime="BE")
    assert list(frame.columns) == ["interest", "compensation", "days"]
    assert len(frame) == 0


def test_late_interest_many_with_a_regime_object() -> None:
    # Source: the interest module example (DE, EUR 1000 due 20 June 2023 to 31 Aug 2023).
    regime = law_regime("DE", contract_date=date(2023, 1, 1))
    (res,) = late_interest_many(
        np.array([Decimal("1000")], dtype=object),
        [date(2023, 6, 20)],
        [date(2023, 8, 31)],
        regime=regime,
        detail=True,
    )
    assert [(p.days, p.rate) for p in res.periods] == [
        (10, Decimal("0.1062")),
        (62, Decimal("0.1212")),
    ]


# Source: frappe/erpnext#37095 (user_demand.md A4): EUR 1000 due 20.06.2023 (DE): 10.62 %
# for 10 days, then 12.12 % for 62 days. Source: legal.md §7 (statutory-interest.pages.dev;
# creditcorp): UK daily interest = principal x rate / 365 (11.50 % in 2023 H1), GBP 40
# under GBP 1000 (s. 5A of the 1998 Act). Source: legal.md §4 (Bpifrance Création): FR
# montant x taux x jours / 365 at 14.25 % in 2024 H2, EUR 40.
CLAIMS = [
    ("DE", "1000", date(2023, 6, 20), date(2023, 8, 31), [(10, "10.62"), (62, "12.12")], "40"),
    ("UK", "999", date(2023, 3, 31), date(2023, 4, 30), [(30, "11.50")], "40"),
    ("FR", "1200", date(2024, 9, 30), date(2024, 10, 30), [(30, "14.25")], "40"),
]


def test_published_claims_in_columns() -> None:
    for code, principal, due, until, lines, fixed in CLAIMS:
        exact = sum((Decimal(principal) * Decimal(r) * d / 36500 for d, r in lines), Decimal(0))
        got = late_interest_many(
            pd.Series([Decimal(principal)] * 3),
            as_kind([due] * 3, "pandas[datetime64]"),
            as_kind([until] * 3, "pandas[datetime64]"),
            regime=code,
            payment_day=PaymentDay.INCLUDED,
        )
        assert list(got["interest"]) == [exact.quantize(Decimal("0.01"))] * 3
        assert list(got["compensation"]) == [Decimal(fixed).quantize(Decimal("0.01"))] * 3
        assert list(got["days"]) == [sum(d for d, _ in lines)] * 3


claim_options = st.fixed_dictionaries(
    {},
    optional={
        "regime": interest_regime_codes(),
        "rate": st.one_of(interest_rates(), st.just(TableRate("ecb_mro", margin=Decimal("0.08")))),
        "day_count": st.sampled_from(DayCount),
        "payment_day": st.sampled_from(PaymentDay),
        "rate_split": st.sampled_from(RateSplit),
        "compounding": st.sampled_from(Compounding),
        "assume": st.just(RateAssumption.CARRY_FORWARD),
        "compensation": st.sampled_from([Decimal(0), Decimal("12.345")]),
        "calendar": st.just(TARGET),
        "currency": st.sampled_from(("EUR", "JPY", "BHD")),
        "rounding": st.sampled_from(sorted(ROUNDING_MODES)),
    },
)
principal_values = st.one_of(
    amounts(min_value=0, max_value=10**7),
    amounts(min_value=-1, max_value=100, places=4),
    st.sampled_from([Decimal(0), Decimal("1E+3"), Decimal(10) ** 17]),
)


@settings(max_examples=examples(80), deadline=None)
@given(
    options=claim_options,
    rows=st.lists(
        st.tuples(
            principal_values, dates(date(2010, 1, 1), date(2027, 12, 31)), st.integers(-3, 2000)
        ),
        max_size=10,
    ),
    kind=st.sampled_from(("numpy", "pandas", "pandas[object]")),
)
@example(  # an unconfirmed half-year inside the Dutch table, a claim past a year compounded
    options={"rate": TableRate("nl_wettelijke_rente"), "compounding": Compounding.ANNUAL},
    rows=[
        (Decimal("100.00"), date(2023, 1, 10), 300),
        (Decimal("100.00"), date(2022, 1, 10), 700),
        (Decimal("100.00"), date(2024, 12, 1), 60),
    ],
    kind="numpy",
).via("a day without a published rate is left to the exact engine, which refuses it")
def test_columnar_interest_equals_late_interest(
    options: dict[str, Any], rows: list[tuple[Decimal, date, int]], kind: str
) -> None:
    # claims under any options (regimes, rates, day counts, splits, compounding, payment
    # day, compensation, currencies, roundings), amounts of any precision: the columns
    # are late_interest's figures, or the first failing claim's error, naming its row
    if "rate" not in options and "regime" not in options:
        options["rate"] = Decimal("0.08")
    try:
        claim_rules(**options)
    except PaytermsError as exc:
        with pytest.raises(type(exc)):
            late_interest_many([], [], [], **options)
        return
    expected: list[tuple[Decimal, Decimal, int]] = []
    failure = None
    for i, (principal, due, later) in enumerate(rows):
        try:
            res = late_interest(principal, due=due, until=due + timedelta(days=later), **options)
        except PaytermsError as exc:
            failure = (i, exc)
            break
        expected.append((res.interest, res.compensation, sum(p.days for p in res.periods)))
    principals = np.empty(len(rows), dtype=object)
    principals[:] = [p for p, _, _ in rows]
    dues = [d for _, d, _ in rows]
    untils = [d + timedelta(days=k) for _, d, k in rows]
    if kind == "numpy":
        args: tuple[Any, Any, Any] = (
            principals,
            as_kind(dues, "numpy[D]"),
            as_kind(untils, "numpy[D]"),
        )
    else:
        dates_kind = "pandas[datetime64]" if kind == "pandas" else "pandas[object]"
        args = (pd.Series(principals), as_kind(dues, dates_kind), as_kind(untils, dates_kind))
    if failure is not None:
        position, error = failure
        with pytest.raises(type(error)) as info:
            late_interest_many(*args, **options)
        assert str(info.value) == str(error)
        assert f"at row {position} of late_interest_many" in " ".join(info.value.__notes__)
        return
    got = late_interest_many(*args, **options)
    if kind == "numpy":
        assert list(zip(got.interest, got.compensation, got.days, strict=True)) == expected
    else:
        columns = (got["interest"], got["compensation"], got["days"])
        assert list(zip(*columns, strict=True)) == expected


@st.composite
def claims_with_payments(draw: st.DrawFn) -> tuple[Decimal, date, date, tuple[Payment, ...]]:
    """A claim (principal, due, until) and 0-3 part payments of at most the principal.

    Payments fall from 30 days before the due date up to *until*, so some reduce the
    principal before interest runs and some are imputed during it.
    """
    principal, due, until = draw(late_claims())
    payments = []
    left = principal
    for _ in range(draw(st.integers(0, 3))):
        if left < Decimal("0.01"):
            break
        paid = draw(amounts(min_value=Decimal("0.01"), max_value=left))
        on = draw(st.dates(min_value=due - timedelta(days=30), max_value=until))
        payments.append(Payment(on, paid))
        left -= paid
    return principal, due, until, tuple(payments)


@pytest.mark.parametrize("code", [*CODES, None])
@settings(max_examples=examples(12), deadline=None)
@given(
    claims=st.lists(claims_with_payments(), max_size=6),
    rate=interest_rates(),
    kind=st.sampled_from(("list", "numpy", "pandas")),
    none_for_no_payment=st.booleans(),
)
def test_claims_with_part_payments_equal_late_interest_under_every_regime(
    code: str | None,
    claims: list[tuple[Decimal, date, date, tuple[Payment, ...]]],
    rate: Decimal,
    kind: str,
    none_for_no_payment: bool,
) -> None:
    # each regime (and a contractual rate): claims with and without part payments, in
    # every container, give late_interest's results row by row, columns and detail alike
    options: dict[str, Any] = {"regime": code} if code else {"rate": rate}
    expected = [
        late_interest(p, due=d, until=u, payments=pays, **options) for p, d, u, pays in claims
    ]
    paid: list[Any] = [
        None if none_for_no_payment and not pays else list(pays) for _, _, _, pays in claims
    ]
    principals: list[Decimal] = [p for p, _, _, _ in claims]
    dues = [d for _, d, _, _ in claims]
    untils = [u for _, _, u, _ in claims]
    if kind == "list":
        args: tuple[Any, Any, Any] = (principals, dues, untils)
        payments: Any = paid
    elif kind == "numpy":
        column = np.empty(len(claims), dtype=object)
        column[:] = principals
        args = (column, as_kind(dues, "numpy[D]"), as_kind(untils, "numpy[D]"))
        payments = np.empty(len(claims), dtype=object)
        payments[:] = paid
    else:
        index = [f"c{i}" for i in range(len(claims))][::-1]
        args = (
            pd.Series(principals, index=index, dtype=object),
            as_kind(dues, "pandas[datetime64]", index),
            as_kind(untils, "pandas[object]", index),
        )
        payments = pd.Series(paid, index=index, dtype=object)
    detailed = late_interest_many(*args, payments=payments, detail=True, **options)
    assert list(detailed) == expected
    got = late_interest_many(*args, payments=payments, **options)
    if kind == "pandas":
        assert list(got.index) == list(args[0].index)
        rows = list(zip(got["interest"], got["compensation"], got["days"], strict=True))
    else:
        rows = list(zip(got.interest, got.compensation, got.days, strict=True))
    assert rows == [
        (r.interest, r.compensation, sum(period.days for period in r.periods)) for r in expected
    ]


def test_published_claim_with_a_part_payment_in_columns() -> None:
    # Source: legal.md §7 (statutory-interest.pages.dev; creditcorp): UK daily interest
    # = principal x rate / 365 at 11.50 % in 2023 H1. GBP 999 due 31 March 2023, GBP 499
    # paid on 10 April: 10 days on 999, then 20 days on what is left.
    pays = [Payment(date(2023, 4, 10), Decimal("499"))]
    expected = late_interest(
        "999", due=date(2023, 3, 31), until=date(2023, 4, 30), regime="UK", payments=pays
    )
    assert expected.periods[0].days == 10
    got = late_interest_many(
        np.array([Decimal("999"), Decimal("999")], dtype=object),
        as_kind([date(2023, 3, 31)] * 2, "numpy[D]"),
        as_kind([date(2023, 4, 30)] * 2, "numpy[D]"),
        payments=[pays, None],
        regime="UK",
    )
    unpaid = Decimal(999) * Decimal("0.115") * 30 / 365
    assert got.interest == (expected.interest, unpaid.quantize(Decimal("0.01")))
    assert got.interest[0] < got.interest[1]


def test_payments_columns_are_checked() -> None:
    one = ([date(2024, 1, 10)], [date(2024, 4, 9)])
    with pytest.raises(InvalidArgument, match=r"^payments="):
        late_interest_many(["10"], *one, payments=[(), ()], rate=Decimal("0.08"))
    with pytest.raises(InvalidType, match=r"^payments="):
        late_interest_many(["10"], *one, payments="none", rate=Decimal("0.08"))
    with pytest.raises(InvalidType, match=r"^payments="):
        late_interest_many(["10"], *one, payments=Payment(date(2024, 2, 1), "5"), rate="0.08")
    with pytest.raises(InvalidArgument, match=r"^payments="):
        late_interest_many(
            pd.Series(["10"], index=["a"], dtype=object),
            *one,
            payments=pd.Series([None], index=["b"], dtype=object),
            rate=Decimal("0.08"),
        )
    with pytest.raises(InvalidType, match=r"^payments="):
        late_interest_many(["10"], *one, payments=pd.DataFrame({"p": [None]}), rate="0.08")
    for dates_kind in ("list", "numpy[D]"):
        # a payment that is not a Payment, or credited after the claim's last day, is
        # refused by late_interest's own check, with the row named
        for bad in ([("2024-02-01", "5")], [Payment(date(2024, 5, 1), "5")]):
            with pytest.raises(PaytermsError, match=r"^payments\[0\]=") as info:
                late_interest_many(
                    ["10", "10"],
                    as_kind(one[0] * 2, dates_kind),
                    as_kind(one[1] * 2, dates_kind),
                    payments=[None, bad],
                    rate=Decimal("0.08"),
                )
            assert "at row 1 of late_interest_many" in " ".join(info.value.__notes__)


def test_claims_with_a_missing_date_are_refused_by_position() -> None:
    dues = np.array(["2024-01-10", "NaT", "NaT"], dtype="datetime64[D]")
    with pytest.raises(InvalidArgument, match=r"^dues\[1\]="):
        late_interest_many(["1", "2", "3"], dues, dues, rate=Decimal("0.08"))


def test_interest_columns_frame() -> None:
    claims = late_interest_many(
        np.array([Decimal("1000.00"), Decimal("0")], dtype=object),
        as_kind([date(2024, 1, 10)] * 2, "numpy[D]"),
        as_kind([date(2024, 4, 9)] * 2, "numpy[D]"),
        regime="BE",
    )
    assert len(claims) == 2
    frame = claims.to_frame()
    assert list(frame.columns) == ["interest", "compensation", "days"]
    assert list(frame["days"]) == [90, 0]  # a zero claim bears no interest, no compensation
    assert list(frame["compensation"]) == [Decimal("40.00"), Decimal("0.00")]


# --------------------------------------------------------------------------- schedules

SPLIT = PaymentTerms(
    installments=(Installment.percent(Decimal("30"), "0D"), Installment.balance("CM+30D"))
)


def single_schedules(terms: Any, starts: list[date], values: list[Decimal]) -> list[Schedule]:
    per_row = terms if isinstance(terms, list) else [terms] * len(starts)
    return [
        t.schedule(s, v, calendar=TARGET, adjustment=Adjustment.MODIFIED_FOLLOWING)
        for t, s, v in zip(per_row, starts, values, strict=True)
    ]


@settings(max_examples=examples(40), deadline=None)
@given(
    terms=payment_terms(max_lines=3),
    rows=st.lists(
        st.tuples(
            dates(date(2024, 1, 1), date(2028, 12, 31)), amounts(min_value=100, max_value=10**6)
        ),
        max_size=12,
    ),
    kind=st.sampled_from(KINDS),
    as_series=st.booleans(),
)
def test_schedules_equal_the_single_invoice_schedule(
    terms: PaymentTerms, rows: list[tuple[date, Decimal]], kind: str, as_series: bool
) -> None:
    starts = [s for s, _ in rows]
    values = [v for _, v in rows]
    index = [f"inv-{i}" for i in range(len(rows))][::-1]
    column: Any = (
        pd.Series([str(v) for v in values], index=index, dtype=object) if as_series else values
    )
    try:
        expected = single_schedules(terms, starts, values)
    except PaytermsError as exc:  # e.g. terms that need the tax of each invoice
        with pytest.raises(type(exc)):
            schedules(
                terms,
                as_kind(starts, kind, index),
                column,
                calendar=TARGET,
                adjustment=Adjustment.MODIFIED_FOLLOWING,
            )
        return
    got = schedules(
        terms,
        as_kind(starts, kind, index),
        column,
        calendar=TARGET,
        adjustment=Adjustment.MODIFIED_FOLLOWING,
    )
    assert got == tuple(expected)
    frame = amounts_due(
        terms,
        as_kind(starts, kind, index),
        column,
        calendar=TARGET,
        adjustment=Adjustment.MODIFIED_FOLLOWING,
    )
    assert list(frame.columns) == ["line", "due", "amount"]
    labels = index if kind.startswith("pandas") or as_series else list(range(len(rows)))
    expected_rows = [
        (label, line, due.date, due.amount)
        for label, sched in zip(labels, expected, strict=True)
        for line, due in enumerate(sched.dues)
    ]
    got_rows = [
        (label, line, ts.date(), amount)
        for label, line, ts, amount in zip(
            frame.index, frame["line"], frame["due"], frame["amount"], strict=True
        )
    ]
    assert got_rows == expected_rows
    for label, sched in zip(labels, expected, strict=True):
        assert sum(frame.loc[[label], "amount"], Decimal(0)) == sched.amount


money = st.one_of(
    amounts(min_value=-(10**7), max_value=10**7),
    amounts(min_value=-1, max_value=1, places=4),
    st.integers(-3, 3).map(Decimal),
    st.sampled_from([Decimal("1E+3"), Decimal("-0.00"), Decimal("0.005"), Decimal(10) ** 19]),
)


@settings(max_examples=examples(80), deadline=None)
@given(
    distinct=st.lists(
        st.one_of(
            payment_terms(),
            payment_terms(forward=False),
            any_terms(),
            payment_terms(extras=True, fixed_tiers=True),  # the ERP line kinds and discounts
        ),
        min_size=1,
        max_size=3,
    ),
    picks=st.lists(st.integers(0, 2), max_size=12),
    chosen=st.lists(dates(date(1990, 1, 1), date(2060, 12, 31)), min_size=12, max_size=12),
    values=st.lists(money, min_size=12, max_size=12),
    calendar=st.one_of(st.none(), business_calendars()),
    adjustment=adjustments,
    currency=st.sampled_from(("EUR", "JPY", "BHD")),
    rounding=st.sampled_from(sorted(ROUNDING_MODES)),
    kind=st.sampled_from(ARRAY_KINDS),
    terms_kind=st.sampled_from(TERMS_KINDS),
)
@example(  # rounding up takes more than there is: the exact engine gives units back
    distinct=[
        PaymentTerms(
            installments=(
                Installment.percent(Decimal("33.5"), "0D"),
                Installment.percent(Decimal("33.5"), "10D"),
                Installment.balance("20D"),
            )
        )
    ],
    picks=[0, 0, 0],
    chosen=[date(2026, 1, 15)] * 12,
    values=[Decimal("0.03"), Decimal("0.02"), Decimal("1.00")] + [Decimal(1)] * 9,
    calendar=None,
    adjustment=Adjustment.UNADJUSTED,
    currency="EUR",
    rounding=ROUND_UP,
    kind="numpy[D]",
    terms_kind="one",
).via("a residue line that would go negative and lines left at zero")
def test_columnar_schedules_equal_the_single_invoice_schedule(
    distinct: list[PaymentTerms],
    picks: list[int],
    chosen: list[date],
    values: list[Decimal],
    calendar: BusinessCalendar | None,
    adjustment: Adjustment,
    currency: str,
    rounding: str,
    kind: str,
    terms_kind: str,
) -> None:
    # any terms (fixed lines, bases, discounts, rules that fail on some starts), amounts
    # of any sign and precision, currencies, rounding modes and calendars: each row is
    # the single-invoice schedule, or the batch raises the first failing row's error
    if terms_kind == "one":
        distinct = distinct[:1]
    rows = [distinct[p % len(distinct)] for p in picks]
    starts, values = chosen[: len(rows)], values[: len(rows)]
    if kind.endswith("[ns]") or kind == "pandas[datetime64]":
        starts = [min(max(s, date(1990, 1, 1)), date(2060, 12, 31)) for s in starts]
    settings = {
        "calendar": calendar,
        "adjustment": adjustment,
        "currency": currency,
        "rounding": rounding,
    }
    expected: list[Schedule] = []
    failure = None
    for i, (terms, start, value) in enumerate(zip(rows, starts, values, strict=True)):
        try:
            expected.append(terms.schedule(start, value, **settings))
        except PaytermsError as exc:
            failure = (i, exc)
            break
    column = distinct[0] if terms_kind == "one" else terms_column(rows, terms_kind)
    money_column = np.empty(len(values), dtype=object)
    money_column[:] = values

    def call() -> batch.Schedules:
        return schedules(column, as_kind(starts, kind), money_column, **settings)

    if failure is not None:
        position, error = failure
        with pytest.raises(type(error)) as info:
            call()
        assert str(info.value) == str(error)
        assert f"at row {position} of schedules" in " ".join(info.value.__notes__)
        return
    got = call()
    assert list(got) == expected
    assert [got[i] for i in range(-len(got), 0)] == expected


def test_schedules_hold_columns_and_build_rows_on_demand() -> None:
    terms = SPLIT.with_discount(Decimal("2"), "10D").with_discount(Decimal("3"), "5D")
    starts = as_kind([date(2026, 1, 15), date(2026, 2, 3), date(2026, 1, 15)], "numpy[D]")
    values = np.array([Decimal("1000.00"), Decimal("-200.00"), "0.01"], dtype=object)
    got = schedules(terms, starts, values)
    expected = [
        terms.schedule(date(2026, 1, 15), Decimal("1000.00")),
        terms.schedule(date(2026, 2, 3), Decimal("-200.00")),
        terms.schedule(date(2026, 1, 15), Decimal("0.01")),
    ]
    assert isinstance(got, batch.Schedules)
    assert got == expected == list(got) == [got[0], got[1], got[-1]]
    assert got[1:] == tuple(expected[1:])
    assert got != expected[:2]
    assert len(got) == 3
    assert repr(got) == "<Schedules of 3 invoices in EUR>"
    with pytest.raises(IndexError):
        got[3]
    with pytest.raises(TypeError):
        hash(got)
    # windows by last day: 3 % for 5 days first (the terms list it second)
    assert [w.percent for w in got[0].discounts] == [Decimal("3"), Decimal("2")]
    frame = got.discounts_frame()
    assert list(frame.columns) == ["line", "last_day", "percent", "payable", "discount"]
    assert frame["line"].isna().all()  # windows on the whole invoice
    assert [p + d for p, d in zip(frame["payable"], frame["discount"], strict=True)] == [
        s.amount for s in expected for _ in s.discounts
    ]
    assert list(frame.index) == [0, 0, 1, 1, 2, 2]
    dues = got.to_frame()
    assert sum(dues.loc[[1], "amount"], Decimal(0)) == Decimal("-200.00")
    # a plain sequence is scheduled by the single-invoice function, with the same answers
    plain = schedules(terms, list(as_dates(starts)), list(values))
    assert plain == got
    assert plain.to_frame().equals(dues)
    assert plain.discounts_frame().equals(frame)


def test_discounts_frame_lists_instalment_and_fixed_discounts() -> None:
    # Source: Odoo 16.0 addons/account/tests/test_payment_term.py,
    # test_payment_term_compute_method (as in tests/test_terms.py): 10 % at 2 days (10 %
    # within 1 day), 20 % at 4 days (20 % within 3 days), 20 % at 6 days, the balance at
    # 8 days (20 % within 7 days), on 1,150 from 2016-01-01: 103.50 / 184.00 / - / 460.00.
    odoo16 = PaymentTerms(
        installments=(
            Installment.percent(Decimal(10), "2D").with_discount(Decimal(10), "1D"),
            Installment.percent(Decimal(20), "4D").with_discount(Decimal(20), "3D"),
            Installment.percent(Decimal(20), "6D"),
            Installment.balance("8D").with_discount(Decimal(20), "7D"),
        )
    )
    # Source: frappe/erpnext payment_entry/test_payment_entry.py,
    # test_payment_entry_against_payment_terms_with_discount_amount: 236 due in 2 days, an
    # "Amount" discount of 50 valid 1 day -> 186.
    erpnext = PaymentTerms.net(2).with_discount(None, "1D", amount=Decimal(50))
    starts = pd.Series(
        [date(2016, 1, 1), date(2024, 5, 2)], index=["odoo", "erpnext"], dtype="datetime64[s]"
    )
    got = schedules(
        pd.Series([odoo16, erpnext], index=starts.index),
        starts,
        np.array([Decimal("1150"), Decimal("236")], dtype=object),
    )
    frame = got.discounts_frame()
    assert list(frame.index) == ["odoo", "odoo", "odoo", "erpnext"]
    assert frame["line"].tolist()[:3] == [0, 1, 3]
    assert pd.isna(frame["line"].iloc[3])
    assert [d.date() for d in frame["last_day"]] == [
        date(2016, 1, 2),
        date(2016, 1, 4),
        date(2016, 1, 8),
        date(2024, 5, 3),
    ]
    assert frame["percent"].tolist() == [Decimal(10), Decimal(20), Decimal(20), None]
    assert [str(p) for p in frame["payable"]] == ["103.50", "184.00", "460.00", "186.00"]
    # payable + discount is what the window is taken on: the instalment (115 / 230 / 575 of
    # the Odoo test) or the invoice (236)
    assert [p + d for p, d in zip(frame["payable"], frame["discount"], strict=True)] == [
        Decimal("115.00"),
        Decimal("230.00"),
        Decimal("575.00"),
        Decimal("236.00"),
    ]
    assert got == [
        odoo16.schedule(date(2016, 1, 1), Decimal("1150")),
        erpnext.schedule(date(2024, 5, 2), Decimal("236")),
    ]


def test_schedule_amounts_beyond_int64_take_the_exact_engine() -> None:
    # 10**17 EUR is 10**19 cents: past int64, so those rows are scheduled one by one
    big = [Decimal(10) ** 17, Decimal("-12345678901234567.89"), Decimal("10.00")]
    terms = SPLIT.with_discount(Decimal("2"), "10D")
    got = schedules(terms, as_kind([date(2026, 1, 15)] * 3, "numpy[D]"), pd.Series(big))
    assert list(got) == [terms.schedule(date(2026, 1, 15), value) for value in big]
    assert got.to_frame()["amount"].tolist()[:2] == [
        Decimal("30000000000000000.00"),
        Decimal("70000000000000000.00"),
    ]


def test_schedules_with_mixed_terms_and_published_split() -> None:
    # Source: DESIGN.md §5 note: "1M+CM" is the end of next month; a 30 % deposit at once.
    terms = [SPLIT, PaymentTerms.net(30)]
    got = schedules(terms, [date(2026, 1, 15)] * 2, [Decimal("1000"), Decimal("1000")])
    assert [(d.date, d.amount) for d in got[0].dues] == [
        (date(2026, 1, 15), Decimal("300.00")),
        (date(2026, 3, 2), Decimal("700.00")),
    ]
    assert [(d.date, d.amount) for d in got[1].dues] == [(date(2026, 2, 14), Decimal("1000.00"))]


def test_each_schedule_of_a_column_keeps_its_terms() -> None:
    # a schedule keeps the terms it came from, also when it is built from the columns
    net30 = PaymentTerms.net(30)
    mixed = np.array([SPLIT, net30, SPLIT], dtype=object)
    starts = as_kind([date(2026, 1, 15), date(2026, 2, 3), date(2026, 3, 1)], "numpy[D]")
    got = schedules(mixed, starts, [Decimal("100"), Decimal("200"), Decimal("300")])
    assert [s.terms for s in got] == [SPLIT, net30, SPLIT]
    assert got[1].terms is net30
    one = schedules(net30, starts, [Decimal("1")] * 3)
    assert {s.terms for s in one} == {net30}
    assert [s.terms for s in schedules(net30, list(as_dates(starts)), ["1"] * 3)] == [net30] * 3


def test_empty_schedules_and_amounts_due() -> None:
    assert schedules(SPLIT, [], []) == ()
    frame = amounts_due(SPLIT, pd.Series([], dtype="datetime64[ns]"), pd.Series([], dtype=object))
    assert list(frame.columns) == ["line", "due", "amount"]
    assert len(frame) == 0


def test_schedules_are_computed_once_per_distinct_row(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[date, Decimal]] = []
    single = PaymentTerms.schedule

    def counting(self: PaymentTerms, start: date, amount: Any, **kwargs: Any) -> Schedule:
        calls.append((start, amount))
        return single(self, start, amount, **kwargs)

    monkeypatch.setattr(PaymentTerms, "schedule", counting)
    starts = [date(2026, 1, 1) + timedelta(days=i % 10) for i in range(200)]
    values = [Decimal(100 + i % 4) for i in range(200)]
    assert len(schedules(SPLIT, starts, values)) == 200
    assert len(calls) == len(set(zip(starts, values, strict=True))) == 20


def test_schedule_arguments_are_checked() -> None:
    starts = [date(2026, 1, 1), date(2026, 1, 2)]
    with pytest.raises(InvalidArgument, match=r"^amounts="):
        schedules(SPLIT, starts, ["10"])
    with pytest.raises(InvalidType, match=r"^amounts\[1\]="):
        schedules(SPLIT, starts, [Decimal("10"), 10.5])
    with pytest.raises(InvalidArgument, match=r"^amounts="):
        amounts_due(
            SPLIT,
            pd.Series(starts, index=["a", "b"], dtype=object),
            pd.Series(["10", "20"], index=["b", "a"], dtype=object),
        )
    with pytest.raises(InvalidArgument) as info:
        schedules(PaymentTerms.net(30), starts, ["10", "-"])
    assert str(info.value).startswith("amounts[1]=")


# --------------------------------------------------------------------------- memoisation


def test_due_dates_are_computed_once_per_distinct_start(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[date] = []
    single = PaymentTerms.due_date

    def counting(self: PaymentTerms, start: date, **kwargs: Any) -> date:
        calls.append(start)
        return single(self, start, **kwargs)

    monkeypatch.setattr(PaymentTerms, "due_date", counting)
    year = [date(2026, 1, 1) + timedelta(days=i % 365) for i in range(3000)]
    result = due_dates(PaymentTerms.net(30), as_kind(year, "list"))
    assert len(result) == 3000
    assert len(calls) == 365 == len(set(calls))
    calls.clear()
    mixed = [PaymentTerms.net(30), PaymentTerms.net(60)] * 1500
    due_dates(mixed, as_kind(year, "list"))
    assert len(calls) == 730
    calls.clear()
    for kind in ("numpy[D]", "pandas[datetime64]", "pandas[object]"):  # on arrays alone
        assert len(due_dates(mixed, as_kind(year, kind))) == 3000
    assert calls == []


def test_expected_payment_dates_are_computed_once_per_distinct_sent_date(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[date] = []
    single = batch.expected_payment_date

    def counting(terms: PaymentTerms, sent: date, payer: Payer, **kwargs: Any) -> date:
        calls.append(sent)
        return single(terms, sent, payer, **kwargs)

    monkeypatch.setattr(batch, "expected_payment_date", counting)
    sent = [date(2026, 3, 1) + timedelta(days=i % 31) for i in range(500)]
    expected_payment_dates(PaymentTerms.net(30), sent, Payer(runs=PaymentRun.monthly(10, 25)))
    assert len(calls) == 31


# --------------------------------------------------------------------------- errors


@pytest.mark.parametrize(
    ("starts", "error", "position"),
    [
        pytest.param(
            [date(2026, 1, 1), datetime(2026, 1, 2)], InvalidType, "starts[1]", id="datetime"
        ),
        pytest.param([date(2026, 1, 1), "2026-01-02"], InvalidType, "starts[1]", id="text"),
        pytest.param(
            [date(2026, 1, 1), date(2026, 1, 1), [1]], InvalidType, "starts[2]", id="list"
        ),
        pytest.param([date(2026, 1, 1), float("nan")], InvalidType, "starts[1]", id="nan"),
        pytest.param(
            pd.Series([date(2026, 1, 1), pd.NaT], dtype=object),
            InvalidType,
            "starts[1]",
            id="nat-object",
        ),
        pytest.param(
            pd.Series([date(2026, 1, 1), None], dtype=object), InvalidType, "starts[1]", id="none"
        ),
        pytest.param(
            np.array(["2026-01-01", "NaT"], dtype="datetime64[D]"),
            InvalidArgument,
            "starts[1]",
            id="nat",
        ),
        pytest.param(
            pd.Series(np.array(["2026-01-01", "2026-01-02T10:30"], dtype="datetime64[m]")),
            InvalidArgument,
            "starts[1]",
            id="time-of-day",
        ),
        pytest.param(
            np.array(["2026-01-01", "10000-01-01"], dtype="datetime64[D]"),
            InvalidArgument,
            "starts[1]",
            id="beyond-9999",
        ),
    ],
)
def test_a_bad_start_is_named_by_its_position(starts: Any, error: type, position: str) -> None:
    with pytest.raises(error, match=rf"^{re.escape(position)}="):
        due_dates(PaymentTerms.net(30), starts)


@pytest.mark.parametrize(
    "starts",
    [
        pytest.param("2026-01-01", id="str"),
        pytest.param(date(2026, 1, 1), id="one-date"),
        pytest.param(42, id="int"),
        pytest.param(pd.Series([1.5, 2.5]), id="float-series"),
        pytest.param(np.array([1, 2]), id="int-array"),
        pytest.param(np.array([["2026-01-01"]], dtype="datetime64[D]"), id="2d-array"),
        pytest.param(pd.DatetimeIndex(["2026-01-01"]), id="index"),
        pytest.param(pd.Series(pd.to_datetime(["2026-01-01"]).tz_localize("UTC")), id="tz"),
    ],
)
def test_what_is_not_a_column_of_dates_is_refused(starts: Any) -> None:
    with pytest.raises(InvalidType, match=r"^starts="):
        due_dates(PaymentTerms.net(30), starts)


def test_a_failing_row_is_named_in_a_note() -> None:
    # 30 days after 15 Dec 9999 is past year 9999: the row is named, the error kept
    for kind in ("list", "numpy[D]", "pandas[object]"):
        with pytest.raises(InvalidArgument) as info:
            due_dates(PaymentTerms.net(30), as_kind([date(2026, 1, 1), date(9999, 12, 15)], kind))
        assert "at starts[1]" in " ".join(info.value.__notes__)
    with pytest.raises(InvalidArgument) as info:
        due_dates([PaymentTerms.net(1), PaymentTerms.net(30)], [date(9999, 12, 15)] * 2)
    assert "at starts[1]" in " ".join(info.value.__notes__)


def test_terms_and_other_arguments_are_checked() -> None:
    starts = [date(2026, 1, 1), date(2026, 1, 2)]
    with pytest.raises(InvalidType, match=r"^terms\[1\]="):
        due_dates([PaymentTerms.net(30), "net 30"], starts)
    with pytest.raises(InvalidType, match=r"^terms="):
        due_dates("net 30", starts)
    with pytest.raises(InvalidArgument, match=r"^terms="):
        due_dates([PaymentTerms.net(30)], starts)
    with pytest.raises(InvalidArgument, match=r"^terms="):
        due_dates(
            pd.Series([PaymentTerms.net(30)] * 2, index=[1, 2]),
            pd.Series(starts, index=[2, 1], dtype=object),
        )
    with pytest.raises(InvalidType, match=r"^adjustment="):
        due_dates(PaymentTerms.net(30), starts, adjustment="following")  # type: ignore[call-overload]
    with pytest.raises(InvalidType, match=r"^calendar="):
        due_dates(PaymentTerms.net(30), starts, calendar="TARGET")  # type: ignore[call-overload]
    with pytest.raises(InvalidArgument, match=r"^calendar="):
        due_dates(PaymentTerms.net(30), starts, adjustment=Adjustment.FOLLOWING)
    with pytest.raises(InvalidType, match=r"^payer="):
        expected_payment_dates(PaymentTerms.net(30), starts, "payer")  # type: ignore[call-overload]


@pytest.mark.parametrize(
    ("principals", "position"),
    [
        pytest.param([Decimal("10"), 2.5], "principals[1]", id="float-in-list"),
        pytest.param(pd.Series([10.0, 20.0]), "principals[0]", id="float-series"),
        pytest.param(np.array([10.0, 20.0]), "principals[0]", id="float-array"),
        pytest.param(pd.Series(["10", None], dtype=object), "principals[1]", id="missing"),
        pytest.param(["10", "ten"], "principals[1]", id="not-a-number"),
        pytest.param(["10", "NaN"], "principals[1]", id="nan"),
    ],
)
def test_float_or_bad_principals_are_refused_by_position(principals: Any, position: str) -> None:
    with pytest.raises(PaytermsError, match=rf"^{re.escape(position)}="):
        late_interest_many(
            principals, [date(2024, 1, 10)] * 2, [date(2024, 4, 9)] * 2, rate=Decimal("0.08")
        )


def test_late_interest_many_checks_lengths_and_indexes() -> None:
    with pytest.raises(InvalidArgument, match=r"^untils="):
        late_interest_many(
            ["10", "20"], [date(2024, 1, 10)] * 2, [date(2024, 4, 9)], rate=Decimal("0.08")
        )
    with pytest.raises(InvalidArgument, match=r"^dues="):
        late_interest_many(
            pd.Series(["10"], index=["a"], dtype=object),
            pd.Series([date(2024, 1, 10)], index=["b"], dtype=object),
            [date(2024, 4, 9)],
            rate=Decimal("0.08"),
        )
    with pytest.raises(InvalidType, match=r"^principals="):
        late_interest_many(
            Decimal("10"), [date(2024, 1, 10)], [date(2024, 4, 9)], rate=Decimal("0.08")
        )
    with pytest.raises(InvalidArgument) as info:
        late_interest_many(
            ["10", "20"],
            [date(2024, 1, 10)] * 2,
            [date(2024, 4, 9), date(2024, 1, 1)],
            rate=Decimal("0.08"),
        )
    assert "at row 1" in " ".join(info.value.__notes__)


# --------------------------------------------------------------------------- optional extras


@pytest.mark.parametrize(
    ("module", "column"),
    [
        pytest.param("pandas", pd.Series([date(2026, 1, 1)], dtype=object), id="pandas"),
        pytest.param("numpy", np.array(["2026-01-01"], dtype="datetime64[D]"), id="numpy"),
    ],
)
def test_a_missing_extra_is_named(
    monkeypatch: pytest.MonkeyPatch, module: str, column: Any
) -> None:
    monkeypatch.setitem(sys.modules, module, None)  # `import module` now fails
    with pytest.raises(MissingExtra, match=rf"pip install payterms\[{module}\]") as info:
        due_dates(PaymentTerms.net(30), column)
    assert isinstance(info.value, ImportError)
    assert info.value.extra == module


def test_plain_sequences_need_neither_numpy_nor_pandas(monkeypatch: pytest.MonkeyPatch) -> None:
    for module in ("numpy", "pandas"):
        monkeypatch.setitem(sys.modules, module, None)
    payer = Payer(runs=PaymentRun.monthly(25))
    assert due_dates(PaymentTerms.net(30), [date(2026, 1, 15)]) == (date(2026, 2, 14),)
    assert expected_payment_dates(PaymentTerms.net(30), [date(2026, 1, 15)], payer) == (
        expected_payment_date(PaymentTerms.net(30), date(2026, 1, 15), payer),
    )
    assert (
        len(
            late_interest_many(
                ["10"], [date(2024, 1, 10)], [date(2024, 4, 9)], rate=Decimal("0.08")
            )
        )
        == 1
    )


def test_batch_on_plain_sequences_imports_neither_numpy_nor_pandas() -> None:
    code = (
        "import sys; from datetime import date; import payterms as pt; "
        "pt.due_dates(pt.PaymentTerms.net(30), [date(2026, 1, 15)]); "
        "pt.schedules(pt.PaymentTerms.net(30), [date(2026, 1, 15)], ['10']); "
        "print(','.join(m for m in ('numpy', 'pandas') if m in sys.modules))"
    )
    env = {**os.environ, "PYTHONPATH": str(Path(batch.__file__).parent.parent)}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    ).stdout.strip()
    assert out == ""


def test_a_calendar_alone_moves_every_due_date_to_the_following_business_day() -> None:
    # as PaymentTerms.due_date and schedule do: Saturday 31 January 2026 becomes Monday
    be = BusinessCalendar.country("BE")
    net30 = PaymentTerms.net(30)
    starts = [date(2026, 1, 1), date(2026, 1, 2)]
    assert due_dates(net30, starts, calendar=be) == (date(2026, 2, 2), date(2026, 2, 2))
    assert due_dates(net30, starts, calendar=be, adjustment=Adjustment.UNADJUSTED) == (
        date(2026, 1, 31),
        date(2026, 2, 1),
    )
    (sched,) = schedules(net30, starts[:1], ["100"], calendar=be)
    assert sched.final_due == date(2026, 2, 2)
    with pytest.raises(InvalidType, match="calendar"):
        due_dates(net30, starts, calendar="BE")  # type: ignore[call-overload]


# --------------------------------------------------------------------------- frames (#16)


def _ledger_frame() -> pd.DataFrame:
    monthly = Payer(runs=PaymentRun.monthly(10, 25), approval_days=2)
    weekly = Payer(runs=PaymentRun.weekly(4), transfer_days=1)
    return pd.DataFrame(
        {
            "invoice_date": [date(2026, 1, 30), date(2026, 2, 2), date(2026, 2, 2)],
            "conditions": [PaymentTerms.net(30), PaymentTerms.end_of_month(30)] * 1
            + [PaymentTerms.net(45)],
            "pays": [monthly, weekly, monthly],
            "open": ["100.00", "250.00", "75.50"],
            "region": ["north", "south", "north"],
        },
        index=["F-1", "F-2", "F-3"],
    )


def test_expected_payment_dates_takes_one_payer_per_row() -> None:
    frame = _ledger_frame()
    got = expected_payment_dates(
        list(frame["conditions"]), list(frame["invoice_date"]), list(frame["pays"])
    )
    assert got == tuple(
        expected_payment_date(t, d, p)
        for t, d, p in zip(frame["conditions"], frame["invoice_date"], frame["pays"], strict=True)
    )
    # a Series of payers keeps the frame's index; behaviours work as payers
    from payterms.behaviour import PaymentBehaviour

    behaviours = pd.Series([PaymentBehaviour("A", p) for p in frame["pays"]], index=frame.index)
    as_series = expected_payment_dates(frame["conditions"], frame["invoice_date"], behaviours)
    assert list(as_series) == list(got)
    assert list(as_series.index) == ["F-1", "F-2", "F-3"]
    with pytest.raises(InvalidType, match=r"payer\[1\]"):
        expected_payment_dates(
            PaymentTerms.net(30), [date(2026, 1, 1)] * 2, [frame["pays"].iloc[0], 3]
        )
    with pytest.raises(InvalidArgument, match="one per date"):
        expected_payment_dates(
            PaymentTerms.net(30), [date(2026, 1, 1)] * 2, [frame["pays"].iloc[0]]
        )
    with pytest.raises(InvalidType, match="payer="):
        expected_payment_dates(PaymentTerms.net(30), [date(2026, 1, 1)], "x")


def test_batch_functions_read_named_columns_of_a_frame() -> None:
    frame = _ledger_frame()
    dues = due_dates("conditions", "invoice_date", data=frame)
    assert list(dues.index) == ["F-1", "F-2", "F-3"]
    assert list(dues) == [
        t.due_date(d) for t, d in zip(frame["conditions"], frame["invoice_date"], strict=True)
    ]
    cash = expected_payment_dates("conditions", "invoice_date", "pays", data=frame)
    assert list(cash) == [
        expected_payment_date(t, d, p)
        for t, d, p in zip(frame["conditions"], frame["invoice_date"], frame["pays"], strict=True)
    ]
    one_payer = expected_payment_dates(
        PaymentTerms.net(30), "invoice_date", frame["pays"].iloc[0], data=frame
    )
    assert len(one_payer) == 3
    rows = schedules("conditions", "invoice_date", "open", data=frame)
    assert [s.amount for s in rows] == [Decimal("100.00"), Decimal("250.00"), Decimal("75.50")]
    table = amounts_due("conditions", "invoice_date", "open", data=frame)
    assert list(table.index) == ["F-1", "F-2", "F-3"]
    claims = late_interest_many(
        "open", "invoice_date", "invoice_date", data=frame, rate=Decimal("0.08")
    )
    assert list(claims["interest"]) == [Decimal("0.00")] * 3
    with pytest.raises(InvalidArgument, match="starts='day'"):
        due_dates("conditions", "day", data=frame)
    with pytest.raises(InvalidType, match="data="):
        due_dates("conditions", "invoice_date", data={"a": 1})  # type: ignore[call-overload]


def test_due_dates_on_arrays_move_term_holidays() -> None:
    # Source: OCA/account-payment account_payment_term_extension test_postpone_holiday: 2 weeks
    # from 2015-03-02 fall on the holiday 2015-03-16, postponed to 2015-03-17; the arrays
    # leave such terms to the single-invoice call, which moves the date.
    from payterms.terms import TermHoliday

    terms = PaymentTerms(
        installments=(Installment.balance("2W"),),
        holidays=(TermHoliday(date(2015, 3, 16), date(2015, 3, 17)),),
    )
    starts = [date(2015, 3, 1), date(2015, 3, 2), date(2015, 3, 3)] * 2000
    got = as_dates(due_dates(terms, as_kind(starts, "numpy[D]")))
    assert got[:3] == [date(2015, 3, 15), date(2015, 3, 17), date(2015, 3, 17)]
    assert got == [terms.due_date(s) for s in starts]

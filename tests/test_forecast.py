"""The open book: cash-in forecast, what-if scenarios, DSO improvement, credit exposure."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import payterms as pt
from payterms import (
    BusinessCalendar,
    DiscountTier,
    DsoMethod,
    InvalidArgument,
    InvalidType,
    Invoice,
    Lateness,
    Payer,
    PaymentBehaviour,
    PaymentRun,
    PaymentTerms,
    RunPolicy,
    Scenario,
    SendPolicy,
    best_send_date,
    cash_forecast,
    compare_scenarios,
    credit_exposure,
    dso_improvement,
    expected_payment_dates,
    payment_forecast,
)
from payterms.forecast import CashForecast, Frequency
from payterms.money import allocate
from payterms.runs import LAST
from payterms.terms import Installment
from strategies import examples, payment_runs

pd = pytest.importorskip("pandas")

D = Decimal
EVERY_DAY = BusinessCalendar(name="every day", weekend=frozenset())
DAILY = Payer(runs=PaymentRun.weekly(0, 1, 2, 3, 4, 5, 6), calendar=EVERY_DAY)
"""A payer that pays on its due date, every day of the week: hand computations stay simple."""

TERMS = (
    PaymentTerms.net(30),
    PaymentTerms.end_of_month(30),
    PaymentTerms.end_of_month(60),
    PaymentTerms.net(45),
    PaymentTerms.on_receipt(),
)


# --------------------------------------------------------------------------- strategies


@st.composite
def payers(draw: st.DrawFn, *, fixed: bool = False) -> Payer:
    """A payer with runs, delays, closures and a lateness (fixed, or any distribution)."""
    runs = draw(st.lists(payment_runs(), min_size=1, max_size=2))
    if fixed:
        lateness: Lateness = Lateness.fixed(draw(st.integers(-5, 30)))
    else:
        lateness = draw(
            st.integers(-5, 30).map(Lateness.fixed)
            | st.lists(st.integers(-3, 45), min_size=1, max_size=6).map(Lateness.empirical)
        )
    closures: tuple[tuple[date, date], ...] = ()
    if draw(st.booleans()):
        first = draw(st.dates(date(2026, 1, 1), date(2026, 12, 31)))
        closures = ((first, first + timedelta(days=draw(st.integers(0, 25)))),)
    return Payer(
        runs=runs,
        receipt_days=draw(st.integers(0, 3)),
        approval_days=draw(st.integers(0, 4)),
        transfer_days=draw(st.integers(0, 2)),
        policy=draw(
            st.sampled_from(
                (RunPolicy.FIRST_RUN_ON_OR_AFTER_DUE, RunPolicy.LAST_RUN_ON_OR_BEFORE_DUE)
            )
        ),
        closures=closures,
        extra_delay_days=lateness,
    )


@st.composite
def books(draw: st.DrawFn, *, fixed: bool = False) -> tuple[Any, dict[str, Payer]]:
    """An open book as a DataFrame (2026 invoices) and a payer per customer."""
    customers = draw(st.lists(st.sampled_from("ABCD"), min_size=1, max_size=3, unique=True))
    table = {c: draw(payers(fixed=fixed)) for c in customers}
    n = draw(st.integers(1, 12))
    rows = []
    for i in range(n):
        rows.append(
            {
                "id": f"F-{i}",
                "customer": draw(st.sampled_from(customers)),
                "issued": draw(st.dates(date(2026, 1, 1), date(2026, 6, 30))),
                "terms": draw(st.sampled_from(TERMS)),
                "amount": D(draw(st.integers(0, 10**7))).scaleb(-2),
            }
        )
    return pd.DataFrame(rows), table


def _expected_dates(frame: Any, table: dict[str, Payer]) -> list[date]:
    """Return expected_payment_dates row by row, one payer per customer (the reference)."""
    out = []
    for row in frame.itertuples():
        out.append(expected_payment_dates(row.terms, [row.issued], table[row.customer])[0])
    return out


# --------------------------------------------------------------------------- must hold


@settings(max_examples=examples(40), deadline=None)
@given(books(fixed=True), st.sampled_from(list(Frequency)))
def test_a_fixed_lateness_gives_the_dates_of_expected_payment_dates(
    case: tuple[Any, dict[str, Payer]], freq: Frequency
) -> None:
    frame, table = case
    as_of = date(2025, 12, 31)  # before every invoice: nothing is conditioned away
    fc = cash_forecast(frame, table, as_of=as_of, horizon=date(2030, 12, 31), freq=freq)
    invoices = fc.to_frame(by="invoice").set_index("id")
    reference = _expected_dates(frame, table)
    for row, cash in zip(frame.itertuples(), reference, strict=True):
        if row.amount:
            assert invoices.loc[row.id, "expected_date"] == cash
            assert invoices.loc[row.id, "q50_date"] == cash
    # the periods hold exactly the amounts paid in them
    by_period: dict[date, Decimal] = defaultdict(Decimal)
    for row, cash in zip(frame.itertuples(), reference, strict=True):
        by_period[max(p for p in fc.periods if p <= cash)] += row.amount
    assert {r.period: r.expected for r in fc.totals() if r.expected} == {
        p: v for p, v in by_period.items() if v
    }
    assert fc.in_horizon == sum(frame["amount"], D(0))


def test_a_zero_lateness_behaviour_gives_exactly_expected_payment_dates() -> None:
    # a stated behaviour with no lateness: the forecast's dates are expected_payment_dates'
    payer = Payer(runs=PaymentRun.monthly(10, 25), approval_days=5, transfer_days=1,
                  calendar=BusinessCalendar.country("BE"),
                  closures=((date(2026, 8, 1), date(2026, 8, 21)),))  # fmt: skip
    behaviour = PaymentBehaviour("ACME", payer)
    assert payer.extra_delay_days == Lateness.fixed(0)
    sent = [date(2026, 1, 1) + timedelta(days=3 * i) for i in range(120)]
    terms = [TERMS[i % len(TERMS)] for i in range(120)]
    book = pd.DataFrame({"customer": ["ACME"] * 120, "issued": sent, "terms": terms,
                         "amount": [D("10.00")] * 120})  # fmt: skip
    fc = cash_forecast(book, {"ACME": behaviour}, as_of=date(2025, 12, 31),
                       horizon=date(2027, 12, 31), freq="D")  # fmt: skip
    expected = expected_payment_dates(terms, sent, behaviour.payer)
    assert list(fc.to_frame(by="invoice")["expected_date"]) == list(expected)
    by_day = fc.to_frame()
    paid = {r.start: r.expected for r in by_day.itertuples() if r.expected}
    counts: dict[date, Decimal] = defaultdict(Decimal)
    for day in expected:
        counts[day] += D("10.00")
    assert paid == dict(counts)


@settings(max_examples=examples(40), deadline=None)
@given(
    books(),
    st.dates(date(2026, 1, 15), date(2026, 9, 30)),
    st.integers(1, 30),
    st.sampled_from(list(Frequency)),
)
def test_the_expected_total_is_the_open_amounts_inside_the_horizon_to_the_cent(
    case: tuple[Any, dict[str, Payer]], as_of: date, horizon: int, freq: Frequency
) -> None:
    frame, table = case
    frame = frame[frame["issued"] <= as_of]
    fc = cash_forecast(frame, table, as_of=as_of, horizon=horizon, freq=freq)
    last = fc.ends[-1]
    # reference: each invoice's cash dates (payment_forecast), those after as_of kept and
    # the amount split over them by allocate (largest remainder), the parts inside the
    # horizon summed
    inside = D(0)
    beyond = D(0)
    unplaced = D(0)
    for row in frame.itertuples():
        if not row.amount:
            continue
        payer = table[row.customer]
        forecast = payment_forecast(row.terms, row.issued, payer)
        kept = [(p, e.cash_date) for p, e in forecast.outcomes if e.cash_date > as_of]
        if not kept:
            unplaced += row.amount
            continue
        parts = allocate(row.amount, [D(p.numerator) / p.denominator for p, _ in kept])
        for part, (_, cash) in zip(parts, kept, strict=True):
            if cash <= last:
                inside += part
            else:
                beyond += part
    assert fc.in_horizon == inside
    assert fc.beyond_horizon == beyond
    assert fc.unforecast == unplaced
    assert fc.open_total == sum(frame["amount"], D(0))
    # parts add up: customers to the total, periods to the horizon
    totals = fc.totals()
    assert sum((r.expected for r in totals), D(0)) == fc.in_horizon
    for p, row in enumerate(totals):
        assert row.expected == sum((fc.for_customer(c)[p].expected for c in fc.customers), D(0))
        for j in range(len(fc.quantiles)):
            assert row.quantiles[j] == sum(
                (fc.for_customer(c)[p].quantiles[j] for c in fc.customers), D(0)
            )


@settings(max_examples=examples(40), deadline=None)
@given(books(), st.dates(date(2026, 1, 15), date(2026, 9, 30)), st.integers(1, 20))
def test_quantiles_are_ordered(
    case: tuple[Any, dict[str, Payer]], as_of: date, horizon: int
) -> None:
    frame, table = case
    fc = cash_forecast(
        frame[frame["issued"] <= as_of],
        table,
        as_of=as_of,
        horizon=horizon,
        quantiles=("0.05", "0.5", "0.9", "1"),
    )
    for rows in (fc.totals(), *(fc.for_customer(c) for c in fc.customers)):
        for row in rows:
            q05, q50, q90, q100 = row.quantiles
            assert q05 >= q50 >= q90 >= q100 >= 0
        cumulative = [r.quantiles for r in rows]
        assert cumulative == sorted(cumulative)  # and they only grow over time
    invoices = fc.to_frame(by="invoice")
    placed = invoices[invoices["placed"]]
    for row in placed.itertuples():
        assert row.q5_date <= row.q50_date <= row.q90_date <= row.q100_date


def _plan(terms: PaymentTerms, *, months: range = range(1, 13), customer: str = "ACME") -> Any:
    return pd.DataFrame(
        {
            "customer": [customer] * len(months),
            "amount": ["1000.00"] * len(months),
            "sent": [date(2026, m, 15) for m in months],
            "terms": [terms] * len(months),
        }
    )


def test_moving_from_cm60_to_45_days_matches_the_hand_computation() -> None:
    # A synthetic book: 1,000.00 sent on the 15th of every month of 2026 to customers who
    # pay on the due date (every day is a payment day); money costs 8 % (simple, ACT/365).
    plan = pd.concat([_plan(PaymentTerms.end_of_month(60), customer=c) for c in ("A", "B")])
    plan = plan.reset_index(drop=True)
    cmp = compare_scenarios(
        plan,
        DAILY,
        [Scenario("45 days", terms=PaymentTerms.net(45))],
        as_of=date(2026, 12, 31),
        rate="0.08",
    )
    base, moved = cmp.baseline, cmp["45 days"]
    # CM+60D from the 15th: end of the month, then 60 days. Days from sending to cash:
    #   Jan 15 -> Apr 1: 76   Feb 15 -> Apr 29: 73   Mar 15 -> May 30: 76   Apr 15 -> Jun 29: 75
    #   May 15 -> Jul 30: 76  Jun 15 -> Aug 29: 75   Jul 15 -> Sep 29: 76   Aug 15 -> Oct 30: 76
    #   Sep 15 -> Nov 29: 75  Oct 15 -> Dec 30: 76   Nov 15 -> Jan 29: 75   Dec 15 -> Mar 1: 76
    days_cm60 = [76, 73, 76, 75, 76, 75, 76, 76, 75, 76, 75, 76]
    assert sum(days_cm60) == 905
    # financing = amount x rate x days / 365, per customer, rounded once over the book
    fin_cm60 = D(2) * D("1000.00") * D("0.08") * 905 / 365  # 396.712...
    fin_45 = D(2) * D("1000.00") * D("0.08") * (45 * 12) / 365  # 236.712...
    assert base.financing_cost == D("396.71") == round(fin_cm60, 2)
    assert moved.financing_cost == D("236.71") == round(fin_45, 2)
    assert cmp.financing_saved("45 days") == D("160.00")
    # Receivables at 31 December: CM+60D leaves November (due Jan 29) and December (due
    # Mar 1) open; 45 days leaves December only (November's was paid on Dec 30).
    assert base.receivables == D("4000.00")
    assert moved.receivables == D("2000.00")
    assert cmp.cash_freed("45 days") == D("2000.00")
    # Countback DSO: December's sales (2,000) then November's (2,000) exhaust 4,000 of
    # receivables: 31 + 30 = 61 days; 2,000 exhaust December alone: 31 days.
    dso_of = {name: dict(r.dso) for name, r in (("cm60", base), ("45", moved))}
    assert dso_of["cm60"][DsoMethod.COUNTBACK] == 61
    assert dso_of["45"][DsoMethod.COUNTBACK] == 31
    # Simple DSO over the last three months (Oct-Dec, 92 days, sales 6,000).
    assert dso_of["cm60"][DsoMethod.SIMPLE] == D(4000) * 92 / 6000  # 61.33...
    assert dso_of["45"][DsoMethod.SIMPLE] == D(2000) * 92 / 6000  # 30.66...
    # the cash by month moves earlier; the year's cash adds up to what was collected
    cash_base = dict(base.cash_by_month)
    cash_moved = dict(moved.cash_by_month)
    assert cash_base[date(2026, 4, 1)] == D("4000.00")  # January's and February's
    assert cash_moved[date(2026, 3, 1)] == D("2000.00")  # January's (Mar 1)
    assert sum(cash_base.values(), D(0)) == sum(cash_moved.values(), D(0)) == D("24000.00")


@settings(max_examples=examples(25), deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from("AB"),
            st.integers(1, 10**6),
            st.dates(date(2026, 1, 1), date(2026, 12, 20)),
            st.sampled_from(TERMS),
        ),
        min_size=1,
        max_size=10,
    ),
    payers(),
)
def test_a_scenario_that_changes_nothing_gives_a_zero_difference(
    rows: list[tuple[str, int, date, PaymentTerms]], payer: Payer
) -> None:
    rows = [*rows, ("A", 100, date(2026, 11, 15), rows[0][3])]  # sales in the DSO window
    plan = pd.DataFrame(
        {
            "customer": [r[0] for r in rows],
            "amount": [D(r[1]).scaleb(-2) for r in rows],
            "completed": [r[2] for r in rows],
            "ordered": [r[2] - timedelta(days=20) for r in rows],
            "cost": [D(r[1]).scaleb(-2) * D("0.7") for r in rows],
            "terms": [r[3] for r in rows],
        }
    )
    same_terms = [r[3] for r in rows]
    scenarios = [
        Scenario("nothing"),
        Scenario("nobody", customers=("Z",), terms=PaymentTerms.net(90), deposit="0.5"),
        Scenario("no taker", discount=DiscountTier(D(2), "10D")),
    ]
    if len(set(same_terms)) == 1:
        scenarios.append(Scenario("same terms", terms=same_terms[0]))
    cmp = compare_scenarios(
        plan,
        payer,
        scenarios,
        as_of=date(2026, 12, 31),
        rate="0.05",
        dso_methods=(DsoMethod.SIMPLE, DsoMethod.BEST_POSSIBLE),
    )
    diff = cmp.difference()
    assert set(diff.columns) == {s.name for s in scenarios}
    for name in diff.columns:
        assert all(v == 0 for v in diff[name]), (name, diff[name])
    frame = cmp.to_frame()
    assert frame.loc["sales", "baseline"] == sum(plan["amount"], D(0))


# --------------------------------------------------------------------------- bad input


def _book() -> Any:
    return pd.DataFrame(
        {
            "invoice_no": ["F-1", "F-2", "F-3"],
            "client": ["ACME", "ACME", "Bolt"],
            "issued": [date(2026, 5, 4), date(2026, 5, 8), date(2026, 5, 11)],
            "due": pd.to_datetime(["2026-06-03", "2026-06-07", "2026-06-10"]),
            "open": ["800.00", "200.00", "50.00"],
            "region": ["n", "s", "n"],
        },
        index=["r1", "r2", "r3"],
    )


MAPPING = {"id": "invoice_no", "customer": "client", "amount": "open"}
PAYERS = {"ACME": Payer(runs=PaymentRun.monthly(10, 25)), "Bolt": DAILY}


@pytest.mark.parametrize(
    ("change", "behaviours", "error", "shown"),
    [
        pytest.param(
            lambda f: f.drop(columns="due"), PAYERS, InvalidArgument, "a 'due' column or a 'terms'",
            id="no-due-nor-terms",
        ),
        pytest.param(
            lambda f: f.drop(columns="client"), PAYERS, InvalidArgument,
            "a column 'client' .mapped from the field 'customer'", id="missing-mapped",
        ),
        pytest.param(
            lambda f: f.assign(due=pd.to_datetime(["2026-06-03", None, "2026-06-10"])),
            PAYERS, InvalidArgument, r"due\['r2'\]=NaT", id="nat",
        ),
        pytest.param(
            lambda f: f.assign(open=["800.00", "-200.00", "50.00"]), PAYERS, InvalidArgument,
            r"open\['r2'\]=Decimal\('-200.00'\).*non-negative", id="negative",
        ),
        pytest.param(
            lambda f: f.assign(open=[800.0, 200.0, 50.0]), PAYERS, InvalidType,
            r"open\['r1'\]=800.0", id="float",
        ),
        pytest.param(
            lambda f: f, {"ACME": PAYERS["ACME"]}, InvalidArgument,
            r"client of row 'r3'='Bolt'.*a customer with a behaviour", id="no-behaviour",
        ),
        pytest.param(
            lambda f: f.assign(open=["800.005", "1", "1"]), PAYERS, InvalidArgument,
            r"amount of row 'r1'=Decimal\('800.005'\).*whole minor units", id="sub-cent",
        ),
    ],
)  # fmt: skip
def test_bad_input_is_refused_naming_the_column_and_row(
    change: Any, behaviours: Any, error: type[Exception], shown: str
) -> None:
    with pytest.raises(error, match=shown):
        cash_forecast(
            change(_book()), behaviours, as_of=date(2026, 5, 31), horizon=8, columns=MAPPING
        )


def test_bad_arguments_are_refused() -> None:
    book = _book()
    call = {"as_of": date(2026, 5, 31), "horizon": 8, "columns": MAPPING}
    with pytest.raises(InvalidArgument, match="freq='Q'"):
        cash_forecast(book, PAYERS, freq="Q", **call)  # type: ignore[arg-type]
    with pytest.raises(InvalidArgument, match="increasing order"):
        cash_forecast(book, PAYERS, quantiles=("0.9", "0.1"), **call)  # type: ignore[arg-type]
    with pytest.raises(InvalidArgument, match="horizon=0"):
        cash_forecast(book, PAYERS, as_of=date(2026, 5, 31), horizon=0, columns=MAPPING)
    with pytest.raises(InvalidArgument, match="a date after as_of"):
        cash_forecast(book, PAYERS, as_of=date(2026, 5, 31), horizon=date(2026, 5, 1),
                      columns=MAPPING)  # fmt: skip
    with pytest.raises(InvalidType, match="behaviours="):
        cash_forecast(book, ["ACME"], **call)  # type: ignore[arg-type]
    with pytest.raises(InvalidArgument, match="book=None"):
        cash_forecast(None, PAYERS, as_of=date(2026, 5, 31), horizon=2)
    with pytest.raises(InvalidArgument, match="columns="):
        cash_forecast([], PAYERS, **call)  # type: ignore[arg-type]
    credit = Invoice("CN-1", "ACME", date(2026, 5, 1), date(2026, 5, 1), D("-10"))
    with pytest.raises(InvalidArgument, match=r"amount of book\[0\] \(id 'CN-1'\)"):
        cash_forecast([credit], PAYERS, as_of=date(2026, 5, 31), horizon=2)
    chaser = Payer(runs=PaymentRun.monthly(10), policy=RunPolicy.EARLY_FOR_DISCOUNT)
    with pytest.raises(InvalidArgument, match="chase discounts"):
        cash_forecast(
            book.drop(columns="due").assign(terms=[PaymentTerms.parse("2/10 net 30")] * 3),
            chaser,
            **call,
        )


# --------------------------------------------------------------------------- the forecast


def test_a_worked_forecast_with_invoices_and_a_default() -> None:
    book = [
        Invoice("F-1", "ACME", date(2026, 5, 20), date(2026, 6, 19), D("1000.00")),
        Invoice(
            "F-2",
            "Bolt",
            date(2026, 6, 2),
            date(2026, 7, 2),
            D("400.00"),
            payments=((date(2026, 6, 10), D("100.00")),),
        ),
        Invoice(
            "F-3",
            "Cork",
            date(2026, 6, 1),
            date(2026, 6, 30),
            D("90.00"),
            payments=((date(2026, 6, 12), D("90.00")),),
        ),  # fmt: skip  (settled)
        Invoice("F-4", "Dyne", date(2026, 7, 1), date(2026, 7, 31), D("70.00")),  # not yet
    ]
    behaviours = {
        "ACME": PaymentBehaviour("ACME", Payer(runs=PaymentRun.monthly(25))),
        "Bolt": Payer(runs=PaymentRun.weekly(4), extra_delay_days=Lateness.empirical([0, 7, 14])),
    }
    fc = cash_forecast(book, behaviours, as_of=date(2026, 6, 15), horizon=4, default=DAILY)
    rows = {r.period: r for r in fc.totals()}
    # ACME: due 19 June, paid at the 25 June run; Bolt's 300 open: due Thu 2 July, paid on
    # Fri 3, 10 or 17 July (a third each, to the cent)
    assert rows[date(2026, 6, 22)].expected == D("1000.00")
    assert rows[date(2026, 6, 29)].expected == D("100.00")
    assert rows[date(2026, 7, 6)].expected == D("100.00")
    assert fc.beyond_horizon == D("100.00")  # 17 July is after the 4 weeks (to 12 July)
    assert fc.open_total == D("1300.00")
    assert fc.customers == ("ACME", "Bolt")
    # cumulative quantiles: Bolt pays by 10 July at its median, by 17 July at its 90 %
    assert rows[date(2026, 7, 6)].quantiles == (D("1300.00"), D("1300.00"), D("1000.00"))
    frame = fc.to_frame()
    assert list(frame.columns) == [
        "period", "start", "end", "expected", "cumulative", "cum_q10", "cum_q50", "cum_q90"
    ]  # fmt: skip
    assert frame["start"].iloc[0] == date(2026, 6, 16)  # the first week starts after as_of
    assert frame["end"].iloc[0] == date(2026, 6, 21)
    per_customer = fc.to_frame(by="customer")
    assert len(per_customer) == 2 * len(frame)
    invoices = fc.to_frame(by="invoice").set_index("id")
    assert invoices.loc["F-2", "amount"] == D("300.00")
    assert invoices.loc["F-2", "expected_date"] == date(2026, 7, 10)
    assert invoices.loc["F-2", "in_horizon"] == D("200.00")
    assert "CashForecast(as_of=2026-06-15, 4 weeks, 2 customers" in repr(fc)
    assert "beyond the horizon 100.00" in str(fc)
    with pytest.raises(InvalidArgument, match="by='week'"):
        fc.to_frame(by="week")
    with pytest.raises(InvalidArgument, match="customer='Zeta'"):
        fc.for_customer("Zeta")


def test_invoices_paid_later_than_any_delay_seen_are_not_placed_in_time() -> None:
    book = [Invoice("F-1", "A", date(2026, 1, 5), date(2026, 2, 4), D("500.00"))]
    fc = cash_forecast(book, DAILY, as_of=date(2026, 6, 30), horizon=3, freq="M")
    assert fc.unforecast == D("500.00")
    assert fc.in_horizon == 0
    row = fc.to_frame(by="invoice").iloc[0]
    assert not row["placed"]
    assert row["expected_date"] is None


def test_with_due_and_terms_columns_the_terms_fill_the_empty_due_dates() -> None:
    book = _book().assign(
        due=pd.to_datetime(["2026-06-03", None, "2026-06-10"]),
        terms=[PaymentTerms.net(30), PaymentTerms.net(10), PaymentTerms.net(90)],
    )
    fc = cash_forecast(book, PAYERS, as_of=date(2026, 5, 31), horizon=4, columns=MAPPING)
    dates = fc.to_frame(by="invoice").set_index("id")["expected_date"]
    # F-2: issued 8 May, net 10 -> due 18 May, paid at ACME's 25 May run: before as_of,
    # so all its cash dates are past: not placed in time
    assert dates["F-2"] is None
    assert dates["F-3"] == date(2026, 6, 10)  # the ledger's due date, not net 90
    with pytest.raises(InvalidArgument, match=r"due of row 'r2'=None"):
        cash_forecast(book.assign(terms=[PaymentTerms.net(30), None, None]), PAYERS,
                      as_of=date(2026, 5, 31), horizon=4, columns=MAPPING)  # fmt: skip


def test_a_per_row_behaviour_column_wins_over_the_table() -> None:
    book = _book().assign(pays=[None, Payer(runs=PaymentRun.monthly(20)), None])
    fc = cash_forecast(
        book,
        PAYERS,
        as_of=date(2026, 5, 31),
        horizon=date(2026, 6, 30),
        freq="D",
        columns={**MAPPING, "behaviour": "pays"},
    )
    dates = fc.to_frame(by="invoice").set_index("id")["expected_date"]
    assert dates["F-1"] == date(2026, 6, 10)  # ACME's table payer: 10th and 25th
    assert dates["F-2"] == date(2026, 6, 22)  # its own payer: the 20th (a Saturday)
    assert dates["F-3"] == date(2026, 6, 10)  # Bolt pays on the due date
    with pytest.raises(InvalidType, match=r"pays\['r1'\]='x'"):
        cash_forecast(book.assign(pays=["x", None, None]), PAYERS, as_of=date(2026, 5, 31),
                      horizon=2, columns={**MAPPING, "behaviour": "pays"})  # fmt: skip


def test_a_sales_plan_is_forecast_instalment_by_instalment() -> None:
    deposit_then_balance = PaymentTerms(
        installments=(Installment.percent(D("30"), "0D"), Installment.balance("CM+30D"))
    )
    plan = pd.DataFrame(
        {
            "customer": ["ACME", "Bolt"],
            "amount": ["1000.00", "200.00"],
            "sent": [date(2026, 6, 10), date(2026, 6, 20)],
            "terms": [deposit_then_balance, PaymentTerms.net(10)],
        }
    )
    book = [Invoice("F-1", "ACME", date(2026, 5, 20), date(2026, 6, 19), D("50.00"))]
    fc = cash_forecast(book, DAILY, as_of=date(2026, 5, 31), horizon=3, freq="M", plan=plan)
    months = {r.period: r.expected for r in fc.totals()}
    # every customer pays on the due date: F-1 (50.00, 19 June), ACME's 30 % at once
    # (300.00, 10 June), Bolt's net 10 (200.00, 30 June); ACME's balance at the end of
    # June + 30 days (700.00, 30 July)
    assert months == {
        date(2026, 6, 1): D("550.00"),
        date(2026, 7, 1): D("700.00"),
        date(2026, 8, 1): D("0.00"),
    }
    invoices = fc.to_frame(by="invoice")
    assert list(invoices["source"]) == ["open", "plan", "plan", "plan"]
    assert list(invoices["line"]) == [0, 0, 1, 0]
    with pytest.raises(InvalidArgument, match=r"sent of row 0=datetime.date\(2026, 5, 31\)"):
        cash_forecast(None, DAILY, as_of=date(2026, 5, 31), horizon=2,
                      plan=plan.assign(sent=[date(2026, 5, 31), date(2026, 6, 2)]))  # fmt: skip


def test_the_fast_path_agrees_with_asking_the_payer() -> None:
    # cut-offs and the last-run policy are asked of the payer; the same payer without
    # them is computed from its table of run dates: both must give the same dates
    frame = pd.DataFrame(
        {
            "customer": ["A"] * 60,
            "issued": [date(2026, 1, 1) + timedelta(days=5 * i) for i in range(60)],
            "terms": [PaymentTerms.end_of_month(30)] * 60,
            "amount": ["10.00"] * 60,
        }
    )
    for payer in (
        Payer(
            runs=PaymentRun.monthly(10, 25),
            approval_days=3,
            transfer_days=1,
            closures=((date(2026, 8, 1), date(2026, 8, 21)),),
        ),
        Payer(runs=PaymentRun.monthly(LAST, cutoff_day=20), receipt_days=2),
        Payer(runs=PaymentRun.weekly(3), policy=RunPolicy.LAST_RUN_ON_OR_BEFORE_DUE),
    ):
        fc = cash_forecast(frame, payer, as_of=date(2025, 12, 31), horizon=date(2028, 1, 1))
        got = list(fc.to_frame(by="invoice")["expected_date"])
        assert got == list(expected_payment_dates(PaymentTerms.end_of_month(30),
                                                  list(frame["issued"]), payer))  # fmt: skip


def test_learned_behaviours_feed_the_forecast() -> None:
    runs = PaymentRun.monthly(10, 25).dates(date(2025, 7, 1), date(2026, 5, 31))
    history = [
        Invoice(
            f"H-{i}",
            "ACME",
            day - timedelta(days=45),
            day - timedelta(days=5),
            D("100"),
            payments=((day, D("100")),),
        )
        for i, day in enumerate(runs)
    ]
    learned = pt.learn_behaviour(history, as_of=date(2026, 5, 31))
    book = [Invoice("F-1", "ACME", date(2026, 5, 2), date(2026, 6, 1), D("250.00"))]
    fc = cash_forecast(book, learned, as_of=date(2026, 5, 31), horizon=2, freq=Frequency.WEEK)
    assert fc.to_frame(by="invoice")["expected_date"].iloc[0] == date(2026, 6, 10)


# --------------------------------------------------------------------------- what-if


def test_a_discount_offer_with_an_uptake_share_by_hand() -> None:
    plan = _plan(PaymentTerms.net(30), months=range(3, 4))  # 1,000.00 sent on 15 March
    cmp = compare_scenarios(
        plan,
        DAILY,
        [Scenario("2/10", discount=DiscountTier(D(2), "10D"), uptake="0.5")],
        as_of=date(2026, 3, 31),
        rate="0.10",
    )
    offer = cmp["2/10"]
    # half of the amount (500.00) is paid on 25 March less 2 % (10.00); the rest on 14 April
    assert offer.discount_cost == D("10.00")
    assert dict(offer.cash_by_month) == {
        date(2026, 3, 1): D("490.00"),
        date(2026, 4, 1): D("500.00"),
    }
    assert offer.receivables == D("500.00")
    # financing: 490 x 10 % x 10/365 + 500 x 10 % x 30/365 = 1.3425 + 4.1096 = 5.45
    assert offer.financing_cost == D("5.45")
    assert cmp.baseline.financing_cost == D("8.22")  # 1000 x 10 % x 30 / 365
    assert cmp.financing_saved("2/10") == D("2.77")
    plan_cost = plan.assign(cost=["600.00"])
    offer = Scenario("2/10", discount=DiscountTier(D(2), "10D"), uptake="0.5")
    margins = compare_scenarios(plan_cost, DAILY, [offer], as_of=date(2026, 3, 31), rate="0.10")
    assert margins.baseline.margin == D("400.00") - D("8.22")
    assert margins["2/10"].margin == D("400.00") - D("5.45") - D("10.00")


def test_a_fixed_amount_discount_offer_by_hand() -> None:
    plan = _plan(PaymentTerms.net(30), months=range(3, 4))  # 1,000.00 sent on 15 March
    tier = DiscountTier(None, "10D", amount=D("30.00"))
    cmp = compare_scenarios(
        plan,
        DAILY,
        [Scenario("30 off", discount=tier, uptake="0.5")],
        as_of=date(2026, 3, 31),
        rate="0.10",
    )
    offer = cmp["30 off"]
    # half of the amount (500.00) is paid on 25 March less half the fixed 30.00 (15.00)
    assert offer.discount_cost == D("15.00")
    assert dict(offer.cash_by_month) == {
        date(2026, 3, 1): D("485.00"),
        date(2026, 4, 1): D("500.00"),
    }


def test_a_deposit_is_asked_at_order_and_needs_an_order_date() -> None:
    plan = _plan(PaymentTerms.net(30), months=range(3, 4)).assign(ordered=[date(2026, 2, 20)])
    cmp = compare_scenarios(plan, DAILY, [Scenario("30 %", deposit="0.3")],
                            as_of=date(2026, 3, 31), rate="0.10")  # fmt: skip
    deposit = cmp["30 %"]
    assert dict(deposit.cash_by_month) == {
        date(2026, 2, 1): D("300.00"),
        date(2026, 4, 1): D("700.00"),
    }
    # the deposit arrives 23 days before the invoice date: its financing counts negative
    # 300 x 10 % x (-23)/365 + 700 x 10 % x 30/365 = -1.8904 + 5.7534 = 3.86
    assert deposit.financing_cost == D("3.86")
    with pytest.raises(InvalidArgument, match="ordered of row 0"):
        compare_scenarios(plan.drop(columns="ordered"), DAILY, [Scenario("30 %", deposit="0.3")],
                          as_of=date(2026, 3, 31), rate="0.10")  # fmt: skip


def test_send_policies_move_the_send_day() -> None:
    completed = [date(2026, 3, 3), date(2026, 3, 17), date(2026, 4, 28)]
    plan = pd.DataFrame(
        {
            "customer": ["A", "A", "A"],
            "amount": ["100.00"] * 3,
            "completed": completed,
            "sent": [_eom(d) for d in completed],  # the plan: invoice at month end
            "terms": [PaymentTerms.end_of_month(30)] * 3,
        }
    )
    payer = Payer(runs=PaymentRun.monthly(25))
    cmp = compare_scenarios(
        plan,
        payer,
        [Scenario(p.value, send=p) for p in SendPolicy],
        as_of=date(2026, 6, 30),
        rate="0.05",
    )
    assert cmp["month_end"].cash_by_month == cmp.baseline.cash_by_month
    # end of month + 30 days makes invoicing at month end free: from 3 or 17 March as from
    # 31 March the due date is 30 April, paid at the 25 May run
    on_completion = dict(cmp["on_completion"].cash_by_month)
    assert on_completion == {date(2026, 5, 1): D("200.00"), date(2026, 6, 1): D("100.00")}
    best = [best_send_date(PaymentTerms.end_of_month(30), payer, ready=d, latest=_eom(d)).sent
            for d in completed]  # fmt: skip
    assert best == completed  # sending at once is never worse for a payer in runs
    assert cmp["best_send_date"].cash_by_month == cmp["on_completion"].cash_by_month
    assert cmp["on_completion"].financing_cost == cmp.baseline.financing_cost  # same cash dates
    with pytest.raises(InvalidArgument, match="a 'completed' column"):
        compare_scenarios(plan.drop(columns="completed"), payer,
                          [Scenario("x", send=SendPolicy.ON_COMPLETION)],
                          as_of=date(2026, 6, 30), rate="0.05")  # fmt: skip


def _eom(day: date) -> date:
    return (day.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)


def test_a_dso_target_scales_the_collection_delays() -> None:
    plan = _plan(PaymentTerms.end_of_month(60))
    cmp = compare_scenarios(plan, DAILY, [Scenario("to 30", dso_target=30)],
                            as_of=date(2026, 12, 31), rate="0.08")  # fmt: skip
    before = dict(cmp.baseline.dso)[DsoMethod.COUNTBACK]
    after = dict(cmp["to 30"].dso)[DsoMethod.COUNTBACK]
    assert before == 61
    assert abs(after - 30) <= 2  # delays scaled by 30/61, rounded to whole days
    assert cmp.cash_freed("to 30") > 0
    assert cmp.financing_saved("to 30") > 0
    with pytest.raises(InvalidArgument, match="dso_target"):
        Scenario("bad", dso_target=0)


def test_scenario_arguments_are_checked() -> None:
    plan = _plan(PaymentTerms.net(30))
    call = {"as_of": date(2026, 12, 31), "rate": "0.08"}
    with pytest.raises(InvalidArgument, match="distinct names"):
        compare_scenarios(plan, DAILY, [Scenario("baseline")], **call)  # type: ignore[arg-type]
    with pytest.raises(InvalidType, match="scenarios="):
        compare_scenarios(plan, DAILY, ["x"], **call)  # type: ignore[list-item, arg-type]
    with pytest.raises(InvalidArgument, match="rate="):
        compare_scenarios(plan, DAILY, [], as_of=date(2026, 12, 31), rate="8")
    with pytest.raises(InvalidArgument, match="a 'sent' or a 'completed'"):
        compare_scenarios(plan.drop(columns="sent"), DAILY, [], **call)  # type: ignore[arg-type]
    with pytest.raises(InvalidArgument, match="deposit="):
        Scenario("x", deposit="1.5")
    with pytest.raises(InvalidType, match="customers="):
        Scenario("x", customers="ACME")
    with pytest.raises(InvalidType, match="name="):
        Scenario("")
    with pytest.raises(InvalidArgument, match="name='nope'"):
        compare_scenarios(plan, DAILY, [], **call)["nope"]  # type: ignore[arg-type]
    text = str(
        compare_scenarios(plan, DAILY, [Scenario("net 45", terms=PaymentTerms.net(45))], **call)
    )  # type: ignore[arg-type]
    assert "financing saved" in text
    assert "net 45" in text


# --------------------------------------------------------------------------- DSO improvement


def test_dso_improvement_reproduces_the_acca_workbook() -> None:
    # ACCA F9/FM workbook, "Early settlement discount" (reference/finance.md §1.5): sales
    # $50m, receivables $7,808,219 (57 days), overdraft 6 %; 20 % of the sales moving to
    # 7 days brings the book to 0.2 x 7 + 0.8 x 57 = 47 days: new receivables $6,438,356,
    # financing saving $82,192.
    r = dso_improvement(D("50000000"), days=365, from_dso=57, to_dso=D("47"), rate="0.06")
    assert round(r.receivables_before) == 7808219
    assert round(r.receivables_after) == 6438356
    assert round(r.financing_saved) == 82192
    assert r.cash_freed == r.receivables_before - r.receivables_after
    with pytest.raises(InvalidArgument, match="to_dso"):
        dso_improvement(1000, days=365, from_dso=40, to_dso=-1, rate="0.06")


@given(
    st.integers(0, 10**9),
    st.integers(1, 366),
    st.integers(0, 200),
    st.integers(0, 200),
    st.integers(0, 3000),
)
def test_dso_improvement_adds_up(sales: int, days: int, before: int, after: int, bp: int) -> None:
    r = dso_improvement(D(sales).scaleb(-2), days=days, from_dso=before, to_dso=after,
                        rate=D(bp).scaleb(-4))  # fmt: skip
    assert r.receivables_before - r.receivables_after == r.cash_freed
    assert (r.cash_freed > 0) == (r.receivables_before > r.receivables_after)


# --------------------------------------------------------------------------- exposure


def test_credit_exposure_by_hand() -> None:
    invoices = [
        Invoice(
            "F-1",
            "ACME",
            date(2026, 2, 20),
            date(2026, 3, 22),
            D("600.00"),
            payments=((date(2026, 3, 10), D("600.00")),),
        ),
        Invoice("F-2", "ACME", date(2026, 3, 5), date(2026, 4, 4), D("300.00")),
        Invoice("F-3", "Bolt", date(2026, 3, 2), date(2026, 4, 1), D("100.00")),
    ]
    orders = pd.DataFrame(
        {
            "client": ["ACME", "ACME"],
            "value": ["400.00", "250.00"],
            "ordered": [date(2026, 3, 1), date(2026, 3, 25)],
            "invoiced": pd.to_datetime(["2026-03-05", None]),
        }
    )
    exp = credit_exposure(
        invoices,
        limits={"ACME": D("1000.00"), "Cork": D("50")},
        start=date(2026, 3, 1),
        end=date(2026, 3, 31),
        orders=orders,
        order_columns={"customer": "client", "amount": "value"},
    )
    acme, bolt, cork = exp.customers
    # ACME: 600 open from before; +400 ordered on 1 March (1,000: not over); the order
    # invoiced on 5 March leaves the orders (+300 invoice): 900; paid 600 on 10 March:
    # 300; +250 ordered on 25 March: 550.
    assert (acme.peak, acme.peak_day) == (D("1000.00"), date(2026, 3, 1))
    assert acme.days_over_limit == 0
    assert (acme.receivables, acme.orders, acme.exposure) == (D("300.00"), D("250.00"), D("550.00"))
    assert acme.headroom == D("450.00")
    assert bolt.limit is None
    assert bolt.days_over_limit == 0
    assert not bolt.over_limit
    assert cork.exposure == 0
    daily = exp.daily_frame()
    assert len(daily) == 31 * 3
    first = daily[(daily["customer"] == "ACME") & (daily["day"] == date(2026, 3, 1))].iloc[0]
    assert (first["receivables"], first["orders"], first["exposure"]) == (
        D("600.00"), D("400.00"), D("1000.00")
    )  # fmt: skip
    tight = credit_exposure(invoices, limits={"ACME": D("999.99")}, start=date(2026, 3, 1),
                            end=date(2026, 3, 31), orders=orders,
                            order_columns={"customer": "client", "amount": "value"})  # fmt: skip
    assert tight.customers[0].days_over_limit == 4  # 1-4 March at 1,000.00
    assert tight.customers[0].first_over == date(2026, 3, 1)
    assert tight.over_limit == ("ACME",)
    frame = exp.to_frame()
    assert list(frame["customer"]) == ["ACME", "Bolt", "Cork"]


def test_concentration_over_time_flags_strictly_above_twenty_percent() -> None:
    # month by month, the share of the trailing revenue; a customer at exactly 20 % is not
    # flagged (the rule is "above 20 %": reference/finance.md §3.5)
    invoices = [
        Invoice("A-1", "A", date(2026, 1, 10), date(2026, 2, 9), D("80")),
        Invoice("B-1", "B", date(2026, 1, 12), date(2026, 2, 11), D("20")),
        Invoice("B-2", "B", date(2026, 2, 12), date(2026, 3, 11), D("100")),
    ]
    exp = credit_exposure(invoices, limits={}, start=date(2026, 1, 1), end=date(2026, 2, 28))
    january, february = exp.concentration
    assert january[0] == date(2026, 1, 31)
    assert january[1].over_threshold == ("A",)  # B has exactly 20 %
    assert dict(february[1].shares) == {"A": D("0.4"), "B": D("0.6")}
    assert february[1].over_threshold == ("B", "A")
    frame = exp.concentration_frame()
    assert list(frame[frame["month_end"] == date(2026, 1, 31)]["over"]) == [True, False]


def test_credit_exposure_checks_its_input() -> None:
    with pytest.raises(InvalidArgument, match="end="):
        credit_exposure([], limits={}, start=date(2026, 2, 1), end=date(2026, 1, 1))
    with pytest.raises(InvalidArgument, match="limits"):
        credit_exposure([], limits={"A": "-1"}, start=date(2026, 1, 1), end=date(2026, 1, 2))
    orders = pd.DataFrame({"customer": ["A"], "amount": ["1"], "ordered": [date(2026, 1, 5)],
                           "invoiced": [date(2026, 1, 1)]})  # fmt: skip
    with pytest.raises(InvalidArgument, match=r"invoiced\[0\]"):
        credit_exposure([], limits={}, start=date(2026, 1, 1), end=date(2026, 1, 9), orders=orders)
    with pytest.raises(InvalidArgument, match=r"ordered\[0\]=NaT"):
        credit_exposure([], limits={}, start=date(2026, 1, 1), end=date(2026, 1, 9),
                        orders=orders.assign(ordered=pd.to_datetime([None])))  # fmt: skip


def test_results_without_pandas_name_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from payterms.errors import MissingExtra

    fc = cash_forecast([], DAILY, as_of=date(2026, 1, 1), horizon=1)
    assert isinstance(fc, CashForecast)
    assert fc.open_total == 0
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(MissingExtra, match=r"payterms\[pandas\]"):
        fc.to_frame()


def test_the_fraction_of_an_amount_rounds_half_up() -> None:
    # 30 % of 0.05 is 0.015: the deposit is 0.02 and the balance 0.03 (parts add up)
    plan = pd.DataFrame(
        {
            "customer": ["A"],
            "amount": ["0.05"],
            "sent": [date(2026, 3, 2)],
            "ordered": [date(2026, 2, 27)],
            "terms": [PaymentTerms.net(0)],
        }
    )
    cmp = compare_scenarios(plan, DAILY, [Scenario("d", deposit="0.3")], as_of=date(2026, 3, 31),
                            rate="0")  # fmt: skip
    assert dict(cmp["d"].cash_by_month) == {
        date(2026, 2, 1): D("0.02"),
        date(2026, 3, 1): D("0.03"),
    }

"""Payment behaviour learned from history: runs, closures, lateness, fit, score and trend."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from payterms import (
    Behaviours,
    InvalidArgument,
    InvalidType,
    Invoice,
    Lateness,
    Payer,
    PaymentBehaviour,
    PaymentRun,
    learn_behaviour,
    payment_score,
)
from payterms.behaviour import PAYDEX_CHART, DbtTrend, dbt_trend
from strategies import examples

D = Decimal


# --------------------------------------------------------------------------- the score

# Source: D&B, "PAYDEX" glossary page (dandb.com/glossary/paydex), the PAYDEX value chart
# (score: average days to pay), and D&B UK's help page "A Paydex Score of 80 indicates
# prompt payments". Negative days are days sooner than terms.
PUBLISHED = [
    pytest.param(-30, 100, id="100-30-days-sooner"),
    pytest.param(-25, 95, id="95-25-days-sooner"),
    pytest.param(-21, 91, id="91-21-days-sooner"),
    pytest.param(-20, 90, id="90-20-days-sooner"),
    pytest.param(-18, 89, id="89-18-days-sooner"),
    pytest.param(-12, 86, id="86-12-days-sooner"),
    pytest.param(-10, 85, id="85-10-days-sooner"),
    pytest.param(0, 80, id="80-prompt"),
    pytest.param(23, 59, id="59-23-days-beyond"),
    pytest.param(24, 58, id="58-24-days-beyond"),
    pytest.param(25, 57, id="57-25-days-beyond"),
    pytest.param(27, 54, id="54-27-days-beyond"),
    pytest.param(28, 53, id="53-28-days-beyond"),
    pytest.param(30, 50, id="50-30-days-beyond"),
    pytest.param(33, 49, id="49-33-days-beyond"),
    pytest.param(36, 48, id="48-36-days-beyond"),
    pytest.param(39, 47, id="47-39-days-beyond"),
    pytest.param(42, 46, id="46-42-days-beyond"),
    pytest.param(45, 45, id="45-45-days-beyond"),
    pytest.param(48, 44, id="44-48-days-beyond"),
]


@pytest.mark.parametrize(("days", "score"), PUBLISHED)
def test_published_paydex_points_map_exactly(days: int, score: int) -> None:
    assert payment_score(days) == score
    assert (score, days) in PAYDEX_CHART


def test_the_chart_gives_two_scores_for_26_and_29_days_and_the_better_is_kept() -> None:
    # the chart prints 56 and 55 for 26 days beyond terms, 52 and 51 for 29
    assert (56, 26) in PAYDEX_CHART
    assert (55, 26) in PAYDEX_CHART
    assert payment_score(26) == 56
    assert payment_score(29) == 52


# payterms' convention between and beyond the published points (behaviour.payment_score)
CONVENTION = [
    pytest.param(5, 75, id="between-prompt-and-23-days: 80 - 5 x 21/23 = 75.43"),
    pytest.param(D("-5"), 83, id="between-10-sooner-and-prompt: 82.5 rounds half up"),
    pytest.param(D("11.5"), 70, id="80 - 11.5 x 21/23 = 69.5 rounds half up"),
    pytest.param(60, 40, id="the last step, 3 days a point, continued: 60 days"),
    pytest.param(90, 30, id="90 days"),
    pytest.param(120, 20, id="120 days, the end of the 0-49 band"),
    pytest.param(400, 20, id="beyond 120 days"),
    pytest.param(-45, 100, id="more than 30 days sooner"),
]


@pytest.mark.parametrize(("days", "score"), CONVENTION)
def test_the_interpolation_convention(days: int | Decimal, score: int) -> None:
    assert payment_score(days) == score


@given(
    st.decimals(min_value=-100, max_value=500, places=2),
    st.decimals(min_value=0, max_value=50, places=2),
)
def test_the_score_never_rises_with_lateness(days: Decimal, more: Decimal) -> None:
    low, high = payment_score(days), payment_score(days + more)
    assert 20 <= high <= low <= 100


def test_the_score_refuses_floats() -> None:
    with pytest.raises(InvalidType, match=r"days_beyond_terms=1\.5"):
        payment_score(1.5)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- learning


def _history(
    payer: Payer,
    delays: list[int],
    *,
    customer: str = "ACME",
    start: date = date(2025, 1, 6),
    n: int = 40,
    step: int = 9,
    term: int = 30,
    amount: str = "100.00",
) -> list[Invoice]:
    """Return invoices paid by *payer*, the i-th acting *delays[i % len]* days after due."""
    value = D(amount)
    out = []
    for i in range(n):
        issued = start + timedelta(days=step * i)
        due = issued + timedelta(days=term)
        run = payer.payment_run(due, received=issued, delay=delays[i % len(delays)])
        cash = payer.cash_date(run)
        out.append(
            Invoice(f"{customer}-{i}", customer, issued, due, value, payments=((cash, value),))
        )
    return out


def test_runs_and_lateness_are_learned_from_a_history() -> None:
    truth = Payer(runs=PaymentRun.monthly(10, 25))
    history = _history(truth, [0, 0, 0, 20])
    learned = learn_behaviour(history, as_of=date(2026, 1, 31))["ACME"]
    assert learned.payer.runs == (PaymentRun.monthly(10, 25),)
    assert learned.fit is not None
    assert learned.fit.run_support == 1
    assert learned.fit.exact_share == 1  # every payment date is one the payer gives
    # the residual lateness: most invoices go to the first run after their due date,
    # some a run later
    outcomes = dict(learned.payer.extra_delay_days.outcomes)
    assert outcomes[0] > Fraction(1, 2)
    settled = [i for i in history if i.settled_on and i.settled_on <= date(2026, 1, 31)]
    assert learned.invoices == len(settled) == 39  # the last one is paid in February
    assert learned.score == payment_score(learned.days_beyond_terms or 0)


def test_a_closure_seen_in_history_is_repeated_in_the_following_years() -> None:
    truth = Payer(
        runs=PaymentRun.monthly(10, 25), closures=((date(2025, 8, 1), date(2025, 8, 31)),)
    )
    history = _history(truth, [0], n=40, step=9)
    learned = learn_behaviour(history, as_of=date(2026, 1, 31))["ACME"]
    # 11 August (10 August is a Sunday) and 25 August were skipped while invoices waited
    assert learned.closures_seen == ((date(2025, 8, 11), date(2025, 8, 25)),)
    assert (date(2026, 8, 11), date(2026, 8, 25)) in learned.payer.closures
    assert learned.payer.extra_delay_days == Lateness.fixed(0)  # the closure is not lateness
    assert learned.fit is not None
    assert learned.fit.exact_share == 1


@settings(max_examples=examples(25), deadline=None)
@given(
    st.lists(st.integers(1, 28), min_size=1, max_size=2, unique=True),
    st.lists(st.integers(-5, 40), min_size=1, max_size=5),
    st.integers(5, 12),
)
@example(days=[1, 2], delays=[0], step=9)
def test_every_payment_on_an_explained_run_day_is_replayed_exactly(
    days: list[int], delays: list[int], step: int
) -> None:
    truth = Payer(runs=PaymentRun.monthly(*days))
    history = _history(truth, delays, step=step, n=30)
    as_of = max(inv.settled_on or inv.issued for inv in history)
    learned = learn_behaviour(history, as_of=as_of, months=24, min_support="0.5")["ACME"]
    assert learned.fit is not None
    assert learned.fit.invoices == len(history)
    # the dates the inferred runs explain are replayed exactly by the learned payer;
    # without runs (too few dates) the payer pays any business day, and runs are on
    # business days: every date is replayed
    try:
        fit = PaymentRun.infer([inv.settled_on for inv in history if inv.settled_on],
                               min_support="0.5")  # fmt: skip
    except InvalidArgument:
        assert learned.fit.run_support is None
        assert learned.fit.exact_share == 1
        return
    explained = set(fit.explained)
    on_runs = sum(1 for inv in history if inv.settled_on in explained)
    assert learned.fit.exact_share >= Fraction(on_runs, len(history))
    if fit.support == 1:
        assert learned.fit.exact_share == 1


def test_without_a_pattern_the_customer_pays_any_business_day() -> None:
    history = [
        Invoice("A-1", "A", date(2026, 1, 5), date(2026, 2, 4), D("10"),
                payments=((date(2026, 2, 9), D("10")),)),
        Invoice("A-2", "A", date(2026, 1, 9), date(2026, 2, 8), D("30"),
                payments=((date(2026, 2, 11), D("30")),)),
    ]  # fmt: skip
    learned = learn_behaviour(history, as_of=date(2026, 3, 31))["A"]
    assert learned.fit is not None
    assert learned.fit.run_support is None
    assert learned.payer.extra_delay_days == Lateness.empirical([5, 3])
    # amount-weighted days beyond terms: (10 x 5 + 30 x 3) / 40 = 3.5
    assert learned.days_beyond_terms == D("3.5")
    assert "any business day" in repr(learned)


def test_customers_without_paid_invoices_are_skipped() -> None:
    history = [
        Invoice("A-1", "A", date(2026, 1, 5), date(2026, 2, 4), D("10"),
                payments=((date(2026, 2, 9), D("10")),)),
        Invoice("B-1", "B", date(2026, 1, 5), date(2026, 2, 4), D("10")),
        Invoice("C-1", "C", date(2024, 1, 5), date(2024, 2, 4), D("10"),
                payments=((date(2024, 2, 9), D("10")),)),  # before the 12-month window
    ]  # fmt: skip
    book = learn_behaviour(history, as_of=date(2026, 3, 31))
    assert book.customers == ("A",)
    assert book.skipped == ("B", "C")
    assert "B" not in book
    with pytest.raises(InvalidArgument, match="customer='B'"):
        book["B"]


def test_a_dataframe_ledger_with_its_own_column_names() -> None:
    pd = pytest.importorskip("pandas")
    truth = Payer(runs=PaymentRun.monthly(15))
    history = _history(truth, [0, 5])
    frame = pd.DataFrame(
        {
            "no": [i.id for i in history],
            "client": [i.customer for i in history],
            "issued": [i.issued for i in history],
            "due": [i.due for i in history],
            "amount": [i.amount for i in history],
            "paid_on": [i.settled_on for i in history],
            "note": ["x"] * len(history),
        }
    )
    from_frame = learn_behaviour(
        frame, as_of=date(2026, 1, 31), columns={"id": "no", "customer": "client"}
    )
    from_invoices = learn_behaviour(history, as_of=date(2026, 1, 31))
    assert from_frame["ACME"].payer == from_invoices["ACME"].payer
    table = from_frame.to_frame()
    assert list(table.columns) == [
        "customer", "invoices", "days_beyond_terms", "score", "slope", "worsening", "runs",
        "lateness", "run_support", "mean_absolute_error", "exact_share", "closures",
    ]  # fmt: skip
    assert table.loc[0, "runs"] == "15"
    with pytest.raises(InvalidArgument, match="a DataFrame of invoices"):
        learn_behaviour(history, as_of=date(2026, 1, 31), columns={"id": "no"})


# --------------------------------------------------------------------------- trend


def _paid(month: int, days_late: int, amount: str = "100") -> Invoice:
    due = date(2026, month, 5)
    return Invoice(
        f"F-{month}-{days_late}", "X", due - timedelta(days=30), due, D(amount),
        payments=((due + timedelta(days=days_late), D(amount)),),
    )  # fmt: skip


def test_a_worsening_trend_by_hand() -> None:
    # days beyond terms by month: 2, 4, 9, 11 -> least-squares slope over months 0..3:
    # mean x 1.5, mean y 6.5; sum (x - 1.5)(y - 6.5) = 6.75 + 1.25 + 1.25 + 6.75 = 16,
    # sum (x - 1.5)^2 = 5 -> 3.2 days a month
    history = [_paid(1, 2), _paid(2, 4), _paid(3, 9), _paid(4, 11)]
    trend = dbt_trend(history, as_of=date(2026, 4, 30), months=4)
    assert [d for _, d in trend.months] == [2, 4, 9, 11]
    assert trend.slope == D("3.2")
    assert trend.worsening
    flat = dbt_trend([_paid(1, 5), _paid(2, 5), _paid(3, 6)], as_of=date(2026, 3, 31))
    assert flat.slope == D("0.5")
    assert not flat.worsening  # not above the default 1 day a month
    assert dbt_trend([_paid(1, 5), _paid(2, 50)], as_of=date(2026, 3, 31)).slope is None


def test_each_month_weighs_payments_by_amount_and_gaps_count_as_months() -> None:
    # January: 10 paid 4 days late and 30 paid 8 days late: (40 + 240) / 40 = 7
    history = [_paid(1, 4, "10"), _paid(1, 8, "30"), _paid(3, 9), _paid(4, 11)]
    trend = dbt_trend(history, as_of=date(2026, 4, 30), months=4)
    assert trend.months[0] == (date(2026, 1, 1), D(7))
    # points (0, 7), (2, 9), (3, 11): mean x 5/3, mean y 9; sum (x - 5/3)(y - 9) =
    # 10/3 + 0 + 8/3 = 6, sum (x - 5/3)^2 = 42/9 -> slope 6 x 9/42 = 9/7 = 1.2857...
    assert trend.slope is not None
    assert abs(trend.slope - D(9) / 7) < D("1e-20")


def test_behaviours_flag_the_customers_that_worsen() -> None:
    worse = [_paid(m, 3 * m) for m in range(1, 7)]
    steady = [
        Invoice(f"S-{m}", "Y", date(2026, m, 1), date(2026, m, 10), D("50"),
                payments=((date(2026, m, 12), D("50")),))
        for m in range(1, 7)
    ]  # fmt: skip
    book = learn_behaviour([*worse, *steady], as_of=date(2026, 6, 30))
    assert book.worsening == ("X",)
    assert book["X"].worsening
    assert "worsening" in repr(book["X"])
    assert "worsening" not in repr(book["Y"])


# --------------------------------------------------------------------------- values


def test_a_stated_behaviour_and_its_checks() -> None:
    stated = PaymentBehaviour("ACME", Payer(runs=PaymentRun.monthly(25), extra_delay_days=3))
    assert repr(stated) == (
        "PaymentBehaviour('ACME', runs=PaymentRun.monthly(25), lateness=Lateness.fixed(3))"
    )
    assert not stated.worsening
    with pytest.raises(InvalidType, match="payer="):
        PaymentBehaviour("ACME", PaymentRun.monthly(25))  # type: ignore[arg-type]
    with pytest.raises(InvalidType, match="customer="):
        PaymentBehaviour(3, Payer(runs=PaymentRun.monthly(25)))  # type: ignore[arg-type]
    with pytest.raises(InvalidArgument, match="one behaviour per customer"):
        Behaviours(behaviours=(stated, stated))
    trend = DbtTrend(months=(), slope=None, threshold=D(1))
    assert not trend.worsening
    with pytest.raises(InvalidType, match="calendar="):
        learn_behaviour([], as_of=date(2026, 1, 1), calendar="BE")  # type: ignore[arg-type]
    with pytest.raises(InvalidType, match=r"invoices\[0\]"):
        learn_behaviour(["x"], as_of=date(2026, 1, 1))  # type: ignore[list-item]

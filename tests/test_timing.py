"""Tests for payterms.timing: expected payment dates, send-date tables, best send dates."""

from __future__ import annotations

import contextlib
import sys
from datetime import date, datetime, timedelta
from decimal import Decimal
from fractions import Fraction

import attrs
import pytest
from dateutil.rrule import TH
from hypothesis import given, settings
from hypothesis import strategies as st

from payterms.calendars import Adjustment, BusinessCalendar
from payterms.errors import InvalidArgument, InvalidType, PaytermsError
from payterms.runs import LAST, Lateness, Payer, PaymentRun, RunPolicy
from payterms.terms import DiscountTier, Installment, PaymentTerms, Start
from payterms.timing import (
    PaymentExplanation,
    SendObjective,
    best_send_date,
    expected_payment_date,
    explain_payment,
    payment_forecast,
    send_date_table,
)
from strategies import examples, payment_runs, payment_terms

AT = BusinessCalendar.country("AT")
BE = BusinessCalendar.country("BE")
GB_ENG = BusinessCalendar.country("GB", "ENG")
WEEKENDS = BusinessCalendar.WEEKENDS

EOM_30 = PaymentTerms.end_of_month(30)  # CM+30D, "30 days end of month"
NET_30 = PaymentTerms.net(30)
TWO_10_NET_30 = NET_30.with_discount(Decimal("2"), "10D")


# --------------------------------------------------------------------------- the cliff

# The issue's must-hold scenario (reference/finance.md §4.3, user_demand.md §A19): "30 days
# end of month", runs on the 25th, 5 business days of approval. Sent on the last day of
# January the invoice is due 2 March and paid on 25 March; sent on 1 February it is due
# 30 March and paid on the next 25th, 25 April 2026, a Saturday: Monday 27 April.
MONTH_END_CLIFF = Payer(runs=PaymentRun.monthly(25), calendar=BE, approval_days=5)


def test_sending_on_the_last_day_vs_the_first_shifts_cash_by_a_month() -> None:
    last_day = expected_payment_date(EOM_30, date(2026, 1, 31), MONTH_END_CLIFF)
    first_day = expected_payment_date(EOM_30, date(2026, 2, 1), MONTH_END_CLIFF)
    assert last_day == date(2026, 3, 25)
    assert first_day == date(2026, 4, 27)
    assert 28 <= (first_day - last_day).days <= 35


def test_the_table_shows_the_month_end_cliff() -> None:
    table = send_date_table(EOM_30, MONTH_END_CLIFF, start=date(2026, 1, 1), end=date(2026, 4, 30))
    assert len(table) == 120
    assert [c.last_send for c in table.cliffs] == [
        date(2026, 1, 31),
        date(2026, 2, 28),
        date(2026, 3, 31),
        date(2026, 4, 30),
    ]
    jan = table.cliffs[0]
    assert (jan.cash, jan.next_cash, jan.days_lost) == (date(2026, 3, 25), date(2026, 4, 27), 33)
    rows = {r.sent: r for r in table}
    # waiting from 1 to 31 January costs nothing: 30 days gained, then 33 - 1 lost
    assert rows[date(2026, 1, 31)].days_gained == 30
    assert rows[date(2026, 2, 1)].days_gained == 30 - 33 + 1
    assert "2026-01-31  2026-03-02  2026-03-25    53      30  <- last day" in str(table)


def test_table_to_frame(monkeypatch: pytest.MonkeyPatch) -> None:
    table = send_date_table(EOM_30, MONTH_END_CLIFF, start=date(2026, 1, 30), end=date(2026, 2, 2))
    frame = table.to_frame()
    assert list(frame.columns) == [
        "sent",
        "due",
        "run",
        "cash",
        "days_to_cash",
        "days_gained",
        "cliff",
    ]
    assert frame["cliff"].tolist() == [False, True, False, False]
    assert frame["cash"].tolist() == [r.cash for r in table]
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"payterms\[pandas\]"):
        table.to_frame()


def test_best_send_date_reports_how_long_sending_can_wait() -> None:
    plan = best_send_date(EOM_30, MONTH_END_CLIFF, ready=date(2026, 1, 20), latest=date(2026, 2, 5))
    assert plan.sent == date(2026, 1, 20)
    assert plan.cash == date(2026, 3, 25)
    assert plan.last_send_same_cash == date(2026, 1, 31)
    assert plan.present_value is None
    assert plan.table.rows[0].sent == date(2026, 1, 20)


# --------------------------------------------------------------------------- finance.md §4.1

# Source: mairaum.at purchasing conditions (reference/finance.md §4.1): "after a review
# period of 7 days" from receipt, "each on the 15th and the last day of the current
# month"; on a Saturday, Sunday or public holiday "the next working day is the key date".
# The invoice takes 3 days by post here; Austrian public holidays.
REVIEW_7_DAYS = PaymentTerms(installments=(Installment.balance("7D"),), start=Start.RECEIPT)
MAIRAUM = Payer(runs=PaymentRun.monthly(15, LAST), calendar=AT, receipt_days=3)


@pytest.mark.parametrize(
    ("received", "expected"),
    [
        pytest.param(date(2026, 2, 1), date(2026, 2, 16), id="mairaum-15th-on-sunday"),
        pytest.param(date(2026, 5, 25), date(2026, 6, 1), id="mairaum-month-end-sunday"),
        pytest.param(date(2026, 8, 3), date(2026, 8, 17), id="mairaum-assumption-on-saturday"),
        pytest.param(date(2026, 10, 20), date(2026, 11, 2), id="mairaum-eom-sat-all-saints"),
        pytest.param(date(2026, 4, 1), date(2026, 4, 15), id="mairaum-plain-15th"),
    ],
)
def test_mairaum_review_period_then_15th_or_last_day(received: date, expected: date) -> None:
    sent = received - timedelta(days=3)
    explanation = explain_payment(REVIEW_7_DAYS, sent, MAIRAUM)
    assert explanation.received == received
    assert explanation.term_start == received
    assert explanation.payments[0].due == received + timedelta(days=7)
    assert expected_payment_date(REVIEW_7_DAYS, sent, MAIRAUM) == expected


# Source: supplier help page (reference/finance.md §4.1): invoices in "no later than the
# 20th" make the run on the last working day of the month, "processed on the preceding
# working day" when that is a weekend or holiday. Terms: due on receipt; English calendar.
CUTOFF_20 = Payer(
    runs=PaymentRun.monthly(LAST, adjustment=Adjustment.PRECEDING, cutoff_day=20),
    calendar=GB_ENG,
    receipt_days=1,
)


@pytest.mark.parametrize(
    ("sent", "expected"),
    [
        pytest.param(date(2026, 1, 19), date(2026, 1, 30), id="cutoff-received-on-the-20th"),
        pytest.param(date(2026, 1, 20), date(2026, 2, 27), id="cutoff-received-on-the-21st"),
        pytest.param(date(2026, 8, 19), date(2026, 8, 28), id="cutoff-summer-bank-holiday"),
        pytest.param(date(2026, 8, 20), date(2026, 9, 30), id="cutoff-missed-in-august"),
    ],
)
def test_cutoff_on_the_20th_for_the_month_end_run(sent: date, expected: date) -> None:
    assert expected_payment_date(PaymentTerms.on_receipt(), sent, CUTOFF_20) == expected


# Source: pulsify glossary (reference/finance.md §4.1): a weekly Thursday run pays the
# invoices due Friday .. next Thursday on that Thursday. Net 30 from 4..10 February 2026
# is due Friday 6 .. Thursday 12 March.
@pytest.mark.parametrize("sent_day", range(4, 11), ids=lambda d: f"sent-2026-02-{d:02}")
def test_weekly_thursday_run(sent_day: int) -> None:
    payer = Payer(runs=PaymentRun.weekly(TH))
    assert expected_payment_date(NET_30, date(2026, 2, sent_day), payer) == date(2026, 3, 12)


# Source: discuss.tryton.org/t/fixed-day-payment-terms/2390 (user_demand.md §B13): paying on
# the 10th and 20th after 30 days: 01/02 -> 10/03, 12/02 -> 20/03, 22/02 -> 10/04 (2020).
@pytest.mark.parametrize(
    ("sent", "expected"),
    [
        pytest.param(date(2020, 2, 1), date(2020, 3, 10), id="tryton-2390-first"),
        pytest.param(date(2020, 2, 12), date(2020, 3, 20), id="tryton-2390-second"),
        pytest.param(date(2020, 2, 22), date(2020, 4, 10), id="tryton-2390-next-month"),
    ],
)
def test_tryton_10th_and_20th_after_30_days(sent: date, expected: date) -> None:
    payer = Payer(runs=PaymentRun.monthly(10, 20, adjustment=Adjustment.UNADJUSTED))
    assert expected_payment_date(NET_30, sent, payer) == expected


# --------------------------------------------------------------------------- explanation

DESIGN_PAYER = Payer(
    runs=PaymentRun.monthly(10, 25),
    calendar=BE,
    approval_days=5,
    transfer_days=1,
    closures=((date(2026, 8, 1), date(2026, 8, 21)),),
)
SPLIT = PaymentTerms(
    installments=(Installment.percent(Decimal("30"), "0D"), Installment.balance("CM+30D")),
    discounts=(DiscountTier(Decimal("2"), "10D"),),
)


def test_explanation_per_instalment() -> None:
    # 30 % due on the invoice date (1 July) can be paid from 8 July (5 approval days): run
    # Friday 10 July, cash Monday 13 July; the balance is due 30 August (CM+30D): the
    # August runs are closed or earlier, so Thursday 10 September, cash the 11th.
    e = explain_payment(SPLIT, date(2026, 7, 1), DESIGN_PAYER, amount=Decimal("1210.00"))
    assert [(p.due, p.amount, p.run, p.cash) for p in e.payments] == [
        (date(2026, 7, 1), Decimal("363.00"), date(2026, 7, 10), date(2026, 7, 13)),
        (date(2026, 8, 30), Decimal("847.00"), date(2026, 9, 10), date(2026, 9, 11)),
    ]
    assert e.earliest_run == date(2026, 7, 8)
    assert e.cash_date == date(2026, 9, 11)
    assert e.final_run == date(2026, 9, 10)
    assert e.days_to_cash == 72
    text = str(e)
    assert "due 2026-07-01 363.00" in text
    assert "run 2026-09-10: first run on or after the due date" in text
    assert text.endswith("paid in full on 2026-09-11, 72 days after sending")


def test_explanation_names_the_closure_skipped() -> None:
    e = explain_payment(NET_30, date(2026, 7, 1), DESIGN_PAYER)
    (payment,) = e.payments
    assert payment.closures == ((date(2026, 8, 1), date(2026, 8, 21)),)
    assert payment.run == date(2026, 8, 25)
    assert "closure 2026-08-01..2026-08-21 skipped" in str(e)
    assert isinstance(e, PaymentExplanation)


def test_lateness_shifts_the_target_and_prints() -> None:
    payer = attrs.evolve(DESIGN_PAYER, extra_delay_days=3, closures=())
    e = explain_payment(NET_30, date(2026, 3, 9), payer)  # due 8 April, acts on 11 April
    assert e.payments[0].target == date(2026, 4, 11)
    assert e.payments[0].run == date(2026, 4, 27)  # 25 April 2026 is a Saturday
    assert "(+3 days late: 2026-04-11)" in str(e)


def test_last_run_before_due_policy_pays_on_time() -> None:
    payer = attrs.evolve(DESIGN_PAYER, policy=RunPolicy.LAST_RUN_ON_OR_BEFORE_DUE, transfer_days=0)
    # net 30 from 2 March is due 1 April: the last run before is 25 March
    assert expected_payment_date(NET_30, date(2026, 3, 2), payer) == date(2026, 3, 25)
    assert "last run on or before the due date" in str(
        explain_payment(NET_30, date(2026, 3, 2), payer)
    )


def test_terms_counted_from_delivery_need_the_delivery_date() -> None:
    terms = PaymentTerms(installments=(Installment.balance("30D"),), start=Start.DELIVERY)
    payer = Payer(runs=PaymentRun.monthly(10))
    with pytest.raises(InvalidArgument, match="term_start"):
        expected_payment_date(terms, date(2026, 3, 2), payer)
    # delivered 20 February: due 22 March, paid in the next run, 10 April
    assert expected_payment_date(
        terms, date(2026, 3, 2), payer, term_start=date(2026, 2, 20)
    ) == date(2026, 4, 10)


def test_due_date_adjustment_uses_the_payer_calendar() -> None:
    payer = Payer(runs=PaymentRun.weekly(*range(7), adjustment=Adjustment.UNADJUSTED))
    sent = date(2026, 3, 6)  # net 30: due Sunday 5 April; FOLLOWING: Monday 6 April
    assert expected_payment_date(NET_30, sent, payer) == date(2026, 4, 5)
    assert expected_payment_date(NET_30, sent, payer, adjustment=Adjustment.FOLLOWING) == date(
        2026, 4, 6
    )


# --------------------------------------------------------------------------- discounts

# Source: reference/finance.md §1.1 (simple approach, 365 days, "actual payment day P ≠ N:
# replace t by P − D") and §1.3 (take the discount iff its annualised cost exceeds the cost
# of funds). Weekly Thursday runs; 2/10 net 30 sent Monday 2 March 2026: the discount
# holds until Thursday 12 March (a run), net is due Wednesday 1 April, paid Thursday 2
# April; t = 21 days, simple cost 2/98 x 365/21 = 35.47 %.
DISCOUNT_PAYER = Payer(runs=PaymentRun.weekly(TH), policy=RunPolicy.EARLY_FOR_DISCOUNT)


@pytest.mark.parametrize(
    ("rate", "expected"),
    [
        pytest.param(None, date(2026, 3, 12), id="no-cost-of-capital-takes-it"),
        pytest.param(Decimal("0.08"), date(2026, 3, 12), id="8pct-takes-it"),
        pytest.param(Decimal("0.35"), date(2026, 3, 12), id="35pct-below-35.47-takes-it"),
        pytest.param(Decimal("0.36"), date(2026, 4, 2), id="36pct-above-35.47-pays-net"),
    ],
)
def test_early_for_discount_when_worth_it(rate: Decimal | None, expected: date) -> None:
    payer = attrs.evolve(DISCOUNT_PAYER, cost_of_capital=rate)
    e = explain_payment(TWO_10_NET_30, date(2026, 3, 2), payer, amount=Decimal("100.00"))
    assert e.cash_date == expected
    if expected == date(2026, 3, 12):
        (payment,) = e.payments
        assert payment.discount is not None
        assert payment.amount == Decimal("98.00")
        assert "early, for the 2 % discount until 2026-03-12" in str(e)
    else:
        assert e.payments[0].discount is None


def test_discount_not_catchable_pays_net() -> None:
    payer = attrs.evolve(DISCOUNT_PAYER, approval_days=10)
    assert expected_payment_date(TWO_10_NET_30, date(2026, 3, 2), payer) == date(2026, 4, 2)


def test_best_send_date_catches_a_discount_run() -> None:
    # Runs on the 25th: sent 14 February the discount ends the 24th (no run), net is due
    # 16 March, paid 25 March; sent 15 February the discount ends on the 25th, a run.
    payer = Payer(runs=PaymentRun.monthly(25), policy=RunPolicy.EARLY_FOR_DISCOUNT)
    plan = best_send_date(TWO_10_NET_30, payer, ready=date(2026, 2, 10), latest=date(2026, 2, 20))
    assert plan.sent == date(2026, 2, 15)
    assert plan.cash == date(2026, 2, 25)
    # at 8 % a year, 98 on 25 February is worth less than 100 on 25 March
    by_value = best_send_date(
        TWO_10_NET_30,
        payer,
        ready=date(2026, 2, 10),
        latest=date(2026, 2, 20),
        objective=SendObjective.PRESENT_VALUE,
        rate=Decimal("0.08"),
    )
    assert by_value.sent == date(2026, 2, 10)
    assert by_value.present_value == Decimal(100) / (1 + Decimal("0.08") * 43 / 365)


# --------------------------------------------------------------------------- distributions


def test_forecast_expected_date_and_quantiles() -> None:
    # Net 30 from 2 March is due 1 April: on time or 5 days late -> run of 10 April;
    # 20 days late (21 April) -> 25 April, a Saturday -> Monday 27 April.
    payer = Payer(
        runs=PaymentRun.monthly(10, 25), extra_delay_days=Lateness.empirical([0, 0, 0, 5, 20])
    )
    forecast = payment_forecast(NET_30, date(2026, 3, 2), payer)
    assert forecast.cash_dates == (
        (date(2026, 4, 10), Fraction(4, 5)),
        (date(2026, 4, 27), Fraction(1, 5)),
    )
    assert forecast.expected == date(2026, 4, 13)  # 10 April + 17/5 days, rounded
    assert forecast.quantile(Fraction(4, 5)) == date(2026, 4, 10)
    assert forecast.quantile("0.81") == date(2026, 4, 27)
    assert expected_payment_date(NET_30, date(2026, 3, 2), payer) == date(2026, 4, 13)
    assert "expected 2026-04-13; median 2026-04-10; 90 % by 2026-04-27" in str(forecast)
    with pytest.raises(InvalidArgument, match="payment_forecast"):
        explain_payment(NET_30, date(2026, 3, 2), payer)
    assert explain_payment(NET_30, date(2026, 3, 2), payer, delay=20).cash_date == date(2026, 4, 27)
    row = send_date_table(NET_30, payer, start=date(2026, 3, 2), end=date(2026, 3, 2)).rows[0]
    assert (row.cash, row.run) == (date(2026, 4, 13), None)


# --------------------------------------------------------------------------- bad input

BAD = [
    pytest.param(
        lambda: best_send_date(
            NET_30, DESIGN_PAYER, ready=date(2026, 2, 1), latest=date(2026, 1, 31)
        ),
        InvalidArgument,
        "latest=",
        id="latest-before-ready",
    ),
    pytest.param(
        lambda: send_date_table(
            NET_30, DESIGN_PAYER, start=date(2026, 2, 1), end=date(2026, 1, 31)
        ),
        InvalidArgument,
        "end=",
        id="end-before-start",
    ),
    pytest.param(
        lambda: expected_payment_date("net 30", date(2026, 2, 1), DESIGN_PAYER),
        InvalidType,
        "terms",
        id="terms-str",
    ),
    pytest.param(
        lambda: expected_payment_date(NET_30, date(2026, 2, 1), PaymentRun.monthly(10)),
        InvalidType,
        "payer",
        id="payer-is-a-run",
    ),
    pytest.param(
        lambda: expected_payment_date(NET_30, "2026-02-01", DESIGN_PAYER),
        InvalidType,
        "sent",
        id="sent-str",
    ),
    pytest.param(
        lambda: expected_payment_date(NET_30, date(2026, 2, 1), DESIGN_PAYER, amount=100.0),
        InvalidType,
        "amount",
        id="float-amount",
    ),
    pytest.param(
        lambda: expected_payment_date(NET_30, date(2026, 2, 1), DESIGN_PAYER, adjustment="f"),
        InvalidType,
        "adjustment",
        id="adjustment-str",
    ),
    pytest.param(
        lambda: best_send_date(
            NET_30, DESIGN_PAYER, ready=date(2026, 2, 1), objective=SendObjective.PRESENT_VALUE
        ),
        InvalidArgument,
        "rate",
        id="pv-without-rate",
    ),
    pytest.param(
        lambda: best_send_date(
            NET_30,
            DESIGN_PAYER,
            ready=date(2026, 2, 1),
            objective=SendObjective.PRESENT_VALUE,
            rate=0.08,
        ),
        InvalidType,
        "rate",
        id="pv-float-rate",
    ),
    pytest.param(
        lambda: best_send_date(
            NET_30,
            DESIGN_PAYER,
            ready=date(2026, 2, 1),
            objective=SendObjective.PRESENT_VALUE,
            rate=Decimal("-0.01"),
        ),
        InvalidArgument,
        "rate",
        id="pv-negative-rate",
    ),
    pytest.param(
        lambda: best_send_date(NET_30, DESIGN_PAYER, ready=date(2026, 2, 1), objective="cash"),
        InvalidType,
        "objective",
        id="objective-str",
    ),
    pytest.param(
        lambda: explain_payment(NET_30, date(2026, 2, 1), DESIGN_PAYER, delay=1.5),
        InvalidType,
        "delay",
        id="delay-float",
    ),
    pytest.param(
        lambda: payment_forecast(NET_30, date(2026, 2, 1), DESIGN_PAYER).quantile(0),
        InvalidArgument,
        "q=0",
        id="quantile-0",
    ),
]


@pytest.mark.parametrize(("call", "error", "message"), BAD)
def test_bad_input(call: object, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message) as info:
        call()  # type: ignore[operator]
    assert isinstance(info.value, PaytermsError)


def test_a_closure_leaving_no_run_is_an_error() -> None:
    payer = Payer(runs=PaymentRun.on_dates([date(2026, 3, 10), date(2026, 4, 10)]))
    with pytest.raises(InvalidArgument, match="no run"):
        expected_payment_date(NET_30, date(2026, 3, 20), payer)


# --------------------------------------------------------------------------- properties

_POLICIES = st.sampled_from(
    (RunPolicy.FIRST_RUN_ON_OR_AFTER_DUE, RunPolicy.LAST_RUN_ON_OR_BEFORE_DUE)
)


@st.composite
def _payers(draw: st.DrawFn, policies: st.SearchStrategy[RunPolicy] = _POLICIES) -> Payer:
    runs = draw(st.lists(payment_runs(), min_size=1, max_size=2))
    return Payer(
        runs=tuple(runs),
        receipt_days=draw(st.integers(0, 5)),
        approval_days=draw(st.integers(0, 8)),
        transfer_days=draw(st.integers(0, 3)),
        policy=draw(policies),
        extra_delay_days=draw(st.integers(0, 10)),
        closures=draw(st.sampled_from([(), ((date(2026, 8, 1), date(2026, 8, 21)),)])),
    )


_SENT = st.dates(min_value=date(2025, 6, 1), max_value=date(2027, 6, 30))


@settings(max_examples=examples(120), deadline=None)
@given(payment_terms(), _payers(st.just(RunPolicy.FIRST_RUN_ON_OR_AFTER_DUE)), _SENT)
def test_cash_is_never_before_the_due_date_for_first_run_payers(
    terms: PaymentTerms, payer: Payer, sent: date
) -> None:
    e = explain_payment(terms, sent, payer)
    for payment in e.payments:
        assert payment.cash >= payment.run >= payment.due
    assert e.cash_date >= terms.due_date(sent)
    assert expected_payment_date(terms, sent, payer) == e.cash_date


def test_last_run_policy_with_a_cutoff_can_pay_earlier() -> None:
    # Runs on the 3rd and on the 1st (cut-off on the 2nd of the month before); the invoice
    # is due at the end of the month, paid one day late. Sent on 1 June it catches the
    # 1 July run; sent on 3 June it misses that run's cut-off and the last run before the
    # due date that can still pay it is 3 June itself.
    payer = Payer(
        runs=(PaymentRun.monthly(3), PaymentRun.monthly(1, cutoff_day=2)),
        policy=RunPolicy.LAST_RUN_ON_OR_BEFORE_DUE,
        extra_delay_days=1,
    )
    terms = PaymentTerms(installments=(Installment.balance("0D"),), start=Start.END_OF_MONTH)
    assert expected_payment_date(terms, date(2025, 6, 1), payer) == date(2025, 7, 1)
    assert expected_payment_date(terms, date(2025, 6, 3), payer) == date(2025, 6, 3)


@settings(max_examples=examples(80), deadline=None)
@given(payment_terms(), _payers(), _SENT, st.integers(1, 45))
def test_a_later_send_never_gives_an_earlier_cash_date(
    terms: PaymentTerms, payer: Payer, sent: date, span: int
) -> None:
    # Not for EARLY_FOR_DISCOUNT payers (sending later can bring a discount run in reach),
    # nor for LAST_RUN_ON_OR_BEFORE_DUE payers with cut-offs (missing the last run's
    # cut-off falls back to an earlier run: test_last_run_policy_with_a_cutoff_can_pay_earlier).
    if payer.policy is RunPolicy.LAST_RUN_ON_OR_BEFORE_DUE:
        payer = attrs.evolve(
            payer, runs=tuple(attrs.evolve(r, cutoff_day=None) for r in payer.runs)
        )
    table = send_date_table(terms, payer, start=sent, end=sent + timedelta(days=span))
    cash = [r.cash for r in table]
    assert cash == sorted(cash)
    # the fast path (final due date only) agrees with the per-instalment explanation
    full = explain_payment(terms, sent, payer, amount=Decimal("1000.00"), tax=Decimal("0"))
    assert table.rows[0].cash == full.cash_date
    assert table.rows[0].run == full.final_run
    assert len(table) == span + 1
    for cliff in table.cliffs:
        assert cliff.days_lost > 0
        nxt = [r for r in table if r.sent == cliff.last_send + timedelta(days=1)]
        assert not nxt or nxt[0].cash == cliff.next_cash


@settings(max_examples=examples(80), deadline=None)
@given(
    payment_terms(),
    _payers(st.sampled_from(list(RunPolicy))),
    _SENT,
    st.integers(0, 30),
    st.sampled_from([SendObjective.EARLIEST_CASH, SendObjective.PRESENT_VALUE]),
)
def test_best_send_date_is_the_best_row_of_the_table(
    terms: PaymentTerms, payer: Payer, ready: date, span: int, objective: SendObjective
) -> None:
    latest = ready + timedelta(days=span)
    plan = best_send_date(
        terms, payer, ready=ready, latest=latest, objective=objective, rate=Decimal("0.1")
    )
    assert ready <= plan.sent <= latest
    table = send_date_table(terms, payer, start=ready, end=latest)
    if objective is SendObjective.EARLIEST_CASH:
        assert plan.cash == min(r.cash for r in table)
        assert plan.sent == min(r.sent for r in table if r.cash == plan.cash)
    else:
        assert plan.present_value is not None
    assert plan.sent <= plan.last_send_same_cash <= latest


# --------------------------------------------------------------------------- junk input

JUNK = [
    None,
    1.5,
    "2026-01-01",
    datetime(2026, 1, 1, 12),
    -1,
    10**6,
    [],
    (date(2026, 1, 1),),
    object(),
]


def _junk_calls(junk: object) -> list[object]:
    sent = date(2026, 3, 2)
    payer = DESIGN_PAYER
    return [
        lambda: PaymentRun.monthly(junk),  # type: ignore[arg-type]
        lambda: PaymentRun.weekly(junk),
        lambda: PaymentRun.weekly(3, every=junk, anchor=sent),  # type: ignore[arg-type]
        lambda: PaymentRun.weekly(3, every=2, anchor=junk),  # type: ignore[arg-type]
        lambda: PaymentRun.on_dates(junk),  # type: ignore[arg-type]
        lambda: PaymentRun.monthly(10, cutoff_day=junk),  # type: ignore[arg-type]
        lambda: PaymentRun.monthly(10).next_on_or_after(junk),  # type: ignore[arg-type]
        lambda: PaymentRun.monthly(10).dates(sent, junk),  # type: ignore[arg-type]
        lambda: PaymentRun.monthly(10).cutoff_for(junk),  # type: ignore[arg-type]
        lambda: PaymentRun.infer(junk),  # type: ignore[arg-type]
        lambda: PaymentRun.infer([sent] * 6, min_dates=junk),  # type: ignore[arg-type]
        lambda: Payer(runs=junk),  # type: ignore[arg-type]
        lambda: Payer(runs=PaymentRun.monthly(10), receipt_days=junk),  # type: ignore[arg-type]
        lambda: Payer(runs=PaymentRun.monthly(10), closures=junk),  # type: ignore[arg-type]
        lambda: Payer(runs=PaymentRun.monthly(10), closures=(junk,)),  # type: ignore[arg-type]
        lambda: Payer(runs=PaymentRun.monthly(10), extra_delay_days=junk),  # type: ignore[arg-type]
        lambda: Payer(runs=PaymentRun.monthly(10), cost_of_capital=junk),  # type: ignore[arg-type]
        lambda: payer.run_on_or_after(junk),  # type: ignore[arg-type]
        lambda: payer.run_on_or_after(sent, received=junk),  # type: ignore[arg-type]
        lambda: payer.run_on_or_before(junk),  # type: ignore[arg-type]
        lambda: payer.payment_run(sent, received=junk),  # type: ignore[arg-type]
        lambda: payer.payment_run(sent, received=sent, delay=junk),  # type: ignore[arg-type]
        lambda: payer.cash_date(junk),  # type: ignore[arg-type]
        lambda: payer.run_dates(junk, sent),  # type: ignore[arg-type]
        lambda: payer.is_closed(junk),  # type: ignore[arg-type]
        lambda: Lateness.empirical(junk),  # type: ignore[arg-type]
        lambda: Lateness.fixed(junk),  # type: ignore[arg-type]
        lambda: expected_payment_date(junk, sent, payer),  # type: ignore[arg-type]
        lambda: expected_payment_date(NET_30, junk, payer),  # type: ignore[arg-type]
        lambda: expected_payment_date(NET_30, sent, junk),  # type: ignore[arg-type]
        lambda: expected_payment_date(NET_30, sent, payer, amount=junk),  # type: ignore[arg-type]
        lambda: expected_payment_date(NET_30, sent, payer, term_start=junk),  # type: ignore[arg-type]
        lambda: expected_payment_date(NET_30, sent, payer, currency=junk),  # type: ignore[arg-type]
        lambda: explain_payment(NET_30, sent, payer, tax=junk),  # type: ignore[arg-type]
        lambda: payment_forecast(NET_30, sent, payer).quantile(junk),  # type: ignore[arg-type]
        lambda: send_date_table(NET_30, payer, start=junk, end=sent),  # type: ignore[arg-type]
        lambda: best_send_date(NET_30, payer, ready=junk),  # type: ignore[arg-type]
        lambda: best_send_date(NET_30, payer, ready=sent, latest=junk),  # type: ignore[arg-type]
        lambda: best_send_date(
            NET_30, payer, ready=sent, objective=SendObjective.PRESENT_VALUE, rate=junk
        ),  # type: ignore[arg-type]
    ]


@pytest.mark.parametrize("junk", JUNK, ids=repr)
def test_junk_gives_payterms_errors_only(junk: object) -> None:
    for call in _junk_calls(junk):
        with contextlib.suppress(PaytermsError):
            call()  # type: ignore[operator]


def test_send_date_table_frame_names_the_missing_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    from payterms.errors import MissingExtra

    table = send_date_table(
        PaymentTerms.net(30), Payer(runs=PaymentRun.monthly(25)),
        start=date(2026, 1, 30), end=date(2026, 2, 1),
    )  # fmt: skip
    monkeypatch.setitem(sys.modules, "pandas", None)  # makes `import pandas` fail
    with pytest.raises(MissingExtra, match=r"SendDateTable.to_frame needs pandas"):
        table.to_frame()


# --------------------------------------------------------------------------- ERP parity (#15)


def test_discount_payer_and_the_new_discounts() -> None:
    # A payer who picks its discounts is forecast on invoice discounts only; a fixed discount
    # is worth something only against an amount; others ignore discounts for dates.
    runs = PaymentRun.monthly(10, 25)
    chooser = Payer(runs=runs, policy=RunPolicy.EARLY_FOR_DISCOUNT)
    line = PaymentTerms(installments=(Installment.balance("30D").with_discount(2, "10D"),))
    with pytest.raises(InvalidArgument, match="instalment discounts"):
        expected_payment_date(line, date(2026, 1, 5), chooser)
    fixed = PaymentTerms.net(30).with_discount(None, "10D", amount=Decimal(50))
    with pytest.raises(InvalidArgument, match="amount=None"):
        expected_payment_date(fixed, date(2026, 1, 5), chooser)
    # Source: frappe/erpnext test_payment_entry.py (Amount 50 off 236): with the amount, the
    # chooser takes the 50 off at its run on or before 15 January (the 10th, a Saturday,
    # moved to Monday the 12th).
    e = explain_payment(fixed, date(2026, 1, 5), chooser, amount=Decimal("236"))
    [payment] = e.payments
    assert (payment.run, payment.amount) == (date(2026, 1, 12), Decimal("186.00"))
    assert "early, for the 50.00 discount until 2026-01-15" in str(e)
    # a payer on its due dates: the discounts do not move any date, with or without amount
    plain = Payer(runs=runs)
    assert expected_payment_date(line, date(2026, 1, 5), plain) == date(2026, 2, 10)
    assert expected_payment_date(fixed, date(2026, 1, 5), plain) == date(2026, 2, 10)

"""Tests for payterms.runs: payment runs, payers and run inference."""

from __future__ import annotations

import itertools
import random
from datetime import date, datetime, timedelta
from decimal import Decimal
from fractions import Fraction

import pytest
from dateutil.rrule import FR, MO, MONTHLY, TH, TU, WE, rrule
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from payterms.calendars import Adjustment, BusinessCalendar
from payterms.errors import InvalidArgument, InvalidType, ParseError, PaytermsError
from payterms.runs import (
    LAST,
    Lateness,
    Payer,
    PaymentRun,
    RunFit,
    RunKind,
    RunPolicy,
    YearlyClosure,
)
from strategies import examples, payment_runs, run_dates

AT = BusinessCalendar.country("AT")
GB_ENG = BusinessCalendar.country("GB", "ENG")
WEEKENDS = BusinessCalendar.WEEKENDS


# --------------------------------------------------------------------------- scenario tables

# Source: mairaum.at purchasing conditions (reference/finance.md §4.1): payment "after a
# review period of 7 days ... each on the 15th and the last day of the current month"; the
# review period starts at invoice receipt; "if that day is a Saturday, Sunday or public
# holiday, the next working day is the key date". Austrian public holidays (holidays pkg).
MAIRAUM = [
    pytest.param(date(2026, 2, 1), date(2026, 2, 16), id="mairaum-15th-on-sunday"),
    pytest.param(date(2026, 3, 2), date(2026, 3, 16), id="mairaum-15th-sunday-again"),
    pytest.param(date(2026, 5, 25), date(2026, 6, 1), id="mairaum-month-end-sunday"),
    pytest.param(date(2026, 8, 3), date(2026, 8, 17), id="mairaum-assumption-on-saturday"),
    pytest.param(date(2026, 10, 20), date(2026, 11, 2), id="mairaum-eom-sat-all-saints-sun"),
    pytest.param(date(2026, 12, 20), date(2026, 12, 31), id="mairaum-31-december-open"),
    pytest.param(date(2026, 4, 1), date(2026, 4, 15), id="mairaum-plain-15th"),
]


@pytest.mark.parametrize(("received", "expected"), MAIRAUM)
def test_mairaum_15th_and_last_day_with_holiday_roll(received: date, expected: date) -> None:
    payer = Payer(runs=PaymentRun.monthly(15, LAST), calendar=AT)
    due = received + timedelta(days=7)
    assert payer.payment_run(due, received=received) == expected


# Source: supplier help page quoted in reference/finance.md §4.1: "Invoices must be
# submitted no later than the 20th of each month to be included in the upcoming payrun ...
# last working day of each month ... if [it] falls on a weekend or public holiday, [it]
# will be processed on the preceding working day". English bank holidays (holidays pkg).
CUTOFF_20 = [
    pytest.param(date(2026, 1, 20), date(2026, 1, 30), id="cutoff-on-the-20th-included"),
    pytest.param(date(2026, 1, 21), date(2026, 2, 27), id="cutoff-21st-next-month-sat-roll"),
    pytest.param(date(2026, 5, 20), date(2026, 5, 29), id="cutoff-month-end-sunday"),
    pytest.param(date(2026, 8, 20), date(2026, 8, 28), id="cutoff-summer-bank-holiday"),
    pytest.param(date(2026, 8, 21), date(2026, 9, 30), id="cutoff-missed-in-august"),
    pytest.param(date(2026, 12, 21), date(2027, 1, 29), id="cutoff-missed-over-year-end"),
    pytest.param(date(2026, 6, 1), date(2026, 6, 30), id="cutoff-early-in-month"),
]


@pytest.mark.parametrize(("received", "expected"), CUTOFF_20)
def test_cutoff_on_the_20th_for_a_last_working_day_run(received: date, expected: date) -> None:
    run = PaymentRun.monthly(LAST, adjustment=Adjustment.PRECEDING, cutoff_day=20)
    payer = Payer(runs=run, calendar=GB_ENG)
    assert payer.run_on_or_after(received, received=received) == expected


# Source: pulsify glossary "payment run scheduling" (reference/finance.md §4.1): a weekly
# Thursday run pays the invoices due Friday .. next Thursday on that Thursday; a
# twice-weekly (Mon + Thu) run pays a Friday-due invoice on Monday.
@pytest.mark.parametrize("due_day", range(6, 13), ids=lambda d: f"due-2026-03-{d:02}")
def test_weekly_thursday_run_pays_friday_to_thursday(due_day: int) -> None:
    payer = Payer(runs=PaymentRun.weekly(TH))
    due = date(2026, 3, due_day)
    assert payer.payment_run(due, received=date(2026, 3, 1)) == date(2026, 3, 12)


def test_twice_weekly_run_pays_friday_due_on_monday() -> None:
    # Source: pulsify glossary (reference/finance.md §4.1), "only one business day late".
    payer = Payer(runs=(PaymentRun.weekly(MO), PaymentRun.weekly(TH)))
    run = payer.payment_run(date(2026, 3, 6), received=date(2026, 3, 1))
    assert run == date(2026, 3, 9)
    assert WEEKENDS.business_days_between(date(2026, 3, 6), run) == 1


# Source: discuss.tryton.org/t/fixed-day-payment-terms/2390 (reference/user_demand.md §B13):
# parties paying on the 10th and 20th after 30 days: 01/02 -> 10/03, 12/02 -> 20/03,
# 22/02 -> 10/04 (2020).
@pytest.mark.parametrize(
    ("invoice", "expected"),
    [
        pytest.param(date(2020, 2, 1), date(2020, 3, 10), id="tryton-2390-first"),
        pytest.param(date(2020, 2, 12), date(2020, 3, 20), id="tryton-2390-second"),
        pytest.param(date(2020, 2, 22), date(2020, 4, 10), id="tryton-2390-next-month"),
    ],
)
def test_tryton_payment_days_after_30_days(invoice: date, expected: date) -> None:
    payer = Payer(runs=PaymentRun.monthly(10, 20, adjustment=Adjustment.UNADJUSTED))
    assert payer.payment_run(invoice + timedelta(days=30), received=invoice) == expected


# Source: Dolibarr/dolibarr#5833 (reference/user_demand.md §A6): "current or next month"
# with day 15: 10/10 -> 15/10, 16/10 -> 15/11.
@pytest.mark.parametrize(
    ("due", "expected"),
    [
        pytest.param(date(2026, 10, 10), date(2026, 10, 15), id="dolibarr-5833-current-month"),
        pytest.param(date(2026, 10, 16), date(2026, 11, 15), id="dolibarr-5833-next-month"),
    ],
)
def test_dolibarr_day_15_current_or_next_month(due: date, expected: date) -> None:
    run = PaymentRun.monthly(15, adjustment=Adjustment.UNADJUSTED)
    assert run.next_on_or_after(due) == expected


def test_august_closure_with_end_of_month_runs() -> None:
    # Source: OCA/account-payment#432 review (reference/user_demand.md §B14): holiday
    # 08/01-08/31 with an EOM term should give 09/30.
    payer = Payer(
        runs=PaymentRun.monthly(LAST, adjustment=Adjustment.UNADJUSTED),
        closures=((date(2026, 8, 1), date(2026, 8, 31)),),
    )
    assert payer.payment_run(date(2026, 8, 31), received=date(2026, 7, 1)) == date(2026, 9, 30)


def test_non_payment_period_moves_forward_to_the_day_after() -> None:
    # Source: microsoft/AL#4842 (reference/user_demand.md §B15): a forward calculation in a
    # non-payment period gives "To Date + 1".
    every_day = PaymentRun.weekly(*range(7), adjustment=Adjustment.UNADJUSTED)
    payer = Payer(runs=every_day, closures=((date(2026, 7, 27), date(2026, 8, 13)),))
    assert payer.payment_run(date(2026, 8, 3), received=date(2026, 7, 1)) == date(2026, 8, 14)


# --------------------------------------------------------------------------- PaymentRun


def test_monthly_days_past_month_end_clamp_to_the_last_day() -> None:
    # NetSuite "Day Of Month Net Due": a day that does not exist in the month is its last
    # day (reference/finance.md §4.2); rrule's bymonthday=30 would skip February.
    run = PaymentRun.monthly(30, adjustment=Adjustment.UNADJUSTED)
    assert run.dates(date(2026, 1, 1), date(2026, 3, 31)) == (
        date(2026, 1, 30),
        date(2026, 2, 28),
        date(2026, 3, 30),
    )
    assert PaymentRun.monthly(31).nominal_dates(date(2024, 2, 1), date(2024, 2, 29)) == (
        date(2024, 2, 29),
    )


def test_monthly_30_and_last_make_one_run_in_february() -> None:
    run = PaymentRun.monthly(30, LAST, adjustment=Adjustment.UNADJUSTED)
    assert run.dates(date(2026, 2, 1), date(2026, 3, 31)) == (
        date(2026, 2, 28),
        date(2026, 3, 30),
        date(2026, 3, 31),
    )


def test_dateutil_weekdays_are_accepted() -> None:
    assert PaymentRun.weekly(TU, FR) == PaymentRun.weekly(1, 4)
    assert PaymentRun.weekly(TU, FR).weekdays == (1, 4)


def test_every_two_weeks_from_an_anchor() -> None:
    run = PaymentRun.weekly(WE, every=2, anchor=date(2026, 1, 9))  # the week of Mon 5 Jan
    assert run.dates(date(2025, 12, 20), date(2026, 2, 5)) == (
        date(2025, 12, 24),
        date(2026, 1, 7),
        date(2026, 1, 21),
        date(2026, 2, 4),
    )


def test_from_rrule_last_business_day_with_holiday_roll() -> None:
    # dateutil documentation: bymonthday=-1 is the last day of the month.
    rule = rrule(MONTHLY, bymonthday=-1, dtstart=datetime(2026, 1, 1))
    run = PaymentRun.from_rrule(rule, adjustment=Adjustment.PRECEDING)
    assert run.dates(date(2026, 8, 1), date(2026, 8, 31), GB_ENG) == (date(2026, 8, 28),)
    assert run.kind is RunKind.RRULE
    assert "rrule" in repr(run)


def test_from_rrule_exhausted_rule_is_an_error() -> None:
    rule = rrule(MONTHLY, bymonthday=10, dtstart=datetime(2026, 1, 1), count=3)
    run = PaymentRun.from_rrule(rule)
    assert run.next_on_or_after(date(2026, 3, 1)) == date(2026, 3, 10)
    with pytest.raises(InvalidArgument, match="within"):
        run.next_on_or_after(date(2026, 3, 11))


def test_on_dates_is_not_extrapolated() -> None:
    run = PaymentRun.on_dates([date(2026, 3, 6), date(2026, 3, 20)])
    assert run.next_on_or_after(date(2026, 3, 20)) == date(2026, 3, 20)
    with pytest.raises(InvalidArgument):
        run.next_on_or_after(date(2026, 3, 21))
    payer = Payer(runs=run)
    with pytest.raises(InvalidArgument, match="no run"):
        payer.run_on_or_after(date(2026, 3, 21))


def test_adjustment_is_per_run() -> None:
    # 25 April 2026 is a Saturday.
    following = PaymentRun.monthly(25)
    preceding = PaymentRun.monthly(25, adjustment=Adjustment.PRECEDING)
    assert following.next_on_or_after(date(2026, 4, 24)) == date(2026, 4, 27)
    assert preceding.next_on_or_after(date(2026, 4, 24)) == date(2026, 4, 24)
    assert preceding.next_on_or_after(date(2026, 4, 25)) == date(2026, 5, 25)


def test_cutoff_crossing_into_the_previous_month() -> None:
    # Source: supplier help page (reference/finance.md §4.1): cut-off the 28th, the run in
    # the first week of the next month; later invoices go to the next cycle.
    run = PaymentRun.monthly(7, cutoff_day=28, adjustment=Adjustment.UNADJUSTED)
    payer = Payer(runs=run)
    assert payer.run_on_or_after(date(2026, 2, 28), received=date(2026, 2, 28)) == date(2026, 3, 7)
    assert payer.run_on_or_after(date(2026, 3, 1), received=date(2026, 3, 1)) == date(2026, 4, 7)
    assert run.cutoff_for(date(2026, 3, 31)) == date(2026, 3, 28)
    assert PaymentRun.monthly(7).cutoff_for(date(2026, 3, 7)) is None


def test_repr_and_describe() -> None:
    assert repr(PaymentRun.monthly(LAST, 15)) == "PaymentRun.monthly(15, LAST)"
    run = PaymentRun.weekly(TH, every=2, anchor=date(2026, 1, 8), adjustment=Adjustment.PRECEDING)
    assert repr(run) == (
        "PaymentRun.weekly(TH, every=2, anchor=datetime.date(2026, 1, 5), "
        "adjustment=Adjustment.PRECEDING)"
    )
    assert run.describe() == (
        "every 2nd week on Thursday, from 2026-01-05 (preceding business day)"
    )
    assert PaymentRun.monthly(1, 2, 3, adjustment=Adjustment.UNADJUSTED).describe() == (
        "monthly on the 1st, the 2nd and the 3rd (no adjustment)"
    )
    listed = PaymentRun.on_dates([date(2026, 3, 6)], cutoff_day=LAST)
    assert repr(listed) == "PaymentRun.on_dates([datetime.date(2026, 3, 6)], cutoff_day=LAST)"
    assert listed.describe() == (
        "on 1 listed dates (2026-03-06 to 2026-03-06) (following business day; "
        "cut-off on the last day)"
    )


# The run text form: the buyer statements of docs/payment-runs.md, written as text.
RUN_TEXTS = [
    pytest.param("10,25", PaymentRun.monthly(10, 25), "10,25", id="10th-and-25th"),
    pytest.param("25, 10", PaymentRun.monthly(10, 25), "10,25", id="sorted"),
    pytest.param("15,last", PaymentRun.monthly(15, LAST), "15,LAST", id="15th-and-last"),
    pytest.param(
        " LAST  adjustment=PRECEDING ",
        PaymentRun.monthly(LAST, adjustment=Adjustment.PRECEDING),
        "LAST adjustment=preceding",
        id="last-working-day",
    ),
    pytest.param(
        "last cutoff_day=20",
        PaymentRun.monthly(LAST, cutoff_day=20),
        "LAST cutoff_day=20",
        id="cut-off-20th",
    ),
    pytest.param("th", PaymentRun.weekly(TH), "TH", id="thursdays"),
    pytest.param("TH,MO", PaymentRun.weekly(MO, TH), "MO,TH", id="twice-weekly"),
    pytest.param(
        "FR every=2 anchor=2026-01-02",
        PaymentRun.weekly(FR, every=2, anchor=date(2026, 1, 2)),
        "FR every=2 anchor=2025-12-29",
        id="every-other-friday",
    ),
    pytest.param(
        "2026-03-20,2026-03-06 adjustment=modified_following cutoff_day=LAST",
        PaymentRun.on_dates(
            [date(2026, 3, 6), date(2026, 3, 20)],
            adjustment=Adjustment.MODIFIED_FOLLOWING,
            cutoff_day=LAST,
        ),
        "2026-03-06,2026-03-20 adjustment=modified_following cutoff_day=LAST",
        id="published-calendar",
    ),
]


@pytest.mark.parametrize(("text", "run", "canonical"), RUN_TEXTS)
def test_run_text_form(text: str, run: PaymentRun, canonical: str) -> None:
    assert PaymentRun.parse(text) == run
    assert str(run) == canonical
    assert PaymentRun.parse(canonical) == run


@pytest.mark.parametrize(
    ("text", "position", "expected"),
    [
        ("", 0, "run days"),
        ("   ", 3, "run days"),
        ("10,32", 3, "a day of the month"),
        ("0", 0, "a day of the month"),
        ("10,TH", 3, "a day of the month"),
        ("TH,10", 3, "a weekday"),
        ("2026-02-30", 0, "YYYY-MM-DD"),
        ("10 25", 3, "an option"),
        ("10 cutoff_day=20 cutoff_day=21", 17, "once"),
        ("10 cutoff_day=", 3, "an option"),
        ("10 adjustment=soon", 14, "an adjustment among"),
        ("10 every=2", 9, "weekday runs only"),
        ("TH every=2", 9, "anchor="),
        ("TH every=0 anchor=2026-01-05", 9, "weeks"),
        ("every=2", 0, "run days"),
    ],
)
def test_run_text_errors_name_the_position(text: str, position: int, expected: str) -> None:
    with pytest.raises(ParseError) as info:
        PaymentRun.parse(text)
    assert info.value.position == position
    assert expected in info.value.expected


def test_run_text_refuses_a_non_string() -> None:
    with pytest.raises(InvalidType):
        PaymentRun.parse(10)  # type: ignore[arg-type]


def test_rrule_runs_have_no_text_form() -> None:
    run = PaymentRun.from_rrule(rrule(MONTHLY, bymonthday=-1, dtstart=datetime(2026, 1, 1)))
    assert str(run) == repr(run)


@settings(max_examples=examples(200), deadline=None)
@given(
    payment_runs()
    | st.builds(
        lambda days, adjustment, cutoff: PaymentRun.on_dates(
            days, adjustment=adjustment, cutoff_day=cutoff
        ),
        st.lists(run_dates(), min_size=1, max_size=4),
        st.sampled_from(Adjustment),
        st.none() | st.sampled_from([*range(1, 32), LAST]),
    )
)
def test_run_text_round_trip(run: PaymentRun) -> None:
    assert PaymentRun.parse(str(run)) == run
    assert PaymentRun.parse(str(run).lower()) == run


def test_runs_are_hashable_values() -> None:
    assert hash(PaymentRun.monthly(10, 25)) == hash(PaymentRun.monthly(25, 10))
    assert PaymentRun.monthly(10, 25) != PaymentRun.monthly(10, 25, cutoff_day=20)
    payer = Payer(runs=PaymentRun.monthly(10))
    assert payer == Payer(runs=(PaymentRun.monthly(10),))
    assert hash(payer) == hash(Payer(runs=PaymentRun.monthly(10)))


# --------------------------------------------------------------------------- Payer


def test_approval_days_count_business_days_from_registration() -> None:
    payer = Payer(runs=PaymentRun.weekly(TH), approval_days=5)
    # received Saturday 7 March: registered Monday 9, 5 business days later Monday 16
    assert payer.earliest_run_day(date(2026, 3, 7)) == date(2026, 3, 16)
    assert payer.run_on_or_after(date(2026, 3, 7), received=date(2026, 3, 7)) == date(2026, 3, 19)
    # received Thursday 5 March: the run of Thursday 12 comes 5 business days later
    assert payer.run_on_or_after(date(2026, 3, 5), received=date(2026, 3, 5)) == date(2026, 3, 12)
    assert Payer(runs=PaymentRun.weekly(TH)).earliest_run_day(date(2026, 3, 7)) == date(2026, 3, 7)


def test_receipt_and_transfer_days() -> None:
    cal = BusinessCalendar.country("BE")
    payer = Payer(runs=PaymentRun.monthly(10), calendar=cal, receipt_days=3, transfer_days=2)
    assert payer.received(date(2026, 4, 1)) == date(2026, 4, 4)
    # Thursday 2 April 2026: Good Friday is a business day in Belgium (public calendar),
    # Easter Monday 6 April is a public holiday.
    assert payer.cash_date(date(2026, 4, 2)) == date(2026, 4, 7)
    assert Payer(runs=PaymentRun.monthly(10)).cash_date(date(2026, 4, 4)) == date(2026, 4, 4)


def test_last_run_on_or_before_due_policy() -> None:
    payer = Payer(
        runs=PaymentRun.monthly(10, 25, adjustment=Adjustment.UNADJUSTED),
        policy=RunPolicy.LAST_RUN_ON_OR_BEFORE_DUE,
        approval_days=5,
    )
    assert payer.payment_run(date(2026, 3, 24), received=date(2026, 3, 1)) == date(2026, 3, 10)
    assert payer.payment_run(date(2026, 3, 25), received=date(2026, 3, 1)) == date(2026, 3, 25)
    # received too late for the 10th: the first eligible run after the due date
    assert payer.payment_run(date(2026, 3, 24), received=date(2026, 3, 9)) == date(2026, 3, 25)


def test_fixed_delay_moves_the_due_date() -> None:
    payer = Payer(runs=PaymentRun.monthly(10, 25), extra_delay_days=3)
    assert payer.payment_run(date(2026, 3, 9), received=date(2026, 3, 1)) == date(2026, 3, 25)
    assert payer.payment_run(date(2026, 3, 9), received=date(2026, 3, 1), delay=0) == date(
        2026, 3, 10
    )


def test_distribution_delay_needs_one_value() -> None:
    payer = Payer(runs=PaymentRun.monthly(10), extra_delay_days=Lateness.empirical([0, 10]))
    with pytest.raises(InvalidArgument, match="distribution"):
        payer.payment_run(date(2026, 3, 9), received=date(2026, 3, 1))
    assert payer.payment_run(date(2026, 3, 9), received=date(2026, 3, 1), delay=10) == date(
        2026, 4, 10
    )


def test_union_of_runs_keeps_the_latest_cutoff_on_a_shared_day() -> None:
    strict = PaymentRun.monthly(LAST, cutoff_day=10, adjustment=Adjustment.UNADJUSTED)
    lenient = PaymentRun.monthly(LAST, cutoff_day=20, adjustment=Adjustment.UNADJUSTED)
    payer = Payer(runs=(strict, lenient))
    assert payer.run_on_or_after(date(2026, 4, 15), received=date(2026, 4, 15)) == date(2026, 4, 30)


def test_run_dates_merge_and_skip_closures() -> None:
    payer = Payer(
        runs=(PaymentRun.monthly(10, 25), PaymentRun.weekly(FR)),
        closures=((date(2026, 8, 1), date(2026, 8, 21)),),
    )
    assert payer.run_dates(date(2026, 8, 1), date(2026, 8, 31)) == (
        date(2026, 8, 25),
        date(2026, 8, 28),
    )
    assert payer.is_closed(date(2026, 8, 21))
    assert not payer.is_closed(date(2026, 8, 22))
    assert payer.closures_between(date(2026, 8, 22), date(2026, 9, 1)) == ()


def test_run_on_or_before_when_none_qualifies() -> None:
    payer = Payer(runs=PaymentRun.monthly(10), approval_days=5)
    assert payer.run_on_or_before(date(2026, 3, 12), received=date(2026, 3, 10)) is None
    assert payer.run_on_or_before(date(2026, 3, 12)) == date(2026, 3, 10)


def test_run_search_crosses_year_boundaries() -> None:
    # Nominal 31 December 2026 (Thursday) adjusted FOLLOWING over a custom closure day.
    cal = BusinessCalendar.from_dates([date(2026, 12, 31), date(2027, 1, 1)])
    payer = Payer(runs=PaymentRun.monthly(LAST), calendar=cal)
    assert payer.run_on_or_after(date(2026, 12, 30)) == date(2027, 1, 4)
    assert payer.run_on_or_before(date(2027, 1, 10)) == date(2027, 1, 4)
    preceding = Payer(runs=PaymentRun.monthly(1, adjustment=Adjustment.PRECEDING), calendar=cal)
    assert preceding.run_on_or_after(date(2026, 12, 29)) == date(2026, 12, 30)


# --------------------------------------------------------------------------- Lateness


def test_delay_distribution() -> None:
    late = Lateness.empirical([0, 0, 0, 5, 12])
    assert late.outcomes == ((0, Fraction(3, 5)), (5, Fraction(1, 5)), (12, Fraction(1, 5)))
    assert late.quantile(Fraction(3, 5)) == 0
    assert late.quantile("0.8") == 5
    assert late.quantile(1) == 12
    assert late.mean == Fraction(17, 5)
    assert not late.is_fixed
    assert Lateness.fixed(-2).mean == -2
    assert repr(Lateness.fixed(4)) == "Lateness.fixed(4)"


@pytest.mark.parametrize(
    ("call", "error"),
    [
        pytest.param(lambda: Lateness.empirical([]), InvalidArgument, id="empty-samples"),
        pytest.param(lambda: Lateness.empirical([1.5]), InvalidType, id="float-sample"),
        pytest.param(lambda: Lateness.empirical(3), InvalidType, id="not-iterable"),
        pytest.param(lambda: Lateness.fixed(0).quantile(0), InvalidArgument, id="quantile-0"),
        pytest.param(lambda: Lateness.fixed(0).quantile(0.5), InvalidType, id="float-quantile"),
        pytest.param(
            lambda: Lateness(outcomes=((1, Fraction(1, 2)),)), InvalidArgument, id="sum-not-1"
        ),
        pytest.param(lambda: Lateness(outcomes=()), InvalidArgument, id="no-outcomes"),
    ],
)
def test_delay_bad_input(call: object, error: type[Exception]) -> None:
    with pytest.raises(error):
        call()  # type: ignore[operator]


# --------------------------------------------------------------------------- bad input


BAD_INPUT = [
    pytest.param(lambda: PaymentRun.monthly(), InvalidArgument, "at least one", id="no-days"),
    pytest.param(lambda: PaymentRun.monthly(0), InvalidArgument, "day=0", id="day-0"),
    pytest.param(lambda: PaymentRun.monthly(32), InvalidArgument, "day=32", id="day-32"),
    pytest.param(lambda: PaymentRun.monthly(-2), InvalidArgument, "day=-2", id="day-minus-2"),
    pytest.param(lambda: PaymentRun.monthly("10"), InvalidType, "day='10'", id="day-str"),
    pytest.param(lambda: PaymentRun.monthly(True), InvalidType, "day=True", id="day-bool"),
    pytest.param(
        lambda: PaymentRun.monthly(10, cutoff_day=0), InvalidArgument, "cutoff_day", id="cut-0"
    ),
    pytest.param(lambda: PaymentRun.weekly(), InvalidArgument, "weekday", id="no-weekdays"),
    pytest.param(lambda: PaymentRun.weekly(7), InvalidArgument, "weekday=7", id="weekday-7"),
    pytest.param(lambda: PaymentRun.weekly(TH(+1)), InvalidArgument, "plain", id="weekday-n"),
    pytest.param(lambda: PaymentRun.weekly("TH"), InvalidType, "weekday", id="weekday-str"),
    pytest.param(lambda: PaymentRun.weekly(3, every=2), InvalidArgument, "anchor", id="anchor"),
    pytest.param(lambda: PaymentRun.weekly(3, every=0), InvalidArgument, "every", id="every-0"),
    pytest.param(
        lambda: PaymentRun.monthly(10, adjustment="following"),
        InvalidType,
        "adjustment",
        id="adjustment-str",
    ),
    pytest.param(lambda: PaymentRun.from_rrule("FREQ=MONTHLY"), InvalidType, "rrule", id="rule"),
    pytest.param(lambda: PaymentRun.on_dates([]), InvalidArgument, "run date", id="no-dates"),
    pytest.param(lambda: PaymentRun.on_dates(None), InvalidType, "dates", id="dates-none"),
    pytest.param(lambda: PaymentRun(kind="monthly"), InvalidType, "kind", id="kind-str"),
    pytest.param(
        lambda: PaymentRun(kind=RunKind.WEEKLY), InvalidArgument, "weekdays", id="raw-weekly"
    ),
    pytest.param(
        lambda: PaymentRun(kind=RunKind.MONTHLY), InvalidArgument, "days", id="raw-monthly"
    ),
    pytest.param(lambda: PaymentRun(kind=RunKind.RRULE), InvalidArgument, "rule", id="raw-rrule"),
    pytest.param(
        lambda: PaymentRun(kind=RunKind.MONTHLY, days=(0,)),
        InvalidArgument,
        "day=0",
        id="raw-day-0",
    ),
    pytest.param(
        lambda: PaymentRun(kind=RunKind.WEEKLY, weekdays=(9,)),
        InvalidArgument,
        "weekday=9",
        id="raw-weekday-9",
    ),
    pytest.param(
        lambda: PaymentRun(kind=RunKind.WEEKLY, weekdays=(3,), every=2),
        InvalidArgument,
        "anchor",
        id="raw-every-without-anchor",
    ),
    pytest.param(lambda: PaymentRun(kind=RunKind.DATES), InvalidArgument, "date", id="raw-dates"),
    pytest.param(lambda: Payer(runs=()), InvalidArgument, "empty run set", id="empty-run-set"),
    pytest.param(lambda: Payer(runs=[10, 25]), InvalidType, "PaymentRun", id="runs-ints"),
    pytest.param(lambda: Payer(runs="10,25"), InvalidType, "PaymentRun", id="runs-str"),
    pytest.param(
        lambda: Payer(runs=PaymentRun.monthly(10), approval_days=-1),
        InvalidArgument,
        "approval_days=-1",
        id="negative-approval",
    ),
    pytest.param(
        lambda: Payer(runs=PaymentRun.monthly(10), transfer_days=1.0),
        InvalidType,
        "transfer_days",
        id="float-transfer",
    ),
    pytest.param(
        lambda: Payer(runs=PaymentRun.monthly(10), calendar="BE"),
        InvalidType,
        "calendar",
        id="calendar-str",
    ),
    pytest.param(
        lambda: Payer(runs=PaymentRun.monthly(10), policy="first"),
        InvalidType,
        "policy",
        id="policy-str",
    ),
    pytest.param(
        lambda: Payer(runs=PaymentRun.monthly(10), extra_delay_days=1.5),
        InvalidType,
        "extra_delay_days",
        id="delay-float",
    ),
    pytest.param(
        lambda: Payer(runs=PaymentRun.monthly(10), cost_of_capital=0.08),
        InvalidType,
        "cost_of_capital",
        id="rate-float",
    ),
    pytest.param(
        lambda: Payer(runs=PaymentRun.monthly(10), cost_of_capital=Decimal("-0.01")),
        InvalidArgument,
        "cost_of_capital",
        id="rate-negative",
    ),
    pytest.param(
        lambda: Payer(
            runs=PaymentRun.monthly(10), closures=((date(2026, 8, 21), date(2026, 8, 1)),)
        ),
        InvalidArgument,
        "first <= last",
        id="closure-reversed",
    ),
    pytest.param(
        lambda: Payer(runs=PaymentRun.monthly(10), closures=(date(2026, 8, 1),)),
        InvalidType,
        "pair",
        id="closure-not-pair",
    ),
    pytest.param(
        lambda: Payer(runs=PaymentRun.monthly(10), closures=date(2026, 8, 1)),
        InvalidType,
        "closures",
        id="closures-not-iterable",
    ),
    pytest.param(
        lambda: Payer(
            runs=PaymentRun.monthly(10), closures=((date(2026, 1, 1), date(2026, 12, 31)),)
        ),
        InvalidArgument,
        "close all runs of a year",
        id="closure-covers-a-year",
    ),
    pytest.param(
        lambda: Payer(
            runs=PaymentRun.monthly(10),
            closures=(
                (date(2026, 7, 1), date(2027, 1, 31)),
                (date(2027, 2, 1), date(2027, 6, 30)),
            ),
        ),
        InvalidArgument,
        "close all runs of a year",
        id="adjoining-closures-cover-a-year",
    ),
    pytest.param(
        lambda: PaymentRun.infer([date(2026, 1, 12)] * 8),
        InvalidArgument,
        "at least 6 distinct",
        id="infer-too-short",
    ),
    pytest.param(
        lambda: PaymentRun.infer("2026-01-12"), InvalidType, "payment_dates", id="infer-str"
    ),
    pytest.param(
        lambda: PaymentRun.infer([date(2026, 1, 12)], min_support=0.5),
        InvalidType,
        "min_support",
        id="infer-float-support",
    ),
    pytest.param(
        lambda: PaymentRun.infer([date(2026, 1, 12)], min_support=2),
        InvalidArgument,
        "min_support",
        id="infer-support-above-1",
    ),
]


@pytest.mark.parametrize(("call", "error", "message"), BAD_INPUT)
def test_bad_input_raises_a_payterms_error(
    call: object, error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message) as info:
        call()  # type: ignore[operator]
    assert isinstance(info.value, PaytermsError)


def test_closures_covering_every_run_of_a_year_are_an_error() -> None:
    # Twelve short closures, each over one 10th of 2026: no run for more than a year.
    tenths = tuple((date(2026, m, 8), date(2026, m, 12)) for m in range(1, 13))
    payer = Payer(runs=PaymentRun.monthly(10, adjustment=Adjustment.UNADJUSTED), closures=tenths)
    with pytest.raises(InvalidArgument, match="close all runs of a year"):
        payer.run_on_or_after(date(2026, 1, 1))
    # one month open again: the answer is that month's run
    open_june = tuple(c for c in tenths if c[0].month != 6)
    payer = Payer(runs=PaymentRun.monthly(10), closures=open_june)
    assert payer.run_on_or_after(date(2026, 1, 1)) == date(2026, 6, 10)


def test_datetime_is_refused_where_a_date_is_expected() -> None:
    with pytest.raises(InvalidType, match="datetime"):
        PaymentRun.monthly(10).next_on_or_after(datetime(2026, 1, 1, 12, 0))
    with pytest.raises(InvalidType):
        Payer(runs=PaymentRun.monthly(10)).received("2026-01-01")


# --------------------------------------------------------------------------- inference


def test_infer_weekly_thursday_history() -> None:
    history = PaymentRun.weekly(TH).dates(date(2026, 1, 1), date(2026, 6, 30), AT)
    fit = PaymentRun.infer(history, calendar=AT)
    assert fit.run.weekdays == (3,)
    assert fit.run.kind is RunKind.WEEKLY
    assert fit.support == 1
    assert fit.unexplained == ()


def test_infer_month_end_with_preceding_roll() -> None:
    run = PaymentRun.monthly(LAST, adjustment=Adjustment.PRECEDING)
    history = run.dates(date(2025, 1, 1), date(2026, 12, 31), GB_ENG)
    fit = PaymentRun.infer(history, calendar=GB_ENG)
    assert fit.run == run


def test_infer_reports_noise_as_unexplained() -> None:
    history = [
        *PaymentRun.monthly(10, 25).dates(date(2026, 1, 1), date(2026, 12, 31)),
        date(2026, 3, 17),
        date(2026, 9, 2),
    ]
    fit = PaymentRun.infer(history)
    assert fit.run == PaymentRun.monthly(10, 25)
    assert fit.unexplained == (date(2026, 3, 17), date(2026, 9, 2))
    assert fit.support == Fraction(24, 26)
    assert isinstance(fit, RunFit)


def test_infer_refuses_an_irregular_history() -> None:
    rng = random.Random(7)  # noqa: S311 - a fixed, reproducible sample
    history = sorted({date(2026, 1, 1) + timedelta(days=rng.randrange(365)) for _ in range(30)})
    with pytest.raises(InvalidArgument, match="explained to at least 75%"):
        PaymentRun.infer(history)


def test_infer_refuses_weekend_only_history() -> None:
    saturdays = [date(2026, 1, 3) + timedelta(weeks=k) for k in range(10)]
    with pytest.raises(InvalidArgument, match="monthly days or weekdays"):
        PaymentRun.infer(saturdays)


@st.composite
def _generated_history(draw: st.DrawFn) -> tuple[PaymentRun, list[date]]:
    weekly = draw(st.booleans())
    adjustment = draw(st.sampled_from((Adjustment.FOLLOWING, Adjustment.PRECEDING)))
    if weekly:
        run = PaymentRun.weekly(
            *draw(st.lists(st.integers(0, 4), min_size=1, max_size=2, unique=True)),
            adjustment=adjustment,
        )
    else:
        days = draw(
            st.lists(st.sampled_from([*range(1, 29), LAST]), min_size=1, max_size=3, unique=True)
        )
        # runs that collapse onto each other over weekends cannot be told apart
        ordered = sorted(28 if d == LAST else d for d in days)
        assume(all(b - a >= 4 for a, b in itertools.pairwise(ordered)))
        run = PaymentRun.monthly(*days, adjustment=adjustment)
    start = draw(st.dates(min_value=date(2024, 1, 1), max_value=date(2026, 1, 1)))
    dates = list(run.dates(start, start + timedelta(days=365), WEEKENDS))
    noise_count = draw(st.integers(0, len(dates) // 10))
    for _ in range(noise_count):
        offset = draw(st.integers(0, 365))
        dates.append(WEEKENDS.adjust(start + timedelta(days=offset), Adjustment.FOLLOWING))
    return run, dates


@settings(
    max_examples=examples(40), deadline=None, suppress_health_check=[HealthCheck.filter_too_much]
)
@given(_generated_history())
def test_infer_recovers_runs_from_generated_histories(case: tuple[PaymentRun, list[date]]) -> None:
    run, history = case
    fit = PaymentRun.infer(history)
    start, end = min(history), max(history)
    assert fit.run.dates(start, end) == run.dates(start, end)
    assert fit.support >= Fraction(3, 4)


# --------------------------------------------------------------------------- properties


@settings(max_examples=examples(150), deadline=None)
@given(payment_runs(), run_dates(2025, 2027))
def test_next_on_or_after_is_the_first_run_date(run: PaymentRun, day: date) -> None:
    cal = BusinessCalendar.TARGET
    found = run.next_on_or_after(day, cal)
    assert found >= day
    assert run.dates(day, found, cal)[0] == found
    if run.adjustment is not Adjustment.UNADJUSTED:
        assert cal.is_business_day(found)


@settings(max_examples=examples(150), deadline=None)
@given(
    payment_runs(),
    run_dates(2025, 2027),
    st.integers(0, 60),
    st.integers(0, 40),
    st.integers(0, 10),
    st.sampled_from(list(RunPolicy)),
)
def test_payer_run_properties(
    run: PaymentRun, received: date, due_after: int, later: int, approval: int, policy: RunPolicy
) -> None:
    payer = Payer(
        runs=run,
        calendar=BusinessCalendar.TARGET,
        approval_days=approval,
        policy=policy,
        closures=((date(2026, 8, 1), date(2026, 8, 21)),),
    )
    due = received + timedelta(days=due_after)
    paid = payer.payment_run(due, received=received)
    assert paid >= payer.earliest_run_day(received)
    assert not payer.is_closed(paid)
    if policy is not RunPolicy.LAST_RUN_ON_OR_BEFORE_DUE:
        assert paid >= due
    else:
        assert paid <= due or payer.run_on_or_before(due, received=received) is None
    # a later receipt (same due date) and a later due date never give an earlier run
    assert payer.payment_run(due, received=received + timedelta(days=later)) >= paid
    assert payer.payment_run(due + timedelta(days=later), received=received) >= paid
    assert payer.cash_date(paid) >= paid


# -- predicates: a date of another kind is read when it means one day, refused otherwise --


def test_is_closed_reads_dates_of_other_kinds_and_refuses_junk() -> None:
    np = pytest.importorskip("numpy")
    pd = pytest.importorskip("pandas")
    payer = Payer(runs=PaymentRun.monthly(10), closures=((date(2026, 8, 1), date(2026, 8, 21)),))
    for closed, expected in ((date(2026, 8, 10), True), (date(2026, 8, 22), False)):
        for other in (
            closed,
            datetime(closed.year, closed.month, closed.day),
            pd.Timestamp(closed),
            np.datetime64(closed.isoformat()),
        ):
            assert payer.is_closed(other) is expected, other
    # each of these was answered False, even for a day inside the closure
    for junk in ("2026-08-10", None, 20260810, datetime(2026, 8, 10, 8), np.datetime64("2026-08")):
        with pytest.raises(InvalidType) as info:
            payer.is_closed(junk)
        assert repr(junk) in str(info.value)


# --------------------------------------------------------------------------- yearly closures (#15)

EVERY_DAY = PaymentRun.weekly(*range(7), adjustment=Adjustment.UNADJUSTED)

# Source: OCA/account-payment account_payment_term_partner_holiday/tests/
# test_partner_holiday.py: partner 1 closes every year 1-31 February (clamped to the 28th in
# 2021), 1 March-1 April, 12-13 June and 15-16 June; a due date in a closure moves to the day
# after it, chaining over back-to-back closures.
OCA_PARTNER_1 = (
    YearlyClosure((2, 1), (2, 28)),
    YearlyClosure((3, 1), (4, 1)),
    YearlyClosure((6, 12), (6, 13)),
    YearlyClosure((6, 15), (6, 16)),
)


@pytest.mark.parametrize(
    ("due", "expected"),
    [
        # test_partner_1_get_valid_due_date
        pytest.param(date(2021, 1, 1), date(2021, 1, 1), id="oca-open-day"),
        pytest.param(date(2021, 2, 1), date(2021, 4, 2), id="oca-february-then-march"),
        pytest.param(date(2021, 6, 12), date(2021, 6, 14), id="oca-june-12-13"),
        pytest.param(date(2021, 6, 14), date(2021, 6, 14), id="oca-june-14-open"),
        # test_partner_1_invoice_date_june_13 (immediate term)
        pytest.param(date(2021, 6, 13), date(2021, 6, 14), id="oca-june-13"),
        # test_invoice_payment_term_partner_1: 10 days from 2021-02-01 (02-11) and from
        # 2021-04-01 (04-11)
        pytest.param(date(2021, 2, 11), date(2021, 4, 2), id="oca-10-days-in-february"),
        pytest.param(date(2021, 4, 11), date(2021, 4, 11), id="oca-10-days-from-april-1"),
    ],
)
def test_oca_partner_holidays(due: date, expected: date) -> None:
    payer = Payer(runs=EVERY_DAY, yearly_closures=OCA_PARTNER_1)
    assert payer.payment_run(due, received=date(2021, 1, 1)) == expected
    # the same closures, written out for 2021
    year = (date(2021, 1, 1), date(2021, 12, 31))
    dated = tuple(c for closure in OCA_PARTNER_1 for c in closure.occurrences(*year))
    assert Payer(runs=EVERY_DAY, closures=dated).payment_run(due, received=date(2021, 1, 1)) == (
        expected
    )


def test_oca_partner_holidays_through_terms() -> None:
    # Source: same file, test_invoice_payment_term_partner_1: immediate and 10 days from
    # 2021-02-01 are both due 2021-04-02; 10 days from 2021-04-01 on 2021-04-11.
    from payterms.terms import PaymentTerms
    from payterms.timing import expected_payment_date

    payer = Payer(runs=EVERY_DAY, yearly_closures=OCA_PARTNER_1, calendar=WEEKENDS)
    assert expected_payment_date(PaymentTerms.on_receipt(), date(2021, 2, 1), payer) == date(
        2021, 4, 2
    )
    assert expected_payment_date(PaymentTerms.net(10), date(2021, 2, 1), payer) == date(2021, 4, 2)
    assert expected_payment_date(PaymentTerms.net(10), date(2021, 4, 1), payer) == date(2021, 4, 11)
    assert payer.closures_between(date(2021, 1, 20), date(2021, 3, 2)) == (
        (date(2021, 2, 1), date(2021, 2, 28)),
        (date(2021, 3, 1), date(2021, 4, 1)),
    )


def test_yearly_closure_over_the_new_year_and_every_august() -> None:
    # OCA refuses December to January (its test_check_partner_holiday_constraint); a year-end
    # freeze is common, so payterms takes it: 24 December to 2 January.
    freeze = YearlyClosure((12, 24), (1, 2))
    payer = Payer(runs=PaymentRun.monthly(1, 25), yearly_closures=(freeze,))
    assert payer.payment_run(date(2026, 12, 20), received=date(2026, 12, 1)) == date(2027, 1, 25)
    assert payer.is_closed(date(2027, 1, 1))
    assert not payer.is_closed(date(2027, 1, 3))
    # reference/peers.md §2b, "every year 1-21 August"
    august = Payer(runs=PaymentRun.monthly(10, 25), yearly_closures=YearlyClosure((8, 1), (8, 21)))
    for year in (2026, 2027, 2028):
        assert august.payment_run(date(year, 8, 1), received=date(year, 7, 1)) == date(year, 8, 25)
    with pytest.raises(InvalidType, match="2026-08-10"):  # a predicate never answers False
        august.is_closed("2026-08-10")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("call", "error", "fragment"),
    [
        pytest.param(lambda: YearlyClosure((2, 29), (2, 29)), InvalidArgument, "first=(2, 29)",
                     id="29-february"),
        pytest.param(lambda: YearlyClosure((2, 1), (2, 29)), InvalidArgument, "last=(2, 29)",
                     id="to-29-february"),
        pytest.param(lambda: YearlyClosure((4, 31), (5, 2)), InvalidArgument, "first=(4, 31)",
                     id="31-april"),
        pytest.param(lambda: YearlyClosure((13, 1), (1, 2)), InvalidArgument, "first=(13, 1)",
                     id="month-13"),
        pytest.param(lambda: YearlyClosure((8, 1), "21 August"), InvalidType, "last='21 August'",
                     id="text"),
        pytest.param(lambda: YearlyClosure((1, 1), (12, 31)), InvalidArgument, "whole year",
                     id="whole-year"),
        pytest.param(lambda: Payer(runs=EVERY_DAY, yearly_closures=(((8, 1), (8, 21)),)),
                     InvalidType, "YearlyClosure", id="pairs"),
        pytest.param(lambda: Payer(runs=EVERY_DAY, yearly_closures=(
            YearlyClosure((1, 1), (6, 30)), YearlyClosure((7, 1), (12, 31)))),
                     InvalidArgument, "yearly_closures", id="together-a-whole-year"),
    ],
)  # fmt: skip
def test_yearly_closure_bad_input(call: object, error: type[Exception], fragment: str) -> None:
    assert callable(call)
    with pytest.raises(error) as info:
        call()
    assert fragment in str(info.value)
    assert isinstance(info.value, PaytermsError)


@st.composite
def yearly_closures(draw: st.DrawFn) -> YearlyClosure:
    """A valid yearly closure of 1-60 days, possibly over the new year."""
    first = date(2023, 1, 1) + timedelta(days=draw(st.integers(0, 364)))
    last = first + timedelta(days=draw(st.integers(0, 59)))
    return YearlyClosure((first.month, first.day), (last.month, last.day))


@settings(max_examples=examples(150), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    closures=st.lists(yearly_closures(), min_size=1, max_size=3),
    runs=payment_runs(),
    due=run_dates(2024, 2028),
    lag=st.integers(0, 40),
)
def test_yearly_closures_equal_the_same_closures_year_by_year(
    closures: list[YearlyClosure], runs: PaymentRun, due: date, lag: int
) -> None:
    yearly = Payer(runs=runs, calendar=WEEKENDS, yearly_closures=tuple(closures))
    written = tuple(
        c for closure in closures for c in closure.occurrences(date(2020, 1, 1), date(2032, 12, 31))
    )
    dated = Payer(runs=runs, calendar=WEEKENDS, closures=written)
    received = due - timedelta(days=lag)
    try:
        expected = dated.payment_run(due, received=received)
    except InvalidArgument:
        with pytest.raises(InvalidArgument):
            yearly.payment_run(due, received=received)
        return
    assert yearly.payment_run(due, received=received) == expected
    start, end = due - timedelta(days=60), due + timedelta(days=60)
    assert yearly.run_dates(start, end) == dated.run_dates(start, end)
    assert yearly.closures_between(start, end) == dated.closures_between(start, end)
    assert all(yearly.is_closed(day) == dated.is_closed(day) for day in (due, received, expected))

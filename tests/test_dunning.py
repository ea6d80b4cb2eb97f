"""Tests for payterms.dunning: ladders in text, planned on business days."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import payterms as pt
from payterms import Adjustment, BusinessCalendar, InvalidArgument, InvalidType, ParseError
from payterms.charges import Charge, ChargeKind, Charges, DunningFees
from payterms.dunning import DunningLadder, DunningPlan, DunningStep, OffsetUnit, Reminder
from payterms.interest import Payment, late_interest
from payterms.law import Debtor, regime
from strategies import INTEREST_LAST_DAY, amounts, dunning_ladders, examples, interest_dates

D = Decimal
TARGET = BusinessCalendar.TARGET

# Each row: ladder text, due date, calendar, expected reminder dates. The dates were
# checked by hand against the calendars: TARGET closes on 1 Jan, Good Friday, Easter
# Monday, 1 May, 25 and 26 Dec (ECB); Belgium's public holidays include 1 May and
# Ascension (14 May 2026), and its bank closing days add the Friday after Ascension.
PLANS = [
    # Source: DESIGN.md's ladder; Belgium (Labour Day moves +1D to Monday 4 May).
    pytest.param("+1D reminder; +15D second reminder; +30D formal notice", date(2026, 4, 30),
                 ("BE",), ["2026-05-04", "2026-05-15", "2026-06-01"], id="design-ladder-be"),
    pytest.param("+1D reminder; +15D second reminder; +30D formal notice", date(2026, 4, 30),
                 ("BE", "bank"), ["2026-05-04", "2026-05-18", "2026-06-01"],
                 id="design-ladder-be-bank-closing-days"),
    # Source: FOSSBilling#1781 (reminders 14, 7 and 1 days before and 1 and 7 days after);
    # before-due steps move back (PRECEDING) over Christmas, after-due steps forward.
    pytest.param("-14D a; -7D b; -1D c; +1D d; +7D e", date(2026, 12, 28), ("TARGET",),
                 ["2026-12-14", "2026-12-21", "2026-12-24", "2026-12-29", "2027-01-04"],
                 id="fossbilling-before-and-after-christmas"),
    # Business-day offsets over Easter 2026 (Good Friday 3 April, Easter Monday 6 April).
    pytest.param("+5BD reminder; +10BD second reminder", date(2026, 4, 2), ("TARGET",),
                 ["2026-04-13", "2026-04-20"], id="business-days-over-easter"),
    pytest.param("-2BD heads-up; +0BD due today", date(2026, 4, 7), ("TARGET",),
                 ["2026-04-01", "2026-04-07"], id="business-days-before-easter"),
    # Two steps landing on the same business day: the later one moves to the next.
    pytest.param("+1D reminder; +2D second reminder", date(2026, 4, 2), ("TARGET",),
                 ["2026-04-07", "2026-04-08"], id="collision-after-easter"),
]  # fmt: skip


def _calendar(spec: tuple[str, ...]) -> BusinessCalendar:
    if spec == ("TARGET",):
        return TARGET
    if spec == ("BE", "bank"):
        return BusinessCalendar.country("BE", categories=("public", "bank"))
    return BusinessCalendar.country(spec[0])


@pytest.mark.parametrize(("text", "due", "cal", "expected"), PLANS)
def test_plans(text: str, due: date, cal: tuple[str, ...], expected: list[str]) -> None:
    plan = DunningLadder.parse(text).plan(due, calendar=_calendar(cal))
    assert [r.on.isoformat() for r in plan.reminders] == expected
    assert [r.level for r in plan.reminders] == list(range(1, len(expected) + 1))


def test_after_due_step_never_lands_on_the_due_date() -> None:
    # Saturday 30 May 2026 under MODIFIED_FOLLOWING goes back to Friday 29 May, the due
    # date itself; a "+1D" reminder must come after the due date.
    plan = DunningLadder.parse("+1D reminder").plan(
        date(2026, 5, 29), calendar=TARGET, adjustment=Adjustment.MODIFIED_FOLLOWING
    )
    assert plan.reminders[0].on == date(2026, 6, 1)


def test_before_due_step_never_lands_on_the_due_date() -> None:
    ladder = DunningLadder.parse("-1D heads-up")
    due = date(2026, 6, 1)  # Monday; -1D is Sunday 31 May
    assert ladder.plan(due, calendar=TARGET).reminders[0].on == date(2026, 5, 29)
    moved = ladder.plan(due, calendar=TARGET, before_due=Adjustment.FOLLOWING)
    assert moved.reminders[0].on == date(2026, 5, 29)


def test_fees_and_levels() -> None:
    ladder = DunningLadder.parse(
        "+1D reminder; +15D second reminder [fee 15.00]; +30D formal notice [fee 40.00]"
    )
    plan = ladder.plan(date(2026, 4, 30), calendar=TARGET)
    assert plan.total_fees == D("55.00")
    assert plan.level_on(date(2026, 5, 30)) == Reminder(2, date(2026, 5, 15), "second reminder",
                                                        D("15.00"))  # fmt: skip
    assert plan.level_on(date(2026, 4, 30)) is None
    late = ladder.plan(date(2026, 4, 30), calendar=TARGET, as_of=date(2026, 5, 16))
    assert [r.level for r in late.reminders] == [3]
    assert late.total_fees == D("40.00")
    assert late.reminders == plan.pending(date(2026, 5, 16))


def test_new_deadline_after_each_reminder() -> None:
    # invoiceninja/invoiceninja#4020: in Norway each reminder must give a new 14-day
    # deadline before debt collection. 14 days after Friday 15 May 2026 is Friday 29 May;
    # after Monday 4 May it is Monday 18 May.
    ladder = DunningLadder.parse(
        "+1D reminder [pay within 14D]; +15D second reminder [fee 70.00, pay within 14D]"
    )
    plan = ladder.plan(date(2026, 4, 30), calendar=TARGET)
    assert [(str(r.on), str(r.pay_by)) for r in plan.reminders] == [
        ("2026-05-04", "2026-05-18"),
        ("2026-05-15", "2026-05-29"),
    ]
    assert ladder.steps[1].grant_days == 14
    assert str(ladder.steps[1]) == "+15D second reminder [fee 70.00, pay within 14D]"
    assert DunningLadder.parse("+1D x [ pay within 10d , fee 5 ]").steps[0] == DunningStep(
        1, "x", fee=D(5), grant_days=10
    )
    # a deadline on a holiday moves to the next business day: 1 May is closed
    late = DunningLadder.parse("+1D reminder [pay within 10D]").plan(date(2026, 4, 20),
                                                                      calendar=TARGET)  # fmt: skip
    assert late.reminders[0].pay_by == date(2026, 5, 4)


def test_text_form() -> None:
    ladder = DunningLadder.parse(" -3d  heads-up ;+10bd second  reminder [ fee 15 ]")
    assert ladder.steps == (
        DunningStep(-3, "heads-up"),
        DunningStep(10, "second  reminder", unit=OffsetUnit.BUSINESS_DAYS, fee=D("15")),
    )
    assert str(ladder) == "-3D heads-up; +10BD second  reminder [fee 15]"
    assert DunningLadder.parse(str(ladder)) == ladder
    assert str(DunningStep(0, "due today")) == "+0D due today"
    assert pt.DunningLadder is DunningLadder


@pytest.mark.parametrize(
    ("text", "position"),
    [
        pytest.param("reminder", 0, id="no-offset"),
        pytest.param("+1D", 0, id="no-label"),
        pytest.param("+1W reminder", 0, id="weeks"),
        pytest.param("+1D reminder; +5D", 14, id="second-without-label"),
        pytest.param("+1D reminder; +5D notice [fee forty]", 30, id="fee-not-a-number"),
        pytest.param("+1D reminder; +5D notice [fee -5]", 30, id="negative-fee"),
        pytest.param("+1D reminder [charge 5]", 14, id="not-a-fee"),
        pytest.param("+1D reminder [fee 5, fee 6]", 21, id="two-fees"),
        pytest.param("+1D reminder [pay within 0D]", 25, id="no-time-to-pay"),
        pytest.param("+1D reminder [pay within 14]", 14, id="grant-without-unit"),
    ],
)
def test_parse_errors_name_the_position(text: str, position: int) -> None:
    with pytest.raises(ParseError) as info:
        DunningLadder.parse(text)
    assert info.value.position == position
    assert repr(text) in str(info.value)


@pytest.mark.parametrize(
    ("call", "error", "shown"),
    [
        pytest.param(lambda: DunningStep(1, "x", fee=1.5), InvalidType, "fee=1.5", id="float-fee"),
        pytest.param(lambda: DunningStep(1, "x", fee=D(-1)), InvalidArgument,
                     r"fee=Decimal\('-1'\)", id="negative-fee"),
        pytest.param(lambda: DunningStep(1.0, "x"), InvalidType, "offset=1.0", id="float-offset"),
        pytest.param(lambda: DunningStep(1, " x"), InvalidArgument, "label=' x'", id="label-space"),
        pytest.param(lambda: DunningStep(1, "a;b"), InvalidArgument, "label='a;b'",
                     id="label-separator"),
        pytest.param(lambda: DunningStep(1, ""), InvalidArgument, "label=''", id="label-empty"),
        pytest.param(lambda: DunningStep(1, "x", unit="D"), InvalidArgument, "unit='D'",
                     id="unit"),
        pytest.param(lambda: DunningStep(1, "x", grant_days=0), InvalidArgument,
                     "grant_days=0", id="grant-zero"),
        pytest.param(lambda: DunningStep(1, 5), InvalidType, "label=5", id="label-int"),
        pytest.param(lambda: DunningStep.parse(5), InvalidType, "text=5", id="step-text-int"),
        pytest.param(lambda: DunningLadder(("+1D x",)), InvalidType, r"steps\[0\]='\+1D x'",
                     id="step-str"),
        pytest.param(lambda: DunningLadder(()), InvalidArgument, "at least one step", id="empty"),
        pytest.param(lambda: DunningLadder("+1D x"), InvalidType, r"steps='\+1D x'",
                     id="str-steps"),
        pytest.param(lambda: DunningLadder.parse("+5D a; +5BD b"), InvalidArgument,
                     r"\+5BD b comes after \+5D", id="same-offset"),
        pytest.param(lambda: DunningLadder.parse("+1D a").plan("2026-01-01", calendar=TARGET),
                     InvalidType, "due='2026-01-01'", id="due-str"),
        pytest.param(lambda: DunningLadder.parse("+1D a").plan(date(2026, 1, 1), calendar="BE"),
                     InvalidType, "calendar='BE'", id="calendar-str"),
        pytest.param(lambda: DunningLadder.parse("+1D a").plan(date(2026, 1, 1), calendar=TARGET,
                     adjustment="following"), InvalidArgument, "adjustment='following'",
                     id="adjustment-str"),
    ],
)  # fmt: skip
def test_bad_input_names_the_value(call: object, error: type[Exception], shown: str) -> None:
    with pytest.raises(error, match=shown):
        call()  # type: ignore[operator]


ADJUSTMENTS = st.sampled_from(
    [
        Adjustment.FOLLOWING,
        Adjustment.MODIFIED_FOLLOWING,
        Adjustment.PRECEDING,
        Adjustment.MODIFIED_PRECEDING,
        Adjustment.HALF_MONTH_MODIFIED_FOLLOWING,
        Adjustment.NEAREST,
    ]
)


@settings(max_examples=examples(150), deadline=None)
@given(dunning_ladders(), st.dates(date(2001, 1, 1), date(2059, 6, 30)),
       st.sampled_from(("TARGET", "WEEKENDS")), ADJUSTMENTS, ADJUSTMENTS)  # fmt: skip
def test_plan_dates_are_business_days_in_ladder_order(
    ladder: DunningLadder, due: date, cal_name: str, after: Adjustment, before: Adjustment
) -> None:
    cal = getattr(BusinessCalendar, cal_name)
    plan = ladder.plan(due, calendar=cal, adjustment=after, before_due=before)
    assert isinstance(plan, DunningPlan)
    dates = [r.on for r in plan.reminders]
    assert all(cal.is_business_day(d) for d in dates)
    assert dates == sorted(set(dates))
    assert [r.level for r in plan.reminders] == list(range(1, len(ladder.steps) + 1))
    for step, reminder in zip(ladder.steps, plan.reminders, strict=True):
        assert (reminder.label, reminder.fee) == (step.label, step.fee)
        if step.offset > 0:
            assert reminder.on > due
        if step.grant_days is None:
            assert reminder.pay_by is None
        else:
            assert reminder.pay_by is not None
            assert cal.is_business_day(reminder.pay_by)
            assert reminder.pay_by >= reminder.on + timedelta(days=step.grant_days)
    as_of = dates[len(dates) // 2]
    assert ladder.plan(due, calendar=cal, adjustment=after, before_due=before,
                       as_of=as_of).reminders == plan.pending(as_of)  # fmt: skip
    assert plan.level_on(as_of) == plan.reminders[len(dates) // 2]


@settings(max_examples=examples(200), deadline=None)
@given(dunning_ladders())
def test_text_form_round_trips(ladder: DunningLadder) -> None:
    assert DunningLadder.parse(str(ladder)) == ladder
    assert str(DunningLadder.parse(str(ladder))) == str(ladder)
    for step in ladder.steps:
        assert DunningStep.parse(str(step)) == step


def test_levels_of_open_items() -> None:
    from payterms.receivables import Invoice

    ladder = DunningLadder.parse("-3D heads-up; +1D reminder; +15D second reminder [fee 15]")
    invs = [
        Invoice("late", "A", date(2026, 3, 31), date(2026, 4, 30), D("90")),
        Invoice("paid", "B", date(2026, 4, 2), date(2026, 4, 30), D("10"),
                payments=((date(2026, 5, 1), D("10")),)),
        Invoice("soon", "C", date(2026, 5, 1), date(2026, 5, 22), D("50")),
        Invoice("later", "D", date(2026, 5, 1), date(2026, 6, 30), D("50")),
        Invoice("cent", "E", date(2026, 4, 1), date(2026, 4, 30), D("10"),
                payments=((date(2026, 5, 1), D("9.99")),)),
        Invoice("future", "F", date(2026, 5, 25), date(2026, 5, 25), D("5")),
    ]  # fmt: skip
    got = ladder.levels(invs, as_of=date(2026, 5, 20), calendar=TARGET, minimum=D("0.01"))
    assert [(inv.id, r.level, r.on) for inv, r in got] == [
        ("late", 3, date(2026, 5, 15)),
        ("soon", 1, date(2026, 5, 19)),
    ]
    with_cent = ladder.levels(invs, as_of=date(2026, 5, 20), calendar=TARGET)
    assert [inv.id for inv, _ in with_cent] == ["late", "soon", "cent"]
    with pytest.raises(InvalidType, match=r"invoices\[0\]='x'"):
        ladder.levels(["x"], as_of=date(2026, 5, 20), calendar=TARGET)  # type: ignore[list-item]
    with pytest.raises(InvalidArgument, match="minimum=Decimal"):
        ladder.levels(invs, as_of=date(2026, 5, 20), calendar=TARGET, minimum=D("-1"))


@settings(max_examples=examples(100), deadline=None)
@given(dunning_ladders())
def test_repr_is_valid_python(ladder: DunningLadder) -> None:
    namespace = {"DunningLadder": DunningLadder, "DunningStep": DunningStep}
    assert eval(repr(ladder), namespace) == ladder  # noqa: S307 - our own repr
    for step in ladder.steps:
        assert eval(repr(step), namespace) == step  # noqa: S307


# --------------------------------------------------------------------- claims per reminder

CLAIM_LADDER = DunningLadder.parse(
    "+1D reminder; +15D second reminder [fee 15.00]; +30D formal notice [fee 25.00]"
)


def test_claims_follow_late_interest_to_each_reminder_day() -> None:
    # legal.md §2.2: the Belgian rate of H1 2025 is 11.5 % (law of 2 August 2002, art. 5);
    # EUR 40 compensation (art. 6). Reminders on 1, 15 and 30 April 2025 (TARGET days).
    plan = CLAIM_LADDER.plan(date(2025, 3, 31), calendar=TARGET)
    claims = plan.claims(D("10000"), regime="BE")
    assert [(c.level, c.on) for c in claims] == [
        (1, date(2025, 4, 1)),
        (2, date(2025, 4, 15)),
        (3, date(2025, 4, 30)),
    ]
    for claim in claims:
        res = late_interest(D("10000"), due=date(2025, 3, 31), until=claim.on, regime="BE")
        assert claim.interest == res.interest
        days = (claim.on - date(2025, 3, 31)).days
        assert claim.interest == (D("10000") * D("0.115") * days / 365).quantize(D("0.01"))
        assert claim.compensation == D("40.00")
    assert [c.fees for c in claims] == [D("0.00"), D("15.00"), D("40.00")]
    assert claims[1].interest == D("47.26")  # 15 days
    assert claims[2].total == D("10000") + claims[2].interest + D("40") + D("40")


def test_claims_after_a_partial_payment_and_once_paid() -> None:
    plan = CLAIM_LADDER.plan(date(2025, 3, 31), calendar=TARGET)
    first = Payment(date(2025, 4, 10), D("5000"))
    fee = Charge(date(2025, 4, 15), D("15.00"), ChargeKind.DUNNING_FEE, "reminder 2 fee")
    owed = late_interest(D("10000"), due=date(2025, 3, 31), until=date(2025, 4, 20),
                         regime="DE", payments=[first], charges=[fee])  # fmt: skip
    rest = owed.total_outstanding
    pays = [first, Payment(date(2025, 4, 20), rest)]
    claims = plan.claims(D("10000"), regime="DE", payments=pays)
    # DE § 367 BGB: costs (the compensation, then the fees), then interest, then principal;
    # the second payment settles it all before the formal notice, which is not sent
    assert [c.level for c in claims] == [1, 2]
    second = claims[1]
    res = late_interest(D("10000"), due=date(2025, 3, 31), until=second.on, regime="DE",
                        payments=pays[:1], charges=[fee])  # fmt: skip
    assert (second.principal, second.interest, second.compensation, second.fees) == (
        res.principal_outstanding,
        res.interest_outstanding,
        res.compensation_outstanding,
        res.charges_outstanding,
    )
    assert second.compensation == 0  # paid first
    assert second.fees == D("15.00")  # due from 15 April, after the first payment


def test_claims_under_a_contract() -> None:
    # the contract's late fee and reminder fees, settled with the costs after the EUR 40
    terms = Charges(late_fee=D("15"), dunning_fees=(0, 10))
    plan = DunningLadder.parse("+1D reminder; +15D second reminder").plan(
        date(2025, 3, 31), calendar=TARGET
    )
    pays = [Payment(date(2025, 4, 10), D("50.00"))]
    claims = plan.claims(D("1000"), regime="BE", charges=terms, payments=pays)
    for claim in claims:
        res = terms.claim(D("1000"), due=date(2025, 3, 31), until=claim.on, regime="BE",
                          payments=[p for p in pays if p.date <= claim.on],
                          reminders=[r.on for r in plan.reminders if r.on <= claim.on])  # fmt: skip
        assert claim.total == res.total_outstanding
        assert claim.fees == res.charges_outstanding
    assert [c.fees for c in claims] == [D("15.00"), D("25.00")]
    with pytest.raises(InvalidArgument, match="one source of reminder fees"):
        CLAIM_LADDER.plan(date(2025, 3, 31), calendar=TARGET).claims(
            D("1"), regime="BE", charges=terms
        )


def test_reminders_before_the_due_date_claim_the_principal_only() -> None:
    plan = DunningLadder.parse("-3D friendly note; +1D reminder").plan(
        date(2025, 3, 31), calendar=TARGET
    )
    first, _ = plan.claims(D("500"), regime="FR", payments=[Payment(date(2025, 3, 20), 100)])
    assert (first.principal, first.interest, first.compensation, first.total) == (
        D("400.00"),
        0,
        0,
        D("400.00"),
    )


def test_fees_from_the_contract_when_the_ladder_has_none() -> None:
    plan = DunningLadder.parse("+1D reminder; +15D second reminder").plan(
        date(2025, 3, 31), calendar=TARGET
    )
    claims = plan.claims(D("100"), rate=D("0.10"), fees=DunningFees((D("0"), D("7.50"))))
    assert [c.fees for c in claims] == [D("0.00"), D("7.50")]
    with pytest.raises(InvalidArgument, match="one source of reminder fees"):
        CLAIM_LADDER.plan(date(2025, 3, 31), calendar=TARGET).claims(D("1"), rate=0, fees=(1,))


# Source: legal.md §3 (art. 6:96 lid 6 BW: collection costs against a consumer only after a
# 14-day letter, the term starting the day after it; BIK staffel, das.nl: 10 000 -> 875) and
# §2.3 (Book XIX CEL: a free first reminder and a 14-day wait).
def test_dutch_consumer_costs_wait_for_the_fourteen_day_letter() -> None:
    nl = regime("NL", debtor=Debtor.CONSUMER)
    plan = DunningLadder.parse("+1D aanmaning; +15D tweede aanmaning; +16D sommatie").plan(
        date(2024, 5, 31), calendar=TARGET
    )
    claims = plan.claims(D("10000"), regime=nl)
    assert [c.on for c in claims] == [date(2024, 6, 3), date(2024, 6, 17), date(2024, 6, 18)]
    assert [(c.compensation, c.announced) for c in claims] == [
        (0, D("875.00")),
        (0, D("875.00")),  # 3 June + 14 days: the term's last day
        (D("875.00"), 0),
    ]


def test_belgian_consumer_first_reminder_is_free() -> None:
    be = regime("BE", debtor=Debtor.CONSUMER)
    paid = DunningLadder.parse("+1D reminder [fee 5]; +20D second reminder")
    with pytest.raises(InvalidArgument, match="free"):
        paid.plan(date(2025, 3, 31), calendar=TARGET).claims(D("1000"), regime=be)
    free = DunningLadder.parse("+1D reminder; +20D second reminder [fee 7.50]")
    first, second = free.plan(date(2025, 3, 31), calendar=TARGET).claims(D("1000"), regime=be)
    assert (first.compensation, first.announced, first.fees) == (0, D("90.00"), 0)
    assert (second.compensation, second.fees) == (D("90.00"), D("7.50"))  # 65 + 5 % of 500


@settings(max_examples=examples(60), deadline=None)
@given(
    principal=amounts(min_value=1, max_value=10**6),
    due=interest_dates(),
    code=st.sampled_from(["BE", "DE", "EU", "FR", "LU", "NL"]),
    share=st.integers(0, 100),
)
def test_each_claim_adds_up_and_nothing_is_claimed_twice(
    principal: Decimal, due: date, code: str, share: int
) -> None:
    plan = CLAIM_LADDER.plan(due, calendar=TARGET)
    if plan.reminders[-1].on > INTEREST_LAST_DAY:
        return
    paid = (principal * share / 100).quantize(D("0.01"))
    pays = [Payment(plan.reminders[0].on, paid)] if paid else []
    claims = plan.claims(principal, regime=code, payments=pays)
    for claim in claims:
        assert claim.total == claim.principal + claim.interest + claim.compensation + claim.fees
        assert min(claim.principal, claim.interest, claim.compensation, claim.fees) >= 0
        assert claim.principal <= principal
    fees = [c.fees for c in claims]
    assert fees == sorted(fees)


def test_claims_check_their_arguments() -> None:
    plan = CLAIM_LADDER.plan(date(2025, 3, 31), calendar=TARGET)
    with pytest.raises(InvalidType, match=r"principal=1\.5"):
        plan.claims(1.5, regime="BE")  # type: ignore[arg-type]
    with pytest.raises(InvalidArgument, match=r"principal=Decimal\('-1'\)"):
        plan.claims(D("-1"), regime="BE")
    with pytest.raises(InvalidType, match=r"payments\[0\]="):
        plan.claims(D("1"), regime="BE", payments=[(date(2025, 4, 1), D("1"))])  # type: ignore[list-item]
    with pytest.raises(pt.UnknownRegime, match="'XX'"):
        plan.claims(D("1"), regime="XX")
    early = DunningLadder.parse("-3D note").plan(date(2025, 3, 31), calendar=TARGET)
    with pytest.raises(InvalidArgument, match="do not exceed the principal"):
        early.claims(D("1"), rate=0, payments=[Payment(date(2025, 3, 1), D("2"))])

from __future__ import annotations

import calendar
from datetime import date, timedelta
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

import attrs
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from payterms.calendars import Adjustment, BusinessCalendar
from payterms.errors import InvalidArgument, InvalidTerms, InvalidType, PaytermsError
from payterms.money import MINOR_UNITS, smallest_unit
from payterms.rules import DueRule
from payterms.terms import (
    DiscountTier,
    DiscountWindow,
    Due,
    EndOfMonth,
    Installment,
    LineKind,
    PaymentTerms,
    PercentOf,
    Schedule,
    Start,
    TaxBase,
    TermHoliday,
)
from strategies import examples, invoice_dates, payment_terms

D = Decimal
pct = Installment.percent
fixed = Installment.fixed
balance = Installment.balance


def amounts_of(terms: PaymentTerms, amount: str, currency: str = "EUR") -> list[str]:
    sched = terms.schedule(date(2026, 1, 15), D(amount), currency=currency)
    return [str(d.amount) for d in sched.dues]


# --------------------------------------------------------------------------- instalments

INSTALMENT_EXAMPLES = [
    # Source: peers.md §1c and user_demand.md B21, odoo/odoo#121505: 1000 with 50 % / fixed 50 /
    # 50 %, the last line acting as the balance -> 500 / 50 / 450.
    pytest.param(
        (pct(D(50), "0D"), fixed(D(50), "30D"), balance("60D")),
        "1000",
        ["500.00", "50.00", "450.00"],
        id="odoo121505-percent-fixed-balance",
    ),
    # Source: peers.md §1c, Odoo 17 released tests: 70 % / fixed 200 / 30 % -> 700 / 200 / 100
    # (the last line takes the residual).
    pytest.param(
        (pct(D(70), "0D"), fixed(D(200), "30D"), balance("60D")),
        "1000",
        ["700.00", "200.00", "100.00"],
        id="odoo17-70-fixed200-rest",
    ),
    # Source: user_demand.md B20, frappe/erpnext#26951: 30,000 at 33.334 / 33.333 / 33.333 % ->
    # 10,000.20 + 9,999.90 + 9,999.90, which add up to 30,000.
    pytest.param(
        (pct(D("33.334"), "30D"), pct(D("33.333"), "60D"), pct(D("33.333"), "90D")),
        "30000",
        ["10000.20", "9999.90", "9999.90"],
        id="erpnext26951-thirds",
    ),
    # Source: user_demand.md B20, frappe/erpnext#12057: 5.47 in thirds: 1.82 x 3 = 5.46; the
    # residue goes to the last line so the schedule adds up to 5.47.
    pytest.param(
        (pct(D("33.33"), "30D"), pct(D("33.33"), "60D"), pct(D("33.34"), "90D")),
        "5.47",
        ["1.82", "1.82", "1.83"],
        id="erpnext12057-5.47-thirds",
    ),
    # Source: user_demand.md A14, OCA/l10n-thailand#72: 30 % before (with the order) / 70 % after.
    pytest.param(
        (pct(D(30), "0D"), balance("30D")),
        "1210.00",
        ["363.00", "847.00"],
        id="deposit-30-with-order",
    ),
    # Source: peers.md §2a, OCA `percent_amount_untaxed` test: lines 10 % -> 100 and 40 % -> 400
    # of 1000 untaxed; here the same percentages of a 1000 total, the balance 500.
    pytest.param(
        (pct(D(10), "0D"), pct(D(40), "30D"), balance("60D")),
        "1000",
        ["100.00", "400.00", "500.00"],
        id="oca-10-40-balance",
    ),
]


@pytest.mark.parametrize(("lines", "amount", "expected"), INSTALMENT_EXAMPLES)
def test_instalment_examples(
    lines: tuple[Installment, ...], amount: str, expected: list[str]
) -> None:
    terms = PaymentTerms(installments=lines)
    got = amounts_of(terms, amount)
    assert got == expected
    assert sum(D(x) for x in got) == D(amount)


def test_percent_after_fixed_lines() -> None:
    # Source: user_demand.md B21, OCA/account-payment#932: fixed 400 first, then 33/33/34 % of
    # the remaining 600 -> 198 / 198 / 204 (the bug took them of the total: last line -60).
    after = PercentOf.AFTER_FIXED
    terms = PaymentTerms(
        installments=(
            fixed(D(400), "0D"),
            pct(D(33), "30D", of=after),
            pct(D(33), "60D", of=after),
            balance("90D"),
        )
    )
    assert amounts_of(terms, "1000") == ["400.00", "198.00", "198.00", "204.00"]


def test_percent_of_untaxed_amount() -> None:
    # Source: peers.md §2a, OCA `percent_amount_untaxed` test: untaxed 1000 with 10 % tax gives
    # lines 10 % -> 100 and 40 % -> 400, and the balance is 600.
    untaxed = PercentOf.UNTAXED
    terms = PaymentTerms(
        installments=(pct(D(10), "0D", of=untaxed), pct(D(40), "30D", of=untaxed), balance("60D"))
    )
    sched = terms.schedule(date(2026, 1, 15), D("1100.00"), tax=D("100.00"))
    assert [d.amount for d in sched.dues] == [D("100.00"), D("400.00"), D("600.00")]
    with pytest.raises(InvalidArgument, match="tax"):
        terms.schedule(date(2026, 1, 15), D("1100.00"))


def test_advance_without_tax_balance_with_tax() -> None:
    # Source: user_demand.md A2, frappe/erpnext#38748 (steel industry): 40 % advance without
    # tax, 50 % with 100 % of the tax, 10 % after installation without tax ("not possible out of
    # the box"). Untaxed 1000 + 210 tax: 400 / 710 / 100.
    untaxed = PercentOf.UNTAXED
    terms = PaymentTerms(
        installments=(pct(D(40), "0D", of=untaxed), balance("30D"), pct(D(10), "60D", of=untaxed))
    )
    sched = terms.schedule(date(2026, 1, 15), D("1210.00"), tax=D("210.00"))
    assert [d.amount for d in sched.dues] == [D("400.00"), D("710.00"), D("100.00")]


def test_percent_base_rules() -> None:
    with pytest.raises(InvalidTerms, match="untaxed"):
        PaymentTerms(
            installments=(
                pct(D(50), "0D", of=PercentOf.UNTAXED),
                pct(D(50), "30D"),
            )
        )
    with pytest.raises(InvalidTerms, match="TOTAL on a fixed line"):
        Installment(LineKind.FIXED, "0D", D(5), of=PercentOf.UNTAXED)
    with pytest.raises(InvalidType):
        pct(D(5), "0D", of="untaxed")  # type: ignore[arg-type]


def test_instalments_one_two_three_months_after_invoice_date() -> None:
    # Source: user_demand.md A2 / B9, frappe/erpnext#40077: "1/2/3 months after invoice date"
    # from 2024-03-15 is due 04-15, 05-15, 06-15 (not 30/60/90 days).
    terms = PaymentTerms(installments=(pct(D("33.33"), "1M"), pct(D("33.33"), "2M"), balance("3M")))
    sched = terms.schedule(date(2024, 3, 15), D("900.00"))
    assert [d.date for d in sched.dues] == [date(2024, 4, 15), date(2024, 5, 15), date(2024, 6, 15)]
    assert [d.amount for d in sched.dues] == [D("299.97"), D("299.97"), D("300.06")]
    # Month ends never drift either: from 31 Jan, 28 Feb then 31 Mar then 30 Apr.
    from_jan31 = terms.schedule(date(2026, 1, 31), D("900.00"))
    assert [d.date for d in from_jan31.dues] == [
        date(2026, 2, 28),
        date(2026, 3, 31),
        date(2026, 4, 30),
    ]


def test_percent_rounding_never_makes_the_residue_negative() -> None:
    # Ten lines of 9.5 % (each 0.0057 rounds up to 0.01) and a 5 % balance on 0.06: rounding up
    # alone would take 0.10 of 0.06; units are given back so no line is negative.
    lines = (*(pct(D("9.5"), f"{i}D") for i in range(10)), balance("30D"))
    got = [D(x) for x in amounts_of(PaymentTerms(installments=lines), "0.06")]
    assert sum(got) == D("0.06")
    assert min(got) >= 0


def test_no_zero_line_from_rounding_when_avoidable() -> None:
    # 0.4 % of 1.00 is 0.004, which rounds to 0.00; the line gets one cent from the largest.
    terms = PaymentTerms(installments=(pct(D("0.4"), "0D"), balance("30D")))
    assert amounts_of(terms, "1.00") == ["0.01", "0.99"]
    # Fewer cents than lines: some line is necessarily zero, none is negative.
    three = PaymentTerms(installments=(pct(D(50), "0D"), pct(D(25), "10D"), balance("30D")))
    got = amounts_of(three, "0.02")
    assert sum(D(x) for x in got) == D("0.02")
    assert got.count("0.00") == 1


def test_currency_exponents() -> None:
    terms = PaymentTerms(installments=(pct(D(50), "0D"), balance("30D")))
    assert amounts_of(terms, "1001", "JPY") == ["501", "500"]
    assert amounts_of(terms, "1.001", "KWD") == ["0.501", "0.500"]
    assert amounts_of(terms, "1000.005", "EUR") == ["500.01", "500.00"]


def test_rounding_mode_is_a_keyword() -> None:
    terms = PaymentTerms(installments=(pct(D(50), "0D"), balance("30D")))
    sched = terms.schedule(date(2026, 1, 15), D("0.05"), rounding=ROUND_DOWN)
    assert [d.amount for d in sched.dues] == [D("0.02"), D("0.03")]
    with pytest.raises(InvalidArgument, match="rounding"):
        terms.schedule(date(2026, 1, 15), D(1), rounding="half")


def test_credit_note_negates_every_line() -> None:
    # Source: peers.md §4 (Tryton): negative totals keep the sign on every line.
    terms = PaymentTerms(installments=(pct(D(30), "0D"), balance("30D")))
    assert amounts_of(terms, "-1000.01") == ["-300.00", "-700.01"]


def test_zero_amount() -> None:
    terms = PaymentTerms(installments=(pct(D(30), "0D"), balance("30D")))
    assert amounts_of(terms, "0") == ["0.00", "0.00"]


def test_fixed_lines_must_fit() -> None:
    terms = PaymentTerms(installments=(fixed(D(400), "0D"), balance("30D")))
    with pytest.raises(InvalidTerms, match="at least 400"):
        terms.schedule(date(2026, 1, 15), D("300.00"))
    # Source: user_demand.md B21, OCA/account-payment#932: fixed 400 with 33/33 % of a 1000 total
    # would leave the last line at -60; payterms refuses instead of scheduling a negative line.
    over = PaymentTerms(
        installments=(fixed(D(400), "0D"), pct(D(33), "30D"), pct(D(33), "60D"), balance("90D"))
    )
    with pytest.raises(InvalidTerms, match="take 1060"):
        over.schedule(date(2026, 1, 15), D(1000))
    with pytest.raises(InvalidTerms, match="whole minor units"):
        PaymentTerms(installments=(fixed(D("0.005"), "0D"), balance("30D"))).schedule(
            date(2026, 1, 15), D(1)
        )
    # A fixed amount of 1 is fine in JPY (exponent 0).
    jpy = PaymentTerms(installments=(fixed(D(1), "0D"), balance("30D")))
    assert amounts_of(jpy, "10", "JPY") == ["1", "9"]


# --------------------------------------------------------------------------- construction


@pytest.mark.parametrize(
    ("lines", "fragment"),
    [
        pytest.param((pct(D(60), "30D"),), "summing to 100 (they sum to 60)", id="percent-60"),
        pytest.param((pct(D(60), "30D"), pct(D(50), "60D")), "(they sum to 110)", id="percent-110"),
        pytest.param((balance("30D"), balance("60D")), "lines 0 and 1", id="two-balances"),
        pytest.param(
            (pct(D(100), "0D"), balance("30D")), "less than 100 beside a balance", id="100-and-bal"
        ),
        pytest.param(
            (fixed(D(10), "0D"), pct(D(100), "30D")), "line 0 is fixed", id="fixed-no-bal"
        ),
        pytest.param((), "at least one", id="empty"),
    ],
)
def test_invalid_instalments(lines: tuple[Installment, ...], fragment: str) -> None:
    with pytest.raises(InvalidTerms) as info:
        PaymentTerms(installments=lines)
    assert fragment in str(info.value)
    assert isinstance(info.value, ValueError)


def test_invalid_lines_and_tiers() -> None:
    with pytest.raises(InvalidTerms, match="percent"):
        pct(D(-1), "0D")
    with pytest.raises(InvalidTerms, match="percent"):
        pct(D("100.01"), "0D")
    with pytest.raises(InvalidTerms, match="0 or more"):
        fixed(D("-5"), "0D")
    with pytest.raises(InvalidType):
        pct(0.3, "0D")  # type: ignore[arg-type]
    with pytest.raises(InvalidType):
        pct(D(30), 30)  # type: ignore[arg-type]
    with pytest.raises(InvalidTerms, match="no value"):
        Installment(LineKind.BALANCE, "0D", D(1))
    with pytest.raises(InvalidTerms, match="a value"):
        Installment(LineKind.PERCENT, "0D")
    with pytest.raises(InvalidTerms, match="below 100"):
        DiscountTier(D(100), "10D")
    with pytest.raises(InvalidTerms, match="above 0"):
        DiscountTier(D(0), "10D")
    with pytest.raises(InvalidType):
        PaymentTerms(installments=("30D",))  # type: ignore[arg-type]
    with pytest.raises(InvalidType):
        PaymentTerms(installments=(balance("0D"),), discounts=("2/10",))  # type: ignore[arg-type]
    with pytest.raises(InvalidType):
        PaymentTerms(installments=(balance("0D"),), start="invoice")  # type: ignore[arg-type]
    with pytest.raises(InvalidType):
        PaymentTerms(installments=(balance("0D"),), tax_base="mixed")  # type: ignore[arg-type]
    with pytest.raises(InvalidTerms):
        PaymentTerms.net(-1)


def test_values_are_hashable_and_evolve() -> None:
    a = PaymentTerms.net(30)
    b = PaymentTerms(installments=(Installment.balance(DueRule.days(30)),))
    assert a == b
    assert hash(a) == hash(b)
    assert len({a, b, PaymentTerms.net(45)}) == 2
    c = attrs.evolve(a, discounts=(DiscountTier(D(2), "10D"),))
    assert c == a.with_discount(D(2), "10D")
    assert c != a
    assert attrs.evolve(c, start=Start.RECEIPT).start is Start.RECEIPT
    assert PaymentTerms(installments=balance("0D")) == PaymentTerms.on_receipt()


# --------------------------------------------------------------------------- constructors


def test_end_of_month_readings() -> None:
    # Source: legal.md §4 (CEPC): 15 Jan, reading (b) CM+45D -> 17 Mar; reading (a) -> 31 Mar.
    then_days = PaymentTerms.end_of_month(45, reading=EndOfMonth.THEN_DAYS)
    days_then = PaymentTerms.end_of_month(45, reading=EndOfMonth.DAYS_THEN)
    assert str(then_days.installments[0].rule) == "CM+45D"
    assert str(days_then.installments[0].rule) == "45D+CM"
    assert then_days.due_date(date(2026, 1, 15)) == date(2026, 3, 17)
    assert days_then.due_date(date(2026, 1, 15)) == date(2026, 3, 31)
    assert PaymentTerms.end_of_month(45) == then_days
    # Source: finance.md §4.2, Lago "End of month": 2026-04-10 -> 2026-04-30.
    assert PaymentTerms.end_of_month().due_date(date(2026, 4, 10)) == date(2026, 4, 30)


@pytest.mark.parametrize(
    ("kwargs", "rule", "start", "expected"),
    [
        # Source: peers.md table, Odoo "days after end of next month" N: 1M+CM+ND.
        pytest.param({"days": 10, "months": 1}, "1M+CM+10D", date(2026, 2, 15), date(2026, 4, 10),
                     id="odoo-after-end-of-next-month"),
        # Source: user_demand.md B7, odoo/odoo#10459: 2016-01-14 "30 days EOM on the 10th" -> 03-10.
        pytest.param({"days": 30, "reading": EndOfMonth.DAYS_THEN, "day": 10}, "30D+CM+D10",
                     date(2016, 1, 14), date(2016, 3, 10), id="fdm-le-10"),
        # Source: peers.md §7, Odoo 17: 30 days, on the 31, from 2023-12-12 -> 2024-02-29.
        pytest.param({"days": 30, "reading": EndOfMonth.DAYS_THEN, "day": 31}, "30D+CM+1D+D31",
                     date(2023, 12, 12), date(2024, 2, 29), id="odoo17-on-the-31"),
        # Source: peers.md table, "60 jours fin de mois le 10", reading CM+60D+D10:
        # 31 Jan + 60 days = 1 Apr, then the next 10th.
        pytest.param({"days": 60, "day": 10}, "CM+60D+D10", date(2026, 1, 15),
                     date(2026, 4, 10), id="then-days-le-10"),
        # Source: user_demand.md B1, ERPNext "Month(s) after the end of the invoice month": NM+CM.
        pytest.param({"months": 1}, "1M+CM", date(2020, 6, 11), date(2020, 7, 31),
                     id="erpnext22201-months-after-eom"),
        pytest.param({"months": 1, "day": 30}, "1M+CM+1D+D30", date(2024, 4, 11),
                     date(2024, 6, 30), id="end-of-next-month-on-the-30"),
    ],
)  # fmt: skip
def test_end_of_month_variants(
    kwargs: dict[str, object], rule: str, start: date, expected: date
) -> None:
    terms = PaymentTerms.end_of_month(**kwargs)  # type: ignore[arg-type]
    assert str(terms.installments[0].rule) == rule
    assert terms.due_date(start) == expected


# Source: odoo/odoo 17+ addons/account/tests/test_payment_term.py (odoo-dev/odoo@3b32492d),
# "days end of month on the": test_payment_term_days_end_of_month_on_the (2023-12-12, 30 days,
# on the 10 -> 2024-02-10; on the 31 -> 2024-02-29), ..._nb_days_0 (2024-05-23, 0 days, on the
# 29 -> 2024-06-29; on the 31 -> 2024-06-30), ..._nb_days_15 (2024-05-24, 15 days, on the 30 ->
# 2024-07-30; 2024-05-23, on the 31 -> 2024-07-31), ..._days_next_month_0 (2024-04-22, 30 days,
# on the 0 -> 2024-05-31).
ODOO17_ON_THE = [
    pytest.param(30, 10, date(2023, 12, 12), date(2024, 2, 10), id="odoo17-30d-on-the-10"),
    pytest.param(30, 31, date(2023, 12, 12), date(2024, 2, 29), id="odoo17-30d-on-the-31"),
    pytest.param(0, 29, date(2024, 5, 23), date(2024, 6, 29), id="odoo17-0d-on-the-29"),
    pytest.param(0, 31, date(2024, 5, 23), date(2024, 6, 30), id="odoo17-0d-on-the-31"),
    pytest.param(15, 30, date(2024, 5, 24), date(2024, 7, 30), id="odoo17-15d-on-the-30"),
    pytest.param(15, 31, date(2024, 5, 23), date(2024, 7, 31), id="odoo17-15d-on-the-31"),
    pytest.param(30, None, date(2024, 4, 22), date(2024, 5, 31), id="odoo17-30d-on-the-0"),
    # The boundary of the issue: on the 28 from a 28-day February (2023-02-10 + 0 days ->
    # February, its 28th is its last day) is the 28th of the month after: 2023-03-28.
    pytest.param(0, 28, date(2023, 2, 10), date(2023, 3, 28), id="odoo17-0d-on-the-28-feb"),
]


@pytest.mark.parametrize(("days", "day", "start", "expected"), ODOO17_ON_THE)
def test_odoo17_days_end_of_month_on_the(
    days: int, day: int | None, start: date, expected: date
) -> None:
    terms = PaymentTerms.end_of_month(days, reading=EndOfMonth.DAYS_THEN, day=day)
    assert terms.due_date(start) == expected


def _odoo17_on_the(start: date, days: int, day: int) -> date:
    """Odoo 17+ "days end of month on the" as its documentation states it: the invoice date
    plus the days, then day *day* of the following month, clamped to that month's length."""
    reached = start + timedelta(days=days)
    year, month = reached.year, reached.month + 1  # the following month
    if month == 13:
        year, month = year + 1, 1
    last = calendar.monthrange(year, month)[1]
    return date(year, month, min(day, last))


@pytest.mark.parametrize("days", [0, 30])
def test_end_of_month_on_the_day_matches_odoo17_every_day(days: int) -> None:
    # Every invoice date 2000-2040 and every day of the month 1-31 against the peer's rule
    # (a February of 28 days once gave its own 28th for "on the 28").
    rules = [
        PaymentTerms.end_of_month(days, reading=EndOfMonth.DAYS_THEN, day=day).installments[0].rule
        for day in range(1, 32)
    ]
    first, last = date(2000, 1, 1).toordinal(), date(2040, 12, 31).toordinal()
    wrong = []
    for ordinal in range(first, last + 1):
        start = date.fromordinal(ordinal)
        for day, rule in enumerate(rules, start=1):
            if rule.apply(start) != _odoo17_on_the(start, days, day):
                wrong.append((start, day))
    assert wrong == []


def test_end_of_month_bad_arguments() -> None:
    with pytest.raises(InvalidTerms, match="day=0"):
        PaymentTerms.end_of_month(30, day=0)
    with pytest.raises(InvalidTerms, match="day=32"):
        PaymentTerms.end_of_month(30, day=32)
    with pytest.raises(InvalidType):
        PaymentTerms.end_of_month(30, reading="a")  # type: ignore[arg-type]
    with pytest.raises(InvalidArgument):
        PaymentTerms.end_of_month(-30)


ZUORA_PROX = [
    # Source: finance.md §4.2, Zuora "Prox payment term examples" (invoice, cut-off, months, day).
    pytest.param(date(2026, 8, 10), 12, 1, 20, date(2026, 9, 20), id="aug10-c12-1-20"),
    pytest.param(date(2026, 8, 15), 12, 1, 20, date(2026, 10, 20), id="aug15-c12-1-20"),
    pytest.param(date(2026, 8, 21), 12, 1, 20, date(2026, 10, 20), id="aug21-c12-1-20"),
    pytest.param(date(2026, 8, 10), 20, 1, 12, date(2026, 9, 12), id="aug10-c20-1-12"),
    pytest.param(date(2026, 8, 15), 20, 1, 12, date(2026, 9, 12), id="aug15-c20-1-12"),
    pytest.param(date(2026, 8, 21), 20, 1, 12, date(2026, 10, 12), id="aug21-c20-1-12"),
    pytest.param(date(2026, 8, 21), 20, 3, 12, date(2026, 12, 12), id="aug21-c20-3-12"),
    pytest.param(date(2026, 8, 15), None, 1, 31, date(2026, 9, 30), id="aug15-eom-1-eom"),
    pytest.param(date(2026, 1, 1), 5, 1, 30, date(2026, 2, 28), id="jan1-c5-1-30"),
]


@pytest.mark.parametrize(("start", "cutoff", "months", "day", "expected"), ZUORA_PROX)
def test_prox(start: date, cutoff: int | None, months: int, day: int, expected: date) -> None:
    assert PaymentTerms.prox(day, cutoff=cutoff, months=months).due_date(start) == expected


def test_quickbooks_date_driven_and_bad_prox() -> None:
    # Source: finance.md §4.2, QuickBooks date-driven (due day 15, grace 2 days).
    terms = PaymentTerms.prox(15, cutoff=12, months=0)
    assert terms.due_date(date(2026, 3, 13)) == date(2026, 4, 15)
    assert terms.due_date(date(2026, 3, 12)) == date(2026, 3, 15)
    with pytest.raises(InvalidTerms):
        PaymentTerms.prox(0)
    with pytest.raises(InvalidTerms):
        PaymentTerms.prox(10, cutoff=32)
    # Due this month: the cut-off must not pass the due day, or an invoice dated between
    # the two would be due before its date.
    with pytest.raises(InvalidTerms, match="at most 10 when months=0"):
        PaymentTerms.prox(10, cutoff=15, months=0)
    with pytest.raises(InvalidTerms, match="at most 10 when months=0"):
        PaymentTerms.prox(10, months=0)
    assert PaymentTerms.prox(31, months=0).due_date(date(2026, 2, 3)) == date(2026, 2, 28)


def test_net_and_on_receipt() -> None:
    # Source: finance.md §4.2, Lago (2026-04-10): due on receipt -> Apr 10; net 30 -> May 10.
    assert PaymentTerms.on_receipt().due_date(date(2026, 4, 10)) == date(2026, 4, 10)
    assert PaymentTerms.net(30).due_date(date(2026, 4, 10)) == date(2026, 5, 10)


def test_start_end_of_month() -> None:
    # ERPNext "Day(s) after the end of the invoice month" as a start event equals CM+ND.
    terms = PaymentTerms(installments=(balance("45D"),), start=Start.END_OF_MONTH)
    assert terms.due_date(date(2026, 1, 15)) == PaymentTerms.end_of_month(45).due_date(
        date(2026, 1, 15)
    )


# --------------------------------------------------------------------------- dates


def test_adjustment_is_applied_at_schedule_time() -> None:
    # net 30 from 2026-01-15 is Saturday 14 Feb 2026.
    terms = PaymentTerms.net(30)
    weekends = BusinessCalendar.WEEKENDS
    assert terms.due_date(date(2026, 1, 15)) == date(2026, 2, 14)
    assert terms.due_date(
        date(2026, 1, 15), calendar=weekends, adjustment=Adjustment.FOLLOWING
    ) == date(2026, 2, 16)
    sched = terms.schedule(
        date(2026, 1, 15), D(100), calendar=weekends, adjustment=Adjustment.PRECEDING
    )
    assert sched.final_due == date(2026, 2, 13)
    with pytest.raises(InvalidArgument, match="calendar"):
        terms.due_date(date(2026, 1, 15), adjustment=Adjustment.FOLLOWING)
    with pytest.raises(InvalidType):
        terms.due_date(date(2026, 1, 15), adjustment="following")  # type: ignore[arg-type]


def test_business_day_rule_in_a_term() -> None:
    terms = PaymentTerms(installments=(balance("5BD"),))
    assert terms.due_date(date(2026, 12, 22), calendar=BusinessCalendar.TARGET) == date(
        2026, 12, 30
    )


def test_due_date_before_start_is_refused() -> None:
    terms = PaymentTerms(installments=(balance("-CM"),))
    with pytest.raises(InvalidTerms, match="on or after the start"):
        terms.due_date(date(2026, 1, 15))
    assert terms.due_date(date(2026, 1, 1)) == date(2026, 1, 1)


def test_schedule_checks_arguments() -> None:
    terms = PaymentTerms.net(30)
    with pytest.raises(InvalidType):
        terms.schedule(date(2026, 1, 15), 100.0)  # type: ignore[arg-type]
    with pytest.raises(InvalidType):
        terms.schedule("2026-01-15", D(100))  # type: ignore[arg-type]
    with pytest.raises(LookupError):
        terms.schedule(date(2026, 1, 15), D(100), currency="XYZ")


# --------------------------------------------------------------------------- discounts


def test_two_ten_net_thirty() -> None:
    # Source: peers.md §7.6 (Odoo docs): 2 % within 7 days from 1 Jan on 100 -> 98 "up to the
    # 8th of January".
    terms = PaymentTerms.net(30).with_discount(D(2), "7D")
    sched = terms.schedule(date(2026, 1, 1), D("100.00"))
    window = DiscountWindow(date(2026, 1, 8), D(2), D("98.00"), D("2.00"), D("100.00"))
    assert sched.discounts == (window,)
    assert sched.amount_payable_on(date(2026, 1, 8)) == D("98.00")
    assert sched.amount_payable_on(date(2026, 1, 9)) == D("100.00")


def test_sap_community_discount_and_net() -> None:
    # Source: peers.md §6, SAP Community: "3 % 10 days from invoice, or 45 days EOM":
    # invoice 2025-01-10 -> discount until 2025-01-20, net due 2025-03-17.
    terms = PaymentTerms.end_of_month(45).with_discount(D(3), "10D")
    sched = terms.schedule(date(2025, 1, 10), D("1000.00"))
    assert sched.discounts[0].last_day == date(2025, 1, 20)
    assert sched.final_due == date(2025, 3, 17)
    assert sched.discounts[0].payable == D("970.00")


def test_mixed_tax_base_odoo_belgium() -> None:
    # Source: peers.md §1c, Odoo "mixed": 100 + 21 % with 2 %: the invoice shows 120.58
    # (100 + 21 % of 98); the early payer pays 118.58; after the date the full 120.58.
    terms = PaymentTerms.net(30).with_discount(D(2), "10D")
    mixed = attrs.evolve(terms, tax_base=TaxBase.MIXED)
    sched = mixed.schedule(date(2026, 1, 1), D("120.58"), tax=D("20.58"))
    assert sched.discounts[0].payable == D("118.58")
    assert sched.amount_payable_on(date(2026, 1, 31)) == D("120.58")


def test_excluded_tax_base() -> None:
    # Source: user_demand.md B24, OCA/account-payment#814: 10 x 100 + 15 % = 1,150; 5 % on the
    # net should give 1,100.00 (the bug gave 1,092.50, 5 % of the gross).
    terms = attrs.evolve(PaymentTerms.net(30).with_discount(D(5), "10D"), tax_base=TaxBase.EXCLUDED)
    sched = terms.schedule(date(2026, 1, 1), D("1150.00"), tax=D("150.00"))
    assert sched.discounts[0].payable == D("1100.00")
    included = PaymentTerms.net(30).with_discount(D(5), "10D")
    assert included.schedule(date(2026, 1, 1), D("1150.00")).discounts[0].payable == D("1092.50")
    with pytest.raises(InvalidArgument, match="tax"):
        terms.schedule(date(2026, 1, 1), D("1150.00"))
    with pytest.raises(InvalidArgument, match="same sign"):
        terms.schedule(date(2026, 1, 1), D("1150.00"), tax=D("1200.00"))


def test_several_tiers() -> None:
    # Source: finance.md §1.4, SAP: "3 % cash discount for payment within 10 days, 2 % within
    # 30 days and net payment within 60 days".
    terms = PaymentTerms(
        installments=(balance("60D"),),
        discounts=(DiscountTier(D(2), "30D"), DiscountTier(D(3), "10D")),
    )
    sched = terms.schedule(date(2026, 1, 1), D("1000.00"))
    assert [(w.last_day, w.payable) for w in sched.discounts] == [
        (date(2026, 1, 11), D("970.00")),
        (date(2026, 1, 31), D("980.00")),
    ]
    assert sched.amount_payable_on(date(2025, 12, 31)) == D("970.00")
    assert sched.amount_payable_on(date(2026, 1, 12)) == D("980.00")
    assert sched.amount_payable_on(date(2026, 3, 2)) == D("1000.00")
    assert sched.final_due == date(2026, 3, 2)


def test_discount_window_may_end_after_the_due_date() -> None:
    # Source: odoo/odoo addons/account/tests/test_early_payment_discount.py (17.0+):
    # "10% discount if paid within 10 days" on a single 100 % line due at 0 days;
    # test_early_payment_end_date: invoice 2019-01-01 -> discount date 2019-01-11;
    # test_register_discounted_payment_on_single_invoice: 1000 paid 2019-01-02 -> 900
    # (discount 100). ERPNext refuses such a term (frappe/erpnext#44646); payterms follows
    # Odoo, whose own tests set it up.
    terms = PaymentTerms.on_receipt().with_discount(D(10), "10D")
    sched = terms.schedule(date(2019, 1, 1), D(1000))
    assert sched.final_due == date(2019, 1, 1)
    [window] = sched.discounts
    assert window.last_day == date(2019, 1, 11)
    assert (window.payable, window.discount) == (D("900.00"), D("100.00"))
    assert sched.amount_payable_on(date(2019, 1, 2)) == D("900.00")
    assert sched.amount_payable_on(date(2019, 1, 11)) == D("900.00")
    assert sched.amount_payable_on(date(2019, 1, 12)) == D("1000.00")
    # 1200 without tax: the same discount date (test_early_payment_end_date)
    assert terms.schedule(date(2019, 1, 1), D(1200)).discounts[0].last_day == date(2019, 1, 11)


def test_schedule_repr_and_values() -> None:
    sched = PaymentTerms.net(30).schedule(date(2026, 1, 15), D("12.3"))
    assert sched == Schedule(
        date(2026, 1, 15), D("12.30"), "EUR", (Due(date(2026, 2, 14), D("12.30")),), ()
    )
    assert "Due(date=datetime.date(2026, 2, 14)" in repr(sched)


# --------------------------------------------------------------------------- properties


@st.composite
def schedule_inputs(draw: st.DrawFn) -> tuple[PaymentTerms, date, Decimal, str]:
    currency = draw(st.sampled_from(sorted(MINOR_UNITS)))
    places = MINOR_UNITS[currency]
    amount = draw(
        st.decimals(min_value=0, max_value=10**9, places=places, allow_nan=False)
        | st.integers(0, 20).map(lambda n: Decimal(n).scaleb(-places))
    )
    return draw(payment_terms(fixed=False)), draw(invoice_dates()), amount, currency


@settings(max_examples=examples(300), deadline=None)
@given(schedule_inputs())
def test_instalments_add_up_never_negative(inputs: tuple[PaymentTerms, date, Decimal, str]) -> None:
    terms, start, amount, currency = inputs
    sched = terms.schedule(start, amount, currency=currency, tax=amount / 5)
    unit = smallest_unit(currency)
    shares = [d.amount for d in sched.dues]
    assert sum(shares) == amount
    assert all(s >= 0 for s in shares)
    assert all(s % unit == 0 for s in shares)
    if amount >= unit * len(shares):
        assert all(s > 0 for s in shares)
    for due in sched.dues:
        assert due.date >= start
    for window in sched.discounts:
        assert window.payable + window.discount == amount
        assert window.last_day <= sched.final_due
        assert 0 <= window.discount <= amount


@settings(max_examples=examples(200), deadline=None)
@given(payment_terms(), invoice_dates(), st.integers(1, 400))
def test_later_start_never_earlier_due_date(terms: PaymentTerms, start: date, later: int) -> None:
    assert terms.due_date(start + timedelta(days=later)) >= terms.due_date(start)


@settings(max_examples=examples(100), deadline=None)
@given(payment_terms(fixed=False), st.decimals(min_value=-(10**6), max_value="-0.01", places=2))
def test_credit_notes_mirror_invoices(terms: PaymentTerms, amount: Decimal) -> None:
    start = date(2026, 1, 15)
    credit = terms.schedule(start, amount, tax=amount / 5)
    invoice = terms.schedule(start, -amount, tax=-amount / 5)
    assert [d.amount for d in credit.dues] == [-d.amount for d in invoice.dues]
    assert sum(d.amount for d in credit.dues) == amount


@settings(max_examples=examples(100), deadline=None)
@given(payment_terms(), st.decimals(min_value=10**4, max_value=10**9, places=2))
def test_fixed_lines_are_kept_exactly(terms: PaymentTerms, amount: Decimal) -> None:
    sched = terms.schedule(date(2026, 1, 15), amount, tax=amount / 5)
    assert sum(d.amount for d in sched.dues) == amount
    for line, due in zip(terms.installments, sched.dues, strict=True):
        if line.kind is LineKind.FIXED:
            assert due.amount == line.value


@st.composite
def day_step_terms(draw: st.DrawFn) -> PaymentTerms:
    """Terms of one instalment due after days or weeks, with 0-3 percentage discounts.

    The tiers are valid terms: each later one ends on a later day with a smaller percentage
    (PaymentTerms refuses any other set when it is built).
    """
    unit = draw(st.sampled_from(["D", "W"]))
    terms = PaymentTerms(installments=(Installment.balance(f"{draw(st.integers(0, 120))}{unit}"),))
    days = sorted(draw(st.lists(st.integers(0, 60), unique=True, max_size=3)))
    places = draw(st.integers(0, 4))
    percent = st.decimals(min_value="0.01", max_value="99.99", places=places)
    percents = draw(st.lists(percent, unique=True, min_size=len(days), max_size=len(days)))
    for day, pct in zip(days, sorted(percents, reverse=True), strict=True):
        terms = terms.with_discount(pct, f"{day}D")
    return terms


@settings(max_examples=examples(300), deadline=None)
@given(
    day_step_terms(),
    st.dates(min_value=date(1995, 1, 1), max_value=date(2055, 12, 31)),
    st.decimals(min_value=-(10**12), max_value=10**12, places=4, allow_nan=False),
    st.sampled_from([None, BusinessCalendar.WEEKENDS, BusinessCalendar.country("BE")]),
    st.sampled_from(Adjustment),
    st.sampled_from([None, *Adjustment]),
    st.sampled_from(["EUR", "JPY", "KWD"]),
)
@example(
    PaymentTerms.net(30).with_discount(D("2"), "10D").with_discount(D("3"), "5D"),
    date(2026, 1, 15),
    D("0.005"),
    None,
    Adjustment.UNADJUSTED,
    None,
    "EUR",
)
def test_schedule_of_day_steps_equals_the_full_path(
    terms: PaymentTerms,
    start: date,
    amount: Decimal,
    calendar: BusinessCalendar | None,
    adjustment: Adjustment,
    discount_adjustment: Adjustment | None,
    currency: str,
) -> None:
    # such terms take schedule()'s one-step path; an amount given as text takes the full
    # path, whose figures the one-step path must give
    assert terms._plain is not None
    if calendar is None:
        adjustment, discount_adjustment = Adjustment.UNADJUSTED, None
    options = {
        "calendar": calendar,
        "adjustment": adjustment,
        "discount_adjustment": discount_adjustment,
        "currency": currency,
    }
    fast = terms.schedule(start, amount, **options)  # type: ignore[arg-type]
    assert fast == terms.schedule(start, str(amount), **options)  # type: ignore[arg-type]
    unit = smallest_unit(currency)
    total = amount.quantize(unit, rounding=ROUND_HALF_UP)
    assert fast.amount == total == sum(d.amount for d in fast.dues)
    assert [w.last_day for w in fast.discounts] == sorted(w.last_day for w in fast.discounts)
    for window in fast.discounts:
        assert window.discount == (total * window.percent / 100).quantize(unit, ROUND_HALF_UP)
        assert window.payable + window.discount == total == window.base


def test_schedule_of_day_steps_near_year_9999_is_refused_as_before() -> None:
    terms = PaymentTerms.net(60).with_discount(D("2"), "10D")
    with pytest.raises(InvalidArgument, match="9999"):
        terms.schedule(date(9999, 12, 1), D("100"))
    # terms the one-step path does not cover take the full path
    assert PaymentTerms.end_of_month(30)._plain is None
    assert PaymentTerms.net(30).with_discount(None, "10D", amount=5)._plain is None
    assert PaymentTerms.net(30).with_discount(D("2"), "1BD")._plain is None


def test_adjustment_may_move_before_the_start() -> None:
    # Due on receipt, invoice dated Saturday 17 Jan 2026: PRECEDING moves it to Friday 16 Jan.
    terms = PaymentTerms.on_receipt()
    got = terms.due_date(
        date(2026, 1, 17), calendar=BusinessCalendar.WEEKENDS, adjustment=Adjustment.PRECEDING
    )
    assert got == date(2026, 1, 16)


def test_tax_is_checked_whenever_given() -> None:
    with pytest.raises(InvalidArgument, match="same sign"):
        PaymentTerms.net(30).schedule(date(2026, 1, 1), D(100), tax=D(-1))
    with pytest.raises(InvalidType):
        PaymentTerms.net(30).schedule(date(2026, 1, 1), D(100), tax=1.5)  # type: ignore[arg-type]


def test_contract_usage() -> None:
    # The usage written in the terms contract that other modules code against.
    rule = DueRule.parse("CM+45D")
    assert str(rule) == "CM+45D"
    assert rule.apply(date(2026, 1, 15)) == date(2026, 3, 17)
    assert DueRule.days(30) == DueRule.parse("30D")
    assert not rule.needs_calendar
    terms = PaymentTerms(
        installments=(
            Installment.percent(Decimal("30"), "0D"),
            Installment.balance(DueRule.parse("CM+30D")),
        ),
        discounts=(DiscountTier(percent=Decimal("2"), rule="10D"),),
        start=Start.INVOICE_DATE,
    )
    sched = terms.schedule(
        date(2026, 1, 15),
        Decimal("1210.00"),
        calendar=None,
        adjustment=Adjustment.UNADJUSTED,
        currency="EUR",
        tax=None,
    )
    assert sum(d.amount for d in sched.dues) == Decimal("1210.00")
    window = sched.discounts[0]
    assert (window.last_day, window.percent) == (date(2026, 1, 25), Decimal("2"))
    assert window.payable + window.discount == Decimal("1210.00")
    assert sched.final_due == date(2026, 3, 2)
    assert sched.amount_payable_on(date(2026, 1, 20)) == window.payable
    assert terms.due_date(date(2026, 1, 15), calendar=None) == date(2026, 3, 2)
    assert isinstance(terms.installments, tuple)
    assert isinstance(terms.discounts, tuple)
    assert {terms: 1}[attrs.evolve(terms)] == 1
    for made in (
        PaymentTerms.net(30),
        PaymentTerms.end_of_month(45, reading=EndOfMonth.THEN_DAYS),
        PaymentTerms.on_receipt(),
        PaymentTerms.prox(20, cutoff=12),
    ):
        assert isinstance(made, PaymentTerms)
    assert {m.name for m in TaxBase} == {"INCLUDED", "EXCLUDED", "MIXED"}
    assert {"INVOICE_DATE", "RECEIPT", "DELIVERY", "END_OF_MONTH"} <= {m.name for m in Start}


# --------------------------------------------------------------------------- user_demand.md §B


def test_b31_fixed_deposit_stays_exact() -> None:
    # Source: user_demand.md B31, odoo/odoo#135262: a EUR 100 tax-included down payment came
    # out as 99.99 (82.64 x 1.21). A fixed line is kept exactly: 100.00, and the rest.
    terms = PaymentTerms(installments=(fixed(D("100.00"), "0D"), balance("30D")))
    assert amounts_of(terms, "1210.00") == ["100.00", "1110.00"]


def test_b31_one_cent_over_three_lines_does_not_vanish() -> None:
    # Source: user_demand.md B31, odoo/odoo#135746: 0.01 spread over 3 lines vanished after
    # rounding. Here the cent lands on one line and the schedule still adds up to 0.01.
    terms = PaymentTerms(
        installments=(pct(D("33.33"), "0D"), pct(D("33.33"), "30D"), balance("60D"))
    )
    got = amounts_of(terms, "0.01")
    assert sum(D(x) for x in got) == D("0.01")
    assert got == ["0.00", "0.00", "0.01"]


def test_b30_credit_note_discount() -> None:
    # Source: user_demand.md B30 (credit notes and EPD): the discount of a credit note is
    # negative and payable + discount is still the (negative) amount.
    sched = PaymentTerms.net(30).with_discount(D(2), "10D").schedule(date(2026, 1, 1), D("-100"))
    window = sched.discounts[0]
    assert (window.payable, window.discount) == (D("-98.00"), D("-2.00"))
    assert sched.amount_payable_on(date(2026, 1, 5)) == D("-98.00")


def test_b20_balance_line_is_a_rounded_remainder() -> None:
    # Source: user_demand.md B20, OCA/account-invoicing#24: the balance line returned None
    # instead of the rounded remainder.
    terms = PaymentTerms(installments=(pct(D("33.333"), "0D"), balance("30D")))
    assert amounts_of(terms, "100.00") == ["33.33", "66.67"]


def test_b15_discount_date_moves_back_while_due_date_moves_forward() -> None:
    # Source: user_demand.md B15, OCA/bank-payment#1622: a discount date on a weekend moves to
    # the previous business day. 2/10 net 30 from 2026-01-15: discount day Sunday 25 Jan ->
    # Friday 23 Jan; due Saturday 14 Feb -> Monday 16 Feb.
    terms = PaymentTerms.net(30).with_discount(D(2), "10D")
    sched = terms.schedule(
        date(2026, 1, 15),
        D(100),
        calendar=BusinessCalendar.WEEKENDS,
        adjustment=Adjustment.FOLLOWING,
        discount_adjustment=Adjustment.PRECEDING,
    )
    assert sched.discounts[0].last_day == date(2026, 1, 23)
    assert sched.final_due == date(2026, 2, 16)
    with pytest.raises(InvalidType):
        terms.schedule(date(2026, 1, 15), D(100), discount_adjustment="preceding")  # type: ignore[arg-type]


def test_sap_date_dependent_tiers() -> None:
    # Source: finance.md §1.4, SAP terms of payment, date-dependent variant: "3 % ... up to the
    # 15th of the following month, 2 % ... up to the 25th in two months' time, and net payment
    # up to the 15th in three months time".
    terms = PaymentTerms(
        installments=(balance("-CM+3M+D15"),),
        discounts=(DiscountTier(D(3), "-CM+1M+D15"), DiscountTier(D(2), "-CM+2M+D25")),
    )
    sched = terms.schedule(date(2026, 1, 20), D("1000.00"))
    assert [(w.last_day, w.payable) for w in sched.discounts] == [
        (date(2026, 2, 15), D("970.00")),
        (date(2026, 3, 25), D("980.00")),
    ]
    assert sched.final_due == date(2026, 4, 15)


def test_increment_rounds_instalments_to_whole_units() -> None:
    # Source: user_demand.md A2, TelePost/repayment.tusass.gl#6: 203 kr in 6 instalments ->
    # 34 x 5 + 33, "no øre differences".
    sixth = D(100) / 6
    terms = PaymentTerms(installments=(*(pct(sixth, f"{i}M") for i in range(5)), balance("5M")))
    sched = terms.schedule(date(2026, 1, 15), D("203.00"), increment=D(1))
    assert [d.amount for d in sched.dues] == [D("34.00")] * 5 + [D("33.00")]


def test_increment_oca_amount_round() -> None:
    # Source: peers.md §2a, OCA `amount_round`: 50 % of 1000.10 with rounding 1 gives 500; the
    # balance takes the rest.
    terms = PaymentTerms(installments=(pct(D(50), "0D"), balance("30D")))
    sched = terms.schedule(date(2026, 1, 15), D("1000.10"), increment=1)
    assert [d.amount for d in sched.dues] == [D("500.00"), D("500.10")]


def test_increment_cash_rounding_and_errors() -> None:
    # Swiss cash rounding to 0.05: 1/3 of 100.00 is 33.333 -> 33.35 (half-up on 0.05 steps).
    terms = PaymentTerms(installments=(pct(D("33.333"), "0D"), balance("30D")))
    sched = terms.schedule(date(2026, 1, 15), D("100.00"), currency="CHF", increment=D("0.05"))
    assert [d.amount for d in sched.dues] == [D("33.35"), D("66.65")]
    with pytest.raises(InvalidArgument, match="increment"):
        terms.schedule(date(2026, 1, 15), D(100), increment=D("0.005"))
    with pytest.raises(InvalidArgument, match="increment"):
        terms.schedule(date(2026, 1, 15), D(100), increment=0)


@settings(max_examples=examples(150), deadline=None)
@given(
    payment_terms(fixed=False),
    st.decimals(min_value=0, max_value=10**6, places=2),
    st.sampled_from([D("0.05"), D("0.10"), D(1), D(5), D(100)]),
)
def test_increment_keeps_exact_totals(terms: PaymentTerms, amount: Decimal, step: Decimal) -> None:
    sched = terms.schedule(date(2026, 1, 15), amount, tax=amount / 5, increment=step)
    shares = [d.amount for d in sched.dues]
    assert sum(shares) == amount
    assert all(s >= 0 for s in shares)


def test_terms_pickle_for_distributed_batches() -> None:
    # Batch code ships terms to worker processes (DESIGN.md §6): values survive pickling with
    # their compiled rules and give the same schedules.
    import pickle

    terms = PaymentTerms.prox(20, cutoff=12).with_discount(D(2), "10D")
    again = pickle.loads(pickle.dumps(terms))  # noqa: S301 - our own bytes
    assert again == terms
    assert hash(again) == hash(terms)
    start = date(2026, 8, 15)
    assert again.schedule(start, D(100)) == terms.schedule(start, D(100))
    sched = terms.schedule(start, D(100))
    assert pickle.loads(pickle.dumps(sched)) == sched  # noqa: S301 - our own bytes


# ---------------------------------------------------------------------------------------
# discount tiers are validated once, when the terms are built (the rules of tier_costs)


@pytest.mark.parametrize(
    ("build", "fragment"),
    [
        # was accepted, and wrote two identical #SKONTO# lines
        pytest.param(
            lambda: PaymentTerms.net(30).with_discount(2, "10D").with_discount(2, "10D"),
            "each tier once (tiers 0 and 1 are both 2 % by 10D)",
            id="same-tier-twice",
        ),
        pytest.param(
            lambda: PaymentTerms.net(30).with_discount(2, "10D").with_discount(3, "10D"),
            "one tier per last day (tiers 0 and 1 both end by 10D)",
            id="same-last-day",
        ),
        pytest.param(
            lambda: PaymentTerms.net(30).with_discount(2, "10D").with_discount(2, "20D"),
            "a different percentage per tier (tiers 0 and 1 both give 2 %",
            id="same-percent",
        ),
        pytest.param(
            lambda: PaymentTerms.net(30).with_discount(2, "10D").with_discount(3, "20D"),
            "3 % by 20D does not end before 2 % by 10D",
            id="larger-ends-later",
        ),
        pytest.param(
            lambda: PaymentTerms.net(30).with_discount(3, "2W").with_discount(2, "14D"),
            "3 % by 2W does not end before 2 % by 14D",
            id="larger-ends-same-day",
        ),
        # fixed amounts follow the same rules among themselves
        pytest.param(
            lambda: (
                PaymentTerms.net(30)
                .with_discount(None, "10D", amount=5)
                .with_discount(None, "20D", amount=8)
            ),
            "8 off by 20D does not end before 5 off by 10D",
            id="fixed-larger-ends-later",
        ),
        pytest.param(
            lambda: (
                PaymentTerms.net(30)
                .with_discount(None, "10D", amount=5)
                .with_discount(None, "10D", amount=5)
            ),
            "each tier once (tiers 0 and 1 are both 5 off by 10D)",
            id="fixed-twice",
        ),
    ],
)
def test_impossible_tiers_are_refused_when_built(build, fragment: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidTerms, match="discounts=") as info:
        build()
    assert fragment in str(info.value)


def test_an_instalments_own_tiers_are_checked_likewise() -> None:
    line = Installment.balance("30D").with_discount(2, "10D").with_discount(3, "20D")
    with pytest.raises(InvalidTerms, match=r"installments\[0\]\.discounts=") as info:
        PaymentTerms(installments=(line,))
    assert "3 % by 20D does not end before 2 % by 10D" in str(info.value)


def test_impossible_tiers_are_refused_when_parsed() -> None:
    from payterms.errors import ParseError
    from payterms.text import parse

    with pytest.raises(ParseError, match="3 % by 20D does not end before 2 % by 10D"):
        parse("2/10, 3/20, net 30")
    with pytest.raises(ParseError, match="each tier once"):
        parse("2/10, 2/10, net 30")


@pytest.mark.parametrize(
    "terms",
    [
        PaymentTerms.net(30).with_discount(2, "30D"),  # a discount for paying on time
        PaymentTerms.net(30).with_discount(3, "10D").with_discount(2, "20D"),
        PaymentTerms.net(30).with_discount(2, "20D").with_discount(3, "10D"),  # any order
        PaymentTerms.net(30).with_discount(2, "10BD"),  # business days: at schedule time
        PaymentTerms.end_of_month(30).with_discount(2, "CM+10D"),
        # a month end start: only month ends are compared (1M from a month end <= 31D)
        PaymentTerms(
            installments=(Installment.balance("31D"),),
            discounts=(DiscountTier(2, "1M"),),
            start=Start.END_OF_MONTH,
        ),
        PaymentTerms(
            installments=(Installment.percent(50, "40D"), Installment.balance("20D")),
            discounts=(DiscountTier(2, "21D"),),
        ),
        # a window may end after the final due date (Odoo's early-payment tests)
        PaymentTerms.net(30).with_discount(2, "40D"),
        # a percentage and a fixed amount: which is larger depends on the amount
        PaymentTerms.net(30).with_discount(2, "10D").with_discount(None, "10D", amount=5),
    ],
)
def test_possible_tiers_are_accepted(terms: PaymentTerms) -> None:
    assert terms.discounts


_TIERS = st.lists(
    st.tuples(st.integers(1, 9).map(Decimal), st.integers(0, 40)), min_size=1, max_size=3
)


@settings(max_examples=examples(300))
@given(tiers=_TIERS, net=st.integers(1, 45))
def test_terms_accept_the_tiers_tier_costs_accepts(
    tiers: list[tuple[Decimal, int]], net: int
) -> None:
    from payterms.discount import tier_costs

    ordered = sorted(tiers, key=lambda t: t[1])
    try:
        tier_costs(ordered, net)
        costs_ok = True
    except InvalidArgument:
        costs_ok = False
    try:
        terms = PaymentTerms(
            installments=(Installment.balance(DueRule.days(net)),),
            discounts=tuple(DiscountTier(p, DueRule.days(d)) for p, d in tiers),
        )
        terms_ok = True
    except InvalidTerms:
        terms_ok = False
    # the one difference: a tier ending on or after the due day (a window may end after it,
    # as Odoo's tests set it up; tier_costs has no days of credit left to price)
    on_or_after_due_day = any(d >= net for _, d in tiers)
    if costs_ok:
        assert terms_ok
    elif terms_ok:
        assert on_or_after_due_day
    if terms_ok:
        sched = terms.schedule(date(2026, 1, 15), Decimal("100.00"))
        assert len(sched.discounts) == len(tiers)


# -- a calendar without an adjustment: the following business day (QuantLib's pairing) --

BE = BusinessCalendar.country("BE")


def test_a_calendar_alone_moves_the_due_date_to_the_following_business_day() -> None:
    # 1 January 2026 + 30 days is Saturday 31 January; Monday 2 February is a business day
    net30 = PaymentTerms.net(30)
    assert net30.due_date(date(2026, 1, 1), calendar=BE) == date(2026, 2, 2)
    unadjusted = net30.due_date(date(2026, 1, 1), calendar=BE, adjustment=Adjustment.UNADJUSTED)
    assert unadjusted == date(2026, 1, 31)
    assert net30.due_date(date(2026, 1, 1)) == date(2026, 1, 31)  # no calendar: no move
    sched = net30.with_discount(2, "9D").schedule(date(2026, 1, 1), "100", calendar=BE)
    assert [d.date for d in sched.dues] == [date(2026, 2, 2)]
    assert [w.last_day for w in sched.discounts] == [date(2026, 1, 12)]  # Sat 10 Jan -> Mon 12


def test_a_calendar_that_is_not_one_is_refused_even_without_an_adjustment() -> None:
    with pytest.raises(InvalidType, match="calendar"):
        PaymentTerms.net(30).due_date(date(2026, 1, 1), calendar="BE")  # type: ignore[arg-type]
    with pytest.raises(InvalidType, match="calendar"):
        PaymentTerms.net(30).schedule(date(2026, 1, 1), Decimal("100"), calendar="BE")  # type: ignore[arg-type]
    with pytest.raises(InvalidType, match="calendar"):
        PaymentTerms.net(30).schedule(
            date(2026, 1, 1),
            Decimal("100"),
            calendar="BE",  # type: ignore[arg-type]
            adjustment=Adjustment.FOLLOWING,
        )


def test_the_one_step_schedule_moves_by_a_calendar_alone_and_keeps_its_terms() -> None:
    # a Decimal amount and plain day steps take schedule's one-step path: same answer
    terms = PaymentTerms.net(30).with_discount(2, "9D")
    fast = terms.schedule(date(2026, 1, 1), Decimal("100"), calendar=BE)
    slow = terms.schedule(date(2026, 1, 1), "100", calendar=BE)
    assert fast == slow
    assert fast.final_due == date(2026, 2, 2)  # Saturday 31 January moves to Monday
    assert [w.last_day for w in fast.discounts] == [date(2026, 1, 12)]  # Sat 10 -> Mon 12
    assert fast.terms is terms
    plain = terms.schedule(date(2026, 1, 1), Decimal("100"))
    assert plain.final_due == date(2026, 1, 31)  # no calendar: no move
    assert plain.terms is terms


@settings(max_examples=examples(50), deadline=None)
@given(terms=payment_terms(), start=st.dates(date(2020, 1, 1), date(2030, 12, 31)))
def test_a_calendar_alone_is_following(terms: PaymentTerms, start: date) -> None:
    try:
        plain = terms.schedule(start, "1000.00", calendar=BE, adjustment=Adjustment.UNADJUSTED)
    except PaytermsError:
        return  # terms these dates cannot serve (a rule before the start, a year past 2100)
    if any(day.year >= 2100 for day in (*(d.date for d in plain.dues), plain.final_due)):
        return  # the BE calendar covers 1901-2100
    moved = terms.schedule(start, "1000.00", calendar=BE)
    assert moved == terms.schedule(start, "1000.00", calendar=BE, adjustment=Adjustment.FOLLOWING)
    assert [d.date for d in moved.dues] == [
        BE.adjust(d.date, Adjustment.FOLLOWING) for d in plain.dues
    ]
    assert [w.last_day for w in moved.discounts] == sorted(
        BE.adjust(w.last_day, Adjustment.FOLLOWING) for w in plain.discounts
    )
    assert all(BE.is_business_day(d.date) for d in moved.dues)
    assert terms.due_date(start, calendar=BE) == max(d.date for d in moved.dues)


# -- reprs for a notebook: the wording, or the constructor call ------------------------


def test_repr_is_the_wording_when_it_reads_back() -> None:
    assert repr(PaymentTerms.parse("2/10 net 60")) == "PaymentTerms.parse('2/10 net 60')"
    assert repr(PaymentTerms.net(30)) == "PaymentTerms.parse('net 30')"
    assert str(PaymentTerms.parse("2/10 net 60")) == "2% discount within 10 days, net 60 days"
    prox = PaymentTerms.prox(20, cutoff=12)  # no word form: the constructor call
    assert repr(prox) == (
        "PaymentTerms(installments=(Installment.balance('<12: -CM+1M+D20 ? -CM+2M+D20>'),))"
    )
    assert len(repr(PaymentTerms.parse("2/10 net 60"))) < 40


@settings(max_examples=examples(200), deadline=None)
@given(
    terms=st.one_of(payment_terms(), payment_terms(forward=False, extras=True, fixed_tiers=True))
)
def test_repr_reads_back_to_the_same_terms(terms: PaymentTerms) -> None:
    import datetime
    import decimal

    import payterms
    import payterms.terms

    names = {name: getattr(payterms, name) for name in payterms.__all__}
    names.update((name, getattr(payterms.terms, name)) for name in payterms.terms.__all__)
    names["Decimal"] = decimal.Decimal
    names["datetime"] = datetime
    assert eval(repr(terms), names) == terms  # noqa: S307 - our own repr, in a test
    assert payterms.PaymentTerms.parse(str(terms), lang="en") == terms


def test_schedule_to_frame_and_html() -> None:
    sched = PaymentTerms.parse("2/10 net 30").schedule(date(2026, 1, 15), "100.00")
    assert sched.terms == PaymentTerms.parse("2/10 net 30")
    table = sched.to_frame()
    assert list(table.columns) == ["kind", "date", "amount", "percent"]
    assert list(table["amount"]) == [Decimal("98.00"), Decimal("100.00")]
    assert "<table" in sched._repr_html_()  # type: ignore[operator]


# --------------------------------------------------------------------------- ERP parity (#15)
# Each configuration below is one a peer's own tests or documentation use; every row names
# the source and reproduces its dates and amounts to the cent.


def test_instalment_discount_window_after_its_due_date_oca() -> None:
    # Source: OCA/account-payment account_cash_discount_payment/tests/
    # test_account_cash_discount_payment.py, test_invoice_payment_discount (Odoo 16 per-line
    # discount): one balance line due at 0 days with 25 % if paid within 5 days; a 2,000
    # bill: discount 500, paid with the discount 1,500.
    terms = PaymentTerms(installments=(balance("0D").with_discount(D(25), "5D"),))
    sched = terms.schedule(date(2024, 3, 1), D("2000"))
    [due] = sched.dues
    assert due.date == date(2024, 3, 1)
    [window] = due.discounts
    assert (window.last_day, window.percent) == (date(2024, 3, 6), D(25))
    assert (window.discount, window.payable) == (D("500.00"), D("1500.00"))
    assert sched.discounts == ()  # the discount belongs to the instalment
    assert sched.amount_payable_on(date(2024, 3, 6)) == D("1500.00")
    assert sched.amount_payable_on(date(2024, 3, 7)) == D("2000.00")


@pytest.mark.parametrize(
    ("tax_base", "payable"),
    [
        # Source: Odoo 16.0 addons/account/tests/test_payment_term.py,
        # test_payment_term_compute_method ("turlututu"): 10 % at 2 days (10 % within 1 day),
        # 20 % at 4 days (20 % within 3 days), 20 % at 6 days, the balance at 8 days (20 %
        # within 7 days), on 1,000 + 150 tax: 115 / 230 / 230 / 575; with the discount,
        # included 103.5 / 184 / - / 460, excluded 105 / 190 / - / 475.
        pytest.param(TaxBase.INCLUDED, ["103.50", "184.00", None, "460.00"], id="included"),
        pytest.param(TaxBase.EXCLUDED, ["105.00", "190.00", None, "475.00"], id="excluded"),
    ],
)
def test_instalment_discounts_odoo16(tax_base: TaxBase, payable: list[str | None]) -> None:
    terms = PaymentTerms(
        installments=(
            pct(D(10), "2D").with_discount(D(10), "1D"),
            pct(D(20), "4D").with_discount(D(20), "3D"),
            pct(D(20), "6D"),
            balance("8D").with_discount(D(20), "7D"),
        ),
        tax_base=tax_base,
    )
    sched = terms.schedule(date(2016, 1, 1), D("1150"), tax=D("150"))
    assert [str(d.amount) for d in sched.dues] == ["115.00", "230.00", "230.00", "575.00"]
    assert [str(d.discounts[0].payable) if d.discounts else None for d in sched.dues] == payable
    assert [d.discounts[0].last_day.day for d in sched.dues if d.discounts] == [2, 4, 8]


def test_instalment_discounts_odoo16_rule() -> None:
    # Source: reference/peers.md §1b, Odoo 16 account_payment_term.py: each line carries its
    # own discount_percentage / discount_days; included: line × (1 - d); excluded: line -
    # untaxed part of the line × d. 1,210 (1,000 + 210 tax) as 50 % at 30 days with 2 % in
    # 10 days, the balance at 60 days with 1 % in 40 days.
    terms = PaymentTerms(
        installments=(
            pct(D(50), "30D").with_discount(D(2), "10D"),
            balance("60D").with_discount(D(1), "40D"),
        )
    )
    sched = terms.schedule(date(2023, 1, 1), D("1210.00"))
    first, second = sched.dues
    assert (first.amount, first.discounts[0].payable) == (D("605.00"), D("592.90"))
    assert first.discounts[0].last_day == date(2023, 1, 11)
    assert (second.amount, second.discounts[0].payable) == (D("605.00"), D("598.95"))
    # excluded: 2 % and 1 % of each line's untaxed part (500.00)
    excluded = attrs.evolve(terms, tax_base=TaxBase.EXCLUDED)
    sched = excluded.schedule(date(2023, 1, 1), D("1210.00"), tax=D("210.00"))
    assert [d.discounts[0].discount for d in sched.dues] == [D("10.00"), D("5.00")]
    # paid in full on 11 Jan: both instalments at their discount; on 12 Jan the second only
    assert sched.amount_payable_on(date(2023, 1, 11)) == D("1195.00")
    assert sched.amount_payable_on(date(2023, 1, 12)) == D("1205.00")
    assert sched.amount_payable_on(date(2023, 2, 10)) == D("1205.00")
    assert sched.amount_payable_on(date(2023, 2, 11)) == D("1210.00")


def test_fixed_amount_discount_erpnext() -> None:
    # Source: frappe/erpnext erpnext/accounts/doctype/payment_entry/test_payment_entry.py,
    # test_payment_entry_against_payment_terms_with_discount_amount and ..._with_discount:
    # a 200 invoice with 18 % tax (236), one 100 % row due 2 days after the invoice date,
    # discount valid 1 day after it: "Amount" 50 -> 186 paid; "Percentage" 10 -> 212.40;
    # paid 2 days after the invoice date, no discount: 236.
    start = date(2024, 5, 2)
    amount_term = PaymentTerms.net(2).with_discount(None, "1D", amount=D(50))
    sched = amount_term.schedule(start, D("236"))
    [window] = sched.discounts
    assert (window.percent, window.discount, window.payable) == (None, D("50.00"), D("186.00"))
    assert sched.amount_payable_on(start) == D("186.00")
    assert sched.amount_payable_on(start + timedelta(days=2)) == D("236.00")
    percent_term = PaymentTerms.net(2).with_discount(D(10), "1D")
    assert percent_term.schedule(start, D("236")).amount_payable_on(start) == D("212.40")
    # ERPNext keeps the discount on the schedule row: the same as an instalment discount
    row = PaymentTerms(installments=(balance("2D").with_discount(None, "1D", amount=D(50)),))
    [due] = row.schedule(start, D("236")).dues
    assert (due.amount_payable_on(start), due.discounts[0].last_day) == (
        D("186.00"),
        date(2024, 5, 3),
    )


def test_fixed_discount_larger_than_the_amount_is_refused() -> None:
    terms = PaymentTerms.net(30).with_discount(None, "10D", amount=D(250))
    with pytest.raises(InvalidTerms, match="amount=Decimal\\('250'\\)") as info:
        terms.schedule(date(2026, 1, 1), D("236"))
    assert "at most the amount it is taken on (236.00)" in str(info.value)
    line = balance("30D").with_discount(None, "10D", amount=D(300))
    with pytest.raises(InvalidTerms, match="300"):
        PaymentTerms(installments=(line,)).schedule(date(2026, 1, 1), D("236"))
    with pytest.raises(InvalidTerms, match="either a percentage or a fixed amount"):
        DiscountTier(D(2), "10D", amount=D(5))
    with pytest.raises(InvalidTerms, match="either a percentage or a fixed amount"):
        DiscountTier(None, "10D")
    with pytest.raises(InvalidTerms, match="above 0"):
        DiscountTier.fixed(D(0), "10D")
    yen = PaymentTerms.net(30).with_discount(None, "10D", amount=D("0.5"))
    with pytest.raises(InvalidTerms, match="whole minor units"):
        yen.schedule(date(2026, 1, 1), D(1000), currency="JPY")


@pytest.mark.parametrize(
    ("price", "total", "payable"),
    [
        # Source: odoo/odoo addons/account/tests/test_early_payment_discount.py,
        # test_register_discounted_payment_on_single_invoice_with_fixed_tax_1 and _2: 10 %
        # within 10 days, tax included, a 15 % tax and a fixed tax of 0.05 that the discount
        # leaves alone: 1,500 -> 1,725.05, paid 1,552.55; 50 -> 57.55, paid 51.80.
        pytest.param("1500", "1725.05", "1552.55", id="odoo-fixed-tax-1500"),
        pytest.param("50", "57.55", "51.80", id="odoo-fixed-tax-50"),
    ],
)
def test_undiscounted_part_fixed_tax_line(price: str, total: str, payable: str) -> None:
    terms = PaymentTerms.on_receipt().with_discount(D(10), "10D")
    sched = terms.schedule(date(2019, 1, 1), D(total), undiscounted=D("0.05"))
    assert sched.amount_payable_on(date(2017, 1, 1)) == D(payable)
    # the same from the amount excluding tax and the 15 % rate
    computed = terms.schedule(
        date(2019, 1, 1), untaxed=D(price), tax_percent=D(15), undiscounted=D("0.05")
    )
    assert computed.amount == D(total)
    assert computed.discounts[0].payable == D(payable)


def test_mixed_tax_computed_on_the_discounted_base_odoo() -> None:
    # Source: odoo/odoo addons/account/tests/test_early_payment_discount.py,
    # test_fixed_tax_amount_discounted_payment_mixed: 1,000 with a 15 % tax and a fixed tax
    # of 0.05, 10 % within 10 days, mixed: the 15 % tax is computed on 900 (150 - 15 =
    # 135), total 1,135.05, discount 100.
    terms = attrs.evolve(
        PaymentTerms.on_receipt().with_discount(D(10), "10D"), tax_base=TaxBase.MIXED
    )
    sched = terms.schedule(
        date(2019, 1, 1), untaxed=D("1000"), tax_percent=D(15), undiscounted=D("0.05")
    )
    assert (sched.amount, sched.tax) == (D("1135.05"), D("135.00"))
    assert (sched.discounts[0].discount, sched.discounts[0].payable) == (D("100.00"), D("1035.05"))
    # the same invoice given with its tax as an answer
    given = terms.schedule(date(2019, 1, 1), D("1135.05"), tax=D("135"), undiscounted=D("0.05"))
    assert given.discounts == sched.discounts
    # Source: reference/peers.md §1c (Odoo "Always (upon invoice)", BE): 100 + 21 % of 98
    # = 120.58, the early payer pays 118.58.
    be = attrs.evolve(PaymentTerms.net(30).with_discount(D(2), "10D"), tax_base=TaxBase.MIXED)
    belgian = be.schedule(date(2026, 1, 1), untaxed=D(100), tax_percent=D(21))
    assert (belgian.amount, belgian.tax, belgian.discounts[0].payable) == (
        D("120.58"),
        D("20.58"),
        D("118.58"),
    )


def test_discount_base_included_and_excluded_acsone() -> None:
    # Source: OCA/account-payment account_cash_discount_payment/tests/
    # test_account_cash_discount_payment.py, test_invoice_with_discount_1 and _2: 1,500 with
    # 20 % tax = 1,800; 2 %: on the total 36 -> 1,764; on the untaxed amount 30 -> 1,770.
    terms = PaymentTerms.net(30).with_discount(D(2), "7D")
    start = date(2024, 1, 1)
    total = terms.schedule(start, untaxed=D(1500), tax_percent=D(20))
    assert (total.amount, total.tax, total.discounts[0].payable) == (
        D("1800.00"),
        D("300.00"),
        D("1764.00"),
    )
    untaxed = attrs.evolve(terms, tax_base=TaxBase.EXCLUDED).schedule(
        start, untaxed=D(1500), tax_percent=D(20)
    )
    assert (untaxed.discounts[0].discount, untaxed.discounts[0].payable) == (
        D("30.00"),
        D("1770.00"),
    )


def test_untaxed_and_undiscounted_bad_input() -> None:
    terms = PaymentTerms.net(30).with_discount(D(2), "10D")
    start = date(2026, 1, 1)
    with pytest.raises(InvalidArgument, match="tax_percent="):
        terms.schedule(start, D(100), tax_percent=D(21))
    with pytest.raises(InvalidArgument, match="tax_percent=None"):
        terms.schedule(start, untaxed=D(100))
    with pytest.raises(InvalidArgument, match="amount=Decimal\\('121'\\)"):
        terms.schedule(start, D(121), untaxed=D(100), tax_percent=D(21))
    with pytest.raises(InvalidArgument, match="tax_percent=Decimal\\('-1'\\)"):
        terms.schedule(start, untaxed=D(100), tax_percent=D(-1))
    with pytest.raises(InvalidArgument, match="amount=None"):
        terms.schedule(start)
    with pytest.raises(InvalidArgument, match=r"undiscounted=Decimal\('150.00'\)"):
        terms.schedule(start, D(100), undiscounted=D(150))
    with pytest.raises(InvalidArgument, match=r"undiscounted=Decimal\('-1.00'\)"):
        terms.schedule(start, D(100), undiscounted=D(-1))
    with pytest.raises(InvalidType):
        terms.schedule(start, D(100), undiscounted=0.5)  # type: ignore[arg-type]


def test_zero_amount_line_keeps_its_date() -> None:
    # Source: odoo-dev/odoo@3b32492d addons/account/tests/test_payment_term.py,
    # test_payment_term_residual_amount_on_last_line_with_fixed_amount_multi_currency:
    # 50 % / 50 % / a last line of 0.00 on 0.04 give 0.02, 0.02 and a 0.00 line, all on
    # 2016-01-01; OCA account_payment_term_extension (sequential lines) dates a zero line
    # all the same, as a marker the next line counts from.
    terms = PaymentTerms(
        installments=(pct(D(50), "0D"), balance("0D"), fixed(D(0), "0D")),
    )
    sched = terms.schedule(date(2016, 1, 1), D("0.04"))
    assert [(d.date, d.amount) for d in sched.dues] == [
        (date(2016, 1, 1), D("0.02")),
        (date(2016, 1, 1), D("0.02")),
        (date(2016, 1, 1), D("0.00")),
    ]
    marker = PaymentTerms(installments=(fixed(D(0), "10D"), pct(D(0), "20D"), balance("30D")))
    sched = marker.schedule(date(2026, 1, 1), D("100"))
    assert [(d.date, d.amount) for d in sched.dues] == [
        (date(2026, 1, 11), D("0.00")),
        (date(2026, 1, 21), D("0.00")),
        (date(2026, 1, 31), D("100.00")),
    ]


TRYTON_TERM = PaymentTerms(
    installments=(
        pct(D(25), "30D", of=PercentOf.REMAINDER),
        pct(D(25), "1M"),
        fixed(D("396.84"), "1M+30D"),
        balance("2M-CM+D15+30D"),
    )
)


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        # Source: tryton/tryton modules/account_invoice/tests/test_module.py@19667f95,
        # test_payment_term: 25 % of the remainder at 30 days, 25 % of the total at 1 month,
        # 396.84 at 1 month + 30 days, the remainder at {months 2, day 15, days 30}; 1,587.35
        # from 2011-10-01.
        pytest.param(
            "1587.35",
            [("2011-10-31", "396.84"), ("2011-11-01", "396.84"), ("2011-12-01", "396.84"),
             ("2012-01-14", "396.83")],
            id="tryton-1587.35",
        ),
        # Source: same file, test_negative_amount: the same lines (fixed 4.0) on -10.00.
        pytest.param(
            "-10.00",
            [("2011-10-31", "-2.50"), ("2011-11-01", "-2.50"), ("2011-12-01", "-4.00"),
             ("2012-01-14", "-1.00")],
            id="tryton-negative",
        ),
    ],
)  # fmt: skip
def test_percent_of_the_remainder_tryton(amount: str, expected: list[tuple[str, str]]) -> None:
    terms = TRYTON_TERM
    if amount.startswith("-"):
        lines = list(terms.installments)
        lines[2] = fixed(D("4.0"), "1M+30D")
        terms = PaymentTerms(installments=tuple(lines))
    sched = terms.schedule(date(2011, 10, 1), D(amount))
    assert [(d.date.isoformat(), str(d.amount)) for d in sched.dues] == expected


def test_percent_of_the_remainder_takes_what_the_lines_before_left() -> None:
    # Source: tryton/tryton modules/account_invoice/doc/design.rst: "percent" is a
    # percentage of the remainder, "percent_on_total" of the total. 50 % then 50 % of the
    # remainder of 1,000: 500 then 250, the balance 250.
    terms = PaymentTerms(
        installments=(
            pct(D(50), "10D", of=PercentOf.REMAINDER),
            pct(D(50), "20D", of=PercentOf.REMAINDER),
            balance("30D"),
        )
    )
    assert amounts_of(terms, "1000") == ["500.00", "250.00", "250.00"]
    # a balance line before them is not part of what they see; a fixed line is
    first = PaymentTerms(
        installments=(
            balance("0D"),
            fixed(D(100), "5D"),
            pct(D(10), "30D", of=PercentOf.REMAINDER),
        )
    )
    assert amounts_of(first, "1000") == ["810.00", "100.00", "90.00"]
    with pytest.raises(InvalidTerms, match="percentage of the remainder"):
        PaymentTerms(installments=(pct(D(50), "0D", of=PercentOf.REMAINDER), pct(D(50), "0D")))


# -- properties of the new line kinds and discounts


@st.composite
def parity_inputs(draw: st.DrawFn) -> tuple[PaymentTerms, date, Decimal, str]:
    currency = draw(st.sampled_from(sorted(MINOR_UNITS)))
    places = MINOR_UNITS[currency]
    amount = draw(
        st.decimals(min_value=0, max_value=10**9, places=places, allow_nan=False)
        | st.integers(0, 20).map(lambda n: Decimal(n).scaleb(-places))
    )
    terms = draw(payment_terms(fixed=False, extras=True))
    return terms, draw(invoice_dates()), amount, currency


@settings(max_examples=examples(300), deadline=None)
@given(parity_inputs(), st.integers(-5, 90))
def test_schedules_add_up_and_discounts_never_raise_the_amount(
    inputs: tuple[PaymentTerms, date, Decimal, str], offset: int
) -> None:
    terms, start, amount, currency = inputs
    sched = terms.schedule(start, amount, currency=currency, tax=amount / 5)
    shares = [d.amount for d in sched.dues]
    assert sum(shares) == amount
    assert all(s >= 0 for s in shares)
    assert len(shares) == len(terms.installments)  # zero lines keep their place and date
    for due in sched.dues:
        for window in due.discounts:
            assert window.payable + window.discount == due.amount
            assert 0 <= window.discount <= due.amount
    for window in sched.discounts:
        assert window.payable + window.discount == amount
        assert 0 <= window.discount <= amount
    # windows may end after the final due date; paying then never costs more than the amount
    day = sched.final_due + timedelta(days=offset)
    payable = sched.amount_payable_on(day)
    assert 0 <= payable <= amount
    last = max(
        [w.last_day for w in sched.discounts]
        + [w.last_day for d in sched.dues for w in d.discounts]
        + [sched.final_due]
    )
    assert sched.amount_payable_on(last + timedelta(days=1)) == amount


@settings(max_examples=examples(150), deadline=None)
@given(payment_terms(fixed=False, extras=True, fixed_tiers=True), st.integers(10**5, 10**9))
def test_fixed_discounts_within_large_amounts(terms: PaymentTerms, units: int) -> None:
    amount = Decimal(units) / 100
    sched = terms.schedule(date(2026, 1, 15), amount, tax=amount / 5)
    assert sum(d.amount for d in sched.dues) == amount
    for window in (*sched.discounts, *(w for d in sched.dues for w in d.discounts)):
        if window.percent is None:
            assert window.discount <= 5
    for day in (date(2026, 1, 15), sched.final_due, sched.final_due + timedelta(days=40)):
        assert 0 <= sched.amount_payable_on(day) <= amount


@settings(max_examples=examples(100), deadline=None)
@given(payment_terms(fixed=False, extras=True), st.decimals("-1000000", "-0.01", places=2))
def test_credit_notes_mirror_invoices_with_discounts(terms: PaymentTerms, amount: Decimal) -> None:
    start = date(2026, 1, 15)
    credit = terms.schedule(start, amount, tax=amount / 5)
    invoice = terms.schedule(start, -amount, tax=-amount / 5)
    assert [d.amount for d in credit.dues] == [-d.amount for d in invoice.dues]
    assert [w.payable for d in credit.dues for w in d.discounts] == [
        -w.payable for d in invoice.dues for w in d.discounts
    ]
    day = invoice.final_due
    assert credit.amount_payable_on(day) == -invoice.amount_payable_on(day)


@settings(max_examples=examples(100), deadline=None)
@given(
    st.decimals("0", "1000000", places=2),
    st.decimals("0", "30", places=1),
    st.decimals("0.1", "10", places=1),
)
@example(untaxed=Decimal("49843.89"), rate=Decimal("10.0"), percent=Decimal("0.1"))  # half-up
def test_mixed_tax_is_the_rate_on_the_discounted_base(
    untaxed: Decimal, rate: Decimal, percent: Decimal
) -> None:
    terms = attrs.evolve(PaymentTerms.net(30).with_discount(percent, "10D"), tax_base=TaxBase.MIXED)
    sched = terms.schedule(date(2026, 1, 1), untaxed=untaxed, tax_percent=rate)
    cent = Decimal("0.01")
    discount = (untaxed * percent / 100).quantize(cent, rounding=ROUND_HALF_UP)
    assert sched.tax == ((untaxed - discount) * rate / 100).quantize(cent, rounding=ROUND_HALF_UP)
    assert sched.amount == untaxed + sched.tax
    assert sched.discounts[0].payable == sched.amount - discount


def test_negative_offset_never_places_a_due_date_before_the_start() -> None:
    # Source: Odoo 16.0 addons/account/tests/test_payment_term.py, "Next 10th of the month"
    # (days -10, end of month, days after 10): 2022-01-15 -> 2022-02-10; and 10 days before the
    # end of the month from 2026-01-15 -> 2026-01-21.
    next_10th = PaymentTerms(installments=(balance("-10D+CM+10D"),))
    assert next_10th.due_date(date(2022, 1, 15)) == date(2022, 2, 10)
    before = PaymentTerms(installments=(balance("CM-10D"),))
    assert before.due_date(date(2026, 1, 15)) == date(2026, 1, 21)
    # from 25 January, 10 days before the end of the month is 21 January: refused, naming both
    with pytest.raises(InvalidTerms, match="rule='CM-10D'") as info:
        before.schedule(date(2026, 1, 25), D(100))
    assert "on or after the start 2026-01-25 (it gives 2026-01-21)" in str(info.value)
    with pytest.raises(InvalidTerms, match="rule='CM-10D'"):
        before.due_date(date(2026, 1, 25))
    # a discount tier is held to the same rule
    late = PaymentTerms.net(30).with_discount(D(2), "-1D")
    with pytest.raises(InvalidTerms, match="rule='-1D'"):
        late.schedule(date(2026, 1, 25), D(100))
    with pytest.raises(InvalidTerms, match="days=-1"):
        PaymentTerms.net(-1)


# -- term holidays (#15)


@pytest.mark.parametrize(
    ("weeks", "start", "holiday", "postponed", "expected"),
    [
        # Source: OCA/account-payment account_payment_term_extension/tests/
        # test_payment_term.py: 2 weeks from 2015-03-02 fall on the holiday 2015-03-16,
        # postponed to 2015-03-17 (test_postpone_holiday); a holiday on 2015-03-17 leaves the
        # 2015-03-16 due date alone (test_no_postpone_holiday).
        pytest.param(2, date(2015, 3, 2), date(2015, 3, 16), date(2015, 3, 17),
                     date(2015, 3, 17), id="oca-postpone"),
        pytest.param(2, date(2015, 3, 2), date(2015, 3, 17), date(2015, 3, 18),
                     date(2015, 3, 16), id="oca-no-postpone"),
        # Source: OCA account_payment_term_partner_holiday/tests/test_partner_holiday.py,
        # test_invoice_payment_term_custom_partner_2: "Immediate (with holidays)", 2021-06-14
        # postponed to 2021-07-08: invoiced 2021-06-12 -> 06-12; 2021-06-14 -> 07-08.
        pytest.param(0, date(2021, 6, 12), date(2021, 6, 14), date(2021, 7, 8),
                     date(2021, 6, 12), id="oca-immediate-other-day"),
        pytest.param(0, date(2021, 6, 14), date(2021, 6, 14), date(2021, 7, 8),
                     date(2021, 7, 8), id="oca-immediate-on-the-holiday"),
    ],
)  # fmt: skip
def test_term_holiday_moves_one_exact_date(
    weeks: int, start: date, holiday: date, postponed: date, expected: date
) -> None:
    terms = PaymentTerms(
        installments=(balance(f"{weeks}W"),), holidays=(TermHoliday(holiday, postponed),)
    )
    assert terms.due_date(start) == expected
    assert terms.schedule(start, D(10)).dues[0].date == expected
    # the neighbouring days stay where they are
    for other in (start - timedelta(days=1), start + timedelta(days=1)):
        plain = PaymentTerms(installments=(balance(f"{weeks}W"),)).due_date(other)
        assert terms.due_date(other) == (postponed if plain == holiday else plain)


def test_term_holidays_move_instalments_not_discounts_and_adjust_after() -> None:
    holiday = TermHoliday(date(2026, 12, 25), date(2027, 1, 4))
    terms = PaymentTerms(
        installments=(pct(D(50), "0D"), balance("10D")),
        discounts=(DiscountTier(D(2), "0D"),),
        holidays=(holiday,),
    )
    sched = terms.schedule(date(2026, 12, 14), D(100))
    assert [d.date for d in sched.dues] == [date(2026, 12, 14), date(2026, 12, 24)]
    sched = terms.schedule(date(2026, 12, 15), D(100))
    assert [d.date for d in sched.dues] == [date(2026, 12, 15), date(2027, 1, 4)]
    sched = terms.schedule(date(2026, 12, 25), D(100))
    assert [d.date for d in sched.dues] == [date(2027, 1, 4), date(2027, 1, 4)]
    assert sched.discounts[0].last_day == date(2026, 12, 25)  # a discount date does not move
    # the postponed date is then adjusted like any due date (4 January 2027 is a Monday)
    saturday = PaymentTerms(
        installments=(balance("0D"),),
        holidays=(TermHoliday(date(2026, 12, 25), date(2027, 1, 2)),),
    )
    assert saturday.due_date(
        date(2026, 12, 25), calendar=BusinessCalendar.WEEKENDS, adjustment=Adjustment.FOLLOWING
    ) == date(2027, 1, 4)


def test_term_holiday_bad_input() -> None:
    # Source: OCA account_payment_term_extension test_check_holiday: a holiday postponed to
    # the same day or earlier, a holiday twice, or a date both holiday and postponed date.
    with pytest.raises(InvalidTerms, match=r"postponed=datetime.date\(2015, 6, 1\)"):
        TermHoliday(date(2015, 6, 1), date(2015, 6, 1))
    with pytest.raises(InvalidTerms, match="into the future"):
        TermHoliday(date(2015, 6, 2), date(2015, 6, 1))
    with pytest.raises(InvalidTerms, match="each holiday date once"):
        PaymentTerms(
            installments=(balance("0D"),),
            holidays=(
                TermHoliday(date(2015, 6, 3), date(2015, 6, 4)),
                TermHoliday(date(2015, 6, 3), date(2015, 6, 5)),
            ),
        )
    with pytest.raises(InvalidTerms, match=r"holidays=datetime.date\(2015, 6, 7\)"):
        PaymentTerms(
            installments=(balance("0D"),),
            holidays=(
                TermHoliday(date(2015, 6, 6), date(2015, 6, 7)),
                TermHoliday(date(2015, 6, 7), date(2015, 6, 8)),
            ),
        )
    with pytest.raises(InvalidType):
        TermHoliday("2015-06-01", date(2015, 6, 2))  # type: ignore[arg-type]
    with pytest.raises(InvalidType):
        PaymentTerms(installments=(balance("0D"),), holidays=("2015-06-01",))  # type: ignore[arg-type]


def test_mixed_tax_with_instalment_discounts() -> None:
    # MIXED (reference/peers.md §1c, BE): the tax is computed on the amount excluding tax less
    # the discount the early payer can take, here each instalment's own (Odoo 16 per-line
    # discounts): 1,000 excluding tax in halves, 2 % on the first, 1 % on the second: 10 + 5
    # off, tax 21 % of 985 = 206.85; paid early on every instalment: 1,206.85 - 15 = 1,191.85.
    terms = PaymentTerms(
        installments=(
            pct(D(50), "30D").with_discount(D(2), "10D"),
            balance("60D").with_discount(D(1), "20D"),
        ),
        tax_base=TaxBase.MIXED,
    )
    sched = terms.schedule(date(2026, 1, 1), untaxed=D(1000), tax_percent=D(21))
    assert (sched.amount, sched.tax) == (D("1206.85"), D("206.85"))
    assert [w.discount for d in sched.dues for w in d.discounts] == [D("10.00"), D("5.00")]
    assert sched.amount_payable_on(date(2026, 1, 11)) == D("1191.85")

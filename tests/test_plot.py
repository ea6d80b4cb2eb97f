"""Tests for payterms.plot: what is drawn is the result's data, and matplotlib stays optional."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # headless, before pyplot is imported

import matplotlib.pyplot as plt
import numpy as np
import pytest
from hypothesis import given, settings
from matplotlib.dates import date2num
from matplotlib.figure import Figure
from tests.strategies import late_claims, payment_terms, receivables_invoices

import payterms
from payterms.calendars import BusinessCalendar
from payterms.errors import InvalidArgument, InvalidType, MissingExtra
from payterms.interest import Payment, late_interest
from payterms.plot import plot_aging, plot_interest, plot_schedule, plot_send_dates
from payterms.receivables import AgeFrom, Invoice, aging
from payterms.runs import Payer, PaymentRun
from payterms.terms import Installment, PaymentTerms
from payterms.timing import SendDateTable, send_date_table
from strategies import examples

D = Decimal


@pytest.fixture(autouse=True)
def _close_figures() -> Iterator[None]:
    yield
    plt.close("all")


def _axes() -> object:
    """Return the axes of a figure that pyplot does not track (nothing to close)."""
    return Figure().subplots()


# --------------------------------------------------------------------------- send dates

# The month-end cliff of reference/finance.md §4.3 (user_demand.md §A19), as in
# tests/test_timing.py: "30 days end of month", runs on the 25th, 5 business days of
# approval in Belgium. The last send day for each cash date is the month's last day;
# sending on 1 February instead of 31 January moves the cash from 25 March to 27 April.
MONTH_END_CLIFF = Payer(
    runs=PaymentRun.monthly(25), calendar=BusinessCalendar.country("BE"), approval_days=5
)
CLIFF_DAYS = [date(2026, 1, 31), date(2026, 2, 28), date(2026, 3, 31), date(2026, 4, 30)]


def _cliff_table() -> SendDateTable:
    return send_date_table(
        PaymentTerms.end_of_month(30),
        MONTH_END_CLIFF,
        start=date(2026, 1, 1),
        end=date(2026, 4, 30),
    )


def test_send_dates_line_is_the_days_to_cash_of_each_send_day() -> None:
    table = _cliff_table()
    ax = plot_send_dates(table)
    (line,) = ax.get_lines()[:1]
    assert list(line.get_xdata()) == [row.sent for row in table.rows]
    assert [int(y) for y in line.get_ydata()] == [row.days_to_cash for row in table.rows]
    assert len(line.get_xdata()) == 120


def test_send_dates_marks_each_cliff_at_its_last_send_day() -> None:
    table = _cliff_table()
    assert [c.last_send for c in table.cliffs] == CLIFF_DAYS
    ax = plot_send_dates(table)
    days = {row.sent: row.days_to_cash for row in table.rows}
    (dots,) = ax.collections
    assert [tuple(map(float, xy)) for xy in dots.get_offsets()] == [
        (float(date2num(day)), float(days[day])) for day in CLIFF_DAYS
    ]
    verticals = [line for line in ax.get_lines() if line.get_linestyle() == "--"]
    assert [line.get_xdata()[0] for line in verticals] == CLIFF_DAYS
    labels = [text.get_text().splitlines() for text in ax.texts]
    assert labels[0] == ["cash 2026-03-25", "+33 days if later"]
    assert [label[0] for label in labels] == [
        f"cash {cliff.cash.isoformat()}" for cliff in table.cliffs
    ]
    assert [text.xy for text in ax.texts] == [(day, days[day]) for day in CLIFF_DAYS]


def test_send_dates_axis_labels_and_range() -> None:
    ax = plot_send_dates(_cliff_table())
    assert ax.get_xlabel() == "send day"
    assert ax.get_ylabel() == "days from sending to cash"
    assert ax.get_title() == "Days to cash by send day"
    low, high = ax.get_xlim()
    assert (low, high) == (date2num(date(2025, 12, 31)), date2num(date(2026, 5, 1)))


def test_send_dates_without_a_cliff_draws_no_marker() -> None:
    # net 30 sent 20-21 January with runs on the 25th: due 19-20 February, paid 25 February
    table = send_date_table(
        PaymentTerms.net(30),
        Payer(runs=PaymentRun.monthly(25)),
        start=date(2026, 1, 20),
        end=date(2026, 1, 21),
    )
    assert table.cliffs == ()
    ax = plot_send_dates(table)
    assert len(ax.get_lines()) == 1
    assert list(ax.texts) == []
    assert list(ax.collections) == []
    assert [int(y) for y in ax.get_lines()[0].get_ydata()] == [36, 35]


def test_send_dates_draws_on_the_given_axes() -> None:
    ax = _axes()
    before = plt.get_fignums()
    assert plot_send_dates(_cliff_table(), ax=ax) is ax  # type: ignore[arg-type]
    assert plt.get_fignums() == before


def test_send_dates_refuses_what_is_not_a_table() -> None:
    with pytest.raises(InvalidType, match=r"table.*\[1, 2\].*SendDateTable"):
        plot_send_dates([1, 2])  # type: ignore[arg-type]
    with pytest.raises(InvalidArgument, match="at least one send day"):
        plot_send_dates(SendDateTable(rows=(), cliffs=()))


# --------------------------------------------------------------------------- aging

# Source: creditguru, "Average Days Delinquent (ADD)": AR 15,000 of which 4,000 current,
# laid out as invoices as in tests/test_receivables.py (an invoice not yet due, one 15 days
# and one 26 days overdue on 30 June 2026).
CREDITGURU = [
    Invoice("cur", "A", date(2026, 6, 20), date(2026, 7, 20), D("4000"), currency="USD"),
    Invoice("late", "A", date(2026, 6, 1), date(2026, 6, 15), D("6000"), currency="USD"),
    Invoice("old", "B", date(2026, 5, 5), date(2026, 6, 4), D("5000"), currency="USD"),
]


def test_aging_bars_are_the_bucket_totals() -> None:
    report = aging(CREDITGURU, as_of=date(2026, 6, 30))
    ax = plot_aging(report)
    assert len(ax.patches) == len(report.buckets.labels) == 5
    assert [float(bar.get_height()) for bar in ax.patches] == [4000.0, 11000.0, 0.0, 0.0, 0.0]
    assert [tick.get_text() for tick in ax.get_xticklabels()] == list(report.buckets.labels)
    amounts = [text.get_text() for text in ax.texts]
    assert amounts == ["4,000", "11,000", "0", "0", "0"]
    assert ax.get_title() == "Aging as of 2026-06-30 from the due date: total 15,000 USD"
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("days past the due date", "open amount (USD)")


def test_aging_by_invoice_date_and_without_currency() -> None:
    plain = [Invoice(i.id, i.customer, i.issued, i.due, i.amount) for i in CREDITGURU]
    report = aging(
        plain, as_of=date(2026, 6, 30), basis=AgeFrom.INVOICE_DATE, buckets="0-30, 31-60, 60+"
    )
    ax = plot_aging(report)
    assert [tick.get_text() for tick in ax.get_xticklabels()] == ["0-30", "31-60", "60+"]
    assert [float(bar.get_height()) for bar in ax.patches] == [10000.0, 5000.0, 0.0]
    assert ax.get_xlabel() == "days since the invoice date"
    assert ax.get_ylabel() == "open amount"
    assert ax.get_title() == "Aging as of 2026-06-30 from the invoice date: total 15,000"


@settings(max_examples=examples(25), deadline=None)
@given(invoices=receivables_invoices(max_size=12))
def test_aging_bars_match_any_report(invoices: list[Invoice]) -> None:
    report = aging(invoices, as_of=date(2026, 6, 30))
    ax = _axes()
    assert plot_aging(report, ax=ax) is ax  # type: ignore[arg-type]
    heights = [float(bar.get_height()) for bar in ax.patches]  # type: ignore[attr-defined]
    assert heights == [float(total) for total in report.totals]
    texts = [text.get_text() for text in ax.texts]  # type: ignore[attr-defined]
    assert texts == [f"{total:,}" for total in report.totals]


def test_aging_refuses_what_is_not_an_aging() -> None:
    with pytest.raises(InvalidType, match=r"aging.*\{'current': 1\}.*Aging"):
        plot_aging({"current": 1})  # type: ignore[arg-type]


# --------------------------------------------------------------------------- interest


def test_interest_line_accrues_each_period_from_the_due_date() -> None:
    # Source: frappe/erpnext#37095 (user_demand.md A4), as in tests/test_interest.py: invoice
    # due 20.06.2023, DE rate timeline 10.62 % for 10 days, then 12.12 % for 62 days.
    res = late_interest(D("1000"), due=date(2023, 6, 20), until=date(2023, 8, 31), regime="DE")
    ax = plot_interest(res)
    (line,) = ax.get_lines()
    assert list(line.get_xdata()) == [date(2023, 6, 20), date(2023, 6, 30), date(2023, 8, 31)]
    first = D("1000") * D("0.1062") * 10 / 365
    second = D("1000") * D("0.1212") * 62 / 365
    assert [float(y) for y in line.get_ydata()] == pytest.approx(
        [0.0, float(first), float(first + second)], rel=1e-12
    )
    assert [text.get_text() for text in ax.texts] == [
        "10.62 %\non 1,000.00",
        "12.12 %\non 1,000.00",
    ]
    assert ax.get_title() == f"Late interest {res.interest} EUR, compensation 40.00 EUR"
    assert res.interest == D("23.50")
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("interest day", "interest accrued (EUR)")


def test_interest_labels_show_the_base_lowered_by_a_payment() -> None:
    # The payment of 500 on 15 February lowers the base from the next day: without a regime,
    # late_interest imputes it to the interest accrued first, the rest to the principal
    # (the InterestResult example: 503.29 of principal left).
    res = late_interest(
        D("1000"),
        due=date(2026, 1, 31),
        until=date(2026, 3, 2),
        rate=D("0.08"),
        payments=(Payment(date(2026, 2, 15), 500),),
    )
    ax = plot_interest(res, ax=_axes())  # type: ignore[arg-type]
    bases = [f"on {period.base:,.2f}" for period in res.periods]
    assert [text.get_text().splitlines()[1] for text in ax.texts] == bases
    assert bases == ["on 1,000.00", "on 503.29"]
    (line,) = ax.get_lines()
    assert float(line.get_ydata()[-1]) == pytest.approx(float(res.interest_exact), rel=1e-12)


def test_interest_without_interest_days_draws_an_empty_line() -> None:
    res = late_interest(D("1000"), due=date(2026, 1, 31), until=date(2026, 1, 31), rate=D("0.08"))
    assert res.periods == ()
    ax = plot_interest(res)
    assert [len(line.get_xdata()) for line in ax.get_lines()] == [0]
    assert list(ax.texts) == []


@settings(max_examples=examples(25), deadline=None)
@given(claim=late_claims())
def test_interest_line_ends_at_the_exact_interest(claim: tuple[Decimal, date, date]) -> None:
    principal, due, until = claim
    res = late_interest(principal, due=due, until=until, rate=D("0.08"))
    ax = _axes()
    plot_interest(res, ax=ax)  # type: ignore[arg-type]
    (line,) = ax.get_lines()  # type: ignore[attr-defined]
    heights = [float(y) for y in line.get_ydata()]
    assert len(heights) == (len(res.periods) + 1 if res.periods else 0)
    if res.periods:
        assert heights[0] == 0.0
        assert heights[-1] == pytest.approx(float(res.interest_exact), rel=1e-12, abs=1e-12)
        assert heights == sorted(heights)  # interest only accrues


def test_interest_refuses_what_is_not_a_result() -> None:
    with pytest.raises(InvalidType, match=r"result.*Decimal\('1'\).*InterestResult"):
        plot_interest(D("1"))  # type: ignore[arg-type]


# --------------------------------------------------------------------------- schedule


def test_schedule_bars_are_the_instalments_and_the_line_the_discount_day() -> None:
    # Source: peers.md §7.6 (Odoo docs), as in tests/test_terms.py: 2 % within 7 days from
    # 1 Jan on 100 -> 98 "up to the 8th of January", net 30.
    sched = PaymentTerms.net(30).with_discount(D(2), "7D").schedule(date(2026, 1, 1), D("100.00"))
    ax = plot_schedule(sched)
    assert [float(bar.get_height()) for bar in ax.patches] == [100.0]
    assert [date2num(date(2026, 1, 31))] == [
        pytest.approx(bar.get_x() + bar.get_width() / 2) for bar in ax.patches
    ]
    (deadline,) = ax.get_lines()
    assert list(deadline.get_xdata()) == [date(2026, 1, 8), date(2026, 1, 8)]
    assert [text.get_text() for text in ax.texts] == ["100.00", "2 % off: 98.00 by 2026-01-08"]
    assert ax.get_title() == "Schedule of 100.00 EUR from 2026-01-01"
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("due date", "amount due (EUR)")


def test_schedule_of_instalments() -> None:
    # Source: peers.md §1c and user_demand.md B21, odoo/odoo#121505, as in tests/test_terms.py:
    # 1000 with 50 % / fixed 50 / 50 %, the last line acting as the balance -> 500 / 50 / 450.
    terms = PaymentTerms(
        installments=(
            Installment.percent(D(50), "0D"),
            Installment.fixed(D(50), "30D"),
            Installment.balance("60D"),
        )
    )
    ax = plot_schedule(terms.schedule(date(2026, 1, 15), D("1000")))
    assert [float(bar.get_height()) for bar in ax.patches] == [500.0, 50.0, 450.0]
    assert [text.get_text() for text in ax.texts] == ["500.00", "50.00", "450.00"]
    assert list(ax.get_lines()) == []


def test_schedule_fixed_and_instalment_discounts() -> None:
    # Source: frappe/erpnext payment_entry/test_payment_entry.py,
    # test_payment_entry_against_payment_terms_with_discount_amount (as in tests/test_terms.py):
    # 236 due in 2 days, an "Amount" discount of 50 valid 1 day -> 186.
    fixed = PaymentTerms.net(2).with_discount(None, "1D", amount=D(50))
    ax = plot_schedule(fixed.schedule(date(2024, 5, 2), D("236")))
    assert [text.get_text() for text in ax.texts] == ["236.00", "50.00 off: 186.00 by 2024-05-03"]
    # Source: peers.md §1b, Odoo 16 per-line discounts (as in tests/test_terms.py): 1,210 as
    # 50 % at 30 days with 2 % in 10 days and the balance at 60 days with 1 % in 40 days.
    per_line = PaymentTerms(
        installments=(
            Installment.percent(D(50), "30D").with_discount(D(2), "10D"),
            Installment.balance("60D").with_discount(D(1), "40D"),
        )
    )
    ax = plot_schedule(per_line.schedule(date(2023, 1, 1), D("1210.00")))
    assert [text.get_text() for text in ax.texts] == [
        "605.00",
        "605.00",
        "line 1, 2 % off: 592.90 by 2023-01-11",
        "line 2, 1 % off: 598.95 by 2023-02-10",
    ]
    assert [np.asarray(line.get_xdata())[0] for line in ax.get_lines()] == [
        date(2023, 1, 11),
        date(2023, 2, 10),
    ]


@settings(max_examples=examples(25), deadline=None)
@given(terms=payment_terms() | payment_terms(extras=True, fixed_tiers=True))
def test_schedule_bars_match_any_schedule(terms: PaymentTerms) -> None:
    sched = terms.schedule(date(2026, 1, 15), D("1234.56"), tax=D("205.76"))
    ax = _axes()
    assert plot_schedule(sched, ax=ax) is ax  # type: ignore[arg-type]
    heights = [float(bar.get_height()) for bar in ax.patches]  # type: ignore[attr-defined]
    assert heights == [float(due.amount) for due in sched.dues]
    windows = [*sched.discounts, *(w for due in sched.dues for w in due.discounts)]
    assert len(ax.get_lines()) == len(windows)
    labels = [text.get_text() for text in ax.texts]
    assert not any("None" in label for label in labels)
    assert len(labels) == len(sched.dues) + len(windows)


def test_schedule_refuses_what_is_not_a_schedule() -> None:
    with pytest.raises(InvalidType, match=r"schedule.*PaymentTerms.*Schedule"):
        plot_schedule(PaymentTerms.net(30))  # type: ignore[arg-type]


# --------------------------------------------------------------------------- the extra


@pytest.mark.parametrize(
    ("draw", "what"),
    [
        pytest.param(lambda: plot_send_dates(_cliff_table()), "plot_send_dates", id="send"),
        pytest.param(
            lambda: plot_aging(aging(CREDITGURU, as_of=date(2026, 6, 30))), "plot_aging", id="aging"
        ),
        pytest.param(
            lambda: plot_interest(
                late_interest(
                    D("1000"), due=date(2023, 6, 20), until=date(2023, 8, 31), regime="DE"
                )
            ),
            "plot_interest",
            id="interest",
        ),
        pytest.param(
            lambda: plot_schedule(PaymentTerms.net(30).schedule(date(2026, 1, 1), D("100"))),
            "plot_schedule",
            id="schedule",
        ),
    ],
)
def test_missing_matplotlib_names_the_plot_extra(
    monkeypatch: pytest.MonkeyPatch, draw: object, what: str
) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # `import matplotlib` now fails
    monkeypatch.setitem(sys.modules, "matplotlib.pyplot", None)
    with pytest.raises(MissingExtra, match=r"pip install payterms\[plot\]") as info:
        draw()  # type: ignore[operator]
    assert isinstance(info.value, ImportError)
    assert (info.value.extra, info.value.module, info.value.what) == ("plot", "matplotlib", what)
    assert str(info.value).startswith(f"{what} needs matplotlib: ")


def test_the_plot_module_imports_without_matplotlib() -> None:
    code = "import sys, payterms.plot; print('matplotlib' in sys.modules)"
    env = {**os.environ, "PYTHONPATH": str(Path(payterms.__file__).parent.parent)}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    ).stdout.strip()
    assert out == "False"


def test_plot_functions_are_public() -> None:
    assert payterms.plot_aging is plot_aging
    assert payterms.plot_send_dates is plot_send_dates
    assert payterms.plot_interest is plot_interest
    assert payterms.plot_schedule is plot_schedule

from __future__ import annotations

from datetime import date, timedelta

import pytest
from dateutil.relativedelta import FR, MO, relativedelta
from hypothesis import given, settings
from hypothesis import strategies as st

from payterms.calendars import BusinessCalendar
from payterms.errors import InvalidArgument, InvalidTerms, InvalidType, LimitExceeded, ParseError
from payterms.rules import (
    CutOff,
    DayOfMonth,
    DueRule,
    EndOf,
    NextWeekday,
    Period,
    Shift,
    StartOf,
    Unit,
    add_months,
    as_rule,
)
from strategies import due_rules, examples, invoice_dates

# --------------------------------------------------------------------------- published examples

DUE_DATE_EXAMPLES = [
    # Source: reference/legal.md §4, CEPC "computation des délais": "45 jours fin de mois",
    # reading (b) end of invoice month then +45 -> 17 Mar; reading (a) +45 then end of month
    # -> 31 Mar.
    pytest.param("CM+45D", date(2026, 1, 15), date(2026, 3, 17), id="cepc-45-fdm-then-days"),
    pytest.param("45D+CM", date(2026, 1, 15), date(2026, 3, 31), id="cepc-45-fdm-days-then"),
    # Source: peers.md §7.1, Odoo <=15 `after_invoice_month` 45: Jan 2019 invoice -> 2019-03-17.
    pytest.param("CM+45D", date(2019, 1, 15), date(2019, 3, 17), id="odoo15-after-invoice-month"),
    # Source: peers.md §6, SAP Community answer: "45 days EOM", invoice 2025-01-10 -> 2025-03-17.
    pytest.param("CM+45D", date(2025, 1, 10), date(2025, 3, 17), id="sap-community-45-eom"),
    # Source: peers.md §6, SAP help "day limit": on or before the 15th -> last day of next month;
    # after the 15th -> the 15th of the month after next.
    pytest.param(
        "<15: 1M+CM ? -CM+2M+D15>", date(2026, 1, 15), date(2026, 2, 28), id="sap-day-limit-le"
    ),
    pytest.param(
        "<15: 1M+CM ? -CM+2M+D15>", date(2026, 1, 16), date(2026, 3, 15), id="sap-day-limit-gt"
    ),
    # Source: finance.md §4.2, Zuora "Prox payment term examples" (invoice, cut-off, months, day).
    pytest.param(
        "<12: -CM+1M+D20 ? -CM+2M+D20>",
        date(2026, 8, 10),
        date(2026, 9, 20),
        id="zuora-aug10-c12-1-20",
    ),
    pytest.param(
        "<12: -CM+1M+D20 ? -CM+2M+D20>",
        date(2026, 8, 15),
        date(2026, 10, 20),
        id="zuora-aug15-c12-1-20",
    ),
    pytest.param(
        "<12: -CM+1M+D20 ? -CM+2M+D20>",
        date(2026, 8, 21),
        date(2026, 10, 20),
        id="zuora-aug21-c12-1-20",
    ),
    pytest.param(
        "<20: -CM+1M+D12 ? -CM+2M+D12>",
        date(2026, 8, 10),
        date(2026, 9, 12),
        id="zuora-aug10-c20-1-12",
    ),
    pytest.param(
        "<20: -CM+1M+D12 ? -CM+2M+D12>",
        date(2026, 8, 15),
        date(2026, 9, 12),
        id="zuora-aug15-c20-1-12",
    ),
    pytest.param(
        "<20: -CM+1M+D12 ? -CM+2M+D12>",
        date(2026, 8, 21),
        date(2026, 10, 12),
        id="zuora-aug21-c20-1-12",
    ),
    pytest.param(
        "<20: -CM+3M+D12 ? -CM+4M+D12>",
        date(2026, 8, 21),
        date(2026, 12, 12),
        id="zuora-aug21-c20-3-12",
    ),
    pytest.param("-CM+1M+D31", date(2026, 8, 15), date(2026, 9, 30), id="zuora-aug15-eom-1-eom"),
    pytest.param(
        "<5: -CM+1M+D30 ? -CM+2M+D30>",
        date(2026, 1, 1),
        date(2026, 2, 28),
        id="zuora-jan1-c5-1-30-clamped",
    ),
    # Source: finance.md §4.2, Zuora net terms: Aug 1 + 30 -> Aug 31; Aug 1 + 15 -> Aug 16.
    pytest.param("30D", date(2026, 8, 1), date(2026, 8, 31), id="zuora-net30"),
    pytest.param("15D", date(2026, 8, 1), date(2026, 8, 16), id="zuora-net15"),
    # Source: finance.md §4.2, QuickBooks date-driven terms (due day 15, grace 2): issued on the
    # 13th -> the 15th of next month; issued on the 12th -> the 15th of the current month.
    pytest.param(
        "<12: D15 ? -CM+1M+D15>", date(2026, 3, 13), date(2026, 4, 15), id="quickbooks-13th"
    ),
    pytest.param(
        "<12: D15 ? -CM+1M+D15>", date(2026, 3, 12), date(2026, 3, 15), id="quickbooks-12th"
    ),
    # Source: finance.md §4.2, Lago (invoice dated 2026-04-10).
    pytest.param("0D", date(2026, 4, 10), date(2026, 4, 10), id="lago-on-receipt"),
    pytest.param("30D", date(2026, 4, 10), date(2026, 5, 10), id="lago-net30"),
    pytest.param("CM", date(2026, 4, 10), date(2026, 4, 30), id="lago-end-of-month"),
    pytest.param("CM+30D", date(2026, 4, 10), date(2026, 5, 30), id="lago-30-after-eom"),
    # Source: finance.md §4.2, Dynamics GP "Next Month": the 20th of the month after the document.
    pytest.param("-CM+1M+D20", date(2026, 1, 31), date(2026, 2, 20), id="dynamics-gp-next-month"),
    # Source: peers.md §7 verified edge cases (Odoo 16 `months=1, end_month`).
    pytest.param("1M+CM", date(2022, 1, 1), date(2022, 2, 28), id="odoo16-1m-eom-jan01"),
    pytest.param("1M+CM", date(2022, 1, 15), date(2022, 2, 28), id="odoo16-1m-eom-jan15"),
    pytest.param("1M+CM", date(2022, 1, 31), date(2022, 2, 28), id="odoo16-1m-eom-jan31"),
    # Source: peers.md §7, Odoo 16: 30 days + end of month from 2022-01-31 -> 2022-03-31.
    pytest.param("30D+CM", date(2022, 1, 31), date(2022, 3, 31), id="odoo16-30d-eom"),
    # Source: peers.md §7, Odoo 17: 30 days end of month "on the 31" from 2023-12-12 -> 2024-02-29.
    pytest.param("30D+CM+1D+D31", date(2023, 12, 12), date(2024, 2, 29), id="odoo17-on-the-31"),
    # Source: peers.md §7, Odoo <=14 `day_following_month` 31 from 2019-01-01 -> 2019-02-28.
    pytest.param(
        "-CM+1M+D31", date(2019, 1, 1), date(2019, 2, 28), id="odoo14-day-following-month"
    ),
    # Source: peers.md §2a, OCA demo "60 days end of month" from 2015-01-30: 16.0 (months=2 +
    # end_month) -> 2015-03-31; 17.0 (days_after_end_of_month 60) -> 2015-04-01.
    pytest.param("2M+CM", date(2015, 1, 30), date(2015, 3, 31), id="oca16-60-days-eom"),
    pytest.param("CM+60D", date(2015, 1, 30), date(2015, 4, 1), id="oca17-60-days-eom"),
    # Source: peers.md §4, Tryton: {months 2, days 30, day 15} from 2011-10-01 -> 2012-01-14.
    pytest.param("2M-CM+D15+30D", date(2011, 10, 1), date(2012, 1, 14), id="tryton-relativedelta"),
    # Source: user_demand.md A1, ERPNext#3727: "30 days EOM" = last day of next month.
    pytest.param("1M+CM", date(2015, 1, 1), date(2015, 2, 28), id="erpnext3727-jan01"),
    pytest.param("1M+CM", date(2015, 10, 31), date(2015, 11, 30), id="erpnext3727-oct31"),
    # Source: user_demand.md A1, mecadyn.over-blog.com (2008): "45 jours fin de mois" read
    # +45 then end of month: 15 Apr -> 31 May, 17 Apr -> 30 Jun.
    pytest.param("45D+CM", date(2008, 4, 15), date(2008, 5, 31), id="mecadyn-apr15"),
    pytest.param("45D+CM", date(2008, 4, 17), date(2008, 6, 30), id="mecadyn-apr17"),
    # Source: user_demand.md A1, Sage Négoce "Fin de mois le": 60 days EOM on the 15th from
    # 17/03/03 -> 15/06/03.
    pytest.param("60D+CM+D15", date(2003, 3, 17), date(2003, 6, 15), id="sage-fdm-le-15"),
    # Source: legal.md §4, practitioner variant (finyear 2009) "end of month then the 15th of
    # month + 2": 12-01-2009 -> 15-03-2009.
    pytest.param("-CM+2M+D15", date(2009, 1, 12), date(2009, 3, 15), id="finyear-eom-15th-m2"),
    # Source: legal.md §4, the same practitioner variant (scribd sheet): "30 octobre + 45 jours
    # = 15 décembre".
    pytest.param("-CM+2M+D15", date(2026, 10, 30), date(2026, 12, 15), id="scribd-oct30-dec15"),
    # Source: peers.md §1b, Odoo 16 negative-days trick for "the next 10th": 2022-01-10 ->
    # 2022-01-10 (the invoice date itself is returned on the 10th).
    pytest.param("D10", date(2022, 1, 10), date(2022, 1, 10), id="odoo16-next-10th-same-day"),
    # Source: finance.md §4.2, NetSuite "Day Of Month Net Due": a day that does not exist in
    # the due month becomes the last day of the month.
    pytest.param("-CM+1M+D30", date(2026, 1, 20), date(2026, 2, 28), id="netsuite-day-30-feb"),
    # Source: finance.md §4.2, UN/EDIFACT 2009 time references: "end of following month",
    # "10 days after end of month", "end of quarter", "end of week".
    pytest.param("1M+CM", date(2026, 1, 20), date(2026, 2, 28), id="edifact-end-following-month"),
    pytest.param("CM+10D", date(2026, 1, 20), date(2026, 2, 10), id="edifact-10d-after-eom"),
    pytest.param("CQ", date(2026, 1, 20), date(2026, 3, 31), id="edifact-end-of-quarter"),
    pytest.param("CW", date(2026, 1, 20), date(2026, 1, 25), id="edifact-end-of-week"),
]


# Negative offsets (#15). Source: Odoo 16.0 addons/account/tests/test_payment_term.py,
# pay_term_next_10_of_the_month (months 0, days -10, end_month, days_after 10):
# 2022-01-01, 01-09 and 01-10 -> 2022-01-10; 2022-01-15 and 01-31 -> 2022-02-10.
DUE_DATE_EXAMPLES += [
    pytest.param("-10D+CM+10D", date(2022, 1, d), expected, id=f"odoo16-next-10th-{d}")
    for d, expected in (
        (1, date(2022, 1, 10)),
        (9, date(2022, 1, 10)),
        (10, date(2022, 1, 10)),
        (15, date(2022, 2, 10)),
        (31, date(2022, 2, 10)),
    )
] + [
    # Source: Odoo 17+ documentation, payment_terms.rst (a negative "After" for days before
    # the end of the month); Business Central date formulas take a sign on any term
    # (ui-enter-date-ranges.md, "-1Y"): 10 days before the end of January 2026 -> 21 Jan.
    pytest.param("CM-10D", date(2026, 1, 15), date(2026, 1, 21), id="bc-10-days-before-eom"),
    pytest.param("CM-10D", date(2026, 2, 3), date(2026, 2, 18), id="bc-10-days-before-eom-feb"),
    pytest.param("-1Y", date(2024, 2, 29), date(2023, 2, 28), id="bc-minus-one-year"),
]


@pytest.mark.parametrize(("text", "start", "expected"), DUE_DATE_EXAMPLES)
def test_published_examples(text: str, start: date, expected: date) -> None:
    assert DueRule.parse(text).apply(start) == expected


# --------------------------------------------------------------------------- user_demand.md §B

REGRESSIONS = [
    # Source: user_demand.md B1, frappe/erpnext#22201: 2020-06-11, "1 month after end of invoice
    # month" gave 2020-07-30, expected 2020-07-31 (add months first, then the month end).
    pytest.param("1M+CM", date(2020, 6, 11), date(2020, 7, 31), id="B1-erpnext22201"),
    # Source: user_demand.md B1, OCA/account-payment#919: February 2025 invoice, "1 month after
    # end of month" gave 2025-03-28, expected 2025-03-31.
    pytest.param("1M+CM", date(2025, 2, 10), date(2025, 3, 31), id="B1-oca919"),
    # Source: user_demand.md B2, odoo/odoo#166560: "end of month on the 30" for a May 2024
    # invoice is due on 30 June, not 2024-06-29.
    pytest.param("CM+1D+D30", date(2024, 5, 14), date(2024, 6, 30), id="B2-odoo166560"),
    # Source: user_demand.md B3, odoo/odoo#172609: "30 days end of month on the 0" from 22/04 kept
    # 22/05; the intent is the end of the month reached.
    pytest.param("30D+CM", date(2024, 4, 22), date(2024, 5, 31), id="B3-odoo172609-day0"),
    # Source: user_demand.md B4, Kill Bill#1494: day "31" is the last day of a short month.
    pytest.param("D31", date(2026, 4, 2), date(2026, 4, 30), id="B4-killbill-31-april"),
    pytest.param("D31", date(2024, 2, 2), date(2024, 2, 29), id="B4-31-leap-february"),
    # Source: user_demand.md B5, Dolibarr#36808: "45 J FDM le 15" from 2025-03-31: +45 -> EOM ->
    # 15th gives 2025-06-15; the merged PR's rule "first 15th on/after date + 45" gives 05-15
    # for both 03-30 and 03-31.
    pytest.param("45D+CM+D15", date(2025, 3, 31), date(2025, 6, 15), id="B5-dolibarr-eom-then-15"),
    pytest.param("45D+D15", date(2025, 3, 31), date(2025, 5, 15), id="B5-dolibarr-pr-0331"),
    pytest.param("45D+D15", date(2025, 3, 30), date(2025, 5, 15), id="B5-dolibarr-pr-0330"),
    # Source: user_demand.md B6, Dolibarr#18694: 2021-09-13 "45 days EOM": 10-31 vs 11-14.
    pytest.param("45D+CM", date(2021, 9, 13), date(2021, 10, 31), id="B6-dolibarr-days-then"),
    pytest.param("CM+45D", date(2021, 9, 13), date(2021, 11, 14), id="B6-dolibarr-then-days"),
    # Source: user_demand.md B7, odoo/odoo#10459: 2016-01-14 "30 days EOM on the 10th" gave
    # 02-10, expected 03-10.
    pytest.param("30D+CM+D10", date(2016, 1, 14), date(2016, 3, 10), id="B7-odoo10459"),
    # Source: user_demand.md B8, Tryton forum 6649: 31/10/2023 "2 months, then the 20th" where
    # the user expected 20/01/2024 (add 2 months, then the next 20th on or after).
    pytest.param("2M+D20", date(2023, 10, 31), date(2024, 1, 20), id="B8-tryton-2m-day20"),
    # Source: user_demand.md B9, frappe/erpnext#40077: 1/2/3 months after 2024-03-15 land on the
    # 15th; 30/60/90 days drift to 04-14, 05-14, 06-13.
    pytest.param("1M", date(2024, 3, 15), date(2024, 4, 15), id="B9-erpnext40077-1m"),
    pytest.param("2M", date(2024, 3, 15), date(2024, 5, 15), id="B9-erpnext40077-2m"),
    pytest.param("3M", date(2024, 3, 15), date(2024, 6, 15), id="B9-erpnext40077-3m"),
    pytest.param("30D", date(2024, 3, 15), date(2024, 4, 14), id="B9-erpnext40077-30d"),
    pytest.param("60D", date(2024, 3, 15), date(2024, 5, 14), id="B9-erpnext40077-60d"),
    pytest.param("90D", date(2024, 3, 15), date(2024, 6, 13), id="B9-erpnext40077-90d"),
    # Source: user_demand.md B10, openai/evals#899 vectors: 2028-01-31 NET30 -> 2028-03-01,
    # 2028-01-15 NET45 -> 2028-02-29.
    pytest.param("30D", date(2028, 1, 31), date(2028, 3, 1), id="B10-net30-leap"),
    pytest.param("45D", date(2028, 1, 15), date(2028, 2, 29), id="B10-net45-leap"),
    # Source: user_demand.md B12, invoiceninja#10565: the requester's "30 days end of month"
    # examples (Jan 4 -> Feb 28, Jan 31 -> Feb 28) are the end of the following month;
    # end of month + 30 days gives Mar 2.
    pytest.param("1M+CM", date(2026, 1, 4), date(2026, 2, 28), id="B12-end-of-next-month-jan4"),
    pytest.param("1M+CM", date(2026, 1, 31), date(2026, 2, 28), id="B12-end-of-next-month-jan31"),
    pytest.param("CM+30D", date(2026, 1, 4), date(2026, 3, 2), id="B12-eom-plus-30"),
]


@pytest.mark.parametrize(("text", "start", "expected"), REGRESSIONS)
def test_regressions(text: str, start: date, expected: date) -> None:
    assert DueRule.parse(text).apply(start) == expected


def test_end_of_month_then_months_loses_the_month_end() -> None:
    # Source: DESIGN.md §5 and user_demand.md B1: `CM+1M` from 28 Feb is 28 Mar, which is why
    # "end of next month" is written `1M+CM`.
    assert DueRule.parse("CM+1M").apply(date(2026, 2, 10)) == date(2026, 3, 28)
    assert DueRule.parse("1M+CM").apply(date(2026, 2, 10)) == date(2026, 3, 31)


def test_month_clamping() -> None:
    # Source: issue #3 / peers.md §7.2: 31 Jan + 1M = 28/29 Feb, 31 Jan + 2M = 31 Mar.
    assert DueRule.parse("1M").apply(date(2026, 1, 31)) == date(2026, 2, 28)
    assert DueRule.parse("1M").apply(date(2024, 1, 31)) == date(2024, 2, 29)
    assert DueRule.parse("2M").apply(date(2026, 1, 31)) == date(2026, 3, 31)
    assert DueRule.parse("1Y").apply(date(2024, 2, 29)) == date(2025, 2, 28)


def test_consecutive_months_never_drift() -> None:
    # 15 Mar + 1M + 1M = 15 May; 31 Jan + 1M + 1M = 31 Mar (added as 2M, not via 28 Feb).
    assert DueRule.parse("1M+1M").apply(date(2026, 3, 15)) == date(2026, 5, 15)
    assert DueRule.parse("1M+1M").apply(date(2026, 1, 31)) == date(2026, 3, 31)
    # "<1Y+1M> and <1M+1Y> can differ around 29 February" in Business Central (peers.md §5);
    # here both are 13 months.
    start = date(2024, 1, 29)
    assert DueRule.parse("1Y+1M").apply(start) == DueRule.parse("1M+1Y").apply(start)
    assert DueRule.parse("1Q").apply(date(2026, 11, 30)) == date(2027, 2, 28)


# --------------------------------------------------------------------------- step semantics

MONDAY = date(2026, 11, 23)


@pytest.mark.parametrize(
    ("text", "start", "expected"),
    [
        pytest.param("CW", MONDAY, date(2026, 11, 29), id="cw-sunday"),
        pytest.param("-CW", date(2026, 11, 29), MONDAY, id="start-of-week"),
        pytest.param("CQ", date(2026, 11, 23), date(2026, 12, 31), id="cq"),
        pytest.param("CQ", date(2026, 2, 3), date(2026, 3, 31), id="cq-q1"),
        pytest.param("-CQ", date(2026, 8, 23), date(2026, 7, 1), id="start-of-quarter"),
        pytest.param("CY", date(2026, 2, 3), date(2026, 12, 31), id="cy"),
        pytest.param("-CY", date(2026, 8, 23), date(2026, 1, 1), id="start-of-year"),
        pytest.param("-CM", date(2026, 8, 23), date(2026, 8, 1), id="start-of-month"),
        pytest.param("WD1", MONDAY, MONDAY, id="wd-same-day"),
        pytest.param("WD5", MONDAY, date(2026, 11, 27), id="wd-friday"),
        pytest.param("WD1", date(2026, 11, 24), date(2026, 11, 30), id="wd-next-monday"),
        pytest.param("D10", date(2026, 1, 10), date(2026, 1, 10), id="dn-same-day"),
        pytest.param("D10", date(2026, 1, 11), date(2026, 2, 10), id="dn-next-month"),
        pytest.param("D10", date(2026, 12, 11), date(2027, 1, 10), id="dn-next-year"),
        pytest.param("D30", date(2026, 2, 28), date(2026, 2, 28), id="dn-clamped-same-day"),
        pytest.param("D31", date(2026, 1, 31), date(2026, 1, 31), id="dn-31-on-31"),
        pytest.param("2W", MONDAY, date(2026, 12, 7), id="weeks"),
        pytest.param("0D", MONDAY, MONDAY, id="same-day"),
    ],
)
def test_steps(text: str, start: date, expected: date) -> None:
    assert DueRule.parse(text).apply(start) == expected


def test_business_days_need_a_calendar() -> None:
    rule = DueRule.parse("5BD")
    assert rule.needs_calendar
    # 2026-12-22 + 5 TARGET business days: 23, 24, 28, 29, 30 (25 and 26 Dec closed).
    assert rule.apply(date(2026, 12, 22), BusinessCalendar.TARGET) == date(2026, 12, 30)
    with pytest.raises(InvalidArgument, match="counts business days"):
        rule.apply(date(2026, 12, 22))
    assert not DueRule.parse("30D").needs_calendar
    assert DueRule.parse("<10: 0D ? 2BD>").needs_calendar


def test_business_days_after_end_of_month() -> None:
    # CM+2BD from 15 May 2026 (31 May is a Sunday): 1 and 2 June.
    rule = DueRule.parse("CM+2BD")
    assert rule.apply(date(2026, 5, 15), BusinessCalendar.WEEKENDS) == date(2026, 6, 2)


def test_cutoff_inside_a_formula_uses_the_date_reached() -> None:
    rule = DueRule.parse("10D+<15: D20 ? 1M+D20>")
    assert rule.apply(date(2026, 3, 1)) == date(2026, 3, 20)  # 11th <= 15
    assert rule.apply(date(2026, 3, 10)) == date(2026, 4, 20)  # 20th > 15: + 1M, then D20


# --------------------------------------------------------------------------- text form


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("cm+45d", "CM+45D"),
        (" 45 d + c m ", "45D+CM"),
        ("-cm+1m+d20", "-CM+1M+D20"),
        ("<12:-CM+1M+D20?-CM+2M+D20>", "<12: -CM+1M+D20 ? -CM+2M+D20>"),
        ("5bd", "5BD"),
        ("wd7", "WD7"),
        ("1q+cq", "1Q+CQ"),
        ("<5: <3: 0D ? 1D> ? CM>", "<5: <3: 0D ? 1D> ? CM>"),
        ("0D", "0D"),
    ],
)
def test_canonical_text(text: str, canonical: str) -> None:
    rule = DueRule.parse(text)
    assert str(rule) == canonical
    assert DueRule.parse(canonical) == rule
    assert repr(rule) == f"DueRule.parse({canonical!r})"


def test_steps_values() -> None:
    assert DueRule.parse("-CM+2M+D20+WD1+CQ+<5: 1Y ? 3BD>").steps == (
        StartOf(Period.MONTH),
        Shift(2, Unit.MONTHS),
        DayOfMonth(20),
        NextWeekday(MO),
        EndOf(Period.QUARTER),
        CutOff(5, DueRule((Shift(1, Unit.YEARS),)), DueRule((Shift(3, Unit.BUSINESS_DAYS),))),
    )
    assert DueRule.days(30) == DueRule.parse("30D")
    assert NextWeekday(FR) == NextWeekday(4)
    assert as_rule("30D") is not as_rule(DueRule.days(30))
    assert hash(DueRule.parse("CM+45D")) == hash(DueRule.parse("cm + 45d"))


@pytest.mark.parametrize(
    ("text", "position", "fragment"),
    [
        pytest.param("CM+45X", 3, "a step such as", id="unknown-unit"),
        pytest.param("-D10", 0, "can go back", id="negative-day-of-month"),
        pytest.param("CM-WD5", 2, "can go back", id="negative-weekday"),
        pytest.param("D0", 0, "from 1 to 31", id="day-0"),
        pytest.param("D32", 0, "from 1 to 31", id="day-32"),
        pytest.param("CM+D32", 3, "from 1 to 31", id="day-32-later"),
        pytest.param("WD0", 0, "from 1 (Monday) to 7", id="weekday-0"),
        pytest.param("WD8", 0, "from 1 (Monday) to 7", id="weekday-8"),
        pytest.param("", 0, "a step such as", id="empty"),
        pytest.param("CM+", 3, "a step such as", id="dangling-plus"),
        pytest.param("+30D", 0, "a step such as", id="leading-plus"),
        pytest.param("30D 10D", 4, "'+' between steps", id="missing-plus"),
        pytest.param("10000D", 0, "from 0 to 9999", id="too-large"),
        pytest.param("<0: 1M ? 2M>", 1, "from 1 to 31", id="cutoff-day-0"),
        pytest.param("<32: 1M ? 2M>", 1, "from 1 to 31", id="cutoff-day-32"),
        pytest.param("<12 1M ? 2M>", 4, "':'", id="cutoff-colon"),
        pytest.param("<12: 1M 2M>", 8, "'?'", id="cutoff-question"),
        pytest.param("<12: 1M ? 2M", 12, "'>'", id="cutoff-unclosed"),
        pytest.param("-<12: 1M ? 2M>", 0, "without a sign", id="cutoff-signed"),
        pytest.param("30 days", 0, "a step such as", id="words"),
        pytest.param("CMX", 0, "a step such as", id="glued"),
    ],
)
def test_parse_errors_name_text_and_position(text: str, position: int, fragment: str) -> None:
    with pytest.raises(ParseError) as info:
        DueRule.parse(text)
    assert info.value.text == text
    assert info.value.position == position
    assert fragment in str(info.value)
    assert isinstance(info.value, ValueError)


def test_invalid_values() -> None:
    with pytest.raises(LimitExceeded, match=r"-10000.*payterms.limits.MAX_COUNT"):
        DueRule.days(-10000)
    with pytest.raises(InvalidTerms, match="day=0"):
        DayOfMonth(0)
    with pytest.raises(InvalidTerms, match="day=32"):
        DayOfMonth(32)
    with pytest.raises(InvalidTerms, match="weekday=7"):
        NextWeekday(7)
    with pytest.raises(InvalidType):
        NextWeekday(FR(+1))
    # Source: user_demand.md B11, Dolibarr#18124: an empty configuration gave due dates in
    # 1969; an empty rule is refused instead.
    with pytest.raises(InvalidTerms, match="at least one step"):
        DueRule(())
    with pytest.raises(InvalidType):
        DueRule("30D")  # type: ignore[arg-type]
    with pytest.raises(InvalidType):
        DueRule(("30D",))  # type: ignore[arg-type]
    with pytest.raises(InvalidType):
        DueRule.parse(30)  # type: ignore[arg-type]
    with pytest.raises(InvalidType):
        Shift(1.0)  # type: ignore[arg-type]
    with pytest.raises(InvalidType):
        Shift(1, "D")  # type: ignore[arg-type]
    with pytest.raises(InvalidType):
        EndOf("M")  # type: ignore[arg-type]
    with pytest.raises(InvalidType):
        CutOff(5, 30, "1M")  # type: ignore[arg-type]


def test_apply_checks_its_start() -> None:
    from datetime import datetime

    # Source: user_demand.md B18 (time-zone off-by-one in several systems): rules take dates,
    # never datetimes, so the caller's zone cannot move a due date.
    with pytest.raises(InvalidType):
        DueRule.days(1).apply(datetime(2026, 1, 1, 12))
    with pytest.raises(InvalidType):
        DueRule.days(1).apply("2026-01-01")  # type: ignore[arg-type]
    with pytest.raises(LimitExceeded, match=r"within years 1-9999 \(payterms.limits.MAX_YEAR\)"):
        DueRule.days(30).apply(date(9999, 12, 15))
    with pytest.raises(LimitExceeded, match="within years 1-9999") as info:
        DueRule.parse("1M").apply(date(9999, 12, 15))
    assert info.value.limit == "MAX_YEAR"


# --------------------------------------------------------------------------- properties


@given(due_rules())
def test_text_round_trip(rule: DueRule) -> None:
    assert DueRule.parse(str(rule)) == rule
    assert DueRule.parse(str(rule).lower()) == rule


@settings(max_examples=examples(300))
@given(due_rules(backward=False), invoice_dates())
def test_forward_rules_never_precede_the_start(rule: DueRule, start: date) -> None:
    assert rule.is_forward
    assert rule.apply(start) >= start


@settings(max_examples=examples(300))
@given(due_rules(cutoff=False), invoice_dates(), st.integers(1, 400))
def test_later_start_never_gives_earlier_date(rule: DueRule, start: date, later: int) -> None:
    assert not rule.has_cutoff
    assert rule.apply(start + timedelta(days=later)) >= rule.apply(start)


@given(invoice_dates(), st.integers(0, 120), st.integers(0, 120))
def test_months_match_dateutil_and_never_drift(start: date, a: int, b: int) -> None:
    # relativedelta(months=n) clamps the same way; adding a then b months equals a + b.
    assert add_months(start, a) == start + relativedelta(months=a)
    assert DueRule((Shift(a, Unit.MONTHS), Shift(b, Unit.MONTHS))).apply(start) == add_months(
        start, a + b
    )


@given(invoice_dates(), st.integers(1, 31))
def test_day_of_month_is_the_first_matching_day(start: date, n: int) -> None:
    got = DueRule((DayOfMonth(n),)).apply(start)
    assert got >= start
    assert got - start < timedelta(days=32)
    last = (got.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    assert got.day == min(n, last.day)
    # no earlier day in [start, got) is a match
    day = start
    while day < got:
        month_end = (day.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
        assert day.day != min(n, month_end.day)
        day += timedelta(days=1)


# Source: peers.md §5, Business Central "Using Date Formulas": `CM+10D` = current month + 10
# days; `CQ+1M+20D` = end of the quarter, one month, 20 days; `D15` = the next 15th; `WD4` =
# the next Thursday (weeks run Monday to Sunday).
BUSINESS_CENTRAL = [
    pytest.param("CM+10D", date(2026, 1, 15), date(2026, 2, 10), id="bc-cm-10d"),
    pytest.param("CQ+1M+20D", date(2026, 2, 10), date(2026, 5, 20), id="bc-cq-1m-20d"),
    pytest.param("D15", date(2026, 1, 20), date(2026, 2, 15), id="bc-d15"),
    pytest.param("WD4", date(2026, 11, 23), date(2026, 11, 26), id="bc-wd4-thursday"),
]


@pytest.mark.parametrize(("text", "start", "expected"), BUSINESS_CENTRAL)
def test_business_central_formulas(text: str, start: date, expected: date) -> None:
    assert DueRule.parse(text).apply(start) == expected


# Source: finance.md §4.2, SAP Business One "by dates": receipt days 1-7 -> the 10th, 8-15 ->
# the 20th, 16-23 -> the 25th, 24-31 -> the 30th.
SAP_B1 = "<7: D10 ? <15: D20 ? <23: D25 ? D30>>>"


@pytest.mark.parametrize(
    ("start", "expected"),
    [
        pytest.param(date(2026, 3, 1), date(2026, 3, 10), id="day-1"),
        pytest.param(date(2026, 3, 7), date(2026, 3, 10), id="day-7"),
        pytest.param(date(2026, 3, 8), date(2026, 3, 20), id="day-8"),
        pytest.param(date(2026, 3, 15), date(2026, 3, 20), id="day-15"),
        pytest.param(date(2026, 3, 16), date(2026, 3, 25), id="day-16"),
        pytest.param(date(2026, 3, 24), date(2026, 3, 30), id="day-24"),
        pytest.param(date(2026, 2, 24), date(2026, 2, 28), id="day-24-february"),
    ],
)
def test_sap_business_one_by_dates(start: date, expected: date) -> None:
    rule = DueRule.parse(SAP_B1)
    assert str(rule) == SAP_B1
    assert rule.apply(start) == expected


@given(invoice_dates(), st.integers(0, 36), st.integers(1, 31), st.integers(0, 400))
def test_relativedelta_with_absolute_day_maps_to_start_of_month_then_dn(
    start: date, months: int, day: int, days: int
) -> None:
    # Tryton's payment-term deltas are dateutil relativedeltas (peers.md §4); one delta
    # {months, day, days} is the rule `nM-CM+Dd+nD`.
    rule = DueRule.parse(f"{months}M-CM+D{day}+{days}D")
    assert rule.apply(start) == start + relativedelta(months=months, day=day, days=days)


# Source: user_demand.md B16, workalendar#337: `add_working_days(saturday, 0)` returned the
# Saturday; a business-day step from a weekend starts from a business day (0BD: the following
# business day; 1BD: the Saturday counts as the Friday, as QuantLib's advance does).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("0BD", date(2026, 1, 19), id="0bd-from-saturday"),
        pytest.param("1BD", date(2026, 1, 19), id="1bd-from-saturday"),
        pytest.param("2BD", date(2026, 1, 20), id="2bd-from-saturday"),
    ],
)
def test_b16_business_days_from_a_weekend(text: str, expected: date) -> None:
    saturday = date(2026, 1, 17)
    assert DueRule.parse(text).apply(saturday, BusinessCalendar.WEEKENDS) == expected


# Source: finance.md §4.2, UN/EDIFACT 2009 time reference "end of 10-day period" (the 10th,
# the 20th, or the month end).
@pytest.mark.parametrize(
    ("start", "expected"),
    [
        pytest.param(date(2026, 2, 5), date(2026, 2, 10), id="first-dekad"),
        pytest.param(date(2026, 2, 10), date(2026, 2, 10), id="on-the-10th"),
        pytest.param(date(2026, 2, 15), date(2026, 2, 20), id="second-dekad"),
        pytest.param(date(2026, 2, 25), date(2026, 2, 28), id="third-dekad"),
    ],
)
def test_edifact_end_of_ten_day_period(start: date, expected: date) -> None:
    assert DueRule.parse("<10: D10 ? <20: D20 ? CM>>").apply(start) == expected


@settings(max_examples=examples(500))
@given(st.text(alphabet="0123456789DWMQYBCWD+-<>:? dmqycbw", max_size=20) | st.text(max_size=12))
def test_parse_raises_only_parse_error(text: str) -> None:
    error: ParseError | None = None
    try:
        rule = DueRule.parse(text)
    except ParseError as exc:
        error = exc
    if error is None:
        assert DueRule.parse(str(rule)) == rule
    else:
        assert error.text == text
        assert 0 <= error.position <= len(text)


# --------------------------------------------------------------------------- century leap years
# 1900 and 2100 are not leap years, 2000 is (Gregorian rule: divisible by 4, except by 100
# unless by 400). Every step is checked against an independent computation (dateutil,
# the calendar module, plain day counting) on starts around February of those years.

CENTURY_STARTS = st.sampled_from((1900, 2000, 2100)).flatmap(
    lambda year: st.dates(min_value=date(year - 1, 11, 1), max_value=date(year, 4, 30))
)


def _last_day(year: int, month: int) -> date:
    import calendar

    return date(year, month, calendar.monthrange(year, month)[1])


def _reference(step: str, count: int, day: date) -> date:
    if step == "D":
        return day + timedelta(days=count)
    if step == "W":
        return day + timedelta(weeks=count)
    if step in ("M", "Q", "Y"):
        return day + relativedelta(months=count * {"M": 1, "Q": 3, "Y": 12}[step])
    if step == "CM":
        return _last_day(day.year, day.month)
    if step == "-CM":
        return day.replace(day=1)
    if step == "CQ":
        return _last_day(day.year, (day.month - 1) // 3 * 3 + 3)
    if step == "CY":
        return date(day.year, 12, 31)
    if step == "CW":
        return day + timedelta(days=6 - day.weekday())
    if step == "WD":  # the next weekday `count` (0 = Monday), on or after
        return day + relativedelta(weekday=count)
    assert step == "DN"  # the next day `count` of a month, on or after, clamped
    for months in range(3):
        month_start = day.replace(day=1) + relativedelta(months=months)
        candidate = min(
            _last_day(month_start.year, month_start.month),
            month_start.replace(day=min(count, _last_day(month_start.year, month_start.month).day)),
        )
        if candidate >= day:
            return candidate
    raise AssertionError("unreachable")


@settings(max_examples=examples(300))
@given(
    start=CENTURY_STARTS,
    step=st.sampled_from(("D", "W", "M", "Q", "Y", "CM", "-CM", "CQ", "CY", "CW", "WD", "DN")),
    count=st.integers(0, 30),
)
def test_every_step_across_century_leap_years(start: date, step: str, count: int) -> None:
    if step in ("D", "W", "M", "Q", "Y"):
        text = f"{count}{step}"
    elif step == "WD":
        count %= 7
        text = f"WD{count + 1}"
    elif step == "DN":
        count = count % 31 + 1
        text = f"D{count}"
    else:
        text = step
    assert DueRule.parse(text).apply(start) == _reference(step, count, start), text


@settings(max_examples=examples(200))
@given(start=CENTURY_STARTS, count=st.integers(0, 60))
def test_business_days_across_century_leap_years(start: date, count: int) -> None:
    expected = start
    for _ in range(count):
        expected += timedelta(days=1)
        while expected.weekday() >= 5:
            expected += timedelta(days=1)
    if count == 0:
        while expected.weekday() >= 5:  # 0BD from a weekend: the next business day
            expected += timedelta(days=1)
    got = DueRule.parse(f"{count}BD").apply(start, BusinessCalendar.WEEKENDS)
    assert got == expected


@pytest.mark.parametrize(
    ("text", "start", "expected"),
    [
        pytest.param("1M", date(1900, 1, 31), date(1900, 2, 28), id="1900-not-leap"),
        pytest.param("1M", date(2000, 1, 31), date(2000, 2, 29), id="2000-leap"),
        pytest.param("1M", date(2100, 1, 31), date(2100, 2, 28), id="2100-not-leap"),
        pytest.param("CM", date(1900, 2, 10), date(1900, 2, 28), id="cm-1900"),
        pytest.param("CM", date(2000, 2, 10), date(2000, 2, 29), id="cm-2000"),
        pytest.param("CM", date(2100, 2, 10), date(2100, 2, 28), id="cm-2100"),
        pytest.param("1Y", date(2000, 2, 29), date(2001, 2, 28), id="leap-day-plus-a-year"),
        pytest.param("4Y", date(1896, 2, 29), date(1900, 2, 28), id="1896-to-1900"),
        pytest.param("D29", date(2100, 2, 1), date(2100, 2, 28), id="d29-clamped-2100"),
        pytest.param("D29", date(2000, 2, 1), date(2000, 2, 29), id="d29-2000"),
        pytest.param("29D", date(2000, 2, 1), date(2000, 3, 1), id="29-days-2000"),
        pytest.param("29D", date(2100, 2, 1), date(2100, 3, 2), id="29-days-2100"),
        pytest.param("CQ", date(1900, 1, 5), date(1900, 3, 31), id="cq-1900"),
    ],
)
def test_century_leap_year_examples(text: str, start: date, expected: date) -> None:
    assert DueRule.parse(text).apply(start) == expected


# --------------------------------------------------------------------------- edges pinned
# (each one was changed without a test failing: mutation testing, docs/robustness.md)


def test_a_weekday_like_object_without_n_is_its_weekday() -> None:
    from types import SimpleNamespace

    assert NextWeekday(SimpleNamespace(weekday=2)).weekday == 2  # type: ignore[arg-type]
    with pytest.raises(InvalidType, match="weekday"):
        NextWeekday(FR(+1))  # dateutil's "first Friday" is not a weekday


@pytest.mark.parametrize("month", range(1, 13))
def test_start_and_end_of_each_period_in_every_month(month: int) -> None:
    day = date(2026, month, 17)
    quarter_first = (month - 1) // 3 * 3 + 1
    assert DueRule.parse("-CQ").apply(day) == date(2026, quarter_first, 1)
    assert DueRule.parse("-CM").apply(day) == date(2026, month, 1)
    assert DueRule.parse("-CY").apply(day) == date(2026, 1, 1)
    assert DueRule.parse("-CW").apply(day) == day - timedelta(days=day.weekday())
    quarter_last = add_months(date(2026, quarter_first, 1), 3) - timedelta(days=1)
    assert DueRule.parse("CQ").apply(day) == quarter_last
    assert DueRule.parse("CY").apply(day) == date(2026, 12, 31)


@pytest.mark.parametrize(
    ("text", "count"),
    [("9999D", 9999), ("1000D", 1000), ("0030D", 30), ("000000000030D", 30), ("0D", 0)],
)
def test_counts_up_to_the_limit_and_leading_zeros(text: str, count: int) -> None:
    assert DueRule.parse(text).steps == (Shift(count),)


@pytest.mark.parametrize("text", ["10000D", "99999D", "00010000D", "<32: 0D ? 0D>", "WD08", "D032"])
def test_counts_past_the_limit_are_refused_at_their_position(text: str) -> None:
    with pytest.raises(ParseError) as info:
        DueRule.parse(text)
    assert info.value.position in (0, 1)


def test_negative_offsets_text_and_values() -> None:
    rule = DueRule.parse("cm - 10d")
    assert rule == DueRule((EndOf(Period.MONTH), Shift(-10, Unit.DAYS)))
    assert str(rule) == "CM-10D"
    assert DueRule.parse(str(rule)) == rule
    assert not rule.is_forward
    assert DueRule.parse("-2BD").apply(date(2026, 4, 7), BusinessCalendar.TARGET) == date(
        2026, 4, 1
    )


@given(
    st.lists(
        st.tuples(st.integers(-400, 400), st.sampled_from((Unit.DAYS, Unit.WEEKS))),
        min_size=1,
        max_size=4,
    ),
    st.one_of(invoice_dates(), st.dates(max_value=date(1, 3, 1)), st.dates(date(9999, 10, 1))),
)
def test_rules_of_day_steps_add_their_days(steps: list[tuple[int, Unit]], start: date) -> None:
    # a rule of day and week steps only is applied as one addition: it equals dateutil's
    # sum of the steps, and past year 1 or 9999 raises the rule's own error
    rule = DueRule(tuple(Shift(n, unit) for n, unit in steps))
    days = sum(n * (7 if unit is Unit.WEEKS else 1) for n, unit in steps)
    try:
        expected = start + relativedelta(days=days)
    except OverflowError:
        with pytest.raises(InvalidArgument, match=r"^start="):
            rule.apply(start)
        return
    assert rule.apply(start) == expected

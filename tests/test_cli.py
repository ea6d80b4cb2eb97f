"""Tests for the payterms command line.

These tests call ``main(argv)`` in the test process and read what it printed; the
installed console script is driven in subprocesses by tests/test_cli_console.py. The JSON
a command prints is checked against the library's own result for the same inputs,
converted by ``jsonable`` (tested on its own below).
"""

from __future__ import annotations

import contextlib
import csv
import doctest
import io
import json
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import payterms as pt
from payterms import __version__
from payterms.cli import commands, main, reference
from payterms.cli._output import jsonable
from strategies import amounts, examples, interest_regime_codes, late_claims, payment_terms

ROOT = Path(__file__).resolve().parent.parent
Run = Callable[..., tuple[int, str, str]]

THEN_DAYS = pt.EndOfMonth.THEN_DAYS  # the reading the command line applies by default


def _json(run: Run, *argv: str) -> Any:
    status, out, err = run(*argv, "--json")
    assert (status, err) == (0, "")
    return json.loads(out)


# --------------------------------------------------------------------------- demo, version


def test_version(run: Run) -> None:
    assert run("version") == (0, f"payterms {__version__}\n", "")
    assert run("--version") == (0, f"payterms {__version__}\n", "")


def test_demo_prints_each_section(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo"]) == 0
    out = capsys.readouterr().out
    assert "2026-05-14 in Belgium is a business day: False" in out
    assert "moved FOLLOWING: 2026-05-15" in out
    assert "333.34, 333.33, 333.33 (sum 1000.00)" in out


def test_demo_shows_payment_runs(capsys: pytest.CaptureFixture[str]) -> None:
    # 10 August 2026 falls in the closure: the 25th (Tuesday) pays, the bank adds a day.
    assert main(["demo"]) == 0
    out = capsys.readouterr().out
    assert "monthly on the 10th and the 25th (following business day)" in out
    assert "paid in the run of 2026-08-25, cash on 2026-08-26" in out
    # due 2 March: run 25 March; due 30 March: run 25 April (Saturday) -> 27 April; +1 day
    assert "sent 2026-01-31 -> cash 2026-03-26; sent 2026-02-01 -> cash 2026-04-28" in out
    assert "send by 2026-01-31 for cash on 2026-03-26" in out


def test_demo_shows_wording(capsys: pytest.CaptureFixture[str]) -> None:
    # Source: reference/legal.md §4 (CEPC): 15 Jan, reading (a) -> 31 Mar, (b) -> 17 Mar.
    assert main(["demo"]) == 0
    out = capsys.readouterr().out
    assert "'14 Tage 2 % Skonto, 30 Tage netto' in French: 'escompte 2 % pour paiement" in out
    assert "2026-01-15, THEN_DAYS: 2026-03-17" in out
    assert "2026-01-15, DAYS_THEN: 2026-03-31" in out
    # Source: reference/legal.md §0.1 and §4: ECB 2.15 + 10 points; EUR 40 (D441-5).
    # 2025 H1: ECB rate on 1 January 2025 (3.15, rates-update.md §3.2) + 10 points
    assert "Pénalités de retard : 13,15 % par an" in out
    assert "Indemnité forfaitaire pour frais de recouvrement : 40,00 EUR." in out


def test_demo_shows_payment_terms(capsys: pytest.CaptureFixture[str]) -> None:
    # legal.md §4: 15 Jan, "45 jours fin de mois" -> 17 Mar (CM+45D) or 31 Mar (45D+CM).
    assert main(["demo"]) == 0
    out = capsys.readouterr().out
    assert "CM+45D -> 2026-03-17, 45D+CM -> 2026-03-31" in out
    # 28 Feb 2026 is a Saturday: the balance moves to Monday 2 March.
    assert "363.00 on 2026-01-15, 847.00 on 2026-03-02; or 1185.80 by 2026-01-26" in out


# --------------------------------------------------------------------------- help


COMMAND_NAMES = [c.name for c in commands()]


@pytest.mark.parametrize("name", COMMAND_NAMES)
def test_help_is_clean_text_with_a_worked_example(run: Run, name: str) -> None:
    status, out, err = run(name, "--help")
    assert (status, err) == (0, "")
    assert out.startswith(f"usage: payterms {name}")
    for markup in ("``", ">>>", ":func:", ":class:", ":meth:", "%%"):
        assert markup not in out
    command = next(c for c in commands() if c.name == name)
    if name not in ("demo", "version"):
        assert "example:" in out
        assert command.examples


def test_top_level_help_lists_every_command(run: Run) -> None:
    status, out, _ = run("--help")
    assert status == 0
    for name in COMMAND_NAMES:
        assert f"    {name} " in out
    assert "``" not in out
    assert ">>>" not in out


EXAMPLES = [
    pytest.param(command.name, example, id=f"{command.name}-{i}")
    for command in commands()
    for i, example in enumerate(command.examples)
]


@pytest.mark.parametrize(("name", "example"), EXAMPLES)
def test_worked_examples_print_what_the_help_shows(run: Run, name: str, example: Any) -> None:
    status, out, err = run(*example.argv, stdin=example.stdin)
    assert err == ""
    assert status == (1 if name == "check" else 0)
    checker = doctest.OutputChecker()
    assert checker.check_output(example.output + "\n", out, doctest.ELLIPSIS), out


def test_reference_page_is_up_to_date() -> None:
    page = ROOT / "docs" / "reference" / "cli.md"
    assert page.read_text(encoding="utf-8") == reference(), (
        "docs/reference/cli.md is out of date: regenerate it with "
        "python -c \"import payterms.cli as c; print(c.reference(), end='')\" "
        "> docs/reference/cli.md"
    )


def test_reference_page_documents_every_argument() -> None:
    page = reference()
    for name in COMMAND_NAMES:
        assert f"## payterms {name}" in page
    for argument in ("`--runs RUN`", "`--payment DATE:AMOUNT`", "`--csv`", "`--reading", "`--cash"):
        assert argument in page


# --------------------------------------------------------------------------- jsonable


def test_jsonable_writes_decimals_dates_and_enums_as_strings() -> None:
    assert jsonable(Decimal("0.1250")) == "0.1250"
    assert jsonable(date(2026, 2, 28)) == "2026-02-28"
    assert jsonable(pt.Adjustment.MODIFIED_FOLLOWING) == "modified_following"
    assert jsonable(pt.DayCount.ACT_360) == "ACT/360"
    assert jsonable((1, None, True, "x")) == [1, None, True, "x"]
    assert jsonable({"a": Decimal("1.00")}) == {"a": "1.00"}
    from fractions import Fraction

    assert jsonable(Fraction(4, 5)) == "4/5"


def test_jsonable_writes_values_with_a_text_form_as_text() -> None:
    assert jsonable(pt.DueRule.parse("CM+45D")) == "CM+45D"
    assert jsonable(pt.PaymentRun.monthly(10, 25)) == "10,25"
    assert jsonable(pt.BusinessCalendar.TARGET) == pt.BusinessCalendar.TARGET.name
    assert jsonable(pt.law.regime("BE")) == "BE"


def test_jsonable_takes_every_public_field_and_property() -> None:
    res = pt.late_interest(
        Decimal("3650"), due=date(2026, 1, 31), until=date(2026, 2, 10), rate=Decimal("0.10")
    )
    data = jsonable(res)
    assert isinstance(data, dict)
    fields = [f for f in type(res).__attrs_attrs__ if not f.name.startswith("_")]  # type: ignore[attr-defined]
    properties = {
        name
        for name, member in vars(type(res)).items()
        if isinstance(member, property) and not name.startswith("_")
    }
    assert {"total_outstanding", "interest_paid"} <= properties
    assert set(data) == {f.name for f in fields} | properties
    assert data["total_outstanding"] == str(res.total_outstanding)
    assert data["periods"] == [
        {
            "start": "2026-02-01",
            "end": "2026-02-10",
            "days": 10,
            "rate": "0.10",
            "base": "3650",
            "interest": "10.00",
            "amount": "10.00",
        }
    ]


def test_jsonable_skips_private_fields() -> None:
    data = jsonable(pt.PaymentTerms.net(30))
    assert data == {
        "installments": [
            {"kind": "balance", "rule": "30D", "value": None, "of": "total", "discounts": []}
        ],
        "discounts": [],
        "start": "invoice_date",
        "tax_base": "included",
        "holidays": [],
    }


# --------------------------------------------------------------------------- due


def test_due_reads_both_end_of_month_readings(run: Run) -> None:
    # Source: reference/legal.md §4 (CEPC): 15 Jan + "45 jours fin de mois" gives
    # 17 March (end of month, then 45 days) or 31 March (45 days, then end of month).
    status, out, _ = run("due", "45 jours fin de mois", "2026-01-15")
    assert status == 0
    assert out.splitlines()[0] == "due date  2026-03-17"
    assert "note: " in out
    status, out, _ = run("due", "45 jours fin de mois", "2026-01-15", "--reading", "days_then")
    assert out.splitlines()[0] == "due date  2026-03-31"


def test_cash_chooses_the_reading_of_a_percentage_at_once(run: Run) -> None:
    # Source: bexio.com/fr-CH/escompte (as in tests/test_text_parse.py): "5 % comptant, 2 % à
    # 10 jours, 1 % à 20 jours, net à 30 jours" is three discount tiers, 0/10/20 days.
    degressive = "5 % comptant, 2 % à 10 jours, 1 % à 20 jours, net à 30 jours"
    status, out, _ = run("discount", degressive)
    assert status == 0
    assert out.startswith("5 % within 0 days, net 30 days")
    assert "cash=DISCOUNT" in out
    # the other reading, asked for: 30 % paid at once, the rest at 30 days
    status, out, _ = run(
        "schedule", "30 % comptant, net à 30 jours", "2026-01-15", "1000", "--cash", "down_payment"
    )
    assert status == 0
    assert out.splitlines()[1:3] == [
        "due      2026-01-15   300.00 EUR",
        "due      2026-02-14   700.00 EUR",
    ]
    status, out, _ = run("schedule", "30 % comptant, net à 30 jours", "2026-01-15", "1000")
    assert "or 30 % off by  2026-01-15   700.00 EUR" in out
    data = _json(run, "describe", "5 % comptant, net à 30 jours", "--cash", "down_payment")
    expected = pt.parse_with_notes("5 % comptant, net à 30 jours", cash=pt.CashPercent.DOWN_PAYMENT)
    assert data["describe"]["en"] == expected.terms.describe("en")
    status, _, err = run("due", "5 % comptant, net 30", "2026-01-15", "--cash", "half")
    assert status == 2
    assert "argument --cash: 'half' is not one of discount, down_payment" in err


def test_due_json_is_the_library_result(run: Run) -> None:
    data = _json(run, "due", "45 jours fin de mois", "2026-01-15", "--lang", "fr")
    parsed = pt.parse_with_notes("45 jours fin de mois", lang="fr")
    assert data["due_date"] == jsonable(parsed.terms.due_date(date(2026, 1, 15)))
    assert data["due_date"] == "2026-03-17"
    assert {k: v for k, v in data.items() if k not in ("due_date", "start")} == jsonable(parsed)


def test_due_on_a_calendar(run: Run) -> None:
    # 14 May 2026 is Ascension Day in Belgium; the day after is a business day.
    terms = pt.PaymentTerms.parse("net 30")
    be = pt.BusinessCalendar.country("BE")
    data = _json(run, "due", "net 30", "2026-04-14", "--calendar", "BE", "--adjust", "following")
    expected = terms.due_date(date(2026, 4, 14), calendar=be, adjustment=pt.Adjustment.FOLLOWING)
    assert data["due_date"] == jsonable(expected) == "2026-05-15"
    # without --adjust the library's default for a calendar applies
    data = _json(run, "due", "net 30", "2026-04-14", "--calendar", "BE")
    assert data["due_date"] == jsonable(terms.due_date(date(2026, 4, 14), calendar=be))


def _invoices(n: int) -> str:
    lines = ["id,date,terms"]
    wordings = ["net 30", "45 jours fin de mois", "", "30 dagen netto"]
    for i in range(n):
        day = date(2026, 1, 1) + timedelta(days=(i * 7) % 400)
        lines.append(f"F-{i},{day},{wordings[i % 4]}")
    return "\n".join(lines) + "\n"


def test_due_csv_round_trip(run: Run) -> None:
    text = _invoices(1000)
    status, out, err = run("due", "net 60", "--csv", stdin=text)
    assert (status, err) == (0, "")
    rows = list(csv.DictReader(io.StringIO(out)))
    source = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 1000
    for row, given_row in zip(rows, source, strict=True):
        assert {k: row[k] for k in given_row} == given_row
        terms = pt.PaymentTerms.parse(given_row["terms"] or "net 60", reading=THEN_DAYS)
        due = terms.due_date(date.fromisoformat(given_row["date"]))
        assert row["due_date"] == due.isoformat()


def test_due_csv_of_no_rows_writes_the_header(run: Run) -> None:
    assert run("due", "net 30", "--csv", stdin="id,date\n") == (0, "id,date,due_date\n", "")


# --------------------------------------------------------------------------- schedule


def test_schedule_text_and_json(run: Run) -> None:
    status, out, _ = run("schedule", "2/10 net 30", "2026-01-15", "1210.00")
    assert status == 0
    assert "or 2 % off by  2026-01-25  1185.80 EUR" in out
    data = _json(run, "schedule", "2/10 net 30", "2026-01-15", "1210.00", "--currency", "EUR")
    sched = pt.PaymentTerms.parse("2/10 net 30").schedule(date(2026, 1, 15), Decimal("1210.00"))
    assert data["schedule"] == jsonable(sched)
    assert data["schedule"]["discounts"][0]["payable"] == "1185.80"


def test_schedule_with_calendar_tax_and_wording(run: Run) -> None:
    terms = pt.PaymentTerms(
        installments=(pt.Installment.percent(Decimal("30"), "0D"), pt.Installment.balance("1M+CM")),
        discounts=(pt.DiscountTier(Decimal("2"), "10D"),),
        tax_base=pt.TaxBase.EXCLUDED,
    )
    text = terms.describe("en")
    argv = ("schedule", text, "2025-01-15", "1210.00", "--tax", "210.00", "--calendar", "BE")
    data = _json(run, *argv, "--adjust", "following", "--wording", "fr", "--regime", "FR")
    sched = terms.schedule(
        date(2025, 1, 15),
        Decimal("1210.00"),
        tax=Decimal("210.00"),
        calendar=pt.BusinessCalendar.country("BE"),
        adjustment=pt.Adjustment.FOLLOWING,
    )
    assert data["schedule"] == jsonable(sched)
    assert data["wording"] == pt.describe_invoice(sched, "fr", pt.law.regime("FR"), terms=terms)
    # Source: rates-update.md §3.2 (ECB rate on 1 January 2025 3.15, confirmed) + 10 points;
    # legal.md §4: EUR 40 (D441-5).
    assert "Pénalités de retard : 13,15 % par an" in data["wording"]
    # the amounts add up to the total to the cent
    assert sum(Decimal(d["amount"]) for d in data["schedule"]["dues"]) == Decimal("1210.00")


def test_wording_of_an_invoice_issued_today_states_the_rule(run: Run) -> None:
    # issued 7 December 2026, net 30: no ECB rate is published for 7 January 2027
    # (rates-update.md), so the wording states the rule of L441-10 II (legal.md §4)
    argv = ("schedule", "net 30", "2026-12-07", "1000.00", "--wording", "fr", "--regime", "FR")
    data = _json(run, *argv)
    sched = pt.PaymentTerms.net(30).schedule(date(2026, 12, 7), Decimal("1000.00"))
    rule = pt.statutory_rule(pt.law.regime("FR"), date(2027, 1, 7), "fr")
    assert rule is not None
    assert rule in data["wording"]
    assert "%" not in data["wording"]
    assert data["wording"].startswith("Conditions de paiement : paiement à 30 jours.")
    assert sched.final_due == date(2027, 1, 6)


# --------------------------------------------------------------------------- describe


def test_describe_in_every_language(run: Run) -> None:
    status, out, _ = run("describe", "2/10 net 30")
    assert status == 0
    terms = pt.PaymentTerms.parse("2/10 net 30")
    for lang in ("en", "fr", "nl", "de"):
        assert f"{lang}  {terms.describe(lang)}" in out
    data = _json(run, "describe", "2/10 net 30", "--lang", "de", "--lang", "fr")
    assert data["describe"] == {"de": terms.describe("de"), "fr": terms.describe("fr")}
    assert data["describe"]["de"] == "10 Tage 2 % Skonto, 30 Tage netto"


# --------------------------------------------------------------------------- check


def test_check_reports_a_violation_with_exit_status_1(run: Run) -> None:
    # Source: Code de commerce L441-10 I: at most 60 days, or 45 days end of month.
    status, out, _ = run("check", "90 jours fin de mois", "--country", "FR")
    assert status == 1
    assert out.startswith("VIOLATION  FR-L441-10-max-term")
    status, out, err = run("check", "90 jours fin de mois", "--country", "FR", "--json")
    assert (status, err) == (1, "")
    terms = pt.PaymentTerms.parse("90 jours fin de mois", reading=THEN_DAYS)
    assert json.loads(out)["findings"] == jsonable(pt.law.check_terms(terms, "FR"))


def test_check_lawful_terms_exit_0(run: Run) -> None:
    status, out, _ = run("check", "net 30", "--country", "fr")
    assert (status, out) == (0, "net 30: no cap exceeded in FR\n")
    argv = ("check", "net 45", "--country", "NL", "--buyer", "large", "--seller", "sme")
    status, out, _ = run(*argv, "--json")
    assert status == 1
    data = json.loads(out)
    terms = pt.PaymentTerms.net(45)
    expected = pt.law.check_terms(
        terms, "NL", buyer=pt.law.PartyKind.LARGE, seller=pt.law.PartyKind.SME
    )
    assert data["findings"] == jsonable(expected)
    assert data["findings"][0]["code"] == "NL-6:119a-6-large-to-sme"


# --------------------------------------------------------------------------- cash, send-date

PAYER_ARGS = (
    "--runs",
    "10,25",
    "--calendar",
    "BE",
    "--approval-days",
    "5",
    "--transfer-days",
    "1",
    "--closure",
    "2026-08-01..2026-08-21",
)


def _payer() -> pt.Payer:
    return pt.Payer(
        runs=pt.PaymentRun.monthly(10, 25),
        calendar=pt.BusinessCalendar.country("BE"),
        approval_days=5,
        transfer_days=1,
        closures=((date(2026, 8, 1), date(2026, 8, 21)),),
    )


def test_cash_explains_the_path(run: Run) -> None:
    # docs/payment-runs.md: due 31 July, the 10 August run is closed, paid 25 August.
    status, out, _ = run("cash", "net 30", "2026-07-01", *PAYER_ARGS)
    assert status == 0
    assert "run 2026-08-25: first run on or after the due date" in out
    assert out.rstrip().endswith("paid in full on 2026-08-26, 56 days after sending")
    data = _json(run, "cash", "net 30", "2026-07-01", *PAYER_ARGS)
    expected = pt.explain_payment(pt.PaymentTerms.net(30), date(2026, 7, 1), _payer())
    assert data["explain_payment"] == jsonable(expected)
    assert data["explain_payment"]["cash_date"] == "2026-08-26"


def test_cash_csv_round_trip(run: Run) -> None:
    text = _invoices(1000)
    status, out, err = run("cash", "net 60", "--csv", *PAYER_ARGS, stdin=text)
    assert (status, err) == (0, "")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 1000
    payer = _payer()
    for row in rows:
        terms = pt.PaymentTerms.parse(row["terms"] or "net 60", reading=THEN_DAYS)
        cash = pt.expected_payment_date(terms, date.fromisoformat(row["date"]), payer)
        assert row["cash_date"] == cash.isoformat()


def test_send_date_finds_the_cliff(run: Run) -> None:
    # timing.py example (finance.md §4.3): runs on the 25th, 5 approval days, 30 days
    # end of month: sending up to 31 January gives cash on 25 March.
    argv = ("send-date", "CM+30D", "--ready", "2026-01-20", "--latest", "2026-02-10")
    argv += ("--runs", "25", "--approval-days", "5")
    status, out, _ = run(*argv, "--table")
    assert status == 0
    assert "same cash if sent by  2026-01-31" in out
    assert "sent after 2026-01-31: cash 2026-04-27 instead of 2026-03-25 (33 days later)" in out
    assert "<- last day for this cash date" in out
    data = _json(run, *argv)
    payer = pt.Payer(runs=pt.PaymentRun.monthly(25), approval_days=5)
    plan = pt.best_send_date(
        pt.PaymentTerms.end_of_month(30), payer, date(2026, 1, 20), date(2026, 2, 10)
    )
    assert data["best_send_date"] == jsonable(plan)


def test_send_date_present_value(run: Run) -> None:
    argv = ("send-date", "2/10 net 30", "--ready", "2026-01-20", "--runs", "10,25")
    argv += ("--objective", "present_value", "--rate", "8%", "--policy", "early_for_discount")
    data = _json(run, *argv, "--amount", "1000")
    payer = pt.Payer(runs=pt.PaymentRun.monthly(10, 25), policy=pt.RunPolicy.EARLY_FOR_DISCOUNT)
    plan = pt.best_send_date(
        pt.PaymentTerms.parse("2/10 net 30"),
        payer,
        date(2026, 1, 20),
        objective=pt.SendObjective.PRESENT_VALUE,
        rate=Decimal("0.08"),
        amount=Decimal("1000"),
    )
    assert data["best_send_date"] == jsonable(plan)
    assert data["best_send_date"]["present_value"] is not None


# --------------------------------------------------------------------------- discount, breakeven

# discount.py: Brigham 37.24 %, CFA 44.59 %, 360-day 36.73 %, Faustformel 36.00 %.
PUBLISHED_2_10_30 = ["37.24 %", "44.59 %", "36.73 %", "36.00 %"]


def test_discount_prints_the_four_published_rates(run: Run) -> None:
    status, out, _ = run("discount", "2/10/30")
    assert status == 0
    lines = out.splitlines()
    assert [line.split("  ")[1].strip() for line in lines[1:5]] == PUBLISHED_2_10_30


def test_discount_json_and_decision(run: Run) -> None:
    data = _json(run, "discount", "2/10/30", "--rate", "0.08", "--amount", "10000")
    tier = data["tiers"][0]
    methods = [
        (pt.RateMethod.SIMPLE, 365),
        (pt.RateMethod.COMPOUND, 365),
        (pt.RateMethod.SIMPLE, 360),
        (pt.RateMethod.APPROXIMATE, 360),
    ]
    assert tier["discount_cost"] == [
        {
            "method": m.value,
            "year": y,
            "rate": jsonable(pt.discount_cost(2, 10, 30, method=m, year=y)),
        }
        for m, y in methods
    ]
    decision = pt.discount_decision(2, 10, 30, Decimal("0.08"), amount=Decimal("10000"))
    assert tier["discount_decision"] == jsonable(decision)


def test_discount_from_worded_terms(run: Run) -> None:
    # Source: blau-gelb.net/skonto/8: 2 % Skonto within 8 days, 30 days net: 33.4 % (360 days).
    status, out, _ = run("discount", "8 Tage 2 % Skonto, 30 Tage netto")
    assert status == 0
    assert "33.40 %  simple, 360-day year" in out
    data = _json(
        run, "discount", "30 days end of month, 2 % within 10 days", "--date", "2026-01-15"
    )
    tiers, net_days = pt.discount_tiers(
        pt.PaymentTerms.parse("30 days end of month, 2 % within 10 days", reading=THEN_DAYS),
        date(2026, 1, 15),
    )
    assert [(t["percent"], t["discount_days"], t["net_days"]) for t in data["tiers"]] == [
        (jsonable(p), d, net_days) for p, d in tiers
    ]


def test_breakeven(run: Run) -> None:
    data = _json(run, "breakeven", "10/30", "--rate", "8%", "--percent", "1")
    assert data["breakeven_discount"][0] == {
        "method": "simple",
        "year": 365,
        "percent": jsonable(pt.breakeven_discount(Decimal("0.08"), 10, 30)),
    }
    assert data["breakeven_days"][0]["days"] == jsonable(
        pt.breakeven_days(1, Decimal("0.08"), method=pt.RateMethod.SIMPLE, year=365)
    )
    assert "0.4364 %  simple, 365-day year" in run("breakeven", "10/30", "--rate", "8%")[1]


# --------------------------------------------------------------------------- cost


def test_cost_of_a_term_and_the_margin(run: Run) -> None:
    # Source: freeacademy.ai pricing lesson: 30 days on a $10,000 invoice at 8 % cost
    # $65.75, 2.6 % of a $2,500 margin.
    status, out, _ = run(
        "cost", "net 30", "10000", "--rate", "8%", "--date", "2026-01-15", "--cost", "7500"
    )
    assert status == 0
    table = dict(re.split(r"  +", line, maxsplit=1) for line in out.splitlines())
    assert table["financing cost"] == "65.75 EUR"
    assert table["price covering 30 days (future_value)"] == "10065.75 EUR"
    assert table["share of the margin financed"] == "2.63 %"
    argv = ("cost", "net 60", "10000", "--rate", "0.08", "--date", "2026-01-15", "--cost", "7500")
    data = _json(run, *argv, "--runs", "10,25", "--approval-days", "5", "--transfer-days", "1")
    payer = pt.Payer(runs=pt.PaymentRun.monthly(10, 25), approval_days=5, transfer_days=1)
    cost = pt.term_cost(
        pt.PaymentTerms.net(60),
        Decimal("10000"),
        invoice_date=date(2026, 1, 15),
        rate=Decimal("0.08"),
        payer=payer,
    )
    assert data["term_cost"] == jsonable(cost)
    assert data["days"] == cost.cash_gap
    days = cost.cash_gap
    assert data["price_uplift"] == jsonable(
        pt.price_uplift(Decimal("10000"), days, Decimal("0.08"))
    )
    margin = pt.margin_after_term(Decimal("10000"), Decimal("7500"), days, Decimal("0.08"))
    assert data["margin_after_term"] == jsonable(margin)


# --------------------------------------------------------------------------- interest

BE_CLAIM = (
    "interest",
    "10000",
    "--due",
    "2024-03-31",
    "--until",
    "2025-02-15",
    "--regime",
    "BE",
    "--payment",
    "2024-09-01:4000",
)


def _be_claim() -> pt.InterestResult:
    return pt.late_interest(
        Decimal("10000"),
        due=date(2024, 3, 31),
        until=date(2025, 2, 15),
        regime="BE",
        payments=(pt.Payment(date(2024, 9, 1), Decimal("4000")),),
    )


def test_interest_json_is_the_library_result(run: Run) -> None:
    data = _json(run, *BE_CLAIM)
    assert data["late_interest"] == jsonable(_be_claim())


def test_interest_prints_the_explanation(run: Run) -> None:
    status, out, _ = run(*BE_CLAIM)
    assert status == 0
    assert _be_claim().explain() in out


def _statement(out: str) -> tuple[list[Decimal], Decimal]:
    """Return the parts and the total of the statement block at the end of *out*."""
    block = out.rstrip().split("\n\n")[-1].splitlines()
    amounts = [Decimal(re.findall(r"(-?[0-9]+\.[0-9]{2}) EUR$", line)[0]) for line in block]
    return amounts[:-1], amounts[-1]


def test_interest_statement_adds_up_to_its_total(run: Run) -> None:
    status, out, _ = run(*BE_CLAIM)
    assert status == 0
    parts, total = _statement(out)
    assert sum(parts) == total


@st.composite
def claims_paid_in_part(draw: st.DrawFn) -> tuple[Decimal, date, date, list[str]]:
    """(principal, due, until, --payment values): 0-3 part payments, together at most owed."""
    principal, due, until = draw(late_claims())
    left, payments = principal, []
    for share in draw(st.lists(st.integers(1, 10_000), max_size=3)):
        amount = (principal * share / 30_000).quantize(Decimal("0.01"), rounding="ROUND_DOWN")
        if not 0 < amount <= left:
            continue
        left -= amount
        day = draw(st.dates(min_value=due - timedelta(days=30), max_value=until))
        payments.append(f"{day}:{amount}")
    return principal, due, until, payments


@settings(max_examples=examples(60), deadline=None)
@given(claim=claims_paid_in_part(), code=interest_regime_codes())
def test_any_interest_statement_adds_up_to_its_total(
    claim: tuple[Decimal, date, date, list[str]], code: str
) -> None:
    # what the command prints for any claim paid in part: the statement block's lines
    # (principal, interest, compensation, each payment) add up to its outstanding line
    principal, due, until, payments = claim
    argv = ["interest", str(principal), "--due", str(due), "--until", str(until), "--regime", code]
    for payment in payments:
        argv += ["--payment", payment]
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        status = main(argv)
    assert status == 0
    block = out.getvalue().rstrip().split("\n\n")[-1].splitlines()
    figures = [Decimal(re.findall(r"(-?[0-9]+\.[0-9]{2}) [A-Z]{3}$", line)[0]) for line in block]
    assert block[-1].startswith(f"outstanding on {until}")
    assert len(block) == 4 + len(payments)
    assert sum(figures[:-1]) == figures[-1]
    result = pt.late_interest(principal, due=due, until=until, regime=code,
                              payments=[pt.Payment(*_payment(p)) for p in payments])  # fmt: skip
    assert figures[-1] == result.total_outstanding


def _payment(text: str) -> tuple[date, Decimal]:
    day, amount = text.split(":")
    return date.fromisoformat(day), Decimal(amount)


def test_interest_outstanding_parts_add_up(run: Run) -> None:
    # The outstanding line of the explanation: principal + interest + compensation = total.
    out = run(*BE_CLAIM)[1]
    line = next(x for x in out.splitlines() if x.startswith("outstanding: "))
    figures = [Decimal(x) for x in re.findall(r"[0-9]+\.[0-9]{2}", line)]
    assert sum(figures[:-1]) == figures[-1]


def test_interest_period_lines_add_up_to_the_interest(run: Run) -> None:
    out = run(*BE_CLAIM)[1]
    lines = [x for x in out.splitlines() if " days at " in x]
    assert len(lines) == 3
    assert sum(Decimal(x.rsplit("= ", 1)[1]) for x in lines) == _be_claim().interest


def test_interest_contractual_rate_and_options(run: Run) -> None:
    argv = ("interest", "1000", "--due", "2026-01-31", "--until", "2026-03-02", "--rate", "8%")
    data = _json(run, *argv, "--payment", "2026-02-15:500")
    res = pt.late_interest(
        Decimal("1000"),
        due=date(2026, 1, 31),
        until=date(2026, 3, 2),
        rate=Decimal("0.08"),
        payments=(pt.Payment(date(2026, 2, 15), 500),),
    )
    assert data["late_interest"] == jsonable(res)
    # interest.py example: 4.94 interest, 503.29 principal and 1.65 interest outstanding
    assert data["late_interest"]["interest"] == "4.94"
    argv = ("interest", "10000", "--due", "2023-06-20", "--until", "2023-08-31", "--regime", "DE")
    data = _json(run, *argv, "--day-count", "ACT/365F", "--contract-date", "2023-01-01")
    res = pt.late_interest(
        Decimal("10000"),
        due=date(2023, 6, 20),
        until=date(2023, 8, 31),
        regime=pt.law.regime("DE", contract_date=date(2023, 1, 1)),
        day_count=pt.DayCount.ACT_365_FIXED,
    )
    assert data["late_interest"] == jsonable(res)


def test_interest_conventions_override_the_regime(run: Run) -> None:
    argv = (*BE_CLAIM, "--payment-day", "excluded", "--rate-split", "fixed_at_start")
    data = _json(run, *argv, "--imputation", "principal_interest_costs", "--compounding", "annual")
    res = pt.late_interest(
        Decimal("10000"),
        due=date(2024, 3, 31),
        until=date(2025, 2, 15),
        regime="BE",
        payments=(pt.Payment(date(2024, 9, 1), Decimal("4000")),),
        payment_day=pt.PaymentDay.EXCLUDED,
        rate_split=pt.RateSplit.FIXED_AT_START,
        imputation=pt.Imputation.PRINCIPAL_INTEREST_COSTS,
        compounding=pt.Compounding.ANNUAL,
    )
    assert data["late_interest"] == jsonable(res)
    assert data["late_interest"] != jsonable(_be_claim())


def test_interest_csv_round_trip(run: Run) -> None:
    lines = ["claim,amount,due,until"]
    for i in range(1000):
        due = date(2024, 1, 1) + timedelta(days=i % 300)
        lines.append(f"C-{i},{1000 + i}.{i % 100:02d},{due},{due + timedelta(days=i % 97)}")
    text = "\n".join(lines) + "\n"
    status, out, err = run("interest", "--csv", "--regime", "NL", stdin=text)
    assert (status, err) == (0, "")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 1000
    nl = pt.law.regime("NL")
    for row in rows[::37]:
        res = pt.late_interest(
            Decimal(row["amount"]),
            due=date.fromisoformat(row["due"]),
            until=date.fromisoformat(row["until"]),
            regime=nl,
        )
        assert row["interest"] == str(res.interest)
        assert row["compensation"] == str(res.compensation)
        assert row["total_outstanding"] == str(res.total_outstanding)


def test_interest_csv_of_no_rows_writes_the_header(run: Run) -> None:
    status, out, _ = run("interest", "--csv", "--rate", "8%", stdin="amount,due,until\n")
    assert status == 0
    assert out.startswith("amount,due,until,currency,interest,compensation,")


# --------------------------------------------------------------------------- plan


def test_plan_json_is_the_library_plan_and_adds_up(run: Run) -> None:
    # account.py example: 1000.00 in 3 monthly instalments at 8 %, 13.18 of interest.
    argv = ("plan", "1000.00", "3", "--start", "2026-01-15", "--first", "2026-02-15")
    data = _json(run, *argv, "--rate", "8%")
    plan = pt.payment_plan(
        Decimal("1000.00"), 3, start=date(2026, 1, 15), first=date(2026, 2, 15), rate="0.08"
    )
    assert data["payment_plan"] == jsonable(plan)
    lines = data["payment_plan"]["instalments"]
    assert sum(Decimal(i["principal"]) for i in lines) == Decimal("1000.00")
    assert sum(Decimal(i["interest"]) for i in lines) == Decimal("13.18")
    argv = ("plan", "1000.00", "3", "--start", "2024-07-15", "--first", "2024-08-15")
    data = _json(run, *argv, "--regime", "BE", "--method", "equal_principal", "--every", "1Q")
    plan = pt.payment_plan(
        Decimal("1000.00"),
        3,
        start=date(2024, 7, 15),
        first=date(2024, 8, 15),
        rate=pt.law.regime("BE"),
        method=pt.PlanMethod.EQUAL_PRINCIPAL,
        every="1Q",
    )
    assert data["payment_plan"] == jsonable(plan)


# --------------------------------------------------------------------------- account

ACME_INVOICES = (
    "id,customer,issued,due,amount\n"
    "F-1,ACME,2025-01-02,2025-02-01,600\n"
    "F-2,ACME,2025-01-09,2025-02-08,400\n"
)
ACME_ARGS = ("account", "-", "--as-of", "2025-06-30", "--regime", "BE")
ACME_PAYMENTS = ("--payment", "2025-03-01:500", "--payment", "2025-04-01:200:F-2")


def acme_statement() -> pt.AccountStatement:
    """Return the library's statement of the ACME account the command reads."""
    invoices = [
        pt.Invoice("F-1", "ACME", date(2025, 1, 2), date(2025, 2, 1), Decimal("600")),
        pt.Invoice("F-2", "ACME", date(2025, 1, 9), date(2025, 2, 8), Decimal("400")),
    ]
    receipts = [
        pt.Receipt(date(2025, 3, 1), Decimal("500")),
        pt.Receipt(date(2025, 4, 1), Decimal("200"), invoices="F-2"),
    ]
    return pt.account_statement(invoices, receipts, as_of=date(2025, 6, 30), regime="BE")


def test_account_json_is_the_library_statement(run: Run) -> None:
    status, out, err = run(*ACME_ARGS, *ACME_PAYMENTS, "--json", stdin=ACME_INVOICES)
    assert (status, err) == (0, "")
    statement = acme_statement()
    assert json.loads(out)["account_statement"] == jsonable(statement)
    status, out, _ = run(*ACME_ARGS, *ACME_PAYMENTS, stdin=ACME_INVOICES)
    assert out == statement.explain() + "\n"


def test_account_reads_invoice_and_payment_files(run: Run, tmp_path: Path) -> None:
    invoices = tmp_path / "invoices.csv"
    invoices.write_text(ACME_INVOICES, encoding="utf-8")
    payments = tmp_path / "payments.csv"
    payments.write_text(
        "date,amount,invoices,ref\n2025-03-01,500,,\n2025-04-01,200,F-2,\n", encoding="utf-8"
    )
    argv = ("account", str(invoices), "--as-of", "2025-06-30", "--regime", "BE")
    status, out, err = run(*argv, "--payments", str(payments), "--json")
    assert (status, err) == (0, "")
    assert json.loads(out)["account_statement"] == jsonable(acme_statement())


def test_account_totals_add_up(run: Run) -> None:
    _, out, _ = run(*ACME_ARGS, *ACME_PAYMENTS, "--json", stdin=ACME_INVOICES)
    data = json.loads(out)["account_statement"]
    for name in ("principal", "interest", "compensation", "paid", "outstanding"):
        assert sum(Decimal(line[name]) for line in data["lines"]) == Decimal(data[name])
    assert Decimal(data["outstanding"]) - Decimal(data["unapplied"]) == Decimal(data["balance"])


def test_account_lines_add_up(run: Run) -> None:
    _, out, _ = run(*ACME_ARGS, *ACME_PAYMENTS, "--json", stdin=ACME_INVOICES)
    for line in json.loads(out)["account_statement"]["lines"]:
        parts = Decimal(line["principal"]) + Decimal(line["interest"])
        parts += Decimal(line["compensation"]) - Decimal(line["paid"])
        assert parts == Decimal(line["outstanding"]), line["invoice"]


# --------------------------------------------------------------------------- bad input

BAD_INPUT = [
    # (argv, stdin, what the one line must say)
    (("schedule", "net 30", "2026-01-15", "1e3"), None, "argument AMOUNT: '1e3' is not an amount"),
    (("schedule", "net 30", "2026-01-15", "1,5"), None, "decimal separator as a point"),
    (("interest", "nan", "--due", "2024-01-01", "--until", "2024-02-01", "--rate", "8%"), None,
     "argument AMOUNT: 'nan' is not an amount"),
    (("interest", "1000", "--due", "2024-01-01", "--until", "2024-02-01", "--regime", "XX"), None,
     "argument --regime: unknown legal regime 'XX'"),
    (("due", "net 30", "2026-02-30"), None, "argument DATE: '2026-02-30' is not a date"),
    (("due", "net 30", "15/01/2026"), None, "argument DATE: '15/01/2026' is not a date"),
    (("due", "payable whenever", "2026-01-15"), None, "argument TERMS: cannot read"),
    (("due", "--csv"), "", "standard input: empty"),
    (("due", "net 30", "--csv"), "id,day\nF-1,2026-01-15\n", "lacks the column 'date'"),
    (("due", "--csv"), "date\n2026-01-15\n", "argument TERMS: required unless"),
    (("due", "net 30", "--csv"), "id,date\nF-1,2026-13-01\n",
     "standard input line 2, column 'date': '2026-13-01' is not a date"),
    (("due", "net 30", "--csv"), "id,date\nF-1\n", "standard input line 2: 2 cells expected"),
    (("due", "--csv"), "date,terms\n2026-01-15,net 30\n2026-01-15,soon\n",
     "standard input line 3, column 'terms': cannot read 'soon'"),
    (("due", "net 30", "2026-01-15", "--csv"), None, "argument DATE: not allowed with --csv"),
    (("due", "net 30", "2026-01-15", "--json", "--csv"), None, "not allowed with argument"),
    (("due",), None, "the following arguments are required: TERMS, DATE"),
    (("frobnicate",), None, "invalid choice: 'frobnicate'"),
    (("due", "net 30", "2026-01-15", "--calendar", "BE", "--adjust", "sideways"), None,
     "argument --adjust: 'sideways' is not one of"),
    (("due", "net 30", "2026-01-15", "--calendar", "XX"), None,
     "argument --calendar: no business calendar for 'XX'"),
    (("due", "net 30", "2026-01-15", "--adjust", "following"), None, "needs --calendar"),
    (("cash", "net 30", "2026-01-15", "--runs", "10,32"), None,
     "argument --runs: cannot read '10,32' at position 3"),
    (("cash", "net 30", "2026-01-15"), None, "the following arguments are required: --runs"),
    (("cash", "net 30", "2026-01-15", "--runs", "25", "--closure", "2026-08-21..2026-08-01"),
     None, "ends before it starts"),
    (("interest", "1000", "--due", "2024-01-01", "--until", "2024-02-01", "--regime", "BE",
      "--payment", "2024-01-15"), None, "argument --payment: '2024-01-15' is not a payment"),
    (("interest", "1000", "--due", "2024-02-01", "--until", "2024-01-01", "--regime", "BE"), None,
     "argument --until: 2024-01-01 is not accepted"),
    (("interest", "1000", "--due", "2024-01-01", "--until", "2099-01-01", "--regime", "BE"), None,
     "rate published for"),
    (("interest", "1000", "--due", "2024-01-01", "--until", "2024-02-01"), None,
     "required: --regime or --rate"),
    (("interest", "--csv", "--regime", "BE"), "amount,due,until\n1e3,2024-01-01,2024-02-01\n",
     "standard input line 2, column 'amount': '1e3' is not an amount"),
    (("interest", "--csv", "--regime", "BE"), "amount,due\n",
     "lacks the column 'until'"),
    (("discount", "cheap money"), None, "argument SPEC: cannot read 'cheap money'"),
    (("discount", "net 30"), None, "grants no early-payment discount"),
    (("breakeven", "10-30", "--rate", "8%"), None, "argument DAYS/NET: '10-30'"),
    (("cost", "net 60", "10000", "--rate", "eight", "--date", "2026-01-15"), None,
     "argument --rate: 'eight' is not a rate"),
    (("schedule", "net 30", "2026-01-15", "100", "--currency", "XYZ"), None,
     "argument --currency: unknown currency code 'XYZ'"),
    (("check", "net 30", "--country", "ZZ"), None, "argument --country: unknown legal regime"),
    (("describe", "net 30", "--lang", "xx"), None, "invalid choice: 'xx'"),
    (("send-date", "net 30", "--ready", "2026-01-20", "--latest", "2026-01-10", "--runs", "25"),
     None, "argument --latest: 2026-01-10 is not accepted"),
    (("account", "-", "--as-of", "2025-06-30"), "id,issued,amount\nF-1,2025-01-02,600\n",
     "standard input: the CSV header 'id,issued,amount' lacks the column 'due'"),
    (("account", "/nonexistent/invoices.csv", "--as-of", "2025-06-30"), None,
     "argument INVOICES: cannot read '/nonexistent/invoices.csv'"),
    (("account", "-", "--as-of", "2025-06-30", "--payment", "2025-03-01:500:F-9"),
     "id,issued,due,amount\nF-1,2025-01-02,2025-02-01,600\n", "(it names 'F-9')"),
    (("account", "-", "--as-of", "2025-06-30"),
     "id,issued,due,amount\nF-1,2025-01-02,2025-02-01,6e2\n",
     "standard input line 2: '6e2' is not an amount"),
    (("account", "-", "--as-of", "2025-06-30", "--payment", "2025-03-01"),
     "id,issued,due,amount\nF-1,2025-01-02,2025-02-01,600\n",
     "argument --payment: '2025-03-01' is not a payment"),
    (("plan", "1000", "0", "--start", "2026-01-15", "--first", "2026-02-15"), None,
     "argument N: '0' is not a count"),
    (("plan", "1000", "3", "--start", "2026-01-15", "--first", "2026-01-01"), None,
     "argument --first: 2026-01-01 is not accepted"),
    (("plan", "1000", "3", "--start", "2026-01-15", "--first", "2026-02-15", "--rate", "8%",
      "--regime", "BE"), None, "not allowed with argument"),
    (("due", "CM+2BD", "2026-01-15"), None, "argument --calendar: missing: expected"),
    (("schedule", "net 30", "9999-12-31", "100"), None,
     "argument DATE: 9999-12-31 is not accepted"),
    (("cash", "net 30", "2026-01-01", "--runs", "2020-01-01"), None,
     "argument --runs: 2020-01-01 is not accepted"),
    (("discount", "200/10/30"), None, "argument SPEC: 200 is not accepted"),
    (("breakeven", "30/10", "--rate", "8%"), None, "argument DAYS/NET: 30 is not accepted"),
    (("interest", "9999999999999999999", "--due", "2024-01-01", "--until", "2024-02-01",
      "--rate", "8%"), None, "at most 18 digits before the decimal point"),
    (("interest", "100", "--due", "2024-01-01", "--until", "2024-02-01", "--rate", "150%"), None,
     "argument --rate: 1.5 is not accepted"),
    (("interest", "100", "--due", "2024-01-01", "--until", "2024-02-01", "--regime", "BE",
      "--payment", "2024-01-10:500"), None, "argument --payment: 2024-01-10:500 is not accepted"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("argv", "stdin", "fragment"), BAD_INPUT, ids=[" ".join(a) for a, _, _ in BAD_INPUT]
)
def test_bad_input_is_one_line_and_exit_2(
    run: Run, argv: Sequence[str], stdin: str | None, fragment: str
) -> None:
    status, out, err = run(*argv, stdin=stdin)
    assert status == 2
    assert out == ""
    assert err.count("\n") == 1
    assert err.endswith("\n")
    assert err.startswith("payterms")
    assert fragment in err, err


def test_an_unexpected_error_is_one_line_unless_traceback(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(pt.PaymentTerms, "due_date", broken)
    status, out, err = run("due", "net 30", "2026-01-15")
    assert (status, out) == (70, "")
    assert err == (
        "payterms due: internal error: RuntimeError: boom (run again with --traceback to see "
        "where)\n"
    )
    with pytest.raises(RuntimeError):
        main(["--traceback", "due", "net 30", "2026-01-15"])


# --------------------------------------------------------------------------- amounts


@settings(max_examples=examples(200), deadline=None)
@given(st.decimals(allow_nan=False, allow_infinity=False, places=2, max_value=10**9, min_value=0))
@example(Decimal("0.10"))
def test_amounts_are_read_exactly(amount: Decimal) -> None:
    from payterms.cli._values import read_amount

    assert read_amount(str(amount)) == amount
    assert str(read_amount(f"{amount:f}")) == f"{amount:f}"


@settings(max_examples=examples(200), deadline=None)
@given(st.floats(allow_nan=True, allow_infinity=True))
@example(1000.0)
def test_float_spellings_with_an_exponent_are_refused(value: float) -> None:
    from payterms.cli._values import BadValue, read_amount

    text = f"{value:e}"
    with pytest.raises(BadValue):
        read_amount(text)


# --------------------------------------------------------------------------- properties


@settings(max_examples=examples(60), deadline=None)
@given(
    terms=payment_terms(),
    start=st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31)),
    amount=amounts(min_value=100, max_value=10**7),
)
def test_schedule_json_is_the_library_schedule_and_adds_up(
    terms: pt.PaymentTerms, start: date, amount: Decimal
) -> None:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        argv = ["schedule", terms.describe("en"), str(start), str(amount), "--tax", "0"]
        status = main([*argv, "--json"])
    assert status == 0
    data = json.loads(out.getvalue())["schedule"]
    assert data == jsonable(terms.schedule(start, amount, tax=Decimal(0)))
    assert sum(Decimal(d["amount"]) for d in data["dues"]) == Decimal(data["amount"])
    for window in data["discounts"]:
        assert Decimal(window["payable"]) + Decimal(window["discount"]) == Decimal(data["amount"])


@settings(max_examples=examples(60), deadline=None)
@given(claim=late_claims(), code=interest_regime_codes())
def test_interest_json_of_any_claim(claim: tuple[Decimal, date, date], code: str) -> None:
    principal, due, until = claim
    argv = ["interest", str(principal), "--due", str(due), "--until", str(until)]
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        status = main([*argv, "--regime", code, "--json"])
    assert status == 0
    data = json.loads(out.getvalue())["late_interest"]
    result = pt.late_interest(principal, due=due, until=until, regime=code)
    assert data == jsonable(result)
    parts = ("principal_outstanding", "interest_outstanding", "compensation_outstanding")
    assert sum(Decimal(data[k]) for k in parts) == Decimal(data["total_outstanding"])


@settings(max_examples=examples(40), deadline=None)
@given(
    st.lists(
        st.tuples(
            st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31)),
            st.sampled_from(["", "net 30", "45 jours fin de mois", "60 dagen einde maand"]),
        ),
        max_size=30,
    )
)
def test_due_csv_rows_are_the_library_due_dates(rows: list[tuple[date, str]]) -> None:
    text = "date,terms\n" + "".join(f"{day},{terms}\n" for day, terms in rows)
    out = io.StringIO()
    with contextlib.redirect_stdout(out), _stdin(text):
        status = main(["due", "net 60", "--csv"])
    assert status == 0
    written = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert len(written) == len(rows)
    for row, (day, terms) in zip(written, rows, strict=True):
        due = pt.PaymentTerms.parse(terms or "net 60", reading=THEN_DAYS).due_date(day)
        assert row == {"date": str(day), "terms": terms, "due_date": due.isoformat()}


@contextlib.contextmanager
def _stdin(text: str) -> Iterator[None]:
    saved = sys.stdin
    sys.stdin = io.StringIO(text)
    try:
        yield
    finally:
        sys.stdin = saved

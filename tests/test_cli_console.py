"""The installed ``payterms`` console script, driven in subprocesses.

Each command runs once as text and once with ``--json``; the JSON is compared with the
library's own result for the same inputs (converted by ``jsonable``, tested in
tests/test_cli.py), the text with what ``main()`` prints in this process and with the
figures of that result. The CSV commands (``due``, ``cash``, ``interest``) run on 1 000
rows, every row checked against the library; bad input of every kind ends with exit
status 2 and one line on standard error. A process spends most of its time starting
Python, so the processes of each group run side by side in one module-scoped fixture and
the tests read their results.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import re
import subprocess
import sys
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any, NamedTuple

import pytest

import payterms as pt
from payterms import __version__
from payterms.cli import commands, main
from payterms.cli._output import jsonable, one_line
from test_cli import ACME_ARGS, ACME_INVOICES, ACME_PAYMENTS, acme_statement

Done = subprocess.CompletedProcess[str]

THEN_DAYS = pt.EndOfMonth.THEN_DAYS  # the reading the command line applies by default
COMMAND_NAMES = [c.name for c in commands()]


def _script() -> list[str]:
    script = Path(sys.executable).with_name("payterms")
    return [str(script)] if script.exists() else [sys.executable, "-m", "payterms"]


def _run_many(jobs: Sequence[tuple[Sequence[str], str | None]]) -> list[Done]:
    """Run the console script once per (argv, stdin) job, a few at a time; keep the order."""

    def one(job: tuple[Sequence[str], str | None]) -> Done:
        argv, stdin = job
        return subprocess.run(
            [*_script(), *argv], input=stdin or "", capture_output=True, text=True, check=False
        )

    with ThreadPoolExecutor(max_workers=4) as pool:
        return list(pool.map(one, jobs))


@contextlib.contextmanager
def _stdin(text: str) -> Iterator[None]:
    saved = sys.stdin
    sys.stdin = io.StringIO(text)
    try:
        yield
    finally:
        sys.stdin = saved


def _squeezed(text: str) -> str:
    return re.sub(" +", " ", text)


def _parsed(text: str) -> dict[str, Any]:
    """Return what the command writes about the terms it read (the terms reader's result)."""
    data = jsonable(pt.parse_with_notes(text))
    assert isinstance(data, dict)
    return data


# --------------------------------------------------------------------------- the inputs

BE = pt.BusinessCalendar.country("BE")
PAYER_ARGS: tuple[str, ...] = ("--runs", "10,25", "--calendar", "BE", "--approval-days", "5")
PAYER_ARGS += ("--transfer-days", "1", "--closure", "2026-08-01..2026-08-21")


def _payer() -> pt.Payer:
    return pt.Payer(
        runs=pt.PaymentRun.monthly(10, 25),
        calendar=BE,
        approval_days=5,
        transfer_days=1,
        closures=((date(2026, 8, 1), date(2026, 8, 21)),),
    )


BE_CLAIM: tuple[str, ...] = ("interest", "10000", "--due", "2024-03-31", "--until", "2025-02-15")
BE_CLAIM += ("--regime", "BE", "--payment", "2024-09-01:4000")


def _be_claim() -> pt.InterestResult:
    return pt.late_interest(
        Decimal("10000"),
        due=date(2024, 3, 31),
        until=date(2025, 2, 15),
        regime="BE",
        payments=(pt.Payment(date(2024, 9, 1), Decimal("4000")),),
    )


ACME = (*ACME_ARGS, *ACME_PAYMENTS)


# The four conventions the discount and breakeven commands print, in their order.
CONVENTIONS = [
    (pt.RateMethod.SIMPLE, 365),
    (pt.RateMethod.COMPOUND, 365),
    (pt.RateMethod.SIMPLE, 360),
    (pt.RateMethod.APPROXIMATE, 360),
]


# --------------------------------------------------------------------------- every command


class Case(NamedTuple):
    """One command line: the library's answer as JSON, and what its text must show."""

    argv: tuple[str, ...]
    expected: Callable[[], dict[str, Any]] | None  # None: the command has no --json
    shows: Callable[[], list[str]]
    stdin: str | None = None
    status: int = 0


def _due() -> tuple[Any, Any]:
    parsed = pt.parse_with_notes("45 jours fin de mois")
    due = parsed.terms.due_date(date(2026, 1, 15), calendar=BE, adjustment=pt.Adjustment.FOLLOWING)
    return parsed, due


def _due_json() -> dict[str, Any]:
    _, due = _due()
    return {"due_date": due.isoformat(), "start": "2026-01-15", **_parsed("45 jours fin de mois")}


def _due_text() -> list[str]:
    parsed, due = _due()
    return [f"due date  {due}", *(f"note: {n}" for n in parsed.notes)]


def _schedule() -> tuple[Any, str]:
    terms = pt.PaymentTerms.parse("2/10 net 30")
    sched = terms.schedule(
        date(2026, 1, 15), Decimal("1210.00"), tax=Decimal("210.00"), calendar=BE
    )
    return sched, pt.describe_invoice(sched, "de", None, terms=terms)


def _schedule_json() -> dict[str, Any]:
    sched, wording = _schedule()
    return {"schedule": jsonable(sched), **_parsed("2/10 net 30"), "wording": wording}


def _schedule_text() -> list[str]:
    sched, wording = _schedule()
    lines = [f"{due.date}  {due.amount} EUR" for due in sched.dues]
    lines += [f"{window.payable} EUR" for window in sched.discounts]
    return [*lines, wording]


def _describe_json() -> dict[str, Any]:
    terms = pt.PaymentTerms.parse("2/10 net 30")
    texts = {"fr": terms.describe("fr"), "nl": terms.describe("nl")}
    return {"describe": texts, **_parsed("2/10 net 30")}


def _describe_text() -> list[str]:
    terms = pt.PaymentTerms.parse("2/10 net 30")
    return [terms.describe("fr"), terms.describe("nl")]


def _check() -> Any:
    return pt.law.check_terms(
        pt.PaymentTerms.parse("90 jours fin de mois", reading=THEN_DAYS), "FR"
    )


def _check_json() -> dict[str, Any]:
    return {"findings": jsonable(_check()), **_parsed("90 jours fin de mois")}


def _check_text() -> list[str]:
    return [f"{f.severity.name}  {f.code}" for f in _check()]


def _cash() -> Any:
    return pt.explain_payment(pt.PaymentTerms.net(30), date(2026, 7, 1), _payer())


def _cash_json() -> dict[str, Any]:
    return {"explain_payment": jsonable(_cash()), **_parsed("net 30")}


def _cash_text() -> list[str]:
    explanation = _cash()
    shown = [f"paid in full on {explanation.cash_date}"]
    for payment in explanation.payments:
        shown += [f"due {payment.due}", f"run {payment.run}:", f"cash {payment.cash}"]
    return shown


SEND_DATE: tuple[str, ...] = ("send-date", "CM+30D", "--ready", "2026-01-20")
SEND_DATE += ("--latest", "2026-02-10", "--runs", "25", "--approval-days", "5")


def _send_date() -> Any:
    payer = pt.Payer(runs=pt.PaymentRun.monthly(25), approval_days=5)
    terms = pt.PaymentTerms.end_of_month(30)
    return pt.best_send_date(terms, payer, date(2026, 1, 20), date(2026, 2, 10))


def _send_date_json() -> dict[str, Any]:
    return {"best_send_date": jsonable(_send_date()), **_parsed("CM+30D")}


def _send_date_text() -> list[str]:
    plan = _send_date()
    return [
        f"send on               {plan.sent}",
        f"cash on               {plan.cash}",
        f"same cash if sent by  {plan.last_send_same_cash}",
    ]


def _discount() -> tuple[list[tuple[pt.RateMethod, int, Decimal]], Any]:
    costs = [(m, y, pt.discount_cost(2, 10, 30, method=m, year=y)) for m, y in CONVENTIONS]
    decision = pt.discount_decision(2, 10, 30, Decimal("0.08"), amount=Decimal("10000"))
    return costs, decision


def _discount_json() -> dict[str, Any]:
    costs, decision = _discount()
    tier = {
        "percent": "2",
        "discount_days": 10,
        "net_days": 30,
        "discount_cost": [
            {"method": m.value, "year": y, "rate": jsonable(rate)} for m, y, rate in costs
        ],
        "discount_decision": jsonable(decision),
    }
    return {"tiers": [tier], "notes": []}


def _discount_text() -> list[str]:
    costs, decision = _discount()
    shown = [f"{pt.rate_to_percent(rate, 2)} %  {m.value}, {y}-day year" for m, y, rate in costs]
    return [*shown, decision.explain()]


def _breakeven() -> tuple[list[tuple[pt.RateMethod, int, Decimal]], list[Any]]:
    rate = Decimal("0.08")
    discounts = [
        (m, y, pt.breakeven_discount(rate, 10, 30, method=m, year=y)) for m, y in CONVENTIONS
    ]
    days = [(m, y, pt.breakeven_days(1, rate, method=m, year=y)) for m, y in CONVENTIONS]
    return discounts, days


def _breakeven_json() -> dict[str, Any]:
    discounts, days = _breakeven()
    return {
        "cost_of_capital": "0.08",
        "discount_days": 10,
        "net_days": 30,
        "breakeven_discount": [
            {"method": m.value, "year": y, "percent": jsonable(v)} for m, y, v in discounts
        ],
        "breakeven_days": [{"method": m.value, "year": y, "days": jsonable(v)} for m, y, v in days],
    }


def _breakeven_text() -> list[str]:
    discounts, days = _breakeven()
    return [f"{v:.4f} %  {m.value}, {y}-day year" for m, y, v in discounts] + [
        f"{v:.1f} days  {m.value}, {y}-day year" for m, y, v in days
    ]


COST: tuple[str, ...] = ("cost", "net 60", "10000", "--rate", "8%", "--date", "2026-01-15")
COST += ("--cost", "7500", "--runs", "10,25", "--approval-days", "5")


def _cost() -> tuple[Any, Decimal, Any]:
    payer = pt.Payer(runs=pt.PaymentRun.monthly(10, 25), approval_days=5)
    amount, rate = Decimal("10000"), Decimal("0.08")
    cost = pt.term_cost(
        pt.PaymentTerms.net(60), amount, invoice_date=date(2026, 1, 15), rate=rate, payer=payer
    )
    uplift = pt.price_uplift(amount, cost.cash_gap, rate)
    margin = pt.margin_after_term(amount, Decimal("7500"), cost.cash_gap, rate)
    return cost, uplift, margin


def _cost_json() -> dict[str, Any]:
    cost, uplift, margin = _cost()
    return {
        "term_cost": jsonable(cost),
        "days": cost.cash_gap,
        "price_uplift": jsonable(uplift),
        "uplift_reading": "future_value",
        "margin_after_term": jsonable(margin),
        **_parsed("net 60"),
    }


def _cost_text() -> list[str]:
    cost, uplift, _ = _cost()
    return [
        f"paid in full on  {cost.last_cash_date}",
        f"financing cost  {cost.financing} EUR",
        f"{uplift} EUR",
    ]


def _interest_json() -> dict[str, Any]:
    return {"late_interest": jsonable(_be_claim())}


def _interest_text() -> list[str]:
    result = _be_claim()
    return [result.explain(), f"outstanding on 2025-02-15   {result.total_outstanding} EUR"]


PLAN = ("plan", "1000.00", "3", "--start", "2026-01-15", "--first", "2026-02-15", "--rate", "8%")


def _plan() -> Any:
    return pt.payment_plan(
        Decimal("1000.00"), 3, start=date(2026, 1, 15), first=date(2026, 2, 15), rate="0.08"
    )


def _plan_json() -> dict[str, Any]:
    return {"payment_plan": jsonable(_plan())}


def _plan_text() -> list[str]:
    return [
        f"{i.due}  {i.principal:>10}  {i.interest:>8}  {i.amount:>8}  {i.balance:>8}"
        for i in _plan().instalments
    ]


def _account_json() -> dict[str, Any]:
    return {"account_statement": jsonable(acme_statement())}


def _account_text() -> list[str]:
    return [acme_statement().explain()]


def _rates_list() -> tuple[Any, tuple[Any, ...]]:
    regime = pt.law.regime("FR")
    return regime, tuple(c for c in pt.law.coverage() if c.name in regime.table_names)


def _rates_list_json() -> dict[str, Any]:
    _, found = _rates_list()
    return {"regime": "FR", "coverage": jsonable(found)}


def _rates_list_text() -> list[str]:
    regime, found = _rates_list()
    shown = [f"{regime.code}: {regime.title}", f"reads {', '.join(regime.table_names)}"]
    return shown + [f"{c.name} {c.first_day} {c.last_day} {c.confirmed_until}" for c in found]


def _rates_show_text() -> list[str]:
    table = pt.law.rate_table("lu_legal_rate")
    shown = [f"{table.name}: {table.title}", f"source: {table.source}"]
    return shown + [f"{e.valid_from} {e.rate} % {e.status.value}" for e in table.entries]


# A table of one's own laid over the shipped ECB rate, past its last row; and one that
# writes a rate with an exponent (a finding of 'rates check': exit status 1, not bad input).
OWN_ECB = "# covers_until: 2026-12-31\nvalid_from,rate,status\n2026-09-01,2.40,published\n"
BAD_ECB = "# covers_until: 2026-12-31\nvalid_from,rate\n2026-09-01,1e-2\n"
RATES_CHECK = ("rates", "check", "-", "--name", "ecb_mro")


def _rates_check() -> tuple[Any, Any]:
    table = pt.law.RateTable.from_csv(OWN_ECB, name="ecb_mro")
    return table, pt.law.rate_table("ecb_mro").merged(table)


def _rates_check_json() -> dict[str, Any]:
    table, merged = _rates_check()
    data = {"file": "standard input", "valid": True, "rate_table": jsonable(table)}
    # its only row is past the shipped table's last: it replaces no shipped figure
    return {**data, "merged": jsonable(merged.coverage()), "replaces": []}


def _rates_check_text() -> list[str]:
    table, merged = _rates_check()
    c = merged.coverage()
    return [
        f"standard input: a valid rate table, 1 row from {table.first_known} to "
        f"{table.last_known} (1 published)",
        # --table reads no standard input: the hint names a FILE
        f"(--table ecb_mro=FILE): covers {c.first_day} to {c.last_day}, confirmed until "
        f"{c.confirmed_until}",
    ]


def _rates_refused() -> str:
    with pytest.raises(pt.PaytermsError) as caught:
        pt.law.RateTable.from_csv(BAD_ECB, name="ecb_mro")
    return one_line(caught.value)


CASES = [
    Case(
        ("due", "45 jours fin de mois", "2026-01-15", "--calendar", "BE", "--adjust", "following"),
        _due_json,
        _due_text,
    ),
    Case(
        ("schedule", "2/10 net 30", "2026-01-15", "1210.00", "--tax", "210.00", "--calendar", "BE",
         "--wording", "de"),
        _schedule_json,
        _schedule_text,
    ),
    Case(("describe", "2/10 net 30", "--lang", "fr", "--lang", "nl"), _describe_json,
         _describe_text),
    Case(("check", "90 jours fin de mois", "--country", "FR"), _check_json, _check_text, status=1),
    Case(("cash", "net 30", "2026-07-01", *PAYER_ARGS), _cash_json, _cash_text),
    Case(SEND_DATE, _send_date_json, _send_date_text),
    Case(("discount", "2/10/30", "--rate", "8%", "--amount", "10000"), _discount_json,
         _discount_text),
    Case(("breakeven", "10/30", "--rate", "8%", "--percent", "1"), _breakeven_json,
         _breakeven_text),
    Case(COST, _cost_json, _cost_text),
    Case(BE_CLAIM, _interest_json, _interest_text),
    Case(PLAN, _plan_json, _plan_text),
    Case(ACME, _account_json, _account_text, stdin=ACME_INVOICES),
    Case(("rates", "--regime", "FR"), _rates_list_json, _rates_list_text),
    Case(("rates", "show", "lu_legal_rate"),
         lambda: {"rate_table": jsonable(pt.law.rate_table("lu_legal_rate"))}, _rates_show_text),
    Case(RATES_CHECK, _rates_check_json, _rates_check_text, stdin=OWN_ECB),
    Case(RATES_CHECK, lambda: {"file": "standard input", "valid": False, "error": _rates_refused()},
         lambda: [f"standard input: not a valid rate table: {_rates_refused()}"], stdin=BAD_ECB,
         status=1),
    Case(("version",), lambda: {"version": __version__}, lambda: [f"payterms {__version__}"]),
    Case(("demo",), None, lambda: ["moved FOLLOWING: 2026-05-15"]),
]  # fmt: skip

HELP = [("--help",), ("interest", "--help"), ("rates", "--help")]


Console = dict[tuple[tuple[str, ...], str | None], Done]


@pytest.fixture(scope="module")
def console() -> Console:
    """Run every case as text and with --json (and two help pages), side by side.

    The results are found by (argv, stdin).
    """
    jobs: list[tuple[tuple[str, ...], str | None]] = []
    for case in CASES:
        jobs.append((case.argv, case.stdin))
        if case.expected is not None:
            jobs.append(((*case.argv, "--json"), case.stdin))
    jobs += [(argv, None) for argv in HELP]
    return dict(zip(jobs, _run_many(jobs), strict=True))


def _id(case: Case) -> str:
    """Return the command's name, with the action word or the exit status where it has one."""
    name = case.argv[0] if case.argv[0] != "rates" else " ".join(case.argv[:2])
    return name if case.status == 0 else f"{name} (exit {case.status})"


def test_every_command_has_a_case() -> None:
    assert {case.argv[0] for case in CASES} == set(COMMAND_NAMES)
    assert len({_id(case) for case in CASES}) == len(CASES)
    # demo is a tour for people; every other command answers a script with --json
    assert [case.argv[0] for case in CASES if case.expected is None] == ["demo"]


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_console_script_text(
    console: Console, capsys: pytest.CaptureFixture[str], case: Case
) -> None:
    done = console[case.argv, case.stdin]
    assert (done.returncode, done.stderr) == (case.status, "")
    for shown in case.shows():  # compared with runs of spaces squeezed (columns are aligned)
        assert _squeezed(shown) in _squeezed(done.stdout), shown
    # the installed script prints what main() prints in this process
    capsys.readouterr()
    with _stdin(case.stdin or ""):
        assert main(list(case.argv)) == case.status
    assert capsys.readouterr().out == done.stdout


@pytest.mark.parametrize("case", [c for c in CASES if c.expected], ids=_id)
def test_console_script_json_is_the_library_result(console: Console, case: Case) -> None:
    done = console[(*case.argv, "--json"), case.stdin]
    assert (done.returncode, done.stderr) == (case.status, "")
    assert case.expected is not None
    assert json.loads(done.stdout) == case.expected()


def _statement(out: str) -> tuple[list[Decimal], Decimal]:
    """Return the parts and the total of the statement block at the end of *out*."""
    block = out.rstrip().split("\n\n")[-1].splitlines()
    amounts = [Decimal(re.findall(r"(-?[0-9]+\.[0-9]{2}) EUR$", line)[0]) for line in block]
    return amounts[:-1], amounts[-1]


def test_console_interest_statement_adds_up_to_its_total(console: Console) -> None:
    out = console[BE_CLAIM, None].stdout
    parts, total = _statement(out)
    assert len(parts) == 4  # principal, interest, compensation, one payment
    assert sum(parts) == total
    assert total == _be_claim().total_outstanding


def test_console_help(console: Console) -> None:
    top = console[("--help",), None]
    assert (top.returncode, top.stderr) == (0, "")
    for name in COMMAND_NAMES:
        assert f"    {name} " in top.stdout
    for argv, example in [
        (("interest", "--help"), "example:\n  $ payterms interest 10000 --due 2024-03-31"),
        (("rates", "--help"), "example:\n  $ payterms rates --regime FR\n  FR: France"),
    ]:
        page = console[argv, None]
        assert (page.returncode, page.stderr) == (0, "")
        assert example in page.stdout


def test_module_entry_point() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "payterms", "--version"], capture_output=True, text=True, check=True
    )
    assert done.stdout == f"payterms {__version__}\n"


# --------------------------------------------------------------------------- CSV, 1 000 rows

ROWS = 1000


def _invoices() -> str:
    lines = ["id,date,terms"]
    wordings = ["net 30", "45 jours fin de mois", "", "30 dagen netto", "2/10 net 30"]
    for i in range(ROWS):
        day = date(2026, 1, 1) + timedelta(days=(i * 7) % 400)
        lines.append(f"F-{i},{day},{wordings[i % len(wordings)]}")
    return "\n".join(lines) + "\n"


def _claims() -> str:
    lines = ["claim,amount,due,until"]
    for i in range(ROWS):
        due = date(2024, 1, 1) + timedelta(days=i % 300)
        lines.append(f"C-{i},{1000 + 7 * i}.{i % 100:02d},{due},{due + timedelta(days=i % 97)}")
    return "\n".join(lines) + "\n"


CSV_JOBS = {
    "due": (("due", "net 60", "--csv", "--calendar", "TARGET"), _invoices()),
    "cash": (("cash", "net 60", "--csv", *PAYER_ARGS), _invoices()),
    "interest": (("interest", "--csv", "--regime", "BE"), _claims()),
}


@pytest.fixture(scope="module")
def csv_console() -> dict[str, tuple[list[dict[str, str]], list[dict[str, str]]]]:
    """Run the three CSV commands on 1 000 rows; return each one's (rows in, rows out)."""
    names = list(CSV_JOBS)
    results = _run_many([CSV_JOBS[name] for name in names])
    found = {}
    for name, done in zip(names, results, strict=True):
        assert (done.returncode, done.stderr) == (0, ""), name
        given = list(csv.DictReader(io.StringIO(CSV_JOBS[name][1])))
        found[name] = (given, list(csv.DictReader(io.StringIO(done.stdout))))
    return found


def _terms(row: dict[str, str]) -> pt.PaymentTerms:
    return pt.PaymentTerms.parse(row["terms"] or "net 60", reading=THEN_DAYS)


def test_due_csv_of_1000_rows(
    csv_console: dict[str, tuple[list[dict[str, str]], list[dict[str, str]]]],
) -> None:
    given, written = csv_console["due"]
    assert len(written) == ROWS
    target = pt.BusinessCalendar.TARGET
    for row, source in zip(written, given, strict=True):
        due = _terms(source).due_date(date.fromisoformat(source["date"]), calendar=target)
        assert row == {**source, "due_date": due.isoformat()}


def test_cash_csv_of_1000_rows(
    csv_console: dict[str, tuple[list[dict[str, str]], list[dict[str, str]]]],
) -> None:
    given, written = csv_console["cash"]
    assert len(written) == ROWS
    payer = _payer()
    for row, source in zip(written, given, strict=True):
        cash = pt.expected_payment_date(_terms(source), date.fromisoformat(source["date"]), payer)
        assert row == {**source, "cash_date": cash.isoformat()}


def test_interest_csv_of_1000_rows(
    csv_console: dict[str, tuple[list[dict[str, str]], list[dict[str, str]]]],
) -> None:
    given, written = csv_console["interest"]
    assert len(written) == ROWS
    be = pt.law.regime("BE")
    for row, source in zip(written, given, strict=True):
        result = pt.late_interest(
            Decimal(source["amount"]),
            due=date.fromisoformat(source["due"]),
            until=date.fromisoformat(source["until"]),
            regime=be,
        )
        data = jsonable(result)
        assert isinstance(data, dict)
        columns = {k: str(v) for k, v in data.items() if not isinstance(v, (list, dict))}
        assert row == {**source, **columns}
        parts = ("principal_outstanding", "interest_outstanding", "compensation_outstanding")
        assert sum(Decimal(row[k]) for k in parts) == Decimal(row["total_outstanding"])


# --------------------------------------------------------------------------- bad input

# (argv, stdin, what the one line must say); each runs in its own process.
BAD_INPUT: list[tuple[tuple[str, ...], str | None, str]] = [
    # a float amount, written with an exponent: on the command line and in a CSV cell
    (("schedule", "net 30", "2026-01-15", "1e3"), None, "argument AMOUNT: '1e3' is not an amount"),
    (("interest", "--csv", "--regime", "BE"), "amount,due,until\n1e3,2024-01-01,2024-02-01\n",
     "standard input line 2, column 'amount': '1e3' is not an amount"),
    (("schedule", "net 30", "2026-01-15", "1,5"), None, "decimal separator as a point"),
    (("interest", "-100", "--due", "2024-01-01", "--until", "2024-02-01", "--rate", "8%"), None,
     "argument AMOUNT: -100 is not accepted"),
    # an unknown regime, country, calendar, currency, command, option value
    (("interest", "100", "--due", "2024-01-01", "--until", "2024-02-01", "--regime", "XX"), None,
     "argument --regime: unknown legal regime 'XX'"),
    (("check", "net 30", "--country", "ZZ"), None, "argument --country: unknown legal regime"),
    (("due", "net 30", "2026-01-15", "--calendar", "XX"), None,
     "argument --calendar: no business calendar for 'XX'"),
    (("schedule", "net 30", "2026-01-15", "100", "--currency", "XYZ"), None,
     "argument --currency: unknown currency code 'XYZ'"),
    (("frobnicate",), None, "invalid choice: 'frobnicate'"),
    (("describe", "net 30", "--lang", "xx"), None, "argument --lang: invalid choice: 'xx'"),
    (("demo", "--json"), None, "unrecognized arguments: --json"),
    # a date that does not exist, on the command line and in a CSV cell
    (("due", "net 30", "2026-02-30"), None, "argument DATE: '2026-02-30' is not a date"),
    (("interest", "1000", "--due", "2026-02-30", "--until", "2026-03-01", "--rate", "8%"), None,
     "argument --due: '2026-02-30' is not a date"),
    (("due", "net 30", "--csv"), "id,date\nF-1,2026-13-01\n",
     "standard input line 2, column 'date': '2026-13-01' is not a date"),
    # terms, specs and runs that do not parse
    (("due", "payable whenever", "2026-01-15"), None, "argument TERMS: cannot read"),
    (("due", "--csv"), "date,terms\n2026-01-15,net 30\n2026-01-15,soon\n",
     "standard input line 3, column 'terms': cannot read 'soon'"),
    (("discount", "cheap money"), None, "argument SPEC: cannot read 'cheap money'"),
    (("breakeven", "10-30", "--rate", "8%"), None, "argument DAYS/NET: '10-30'"),
    (("cash", "net 30", "2026-01-15", "--runs", "10,32"), None, "argument --runs: cannot read"),
    (("interest", "1000", "--due", "2024-01-01", "--until", "2024-02-01", "--regime", "BE",
      "--payment", "2024-01-15"), None, "argument --payment: '2024-01-15' is not a payment"),
    (("cost", "net 60", "10000", "--rate", "eight", "--date", "2026-01-15"), None,
     "argument --rate: 'eight' is not a rate"),
    # an empty standard input
    (("due", "net 30", "--csv"), "", "standard input: empty"),
    (("cash", "net 30", "--csv", "--runs", "25"), "", "standard input: empty"),
    (("interest", "--csv", "--rate", "8%"), "", "standard input: empty"),
    (("account", "-", "--as-of", "2025-06-30"), "", "standard input: empty"),
    # a CSV with a missing column or a short row
    (("due", "net 30", "--csv"), "id,day\nF-1,2026-01-15\n", "lacks the column 'date'"),
    (("interest", "--csv", "--regime", "BE"), "amount,due\n", "lacks the column 'until'"),
    (("account", "-", "--as-of", "2025-06-30"), "id,issued,amount\nF-1,2025-01-02,600\n",
     "lacks the column 'due'"),
    (("interest", "--csv", "--rate", "8%"), "amount,due,until\n100,2024-01-01\n",
     "standard input line 2: 3 cells expected"),
    # values the library refuses, named by their argument
    (("interest", "1000", "--due", "2024-02-01", "--until", "2024-01-01", "--regime", "BE"), None,
     "argument --until: 2024-01-01 is not accepted"),
    (("interest", "1000", "--due", "2024-01-01", "--until", "2099-01-01", "--regime", "BE"), None,
     "rate published for"),
    (("send-date", "net 30", "--ready", "2026-01-20", "--latest", "2026-01-10", "--runs", "25"),
     None, "argument --latest: 2026-01-10 is not accepted"),
    (("plan", "1000", "0", "--start", "2026-01-15", "--first", "2026-02-15", "--rate", "8%"),
     None, "argument N: '0' is not a count"),
    (("account", "/nonexistent/invoices.csv", "--as-of", "2025-06-30"), None,
     "argument INVOICES: cannot read '/nonexistent/invoices.csv'"),
    # the rate tables: an unknown action, regime or table, a file that cannot be read
    (("rates", "latest"), None, "argument ACTION: invalid choice: 'latest'"),
    (("rates", "--regime", "XX"), None, "argument --regime: unknown legal regime 'XX'"),
    (("rates", "show", "ecb"), None, "argument TABLE|FILE: 'ecb' is not a table"),
    (("rates", "check", "/nonexistent/ecb_mro.csv"), None,
     "argument TABLE|FILE: cannot read '/nonexistent/ecb_mro.csv'"),
    (("interest", "100", "--due", "2024-01-01", "--until", "2024-02-01", "--regime", "FR",
      "--table", "nope.csv"), None, "argument --table: 'nope.csv' names no shipped table"),
    # arguments missing or in conflict
    (("due",), None, "the following arguments are required: TERMS, DATE"),
    (("due", "net 30", "2026-01-15", "--json", "--csv"), None, "not allowed with argument"),
]  # fmt: skip


@pytest.fixture(scope="module")
def bad_console() -> list[Done]:
    """Run every bad input in its own process, side by side."""
    return _run_many([(argv, stdin) for argv, stdin, _ in BAD_INPUT])


def test_at_least_twenty_kinds_of_bad_input() -> None:
    assert len(BAD_INPUT) >= 20
    assert len({(argv, stdin) for argv, stdin, _ in BAD_INPUT}) == len(BAD_INPUT)
    # every command that reads input is given bad input
    tried = {argv[0] for argv, _, _ in BAD_INPUT}
    assert set(COMMAND_NAMES) - tried == {"version"}


@pytest.mark.parametrize(
    ("index", "fragment"),
    list(enumerate(fragment for _, _, fragment in BAD_INPUT)),
    ids=[" ".join(argv) for argv, _, _ in BAD_INPUT],
)
def test_console_bad_input_is_one_line_and_exit_2(
    bad_console: list[Done], index: int, fragment: str
) -> None:
    done = bad_console[index]
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.endswith("\n")
    assert len(done.stderr.splitlines()) == 1, done.stderr
    assert "Traceback" not in done.stderr
    argv = BAD_INPUT[index][0]
    assert done.stderr.startswith(f"payterms {argv[0]}: error: ") or done.stderr.startswith(
        "payterms: error: "
    )
    assert fragment in done.stderr, done.stderr

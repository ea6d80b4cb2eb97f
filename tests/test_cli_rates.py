"""Tests for ``payterms rates`` and the ``--table`` option of ``payterms interest``.

As in tests/test_cli.py, the JSON a command prints is checked against the library's own
result for the same inputs (``law.coverage``, ``rate_table``, ``RateTable.from_csv``,
``late_interest``), converted by ``jsonable``.

The user table below holds the ECB rise to 2.40 % from 17 June 2026 that
reference/rates-update.md §3.2 reports only from secondary sources (UNCONFIRMED, so not
shipped as published): a user who has read the ECB press release brings it themselves.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
from collections.abc import Sequence
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import payterms as pt
from payterms.cli import main
from payterms.cli._output import jsonable, one_line
from payterms.errors import InvalidArgument
from payterms.law import TABLE_NAMES, RateTable, coverage, rate_table, regime
from strategies import examples
from test_cli import Run
from test_law_tables import MALFORMED

ECB_2026 = """# source: ECB press release of 11 June 2026
# covers_until: 2026-12-31
valid_from,rate,status,source
2026-06-17,2.40,published,ECB press release of 11 June 2026
"""
CLAIM = ("interest", "1000", "--due", "2026-09-01", "--until", "2026-12-07")


@pytest.fixture
def ecb(tmp_path: Path) -> Path:
    """Return the path of a user's ecb_mro.csv with the June 2026 row."""
    path = tmp_path / "ecb_mro.csv"
    path.write_text(ECB_2026, encoding="utf-8")
    return path


def _json(run: Run, *argv: str, status: int = 0, stdin: str | None = None) -> Any:
    code, out, err = run(*argv, "--json", stdin=stdin)
    assert (code, err) == (status, "")
    return json.loads(out)


# --------------------------------------------------------------------------- rates (list)


def test_rates_lists_every_table_with_its_coverage(run: Run) -> None:
    data = _json(run, "rates")
    assert data == {"coverage": jsonable(coverage())}
    assert [c["name"] for c in data["coverage"]] == list(TABLE_NAMES)
    status, out, err = run("rates")
    assert (status, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].split()[:3] == ["table", "from", "to"]
    for c in coverage():
        row = next(line for line in lines if line.startswith(f"{c.name} "))
        assert f"{c.first_day}  {c.last_day}  {c.confirmed_until}" in row
        assert c.last_status.value in row
    # rates-update.md §7.1: no UK reference rate from 2024 H2 on was read at the Bank of
    # England, so the shipped table is confirmed up to 30 June 2024 only
    assert "uk_reference_rate            2011-01-01  2026-12-31  2024-06-30" in out
    assert "--assume" in out
    assert "--table" in out


def test_rates_of_a_regime_lists_the_tables_it_reads(run: Run) -> None:
    for code in pt.law.CODES:
        data = _json(run, "rates", "--regime", code)
        assert data["regime"] == code
        names = tuple(c["name"] for c in data["coverage"])
        assert set(names) == set(regime(code).table_names), code
    status, out, _ = run("rates", "--regime", "fr")
    assert status == 0
    assert out.splitlines()[1] == "reads ecb_mro, fr_legal_rate_professionals"


def test_rates_with_a_user_table_show_the_merged_coverage(run: Run, ecb: Path) -> None:
    data = _json(run, "rates", "--table", str(ecb))
    mine = RateTable.from_csv(ecb)
    assert data == {"coverage": jsonable(coverage({"ecb_mro": mine}))}
    (ecb_mro,) = (c for c in data["coverage"] if c["name"] == "ecb_mro")
    assert (ecb_mro["last_day"], ecb_mro["confirmed_until"]) == ("2026-12-31", "2026-12-31")
    assert ecb_mro["origins"] == [str(ecb)]
    status, out, _ = run("rates", "--regime", "EU", "--table", f"ecb_mro={ecb}")
    assert status == 0
    assert f"- ecb_mro: rows from {ecb}" in out


# --------------------------------------------------------------------------- rates show


def test_rates_show_prints_a_table_row_by_row(run: Run) -> None:
    assert _json(run, "rates", "show", "lu_legal_rate") == {
        "rate_table": jsonable(rate_table("lu_legal_rate"))
    }
    status, out, _ = run("rates", "show", "de_basiszinssatz")
    assert status == 0
    # rates-update.md §5 (Bundesbank BBIN1): Basiszinssatz -0.88 % from 2016-07-01
    assert any(
        line.split()[:3] == ["2016-07-01", "-0.88", "%"] and "published" in line
        for line in out.splitlines()
    ), out
    # rates-update.md §5: 2008 and 2009 H2 to 2011 are read only in secondary sources
    assert (
        "covers 2002-01-01 to 2026-12-31, confirmed until 2026-06-30 except "
        "2008-01-01..2008-12-31, 2009-07-01..2011-12-31 (unconfirmed)" in out
    )


def test_rates_show_with_a_user_table_marks_its_rows(run: Run, ecb: Path) -> None:
    data = _json(run, "rates", "show", "ecb_mro", "--table", str(ecb))
    merged = rate_table("ecb_mro").merged(RateTable.from_csv(ecb))
    assert data == {"rate_table": jsonable(merged)}
    assert data["rate_table"]["entries"][-1]["origin"] == str(ecb)
    _, out, _ = run("rates", "show", "ecb_mro", "--table", str(ecb))
    assert out.splitlines()[-1].endswith(f"ECB press release of 11 June 2026 (from {ecb})")


# --------------------------------------------------------------------------- rates check


def test_rates_check_accepts_a_valid_table(run: Run, ecb: Path) -> None:
    status, out, err = run("rates", "check", str(ecb))
    assert (status, err) == (0, "")
    lines = out.splitlines()
    assert (
        lines[0] == f"{ecb}: a valid rate table, 1 row from 2026-06-17 to 2026-12-31 (1 published)"
    )
    assert lines[1].startswith(f"laid over the shipped ecb_mro (--table ecb_mro={ecb})")
    # the user row replaces the unconfirmed 2026-06-17 row; the stretch before it stays
    # unconfirmed (rates-update.md: the 2025-06-11 cut is read only in the press)
    assert (
        "confirmed until 2026-12-31 except 2025-06-11..2026-06-16 (unconfirmed) "
        "(shipped: 2025-06-10)" in lines[1]
    )
    data = _json(run, "rates", "check", str(ecb))
    mine = RateTable.from_csv(ecb)
    assert data["valid"] is True
    assert data["rate_table"] == jsonable(mine)
    assert data["merged"] == jsonable(rate_table("ecb_mro").merged(mine).coverage())
    assert data["replaces"] == []


def test_rates_check_reads_standard_input(run: Run) -> None:
    status, out, _ = run("rates", "check", "-", "--name", "ecb_mro", stdin=ECB_2026)
    assert status == 0
    assert out.startswith("standard input: a valid rate table, 1 row")
    assert "laid over the shipped ecb_mro" in out
    status, out, _ = run("rates", "check", "-", stdin=ECB_2026)
    assert status == 0
    assert "'user' is not a shipped table" in out


def test_rates_check_names_a_shipped_figure_it_replaces(run: Run, tmp_path: Path) -> None:
    # The shipped ECB rate from 2023-09-20 is 4.50 (rates-update.md §3.2, confirmed); a user
    # row of 4.75 from 2024-01-01 replaces it there, which the check points out.
    path = tmp_path / "ecb.csv"
    path.write_text("# covers_until: 2024-06-11\nvalid_from,rate\n2024-01-01,4.75\n")
    status, out, _ = run("rates", "check", str(path), "--name", "ecb_mro")
    assert status == 0
    assert "- 2024-01-01: 4.75 % published replaces the shipped 4.50 % published" in out
    data = _json(run, "rates", "check", str(path), "--name", "ecb_mro")
    (replaced,) = data["replaces"]
    assert (replaced["new"]["rate"], replaced["shipped"]["rate"]) == ("4.75", "4.50")


@pytest.mark.parametrize(("text", "line", "expected"), MALFORMED)
def test_rates_check_names_the_line_of_a_malformed_table(
    run: Run, tmp_path: Path, text: str, line: int, expected: str
) -> None:
    path = tmp_path / "ecb_mro.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InvalidArgument) as info:
        RateTable.from_csv(path)
    status, out, err = run("rates", "check", str(path))
    assert (status, err) == (1, "")
    assert out == f"{path}: not a valid rate table: {one_line(info.value)}\n"
    assert f"line {line}=" in out
    assert expected in out
    data = _json(run, "rates", "check", str(path), status=1)
    assert data == {"file": str(path), "valid": False, "error": one_line(info.value)}


@st.composite
def user_rows(draw: st.DrawFn) -> list[tuple[date, Decimal, str]]:
    """Return rows of a user table: increasing days, rates with two places, a status."""
    days = draw(
        st.lists(
            st.dates(date(2000, 1, 1), date(2040, 12, 31)), min_size=1, max_size=6, unique=True
        )
    )
    rows = []
    for day in sorted(days):
        rate = Decimal(draw(st.integers(-500, 2000))).scaleb(-2)
        rows.append((day, rate, draw(st.sampled_from(["published", "derived"]))))
    return rows


@settings(max_examples=examples(40), deadline=None)
@given(rows=user_rows(), extra=st.integers(0, 400))
@example(rows=[(date(2026, 6, 17), Decimal("2.40"), "published")], extra=197)
def test_rates_check_reads_back_any_table_it_accepts(
    rows: list[tuple[date, Decimal, str]], extra: int
) -> None:
    covers = rows[-1][0] + timedelta(days=extra)
    text = f"# covers_until: {covers}\nvalid_from,rate,status,source\n" + "".join(
        f"{day},{rate},{status},user row {i}\n" for i, (day, rate, status) in enumerate(rows)
    )
    out = io.StringIO()
    saved = sys.stdin, sys.stdout
    sys.stdin, sys.stdout = io.StringIO(text), out
    try:
        status = main(["rates", "check", "-", "--name", "ecb_mro", "--json"])
    finally:
        sys.stdin, sys.stdout = saved
    assert status == 0
    data = json.loads(out.getvalue())
    expected = RateTable.from_csv(text, name="ecb_mro")
    assert data["rate_table"] == jsonable(expected)
    assert [(e["valid_from"], e["rate"]) for e in data["rate_table"]["entries"]] == [
        (str(day), str(rate)) for day, rate, _ in rows
    ]
    assert data["merged"]["last_day"] == str(max(covers, rate_table("ecb_mro").last_known))


# --------------------------------------------------------------------------- interest --table


@pytest.mark.parametrize(
    ("code", "points", "hand"),
    [
        # ECB rate on 1 July 2026 (the user's 2.40) + 8 points (Directive 2011/7/EU art. 2(6)):
        # 1000 x 10.40 % x 97 / 365 = 27.6383... -> 27.64
        ("EU", Decimal("8"), Decimal("27.64")),
        # + 10 points (Code de commerce art. L441-10 II): 1000 x 12.40 % x 97 / 365 = 32.95
        ("FR", Decimal("10"), Decimal("32.95")),
        # + 8 points (law of 18 April 2004, art. 5): as the EU figure
        ("LU", Decimal("8"), Decimal("27.64")),
    ],
)
def test_interest_with_a_user_table_computes_without_assume(
    run: Run, ecb: Path, code: str, points: Decimal, hand: Decimal
) -> None:
    # The claim of the question: due 2026-09-01, claimed on 2026-12-07 (97 days).
    data = _json(run, *CLAIM, "--regime", code, "--table", str(ecb))
    mine = RateTable.from_csv(ecb)
    result = pt.late_interest(
        Decimal("1000"),
        due=date(2026, 9, 1),
        until=date(2026, 12, 7),
        regime=regime(code, tables={"ecb_mro": mine}),
    )
    assert data["late_interest"] == jsonable(result)
    assert Decimal(data["late_interest"]["interest"]) == hand
    assert [(p["days"], Decimal(p["rate"])) for p in data["late_interest"]["periods"]] == [
        (97, (Decimal("2.40") + points) / 100)
    ]
    assert any(
        "comes from a user table" in a and str(ecb) in a
        for a in data["late_interest"]["assumptions"]
    )


def test_interest_csv_with_a_user_table(run: Run, ecb: Path) -> None:
    claims = "amount,due,until\n1000,2026-09-01,2026-12-07\n"
    status, out, err = run("interest", "--csv", "--regime", "FR", "--table", str(ecb), stdin=claims)
    assert (status, err) == (0, "")
    header, row = out.splitlines()
    assert dict(zip(header.split(","), row.split(","), strict=True))["interest"] == "32.95"


@pytest.mark.parametrize("code", pt.law.CODES)
def test_interest_past_the_tables_names_every_way_out(run: Run, code: str) -> None:
    status, out, err = run(*CLAIM, "--regime", code)
    assert (status, out) == (2, "")
    assert err.count("\n") == 1
    assert "rate published for 2026-09-02" in err
    for way in ("assume=RateAssumption.CARRY_FORWARD", "tables=", "--assume", "--table"):
        assert way in err, (way, err)
    # the formula only where the regime has one (BE, NL: a national table over the ECB rate)
    formula = "--assume carry_forward or statutory_formula," in err
    assert formula is (regime(code).formula is not None), err
    assert formula or "--assume carry_forward, or --table NAME=FILE" in err
    claims = "amount,due,until\n1000,2026-09-01,2026-12-07\n"
    status, _, err = run("interest", "--csv", "--regime", code, stdin=claims)
    assert status == 2
    assert "at standard input line 2" in err
    assert "--table NAME=FILE" in err


# --------------------------------------------------------------------------- bad input

BAD_INPUT: list[tuple[Sequence[str], str | None, str]] = [
    (("rates", "latest"), None, "argument ACTION: invalid choice: 'latest'"),
    (("rates", "list", "ecb_mro"), None, "argument TABLE|FILE: not allowed with list"),
    (("rates", "--name", "ecb_mro"), None, "argument --name: only with check"),
    (("rates", "--regime", "XX"), None, "argument --regime: unknown legal regime 'XX'"),
    (("rates", "--table", "nope.csv"), None, "'nope.csv' names no shipped table"),
    (("rates", "--table", "ecb_mro="), None, "names no file"),
    (("rates", "--table", "ecb_mro=-"), "", "'ecb_mro=-' names no file"),
    (("rates", "--table", "ecb_mro=/nonexistent/x.csv"), None,
     "argument --table: cannot read '/nonexistent/x.csv'"),
    (("rates", "show"), None, "show needs a TABLE"),
    (("rates", "show", "ecb"), None, "'ecb' is not a table (expected one of be_late_payment"),
    (("rates", "show", "ecb_mro", "--regime", "BE"), None, "not allowed with show"),
    (("rates", "check"), None, "check needs a FILE"),
    (("rates", "check", "/nonexistent/ecb_mro.csv"), None,
     "argument TABLE|FILE: cannot read '/nonexistent/ecb_mro.csv'"),
    (("rates", "check", "-", "--table", "ecb_mro=x.csv"), None, "not allowed with check"),
    ((*CLAIM, "--rate", "8%", "--table", "ecb_mro=x.csv"), None,
     "argument --contract-date/--debtor/--table: only with --regime"),
]  # fmt: skip


@pytest.mark.parametrize(("argv", "stdin", "fragment"), BAD_INPUT)
def test_bad_input_is_one_line_and_exit_2(
    run: Run, argv: Sequence[str], stdin: str | None, fragment: str
) -> None:
    status, out, err = run(*argv, stdin=stdin)
    assert (status, out) == (2, "")
    assert err.count("\n") == 1
    assert err.startswith("payterms")
    assert fragment in err, err


def test_a_table_the_regime_does_not_read_is_refused(run: Run, ecb: Path) -> None:
    for argv in (("rates", "--regime", "DE"), (*CLAIM, "--regime", "DE")):
        status, _, err = run(*argv, "--table", str(ecb))
        assert status == 2
        assert "argument --table: tables='ecb_mro' is not accepted" in err
        assert "a table the DE regime reads: de_basiszinssatz" in err
    status, _, err = run("rates", "--table", str(ecb), "--table", f"ecb_mro={ecb}")
    assert status == 2
    assert "argument --table: the table ecb_mro is given twice" in err


def test_a_malformed_user_table_is_bad_input_for_interest(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "ecb_mro.csv"
    path.write_text("# covers_until: 2026-12-31\nvalid_from,rate\n2026-07-01,1e-2\n")
    status, _, err = run(*CLAIM, "--regime", "FR", "--table", str(path))
    assert status == 2
    assert err.startswith("payterms interest: error: argument --table: line 3='2026-07-01,1e-2'")


# --------------------------------------------------------------------------- the console script


def test_console_script_checks_a_table(ecb: Path) -> None:
    # tests/test_cli_console.py runs 'payterms rates' through the console script with the others
    script = Path(sys.executable).with_name("payterms")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "payterms"]
    done = subprocess.run(
        [*command, "rates", "check", str(ecb)], capture_output=True, text=True, check=False
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.startswith(f"{ecb}: a valid rate table")


# --------------------------------------------------------------------------- plan, account

BE_2026_H2 = """# source: a Moniteur belge notice as a user types it
# covers_until: 2026-12-31
valid_from,rate,status,source
2026-07-01,10.5,published,Moniteur belge notice of 2026 H2
"""
PLAN = ("plan", "1000", "3", "--start", "2026-08-31", "--first", "2026-09-30", "--regime", "BE")
INVOICE = "id,issued,due,amount\nF-1,2026-08-01,2026-09-01,1000\n"
ACCOUNT = ("account", "-", "--as-of", "2026-12-07")


def test_plan_with_a_user_table(run: Run, tmp_path: Path) -> None:
    # BE 2026 H2: 10.5 % is unconfirmed in the shipped table (rates-update.md §2); a user
    # who read the notice brings it, and the plan runs at it.
    path = tmp_path / "be.csv"
    path.write_text(BE_2026_H2, encoding="utf-8")
    status, _, err = run(*PLAN)
    assert status == 2
    assert "no be_late_payment rate published for 2026-09-01" in err
    assert "on the command line: --table NAME=FILE" in err  # plan has no --assume
    data = _json(run, *PLAN, "--table", f"be_late_payment={path}")
    mine = RateTable.from_csv(path, name="be_late_payment")
    plan = pt.payment_plan(
        Decimal("1000"),
        3,
        start=date(2026, 8, 31),
        first=date(2026, 9, 30),
        rate=regime("BE", tables={"be_late_payment": mine}),
    )
    assert data["payment_plan"] == jsonable(plan)
    assert sum(Decimal(i["principal"]) for i in data["payment_plan"]["instalments"]) == 1000
    status, _, err = run(*PLAN[:-2], "--rate", "8%", "--table", f"be_late_payment={path}")
    assert status == 2
    assert "argument --table: only with --regime" in err


def test_account_with_a_user_table_or_an_assumption(run: Run, ecb: Path) -> None:
    status, _, err = run(*ACCOUNT, "--regime", "FR", stdin=INVOICE)
    assert status == 2
    assert "on the command line: --assume carry_forward, or --table NAME=FILE" in err
    status, out, err = run(*ACCOUNT, "--regime", "FR", "--table", str(ecb), "--json", stdin=INVOICE)
    assert (status, err) == (0, "")
    invoices = [pt.Invoice("F-1", "debtor", date(2026, 8, 1), date(2026, 9, 1), Decimal("1000"))]
    mine = regime("FR", tables={"ecb_mro": RateTable.from_csv(ecb)})
    statement = pt.account_statement(invoices, as_of=date(2026, 12, 7), regime=mine)
    assert json.loads(out)["account_statement"] == jsonable(statement)
    # the hand computation of the FR claim above: 32.95 and the EUR 40
    assert json.loads(out)["account_statement"]["balance"] == "1072.95"
    data = _json(run, *ACCOUNT, "--regime", "NL", "--assume", "carry_forward", stdin=INVOICE)
    assumed = pt.account_statement(
        invoices, as_of=date(2026, 12, 7), regime="NL", assume=pt.RateAssumption.CARRY_FORWARD
    )
    assert data["account_statement"] == jsonable(assumed)
    status, _, err = run(*ACCOUNT, "--rate", "8%", "--table", str(ecb), stdin=INVOICE)
    assert status == 2
    assert "argument --table: only with --regime" in err


def test_rates_check_reads_a_spreadsheet_csv(run: Run, tmp_path: Path) -> None:
    # "CSV UTF-8" from a spreadsheet: a byte-order mark first, CRLF line ends
    path = tmp_path / "ecb_mro.csv"
    path.write_bytes(b"\xef\xbb\xbf" + ECB_2026.replace("\n", "\r\n").encode("utf-8"))
    status, out, _ = run("rates", "check", str(path))
    assert status == 0
    assert out.startswith(f"{path}: a valid rate table, 1 row from 2026-06-17")
    data = _json(run, *CLAIM, "--regime", "FR", "--table", str(path))
    assert data["late_interest"]["interest"] == "32.95"

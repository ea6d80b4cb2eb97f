"""scripts/update_rates.py: rewriting a table from downloaded export files, offline.

The fixtures (tests/fixtures/rates/) have the shape of the ECB Data Portal, Bundesbank and
Bank of England exports and hold synthetic dates and rates; the tables the script rewrites
are synthetic copies in the shipped format, written to a temporary directory.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path
from types import ModuleType

import pytest

from payterms.law import RateStatus, RateTable
from payterms.law.tables import REQUIRED_HEADERS

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "update_rates.py"
FIXTURES = Path(__file__).parent / "fixtures" / "rates"


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("update_rates", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["update_rates"] = module
    spec.loader.exec_module(module)
    return module


update_rates = _load()


@pytest.fixture
def data(tmp_path: Path) -> Path:
    for table in (FIXTURES / "tables").glob("*.csv"):
        shutil.copy(table, tmp_path / table.name)
    return tmp_path


def _run(data: Path, *args: str) -> int:
    status: int = update_rates.main([*args, "--retrieved", "2021-08-02", "--data-dir", str(data)])
    return status


def _table(data: Path, name: str) -> RateTable:
    return RateTable.from_csv(data / f"{name}.csv", name=name)


def _rows(table: RateTable) -> list[tuple[date, Decimal | None, RateStatus]]:
    return [(e.valid_from, e.rate, e.status) for e in table.entries]


def _header_keys(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line[1:].partition(":")[0].strip() for line in lines if line.startswith("#")]


ECB_ROWS = [
    (date(2019, 1, 1), Decimal("1.00"), RateStatus.PUBLISHED),
    (date(2020, 1, 15), Decimal("1.50"), RateStatus.PUBLISHED),  # was unconfirmed
    (date(2020, 6, 10), Decimal("1.25"), RateStatus.PUBLISHED),
    (date(2021, 3, 3), Decimal("1.75"), RateStatus.PUBLISHED),
]


@pytest.mark.parametrize("export", ["ecb_sdmx.csv", "ecb_portal.csv"])
def test_ecb_export_confirms_and_extends_the_table(data: Path, export: str) -> None:
    path = data / "ecb_mro.csv"
    before = path.read_text(encoding="utf-8")
    assert _run(data, "ecb", str(FIXTURES / export), "--covers-until", "2021-06-30") == 0
    table = _table(data, "ecb_mro")
    assert _rows(table) == ECB_ROWS  # the deposit-facility row of the SDMX file is left out
    assert table.last_known == date(2021, 6, 30)
    assert table.retrieved == date(2021, 8, 2)
    # the provenance header is kept, in order; only retrieved and covers_until moved
    assert _header_keys(path) == list(REQUIRED_HEADERS)
    old_header = [line for line in before.splitlines() if line.startswith("#")]
    new_header = [line for line in path.read_text(encoding="utf-8").splitlines() if line[:1] == "#"]
    assert [h for h in new_header if not h.startswith(("# retrieved", "# covers_until"))] == [
        h for h in old_header if not h.startswith(("# retrieved", "# covers_until"))
    ]
    assert table.entries[0].source == "synthetic"  # an unchanged row keeps its source
    assert table.entries[1].source == (
        "ECB Data Portal, FM.B.U2.EUR.4F.KR.MRR_FR.LEV (downloaded 2021-08-02)"
    )
    # running it again changes nothing
    assert _run(data, "ecb", str(FIXTURES / export), "--covers-until", "2021-06-30", "--check") == 0


def test_ecb_change_dates_need_a_last_day(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(data, "ecb", str(FIXTURES / "ecb_sdmx.csv")) == 2
    assert "--covers-until" in capsys.readouterr().err
    assert _table(data, "ecb_mro").last_known == date(2020, 1, 20)  # untouched


def test_ecb_daily_series_says_its_last_day(data: Path) -> None:
    assert _run(data, "ecb", str(FIXTURES / "ecb_daily.csv")) == 0
    table = _table(data, "ecb_mro")
    # the export confirms 1.50 up to its last day, 2020-01-17; the table's own unconfirmed
    # row goes on for the days it covered after that
    assert _rows(table) == [
        *ECB_ROWS[:2],
        (date(2020, 1, 18), Decimal("1.50"), RateStatus.UNCONFIRMED),
    ]
    assert table.last_known == date(2020, 1, 20)
    assert table.confirmed_until == date(2020, 1, 17)


@pytest.mark.parametrize("export", ["bundesbank_de.csv", "bundesbank_en.csv"])
def test_bundesbank_export_gives_the_change_points(data: Path, export: str) -> None:
    assert _run(data, "bundesbank", str(FIXTURES / export)) == 0
    table = _table(data, "de_basiszinssatz")
    assert _rows(table) == [
        (date(2020, 7, 1), Decimal("-0.50"), RateStatus.PUBLISHED),  # first month: no change
        (date(2021, 1, 1), Decimal("-0.25"), RateStatus.PUBLISHED),  # decimal comma, negative
        (date(2021, 7, 1), Decimal("0.75"), RateStatus.PUBLISHED),
    ]
    assert table.last_known == date(2021, 7, 31)  # the end of the last month exported


def test_bundesbank_change_outside_january_or_july_is_refused(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (FIXTURES / "bundesbank_en.csv").read_text(encoding="utf-8")
    odd = tmp_path / "odd.csv"
    odd.write_text(text.replace("2021-03,-0.25", "2021-03,0.10"), encoding="utf-8")
    assert _run(data, "bundesbank", str(odd)) == 2
    assert "only on 1 January and 1 July" in capsys.readouterr().err


def test_bank_of_england_database_export_gives_half_year_reference_rates(data: Path) -> None:
    # the rate in force on 30 June / 31 December fixes the next half-year (SI 2002/1675)
    assert _run(data, "boe", str(FIXTURES / "boe_iadb.csv")) == 0
    table = _table(data, "uk_reference_rate")
    assert _rows(table) == [
        (date(2020, 7, 1), Decimal("0.50"), RateStatus.PUBLISHED),
        (date(2021, 1, 1), Decimal("0.25"), RateStatus.PUBLISHED),
        (date(2021, 7, 1), Decimal("1.00"), RateStatus.PUBLISHED),
    ]
    assert table.last_known == date(2021, 12, 31)  # 30 June 2021 is in the export


def test_bank_rate_history_needs_the_half_year_it_covers(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    history = str(FIXTURES / "boe_history.csv")
    assert _run(data, "boe", history) == 2
    assert "--covers-until" in capsys.readouterr().err
    assert _run(data, "boe", history, "--covers-until", "2021-05-31") == 2
    assert "end of a half-year" in capsys.readouterr().err
    assert _run(data, "boe", history, "--covers-until", "2021-06-30") == 0
    table = _table(data, "uk_reference_rate")
    assert _rows(table) == [
        (date(2020, 7, 1), Decimal("0.50"), RateStatus.PUBLISHED),
        (date(2021, 1, 1), Decimal("0.25"), RateStatus.PUBLISHED),
    ]
    assert table.last_known == date(2021, 6, 30)


def test_manual_rows_from_a_notice(data: Path) -> None:
    assert _run(data, "manual", "be_late_payment", str(FIXTURES / "manual_rows.csv")) == 0
    table = _table(data, "be_late_payment")
    assert _rows(table)[-1] == (date(2021, 7, 1), Decimal("9.5"), RateStatus.PUBLISHED)
    assert table.entries[-1].source == "synthetic notice, page 1"
    assert table.last_known == date(2021, 12, 31)


def test_check_reports_a_change_without_writing(data: Path) -> None:
    path = data / "ecb_mro.csv"
    before = path.read_text(encoding="utf-8")
    assert _run(data, "ecb", str(FIXTURES / "ecb_portal.csv"), "--covers-until", "2021-06-30",
                "--check") == 1  # fmt: skip
    assert path.read_text(encoding="utf-8") == before


def test_source_header_can_be_replaced(data: Path) -> None:
    new = "ECB Data Portal, FM.B.U2.EUR.4F.KR.MRR_FR.LEV"
    assert _run(data, "ecb", str(FIXTURES / "ecb_sdmx.csv"), "--covers-until", "2021-06-30",
                "--source-header", new) == 0  # fmt: skip
    assert _table(data, "ecb_mro").source == new


@pytest.mark.parametrize(
    ("args", "message"),
    [
        pytest.param(("ecb", "boe_iadb.csv"), "main refinancing rate", id="not-an-ecb-file"),
        pytest.param(("bundesbank", "ecb_sdmx.csv"), "BBIN1.M.DE.BBK.BBKBAS2", id="not-bbk"),
        pytest.param(("boe", "ecb_portal.csv"), "Date Changed,Rate", id="not-boe"),
        pytest.param(("manual", "nope", "manual_rows.csv"), "no table file", id="no-table"),
        pytest.param(("ecb", "missing.csv", "--covers-until", "2021-06-30"), "missing.csv",
                     id="no-export"),
        pytest.param(("manual", "ecb_mro"), "TABLE ROWS", id="manual-needs-two"),
    ],
)  # fmt: skip
def test_wrong_files_are_refused_on_one_line(
    data: Path, capsys: pytest.CaptureFixture[str], args: tuple[str, ...], message: str
) -> None:
    given = [str(FIXTURES / a) if a.endswith(".csv") else a for a in args]
    assert _run(data, *given) == 2
    err = capsys.readouterr().err
    assert message in err
    assert err.count("\n") == 1


def test_a_bad_value_names_its_line(tmp_path: Path, data: Path) -> None:
    bad = tmp_path / "bad.csv"
    text = (FIXTURES / "ecb_portal.csv").read_text(encoding="utf-8")
    bad.write_text(text.replace('"1.25"', '"1,25"'), encoding="utf-8")
    with pytest.raises(update_rates.ExportError, match="line 4"):
        update_rates.read_ecb(bad.read_text(encoding="utf-8"))
    dup = text + '"2021-03-03","03 Mar 2021","2.00"\n'
    with pytest.raises(update_rates.ExportError, match="two different values for 2021-03-03"):
        update_rates.change_points(update_rates.read_ecb(dup)[0])


def test_the_shipped_tables_are_in_the_format_the_script_writes() -> None:
    # the script writes a table with RateTable.to_csv; every shipped file is that text
    data = ROOT / "src" / "payterms" / "law" / "data"
    for path in data.glob("*.csv"):
        name = path.name.removesuffix(".csv")
        assert RateTable.from_csv(path, name=name).to_csv() == path.read_text(encoding="utf-8")


def test_the_script_runs_as_a_command() -> None:
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--help"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0
    assert "bundesbank" in done.stdout

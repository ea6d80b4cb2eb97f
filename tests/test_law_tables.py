"""The shipped rate tables: provenance headers, row order, loader, golden snapshot.

The snapshot (tests/snapshots/law_rates.json) holds every table's rate on the 1st of
each month of its range, so that an accidental edit of a data file shows up as a
readable diff. After a deliberate data refresh, regenerate it with
``PYTHONPATH=src python tests/test_law_tables.py`` and review the diff.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from importlib.resources import files
from pathlib import Path

import pytest

from payterms.errors import InvalidArgument, InvalidType, RateNotPublished
from payterms.law.tables import (
    REQUIRED_HEADERS,
    TABLE_NAMES,
    RateStatus,
    _parse,
    rate_table,
)

SNAPSHOT = Path(__file__).parent / "snapshots" / "law_rates.json"
DATA = files("payterms.law").joinpath("data")


def _months(first: date, last: date) -> list[date]:
    day = date(first.year, first.month, 1)
    if day < first:
        day = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    out = []
    while day <= last:
        out.append(day)
        day = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return out


def snapshot() -> dict[str, dict[str, str | None]]:
    """Return {table: {first-of-month: rate or None (unconfirmed)}} for every table."""
    result: dict[str, dict[str, str | None]] = {}
    for name in TABLE_NAMES:
        table = rate_table(name)
        rows: dict[str, str | None] = {}
        for day in _months(table.first_known, table.last_known):
            try:
                rows[day.isoformat()] = str(table.rate_on(day))
            except RateNotPublished:
                rows[day.isoformat()] = None
        result[name] = rows
    return result


def test_every_data_file_is_listed_and_every_listed_table_ships() -> None:
    shipped = sorted(p.name[:-4] for p in DATA.iterdir() if p.name.endswith(".csv"))
    assert shipped == sorted(TABLE_NAMES)


@pytest.mark.parametrize("name", TABLE_NAMES)
def test_headers_present(name: str) -> None:
    text = DATA.joinpath(f"{name}.csv").read_text(encoding="utf-8")
    keys = [line[1:].partition(":")[0].strip() for line in text.splitlines() if line[:1] == "#"]
    assert keys == list(REQUIRED_HEADERS)
    table = rate_table(name)
    assert table.url.startswith(("http://", "https://"))
    assert table.title
    assert table.source
    assert table.applies


@pytest.mark.parametrize("name", TABLE_NAMES)
def test_rows_sorted_unique_and_inside_the_coverage(name: str) -> None:
    table = rate_table(name)
    starts = [e.valid_from for e in table.entries]
    assert starts == sorted(set(starts))
    assert table.first_known == starts[0]
    assert starts[-1] <= table.last_known
    for entry in table.entries:
        assert entry.source
        assert (entry.rate is None) == (entry.status is RateStatus.UNCONFIRMED)


@pytest.mark.parametrize("name", TABLE_NAMES)
def test_rates_are_decimals_as_published(name: str) -> None:
    text = DATA.joinpath(f"{name}.csv").read_text(encoding="utf-8")
    written = [line.split(",")[1] for line in text.splitlines()[7:] if line]
    table = rate_table(name)
    assert [str(e.rate) if e.rate is not None else "" for e in table.entries] == written


def test_golden_snapshot() -> None:
    assert json.loads(SNAPSHOT.read_text(encoding="utf-8")) == snapshot()


def test_tables_are_read_once() -> None:
    assert rate_table("ecb_mro") is rate_table("ecb_mro")


@pytest.mark.parametrize("name", TABLE_NAMES)
def test_past_the_last_period_raises_naming_table_and_last_day(name: str) -> None:
    table = rate_table(name)
    later = date(table.last_known.year + 1, 1, 1)
    with pytest.raises(RateNotPublished) as info:
        table.rate_on(later)
    assert info.value.table == name
    assert info.value.last_known == table.last_known
    assert name in str(info.value)
    assert table.last_known.isoformat() in str(info.value)


def test_before_the_first_row_raises() -> None:
    with pytest.raises(RateNotPublished, match="2008-10-15"):
        rate_table("ecb_mro").rate_on(date(2008, 10, 14))


def test_unconfirmed_row_raises_with_its_reason() -> None:
    # Source: legal.md §3.2, wettelijke rente: 6 % from 2025 "start date UNCONFIRMED".
    table = rate_table("nl_wettelijke_rente")
    assert table.rate_on(date(2024, 12, 31)) == Decimal("7")
    with pytest.raises(RateNotPublished, match="unconfirmed"):
        table.rate_on(date(2025, 6, 30))
    assert table.rate_on(date(2025, 7, 1)) == Decimal("6")


def test_bad_lookups() -> None:
    with pytest.raises(InvalidArgument, match="'nope'"):
        rate_table("nope")
    with pytest.raises(InvalidType):
        rate_table("ecb_mro").rate_on("2024-01-01")  # type: ignore[arg-type]


def test_change_dates() -> None:
    table = rate_table("de_basiszinssatz")
    assert table.change_dates(date(2016, 7, 1), date(2023, 1, 2)) == (date(2023, 1, 1),)
    assert table.change_dates(date(2016, 7, 1), date(2023, 1, 1)) == ()


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("# title: x\nvalid_from,rate,status,source\n", "missing header"),
        ("# title x\n", "no 'key: value'"),
        (
            "# title: t\n# source: s\n# url: http://x\n# retrieved: 2026-01-01\n# applies: a\n"
            "# covers_until: 2026-06-30\nvalid_from,rate,status,source\n"
            "2026-01-01,,published,x\n",
            "unconfirmed row",
        ),
    ],
)
def test_malformed_files_are_refused(text: str, match: str) -> None:
    with pytest.raises(ValueError, match=match):
        _parse("t", text)


def test_data_files_ship_in_the_wheel() -> None:
    # hatchling puts everything under src/payterms into the wheel; the data directory
    # must therefore live there (and not be excluded in pyproject.toml).
    pyproject = (Path(__file__).parent.parent / "pyproject.toml").read_text(encoding="utf-8")
    assert 'packages = ["src/payterms"]' in pyproject
    assert "exclude" not in pyproject.split("[tool.hatch.build.targets.wheel]")[1].split("[")[0]
    assert Path(str(DATA)).is_relative_to(Path(__file__).parent.parent / "src" / "payterms")


def test_data_sources_page_matches_the_headers() -> None:
    page = (Path(__file__).parent.parent / "docs" / "data-sources.md").read_text(encoding="utf-8")
    rows = {
        line.split("|")[1].strip().strip("`"): [c.strip() for c in line.split("|")[3:7]]
        for line in page.splitlines()
        if line.startswith("| `")
    }
    assert sorted(rows) == sorted(TABLE_NAMES)
    for name, (first, last, covers, url) in rows.items():
        table = rate_table(name)
        assert first == table.first_known.isoformat(), name
        assert last == table.entries[-1].valid_from.isoformat(), name
        assert covers == table.last_known.isoformat(), name
        assert url == f"<{table.url}>", name


if __name__ == "__main__":  # regenerate the golden snapshot after a reviewed data refresh
    SNAPSHOT.parent.mkdir(exist_ok=True)
    SNAPSHOT.write_text(json.dumps(snapshot(), indent=1, sort_keys=True) + "\n", encoding="utf-8")

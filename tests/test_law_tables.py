"""The shipped rate tables: provenance headers, row order, loader, golden snapshot.

The snapshot (tests/snapshots/law_rates.json) holds every table's rate on the 1st of
each month of its range, so that an accidental edit of a data file shows up as a
readable diff. After a deliberate data refresh, regenerate it with
``PYTHONPATH=src python tests/test_law_tables.py`` and review the diff.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from decimal import Decimal
from importlib.resources import files
from pathlib import Path

import pytest
from attrs import evolve
from hypothesis import given, settings
from hypothesis import strategies as st

from payterms.errors import InvalidArgument, InvalidType, RateNotPublished
from payterms.law.rates import TableRate
from payterms.law.tables import (
    REQUIRED_HEADERS,
    TABLE_NAMES,
    RateEntry,
    RateStatus,
    RateTable,
    _parse,
    coverage,
    rate_table,
)
from strategies import examples

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
    """Return {table: {first-of-month: rate}} for every table.

    A derived rate reads "11.15 derived", an unconfirmed row's figure "2.15 unconfirmed",
    and an unconfirmed row without a figure None.
    """
    result: dict[str, dict[str, str | None]] = {}
    for name in TABLE_NAMES:
        table = rate_table(name)
        rows: dict[str, str | None] = {}
        for day in _months(table.first_known, table.last_known):
            entry = table.entry_on(day, unconfirmed=True)
            if entry.rate is None:
                rows[day.isoformat()] = None
            elif entry.status is RateStatus.PUBLISHED:
                rows[day.isoformat()] = str(entry.rate)
            else:
                rows[day.isoformat()] = f"{entry.rate} {entry.status.value}"
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
        assert entry.origin is None
        # only an unconfirmed row may lack a figure
        assert entry.rate is not None or entry.status is RateStatus.UNCONFIRMED


@pytest.mark.parametrize("name", TABLE_NAMES)
def test_every_row_reads_back_as_written(name: str) -> None:
    # the shipped files are strict CSV: a source holding a comma is quoted, so no part
    # of a row is dropped (a row of more than four fields is refused)
    text = DATA.joinpath(f"{name}.csv").read_text(encoding="utf-8")
    assert rate_table(name).to_csv() == text


@pytest.mark.parametrize("name", TABLE_NAMES)
def test_rates_are_decimals_as_published(name: str) -> None:
    text = DATA.joinpath(f"{name}.csv").read_text(encoding="utf-8")
    written = [line.split(",")[1] for line in text.splitlines()[7:] if line]
    table = rate_table(name)
    assert [str(e.rate) if e.rate is not None else "" for e in table.entries] == written
    assert all(type(e.rate) is Decimal for e in table.entries if e.rate is not None)


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


def test_a_claim_starting_past_the_end_is_refused_for_its_own_first_day() -> None:
    # lu_legal_rate ends on 2024-12-31 (rates-update.md §6.2: 2025 and 2026 not found);
    # a claim from 2026-09-02 is refused for 2026-09-02, one starting inside the table
    # for the first day after it
    rule = TableRate("lu_legal_rate")
    with pytest.raises(RateNotPublished) as info:
        rule.rate_segments(date(2026, 9, 2), date(2026, 12, 8))
    assert (info.value.on, info.value.last_known) == (date(2026, 9, 2), date(2024, 12, 31))
    assert str(info.value).startswith("no lu_legal_rate rate published for 2026-09-02 ")
    with pytest.raises(RateNotPublished) as info:
        rule.rate_segments(date(2024, 12, 1), date(2025, 2, 1))
    assert info.value.on == date(2025, 1, 1)


def test_before_the_first_row_raises() -> None:
    with pytest.raises(RateNotPublished, match="2008-10-15"):
        rate_table("ecb_mro").rate_on(date(2008, 10, 14))


def test_unconfirmed_row_raises_with_its_reason_and_figure() -> None:
    # Source: rates-update.md §4.2, wettelijke rente: 7 % confirmed from 2024-01-01 (EJN);
    # 6 % from 2025-01-01 only in a code comment quoting the KOOP versions.
    table = rate_table("nl_wettelijke_rente")
    assert table.rate_on(date(2024, 6, 30)) == Decimal("7")
    with pytest.raises(RateNotPublished, match=r"unconfirmed \(6 %: reported by a code comment"):
        table.rate_on(date(2025, 6, 30))
    assert table.entry_on(date(2025, 6, 30), unconfirmed=True).rate == Decimal("6")
    assert table.figure_before(date(2024, 6, 30)) == table.entry_on(date(2024, 1, 1))


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
        ("# title x\n", "'# key: value'"),
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
        line.split("|")[1].strip().strip("`"): [c.strip() for c in line.split("|")[3:8]]
        for line in page.splitlines()
        if line.startswith("| `")
    }
    assert sorted(rows) == sorted(TABLE_NAMES)
    for name, (first, last, covers, url, confirmed) in rows.items():
        table = rate_table(name)
        assert first == table.first_known.isoformat(), name
        assert last == table.entries[-1].valid_from.isoformat(), name
        assert covers == table.last_known.isoformat(), name
        assert url == f"<{table.url}>", name
        assert confirmed == str(table.confirmed_until), name


# ---------------------------------------------------------------- the update of 2026-12-07
# Source: the research note rates-update.md of 2026-12-07 (kept outside the package);
# each row names the section and the publication it gives for the figure.

# (table, first day, last day of the period, figure, where rates-update.md confirms it)
CONFIRMED = [
    pytest.param("ecb_mro", date(2024, 6, 12), date(2024, 9, 17), "4.25", id="s1-ecb-2024-06-12"),
    pytest.param("ecb_mro", date(2024, 9, 18), date(2024, 10, 22), "3.65", id="s1-ecb-2024-09-18"),
    pytest.param("ecb_mro", date(2024, 10, 23), date(2024, 12, 17), "3.40", id="s1-ecb-2024-10-23"),
    pytest.param("ecb_mro", date(2024, 12, 18), date(2025, 2, 4), "3.15", id="s1-ecb-2024-12-18"),
    pytest.param("ecb_mro", date(2025, 1, 1), date(2025, 1, 1), "3.15", id="s1-ecb-on-1-jan-2025"),
    pytest.param("ecb_mro", date(2025, 2, 5), date(2025, 3, 11), "2.90", id="s1-ecb-2025-02-05"),
    pytest.param("ecb_mro", date(2025, 3, 12), date(2025, 4, 22), "2.65", id="s1-ecb-2025-03-12"),
    pytest.param("ecb_mro", date(2025, 4, 23), date(2025, 6, 10), "2.40", id="s1-ecb-2025-04-23"),
    pytest.param(
        "fr_legal_rate_individuals",
        date(2026, 1, 1),
        date(2026, 6, 30),
        "6.67",
        id="s3.1-fr-2026H1-arrete-15-12-2025",
    ),
    pytest.param(
        "fr_legal_rate_professionals",
        date(2026, 1, 1),
        date(2026, 6, 30),
        "2.62",
        id="s3.1-fr-pro-2026H1-arrete-15-12-2025",
    ),
    pytest.param("nl_handelsrente", date(2024, 1, 1), date(2024, 6, 30), "12.50", id="s4.1-ejn"),
    pytest.param("nl_wettelijke_rente", date(2024, 1, 1), date(2024, 6, 30), "7", id="s4.2-ejn"),
    pytest.param(
        "de_basiszinssatz", date(2002, 1, 1), date(2002, 6, 30), "2.57", id="s5-banz-2002-nr3"
    ),
    pytest.param(
        "de_basiszinssatz", date(2002, 7, 1), date(2002, 12, 31), "2.47", id="s5-banz-2002-nr118"
    ),
    pytest.param(
        "de_basiszinssatz", date(2003, 1, 1), date(2003, 6, 30), "1.97", id="s5-banz-2003-nr2"
    ),
    pytest.param(
        "de_basiszinssatz", date(2003, 7, 1), date(2003, 12, 31), "1.22", id="s5-banz-2003-nr117"
    ),
    pytest.param(
        "de_basiszinssatz", date(2004, 1, 1), date(2004, 6, 30), "1.14", id="s5-banz-2004-nr2"
    ),
    pytest.param(
        "de_basiszinssatz", date(2004, 7, 1), date(2004, 12, 31), "1.13", id="s5-banz-2004-nr122"
    ),
    pytest.param(
        "de_basiszinssatz", date(2005, 1, 1), date(2005, 6, 30), "1.21", id="s5-banz-2005-nr1"
    ),
    pytest.param(
        "de_basiszinssatz", date(2005, 7, 1), date(2005, 12, 31), "1.17", id="s5-banz-2005-nr122"
    ),
    pytest.param(
        "de_basiszinssatz", date(2006, 1, 1), date(2006, 6, 30), "1.37", id="s5-banz-2006-nr1"
    ),
    pytest.param(
        "de_basiszinssatz", date(2006, 7, 1), date(2006, 12, 31), "1.95", id="s5-banz-2006-nr119"
    ),
    pytest.param(
        "de_basiszinssatz", date(2007, 1, 1), date(2007, 6, 30), "2.70", id="s5-banz-2006-nr245"
    ),
    pytest.param(
        "de_basiszinssatz", date(2007, 7, 1), date(2007, 12, 31), "3.19", id="s5-bbk-26-6-2007"
    ),
    pytest.param(
        "de_basiszinssatz", date(2009, 1, 1), date(2009, 6, 30), "1.62", id="s5-bbk-release-2009"
    ),
    pytest.param(
        "de_basiszinssatz", date(2012, 1, 1), date(2012, 12, 31), "0.12", id="s5-bbin1-2012"
    ),
    pytest.param(
        "de_basiszinssatz", date(2013, 1, 1), date(2013, 6, 30), "-0.13", id="s5-bbin1-2013H1"
    ),
    pytest.param(
        "de_basiszinssatz", date(2013, 7, 1), date(2013, 12, 31), "-0.38", id="s5-bbin1-2013H2"
    ),
    pytest.param(
        "de_basiszinssatz", date(2014, 1, 1), date(2014, 6, 30), "-0.63", id="s5-bbin1-2014H1"
    ),
    pytest.param(
        "de_basiszinssatz", date(2014, 7, 1), date(2014, 12, 31), "-0.73", id="s5-bbin1-2014H2"
    ),
    pytest.param(
        "de_basiszinssatz", date(2015, 1, 1), date(2016, 6, 30), "-0.83", id="s5-bbin1-2015"
    ),
    pytest.param(
        "de_basiszinssatz", date(2016, 7, 1), date(2022, 12, 31), "-0.88", id="s5-bbin1-2016"
    ),
    pytest.param(
        "de_basiszinssatz", date(2023, 1, 1), date(2023, 6, 30), "1.62", id="s5-banz-28-12-22"
    ),
    pytest.param(
        "de_basiszinssatz", date(2023, 7, 1), date(2023, 12, 31), "3.12", id="s5-bbin1-2023H2"
    ),
    pytest.param(
        "de_basiszinssatz", date(2024, 1, 1), date(2024, 6, 30), "3.62", id="s5-bbin1-2024H1"
    ),
    pytest.param(
        "de_basiszinssatz", date(2024, 7, 1), date(2024, 12, 31), "3.37", id="s5-bbin1-2024H2"
    ),
    pytest.param(
        "de_basiszinssatz", date(2025, 1, 1), date(2025, 6, 30), "2.27", id="s5-bbin1-2025H1"
    ),
    pytest.param(
        "de_basiszinssatz", date(2025, 7, 1), date(2025, 12, 31), "1.27", id="s5-bbin1-2025H2"
    ),
    pytest.param(
        "de_basiszinssatz",
        date(2026, 1, 1),
        date(2026, 6, 30),
        "1.27",
        id="s5-bbk-announcement-1-jan-2026",
    ),
    pytest.param("lu_legal_rate", date(2024, 1, 1), date(2024, 12, 31), "4.50", id="s6.2-mj-lu"),
]


@pytest.mark.parametrize(("name", "first", "last", "figure"), CONFIRMED)
def test_every_confirmed_figure_is_reproduced_for_its_period(
    name: str, first: date, last: date, figure: str
) -> None:
    table = rate_table(name)
    for day in (first, last):
        assert table.rate_on(day) == Decimal(figure), day
        assert table.entry_on(day).status is RateStatus.PUBLISHED, day


# Rates the regimes compute from a confirmed ECB rate: rates-update.md §3.2 (FR default
# penalty 2025 H1: ECB on 1 January 2025 3.15 + 10 = 13.15) and §6.1 (LU 2024 H2 12.25 %,
# Ministère de la Justice, mj.gouvernement.lu).
@pytest.mark.parametrize(
    ("code", "first", "last", "rate"),
    [
        pytest.param("FR", date(2025, 1, 1), date(2025, 6, 30), "13.15", id="s3.2-fr-2025H1"),
        pytest.param("LU", date(2024, 7, 1), date(2024, 12, 31), "12.25", id="s6.1-lu-2024H2"),
    ],
)
def test_every_confirmed_regime_rate_is_reproduced(
    code: str, first: date, last: date, rate: str
) -> None:
    from payterms.law import regime

    for day in (first, last):
        assert regime(code).rate_on(day) * 100 == Decimal(rate)


# (table, a day of the period, the figure, where rates-update.md reports it UNCONFIRMED)
UNCONFIRMED = [
    pytest.param("ecb_mro", date(2025, 6, 11), "2.15", id="s1-ecb-cut-june-2025-secondary"),
    pytest.param("ecb_mro", date(2025, 7, 24), "2.15", id="s1-ecb-holds-2025-secondary"),
    pytest.param("ecb_mro", date(2026, 3, 19), "2.15", id="s1-ecb-hold-march-2026-secondary"),
    pytest.param("ecb_mro", date(2026, 4, 1), "2.15", id="s1-ecb-oj-c-2026-01398-summary"),
    pytest.param("ecb_mro", date(2026, 4, 30), "2.15", id="s1-ecb-hold-april-2026-secondary"),
    pytest.param("ecb_mro", date(2026, 6, 17), "2.40", id="s1-ecb-rise-june-2026-secondary"),
    pytest.param("be_late_payment", date(2025, 1, 1), "11.5", id="s2-be-2025H1-secondary-derived"),
    pytest.param("be_late_payment", date(2025, 7, 1), "10.5", id="s2-be-2025H2-embuild"),
    pytest.param("be_late_payment", date(2026, 1, 1), "10.5", id="s2-be-2026H1-expected"),
    pytest.param("be_late_payment", date(2026, 7, 1), "10.5", id="s2-be-2026H2-derived"),
    pytest.param("fr_legal_rate_individuals", date(2025, 1, 1), "7.21", id="s3.1-fr-2025H1"),
    pytest.param("fr_legal_rate_professionals", date(2025, 1, 1), "3.71", id="s3.1-fr-pro-2025H1"),
    pytest.param("fr_legal_rate_individuals", date(2025, 7, 1), "6.65", id="s3.1-fr-2025H2"),
    pytest.param("fr_legal_rate_professionals", date(2025, 7, 1), "2.76", id="s3.1-fr-pro-2025H2"),
    pytest.param("nl_handelsrente", date(2024, 7, 1), "12.25", id="s4.1-nl-2024H2-metaalunie"),
    pytest.param("nl_handelsrente", date(2025, 1, 1), "11.15", id="s4.1-nl-2025H1-derived"),
    pytest.param("nl_handelsrente", date(2025, 7, 1), "10.15", id="s4.1-nl-2025H2-vanlaarhoven"),
    pytest.param("nl_handelsrente", date(2026, 1, 1), "10.15", id="s4.1-nl-2026H1-derived"),
    pytest.param("nl_handelsrente", date(2026, 7, 1), "10.40", id="s4.1-nl-2026H2-derived"),
    pytest.param("nl_wettelijke_rente", date(2024, 7, 1), "7", id="s4.2-nl-2024H2-metaalunie"),
    pytest.param("nl_wettelijke_rente", date(2025, 1, 1), "6", id="s4.2-nl-2025-koop-comment"),
    pytest.param("nl_wettelijke_rente", date(2025, 7, 1), "6", id="s4.2-nl-2025H2-vanlaarhoven"),
    pytest.param("nl_wettelijke_rente", date(2026, 1, 1), "4", id="s4.2-nl-2026-koop-comment"),
    pytest.param("de_basiszinssatz", date(2008, 1, 1), "3.32", id="s5-de-2008H1-secondary"),
    pytest.param("de_basiszinssatz", date(2008, 7, 1), "3.19", id="s5-de-2008H2-secondary"),
    pytest.param("de_basiszinssatz", date(2009, 7, 1), "0.12", id="s5-de-2009H2-secondary"),
    pytest.param("de_basiszinssatz", date(2010, 1, 1), "0.12", id="s5-de-2010H1-secondary"),
    pytest.param("de_basiszinssatz", date(2010, 7, 1), "0.12", id="s5-de-2010H2-secondary"),
    pytest.param("de_basiszinssatz", date(2011, 1, 1), "0.12", id="s5-de-2011H1-secondary"),
    pytest.param("de_basiszinssatz", date(2011, 7, 1), "0.37", id="s5-de-2011H2-secondary"),
    pytest.param("de_basiszinssatz", date(2026, 7, 1), "1.52", id="s5-de-2026H2-derived"),
    pytest.param("uk_reference_rate", date(2009, 1, 1), "2.00", id="s7.1-uk-2009H1-bbc"),
    pytest.param("uk_reference_rate", date(2009, 7, 1), "0.50", id="s7.1-uk-2009H2-bbc"),
    pytest.param("uk_reference_rate", date(2011, 1, 1), "0.50", id="s7.1-uk-2011-bbc"),
    pytest.param("uk_reference_rate", date(2016, 1, 1), "0.50", id="s7.1-uk-2016H1-guardian"),
    pytest.param("uk_reference_rate", date(2024, 7, 1), "5.25", id="s7.1-uk-2024H2-bbc"),
    pytest.param("uk_reference_rate", date(2025, 1, 1), "4.75", id="s7.1-uk-2025H1-inferred"),
    pytest.param("uk_reference_rate", date(2025, 7, 1), "4.25", id="s7.1-uk-2025H2-particle"),
    pytest.param("uk_reference_rate", date(2026, 1, 1), "3.75", id="s7.1-uk-2026H1-capitalpost"),
    pytest.param("uk_reference_rate", date(2026, 7, 1), "3.75", id="s7.1-uk-2026H2-livesquawk"),
    pytest.param("lu_legal_rate", date(2011, 1, 1), "3.50", id="s6.2-lu-2011-thewes-reuter"),
    pytest.param("lu_legal_rate", date(2012, 1, 1), "3.50", id="s6.2-lu-2012-cdm"),
]


@pytest.mark.parametrize(("name", "day", "figure"), UNCONFIRMED)
def test_no_unconfirmed_figure_ships_as_published(name: str, day: date, figure: str) -> None:
    # the figure is either outside the table, or on a row that is not 'published'
    # (derived from a published ECB rate, or unconfirmed: asking for it raises)
    table = rate_table(name)
    if not table.first_known <= day <= table.last_known:
        with pytest.raises(RateNotPublished):
            table.rate_on(day)
        return
    entry = table.entry_on(day, unconfirmed=True)
    assert entry.status is not RateStatus.PUBLISHED
    if entry.status is RateStatus.UNCONFIRMED:
        with pytest.raises(RateNotPublished, match="unconfirmed"):
            table.rate_on(day)
        assert entry.rate in (None, Decimal(figure))
    else:  # derived: computed from a confirmed ECB rate; results say so
        assert entry.status is RateStatus.DERIVED
        assert entry.rate == Decimal(figure)


# Rates the regimes would compute from an unconfirmed ECB rate (rates-update.md §1, §3.2,
# §6.1): FR 2025 H2 12.15, 2026 H1 12.15, 2026 H2 12.40; LU 2025 H2 10.15, 2026 H1 10.15,
# 2026 H2 10.40; the Directive's ECB + 8 alike. None is given without an assumption.
@pytest.mark.parametrize("code", ["EU", "FR", "LU"])
@pytest.mark.parametrize("day", [date(2025, 7, 1), date(2026, 1, 1), date(2026, 7, 1)])
def test_no_rate_computed_from_an_unconfirmed_ecb_rate(code: str, day: date) -> None:
    from payterms.law import regime

    with pytest.raises(RateNotPublished, match="ecb_mro"):
        regime(code).rate_on(day)


def test_luxembourg_2025_h1_is_computed_and_says_so() -> None:
    # rates-update.md §6.1: LU 2025 H1 11.15 is UNCONFIRMED (derived: ECB 3.15 + 8); the
    # regime computes it from the confirmed ECB rate and the result says it is computed.
    from payterms import late_interest

    res = late_interest(Decimal("1000"), due=date(2025, 1, 31), until=date(2025, 3, 1), regime="LU")
    assert [p.rate * 100 for p in res.periods] == [Decimal("11.15")]
    assert any("Luxembourg rate computed" in a for a in res.assumptions)


# ---------------------------------------------------------------- tables a user brings

USER_CSV = """# title: ECB main refinancing rate, as read by the user
# source: ECB press release of 11 June 2026
# covers_until: 2026-12-31
valid_from,rate,status,source
2026-06-17,2.40,published,"ECB press release, 11 June 2026"
"""


def test_from_csv_reads_text_and_files(tmp_path: Path) -> None:
    table = RateTable.from_csv(USER_CSV, name="ecb_mro")
    assert table.name == "ecb_mro"
    assert table.last_known == date(2026, 12, 31)
    assert table.rate_on(date(2026, 12, 31)) == Decimal("2.40")
    (entry,) = table.entries
    assert entry.source == "ECB press release, 11 June 2026"  # quoted: comma kept
    assert entry.origin == "CSV text"
    assert table.retrieved is None
    path = tmp_path / "ecb_mro.csv"
    path.write_text(USER_CSV, encoding="utf-8")
    for source in (path, str(path)):
        from_file = RateTable.from_csv(source)
        assert from_file.name == "ecb_mro"  # the file name without .csv
        assert from_file.entries[0].origin == str(path)
        assert from_file.rate_on(date(2026, 7, 1)) == Decimal("2.40")


def test_from_csv_skips_the_byte_order_mark_of_a_spreadsheet(tmp_path: Path) -> None:
    # a CSV saved as "CSV UTF-8" by a spreadsheet starts with U+FEFF
    path = tmp_path / "ecb_mro.csv"
    path.write_bytes(b"\xef\xbb\xbf" + USER_CSV.encode("utf-8"))
    from_file = RateTable.from_csv(path)
    assert from_file.rate_on(date(2026, 7, 1)) == Decimal("2.40")
    assert from_file.title == "ECB main refinancing rate, as read by the user"
    from_text = RateTable.from_csv("\ufeff" + USER_CSV, name="ecb_mro")
    assert from_text.entries == RateTable.from_csv(USER_CSV, name="ecb_mro").entries
    # only at the very start: elsewhere it is a character like any other
    with pytest.raises(InvalidArgument, match="line 5"):
        RateTable.from_csv(USER_CSV.replace("2026-06-17", "\ufeff2026-06-17"))


def test_from_csv_short_columns_and_round_trip() -> None:
    table = RateTable.from_csv(
        "# covers_until: 2026-12-31\nvalid_from,rate\n2026-01-01,-0.25\n2026-07-01,0\n"
    )
    assert [(e.rate, e.status) for e in table.entries] == [
        (Decimal("-0.25"), RateStatus.PUBLISHED),  # negative rates are valid (§ 247 BGB)
        (Decimal("0"), RateStatus.PUBLISHED),
    ]
    assert table.name == "user"
    again = RateTable.from_csv(table.to_csv(), name="user")
    assert again.entries == tuple(
        RateEntry(e.valid_from, e.rate, e.status, e.source, origin="CSV text")
        for e in table.entries
    )
    assert again.last_known == table.last_known


# (CSV text, the line the error names, a word of the expected form)
MALFORMED = [
    pytest.param("# covers_until: 2026-12-31\n2026-06-17,2.40\n", 2, "column header",
                 id="missing-header"),
    pytest.param("valid_from,rate\n2026-06-17,2.40\n", 1, "covers_until",
                 id="missing-covers-until"),
    pytest.param("# covers_until: 2026-12-31\nvalid_from,rate\n2026-07-01,2.40\n"
                 "2026-01-01,2.15\n", 4, "after 2026-07-01", id="unsorted"),
    pytest.param("# covers_until: 2026-12-31\nvalid_from,rate\n2026-07-01,2.40\n"
                 "2026-07-01,2.65\n", 4, "after 2026-07-01", id="duplicate"),
    pytest.param("# covers_until: 2026-12-31\nvalid_from,rate\n2026-07-01,1e-2\n", 3,
                 "plain decimal", id="float-looking-rate"),
    pytest.param("# covers_until: 2026-12-31\nvalid_from,rate\n2026-07--1,2.40\n", 3,
                 "YYYY-MM-DD", id="negative-day"),
    pytest.param("# covers_until: 2026-12-31\nvalid_from,rate\n-2026-07-01,2.40\n", 3,
                 "YYYY-MM-DD", id="negative-date"),
    pytest.param("# covers_until: 2026-12-31\nvalid_from,rate\n2026-02-30,2.40\n", 3,
                 "real calendar day", id="impossible-day"),
    pytest.param("# covers_until: 2026-12-31\nvalid_from,rate\n2026-07-01,two\n", 3,
                 "plain decimal", id="text-in-rate"),
    pytest.param("# covers_until: 2026-12-31\nvalid_from,rate\n2026-07-01,2,40\n", 3,
                 "decimal point", id="decimal-comma"),
    pytest.param("# covers_until: 2026-12-31\nvalid_from,rate\n2026-07-01,NaN\n", 3,
                 "plain decimal", id="nan"),
    pytest.param("# covers_until: 2026-12-31\nvalid_from,rate\n2026-07-01,240\n", 3,
                 "between -100 and 100", id="percent-out-of-range"),
    pytest.param("# covers_until: 2026-12-31\nvalid_from,rate\n2026-07-01, \n", 3,
                 "only an unconfirmed row", id="empty-published-rate"),
    pytest.param("# covers_until: 2026-12-31\nvalid_from,rate,status\n2026-07-01,2.40,final\n",
                 3, "published, derived or unconfirmed", id="unknown-status"),
    pytest.param("# covers_until: 2026-12-31\nvalid_from,rate\n2026-07-01,2.40\n# more\n", 4,
                 "before the column header", id="comment-after-header"),
    pytest.param("# covers-until: 2026-12-31\nvalid_from,rate\n2026-07-01,2.40\n", 1,
                 "key one of", id="misspelt-header-key"),
    pytest.param("# covers_until: 2026-06-30\nvalid_from,rate\n2026-07-01,2.40\n", 1,
                 "on or after the last row", id="covers-until-before-last-row"),
    pytest.param("# covers_until: 2026-12-31\n# covers_until: 2027-06-30\nvalid_from,rate\n"
                 "2026-07-01,2.40\n", 2, "one '# covers_until:' line", id="repeated-header"),
    pytest.param("# covers_until: 2026-13-01\nvalid_from,rate\n2026-07-01,2.40\n", 1,
                 "real calendar day", id="bad-covers-until"),
    pytest.param("# covers_until: 2026-12-31\nvalid_from,rate,source\n2026-07-01,2.40,x\n", 2,
                 "column header", id="columns-out-of-order"),
    pytest.param("# covers_until: 2026-12-31\nvalid_from,rate,status,source\n"
                 "2026-07-01,2.40,published,a,b\n", 3, "4 fields", id="unquoted-comma"),
    pytest.param("# covers_until: 2026-12-31\nvalid_from,rate\n\n\n", 2, "at least one row",
                 id="no-rows"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "line", "expected"), MALFORMED)
def test_malformed_user_tables_name_the_line(text: str, line: int, expected: str) -> None:
    with pytest.raises(InvalidArgument) as info:
        RateTable.from_csv(text)
    assert info.value.name == f"line {line}", str(info.value)
    assert expected in info.value.expected, str(info.value)
    assert str(info.value).startswith(f"line {line}=")


def test_from_csv_refuses_what_is_not_a_table(tmp_path: Path) -> None:
    with pytest.raises(InvalidArgument, match="readable"):
        RateTable.from_csv(tmp_path / "missing.csv")
    with pytest.raises(InvalidType):
        RateTable.from_csv(42)  # type: ignore[arg-type]
    with pytest.raises(InvalidArgument, match="table name"):
        RateTable.from_csv(USER_CSV, name="  ")


def test_entries_and_tables_check_themselves() -> None:
    row = RateEntry(date(2026, 1, 1), Decimal("2"), RateStatus.PUBLISHED, "x")
    with pytest.raises(InvalidArgument, match="unconfirmed row"):
        RateEntry(date(2026, 1, 1), None, RateStatus.PUBLISHED, "x")
    with pytest.raises(InvalidType):
        RateEntry(date(2026, 1, 1), 2.0, RateStatus.PUBLISHED, "x")
    with pytest.raises(InvalidArgument):
        RateEntry(date(2026, 1, 1), Decimal("2"), "published", "x")  # type: ignore[arg-type]
    table = rate_table("ecb_mro")
    with pytest.raises(InvalidArgument, match="increasing"):
        evolve(table, entries=(row, row))
    with pytest.raises(InvalidArgument, match="last_known"):
        evolve(table, entries=(row,), last_known=date(2025, 12, 31))
    with pytest.raises(InvalidArgument):
        evolve(table, entries=())


def test_merged_user_rows_win_from_their_first_day() -> None:
    shipped = rate_table("ecb_mro")
    user = RateTable.from_csv(USER_CSV, name="ecb_mro")
    merged = shipped.merged(user)
    assert merged.entries[:-1] == shipped.entries[:-1]  # everything before 2026-06-17
    assert merged.entries[-1] == user.entries[0]
    assert merged.last_known == date(2026, 12, 31)
    assert merged.coverage().origins == ("CSV text",)
    assert merged.coverage().confirmed_until == date(2026, 12, 31)
    assert shipped.coverage().origins == ()


def test_merged_patch_in_the_middle_hands_back_to_the_shipped_rows() -> None:
    # A user who read the Bundesanzeiger notices for 2008 confirms those two rows; the
    # shipped rows take over again on 2009-01-01.
    shipped = rate_table("de_basiszinssatz")
    patch = RateTable.from_csv(
        "# covers_until: 2008-12-31\nvalid_from,rate,status,source\n"
        "2008-01-01,3.32,published,BAnz notice of December 2007\n"
        "2008-07-01,3.19,published,BAnz notice of June 2008\n",
        name="de_basiszinssatz",
    )
    merged = shipped.merged(patch)
    assert merged.rate_on(date(2008, 3, 1)) == Decimal("3.32")
    assert merged.rate_on(date(2008, 12, 31)) == Decimal("3.19")
    assert merged.entry_on(date(2009, 1, 1)) is shipped.entry_on(date(2009, 1, 1))
    with pytest.raises(RateNotPublished, match="2009-07-01 is unconfirmed"):
        merged.rate_on(date(2009, 7, 1))
    assert merged.last_known == shipped.last_known
    assert len(merged.entries) == len(shipped.entries)
    # a patch ending inside a shipped row: that row goes on from the next day
    short = RateTable.from_csv(
        "# covers_until: 2008-03-31\nvalid_from,rate\n2008-01-01,3.32\n", name="x"
    )
    split = shipped.merged(short)
    resumed = split.entry_on(date(2008, 4, 1), unconfirmed=True)
    assert resumed.valid_from == date(2008, 4, 1)
    assert resumed.status is RateStatus.UNCONFIRMED  # the shipped row, as it was
    assert resumed.rate == Decimal("3.32")
    assert resumed.origin is None


def test_merged_gaps_between_the_tables_have_no_rate() -> None:
    shipped = rate_table("lu_legal_rate")  # 2024 only
    later = RateTable.from_csv("# covers_until: 2026-12-31\nvalid_from,rate\n2026-01-01,4\n")
    merged = shipped.merged(later)
    assert merged.rate_on(date(2024, 6, 1)) == Decimal("4.50")
    with pytest.raises(RateNotPublished, match="neither the lu_legal_rate table"):
        merged.rate_on(date(2025, 6, 1))
    assert merged.rate_on(date(2026, 6, 1)) == Decimal("4")
    earlier = RateTable.from_csv("# covers_until: 2022-12-31\nvalid_from,rate\n2022-01-01,3\n")
    before = shipped.merged(earlier)
    assert before.first_known == date(2022, 1, 1)
    with pytest.raises(RateNotPublished, match="unconfirmed"):
        before.rate_on(date(2023, 6, 1))
    assert before.rate_on(date(2024, 6, 1)) == Decimal("4.50")
    with pytest.raises(InvalidType):
        shipped.merged("x")  # type: ignore[arg-type]


def test_extended_lays_rows_over_the_table() -> None:
    row = RateEntry(date(2026, 6, 17), Decimal("2.40"), RateStatus.PUBLISHED, "ECB, 11 June 2026")
    table = rate_table("ecb_mro").extended([row], covers_until=date(2026, 12, 31))
    assert table.entry_on(date(2026, 9, 1)).origin == "user rows"
    assert table.rate_on(date(2026, 9, 1)) == Decimal("2.40")
    # a row inside the coverage needs no covers_until; it runs to the table's last day
    inside = rate_table("ecb_mro").extended(
        [RateEntry(date(2025, 6, 11), Decimal("2.15"), RateStatus.PUBLISHED, "ECB")],
        origin="my notes",
    )
    assert inside.rate_on(date(2026, 6, 17)) == Decimal("2.15")
    assert inside.entry_on(date(2025, 6, 11)).origin == "my notes"
    late = RateEntry(date(2026, 7, 1), Decimal("2.40"), RateStatus.PUBLISHED, "ECB")
    with pytest.raises(InvalidArgument, match="last_known"):
        rate_table("ecb_mro").extended([late])  # starts past the table's last day
    with pytest.raises(InvalidArgument, match="at least one"):
        rate_table("ecb_mro").extended([])
    with pytest.raises(InvalidType):
        rate_table("ecb_mro").extended([("2026-06-17", "2.40")])  # type: ignore[list-item]
    with pytest.raises(InvalidType):
        rate_table("ecb_mro").extended(5)  # type: ignore[arg-type]


def test_coverage_lists_every_table() -> None:
    listed = coverage()
    assert [c.name for c in listed] == list(TABLE_NAMES)
    for c in listed:
        table = rate_table(c.name)
        assert (c.first_day, c.last_day) == (table.first_known, table.last_known)
        assert c.last_status is table.entries[-1].status
        assert c.url == table.url
        assert c.retrieved == table.retrieved
    ecb = {c.name: c for c in listed}["ecb_mro"]
    assert ecb.unconfirmed == ((date(2025, 6, 11), date(2026, 6, 17)),)
    assert ecb.last_rate == Decimal("2.40")
    mine = coverage({"ecb_mro": RateTable.from_csv(USER_CSV, name="ecb_mro")})
    assert {c.name: c for c in mine}["ecb_mro"].last_day == date(2026, 12, 31)
    with pytest.raises(InvalidArgument, match="'nope'"):
        coverage({"nope": rate_table("ecb_mro")})
    with pytest.raises(InvalidType):
        coverage({"ecb_mro": "x"})  # type: ignore[dict-item]
    with pytest.raises(InvalidType):
        coverage(["ecb_mro"])  # type: ignore[arg-type]


@st.composite
def _repeats(draw: st.DrawFn) -> tuple[RateTable, RateTable]:
    """A shipped table and a user table repeating a run of its rows (any last day inside)."""
    shipped = rate_table(draw(st.sampled_from(TABLE_NAMES)))
    n = len(shipped.entries)
    i = draw(st.integers(0, n - 1))
    j = draw(st.integers(i, n - 1))
    rows = shipped.entries[i : j + 1]
    stop = (
        shipped.entries[j + 1].valid_from - timedelta(days=1) if j + 1 < n else shipped.last_known
    )
    last = draw(st.dates(min_value=rows[-1].valid_from, max_value=stop))
    user = RateTable.from_csv(
        evolve(shipped, entries=rows, last_known=last).to_csv(), name=shipped.name
    )
    return shipped, user


@settings(max_examples=examples(200), deadline=None)
@given(pair=_repeats())
def test_merging_rows_that_repeat_the_shipped_ones_changes_nothing(
    pair: tuple[RateTable, RateTable],
) -> None:
    shipped, user = pair
    assert shipped.merged(user) == shipped


@st.composite
def _one_user_row(draw: st.DrawFn) -> tuple[RateTable, RateTable, date]:
    shipped = rate_table(draw(st.sampled_from(TABLE_NAMES)))
    start = draw(st.dates(min_value=shipped.first_known, max_value=date(2027, 12, 31)))
    rate = draw(st.decimals(min_value=-5, max_value=20, places=2, allow_nan=False))
    status = draw(st.sampled_from(RateStatus))
    last = draw(st.dates(min_value=start, max_value=date(2028, 12, 31)))
    user = RateTable.from_csv(
        f"# covers_until: {last}\nvalid_from,rate,status\n{start},{rate},{status.value}\n",
        name=shipped.name,
    )
    return shipped, user, start


def _lookup(table: RateTable, day: date) -> tuple[Decimal, RateStatus] | None:
    """Return the figure and status for *day*, None where there is no figure at all."""
    try:
        entry = table.entry_on(day, unconfirmed=True)
    except RateNotPublished:
        return None
    return None if entry.rate is None else (entry.rate, entry.status)


@settings(max_examples=examples(200), deadline=None)
@given(case=_one_user_row(), offset=st.integers(1, 3000))
def test_a_user_row_changes_nothing_before_its_first_day(
    case: tuple[RateTable, RateTable, date], offset: int
) -> None:
    shipped, user, start = case
    merged = shipped.merged(user)
    day = start - timedelta(days=offset)
    if day >= shipped.first_known:
        assert _lookup(merged, day) == _lookup(shipped, day)
    if user.entries[0].status is not RateStatus.UNCONFIRMED:
        assert merged.rate_on(start) == user.entries[0].rate
    # the same change points up to the first day either table leaves without a rate
    cut = min(start, shipped.last_known + timedelta(days=1))
    first = shipped.first_known
    assert merged.change_dates(first, cut) == shipped.change_dates(first, cut)


if __name__ == "__main__":  # regenerate the golden snapshot after a reviewed data refresh
    SNAPSHOT.parent.mkdir(exist_ok=True)
    SNAPSHOT.write_text(json.dumps(snapshot(), indent=1, sort_keys=True) + "\n", encoding="utf-8")

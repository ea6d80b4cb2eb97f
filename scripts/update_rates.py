"""Rewrite a shipped rate table from the official publication files a maintainer downloaded.

Usage (from the repository root, with payterms installed)::

    python scripts/update_rates.py ecb FILE --retrieved 2027-01-05 --covers-until 2027-01-04
    python scripts/update_rates.py bundesbank FILE --retrieved 2027-01-05
    python scripts/update_rates.py boe FILE --retrieved 2027-01-05
    python scripts/update_rates.py manual TABLE ROWS.csv --retrieved 2027-01-05

``ecb`` reads the ECB Data Portal export of the main refinancing rate
(``FM.B.U2.EUR.4F.KR.MRR_FR.LEV`` or its daily twin ``FM.D...``): the SDMX-CSV the API
sends with ``format=csvdata`` (columns ``KEY``, ``FREQ``, ..., ``TIME_PERIOD``,
``OBS_VALUE``) or the portal's download (``"DATE","TIME PERIOD","<title> (<key>)"``).
``bundesbank`` reads the Bundesbank time-series CSV of ``BBIN1.M.DE.BBK.BBKBAS2.EUR.ME``
(Basiszinssatz, end of month; German layout with ``;`` and decimal commas, or English with
``,``). ``boe`` reads the Bank of England Bank Rate: the database export (``DATE,IUDBEDR``,
days as ``02 Jan 2024``) or the Bank Rate history table (``Date Changed,Rate``, days as
``18 Dec 25``), and writes the reference rate in force on 30 June / 31 December before each
half-year. ``manual`` lays rows typed from any other notice (Moniteur belge, Staatsblad,
arrêté, Mémorial) over a table; they are written in the table format itself, read by
``RateTable.from_csv``.

The export's rows replace the table's rows from the first day they cover (``--since``, by
default the table's first day) to the last (``--covers-until``, read from the export where
it says so); rows before and after stay. The provenance header is kept; ``retrieved`` and
``covers_until`` are updated, and ``--source-header`` replaces the ``source`` line. Nothing is
fetched from the network: download the files first. ``--check`` only reports whether the
table would change (exit status 1 if it would).

After a refresh: review the diff, regenerate the golden snapshot
(``PYTHONPATH=src python tests/test_law_tables.py``), update docs/data-sources.md and add a
Data line to CHANGELOG.md.
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import sys
from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from pathlib import Path

from payterms.errors import PaytermsError
from payterms.law import RateEntry, RateStatus, RateTable

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "payterms" / "law" / "data"
ONE_DAY = timedelta(days=1)

ECB_KEY = "FM.{freq}.U2.EUR.4F.KR.MRR_FR.LEV"
BUNDESBANK_KEY = "BBIN1.M.DE.BBK.BBKBAS2.EUR.ME"
BOE_SERIES = "IUDBEDR"

Change = tuple[date, Decimal]


class ExportError(ValueError):
    """A downloaded file that is not the export it should be; the message says where."""


# ------------------------------------------------------------------------------ readers


def _rate(text: str, where: str, *, comma: bool = False) -> Decimal:
    value = text.strip().replace(",", ".") if comma else text.strip()
    if not re.fullmatch(r"-?\d+(\.\d+)?", value):
        raise ExportError(f"{where}: {text!r} is not a rate written as a decimal number")
    try:
        return Decimal(value)
    except InvalidOperation:  # pragma: no cover - the pattern admits only numbers
        raise ExportError(f"{where}: {text!r} is not a number") from None


def _iso_day(text: str, where: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ExportError(f"{where}: {text!r} is not a day written YYYY-MM-DD") from None


def read_ecb(text: str) -> tuple[list[Change], bool]:
    """Return the (day, rate) observations of the MRO series and whether they are daily.

    Rows of other series in an SDMX-CSV file (the deposit and marginal lending rates
    downloaded together) are left out by their KEY; an empty or "NaN" value is refused.
    """
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    if not rows:
        raise ExportError("the ECB file is empty")
    head = [h.strip() for h in rows[0]]
    out: list[Change] = []
    if "TIME_PERIOD" in head and "OBS_VALUE" in head:  # SDMX-CSV (format=csvdata)
        key_at = head.index("KEY") if "KEY" in head else None
        freq_at = head.index("FREQ") if "FREQ" in head else None
        day_at, value_at = head.index("TIME_PERIOD"), head.index("OBS_VALUE")
        freqs: set[str] = set()
        for n, row in enumerate(rows[1:], start=2):
            if not any(cell.strip() for cell in row):
                continue
            key = row[key_at].strip() if key_at is not None else ""
            if key and not re.fullmatch(r"FM\.[BD]\.U2\.EUR\.4F\.KR\.MRR_FR\.LEV", key):
                continue  # another series of the same download
            freqs.add(row[freq_at].strip() if freq_at is not None else key[3:4])
            out.append((_iso_day(row[day_at], f"line {n}"), _rate(row[value_at], f"line {n}")))
        daily = freqs == {"D"}
    else:  # the portal's download: "DATE","TIME PERIOD","<title> (<key>)"
        if len(head) < 3 or head[0] != "DATE" or "MRR_FR" not in head[2]:
            raise ExportError(
                "line 1: expected the ECB export of the main refinancing rate (SDMX-CSV with "
                "TIME_PERIOD and OBS_VALUE, or DATE, TIME PERIOD and a MRR_FR column)"
            )
        daily = ".D." in head[2]
        for n, row in enumerate(rows[1:], start=2):
            if not any(cell.strip() for cell in row):
                continue
            out.append((_iso_day(row[0], f"line {n}"), _rate(row[2], f"line {n}")))
    if not out:
        raise ExportError("the ECB file holds no observation of the main refinancing rate")
    return sorted(out), daily


def read_bundesbank(text: str) -> list[Change]:
    """Return the (first day of month, rate) end-of-month values of the Basiszinssatz.

    The German layout separates fields with ``;`` and writes decimal commas; the English
    one uses ``,`` and points. Header and footnote lines (a first field that is not a
    month) are skipped; a missing value (``.``) or a second series is refused.
    """
    lines = text.lstrip("\ufeff").splitlines()
    if not lines:
        raise ExportError("the Bundesbank file is empty")
    german = ";" in lines[0]
    rows = list(csv.reader(lines, delimiter=";" if german else ","))
    series = [cell.strip() for cell in rows[0][1:] if cell.strip()]
    if not series or series[0] != BUNDESBANK_KEY:
        raise ExportError(f"line 1: expected the series {BUNDESBANK_KEY}, found {series[:1]}")
    out: list[Change] = []
    for n, row in enumerate(rows[1:], start=2):
        if not row or not re.fullmatch(r"\d{4}-\d{2}", row[0].strip()):
            continue  # the title, unit, source and footnote lines of the export
        year, month = (int(part) for part in row[0].strip().split("-"))
        if len(row) < 2 or row[1].strip() in ("", "."):
            raise ExportError(f"line {n}: no value for {row[0].strip()}")
        out.append((date(year, month, 1), _rate(row[1], f"line {n}", comma=german)))
    if not out:
        raise ExportError("the Bundesbank file holds no monthly value")
    return out


_BOE_FORMATS = ("%d %b %Y", "%d %b %y", "%d/%m/%Y", "%Y-%m-%d")


def _boe_day(text: str, where: str) -> date:
    for fmt in _BOE_FORMATS:
        try:
            return datetime.strptime(text.strip(), fmt).date()  # noqa: DTZ007 - a calendar day
        except ValueError:
            continue
    raise ExportError(f"{where}: {text!r} is not a day such as '02 Jan 2024' or '18 Dec 25'")


def read_boe(text: str) -> tuple[list[Change], bool]:
    """Return the Bank Rate observations (day, rate) and whether they are a daily series."""
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    if not rows:
        raise ExportError("the Bank of England file is empty")
    head = [h.strip() for h in rows[0]]
    if head[:2] == ["Date Changed", "Rate"]:
        value_at, daily = 1, False
    elif head and head[0] == "DATE" and BOE_SERIES in head:
        value_at, daily = head.index(BOE_SERIES), True
    else:
        raise ExportError(
            f"line 1: expected 'Date Changed,Rate' (Bank Rate history) or 'DATE,{BOE_SERIES}' "
            "(Bank of England database)"
        )
    out: list[Change] = []
    for n, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        out.append((_boe_day(row[0], f"line {n}"), _rate(row[value_at], f"line {n}")))
    if not out:
        raise ExportError("the Bank of England file holds no rate")
    return sorted(out), daily


# ------------------------------------------------------------------------------ to rows


def change_points(observations: Iterable[Change]) -> list[Change]:
    """Return the observations where the value changes (the first one included)."""
    out: list[Change] = []
    for day, value in sorted(observations):
        if out and out[-1][0] == day:
            if out[-1][1] != value:
                raise ExportError(f"two different values for {day}: {out[-1][1]} and {value}")
            continue
        if not out or out[-1][1] != value:
            out.append((day, value))
    return out


def in_force(changes: Sequence[Change], day: date) -> Decimal | None:
    """Return the value of the last change on or before *day*, if any."""
    value = None
    for start, rate in changes:
        if start > day:
            break
        value = rate
    return value


def half_year_references(changes: Sequence[Change], since: date, known_until: date) -> list[Change]:
    """Return the UK reference rate rows: on 1 January / 1 July, the rate of the day before.

    Late Payment of Commercial Debts (Rate of Interest) (No. 3) Order 2002: the rate in
    force on 31 December (30 June) fixes the reference rate of interest that starts to run
    in the half-year after it. Half-years whose reference day lies after *known_until* are
    left out.
    """
    start = date(since.year, 1 if since.month < 7 else 7, 1)
    if start < since:
        start = date(start.year, 7, 1) if start.month == 1 else date(start.year + 1, 1, 1)
    rows: list[Change] = []
    while start - ONE_DAY <= known_until:
        value = in_force(changes, start - ONE_DAY)
        if value is not None:
            rows.append((start, value))
        start = date(start.year, 7, 1) if start.month == 1 else date(start.year + 1, 1, 1)
    return change_points(rows)


def half_year_end(day: date) -> date:
    """Return the last day of the half-year containing *day*."""
    return date(day.year, 6, 30) if day.month < 7 else date(day.year, 12, 31)


def _month_end(day: date) -> date:
    nxt = date(day.year + (day.month == 12), day.month % 12 + 1, 1)
    return nxt - ONE_DAY


def export_table(
    base: RateTable, changes: Sequence[Change], *, source: str, covers_until: date, since: date
) -> RateTable:
    """Return the table of *changes* from *since* on, each row published by *source*."""
    kept = [(day, value) for day, value in changes if day >= since]
    before = [value for day, value in changes if day < since]
    if before and (not kept or kept[0][0] != since):
        kept.insert(0, (since, before[-1]))  # the value in force on the first day taken
    if not kept:
        raise ExportError(f"the export has no value on or after {since}")
    if covers_until < kept[-1][0]:
        raise ExportError(
            f"--covers-until {covers_until} is before the export's last change ({kept[-1][0]})"
        )
    entries = tuple(
        RateEntry(day, value.quantize(Decimal("0.01")), RateStatus.PUBLISHED, source)
        for day, value in kept
    )
    return RateTable(
        name=base.name,
        title=base.title,
        source=source,
        url=base.url,
        retrieved=base.retrieved,
        applies=base.applies,
        last_known=covers_until,
        entries=entries,
    )


def rewrite(
    table: RateTable,
    update: RateTable,
    *,
    retrieved: date,
    source_header: str | None = None,
) -> RateTable:
    """Return *table* with *update* laid over it, its header kept and brought up to date.

    A new row that only repeats the figure and status of the row before it (the first
    observation of an export, which is not a change) is left out.
    """
    merged = table.merged(update)
    shipped = {id(e) for e in table.entries}
    rows: list[RateEntry] = []
    for e in merged.entries:
        if rows and id(e) not in shipped and (e.rate, e.status) == (rows[-1].rate, rows[-1].status):
            continue
        rows.append(e)
    return RateTable(
        name=table.name,
        title=table.title,
        source=source_header if source_header is not None else table.source,
        url=table.url,
        retrieved=retrieved,
        applies=table.applies,
        last_known=merged.last_known,
        entries=tuple(RateEntry(e.valid_from, e.rate, e.status, e.source) for e in rows),
    )


# ------------------------------------------------------------------------------ command


def _day_argument(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a day written YYYY-MM-DD") from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="update_rates.py",
        description=(__doc__ or "").split("\n\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("kind", choices=("ecb", "bundesbank", "boe", "manual"))
    parser.add_argument("args", nargs="+", metavar="FILE", help="the export (manual: TABLE ROWS)")
    parser.add_argument(
        "--retrieved", type=_day_argument, required=True, help="the day the files were downloaded"
    )
    parser.add_argument(
        "--covers-until",
        type=_day_argument,
        help="the last day the export speaks for (when it does not say)",
    )
    parser.add_argument(
        "--since",
        type=_day_argument,
        help="the first day taken from the export (default: the table's first)",
    )
    parser.add_argument("--table", help="the table to rewrite (default: the export's)")
    parser.add_argument("--source-header", help="a new '# source:' header line")
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=DATA,
        help="the directory of the table files (default: the package data)",
    )
    parser.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 if the table would change"
    )
    return parser  # fmt: skip


DEFAULT_TABLE = {"ecb": "ecb_mro", "bundesbank": "de_basiszinssatz", "boe": "uk_reference_rate"}


def run(argv: Sequence[str]) -> int:
    """Run the command line; return the exit status."""
    options = _parser().parse_args(argv)
    kind: str = options.kind
    files = list(options.args)
    if kind == "manual":
        if len(files) != 2:
            raise ExportError("manual takes TABLE ROWS.csv")
        name, export = files
    else:
        if len(files) != 1:
            raise ExportError(f"{kind} takes one export file")
        name, export = options.table or DEFAULT_TABLE[kind], files[0]
    path = Path(options.data_dir) / f"{name}.csv"
    if not path.is_file():
        raise ExportError(f"no table file {path}")
    table = RateTable.from_csv(path, name=name)
    since: date = options.since or table.first_known
    covers: date | None = options.covers_until
    stamp = options.retrieved.isoformat()
    if kind == "manual":
        update = RateTable.from_csv(Path(export), name=name)
    else:
        text = Path(export).read_text(encoding="utf-8-sig")
        if kind == "ecb":
            observed, daily = read_ecb(text)
            changes = change_points(observed)
            if covers is None:
                if not daily:
                    raise ExportError(
                        "a change-date export (FM.B...) does not say how long its last rate "
                        "held: pass --covers-until (the day of the last decision read), or "
                        "export the daily series FM.D..."
                    )
                covers = observed[-1][0]
            source = f"ECB Data Portal, {ECB_KEY.format(freq='B')} (downloaded {stamp})"
        elif kind == "bundesbank":
            observed = read_bundesbank(text)
            changes = change_points(observed)
            for day, _ in changes[1:]:
                if day.month not in (1, 7):
                    raise ExportError(
                        f"a change on {day}: the Basiszinssatz changes only on 1 January and "
                        "1 July (§ 247 BGB); is this the series " + BUNDESBANK_KEY + "?"
                    )
            covers = covers or _month_end(observed[-1][0])
            source = f"Deutsche Bundesbank, {BUNDESBANK_KEY} (downloaded {stamp})"
        else:
            observed, daily = read_boe(text)
            bank_rate = change_points(observed)
            if covers is None:
                if not daily:
                    raise ExportError(
                        "the Bank Rate history does not say up to which day it is complete: "
                        "pass --covers-until (the end of the last half-year whose reference "
                        "day, 30 June or 31 December, it covers)"
                    )
                covers = half_year_end(observed[-1][0] + ONE_DAY)
            if covers != half_year_end(covers):
                raise ExportError(f"--covers-until {covers} is not the end of a half-year")
            known = (
                date(covers.year, 6, 30) if covers.month == 12 else date(covers.year - 1, 12, 31)
            )
            changes = half_year_references(bank_rate, since, known)
            source = f"Bank of England, Bank Rate {BOE_SERIES} (downloaded {stamp})"
        update = export_table(table, changes, source=source, covers_until=covers, since=since)
    result = rewrite(table, update, retrieved=options.retrieved,
                     source_header=options.source_header)  # fmt: skip
    old = path.read_text(encoding="utf-8")
    new = result.to_csv()
    if options.check:
        print("unchanged" if old == new else f"{path.name} would change")
        return int(old != new)
    path.write_text(new, encoding="utf-8")
    cover = result.coverage()
    print(f"{path}: {len(result.entries)} rows, covers until {cover.last_day}, confirmed until "
          f"{cover.confirmed_until}")  # fmt: skip
    for first, last in cover.unconfirmed:
        print(f"  still unconfirmed: {first} to {last}")
    print("check that the '# source:' and '# applies:' headers still describe the rows")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line, printing an error on one line; return the exit status."""
    try:
        return run(sys.argv[1:] if argv is None else argv)
    except (ExportError, PaytermsError, OSError) as exc:
        print(f"update_rates.py: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    raise SystemExit(main())

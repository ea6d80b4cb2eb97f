"""Commands about the published rate tables: rates (list, show, check)."""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from payterms.cli import _common as common
from payterms.cli._app import EXIT_FINDINGS, EXIT_OK, Command, Example, blame
from payterms.cli._output import CommandLineError, aligned, emit, emit_json, jsonable, one_line
from payterms.cli._values import BadValue

if TYPE_CHECKING:
    from payterms.law import RateEntry, RateTable, Regime, TableCoverage

__all__ = ["COMMANDS", "add_tables", "read_table", "statutory", "tables", "ways_out"]

ACTIONS = ("list", "show", "check")


def _shipped_names() -> tuple[str, ...]:
    from payterms.law import TABLE_NAMES

    return TABLE_NAMES


def _read_text(path: str, what: str) -> str:
    """Return the text of *path* ('-' for standard input), or name *what* if it is unreadable."""
    if path == "-":
        return sys.stdin.read()
    try:
        return Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else "not UTF-8 text"
        raise CommandLineError(f"argument {what}: cannot read {path!r} ({reason})") from None


def _from_text(text: str, path: str, name: str) -> RateTable:
    """Return the table in *text* read from *path*, named *name* (payterms errors pass on)."""
    from payterms.law import RateTable

    if path != "-":
        return RateTable.from_csv(path, name=name)
    return RateTable.from_csv(text if "\n" in text else text + "\n", name=name)


def read_table(text: str) -> tuple[str, str]:
    """Return the (table name, file) of a ``--table`` argument: ``NAME=FILE`` or ``FILE``.

    Without ``NAME=``, the file's name without ``.csv`` names the table (``ecb_mro.csv``).
    """
    name, sep, path = text.partition("=")
    if not sep:
        name, path = Path(text).name.removesuffix(".csv"), text
    name, path = name.strip(), path.strip()
    known = _shipped_names()
    if name not in known:
        raise BadValue(
            f"{text!r} names no shipped table (expected NAME=FILE with NAME one of "
            f"{', '.join(known)}, or a file named after one, such as ecb_mro.csv)"
        )
    if not path or path == "-":
        raise BadValue(f"{text!r} names no file (expected NAME=FILE, such as ecb_mro=mine.csv)")
    return name, path


def add_tables(parser: argparse.ArgumentParser) -> None:
    """Add ``--table [NAME=]FILE``: a user's rate table laid over a shipped one."""
    parser.add_argument(
        "--table",
        action="append",
        type=read_table,
        default=[],
        metavar="[NAME=]FILE",
        help="a rate table of your own, in the shipped CSV format, laid over the shipped "
        "table NAME (by default the file's name, such as ecb_mro.csv) from its first row to "
        "its covers_until (repeat for several tables)",
    )


def tables(args: argparse.Namespace) -> dict[str, RateTable]:
    """Return the user tables of the ``--table`` arguments, read and checked, by name."""
    found: dict[str, RateTable] = {}
    for name, path in args.table:
        if name in found:
            raise CommandLineError(f"argument --table: the table {name} is given twice")
        text = _read_text(path, "--table")
        with blame("--table"):
            found[name] = _from_text(text, path, name)
    return found


def statutory(args: argparse.Namespace, **options: Any) -> Regime:
    """Return the regime of ``--regime`` (with *options*), reading the ``--table`` tables."""
    from payterms.law import regime

    with blame("--regime"):
        found = regime(args.regime, **options)
    if not args.table:
        return found
    with blame("--table"):
        return regime(args.regime, **options, tables=tables(args))


@contextlib.contextmanager
def ways_out(regime: Regime | None = None, *, assume: bool = True) -> Iterator[None]:
    """Add the command's ways out to a ``RateNotPublished`` raised in the block (as a note).

    ``--assume`` is named where the command has it (*assume*), ``statutory_formula`` only
    where it helps: under a *regime* with a formula over the ECB rate, for a gap in
    another table than the ECB rate's.
    """
    from payterms.errors import RateNotPublished

    try:
        yield
    except RateNotPublished as exc:
        formula = regime is not None and regime.formula is not None and exc.table != "ecb_mro"
        ways = ["--table NAME=FILE ('payterms rates' lists the tables)"]
        if assume:
            values = "carry_forward or statutory_formula" if formula else "carry_forward"
            ways.insert(0, f"--assume {values}")
        exc.add_note(f"on the command line: {', or '.join(ways)}")
        raise


# --------------------------------------------------------------------------- rates


def _configure_rates(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "action",
        metavar="ACTION",
        nargs="?",
        choices=ACTIONS,
        default="list",
        help="list (the default): every table with the days it covers; show TABLE: the "
        "rows of one table; check FILE: whether a table of your own can be read",
    )
    parser.add_argument(
        "target",
        metavar="TABLE|FILE",
        nargs="?",
        help="the table to show (be_late_payment, ecb_mro, ...), or the CSV file to check "
        "('-' for standard input)",
    )
    parser.add_argument(
        "--regime",
        metavar="CODE",
        help="only the tables this regime reads: BE, DE, EU, FR, LU, NL or UK",
    )
    parser.add_argument(
        "--name",
        metavar="NAME",
        help="check: the shipped table the file would be laid over (default: the file's "
        "name without .csv)",
    )
    add_tables(parser)
    common.add_json(parser)


def _status(entry: RateEntry) -> str:
    rate = "no figure" if entry.rate is None else f"{entry.rate} %"
    return f"{rate} {entry.status.value}"


def _stretches(c: TableCoverage) -> str:
    return ", ".join(f"{first}..{last}" for first, last in c.unconfirmed) or "-"


def _but(c: TableCoverage) -> str:
    """Return the unconfirmed stretches before *confirmed until*, as words after it."""
    if c.confirmed_until is None:
        return ""
    before = [(first, last) for first, last in c.unconfirmed if first <= c.confirmed_until]
    if not before:
        return ""
    return " except " + ", ".join(f"{first}..{last}" for first, last in before) + " (unconfirmed)"


def _list(args: argparse.Namespace) -> int:
    from payterms.law import coverage

    if args.target is not None:
        raise CommandLineError(f"argument TABLE|FILE: not allowed with list ({args.target!r})")
    if args.name is not None:
        raise CommandLineError("argument --name: only with check")
    given = tables(args)
    wanted: tuple[str, ...] | None = None
    heading: list[str] = []
    data: dict[str, Any] = {}
    if args.regime is not None:
        found = statutory(args)
        wanted = found.table_names
        heading = [f"{found.code}: {found.title}", f"reads {', '.join(wanted)}", ""]
        data["regime"] = found.code
    with blame("--table"):
        found_coverage = [c for c in coverage(given) if wanted is None or c.name in wanted]
    if args.json:
        data["coverage"] = jsonable(tuple(found_coverage))
        emit_json(data)
        return EXIT_OK
    rows = [["table", "from", "to", "confirmed until", "last row", "unconfirmed days"]]
    for c in found_coverage:
        last = f"{c.last_valid_from} " + (
            "no figure" if c.last_rate is None else f"{c.last_rate} %"
        )
        rows.append(
            [
                c.name,
                str(c.first_day),
                str(c.last_day),
                str(c.confirmed_until or "-"),
                f"{last} {c.last_status.value}",
                _stretches(c),
            ]
        )
    notes = [f"- {c.name}: rows from {', '.join(c.origins)}" for c in found_coverage if c.origins]
    notes.append(
        "- a day past 'confirmed until' or in an unconfirmed stretch has no rate: "
        "interest there needs --assume (carry_forward, or statutory_formula where the "
        "regime has a formula over the ECB rate) or the "
        "published rates in a table of your own (--table; check it with "
        "'payterms rates check FILE')"
    )
    emit("\n".join([*heading, *aligned(rows), "", *notes]))
    return EXIT_OK


def _show(args: argparse.Namespace) -> int:
    from payterms.law import rate_table

    if args.target is None:
        raise CommandLineError(
            "argument TABLE|FILE: show needs a TABLE (payterms rates show ecb_mro)"
        )
    if args.regime is not None or args.name is not None:
        raise CommandLineError("argument --regime/--name: not allowed with show")
    known = _shipped_names()
    if args.target not in known:
        raise CommandLineError(
            f"argument TABLE|FILE: {args.target!r} is not a table (expected one of "
            f"{', '.join(known)})"
        )
    given = tables(args)
    table = (
        rate_table(args.target).merged(given[args.target])
        if args.target in given
        else rate_table(args.target)
    )
    if args.json:
        emit_json({"rate_table": jsonable(table)})
        return EXIT_OK
    head = [
        f"{table.name}: {table.title}",
        f"source: {table.source}",
        f"covers {table.first_known} to {table.last_known}, confirmed until "
        f"{table.confirmed_until or '-'}{_but(table.coverage())}",
        "",
    ]
    rows = [["valid_from", "rate", "status", "source"]]
    for e in table.entries:
        source = e.source if e.origin is None else f"{e.source} (from {e.origin})"
        rows.append(
            [
                str(e.valid_from),
                "-" if e.rate is None else f"{e.rate} %",
                e.status.value,
                source,
            ]
        )
    emit("\n".join([*head, *aligned(rows, right=[1])]))
    return EXIT_OK


def _check(args: argparse.Namespace) -> int:
    from payterms.errors import PaytermsError

    if args.target is None:
        raise CommandLineError(
            "argument TABLE|FILE: check needs a FILE (payterms rates check mine.csv)"
        )
    if args.regime is not None or args.table:
        raise CommandLineError("argument --regime/--table: not allowed with check")
    path = args.target
    name = args.name
    if name is None:
        name = "user" if path == "-" else Path(path).name.removesuffix(".csv")
    text = _read_text(path, "TABLE|FILE")
    shown = "standard input" if path == "-" else path
    try:
        table = _from_text(text, path, name)
    except PaytermsError as exc:
        error = one_line(exc)
        if args.json:
            emit_json({"file": shown, "valid": False, "error": error})
        else:
            emit(f"{shown}: not a valid rate table: {error}")
        return EXIT_FINDINGS
    return _report_valid(args, shown, table)


def _report_valid(args: argparse.Namespace, shown: str, table: RateTable) -> int:
    from payterms.law import RateStatus, rate_table

    known = _shipped_names()
    counts = {s: sum(1 for e in table.entries if e.status is s) for s in RateStatus}
    rows = len(table.entries)
    summary = (
        f"{shown}: a valid rate table, {rows} row{'s' if rows > 1 else ''} from "
        f"{table.first_known} to {table.last_known} ("
        + ", ".join(f"{n} {s.value}" for s, n in counts.items() if n)
        + ")"
    )
    notes: list[str] = []
    merged = None
    changed: list[tuple[RateEntry, RateEntry]] = []
    if table.name in known:
        shipped = rate_table(table.name)
        merged = shipped.merged(table)
        for entry in table.entries:
            if not shipped.first_known <= entry.valid_from <= shipped.last_known:
                continue
            before = shipped.entry_on(entry.valid_from, unconfirmed=True)
            if before.status is RateStatus.UNCONFIRMED or before.rate == entry.rate:
                continue
            changed.append((entry, before))
        c = merged.coverage()
        file = "FILE" if shown == "standard input" else shown  # --table reads no stdin
        notes.append(
            f"laid over the shipped {table.name} (--table {table.name}={file}): covers "
            f"{c.first_day} to {c.last_day}, confirmed until {c.confirmed_until or '-'}"
            f"{_but(c)} (shipped: {shipped.confirmed_until or '-'})"
        )
        notes += [
            f"- {new.valid_from}: {_status(new)} replaces the shipped {_status(old)} ({old.source})"
            for new, old in changed
        ]
    else:
        notes.append(
            f"- {table.name!r} is not a shipped table: name the table it is laid over with "
            f"--name (one of {', '.join(known)}) or name the file after it"
        )
    if counts[RateStatus.UNCONFIRMED]:
        notes.append(
            "- unconfirmed rows give no rate unless interest is asked with --assume carry_forward"
        )
    if args.json:
        emit_json(
            {
                "file": shown,
                "valid": True,
                "rate_table": jsonable(table),
                "merged": None if merged is None else jsonable(merged.coverage()),
                "replaces": [
                    {"new": jsonable(new), "shipped": jsonable(old)} for new, old in changed
                ],
            }
        )
    else:
        emit("\n".join([summary, *notes]))
    return EXIT_OK


def _rates(args: argparse.Namespace) -> int:
    handler = {"list": _list, "show": _show, "check": _check}[args.action]
    return handler(args)


_NOTES = """\
A table of your own is a CSV file in the shipped format: comment lines '# key: value'
first (only covers_until, the last day the rows speak for, is required), then the header
valid_from,rate,status,source (status and source may be left out), then one row per
change in increasing order, rates in percent per annum as published:

    # source: ECB press release of 11 June 2026
    # covers_until: 2026-12-31
    valid_from,rate,status,source
    2026-06-17,2.40,published,ECB press release of 11 June 2026

'payterms rates check ecb_mro.csv' says whether it can be read (exit status 1 and the
first line at fault if not) and what it changes over the shipped table;
'payterms interest ... --table ecb_mro.csv' computes with it."""

_RATES = Command(
    name="rates",
    summary="the published rate tables: what they cover, their rows, a table of your own",
    description="Print every rate table the statutory regimes read, with the days it covers "
    "and the last day with a confirmed rate (list), the rows of one table (show), or "
    "whether a rate table of your own can be read, naming the first line at fault (check).",
    configure=_configure_rates,
    handler=_rates,
    notes=_NOTES,
    examples=(
        Example(
            ("rates", "--regime", "FR"),
            "FR: France, pénalités de retard (Code de commerce art. L441-10)\n"
            "reads ecb_mro, fr_legal_rate_professionals\n"
            "\n"
            "table                        from        to          confirmed until  last row"
            "  ...\n"
            "ecb_mro                      2008-10-15  2026-06-17  2025-06-10       ...\n"
            "fr_legal_rate_professionals  2013-01-01  2026-06-30  2026-06-30       ...\n"
            "\n"
            "- a day past 'confirmed until' or in an unconfirmed stretch has no rate: ...",
        ),
        Example(
            ("rates", "show", "lu_legal_rate"),
            "lu_legal_rate: ...\n"
            "source: ...\n"
            "covers 2024-01-01 to 2024-12-31, confirmed until 2024-12-31\n"
            "\n"
            "valid_from    rate  status     source\n"
            "2024-01-01  4.50 %  published  https://mj.gouvernement.lu/...",
        ),
    ),
)

COMMANDS = (_RATES,)

"""Arguments shared by several commands, and turning them into library values."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from payterms.cli._app import blame
from payterms.cli._output import CommandLineError, jsonable, read_csv, write_csv
from payterms.cli._values import (
    BadValue,
    choices,
    read_calendar,
    read_closure,
    read_date,
    read_days,
    read_enum,
    read_run,
)

if TYPE_CHECKING:
    from datetime import date

    from payterms.runs import Payer
    from payterms.terms import PaymentTerms
    from payterms.text import Parsed

__all__ = [
    "LANGS",
    "add_calendar",
    "add_cash",
    "add_json",
    "add_payer",
    "add_terms",
    "calendar_options",
    "cell_date",
    "invoices",
    "notes",
    "parsed_json",
    "payer",
    "terms",
    "write_rows",
]

LANGS = ("en", "fr", "nl", "de")


def add_json(parser: argparse.ArgumentParser, *, csv: str | None = None) -> None:
    """Add ``--json`` (and ``--csv``, with the help text *csv*)."""
    group = parser.add_mutually_exclusive_group()
    group.add_argument(
        "--json", action="store_true", help="print JSON for a script instead of text"
    )
    if csv is not None:
        group.add_argument("--csv", action="store_true", help=csv)


def add_terms(parser: argparse.ArgumentParser, *, optional: bool = False) -> None:
    """Add the TERMS argument with ``--lang``, ``--reading`` and ``--cash``."""
    from payterms.terms import EndOfMonth

    parser.add_argument(
        "terms",
        metavar="TERMS",
        nargs="?" if optional else None,
        help='payment terms in words ("2/10 net 30", "45 jours fin de mois", '
        '"30 dagen netto", "14 Tage 2 %% Skonto, 30 Tage netto") or a date formula '
        '("CM+45D")',
    )
    parser.add_argument(
        "--lang",
        choices=LANGS,
        help="the language TERMS are written in (default: found from the words)",
    )
    parser.add_argument(
        "--reading",
        type=read_enum(EndOfMonth),
        metavar="{" + ",".join(choices(EndOfMonth)) + "}",
        help='how to read an ambiguous "N days end of month": end of month then N days '
        "(then_days, CM+45D, the default) or N days then end of month (days_then, 45D+CM)",
    )
    add_cash(parser)


def add_cash(parser: argparse.ArgumentParser) -> None:
    """Add ``--cash``: the reading of a percentage "at once" beside a net term."""
    from payterms.terms import CashPercent

    parser.add_argument(
        "--cash",
        type=read_enum(CashPercent),
        metavar="{" + ",".join(choices(CashPercent)) + "}",
        help='how to read a percentage "at once" beside a net term ("5 %% comptant, net à 30 '
        'jours"): a discount for paying at once (discount, the default) or a part paid at '
        "once (down_payment)",
    )


def terms(args: argparse.Namespace, text: str | None = None, *, name: str = "TERMS") -> Parsed:
    """Return the terms read from argument *name* (or *text*), with the reader's choices."""
    from payterms.text import parse_with_notes

    options: dict[str, Any] = {"lang": args.lang}
    if args.reading is not None:
        options["reading"] = args.reading
    if getattr(args, "cash", None) is not None:
        options["cash"] = args.cash
    with blame(name):
        return parse_with_notes(args.terms if text is None else text, **options)


def notes(parsed: Parsed) -> list[str]:
    """Return the text lines that tell what the terms reader chose."""
    return [f"note: {note}" for note in parsed.notes]


def add_calendar(parser: argparse.ArgumentParser, *, adjust: bool = True) -> None:
    """Add ``--calendar`` (and ``--adjust``)."""
    from payterms.calendars import Adjustment

    parser.add_argument(
        "--calendar",
        type=read_calendar,
        metavar="CAL",
        help="business days: a country (BE, DE-BY), TARGET, WEEKENDS, a market (XECB), "
        "or several joined by | (closed when any is closed)",
    )
    if adjust:
        parser.add_argument(
            "--adjust",
            type=read_enum(Adjustment),
            metavar="ADJ",
            help="how a due date that is not a business day moves: "
            + ", ".join(choices(Adjustment))
            + " (default: the library's, for the calendar given)",
        )


def calendar_options(args: argparse.Namespace) -> dict[str, Any]:
    """Return the ``calendar=`` and ``adjustment=`` arguments the user gave, and only those."""
    from payterms.calendars import Adjustment

    options: dict[str, Any] = {}
    if args.calendar is not None:
        options["calendar"] = args.calendar
    adjustment = getattr(args, "adjust", None)
    if adjustment is not None:
        if args.calendar is None and adjustment is not Adjustment.UNADJUSTED:
            raise CommandLineError(
                f"argument --adjust: {adjustment.value!r} needs --calendar (the business days)"
            )
        options["adjustment"] = adjustment
    return options


def add_payer(parser: argparse.ArgumentParser, *, required: bool) -> None:
    """Add the options describing how the customer pays (``--runs`` and its habits)."""
    from payterms.runs import RunPolicy

    group = parser.add_argument_group("how the customer pays")
    group.add_argument(
        "--runs",
        action="append",
        type=read_run,
        required=required,
        metavar="RUN",
        help="the customer's payment run (repeat for several): days of the month "
        "(10,25 or 15,LAST), weekdays (TH or MO,TH) or dates, then options such as "
        "adjustment=preceding, cutoff_day=20, every=2 anchor=2026-01-02",
    )
    group.add_argument(
        "--approval-days",
        type=read_days,
        default=0,
        metavar="N",
        help="business days an invoice is registered before a run can pay it",
    )
    group.add_argument(
        "--transfer-days",
        type=read_days,
        default=0,
        metavar="N",
        help="business days from the run to the money on the account",
    )
    group.add_argument(
        "--receipt-days",
        type=read_days,
        default=0,
        metavar="N",
        help="calendar days from sending the invoice to the customer receiving it",
    )
    group.add_argument(
        "--late-days",
        type=read_days,
        default=0,
        metavar="N",
        help="the customer's habitual lateness, in calendar days after the due date",
    )
    group.add_argument(
        "--closure",
        action="append",
        type=read_closure,
        default=[],
        metavar="FIRST..LAST",
        help="days with no run, both included (repeat for several)",
    )
    group.add_argument(
        "--policy",
        type=read_enum(RunPolicy),
        metavar="POLICY",
        help="which run pays: " + ", ".join(choices(RunPolicy)) + " (default: the first)",
    )


def payer(args: argparse.Namespace) -> Payer | None:
    """Return the payer the options describe, or None without ``--runs``."""
    from payterms.runs import Payer

    if not args.runs:
        return None
    options: dict[str, Any] = {
        "runs": tuple(args.runs),
        "receipt_days": args.receipt_days,
        "approval_days": args.approval_days,
        "transfer_days": args.transfer_days,
        "closures": tuple(args.closure),
        "extra_delay_days": args.late_days,
    }
    if args.calendar is not None:
        options["calendar"] = args.calendar
    if args.policy is not None:
        options["policy"] = args.policy
    with blame("--runs"):
        return Payer(**options)


def parsed_json(parsed: Parsed) -> dict[str, Any]:
    """Return what the terms reader found, for JSON: the terms, language, reading, notes."""
    data = jsonable(parsed)
    assert isinstance(data, dict)  # noqa: S101 - Parsed is an attrs value
    return data


def invoices(
    args: argparse.Namespace, column: str
) -> tuple[list[str], list[tuple[int, dict[str, str]]], list[PaymentTerms], list[date]]:
    """Return the CSV on stdin with each row's terms and date (from *column*)."""
    header, rows = read_csv(sys.stdin, [column])
    if args.terms is None and "terms" not in header:
        raise CommandLineError(
            "argument TERMS: required unless the CSV on standard input has a 'terms' column"
        )
    default = terms(args).terms if args.terms is not None else None
    per_row: list[PaymentTerms] = []
    days: list[date] = []
    for line, row in rows:
        text = row.get("terms") or ""
        if text.strip():
            where = f"standard input line {line}, column 'terms'"
            per_row.append(terms(args, text, name=where).terms)
        elif default is not None:
            per_row.append(default)
        else:
            raise CommandLineError(
                f"standard input line {line}: column 'terms' is empty and no TERMS was given"
            )
        days.append(cell_date(row, column, line))
    return header, rows, per_row, days


def cell_date(row: dict[str, str], column: str, line: int) -> date:
    try:
        return read_date(row[column].strip())
    except BadValue as exc:
        raise CommandLineError(f"standard input line {line}, column {column!r}: {exc}") from None


def write_rows(
    header: list[str], rows: list[tuple[int, dict[str, str]]], column: str, values: list[str]
) -> None:
    if column in header:
        raise CommandLineError(f"standard input: the CSV has a {column!r} column already")
    write_csv(
        [*header, column],
        ({**row, column: value} for (_, row), value in zip(rows, values, strict=True)),
    )

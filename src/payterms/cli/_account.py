"""Commands about a customer's account: account."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from payterms.cli import _common as common
from payterms.cli._app import EXIT_OK, Command, Example, blame
from payterms.cli._output import CommandLineError, emit, emit_json, jsonable, read_csv
from payterms.cli._rates import add_tables, statutory, ways_out
from payterms.cli._values import BadValue, read_amount, read_date, read_enum, read_rate

if TYPE_CHECKING:
    from payterms.account import Receipt
    from payterms.receivables import Invoice

__all__ = ["COMMANDS"]

_INVOICE_COLUMNS = ("id", "issued", "due", "amount")
_PAYMENT_COLUMNS = ("date", "amount")


def read_receipt(text: str) -> Receipt:
    """Return a payment written ``DATE:AMOUNT`` or ``DATE:AMOUNT:INVOICE,INVOICE``."""
    from payterms.account import Receipt
    from payterms.errors import PaytermsError

    day, sep, rest = text.partition(":")
    amount, _, named = rest.partition(":")
    if not sep:
        raise BadValue(
            f"{text!r} is not a payment (expected DATE:AMOUNT or DATE:AMOUNT:INVOICE,INVOICE, "
            "such as 2025-03-31:800:F-1)"
        )
    invoices = tuple(i.strip() for i in named.split(",") if i.strip())
    try:
        return Receipt(read_date(day.strip()), read_amount(amount), invoices=invoices)
    except PaytermsError as exc:
        raise BadValue(f"{text!r}: {exc}") from None


def _configure_account(parser: argparse.ArgumentParser) -> None:
    from payterms.account import Allocation
    from payterms.conventions import RateAssumption

    parser.add_argument(
        "invoices",
        metavar="INVOICES",
        help="a CSV file of the debtor's invoices ('-' for standard input) with the columns "
        "id, issued, due and amount (and optionally customer)",
    )
    parser.add_argument(
        "--as-of",
        type=read_date,
        required=True,
        metavar="DATE",
        help="the day of the statement",
    )
    parser.add_argument(
        "--payments",
        metavar="FILE",
        help="a CSV file of the payments received, with the columns date and amount (and "
        "optionally invoices: the ids the payment names, separated by spaces, and ref)",
    )
    parser.add_argument(
        "--payment",
        action="append",
        type=read_receipt,
        default=[],
        metavar="DATE:AMOUNT[:IDS]",
        help="a payment received (repeat for each), naming invoices as DATE:AMOUNT:F-1,F-2",
    )
    rate = parser.add_mutually_exclusive_group()
    rate.add_argument(
        "--regime",
        metavar="CODE",
        help="the statutory regime of the late interest and compensation: BE, DE, EU, FR, "
        "LU, NL or UK",
    )
    rate.add_argument(
        "--rate", type=read_rate, metavar="RATE", help="an agreed annual rate, 0.08 or 8%%"
    )
    add_tables(parser)
    parser.add_argument(
        "--assume",
        type=read_enum(RateAssumption),
        metavar="ASSUME",
        help="what to assume past the last published rate: "
        + ", ".join(str(m.value) for m in RateAssumption),
    )
    parser.add_argument(
        "--allocation",
        type=read_enum(Allocation),
        metavar="POLICY",
        help="how a payment naming no invoice is spread: "
        + ", ".join(str(a.value) for a in Allocation)
        + " (default: the regime's statutory order, else oldest_first)",
    )
    parser.add_argument(
        "--currency", help="ISO 4217 code of the amounts (default: the regime's, else EUR)"
    )
    common.add_calendar(parser, adjust=False)
    common.add_json(parser)


def _open(path: str, what: str) -> IO[str]:
    if path == "-":
        return sys.stdin
    try:
        return Path(path).open(encoding="utf-8", newline="")
    except OSError as exc:
        raise CommandLineError(f"argument {what}: cannot read {path!r} ({exc.strerror})") from None


def _invoices(path: str) -> list[Invoice]:
    from payterms.receivables import Invoice

    place = "standard input" if path == "-" else path
    with _open(path, "INVOICES") as stream:
        _, rows = read_csv(stream, _INVOICE_COLUMNS, place=place)
    found = []
    for line, row in rows:
        where = f"{place} line {line}"
        try:
            issued, due = read_date(row["issued"].strip()), read_date(row["due"].strip())
            amount = read_amount(row["amount"])
        except BadValue as exc:
            raise CommandLineError(f"{where}: {exc}") from None
        with blame(where):
            found.append(Invoice(row["id"], row.get("customer") or "debtor", issued, due, amount))
    return found


def _receipts(path: str) -> list[Receipt]:
    from payterms.account import Receipt

    place = "standard input" if path == "-" else path
    with _open(path, "--payments") as stream:
        _, rows = read_csv(stream, _PAYMENT_COLUMNS, place=place)
    found = []
    for line, row in rows:
        where = f"{place} line {line}"
        try:
            day, amount = read_date(row["date"].strip()), read_amount(row["amount"])
        except BadValue as exc:
            raise CommandLineError(f"{where}: {exc}") from None
        with blame(where):
            found.append(
                Receipt(
                    day,
                    amount,
                    invoices=tuple((row.get("invoices") or "").split()),
                    ref=row.get("ref") or None,
                )
            )
    return found


def _account(args: argparse.Namespace) -> int:
    from payterms.account import account_statement

    if args.invoices == "-" and args.payments == "-":
        raise CommandLineError("argument --payments: only one of the files can be standard input")
    invoices = _invoices(args.invoices)
    payments = [*(_receipts(args.payments) if args.payments else []), *args.payment]
    options: dict[str, Any] = {}
    for name in ("regime", "rate", "allocation", "currency", "calendar", "assume"):
        if getattr(args, name) is not None:
            options[name] = getattr(args, name)
    if args.regime is not None:
        options["regime"] = statutory(args)
    elif args.table:
        raise CommandLineError("argument --table: only with --regime")
    with (
        blame(
            "INVOICES",
            as_of="--as-of",
            payments="--payment",
            rate="--rate",
            currency="--currency",
            calendar="--calendar",
        ),
        ways_out(options.get("regime")),
    ):
        statement = account_statement(invoices, payments, as_of=args.as_of, **options)
    if args.json:
        emit_json({"account_statement": jsonable(statement)})
    else:
        emit(statement.explain())
    return EXIT_OK


_ACCOUNT = Command(
    name="account",
    summary="a customer's statement of account: invoices, payments, interest, balance",
    description="Print what one debtor owes on a day: each invoice with its late interest "
    "and fixed compensation, each payment and the invoices it settled (those it names "
    "first, then by an allocation policy), the credit left over and the balance.",
    configure=_configure_account,
    handler=_account,
    examples=(
        Example(
            (
                "account",
                "-",
                "--as-of",
                "2025-06-30",
                "--regime",
                "BE",
                "--payment",
                "2025-03-01:500",
                "--payment",
                "2025-04-01:200:F-2",
            ),
            "statement of account as of 2025-06-30 (EUR), payments allocated oldest first\n"
            "invoice   due         principal  interest  compensation     paid  outstanding\n"
            "F-1       2025-02-01     600.00      9.30         40.00   500.00       149.30\n"
            "F-2       2025-02-08     400.00     12.41         40.00   200.00       252.41\n"
            "total                   1000.00     21.71         80.00   700.00       401.71\n"
            "2025-03-01 payment 500.00: F-1 500.00\n"
            "2025-04-01 payment 200.00: F-2 200.00\n"
            "balance due 401.71 EUR\n"
            "- the sources payterms follows give no statutory order for a payment ...\n"
            "...",
            stdin="id,customer,issued,due,amount\n"
            "F-1,ACME,2025-01-02,2025-02-01,600\n"
            "F-2,ACME,2025-01-09,2025-02-08,400",
        ),
    ),
)

COMMANDS = (_ACCOUNT,)

"""Commands about when the money arrives: cash, send-date."""

from __future__ import annotations

import argparse
from typing import Any

from payterms.cli import _common as common
from payterms.cli._app import EXIT_OK, Command, Example, blame, blame_rows
from payterms.cli._output import CommandLineError, aligned, emit, emit_json, jsonable
from payterms.cli._values import read_amount, read_date, read_enum, read_rate

__all__ = ["COMMANDS"]


def _add_amount(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--amount",
        type=read_amount,
        metavar="AMOUNT",
        help="the invoice total (shows the instalment amounts; matters to a payer that "
        "takes discounts)",
    )
    parser.add_argument(
        "--currency", default="EUR", help="ISO 4217 code of the amount (default EUR)"
    )


def _due_adjustment(args: argparse.Namespace) -> dict[str, Any]:
    """Return ``adjustment=`` for the due dates, moved on the payer's calendar."""
    if args.adjust is None:
        return {}
    return {"adjustment": args.adjust}


def _configure_cash(parser: argparse.ArgumentParser) -> None:
    common.add_terms(parser, optional=True)
    parser.add_argument(
        "date",
        metavar="DATE",
        nargs="?",
        type=read_date,
        help="the day the invoice is sent (its date), YYYY-MM-DD",
    )
    common.add_payer(parser, required=True)
    common.add_calendar(parser)
    _add_amount(parser)
    common.add_json(
        parser,
        csv="read invoices as CSV on standard input (a 'date' column, optionally a 'terms' "
        "column) and write them back with a 'cash_date' column",
    )


def _cash(args: argparse.Namespace) -> int:
    from payterms.batch import expected_payment_dates
    from payterms.timing import explain_payment

    payer = common.payer(args)
    assert payer is not None  # noqa: S101 - --runs is required
    options: dict[str, Any] = {**_due_adjustment(args), "currency": args.currency}
    if args.amount is not None:
        options["amount"] = args.amount
    if args.csv:
        if args.date is not None:
            raise CommandLineError("argument DATE: not allowed with --csv (dates come from stdin)")
        header, rows, per_row, days = common.invoices(args, "date")
        with blame_rows([line for line, _ in rows]):
            results = expected_payment_dates(per_row, days, payer, **options)
        common.write_rows(header, rows, "cash_date", [d.isoformat() for d in results])
        return EXIT_OK
    if args.terms is None or args.date is None:
        raise CommandLineError("the following arguments are required: TERMS, DATE (or --csv)")
    parsed = common.terms(args)
    with blame(
        sent="DATE", runs="--runs", amount="--amount", currency="--currency", adjustment="--adjust"
    ):
        explanation = explain_payment(parsed.terms, args.date, payer, **options)
    if args.json:
        emit_json({"explain_payment": jsonable(explanation), **common.parsed_json(parsed)})
        return EXIT_OK
    runs = "; ".join(run.describe() for run in payer.runs)
    emit("\n".join([f"runs: {runs}", str(explanation), *common.notes(parsed)]))
    return EXIT_OK


_CASH = Command(
    name="cash",
    summary="the day an invoice's money arrives from a customer paying in runs",
    description="Print the path of an invoice from sending to cash for a customer who "
    "pays in payment runs: receipt, approval, the due date, the run that pays it "
    "(closures skipped) and the bank's transfer days. With --csv, the cash date of every "
    "invoice of a CSV file.",
    configure=_configure_cash,
    handler=_cash,
    examples=(
        Example(
            (
                "cash",
                "net 30",
                "2026-07-01",
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
            ),
            (
                "runs: monthly on the 10th and the 25th (following business day)\n"
                "sent 2026-07-01, received 2026-07-01, runs possible from 2026-07-08 (5 approval "
                "days)\n"
                "  due 2026-07-31\n"
                "    run 2026-08-25: first run on or after the due date; closure "
                "2026-08-01..2026-08-21 skipped\n"
                "    cash 2026-08-26 (1 transfer day)\n"
                "paid in full on 2026-08-26, 56 days after sending"
            ),
        ),
    ),
)


# --------------------------------------------------------------------------- send-date


def _configure_send_date(parser: argparse.ArgumentParser) -> None:
    from payterms.timing import SendObjective

    common.add_terms(parser)
    parser.add_argument(
        "--ready",
        type=read_date,
        required=True,
        metavar="DATE",
        help="the first day the invoice can go out (the work is done)",
    )
    parser.add_argument(
        "--latest",
        type=read_date,
        metavar="DATE",
        help="the last day it may go out (default: 62 days after --ready)",
    )
    parser.add_argument(
        "--objective",
        type=read_enum(SendObjective),
        metavar="GOAL",
        help="what is best: "
        + ", ".join(str(o.value) for o in SendObjective)
        + " (default earliest_cash; present_value needs --rate)",
    )
    parser.add_argument(
        "--rate",
        type=read_rate,
        metavar="RATE",
        help="annual rate for present_value, as 0.08 or 8%%",
    )
    parser.add_argument(
        "--table",
        action="store_true",
        help="also print every send day with its cash date",
    )
    common.add_payer(parser, required=True)
    common.add_calendar(parser)
    _add_amount(parser)
    common.add_json(parser)


def _send_date(args: argparse.Namespace) -> int:
    from payterms.timing import best_send_date

    parsed = common.terms(args)
    payer = common.payer(args)
    assert payer is not None  # noqa: S101 - --runs is required
    options: dict[str, Any] = {**_due_adjustment(args), "currency": args.currency}
    for name in ("latest", "objective", "rate", "amount"):
        value = getattr(args, name)
        if value is not None:
            options[name] = value
    with blame(
        ready="--ready",
        latest="--latest",
        rate="--rate",
        runs="--runs",
        amount="--amount",
        currency="--currency",
        adjustment="--adjust",
    ):
        plan = best_send_date(parsed.terms, payer, args.ready, **options)
    if args.json:
        emit_json({"best_send_date": jsonable(plan), **common.parsed_json(parsed)})
        return EXIT_OK
    rows = [
        ["send on", plan.sent.isoformat()],
        ["cash on", plan.cash.isoformat()],
        ["same cash if sent by", plan.last_send_same_cash.isoformat()],
    ]
    if plan.present_value is not None:
        rows.append(["present value", str(plan.present_value)])
    lines = aligned(rows)
    for cliff in plan.table.cliffs:
        lines.append(
            f"sent after {cliff.last_send}: cash {cliff.next_cash} instead of {cliff.cash}"
            f" ({cliff.days_lost} days later)"
        )
    if args.table:
        lines += ["", str(plan.table)]
    emit("\n".join([*lines, *common.notes(parsed)]))
    return EXIT_OK


_SEND_DATE = Command(
    name="send-date",
    summary="the best day to send an invoice to a customer paying in runs",
    description="Print the best day to send an invoice, between the day it is ready and "
    "the latest day it may go, for a customer who pays in payment runs: the earliest cash "
    "date (or the largest present value), the last day that still gives the same cash "
    "date, and the send days after which the money comes a run later.",
    configure=_configure_send_date,
    handler=_send_date,
    examples=(
        Example(
            (
                "send-date",
                "30 days end of month",
                "--ready",
                "2026-01-20",
                "--latest",
                "2026-02-10",
                "--runs",
                "25",
                "--approval-days",
                "5",
            ),
            (
                "send on               2026-01-20\n"
                "cash on               2026-03-25\n"
                "same cash if sent by  2026-01-31\n"
                "sent after 2026-01-31: cash 2026-04-27 instead of 2026-03-25 (33 days later)\n"
                "note: '30 days end of month' read as end of month, then the days (CM+30D) "
                "(reading=THEN_DAYS; pass reading= to choose)"
            ),
        ),
    ),
)

COMMANDS = (_CASH, _SEND_DATE)

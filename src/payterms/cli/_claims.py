"""Commands about late payment: interest."""

from __future__ import annotations

import argparse
import sys
from enum import Enum
from typing import TYPE_CHECKING, Any

from payterms.cli import _common as common
from payterms.cli._app import EXIT_OK, Command, Example, blame, blame_rows
from payterms.cli._output import (
    CommandLineError,
    aligned,
    emit,
    emit_json,
    jsonable,
    money,
    read_csv,
    write_csv,
)
from payterms.cli._rates import add_tables, statutory, ways_out
from payterms.cli._values import (
    BadValue,
    read_amount,
    read_count,
    read_date,
    read_days,
    read_enum,
    read_payment,
    read_rate,
)

if TYPE_CHECKING:
    from payterms.interest import InterestResult, Payment
    from payterms.law import Regime

__all__ = ["COMMANDS"]


def _conventions() -> tuple[tuple[str, type[Enum], str], ...]:
    """Return the options that override a regime's conventions: (option, enum, meaning)."""
    from payterms import Compounding, Imputation, PaymentDay, RateAssumption, RateSplit

    return (
        ("--payment-day", PaymentDay, "whether the payment day bears interest"),
        ("--rate-split", RateSplit, "which rate a claim spanning a rate change bears"),
        ("--compounding", Compounding, "whether unpaid interest bears interest"),
        ("--imputation", Imputation, "which debt a part payment settles first"),
        ("--assume", RateAssumption, "what to assume past the last published rate"),
    )


def _configure_interest(parser: argparse.ArgumentParser) -> None:
    from payterms.calendars import DayCount
    from payterms.conventions import PartyKind

    parser.add_argument(
        "amount",
        metavar="AMOUNT",
        nargs="?",
        type=read_amount,
        help="the principal: the invoice amount left unpaid on the due date",
    )
    parser.add_argument("--due", type=read_date, metavar="DATE", help="the due date")
    parser.add_argument(
        "--until",
        type=read_date,
        metavar="DATE",
        help="the last day of the claim (the day the balance is paid, or the claim's date)",
    )
    parser.add_argument(
        "--regime",
        metavar="CODE",
        help="the statutory regime: BE, DE, EU, FR, LU, NL or UK (its rates and rules)",
    )
    parser.add_argument(
        "--rate",
        type=read_rate,
        metavar="RATE",
        help="a contractual annual rate, 0.08 or 8%% (within the regime's floor or cap)",
    )
    parser.add_argument(
        "--payment",
        action="append",
        type=read_payment,
        default=[],
        metavar="DATE:AMOUNT",
        help="a part payment credited on DATE (repeat for each)",
    )
    parser.add_argument(
        "--contract-date",
        type=read_date,
        metavar="DATE",
        help="when the contract was made (selects a regime's transitional rules)",
    )
    parser.add_argument(
        "--debtor",
        type=read_enum(PartyKind),
        metavar="KIND",
        help="who owes: "
        + ", ".join(str(d.value) for d in PartyKind)
        + " (default undertaking; b2b reads as undertaking)",
    )
    add_tables(parser)
    parser.add_argument(
        "--compensation",
        type=read_amount,
        metavar="AMOUNT",
        help="the fixed recovery compensation instead of the regime's (0 waives it)",
    )
    parser.add_argument(
        "--day-count",
        type=read_enum(DayCount),
        metavar="DC",
        help="the day count instead of the regime's: " + ", ".join(d.value for d in DayCount),
    )
    for option, kind, what in _conventions():
        parser.add_argument(
            option,
            type=read_enum(kind),
            metavar=option.removeprefix("--").upper().replace("-", "_"),
            help=f"{what} instead of the regime's: " + ", ".join(str(m.value) for m in kind),
        )
    parser.add_argument(
        "--currency", help="ISO 4217 code of the amounts (default: the regime's, else EUR)"
    )
    common.add_calendar(parser, adjust=False)
    common.add_json(
        parser,
        csv="read claims as CSV on standard input (columns 'amount', 'due', 'until') and "
        "write them back with the interest, compensation and amounts outstanding",
    )


def _regime(args: argparse.Namespace) -> Regime | None:
    if args.regime is None:
        if args.contract_date is not None or args.debtor is not None or args.table:
            raise CommandLineError("argument --contract-date/--debtor/--table: only with --regime")
        return None
    options: dict[str, Any] = {}
    if args.contract_date is not None:
        options["contract_date"] = args.contract_date
    if args.debtor is not None:
        options["debtor"] = args.debtor
    return statutory(args, **options)


def _options(args: argparse.Namespace) -> dict[str, Any]:
    found = _regime(args)
    if found is None and args.rate is None:
        raise CommandLineError("the following arguments are required: --regime or --rate")
    options: dict[str, Any] = {"regime": found}
    names = ["rate", "compensation", "day_count", "calendar", "currency"]
    names += [option.removeprefix("--").replace("-", "_") for option, _, _ in _conventions()]
    for name in names:
        value = getattr(args, name)
        if value is not None:
            options[name] = value
    if args.currency is not None:
        from payterms.money import minor_unit

        with blame("--currency"):
            minor_unit(args.currency)
    return options


def statement(
    principal: Any, result: InterestResult, payments: tuple[Payment, ...], until: Any
) -> list[list[str]]:
    """Return the statement of a claim: what was owed, what was paid, what is due.

    Each part is a figure of *result* (or a payment), written as it is: nothing here is
    computed to make the parts meet the total.
    """
    from payterms.money import quantize

    cur = result.currency
    rows = [
        ["principal", money(quantize(principal, cur), cur)],
        ["interest", money(result.interest, cur)],
        ["compensation", money(result.compensation, cur)],
    ]
    rows += [[f"paid {p.date}", money(-quantize(p.amount, cur), cur)] for p in payments]
    rows.append([f"outstanding on {until}", money(result.total_outstanding, cur)])
    return rows


def _interest(args: argparse.Namespace) -> int:
    from payterms.interest import late_interest

    if args.csv:
        return _interest_csv(args)
    missing = [
        name
        for name, value in (("AMOUNT", args.amount), ("--due", args.due), ("--until", args.until))
        if value is None
    ]
    if missing:
        raise CommandLineError(f"the following arguments are required: {', '.join(missing)}")
    options = _options(args)
    payments = tuple(args.payment)
    with (
        blame(
            principal="AMOUNT",
            due="--due",
            until="--until",
            payments="--payment",
            rate="--rate",
            compensation="--compensation",
        ),
        ways_out(options["regime"]),
    ):
        result = late_interest(
            args.amount, due=args.due, until=args.until, payments=payments, **options
        )
    if args.json:
        emit_json({"late_interest": jsonable(result)})
        return EXIT_OK
    regime = options["regime"]
    title = f"{regime.code}: {regime.title}" if regime is not None else "contractual rate"
    from payterms.money import quantize

    principal = money(quantize(args.amount, result.currency), result.currency)
    head = f"{principal} due {args.due}, claimed up to {args.until} ({title})"
    lines = [head, "", result.explain(), ""]
    lines += aligned(statement(args.amount, result, payments, args.until), right=[1])
    emit("\n".join(lines))
    return EXIT_OK


def _interest_csv(args: argparse.Namespace) -> int:
    from payterms.batch import late_interest_many

    for name, value in (("AMOUNT", args.amount), ("--due", args.due), ("--until", args.until)):
        if value is not None:
            raise CommandLineError(f"argument {name}: not allowed with --csv (it is a column)")
    if args.payment:
        raise CommandLineError("argument --payment: not allowed with --csv")
    options = _options(args)
    header, rows = read_csv(sys.stdin, ["amount", "due", "until"])
    principals, dues, untils = [], [], []
    for line, row in rows:
        try:
            principals.append(read_amount(row["amount"]))
        except BadValue as exc:
            raise CommandLineError(f"standard input line {line}, column 'amount': {exc}") from None
        dues.append(common.cell_date(row, "due", line))
        untils.append(common.cell_date(row, "until", line))
    with blame_rows([line for line, _ in rows]), ways_out(options["regime"]):
        results = late_interest_many(principals, dues, untils, detail=True, **options)
    columns: list[str] = []
    values: list[dict[str, str]] = []
    for result in results:
        data = jsonable(result)
        assert isinstance(data, dict)  # noqa: S101 - an attrs value
        flat = {k: str(v) for k, v in data.items() if not isinstance(v, (list, dict))}
        columns = columns or list(flat)
        values.append(flat)
    if not columns:  # no claims: the columns of any result
        from datetime import date

        from payterms.interest import late_interest

        empty = jsonable(late_interest(0, due=date(2000, 1, 1), until=date(2000, 1, 1), rate=0))
        assert isinstance(empty, dict)  # noqa: S101 - an attrs value
        columns = [k for k, v in empty.items() if not isinstance(v, (list, dict))]
    clash = [c for c in columns if c in header]
    if clash:
        raise CommandLineError(f"standard input: the CSV has a {clash[0]!r} column already")
    write_csv(
        [*header, *columns],
        ({**row, **value} for (_, row), value in zip(rows, values, strict=True)),
    )
    return EXIT_OK


_INTEREST = Command(
    name="interest",
    summary="statutory or contractual late interest on an invoice, and the claim",
    description="Print the late interest on an unpaid invoice period by period, the fixed "
    "recovery compensation, the part payments and what is still owed, under a country's "
    "statutory regime (its published rates and its rules) or a contractual rate. With "
    "--csv, the interest on every claim of a CSV file.",
    configure=_configure_interest,
    handler=_interest,
    examples=(
        Example(
            (
                "interest",
                "10000",
                "--due",
                "2024-03-31",
                "--until",
                "2025-02-15",
                "--regime",
                "BE",
                "--payment",
                "2024-09-01:4000",
            ),
            (
                "10000.00 EUR due 2024-03-31, claimed up to 2025-02-15 (BE: Belgium, law of 2 "
                "August 2002 on late payment in commercial transactions)\n"
                "\n"
                "2024-04-01 to 2024-09-01  154 days at 12.50 % on 10000.00 = 527.40\n"
                "2024-09-02 to 2024-12-31  121 days at 12.50 % on 6527.40 = 270.49\n"
                "2025-01-01 to 2025-02-15   46 days at 11.50 % on 6527.40 = 94.60\n"
                "interest 892.49 EUR (rounded at each payment), compensation 40.00 EUR\n"
                "paid 4000.00: interest 527.40, costs 0.00, principal 3472.60\n"
                "outstanding: principal 6527.40, interest 365.09, compensation 40.00, total "
                "6932.49\n"
                "- the law fixes no day count: actual days / 365 assumed (pass day_count= to "
                "change)\n"
                "- the law does not say whether the payment day bears interest: it is counted "
                "(pass payment_day= to change)\n"
                "- each half-year of a long claim bears that half-year's rate; practice is not "
                "confirmed (pass rate_split= to change)\n"
                "- EUR 40 per late invoice; other reasonable recovery costs may be added\n"
                "- be_late_payment rate from 2025-01-01 is derived, not read in a publication: "
                "ECB 3.15 (2024-12-18) + 8 = 11.15 rounded up to 11.5 (art. 5); the same figure "
                "is reported by leuropeinfo.eu (Schoups); no Moniteur belge notice read\n"
                "\n"
                "principal                  10000.00 EUR\n"
                "interest                     892.49 EUR\n"
                "compensation                  40.00 EUR\n"
                "paid 2024-09-01            -4000.00 EUR\n"
                "outstanding on 2025-02-15   6932.49 EUR"
            ),
        ),
    ),
)

# --------------------------------------------------------------------------- plan


def _configure_plan(parser: argparse.ArgumentParser) -> None:
    from payterms.account import PlanMethod
    from payterms.calendars import DayCount

    parser.add_argument(
        "amount", metavar="AMOUNT", type=read_amount, help="the overdue amount to pay off"
    )
    parser.add_argument(
        "instalments", metavar="N", type=read_count, help="the number of instalments"
    )
    parser.add_argument(
        "--start",
        type=read_date,
        required=True,
        metavar="DATE",
        help="the day the plan is agreed (interest runs from the day after)",
    )
    parser.add_argument(
        "--first", type=read_date, required=True, metavar="DATE", help="the first due date"
    )
    parser.add_argument(
        "--every",
        metavar="RULE",
        help="the rhythm, as a date formula: 1M (monthly, the default), 1Q, 2W, 1M+CM",
    )
    rate = parser.add_mutually_exclusive_group()
    rate.add_argument(
        "--rate", type=read_rate, metavar="RATE", help="an agreed annual rate, 0.08 or 8%%"
    )
    rate.add_argument(
        "--regime",
        metavar="CODE",
        help="the statutory rate of this regime on the day after --start, for the whole plan",
    )
    add_tables(parser)
    parser.add_argument(
        "--method",
        type=read_enum(PlanMethod),
        metavar="METHOD",
        help="equal_payment (the default) or equal_principal instalments",
    )
    parser.add_argument(
        "--day-count",
        type=read_enum(DayCount),
        metavar="DC",
        help="the day count instead of the rate's: " + ", ".join(d.value for d in DayCount),
    )
    parser.add_argument(
        "--acceleration",
        type=read_days,
        metavar="DAYS",
        help="grace days after a missed instalment before the rest is due at once",
    )
    parser.add_argument(
        "--currency", help="ISO 4217 code of the amount (default: the regime's, else EUR)"
    )
    common.add_json(parser)


def _plan(args: argparse.Namespace) -> int:
    from payterms.account import payment_plan

    options: dict[str, Any] = {}
    for name in ("every", "method", "day_count", "acceleration", "currency"):
        if getattr(args, name) is not None:
            options[name] = getattr(args, name)
    if args.table and args.regime is None:
        raise CommandLineError("argument --table: only with --regime")
    if args.rate is not None:
        options["rate"] = args.rate
    elif args.regime is not None:
        options["rate"] = statutory(args)
    with (
        blame(
            amount="AMOUNT",
            instalments="N",
            start="--start",
            first="--first",
            every="--every",
            rate="--rate",
            currency="--currency",
        ),
        ways_out(assume=False),
    ):
        plan = payment_plan(
            args.amount, args.instalments, start=args.start, first=args.first, **options
        )
    if args.json:
        emit_json({"payment_plan": jsonable(plan)})
    else:
        emit(plan.explain())
    return EXIT_OK


_PLAN = Command(
    name="plan",
    summary="a payment plan for overdue debt, with interest on the declining balance",
    description="Print a plan paying an overdue amount in instalments on a rhythm (monthly "
    "by default), with interest on the declining balance at an agreed rate or a regime's "
    "statutory rate; the instalments add up to the amount and the interest to the cent.",
    configure=_configure_plan,
    handler=_plan,
    examples=(
        Example(
            (
                "plan",
                "1000.00",
                "3",
                "--start",
                "2026-01-15",
                "--first",
                "2026-02-15",
                "--rate",
                "8%",
            ),
            "instalment  due          principal  interest    amount   balance\n"
            "1           2026-02-15      330.94      6.79    337.73    669.06\n"
            "2           2026-03-15      333.62      4.11    337.73    335.44\n"
            "3           2026-04-15      335.44      2.28    337.72      0.00\n"
            "total                      1000.00     13.18   1013.18",
        ),
    ),
)

COMMANDS = (_INTEREST, _PLAN)

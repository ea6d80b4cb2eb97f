"""Commands about payment terms: due, schedule, describe, check."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from payterms.cli import _common as common
from payterms.cli._app import EXIT_FINDINGS, EXIT_OK, Command, Example, blame, blame_rows
from payterms.cli._output import (
    CommandLineError,
    aligned,
    emit,
    emit_json,
    jsonable,
    money,
)
from payterms.cli._values import read_amount, read_date, read_enum

if TYPE_CHECKING:
    from payterms.terms import DiscountWindow

__all__ = ["COMMANDS"]


# --------------------------------------------------------------------------- due


def _configure_due(parser: argparse.ArgumentParser) -> None:
    common.add_terms(parser, optional=True)
    parser.add_argument(
        "date",
        metavar="DATE",
        nargs="?",
        type=read_date,
        help="the day the terms count from (the invoice date), YYYY-MM-DD",
    )
    common.add_calendar(parser)
    common.add_json(
        parser,
        csv="read invoices as CSV on standard input (a 'date' column, optionally a 'terms' "
        "column) and write them back with a 'due_date' column",
    )


def _due(args: argparse.Namespace) -> int:
    from payterms.batch import due_dates

    options = common.calendar_options(args)
    if args.csv:
        if args.date is not None:
            raise CommandLineError("argument DATE: not allowed with --csv (dates come from stdin)")
        header, rows, per_row, days = common.invoices(args, "date")
        with blame_rows([line for line, _ in rows]):
            results = due_dates(per_row, days, **options)
        common.write_rows(header, rows, "due_date", [d.isoformat() for d in results])
        return EXIT_OK
    if args.terms is None or args.date is None:
        raise CommandLineError("the following arguments are required: TERMS, DATE (or --csv)")
    parsed = common.terms(args)
    with blame(start="DATE", calendar="--calendar", adjustment="--adjust"):
        due = parsed.terms.due_date(args.date, **options)
    if args.json:
        emit_json(
            {"due_date": jsonable(due), "start": jsonable(args.date), **common.parsed_json(parsed)}
        )
        return EXIT_OK
    table = [
        ["due date", due.isoformat()],
        ["start", args.date.isoformat()],
        ["terms", args.terms],
        ["read as", parsed.terms.describe("en")],
    ]
    if "calendar" in options:
        table.append(["calendar", options["calendar"].name])
    emit("\n".join([*aligned(table), *common.notes(parsed)]))
    return EXIT_OK


_DUE = Command(
    name="due",
    summary="the due date of payment terms for an invoice date",
    description="Print the final due date of an invoice under payment terms written in "
    "words or as a date formula, counted from its date; with --calendar, moved to a "
    "business day (the following one unless --adjust says otherwise). With --csv, the due "
    "date of every invoice of a CSV file.",
    configure=_configure_due,
    handler=_due,
    examples=(
        Example(
            ("due", "45 jours fin de mois", "2026-01-15"),
            "due date  2026-03-17\n"
            "start     2026-01-15\n"
            "terms     45 jours fin de mois\n"
            "read as   net 45 days after end of month\n"
            "note: '45 days end of month' read as end of month, then the days (CM+45D) "
            "(reading=THEN_DAYS; pass reading= to choose)",
        ),
        Example(
            ("due", "net 30", "--csv"),
            "id,date,due_date\nF-1,2026-01-15,2026-02-14\nF-2,2026-01-31,2026-03-02",
            stdin="id,date\nF-1,2026-01-15\nF-2,2026-01-31",
        ),
    ),
)


# --------------------------------------------------------------------------- schedule


def _configure_schedule(parser: argparse.ArgumentParser) -> None:
    common.add_terms(parser)
    parser.add_argument("date", metavar="DATE", type=read_date, help="the invoice date")
    parser.add_argument(
        "amount", metavar="AMOUNT", type=read_amount, help="the invoice total, tax included"
    )
    parser.add_argument(
        "--currency", default="EUR", help="ISO 4217 code of the amount (default EUR)"
    )
    parser.add_argument(
        "--tax",
        type=read_amount,
        metavar="AMOUNT",
        help="the tax included in AMOUNT (for a discount taken on the amount excluding tax)",
    )
    common.add_calendar(parser)
    parser.add_argument(
        "--wording",
        choices=common.LANGS,
        metavar="LANG",
        help="also print the invoice's payment block in this language (en, fr, nl, de)",
    )
    parser.add_argument(
        "--regime",
        metavar="CODE",
        help="with --wording: the late-payment rate and compensation of this legal regime",
    )
    common.add_json(parser)


def _schedule(args: argparse.Namespace) -> int:
    parsed = common.terms(args)
    options = common.calendar_options(args)
    if args.tax is not None:
        options["tax"] = args.tax
    with blame("--currency"):
        from payterms.money import minor_unit

        minor_unit(args.currency)
    with blame(
        start="DATE",
        amount="AMOUNT",
        tax="--tax",
        currency="--currency",
        calendar="--calendar",
        adjustment="--adjust",
    ):
        sched = parsed.terms.schedule(args.date, args.amount, currency=args.currency, **options)
    wording = None
    if args.regime is not None and args.wording is None:
        raise CommandLineError("argument --regime: only with --wording")
    if args.wording is not None:
        from payterms.text import describe_invoice

        regime = None
        if args.regime is not None:
            from payterms.law import regime as lookup

            with blame("--regime"):
                regime = lookup(args.regime)
        wording = describe_invoice(sched, args.wording, regime, terms=parsed.terms)
    if args.json:
        data: dict[str, Any] = {"schedule": jsonable(sched), **common.parsed_json(parsed)}
        if wording is not None:
            data["wording"] = wording
        emit_json(data)
        return EXIT_OK
    cur = sched.currency
    rows = [["invoice", sched.start.isoformat(), money(sched.amount, cur)]]

    def off(w: DiscountWindow, what: str) -> list[str]:
        size = f"{w.percent} %" if w.percent is not None else money(w.discount, cur)
        return [f"{what}{size} off by", w.last_day.isoformat(), money(w.payable, cur)]

    for d in sched.dues:
        rows.append(["due", d.date.isoformat(), money(d.amount, cur)])
        rows += [off(w, "  this one, ") for w in d.discounts]
    rows += [off(w, "or ") for w in sched.discounts]
    lines = aligned(rows, right=[2])
    if wording is not None:
        lines += ["", wording]
    emit("\n".join([*lines, *common.notes(parsed)]))
    return EXIT_OK


_SCHEDULE = Command(
    name="schedule",
    summary="the instalments and discount windows of an invoice",
    description="Print the due dates and amounts of an invoice under payment terms (the "
    "amounts add up to the total to the cent) and, for each early-payment discount, the "
    "last day and the amount that then settles the invoice.",
    configure=_configure_schedule,
    handler=_schedule,
    examples=(
        Example(
            ("schedule", "2/10 net 30", "2026-01-15", "1210.00"),
            "invoice        2026-01-15  1210.00 EUR\n"
            "due            2026-02-14  1210.00 EUR\n"
            "or 2 % off by  2026-01-25  1185.80 EUR",
        ),
    ),
)


# --------------------------------------------------------------------------- describe


def _configure_describe(parser: argparse.ArgumentParser) -> None:
    from payterms.terms import EndOfMonth

    parser.add_argument("terms", metavar="TERMS", help="payment terms in words or a formula")
    parser.add_argument(
        "--lang",
        action="append",
        choices=common.LANGS,
        help="the language to write in (repeat for several; default: all four)",
    )
    parser.add_argument(
        "--from",
        dest="source",
        choices=common.LANGS,
        metavar="LANG",
        help="the language TERMS are written in (default: found from the words)",
    )
    parser.add_argument(
        "--reading",
        type=read_enum(EndOfMonth),
        metavar="{" + ",".join(str(r.value) for r in EndOfMonth) + "}",
        help='how to read an ambiguous "N days end of month" (default then_days)',
    )
    common.add_cash(parser)
    common.add_json(parser)


def _describe(args: argparse.Namespace) -> int:
    langs = args.lang or list(common.LANGS)
    reader = argparse.Namespace(
        terms=args.terms, lang=args.source, reading=args.reading, cash=args.cash
    )
    parsed = common.terms(reader)
    texts = {lang: parsed.terms.describe(lang) for lang in dict.fromkeys(langs)}
    if args.json:
        emit_json({"describe": texts, **common.parsed_json(parsed)})
        return EXIT_OK
    if len(texts) == 1:
        lines = list(texts.values())
    else:
        lines = aligned([lang, text] for lang, text in texts.items())
    emit("\n".join([*lines, *common.notes(parsed)]))
    return EXIT_OK


_DESCRIBE = Command(
    name="describe",
    summary="payment terms as invoice wording in English, French, Dutch or German",
    description="Print payment terms as the wording an invoice carries, in each language "
    "asked for; the wording reads back to the same terms.",
    configure=_configure_describe,
    handler=_describe,
    examples=(
        Example(
            ("describe", "14 Tage 2 % Skonto, 30 Tage netto", "--lang", "fr"),
            "escompte 2 % pour paiement sous 14 jours, paiement à 30 jours",
        ),
    ),
)


# --------------------------------------------------------------------------- check


def _configure_check(parser: argparse.ArgumentParser) -> None:
    from payterms.law import Mention, PartyKind

    common.add_terms(parser)
    parser.add_argument(
        "--country",
        required=True,
        metavar="CODE",
        help="the jurisdiction whose caps apply: BE, DE, EU, FR, LU, NL or UK",
    )
    for role in ("buyer", "seller"):
        parser.add_argument(
            f"--{role}",
            type=read_enum(PartyKind),
            metavar="KIND",
            help=f"what the {role} is: " + ", ".join(str(k.value) for k in PartyKind),
        )
    parser.add_argument(
        "--contract-date", type=read_date, metavar="DATE", help="when the contract was made"
    )
    parser.add_argument(
        "--invoice-date",
        type=read_date,
        metavar="DATE",
        help="check this invoice date only (default: the longest wait over two years)",
    )
    parser.add_argument(
        "--mention",
        action="append",
        type=read_enum(Mention),
        metavar="MENTION",
        help="(FR) a payment mention the invoice carries, repeat for each: "
        + ", ".join(str(m.value) for m in Mention)
        + "; the missing ones are reported",
    )
    common.add_calendar(parser, adjust=False)
    common.add_json(parser)


def _check(args: argparse.Namespace) -> int:
    from payterms.law import Severity, check_terms

    parsed = common.terms(args)
    options: dict[str, Any] = {}
    for name in ("buyer", "seller", "contract_date", "invoice_date", "calendar"):
        value = getattr(args, name)
        if value is not None:
            options[name] = value
    if args.mention is not None:
        options["mentions"] = tuple(args.mention)
    with blame(
        "--country",
        calendar="--calendar",
        contract_date="--contract-date",
        invoice_date="--invoice-date",
    ):
        findings = check_terms(parsed.terms, args.country, **options)
    violation = any(f.severity is Severity.VIOLATION for f in findings)
    if args.json:
        emit_json({"findings": jsonable(findings), **common.parsed_json(parsed)})
    else:
        lines = [f"{args.terms}: no cap exceeded in {args.country.upper()}"] if not findings else []
        for f in findings:
            lines.append(f"{f.severity.name:<9}  {f.code}  ({f.article})")
            lines.append(f"           {f.message}")
        emit("\n".join([*lines, *common.notes(parsed)]))
    return EXIT_FINDINGS if violation else EXIT_OK


_CHECK = Command(
    name="check",
    summary="whether payment terms stay within a country's statutory caps",
    description="Check payment terms against the payment-term caps of a jurisdiction "
    "(Directive 2011/7/EU as each country wrote it) and print each finding with its "
    "article. The exit status is 1 when a finding is a violation, 0 otherwise.",
    configure=_configure_check,
    handler=_check,
    examples=(
        Example(
            ("check", "90 jours fin de mois", "--country", "FR"),
            "VIOLATION  FR-L441-10-max-term  (Code de commerce art. L441-10 I)\n"
            "           the terms allow 120 days (invoice of 2024-01-01); the maximum is 60 "
            "days after the invoice date or 45 days end of month ...\n"
            "note: '90 days end of month' read as end of month, then the days (CM+90D) "
            "(reading=THEN_DAYS; pass reading= to choose)",
        ),
    ),
)

COMMANDS = (_DUE, _SCHEDULE, _DESCRIBE, _CHECK)

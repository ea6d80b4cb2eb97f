"""Commands about money over time: discount, breakeven, cost."""

from __future__ import annotations

import argparse
import inspect
import re
from decimal import Decimal
from typing import TYPE_CHECKING, Any, cast

from payterms.cli import _common as common
from payterms.cli._app import EXIT_OK, Command, Example, blame
from payterms.cli._output import CommandLineError, aligned, emit, emit_json, jsonable, money
from payterms.cli._values import read_amount, read_date, read_enum, read_rate

if TYPE_CHECKING:
    from payterms.discount import RateMethod

__all__ = ["COMMANDS"]


def _conventions() -> tuple[tuple[RateMethod, int], ...]:
    """Return the four conventions published figures use for a discount's annual rate.

    Brigham (simple, 365 days), CFA Institute (compound, 365 days), the German exact
    formula (simple, 360 days) and the German rule of thumb (approximate, 360 days): see
    :mod:`payterms.discount`.
    """
    from payterms.discount import RateMethod

    return (
        (RateMethod.SIMPLE, 365),
        (RateMethod.COMPOUND, 365),
        (RateMethod.SIMPLE, 360),
        (RateMethod.APPROXIMATE, 360),
    )


def _label(method: RateMethod, year: int) -> str:
    return f"{method.value}, {year}-day year"


_NUMBER = r"[0-9]+(?:\.[0-9]+)?"
_DISCOUNT = re.compile(rf"\s*({_NUMBER})\s*%?\s*/\s*([0-9]+)\s*/\s*([0-9]+)\s*")
_DAYS = re.compile(r"\s*([0-9]+)\s*/\s*([0-9]+)\s*")
_PLAIN_DAYS = re.compile(r"([0-9]+)D")


# --------------------------------------------------------------------------- discount


def _configure_discount(parser: argparse.ArgumentParser) -> None:
    from payterms.discount import Party

    parser.add_argument(
        "terms",
        metavar="SPEC",
        help="the discount as PERCENT/DAYS/NET (2/10/30), or payment terms in words with "
        'one or more discount tiers ("2/10 net 30", "14 Tage 2 %% Skonto, 30 Tage netto")',
    )
    parser.add_argument(
        "--date",
        type=read_date,
        metavar="DATE",
        help="the invoice date, for terms whose days depend on it (end of month)",
    )
    parser.add_argument(
        "--rate",
        type=read_rate,
        metavar="RATE",
        help="the cost of capital (0.08 or 8%%): also say whether to take or offer it",
    )
    parser.add_argument(
        "--side",
        type=read_enum(Party),
        metavar="SIDE",
        help="with --rate: whose decision, buyer (take it, the default) or seller (offer it)",
    )
    parser.add_argument(
        "--amount",
        type=read_amount,
        metavar="AMOUNT",
        help="with --rate: the invoice amount, for the discount and interest in money",
    )
    parser.add_argument(
        "--currency", default="EUR", help="ISO 4217 code of the amount (default EUR)"
    )
    parser.add_argument(
        "--lang", choices=common.LANGS, help="the language the terms are written in"
    )
    parser.set_defaults(reading=None)
    common.add_cash(parser)
    common.add_json(parser)


def _tiers(args: argparse.Namespace) -> tuple[tuple[tuple[Decimal, int], ...], int, list[str]]:
    """Return the (percent, days) tiers and net days SPEC names, and the reader's notes."""
    from payterms.discount import discount_tiers

    plain = _DISCOUNT.fullmatch(args.terms)
    if plain is not None:
        return ((Decimal(plain[1]), int(plain[2])),), int(plain[3]), []
    parsed = common.terms(args, name="SPEC")
    terms = parsed.terms
    if not terms.discounts:
        raise CommandLineError(f"argument SPEC: {args.terms!r} grants no early-payment discount")
    if any(tier.percent is None for tier in terms.discounts):
        raise CommandLineError(
            f"argument SPEC: {args.terms!r} grants a fixed-amount discount, which has no rate "
            "without the invoice amount"
        )
    if args.date is not None:
        with blame("SPEC", invoice_date="--date"):
            found = discount_tiers(terms, args.date)
        return found.tiers, found.net_days, common.notes(parsed)
    rules = [str(t.rule) for t in terms.discounts]
    if len(terms.installments) == 1:
        rules.append(str(terms.installments[0].rule))
    days = [_PLAIN_DAYS.fullmatch(rule) for rule in rules]
    if len(terms.installments) != 1 or not all(days):
        raise CommandLineError(
            f"argument SPEC: {args.terms!r} counts its days from a date "
            f"({', '.join(rules)}): give --date"
        )
    counts = [int(m[1]) for m in days if m is not None]
    tiers = tuple(
        (cast(Decimal, t.percent), n) for t, n in zip(terms.discounts, counts, strict=False)
    )
    return tiers, counts[-1], common.notes(parsed)


def _discount(args: argparse.Namespace) -> int:
    from payterms.discount import discount_cost, discount_decision

    if args.rate is None and (args.side is not None or args.amount is not None):
        raise CommandLineError("argument --side/--amount: only with --rate (the cost of capital)")
    tiers, net_days, notes = _tiers(args)
    results: list[dict[str, Any]] = []
    lines: list[str] = []
    for percent, days in tiers:
        with blame("SPEC", percent="SPEC", discount_days="SPEC", net_days="SPEC"):
            costs = [
                (method, year, discount_cost(percent, days, net_days, method=method, year=year))
                for method, year in _conventions()
            ]
        entry: dict[str, Any] = {
            "percent": jsonable(percent),
            "discount_days": days,
            "net_days": net_days,
            "discount_cost": [
                {"method": method.value, "year": year, "rate": jsonable(rate)}
                for method, year, rate in costs
            ],
        }
        lines.append(
            f"{percent} % within {days} days, net {net_days} days: the yearly rate of not taking it"
        )
        lines += _indented(
            aligned(([_percent(rate), _label(m, year)] for m, year, rate in costs), right=[0])
        )
        if args.rate is not None:
            options: dict[str, Any] = {"currency": args.currency}
            for name in ("side", "amount"):
                if getattr(args, name) is not None:
                    options[name] = getattr(args, name)
            with blame("--rate", cost_of_capital="--rate", amount="--amount"):
                decision = discount_decision(percent, days, net_days, args.rate, **options)
            entry["discount_decision"] = jsonable(decision)
            lines.append(decision.explain())
        results.append(entry)
    if args.json:
        emit_json({"tiers": results, "notes": [n.removeprefix("note: ") for n in notes]})
    else:
        emit("\n".join([*lines, *notes]))
    return EXIT_OK


def _indented(lines: list[str]) -> list[str]:
    return [f"  {line}" for line in lines]


def _percent(rate: Decimal) -> str:
    from payterms.discount import rate_to_percent

    return f"{rate_to_percent(rate, 2)} %"


_DISCOUNT_COMMAND = Command(
    name="discount",
    summary="the yearly cost of not taking an early-payment discount",
    description="Print the annual rate a buyer pays by skipping an early-payment discount, "
    "in the four conventions published figures use (simple or compound, 365- or 360-day "
    "year, and the approximate rule of thumb); with --rate, whether to take it (buyer) or "
    "offer it (seller) at that cost of capital.",
    configure=_configure_discount,
    handler=_discount,
    examples=(
        Example(
            ("discount", "2/10/30", "--rate", "8%"),
            (
                "2 % within 10 days, net 30 days: the yearly rate of not taking it\n"
                "  37.24 %  simple, 365-day year\n"
                "  44.59 %  compound, 365-day year\n"
                "  36.73 %  simple, 360-day year\n"
                "  36.00 %  approximate, 360-day year\n"
                "Take the discount: paying 20 days later costs 37.24 % a year (simple, 365-day "
                "year, on the net amount), more than the 8.00 % cost of capital."
            ),
        ),
    ),
)


# --------------------------------------------------------------------------- breakeven


def _configure_breakeven(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "days",
        metavar="DAYS/NET",
        help="the discount days and the net days, as 10/30",
    )
    parser.add_argument(
        "--rate",
        type=read_rate,
        required=True,
        metavar="RATE",
        help="the cost of capital, as 0.08 or 8%%",
    )
    parser.add_argument(
        "--percent",
        type=read_amount,
        metavar="PERCENT",
        help="also: how many days earlier a discount of PERCENT must bring the money",
    )
    common.add_json(parser)


def _breakeven(args: argparse.Namespace) -> int:
    from payterms.discount import breakeven_days, breakeven_discount, rate_to_percent

    match = _DAYS.fullmatch(args.days)
    if match is None:
        raise CommandLineError(
            f"argument DAYS/NET: {args.days!r} is not discount days and net days (such as 10/30)"
        )
    days, net_days = int(match[1]), int(match[2])
    with blame("DAYS/NET", cost_of_capital="--rate", discount_days="DAYS/NET", net_days="DAYS/NET"):
        discounts = [
            (method, year, breakeven_discount(args.rate, days, net_days, method=method, year=year))
            for method, year in _conventions()
        ]
    data: dict[str, Any] = {
        "cost_of_capital": jsonable(args.rate),
        "discount_days": days,
        "net_days": net_days,
        "breakeven_discount": [
            {"method": method.value, "year": year, "percent": jsonable(value)}
            for method, year, value in discounts
        ],
    }
    lines = [
        f"money at {rate_to_percent(args.rate, 2)} %, paid {net_days - days} days sooner: "
        "the discount that costs as much"
    ]
    lines += _indented(
        aligned(([f"{value:.4f} %", _label(m, year)] for m, year, value in discounts), right=[0])
    )
    if args.percent is not None:
        with blame("--percent", percent="--percent", cost_of_capital="--rate"):
            spans = [
                (method, year, breakeven_days(args.percent, args.rate, method=method, year=year))
                for method, year in _conventions()
            ]
        data["breakeven_days"] = [
            {"method": method.value, "year": year, "days": jsonable(value)}
            for method, year, value in spans
        ]
        lines.append(
            f"a {args.percent} % discount pays for itself when the money comes earlier by more than"
        )
        lines += _indented(
            aligned(([f"{value:.1f} days", _label(m, year)] for m, year, value in spans), right=[0])
        )
    if args.json:
        emit_json(data)
    else:
        emit("\n".join(lines))
    return EXIT_OK


_BREAKEVEN = Command(
    name="breakeven",
    summary="the discount that costs exactly a cost of capital",
    description="Print the early-payment discount, in percent, whose annual cost equals a "
    "cost of capital, in the four published conventions: a seller gains by offering less, "
    "a buyer by taking more. With --percent, the days earlier a given discount must bring "
    "the money to pay for itself.",
    configure=_configure_breakeven,
    handler=_breakeven,
    examples=(
        Example(
            ("breakeven", "10/30", "--rate", "8%"),
            (
                "money at 8.00 %, paid 20 days sooner: the discount that costs as much\n"
                "  0.4364 %  simple, 365-day year\n"
                "  0.4208 %  compound, 365-day year\n"
                "  0.4425 %  simple, 360-day year\n"
                "  0.4444 %  approximate, 360-day year"
            ),
        ),
    ),
)


# --------------------------------------------------------------------------- cost


def _configure_cost(parser: argparse.ArgumentParser) -> None:
    from payterms.calendars import DayCount
    from payterms.financing import FinancingMethod, UpliftReading

    common.add_terms(parser)
    parser.add_argument(
        "amount", metavar="AMOUNT", type=read_amount, help="the invoice amount (the price)"
    )
    parser.add_argument(
        "--rate",
        type=read_rate,
        required=True,
        metavar="RATE",
        help="the seller's cost of capital, as 0.08 or 8%%",
    )
    parser.add_argument(
        "--date", type=read_date, required=True, metavar="DATE", help="the invoice date"
    )
    parser.add_argument(
        "--cost",
        type=read_amount,
        metavar="AMOUNT",
        help="what the sale costs the seller: also print the margin left after the term",
    )
    parser.add_argument(
        "--method",
        type=read_enum(FinancingMethod),
        metavar="METHOD",
        help="how the days are priced: "
        + ", ".join(str(m.value) for m in FinancingMethod)
        + " (default simple)",
    )
    parser.add_argument(
        "--day-count",
        type=read_enum(DayCount),
        metavar="DC",
        help="the year's length: " + ", ".join(str(d.value) for d in DayCount),
    )
    parser.add_argument(
        "--uplift",
        type=read_enum(UpliftReading),
        metavar="READING",
        help="which price covers the term: future_value (the price grown at the rate over "
        "the days, the default) or net_of_own_cost (the price that, less its own financing "
        "cost, still brings AMOUNT: the margin is kept to the cent)",
    )
    parser.add_argument(
        "--currency", default="EUR", help="ISO 4217 code of the amount (default EUR)"
    )
    common.add_payer(parser, required=False)
    common.add_calendar(parser)
    common.add_json(parser)


def _cost(args: argparse.Namespace) -> int:
    from payterms.financing import margin_after_term, price_uplift, term_cost

    parsed = common.terms(args)
    options: dict[str, Any] = {"currency": args.currency}
    for name in ("method", "day_count"):
        if getattr(args, name) is not None:
            options[name] = getattr(args, name)
    payer = common.payer(args)
    term_options: dict[str, Any] = {**options, **common.calendar_options(args)}
    if payer is not None:
        term_options["payer"] = payer
    with blame(
        amount="AMOUNT",
        rate="--rate",
        currency="--currency",
        invoice_date="--date",
        runs="--runs",
        calendar="--calendar",
        adjustment="--adjust",
    ):
        cost = term_cost(
            parsed.terms, args.amount, invoice_date=args.date, rate=args.rate, **term_options
        )
    days = cost.cash_gap
    reading = args.uplift or inspect.signature(price_uplift).parameters["reading"].default
    with blame(price="AMOUNT", cost="--cost", rate="--rate", days="TERMS"):
        uplift = price_uplift(args.amount, max(days, 0), args.rate, reading=reading, **options)
        margin = (
            None
            if args.cost is None
            else margin_after_term(args.amount, args.cost, max(days, 0), args.rate, **options)
        )
    data: dict[str, Any] = {
        "term_cost": jsonable(cost),
        "days": days,
        "price_uplift": jsonable(uplift),
        "uplift_reading": jsonable(reading),
    }
    if margin is not None:
        data["margin_after_term"] = jsonable(margin)
    if args.json:
        emit_json({**data, **common.parsed_json(parsed)})
        return EXIT_OK
    cur = args.currency
    rows = [
        ["paid in full on", cost.last_cash_date.isoformat()],
        ["days financed", f"{cost.days_financed} (to the last payment: {days})"],
        ["financing cost", money(cost.financing, cur)],
    ]
    if cost.discount:
        rows.append(["discount given", money(cost.discount, cur)])
        rows.append(["total cost", money(cost.cost, cur)])
    rows.append([f"price covering {days} days ({reading.value})", money(uplift, cur)])
    if margin is not None:
        rows += [
            ["gross margin", money(margin.gross_margin, cur)],
            [f"margin after {days} days", money(margin.margin, cur)],
        ]
        if margin.share_of_margin is not None:
            rows.append(["share of the margin financed", _percent(margin.share_of_margin)])
    emit("\n".join([*aligned(rows), *common.notes(parsed)]))
    return EXIT_OK


_COST = Command(
    name="cost",
    summary="what granting payment terms costs, and the price that covers it",
    description="Print what the credit granted by payment terms costs the seller at its "
    "cost of capital (per instalment, until each payment arrives: with --runs, when that "
    "customer's payment runs pay), the price that covers the days to the "
    "last payment and, with --cost, the margin left after the term.",
    configure=_configure_cost,
    handler=_cost,
    examples=(
        Example(
            (
                "cost",
                "net 60",
                "10000",
                "--rate",
                "8%",
                "--date",
                "2026-01-15",
                "--cost",
                "7500",
            ),
            (
                "paid in full on                        2026-03-16\n"
                "days financed                          60 (to the last payment: 60)\n"
                "financing cost                         131.51 EUR\n"
                "price covering 60 days (future_value)  10131.51 EUR\n"
                "gross margin                           2500.00 EUR\n"
                "margin after 60 days                   2368.49 EUR\n"
                "share of the margin financed           5.26 %"
            ),
        ),
    ),
)

COMMANDS = (_DISCOUNT_COMMAND, _BREAKEVEN, _COST)

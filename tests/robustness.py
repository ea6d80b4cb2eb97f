"""The robustness table: bad inputs to every public callable, and what each one gets.

python-stdnum's ``test_robustness.doctest`` is the model: junk goes into every entry
point and only the library's own errors may come out. Here each row is one bad value for
one argument of one callable, and it must be answered by a payterms error (or a
``TypeError`` for a wrong type) whose message names the value, never by a plain Python
exception, and never by an answer (a bad input that gets a result is a silent wrong
answer). ``tests/test_robustness.py`` checks every row; ``benchmarks/robustness.py``
prints the count by outcome.

A value is named when the message holds ``payterms.errors.shown(value)``, the repr the
errors print (elided in the middle for long inputs), unless the row says which part of it
names it (an element of a list, the text of a bad number).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from attrs import frozen

import payterms as pt
from payterms import law
from payterms.dunning import DunningStep
from payterms.errors import ParseError, PaytermsError, shown
from payterms.receivables import Bucket
from payterms.rules import CutOff, DayOfMonth, EndOf, NextWeekday, Shift, StartOf
from payterms.text import describe, parse, xrechnung_skonto

__all__ = ["CASES", "OUTCOMES", "Case", "outcome"]


@frozen
class Case:
    """One bad *value* for argument *arg* of *target*; *call* passes it."""

    target: str
    arg: str
    value: object
    call: Callable[[object], object]
    names: str | None = None  # what the message must hold instead of shown(value)

    @property
    def id(self) -> str:
        return f"{self.target}({self.arg}={_short(self.value)})"


def _short(value: object) -> str:
    text = shown(value)
    return text if len(text) <= 40 else text[:30] + "..."


OUTCOMES = (
    "payterms error naming the value",
    "TypeError naming the value",
    "payterms error not naming the value",
    "plain exception, or an error about another argument",
    "answer (no error)",
)


# An error names the argument it is about (its ``name`` attribute): the argument of the
# row, or for these rows the part of it that is wrong (a text's own parser names "text", a
# tier check "discounts", one of several positional days "day", a rule that goes back before
# the start "rule", a CSV source its line).
OTHER_NAMES: dict[tuple[str, str], frozenset[str]] = {
    ("Charges", "grace"): frozenset({"days"}),
    ("Charges", "late_fee"): frozenset({"value"}),
    ("PaymentRun.monthly", "days"): frozenset({"day"}),
    ("PaymentRun.weekly", "weekdays"): frozenset({"weekday"}),
    ("PaymentTerms.with_discount", "rule"): frozenset({"discounts"}),
    ("PaymentTerms.schedule", "start"): frozenset({"rule"}),
    ("RateTable.from_csv", "source"): frozenset({"line"}),
    ("compare_terms", "candidates"): frozenset({"terms"}),
    ("discount_cost", "net_days"): frozenset({"discount_days"}),
    ("read_invoice", "document"): frozenset({"a"}),
    ("DunningLadder.parse", "text"): frozenset({"steps"}),
}


def names_its_argument(case: Case, exc: BaseException) -> bool:
    """Return whether *exc* is about the row's argument (by its ``name`` attribute)."""
    name = getattr(exc, "name", None)
    if name is None or name == "text" or isinstance(exc, ParseError):
        return True  # a lookup error names its code; a text's parser the text (a position)
    if not isinstance(name, str):
        return False
    base = name.split("[")[0].split(" ")[0]
    return base == case.arg.split("[")[0] or base in OTHER_NAMES.get((case.target, case.arg), ())


def outcome(case: Case) -> tuple[str, str]:
    """Return (outcome, detail) of calling *case*; the first two outcomes are the good ones."""
    try:
        result = case.call(case.value)
    except PaytermsError as exc:
        named = (case.names or shown(case.value)) in str(exc)
        if named and not names_its_argument(case, exc):
            return OUTCOMES[3], f"{type(exc).__name__} names {exc.name!r}: {exc}"  # type: ignore[attr-defined]
        kind = OUTCOMES[0] if named else OUTCOMES[2]
        return kind, f"{type(exc).__name__}: {exc}"
    except TypeError as exc:
        named = (case.names or shown(case.value)) in str(exc)
        return (OUTCOMES[1] if named else OUTCOMES[3]), f"TypeError: {exc}"
    except Exception as exc:  # counting what escapes is the point
        return OUTCOMES[3], f"{type(exc).__name__}: {exc}"
    return OUTCOMES[4], repr(result)[:200]


# --------------------------------------------------------------------------- fixtures

D = date(2026, 1, 15)
LATER = date(2026, 3, 31)
AMOUNT = Decimal("100.00")
NET30 = pt.PaymentTerms.net(30)
TWO_TEN = pt.PaymentTerms.parse("2/10 net 30")
CAL = pt.BusinessCalendar.TARGET
PAYER = pt.Payer(runs=pt.PaymentRun.monthly(10, 25), calendar=CAL)
INVOICE = pt.Invoice("F-1", "ACME", date(2026, 1, 1), date(2026, 1, 31), Decimal("10"))
LADDER = pt.DunningLadder.parse("+1D reminder; +15D second reminder")
SCHEDULE = TWO_TEN.schedule(D, AMOUNT)
RUN = pt.PaymentRun.monthly(10)
AUGUST = pt.YearlyClosure((8, 1), (8, 21))
HOLIDAY = pt.TermHoliday(D, date(2026, 1, 16))
REGIME = law.regime("BE")
RATE = Decimal("0.08")

# Junk by the kind of argument it is passed as. Each value is wrong for every argument
# of its kind below (optional arguments never get None).
DATES: tuple[object, ...] = (
    None,
    "2026-01-15",
    20260115,
    1.5,
    datetime(2026, 1, 15, 9, 30),  # a time of day is not a day
    (2026, 1, 15),
)
AMOUNTS: tuple[object, ...] = (
    1.5,  # a float: 0.1 + 0.2 is not 0.3
    "abc",
    Decimal("NaN"),
    Decimal("Infinity"),
    Decimal("1e30"),  # beyond payterms.limits.MAX_AMOUNT_DIGITS
    None,
    True,
    [100],
)
RATES: tuple[object, ...] = (0.08, "eight", Decimal("NaN"), Decimal("sNaN"), None, Decimal("1e20"))
COUNTS: tuple[object, ...] = (1.5, "30", True, None, Decimal(30), -1, 10**30)
ENUMS: tuple[object, ...] = ("following", 3, None)
CURRENCIES: tuple[object, ...] = ("XYZ", 978, None, "eur ")
LANGS: tuple[object, ...] = ("es", 42, None, "english")
TEXTS: tuple[object, ...] = (None, 42, b"net 30", "", "   ")
WORDINGS: tuple[object, ...] = (
    *TEXTS,
    "net 3O",
    "net -30",  # was 30 days
    "-2/10 net 30",  # was a 2 % discount
    "net 30¹",  # was 301 days
    "net 1.000",  # 1 or 1000 days
    "2/10, 3/20, net 30",  # a larger discount ending later: the smaller one is pointless
    "2/10, 2/10, net 30",  # the same tier twice (was written twice as #SKONTO#)
    "net 30 " * 1000,  # beyond payterms.limits.MAX_TEXT_LENGTH
    "[" + "<1: " * 9 + "0D" + " ? 0D>" * 9 + "]",  # beyond MAX_DEPTH
)
FORMULAS: tuple[object, ...] = (
    *TEXTS,
    "CM+45X",
    "-10000D",  # back beyond payterms.limits.MAX_COUNT
    "-D10",  # a day of the month cannot go back
    "9" * 5000 + "D",
    "<1: 0D ? 0D",
    "30 days",
)
TERMS: tuple[object, ...] = ("net 30", None, 42, NET30.installments[0])
CALENDARS: tuple[object, ...] = ("BE", 42, CAL.sources)
ROUNDINGS: tuple[object, ...] = ("nearest", 1, None, ["ROUND_HALF_UP"])


def without(values: tuple[object, ...], *drop: object) -> list[object]:
    """Return *values* without the ones in *drop* (by identity: NaN is not equal to itself)."""
    return [v for v in values if not any(v is d for d in drop)]


@frozen
class N:
    """A bad value whose error names it by *names* (an element of it, its ISO date)."""

    value: object
    names: str


def cases(
    target: str, arg: str, values: Iterable[object], call: Callable[[Any], object]
) -> list[Case]:
    """Return one case per value of *values* passed as *arg* of *target* through *call*."""
    return [
        Case(target, arg, v.value, call, v.names)
        if isinstance(v, N)
        else Case(target, arg, v, call)
        for v in values
    ]


def _rows() -> list[Case]:
    rows: list[Case] = []
    add = rows.extend

    # -- money
    add(cases("quantize", "amount", without(AMOUNTS, AMOUNTS[4]), lambda v: pt.quantize(v)))
    add(cases("quantize", "currency", CURRENCIES, lambda v: pt.quantize(AMOUNT, v)))
    add(cases("quantize", "rounding", ROUNDINGS, lambda v: pt.quantize(AMOUNT, rounding=v)))
    add(cases("allocate", "total", AMOUNTS, lambda v: pt.allocate(v, (1, 1))))
    add(cases("allocate", "weights", [1.5, "12", None], lambda v: pt.allocate(AMOUNT, v)))
    add(
        cases(
            "allocate",
            "weights[1]",
            [1.5, "x", Decimal(-1), None],
            lambda v: pt.allocate(AMOUNT, (1, v)),
        )
    )
    add(cases("allocate", "residue", ENUMS, lambda v: pt.allocate(AMOUNT, (1, 2), residue=v)))
    add(cases("minor_unit", "currency", CURRENCIES, lambda v: pt.minor_unit(v)))

    # -- calendars
    add(
        cases(
            "BusinessCalendar.country",
            "code",
            ["XX", 32, None, "B"],
            lambda v: pt.BusinessCalendar.country(v),
        )
    )
    add(
        cases(
            "BusinessCalendar.country",
            "subdiv",
            [N("XY", "'DE-XY'"), 9],
            lambda v: pt.BusinessCalendar.country("DE", v),
        )
    )
    add(
        cases(
            "BusinessCalendar.country",
            "categories",
            [("holy",), ()],
            lambda v: pt.BusinessCalendar.country("BE", categories=v),
        )
    )
    add(
        cases(
            "BusinessCalendar.market",
            "code",
            ["XXXX", None],
            lambda v: pt.BusinessCalendar.market(v),
        )
    )
    add(
        cases(
            "BusinessCalendar.from_dates",
            "holidays",
            [N(["2026-01-01"], "'2026-01-01'"), N([None], "=None"), N([1.5], "1.5")],
            lambda v: pt.BusinessCalendar.from_dates(v),
        )
    )
    add(
        cases(
            "BusinessCalendar.from_dates",
            "weekend",
            [N((7,), "=7"), N(tuple(range(7)), "[0, 1, 2, 3, 4, 5, 6]"), N(("sat",), "'sat'")],
            lambda v: pt.BusinessCalendar.from_dates([], weekend=v),
        )
    )
    add(
        cases(
            "BusinessCalendar.holidays",
            "year",
            [1.5, "2026", None, 1990, 3000],
            lambda v: CAL.holidays(v),
        )
    )
    for method in ("is_business_day", "next_business_day", "previous_business_day", "adjust"):
        add(
            cases(
                f"BusinessCalendar.{method}", "day", DATES, lambda v, m=method: getattr(CAL, m)(v)
            )
        )
    add(
        cases(
            "BusinessCalendar.is_business_day",
            "day",
            [N(date(1900, 1, 1), "1900-01-01"), N(date(2200, 1, 1), "2200-01-01")],
            lambda v: CAL.is_business_day(v),
        )
    )
    add(cases("BusinessCalendar.adjust", "adjustment", ENUMS, lambda v: CAL.adjust(D, v)))
    add(
        cases(
            "BusinessCalendar.add_business_days",
            "day",
            DATES,
            lambda v: CAL.add_business_days(v, 5),
        )
    )
    add(
        cases(
            "BusinessCalendar.add_business_days",
            "n",
            [1.5, "5", None, True, 10**30],
            lambda v: CAL.add_business_days(D, v),
        )
    )
    add(
        cases(
            "BusinessCalendar.business_days_between",
            "end",
            DATES,
            lambda v: CAL.business_days_between(D, v),
        )
    )

    # -- rules
    add(cases("DueRule.parse", "text", FORMULAS, lambda v: pt.DueRule.parse(v)))
    # a negative count goes back (CM-10D); beyond MAX_COUNT either way is refused
    add(cases("DueRule.days", "n", [*without(COUNTS, -1), -10_000], lambda v: pt.DueRule.days(v)))
    add(
        cases(
            "DueRule",
            "steps",
            ["30D", 30, (), N((None,), "steps[0]=None"), N([Shift(30), "CM"], "'CM'")],
            lambda v: pt.DueRule(v),
        )
    )
    add(cases("DueRule.apply", "start", DATES, lambda v: pt.DueRule.parse("CM+30D").apply(v)))
    add(
        cases("DueRule.apply", "calendar", CALENDARS, lambda v: pt.DueRule.parse("5BD").apply(D, v))
    )
    add(cases("Shift", "count", [1.5, "30", -10_000, 10_000, None], lambda v: Shift(v)))
    add(cases("Shift", "unit", ["D", 1, None], lambda v: Shift(30, v)))
    add(cases("DayOfMonth", "day", [0, 32, 1.5, "10"], lambda v: DayOfMonth(v)))
    add(cases("NextWeekday", "weekday", [7, -1, "MO", 1.5], lambda v: NextWeekday(v)))
    add(cases("CutOff", "day", [0, 32, "15"], lambda v: CutOff(v, "1M", "2M")))
    add(cases("CutOff", "on_or_before", [42, None, "1X"], lambda v: CutOff(15, v, "2M")))
    add(cases("CutOff", "after", [42, None, "2X"], lambda v: CutOff(15, "1M", v)))
    add(cases("EndOf", "period", ["M", 1, None], lambda v: EndOf(v)))
    add(cases("StartOf", "period", ["M", 1, None], lambda v: StartOf(v)))

    # -- terms
    add(cases("PaymentTerms.parse", "text", WORDINGS, lambda v: pt.PaymentTerms.parse(v)))
    add(
        cases(
            "PaymentTerms.parse",
            "lang",
            without(LANGS, None),
            lambda v: pt.PaymentTerms.parse("net 30", lang=v),
        )
    )
    add(
        cases(
            "PaymentTerms.parse",
            "reading",
            without(ENUMS, None),  # None: the default reading, with a warning
            lambda v: pt.PaymentTerms.parse("net 30", reading=v),
        )
    )
    add(
        cases(
            "parse_with_notes",
            "default_net",
            [42, "30X", 1.5],
            lambda v: pt.parse_with_notes("2 % discount 10 days", default_net=v),
        )
    )
    add(cases("PaymentTerms.net", "days", COUNTS, lambda v: pt.PaymentTerms.net(v)))
    add(
        cases(
            "PaymentTerms.end_of_month", "days", COUNTS, lambda v: pt.PaymentTerms.end_of_month(v)
        )
    )
    add(
        cases(
            "PaymentTerms.end_of_month",
            "day",
            [0, 32, 1.5, "10"],
            lambda v: pt.PaymentTerms.end_of_month(30, day=v),
        )
    )
    add(
        cases(
            "PaymentTerms.end_of_month",
            "reading",
            ENUMS,
            lambda v: pt.PaymentTerms.end_of_month(30, reading=v),
        )
    )
    add(cases("PaymentTerms.prox", "day", [0, 32, 1.5, None], lambda v: pt.PaymentTerms.prox(v)))
    add(
        cases(
            "PaymentTerms.prox",
            "cutoff",
            [0, 32, 1.5, "12"],
            lambda v: pt.PaymentTerms.prox(20, cutoff=v),
        )
    )
    add(
        cases(
            "PaymentTerms",
            "installments",
            [(), "30D", None, N((None,), "installments[0]=None"), N(("balance",), "'balance'")],
            lambda v: pt.PaymentTerms(installments=v),
        )
    )
    add(
        cases(
            "PaymentTerms",
            "discounts",
            ["2/10", 2, N((None,), "discounts[0]=None")],
            lambda v: pt.PaymentTerms(installments=NET30.installments, discounts=v),
        )
    )
    add(
        cases(
            "PaymentTerms",
            "discounts",
            [
                N((pt.DiscountTier(2, "10D"), pt.DiscountTier(2, "10D")), "each tier once"),
                N((pt.DiscountTier(2, "10D"), pt.DiscountTier(2, "20D")), "both give 2 %"),
                N(
                    (pt.DiscountTier.fixed(5, "10D"), pt.DiscountTier.fixed(8, "20D")),
                    "8 off by 20D does not end before 5 off by 10D",
                ),
            ],
            lambda v: pt.PaymentTerms(installments=NET30.installments, discounts=v),
        )
    )
    add(
        cases(
            "PaymentTerms",
            "holidays",
            [
                "2026-12-25",
                N(("2026-12-25",), "'2026-12-25'"),
                N((HOLIDAY, pt.TermHoliday(D, date(2026, 1, 20))), shown(D)),
                N((HOLIDAY, pt.TermHoliday(date(2026, 1, 10), D)), shown(D)),
            ],
            lambda v: pt.PaymentTerms(installments=NET30.installments, holidays=v),
        )
    )
    add(cases("TermHoliday", "day", DATES, lambda v: pt.TermHoliday(v, LATER)))
    add(
        cases(
            "TermHoliday",
            "postponed",
            [*DATES, D, date(2026, 1, 1)],
            lambda v: pt.TermHoliday(D, v),
        )
    )
    add(
        cases(
            "PaymentTerms",
            "start",
            ENUMS,
            lambda v: pt.PaymentTerms(installments=NET30.installments, start=v),
        )
    )
    add(
        cases(
            "PaymentTerms",
            "tax_base",
            ENUMS,
            lambda v: pt.PaymentTerms(installments=NET30.installments, tax_base=v),
        )
    )
    add(
        cases(
            "PaymentTerms.with_discount",
            "percent",
            [*AMOUNTS, 0, 100, -2, "2%"],
            lambda v: NET30.with_discount(v, "10D"),
        )
    )
    add(
        cases(
            "PaymentTerms.with_discount",
            "rule",
            FORMULAS,
            lambda v: NET30.with_discount(2, v),
        )
    )
    add(
        cases(
            "PaymentTerms.with_discount",
            "rule",
            [N("20D", "3 % by 20D does not end before 2 % by 10D"), N("10D", "both end by 10D")],
            lambda v: TWO_TEN.with_discount(3, v),
        )
    )
    add(
        cases(
            "PaymentTerms.schedule",
            "start",
            # 10 days before the end of the month, from the 25th: a due date before the start
            [N(date(2026, 1, 25), "on or after the start 2026-01-25 (it gives 2026-01-21)")],
            lambda v: pt.PaymentTerms(installments=(pt.Installment.balance("CM-10D"),)).schedule(
                v, AMOUNT
            ),
        )
    )
    add(
        cases(
            "Installment.percent",
            "percent",
            [*AMOUNTS, 101, -5],  # 0 is a marker line (Odoo, Tryton)
            lambda v: pt.Installment.percent(v, "30D"),
        )
    )
    add(
        cases(
            "Installment.fixed",
            "amount",
            [*AMOUNTS, -5],  # 0 is a marker line (Odoo, Tryton)
            lambda v: pt.Installment.fixed(v, "30D"),
        )
    )
    add(cases("Installment.balance", "rule", FORMULAS, lambda v: pt.Installment.balance(v)))
    add(cases("DiscountTier", "percent", [*AMOUNTS, 0, 100], lambda v: pt.DiscountTier(v, "10D")))
    add(cases("PaymentTerms.due_date", "start", DATES, lambda v: NET30.due_date(v)))
    add(
        cases(
            "PaymentTerms.due_date",
            "adjustment",
            without(ENUMS, None),  # None: FOLLOWING with a calendar (the default)
            lambda v: NET30.due_date(D, calendar=CAL, adjustment=v),
        )
    )
    add(
        cases(
            "PaymentTerms.due_date",
            "calendar",
            CALENDARS,
            lambda v: NET30.due_date(D, calendar=v, adjustment=pt.Adjustment.FOLLOWING),
        )
    )
    add(cases("PaymentTerms.schedule", "start", DATES, lambda v: NET30.schedule(v, AMOUNT)))
    add(cases("PaymentTerms.schedule", "amount", AMOUNTS, lambda v: NET30.schedule(D, v)))
    add(
        cases(
            "PaymentTerms.schedule",
            "currency",
            CURRENCIES,
            lambda v: NET30.schedule(D, AMOUNT, currency=v),
        )
    )
    add(
        cases(
            "PaymentTerms.schedule",
            "rounding",
            ROUNDINGS,
            lambda v: NET30.schedule(D, AMOUNT, rounding=v),
        )
    )
    add(
        cases(
            "PaymentTerms.schedule",
            "tax",
            [1.5, "x", Decimal(200), Decimal(-1)],
            lambda v: NET30.schedule(D, AMOUNT, tax=v),
        )
    )
    add(
        cases(
            "PaymentTerms.schedule",
            "increment",
            [1.5, 0, Decimal("0.005"), "x"],
            lambda v: NET30.schedule(D, AMOUNT, increment=v),
        )
    )
    add(cases("PaymentTerms.describe", "lang", LANGS, lambda v: NET30.describe(v)))
    add(cases("describe", "terms", TERMS, lambda v: describe(v)))
    add(cases("Schedule.amount_payable_on", "day", DATES, lambda v: SCHEDULE.amount_payable_on(v)))
    add(cases("xrechnung_skonto", "terms", TERMS, lambda v: xrechnung_skonto(v)))
    add(cases("parse", "text", [None, 42, "net 1,000,50", "net ½"], lambda v: parse(v)))

    # -- runs and timing
    add(
        cases(
            "PaymentRun.monthly",
            "days",
            [0, 32, 1.5, "10", None],
            lambda v: pt.PaymentRun.monthly(v),
        )
    )
    add(
        cases(
            "PaymentRun.monthly",
            "cutoff_day",
            [0, 32, 1.5],
            lambda v: pt.PaymentRun.monthly(10, cutoff_day=v),
        )
    )
    add(
        cases(
            "PaymentRun.weekly",
            "weekdays",
            [7, -1, "friday", 1.5],
            lambda v: pt.PaymentRun.weekly(v),
        )
    )
    add(
        cases(
            "PaymentRun.weekly",
            "every",
            [0, 1.5, "2"],
            lambda v: pt.PaymentRun.weekly(4, every=v, anchor=D),
        )
    )
    add(
        cases(
            "PaymentRun.on_dates",
            "dates",
            [N(["2026-01-10"], "'2026-01-10'"), N([None], "dates=None"), 42],
            lambda v: pt.PaymentRun.on_dates(v),
        )
    )
    add(
        cases(
            "PaymentRun.from_rrule",
            "rule",
            ["FREQ=MONTHLY", None, 42],
            lambda v: pt.PaymentRun.from_rrule(v),
        )
    )
    add(
        cases(
            "PaymentRun.parse",
            "text",
            [*TEXTS, "10,32", "XX", "10 every=2", "TH every=2", "10 cutoff_day=40", "1" * 5000],
            lambda v: pt.PaymentRun.parse(v),
        )
    )
    add(cases("PaymentRun.next_on_or_after", "day", DATES, lambda v: RUN.next_on_or_after(v)))
    add(cases("PaymentRun.dates", "end", DATES, lambda v: RUN.dates(D, v)))
    add(
        cases(
            "PaymentRun.infer",
            "payment_dates",
            [42, N(["2026-01-10"] * 6, "'2026-01-10'"), N([None] * 6, "payment_dates=None")],
            lambda v: pt.PaymentRun.infer(v),
        )
    )
    add(cases("Payer", "runs", [None, "monthly 10", 42, ()], lambda v: pt.Payer(runs=v)))
    add(
        cases(
            "Payer",
            "approval_days",
            [-1, 1.5, "5", None],
            lambda v: pt.Payer(runs=RUN, approval_days=v),
        )
    )
    add(
        cases(
            "Payer",
            "closures",
            [
                N((D,), shown(D)),
                N(((LATER, D),), shown((LATER, D))),
                "August",
                N(((D, "2026-02-01"),), "'2026-02-01'"),
            ],
            lambda v: pt.Payer(runs=RUN, closures=v),
        )
    )
    add(cases("Payer.is_closed", "day", DATES, lambda v: PAYER.is_closed(v)))
    add(
        cases(
            "YearlyClosure",
            "first",
            [(2, 29), (4, 31), (13, 1), (0, 1), "8-1", (8,), (8.0, 1), None],
            lambda v: pt.YearlyClosure(v, (8, 21)),
        )
    )
    add(
        cases(
            "YearlyClosure",
            "last",
            [(2, 29), "21 August", None],
            lambda v: pt.YearlyClosure((8, 1), v),
        )
    )
    add(
        cases(
            "YearlyClosure",
            "last",
            # with first: the whole year closed
            [N((12, 31), "whole year")],
            lambda v: pt.YearlyClosure((1, 1), v),
        )
    )
    add(cases("YearlyClosure.contains", "day", DATES, lambda v: AUGUST.contains(v)))
    add(
        cases(
            "YearlyClosure.occurrences",
            "start",
            DATES,
            lambda v: AUGUST.occurrences(v, LATER),
        )
    )
    add(
        cases(
            "Payer",
            "yearly_closures",
            [N((((8, 1), (8, 21)),), "((8, 1), (8, 21))"), "August", 42],
            lambda v: pt.Payer(runs=RUN, yearly_closures=v),
        )
    )
    add(cases("Payer.cash_date", "run", DATES, lambda v: PAYER.cash_date(v)))
    add(cases("Payer.run_dates", "start", DATES, lambda v: PAYER.run_dates(v, LATER)))
    add(cases("Lateness.fixed", "days", [1.5, "3", None, True], lambda v: pt.Lateness.fixed(v)))
    add(
        cases(
            "Lateness.empirical",
            "samples",
            [N((), "samples=[]"), N((1.5,), "1.5"), "123", None],
            lambda v: pt.Lateness.empirical(v),
        )
    )
    add(
        cases(
            "Lateness.quantile",
            "q",
            [Decimal(2), Decimal(-1), 0.5, "half"],
            lambda v: pt.Lateness.fixed(3).quantile(v),
        )
    )
    add(
        cases(
            "expected_payment_date",
            "sent",
            DATES,
            lambda v: pt.expected_payment_date(NET30, v, PAYER),
        )
    )
    add(
        cases(
            "expected_payment_date", "terms", TERMS, lambda v: pt.expected_payment_date(v, D, PAYER)
        )
    )
    add(
        cases(
            "expected_payment_date",
            "payer",
            [None, "ACME", RUN],
            lambda v: pt.expected_payment_date(NET30, D, v),
        )
    )
    add(
        cases(
            "explain_payment",
            "amount",
            without(AMOUNTS, None),
            lambda v: pt.explain_payment(NET30, D, PAYER, amount=v),
        )
    )
    add(cases("payment_forecast", "sent", DATES, lambda v: pt.payment_forecast(NET30, v, PAYER)))
    add(
        cases(
            "send_date_table",
            "end",
            DATES,
            lambda v: pt.send_date_table(NET30, PAYER, start=D, end=v),
        )
    )
    add(cases("best_send_date", "ready", DATES, lambda v: pt.best_send_date(NET30, PAYER, ready=v)))
    add(
        cases(
            "best_send_date",
            "objective",
            ENUMS,
            lambda v: pt.best_send_date(NET30, PAYER, ready=D, objective=v),
        )
    )

    # -- discount
    add(
        cases(
            "discount_cost", "percent", [*AMOUNTS, 100, -1], lambda v: pt.discount_cost(v, 10, 30)
        )
    )
    add(cases("discount_cost", "discount_days", COUNTS, lambda v: pt.discount_cost(2, v, 30)))
    add(cases("discount_cost", "net_days", [*COUNTS, 10, 5], lambda v: pt.discount_cost(2, 10, v)))
    add(
        cases(
            "discount_cost",
            "year",
            [0, 1.5, "365", None],
            lambda v: pt.discount_cost(2, 10, 30, year=v),
        )
    )
    add(cases("discount_cost", "method", ENUMS, lambda v: pt.discount_cost(2, 10, 30, method=v)))
    add(
        cases(
            "breakeven_discount",
            "cost_of_capital",
            RATES,
            lambda v: pt.breakeven_discount(v, 10, 30),
        )
    )
    add(
        cases(
            "breakeven_days", "percent", [*AMOUNTS, 100, -1], lambda v: pt.breakeven_days(v, RATE)
        )
    )
    add(
        cases(
            "discount_decision",
            "cost_of_capital",
            RATES,
            lambda v: pt.discount_decision(2, 10, 30, v),
        )
    )
    add(
        cases(
            "discount_decision",
            "side",
            ENUMS,
            lambda v: pt.discount_decision(2, 10, 30, RATE, side=v),
        )
    )
    add(
        cases(
            "discount_offer",
            "take_up",
            [Decimal(2), Decimal(-1), 0.5, "x"],
            lambda v: pt.discount_offer(10000, 2, 10, 45, v, RATE),
        )
    )
    add(cases("discount_tiers", "terms", TERMS, lambda v: pt.discount_tiers(v, D)))
    add(cases("discount_tiers", "invoice_date", DATES, lambda v: pt.discount_tiers(TWO_TEN, v)))
    add(
        cases(
            "tier_costs",
            "tiers",
            [
                (),
                "2/10",
                N(((2, 10), (3, 20)), "(3, 20)"),
                N(((2,),), "(2,)"),
                N(((2, 40),), "days=40"),
            ],
            lambda v: pt.tier_costs(v, 30),
        )
    )
    add(
        cases(
            "best_tier", "cost_of_capital", RATES, lambda v: pt.best_tier(((3, 8), (2, 14)), 30, v)
        )
    )
    add(
        cases("rate_to_percent", "rate", without(RATES, RATES[-1]), lambda v: pt.rate_to_percent(v))
    )
    add(cases("rate_to_percent", "places", [-1, 1.5, "2"], lambda v: pt.rate_to_percent(RATE, v)))
    add(
        cases(
            "rate_from_percent",
            "percent",
            without(AMOUNTS, AMOUNTS[4]),
            lambda v: pt.rate_from_percent(v),
        )
    )

    # -- financing
    add(cases("financing_cost", "amount", AMOUNTS, lambda v: pt.financing_cost(v, 60, RATE)))
    add(cases("financing_cost", "days", COUNTS, lambda v: pt.financing_cost(AMOUNT, v, RATE)))
    add(cases("financing_cost", "rate", RATES, lambda v: pt.financing_cost(AMOUNT, 60, v)))
    add(
        cases(
            "financing_cost",
            "method",
            ENUMS,
            lambda v: pt.financing_cost(AMOUNT, 60, RATE, method=v),
        )
    )
    add(cases("price_uplift", "price", AMOUNTS, lambda v: pt.price_uplift(v, 30, RATE)))
    add(
        cases(
            "margin_after_term",
            "cost",
            AMOUNTS,
            lambda v: pt.margin_after_term(AMOUNT, v, 30, RATE),
        )
    )
    add(
        cases(
            "max_days_for_margin",
            "min_margin",
            AMOUNTS,
            lambda v: pt.max_days_for_margin(AMOUNT, 60, RATE, v),
        )
    )
    add(
        cases(
            "term_cost",
            "terms",
            TERMS,
            lambda v: pt.term_cost(v, AMOUNT, invoice_date=D, rate=RATE),
        )
    )
    add(
        cases(
            "term_cost",
            "invoice_date",
            DATES,
            lambda v: pt.term_cost(NET30, AMOUNT, invoice_date=v, rate=RATE),
        )
    )
    add(
        cases(
            "term_cost",
            "amount",
            AMOUNTS,
            lambda v: pt.term_cost(NET30, v, invoice_date=D, rate=RATE),
        )
    )
    add(
        cases(
            "compare_terms",
            "candidates",
            ["net 30", N((None,), "=None"), NET30],
            lambda v: pt.compare_terms(v, AMOUNT, invoice_date=D, rate=RATE),
        )
    )
    add(
        cases(
            "indifferent_price",
            "price",
            AMOUNTS,
            lambda v: pt.indifferent_price(v, NET30, TWO_TEN, invoice_date=D, rate=RATE),
        )
    )

    # -- late interest and the law
    add(
        cases(
            "late_interest",
            "principal",
            [*AMOUNTS, Decimal(-1)],
            lambda v: pt.late_interest(v, due=D, until=LATER, rate=RATE),
        )
    )
    add(
        cases(
            "late_interest",
            "due",
            DATES,
            lambda v: pt.late_interest(AMOUNT, due=v, until=LATER, rate=RATE),
        )
    )
    add(
        cases(
            "late_interest",
            "until",
            [*DATES, date(2025, 1, 1), date(9999, 12, 31)],
            lambda v: pt.late_interest(AMOUNT, due=D, until=v, rate=RATE),
        )
    )
    add(
        cases(
            "late_interest",
            "rate",
            [0.08, "eight", Decimal("NaN"), Decimal("1e20")],
            lambda v: pt.late_interest(AMOUNT, due=D, until=LATER, rate=v),
        )
    )
    add(
        cases(
            "late_interest",
            "regime",
            ["XX", 42, "B E"],
            lambda v: pt.late_interest(AMOUNT, due=D, until=LATER, regime=v),
        )
    )
    add(
        cases(
            "late_interest",
            "payments",
            [42, N([None], "payments[0]=None"), N([(D, 10)], shown((D, 10))), "payment"],
            lambda v: pt.late_interest(AMOUNT, due=D, until=LATER, rate=RATE, payments=v),
        )
    )
    add(cases("Payment", "amount", [*AMOUNTS, 0, -5], lambda v: pt.Payment(D, v)))
    add(cases("Payment", "date", DATES, lambda v: pt.Payment(v, AMOUNT)))
    add(cases("law.regime", "code", ["XX", 42, None, ""], lambda v: law.regime(v)))
    add(cases("regime", "code", ["XX", 42, None, ""], lambda v: pt.regime(v)))
    add(cases("statutory_rule", "regime", ["BE", 42, None], lambda v: pt.statutory_rule(v, D)))
    add(cases("statutory_rule", "day", DATES, lambda v: pt.statutory_rule(REGIME, v)))
    add(cases("statutory_rule", "lang", LANGS, lambda v: pt.statutory_rule(REGIME, D, v)))
    add(
        cases(
            "law.regime",
            "contract_date",
            without(DATES, None),
            lambda v: law.regime("FR", contract_date=v),
        )
    )
    add(cases("law.regime", "debtor", ENUMS[:2], lambda v: law.regime("BE", debtor=v)))
    add(cases("law.check_terms", "terms", TERMS, lambda v: law.check_terms(v, "FR")))
    add(
        cases(
            "law.check_terms", "jurisdiction", ["XX", 42, None], lambda v: law.check_terms(NET30, v)
        )
    )
    add(cases("Regime.rate_on", "day", DATES, lambda v: REGIME.rate_on(v)))
    add(
        cases(
            "Regime.rate_on",
            "day",
            [N(date(1990, 1, 1), "1990-01-01"), N(date(2090, 1, 1), "2090-01-01")],
            lambda v: REGIME.rate_on(v),
        )
    )
    add(
        cases(
            "describe_invoice",
            "schedule",
            [None, NET30, "schedule"],
            lambda v: pt.describe_invoice(v),
        )
    )
    add(cases("describe_invoice", "lang", LANGS, lambda v: pt.describe_invoice(SCHEDULE, v)))

    # -- receivables and dunning
    add(cases("Invoice", "amount", AMOUNTS, lambda v: pt.Invoice("F", "ACME", D, LATER, v)))
    add(cases("Invoice", "issued", DATES, lambda v: pt.Invoice("F", "ACME", v, LATER, AMOUNT)))
    add(
        cases(
            "Invoice",
            "currency",
            ["XYZ", 978],
            lambda v: pt.Invoice("F", "ACME", D, LATER, AMOUNT, currency=v),
        )
    )
    add(
        cases(
            "Invoice",
            "payments",
            [
                42,
                N([(D,)], shown((D,))),
                N([("2026-02-01", 5)], "'2026-02-01'"),
                N([(D, 5.0)], "5.0"),
            ],
            lambda v: pt.Invoice("F", "ACME", D, LATER, AMOUNT, payments=v),
        )
    )
    add(cases("Invoice.open_amount", "as_of", DATES, lambda v: INVOICE.open_amount(v)))
    add(cases("Invoice.is_overdue", "as_of", DATES, lambda v: INVOICE.is_overdue(v)))
    add(
        cases(
            "Invoice.is_overdue",
            "grace_days",
            [-1, 1.5, "3"],
            lambda v: INVOICE.is_overdue(LATER, grace_days=v),
        )
    )
    add(
        cases(
            "Invoice.from_record",
            "record",
            [42, {"id": "F"}, None, "F-1"],
            lambda v: pt.Invoice.from_record(v),
        )
    )
    add(cases("aging", "as_of", DATES, lambda v: pt.aging([INVOICE], as_of=v)))
    add(
        cases(
            "aging",
            "invoices",
            [42, N([None], "invoices[0]=None"), "F-1"],
            lambda v: pt.aging(v, as_of=LATER),
        )
    )
    add(
        cases(
            "aging",
            "buckets",
            ["30, 60", "current, 1-30, 40-60, 60+", 42],
            lambda v: pt.aging([INVOICE], as_of=LATER, buckets=v),
        )
    )
    add(
        cases(
            "AgingBuckets.parse",
            "text",
            [*TEXTS, "current, 1-30, 30 days+", "1-" + "9" * 30],
            lambda v: pt.AgingBuckets.parse(v),
        )
    )
    add(
        cases(
            "AgingBuckets.from_edges",
            "edges",
            [(), (30, 30), N((1.5,), "1.5"), "30"],
            lambda v: pt.AgingBuckets.from_edges(v),
        )
    )
    add(cases("Bucket", "low", [-1, 1.5, "1", 10**30], lambda v: Bucket(v, None)))
    add(
        cases(
            "Bucket.__contains__",
            "days",
            [45.0, "45", None, Decimal(45)],
            lambda v: v in Bucket(31, 60),
        )
    )
    add(cases("dso", "as_of", DATES, lambda v: pt.dso([INVOICE], as_of=v)))
    add(cases("dso", "method", ENUMS, lambda v: pt.dso([INVOICE], as_of=LATER, method=v)))
    add(
        cases(
            "average_days_to_pay",
            "as_of",
            DATES,
            lambda v: pt.average_days_to_pay([INVOICE], as_of=v),
        )
    )
    add(
        cases(
            "collection_effectiveness",
            "beginning",
            AMOUNTS,
            lambda v: pt.collection_effectiveness(
                beginning=v,
                credit_sales=100,
                ending_total=50,
                ending_current=20,
                basis=pt.CeiBasis.PERIOD_SALES,
            ),
        )
    )
    add(
        cases(
            "concentration",
            "revenue_by_customer",
            [42, N({"A": 1.5}, "1.5"), N([("A",)], "('A',)"), N({"A": "x"}, "'x'")],
            lambda v: pt.concentration(v),
        )
    )
    add(
        cases(
            "concentration",
            "threshold",
            [Decimal(2), 0.2, "x"],
            lambda v: pt.concentration({"A": 1}, threshold=v),
        )
    )
    add(
        cases(
            "DunningLadder.parse",
            "text",
            [
                *TEXTS,
                "15 days reminder",
                "+1D reminder; ; +30D notice",
                "+99999999999999999999D reminder",
                "+5D reminder" + " " * 4000 + "]",
                "+1D a [fee -5]",
                "+1D a [pay within 0D]",
                "+15D b; +1D a",
            ],
            lambda v: pt.DunningLadder.parse(v),
        )
    )
    add(cases("DunningStep", "offset", [1.5, "15", None, 10_000], lambda v: DunningStep(v, "x")))
    add(cases("DunningStep", "label", ["", " x", "a;b", None, 42], lambda v: DunningStep(1, v)))
    add(cases("DunningLadder.plan", "due", DATES, lambda v: LADDER.plan(v, calendar=CAL)))
    add(
        cases(
            "DunningLadder.plan",
            "due",
            [date(9999, 12, 31)],
            lambda v: LADDER.plan(v, calendar=pt.BusinessCalendar.WEEKENDS),
        )
    )
    add(
        cases(
            "DunningLadder.plan",
            "calendar",
            [None, *CALENDARS],
            lambda v: LADDER.plan(D, calendar=v),
        )
    )
    add(
        cases(
            "DunningLadder.levels",
            "minimum",
            [*AMOUNTS[:-2], -1],
            lambda v: LADDER.levels([INVOICE], as_of=LATER, calendar=CAL, minimum=v),
        )
    )

    # -- charges, payment plans, claims
    add(cases("ContractRate", "rate", [*AMOUNTS, -1], lambda v: pt.ContractRate(v)))
    add(cases("LateFee", "value", [*AMOUNTS, -5], lambda v: pt.LateFee(v)))
    add(cases("MinimumCharge", "value", [*AMOUNTS, -5], lambda v: pt.MinimumCharge(v)))
    add(
        cases(
            "DamagesClause",
            "percent",
            [*AMOUNTS, -10, 101],
            lambda v: pt.DamagesClause(v),
        )
    )
    add(
        cases(
            "DamagesClause",
            "maximum",
            [1.5, "x", Decimal(5)],
            lambda v: pt.DamagesClause(Decimal(10), minimum=Decimal(50), maximum=v),
        )
    )
    add(
        cases(
            "DunningFees",
            "fees",
            [42, "0, 5", N((1.5,), "1.5"), N((-5,), "-5")],
            lambda v: pt.DunningFees(v),
        )
    )
    add(cases("Grace", "days", COUNTS, lambda v: pt.Grace(v)))
    add(cases("Charges", "late_fee", [1.5, "x", -5], lambda v: pt.Charges(late_fee=v)))
    add(cases("Charges", "grace", [1.5, "10", -1], lambda v: pt.Charges(grace=v)))
    add(
        cases(
            "payment_plan",
            "amount",
            AMOUNTS,
            lambda v: pt.payment_plan(v, 4, start=D, first=LATER, rate=RATE),
        )
    )
    add(
        cases(
            "payment_plan",
            "instalments",
            [0, 1.5, "4", None, 10**30],
            lambda v: pt.payment_plan(AMOUNT, v, start=D, first=LATER, rate=RATE),
        )
    )
    add(
        cases(
            "payment_plan",
            "first",
            DATES,
            lambda v: pt.payment_plan(AMOUNT, 4, start=D, first=v, rate=RATE),
        )
    )
    add(
        cases(
            "payment_plan",
            "every",
            [42, "1X", "-1M"],
            lambda v: pt.payment_plan(AMOUNT, 4, start=D, first=LATER, every=v, rate=RATE),
        )
    )
    add(cases("describe_claim", "claim", [None, "claim", NET30], lambda v: pt.describe_claim(v)))
    add(cases("TableRate", "table", ["xx_rates", 42, None], lambda v: pt.TableRate(v)))
    add(
        cases(
            "TableRate",
            "margin",
            [0.09, "x", Decimal("NaN")],
            lambda v: pt.TableRate("ecb_mro", margin=v),
        )
    )
    add(
        cases(
            "RateEntry",
            "valid_from",
            DATES,
            lambda v: pt.RateEntry(v, Decimal("2.15"), law.RateStatus.PUBLISHED, "ECB"),
        )
    )
    add(
        cases(
            "RateEntry",
            "rate",
            [0.0215, "2.15", Decimal("NaN"), Decimal("Infinity"), Decimal(100), Decimal(-250)],
            lambda v: pt.RateEntry(D, v, law.RateStatus.PUBLISHED, "ECB"),
        )
    )
    add(
        cases(
            "RateEntry",
            "status",
            ["published", 1],
            lambda v: pt.RateEntry(D, Decimal("2.15"), v, "ECB"),
        )
    )
    add(
        cases(
            "RateTable.from_csv",
            "source",
            [
                None,
                42,
                "/nonexistent/rates.csv",
                N("# covers_until: 2026-12-31\nvalid_from,rate\n2026-07-01,1e-2\n", "1e-2"),
                N("# covers_until: 2026-12-31\nvalid_from,rate\n2026-07-01,2,15\n", "2,15"),
                N("# covers_until: 2026-12-31\nvalid_from,rate\n2026-02-30,2.15\n", "2026-02-30"),
                N("# covers_until: 2026-12-31\nvalid_from,rate\n2026-07-01,x\n", "x"),
                N(
                    "# covers_until: 2026-12-31\nvalid_from,rate\n2026-07-01,2\n2026-01-01,3\n",
                    "2026-01-01",
                ),
            ],
            lambda v: pt.RateTable.from_csv(v),
        )
    )
    add(
        cases(
            "RateTable.extended",
            "rows",
            [None, (), N(("2026-07-01,2.15",), "'2026-07-01,2.15'"), 42],
            lambda v: law.rate_table("ecb_mro").extended(v),
        )
    )
    add(
        cases(
            "RateTable.entry_on",
            "day",
            [*DATES, N(date(1990, 1, 1), "1990-01-01")],
            lambda v: law.rate_table("ecb_mro").entry_on(v),
        )
    )
    add(
        cases(
            "RateTable.merged",
            "user",
            [None, "ecb_mro", 42],
            lambda v: law.rate_table("ecb_mro").merged(v),
        )
    )
    add(
        cases(
            "TableRate.rate_on",
            "day",
            [*DATES, N(date(1990, 1, 1), "1990-01-01")],
            lambda v: pt.TableRate("ecb_mro").rate_on(v),
        )
    )
    add(
        cases(
            "PaymentForecast.quantile",
            "q",
            [Decimal(2), Decimal(-1), 0.5, "half"],
            lambda v: pt.payment_forecast(NET30, D, PAYER).quantile(v),
        )
    )

    # -- a customer's account
    add(cases("Receipt", "amount", [*AMOUNTS, 0, -5], lambda v: pt.Receipt(D, v)))
    add(cases("Receipt", "date", DATES, lambda v: pt.Receipt(v, AMOUNT)))
    add(cases("Receipt", "invoices", [42, N([None], "None")], lambda v: pt.Receipt(D, AMOUNT, v)))
    add(
        cases(
            "account_statement",
            "invoices",
            [42, "F-1", N([None], "None")],
            lambda v: pt.account_statement(v, as_of=LATER, rate=RATE),
        )
    )
    add(
        cases(
            "account_statement",
            "as_of",
            DATES,
            lambda v: pt.account_statement([INVOICE], as_of=v, rate=RATE),
        )
    )
    add(
        cases(
            "account_statement",
            "payments",
            [42, "receipt", N([None], "None"), N([pt.Receipt(D, AMOUNT, "F-9")], "'F-9'")],
            lambda v: pt.account_statement([INVOICE], v, as_of=LATER, rate=RATE),
        )
    )

    # -- e-invoices
    add(
        cases(
            "payment_part",
            "schedule",
            [None, NET30, "schedule"],
            lambda v: pt.payment_part(v, NET30),
        )
    )
    add(cases("payment_part", "terms", TERMS, lambda v: pt.payment_part(SCHEDULE, v)))
    add(
        cases(
            "payment_part",
            "lang",
            without(LANGS, None),
            lambda v: pt.payment_part(SCHEDULE, TWO_TEN, lang=v),
        )
    )
    add(cases("to_ubl", "part", [None, SCHEDULE, "<Invoice/>"], lambda v: pt.to_ubl(v)))
    add(cases("to_cii", "part", [None, SCHEDULE, 42], lambda v: pt.to_cii(v)))
    add(
        cases(
            "read_invoice",
            "document",
            [
                None,
                42,
                "",
                "not xml",
                N("<Invoice/>", "'Invoice'"),
                N("<a>" * 200 + "</a>" * 200, "nesting level 101"),
            ],
            lambda v: pt.read_invoice(v),
        )
    )
    add(
        cases(
            "check_payment", "reading", [None, "reading", SCHEDULE], lambda v: pt.check_payment(v)
        )
    )

    # -- charts (the [plot] extra): a value of the wrong kind is named before drawing
    add(cases("plot_aging", "aging", [None, "aging", [INVOICE]], lambda v: pt.plot_aging(v)))
    add(cases("plot_interest", "result", [None, SCHEDULE], lambda v: pt.plot_interest(v)))
    add(cases("plot_schedule", "schedule", [None, NET30], lambda v: pt.plot_schedule(v)))
    add(cases("plot_send_dates", "table", [None, SCHEDULE], lambda v: pt.plot_send_dates(v)))

    # -- batch
    add(
        cases(
            "amounts_due",
            "amounts",
            [N([1.5], "1.5"), N(["x"], "'x'"), 42],
            lambda v: pt.amounts_due(NET30, [D], v),
        )
    )
    add(
        cases(
            "expected_payment_dates",
            "sent",
            [42, N([D, "2026-01-02"], "'2026-01-02'")],
            lambda v: pt.expected_payment_dates(NET30, v, PAYER),
        )
    )
    add(
        cases(
            "due_dates",
            "starts",
            [
                "2026-01-01",
                42,
                N([D, "2026-01-02"], "'2026-01-02'"),
                N([D, None], "starts[1]=None"),
            ],
            lambda v: pt.due_dates(NET30, v),
        )
    )
    add(
        cases(
            "due_dates",
            "terms",
            ["net 30", N([NET30, None], "2 values"), 42],
            lambda v: pt.due_dates(v, [D]),
        )
    )
    add(
        cases(
            "schedules",
            "amounts",
            [N([1.5], "1.5"), N(["x"], "'x'"), N([Decimal("NaN")], "Decimal('NaN')"), 42],
            lambda v: pt.schedules(NET30, [D], v),
        )
    )
    add(
        cases(
            "late_interest_many",
            "principals",
            [N([1.5], "1.5"), N(["x"], "'x'"), 42],
            lambda v: pt.late_interest_many(v, [D], [LATER], rate=RATE),
        )
    )
    add(_behaviour_rows())
    add(_forecast_rows())
    return rows


def _plan() -> Any:
    """Return a one-line sales plan (a pandas DataFrame) for compare_scenarios."""
    import pandas as pd

    return pd.DataFrame(
        {"customer": ["ACME"], "amount": ["1000.00"], "sent": [D], "terms": [NET30]}
    )


def _behaviour_rows() -> list[Case]:
    rows: list[Case] = []
    add = rows.extend
    stated = pt.PaymentBehaviour("ACME", PAYER)
    book = pt.Behaviours(behaviours=(stated,))
    bad_scores = [1.5, "abc", Decimal("NaN"), None, True, Decimal("1e30")]
    add(cases("payment_score", "days_beyond_terms", bad_scores, lambda v: pt.payment_score(v)))
    add(cases("PaymentBehaviour", "customer", [None, 42], lambda v: pt.PaymentBehaviour(v, PAYER)))
    add(
        cases(
            "PaymentBehaviour", "payer", [None, "ACME", RUN], lambda v: pt.PaymentBehaviour("A", v)
        )
    )
    add(
        cases(
            "PaymentBehaviour",
            "invoices",
            COUNTS,
            lambda v: pt.PaymentBehaviour("ACME", PAYER, invoices=v),
        )
    )
    add(
        cases(
            "PaymentBehaviour",
            "days_beyond_terms",
            [1.5, "3", Decimal("NaN"), Decimal("1e30")],
            lambda v: pt.PaymentBehaviour("ACME", PAYER, days_beyond_terms=v),
        )
    )
    add(
        cases(
            "PaymentBehaviour",
            "score",
            [1.5, "50", 101, 19, True],
            lambda v: pt.PaymentBehaviour("ACME", PAYER, score=v),
        )
    )
    add(
        cases(
            "PaymentBehaviour",
            "closures_seen",
            [
                [(D, LATER)],
                N(((LATER, D),), "datetime.date(2026, 3, 31)"),
                N((("2026-08-01", D),), "'2026-08-01'"),
            ],
            lambda v: pt.PaymentBehaviour("ACME", PAYER, closures_seen=v),
        )
    )
    add(
        cases(
            "PaymentBehaviour",
            "trend",
            ["worsening", 1],
            lambda v: pt.PaymentBehaviour("ACME", PAYER, trend=v),
        )
    )
    add(
        cases(
            "Behaviours",
            "behaviours",
            [None, 42, [stated], N((42,), "42"), N((stated, stated), "'ACME'")],
            lambda v: pt.Behaviours(behaviours=v),
        )
    )
    add(cases("Behaviours", "skipped", ["ACME", N((42,), "42")], lambda v: pt.Behaviours((), v)))
    add(cases("Behaviours", "customer", ["B", 42, None], lambda v: book[v]))
    add(cases("Behaviours.__contains__", "customer", [42, None, b"A"], lambda v: v in book))
    learn = pt.learn_behaviour
    add(
        cases(
            "learn_behaviour",
            "invoices",
            [None, 42, "F-1", N([42], "42")],
            lambda v: learn(v, as_of=D),
        )
    )
    add(cases("learn_behaviour", "as_of", DATES, lambda v: learn([INVOICE], as_of=v)))
    add(
        cases(
            "learn_behaviour",
            "months",
            [*COUNTS, 0],
            lambda v: learn([INVOICE], as_of=D, months=v),
        )
    )
    add(
        cases(
            "learn_behaviour",
            "calendar",
            CALENDARS,
            lambda v: learn([INVOICE], as_of=D, calendar=v),
        )
    )
    add(
        cases(
            "learn_behaviour",
            "min_support",
            [1.5, "abc", Decimal("2"), Decimal("0"), Decimal("NaN")],
            lambda v: learn([INVOICE], as_of=D, min_support=v),
        )
    )
    add(
        cases(
            "learn_behaviour",
            "worsening",
            [1.5, "abc", Decimal("NaN")],
            lambda v: learn([INVOICE], as_of=D, worsening=v),
        )
    )
    add(
        cases(
            "learn_behaviour", "min_dates", COUNTS, lambda v: learn([INVOICE], as_of=D, min_dates=v)
        )
    )
    add(
        cases(
            "learn_behaviour",
            "until",
            ["2026-01-15", 42],
            lambda v: learn([INVOICE], as_of=D, until=v),
        )
    )
    return rows


def _forecast_rows() -> list[Case]:
    rows: list[Case] = []
    add = rows.extend
    dso = pt.dso_improvement
    add(
        cases(
            "dso_improvement",
            "credit_sales",
            AMOUNTS,
            lambda v: dso(v, days=365, from_dso=57, to_dso=47, rate="0.06"),
        )
    )
    add(
        cases(
            "dso_improvement",
            "days",
            [*COUNTS, 0],
            lambda v: dso("1000", days=v, from_dso=57, to_dso=47, rate="0.06"),
        )
    )
    for arg in ("from_dso", "to_dso"):
        add(
            cases(
                "dso_improvement",
                arg,
                [1.5, "abc", Decimal("NaN"), -1, None],
                lambda v, arg=arg: dso(
                    "1000", days=365, rate="0.06", **{"from_dso": 57, "to_dso": 47, arg: v}
                ),
            )
        )
    add(
        cases(
            "dso_improvement",
            "rate",
            RATES,
            lambda v: dso("1000", days=365, from_dso=57, to_dso=47, rate=v),
        )
    )
    add(
        cases(
            "dso_improvement",
            "currency",
            CURRENCIES,
            lambda v: dso("1000", days=365, from_dso=57, to_dso=47, rate="0.06", currency=v),
        )
    )
    add(
        cases(
            "dso_improvement",
            "rounding",
            ROUNDINGS,
            lambda v: dso("1000", days=365, from_dso=57, to_dso=47, rate="0.06", rounding=v),
        )
    )
    add(
        cases(
            "Scenario",
            "name",
            [None, 42],
            lambda v: pt.Scenario(v),
        )
    )
    add(
        cases(
            "Scenario",
            "uptake",
            [1.5, "abc", Decimal("NaN"), Decimal("2"), Decimal("-0.1"), None],
            lambda v: pt.Scenario("x", uptake=v),
        )
    )
    add(
        cases(
            "Scenario",
            "deposit",
            [1.5, "abc", Decimal("NaN"), Decimal("2"), Decimal("-0.1")],
            lambda v: pt.Scenario("x", deposit=v),
        )
    )
    add(cases("Scenario", "terms", ["net 30", 42], lambda v: pt.Scenario("x", terms=v)))
    add(
        cases("Scenario", "customers", [42, N([42], "42")], lambda v: pt.Scenario("x", customers=v))
    )
    add(cases("Scenario", "dso_target", [1.5, "abc", -5], lambda v: pt.Scenario("x", dso_target=v)))
    cf = pt.cash_forecast
    add(
        cases(
            "cash_forecast",
            "book",
            [42, "x", N([42], "42")],
            lambda v: cf(v, {}, as_of=D, horizon=2),
        )
    )
    add(cases("cash_forecast", "as_of", DATES, lambda v: cf([INVOICE], {}, as_of=v, horizon=2)))
    add(
        cases(
            "cash_forecast",
            "horizon",
            [1.5, "30", None, -1, 0, 10**30, True, date(2025, 1, 1)],
            lambda v: cf([INVOICE], {}, as_of=D, horizon=v),
        )
    )
    add(
        cases(
            "cash_forecast",
            "freq",
            ENUMS,
            lambda v: cf([INVOICE], {}, as_of=D, horizon=2, freq=v),
        )
    )
    add(
        cases(
            "cash_forecast",
            "quantiles",
            [N([1.5], "1.5"), N(["abc"], "'abc'"), N(["2"], "'2'"), 42, N(["NaN"], "'NaN'")],
            lambda v: cf([INVOICE], {}, as_of=D, horizon=2, quantiles=v),
        )
    )
    add(
        cases(
            "cash_forecast",
            "behaviours",
            [42, "ACME", N({"ACME": 42}, "42")],
            lambda v: cf([INVOICE], v, as_of=D, horizon=2),
        )
    )
    add(
        cases(
            "cash_forecast",
            "currency",
            CURRENCIES,
            lambda v: cf([INVOICE], {}, as_of=D, horizon=2, currency=v),
        )
    )
    ce = pt.credit_exposure
    add(
        cases(
            "credit_exposure",
            "invoices",
            [None, 42, N([42], "42")],
            lambda v: ce(v, limits={"ACME": Decimal("1000")}, start=D, end=LATER),
        )
    )
    add(
        cases(
            "credit_exposure",
            "limits",
            [None, 42, N({"ACME": 1.5}, "1.5"), N({"ACME": "abc"}, "'abc'"), N({42: 1}, "42")],
            lambda v: ce([INVOICE], limits=v, start=D, end=LATER),
        )
    )
    add(
        cases(
            "credit_exposure",
            "start",
            DATES,
            lambda v: ce([INVOICE], limits={}, start=v, end=LATER),
        )
    )
    add(
        cases(
            "credit_exposure",
            "end",
            [*DATES, date(2025, 1, 1)],
            lambda v: ce([INVOICE], limits={}, start=D, end=v),
        )
    )
    add(
        cases(
            "credit_exposure",
            "window_months",
            [*COUNTS, 0],
            lambda v: ce([INVOICE], limits={}, start=D, end=LATER, window_months=v),
        )
    )
    add(
        cases(
            "credit_exposure",
            "threshold",
            [1.5, "abc", Decimal("NaN"), Decimal(2), Decimal(-1)],
            lambda v: ce([INVOICE], limits={}, start=D, end=LATER, threshold=v),
        )
    )
    cs = pt.compare_scenarios
    add(
        cases(
            "compare_scenarios",
            "plan",
            [None, 42, [INVOICE]],
            lambda v: cs(v, PAYER, [], as_of=LATER, rate=RATE),
        )
    )
    add(
        cases(
            "compare_scenarios",
            "scenarios",
            [42, N([42], "42"), "x", N([pt.Scenario("a"), pt.Scenario("a")], "'a'")],
            lambda v: cs(_plan(), PAYER, v, as_of=LATER, rate=RATE),
        )
    )
    add(
        cases(
            "compare_scenarios",
            "as_of",
            DATES,
            lambda v: cs(_plan(), PAYER, [], as_of=v, rate=RATE),
        )
    )
    add(
        cases(
            "compare_scenarios",
            "rate",
            RATES,
            lambda v: cs(_plan(), PAYER, [], as_of=LATER, rate=v),
        )
    )
    add(
        cases(
            "compare_scenarios",
            "day_count",
            ENUMS,
            lambda v: cs(_plan(), PAYER, [], as_of=LATER, rate=RATE, day_count=v),
        )
    )
    add(
        cases(
            "compare_scenarios",
            "dso_methods",
            [N(["x"], "'x'"), 42, N([], "()")],
            lambda v: cs(_plan(), PAYER, [], as_of=LATER, rate=RATE, dso_methods=v),
        )
    )
    return rows


CASES: tuple[Case, ...] = tuple(_rows())
"""Every row of the table."""

"""``payterms demo``: the library at work on fixed example dates, one section per area."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from datetime import date
from decimal import Decimal

__all__ = ["DEMOS", "run_demo"]


def _demo_calendars() -> list[str]:
    from payterms.calendars import Adjustment, BusinessCalendar

    be = BusinessCalendar.country("BE")
    ascension = date(2026, 5, 14)
    return [
        "Business days",
        f"  {ascension} in Belgium is a business day: {be.is_business_day(ascension)}",
        f"  moved FOLLOWING: {be.adjust(ascension, Adjustment.FOLLOWING)}",
        "  5 business days after 2026-12-22 (TARGET): "
        f"{BusinessCalendar.TARGET.add_business_days(date(2026, 12, 22), 5)}",
    ]


def _demo_money() -> list[str]:
    from payterms.money import allocate

    parts = allocate(Decimal("1000.00"), (1, 1, 1), "EUR")
    return [
        "Exact money",
        f"  EUR 1000.00 in three equal parts: {', '.join(str(p) for p in parts)}"
        f" (sum {sum(parts)})",
    ]


def _demo_runs() -> list[str]:
    from payterms.calendars import BusinessCalendar
    from payterms.runs import Payer, PaymentRun

    history = (*PaymentRun.monthly(10, 25).dates(date(2026, 1, 1), date(2026, 6, 30)),)
    fit = PaymentRun.infer(history)
    payer = Payer(
        runs=fit.run,
        calendar=BusinessCalendar.country("BE"),
        approval_days=5,
        transfer_days=1,
        closures=((date(2026, 8, 1), date(2026, 8, 21)),),
    )
    due = date(2026, 7, 31)
    run = payer.payment_run(due, received=date(2026, 7, 3))
    return [
        "Payment runs",
        f"  {len(history)} past payments explained by {fit.run.describe()} (support {fit.support})",
        f"  due {due}, closed 2026-08-01..2026-08-21: paid in the run of {run},"
        f" cash on {payer.cash_date(run)}",
        *_demo_send_timing(),
    ]


def _demo_send_timing() -> list[str]:
    from payterms.calendars import BusinessCalendar
    from payterms.runs import Payer, PaymentRun
    from payterms.terms import PaymentTerms
    from payterms.timing import best_send_date, expected_payment_date

    payer = Payer(
        runs=PaymentRun.monthly(25),
        calendar=BusinessCalendar.country("BE"),
        approval_days=5,
        transfer_days=1,
    )
    terms = PaymentTerms.end_of_month(30)
    on_31 = expected_payment_date(terms, date(2026, 1, 31), payer)
    on_1 = expected_payment_date(terms, date(2026, 2, 1), payer)
    plan = best_send_date(terms, payer, ready=date(2026, 1, 20), latest=date(2026, 2, 10))
    return [
        "  30 days end of month, runs on the 25th, 5 approval days:",
        f"    sent 2026-01-31 -> cash {on_31}; sent 2026-02-01 -> cash {on_1}"
        f" ({(on_1 - on_31).days} days later)",
        f"    ready 2026-01-20: send by {plan.last_send_same_cash} for cash on {plan.cash}",
    ]


def _demo_money_over_time() -> list[str]:
    from payterms.discount import RateMethod, discount_cost, discount_decision, rate_to_percent
    from payterms.financing import UpliftReading, margin_after_term, price_uplift, term_cost
    from payterms.runs import Payer, PaymentRun
    from payterms.terms import PaymentTerms

    variants = [
        f"    {rate_to_percent(discount_cost(2, 10, 30, method=method, year=year), 2):>6} %"
        f"  {method.value}, {year}-day year"
        for method, year in (
            (RateMethod.SIMPLE, 365),
            (RateMethod.COMPOUND, 365),
            (RateMethod.SIMPLE, 360),
            (RateMethod.APPROXIMATE, 360),
        )
    ]
    decision = discount_decision(2, 10, 30, Decimal("0.08"), amount=Decimal("10000.00"))
    margin = margin_after_term(Decimal("10000"), Decimal("7500"), 30, Decimal("0.08"))
    share = rate_to_percent(margin.share_of_margin or Decimal(0), 1)
    whole = price_uplift(Decimal("10000"), 30, Decimal("0.08"))
    uplift = price_uplift(
        Decimal("10000"), 30, Decimal("0.08"), reading=UpliftReading.NET_OF_OWN_COST
    )
    payer = Payer(runs=PaymentRun.monthly(10, 25), approval_days=5, transfer_days=1)
    paid = term_cost(
        PaymentTerms.net(60),
        Decimal("10000"),
        invoice_date=date(2026, 1, 15),
        rate=Decimal("0.08"),
        payer=payer,
    )
    return [
        "Money over time",
        "  2/10 net 30: the yearly rate a buyer pays by skipping the discount",
        *variants,
        *textwrap.wrap(
            decision.explain(),
            width=92,
            initial_indent="  money at 8 %: ",
            subsequent_indent="    ",
        ),
        f"  30 days of term on a 10000 sale at 8 % cost {margin.financing_cost},"
        f" {share} % of the {margin.gross_margin} margin",
        f"  price that keeps the seller whole (future value): {whole};"
        f" that keeps the margin to the cent: {uplift}",
        "  net 60 from 2026-01-15, paid in runs on the 10th and 25th (5 days' approval):",
        f"    cash on {paid.last_cash_date}, {paid.days_financed} days financed, cost {paid.cost}",
    ]


def _demo_terms() -> list[str]:
    from payterms.calendars import Adjustment, BusinessCalendar
    from payterms.terms import EndOfMonth, Installment, PaymentTerms

    invoiced = date(2026, 1, 15)
    readings = ", ".join(
        f"{PaymentTerms.end_of_month(45, reading=r).installments[0].rule} -> "
        f"{PaymentTerms.end_of_month(45, reading=r).due_date(invoiced)}"
        for r in EndOfMonth
    )
    split = PaymentTerms(
        installments=(Installment.percent(Decimal("30"), "0D"), Installment.balance("1M+CM"))
    ).with_discount(Decimal("2"), "10D")
    sched = split.schedule(
        invoiced,
        Decimal("1210.00"),
        calendar=BusinessCalendar.country("BE"),
        adjustment=Adjustment.FOLLOWING,
    )
    dues = ", ".join(f"{d.amount} on {d.date}" for d in sched.dues)
    window = sched.discounts[0]
    return [
        "Payment terms",
        f"  45 jours fin de mois from {invoiced}, both readings: {readings}",
        f"  30 % with the order, balance end of next month, 2 % within 10 days, EUR 1210.00:"
        f" {dues}; or {window.payable} by {window.last_day}",
    ]


def _demo_receivables() -> list[str]:
    from payterms.calendars import BusinessCalendar
    from payterms.dunning import DunningLadder
    from payterms.receivables import DsoMethod, Invoice, aging, concentration, dso

    as_of = date(2026, 6, 30)
    invoices = [
        Invoice("F-101", "ACME", date(2026, 4, 10), date(2026, 5, 10), Decimal("70000")),
        Invoice("F-102", "Bolt", date(2026, 5, 12), date(2026, 6, 11), Decimal("80000")),
        Invoice(
            "F-103",
            "Cork",
            date(2026, 6, 15),
            date(2026, 7, 15),
            Decimal("100000"),
            payments=((date(2026, 6, 25), Decimal("38000")),),
        ),
    ]
    buckets = ", ".join(f"{k} {v}" for k, v in aging(invoices, as_of=as_of).by_label().items())
    countback = dso(invoices, as_of=as_of, method=DsoMethod.COUNTBACK)
    simple = dso(invoices, as_of=as_of, method=DsoMethod.SIMPLE)
    shares = concentration({inv.customer: inv.amount for inv in invoices})
    ladder = DunningLadder.parse("+1D reminder; +15D second reminder; +30D formal notice")
    plan = ladder.plan(date(2026, 4, 30), calendar=BusinessCalendar.country("BE"))
    return [
        "Receivables and dunning",
        f"  aging as of {as_of} (by due date): {buckets}",
        f"  DSO countback {countback:.1f} days, simple {simple:.1f} days",
        f"  largest customer {shares.shares[0][0]} {shares.shares[0][1]:.0%},"
        f" HHI {shares.hhi_points:.0f} points, over 20 %: {', '.join(shares.over_threshold)}",
        "  reminders for an invoice due 2026-04-30 (Belgium):",
        *(f"    {r.on} {r.label}" for r in plan.reminders),
    ]


def _demo_wording() -> list[str]:
    from payterms.terms import EndOfMonth, PaymentTerms
    from payterms.text import parse_with_notes

    lines = ["Terms in words"]
    for text in ("2/10 net 30", "14 Tage 2 % Skonto, 30 Tage netto"):
        terms = PaymentTerms.parse(text)
        lines.append(f"  {text!r} in French: {terms.describe('fr')!r}")
    for reading in EndOfMonth:
        result = parse_with_notes("45 jours fin de mois", reading=reading)
        due = result.terms.due_date(date(2026, 1, 15))
        lines.append(f"  '45 jours fin de mois' from 2026-01-15, {reading.name}: {due}")
    from decimal import Decimal

    from payterms.law import regime
    from payterms.text import describe_invoice

    terms = PaymentTerms.parse("45 jours fin de mois", reading=EndOfMonth.THEN_DAYS)
    sched = terms.schedule(date(2025, 1, 15), Decimal("1210.00"))
    lines.append("  invoice of 2025-01-15, EUR 1210.00, French statutory regime:")
    lines += [f"    {line}" for line in describe_invoice(sched, "fr", regime("FR")).splitlines()]
    return lines


def _demo_interest() -> list[str]:
    from payterms.interest import Payment, late_interest

    res = late_interest(
        Decimal("10000.00"),
        due=date(2024, 3, 31),
        until=date(2025, 2, 15),
        regime="BE",
        payments=(Payment(date(2024, 9, 1), Decimal("4000.00")),),
    )
    lines = [
        "Late interest (Belgium, law of 2 August 2002)",
        "  EUR 10000.00 due 2024-03-31, EUR 4000.00 paid 2024-09-01, rest claimed 2025-02-15",
    ]
    lines += [
        f"  {p.start} to {p.end}: {p.days:3d} days at {p.rate * 100:.2f} % on {p.base:.2f}"
        f" = {p.amount}"
        for p in res.periods
    ]
    lines.append(
        f"  principal 10000.00 + interest {res.interest} + compensation {res.compensation}"
        f" - paid {res.paid} = outstanding {res.total_outstanding}"
    )
    return lines


DEMOS: tuple[Callable[[], list[str]], ...] = (
    _demo_calendars,
    _demo_money,
    _demo_terms,
    _demo_runs,
    _demo_money_over_time,
    _demo_receivables,
    _demo_wording,
    _demo_interest,
)


def run_demo() -> None:
    """Print every section of the demonstration."""
    for section in DEMOS:
        print("\n".join(section()))
        print()

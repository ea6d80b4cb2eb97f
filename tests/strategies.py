"""Hypothesis strategies shared by the test modules."""

from __future__ import annotations

import functools
import itertools
from datetime import date, timedelta
from decimal import Decimal

import attrs
from hypothesis import settings
from hypothesis import strategies as st

from payterms.calendars import Adjustment, BusinessCalendar
from payterms.dunning import DunningLadder, DunningStep, OffsetUnit
from payterms.money import MINOR_UNITS
from payterms.receivables import Invoice
from payterms.rules import (
    CutOff,
    DayOfMonth,
    DueRule,
    EndOf,
    NextWeekday,
    Period,
    Shift,
    StartOf,
    Step,
    Unit,
)
from payterms.runs import LAST, PaymentRun
from payterms.terms import (
    DiscountTier,
    Installment,
    PaymentTerms,
    PercentOf,
    Start,
    TaxBase,
    TermHoliday,
)

RANDOM_EXAMPLES = 10
"""Examples per property in the random-seed pass under CI (see conftest.py)."""

THOROUGH_EXAMPLES = 2000
"""Examples per property, at least, in the ``thorough`` profile (see conftest.py)."""


def examples(n: int) -> int:
    """Return how many examples a property written for *n* runs under the loaded profile.

    *n* as written under the default and ``ci`` profiles (100 examples by default); at
    most the profile's count when it is RANDOM_EXAMPLES or fewer (the ``random`` pass, a
    bounded second run with a random seed); at least the profile's count when it is
    THOROUGH_EXAMPLES or more (``thorough``). A property's ``@settings(max_examples=...)``
    takes precedence over a profile, so every property states its count through here.
    """
    default = settings.default.max_examples  # the loaded profile's count (public API)
    if default <= RANDOM_EXAMPLES:  # the random pass
        return min(n, default)
    if default >= THOROUGH_EXAMPLES:  # thorough
        return max(n, default)
    return n


# Inside the years every shipped calendar covers and the published rate tables reach.
MIN_DATE = date(2000, 1, 1)
MAX_DATE = date(2060, 12, 31)


def dates(min_value: date = MIN_DATE, max_value: date = MAX_DATE) -> st.SearchStrategy[date]:
    """Plain dates (never datetimes) in [min_value, max_value]."""
    return st.dates(min_value=min_value, max_value=max_value)


def amounts(
    *, min_value: Decimal | int = 0, max_value: Decimal | int = 10**9, places: int = 2
) -> st.SearchStrategy[Decimal]:
    """Finite Decimal amounts with *places* decimals."""
    return st.decimals(
        min_value=min_value,
        max_value=max_value,
        places=places,
        allow_nan=False,
        allow_infinity=False,
    )


def currencies() -> st.SearchStrategy[str]:
    """ISO 4217 codes payterms knows (exponents 0, 2 and 3)."""
    return st.sampled_from(sorted(MINOR_UNITS))


# --------------------------------------------------------------------------- runs (#5)

RUN_ADJUSTMENTS = st.sampled_from(
    (Adjustment.FOLLOWING, Adjustment.PRECEDING, Adjustment.MODIFIED_FOLLOWING)
)


def run_dates(min_year: int = 2024, max_year: int = 2028) -> st.SearchStrategy[date]:
    """Dates in the years the run tests use (the BE/TARGET calendars cover them)."""
    return st.dates(min_value=date(min_year, 1, 1), max_value=date(max_year, 12, 31))


@st.composite
def monthly_runs(draw: st.DrawFn) -> PaymentRun:
    """A monthly run on 1-3 days (LAST possible), any cut-off, a common adjustment."""
    days = draw(
        st.lists(st.sampled_from([*range(1, 32), LAST]), min_size=1, max_size=3, unique=True)
    )
    cutoff = draw(st.none() | st.integers(1, 31))
    return PaymentRun.monthly(*days, adjustment=draw(RUN_ADJUSTMENTS), cutoff_day=cutoff)


@st.composite
def weekly_runs(draw: st.DrawFn) -> PaymentRun:
    """A weekly run on 1-2 weekdays, every 1-3 weeks from an anchor."""
    weekdays = draw(st.lists(st.integers(0, 6), min_size=1, max_size=2, unique=True))
    every = draw(st.integers(1, 3))
    anchor = draw(run_dates(2024, 2026)) if every > 1 else None
    return PaymentRun.weekly(
        *weekdays, every=every, anchor=anchor, adjustment=draw(RUN_ADJUSTMENTS)
    )


def payment_runs() -> st.SearchStrategy[PaymentRun]:
    """Any monthly or weekly payment run."""
    return monthly_runs() | weekly_runs()


# --------------------------------------------------------------------------- terms (#3)

_CALENDAR_UNITS = (Unit.DAYS, Unit.WEEKS, Unit.MONTHS, Unit.QUARTERS, Unit.YEARS)


def invoice_dates() -> st.SearchStrategy[date]:
    """Dates an invoice can carry, with room for long terms before year 9999."""
    return st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31))


def _plain_steps(*, backward: bool) -> st.SearchStrategy[Step]:
    periods = st.sampled_from(Period)
    counts = st.integers(-400, 400) if backward else st.integers(0, 400)  # back: -10D (#15)
    options: list[st.SearchStrategy[Step]] = [
        st.builds(Shift, counts, st.sampled_from(_CALENDAR_UNITS)),
        st.builds(EndOf, periods),
        st.builds(DayOfMonth, st.integers(1, 31)),
        st.builds(NextWeekday, st.integers(0, 6)),
    ]
    if backward:
        options.append(st.builds(StartOf, periods))
    return st.one_of(options)


def due_rules(
    *, cutoff: bool = True, backward: bool = True, max_steps: int = 4
) -> st.SearchStrategy[DueRule]:
    """Rules without business-day steps; *cutoff* allows cut-offs, *backward* ``-CM`` anchors."""
    plain = st.lists(_plain_steps(backward=backward), min_size=1, max_size=max_steps).map(
        lambda steps: DueRule(tuple(steps))
    )
    if not cutoff:
        return plain

    def with_cutoffs(inner: st.SearchStrategy[DueRule]) -> st.SearchStrategy[DueRule]:
        cut = st.builds(CutOff, st.integers(1, 31), inner, inner)
        step = st.one_of(_plain_steps(backward=backward), cut)
        return st.lists(step, min_size=1, max_size=max_steps).map(lambda s: DueRule(tuple(s)))

    return st.recursive(plain, with_cutoffs, max_leaves=3)


def _percent_parts(draw: st.DrawFn, n: int, total: Decimal) -> list[Decimal]:
    cuts = sorted(draw(st.lists(st.integers(1, 9999), min_size=n - 1, max_size=n - 1)))
    points = [0, *cuts, 10000]
    parts = [Decimal(b - a) / 100 for a, b in itertools.pairwise(points)]
    return [p * total / 100 for p in parts if p > 0]


def _tiers(
    draw: st.DrawFn, *, fixed: bool, late: bool, min_size: int = 0, max_size: int = 3
) -> tuple[DiscountTier, ...]:
    """Discount tiers as terms can hold them, in any order: of 0-20 days (up to 60 with
    *late*), percentages and (with *fixed*) small fixed amounts; within each kind, each
    tier has its own last day and size, and the larger discount ends earlier."""
    count = draw(st.integers(min_size, max_size))
    n_fixed = draw(st.integers(0, count)) if fixed else 0
    tiers: list[DiscountTier] = []
    for k, top, make in (
        (count - n_fixed, 9900, DiscountTier),
        (n_fixed, 500, lambda size, rule: DiscountTier.fixed(size, rule)),
    ):
        days = sorted(draw(st.sets(st.integers(0, 60 if late else 20), min_size=k, max_size=k)))
        sizes = sorted(draw(st.sets(st.integers(1, top), min_size=k, max_size=k)), reverse=True)
        tiers.extend(
            make(Decimal(size) / 100, DueRule.days(d)) for size, d in zip(sizes, days, strict=True)
        )
    return tuple(draw(st.permutations(tiers)))


@st.composite
def payment_terms(
    draw: st.DrawFn,
    *,
    forward: bool = True,
    max_lines: int = 5,
    fixed: bool = True,
    extras: bool = False,
    fixed_tiers: bool = False,
) -> PaymentTerms:
    """Valid payment terms: balance-line or 100 %-percent instalments, 0-3 discount tiers (<= 20D).

    With *forward* (the default) every rule is forward (no ``-CM`` anchor) and without
    cut-off, so schedules never fail on a date before the start. Fixed lines (when
    *fixed*) are small (at most 5.00) so that amounts of 100 or more always cover them.
    With *extras*, lines may be zero (markers), carry discounts of their own, and discount
    windows may end after the final due date; *fixed_tiers* adds fixed-amount discounts on
    the whole invoice (up to 5.00, more than a small amount can take).
    """
    rules = due_rules(cutoff=not forward, backward=not forward)
    n = draw(st.integers(1, max_lines))
    lines: list[Installment] = []
    if draw(st.booleans()):
        # percentages summing to exactly 100, no balance line
        for p in _percent_parts(draw, n, Decimal(100)):
            lines.append(Installment.percent(p, draw(rules)))
        if extras and draw(st.booleans()):
            lines.insert(draw(st.integers(0, len(lines))), Installment.percent(0, draw(rules)))
    else:
        balance_at = draw(st.integers(0, n - 1))
        room = Decimal(draw(st.integers(0, 9900))) / 100  # percentages take less than 100
        others = _percent_parts(draw, n, room) if n > 1 and room > 0 else []
        for p in others[: n - 1]:
            if fixed and draw(st.booleans()):
                lines.append(
                    Installment.fixed(Decimal(draw(st.integers(1, 500))) / 100, draw(rules))
                )
            else:
                of = draw(st.sampled_from(PercentOf))
                lines.append(Installment.percent(p, draw(rules), of=of))
        if extras and draw(st.booleans()):
            zero = Installment.fixed(0, draw(rules)) if fixed else Installment.percent(0, "0D")
            lines.insert(draw(st.integers(0, len(lines))), zero)
        lines.insert(min(balance_at, len(lines)), Installment.balance(draw(rules)))
    if extras:
        for i, line in enumerate(lines):
            if draw(st.integers(0, 3)) == 0:
                # percentages: an instalment may be as small as a cent
                own = _tiers(draw, fixed=False, late=True, min_size=1, max_size=2)
                lines[i] = attrs.evolve(line, discounts=own)
    tiers = _tiers(draw, fixed=fixed_tiers, late=extras)
    if tiers and not extras:
        # keep every discount window (at most 20 days) before the last line's due date
        last = lines[-1]
        later = DueRule((Shift(21), *last.rule.steps))
        lines[-1] = Installment(last.kind, later, last.value, of=last.of)
    start = draw(st.sampled_from([Start.INVOICE_DATE, Start.END_OF_MONTH]))
    holidays: list[TermHoliday] = []
    if extras:
        for day in draw(st.lists(dates(), max_size=2, unique=True)):
            later = day + timedelta(days=draw(st.integers(1, 30)))
            if later not in (h.day for h in holidays) and day not in (
                h.postponed for h in holidays
            ):
                holidays.append(TermHoliday(day, later))
    return PaymentTerms(
        installments=tuple(lines),
        discounts=tuple(tiers),
        start=start,
        tax_base=draw(st.sampled_from(TaxBase)),
        holidays=tuple(holidays),
    )


# --------------------------------------------------------------------------- money over time (#6)


def annual_rates(max_value: str = "1") -> st.SearchStrategy[Decimal]:
    """Annual rates as fractions in [0, max_value], up to four decimals (0.0825 = 8.25 %)."""
    return st.decimals(min_value="0", max_value=max_value, places=4)


def discount_percents() -> st.SearchStrategy[Decimal]:
    """Early-payment discounts in percent, from 0.1 % to 10 %, as invoices print them."""
    return st.decimals(min_value="0.1", max_value="10", places=2)


@st.composite
def trade_terms(draw: st.DrawFn) -> PaymentTerms:
    """Terms a seller actually grants: net, end of month, a deposit then the balance."""
    days = draw(st.integers(0, 120))
    kind = draw(st.sampled_from(["net", "eom", "deposit"]))
    if kind == "net":
        return PaymentTerms.net(days)
    if kind == "eom":
        return PaymentTerms.end_of_month(days)
    deposit = draw(st.integers(1, 99))
    return PaymentTerms(
        installments=(
            Installment.percent(Decimal(deposit), "0D"),
            Installment.balance(f"{days}D"),
        )
    )


def discount_terms() -> st.SearchStrategy[tuple[Decimal, int, int]]:
    """(percent, discount days, net days) with the discount period before the net day."""
    return st.tuples(discount_percents(), st.integers(0, 60), st.integers(1, 120)).map(
        lambda t: (t[0], t[1], t[1] + t[2])
    )


# -- receivables and dunning -----------------------------------------------------------


@st.composite
def receivables_invoices(
    draw: st.DrawFn,
    *,
    min_size: int = 0,
    max_size: int = 25,
    first: date = date(2025, 1, 1),
    last: date = date(2026, 12, 31),
) -> list[Invoice]:
    """Invoices in one currency with terms of 0-120 days and 0-3 dated payments each.

    Amounts are positive; payments never exceed what is owed (no overpayments).
    """
    count = draw(st.integers(min_value=min_size, max_value=max_size))
    out = []
    for i in range(count):
        issued = draw(st.dates(min_value=first, max_value=last))
        due = issued + timedelta(days=draw(st.integers(min_value=0, max_value=120)))
        amount = draw(amounts(min_value=Decimal("0.01"), max_value=Decimal("100000")))
        payments = []
        left = amount
        for _ in range(draw(st.integers(min_value=0, max_value=3))):
            if left <= 0:
                break
            paid = draw(amounts(min_value=Decimal("0.01"), max_value=left))
            on = issued + timedelta(days=draw(st.integers(min_value=0, max_value=200)))
            payments.append((on, paid))
            left -= paid
        customer = draw(st.sampled_from(("ACME", "Bolt", "Cork", "Dyne", "Erg")))
        out.append(Invoice(f"F-{i}", customer, issued, due, amount, payments=tuple(payments)))
    return out


_DUNNING_LABELS = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("C", "Z"), exclude_characters=";[]"),
    min_size=1,
    max_size=12,
).flatmap(lambda a: st.sampled_from((a, f"{a} reminder", f"second {a}")))


@st.composite
def dunning_ladders(draw: st.DrawFn, *, max_steps: int = 6) -> DunningLadder:
    """Ladders of 1-*max_steps* steps, offsets -30..+120 strictly increasing, mixed units."""
    offsets = sorted(
        draw(st.sets(st.integers(min_value=-30, max_value=120), min_size=1, max_size=max_steps))
    )
    steps = []
    for offset in offsets:
        unit = draw(st.sampled_from(OffsetUnit))
        fee = draw(st.none() | amounts(min_value=0, max_value=500))
        grant = draw(st.none() | st.integers(min_value=1, max_value=60))
        steps.append(
            DunningStep(offset, draw(_DUNNING_LABELS), unit=unit, fee=fee, grant_days=grant)
        )
    return DunningLadder(tuple(steps))


# --------------------------------------------------------------------- late interest (#7)

# Days every shipped B2B table gives a confirmed rate for: the UK reference rate is
# confirmed from 2017-01-01 (its 2011-2016 row is unconfirmed) to 2024-06-30.
INTEREST_FIRST_DAY = date(2017, 1, 1)
INTEREST_LAST_DAY = date(2024, 6, 30)


def interest_dates() -> st.SearchStrategy[date]:
    """Days inside every shipped B2B rate table."""
    return st.dates(min_value=INTEREST_FIRST_DAY, max_value=INTEREST_LAST_DAY)


def interest_regime_codes() -> st.SearchStrategy[str]:
    """The regime codes of payterms.law."""
    return st.sampled_from(("BE", "DE", "EU", "FR", "LU", "NL", "UK"))


def interest_rates() -> st.SearchStrategy[Decimal]:
    """Contractual annual rates as fractions, 0 to 0.30 (0 % to 30 %, two decimals)."""
    return st.integers(0, 3000).map(lambda v: Decimal(v).scaleb(-4))


@st.composite
def late_claims(draw: st.DrawFn) -> tuple[Decimal, date, date]:
    """(principal, due, until) with until on or after due, inside every B2B table."""
    principal = draw(amounts(min_value=0, max_value=10**7))
    due = draw(interest_dates())
    until = draw(st.dates(min_value=due, max_value=INTEREST_LAST_DAY))
    return principal, due, until


# --------------------------------------------------------------------- columnar engine (#14)


def any_rules(*, max_steps: int = 3) -> st.SearchStrategy[DueRule]:
    """Any rule: calendar and business-day steps, anchors back, cut-offs (some fail on a start)."""
    periods = st.sampled_from(Period)
    step: st.SearchStrategy[Step] = st.one_of(
        st.builds(Shift, st.integers(0, 70), st.sampled_from(Unit)),
        st.builds(Shift, st.sampled_from((0, 1, 5, 250, 9999)), st.sampled_from(Unit)),
        st.builds(EndOf, periods),
        st.builds(StartOf, periods),
        st.builds(DayOfMonth, st.integers(1, 31)),
        st.builds(NextWeekday, st.integers(0, 6)),
    )

    def with_cutoffs(inner: st.SearchStrategy[DueRule]) -> st.SearchStrategy[DueRule]:
        cut = st.builds(CutOff, st.integers(1, 31), inner, inner)
        return st.lists(st.one_of(step, cut), min_size=1, max_size=max_steps).map(
            lambda s: DueRule(tuple(s))
        )

    plain = st.lists(step, min_size=1, max_size=max_steps).map(lambda s: DueRule(tuple(s)))
    return st.recursive(plain, with_cutoffs, max_leaves=3)


@st.composite
def any_terms(draw: st.DrawFn, *, max_lines: int = 3) -> PaymentTerms:
    """Terms whose lines follow any rules (some starts make them fail: the tests expect it)."""
    rules = any_rules()
    n = draw(st.integers(1, max_lines))
    lines = [Installment.balance(draw(rules))]
    lines += [Installment.percent(Decimal(1), draw(rules)) for _ in range(n - 1)]
    return PaymentTerms(
        installments=tuple(lines),
        start=draw(st.sampled_from([Start.INVOICE_DATE, Start.END_OF_MONTH])),
    )


@functools.cache
def _belgium() -> BusinessCalendar:
    # one value for every example, so its years are read from `holidays` once
    return BusinessCalendar.country("BE")


@st.composite
def business_calendars(draw: st.DrawFn) -> BusinessCalendar:
    """TARGET, Belgium, or a calendar of random holidays and weekend, some bounded in years."""
    kind = draw(st.sampled_from(("target", "be", "random", "random", "random")))
    if kind == "target":
        return BusinessCalendar.TARGET
    if kind == "be":
        return _belgium()
    first = draw(st.integers(1985, 2060))
    last = draw(st.integers(first, 2070))
    holidays = draw(st.lists(st.dates(date(first, 1, 1), date(last, 12, 31)), max_size=120))
    weekend = draw(st.sampled_from(((5, 6), (6,), (4, 5), (), (0, 1, 2, 3, 4, 5))))
    bounded = draw(st.booleans())
    return BusinessCalendar.from_dates(
        holidays, weekend=weekend, years=range(first, last + 1) if bounded else None
    )

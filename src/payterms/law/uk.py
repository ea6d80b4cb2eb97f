"""United Kingdom: Late Payment of Commercial Debts (Interest) Act 1998.

Statutory interest is simple interest at **8 % over the Bank of England base rate in
force on 31 December or 30 June** immediately before the day interest starts to run
(SI 2002/1675), and that one rate applies to the **whole claim**: it does not change
when a later half-year starts. Daily interest is principal × rate / 365, from the day
after the due date up to and including the payment day. The fixed sum (s. 5A) depends
on the size of the debt: GBP 40 below 1 000, GBP 70 below 10 000, GBP 100 from
10 000. Consumers are not covered. The reference rates from H2 2024 on are not
confirmed and are not shipped.

More information: https://www.payontime.co.uk/late-payment-legislation-interest-calculators ;
https://www.debtcollectionservice.uk/interest/ (quoting the Order).

>>> from datetime import date
>>> regime(contract_date=None, debtor=PartyKind.UNDERTAKING).rate_on(date(2023, 9, 1))
Decimal('0.1300')
"""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal

from payterms.calendars import DayCount
from payterms.conventions import Compounding, Imputation, PartyKind, PaymentDay, RateSplit
from payterms.errors import InvalidArgument
from payterms.law._common import IMPUTATION_OPEN
from payterms.law._regime import BandedCompensation, Regime, TermCaps
from payterms.law.findings import Case, Finding, Severity, over, public_term
from payterms.law.rates import RateRounding, TableRate

__all__ = ["check", "TERM_CAPS", "COMPENSATION", "RATE", "regime"]

RATE = TableRate("uk_reference_rate", margin=Decimal("0.08"))
"""Reference (base) rate of the half-year in which interest starts + 8 points."""

COMPENSATION = BandedCompensation(
    ((Decimal(1000), Decimal(40)), (Decimal(10000), Decimal(70))),
    Decimal(100),
    "Late Payment of Commercial Debts (Interest) Act 1998 s. 5A",
    ("the fixed sum depends on the size of the debt; reasonable recovery costs above it "
     "may be added (contracts from 16 March 2013)",),
)  # fmt: skip


TERM_CAPS = TermCaps(
    days=60,
    void=False,
    public_days=30,
    public_max_days=None,
    counted_from="from delivery or from notice of the debt",
    source="Late Payment of Commercial Debts Regulations 2013",
)
"""The statutory caps on agreed payment terms."""


def regime(*, contract_date: _dt.date | None, debtor: PartyKind) -> Regime:
    """Return the UK statutory-interest regime (*debtor* B2B or PUBLIC)."""
    if debtor is PartyKind.CONSUMER:
        raise InvalidArgument(
            "debtor", debtor, "B2B or PUBLIC: the Late Payment Act 1998 does not cover consumers"
        )
    return Regime(
        code="UK",
        title="United Kingdom, Late Payment of Commercial Debts (Interest) Act 1998",
        debtor=debtor,
        contract_date=contract_date,
        currency="GBP",
        rate=RATE,
        formula=None,
        rate_split=RateSplit.FIXED_AT_START,
        compounding=Compounding.NONE,
        rate_rounding=RateRounding.NONE,
        day_count=DayCount.ACT_365_FIXED,
        payment_day=PaymentDay.INCLUDED,
        imputation=Imputation.INTEREST_PRINCIPAL_COSTS,
        compensation=COMPENSATION,
        term_caps=TERM_CAPS,
        silent=(IMPUTATION_OPEN,),
        sources=(
            "Late Payment of Commercial Debts (Interest) Act 1998, ss. 1, 4, 5A",
            "Late Payment of Commercial Debts (Rate of Interest) (No. 3) Order 2002 (SI 2002/1675)",
        ),
        rate_rule="UK",
    )


def check(case: Case) -> list[Finding]:
    """Return the findings on agreed terms under the Late Payment Regulations 2013."""
    article = "Late Payment of Commercial Debts Regulations 2013"
    if case.public:
        return public_term(case, "UK-public", article, hard=None)
    return over(
        case.wait,
        case.day,
        60,
        Severity.WARNING,
        "UK-60-days",
        article,
        "more than 60 days only if expressly agreed and not grossly unfair",
    )

"""Luxembourg: loi du 18 avril 2004 relative aux délais de paiement et aux intérêts de retard.

Commercial debts (as amended by the loi du 29 mars 2013): the ECB reference rate
published in the Mémorial B at the start of each half-year + 8 points, not rounded
(12.25 % in H2 2024); EUR 40 minimum recovery compensation. payterms computes each
half-year's rate from the ECB table; only H2 2024 was checked against a Luxembourg
publication, so results say the rate is derived. Consumer debts bear the taux
d'intérêt légal fixed each year by règlement grand-ducal (4.50 % in 2024; other years
not shipped).

More information: https://mj.gouvernement.lu/fr/service-citoyens/taux-interet-legal.html ;
loi du 18 avril 2004 (legilux).

>>> from datetime import date
>>> regime(contract_date=None, debtor=PartyKind.UNDERTAKING).rate_on(date(2024, 9, 1))
Decimal('0.1225')
"""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal

from payterms.calendars import DayCount
from payterms.conventions import Compounding, Imputation, PartyKind, PaymentDay, RateSplit
from payterms.law._common import (
    DAY_COUNT_365,
    IMPUTATION_OPEN,
    PAYMENT_DAY_COUNTED,
    SEMESTER_SPLIT,
)
from payterms.law._regime import FlatCompensation, NoCompensation, Regime, TermCaps
from payterms.law.findings import Case, Finding, Severity, over, public_term
from payterms.law.rates import Fixing, RateRounding, TableRate

__all__ = ["check", "TERM_CAPS", "COMPENSATION", "RATE", "RATE_CONSUMER", "regime"]

RATE = TableRate(
    "ecb_mro",
    margin=Decimal("0.08"),
    fixing=Fixing.SEMESTER_START,
    derived=(
        "Luxembourg rate computed as ECB rate + 8 points (loi du 18 avril 2004 as amended "
        "in 2013); the Mémorial B notice was not read (checked: H2 2024, 12.25 %)"
    ),
)
"""ECB rate in force at the start of the half-year + 8 points."""

RATE_CONSUMER = TableRate("lu_legal_rate")
"""Taux d'intérêt légal (règlement grand-ducal, yearly)."""

COMPENSATION = FlatCompensation(
    Decimal(40),
    "loi du 18 avril 2004 as amended by the loi du 29 mars 2013",
    ("EUR 40 is a minimum per late invoice",),
)


TERM_CAPS = TermCaps(
    days=60,
    void=False,
    public_days=30,
    public_max_days=60,
    counted_from="from receipt of the invoice or of the goods or services",
    source="loi du 18 avril 2004 as amended by the loi du 29 mars 2013",
)
"""The statutory caps on agreed payment terms."""


def regime(*, contract_date: _dt.date | None, debtor: PartyKind) -> Regime:
    """Return the Luxembourg regime for *debtor*."""
    consumer = debtor is PartyKind.CONSUMER
    return Regime(
        code="LU",
        title="Luxembourg, loi du 18 avril 2004 (délais de paiement et intérêts de retard)",
        debtor=debtor,
        contract_date=contract_date,
        currency="EUR",
        rate=RATE_CONSUMER if consumer else RATE,
        formula=None,
        rate_split=RateSplit.SPLIT,
        compounding=Compounding.NONE,
        rate_rounding=RateRounding.NONE,
        day_count=DayCount.ACT_365_FIXED,
        payment_day=PaymentDay.INCLUDED,
        imputation=Imputation.INTEREST_PRINCIPAL_COSTS,
        compensation=(
            NoCompensation("no fixed compensation is shipped for Luxembourg consumer debts")
            if consumer
            else COMPENSATION
        ),
        term_caps=None if consumer else TERM_CAPS,
        silent=(DAY_COUNT_365, PAYMENT_DAY_COUNTED, SEMESTER_SPLIT, IMPUTATION_OPEN),
        sources=("loi du 18 avril 2004, as amended by the loi du 29 mars 2013",),
        # consumer debts: no statute for the yearly legal rate is cited in the sources read
        rate_rule=None if consumer else "LU",
    )


def check(case: Case) -> list[Finding]:
    """Return the findings on agreed terms under the loi du 18 avril 2004 (as amended 2013)."""
    if case.public:
        return public_term(case, "LU-public", "loi du 18 avril 2004 as amended 2013")
    return over(
        case.wait,
        case.day,
        60,
        Severity.WARNING,
        "LU-60-days",
        "loi du 18 avril 2004 as amended by the loi du 29 mars 2013",
        "more than 60 days only if not manifestly abusive to the creditor",
    )

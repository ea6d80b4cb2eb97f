"""EU: Directive 2011/7/EU on combating late payment in commercial transactions.

The model regime that the national laws transpose: simple interest at the ECB main
refinancing rate + 8 points, the rate in force on 1 January fixing the first half-year
and on 1 July the second (art. 2(6), 2(7), 3(2)); interest from the day after the due
date (art. 3(3)); at least EUR 40 per late invoice without reminder (art. 6; CJEU
C-585/20: per invoice). Consumers are outside its scope (art. 2(1)). The Directive
fixes no day count, no payment-day rule and no imputation order.

More information: Directive 2011/7/EU (OJ L 48, 23.2.2011), arts. 2-7.

>>> from datetime import date
>>> regime(contract_date=None, debtor=PartyKind.UNDERTAKING).rate_on(date(2024, 9, 1))
Decimal('0.1225')
"""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal

from payterms.calendars import DayCount
from payterms.conventions import Compounding, Imputation, PartyKind, PaymentDay, RateSplit
from payterms.errors import InvalidArgument
from payterms.law._common import DAY_COUNT_365, IMPUTATION_OPEN, PAYMENT_DAY_COUNTED
from payterms.law._regime import FlatCompensation, Regime, TermCaps
from payterms.law.findings import Case, Finding, Severity, over, public_term
from payterms.law.rates import Fixing, RateRounding, TableRate

__all__ = ["check", "TERM_CAPS", "COMPENSATION", "RATE", "regime"]

RATE = TableRate("ecb_mro", margin=Decimal("0.08"), fixing=Fixing.SEMESTER_START)
"""ECB main refinancing rate in force on 1 January / 1 July + 8 points (arts. 2(6), 3(2))."""

COMPENSATION = FlatCompensation(
    Decimal(40),
    "Directive 2011/7/EU art. 6(1); CJEU C-585/20 (per late invoice)",
    ("EUR 40 is a minimum per late invoice; higher reasonable recovery costs may be "
     "claimed (art. 6(3))",),
)  # fmt: skip


TERM_CAPS = TermCaps(
    days=60,
    void=False,
    public_days=30,
    public_max_days=60,
    counted_from="from receipt of the invoice or of the goods or services",
    source="Directive 2011/7/EU arts. 3(5), 4(3) and 4(6)",
)
"""The statutory caps on agreed payment terms."""


def regime(*, contract_date: _dt.date | None, debtor: PartyKind) -> Regime:
    """Return the Directive's regime for a commercial debt (*debtor* B2B or PUBLIC)."""
    if debtor is PartyKind.CONSUMER:
        raise InvalidArgument(
            "debtor", debtor, "B2B or PUBLIC: consumers are outside Directive 2011/7/EU"
        )
    return Regime(
        code="EU",
        title="EU Directive 2011/7/EU, commercial transactions",
        debtor=debtor,
        contract_date=contract_date,
        currency="EUR",
        rate=RATE,
        formula=None,
        rate_split=RateSplit.SPLIT,
        compounding=Compounding.NONE,
        rate_rounding=RateRounding.NONE,
        day_count=DayCount.ACT_365_FIXED,
        payment_day=PaymentDay.INCLUDED,
        imputation=Imputation.INTEREST_PRINCIPAL_COSTS,
        compensation=COMPENSATION,
        term_caps=TERM_CAPS,
        silent=(DAY_COUNT_365, PAYMENT_DAY_COUNTED, IMPUTATION_OPEN),
        sources=("Directive 2011/7/EU arts. 2(6), 2(7), 3(2), 3(3), 4, 6",),
        rate_rule="EU",
    )


def check(case: Case) -> list[Finding]:
    """Return the findings on agreed terms under Directive 2011/7/EU arts. 3(5) and 4."""
    if case.public:
        return public_term(case, "EU-art-4-public", "Directive 2011/7/EU art. 4")
    return over(
        case.wait,
        case.day,
        60,
        Severity.WARNING,
        "EU-art-3-5",
        "Directive 2011/7/EU art. 3(5)",
        "more than 60 days only if expressly agreed and not grossly unfair",
    )

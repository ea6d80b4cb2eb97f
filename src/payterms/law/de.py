"""Germany: Verzugszinsen (§§ 247, 288, 289 BGB) and the EUR 40 Pauschale (§ 288(5)).

The Basiszinssatz (§ 247) changes on 1 January and 1 July by the points the ECB rate
moved; it may be **negative** (2013-2022). A payment claim (Entgeltforderung) between
non-consumers bears Basiszinssatz + **9** points for obligations arising after 28 July
2014, + 8 before (Art. 229 § 34 EGBGB); against a consumer + 5 (§ 288(1)), as for a
claim that is not a payment for goods or services (a damages claim): pass
``rate=TableRate("de_basiszinssatz", margin=Decimal("0.05"))`` for one. Running
interest follows each half-year's Basiszinssatz. Compound interest is forbidden
(§ 289). A partial payment goes to costs, then interest, then principal (§ 367). A due
date on a Saturday, Sunday or public holiday moves to the next working day (§ 193 BGB;
BGH III ZR 159/06): pass a calendar to :func:`payterms.late_interest`. The
EUR 40 Pauschale is due when the debtor is not a consumer, for obligations after
28 July 2014 (§ 288(5)).

The BGB fixes no day count (practice uses 365, act/act and 30/360 alike; § 191 BGB
counts a year as 365 days) and practice differs on whether the payment day counts.

More information: BGB §§ 187, 191, 247, 286, 288, 289, 367; Art. 229 § 34 EGBGB.

>>> from datetime import date
>>> regime(contract_date=None, debtor=PartyKind.UNDERTAKING).rate_on(date(2025, 9, 1))
Decimal('0.1027')
>>> regime(contract_date=None, debtor=PartyKind.CONSUMER).rate_on(date(2020, 1, 1))
Decimal('0.0412')
"""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal

from payterms.calendars import Adjustment, DayCount
from payterms.conventions import Compounding, Imputation, PartyKind, PaymentDay, RateSplit
from payterms.law._common import PAYMENT_DAY_COUNTED
from payterms.law._regime import FlatCompensation, NoCompensation, Regime, TermCaps
from payterms.law.findings import Case, Finding, Severity, over, public_term
from payterms.law.rates import RateRounding, TableRate

__all__ = [
    "check",
    "TERM_CAPS",
    "COMPENSATION",
    "RATE",
    "RATE_BEFORE_2014",
    "RATE_CONSUMER",
    "regime",
]

CUTOVER = _dt.date(2014, 7, 28)
"""Obligations arising after this day get + 9 points and the EUR 40 (Art. 229 § 34 EGBGB)."""

RATE = TableRate("de_basiszinssatz", margin=Decimal("0.09"))
"""Basiszinssatz + 9 points (§ 288(2) BGB)."""

RATE_BEFORE_2014 = TableRate("de_basiszinssatz", margin=Decimal("0.08"))
"""Basiszinssatz + 8 points (§ 288(2) BGB before 29 July 2014)."""

RATE_CONSUMER = TableRate("de_basiszinssatz", margin=Decimal("0.05"))
"""Basiszinssatz + 5 points (§ 288(1) BGB)."""

COMPENSATION = FlatCompensation(
    Decimal(40),
    "§ 288(5) BGB",
    ("the EUR 40 Pauschale is credited against damages for legal costs (§ 288(5) BGB)",),
)

DAY_COUNT = (
    "day_count",
    "the BGB fixes no day count: actual days / 365 assumed (§ 191 BGB year of 365 days; "
    "pass day_count= to change)",
)


TERM_CAPS = TermCaps(
    days=60,
    void=False,
    public_days=30,
    public_max_days=60,
    counted_from="from receipt of the goods or services, or of a later invoice",
    source="§ 271a BGB",
)
"""The statutory caps on agreed payment terms."""


def regime(*, contract_date: _dt.date | None, debtor: PartyKind) -> Regime:
    """Return the German regime; *contract_date* is the day the obligation arose."""
    old = contract_date is not None and contract_date <= CUTOVER
    if debtor is PartyKind.CONSUMER:
        rate, rule = RATE_CONSUMER, "DE-consumer"
        compensation: FlatCompensation | NoCompensation = NoCompensation(
            "no EUR 40 Pauschale against a consumer (§ 288(5) BGB)", "§ 288(5) BGB"
        )
    elif old:
        rate, rule = RATE_BEFORE_2014, "DE-before-2014"
        compensation = NoCompensation(
            "no EUR 40 Pauschale for obligations arising before 29 July 2014 (Art. 229 § 34 EGBGB)",
            "Art. 229 § 34 EGBGB",
        )
    else:
        rate, rule = RATE, "DE"
        compensation = COMPENSATION
    return Regime(
        code="DE",
        title="Germany, Verzugszinsen (§ 288 BGB)",
        debtor=debtor,
        contract_date=contract_date,
        currency="EUR",
        rate=rate,
        formula=None,
        rate_split=RateSplit.SPLIT,
        compounding=Compounding.NONE,
        rate_rounding=RateRounding.NONE,
        day_count=DayCount.ACT_365_FIXED,
        payment_day=PaymentDay.INCLUDED,
        imputation=Imputation.COSTS_INTEREST_PRINCIPAL,
        compensation=compensation,
        term_caps=None if debtor is PartyKind.CONSUMER else TERM_CAPS,
        silent=(DAY_COUNT, PAYMENT_DAY_COUNTED),
        due_adjustment=Adjustment.FOLLOWING,
        due_adjustment_source="§ 193 BGB (BGH III ZR 159/06)",
        sources=(
            "BGB §§ 247, 288, 289 (no compound interest), 367 (imputation)",
            "Art. 229 § 34 EGBGB (transition of 29 July 2014)",
        ),
        rate_rule=rule,
    )


def check(case: Case) -> list[Finding]:
    """Return the findings on agreed terms under §§ 271a and 308 Nr. 1a BGB."""
    wait, day = case.wait, case.day
    if case.contract_date is not None and case.contract_date <= CUTOVER:
        return [
            Finding(
                Severity.INFO,
                "DE-271a-transition",
                "Art. 229 § 34 EGBGB",
                "§ 271a BGB applies only to obligations arising after 28 July 2014; not checked",
            )
        ]
    if len(case.terms.installments) > 1:
        return [
            Finding(
                Severity.INFO,
                "DE-271a-5-instalments",
                "§ 271a(5) BGB",
                "§ 271a BGB does not apply to agreements on instalments; not checked",
            )
        ]
    if case.public:
        return public_term(case, "DE-271a-2", "§ 271a(2) BGB")
    return [
        *over(
            wait,
            day,
            60,
            Severity.WARNING,
            "DE-271a-1",
            "§ 271a(1) BGB",
            "more than 60 days after receipt of the goods or services only if expressly "
            "agreed and not grossly unfair",
        ),
        *over(
            wait,
            day,
            30,
            Severity.INFO,
            "DE-308-1a",
            "§ 308 Nr. 1a BGB",
            "in the standard terms of a non-consumer buyer, more than 30 days after "
            "receipt is presumed unreasonable",
        ),
    ]

"""Belgium: law of 2 August 2002 on late payment in commercial transactions; Book XIX CEL.

B2B and public debtors (art. 5): the ECB rate of the most recent main refinancing
operation before the half-year + 8 points, **rounded up to the next half point**
("arrondi au demi-point de pourcentage supérieur"): 11.15 gives 11.5, but 8.00 stays
8.0. SPF Finances publishes each half-year's rate in the Moniteur belge; payterms ships
those published rates (``be_late_payment``). Contracts concluded before 16 March 2013
kept the former ECB + 7 rate until 15 March 2015 (``be_late_payment_before_2013``).
Interest runs of right from the day after the term; EUR 40 fixed compensation. A
partial payment goes to interest before capital (former Civil Code art. 1254).

Consumer debts (Code of Economic Law Book XIX, in force 1 September 2023): the agreed
interest may not exceed the B2B rate, and an agreed damage clause is capped at EUR 20
(up to 150), 30 + 10 % of the part over 150 (up to 500), 65 + 5 % of the part over 500
(at most 2 000), due only after a free first reminder and a 14-day wait.

The law is silent on the day count, on the payment day and on how a claim spanning a
half-year is rated; the defaults are conventions the results report.

More information: eubelius.com "Le taux d'intérêt en cas de retard de paiement";
Moniteur belge notices (etaamb.openjustice.be); elegis.be on Book XIX.

>>> from datetime import date
>>> regime(contract_date=None, debtor=PartyKind.UNDERTAKING).rate_on(date(2024, 9, 1))
Decimal('0.125')
>>> regime(contract_date=date(2012, 5, 1), debtor=PartyKind.UNDERTAKING).rate_on(date(2014, 9, 1))
Decimal('0.075')
"""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal

from payterms.calendars import DayCount
from payterms.conventions import Compounding, Imputation, PartyKind, PaymentDay, RateSplit
from payterms.law._common import DAY_COUNT_365, PAYMENT_DAY_COUNTED, SEMESTER_SPLIT
from payterms.law._regime import FlatCompensation, Regime, ScaleCompensation, TermCaps
from payterms.law.findings import Case, Finding, Severity, over, public_term
from payterms.law.rates import Fixing, RateRounding, Switch, TableRate

__all__ = [
    "check",
    "TERM_CAPS",
    "COMPENSATION",
    "CONSUMER_COMPENSATION",
    "FORMULA",
    "RATE",
    "RATE_BEFORE_2013",
    "TRANSPOSITION",
    "regime",
]

TRANSPOSITION = _dt.date(2013, 3, 16)
"""Contracts concluded from this day get ECB + 8 (law of 22 November 2013)."""

OLD_CONTRACTS_SWITCH = _dt.date(2015, 3, 16)
"""Contracts concluded before 16 March 2013 move to the current rate on this day."""

RATE = TableRate("be_late_payment")
"""The published half-year rates for contracts concluded from 16 March 2013."""

RATE_BEFORE_2013 = Switch(TableRate("be_late_payment_before_2013"), RATE, OLD_CONTRACTS_SWITCH)
"""The published ECB + 7 rates until 15 March 2015, then the current rates."""

FORMULA = TableRate(
    "ecb_mro",
    margin=Decimal("0.08"),
    fixing=Fixing.SEMESTER_START,
    rounding=RateRounding.HALF_POINT_UP,
    derived=(
        "rate past the published Belgian table computed by the statutory formula: ECB "
        "rate + 8 points, rounded up to the next half point (law of 2 August 2002, art. 5)"
    ),
)
"""ECB + 8 points rounded up to the next half point, for days past the published table."""

COMPENSATION = FlatCompensation(
    Decimal(40),
    "law of 2 August 2002, art. 6 (EUR 40, without notice)",
    ("EUR 40 per late invoice; other reasonable recovery costs may be added",),
)

CONSUMER_COMPENSATION = ScaleCompensation(
    (
        (Decimal(150), Decimal(20), Decimal(0), Decimal(0)),
        (Decimal(500), Decimal(30), Decimal(10), Decimal(150)),
        (None, Decimal(65), Decimal(5), Decimal(500)),
    ),
    Decimal(2000),
    "Code of Economic Law art. XIX.4 (law of 4 May 2023)",
    (
        "consumer debt: the sum is the legal maximum of an expressly agreed damage clause, "
        "due only after a free first reminder and a 14-day wait (Book XIX CEL)",
    ),
)


CAPS_IN_FORCE = _dt.date(2022, 2, 1)
"""Contracts concluded from this day may not agree more than 60 days (law of 14 August 2021)."""

TERM_CAPS = TermCaps(
    days=60,
    void=True,
    public_days=30,
    public_max_days=60,
    counted_from="from receipt of the invoice",
    source="law of 2 August 2002, art. 4 (as amended by the law of 14 August 2021)",
)
"""The statutory caps on agreed payment terms."""


def regime(*, contract_date: _dt.date | None, debtor: PartyKind) -> Regime:
    """Return the Belgian regime for *debtor*; *contract_date* selects the 2013 transition."""
    old = contract_date is not None and contract_date < TRANSPOSITION
    rate = RATE_BEFORE_2013 if old else RATE
    silent = (DAY_COUNT_365, PAYMENT_DAY_COUNTED, SEMESTER_SPLIT)
    if debtor is PartyKind.CONSUMER:
        return Regime(
            code="BE",
            title="Belgium, consumer debts: Code of Economic Law Book XIX",
            debtor=debtor,
            contract_date=contract_date,
            currency="EUR",
            rate=RATE,
            formula=FORMULA,
            rate_split=RateSplit.SPLIT,
            compounding=Compounding.NONE,
            rate_rounding=RateRounding.HALF_POINT_UP,
            day_count=DayCount.ACT_365_FIXED,
            payment_day=PaymentDay.INCLUDED,
            imputation=Imputation.INTEREST_PRINCIPAL_COSTS,
            compensation=CONSUMER_COMPENSATION,
            maximum_rate=RATE,
            silent=(
                *silent,
                (
                    "rate",
                    "consumer debt: the B2B rate is the legal maximum (art. XIX.4 CEL); "
                    "a lower agreed rate applies instead (pass rate=)",
                ),
            ),
            sources=("Code of Economic Law Book XIX, art. XIX.4", "law of 2 August 2002, art. 5"),
            rate_rule="BE-consumer",
        )
    return Regime(
        code="BE",
        title="Belgium, law of 2 August 2002 on late payment in commercial transactions",
        debtor=debtor,
        contract_date=contract_date,
        currency="EUR",
        rate=rate,
        formula=FORMULA,
        rate_split=RateSplit.SPLIT,
        compounding=Compounding.NONE,
        rate_rounding=RateRounding.HALF_POINT_UP,
        day_count=DayCount.ACT_365_FIXED,
        payment_day=PaymentDay.INCLUDED,
        imputation=Imputation.INTEREST_PRINCIPAL_COSTS,
        compensation=COMPENSATION,
        term_caps=TERM_CAPS,
        silent=silent,
        sources=(
            "law of 2 August 2002, arts. 5 and 6 (as amended 22 November 2013 and 14 August 2021)",
            "former Civil Code art. 1254 (imputation)",
        ),
        rate_rule="BE",
        # contracts before 16 March 2013 kept the former + 7 rule until 15 March 2015
        rate_rule_from=OLD_CONTRACTS_SWITCH if old else None,
    )


def check(case: Case) -> list[Finding]:
    """Return the findings on agreed terms under art. 4 of the law of 2 August 2002."""
    wait, day = case.wait, case.day
    if case.public:
        return public_term(case, "BE-public", "law of 2 August 2002, art. 4 §2")
    if case.contract_date is None or case.contract_date >= CAPS_IN_FORCE:
        return over(
            wait,
            day,
            60,
            Severity.VIOLATION,
            "BE-max-60-days",
            TERM_CAPS.source,
            "since 1 February 2022 a B2B term may not exceed 60 days from receipt of the "
            "invoice; a longer clause is deemed unwritten",
        )
    if wait <= 60:
        return []
    return [
        Finding(
            Severity.INFO,
            "BE-before-2022",
            "law of 2 August 2002, art. 4 (before 1 February 2022)",
            f"the terms allow {wait} days; before 1 February 2022 the caps depended on "
            "the parties' size and the sources disagree (60 or 90 days); not checked",
            wait,
            None,
            day,
        )
    ]

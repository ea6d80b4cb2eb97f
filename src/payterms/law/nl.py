"""Netherlands: wettelijke handelsrente (art. 6:119a/b BW) and wettelijke rente (art. 6:119 BW).

Commercial debts (6:119a, public debtors 6:119b): the ECB rate of the most recent main
refinancing operation before the half-year + 8 points, **not rounded** (6:120 lid 2);
running interest moves to each half-year's rate on 1 January and 1 July, so a long
claim is split. Interest runs from the day after the last agreed payment day up to
**and including** the payment day ("tot en met"). After each full year the year's
interest is **added to the principal** (6:119a lid 3: yearly compounding on the
anniversary of the first interest day). A partial payment goes to costs, then
interest, then principal (6:44). Collection costs are at least EUR 40 (6:96 lid 4).
Contracts concluded before 16 March 2013 carried ECB + 7; whether they moved to + 8
is not confirmed, so no rate is given for them from that day.

Consumer debts (6:119): the wettelijke rente fixed by decree (6:120 lid 1), not a
formula (the published rate does not follow its stated method), also compounded
yearly; collection costs by the BIK staffel (min EUR 40, max EUR 6 775), due only
after a 14-day letter (6:96 lid 6).

The law fixes no day count; actual days / 365 is the common practice.

More information: Burgerlijk Wetboek Boek 6 arts. 6:44, 6:96, 6:119-6:120; Besluit
vergoeding voor buitengerechtelijke incassokosten (Stb. 2012).

>>> from datetime import date
>>> regime(contract_date=None, debtor=PartyKind.UNDERTAKING).rate_on(date(2024, 9, 1))
Decimal('0.1225')
>>> BIK_STAFFEL.amount(Decimal("10000"))
Decimal('875')
"""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal

from payterms.calendars import DayCount
from payterms.conventions import Compounding, Imputation, PartyKind, PaymentDay, RateSplit
from payterms.law._common import DAY_COUNT_365
from payterms.law._regime import FlatCompensation, Regime, StaffelCompensation, TermCaps
from payterms.law.findings import Case, Finding, Severity, over, public_term
from payterms.law.rates import Fixing, RateRounding, Switch, TableRate, Unconfirmed

__all__ = [
    "check",
    "TERM_CAPS",
    "BIK_STAFFEL",
    "COMPENSATION",
    "FORMULA",
    "RATE",
    "RATE_CONSUMER",
    "regime",
]

TRANSPOSITION = _dt.date(2013, 3, 16)
"""Directive 2011/7/EU in force in the Netherlands: ECB + 8 instead of + 7."""

RATE = TableRate("nl_handelsrente")
"""The half-year handelsrente (6:119a, 6:120 lid 2 BW)."""

RATE_BEFORE_2013 = Switch(
    RATE,
    Unconfirmed(
        "nl_handelsrente",
        TRANSPOSITION,
        "for contracts concluded before 16 March 2013 the move from ECB + 7 to ECB + 8 "
        "is not confirmed",
    ),
    TRANSPOSITION,
)
"""Contracts concluded before 16 March 2013: the table up to 15 March 2013, then no rate."""

RATE_CONSUMER = TableRate("nl_wettelijke_rente")
"""The wettelijke rente (6:119, 6:120 lid 1 BW), changed on the decree's dates."""

FORMULA = TableRate(
    "ecb_mro",
    margin=Decimal("0.08"),
    fixing=Fixing.SEMESTER_START,
    derived=(
        "rate past the published Dutch table computed by the statutory formula: ECB rate "
        "+ 8 points (art. 6:120 lid 2 BW)"
    ),
)
"""ECB + 8 points, for days past the published table."""

COMPENSATION = FlatCompensation(
    Decimal(40),
    "art. 6:96 lid 4 BW",
    ("EUR 40 is the minimum collection costs in a commercial transaction (art. 6:96 lid 4 "
     "BW); higher reasonable costs may be claimed",),
)  # fmt: skip

BIK_STAFFEL = StaffelCompensation(
    (
        (Decimal(2500), Decimal(15)),
        (Decimal(2500), Decimal(10)),
        (Decimal(5000), Decimal(5)),
        (Decimal(190000), Decimal(1)),
        (None, Decimal("0.5")),
    ),
    Decimal("40.00"),
    Decimal("6775.00"),
    "Besluit vergoeding voor buitengerechtelijke incassokosten, art. 2",
    (
        "consumer debt: collection costs by the BIK staffel are due only after a 14-day "
        "letter (art. 6:96 lid 6 BW); plus VAT if the creditor cannot deduct it",
    ),
)


TERM_CAPS = TermCaps(
    days=60,
    void=False,
    large_to_sme_days=30,
    public_days=30,
    public_max_days=60,
    counted_from="from receipt of the invoice or of the goods or services",
    source="art. 6:119a lid 5 and 6, 6:119b lid 5 BW",
)
"""The statutory caps on agreed payment terms."""


def regime(*, contract_date: _dt.date | None, debtor: PartyKind) -> Regime:
    """Return the Dutch regime for *debtor*; *contract_date* selects the 2013 transition."""
    consumer = debtor is PartyKind.CONSUMER
    rate: TableRate | Switch
    if consumer:
        rate = RATE_CONSUMER
    elif contract_date is not None and contract_date < TRANSPOSITION:
        rate = RATE_BEFORE_2013
    else:
        rate = RATE
    return Regime(
        code="NL",
        title=(
            "Netherlands, wettelijke rente (art. 6:119 BW)"
            if consumer
            else "Netherlands, wettelijke handelsrente (art. 6:119a/6:119b BW)"
        ),
        debtor=debtor,
        contract_date=contract_date,
        currency="EUR",
        rate=rate,
        formula=None if consumer else FORMULA,
        rate_split=RateSplit.SPLIT,
        compounding=Compounding.ANNUAL,
        rate_rounding=RateRounding.NONE,
        day_count=DayCount.ACT_365_FIXED,
        payment_day=PaymentDay.INCLUDED,
        imputation=Imputation.COSTS_INTEREST_PRINCIPAL,
        compensation=BIK_STAFFEL if consumer else COMPENSATION,
        term_caps=None if consumer else TERM_CAPS,
        silent=(DAY_COUNT_365,),
        sources=(
            "Burgerlijk Wetboek art. 6:119 lid 2, 6:119a, 6:119b, 6:120",
            "art. 6:44 BW (imputation)",
            "art. 6:96 BW; Besluit vergoeding voor buitengerechtelijke incassokosten",
        ),
        # contracts before 16 March 2013: the move from ECB + 7 to ECB + 8 is not confirmed
        rate_rule="NL-consumer" if consumer else None if rate is RATE_BEFORE_2013 else "NL",
    )


def check(case: Case) -> list[Finding]:
    """Return the findings on agreed terms under art. 6:119a lid 5-6 and 6:119b lid 5 BW."""
    wait, day, invoice_date = case.wait, case.day, case.invoice_date
    if case.public:
        return public_term(case, "NL-6:119b-5", "art. 6:119b lid 5 BW")
    large_to_sme = (
        case.buyer is PartyKind.LARGE
        and case.seller is PartyKind.SME
        and not (invoice_date is not None and invoice_date < _dt.date(2017, 7, 1))
    )
    old_contract = case.contract_date is not None and case.contract_date < _dt.date(2022, 7, 1)
    before_2023 = invoice_date is not None and invoice_date < _dt.date(2023, 7, 1)
    if large_to_sme and old_contract and before_2023:
        # the 2017 rule (Wet tegengaan onredelijk lange betaaltermijnen): 60 days
        return over(
            wait,
            day,
            60,
            Severity.VIOLATION,
            "NL-6:119a-6-large-to-sme",
            "art. 6:119a lid 6 BW (as in force from 1 July 2017)",
            "a large enterprise paying an SME could agree at most 60 days under a "
            "contract concluded before 1 July 2022, until 30 June 2023",
        )
    if large_to_sme:
        since = (
            "from 1 July 2023 for contracts concluded before 1 July 2022"
            if old_contract
            else "since 1 July 2022"
        )
        return over(
            wait,
            day,
            30,
            Severity.VIOLATION,
            "NL-6:119a-6-large-to-sme",
            "art. 6:119a lid 6 BW (Stb. 2022, 146)",
            f"a large enterprise paying an SME may agree at most 30 days {since}; a "
            "longer term is void and the statutory term applies",
        )
    return over(
        wait,
        day,
        60,
        Severity.WARNING,
        "NL-6:119a-5",
        "art. 6:119a lid 5 BW",
        "more than 60 days only if expressly agreed and not manifestly unfair",
    )

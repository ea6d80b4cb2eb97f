"""France: pénalités de retard (Code de commerce art. L441-10) and the EUR 40 indemnity.

Between professionals, late-payment penalties are due of right, without reminder, from
the day after the payment date on the invoice. Absent an agreed rate, the rate is the
ECB rate of its most recent refinancing operation + **10 points**, the rate in force on
1 January fixing the first half-year and on 1 July the second (no rounding). An agreed
rate may not be lower than **three times the taux de l'intérêt légal** (the "all other
cases" rate, art. L313-2 CMF): 3 × 4.22 = 12.66 % in H2 2023. The base includes VAT.
The fixed recovery indemnity is EUR 40 per invoice (art. D441-5). A partial payment
goes to interest (and costs, its accessories) before capital (C. civ. art. 1343-1);
interest is simple (capitalisation only under art. 1343-2, by contract or court).
Bpifrance's guidance divides by 365.

Consumer and public-authority debts follow other rules that payterms does not cover.

More information: Code de commerce arts. L441-9, L441-10, D441-5; Code monétaire et
financier arts. L313-2, D313-1-A; Code civil arts. 1343-1, 1343-2.

>>> from datetime import date
>>> r = regime(contract_date=None, debtor=PartyKind.UNDERTAKING)
>>> r.rate_on(date(2024, 9, 1)), r.minimum_rate.rate_on(date(2024, 9, 1))
(Decimal('0.1425'), Decimal('0.1476'))
"""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal

from payterms.calendars import DayCount
from payterms.conventions import Compounding, Imputation, PartyKind, PaymentDay, RateSplit
from payterms.errors import InvalidArgument
from payterms.law._common import PAYMENT_DAY_COUNTED, SEMESTER_SPLIT
from payterms.law._regime import FlatCompensation, Regime, TermCaps
from payterms.law.findings import Case, Finding, Mention, Severity
from payterms.law.rates import Fixing, RateRounding, TableRate
from payterms.rules import end_of_month

__all__ = [
    "MENTION_TEXT",
    "check",
    "TERM_CAPS",
    "COMPENSATION",
    "LEGAL_RATE",
    "MINIMUM_RATE",
    "RATE",
    "regime",
]

RATE = TableRate("ecb_mro", margin=Decimal("0.10"), fixing=Fixing.SEMESTER_START)
"""ECB rate in force on 1 January / 1 July + 10 points (art. L441-10 II)."""

LEGAL_RATE = TableRate("fr_legal_rate_professionals")
"""Taux de l'intérêt légal, "all other cases" (art. L313-2 CMF)."""

MINIMUM_RATE = TableRate("fr_legal_rate_professionals", multiplier=Decimal(3))
"""Three times the legal rate: the floor of an agreed rate (art. L441-10 II)."""

COMPENSATION = FlatCompensation(
    Decimal(40),
    "Code de commerce art. L441-10 II and D441-5",
    ("EUR 40 per late invoice, outside the scope of VAT; more on proof of higher costs",),
)


TERM_CAPS = TermCaps(
    days=60,
    void=True,
    end_of_month_days=45,
    public_days=30,
    public_max_days=60,
    counted_from="from the invoice issue date",
    source="Code de commerce art. L441-10 I",
)
"""The statutory caps on agreed payment terms."""


def regime(*, contract_date: _dt.date | None, debtor: PartyKind) -> Regime:
    """Return the French regime between professionals (*debtor* B2B)."""
    if debtor.regime_kind is not PartyKind.UNDERTAKING:
        raise InvalidArgument(
            "debtor",
            debtor,
            "B2B: French consumer and public-authority late interest is not covered",
        )
    return Regime(
        code="FR",
        title="France, pénalités de retard (Code de commerce art. L441-10)",
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
        imputation=Imputation.INTEREST_COSTS_PRINCIPAL,
        compensation=COMPENSATION,
        minimum_rate=MINIMUM_RATE,
        term_caps=TERM_CAPS,
        silent=(PAYMENT_DAY_COUNTED, SEMESTER_SPLIT),
        sources=(
            "Code de commerce arts. L441-10 II, D441-5",
            "Code monétaire et financier art. L313-2 (taux de l'intérêt légal)",
            "Code civil arts. 1343-1 (imputation), 1343-2 (capitalisation)",
        ),
        rate_rule="FR",
    )


def check(case: Case) -> list[Finding]:
    """Return the findings on agreed terms under Code de commerce arts. L441-9 and L441-10 I.

    Besides the caps, the payment mentions of art. L441-9 that *case* says the invoice
    lacks (all four are due, also without a discount: "none" must then be stated).
    """
    wait, day = case.wait, case.day
    if case.public:
        return [
            Finding(
                Severity.INFO,
                "FR-public",
                "Code de la commande publique",
                "terms of French public buyers follow public-procurement rules; not checked",
                wait,
                None,
                day,
            )
        ]
    article = "Code de commerce art. L441-10 I"
    found: list[Finding] = []
    if wait > 60:
        # 45 days end of month, either CEPC reading, as the alternative cap
        due_date = case.terms.due_date
        beyond = [
            d
            for d in case.invoice_dates
            if due_date(d, calendar=case.calendar)
            > max(end_of_month(d + _dt.timedelta(days=45)), end_of_month(d) + _dt.timedelta(45))
        ]
        if beyond:
            worst = beyond[0]
            found.append(
                Finding(
                    Severity.VIOLATION,
                    "FR-L441-10-max-term",
                    article,
                    f"the terms allow {wait} days (invoice of {day}); the maximum is 60 days "
                    "after the invoice date or 45 days end of month (on an invoice of "
                    f"{worst} even the 45-days-end-of-month cap is exceeded)",
                    wait,
                    60,
                    day,
                )
            )
        else:
            found.append(
                Finding(
                    Severity.WARNING,
                    "FR-L441-10-45-days-end-of-month",
                    article,
                    f"the terms allow {wait} days (invoice of {day}): more than 60 days, "
                    "lawful only as 45 days end of month expressly stipulated in the "
                    "contract and not manifestly abusive",
                    wait,
                    60,
                    day,
                )
            )
    if case.mentions is not None:
        for mention in sorted(set(Mention) - case.mentions, key=lambda m: m.value):
            found.append(
                Finding(
                    Severity.VIOLATION,
                    f"FR-L441-9-{mention.value}",
                    "Code de commerce art. L441-9",
                    f"the invoice lacks a mandatory mention: {mention.name.lower()} "
                    f"({MENTION_TEXT[mention]}); administrative fine up to EUR 75 000 "
                    "(natural person) or EUR 2 000 000 (legal person)",
                )
            )
    return found


MENTION_TEXT = {
    Mention.PAYMENT_DATE: "the payment date as day, month and year",
    Mention.DISCOUNT_CONDITIONS: "the early-payment discount conditions, or 'none'",
    Mention.PENALTY_RATE: "the late-payment penalty rate",
    Mention.RECOVERY_INDEMNITY: "the EUR 40 fixed recovery indemnity",
}
"""The wording of each mention of art. L441-9 in a finding."""

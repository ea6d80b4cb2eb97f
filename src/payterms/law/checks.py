"""Checks of agreed payment terms against the statutory maximum terms, with the articles.

:func:`check_terms` measures how long a :class:`~payterms.terms.PaymentTerms` lets the
buyer wait (for one invoice date, or the longest over every invoice date of two calendar
years, a leap year included) and compares it with the caps of a jurisdiction:

* EU Directive 2011/7/EU: 60 days between undertakings unless expressly agreed and not
  grossly unfair (art. 3(5)); public authorities 30 days, at most 60 (art. 4).
* FR Code de commerce art. L441-10 I: at most 60 days after the invoice date, or 45 days
  end of month if expressly stipulated (both CEPC readings of "45 jours fin de mois").
* BE law of 2 August 2002 (as amended 14 August 2021, from 1 February 2022): at most 60
  days from receipt of the invoice; a longer term is deemed unwritten.
* NL art. 6:119a lid 5 and 6 BW: 60 days unless expressly agreed and not manifestly
  unfair; a large enterprise paying an SME: at most 30 days since 1 July 2022 (for
  contracts concluded earlier, from 1 July 2023); public debtors (6:119b) 30, at most 60.
* DE § 271a BGB: more than 60 days after receipt only if expressly agreed and not grossly
  unfair; public contracting authorities more than 30 only if justified, never more
  than 60; § 308 Nr. 1a: more than 30 days in a non-consumer's standard terms is
  presumed unreasonable.
* LU loi du 18 avril 2004: 60 days, longer if not manifestly abusive; public 30, at most 60.
* UK Late Payment Act 1998 (2013 amendments): 60 days unless expressly agreed and not
  grossly unfair; public authorities 30 days.

For France it also lists the invoice mentions of art. L441-9 that are missing. Given an
agreed late-payment rate, it checks it against the regime's statutory floor or cap (FR:
at least three times the legal interest rate; BE consumer debts: at most the B2B rate),
read from the regime's rate tables (those a user brings with ``regime(..., tables=)``).

Each jurisdiction's caps and their check live in its module (:mod:`payterms.law.be`,
...), reached through the same table of country modules as :func:`payterms.law.regime`;
this module measures the terms once and hands the country's ``check`` a
:class:`~payterms.law.findings.Case`.

The days are counted from the date the terms start from (``terms.start``, usually the
invoice date); the laws count from different events (FR: invoice issue date; BE and the
Directive: receipt of the invoice; DE: receipt of the goods or services), which each
finding names.

>>> from datetime import date
>>> from payterms.terms import PaymentTerms
>>> [f.severity.name for f in check_terms(PaymentTerms.net(60), "FR")]
[]
>>> finding, = check_terms(PaymentTerms.net(75), "BE")
>>> finding.severity, finding.days, finding.limit
(<Severity.VIOLATION: 'violation'>, 75, 60)
>>> print(finding.article)
law of 2 August 2002, art. 4 (as amended by the law of 14 August 2021)
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable
from decimal import Decimal

from attrs import evolve

from payterms._checks import check_date, to_decimal
from payterms.calendars import BusinessCalendar
from payterms.charges import Charges, ContractRate
from payterms.conventions import PartyKind as PartyKind
from payterms.errors import InvalidArgument, InvalidType
from payterms.law._countries import country
from payterms.law._regime import Regime
from payterms.law.clauses import check_charges
from payterms.law.findings import SCAN_DAYS, Case
from payterms.law.findings import Finding as Finding
from payterms.law.findings import Mention as Mention
from payterms.law.findings import Severity as Severity
from payterms.terms import PaymentTerms

__all__ = ["check_terms"]
# Finding, Mention and Severity (payterms.law.findings) and PartyKind
# (payterms.conventions) stay importable from here as the same objects.


def _longest(
    terms: PaymentTerms, days: tuple[_dt.date, ...], calendar: BusinessCalendar | None
) -> tuple[int, _dt.date]:
    best = (-1, days[0])
    for day in days:
        wait = (terms.due_date(day, calendar=calendar) - day).days
        if wait > best[0]:
            best = (wait, day)
    return best


def _buyer_of(regime: Regime, buyer: PartyKind) -> PartyKind:
    """Return the buyer a regime's debtor stands for; refuse a buyer it contradicts."""
    if not isinstance(buyer, PartyKind):
        raise InvalidArgument("buyer", buyer, "a payterms.law.PartyKind member")
    if buyer.regime_kind is regime.debtor.regime_kind:
        return buyer
    if buyer is PartyKind.UNDERTAKING:  # the default: the regime says who owes
        return regime.debtor
    raise InvalidArgument(
        "buyer",
        buyer,
        f"a buyer the {regime.code} regime's debtor ({regime.debtor.value}) allows",
    )


def _penalty(case: Case, code: str, given: Regime | None, agreed: Decimal) -> tuple[Finding, ...]:
    """Return the findings on an agreed penalty rate, on the day after the due date.

    The rate is compared by :func:`payterms.law.check_charges` (a ``ContractRate`` clause)
    with the regime's statutory floor or cap on the first late day.
    """
    if case.invoice_date is None:
        return (
            Finding(
                Severity.INFO,
                f"{code}-rate-not-checked",
                "",
                "the agreed penalty rate is not checked: the statutory rates change every "
                "half-year, so it needs the invoice date (pass invoice_date=)",
            ),
        )
    day = case.terms.due_date(case.invoice_date, calendar=case.calendar) + _dt.timedelta(days=1)
    found = check_charges(
        Charges(rate=ContractRate(agreed)),
        given if given is not None else code,
        debtor=case.buyer,
        on=day,
    )
    return tuple(evolve(f, invoice_date=case.invoice_date) for f in found)


def check_terms(
    terms: PaymentTerms,
    jurisdiction: str | Regime,
    *,
    buyer: PartyKind = PartyKind.UNDERTAKING,
    seller: PartyKind = PartyKind.UNDERTAKING,
    contract_date: _dt.date | None = None,
    invoice_date: _dt.date | None = None,
    calendar: BusinessCalendar | None = None,
    mentions: Iterable[Mention] | None = None,
    penalty_rate: Decimal | int | str | None = None,
) -> tuple[Finding, ...]:
    """Return the findings on *terms* under the payment-term caps of *jurisdiction*.

    *jurisdiction* is a regime code or a :class:`~payterms.law.Regime` (one built with
    ``tables=`` checks rates against those tables; its debtor and contract date then
    stand for *buyer* and *contract_date*). *buyer* and *seller* are the kinds of the
    parties (the buyer is the debtor); *contract_date* selects transitional rules
    (``None``: a contract concluded under the rules in force today). Without
    *invoice_date* the longest wait over every invoice date of two years is checked.
    *calendar* is needed for business-day rules. *mentions* (FR only) are the payment
    mentions the invoice carries; the missing ones are reported. *penalty_rate* is the
    agreed late-payment rate (a yearly fraction): it is checked against the regime's
    statutory floor or cap on the day after the invoice's due date (FR: at least three
    times the legal interest rate, Code de commerce art. L441-10 II; BE consumer debts:
    at most the B2B rate, Code of Economic Law art. XIX.4), which needs *invoice_date*.
    An empty result means no cap is exceeded.

    >>> from payterms.terms import PaymentTerms
    >>> for f in check_terms(PaymentTerms.net(45), "NL", buyer=PartyKind.LARGE,
    ...                      seller=PartyKind.SME):
    ...     print(f.severity.name, f.code, f.limit)
    VIOLATION NL-6:119a-6-large-to-sme 30
    >>> from decimal import Decimal
    >>> finding, = check_terms(PaymentTerms.net(30), "FR", invoice_date=_dt.date(2024, 9, 2),
    ...                        penalty_rate=Decimal("0.10"))
    >>> print(finding.code, finding.message)
    FR-L441-10-penalty-floor the agreed rate (10 % a year, 10 % a year) is below three
    times the legal rate on 2024-10-03 (14.76 %): the floor applies
    """
    given: Regime | None = None
    if isinstance(jurisdiction, Regime):
        given = jurisdiction
        buyer = _buyer_of(given, buyer)
        if contract_date is None:
            contract_date = given.contract_date
        elif contract_date != given.contract_date:
            raise InvalidArgument(
                "contract_date",
                contract_date,
                f"the regime's contract date ({given.contract_date}) or None",
            )
        jurisdiction = given.code
    code, module = country(jurisdiction)
    for name, value in (("buyer", buyer), ("seller", seller)):
        if not isinstance(value, PartyKind):
            raise InvalidArgument(name, value, "a payterms.law.PartyKind member")
    if contract_date is not None:
        contract_date = check_date(contract_date, "contract_date")
    if invoice_date is not None:
        invoice_date = check_date(invoice_date, "invoice_date")
    agreed: Decimal | None = None
    if penalty_rate is not None:
        agreed = to_decimal(penalty_rate, "penalty_rate")
        if not 0 <= agreed <= 1:
            raise InvalidArgument(
                "penalty_rate", penalty_rate, "a yearly rate as a fraction, such as 0.12 for 12 %"
            )
    wanted: frozenset[Mention] | None = None
    if mentions is not None:
        try:
            wanted = frozenset(mentions)
        except TypeError:
            raise InvalidType("mentions", mentions, "an iterable of Mention members") from None
        if not all(isinstance(m, Mention) for m in wanted):
            raise InvalidArgument("mentions", mentions, "payterms.law.Mention members")

    if not isinstance(terms, PaymentTerms):
        raise InvalidType("terms", terms, "a payterms.PaymentTerms")
    days = (invoice_date,) if invoice_date is not None else SCAN_DAYS
    wait, day = _longest(terms, days, calendar)
    case = Case(
        terms=terms,
        wait=wait,
        day=day,
        invoice_dates=days,
        buyer=buyer,
        seller=seller,
        contract_date=contract_date,
        invoice_date=invoice_date,
        calendar=calendar,
        mentions=wanted,
    )
    rates = () if agreed is None else _penalty(case, code, given, agreed)
    if buyer is PartyKind.CONSUMER:
        return (
            *rates,
            Finding(
                Severity.INFO,
                f"{code}-consumer",
                "Directive 2011/7/EU art. 2(1)",
                "the statutory caps on agreed payment terms apply between undertakings and to "
                "public authorities, not to consumers; not checked",
                wait,
                None,
                day,
            ),
        )
    found: list[Finding] = [*rates, *module.check(case)]
    counted = module.TERM_CAPS.counted_from
    return tuple(
        evolve(f, message=f"{f.message} (the law counts {counted})") if f.limit else f
        for f in found
    )

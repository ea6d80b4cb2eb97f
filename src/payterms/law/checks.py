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

For France it also lists the invoice mentions of art. L441-9 that are missing.

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
from enum import Enum

from attrs import evolve, frozen

from payterms._checks import check_date, to_decimal
from payterms.calendars import BusinessCalendar
from payterms.errors import InvalidArgument, InvalidType, UnknownRegime
from payterms.law import be, de, eu, fr, lu, nl, uk
from payterms.law._regime import Debtor, Regime
from payterms.rules import end_of_month
from payterms.terms import PaymentTerms

__all__ = ["Finding", "Mention", "PartyKind", "Severity", "check_terms"]

_ONE_DAY = _dt.timedelta(days=1)
# Every invoice date of a leap year and the year after it: the longest wait a rule
# allows shows up on some day of these two years (month lengths 28-31, leap day).
_SCAN = tuple(_dt.date(2024, 1, 1) + _dt.timedelta(days=n) for n in range(731))


class Severity(Enum):
    """How serious a finding is.

    >>> Severity.VIOLATION.value
    'violation'
    """

    VIOLATION = "violation"
    """The term is void, deemed unwritten or sanctioned: the statutory term applies."""

    WARNING = "warning"
    """The term is lawful only under a condition the law names (expressly agreed, not
    grossly unfair, objectively justified) that payterms cannot verify."""

    INFO = "info"
    """Something the parties must know (which rule was not checked, and why)."""


class PartyKind(Enum):
    """What kind of party a buyer or seller is.

    >>> PartyKind.LARGE.value
    'large'
    """

    UNDERTAKING = "undertaking"
    """An undertaking of unknown size."""

    LARGE = "large"
    """A large enterprise (NL: "grote onderneming", BW 2:397 criteria)."""

    SME = "sme"
    """A small or medium-sized enterprise."""

    PUBLIC = "public"
    """A public authority (Directive 2011/7/EU art. 2(2); DE § 99 Nr. 1-3 GWB)."""

    CONSUMER = "consumer"
    """A natural person acting outside a trade."""


class Mention(Enum):
    """A payment mention that French invoices must carry (Code de commerce art. L441-9).

    >>> sorted(m.name for m in Mention)
    ['DISCOUNT_CONDITIONS', 'PAYMENT_DATE', 'PENALTY_RATE', 'RECOVERY_INDEMNITY']
    """

    PAYMENT_DATE = "payment_date"
    """The payment date as a calendar date (day, month, year), not a formula such as
    "30 jours fin de mois"."""

    DISCOUNT_CONDITIONS = "discount_conditions"
    """The conditions of a discount for early payment, or that there is none."""

    PENALTY_RATE = "penalty_rate"
    """The rate of the late-payment penalties, due the day after the payment date."""

    RECOVERY_INDEMNITY = "recovery_indemnity"
    """The amount of the fixed recovery indemnity (EUR 40, art. D441-5)."""


@frozen
class Finding:
    """One result of :func:`check_terms`: what, how serious, and the article behind it.

    *days* is the longest wait the terms allow (from the terms' start date) and
    *invoice_date* an invoice date on which it occurs; *limit* is the statutory cap.

    >>> from payterms.terms import PaymentTerms
    >>> check_terms(PaymentTerms.net(45), "DE", buyer=PartyKind.PUBLIC)[0].limit
    30
    """

    severity: Severity
    code: str
    article: str
    message: str
    days: int | None = None
    limit: int | None = None
    invoice_date: _dt.date | None = None


def _longest(
    terms: PaymentTerms, invoice_date: _dt.date | None, calendar: BusinessCalendar | None
) -> tuple[int, _dt.date]:
    days = (invoice_date,) if invoice_date is not None else _SCAN
    best = (-1, days[0])
    for day in days:
        wait = (terms.due_date(day, calendar=calendar) - day).days
        if wait > best[0]:
            best = (wait, day)
    return best


def _over(
    wait: int,
    day: _dt.date,
    limit: int,
    severity: Severity,
    code: str,
    article: str,
    what: str,
) -> list[Finding]:
    if wait <= limit:
        return []
    return [
        Finding(
            severity,
            code,
            article,
            f"the terms allow {wait} days (invoice of {day}); {what}",
            wait,
            limit,
            day,
        )
    ]


def _public(
    wait: int, day: _dt.date, code: str, article: str, *, hard: int | None = 60
) -> list[Finding]:
    found = []
    if hard is not None and wait > hard:
        found += _over(
            wait,
            day,
            hard,
            Severity.VIOLATION,
            code,
            article,
            f"a public authority may never agree more than {hard} days",
        )
    else:
        found += _over(
            wait,
            day,
            30,
            Severity.WARNING,
            code,
            article,
            "a public authority may agree more than 30 days only if expressly agreed and "
            "objectively justified",
        )
    return found


def _fr(
    terms: PaymentTerms,
    wait: int,
    day: _dt.date,
    invoice_date: _dt.date | None,
    calendar: BusinessCalendar | None,
    mentions: frozenset[Mention] | None,
) -> list[Finding]:
    article = "Code de commerce art. L441-10 I"
    found: list[Finding] = []
    if wait > 60:
        # 45 days end of month, either CEPC reading, as the alternative cap
        due_date = terms.due_date
        days = (invoice_date,) if invoice_date is not None else _SCAN
        beyond = [
            d
            for d in days
            if due_date(d, calendar=calendar)
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
    if mentions is not None:
        # all four, also without a discount: "none" must then be stated
        for mention in sorted(set(Mention) - mentions, key=lambda m: m.value):
            found.append(
                Finding(
                    Severity.VIOLATION,
                    f"FR-L441-9-{mention.value}",
                    "Code de commerce art. L441-9",
                    f"the invoice lacks a mandatory mention: {mention.name.lower()} "
                    f"({_MENTION_TEXT[mention]}); administrative fine up to EUR 75 000 "
                    "(natural person) or EUR 2 000 000 (legal person)",
                )
            )
    return found


_DEBTORS = {
    Debtor.B2B: (PartyKind.UNDERTAKING, PartyKind.LARGE, PartyKind.SME),
    Debtor.PUBLIC: (PartyKind.PUBLIC,),
    Debtor.CONSUMER: (PartyKind.CONSUMER,),
}

# The statutory bound on an agreed late-payment rate, per regime code: the article and what
# the bound is (the rates come from the regime's minimum_rate / maximum_rate rules).
_BOUNDS = {
    "FR": ("Code de commerce art. L441-10 II", "three times the legal interest rate"),
    "BE": ("Code of Economic Law art. XIX.4", "the B2B rate of the law of 2 August 2002"),
}


def _buyer_of(regime: Regime, buyer: PartyKind) -> PartyKind:
    """Return the buyer a regime's debtor stands for; refuse a buyer it contradicts."""
    kinds = _DEBTORS[regime.debtor]
    if buyer in kinds:
        return buyer
    if buyer is PartyKind.UNDERTAKING:  # the default: the regime says who owes
        return kinds[0]
    raise InvalidArgument(
        "buyer", buyer, f"a buyer the {regime.code} regime's debtor ({regime.debtor.value}) allows"
    )


def _percent(rate: Decimal) -> str:
    return f"{rate.scaleb(2).normalize():f}"


def _penalty(
    terms: PaymentTerms,
    code: str,
    given: Regime | None,
    agreed: Decimal,
    buyer: PartyKind,
    contract_date: _dt.date | None,
    invoice_date: _dt.date | None,
    calendar: BusinessCalendar | None,
) -> list[Finding]:
    """Return the findings on an agreed penalty rate against the regime's floor and cap."""
    article, bound = _BOUNDS.get(code, ("", "the statutory bound"))
    what = f"{code}-L441-10-II-penalty-rate" if code == "FR" else f"{code}-penalty-rate"
    regime = given
    if regime is None:
        debtor = next(d for d, kinds in _DEBTORS.items() if buyer in kinds)
        try:
            regime = _MODULES[code].regime(contract_date=contract_date, debtor=debtor)
        except InvalidArgument as exc:
            return [Finding(Severity.INFO, what, article or code,
                            f"the agreed penalty rate is not checked: {exc.expected}")]  # fmt: skip
    if regime.minimum_rate is None and regime.maximum_rate is None:
        return []  # the law leaves the agreed rate free
    if invoice_date is None:
        return [
            Finding(
                Severity.INFO,
                what,
                article,
                "the agreed penalty rate is not checked: its statutory bound changes every "
                "half-year, so it needs the invoice date (pass invoice_date=)",
            )
        ]
    day = terms.due_date(invoice_date, calendar=calendar) + _ONE_DAY
    found = []
    if regime.minimum_rate is not None:
        floor = regime.minimum_rate.rate_on(day)
        if agreed < floor:
            found.append(
                Finding(
                    Severity.VIOLATION,
                    what,
                    article,
                    f"the agreed penalty rate of {_percent(agreed)} % is below the statutory "
                    f"minimum of {_percent(floor)} % on {day}: {bound}",
                    invoice_date=invoice_date,
                )
            )
    if regime.maximum_rate is not None:
        cap = regime.maximum_rate.rate_on(day)
        if agreed > cap:
            found.append(
                Finding(
                    Severity.VIOLATION,
                    what,
                    article,
                    f"the agreed penalty rate of {_percent(agreed)} % is above the statutory "
                    f"maximum of {_percent(cap)} % on {day}: {bound}",
                    invoice_date=invoice_date,
                )
            )
    return found


_MENTION_TEXT = {
    Mention.PAYMENT_DATE: "the payment date as day, month and year",
    Mention.DISCOUNT_CONDITIONS: "the early-payment discount conditions, or 'none'",
    Mention.PENALTY_RATE: "the late-payment penalty rate",
    Mention.RECOVERY_INDEMNITY: "the EUR 40 fixed recovery indemnity",
}


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
    FR-L441-10-II-penalty-rate the agreed penalty rate of 10 % is below the statutory minimum
    of 14.76 % on 2024-10-03: three times the legal interest rate
    """
    given_regime: Regime | None = None
    if isinstance(jurisdiction, Regime):
        given_regime = jurisdiction
        buyer = _buyer_of(given_regime, buyer)
        if contract_date is None:
            contract_date = given_regime.contract_date
        elif contract_date != given_regime.contract_date:
            raise InvalidArgument(
                "contract_date",
                contract_date,
                f"the regime's contract date ({given_regime.contract_date}) or None",
            )
        jurisdiction = given_regime.code
    if not isinstance(jurisdiction, str):
        raise UnknownRegime(jurisdiction, _CODES)
    code = jurisdiction.strip().upper()
    code = "UK" if code == "GB" else code
    if code not in _CODES:
        raise UnknownRegime(jurisdiction, _CODES)
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
    wait, day = _longest(terms, invoice_date, calendar)
    found: list[Finding] = []
    if agreed is not None:
        found += _penalty(
            terms, code, given_regime, agreed, buyer, contract_date, invoice_date, calendar
        )
    if buyer is PartyKind.CONSUMER:
        return (
            *found,
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
    public = buyer is PartyKind.PUBLIC
    if code == "EU":
        article = "Directive 2011/7/EU art. 4" if public else "Directive 2011/7/EU art. 3(5)"
        if public:
            found += _public(wait, day, "EU-art-4-public", article)
        else:
            found += _over(
                wait,
                day,
                60,
                Severity.WARNING,
                "EU-art-3-5",
                article,
                "more than 60 days only if expressly agreed and not grossly unfair",
            )
    elif code == "FR":
        if public:
            found.append(
                Finding(
                    Severity.INFO,
                    "FR-public",
                    "Code de la commande publique",
                    "terms of French public buyers follow public-procurement rules; not checked",
                    wait,
                    None,
                    day,
                )
            )
        else:
            found += _fr(terms, wait, day, invoice_date, calendar, wanted)
    elif code == "BE":
        article = "law of 2 August 2002, art. 4 (as amended by the law of 14 August 2021)"
        if public:
            found += _public(wait, day, "BE-public", "law of 2 August 2002, art. 4 §2")
        elif contract_date is None or contract_date >= _dt.date(2022, 2, 1):
            found += _over(
                wait,
                day,
                60,
                Severity.VIOLATION,
                "BE-max-60-days",
                article,
                "since 1 February 2022 a B2B term may not exceed 60 days from receipt of the "
                "invoice; a longer clause is deemed unwritten",
            )
        elif wait > 60:
            found.append(
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
            )
    elif code == "NL":
        if public:
            found += _public(wait, day, "NL-6:119b-5", "art. 6:119b lid 5 BW")
        else:
            large_to_sme = (
                buyer is PartyKind.LARGE
                and seller is PartyKind.SME
                and not (invoice_date is not None and invoice_date < _dt.date(2017, 7, 1))
            )
            old_contract = contract_date is not None and contract_date < _dt.date(2022, 7, 1)
            before_2023 = invoice_date is not None and invoice_date < _dt.date(2023, 7, 1)
            if large_to_sme and old_contract and before_2023:
                # the 2017 rule (Wet tegengaan onredelijk lange betaaltermijnen): 60 days
                found += _over(
                    wait,
                    day,
                    60,
                    Severity.VIOLATION,
                    "NL-6:119a-6-large-to-sme",
                    "art. 6:119a lid 6 BW (as in force from 1 July 2017)",
                    "a large enterprise paying an SME could agree at most 60 days under a "
                    "contract concluded before 1 July 2022, until 30 June 2023",
                )
            elif large_to_sme:
                since = (
                    "from 1 July 2023 for contracts concluded before 1 July 2022"
                    if old_contract
                    else "since 1 July 2022"
                )
                found += _over(
                    wait,
                    day,
                    30,
                    Severity.VIOLATION,
                    "NL-6:119a-6-large-to-sme",
                    "art. 6:119a lid 6 BW (Stb. 2022, 146)",
                    f"a large enterprise paying an SME may agree at most 30 days {since}; a "
                    "longer term is void and the statutory term applies",
                )
            else:
                found += _over(
                    wait,
                    day,
                    60,
                    Severity.WARNING,
                    "NL-6:119a-5",
                    "art. 6:119a lid 5 BW",
                    "more than 60 days only if expressly agreed and not manifestly unfair",
                )
    elif code == "DE":
        installments = terms.installments
        if contract_date is not None and contract_date <= _dt.date(2014, 7, 28):
            found.append(
                Finding(
                    Severity.INFO,
                    "DE-271a-transition",
                    "Art. 229 § 34 EGBGB",
                    "§ 271a BGB applies only to obligations arising after 28 July 2014; not "
                    "checked",
                )
            )
        elif len(installments) > 1:
            found.append(
                Finding(
                    Severity.INFO,
                    "DE-271a-5-instalments",
                    "§ 271a(5) BGB",
                    "§ 271a BGB does not apply to agreements on instalments; not checked",
                )
            )
        elif public:
            found += _public(wait, day, "DE-271a-2", "§ 271a(2) BGB")
        else:
            found += _over(
                wait,
                day,
                60,
                Severity.WARNING,
                "DE-271a-1",
                "§ 271a(1) BGB",
                "more than 60 days after receipt of the goods or services only if expressly "
                "agreed and not grossly unfair",
            )
            found += _over(
                wait,
                day,
                30,
                Severity.INFO,
                "DE-308-1a",
                "§ 308 Nr. 1a BGB",
                "in the standard terms of a non-consumer buyer, more than 30 days after "
                "receipt is presumed unreasonable",
            )
    elif code == "LU":
        if public:
            found += _public(wait, day, "LU-public", "loi du 18 avril 2004 as amended 2013")
        else:
            found += _over(
                wait,
                day,
                60,
                Severity.WARNING,
                "LU-60-days",
                "loi du 18 avril 2004 as amended by the loi du 29 mars 2013",
                "more than 60 days only if not manifestly abusive to the creditor",
            )
    elif public:  # UK
        found += _public(
            wait, day, "UK-public", "Late Payment of Commercial Debts Regulations 2013", hard=None
        )
    else:
        found += _over(
            wait,
            day,
            60,
            Severity.WARNING,
            "UK-60-days",
            "Late Payment of Commercial Debts Regulations 2013",
            "more than 60 days only if expressly agreed and not grossly unfair",
        )
    counted = _CAPS[code].counted_from
    return tuple(
        evolve(f, message=f"{f.message} (the law counts {counted})") if f.limit else f
        for f in found
    )


_CAPS = {
    "BE": be.TERM_CAPS,
    "DE": de.TERM_CAPS,
    "EU": eu.TERM_CAPS,
    "FR": fr.TERM_CAPS,
    "LU": lu.TERM_CAPS,
    "NL": nl.TERM_CAPS,
    "UK": uk.TERM_CAPS,
}

_CODES: tuple[str, ...] = ("BE", "DE", "EU", "FR", "LU", "NL", "UK")

_MODULES = {"BE": be, "DE": de, "EU": eu, "FR": fr, "LU": lu, "NL": nl, "UK": uk}

"""What a check of agreed terms reports: findings, their severity, and the case checked.

:func:`payterms.law.check_terms` measures the terms once and hands the country module
of the jurisdiction (:mod:`payterms.law.be`, ...) a :class:`Case`; each country module
owns its caps and its ``check`` function, which returns :class:`Finding` values built
with the helpers below. One module per country, as python-stdnum keeps one module per
standard.

>>> from datetime import date
>>> over(75, date(2026, 1, 1), 60, Severity.VIOLATION, "BE-max-60-days", "art. 4", "at most 60")
[Finding(severity=<Severity.VIOLATION: 'violation'>, code='BE-max-60-days', article='art. 4',
         message='the terms allow 75 days (invoice of 2026-01-01); at most 60', days=75,
         limit=60, invoice_date=datetime.date(2026, 1, 1))]
"""

from __future__ import annotations

import datetime as _dt
from enum import Enum

from attrs import frozen

from payterms.calendars import BusinessCalendar
from payterms.conventions import PartyKind
from payterms.terms import PaymentTerms

__all__ = ["SCAN_DAYS", "Case", "Finding", "Mention", "Severity", "over", "public_term"]

SCAN_DAYS: tuple[_dt.date, ...] = tuple(
    _dt.date(2024, 1, 1) + _dt.timedelta(days=n) for n in range(731)
)
"""Every invoice date of a leap year and the year after it: the longest wait a rule
allows shows up on some day of these two years (month lengths 28-31, leap day)."""


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
    """One result of :func:`~payterms.law.check_terms`: what, how serious, and the article.

    *days* is the longest wait the terms allow (from the terms' start date) and
    *invoice_date* an invoice date on which it occurs; *limit* is the statutory cap.

    >>> from payterms.law import check_terms
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


@frozen(kw_only=True)
class Case:
    """The agreed terms as a country module's ``check`` sees them, measured once.

    *wait* is the longest wait the terms allow over *invoice_dates* (the one invoice
    date given, else :data:`SCAN_DAYS`) and *day* an invoice date on which it occurs;
    *mentions* are the payment mentions the invoice carries (``None``: not checked).

    >>> case = Case(terms=PaymentTerms.net(30), wait=30, day=_dt.date(2024, 1, 1),
    ...             invoice_dates=(_dt.date(2024, 1, 1),))
    >>> case.public, case.buyer
    (False, <PartyKind.UNDERTAKING: 'undertaking'>)
    """

    terms: PaymentTerms
    wait: int
    day: _dt.date
    invoice_dates: tuple[_dt.date, ...]
    buyer: PartyKind = PartyKind.UNDERTAKING
    seller: PartyKind = PartyKind.UNDERTAKING
    contract_date: _dt.date | None = None
    invoice_date: _dt.date | None = None
    calendar: BusinessCalendar | None = None
    mentions: frozenset[Mention] | None = None

    @property
    def public(self) -> bool:
        """Return whether the buyer is a public authority."""
        return self.buyer is PartyKind.PUBLIC


def over(
    wait: int,
    day: _dt.date,
    limit: int,
    severity: Severity,
    code: str,
    article: str,
    what: str,
) -> list[Finding]:
    """Return one finding if *wait* exceeds *limit*, else none.

    >>> over(30, _dt.date(2026, 1, 1), 60, Severity.WARNING, "X", "art. 1", "why")
    []
    """
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


def public_term(case: Case, code: str, article: str, *, hard: int | None = 60) -> list[Finding]:
    """Return the findings on a public authority's term: 30 days, never more than *hard*.

    Directive 2011/7/EU art. 4(3) and 4(6), as each country transposed it.

    >>> case = Case(terms=PaymentTerms.net(61), wait=61, day=_dt.date(2024, 1, 1),
    ...             invoice_dates=(_dt.date(2024, 1, 1),), buyer=PartyKind.PUBLIC)
    >>> [f.severity.name for f in public_term(case, "EU-art-4-public", "art. 4")]
    ['VIOLATION']
    """
    wait, day = case.wait, case.day
    if hard is not None and wait > hard:
        return over(
            wait,
            day,
            hard,
            Severity.VIOLATION,
            code,
            article,
            f"a public authority may never agree more than {hard} days",
        )
    return over(
        wait,
        day,
        30,
        Severity.WARNING,
        code,
        article,
        "a public authority may agree more than 30 days only if expressly agreed and "
        "objectively justified",
    )

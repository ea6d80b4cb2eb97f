"""The vocabulary of late interest, shared by the engine and the law.

The rules that differ between countries are enum members: :class:`RateSplit` (split
at 1 January / 1 July or one rate fixed at the start), :class:`Compounding` (Dutch
yearly compounding), :class:`PaymentDay`, :class:`Imputation` (which debt a partial
payment settles first), :class:`RateAssumption` (what to assume past a published
table) and :class:`Accrual` (per day, or per started month for an agreed clause);
:class:`PartyKind` names the kind of a party (the debtor of a regime, the buyer
and seller of :func:`payterms.law.check_terms`). :class:`RateSource` is anything that
gives an annual rate per day, and :class:`RegimeRules` is what
:func:`payterms.late_interest` reads from a regime.

This module sits below both :mod:`payterms.interest` (the engine) and
:mod:`payterms.law` (the regimes, which pick members of these enums and cite their
statutes), so imports flow one way. The same objects are reachable as
``payterms.interest.RateSplit`` and ``payterms.RateSplit``.

More information: Directive 2011/7/EU arts. 2-6; docs/late-interest.md compares the
rules of each country.

>>> from payterms.law import regime
>>> regime("NL").compounding, regime("UK").rate_split
(<Compounding.ANNUAL: 'annual'>, <RateSplit.FIXED_AT_START: 'fixed_at_start'>)
"""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal
from enum import Enum
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from payterms.calendars import Adjustment, DayCount

__all__ = [
    "Accrual",
    "Compensation",
    "Compounding",
    "Debtor",
    "Imputation",
    "PartyKind",
    "PaymentDay",
    "RateAssumption",
    "RateSegment",
    "RateSource",
    "RateSplit",
    "RegimeRules",
]


class RateSplit(Enum):
    """Which rate applies when a claim spans a rate change.

    >>> from payterms.law import regime
    >>> regime("UK").rate_split, regime("NL").rate_split
    (<RateSplit.FIXED_AT_START: 'fixed_at_start'>, <RateSplit.SPLIT: 'split'>)
    """

    SPLIT = "split"
    """Each interest day bears the rate in force on that day; the claim is split at
    every change (NL art. 6:120 lid 2 BW, DE § 288 BGB "jeweiliger Basiszinssatz")."""

    FIXED_AT_START = "fixed_at_start"
    """One rate for the whole claim: the rate in force on the first interest day (UK,
    Late Payment of Commercial Debts (Rate of Interest) (No. 3) Order 2002)."""


class Compounding(Enum):
    """Whether unpaid interest itself bears interest.

    >>> from payterms.law import regime
    >>> regime("NL").compounding, regime("DE").compounding
    (<Compounding.ANNUAL: 'annual'>, <Compounding.NONE: 'none'>)
    """

    NONE = "none"
    """Simple interest (Directive 2011/7/EU art. 2(6); DE § 289 BGB forbids compounding;
    BE, FR, UK)."""

    ANNUAL = "annual"
    """After each full year of interest, counted from the first interest day (its
    anniversary, not the calendar year), that year's unpaid interest is added to the
    base (NL art. 6:119 lid 2 and 6:119a lid 3 BW). A start on 29 February has its
    anniversary on 1 March."""


class PaymentDay(Enum):
    """Whether the payment day itself is an interest day.

    >>> from datetime import date
    >>> from payterms.interest import late_interest
    >>> late_interest(Decimal("36500"), due=date(2026, 1, 1), until=date(2026, 1, 11),
    ...               rate=Decimal("0.10"), payment_day=PaymentDay.EXCLUDED).periods[0].days
    9
    """

    INCLUDED = "included"
    """Interest runs up to and including the payment day ("tot en met", NL art. 6:119a
    BW; UK practice); a partial payment stops bearing interest the day after."""

    EXCLUDED = "excluded"
    """The payment day is not an interest day (one German practice)."""


class Imputation(Enum):
    """Which debt a partial payment settles first.

    >>> from payterms.law import regime
    >>> regime("DE").imputation
    <Imputation.COSTS_INTEREST_PRINCIPAL: 'costs_interest_principal'>
    """

    COSTS_INTEREST_PRINCIPAL = "costs_interest_principal"
    """Costs (the fixed compensation), then interest, then principal (NL art. 6:44 BW,
    DE § 367 BGB)."""

    INTEREST_COSTS_PRINCIPAL = "interest_costs_principal"
    """Interest, then costs as its accessories, then principal (FR C. civ. art. 1343-1;
    Cass. 1re civ. 7 February 1995, n° 92-14.216)."""

    INTEREST_PRINCIPAL_COSTS = "interest_principal_costs"
    """Interest, then principal; the fixed compensation is left to be claimed on its
    own (BE former C. civ. art. 1254)."""

    PRINCIPAL_INTEREST_COSTS = "principal_interest_costs"
    """Principal first, as many ledgers settle an invoice; an agreed order, not a
    statutory one."""

    @property
    def order(self) -> tuple[str, str, str]:
        """Return the three debts in the order a late payment settles them.

        >>> Imputation.COSTS_INTEREST_PRINCIPAL.order
        ('costs', 'interest', 'principal')
        """
        first, second, third = self.value.split("_")
        return first, second, third


class RateAssumption(Enum):
    """What to assume for days a rate table gives no confirmed rate for.

    Those are the days past a table's last day and the days of its unconfirmed rows
    (:class:`payterms.law.RateStatus`); without an assumption they raise
    :class:`~payterms.errors.RateNotPublished`.

    >>> from datetime import date
    >>> from payterms.interest import late_interest
    >>> res = late_interest(Decimal("1000"), due=date(2025, 12, 31), until=date(2026, 1, 31),
    ...                     regime="BE", assume=RateAssumption.CARRY_FORWARD)
    >>> res.periods[0].rate, res.assumptions[-1][:64]
    (Decimal('0.105'), 'be_late_payment rate from 2026-01-01 (10.5 %) is not confirmed b')
    """

    CARRY_FORWARD = "carry_forward"
    """An unconfirmed row's reported figure is used, else the last figure before it
    continues, also past the table's last day; the result says so in ``assumptions``."""

    STATUTORY_FORMULA = "statutory_formula"
    """The regime's statutory formula applied to the ECB rate table on the days its
    national table has no confirmed rate (for regimes that have one); the result says
    so in ``assumptions``."""


class Accrual(Enum):
    """How a rate turns into interest: per day, or a full month's rate per started month.

    >>> Accrual.PER_STARTED_MONTH.value
    'per_started_month'
    """

    DAILY = "daily"
    """Simple interest per interest day on the claim's day count (the statutory rule;
    a monthly agreed rate counts as twelve times that rate a year: with 30/360 a full
    month is exactly one month's rate, with actual/365 a 31-day month is 31/365 of the
    yearly rate)."""

    PER_STARTED_MONTH = "per_started_month"
    """A full month's rate (the annual rate / 12) for every month begun: from the first
    interest day, each month counted by the calendar (31 January + 1 month is 28 or 29
    February) that has started on or before the last interest day is charged in full on
    the amount unpaid when it starts (an agreed clause: invoiceninja#538,
    frappe/erpnext#9998 "3 % per 30 days")."""


class PartyKind(Enum):
    """What kind of party a debtor, buyer or seller is.

    A regime depends only on whether the debtor is an undertaking, a public authority
    or a consumer (``LARGE`` and ``SME`` debtors get the undertakings' regime); the
    checks of agreed terms also look at the size of both parties (NL: a large
    enterprise paying an SME). ``B2B`` is another name of ``UNDERTAKING``.

    >>> PartyKind.B2B is PartyKind.UNDERTAKING
    True
    >>> from payterms.law import regime
    >>> regime("NL", debtor=PartyKind.CONSUMER).title
    'Netherlands, wettelijke rente (art. 6:119 BW)'
    """

    UNDERTAKING = "undertaking"
    """An undertaking of unknown size: a commercial transaction (Directive 2011/7/EU
    art. 2(1))."""

    B2B = "undertaking"  # noqa: PIE796 - an alias: the deprecated spelling of Debtor.B2B
    """Deprecated: another name of ``UNDERTAKING``, as ``payterms.Debtor.B2B`` spelled it."""

    LARGE = "large"
    """A large enterprise (NL: "grote onderneming", BW 2:397 criteria)."""

    SME = "sme"
    """A small or medium-sized enterprise."""

    PUBLIC = "public"
    """A public authority (Directive 2011/7/EU arts. 2(2), 4; DE § 99 Nr. 1-3 GWB)."""

    CONSUMER = "consumer"
    """A natural person acting outside a trade (not covered by the Directive)."""

    @property
    def regime_kind(self) -> PartyKind:
        """Return the kind that selects a regime: ``LARGE`` and ``SME`` are undertakings.

        >>> PartyKind.SME.regime_kind
        <PartyKind.UNDERTAKING: 'undertaking'>
        """
        if self is PartyKind.LARGE or self is PartyKind.SME:
            return PartyKind.UNDERTAKING
        return self


Debtor = PartyKind
"""Deprecated: the former name of :class:`PartyKind` for a regime's debtor."""


RateSegment = tuple[_dt.date, Decimal, str | None]
"""``(first day, annual rate as a fraction, note or None)``: a stretch of one rate."""


class RateSource(Protocol):
    """Anything that gives an annual rate (a fraction) for each day of a stretch.

    >>> from payterms.law import regime
    >>> regime("BE").rate_source().rate_on(_dt.date(2024, 3, 1))  # ECB 4.5 + 8 points
    Decimal('0.125')
    """

    def rate_on(self, day: _dt.date) -> Decimal:
        """Return the rate in force on *day*."""
        ...  # pragma: no cover

    def rate_segments(self, start: _dt.date, stop: _dt.date) -> list[RateSegment]:
        """Return the stretches of ``[start, stop)``; the first one begins on *start*."""
        ...  # pragma: no cover


class Compensation(Protocol):
    """A fixed-compensation rule: the sum due for a late invoice, and its conditions."""

    @property
    def conditions(self) -> tuple[str, ...]:
        """Return the conditions the sum is due under, as notes for a result."""
        ...  # pragma: no cover

    def amount(self, debt: Decimal) -> Decimal:
        """Return the sum due for a late invoice of *debt*."""
        ...  # pragma: no cover


class RegimeRules(Protocol):
    """What :func:`payterms.late_interest` reads from a regime (:class:`payterms.law.Regime`).

    The engine depends on this description, not on :mod:`payterms.law`, so that the law
    can sit above it; any value with these attributes is a regime to the engine.
    """

    @property
    def code(self) -> str:
        """Return the regime's code ("BE")."""
        ...  # pragma: no cover

    @property
    def currency(self) -> str:
        """Return the currency of the regime's amounts."""
        ...  # pragma: no cover

    @property
    def rate_split(self) -> RateSplit:
        """Return how a claim spanning a rate change is rated."""
        ...  # pragma: no cover

    @property
    def compounding(self) -> Compounding:
        """Return whether unpaid interest bears interest."""
        ...  # pragma: no cover

    @property
    def day_count(self) -> DayCount:
        """Return the day-count convention."""
        ...  # pragma: no cover

    @property
    def payment_day(self) -> PaymentDay:
        """Return whether the payment day is an interest day."""
        ...  # pragma: no cover

    @property
    def imputation(self) -> Imputation:
        """Return the order in which a partial payment is imputed."""
        ...  # pragma: no cover

    @property
    def compensation(self) -> Compensation:
        """Return the fixed-compensation rule."""
        ...  # pragma: no cover

    @property
    def minimum_rate(self) -> RateSource | None:
        """Return the floor of an agreed rate, if the law sets one."""
        ...  # pragma: no cover

    @property
    def maximum_rate(self) -> RateSource | None:
        """Return the cap of an agreed rate, if the law sets one."""
        ...  # pragma: no cover

    @property
    def silent(self) -> tuple[tuple[str, str], ...]:
        """Return ``(topic, note)`` pairs for the rules the law leaves open."""
        ...  # pragma: no cover

    @property
    def due_adjustment(self) -> Adjustment:
        """Return how a due date that is not a business day moves."""
        ...  # pragma: no cover

    @property
    def due_adjustment_source(self) -> str:
        """Return the statute behind ``due_adjustment``."""
        ...  # pragma: no cover

    def rate_source(self, assume: RateAssumption | None = None) -> RateSource:
        """Return the statutory rate rule, extended past its table as *assume* says."""
        ...  # pragma: no cover

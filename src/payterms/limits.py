"""The limits of payterms: one documented set for the whole package.

Every input has a size beyond which it cannot mean anything on an invoice: an amount of
10**58, a term of 99 999 999 999 999 999 999 days, a wording of a million characters, a
date formula nested a thousand levels deep. payterms refuses such input at its entry
points with :class:`~payterms.errors.LimitExceeded` (an
:class:`~payterms.errors.InvalidArgument`, so a ``ValueError``) naming the limit, instead
of running out of precision, recursion or memory inside the standard library. The limits
are far above anything real, so that only nonsense meets them. This module holds only the
numbers; it imports nothing.

* :data:`MAX_AMOUNT_DIGITS`: digits before the decimal point of an amount, a rate, a
  percentage or any other number argument (amounts below 10**18, a quintillion in any
  currency: beyond any invoice or ledger);
* :data:`MAX_COUNT`: the number in one step of a date formula (``9999D``, ``9999M``), the
  days of a term read from wording, a dunning step's offset, an aging bucket's bound;
* :data:`MAX_DAYS`: the size of any whole-number argument (a count of days, business
  days, months or years): the days between the first and the last date;
* :data:`MAX_TEXT_LENGTH`: characters of a text to parse (wording, a date formula, a
  dunning ladder, aging buckets);
* :data:`MAX_CACHED_LENGTH`: characters of a text whose reading is memoised (a longer text
  is read each time, so that the caches stay small);
* :data:`MAX_DEPTH`: cut-offs nested in cut-offs in a date formula;
* :data:`MIN_YEAR`, :data:`MAX_YEAR`: the years of the dates a computation may reach (those
  of ``datetime.date``): a step past them is refused, never wrapped;
* :data:`MAX_SHOWN_LENGTH`: characters of a long input that an error message shows (its
  middle is elided; the error keeps the whole value as an attribute).

A limit met inside a text (a 20-digit day count, a cut-off nested nine deep) is reported
as a :class:`~payterms.errors.ParseError` at its position that names the limit.

>>> from datetime import date
>>> from decimal import Decimal
>>> from payterms import PaymentTerms
>>> PaymentTerms.net(30).schedule(date(2026, 1, 15), Decimal("1e58"))
Traceback (most recent call last):
payterms.errors.LimitExceeded: amount=Decimal('1E+58') is not accepted: expected at most 18
digits before the decimal point (payterms.limits.MAX_AMOUNT_DIGITS)
"""

from __future__ import annotations

__all__ = [
    "MAX_AMOUNT_DIGITS",
    "MAX_CACHED_LENGTH",
    "MAX_COUNT",
    "MAX_DAYS",
    "MAX_DEPTH",
    "MAX_SHOWN_LENGTH",
    "MAX_TEXT_LENGTH",
    "MAX_YEAR",
    "MIN_YEAR",
]

MAX_AMOUNT_DIGITS = 18
"""Digits before the decimal point of any number argument (so amounts below 10**18)."""

MAX_COUNT = 9999
"""Largest number in one step of a date formula (Business Central's limit for date formulas),
and the most days of a term read from wording or of a dunning step's offset."""

MAX_DAYS = 3_652_058
"""Largest whole-number argument, either sign: the days from 0001-01-01 to 9999-12-31."""

MAX_TEXT_LENGTH = 4096
"""Most characters of a text to parse (payment-term wording runs to a few hundred)."""

MAX_CACHED_LENGTH = 256
"""Most characters of a text whose parse is memoised."""

MAX_DEPTH = 8
"""Most cut-offs nested in one another in a date formula (SAP and prox terms use one)."""

MIN_YEAR = 1
"""First year of a date a computation may reach (``datetime.MINYEAR``)."""

MAX_YEAR = 9999
"""Last year of a date a computation may reach (``datetime.MAXYEAR``)."""

MAX_SHOWN_LENGTH = 120
"""Most characters of an input shown in an error message (the rest is elided)."""

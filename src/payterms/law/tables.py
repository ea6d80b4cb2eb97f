"""Published rate tables: sourced CSV files read once into frozen, searchable values.

Each file in ``payterms/law/data/`` holds one published series (the ECB rate, the
Belgian late-payment rate, the German Basiszinssatz, ...) as one row per published
change, ``valid_from`` inclusive, the rate written exactly as published (a string
turned into a :class:`~decimal.Decimal`, never a float). A comment header names the
publication (``title``, ``source``, ``url``, ``retrieved``, ``applies``) and the
last day the publications cover (``covers_until``). Asking for a day past that
raises :class:`~payterms.errors.RateNotPublished`: nothing is extrapolated.

A row's ``status`` says how the number is known (:class:`RateStatus`): read in a
publication, derived by the statutory formula from a published reference rate, or
unconfirmed (no rate shipped: asking for it raises).

>>> from datetime import date
>>> table = rate_table("de_basiszinssatz")
>>> table.rate_on(date(2020, 5, 1))
Decimal('-0.88')
>>> table.last_known
datetime.date(2026, 6, 30)
>>> table.rate_on(date(2026, 7, 1))
Traceback (most recent call last):
payterms.errors.RateNotPublished: no de_basiszinssatz rate published for 2026-07-01 ...
"""

from __future__ import annotations

import csv
import functools
from bisect import bisect_right
from datetime import date
from decimal import Decimal
from enum import Enum
from importlib.resources import files

from attrs import field, frozen

from payterms._checks import check_date
from payterms.errors import InvalidArgument, RateNotPublished

__all__ = ["TABLE_NAMES", "RateEntry", "RateStatus", "RateTable", "rate_table"]

TABLE_NAMES: tuple[str, ...] = (
    "be_late_payment",
    "be_late_payment_before_2013",
    "de_basiszinssatz",
    "ecb_mro",
    "fr_legal_rate_individuals",
    "fr_legal_rate_professionals",
    "lu_legal_rate",
    "nl_handelsrente",
    "nl_wettelijke_rente",
    "uk_reference_rate",
)
"""The names of the tables shipped in ``payterms/law/data/`` (file names without ``.csv``)."""

REQUIRED_HEADERS: tuple[str, ...] = (
    "title",
    "source",
    "url",
    "retrieved",
    "applies",
    "covers_until",
)
"""The provenance header keys every data file must carry."""


class RateStatus(Enum):
    """How a rate in a table is known."""

    PUBLISHED = "published"
    """Read in the publication named in the row (an official notice or a page quoting it)."""

    DERIVED = "derived"
    """Computed by the statutory formula from a published reference rate (the row says
    how); no publication of the number itself was read. Results that use it say so."""

    UNCONFIRMED = "unconfirmed"
    """No rate could be confirmed for the period: the row ships no number and asking for
    it raises :class:`~payterms.errors.RateNotPublished`."""


@frozen
class RateEntry:
    """One row of a rate table: *rate* (percent per annum) applies from *valid_from* on.

    >>> rate_table("ecb_mro").entry_on(date(2024, 1, 1))
    RateEntry(valid_from=datetime.date(2023, 9, 20), rate=Decimal('4.50'),
              status=<RateStatus.PUBLISHED: 'published'>, source='ECB key rates page')
    """

    valid_from: date
    rate: Decimal | None
    status: RateStatus
    source: str


@frozen
class RateTable:
    """A published rate series: entries sorted by ``valid_from``, covering up to *last_known*.

    Build one with :func:`rate_table`; ``entry_on`` and ``rate_on`` look a day up with
    :func:`bisect.bisect_right`, so a lookup costs O(log n).
    """

    name: str
    title: str
    source: str
    url: str
    retrieved: date
    applies: str
    last_known: date
    entries: tuple[RateEntry, ...]
    _starts: tuple[date, ...] = field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_starts", tuple(e.valid_from for e in self.entries))

    @property
    def first_known(self) -> date:
        """Return the first day the table covers (``valid_from`` of its first row)."""
        return self._starts[0]

    def entry_on(self, day: date) -> RateEntry:
        """Return the row in force on *day*; raise ``RateNotPublished`` outside the table.

        >>> rate_table("nl_wettelijke_rente").entry_on(date(2025, 3, 1))
        Traceback (most recent call last):
        payterms.errors.RateNotPublished: no nl_wettelijke_rente rate published for
        2025-03-01 (table covers 2011-07-01 to 2025-12-31); the rate from 2025-01-01 is
        unconfirmed: start date of the 6 % rate not confirmed
        """
        day = check_date(day, "day")
        index = bisect_right(self._starts, day) - 1
        if index < 0 or day > self.last_known:
            raise RateNotPublished(self.name, day, self.last_known, first_known=self.first_known)
        entry = self.entries[index]
        if entry.rate is None:
            raise RateNotPublished(
                self.name,
                day,
                self.last_known,
                first_known=self.first_known,
                detail=(
                    f"the rate from {entry.valid_from.isoformat()} is unconfirmed: {entry.source}"
                ),
            )
        return entry

    def rate_on(self, day: date) -> Decimal:
        """Return the rate (percent per annum, as published) in force on *day*.

        >>> rate_table("be_late_payment").rate_on(date(2025, 2, 14))
        Decimal('11.5')
        """
        rate = self.entry_on(day).rate
        assert rate is not None  # noqa: S101 - entry_on never returns an unconfirmed row
        return rate

    def change_dates(self, start: date, stop: date) -> tuple[date, ...]:
        """Return the ``valid_from`` dates *d* with ``start < d < stop``, in order.

        >>> rate_table("de_basiszinssatz").change_dates(date(2023, 1, 1), date(2024, 1, 1))
        (datetime.date(2023, 7, 1),)
        """
        lo = bisect_right(self._starts, start)
        hi = bisect_right(self._starts, stop - _ONE_DAY) if stop > start else lo
        return self._starts[lo:hi]


_ONE_DAY = date(2000, 1, 2) - date(2000, 1, 1)


def _parse(name: str, text: str) -> RateTable:
    headers: dict[str, str] = {}
    body: list[str] = []
    for line in text.splitlines():
        if line.startswith("#"):
            key, sep, value = line[1:].partition(":")
            if not sep:
                raise ValueError(f"{name}.csv: header line {line!r} has no 'key: value'")
            headers[key.strip()] = value.strip()
        elif line.strip():
            body.append(line)
    missing = [key for key in REQUIRED_HEADERS if key not in headers]
    if missing:
        raise ValueError(f"{name}.csv: missing header(s) {', '.join(missing)}")
    entries = []
    for row in csv.DictReader(body):
        status = RateStatus(row["status"])
        raw = row["rate"].strip()
        if (status is RateStatus.UNCONFIRMED) != (raw == ""):
            raise ValueError(f"{name}.csv: row {row!r}: an unconfirmed row has no rate")
        entries.append(
            RateEntry(
                valid_from=date.fromisoformat(row["valid_from"]),
                rate=Decimal(raw) if raw else None,
                status=status,
                source=row["source"],
            )
        )
    return RateTable(
        name=name,
        title=headers["title"],
        source=headers["source"],
        url=headers["url"],
        retrieved=date.fromisoformat(headers["retrieved"]),
        applies=headers["applies"],
        last_known=date.fromisoformat(headers["covers_until"]),
        entries=tuple(entries),
    )


@functools.cache
def rate_table(name: str) -> RateTable:
    """Return the shipped table *name* (see :data:`TABLE_NAMES`), read and parsed once.

    >>> rate_table("fr_legal_rate_professionals").rate_on(date(2024, 9, 30))
    Decimal('4.92')
    >>> rate_table("xx")
    Traceback (most recent call last):
    payterms.errors.InvalidArgument: name='xx' is not accepted: expected one of be_late_payment, ...
    """
    if name not in TABLE_NAMES:
        raise InvalidArgument("name", name, f"one of {', '.join(TABLE_NAMES)}")
    resource = files("payterms.law").joinpath("data", f"{name}.csv")
    return _parse(name, resource.read_text(encoding="utf-8"))

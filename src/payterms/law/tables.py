"""Rate tables: the sourced CSV files shipped with payterms, and the tables a user brings.

Each file in ``payterms/law/data/`` holds one published series (the ECB rate, the
Belgian late-payment rate, the German Basiszinssatz, ...) as one row per change,
``valid_from`` inclusive, the rate written exactly as published (a string turned into
a :class:`~decimal.Decimal`, never a float). A comment header names the publication
(``title``, ``source``, ``url``, ``retrieved``, ``applies``) and the last day the rows
cover (``covers_until``). Asking for a day past that raises
:class:`~payterms.errors.RateNotPublished`: nothing is extrapolated.

A row's ``status`` says how the number is known (:class:`RateStatus`): read in an
official publication, derived by the statutory formula from a published reference
rate, or unconfirmed (read only in secondary sources, or not found at all). An
unconfirmed row may carry the figure the secondary sources report; it is never used
unless the caller assumes it (:attr:`~payterms.interest.RateAssumption.CARRY_FORWARD`).

A user brings the rates published after a release as a CSV file in the same format
(:meth:`RateTable.from_csv`), lays it over a shipped table (:meth:`RateTable.merged`,
:meth:`RateTable.extended`) and hands it to :func:`payterms.law.regime` with
``tables=``. :func:`coverage` lists what every table covers.

>>> from datetime import date
>>> table = rate_table("de_basiszinssatz")
>>> table.rate_on(date(2020, 5, 1))
Decimal('-0.88')
>>> table.first_known, table.last_known
(datetime.date(2002, 1, 1), datetime.date(2026, 12, 31))
>>> table.rate_on(date(2026, 7, 1))
Traceback (most recent call last):
payterms.errors.RateNotPublished: no de_basiszinssatz rate published for 2026-07-01 ...
"""

from __future__ import annotations

import csv
import functools
import io
import itertools
import os
import re
from bisect import bisect_right
from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from decimal import Decimal
from enum import Enum
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

from attrs import evolve, field, frozen

from payterms._checks import check_date
from payterms._extras import frame, frame_html
from payterms.errors import InvalidArgument, InvalidType, RateNotPublished

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "TABLE_NAMES",
    "RateEntry",
    "RateStatus",
    "RateTable",
    "TableCoverage",
    "coverage",
    "rate_table",
]

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
"""The provenance header keys every shipped data file carries, in this order; a user
table needs only ``covers_until``."""

COLUMNS: tuple[str, ...] = ("valid_from", "rate", "status", "source")
"""The columns of a rate table file; a user table may stop after ``rate``."""

_ONE_DAY = timedelta(days=1)
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_RATE = re.compile(r"-?\d{1,2}(?:\.\d+)?")


class RateStatus(Enum):
    """How a rate in a table is known.

    >>> rate_table("ecb_mro").entries[-1].status
    <RateStatus.UNCONFIRMED: 'unconfirmed'>
    """

    PUBLISHED = "published"
    """Read in the publication named in the row (an official notice, the official
    table the file cites, or a page quoting the notice)."""

    DERIVED = "derived"
    """Computed by the statutory formula from a published reference rate (the row says
    how); no publication of the number itself was read. Results that use it say so."""

    UNCONFIRMED = "unconfirmed"
    """No publication confirms the rate for the period. The row may carry the figure
    secondary sources report (or the formula gives from an unconfirmed reference
    rate); asking for it raises :class:`~payterms.errors.RateNotPublished` unless the
    caller assumes it, and the result then says so."""


def _entry_rate(value: object) -> Decimal | None:
    if value is None:
        return None
    if not isinstance(value, Decimal):
        raise InvalidType("rate", value, "a Decimal percent per annum, or None")
    if not value.is_finite() or abs(value) >= 100:
        raise InvalidArgument("rate", value, "a percent per annum between -100 and 100")
    return value


@frozen
class RateEntry:
    """One row of a rate table: *rate* (percent per annum) applies from *valid_from* on.

    *origin* names the user table a row comes from (``None`` for the rows shipped with
    payterms); results that use such a row say so.

    >>> rate_table("ecb_mro").entry_on(date(2024, 1, 1))
    RateEntry(valid_from=datetime.date(2023, 9, 20), rate=Decimal('4.50'),
              status=<RateStatus.PUBLISHED: 'published'>, source='ECB key rates page',
              origin=None)
    """

    valid_from: date
    rate: Decimal | None = field(converter=_entry_rate)
    status: RateStatus
    source: str
    origin: str | None = field(default=None, kw_only=True)

    def __attrs_post_init__(self) -> None:
        check_date(self.valid_from, "valid_from")
        if not isinstance(self.status, RateStatus):
            raise InvalidArgument("status", self.status, "a payterms.law.RateStatus member")
        if self.rate is None and self.status is not RateStatus.UNCONFIRMED:
            raise InvalidArgument(
                "rate",
                None,
                f"a rate for a {self.status.value} row (only an unconfirmed row may have none)",
            )


@frozen
class TableCoverage:
    """What one rate table covers: its first and last day and how its rows are known.

    *confirmed_until* is the last day of the last row that gives a rate without any
    assumption (published or derived), ``None`` if there is none; *unconfirmed* lists
    the ``(first, last)`` days of the stretches whose rows are unconfirmed; *origins*
    names the user tables that supplied rows.

    >>> c = rate_table("be_late_payment").coverage()
    >>> c.first_day, c.last_day, c.last_status.value, c.confirmed_until
    (datetime.date(2013, 3, 16), datetime.date(2026, 12, 31), 'unconfirmed',
     datetime.date(2025, 6, 30))
    """

    name: str
    title: str
    first_day: date
    last_day: date
    last_valid_from: date
    last_status: RateStatus
    last_rate: Decimal | None
    confirmed_until: date | None
    unconfirmed: tuple[tuple[date, date], ...]
    origins: tuple[str, ...]
    retrieved: date | None
    url: str


@frozen(cache_hash=True)
class RateTable:
    """A rate series: entries sorted by ``valid_from``, covering up to *last_known*.

    Get a shipped table with :func:`rate_table`, read a user's with :meth:`from_csv`;
    ``entry_on`` and ``rate_on`` look a day up with :func:`bisect.bisect_right`, so a
    lookup costs O(log n). Rows must be strictly increasing by ``valid_from``, and the
    last one may not start after *last_known*.

    >>> RateTable.from_csv('''# covers_until: 2026-12-31
    ... valid_from,rate
    ... 2026-06-17,2.40''', name="ecb_mro").rate_on(date(2026, 9, 1))
    Decimal('2.40')
    """

    name: str
    title: str
    source: str
    url: str
    retrieved: date | None
    applies: str
    last_known: date
    entries: tuple[RateEntry, ...]
    _starts: tuple[date, ...] = field(init=False, repr=False, eq=False, hash=False)

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.entries, tuple) or not self.entries:
            raise InvalidArgument("entries", self.entries, "a non-empty tuple of RateEntry")
        if not all(isinstance(e, RateEntry) for e in self.entries):
            raise InvalidType("entries", self.entries, "a tuple of payterms.law.RateEntry")
        check_date(self.last_known, "last_known")
        starts = tuple(e.valid_from for e in self.entries)
        for before, after in itertools.pairwise(starts):
            if after <= before:
                raise InvalidArgument(
                    "entries", after.isoformat(), f"rows in increasing order after {before}"
                )
        if starts[-1] > self.last_known:
            raise InvalidArgument(
                "last_known", self.last_known, f"a day on or after the last row ({starts[-1]})"
            )
        object.__setattr__(self, "_starts", starts)

    @property
    def first_known(self) -> date:
        """Return the first day the table covers (``valid_from`` of its first row)."""
        return self._starts[0]

    def entry_on(self, day: date, *, unconfirmed: bool = False) -> RateEntry:
        """Return the row in force on *day*; raise ``RateNotPublished`` where it has no rate.

        Outside the table, and on an unconfirmed row, this raises; with
        *unconfirmed* true an unconfirmed row is returned instead.

        >>> rate_table("nl_wettelijke_rente").entry_on(date(2025, 3, 1))
        Traceback (most recent call last):
        payterms.errors.RateNotPublished: no nl_wettelijke_rente rate published for
        2025-03-01 (table covers 2011-07-01 to 2026-06-30); the rate from 2025-01-01 is
        unconfirmed (6 %: ...
        >>> rate_table("nl_wettelijke_rente").entry_on(date(2025, 3, 1), unconfirmed=True).rate
        Decimal('6')
        """
        day = check_date(day, "day")
        index = bisect_right(self._starts, day) - 1
        if index < 0 or day > self.last_known:
            raise RateNotPublished(self.name, day, self.last_known, first_known=self.first_known)
        entry = self.entries[index]
        if entry.status is RateStatus.UNCONFIRMED and not unconfirmed:
            raise RateNotPublished(
                self.name,
                day,
                self.last_known,
                first_known=self.first_known,
                detail=unconfirmed_reason(entry),
            )
        return entry

    def rate_on(self, day: date) -> Decimal:
        """Return the rate (percent per annum, as published) in force on *day*.

        >>> rate_table("be_late_payment").rate_on(date(2024, 9, 14))
        Decimal('12.5')
        """
        rate = self.entry_on(day).rate
        assert rate is not None  # noqa: S101 - entry_on never returns an unconfirmed row
        return rate

    def figure_before(self, day: date) -> RateEntry | None:
        """Return the last row starting on or before *day* that carries a figure, if any.

        >>> rate_table("nl_wettelijke_rente").figure_before(date(2099, 1, 1)).rate
        Decimal('4')
        """
        index = bisect_right(self._starts, check_date(day, "day")) - 1
        while index >= 0 and self.entries[index].rate is None:
            index -= 1
        return self.entries[index] if index >= 0 else None

    def change_dates(self, start: date, stop: date) -> tuple[date, ...]:
        """Return the ``valid_from`` dates *d* with ``start < d < stop``, in order.

        >>> rate_table("de_basiszinssatz").change_dates(date(2023, 1, 1), date(2024, 1, 1))
        (datetime.date(2023, 7, 1),)
        """
        lo = bisect_right(self._starts, start)
        hi = bisect_right(self._starts, stop - _ONE_DAY) if stop > start else lo
        return self._starts[lo:hi]

    @property
    def confirmed_until(self) -> date | None:
        """Return the last day of the last row with a published or derived rate, if any.

        >>> rate_table("ecb_mro").confirmed_until
        datetime.date(2025, 6, 10)
        """
        for i in range(len(self.entries) - 1, -1, -1):
            if self.entries[i].status is not RateStatus.UNCONFIRMED:
                if i + 1 < len(self.entries):
                    return self._starts[i + 1] - _ONE_DAY
                return self.last_known
        return None

    def coverage(self) -> TableCoverage:
        """Return what the table covers: first and last day, its last row and its gaps.

        >>> rate_table("uk_reference_rate").coverage().confirmed_until
        datetime.date(2024, 6, 30)
        """
        gaps: list[tuple[date, date]] = []
        for i, entry in enumerate(self.entries):
            if entry.status is not RateStatus.UNCONFIRMED:
                continue
            last = self._starts[i + 1] - _ONE_DAY if i + 1 < len(self._starts) else self.last_known
            if gaps and gaps[-1][1] + _ONE_DAY == entry.valid_from:
                gaps[-1] = (gaps[-1][0], last)
            else:
                gaps.append((entry.valid_from, last))
        last_entry = self.entries[-1]
        return TableCoverage(
            name=self.name,
            title=self.title,
            first_day=self.first_known,
            last_day=self.last_known,
            last_valid_from=last_entry.valid_from,
            last_status=last_entry.status,
            last_rate=last_entry.rate,
            confirmed_until=self.confirmed_until,
            unconfirmed=tuple(gaps),
            origins=tuple(dict.fromkeys(e.origin for e in self.entries if e.origin)),
            retrieved=self.retrieved,
            url=self.url,
        )

    def merged(self, user: RateTable) -> RateTable:
        """Return this table with *user*'s rows laid over the days *user* covers.

        From the first ``valid_from`` of *user* to its ``last_known``, only *user*'s
        rows apply (a user row wins from its ``valid_from``); outside that span this
        table's rows stay, and the row in force the day after *user* ends takes over
        again. Days between the two tables that neither covers get an unconfirmed row
        without a figure. A user row equal to the row it replaces (same day, rate and
        status) keeps the shipped row, so repeating the shipped rows changes nothing.

        >>> user = RateTable.from_csv('''# covers_until: 2026-12-31
        ... valid_from,rate,status,source
        ... 2026-06-17,2.40,published,ECB press release of 11 June 2026''', name="ecb_mro")
        >>> merged = rate_table("ecb_mro").merged(user)
        >>> merged.last_known, merged.entry_on(date(2026, 9, 1)).origin
        (datetime.date(2026, 12, 31), 'CSV text')
        >>> merged.entry_on(date(2024, 1, 1)) == rate_table("ecb_mro").entry_on(date(2024, 1, 1))
        True
        """
        if not isinstance(user, RateTable):
            raise InvalidType("user", user, "a payterms.law.RateTable")
        start, end = user.first_known, user.last_known
        rows: list[RateEntry] = [e for e in self.entries if e.valid_from < start]
        if start > self.last_known + _ONE_DAY:
            rows.append(_gap(self.last_known + _ONE_DAY, self.name, start))
        own = {e.valid_from: e for e in self.entries}
        for entry in user.entries:
            kept = own.get(entry.valid_from)
            same = kept is not None and kept.rate == entry.rate and kept.status is entry.status
            rows.append(kept if same and kept is not None else entry)
        resume = end + _ONE_DAY
        if resume <= self.last_known:
            if resume < self.first_known:
                rows.append(_gap(resume, self.name, self.first_known))
                rows.extend(self.entries)
            else:
                current = self.entries[bisect_right(self._starts, resume) - 1]
                if current.valid_from == resume:
                    rows.append(current)
                elif rows[-1] is not current:  # the shipped row goes on where the user's ends
                    rows.append(evolve(current, valid_from=resume))
                rows.extend(e for e in self.entries if e.valid_from > resume)
        return evolve(self, last_known=max(self.last_known, end), entries=_collapse(rows))

    def extended(
        self,
        rows: Iterable[RateEntry],
        *,
        covers_until: date | None = None,
        origin: str = "user rows",
    ) -> RateTable:
        """Return this table with *rows* laid over it from the first row's ``valid_from``.

        *rows* are :class:`RateEntry` values (their ``origin`` is set to *origin* where
        empty); *covers_until* is the last day they cover, by default this table's
        last day (a row starting later needs one). See :meth:`merged`.

        >>> from decimal import Decimal
        >>> row = RateEntry(date(2026, 6, 17), Decimal("2.40"), RateStatus.PUBLISHED,
        ...                 "ECB press release of 11 June 2026")
        >>> rate_table("ecb_mro").extended([row], covers_until=date(2026, 12, 31)).rate_on(
        ...     date(2026, 12, 1))
        Decimal('2.40')
        """
        try:
            given = tuple(rows)
        except TypeError:
            raise InvalidType("rows", rows, "an iterable of payterms.law.RateEntry") from None
        if not given:
            raise InvalidArgument("rows", rows, "at least one RateEntry")
        entries = tuple(
            e if e.origin else evolve(e, origin=origin)
            for e in (
                r if isinstance(r, RateEntry) else _not_entry(i, r) for i, r in enumerate(given)
            )
        )
        last = self.last_known if covers_until is None else check_date(covers_until, "covers_until")
        user = RateTable(
            name=self.name,
            title=self.title,
            source=origin,
            url="",
            retrieved=None,
            applies=self.applies,
            last_known=last,
            entries=entries,
        )
        return self.merged(user)

    @classmethod
    def from_csv(cls, source: str | os.PathLike[str], *, name: str | None = None) -> RateTable:
        r"""Return the table read from a CSV file (a path) or CSV text, checked line by line.

        The format is the shipped one: ``# key: value`` comment lines first (``title``,
        ``source``, ``url``, ``retrieved``, ``applies``, ``covers_until``; only
        ``covers_until``, the last day the rows cover, is required), then the column
        header ``valid_from,rate,status,source`` (``status`` and ``source`` may be left
        out: the rows are then ``published`` and cite the file), then one row per change
        in increasing order. A date is written ``YYYY-MM-DD``; a rate is percent per
        annum written as a plain decimal number such as ``2.15`` or ``-0.88``; a field
        with a comma is quoted. *source* is CSV text when it is a ``str`` holding a line
        break, otherwise a path (a UTF-8 file; the byte-order mark a spreadsheet writes
        first is skipped). *name* defaults to the file name without ``.csv``.

        Raises:
            InvalidArgument: named ``line N``, for the first line that breaks a rule (a
                missing header, an unsorted or repeated ``valid_from``, a rate such as
                ``1e-2`` or ``2,15``, a malformed or impossible date, text in the rate
                column, a row of the wrong length); no line is skipped.

        >>> RateTable.from_csv("valid_from,rate\n2026-07-01,1e-2\n")
        Traceback (most recent call last):
        payterms.errors.InvalidArgument: line 2='2026-07-01,1e-2' is not accepted: ...

        """
        if isinstance(source, str) and ("\n" in source or "\r" in source):
            text, origin = source, "CSV text"
            default_name = "user"
        elif isinstance(source, (str, os.PathLike)):
            path = Path(source)
            try:
                text = path.read_text(encoding="utf-8-sig")  # a spreadsheet's BOM too
            except (OSError, UnicodeDecodeError) as exc:
                raise InvalidArgument(
                    "source", str(source), f"a readable UTF-8 file ({exc})"
                ) from None
            origin = str(source)
            default_name = path.name.removesuffix(".csv")
        else:
            raise InvalidType("source", source, "CSV text (a str with line breaks) or a path")
        if name is not None and (not isinstance(name, str) or not name.strip()):
            raise InvalidArgument("name", name, "a table name such as 'ecb_mro'")
        return _parse(name or default_name, text.removeprefix("\ufeff"), origin=origin)

    def to_frame(self) -> pd.DataFrame:
        """Return the rows, one per publication (needs the ``[pandas]`` extra).

        Columns: ``valid_from``, ``rate`` (in percent as published, a Decimal; None on an
        unconfirmed row without a figure), ``status``, ``source`` and ``origin``.

        >>> RateTable.from_csv('''# covers_until: 2026-12-31
        ... valid_from,rate
        ... 2026-06-17,2.40''', name="ecb_mro").to_frame()[["valid_from", "rate"]]
           valid_from  rate
        0  2026-06-17  2.40
        """
        rows = self.entries
        return frame(
            "RateTable.to_frame",
            {
                "valid_from": [e.valid_from for e in rows],
                "rate": [e.rate for e in rows],
                "status": [e.status for e in rows],
                "source": [e.source for e in rows],
                "origin": [e.origin for e in rows],
            },
        )

    def _repr_html_(self) -> str | None:
        return frame_html(self)

    def to_csv(self) -> str:
        """Return the table as CSV text in the shipped format (read back by :meth:`from_csv`).

        >>> print(rate_table("lu_legal_rate").to_csv().splitlines()[-1])
        2024-01-01,4.50,published,https://mj.gouvernement.lu/fr/service-citoyens/taux-interet-legal.html
        """
        lines = [
            f"# title: {self.title}",
            f"# source: {self.source}",
            f"# url: {self.url}",
            f"# retrieved: {self.retrieved.isoformat() if self.retrieved else ''}",
            f"# applies: {self.applies}",
            f"# covers_until: {self.last_known.isoformat()}",
            ",".join(COLUMNS),
        ]
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        for e in self.entries:
            rate = "" if e.rate is None else str(e.rate)
            writer.writerow((e.valid_from.isoformat(), rate, e.status.value, e.source))
        return "\n".join(lines) + "\n" + out.getvalue()


def _not_entry(index: int, value: object) -> RateEntry:
    raise InvalidType(f"rows[{index}]", value, "a payterms.law.RateEntry")


def _gap(day: date, name: str, until: date) -> RateEntry:
    return RateEntry(
        day,
        None,
        RateStatus.UNCONFIRMED,
        f"no rate: neither the {name} table nor the user table covers the days before {until}",
    )


def _collapse(rows: list[RateEntry]) -> tuple[RateEntry, ...]:
    out: list[RateEntry] = []
    for row in rows:
        if out and out[-1].valid_from == row.valid_from:
            out[-1] = row
        else:
            out.append(row)
    return tuple(out)


def unconfirmed_reason(entry: RateEntry) -> str:
    """Return why an unconfirmed row has no rate, with the figure it reports if any.

    >>> unconfirmed_reason(rate_table("ecb_mro").entries[-1])  # doctest: +ELLIPSIS
    'the rate from 2026-06-17 is unconfirmed (2.40 %: reported only by the press: ...)'
    """
    figure = "" if entry.rate is None else f"{entry.rate} %: "
    return f"the rate from {entry.valid_from} is unconfirmed ({figure}{entry.source})"


def _refuse(line: int, text: str, expected: str) -> InvalidArgument:
    return InvalidArgument(f"line {line}", text, expected)


def _day(value: str, line: int, text: str, what: str) -> date:
    if not _DAY.fullmatch(value):
        raise _refuse(line, text, f"{what} written YYYY-MM-DD")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise _refuse(line, text, f"{what}: a real calendar day written YYYY-MM-DD") from None


_KNOWN_HEADERS = frozenset(REQUIRED_HEADERS)


def _parse(name: str, text: str, *, origin: str | None = None) -> RateTable:
    """Return the table in *text*; *origin* None means a shipped file (all headers needed)."""
    shipped = origin is None
    headers: dict[str, str] = {}
    header_lines: dict[str, int] = {}
    columns: tuple[str, ...] | None = None
    header_at = 0
    entries: list[RateEntry] = []
    lines: list[tuple[int, str]] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#"):
            if columns is not None:
                raise _refuse(number, raw, "comment lines only before the column header")
            key, sep, value = line[1:].partition(":")
            key = key.strip()
            if not sep or key not in _KNOWN_HEADERS:
                raise _refuse(
                    number,
                    raw,
                    f"a header line '# key: value' with key one of {', '.join(REQUIRED_HEADERS)}",
                )
            if key in headers:
                raise _refuse(number, raw, f"one '# {key}:' line")
            headers[key] = value.strip()
            header_lines[key] = number
            continue
        if columns is None:
            head = tuple(f.strip() for f in next(csv.reader([line])))
            if head not in (COLUMNS[:2], COLUMNS[:3], COLUMNS):
                raise _refuse(
                    number,
                    raw,
                    "the column header valid_from,rate,status,source (status and "
                    "source may be left out)",
                )
            columns = head
            header_at = number
            continue
        lines.append((number, raw))
    if shipped:
        missing = [key for key in REQUIRED_HEADERS if key not in headers]
        if missing:
            raise InvalidArgument(
                f"{name}.csv", name, f"the missing header(s) {', '.join(missing)}"
            )
    if columns is None:
        raise InvalidArgument(
            "line 1", text[:60], "the column header valid_from,rate,status,source"
        )
    if not lines:
        raise _refuse(header_at, ",".join(columns), "at least one row after the column header")
    if "covers_until" not in headers:
        raise InvalidArgument(
            "line 1",
            text.splitlines()[0] if text else "",
            "a '# covers_until: YYYY-MM-DD' header line: the last day the rows cover",
        )
    default_source = headers.get("source") or origin or name
    previous: date | None = None
    for number, raw in lines:
        try:
            row = [f.strip() for f in next(csv.reader([raw]))]
        except csv.Error as exc:
            raise _refuse(number, raw, f"a CSV row ({exc})") from None
        if len(row) != len(columns):
            raise _refuse(
                number,
                raw,
                f"{len(columns)} fields ({','.join(columns)}); quote a source that "
                "holds a comma, and write a rate with a decimal point",
            )
        valid_from = _day(row[0], number, raw, "valid_from")
        if previous is not None and valid_from <= previous:
            raise _refuse(
                number,
                raw,
                f"a valid_from after {previous} (rows in increasing order, each day once)",
            )
        previous = valid_from
        status = RateStatus.PUBLISHED
        if len(columns) > 2:
            try:
                status = RateStatus(row[2])
            except ValueError:
                raise _refuse(number, raw, "a status: published, derived or unconfirmed") from None
        raw_rate = row[1]
        if raw_rate == "":
            if status is not RateStatus.UNCONFIRMED:
                raise _refuse(
                    number,
                    raw,
                    f"a rate for a {status.value} row (only an unconfirmed row may leave it empty)",
                )
            rate = None
        elif not _RATE.fullmatch(raw_rate):
            raise _refuse(
                number,
                raw,
                "a rate in percent per annum between -100 and 100 written as a "
                "plain decimal number such as 2.15 or -0.88 (no exponent, no decimal comma, "
                "no text)",
            )
        else:
            rate = Decimal(raw_rate)
        source = row[3] if len(columns) > 3 and row[3] else default_source
        entries.append(RateEntry(valid_from, rate, status, source, origin=origin))
    covers = _day(
        headers["covers_until"],
        header_lines["covers_until"],
        f"# covers_until: {headers['covers_until']}",
        "covers_until",
    )
    if covers < entries[-1].valid_from:
        raise _refuse(
            header_lines["covers_until"],
            f"# covers_until: {headers['covers_until']}",
            f"covers_until on or after the last row's valid_from ({entries[-1].valid_from})",
        )
    retrieved: date | None = None
    if headers.get("retrieved"):
        retrieved = _day(
            headers["retrieved"],
            header_lines["retrieved"],
            f"# retrieved: {headers['retrieved']}",
            "retrieved",
        )
    return RateTable(
        name=name,
        title=headers.get("title") or f"{name} (user table)",
        source=default_source,
        url=headers.get("url", ""),
        retrieved=retrieved,
        applies=headers.get("applies") or "from valid_from inclusive until the next row",
        last_known=covers,
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


@functools.lru_cache(maxsize=64)  # bounded: a user may build many tables
def merged_table(name: str, user: RateTable) -> RateTable:
    r"""Return the shipped table *name* with *user* laid over it (:meth:`RateTable.merged`).

    >>> user = RateTable.from_csv("# covers_until: 2026-12-31\nvalid_from,rate\n"
    ...                           "2026-07-01,1.52\n", name="de_basiszinssatz")
    >>> merged_table("de_basiszinssatz", user).rate_on(date(2026, 9, 1))
    Decimal('1.52')
    """
    return rate_table(name).merged(user)


def coverage(tables: Mapping[str, RateTable] | None = None) -> tuple[TableCoverage, ...]:
    """Return the coverage of every shipped table, each with *tables*' rows laid over it.

    *tables* maps a shipped table's name to a user table (as for
    :func:`payterms.law.regime`).

    >>> for c in coverage()[:3]:
    ...     print(c.name, c.first_day, c.last_day, c.last_status.value, c.confirmed_until)
    be_late_payment 2013-03-16 2026-12-31 unconfirmed 2025-06-30
    be_late_payment_before_2013 2012-07-01 2015-03-15 published 2015-03-15
    de_basiszinssatz 2002-01-01 2026-12-31 unconfirmed 2026-06-30
    """
    given = check_tables(tables)
    return tuple(
        (merged_table(name, given[name]) if name in given else rate_table(name)).coverage()
        for name in TABLE_NAMES
    )


def check_tables(tables: object) -> dict[str, RateTable]:
    """Return *tables* as a dict after checking it maps shipped table names to tables.

    >>> check_tables({"nope": rate_table("ecb_mro")})
    Traceback (most recent call last):
    payterms.errors.InvalidArgument: tables='nope' is not accepted: expected ...
    """
    if tables is None:
        return {}
    if not isinstance(tables, Mapping):
        raise InvalidType("tables", tables, "a mapping of table names to payterms.law.RateTable")
    out: dict[str, RateTable] = {}
    for key, value in tables.items():
        if key not in TABLE_NAMES:
            raise InvalidArgument(
                "tables", key, f"the name of a shipped table: one of {', '.join(TABLE_NAMES)}"
            )
        if not isinstance(value, RateTable):
            raise InvalidType(f"tables[{key!r}]", value, "a payterms.law.RateTable")
        out[key] = value
    return out

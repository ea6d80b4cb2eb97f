"""Errors raised by payterms.

Every error payterms raises on purpose derives from :class:`PaytermsError` and
also from the closest builtin, so ``except ValueError`` and ``except LookupError``
keep working for callers who think in builtins. Each error keeps the offending
values as attributes, so callers never have to parse a message::

    * PaytermsError
      - InvalidArgument       (ValueError)   an argument outside its accepted range
        - InvalidTerms                       payment terms that cannot be built or applied
        - ParseError                         text that cannot be read (text, position)
        - CurrencyMismatch                   amounts in different currencies combined
        - LimitExceeded                      beyond one of payterms.limits (limit)
        - InvalidDocument                    an e-invoice whose XML cannot be read (element, value)
      - InvalidType           (TypeError)    a float amount, a datetime where a date is expected
      - UnknownCurrency       (LookupError)  code not in the ISO 4217 table
      - UnknownCalendar       (LookupError)  country, subdivision or market not known
      - UnknownRegime         (LookupError)  legal regime code not known
      - OutsideCalendarRange  (LookupError)  calendar asked about a year it cannot cover
      - RateNotPublished      (LookupError)  no published rate in the table for that date
      - MissingExtra          (ImportError)  an optional extra (numpy, pandas, plot) is missing

    * PaytermsWarning         (UserWarning)  base of every warning payterms emits

>>> from payterms.errors import PaytermsError, UnknownCurrency
>>> try:
...     raise UnknownCurrency("XYZ")
... except LookupError as exc:
...     print(exc, "|", isinstance(exc, PaytermsError), "|", exc.code)
unknown currency code 'XYZ' (expected an ISO 4217 code such as 'EUR') | True | XYZ
"""

from __future__ import annotations

from datetime import date
from typing import Any

from payterms.limits import MAX_SHOWN_LENGTH

__all__ = [
    "CurrencyMismatch",
    "InvalidArgument",
    "InvalidDocument",
    "InvalidTerms",
    "InvalidType",
    "LimitExceeded",
    "MissingExtra",
    "OutsideCalendarRange",
    "ParseError",
    "PaytermsError",
    "PaytermsWarning",
    "RateNotPublished",
    "UnknownCalendar",
    "UnknownCurrency",
    "UnknownRegime",
]


def shown(value: Any) -> str:
    """Return ``repr(value)``, its middle elided when longer than MAX_SHOWN_LENGTH characters.

    A message names the offending value; a megabyte of text is named by its two ends and
    its length (the error keeps the whole value as an attribute).

    >>> shown("net 30")
    "'net 30'"
    >>> text = shown("x" * 1000)
    >>> len(text), text[:4], text[-20:]
    (123, "'xxx", "x' (1000 characters)")
    """
    if isinstance(value, str) and len(value) > MAX_SHOWN_LENGTH:
        head, tail = MAX_SHOWN_LENGTH // 2, MAX_SHOWN_LENGTH // 3
        return f"{value[:head]!r}...{value[-tail:]!r} ({len(value)} characters)".replace(
            "'...'", "..."
        )
    if isinstance(value, int) and value.bit_length() > 4 * MAX_SHOWN_LENGTH:
        # repr() of an int over 4300 digits raises; its size is what matters here
        sign = "-" if value < 0 else ""
        return f"{sign}<an int of about {int(value.bit_length() * 0.30103) + 1} digits>"
    text = repr(value)
    if len(text) > MAX_SHOWN_LENGTH:
        head, tail = MAX_SHOWN_LENGTH // 2, MAX_SHOWN_LENGTH // 3
        return f"{text[:head]}...{text[-tail:]} ({len(text)} characters)"
    return text


class PaytermsError(Exception):
    """Base class of every error payterms raises on purpose."""


class PaytermsWarning(UserWarning):
    """Base class of every warning payterms emits."""


class InvalidArgument(PaytermsError, ValueError):
    """An argument's value is outside what the function accepts.

    Attributes:
        name: the argument's name.
        value: the offending value.
        expected: a short description of what is accepted.

    """

    def __init__(self, name: str, value: Any, expected: str) -> None:
        super().__init__(f"{name}={shown(value)} is not accepted: expected {expected}")
        self.name = name
        self.value = value
        self.expected = expected


class InvalidTerms(InvalidArgument):
    """Payment terms (or one of their parts) that cannot be built or applied as given."""


class LimitExceeded(InvalidArgument):
    """An input beyond one of the package's limits; *limit* is its name in :mod:`payterms.limits`.

    >>> err = LimitExceeded("text", "x" * 5000, "at most 4096 characters", "MAX_TEXT_LENGTH")
    >>> err.limit, isinstance(err, ValueError)
    ('MAX_TEXT_LENGTH', True)
    >>> print(LimitExceeded("count", 10**20, "a number from 0 to 9999", "MAX_COUNT"))
    count=100000000000000000000 is not accepted: expected a number from 0 to 9999
    (payterms.limits.MAX_COUNT)
    """

    def __init__(self, name: str, value: Any, expected: str, limit: str) -> None:
        super().__init__(name, value, f"{expected} (payterms.limits.{limit})")
        self.limit = limit


class CurrencyMismatch(InvalidArgument):
    """Amounts in different currencies were combined.

    >>> print(CurrencyMismatch("EUR", "GBP"))
    cannot combine amounts in 'EUR' and 'GBP'
    """

    def __init__(self, left: str, right: str) -> None:
        PaytermsError.__init__(self, f"cannot combine amounts in {left!r} and {right!r}")
        self.name = "currency"
        self.value = right
        self.expected = repr(left)
        self.left = left
        self.right = right


class InvalidDocument(InvalidArgument):
    """An e-invoice document (XML) that cannot be read: *element* holds *value*.

    *element* names the XML element (with its EN 16931 business term where there is one),
    *value* the text found there and *expected* what the specification allows.

    >>> err = InvalidDocument("ram:CalculationPercent", "2,5", "a number with a decimal point")
    >>> print(err)
    ram:CalculationPercent='2,5' cannot be read: expected a number with a decimal point
    >>> err.element
    'ram:CalculationPercent'
    """

    def __init__(self, element: str, value: Any, expected: str) -> None:
        PaytermsError.__init__(
            self, f"{element}={shown(value)} cannot be read: expected {expected}"
        )
        self.name = element
        self.element = element
        self.value = value
        self.expected = expected


class ParseError(InvalidArgument):
    """Text that cannot be read; *position* is the 0-based index of the unreadable part.

    >>> err = ParseError("net 3O", 4, "a number of days", suggestion="30")
    >>> print(err)
    cannot read 'net 3O' at position 4 ('3O'): expected a number of days (did you mean '30'?)
    >>> err.position
    4
    """

    def __init__(
        self,
        text: str,
        position: int,
        expected: str,
        *,
        suggestion: str | None = None,
    ) -> None:
        word = _word_at(text, position)
        where = f" at position {position}" + (f" ({shown(word)})" if word else "")
        hint = f" (did you mean {shown(suggestion)}?)" if suggestion else ""
        PaytermsError.__init__(self, f"cannot read {shown(text)}{where}: expected {expected}{hint}")
        self.name = "text"
        self.value = text
        self.expected = expected
        self.text = text
        self.position = position
        self.word = word
        self.suggestion = suggestion


def _word_at(text: str, position: int) -> str:
    """Return the word of *text* at *position* (up to the next space), at most 2x shown length."""
    if not 0 <= position < len(text):
        return ""
    end = text.find(" ", position, position + 2 * MAX_SHOWN_LENGTH)
    return text[position : position + 2 * MAX_SHOWN_LENGTH if end < 0 else end]


class InvalidType(PaytermsError, TypeError):
    """An argument has a type payterms refuses (a float amount, a datetime for a date).

    >>> print(InvalidType("amount", 1.5, "a Decimal, int or str"))
    amount=1.5 has type float: expected a Decimal, int or str
    """

    def __init__(self, name: str, value: Any, expected: str) -> None:
        super().__init__(
            f"{name}={shown(value)} has type {type(value).__name__}: expected {expected}"
        )
        self.name = name
        self.value = value
        self.expected = expected


class UnknownCurrency(PaytermsError, LookupError):
    """A currency code that is not in payterms' ISO 4217 minor-unit table."""

    def __init__(self, code: object) -> None:
        super().__init__(
            f"unknown currency code {code!r} (expected an ISO 4217 code such as 'EUR')"
        )
        self.code = code

    def __str__(self) -> str:  # LookupError would otherwise repr() the message
        return str(self.args[0])


class UnknownCalendar(PaytermsError, LookupError):
    """A country, subdivision or market that no holiday calendar is known for."""

    def __init__(self, code: object, detail: str) -> None:
        super().__init__(f"no business calendar for {code!r}: {detail}")
        self.code = code
        self.detail = detail

    def __str__(self) -> str:
        return str(self.args[0])


class UnknownRegime(PaytermsError, LookupError):
    """A legal regime code that payterms does not know."""

    def __init__(self, code: object, known: tuple[str, ...]) -> None:
        super().__init__(f"unknown legal regime {code!r} (known: {', '.join(known)})")
        self.code = code
        self.known = known

    def __str__(self) -> str:
        return str(self.args[0])


class OutsideCalendarRange(PaytermsError, LookupError):
    """A calendar was asked about a day outside the years it can cover."""

    def __init__(self, day: date, first_year: int, last_year: int, calendar: str = "") -> None:
        name = f" {calendar}" if calendar else ""
        super().__init__(
            f"{day.isoformat()} is outside the calendar{name} range ({first_year}-{last_year})"
        )
        self.day = day
        self.first_year = first_year
        self.last_year = last_year
        self.calendar = calendar

    def __str__(self) -> str:
        return str(self.args[0])


class RateNotPublished(PaytermsError, LookupError):
    """No confirmed rate covers *on*; the table runs from *first_known* to *last_known*.

    *detail* says why (an unconfirmed row, the end of the table). Unless *remedy* is
    false, the message names both ways out: an assumption the result records
    (``assume=RateAssumption.CARRY_FORWARD``, or ``STATUTORY_FORMULA`` where the regime
    has a formula over the ECB rate behind a national table: never for a gap in the ECB
    table itself), or the published rates brought as a table (``tables=`` of
    :func:`payterms.law.regime`). *formula* says whether the regime asking has that
    formula: ``True`` or ``False`` when a regime's rule raised (the formula is named, or
    not), ``None`` for a rule outside a regime (named with its condition).

    >>> err = RateNotPublished("ecb_mro", date(2027, 1, 4), date(2026, 6, 17))
    >>> print(err)
    no ecb_mro rate published for 2027-01-04 (table covers up to 2026-06-17); to go on,
    pass assume=RateAssumption.CARRY_FORWARD (the result records the assumption), or
    bring the published rates with tables={'ecb_mro': RateTable.from_csv(...)}
    (payterms.law.coverage() lists every table)
    >>> print(RateNotPublished("be_late_payment", date(2027, 1, 4), date(2026, 12, 31)))
    no be_late_payment rate published for 2027-01-04 (table covers up to 2026-12-31); to
    go on, pass assume=RateAssumption.CARRY_FORWARD (or STATUTORY_FORMULA where the
    regime has a formula over the ECB rate: Regime.formula) (the result records the
    assumption), or bring the published rates with
    tables={'be_late_payment': RateTable.from_csv(...)} (payterms.law.coverage() lists
    every table)
    >>> print(RateNotPublished("uk_reference_rate", date(2027, 1, 4), date(2026, 12, 31),
    ...                        formula=False))
    no uk_reference_rate rate published for 2027-01-04 (table covers up to 2026-12-31); to
    go on, pass assume=RateAssumption.CARRY_FORWARD (the result records the assumption), or
    bring the published rates with tables={'uk_reference_rate': RateTable.from_csv(...)}
    (payterms.law.coverage() lists every table)
    >>> err.table, err.last_known
    ('ecb_mro', datetime.date(2026, 6, 17))
    """

    def __init__(
        self,
        table: str,
        on: date,
        last_known: date,
        *,
        first_known: date | None = None,
        detail: str = "",
        remedy: bool = True,
        formula: bool | None = None,
    ) -> None:
        span = (
            f"{first_known.isoformat()} to {last_known.isoformat()}"
            if first_known is not None
            else f"up to {last_known.isoformat()}"
        )
        extra = f"; {detail}" if detail else ""
        # a formula over the ECB rate fills a national table's gap, never the ECB table's
        if table == "ecb_mro" or formula is False:
            statutory = ""
        elif formula:
            statutory = " (or STATUTORY_FORMULA: the regime's formula over the ECB rate)"
        else:
            statutory = (
                " (or STATUTORY_FORMULA where the regime has a formula over the ECB rate: "
                "Regime.formula)"
            )
        ways = (
            f"; to go on, pass assume=RateAssumption.CARRY_FORWARD{statutory} (the result "
            "records the assumption), or bring the published rates with "
            f"tables={{{table!r}: RateTable.from_csv(...)}} (payterms.law.coverage() lists "
            "every table)"
            if remedy
            else ""
        )
        super().__init__(
            f"no {table} rate published for {on.isoformat()} (table covers {span}){extra}{ways}"
        )
        self.table = table
        self.on = on
        self.first_known = first_known
        self.last_known = last_known
        self.detail = detail
        self.remedy = remedy
        self.formula = formula

    def __str__(self) -> str:
        return str(self.args[0])


class MissingExtra(PaytermsError, ImportError):
    """A function needs an optional dependency that is not installed; *extra* installs it.

    *module* names the dependency when it differs from the extra's name.

    >>> print(MissingExtra("due_dates", "pandas"))
    due_dates needs pandas: install it with `pip install payterms[pandas]`
    >>> print(MissingExtra("plot_aging", "plot", module="matplotlib"))
    plot_aging needs matplotlib: install it with `pip install payterms[plot]`
    """

    def __init__(self, what: str, extra: str, *, module: str | None = None) -> None:
        needed = extra if module is None else module
        super().__init__(f"{what} needs {needed}: install it with `pip install payterms[{extra}]`")
        self.what = what
        self.extra = extra
        self.module = needed

    def __str__(self) -> str:
        return str(self.args[0])

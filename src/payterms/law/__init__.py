"""Statutory late-payment regimes: EU, BE, FR, NL, DE, LU and UK, with sourced rate tables.

:func:`regime` returns a frozen :class:`Regime` for a jurisdiction, a kind of debtor
and, where a transition depends on it, the contract date: its rate rule (a published
rate table, or a formula over the ECB rate), how a claim spanning a rate change is
rated, compounding, the day count, whether the payment day counts, the order in which
a partial payment is imputed and the fixed recovery compensation. Hand it to
:func:`payterms.late_interest`.

:func:`check_terms` checks agreed payment terms against the statutory caps and
:func:`check_charges` checks contractual late charges against the statutory floors and
caps, each finding citing its article.

Each jurisdiction lives in its own module (:mod:`payterms.law.be`, ...) with the
statutes it follows: its regime, its caps on agreed payment terms and their check
(:func:`check_terms`), reached through one table of country modules. The published
rates live in CSV files under ``payterms/law/data/`` with their sources
(:mod:`payterms.law.tables`). A day without a confirmed rate raises
:class:`~payterms.errors.RateNotPublished`; ``regime(code, tables=...)`` reads the
tables a user brings instead, and :func:`coverage` lists what every table covers.

>>> from datetime import date
>>> from decimal import Decimal
>>> be = regime("BE")
>>> be.rate_on(date(2025, 2, 14)), be.compensation.amount(Decimal("1000"))
(Decimal('0.115'), Decimal('40'))
>>> regime("DE", contract_date=date(2014, 7, 1)).rate_on(date(2014, 9, 1))
Decimal('0.0727')
>>> regime("XX")
Traceback (most recent call last):
payterms.errors.UnknownRegime: unknown legal regime 'XX' (known: BE, DE, EU, FR, LU, NL, UK)
"""

from __future__ import annotations

import datetime as _dt
import functools
from collections.abc import Mapping

from payterms._checks import check_date
from payterms.conventions import Debtor, PartyKind
from payterms.errors import InvalidArgument
from payterms.law._countries import CODES, country
from payterms.law._regime import (
    BandedCompensation,
    Compensation,
    FlatCompensation,
    NoCompensation,
    Regime,
    ScaleCompensation,
    StaffelCompensation,
    TermCaps,
)
from payterms.law.checks import check_terms
from payterms.law.clauses import check_charges
from payterms.law.findings import Finding, Mention, Severity
from payterms.law.rates import Fixing, RateRounding, Switch, TableRate, Unconfirmed
from payterms.law.tables import (
    TABLE_NAMES,
    RateEntry,
    RateStatus,
    RateTable,
    TableCoverage,
    check_tables,
    coverage,
    merged_table,
    rate_table,
)

__all__ = [
    "CODES",
    "TABLE_NAMES",
    "BandedCompensation",
    "Compensation",
    "Debtor",
    "Fixing",
    "Finding",
    "FlatCompensation",
    "Mention",
    "NoCompensation",
    "PartyKind",
    "RateEntry",
    "RateRounding",
    "RateStatus",
    "RateTable",
    "Regime",
    "ScaleCompensation",
    "Severity",
    "StaffelCompensation",
    "Switch",
    "TableCoverage",
    "TableRate",
    "TermCaps",
    "Unconfirmed",
    "check_charges",
    "check_terms",
    "coverage",
    "rate_table",
    "regime",
]


def regime(
    code: str,
    *,
    contract_date: _dt.date | None = None,
    debtor: PartyKind = PartyKind.UNDERTAKING,
    tables: Mapping[str, RateTable] | None = None,
) -> Regime:
    r"""Return the statutory late-interest regime of *code* for *debtor*.

    *debtor* is the kind of party that owes the money: an undertaking (``LARGE`` and
    ``SME`` included), a public authority or a consumer.

    *contract_date* (the day the contract was concluded, or in Germany the day the
    obligation arose) selects the rules of a transition: BE and NL contracts before
    16 March 2013, German obligations up to 28 July 2014 (+ 8 points, no EUR 40).
    ``None`` means a contract under the rules in force today. *tables* maps the name of
    a shipped table (see :func:`coverage`) to a table the caller brings
    (:meth:`RateTable.from_csv`): its rows are laid over the shipped table from its
    first ``valid_from`` to its last day (:meth:`RateTable.merged`), and the regime
    reads the result everywhere (``late_interest``, ``describe_invoice``, ...); results
    that use a row of it say so in their ``assumptions``. A table the regime does not
    read is refused.

    >>> from datetime import date
    >>> from decimal import Decimal
    >>> mine = RateTable.from_csv("# covers_until: 2026-12-31\n"
    ...                           "valid_from,rate,status,source\n"
    ...                           "2026-06-17,2.40,published,ECB press release of 11 June 2026\n",
    ...                           name="ecb_mro")
    >>> regime("FR", tables={"ecb_mro": mine}).rate_on(date(2026, 9, 1))
    Decimal('0.1240')
    >>> regime("NL", debtor=PartyKind.CONSUMER).compensation.amount(Decimal("10000"))
    Decimal('875')
    >>> regime("UK").currency
    'GBP'
    """
    key, _ = country(code)
    if contract_date is not None:
        contract_date = check_date(contract_date, "contract_date")
    if not isinstance(debtor, PartyKind):
        raise InvalidArgument("debtor", debtor, "a payterms.law.PartyKind member")
    given = check_tables(tables)
    result = _regime(key, contract_date, debtor.regime_kind)
    if not given:
        return result
    return result.with_tables({name: merged_table(name, table) for name, table in given.items()})


@functools.lru_cache(maxsize=4096)  # bounded: contract dates vary per invoice
def _regime(key: str, contract_date: _dt.date | None, debtor: PartyKind) -> Regime:
    _, module = country(key)
    result: Regime = module.regime(contract_date=contract_date, debtor=debtor)
    return result

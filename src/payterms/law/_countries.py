"""The table of country modules that :func:`payterms.law.regime` and ``check_terms`` share.

Private module. Each module of the table (:mod:`payterms.law.be`, ...) owns its regime
(``regime(contract_date=..., debtor=...)``), its caps on agreed terms (``TERM_CAPS``)
and their check (``check(case)``); a new jurisdiction is one module and one row here,
as python-stdnum adds one module per standard.
"""

from __future__ import annotations

from types import ModuleType

from payterms.errors import UnknownRegime
from payterms.law import be, de, eu, fr, lu, nl, uk

__all__ = ["CODES", "MODULES", "country"]

MODULES: dict[str, ModuleType] = {
    "BE": be,
    "DE": de,
    "EU": eu,
    "FR": fr,
    "LU": lu,
    "NL": nl,
    "UK": uk,
}

CODES: tuple[str, ...] = tuple(sorted(MODULES))
"""The codes of the table (``"GB"`` is accepted for ``"UK"``)."""


def country(code: object) -> tuple[str, ModuleType]:
    """Return the normalised code and the module of *code*, or raise ``UnknownRegime``.

    >>> country(" gb ")[0]
    'UK'
    """
    if not isinstance(code, str):
        raise UnknownRegime(code, CODES)
    key = code.strip().upper()
    key = "UK" if key == "GB" else key
    module = MODULES.get(key)
    if module is None:
        raise UnknownRegime(code, CODES)
    return key, module

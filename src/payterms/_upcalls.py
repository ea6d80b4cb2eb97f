"""Calls from a lower layer to a function of a higher one, made by name at call time.

Private module. Imports flow one way (docs/architecture.md): :mod:`payterms.interest`
does not import :mod:`payterms.law`, nor :mod:`payterms.terms` the wording in
:mod:`payterms.text`. A few conveniences of the lower layers still answer with a higher
one: a regime given by its code (``late_interest(..., regime="BE")``) and
``PaymentTerms.parse`` / ``PaymentTerms.describe``. They reach the function through
:func:`upcall`, by name, at call time; :data:`UPCALLS` lists every such call, and
tests/test_architecture.py checks that each goes up the layers and that no other
exists.
"""

from __future__ import annotations

import importlib
from typing import Any

__all__ = ["UPCALLS", "upcall"]

UPCALLS: frozenset[tuple[str, str]] = frozenset(
    {
        ("payterms.law", "regime"),  # interest: a regime given by its code
        ("payterms.text", "parse"),  # terms: PaymentTerms.parse
        ("payterms.text", "describe"),  # terms: PaymentTerms.describe
    }
)
"""Every ``(module, function)`` a lower layer calls by name."""


def upcall(module: str, name: str) -> Any:
    """Return the function *name* of the higher-layer *module*, importing it on first use.

    >>> upcall("payterms.text", "parse")("net 30").installments[0].rule
    DueRule.parse('30D')
    """
    if (module, name) not in UPCALLS:
        raise LookupError(f"{module}.{name} is not a declared upcall (payterms._upcalls)")
    return getattr(importlib.import_module(module), name)

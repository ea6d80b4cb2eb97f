"""Optional dependencies, imported only by the functions that need them.

Private module. numpy and pandas are extras (``pip install payterms[numpy]``,
``payterms[pandas]``); a function that needs one calls :func:`require`, which raises
:class:`~payterms.errors.MissingExtra` naming the extra when it is not installed.
"""

from __future__ import annotations

import importlib
from typing import Any

from payterms.errors import MissingExtra

__all__ = ["require"]


def require(module: str, what: str) -> Any:
    """Return the imported *module* (``"numpy"`` or ``"pandas"``) needed by *what*.

    >>> require("decimal", "a doctest").Decimal(1)
    Decimal('1')
    """
    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingExtra(what, module) from None

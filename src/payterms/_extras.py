"""Optional dependencies, imported only by the functions that need them.

Private module. numpy, pandas and matplotlib are extras (``pip install payterms[numpy]``,
``payterms[pandas]``, ``payterms[plot]``); a function that needs one calls :func:`require`,
which raises :class:`~payterms.errors.MissingExtra` naming the extra when it is not installed.
"""

from __future__ import annotations

import importlib
from typing import Any

from payterms.errors import MissingExtra

__all__ = ["require"]


def require(module: str, what: str, *, extra: str | None = None) -> Any:
    """Return the imported *module* needed by *what*, or raise naming the extra to install.

    *extra* is the name in ``pip install payterms[extra]``; it defaults to the top-level
    package of *module* (``"numpy"``, ``"pandas"``), and is ``"plot"`` for matplotlib.

    >>> require("decimal", "a doctest").Decimal(1)
    Decimal('1')
    >>> require("no_such_module.pyplot", "plot_aging", extra="plot")
    Traceback (most recent call last):
    payterms.errors.MissingExtra: plot_aging needs no_such_module: install it with
    `pip install payterms[plot]`
    """
    package = module.partition(".")[0]
    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingExtra(what, package if extra is None else extra, module=package) from None

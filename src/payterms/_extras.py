"""Optional dependencies, imported only by the functions that need them.

Private module. numpy, pandas and matplotlib are extras (``pip install payterms[numpy]``,
``payterms[pandas]``, ``payterms[plot]``); a function that needs one calls :func:`require`,
which raises :class:`~payterms.errors.MissingExtra` naming the extra when it is not installed.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Mapping, Sequence
from typing import Any, Protocol

from payterms.errors import MissingExtra

__all__ = ["Tabular", "frame", "frame_html", "require"]


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


class Tabular(Protocol):
    """A result with rows: :meth:`to_frame` gives them as a pandas DataFrame."""

    def to_frame(self) -> Any:
        """Return the rows as a pandas DataFrame."""
        ...  # pragma: no cover


def frame(what: str, columns: Mapping[str, Sequence[Any]], *, index: Any = None) -> Any:
    """Return a pandas DataFrame of *columns* for the ``to_frame`` method *what*.

    Decimal, date and enum values stay Python objects (object columns): nothing is turned
    into a float. Raises :class:`~payterms.errors.MissingExtra` without pandas.

    >>> frame("a doctest", {"day": [1, 2], "amount": ["1.00", "2.50"]}).shape
    (2, 2)
    """
    pandas = require("pandas", what)
    return pandas.DataFrame({name: list(values) for name, values in columns.items()}, index=index)


def frame_html(value: Tabular) -> str | None:
    """Return ``value.to_frame()`` as HTML for a notebook, or ``None`` without pandas.

    A result's ``_repr_html_``: Jupyter shows the table when pandas is installed and the
    result's plain ``repr`` otherwise (``None`` tells it to), and pandas is imported only
    here, when a notebook asks.

    >>> class Rows:
    ...     def to_frame(self):
    ...         return frame("Rows.to_frame", {"n": [1]})
    >>> "<table" in frame_html(Rows())
    True
    """
    if importlib.util.find_spec("pandas") is None:
        return None
    html: str = value.to_frame().to_html()
    return html

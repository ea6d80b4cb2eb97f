"""The ``payterms`` command: the library's headline answers from a terminal or a script.

``payterms COMMAND --help`` explains each command with a worked example, and the
command reference page lists them all (it is written by :func:`reference`). Text for
people by default, JSON with ``--json`` (the fields of the library's result values,
dates ISO, amounts as strings), CSV in and out with ``--csv`` for ``due``, ``cash`` and
``interest``; bad input ends with one line on standard error and exit status 2.

>>> main(["due", "net 30", "2026-01-15", "--json"])
{
  "due_date": "2026-02-14",
  ...
0
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from payterms.cli._app import EXIT_OK, Command, run

__all__ = ["main", "reference"]


def _configure_demo(parser: argparse.ArgumentParser) -> None:
    del parser  # no arguments


def _show_demo(args: argparse.Namespace) -> int:
    from payterms.cli._demo import run_demo

    run_demo()
    return EXIT_OK


def _configure_version(parser: argparse.ArgumentParser) -> None:
    from payterms.cli._common import add_json

    add_json(parser)


def _version(args: argparse.Namespace) -> int:
    from payterms import __version__
    from payterms.cli._output import emit, emit_json

    if args.json:
        emit_json({"version": __version__})
    else:
        emit(f"payterms {__version__}")
    return EXIT_OK


def commands() -> tuple[Command, ...]:
    """Return the subcommands of ``payterms``, in the order the help lists them."""
    from payterms.cli import _account, _cash, _claims, _money, _rates, _terms

    return (
        *_terms.COMMANDS,
        *_cash.COMMANDS,
        *_money.COMMANDS,
        *_claims.COMMANDS,
        *_account.COMMANDS,
        *_rates.COMMANDS,
        Command(
            name="demo",
            summary="show what payterms computes, on fixed example dates",
            description="Print a short demonstration of the library, one section per area, "
            "on fixed example dates.",
            configure=_configure_demo,
            handler=_show_demo,
        ),
        Command(
            name="version",
            summary="print the installed version (also: payterms --version)",
            description="Print the installed version of payterms.",
            configure=_configure_version,
            handler=_version,
        ),
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line *argv* (``sys.argv[1:]`` by default); return the exit status.

    >>> main(["describe", "2/10 net 30", "--lang", "de"])
    10 Tage 2 % Skonto, 30 Tage netto
    0
    """
    return run(commands(), list(sys.argv[1:] if argv is None else argv))


def reference() -> str:
    """Return the command's reference page, in Markdown, written from its parser.

    The documentation's ``reference/cli.md`` is this text (a test checks it).

    >>> page = reference()
    >>> "## payterms interest" in page and "| `--payment DATE:AMOUNT` |" in page
    True
    """
    from payterms.cli._reference import render

    return render(commands())

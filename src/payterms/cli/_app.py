"""The parser, the subcommand registry and the error handling of the ``payterms`` command."""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import sys
import textwrap
from collections.abc import Callable, Iterator, Sequence
from typing import IO, NoReturn

from attrs import frozen

from payterms.cli._output import CommandLineError, one_line

__all__ = ["Command", "Example", "blame", "blame_rows", "build_parser", "run"]

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_BAD_INPUT = 2
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, as a shell reports a writer whose reader left
EXIT_INTERNAL = 70  # EX_SOFTWARE of BSD sysexits.h: a defect, not the user's input

PROG = "payterms"
DESCRIPTION = (
    "The arithmetic of getting paid, from a terminal or a script: due dates, schedules, "
    "cash dates and send dates, the cost of a discount or of a longer term, statutory "
    "late interest, and whether payment terms are lawful."
)
EPILOG = """\
Every command prints text for people by default and JSON with --json (ISO dates,
amounts and rates as strings, the fields of the library's result values). Dates are
written YYYY-MM-DD, amounts with digits and a decimal point (never an exponent), annual
rates as a fraction (0.08) or in percent (8%). Bad input ends the command with one line
on standard error and exit status 2. 'payterms COMMAND --help' shows a worked example.
"""


@frozen
class Example:
    """A worked example of a command: its arguments and the text it prints."""

    argv: tuple[str, ...]
    output: str
    stdin: str | None = None

    @property
    def command_line(self) -> str:
        """Return the example as a shell command line."""
        import shlex

        line = shlex.join((PROG, *self.argv))
        return line if self.stdin is None else f"{line} < invoices.csv"


@frozen
class Command:
    """One subcommand: its name, help texts, arguments, worked example and handler."""

    name: str
    summary: str
    description: str
    configure: Callable[[argparse.ArgumentParser], None]
    handler: Callable[[argparse.Namespace], int]
    examples: tuple[Example, ...] = ()
    notes: str = ""

    def epilog(self) -> str:
        """Return the help text after the options: the notes and the worked examples."""
        parts = [self.notes.rstrip()] if self.notes else []
        for example in self.examples:
            block = [f"example:\n  $ {example.command_line}"]
            if example.stdin is not None:
                block.append("  (invoices.csv:)")
                block.extend(f"    {line}" for line in example.stdin.splitlines())
            block.extend(f"  {line}".rstrip() for line in example.output.splitlines())
            parts.append("\n".join(block))
        return "\n\n".join(parts)


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line, raised rather than printed."""

    def error(self, message: str) -> NoReturn:
        raise CommandLineError(f"{self.prog}: error: {' '.join(message.split())}")


class _Formatter(argparse.RawDescriptionHelpFormatter):
    def __init__(self, prog: str) -> None:
        super().__init__(prog, max_help_position=30, width=92)


def _shown(value: object) -> str:
    """Return a value as the command line writes it (dates ISO, amounts as digits)."""
    from datetime import date
    from decimal import Decimal

    from payterms.cli._output import jsonable, text_form

    if isinstance(value, (date, Decimal)):
        return str(jsonable(value))
    if isinstance(value, (tuple, list)):
        return " ".join(_shown(v) for v in value)
    day, amount = getattr(value, "date", None), getattr(value, "amount", None)
    if isinstance(day, date) and isinstance(amount, Decimal):  # a payment, as DATE:AMOUNT
        return f"{day}:{amount}"
    text = text_form(value)
    return repr(value) if text is None else text


@contextlib.contextmanager
def blame(argument: str | None = None, /, **names: str) -> Iterator[None]:
    """Turn a payterms error raised in the block into one naming the command-line argument.

    An :class:`~payterms.errors.InvalidArgument` about one of the library's arguments
    listed in *names* (``until="--until"``) is reworded with the command-line name and
    the value as the command line writes it; any other payterms error is put on
    *argument* (an argument's name, or a place such as "standard input line 3"), or
    passed on as it is when *argument* is None.
    """
    from payterms.errors import InvalidArgument, ParseError, PaytermsError

    try:
        yield
    except PaytermsError as exc:
        name = getattr(exc, "name", None)
        if isinstance(exc, InvalidArgument) and not isinstance(exc, ParseError) and name in names:
            what = "missing" if exc.value is None else f"{_shown(exc.value)} is not accepted"
            raise CommandLineError(
                f"argument {names[name]}: {what}: expected {exc.expected}"
            ) from None
        if argument is None:
            raise
        where = argument if " " in argument else f"argument {argument}"
        raise CommandLineError(f"{where}: {one_line(exc)}") from None


_ROW_NOTE = re.compile(r"\bat (?:row (\d+) of \w+|\w+\[(\d+)\])")


@contextlib.contextmanager
def blame_rows(lines: Sequence[int]) -> Iterator[None]:
    """Turn a batch function's error into one naming the line of standard input at fault.

    The batch functions note the position of the first bad row (``at starts[3]``,
    ``at row 3 of late_interest_many``); *lines* maps positions to line numbers.
    """
    from payterms.errors import PaytermsError

    def where(match: re.Match[str]) -> str:
        position = int(match[1] or match[2])
        if 0 <= position < len(lines):
            return f"at standard input line {lines[position]}"
        return match[0]

    try:
        yield
    except PaytermsError as exc:
        raise CommandLineError(f"standard input: {_ROW_NOTE.sub(where, one_line(exc))}") from None


def _version() -> str:
    from payterms import __version__

    return f"payterms {__version__}"


def build_parser(
    commands: Sequence[Command], *, only: str | None = None
) -> argparse.ArgumentParser:
    """Return the parser of the ``payterms`` command with one subparser per command.

    With *only*, the arguments of that command alone are set up (the others keep their
    name and summary): a command line runs one command, and setting up the others would
    import the whole library for nothing.
    """
    parser = _Parser(
        prog=PROG,
        description="\n".join(textwrap.wrap(DESCRIPTION, 88)),
        epilog=EPILOG,
        formatter_class=_Formatter,
    )
    parser.add_argument("--version", action="version", version=_version())
    parser.add_argument(
        "--traceback",
        action="store_true",
        help="on an unexpected error, show the Python traceback instead of one line",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for command in commands:
        child = sub.add_parser(
            command.name,
            help=command.summary,
            description="\n".join(textwrap.wrap(command.description, 88)),
            epilog=command.epilog(),
            formatter_class=_Formatter,
        )
        if only is None or only == command.name:
            command.configure(child)
        child.set_defaults(handler=command.handler)
    return parser


def _fail(message: str, stream: IO[str]) -> None:
    stream.write(" ".join(message.split()) + "\n")


def run(commands: Sequence[Command], argv: Sequence[str]) -> int:
    """Run the command line *argv* against *commands*; return the exit status."""
    from payterms.errors import PaytermsError

    named = next((word for word in argv if not word.startswith("-")), None)
    known = {command.name for command in commands}
    parser = build_parser(commands, only=named if named in known else "")
    traceback = "--traceback" in argv
    prog = PROG
    try:
        try:
            args = parser.parse_args(list(argv))
        except SystemExit as exc:  # --help and --version print, then exit
            return exc.code if isinstance(exc.code, int) else EXIT_OK
        prog = f"{PROG} {args.command}"
        status: int = args.handler(args)
        sys.stdout.flush()
    except CommandLineError as exc:
        message = str(exc)
        if not message.startswith(f"{PROG}"):
            message = f"{prog}: error: {message}"
        _fail(message, sys.stderr)
        return EXIT_BAD_INPUT
    except PaytermsError as exc:
        _fail(f"{prog}: error: {one_line(exc)}", sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:  # the reader went away (payterms ... | head): stop quietly
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        if traceback:
            raise
        _fail(
            f"{prog}: internal error: {type(exc).__name__}: {one_line(exc)} "
            "(run again with --traceback to see where)",
            sys.stderr,
        )
        return EXIT_INTERNAL
    return status

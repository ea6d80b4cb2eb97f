"""The command reference page (``docs/reference/cli.md``), written from the parser itself."""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from payterms.cli._app import (
    DESCRIPTION,
    EPILOG,
    EXIT_BAD_INPUT,
    EXIT_BROKEN_PIPE,
    EXIT_FINDINGS,
    EXIT_INTERNAL,
    EXIT_OK,
    PROG,
    Command,
    build_parser,
)

__all__ = ["render"]

HEADER = """\
<!-- Written by payterms.cli.reference() from the command's parser: change the parser
(src/payterms/cli/) and regenerate this page, a test checks that it is up to date:
python -c "import payterms.cli as c; print(c.reference(), end='')" > docs/reference/cli.md -->
"""


def _cell(text: str) -> str:
    return " ".join(text.replace("%%", "%").replace("|", "\\|").split())


def _invocation(action: argparse.Action) -> str:
    """Return how an argument is written: ``TERMS``, ``--calendar CAL``, ``--json``."""
    if not action.option_strings:
        return str(action.metavar or action.dest)
    name = max(action.option_strings, key=len)
    if action.nargs == 0:
        return name
    if action.metavar is not None:
        metavar = str(action.metavar)
    elif action.choices is not None:
        metavar = "{" + ",".join(str(c) for c in action.choices) + "}"
    else:
        metavar = action.dest.upper()
    return f"{name} {metavar}"


def _usage(name: str, actions: Sequence[argparse.Action]) -> str:
    words = [f"{PROG} {name}"]
    for action in actions:
        if isinstance(action, argparse._HelpAction):
            continue
        text = _invocation(action)
        optional = action.option_strings and not action.required
        optional = optional or (not action.option_strings and action.nargs == "?")
        repeat = "..." if isinstance(action, argparse._AppendAction) else ""
        words.append(f"[{text}]{repeat}" if optional else f"{text}{repeat}")
    return " ".join(words)


def _notes(action: argparse.Action) -> str:
    extra = []
    if action.required:
        extra.append("required")
    if isinstance(action, argparse._AppendAction):
        extra.append("repeatable")
    if not action.option_strings and action.nargs == "?":
        extra.append("optional")
    return f" ({', '.join(extra)})" if extra else ""


def _section(command: Command, parser: argparse.ArgumentParser) -> list[str]:
    actions = [a for a in parser._actions if not isinstance(a, argparse._HelpAction)]
    actions.sort(key=lambda a: bool(a.option_strings))  # positionals first, as usage shows
    lines = [f"## {PROG} {command.name}", "", command.description, ""]
    lines += ["```text", _usage(command.name, actions), "```", ""]
    if actions:
        lines += ["| argument | meaning |", "| --- | --- |"]
        lines += [
            f"| `{_cell(_invocation(a))}` | {_cell(a.help or '')}{_notes(a)} |" for a in actions
        ]
        lines.append("")
    if command.notes:
        lines += [command.notes.strip(), ""]
    for example in command.examples:
        lines.append("Example:")
        lines.append("")
        lines += ["```text", f"$ {example.command_line}"]
        if example.stdin is not None:
            lines += ["", "(invoices.csv:)", example.stdin, ""]
        lines += [example.output, "```", ""]
    return lines


def render(commands: Sequence[Command]) -> str:
    """Return the Markdown reference page of the ``payterms`` command."""
    parser = build_parser(commands)
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    lines = [
        HEADER,
        "# Command line: `payterms`",
        "",
        DESCRIPTION,
        "",
        "```text",
        f"{PROG} [--version] [--traceback] COMMAND [ARGUMENTS] [--json]",
        "```",
        "",
        " ".join(EPILOG.split()),
        "",
        "| command | what it prints |",
        "| --- | --- |",
        *(f"| `{c.name}` | {_cell(c.summary)} |" for c in commands),
        "",
        "`--version` prints the installed version; `--traceback` shows the Python traceback "
        "of an unexpected error instead of one line.",
        "",
    ]
    for command in commands:
        lines += _section(command, sub.choices[command.name])
    lines += [
        "## Exit status",
        "",
        "| status | meaning |",
        "| --- | --- |",
        f"| {EXIT_OK} | the answer was printed |",
        f"| {EXIT_FINDINGS} | `check` found a violation; `rates check` found a line it "
        "cannot read |",
        f"| {EXIT_BAD_INPUT} | bad input: one line on standard error names the argument "
        "and the value |",
        f"| {EXIT_INTERNAL} | an unexpected error (a defect): one line on standard error |",
        f"| {EXIT_BROKEN_PIPE} | the reader of the output went away (`payterms ... \\| head`) |",
        "",
        "## Python API",
        "",
        "::: payterms.cli",
        "",
    ]
    return "\n".join(lines)

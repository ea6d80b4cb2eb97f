"""Print the mutation score per module from mutmut's results, and the surviving mutants.

Run after ``python -m mutmut run`` (configured under ``[tool.mutmut]`` in pyproject.toml):
``python scripts/mutation_report.py [--survivors]``.

A mutant counts as killed when a test failed (or timed out) against it. A surviving mutant
that only changes the wording of an error message does not count against the score: the
text that says what was expected (``expected`` of ``InvalidArgument``, ``InvalidTerms``,
``InvalidType``, ``LimitExceeded`` and ``ParseError``, a parser's ``error(...)``, the
``detail`` of a lookup error) rewritten or dropped. The tests pin each error's type and
the value and argument it names instead (the ``name`` and ``value`` attributes and the
message's naming of the value: ``tests/robustness.py`` and each module's table of bad
input); a mutant that changes an error's type, its name or its value is an ordinary
mutant and must be killed. ``--survivors`` prints the diff of every other survivor; the
ones that remain are explained in ``docs/robustness.md``.
"""

from __future__ import annotations

import ast
import subprocess
import sys
import textwrap
from collections import Counter, defaultdict

KILLED = frozenset({"killed", "timeout", "caught by type check"})

# The argument that words an error, by the callable that builds it: its position among
# the positional arguments, and its keyword.
WORDING: dict[str, tuple[int | None, str | None]] = {
    "InvalidArgument": (2, "expected"),
    "InvalidTerms": (2, "expected"),
    "InvalidType": (2, "expected"),
    "LimitExceeded": (2, "expected"),
    "InvalidDocument": (2, "expected"),
    "ParseError": (2, "expected"),
    "UnknownCalendar": (1, "detail"),
    "RateNotPublished": (None, "detail"),
    "year_limit": (2, "what"),
}
# methods named `error` build a ParseError: rules' _Parser.error(expected, pos) and the
# wording grammar's _Reader.error(at, expected); _Parser.number(lo, hi, what) words its error
METHOD_WORDING: dict[str, tuple[int | None, str | None]] = {
    "error": (None, "expected"),
    "number": (2, "what"),
}


def _mutmut(*args: str) -> str:
    done = subprocess.run(  # noqa: S603 - this interpreter running mutmut
        [sys.executable, "-m", "mutmut", *args], capture_output=True, text=True, check=False
    )
    if done.returncode:
        raise SystemExit(f"mutmut {' '.join(args)} failed:\n{done.stderr}")
    return done.stdout


def _sides(diff: str) -> list[tuple[str, str]]:
    """Return the parseable original and mutated code around mutmut's change, smallest first.

    mutmut shows a unified diff with three lines of context; every window of lines that
    holds the change and whose two sides parse as Python is returned: the smallest may be
    a line of an error's arguments alone (``"year", year, "..."`` parses as a tuple), a
    wider one the call around it.
    """
    lines = [line for line in diff.splitlines() if not line.startswith(("---", "+++", "@@", "# "))]
    changed = [i for i, line in enumerate(lines) if line[:1] in "-+"]
    if not changed:
        return []
    first, last = changed[0], changed[-1]
    windows = [(a, b) for a in range(first + 1) for b in range(last + 1, len(lines) + 1)]
    found = []
    for a, b in sorted(windows, key=lambda w: w[1] - w[0]):
        before = [w[1:] for w in lines[a:b] if w[:1] != "+"]
        after = [w[1:] for w in lines[a:b] if w[:1] != "-"]
        sides = textwrap.dedent("\n".join(before)), textwrap.dedent("\n".join(after))
        try:
            ast.parse(sides[0])
            ast.parse(sides[1])
        except SyntaxError:
            continue
        if sides not in found:
            found.append(sides)
    return found


def _wording_slot(node: ast.Call) -> tuple[int | None, str | None] | None:
    """Return where *node* takes the text that words an error, or None if it words none."""
    func = node.func
    if isinstance(func, ast.Name):
        return WORDING.get(func.id)
    if isinstance(func, ast.Attribute):
        if func.attr == "error" and node.args:  # the one str argument is the wording
            return (next((i for i, a in enumerate(node.args) if _is_text(a)), None), None)
        return WORDING.get(func.attr) or METHOD_WORDING.get(func.attr)
    return None


def _is_text(node: ast.AST) -> bool:
    return isinstance(node, ast.JoinedStr) or (
        isinstance(node, ast.Constant) and isinstance(node.value, str)
    )


def _without_wording(tree: ast.AST) -> str:
    """Return the dump of *tree* with every error's wording (a text or None) blanked."""
    blank = ast.Constant("...")
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        slot = _wording_slot(node)
        if slot is None:
            continue
        position, keyword = slot
        if position is not None and position < len(node.args):
            word = node.args[position]
            if _is_text(word) or (isinstance(word, ast.Constant) and word.value is None):
                node.args[position] = blank
        for k in node.keywords:
            if k.arg == keyword and (
                _is_text(k.value) or (isinstance(k.value, ast.Constant) and k.value.value is None)
            ):
                k.value = blank
    return ast.dump(tree)


def wording_only(diff: str) -> bool:
    """Return whether the mutant only rewrites or drops an error's wording.

    It does when, in some window of code around the change that parses, the two sides
    differ and are the same once the text of every error's wording is blanked (a window
    too small to hold the call shows no wording, so it never decides alone).
    """
    for before, after in _sides(diff):
        old, new = ast.parse(before), ast.parse(after)
        if ast.dump(old) != ast.dump(new) and _without_wording(old) == _without_wording(new):
            return True
    return False


def main(show: bool) -> int:  # noqa: FBT001 - a command-line flag
    """Print the score per module (and the survivors' diffs with *show*); return 0."""
    statuses: dict[str, Counter[str]] = defaultdict(Counter)
    survivors: list[str] = []
    for line in _mutmut("results", "--all", "true").splitlines():
        name, _, status = line.strip().rpartition(": ")
        if not name:
            continue
        module = ".".join(name.split(".")[:2])  # payterms.rules.x_... -> payterms.rules
        if status == "survived":
            diff = _mutmut("show", name)
            if wording_only(diff):
                status = "wording only"
            else:
                survivors.append(diff)
        statuses[module][status] += 1
    print(f"{'module':20s} {'mutants':>8s} {'killed':>7s} {'survived':>9s} {'wording':>8s}  score")
    all_killed = all_counted = 0
    for module in sorted(statuses):
        counts = statuses[module]
        killed = sum(counts[s] for s in KILLED)
        counted = killed + counts["survived"] + counts["no tests"] + counts["suspicious"]
        all_killed += killed
        all_counted += counted
        score = f"{100 * killed / counted:5.1f} %" if counted else "not run"
        other = {k: v for k, v in counts.items() if k not in KILLED | {"survived", "wording only"}}
        print(
            f"{module:20s} {sum(counts.values()):8d} {killed:7d} {counts['survived']:9d} "
            f"{counts['wording only']:8d}  {score}"
            + (f"  ({', '.join(f'{k} {v}' for k, v in sorted(other.items()))})" if other else "")
        )
    if all_counted:
        print(f"{'all run':20s} {'':8s} {all_killed:7d} {'':9s} {'':8s}  "
              f"{100 * all_killed / all_counted:5.1f} %")  # fmt: skip
    if show:
        for diff in survivors:
            print(f"\n{diff}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main("--survivors" in sys.argv[1:]))

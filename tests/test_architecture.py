"""The import graph of src/payterms: one direction, no circle, no private name borrowed.

The graph is built from the source (the AST of every module), with every import a module
can execute: at module level and inside functions (lazy imports). Importing
``payterms.law.rates`` from outside ``payterms.law`` also runs
``payterms/law/__init__.py``, so it counts as an import of ``payterms.law`` too. The
graph of types adds the imports under ``TYPE_CHECKING``, which never run: it must follow
the layers of DESIGN.md §3 and docs/architecture.md, but a circle of annotations only is
no import circle.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest

import payterms
from payterms._upcalls import UPCALLS

PACKAGE = Path(payterms.__file__).parent

# DESIGN.md §3, bottom to top: a module may import its own layer and the layers below.
LAYERS: tuple[frozenset[str], ...] = tuple(
    frozenset(layer.split())
    for layer in (
        "_checks _extras _frames _upcalls errors limits money calendars",
        "rules",
        "terms",
        "runs timing discount conventions",
        "interest",
        "charges",
        "law",
        "text",
        "account financing receivables behaviour dunning",
        "forecast einvoice",
        "_columnar batch plot cli __main__ <root>",
    )
)
# text/ depends only on terms and rules, and on law for the legal mentions.
TEXT_MAY_IMPORT = frozenset(
    ["_checks", "errors", "limits", "money", "rules", "terms", "conventions", "law", "text"]
)
# the only modules that import by name at run time (the lazy public names, the optional
# extras, the declared upcalls)
DYNAMIC_IMPORTERS = frozenset({"payterms", "payterms._extras", "payterms._upcalls"})


@cache
def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


@cache
def _tree(module: str) -> ast.Module:
    return ast.parse(_modules()[module].read_text(encoding="utf-8"))


def _package_of(module: str) -> str:
    return module if _modules()[module].name == "__init__.py" else module.rpartition(".")[0]


def _typing_only(module: str) -> set[int]:
    """Return the ids of the import nodes under ``if TYPE_CHECKING:``."""
    found = set()
    for node in ast.walk(_tree(module)):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for child in node.body:
                for inner in ast.walk(child):
                    if isinstance(inner, (ast.Import, ast.ImportFrom)):
                        found.add(id(inner))
    return found


def _imports(module: str, *, typing: bool = True) -> Iterator[tuple[str, str | None, int]]:
    """Yield ``(imported module, imported name or None, line)`` for every payterms import.

    Without *typing*, the imports under ``TYPE_CHECKING`` are left out.
    """
    skip = set() if typing else _typing_only(module)
    for node in ast.walk(_tree(module)):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "payterms":
                    yield alias.name, None, node.lineno
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = _package_of(module).split(".")[
                    : len(_package_of(module).split(".")) - node.level + 1
                ]
                source = ".".join([*base, *([node.module] if node.module else [])])
            else:
                source = node.module or ""
            if source.split(".")[0] != "payterms":
                continue
            for alias in node.names:
                yield source, alias.name, node.lineno


def _targets(module: str, *, typing: bool) -> set[str]:
    """Return the modules *module* makes Python run when it imports (or names in types)."""
    known = _modules()
    out: set[str] = set()
    for source, name, _ in _imports(module, typing=typing):
        submodule = f"{source}.{name}" if name else None
        target = submodule if submodule in known else source
        chain = target.split(".")
        for depth in range(2, len(chain) + 1):  # parent packages run first (not the root)
            prefix = ".".join(chain[:depth])
            if prefix in known and not module.startswith(prefix + ".") and prefix != module:
                out.add(prefix)
        if target in known and target != module:
            out.add(target)
    return out


@cache
def _graph(*, typing: bool = True) -> dict[str, frozenset[str]]:
    return {module: frozenset(_targets(module, typing=typing)) for module in _modules()}


def _area(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "<root>"


def _layer(module: str) -> int:
    area = _area(module)
    for index, layer in enumerate(LAYERS):
        if area in layer:
            return index
    raise AssertionError(
        f"{module} is in no layer: add {area!r} to LAYERS in tests/test_architecture.py "
        "(and to the layers of docs/architecture.md)"
    )


def _cycles(graph: dict[str, frozenset[str]]) -> list[list[str]]:
    """Return the strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_graph_sees_every_kind_of_import() -> None:
    graph, runtime = _graph(), _graph(typing=False)
    assert "payterms.conventions" in runtime["payterms.law.be"]  # at module level
    assert "payterms._upcalls" in runtime["payterms.terms"]
    assert "payterms.law._regime" in runtime["payterms.law.be"]  # within a package
    assert "payterms.einvoice._embed" in runtime["payterms.einvoice.model"]  # in a function
    assert "payterms.interest" in graph["payterms"]  # under TYPE_CHECKING
    assert "payterms.interest" not in runtime["payterms"]
    # a circle is found where there is one
    assert _cycles({"a": frozenset({"b"}), "b": frozenset({"c"}), "c": frozenset({"a"})}) == [
        ["a", "b", "c"]
    ]


def test_no_import_circle() -> None:
    assert _cycles(_graph(typing=False)) == []


def test_imports_flow_down_the_layers() -> None:
    upward = [
        f"{module} imports {target}"
        for module, targets in sorted(_graph().items())
        for target in sorted(targets)
        if _layer(target) > _layer(module)
    ]
    assert upward == []


def test_text_depends_only_on_terms_rules_and_law() -> None:
    wrong = [
        f"{module} imports {target}"
        for module, targets in sorted(_graph().items())
        if _area(module) == "text"
        for target in sorted(targets)
        if _area(target) not in TEXT_MAY_IMPORT
    ]
    assert wrong == []


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def test_no_module_imports_a_private_name_of_another() -> None:
    # A private module (payterms.law._regime) serves the package it is in; a private
    # name inside a module serves that module alone.
    known = _modules()
    borrowed = []
    for module in known:
        for source, name, line in _imports(module):
            full = f"{source}.{name}" if name else source
            private = [part for part in full.split(".") if _private(part)]
            if not private:
                continue
            first = full.split(".").index(private[0])
            owner = ".".join(full.split(".")[:first])  # the package the private part serves
            is_module = full in known
            inside = module == owner or module.startswith(owner + ".")
            if not inside or (not is_module and name and _private(name)):
                borrowed.append(f"{module}:{line} imports {full}")
        aliases = _module_aliases(module)
        for node in ast.walk(_tree(module)):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id in aliases
                and node.attr.startswith("_")
                and not node.attr.startswith("__")
            ):
                borrowed.append(f"{module}:{node.lineno} uses {node.value.id}.{node.attr}")
    assert borrowed == []


def _module_aliases(module: str) -> set[str]:
    """Return the local names bound to another payterms module."""
    known = _modules()
    names = set()
    for node in ast.walk(_tree(module)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("payterms") and alias.asname:
                    names.add(alias.asname)
                elif alias.name.startswith("payterms"):
                    names.add(alias.name.split(".")[0])
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("payterms"):
            for alias in node.names:
                if f"{node.module}.{alias.name}" in known:
                    names.add(alias.asname or alias.name)
    return names


def _calls(module: str, function: str) -> Iterator[ast.Call]:
    for node in ast.walk(_tree(module)):
        if isinstance(node, ast.Call):
            callee = node.func
            name = callee.attr if isinstance(callee, ast.Attribute) else getattr(callee, "id", "")
            if name == function:
                yield node


def test_upcalls_are_declared_and_go_up() -> None:
    used = set()
    for module in _modules():
        if module == "payterms._upcalls":
            continue
        for call in _calls(module, "upcall"):
            args = call.args
            assert all(isinstance(a, ast.Constant) for a in args), f"{module}: literal names only"
            target = (args[0].value, args[1].value)  # type: ignore[attr-defined]
            assert target in UPCALLS, f"{module} calls {target}, not declared in UPCALLS"
            assert _layer(target[0]) > _layer(module), f"{module} upcalls down to {target}"
            used.add(target)
    assert used == set(UPCALLS)


@pytest.mark.parametrize("function", ["import_module", "__import__"])
def test_no_other_module_imports_by_name(function: str) -> None:
    dynamic = sorted(
        module
        for module in _modules()
        if module not in DYNAMIC_IMPORTERS and any(True for _ in _calls(module, function))
    )
    assert dynamic == []


def test_interest_does_not_import_the_law() -> None:
    assert not any(t.startswith("payterms.law") for t in _graph()["payterms.interest"])
    assert not any(
        t.startswith("payterms.interest")
        for m, ts in _graph().items()
        if _area(m) == "law"
        for t in ts
    )


def test_one_decimal_working_context() -> None:
    # money.CONTEXT is the one working context (money.round_to_unit widens it for a
    # value beyond 60 digits); no other module builds a decimal.Context of its own.
    built = sorted(
        f"{module}:{call.lineno}"
        for module in _modules()
        if module != "payterms.money"
        for call in _calls(module, "Context")
    )
    assert built == []


def test_the_architecture_page_draws_these_layers() -> None:
    # docs/architecture.md draws the layers top to bottom; each line names the areas of one
    # layer, then (after three spaces or more) describes it; only areas that exist are drawn
    page = (PACKAGE.parent.parent / "docs" / "architecture.md").read_text(encoding="utf-8")
    section = page[page.index("## Modules and the direction of imports") :]
    start = section.index("```text\n") + len("```text\n")
    block = section[start : section.index("\n```", start)]
    areas = {_area(module) for module in _modules()}
    drawn = [set(re.split(r"\s{3,}", line)[0].split()) for line in block.splitlines()]
    expected = [set(layer) & areas for layer in reversed(LAYERS) if set(layer) & areas]
    assert drawn == expected
    # every area of the package is drawn
    assert set().union(*drawn) == areas

"""Prepare the docstrings of payterms for the reference pages.

The docstrings carry their examples as bare doctest blocks (the test suite runs them with
``--doctest-modules``) and name other objects with reStructuredText roles such as
``:func:`late_interest``` and ``::`` literal blocks. Markdown would read a ``>>>`` line as
three nested quotes, a ``[...]`` result as a link and a role as stray punctuation, so once
griffe has loaded the package this extension rewrites every docstring: each literal block
is dedented and fenced, each doctest block (from its first ``>>>`` line to the next blank
line) is wrapped in a ``pycon`` fence, and each role becomes
an optional cross-reference, resolved in the scope of the object it appears in (a link
when the target is on the site, plain code otherwise).
"""

from __future__ import annotations

import re
from typing import Any

try:
    import griffe
except ModuleNotFoundError:  # without the docs extra only the text functions are used (tests)
    griffe = None

_FENCE = "```"
# A name griffe cannot resolve (or, for scopes that are not griffe objects, a LookupError)
# becomes an optional cross-reference.
_UNRESOLVED: tuple[type[Exception], ...] = (
    (griffe.NameResolutionError, LookupError) if griffe is not None else (LookupError,)
)
_ROLE = re.compile(r":(?:py:)?(?:func|class|mod|meth|attr|data|exc|obj|const):`(~?)([^`<>\s]+)`")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def literal_blocks(text: str) -> str:
    """Return *text* with each reStructuredText literal block (``::``) as Markdown.

    The ``::`` that ends a paragraph becomes ``:``; the indented block after it is
    dedented, and fenced as plain text unless it is a doctest block (left for
    :func:`fence_doctests`).
    """
    lines = text.splitlines()
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        if not line.rstrip().endswith("::") or line.lstrip().startswith(">>>"):
            out.append(line)
            continue
        base = _indent(line)
        out.append(line.rstrip()[:-1])
        block: list[str] = []
        while i < len(lines) and (not lines[i].strip() or _indent(lines[i]) > base):
            block.append(lines[i])
            i += 1
        while block and not block[-1].strip():
            i -= 1
            block.pop()
        body = [b for b in block if b.strip()]
        if not body:
            continue
        cut = min(_indent(b) for b in body)
        dedented = [b[cut:] if b.strip() else "" for b in block]
        while dedented and not dedented[0]:
            dedented.pop(0)
        pad = " " * base
        out.append("")
        if dedented[0].startswith(">>>"):
            out.extend(pad + d if d else "" for d in dedented)
        else:
            out.extend([f"{pad}{_FENCE}text", *(pad + d if d else "" for d in dedented)])
            out.append(f"{pad}{_FENCE}")
    return "\n".join(out)


def fence_doctests(text: str) -> str:
    """Return *text* with every bare doctest block wrapped in a ``pycon`` fence.

    A block starts at a line whose text begins with three ``>`` and ends before the next
    blank line, as doctest reads it; blocks already inside a fence are left alone, and the
    fence keeps the block's indentation so that it stays inside a Google-style section.
    """
    out: list[str] = []
    in_fence = False
    in_block = False
    indent = ""
    for line in text.splitlines():
        stripped = line.lstrip()
        if in_block:
            if stripped:
                out.append(line)
                continue
            out.append(f"{indent}{_FENCE}")
            in_block = False
        if stripped.startswith(_FENCE):
            in_fence = not in_fence
        elif not in_fence and stripped.startswith(">>>"):
            indent = line[: len(line) - len(stripped)]
            out.append(f"{indent}{_FENCE}pycon")
            in_block = True
        out.append(line)
    if in_block:
        out.append(f"{indent}{_FENCE}")
    return "\n".join(out)


def _target(obj: griffe.Object, name: str) -> str:
    """Return the full dotted path *name* stands for inside *obj*, or *name* unchanged."""
    if name.startswith("payterms."):
        return name
    head, _, rest = name.partition(".")
    try:
        path = obj.resolve(head)
    except _UNRESOLVED:
        return name
    return f"{path}.{rest}" if rest else path


def link_roles(text: str, obj: griffe.Object) -> str:
    """Return *text* with each reStructuredText role turned into an optional cross-reference."""

    def replace(match: re.Match[str]) -> str:
        tilde, name = match.groups()
        shown = name.rsplit(".", 1)[-1] if tilde else name
        return f'<autoref identifier="{_target(obj, name)}" optional><code>{shown}</code></autoref>'

    return _ROLE.sub(replace, text)


if griffe is not None:

    class DoctestBlocks(griffe.Extension):
        """Rewrite every docstring of the loaded package for Markdown."""

        def on_package(self, *, pkg: griffe.Module, **kwargs: Any) -> None:
            """Rewrite the docstrings of *pkg* and of everything defined in it."""
            todo: list[griffe.Object] = [pkg]
            while todo:
                obj = todo.pop()
                if obj.docstring is not None:
                    text = fence_doctests(literal_blocks(obj.docstring.value))
                    obj.docstring.value = link_roles(text, obj)
                todo.extend(m for m in obj.members.values() if not m.is_alias)

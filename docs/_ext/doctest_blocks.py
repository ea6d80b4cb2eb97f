"""Prepare the docstrings of payterms for the reference pages.

The docstrings carry their examples as bare doctest blocks (the test suite runs them with
``--doctest-modules``) and name other objects with reStructuredText roles such as
``:func:`late_interest```. Markdown would read a ``>>>`` line as three nested quotes, a
``[...]`` result as a link and a role as stray punctuation, so once griffe has loaded the
package this extension rewrites every docstring: each doctest block (from its first
``>>>`` line to the next blank line) is wrapped in a ``pycon`` fence, and each role becomes
an optional cross-reference, resolved in the scope of the object it appears in (a link
when the target is on the site, plain code otherwise).
"""

from __future__ import annotations

import re
from typing import Any

import griffe

_FENCE = "```"
_ROLE = re.compile(r":(?:py:)?(?:func|class|mod|meth|attr|data|exc|obj|const):`(~?)([^`<>\s]+)`")


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
    except griffe.NameResolutionError:
        return name
    return f"{path}.{rest}" if rest else path


def link_roles(text: str, obj: griffe.Object) -> str:
    """Return *text* with each reStructuredText role turned into an optional cross-reference."""

    def replace(match: re.Match[str]) -> str:
        tilde, name = match.groups()
        shown = name.rsplit(".", 1)[-1] if tilde else name
        return f'<autoref identifier="{_target(obj, name)}" optional><code>{shown}</code></autoref>'

    return _ROLE.sub(replace, text)


class DoctestBlocks(griffe.Extension):
    """Rewrite every docstring of the loaded package for Markdown."""

    def on_package(self, *, pkg: griffe.Module, **kwargs: Any) -> None:
        """Rewrite the docstrings of *pkg* and of everything defined in it."""
        todo: list[griffe.Object] = [pkg]
        while todo:
            obj = todo.pop()
            if obj.docstring is not None:
                text = fence_doctests(obj.docstring.value)
                obj.docstring.value = link_roles(text, obj)
            todo.extend(m for m in obj.members.values() if not m.is_alias)

"""The documentation: examples run as written, and the site's structure holds together.

The structural tests guard what would break ``mkdocs build --strict`` without needing
mkdocs: every page is in the navigation and every navigation entry is a page, every
``::: module`` directive names an importable module, every public module has a reference
page, every relative link and every snippet include points at a file that exists, and
the docstring rewriting of ``docs/_ext`` turns every docstring into Markdown that keeps its
examples as code.
"""

from __future__ import annotations

import doctest
import importlib
import importlib.util
import inspect
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

import payterms

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
PAGES = sorted([ROOT / "README.md", *DOCS.rglob("*.md")])
FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE | doctest.IGNORE_EXCEPTION_DETAIL
MKDOCS = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")

_DIRECTIVE = re.compile(r"^:::\s*(\S+)\s*$", re.MULTILINE)
_NAV_ENTRY = re.compile(r"^\s*-\s*(?:[^:\n]+:\s*)?(\S+\.md)\s*$", re.MULTILINE)
_LINK = re.compile(r"\]\(([^)\s]+)\)")
_SNIPPET = re.compile(r'^--8<--\s+"([^"]+)"\s*$', re.MULTILINE)
_EXTENSION = re.compile(r"^\s*-\s*(docs/\S+\.py)(?::\w+)?\s*$", re.MULTILINE)


def _rel(page: Path) -> str:
    return str(page.relative_to(ROOT))


def _directives() -> dict[str, Path]:
    """Return each ``::: target`` of the reference pages with the page it is on."""
    found: dict[str, Path] = {}
    for page in sorted((DOCS / "reference").glob("*.md")):
        for target in _DIRECTIVE.findall(page.read_text(encoding="utf-8")):
            found[target] = page
    return found


def _public_modules() -> list[str]:
    """Return the dotted names of the modules under src/payterms that users may import."""
    package = Path(payterms.__file__).parent
    names = []
    for path in sorted(package.rglob("*.py")):
        parts = path.relative_to(package.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        if any(part.startswith("_") for part in parts):
            continue
        names.append(".".join(parts))
    return names


@pytest.mark.parametrize("page", PAGES, ids=_rel)
def test_page_examples(page: Path) -> None:
    result = doctest.testfile(str(page), module_relative=False, optionflags=FLAGS)
    assert result.failed == 0


def test_every_docs_page_is_in_the_navigation() -> None:
    nav = set(_NAV_ENTRY.findall(MKDOCS))
    for page in DOCS.rglob("*.md"):
        assert str(page.relative_to(DOCS)) in nav, page


def test_every_navigation_entry_is_a_page() -> None:
    entries = _NAV_ENTRY.findall(MKDOCS)
    assert entries[:2] == ["index.md", "tutorial.md"]  # a newcomer meets the tutorial first
    assert entries[-1] == "changelog.md"
    assert len(entries) == len(set(entries))
    for entry in entries:
        assert (DOCS / entry).is_file(), entry


def test_every_reference_target_is_an_importable_module() -> None:
    targets = _directives()
    assert targets
    for target, page in targets.items():
        assert target.startswith("payterms"), (target, page)
        module = importlib.import_module(target)
        assert module.__doc__, f"{target} ({_rel(page)}) has no module docstring"


def test_every_public_module_has_a_reference_page() -> None:
    targets = _directives()
    modules = _public_modules()
    assert "payterms.law.be" in modules
    assert "payterms.law._regime" not in modules
    missing = [name for name in modules if name != "payterms" and name not in targets]
    assert not missing, f"modules without a `::: module` directive in docs/reference: {missing}"


def test_every_public_name_is_on_a_reference_page() -> None:
    documented: set[str] = set()
    for target in _directives():
        documented.update(getattr(importlib.import_module(target), "__all__", ()))
    missing = sorted(set(payterms.__all__) - documented - {"__version__"})
    assert not missing, f"names in payterms.__all__ that no reference page renders: {missing}"


@pytest.mark.parametrize("page", PAGES, ids=_rel)
def test_relative_links_point_at_files(page: Path) -> None:
    for link in _LINK.findall(page.read_text(encoding="utf-8")):
        target = link.split("#", 1)[0]
        if not target or "://" in target or target.startswith("mailto:"):
            continue
        assert (page.parent / target).exists(), f"{_rel(page)} links to missing {link!r}"


def test_snippet_includes_resolve_from_the_repository_root() -> None:
    includes = {
        (page, name)
        for page in DOCS.rglob("*.md")
        for name in _SNIPPET.findall(page.read_text(encoding="utf-8"))
    }
    assert (DOCS / "changelog.md", "CHANGELOG.md") in includes
    assert "base_path: [.]" in MKDOCS
    for page, name in includes:
        assert (ROOT / name).is_file(), f"{_rel(page)} includes missing {name!r}"


def test_docstring_extensions_exist() -> None:
    extensions = _EXTENSION.findall(MKDOCS)
    assert extensions
    for path in extensions:
        assert (ROOT / path).is_file(), path


def _docstring_extension() -> ModuleType:
    """Return the docstring extension of the reference pages, loaded from its file."""
    path = DOCS / "_ext" / "doctest_blocks.py"
    spec = importlib.util.spec_from_file_location("doctest_blocks", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _docstrings() -> Iterator[tuple[str, str]]:
    """Yield (name, cleaned docstring) for the public modules, their names and methods."""
    seen: set[int] = set()
    for name in _public_modules():
        module = importlib.import_module(name)
        objects: list[tuple[str, object]] = [(name, module)]
        for public in getattr(module, "__all__", ()):
            value = getattr(module, public)
            objects.append((f"{name}.{public}", value))
            if isinstance(value, type):
                objects.extend(
                    (f"{name}.{public}.{attr}", member)
                    for attr, member in vars(value).items()
                    if not attr.startswith("_")
                )
        for qualname, obj in objects:
            if isinstance(obj, classmethod | staticmethod):
                obj = obj.__func__
            doc = getattr(obj, "__doc__", None)
            if id(obj) in seen or not isinstance(doc, str) or type(obj).__doc__ is doc:
                continue
            seen.add(id(obj))
            yield qualname, inspect.cleandoc(doc)


def test_docstring_markdown_example() -> None:
    ext = _docstring_extension()
    text = "Errors::\n\n    * A\n      - B\n\nSum:\n\n>>> 1 + 1\n2\n\nDone."
    assert ext.fence_doctests(ext.literal_blocks(text)).splitlines() == [
        "Errors:",
        "",
        "```text",
        "* A",
        "  - B",
        "```",
        "",
        "Sum:",
        "",
        "```pycon",
        ">>> 1 + 1",
        "2",
        "```",
        "",
        "Done.",
    ]


def test_roles_become_optional_cross_references() -> None:
    ext = _docstring_extension()

    class Scope:
        def resolve(self, name: str) -> str:
            if name == "PaymentTerms":
                return "payterms.terms.PaymentTerms"
            raise LookupError(name)

    text = ":meth:`PaymentTerms.schedule`, :class:`~payterms.law.Regime`, :func:`nowhere`"
    assert ext.link_roles(text, Scope()) == (
        '<autoref identifier="payterms.terms.PaymentTerms.schedule" optional>'
        "<code>PaymentTerms.schedule</code></autoref>, "
        '<autoref identifier="payterms.law.Regime" optional><code>Regime</code></autoref>, '
        '<autoref identifier="nowhere" optional><code>nowhere</code></autoref>'
    )


def test_every_docstring_example_is_fenced_as_code() -> None:
    ext = _docstring_extension()
    seen = 0
    for qualname, doc in _docstrings():
        markdown = ext.fence_doctests(ext.literal_blocks(doc)).splitlines()
        prompts = sum(line.lstrip().startswith(">>>") for line in doc.splitlines())
        inside = False
        fenced = 0
        for line in markdown:
            stripped = line.lstrip()
            if stripped.startswith("```"):
                inside = not inside
            elif stripped.startswith(">>>"):
                assert inside, f"{qualname}: example outside a code block: {line!r}"
                fenced += 1
        assert not inside, f"{qualname}: a code block is never closed"
        assert fenced == prompts, qualname
        seen += prompts
    assert seen > 500  # the walk reached the examples of the whole package


def test_site_builds_strictly(tmp_path: Path) -> None:
    """`mkdocs build --strict` succeeds: no broken link, nav entry or docstring rendering."""
    pytest.importorskip("mkdocs", reason="mkdocs is part of the [docs] extra")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "tutorial" / "index.html").is_file()

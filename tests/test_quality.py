"""The sources type-check under mypy --strict and pass ruff (the project's own settings)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=ROOT, capture_output=True, text=True, check=False)


@pytest.mark.skipif(shutil.which("ruff") is None, reason="ruff is part of the [dev] extra")
def test_ruff_check() -> None:
    result = _run("ruff", "check", "src", "tests", "benchmarks")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.skipif(shutil.which("ruff") is None, reason="ruff is part of the [dev] extra")
def test_ruff_format() -> None:
    result = _run("ruff", "format", "--check", "src", "tests", "benchmarks")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict() -> None:
    pytest.importorskip("mypy", reason="mypy is part of the [dev] extra")
    result = _run(sys.executable, "-m", "mypy")
    assert result.returncode == 0, result.stdout + result.stderr


def _flat_group(groups: dict[str, list[object]], name: str) -> set[str]:
    """Return the requirements of dependency group *name*, included groups expanded."""
    out: set[str] = set()
    for item in groups[name]:
        if isinstance(item, dict):
            out |= _flat_group(groups, item["include-group"])
        else:
            out.add(str(item))
    return out


def test_the_dev_extra_and_the_dev_group_list_the_same_tools() -> None:
    # `pip install -e '.[dev]'` (README, CI) and `uv sync` / `pip install --group dev`
    # install the same development tools (PEP 735 dependency groups)
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    extras: dict[str, list[str]] = project["project"]["optional-dependencies"]
    from_extra: set[str] = set()
    for requirement in extras["dev"]:
        if requirement.startswith("payterms["):  # the package's own extras, spelled out
            from_extra |= set(extras[requirement[len("payterms[") : -1]])
        else:
            from_extra.add(requirement)
    assert from_extra == _flat_group(project["dependency-groups"], "dev")


def test_the_licence_is_in_the_repository_and_declared_for_the_wheel() -> None:
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license"] == "MIT"
    assert project["license-files"] == ["LICENSE"]
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License\n")

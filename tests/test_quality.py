"""The sources type-check under mypy --strict and pass ruff; the properties pass a random seed."""

from __future__ import annotations

import os
import random
import re
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


RANDOM_PASS_TIMEOUT = 900
"""Seconds the random-seed pass of the properties may take (see conftest.py)."""


def test_every_property_states_its_count_through_examples() -> None:
    # A property's own max_examples overrides the loaded profile, so a bare count would
    # escape the bounded random pass and the thorough profile (conftest.py): each one is
    # written max_examples=examples(n) (strategies.examples)
    bare = [
        f"{path.name}:{number}"
        for path in sorted((ROOT / "tests").glob("test_*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"max_examples=\d", line)
    ]
    assert bare == []


@pytest.mark.skipif(
    not os.environ.get("CI") or os.environ.get("PAYTERMS_HYPOTHESIS_PROFILE"),
    reason="without CI the properties already run with a random seed (conftest.py)",
)
def test_properties_under_a_random_seed() -> None:
    # CI's one command also runs every property once with a fresh random seed, a few
    # examples each; the seed is printed so that a counterexample can be replayed.
    seed = random.SystemRandom().randrange(2**32)
    env = {**os.environ, "PAYTERMS_HYPOTHESIS_PROFILE": "random"}
    command = [
        sys.executable, "-m", "pytest", "-m", "hypothesis", "-q", "-p", "no:cacheprovider",
        f"--hypothesis-seed={seed}", "tests",
    ]  # fmt: skip
    try:
        result = subprocess.run(
            command,
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=False,
            timeout=RANDOM_PASS_TIMEOUT,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"the random-seed pass took over {RANDOM_PASS_TIMEOUT} s (seed {seed})")
    assert result.returncode == 0, (
        f"properties failed under --hypothesis-seed={seed} (replay with "
        f"PAYTERMS_HYPOTHESIS_PROFILE=random python -m pytest -m hypothesis "
        f"--hypothesis-seed={seed}):\n{result.stdout[-6000:]}{result.stderr[-2000:]}"
    )
    assert " passed" in result.stdout


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

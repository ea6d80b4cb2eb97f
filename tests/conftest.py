"""Test configuration: hypothesis profiles, and a random-seed pass of every property in CI.

Profiles (``PAYTERMS_HYPOTHESIS_PROFILE`` chooses one; under ``CI`` the default is ``ci``):

* default (no ``CI``): hypothesis explores new examples on every run and remembers
  failures in its database, as a developer's run should.
* ``ci``: every run draws the same examples (``derandomize``), so a result depends only on
  the code, and no example is rejected for being slow on a loaded machine.
* ``random``: the same properties with a random seed and at most
  ``strategies.RANDOM_EXAMPLES`` examples each. A fixed seed never finds what it did not
  find the first time (a property once found ``late_interest(Decimal("1E38"))`` only under
  a random seed), so CI runs this too, as a bounded second pass.
* ``mutation``: the ``ci`` examples, ten per property, for mutation testing (mutmut runs
  the tests once per mutant: the same examples each time, and few of them).
* ``thorough``: at least ``strategies.THOROUGH_EXAMPLES`` (2000) examples per property,
  random seed, for a maintainer before a release::

      PAYTERMS_HYPOTHESIS_PROFILE=thorough python -m pytest -m hypothesis -p no:cacheprovider

A property's own ``@settings(max_examples=...)`` would override any profile, so each one
states its count as ``max_examples=examples(n)`` (``strategies.examples``), which the
``random`` and ``thorough`` profiles scale.

How CI runs both passes with one command. CI runs exactly ``python -m pytest`` with ``CI``
set. That run loads ``ci``, and ``tests/test_quality.py::test_properties_under_a_random_seed``
starts a second pytest in a subprocess over the properties only (``-m hypothesis``) with
``PAYTERMS_HYPOTHESIS_PROFILE=random`` and a fresh ``--hypothesis-seed``, printed on
failure so that the counterexample can be replayed (then kept as an ``@example``). A
subprocess rather than a plugin that re-runs each test in place: the profile is loaded
before the test modules are imported, the database and the seed are those of a plain
pytest run, and nothing depends on hypothesis internals. Its time is bounded twice: by
the example count (10 per property: about a tenth of the ``ci`` pass) and by a hard
timeout (``RANDOM_PASS_TIMEOUT`` seconds) that fails the test rather than hang CI on a
two-core machine.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci",
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=(HealthCheck.too_slow,),
    print_blob=True,
)
settings.register_profile(
    "random",
    max_examples=10,
    derandomize=False,
    database=None,
    deadline=None,
    suppress_health_check=(HealthCheck.too_slow,),
    print_blob=True,
)
settings.register_profile(
    "mutation",
    max_examples=10,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=(HealthCheck.too_slow,),
)
settings.register_profile(
    "thorough",
    max_examples=2000,
    derandomize=False,
    deadline=None,
    suppress_health_check=(HealthCheck.too_slow, HealthCheck.filter_too_much),
    print_blob=True,
)

PROFILE = os.environ.get("PAYTERMS_HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "")
if PROFILE:
    settings.load_profile(PROFILE)


@pytest.fixture
def run(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Callable[..., tuple[int, str, str]]:
    """Return a function running the command line's ``main(argv)`` with *stdin* in process.

    It returns ``(status, stdout, stderr)``; tests/test_cli*.py use it.
    """
    from payterms.cli import main

    def call(*argv: str, stdin: str | None = None) -> tuple[int, str, str]:
        capsys.readouterr()
        monkeypatch.setattr(sys, "stdin", io.StringIO("" if stdin is None else stdin))
        status = main(list(argv))
        out, err = capsys.readouterr()
        return status, out, err

    return call

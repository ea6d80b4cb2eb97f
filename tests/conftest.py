"""Test configuration: a deterministic hypothesis profile for continuous integration.

Locally, hypothesis explores new examples on every run and remembers failures in its
database. Under CI (``CI`` set in the environment) every run draws the same examples, so a
result depends only on the code, and no example is rejected for being slow on a loaded
machine.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci",
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=(HealthCheck.too_slow,),
    print_blob=True,
)
if os.environ.get("CI"):
    settings.load_profile("ci")

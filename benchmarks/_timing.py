"""Timing helpers shared by the benchmark scripts (not part of the package)."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def median_us(fn: Callable[[], object], *, repeat: int = 7, number: int | None = None) -> float:
    """Return the median time of one call of *fn* in microseconds."""
    if number is None:
        number = 1
        while True:
            start = time.perf_counter()
            for _ in range(number):
                fn()
            if time.perf_counter() - start > 0.05:
                break
            number *= 2
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(number):
            fn()
        samples.append((time.perf_counter() - start) / number * 1e6)
    return statistics.median(samples)


def report(name: str, ours: float, baseline: float, baseline_name: str) -> None:
    """Print one benchmark line: our median, the baseline's, and the speed ratio."""
    print(
        f"{name:<44} payterms {ours:9.2f} us   {baseline_name} {baseline:9.2f} us"
        f"   ratio {baseline / ours:7.2f}x"
    )

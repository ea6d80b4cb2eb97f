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


def interleaved_ms(fns: dict[str, Callable[[], object]], *, repeat: int = 7) -> dict[str, float]:
    """Return the median time of one call of each function in milliseconds.

    The functions run in turn, round after round, so that a machine busy with other
    work slows every contender alike and the ratios of the medians stay fair.
    """
    samples: dict[str, list[float]] = {name: [] for name in fns}
    for _ in range(repeat):
        for name, fn in fns.items():
            start = time.perf_counter()
            fn()
            samples[name].append((time.perf_counter() - start) * 1e3)
    return {name: statistics.median(values) for name, values in samples.items()}


def interleaved_wall_cpu_ms(
    fns: dict[str, Callable[[], object]], *, repeat: int = 7
) -> dict[str, tuple[float, float]]:
    """Return the median (wall, CPU) time of one call of each function in milliseconds.

    As :func:`interleaved_ms`, with the CPU time of the process (``time.process_time``)
    beside the wall time: on a machine shared with other work, the CPU time leaves out
    the time spent waiting for a core.
    """
    walls: dict[str, list[float]] = {name: [] for name in fns}
    cpus: dict[str, list[float]] = {name: [] for name in fns}
    for _ in range(repeat):
        for name, fn in fns.items():
            start, start_cpu = time.perf_counter(), time.process_time()
            fn()
            walls[name].append((time.perf_counter() - start) * 1e3)
            cpus[name].append((time.process_time() - start_cpu) * 1e3)
    return {name: (statistics.median(walls[name]), statistics.median(cpus[name])) for name in fns}


def peak_mb(fn: Callable[[], object]) -> float:
    """Return the peak memory allocated while *fn* runs once, in MB (numpy included)."""
    import gc
    import tracemalloc

    gc.collect()
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1] / 1e6
    finally:
        tracemalloc.stop()

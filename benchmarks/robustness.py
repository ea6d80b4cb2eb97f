"""Print the robustness table's count by outcome (the table is tests/robustness.py).

Run: ``PYTHONPATH=src python benchmarks/robustness.py [-v]``. Every row is one bad value
for one argument of one public callable; the good outcomes are a payterms error (or a
``TypeError``) naming the value. ``-v`` lists every row that is not answered so. Exits
non-zero when one is not.
"""

from __future__ import annotations

import sys
import time
import warnings
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from robustness import CASES, OUTCOMES, outcome


def main(verbose: bool) -> int:  # noqa: FBT001 - a command-line flag
    warnings.simplefilter("ignore")  # a PaytermsWarning is not an outcome
    counts: Counter[str] = Counter()
    targets: set[str] = set()
    start = time.perf_counter()
    for case in CASES:
        kind, detail = outcome(case)
        counts[kind] += 1
        targets.add(case.target)
        if verbose and kind not in OUTCOMES[:2]:
            print(f"  [{kind}] {case.id}: {detail[:200]}")
    elapsed = time.perf_counter() - start
    print(f"{len(CASES)} bad inputs to {len(targets)} callables and methods ({elapsed:.1f} s):")
    for kind in OUTCOMES:
        print(f"  {counts[kind]:5d}  {kind}")
    return 0 if counts[OUTCOMES[0]] + counts[OUTCOMES[1]] == len(CASES) else 1


if __name__ == "__main__":
    sys.exit(main("-v" in sys.argv[1:]))

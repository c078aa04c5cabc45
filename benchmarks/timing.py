"""Small timing helpers shared by the benchmarks."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def median_seconds(action: Callable[[], object], repeat: int = 5, setup: Callable[[], object] | None = None) -> float:
    """Median wall time of ``action`` over ``repeat`` runs (``setup`` untimed before each)."""
    times = []
    for _ in range(repeat):
        if setup is not None:
            setup()
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def report(label: str, value: float, unit: str, note: str = "") -> None:
    """Print one figure in the common format."""
    suffix = f"  ({note})" if note else ""
    print(f"   {label:<48} {value:>12,.3f} {unit}{suffix}", flush=True)
